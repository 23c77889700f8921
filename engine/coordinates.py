"""Coordinates as Japanese files write them (part of the one parser, engine.parsing): decimal degrees, 度分秒
(``34度23分26.9秒``), ``34°23′26.9″`` / ``34°23'26.9"``, degrees and decimal minutes, ``34 23 26.9``, N/E/S/W
prefixes or suffixes, 北緯/東経/南緯/西経, full-width forms. A hemisphere letter on the wrong axis (E in a latitude
column), minutes or seconds of 60 or more and values outside -90..90 / -180..180 are refused with a reason code.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd

from .parse_common import _DASHES, BLANKS, NumberError

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
        # fast path: plain decimal text ('34.3475') in numpy; only the rest goes through the grammar
        plain = pd.to_numeric(obj.iloc[pos], errors="coerce").to_numpy(dtype=float)
        fast = np.isfinite(plain)
        inside = fast & (np.abs(plain) <= limit)
        out[pos[inside]] = plain[inside]
        outside = pos[fast & ~inside]
        bad[outside] = True
        codes[outside] = "out_of_range"
        pos = pos[~fast]
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
