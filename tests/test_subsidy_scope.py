"""sonae:subsidyscope against seed 003 (FY2019 MoE programme), with every figure computed by hand here.

Unit costs in most tests come from a small replacement file written by the test (PV 300,000 yen/kW, battery
100,000 yen/kWh) so the hand arithmetic is plain; one test uses the bundled rules/unit_costs.json.
"""
from __future__ import annotations

import json
import os

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from shapely.geometry import Point, box

from sonae.tests.conftest import ROOT

RULES = os.path.join(ROOT, "rules", "subsidy", "moe_fy2019_shelter_energy.json")
ALG = "sonae:subsidyscope"


def write_costs(tmp_path, pv=300000, battery=100000, name="costs.json", extra=None):
    with open(os.path.join(ROOT, "rules", "unit_costs.json"), encoding="utf-8") as fh:
        data = json.load(fh)
    data["items"]["pv"]["yen_per_unit"] = pv
    data["items"]["battery"]["yen_per_unit"] = battery
    for k, v in (extra or {}).items():
        data["items"][k]["yen_per_unit"] = v
    path = os.path.join(tmp_path, name)
    with open(path, "w", encoding="utf-8") as fh:
        json.dump(data, fh)
    return path


def facilities(tmp_path, rows, name="fac.geojson"):
    base = {"facility_type": "school", "owner": "public", "in_disaster_plan": True, "designated_shelter": True}
    recs = []
    for i, r in enumerate(rows):
        rec = dict(base, id=f"F{i + 1}", name=f"施設{i + 1}")
        rec.update(r)
        recs.append(rec)
    gdf = gpd.GeoDataFrame(recs, geometry=[Point(134.0 + 0.01 * i, 34.3) for i in range(len(recs))], crs="EPSG:6668")
    path = os.path.join(tmp_path, name)
    gdf.to_file(path, driver="GeoJSON")
    return path


def run(run_alg, tmp_path, fac, **params):
    out = os.path.join(tmp_path, f"out_{len(os.listdir(tmp_path))}.gpkg")
    p = {"FACILITIES": fac, "RULES": RULES, "APPLICANT_TYPE": "municipality", "OUTPUT": out}
    p.update(params)
    res = run_alg(ALG, p)
    table = gpd.read_file(out)
    return res, table[table["row_type"] == "facility"].reset_index(drop=True), table[table["row_type"] != "facility"]


# --- seed 003: effective burden 1/8, 1/6, 1/4 ---------------------------------------------------------------------

@pytest.mark.parametrize("applicant,fi,rate,subsidy,burden", [
    ("municipality", 0.5, "3/4", 6_750_000, 1_125_000),     # 9,000,000 x 3/4; (9,000,000-6,750,000) x 1/2
    ("municipality", 0.8, "2/3", 6_000_000, 1_500_000),     # fiscal index exactly 0.8 -> 2/3
    ("designated_city", 0.5, "1/2", 4_500_000, 2_250_000),
    ("prefecture", None, "1/2", 4_500_000, 2_250_000),
])
def test_effective_burden_eighth_sixth_quarter(run_alg, tmp_path, applicant, fi, rate, subsidy, burden):
    # PV 20 kW x 300,000 + battery 30 kWh x 100,000 = 9,000,000 yen
    fac = facilities(tmp_path, [{"pv_kw": 20.0, "battery_kwh": 30.0, "pv_cap_kw": 25.0}])
    params = {"UNIT_COSTS": write_costs(tmp_path), "APPLICANT_TYPE": applicant}
    if fi is not None:
        params["FISCAL_INDEX"] = fi
    res, f, summary = run(run_alg, tmp_path, fac, **params)
    row = f.iloc[0]
    assert row["eligible_yn"] == "yes"
    assert row["rate"] == rate
    assert row["eligible_cost_yen"] == 9_000_000
    assert row["subsidy_yen"] == subsidy
    assert row["bond_yen"] == 9_000_000 - subsidy          # 充当率100%
    assert row["allocation_tax_yen"] == (9_000_000 - subsidy) // 2   # 交付税措置50%
    assert row["effective_burden_yen"] == burden
    expected_share = {"3/4": 1 / 8, "2/3": 1 / 6, "1/2": 1 / 4}[rate]
    assert row["burden_share"] == pytest.approx(expected_share, abs=1e-12)
    assert res["SUBSIDY_TOTAL"] == subsidy and res["BURDEN_TOTAL"] == burden


