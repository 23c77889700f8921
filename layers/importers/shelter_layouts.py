"""The shelter table layouts Sonae recognises, as data. Detected from the header, never from the file name.

Each layout lists the columns that identify it, where each canonical field comes from, how its hazard flags are
written, and what kind of designation its rows carry. Column names are compared after NFKC normalisation and
case folding, so full-width/half-width and upper/lower case variants match.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

GSI_HAZARD_COLUMNS = {
    "flood": "洪水", "landslide": "崖崩れ、土石流及び地滑り", "storm_surge": "高潮", "earthquake": "地震",
    "tsunami": "津波", "fire": "大規模な火事", "inland_flood": "内水氾濫", "volcano": "火山現象",
}
DA_HAZARD_COLUMNS = {h: f"災害種別_{c}" for h, c in GSI_HAZARD_COLUMNS.items()}
TAKAMATSU_HAZARD_COLUMNS = {
    # flood_L2 = 想定最大規模 (the planning scale of the flood rasters); flood_L1 is kept in notes (and required).
    "flood": "flood_L2", "landslide": "sedimentDisaster", "storm_surge": "stormSurge", "earthquake": "earthquake",
    "tsunami": "tunami", "fire": "fire", "inland_flood": "inundation",
}
KSJ_P20_HAZARD_COLUMNS = {"earthquake": "p20_007", "tsunami": "p20_008", "flood": "p20_009", "volcano": "p20_010"}

LATLON_CANDIDATES = (("緯度", "経度"), ("latitude", "longitude"), ("lat", "lon"), ("lat", "lng"),
                     ("portal_latitude", "portal_longitude"), ("y", "x"), ("fy", "fx"))


@dataclass(frozen=True)
class Layout:
    key: str
    label: str
    required: tuple                      # every one of these columns must be present
    columns: dict                        # canonical field -> source column (or tuple of candidates)
    hazards: dict = field(default_factory=dict)
    flag_style: str = "gsi"              # gsi: "1"/"" ; mark: ○/△/×/− ; ksj: 1/0
    site_kind: str = "emergency"         # emergency | evacuation | city_table | tsunami_building | listed | none
    same_address_column: Optional[str] = None
    source: str = ""
    facility_type: Optional[str] = None  # fixed type for the whole layout, else derived from the name
    id_prefix: str = ""                  # stable id = <id_prefix>:<source id>; never derived from the file name

    @property
    def all_required(self) -> tuple:
        """The identifying columns plus every hazard column: a file lacking one is refused, not downgraded."""
        return tuple(dict.fromkeys(self.required + tuple(self.hazards.values())))

    @property
    def prefix(self) -> str:
        return self.id_prefix or f"{self.source}:{self.key}"


LAYOUTS = (
    Layout(
        key="gsi_emergency", label="国土地理院 指定緊急避難場所データ (GSI designated emergency sites)",
        required=("共通ID", "施設・場所名", "住所", "洪水", "指定避難所との住所同一"),
        columns={"source_id": "共通ID", "name": "施設・場所名", "address": "住所", "notes": "備考",
                 "municipality_name": "都道府県名及び市町村名"},
        hazards=GSI_HAZARD_COLUMNS, flag_style="gsi", site_kind="emergency",
        same_address_column="指定避難所との住所同一", source="gsi"),
    Layout(
        key="gsi_evacuation", label="国土地理院 指定避難所データ (GSI designated shelters)",
        required=("共通ID", "施設・場所名", "住所", "指定緊急避難場所との住所同一"),
        columns={"source_id": "共通ID", "name": "施設・場所名", "address": "住所", "notes": "備考",
                 "municipality_name": "都道府県名及び市町村名", "accepts": "受入対象者"},
        site_kind="evacuation", same_address_column="指定緊急避難場所との住所同一", source="gsi"),
    Layout(
        key="da_emergency_current", label="デジタル庁 推奨データセット 指定緊急避難場所（現行39項目）",
        required=("指定緊急避難場所名", "所在地_連結表記", "災害種別_洪水"),
        columns={"source_id": "NO", "municipality_code": "都道府県コード又は市区町村コード",
                 "name": "指定緊急避難場所名", "name_kana": "指定緊急避難場所名_カナ", "address": "所在地_連結表記",
                 "elevation_m": "標高", "capacity_persons": "想定収容人数", "notes": "備考"},
        hazards=DA_HAZARD_COLUMNS, flag_style="gsi", site_kind="emergency",
        same_address_column="指定避難所との住所同一", source="digital_agency"),
    Layout(
        key="da_evacuation_current", label="デジタル庁 推奨データセット 指定避難所",
        required=("指定避難所名", "緯度", "経度"),
        columns={"source_id": "NO", "municipality_code": "都道府県コード又は市区町村コード",
                 "name": "指定避難所名", "name_kana": "指定避難所名_カナ",
                 "address": ("所在地_連結表記", "住所"), "elevation_m": "標高",
                 "capacity_persons": "想定収容人数", "notes": "備考", "accepts": "受入対象者"},
        site_kind="evacuation", same_address_column="指定緊急避難場所との住所同一", source="digital_agency"),
    Layout(
        key="da_emergency_older", label="デジタル庁 推奨データセット 指定緊急避難場所（旧26項目）",
        required=("名称", "住所", "緯度", "経度", "災害種別_洪水"),
        columns={"source_id": "NO", "municipality_code": "都道府県コード又は市区町村コード", "name": "名称",
                 "name_kana": "名称_カナ", "address": "住所", "elevation_m": "標高",
                 "capacity_persons": "想定収容人数", "notes": "備考"},
        hazards=DA_HAZARD_COLUMNS, flag_style="gsi", site_kind="emergency",
        same_address_column="指定避難所との住所同一", source="digital_agency"),
    Layout(
        key="takamatsu_evacuation_space", label="高松市 指定緊急避難場所・指定避難所（市独自形式）",
        required=("name", "flood_L1", "flood_L2", "evacuationSpace", "sedimentDisaster"),
        columns={"source_id": "#property", "name": "name", "address": "address", "elevation_m": "elevation",
                 "capacity_persons": "capacity", "flood_l1": "flood_L1", "evacuation_space": "evacuationSpace",
                 "association": "residentsAssociation"},
        hazards=TAKAMATSU_HAZARD_COLUMNS, flag_style="mark", site_kind="city_table", source="takamatsu_city",
        id_prefix="takamatsu_city:evacuation_space"),
    Layout(
        key="takamatsu_tsunami_building", label="高松市 津波避難ビル",
        required=("name", "address", "shelter", "capacity", "district"),
        columns={"source_id": "#property", "name": "name", "address": "address", "capacity_persons": "capacity",
                 "refuge_floors": "shelter", "district": "district"},
        site_kind="tsunami_building", source="takamatsu_city", facility_type="tsunami_evacuation_building",
        id_prefix="takamatsu_city:tsunami_evacuation_building"),
    Layout(
        key="kumamoto_portal", label="熊本県防災情報ポータル 避難所マスタ（収容人数つき）",
        required=("portal_shelter_id", "shelter_name", "portal_capacity_persons"),
        columns={"source_id": "portal_shelter_id", "municipality_code": "municipality_code", "name": "shelter_name",
                 "address": "address", "capacity_persons": "portal_capacity_persons"},
        site_kind="listed", source="kumamoto_pref_portal", id_prefix="kumamoto_pref_portal"),
    Layout(
        key="ksj_p20", label="国土数値情報 避難施設 P20",
        required=("p20_001", "p20_002", "p20_003", "p20_004"),
        columns={"source_id": "no", "municipality_code": "p20_001", "name": "p20_002", "address": "p20_003",
                 "p20_kind": "p20_004", "capacity_persons": "p20_005", "not_designated": "p20_012"},
        hazards=KSJ_P20_HAZARD_COLUMNS, flag_style="ksj", site_kind="p20", source="ksj_p20"),
    Layout(
        key="facility_table", label="施設一覧（名称と位置のみ、避難所指定なし）",
        required=(),
        columns={"source_id": ("#property", "no", "id", "ID"), "name": ("name", "名称", "施設名", "施設正式名称"),
                 "name_kana": ("名称_カナ",), "address": ("address", "住所", "所在地", "所在地_連結表記")},
        site_kind="none", source="facility_table", id_prefix="facility_table"),
)
