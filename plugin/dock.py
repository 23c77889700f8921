"""The Sonae dock: headline figures of the project's Sonae layers, and the full workflow with progress and cancel.

Figures come from ``engine.report_figures`` over the layers of the current project recognised by their fields
(the contract of DEVELOPERS.md: ``flood_conflict``, ``evacuees``/``capacity_calc``, ``hours_now``; a table with
``shelter_id`` + ``days_min``; ``row_type`` + ``subsidy_yen``). The workflow runs as a background ``QgsTask``
(plugin/workflow.py); the map book opens in the Processing dialog.
"""
from __future__ import annotations

import os

from qgis.core import (Qgis, QgsApplication, QgsProject, QgsTask, QgsVectorLayer, QgsWkbTypes)
from qgis.gui import QgsDockWidget, QgsFieldComboBox, QgsFileWidget, QgsMapLayerComboBox
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QFrame
from qgis.PyQt.QtWidgets import (QAction, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QProgressBar, QPushButton,
                                 QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget, QHeaderView, QScrollArea,
                                 QDoubleSpinBox)

from ..engine import report_figures as rf
from ..processing_algorithms.base import tr
from .workflow import WorkflowInputs, WorkflowTask

LOAD_STYLES = {"facilities": "facilities", "facilities_hazard": "facilities_hazard_flood", "shelters": "shelters",
               "shelters_energy": "shelters_energy"}


def _fields(layer):
    return {f.name() for f in layer.fields()}


def project_tables(project=None) -> dict:
    """Contract tables found among the project's vector layers, as DataFrames (read-only)."""
    from ..processing_algorithms.qgis_io import layer_to_frame
    project = project or QgsProject.instance()
    best, best_score, tables = None, -1, {}
    for layer in project.mapLayers().values():
        if not isinstance(layer, QgsVectorLayer) or not layer.isValid():
            continue
        names = _fields(layer)
        if {"shelter_id", "days_min"} <= names:
            tables["stockpile_sufficiency"] = layer_to_frame(layer, geometry=False)
        elif {"row_type", "subsidy_yen"} <= names:
            tables["subsidy_scope"] = layer_to_frame(layer, geometry=False)
        elif "id" in names and layer.geometryType() == Qgis.GeometryType.Point:
            score = sum(k in names for k in ("flood_conflict", "evacuees", "capacity_calc", "hours_now"))
            if score > best_score:
                best, best_score = layer, score
    if best is not None:
        tables["shelters"] = layer_to_frame(best)
        tables["_points_layer"] = best.name()
    return tables


DOCK_FIGURES = ("shelters", "conflicts", "evacuees", "days_min", "under_72h")


def headline_rows(tables: dict) -> list[tuple[str, str]]:
    """(label, value) for the dock: the headline figures with the map book's definitions (engine.report_figures:
    one definition per figure; the whole area, every district's money from the districts table)."""
    if not any(k in tables for k in rf.POINT_TABLES):
        return []
    districts = tables.get("districts")
    dids = districts["district_id"].astype(str).tolist() if districts is not None and "district_id" in \
        districts.columns else None
    values = rf.page_figures(tables, None, district_ids=dids).values()
    from ..processing_algorithms.base import ui_language
    ja = ui_language() == "ja"                   # Japanese UI: the Japanese label alone, as tr() would give
    rows = []
    for key in DOCK_FIGURES:
        f = rf.FIGURE_BY_KEY[key]
        rows.append((f.label_ja if ja else f"{f.label_en} / {f.label_ja}", values[key]))
    return rows


