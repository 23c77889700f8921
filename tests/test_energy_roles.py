"""Facility roles in the energy model, EV deliveries and counts (rules/facility_roles.json, critical_loads.json)."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from sonae.engine.energy import energy_defaults
from sonae.engine.energy.loads import critical_load_profiles
from sonae.engine.energy.targets import role_targets, roles_for_energy
from sonae.engine.ev_logistics import shelter_needs, shelters_after
from sonae.engine.rules import load_rules

FRAME = pd.DataFrame({
    "id": ["school", "welfare", "park", "tsunami", "cityhall", "other"],
    "designated_shelter": [1.0, 1.0, 0.0, 0.0, 0.0, 0.0],
    "welfare_shelter": [0.0, 1.0, 0.0, 0.0, 0.0, 0.0],
    "emergency_site": [1.0, 0.0, 1.0, 1.0, 0.0, 0.0],
    "facility_type": ["school", "welfare", "park", "tsunami_evacuation_building", "government", "other"],
    "evacuees": [100.0, 50.0, 400.0, 200.0, 0.0, 30.0],
    "short": [10.0, 5.0, 20.0, 16.5, 3.0, 1.0],
})


def test_roles_decide_load_and_target():
    roles = roles_for_energy(FRAME)
    assert list(roles) == ["stay_shelter", "welfare_shelter", "immediate_refuge", "tsunami_building",
                           "disaster_base", "other"]
    load = critical_load_profiles(FRAME["facility_type"], FRAME["evacuees"], roles=roles)
    day = load[:, :24].sum(axis=1)
    assert day[2] == 0.0 and day[5] == 0.0                       # open space and other: no load at all
    # tsunami building: rules/critical_loads.json role_load_sets (6 + 0.02 x 200 = 10 fixtures, 1 radio), by hand:
    shape = np.array(load_rules("critical_loads.json")["shapes"]["lighting"])
    assert day[3] == pytest.approx((10 * 40 * shape.sum() + 30 * 24) / 1000)
    # a stay shelter keeps its type's load (the school: 6 + 0.04 x 100 = 10 fixtures, radio, TV, fridge, phones)
    assert day[0] > day[3] > 0
    target, counted = role_targets(roles, 72, energy_defaults()["days_role_min_target_h"])
    assert target.tolist() == [72, 72, 0, 12, 72, 0]
    assert counted.tolist() == [True, True, False, False, True, False]
    target, counted = role_targets(roles, 168, energy_defaults()["days_role_min_target_h"])
    assert target.tolist() == [168, 168, 0, 12, 168, 0]


def test_layer_without_designation_is_all_stay_shelters_with_a_warning():
    seen = []
    from sonae.engine.progress import Progress
    roles = roles_for_energy(FRAME[["id", "facility_type", "evacuees"]], "plain", Progress(warn=seen.append))
    assert set(roles) == {"stay_shelter"} and "plain" in seen[0]


def test_ev_deliveries_only_to_roles_with_ev_delivery():
    needs = shelter_needs(FRAME, "id", "short")
    # rules/facility_roles.json ev_delivery: stay, welfare, disaster base; never park, tsunami building, other
    assert needs["need_kwh"].tolist() == [10.0, 5.0, 0.0, 0.0, 3.0, 0.0]
    out, counts = shelters_after(FRAME, np.array([10.0, 0.0, 0.0, 0.0, 0.0, 0.0]), "short")
    assert counts["below_before"] == 3 and counts["below_after"] == 2    # school, welfare, city hall only
    assert out["counts_in_target"].tolist() == [True, True, False, False, True, False]


def test_sizing_follows_each_role_target():
    """Battery only, a constant 1 kW load, SoC 1: the smallest battery is the target in kWh (24 h, 12 h for a
    tsunami building); a role without a target (0 h) gets none, with reason no_target."""
    from sonae.engine.energy.sizing import size_batteries
    load = np.ones((3, 8760))
    res = size_batteries(load, np.zeros((1, 8760)), np.zeros(3), np.zeros(3), np.zeros(3), np.array([24.0, 12.0, 0.0]),
                         1.0, 1.0)
    assert res["battery_kwh"][:2] == pytest.approx([24.0, 12.0])
    assert list(res["reason"]) == ["battery_sized", "battery_sized", "no_target"] and res["battery_kwh"][2] == 0.0


def test_weather_years_stacked_equal_one_year_at_a_time():
    """engine/energy/years.simulate_years (years stacked as rows through lazy row views) = simulate per year."""
    from sonae.engine.energy.outage import Assets, simulate
    from sonae.engine.energy.pv import weather_profiles
    from sonae.engine.energy.years import simulate_years
    rng = np.random.default_rng(5)
    prof = weather_profiles([34.34, 33.4, 43.06], [134.05, 132.9, 141.35], "auto", years=3)
    load = rng.uniform(0.2, 1.5, (3, 8760))
    a = Assets(np.array([5.0, 10.0, 3.0]), np.array([10.0, 5.0, 20.0]), np.array([5.0, 2.5, 10.0]), np.zeros(3),
               np.zeros(3))
    starts = np.arange(0, 8760, 37)
    got = simulate_years(load, prof, a, 0.5, 72, starts=starts, block_facilities=2)
    for y in range(3):
        want = simulate(load, prof.cells[y][prof.index], a, 0.5, 72, starts=starts)
        assert np.array_equal(got[:, y * len(starts):(y + 1) * len(starts)], want)
