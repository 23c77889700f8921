"""engine.parsing / engine.dates: numbers, coordinates and dates as Japanese files write them.

Table tests carry values computed by hand (in the comments); property tests (hypothesis) check that any number or
coordinate written in the forms cities use reads back exactly, and that nothing unreadable ever becomes 0.
"""
from __future__ import annotations

import datetime as dt
import time
import unicodedata

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sonae.engine.dates import DateError, month_end, parse_date, parse_date_column
from sonae.engine.errors import SonaeInputError
from sonae.engine.parsing import (NumberError, family_for_field, parse_coordinate, parse_coordinates, parse_number,
                                  parse_numbers, require_numbers)

# --- numbers: table ------------------------------------------------------------------------------------------

NUMBERS = [
    ("０．８５", None, 0.85),          # full-width digits and point
    ("2,041人", "persons", 2041.0),
    ("1,234", None, 1234.0),           # thousands, as Japanese tables write them
    ("1,234人", "persons", 1234.0),
    ("12,345,678", None, 12345678.0),
    ("0,85", None, 0.85),              # decimal comma: a leading 0 group cannot be thousands
    ("1,5", None, 1.5),                # one digit after the comma cannot be a thousands group
    ("1234,5", None, 1234.5),
    ("1,234.5", None, 1234.5),
    ("1.234,5", None, 1234.5),
    ("12.5kWh", "energy_kwh", 12.5),
    ("500Wh", "energy_kwh", 0.5),      # 500 Wh = 0.5 kWh
    ("7.5kW", "power_kw", 7.5),
    ("350㎡", "area_m2", 350.0),       # NFKC: ㎡ -> m2
    ("350m²", "area_m2", 350.0),
    ("1,500平米", "area_m2", 1500.0),
    ("20L", "volume_l", 20.0),
    ("２０ℓ", "volume_l", 20.0),
    ("500ml", "volume_l", 0.5),
    ("24個", "count", 24.0),
    ("-5", None, -5.0),
    ("−5", None, -5.0),                # U+2212 minus
    ("－５", None, -5.0),              # full-width hyphen-minus
    ("▲5", None, -5.0),                # accounting negative
    ("+3", None, 3.0),
    ("2.5万人", "persons", 25000.0),
    ("1e3", None, 1000.0),
    (" 42 ", None, 42.0),
    ("１２３４", None, 1234.0),
    ("3階", "floors", 3.0),
]


@pytest.mark.parametrize("text,family,expected", NUMBERS)
def test_numbers_table(text, family, expected):
    assert parse_number(text, family=family) == pytest.approx(expected, rel=1e-12)


@pytest.mark.parametrize("text", ["", "  ", "-", "―", "ー", "不明", "nan", "None", "N/A", "#N/A"])
def test_blank_marks_are_missing_not_zero(text):
    assert parse_number(text) is None


@pytest.mark.parametrize("text,family,code", [
    ("多数", None, "not_number"),
    ("なし", None, "not_number"),          # "none" is not a number: write 0 or leave empty
    ("100~200", None, "range"),
    ("100人(うち福祉10人)", "persons", "range"),
    ("12,34,567", None, "separators"),    # Indian grouping: refused, not guessed
    ("1.2.3", None, "separators"),
    ("12.5kWh", "power_kw", "unit:kwh"),  # energy in a power field
    ("85%", None, "percent"),
    ("10ドル", None, "unit:ドル"),
    ("inf", None, "not_number"),
])
def test_unreadable_numbers_are_refused(text, family, code):
    with pytest.raises(NumberError) as info:
        parse_number(text, family=family)
    assert info.value.code == code
    assert info.value.en and info.value.ja


def test_approximations_need_someone_to_tell():
    with pytest.raises(SonaeInputError) as info:
        require_numbers(pd.Series(["100", "約100人"], dtype=object), "evacuees", "shelters")   # no warn channel
    assert "row 2" in info.value.en and "approximate" in info.value.en and "概数" in info.value.ja


def test_approximations_read_and_flagged():
    r = parse_numbers(pd.Series(["約100人", "100人程度", "およそ50", "100"], dtype=object), "persons")
    assert r.values.tolist() == [100.0, 100.0, 50.0, 100.0]
    assert r.approx.tolist() == [True, True, True, False]
    assert not r.bad.any()


