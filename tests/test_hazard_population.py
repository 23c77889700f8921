"""sonae:exposedpopulation: polygons (exact coverage), mesh codes (jismesh), points; real Kumamoto mesh and
Takamatsu town points checked by brute force."""
from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import rasterio
from rasterio.transform import from_origin
from shapely.geometry import Point, box

from .conftest import shared_data

X0, Y0, CELL = 400000.0, 3900040.0, 10.0
# 4 x 4 rank codes, 0 = NoData
CODES = np.array([[2, 2, 3, 3],
                  [2, 2, 3, 3],
                  [1, 0, 0, 6],
                  [1, 1, 5, 4]], dtype="uint8")


def write_rank(path):
    with rasterio.open(path, "w", driver="GTiff", width=4, height=4, count=1, dtype="uint8", crs="EPSG:6691",
                       transform=from_origin(X0, Y0, CELL, CELL), nodata=0) as ds:
        ds.write(CODES, 1)
    return str(path)


def cellbox(r0, c0, r1, c1):
    """Box from the top-left corner of cell (r0, c0) to the bottom-right corner of cell (r1-1, c1-1)."""
    return box(X0 + c0 * CELL, Y0 - r1 * CELL, X0 + c1 * CELL, Y0 - r0 * CELL)


def run_pop(run_alg, tmp_path, layer, field, raster, kind=1, mesh=None, zone=None, name="ep"):
    out = str(tmp_path / f"{name}.gpkg")
    params = {"POPULATION": layer, "POPULATION_FIELD": field, "HAZARD": raster, "VALUE_KIND": kind,
              "OUTPUT": out}
    if mesh:
        params["MESH_CODE_FIELD"] = mesh
    if zone:
        params["ZONE_ID_FIELD"] = zone
    res = run_alg("sonae:exposedpopulation", params)
    return res, gpd.read_file(out)


def test_polygons_split_by_exact_area(run_alg, tmp_path):
    raster = write_rank(tmp_path / "rank.tif")
    zones = gpd.GeoDataFrame({
        "name": ["top_half", "half_outside", "nodata_strip", "quarter_cells"],
        "pop": [400.0, 100.0, 60.0, 80.0]},
        geometry=[cellbox(0, 0, 2, 4),                                   # 4 cells rank 2, 4 cells rank 3
                  box(X0 - 20, Y0 - 20, X0 + 20, Y0),                    # 2 cells rank 2, half outside
                  cellbox(2, 0, 3, 3),                                   # ranks 1, NoData, NoData
                  box(X0 + 5, Y0 - 35, X0 + 15, Y0 - 25)],               # quarters of (2,0)=1,(2,1)=0,(3,0)=1,(3,1)=1
        crs="EPSG:6691")
    layer = str(tmp_path / "zones.gpkg")
    zones.to_file(layer)
    res, out = run_pop(run_alg, tmp_path, layer, "pop", raster, zone="name")
    got = out.set_index("name")
    # by hand
    assert got.loc["top_half", "people_rank_2"] == pytest.approx(200.0)
    assert got.loc["top_half", "people_rank_3"] == pytest.approx(200.0)
    assert got.loc["top_half", "people_exposed"] == pytest.approx(400.0)
    assert got.loc["half_outside", "people_rank_2"] == pytest.approx(50.0)
    assert got.loc["half_outside", "people_no_data"] == pytest.approx(50.0)
    assert got.loc["nodata_strip", "people_rank_1"] == pytest.approx(20.0)
    assert got.loc["nodata_strip", "people_no_data"] == pytest.approx(40.0)
    assert got.loc["nodata_strip", "people_exposed"] == pytest.approx(0.0)
    assert got.loc["quarter_cells", "people_rank_1"] == pytest.approx(60.0)
    assert got.loc["quarter_cells", "people_no_data"] == pytest.approx(20.0)
    # every person is in exactly one bucket
    buckets = [f"people_rank_{k}" for k in range(1, 7)] + ["people_dry", "people_no_data"]
    assert np.allclose(out[buckets].sum(axis=1), out["population"])
    assert res["EXPOSED_TOTAL"] == pytest.approx(400.0 + 50.0)


