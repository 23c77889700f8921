"""Bad-input cases: sonae:councilmapbook (missing tables, empty layers, output = input, odd paths, cancel)."""
from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from ..test_report_mapbook import FLOOD, _write_gpkg
from .framework import BadCase, cancelled, refused, succeeds

ALG = "sonae:councilmapbook"
QUICK = {"DPI": 72, "ADD_TO_PROJECT": False}


def _gpkg(tmp: Path, name: str = "in.gpkg", **kw) -> str:
    return _write_gpkg(str(tmp / name), **kw)


def _pages(pdf) -> int:
    import re
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)$", info, re.M).group(1))


def _text(pdf, page=None) -> str:
    args = ["pdftotext", "-layout"] + (["-f", str(page), "-l", str(page)] if page else []) + [str(pdf), "-"]
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def _drop_table(path: str, table: str) -> str:
    con = sqlite3.connect(path)
    con.execute(f'DELETE FROM "{table}"')
    con.commit()
    con.close()
    return path


def _only_districts(tmp: Path) -> str:
    """A GeoPackage holding only the districts table (no facilities of any kind)."""
    import pyogrio
    (tmp / "x").mkdir()
    frame = pyogrio.read_dataframe(_gpkg(tmp / "x", "full.gpkg"), layer="districts")
    out = str(tmp / "districts_only.gpkg")
    frame.to_file(out, layer="districts", driver="GPKG", engine="pyogrio")
    shutil.rmtree(tmp / "x")
    return out


def _points_without(tmp: Path, drop) -> str:
    import pyogrio
    (tmp / "x").mkdir()
    frame = pyogrio.read_dataframe(_gpkg(tmp / "x", "full.gpkg"), layer="shelters_energy").drop(columns=list(drop))
    out = str(tmp / "in.gpkg")
    frame.to_file(out, layer="shelters_energy", driver="GPKG", engine="pyogrio")
    shutil.rmtree(tmp / "x")
    return out


def _coverage_3857(tmp: Path) -> str:
    """Two page polygons in Web Mercator (EPSG:3857) over the test shelters."""
    import geopandas as gpd
    import shapely
    polys = [shapely.box(134.035, 34.325, 134.050, 34.336), shapely.box(134.055, 34.314, 134.070, 34.326)]
    out = str(tmp / "pages_3857.gpkg")
    gpd.GeoDataFrame({"name": ["北", "南"]}, geometry=polys, crs="EPSG:4326").to_crs("EPSG:3857").to_file(
        out, layer="pages", driver="GPKG", engine="pyogrio")
    return out


# --- checks (each asserts values computed here, not by the algorithm) ----------------------------------------------

def _check_pages_name_input(results, tmp):
    """the input `book_pages.gpkg` is untouched and the only new file is the PDF (4 pages: overview, index, 2
    districts)"""
    assert sorted(os.listdir(tmp)) == ["book.pdf", "book_pages.gpkg"], os.listdir(tmp)
    assert _pages(tmp / "book.pdf") == results["PAGE_COUNT"] == 4


def _check_replaced(results, tmp):
    """the previous PDF is replaced by the new map book (4 pages) and nothing else is written"""
    assert (tmp / "book.pdf").read_bytes()[:5] == b"%PDF-" and _pages(tmp / "book.pdf") == 4
    assert sorted(os.listdir(tmp)) == ["book.pdf", "in.gpkg"]


def _check_odd_path(results, tmp):
    """the PDF is written under a folder with spaces, Japanese and quotes; its text is searchable (避難所)"""
    pdf = tmp / '図面 集 "議会"' / "a'b c.pdf"
    assert pdf.is_file() and results["OUTPUT"] == str(pdf)
    assert "避難所" in _text(pdf, 1)


def _check_new_folder(results, tmp):
    """missing folders of the output path are created; the PDF has the overview, index and 2 district pages"""
    assert _pages(tmp / "a" / "b" / "book.pdf") == 4


def _check_no_extension(results, tmp):
    """`book` without an extension becomes `book.pdf` (nothing else written)"""
    assert sorted(os.listdir(tmp)) == ["book.pdf", "in.gpkg"] and results["OUTPUT"].endswith("book.pdf")


