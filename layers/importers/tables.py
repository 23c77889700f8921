"""Reading tabular sources (CSV/TSV/GeoJSON) whatever their encoding, into string DataFrames.

Encoding is detected from the bytes (BOMs, then strict UTF-8, then CP932), never from the file name.
"""
from __future__ import annotations

import csv
import io
import json
import os
from dataclasses import dataclass

import pandas as pd

from ...engine.errors import SonaeInputError

LON_COL = "__lon"
LAT_COL = "__lat"


@dataclass
class RawTable:
    path: str
    frame: pd.DataFrame          # all columns as str ("" for missing); GeoJSON adds __lon/__lat
    encoding: str
    first_data_line: int         # 1-based line/feature number of frame row 0, for messages
    kind: str                    # "csv" or "geojson"

    def row_label(self, index: int) -> str:
        if self.kind == "csv":
            return f"line {self.first_data_line + index}"
        return f"feature {index + 1}"

    def row_label_ja(self, index: int) -> str:
        if self.kind == "csv":
            return f"{self.first_data_line + index}行目"
        return f"{index + 1}番目の地物"


def decode_bytes(data: bytes, path: str) -> tuple[str, str]:
    """Return (text, encoding). UTF-8 (with or without BOM), UTF-16 with BOM, CP932/Shift_JIS."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp932"), "cp932"
    except UnicodeDecodeError as exc:
        name = os.path.basename(path)
        raise SonaeInputError(
            f"{name}: the text encoding could not be read (neither UTF-8 nor Shift_JIS/CP932; first bad byte at "
            f"offset {exc.start}). Save the file as UTF-8 (Excel: 'CSV UTF-8') and try again.",
            f"{name}: 文字コードを判別できません（UTF-8でもShift_JIS/CP932でもありません。位置 {exc.start} の"
            f"バイト）。UTF-8（Excelでは「CSV UTF-8」）で保存し直してください。") from None


def _check_path(path: str) -> None:
    name = os.path.basename(path.rstrip("/")) or path
    if os.path.isdir(path):
        raise SonaeInputError(
            f"{path} is a directory, not a file. Choose the shelter files inside it (CSV or GeoJSON).",
            f"{path} はフォルダです。中の避難所ファイル（CSVまたはGeoJSON）を選択してください。")
    if not os.path.exists(path):
        raise SonaeInputError(f"{path}: file not found. Check the path.",
                              f"{path}: ファイルが見つかりません。パスを確認してください。")
    if os.path.getsize(path) == 0:
        raise SonaeInputError(f"{name}: the file is empty (0 bytes). Export the data again.",
                              f"{name}: ファイルが空です（0バイト）。データを書き出し直してください。")


def read_table(path: str) -> RawTable:
    """Read a CSV/TSV or GeoJSON file into a RawTable of strings. Format decided from the content."""
    _check_path(path)
    with open(path, "rb") as fh:
        data = fh.read()
    text, encoding = decode_bytes(data, path)
    stripped = text.lstrip()
    if stripped.startswith("{"):
        return _read_geojson(path, text, encoding)
    return _read_csv(path, text, encoding)


def _read_csv(path: str, text: str, encoding: str) -> RawTable:
    name = os.path.basename(path)
    sample = text[:4096]
    first_line = sample.splitlines()[0] if sample.splitlines() else ""
    delimiter = "\t" if first_line.count("\t") > first_line.count(",") else ","
    try:
        frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False, sep=delimiter,
                            skip_blank_lines=True, quoting=csv.QUOTE_MINIMAL)
    except pd.errors.EmptyDataError:
        raise SonaeInputError(f"{name}: the file has no header and no rows. Export the data again.",
                              f"{name}: ヘッダーも行もありません。データを書き出し直してください。") from None
    except pd.errors.ParserError as exc:
        raise SonaeInputError(f"{name}: not a readable CSV ({exc}). Check quotes and delimiters.",
                              f"{name}: CSVとして読めません（{exc}）。引用符と区切り文字を確認してください。") from None
    frame.columns = [str(c).strip() for c in frame.columns]
    if len(frame) == 0:
        raise SonaeInputError(f"{name}: the file has a header but no data rows.",
                              f"{name}: ヘッダーのみでデータ行がありません。")
    return RawTable(path, frame, encoding, first_data_line=2, kind="csv")


def _read_geojson(path: str, text: str, encoding: str) -> RawTable:
    name = os.path.basename(path)
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SonaeInputError(f"{name}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg}).",
                              f"{name}: JSONとして不正です（{exc.lineno}行 {exc.colno}列: {exc.msg}）。") from None
    if doc.get("type") != "FeatureCollection":
        kind = doc.get("type")
        raise SonaeInputError(
            f"{name}: a GeoJSON FeatureCollection was expected, found type '{kind}'"
            + (" (the publisher marks this municipality's data as unavailable)." if kind == "unavailable" else "."),
            f"{name}: GeoJSONのFeatureCollectionではありません（type='{kind}'）"
            + ("。この市区町村のデータは公開されていません。" if kind == "unavailable" else "。"))
    crs = (doc.get("crs") or {}).get("properties", {}).get("name", "")
    if crs and not any(code in crs for code in ("4326", "6668", "4612", "CRS84")):
        raise SonaeInputError(
            f"{name}: coordinates are in {crs}; Sonae reads GeoJSON in longitude/latitude (WGS84/JGD2011). "
            "Export as EPSG:4326 or EPSG:6668.",
            f"{name}: 座標系が {crs} です。経緯度（EPSG:4326 または EPSG:6668）で書き出してください。")
    features = doc.get("features") or []
    if not features:
        raise SonaeInputError(f"{name}: the FeatureCollection has no features.",
                              f"{name}: 地物が1つもありません。")
    rows, lons, lats = [], [], []
    for feat in features:
        props = feat.get("properties") or {}
        rows.append({k: "" if v is None else str(v) for k, v in props.items()})
        geom = feat.get("geometry") or {}
        coords = geom.get("coordinates") if geom.get("type") == "Point" else None
        if coords and len(coords) >= 2:
            lons.append(str(coords[0]))
            lats.append(str(coords[1]))
        else:
            lons.append("")
            lats.append("")
    frame = pd.DataFrame(rows).fillna("")
    frame.columns = [str(c).strip() for c in frame.columns]
    frame[LON_COL] = lons
    frame[LAT_COL] = lats
    return RawTable(path, frame, encoding, first_data_line=1, kind="geojson")
