"""sonae:councilmapbook end to end, engine.report_figures / engine.mapbook / engine.pdf_text: figures by hand and
from the demo tables (independently, with sqlite), the PDF rendered and read back with poppler (no NFKC)."""
from __future__ import annotations

import hashlib
import os
import re
import sqlite3
import subprocess
import time
import unicodedata

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely

from sonae.engine import mapbook as mb
from sonae.engine import report_figures as rf

ROOT = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))
FLOOD = os.path.join(ROOT, "demo", "data", "takamatsu", "takamatsu_flood_max_depthrank_A31b23.tif")
DEMO_GPKG = os.path.join(ROOT, "demo_output", "sonae_demo.gpkg")

# Six facilities in central Takamatsu (inside the bundled KSJ raster): five stay shelters (row 4 a welfare shelter)
# and a park (immediate refuge). Districts D001 = rows 1-2, D002 = rows 3-5; row 6 is in no district.
IDS = ["takamatsu_city:evacuation_space:1", "takamatsu_city:evacuation_space:2",
       "takamatsu_city:evacuation_space:3", "takamatsu_city:evacuation_space:4",
       "takamatsu_city:evacuation_space:5", "takamatsu_city:evacuation_space:6"]
NAMES = ["木太コミュニティセンター", "中央小学校", "高松市立紫雲中学校", "福祉センター", "栗林公民館", "中央公園"]
LON = [134.040, 134.045, 134.060, 134.063, 134.066, 134.090]
LAT = [34.330, 34.332, 34.320, 34.322, 34.318, 34.300]
DESIGNATED = [1.0, 1.0, 1.0, 0.0, 1.0, 0.0]
WELFARE = [0.0, 0.0, 0.0, 1.0, 0.0, 0.0]
FTYPE = ["community_center", "school", "school", "welfare", "community_center", "park"]
EVACUEES = [1234.0, 0.0, 805.0, 2210.0, 76.0, 15.0]
CAPACITY = [1000.0, 300.0, 900.0, 1500.0, 80.0, np.nan]
SHORTFALL = [234.0, 0.0, 0.0, 710.0, 0.0, 0.0]
CONFLICT = [1.0, 0.0, np.nan, 1.0, 0.0, 0.0]
HOURS = [12.5, 80.0, 0.0, 96.25, 30.0, np.nan]
DAYS = [2.25, 0.0, 3.5, 0.75, 4.0, 1.0]       # row 2 has no evacuees: excluded from days of supply
COST = [14_000_000, 0, 8_000_000, 19_000_000, 2_500_000, 1_000_000]
SUBSIDY = [11_119_000, 0, 6_500_000, 14_819_000, 2_000_500, 500_000]
# districts table: money with the self-owned line (more than the members' facility rows)
D_INVEST = {"D001": 30_000_000, "D002": 40_000_000}
D_SUBSIDY = {"D001": 12_000_000, "D002": 25_000_000}
D_FEAS = {"D001": 0.41, "D002": 0.77}


def _write_gpkg(path, with_tables=("stockpile_sufficiency", "subsidy_scope", "districts")):
    pts = gpd.GeoDataFrame({
        "id": IDS, "name": NAMES, "source": ["takamatsu_city:takamatsu_evacuation_space"] * 6,
        "designated_shelter": DESIGNATED, "welfare_shelter": WELFARE, "emergency_site": [1.0] * 6,
        "facility_type": FTYPE, "flood_conflict": CONFLICT, "evacuees": EVACUEES, "capacity_calc": CAPACITY,
        "shortfall_persons": SHORTFALL, "hours_now": HOURS}, geometry=gpd.points_from_xy(LON, LAT), crs="EPSG:6668")
    pts.to_file(path, layer="shelters_energy", driver="GPKG", engine="pyogrio")
    if "stockpile_sufficiency" in with_tables:
        pd.DataFrame({"shelter_id": IDS, "evacuees": EVACUEES, "days_min": DAYS}).pipe(
            lambda f: gpd.GeoDataFrame(f, geometry=gpd.points_from_xy(LON, LAT), crs="EPSG:6668")).to_file(
            path, layer="stockpile_sufficiency", driver="GPKG", engine="pyogrio")
    if "subsidy_scope" in with_tables:
        sub = pd.DataFrame({"row_type": ["facility"] * 6 + ["district", "district", "city"],
                            "facility_id": IDS + [None, None, None],
                            "district_id": ["D001", "D001", "D002", "D002", "D002", None, "D001", "D002", None],
                            "total_cost_yen": COST + [14_000_000, 29_500_000, sum(COST)],
                            "subsidy_yen": SUBSIDY + [11_119_000, 23_319_500, sum(SUBSIDY)]})
        gpd.GeoDataFrame(sub, geometry=[shapely.Point(134.05, 34.32)] * len(sub), crs="EPSG:6668").to_file(
            path, layer="subsidy_scope", driver="GPKG", engine="pyogrio")
    if "districts" in with_tables:
        d1 = shapely.convex_hull(shapely.MultiPoint(list(zip(LON[:2], LAT[:2])))).buffer(0.002)
        d2 = shapely.convex_hull(shapely.MultiPoint(list(zip(LON[2:5], LAT[2:5])))).buffer(0.002)
        gpd.GeoDataFrame({"district_id": ["D001", "D002"], "type_ja": ["公共施設開発型", "駅周辺開発型"],
                          "member_ids": [", ".join(IDS[:2]), ", ".join(IDS[2:5])],
                          "feasibility": [D_FEAS["D001"], D_FEAS["D002"]],
                          "investment_yen": [D_INVEST["D001"], D_INVEST["D002"]],
                          "subsidy_yen": [D_SUBSIDY["D001"], D_SUBSIDY["D002"]],
                          "measures_ja": [None, "検討委員会設置"]},
                         geometry=[d1, d2], crs="EPSG:6668").to_file(path, layer="districts", driver="GPKG",
                                                                      engine="pyogrio")
    return path


