"""Facility roles in a disaster, as data (rules/facility_roles.json): one place for every module.

A role decides whether a facility receives stay evacuees (catchments), carries a critical load and an autonomy
target (energy), counts in "below 72 h" figures, receives EV deliveries and can be subsidy-eligible. Rules are
tried in the file's ``order``; the first whose ``match`` holds wins. A match is a mapping of column -> True
(boolean column true) or column -> [values] (column equals one of them). Missing columns never match, so a
facility without designation data is never a stay shelter by accident. QGIS-free, vectorised.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .columns import as_bool
from .rules import load_rules

ROLE_FIELD = "role"


def role_rules(name: str = "facility_roles.json") -> dict:
    return load_rules(name)


def _matches(frame: pd.DataFrame, match: dict) -> np.ndarray:
    ok = np.ones(len(frame), dtype=bool)
    for column, wanted in match.items():
        if column not in frame.columns:
            return np.zeros(len(frame), dtype=bool)
        if wanted is True:
            ok &= as_bool(frame[column], unknown=False)
        else:
            ok &= frame[column].astype(object).isin(list(wanted)).to_numpy()
    return ok


def facility_roles(frame: pd.DataFrame, rules: dict | None = None) -> np.ndarray:
    """The role id of every row (object array), from the canonical facility columns."""
    rules = rules or role_rules()
    out = np.full(len(frame), None, dtype=object)
    todo = np.ones(len(frame), dtype=bool)
    for role in rules["order"]:
        hit = todo & _matches(frame, rules["roles"][role]["match"])
        out[hit] = role
        todo &= ~hit
    return out


def role_property(roles, key: str, rules: dict | None = None) -> np.ndarray:
    """A per-row array of one role property (e.g. ``stay``, ``autonomy_target_h``)."""
    rules = rules or role_rules()
    table = {r: spec.get(key) for r, spec in rules["roles"].items()}
    return np.array([table.get(r) for r in np.asarray(roles, dtype=object)], dtype=object)


def is_stay(roles, rules: dict | None = None) -> np.ndarray:
    return role_property(roles, "stay", rules).astype(bool)


def role_labels(roles, lang: str = "ja", rules: dict | None = None) -> np.ndarray:
    return role_property(roles, f"label_{lang}", rules)
