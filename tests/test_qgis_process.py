"""sonae:importshelters through a real `qgis_process` subprocess gives the same layer as processing.run."""
from __future__ import annotations

import json

from .conftest import shared_data
from .qgis_env import qgis_process


def _features(path):
    from qgis.core import QgsVectorLayer
    layer = QgsVectorLayer(path, "x", "ogr")
    assert layer.isValid()
    names = [f.name() for f in layer.fields() if f.name() != "fid"]
    rows = []
    for f in layer.getFeatures():
        p = f.geometry().asPoint()
        rows.append(tuple(str(f[n]) for n in names) + (p.x(), p.y()))
    return names, rows, layer.crs().authid()


def test_qgis_process_lists_the_sonae_provider(tmp_path, qgis_app):
    proc = qgis_process(["list", "--json"], str(tmp_path))
    assert proc.returncode == 0, proc.stderr
    listing = json.loads(proc.stdout)
    assert "sonae" in listing["providers"]
    algs = listing["providers"]["sonae"]["algorithms"]
    assert "sonae:importshelters" in algs


def test_qgis_process_run_matches_processing_run(tmp_path, run_alg):
    inputs = [shared_data("kumamoto", "shelters", "gsi_emergency_431001.geojson"),
              shared_data("kumamoto", "shelters", "gsi_evacuation_431001.geojson")]
    a = str(tmp_path / "processing_run.gpkg")
    b = str(tmp_path / "qgis_process.gpkg")
    in_process = run_alg("sonae:importshelters", {"INPUTS": inputs, "OUTPUT": a})
    params = json.dumps({"inputs": {"INPUTS": inputs, "OUTPUT": b}})
    proc = qgis_process(["run", "sonae:importshelters", "--json", "-"], str(tmp_path / "home"), stdin=params)
    assert proc.returncode == 0, proc.stderr
    results = json.loads(proc.stdout)["results"]
    assert results["FEATURE_COUNT"] == in_process["FEATURE_COUNT"] == 319
    assert results["MERGED_COUNT"] == in_process["MERGED_COUNT"]
    assert _features(a) == _features(b)


def test_qgis_process_reports_bad_input_without_output(tmp_path, qgis_app):
    bad = tmp_path / "bad.csv"
    bad.write_text("a,b\n1,2\n", encoding="utf-8")
    out = tmp_path / "out.gpkg"
    proc = qgis_process(["run", "sonae:importshelters", f"--INPUTS={bad}", f"--OUTPUT={out}"],
                        str(tmp_path / "home"))
    assert proc.returncode != 0
    assert "unknown header layout" in proc.stdout + proc.stderr
    assert not out.exists()
