"""Bad-input cases of sonae:importshelters (issue 11 items 3, 4, 7, 11; issue 14 item 8: XLSX).

Inputs are the real Takamatsu and GSI files of ../shared/data, imperfected the way cities' files are: 度分秒
coordinates, numbers written as text, missing columns, the same list given twice, renamed files, trailing commas,
cut-off rows, Shift_JIS/BOM/mixed encodings, the city's data.xlsx. Expected values are computed here from the
source rows (csv/json/openpyxl), independently of the importer.
"""
from __future__ import annotations

import csv
import json
import os
import shutil
from pathlib import Path

from .framework import BadCase, refused, succeeds

ALG = "sonae:importshelters"
_ROOT = Path(__file__).resolve().parents[2]
DATA = Path(os.environ.get("SONAE_SHARED", _ROOT.parent / "shared")) / "data"
TKM_CSV = DATA / "takamatsu" / "shelters" / "evacuation_space.csv"
TKM_GEOJSON = DATA / "takamatsu" / "shelters" / "evacuation_space.geojson"
GSI_EMERGENCY = DATA / "takamatsu" / "shelters" / "gsi_emergency_372013.geojson"
N_TKM = 195


def _rows():
    with open(TKM_CSV, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    return list(rows[0].keys()), rows


def _write_csv(path: Path, header, rows, encoding="utf-8", line_end="\n", trailing=""):
    with open(path, "w", encoding=encoding, newline="") as fh:
        w = csv.writer(fh, lineterminator=trailing + line_end)
        w.writerow(header)
        for r in rows:
            w.writerow([r.get(h, "") if isinstance(r, dict) else r[i] for i, h in enumerate(header)])
    return path


def _out(tmp: Path) -> str:
    return str(tmp / "facilities.gpkg")


def _read(tmp: Path):
    import pyogrio
    return pyogrio.read_dataframe(_out(tmp))


def _dms(v: float) -> tuple[str, float]:
    """(34度23分26.9秒 text, the value it stands for) computed by hand: seconds rounded to 1/10000."""
    d = int(v)
    m_f = (v - d) * 60
    m = int(m_f)
    s = round((m_f - m) * 60, 4)
    return f"{d}度{m}分{s}秒", d + m / 60 + s / 3600


def _check_positions(tmp: Path, expected: dict, tol: float = 1e-9):
    out = _read(tmp)
    got = {sid.split(":")[-1]: (g.x, g.y) for sid, g in zip(out["id"], out.geometry)}
    assert len(out) == len(expected), (len(out), len(expected))
    bad = [(k, got.get(k), v) for k, v in expected.items()
           if k not in got or abs(got[k][0] - v[0]) > tol or abs(got[k][1] - v[1]) > tol]
    assert not bad, bad[:3]


# --- coordinates --------------------------------------------------------------------------------------------

def _dms_csv(style: str):
    def build(tmp):
        header, rows = _rows()
        for r in rows:
            lat_t, _ = _dms(float(r["latitude"]))
            lon_t, _ = _dms(float(r["longitude"]))
            if style == "symbols":
                lat_t = lat_t.replace("度", "°").replace("分", "′").replace("秒", "″")
                lon_t = lon_t.replace("度", "°").replace("分", "′").replace("秒", "″")
            elif style == "hemisphere":
                lat_t, lon_t = "北緯" + lat_t, "東経" + lon_t
            r["latitude"], r["longitude"] = lat_t, lon_t
        return {"INPUTS": [str(_write_csv(tmp / "evacuation_space_dms.csv", header, rows))], "OUTPUT": _out(tmp)}

    def check(results, tmp):
        _, rows = _rows()
        expected = {r["#property"]: (_dms(float(r["longitude"]))[1], _dms(float(r["latitude"]))[1]) for r in rows}
        _check_positions(tmp, expected)
    check.__doc__ = (f"all {N_TKM} shelters at the degrees+minutes/60+seconds/3600 of their 度分秒 text (to 1e-9 "
                     "degrees), not cut to whole degrees")
    return build, check


def _fullwidth_build(tmp):
    header, rows = _rows()
    table = {ord(c): ord(c) + 0xFEE0 for c in "0123456789."}
    for r in rows:
        r["latitude"], r["longitude"] = r["latitude"].translate(table), r["longitude"].translate(table)
    return {"INPUTS": [str(_write_csv(tmp / "fullwidth.csv", header, rows))], "OUTPUT": _out(tmp)}


def _plain_positions():
    _, rows = _rows()
    return {r["#property"]: (float(r["longitude"]), float(r["latitude"])) for r in rows}


def _plain_check(results, tmp):
    """every shelter at the decimal degrees of the source row"""
    _check_positions(tmp, _plain_positions())


def _ne_build(tmp):
    header, rows = _rows()
    for i, r in enumerate(rows):
        if i % 2:
            r["latitude"], r["longitude"] = "N" + r["latitude"], "E" + r["longitude"]
        else:
            r["latitude"], r["longitude"] = r["latitude"] + "N", r["longitude"] + "E"
    return {"INPUTS": [str(_write_csv(tmp / "ne.csv", header, rows))], "OUTPUT": _out(tmp)}


def _geojson_dms_build(tmp):
    """The city's GeoJSON with its geometry removed and 緯度/経度 properties in 34°23′26.9″ form."""
    doc = json.loads(TKM_GEOJSON.read_text(encoding="utf-8"))
    for f in doc["features"]:
        lon, lat = f["geometry"]["coordinates"][:2]
        f["properties"]["緯度"] = _dms(lat)[0].replace("度", "°").replace("分", "′").replace("秒", "″")
        f["properties"]["経度"] = _dms(lon)[0].replace("度", "°").replace("分", "′").replace("秒", "″")
        f["geometry"] = None
    path = tmp / "evacuation_space_dms.geojson"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return {"INPUTS": [str(path)], "OUTPUT": _out(tmp)}


def _geojson_dms_check(results, tmp):
    """all 195 shelters at the value of their 度分秒 properties (to 1e-9 degrees)"""
    doc = json.loads(TKM_GEOJSON.read_text(encoding="utf-8"))
    expected = {f["properties"]["#property"]: (_dms(f["geometry"]["coordinates"][0])[1],
                                               _dms(f["geometry"]["coordinates"][1])[1]) for f in doc["features"]}
    _check_positions(tmp, expected)


def _swapped_build(tmp):
    header, rows = _rows()
    for r in rows:
        r["latitude"], r["longitude"] = r["longitude"], r["latitude"]
    return {"INPUTS": [str(_write_csv(tmp / "swapped.csv", header, rows))], "OUTPUT": _out(tmp)}


def _unreadable_coords_build(tmp):
    header, rows = _rows()
    for r in rows:
        r["latitude"], r["longitude"] = "調査中", "調査中"
    return {"INPUTS": [str(_write_csv(tmp / "unknown_coords.csv", header, rows))], "OUTPUT": _out(tmp)}


def _wrong_axis_build(tmp):
    header, rows = _rows()
    rows[3]["latitude"] = "E" + rows[3]["latitude"]          # an east longitude letter in the latitude column
    return {"INPUTS": [str(_write_csv(tmp / "wrong_axis.csv", header, rows))], "OUTPUT": _out(tmp)}


def _wrong_axis_check(results, tmp):
    """194 shelters imported; line 5 (latitude 'E34…') skipped and reported, not placed anywhere"""
    assert results["FEATURE_COUNT"] == N_TKM - 1 and results["SKIPPED_COUNT"] == 1
    out = _read(tmp)
    _, rows = _rows()
    assert rows[3]["#property"] not in {i.split(":")[-1] for i in out["id"]}


# --- numbers ------------------------------------------------------------------------------------------------

CAPACITY_TEXT = {0: ("2,041人", 2041), 1: ("約100人", 100), 2: ("1,234人", 1234), 3: ("１５３０", 1530),
                 4: ("238名", 238)}


def _capacity_text_build(tmp):
    header, rows = _rows()
    for i, (text, _v) in CAPACITY_TEXT.items():
        rows[i]["capacity"] = text
    return {"INPUTS": [str(_write_csv(tmp / "capacity_text.csv", header, rows))], "OUTPUT": _out(tmp)}


def _capacity_text_check(results, tmp):
    """capacity 2,041人 -> 2041, 約100人 -> 100 (warned), 1,234人 -> 1234, １５３０ -> 1530, 238名 -> 238; others as in
    the source"""
    out = _read(tmp).set_index("id")
    _, rows = _rows()
    for i, r in enumerate(rows):
        want = CAPACITY_TEXT[i][1] if i in CAPACITY_TEXT else (round(float(r["capacity"])) if r["capacity"] else None)
        got = out.loc[f"takamatsu_city:evacuation_space:{r['#property']}", "capacity_persons"]
        if want is None:
            assert got != got or got is None, (i, got)
        else:
            assert int(got) == want, (i, got, want)


def _capacity_bad_build(tmp):
    header, rows = _rows()
    rows[6]["capacity"] = "多数"
    return {"INPUTS": [str(_write_csv(tmp / "capacity_bad.csv", header, rows))], "OUTPUT": _out(tmp)}


def _elevation_bad_build(tmp):
    header, rows = _rows()
    rows[10]["elevation"] = "1.7m〜2.0m"
    return {"INPUTS": [str(_write_csv(tmp / "elevation_range.csv", header, rows))], "OUTPUT": _out(tmp)}


# --- columns, duplicates, ids, types --------------------------------------------------------------------------

def _drop_column_build(column):
    def build(tmp):
        header, rows = _rows()
        header = [h for h in header if h != column]
        return {"INPUTS": [str(_write_csv(tmp / f"without_{column}.csv", header, rows))], "OUTPUT": _out(tmp)}
    return build


def _gsi_without_tsunami_build(tmp):
    doc = json.loads(GSI_EMERGENCY.read_text(encoding="utf-8"))
    for f in doc["features"]:
        f["properties"].pop("津波", None)
    path = tmp / "gsi_emergency_no_tsunami.geojson"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return {"INPUTS": [str(path)], "OUTPUT": _out(tmp)}


def _same_file_twice_build(tmp):
    path = tmp / "evacuation_space.csv"
    shutil.copy(TKM_CSV, path)
    return {"INPUTS": [str(path), str(path)], "OUTPUT": _out(tmp)}


def _same_file_twice_check(results, tmp):
    """195 shelters, each once (ids unique), not 390"""
    out = _read(tmp)
    assert len(out) == N_TKM and out["id"].is_unique


def _copy_twice_build(tmp):
    a, b = tmp / "evacuation_space.csv", tmp / "evacuation_space (1).csv"
    shutil.copy(TKM_CSV, a)
    shutil.copy(TKM_CSV, b)
    return {"INPUTS": [str(a), str(b)], "OUTPUT": _out(tmp)}


def _csv_and_geojson_build(tmp):
    a, b = tmp / "evacuation_space.csv", tmp / "evacuation_space.geojson"
    shutil.copy(TKM_CSV, a)
    shutil.copy(TKM_GEOJSON, b)
    return {"INPUTS": [str(a), str(b)], "OUTPUT": _out(tmp)}


def _renamed_build(tmp):
    path = tmp / "避難所一覧_2026年度版.csv"
    shutil.copy(TKM_CSV, path)
    return {"INPUTS": [str(path)], "OUTPUT": _out(tmp)}


def _renamed_check(results, tmp):
    """ids are takamatsu_city:evacuation_space:<#property> whatever the file is called"""
    _, rows = _rows()
    assert sorted(_read(tmp)["id"]) == sorted(f"takamatsu_city:evacuation_space:{r['#property']}" for r in rows)


def _emergency_only_build(tmp):
    path = tmp / "gsi_emergency_372013.geojson"
    shutil.copy(GSI_EMERGENCY, path)
    return {"INPUTS": [str(path)], "OUTPUT": _out(tmp)}


def _emergency_only_check(results, tmp):
    """designated_shelter is a Boolean field (like every import), unknown (NULL) for every emergency site"""
    from qgis.core import QgsVectorLayer
    layer = QgsVectorLayer(_out(tmp), "f", "ogr")
    field = layer.fields().field("designated_shelter")
    assert field.typeName().lower() in ("boolean", "bool") or field.subType() == 1, (field.typeName(), field.type())
    for name in ("emergency_site", "welfare_shelter", "ok_flood"):
        f = layer.fields().field(name)
        assert f.typeName().lower() in ("boolean", "bool") or f.subType() == 1, (name, f.typeName())
    n = len(json.loads(GSI_EMERGENCY.read_text(encoding="utf-8"))["features"])
    assert layer.featureCount() == n


# --- file structure and encodings -----------------------------------------------------------------------------

def _trailing_comma_build(tmp):
    header, rows = _rows()
    path = tmp / "trailing_comma.csv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        fh.write(",".join(header) + "\n")
        w = csv.writer(fh, lineterminator=",\n")
        for r in rows:
            w.writerow([r[h] for h in header])
    return {"INPUTS": [str(path)], "OUTPUT": _out(tmp)}


def _truncated_build(tmp):
    header, rows = _rows()
    path = tmp / "truncated.csv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(header)
        for i, r in enumerate(rows):
            values = [r[h] for h in header]
            w.writerow(values[:9] if i == 40 else values)       # line 42 cut after the 9th field
    return {"INPUTS": [str(path)], "OUTPUT": _out(tmp)}


def _unquoted_comma_build(tmp):
    header, rows = _rows()
    path = tmp / "unquoted.csv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        fh.write(",".join(header) + "\n")
        for i, r in enumerate(rows):
            values = [r[h] for h in header]
            if i == 1:
                values[header.index("capacity")] = "1,530"      # written without quotes: one field too many
            fh.write(",".join(values) + "\n")
    return {"INPUTS": [str(path)], "OUTPUT": _out(tmp)}


def _encoding_build(encoding):
    def build(tmp):
        text = TKM_CSV.read_text(encoding="utf-8")
        path = tmp / f"evacuation_space_{encoding}.csv"
        path.write_bytes(text.encode(encoding))
        return {"INPUTS": [str(path)], "OUTPUT": _out(tmp)}
    return build


def _names_check(results, tmp):
    """every name and address reads exactly as in the UTF-8 original"""
    import unicodedata
    _, rows = _rows()
    out = _read(tmp).set_index("id")
    key = lambda t: unicodedata.normalize("NFKC", t).replace(" ", "")   # the importer stores names NFKC-normalised
    for r in rows:
        rec = out.loc[f"takamatsu_city:evacuation_space:{r['#property']}"]
        assert key(rec["name"]) == key(r["name"]), (rec["name"], r["name"])
        assert key(rec["address"]) == key(r["address"]).replace("−", "-"), (rec["address"], r["address"])


def _mixed_build(tmp):
    lines = TKM_CSV.read_text(encoding="utf-8").splitlines()
    data = "\n".join(lines[:100]).encode("utf-8") + b"\n" + "\n".join(lines[100:]).encode("cp932") + b"\n"
    path = tmp / "mixed.csv"
    path.write_bytes(data)
    return {"INPUTS": [str(path)], "OUTPUT": _out(tmp)}


def _title_line_build(tmp):
    text = TKM_CSV.read_text(encoding="utf-8")
    path = tmp / "title_line.csv"
    path.write_bytes(("指定緊急避難場所・指定避難所一覧,,,\n令和8年4月1日現在,,,\n" + text).encode("cp932"))
    return {"INPUTS": [str(path)], "OUTPUT": _out(tmp)}


def _title_truncated_build(tmp):
    lines = TKM_CSV.read_text(encoding="utf-8").splitlines()
    lines[5] = ",".join(lines[5].split(",")[:7])                 # file line 8 after the two title lines
    path = tmp / "title_truncated.csv"
    path.write_text("避難所一覧\n令和8年4月1日現在\n" + "\n".join(lines) + "\n", encoding="utf-8")
    return {"INPUTS": [str(path)], "OUTPUT": _out(tmp)}


def _header_only_build(tmp):
    header, _ = _rows()
    path = tmp / "header_only.csv"
    path.write_text(",".join(header) + "\n", encoding="utf-8")
    return {"INPUTS": [str(path)], "OUTPUT": _out(tmp)}


# --- XLSX (issue 14 item 8) ------------------------------------------------------------------------------------

def _xlsx_build(numeric: bool, title_rows: bool = False):
    def build(tmp):
        """Takamatsu's data.xlsx layout: one sheet 'Sheet1', the CSV's header in row 1, every cell as text (as the
        city publishes it) or, in the second variant, numbers as numeric cells (as Excel users re-save it)."""
        import openpyxl
        header, rows = _rows()
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = "Sheet1"
        if title_rows:                                  # as officers re-save it: a title and a date above the header
            ws.append(["指定緊急避難場所・指定避難所一覧"])
            ws.append(["令和8年4月1日現在", None, None, "高松市危機管理課"])
            ws.append([])
        ws.append(header)
        for r in rows:
            values = []
            for h in header:
                v = r[h]
                if numeric and h in ("latitude", "longitude", "elevation", "capacity", "#property") and v != "":
                    v = float(v) if "." in v else int(v)
                values.append(v)
            ws.append(values)
        path = tmp / "data.xlsx"
        wb.save(path)
        return {"INPUTS": [str(path)], "OUTPUT": _out(tmp)}
    return build


def _xlsx_check(results, tmp):
    """every row of an independent openpyxl read of data.xlsx is a facility with the same id, name, position,
    capacity and elevation"""
    import unicodedata
    import openpyxl
    wb = openpyxl.load_workbook(tmp / "data.xlsx", read_only=True)
    rows = [r for r in wb["Sheet1"].iter_rows(values_only=True) if r and any(v is not None for v in r)]
    wb.close()
    start = next(i for i, r in enumerate(rows) if "#property" in r)       # below any title rows
    header, body = list(rows[start]), rows[start + 1:]
    out = _read(tmp).set_index("id")
    assert len(out) == len(body) == N_TKM
    for values in body:
        r = dict(zip(header, values))
        pid = r["#property"]
        pid = str(int(pid)) if isinstance(pid, (int, float)) else str(pid)
        rec = out.loc[f"takamatsu_city:evacuation_space:{pid}"]
        assert rec["name"] == unicodedata.normalize("NFKC", r["name"]).strip(), (rec["name"], r["name"])
        assert abs(rec.geometry.x - float(r["longitude"])) < 1e-12 and abs(rec.geometry.y - float(r["latitude"])) < 1e-12
        cap = r["capacity"]
        if cap in (None, ""):
            assert rec["capacity_persons"] != rec["capacity_persons"] or rec["capacity_persons"] is None
        else:
            assert int(rec["capacity_persons"]) == round(float(cap))
        if r["elevation"] not in (None, ""):
            assert abs(float(rec["elevation_m"]) - float(r["elevation"])) < 1e-12


def _xlsx_not_a_workbook_build(tmp):
    path = tmp / "data.xlsx"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 200)            # a zip signature and nothing else (broken download)
    return {"INPUTS": [str(path)], "OUTPUT": _out(tmp)}


