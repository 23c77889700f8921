"""sonae:importshelters on every shelter file in ../shared/data, through the real Processing framework.

Expected counts come from ../shared/data/MANIFEST.md and from an independent plain-Python reading of the files
(json/csv modules), never from the importer itself.
"""
from __future__ import annotations

import csv
import glob
import json
import os
import re
import unicodedata

import pytest

from .conftest import DATA, shared_data

# Rows per file as listed in MANIFEST.md.
MANIFEST_ROWS = {
    "kumamoto/shelters/gsi_emergency_431001.geojson": 317,
    "kumamoto/shelters/gsi_evacuation_431001.geojson": 182,
    "kumamoto/shelters/kumamoto_pref_portal_shelter_capacity.csv": 2125,
    "kumamoto/population_dem_subset/ksj_p20_evac_facilities_subset.geojson": 96,
    "miyazaki/shelters/gsi_emergency_452017.geojson": 718,
    "miyazaki/shelters/gsi_evacuation_452017.geojson": 235,
    "aizuwakamatsu/shelters/gsi_emergency_072028.geojson": 199,
    "aizuwakamatsu/shelters/gsi_evacuation_072028.geojson": 102,
    "tokyo_setagaya/shelters/gsi_emergency_131121.geojson": 53,
    "tokyo_setagaya/shelters/gsi_evacuation_131121.geojson": 95,
    "tokyo_edogawa/shelters/gsi_emergency_131237.geojson": 111,
    "tokyo_edogawa/shelters/gsi_evacuation_131237.geojson": 112,
    "tokyo_nerima/shelters/gsi_emergency_131202.geojson": 163,
    "tokyo_nerima/shelters/gsi_evacuation_131202.geojson": 215,
    "tokyo_chiyoda/shelters/gsi_emergency_131016.geojson": 28,
    "tokyo_chiyoda/shelters/gsi_evacuation_131016.geojson": 15,
    "takamatsu/shelters/evacuation_space.csv": 195,
    "takamatsu/shelters/evacuation_space.geojson": 195,
    "takamatsu/shelters/tsunami_evacuation_building.csv": 112,
    "takamatsu/shelters/tsunami_evacuation_building.geojson": 112,
    "takamatsu/shelters/citizen_disaster_prevention_center.csv": 1,
    "takamatsu/shelters/citizen_disaster_prevention_center.geojson": 1,
    "takamatsu/shelters/gsi_emergency_372013.geojson": 196,
    "takamatsu/shelters/gsi_evacuation_372013.geojson": 159,
}
CITIES = ["kumamoto", "takamatsu", "miyazaki", "aizuwakamatsu", "tokyo_setagaya", "tokyo_edogawa", "tokyo_nerima",
          "tokyo_chiyoda"]


def _layer(path):
    from qgis.core import QgsVectorLayer
    layer = QgsVectorLayer(path, "out", "ogr")
    assert layer.isValid(), path
    return layer


def _rows(layer):
    names = [f.name() for f in layer.fields() if f.name() != "fid"]
    out = []
    for feat in layer.getFeatures():
        p = feat.geometry().asPoint()
        out.append(tuple(None if feat[n] is None or (hasattr(feat[n], "isNull") and feat[n].isNull()) else feat[n]
                         for n in names) + (round(p.x(), 7), round(p.y(), 7)))
    return names, out


class _Values:
    """Feature attributes with QGIS NULL as None."""

    def __init__(self, feature):
        self.feature = feature
        self.y = feature.geometry().asPoint().y()

    def __getitem__(self, name):
        v = self.feature[name]
        return None if v is None or (hasattr(v, "isNull") and v.isNull()) else v


def _independent_bad_coordinate_rows(path):
    """Rows whose coordinates are missing or outside Japan, read with the csv/json modules."""
    bad = 0
    if path.endswith(".csv"):
        with open(path, encoding="utf-8-sig") as fh:
            rows = list(csv.DictReader(fh))
        lat_col = next(c for c in rows[0] if c in ("緯度", "latitude", "portal_latitude"))
        lon_col = next(c for c in rows[0] if c in ("経度", "longitude", "portal_longitude"))
        pairs = [(r[lon_col], r[lat_col]) for r in rows]
    else:
        with open(path, encoding="utf-8") as fh:
            feats = json.load(fh)["features"]
        pairs = [tuple(f["geometry"]["coordinates"][:2]) if f.get("geometry") else ("", "") for f in feats]
    for lon, lat in pairs:
        try:
            lon, lat = float(lon), float(lat)
        except (TypeError, ValueError):
            bad += 1
            continue
        if not (122 <= lon <= 154 and 20 <= lat <= 46):
            bad += 1
    return bad, len(pairs)


