"""Subsidy scope (DESIGN.md §6, seed 003): which facilities and equipment a programme funds, and what it costs.

QGIS-free and vectorised over facilities (one pass per equipment item). Every figure comes from a programme rule
file (rules/subsidy/*.json, validated against rules/subsidy/schema.json) and a unit-cost file (rules/unit_costs.json),
both replaceable by the user; a new programme or fiscal year is a new rule file, no code change.

Money is integer yen:
- equipment cost = quantity x yen_per_unit, rounded to the nearest yen (half up);
- subsidy = floor(eligible cost x rate / rounding.subsidy_floor_yen) x subsidy_floor_yen (exact integer arithmetic
  with the rate as a fraction; FY2019 file: floor to 1,000 yen);
- local bond = floor(remainder x coverage) for applicants that can issue it (FY2019: 100 % of the remainder);
- allocation-tax coverage = floor(bond x allocation_tax_share) (FY2019: 50 %);
- effective burden = remainder - allocation-tax coverage (1/8, 1/6, 1/4 of the cost for rates 3/4, 2/3, 1/2).
"""
from __future__ import annotations

import json
import os
from fractions import Fraction

import numpy as np
import pandas as pd

from .columns import as_bool
from .errors import SonaeInputError
from .columns import numeric
from .progress import ensure

from .rules import RULES_DIR, load_rules  # noqa: E402
SUBSIDY_DIR = os.path.join(RULES_DIR, "subsidy")
DEFAULT_RULES = os.path.join(SUBSIDY_DIR, "moe_fy2019_shelter_energy.json")
SCHEMA_PATH = os.path.join(SUBSIDY_DIR, "schema.json")
DEFAULT_UNIT_COSTS = os.path.join(RULES_DIR, "unit_costs.json")

UNIT_COSTS_SCHEMA = {
    "type": "object",
    "required": ["_version", "_source", "items"],
    "properties": {
        "_version": {"type": "string"},
        "_source": {"type": "array", "items": {"type": "string"}},
        "items": {
            "type": "object", "minProperties": 1,
            "additionalProperties": {
                "type": "object",
                "required": ["unit", "quantity_field", "yen_per_unit", "_source"],
                "properties": {"unit": {"type": "string"}, "quantity_field": {"type": "string", "minLength": 1},
                               "yen_per_unit": {"type": "integer", "minimum": 0}, "_source": {"type": "string"},
                               "label_ja": {"type": "string"}, "label_en": {"type": "string"}},
            },
        },
    },
}


# --- loading and validating rule files -------------------------------------------------------------------------

def _read_json(path: str, what_en: str, what_ja: str) -> dict:
    if not path or not os.path.isfile(path):
        raise SonaeInputError(f"{what_en} '{path}' does not exist. Choose an existing JSON file.",
                              f"{what_ja}「{path}」がありません。存在するJSONファイルを選んでください。")
    try:
        with open(path, encoding="utf-8") as fh:
            return json.load(fh)
    except json.JSONDecodeError as exc:
        raise SonaeInputError(f"{what_en} '{path}' is not valid JSON (line {exc.lineno}, column {exc.colno}: "
                              f"{exc.msg}). Fix the syntax.",
                              f"{what_ja}「{path}」はJSONとして読めません（{exc.lineno}行{exc.colno}列）。"
                              "書式を直してください。") from None


def _validate(data: dict, schema: dict, path: str, what_en: str, what_ja: str) -> None:
    import jsonschema
    validator = jsonschema.Draft7Validator(schema)
    errors = sorted(validator.iter_errors(data), key=lambda e: (len(e.absolute_path), list(map(str, e.absolute_path))))
    if not errors:
        return
    err = errors[0]
    key = ".".join(str(p) for p in err.absolute_path) or "(top level)"
    if err.validator == "required":
        missing = [k for k in err.validator_value if isinstance(err.instance, dict) and k not in err.instance]
        if missing:
            key = (key + "." if key != "(top level)" else "") + missing[0]
    raise SonaeInputError(
        f"{what_en} '{os.path.basename(path)}' fails its schema at key '{key}': {err.message}. Correct that key "
        f"({len(errors)} problem(s) in all).",
        f"{what_ja}「{os.path.basename(path)}」のキー「{key}」がスキーマに合いません（値の型・必須項目・範囲）。"
        f"このキーを直してください（問題は全部で{len(errors)}件）。")