def test_percent_as_fraction():
    assert parse_number("80%", percent="fraction") == pytest.approx(0.8)
    assert parse_number("８０％", percent="fraction") == pytest.approx(0.8)


def test_family_from_field_names():
    assert family_for_field("battery_kwh") == "energy_kwh"
    assert family_for_field("pv_kw") == "power_kw"
    assert family_for_field("floor_area_m2") == "area_m2"
    assert family_for_field("capacity_persons") == "persons"
    assert family_for_field("battery_soc") == "fraction"
    assert family_for_field("FISCAL_INDEX") == "fraction"


def test_require_numbers_names_row_and_field_and_counts():
    warned = []
    with pytest.raises(SonaeInputError) as info:
        require_numbers(pd.Series(["1,234", "多数", "x", "5"], dtype=object), "population", "zones.gpkg",
                        rows=["line 2", "line 3", "line 4", "line 5"], warn=warned.append)
    e = info.value
    assert "line 3" in e.en and "3行目" in e.ja and "population" in e.en and "「population」" in e.ja
    assert "2 such rows" in e.en and "計2行" in e.ja
    assert not any(c.isascii() and c.isalpha() for c in e.ja.replace("population", "").replace("zones.gpkg", "")
                   .replace("line", ""))  # no English words inside the Japanese sentence
    values = require_numbers(pd.Series(["約100人", "2,041人"], dtype=object), "population", "zones",
                             warn=warned.append)
    assert values.tolist() == [100.0, 2041.0]
    assert len(warned) == 1 and "約100人" in warned[0] and "row 1" in warned[0]


def test_numeric_series_fast_path_and_inf():
    r = parse_numbers(pd.Series([1.5, np.nan, np.inf]))
    assert r.values[0] == 1.5 and r.blank.tolist() == [False, True, False] and r.bad.tolist() == [False, False, True]


def test_vectorised_100k_rows_fast():
    texts = pd.Series(np.random.default_rng(1).choice(["2,041人", "1,234", "約100人", "12.5", "３４", ""], 100_000),
                      dtype=object)
    t = time.perf_counter()
    r = parse_numbers(texts, "persons")
    elapsed = time.perf_counter() - t
    expected = texts.map({"2,041人": 2041.0, "1,234": 1234.0, "約100人": 100.0, "12.5": 12.5, "３４": 34.0,
                          "": np.nan}).to_numpy(dtype=float)
    np.testing.assert_array_equal(r.values, expected)
    assert elapsed < 2.0, elapsed


# --- numbers: properties -------------------------------------------------------------------------------------

def _thousands(n: int) -> str:
    return f"{n:,}"


def _fullwidth(text: str) -> str:
    return text.translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789.,-"})


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=10**12))
def test_property_integers_in_every_written_form(n):
    for text in (str(n), _thousands(n), _fullwidth(_thousands(n)), _thousands(n) + "人", "約" + _thousands(n) + "人"):
        assert parse_number(text, family="persons", approx_ok=True) == n, text
    with pytest.raises(NumberError):
        parse_number("約" + _thousands(n) + "人", family="persons")          # not silently
    assert parse_number("-" + _thousands(n)) == -n
    assert parse_number("▲" + str(n)) == -n


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=99999), st.integers(min_value=1, max_value=99))
def test_property_decimals_point_and_comma(whole, frac):
    text = f"{whole}.{frac:02d}"
    expected = float(text)
    assert parse_number(text) == pytest.approx(expected, rel=1e-15)
    assert parse_number(_fullwidth(text)) == pytest.approx(expected, rel=1e-15)
    # a comma followed by two digits can only be a decimal comma
    assert parse_number(f"{whole},{frac:02d}") == pytest.approx(expected, rel=1e-15)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="あいう多数なしabc!?()/@#", min_size=1, max_size=8))
def test_property_words_never_become_a_number(text):
    r = parse_numbers(pd.Series([text], dtype=object))
    assert np.isnan(r.values[0])                       # never 0, never a number
    assert r.bad[0] or r.blank[0]


# --- coordinates ---------------------------------------------------------------------------------------------

