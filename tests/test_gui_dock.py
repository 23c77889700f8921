"""The Sonae dock, menu and toolbar driven with pytest-qt in a real QgsApplication (own minimal iface, no mocks)."""
from __future__ import annotations

import os
import types

import numpy as np
import pandas as pd
import pytest

from .test_report_mapbook import _write_gpkg

ROOT = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))
DATA = os.path.join(ROOT, "demo", "data", "takamatsu")
SHELTERS_CSV = os.path.join(DATA, "evacuation_space.csv")
FLOOD = os.path.join(DATA, "takamatsu_flood_max_depthrank_A31b23.tif")
POPULATION = os.path.join(DATA, "population_by_town_age_202602_points.geojson")


class Iface:
    """Just what plugin/gui.py and plugin/dock.py call, on a real QMainWindow."""

    def __init__(self):
        from qgis.PyQt.QtWidgets import QMainWindow
        self.window = QMainWindow()
        self.help_menu = self.window.menuBar().addMenu("Help")

    def mainWindow(self):  # noqa: N802
        return self.window

    def addToolBar(self, name):  # noqa: N802
        bar = self.window.addToolBar(name)
        return bar

    def addDockWidget(self, area, dock):  # noqa: N802
        self.window.addDockWidget(area, dock)

    def removeDockWidget(self, dock):  # noqa: N802
        self.window.removeDockWidget(dock)

    def firstRightStandardMenu(self):  # noqa: N802
        return self.help_menu


@pytest.fixture
def clean_project(qgis_app):
    from qgis.core import QgsProject
    QgsProject.instance().removeAllMapLayers()
    yield QgsProject.instance()
    QgsProject.instance().removeAllMapLayers()


def _add(project, uri, name, provider="ogr"):
    from qgis.core import QgsRasterLayer, QgsVectorLayer
    layer = QgsRasterLayer(uri, name) if provider == "gdal" else QgsVectorLayer(uri, name, provider)
    assert layer.isValid(), uri
    project.addMapLayer(layer)
    return layer


def test_menu_toolbar_and_dock_are_built_and_removed(qtbot, clean_project):
    from qgis.PyQt.QtWidgets import QMenu
    from sonae.plugin.gui import build_gui, remove_gui
    from sonae.processing_algorithms.provider import algorithm_classes
    iface = Iface()
    plugin = types.SimpleNamespace(iface=iface, menu=None, toolbar=None, actions=[], dock=None)
    build_gui(plugin)
    qtbot.addWidget(iface.window)
    menu = iface.window.findChild(QMenu, "sonaeMenu")
    assert menu is not None and "Sonae" in menu.title()
    names = {a.objectName() for sub in menu.findChildren(QMenu) for a in sub.actions()}
    assert {f"sonae_{c.ALG_ID}" for c in algorithm_classes()} <= names
    assert "sonae_councilmapbook" in names
    assert plugin.dock is not None and plugin.dock.objectName() == "sonaeDock"
    toggle = [a for a in plugin.toolbar.actions() if a.objectName() == "sonae_dock_toggle"]
    assert len(toggle) == 1
    iface.window.show()
    plugin.dock.show()
    toggle[0].trigger()
    assert plugin.dock.isHidden()
    toggle[0].trigger()
    assert not plugin.dock.isHidden()
    remove_gui(plugin)
    assert plugin.dock is None and plugin.menu is None and plugin.toolbar is None


def test_dock_shows_headline_figures_of_project_layers(qtbot, tmp_path, clean_project):
    from sonae.plugin.dock import SonaeDock
    gpkg = _write_gpkg(str(tmp_path / "in.gpkg"), with_tables=("stockpile_sufficiency",))
    dock = SonaeDock()
    qtbot.addWidget(dock)
    assert dock.figures.rowCount() == 0
    assert "No Sonae layers" in dock.source_label.text()
    # Adding layers refreshes the dock (project signal), no button press needed.
    _add(clean_project, f"{gpkg}|layername=shelters_energy", "shelters_energy")
    _add(clean_project, f"{gpkg}|layername=stockpile_sufficiency", "stockpile_sufficiency")
    values = list(dock.figure_values().values())
    # By hand from the six rows of the test table (see test_report_mapbook): stay shelters rows 1-5 (row 6 is a
    # park); conflicts rows 1 and 4; evacuees 1234+805+2210+76+15; capacity 1000+300+900+1500+80;
    # lowest days of the receiving shelters 0.75; hours < 72 among the stay shelters: 12.5, 0, 30.
    assert values == ["5か所", "2か所", "4,340人 / 3,780人", "0.8日", "3か所"]
    # The same definitions as the map book (engine.report_figures), label for label.
    from sonae.engine import report_figures as rf
    labels = list(dock.figure_values().keys())
    assert labels[0].endswith(rf.FIGURE_BY_KEY["shelters"].label_ja)
    assert labels[4].endswith(rf.FIGURE_BY_KEY["under_72h"].label_ja)
    assert "shelters_energy" in dock.source_label.text()
    assert "subsidy_scope" in dock.source_label.text()          # said to be missing, not invented
    clean_project.removeAllMapLayers()
    assert dock.figures.rowCount() == 0
    dock.cleanup()


