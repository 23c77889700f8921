"""Bad-input cases: energy (sonae:outageautonomy, sonae:sizeforautonomy), issue 13 item 6.

Small point layers written per case (GeoPackage), weather files derived from the real 拡張アメダス standard year of
../shared/data/takamatsu/solar (Okayama, the Takamatsu proxy), PV profile CSVs of the wrong length.
"""
from __future__ import annotations

from pathlib import Path

from ..conftest import DATA
from .framework import BadCase, cancelled, refused, succeeds

WEATHER = Path(DATA) / "takamatsu" / "solar" / "bri_expanded_amedas_standard_year_06_okayama_hourly.csv"
OUT = "out.gpkg"


def _sites(tmp: Path, rows: list[dict], name: str = "sites.gpkg") -> str:
    import geopandas as gpd
    from shapely.geometry import Point
    recs = []
    for i, r in enumerate(rows):
        rec = {"id": f"S{i + 1}", "name": f"避難所{i + 1}", "facility_type": "school", "evacuees": 50.0,
               "designated_shelter": True, "welfare_shelter": False, "emergency_site": False}
        rec.update(r)
        recs.append(rec)
    gdf = gpd.GeoDataFrame(recs, geometry=[Point(134.05 + 0.001 * i, 34.34) for i in range(len(recs))],
                           crs="EPSG:4326")
    path = tmp / name
    gdf.to_file(path, driver="GPKG", layer="sites")
    return f"{path}|layername=sites"


def _params(tmp: Path, rows=None, **extra) -> dict:
    p = {"FACILITIES": _sites(tmp, rows or [{"pv_kw": 5.0, "battery_kwh": 10.0}]), "ID_FIELD": "id",
         "EVACUEES_FIELD": "evacuees", "TYPE_FIELD": "facility_type", "START_SOC": 0.5, "OUTAGE_HOURS": 72,
         "START_TIME": "2026-01-15T18:00:00", "WEATHER_YEARS": 1, "OUTPUT": str(tmp / OUT)}
    p.update(extra)
    return p


def _weather(tmp: Path, edit=None, name: str = "weather.csv", encoding: str = "utf-8") -> str:
    lines = WEATHER.read_text(encoding="utf-8").splitlines()
    if edit:
        lines = edit(lines)
    path = tmp / name
    path.write_text("\n".join(lines) + "\n", encoding=encoding)
    return str(path)


def _set_dni(lines, row, value):
    cells = lines[row].split(",")
    cells[3] = value
    lines[row] = ",".join(cells)
    return lines


def _profile(tmp: Path, n: int) -> str:
    path = tmp / "pv.csv"
    path.write_text("kw_per_kwp\n" + "\n".join("0.1" for _ in range(n)) + "\n", encoding="utf-8")
    return str(path)


def _read(tmp: Path):
    import pyogrio
    return pyogrio.read_dataframe(str(tmp / OUT), read_geometry=False)


def _check_sjis(results, tmp):
    """the Shift_JIS copy of the standard year gives the same PV yield as the UTF-8 original (engine, one cell)"""
    from sonae.engine.energy.pv import weather_profiles
    row = _read(tmp).iloc[0]
    ref = weather_profiles([34.34], [134.05], weather_file=str(WEATHER)).annual_kwh_per_kwp()[0]
    assert abs(row["pv_kwh_per_kwp_year"] - ref) < 1e-6 and row["weather_source"].startswith("file:")


def _check_roles(results, tmp):
    """a park (immediate refuge) carries no load and no target; only the school counts in BELOW_TARGET"""
    out = _read(tmp).set_index("id")
    assert out.loc["S2", "role"] == "immediate_refuge" and out.loc["S2", "critical_load_kw"] == 0.0
    assert out.loc["S2", "autonomy_target_h"] == 0 and not out.loc["S2", "counts_in_target"]
    assert results["BELOW_TARGET"] == int(out.loc["S1", "hours_now"] < 72)


def _check_no_designation(results, tmp):
    """no designation fields: every row is a stay shelter with the 72 h target (with a warning)"""
    out = _read(tmp)
    assert set(out["role"]) == {"stay_shelter"} and set(out["autonomy_target_h"]) == {72.0}


def _check_unknown_type(results, tmp):
    """an unknown facility type takes the default load set: 4 fixtures + 0.04 x 50, radio, TV, fridge, 50 phones"""
    import numpy as np
    from sonae.engine.rules import load_rules
    r = load_rules("critical_loads.json")
    light = np.array(r["shapes"]["lighting"]).sum()
    day = ((4 + 0.04 * 50) * 40 * light + 30 * 24 + 100 * 17 + 50 * 15 + 75 * 24) / 1000
    assert abs(_read(tmp).iloc[0]["critical_kwh_day"] - day) < 1e-9


