"""engine.eligibility on hand-built rows: every code, the upper-floor rule computed by hand (3 m per storey from
rules/vertical_evacuation.json, class upper bounds from rules/depth_classes.json). Pure engine (no QGIS)."""
from __future__ import annotations

import json
import math
import os

import numpy as np
import pandas as pd
import pytest

from sonae.engine.eligibility import shelter_eligibility, usable_floors

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _rules(name):
    with open(os.path.join(ROOT, "rules", name), encoding="utf-8") as fh:
        return json.load(fh)


def test_usable_floors_by_hand():
    h = _rules("vertical_evacuation.json")["storey_height_m"]
    assert h == 3.0
    # storey k usable when (k - 1) * 3 >= depth
    for floors, depth in [(2, 3.0), (3, 3.0), (3, 5.0), (5, 10.0), (1, 0.5), (4, 0.0), (3, math.inf)]:
        by_hand = sum(1 for k in range(1, floors + 1) if (k - 1) * h >= depth)
        assert usable_floors(np.array([floors]), np.array([depth]), h)[0] == by_hand, (floors, depth)


def test_every_code_by_hand():
    upper = {c["rank"]: c["max_m"] for c in _rules("depth_classes.json")["classes"]}
    rows = pd.DataFrame([
        # designated, welfare, emergency, type, ok_flood, conflict, rank, cond, floors, cap, area
        (1, 0, 1, "school", 1, False, 1, None, None, 100, None),          # eligible, full
        (1, 0, 1, "school", 1, False, 3, "flood", 4, 120, None),          # rank 3 -> 5 m -> 4 - 2 = 2 of 4
        (1, 0, 1, "school", 1, False, 3, "flood", 2, 120, None),          # 2 - 2 = 0 -> upper_floors_none
        (1, 0, 1, "school", 1, False, 6, "flood", 30, 120, None),         # top class unbounded -> none
        (1, 0, 1, "school", 1, False, 2, "flood", None, 120, None),       # floors unknown
        (1, 0, 1, "school", 1, True, 3, None, 1, 120, None),              # conflict
        (1, 0, 1, "school", None, None, 1, None, None, 120, None),        # designation unknown
        (0, 1, 0, "welfare", 1, None, None, None, None, None, 700),       # welfare, outside map, 700/3.5 = 200
        (0, 0, 1, "park", 1, False, 1, None, None, 5000, None),           # immediate refuge
        (None, 0, 1, "tsunami_evacuation_building", 1, False, 1, None, 5, 300, None),
    ], columns=["designated_shelter", "welfare_shelter", "emergency_site", "facility_type", "ok_flood",
                "flood_conflict", "flood_rank", "conditional_hazards", "floors", "capacity_persons", "floor_area_m2"])
    t = shelter_eligibility(rows, "flood", 3.5)
    assert list(t["eligibility"]) == ["eligible", "upper_floors_only", "upper_floors_none", "upper_floors_none",
                                      "upper_floors_unknown", "conflict", "designation_unknown",
                                      "eligible_no_hazard_data", "not_stay_role", "not_stay_role"]
    lost3 = math.ceil(upper[3] / 3.0)
    assert t["capacity_calc"].tolist() == [100, math.floor(120 * (4 - lost3) / 4), 0, 0, 0, 0, 0, 200, 0, 0]
    assert list(t["eligible"]) == [True, True, False, False, False, False, False, True, False, False]
    assert t["refuge_capacity"].tolist()[8:] == [5000, 300] and np.isnan(t["refuge_capacity"][:8]).all()
    # hazard none: every stay shelter at full capacity, designations ignored
    t0 = shelter_eligibility(rows, "none", 3.5)
    assert t0["capacity_calc"].tolist() == [100, 120, 120, 120, 120, 120, 120, 200, 0, 0]


def test_landslide_note_without_depth_gives_no_places():
    rows = pd.DataFrame({"designated_shelter": [1.0], "ok_landslide": [1.0], "landslide_conflict": [False],
                         "landslide_rank": [2.0], "conditional_hazards": ["landslide"], "floors": [3.0],
                         "capacity_persons": [90.0]})
    t = shelter_eligibility(rows, "landslide", 3.5)
    assert t.loc[0, "eligibility"] == "conditional_no_depth" and t.loc[0, "capacity_calc"] == 0


def test_missing_designation_column_is_refused():
    from sonae.engine.errors import SonaeInputError
    with pytest.raises(SonaeInputError, match="ok_tsunami"):
        shelter_eligibility(pd.DataFrame({"designated_shelter": [1.0], "capacity_persons": [10]}), "tsunami", 3.5)