def test_rate_boundary_just_below_point_eight_and_rounding(run_alg, tmp_path):
    # bundled unit costs: PV 10 kW x 287,000 + battery 11.2 kWh x 92,000 = 2,870,000 + 1,030,400 = 3,900,400
    fac = facilities(tmp_path, [{"pv_kw": 10.0, "battery_kwh": 11.2, "pv_cap_kw": 12.0}])
    _, f, _ = run(run_alg, tmp_path, fac, FISCAL_INDEX=0.7999)
    assert f.loc[0, "rate"] == "3/4"
    assert f.loc[0, "eligible_cost_yen"] == 3_900_400
    assert f.loc[0, "subsidy_yen"] == 2_925_000            # 2,925,300 floored to 1,000 yen
    assert f.loc[0, "effective_burden_yen"] == (3_900_400 - 2_925_000) // 2
    _, f, _ = run(run_alg, tmp_path, fac, FISCAL_INDEX=0.8)
    assert f.loc[0, "rate"] == "2/3"
    assert f.loc[0, "subsidy_yen"] == 2_600_000            # 2,600,266.7 floored


def test_private_coapplicant_and_private_no_bond(run_alg, tmp_path):
    costs = write_costs(tmp_path)
    fac = facilities(tmp_path, [{"pv_kw": 20.0, "battery_kwh": 30.0, "pv_cap_kw": 25.0}])
    _, f, _ = run(run_alg, tmp_path, fac, UNIT_COSTS=costs, APPLICANT_TYPE="private_coapplicant")
    r = f.iloc[0]
    assert (r["rate"], r["subsidy_yen"], r["bond_yen"], r["allocation_tax_yen"]) == ("1/2", 4_500_000, 0, 0)
    assert r["effective_burden_yen"] == 4_500_000
    # No.2-1: private body on a private facility; a public facility does not fit No.2-1
    fac = facilities(tmp_path, [{"owner": "private", "facility_type": "commercial", "pv_kw": 20.0,
                                 "battery_kwh": 30.0, "pv_cap_kw": 25.0},
                                {"owner": "public", "pv_kw": 20.0, "battery_kwh": 30.0, "pv_cap_kw": 25.0}],
                     name="priv.geojson")
    _, f, _ = run(run_alg, tmp_path, fac, UNIT_COSTS=costs, APPLICANT_TYPE="private")
    assert list(f["eligible_yn"]) == ["yes", "no"]
    assert f.loc[0, "subsidy_yen"] == 4_500_000 and f.loc[0, "effective_burden_yen"] == 4_500_000
    assert "ownership" in f.loc[1, "reasons_en"] and f.loc[1, "subsidy_yen"] == 0


@pytest.mark.parametrize("applicant,area,ok", [
    ("zeb_private_new", 9999.99, True), ("zeb_private_new", 10000.0, False),
    ("zeb_private_existing", 1999.0, True), ("zeb_private_existing", 2000.0, False),
    ("zeb_public", 50000.0, True),
])
def test_zeb_floor_area_limits(run_alg, tmp_path, applicant, area, ok):
    owner = "public" if applicant == "zeb_public" else "private"
    fac = facilities(tmp_path, [{"owner": owner, "floor_area_m2": area, "pv_kw": 20.0, "battery_kwh": 30.0,
                                 "pv_cap_kw": 25.0}])
    _, f, _ = run(run_alg, tmp_path, fac, UNIT_COSTS=write_costs(tmp_path), APPLICANT_TYPE=applicant)
    r = f.iloc[0]
    assert r["rate"] == "2/3"
    assert (r["eligible_yn"] == "yes") is ok
    assert r["subsidy_yen"] == (6_000_000 if ok else 0)
    if not ok:
        assert "ZEB limit" in r["reasons_en"] and "延床面積" in r["reasons_ja"]


