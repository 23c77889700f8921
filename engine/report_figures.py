"""Headline figures for the council map book and the dock, from the demo GeoPackage's contract tables.

QGIS-free: pandas/geopandas in, plain Python values and Japanese-formatted strings out. A figure whose source
table (or column) is absent is ``None`` and prints as "—": never a made-up number.

Tables (DEVELOPERS.md): ``shelters`` (or any of shelters_energy / facilities_hazard / facilities: the points),
``stockpile_sufficiency`` (``shelter_id``, ``days_min``), ``shelters_energy`` (``hours_now``),
``subsidy_scope`` (``row_type``, ``facility_id``, ``district_id``, ``subsidy_yen``), ``districts``
(``district_id``, ``member_ids``).
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .errors import SonaeInputError

DASH = "—"
TARGET_HOURS = 72.0      # FDMA target for backup power at municipal buildings (DESIGN.md section 4)
TARGET_DAYS = 3.0        # first 3 days from local stock (DESIGN.md section 5)

# The points table, best first: each later contract table carries the fields of the earlier ones.
POINT_TABLES = ("shelters_after_ev", "shelters_energy", "shelters", "facilities_hazard", "facilities")


# --- Japanese number formatting -----------------------------------------------------------------------------

def _missing(value) -> bool:
    if value is None or value is pd.NA:
        return True
    try:
        return bool(isinstance(value, float) and math.isnan(value)) or (np.ndim(value) == 0 and pd.isna(value))
    except (TypeError, ValueError):
        return False


def fmt_number(value, decimals: int = 0) -> str:
    """1234 -> '1,234'; 12.345 (decimals=1) -> '12.3'; None/NaN -> '—'. Half away from zero."""
    if _missing(value):
        return DASH
    q = 10 ** decimals
    v = float(value)
    rounded = math.floor(abs(v) * q + 0.5) / q
    rounded = math.copysign(rounded, v) if rounded else 0.0
    return f"{rounded:,.{decimals}f}"


def fmt_persons(value) -> str:
    """'1,234人'."""
    s = fmt_number(value, 0)
    return s if s == DASH else s + "人"


def fmt_count(value, unit: str = "か所") -> str:
    """'12か所'."""
    s = fmt_number(value, 0)
    return s if s == DASH else s + unit


def fmt_hours(value, decimals: int = 1) -> str:
    """'12.5時間'."""
    s = fmt_number(value, decimals)
    return s if s == DASH else s + "時間"


def fmt_days(value, decimals: int = 1) -> str:
    """'2.5日'."""
    s = fmt_number(value, decimals)
    return s if s == DASH else s + "日"


def fmt_thousand_yen(yen) -> str:
    """Yen -> thousand yen, rounded: 2,801,235,000 -> '2,801,235千円'."""
    if _missing(yen):
        return DASH
    return fmt_number(float(yen) / 1000.0, 0) + "千円"


def fmt_percent(value, decimals: int = 0) -> str:
    """A share in [0, 1] -> '112%'."""
    if _missing(value):
        return DASH
    return fmt_number(100.0 * float(value), decimals) + "%"


# --- figures --------------------------------------------------------------------------------------------------

@dataclass
class PageFigures:
    """The key figures of one page (one district, one grid cell or the whole area)."""
    key: str
    name: str
    shelters: int = 0
    conflicts: int | None = None
    evacuees: float | None = None
    capacity: float | None = None
    shortfall: float | None = None
    days_min: float | None = None
    shelters_under_3d: int | None = None
    hours_median: float | None = None
    shelters_under_72h: int | None = None
    subsidy_yen: float | None = None
    missing: list = field(default_factory=list)

    @property
    def occupancy(self):
        if self.evacuees is None or not self.capacity:
            return None
        return self.evacuees / self.capacity

    def rows(self) -> list[tuple[str, str]]:
        """(label, value) rows for the map-book table, Japanese."""
        ev = DASH if self.evacuees is None else f"{fmt_persons(self.evacuees)} / {fmt_persons(self.capacity)}"
        return [
            ("避難所数", fmt_count(self.shelters)),
            ("浸水想定と指定の不整合", fmt_count(self.conflicts)),
            ("避難者数 / 収容可能人数", ev),
            ("収容不足", fmt_persons(self.shortfall)),
            ("備蓄日数（最短）", fmt_days(self.days_min)),
            ("備蓄3日未満の避難所", fmt_count(self.shelters_under_3d)),
            ("停電時の自立時間（中央値）", fmt_hours(self.hours_median)),
            ("72時間未満の避難所", fmt_count(self.shelters_under_72h)),
            ("補助金（見込み）", fmt_thousand_yen(self.subsidy_yen)),
        ]


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


def missing_tables(tables: dict) -> list[str]:
    """Contract tables the figures need and the input lacks (reported to the user, figures shown as '—')."""
    points_name = next((n for n in POINT_TABLES if tables.get(n) is not None), None)
    points = tables.get(points_name) if points_name else None
    need = []
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


def page_figures(tables: dict, ids=None, key: str = "all", name: str = "", district_id: str | None = None,
                 whole_area: bool = False) -> PageFigures:
    """Figures for the facilities whose ``id`` is in ``ids`` (all when None).

    - conflicts: facilities with ``flood_conflict`` = 1 (designated flood-safe but in the inundation area);
    - evacuees / capacity / shortfall: sums of ``evacuees``, ``capacity_calc``, ``shortfall_persons``;
    - days_min: smallest ``days_min`` over shelters receiving evacuees (stockpile_sufficiency);
      shelters_under_3d: those below 3 days;
    - hours_median / shelters_under_72h: ``hours_now`` of the shelters receiving evacuees (all shelters when
      there is no ``evacuees`` field), median and count below 72 h;
    - subsidy: the ``district`` row of subsidy_scope for a district page, the ``city`` row for the whole area,
      else the sum of the ``facility`` rows of the page's facilities.
    """
    _, points = pick_points(tables)
    if "id" not in points.columns:
        raise SonaeInputError("The facilities table has no 'id' field. Use a layer written by Sonae.",
                              "施設テーブルに項目「id」がありません。Sonaeが出力したレイヤを使ってください。")
    sel = points if ids is None else points[points["id"].astype(str).isin({str(i) for i in ids})]
    fig = PageFigures(key=str(key), name=name or str(key), shelters=int(len(sel)))
    fig.missing = missing_tables(tables)

    conflict = _col(sel, "flood_conflict")
    if conflict is not None:
        fig.conflicts = int((conflict == 1).sum())
    evac = _col(sel, "evacuees")
    receiving = sel
    if evac is not None:
        fig.evacuees = float(evac.fillna(0).sum())
        receiving = sel[evac.fillna(0) > 0]
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

    hours = _col(receiving, "hours_now")
    if hours is not None:
        h = hours.dropna()
        fig.shelters_under_72h = int((h < TARGET_HOURS).sum())
        fig.hours_median = float(np.median(h)) if len(h) else None

    sub = tables.get("subsidy_scope")
    if sub is not None and "subsidy_yen" in sub.columns:
        rt = sub["row_type"].astype(str) if "row_type" in sub.columns else pd.Series("facility", index=sub.index)
        yen = pd.to_numeric(sub["subsidy_yen"], errors="coerce")
        chosen = None
        if district_id is not None and "district_id" in sub.columns:
            rows = yen[(rt == "district") & (sub["district_id"].astype(str) == str(district_id))]
            if len(rows):
                chosen = float(rows.fillna(0).sum())
        if chosen is None and whole_area and (rt == "city").any():
            chosen = float(yen[rt == "city"].fillna(0).sum())
        if chosen is None and "facility_id" in sub.columns:
            mask = rt == "facility"
            if ids is not None:
                mask &= sub["facility_id"].astype(str).isin({str(i) for i in sel["id"]})
            chosen = float(yen[mask].fillna(0).sum())
        fig.subsidy_yen = chosen
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
