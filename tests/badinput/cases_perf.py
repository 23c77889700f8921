"""Bad-input cases for the vectorised rectangle coverage (issue 16): zones that straddle the raster's edge and
cell edges take the exact area fractions (the part outside the raster is no data, never safe)."""
from __future__ import annotations

import json

import numpy as np

from .framework import BadCase, succeeds

X0, Y0, CELL = 400000.0, 3900040.0, 10.0


def _raster(tmp):
    """4 x 4 rank raster (EPSG:6691): left half rank 2, right half rank 3; top-right cell NoData (0)."""
    import rasterio
    from rasterio.transform import from_origin
    path = tmp / "rank.tif"
    codes = np.array([[2, 2, 3, 0]] + [[2, 2, 3, 3]] * 3, dtype="uint8")
    with rasterio.open(path, "w", driver="GTiff", width=4, height=4, count=1, dtype="uint8", crs="EPSG:6691",
                       transform=from_origin(X0, Y0, CELL, CELL), nodata=0) as ds:
        ds.write(codes, 1)
    return str(path)


def _boxes(tmp, boxes):
    feats = [{"type": "Feature", "properties": {"z": f"Z{i + 1}", "pop": 100},
              "geometry": {"type": "Polygon", "coordinates": [[[a, b], [c, b], [c, d], [a, d], [a, b]]]}}
             for i, (a, b, c, d) in enumerate(boxes)]
    fc = {"type": "FeatureCollection", "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::6691"}},
          "features": feats}
    (tmp / "zones.geojson").write_text(json.dumps(fc), encoding="utf-8")
    return str(tmp / "zones.geojson")


BOXES = [
    (X0 - 20, Y0 - 40, X0 + 20, Y0),            # half outside the raster's west edge, inside half on rank 2
    (X0 + 15, Y0 - 25, X0 + 35, Y0 - 5),        # straddles cell edges (and a corner of the NoData cell)
    (X0 + 25, Y0 - 15, X0 + 45, Y0 + 5),        # over the NoData cell, the raster's north and east edges
]


def _build(tmp):
    return {"POPULATION": _boxes(tmp, BOXES), "POPULATION_FIELD": "pop", "ZONE_ID_FIELD": "z",
            "HAZARD": _raster(tmp), "VALUE_KIND": 1, "OUTPUT": str(tmp / "ep.gpkg")}


def _check(results, tmp):
    """by hand (x, y in metres from the raster's top-left corner; each zone 400 m2 and 100 people):
    Z1 x -20..20: the west half is outside (no data), the east half on rank 2 -> 50 / 50.
    Z2 x 15..35, y -25..-5: rank 2 x 15..20 (100 m2) -> 25; rank 3 x 20..30 (200 m2) + x 30..35 below y -10
    (75 m2) -> 68.75; x 30..35, y -10..-5 lies on the NoData cell (25 m2) -> 6.25 no data."""
    import pyogrio
    ep = pyogrio.read_dataframe(tmp / "ep.gpkg", read_geometry=False).set_index("z")
    assert abs(ep.loc["Z1", "people_rank_2"] - 50) < 1e-9 and abs(ep.loc["Z1", "people_no_data"] - 50) < 1e-9, ep
    assert abs(ep.loc["Z2", "people_rank_2"] - 25) < 1e-9 and abs(ep.loc["Z2", "people_rank_3"] - 68.75) < 1e-9, ep
    assert abs(ep.loc["Z2", "people_no_data"] - 6.25) < 1e-9, ep
    # Z3 (x 25..45, y -15..+5 from the top-left corner): inside the raster x 25..40, y -15..0 = 225 m2 of 400;
    # the NoData cell (x 30..40, y -10..0) takes 100 m2 of it; rank 3: x 25..30 over y -15..0 (75 m2, column 2 is
    # rank 3) + x 30..40 over y -15..-10 (50 m2) = 125 m2 -> 31.25 people; the rest (275 m2) is no data
    assert abs(ep.loc["Z3", "people_rank_3"] - 31.25) < 1e-9, ep
    assert abs(ep.loc["Z3", "people_no_data"] - 68.75) < 1e-9, ep
    assert abs(results["POPULATION_TOTAL"] - 300) < 1e-9


CASES = [
    BadCase(id="exposedpopulation-rectangles-straddle-raster-and-cell-edges", alg="sonae:exposedpopulation",
            what="grid zones half outside the raster, across cell edges and over a NoData cell",
            build=_build, expect=succeeds(check=_check)),
]
