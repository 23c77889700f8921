"""Seeded generator of the national workload (issue 16): written once under build/bench_data/national_<size>/.

- ``gsi_emergency_national.geojson`` + ``gsi_evacuation_national.geojson``: 110,000 rows in the GSI layouts
  (60,000 指定緊急避難場所 + 50,000 指定避難所; 10,000 shelters share name and address with an emergency site and
  carry the 住所同一 flag) -> 100,000 facilities after sonae:importshelters. Sites cluster around 300 towns
  (5-digit municipality codes of 47 prefectures) inside Japan's extent.
- ``depth_rank.tif``: a 20,000 x 20,000 depth-rank raster (uint8, 0 = NoData/outside, 1-6 ranks) in JGD2011
  lon/lat (0.0012 deg x 0.0008 deg cells, 128.4-152.4 E, 30-46 N; the grid is *not* aligned to JIS mesh lines).
  Realistic entropy: flood plains from a smooth multi-scale field, class boundaries roughened by per-cell noise, so
  DEFLATE compresses it ~3-6:1 (the issue's complaint: a smooth raster compressing 100:1 flatters raster steps).
- ``mesh.gpkg`` (380,000 JIS 1-km mesh cells as polygons, fields mesh_code, pop) and ``mesh.csv`` (codes only).
- ``points.gpkg``: 1,000,000 population points (field pop).

``--small`` (tests, quick checks): 2,000^2 raster, 11,000 GSI rows, 38,000 meshes, 100,000 points.
"""
from __future__ import annotations

import json
import os
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SIZES = {
    "full": dict(side=20000, emergency=60_000, evacuation=50_000, same=10_000, meshes=380_000, points=1_000_000,
                 towns=300),
    "small": dict(side=2000, emergency=6_000, evacuation=5_000, same=1_000, meshes=38_000, points=100_000,
                  towns=60),
}
LON0, LAT1 = 128.4003, 46.0007          # raster's top-left corner
DLON_FULL, DLAT_FULL = 0.0012, 0.0008   # 20,000 cells = 24 x 16 degrees
SEED = 20261201


def folder_for(size: str) -> str:
    return os.path.join(ROOT, "build", "bench_data", f"national_{size}")


def _towns(rng, n):
    """Town centres on land-like boxes of Japan (Kyushu to Hokkaido), with prefecture/municipality codes."""
    boxes = [(130.2, 31.3, 131.9, 33.9), (132.0, 33.0, 134.8, 35.5), (134.8, 34.2, 140.0, 36.5),
             (136.5, 36.0, 141.0, 38.5), (139.5, 38.0, 141.8, 41.3), (140.0, 41.5, 145.0, 44.2)]
    weight = np.array([0.15, 0.15, 0.35, 0.15, 0.1, 0.1])
    k = rng.choice(len(boxes), n, p=weight)
    b = np.array(boxes)[k]
    lon = rng.uniform(b[:, 0], b[:, 2])
    lat = rng.uniform(b[:, 1], b[:, 3])
    pref = 1 + np.arange(n) % 47
    city = 101 + np.arange(n) // 47
    codes = np.array([f"{p:02d}{c:03d}" for p, c in zip(pref, city)])
    size = rng.pareto(1.2, n) + 1.0
    return lon, lat, codes, size / size.sum()


def _around(rng, lon, lat, share, n, spread):
    t = rng.choice(len(lon), n, p=share)
    return lon[t] + rng.normal(0, spread, n), lat[t] + rng.normal(0, spread * 0.8, n), t


def _gsi(folder, cfg, rng, tlon, tlat, tcodes, tshare):
    ne, nv, same = cfg["emergency"], cfg["evacuation"], cfg["same"]
    lon, lat, town = _around(rng, tlon, tlat, tshare, ne + nv - same, 0.06)
    lon = np.clip(lon, 123.0, 153.5)
    lat = np.clip(lat, 24.5, 45.4)
    kinds = ["小学校", "中学校", "公民館", "集会所", "体育館", "公園", "コミュニティセンター", "高校", "広場"]
    names = np.array([f"{tcodes[t]}{kinds[i % len(kinds)]}{i}" for i, t in enumerate(town)], dtype=object)
    addr = np.array([f"市{tcodes[t]}町{i % 97}-{i % 13}" for i, t in enumerate(town)], dtype=object)
    flags = rng.random((ne, 8)) < 0.6

    def feature(i, props):
        return {"type": "Feature", "geometry": {"type": "Point", "coordinates": [round(float(lon[i]), 6),
                                                                                  round(float(lat[i]), 6)]},
                "properties": props}

    em = []
    for i in range(ne):
        code = tcodes[town[i]]
        f = ["1" if x else "" for x in flags[i]]
        em.append(feature(i, {"NO": i + 1, "共通ID": f"E{code}{i:05d}201", "都道府県名及び市町村名": f"県{code}市",
                              "施設・場所名": names[i], "住所": addr[i], "洪水": f[0], "崖崩れ、土石流及び地滑り": f[1],
                              "高潮": f[2], "地震": f[3], "津波": f[4], "大規模な火事": f[5], "内水氾濫": f[6],
                              "火山現象": f[7], "指定避難所との住所同一": "1" if i < same else "", "備考": ""}))
    ev = []
    for k in range(nv):
        i = k if k < same else ne + (k - same)     # the first `same` shelters are the emergency sites' places
        code = tcodes[town[i]]
        ev.append(feature(i, {"NO": k + 1, "共通ID": f"E{code}{k:05d}111", "都道府県名及び市町村名": f"県{code}市",
                              "施設・場所名": names[i], "住所": addr[i],
                              "指定緊急避難場所との住所同一": "1" if k < same else "",
                              "その他市町村長が必要と認める事項": "", "受入対象者": "", "備考": ""}))
    for name, feats in (("gsi_emergency_national.geojson", em), ("gsi_evacuation_national.geojson", ev)):
        with open(os.path.join(folder, name), "w", encoding="utf-8") as fh:
            json.dump({"type": "FeatureCollection", "name": name.split(".")[0], "features": feats}, fh,
                      ensure_ascii=False)


