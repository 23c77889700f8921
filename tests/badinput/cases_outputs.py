"""Bad-input cases: output destinations (issue 11 items 1, 2, 10).

Output = input for every algorithm that writes, two outputs to one place, odd file/table/field names, existing
GeoPackages with other tables, failed or cancelled re-runs over a previous output, spreadsheet formula injection,
and the stock template over a filled inventory. The inputs are real Takamatsu data (../shared).
"""
from __future__ import annotations

import csv
import shutil
import sqlite3
import tempfile
from pathlib import Path

from ..conftest import DATA
from .framework import BadCase, cancelled, refused, succeeds

TAKAMATSU_CSV = Path(DATA) / "takamatsu" / "shelters" / "evacuation_space.csv"
TAKAMATSU_GEOJSON = Path(DATA) / "takamatsu" / "shelters" / "evacuation_space.geojson"
TAKAMATSU_FLOOD = Path(DATA) / "takamatsu" / "flood" / "takamatsu_flood_max_depthrank_A31b23.tif"
N_TAKAMATSU = 195                      # rows of evacuation_space.csv (MANIFEST.md)

_CACHE: dict = {}


def _copy(tmp: Path, src: Path, name: str | None = None) -> str:
    dst = tmp / (name or src.name)
    shutil.copyfile(src, dst)
    return str(dst)


def _base_gpkg() -> Path:
    """A city GeoPackage with two tables (facilities from the Takamatsu import, and another one), made once."""
    if "gpkg" not in _CACHE:
        import processing
        d = Path(tempfile.mkdtemp(prefix="sonae-badinput-"))
        path = d / "city.gpkg"
        processing.run("sonae:importshelters", {"INPUTS": [str(TAKAMATSU_CSV)],
                                                "OUTPUT": f"ogr:dbname='{path}' table=\"facilities\" (geom)"})
        processing.run("sonae:importshelters", {"INPUTS": [str(TAKAMATSU_GEOJSON)],
                                                "OUTPUT": f"ogr:dbname='{path}' table=\"other_table\" (geom)"})
        assert _tables(path) == ["facilities", "other_table"], _tables(path)
        _CACHE["gpkg"] = path
    return _CACHE["gpkg"]


def _city(tmp: Path, name: str = "city.gpkg") -> str:
    return _copy(tmp, _base_gpkg(), name)


def _layer(tmp: Path, table: str = "facilities") -> str:
    path = tmp / "city.gpkg"
    if not path.exists():
        _city(tmp)
    return f"{path}|layername={table}"


def _uri(path, table) -> str:
    return f"ogr:dbname='{path}' table=\"{table}\" (geom)"


def _tables(path) -> list:
    con = sqlite3.connect(path)
    try:
        return sorted(r[0] for r in con.execute("SELECT table_name FROM gpkg_contents"))
    finally:
        con.close()


def _count(path, table) -> int:
    con = sqlite3.connect(path)
    try:
        return con.execute('SELECT COUNT(*) FROM "%s"' % table.replace('"', '""')).fetchone()[0]
    finally:
        con.close()


def _csv_rows(path) -> list:
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


# --- checks (each asserts a value computed independently of the algorithm) -------------------------------

def _check_dotted_gpkg(results, tmp):
    """one table holding every row of the CSV (195, counted with csv.DictReader)"""
    path = tmp / "facilities_2026.03.31.gpkg"
    tables = _tables(path)
    assert len(tables) == 1, tables
    assert _count(path, tables[0]) == len(_csv_rows(TAKAMATSU_CSV)) == N_TAKAMATSU


def _check_weird_ext(results, tmp):
    """written as weird.foo.gpkg (QGIS's rule for an unknown extension) with all 195 rows"""
    path = tmp / "weird.foo.gpkg"
    assert path.exists() and not (tmp / "weird.foo").exists()
    assert _count(path, _tables(path)[0]) == N_TAKAMATSU
    assert str(results["OUTPUT"]).startswith(str(path))


def _check_added_table(results, tmp):
    """a new table `city` beside the untouched facilities and other_table (195 rows)"""
    path = tmp / "city.gpkg"
    assert _tables(path) == ["city", "facilities", "other_table"]
    assert _count(path, "city") == N_TAKAMATSU


def _check_replaced_table(results, tmp):
    """the previous `facilities` table replaced by the GeoJSON import (195 rows), other_table untouched"""
    path = tmp / "city.gpkg"
    assert _tables(path) == ["facilities", "other_table"]
    assert _count(path, "facilities") == N_TAKAMATSU


