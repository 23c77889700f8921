"""Bad inputs for sonae:sheltercatchments (issue 12): designations, capacities, roles, geometry."""
from __future__ import annotations

import json

from .framework import BadCase, refused, succeeds

# two shelters near Takamatsu station, three town points around them (lon/lat)
ZONES = [("Z1", 134.041, 34.341, 100), ("Z2", 134.059, 34.339, 200), ("Z3", 134.045, 34.345, 300)]


def _build(shelters, zones=ZONES, polygons=False, **params):
    def build(tmp):
        fac = {"type": "FeatureCollection", "features": [
            {"type": "Feature", "geometry": {"type": "Point", "coordinates": [s.pop("x"), s.pop("y")]},
             "properties": s} for s in [dict(s) for s in shelters]]}
        if polygons:  # a bow-tie (self-intersecting) square around each point
            feats = [{"type": "Feature", "geometry": {"type": "Polygon", "coordinates": [[
                [x - .002, y - .002], [x + .002, y + .002], [x + .002, y - .002], [x - .002, y + .002],
                [x - .002, y - .002]]]}, "properties": {"zone": z, "population": p}} for z, x, y, p in zones]
        else:
            feats = [{"type": "Feature", "geometry": {"type": "Point", "coordinates": [x, y]},
                      "properties": {"zone": z, "population": p}} for z, x, y, p in zones]
        (tmp / "facilities.geojson").write_text(json.dumps(fac, ensure_ascii=False), encoding="utf-8")
        (tmp / "zones.geojson").write_text(json.dumps({"type": "FeatureCollection", "features": feats},
                                                      ensure_ascii=False), encoding="utf-8")
        out = {"FACILITIES": str(tmp / "facilities.geojson"), "POPULATION": str(tmp / "zones.geojson"),
               "POPULATION_FIELD": "population", "ZONE_ID_FIELD": "zone", "EVACUATION_RATE": 1.0,
               "OUTPUT": str(tmp / "shelters.gpkg"), "CATCHMENTS": str(tmp / "catchments.gpkg")}
        out.update(params)
        return out
    return build


def _s(sid, x, y, **kw):
    base = {"id": sid, "name": sid, "designated_shelter": True, "emergency_site": True, "x": x, "y": y}
    base.update(kw)
    return base


def _read(tmp, name):
    import pyogrio
    return pyogrio.read_dataframe(tmp / name, read_geometry=False)


def _check_text_capacity(results, tmp):
    """capacity '104人' read as 104 and '1,200' as 1,200: 600 people, 104 + 496 placed, none above capacity"""
    sh = _read(tmp, "shelters.gpkg").set_index("id")
    assert sh.loc["A", "capacity_calc"] == 104 and sh.loc["B", "capacity_calc"] == 1200, sh
    assert results["EVACUEES_ASSIGNED"] == 600 and results["OVER_CAPACITY_SHELTERS"] == 0, results


def _check_all_unsafe(results, tmp):
    """every shelter not designated for floods: nobody placed, all 600 reported unassigned"""
    assert results["SHELTERS_ELIGIBLE"] == 0 and results["EVACUEES_ASSIGNED"] == 0, results
    assert results["EVACUEES_UNASSIGNED"] == 600
    assert _read(tmp, "shelters.gpkg")["evacuees"].sum() == 0


def _check_refuge_only(results, tmp):
    """open spaces only (immediate refuge): no stay evacuees, refuge capacity 5,000 reported apart"""
    assert results["EVACUEES_ASSIGNED"] == 0 and results["REFUGE_CAPACITY"] == 5000, results


def _check_unknown_capacity(results, tmp):
    """capacity and floor area empty: counted as 0 places (flagged), nobody placed there"""
    sh = _read(tmp, "shelters.gpkg").set_index("id")
    assert sh.loc["A", "capacity_source"] == "unknown" and sh.loc["A", "evacuees"] == 0
    assert results["EVACUEES_ASSIGNED"] == 300 and results["EVACUEES_UNASSIGNED"] == 300, results


def _check_designation_unknown(results, tmp):
    """ok_flood empty on shelter A: not treated as safe (designation_unknown); B (safe, 250 places) fills"""
    sh = _read(tmp, "shelters.gpkg").set_index("id")
    assert sh.loc["A", "eligibility"] == "designation_unknown" and sh.loc["A", "evacuees"] == 0
    assert sh.loc["B", "evacuees"] == 250 and results["EVACUEES_UNASSIGNED"] == 350, results


