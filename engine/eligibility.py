"""Which facilities may receive stay evacuees for a hazard, and how many (QGIS-free, vectorised).

Rules (issue 12; figures in rules/evacuation.json, rules/vertical_evacuation.json, rules/facility_roles.json):

1. Role first (engine.roles): only roles with ``stay: true`` (designated and welfare shelters) receive stay
   evacuees. Immediate-refuge sites (open spaces, tsunami evacuation buildings) and disaster bases never do; the
   capacity of immediate-refuge roles is reported separately as ``refuge_capacity``.
2. Hazard ``none``: every stay shelter, full capacity.
3. Hazard ``h``: the shelter must be designated for it (``ok_<h>`` true). ``ok_<h>`` unknown (NULL) is reported
   (``designation_unknown``) and never treated as safe. A designation-vs-map conflict (``<h>_conflict`` true from
   sonae:hazardexposure) excludes it.
4. A designated shelter whose site lies at depth rank >= conflict_min_rank (the hazard map floods it, and it is
   kept only by a vertical-evacuation note (△) or by its floors) offers only its floors entirely above the
   water: a storey k (1 = ground) is usable when its floor level ``(k - 1) x storey_height_m`` is at or above the
   depth, so ``usable_floors = max(0, floors - ceil(depth / storey_height_m))``; the depth is the upper bound of
   the site's depth class (the sampled class; the top class is unbounded, so nothing is usable there). Capacity
   pro rata of floor area, floors assumed of equal area: ``floor(capacity x usable_floors / floors)``. Floors
   unknown -> no capacity (``upper_floors_unknown``), reported. Landslide has no depth: a △ site at rank >= 2
   offers no capacity (``conditional_no_depth``).
5. Site outside the mapped hazard area / raster NoData (``<h>_conflict`` NULL on a designated shelter): eligible
   on the city's designation, counted and reported (``eligible_no_hazard_data``).

Capacity in persons: ``capacity_persons`` when a positive number, else ``floor(floor_area_m2 / m2_per_person)``,
else unknown: counted as 0 and flagged (``capacity_source = unknown``).
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .columns import as_bool, numbers
from .errors import SonaeInputError
from .roles import facility_roles, is_stay, role_rules
from .rules import load_rules

HAZARD_IDS = ("none", "flood", "tsunami", "storm_surge", "inland_flood", "landslide")
REFUGE_ROLES = ("immediate_refuge", "tsunami_building")

# eligibility codes (English ids; labels in the help and the note)
ELIGIBLE_CODES = ("eligible", "eligible_no_hazard_data", "upper_floors_only")


def _number(values, field: str = "value", layer: str = "FACILITIES") -> np.ndarray:
    """Numbers from a column that may hold text such as '1,200' or '104人' (engine.parsing, NaN where empty);
    unreadable text ('多数') is refused naming the layer, field and feature, never read as unknown."""
    return numbers(pd.Series(values, dtype=object), field, layer)


def capacity_persons(capacity, floor_area_m2, m2_per_person: float):
    """``(capacity, source)``: the capacity field when a positive number, else floor(floor area / m2 per person).

    ``source`` is 'capacity_persons', 'floor_area' or 'unknown' (capacity NaN).
    """
    if not m2_per_person or m2_per_person <= 0:
        raise SonaeInputError(f"M2_PER_PERSON must be positive (got {m2_per_person}).",
                              f"M2_PER_PERSON は正の値にしてください（{m2_per_person}）。")
    cap = _number(capacity, "capacity_persons")
    area = _number(floor_area_m2, "floor_area_m2")
    cap = np.where(cap > 0, np.floor(cap + 1e-9), np.nan)
    with np.errstate(invalid="ignore"):
        from_area = np.where(area > 0, np.floor(area / m2_per_person + 1e-9), np.nan)
    out = np.where(np.isfinite(cap), cap, from_area)
    source = np.where(np.isfinite(cap), "capacity_persons", np.where(np.isfinite(from_area), "floor_area", "unknown"))
    return out, source.astype(object)


def _column(frame: pd.DataFrame, name: str, default=np.nan) -> pd.Series:
    return frame[name] if name in frame.columns else pd.Series([default] * len(frame), index=frame.index,
                                                                 dtype=object)


def usable_floors(floors, depth_m, storey_height_m: float) -> np.ndarray:
    """Storeys whose floor level is at or above the depth: max(0, floors - ceil(depth / storey height))."""
    fl = np.asarray(floors, dtype=float)
    d = np.asarray(depth_m, dtype=float)
    with np.errstate(invalid="ignore"):
        lost = np.where(np.isinf(d), np.inf, np.ceil(np.maximum(d, 0.0) / storey_height_m - 1e-9))
        return np.where(np.isfinite(fl), np.maximum(0.0, fl - lost), np.nan)


def shelter_eligibility(facilities: pd.DataFrame, hazard: str, m2_per_person: float,
                        layer_name: str = "FACILITIES") -> pd.DataFrame:
    """Per facility: role, stay, eligible, eligibility, capacity_full, capacity_source, usable_floors,
    capacity_calc (persons who may stay for this hazard; 0 when not eligible), refuge_capacity.

    Raises SonaeInputError when the layer lacks the columns the hazard needs (``ok_<h>``, ``<h>_conflict``,
    ``<h>_rank``): missing designation data is never read as safe.
    """
    from .hazard import class_upper_m, depth_classes
    if hazard not in HAZARD_IDS:
        raise SonaeInputError(f"HAZARD_TYPE must be one of {', '.join(HAZARD_IDS)} (got '{hazard}').",
                              f"HAZARD_TYPE は {', '.join(HAZARD_IDS)} のいずれかです（'{hazard}'）。")
    n = len(facilities)
    roles = facility_roles(facilities)
    stay = is_stay(roles)
    rr = role_rules()
    full, source = capacity_persons(_column(facilities, "capacity_persons"), _column(facilities, "floor_area_m2"),
                                    m2_per_person)
    code = np.where(stay, "eligible", "not_stay_role").astype(object)
    floors_usable = np.full(n, np.nan)
    cap = np.where(np.isfinite(full), full, 0.0)
    if hazard != "none":
        ok_col, conf_col, rank_col = f"ok_{hazard}", f"{hazard}_conflict", f"{hazard}_rank"
        missing = [c for c in (ok_col, conf_col, rank_col) if c not in facilities.columns]
        if ok_col in missing:
            raise SonaeInputError(
                f"Layer {layer_name} has no field '{ok_col}': without the designation for {hazard} no shelter can "
                f"be treated as safe. Import the shelters with sonae:importshelters (it writes ok_<hazard>), or "
                f"set HAZARD_TYPE to none.",
                f"レイヤ{layer_name}に項目「{ok_col}」がありません。災害種別ごとの指定がないため、どの避難所も安全と"
                f"みなせません。sonae:importshelters で読み込むか、HAZARD_TYPE を none にしてください。")
        if missing:
            raise SonaeInputError(
                f"Layer {layer_name} has no field(s) {', '.join(missing)}. Run sonae:hazardexposure with "
                f"HAZARD_TYPE={hazard} on the facilities first and use its output as FACILITIES.",
                f"レイヤ{layer_name}に項目 {', '.join(missing)} がありません。先に sonae:hazardexposure"
                f"（HAZARD_TYPE={hazard}）を実行し、その出力を FACILITIES にしてください。")
        ok_raw = pd.Series(facilities[ok_col])
        ok_known = ok_raw.notna().to_numpy()
        ok = as_bool(ok_raw, unknown=False)
        conflict_raw = pd.Series(facilities[conf_col], dtype=object)
        conflict_known = conflict_raw.notna().to_numpy()
        conflict = as_bool(conflict_raw, unknown=False)
        rank = _number(facilities[rank_col], rank_col, layer_name)
        dc = depth_classes()
        ve = load_rules("vertical_evacuation.json")
        flooded = np.isfinite(rank) & (rank >= dc["conflict_min_rank"])
        depth = class_upper_m(rank, dc)
        fl = _number(_column(facilities, "floors"), "floors", layer_name)
        fl = np.where(fl >= 1, np.floor(fl), np.nan)
        code = np.where(~stay, "not_stay_role",
               np.where(~ok_known, "designation_unknown",
               np.where(~ok, "not_designated",
               np.where(conflict, "conflict",
               np.where(~conflict_known, "eligible_no_hazard_data", "eligible"))))).astype(object)
        upper = (code == "eligible") & flooded
        if hazard in ve["hazards_with_depth"]:
            floors_usable = np.where(upper, usable_floors(fl, depth, ve["storey_height_m"]), np.nan)
            known = upper & np.isfinite(fl) & np.isfinite(full)
            with np.errstate(invalid="ignore", divide="ignore"):
                part = np.where(known, np.floor(full * floors_usable / np.where(known, fl, 1.0) + 1e-9), 0.0)
            code[upper & ~np.isfinite(fl)] = "upper_floors_unknown"
            code[known & (part > 0)] = "upper_floors_only"
            code[known & (part <= 0)] = "upper_floors_none"
            code[upper & np.isfinite(fl) & ~np.isfinite(full)] = "upper_floors_only"  # capacity unknown: flagged
            cap = np.where(upper, np.where(known, part, 0.0), cap)
        else:
            code[upper] = "conditional_no_depth"
            cap = np.where(upper, 0.0, cap)
    eligible = np.isin(code, ELIGIBLE_CODES)
    cap = np.where(eligible, cap, 0.0)
    refuge = np.isin(roles.astype(str), REFUGE_ROLES)
    del rr
    return pd.DataFrame({
        "role": roles, "stay": stay, "eligible": eligible, "eligibility": code,
        "capacity_full": full, "capacity_source": source, "usable_floors": floors_usable,
        "capacity_calc": cap.astype(float),
        "refuge_capacity": np.where(refuge, full, np.nan),
    }, index=facilities.index)


def eligibility_summary(table: pd.DataFrame) -> dict:
    """Counts for messages: per eligibility code, unknown capacities among eligible shelters."""
    counts = table["eligibility"].value_counts().to_dict()
    counts["capacity_unknown_eligible"] = int((table["eligible"] & (table["capacity_source"] == "unknown")).sum())
    return counts
