"""Delivery plan (seed 001, "tell the shelter the delivery date"): which stock site sends what to which shelter
by which date. QGIS-free.

1. Each shelter needs persons x rate x horizon of every daily item (x 1 for once-per-person items such as
   blankets) under the needs profile (rules/needs_profiles.json); persons are the observed head count where
   available (engine.shelter_ops.latest) else the modelled evacuees.
2. Usable stock per site on the plan date (engine.stockpile.usable_stock: expired lots excluded, a partner's
   stock up to its commitment) is allocated nearest site first (straight-line pairs within the maximum
   distance, ties by site id), shelters in order of persons (largest first).
3. Every (site, shelter) pair with something to deliver is one run. A site makes ``runs_per_day`` runs a day,
   largest shelters first; run r leaves on plan date + r // runs_per_day, and arrives after the drive
   (road distance / speed, working hours per day; rules/delivery_plan.json). The shelter's date is the arrival
   of its last run (``delivery_by``); unmet need stays as a shortfall, never silently dropped.
"""
from __future__ import annotations

import datetime as dt
import math

import numpy as np
import pandas as pd

from . import stockpile as sp
from .errors import SonaeInputError
from .progress import Progress, ensure
from .rules import load_rules


def defaults() -> dict:
    return load_rules("delivery_plan.json", unwrap=False)


def default(name: str) -> float:
    return float(defaults()[name]["default"])


def plan(shelters: pd.DataFrame, sites: pd.DataFrame, items: pd.DataFrame, plan_date: dt.date,
         profile: str | None = None, horizon_days: float | None = None, max_distance_m: float = 0.0,
         runs_per_day: float | None = None, speed_kmh: float | None = None, hours_per_day: float | None = None,
         road_factor: float | None = None, progress: Progress | None = None):
    """shelters: shelter_id, persons, x, y (metres); sites: site_id, x, y; items: normalize_items() output.

    Returns (deliveries, per_shelter): deliveries one row per run and item (site_id, shelter_id, run, item,
    units, base_unit, depart_date, delivery_date, distance_m); per_shelter one row per shelter (persons,
    runs, first_delivery, delivery_by, need/delivered/short per item, fully_supplied)."""
    progress = ensure(progress)
    rates = sp.profile_rates(profile)
    horizon = float(sp.default_horizon() if horizon_days is None else horizon_days)
    runs = default("runs_per_site_per_day") if runs_per_day is None else float(runs_per_day)
    speed = default("road_speed_kmh") if speed_kmh is None else float(speed_kmh)
    hours = default("working_hours_per_day") if hours_per_day is None else float(hours_per_day)
    factor = default("road_factor") if road_factor is None else float(road_factor)
    for label, v in (("horizon", horizon), ("runs per day", runs), ("speed", speed), ("hours per day", hours),
                     ("road factor", factor)):
        if not v > 0:
            raise SonaeInputError(f"The {label} must be more than 0 (got {v:g}).",
                                  f"{label} は0より大きくしてください（{v:g}）。")
    runs = max(1, int(math.floor(runs)))
    persons = pd.to_numeric(shelters["persons"], errors="coerce").fillna(0.0).to_numpy(float)
    if (persons < 0).any():
        i = int(np.flatnonzero(persons < 0)[0])
        raise SonaeInputError(f"Shelter {shelters.shelter_id.iloc[i]}: negative number of persons.",
                              f"避難所 {shelters.shelter_id.iloc[i]}: 人数が負です。")
    sp.check_sites(items, sites["site_id"])
    keys = list(rates)
    base_units = {k: sp.needs_rules()["items"][k]["base_unit"] for k in keys}
    rate = np.array([rates[k].rate for k in keys])
    daily = np.array([rates[k].daily for k in keys])
    need = persons[:, None] * rate[None, :] * np.where(daily, horizon, 1.0)[None, :]
    usable = sp.usable_stock(items, plan_date)
    site_index = {s: i for i, s in enumerate(sites["site_id"].tolist())}
    stock = np.zeros((len(sites), len(keys)))
    for r in usable[usable["item"].isin(keys)].itertuples(index=False):
        stock[site_index[r.site_id], keys.index(r.item)] += r.usable
    si, ki, dist = sp._pairs_within(shelters["x"].to_numpy(float), shelters["y"].to_numpy(float),
                                    sites["x"].to_numpy(float), sites["y"].to_numpy(float), max_distance_m)
    # shelters in order of persons (largest first), each served nearest site first
    order = np.lexsort((sites["site_id"].to_numpy(str)[ki] if len(ki) else ki, dist, -persons[si]))
    si, ki, dist = si[order], ki[order], dist[order]
    remaining = need.copy()
    left = stock.copy()
    legs = []                                   # (shelter, site, distance, units vector)
    for p in range(len(si)):
        s, k = si[p], ki[p]
        take = np.minimum(remaining[s], left[k])
        if (take > 1e-9).any():
            remaining[s] -= take
            left[k] -= take
            legs.append((s, k, dist[p], take))
        if p % 500 == 0:
            progress.update(0.6 * p / max(1, len(si)))
    # schedule: per site, runs in order of shelter persons (largest first), then distance
    rows, run_of = [], {}
    by_site: dict[int, list] = {}
    for s, k, d, take in legs:
        by_site.setdefault(k, []).append((s, d, take))
    for k, legs_k in by_site.items():
        legs_k.sort(key=lambda t: (-persons[t[0]], t[1], str(shelters["shelter_id"].iloc[t[0]])))
        for r, (s, d, take) in enumerate(legs_k):
            depart = plan_date + dt.timedelta(days=r // runs)
            drive_h = d * factor / 1000.0 / speed
            arrive = depart + dt.timedelta(days=int(drive_h // hours))
            run_of[(s, k)] = arrive
            for j, it in enumerate(keys):
                if take[j] > 1e-9:
                    rows.append({"site_id": sites["site_id"].iloc[k], "shelter_id": shelters["shelter_id"].iloc[s],
                                 "run": r + 1, "item": it, "units": float(take[j]), "base_unit": base_units[it],
                                 "depart_date": depart, "delivery_date": arrive, "distance_m": float(d),
                                 "drive_hours": drive_h})
    progress.update(0.8)
    deliveries = pd.DataFrame(rows, columns=["site_id", "shelter_id", "run", "item", "units", "base_unit",
                                             "depart_date", "delivery_date", "distance_m", "drive_hours"])
    per = pd.DataFrame({"shelter_id": shelters["shelter_id"].to_numpy(), "persons": persons})
    dates = {}
    for (s, _k), arrive in run_of.items():
        lo, hi, n = dates.get(s, (arrive, arrive, 0))
        dates[s] = (min(lo, arrive), max(hi, arrive), n + 1)
    per["runs"] = [dates.get(i, (None, None, 0))[2] for i in range(len(per))]
    per["first_delivery"] = [dates.get(i, (None, None, 0))[0] for i in range(len(per))]
    per["delivery_by"] = [dates.get(i, (None, None, 0))[1] for i in range(len(per))]
    delivered = need - remaining
    for j, it in enumerate(keys):
        per[f"{it}_need"] = need[:, j]
        per[f"{it}_delivered"] = delivered[:, j]
        per[f"{it}_short"] = np.maximum(remaining[:, j], 0.0)
    short_any = (remaining > 1e-6).any(axis=1)
    per["fully_supplied"] = ~short_any
    per["short_items"] = [",".join(k for j, k in enumerate(keys) if remaining[i, j] > 1e-6)
                          for i in range(len(per))]
    progress.update(1.0)
    return deliveries, per
