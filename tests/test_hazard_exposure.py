"""sonae:hazardexposure on hand-built rasters (edges, NoData, radius, CRS) and on the real Kumamoto/Takamatsu
flood rasters, checked against GDAL's gdallocationinfo and an independent conflict computation."""
from __future__ import annotations

import subprocess

import geopandas as gpd
import numpy as np
import pytest
import rasterio
from rasterio.transform import from_origin
from shapely.geometry import Point

from .conftest import shared_data

NODATA = -9999.0
# 6 x 6 cells of 10 m in JGD2011 / UTM 54N, top-left corner (400000, 3900060). Depths in metres.
X0, Y0, CELL = 400000.0, 3900060.0, 10.0
DEPTH = np.array([
    [0.0, 0.2, 0.4, 9.0, 0.1, 0.1],
    [0.0, 0.3, 4.0, 9.0, 0.1, 0.1],   # (1,2)=4.0 north of (2,2); (1,3)=9.0 its diagonal
    [0.1, 1.0, 0.3, NODATA, 0.1, 0.1],  # (2,2)=0.3, east neighbour NoData
    [0.1, 2.0, 6.0, 0.1, 0.1, 0.1],
    [NODATA, NODATA, 0.1, 0.1, 25.0, 0.1],
    [0.1, 0.1, 0.1, 0.1, 0.1, 0.1],
], dtype="float32")


def centre(r, c):
    return X0 + (c + 0.5) * CELL, Y0 - (r + 0.5) * CELL


def write_raster(path, data, crs="EPSG:6691", nodata=NODATA, transform=None, count=1):
    transform = transform or from_origin(X0, Y0, CELL, CELL)
    with rasterio.open(path, "w", driver="GTiff", width=data.shape[-1], height=data.shape[-2], count=count,
                       dtype=data.dtype, crs=crs, transform=transform, nodata=nodata) as ds:
        if count == 1:
            ds.write(data, 1)
        else:
            ds.write(data)
    return str(path)


def write_points(path, rows, crs="EPSG:6691"):
    frame = gpd.GeoDataFrame([{k: v for k, v in r.items() if k != "xy"} for r in rows],
                             geometry=[Point(*r["xy"]) for r in rows], crs="EPSG:6691").to_crs(crs)
    frame.to_file(path, driver="GPKG")
    return str(path)


def run_exposure(run_alg, tmp_path, facilities, raster, kind=0, radius=0.0, hazard=0, name="out"):
    out = str(tmp_path / f"{name}.gpkg")
    res = run_alg("sonae:hazardexposure", {"FACILITIES": facilities, "HAZARD": raster, "HAZARD_TYPE": hazard,
                                           "VALUE_KIND": kind, "RADIUS_M": radius, "OUTPUT": out})
    return res, gpd.read_file(out)


def gdal_value(raster, x, y, wgs84=False):
    args = ["gdallocationinfo", "-valonly"] + (["-wgs84"] if wgs84 else ["-geoloc"]) + [raster, repr(x), repr(y)]
    text = subprocess.run(args, capture_output=True, text=True, check=True).stdout.strip()
    return float(text) if text else None