def test_mesh_codes_rebuild_cells_like_jis_x_0410(run_alg, tmp_path):
    # a raster in lon/lat around mesh 5339-46-11 (SW corner 35.675N 139.7625E by hand:
    # 53/1.5 + 4*5/60 + 1*30/3600 and 39+100 + 6*7.5/60 + 1*45/3600); the third-level cell is 30" x 45"
    lat0, lon0 = 35.675, 139.7625
    dlat, dlon = 30 / 3600 / 2, 45 / 3600 / 2   # raster cells = a quarter of the mesh cell
    codes = np.array([[3, 2], [1, 4]], dtype="uint8")  # N row first
    path = str(tmp_path / "ll.tif")
    with rasterio.open(path, "w", driver="GTiff", width=2, height=2, count=1, dtype="uint8", crs="EPSG:6668",
                       transform=from_origin(lon0, lat0 + 2 * dlat, dlon, dlat), nodata=0) as ds:
        ds.write(codes, 1)
    table = pd.DataFrame({"code": ["53394611"], "people": [1000]})
    csv = str(tmp_path / "mesh.csv")
    table.to_csv(csv, index=False)
    res, out = run_pop(run_alg, tmp_path, csv, "people", path, mesh="code")
    minx, miny, maxx, maxy = out.geometry.iloc[0].bounds
    assert (minx, miny) == pytest.approx((lon0, lat0), abs=1e-9)
    assert (maxx - minx, maxy - miny) == pytest.approx((45 / 3600, 30 / 3600), abs=1e-9)
    row = out.iloc[0]
    for k in (1, 2, 3, 4):
        assert row[f"people_rank_{k}"] == pytest.approx(250.0, abs=1e-6)
    assert row["people_exposed"] == pytest.approx(750.0, abs=1e-6)


