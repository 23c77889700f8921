"""Import shelter and emergency-site tables into the canonical **facilities** layer (DESIGN.md §2).

Reads GSI 指定緊急避難場所/指定避難所 (CSV or GeoJSON), the Digital Agency standard datasets, Takamatsu's own
tables, the Kumamoto prefectural portal master and KSJ P20, in UTF-8, UTF-8 with BOM or CP932. One output feature
per physical place: a GSI emergency site and designated shelter that share name and address (and carry the
住所同一 flag) become one feature with both flags set. QGIS-free; returns a GeoDataFrame in EPSG:6668.
"""
from __future__ import annotations

import hashlib
import os
import warnings
from dataclasses import dataclass, field

import geopandas as gpd
import numpy as np
import pandas as pd

from ...engine.errors import SonaeInputError
from ...engine.japan import JAPAN_LAT, JAPAN_LON, in_japan
from ...engine.rules import load_rules
from ...engine.progress import Progress, ensure
from ..schemas import FACILITY_FIELD_NAMES, HAZARDS
from ...engine.parsing import parse_coordinates, reason_text, require_numbers
from .normalize import (classify_facility_types, column_key, jis_check_digit, nfkc_series, parse_flags,
                        place_key, place_key_normalised)
from .shelter_layouts import LATLON_CANDIDATES, LAYOUTS, Layout
from .tables import LAT_COL, LON_COL, RawTable, read_table

CRS = "EPSG:6668"
DASHES = r"[‐‑‒–—―−－]"


@dataclass
class FileReport:
    path: str
    layout: str
    encoding: str
    rows: int
    imported: int
    skipped: list = field(default_factory=list)   # (row label, reason)


@dataclass
class ImportResult:
    facilities: gpd.GeoDataFrame
    files: list
    merged_pairs: int


_GENERIC_COLUMNS = {column_key(c) for c in ("name", "address", "住所", "名称", "緯度", "経度", "capacity", "NO",
                                                "#property", "latitude", "longitude", "備考")}


def layout_accepts(header) -> bool:
    """True when a header matches one of the specific layouts (used to pick a workbook's sheet)."""
    cols = {column_key(c) for c in header}
    return any(all(column_key(r) in cols for r in layout.all_required)
               for layout in LAYOUTS if layout.key != "facility_table")


def detect_layout(table: RawTable) -> tuple[Layout, dict]:
    """Pick the layout from the header. Returns (layout, {normalised column key: actual column}).

    A file that carries most of a layout's own columns but lacks some of them (a GSI file without 津波, a
    Takamatsu table without flood_L2) is refused naming the missing columns: read as a plain facility table it
    would silently lose its designations, hazard flags and capacity.
    """
    cols = {column_key(c): c for c in table.frame.columns}
    specific = [layout for layout in LAYOUTS if layout.key != "facility_table"]
    for layout in specific:
        if all(column_key(r) in cols for r in layout.all_required):
            return layout, cols
    name = os.path.basename(table.path)
    best = None
    for layout in specific:
        own = [c for c in layout.all_required if column_key(c) not in _GENERIC_COLUMNS]
        present = [c for c in own if column_key(c) in cols]
        if len(own) >= 2 and len(present) >= 2 and len(present) * 2 >= len(own):
            missing = [c for c in layout.all_required if column_key(c) not in cols]
            if best is None or len(present) / len(own) > best[0]:
                best = (len(present) / len(own), layout, missing)
    if best is not None:
        _share, layout, missing = best
        shown = ", ".join(missing)
        raise SonaeInputError(
            f"{name}: looks like {layout.label} but the column(s) {shown} are missing. Without them the "
            "designations, hazard flags or capacity would be lost. Export the complete file (every column of the "
            "published layout) and import again.",
            f"{name}: {layout.label}の形式ですが、列 {'、'.join(missing)} がありません。このままでは指定区分・対象災害・"
            "収容人数が失われます。公開されている形式のすべての列を含めて書き出し直してから読み込んでください。")
    layout = LAYOUTS[-1]
    if _find(cols, layout.columns["name"]):
        return layout, cols
    shown = ", ".join(list(table.frame.columns)[:12])
    raise SonaeInputError(
        f"{name}: unknown header layout (columns: {shown}). Sonae reads GSI shelter data, the Digital Agency "
        "standard dataset, Takamatsu's city tables (CSV, GeoJSON or the city's data.xlsx), the Kumamoto portal "
        "master and KSJ P20; a facility table needs a name column (name/名称) and latitude/longitude (緯度/経度). "
        "Rename the columns or export in one of these.",
        f"{name}: 列の構成を判別できません（列: {shown}）。国土地理院の避難所データ、デジタル庁推奨データセット、"
        "高松市の表（CSV・GeoJSON・data.xlsx）、熊本県ポータルの避難所マスタ、国土数値情報P20に対応しています。"
        "施設一覧には名称列（name/名称）と緯度・経度列が必要です。列名を直すか、いずれかの形式で書き出してください。")


