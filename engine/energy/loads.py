"""Critical (disaster-time) load profiles per facility: hourly kW for a year from rules/critical_loads.json.

load[f, t] = sum over items k of count[f, k] x watts_k x duty_k x shape_k[hour of day of t] / 1000, with
count[f, k] = fixed_k(type f) + evacuees_f x per_evacuee_k(type f). Air conditioning is added only when asked,
in the cooling months of the rules. Vectorised over facilities.

The facility's role (engine/roles.py, rules/facility_roles.json) decides first: roles with ``critical_load``
false (immediate-refuge open spaces, other) carry no load; a role with a ``load_set`` (tsunami evacuation
building) uses that reduced set of rules/critical_loads.json ``role_load_sets`` instead of its type's.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from ..errors import SonaeInputError
from ..columns import numbers
from . import HOURS_PER_YEAR, load_rules
from .pv import pv_rules, year_index


def load_rules_critical() -> dict:
    return load_rules("critical_loads.json")


def check_nonnegative(values, what_en: str, what_ja: str, layer: str, ids=None) -> np.ndarray:
    """Float array; NaN allowed (caller decides); a negative value raises a bilingual error naming the row."""
    arr = numbers(pd.Series(values), what_en, f"'{layer}'")
    neg = np.nan_to_num(arr, nan=0.0) < 0
    if neg.any():
        i = int(np.flatnonzero(neg)[0])
        who = f" (id {ids[i]})" if ids is not None else ""
        raise SonaeInputError(
            f"Layer '{layer}', field {what_en}: {int(neg.sum())} negative value(s), first {arr[i]:g} in row "
            f"{i + 1}{who}. Loads and energy figures cannot be negative: correct the value or leave it empty.",
            f"レイヤ「{layer}」の項目 {what_ja}: 負の値が{int(neg.sum())}件あります（最初は{i + 1}行目{who}の"
            f"{arr[i]:g}）。負荷やエネルギーの値は負にできません。値を直すか空にしてください。")
    return arr


def item_counts(facility_types, evacuees, rules: dict | None = None, roles=None) -> tuple[list[str], np.ndarray]:
    """(item names, [facilities x items] counts) from facility type and evacuees (and role, when given)."""
    r = rules or load_rules_critical()
    items = [k for k in r["items"] if not k.startswith("_")]
    types = r["facility_types"]
    ftypes = ["" if t is None or (isinstance(t, float) and np.isnan(t)) else str(t) for t in facility_types]
    ev = np.asarray(evacuees, dtype=float)
    counts = np.zeros((len(ftypes), len(items)))
    for j, item in enumerate(items):
        fixed = {t: v.get("fixed", {}).get(item, 0.0) for t, v in types.items() if not t.startswith("_")}
        per = {t: v.get("per_evacuee", {}).get(item, 0.0) for t, v in types.items() if not t.startswith("_")}
        f = np.array([fixed.get(t, fixed["default"]) for t in ftypes], dtype=float)
        p = np.array([per.get(t, per["default"]) for t in ftypes], dtype=float)
        counts[:, j] = f + ev * p
    if roles is not None:
        from ..roles import role_property
        roles = np.asarray(roles, dtype=object)
        carries = role_property(roles, "critical_load").astype(bool)
        sets = role_property(roles, "load_set")
        for name in {s for s in sets if s}:
            spec = r["role_load_sets"][name]
            rows = sets == name
            for j, item in enumerate(items):
                counts[rows, j] = spec.get("fixed", {}).get(item, 0.0) + ev[rows] * spec.get("per_evacuee", {}).get(item, 0.0)
        counts[~carries] = 0.0
    return items, counts


def item_daily_profiles(rules: dict | None = None, include_ac: bool = False) -> tuple[list[str], np.ndarray]:
    """(item names, [items x 8760] kW per unit of each item) for the reference year."""
    r = rules or load_rules_critical()
    items = [k for k in r["items"] if not k.startswith("_")]
    idx = year_index(pv_rules())
    hour = idx.hour.to_numpy()
    month = idx.month.to_numpy()
    prof = np.zeros((len(items), HOURS_PER_YEAR))
    for j, item in enumerate(items):
        spec = r["items"][item]
        shape = np.asarray(r["shapes"][spec["shape"]], dtype=float)
        kw = spec["watts"] * spec.get("duty", 1.0) / 1000.0
        prof[j] = kw * shape[hour]
        if item == "air_conditioner":
            prof[j] *= np.isin(month, r["ac_months"]) if include_ac else 0.0
    return items, prof


def critical_load_profiles(facility_types, evacuees, include_ac: bool = False, rules: dict | None = None,
                           layer: str = "facilities", evacuees_field: str = "evacuees", ids=None,
                           roles=None) -> np.ndarray:
    """[facilities x 8760] critical load in kW. Empty evacuees count as 0; negative ones are an error.
    ``roles``: role ids (engine/roles.py) or None = every row carries its type's load."""
    ev = check_nonnegative(evacuees, evacuees_field, evacuees_field, layer, ids)
    ev = np.nan_to_num(ev, nan=0.0)
    items, counts = item_counts(facility_types, ev, rules, roles)
    items2, prof = item_daily_profiles(rules, include_ac)
    assert items == items2
    return counts @ prof


def daily_kwh(facility_type: str, evacuees: float, include_ac: bool = False, rules: dict | None = None,
              role: str | None = None) -> float:
    """Critical energy per day (kWh) of one facility on a day without AC (for reports)."""
    items, counts = item_counts([facility_type], [evacuees], rules, None if role is None else [role])
    _, prof = item_daily_profiles(rules, include_ac)
    return float((counts @ prof[:, :24]).sum())
