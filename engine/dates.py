"""Dates as Japanese inventories write them: ISO, slashes, 年月日 and 和暦 (令和/平成/昭和, R7.3.31, 令7.3.31,
H.31.4.30, 令和元年), weekday suffixes ((月), （火）, checked), month-only expiry (2029年3月, R11.3 = end of month).

``parse_date`` returns a ``datetime.date`` or raises ``DateError`` (a ValueError) with .en/.ja reasons; ``parse_date_column``
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
ERA_LETTERS = {"m": "明治", "t": "大正", "s": "昭和", "h": "平成", "r": "令和",
               "明": "明治", "大": "大正", "昭": "昭和", "平": "平成", "令": "令和"}
_ERA = r"(明治|大正|昭和|平成|令和|[明大昭平令]|[mtshr])\.?"
_ERA_RE = re.compile(_ERA + r"\s*(元|\d{1,2})\s*(?:年|[./\-])\s*(\d{1,2})\s*(?:月|[./\-])\s*(\d{1,2})\s*日?$",
                     re.IGNORECASE)
_ERA_MONTH_RE = re.compile(_ERA + r"\s*(元|\d{1,2})\s*(?:年|[./\-])\s*(\d{1,2})\s*月?$", re.IGNORECASE)
_WESTERN_RE = re.compile(r"^(\d{4})\s*(?:年|[./\-])\s*(\d{1,2})\s*(?:月|[./\-])\s*(\d{1,2})\s*日?"
                         r"(?:[ t]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$", re.IGNORECASE)
_WESTERN_MONTH_RE = re.compile(r"^(\d{4})\s*(?:年|[./\-])\s*(\d{1,2})\s*月?$")
_COMPACT_RE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_WEEKDAYS_JA = "月火水木金土日"
_WEEKDAYS_EN = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_WEEKDAY_RE = re.compile(r"\s*\(\s*(?:([月火水木金土日])(?:曜日?)?|(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?)\s*\)\s*",
                         re.IGNORECASE)

BLANKS = {"", "nan", "nat", "none", "null", "-", "−", "ー", "―", "なし", "無", "無し"}
MONTH_ONLY = (None, "end", "start")


class DateError(ValueError):
    """An unreadable or impossible date. ``en`` and ``ja`` hold the reason in one language each."""

    def __init__(self, text, en_reason, ja_reason):
        super().__init__(f"'{text}': {en_reason}")
        self.text, self.en, self.ja = text, f"'{text}': {en_reason}", f"「{text}」: {ja_reason}"


def _bad(text, en_reason, ja_reason):
    return DateError(text, en_reason, ja_reason)


def _make(text, y, m, d) -> dt.date:
    try:
        return dt.date(int(y), int(m), int(d))
    except ValueError:
        raise _bad(text, f"no such date ({y}-{m}-{d})", f"存在しない日付です（{y}年{m}月{d}日）") from None


def month_end(year: int, month: int) -> dt.date:
    """Last day of a month (expiry printed as 年月 only means the end of that month)."""
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)


def _month(text, y, m, month_only) -> dt.date:
    y, m = int(y), int(m)
    if not 1 <= m <= 12:
        raise _bad(text, f"no such month ({m})", f"存在しない月です（{m}月）")
    if month_only is None:
        raise _bad(text, "a month without a day; write the full date (e.g. 2029-03-31)",
                   "日がありません。年月日で書いてください（例: 2029-03-31）")
    return month_end(y, m) if month_only == "end" else dt.date(y, m, 1)


def _era_year(text, era, year) -> tuple[str, int, tuple]:
    era = ERA_LETTERS.get(era.lower(), era)
    first, last = ERAS[era]
    n = 1 if year == "元" else int(year)
    if n < 1:
        raise _bad(text, f"{era} year 0 does not exist (the first year is 元年 = 1)",
                   f"{era}0年は存在しません（初年は元年）")
    return era, first.year + n - 1, (first, last, n)


def _check_era(text, era, date, span_info, month_only=False):
    first, last, n = span_info
    lo = first.replace(day=1) if month_only else first
    if date < lo or (last is not None and (date.replace(day=1) if month_only else date) > last):
        span = f"{first.isoformat()} – {last.isoformat() if last else ''}"
        raise _bad(text, f"outside the {era} era ({span}); {era} {n} never had this date",
                   f"{era}の期間（{span}）外の日付です")


def _strip_weekday(text):
    """(text without a weekday suffix such as (月) / （火） / (Mon), weekday index 0-6 or None)."""
    m = _WEEKDAY_RE.search(text)
    if not m:
        return text, None
    wd = _WEEKDAYS_JA.index(m.group(1)) if m.group(1) else _WEEKDAYS_EN.index(m.group(2).lower()[:3])
    return (text[:m.start()] + " " + text[m.end():]).strip(), wd


def parse_date(value, month_only: str | None = None) -> dt.date | None:
    """One date. Blank -> None. Raises DateError (bilingual .en/.ja) when unparseable or impossible.

    month_only: a month without a day (2029年3月, 2029/03, R11.3) is refused (None), read as the last day of the
    month ('end': expiry dates printed as 年月) or as the first day ('start').
    A weekday suffix ((月), （火）, (Mon)) is checked against the date.
    """
    if month_only not in MONTH_ONLY:
        raise ValueError(month_only)
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
    body, weekday = _strip_weekday(text)
    date = _parse_text(text, body, month_only)
    if weekday is not None and date.weekday() != weekday:
        actual = _WEEKDAYS_JA[date.weekday()]
        raise _bad(text, f"the weekday does not match: {date.isoformat()} is a {date.strftime('%A')}",
                   f"曜日が合いません（{date.isoformat()} は{actual}曜日）")
    return date


def _parse_text(text, body, month_only):
    m = _WESTERN_RE.match(body) or _COMPACT_RE.match(body)
    if m:
        return _make(text, *m.groups())
    m = _ERA_RE.match(body)
    if m:
        era, year, month, day = m.groups()
        era, y, info = _era_year(text, era, year)
        date = _make(text, y, month, day)
        _check_era(text, era, date, info)
        return date
    m = _WESTERN_MONTH_RE.match(body)
    if m:
        return _month(text, m.group(1), m.group(2), month_only)
    m = _ERA_MONTH_RE.match(body)
    if m:
        era, year, month = m.groups()
        era, y, info = _era_year(text, era, year)
        date = _month(text, y, month, month_only)
        _check_era(text, era, date, info, month_only=True)
        return date
    if re.fullmatch(r"\d{5}(\.\d+)?", body):
        raise _bad(text, "looks like an Excel date serial number; format the cell as a date (yyyy/mm/dd) and export "
                   "again", "Excelの日付シリアル値のようです。セルを日付（yyyy/mm/dd）の書式にして書き出し直してください")
    raise _bad(text, "not a date; write 2025-03-31, 2025/3/31, 令和7年3月31日 or R7.3.31",
               "日付として読めません。2025-03-31、2025/3/31、令和7年3月31日、R7.3.31 のように書いてください")


def parse_dates(values, month_only: str | None = None):
    """Vectorised: (object array of date/None, bad mask, {index: DateError}) parsing each distinct value once."""
    s = values if isinstance(values, pd.Series) else pd.Series(list(values), dtype=object)
    objs = s.astype(object).tolist()
    cache, out, errors = {}, [], {}
    bad = np.zeros(len(objs), bool)
    for i, v in enumerate(objs):
        k = (type(v), v) if not (isinstance(v, float) and np.isnan(v)) else ("nan",)
        try:
            hit = cache.get(k)
        except TypeError:
            hit, k = None, None
        if hit is None:
            try:
                hit = ("ok", parse_date(v, month_only))
            except DateError as exc:
                hit = ("bad", exc)
            if k is not None:
                cache[k] = hit
        if hit[0] == "ok":
            out.append(hit[1])
        else:
            out.append(None)
            bad[i] = True
            errors[i] = hit[1]
    return np.array(out, dtype=object), bad, errors


def parse_date_column(values: pd.Series, column_label: str, row_labels: list, file_label: str,
                      required: bool = False, month_only: str | None = None) -> pd.Series:
    """Parse a column of dates to an object Series of ``datetime.date``/None.

    Raises SonaeInputError naming the file, column and row of the first bad (or, when required, blank) value.
    """
    from .parsing import row_label_ja
    dates, bad, errors = parse_dates(values, month_only)
    if bad.any():
        i = int(np.flatnonzero(bad)[0])
        exc = errors[i]
        row = str(row_labels[i])
        raise SonaeInputError(
            f"{file_label}, {row}, column '{column_label}': {exc.en}. Correct the date.",
            f"{file_label} {row_label_ja(row)}「{column_label}」: {exc.ja}。日付を修正してください。")
    if required:
        blank = np.array([d is None for d in dates], dtype=bool)
        if blank.any():
            i = int(np.flatnonzero(blank)[0])
            row = str(row_labels[i])
            raise SonaeInputError(f"{file_label}, {row}: column '{column_label}' is empty. Fill in the date.",
                                  f"{file_label} {row_label_ja(row)}: 「{column_label}」が空です。日付を入力してください。")
    return pd.Series(list(dates), index=values.index, dtype=object)


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