def _bad_rule(path: str, key: str, en: str, ja: str):
    return SonaeInputError(f"Rule file '{os.path.basename(path)}', key '{key}': {en}",
                           f"ルールファイル「{os.path.basename(path)}」のキー「{key}」: {ja}")


def load_programme(path: str | None = None) -> dict:
    """A programme rule file, validated against rules/subsidy/schema.json and checked for consistency."""
    path = path or DEFAULT_RULES
    data = _read_json(path, "Subsidy rule file", "補助金ルールファイル")
    with open(SCHEMA_PATH, encoding="utf-8") as fh:
        schema = json.load(fh)
    _validate(data, schema, path, "Subsidy rule file", "補助金ルールファイル")
    types = data["applicant_types"]
    covered = set()
    for i, r in enumerate(data["rates"]):
        for t in r["applicant_types"]:
            if t not in types:
                raise _bad_rule(path, f"rates.{i}.applicant_types", f"unknown applicant type '{t}'. Define it under "
                                "applicant_types or correct the name.",
                                f"申請者区分「{t}」が applicant_types にありません。定義するか名前を直してください。")
            covered.add(t)
        if r["rate"][1] == 0 or r["rate"][0] > r["rate"][1]:
            raise _bad_rule(path, f"rates.{i}.rate", "a rate must be [numerator, denominator] with 0 <= n <= d, d > 0.",
                            "補助率は [分子, 分母]（0 ≤ 分子 ≤ 分母、分母 > 0）で書いてください。")
    for t in types:
        if t not in covered:
            raise _bad_rule(path, f"applicant_types.{t}", "no entry of 'rates' gives this applicant type a rate.",
                            "この申請者区分の補助率が rates にありません。")
    for key in ("coverage_of_remainder", "allocation_tax_share"):
        n, d = data["local_bond"][key]
        if d == 0 or n > d:
            raise _bad_rule(path, f"local_bond.{key}", "must be [n, d] with 0 <= n <= d, d > 0.",
                            "[分子, 分母]（0 ≤ 分子 ≤ 分母、分母 > 0）で書いてください。")
    equipment = data["equipment"]
    for item, spec in equipment.items():
        for req in spec.get("requires_any", []):
            if req not in equipment:
                raise _bad_rule(path, f"equipment.{item}.requires_any", f"unknown equipment '{req}'.",
                                f"設備「{req}」が equipment にありません。")
    for req in data["renewable_equipment"]:
        if req not in equipment:
            raise _bad_rule(path, "renewable_equipment", f"unknown equipment '{req}'.", f"設備「{req}」が equipment にありません。")
    data["_path"] = path
    return data


def load_unit_costs(path: str | None = None) -> dict:
    path = path or DEFAULT_UNIT_COSTS
    data = _read_json(path, "Unit-cost file", "単価ファイル")
    _validate(data, UNIT_COSTS_SCHEMA, path, "Unit-cost file", "単価ファイル")
    data["_path"] = path
    return data


def applicant_types(rules: dict) -> list[str]:
    return list(rules["applicant_types"])


# --- rates and financing ---------------------------------------------------------------------------------------