def _find(cols: dict, candidates) -> str | None:
    if isinstance(candidates, str):
        candidates = (candidates,)
    for c in candidates:
        if column_key(c) in cols:
            return cols[column_key(c)]
    return None


def _column(table: RawTable, cols: dict, candidates) -> pd.Series:
    actual = _find(cols, candidates)
    if actual is None:
        return pd.Series([""] * len(table.frame), index=table.frame.index, dtype=object)
    return table.frame[actual].astype(str)


def _coordinates(table: RawTable, cols: dict) -> tuple[pd.Series, pd.Series, str]:
    for lat_name, lon_name in LATLON_CANDIDATES:
        lat_col, lon_col = _find(cols, lat_name), _find(cols, lon_name)
        if lat_col and lon_col:
            return table.frame[lon_col], table.frame[lat_col], f"{lat_name}/{lon_name}"
    if LON_COL in table.frame.columns and (table.frame[LON_COL] != "").any():
        return table.frame[LON_COL], table.frame[LAT_COL], "geometry"
    name = os.path.basename(table.path)
    raise SonaeInputError(
        f"{name}: no latitude/longitude columns found (expected 緯度/経度 or latitude/longitude) and no point "
        "geometry. Add the coordinates (geocode the addresses first) and import again.",
        f"{name}: 緯度・経度の列（緯度/経度 または latitude/longitude）も点ジオメトリもありません。"
        "住所をジオコーディングして座標を追加してから読み込んでください。")


