"""One small case per seed 004 type, built from the type's own description (表5.2-5.11), typed from Japanese facility
names by rules/facility_types.json, classified by engine/districts.py; measures (表5.12, 表5.13) and the city table.
"""
from __future__ import annotations

import geopandas as gpd
import pytest
from shapely.geometry import Point

from sonae.engine import districts
from sonae.engine.district_types import type_from_text

X0, Y0 = 500000.0, 3800000.0


def classify_names(names, chargers=False, owners=None, battery=None):
    types = type_from_text(names)
    n = len(names)
    gdf = gpd.GeoDataFrame({"id": [f"F{i}" for i in range(n)], "name": names, "facility_type": types,
                            "owner": owners or [None] * n, "battery_kwh": battery or [0.0] * n},
                           geometry=[Point(X0 + 60 * i, Y0) for i in range(n)], crs="EPSG:6690")
    ch = gpd.GeoDataFrame({"kw": [50]}, geometry=[Point(X0 + 30, Y0)], crs="EPSG:6690") if chargers else None
    out, _ = districts.district_layout(gdf, 500, None, 2, chargers=ch, line_yen_per_m=30000)
    assert len(out) == 1
    return out.iloc[0], list(types)


@pytest.mark.parametrize("names,chargers,expected,why", [
    (["高松駅", "駅前ショッピングモール", "駅前オフィスビル", "駅前マンション"], False, "station_area",
     "表5.2: 複数施設（主に駅、商業、業務、集合住宅（マンション等））間でエネルギーの融通"),
    (["市営東町住宅", "東町公民館", "東町コーポ"], False, "district_block",
     "表5.3: 街区…の複数施設（主に住宅、中小事業者、商店街）; 公民館などを災害避難所として強化"),
    (["中央商店街", "中央スーパー", "中央ビル"], False, "shopping_street",
     "表5.4: 商店街が一体となって再生可能エネルギーを導入"),
    (["湾岸マンション", "湾岸レジデンス", "湾岸オフィスビル", "湾岸ホテル", "湾岸支所", "湾岸病院", "湾岸小学校",
      "湾岸公園"], False, "large_area", "表5.5: 住宅・業務エリアが混在する大規模エリア"),
    (["香川大学", "大学前病院", "北部出張所"], False, "research_institution",
     "表5.6: 研究機関は、主に大学…病院や娯楽施設…庁舎や区（市）有施設がある場合"),
    (["第一小学校", "第一公民館", "市民体育館"], False, "public_facilities",
     "表5.7: 基礎自治体内の複数の公共施設を防災拠点として"),
    (["南部クリーンセンター", "南部病院", "南部公民館"], False, "energy_supply",
     "表5.8 スキーム図: エネルギー供給施設, 周辺地域, 病院, 公共施設"),
    (["県営西団地", "西マンション", "西特別養護老人ホーム"], False, "housing_complex",
     "表5.9: 団地やマンションなどの一画及びその周辺（周辺の福祉施設は災害避難所として強化）"),
    (["中央市役所", "中央病院"], True, "ev_introduction", "表5.10: 公共施設に電気自動車充電器を導入"),
    (["歴史資料館", "港病院"], True, "other_electric_mobility", "表5.11: 多様な電気駆動車を導入し観光活性"),
])
def test_each_type_from_its_seed_description(names, chargers, expected, why):
    row, types = classify_names(names, chargers)
    assert row["type_id"] == expected, (why, types, row["type_counts"], row["secondary_types"])


def test_residential_buildings_are_housing_not_commercial():
    assert list(type_from_text(["〇〇マンション", "県営△△団地", "□□共同住宅", "▽▽ハイツ"])) == ["housing"] * 4
    row, _ = classify_names(["駅南マンション", "駅南第二マンション"])
    assert row["type_id"] == "housing_complex" and row["type_ja"] == "共同住宅開発型"


def test_high_school_next_to_fire_station_is_public_not_research():
    row, types = classify_names(["高松高等学校", "中央消防署"])
    assert types == ["high_school", "government"]
    assert row["type_id"] == "public_facilities" and "research_institution" not in row["secondary_types"]
    # 表5.7: no self-owned line in the scheme (each facility sells on its own)
    assert not row["interchange"] and row["line_cost_yen"] == 0 and row["line_m"] == pytest.approx(60.0)