def test_not_in_disaster_plan_and_stated_plan(run_alg, tmp_path):
    fac = facilities(tmp_path, [{"in_disaster_plan": False, "designated_shelter": False, "pv_kw": 20.0,
                                 "battery_kwh": 30.0, "pv_cap_kw": 25.0},
                                {"in_disaster_plan": False, "designated_shelter": False, "plan_stated": True,
                                 "pv_kw": 20.0, "battery_kwh": 30.0, "pv_cap_kw": 25.0}])
    costs = write_costs(tmp_path)
    _, f, _ = run(run_alg, tmp_path, fac, UNIT_COSTS=costs, FISCAL_INDEX=0.5)
    assert list(f["eligible_yn"]) == ["no", "yes"]
    assert "not in the regional disaster plan" in f.loc[0, "reasons_en"]
    assert f.loc[0, "subsidy_yen"] == 0 and f.loc[0, "ineligible_cost_yen"] == 9_000_000
    assert "stated at application" in f.loc[1, "reasons_en"] and f.loc[1, "subsidy_yen"] == 6_750_000
    _, f, _ = run(run_alg, tmp_path, fac, UNIT_COSTS=costs, FISCAL_INDEX=0.5, PLAN_STATED=True)
    assert list(f["eligible_yn"]) == ["yes", "yes"]


def test_pv_capped_at_self_consumption(run_alg, tmp_path):
    with open(os.path.join(ROOT, "rules", "energy_defaults.json"), encoding="utf-8") as fh:
        share = json.load(fh)["normal_daytime_share"]["value"]
    with open(os.path.join(ROOT, "rules", "pv_yield_japan.json"), encoding="utf-8") as fh:
        pvr = json.load(fh)
    annual = pvr["annual_kwh_per_kwp"][pvr["default_region"]["value"]]["value"]
    cap2 = 60000.0 * share / annual      # 60 MWh/yr -> kW that can be self-consumed
    fac = facilities(tmp_path, [{"pv_kw": 100.0, "battery_kwh": 30.0, "pv_cap_kw": 40.0},
                                {"pv_kw": 100.0, "battery_kwh": 0.0, "normal_kwh_year": 60000.0},
                                {"pv_kw": 10.0, "battery_kwh": 0.0, "pv_cap_kw": 40.0}])
    _, f, _ = run(run_alg, tmp_path, fac, UNIT_COSTS=write_costs(tmp_path), FISCAL_INDEX=0.5)
    assert f.loc[0, "pv_eligible"] == pytest.approx(40.0)
    assert f.loc[0, "eligible_cost_yen"] == 40 * 300000 + 30 * 100000
    assert f.loc[0, "ineligible_cost_yen"] == 60 * 300000
    assert "capped to 40.0 kW" in f.loc[0, "reasons_en"] and "自家消費" in f.loc[0, "reasons_ja"]
    assert f.loc[1, "pv_eligible"] == pytest.approx(cap2)
    assert f.loc[1, "eligible_cost_yen"] == int(np.floor(cap2 * 300000 + 0.5))
    assert f.loc[2, "pv_eligible"] == pytest.approx(10.0) and "capped" not in f.loc[2, "reasons_en"]


def test_equipment_conditions(run_alg, tmp_path):
    """battery alone, cogeneration without BOS, FIT on PV, waste-plant unused energy, disaster-only operation."""
    fac = facilities(tmp_path, [
        {"pv_kw": 0.0, "battery_kwh": 30.0},
        {"cogeneration_kw": 10.0, "cogeneration_bos": False, "battery_kwh": 0.0},
        {"cogeneration_kw": 10.0, "cogeneration_bos": True, "battery_kwh": 0.0},
        {"pv_kw": 20.0, "pv_cap_kw": 25.0, "fit": True, "battery_kwh": 10.0},
        {"pv_kw": 20.0, "pv_cap_kw": 25.0, "waste_unused_energy_kw": 5.0},
        {"pv_kw": 20.0, "pv_cap_kw": 25.0, "disaster_only": True},
    ])
    costs = write_costs(tmp_path, extra={"cogeneration": 400000, "waste_unused_energy": 500000})
    _, f, _ = run(run_alg, tmp_path, fac, UNIT_COSTS=costs, FISCAL_INDEX=0.5)
    assert list(f["eligible_yn"]) == ["no", "no", "yes", "yes", "yes", "no"]
    assert "accessory" in f.loc[0, "reasons_en"]
    assert "BOS" in f.loc[1, "reasons_en"]
    assert f.loc[2, "eligible_cost_yen"] == 4_000_000 and f.loc[2, "subsidy_yen"] == 3_000_000
    # FIT excludes only the FIT-sold PV; the battery stays eligible (issue 13 c; tests/test_subsidy_readings.py)
    assert "FIT" in f.loc[3, "reasons_en"] and f.loc[3, "ineligible_cost_yen"] == 20 * 300000
    assert f.loc[3, "eligible_cost_yen"] == 10 * 100000
    assert "waste" in f.loc[4, "reasons_en"]
    assert f.loc[4, "eligible_cost_yen"] == 6_000_000 and f.loc[4, "ineligible_cost_yen"] == 2_500_000
    assert "only in disasters" in f.loc[5, "reasons_en"]


