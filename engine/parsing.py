"""Numbers, coordinates and dates as Japanese municipal files write them: tolerant in what it reads, strict in
what it refuses. One place for every importer and every numeric field read by the algorithms.

Numbers: full-width digits and punctuation (``０．８５``), thousands separators (``2,041人``, ``1,234``), unit
suffixes of the expected kind (``人`` ``kWh`` ``kW`` ``m2`` ``㎡`` ``L`` ``個``; rules/number_units.json),
approximations (``約100人`` -> 100, flagged: read with a warning where the caller passes ``warn``,
refused where nobody would be told), a decimal comma only where it cannot be a
thousands separator (``0,85`` ``1,5``; ``1,234`` is one thousand two hundred and thirty-four as Japanese tables
write it), negative forms (``-5`` ``−5`` ``▲5`` ``△5``), 万/億 multipliers, blank marks (``-`` ``不明``) -> missing.
Anything else (``多数``, ``100~200``, ``なし``, ``12.5kWh`` in a kW field) is *refused*, never 0.

Coordinates: decimal degrees, 度分秒 (``34度23分26.9秒``), ``34°23′26.9″`` / ``34°23'26.9"``, degrees and decimal
minutes, ``34 23 26.9``, N/E/S/W prefixes or suffixes, 北緯/東経/南緯/西経, full-width forms.

Dates live in :mod:`engine.dates` (re-exported here): one parser for the whole plugin.

The vectorised functions take a pandas Series (or anything list-like) and return arrays; plain numeric input
takes a fast path, text is parsed once per distinct value (100k rows of a few hundred distinct texts: ms).
``require_numbers`` / ``require_coordinates`` raise :class:`SonaeInputError` naming the file/layer, the field,
the row and the fix in Japanese and English.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd

from .dates import (month_end, parse_date, parse_date_column, parse_dates,  # noqa: F401 (re-exported)
                    DateError)
from .errors import SonaeInputError
from .parse_common import _DASHES, BLANKS, REASONS, NumberError, _k, reason_text  # noqa: F401 (re-exported)
from .rules import load_rules

_RULES = load_rules("number_units.json")


FAMILIES = {fam: {_k(u): float(f) for u, f in units.items()} for fam, units in _RULES["families"].items()}
ALL_UNITS = {}
for _fam, _units in FAMILIES.items():
    for _u in _units:
        ALL_UNITS.setdefault(_u, _fam)
MULTIPLIERS = {m: float(v) for m, v in _RULES["multipliers"].items()}
_APPROX_PRE = sorted((_k(p) for p in _RULES["approximate_prefixes"]), key=len, reverse=True)
_APPROX_SUF = sorted((_k(p) for p in _RULES["approximate_suffixes"]), key=len, reverse=True)

# --- numbers ------------------------------------------------------------------------------------------------

_PLAIN = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)")        # '238', '-1.7', '34.3475': no grammar needed
_NUM_RE = re.compile(
    r"^(?P<sign>[-+▲△])?\s*(?P<body>\d[\d,.]*\d|\d|\.\d+)(?P<exp>e[-+]?\d+)?\s*(?P<mult>万|億)?\s*(?P<unit>.*?)$",
    re.IGNORECASE)


def _normalise(text: str) -> str:
    return unicodedata.normalize("NFKC", text).translate(_DASHES).strip()


def _body_value(body: str):
    """Float from the digits part, deciding the role of ',' and '.'; None when ambiguous or malformed."""
    if "," not in body:
        if body.count(".") > 1:
            return None
        return float(body)
    if "." not in body:
        if re.fullmatch(r"[1-9]\d{0,2}(,\d{3})+", body):
            return float(body.replace(",", ""))              # 1,234 / 12,345,678 (thousands, as Japan writes)
        if body.count(",") == 1:
            return float(body.replace(",", "."))             # 0,85 / 1,5 / 0,850 / 1234,5 (decimal comma)
        return None
    if re.fullmatch(r"[1-9]\d{0,2}(,\d{3})+\.\d+", body):
        return float(body.replace(",", ""))                  # 1,234.5
    if re.fullmatch(r"[1-9]\d{0,2}(\.\d{3})+,\d+", body):
        return float(body.replace(".", "").replace(",", "."))  # 1.234,5
    return None


@lru_cache(maxsize=200_000)
def _parse_one(text: str, family: str | None, percent: str | None):
    """(value, approx, unit, code) for one text; value None = blank when code == '', bad otherwise."""
    if _PLAIN.fullmatch(text):
        return float(text), False, "", ""
    t = _normalise(text)
    k = re.sub(r"\s+", "", t.lower())
    if k in BLANKS:
        return None, False, "", ""
    approx = False
    for p in _APPROX_PRE:
        if k.startswith(p) and len(k) > len(p) and (k[len(p)].isdigit() or k[len(p)] in "-+.▲△"):
            approx, k = True, k[len(p):]
            break
    for s in _APPROX_SUF:
        if k.endswith(s) and len(k) > len(s):
            approx, k = True, k[: -len(s)]
            break
    m = _NUM_RE.match(k)
    if not m:
        return None, approx, "", "not_number"
    unit = m.group("unit")
    if re.search(r"\d", unit) and unit not in ALL_UNITS:
        return None, approx, unit, "range"
    value = _body_value(m.group("body"))
    if value is None:
        return None, approx, unit, "separators"
    if m.group("exp"):
        value = value * 10.0 ** int(m.group("exp")[1:])
    if m.group("mult"):
        value *= MULTIPLIERS[m.group("mult")]
    if m.group("sign") in ("-", "▲", "△"):
        value = -value
    if unit in ("%", "％", "パーセント"):
        if percent == "fraction":
            return value / 100.0, approx, "%", ""
        if percent == "number":
            return value, approx, "%", ""
        return None, approx, "%", "percent"
    if unit:
        if family is not None:
            factor = FAMILIES.get(family, {}).get(unit)
            if factor is None:
                return None, approx, unit, f"unit:{unit}"
            value *= factor
        elif unit not in ALL_UNITS:
            return None, approx, unit, f"unit:{unit}"
    if not np.isfinite(value):
        return None, approx, unit, "not_finite"
    return value, approx, unit, ""


@dataclass
class Numbers:
    values: np.ndarray      # float; NaN where blank or bad
    blank: np.ndarray       # bool: missing (empty, '-', 不明 ...)
    bad: np.ndarray         # bool: written but not readable -> refuse
    approx: np.ndarray      # bool: 約100 and the like (read; warn)
    units: np.ndarray       # object: unit written in the cell ('' when none)
    codes: np.ndarray       # object: reason code where bad

    @property
    def first_bad(self) -> int | None:
        idx = np.flatnonzero(self.bad)
        return int(idx[0]) if len(idx) else None


def parse_numbers(values, family: str | None = None, percent: str | None = None) -> Numbers:
    """Vectorised: numbers from numbers or text (see the module doc).

    family: a unit family of rules/number_units.json; a unit of another family is refused, units of the family
    are converted to its base unit (500Wh -> 0.5 in energy_kwh). None accepts any listed unit without conversion.
    percent: None refuses '85%', 'fraction' reads it as 0.85, 'number' as 85.
    """
    s = values if isinstance(values, pd.Series) else pd.Series(list(values) if not np.isscalar(values) else [values],
                                                                dtype=object)
    n = len(s)
    out = np.full(n, np.nan)
    blank = np.zeros(n, bool)
    bad = np.zeros(n, bool)
    approx = np.zeros(n, bool)
    units = np.full(n, "", dtype=object)
    codes = np.full(n, "", dtype=object)
    if n == 0:
        return Numbers(out, blank, bad, approx, units, codes)
    if pd.api.types.is_bool_dtype(s.dtype):
        s = s.astype(object)
    if pd.api.types.is_numeric_dtype(s.dtype):
        arr = s.to_numpy(dtype=float, na_value=np.nan)
        blank = np.isnan(arr)
        bad = np.isinf(arr)
        codes[bad] = "not_finite"
        out = np.where(bad, np.nan, arr)
        return Numbers(out, blank, bad, approx, units, codes)
    obj = s.astype(object)
    missing = obj.isna().to_numpy()
    is_bool = np.array([isinstance(v, (bool, np.bool_)) for v in obj.to_numpy()], dtype=bool) if n else missing
    is_num = np.array([isinstance(v, (int, float, np.integer, np.floating)) for v in obj.to_numpy()], dtype=bool)
    is_num &= ~is_bool & ~missing
    blank |= missing
    if is_num.any():
        arr = obj[is_num].to_numpy(dtype=float)
        out[is_num] = np.where(np.isfinite(arr), arr, np.nan)
        inf = np.isinf(arr)
        bad[np.flatnonzero(is_num)[inf]] = True
        codes[np.flatnonzero(is_num)[inf]] = "not_finite"
    text_mask = ~missing & ~is_num
    if text_mask.any():

        texts = obj[text_mask].map(str)
        uniq = pd.unique(texts.to_numpy(dtype=object))
        parsed = {u: _parse_one(u, family, percent) for u in uniq}
        pos = np.flatnonzero(text_mask)
        res = [parsed[t] for t in texts.to_numpy(dtype=object)]
        vals = np.array([r[0] if r[0] is not None else np.nan for r in res], dtype=float)
        out[pos] = vals
        c = np.array([r[3] for r in res], dtype=object)
        none = np.array([r[0] is None for r in res], dtype=bool)
        blank[pos] = none & (c == "")
        bad[pos] = c != ""
        codes[pos] = c
        approx[pos] = np.array([r[1] for r in res], dtype=bool) & (c == "")
        units[pos] = np.array([r[2] for r in res], dtype=object)
    return Numbers(out, blank, bad, approx, units, codes)


def parse_number(value, family: str | None = None, percent: str | None = None,
                 approx_ok: bool = False) -> float | None:
    """One number; None when blank. Raises NumberError (with .en/.ja reasons) when it cannot be read, and for an
    approximation (約100) unless ``approx_ok`` (the caller then tells the user it read one)."""
    r = parse_numbers(pd.Series([value], dtype=object), family, percent)
    if r.bad[0]:
        raise NumberError(value, r.codes[0])
    if r.approx[0] and not approx_ok:
        raise NumberError(value, "approximate")
    return None if r.blank[0] else float(r.values[0])


def family_for_field(field: str) -> str | None:
    """The unit family a canonical field name implies (battery_kwh -> energy_kwh), from rules/number_units.json."""
    f = (field or "").lower()
    for pattern, family in _RULES["field_suffixes"]:
        if (pattern.startswith("_") and f.endswith(pattern)) or (not pattern.startswith("_") and pattern in f):
            return family
    return None


def _row_names(rows, i: int) -> tuple[str, str]:
    """(en, ja) label of row i: rows may be None (1-based 'row N'), a list of labels or of (en, ja) pairs."""
    if rows is None:
        return f"row {i + 1}", f"{i + 1}行目"
    if callable(rows):
        return rows(i)
    r = rows[i]
    if isinstance(r, tuple):
        return r
    return str(r), row_label_ja(str(r))


def row_label_ja(label: str) -> str:
    """'line 5' -> '5行目', "sheet 'X' row 5" -> 'シート「X」5行目', 'feature 3' -> '3番目の地物'; else unchanged."""
    m = re.fullmatch(r"(?:line|row) (\d+)", label)
    if m:
        return f"{m.group(1)}行目"
    m = re.fullmatch(r"sheet '(.*)' row (\d+)", label)
    if m:
        return f"シート「{m.group(1)}」{m.group(2)}行目"
    m = re.fullmatch(r"feature (\d+)", label)
    if m:
        return f"{m.group(1)}番目の地物"
    return label


def require_numbers(values, field: str, label: str, rows=None, family: str | None = "auto",
                    percent: str | None = None, required: bool = False, minimum: float | None = None,
                    maximum: float | None = None, warn=None) -> np.ndarray:
    """Parse a column; refuse (SonaeInputError) the first unreadable, missing-when-required or out-of-range value
    naming ``label`` (file or layer), ``field`` and the row. Approximate values (約100人) are read and reported
    through ``warn(text)``; without ``warn`` they are refused (no silent approximation).
    Returns float values with NaN for blanks. ``family='auto'`` infers the unit family from the field name.
    """
    if family == "auto":
        family = family_for_field(field)
    r = parse_numbers(values, family, percent)
    src = values.tolist() if isinstance(values, pd.Series) else list(values)
    n_bad = int(r.bad.sum())
    if n_bad:
        i = r.first_bad
        en_reason, ja_reason = reason_text(r.codes[i])
        row_en, row_ja = _row_names(rows, i)
        more_en = f" ({n_bad} such rows in all)" if n_bad > 1 else ""
        more_ja = f"（同様の行は計{n_bad}行）" if n_bad > 1 else ""
        raise SonaeInputError(
            f"{label}, {row_en}, field '{field}': value '{src[i]}' cannot be read: {en_reason}.{more_en} Write a plain "
            "number (e.g. 1234 or 0.85) or leave it empty if unknown.",
            f"{label} {row_ja}「{field}」: 値「{src[i]}」を読めません。{ja_reason}。{more_ja}数値（例: 1234、0.85）を"
            "入力するか、不明なら空欄にしてください。")
    if required and r.blank.any():
        i = int(np.flatnonzero(r.blank)[0])
        row_en, row_ja = _row_names(rows, i)
        raise SonaeInputError(f"{label}, {row_en}: field '{field}' is empty. Fill in the value.",
                              f"{label} {row_ja}:「{field}」が空です。値を入力してください。")
    v = r.values
    for limit, cmp, en_word, ja_word in ((minimum, np.less, "below the minimum", "下限"),
                                         (maximum, np.greater, "above the maximum", "上限")):
        if limit is None:
            continue
        with np.errstate(invalid="ignore"):
            out = np.flatnonzero(cmp(v, limit))
        if len(out):
            i = int(out[0])
            row_en, row_ja = _row_names(rows, i)
            raise SonaeInputError(
                f"{label}, {row_en}, field '{field}': {v[i]:g} is {en_word} {limit:g}. Correct the value.",
                f"{label} {row_ja}「{field}」: {v[i]:g} は{ja_word}（{limit:g}）を超えています。値を修正してください。")
    if warn is None and r.approx.any():
        # nobody would be told that 約100人 was read as 100: refuse rather than approximate silently
        i = int(np.flatnonzero(r.approx)[0])
        row_en, row_ja = _row_names(rows, i)
        en_reason, ja_reason = reason_text("approximate")
        raise SonaeInputError(
            f"{label}, {row_en}, field '{field}': value '{src[i]}' is {en_reason}. Write the number itself "
            f"(e.g. {v[i]:g}).",
            f"{label} {row_ja}「{field}」: 値「{src[i]}」は{ja_reason}。数値そのもの（例: {v[i]:g}）を入力してください。")
    if warn is not None and r.approx.any():
        idx = np.flatnonzero(r.approx)
        shown_en = ", ".join(_row_names(rows, int(i))[0] for i in idx[:5])
        shown_ja = "、".join(_row_names(rows, int(i))[1] for i in idx[:5])
        warn(f"{label}, field '{field}': {len(idx)} approximate value(s) read as written (e.g. '{src[idx[0]]}' -> "
             f"{v[idx[0]]:g}; {shown_en}). / {label}「{field}」: 概数{len(idx)}件を数値として読みました"
             f"（例「{src[idx[0]]}」→{v[idx[0]]:g}、{shown_ja}）。")
    return v


# Coordinates (decimal degrees, 度分秒, ° ′ ″, N/E, 北緯/東経) live in engine.coordinates; re-exported here so
# importers have one module to import.
from .coordinates import Coordinates, parse_coordinate, parse_coordinates  # noqa: E402,F401