@pytest.mark.parametrize("relpath", sorted(MANIFEST_ROWS))
def test_every_shared_shelter_file_imports_with_manifest_counts(run_alg, tmp_path, relpath):
    path = shared_data(*relpath.split("/"))
    bad, total = _independent_bad_coordinate_rows(path)
    assert total == MANIFEST_ROWS[relpath]
    out = str(tmp_path / "f.gpkg")
    result = run_alg("sonae:importshelters", {"INPUTS": [path], "OUTPUT": out})
    assert result["SKIPPED_COUNT"] == bad
    assert result["FEATURE_COUNT"] == total - bad
    layer = _layer(out)
    assert layer.featureCount() == total - bad
    assert layer.crs().authid() == "EPSG:6668"
    if bad:
        warnings = " ".join(result["_feedback"].errors)
        assert f"{bad} row(s) skipped" in warnings


def test_no_shelter_file_in_shared_data_is_left_out():
    """Every file under */shelters/ (except metadata JSON) is in the counted list above."""
    found = {os.path.relpath(p, DATA) for p in glob.glob(os.path.join(DATA, "*", "shelters", "*"))
             if not p.endswith("_metadata.json")}
    assert found <= set(MANIFEST_ROWS)


def _key(name, address):
    norm = lambda s: re.sub(r"\s+", "", unicodedata.normalize("NFKC", s or ""))
    return norm(name) + "|" + re.sub(r"[‐‑‒–—―ー−－]", "-", norm(address))


def _independent_merge_count(emergency_path, evacuation_path):
    """Pairs of an emergency site and a shelter with the same name+address, the 住所同一 flag on either side.

    Records sharing a key pair up in file order (the n-th with the n-th).
    """
    def load(path, flag):
        with open(path, encoding="utf-8") as fh:
            props = [f["properties"] for f in json.load(fh)["features"]]
        by_key = {}
        for p in props:
            by_key.setdefault(_key(p["施設・場所名"], p["住所"]), []).append(p.get(flag) == "1")
        return by_key, len(props)
    e, ne = load(emergency_path, "指定避難所との住所同一")
    v, nv = load(evacuation_path, "指定緊急避難場所との住所同一")
    pairs = 0
    for key, flags_e in e.items():
        for fe, fv in zip(flags_e, v.get(key, [])):
            pairs += fe or fv
    return ne, nv, pairs


@pytest.mark.parametrize("city", CITIES)
def test_emergency_sites_and_shelters_merge_into_one_place(run_alg, tmp_path, city):
    emergency = glob.glob(os.path.join(DATA, city, "shelters", "gsi_emergency_*.geojson"))[0]
    evacuation = glob.glob(os.path.join(DATA, city, "shelters", "gsi_evacuation_*.geojson"))[0]
    ne, nv, pairs = _independent_merge_count(emergency, evacuation)
    out = str(tmp_path / "f.gpkg")
    result = run_alg("sonae:importshelters", {"INPUTS": [emergency, evacuation], "OUTPUT": out})
    assert result["MERGED_COUNT"] == pairs
    assert result["FEATURE_COUNT"] == ne + nv - pairs
    layer = _layer(out)
    both = [f for f in layer.getFeatures() if f["emergency_site"] is True and f["designated_shelter"] is True]
    assert len(both) == pairs
    # A merged feature carries both GSI common ids and the emergency record's hazard flags.
    with open(emergency, encoding="utf-8") as fh:
        e_props = {p["共通ID"]: p for p in (f["properties"] for f in json.load(fh)["features"])}
    for feat in both[:20]:
        eid, vid = feat["source_id"].split("|")
        assert feat["id"] == vid
        assert feat["ok_flood"] == (e_props[eid]["洪水"] == "1")
        assert feat["ok_earthquake"] == (e_props[eid]["地震"] == "1")