def _tables(path):
    import pyogrio
    return {n: pyogrio.read_dataframe(path, layer=n) for n, _ in pyogrio.list_layers(path)}


def _sha(path):
    with open(path, "rb") as fh:
        return hashlib.sha256(fh.read()).hexdigest()


def _pdf_raw(pdf, page=None, layout=True):
    """pdftotext output exactly as a reader's search sees it (no Unicode normalisation)."""
    args = ["pdftotext"] + (["-layout"] if layout else []) + \
        (["-f", str(page), "-l", str(page)] if page else []) + [pdf, "-"]
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def _pdf_text(pdf, page=None):
    return unicodedata.normalize("NFKC", _pdf_raw(pdf, page))


def _page_pixels(pdf, page, tmp_path, dpi=40):
    stem = str(tmp_path / f"page{page}")
    subprocess.run(["pdftoppm", "-r", str(dpi), "-f", str(page), "-l", str(page), "-singlefile", pdf, stem],
                   check=True)
    with open(stem + ".ppm", "rb") as fh:
        data = fh.read()
    parts = data.split(maxsplit=4)
    w, h = int(parts[1]), int(parts[2])
    return np.frombuffer(parts[4][: w * h * 3], dtype=np.uint8).reshape(h, w, 3)


def _pages(pdf):
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)$", info, re.M).group(1))


def _radicals(text):
    return sum(1 for c in text if 0x2E80 <= ord(c) <= 0x2FDF)


# --- formatting, dates, names ----------------------------------------------------------------------------------

def test_japanese_number_formatting():
    assert rf.fmt_persons(1234) == "1,234人"
    assert rf.fmt_persons(250876.5) == "250,877人"          # half away from zero, not banker's rounding
    assert rf.fmt_hours(12.45) == "12.5時間"
    assert rf.fmt_hours(0) == "0.0時間"
    assert rf.fmt_thousand_yen(2_801_235_000) == "2,801,235千円"
    assert rf.fmt_thousand_yen(1_234_499) == "1,234千円"
    assert rf.fmt_days(2.25) == "2.3日"
    assert rf.fmt_count(12) == "12か所"
    assert rf.fmt_percent(1.125) == "113%"
    for f in (rf.fmt_persons, rf.fmt_hours, rf.fmt_thousand_yen, rf.fmt_days, rf.fmt_count):
        assert f(None) == "—" and f(float("nan")) == "—"


def test_wareki_round_trips_with_the_parser():
    import datetime as dt
    from sonae.engine.dates import parse_date, wareki
    assert wareki(dt.date(2026, 12, 1)) == "令和8年12月1日"
    assert wareki(dt.date(2019, 5, 1)) == "令和元年5月1日"
    assert wareki(dt.date(2019, 4, 30)) == "平成31年4月30日"
    assert wareki(dt.date(1989, 1, 7)) == "昭和64年1月7日"
    for d in pd.date_range("1990-01-01", "2030-12-31", freq="97D"):
        assert parse_date(wareki(d.date())) == d.date()


def test_short_names_for_map_labels():
    assert mb.short_name("木太コミュニティセンター") == "木太CC"
    assert mb.short_name("高松市立紫雲中学校") == "紫雲中学校"           # 5 characters after the prefix: fits
    assert mb.short_name("屋島西コミュニティセンター") == "屋島西CC"
    assert mb.short_name("中央小学校") == "中央小学校"                   # short names stay as they are
    assert mb.short_name("中央公園(※改修工事中のため令和9年夏頃まで使用不可)") == "中央公園"   # a note goes
    assert mb.short_name("高松工芸高等学校(体育館)") == "高松工芸高(体)"        # a short bracket stays
    assert mb.short_name("高松丸亀町レッツホール,カルチャールーム") == "高松丸亀町レッツホール"
    long = "あいうえおかきくけこさしすせそ"                                    # nothing to abbreviate
    assert mb.short_name(long) == long[:mb.RULES["label_hard_max_chars"] - 1] + "…"
    assert mb.short_name(None) == "" and mb.short_name(float("nan")) == ""


