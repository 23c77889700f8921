"""Stockpile algorithms through the real Processing framework: a hand-computed case, imports (CSV UTF-8/CP932,
XLSX), bad input naming the row, expiry rotation, partner audit, template round trip, energy join."""
from __future__ import annotations

import datetime as dt
import json
import os

import geopandas as gpd
import pytest
from qgis.core import QgsProcessingException

SITES_CSV = "拠点ID,拠点名,所有区分,緯度,経度\nW1,市倉庫,市,34.34,134.05\nP1,協定店舗,協定事業者,34.34,134.10\n"
ITEMS_CSV = """拠点ID,所有区分,品目,品名,単位,数量,消費期限/賞味期限,協定数量,確認日
W1,市,飲料水,前日期限,L,600,2026-03-31,,
W1,市,飲料水,当日期限,L,300,令和8年4月1日,,
W1,市,飲料水,保存水,箱(2L×6本),40,R9.3.31,,
W1,市,アルファ化米,,食,1200,2028/1/1,,
W1,市,携帯トイレ,,回,2000,,,
W1,市,乳幼児用紙おむつ,,枚,100,,,
W1,市,毛布,,枚,80,,,
P1,協定事業者,飲料水,販売在庫1,L,600,2026-12-31,500,2025/12/1
P1,協定事業者,飲料水,販売在庫2,L,400,2026-03-31,500,2025/12/1
P1,協定事業者,食料,,食,300,2026-10-01,1000,2025/3/1
"""
SCENARIO = "2026-04-01"


def _write(path, text, encoding="utf-8"):
    with open(path, "w", encoding=encoding, newline="") as fh:
        fh.write(text)
    return str(path)


def _shelters(path):
    feats = [{"type": "Feature", "properties": {"id": sid, "name": name, "evacuees": ev},
              "geometry": {"type": "Point", "coordinates": [lon, 34.34]}}
             for sid, name, ev, lon in (("A", "避難所A", 100, 134.0505), ("B", "避難所B", 50, 134.1005))]
    with open(path, "w", encoding="utf-8") as fh:
        json.dump({"type": "FeatureCollection", "features": feats}, fh, ensure_ascii=False)
    return str(path)


@pytest.fixture
def case(tmp_path, run_alg):
    sites = _write(tmp_path / "sites.csv", SITES_CSV)
    items = _write(tmp_path / "items.csv", ITEMS_CSV)
    res = run_alg("sonae:importstockpile", {"ITEMS_FILE": items, "SITES_FILE": sites,
                                            "OUTPUT_SITES": str(tmp_path / "stock_sites.gpkg"),
                                            "OUTPUT_ITEMS": str(tmp_path / "stock_items.gpkg")})
    assert res["SITE_COUNT"] == 2 and res["ITEM_COUNT"] == 10
    return {"sites": res["OUTPUT_SITES"], "items": res["OUTPUT_ITEMS"], "shelters": _shelters(tmp_path / "sh.geojson"),
            "tmp": tmp_path}


def _sufficiency(run_alg, case, max_d, **extra):
    tmp = case["tmp"]
    params = {"SHELTERS": case["shelters"], "SHELTER_ID_FIELD": "id", "EVACUEES_FIELD": "evacuees",
              "NAME_FIELD": "name", "SITES": case["sites"], "ITEMS": case["items"], "PROFILE": 0,
              "HORIZON_DAYS": 3, "SCENARIO_DATE": SCENARIO, "ALLOCATION": 0, "MAX_DISTANCE_M": max_d,
              "OUTPUT": str(tmp / f"suff_{int(max_d)}.gpkg"), "OUTPUT_DISTRICT": str(tmp / f"dist_{int(max_d)}.gpkg")}
    params.update(extra)
    res = run_alg("sonae:stockpilesufficiency", params)
    per = gpd.read_file(res["OUTPUT"]).set_index("shelter_id")
    dist = gpd.read_file(res["OUTPUT_DISTRICT"])
    return res, per, dist


