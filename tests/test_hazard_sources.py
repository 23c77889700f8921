"""Hazard inputs as cities have them (issue 14, item 8): a GeoPackage raster table, a /vsizip/ path (the same GDAL
virtual-file route as /vsicurl/ COGs, without a network), and depth-rank polygons (file and memory layer), all
on a window of the real Takamatsu flood-rank raster. Polygons come from gdal.Polygonize of that window; the
expected rank of each facility is computed independently by point-in-polygon with shapely."""
from __future__ import annotations

import zipfile

import geopandas as gpd
import numpy as np
import pytest
import shapely

from .conftest import shared_data

SRC = ("takamatsu", "flood", "takamatsu_flood_max_depthrank_A31b23.tif")
# A 600 x 600 cell window (about 2.4 x 2.9 km) of central Takamatsu with every rank 1-4.
WINDOW = (2300, 2500, 600, 600)


@pytest.fixture(scope="module")
def sources(tmp_path_factory):
    from osgeo import gdal, ogr, osr      # here, not at the top: `make test-current` collects this file without GDAL
    tmp = tmp_path_factory.mktemp("hazard_sources")
    tif = str(tmp / "window.tif")
    gdal.Translate(tif, shared_data(*SRC), srcWin=list(WINDOW))
    gpkg = str(tmp / "hazard_raster.gpkg")
    gdal.Translate(gpkg, tif, format="GPKG", creationOptions=["RASTER_TABLE=flood_rank"])
    zpath = str(tmp / "window.zip")
    with zipfile.ZipFile(zpath, "w") as z:
        z.write(tif, "window.tif")
    # depth-rank polygons: one feature per connected area of equal rank (rank 0 = outside the flood zones)
    ds = gdal.Open(tif)
    polys = str(tmp / "rank_polygons.gpkg")
    drv = ogr.GetDriverByName("GPKG")
    out = drv.CreateDataSource(polys)
    srs = osr.SpatialReference()
    srs.ImportFromWkt(ds.GetProjection())
    lyr = out.CreateLayer("rank_polygons", srs, ogr.wkbPolygon)
    lyr.CreateField(ogr.FieldDefn("rank", ogr.OFTInteger))
    gdal.Polygonize(ds.GetRasterBand(1), None, lyr, 0)
    out = None
    frame = gpd.read_file(polys)
    frame = frame[frame["rank"] > 0].reset_index(drop=True)
    # facilities: representative points of 40 polygons (ranks known) and 10 points in the gaps (rank 0)
    rng = np.random.default_rng(7)
    big = frame[frame.geometry.to_crs(6674).area > 400.0]     # at least 400 m2 (plane rectangular zone IV)
    pick = big.iloc[rng.choice(len(big), size=min(40, len(big)), replace=False)]
    from shapely.ops import polylabel
    pts = [polylabel(g, tolerance=1e-6) for g in pick.geometry]   # the interior point farthest from the edges
    minx, miny, maxx, maxy = frame.total_bounds
    while len(pts) < 50:
        p = shapely.Point(rng.uniform(minx, maxx), rng.uniform(miny, maxy))
        if not frame.geometry.contains(p).any():
            pts.append(p)
    fac = gpd.GeoDataFrame({"id": [f"F{i:02d}" for i in range(len(pts))], "ok_flood": True}, geometry=pts,
                           crs=frame.crs)
    facilities = str(tmp / "facilities.gpkg")
    fac.to_file(facilities, driver="GPKG")
    # independent expectation: the rank of the polygon containing the point, 0 where none
    tree = shapely.STRtree(frame.geometry.to_numpy())
    pairs = tree.query(fac.geometry.to_numpy(), predicate="within")
    expected = np.zeros(len(fac))
    expected[pairs[0]] = frame["rank"].to_numpy()[pairs[1]]
    # distance of each point to the nearest polygon edge, in metres (1 degree of latitude ~ 111 km)
    edges = shapely.boundary(frame.geometry.to_numpy())
    dist_deg = np.array([shapely.distance(edges[tree.query(p.buffer(1e-3))], p).min()
                         if len(tree.query(p.buffer(1e-3))) else 1.0 for p in fac.geometry])
    polys_only = str(tmp / "rank_polygons_flooded.gpkg")
    frame.to_file(polys_only, driver="GPKG")
    return {"tif": tif, "gpkg": f"GPKG:{gpkg}:flood_rank", "zip": f"/vsizip/{zpath}/window.tif",
            "polygons": polys_only, "facilities": facilities, "expected": expected,
            "edge_m": dist_deg * 90_000.0, "tmp": tmp}


def _exposure(run_alg, sources, name, **hazard):
    out = str(sources["tmp"] / f"exposure_{name}.gpkg")
    params = {"FACILITIES": sources["facilities"], "HAZARD_TYPE": 0, "VALUE_KIND": 1, "RADIUS_M": 0.0,
              "OUTPUT": out, **hazard}
    run_alg("sonae:hazardexposure", params)
    return gpd.read_file(out).sort_values("id").reset_index(drop=True)