# --- figures by hand -------------------------------------------------------------------------------------------

def test_one_definition_per_figure():
    keys = [f.key for f in rf.FIGURES]
    assert len(keys) == len(set(keys))
    fig = rf.PageFigures("x", "x")
    assert [k for k, _ in fig.rows()] == [f.label_ja for f in rf.FIGURES]
    assert set(fig.values()) == set(keys)
    notes = " ".join(rf.figure_notes("ja"))
    assert "指定避難所と福祉避難所" in notes and "72時間未満" in notes and "自営線を含む" in notes


def test_page_figures_by_hand(tmp_path):
    tables = _tables(_write_gpkg(str(tmp_path / "in.gpkg")))
    whole = rf.page_figures(tables, None, district_ids=["D001", "D002"])
    assert (whole.facilities, whole.shelters, whole.other_sites) == (6, 5, 1)   # rows 1-5 stay; the park not
    assert whole.conflicts == 2                                  # rows 1 and 4
    assert whole.evacuees == 1234 + 805 + 2210 + 76 + 15
    assert whole.capacity == 1000 + 300 + 900 + 1500 + 80        # the missing capacity counts as none known
    assert whole.shortfall == 234 + 710
    # Receiving evacuees: rows 1,3,4,5,6 -> days 2.25, 3.5, 0.75, 4.0, 1.0
    assert whole.days_min == 0.75 and whole.shelters_under_3d == 3
    # hours of the five stay shelters 12.5, 80, 0, 96.25, 30 -> median 30; below 72 h: 12.5, 0, 30
    assert whole.hours_median == pytest.approx(30.0) and whole.shelters_under_72h == 3
    # money: both districts from the districts table (self-owned line included) + the park's facility row
    assert whole.cost_yen == 30_000_000 + 40_000_000 + 1_000_000
    assert whole.subsidy_yen == 12_000_000 + 25_000_000 + 500_000
    d2 = rf.page_figures(tables, IDS[2:5], "D002", district_ids=["D002"])
    assert (d2.shelters, d2.conflicts, d2.evacuees, d2.capacity) == (3, 1, 805 + 2210 + 76, 900 + 1500 + 80)
    assert d2.days_min == 0.75 and d2.shelters_under_3d == 1
    assert d2.hours_median == 30.0 and d2.shelters_under_72h == 2
    assert (d2.cost_yen, d2.subsidy_yen) == (40_000_000, 25_000_000)   # the districts row, not the facility sum
    grid_like = rf.page_figures(tables, IDS[2:5], "X")           # no district: sum of the facility rows
    assert grid_like.subsidy_yen == 6_500_000 + 14_819_000 + 2_000_500
    assert grid_like.cost_yen == 8_000_000 + 19_000_000 + 2_500_000
    assert d2.values()["evacuees"] == "3,091人 / 2,480人"
    assert d2.values()["subsidy"] == "25,000千円"


def test_role_column_wins_over_designation(tmp_path):
    tables = _tables(_write_gpkg(str(tmp_path / "in.gpkg")))
    pts = tables["shelters_energy"].copy()
    pts["role"] = ["stay_shelter", "immediate_refuge", "stay_shelter", "welfare_shelter", "tsunami_building",
                   "immediate_refuge"]
    fig = rf.page_figures({"shelters_energy": pts})
    assert (fig.shelters, fig.other_sites) == (3, 3)
    assert fig.shelters_under_72h == 2                          # 12.5 h and 0 h; 96.25 h is above


def test_missing_tables_give_dashes_not_numbers(tmp_path):
    tables = _tables(_write_gpkg(str(tmp_path / "in.gpkg"), with_tables=()))
    fig = rf.page_figures(tables, None)
    assert fig.missing == ["stockpile_sufficiency", "subsidy_scope"]
    values = fig.values()
    assert values["days_min"] == "—" and values["subsidy"] == "—" and values["cost"] == "—"
    assert values["under_72h"] == "3か所"
    # No designation columns at all: the stay-shelter counts are unknown, not 0.
    bare = tables["shelters_energy"].drop(columns=["designated_shelter", "welfare_shelter"])
    fig = rf.page_figures({"shelters_energy": bare})
    assert fig.shelters is None and fig.shelters_under_72h is None and "facilities" in fig.missing
    assert fig.values()["under_72h"] == "—"
    with pytest.raises(Exception) as exc:
        rf.pick_points({"districts": tables["shelters_energy"]})
    assert "sonae:importshelters" in str(exc.value) and "避難所データの読み込み" in str(exc.value)