def test_kumamoto_mesh_by_brute_force(run_alg, tmp_path):
    raster = shared_data("kumamoto", "flood", "kumamoto_flood_max_depthrank_A31b23.tif")
    meshes = shared_data("kumamoto", "population_dem_subset", "ksj_mesh500h30_pop_subset.geojson")
    res, out = run_pop(run_alg, tmp_path, meshes, "ptn_2020", raster, zone="mesh_id")
    src = gpd.read_file(meshes)
    buckets = [f"people_rank_{k}" for k in range(1, 7)] + ["people_dry", "people_no_data"]
    assert out[buckets].to_numpy().sum() == pytest.approx(src["ptn_2020"].sum(), rel=1e-9)  # 182,855
    assert res["POPULATION_TOTAL"] == pytest.approx(src["ptn_2020"].sum())
    # brute force for a few meshes: share of raster cell centres inside the mesh per code
    flooded = out[out["people_exposed"] > 0].sort_values("people_exposed").index[[0, len(out[out['people_exposed'] > 0]) // 2, -1]]
    with rasterio.open(raster) as ds:
        for i in flooded:
            poly = src.geometry.iloc[i]
            win = rasterio.windows.from_bounds(*poly.bounds, transform=ds.transform).round_offsets().round_lengths()
            arr = ds.read(1, window=win)
            t = ds.window_transform(win)
            rows, cols = np.indices(arr.shape)
            xs, ys = t * (cols + 0.5, rows + 0.5)
            import shapely
            inside = shapely.contains_xy(poly, xs, ys)
            vals = arr[inside]
            pop = src["ptn_2020"].iloc[i]
            for k in (1, 2, 3, 4):
                brute = pop * (vals == k).mean()
                assert out.loc[i, f"people_rank_{k}"] == pytest.approx(brute, abs=0.01 * pop + 0.5), (i, k)
    # the same cells rebuilt from the 9-digit mesh codes (jismesh) give the same split
    table = str(tmp_path / "codes.csv")
    src.drop(columns="geometry").to_csv(table, index=False)
    _, from_codes = run_pop(run_alg, tmp_path, table, "ptn_2020", raster, mesh="mesh_id", name="codes")
    assert np.allclose(from_codes["people_exposed"], out["people_exposed"], atol=0.01 * src["ptn_2020"].max())


def test_takamatsu_town_points(run_alg, tmp_path):
    raster = shared_data("takamatsu", "flood", "takamatsu_flood_max_depthrank_A31b23.tif")
    points = shared_data("takamatsu", "population", "population_by_town_age_202602_points.geojson")
    res, out = run_pop(run_alg, tmp_path, points, "totalPopulation", raster, zone="regionName")
    src = gpd.read_file(points)
    with rasterio.open(raster) as ds:
        codes = np.array([v[0] for v in ds.sample(zip(src.geometry.x, src.geometry.y))])
    for k in range(1, 7):
        assert out[f"people_rank_{k}"].sum() == pytest.approx(src["totalPopulation"][codes == k].sum())
    assert out["people_no_data"].sum() == pytest.approx(src["totalPopulation"][codes == 0].sum())
    assert res["EXPOSED_TOTAL"] == pytest.approx(src["totalPopulation"][codes >= 2].sum())
    assert res["POPULATION_TOTAL"] == 418129


def test_missing_population_field_is_named(run_alg, tmp_path):
    from qgis.core import QgsProcessingException
    raster = write_rank(tmp_path / "rank.tif")
    layer = str(tmp_path / "pts.gpkg")
    gpd.GeoDataFrame({"pop": [1.0]}, geometry=[Point(X0 + 5, Y0 - 5)], crs="EPSG:6691").to_file(layer)
    with pytest.raises(QgsProcessingException, match=r"(?s)レイヤ「pts」に項目 population_total がありません.*Layer 'pts' has no field\(s\) population_total"):
        run_pop(run_alg, tmp_path, layer, "population_total", raster)


def test_kumamoto_mesh_split_is_exact_area_fraction(run_alg, tmp_path):
    """Real 500 m mesh polygons over the real A31b rank raster: each flooded mesh's people per class equal its
    population x (area of the mesh inside that class's polygons / mesh area), with the class polygons built by
    rasterio.features.shapes (GDAL polygonize) and intersected with shapely: an independent, exact computation."""
    import shapely
    from rasterio.features import shapes
    raster = shared_data("kumamoto", "flood", "kumamoto_flood_max_depthrank_A31b23.tif")
    meshes = shared_data("kumamoto", "population_dem_subset", "ksj_mesh500h30_pop_subset.geojson")
    _, out = run_pop(run_alg, tmp_path, meshes, "ptn_2020", raster, zone="mesh_id")
    src = gpd.read_file(meshes)
    with rasterio.open(raster) as ds:
        src_r = src.to_crs(ds.crs)
        wet = out[out["people_exposed"] > 0].sort_values("people_exposed")
        # the mixed meshes (several classes) are the interesting ones: take up to 6 with the most classes
        mixed = wet[(wet[[f"people_rank_{k}" for k in range(1, 7)]] > 0).sum(axis=1) >= 2].index[:6]
        assert len(mixed) >= 3
        for i in mixed:
            poly = src_r.geometry.iloc[i]
            win = rasterio.windows.from_bounds(*poly.bounds, transform=ds.transform)
            win = rasterio.windows.Window(int(np.floor(win.col_off)) - 1, int(np.floor(win.row_off)) - 1,
                                          int(np.ceil(win.width)) + 3, int(np.ceil(win.height)) + 3)
            arr = ds.read(1, window=win, boundless=True, fill_value=0)
            t = ds.window_transform(win)
            area = {}
            for geom, val in shapes(arr, transform=t):
                part = shapely.intersection(shapely.geometry.shape(geom), poly).area
                area[int(val)] = area.get(int(val), 0.0) + part
            pop = src["ptn_2020"].iloc[i]
            for k in range(1, 7):
                exact = pop * area.get(k, 0.0) / poly.area
                assert out.loc[i, f"people_rank_{k}"] == pytest.approx(exact, rel=1e-6, abs=1e-6), (i, k)
            nodata = pop * sum(a for v, a in area.items() if v not in range(1, 7)) / poly.area
            assert out.loc[i, "people_no_data"] == pytest.approx(nodata, rel=1e-6, abs=1e-6)


@pytest.mark.parametrize("city,code,total", [("takamatsu", "372013", 420748), ("kumamoto", "431001", 740822),
                                             ("miyazaki", "452017", 401138), ("aizuwakamatsu", "072028", 124062)])
def test_census_small_areas_by_class(run_alg, tmp_path, city, code, total):
    """2015 census small areas (町丁・字, KEY_CODE / JINKO at representative points; no polygons exist in the
    shared data, see MANIFEST): the split per class equals an independent sampling of the raster with rasterio."""
    raster = shared_data(city, "flood", f"{city}_flood_max_depthrank_A31b23.tif")
    points = shared_data(city, "population_smallarea", f"census2015_chome_{code}_attributes_centroids.geojson")
    res, out = run_pop(run_alg, tmp_path, points, "JINKO", raster, zone="KEY_CODE")
    src = gpd.read_file(points)
    assert res["POPULATION_TOTAL"] == total == src["JINKO"].fillna(0).sum()
    with rasterio.open(raster) as ds:
        xy = src.to_crs(ds.crs).geometry
        codes = np.array([v[0] for v in ds.sample(zip(xy.x, xy.y))])
    pop = src["JINKO"].fillna(0).to_numpy()
    for k in range(1, 7):
        assert out[f"people_rank_{k}"].sum() == pytest.approx(pop[codes == k].sum())
    assert res["EXPOSED_TOTAL"] == pytest.approx(pop[(codes >= 2) & (codes <= 6)].sum())
