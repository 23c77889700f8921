"""Smallest battery (and PV up to the normal-time self-consumption cap) reaching a target autonomy.

For every facility: PV first (kept, or raised to the cap ``normal_kwh_year x normal_daytime_share / annual
yield`` so its output can be consumed on site in normal times, the MoE subsidy rule of seed 003), then the
smallest battery capacity whose outages starting at every hour of the year survive ``target_h`` hours in at least
``target_share`` of the start hours. Bisection over the capacity, all facilities at once: each round runs the
vectorised simulator (engine/energy/outage.py) for the facilities still bracketing. The battery's power is
``max(capacity x battery_kw_per_kwh, peak critical load)`` so the inverter never limits the critical circuit.
Survival is monotone in the capacity (more energy and more room at the same starting SoC fraction), which makes
the bisection on the grid of ``sizing_resolution_kwh`` exact: the answer is the smallest feasible grid value.

Speed: survival is monotone in the capacity, so each test of a capacity simulates only the (start hour, weather
year) pairs that failed at the current lower bound; after a few rounds only the hardest starts remain (winter
evenings before dull days). The answer is the same as testing every pair (tests/test_energy_engine.py brute force).

Weather: the share is taken over every start hour of every weather year (engine/energy/years.py), so a run of
cloudy days in any year counts. The target may differ per facility (role targets, engine/energy/targets.py);
facilities without a target (0 h) get no battery (reason ``no_target``).
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from ..progress import Progress, ensure
from ..columns import numbers
from . import HOURS_PER_YEAR, energy_defaults
from .outage import Assets, Settings, simulate
from .pv import PVProfiles
from .years import simulate_years

REASONS = {
    "battery_sized": "battery sized to the target / 目標を満たす最小の蓄電池",
    "no_target": "no autonomy target for this role (open space or other; rules/facility_roles.json) / "
                 "この役割には自立目標がない（緊急避難場所など）",
    "no_battery_needed": "PV/generator alone reach the target / 太陽光・発電機のみで目標を満たす",
    "infeasible": "target not reachable with a battery starting at START_SOC (raise START_SOC or add PV/generator) / "
                  "開始充電率では蓄電池で目標に届かない（開始充電率を上げるか太陽光・発電機を追加）",
}
CAP_NOTES = {
    "pv_raised_to_cap": "PV raised to the self-consumption cap / 太陽光を平時自家消費の上限まで増設",
    "pv_kept": "existing PV kept / 既存の太陽光のまま",
    "pv_above_cap": "existing PV above the self-consumption cap (subsidy covers up to the cap) / 既存の太陽光が自家消費の上限を超過",
    "no_normal_use": "normal-time use unknown: PV kept (give normal_kwh_year or floor_area_m2) / 平時の使用量不明のため太陽光は現状のまま",
}


def normal_use_kwh(normal_kwh_year, facility_types, floor_area_m2, rules: dict | None = None):
    """Normal-time annual electricity use: the given figure, else floor area x the type's kWh/m2 (rules)."""
    r = rules or energy_defaults()
    table = r["normal_kwh_per_m2_year"]
    given = numbers(pd.Series(normal_kwh_year), "normal_kwh_year", "FACILITIES")
    area = numbers(pd.Series(floor_area_m2), "floor_area_m2", "FACILITIES")
    per_m2 = np.array([float(table.get(str(t), table["default"])) for t in facility_types])
    est = area * per_m2
    source = np.where(np.isfinite(given), "given", np.where(np.isfinite(est), "floor_area", "unknown"))
    return np.where(np.isfinite(given), given, est), source


def choose_pv(existing_kw, normal_kwh, annual_yield: float, raise_to_cap: bool, rules: dict | None = None):
    """(pv_kw, pv_cap_kw, cap_note code) per facility."""
    r = rules or energy_defaults()
    existing = np.nan_to_num(np.asarray(existing_kw, dtype=float))
    cap = np.asarray(normal_kwh, dtype=float) * float(r["normal_daytime_share"]) / np.asarray(annual_yield, float)
    known = np.isfinite(cap)
    pv = existing.copy()
    note = np.full(len(existing), "pv_kept", dtype=object)
    note[~known] = "no_normal_use"
    above = known & (existing > cap + 1e-9)
    note[above] = "pv_above_cap"
    if raise_to_cap:
        up = known & (cap > existing + 1e-9)
        pv[up] = cap[up]
        note[up] = "pv_raised_to_cap"
    return pv, cap, note


def as_profiles(pv_per_kwp, n: int) -> PVProfiles:
    """A PVProfiles from PVProfiles, or from [F x 8760] / [1 x 8760] arrays (one weather year)."""
    if isinstance(pv_per_kwp, PVProfiles):
        return pv_per_kwp
    arr = np.asarray(pv_per_kwp, dtype=float)
    if arr.ndim == 1 or arr.shape[0] == 1:
        return PVProfiles(arr.reshape(1, 1, -1), np.zeros(n, dtype=int), "array", ["array"])
    return PVProfiles(arr[None, :, :], np.arange(n), "array", ["array"])


def survival_share(load_kw, pv_per_kwp, assets: Assets, start_soc, target_h, settings, progress=None):
    """(share of (start hour, weather year) outages surviving target_h, min hours) per facility."""
    target = np.broadcast_to(np.asarray(target_h, dtype=float), (load_kw.shape[0],))
    horizon = int(max(target.max(initial=1), 1))
    hours = simulate_years(load_kw, as_profiles(pv_per_kwp, load_kw.shape[0]), assets, start_soc, horizon,
                           settings=settings, progress=progress)
    return (hours >= target[:, None]).mean(axis=1), hours.min(axis=1)