def _check_quote_names(results, tmp):
    """table a"b in a"b.gpkg, the field note"s carried through with its value on every row"""
    path = tmp / 'a"b.gpkg'
    assert _tables(path) == ['a"b']
    con = sqlite3.connect(path)
    values = {r[0] for r in con.execute('SELECT "note""s" FROM "a""b"')}
    con.close()
    assert values == {'say "hi"'}


def _check_formula(results, tmp):
    """the name cell =cmd|' /C calc'!A0 is written as '=cmd|' /C calc'!A0; numbers stay unprefixed"""
    rows = _csv_rows(tmp / "out.csv")
    names = [r["name"] for r in rows]
    assert "'=cmd|' /C calc'!A0" in names, names[:3]
    assert "'@SUM(1+1)" in names
    assert not any(n.startswith(("=", "+", "-", "@")) for n in names)
    cap = [r["capacity_persons"] for r in rows if r["capacity_persons"]]
    assert cap and all(not c.startswith("'") for c in cap)


def _check_subfolder(results, tmp):
    """the missing folders are created and the output has 195 rows"""
    path = tmp / "new" / "folder" / "out.gpkg"
    assert _count(path, "out") == N_TAKAMATSU


def _check_empty_template_replaced(results, tmp):
    """the empty template is replaced by a fresh one (items + sites CSV, header only)"""
    assert (tmp / "stock.csv").read_text(encoding="utf-8-sig").count("\n") == 1
    assert (tmp / "stock_sites.csv").exists()


# --- builders ------------------------------------------------------------------------------------------------

def _formula_csv(tmp):
    rows = _csv_rows(TAKAMATSU_CSV)
    rows[0]["name"] = "=cmd|' /C calc'!A0"
    rows[1]["name"] = "@SUM(1+1)"
    path = tmp / "shelters.csv"
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0].keys()))
        w.writeheader()
        w.writerows(rows)
    return {"INPUTS": [str(path)], "OUTPUT": str(tmp / "out.csv")}


def _quote_names(tmp):
    import processing
    src = tmp / "src.gpkg"
    processing.run("sonae:importshelters", {"INPUTS": [str(TAKAMATSU_CSV)], "OUTPUT": str(src)})
    from osgeo import ogr
    ds = ogr.Open(str(src), 1)
    layer = ds.GetLayerByName("src")
    layer.CreateField(ogr.FieldDefn('note"s', ogr.OFTString))
    ds.ExecuteSQL('UPDATE "src" SET "note""s" = \'say "hi"\'')
    ds = None
    return {"FACILITIES": f"{src}|layername=src", "HAZARD": str(TAKAMATSU_FLOOD), "OUTPUT": str(tmp / 'a"b.gpkg')}


def _previous_output(tmp, name="out.gpkg"):
    """A previous result (the Takamatsu import) at tmp/name."""
    import processing
    path = tmp / name
    processing.run("sonae:importshelters", {"INPUTS": [str(TAKAMATSU_CSV)], "OUTPUT": str(path)})
    return str(path)


def _failed_rerun(tmp):
    prev = _previous_output(tmp)
    # A facilities layer far from the raster (Kumamoto shelters on the Takamatsu flood raster) fails the run.
    kumamoto = Path(DATA) / "kumamoto" / "shelters" / "gsi_evacuation_431001.geojson"
    return {"FACILITIES": _copy(tmp, kumamoto), "HAZARD": str(TAKAMATSU_FLOOD), "OUTPUT": prev}


def _inventory_csv(tmp):
    path = tmp / "stock.csv"
    path.write_text("拠点ID,所有区分,品目,品名,単位,数量,消費期限\nS1,city,water,保存水,本,2400,2029-03-31\n",
                    encoding="utf-8-sig")
    return {"OUTPUT": str(path)}


def _inventory_sites_csv(tmp):
    (tmp / "stock.csv").write_text("拠点ID,所有区分,品目,品名,単位,数量,消費期限\n", encoding="utf-8-sig")
    (tmp / "stock_sites.csv").write_text("拠点ID,拠点名,所有区分,住所,緯度,経度,施設ID\nS1,本庁,city,,34.34,134.04,\n",
                                         encoding="utf-8-sig")
    return {"OUTPUT": str(tmp / "stock.csv")}


def _inventory_xlsx(tmp):
    import openpyxl
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "在庫"
    ws.append(["拠点ID", "所有区分", "品目", "品名", "単位", "数量"])
    ws.append(["S1", "city", "water", "保存水", "本", 2400])
    path = tmp / "stock.xlsx"
    wb.save(path)
    return {"OUTPUT": str(path)}


