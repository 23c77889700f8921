"""Stockpile inventories (CSV in any encoding, or XLSX) -> canonical stock_sites (points) + stock_items (table).

Headers may be English (the canonical names) or Japanese as city and retailer spreadsheets write them
(拠点ID, 所有区分, 品目, 品名, 単位, 数量, 消費期限/賞味期限, 協定数量, 確認日, 拠点名, 住所, 緯度, 経度 ...).
CSV encodings are detected by :mod:`layers.importers.tables`. XLSX sheets are chosen by name (在庫/stock_items,
拠点/stock_sites) or by their headers. Every error names the file, the sheet/line and the fix.
"""
from __future__ import annotations

import datetime as dt
import os

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from ...engine import stockpile as sp
from ...engine.errors import SonaeInputError
from ...engine.japan import in_japan
from .normalize import column_key, map_headers
from ...engine.parsing import parse_coordinates, reason_text
from .tables import read_table, read_xlsx_sheets

ITEM_HEADERS = {
    "site_id": ["site_id", "拠点ID", "拠点番号", "拠点コード", "備蓄拠点ID", "保管場所ID", "倉庫ID", "店舗ID"],
    "owner_type": ["owner_type", "所有区分", "保有区分", "区分", "所有者区分", "備蓄区分"],
    "item": ["item", "品目", "品目区分", "物資", "分類"],
    "product": ["product", "品名", "商品名", "製品名"],
    "unit": ["unit", "単位"],
    "quantity": ["quantity", "数量", "在庫数", "在庫数量", "備蓄数", "備蓄数量"],
    "expiry_date": ["expiry_date", "消費期限/賞味期限", "消費期限・賞味期限", "賞味期限/消費期限", "消費期限", "賞味期限",
                    "使用期限", "有効期限", "期限"],
    "committed_quantity": ["committed_quantity", "協定数量", "確保数量", "約束数量", "協定在庫数"],
    "verified_on": ["verified_on", "確認日", "最終確認日", "棚卸日", "在庫確認日"],
    "manufactured_on": ["manufactured_on", "製造日", "製造年月日", "製造年月"],
    "note": ["note", "備考"],
}
SITE_HEADERS = {
    "site_id": ITEM_HEADERS["site_id"],
    "name": ["name", "拠点名", "名称", "施設名", "店舗名", "倉庫名"],
    "owner_type": ITEM_HEADERS["owner_type"],
    "address": ["address", "住所", "所在地"],
    "latitude": ["latitude", "lat", "緯度", "y"],
    "longitude": ["longitude", "lon", "lng", "経度", "x"],
    "facility_id": ["facility_id", "施設ID"],
}
# the template writes the first Japanese header of each column
TEMPLATE_ITEM_HEADERS = ["拠点ID", "所有区分", "品目", "品名", "単位", "数量", "消費期限/賞味期限", "協定数量", "確認日", "備考"]
TEMPLATE_SITE_HEADERS = ["拠点ID", "拠点名", "所有区分", "住所", "緯度", "経度", "施設ID"]
ITEM_SHEETS = ["stock_items", "在庫", "備蓄品", "品目在庫", "在庫一覧", "items"]
SITE_SHEETS = ["stock_sites", "拠点", "備蓄拠点", "拠点一覧", "sites"]


class Sheet:
    """A table read from a file, with row labels for messages."""

    def __init__(self, frame: pd.DataFrame, label: str, rows_en: list, rows_ja: list):
        self.frame, self.label, self.rows_en, self.rows_ja = frame, label, rows_en, rows_ja


def _xlsx_sheets(path: str) -> list[tuple[str, list, list]]:
    """[(sheet name, header, rows with their 1-based row numbers)] of an XLSX workbook."""
    return read_xlsx_sheets(path)


