"""Dates as Japanese inventories write them: ISO, slashes, 年月日 and 和暦 (令和/平成/昭和, R7.3.31, 令和元年).

``parse_date`` returns a ``datetime.date`` or raises ``ValueError`` with a bilingual reason; ``parse_date_column``
parses a whole column and raises :class:`SonaeInputError` naming the first bad row. Impossible dates (2月30日,
平成31年5月1日 — Heisei ended on 30 April 2019 — or 令和元年4月30日) are refused, never rolled over.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata

import numpy as np
import pandas as pd

from .errors import SonaeInputError

# era: (first day, last day or None). Official boundaries (元号法; 平成→令和 on 2019-05-01).
ERAS = {
    "明治": (dt.date(1868, 10, 23), dt.date(1912, 7, 29)),
    "大正": (dt.date(1912, 7, 30), dt.date(1926, 12, 24)),
    "昭和": (dt.date(1926, 12, 25), dt.date(1989, 1, 7)),
    "平成": (dt.date(1989, 1, 8), dt.date(2019, 4, 30)),
    "令和": (dt.date(2019, 5, 1), None),
}
ERA_LETTERS = {"m": "明治", "t": "大正", "s": "昭和", "h": "平成", "r": "令和"}

_ERA_RE = re.compile(r"^(明治|大正|昭和|平成|令和|[mtshr])\s*(元|\d{1,2})\s*(?:年|[./\-])\s*(\d{1,2})\s*(?:月|[./\-])"
                     r"\s*(\d{1,2})\s*日?$", re.IGNORECASE)
_WESTERN_RE = re.compile(r"^(\d{4})\s*(?:年|[./\-])\s*(\d{1,2})\s*(?:月|[./\-])\s*(\d{1,2})\s*日?"
                         r"(?:[ t]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$", re.IGNORECASE)
_COMPACT_RE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")

BLANKS = {"", "nan", "nat", "none", "null", "-", "−", "ー", "―", "なし", "無", "無し"}


def _bad(text, en_reason, ja_reason):
    return ValueError(f"'{text}': {ja_reason} / {en_reason}")


def _make(text, y, m, d) -> dt.date:
    try:
        return dt.date(int(y), int(m), int(d))
    except ValueError:
        raise _bad(text, f"no such date ({y}-{m}-{d})", f"存在しない日付です（{y}年{m}月{d}日）") from None


def parse_date(value) -> dt.date | None:
    """One date. Blank → None. Raises ValueError (bilingual text) when unparseable or impossible."""
    if value is None or value is pd.NaT:
        return None
    if isinstance(value, float) and np.isnan(value):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, pd.Timestamp):
        return value.date()
    text = unicodedata.normalize("NFKC", str(value)).strip()
    if text.lower() in BLANKS:
        return None
    m = _WESTERN_RE.match(text) or _COMPACT_RE.match(text)
    if m:
        return _make(text, *m.groups())
    m = _ERA_RE.match(text)
    if m:
        era, year, month, day = m.groups()
        era = ERA_LETTERS.get(era.lower(), era)
        first, last = ERAS[era]
        n = 1 if year == "元" else int(year)
        if n < 1:
            raise _bad(text, f"{era} year 0 does not exist (the first year is 元年 = 1)",
                       f"{era}0年は存在しません（初年は元年）")
        date = _make(text, first.year + n - 1, month, day)
        if date < first or (last is not None and date > last):
            span = f"{first.isoformat()} – {last.isoformat() if last else ''}"
            raise _bad(text, f"outside the {era} era ({span}); {era} {n} {month}/{day} never existed",
                       f"{era}の期間（{span}）外の日付です")
        return date
    raise _bad(text, "not a date; write 2025-03-31, 2025/3/31, 令和7年3月31日 or R7.3.31",
               "日付として読めません。2025-03-31、2025/3/31、令和7年3月31日、R7.3.31 のように書いてください")


def parse_date_column(values: pd.Series, column_label: str, row_labels: list, file_label: str,
                      required: bool = False) -> pd.Series:
    """Parse a column of dates to an object Series of ``datetime.date``/None.

    Raises SonaeInputError naming the file, column and row of the first bad (or, when required, blank) value.
    """
    out = []
    for value, row in zip(values.tolist(), row_labels):
        try:
            date = parse_date(value)
        except ValueError as exc:
            raise SonaeInputError(
                f"{file_label}, {row}, column '{column_label}': {exc}. Correct the date.",
                f"{file_label} {row}「{column_label}」: {exc}。日付を修正してください。") from None
        if date is None and required:
            raise SonaeInputError(f"{file_label}, {row}: column '{column_label}' is empty. Fill in the date.",
                                  f"{file_label} {row}: 「{column_label}」が空です。日付を入力してください。")
        out.append(date)
    return pd.Series(out, index=values.index, dtype=object)


def fiscal_year(date: dt.date) -> int:
    """Japanese fiscal year (年度, April to March): 2026-03-31 → 2025, 2026-04-01 → 2026."""
    return date.year if date.month >= 4 else date.year - 1


def months_between(start: dt.date, end: dt.date) -> float:
    """Whole and fractional months from start to end (30.4375-day months), negative when end < start."""
    return (end - start).days / 30.4375


def wareki(date: dt.date, with_day: bool = True) -> str:
    """和暦 for printing: 2026-12-01 -> '令和8年12月1日', 2019-05-01 -> '令和元年5月1日' (the inverse of parse_date's
    era branch; the era boundaries of ERAS)."""
    if isinstance(date, dt.datetime):
        date = date.date()
    for era, (first, last) in ERAS.items():
        if date >= first and (last is None or date <= last):
            n = date.year - first.year + 1
            year = "元" if n == 1 else str(n)
            return f"{era}{year}年{date.month}月" + (f"{date.day}日" if with_day else "")
    raise ValueError(f"{date.isoformat()} is before 明治 (1868-10-23) / 明治より前の日付です")
