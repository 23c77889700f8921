"""Shelter operations (seed 001): occupancy against capacity over time, needs aggregates with small-count
suppression, and the observed head count per shelter that replaces modelled evacuees. QGIS-free.

Suppression: every needs cell (infants, elderly, dietary, medical) under k (rules/shelter_ops.json, default 5) is
blanked and the row flagged ``needs_suppressed``. :func:`suppress` is applied to every output table before it
is written, so no small count reaches a file, a layer or a printed layout. The total head count per shelter is
not a needs cell: cities publish it per shelter (the Nanao lists do) and supplies are planned from it.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .errors import SonaeInputError
from .rules import load_rules

NEEDS = ("infants", "elderly", "dietary", "medical")


def default_k() -> int:
    return int(load_rules("shelter_ops.json")["suppression_k"]["default"])


def suppress(frame: pd.DataFrame, k: int | None = None) -> pd.DataFrame:
    """A copy with needs cells < k blanked (NaN) and ``needs_suppressed`` True on rows where any was."""
    k = default_k() if k is None else int(k)
    if k < 1:
        raise SonaeInputError(f"The suppression threshold k must be 1 or more (got {k}).",
                              f"秘匿の閾値 k は1以上にしてください（{k}）。")
    out = frame.copy()
    flag = np.zeros(len(out), dtype=bool)
    for c in NEEDS:
        if c not in out.columns:
            continue
        v = pd.to_numeric(out[c], errors="coerce")
        small = (v < k).to_numpy()
        flag |= small
        out[c] = v.where(~small)
    out["needs_suppressed"] = flag
    out["suppression_k"] = k
    return out


def occupancy(status: pd.DataFrame, shelters: pd.DataFrame) -> pd.DataFrame:
    """Per shelter and time: evacuees, capacity, occupancy (evacuees / capacity; NaN without a capacity) and
    over_capacity. ``status``: shelter_id, observed_at, status, evacuees, needs...; ``shelters``: shelter_id,
    capacity_persons."""
    cap = shelters.set_index("shelter_id")["capacity_persons"]
    out = status.copy()
    out["capacity_persons"] = pd.to_numeric(out["shelter_id"].map(cap), errors="coerce")
    ev = pd.to_numeric(out["evacuees"], errors="coerce")
    with np.errstate(invalid="ignore", divide="ignore"):
        occ = np.where(out["capacity_persons"].to_numpy(float) > 0,
                       ev.to_numpy(float) / out["capacity_persons"].to_numpy(float), np.nan)
    out["occupancy"] = occ
    out["over_capacity"] = occ > 1.0
    return out


def latest(status: pd.DataFrame, at=None) -> pd.DataFrame:
    """Per shelter, the last observation at or before ``at`` (all when None): shelter_id, observed_at, status,
    evacuees (0 when the shelter was closed then), needs. Observations without a count are skipped."""
    s = status
    if at is not None:
        at = pd.Timestamp(at)
        if at.tzinfo is None:
            at = at.tz_localize("Asia/Tokyo")
        s = s[s["observed_at"] <= at]
    ev = pd.to_numeric(s["evacuees"], errors="coerce")
    closed = (s["status"] == "closed").to_numpy()
    s = s.assign(evacuees=np.where(closed, 0.0, ev.to_numpy(float)))
    s = s[~np.isnan(s["evacuees"].to_numpy(float))]
    s = s.sort_values(["shelter_id", "observed_at"], kind="stable")
    return s.groupby("shelter_id", sort=True).tail(1).reset_index(drop=True)


def totals_over_time(status: pd.DataFrame) -> pd.DataFrame:
    """Per observation time: shelters open, evacuees in total (the city's headline figure)."""
    s = status.assign(evacuees=pd.to_numeric(status["evacuees"], errors="coerce"))
    g = s.groupby("observed_at", sort=True).agg(
        shelters_open=("status", lambda x: int((x == "open").sum())),
        evacuees=("evacuees", "sum")).reset_index()
    return g


def replace_evacuees(shelter_ids, modelled, observed: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Modelled evacuees replaced by the observed count where a shelter has one: (evacuees, observed mask).
    ``observed``: shelter_id, evacuees (e.g. :func:`latest`)."""
    obs = observed.drop_duplicates("shelter_id", keep="last").set_index("shelter_id")["evacuees"]
    ids = pd.Series(list(shelter_ids), dtype=str)
    got = pd.to_numeric(ids.map(obs.rename(index=str)), errors="coerce").to_numpy(float)
    mask = ~np.isnan(got)
    values = np.where(mask, got, np.asarray(modelled, dtype=float))
    return values, mask