def _check_empty_districts(results, tmp):
    """an empty districts table falls back to grid pages (5 km cells holding shelters, counted here in
    EPSG:6690), no index"""
    import geopandas as gpd
    import numpy as np
    from ..test_report_mapbook import LAT, LON
    pts = gpd.GeoDataFrame(geometry=gpd.points_from_xy(LON, LAT), crs="EPSG:6668").to_crs("EPSG:6690")
    x0 = np.floor(pts.geometry.x.min() / 5000) * 5000
    y1 = np.ceil(pts.geometry.y.max() / 5000) * 5000
    cells = {(int((y1 - y) // 5000), int((x - x0) // 5000)) for x, y in zip(pts.geometry.x, pts.geometry.y)}
    assert results["INDEX_PAGES"] == 0 and results["DISTRICT_PAGES"] == len(cells), (results, cells)
    assert _pages(tmp / "book.pdf") == 1 + len(cells)


def _check_no_designation(results, tmp):
    """without designated_shelter/welfare_shelter the stay-shelter counts print as — (unknown), not 0"""
    import re
    page1 = _text(tmp / "book.pdf", 1)
    assert re.search(r"避難所数（指定避難所と福祉避難所）\s+—", page1)
    assert re.search(r"停電時72時間未満の避難所\s+—", page1)
    assert "facilities" in results["MISSING"]


def _check_no_feasibility(results, tmp):
    """districts without a feasibility score are printed in district-id order, listed in the index with —"""
    import re
    index = _text(tmp / "book.pdf", 2)
    rows = re.findall(r"^\s*(\d+)\s+(D\d+)\s+\S+\s+(—)", index, re.M)
    assert [(p, d) for p, d, _ in rows] == [("3", "D001"), ("4", "D002")], index


def _check_coverage_3857(results, tmp):
    """two page polygons in EPSG:3857 give two area pages holding the right shelters (2 and 3, by hand)"""
    import re
    assert results["DISTRICT_PAGES"] == 2 and _pages(tmp / "book.pdf") == 3
    assert re.search(r"北（避難所2か所、施設2か所）", _text(tmp / "book.pdf", 2))
    assert re.search(r"南（避難所3か所、施設3か所）", _text(tmp / "book.pdf", 3))


def _check_vector_basemap(results, tmp):
    """a vector layer (polygons) works as the base map: it fills the district page's map (almost no white left
    there; without a base map about 75 % of it is white) and is named in the attribution"""
    import numpy as np
    assert "背景地図：" in _text(tmp / "book.pdf", 1)
    stem = str(tmp / "p3")
    subprocess.run(["pdftoppm", "-r", "30", "-f", "3", "-l", "3", "-singlefile", str(tmp / "book.pdf"), stem],
                   check=True)
    with open(stem + ".ppm", "rb") as fh:
        parts = fh.read().split(maxsplit=4)
    os.remove(stem + ".ppm")
    w, h = int(parts[1]), int(parts[2])
    px = np.frombuffer(parts[4][: w * h * 3], dtype=np.uint8).reshape(h, w, 3).astype(int)
    inside = px[int(h * 30 / 297):int(h * 255 / 297), int(w * 12 / 420):int(w * 292 / 420)]  # the map item (mm)
    assert (inside.min(axis=2) > 245).mean() < 0.1


def _styled_basemap(tmp: Path) -> str:
    """A polygon layer under the whole test area (given by path: QGIS draws it with its default symbol)."""
    import geopandas as gpd
    import shapely
    out = str(tmp / "base.gpkg")
    gpd.GeoDataFrame({"name": ["背景"]}, geometry=[shapely.box(133.9, 34.2, 134.2, 34.4)], crs="EPSG:4326").to_file(
        out, layer="land", driver="GPKG", engine="pyogrio")
    return out + "|layername=land"


def _check_all_pages(results, tmp):
    """MAX_PAGES = 0 prints every district: overview + index + 2 districts, none left out"""
    assert (results["DISTRICT_PAGES"], results["LEFT_OUT"]) == (2, 0) and _pages(tmp / "book.pdf") == 4


def _no_districts_tables(tmp: Path) -> str:
    return _gpkg(tmp, with_tables=("stockpile_sufficiency", "subsidy_scope"))


def _districts_without_feasibility(tmp: Path) -> str:
    import pyogrio
    path = _gpkg(tmp)
    d = pyogrio.read_dataframe(path, layer="districts").drop(columns=["feasibility"])
    d.to_file(path, layer="districts", driver="GPKG", engine="pyogrio")
    return path


CASES = [
    BadCase(id="mapbook-no-input", alg=ALG, what="neither the GeoPackage nor a shelters layer is given",
            build=lambda tmp: {"OUTPUT": str(tmp / "book.pdf"), **QUICK},
            expect=refused("GPKG", "FACILITIES")),
    BadCase(id="mapbook-gpkg-missing", alg=ALG, what="GPKG names a file that does not exist",
            build=lambda tmp: {"GPKG": str(tmp / "nope.gpkg"), "OUTPUT": str(tmp / "book.pdf"), **QUICK},
            expect=refused("nope.gpkg")),
    BadCase(id="mapbook-gpkg-is-text", alg=ALG, what="a text file renamed to .gpkg",
            build=lambda tmp: ((tmp / "fake.gpkg").write_text("id,name\n1,中央小学校\n", encoding="utf-8"),
                               {"GPKG": str(tmp / "fake.gpkg"), "OUTPUT": str(tmp / "book.pdf"), **QUICK})[1],
            expect=refused("fake.gpkg", "GeoPackage")),
    BadCase(id="mapbook-no-facility-table", alg=ALG,
            what="the GeoPackage has a districts table but no facilities/shelters table",
            build=lambda tmp: {"GPKG": _only_districts(tmp), "OUTPUT": str(tmp / "book.pdf"), **QUICK},
            expect=refused("sonae:importshelters", "facilities")),
    BadCase(id="mapbook-empty-facilities", alg=ALG, what="the shelters table exists but has 0 rows",
            build=lambda tmp: {"GPKG": _drop_table(_gpkg(tmp), "shelters_energy"), "OUTPUT": str(tmp / "book.pdf"),
                               **QUICK},
            expect=refused("shelters_energy", "0")),
    BadCase(id="mapbook-no-id-field", alg=ALG, what="the shelters table has no `id` field",
            build=lambda tmp: {"GPKG": _points_without(tmp, ["id"]), "OUTPUT": str(tmp / "book.pdf"), **QUICK},
            expect=refused("'id'", "Sonae")),
    BadCase(id="mapbook-no-designation-columns", alg=ALG,
            what="shelters without designated_shelter / welfare_shelter (designation data missing)",
            build=lambda tmp: {"GPKG": _points_without(tmp, ["designated_shelter", "welfare_shelter"]),
                               "OUTPUT": str(tmp / "book.pdf"), **QUICK},
            expect=succeeds(_check_no_designation)),
    BadCase(id="mapbook-empty-districts", alg=ALG, what="the districts table exists but has 0 rows",
            build=lambda tmp: {"GPKG": _drop_table(_gpkg(tmp), "districts"), "OUTPUT": str(tmp / "book.pdf"),
                               **QUICK},
            expect=succeeds(_check_empty_districts)),
    BadCase(id="mapbook-districts-no-feasibility", alg=ALG, what="districts without a `feasibility` column",
            build=lambda tmp: {"GPKG": _districts_without_feasibility(tmp), "OUTPUT": str(tmp / "book.pdf"),
                               **QUICK},
            expect=succeeds(_check_no_feasibility)),
    BadCase(id="mapbook-output-is-input-gpkg", alg=ALG, what="OUTPUT is the input GeoPackage itself",
            build=lambda tmp: {"GPKG": _gpkg(tmp), "OUTPUT": str(tmp / "in.gpkg"), **QUICK},
            expect=refused("OUTPUT", "in.gpkg")),
    BadCase(id="mapbook-output-is-flood-raster", alg=ALG, what="OUTPUT is the flood raster given as FLOOD",
            build=lambda tmp: {"GPKG": _gpkg(tmp), "FLOOD": shutil.copyfile(FLOOD, tmp / "flood.tif"),
                               "OUTPUT": str(tmp / "flood.tif"), **QUICK},
            expect=refused("OUTPUT", "flood.tif")),
    BadCase(id="mapbook-output-not-pdf", alg=ALG, what="OUTPUT ends in .docx",
            build=lambda tmp: {"GPKG": _gpkg(tmp), "OUTPUT": str(tmp / "book.docx"), **QUICK},
            expect=refused(".pdf", "book.docx")),
    BadCase(id="mapbook-output-no-extension", alg=ALG, what="OUTPUT given without an extension (`book`)",
            build=lambda tmp: {"GPKG": _gpkg(tmp), "OUTPUT": str(tmp / "book"), **QUICK},
            expect=succeeds(_check_no_extension)),
    BadCase(id="mapbook-input-named-pages-gpkg", alg=ALG,
            what="the input GeoPackage is named `<pdf stem>_pages.gpkg` (the old helper file's name)",
            build=lambda tmp: {"GPKG": _gpkg(tmp, "book_pages.gpkg"), "OUTPUT": str(tmp / "book.pdf"), **QUICK},
            expect=succeeds(_check_pages_name_input)),
    BadCase(id="mapbook-existing-pdf-replaced", alg=ALG, what="OUTPUT is an existing PDF (the previous map book)",
            build=lambda tmp: ((tmp / "book.pdf").write_bytes(b"%PDF-1.4 previous\n"),
                               {"GPKG": _gpkg(tmp), "OUTPUT": str(tmp / "book.pdf"), **QUICK})[1],
            expect=succeeds(_check_replaced), may_change=("book.pdf",)),
    BadCase(id="mapbook-odd-output-path", alg=ALG, what="output folder with spaces, Japanese and quotes",
            build=lambda tmp: {"GPKG": _gpkg(tmp), "OUTPUT": str(tmp / '図面 集 "議会"' / "a'b c.pdf"), **QUICK},
            expect=succeeds(_check_odd_path)),
    BadCase(id="mapbook-output-folder-missing", alg=ALG, what="the output's folders do not exist yet",
            build=lambda tmp: {"GPKG": _gpkg(tmp), "OUTPUT": str(tmp / "a" / "b" / "book.pdf"), **QUICK},
            expect=succeeds(_check_new_folder)),
    BadCase(id="mapbook-coverage-web-mercator", alg=ALG, what="page areas (COVERAGE) in EPSG:3857",
            build=lambda tmp: {"GPKG": _gpkg(tmp), "COVERAGE": _coverage_3857(tmp) + "|layername=pages",
                               "COVERAGE_NAME": "name", "OUTPUT": str(tmp / "book.pdf"), **QUICK},
            expect=succeeds(_check_coverage_3857)),
    BadCase(id="mapbook-vector-basemap", alg=ALG, what="a vector (polygon) layer as the base map",
            build=lambda tmp: {"GPKG": _gpkg(tmp), "BASEMAP": _styled_basemap(tmp), "OUTPUT": str(tmp / "book.pdf"),
                               **QUICK},
            expect=succeeds(_check_vector_basemap)),
    BadCase(id="mapbook-max-pages-zero", alg=ALG, what="MAX_PAGES = 0 (print every district)",
            build=lambda tmp: {"GPKG": _gpkg(tmp), "MAX_PAGES": 0, "OUTPUT": str(tmp / "book.pdf"), **QUICK},
            expect=succeeds(_check_all_pages)),
    BadCase(id="mapbook-cancel-at-start", alg=ALG, what="cancelled before it starts",
            build=lambda tmp: {"GPKG": _gpkg(tmp), "OUTPUT": str(tmp / "book.pdf"), **QUICK},
            expect=cancelled(doc="no PDF, no helper file")),
    BadCase(id="mapbook-cancel-during-export", alg=ALG,
            what="cancelled while the atlas is exported over an existing PDF",
            build=lambda tmp: ((tmp / "book.pdf").write_bytes(b"%PDF-1.4 previous\n"),
                               {"GPKG": _gpkg(tmp), "FLOOD": FLOOD, "MAX_PAGES": 0, "DPI": 150,
                                "ADD_TO_PROJECT": False, "OUTPUT": str(tmp / "book.pdf")})[1],
            expect=cancelled(after=6, doc="the previous PDF is intact, no temporary file left")),
]