def _raster(folder, cfg, rng):
    import rasterio
    from rasterio.transform import from_origin
    from rasterio.windows import Window
    side = cfg["side"]
    scale = 20000 / side
    dlon, dlat = DLON_FULL * scale, DLAT_FULL * scale
    path = os.path.join(folder, "depth_rank.tif")
    coarse_a = rng.gamma(1.1, 1.0, size=(side // 400 + 3, side // 400 + 3)).astype(np.float32)
    coarse_b = rng.gamma(1.1, 1.0, size=(side // 40 + 3, side // 40 + 3)).astype(np.float32)
    step = 500

    def bilinear(coarse, cell, r0, rows):
        rr = np.arange(r0, r0 + rows, dtype=np.float32) / cell
        cc = np.arange(side, dtype=np.float32) / cell
        ri, ci = rr.astype(int), cc.astype(int)
        fr, fc = (rr - ri)[:, None], (cc - ci)[None, :]
        top = coarse[ri][:, ci] * (1 - fc) + coarse[ri][:, ci + 1] * fc
        bot = coarse[ri + 1][:, ci] * (1 - fc) + coarse[ri + 1][:, ci + 1] * fc
        return top * (1 - fr) + bot * fr

    with rasterio.open(path, "w", driver="GTiff", width=side, height=side, count=1, dtype="uint8",
                       crs="EPSG:6668", transform=from_origin(LON0, LAT1, dlon, dlat), nodata=0, tiled=True,
                       blockxsize=256, blockysize=256, compress="deflate") as ds:
        for r0 in range(0, side, step):
            rows = min(step, side - r0)
            v = bilinear(coarse_a, 400, r0, rows) * 0.65 + bilinear(coarse_b, 40, r0, rows) * 0.35
            v += rng.random((rows, side), dtype=np.float32) * 0.45
            codes = np.digitize(v, np.array([1.05, 1.3, 1.8, 2.4, 3.2, 4.2], dtype=np.float32)).astype(np.uint8)
            ds.write(np.minimum(codes, 6), 1, window=Window(0, r0, side, rows))
    return path


def _mesh_and_points(folder, cfg, rng, tlon, tlat, tshare):
    import geopandas as gpd
    import jismesh.utils as ju
    import pandas as pd
    import shapely
    from ..engine.hazard import mesh_polygons
    want = cfg["meshes"]
    codes = np.array([], dtype=np.int64)
    while len(codes) < want:
        lon, lat, _ = _around(rng, tlon, tlat, tshare, want * 2, 0.25)
        ok = (lon > 128.5) & (lon < 152.3) & (lat > 30.1) & (lat < 45.9)
        c = np.asarray(ju.to_meshcode(lat[ok], lon[ok], 3), dtype=np.int64)
        codes = np.unique(np.r_[codes, c])
    codes = rng.permutation(codes)[:want]
    cells = mesh_polygons(codes)
    cells["pop"] = np.round(rng.gamma(0.8, 400.0, want))
    cells[["mesh_code", "pop", "geometry"]].to_file(os.path.join(folder, "mesh.gpkg"), engine="pyogrio")
    pd.DataFrame({"mesh_code": cells["mesh_code"], "pop": cells["pop"]}).to_csv(
        os.path.join(folder, "mesh.csv"), index=False)
    n = cfg["points"]
    lon, lat, _ = _around(rng, tlon, tlat, tshare, n, 0.08)
    pts = gpd.GeoDataFrame({"pop": rng.integers(1, 60, n).astype(float)},
                           geometry=shapely.points(np.clip(lon, 123.0, 153.5), np.clip(lat, 24.5, 45.4)),
                           crs="EPSG:6668")
    pts.to_file(os.path.join(folder, "points.gpkg"), engine="pyogrio")


def build(size: str = "full") -> str:
    cfg = SIZES[size]
    folder = folder_for(size)
    done = os.path.join(folder, "done.json")
    if os.path.exists(done):
        return folder
    os.makedirs(folder, exist_ok=True)
    rng = np.random.default_rng(SEED)
    t = time.perf_counter()
    tlon, tlat, tcodes, tshare = _towns(rng, cfg["towns"])
    _gsi(folder, cfg, rng, tlon, tlat, tcodes, tshare)
    print(f"   GSI tables {time.perf_counter() - t:.0f} s", flush=True)
    path = _raster(folder, cfg, rng)
    print(f"   raster {time.perf_counter() - t:.0f} s ({os.path.getsize(path) / 2**20:.0f} MB on disk, "
          f"{cfg['side'] ** 2 / 2**20:.0f} MB of cells)", flush=True)
    _mesh_and_points(folder, cfg, rng, tlon, tlat, tshare)
    print(f"   mesh + points {time.perf_counter() - t:.0f} s", flush=True)
    with open(done, "w") as fh:
        json.dump(dict(cfg, seed=SEED, raster_mb=os.path.getsize(path) / 2**20), fh)
    return folder


if __name__ == "__main__":
    import sys
    print(build("small" if "--small" in sys.argv else "full"))
