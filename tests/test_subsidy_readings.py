"""Seed 003's categories as rules/subsidy/moe_fy2019_shelter_energy.json reads them (issue 13), one test per reading,
through sonae:subsidyscope, each figure by hand (unit costs: PV 300,000 yen/kW, battery 100,000 yen/kWh,
cogeneration 400,000 yen/kW, waste-plant unused energy 500,000 yen/kW; rate 1/2 for No.2-1 private, 3/4 for a
municipality below 0.8).
"""
from __future__ import annotations

import json
import os

from .conftest import ROOT
from .test_subsidy_scope import facilities, run, write_costs

RULES = os.path.join(ROOT, "rules", "subsidy", "moe_fy2019_shelter_energy.json")
PRIVATE = {"owner": "private", "facility_type": "hospital"}


def _spec(item):
    with open(RULES, encoding="utf-8") as fh:
        return json.load(fh)["equipment"][item]


def test_a_stand_alone_battery_is_eligible_for_no2_only(run_alg, tmp_path):
    # 「2号事業：…コジェネレーションシステム及び蓄電池等を導入する事業」 vs 1号「…並びにそれらの附帯設備（蓄電池、自営線等）」
    assert "蓄電池等" in _spec("battery")["_source"] and _spec("battery")["condition_categories"] == ["no1"]
    costs = write_costs(tmp_path)
    fac = facilities(tmp_path, [dict(PRIVATE, pv_kw=0.0, battery_kwh=30.0)], "priv.geojson")
    _, f, _ = run(run_alg, tmp_path, fac, UNIT_COSTS=costs, APPLICANT_TYPE="private")
    assert f.loc[0, "eligible_yn"] == "yes" and f.loc[0, "eligible_cost_yen"] == 3_000_000
    assert f.loc[0, "subsidy_yen"] == 1_500_000                     # 1/2, floored to 1,000 yen
    fac = facilities(tmp_path, [{"pv_kw": 0.0, "battery_kwh": 30.0}], "pub.geojson")
    _, f, _ = run(run_alg, tmp_path, fac, UNIT_COSTS=costs, FISCAL_INDEX=0.5)
    assert f.loc[0, "eligible_yn"] == "no" and "accessory" in f.loc[0, "reasons_en"]


def test_b_bos_and_waste_plant_conditions_apply_to_no1_only(run_alg, tmp_path):
    # both conditions sit under 補助対象設備の例（1号事業） only
    assert _spec("cogeneration")["condition_categories"] == ["no1"]
    assert _spec("waste_unused_energy")["condition_categories"] == ["no1"]
    costs = write_costs(tmp_path, extra={"cogeneration": 400000, "waste_unused_energy": 500000})
    rows = [{"cogeneration_kw": 10.0, "cogeneration_bos": False}, {"waste_unused_energy_kw": 5.0}]
    fac = facilities(tmp_path, [dict(PRIVATE, **r) for r in rows], "priv.geojson")
    _, f, _ = run(run_alg, tmp_path, fac, UNIT_COSTS=costs, APPLICANT_TYPE="private")
    assert list(f["eligible_yn"]) == ["yes", "yes"]
    assert f["eligible_cost_yen"].tolist() == [4_000_000, 2_500_000]
    assert f["subsidy_yen"].tolist() == [2_000_000, 1_250_000]
    fac = facilities(tmp_path, rows, "pub.geojson")
    _, f, _ = run(run_alg, tmp_path, fac, UNIT_COSTS=costs, FISCAL_INDEX=0.5)
    assert list(f["eligible_yn"]) == ["no", "no"]
    assert "BOS" in f.loc[0, "reasons_en"] and "waste" in f.loc[1, "reasons_en"]


def test_c_fit_excludes_only_the_fit_sold_pv(run_alg, tmp_path):
    # Q&A 2: 「余剰電力について、FITを適用することは認められません」
    costs = write_costs(tmp_path)
    fac = facilities(tmp_path, [
        {"pv_kw": 20.0, "pv_cap_kw": 25.0, "battery_kwh": 10.0, "fit_pv_kw": 5.0},   # 5 of 20 kW sold under FIT
        {"pv_kw": 20.0, "pv_cap_kw": 25.0, "battery_kwh": 10.0, "fit": True},         # all of it
        {"pv_kw": 20.0, "pv_cap_kw": 25.0, "battery_kwh": 10.0},
    ])
    _, f, _ = run(run_alg, tmp_path, fac, UNIT_COSTS=costs, FISCAL_INDEX=0.5)
    assert list(f["eligible_yn"]) == ["yes", "yes", "yes"]
    assert f["pv_eligible"].tolist() == [15.0, 0.0, 20.0]
    assert f["battery_eligible"].tolist() == [10.0, 10.0, 10.0]
    assert f["eligible_cost_yen"].tolist() == [15 * 300000 + 1_000_000, 1_000_000, 20 * 300000 + 1_000_000]
    assert f["ineligible_cost_yen"].tolist() == [5 * 300000, 20 * 300000, 0]
    assert f["subsidy_yen"].tolist() == [4_125_000, 750_000, 5_250_000]            # 3/4, floored to 1,000 yen
    assert "FIT" in f.loc[0, "reasons_en"] and "FIT" in f.loc[1, "reasons_ja"]


def test_role_decides_the_facility_when_the_plan_field_is_absent(run_alg, tmp_path):
    # rules/facility_roles.json subsidy_facility: welfare shelter yes, an open space (immediate refuge) no
    costs = write_costs(tmp_path)
    base = {"pv_kw": 10.0, "pv_cap_kw": 20.0, "battery_kwh": 10.0, "in_disaster_plan": None}
    fac = facilities(tmp_path, [
        dict(base, designated_shelter=False, welfare_shelter=True, emergency_site=False, facility_type="welfare"),
        dict(base, designated_shelter=False, welfare_shelter=False, emergency_site=True, facility_type="park"),
        dict(base, designated_shelter=False, welfare_shelter=False, emergency_site=True, facility_type="park",
             in_disaster_plan=True),
    ])
    _, f, _ = run(run_alg, tmp_path, fac, UNIT_COSTS=costs, FISCAL_INDEX=0.5)
    assert list(f["role"]) == ["welfare_shelter", "immediate_refuge", "immediate_refuge"]
    assert list(f["eligible_yn"]) == ["yes", "no", "no"]
    assert f.loc[0, "eligible_cost_yen"] == 10 * 300000 + 1_000_000
    assert "subsidy_facility" in f.loc[1, "reasons_en"] and "subsidy_facility" in f.loc[2, "reasons_en"]
