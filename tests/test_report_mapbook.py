"""sonae:councilmapbook end to end and engine.report_figures: figures by hand, the PDF rendered and read back."""
from __future__ import annotations

import hashlib
import os
import subprocess
import unicodedata

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely

from sonae.engine import report_figures as rf

ROOT = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))
FLOOD = os.path.join(ROOT, "demo", "data", "takamatsu", "takamatsu_flood_max_depthrank_A31b23.tif")

# Six shelters in central Takamatsu (inside the bundled KSJ raster), two districts of two and three members.
IDS = ["takamatsu_city:evacuation_space:1", "takamatsu_city:evacuation_space:2",
       "takamatsu_city:evacuation_space:3", "takamatsu_city:evacuation_space:4",
       "takamatsu_city:evacuation_space:5", "takamatsu_city:evacuation_space:6"]
LON = [134.040, 134.045, 134.060, 134.063, 134.066, 134.090]
LAT = [34.330, 34.332, 34.320, 34.322, 34.318, 34.300]
EVACUEES = [1234.0, 0.0, 805.0, 2210.0, 76.0, 15.0]
CAPACITY = [1000.0, 300.0, 900.0, 1500.0, 80.0, np.nan]
SHORTFALL = [234.0, 0.0, 0.0, 710.0, 0.0, 0.0]
CONFLICT = [1.0, 0.0, np.nan, 1.0, 0.0, 0.0]
HOURS = [12.5, 80.0, 0.0, 96.25, 30.0, np.nan]
DAYS = [2.25, 0.0, 3.5, 0.75, 4.0, 1.0]       # row 2 has no evacuees: excluded from days of supply
SUBSIDY = [11_119_000, 0, 6_500_000, 14_819_000, 2_000_500, 0]


def _write_gpkg(path, with_tables=("stockpile_sufficiency", "subsidy_scope", "districts")):
    pts = gpd.GeoDataFrame({
        "id": IDS, "name": [f"避難所{i}" for i in range(1, 7)], "source": ["takamatsu_city:takamatsu_evacuation_space"] * 6,
        "flood_conflict": CONFLICT, "evacuees": EVACUEES, "capacity_calc": CAPACITY, "shortfall_persons": SHORTFALL,
        "hours_now": HOURS}, geometry=gpd.points_from_xy(LON, LAT), crs="EPSG:6668")
    pts.to_file(path, layer="shelters_energy", driver="GPKG", engine="pyogrio")
    if "stockpile_sufficiency" in with_tables:
        pd.DataFrame({"shelter_id": IDS, "evacuees": EVACUEES, "days_min": DAYS}).pipe(
            lambda f: gpd.GeoDataFrame(f, geometry=gpd.points_from_xy(LON, LAT), crs="EPSG:6668")).to_file(
            path, layer="stockpile_sufficiency", driver="GPKG", engine="pyogrio")
    if "subsidy_scope" in with_tables:
        sub = pd.DataFrame({"row_type": ["facility"] * 6 + ["district", "district", "city"],
                            "facility_id": IDS + [None, None, None],
                            "district_id": ["D001", "D001", "D002", "D002", "D002", None, "D001", "D002", None],
                            "subsidy_yen": SUBSIDY + [10_000_000, 20_000_000, sum(SUBSIDY)]})
        gpd.GeoDataFrame(sub, geometry=[shapely.Point(134.05, 34.32)] * len(sub), crs="EPSG:6668").to_file(
            path, layer="subsidy_scope", driver="GPKG", engine="pyogrio")
    if "districts" in with_tables:
        d1 = shapely.convex_hull(shapely.MultiPoint(list(zip(LON[:2], LAT[:2])))).buffer(0.002)
        d2 = shapely.convex_hull(shapely.MultiPoint(list(zip(LON[2:5], LAT[2:5])))).buffer(0.002)
        gpd.GeoDataFrame({"district_id": ["D001", "D002"], "type_ja": ["公共施設開発型", "駅周辺開発型"],
                          "member_ids": [", ".join(IDS[:2]), ", ".join(IDS[2:5])]},
                         geometry=[d1, d2], crs="EPSG:6668").to_file(path, layer="districts", driver="GPKG",
                                                                      engine="pyogrio")
    return path


def _tables(path):
    import pyogrio
    return {n: pyogrio.read_dataframe(path, layer=n) for n, _ in pyogrio.list_layers(path)}


