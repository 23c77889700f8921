"""The vectorised rectangle coverage (engine/zonal.py) against exactextract's exact coverage fractions (the path
every other polygon takes) and against hand-computed fractions: same shares per depth class on the real Kumamoto
500 m mesh over the real A31b rank raster (lon/lat), on boxes straddling cell edges of a projected depth raster,
and rectangles split across the reading bands."""
from __future__ import annotations

import numpy as np
import pytest

from .conftest import shared_data


def _both(zones, info, kind, monkeypatch):
    from sonae.engine import hazard, zonal
    rules = hazard.depth_classes()
    import geopandas as gpd
    z = gpd.GeoDataFrame({"_zone": np.arange(len(zones))}, geometry=zones.geometry.values,
                         crs=zones.crs).to_crs(info.crs.to_wkt())
    assert zonal.rectangles(z.geometry.values).all()
    fast = zonal.polygon_class_shares(z, info, kind, rules)
    monkeypatch.setattr(zonal, "rectangles", lambda g: np.zeros(len(g), bool))
    slow = zonal.polygon_class_shares(z, info, kind, rules)
    return fast, slow


@pytest.fixture(params=["numba", "numpy"])
def zonal_engine(request, monkeypatch):
    """Both accumulation paths: the compiled loop (when numba is installed) and the numpy gather."""
    if request.param == "numba":
        from sonae.engine.zonal_kernel import kernel
        if kernel() is None:
            pytest.skip("numba not installed")
        monkeypatch.delenv("SONAE_ZONAL_ENGINE", raising=False)
    else:
        monkeypatch.setenv("SONAE_ZONAL_ENGINE", "numpy")
    return request.param


def test_kumamoto_mesh_equals_exactextract(monkeypatch, zonal_engine):
    import geopandas as gpd
    from sonae.engine.hazard import mesh_polygons, open_hazard_raster
    info = open_hazard_raster(shared_data("kumamoto", "flood", "kumamoto_flood_max_depthrank_A31b23.tif"))
    src = gpd.read_file(shared_data("kumamoto", "population_dem_subset", "ksj_mesh500h30_pop_subset.geojson"))
    cells = mesh_polygons(src["mesh_id"])           # exact JIS boxes (the file's polygons are reprojected copies)
    (s1, d1), (s2, d2) = _both(cells, info, "rank", monkeypatch)
    assert s1.sum() > 1.0                            # the mesh overlaps flooded cells
    np.testing.assert_allclose(s1, s2, rtol=0, atol=1e-9)
    np.testing.assert_allclose(d1, d2, rtol=0, atol=1e-9)


def test_boxes_on_projected_depth_raster_by_hand_and_exactextract(tmp_path, monkeypatch, zonal_engine):
    import geopandas as gpd
    import rasterio
    import shapely
    from rasterio.transform import from_origin
    from sonae.engine import zonal
    from sonae.engine.hazard import depth_classes, open_hazard_raster
    rng = np.random.default_rng(5)
    depth = rng.choice([-9999.0, 0.0, 0.3, 1.0, 4.0, 7.0, 12.0, 25.0], size=(300, 260)).astype("float32")
    path = str(tmp_path / "depth.tif")
    with rasterio.open(path, "w", driver="GTiff", width=260, height=300, count=1, dtype="float32", crs="EPSG:6677",
                       transform=from_origin(1000.0, 5000.0, 10.0, 10.0), nodata=-9999.0, tiled=True,
                       blockxsize=64, blockysize=64) as ds:
        ds.write(depth, 1)
    info = open_hazard_raster(path)
    x0 = rng.uniform(900, 3500, 60)
    y0 = rng.uniform(1900, 4900, 60)
    w = rng.uniform(3, 900, 60)
    h = rng.uniform(3, 1400, 60)                    # some extend past the raster (area outside = no data)
    boxes = gpd.GeoDataFrame(geometry=shapely.box(x0, y0, x0 + w, y0 + h), crs="EPSG:6677")
    (s1, d1), (s2, d2) = _both(boxes, info, "depth_m", monkeypatch)
    # exactextract keeps coverage fractions in float32: agreement to ~1e-8 (by hand below: 1e-12)
    np.testing.assert_allclose(s1, s2, rtol=0, atol=1e-7)
    np.testing.assert_allclose(d1, d2, rtol=0, atol=1e-7)
    # by hand for box 0: overlap of every cell with the box, cell by cell
    b = boxes.geometry.values[0]
    cls_of = {np.float32(k): v for k, v in {0.0: "dry", 0.3: 1, 1.0: 2, 4.0: 3, 7.0: 4, 12.0: 5, 25.0: 6}.items()}
    want = np.zeros(7)
    for r in range(300):
        for c in range(260):
            cell = shapely.box(1000 + 10 * c, 5000 - 10 * (r + 1), 1000 + 10 * (c + 1), 5000 - 10 * r)
            a = shapely.area(shapely.intersection(cell, b))
            if a > 0 and depth[r, c] != -9999.0:
                k = cls_of[depth[r, c]]
                want[0 if k == "dry" else k] += a
    want /= shapely.area(b)
    assert d1[0] == pytest.approx(want[0], abs=1e-12)
    np.testing.assert_allclose(s1[0], want[1:], atol=1e-12)
    # rows split across many narrow reading bands add up to the same cells
    rules = depth_classes()
    bounds = shapely.bounds(boxes.geometry.values)
    whole = zonal.rectangle_class_cells(info, bounds, "depth_m", rules)
    banded = zonal.rectangle_class_cells(info, bounds, "depth_m", rules, band_rows=64)
    np.testing.assert_allclose(whole, banded, rtol=1e-12, atol=1e-9)
