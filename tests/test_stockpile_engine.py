"""Stockpile engine (QGIS-free): era dates, validation messages naming the row, allocation invariants."""
from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings, strategies as st

from sonae.engine import stockpile as sp
from sonae.engine.dates import fiscal_year, parse_date
from sonae.engine.errors import SonaeInputError


# --- dates ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("令和7年3月31日", dt.date(2025, 3, 31)),
    ("R7.3.31", dt.date(2025, 3, 31)),
    ("r7/3/31", dt.date(2025, 3, 31)),
    ("平成31年4月30日", dt.date(2019, 4, 30)),      # last day of Heisei
    ("令和元年5月1日", dt.date(2019, 5, 1)),        # first day of Reiwa, 元年
    ("H31.4.30", dt.date(2019, 4, 30)),
    ("昭和64年1月7日", dt.date(1989, 1, 7)),        # last day of Showa
    ("平成元年1月8日", dt.date(1989, 1, 8)),
    ("2025/3/31", dt.date(2025, 3, 31)),
    ("2025-03-31", dt.date(2025, 3, 31)),
    ("２０２５年３月３１日", dt.date(2025, 3, 31)),   # full-width digits
    ("20240229", dt.date(2024, 2, 29)),
    ("2025-03-31 00:00:00", dt.date(2025, 3, 31)),
    (dt.datetime(2025, 3, 31, 12, 0), dt.date(2025, 3, 31)),
    ("", None), (None, None), (float("nan"), None),
])
def test_parse_date_formats(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["令和元年4月30日", "平成31年5月1日", "昭和64年1月8日", "2025/2/29", "2025-13-01",
                                  "R0.1.1", "令和7年2月30日", "31/3/2025", "来年"])
def test_parse_date_refuses_impossible(text):
    with pytest.raises(ValueError):
        parse_date(text)


def test_fiscal_year():
    assert fiscal_year(dt.date(2026, 3, 31)) == 2025
    assert fiscal_year(dt.date(2026, 4, 1)) == 2026


# --- validation ------------------------------------------------------------------------------------------------

def _items(**over):
    base = {"site_id": ["W1", "W1"], "owner_type": ["市", "協定事業者"], "item": ["飲料水", "食料"],
            "product": ["", ""], "unit": ["L", "食"], "quantity": ["10", "20"],
            "expiry_date": ["2026-05-01", "R8.6.1"], "committed_quantity": ["", "15"],
            "verified_on": ["", "2026/1/10"],
            "source_row": ["line 2", "line 3"]}
    base.update(over)
    return pd.DataFrame(base)


def test_normalize_items_converts_units_and_owner():
    frame = _items(unit=["箱(2L×6本)", "箱(50食)"], quantity=["3", "2"], committed_quantity=["", "1"])
    items = sp.normalize_items(frame, "stock.csv")
    assert items["quantity_base"].tolist() == [36.0, 100.0]
    assert items["committed_base"].iloc[1] == 50.0
    assert items["owner_type"].tolist() == ["city", "retail_partner"]
    assert items["item"].tolist() == ["water", "meals"]
    assert items["expiry_date"].tolist() == [dt.date(2026, 5, 1), dt.date(2026, 6, 1)]


@pytest.mark.parametrize("over, needle", [
    ({"item": ["飲料水", "ガソリン"]}, "ガソリン"),
    ({"unit": ["L", "kg"]}, "kg"),
    ({"quantity": ["-5", "20"]}, "negative"),
    ({"quantity": ["十", "20"]}, "not a number"),
    ({"expiry_date": ["令和7年2月30日", "R8.6.1"]}, "no such date"),
    ({"expiry_date": ["2026-05-01", "平成31年5月1日"]}, "outside"),
    ({"committed_quantity": ["", ""]}, "committed"),
    ({"owner_type": ["市", "誰か"]}, "owner type"),
])
def test_bad_item_rows_name_the_row(over, needle):
    frame = _items(**over)
    with pytest.raises(SonaeInputError) as exc:
        sp.normalize_items(frame, "stock.csv")
    # the failing row is the one changed: line 2 for the first column value, line 3 for the second
    changed = [i for i, (a, b) in enumerate(zip(frame[list(over)[0]], _items()[list(over)[0]])) if a != b]
    row = frame["source_row"].iloc[changed[0]]
    assert f"stock.csv, {row}" in exc.value.en and needle in exc.value.en
    assert f"stock.csv {2 + changed[0]}行目" in exc.value.ja


