"""Canonical layer schemas (DESIGN.md §2): English snake_case names, Japanese aliases for the styles.

Each field is (name, kind, alias_ja, alias_en). kinds: str, int, float, bool, date. QGIS-free.
"""
from __future__ import annotations

from collections import namedtuple

Field = namedtuple("Field", "name kind alias_ja alias_en")

HAZARDS = ("flood", "landslide", "storm_surge", "earthquake", "tsunami", "fire", "inland_flood", "volcano")
HAZARD_JA = {
    "flood": "洪水", "landslide": "崖崩れ・土石流・地滑り", "storm_surge": "高潮", "earthquake": "地震",
    "tsunami": "津波", "fire": "大規模な火事", "inland_flood": "内水氾濫", "volcano": "火山現象",
}

FACILITIES = [
    Field("id", "str", "ID", "ID"),
    Field("name", "str", "施設・場所名", "Name"),
    Field("name_kana", "str", "施設名（カナ）", "Name (kana)"),
    Field("address", "str", "住所", "Address"),
    Field("municipality_code", "str", "市区町村コード", "Municipality code"),
    Field("facility_type", "str", "施設種別", "Facility type"),
    Field("emergency_site", "bool", "指定緊急避難場所", "Designated emergency site"),
    Field("designated_shelter", "bool", "指定避難所", "Designated shelter"),
    Field("welfare_shelter", "bool", "福祉避難所", "Welfare shelter"),
    *[Field(f"ok_{h}", "bool", f"対象災害：{HAZARD_JA[h]}", f"Designated for {h.replace('_', ' ')}")
      for h in HAZARDS],
    Field("conditional_hazards", "str", "条件付き（上階避難等）の災害", "Hazards with conditions (upper floors)"),
    Field("capacity_persons", "int", "収容人数", "Capacity (persons)"),
    Field("floor_area_m2", "float", "床面積（㎡）", "Floor area (m2)"),
    Field("elevation_m", "float", "標高（m）", "Elevation (m)"),
    Field("floors", "int", "階数", "Floors"),
    Field("in_disaster_plan", "bool", "地域防災計画に位置付け", "In the disaster plan"),
    Field("owner", "str", "所有", "Owner (public/private)"),
    Field("notes", "str", "備考", "Notes"),
    Field("source", "str", "出典", "Source"),
    Field("source_id", "str", "出典ID（共通ID等）", "Source id (GSI common id)"),
    Field("source_file", "str", "元ファイル", "Source file"),
    Field("source_row", "str", "元の行", "Source row(s)"),
]

FACILITY_FIELD_NAMES = [f.name for f in FACILITIES]


def field_names(schema) -> list[str]:
    return [f.name for f in schema]


def field_kinds(schema=None) -> dict:
    """{field: kind} of a schema (default: facilities), for writers: an all-empty flag column stays boolean."""
    return {f.name: f.kind for f in (FACILITIES if schema is None else schema)}