class SonaeDock(QgsDockWidget):
    def __init__(self, iface=None, parent=None):
        super().__init__(tr("Sonae (備え)"), parent)
        self.setObjectName("sonaeDock")
        self.iface = iface
        self.task = None
        self.last_gpkg = None
        self.tick_count = 0
        body = QWidget(self)
        outer = QVBoxLayout(body)

        box = QGroupBox(tr("Headline figures / 主な数値"), body)
        lay = QVBoxLayout(box)
        self.source_label = QLabel(box)
        self.source_label.setObjectName("sonaeFiguresSource")
        self.source_label.setWordWrap(True)
        self.figures = QTableWidget(0, 2, box)
        self.figures.setObjectName("sonaeFigures")
        self.figures.horizontalHeader().setVisible(False)
        self.figures.verticalHeader().setVisible(False)
        self.figures.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.figures.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.refresh_button = QPushButton(tr("Refresh / 更新"), box)
        self.refresh_button.setObjectName("sonaeRefresh")
        self.refresh_button.clicked.connect(self.refresh)
        lay.addWidget(self.source_label)
        lay.addWidget(self.figures)
        lay.addWidget(self.refresh_button)
        outer.addWidget(box)

        run = QGroupBox(tr("Full workflow / 一括実行"), body)
        form = QFormLayout(run)
        self.shelter_files = QgsFileWidget(run)
        self.shelter_files.setStorageMode(QgsFileWidget.StorageMode.GetMultipleFiles)
        self.shelter_files.setFilter(tr("Shelter files (*.csv *.geojson *.json *.tsv)"))
        self.flood = QgsMapLayerComboBox(run)
        self.flood.setFilters(Qgis.LayerFilter.RasterLayer)
        self.flood.setAllowEmptyLayer(True)
        self.flood.setLayer(None)
        self.population = QgsMapLayerComboBox(run)
        self.population.setFilters(Qgis.LayerFilter.PointLayer | Qgis.LayerFilter.PolygonLayer)
        self.population.setAllowEmptyLayer(True)
        self.population.setLayer(None)
        self.population_field = QgsFieldComboBox(run)
        self.zone_field = QgsFieldComboBox(run)
        self.zone_field.setAllowEmptyFieldName(True)
        self.population.layerChanged.connect(self.population_field.setLayer)
        self.population.layerChanged.connect(self.zone_field.setLayer)
        self.energy = QgsMapLayerComboBox(run)
        self.energy.setFilters(Qgis.LayerFilter.VectorLayer)
        self.energy.setAllowEmptyLayer(True)
        self.energy.setLayer(None)
        self.fiscal_index = QDoubleSpinBox(run)   # optional: below the minimum shows "—" (no subsidy step)
        self.fiscal_index.setObjectName("sonaeFiscalIndex")
        self.fiscal_index.setRange(-0.01, 3.0)
        self.fiscal_index.setDecimals(2)
        self.fiscal_index.setSingleStep(0.01)
        self.fiscal_index.setSpecialValueText("—")
        self.fiscal_index.setValue(-0.01)
        self.output = QgsFileWidget(run)
        self.output.setStorageMode(QgsFileWidget.StorageMode.SaveFile)
        self.output.setFilter(tr("GeoPackage (*.gpkg)"))
        form.addRow(tr("Shelter files / 避難所ファイル"), self.shelter_files)
        form.addRow(tr("Flood raster / 浸水ラスタ"), self.flood)
        form.addRow(tr("Population / 人口"), self.population)
        form.addRow(tr("Population field / 人口の項目"), self.population_field)
        form.addRow(tr("Zone id field / 区域IDの項目"), self.zone_field)
        form.addRow(tr("Energy assets / エネルギー設備"), self.energy)
        form.addRow(tr("Fiscal capability index / 財政力指数"), self.fiscal_index)
        form.addRow(tr("Output GeoPackage / 出力GeoPackage"), self.output)
        buttons = QHBoxLayout()
        self.run_button = QPushButton(tr("Run / 実行"), run)
        self.run_button.setObjectName("sonaeRun")
        self.cancel_button = QPushButton(tr("Cancel / 中止"), run)
        self.cancel_button.setObjectName("sonaeCancel")
        self.cancel_button.setEnabled(False)
        self.mapbook_button = QPushButton(tr("Map book… / 図面集…"), run)
        self.mapbook_button.setObjectName("sonaeMapbook")
        self.run_button.clicked.connect(self.start_workflow)
        self.cancel_button.clicked.connect(self.cancel_workflow)
        self.mapbook_button.clicked.connect(self.open_mapbook)
        for b in (self.run_button, self.cancel_button, self.mapbook_button):
            buttons.addWidget(b)
        form.addRow(buttons)
        self.progress = QProgressBar(run)
        self.progress.setObjectName("sonaeProgress")
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.status = QLabel(run)
        self.status.setObjectName("sonaeStatus")
        self.status.setWordWrap(True)
        form.addRow(self.progress)
        form.addRow(self.status)
        outer.addWidget(run)
        from .dependency_installer import dock_button
        outer.addWidget(dock_button(body))
        outer.addStretch(1)
        # Scrollable, so the dock can be narrower than its form (and never widens the QGIS window).
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        self.setWidget(scroll)

        project = QgsProject.instance()
        project.layersAdded.connect(self.refresh)
        project.layersRemoved.connect(self.refresh)
        self.refresh()

    # --- figures ----------------------------------------------------------------------------------------------
    def refresh(self, *_args):
        try:
            tables = project_tables()
            rows = headline_rows(tables)
        except Exception as exc:  # a broken layer must not break the dock: say which
            rows, tables = [], {}
            self.source_label.setText(tr("Could not read the Sonae layers / Sonaeのレイヤを読めません") + f": {exc}")
        self.figures.setRowCount(len(rows))
        for i, (label, value) in enumerate(rows):
            self.figures.setItem(i, 0, QTableWidgetItem(label))
            item = QTableWidgetItem(value)
            item.setTextAlignment(int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter))
            self.figures.setItem(i, 1, item)
        if rows:
            missing = rf.missing_tables(tables)
            text = tr("From layer / 元のレイヤ") + f": {tables.get('_points_layer')}"
            if missing:
                text += "\n" + tr("Not in the project (shown as —) / プロジェクトにない表（—で表示）") + ": " + \
                    ", ".join(missing)
            self.source_label.setText(text)
        elif tables == {}:
            self.source_label.setText(tr("No Sonae layers in the project / プロジェクトにSonaeのレイヤがありません"))

    def figure_values(self) -> dict:
        return {self.figures.item(i, 0).text(): self.figures.item(i, 1).text() for i in range(self.figures.rowCount())}

    # --- workflow ---------------------------------------------------------------------------------------------
    def workflow_inputs(self) -> WorkflowInputs | None:
        files = QgsFileWidget.splitFilePaths(self.shelter_files.filePath())
        gpkg = self.output.filePath()
        if not files or not gpkg:
            self.status.setText(tr("Choose the shelter files and the output GeoPackage. / 避難所ファイルと出力先の"
                                   "GeoPackageを選んでください。"))
            return None
        if not gpkg.lower().endswith(".gpkg"):
            gpkg += ".gpkg"
        flood = self.flood.currentLayer()
        pop = self.population.currentLayer()
        energy = self.energy.currentLayer()
        return WorkflowInputs(shelter_files=files, gpkg=gpkg, flood=flood.source() if flood else None,
                              population=pop.source() if pop else None,
                              population_field=self.population_field.currentField(),
                              zone_id_field=self.zone_field.currentField(),
                              energy_assets=energy.source() if energy else None,
                              fiscal_index=(self.fiscal_index.value() if self.fiscal_index.value() >= 0 else None))

    def start_workflow(self):
        if self.task is not None:
            return
        inputs = self.workflow_inputs()
        if inputs is None:
            return
        self.task = WorkflowTask(inputs)
        self.task.progressChanged.connect(lambda p: self.progress.setValue(int(round(p))))
        self.task.stepStarted.connect(lambda i, alg: self.status.setText(
            f"{i + 1}/{len(self.task.steps) if self.task else '?'}: {alg}"))
        self.task.done.connect(self._workflow_done)
        self.last_gpkg = inputs.gpkg
        self.run_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.progress.setValue(0)
        skipped = ", ".join(inputs.skipped)
        self.status.setText(tr("Running / 実行中") + (f" ({tr('skipped / 省略')}: {skipped})" if skipped else ""))
        QgsApplication.taskManager().addTask(self.task)

    def cancel_workflow(self):
        if self.task is not None:
            self.task.cancel()
            self.status.setText(tr("Cancelling… / 中止しています…"))

    def _workflow_done(self, ok, message, tables):
        task, self.task = self.task, None
        self.run_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        if task is not None and task.status() == QgsTask.TaskStatus.Terminated and not message:
            message = tr("Cancelled / 中止しました")
        self.status.setText(message)
        if ok:
            self.progress.setValue(100)
            self.load_tables(task.inputs.gpkg, tables)

    def load_tables(self, gpkg, tables):
        from ..processing_algorithms.styles import apply_style
        project = QgsProject.instance()
        root = project.layerTreeRoot()
        group = root.findGroup("Sonae") or root.insertGroup(0, "Sonae")
        for table in reversed(tables):
            layer = QgsVectorLayer(f"{gpkg}|layername={table}", table, "ogr")
            if layer.isValid():
                if table in LOAD_STYLES:
                    apply_style(layer, LOAD_STYLES[table])
                project.addMapLayer(layer, False)
                group.addLayer(layer)
        self.refresh()

    def open_mapbook(self):
        import processing
        params = {"GPKG": self.last_gpkg} if self.last_gpkg and os.path.exists(self.last_gpkg) else {}
        processing.execAlgorithmDialog("sonae:councilmapbook", params)

    def closeEvent(self, event):  # noqa: N802
        super().closeEvent(event)

    def cleanup(self):
        project = QgsProject.instance()
        try:
            project.layersAdded.disconnect(self.refresh)
            project.layersRemoved.disconnect(self.refresh)
        except TypeError:
            pass
        if self.task is not None:
            self.task.cancel()


def add_dock(plugin):
    """Called by plugin/gui.py: the dock on the right, and a toolbar/menu action toggling it."""
    iface = plugin.iface
    dock = SonaeDock(iface, iface.mainWindow())
    iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    plugin.dock = dock
    action = dock.toggleViewAction()
    action.setText(tr("Sonae panel / Sonae パネル"))
    action.setObjectName("sonae_dock_toggle")
    from qgis.PyQt.QtGui import QIcon
    from ..processing_algorithms.provider import ICON
    action.setIcon(QIcon(ICON))
    if plugin.toolbar is not None:
        plugin.toolbar.addAction(action)
    if plugin.menu is not None:
        plugin.menu.addSeparator()
        plugin.menu.addAction(action)
    return dock


def remove_dock(plugin):
    if plugin.dock is not None:
        plugin.dock.cleanup()


__all__ = ["SonaeDock", "add_dock", "remove_dock", "project_tables", "headline_rows", "QAction"]