def test_public_facilities_scale_per_table_5_7():
    row, _ = classify_names(["第二小学校", "第二公民館"])
    assert (row["scale_min_yen"], row["scale_max_yen"]) == (1e7, 1e8)           # 数千万円
    row, _ = classify_names(["第二小学校", "第二公民館"], battery=[10.0, 0.0])
    assert (row["scale_min_yen"], row["scale_max_yen"]) == (1e8, 1e9)           # 蓄エネ導入の場合は数億円規模


def test_interchange_types_price_the_line():
    row, _ = classify_names(["高松駅", "駅前ショッピングモール"])
    assert row["interchange"] and row["line_cost_yen"] == 60 * 30000


def test_measures_not_types():
    row, _ = classify_names(["寺町寺", "寺町神社"])                           # no seed type describes it
    assert row["type_id"] == "unclassified" and row["type_no"] == 0
    assert row["measures"] == "study_committee" and row["measures_ja"] == "検討委員会設置"
    row, _ = classify_names(["第三小学校", "第三公民館"])
    assert row["type_id"] == "public_facilities" and row["measures"] == "energy_saving_behaviour"
    rules = districts.load_district_rules()
    assert "energy_saving_behaviour" not in rules["types"] and "study_committee" not in rules["types"]
    table = districts.city_measures([["energy_saving_behaviour"], [], ["study_committee"]], ["D001", "D002", "D003"],
                                    rules)
    assert list(table["measure_id"]) == ["energy_saving_behaviour", "study_committee"]
    assert list(table["district_ids"]) == ["D001", "D003"] and set(table["scope"]) == {"city"}
    assert list(table["table"]) == ["表5.12", "表5.13"]


def test_measures_table_through_processing(run_alg, tmp_path):
    import pyogrio
    path = str(tmp_path / "f.gpkg")
    gpd.GeoDataFrame({"id": ["a", "b", "c", "d"], "facility_type": ["school", "community_center", "religious",
                                                                   "religious"]},
                     geometry=[Point(X0, Y0), Point(X0 + 100, Y0), Point(X0 + 5000, Y0), Point(X0 + 5100, Y0)],
                     crs="EPSG:6690").to_file(path, driver="GPKG")
    out, mout = str(tmp_path / "d.gpkg"), str(tmp_path / "m.gpkg")
    res = run_alg("sonae:districtlayout", {"FACILITIES": path, "APPLICANT_TYPE": "municipality", "FISCAL_INDEX": 0.5,
                                           "OUTPUT": out, "OUTPUT_MEASURES": mout})
    assert res["DISTRICT_COUNT"] == 2
    m = pyogrio.read_dataframe(mout, read_geometry=False)
    d = pyogrio.read_dataframe(out, read_geometry=False).sort_values("district_id")
    assert list(d["type_id"]) == ["public_facilities", "unclassified"]
    assert dict(zip(m["measure_id"], m["district_ids"])) == {"energy_saving_behaviour": "D001",
                                                             "study_committee": "D002"}


def test_tsunami_buildings_are_typed_by_their_use():
    """rules/district_types.json typed_by_name: a tsunami building's type names its role; its name says its use."""
    gdf = gpd.GeoDataFrame({"id": ["a", "b", "c"], "name": ["駅前ホテル", "中央スーパー", "合同宿舎住宅"],
                            "facility_type": ["tsunami_evacuation_building"] * 3},
                           geometry=[Point(X0, Y0), Point(X0 + 60, Y0), Point(X0 + 5000, Y0)], crs="EPSG:6690")
    gdf = gpd.GeoDataFrame(pd_concat([gdf, gpd.GeoDataFrame(
        {"id": ["d"], "name": ["宿舎そばの特別養護老人ホーム"], "facility_type": ["welfare"]},
        geometry=[Point(X0 + 5100, Y0)], crs="EPSG:6690")]), crs="EPSG:6690")
    out, _ = districts.district_layout(gdf, 500, None, 2)
    out = out.sort_values("district_id")
    assert list(out["type_id"]) == ["shopping_street", "housing_complex"]
    assert out.iloc[0]["type_counts"] == "commercial:2"


def pd_concat(frames):
    import pandas as pd
    return pd.concat(frames, ignore_index=True)


def test_station_is_a_name_ending_in_eki():
    # a station building (駅ビル) is commercial: the commercial keyword ビル comes first
    assert list(type_from_text(["高松駅", "ロイヤルガーデン高松駅西壱番館", "瓦町駅ビル", "JR高松駅舎"])) == \
        ["station", "other", "commercial", "station"]
