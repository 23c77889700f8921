"""sonae:districtlayout on hand-built layouts: clusters, seed 004 types, line lengths and scores by hand."""
from __future__ import annotations

import json
import os

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from pyproj import Geod
from shapely.geometry import Point, box

from sonae.tests.conftest import ROOT

ALG = "sonae:districtlayout"
X0, Y0 = 500000.0, 3800000.0   # EPSG:6690, JGD2011 / UTM zone 53N (metres)


def layer(tmp_path, rows, name="fac.geojson", crs="EPSG:6690"):
    recs, geoms = [], []
    for i, r in enumerate(rows):
        r = dict(r)
        x, y = r.pop("xy")
        rec = {"id": r.pop("id", f"F{i + 1}"), "name": f"施設{i + 1}", "owner": None, "in_disaster_plan": True}
        rec.update(r)
        recs.append(rec)
        geoms.append(Point(x, y) if crs == "EPSG:4326" else Point(X0 + x, Y0 + y))
    path = os.path.join(tmp_path, name)
    gpd.GeoDataFrame(recs, geometry=geoms, crs=crs).to_file(path, driver="GeoJSON")
    return path


def costs_file(tmp_path):
    with open(os.path.join(ROOT, "rules", "unit_costs.json"), encoding="utf-8") as fh:
        data = json.load(fh)
    data["items"]["pv"]["yen_per_unit"] = 300000
    data["items"]["battery"]["yen_per_unit"] = 100000
    data["items"]["self_owned_line"]["yen_per_unit"] = 10000
    path = os.path.join(tmp_path, "costs.json")
    with open(path, "w", encoding="utf-8") as fh:
        json.dump(data, fh)
    return path


def run(run_alg, tmp_path, fac, **params):
    out = os.path.join(tmp_path, f"d_{len(os.listdir(tmp_path))}.gpkg")
    p = {"FACILITIES": fac, "APPLICANT_TYPE": "municipality", "FISCAL_INDEX": 0.5, "OUTPUT": out}
    p.update(params)
    res = run_alg(ALG, p)
    d = gpd.read_file(out)
    return res, d.sort_values("district_id").reset_index(drop=True)


LAYOUT = [
    # A: 3-4-5 triangle of public facilities, all pairs <= 500 m
    {"xy": (0, 0), "facility_type": "school", "pv_kw": 20.0, "battery_kwh": 30.0, "pv_cap_kw": 30.0},
    {"xy": (300, 0), "facility_type": "community_center", "pv_kw": 10.0, "battery_kwh": 10.0, "pv_cap_kw": 30.0},
    {"xy": (0, 400), "facility_type": "gymnasium"},
    # B: station + commercial 200 m apart
    {"xy": (5000, 0), "facility_type": "station"},
    {"xy": (5200, 0), "facility_type": "commercial", "owner": "private"},
    # C: energy-supply facility + school 450 m apart
    {"xy": (10000, 0), "facility_type": "energy_supply"},
    {"xy": (10450, 0), "facility_type": "school"},
    # a lone facility: no district
    {"xy": (20000, 0), "facility_type": "school"},
    # chain 0 - 400 - 850: single linkage would join all three; every pair within 500 m only for the first two
    {"xy": (30000, 0), "facility_type": "housing", "owner": "private"},
    {"xy": (30400, 0), "facility_type": "welfare", "owner": "private"},
    {"xy": (30850, 0), "facility_type": "community_center"},
]