@pytest.mark.parametrize("city,welfare", [("aizuwakamatsu", 32), ("tokyo_nerima", 52)])
def test_welfare_shelters_flagged_from_common_id_type_12x(run_alg, tmp_path, city, welfare):
    evacuation = glob.glob(os.path.join(DATA, city, "shelters", "gsi_evacuation_*.geojson"))[0]
    out = str(tmp_path / "f.gpkg")
    run_alg("sonae:importshelters", {"INPUTS": [evacuation], "OUTPUT": out})
    flagged = [f["source_id"] for f in _layer(out).getFeatures() if f["welfare_shelter"] is True]
    assert len(flagged) == welfare  # MANIFEST.md: 32 / 52 福祉避難所
    assert all(sid[-3:-1] == "12" for sid in flagged)


def test_takamatsu_city_table_values(run_alg, tmp_path):
    path = shared_data("takamatsu", "shelters", "evacuation_space.csv")
    with open(path, encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    out = str(tmp_path / "f.gpkg")
    run_alg("sonae:importshelters", {"INPUTS": [path], "OUTPUT": out})
    feats = [_Values(f) for f in _layer(out).getFeatures()]
    assert len(feats) == len(rows) == 195
    for row, feat in zip(rows, feats):
        assert feat["name"] == unicodedata.normalize("NFKC", row["name"]).strip()
        cap = row["capacity"]
        assert (feat["capacity_persons"] is None) == (cap == "")
        if cap:
            assert feat["capacity_persons"] == round(float(cap))
        if row["elevation"]:
            assert feat["elevation_m"] == pytest.approx(float(row["elevation"]))
        flood = row["flood_L2"]
        expected = {"○": True, "△": True, "×": False}.get(flood)
        assert feat["ok_flood"] == expected, (row["name"], flood)
        assert ("flood" in (feat["conditional_hazards"] or "").split(",")) == (flood == "△")
        assert feat["designated_shelter"] == (row["evacuationSpace"] == "○")
        assert abs(feat.y - float(row["latitude"])) < 1e-9


def test_municipality_code_from_gsi_common_id(run_alg, tmp_path):
    from sonae.layers.importers.normalize import jis_check_digit
    # JIS X 0402 check digits worked by hand: 4*6+3*5+1*4 = 43, 43 % 11 = 10, (11-10) % 10 = 1 -> 431001.
    assert jis_check_digit("43100") == "431001"
    assert jis_check_digit("37201") == "372013"
    assert jis_check_digit("13101") == "131016"
    out = str(tmp_path / "f.gpkg")
    run_alg("sonae:importshelters", {"INPUTS": [shared_data("tokyo_chiyoda", "shelters",
                                                            "gsi_emergency_131016.geojson")], "OUTPUT": out})
    assert {f["municipality_code"] for f in _layer(out).getFeatures()} == {"131016"}


@pytest.mark.parametrize("encoding", ["cp932", "utf-8-sig", "utf-16"])
def test_encodings_give_identical_results(run_alg, tmp_path, encoding):
    src = shared_data("takamatsu", "shelters", "evacuation_space.csv")
    with open(src, encoding="utf-8") as fh:
        text = fh.read()
    recoded = tmp_path / f"evacuation_space_{encoding}.csv"
    recoded.write_bytes(text.encode(encoding))
    a, b = str(tmp_path / "a.gpkg"), str(tmp_path / "b.gpkg")
    run_alg("sonae:importshelters", {"INPUTS": [src], "OUTPUT": a})
    run_alg("sonae:importshelters", {"INPUTS": [str(recoded)], "OUTPUT": b})
    names_a, rows_a = _rows(_layer(a))
    names_b, rows_b = _rows(_layer(b))
    skip = {names_a.index("source_file"), names_a.index("id")}
    strip = lambda rows: [tuple(v for i, v in enumerate(r) if i not in skip) for r in rows]
    assert strip(rows_a) == strip(rows_b)


def _to_digital_agency(gsi_path, tmp_path, current: bool):
    """Write the real GSI emergency sites of a city in the Digital Agency standard layout (current 39 or older 26)."""
    with open(gsi_path, encoding="utf-8") as fh:
        feats = json.load(fh)["features"]
    hazards = ["洪水", "崖崩れ、土石流及び地滑り", "高潮", "地震", "津波", "大規模な火事", "内水氾濫", "火山現象"]
    if current:
        header = ["都道府県コード又は市区町村コード", "NO", "指定緊急避難場所名", "指定緊急避難場所名_カナ",
                  "指定緊急避難場所名_英字", "所在地_全国地方公共団体コード", "町字ID", "所在地_連結表記",
                  "所在地_都道府県", "所在地_市区町村", "所在地_町字", "所在地_番地以下", "建物名等(方書)", "緯度",
                  "経度", "標高", "電話番号", "内線番号", "連絡先メールアドレス", "連絡先FormURL", "連絡先備考（その他）",
                  "郵便番号"] + [f"災害種別_{h}" for h in hazards] + [
                  "指定避難所との住所同一", "想定収容人数", "対象となる町会・自治会", "URL", "画像", "画像_ライセンス",
                  "備考"]
        name_col, addr_col = "指定緊急避難場所名", "所在地_連結表記"
    else:
        header = ["都道府県コード又は市区町村コード", "NO", "名称", "名称_カナ", "住所", "方書", "緯度", "経度", "標高",
                  "電話番号", "内線番号", "連絡先メールアドレス", "連絡先FormURL"] + [f"災害種別_{h}" for h in hazards] + [
                  "指定避難所との住所同一", "想定収容人数", "対象となる町会・自治会", "URL", "備考"]
        name_col, addr_col = "名称", "住所"
    path = tmp_path / ("da_current.csv" if current else "da_older.csv")
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=header)
        w.writeheader()
        for i, f in enumerate(feats):
            p = f["properties"]
            row = {k: "" for k in header}
            row.update({"都道府県コード又は市区町村コード": "431001", "NO": str(i + 1), name_col: p["施設・場所名"],
                        addr_col: p["住所"], "緯度": f["geometry"]["coordinates"][1],
                        "経度": f["geometry"]["coordinates"][0], "想定収容人数": str(100 + i),
                        "指定避難所との住所同一": p["指定避難所との住所同一"]})
            row.update({f"災害種別_{h}": p[h] for h in hazards})
            w.writerow(row)
    return str(path), feats, len(header)


