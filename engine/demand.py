"""Shelter demand: catchments (nearest eligible shelter), evacuees, capacity and shortfall (QGIS-free).

Only shelters (``designated_shelter`` or ``emergency_site`` true) receive people; with a hazard field (e.g.
``flood_conflict`` from sonae:hazardexposure) the shelters where it is true are left out too. Every population
zone goes to its nearest eligible shelter, by straight line in a metric CRS (JGD2011 / UTM, chosen from the
data's longitude) or by a network distance computed elsewhere (the Processing adapter uses QGIS's network
analysis) and passed in as ``nearest``.
"""
from __future__ import annotations

import math

import numpy as np
import pandas as pd

from .columns import as_bool
from .errors import SonaeInputError
from .columns import numbers
from .hazard import load_rules

# JGD2011 / UTM zone 51N..55N (EPSG registry)
_JGD2011_UTM = {51: 6688, 52: 6689, 53: 6690, 54: 6691, 55: 6692}


def evacuation_rules() -> dict:
    return load_rules("evacuation.json")


def metric_epsg(lon_deg: np.ndarray) -> int:
    """A JGD2011 / UTM EPSG code for data around these longitudes (engine.metric, zone of the median longitude)."""
    from .metric import utm_epsg
    lon = np.asarray(lon_deg, dtype=float)
    lon = lon[np.isfinite(lon)]
    return utm_epsg(float(np.median(lon)) if len(lon) else 135.0, 35.0)


def eligible_shelters(facilities: pd.DataFrame, hazard_field: str | None = None,
                      layer_name: str = "FACILITIES") -> np.ndarray:
    """Boolean mask of facilities that may receive people."""
    missing = [c for c in ("designated_shelter", "emergency_site") if c not in facilities.columns]
    if len(missing) == 2:
        raise SonaeInputError(
            f"Layer {layer_name} has neither 'designated_shelter' nor 'emergency_site'. Import the shelters with "
            "sonae:importshelters first.",
            f"レイヤ{layer_name}に項目「designated_shelter」「emergency_site」がありません。先に sonae:importshelters で"
            "読み込んでください。")
    ok = np.zeros(len(facilities), dtype=bool)
    for c in ("designated_shelter", "emergency_site"):
        if c in facilities.columns:
            ok |= as_bool(facilities[c])
    if hazard_field:
        if hazard_field not in facilities.columns:
            raise SonaeInputError(
                f"Layer {layer_name} has no field '{hazard_field}' (HAZARD_FIELD). Run sonae:hazardexposure first "
                "and choose its <hazard>_conflict field, or leave HAZARD_FIELD empty.",
                f"レイヤ{layer_name}に項目「{hazard_field}」（HAZARD_FIELD）がありません。先に sonae:hazardexposure を"
                "実行して <災害>_conflict 項目を選ぶか、HAZARD_FIELD を空にしてください。")
        ok &= ~as_bool(facilities[hazard_field], unknown=False)
    return ok


def nearest_straight(shelter_xy: np.ndarray, zone_xy: np.ndarray):
    """Index (into shelter_xy) of the nearest shelter for every zone and the distance (same units)."""
    from scipy.spatial import cKDTree
    if len(shelter_xy) == 0:
        return np.full(len(zone_xy), -1, dtype=np.int64), np.full(len(zone_xy), np.nan)
    dist, idx = cKDTree(shelter_xy).query(zone_xy, k=1)
    return idx.astype(np.int64), dist


def capacity_persons(capacity, floor_area_m2, m2_per_person: float) -> np.ndarray:
    """Capacity: the capacity field when it is a positive number, else floor(floor area / m2 per person)."""
    if not m2_per_person or m2_per_person <= 0:
        raise SonaeInputError(f"M2_PER_PERSON must be positive (got {m2_per_person}).",
                              f"M2_PER_PERSON は正の値にしてください（{m2_per_person}）。")
    cap = numbers(pd.Series(capacity), "capacity_persons", "FACILITIES")
    area = numbers(pd.Series(floor_area_m2), "floor_area_m2", "FACILITIES")
    cap = np.where(cap > 0, cap, np.nan)
    with np.errstate(invalid="ignore"):
        from_area = np.where(area > 0, np.floor(area / m2_per_person + 1e-9), np.nan)
    return np.where(np.isfinite(cap), cap, from_area)


def assign(zone_population, nearest_idx: np.ndarray, n_shelters: int, evacuation_rate: float,
           capacity: np.ndarray):
    """Per shelter: assigned_population, evacuees, capacity_calc, shortfall_persons (a DataFrame of n_shelters).

    ``nearest_idx`` is -1 for zones that reach no shelter (counted nowhere). Shortfall is NaN where the capacity
    is unknown, else max(0, evacuees - capacity).
    """
    if not 0.0 <= evacuation_rate <= 1.0:
        raise SonaeInputError(f"EVACUATION_RATE must lie between 0 and 1 (got {evacuation_rate}).",
                              f"EVACUATION_RATE は0～1の値にしてください（{evacuation_rate}）。")
    pop = np.nan_to_num(numbers(pd.Series(zone_population), "population", "POPULATION"), nan=0.0)
    reach = nearest_idx >= 0
    assigned = np.bincount(nearest_idx[reach], weights=pop[reach], minlength=n_shelters)[:n_shelters]
    zones = np.bincount(nearest_idx[reach], minlength=n_shelters)[:n_shelters]
    evacuees = assigned * evacuation_rate
    cap = np.asarray(capacity, dtype=float)
    with np.errstate(invalid="ignore"):
        shortfall = np.where(np.isfinite(cap), np.maximum(0.0, evacuees - cap), np.nan)
        occupancy = np.where(cap > 0, evacuees / cap, np.nan)
    return pd.DataFrame({"assigned_zones": zones, "assigned_population": assigned, "evacuees": evacuees,
                         "capacity_calc": cap, "shortfall_persons": shortfall, "occupancy": occupancy})
