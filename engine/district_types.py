"""District types and measures of seed 004 (rules/district_types.json): classification of a candidate district.

A district gets the first of the seed's types 1-10 (表5.1 order) whose conditions on the member facility types all
hold (conditions: types_any (with min, share_min) / types_none / members_min / members_max / distinct_types_min / public_members_min /
public_share_min / has_chargers), else the fallback 'unclassified'. 表5.12 (energy-saving behaviour) and 表5.13
(study committee) are measures, attached to the city and to districts where their ``district_when`` holds.
Split out of engine/districts.py (issue 13).
"""
from __future__ import annotations

import json
import os

import numpy as np
import pandas as pd

from .errors import SonaeInputError
from .rules import RULES_DIR, load_rules


def _unwrap(v):
    return v["value"] if isinstance(v, dict) and "value" in v else v


def load_district_rules(path: str | None = None) -> dict:
    path = path or os.path.join(RULES_DIR, "district_types.json")
    with open(path, encoding="utf-8") as fh:
        raw = json.load(fh)
    if "fallback" not in raw or "measures" not in raw:
        raise SonaeInputError(f"District rule file '{path}' has no 'fallback' or 'measures' (rules/district_types.json "
                              "of issue 13 or later).",
                              f"地区ルールファイル「{path}」に fallback または measures がありません。")
    missing = [t for t in raw["priority"] if t not in raw["types"]]
    if missing or set(raw["types"]) - set(raw["priority"]):
        raise SonaeInputError(f"rules/district_types.json: 'priority' and 'types' must list the same types "
                              f"(differ in {missing or sorted(set(raw['types']) - set(raw['priority']))}).",
                              "rules/district_types.json: priority と types の型が一致しません。")
    out = {k: _unwrap(v) for k, v in raw.items()}
    out["_sources"] = {k: v["_source"] for k, v in raw.items() if isinstance(v, dict) and "_source" in v}
    return out


def facility_type_rules() -> dict:
    return load_rules("facility_types.json")


def type_from_text(values, ft_rules: dict | None = None) -> np.ndarray:
    """A facility type for free-text classes (buildings / land use): a known type as is, else the first keyword
    rule of rules/facility_types.json that matches (NFKC; a keyword anywhere in the name, or a suffix at its end),
    else the default type."""
    import unicodedata
    ft = ft_rules or facility_type_rules()
    known = {r["type"] for r in ft["rules"]}
    out = []
    for v in values:
        s = "" if v is None or (isinstance(v, float) and np.isnan(v)) else unicodedata.normalize("NFKC", str(v))
        if s in known:
            out.append(s)
            continue
        hit = next((r["type"] for r in ft["rules"] if any(k in s for k in r["keywords"])
                    or any(s.endswith(x) for x in r.get("suffixes", []))), None)
        out.append(hit or ft["default"]["type"])
    return np.array(out, dtype=object)


def public_mask(facility_type, owner, ft_rules: dict | None = None) -> np.ndarray:
    """Public when owner == 'public', or owner missing and the type's default owner is public."""
    ft = ft_rules or facility_type_rules()
    default = {r["type"]: r.get("owner") for r in ft["rules"]}
    return np.array([(o == "public") if o in ("public", "private") else default.get(t) == "public"
                     for t, o in zip(facility_type, owner)], dtype=bool)


# --- classification -----------------------------------------------------------------------------------------

def _holds(cond: dict, counts: dict, n_members: int, n_public: int, has_chargers: bool) -> bool:
    if "types_any" in cond:
        hit = sum(counts.get(t, 0) for t in cond["types_any"])
        total = sum(counts.values())
        share_ok = "share_min" not in cond or (total > 0 and hit / total >= cond["share_min"])
        return hit >= cond.get("min", 1) and share_ok
    if "members_max" in cond:
        return n_members <= cond["members_max"]
    if "types_none" in cond:
        return sum(counts.get(t, 0) for t in cond["types_none"]) == 0
    if "members_min" in cond:
        return n_members >= cond["members_min"]
    if "distinct_types_min" in cond:
        return len([t for t, c in counts.items() if c > 0]) >= cond["distinct_types_min"]
    if "public_members_min" in cond:
        return n_public >= cond["public_members_min"]
    if "public_share_min" in cond:
        return n_members > 0 and n_public / n_members >= cond["public_share_min"]
    if "has_chargers" in cond:
        return bool(has_chargers) == bool(cond["has_chargers"])
    raise SonaeInputError(f"rules/district_types.json: unknown condition {cond}.",
                          f"rules/district_types.json: 不明な条件 {cond} です。")


def classify(counts: dict, n_members: int, n_public: int, has_chargers: bool, rules: dict) -> tuple[str, list]:
    """(primary type id, [all matching type ids in priority order]); the fallback id when no type holds."""
    matches = [t for t in rules["priority"]
               if all(_holds(c, counts, n_members, n_public, has_chargers) for c in rules["types"][t]["conditions"])]
    return (matches[0] if matches else rules["fallback"]["id"]), matches


def type_spec(type_id: str, rules: dict) -> dict:
    return rules["fallback"] if type_id == rules["fallback"]["id"] else rules["types"][type_id]


def district_measures(type_id: str, counts: dict, rules: dict) -> list[str]:
    """Measure ids (rules/district_types.json measures) recommended for one district."""
    out = []
    for mid, spec in rules["measures"].items():
        if mid.startswith("_"):
            continue
        when = spec.get("district_when", {})
        if when.get("unclassified") and type_id == rules["fallback"]["id"]:
            out.append(mid)
        elif "types_any" in when and sum(counts.get(t, 0) for t in when["types_any"]) >= when.get("min", 1):
            out.append(mid)
    return out


def city_measures(district_measure_lists, district_ids, rules: dict) -> pd.DataFrame:
    """The city-level table of recommended measures: one row per measure, with the districts it is attached to."""
    rows = []
    for mid, spec in rules["measures"].items():
        if mid.startswith("_"):
            continue
        ds = [d for d, ms in zip(district_ids, district_measure_lists) if mid in ms]
        rows.append({"measure_id": mid, "measure_no": int(spec["no"]), "table": spec["table"],
                     "name_ja": spec["name_ja"], "name_en": spec["name_en"], "scope": "city",
                     "n_districts": len(ds), "district_ids": ", ".join(ds), "purpose_ja": spec["purpose_ja"],
                     "role_ja": spec["role_ja"], "investment_ja": spec["investment_ja"], "source": spec["_source"]})
    return pd.DataFrame(rows)