@pytest.mark.parametrize("current", [True, False])
def test_digital_agency_standard_layouts(run_alg, tmp_path, current):
    # The headers are reconstructed from the Digital Agency's published column names (the current layout's
    # full 39-column list was not available offline: 37 are written here). Detection relies on the key columns.
    gsi = shared_data("kumamoto", "shelters", "gsi_emergency_431001.geojson")
    path, feats, header_len = _to_digital_agency(gsi, tmp_path, current)
    assert header_len == (37 if current else 26)
    out = str(tmp_path / "f.gpkg")
    result = run_alg("sonae:importshelters", {"INPUTS": [path], "OUTPUT": out})
    assert result["FEATURE_COUNT"] == len(feats) == 317
    got = list(_layer(out).getFeatures())
    for i, (f, g) in enumerate(zip(feats, got)):
        assert g["name"] == unicodedata.normalize("NFKC", f["properties"]["施設・場所名"]).strip()
        assert g["ok_flood"] == (f["properties"]["洪水"] == "1")
        assert g["ok_landslide"] == (f["properties"]["崖崩れ、土石流及び地滑り"] == "1")
        assert g["capacity_persons"] == 100 + i
        assert g["emergency_site"] is True
        assert g["source"].startswith("digital_agency")


def test_bad_coordinate_rows_are_reported_and_skipped(run_alg, tmp_path):
    src = shared_data("takamatsu", "shelters", "evacuation_space.csv")
    with open(src, encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    rows[4]["latitude"] = ""                                                   # missing -> line 6
    rows[9]["latitude"], rows[9]["longitude"] = rows[9]["longitude"], rows[9]["latitude"]  # swapped -> line 11
    rows[20]["latitude"] = "51.5"                                              # outside Japan -> line 22
    path = tmp_path / "bad_rows.csv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    out = str(tmp_path / "f.gpkg")
    result = run_alg("sonae:importshelters", {"INPUTS": [str(path)], "OUTPUT": out})
    assert result["FEATURE_COUNT"] == 192 and result["SKIPPED_COUNT"] == 3
    messages = "\n".join(result["_feedback"].errors)
    assert "line 6" in messages and "missing" in messages
    assert "line 11" in messages and "swapped" in messages
    assert "line 22" in messages and "outside Japan" in messages
    assert "3 row(s) skipped" in messages


def _expect_failure(run_alg, tmp_path, inputs, *fragments):
    from qgis.core import QgsProcessingException
    out = tmp_path / "never.gpkg"
    with pytest.raises(QgsProcessingException) as info:
        run_alg("sonae:importshelters", {"INPUTS": inputs, "OUTPUT": str(out)})
    message = str(info.value)
    for fragment in fragments:
        assert fragment in message, message
    assert not out.exists(), "no output may be left behind"
    return message


def test_bad_inputs_raise_clear_bilingual_errors(run_alg, tmp_path):
    unknown = tmp_path / "unknown.csv"
    unknown.write_text("a,b,c\n1,2,3\n", encoding="utf-8")
    _expect_failure(run_alg, tmp_path, [str(unknown)], "unknown.csv", "unknown header layout", "列の構成を判別できません")

    no_coords = tmp_path / "no_coords.csv"
    no_coords.write_text("名称,住所\n高松市役所,高松市番町1-8-15\n", encoding="utf-8")
    _expect_failure(run_alg, tmp_path, [str(no_coords)], "no_coords.csv", "no latitude/longitude", "緯度・経度")

    src = shared_data("takamatsu", "shelters", "evacuation_space.csv")
    with open(src, encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    swapped = tmp_path / "swapped.csv"
    with open(swapped, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]))
        w.writeheader()
        for r in rows:
            r = dict(r)
            r["latitude"], r["longitude"] = r["longitude"], r["latitude"]
            w.writerow(r)
    _expect_failure(run_alg, tmp_path, [str(swapped)], "swapped.csv", "appear swapped", "入れ替わって")

    abroad = tmp_path / "abroad.csv"
    abroad.write_text("name,latitude,longitude\nBig Ben,51.5007,-0.1246\n", encoding="utf-8")
    _expect_failure(run_alg, tmp_path, [str(abroad)], "abroad.csv", "inside Japan", "日本国内")

    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    _expect_failure(run_alg, tmp_path, [str(empty)], "empty.csv", "empty", "空")

    header_only = tmp_path / "header_only.csv"
    header_only.write_text("name,latitude,longitude\n", encoding="utf-8")
    _expect_failure(run_alg, tmp_path, [str(header_only)], "header_only.csv", "no data rows", "データ行がありません")

    garbled = tmp_path / "garbled.csv"
    garbled.write_bytes("name,latitude,longitude\n".encode() + b"\x81\x20\xef\xbf,34.3,134.0\n")
    _expect_failure(run_alg, tmp_path, [str(garbled)], "garbled.csv", "encoding", "文字コード")

    unavailable = tmp_path / "131075.json"
    unavailable.write_text('{"type": "unavailable", "code": "131075"}', encoding="utf-8")
    _expect_failure(run_alg, tmp_path, [str(unavailable)], "131075.json", "unavailable", "公開されていません")

    _expect_failure(run_alg, tmp_path, [os.path.join(DATA, "kumamoto")], "is a directory", "フォルダ")