DMS_34 = 34 + 23 / 60 + 26.9 / 3600         # 34.390805555...


@pytest.mark.parametrize("text,axis,expected", [
    ("34度23分26.9秒", "lat", DMS_34),
    ("34°23′26.9″", "lat", DMS_34),
    ("34°23'26.9\"", "lat", DMS_34),
    ("34°23'26.9''", "lat", DMS_34),
    ("３４度２３分２６．９秒", "lat", DMS_34),
    ("北緯34度23分26.9秒", "lat", DMS_34),
    ("N34°23'26.9\"", "lat", DMS_34),
    ("34°23'26.9\"N", "lat", DMS_34),
    ("34 23 26.9", "lat", DMS_34),
    ("34:23:26.9", "lat", DMS_34),
    ("34°23.4483'", "lat", 34 + 23.4483 / 60),    # degrees and decimal minutes
    ("34º23'26.9\"", "lat", DMS_34),               # masculine ordinal used as a degree sign
    ("東経134度2分3秒", "lon", 134 + 2 / 60 + 3 / 3600),
    ("E134.0345", "lon", 134.0345),
    ("134.0345E", "lon", 134.0345),
    ("S33.5", "lat", -33.5),
    ("西経70.25", "lon", -70.25),
    ("34.3908", "lat", 34.3908),
    ("３４．３９０８", "lat", 34.3908),
    ("34度", "lat", 34.0),
])
def test_coordinates_table(text, axis, expected):
    assert parse_coordinate(text, axis) == pytest.approx(expected, abs=1e-12)


@pytest.mark.parametrize("text,axis,code", [
    ("E134.05", "lat", "axis"),            # a longitude in the latitude column
    ("北緯34.39", "lon", "axis"),
    ("34度60分", "lat", "minutes"),
    ("34度23分61秒", "lat", "minutes"),
    ("-S34", "lat", "double_sign"),
    ("134.05", "lat", "out_of_range"),
    ("abc", "lat", "not_coordinate"),
    ("34.5.6", "lat", "not_coordinate"),
])
def test_bad_coordinates_refused(text, axis, code):
    r = parse_coordinates(pd.Series([text], dtype=object), axis)
    assert r.bad[0] and r.codes[0] == code and np.isnan(r.values[0])


@settings(max_examples=300, deadline=None)
@given(st.integers(20, 45), st.integers(0, 59), st.integers(0, 5999))
def test_property_dms_roundtrip(d, m, centi_s):
    s = centi_s / 100
    expected = d + m / 60 + s / 3600
    for text in (f"{d}度{m}分{s}秒", f"{d}°{m}′{s}″", f"{d}°{m}'{s}\"", f"北緯{d}度{m}分{s}秒",
                 unicodedata.normalize("NFKC", f"{d}度{m}分{s}秒").translate(
                     {ord(c): ord(c) + 0xFEE0 for c in "0123456789."})):
        assert parse_coordinate(text, "lat") == pytest.approx(expected, abs=1e-12), text


# --- dates ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,expected", [
    ("2025-03-31", dt.date(2025, 3, 31)),
    ("2025/3/31", dt.date(2025, 3, 31)),
    ("2025年3月31日", dt.date(2025, 3, 31)),
    ("20250331", dt.date(2025, 3, 31)),
    ("R7.3.31", dt.date(2025, 3, 31)),
    ("令7.3.31", dt.date(2025, 3, 31)),          # 令和7年 = 2019 + 7 - 1 = 2025
    ("令和7年3月31日", dt.date(2025, 3, 31)),
    ("H.31.4.30", dt.date(2019, 4, 30)),         # last day of Heisei
    ("平成31年4月30日", dt.date(2019, 4, 30)),
    ("平31/4/30", dt.date(2019, 4, 30)),
    ("令和元年5月1日", dt.date(2019, 5, 1)),     # first day of Reiwa
    ("R1.5.1", dt.date(2019, 5, 1)),
    ("昭和64年1月7日", dt.date(1989, 1, 7)),
    ("2025/3/31(月)", dt.date(2025, 3, 31)),     # 2025-03-31 was a Monday
    ("2025/3/31（月）", dt.date(2025, 3, 31)),
    ("2025年3月31日(月曜日)", dt.date(2025, 3, 31)),
    ("２０２５／３／３１", dt.date(2025, 3, 31)),
])
def test_dates_table(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("2029年3月", dt.date(2029, 3, 31)),
    ("2029/03", dt.date(2029, 3, 31)),
    ("2029-3", dt.date(2029, 3, 31)),
    ("R11.3", dt.date(2029, 3, 31)),             # 令和11年 = 2029
    ("令和11年3月", dt.date(2029, 3, 31)),
    ("2028年2月", dt.date(2028, 2, 29)),         # leap year
    ("2027年2月", dt.date(2027, 2, 28)),
    ("H31.4", dt.date(2019, 4, 30)),
    ("2029年12月", dt.date(2029, 12, 31)),
])
def test_month_only_expiry_is_end_of_month(text, expected):
    assert parse_date(text, month_only="end") == expected
    assert parse_date(text, month_only="start") == expected.replace(day=1)
    with pytest.raises(DateError):
        parse_date(text)                          # refused where a full date is required


