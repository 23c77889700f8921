"""Reading tabular sources (CSV/TSV/GeoJSON/XLSX) whatever their encoding, into string DataFrames.

Encoding is detected from the bytes (BOMs, then strict UTF-8, then CP932), never from the file name; a file mixing
UTF-8 and Shift_JIS lines is refused naming the first line of the other encoding. CSV rows are checked against the
header: a trailing delimiter on every line is tolerated (dropped), a row with fewer fields than the header (cut off)
or with extra non-empty fields (an unquoted comma) is refused naming the line. XLSX workbooks (the layout Takamatsu
publishes: one sheet, header in the first non-empty row) are read with openpyxl, every cell as text.
"""
from __future__ import annotations

import csv
import io
import json
import os
from dataclasses import dataclass

import numpy as np
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

    sheet: str = ""              # XLSX sheet name
    row_numbers: list = None     # XLSX: 1-based worksheet row of each frame row

    def row_label(self, index: int) -> str:
        if self.kind == "csv":
            return f"line {self.first_data_line + index}"
        if self.kind == "xlsx":
            return f"sheet '{self.sheet}' row {self.row_numbers[index]}"
        return f"feature {index + 1}"

    def row_label_ja(self, index: int) -> str:
        if self.kind == "csv":
            return f"{self.first_data_line + index}行目"
        if self.kind == "xlsx":
            return f"シート「{self.sheet}」{self.row_numbers[index]}行目"
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
    _refuse_mixed(data, path)
    try:
        return data.decode("cp932"), "cp932"
    except UnicodeDecodeError as exc:
        name = os.path.basename(path)
        raise SonaeInputError(
            f"{name}: the text encoding could not be read (neither UTF-8 nor Shift_JIS/CP932; first bad byte at "
            f"offset {exc.start}). Save the file as UTF-8 (Excel: 'CSV UTF-8') and try again.",
            f"{name}: 文字コードを判別できません（UTF-8でもShift_JIS/CP932でもありません。位置 {exc.start} の"
            f"バイト）。UTF-8（Excelでは「CSV UTF-8」）で保存し直してください。") from None


def _refuse_mixed(data: bytes, path: str) -> None:
    """Refuse a file whose lines are partly UTF-8 Japanese and partly Shift_JIS (two exports pasted together):
    decoding it either way garbles one part silently."""
    utf8_line = sjis_line = None
    for n, line in enumerate(data.split(b"\n"), start=1):
        if max(line, default=0) < 0x80:
            continue
        try:
            line.decode("utf-8")
            utf8_line = utf8_line or n
        except UnicodeDecodeError:
            try:
                line.decode("cp932")
                sjis_line = sjis_line or n
            except UnicodeDecodeError:
                pass
        if utf8_line and sjis_line:
            name = os.path.basename(path)
            raise SonaeInputError(
                f"{name}: the file mixes two text encodings (line {utf8_line} is UTF-8, line {sjis_line} is "
                "Shift_JIS/CP932), so one part would be garbled. Save the whole file in one encoding (Excel: "
                "'CSV UTF-8') and try again.",
                f"{name}: 文字コードが混在しています（{utf8_line}行目はUTF-8、{sjis_line}行目はShift_JIS/CP932）。"
                "このままでは一部が文字化けします。ファイル全体を1つの文字コード（Excelでは「CSV UTF-8」）で保存し直して"
                "ください。")


_BINARY = (
    (b"\xd0\xcf\x11\xe0", "an old Excel workbook (.xls)", "旧形式のExcelブック（.xls）",
     "Save it in Excel as .xlsx or as 'CSV UTF-8'", "Excelで .xlsx または「CSV UTF-8」で保存し直してください"),
    (b"%PDF", "a PDF document", "PDF文書", "Use the data file (CSV, GeoJSON or XLSX) the PDF was made from",
     "PDFの元になったデータファイル（CSV・GeoJSON・XLSX）を使ってください"),
    (b"SQLite format 3\x00", "a GeoPackage/SQLite database", "GeoPackage/SQLiteデータベース",
     "Export the layer as CSV or GeoJSON first (or use the facilities layer Sonae already wrote)",
     "先にCSVまたはGeoJSONで書き出してください（Sonaeが書き出した施設レイヤならそのまま使えます）"),
)


