"""Facility roles for the energy model: who carries a critical load and which autonomy target applies.

Roles come from engine/roles.py (rules/facility_roles.json). Per role:
* ``critical_load`` false (immediate-refuge open spaces, other): no load, no target, never "below target";
* ``autonomy_target_h`` of 72 ("days" roles: stay and welfare shelters, disaster bases): the target is the
  algorithm's OUTAGE_HOURS / TARGET_HOURS (default 72, FDMA), and only these rows count in "below 72 h";
* a shorter ``autonomy_target_h`` ("hours" roles: tsunami evacuation buildings, 12 h): that target, reported per
  row (``below_target``) but never in the 72 h count.

A layer with none of the designation columns (designated_shelter, welfare_shelter, emergency_site) and no
``role`` column cannot say who is a shelter: every row is then treated as a stay shelter, with a warning.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from ..progress import Progress, ensure
from ..roles import ROLE_FIELD, facility_roles, role_property, role_rules

DESIGNATION_COLUMNS = ("designated_shelter", "welfare_shelter", "emergency_site")


def roles_for_energy(frame: pd.DataFrame, layer: str = "facilities", progress: Progress | None = None) -> np.ndarray:
    progress = ensure(progress)
    rules = role_rules()
    known = set(rules["roles"])
    if ROLE_FIELD in frame.columns:
        given = frame[ROLE_FIELD].astype(object).to_numpy()
        if all(v in known for v in given):
            return given
    if not any(c in frame.columns for c in DESIGNATION_COLUMNS):
        progress.warn(
            f"Layer '{layer}' has no designation fields ({', '.join(DESIGNATION_COLUMNS)}) and no role field: every "
            "row is treated as a stay shelter with a 72 h target (rules/facility_roles.json). / "
            f"レイヤ「{layer}」に指定区分の項目（{', '.join(DESIGNATION_COLUMNS)}）も role 項目もないため、全件を"
            "指定避難所（目標72時間）として扱います。")
        return np.full(len(frame), "stay_shelter", dtype=object)
    return facility_roles(frame, rules)


def role_targets(roles, outage_hours: int, days_target_h: float = 72.0) -> tuple[np.ndarray, np.ndarray]:
    """(target hours per row (0 = none), True where the row counts among the OUTAGE_HOURS figures)."""
    t = np.array([float(x or 0) for x in role_property(roles, "autonomy_target_h")])
    carries = role_property(roles, "critical_load").astype(bool)
    days = carries & (t >= days_target_h)
    target = np.where(days, float(outage_hours), np.where(carries, t, 0.0))
    return target, days