def _expected_facilities():
    """Rows of the city CSV with usable coordinates (read here with pandas, not with the importer)."""
    t = pd.read_csv(SHELTERS_CSV)
    lat = pd.to_numeric(t["latitude"], errors="coerce")
    lon = pd.to_numeric(t["longitude"], errors="coerce")
    return int(((lat > 20) & (lat < 46) & (lon > 122) & (lon < 154)).sum())


@pytest.mark.skipif(not os.path.exists(FLOOD), reason="bundled Takamatsu data")
def test_dock_runs_the_workflow_in_the_background(qtbot, tmp_path, clean_project):
    import pyogrio
    from qgis.PyQt.QtCore import QTimer
    from sonae.plugin.dock import SonaeDock
    _add(clean_project, FLOOD, "flood", "gdal")
    pop = _add(clean_project, POPULATION, "population")
    dock = SonaeDock()
    qtbot.addWidget(dock)
    dock.shelter_files.setFilePath(f'"{SHELTERS_CSV}"')
    dock.flood.setLayer(clean_project.mapLayersByName("flood")[0])
    dock.population.setLayer(pop)
    dock.population_field.setField("totalPopulation")
    dock.zone_field.setField("regionName")
    out = str(tmp_path / "wf.gpkg")
    dock.output.setFilePath(out)
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(dock.task is not None))
    timer.start(10)
    qtbot.mouseClick(dock.run_button, 1)  # Qt.LeftButton
    assert dock.task is not None and not dock.run_button.isEnabled() and dock.cancel_button.isEnabled()
    assert [s[0] for s in dock.task.steps] == ["sonae:importshelters", "sonae:hazardexposure",
                                               "sonae:sheltercatchments"]
    with qtbot.waitSignal(dock.task.done, timeout=90000) as blocker:
        pass
    timer.stop()
    assert blocker.args[0] is True, dock.status.text()
    assert sum(ticks) >= 5               # the event loop kept running while the task worked: QGIS not frozen
    assert dock.progress.value() == 100 and dock.run_button.isEnabled()
    tables = {n for n, _ in pyogrio.list_layers(out)}
    assert {"facilities", "facilities_hazard", "shelters", "population_catchment"} <= tables
    fac = pyogrio.read_dataframe(out, layer="facilities", read_geometry=False)
    assert len(fac) == _expected_facilities()
    sh = pyogrio.read_dataframe(out, layer="shelters", read_geometry=False)
    people = pyogrio.read_dataframe(POPULATION, read_geometry=False)["totalPopulation"].sum()
    # every evacuee (whole people, population x rate) is either placed within capacity or reported unplaced
    pc = pyogrio.read_dataframe(out, layer="population_catchment", read_geometry=False)
    assert pc["population"].sum() == pytest.approx(people)
    assert sh["evacuees"].sum() + pc["unassigned_evacuees"].sum() == pc["evacuees"].sum()
    assert (sh["evacuees"] <= sh["capacity_calc"]).all()                  # capacity-limited (issue 12)
    # The results are loaded into the project and the figures follow.
    assert clean_project.mapLayersByName("shelters")
    values = list(dock.figure_values().values())
    stay = int(((sh["designated_shelter"] == 1) | (sh["welfare_shelter"] == 1)).sum())   # stay shelters only
    assert values[0] == f"{stay:,}か所"
    assert values[2] == f"{int(round(sh['evacuees'].sum())):,}人 / {int(round(sh['capacity_calc'].sum())):,}人"
    dock.cleanup()


@pytest.mark.skipif(not os.path.exists(FLOOD), reason="bundled Takamatsu data")
def test_dock_cancel_stops_the_workflow(qtbot, tmp_path, clean_project):
    from qgis.core import QgsTask
    from sonae.plugin.dock import SonaeDock
    _add(clean_project, FLOOD, "flood", "gdal")
    dock = SonaeDock()
    qtbot.addWidget(dock)
    dock.shelter_files.setFilePath(f'"{SHELTERS_CSV}"')
    dock.flood.setLayer(clean_project.mapLayersByName("flood")[0])
    out = str(tmp_path / "wf.gpkg")
    dock.output.setFilePath(out)
    qtbot.mouseClick(dock.run_button, 1)
    task = dock.task
    with qtbot.waitSignal(task.done, timeout=60000) as blocker:
        qtbot.mouseClick(dock.cancel_button, 1)
    assert blocker.args[0] is False
    assert task.status() == QgsTask.Terminated
    assert "中止" in dock.status.text()
    assert dock.run_button.isEnabled() and not dock.cancel_button.isEnabled()
    dock.cleanup()