def _refuse_binary(data: bytes, path: str) -> None:
    """A binary file given as a table is named for what it is, not reported as an unreadable text encoding."""
    name = os.path.basename(path)
    for magic, en, ja, fix_en, fix_ja in _BINARY:
        if data.startswith(magic):
            raise SonaeInputError(f"{name} is {en}, not a table Sonae reads. {fix_en}.",
                                  f"{name} は{ja}で、Sonaeが読める表ではありません。{fix_ja}。")


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


def read_table(path: str, choose_sheet=None) -> RawTable:
    """Read a CSV/TSV, GeoJSON or XLSX file into a RawTable of strings. Format decided from the content.
    ``choose_sheet(header) -> bool`` picks the sheet of a workbook (default: the first with data)."""
    _check_path(path)
    with open(path, "rb") as fh:
        data = fh.read()
    if data[:4] == b"PK\x03\x04":
        return read_xlsx(path, choose_sheet)
    _refuse_binary(data, path)
    text, encoding = decode_bytes(data, path)
    stripped = text.lstrip()
    if stripped.startswith("{"):
        return _read_geojson(path, text, encoding)
    return _read_csv(path, text, encoding, choose_sheet)


def _read_csv(path: str, text: str, encoding: str, choose=None) -> RawTable:
    name = os.path.basename(path)
    skipped = 0
    if choose is not None:
        # a title line (and an as-of date) above the header, as Excel exports of officers' sheets have
        lines = text.splitlines(keepends=True)
        for k, line in enumerate(lines[:10]):
            delim = "\t" if line.count("\t") > line.count(",") else ","
            cells = next(csv.reader([line], delimiter=delim), [])
            if choose([c.strip() for c in cells]):
                if k:
                    skipped, text = k, "".join(lines[k:])
                break
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
        _check_fields(name, text, delimiter, None, skipped)    # names the line and the reason when it can
        raise SonaeInputError(f"{name}: not a readable CSV ({exc}). Check quotes and delimiters.",
                              f"{name}: CSVとして読めません。引用符（\"）の閉じ忘れや区切り文字を確認してください。") from None
    frame = _check_fields(name, text, delimiter, frame, skipped)
    frame.columns = [str(c).strip() for c in frame.columns]
    if len(frame) == 0:
        raise SonaeInputError(f"{name}: the file has a header but no data rows.",
                              f"{name}: ヘッダーのみでデータ行がありません。")
    return RawTable(path, frame, encoding, first_data_line=2 + skipped, kind="csv")


def _check_fields(name: str, text: str, delimiter: str, frame: pd.DataFrame, offset: int = 0) -> pd.DataFrame:
    """Compare every record's field count with the header's (see the module doc); returns the frame to use."""
    records = [(r, i) for i, r in enumerate(csv.reader(io.StringIO(text), delimiter=delimiter), start=1 + offset)
               if "".join(r).strip()]
    if not records:
        return frame
    header, data = records[0][0], records[1:]
    width = len(header)
    # a trailing delimiter on the header line too: an empty last column name with nothing under it
    if width > 1 and header[-1].strip() == "" and all(len(r) <= width and (len(r) < width or r[-1].strip() == "")
                                                      for r, _ in data):
        frame = frame.iloc[:, : width - 1] if frame is not None else None
        width -= 1
    counts = np.array([len(r) for r, _ in data], dtype=int)
    if len(data) and (counts == width + 1).all() and all(r[-1].strip() == "" for r, _ in data):
        # a trailing delimiter on every data line (pandas would shift every column by one): drop it
        return pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False, sep=delimiter, index_col=False,
                           skip_blank_lines=True, quoting=csv.QUOTE_MINIMAL).iloc[:, :width]
    short = [(n, len(r)) for r, n in data if len(r) < width]
    if short:
        line, got = short[0]
        more_en = f" ({len(short)} such lines)" if len(short) > 1 else ""
        more_ja = f"（同様の行は計{len(short)}行）" if len(short) > 1 else ""
        raise SonaeInputError(
            f"{name}, line {line}: {got} fields where the header has {width}; the row looks cut off, so its last "
            f"values (e.g. an expiry date or hazard flags) would be lost.{more_en} Complete the row or export the file "
            "again.",
            f"{name} {line}行目: 項目数が{got}で、見出しの{width}より少なく、行が途中で切れているようです（期限や災害種別などの"
            f"値が失われます）。{more_ja}行を補うか、ファイルを書き出し直してください。")
    extra = [(n, len(r)) for r, n in data if len(r) > width and any(f.strip() for f in r[width:])]
    if extra:
        line, got = extra[0]
        raise SonaeInputError(
            f"{name}, line {line}: {got} fields where the header has {width}; a value probably contains an unquoted "
            "delimiter (e.g. 1,234 without quotes). Quote that value or remove the extra delimiter.",
            f"{name} {line}行目: 項目数が{got}で、見出しの{width}より多くなっています。値の中の区切り文字（引用符なしの"
            "1,234など）が原因と思われます。値を引用符で囲むか、余分な区切り文字を削除してください。")
    return frame