def test_grid_pages_hold_every_point():
    pts = gpd.GeoDataFrame({"id": IDS}, geometry=gpd.points_from_xy(LON, LAT), crs="EPSG:6668")
    grid = rf.grid_pages(pts, 2000.0, "EPSG:6690")
    members = [m for ids in grid["member_ids"] for m in ids.split(", ")]
    assert sorted(members) == sorted(IDS)
    metric = pts.to_crs("EPSG:6690")
    for cell, ids in zip(grid.geometry, grid["member_ids"]):
        assert cell.area == pytest.approx(2000.0 ** 2)
        inside = metric[metric["id"].isin(ids.split(", "))]
        assert inside.geometry.within(cell.buffer(1e-6)).all()


def test_rank_districts_and_index_rows():
    d = pd.DataFrame({"district_id": ["D003", "D001", "D002", "D004"], "feasibility": [0.5, 0.5, 0.9, np.nan],
                      "type_ja": ["a", "b", "c", None]})
    printed, left = mb.rank_districts(d, 2)
    assert printed == ["D002", "D001"] and left == ["D003", "D004"]   # ties by id, missing score last
    assert mb.rank_districts(d, 0) == (["D002", "D001", "D003", "D004"], [])
    figs = {k: rf.PageFigures(k, k, shelters=i) for i, k in enumerate(["D001", "D002", "D003", "D004"])}
    rows = mb.index_rows(d, figs, printed, left, first_district_page=4, rows_per_page=3)
    assert rows["district_id"].tolist() == ["D002", "D001", "D003", "D004"]
    assert rows["i_page"].tolist() == ["4", "5", mb.NOT_PRINTED, mb.NOT_PRINTED]
    assert rows["index_page"].tolist() == [1, 1, 1, 2]
    assert rows["i_feasibility"].tolist() == ["0.90", "0.50", "0.50", "—"]
    assert mb.index_page_count(4, 3) == 2 and mb.index_page_count(3, 3) == 1 and mb.index_page_count(0) == 0


# --- the PDF text layer ----------------------------------------------------------------------------------------

def test_tounicode_repair_keeps_length_and_sources():
    from sonae.engine.pdf_text import fix_tounicode
    cmap = (b"stream\n/CIDInit /ProcSet findresource begin\nbegincmap\n3 beginbfrange\n"
            b"<0000> <0000> <0000>\n<2F54> <2F56> [<6D78> <2F54> <2F08> ]\n<0013> <0013> <2027>\n"
            b"endbfrange\n1 beginbfchar\n<2F47> <2F47>\nendbfchar\nendcmap\nendstream\n"
            b"<2F54> outside any cmap stays\n")
    out, fixed, unfixable = fix_tounicode(cmap)
    assert len(out) == len(cmap) and (fixed, unfixable) == (4, 0)
    # glyph ids (sources) untouched, destinations mapped: 2F54 -> 6C34 水, 2F08 -> 4EBA 人, 2027 -> 30FB ・, 2F47 -> 65E5 日
    assert b"<2F54> <2F56> [<6D78> <6C34> <4EBA> ]" in out
    assert b"<0013> <0013> <30FB>" in out and b"<2F47> <65E5>" in out
    assert out.endswith(b"<2F54> outside any cmap stays\n")
    linear = b"begincmap\n1 beginbfrange\n<0001> <000C> <2F54>\nendbfrange\nendcmap"
    assert fix_tounicode(linear)[2] == 12                        # reported, never silently wrong


# --- the algorithm ---------------------------------------------------------------------------------------------

def _basemap(path):
    """A solid teal GeoTIFF over the test area: the base map must show on the district pages."""
    import rasterio
    from rasterio.transform import from_origin
    data = np.zeros((3, 200, 300), dtype="uint8")
    data[0], data[1], data[2] = 0, 128, 128
    with rasterio.open(path, "w", driver="GTiff", width=300, height=200, count=3, dtype="uint8",
                       crs="EPSG:4326", transform=from_origin(134.0, 34.36, 0.0004, 0.0004),
                       photometric="RGB") as ds:
        ds.write(data)
    return path