CASES = []
for _style, _what in (("kanji", "34度23分26.9秒"), ("symbols", "34°23′26.9″"), ("hemisphere", "北緯34度23分26.9秒")):
    _b, _c = _dms_csv(_style)
    CASES.append(BadCase(id=f"importshelters-dms-{_style}", alg=ALG, what=f"coordinates written as {_what}",
                         build=_b, expect=succeeds(_c)))
CASES += [
    BadCase(id="importshelters-dms-geojson-properties", alg=ALG,
            what="GeoJSON without geometry, 緯度/経度 properties as 34°23′26.9″",
            build=_geojson_dms_build, expect=succeeds(_geojson_dms_check)),
    BadCase(id="importshelters-fullwidth-coordinates", alg=ALG, what="coordinates in full-width digits (３４．３４７)",
            build=_fullwidth_build, expect=succeeds(_plain_check)),
    BadCase(id="importshelters-ne-prefix-suffix", alg=ALG, what="coordinates as N34.347 / 134.030E",
            build=_ne_build, expect=succeeds(_plain_check)),
    BadCase(id="importshelters-swapped-latlon", alg=ALG, what="latitude and longitude columns swapped",
            build=_swapped_build, expect=refused("swapped", "入れ替わ")),
    BadCase(id="importshelters-coordinates-unreadable", alg=ALG, what="every coordinate written as 調査中",
            build=_unreadable_coords_build, expect=refused("調査中", "line 2", "readable")),
    BadCase(id="importshelters-hemisphere-wrong-axis", alg=ALG, what="latitude written as E34.34 (a longitude letter)",
            build=_wrong_axis_build, expect=succeeds(_wrong_axis_check)),
    BadCase(id="importshelters-capacity-as-text", alg=ALG,
            what="capacity written 2,041人 / 約100人 / 1,234人 / １５３０ / 238名",
            build=_capacity_text_build, expect=succeeds(_capacity_text_check)),
    BadCase(id="importshelters-capacity-unreadable", alg=ALG, what="capacity written 多数",
            build=_capacity_bad_build, expect=refused("多数", "line 8", "capacity")),
    BadCase(id="importshelters-elevation-range", alg=ALG, what="elevation written as a range 1.7m〜2.0m",
            build=_elevation_bad_build, expect=refused("line 12", "elevation")),
    BadCase(id="importshelters-missing-flood-l2", alg=ALG, what="Takamatsu table without its flood_L2 column",
            build=_drop_column_build("flood_L2"), expect=refused("flood_L2")),
    BadCase(id="importshelters-missing-evacuationspace", alg=ALG,
            what="Takamatsu table without evacuationSpace (the designated-shelter flag)",
            build=_drop_column_build("evacuationSpace"), expect=refused("evacuationSpace")),
    BadCase(id="importshelters-gsi-missing-tsunami", alg=ALG, what="GSI emergency sites without the 津波 column",
            build=_gsi_without_tsunami_build, expect=refused("津波")),
    BadCase(id="importshelters-same-file-twice", alg=ALG, what="the same file given twice",
            build=_same_file_twice_build, expect=succeeds(_same_file_twice_check)),
    BadCase(id="importshelters-identical-copies", alg=ALG, what="two identical copies under different names",
            build=_copy_twice_build, expect=succeeds(_same_file_twice_check)),
    BadCase(id="importshelters-csv-and-geojson-of-one-list", alg=ALG,
            what="the city's CSV and GeoJSON of the same list together",
            build=_csv_and_geojson_build, expect=refused("evacuation_space.csv", "evacuation_space.geojson")),
    BadCase(id="importshelters-renamed-file-keeps-ids", alg=ALG, what="the city's file renamed 避難所一覧_2026年度版.csv",
            build=_renamed_build, expect=succeeds(_renamed_check)),
    BadCase(id="importshelters-emergency-only-boolean", alg=ALG,
            what="GSI emergency sites only: designated_shelter has no value anywhere",
            build=_emergency_only_build, expect=succeeds(_emergency_only_check)),
    BadCase(id="importshelters-trailing-comma", alg=ALG, what="a trailing comma on every data line",
            build=_trailing_comma_build, expect=succeeds(_plain_check)),
    BadCase(id="importshelters-truncated-row", alg=ALG, what="line 42 cut off after 9 of 19 fields",
            build=_truncated_build, expect=refused("line 42", "42行目")),
    BadCase(id="importshelters-unquoted-comma", alg=ALG, what="capacity 1,530 written without quotes (20 fields)",
            build=_unquoted_comma_build, expect=refused("line 3", "3行目")),
    BadCase(id="importshelters-shift-jis", alg=ALG, what="the city's CSV saved as Shift_JIS (CP932)",
            build=_encoding_build("cp932"), expect=succeeds(_names_check)),
    BadCase(id="importshelters-utf8-bom", alg=ALG, what="the city's CSV saved as UTF-8 with BOM (Excel)",
            build=_encoding_build("utf-8-sig"), expect=succeeds(_names_check)),
    BadCase(id="importshelters-mixed-encodings", alg=ALG,
            what="first 100 lines UTF-8, the rest Shift_JIS (two exports pasted together)",
            build=_mixed_build, expect=refused("Shift_JIS", "line 101")),
    BadCase(id="importshelters-csv-title-lines", alg=ALG,
            what="a Shift_JIS CSV exported from Excel with a title and an as-of date above the header",
            build=_title_line_build, expect=succeeds(_names_check)),
    BadCase(id="importshelters-csv-title-lines-cut-row", alg=ALG,
            what="the same with line 8 cut off: the refusal names the file's own line number",
            build=_title_truncated_build, expect=refused("line 8", "8行目")),
    BadCase(id="importshelters-header-only", alg=ALG, what="a CSV with the header and no rows",
            build=_header_only_build, expect=refused("header", "ヘッダー")),
    BadCase(id="importshelters-xlsx-city-layout", alg=ALG,
            what="Takamatsu's data.xlsx layout (Sheet1, every cell text)",
            build=_xlsx_build(numeric=False), expect=succeeds(_xlsx_check)),
    BadCase(id="importshelters-xlsx-numeric-cells", alg=ALG,
            what="data.xlsx re-saved with numbers as numeric cells",
            build=_xlsx_build(numeric=True), expect=succeeds(_xlsx_check)),
    BadCase(id="importshelters-xlsx-title-rows", alg=ALG,
            what="data.xlsx with a title and an as-of date above the header",
            build=_xlsx_build(numeric=True, title_rows=True), expect=succeeds(_xlsx_check)),
    BadCase(id="importshelters-xlsx-broken", alg=ALG, what="a truncated download named data.xlsx",
            build=_xlsx_not_a_workbook_build, expect=refused("data.xlsx", "XLSX")),
]


