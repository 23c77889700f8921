"""Bad inputs for population zones (sonae:exposedpopulation, sonae:sheltercatchments; issue 12)."""
from __future__ import annotations

import json
import os

import numpy as np

from .framework import BadCase, refused, succeeds

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
X0, Y0, CELL = 400000.0, 3900040.0, 10.0


def _raster(tmp):
    """4 x 4 rank raster (EPSG:6691): left half rank 2, right half rank 3."""
    import rasterio
    from rasterio.transform import from_origin
    path = tmp / "rank.tif"
    codes = np.array([[2, 2, 3, 3]] * 4, dtype="uint8")
    with rasterio.open(path, "w", driver="GTiff", width=4, height=4, count=1, dtype="uint8", crs="EPSG:6691",
                       transform=from_origin(X0, Y0, CELL, CELL), nodata=0) as ds:
        ds.write(codes, 1)
    return str(path)


def _zones(tmp, features, name="zones.geojson"):
    fc = {"type": "FeatureCollection", "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::6691"}},
          "features": features}
    (tmp / name).write_text(json.dumps(fc, ensure_ascii=False), encoding="utf-8")
    return str(tmp / name)


def _square(x0, y0, x1, y1):
    return {"type": "Polygon", "coordinates": [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]]}


def _bowtie(tmp):
    # the figure-eight (x0,y0)->(x1,y1)->(x1,y0)->(x0,y1): two triangles, one over rank 2 and one over rank 3
    g = {"type": "Polygon", "coordinates": [[[X0, Y0 - 40], [X0 + 40, Y0], [X0 + 40, Y0 - 40], [X0, Y0],
                                             [X0, Y0 - 40]]]}
    return {"POPULATION": _zones(tmp, [{"type": "Feature", "geometry": g, "properties": {"z": "A", "pop": 100}}]),
            "POPULATION_FIELD": "pop", "ZONE_ID_FIELD": "z", "HAZARD": _raster(tmp), "VALUE_KIND": 1,
            "OUTPUT": str(tmp / "ep.gpkg")}


def _check_bowtie(results, tmp):
    """a self-intersecting zone is repaired (make_valid: two triangles), not dropped: its 100 people are all
    counted, split between rank 2 and rank 3"""
    import pyogrio
    ep = pyogrio.read_dataframe(tmp / "ep.gpkg", read_geometry=False)
    total = ep[[f"people_rank_{k}" for k in range(1, 7)] + ["people_dry", "people_no_data"]].to_numpy().sum()
    assert abs(total - 100) < 1e-6 and results["POPULATION_TOTAL"] == 100, ep


def _text_pop(values):
    def build(tmp):
        feats = [{"type": "Feature", "geometry": _square(X0 + 20 * i, Y0 - 40, X0 + 20 * i + 20, Y0),
                  "properties": {"z": f"Z{i + 1}", "pop": v}} for i, v in enumerate(values)]
        return {"POPULATION": _zones(tmp, feats), "POPULATION_FIELD": "pop", "ZONE_ID_FIELD": "z",
                "HAZARD": _raster(tmp), "VALUE_KIND": 1, "OUTPUT": str(tmp / "ep.gpkg")}
    return build


def _check_text_pop(results, tmp):
    """'2,041人' and '１２０' read as 2,041 and 120: the left zone (rank 2) holds 2,041, the right (rank 3) 120"""
    import pyogrio
    ep = pyogrio.read_dataframe(tmp / "ep.gpkg", read_geometry=False).set_index("z")
    assert abs(ep.loc["Z1", "people_rank_2"] - 2041) < 1e-6 and abs(ep.loc["Z2", "people_rank_3"] - 120) < 1e-6, ep
    assert results["POPULATION_TOTAL"] == 2161


def _far_zones(tmp):
    feats = [{"type": "Feature", "geometry": {"type": "Point", "coordinates": [134.041, 34.341]},
              "properties": {"zone": "near", "pop": 100}},
             {"type": "Feature", "geometry": {"type": "Point", "coordinates": [146.5, 34.34]},   # ~1,148 km east
              "properties": {"zone": "far", "pop": 50}}]
    fac = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [134.040, 34.340]},
         "properties": {"id": "S1", "name": "S1", "designated_shelter": True, "capacity_persons": 1000}}]}
    (tmp / "fac.geojson").write_text(json.dumps(fac), encoding="utf-8")
    (tmp / "pop.geojson").write_text(json.dumps({"type": "FeatureCollection", "features": feats}), encoding="utf-8")
    return {"FACILITIES": str(tmp / "fac.geojson"), "POPULATION": str(tmp / "pop.geojson"),
            "POPULATION_FIELD": "pop", "ZONE_ID_FIELD": "zone", "EVACUATION_RATE": 1.0,
            "OUTPUT": str(tmp / "s.gpkg"), "CATCHMENTS": str(tmp / "c.gpkg")}


def _check_far(results, tmp):
    """the zone 1,148 km away: its 50 evacuees unreached and unassigned, the near zone's 100 placed"""
    import pyogrio
    c = pyogrio.read_dataframe(tmp / "c.gpkg", read_geometry=False).set_index("zone_id")
    assert results["EVACUEES_UNREACHED"] == 50 and results["EVACUEES_ASSIGNED"] == 100, results
    assert bool(c.loc["far", "unreached"]) and c.loc["far", "assigned_evacuees"] == 0


CASES = [
    BadCase(id="exposedpopulation-bowtie-polygon", alg="sonae:exposedpopulation",
            what="a self-intersecting (bow-tie) population polygon over two depth classes",
            build=_bowtie, expect=succeeds(_check_bowtie)),
    BadCase(id="exposedpopulation-population-as-text", alg="sonae:exposedpopulation",
            what="population written 2,041人 and １２０ (full-width) in a text field",
            build=_text_pop(["2,041人", "１２０"]), expect=succeeds(_check_text_pop)),
    BadCase(id="exposedpopulation-population-unreadable", alg="sonae:exposedpopulation",
            what="population written 多数", build=_text_pop(["100", "多数"]), expect=refused("多数")),
    BadCase(id="exposedpopulation-population-negative", alg="sonae:exposedpopulation",
            what="population -5", build=_text_pop([100, -5]), expect=refused("pop")),
    BadCase(id="sheltercatchments-zone-1148km-capacity", alg="sonae:sheltercatchments",
            what="capacity assignment with a zone 1,148 km from every shelter (wrong place / CRS)",
            build=_far_zones, expect=succeeds(_check_far)),
]