def _check_polygons(results, tmp):
    """bow-tie zone polygons: each zone still gets its 100/200/300 evacuees counted, nothing lost"""
    c = _read(tmp, "catchments.gpkg")
    assert c["evacuees"].sum() == 600
    assert (c["assigned_evacuees"] + c["unassigned_evacuees"] == c["evacuees"]).all()


FLOOD = dict(flood_conflict=False, flood_rank=1)
CASES = [
    BadCase(id="sheltercatchments-capacity-as-text", alg="sonae:sheltercatchments",
            what="capacity_persons written 104人 and 1,200 (text)",
            build=_build([_s("A", 134.041, 34.341, capacity_persons="104人"),
                          _s("B", 134.059, 34.339, capacity_persons="1,200")]),
            expect=succeeds(_check_text_capacity)),
    BadCase(id="sheltercatchments-capacity-unreadable", alg="sonae:sheltercatchments",
            what="capacity_persons written 多数", build=_build([_s("A", 134.041, 34.341, capacity_persons="多数")]),
            expect=refused("capacity_persons", "多数")),
    BadCase(id="sheltercatchments-all-shelters-unsafe", alg="sonae:sheltercatchments",
            what="HAZARD_TYPE flood, no shelter designated for floods (ok_flood false everywhere)",
            build=_build([_s("A", 134.041, 34.341, capacity_persons=500, ok_flood=False, **FLOOD),
                          _s("B", 134.059, 34.339, capacity_persons=500, ok_flood=False, **FLOOD)],
                         HAZARD_TYPE="flood"),
            expect=succeeds(_check_all_unsafe)),
    BadCase(id="sheltercatchments-missing-ok-hazard", alg="sonae:sheltercatchments",
            what="HAZARD_TYPE flood on a layer without ok_flood (designations not imported)",
            build=_build([_s("A", 134.041, 34.341, capacity_persons=500)], HAZARD_TYPE="flood"),
            expect=refused("ok_flood", "HAZARD_TYPE")),
    BadCase(id="sheltercatchments-missing-conflict-field", alg="sonae:sheltercatchments",
            what="HAZARD_TYPE tsunami with ok_tsunami but without sonae:hazardexposure's tsunami_conflict",
            build=_build([_s("A", 134.041, 34.341, capacity_persons=500, ok_tsunami=True)], HAZARD_TYPE="tsunami"),
            expect=refused("tsunami_conflict", "sonae:hazardexposure")),
    BadCase(id="sheltercatchments-designation-unknown", alg="sonae:sheltercatchments",
            what="ok_flood empty (NULL) on one shelter",
            build=_build([_s("A", 134.041, 34.341, capacity_persons=500, ok_flood=None, **FLOOD),
                          _s("B", 134.059, 34.339, capacity_persons=250, ok_flood=True, **FLOOD)],
                         HAZARD_TYPE="flood"),
            expect=succeeds(_check_designation_unknown)),
    BadCase(id="sheltercatchments-refuge-only", alg="sonae:sheltercatchments",
            what="only open spaces (emergency sites, not designated shelters)",
            build=_build([_s("P", 134.041, 34.341, designated_shelter=False, capacity_persons=5000)]),
            expect=succeeds(_check_refuge_only)),
    BadCase(id="sheltercatchments-capacity-unknown", alg="sonae:sheltercatchments",
            what="a shelter with neither capacity nor floor area",
            build=_build([_s("A", 134.041, 34.341), _s("B", 134.059, 34.339, capacity_persons=300)]),
            expect=succeeds(_check_unknown_capacity)),
    BadCase(id="sheltercatchments-invalid-zone-polygons", alg="sonae:sheltercatchments",
            what="population zones as self-intersecting (bow-tie) polygons",
            build=_build([_s("A", 134.041, 34.341, capacity_persons=1000)], polygons=True),
            expect=succeeds(_check_polygons)),
    BadCase(id="sheltercatchments-hazard-type-unknown", alg="sonae:sheltercatchments",
            what="HAZARD_TYPE 'fire' (not a hazard Sonae maps)",
            build=_build([_s("A", 134.041, 34.341, capacity_persons=1000)], HAZARD_TYPE="fire"),
            expect=refused("HAZARD_TYPE")),
]