@pytest.mark.parametrize("text", ["2025/3/31(火)", "2月30日", "2025-02-30", "平成31年5月1日", "令和元年4月30日",
                                  "R0.1.1", "H31.5", "2029年13月", "45747", "25/3/31", "来年3月"])
def test_bad_dates_refused(text):
    with pytest.raises(DateError) as info:
        parse_date(text, month_only="end")
    assert info.value.en and info.value.ja


def test_weekday_mismatch_message():
    with pytest.raises(DateError) as info:
        parse_date("2025/3/31（火）")
    assert "Monday" in info.value.en and "月曜日" in info.value.ja


def test_month_end_by_hand():
    assert [month_end(2024, m).day for m in range(1, 13)] == [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]


def test_date_column_message_is_not_mixed():
    with pytest.raises(SonaeInputError) as info:
        parse_date_column(pd.Series(["2025/3/31", "2025/2/30"]), "消費期限", ["line 2", "line 3"], "stock.csv")
    e = info.value
    assert "line 3" in e.en and "3行目" in e.ja
    assert "no such date" in e.en and "存在しない日付" in e.ja and "no such date" not in e.ja


# --- PV profile header detection (issue 11 item 11) ------------------------------------------------------------

def test_pv_profile_without_header_has_8760_values(tmp_path):
    from sonae.engine.energy import pv
    values = np.tile(np.r_[np.zeros(8), np.full(8, 0.5), np.zeros(8)], 365)     # 4 kWh/kWp a day by hand
    bare = tmp_path / "bare.csv"
    bare.write_text("\n".join(f"{v}" for v in values))
    out = pv.read_hourly_csv(str(bare))
    assert len(out) == 8760 and out.sum() == pytest.approx(365 * 4.0)
    full = tmp_path / "fullwidth.csv"
    full.write_text("発電量\n" + "\n".join("０．５" if v else "0" for v in values), encoding="utf-8")
    assert pv.read_hourly_csv(str(full)).sum() == pytest.approx(365 * 4.0)
    bad = tmp_path / "bad.csv"
    bad.write_text("kw_per_kwp\n" + "\n".join(["0.1"] * 99 + ["欠測"] + ["0.1"] * 8660))
    with pytest.raises(SonaeInputError) as info:
        pv.read_hourly_csv(str(bad))
    assert "line 101" in info.value.en and "101行目" in info.value.ja


@pytest.mark.parametrize("field,family", [("MINUTES", "minutes"), ("MAX_AGE_MONTHS", "months"),
                                          ("MIP_TIME_LIMIT_S", "seconds"), ("EVACUATION_RATE", "fraction"),
                                          ("TIME_BUDGET_H", "hours"), ("MAX_SNAP_M", "length_m"),
                                          ("SPEED_KMH", "speed_kmh"), ("HORIZON_DAYS", "days")])
def test_parameter_names_imply_their_unit(field, family):
    assert family_for_field(field) == family


def test_hours_refused_for_a_minutes_parameter():
    assert parse_number("15分", family=family_for_field("MINUTES")) == 15.0
    with pytest.raises(NumberError):
        parse_number("15時間", family=family_for_field("MINUTES"))