def test_a_bad_file_among_good_ones_fails_the_whole_run_without_output(run_alg, tmp_path):
    good = shared_data("takamatsu", "shelters", "evacuation_space.csv")
    bad = tmp_path / "bad.csv"
    bad.write_text("x,y\n", encoding="utf-8")
    _expect_failure(run_alg, tmp_path, [good, str(bad)], "bad.csv")


def test_input_files_are_not_modified(run_alg, tmp_path):
    import hashlib
    path = shared_data("kumamoto", "shelters", "kumamoto_pref_portal_shelter_capacity.csv")
    before = hashlib.sha256(open(path, "rb").read()).hexdigest()
    run_alg("sonae:importshelters", {"INPUTS": [path], "OUTPUT": str(tmp_path / "f.gpkg")})
    assert hashlib.sha256(open(path, "rb").read()).hexdigest() == before


def test_same_place_in_two_city_tables_becomes_one_feature(run_alg, tmp_path):
    """Takamatsu's evacuation spaces and tsunami evacuation buildings share schools and centres: one feature each.

    Independent pairing: same NFKC name, points within rules/facility_merge.json's radius (equirectangular
    metres computed here), one-to-one.
    """
    import math
    spaces = shared_data("takamatsu", "shelters", "evacuation_space.csv")
    buildings = shared_data("takamatsu", "shelters", "tsunami_evacuation_building.csv")
    with open(os.path.join(os.path.dirname(os.path.realpath(__file__)), "..", "rules", "facility_merge.json"),
              encoding="utf-8") as fh:
        radius = json.load(fh)["same_name_radius_m"]
    with open(spaces, encoding="utf-8") as fh:
        a = list(csv.DictReader(fh))
    with open(buildings, encoding="utf-8") as fh:
        b = list(csv.DictReader(fh))
    norm = lambda s: re.sub(r"\s+", "", unicodedata.normalize("NFKC", s))
    pairs, taken = {}, set()
    for i, ra in enumerate(a):
        for j, rb in enumerate(b):
            if j in taken or norm(ra["name"]) != norm(rb["name"]):
                continue
            lat = math.radians((float(ra["latitude"]) + float(rb["latitude"])) / 2)
            dx = math.radians(float(rb["longitude"]) - float(ra["longitude"])) * math.cos(lat) * 6371008.8
            dy = math.radians(float(rb["latitude"]) - float(ra["latitude"])) * 6371008.8
            if math.hypot(dx, dy) <= radius:
                pairs[i] = j
                taken.add(j)
                break
    assert len(pairs) > 20  # the two tables really overlap
    out = str(tmp_path / "f.gpkg")
    result = run_alg("sonae:importshelters", {"INPUTS": [spaces, buildings], "OUTPUT": out})
    assert result["MERGED_COUNT"] == len(pairs)
    assert result["FEATURE_COUNT"] == len(a) + len(b) - len(pairs)
    feats = {f["id"]: _Values(f) for f in _layer(out).getFeatures()}
    for i, j in list(pairs.items())[:10]:
        f = feats[f"takamatsu_city:evacuation_space:{a[i]['#property']}"]
        assert f["ok_tsunami"] is True                       # a tsunami evacuation building
        floors = [int(x) for x in re.findall(r"(\d+)階", unicodedata.normalize("NFKC", b[j]["shelter"]))]
        assert f["floors"] == (max(floors) if floors else None)   # "２階・３階" -> 3; "校舎" -> unknown
        if a[i]["capacity"]:
            assert f["capacity_persons"] == round(float(a[i]["capacity"]))   # the shelter's own capacity stays
        assert "tsunami_evacuation_building" in f["source_file"]
    assert not any(k.startswith("takamatsu_city:tsunami_evacuation_building:") and
                   int(k.rsplit(":", 1)[1]) in {int(b[j]["#property"]) for j in pairs.values()} for k in feats)