def read_xlsx_sheets(path: str) -> list:
    """[(sheet name, (header row number, header), [(row number, values)])] of an XLSX workbook; blank rows skipped."""
    import openpyxl
    name = os.path.basename(path)
    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 — openpyxl raises many kinds
        raise SonaeInputError(
            f"{name}: not a readable XLSX workbook ({type(exc).__name__}). Open it in Excel and save it again as .xlsx.",
            f"{name}: XLSXブックとして読めません（{type(exc).__name__}）。Excelで開き、.xlsx で保存し直してください。") from None
    out = []
    try:
        for ws in wb.worksheets:
            header, rows = None, []
            for r, values in enumerate(ws.iter_rows(values_only=True), start=1):
                if values is None or all(v is None or str(v).strip() == "" for v in values):
                    continue
                if header is None:
                    header = (r, [("" if v is None else str(v).strip()) for v in values])
                    continue
                rows.append((r, list(values)))
            if header is not None:
                out.append((ws.title, header, rows))
    finally:
        wb.close()
    return out


def read_xlsx(path: str, choose=None) -> RawTable:
    """The shelter table of an XLSX workbook as a RawTable of strings: the first sheet whose header ``choose``
    accepts (default: the first sheet with a header and rows). Numbers keep their written digits (238 -> '238')."""
    name = os.path.basename(path)
    sheets = read_xlsx_sheets(path)
    # Officers often put a title (and a date line) above the header: the header is the first of the first rows
    # that ``choose`` accepts, else the first row with at least half of the widest row's cells filled.
    candidates = []
    for title, (hrow, header), rows in sheets:
        all_rows = [(hrow, header)] + [(r, ["" if v is None else str(v).strip() for v in vals]) for r, vals in rows]
        widest = max(sum(1 for c in cells if c) for _, cells in all_rows)
        pick = None
        for k, (_r, cells) in enumerate(all_rows[:10]):
            if choose is not None and choose(cells):
                pick = (k, True)
                break
        if pick is None:
            k = next(k for k, (_r, cells) in enumerate(all_rows) if sum(1 for c in cells if c) * 2 >= widest)
            pick = (k, False)
        k, accepted = pick
        body = rows[k:] if k else rows
        if body:
            candidates.append((accepted, title, (all_rows[k][0], all_rows[k][1]), body))
    if not candidates:
        raise SonaeInputError(f"{name}: no sheet has a header and data rows.",
                              f"{name}: 見出しとデータ行のあるシートがありません。")
    _accepted, title, (_hrow, header), rows = next((c for c in candidates if c[0]), candidates[0])
    header = [h if h else f"column{i + 1}" for i, h in enumerate(header)]
    while header and header[-1].startswith("column") and all(len(v) < len(header) or v[len(header) - 1] is None
                                                               for _, v in rows):
        header = header[:-1]
    width = len(header)
    data = [[_xlsx_text(v) for v in (list(vals[:width]) + [None] * (width - len(vals)))] for _, vals in rows]
    frame = pd.DataFrame(data, columns=header)
    return RawTable(path, frame, "xlsx", first_data_line=0, kind="xlsx", sheet=title,
                    row_numbers=[r for r, _ in rows])


def _xlsx_text(v) -> str:
    """A cell as the text a CSV export would hold: 238 (int or 238.0) -> '238', 34.3475 -> '34.3475'."""
    import datetime as dt
    if v is None:
        return ""
    if isinstance(v, bool):
        return "1" if v else "0"
    if isinstance(v, float):
        return str(int(v)) if v.is_integer() and abs(v) < 1e15 else repr(v)
    if isinstance(v, (dt.datetime, dt.date)):
        return v.date().isoformat() if isinstance(v, dt.datetime) and v.time() == dt.time() else v.isoformat()
    return str(v).strip()


def _read_geojson(path: str, text: str, encoding: str) -> RawTable:
    name = os.path.basename(path)
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SonaeInputError(f"{name}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg}).",
                              f"{name}: JSONとして不正です（{exc.lineno}行 {exc.colno}列）。括弧・引用符・カンマを確認してください。") from None
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