def validate_coordinates(table: RawTable, lon_text: pd.Series, lat_text: pd.Series, source: str):
    """Vectorised check. Returns (lon, lat, ok mask, list of (row label, reason)); raises if no row is usable.

    Coordinates are read with engine.parsing (decimal degrees, 度分秒, ° ′ ″, N/E, 北緯/東経, full-width).
    """
    name = os.path.basename(table.path)
    lon_p = parse_coordinates(lon_text, "lon")
    lat_p = parse_coordinates(lat_text, "lat")
    lon, lat = lon_p.values, lat_p.values
    unreadable = lon_p.bad | lat_p.bad
    missing = np.isnan(lon) | np.isnan(lat)
    inside = in_japan(lon, lat)
    # swapped: the numbers fit Japan the other way round (a hemisphere letter on the wrong axis counts too)
    lon_as_lat = parse_coordinates(lon_text, "lat").values
    lat_as_lon = parse_coordinates(lat_text, "lon").values
    swapped = in_japan(lat_as_lon, lon_as_lat) & ~inside
    ok = ~missing & inside
    n = len(lon)
    if swapped.sum() > n / 2:
        raise SonaeInputError(
            f"{name}: latitude and longitude appear swapped ({int(swapped.sum())} of {n} rows have the longitude "
            f"in the latitude column; coordinates from {source}). Swap the two columns and import again.",
            f"{name}: 緯度と経度が入れ替わっているようです（{n}行中{int(swapped.sum())}行、座標の列: {source}）。"
            "2つの列を入れ替えてから読み込んでください。")
    if not ok.any():
        if unreadable.all():
            i = 0
            code = lat_p.codes[i] or lon_p.codes[i]
            en_r, ja_r = reason_text(code)
            raise SonaeInputError(
                f"{name}: no row has readable coordinates (first row, {table.row_label(i)}: latitude "
                f"'{lat_text.iloc[i]}', longitude '{lon_text.iloc[i]}': {en_r}; coordinates from {source}). Write "
                "decimal degrees (34.3908) or 度分秒 (34度23分26.9秒).",
                f"{name}: 座標を読める行がありません（{table.row_label_ja(i)} 緯度「{lat_text.iloc[i]}」経度"
                f"「{lon_text.iloc[i]}」: {ja_r}。座標の列: {source}）。10進の度（34.3908）か度分秒（34度23分26.9秒）で"
                "書いてください。")
        raise SonaeInputError(
            f"{name}: no row has coordinates inside Japan (longitude {JAPAN_LON[0]}–{JAPAN_LON[1]}, latitude "
            f"{JAPAN_LAT[0]}–{JAPAN_LAT[1]}; coordinates from {source}; first row: latitude '{lat_text.iloc[0]}', "
            f"longitude '{lon_text.iloc[0]}'). Check the coordinate columns: they must be longitude/latitude "
            "degrees (JGD2011/WGS84), not projected metres.",
            f"{name}: 日本国内の座標を持つ行がありません（座標の列: {source}、1行目 緯度「{lat_text.iloc[0]}」経度"
            f"「{lon_text.iloc[0]}」）。座標が経緯度（JGD2011/WGS84の度）で、平面直角座標（メートル）でないことを"
            "確認してください。")
    skipped = []
    for i in np.flatnonzero(~ok):
        if swapped[i]:
            reason = (f"latitude and longitude swapped / 緯度経度が逆 (lon={lon_text.iloc[i]}, "
                      f"lat={lat_text.iloc[i]})")
        elif unreadable[i] and "out_of_range" not in (lat_p.codes[i], lon_p.codes[i]):
            en_r, ja_r = reason_text(lat_p.codes[i] or lon_p.codes[i])
            reason = (f"unreadable coordinates ({lon_text.iloc[i]!r}, {lat_text.iloc[i]!r}): {en_r} / "
                      f"座標を読めません: {ja_r}")
        elif missing[i] and not unreadable[i]:
            reason = f"missing coordinates / 座標がありません ({lon_text.iloc[i]!r}, {lat_text.iloc[i]!r})"
        else:
            reason = f"outside Japan / 日本国外 (lon={lon_text.iloc[i]}, lat={lat_text.iloc[i]})"
        skipped.append((f"{table.row_label(i)} ({table.row_label_ja(i)})", reason))
    return lon, lat, ok, skipped


def _numbers(table: RawTable, values: pd.Series, field: str, column, family: str, warn) -> np.ndarray:
    """A numeric column parsed with engine.parsing; an unreadable value is refused naming the row."""
    label = os.path.basename(table.path)
    shown = column if isinstance(column, str) else (column[0] if column else field)
    return require_numbers(values, shown, label, rows=lambda i: (table.row_label(i), table.row_label_ja(i)),
                           family=family, warn=warn)


def _bool_series(values, index) -> pd.Series:
    return pd.Series(values, index=index, dtype=object)


