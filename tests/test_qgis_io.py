"""qgis_io.write_frame: the GeoPackage bulk path and the generic sink path write the same values, with a working
spatial index and feature count; read_source reads them back."""
from __future__ import annotations

import datetime as dt

import numpy as np
import pytest


@pytest.fixture
def sink_alg(qgis_app):
    from qgis.core import QgsProcessingAlgorithm, QgsProcessingParameterFeatureSink

    class Writer(QgsProcessingAlgorithm):
        def name(self):
            return "writer"

        def createInstance(self):
            return Writer()

        def initAlgorithm(self, config=None):
            self.addParameter(QgsProcessingParameterFeatureSink("OUTPUT", "o"))

        def processAlgorithm(self, parameters, context, feedback):
            return {}

    alg = Writer()
    alg.initAlgorithm()
    alg._post_processors = []
    return alg


def _frame(n=500, polygons=False):
    import geopandas as gpd
    import shapely
    rng = np.random.default_rng(7)
    x, y = 134 + rng.random(n), 34 + rng.random(n)
    geoms = shapely.points(x, y)
    if polygons:
        geoms = shapely.buffer(geoms, 0.001)
    frame = gpd.GeoDataFrame({
        "name": [f"施設{i}" if i % 7 else None for i in range(n)],
        "value": np.where(np.arange(n) % 5 == 0, np.nan, rng.random(n)),
        "count": np.arange(n, dtype="int64"),
        "flag": [True if i % 3 == 0 else (False if i % 3 == 1 else None) for i in range(n)],
        "day": [dt.date(2026, 1 + i % 12, 1 + i % 28) for i in range(n)],
    }, geometry=geoms, crs="EPSG:6668")
    return frame


def _read(uri):
    from qgis.core import QgsVectorLayer
    layer = QgsVectorLayer(uri, "r", "ogr")
    assert layer.isValid(), uri
    rows = []
    for f in layer.getFeatures():
        vals = []
        for name in ("name", "value", "count", "flag", "day"):
            v = f[name]
            v = None if v is None or (hasattr(v, "isNull") and v.isNull()) else v
            if hasattr(v, "toPyDate"):
                v = v.toPyDate()
            vals.append(v)
        rows.append((tuple(vals), f.geometry().asWkt(6)))
    return layer, rows


def _expected(frame):
    out = []
    for r in frame.itertuples():
        value = None if np.isnan(r.value) else r.value
        out.append(((r.name, value, r.count, r.flag, r.day), r.geometry))
    return out


@pytest.mark.parametrize("polygons", [False, True])
def test_bulk_geopackage_and_sink_paths_agree(sink_alg, tmp_path, polygons):
    from qgis.core import QgsFeatureRequest, QgsProcessingContext, QgsRectangle
    from sonae.processing_algorithms import qgis_io
    frame = _frame(polygons=polygons)
    bulk_path = str(tmp_path / "bulk.gpkg")
    qgis_io.write_frame(sink_alg, {"OUTPUT": bulk_path}, "OUTPUT", QgsProcessingContext(), frame)
    layer, rows = _read(bulk_path)
    assert layer.featureCount() == len(frame)
    expected = _expected(frame)
    for (vals, wkt), (evals, egeom) in zip(rows, expected):
        assert vals[0] == evals[0] and vals[2] == evals[2] and vals[3] == evals[3] and vals[4] == evals[4]
        assert (vals[1] is None and evals[1] is None) or vals[1] == pytest.approx(evals[1])
    # The R-tree answers a rectangle query like a brute-force bounds test.
    rect = QgsRectangle(134.2, 34.2, 134.6, 34.5)
    hits = {f.id() for f in layer.getFeatures(QgsFeatureRequest().setFilterRect(rect))}
    b = frame.geometry.bounds.to_numpy()
    brute = {i + 1 for i in np.flatnonzero((b[:, 0] <= 134.6) & (b[:, 2] >= 134.2) & (b[:, 1] <= 34.5)
                                           & (b[:, 3] >= 34.2))}
    assert hits == brute
    import sqlite3
    with sqlite3.connect(bulk_path) as con:    # SQLite's own consistency check of the bulk-loaded R-tree
        assert con.execute("SELECT rtreecheck('rtree_bulk_geom')").fetchone()[0] == "ok"
    extent = layer.extent()
    assert extent.xMinimum() == pytest.approx(b[:, 0].min()) and extent.yMaximum() == pytest.approx(b[:, 3].max())
    # The generic sink path (a memory layer) holds the same values.
    context = QgsProcessingContext()
    dest = qgis_io.write_frame(sink_alg, {"OUTPUT": "memory:"}, "OUTPUT", context, frame)
    mem = context.getMapLayer(dest)
    assert mem.featureCount() == len(frame)
    mem_rows = [tuple(None if (v is None or (hasattr(v, "isNull") and v.isNull())) else v
                      for v in (f["name"], f["count"], f["flag"])) for f in mem.getFeatures()]
    assert mem_rows == [(r[0][0], r[0][2], r[0][3]) for r in rows]


