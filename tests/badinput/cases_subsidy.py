"""Bad-input cases: subsidy scope (sonae:subsidyscope) per seed 003's categories, issue 13 item 6."""
from __future__ import annotations

from pathlib import Path

from .framework import BadCase, refused, succeeds

OUT = "subsidy.gpkg"


def _fac(tmp: Path, rows) -> str:
    import geopandas as gpd
    from shapely.geometry import Point
    base = {"facility_type": "school", "owner": "public", "in_disaster_plan": True, "designated_shelter": True}
    recs = [dict(base, id=f"F{i + 1}", name=f"施設{i + 1}", **r) for i, r in enumerate(rows)]
    path = tmp / "fac.gpkg"
    gpd.GeoDataFrame(recs, geometry=[Point(134.0 + 0.01 * i, 34.3) for i in range(len(recs))],
                     crs="EPSG:6668").to_file(path, driver="GPKG", layer="fac")
    return f"{path}|layername=fac"


def _params(tmp, rows, **kw):
    p = {"FACILITIES": _fac(tmp, rows), "APPLICANT_TYPE": "municipality", "FISCAL_INDEX": 0.5,
         "OUTPUT": str(tmp / OUT)}
    p.update(kw)
    return p


def _rows(tmp):
    import pyogrio
    t = pyogrio.read_dataframe(str(tmp / OUT), read_geometry=False)
    return t[t["row_type"] == "facility"].reset_index(drop=True)


def _unit(item):
    from sonae.engine.rules import load_rules
    return load_rules("unit_costs.json")["items"][item]["yen_per_unit"]


def _check_battery_private(results, tmp):
    """No.2-1: a stand-alone battery is eligible (seed 003: 2号事業 …及び蓄電池等); cost 20 kWh x unit, rate 1/2"""
    f = _rows(tmp).iloc[0]
    cost = 20 * _unit("battery")
    assert f["eligible_yn"] == "yes" and f["eligible_cost_yen"] == cost
    assert f["subsidy_yen"] == cost // 2 // 1000 * 1000


def _check_fit_part(results, tmp):
    """fit_pv_kw 4 of 10 kW: 6 kW of PV and the battery stay eligible, only the FIT-sold 4 kW is excluded"""
    f = _rows(tmp).iloc[0]
    assert f["pv_eligible"] == 6.0 and f["battery_eligible"] == 10.0
    assert f["ineligible_cost_yen"] == round(4 * _unit("pv"))


def _check_park(results, tmp):
    """an open space (immediate refuge, no in_disaster_plan field value) is not a facility the programme equips"""
    f = _rows(tmp).iloc[0]
    assert f["eligible_yn"] == "no" and "subsidy_facility" in f["reasons_en"]


CASES = [
    BadCase(id="subsidyscope-negative-pv", alg="sonae:subsidyscope",
            what="pv_kw = -5 on a facility", build=lambda tmp: _params(tmp, [{"pv_kw": -5.0}]),
            expect=refused("pv_kw", "F1")),
    BadCase(id="subsidyscope-unknown-applicant-field", alg="sonae:subsidyscope",
            what="applicant_type field holds an unknown category (2号)",
            build=lambda tmp: _params(tmp, [{"pv_kw": 10.0, "applicant_type": "2号"}]),
            expect=refused("applicant_type", "2号")),
    BadCase(id="subsidyscope-standalone-battery-private", alg="sonae:subsidyscope",
            what="a private applicant (No.2-1) asks for a battery without PV",
            build=lambda tmp: _params(tmp, [{"battery_kwh": 20.0, "owner": "private", "facility_type": "hospital"}],
                                      APPLICANT_TYPE="private"),
            expect=succeeds(_check_battery_private)),
    BadCase(id="subsidyscope-fit-part-of-pv", alg="sonae:subsidyscope",
            what="4 of 10 kW of the proposed PV to be sold under FIT (fit_pv_kw)",
            build=lambda tmp: _params(tmp, [{"pv_kw": 10.0, "pv_cap_kw": 20.0, "battery_kwh": 10.0,
                                             "fit_pv_kw": 4.0}]),
            expect=succeeds(_check_fit_part)),
    BadCase(id="subsidyscope-park-as-facility", alg="sonae:subsidyscope",
            what="an open-space evacuation site (park) with equipment and no disaster-plan field value",
            build=lambda tmp: _params(tmp, [{"pv_kw": 10.0, "pv_cap_kw": 20.0, "facility_type": "park",
                                             "designated_shelter": False, "emergency_site": True,
                                             "in_disaster_plan": None}]),
            expect=succeeds(_check_park)),
]