def records_from_table(table: RawTable, warn=None) -> tuple[pd.DataFrame, Layout, FileReport]:
    """Canonical records (DataFrame with lon/lat and helper columns) from one raw table."""
    layout, cols = detect_layout(table)
    lon_text, lat_text, coord_source = _coordinates(table, cols)
    lon, lat, ok, skipped = validate_coordinates(table, lon_text, lat_text, coord_source)
    frame = table.frame
    idx = frame.index
    n = len(frame)
    out = pd.DataFrame(index=idx)
    get = lambda key: _column(table, cols, layout.columns.get(key, ())) if key in layout.columns else \
        pd.Series([""] * n, index=idx, dtype=object)
    for key in ("name", "name_kana", "address", "notes"):
        out[key] = get(key).pipe(nfkc_series)
    for key in ("name", "address"):
        # Dash variants (U+2212 minus, U+FF0D full-width hyphen-minus, en/em dashes) are one character in
        # addresses; Shift_JIS exports turn one into another. The katakana long-vowel mark ー is left alone.
        out[key] = out[key].str.replace(DASHES, "-", regex=True)
    out["source_id"] = get("source_id").pipe(nfkc_series)
    muni = get("municipality_code").pipe(nfkc_series)
    if layout.source == "gsi":
        # GSI 共通ID: E + five-digit municipality code + serial + type; six-digit code with its check digit.
        muni = out["source_id"].str[1:6].map(lambda c: jis_check_digit(c) if c.isdigit() and len(c) == 5 else "")
    else:
        muni = muni.map(lambda c: jis_check_digit(c) if c.isdigit() and len(c) == 5 else c)
    out["municipality_code"] = muni
    capacity = pd.Series(_numbers(table, get("capacity_persons"), "capacity_persons",
                                  layout.columns.get("capacity_persons"), "persons", warn), index=idx)
    out["capacity_persons"] = capacity.where(capacity > 0)        # 0 / -1 mean "unknown" in these sources
    out["elevation_m"] = _numbers(table, get("elevation_m"), "elevation_m", layout.columns.get("elevation_m"),
                                  "length_m", warn)
    out["floor_area_m2"] = np.nan
    out["floors"] = np.nan

    hazard_flags = {h: _bool_series([None] * n, idx) for h in HAZARDS}
    conditional = {h: pd.Series(False, index=idx) for h in HAZARDS}
    for hazard, column in layout.hazards.items():
        designated, cond = parse_flags(_column(table, cols, column), layout.flag_style)
        hazard_flags[hazard] = designated
        conditional[hazard] = cond
    if layout.flag_style == "ksj":
        # P20: 0/1 per hazard; p20_012 = 1 means "no hazard designation" -> unknown rather than "not safe".
        unknown = _column(table, cols, "p20_012").pipe(nfkc_series) == "1"
        for hazard in layout.hazards:
            hazard_flags[hazard][unknown] = None
    for hazard in HAZARDS:
        out[f"ok_{hazard}"] = hazard_flags[hazard]
    joined = np.full(n, "", dtype=object)            # "flood,tsunami": vectorised over the hazards, not per row
    for h in HAZARDS:
        hit = np.asarray(conditional[h], dtype=bool)
        joined = np.where(hit, np.where(joined == "", h, joined + "," + h), joined)
    out["conditional_hazards"] = pd.Series(joined, index=idx, dtype=object)

    any_designation = pd.DataFrame({h: hazard_flags[h] == True for h in HAZARDS}).any(axis=1)  # noqa: E712
    kind = layout.site_kind
    yes = _bool_series([True] * n, idx)
    none = _bool_series([None] * n, idx)
    if kind == "emergency":
        out["emergency_site"], out["designated_shelter"] = yes, none
    elif kind == "evacuation":
        out["emergency_site"], out["designated_shelter"] = none, yes
    elif kind == "city_table":
        space = get("evacuation_space").pipe(nfkc_series)
        out["emergency_site"] = _bool_series(any_designation.to_numpy(), idx)
        out["designated_shelter"] = _bool_series((space == "○").to_numpy(), idx)
        flood_l1 = get("flood_l1").pipe(nfkc_series).str.replace(DASHES, "-", regex=True)
        assoc = get("association").pipe(nfkc_series)
        extra = "flood_L1=" + flood_l1 + np.where(assoc != "", " / " + assoc, "")
        out["notes"] = np.where(out["notes"] != "", out["notes"] + " / " + extra, extra)
    elif kind == "tsunami_building":
        floors_text = get("refuge_floors").pipe(nfkc_series)
        floor_numbers = floors_text.str.findall(r"(\d+)階").map(lambda xs: max(map(int, xs)) if xs else np.nan)
        out["floors"] = floor_numbers
        out["emergency_site"], out["designated_shelter"] = yes, none
        out["ok_tsunami"] = yes
        out["conditional_hazards"] = "tsunami"
        out["notes"] = "避難階: " + floors_text + " / 地区: " + get("district").pipe(nfkc_series)
    elif kind == "listed":
        out["emergency_site"], out["designated_shelter"] = none, yes
    elif kind == "p20":
        p20_kind = get("p20_kind").pipe(nfkc_series)
        out["emergency_site"] = _bool_series(p20_kind.str.contains("避難場所|避難地").to_numpy(), idx)
        out["designated_shelter"] = _bool_series(p20_kind.str.contains("避難所|収容").to_numpy(), idx)
        out["notes"] = p20_kind
    else:
        out["emergency_site"], out["designated_shelter"] = none, none

    accepts = get("accepts").pipe(nfkc_series)
    welfare = out["name"].str.contains("福祉避難所") | (accepts != "")
    if layout.source == "gsi":
        welfare = welfare | (out["source_id"].str[-3:-1] == "12")      # 共通ID type 12x = 福祉避難所
    out["welfare_shelter"] = _bool_series(welfare.to_numpy(), idx)
    ftype, owner = classify_facility_types(out["name"])
    out["facility_type"] = layout.facility_type or ftype
    if out["welfare_shelter"].astype(bool).any():
        out.loc[out["welfare_shelter"].astype(bool) & (out["facility_type"] == "other"), "facility_type"] = "welfare"
    out["owner"] = owner
    out["in_disaster_plan"] = _bool_series(
        (out["emergency_site"] == True) | (out["designated_shelter"] == True), idx)  # noqa: E712
    out["source"] = f"{layout.source}:{layout.key}"
    out["source_file"] = os.path.basename(table.path)
    out["source_row"] = [table.row_label(i) for i in range(n)]
    same = _column(table, cols, layout.same_address_column).pipe(nfkc_series) if layout.same_address_column else \
        pd.Series([""] * n, index=idx)
    out["_same_address"] = same.isin(["1", "○", "〇", "有"]).to_numpy()
    out["_site"] = kind
    out["_prefix"] = layout.prefix
    out["_layout"] = layout.key
    out["lon"], out["lat"] = lon, lat
    report = FileReport(table.path, layout.key, table.encoding, n, int(ok.sum()), skipped)
    kept = out[ok].reset_index(drop=True)
    kept["_content"] = _content_key(kept)
    return kept, layout, report


