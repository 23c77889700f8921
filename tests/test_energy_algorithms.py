"""sonae:outageautonomy and sonae:sizeforautonomy through the real Processing framework: the ENERGY_ASSETS join,
the output contract (DEVELOPERS.md shelters_energy / battery_sizing), bad input, inputs left untouched, sizing
against brute force."""
from __future__ import annotations

import hashlib

import numpy as np
import pytest
from qgis.core import QgsProcessingException

from sonae.engine.energy import energy_defaults

from .test_energy_reference import reopt_outage_hours
from .test_energy_seed_cases import day_profile

CONTRACT = ["battery_kwh", "battery_soc", "critical_load_kw", "hours_now", "min_hours", "median_hours",
            "share_24h", "share_72h", "share_168h", "shortfall_kwh_72h"]


def facilities_gpkg(tmp_path, ids=("a", "b", "c"), evacuees=(0.0, 100.0, 40.0), extra=None):
    import geopandas as gpd
    from shapely.geometry import Point
    data = {"id": list(ids), "name": [f"site {i}" for i in ids], "facility_type": ["community_center"] * len(ids),
            "evacuees": list(evacuees)}
    data.update(extra or {})
    gdf = gpd.GeoDataFrame(data, geometry=[Point(134.05 + 0.01 * k, 34.34) for k in range(len(ids))],
                           crs="EPSG:6668")
    path = str(tmp_path / "fac.gpkg")
    gdf.to_file(path, layer="shelters", driver="GPKG")
    return path


def assets_gpkg(tmp_path, rows):
    import pandas as pd
    import pyogrio
    path = str(tmp_path / "assets.gpkg")
    pyogrio.write_dataframe(pd.DataFrame(rows), path, layer="energy_assets", driver="GPKG")
    return f"{path}|layername=energy_assets"


def digest(path):
    with open(path, "rb") as fh:
        return hashlib.sha256(fh.read()).hexdigest()


def autonomy(run_alg, fac, out, assets=None, **kw):
    params = {"FACILITIES": f"{fac}|layername=shelters", "ID_FIELD": "id", "EVACUEES_FIELD": "evacuees",
              "TYPE_FIELD": "facility_type", "START_SOC": 1.0, "OUTAGE_HOURS": 72,
              "WEATHER_REGION": 0, "WEATHER_YEARS": 1,
              "START_TIME": "2026-03-01T00:00:00", "OUTPUT": out}
    if assets:
        params.update({"ENERGY_ASSETS": assets, "ASSET_ID_FIELD": "facility_id"})
    params.update(kw)
    return run_alg("sonae:outageautonomy", params)


def test_assets_join_contract_and_hand_values(run_alg, tmp_path):
    import pyogrio
    fac = facilities_gpkg(tmp_path)
    assets = assets_gpkg(tmp_path, {"facility_id": ["b", "c", "zz"], "battery_kwh": [11.2, 20.0, 5.0],
                                    "battery_kw": [5.6, None, 1.0], "battery_soc": [0.5, None, 0.2]})
    before = digest(fac)
    out = str(tmp_path / "out.gpkg")
    zeros = tmp_path / "dark.csv"               # a user PV profile of zeros: battery only
    zeros.write_text("kw_per_kwp\n" + "\n".join("0" for _ in range(8760)))
    res = autonomy(run_alg, fac, out, assets, PV_PROFILE=str(zeros))
    df = pyogrio.read_dataframe(out, read_geometry=False).set_index("id")
    assert digest(fac) == before                             # input untouched
    assert set(CONTRACT) <= set(df.columns)
    assert df.loc["a", "battery_kwh"] == 0 and df.loc["a", "hours_now"] == 0 and df.loc["a", "min_hours"] == 0
    assert df.loc["c", "battery_kw"] == pytest.approx(20.0 * energy_defaults()["battery_kw_per_kwh"])
    # b: 100 evacuees (9.432 kWh/day by hand), monitored SoC 0.5 -> 5.6 kWh from 1 March 00:00 (hour 1416)
    day_b = day_profile(8, 1, 1, 100, 1)
    assert df.loc["b", "critical_load_kw"] == pytest.approx(day_b.sum() / 24)
    net = np.tile(day_b, 365).tolist()
    assert df.loc["b", "hours_now"] == reopt_outage_hours(net, 1416, 168, 11.2, 5.6, 5.6)
    # every-start statistics start from START_SOC = 1.0 (11.2 kWh)
    all_h = np.array([reopt_outage_hours(net, s, 168, 11.2, 5.6, 11.2) for s in range(8760)])
    assert df.loc["b", "min_hours"] == all_h.min() and df.loc["b", "median_hours"] == np.median(all_h)
    assert df.loc["b", "share_24h"] == pytest.approx((all_h >= 24).mean())
    # shortfall: 72 h of load from hour 1416 minus the 5.6 kWh the battery gives (no PV)
    assert df.loc["b", "shortfall_kwh_72h"] == pytest.approx(sum(net[1416:1416 + 72]) - 5.6, abs=1e-6)
    assert res["BELOW_TARGET"] == 3
    assert any("zz" in m and "match no facility" in m for m in res["_feedback"].errors)


