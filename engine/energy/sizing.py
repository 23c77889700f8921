"""Smallest battery (and PV up to the normal-time self-consumption cap) reaching a target autonomy.

For every facility: PV first (kept, or raised to the cap ``normal_kwh_year x normal_daytime_share / annual
yield`` so its output can be consumed on site in normal times, the MoE subsidy rule of seed 003), then the
smallest battery capacity whose outages starting at every hour of the year survive ``target_h`` hours in at least
``target_share`` of the start hours. Bisection over the capacity, all facilities at once: each round runs the
vectorised simulator (engine/energy/outage.py) for the facilities still bracketing. The battery's power is
``max(capacity x battery_kw_per_kwh, peak critical load)`` so the inverter never limits the critical circuit.
Survival is monotone in the capacity (more energy and more room at the same starting SoC fraction), which makes
the bisection on the grid of ``sizing_resolution_kwh`` exact: the answer is the smallest feasible grid value.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from ..progress import Progress, ensure
from ..columns import numbers
from . import energy_defaults
from .outage import Assets, Settings, simulate

REASONS = {
    "battery_sized": "battery sized to the target / 目標を満たす最小の蓄電池",
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
    cap = np.asarray(normal_kwh, dtype=float) * float(r["normal_daytime_share"]) / float(annual_yield)
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


def survival_share(load_kw, pv_per_kwp, assets: Assets, start_soc, target_h, settings, progress=None):
    hours = simulate(load_kw, pv_per_kwp, assets, start_soc, target_h, settings=settings, progress=progress)
    return (hours >= target_h).mean(axis=1), hours.min(axis=1)


def size_batteries(load_kw, pv_per_kwp, pv_kw, generator_kw, fuel_l, target_h: int, target_share: float,
                   start_soc: float, settings: Settings | None = None, rules: dict | None = None,
                   progress: Progress | None = None) -> dict:
    """Smallest battery per facility. Returns arrays battery_kwh, battery_kw, achieved_share, min_hours, reason."""
    progress = ensure(progress)
    r = rules or energy_defaults()
    s = settings or Settings.from_rules(r)
    load_kw = np.asarray(load_kw, dtype=float)
    F = load_kw.shape[0]
    pv_rows = np.broadcast_to(np.asarray(pv_per_kwp, dtype=float), load_kw.shape)
    c_rate = float(r["battery_kw_per_kwh"])
    res = float(r["sizing_resolution_kwh"])
    peak = load_kw.max(axis=1)
    gen = np.nan_to_num(np.asarray(generator_kw, float))
    fuel = np.nan_to_num(np.asarray(fuel_l, float))
    pv_kw = np.asarray(pv_kw, float)
    target_share = float(target_share) - 1e-12

    def power(kwh, rows=slice(None)):
        return np.maximum(kwh * c_rate, np.where(kwh > 0, peak[rows], 0.0))

    def share_of(rows, kwh, prog=None):
        a = Assets(pv_kw[rows], kwh, power(kwh, rows), gen[rows], fuel[rows])
        return survival_share(load_kw[rows], pv_rows[rows], a, start_soc, target_h, s, prog)

    all_rows = np.arange(F)
    share0, _ = share_of(all_rows, np.zeros(F), progress.sub(0.0, 0.1))
    need = share0 < target_share
    lo = np.zeros(F)
    hi = np.zeros(F)
    # upper bound: the whole outage from the battery at the starting SoC, with 10 % margin, doubled if needed
    denom = max(start_soc, 0.05)
    hi[need] = np.maximum(1.1 * target_h * load_kw[need].mean(axis=1) / denom, res)
    feasible = ~need
    rows = np.flatnonzero(need)
    for k in range(6):
        if not len(rows):
            break
        ok, _ = share_of(rows, hi[rows])
        ok = ok >= target_share
        feasible[rows[ok]] = True
        bad = rows[~ok]
        lo[bad] = hi[bad]
        hi[bad] *= 2.0
        rows = bad
        progress.update(0.1 + 0.05 * (k + 1))
    # bisection on the grid of sizing_resolution_kwh: lo_k infeasible, hi_k feasible, until adjacent
    active = np.flatnonzero(need & feasible)
    lo_k = np.floor(np.round(lo / res, 6)).astype(np.int64)
    hi_k = np.ceil(np.round(hi / res, 6)).astype(np.int64)
    rounds = int(np.ceil(np.log2(max(int((hi_k[active] - lo_k[active]).max(initial=1)), 1)))) + 1
    for k in range(rounds):
        active = active[(hi_k[active] - lo_k[active]) > 1]
        if not len(active):
            break
        mid_k = (lo_k[active] + hi_k[active]) // 2
        ok, _ = share_of(active, mid_k * res)
        ok = ok >= target_share
        hi_k[active[ok]] = mid_k[ok]
        lo_k[active[~ok]] = mid_k[~ok]
        progress.update(0.4 + 0.55 * (k + 1) / max(rounds, 1))
    kwh = np.where(need, hi_k * res, 0.0)
    kwh = np.where(need & ~feasible, np.nan, kwh)
    final_kwh = np.nan_to_num(kwh)
    achieved, min_hours = share_of(all_rows, final_kwh)
    reason = np.where(~need, "no_battery_needed", np.where(feasible, "battery_sized", "infeasible")).astype(object)
    progress.update(1.0)
    return {"battery_kwh": kwh, "battery_kw": np.where(np.isfinite(kwh), power(final_kwh), np.nan),
            "achieved_share": achieved, "min_hours": min_hours, "reason": reason}