def test_duplicate_rows_name_both_rows():
    frame = pd.DataFrame({"site_id": ["W1", "W2", "W1"], "owner_type": ["市"] * 3, "item": ["水", "水", "飲料水"],
                          "product": ["a", "a", "a"], "unit": ["L"] * 3, "quantity": [1, 2, 3],
                          "expiry_date": ["2026-01-01", "2026-01-01", "2026/1/1"],
                          "source_row": ["line 2", "line 3", "line 4"]})
    with pytest.raises(SonaeInputError) as exc:
        sp.normalize_items(frame, "x.csv")
    assert "x.csv, line 4: duplicate of line 2" in exc.value.en


def test_site_without_location():
    items = sp.normalize_items(_items(), "stock.csv")
    with pytest.raises(SonaeInputError) as exc:
        sp.check_sites(items, ["W9"], "stock.csv", "sites.csv")
    assert "stock.csv, line 2: site id W1 has no location" in exc.value.en


def test_usable_stock_expiry_and_commitment():
    on = dt.date(2026, 4, 1)
    frame = pd.DataFrame({
        "site_id": ["W1", "W1", "W1", "P1", "P1"], "owner_type": ["市", "市", "市", "協定事業者", "協定事業者"],
        "item": ["水"] * 5, "product": ["a", "b", "c", "d", "e"], "unit": ["L"] * 5,
        "quantity": [100, 10, 1, 70, 50],
        "expiry_date": ["2026-03-31", "2026-04-01", None, "2026-04-02", "2026-03-31"],
        "committed_quantity": [None, None, None, 60, 60]})
    u = sp.usable_stock(sp.normalize_items(frame), on).set_index("site_id")
    assert u.loc["W1", "usable"] == 11.0          # the day-before lot (100) out, the same-day lot (10) in
    assert u.loc["W1", "expired"] == 100.0
    assert u.loc["P1", "stock"] == 70.0            # partner's expired lot (50) out
    assert u.loc["P1", "usable"] == 60.0           # capped at the commitment


# --- allocation invariants (hypothesis) ------------------------------------------------------------------------

@st.composite
def scenarios(draw):
    n_sh = draw(st.integers(1, 6))
    n_si = draw(st.integers(1, 5))
    coords = st.floats(0, 5000, allow_nan=False)
    shelters = pd.DataFrame({"shelter_id": [f"s{i}" for i in range(n_sh)],
                             "evacuees": [draw(st.integers(0, 500)) for _ in range(n_sh)],
                             "x": [draw(coords) for _ in range(n_sh)], "y": [draw(coords) for _ in range(n_sh)],
                             "district": [draw(st.sampled_from(["a", "b"])) for _ in range(n_sh)]})
    sites = pd.DataFrame({"site_id": [f"k{i}" for i in range(n_si)],
                          "x": [draw(coords) for _ in range(n_si)], "y": [draw(coords) for _ in range(n_si)]})
    rows = []
    for k in sites.site_id:
        for j, item in enumerate(draw(st.lists(st.sampled_from(["水", "食料", "携帯トイレ", "毛布"]), max_size=4,
                                               unique=True))):
            partner = draw(st.booleans())
            rows.append({"site_id": k, "owner_type": "協定事業者" if partner else "市", "item": item,
                         "product": f"p{j}", "unit": "L" if item == "水" else ("食" if item == "食料" else
                                                                              ("回" if item == "携帯トイレ" else "枚")),
                         "quantity": draw(st.integers(0, 3000)),
                         "expiry_date": draw(st.sampled_from([None, "2026-03-31", "2026-04-01", "2027-01-01"])),
                         "committed_quantity": draw(st.integers(0, 3000)) if partner else None})
    if not rows:
        rows.append({"site_id": "k0", "owner_type": "市", "item": "水", "product": "", "unit": "L", "quantity": 10,
                     "expiry_date": None, "committed_quantity": None})
    return shelters, sites, pd.DataFrame(rows)


