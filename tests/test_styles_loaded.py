"""Outputs load styled, with Japanese aliases, however they are run: processing.runAndLoadResults and a
QgsProcessingAlgRunnerTask on the real task manager (the Processing dialog's path), whose algorithm copy is gone
before the layer is loaded."""
from __future__ import annotations

import os
import xml.etree.ElementTree as ET

import pytest

from .conftest import shared_data

ROOT = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))
FLOOD = ("kumamoto", "flood", "kumamoto_flood_max_depthrank_A31b23.tif")
SHELTERS = [("kumamoto", "shelters", "gsi_emergency_431001.geojson"),
            ("kumamoto", "shelters", "gsi_evacuation_431001.geojson")]


def _qml(style):
    root = ET.parse(os.path.join(ROOT, "layers", "styles", f"{style}.qml")).getroot()
    renderer = root.find("renderer-v2")
    aliases = {a.get("field"): a.get("name") for a in root.iter("alias") if a.get("name")}
    return renderer.get("type"), renderer.get("attr"), aliases


def _loaded(project, path):
    layers = [l for l in project.mapLayers().values() if l.source().split("|")[0] == path]
    assert len(layers) == 1, [l.source() for l in project.mapLayers().values()]
    return layers[0]


def _aliases(layer):
    return {f.name(): layer.attributeAlias(i) for i, f in enumerate(layer.fields())}


@pytest.fixture
def project(qgis_app):
    from qgis.core import QgsProject
    QgsProject.instance().removeAllMapLayers()
    yield QgsProject.instance()
    QgsProject.instance().removeAllMapLayers()


def test_run_and_load_results_styles_both_outputs_with_aliases(project, tmp_path):
    import processing
    fac = processing.runAndLoadResults("sonae:importshelters", {
        "INPUTS": [shared_data(*p) for p in SHELTERS], "OUTPUT": str(tmp_path / "fac.gpkg")})
    fac_layer = _loaded(project, fac["OUTPUT"])
    rtype, rattr, fac_aliases = _qml("facilities")
    assert fac_layer.renderer().type() == rtype == "categorizedSymbol"
    assert fac_layer.renderer().classAttribute() == rattr
    assert _aliases(fac_layer)["name"] == fac_aliases["name"] == "施設・場所名"
    assert _aliases(fac_layer)["capacity_persons"] == "収容人数"

    res = processing.runAndLoadResults("sonae:hazardexposure", {
        "FACILITIES": str(tmp_path / "fac.gpkg"), "HAZARD": shared_data(*FLOOD), "HAZARD_TYPE": 0,
        "VALUE_KIND": 1, "OUTPUT": str(tmp_path / "haz.gpkg")})
    layer = _loaded(project, res["OUTPUT"])
    rtype, rattr, haz_aliases = _qml("facilities_hazard_flood")
    assert layer.renderer().type() == rtype and layer.renderer().classAttribute() == rattr == "flood_rank"
    got = _aliases(layer)
    assert got["flood_rank"] == haz_aliases["flood_rank"] == "洪水：浸水深ランク"
    # the hazard style keeps the facility aliases (its QML has only the five hazard fields)
    assert "name" not in haz_aliases and got["name"] == "施設・場所名"
    unaliased = [n for n, a in got.items() if not a and n in fac_aliases]
    assert unaliased == []


def test_algorithm_runner_task_styles_the_output_after_the_copy_is_gone(project, tmp_path, qtbot):
    import gc
    from processing.gui.Postprocessing import handleAlgorithmResults
    from qgis.core import (QgsApplication, QgsProcessingAlgRunnerTask, QgsProcessingContext,
                           QgsProcessingFeedback, QgsProcessingOutputLayerDefinition)
    alg = QgsApplication.processingRegistry().createAlgorithmById("sonae:importshelters")
    context = QgsProcessingContext()
    context.setProject(project)
    feedback = QgsProcessingFeedback()
    out = str(tmp_path / "task.gpkg")
    params = {"INPUTS": [shared_data(*p) for p in SHELTERS],
              "OUTPUT": QgsProcessingOutputLayerDefinition(out, project)}
    task = QgsProcessingAlgRunnerTask(alg, params, context, feedback)
    done = {}

    def executed(ok, results):
        done["ok"], done["results"] = ok, results
        gc.collect()            # the algorithm copy and anything it owned may be collected now
        handleAlgorithmResults(alg, context, feedback)

    task.executed.connect(executed)
    with qtbot.waitSignal(task.executed, timeout=60000):
        QgsApplication.taskManager().addTask(task)
    assert done["ok"], feedback.textLog()
    layer = _loaded(project, out)
    rtype, rattr, aliases = _qml("facilities")
    assert layer.renderer().type() == rtype and layer.renderer().classAttribute() == rattr
    assert _aliases(layer)["designated_shelter"] == aliases["designated_shelter"] == "指定避難所"


def test_every_output_with_a_style_names_an_existing_qml():
    import re
    pattern = re.compile(r'style=(?:f?"([^"]+)")')
    names = set()
    folder = os.path.join(ROOT, "processing_algorithms")
    for name in os.listdir(folder):
        if name.endswith(".py"):
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                names.update(pattern.findall(f.read()))
    assert names
    from sonae.engine.hazard import HAZARD_TYPES
    for n in names:
        expanded = [n.replace("{hazard}", h) for h in HAZARD_TYPES] if "{hazard}" in n else [n]
        for e in expanded:
            if e.startswith("facilities_hazard_") and e not in {os.path.splitext(f)[0] for f in
                                                                 os.listdir(os.path.join(ROOT, "layers", "styles"))}:
                continue     # hazard types without a style of their own fall back to the facilities chain
            assert os.path.exists(os.path.join(ROOT, "layers", "styles", f"{e}.qml")), e