def _sha(path):
    with open(path, "rb") as fh:
        return hashlib.sha256(fh.read()).hexdigest()


def _pdf_text(pdf, page=None):
    args = ["pdftotext", "-layout"] + (["-f", str(page), "-l", str(page)] if page else []) + [pdf, "-"]
    return unicodedata.normalize("NFKC", subprocess.run(args, capture_output=True, text=True, check=True).stdout)


def _page_pixels(pdf, page, tmp_path):
    stem = str(tmp_path / f"page{page}")
    subprocess.run(["pdftoppm", "-r", "40", "-f", str(page), "-l", str(page), "-singlefile", pdf, stem],
                   check=True)
    data = open(stem + ".ppm", "rb").read()
    # P6 header: magic, width, height, maxval, each separated by whitespace.
    parts = data.split(maxsplit=4)
    w, h = int(parts[1]), int(parts[2])
    return np.frombuffer(parts[4][: w * h * 3], dtype=np.uint8).reshape(h, w, 3)


# --- formatting ------------------------------------------------------------------------------------------------

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


# --- figures by hand -------------------------------------------------------------------------------------------

def test_page_figures_by_hand(tmp_path):
    tables = _tables(_write_gpkg(str(tmp_path / "in.gpkg")))
    whole = rf.page_figures(tables, None, whole_area=True)
    assert whole.shelters == 6
    assert whole.conflicts == 2                                  # rows 1 and 4
    assert whole.evacuees == 1234 + 805 + 2210 + 76 + 15
    assert whole.capacity == 1000 + 300 + 900 + 1500 + 80        # the missing capacity counts as none known
    assert whole.shortfall == 234 + 710
    # Receiving evacuees: rows 1,3,4,5,6 -> days 2.25, 3.5, 0.75, 4.0, 1.0
    assert whole.days_min == 0.75 and whole.shelters_under_3d == 3
    # hours of the receiving shelters with a value: 12.5, 0, 96.25, 30 -> median 21.25, three below 72 h
    assert whole.hours_median == pytest.approx(21.25) and whole.shelters_under_72h == 3
    assert whole.subsidy_yen == sum(SUBSIDY)                     # the city row
    d2 = rf.page_figures(tables, IDS[2:5], "D002", district_id="D002")
    assert (d2.shelters, d2.conflicts, d2.evacuees, d2.capacity) == (3, 1, 805 + 2210 + 76, 900 + 1500 + 80)
    assert d2.days_min == 0.75 and d2.shelters_under_3d == 1
    assert d2.hours_median == 30.0 and d2.shelters_under_72h == 2
    assert d2.subsidy_yen == 20_000_000                          # the district row, not the facility sum
    grid_like = rf.page_figures(tables, IDS[2:5], "X")           # no district: sum of the facility rows
    assert grid_like.subsidy_yen == 6_500_000 + 14_819_000 + 2_000_500
    assert dict(d2.rows())["避難者数 / 収容可能人数"] == "3,091人 / 2,480人"


def test_missing_tables_give_dashes_not_numbers(tmp_path):
    tables = _tables(_write_gpkg(str(tmp_path / "in.gpkg"), with_tables=()))
    fig = rf.page_figures(tables, None)
    assert fig.missing == ["stockpile_sufficiency", "subsidy_scope"]
    rows = dict(fig.rows())
    assert rows["備蓄日数（最短）"] == "—" and rows["補助金（見込み）"] == "—"
    assert rows["72時間未満の避難所"] == "3か所"
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


# --- the algorithm ---------------------------------------------------------------------------------------------