@pytest.mark.parametrize("rows,en,ja", [
    ({"facility_id": ["a"], "battery_kw": [5.0]}, "battery power battery_kw = 5 kW but no capacity", "容量"),
    ({"facility_id": ["a"], "battery_kwh": [10.0], "battery_soc": [1.5]}, "outside 0-1", "0〜1"),
    ({"facility_id": ["a"], "battery_kwh": [10.0], "battery_soc": [85.0]}, "percentage", "百分率"),
    ({"facility_id": ["a", "a"], "battery_kwh": [10.0, 5.0]}, "more than once", "複数行"),
    ({"facility_id": ["a"], "pv_kw": [-3.0]}, "negative", "負の値"),
])
def test_bad_assets_give_bilingual_errors(run_alg, tmp_path, rows, en, ja):
    fac = facilities_gpkg(tmp_path)
    out = str(tmp_path / "out.gpkg")
    with pytest.raises(QgsProcessingException) as err:
        autonomy(run_alg, fac, out, assets_gpkg(tmp_path, rows))
    msg = str(err.value)
    assert en in msg and ja in msg
    assert not (tmp_path / "out.gpkg").exists()


def test_negative_evacuees_and_bad_start_soc(run_alg, tmp_path):
    fac = facilities_gpkg(tmp_path, evacuees=(0.0, -20.0, 1.0))
    with pytest.raises(QgsProcessingException) as err:
        autonomy(run_alg, fac, str(tmp_path / "o.gpkg"))
    assert "evacuees" in str(err.value) and "id b" in str(err.value) and "負" in str(err.value)


def test_size_for_autonomy_against_brute_force(run_alg, tmp_path):
    import pyogrio
    fac = facilities_gpkg(tmp_path, ids=("p", "q"), evacuees=(0.0, 100.0),
                          extra={"normal_kwh_year": [None, 20_000.0], "pv_kw": [0.0, 2.0]})
    out = str(tmp_path / "size.gpkg")
    zeros = tmp_path / "dark.csv"
    zeros.write_text("kw_per_kwp\n" + "\n".join("0" for _ in range(8760)))
    res = run_alg("sonae:sizeforautonomy", {
        "FACILITIES": f"{fac}|layername=shelters", "ID_FIELD": "id", "EVACUEES_FIELD": "evacuees",
        "TYPE_FIELD": "facility_type", "START_SOC": 1.0, "WEATHER_REGION": 0, "WEATHER_YEARS": 1,
        "PV_PROFILE": str(zeros),
        "TARGET_HOURS": 24, "TARGET_SHARE": 1.0, "PV_MODE": 1, "OUTPUT": out})
    df = pyogrio.read_dataframe(out, read_geometry=False).set_index("facility_id")
    # PV cap for q: 20,000 kWh x 0.6 daytime share / 1,000 kWh/kWp (planning) = 12 kW; p has no normal use -> kept
    assert df.loc["q", "pv_cap_kw"] == pytest.approx(12.0) and df.loc["q", "pv_kw"] == pytest.approx(12.0)
    assert df.loc["q", "cap_note"] == "pv_raised_to_cap" and df.loc["p", "cap_note"] == "no_normal_use"
    c = energy_defaults()["battery_kw_per_kwh"]
    for fid, day in (("p", day_profile(4, 1, 1, 0, 1)), ("q", day_profile(8, 1, 1, 100, 1))):
        net = np.tile(day, 365).tolist()          # dark PV profile: battery only
        kwh = df.loc[fid, "battery_kwh"]
        kw = max(kwh * c, day.max())
        assert df.loc[fid, "battery_kw"] == pytest.approx(kw)

        def ok(cap):
            return min(reopt_outage_hours(net, s, 24, cap, max(cap * c, day.max()), cap) for s in range(24)) >= 24

        assert ok(kwh) and not ok(round(kwh - 0.1, 6))     # smallest on the 0.1 kWh grid
        assert df.loc[fid, "reason"] == "battery_sized" and df.loc[fid, "achieved_share"] == 1.0
    # p: 24 h of a day's load (4 fixtures x 40 W x 11.6 h + 30 W x 24 + 100 W x 17 + 75 W x 24 = 6.076 kWh) from
    # a full battery: any 24 consecutive hours hold one day's energy, so 6.076 rounded up to the 0.1 grid
    assert day_profile(4, 1, 1, 0, 1).sum() == pytest.approx(6.076)
    assert df.loc["p", "battery_kwh"] == pytest.approx(6.1)
    assert res["TOTAL_BATTERY_KWH"] == pytest.approx(df["battery_kwh"].sum())