def _empty_template(tmp):
    (tmp / "stock.csv").write_text("拠点ID,所有区分,品目\n", encoding="utf-8-sig")
    return {"OUTPUT": str(tmp / "stock.csv")}


def _same_table(alg_params, out_param="OUTPUT", table="facilities"):
    """Build: the algorithm's parameters with out_param written over the input table of city.gpkg."""
    def build(tmp):
        params = alg_params(tmp)
        params[out_param] = _uri(tmp / "city.gpkg", table)
        return params
    return build


FAC = lambda tmp: _layer(tmp)                      # noqa: E731
SAME = refused("city.gpkg", "facilities", doc="nothing is written; the input table is intact")

CASES = [
    BadCase(id="importshelters-output-is-input-csv", alg="sonae:importshelters",
            what="OUTPUT is the city's own shelter CSV (the input)",
            build=lambda tmp: {"INPUTS": [_copy(tmp, TAKAMATSU_CSV)], "OUTPUT": str(tmp / TAKAMATSU_CSV.name)},
            expect=refused("evacuation_space.csv", doc="the input file is never overwritten")),
    BadCase(id="importshelters-output-is-input-geojson", alg="sonae:importshelters",
            what="OUTPUT is the input GeoJSON",
            build=lambda tmp: {"INPUTS": [_copy(tmp, TAKAMATSU_GEOJSON)],
                               "OUTPUT": str(tmp / TAKAMATSU_GEOJSON.name)},
            expect=refused("evacuation_space.geojson")),
    BadCase(id="importshelters-output-dotted-gpkg-name", alg="sonae:importshelters",
            what="OUTPUT named facilities_2026.03.31.gpkg (dots in the file name)",
            build=lambda tmp: {"INPUTS": [_copy(tmp, TAKAMATSU_CSV)],
                               "OUTPUT": str(tmp / "facilities_2026.03.31.gpkg")},
            expect=succeeds(_check_dotted_gpkg)),
    BadCase(id="importshelters-output-reserved-gpkg-table-name", alg="sonae:importshelters",
            what="OUTPUT named gpkg.gpkg: its table would be 'gpkg', a name the GeoPackage standard reserves",
            build=lambda tmp: {"INPUTS": [_copy(tmp, TAKAMATSU_CSV)], "OUTPUT": str(tmp / "gpkg.gpkg")},
            expect=refused("gpkg", "予約")),
    BadCase(id="importshelters-output-unknown-extension", alg="sonae:importshelters",
            what="OUTPUT named weird.foo (no vector format has that extension)",
            build=lambda tmp: {"INPUTS": [_copy(tmp, TAKAMATSU_CSV)], "OUTPUT": str(tmp / "weird.foo")},
            expect=succeeds(_check_weird_ext)),
    BadCase(id="importshelters-output-existing-gpkg-plain-path", alg="sonae:importshelters",
            what="OUTPUT is the plain path of an existing GeoPackage holding other tables",
            build=lambda tmp: {"INPUTS": [_copy(tmp, TAKAMATSU_CSV)], "OUTPUT": _city(tmp)},
            expect=succeeds(_check_added_table)),
    BadCase(id="importshelters-output-replaces-previous-table", alg="sonae:importshelters",
            what="OUTPUT is an ogr: URI to an existing table (a previous import) of a GeoPackage with other tables",
            build=lambda tmp: {"INPUTS": [_copy(tmp, TAKAMATSU_GEOJSON)],
                               "OUTPUT": _uri(_city(tmp), "facilities")},
            expect=succeeds(_check_replaced_table), may_change=("city.gpkg:facilities",)),
    BadCase(id="importshelters-output-missing-folder", alg="sonae:importshelters",
            what="OUTPUT in folders that do not exist yet",
            build=lambda tmp: {"INPUTS": [_copy(tmp, TAKAMATSU_CSV)], "OUTPUT": str(tmp / "new/folder/out.gpkg")},
            expect=succeeds(_check_subfolder)),
    BadCase(id="importshelters-csv-formula-injection", alg="sonae:importshelters",
            what="shelter names =cmd|' /C calc'!A0 and @SUM(1+1), output to CSV",
            build=_formula_csv, expect=succeeds(_check_formula)),
    BadCase(id="importshelters-cancel-keeps-previous-output", alg="sonae:importshelters",
            what="cancelled at the first progress report while OUTPUT is a previous result",
            build=lambda tmp: {"INPUTS": [_copy(tmp, TAKAMATSU_CSV)], "OUTPUT": _previous_output(tmp)},
            expect=cancelled(after=1, doc="the previous output stays byte-identical")),
    BadCase(id="importshelters-cancel-first-progress", alg="sonae:importshelters",
            what="the user cancels at the first progress report",
            build=lambda tmp: {"INPUTS": [_copy(tmp, TAKAMATSU_CSV)], "OUTPUT": str(tmp / "out.gpkg")},
            expect=cancelled(after=1)),
    BadCase(id="hazardexposure-output-is-input-table", alg="sonae:hazardexposure",
            what="OUTPUT is an ogr: URI to the FACILITIES table itself",
            build=_same_table(lambda tmp: {"FACILITIES": FAC(tmp), "HAZARD": str(TAKAMATSU_FLOOD)}),
            expect=SAME),
    BadCase(id="hazardexposure-output-quotes-in-names", alg="sonae:hazardexposure",
            what='OUTPUT file a"b.gpkg and an input field named note"s',
            build=_quote_names, expect=succeeds(_check_quote_names)),
    BadCase(id="hazardexposure-failed-rerun-keeps-previous", alg="sonae:hazardexposure",
            what="a re-run that fails (facilities outside the raster) over a previous output",
            build=_failed_rerun,
            expect=refused("raster", doc="refused; the previous output is byte-identical")),
    BadCase(id="exposedpopulation-output-is-input-table", alg="sonae:exposedpopulation",
            what="OUTPUT is the POPULATION table itself",
            build=_same_table(lambda tmp: {"POPULATION": FAC(tmp), "POPULATION_FIELD": "capacity",
                                           "HAZARD": str(TAKAMATSU_FLOOD)}),
            expect=SAME),
    BadCase(id="sheltercatchments-output-is-input-table", alg="sonae:sheltercatchments",
            what="OUTPUT is the FACILITIES table itself",
            build=_same_table(lambda tmp: {"FACILITIES": FAC(tmp), "POPULATION": _layer(tmp, "other_table"),
                                           "POPULATION_FIELD": "capacity", "CATCHMENTS": "TEMPORARY_OUTPUT"}),
            expect=SAME),
    BadCase(id="sheltercatchments-catchments-is-population", alg="sonae:sheltercatchments",
            what="CATCHMENTS is the POPULATION table (the second output over the second input)",
            build=_same_table(lambda tmp: {"FACILITIES": FAC(tmp), "POPULATION": _layer(tmp, "other_table"),
                                           "POPULATION_FIELD": "capacity", "OUTPUT": "TEMPORARY_OUTPUT"},
                              "CATCHMENTS", "other_table"),
            expect=refused("other_table")),
    BadCase(id="sheltercatchments-two-outputs-one-file", alg="sonae:sheltercatchments",
            what="OUTPUT and CATCHMENTS given the same file",
            build=lambda tmp: {"FACILITIES": FAC(tmp), "POPULATION": _layer(tmp, "other_table"),
                               "POPULATION_FIELD": "capacity", "OUTPUT": str(tmp / "same.gpkg"),
                               "CATCHMENTS": str(tmp / "same.gpkg")},
            expect=refused("same.gpkg")),
    BadCase(id="chargercoverage-output-is-input-table", alg="sonae:chargercoverage",
            what="OUTPUT is the SHELTERS table itself",
            build=_same_table(lambda tmp: {"CHARGERS": _layer(tmp, "other_table"), "SHELTERS": FAC(tmp)}),
            expect=SAME),
    BadCase(id="districtlayout-output-is-input-table", alg="sonae:districtlayout",
            what="OUTPUT is the FACILITIES table itself",
            build=_same_table(lambda tmp: {"FACILITIES": FAC(tmp)}), expect=SAME),
    BadCase(id="subsidyscope-output-is-input-table", alg="sonae:subsidyscope",
            what="OUTPUT is the FACILITIES table itself",
            build=_same_table(lambda tmp: {"FACILITIES": FAC(tmp)}), expect=SAME),
    BadCase(id="outageautonomy-output-is-input-table", alg="sonae:outageautonomy",
            what="OUTPUT is the FACILITIES table itself",
            build=_same_table(lambda tmp: {"FACILITIES": FAC(tmp)}), expect=SAME),
    BadCase(id="sizeforautonomy-output-is-input-table", alg="sonae:sizeforautonomy",
            what="OUTPUT is the FACILITIES table itself",
            build=_same_table(lambda tmp: {"FACILITIES": FAC(tmp)}), expect=SAME),
    BadCase(id="stockpilesufficiency-output-is-input-table", alg="sonae:stockpilesufficiency",
            what="OUTPUT is the SHELTERS table itself",
            build=_same_table(lambda tmp: {"SHELTERS": FAC(tmp), "SITES": _layer(tmp, "other_table"),
                                           "ITEMS": _layer(tmp, "other_table"),
                                           "OUTPUT_DISTRICT": "TEMPORARY_OUTPUT"}),
            expect=SAME),
    BadCase(id="expiryrotation-output-is-input-table", alg="sonae:expiryrotation",
            what="OUTPUT is the ITEMS table itself",
            build=_same_table(lambda tmp: {"ITEMS": FAC(tmp), "OUTPUT_REPLACEMENT": "TEMPORARY_OUTPUT"}),
            expect=SAME),
    BadCase(id="partneraudit-output-is-input-table", alg="sonae:partneraudit",
            what="OUTPUT is the ITEMS table itself",
            build=_same_table(lambda tmp: {"ITEMS": FAC(tmp)}), expect=SAME),
    BadCase(id="evdeliveryplan-table-output-is-input", alg="sonae:evdeliveryplan",
            what="OUTPUT_TABLE is the SHELTERS table itself",
            build=_same_table(lambda tmp: {"CHARGERS": _layer(tmp, "other_table"),
                                           "EV_FLEET": _layer(tmp, "other_table"), "SHELTERS": FAC(tmp),
                                           "OUTPUT_LINES": "TEMPORARY_OUTPUT",
                                           "OUTPUT_SHELTERS": "TEMPORARY_OUTPUT"}, "OUTPUT_TABLE"),
            expect=SAME),
    BadCase(id="importstockpile-output-is-items-csv", alg="sonae:importstockpile",
            what="OUTPUT_ITEMS is the inventory CSV being imported",
            build=lambda tmp: {**_inventory_csv(tmp), "ITEMS_FILE": str(tmp / "stock.csv"),
                               "OUTPUT_ITEMS": str(tmp / "stock.csv"), "OUTPUT_SITES": "TEMPORARY_OUTPUT"},
            expect=refused("stock.csv")),
    BadCase(id="stockpiletemplate-over-filled-inventory-csv", alg="sonae:stockpiletemplate",
            what="OUTPUT is an existing inventory CSV with a filled row",
            build=_inventory_csv, expect=refused("stock.csv", "1", doc="the inventory is never replaced")),
    BadCase(id="stockpiletemplate-over-filled-sites-csv", alg="sonae:stockpiletemplate",
            what="OUTPUT stock.csv is empty but the stock_sites.csv written beside it holds a site",
            build=_inventory_sites_csv, expect=refused("stock_sites.csv")),
    BadCase(id="stockpiletemplate-over-filled-xlsx", alg="sonae:stockpiletemplate",
            what="OUTPUT is an existing inventory workbook with a filled row",
            build=_inventory_xlsx, expect=refused("stock.xlsx")),
    BadCase(id="stockpiletemplate-over-empty-template", alg="sonae:stockpiletemplate",
            what="OUTPUT is an existing, still empty template",
            build=_empty_template, expect=succeeds(_check_empty_template_replaced), may_change=("stock.csv",)),
]