def test_edges_nodata_radius_and_conflicts(run_alg, tmp_path):
    raster = write_raster(tmp_path / "depth.tif", DEPTH)
    rows = [
        # a point exactly on the vertical edge between columns 1 and 2 of row 3: GDAL takes the east cell (6.0)
        dict(id="edge", ok_flood=True, floors=None, conditional_hazards="", xy=(X0 + 2 * CELL, centre(3, 0)[1])),
        # exactly on the corner of four cells (rows 0/1, cols 4/5): south-east cell (1,5) = 0.1
        dict(id="corner", ok_flood=True, floors=None, conditional_hazards="", xy=(X0 + 5 * CELL, Y0 - CELL)),
        dict(id="nodata", ok_flood=True, floors=None, conditional_hazards="", xy=centre(2, 3)),
        dict(id="radius", ok_flood=True, floors=None, conditional_hazards="", xy=centre(2, 2)),
        dict(id="two_floors_2m", ok_flood=True, floors=2, conditional_hazards="", xy=centre(3, 1)),
        dict(id="two_floors_4m", ok_flood=True, floors=2, conditional_hazards="", xy=centre(1, 2)),
        dict(id="three_floors_6m", ok_flood=True, floors=3, conditional_hazards="", xy=centre(3, 2)),
        dict(id="note", ok_flood=True, floors=None, conditional_hazards="flood,tsunami", xy=centre(1, 2)),
        dict(id="note_other", ok_flood=True, floors=None, conditional_hazards="tsunami", xy=centre(1, 2)),
        dict(id="not_designated", ok_flood=False, floors=None, conditional_hazards="", xy=centre(1, 2)),
        dict(id="deep", ok_flood=True, floors=8, conditional_hazards="", xy=centre(4, 4)),
        dict(id="outside", ok_flood=True, floors=None, conditional_hazards="", xy=(X0 - 500, Y0 + 500)),
    ]
    fac = write_points(tmp_path / "fac.gpkg", rows)
    res, out = run_exposure(run_alg, tmp_path, fac, raster, kind=0, radius=0.0)
    got = out.set_index("id")
    # the cell under each point, by hand from DEPTH and the GDAL convention
    expected_value = {"edge": 6.0, "corner": 0.1, "nodata": None, "radius": 0.3, "two_floors_2m": 2.0,
                      "two_floors_4m": 4.0, "three_floors_6m": 6.0, "note": 4.0, "note_other": 4.0,
                      "not_designated": 4.0, "deep": 25.0, "outside": None}
    for fid, v in expected_value.items():
        if v is None:
            assert np.isnan(got.loc[fid, "flood_value"]), fid
        else:
            assert got.loc[fid, "flood_value"] == pytest.approx(v, abs=1e-6), fid
    # GDAL agrees on the edge and corner points
    for fid in ("edge", "corner"):
        x, y = got.loc[fid].geometry.x, got.loc[fid].geometry.y
        assert gdal_value(raster, x, y) == pytest.approx(got.loc[fid, "flood_value"], abs=1e-6)
    # depth classes: 0.5 m -> 2, 3 m -> 3, 5 m -> 4, 20 m -> 6 (rules/depth_classes.json)
    expected_rank = {"edge": 4, "corner": 1, "radius": 1, "two_floors_2m": 2, "two_floors_4m": 3,
                     "three_floors_6m": 4, "note": 3, "deep": 6}
    for fid, r in expected_rank.items():
        assert got.loc[fid, "flood_rank"] == r, fid
    # conflicts, reasoned by hand: (floors-1)*3 m must reach the depth
    conflict = {"edge": True, "corner": False, "radius": False, "two_floors_2m": False, "two_floors_4m": True,
                "three_floors_6m": False, "note": False, "note_other": True, "not_designated": False,
                "deep": True}
    for fid, c in conflict.items():
        assert bool(got.loc[fid, "flood_conflict"]) is c, fid
    for fid in ("nodata", "outside"):  # no data is never safe: NULL conflict
        assert np.isnan(got.loc[fid, "flood_conflict"]), fid
    assert got.loc["note", "flood_basis"] == "vertical_evacuation_note"
    assert got.loc["two_floors_2m", "flood_basis"] == "upper_floors"
    assert res["CONFLICT_COUNT"] == 4  # edge, two_floors_4m, note_other, deep (21 m < 25 m)
    assert res["NO_DATA_COUNT"] == 2

    # radius 12 m around (2,2): own cell 0.3, N 4.0, W 1.0, S 6.0, E NoData; diagonals (14.1 m, 9.0) excluded
    _, out12 = run_exposure(run_alg, tmp_path, fac, raster, kind=0, radius=12.0, name="r12")
    g12 = out12.set_index("id")
    assert g12.loc["radius", "flood_value"] == pytest.approx(0.3, abs=1e-6)
    assert g12.loc["radius", "flood_max"] == pytest.approx(6.0, abs=1e-6)
    assert g12.loc["radius", "flood_rank"] == 4
    # the NoData point: its own cell is NoData, neighbours within 12 m are 9.0 (N), 0.3 (W), 0.1 (E, S)
    assert np.isnan(g12.loc["nodata", "flood_value"])
    assert g12.loc["nodata", "flood_max"] == pytest.approx(9.0, abs=1e-6)
    # radius 15 m reaches the diagonals (14.14 m): (1,3) = 9.0 for the point at (2,2)
    _, out15 = run_exposure(run_alg, tmp_path, fac, raster, kind=0, radius=15.0, name="r15")
    assert out15.set_index("id").loc["radius", "flood_max"] == pytest.approx(9.0, abs=1e-6)
    # the input layer is untouched
    assert "flood_value" not in gpd.read_file(fac).columns


def test_layer_crs_differs_from_raster(run_alg, tmp_path):
    raster = write_raster(tmp_path / "depth.tif", DEPTH)
    rows = [dict(id=f"{r}_{c}", ok_flood=True, xy=centre(r, c)) for r, c in [(0, 3), (3, 2), (4, 4), (5, 0)]]
    fac = write_points(tmp_path / "fac_ll.gpkg", rows, crs="EPSG:4326")  # facilities in lon/lat
    _, out = run_exposure(run_alg, tmp_path, fac, raster, kind=0)
    for _, row in out.iterrows():
        r, c = map(int, row["id"].split("_"))
        assert row["flood_value"] == pytest.approx(float(DEPTH[r, c]), abs=1e-6)
    assert out.crs.to_epsg() == 4326  # output keeps the layer's CRS