def test_bulk_write_adds_a_table_to_an_existing_geopackage(sink_alg, tmp_path):
    from qgis.core import QgsProcessingContext
    from sonae.processing_algorithms import qgis_io
    path = tmp_path / "book.gpkg"
    frame = _frame(50)
    for table in ("first", "second"):
        qgis_io.write_frame(sink_alg, {"OUTPUT": f"ogr:dbname='{path}' table=\"{table}\" (geom)"}, "OUTPUT",
                            QgsProcessingContext(), frame)
    for table in ("first", "second"):
        layer, rows = _read(f"{path}|layername={table}")
        assert layer.featureCount() == 50
        assert [r[0][2] for r in rows] == list(range(50))


def test_table_without_geometry(sink_alg, tmp_path):
    import pandas as pd
    from qgis.core import QgsProcessingContext, QgsVectorLayer
    from sonae.processing_algorithms import qgis_io
    frame = pd.DataFrame({"item": ["水", "食料"], "qty": [10, None]})
    path = str(tmp_path / "table.gpkg")
    qgis_io.write_frame(sink_alg, {"OUTPUT": path}, "OUTPUT", QgsProcessingContext(), frame)
    layer = QgsVectorLayer(path, "t", "ogr")
    assert layer.featureCount() == 2
    values = [(f["item"], None if f["qty"] is None or (hasattr(f["qty"], "isNull") and f["qty"].isNull())
               else f["qty"]) for f in layer.getFeatures()]
    assert values == [("水", 10), ("食料", None)]


def test_bulk_loaded_rtree_keeps_working_after_edits(sink_alg, tmp_path):
    """Features added and deleted later through QGIS (the restored triggers) keep the R-tree consistent."""
    import sqlite3
    from qgis.core import QgsFeature, QgsFeatureRequest, QgsGeometry, QgsPointXY, QgsProcessingContext, \
        QgsRectangle, QgsVectorLayer
    from sonae.processing_algorithms import qgis_io
    path = str(tmp_path / "edit.gpkg")
    qgis_io.write_frame(sink_alg, {"OUTPUT": path}, "OUTPUT", QgsProcessingContext(), _frame(3000))
    layer = QgsVectorLayer(path, "edit", "ogr")
    f = QgsFeature(layer.fields())
    f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(136.5, 36.5)))
    assert layer.dataProvider().addFeatures([f])[0]
    assert layer.dataProvider().deleteFeatures([1, 2, 3])
    del layer
    with sqlite3.connect(path) as con:
        assert con.execute("SELECT rtreecheck('rtree_edit_geom')").fetchone()[0] == "ok"
        assert con.execute("SELECT COUNT(*) FROM rtree_edit_geom").fetchone()[0] == 3000 - 3 + 1
    layer = QgsVectorLayer(path, "edit", "ogr")
    hits = [g.id() for g in layer.getFeatures(QgsFeatureRequest().setFilterRect(QgsRectangle(136.4, 36.4, 136.6, 36.6)))]
    assert hits == [3001]


def test_selected_features_only_from_a_memory_layer(run_alg, tmp_path):
    """A project memory layer with a selection, passed as 'selected features only': exactly those features are
    processed, with the same values as in a run over the whole layer."""
    from qgis.core import QgsFeatureRequest, QgsProcessingFeatureSourceDefinition, QgsProject, QgsVectorLayer
    from .conftest import shared_data
    fac = str(tmp_path / "fac.gpkg")
    run_alg("sonae:importshelters", {"INPUTS": [shared_data("takamatsu", "shelters", "evacuation_space.csv")],
                                     "OUTPUT": fac})
    mem = QgsVectorLayer(fac, "fac", "ogr").materialize(QgsFeatureRequest())
    QgsProject.instance().addMapLayer(mem)
    try:
        chosen = [f.id() for f in mem.getFeatures()][5:17]
        mem.selectByIds(chosen)
        want = {f["id"] for f in mem.getSelectedFeatures()}
        flood = shared_data("takamatsu", "flood", "takamatsu_flood_max_depthrank_A31b23.tif")
        common = {"HAZARD": flood, "HAZARD_TYPE": 0, "VALUE_KIND": 1, "RADIUS_M": 0}
        part = run_alg("sonae:hazardexposure", dict(common, FACILITIES=QgsProcessingFeatureSourceDefinition(
            mem.id(), True), OUTPUT=str(tmp_path / "part.gpkg")))
        whole = run_alg("sonae:hazardexposure", dict(common, FACILITIES=fac, OUTPUT=str(tmp_path / "whole.gpkg")))
        read = lambda p: {f["id"]: f["flood_value"] for f in QgsVectorLayer(p, "x", "ogr").getFeatures()}
        got, ref = read(part["OUTPUT"]), read(whole["OUTPUT"])
        assert set(got) == want and len(got) == 12
        assert all(str(got[k]) == str(ref[k]) for k in got)
    finally:
        QgsProject.instance().removeMapLayer(mem.id())


