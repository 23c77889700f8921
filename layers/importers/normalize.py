"""Small, vectorised text and value normalisation shared by the importers."""
from __future__ import annotations

from ...engine.rules import load_rules
import os
import re
import unicodedata

import numpy as np
import pandas as pd

_RULES_DIR = os.path.join(os.path.dirname(__file__), "..", "..", "rules")

TRUE_MARKS = {"1", "○", "◯", "〇", "有", "true", "yes", "y", "t", "●"}
CONDITIONAL_MARKS = {"△", "▲"}
FALSE_MARKS = {"0", "×", "✕", "無", "false", "no", "n", "f"}
UNKNOWN_MARKS = {"", "−", "-", "ー", "―", "‐", "nan", "none", "null", "-1"}


def nfkc(s: str) -> str:
    return unicodedata.normalize("NFKC", s or "").strip()


def _by_unique(values: pd.Series, fn) -> pd.Series:
    """``fn`` applied once per distinct value (flag and code columns repeat a handful of values)."""
    s = values.fillna("")
    arr = s.to_numpy(dtype=object)
    table = {u: fn(u if isinstance(u, str) else str(u)) for u in pd.unique(arr)}
    return pd.Series([table[v] for v in arr], index=s.index, dtype=object)


def nfkc_series(values: pd.Series) -> pd.Series:
    """NFKC + strip of a text column, computed once per distinct value."""
    return _by_unique(values, nfkc)


_SPACES = re.compile(r"\s+")
_PLACE_DASHES = re.compile(r"[‐‑‒–—―ー−－]")


def _place_key_one(text: str) -> str:
    return _PLACE_DASHES.sub("-", _SPACES.sub("", nfkc(text)))


def place_key_normalised(text: pd.Series) -> pd.Series:
    """place_key of text that is already NFKC (the importer's name/address columns): spaces out, dashes unified."""
    return _by_unique(text, lambda t: _PLACE_DASHES.sub("-", _SPACES.sub("", t)))


def column_key(name: str) -> str:
    """How columns are compared: NFKC, lower case, no spaces or BOM."""
    return re.sub(r"\s+", "", nfkc(name).lower().replace("\ufeff", ""))


def map_headers(columns, spec: dict) -> dict:
    """{canonical name: the file's column} for each canonical name of ``spec`` ({name: [aliases]}) whose first
    matching alias (compared with :func:`column_key`) is among ``columns``."""
    keys = {column_key(c): c for c in columns}
    found = {}
    for canon, aliases in spec.items():
        for alias in aliases:
            c = keys.get(column_key(alias))
            if c is not None:
                found[canon] = c
                break
    return found


def place_key(text: pd.Series) -> pd.Series:
    """Name/address key for matching the same place across files: NFKC, no spaces, unified dashes."""
    return _by_unique(text, _place_key_one)


def parse_flags(values: pd.Series, style: str) -> tuple[pd.Series, pd.Series]:
    """Return (designated, conditional) as object Series of True/False/None.

    gsi: "1" designated, "" not designated. mark: ○ yes, △ conditional (counts as designated, with conditions),
    × no, −/blank unknown. ksj: 1 yes, 0 no.
    """
    v = nfkc_series(values).str.lower()
    designated = pd.Series([None] * len(v), index=v.index, dtype=object)
    is_true = v.isin(TRUE_MARKS)
    is_cond = v.isin(CONDITIONAL_MARKS)
    is_false = v.isin(FALSE_MARKS)
    if style == "gsi":
        is_false = is_false | (v == "")
    designated[is_true | is_cond] = True
    designated[is_false] = False
    return designated, pd.Series(is_cond.values, index=v.index)


_TYPE_RULES = None


def facility_type_rules() -> dict:
    global _TYPE_RULES
    if _TYPE_RULES is None:
        _TYPE_RULES = load_rules("facility_types.json")
    return _TYPE_RULES


def classify_facility_types(names: pd.Series) -> tuple[pd.Series, pd.Series]:
    """(facility_type, default owner) from the name, by the keyword rules in rules/facility_types.json."""
    rules = facility_type_rules()
    n = nfkc_series(names)
    ftype = pd.Series(rules["default"]["type"], index=n.index, dtype=object)
    owner = pd.Series(rules["default"]["owner"], index=n.index, dtype=object)
    decided = np.zeros(len(n), dtype=bool)
    for rule in rules["rules"]:
        # a keyword anywhere in the name, or a suffix at its end (a station is a name ending in 駅; 駅 inside a
        # name is usually an address such as 高松駅西): the same reading as engine.district_types
        parts = [re.escape(k) for k in rule.get("keywords", [])] + \
            [re.escape(k) + r"\s*$" for k in rule.get("suffixes", [])]
        hit = n.str.contains("|".join(parts), regex=True).fillna(False).to_numpy(bool) & ~decided
        ftype[hit] = rule["type"]
        owner[hit] = rule["owner"]
        decided |= hit
    return ftype, owner


def jis_check_digit(code5: str) -> str:
    """JIS X 0402 six-digit municipality code from the five-digit one (check digit)."""
    digits = [int(c) for c in code5]
    total = sum(d * w for d, w in zip(digits, (6, 5, 4, 3, 2)))
    return code5 + str((11 - total % 11) % 10)