def test_rank_raster_codes(run_alg, tmp_path):
    codes = np.array([[0, 1, 2], [3, 4, 5], [6, 7, 2]], dtype="uint8")  # 0 = NoData, 7 = not a code
    raster = write_raster(tmp_path / "rank.tif", codes, nodata=0)
    rows = [dict(id=f"{r}_{c}", ok_flood=True, xy=centre(r, c)) for r in range(3) for c in range(3)]
    fac = write_points(tmp_path / "fac.gpkg", rows)
    _, out = run_exposure(run_alg, tmp_path, fac, raster, kind=1)
    got = out.set_index("id")
    for r in range(3):
        for c in range(3):
            code = int(codes[r, c])
            rank = got.loc[f"{r}_{c}", "flood_rank"]
            if 1 <= code <= 6:
                assert rank == code
                assert bool(got.loc[f"{r}_{c}", "flood_conflict"]) is (code >= 2)
            else:
                assert np.isnan(rank)


@pytest.mark.parametrize("city,raster_parts,inputs", [
    ("takamatsu", ("takamatsu", "flood", "takamatsu_flood_max_depthrank_A31b23.tif"),
     [("takamatsu", "shelters", "evacuation_space.csv")]),
    ("kumamoto", ("kumamoto", "flood", "kumamoto_flood_max_depthrank_A31b23.tif"),
     [("kumamoto", "shelters", "gsi_emergency_431001.geojson"),
      ("kumamoto", "shelters", "gsi_evacuation_431001.geojson")]),
])
def test_real_rasters_against_gdal(run_alg, tmp_path, city, raster_parts, inputs):
    raster = shared_data(*raster_parts)
    fac = str(tmp_path / f"{city}_fac.gpkg")
    run_alg("sonae:importshelters", {"INPUTS": [shared_data(*p) for p in inputs], "OUTPUT": fac})
    res, out = run_exposure(run_alg, tmp_path, fac, raster, kind=1, name=city)
    # independent sampling of every facility with rasterio's own sampler (0 = NoData)
    with rasterio.open(raster) as ds:
        ind = np.array([v[0] for v in ds.sample(zip(out.geometry.x, out.geometry.y))], dtype=float)
    ind[ind == 0] = np.nan
    got = out["flood_value"].to_numpy(dtype=float)
    assert np.array_equal(np.isnan(got), np.isnan(ind))
    assert np.allclose(got[~np.isnan(got)], ind[~np.isnan(ind)])
    assert np.isfinite(got).sum() >= 10
    # a few shelters, one per rank present plus two without data, against gdallocationinfo -wgs84
    picks = []
    for r in sorted(set(got[np.isfinite(got)].astype(int))):
        picks.append(int(np.nonzero(got == r)[0][0]))
    picks += list(np.nonzero(np.isnan(got))[0][:2])
    assert len(picks) >= 4
    for i in picks:
        g = gdal_value(raster, out.geometry.x.iloc[i], out.geometry.y.iloc[i], wgs84=True)
        if np.isnan(got[i]):
            assert g in (None, 0.0)
        else:
            assert g == got[i]
    # conflicts recomputed independently: designated for flood, rank >= 2, no flood note, too few floors
    ok = out["ok_flood"].fillna(0).astype(float).to_numpy() == 1
    notes = out["conditional_hazards"].fillna("").map(lambda s: "flood" in s.split(",")).to_numpy()
    floors = out["floors"].astype(float).to_numpy()
    upper = {2: 3.0, 3: 5.0, 4: 10.0, 5: 20.0, 6: np.inf}
    expect = []
    for k in range(len(out)):
        if not ok[k]:
            expect.append(False)
        elif np.isnan(ind[k]):
            expect.append(None)
        elif ind[k] < 2 or notes[k] or (not np.isnan(floors[k]) and (floors[k] - 1) * 3.0 >= upper[int(ind[k])]):
            expect.append(False)
        else:
            expect.append(True)
    gotc = [None if np.isnan(v) else bool(v) for v in out["flood_conflict"].astype(float)]
    assert gotc == expect
    assert res["CONFLICT_COUNT"] == sum(1 for e in expect if e is True)


def test_bad_inputs(run_alg, tmp_path):
    from qgis.core import QgsProcessingException
    fac = write_points(tmp_path / "fac.gpkg", [dict(id="a", ok_flood=True, xy=centre(1, 1))])
    two = write_raster(tmp_path / "two.tif", np.stack([DEPTH, DEPTH]), count=2)
    with pytest.raises(QgsProcessingException, match=r"(?s)2バンド.*has 2 bands.*gdal_translate -b"):
        run_exposure(run_alg, tmp_path, fac, two)
    far = write_raster(tmp_path / "far.tif", DEPTH, transform=from_origin(X0 + 1e5, Y0, CELL, CELL))
    with pytest.raises(QgsProcessingException, match=r"(?s)範囲外.*lies inside the hazard raster"):
        run_exposure(run_alg, tmp_path, fac, far)
    empty = write_raster(tmp_path / "empty.tif", np.full((6, 6), NODATA, dtype="float32"))
    with pytest.raises(QgsProcessingException, match=r"(?s)NoData.*holds only NoData cells"):
        run_exposure(run_alg, tmp_path, fac, empty)