def test_unsaved_edits_are_read_from_the_edit_buffer(qgis_app, tmp_path, run_alg):
    """A layer with uncommitted edits is read through QGIS (the file on disk does not hold them yet)."""
    from qgis.core import QgsVectorLayer
    from sonae.processing_algorithms.qgis_io import layer_to_frame
    from .conftest import shared_data
    fac = str(tmp_path / "fac.gpkg")
    run_alg("sonae:importshelters", {"INPUTS": [shared_data("takamatsu", "shelters", "evacuation_space.csv")],
                                     "OUTPUT": fac})
    layer = QgsVectorLayer(fac, "fac", "ogr")
    first = next(layer.getFeatures())
    layer.startEditing()
    layer.changeAttributeValue(first.id(), layer.fields().indexOf("name"), "編集中の名前")
    frame = layer_to_frame(layer, ["id", "name"], geometry=False)
    assert frame.loc[frame["id"] == first["id"], "name"].item() == "編集中の名前"
    layer.rollBack()
    frame = layer_to_frame(layer, ["id", "name"], geometry=False)
    assert frame.loc[frame["id"] == first["id"], "name"].item() == first["name"]


# --- output destinations (destinations.py, issue 11) --------------------------------------------------------

def _staged_alg(fail_after_first=False, cancel=False):
    """A SonaeAlgorithm writing two outputs; optionally failing (or being cancelled) after the first write."""
    from qgis.core import QgsProcessingParameterFeatureSink, QgsProcessingParameterFeatureSource
    from sonae.engine.errors import Cancelled, SonaeInputError
    from sonae.processing_algorithms.base import SonaeAlgorithm
    from sonae.processing_algorithms import qgis_io

    class TwoOutputs(SonaeAlgorithm):
        ALG_ID = "twooutputs"
        GROUP = "report"

        def initParameters(self, config=None):
            self.add(QgsProcessingParameterFeatureSource("INPUT", "in", optional=True), "in")
            self.add(QgsProcessingParameterFeatureSink("A", "a"), "a")
            self.add(QgsProcessingParameterFeatureSink("B", "b"), "b")

        def compute(self, parameters, context, feedback, progress):
            a = qgis_io.write_frame(self, parameters, "A", context, _frame(40), feedback)
            if fail_after_first:
                raise SonaeInputError("boom after the first output", "最初の出力の後で失敗")
            if cancel:
                raise Cancelled()
            b = qgis_io.write_frame(self, parameters, "B", context, _frame(30), feedback)
            return {"A": a, "B": b}

    alg = TwoOutputs()
    alg.initAlgorithm()
    return alg


def _run_direct(alg, params):
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback
    return alg.processAlgorithm(params, QgsProcessingContext(), QgsProcessingFeedback())


def _tables(path):
    import sqlite3
    con = sqlite3.connect(path)
    try:
        return sorted(r[0] for r in con.execute("SELECT table_name FROM gpkg_contents"))
    finally:
        con.close()


def test_failed_run_leaves_no_file_and_keeps_previous_output(qgis_app, tmp_path):
    """Output A written, then the run fails: A's new file never appears, B's previous file is byte-identical,
    no staging folder is left, and an existing GeoPackage gets no temporary table."""
    import hashlib
    from qgis.core import QgsProcessingException
    prev = tmp_path / "b.gpkg"
    _run_direct(_staged_alg(), {"A": str(tmp_path / "first.gpkg"), "B": str(prev)})
    before = hashlib.sha256(prev.read_bytes()).hexdigest()
    listing = sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(QgsProcessingException, match="boom"):
        _run_direct(_staged_alg(fail_after_first=True), {"A": str(tmp_path / "new.gpkg"), "B": str(prev)})
    assert sorted(p.name for p in tmp_path.iterdir()) == listing
    assert hashlib.sha256(prev.read_bytes()).hexdigest() == before
    # the same into an existing GeoPackage (A as a new table of b.gpkg): no sonae_tmp_ table survives
    with pytest.raises(QgsProcessingException):
        _run_direct(_staged_alg(fail_after_first=True),
                    {"A": f"ogr:dbname='{prev}' table=\"extra\" (geom)", "B": str(tmp_path / "x.gpkg")})
    assert _tables(prev) == ["b"]
    assert sorted(p.name for p in tmp_path.iterdir()) == listing


