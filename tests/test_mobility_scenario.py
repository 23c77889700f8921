"""The Takamatsu EV scenario: seeded (same seed, same scenario), labelled, sites at the real branch offices, and
every vehicle based at a charger; run through sonae:evdeliveryplan, the plan respects each vehicle's budget."""
from __future__ import annotations

import os

import numpy as np
import pandas as pd
import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))
BRANCH = os.path.join(ROOT, "demo", "data", "takamatsu", "branch_office.csv")


def test_scenario_is_seeded_labelled_and_consistent():
    from sonae.scripts.scenario_mobility import make_chargers, make_fleet
    a, b = make_chargers(BRANCH, 7), make_chargers(BRANCH, 7)
    pd.testing.assert_frame_equal(pd.DataFrame(a.drop(columns="geometry")), pd.DataFrame(b.drop(columns="geometry")))
    offices = pd.read_csv(BRANCH)
    assert len(a) == len(offices) == 19
    np.testing.assert_allclose(a.geometry.x, offices["longitude"])
    np.testing.assert_allclose(a.geometry.y, offices["latitude"])
    assert a["scenario"].str.contains("not real inventory").all()
    fleet = make_fleet(a, 7)
    assert fleet["home_site"].isin(a["id"]).all()
    assert set(fleet.loc[fleet["owner"] == "city", "battery_kwh"]) == {40.0}
    assert set(fleet.loc[fleet["owner"] == "dealer", "battery_kwh"]) == {62.0}
    quick = set(a.loc[a["charger_kw"] >= 50, "id"])
    if quick:
        assert set(fleet.loc[fleet["owner"] == "dealer", "home_site"]) <= quick
    assert fleet["scenario"].str.contains("シナリオ").all()
    assert make_chargers(BRANCH, 8)[["charger_kw", "pv_carport_kw", "soc"]].to_numpy().tolist() != \
        a[["charger_kw", "pv_carport_kw", "soc"]].to_numpy().tolist()


def test_plan_on_the_scenario_respects_budgets(run_alg, tmp_path):
    """Scenario chargers and fleet, 20 Takamatsu shelters with a need of 20 kWh each, 8 h: per vehicle, the
    time recomputed here from the table (trips x round trip + hand-over) stays within 8 h, and each shelter
    receives at most its need."""
    import geopandas as gpd
    from sonae.scripts.scenario_mobility import make_chargers, make_fleet, write
    from sonae.engine.travel import load_rules
    from .conftest import shared_data
    rules = load_rules()
    gpkg = str(tmp_path / "scn.gpkg")
    chargers = make_chargers(BRANCH)
    fleet = make_fleet(chargers)
    write(gpkg, chargers, fleet)
    shelters = gpd.read_file(shared_data("takamatsu", "shelters", "evacuation_space.geojson")).head(20)
    shelters = gpd.GeoDataFrame({"id": [f"s{i}" for i in range(len(shelters))], "shortfall_kwh_72h": 20.0},
                                geometry=shelters.geometry.values, crs=shelters.crs)
    shelters.to_file(gpkg, layer="shelters_energy", driver="GPKG")
    out = {k: str(tmp_path / f"{k}.gpkg") for k in ("l", "t", "a")}
    res = run_alg("sonae:evdeliveryplan", {
        "CHARGERS": f"{gpkg}|layername=chargers", "EV_FLEET": f"{gpkg}|layername=ev_fleet",
        "SHELTERS": f"{gpkg}|layername=shelters_energy", "TIME_BUDGET_H": 8.0,
        "OUTPUT_LINES": out["l"], "OUTPUT_TABLE": out["t"], "OUTPUT_SHELTERS": out["a"]})
    t = gpd.read_file(out["t"])
    v2l = fleet.set_index("vehicle_id")["v2l_kw"]
    t["time"] = (t["trips"] * (2 * t["one_way_min"] / 60 + rules["handling_h_per_trip"])
                 + t["kwh_delivered"] / t["vehicle_id"].map(v2l))
    assert (t.groupby("vehicle_id")["time"].sum() <= 8.0 + 1e-6).all()
    assert (t.groupby("shelter_id")["kwh_delivered"].sum() <= 20.0 + 1e-6).all()
    assert res["DELIVERED_KWH"] == pytest.approx(t["kwh_delivered"].sum(), rel=1e-9)
    assert res["OPTIMAL"] == 1 and res["DELIVERED_KWH"] > 0
    # no vehicle hands over more than its usable battery per trip (40 or 62 kWh x 0.8 x 0.9)
    cap = t["vehicle_id"].map(fleet.set_index("vehicle_id")["battery_kwh"]) * 0.8 * rules["discharge_efficiency"]
    assert (t["kwh_delivered"] <= t["trips"] * cap + 1e-6).all()
