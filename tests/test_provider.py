"""Every algorithm of the sonae provider follows the shared contract of processing_algorithms/base.py."""
from __future__ import annotations

import os
import re

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))


def _algorithms():
    from qgis.core import QgsApplication
    provider = QgsApplication.processingRegistry().providerById("sonae")
    assert provider is not None
    return provider.algorithms()


def test_provider_is_registered_with_algorithms(qgis_app):
    from sonae.processing_algorithms.provider import algorithm_classes
    ids = {a.id() for a in _algorithms()}
    assert "sonae:importshelters" in ids
    assert ids == {f"sonae:{cls.ALG_ID}" for cls in algorithm_classes()}


def test_every_algorithm_has_stable_id_group_help_and_parameter_help(qgis_app):
    from sonae.processing_algorithms.base import GROUPS
    for alg in _algorithms():
        assert re.fullmatch(r"[a-z][a-z0-9]*", alg.name()), alg.name()
        assert alg.groupId() in GROUPS, (alg.id(), alg.groupId())
        assert alg.displayName() and "/" in alg.displayName(), alg.id()  # "English / 日本語"
        help_text = alg.shortHelpString()
        assert len(help_text) > 80, alg.id()
        for param in alg.parameterDefinitions():
            assert param.help(), f"{alg.id()} parameter {param.name()} has no help text"
            assert f"<code>{param.name()}</code>" in help_text, (alg.id(), param.name())


def test_cancelled_run_leaves_no_output(qgis_app, tmp_path):
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback
    from .conftest import shared_data
    feedback = QgsProcessingFeedback()
    feedback.cancel()
    out = tmp_path / "cancelled.gpkg"
    processing.run("sonae:importshelters",
                   {"INPUTS": [shared_data("miyazaki", "shelters", "gsi_emergency_452017.geojson")],
                    "OUTPUT": str(out)}, feedback=feedback, context=QgsProcessingContext())
    assert not out.exists()


def test_progress_maps_sub_ranges_and_raises_on_cancel():
    from sonae.engine.errors import Cancelled
    from sonae.engine.progress import Progress
    seen = []
    cancelled = {"flag": False}
    progress = Progress(seen.append, lambda: cancelled["flag"])
    child = progress.sub(0.5, 1.0)
    child.update(0.5)
    assert seen == [0.75]
    cancelled["flag"] = True
    with pytest.raises(Cancelled):
        child.update(0.6)


def test_missing_dependencies_are_named_with_versions(monkeypatch):
    import shapely
    from sonae.plugin import dependencies
    monkeypatch.setitem(dependencies.PACKAGES, "shapely", ("shapely", "99.0", True))
    monkeypatch.setitem(dependencies.PACKAGES, "sonae_no_such_module", ("sonae-no-such", "1.0", False))
    dependencies.refresh()
    try:
        missing = dependencies.missing(["numpy", "shapely", "sonae_no_such_module"])
    finally:
        dependencies.refresh()
    assert missing == [f"shapely>=99.0 (found {shapely.__version__})", "sonae-no-such>=1.0"]
    assert dependencies._version_tuple("2.0.7") > dependencies._version_tuple("2.0") > (1, 8, 5)
    assert dependencies._version_tuple("2.1.0rc1") == (2, 1, 0)


def test_an_algorithm_with_a_missing_package_is_listed_and_says_what_to_install(qgis_app, monkeypatch, tmp_path):
    import processing
    from qgis.core import QgsApplication, QgsProcessingException
    from sonae.plugin import dependencies
    from sonae.processing_algorithms.stockpile_template import StockpileTemplate
    monkeypatch.setattr(StockpileTemplate, "REQUIRES", ("numpy", "sonae_no_such_module"))
    dependencies.refresh()
    alg = QgsApplication.processingRegistry().createAlgorithmById("sonae:stockpiletemplate")
    ok, why = alg.canExecute()
    assert ok is False
    assert "sonae_no_such_module" in why and "依存パッケージのインストール" in why and "Install dependencies" in why
    assert "sonae_no_such_module" in alg.shortHelpString()
    out = tmp_path / "t.xlsx"
    with pytest.raises(QgsProcessingException, match="sonae_no_such_module"):
        processing.run("sonae:stockpiletemplate", {"OUTPUT": str(out)})
    assert not out.exists()