def size_batteries(load_kw, pv_per_kwp, pv_kw, generator_kw, fuel_l, target_h, target_share: float,
                   start_soc: float, settings: Settings | None = None, rules: dict | None = None,
                   progress: Progress | None = None) -> dict:
    """Smallest battery per facility. Returns arrays battery_kwh, battery_kw, achieved_share, min_hours (capped
    at the facility's target), reason."""
    progress = ensure(progress)
    r = rules or energy_defaults()
    s = settings or Settings.from_rules(r)
    load_kw = np.asarray(load_kw, dtype=float)
    F = load_kw.shape[0]
    prof = as_profiles(pv_per_kwp, F)
    target_all = np.broadcast_to(np.asarray(target_h, dtype=float), (F,)).copy()
    c_rate = float(r["battery_kw_per_kwh"])
    res = float(r["sizing_resolution_kwh"])
    peak = load_kw.max(axis=1)
    gen = np.nan_to_num(np.asarray(generator_kw, float))
    fuel = np.nan_to_num(np.asarray(fuel_l, float))
    pv_kw = np.asarray(pv_kw, float)
    target_share = float(target_share) - 1e-12

    def power(kwh, rows=slice(None)):
        return np.maximum(np.asarray(kwh, float) * c_rate, np.where(np.asarray(kwh) > 0, peak[rows], 0.0))

    Y = prof.years
    horizon0 = int(max(target_all.max(initial=1), 1))
    a0 = Assets(pv_kw, np.zeros(F), np.zeros(F), gen, fuel)
    hours0 = simulate_years(load_kw, prof, a0, start_soc, horizon0, settings=s, progress=progress.sub(0.0, 0.1))
    total = hours0.shape[1]
    fail = hours0 < target_all[:, None]          # (start, weather year) pairs failing at the lower bound (0 kWh)
    min0 = np.minimum(hours0.min(axis=1), target_all)
    del hours0
    share0 = 1.0 - fail.mean(axis=1)
    has_target = target_all > 0
    need = (share0 < target_share) & has_target

    def evaluate(f: int, cap: float):
        """(share, min hours capped at the target, pairs, survived) at capacity ``cap``, simulating only the pairs
        failing at the current lower bound: survival is monotone in the capacity, so every pair surviving there
        survives at cap."""
        pairs = np.flatnonzero(fail[f])
        st = pairs % HOURS_PER_YEAR
        yr = pairs // HOURS_PER_YEAR
        union = np.unique(st)
        a = Assets(np.full(Y, pv_kw[f]), np.full(Y, cap), np.full(Y, power(np.array([cap]), [f])[0]),
                   np.full(Y, gen[f]), np.full(Y, fuel[f]))
        h = simulate(np.tile(load_kw[f], (Y, 1)), prof.cells[:, prof.index[f], :], a, start_soc,
                     int(target_all[f]), starts=union, settings=s)
        got = h[yr, np.searchsorted(union, st)]
        surv = got >= target_all[f]
        share = (total - len(pairs) + int(surv.sum())) / total
        low = float(min(got.min(initial=target_all[f]), target_all[f]))
        return share, low, pairs, surv

    def test(f: int, cap: float) -> bool:
        """Does capacity ``cap`` reach the target share at facility f? When it falls short, the failing set shrinks
        to the pairs failing at cap (cap becomes the lower bound)."""
        share, _low, pairs, surv = evaluate(f, cap)
        ok = share >= target_share
        if not ok:
            fail[f, pairs[surv]] = False
        return ok

    lo = np.zeros(F)
    hi = np.zeros(F)
    # upper bound: the whole outage from the battery at the starting SoC, with 10 % margin, doubled if needed
    denom = max(start_soc, 0.05)
    hi[need] = np.maximum(1.1 * target_all[need] * load_kw[need].mean(axis=1) / denom, res)
    feasible = ~need
    todo = np.flatnonzero(need)
    for n_done, f in enumerate(todo):
        for _ in range(6):
            if test(f, hi[f]):
                feasible[f] = True
                break
            lo[f] = hi[f]
            hi[f] *= 2.0
        progress.update(0.1 + 0.2 * (n_done + 1) / len(todo))
    # bisection on the grid of sizing_resolution_kwh: lo_k infeasible, hi_k feasible, until adjacent
    lo_k = np.floor(np.round(lo / res, 6)).astype(np.int64)
    hi_k = np.ceil(np.round(hi / res, 6)).astype(np.int64)
    active = np.flatnonzero(need & feasible)
    for n_done, f in enumerate(active):
        while hi_k[f] - lo_k[f] > 1:
            mid = (lo_k[f] + hi_k[f]) // 2
            if test(f, mid * res):
                hi_k[f] = mid
            else:
                lo_k[f] = mid
        progress.update(0.3 + 0.65 * (n_done + 1) / len(active))
    kwh = np.where(need, hi_k * res, 0.0)
    kwh = np.where(need & ~feasible, np.nan, kwh)
    final_kwh = np.nan_to_num(kwh)
    achieved, min_hours = share0.copy(), min0.copy()         # no battery (not needed, or not reachable)
    for f in np.flatnonzero(need & feasible):
        achieved[f], min_hours[f], _p, _s = evaluate(f, final_kwh[f])
    reason = np.where(~has_target, "no_target", np.where(~need, "no_battery_needed",
                      np.where(feasible, "battery_sized", "infeasible"))).astype(object)
    progress.update(1.0)
    return {"battery_kwh": kwh, "battery_kw": np.where(np.isfinite(kwh), power(final_kwh), np.nan),
            "achieved_share": achieved, "min_hours": min_hours, "reason": reason}