def test_energy_table_join_and_district_summary(run_alg, tmp_path):
    """A provisional battery_sizing-shaped table (facility_id, pv_kw, battery_kwh, battery_kw, pv_cap_kw) joined
    on id; DISTRICTS polygons give per-district sums, the city row sums everything."""
    fac = facilities(tmp_path, [{}, {}, {}, {"in_disaster_plan": False, "designated_shelter": False}])
    plan = pd.DataFrame({"facility_id": ["F1", "F2", "F4", "F9"], "pv_kw": [10.0, 20.0, 5.0, 1.0],
                         "battery_kwh": [10.0, 0.0, 5.0, 1.0], "battery_kw": [5.0, 0.0, 2.5, 0.5],
                         "pv_cap_kw": [50.0, 50.0, 50.0, 50.0]})
    plan_path = os.path.join(tmp_path, "battery_sizing.csv")
    plan.to_csv(plan_path, index=False)
    # F1 at lon 134.00, F2 134.01, F3 134.02, F4 134.03: district A holds F1+F2, district B holds F3+F4
    dist = gpd.GeoDataFrame({"district_id": ["A", "B"]},
                            geometry=[box(133.995, 34.29, 134.015, 34.31), box(134.015, 34.29, 134.035, 34.31)],
                            crs="EPSG:6668")
    dpath = os.path.join(tmp_path, "districts.geojson")
    dist.to_file(dpath, driver="GeoJSON")
    uri = f"file://{plan_path}?type=csv&detectTypes=yes&geomType=none"
    from qgis.core import QgsVectorLayer
    layer = QgsVectorLayer(uri, "battery_sizing", "delimitedtext")
    assert layer.isValid()
    res, f, summary = run(run_alg, tmp_path, fac, UNIT_COSTS=write_costs(tmp_path), FISCAL_INDEX=0.5,
                          ENERGY=layer, ENERGY_ID_FIELD="facility_id", DISTRICTS=dpath)
    # F1: 10x300,000 + 10x100,000 = 4,000,000 -> 3,000,000; F2: 6,000,000 -> 4,500,000; F3: nothing; F4 not in plan
    assert list(f["eligible_cost_yen"]) == [4_000_000, 6_000_000, 0, 0]
    assert list(f["subsidy_yen"]) == [3_000_000, 4_500_000, 0, 0]
    assert list(f["district_id"]) == ["A", "A", "B", "B"]
    assert "no equipment proposed" in f.loc[2, "reasons_en"]
    a = summary[summary["district_id"] == "A"].iloc[0]
    b = summary[summary["district_id"] == "B"].iloc[0]
    city = summary[summary["row_type"] == "city"].iloc[0]
    assert (a["eligible_cost_yen"], a["subsidy_yen"], a["effective_burden_yen"]) == (10_000_000, 7_500_000, 1_250_000)
    assert (b["eligible_cost_yen"], b["total_cost_yen"], b["n_eligible"]) == (0, 5 * 300000 + 5 * 100000, 0)
    assert city["n_facilities"] == 4 and city["n_eligible"] == 2
    assert city["subsidy_yen"] == 7_500_000 and res["ELIGIBLE_TOTAL"] == 10_000_000
    assert any("F9" in m and "ignored" in m for m in res["_feedback"].errors)   # plan row of an unknown facility


# --- seed 003 case figures and a second rule file -----------------------------------------------------------