def test_qgis_process_gives_the_same_autonomy(run_alg, tmp_path):
    """pvlib's clear-sky model with the bundled Linke turbidity file (Debian's h5py) also works in qgis_process."""
    import json

    import pyogrio

    from .qgis_env import qgis_process
    fac = facilities_gpkg(tmp_path, extra={"pv_kw": [5.0, 10.0, 0.0], "battery_kwh": [0.0, 11.2, 5.0]})
    a, b = str(tmp_path / "a.gpkg"), str(tmp_path / "b.gpkg")
    autonomy(run_alg, fac, a)
    params = {"FACILITIES": f"{fac}|layername=shelters", "ID_FIELD": "id", "EVACUEES_FIELD": "evacuees",
              "TYPE_FIELD": "facility_type", "START_SOC": 1.0, "OUTAGE_HOURS": 72,
              "WEATHER_REGION": 0, "WEATHER_YEARS": 1,
              "START_TIME": "2026-03-01T00:00:00", "OUTPUT": b}
    proc = qgis_process(["run", "sonae:outageautonomy", "--json", "-"], str(tmp_path / "home"),
                        stdin=json.dumps({"inputs": params}))
    assert proc.returncode == 0, proc.stderr[-2000:]
    da = pyogrio.read_dataframe(a, read_geometry=False)
    db = pyogrio.read_dataframe(b, read_geometry=False)
    cols = ["hours_now", "min_hours", "median_hours", "share_24h", "share_72h", "share_168h", "shortfall_kwh_72h"]
    assert np.allclose(da[cols].to_numpy(float), db[cols].to_numpy(float))
    assert da["min_hours"].iloc[0] == 0 and da["share_24h"].iloc[1] > 0      # PV only: dark hours fail at once


def test_cancel_stops_the_simulation_and_leaves_no_output(qgis_app, tmp_path):
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    from sonae.engine.energy import outage
    from sonae.engine.errors import Cancelled
    from sonae.engine.progress import Progress
    calls = []
    progress = Progress(None, lambda: calls.append(1) or len(calls) > 2)
    a = outage.Assets(*(np.array([v]) for v in (0.0, 10.0, 5.0, 0.0, 0.0)))
    with pytest.raises(Cancelled):
        outage.simulate(np.ones((1, 8760)), np.zeros((1, 8760)), a, 1.0, 168, progress=progress)
    fac = facilities_gpkg(tmp_path)
    feedback = QgsProcessingFeedback()
    feedback.cancel()
    out = tmp_path / "cancelled.gpkg"
    processing.run("sonae:outageautonomy", {"FACILITIES": f"{fac}|layername=shelters", "EVACUEES_FIELD": "evacuees",
                                            "OUTPUT": str(out)}, feedback=feedback, context=QgsProcessingContext())
    assert not out.exists()
