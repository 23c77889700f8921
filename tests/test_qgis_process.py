"""sonae:importshelters through a real `qgis_process` subprocess gives the same layer as processing.run."""
from __future__ import annotations

import json

import pytest

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


def test_exposed_population_on_polygons_runs_inside_qgis_process(tmp_path, run_alg):
    """exactextract crashes inside the QGIS binaries; Sonae runs it in a child Python there (engine/zonal_worker).

    The qgis_process result must equal the in-process one, and conserve the mesh population (Σ ptn_2020)."""
    import pyogrio
    mesh = shared_data("kumamoto", "population_dem_subset", "ksj_mesh500h30_pop_subset.geojson")
    flood = shared_data("kumamoto", "flood", "kumamoto_flood_max_depthrank_A31b23.tif")
    params = {"POPULATION": mesh, "POPULATION_FIELD": "ptn_2020", "HAZARD": flood, "VALUE_KIND": 1}
    a = str(tmp_path / "in_process.gpkg")
    b = str(tmp_path / "qgis_process.gpkg")
    run_alg("sonae:exposedpopulation", dict(params, OUTPUT=a))
    proc = qgis_process(["run", "sonae:exposedpopulation", "--json", "-"], str(tmp_path / "home"),
                        stdin=json.dumps({"inputs": dict(params, OUTPUT=b)}))
    assert proc.returncode == 0, proc.stderr[-2000:]
    fa = pyogrio.read_dataframe(a, read_geometry=False)
    fb = pyogrio.read_dataframe(b, read_geometry=False)
    cols = [c for c in fa.columns if c.startswith("people_")]
    assert len(fb) == len(fa) == 172
    for c in cols:
        assert fb[c].to_numpy() == pytest.approx(fa[c].to_numpy(), abs=1e-6), c
    total = pyogrio.read_dataframe(mesh, read_geometry=False)["ptn_2020"].sum()
    parts = fb[[f"people_rank_{k}" for k in range(1, 7)] + ["people_dry", "people_no_data"]].sum(axis=1).sum()
    assert parts == pytest.approx(total, rel=1e-9)