def second_rule_file(tmp_path, rate, name="h28.json"):
    """A small second programme file (made here): one applicant type, one rate, PV only - no code change."""
    with open(RULES, encoding="utf-8") as fh:
        rules = json.load(fh)
    rules["programme"] = {"id": "test_h28_case", "fiscal_year": 2016, "name_ja": "平成28年度 事例再現用",
                          "name_en": "FY2016 case check"}
    rules["applicant_types"] = {"case_applicant": {"label_ja": "事例の申請者", "label_en": "case applicant",
                                                   "category": "h28", "facility_owner": ["public", "private"],
                                                   "fiscal_index_required": False, "local_bond": False}}
    rules["rates"] = [{"applicant_types": ["case_applicant"], "rate": rate, "_source": "seed 003 case slide"}]
    path = os.path.join(tmp_path, name)
    with open(path, "w", encoding="utf-8") as fh:
        json.dump(rules, fh, ensure_ascii=False)
    return path


@pytest.mark.parametrize("case,total_k,subsidy_k,rate", [
    ("Pacifico Yokohama", 1_260_000, 396_175, [1, 3]),
    ("Karst-kai", 68_141, 42_402, [2, 3]),
    ("Itami hospital", 324_552, 133_512, [1, 2]),
    ("Sendai Takasago", 48_394, 30_586, [2, 3]),
])
def test_seed003_case_subsidies_with_second_rule_file(run_alg, tmp_path, case, total_k, subsidy_k, rate):
    """Seed 003 gives total cost and subsidy (thousand yen) and the rate, not the eligible cost: the eligible cost
    is subsidy / rate (exact here). The programme must reproduce the subsidy from it, and it must not exceed the
    total project cost the seed gives."""
    eligible = subsidy_k * 1000 * rate[1] // rate[0]
    assert eligible * rate[0] == subsidy_k * 1000 * rate[1]
    assert eligible <= total_k * 1000
    costs = write_costs(tmp_path, pv=eligible // 10)   # 10 'kW' priced so the eligible cost is exactly as derived
    fac = facilities(tmp_path, [{"pv_kw": 10.0, "battery_kwh": 0.0, "pv_cap_kw": 10.0}])
    _, f, summary = run(run_alg, tmp_path, fac, RULES=second_rule_file(tmp_path, rate), UNIT_COSTS=costs,
                        APPLICANT_TYPE="case_applicant")
    assert f.loc[0, "eligible_cost_yen"] == eligible
    assert f.loc[0, "subsidy_yen"] == subsidy_k * 1000
    assert f.loc[0, "programme"] == "test_h28_case"


def test_sendai_under_fy2019_is_designated_city_half(run_alg, tmp_path):
    """Sendai is a designated city: under FY2019 its case (PV 10 kW + 11.2 kWh) gets 1/2, not the FY2016 2/3."""
    fac = facilities(tmp_path, [{"pv_kw": 10.0, "battery_kwh": 11.2, "pv_cap_kw": 10.0}])
    _, f, _ = run(run_alg, tmp_path, fac, APPLICANT_TYPE="designated_city")
    cost = 10 * 287000 + int(np.floor(11.2 * 92000 + 0.5))
    assert f.loc[0, "rate"] == "1/2" and f.loc[0, "eligible_cost_yen"] == cost
    assert f.loc[0, "subsidy_yen"] == cost // 2 // 1000 * 1000


# --- bad input ----------------------------------------------------------------------------------------------

def _dump(data, path):
    with open(path, "w", encoding="utf-8") as fh:
        json.dump(data, fh)


def _load(path):
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


def _fails(run_alg, tmp_path, fac, *needles, **params):
    from qgis.core import QgsProcessingException
    with pytest.raises(QgsProcessingException) as exc:
        run(run_alg, tmp_path, fac, **params)
    msg = str(exc.value)
    for n in needles:
        assert n in msg, msg
    return msg


def test_bad_rule_file_names_the_key(run_alg, tmp_path):
    fac = facilities(tmp_path, [{"pv_kw": 1.0, "pv_cap_kw": 1.0}])
    with open(RULES, encoding="utf-8") as fh:
        rules = json.load(fh)
    del rules["rates"][1]["rate"]
    bad = os.path.join(tmp_path, "bad.json")
    _dump(rules, bad)
    _fails(run_alg, tmp_path, fac, "rates.1.rate", "bad.json", "スキーマ", RULES=bad, FISCAL_INDEX=0.5)
    rules = _load(RULES)
    rules["local_bond"]["allocation_tax_share"] = "half"
    _dump(rules, bad)
    _fails(run_alg, tmp_path, fac, "local_bond.allocation_tax_share", RULES=bad, FISCAL_INDEX=0.5)
    rules = _load(RULES)
    rules["rates"][2]["applicant_types"].append("city_hall")
    _dump(rules, bad)
    _fails(run_alg, tmp_path, fac, "rates.2.applicant_types", "city_hall", RULES=bad, FISCAL_INDEX=0.5)


def test_unknown_applicant_and_fiscal_index_range(run_alg, tmp_path):
    fac = facilities(tmp_path, [{"pv_kw": 1.0, "pv_cap_kw": 1.0}])
    _fails(run_alg, tmp_path, fac, "core_city", "municipality", "申請者区分", APPLICANT_TYPE="core_city",
           FISCAL_INDEX=0.5)
    _fails(run_alg, tmp_path, fac, "3.5", "財政力指数", FISCAL_INDEX=3.5)
    _fails(run_alg, tmp_path, fac, "-0.1", FISCAL_INDEX=-0.1)
    _fails(run_alg, tmp_path, fac, "FISCAL_INDEX", "needs the fiscal capability index")


def test_zeb_without_floor_area(run_alg, tmp_path):
    fac = facilities(tmp_path, [{"owner": "private", "pv_kw": 1.0, "pv_cap_kw": 1.0, "floor_area_m2": 1500.0},
                                {"owner": "private", "pv_kw": 1.0, "pv_cap_kw": 1.0, "floor_area_m2": None}])
    _fails(run_alg, tmp_path, fac, "floor_area_m2", "F2", "延床面積", APPLICANT_TYPE="zeb_private_existing")


def test_only_added_equipment_is_priced(run_alg, tmp_path):
    """battery_sizing-shaped rows (sonae:sizeforautonomy): existing + added; only the added part is bought, and new
    PV may be at most the self-consumption cap minus the existing PV."""
    fac = facilities(tmp_path, [{}, {}])
    plan = pd.DataFrame({"facility_id": ["F1", "F2"], "pv_kw_existing": [20.0, 20.0], "pv_kw_added": [28.0, 40.0],
                         "pv_kw": [48.0, 60.0], "pv_cap_kw": [48.0, 48.0], "battery_kwh_existing": [11.0, 0.0],
                         "battery_kwh_added": [72.0, 10.0], "battery_kwh": [83.0, 10.0], "battery_kw": [41.5, 5.0]})
    path = os.path.join(tmp_path, "battery_sizing.csv")
    plan.to_csv(path, index=False)
    from qgis.core import QgsVectorLayer
    lyr = QgsVectorLayer(f"file://{path}?type=csv&detectTypes=yes&geomType=none", "battery_sizing", "delimitedtext")
    costs = write_costs(tmp_path)
    _, f, _ = run(run_alg, tmp_path, fac, UNIT_COSTS=costs, FISCAL_INDEX=0.5, ENERGY=lyr)
    assert list(f["pv_proposed"]) == [28.0, 40.0]
    assert list(f["pv_eligible"]) == pytest.approx([28.0, 28.0])          # 48 - 20 existing
    assert list(f["eligible_cost_yen"]) == [28 * 300000 + 72 * 100000, 28 * 300000 + 10 * 100000]
    assert f.loc[1, "ineligible_cost_yen"] == 12 * 300000
    assert "existing pv 20.0 kW not priced" in f.loc[0, "reasons_en"]
    _, f, _ = run(run_alg, tmp_path, fac, UNIT_COSTS=costs, FISCAL_INDEX=0.5, ENERGY=lyr, ADDED_ONLY=False)
    assert list(f["pv_eligible"]) == pytest.approx([48.0, 48.0])          # totals, capped at 48
    assert f.loc[0, "eligible_cost_yen"] == 48 * 300000 + 83 * 100000
