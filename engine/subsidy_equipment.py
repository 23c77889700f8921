"""Per-item equipment eligibility of a subsidy programme (split out of engine/subsidy.py, issue 13).

Each equipment entry of the programme file (rules/subsidy/*.json ``equipment``) may carry conditions:
``eligible`` false (excluded), ``requires_any`` (only together with one of those items), ``requires_true_field``
(a facility field that must be true, e.g. cogeneration_bos), ``excluded_facility_types`` and ``cap``
(self-consumption for PV). ``condition_categories`` scopes those conditions to applicant categories: seed 003
lists the BOS and waste-plant conditions under 補助対象設備の例（1号事業） only, and lists 蓄電池等 as equipment of
its own for 2号事業 but as an accessory (附帯設備) for 1号事業, so those conditions apply to No.1 only.

FIT (seed 003 Q&A 2, 余剰電力について、FITを適用することは認められません): only the PV that sells under FIT is
excluded — the facility field ``fit_pv_kw`` (kW of the proposed PV to be sold under FIT), or ``fit`` true (all of
the proposed PV) — while the rest of the project (its battery, lines, EMS) keeps its own eligibility: the FIT PV
still counts as the renewable installation those accessories belong to.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .columns import as_bool, numeric

_LAYER = "FACILITIES/ENERGY"      # named in refusals of unreadable numbers ('12.5 kWh' is read, '多数' refused)


def _num(frame: pd.DataFrame, col: str) -> np.ndarray:
    if col not in frame.columns:
        return np.full(len(frame), np.nan)
    return numeric(frame, col, _LAYER)


def _bool_col(frame: pd.DataFrame, col: str) -> tuple[np.ndarray, np.ndarray]:
    """(value, known) for an optional boolean column."""
    if col not in frame.columns:
        return np.zeros(len(frame), bool), np.zeros(len(frame), bool)
    s = frame[col]
    known = s.notna().to_numpy()
    if s.dtype == object:
        known &= s.map(lambda v: str(v).strip() != "").to_numpy()
    return as_bool(s), known


def self_consumption_cap_kw(frame: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """PV kW a facility can consume itself in normal times: field pv_cap_kw, else normal_kwh_year x daytime share /
    annual yield (rules/energy_defaults.json normal_daytime_share, rules/pv_yield_japan.json default region).
    Returns (cap kW or NaN, source label)."""
    cap = _num(frame, "pv_cap_kw")
    source = np.where(np.isfinite(cap), "pv_cap_kw", "")
    kwh = _num(frame, "normal_kwh_year")
    need = ~np.isfinite(cap) & np.isfinite(kwh)
    if need.any():
        from .energy import load_rules as energy_rules
        share = float(energy_rules("energy_defaults.json")["normal_daytime_share"])
        pv = energy_rules("pv_yield_japan.json")
        region = pv["default_region"]
        y = pv["annual_kwh_per_kwp"][region]
        annual = float(y["value"] if isinstance(y, dict) else y)
        cap = np.where(need, kwh * share / annual, cap)
        source = np.where(need, f"normal_kwh_year x {share:g} / {annual:g} kWh/kWp", source)
    return cap, source


def _in_scope(spec: dict, categories: np.ndarray) -> np.ndarray:
    cats = spec.get("condition_categories")
    return np.ones(len(categories), bool) if cats is None else np.isin(categories, cats)


def fit_excluded_kw(f: pd.DataFrame, proposed_kw: np.ndarray) -> np.ndarray:
    """kW of the proposed PV to be sold under FIT: ``fit_pv_kw`` where given, else all of it where ``fit``."""
    fit, fit_known = _bool_col(f, "fit")
    part = _num(f, "fit_pv_kw")
    whole = np.where(fit & fit_known, proposed_kw, 0.0)
    return np.clip(np.where(np.isfinite(part), part, whole), 0.0, proposed_kw)


def equipment_eligibility(f: pd.DataFrame, rules: dict, items: dict, categories: np.ndarray, qty: dict,
                          existing: dict, note) -> dict:
    """Eligible quantity per item and facility (dict item -> array); reasons go through ``note(mask, ja, en, fail)``."""
    n = len(f)
    equipment = rules["equipment"]
    sizing = rules["sizing"]
    elig_qty = {}
    present = {}       # proposed in the project (counts for requires_any even when excluded by FIT)
    cap_total, cap_src = self_consumption_cap_kw(f)
    for item, spec in equipment.items():
        q = qty[item]
        e = q.copy()
        proposed = q > 0
        scope = _in_scope(spec, categories)
        label = items[item].get("label_ja", item)
        if not spec["eligible"]:
            e = np.where(scope, 0.0, e)
            note(proposed & scope, f"{label}: {spec.get('reason_ja', '対象外')}",
                 f"{item}: {spec.get('reason_en', 'not eligible')}", fail=False)
        fit_kw = np.zeros(n)
        if spec.get("cap") == "self_consumption":
            cap = np.where(np.isfinite(cap_total), np.maximum(cap_total - existing[item], 0.0), np.nan)
            capped = proposed & np.isfinite(cap) & (q > cap + 1e-9)
            e = np.where(capped, np.maximum(cap, 0.0), e)
            note(capped, np.array([f"太陽光{a:,.1f}kWは平時の自家消費能力{c:,.1f}kW（{s}）を超えるため{c:,.1f}kWに制限（Q&A）"
                                   for a, c, s in zip(q, cap, cap_src)], dtype=object),
                 np.array([f"PV {a:,.1f} kW exceeds the normal-time self-consumption of {c:,.1f} kW ({s}): capped "
                           f"to {c:,.1f} kW (Q&A)" for a, c, s in zip(q, cap, cap_src)], dtype=object), fail=False)
            note(proposed & ~np.isfinite(cap), "平時の自家消費量が不明：太陽光容量の上限を確認できない（Q&Aは自家消費できる能力を求める）",
                 "normal-time self-consumption unknown: PV not checked against it (the Q&A requires PV sized to it)",
                 fail=False)
            if not sizing["fit_allowed"]:
                fit_kw = fit_excluded_kw(f, q)
                e = np.clip(np.minimum(e, q - fit_kw), 0.0, None)
                sold = proposed & (fit_kw > 0)
                note(sold, np.array([f"FITで売電する太陽光{x:,.1f}kWは対象外（他の設備は対象のまま、Q&A）" for x in fit_kw],
                                    dtype=object),
                     np.array([f"PV {x:,.1f} kW sold under FIT is excluded (the rest of the project stays eligible; "
                               "Q&A)" for x in fit_kw], dtype=object), fail=False)
        if "requires_true_field" in spec:
            v, k = _bool_col(f, spec["requires_true_field"])
            lacking = proposed & ~(v & k) & scope
            e = np.where(lacking, 0.0, e)
            note(lacking, f"{label}: {spec.get('reason_ja', '')}", f"{item}: {spec.get('reason_en', '')}", fail=False)
        if "excluded_facility_types" in spec and "facility_type" in f.columns:
            ex = proposed & f["facility_type"].isin(spec["excluded_facility_types"]).to_numpy() & scope
            e = np.where(ex, 0.0, e)
            note(ex, f"{label}: {spec.get('reason_ja', '対象外の施設種別')}",
                 f"{item}: {spec.get('reason_en', 'excluded facility type')}", fail=False)
        elig_qty[item] = e
        present[item] = (e > 0) | (fit_kw > 0)
    for item, spec in equipment.items():
        if spec.get("requires_any"):
            have = np.zeros(n, bool)
            for r in spec["requires_any"]:
                have |= present[r]
            lacking = (elig_qty[item] > 0) & ~have & _in_scope(spec, categories)
            elig_qty[item] = np.where(lacking, 0.0, elig_qty[item])
            note(lacking, f"{items[item].get('label_ja', item)}: {spec.get('reason_ja', '')}",
                 f"{item}: {spec.get('reason_en', '')}", fail=False)
    return elig_qty
