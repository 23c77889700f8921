"""Numbers, coordinates and dates as Japanese municipal files write them: tolerant in what it reads, strict in
what it refuses. One place for every importer and every numeric field read by the algorithms.

Numbers: full-width digits and punctuation (``０．８５``), thousands separators (``2,041人``, ``1,234``), unit
suffixes of the expected kind (``人`` ``kWh`` ``kW`` ``m2`` ``㎡`` ``L`` ``個``; rules/number_units.json),
approximations (``約100人`` -> 100, flagged so the caller warns), a decimal comma only where it cannot be a
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
from .rules import load_rules

_RULES = load_rules("number_units.json")


def _k(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text).lower())


FAMILIES = {fam: {_k(u): float(f) for u, f in units.items()} for fam, units in _RULES["families"].items()}
ALL_UNITS = {}
for _fam, _units in FAMILIES.items():
    for _u in _units:
        ALL_UNITS.setdefault(_u, _fam)
MULTIPLIERS = {m: float(v) for m, v in _RULES["multipliers"].items()}
BLANKS = {_k(b) for b in _RULES["blank_marks"]}
_APPROX_PRE = sorted((_k(p) for p in _RULES["approximate_prefixes"]), key=len, reverse=True)
_APPROX_SUF = sorted((_k(p) for p in _RULES["approximate_suffixes"]), key=len, reverse=True)

# --- reasons (bilingual, never mixed inside one sentence) ---------------------------------------------------

REASONS = {
    "not_number": ("not a number", "数値として読めません"),
    "range": ("more than one number (a range or a note); write one value", "数値が複数あります（範囲や注記）。1つの値にしてください"),
    "separators": ("digit grouping cannot be read (use 1,234 or 1234.5)", "桁区切りが読めません（1,234 や 1234.5 の形にしてください）"),
    "unit": ("unit not allowed here", "この項目では使えない単位です"),
    "percent": ("a percentage is not expected here; write the value itself", "ここでは百分率は使えません。値そのものを書いてください"),
    "not_finite": ("infinite or undefined value", "無限大または未定義の値です"),
    "double_sign": ("two signs (minus and S/W)", "符号が二重です（マイナスとS/W）"),
    "axis": ("a longitude written in the latitude column or the reverse (N/S vs E/W)", "緯度の列に経度（またはその逆）が書かれています（N/SとE/W）"),
    "minutes": ("minutes or seconds of 60 or more", "分または秒が60以上です"),
    "out_of_range": ("outside -90..90 (latitude) or -180..180 (longitude)", "緯度は-90〜90、経度は-180〜180の範囲外です"),
    "not_coordinate": ("not a coordinate (decimal degrees or 度分秒)", "座標として読めません（10進の度または度分秒）"),
}


def reason_text(code: str) -> tuple[str, str]:
    """(English, Japanese) for a reason code; unit codes look like 'unit:kwh'."""
    base, _, extra = code.partition(":")
    en, ja = REASONS.get(base, REASONS["not_number"])
    if extra:
        en, ja = f"{en} ({extra})", f"{ja}（{extra}）"
    return en, ja


# --- numbers ------------------------------------------------------------------------------------------------

_DASHES = str.maketrans({"−": "-", "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "﹣": "-", "－": "-"})
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


class NumberError(ValueError):
    def __init__(self, text, code):
        en, ja = reason_text(code)
        super().__init__(f"'{text}': {en}")
        self.text, self.code, self.en, self.ja = text, code, en, ja


def parse_number(value, family: str | None = None, percent: str | None = None) -> float | None:
    """One number; None when blank. Raises NumberError (with .en/.ja reasons) when it cannot be read."""
    r = parse_numbers(pd.Series([value], dtype=object), family, percent)
    if r.bad[0]:
        raise NumberError(value, r.codes[0])
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
    naming ``label`` (file or layer), ``field`` and the row; warn (``warn(text)``) about approximate values.
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
    if warn is not None and r.approx.any():
        idx = np.flatnonzero(r.approx)
        shown_en = ", ".join(_row_names(rows, int(i))[0] for i in idx[:5])
        shown_ja = "、".join(_row_names(rows, int(i))[1] for i in idx[:5])
        warn(f"{label}, field '{field}': {len(idx)} approximate value(s) read as written (e.g. '{src[idx[0]]}' -> "
             f"{v[idx[0]]:g}; {shown_en}). / {label}「{field}」: 概数{len(idx)}件を数値として読みました"
             f"（例「{src[idx[0]]}」→{v[idx[0]]:g}、{shown_ja}）。")
    return v


# --- coordinates --------------------------------------------------------------------------------------------

_COORD_MAP = str.maketrans({"º": "°", "˚": "°", "゜": "°", "°": "°", "′": "'", "’": "'", "‘": "'", "´": "'",
                            "`": "'", "″": '"', "”": '"', "“": '"', "〃": '"'})
_HEMI = {"北緯": "N", "南緯": "S", "東経": "E", "西経": "W"}
_DMS_RE = re.compile(r"^(?P<d>\d+(?:\.\d+)?)\s*(?:度|°|d)\s*(?:(?P<m>\d+(?:\.\d+)?)\s*(?:分|'|m)\s*"
                     r"(?:(?P<s>\d+(?:\.\d+)?)\s*(?:秒|\"|''|s)?\s*)?)?$", re.IGNORECASE)
_SEP_RE = re.compile(r"^(?P<d>\d+)[:\s]+(?P<m>\d+(?:\.\d+)?)(?:[:\s]+(?P<s>\d+(?:\.\d+)?))?$")


@lru_cache(maxsize=200_000)
def _coord_one(text: str, axis: str):
    """(value, dms, code): degrees, whether it was written as 度分秒/DM, reason code when bad."""
    t = unicodedata.normalize("NFKC", text.translate(_COORD_MAP)).translate(_DASHES).strip()
    t = t.translate(_COORD_MAP)                  # NFKC turns ″ into ′′
    t = t.replace("''", '"')
    if t.lower() in BLANKS:
        return None, False, ""
    hemi = None
    for word, h in _HEMI.items():
        if t.startswith(word):
            hemi, t = h, t[len(word):].strip()
            break
    if hemi is None and t[:1].upper() in "NSEW" and len(t) > 1 and (t[1].isdigit() or t[1] in " .-+"):
        hemi, t = t[0].upper(), t[1:].strip()
    if hemi is None and t[-1:].upper() in "NSEW" and len(t) > 1 and not t[-2:-1].isalpha():
        hemi, t = t[-1].upper(), t[:-1].strip()
    sign = 1.0
    if t[:1] in "-+":
        sign, t = (-1.0 if t[0] == "-" else 1.0), t[1:].strip()
        if hemi is None and t[:1].upper() in "NSEW" and len(t) > 1 and (t[1].isdigit() or t[1] in " ."):
            hemi, t = t[0].upper(), t[1:].strip()
    if hemi is not None:
        if (hemi in "NS") != (axis == "lat"):
            return None, False, "axis"
        if hemi in "SW":
            if sign < 0:
                return None, False, "double_sign"
            sign = -1.0
    dms = False
    if re.fullmatch(r"\d+(\.\d+)?|\.\d+", t):
        value = float(t)
    else:
        m = _DMS_RE.match(t) or _SEP_RE.match(t)
        if not m:
            return None, False, "not_coordinate"
        d, mi, se = m.group("d"), m.group("m"), m.group("s")
        if (mi is not None and "." in d) or (se is not None and "." in (mi or "")):
            return None, False, "not_coordinate"
        mv, sv = float(mi or 0), float(se or 0)
        if mv >= 60 or sv >= 60:
            return None, False, "minutes"
        value = float(d) + mv / 60.0 + sv / 3600.0
        dms = mi is not None
    value *= sign
    if abs(value) > (90.0 if axis == "lat" else 180.0):
        return None, dms, "out_of_range"
    return value, dms, ""


@dataclass
class Coordinates:
    values: np.ndarray
    blank: np.ndarray
    bad: np.ndarray
    dms: np.ndarray        # written as 度分秒 / degrees-minutes
    codes: np.ndarray


def parse_coordinates(values, axis: str) -> Coordinates:
    """Vectorised: latitude (axis='lat') or longitude ('lon') in decimal degrees from numbers or text."""
    if axis not in ("lat", "lon"):
        raise ValueError(axis)
    s = values if isinstance(values, pd.Series) else pd.Series(list(values), dtype=object)
    n = len(s)
    out = np.full(n, np.nan)
    blank = np.zeros(n, bool)
    bad = np.zeros(n, bool)
    dms = np.zeros(n, bool)
    codes = np.full(n, "", dtype=object)
    limit = 90.0 if axis == "lat" else 180.0
    if n and pd.api.types.is_numeric_dtype(s.dtype) and not pd.api.types.is_bool_dtype(s.dtype):
        arr = s.to_numpy(dtype=float, na_value=np.nan)
        blank = np.isnan(arr)
        bad = ~blank & ~(np.abs(arr) <= limit)
        codes[bad] = "out_of_range"
        return Coordinates(np.where(bad, np.nan, arr), blank, bad, dms, codes)
    obj = s.astype(object)
    missing = obj.isna().to_numpy()
    blank |= missing
    pos = np.flatnonzero(~missing)
    if len(pos):
        texts = obj.iloc[pos].map(str).to_numpy(dtype=object)
        parsed = {u: _coord_one(u, axis) for u in pd.unique(texts)}
        res = [parsed[t] for t in texts]
        out[pos] = np.array([r[0] if r[0] is not None else np.nan for r in res], dtype=float)
        c = np.array([r[2] for r in res], dtype=object)
        none = np.array([r[0] is None for r in res], dtype=bool)
        blank[pos] = none & (c == "")
        bad[pos] = c != ""
        codes[pos] = c
        dms[pos] = np.array([r[1] for r in res], dtype=bool)
    return Coordinates(out, blank, bad, dms, codes)


def parse_coordinate(value, axis: str) -> float | None:
    """One coordinate; None when blank; raises NumberError when unreadable."""
    r = parse_coordinates(pd.Series([value], dtype=object), axis)
    if r.bad[0]:
        raise NumberError(value, r.codes[0])
    return None if r.blank[0] else float(r.values[0])