def test_hand_computed_sufficiency(run_alg, case):
    """Within 2 km each shelter has one site (W1 ~46 m from A, P1 ~46 m from B; 4.6 km between the pairs).

    W1 water: 600 L expiring the day before (excluded) + 300 L expiring ON the day (counted) + 40 x 12 L = 780 L.
    A needs 100 x 3 L x 3 d = 900 L -> 780 L, 2.6 days, short 120 L, 260 person-days.
    P1 water: 600 L unexpired (400 L expired the day before), committed 500 -> 500 L. B needs 450 L; the 50 L
    surplus stays with B (only shelter in range) -> 500 L, 500 / 150 = 3.33 days, 150 person-days (capped).
    P1 meals: 300 held < 1000 committed -> 300 -> B 2.0 days, short 50 x 9 - 300 = 150.
    """
    _, per, dist = _sufficiency(run_alg, case, 2000.0)
    a, b = per.loc["A"], per.loc["B"]
    assert a["water_units"] == pytest.approx(780.0)
    assert a["water_days"] == pytest.approx(780.0 / 300.0)
    assert a["water_pd"] == pytest.approx(260.0)
    assert a["water_short"] == pytest.approx(120.0)
    assert a["water_partner"] == pytest.approx(0.0)
    assert a["meals_units"] == pytest.approx(1200.0) and a["meals_days"] == pytest.approx(4.0)
    assert a["meals_pd"] == pytest.approx(300.0) and a["meals_short"] == pytest.approx(0.0)
    assert a["portable_toilet_days"] == pytest.approx(2000.0 / 500.0)
    assert a["infant_diaper_days"] == pytest.approx(100.0 / (100 * 0.152))
    assert a["blanket_persons"] == pytest.approx(80.0) and a["blanket_short"] == pytest.approx(20.0)
    assert a["days_min"] == pytest.approx(2.6) and a["limiting_item"] == "water"
    assert a["name"] == "避難所A" and not bool(a["meets_horizon"])
    assert b["water_units"] == pytest.approx(500.0)
    assert b["water_days"] == pytest.approx(500.0 / 150.0)
    assert b["water_pd"] == pytest.approx(150.0)
    assert b["water_partner"] == pytest.approx(1.0)
    assert b["meals_days"] == pytest.approx(2.0) and b["meals_short"] == pytest.approx(150.0)
    assert b["portable_toilet_units"] == 0 and b["days_min"] == 0 and b["limiting_item"] == "portable_toilet"
    assert len(dist) == 1
    d = dist.iloc[0]
    assert d["evacuees"] == 150 and d["water_units"] == pytest.approx(1280.0)
    assert d["water_days"] == pytest.approx(1280.0 / 450.0)
    assert d["water_partner"] == pytest.approx(500.0 / 1280.0)
    assert d["meals_days"] == pytest.approx(1500.0 / 450.0)


def test_nearest_first_across_sites(run_alg, case):
    """Within 10 km both sites reach both shelters. Pairs nearest first: (A,W1) 46 m, (B,P1) 46 m, (A,P1) 4.55 km,
    (B,W1) 4.64 km. Water: A 780 from W1, B 450 from P1, A the last 50 of P1 -> A 830 (50 partner), B 450.
    Meals: A 900 from W1, B 300 from P1 then 150 from W1; W1's last 150 shared 100:50 -> A 1000, B 500 (300 partner)."""
    _, per, _ = _sufficiency(run_alg, case, 10000.0)
    a, b = per.loc["A"], per.loc["B"]
    assert a["water_units"] == pytest.approx(830.0) and a["water_partner"] == pytest.approx(50.0 / 830.0)
    assert b["water_units"] == pytest.approx(450.0) and b["water_days"] == pytest.approx(3.0)
    assert a["meals_units"] == pytest.approx(1000.0) and b["meals_units"] == pytest.approx(500.0)
    assert b["meals_partner"] == pytest.approx(0.6)
    assert b["portable_toilet_units"] == pytest.approx(500.0)  # 2000 - A's 1500
    assert a["infant_diaper_units"] + b["infant_diaper_units"] == pytest.approx(100.0)
    assert a["infant_diaper_units"] == pytest.approx(45.6 + 31.6 * 2 / 3)