def test_loading_the_provider_imports_no_scientific_library(tmp_path):
    """qgis_process pays nothing for Sonae's libraries: the provider and every algorithm module load with qgis and
    the standard library only (issue 16.1)."""
    import json
    import subprocess
    import sys
    code = (
        "import json, sys\n"
        "from qgis.core import QgsApplication\n"
        "app = QgsApplication([], False); app.initQgis()\n"
        "before = set(sys.modules)\n"
        "from sonae.processing_algorithms.provider import SonaeProvider\n"
        "p = SonaeProvider(); assert QgsApplication.processingRegistry().addProvider(p)\n"
        "for a in p.algorithms(): a.shortHelpString(); a.canExecute()\n"
        "print(json.dumps({'n': len(p.algorithms()), 'new': sorted(set(sys.modules) - before)}))\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                          cwd=os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
    assert proc.returncode == 0, proc.stderr[-2000:]
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    assert out["n"] >= 16
    heavy = {"numpy", "pandas", "geopandas", "shapely", "pyogrio", "scipy", "rasterio", "pvlib", "exactextract",
             "jismesh", "openpyxl", "h5py", "pyproj"}
    loaded = {m.split(".")[0] for m in out["new"]}
    assert not (heavy & loaded), sorted(heavy & loaded)
    engine = sorted(m for m in out["new"] if m.startswith("sonae.engine.") and m not in (
        "sonae.engine.errors", "sonae.engine.progress", "sonae.engine.rules", "sonae.engine.energy"))   # JSON readers
    assert engine == [], engine


def test_every_algorithm_has_a_group_icon_a_short_description_and_tags(qgis_app):
    from sonae.processing_algorithms.base import GROUPS
    for alg in _algorithms():
        assert os.path.exists(alg.svgIconPath()) and alg.svgIconPath().endswith(f"{alg.groupId()}.svg")
        assert not alg.icon().isNull()
        short = alg.shortDescription()
        assert 20 < len(short) <= 240 and short[-1] in ".。…", (alg.id(), short)
        assert "<" not in short, short
        assert {"sonae", alg.groupId()} <= set(alg.tags()), alg.tags()
    assert {os.path.splitext(f)[0] for f in os.listdir(os.path.join(ROOT, "plugin", "icons"))} >= set(GROUPS)


def test_enum_names_indexes_and_refusals(qgis_app):
    """Static-string enums: the name is the value; an index (old models) maps to its name; an unknown name or an
    index out of range is refused in both languages."""
    from qgis.core import QgsProcessingContext, QgsProcessingParameterEnum
    from sonae.processing_algorithms.base import SonaeAlgorithm, labelled_enum

    class Probe(SonaeAlgorithm):
        ALG_ID = ""

        def initParameters(self, config=None):
            self.add(labelled_enum(QgsProcessingParameterEnum("KIND", "Kind", options=["depth_m", "rank"],
                                                              defaultValue="rank", usesStaticStrings=True),
                                   {"depth_m": "Depth (m) / 浸水深（m）", "rank": "Depth rank / 浸水深ランク"}),
                     "Kind. / 種類。")

    alg = Probe()
    alg.initAlgorithm()
    ctx = QgsProcessingContext()
    assert alg.enum_value({"KIND": "depth_m"}, "KIND", ctx) == "depth_m"
    assert alg.enum_value({}, "KIND", ctx) == "rank"
    assert alg.enum_value({"KIND": 0}, "KIND", ctx) == "depth_m"          # a saved index
    assert alg.checkParameterValues({"KIND": 1}, ctx)[0] is True
    ok, msg = alg.checkParameterValues({"KIND": "flood_depth"}, ctx)
    assert ok is False and "flood_depth" in msg and "depth_m, rank" in msg and "選択肢" in msg
    ok, msg = alg.checkParameterValues({"KIND": 7}, ctx)
    assert ok is False and "7" in msg and "0～1" in msg and "0-1" in msg
    meta = alg.parameterDefinition("KIND").metadata()["widget_wrapper"]
    assert meta["class"] == "sonae.processing_algorithms._enum_widget.LabelledEnumWrapper"
    assert meta["labels"]["rank"] == "Depth rank / 浸水深ランク"


def test_labelled_enum_widget_shows_labels_and_stores_ids(qgis_app, qtbot):
    from processing.gui.wrappers import WidgetWrapperFactory
    from qgis.core import QgsProcessingParameterEnum
    from qgis.PyQt.QtWidgets import QWidget
    from sonae.processing_algorithms.base import labelled_enum
    param = labelled_enum(QgsProcessingParameterEnum("KIND", "Kind", options=["depth_m", "rank"],
                                                     defaultValue="rank", usesStaticStrings=True),
                          {"depth_m": "Depth (m) / 浸水深（m）", "rank": "Depth rank / 浸水深ランク"})
    dialog = QWidget()
    qtbot.addWidget(dialog)
    wrapper = WidgetWrapperFactory.create_wrapper(param, dialog)
    combo = wrapper.widget
    assert [combo.itemText(i) for i in range(combo.count())] == ["Depth (m) / 浸水深（m）", "Depth rank / 浸水深ランク"]
    assert wrapper.value() == "rank"
    wrapper.setValue("depth_m")
    assert wrapper.value() == "depth_m"
    wrapper.setValue(1)                      # an index from an old model
    assert wrapper.value() == "rank"


def test_a_package_only_some_inputs_need_is_named_when_missing(qgis_app, monkeypatch, tmp_path):
    """exposedpopulation needs jismesh only for mesh codes: with jismesh missing the run is refused in both
    languages naming jismesh and the installer, and nothing is written."""
    import builtins
    import processing
    from qgis.core import QgsProcessingException
    from .conftest import shared_data
    real_import = builtins.__import__

    def no_jismesh(name, *args, **kwargs):
        if name.split(".")[0] == "jismesh":
            raise ModuleNotFoundError("No module named 'jismesh'", name="jismesh")
        return real_import(name, *args, **kwargs)

    csv = tmp_path / "mesh.csv"
    csv.write_text("mesh,pop\n50303552,100\n", encoding="utf-8")
    out = tmp_path / "out.gpkg"
    monkeypatch.setattr(builtins, "__import__", no_jismesh)
    import sys
    for name in [m for m in sys.modules if m == "jismesh" or m.startswith("jismesh.")]:
        monkeypatch.delitem(sys.modules, name)
    with pytest.raises(QgsProcessingException) as exc:
        processing.run("sonae:exposedpopulation", {
            "POPULATION": str(csv), "POPULATION_FIELD": "pop",
            "MESH_CODE_FIELD": "mesh", "HAZARD": shared_data("kumamoto", "flood",
                                                             "kumamoto_flood_max_depthrank_A31b23.tif"),
            "VALUE_KIND": "rank", "OUTPUT": str(out)})
    assert "jismesh>=2.1" in str(exc.value) and "依存パッケージのインストール" in str(exc.value)
    assert "Install dependencies" in str(exc.value)
    assert not out.exists()
