"""The full Sonae workflow as one background QgsTask, into one GeoPackage: import -> hazard -> catchments ->
energy autonomy -> PV/battery sizing -> districts (-> subsidy scope when a fiscal capability index is given).

Each step runs a registered ``sonae:`` Processing algorithm (the same code as the toolbox and ``make demo``) in
the task's thread, so QGIS never freezes; progress is the share of the current step, cancel stops the running
algorithm at its next progress check. Steps whose inputs were not chosen (or whose algorithm is not installed)
are skipped and listed. The map book (``sonae:councilmapbook``) draws layouts, which QGIS only allows on the main
thread: the dock opens it in the Processing dialog afterwards.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field

from qgis.core import (QgsApplication, QgsProcessingContext, QgsProcessingFeedback, QgsTask)
from qgis.PyQt.QtCore import pyqtSignal

from ..processing_algorithms.base import tr


@dataclass
class WorkflowInputs:
    shelter_files: list
    gpkg: str
    flood: str | None = None                 # raster source
    population: str | None = None            # vector source
    population_field: str = ""
    zone_id_field: str = ""
    energy_assets: str | None = None         # table keyed by facility_id
    fiscal_index: float | None = None        # for the subsidy scope (municipality applicant)
    skipped: list = field(default_factory=list)


def _dest(gpkg, table):
    return f"ogr:dbname='{gpkg}' table=\"{table}\" (geom)"


def _uri(gpkg, table):
    return f"{gpkg}|layername={table}"


def workflow_steps(inputs: WorkflowInputs) -> list[tuple[str, dict, str]]:
    """(algorithm id, parameters, output table) for the chosen inputs; skipped steps go to ``inputs.skipped``."""
    registry = QgsApplication.processingRegistry()
    have = {a.id() for a in registry.algorithms()}
    g = inputs.gpkg
    steps = [("sonae:importshelters", {"INPUTS": list(inputs.shelter_files), "OUTPUT": _dest(g, "facilities")},
              "facilities")]
    points = "facilities"
    inputs.skipped = []
    if inputs.flood and "sonae:hazardexposure" in have:
        steps.append(("sonae:hazardexposure", {"FACILITIES": _uri(g, "facilities"), "HAZARD": inputs.flood,
                                               "HAZARD_TYPE": "flood", "VALUE_KIND": "rank", "RADIUS_M": 0,
                                               "OUTPUT": _dest(g, "facilities_hazard")}, "facilities_hazard"))
        points = "facilities_hazard"
    else:
        inputs.skipped.append("sonae:hazardexposure")
    if inputs.population and inputs.flood and "sonae:sheltercatchments" in have:
        steps.append(("sonae:sheltercatchments", {
            "FACILITIES": _uri(g, points), "POPULATION": inputs.population,
            "POPULATION_FIELD": inputs.population_field, "ZONE_ID_FIELD": inputs.zone_id_field or None,
            "HAZARD_FIELD": "flood_conflict", "M2_PER_PERSON": "3.5m2",
            "OUTPUT": _dest(g, "shelters"), "CATCHMENTS": _dest(g, "population_catchment")}, "shelters"))
        points = "shelters"
    else:
        inputs.skipped.append("sonae:sheltercatchments")
    energy = {"FACILITIES": _uri(g, "shelters"), "ID_FIELD": "id", "EVACUEES_FIELD": "evacuees",
              "TYPE_FIELD": "facility_type", "ENERGY_ASSETS": inputs.energy_assets, "ASSET_ID_FIELD": "facility_id",
              "START_SOC": 0.5}
    energy_ok = bool(inputs.energy_assets) and points == "shelters"
    for alg_id, extra, table in (
            ("sonae:outageautonomy", {"OUTAGE_HOURS": 72}, "shelters_energy"),
            ("sonae:sizeforautonomy", {"TARGET_HOURS": 72, "TARGET_SHARE": 1.0, "PV_MODE": "raise"}, "battery_sizing")):
        if energy_ok and alg_id in have:
            steps.append((alg_id, dict(energy, **extra, OUTPUT=_dest(g, table)), table))
        else:
            inputs.skipped.append(alg_id)
    planned = energy_ok and {"sonae:outageautonomy", "sonae:sizeforautonomy"} <= have
    plan = {"FACILITIES": _uri(g, "shelters"), "ENERGY": _uri(g, "battery_sizing"),
            "ENERGY_ID_FIELD": "facility_id", "ADDED_ONLY": True, "FISCAL_INDEX": inputs.fiscal_index}
    if planned and "sonae:districtlayout" in have:
        steps.append(("sonae:districtlayout", dict(plan, AUTONOMY=_uri(g, "shelters_energy"), AUTONOMY_ID_FIELD="id",
                                                   OUTPUT=_dest(g, "districts")), "districts"))
    else:
        inputs.skipped.append("sonae:districtlayout")
    if planned and inputs.fiscal_index is not None and "sonae:subsidyscope" in have:
        steps.append(("sonae:subsidyscope", dict(plan, DISTRICTS=_uri(g, "districts"),
                                                 OUTPUT=_dest(g, "subsidy_scope")), "subsidy_scope"))
    else:
        inputs.skipped.append("sonae:subsidyscope")
    return steps


class _StepFeedback(QgsProcessingFeedback):
    def __init__(self, task, index, count):
        super().__init__()
        self.task, self.index, self.count = task, index, count
        self.messages = []

    def setProgress(self, progress):  # noqa: N802
        super().setProgress(progress)
        self.task.setProgress(100.0 * (self.index + progress / 100.0) / self.count)

    def reportError(self, error, fatalError=False):  # noqa: N802,N803
        self.messages.append(error)

    def pushWarning(self, warning):  # noqa: N802
        self.messages.append(warning)


class WorkflowTask(QgsTask):
    """Runs the steps in order in the task manager's thread. ``done(ok, message, tables)`` on the main thread."""

    done = pyqtSignal(bool, str, list)
    stepStarted = pyqtSignal(int, str)  # noqa: N815

    def __init__(self, inputs: WorkflowInputs):
        super().__init__(tr("Sonae full workflow / Sonae 一括実行"), QgsTask.Flag.CanCancel)
        self.inputs = inputs             # existing tables of the GeoPackage are replaced one by one, others kept
        self.steps = workflow_steps(inputs)
        registry = QgsApplication.processingRegistry()
        # Algorithm instances are created on the main thread (registry access), run in the task thread.
        self._algs = [registry.createAlgorithmById(alg_id) for alg_id, _p, _t in self.steps]
        self._feedback = None
        self.message = ""
        self.tables: list = []
        self.results: dict = {}

    def cancel(self):
        if self._feedback is not None:
            self._feedback.cancel()
        super().cancel()

    def run(self):
        os.makedirs(os.path.dirname(os.path.abspath(self.inputs.gpkg)), exist_ok=True)
        n = len(self.steps)
        for i, ((alg_id, params, table), alg) in enumerate(zip(self.steps, self._algs)):
            if self.isCanceled():
                self.message = tr("Cancelled / 中止しました")
                return False
            self.stepStarted.emit(i, alg_id)
            self._feedback = _StepFeedback(self, i, n)
            context = QgsProcessingContext()
            results, ok = alg.run(params, context, self._feedback)
            if self.isCanceled() or self._feedback.isCanceled():
                self.message = tr("Cancelled / 中止しました")
                return False
            if not ok or not results:
                detail = "\n".join(self._feedback.messages[-3:])
                self.message = f"{alg_id}: {detail}"
                return False
            self.results[alg_id] = results
            self.tables.append(table)
            self.setProgress(100.0 * (i + 1) / n)
        self.message = tr("Workflow finished / 一括実行が完了しました")
        return True

    def finished(self, result):
        self.done.emit(bool(result), self.message, list(self.tables))