def read_sheet(path: str, kind: str) -> Sheet:
    """Read the items ('items') or sites ('sites') table of a CSV/XLSX file with canonical column names."""
    spec = ITEM_HEADERS if kind == "items" else SITE_HEADERS
    sheet_names = ITEM_SHEETS if kind == "items" else SITE_SHEETS
    needed = ("site_id", "item", "quantity") if kind == "items" else ("site_id", "latitude", "longitude")
    name = os.path.basename(path)
    if path.lower().endswith((".xlsx", ".xlsm")):
        if not os.path.exists(path):
            raise SonaeInputError(f"{path}: file not found. Check the path.",
                                  f"{path}: ファイルが見つかりません。パスを確認してください。")
        sheets = _xlsx_sheets(path)
        chosen = None
        wanted = {column_key(s) for s in sheet_names}
        for title, header, rows in sheets:
            if column_key(title) in wanted:
                chosen = (title, header, rows)
                break
        if chosen is None:
            for title, header, rows in sheets:
                if all(c in map_headers(header[1], spec) for c in needed):
                    chosen = (title, header, rows)
                    break
        if chosen is None:
            raise SonaeInputError(
                f"{name}: no sheet with the {kind} table (a sheet named {sheet_names[1]} / {sheet_names[0]}, or with "
                f"the columns {', '.join(needed)}). Use the template of sonae:stockpiletemplate.",
                f"{name}: {'在庫' if kind == 'items' else '拠点'}の表のシートがありません（シート名「{sheet_names[1]}」、"
                "または必要な列）。sonae:stockpiletemplate のひな形を使ってください。")
        title, (hrow, header), rows = chosen
        width = len(header)
        data = [list(v[:width]) + [None] * (width - len(v)) for _, v in rows]
        frame = pd.DataFrame(data, columns=header)
        label = f"{name} [{title}]"
        rows_en = [f"sheet '{title}' row {r}" for r, _ in rows]
        rows_ja = [f"シート「{title}」{r}行目" for r, _ in rows]
    else:
        table = read_table(path)
        frame = table.frame
        label = name
        rows_en = [table.row_label(i) for i in range(len(frame))]
        rows_ja = [table.row_label_ja(i) for i in range(len(frame))]
    found = map_headers(frame.columns, spec)
    missing = [c for c in needed if c not in found]
    if missing:
        ja = {"site_id": "拠点ID", "item": "品目", "quantity": "数量", "latitude": "緯度", "longitude": "経度"}
        raise SonaeInputError(
            f"{label}: column(s) {', '.join(missing)} not found (headers: {', '.join(map(str, frame.columns))}). "
            "Use the headers of the sonae:stockpiletemplate template.",
            f"{label}: 列 {'・'.join(ja[c] for c in missing)} が見つかりません。sonae:stockpiletemplate のひな形の見出しを"
            "使ってください。")
    canon = pd.DataFrame({c: frame[src].to_numpy() for c, src in found.items()})
    canon = canon.replace({"": None})
    keep = ~canon.isna().all(axis=1).to_numpy()
    canon = canon[keep].reset_index(drop=True)
    rows_en = [r for r, k in zip(rows_en, keep) if k]
    rows_ja = [r for r, k in zip(rows_ja, keep) if k]
    if len(canon) == 0:
        raise SonaeInputError(f"{label}: the table has a header but no data rows.",
                              f"{label}: 見出しのみでデータ行がありません。")
    return Sheet(canon, label, rows_en, rows_ja)


def sites_from_sheet(sheet: Sheet) -> gpd.GeoDataFrame:
    """stock_sites (EPSG:6668 points) from a sites sheet; a site without valid coordinates is an error.
    Coordinates may be decimal degrees or 度分秒 (engine.parsing)."""
    f = sheet.frame
    lat_p = parse_coordinates(pd.Series(f["latitude"].tolist(), dtype=object), "lat")
    lon_p = parse_coordinates(pd.Series(f["longitude"].tolist(), dtype=object), "lon")
    lat, lon = lat_p.values, lon_p.values
    bad = ~in_japan(lon, lat)
    if bad.any():
        i = int(np.flatnonzero(bad)[0])
        code = lat_p.codes[i] or lon_p.codes[i]
        why_en, why_ja = reason_text(code) if code else (
            ("empty", "空欄です") if np.isnan(lat[i]) or np.isnan(lon[i]) else ("outside Japan", "日本国外です"))
        raise SonaeInputError(
            f"{sheet.label}, {sheet.rows_en[i]}: site {f['site_id'].iloc[i]} has no valid location (latitude "
            f"'{f['latitude'].iloc[i]}', longitude '{f['longitude'].iloc[i]}': {why_en}). Enter decimal degrees "
            "within Japan (e.g. 34.34, 134.05) or 度分秒 (34度20分24秒).",
            f"{sheet.label} {sheet.rows_ja[i]}: 拠点 {f['site_id'].iloc[i]} の位置が正しくありません（緯度「{f['latitude'].iloc[i]}」"
            f"経度「{f['longitude'].iloc[i]}」: {why_ja}）。日本国内の10進の度（例: 34.34, 134.05）または度分秒で入力してください。")
    out = pd.DataFrame({c: f[c].to_numpy() if c in f.columns else [None] * len(f) for c in sp.SITE_COLUMNS})
    out["source_row"] = sheet.rows_en
    out = sp.normalize_sites(out, sheet.label)
    for c in ("name", "address", "facility_id"):
        out[c] = ["" if v is None or (isinstance(v, float) and np.isnan(v)) else str(v) for v in out[c]]
    out["source_file"] = sheet.label
    return gpd.GeoDataFrame(out, geometry=shapely.points(lon, lat), crs="EPSG:6668")


