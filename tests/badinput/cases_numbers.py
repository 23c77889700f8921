"""Bad-input cases: numbers written as text in numeric parameters and layer fields (issue 11 items 3, 8, 11).

QGIS reads a Number parameter given as text ('0,85', '０．８５', 'abc') as 0.0 without a word, and the algorithms
used to turn text fields into NaN/0. Each value below is computed by hand in the comments.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

from .framework import BadCase, refused, succeeds

_ROOT = Path(__file__).resolve().parents[2]
RULES = str(_ROOT / "rules" / "subsidy" / "moe_fy2019_shelter_energy.json")


def _costs(tmp: Path, battery_field="battery_kwh") -> str:
    """The bundled unit-cost file with PV 300,000 yen/kW and battery 100,000 yen/kWh (plain hand arithmetic)."""
    data = json.loads((_ROOT / "rules" / "unit_costs.json").read_text(encoding="utf-8"))
    data["items"]["pv"]["yen_per_unit"] = 300000
    data["items"]["battery"]["yen_per_unit"] = 100000
    data["items"]["battery"]["quantity_field"] = battery_field
    path = tmp / "costs.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(path)


def _facility(tmp: Path, **values) -> str:
    props = {"id": "F1", "name": "施設1", "facility_type": "school", "owner": "public", "in_disaster_plan": True,
             "designated_shelter": True, "pv_kw": 20.0, "battery_kwh": 30.0, "pv_cap_kw": 25.0}
    props.update(values)
    doc = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": props, "geometry": {"type": "Point", "coordinates": [134.05, 34.34]}}]}
    path = tmp / "facilities.geojson"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return str(path)


def _subsidy(fiscal=None, battery_field="battery_kwh", **facility):
    def build(tmp):
        p = {"FACILITIES": _facility(tmp, **facility), "RULES": RULES, "UNIT_COSTS": _costs(tmp, battery_field),
             "APPLICANT_TYPE": "municipality", "OUTPUT": str(tmp / "subsidy.gpkg")}
        if fiscal is not None:
            p["FISCAL_INDEX"] = fiscal
        return p
    return build


def _subsidy_check(eligible, subsidy):
    def check(results, tmp):
        assert results["ELIGIBLE_TOTAL"] == eligible, results
        assert results["SUBSIDY_TOTAL"] == subsidy, results
    return check


# PV 20 kW x 300,000 + battery 30 kWh x 100,000 = 9,000,000 yen; fiscal index 0.85 >= 0.8 -> 2/3 = 6,000,000
# (read as 0.0 it was 3/4 = 6,750,000: 750,000 yen too much on one facility)
_fi = _subsidy_check(9_000_000, 6_000_000)
_fi.__doc__ = "rate 2/3 (fiscal index 0.85 >= 0.8): subsidy 6,000,000 of 9,000,000 yen, not 3/4 = 6,750,000"
# battery '12.5kWh' as text: 20 x 300,000 + 12.5 x 100,000 = 7,250,000; fiscal 0.5 -> 3/4 = 5,437,500 -> 5,437,000
_batt = _subsidy_check(7_250_000, 5_437_000)
_batt.__doc__ = "battery read as 12.5 kWh: cost 7,250,000 yen, subsidy 3/4 floored to 5,437,000 yen"


# --- catchments --------------------------------------------------------------------------------------------

SHELTERS = [("S1", 134.040, 34.340, 3000), ("S2", 134.060, 34.340, 3000)]


def _catchment_build(populations, far=None):
    def build(tmp):
        fac = {"type": "FeatureCollection", "features": [
            {"type": "Feature", "geometry": {"type": "Point", "coordinates": [x, y]},
             "properties": {"id": sid, "name": sid, "designated_shelter": True, "emergency_site": True,
                            "capacity_persons": cap}} for sid, x, y, cap in SHELTERS]}
        zones = [("Z1", 134.041, 34.341), ("Z2", 134.059, 34.339), ("Z3", 134.045, 34.345)]
        if far:
            zones.append(("ZFAR", far[0], far[1]))
        pop = {"type": "FeatureCollection", "features": [
            {"type": "Feature", "geometry": {"type": "Point", "coordinates": [x, y]},
             "properties": {"zone": z, "population": p}} for (z, x, y), p in zip(zones, populations)]}
        (tmp / "facilities.geojson").write_text(json.dumps(fac, ensure_ascii=False), encoding="utf-8")
        (tmp / "zones.geojson").write_text(json.dumps(pop, ensure_ascii=False), encoding="utf-8")
        return {"FACILITIES": str(tmp / "facilities.geojson"), "POPULATION": str(tmp / "zones.geojson"),
                "POPULATION_FIELD": "population", "ZONE_ID_FIELD": "zone",
                "OUTPUT": str(tmp / "shelters.gpkg"), "CATCHMENTS": str(tmp / "catchments.gpkg")}
    return build


def _text_pop_check(results, tmp):
    """2,041人 + 1,234 + 約100人 = 3,375 people assigned, none unreached"""
    assert results["POPULATION_ASSIGNED"] == 3375 and results["POPULATION_UNREACHED"] == 0, results


def _far_check(results, tmp):
    """the zone ~1,150 km east of every shelter (146.5E) is reported unreached (500 people), not assigned"""
    assert results["POPULATION_UNREACHED"] == 500 and results["POPULATION_ASSIGNED"] == 300, results
    import pyogrio
    c = pyogrio.read_dataframe(tmp / "catchments.gpkg").set_index("zone_id")
    assert c.loc["ZFAR", "shelter_id"] is None or c.loc["ZFAR", "shelter_id"] != c.loc["ZFAR", "shelter_id"]


def _months_build(value):
    def build(tmp):
        items = tmp / "items.csv"
        items.write_text("site_id,owner_type,item,unit,quantity,expiry_date\nW1,city,water,L,600,2026-05-31\n",
                         encoding="utf-8")
        return {"ITEMS": str(items), "REFERENCE_DATE": "2026-04-01", "MONTHS": value,
                "OUTPUT": str(tmp / "rot.gpkg"), "OUTPUT_REPLACEMENT": str(tmp / "rep.gpkg")}
    return build


def _months_check(results, tmp):
    """MONTHS '１２' read as 12: the lot expiring 2026-05-31 (2.0 months after 2026-04-01) is listed"""
    assert results["LOT_COUNT"] == 1, results


CASES = [
    BadCase(id="subsidyscope-fiscal-index-decimal-comma", alg="sonae:subsidyscope",
            what="FISCAL_INDEX written 0,85 (decimal comma)", build=_subsidy("0,85"), expect=succeeds(_fi)),
    BadCase(id="subsidyscope-fiscal-index-fullwidth", alg="sonae:subsidyscope",
            what="FISCAL_INDEX written ０．８５ (full width)", build=_subsidy("０．８５"), expect=succeeds(_fi)),
    BadCase(id="subsidyscope-fiscal-index-text", alg="sonae:subsidyscope", what="FISCAL_INDEX written 未定",
            build=_subsidy("未定x"), expect=refused("FISCAL_INDEX", "0 to 3", "0〜3")),
    BadCase(id="subsidyscope-fiscal-index-out-of-range", alg="sonae:subsidyscope",
            what="FISCAL_INDEX 85 (a percentage typed for 0.85)", build=_subsidy(85),
            expect=refused("FISCAL_INDEX", "0 to 3", "0〜3")),
    BadCase(id="subsidyscope-battery-kwh-as-text", alg="sonae:subsidyscope",
            what="battery_kwh written 12.5kWh in a text field", build=_subsidy(0.5, battery_kwh="12.5kWh"),
            expect=succeeds(_batt)),
    BadCase(id="subsidyscope-battery-unit-mismatch", alg="sonae:subsidyscope",
            what="battery_kwh written 12.5kW (power in an energy field)", build=_subsidy(0.5, battery_kwh="12.5kW"),
            expect=refused("battery_kwh", "12.5kW")),
    BadCase(id="subsidyscope-pv-unreadable", alg="sonae:subsidyscope", what="pv_kw written 検討中",
            build=_subsidy(0.5, pv_kw="検討中"), expect=refused("pv_kw", "検討中", "F1")),
    BadCase(id="subsidyscope-quantity-field-typo", alg="sonae:subsidyscope",
            what="unit-cost file reads the battery from 'batery_kwh' (typo): batteries priced at 0",
            build=_subsidy(0.5, battery_field="batery_kwh"), expect=refused("batery_kwh", "battery_kwh")),
    BadCase(id="sheltercatchments-population-as-text", alg="sonae:sheltercatchments",
            what="population written 2,041人 / 1,234 / 約100人 in a text field",
            build=_catchment_build(["2,041人", "1,234", "約100人"]), expect=succeeds(_text_pop_check)),
    BadCase(id="sheltercatchments-population-unreadable", alg="sonae:sheltercatchments",
            what="population written 多数", build=_catchment_build(["100", "多数", "100"]),
            expect=refused("population", "多数", "Z2")),
    BadCase(id="sheltercatchments-zone-far-from-every-shelter", alg="sonae:sheltercatchments",
            what="a population zone ~1,150 km from every shelter (rules/evacuation.json max_assign_distance_m)",
            build=_catchment_build([100, 100, 100, 500], far=(146.5, 34.34)), expect=succeeds(_far_check)),
    BadCase(id="expiryrotation-months-fullwidth", alg="sonae:expiryrotation", what="MONTHS written １２",
            build=_months_build("１２"), expect=succeeds(_months_check)),
    BadCase(id="expiryrotation-months-text", alg="sonae:expiryrotation", what="MONTHS written 一年",
            build=_months_build("一年"), expect=refused("MONTHS", "0 or more", "0以上")),
    BadCase(id="expiryrotation-months-negative", alg="sonae:expiryrotation", what="MONTHS -3",
            build=_months_build(-3), expect=refused("MONTHS", "0")),
]


# --- charger coverage: a time limit written with its unit ------------------------------------------------------

_KM_PER_DEG_LON = 111.32 * 0.82557       # km per degree of longitude at 34.34 N (cos 34.34 deg = 0.82557)


def _coverage_build(minutes):
    def build(tmp):
        ch = {"type": "FeatureCollection", "features": [
            {"type": "Feature", "geometry": {"type": "Point", "coordinates": [134.05, 34.34]},
             "properties": {"id": "C1"}}]}
        sh = {"type": "FeatureCollection", "features": [
            {"type": "Feature", "geometry": {"type": "Point", "coordinates": [134.05 + km / _KM_PER_DEG_LON, 34.34]},
             "properties": {"id": f"S{km}"}} for km in (1, 3, 8)]}
        (tmp / "chargers.geojson").write_text(json.dumps(ch), encoding="utf-8")
        (tmp / "shelters.geojson").write_text(json.dumps(sh), encoding="utf-8")
        return {"CHARGERS": str(tmp / "chargers.geojson"), "SHELTERS": str(tmp / "shelters.geojson"),
                "MINUTES": minutes, "SPEED_KMH": 20.0, "DETOUR_FACTOR": 1.0, "OUTPUT": str(tmp / "coverage.gpkg")}
    return build


def _coverage_check(results, tmp):
    """15 min at 20 km/h (detour 1.0) = 5 km: the shelters 1 km and 3 km east are covered, the one 8 km east not"""
    assert results["SHELTERS_COVERED"] == 2 and results["SHELTERS_TOTAL"] == 3, results


CASES += [
    BadCase(id="chargercoverage-minutes-with-unit", alg="sonae:chargercoverage", what="MINUTES written 15分",
            build=_coverage_build("15分"), expect=succeeds(_coverage_check)),
    BadCase(id="chargercoverage-minutes-fullwidth", alg="sonae:chargercoverage", what="MINUTES written １５",
            build=_coverage_build("１５"), expect=succeeds(_coverage_check)),
    BadCase(id="chargercoverage-minutes-in-kanji", alg="sonae:chargercoverage", what="MINUTES written 十五分",
            build=_coverage_build("十五分"), expect=refused("MINUTES", "十五分")),
]