def test_dock_asks_for_missing_inputs(qtbot, clean_project):
    from sonae.plugin.dock import SonaeDock
    dock = SonaeDock()
    qtbot.addWidget(dock)
    qtbot.mouseClick(dock.run_button, 1)
    assert dock.task is None
    assert "GeoPackage" in dock.status.text() and "選んでください" in dock.status.text()
    dock.cleanup()


def test_flood_rank_raster_is_what_the_workflow_samples():
    """Guard for the workflow test data: the bundled raster has depth-rank codes 0-6 only."""
    import rasterio
    with rasterio.open(FLOOD) as ds:
        values = np.unique(ds.read(1, out_shape=(1, 400, 400)))
    assert set(values.tolist()) <= set(range(7))


def test_background_workflow_runs_energy_districts_and_subsidy(qtbot, tmp_path, clean_project):
    """The whole chain in the task manager's thread, with an energy table written here: the subsidy city row adds
    up the facility rows, and every shelter with equipment from the table carries it."""
    import pyogrio
    from qgis.core import QgsApplication
    from sonae.plugin.workflow import WorkflowInputs, WorkflowTask
    assets = tmp_path / "assets.csv"
    pd.DataFrame([("takamatsu_city:evacuation_space:2", 10.0, 20.0, 5.0, 0.8),
                  ("takamatsu_city:evacuation_space:3", 0.0, 11.2, 3.0, 0.5)],
                 columns=["facility_id", "pv_kw", "battery_kwh", "battery_kw", "battery_soc"]).to_csv(assets,
                                                                                                     index=False)
    out = str(tmp_path / "wf.gpkg")
    inputs = WorkflowInputs(shelter_files=[SHELTERS_CSV], gpkg=out, flood=FLOOD, population=POPULATION,
                            population_field="totalPopulation", zone_id_field="regionName",
                            energy_assets=str(assets), fiscal_index=0.79)
    task = WorkflowTask(inputs)
    assert [s[0] for s in task.steps] == ["sonae:importshelters", "sonae:hazardexposure", "sonae:sheltercatchments",
                                          "sonae:outageautonomy", "sonae:sizeforautonomy", "sonae:districtlayout",
                                          "sonae:subsidyscope"]
    assert inputs.skipped == []
    with qtbot.waitSignal(task.done, timeout=400000) as blocker:   # a hang guard, not a speed test
        QgsApplication.taskManager().addTask(task)
    assert blocker.args[0] is True, task.message
    se = pyogrio.read_dataframe(out, layer="shelters_energy", read_geometry=False).set_index("id")
    assert se.loc["takamatsu_city:evacuation_space:2", "battery_kwh"] == 20.0
    assert se.loc["takamatsu_city:evacuation_space:3", "pv_kw"] == 0.0
    sub = pyogrio.read_dataframe(out, layer="subsidy_scope", read_geometry=False)
    city = sub[sub["row_type"] == "city"].iloc[0]
    assert int(city["subsidy_yen"]) == int(sub.loc[sub["row_type"] == "facility", "subsidy_yen"].fillna(0).sum())
    assert len(pyogrio.read_dataframe(out, layer="districts", read_geometry=False)) > 0
    # Without a fiscal index the subsidy step is skipped and said so.
    inputs.fiscal_index = None
    steps = [s[0] for s in WorkflowTask(inputs).steps]
    assert "sonae:subsidyscope" not in steps and inputs.skipped == ["sonae:subsidyscope"]


def test_dock_fiscal_index_is_optional(qtbot, tmp_path, clean_project):
    from sonae.plugin.dock import SonaeDock
    dock = SonaeDock()
    qtbot.addWidget(dock)
    dock.shelter_files.setFilePath(f'"{SHELTERS_CSV}"')
    dock.output.setFilePath(str(tmp_path / "wf.gpkg"))
    assert dock.fiscal_index.text() == "—" and dock.workflow_inputs().fiscal_index is None
    dock.fiscal_index.setValue(0.79)
    assert dock.workflow_inputs().fiscal_index == pytest.approx(0.79)
    dock.cleanup()