def items_from_sheet(sheet: Sheet) -> pd.DataFrame:
    f = sheet.frame.copy()
    f["source_row"] = sheet.rows_en
    items = sp.normalize_items(f, sheet.label, require_expiry=True)     # a blank expiry on water is not "forever"
    items["source_file"] = sheet.label
    return items


def import_stockpile(items_path: str, sites_path: str | None = None) -> tuple[gpd.GeoDataFrame, pd.DataFrame]:
    """(stock_sites, stock_items) from an items file and a sites file (the same XLSX may hold both).

    When no sites file is given, the sites come from the items table's own 緯度/経度 columns.
    Every item's site must have a location.
    """
    items_sheet = read_sheet(items_path, "items")
    if sites_path:
        sites = sites_from_sheet(read_sheet(sites_path, "sites"))
    else:
        found = map_headers(items_sheet.frame.columns, SITE_HEADERS)
        if "latitude" not in found or "longitude" not in found:
            raise SonaeInputError(
                f"{items_sheet.label}: no stock sites given and the items table has no 緯度/経度 columns. Give the "
                "sites file (拠点ID, 拠点名, 緯度, 経度) too.",
                f"{items_sheet.label}: 拠点ファイルがなく、在庫表にも緯度・経度がありません。拠点ファイル（拠点ID・拠点名・緯度・経度）"
                "も指定してください。")
        raw = read_sheet(items_path, "sites")
        first = ~pd.Series(raw.frame["site_id"].astype(str)).duplicated().to_numpy()
        raw = Sheet(raw.frame[first].reset_index(drop=True), raw.label,
                    [r for r, k in zip(raw.rows_en, first) if k], [r for r, k in zip(raw.rows_ja, first) if k])
        sites = sites_from_sheet(raw)
    items = items_from_sheet(items_sheet)
    sp.check_sites(items, sites["site_id"], items_sheet.label, sites.get("source_file", pd.Series(["sites"])).iloc[0])
    return sites, items


def write_template(path: str) -> list[str]:
    """Write an empty import template: XLSX with 在庫 / 拠点 / 品目と単位 sheets, or CSV (items; sites beside it
    as <name>_sites.csv, both UTF-8 with BOM so Excel opens them). Returns the files written."""
    rules = sp.needs_rules()
    catalogue = []
    for key_, spec in rules["items"].items():
        catalogue.append([key_, spec["name_ja"], spec["name_en"], spec["base_unit"], " / ".join(spec["units"]),
                          " / ".join(spec["aliases"])])
    if path.lower().endswith(".xlsx"):
        import openpyxl
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = "在庫"
        ws.append(TEMPLATE_ITEM_HEADERS)
        ws2 = wb.create_sheet("拠点")
        ws2.append(TEMPLATE_SITE_HEADERS)
        ws3 = wb.create_sheet("品目と単位")
        ws3.append(["item", "品目", "Item", "基本単位 base unit", "使える単位 units", "別名 aliases"])
        for row in catalogue:
            ws3.append(row)
        ws3.append([])
        ws3.append(["所有区分 owner_type", "city（市）/ retail_partner（協定事業者）"])
        ws3.append(["日付 dates", "2026-03-31, 2026/3/31, 令和8年3月31日, R8.3.31"])
        ws3.append(["協定数量", "協定事業者の行のみ必須。拠点・品目ごとの値を各行に同じく記入 / partners only, per site and item"])
        wb.save(path)
        return [path]
    base = path[:-4] if path.lower().endswith(".csv") else path
    items_path = base + ".csv"
    sites_path = base + "_sites.csv"
    for p, header in ((items_path, TEMPLATE_ITEM_HEADERS), (sites_path, TEMPLATE_SITE_HEADERS)):
        with open(p, "w", encoding="utf-8-sig", newline="") as fh:
            fh.write(",".join(header) + "\r\n")
    return [items_path, sites_path]


def items_for_layer(items: pd.DataFrame) -> pd.DataFrame:
    """The canonical stock_items columns as written to a layer (dates as dates)."""
    cols = sp.ITEM_COLUMNS + ["quantity_base", "base_unit", "committed_base", "source_file", "source_row"]
    if "manufactured_on" in items.columns and items["manufactured_on"].notna().any():
        cols.append("manufactured_on")
    return items[[c for c in cols if c in items.columns]].reset_index(drop=True)


def today() -> dt.date:
    return dt.date.today()