@pytest.mark.skipif(not os.path.exists(FLOOD), reason="bundled Takamatsu flood raster")
def test_mapbook_pdf_pages_text_and_layout(tmp_path, run_alg):
    from qgis.core import QgsProject
    gpkg = _write_gpkg(str(tmp_path / "in.gpkg"))
    before = _sha(gpkg)
    pdf = str(tmp_path / "out" / "book.pdf")
    res = run_alg("sonae:councilmapbook", {"GPKG": gpkg, "FLOOD": FLOOD, "TITLE": "高松市 防災計画図面集",
                                           "DPI": 96, "OUTPUT": pdf})
    assert res["PAGE_COUNT"] == 3 and res["MISSING"] == ""
    assert _sha(gpkg) == before                                   # the input is never modified
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True, check=True).stdout
    import re
    assert re.search(r"^Pages:\s+3$", info, re.M)
    w, h = map(float, re.search(r"^Page size:\s+([\d.]+) x ([\d.]+) pts", info, re.M).groups())
    assert (round(w), round(h)) == (1191, 842)                   # A3 landscape: 420 x 297 mm in points

    # Independently of the engine: the whole-area evacuees and district 2's subsidy from the input tables.
    import pyogrio
    shelters = pyogrio.read_dataframe(gpkg, layer="shelters_energy", read_geometry=False)
    total = int(round(shelters["evacuees"].sum()))
    sub = pyogrio.read_dataframe(gpkg, layer="subsidy_scope", read_geometry=False)
    d2_kyen = int(sub.loc[(sub.row_type == "district") & (sub.district_id == "D002"), "subsidy_yen"].sum() // 1000)
    page1 = _pdf_text(pdf, 1)
    assert "高松市 防災計画図面集" in page1
    assert "全域" in page1
    assert f"{total:,}人" in page1 and total == 4340
    assert "出典:高松市オープンデータ" in page1                 # NFKC turns the full-width colon into ':'
    assert "国土数値情報(洪水浸水想定区域データ)(国土交通省)を加工して作成" in page1
    assert "シナリオ(架空)" in page1
    assert "2か所" in page1                                      # conflicts over the whole area
    page3 = _pdf_text(pdf, 3)
    assert "地区 D002" in page3 and f"{d2_kyen:,}千円" in page3 and "20,000千円" in page3
    assert "3,091人 / 2,480人" in page3

    px = _page_pixels(pdf, 1, tmp_path)
    non_white = (px.min(axis=2) < 235).mean()
    assert px.std() > 20 and non_white > 0.02, (px.std(), non_white)
    # The flood raster is drawn: pixels of the KSJ rank-2 colour (255,216,192) appear on page 3's map.
    px3 = _page_pixels(pdf, 3, tmp_path).astype(int)
    near = (np.abs(px3 - np.array([255, 216, 192])).sum(axis=2) < 40).mean()
    assert near > 0.001

    layout = QgsProject.instance().layoutManager().layoutByName("Sonae 議会向け図面集")
    assert layout is not None and layout.atlas().enabled() and layout.atlas().count() == 3
    assert layout.itemById("main_map").layers()[0].name() == "避難所（停電時の自立時間）"
    # Running again replaces the layout instead of piling up copies.
    run_alg("sonae:councilmapbook", {"GPKG": gpkg, "FLOOD": FLOOD, "DPI": 72, "MAX_PAGES": 1, "OUTPUT": pdf})
    names = [lay.name() for lay in QgsProject.instance().layoutManager().layouts()]
    assert names.count("Sonae 議会向け図面集") == 1


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
    # Grid pages: 1 overview + the 2-km cells holding shelters (computed here by hand in EPSG:6690).
    pts = gpd.GeoDataFrame(geometry=gpd.points_from_xy(LON, LAT), crs="EPSG:6668").to_crs("EPSG:6690")
    x0 = np.floor(pts.geometry.x.min() / 2000) * 2000
    y1 = np.ceil(pts.geometry.y.max() / 2000) * 2000
    cells = {(int((y1 - y) // 2000), int((x - x0) // 2000)) for x, y in zip(pts.geometry.x, pts.geometry.y)}
    assert res["PAGE_COUNT"] == 1 + len(cells)
    text = _pdf_text(pdf, 1)
    assert "—" in text and "4,340人" in text


def test_mapbook_bad_input_is_bilingual(tmp_path, run_alg):
    from qgis.core import QgsProcessingException
    with pytest.raises(QgsProcessingException) as exc:
        run_alg("sonae:councilmapbook", {"OUTPUT": str(tmp_path / "x.pdf")})
    assert "GPKG" in str(exc.value) and "GeoPackage" in str(exc.value) and "指定してください" in str(exc.value)
    with pytest.raises(QgsProcessingException) as exc:
        run_alg("sonae:councilmapbook", {"GPKG": str(tmp_path / "nope.gpkg"), "OUTPUT": str(tmp_path / "x.pdf")})
    assert "nope.gpkg" in str(exc.value)
    assert not os.path.exists(tmp_path / "x.pdf")