def test_sphere_profile_and_energy_join(run_alg, case):
    energy = _write(case["tmp"] / "energy.csv",
                    "id,battery_kwh,battery_soc,critical_load_kw,hours_now\nA,20,0.5,2,\nB,10,0.8,1,7.5\nC,0,,1,0\n")
    res, per, _ = _sufficiency(run_alg, case, 2000.0, PROFILE=1, ENERGY=energy, ENERGY_ID_FIELD="id")
    assert per.loc["A", "water_days"] == pytest.approx(780.0 / (100 * 15.0))   # Sphere 15 L/person/day
    assert per.loc["A", "kwh_now"] == pytest.approx(10.0)
    assert per.loc["A", "hours_now"] == pytest.approx(10.0 / 2.0)               # computed: kWh now / load
    assert per.loc["B", "kwh_now"] == pytest.approx(8.0)
    assert per.loc["B", "hours_now"] == pytest.approx(7.5)                      # the energy layer's figure
    assert any("energy joined for 2/2" in m for m in res["_feedback"].infos)
    assert len(per) == 2                                                        # energy row C adds no shelter


def test_expiry_rotation(run_alg, case):
    tmp = case["tmp"]
    res = run_alg("sonae:expiryrotation", {"ITEMS": case["items"], "SITES": case["sites"],
                                           "REFERENCE_DATE": "R8.4.1", "MONTHS": 12,
                                           "OUTPUT": str(tmp / "rot.gpkg"), "OUTPUT_REPLACEMENT": str(tmp / "rep.gpkg")})
    lots = gpd.read_file(res["OUTPUT"])
    # expiring on or before 2027-04-01: W1 2026-03-31, 2026-04-01, 2027-03-31; P1 2026-12-31, 2026-03-31, 2026-10-01
    assert res["LOT_COUNT"] == 6 and res["EXPIRED_COUNT"] == 2
    by = {(r.site_id, str(r.expiry_date)[:10]): r for r in lots.itertuples()}
    assert by[("W1", "2026-03-31")].action.startswith("expired")
    assert by[("W1", "2026-04-01")].action.startswith("donate")          # 0 months left, city
    assert by[("W1", "2027-03-31")].action.startswith("sell through")    # 11.96 months left, city
    assert by[("P1", "2026-12-31")].action.startswith("partner sells")
    assert by[("W1", "2026-04-01")].site_name == "市倉庫"
    rep = gpd.read_file(res["OUTPUT_REPLACEMENT"])
    got = {(r.fiscal_year, r.item): r.quantity_base for r in rep.itertuples()}
    assert got == {(2026, "water"): 600 + 300 + 480, (2027, "meals"): 1200}


def test_partner_audit(run_alg, case):
    res = run_alg("sonae:partneraudit", {"ITEMS": case["items"], "SITES": case["sites"], "AUDIT_DATE": SCENARIO,
                                         "PROFILE": 0, "HORIZON_DAYS": 3, "MAX_AGE_MONTHS": 12,
                                         "OUTPUT": str(case["tmp"] / "audit.gpkg")})
    t = gpd.read_file(res["OUTPUT"]).set_index("item")
    assert t.loc["water", "reported"] == 600 and t.loc["water", "expired"] == 400
    assert t.loc["water", "counted"] == 500 and not bool(t.loc["water", "under_committed"])
    assert not bool(t.loc["water", "stale"])                     # verified 2025-12-01: 4 months
    assert bool(t.loc["meals", "under_committed"]) and t.loc["meals", "gap"] == 700
    assert bool(t.loc["meals", "stale"])                         # verified 2025-03-01: 13 months
    assert t.loc["meals", "site_name"] == "協定店舗"
    assert res["PERSONS_FED"] == pytest.approx(300 / 9)          # meals: 300 / (3 meals x 3 days)
    assert res["LIMITING_ITEM"] == "meals" and res["UNDER_COMMITTED"] == 1 and res["STALE"] == 1


