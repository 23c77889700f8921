"""Shelter catchments: evacuees per zone -> stay shelters, per-shelter and per-zone tables (QGIS-free).

Glue between engine.eligibility (who may receive, how many) and engine.assignment (who goes where). The
Processing adapter (sonae:sheltercatchments) reads the layers, projects them to metres and calls
:func:`catchments`.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .assignment import Flow, capacity_flow, nearest_flow, whole_people
from .errors import SonaeInputError
from .progress import Progress, ensure

ASSIGNMENTS = ("capacity", "nearest")
ROOM_SHELTERS = 3   # how many nearest shelters with room are listed per zone


def parse_population(values, layer: str, field: str) -> tuple[np.ndarray, int]:
    """Population numbers from a numeric or text column ('2,041', '2,041人', '２０４１').

    Returns (values with NULL -> 0, number of NULLs). Text that is not a number, or a negative number, is refused
    with the row named.
    """
    arr = values.to_numpy() if isinstance(values, pd.Series) else np.asarray(values)
    if arr.dtype.kind in "biuf":       # already numbers (the common case): no per-value look
        nums = arr.astype(float)
    else:
        s = pd.Series(arr, dtype=object)
        if s.map(lambda v: isinstance(v, str)).any():
            from .columns import numbers  # the shared parser (engine.parsing): '2,041人' read, junk refused
            nums = np.asarray(numbers(s, field, layer), dtype=float)
        else:
            nums = pd.to_numeric(s, errors="coerce").to_numpy(dtype=float)
    neg = nums < 0
    if neg.any():
        i = int(np.nonzero(neg)[0][0])
        raise SonaeInputError(
            f"Layer {layer}, field {field}, feature {i + 1}: population is negative ({nums[i]:g}). Fix the population.",
            f"レイヤ{layer}の項目{field}、{i + 1}番目の地物: 人口が負です（{nums[i]:g}）。人口を修正してください。")
    nulls = int(np.isnan(nums).sum())
    return np.where(np.isnan(nums), 0.0, nums), nulls


def catchments(population: np.ndarray, zone_xy: np.ndarray, shelter_xy: np.ndarray, eligibility: pd.DataFrame,
               rate: float, assignment: str = "capacity", max_distance: float = np.inf, k: int = 8,
               cost: np.ndarray | None = None, progress: Progress | None = None):
    """Returns (shelter table aligned with ``eligibility``, zone table aligned with ``population``, totals dict).

    ``cost`` (zones x shelters, metres, inf = unreachable) replaces straight lines (road distances).
    """
    progress = ensure(progress)
    if not 0.0 <= rate <= 1.0:
        raise SonaeInputError(f"EVACUATION_RATE must lie between 0 and 1 (got {rate}).",
                              f"EVACUATION_RATE は0～1の値にしてください（{rate}）。")
    if assignment not in ASSIGNMENTS:
        raise SonaeInputError(f"ASSIGNMENT must be one of {', '.join(ASSIGNMENTS)} (got '{assignment}').",
                              f"ASSIGNMENT は {', '.join(ASSIGNMENTS)} のいずれかです（'{assignment}'）。")
    pop = np.asarray(population, dtype=float)
    expected = pop * rate
    evac = whole_people(expected)
    elig = eligibility["eligible"].to_numpy(bool)
    cap_all = eligibility["capacity_calc"].to_numpy(float)
    cand = np.nonzero(elig)[0]
    sxy = np.asarray(shelter_xy, float)[cand] if shelter_xy is not None else None
    sub_cost = cost[:, cand] if cost is not None else None
    if assignment == "capacity":
        flow = capacity_flow(evac, zone_xy, sxy, cap_all[cand], max_distance, k, sub_cost, progress.sub(0.0, 0.9))
    else:
        flow = nearest_flow(evac, zone_xy, sxy, max_distance, sub_cost)
    ns, nz = len(eligibility), len(pop)
    shel = cand[flow.shelter] if len(flow.shelter) else np.zeros(0, np.int64)
    load = np.bincount(shel, weights=flow.people, minlength=ns).astype(np.int64)
    # residents represented by the evacuees sent (population share of the zone)
    with np.errstate(invalid="ignore", divide="ignore"):
        per_person = np.where(evac > 0, pop / np.maximum(evac, 1), 0.0)
    assigned_pop = np.bincount(shel, weights=flow.people * per_person[flow.zone], minlength=ns)
    zones_per = np.bincount(shel, minlength=ns) if len(shel) else np.zeros(ns, np.int64)
    with np.errstate(invalid="ignore", divide="ignore"):
        util = np.where(cap_all > 0, load / np.where(cap_all > 0, cap_all, 1.0), np.where(load > 0, np.inf, np.nan))
    shelters = pd.DataFrame({
        "assigned_zones": zones_per, "assigned_population": assigned_pop, "evacuees": load,
        "utilisation": util, "occupancy": util,
        "shortfall_persons": np.where(elig, np.maximum(0, load - cap_all) + _unplaced_by_nearest(
            flow, zone_xy, shelter_xy, cost, cand, ns, max_distance), np.nan),
        "room_left": np.where(elig, np.maximum(0, cap_all - load), np.nan),
    }, index=eligibility.index)
    # zones
    assigned = np.bincount(flow.zone, weights=flow.people, minlength=nz).astype(np.int64)
    n_sh = np.bincount(flow.zone, minlength=nz) if len(flow.zone) else np.zeros(nz, np.int64)
    main_sh = np.full(nz, -1, np.int64)
    main_d = np.full(nz, np.nan)
    if len(flow.zone):
        if (np.diff(flow.zone) > 0).all():      # one arc per zone (nearest): it is the main one
            top = np.arange(len(flow.zone))
        else:
            order = np.lexsort((flow.distance, -flow.people, flow.zone))  # per zone: most people, then nearest
            first = np.ones(len(order), bool)
            first[1:] = flow.zone[order][1:] != flow.zone[order][:-1]
            top = order[first]
        main_sh[flow.zone[top]] = shel[top]
        main_d[flow.zone[top]] = flow.distance[top]
    with np.errstate(invalid="ignore", divide="ignore"):
        mean_d = np.where(assigned > 0, np.bincount(flow.zone, weights=flow.people * flow.distance, minlength=nz)
                          / np.maximum(assigned, 1), np.nan)
    room_ids, room_d = _room(zone_xy, shelter_xy, cost, elig & (shelters["room_left"].fillna(0).to_numpy() > 0))
    zones = pd.DataFrame({
        "population": pop, "evacuees_expected": expected, "evacuees": evac, "assigned_evacuees": assigned,
        "unassigned_evacuees": flow.unassigned.astype(np.int64), "unreached": flow.unreachable,
        "shelter_index": main_sh, "distance_m": main_d, "mean_distance_m": mean_d, "n_shelters": n_sh,
        **{f"room_shelter_index_{j + 1}": room_ids[:, j] for j in range(ROOM_SHELTERS)},
        "room_distance_m": room_d}, copy=False)   # columns kept as they are (no consolidating copy at 1M zones)
    totals = {
        "evacuees": int(evac.sum()), "assigned": int(assigned.sum()), "unassigned": int(flow.unassigned.sum()),
        "unreached": int(evac[flow.unreachable].sum()),
        "over_capacity_shelters": int((elig & (load > cap_all)).sum()),
        "over_capacity_persons": int(np.maximum(0, load - cap_all)[elig].sum()),
        "shortfall": int(np.nansum(shelters["shortfall_persons"])),
        "stats": flow.stats, "flow": flow, "shelter_of_arc": shel}
    progress.update(1.0)
    return shelters, zones, totals


def _room(zone_xy, shelter_xy, cost, has_room):
    """Per zone: the indices of the nearest shelters that still have room, nearest first, as an int array
    [zones, ROOM_SHELTERS] padded with -1, and the distance to the first (NaN when there is none)."""
    nz = len(zone_xy) if zone_xy is not None else (cost.shape[0] if cost is not None else 0)
    idx = np.nonzero(has_room)[0]
    out = np.full((nz, ROOM_SHELTERS), -1, dtype=np.int64)
    dist = np.full(nz, np.nan)
    if not len(idx) or nz == 0:
        return out, dist
    kk = min(ROOM_SHELTERS, len(idx))
    if cost is None:
        from scipy.spatial import cKDTree
        dd, ii = cKDTree(np.asarray(shelter_xy, float)[idx]).query(zone_xy, k=kk, workers=-1)
        dd, ii = dd.reshape(nz, -1), ii.reshape(nz, -1)
    else:
        sub = cost[:, idx]
        ii = np.argsort(sub, axis=1, kind="stable")[:, :kk]
        dd = np.take_along_axis(sub, ii, axis=1)
    # unreachable (inf) shelters sort last, so the reachable ones are a prefix of each row
    ok = np.isfinite(dd)
    out[:, :kk] = np.where(ok, idx[np.where(ok, ii, 0)], -1)
    dist = np.where(ok[:, 0], dd[:, 0], np.nan)
    return out, dist


def joined_ids(names, index) -> np.ndarray:
    """Per row of ``index`` (int array [rows, k], -1 = none): the ``names`` it points at joined by ','
    ('' when none). Each distinct row is joined once (a city has far fewer distinct rows than zones)."""
    index = np.asarray(index, dtype=np.int64)
    names = np.asarray(names, dtype=object)
    n, k = index.shape
    if n == 0:
        return np.zeros(0, dtype=object)
    base = len(names) + 1
    if k and float(base) ** k < 2.0 ** 62:
        key = np.zeros(n, dtype=np.int64)
        for j in range(k):
            key = key * base + (index[:, j] + 1)
        _u, first, inverse = np.unique(key, return_index=True, return_inverse=True)
    else:
        _u, first, inverse = np.unique(index, axis=0, return_index=True, return_inverse=True)
    text = np.empty(len(first), dtype=object)
    text[:] = [",".join(names[i] for i in row if i >= 0) for row in index[first].tolist()]
    return text[np.asarray(inverse).reshape(-1)]


def _unplaced_by_nearest(flow: Flow, zone_xy, shelter_xy, cost, cand, ns, max_distance) -> np.ndarray:
    """Per shelter: the evacuees who found no place and whose nearest eligible shelter (within the maximum
    distance) it is: the places that shelter lacks. Unreached zones count nowhere."""
    out = np.zeros(ns)
    left = flow.unassigned.astype(float)
    zs = np.nonzero((left > 0) & ~flow.unreachable)[0]
    if not len(zs) or not len(cand):
        return out
    if cost is None:
        from scipy.spatial import cKDTree
        d, i = cKDTree(np.asarray(shelter_xy, float)[cand]).query(np.asarray(zone_xy, float)[zs], k=1,
                                                                   workers=-1)
    else:
        sub = cost[zs][:, cand]
        i = np.argmin(sub, axis=1)
        d = sub[np.arange(len(zs)), i]
    ok = np.isfinite(d) & (d <= max_distance)
    np.add.at(out, cand[i[ok]], left[zs[ok]])
    return out