def merge_same_places(records: pd.DataFrame) -> tuple[pd.DataFrame, int]:
    """Merge emergency-site records with designated-shelter records of the same place.

    Same place = identical name and address (NFKC, spaces removed) and the 住所同一 flag on at least one side.
    Pairs one-to-one in file order; the merged feature keeps the shelter's position, the emergency site's hazard
    flags, both designations, the larger known capacity and both source ids.
    """
    recs = records.copy()
    recs["_key"] = place_key(recs["name"]) + "|" + place_key(recs["address"])
    emergency = recs[recs["_site"] == "emergency"]
    evacuation = recs[recs["_site"] == "evacuation"]
    if emergency.empty or evacuation.empty:
        return recs.drop(columns="_key"), 0
    e = emergency.reset_index().rename(columns={"index": "_row"})
    v = evacuation.reset_index().rename(columns={"index": "_row"})
    e["_nth"] = e.groupby("_key").cumcount()
    v["_nth"] = v.groupby("_key").cumcount()
    pairs = v.merge(e, on=["_key", "_nth"], suffixes=("_v", "_e"))
    pairs = pairs[pairs["_same_address_v"] | pairs["_same_address_e"]]
    if pairs.empty:
        return recs.drop(columns="_key"), 0
    merged = recs.loc[pairs["_row_v"].to_numpy()].copy()
    erows = recs.loc[pairs["_row_e"].to_numpy()]
    for hazard in HAZARDS:
        merged[f"ok_{hazard}"] = erows[f"ok_{hazard}"].to_numpy()
    merged["conditional_hazards"] = erows["conditional_hazards"].to_numpy()
    merged["emergency_site"] = True
    merged["designated_shelter"] = True
    merged["in_disaster_plan"] = True
    merged["capacity_persons"] = np.fmax(merged["capacity_persons"].to_numpy(dtype=float),
                                         erows["capacity_persons"].to_numpy(dtype=float))
    merged["elevation_m"] = merged["elevation_m"].fillna(pd.Series(erows["elevation_m"].to_numpy(),
                                                                   index=merged.index))
    for col, sep in (("source_id", "|"), ("source_row", " | "), ("source_file", " | ")):
        merged[col] = erows[col].to_numpy() + sep + merged[col]
    merged["source"] = erows["source"].to_numpy() + "+" + merged["source"]
    notes_e = erows["notes"].to_numpy()
    merged["notes"] = np.where(notes_e != "", notes_e + np.where(merged["notes"] != "", " / " + merged["notes"], ""),
                               merged["notes"])
    merged["_site"] = "merged"
    drop = set(pairs["_row_v"]) | set(pairs["_row_e"])
    keep = recs.drop(index=list(drop))
    # Keep the order of the inputs: merged features where the shelter record stood.
    with warnings.catch_warnings():
        # pandas 1.5 warns about object columns holding True/False/None (nullable flags): intended here.
        warnings.simplefilter("ignore", FutureWarning)
        out = pd.concat([keep, merged]).sort_index(kind="stable")
    return out.drop(columns="_key").reset_index(drop=True), len(pairs)