def test_cp932_csv_import(tmp_path, run_alg):
    sites = _write(tmp_path / "sites_sjis.csv", SITES_CSV, "cp932")
    items = _write(tmp_path / "items_sjis.csv", ITEMS_CSV.replace("箱(2L×6本)", "L"), "cp932")
    res = run_alg("sonae:importstockpile", {"ITEMS_FILE": items, "SITES_FILE": sites,
                                            "OUTPUT_SITES": str(tmp_path / "s.gpkg"),
                                            "OUTPUT_ITEMS": str(tmp_path / "i.gpkg")})
    it = gpd.read_file(res["OUTPUT_ITEMS"])
    st = gpd.read_file(res["OUTPUT_SITES"])
    assert sorted(st["name"]) == ["協定店舗", "市倉庫"]
    assert it.loc[it["product"] == "当日期限", "expiry_date"].astype(str).str[:10].tolist() == ["2026-04-01"]
    assert it["quantity_base"].sum() == 600 + 300 + 40 + 1200 + 2000 + 100 + 80 + 600 + 400 + 300
    assert st.crs.to_epsg() == 6668 and st.geometry.x.round(2).tolist() == [134.05, 134.10]


def test_xlsx_import(tmp_path, run_alg):
    import openpyxl
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "在庫"
    ws.append(["拠点ID", "所有区分", "品目", "品名", "単位", "数量", "賞味期限", "協定数量", "確認日"])
    ws.append(["W1", "市", "保存水", "500ml", "箱(500mL×24本)", 10, dt.datetime(2030, 3, 31), None, None])
    ws.append(["P1", "協定事業者", "クラッカー", "", "食", 250, "令和元年5月1日", 200, "R7.4.1"])
    ws2 = wb.create_sheet("拠点")
    ws2.append(["拠点ID", "拠点名", "所有区分", "緯度", "経度"])
    ws2.append(["W1", "倉庫", "市", 34.3, 134.0])
    ws2.append(["P1", "店舗", "協定事業者", 34.31, 134.01])
    path = str(tmp_path / "stock.xlsx")
    wb.save(path)
    res = run_alg("sonae:importstockpile", {"ITEMS_FILE": path, "SITES_FILE": path,
                                            "OUTPUT_SITES": str(tmp_path / "s.gpkg"),
                                            "OUTPUT_ITEMS": str(tmp_path / "i.gpkg")})
    it = gpd.read_file(res["OUTPUT_ITEMS"]).set_index("site_id")
    assert it.loc["W1", "item"] == "water" and it.loc["W1", "quantity_base"] == pytest.approx(10 * 12.0)
    assert str(it.loc["W1", "expiry_date"])[:10] == "2030-03-31"
    assert it.loc["P1", "item"] == "meals" and it.loc["P1", "committed_base"] == 200
    assert str(it.loc["P1", "expiry_date"])[:10] == "2019-05-01"
    assert str(it.loc["P1", "verified_on"])[:10] == "2025-04-01"
    assert it.loc["P1", "source_row"] == "sheet '在庫' row 3"