def check_applicant(rules: dict, applicant_type: str, fiscal_index: float | None, where_en: str = "APPLICANT_TYPE",
                    where_ja: str = "申請者区分") -> None:
    types = rules["applicant_types"]
    if applicant_type not in types:
        known = ", ".join(types)
        raise SonaeInputError(
            f"{where_en}: unknown applicant type '{applicant_type}' for programme {rules['programme']['id']}. "
            f"Use one of: {known}.",
            f"{where_ja}: 申請者区分「{applicant_type}」はこの事業（{rules['programme']['id']}）にありません。"
            f"次のいずれかを指定してください: {known}。")
    lo, hi = rules["fiscal_index_range"]["min"], rules["fiscal_index_range"]["max"]
    if fiscal_index is not None and not (isinstance(fiscal_index, float) and np.isnan(fiscal_index)):
        if not lo <= float(fiscal_index) <= hi:
            raise SonaeInputError(
                f"FISCAL_INDEX: the fiscal capability index {fiscal_index} is outside {lo}-{hi}. Enter the "
                "municipality's 財政力指数 (three-year average, e.g. 0.78).",
                f"FISCAL_INDEX: 財政力指数 {fiscal_index} が {lo}～{hi} の範囲外です。市区町村の財政力指数"
                "（3か年平均、例 0.78）を入力してください。")
    elif types[applicant_type]["fiscal_index_required"]:
        raise SonaeInputError(
            f"FISCAL_INDEX: applicant type '{applicant_type}' needs the fiscal capability index (財政力指数) to "
            "choose the rate. Enter it.",
            f"FISCAL_INDEX: 申請者区分「{applicant_type}」は補助率の判定に財政力指数が必要です。入力してください。")


def rate_for(rules: dict, applicant_type: str, fiscal_index: float | None) -> tuple[Fraction, str]:
    """(rate, label) of the first rate entry matching the applicant type and fiscal index."""
    check_applicant(rules, applicant_type, fiscal_index)
    for r in rules["rates"]:
        if applicant_type not in r["applicant_types"]:
            continue
        fi = None if fiscal_index is None or (isinstance(fiscal_index, float) and np.isnan(fiscal_index)) \
            else float(fiscal_index)
        if "fiscal_index_below" in r and not (fi is not None and fi < r["fiscal_index_below"]):
            continue
        if "fiscal_index_at_least" in r and not (fi is not None and fi >= r["fiscal_index_at_least"]):
            continue
        return Fraction(r["rate"][0], r["rate"][1]), r.get("label_ja", "")
    raise SonaeInputError(
        f"Rule file '{os.path.basename(rules.get('_path', ''))}': no rate entry matches applicant type "
        f"'{applicant_type}' with fiscal index {fiscal_index}. Add the missing range under 'rates'.",
        f"ルールファイル「{os.path.basename(rules.get('_path', ''))}」: 申請者区分「{applicant_type}」・財政力指数"
        f"{fiscal_index} に当てはまる補助率が rates にありません。範囲を追加してください。")


