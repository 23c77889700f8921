"""Headline figures for the council map book and the dock: ONE definition per figure, used by both.

QGIS-free: pandas/geopandas in, plain Python values and Japanese-formatted strings out. A figure whose source
table (or column) is absent is ``None`` and prints as "—": never a made-up number.

Every figure is declared once in :data:`FIGURES` (label in Japanese and English, and the footnote that states how
it is counted); :func:`page_figures` computes them for any set of facilities; the map book prints
:meth:`PageFigures.rows` and :func:`figure_notes`, the dock prints the same rows with the English labels.

Tables (DEVELOPERS.md): the points (``shelters_after_ev`` > ``shelters_energy`` > ``shelters`` >
``facilities_hazard`` > ``facilities``), ``stockpile_sufficiency`` (``shelter_id``, ``days_min``),
``subsidy_scope`` (``row_type``, ``facility_id``, ``district_id``, ``total_cost_yen``, ``subsidy_yen``),
``districts`` (``district_id``, ``member_ids``, ``investment_yen``, ``subsidy_yen``: the self-owned line included).
Facility roles (stay / welfare shelter, disaster base, ...) come from ``engine.roles`` (rules/facility_roles.json).
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .errors import SonaeInputError
from .jp_format import (DASH, _missing, fmt_count, fmt_days, fmt_hours, fmt_number,  # noqa: F401 (re-exported)
                        fmt_percent, fmt_persons, fmt_thousand_yen)
from .rules import load_rules

_RULES = load_rules("mapbook.json", unwrap=True)
TARGET_HOURS = float(_RULES["target_hours"])   # FDMA 72 h backup power (rules/mapbook.json)
TARGET_DAYS = float(_RULES["target_days"])     # first 3 days from local stock (rules/mapbook.json)

# The points table, best first: each later contract table carries the fields of the earlier ones.
POINT_TABLES = ("shelters_after_ev", "shelters_energy", "shelters", "facilities_hazard", "facilities")


# --- the figures: one definition each -------------------------------------------------------------------------

@dataclass(frozen=True)
class Figure:
    key: str
    label_ja: str
    label_en: str
    note_ja: str
    note_en: str


FIGURES = (
    Figure("shelters", "避難所数（指定避難所と福祉避難所）", "Stay shelters (designated and welfare)",
           "避難所数：指定避難所と福祉避難所（役割の定義はrules/facility_roles.json）。",
           "Stay shelters: designated and welfare shelters (roles: rules/facility_roles.json)."),
    Figure("other_sites", "その他の施設（一時避難場所、津波避難ビル等）",
           "Other sites (immediate refuge, tsunami buildings, bases)",
           "その他の施設：避難所以外の避難場所、津波避難ビル、防災拠点など。",
           "Other sites: immediate-refuge sites, tsunami evacuation buildings, disaster bases."),
    Figure("conflicts", "浸水想定と指定の不整合", "Flood designation conflicts",
           "不整合：洪水に対応と指定されているが浸水想定区域内にある施設（flood_conflict = 1）。",
           "Conflicts: designated flood-safe but inside the inundation area (flood_conflict = 1)."),
    Figure("evacuees", "避難者数 / 収容可能人数", "Evacuees / capacity",
           "避難者数と収容可能人数：各施設のevacueesとcapacity_calcの合計。",
           "Evacuees and capacity: sums of evacuees and capacity_calc."),
    Figure("shortfall", "収容不足", "Capacity shortfall",
           "収容不足：各施設のshortfall_persons（収容可能人数を超える避難者）の合計。",
           "Shortfall: sum of shortfall_persons."),
    Figure("days_min", "備蓄日数（最短）", "Days of supply (lowest)",
           "備蓄日数：避難者を受け入れる避難所のうち最短の日数（stockpile_sufficiencyのdays_min）。",
           "Days of supply: the lowest days_min among shelters receiving evacuees."),
    Figure("under_3d", "備蓄3日未満の避難所", "Shelters below 3 days of supply",
           "備蓄3日未満：避難者を受け入れる避難所のうち備蓄が3日に満たない数。",
           "Below 3 days: shelters receiving evacuees whose days_min is below 3."),
    Figure("hours_median", "停電時の自立時間（避難所の中央値）", "Hours of power in an outage (median, stay shelters)",
           "自立時間：停電時に電源が持つ時間（hours_now）の、避難所（指定と福祉）の中央値。",
           "Hours of power: median hours_now of the stay shelters."),
    Figure("under_72h", "停電時72時間未満の避難所", "Stay shelters under 72 h of power",
           "72時間未満：避難所（指定と福祉）のうち自立時間が72時間未満の数。自立時間の算定がない施設は数えない。",
           "Under 72 h: stay shelters (designated and welfare) with hours_now below 72; shelters without a value "
           "are not counted."),
    Figure("cost", "事業費（自営線を含む）", "Investment (self-owned lines included)",
           "事業費と補助金：地区はdistrictsの表の額（自営線を含む）、地区外の施設はsubsidy_scopeの施設の額。",
           "Investment and subsidy: the districts table for districts (self-owned lines included), subsidy_scope "
           "facility rows for facilities outside them."),
    Figure("subsidy", "補助金（見込み、自営線を含む）", "Subsidy (estimate, self-owned lines included)", "", ""),
)
FIGURE_BY_KEY = {f.key: f for f in FIGURES}


def figure_notes(lang: str = "ja", keys=None) -> list[str]:
    """The footnotes of the figures (one definition per figure, in the order printed)."""
    out = []
    for f in FIGURES:
        note = f.note_ja if lang == "ja" else f.note_en
        if note and (keys is None or f.key in keys):
            out.append(note)
    return out


@dataclass
class PageFigures:
    """The key figures of one page (one district, one grid cell or the whole area)."""
    key: str
    name: str
    facilities: int = 0
    shelters: int | None = None
    other_sites: int | None = None
    conflicts: int | None = None
    evacuees: float | None = None
    capacity: float | None = None
    shortfall: float | None = None
    days_min: float | None = None
    shelters_under_3d: int | None = None
    hours_median: float | None = None
    shelters_under_72h: int | None = None
    cost_yen: float | None = None
    subsidy_yen: float | None = None
    missing: list = field(default_factory=list)

    @property
    def occupancy(self):
        if self.evacuees is None or not self.capacity:
            return None
        return self.evacuees / self.capacity

    def values(self) -> dict:
        """Figure key -> formatted Japanese value."""
        ev = DASH if self.evacuees is None else f"{fmt_persons(self.evacuees)} / {fmt_persons(self.capacity)}"
        return {
            "shelters": fmt_count(self.shelters), "other_sites": fmt_count(self.other_sites),
            "conflicts": fmt_count(self.conflicts), "evacuees": ev, "shortfall": fmt_persons(self.shortfall),
            "days_min": fmt_days(self.days_min), "under_3d": fmt_count(self.shelters_under_3d),
            "hours_median": fmt_hours(self.hours_median), "under_72h": fmt_count(self.shelters_under_72h),
            "cost": fmt_thousand_yen(self.cost_yen), "subsidy": fmt_thousand_yen(self.subsidy_yen),
        }

    def rows(self, lang: str = "ja") -> list[tuple[str, str]]:
        """(label, value) rows in the order of :data:`FIGURES`."""
        values = self.values()
        return [(f.label_ja if lang == "ja" else f.label_en, values[f.key]) for f in FIGURES]


def _col(frame: pd.DataFrame | None, name: str) -> pd.Series | None:
    if frame is None or name not in frame.columns:
        return None
    return pd.to_numeric(frame[name], errors="coerce")


def pick_points(tables: dict) -> tuple[str, pd.DataFrame]:
    """The richest points table present: (name, frame)."""
    for name in POINT_TABLES:
        frame = tables.get(name)
        if frame is not None:
            return name, frame
    raise SonaeInputError(
        "No facilities table found: expected one of " + ", ".join(POINT_TABLES) + ". Run Import shelters "
        "(sonae:importshelters) first or choose a facilities layer.",
        "施設のテーブルがありません（" + "、".join(POINT_TABLES) + " のいずれか）。先に「避難所データの読み込み」"
        "を実行するか、施設レイヤを指定してください。")


def prepare(tables: dict) -> dict:
    """The tables ready for many :func:`page_figures` calls: the points without geometry (subsetting a
    GeoDataFrame 80 times costs seconds), the stay-shelter mask and the district members computed once."""
    if tables.get("_prepared"):
        return tables
    out = dict(tables)
    name, points = pick_points(tables)
    geom = getattr(points, "_geometry_column_name", None)
    plain = pd.DataFrame(points.drop(columns=[geom])) if geom in getattr(points, "columns", []) else points
    out[name] = plain
    out["_stay"] = stay_mask(plain)
    dist = tables.get("districts")
    out["_members"] = district_members(dist) if dist is not None and "member_ids" in dist.columns else {}
    out["_prepared"] = True
    return out


def stay_mask(points: pd.DataFrame) -> np.ndarray | None:
    """True for stay shelters (designated or welfare), from the ``role`` column when the table has one, else from
    the designation columns through engine.roles. None when the table carries no designation at all (the counts
    are then unknown, not zero)."""
    from . import roles
    if roles.ROLE_FIELD in points.columns and points[roles.ROLE_FIELD].notna().any():
        return roles.is_stay(points[roles.ROLE_FIELD].to_numpy(dtype=object))
    if not any(c in points.columns for c in ("designated_shelter", "welfare_shelter")):
        return None
    return roles.is_stay(roles.facility_roles(points))


def missing_tables(tables: dict) -> list[str]:
    """Contract tables the figures need and the input lacks (reported to the user, figures shown as '—')."""
    points_name = next((n for n in POINT_TABLES if tables.get(n) is not None), None)
    points = tables.get(points_name) if points_name else None
    need = []
    stay = tables["_stay"] if tables.get("_prepared") else (stay_mask(points) if points is not None else None)
    if points is None or stay is None:
        need.append("facilities")
    if points is None or "flood_conflict" not in points.columns:
        need.append("facilities_hazard")
    if points is None or "evacuees" not in points.columns:
        need.append("shelters")
    if tables.get("stockpile_sufficiency") is None:
        need.append("stockpile_sufficiency")
    if points is None or "hours_now" not in points.columns:
        need.append("shelters_energy")
    if tables.get("subsidy_scope") is None:
        need.append("subsidy_scope")
    return need


def _money(tables: dict, sel_ids: set, district_ids) -> tuple[float | None, float | None]:
    """(cost, subsidy) in yen: districts whose id is in ``district_ids`` from the districts table (self-owned line
    included), every other facility of the page from its subsidy_scope facility row. None when no table has it."""
    dist = tables.get("districts")
    sub = tables.get("subsidy_scope")
    members = tables["_members"]
    cost = subsidy = None
    covered = set()
    for did in [str(d) for d in (district_ids or [])]:
        c = s = None
        if dist is not None and "district_id" in dist.columns:
            row = dist[dist["district_id"].astype(str) == did]
            if len(row):
                c = _col(row, "investment_yen")
                s = _col(row, "subsidy_yen")
                c = None if c is None else float(c.fillna(0).sum())
                s = None if s is None else float(s.fillna(0).sum())
        if (c is None or s is None) and sub is not None and {"row_type", "district_id"} <= set(sub.columns):
            row = sub[(sub["row_type"].astype(str) == "district") & (sub["district_id"].astype(str) == did)]
            if len(row):
                if c is None and "total_cost_yen" in row.columns:
                    c = float(_col(row, "total_cost_yen").fillna(0).sum())
                if s is None and "subsidy_yen" in row.columns:
                    s = float(_col(row, "subsidy_yen").fillna(0).sum())
        if c is None and s is None:
            continue                        # priced below from its members' facility rows
        covered.update(members.get(did, []))
        if c is not None:
            cost = (cost or 0.0) + c
        if s is not None:
            subsidy = (subsidy or 0.0) + s
    if (sel_ids - covered) and (sub is None or "facility_id" not in sub.columns):
        return None, None                   # facilities outside the districts: their money is unknown
    if sub is not None and "facility_id" in sub.columns:
        rt = sub["row_type"].astype(str) if "row_type" in sub.columns else pd.Series("facility", index=sub.index)
        mask = (rt == "facility") & sub["facility_id"].astype(str).isin(sel_ids - covered)
        for name, target in (("total_cost_yen", "cost"), ("subsidy_yen", "subsidy")):
            values = _col(sub, name)
            if values is None:
                continue
            total = float(values[mask].fillna(0).sum())
            if target == "cost":
                cost = (cost or 0.0) + total
            else:
                subsidy = (subsidy or 0.0) + total
    return cost, subsidy


def page_figures(tables: dict, ids=None, key: str = "all", name: str = "", district_ids=None) -> PageFigures:
    """The figures of :data:`FIGURES` for the facilities whose ``id`` is in ``ids`` (all when None).

    ``district_ids``: the districts shown whole on the page (a district page: its own id; the whole area: every
    district); their cost and subsidy come from the districts table, self-owned line included.
    """
    _, points = pick_points(tables)
    if "id" not in points.columns:
        raise SonaeInputError("The facilities table has no 'id' field. Use a layer written by Sonae.",
                              "施設テーブルに項目「id」がありません。Sonaeが出力したレイヤを使ってください。")
    tables = prepare(tables)
    _, points = pick_points(tables)
    pid = points["id"].astype(str)
    keep = np.ones(len(points), dtype=bool) if ids is None else pid.isin({str(i) for i in ids}).to_numpy()
    sel = points[keep]
    fig = PageFigures(key=str(key), name=name or str(key), facilities=int(len(sel)))
    fig.missing = missing_tables(tables)
    stay_all = tables["_stay"]
    stay = None if stay_all is None else stay_all[keep]
    if stay is not None:
        fig.shelters = int(stay.sum())
        fig.other_sites = int(len(sel) - stay.sum())

    conflict = _col(sel, "flood_conflict")
    if conflict is not None:
        fig.conflicts = int((conflict == 1).sum())
    evac = _col(sel, "evacuees")
    receiving = sel
    if evac is not None:
        fig.evacuees = float(evac.fillna(0).sum())
        receiving = sel[(evac.fillna(0) > 0).to_numpy()]
        cap = _col(sel, "capacity_calc")
        if cap is not None:
            fig.capacity = float(cap.fillna(0).sum())
        short = _col(sel, "shortfall_persons")
        if short is not None:
            fig.shortfall = float(short.fillna(0).sum())

    stock = tables.get("stockpile_sufficiency")
    if stock is not None and "shelter_id" in stock.columns and "days_min" in stock.columns:
        s = stock[stock["shelter_id"].astype(str).isin(set(receiving["id"].astype(str)))]
        if "evacuees" in s.columns:
            s = s[pd.to_numeric(s["evacuees"], errors="coerce").fillna(0) > 0]
        days = pd.to_numeric(s["days_min"], errors="coerce").dropna()
        fig.shelters_under_3d = int((days < TARGET_DAYS - 1e-6).sum())  # 2.9999999 d meets 3 d
        fig.days_min = float(days.min()) if len(days) else None

    hours = _col(sel, "hours_now")
    if hours is not None and stay is not None:
        h = hours[stay].dropna()
        fig.shelters_under_72h = int((h < TARGET_HOURS).sum())
        fig.hours_median = float(np.median(h)) if len(h) else None

    fig.cost_yen, fig.subsidy_yen = _money(tables, set(sel["id"].astype(str)), district_ids)
    return fig


def district_members(districts: pd.DataFrame) -> dict:
    """district_id -> list of facility ids from the ``member_ids`` field (comma-separated)."""
    out = {}
    for did, members in zip(districts["district_id"].astype(str), districts["member_ids"]):
        out[did] = [m.strip() for m in str(members or "").split(",") if m.strip()]
    return out


def grid_pages(points, cell_m: float, crs_metric) -> "gpd.GeoDataFrame":  # noqa: F821
    """Square cells of ``cell_m`` metres over the points (only the cells holding at least one point).

    Returns a GeoDataFrame in ``crs_metric`` with ``page_key`` (row-col from the north-west) and ``member_ids``.
    """
    import geopandas as gpd
    import shapely

    if cell_m <= 0:
        raise SonaeInputError(f"Grid cell size must be positive (got {cell_m} m).",
                              f"格子の大きさは正の値にしてください（{cell_m} m）。")
    pts = points.to_crs(crs_metric)
    x = pts.geometry.x.to_numpy()
    y = pts.geometry.y.to_numpy()
    x0 = math.floor(x.min() / cell_m) * cell_m
    y1 = math.ceil(y.max() / cell_m) * cell_m
    if y1 == y.max():
        y1 += cell_m
    col = np.floor((x - x0) / cell_m).astype(int)
    row = np.floor((y1 - y) / cell_m).astype(int)
    frame = pd.DataFrame({"row": row, "col": col, "id": pts["id"].astype(str).to_numpy()})
    cells = []
    for (r, c), grp in frame.groupby(["row", "col"], sort=True):
        geom = shapely.box(x0 + c * cell_m, y1 - (r + 1) * cell_m, x0 + (c + 1) * cell_m, y1 - r * cell_m)
        cells.append({"page_key": f"{chr(ord('A') + r) if r < 26 else r}-{c + 1}",
                      "member_ids": ", ".join(grp["id"]), "geometry": geom})
    return gpd.GeoDataFrame(cells, geometry="geometry", crs=crs_metric)