@pytest.mark.parametrize("items_edit, sites_text, needles", [
    (("W1,市,携帯トイレ,,回,2000", "W1,市,携帯トイレ,,回,-2000"), SITES_CSV, ["line 6", "6行目", "negative"]),
    (("W1,市,毛布,,枚,80", "W1,市,毛布,,kg,80"), SITES_CSV, ["line 8", "8行目", "unknown unit 'kg'"]),
    (("W1,市,毛布,,枚,80", "W1,市,灯油,,L,80"), SITES_CSV, ["line 8", "unknown item '灯油'"]),
    (("W1,市,アルファ化米,,食,1200,2028/1/1", "W1,市,アルファ化米,,食,1200,令和10年2月30日"), SITES_CSV,
     ["line 5", "no such date"]),
    (("P1,協定事業者,食料,,食,300", "P2,協定事業者,食料,,食,300"), SITES_CSV,
     ["line 11", "site id P2 has no location"]),
    (None, SITES_CSV.replace("34.34,134.10", ","), ["sites.csv, line 3", "site P1 has no valid location"]),
    (("W1,市,毛布,,枚,80,,,", "W1,市,毛布,,枚,80,,,\nW1,市,毛布,,枚,80,,,"), SITES_CSV,
     ["line 9: duplicate of line 8"]),
])
def test_bad_input_names_the_row_and_writes_nothing(tmp_path, run_alg, items_edit, sites_text, needles):
    text = ITEMS_CSV if items_edit is None else ITEMS_CSV.replace(*items_edit)
    items = _write(tmp_path / "items.csv", text)
    sites = _write(tmp_path / "sites.csv", sites_text)
    out_s, out_i = tmp_path / "s.gpkg", tmp_path / "i.gpkg"
    with pytest.raises(QgsProcessingException) as exc:
        run_alg("sonae:importstockpile", {"ITEMS_FILE": items, "SITES_FILE": sites,
                                          "OUTPUT_SITES": str(out_s), "OUTPUT_ITEMS": str(out_i)})
    msg = str(exc.value)
    for needle in needles:
        assert needle in msg
    assert not out_s.exists() and not out_i.exists()


def test_template_round_trip(tmp_path, run_alg):
    import openpyxl
    path = str(tmp_path / "template.xlsx")
    res = run_alg("sonae:stockpiletemplate", {"OUTPUT": path})
    assert res["FILE_COUNT"] == 1
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["在庫", "拠点", "品目と単位"]
    header = [c.value for c in wb["在庫"][1]]
    assert header[:6] == ["拠点ID", "所有区分", "品目", "品名", "単位", "数量"]
    wb["在庫"].append(["X1", "市", "携帯トイレ", "", "箱(100回)", 3, None, None, None, None])
    wb["拠点"].append(["X1", "倉庫", "市", "", 34.3, 134.0, ""])
    wb.save(path)
    res = run_alg("sonae:importstockpile", {"ITEMS_FILE": path, "SITES_FILE": path,
                                            "OUTPUT_SITES": str(tmp_path / "s.gpkg"),
                                            "OUTPUT_ITEMS": str(tmp_path / "i.gpkg")})
    it = gpd.read_file(res["OUTPUT_ITEMS"])
    assert it["quantity_base"].tolist() == [300.0] and it["item"].tolist() == ["portable_toilet"]
    csv = run_alg("sonae:stockpiletemplate", {"OUTPUT": str(tmp_path / "t.csv")})
    assert csv["FILES"].split(";") == [str(tmp_path / "t.csv"), str(tmp_path / "t_sites.csv")]
    with open(tmp_path / "t_sites.csv", encoding="utf-8-sig") as fh:
        assert fh.read().strip() == "拠点ID,拠点名,所有区分,住所,緯度,経度,施設ID"


def test_scenario_generator_is_seeded_and_matches_committed_files():
    import pandas as pd
    from sonae.scripts.scenario_stockpile import SCENARIO_DATE, SEED, make_scenario
    here = os.path.join(os.path.dirname(os.path.dirname(os.path.realpath(__file__))), "demo", "data", "scenario")
    sites, items = make_scenario(SCENARIO_DATE, SEED)
    committed = pd.read_csv(os.path.join(here, "stockpile_items.csv"), dtype=str, keep_default_na=False)
    assert committed["数量"].astype(int).tolist() == items["数量"].astype(int).tolist()
    assert (items["備考"].str.contains("not real inventory")).all()
    assert len(sites) == 19 + 25 + 12