def _two_versions_build(tmp):
    """The GSI file and an edited copy (one site renamed): two versions of one list."""
    a = tmp / "gsi_emergency_372013.geojson"
    shutil.copy(GSI_EMERGENCY, a)
    doc = json.loads(GSI_EMERGENCY.read_text(encoding="utf-8"))
    doc["features"][0]["properties"]["施設・場所名"] += "（旧）"
    b = tmp / "gsi_emergency_372013_old.geojson"
    b.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return {"INPUTS": [str(a), str(b)], "OUTPUT": _out(tmp)}


_FIRST_ID = json.loads(GSI_EMERGENCY.read_text(encoding="utf-8"))["features"][0]["properties"]["共通ID"]

CASES += [
    BadCase(id="importshelters-two-versions-of-one-list", alg=ALG,
            what="the GSI file and an older edited copy of it together",
            build=_two_versions_build, expect=refused(_FIRST_ID, "gsi_emergency_372013_old.geojson")),
]


def _xls_build(tmp):
    path = tmp / "data.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504)     # the OLE2 header of an Excel 97 file
    return {"INPUTS": [str(path)], "OUTPUT": _out(tmp)}


CASES += [
    BadCase(id="importshelters-old-xls", alg=ALG, what="an Excel 97 workbook (.xls)",
            build=_xls_build, expect=refused("data.xls", ".xlsx", "旧形式")),
]