@settings(max_examples=60, deadline=None)
@given(scenarios(), st.sampled_from([0.0, 800.0, 2500.0]), st.sampled_from(["nearest", "district"]),
       st.sampled_from(["japan", "sphere"]))
def test_covered_person_days_never_exceed_usable_stock(case, max_d, mode, profile):
    shelters, sites, raw = case
    items = sp.normalize_items(raw)
    on = dt.date(2026, 4, 1)
    res = sp.allocate(shelters, sites, items, on, profile, 3, max_d, mode)
    rates = sp.profile_rates(profile)
    # usable stock computed independently, row by row
    usable = {}
    for (site, item), g in items.groupby(["site_id", "item"]):
        for owner, go in g.groupby("owner_type"):
            ok = go[[e is None or e >= on for e in go.expiry_date]]
            q = ok.quantity_base.sum()
            if owner == "retail_partner":
                q = min(q, go.committed_base.iloc[0])
            usable[item] = usable.get(item, 0.0) + q
    for item, r in rates.items():
        total = usable.get(item, 0.0)
        units = res.shelters[f"{item}_units"].sum()
        un = res.unallocated.loc[res.unallocated.item == item, "units"].sum()
        assert units <= total + 1e-6
        assert units + un == pytest.approx(total, abs=1e-6)        # nothing created, nothing lost
        if r.daily:
            covered = res.shelters[f"{item}_pd"].sum()
            assert covered <= total / r.rate + 1e-6
            assert covered <= (res.shelters.evacuees * 3).sum() + 1e-6
        share = res.shelters[f"{item}_partner"].dropna()
        assert ((share >= -1e-9) & (share <= 1 + 1e-9)).all()


def test_join_energy_never_assumes_a_state_of_charge():
    per = pd.DataFrame({"shelter_id": ["a", "b", "c", "d"], "evacuees": [1, 1, 1, 1]})
    energy = pd.DataFrame({"shelter_id": ["a", "b", "c"], "battery_kwh": [20.0, 10.0, 0.0],
                           "battery_soc": [0.25, None, None], "critical_load_kw": [2.0, 1.0, 1.0]})
    out = sp.join_energy(per, energy).set_index("shelter_id")
    assert out.loc["a", "kwh_now"] == 5.0 and out.loc["a", "hours_now"] == 2.5      # 20 x 0.25; 5 / 2
    assert np.isnan(out.loc["b", "kwh_now"])                                         # SoC not monitored
    assert out.loc["c", "kwh_now"] == 0.0 and out.loc["c", "hours_now"] == 0.0      # no battery
    assert np.isnan(out.loc["d", "battery_kwh"])                                     # no energy row
    with pytest.raises(SonaeInputError) as exc:
        sp.join_energy(per, energy.assign(battery_soc=[80.0, None, None]), "shelters_energy")
    assert "shelters_energy: shelter a has battery_soc 80" in exc.value.en