def _no_designation(tmp):
    import geopandas as gpd
    from shapely.geometry import Point
    path = tmp / "plain.gpkg"
    gpd.GeoDataFrame({"id": ["a", "b"], "facility_type": ["school", "gymnasium"], "evacuees": [10.0, 20.0]},
                     geometry=[Point(134.05, 34.34), Point(134.06, 34.34)], crs="EPSG:4326").to_file(path)
    return dict(_params(tmp), FACILITIES=str(path))


CASES = [
    BadCase(id="outageautonomy-pv-profile-8759-rows", alg="sonae:outageautonomy",
            what="PV profile CSV with 8,759 hourly values (one hour missing)",
            build=lambda tmp: _params(tmp, PV_PROFILE=_profile(tmp, 8759)), expect=refused("8759", "8760")),
    BadCase(id="outageautonomy-pv-profile-leap-year", alg="sonae:outageautonomy",
            what="PV profile CSV of a leap year (8,784 values, 29 February kept)",
            build=lambda tmp: _params(tmp, PV_PROFILE=_profile(tmp, 8784)), expect=refused("8784", "29")),
    BadCase(id="outageautonomy-negative-battery-kwh", alg="sonae:outageautonomy",
            what="battery_kwh = -10 on one shelter",
            build=lambda tmp: _params(tmp, [{"battery_kwh": -10.0}]), expect=refused("battery_kwh", "S1")),
    BadCase(id="outageautonomy-soc-in-percent", alg="sonae:outageautonomy",
            what="battery_soc written as 85 (percent) instead of 0.85",
            build=lambda tmp: _params(tmp, [{"battery_kwh": 10.0, "battery_soc": 85.0}]),
            expect=refused("battery_soc", "100")),
    BadCase(id="outageautonomy-evacuees-as-text", alg="sonae:outageautonomy",
            what="evacuees written as a word (多数) instead of a number",
            build=lambda tmp: _params(tmp, [{"evacuees": "多数"}]), expect=refused("evacuees", "多数")),
    BadCase(id="outageautonomy-weather-text-in-dni", alg="sonae:outageautonomy",
            what="standard-year weather file with text (欠測) in the DNI column",
            build=lambda tmp: _params(tmp, WEATHER_FILE=_weather(tmp, lambda ls: _set_dni(ls, 500, "欠測"))),
            expect=refused("法線面直達日射", "欠測", "501")),
    BadCase(id="outageautonomy-weather-8759-rows", alg="sonae:outageautonomy",
            what="standard-year weather file with one hour missing",
            build=lambda tmp: _params(tmp, WEATHER_FILE=_weather(tmp, lambda ls: ls[:-1])),
            expect=refused("8759", "8,760")),
    BadCase(id="outageautonomy-weather-kj-units", alg="sonae:outageautonomy",
            what="weather file with irradiance in kJ/m2 per hour (units row [kJ/m2])",
            build=lambda tmp: _params(tmp, WEATHER_FILE=_weather(
                tmp, lambda ls: [ls[0], ls[1].replace("[W/m2]", "[kJ/m2]")] + ls[2:])),
            expect=refused("kJ", "3.6")),
    BadCase(id="outageautonomy-weather-shift-jis", alg="sonae:outageautonomy",
            what="standard-year weather file saved as Shift_JIS",
            build=lambda tmp: _params(tmp, WEATHER_FILE=_weather(tmp, encoding="cp932")),
            expect=succeeds(_check_sjis)),
    BadCase(id="outageautonomy-park-with-equipment", alg="sonae:outageautonomy",
            what="an open space (immediate-refuge park) in the shelters layer, with PV",
            build=lambda tmp: _params(tmp, [{"pv_kw": 5.0, "battery_kwh": 10.0},
                                            {"facility_type": "park", "designated_shelter": False,
                                             "emergency_site": True, "pv_kw": 5.0}]),
            expect=succeeds(_check_roles)),
    BadCase(id="outageautonomy-no-designation-fields", alg="sonae:outageautonomy",
            what="a plain facilities layer without designated_shelter / emergency_site fields",
            build=_no_designation, expect=succeeds(_check_no_designation)),
    BadCase(id="outageautonomy-unknown-facility-type", alg="sonae:outageautonomy",
            what="facility_type ラーメン店 (not in rules/critical_loads.json)",
            build=lambda tmp: _params(tmp, [{"facility_type": "ラーメン店"}]), expect=succeeds(_check_unknown_type)),
    BadCase(id="sizeforautonomy-target-share-zero", alg="sonae:sizeforautonomy",
            what="TARGET_SHARE = 0 (no outage needs to survive)",
            build=lambda tmp: dict(_params(tmp), TARGET_HOURS=72, TARGET_SHARE=0.0), expect=refused("TARGET_SHARE")),
    BadCase(id="outageautonomy-cancel", alg="sonae:outageautonomy",
            what="the user cancels while the profiles are built",
            build=lambda tmp: _params(tmp, [{"pv_kw": 5.0, "battery_kwh": 10.0}] * 3, WEATHER_YEARS=3),
            expect=cancelled(after=2, within=5.0)),
]