@pytest.mark.skipif(not os.path.exists(FLOOD), reason="bundled Takamatsu flood raster")
def test_mapbook_pdf_index_labels_search_and_layout(tmp_path, run_alg):
    from qgis.core import QgsProject, QgsRasterLayer
    gpkg = _write_gpkg(str(tmp_path / "in.gpkg"))
    base = QgsRasterLayer(_basemap(str(tmp_path / "base.tif")), "テスト背景")
    assert base.isValid()
    before = _sha(gpkg)
    pdf = str(tmp_path / "out" / "book.pdf")
    res = run_alg("sonae:councilmapbook", {"GPKG": gpkg, "FLOOD": FLOOD, "BASEMAP": base,
                                           "TITLE": "高松市 防災計画図面集", "DPI": 96, "OUTPUT": pdf})
    # overview + 1 index page + 2 district pages, D002 (feasibility 0.77) before D001 (0.41)
    assert (res["PAGE_COUNT"], res["INDEX_PAGES"], res["DISTRICT_PAGES"], res["LEFT_OUT"]) == (4, 1, 2, 0)
    assert res["MISSING"] == ""
    assert _sha(gpkg) == before                                   # the input is never modified
    assert sorted(os.listdir(tmp_path / "out")) == ["book.pdf"]   # nothing else next to the PDF
    assert _pages(pdf) == 4
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True, check=True).stdout
    w, h = map(float, re.search(r"^Page size:\s+([\d.]+) x ([\d.]+) pts", info, re.M).groups())
    assert (round(w), round(h)) == (1191, 842)                   # A3 landscape: 420 x 297 mm in points

    # Searchable without normalisation: the words a council officer types, and no radical code points at all.
    raw = _pdf_raw(pdf, layout=False)
    assert _radicals(raw) == 0
    for word in ("浸水", "人数", "避難所", "自営線", "令和", "出典"):
        assert word in raw, word

    # Page 1 figures, independently of the engine, from the input tables with sqlite.
    con = sqlite3.connect(gpkg)
    stay_n, under72, evac = con.execute(
        "SELECT SUM(designated_shelter = 1 OR welfare_shelter = 1), "
        "SUM((designated_shelter = 1 OR welfare_shelter = 1) AND hours_now < 72), SUM(evacuees) "
        "FROM shelters_energy").fetchone()
    members = [m.strip() for (ids,) in con.execute("SELECT member_ids FROM districts") for m in ids.split(",")]
    d_sub = con.execute("SELECT SUM(subsidy_yen) FROM districts").fetchone()[0]
    outside = con.execute(
        f"SELECT SUM(subsidy_yen) FROM subsidy_scope WHERE row_type = 'facility' AND facility_id NOT IN "
        f"({', '.join('?' * len(members))})", members).fetchone()[0]
    d2_sub = con.execute("SELECT subsidy_yen FROM districts WHERE district_id = 'D002'").fetchone()[0]
    con.close()
    page1 = _pdf_raw(pdf, 1)
    assert "高松市 防災計画図面集" in page1 and "全域" in page1
    assert re.search(r"令和\d+年\d+月\d+日 作成", page1) and not re.search(r"20\d\d年", page1)
    assert re.search(rf"避難所数（指定避難所と福祉避難所）\s+{stay_n}か所", page1)
    assert re.search(rf"停電時72時間未満の避難所\s+{under72}か所", page1)
    assert f"{int(evac):,}人" in page1 and int(evac) == 4340
    assert re.search(rf"補助金（見込み、自営線を含む）\s+{(d_sub + outside) // 1000:,}千円", page1)
    assert "72時間未満：避難所（指定と福祉）のうち" in page1           # the footnote states the definition
    assert "出典：高松市オープンデータ" in page1 and "背景地図：テスト背景" in page1
    assert "国土数値情報（洪水浸水想定区域データ）（国土交通省）を加工して作成" in page1

    # Index (page 2): every district with its page number, in feasibility order.
    page2 = _pdf_raw(pdf, 2)
    assert re.search(r"^\s*3\s+D002\s+駅周辺開発型\s+0\.77", page2, re.M)
    assert re.search(r"^\s*4\s+D001\s+公共施設開発型\s+0\.41", page2, re.M)
    # D002's row: 3 shelters, 3,091 evacuees, 2 below 72 h, the districts table's money, its measure
    assert re.search(r"D002\s+駅周辺開発型\s+0\.77\s+3か所\s+3,091人\s+2か所\s+40,000千円\s+25,000千円\s+検討委員会設置",
                     page2)
    assert "掲載なし" not in page2
    # District page 3 is D002 with the districts table's money (self-owned line included), and the labels.
    page3 = _pdf_raw(pdf, 3)
    assert "地区 D002" in page3 and f"{d2_sub // 1000:,}千円" in page3 and "25,000千円" in page3
    assert "3,091人 / 2,480人" in page3
    assert "あわせて推奨される取組：検討委員会設置" in page3          # the district's measures (seed 004)
    assert "推奨される取組" not in _pdf_raw(pdf, 4)                    # D001 has none
    assert "紫雲中学校" in page3 and "栗林公民館" in page3              # facility names labelled on the map
    assert "木太CC" in _pdf_raw(pdf, 4)                                 # the short name of a long one
    assert "木太CC" not in page1                                        # no labels on the overview

    px = _page_pixels(pdf, 1, tmp_path)
    assert px.std() > 20 and (px.min(axis=2) < 235).mean() > 0.02
    # The base map (teal 0,128,128) is drawn under the district maps.
    px3 = _page_pixels(pdf, 3, tmp_path).astype(int)
    teal = (np.abs(px3 - np.array([0, 128, 128])).sum(axis=2) < 60).mean()
    assert teal > 0.05, teal

    layout = QgsProject.instance().layoutManager().layoutByName("Sonae 議会向け図面集")
    assert layout is not None and layout.atlas().enabled() and layout.atlas().count() == 4
    assert any(lyr.name() == "施設（停電時の自立時間）" for lyr in layout.itemById("main_map").layers())
    # Running again replaces the layout instead of piling up copies.
    run_alg("sonae:councilmapbook", {"GPKG": gpkg, "DPI": 72, "MAX_PAGES": 1, "OUTPUT": pdf})
    names = [lay.name() for lay in QgsProject.instance().layoutManager().layouts()]
    assert names.count("Sonae 議会向け図面集") == 1