# --- XLSX, ids, file structure (issue 11 item 7, issue 14 item 8) -------------------------------------------------

def _takamatsu_workbook(path, notes_sheet_first=False):
    """Takamatsu's data.xlsx layout (one sheet, the CSV header in row 1, every cell text), optionally behind a
    notes sheet as officers add one."""
    import openpyxl
    with open(shared_data("takamatsu", "shelters", "evacuation_space.csv"), encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    wb = openpyxl.Workbook()
    ws = wb.active
    if notes_sheet_first:
        ws.title = "説明"
        ws.append(["このファイルについて"])
        ws.append(["出典：高松市オープンデータ"])
        ws = wb.create_sheet("Sheet1")
    else:
        ws.title = "Sheet1"
    for r in rows:
        ws.append(r)
    wb.save(path)
    return rows


@pytest.mark.parametrize("notes_first", [False, True])
def test_xlsx_city_layout_equals_an_independent_openpyxl_read(run_alg, tmp_path, notes_first):
    import openpyxl
    path = str(tmp_path / "data.xlsx")
    _takamatsu_workbook(path, notes_first)
    out = str(tmp_path / "f.gpkg")
    res = run_alg("sonae:importshelters", {"INPUTS": [path], "OUTPUT": out})
    wb = openpyxl.load_workbook(path, read_only=True)
    sheet = wb["Sheet1"]
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    wb.close()
    header, body = rows[0], rows[1:]
    assert res["FEATURE_COUNT"] == len(body) == 195
    feats = {f["id"]: f for f in _layer(out).getFeatures()}
    for values in body:
        r = dict(zip(header, values))
        f = feats[f"takamatsu_city:evacuation_space:{r['#property']}"]
        assert f["name"] == unicodedata.normalize("NFKC", r["name"])
        assert f.geometry().asPoint().x() == float(r["longitude"]) and f.geometry().asPoint().y() == float(r["latitude"])
        if r["capacity"]:
            assert f["capacity_persons"] == round(float(r["capacity"]))
        assert f["ok_flood"] == {"○": True, "△": True, "×": False}.get(r["flood_L2"], None)
        assert f["designated_shelter"] == (r["evacuationSpace"] == "○")
    # the same values as the city's CSV
    csv_out = str(tmp_path / "c.gpkg")
    run_alg("sonae:importshelters", {"INPUTS": [shared_data("takamatsu", "shelters", "evacuation_space.csv")],
                                     "OUTPUT": csv_out})
    names_a, rows_a = _rows(_layer(out))
    names_b, rows_b = _rows(_layer(csv_out))
    skip = {names_a.index("source_file"), names_a.index("source_row")}
    strip = lambda rows: sorted(tuple(v for i, v in enumerate(r) if i not in skip) for r in rows)  # noqa: E731
    assert names_a == names_b and strip(rows_a) == strip(rows_b)


def test_ids_do_not_depend_on_file_names_or_order(run_alg, tmp_path):
    import shutil
    srcs = [shared_data("takamatsu", "shelters", "gsi_emergency_372013.geojson"),
            shared_data("takamatsu", "shelters", "tsunami_evacuation_building.csv")]
    renamed = [str(tmp_path / "緊急避難場所.geojson"), str(tmp_path / "津波避難ビル（最新）.csv")]
    for s, d in zip(srcs, renamed):
        shutil.copy(s, d)
    a, b = str(tmp_path / "a.gpkg"), str(tmp_path / "b.gpkg")
    run_alg("sonae:importshelters", {"INPUTS": srcs, "OUTPUT": a})
    run_alg("sonae:importshelters", {"INPUTS": renamed[::-1], "OUTPUT": b})
    ids_a = sorted(f["id"] for f in _layer(a).getFeatures())
    ids_b = sorted(f["id"] for f in _layer(b).getFeatures())
    assert ids_a == ids_b and len(set(ids_a)) == len(ids_a)
    # GSI ids are the 共通ID; the city's tsunami buildings keep the city's own #property
    with open(srcs[0], encoding="utf-8") as fh:
        common = {f["properties"]["共通ID"] for f in json.load(fh)["features"]}
    assert common <= set(ids_a)
    assert any(i.startswith("takamatsu_city:tsunami_evacuation_building:") for i in ids_a)


def test_csv_field_counts_are_checked_line_by_line(tmp_path):
    from sonae.engine.errors import SonaeInputError
    from sonae.layers.importers.tables import read_table
    both = tmp_path / "both.csv"                 # trailing comma on the header and on every row
    both.write_text("name,緯度,経度,\nA,34.3,134.0,\nB,34.4,134.1,\n", encoding="utf-8")
    t = read_table(str(both))
    assert list(t.frame.columns) == ["name", "緯度", "経度"] and t.frame["経度"].tolist() == ["134.0", "134.1"]
    rows_only = tmp_path / "rows.csv"            # trailing comma on the rows only (pandas would shift columns)
    rows_only.write_text("name,緯度,経度\nA,34.3,134.0,\nB,34.4,134.1,\n", encoding="utf-8")
    t = read_table(str(rows_only))
    assert t.frame["name"].tolist() == ["A", "B"] and t.frame["緯度"].tolist() == ["34.3", "34.4"]
    short = tmp_path / "short.csv"
    short.write_text("name,緯度,経度\nA,34.3,134.0\nB,34.4\n", encoding="utf-8")
    with pytest.raises(SonaeInputError) as info:
        read_table(str(short))
    assert "line 3" in info.value.en and "3行目" in info.value.ja