def test_clusters_types_lines_and_scores(run_alg, tmp_path):
    fac = layer(tmp_path, LAYOUT)
    res, d = run(run_alg, tmp_path, fac, UNIT_COSTS=costs_file(tmp_path), SPAN_M=500)
    assert res["DISTRICT_COUNT"] == 4
    members = [set(m.split(", ")) for m in d["member_ids"]]
    assert members == [{"F1", "F2", "F3"}, {"F4", "F5"}, {"F6", "F7"}, {"F9", "F10"}]
    assert list(d["type_id"]) == ["public_facilities", "station_area", "energy_supply", "housing_complex"]
    assert list(d["type_no"]) == [6, 1, 7, 8]
    assert d.loc[0, "measures"] == "energy_saving_behaviour"            # a school: 表5.12 ESD, a measure now
    assert d.loc[0, "secondary_types"] == "" and d.loc[2, "measures"] == "energy_saving_behaviour"
    # minimum spanning tree by hand: A 300 + 400, B 200, C 450, chain pair 400
    assert list(d["line_m"]) == pytest.approx([700.0, 200.0, 450.0, 400.0])
    assert list(d["diameter_m"]) == pytest.approx([500.0, 200.0, 450.0, 400.0])
    # a line is priced only where the type's scheme interchanges energy: station (表5.2) and energy supply
    # (表5.8) yes; public facilities (表5.7, each sells on its own) and housing (表5.9, 一括受電) no
    assert [bool(x) for x in d["interchange"]] == [False, True, True, False]
    assert list(d["line_cost_yen"]) == [0, 2_000_000, 4_500_000, 0]
    a = d.iloc[0]
    assert a["pv_kw"] == pytest.approx(30.0) and a["battery_kwh"] == pytest.approx(40.0)
    # money: F1 20x300,000 + 30x100,000 = 9,000,000; F2 10x300,000 + 10x100,000 = 4,000,000; no line
    assert a["line_cost_yen"] == 0
    assert a["investment_yen"] == 9_000_000 + 4_000_000
    sub = 6_750_000 + 3_000_000                             # rate 3/4 (fiscal index 0.5), each floored to 1,000
    assert a["subsidy_yen"] == sub
    tax = (9_000_000 - 6_750_000) // 2 + (4_000_000 - 3_000_000) // 2
    assert a["allocation_tax_yen"] == tax
    assert a["effective_burden_yen"] == tax                # bond covers the remainder; half is allocation tax
    # scores
    assert a["score_operational"] == pytest.approx(1.0)   # school, community centre, gymnasium: public by type
    assert a["score_market"] == pytest.approx(3 / 4)
    assert a["score_system"] == pytest.approx(1 - (700 / 2) / 500)
    assert a["score_economic"] == pytest.approx((sub + tax) / 13_000_000)
    assert a["score_technical"] == 0.0 and "no energy data" in a["inputs_technical"]
    assert d.loc[1, "score_operational"] == pytest.approx(0.0)   # station: owner unknown by type, commercial private
    assert "special-zone" in d.loc[1, "inputs_system"] and "no self-owned line" in a["inputs_system"]
    feas = np.mean([a[f"score_{k}"] for k in ("technical", "market", "economic", "operational", "system")])
    assert a["feasibility"] == pytest.approx(feas)
    # polygons contain their members
    pts = gpd.read_file(fac)
    for i, ids in enumerate(members):
        poly = d.geometry.iloc[i]
        assert all(poly.contains(g) for g in pts[pts["id"].isin(ids)].geometry)
    assert d.loc[0, "investment_scale_ja"].startswith("数千万円")
    # 表5.7: 数千万円, 蓄エネ導入の場合は数億円規模: with batteries the scale is 10^8-10^9, 13,000,000 is below it
    assert d.loc[0, "scale_min_yen"] == 1e8 and d.loc[0, "scale_max_yen"] == 1e9
    assert bool(d.loc[0, "within_type_scale"]) is False


def test_span_parameter_changes_clusters(run_alg, tmp_path):
    fac = layer(tmp_path, LAYOUT)
    _, d = run(run_alg, tmp_path, fac, SPAN_M=420)
    # A loses the 500 m pair: complete linkage keeps {F1,F2} (300 m) or {F1,F3} (400 m), first merge is 300 m
    members = [set(m.split(", ")) for m in d["member_ids"]]
    assert {"F1", "F2"} in members and {"F4", "F5"} in members and {"F9", "F10"} in members
    assert {"F6", "F7"} not in members                     # 450 m > 420 m
    _, d = run(run_alg, tmp_path, fac, SPAN_M=1000, MIN_MEMBERS=3)
    members = [set(m.split(", ")) for m in d["member_ids"]]
    assert members == [{"F1", "F2", "F3"}, {"F9", "F10", "F11"}]