def test_cancelled_run_keeps_everything(qgis_app, tmp_path):
    out = tmp_path / "a.gpkg"
    result = _run_direct(_staged_alg(cancel=True), {"A": str(out), "B": str(tmp_path / "b.gpkg")})
    assert result == {} and list(tmp_path.iterdir()) == []


def test_successful_run_commits_both_and_adds_a_table_beside_others(qgis_app, tmp_path):
    """Both outputs appear only at the end; a second run into the same GeoPackage adds tables, keeps the first."""
    book = tmp_path / "book.gpkg"
    res = _run_direct(_staged_alg(), {"A": f"ogr:dbname='{book}' table=\"a1\" (geom)",
                                      "B": f"ogr:dbname='{book}' table=\"b1\" (geom)"})
    assert _tables(book) == ["a1", "b1"] and res["A"].endswith("layername=a1")
    _run_direct(_staged_alg(), {"A": str(book), "B": f"ogr:dbname='{book}' table=\"b2\" (geom)"})
    assert _tables(book) == ["a1", "b1", "b2", "book"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["book.gpkg"]
    layer, _rows = _read(f"{book}|layername=b2")
    assert layer.featureCount() == 30


def test_output_equal_to_input_is_refused_before_writing(qgis_app, tmp_path):
    from qgis.core import QgsProcessingException
    src = tmp_path / "in.gpkg"
    _run_direct(_staged_alg(), {"A": f"ogr:dbname='{src}' table=\"facilities\" (geom)",
                                "B": f"ogr:dbname='{src}' table=\"other\" (geom)"})
    with pytest.raises(QgsProcessingException, match="facilities") as exc:
        _run_direct(_staged_alg(), {"INPUT": f"{src}|layername=facilities", "A": str(tmp_path / "ok.gpkg"),
                                    "B": f"ogr:dbname='{src}' table=\"facilities\" (geom)"})
    assert "入力" in str(exc.value) and "input" in str(exc.value)
    assert _tables(src) == ["facilities", "other"] and not (tmp_path / "ok.gpkg").exists()


def test_qgis_table_names_and_spreadsheet_safety(qgis_app):
    from sonae.processing_algorithms.destinations import qgis_table_name, quote_ident, spreadsheet_safe
    assert qgis_table_name("/x/facilities_2026.03.31.gpkg") == "facilities_2026"
    assert qgis_table_name('/x/a"b.gpkg') == 'a"b'
    assert quote_ident('note"s') == '"note""s"'
    cells = ["=cmd|' /C calc'!A0", "+81 87", "-5", "@SUM(A1)", "\tx", "\rx", "ok", "", 12, -3.5, None]
    assert [spreadsheet_safe(c) for c in cells] == [
        "'=cmd|' /C calc'!A0", "'+81 87", "'-5", "'@SUM(A1)", "'\tx", "'\rx", "ok", "", 12, -3.5, None]


def test_dialog_style_destination_loads_the_committed_layer(qgis_app, tmp_path):
    """As the Processing dialog passes it (QgsProcessingOutputLayerDefinition with a project): the output is staged,
    committed, and the layer QGIS loads on completion is the final file, not the staging copy."""
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsProcessingOutputLayerDefinition, \
        QgsProject, QgsVectorLayer
    out = tmp_path / "dialog.gpkg"
    definition = QgsProcessingOutputLayerDefinition(str(out), QgsProject.instance())
    definition.destinationName = "dialog output"
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    alg = _staged_alg()
    res = alg.processAlgorithm({"A": definition, "B": "TEMPORARY_OUTPUT"}, context, QgsProcessingFeedback())
    assert res["A"] == str(out) and out.exists()
    assert list(context.layersToLoadOnCompletion()) == [str(out)] or str(out) in context.layersToLoadOnCompletion()
    assert not any(".sonae-staging-" in k for k in context.layersToLoadOnCompletion())
    assert QgsVectorLayer(str(out), "x", "ogr").featureCount() == 40
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dialog.gpkg"]