def _two_tables_new_gpkg(tmp):
    pop = Path(DATA) / "takamatsu" / "population" / "population_by_town_age_202602_points.geojson"
    src = _copy(tmp, pop)
    book = tmp / "plan.gpkg"
    return {"FACILITIES": _layer(tmp), "POPULATION": src, "POPULATION_FIELD": "totalPopulation",
            "OUTPUT": _uri(book, "shelters"), "CATCHMENTS": _uri(book, "catchments")}


def _check_two_tables(results, tmp):
    """plan.gpkg holds both tables: catchments has one row per town (235, counted in the GeoJSON), shelters rows"""
    import json
    pop = Path(DATA) / "takamatsu" / "population" / "population_by_town_age_202602_points.geojson"
    n_towns = len(json.loads(pop.read_text(encoding="utf-8"))["features"])
    path = tmp / "plan.gpkg"
    assert _tables(path) == ["catchments", "shelters"]
    assert _count(path, "catchments") == n_towns == 235
    assert _count(path, "shelters") > 0


CASES += [
    BadCase(id="sheltercatchments-two-tables-one-new-gpkg", alg="sonae:sheltercatchments",
            what="OUTPUT and CATCHMENTS as two tables of one GeoPackage that does not exist yet",
            build=_two_tables_new_gpkg, expect=succeeds(_check_two_tables)),
]