def test_page_count_option_lists_the_districts_left_out(tmp_path, run_alg):
    gpkg = _write_gpkg(str(tmp_path / "in.gpkg"))
    pdf = str(tmp_path / "book.pdf")
    res = run_alg("sonae:councilmapbook", {"GPKG": gpkg, "MAX_PAGES": 1, "ADD_TO_PROJECT": False, "DPI": 72,
                                           "OUTPUT": pdf})
    assert (res["PAGE_COUNT"], res["DISTRICT_PAGES"], res["LEFT_OUT"]) == (3, 1, 1)
    index = _pdf_raw(pdf, 2)
    assert re.search(r"^\s*3\s+D002", index, re.M)                       # the most feasible is printed
    assert re.search(r"^\s*掲載なし\s+D001", index, re.M)                 # the other is listed, not printed
    assert "1地区は掲載なし" in index
    assert "地区 D002" in _pdf_raw(pdf, 3)


def test_mapbook_without_tables_prints_dashes_and_says_so(tmp_path, run_alg):
    gpkg = _write_gpkg(str(tmp_path / "in.gpkg"), with_tables=())
    pdf = str(tmp_path / "book.pdf")
    from qgis.core import QgsProcessingFeedback

    class Feedback(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.messages = []

        def pushWarning(self, warning):  # noqa: N802
            self.messages.append(warning)

    fb = Feedback()
    res = run_alg("sonae:councilmapbook", {"GPKG": gpkg, "GRID_M": 2000, "ADD_TO_PROJECT": False, "DPI": 72,
                                           "OUTPUT": pdf}, feedback=fb)
    assert res["MISSING"] == "stockpile_sufficiency, subsidy_scope"
    warnings = " ".join(fb.messages)
    assert "stockpile_sufficiency" in warnings and "「—」" in warnings
    # Grid pages: 1 overview + the 2-km cells holding shelters (computed here by hand in EPSG:6690); no index.
    pts = gpd.GeoDataFrame(geometry=gpd.points_from_xy(LON, LAT), crs="EPSG:6668").to_crs("EPSG:6690")
    x0 = np.floor(pts.geometry.x.min() / 2000) * 2000
    y1 = np.ceil(pts.geometry.y.max() / 2000) * 2000
    cells = {(int((y1 - y) // 2000), int((x - x0) // 2000)) for x, y in zip(pts.geometry.x, pts.geometry.y)}
    assert res["PAGE_COUNT"] == 1 + len(cells) and res["INDEX_PAGES"] == 0
    text = _pdf_text(pdf, 1)
    assert "—" in text and "4,340人" in text


def test_input_named_like_the_old_pages_file_is_untouched(tmp_path, run_alg):
    gpkg = _write_gpkg(str(tmp_path / "book_pages.gpkg"))       # <pdf stem>_pages.gpkg: the old helper name
    before = _sha(gpkg)
    res = run_alg("sonae:councilmapbook", {"GPKG": gpkg, "ADD_TO_PROJECT": False, "DPI": 72,
                                           "OUTPUT": str(tmp_path / "book.pdf")})
    assert res["PAGE_COUNT"] == 4
    assert _sha(gpkg) == before
    assert sorted(os.listdir(tmp_path)) == ["book.pdf", "book_pages.gpkg"]


def test_cancel_stops_within_a_second_and_leaves_nothing(tmp_path, run_alg, monkeypatch):
    from qgis.core import QgsProcessingException, QgsProcessingFeedback
    gpkg = _write_gpkg(str(tmp_path / "in.gpkg"))
    pdf = tmp_path / "book.pdf"
    pdf.write_bytes(b"%PDF-1.4 the previous map book\n")
    old = _sha(pdf)

    class CancelDuringExport(QgsProcessingFeedback):
        """Cancels once the export has started (progress past 30 %) and records when."""
        cancelled_at = None

        def setProgress(self, p):  # noqa: N802
            super().setProgress(p)
            if p > 30 and self.cancelled_at is None:
                self.cancelled_at = time.monotonic()
                self.cancel()

    fb = CancelDuringExport()
    import tempfile
    private_tmp = tmp_path / "tmp"                              # this run's temp folder only (others run too)
    private_tmp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(private_tmp))
    try:
        res = run_alg("sonae:councilmapbook", {"GPKG": gpkg, "FLOOD": FLOOD, "MAX_PAGES": 0, "DPI": 150,
                                               "OUTPUT": str(pdf)}, feedback=fb)
        assert not res.get("OUTPUT")
    except QgsProcessingException:
        pass
    ended = time.monotonic()
    assert fb.cancelled_at is not None and ended - fb.cancelled_at < 1.0, ended - fb.cancelled_at
    assert _sha(pdf) == old                                     # the previous PDF is intact
    assert sorted(os.listdir(tmp_path)) == ["book.pdf", "in.gpkg", "tmp"]
    assert os.listdir(private_tmp) == []                        # the export's temp folder is gone


def test_mapbook_bad_input_is_bilingual(tmp_path, run_alg):
    from qgis.core import QgsProcessingException
    with pytest.raises(QgsProcessingException) as exc:
        run_alg("sonae:councilmapbook", {"OUTPUT": str(tmp_path / "x.pdf")})
    assert "GPKG" in str(exc.value) and "GeoPackage" in str(exc.value) and "指定してください" in str(exc.value)
    with pytest.raises(QgsProcessingException) as exc:
        run_alg("sonae:councilmapbook", {"GPKG": str(tmp_path / "nope.gpkg"), "OUTPUT": str(tmp_path / "x.pdf")})
    assert "nope.gpkg" in str(exc.value)
    gpkg = _write_gpkg(str(tmp_path / "in.gpkg"))
    before = _sha(gpkg)
    with pytest.raises(QgsProcessingException) as exc:
        run_alg("sonae:councilmapbook", {"GPKG": gpkg, "OUTPUT": gpkg})
    assert "OUTPUT" in str(exc.value) and "in.gpkg" in str(exc.value) and "入力" in str(exc.value)
    assert _sha(gpkg) == before
    assert not os.path.exists(tmp_path / "x.pdf")


# --- the demo GeoPackage: page 1 equals the tables ---------------------------------------------------------------

@pytest.mark.skipif(not os.path.exists(DEMO_GPKG), reason="run `make demo` first (demo_output/sonae_demo.gpkg)")
def test_demo_page_one_and_index_equal_the_tables(tmp_path, run_alg):
    pdf = str(tmp_path / "demo_book.pdf")
    res = run_alg("sonae:councilmapbook", {"GPKG": DEMO_GPKG, "MAX_PAGES": 3, "ADD_TO_PROJECT": False, "DPI": 72,
                                           "OUTPUT": pdf})
    con = sqlite3.connect(DEMO_GPKG)
    points = next(t for t in rf.POINT_TABLES
                  if con.execute("SELECT 1 FROM gpkg_contents WHERE table_name = ?", (t,)).fetchone())
    cols = {r[1] for r in con.execute(f'PRAGMA table_info("{points}")')}
    stay = ("role IN ('stay_shelter', 'welfare_shelter')" if "role" in cols
            else "(designated_shelter = 1 OR welfare_shelter = 1)")
    stay_n, under72, evac = con.execute(
        f'SELECT SUM({stay}), SUM({stay} AND hours_now < 72), SUM(evacuees) FROM "{points}"').fetchone()
    districts = pd.read_sql("SELECT district_id, member_ids, feasibility, type_ja, subsidy_yen FROM districts", con)
    sub = pd.read_sql("SELECT facility_id, subsidy_yen FROM subsidy_scope WHERE row_type = 'facility'", con)
    con.close()
    members = {m.strip() for ids in districts["member_ids"] for m in str(ids).split(",") if m.strip()}
    subsidy = int(districts["subsidy_yen"].sum() + sub.loc[~sub["facility_id"].isin(members), "subsidy_yen"].sum())
    page1 = _pdf_raw(pdf, 1)
    assert re.search(rf"避難所数（指定避難所と福祉避難所）\s+{stay_n:,}か所", page1)
    assert re.search(rf"停電時72時間未満の避難所\s+{under72:,}か所", page1)
    assert f"{int(round(evac)):,}人" in page1
    assert re.search(rf"補助金（見込み、自営線を含む）\s+{rf.fmt_thousand_yen(subsidy)}", page1)
    # The index lists every district: printed ones with their page, the rest 掲載なし.
    ranked = districts.assign(f=districts["feasibility"].fillna(-1)).sort_values(
        ["f", "district_id"], ascending=[False, True])["district_id"].tolist()
    n_index = res["INDEX_PAGES"]
    text = "".join(_pdf_raw(pdf, p) for p in range(2, 2 + n_index))
    listed = re.findall(r"^\s*(\d+|掲載なし)\s+(D\d+)\s", text, re.M)
    assert [d for _, d in listed] == ranked
    for i, (page, did) in enumerate(listed):
        assert page == (str(2 + n_index + i) if i < 3 else "掲載なし"), (page, did)
    # Each printed district page carries the districts table's subsidy (self-owned line included).
    for i, did in enumerate(ranked[:3]):
        page = _pdf_raw(pdf, 2 + n_index + i)
        row = districts[districts["district_id"] == did].iloc[0]
        assert f"地区 {did}" in page and rf.fmt_thousand_yen(row["subsidy_yen"]) in page
    assert _radicals(_pdf_raw(pdf, layout=False)) == 0


def test_labels_never_overlap_on_a_crowded_district(tmp_path, run_alg):
    """Twelve shelters with long names within ~150 m: QGIS's labelling engine places what fits, drops the rest,
    and no two placed labels overlap (label rectangles from the engine's own results, checked pairwise)."""
    from qgis.core import QgsMapRendererSequentialJob, QgsProject
    from qgis.PyQt.QtCore import QSizeF
    rng = np.random.default_rng(7)
    n = 12
    lon = 134.0450 + rng.uniform(-0.0008, 0.0008, n)
    lat = 34.3300 + rng.uniform(-0.0006, 0.0006, n)
    ids = [f"t:{i}" for i in range(n)]
    names = [f"第{i + 1}番町コミュニティセンター分館" for i in range(n)]
    path = str(tmp_path / "crowd.gpkg")
    gpd.GeoDataFrame({"id": ids, "name": names, "designated_shelter": [1.0] * n, "hours_now": [10.0] * n},
                     geometry=gpd.points_from_xy(lon, lat), crs="EPSG:4326").to_file(
        path, layer="shelters_energy", driver="GPKG", engine="pyogrio")
    hull = shapely.convex_hull(shapely.MultiPoint(list(zip(lon, lat)))).buffer(0.0003)
    gpd.GeoDataFrame({"district_id": ["D001"], "member_ids": [", ".join(ids)], "feasibility": [0.5]},
                     geometry=[hull], crs="EPSG:4326").to_file(path, layer="districts", driver="GPKG",
                                                               engine="pyogrio")
    run_alg("sonae:councilmapbook", {"GPKG": path, "DPI": 72, "OUTPUT": str(tmp_path / "crowd.pdf")})
    layout = QgsProject.instance().layoutManager().layoutByName("Sonae 議会向け図面集")
    atlas = layout.atlas()
    atlas.beginRender()
    assert atlas.seekTo(atlas.count() - 1)                       # the district page
    mp = layout.itemById("main_map")
    mp.refresh()
    settings = mp.mapSettings(mp.extent(), QSizeF(1200, 980), 96, True)
    job = QgsMapRendererSequentialJob(settings)
    job.start()
    job.waitForFinished()
    placed = [lab for lab in job.takeLabelingResults().allLabels() if not lab.isUnplaced]
    atlas.endRender()
    assert 1 <= len(placed) < n                                  # crowded: some labels are dropped (10 of 12 fit)
    rects = [lab.labelRect for lab in placed]
    for i in range(len(rects)):
        for j in range(i + 1, len(rects)):
            inter = rects[i].intersect(rects[j])
            assert inter.isEmpty() or inter.area() < 1e-9 * rects[i].area(), (placed[i].labelText,
                                                                               placed[j].labelText)
    texts = {lab.labelText for lab in placed}
    assert texts <= {mb.short_name(nm) for nm in names}          # the short names are what is drawn
    assert "第1番町CC分館" in {mb.short_name(nm) for nm in names}


def test_district_members_missing_from_the_facilities_are_named(tmp_path, run_alg):
    import pyogrio
    from qgis.core import QgsProcessingFeedback
    gpkg = _write_gpkg(str(tmp_path / "in.gpkg"))
    d = pyogrio.read_dataframe(gpkg, layer="districts")
    d.loc[d["district_id"] == "D002", "member_ids"] += ", other_run:77"
    d.to_file(gpkg, layer="districts", driver="GPKG", engine="pyogrio")

    class Feedback(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.warnings = []

        def pushWarning(self, warning):  # noqa: N802
            self.warnings.append(warning)

    fb = Feedback()
    res = run_alg("sonae:councilmapbook", {"GPKG": gpkg, "ADD_TO_PROJECT": False, "DPI": 72,
                                           "OUTPUT": str(tmp_path / "b.pdf")}, feedback=fb)
    text = " ".join(fb.warnings)
    assert "other_run:77" in text and "D002" in text and "施設の表にありません" in text
    assert "3,091人 / 2,480人" in _pdf_raw(res["OUTPUT"], 3)          # the three known members, as before