def _merge_rule() -> dict:
    return load_rules("facility_merge.json")


def _either(a, b):
    """Combine two nullable flags: True if either says so, else False if either says so, else unknown."""
    if a is True or b is True:
        return True
    if a is False or b is False:
        return False
    return None


def _same_place_pairs(recs: pd.DataFrame, key: pd.Series, layout: pd.Series, cand, radius: float) -> list:
    """Pairs (i, j) of records with the same place key from different layouts within ``radius`` metres, chosen
    greedily in input order (for each record, its first unused partner after it).

    Candidates come from a KD-tree on the sphere (a radius slightly wider than the rule's), then the rule's own
    distance (equirectangular at the mean latitude) decides, so the result equals the pairwise double loop it
    replaces while costing O(n log n) instead of O(sum of group size squared).
    """
    from scipy.spatial import cKDTree
    if len(cand) < 2:
        return []
    lat = recs.loc[cand, "lat"].to_numpy(dtype=float)
    lon = recs.loc[cand, "lon"].to_numpy(dtype=float)
    ok = np.isfinite(lat) & np.isfinite(lon)
    pos = np.flatnonzero(ok)
    if len(pos) < 2:
        return []
    r_earth = 6371008.8
    phi, lam = np.radians(lat[pos]), np.radians(lon[pos])
    xyz = np.column_stack([np.cos(phi) * np.cos(lam), np.cos(phi) * np.sin(lam), np.sin(phi)]) * r_earth
    close = cKDTree(xyz).query_pairs(radius * 1.05 + 1.0, output_type="ndarray")
    if len(close) == 0:
        return []
    a, b = pos[np.minimum(close[:, 0], close[:, 1])], pos[np.maximum(close[:, 0], close[:, 1])]
    codes = pd.factorize(key[cand])[0]
    lay = layout[cand].to_numpy(dtype=object)
    gsi = np.isin(lay, ["gsi_emergency", "gsi_evacuation"])
    keep = (codes[a] == codes[b]) & (lay[a] != lay[b]) & ~(gsi[a] & gsi[b])
    a, b = a[keep], b[keep]
    mid = np.radians((lat[a] + lat[b]) / 2)
    dx = np.radians(lon[b] - lon[a]) * np.cos(mid) * r_earth
    dy = np.radians(lat[b] - lat[a]) * r_earth
    keep = np.hypot(dx, dy) <= radius
    a, b = a[keep], b[keep]
    order = np.lexsort((b, a))              # the double loop's order: by first record, then by partner
    used, pairs = set(), []
    labels = np.asarray(cand)
    for i, j in zip(a[order].tolist(), b[order].tolist()):
        if i in used or j in used:
            continue
        pairs.append((labels[i], labels[j]))
        used.update((i, j))
    return pairs


