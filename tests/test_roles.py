"""Facility roles from the canonical columns: each rule of rules/facility_roles.json on a hand-built case."""
import numpy as np
import pandas as pd

from sonae.engine.roles import facility_roles, is_stay, role_property


def test_roles_by_designation_and_type():
    frame = pd.DataFrame({
        "designated_shelter": [1.0, 1.0, 0.0, 0.0, 0.0, np.nan, 0.0],
        "welfare_shelter": [0.0, 1.0, 0.0, 0.0, 0.0, np.nan, 0.0],
        "emergency_site": [1.0, 0.0, 1.0, 1.0, 0.0, 1.0, 0.0],
        "facility_type": ["school", "welfare", "park", "tsunami_evacuation_building", "government", "other", "other"],
    })
    roles = list(facility_roles(frame))
    assert roles == ["stay_shelter", "welfare_shelter", "immediate_refuge", "tsunami_building", "disaster_base",
                     "immediate_refuge", "other"]
    assert list(is_stay(roles)) == [True, True, False, False, False, False, False]
    assert list(role_property(roles, "autonomy_target_h")) == [72, 72, 0, 12, 72, 0, 0]


def test_missing_designation_columns_never_make_a_stay_shelter():
    frame = pd.DataFrame({"facility_type": ["school", "park"]})
    assert list(facility_roles(frame)) == ["other", "other"]
