"""Bad-input cases: hazard rasters (issue 11 item 5): untagged fill values, text or truncated files, no overlap.

Small depth rasters are written with rasterio over Takamatsu (EPSG:4326): the west half holds a depth of 1.2 m,
the east half the fill value, so each facility's expected value is read independently from the array by index.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np

from ..conftest import DATA
from .cases_outputs import TAKAMATSU_FLOOD, _layer
from .framework import BadCase, refused, succeeds

BOX = (133.90, 34.10, 134.20, 34.44)          # Takamatsu flood raster's box (MANIFEST.md)
SPLIT_LON = 134.03
DEPTH = 1.2
KUMAMOTO_MESH = Path(DATA) / "kumamoto" / "population_dem_subset" / "ksj_mesh500h30_pop_subset.geojson"


def _depth_raster(tmp: Path, fill, dtype="float32", tag=None, name="depth.tif") -> str:
    import rasterio
    from rasterio.transform import from_bounds
    w, h = 300, 340
    arr = np.full((h, w), fill, dtype=dtype)
    split = int((SPLIT_LON - BOX[0]) / (BOX[2] - BOX[0]) * w)
    arr[:, :split] = DEPTH
    path = tmp / name
    with rasterio.open(path, "w", driver="GTiff", width=w, height=h, count=1, dtype=dtype, crs="EPSG:4326",
                       transform=from_bounds(*BOX, w, h), nodata=tag) as ds:
        ds.write(arr, 1)
    return str(path)


def _facility_xy(results):
    import pyogrio
    out = pyogrio.read_dataframe(results["OUTPUT"].split("|")[0])
    return out, out.geometry.x.to_numpy(), out.geometry.y.to_numpy()


def _fill_check(depth):
    def check(results, tmp):
        out, x, _y = _facility_xy(results)
        on_fill = x >= SPLIT_LON + 0.002
        on_depth = x <= SPLIT_LON - 0.002
        assert on_fill.sum() > 10 and on_depth.sum() > 10
        v = out["flood_value"].to_numpy(dtype=float)
        assert np.isnan(v[on_fill]).all(), v[on_fill][:5]
        assert np.allclose(v[on_depth], depth)
    check.__doc__ = (f"facilities on the fill cells get flood_value NULL (no data, never 0 / safe); the others "
                     f"{depth:g} m (split at {SPLIT_LON}E, read from the array by index)")
    return check


_check_fill_is_nodata = _fill_check(DEPTH)


def _hazard(fill, dtype="float32", tag=None, nodata=None):
    def build(tmp):
        params = {"FACILITIES": _layer(tmp), "HAZARD": _depth_raster(tmp, fill, dtype, tag), "VALUE_KIND": 0,
                  "OUTPUT": str(tmp / "out.gpkg")}
        if nodata is not None:
            params["NODATA"] = nodata
        return params
    return build


def _text_tif(tmp):
    path = tmp / "flood.tif"
    path.write_text("<html><body>404 Not Found</body></html>\n", encoding="utf-8")
    return {"FACILITIES": _layer(tmp), "HAZARD": str(path), "OUTPUT": str(tmp / "out.gpkg")}


def _truncated_tif(tmp):
    data = Path(TAKAMATSU_FLOOD).read_bytes()
    path = tmp / "flood_truncated.tif"
    path.write_bytes(data[: len(data) // 3])
    return {"FACILITIES": _layer(tmp), "HAZARD": str(path), "OUTPUT": str(tmp / "out.gpkg")}


def _mesh_zones(tmp):
    dst = tmp / KUMAMOTO_MESH.name
    shutil.copyfile(KUMAMOTO_MESH, dst)
    return str(dst)


def _pop_no_overlap(tmp):
    return {"POPULATION": _mesh_zones(tmp), "POPULATION_FIELD": "ptn_2020", "HAZARD": str(TAKAMATSU_FLOOD),
            "OUTPUT": str(tmp / "out.gpkg")}


def _pop_fill(tmp):
    import rasterio
    from rasterio.transform import from_bounds
    path = tmp / "kumamoto_depth.tif"
    with rasterio.open(path, "w", driver="GTiff", width=200, height=200, count=1, dtype="float32",
                       crs="EPSG:4326", transform=from_bounds(130.55, 32.66, 130.83, 32.98, 200, 200)) as ds:
        ds.write(np.full((200, 200), -9999.0, dtype="float32"), 1)
    return {"POPULATION": _mesh_zones(tmp), "POPULATION_FIELD": "ptn_2020", "HAZARD": str(path), "VALUE_KIND": 0,
            "OUTPUT": str(tmp / "out.gpkg")}


def _check_pop_fill(results, tmp):
    """nobody counted dry: every person inside the -9999 raster is 'no data' (people_dry 0)"""
    import pyogrio
    out = pyogrio.read_dataframe(results["OUTPUT"].split("|")[0], read_geometry=False)
    assert float(out["people_dry"].sum()) < 1e-6, float(out["people_dry"].sum())
    assert float(out["people_no_data"].sum()) > 0


def _negative(tmp):
    """Depth raster where the east half holds -0.5 m (not a fill value, no NoData tag)."""
    return {"FACILITIES": _layer(tmp), "HAZARD": _depth_raster(tmp, -0.5), "VALUE_KIND": 0,
            "OUTPUT": str(tmp / "out.gpkg")}


def _pop_negative(tmp):
    import rasterio
    from rasterio.transform import from_bounds
    path = tmp / "kumamoto_depth.tif"
    arr = np.full((200, 200), 1.0, dtype="float32")
    arr[:, 100:] = -2.0
    with rasterio.open(path, "w", driver="GTiff", width=200, height=200, count=1, dtype="float32",
                       crs="EPSG:4326", transform=from_bounds(130.55, 32.66, 130.83, 32.98, 200, 200)) as ds:
        ds.write(arr, 1)
    return {"POPULATION": _mesh_zones(tmp), "POPULATION_FIELD": "ptn_2020", "HAZARD": str(path), "VALUE_KIND": 0,
            "OUTPUT": str(tmp / "out.gpkg")}


CASES = [
    BadCase(id="hazardexposure-negative-depths", alg="sonae:hazardexposure",
            what="depth raster with -0.5 m cells (not a fill value)",
            build=_negative, expect=refused("-0.5", "NODATA", doc="never read as dry (rank 0)")),
    BadCase(id="exposedpopulation-negative-depths", alg="sonae:exposedpopulation",
            what="depth raster over Kumamoto with -2 m cells",
            build=_pop_negative, expect=refused("-2", "NODATA")),
    BadCase(id="hazardexposure-tagged-nodata-respected", alg="sonae:hazardexposure",
            what="depth raster with -9999 cells and a NoData tag of -9999 (the well-formed case)",
            build=_hazard(-9999.0, tag=-9999.0), expect=succeeds(_check_fill_is_nodata)),
    BadCase(id="hazardexposure-untagged-9999", alg="sonae:hazardexposure",
            what="depth raster filled with -9999 without a NoData tag",
            build=_hazard(-9999.0), expect=succeeds(_check_fill_is_nodata)),
    BadCase(id="hazardexposure-untagged-float32-min", alg="sonae:hazardexposure",
            what="depth raster filled with -3.4028235e38 (float32 minimum) without a NoData tag",
            build=_hazard(np.finfo(np.float32).min), expect=succeeds(_check_fill_is_nodata)),
    BadCase(id="hazardexposure-untagged-int16-32768", alg="sonae:hazardexposure",
            what="int16 depth raster (whole metres) filled with -32768 without a NoData tag",
            build=_hazard(-32768, dtype="int16"), expect=succeeds(_fill_check(1.0))),
    BadCase(id="hazardexposure-nodata-parameter", alg="sonae:hazardexposure",
            what="untagged raster filled with -1, NODATA = -1 given",
            build=_hazard(-1.0, nodata=-1.0), expect=succeeds(_check_fill_is_nodata)),
    BadCase(id="hazardexposure-text-named-tif", alg="sonae:hazardexposure",
            what="an HTML error page saved as flood.tif",
            build=_text_tif, expect=refused("flood.tif", "HAZARD")),
    BadCase(id="hazardexposure-truncated-tif", alg="sonae:hazardexposure",
            what="the flood GeoTIFF cut to a third of its bytes (interrupted download)",
            build=_truncated_tif, expect=refused("flood_truncated.tif")),
    BadCase(id="exposedpopulation-raster-does-not-overlap", alg="sonae:exposedpopulation",
            what="Kumamoto population zones with the Takamatsu flood raster",
            build=_pop_no_overlap, expect=refused("ksj_mesh500h30_pop_subset", "HAZARD")),
    BadCase(id="exposedpopulation-untagged-9999", alg="sonae:exposedpopulation",
            what="depth raster over Kumamoto entirely -9999 without a NoData tag",
            build=_pop_fill, expect=succeeds(_check_pop_fill)),
]