def merge_across_tables(records: pd.DataFrame) -> tuple[pd.DataFrame, int]:
    """One feature per place when two different table layouts list it (same name, within the rule's radius).

    The GSI emergency-site/shelter pair is left to :func:`merge_same_places`. The earlier record (input order)
    keeps its position and text; designations and hazard flags combine (True wins), conditional hazards unite,
    missing capacity/elevation/floors are filled from the other record, source ids are joined.
    """
    radius = float(_merge_rule()["same_name_radius_m"])
    recs = records.copy()
    key = place_key(recs["name"])
    layout = recs["source"].str.split("+").str[0].str.split(":").str[-1]
    multi = key.groupby(key).transform("size") > 1
    cand = recs.index[multi & (key != "")]
    pairs = _same_place_pairs(recs, key, layout, cand, radius)
    for i, j in pairs:
        for col in [f"ok_{h}" for h in HAZARDS] + ["emergency_site", "designated_shelter", "welfare_shelter",
                                                    "in_disaster_plan"]:
            recs.at[i, col] = _either(recs.at[i, col], recs.at[j, col])
        hazards = set(filter(None, str(recs.at[i, "conditional_hazards"] or "").split(","))) | \
            set(filter(None, str(recs.at[j, "conditional_hazards"] or "").split(",")))
        recs.at[i, "conditional_hazards"] = ",".join(h for h in HAZARDS if h in hazards)
        for col in ("capacity_persons", "elevation_m", "floor_area_m2"):
            if pd.isna(recs.at[i, col]):
                recs.at[i, col] = recs.at[j, col]
        recs.at[i, "floors"] = np.fmax(recs.at[i, "floors"], recs.at[j, "floors"])
        if recs.at[i, "facility_type"] == "other":
            recs.at[i, "facility_type"] = recs.at[j, "facility_type"]
        for col, sep in (("notes", " / "), ("source_id", "|"), ("source_row", " | "), ("source_file", " | "),
                         ("source", "+")):
            a, b = str(recs.at[i, col] or ""), str(recs.at[j, col] or "")
            recs.at[i, col] = a + sep + b if a and b else (a or b)
    if not pairs:
        return recs, 0
    return recs.drop(index=[j for _i, j in pairs]).reset_index(drop=True), len(pairs)


def _content_key(recs: pd.DataFrame) -> pd.Series:
    """A short hash of name, address and position (6 decimals, ~0.1 m): the same place gives the same key in
    any file, whatever the file's name or row order. Computed once per record (column ``_content``)."""
    if "_content" in recs.columns:
        return recs["_content"]
    lat = np.char.mod("%.6f", recs["lat"].to_numpy(dtype=float))
    lon = np.char.mod("%.6f", recs["lon"].to_numpy(dtype=float))
    text = place_key_normalised(recs["name"]).to_numpy(dtype=object) + "|" \
        + place_key_normalised(recs["address"]).to_numpy(dtype=object) \
        + "|" + lat.astype(object) + "|" + lon.astype(object)
    return pd.Series([hashlib.sha1(t.encode("utf-8")).hexdigest()[:10] for t in text], index=recs.index, dtype=object)


def _assign_ids(recs: pd.DataFrame) -> pd.Series:
    """Stable ids: the GSI 共通ID, else <layout prefix>:<the publisher's own id>, else <prefix>:h<content hash>.
    Never the file name or the position in the file list; ids that still collide get '#<content hash>'."""
    primary = recs["source_id"].str.split("|").str[-1]
    prefix = recs["_prefix"] if "_prefix" in recs.columns else recs["source"].str.split("+").str[-1]
    content = _content_key(recs)
    ids = np.where(recs["source"].str.startswith("gsi") & (primary != ""), primary,
                   prefix + ":" + np.where(primary != "", primary, "h" + content))
    ids = pd.Series(ids, index=recs.index)
    dup = ids.duplicated(keep=False)
    if dup.any():
        ids[dup] = ids[dup] + "#" + content[dup]
        still = ids.duplicated(keep=False)
        if still.any():
            ids[still] = ids[still] + "-" + ids[still].groupby(ids[still]).cumcount().add(1).astype(str)
    return ids