def test_gdal_sources_give_the_geotiff_values(run_alg, sources):
    ref = _exposure(run_alg, sources, "tif", HAZARD=sources["tif"])
    # the GeoTIFF path agrees with the independent point-in-polygon ranks (rank 0 = no data in a rank raster)
    exp = sources["expected"]
    assert np.array_equal(np.nan_to_num(ref["flood_value"].to_numpy()), exp)
    assert (exp > 0).sum() >= 30 and len(set(exp[exp > 0])) >= 3
    for key in ("gpkg", "zip"):
        got = _exposure(run_alg, sources, key, HAZARD=sources[key])
        assert np.array_equal(np.nan_to_num(got["flood_value"].to_numpy()),
                              np.nan_to_num(ref["flood_value"].to_numpy())), key
        assert np.array_equal(np.nan_to_num(got["flood_rank"].to_numpy()),
                              np.nan_to_num(ref["flood_rank"].to_numpy())), key


def test_rank_polygons_match_point_in_polygon(run_alg, sources):
    got = _exposure(run_alg, sources, "poly", HAZARD_POLYGONS=sources["polygons"], HAZARD_POLYGONS_FIELD="rank",
                    HAZARD_POLYGONS_CELL_M=1.0)
    rank = np.nan_to_num(got["flood_rank"].to_numpy())
    away = sources["edge_m"] > 2.0          # a 1 m cell can only differ within a cell of an edge
    assert away.sum() >= 35
    assert np.array_equal(rank[away], sources["expected"][away])
    assert got["flood_rank"].isna().sum() == (sources["expected"] == 0).sum()   # outside polygons: no data


def test_memory_polygons_with_text_ranks(run_alg, qgis_app, sources):
    from qgis.core import QgsProject, QgsVectorLayer
    frame = gpd.read_file(sources["polygons"])
    frame["rank_text"] = ['０１２３４５６'[r] if i % 2 else f" {r} " for i, r in enumerate(frame["rank"])]  # full-width
    path = str(sources["tmp"] / "text_ranks.gpkg")
    frame.drop(columns=["rank"]).to_file(path, driver="GPKG")
    layer = QgsVectorLayer(path, "text_ranks", "ogr").materialize(
        __import__("qgis.core", fromlist=["QgsFeatureRequest"]).QgsFeatureRequest())
    QgsProject.instance().addMapLayer(layer)
    try:
        got = _exposure(run_alg, sources, "mem", HAZARD_POLYGONS=layer.id(), HAZARD_POLYGONS_FIELD="rank_text",
                        HAZARD_POLYGONS_CELL_M=1.0)
        frame.loc[3, "rank_text"] = "多い"            # not a number: refused with the field named, never 0
        frame.drop(columns=["rank"]).to_file(path, driver="GPKG")
        from qgis.core import QgsProcessingException
        with pytest.raises(QgsProcessingException, match="rank_text"):
            _exposure(run_alg, sources, "mem_bad", HAZARD_POLYGONS=path, HAZARD_POLYGONS_FIELD="rank_text")
    finally:
        QgsProject.instance().removeMapLayer(layer.id())
    away = sources["edge_m"] > 2.0
    assert np.array_equal(np.nan_to_num(got["flood_rank"].to_numpy())[away], sources["expected"][away])


def test_exposed_population_on_polygons_by_hand(run_alg, sources):
    fac = gpd.read_file(sources["facilities"])
    exp = sources["expected"]
    away = sources["edge_m"] > 2.0
    pop = gpd.GeoDataFrame({"zone": fac["id"][away].to_numpy(),
                            "people": np.arange(1, away.sum() + 1) * 10.0},
                           geometry=fac.geometry[away].to_numpy(), crs=fac.crs)
    zones = str(sources["tmp"] / "pop_points.gpkg")
    pop.to_file(zones, driver="GPKG")
    out = str(sources["tmp"] / "exposed_poly.gpkg")
    run_alg("sonae:exposedpopulation", {"POPULATION": zones, "POPULATION_FIELD": "people", "ZONE_ID_FIELD": "zone",
                                        "HAZARD_POLYGONS": sources["polygons"], "HAZARD_POLYGONS_FIELD": "rank",
                                        "HAZARD_POLYGONS_CELL_M": 1.0, "VALUE_KIND": 1, "OUTPUT": out})
    got = gpd.read_file(out)
    ranks = exp[away]
    people = pop["people"].to_numpy()
    for r in (1, 2, 3, 4):
        assert got[f"people_rank_{r}"].sum() == pytest.approx(people[ranks == r].sum())
    assert got["people_no_data"].sum() == pytest.approx(people[ranks == 0].sum())


def test_both_or_neither_hazard_is_refused(run_alg, sources):
    from qgis.core import QgsProcessingException
    with pytest.raises(QgsProcessingException, match="HAZARD_POLYGONS"):
        _exposure(run_alg, sources, "both", HAZARD=sources["tif"], HAZARD_POLYGONS=sources["polygons"],
                  HAZARD_POLYGONS_FIELD="rank")
    with pytest.raises(QgsProcessingException, match="ハザード"):
        _exposure(run_alg, sources, "neither")


def test_tile_service_is_refused(run_alg, qgis_app, sources):
    from qgis.core import QgsProcessingException, QgsProject, QgsRasterLayer
    xyz = QgsRasterLayer("type=xyz&url=https://cyberjapandata.gsi.go.jp/xyz/std/%7Bz%7D/%7Bx%7D/%7By%7D.png",
                         "地理院タイル", "wms")
    QgsProject.instance().addMapLayer(xyz)
    try:
        with pytest.raises(QgsProcessingException, match="wms"):
            _exposure(run_alg, sources, "xyz", HAZARD=xyz.id())
    finally:
        QgsProject.instance().removeMapLayer(xyz.id())
