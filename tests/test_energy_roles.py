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