def test_district_mode_pools_stock_in_proportion_to_evacuees():
    # d1: A (100) and B (50), site k1 nearest to A holds 900 L; d2: C (10), site k2 nearest to C holds 30 L
    shelters = pd.DataFrame({"shelter_id": ["A", "B", "C"], "evacuees": [100, 50, 10], "x": [0, 1000, 9000],
                             "y": [0, 0, 0], "district": ["d1", "d1", "d2"]})
    sites = pd.DataFrame({"site_id": ["k1", "k2"], "x": [10, 8990], "y": [0, 0]})
    items = sp.normalize_items(pd.DataFrame({"site_id": ["k1", "k2"], "owner_type": ["市", "協定事業者"],
                                             "item": ["水", "水"], "unit": ["L", "L"], "quantity": [900, 40],
                                             "committed_quantity": [None, 30]}))
    res = sp.allocate(shelters, sites, items, dt.date(2026, 4, 1), "japan", 3, 0, "district")
    per = res.shelters.set_index("shelter_id")
    assert per.loc["A", "water_units"] == 600 and per.loc["B", "water_units"] == 300   # 900 x 100/150, x 50/150
    assert per.loc["A", "water_days"] == per.loc["B", "water_days"] == 2.0             # 600 / (100 x 3)
    assert per.loc["C", "water_units"] == 30 and per.loc["C", "water_partner"] == 1.0  # capped at the commitment
    d = res.districts.set_index("district")
    assert d.loc["d1", "water_days"] == 2.0 and d.loc["d2", "water_days"] == 1.0
    assert d.loc["d1", "water_short"] == (900 - 600) + (450 - 300)


# --- dates and numbers through engine.parsing (issue 11 items 3, 8) ---------------------------------------------

def test_month_only_expiry_is_the_end_of_the_month_and_verification_its_start():
    frame = _items(expiry_date=["2029年3月", "R11.2"], verified_on=["", "2026年1月"])
    items = sp.normalize_items(frame, "stock.csv", today=dt.date(2026, 4, 1))
    # 2029-03 -> 31 March; 令和11年 = 2029, February 2029 (not a leap year) -> 28th; 確認 2026年1月 -> 1 January
    assert items["expiry_date"].tolist() == [dt.date(2029, 3, 31), dt.date(2029, 2, 28)]
    assert items["verified_on"].tolist() == [None, dt.date(2026, 1, 1)]


def test_verification_in_the_future_is_refused_with_the_row():
    frame = _items(verified_on=["", "2038/1/19"])
    with pytest.raises(SonaeInputError) as exc:
        sp.normalize_items(frame, "stock.csv", today=dt.date(2026, 4, 1))
    assert "stock.csv, line 3" in exc.value.en and "2038-01-19" in exc.value.en and "future" in exc.value.en
    assert "3行目" in exc.value.ja and "未来" in exc.value.ja
    # the same date is accepted once it is in the past
    assert len(sp.normalize_items(frame, "stock.csv", today=dt.date(2038, 1, 19))) == 2


def test_manufacture_after_expiry_is_refused():
    frame = _items(manufactured_on=["2026-01-01", "2026/7/1"])      # row 2 expires 2026-06-01 (R8.6.1)
    with pytest.raises(SonaeInputError) as exc:
        sp.normalize_items(frame, "stock.csv", today=dt.date(2026, 8, 1))
    assert "line 3" in exc.value.en and "2026-07-01" in exc.value.en and "製造日" in exc.value.ja


@pytest.mark.parametrize("quantity,unit,expected", [("1,200", "L", 1200.0), ("１２００", "L", 1200.0),
                                                    ("1,200L", "L", 1200.0), ("3箱", "箱(2L×6本)", 36.0)])
def test_quantity_written_as_text(quantity, unit, expected):
    frame = _items(quantity=[quantity, "20"], unit=[unit, "食"])
    items = sp.normalize_items(frame, "stock.csv", today=dt.date(2026, 4, 1))
    assert items["quantity_base"].iloc[0] == expected          # 3 boxes x 12 L = 36 L


def test_quantity_unit_contradicting_the_unit_column_is_refused():
    with pytest.raises(SonaeInputError) as exc:
        sp.normalize_items(_items(quantity=["24本", "20"], unit=["L", "食"]), "stock.csv")
    assert "line 2" in exc.value.en and "24本" in exc.value.en
