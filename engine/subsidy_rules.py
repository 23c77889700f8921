"""Subsidy programme rule files: loading, schema validation, applicant types, rates and financing.

Split out of engine/subsidy.py (issue 13). Money is integer yen:
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

from .errors import SonaeInputError

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