def _refuse_repeated_ids(frames: list, reports: list) -> None:
    """The same publisher id in two different files of the same layout (the city's CSV and its GeoJSON, or two
    versions of one list): importing both would duplicate every shelter. Refuse naming the id and both files."""
    seen = {}
    for recs, report in zip(frames, reports):
        name = os.path.basename(report.path)
        if not len(recs):
            continue
        # publisher ids identify places except in a plain facility table (there they are row numbers)
        keys = np.where((recs["source_id"] != "") & (report.layout != "facility_table"),
                        "id " + recs["source_id"], "place " + _content_key(recs))
        for key_, row, sid in zip(keys, recs["source_row"], recs["source_id"]):
            key = (report.layout, key_)
            if key in seen and seen[key][0] != name:
                other, other_row = seen[key]
                what_en = f"id {sid}" if key_.startswith("id ") else "the same place (name, address, position)"
                what_ja = f"ID {sid}" if key_.startswith("id ") else "同じ場所（名称・住所・位置）"
                raise SonaeInputError(
                    f"{name}, {row}: {what_en} is also in {other} ({other_row}); both files list the same places "
                    f"(layout {report.layout}), so the shelters would be imported twice. Give only one of the two "
                    "files (the newer one).",
                    f"{name} {row}: {what_ja}が {other}（{other_row}）にもあります。2つのファイルが同じ場所を載せている"
                    "ため、避難所が二重になります。どちらか一方（新しい方）だけを指定してください。")
            seen.setdefault(key, (name, row))


def _digest(path: str) -> str | None:
    try:
        with open(path, "rb") as fh:
            return hashlib.sha256(fh.read()).hexdigest()
    except OSError:
        return None         # read_table reports the missing file


def import_shelter_files(paths, progress: Progress | None = None, tables=()) -> ImportResult:
    """Read every file (and every RawTable of ``tables``: vector layers, see shelter_layers.table_from_frame),
    detect its layout, validate, merge the same places, return the canonical layer."""
    progress = ensure(progress)
    if not paths and not tables:
        raise SonaeInputError("No input files were given. Choose one or more shelter files (CSV or GeoJSON).",
                              "入力ファイルが指定されていません。避難所ファイル（CSVまたはGeoJSON）を選んでください。")
    frames, reports, digests = [], [], {}
    items = [(p, None) for p in paths] + [(t.path, t) for t in tables]
    for i, (path, given) in enumerate(items):
        name = os.path.basename(path)
        digest = _digest(path) if given is None else None
        if digest is not None and digest in digests:
            progress.warn(f"{name}: the same content as {os.path.basename(digests[digest])}; read once, not twice. / "
                          f"{name}: {os.path.basename(digests[digest])} と同じ内容のため、1回だけ読み込みました。")
            continue
        if digest is not None:
            digests[digest] = path
        table = given if given is not None else read_table(path, choose_sheet=layout_accepts)
        recs, layout, report = records_from_table(table, warn=progress.warn)
        frames.append(recs)
        reports.append(report)
        progress.info(f"{name}: {layout.label} / encoding {table.encoding} / "
                      f"{report.imported} of {report.rows} rows")
        for label, reason in report.skipped:
            progress.warn(f"{name} {label}: skipped / 読み込みませんでした — {reason}")
        if report.skipped:
            progress.warn(f"{name}: {len(report.skipped)} row(s) skipped for bad coordinates / "
                          f"座標不良で{len(report.skipped)}行を除外")
        progress.update((i + 1) / (len(items) + 1))
    _refuse_repeated_ids(frames, reports)
    records = pd.concat(frames, ignore_index=True)
    records, merged_pairs = merge_same_places(records)
    records["id"] = _assign_ids(records)           # before the cross-table merge: a merged place keeps its first id
    # The first record of a place wins the cross-table merge: order by layout (GSI first, as in LAYOUTS), then by
    # file order, so the merged id does not depend on the order the files were given in.
    rank = records["_layout"].map({layout.key: i for i, layout in enumerate(LAYOUTS)}).to_numpy()
    records = records.iloc[np.argsort(rank, kind="stable")].reset_index(drop=True)
    records, merged_across = merge_across_tables(records)
    geometry = gpd.points_from_xy(records["lon"], records["lat"], crs=CRS)
    facilities = gpd.GeoDataFrame(records[FACILITY_FIELD_NAMES].copy(), geometry=geometry, crs=CRS)
    facilities["capacity_persons"] = facilities["capacity_persons"].round().astype("Int64")
    facilities["floors"] = facilities["floors"].round().astype("Int64")
    progress.update(1.0)
    return ImportResult(facilities, reports, merged_pairs + merged_across)