def test_buildings_chargers_and_autonomy(run_alg, tmp_path):
    rows = [{"xy": (0, 0), "facility_type": "community_center", "pv_kw": 10.0, "battery_kwh": 20.0,
             "pv_cap_kw": 20.0},
            {"xy": (200, 0), "facility_type": "community_center", "pv_kw": 10.0, "battery_kwh": 20.0,
             "pv_cap_kw": 20.0},
            {"xy": (3000, 0), "facility_type": "school"}, {"xy": (3100, 0), "facility_type": "gymnasium"}]
    fac = layer(tmp_path, rows)
    bld = gpd.GeoDataFrame({"use": ["商店街ビル", "スーパー", "商店街ビル"]},
                           geometry=[box(X0 + 50, Y0 + 20, X0 + 80, Y0 + 60), box(X0 + 120, Y0 - 60, X0 + 150, Y0 - 30),
                                     box(X0 + 9000, Y0, X0 + 9050, Y0 + 50)], crs="EPSG:6690")
    bpath = os.path.join(tmp_path, "b.geojson")
    bld.to_file(bpath, driver="GeoJSON")
    ch = gpd.GeoDataFrame({"kw": [50]}, geometry=[Point(X0 + 3050, Y0)], crs="EPSG:6690")
    cpath = os.path.join(tmp_path, "c.geojson")
    ch.to_file(cpath, driver="GeoJSON")
    aut = pd.DataFrame({"id": ["F1", "F2"], "min_hours": [36.0, 90.0], "critical_load_kw": [1.5, 2.0]})
    apath = os.path.join(tmp_path, "shelters_energy.csv")
    aut.to_csv(apath, index=False)
    from qgis.core import QgsVectorLayer
    alayer = QgsVectorLayer(f"file://{apath}?type=csv&detectTypes=yes&geomType=none", "shelters_energy",
                            "delimitedtext")
    assert alayer.isValid()
    _, d = run(run_alg, tmp_path, fac, BUILDINGS=bpath, BUILDING_TYPE_FIELD="use", CHARGERS=cpath, AUTONOMY=alayer,
               UNIT_COSTS=costs_file(tmp_path))
    assert len(d) == 2
    # two commercial buildings touch district 1 (the third is 9 km away): businesses + community centres =
    # 表5.3 district/block (type 2), before shopping street (3) and public facilities (6) in the seed's order
    assert d.loc[0, "type_id"] == "district_block" and d.loc[0, "n_buildings"] == 2
    assert "commercial:2" in d.loc[0, "type_counts"]
    assert d.loc[0, "secondary_types"] == "shopping_street, public_facilities"
    assert d.loc[0, "score_technical"] == pytest.approx((36 / 72 + 1.0) / 2)
    assert d.loc[0, "min_autonomy_h"] == pytest.approx(36.0) and d.loc[0, "critical_load_kw"] == pytest.approx(3.5)
    # the charger lies in district 2: public facilities stays primary, EV introduction is a secondary match
    assert bool(d.loc[1, "has_chargers"]) and d.loc[1, "type_id"] == "public_facilities"
    assert "ev_introduction" in d.loc[1, "secondary_types"]
    assert not bool(d.loc[0, "has_chargers"])


def test_geographic_input_uses_metres(run_alg, tmp_path):
    """Lon/lat input: two facilities whose geodesic distance lies between 300 and 500 m."""
    lon, lat = 134.05, 34.34
    rows = [{"xy": (lon, lat), "facility_type": "school"}, {"xy": (lon + 0.0042, lat), "facility_type": "school"}]
    dist = Geod(ellps="GRS80").inv(lon, lat, lon + 0.0042, lat)[2]
    assert 300 < dist < 500
    fac = layer(tmp_path, rows, crs="EPSG:4326")
    _, d = run(run_alg, tmp_path, fac, SPAN_M=500)
    assert len(d) == 1 and d.loc[0, "line_m"] == pytest.approx(dist, rel=2e-3)
    _, d = run(run_alg, tmp_path, fac, SPAN_M=300)
    assert len(d) == 0


def test_missing_facility_type(run_alg, tmp_path):
    from qgis.core import QgsProcessingException
    gdf = gpd.GeoDataFrame({"id": ["a", "b"]}, geometry=[Point(X0, Y0), Point(X0 + 10, Y0)], crs="EPSG:6690")
    path = os.path.join(tmp_path, "nt.geojson")
    gdf.to_file(path, driver="GeoJSON")
    with pytest.raises(QgsProcessingException) as exc:
        run(run_alg, tmp_path, path)
    assert "facility_type" in str(exc.value)