def finance(eligible_cost, rate: Fraction, bond: bool, rules: dict) -> dict:
    """Subsidy, bond, allocation-tax coverage and effective burden (integer yen arrays) for eligible costs."""
    cost = np.asarray(eligible_cost, dtype=np.int64)
    unit = int(rules["rounding"]["subsidy_floor_yen"])
    subsidy = (cost * rate.numerator // rate.denominator) // unit * unit
    remainder = cost - subsidy
    if bond:
        cn, cd = rules["local_bond"]["coverage_of_remainder"]
        tn, td = rules["local_bond"]["allocation_tax_share"]
        bond_yen = remainder * cn // cd
        tax = bond_yen * tn // td
    else:
        bond_yen = np.zeros_like(cost)
        tax = np.zeros_like(cost)
    burden = remainder - tax
    return {"subsidy_yen": subsidy, "bond_yen": bond_yen, "allocation_tax_yen": tax, "effective_burden_yen": burden}


# --- per-facility scope ------------------------------------------------------------------------------------------

def _facility_type_owners() -> dict:
    ft = load_rules("facility_types.json")
    return {r["type"]: r.get("owner") for r in ft["rules"]}


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

    # 1. disaster plan
    plan, plan_known = _bool_col(f, "in_disaster_plan")
    desig = np.zeros(n, bool)
    for c in ("designated_shelter", "emergency_site"):
        v, k = _bool_col(f, c)
        desig |= v & k
    stated_field, stated_known = _bool_col(f, "plan_stated")
    stated = (stated_field & stated_known) | bool(plan_stated)
    in_plan = np.where(plan_known, plan, desig)
    ef = rules["eligible_facility"]
    if ef["require_in_disaster_plan"]:
        with_statement = ~in_plan & stated & bool(ef["allow_stated_plan"])
        note(in_plan & plan_known, "地域防災計画に位置付け済み", "in the regional disaster plan", fail=False)
        note(in_plan & ~plan_known, "指定避難所・指定緊急避難場所（地域防災計画に位置付けとみなす）",
             "designated shelter/emergency site (taken as in the disaster plan)", fail=False)
        note(with_statement, "地域防災計画に未位置付け：申請時に位置付け予定を記述して対象（Q&A）",
             "not yet in the disaster plan: eligible with the planned designation stated at application (Q&A)",
             fail=False)
        note(~in_plan & ~with_statement, "地域防災計画に位置付けがない（申請時に位置付け予定を記述すれば対象）",
             "not in the regional disaster plan (eligible only if the planned designation is stated at application)")
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
    elig_qty = {}
    fit, fit_known = _bool_col(f, "fit")
    cap_total, cap_src = self_consumption_cap_kw(f)
    for item, spec in equipment.items():
        q = qty[item]
        e = q.copy()
        proposed = q > 0
        if not spec["eligible"]:
            e[:] = 0.0
            note(proposed, f"{items[item].get('label_ja', item)}: {spec.get('reason_ja', '対象外')}",
                 f"{item}: {spec.get('reason_en', 'not eligible')}", fail=False)
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
                e = np.where(fit & fit_known, 0.0, e)
                note(proposed & fit & fit_known, "余剰電力にFITを適用するため太陽光は対象外", "PV with FIT for surplus is excluded")
        if "requires_true_field" in spec:
            v, k = _bool_col(f, spec["requires_true_field"])
            lacking = proposed & ~(v & k)
            e = np.where(lacking, 0.0, e)
            note(lacking, f"{items[item].get('label_ja', item)}: {spec.get('reason_ja', '')}",
                 f"{item}: {spec.get('reason_en', '')}", fail=False)
        if "excluded_facility_types" in spec and "facility_type" in f.columns:
            ex = proposed & f["facility_type"].isin(spec["excluded_facility_types"]).to_numpy()
            e = np.where(ex, 0.0, e)
            note(ex, f"{items[item].get('label_ja', item)}: {spec.get('reason_ja', '対象外の施設種別')}",
                 f"{item}: {spec.get('reason_en', 'excluded facility type')}", fail=False)
        elig_qty[item] = e
    renew = np.zeros(n, bool)
    for item in rules["renewable_equipment"]:
        renew |= elig_qty[item] > 0
    for item, spec in equipment.items():
        if spec.get("requires_any"):
            have = np.zeros(n, bool)
            for r in spec["requires_any"]:
                have |= elig_qty[r] > 0
            lacking = (elig_qty[item] > 0) & ~have
            elig_qty[item] = np.where(lacking, 0.0, elig_qty[item])
            note(lacking, f"{items[item].get('label_ja', item)}: {spec.get('reason_ja', '')}",
                 f"{item}: {spec.get('reason_en', '')}", fail=False)
    progress.update(0.6)

    def yen(q, item):
        return np.floor(q * items[item]["yen_per_unit"] + 0.5).astype(np.int64)

    total = np.zeros(n, np.int64)
    eligible_cost = np.zeros(n, np.int64)
    lines_el = []
    out = pd.DataFrame({"facility_id": ids})
    for c in ("name", "facility_type"):
        out[c] = f[c].to_numpy() if c in f.columns else None
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
