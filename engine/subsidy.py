"""Subsidy scope (DESIGN.md §6, seed 003): which facilities and equipment a programme funds, and what it costs.

QGIS-free and vectorised over facilities (one pass per equipment item). Every figure comes from a programme rule
file (rules/subsidy/*.json, validated against rules/subsidy/schema.json) and a unit-cost file (rules/unit_costs.json),
both replaceable by the user; a new programme or fiscal year is a new rule file, no code change.

Modules: engine/subsidy_rules.py (rule files, rates, financing), engine/subsidy_equipment.py (per-item
eligibility: category conditions, caps, FIT), this module (facility scope, plan join, summaries). The facility's
role (engine/roles.py, rules/facility_roles.json ``subsidy_facility``) decides whether it is a shelter or disaster
base the programme can fund.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .errors import SonaeInputError
from .progress import ensure
from .roles import facility_roles, role_rules
from .rules import load_rules
from .subsidy_equipment import _bool_col, _num, equipment_eligibility, self_consumption_cap_kw  # noqa: F401

ROLE_COLUMNS = ("designated_shelter", "welfare_shelter", "emergency_site")
from .subsidy_rules import (DEFAULT_RULES, DEFAULT_UNIT_COSTS, SCHEMA_PATH, SUBSIDY_DIR,  # noqa: F401 (re-exported)
                            UNIT_COSTS_SCHEMA, _bad_rule, applicant_types, check_applicant, finance, load_programme,
                            load_unit_costs, rate_for)


# --- per-facility scope ------------------------------------------------------------------------------------------

def _facility_type_owners() -> dict:
    ft = load_rules("facility_types.json")
    return {r["type"]: r.get("owner") for r in ft["rules"]}


def join_plans(facilities: pd.DataFrame, plans: pd.DataFrame | None, plan_id_field: str = "facility_id",
               layer_en: str = "ENERGY", facility_id_field: str = "id", warn=None) -> pd.DataFrame:
    """Facilities with the energy plan table (e.g. battery_sizing) joined on id; plan values win over facility
    fields of the same name. Facilities without a plan keep their own fields; plan rows naming unknown
    facilities are reported through ``warn`` and ignored."""
    if facility_id_field not in facilities.columns:
        raise SonaeInputError(f"Layer FACILITIES has no field '{facility_id_field}'. Run sonae:importshelters or "
                              "add an id field.",
                              f"施設レイヤに項目「{facility_id_field}」がありません。sonae:importshelters を実行するかID項目を追加してください。")
    out = pd.DataFrame(facilities).copy()
    if out[facility_id_field].isna().any() or out[facility_id_field].astype(str).duplicated().any():
        dup = out[facility_id_field].astype(str)[out[facility_id_field].astype(str).duplicated()].tolist()[:3]
        raise SonaeInputError(f"Layer FACILITIES, field '{facility_id_field}': ids must be unique and filled "
                              f"(e.g. {dup}). Fix the ids.",
                              f"施設レイヤの項目「{facility_id_field}」: IDは重複なく全件に必要です（例 {dup}）。IDを直してください。")
    if plans is None:
        return out
    if plan_id_field not in plans.columns:
        raise SonaeInputError(f"Table {layer_en} has no field '{plan_id_field}' (the facility id). Choose the id "
                              "field of the energy plan table.",
                              f"表 {layer_en} に項目「{plan_id_field}」（施設ID）がありません。エネルギー計画表のID項目を指定してください。")
    p = pd.DataFrame(plans).drop(columns=[c for c in ("geometry",) if c in plans.columns]).copy()
    p[plan_id_field] = p[plan_id_field].astype(str)
    if p[plan_id_field].duplicated().any():
        dup = p.loc[p[plan_id_field].duplicated(), plan_id_field].tolist()[:3]
        raise SonaeInputError(f"Table {layer_en}, field '{plan_id_field}': facility ids appear twice ({dup}). "
                              "Keep one plan row per facility.",
                              f"表 {layer_en} の項目「{plan_id_field}」: 同じ施設IDが複数あります（{dup}）。1施設1行にしてください。")
    unknown = set(p[plan_id_field]) - set(out[facility_id_field].astype(str))
    if unknown and warn is not None:
        ex = sorted(unknown)[:3]
        warn(f"Table {layer_en}: {len(unknown)} plan row(s) name facilities not in FACILITIES (e.g. {ex}); they are "
             f"ignored. / 表 {layer_en}: 施設レイヤにない施設IDの行が{len(unknown)}件あり、無視しました（例 {ex}）。")
    cols = [c for c in p.columns if c not in (plan_id_field, facility_id_field)]
    keyed = out[facility_id_field].astype(str)
    p = p.set_index(plan_id_field)
    for c in cols:
        vals = keyed.map(p[c])
        if c in out.columns:
            out[c] = vals.where(keyed.isin(p.index), out[c])
        else:
            out[c] = vals
    return out


def _join(parts: list[np.ndarray]) -> list[str]:
    n = len(parts[0]) if parts else 0
    stacked = np.array(parts, dtype=object).reshape(len(parts), n) if parts else np.empty((0, n), object)
    return ["; ".join(s for s in stacked[:, i] if s) for i in range(n)]


def _check_quantity_fields(f: pd.DataFrame, items: dict, equipment, cost_path: str, layer: str) -> None:
    """A unit-cost item whose quantity_field is not on the layer but resembles one of its columns (a typo such as
    'batery_kwh') would price that equipment at 0 silently: refuse naming both names."""
    import difflib
    import os
    known = {items[i]["quantity_field"] for i in equipment}
    spare = [c for c in f.columns if c not in known and not str(c).endswith(("_added", "_existing"))]
    for item in equipment:
        qf = items[item]["quantity_field"]
        if qf in f.columns:
            continue
        close = difflib.get_close_matches(qf, spare, n=1, cutoff=0.8)
        if close:
            name = os.path.basename(str(cost_path))
            raise SonaeInputError(
                f"{name}: item '{item}' reads its quantity from field '{qf}', which layer {layer} does not have; the "
                f"layer has '{close[0]}'. As it stands {item} would be priced at 0. Correct quantity_field in the "
                "unit-cost file (or rename the field).",
                f"{name}: 設備「{item}」の数量項目「{qf}」がレイヤ {layer} にありません（レイヤには「{close[0]}」があります）。"
                f"このままでは{item}が0円で計上されます。単価ファイルの quantity_field を修正する（または項目名を直す）して"
                "ください。")


def subsidy_scope(facilities: pd.DataFrame, rules: dict, unit_costs: dict, applicant_type: str,
                  fiscal_index: float | None, plan_stated: bool = False, layer: str = "FACILITIES",
                  added_only: bool = True, progress=None) -> pd.DataFrame:
    """One row per facility: eligibility with every reason, eligible equipment, cost, rate, subsidy, bond,
    allocation-tax coverage, effective burden (integer yen).

    added_only: when the plan has ``<quantity>_added`` fields (sonae:sizeforautonomy's battery_sizing), only the
    added equipment is priced (existing equipment is not bought again); the PV self-consumption cap then applies to
    existing + added PV, so the new PV may be at most cap - existing."""
    progress = ensure(progress)
    f = pd.DataFrame(facilities).reset_index(drop=True)
    n = len(f)
    if "id" not in f.columns:
        raise SonaeInputError(f"Layer {layer} has no field 'id'. Run sonae:importshelters first.",
                              f"レイヤ {layer} に項目「id」がありません。先に sonae:importshelters を実行してください。")
    ids = f["id"].astype(str).to_numpy()
    # applicant type per facility (field applicant_type overrides the parameter)
    app = np.full(n, applicant_type, dtype=object)
    if "applicant_type" in f.columns:
        given = f["applicant_type"].notna() & (f["applicant_type"].astype(str).str.strip() != "")
        app = np.where(given.to_numpy(), f["applicant_type"].astype(str).str.strip().to_numpy(), app)
    for t in pd.unique(app):
        try:
            check_applicant(rules, t, fiscal_index)
        except SonaeInputError as exc:
            if t != applicant_type:
                rows = ", ".join(ids[app == t][:3])
                raise SonaeInputError(f"Layer {layer}, field applicant_type (facility {rows}): {exc.en}",
                                      f"レイヤ {layer} の項目 applicant_type（施設 {rows}）: {exc.ja}") from None
            raise
    types = rules["applicant_types"]
    rate_of = {t: rate_for(rules, t, fiscal_index) for t in pd.unique(app)}
    rate = np.array([rate_of[t][0] for t in app], dtype=object)

    reasons_ja: list[np.ndarray] = []
    reasons_en: list[np.ndarray] = []
    ok = np.ones(n, bool)
    blank = np.full(n, "", dtype=object)

    def note(mask, ja, en, fail=True):
        nonlocal ok
        mask = np.asarray(mask, bool)
        if fail:
            ok &= ~mask
        reasons_ja.append(np.where(mask, ja, blank))
        reasons_en.append(np.where(mask, en, blank))

    # 1. disaster plan and role (rules/facility_roles.json subsidy_facility; seed 003 <補助対象施設>:
    #    地域防災計画等に避難施設等として位置付けられるなどした公共施設…又は民間施設)
    plan, plan_known = _bool_col(f, "in_disaster_plan")
    roles = facility_roles(f) if any(c in f.columns for c in ROLE_COLUMNS) else np.full(n, None, dtype=object)
    role_ok = np.array([r is None or bool(role_rules()["roles"][r].get("subsidy_facility")) for r in roles])
    open_space = np.array([r is not None and r not in ("other",) and not ok_r for r, ok_r in zip(roles, role_ok)])
    desig = np.array([r is not None and ok_r for r, ok_r in zip(roles, role_ok)])
    stated_field, stated_known = _bool_col(f, "plan_stated")
    stated = (stated_field & stated_known) | bool(plan_stated)
    in_plan = np.where(plan_known, plan, desig)
    ef = rules["eligible_facility"]
    if ef["require_in_disaster_plan"]:
        with_statement = ~in_plan & stated & bool(ef["allow_stated_plan"]) & ~open_space
        note(in_plan & plan_known & ~open_space, "地域防災計画に位置付け済み", "in the regional disaster plan", fail=False)
        note(in_plan & ~plan_known, "指定避難所・福祉避難所・防災拠点（地域防災計画に位置付けとみなす、rules/facility_roles.json）",
             "designated/welfare shelter or disaster base (taken as in the disaster plan; rules/facility_roles.json)",
             fail=False)
        note(with_statement, "地域防災計画に未位置付け：申請時に位置付け予定を記述して対象（Q&A）",
             "not yet in the disaster plan: eligible with the planned designation stated at application (Q&A)",
             fail=False)
        note(~in_plan & ~with_statement & ~open_space, "地域防災計画に位置付けがない（申請時に位置付け予定を記述すれば対象）",
             "not in the regional disaster plan (eligible only if the planned designation is stated at application)")
    note(open_space, np.array([f"役割「{role_rules()['roles'][r]['label_ja']}」は設備を導入する避難施設・防災拠点ではない"
                               "（rules/facility_roles.json subsidy_facility）" if r else "" for r in roles], dtype=object),
         np.array([f"role '{r}' is not a shelter or disaster base the programme equips (rules/facility_roles.json "
                   "subsidy_facility)" if r else "" for r in roles], dtype=object))
    # 2. owner vs applicant category
    default_owner = _facility_type_owners()
    owner = np.full(n, None, dtype=object)
    if "owner" in f.columns:
        owner = f["owner"].where(f["owner"].notna(), None).to_numpy(dtype=object)
    if "facility_type" in f.columns:
        ft = f["facility_type"].to_numpy(dtype=object)
        owner = np.array([o if o in ("public", "private") else default_owner.get(t) for o, t in zip(owner, ft)],
                         dtype=object)
    allowed = np.array([owner[i] is None or owner[i] in types[app[i]]["facility_owner"] for i in range(n)])
    note(~allowed, "施設の所有区分が申請区分に合わない（1号は公共施設、2号の1は民間施設）",
         "facility ownership does not fit the applicant category (No.1 public facilities, No.2-1 private)")
    note(np.array([o is None for o in owner]), "所有区分不明：申請区分に合うものとして計算",
         "owner unknown: assumed to fit the applicant category", fail=False)
    # 3. ZEB floor area
    area = _num(f, "floor_area_m2")
    limit = np.array([types[t].get("floor_area_below_m2") for t in app], dtype=object)
    need_area = np.array([bool(types[t].get("floor_area_required")) for t in app])
    missing = need_area & ~np.isfinite(area)
    if missing.any():
        rows = ", ".join(ids[missing][:5])
        raise SonaeInputError(
            f"Layer {layer}, field floor_area_m2: {int(missing.sum())} facility(ies) ({rows}) have no floor area, "
            f"but the ZEB category ({', '.join(sorted(set(app[missing])))}) is limited by floor area. Fill "
            "floor_area_m2 (延床面積, m2).",
            f"レイヤ {layer} の項目 floor_area_m2: {int(missing.sum())}施設（{rows}）に延床面積がありませんが、ZEB区分"
            f"（{', '.join(sorted(set(app[missing])))}）は延床面積で対象が決まります。floor_area_m2（㎡）を入力してください。")
    has_limit = np.array([lim is not None for lim in limit])
    lim_f = np.array([float(lim) if lim is not None else np.inf for lim in limit])
    over = has_limit & np.isfinite(area) & (area >= lim_f)
    note(over, np.array([f"延床面積{a:,.0f}㎡がZEB区分の上限（{lm:,.0f}㎡未満）を超える" for a, lm in zip(area, lim_f)],
                        dtype=object),
         np.array([f"floor area {a:,.0f} m2 not below the ZEB limit of {lm:,.0f} m2" for a, lm in zip(area, lim_f)],
                  dtype=object))
    # 4. normal and disaster operation, replacement
    sizing = rules["sizing"]
    d_only, d_known = _bool_col(f, "disaster_only")
    if sizing["normal_and_disaster_operation"]:
        note(d_only & d_known, "災害時のみ稼働する設備は対象外（平時・災害時とも稼働が必要）",
             "equipment running only in disasters is excluded (must run in normal times and disasters)")
    repl, repl_known = _bool_col(f, "replaces_existing")
    gain = _num(f, "efficiency_gain")
    if sizing["replacement_requires_efficiency_gain"]:
        note(repl & repl_known & ~(gain > 0), "リプレースで効率改善がない（効率改善が認められるものに限る）",
             "replacement without an efficiency gain (only replacements that improve efficiency)")
    progress.update(0.3)

    # 5. equipment, vectorised per item
    items = unit_costs["items"]
    equipment = rules["equipment"]
    for item in equipment:
        if item not in items:
            raise _bad_rule(unit_costs["_path"], f"items.{item}", f"the programme prices equipment '{item}' but the "
                            "unit-cost file has no such item. Add it.",
                            f"事業ルールの設備「{item}」の単価が単価ファイルにありません。追加してください。")
    _check_quantity_fields(f, items, equipment, unit_costs.get("_path", "unit costs"), layer)
    qty = {}
    existing = {}
    for item in equipment:
        qf = items[item]["quantity_field"]
        q = _num(f, qf)
        existing[item] = np.zeros(n)
        if added_only and f"{qf}_added" in f.columns:
            added = np.nan_to_num(_num(f, f"{qf}_added"), nan=0.0)
            if f"{qf}_existing" in f.columns:
                existing[item] = np.nan_to_num(_num(f, f"{qf}_existing"), nan=0.0)
            else:
                existing[item] = np.maximum(np.nan_to_num(q, nan=0.0) - added, 0.0)
            q = added
        bad = np.isfinite(q) & (q < 0)
        if bad.any():
            raise SonaeInputError(f"Layer {layer}, field {qf}: negative quantity for facility {ids[bad][0]}. "
                                  "Quantities cannot be negative.",
                                  f"レイヤ {layer} の項目 {qf}: 施設 {ids[bad][0]} の数量が負です。数量は0以上にしてください。")
        qty[item] = np.nan_to_num(q, nan=0.0)
    for item in equipment:
        has_existing = existing[item] > 0
        if has_existing.any():
            u = items[item]["unit"]
            note(has_existing, np.array([f"既設{items[item].get('label_ja', item)}{v:,.1f}{u}は対象外（増設分のみ計上）"
                                         for v in existing[item]], dtype=object),
                 np.array([f"existing {item} {v:,.1f} {u} not priced (only the added equipment)"
                           for v in existing[item]], dtype=object), fail=False)
    categories = np.array([types[t]["category"] for t in app], dtype=object)
    elig_qty = equipment_eligibility(f, rules, items, categories, qty, existing, note)
    progress.update(0.6)

    def yen(q, item):
        return np.floor(q * items[item]["yen_per_unit"] + 0.5).astype(np.int64)

    total = np.zeros(n, np.int64)
    eligible_cost = np.zeros(n, np.int64)
    lines_el = []
    out = pd.DataFrame({"facility_id": ids})
    for c in ("name", "facility_type"):
        out[c] = f[c].to_numpy() if c in f.columns else None
    out["role"] = roles
    out["applicant_type"] = app
    out["category"] = [types[t]["category"] for t in app]
    shown = [item for item in equipment if items[item]["quantity_field"] in f.columns]
    for item in equipment:
        if item in shown:
            out[f"{item}_proposed"] = qty[item]
        total += yen(qty[item], item)
    any_equipment = total > 0
    note(~any_equipment, "補助対象となる設備の計画がない", "no equipment proposed")
    eligible_mask = ok & any_equipment
    for item in equipment:
        u = items[item]["unit"]
        q = np.where(eligible_mask, elig_qty[item], 0.0)
        if item in shown:
            out[f"{item}_eligible"] = q
        c = yen(q, item)
        eligible_cost += c
        lines_el.append(np.where(q > 0, np.array([f"{item} {v:,.1f} {u} x {items[item]['yen_per_unit']:,} = {x:,}"
                                                  for v, x in zip(q, c)], dtype=object), blank))
    no_eligible = eligible_mask & (eligible_cost == 0)
    note(no_eligible, "対象設備が残らない（すべて対象外）", "no eligible equipment remains")
    eligible_mask &= ~no_eligible
    eligible_cost = np.where(eligible_mask, eligible_cost, 0)

    subsidy = np.zeros(n, np.int64)
    bond = np.zeros(n, np.int64)
    tax = np.zeros(n, np.int64)
    burden = np.zeros(n, np.int64)
    for t in pd.unique(app):
        m = app == t
        fin = finance(eligible_cost[m], rate_of[t][0], bool(types[t]["local_bond"]), rules)
        subsidy[m], bond[m], tax[m], burden[m] = (fin["subsidy_yen"], fin["bond_yen"], fin["allocation_tax_yen"],
                                                  fin["effective_burden_yen"])
    out["eligible"] = eligible_mask
    out["eligible_yn"] = np.where(eligible_mask, "yes", "no")
    out["reasons_ja"] = _join(reasons_ja)
    out["reasons_en"] = _join(reasons_en)
    out["eligible_equipment"] = _join(lines_el)
    out["rate"] = [f"{r.numerator}/{r.denominator}" for r in rate]
    out["rate_value"] = [float(r) for r in rate]
    out["rate_label"] = [rate_of[t][1] for t in app]
    out["total_cost_yen"] = total
    out["eligible_cost_yen"] = eligible_cost
    out["ineligible_cost_yen"] = total - eligible_cost
    out["subsidy_yen"] = subsidy
    out["bond_yen"] = bond
    out["allocation_tax_yen"] = tax
    out["effective_burden_yen"] = burden
    with np.errstate(invalid="ignore", divide="ignore"):
        out["burden_share"] = np.where(eligible_cost > 0, burden / np.maximum(eligible_cost, 1), np.nan)
    out["own_outlay_yen"] = burden + (total - eligible_cost)
    out["programme"] = rules["programme"]["id"]
    out["row_type"] = "facility"
    progress.update(1.0)
    return out


MONEY = ["total_cost_yen", "eligible_cost_yen", "ineligible_cost_yen", "subsidy_yen", "bond_yen",
         "allocation_tax_yen", "effective_burden_yen", "own_outlay_yen"]


def summarise(per_facility: pd.DataFrame, district_ids=None) -> pd.DataFrame:
    """Summary rows: one per district (when district ids are given; facilities outside any district are left out
    of the district rows) and one for the city. Money columns are sums; counts of facilities and eligible ones."""
    rows = []
    pf = per_facility
    groups = []
    if district_ids is not None:
        d = pd.Series(district_ids, index=pf.index)
        for key in sorted(d.dropna().astype(str).unique()):
            groups.append(("district", key, pf[d.astype(str) == key]))
    groups.append(("city", "city", pf))
    for kind, key, g in groups:
        row = {"row_type": kind, "facility_id": None, "district_id": key if kind == "district" else None,
               "name": ("市全体 / city" if kind == "city" else f"地区 / district {key}"),
               "n_facilities": int(len(g)), "n_eligible": int(g["eligible"].sum()),
               "programme": pf["programme"].iloc[0] if len(pf) else None}
        for c in MONEY:
            row[c] = int(g[c].sum())
        row["burden_share"] = row["effective_burden_yen"] / row["eligible_cost_yen"] if row["eligible_cost_yen"] else np.nan
        rows.append(row)
    return pd.DataFrame(rows)
