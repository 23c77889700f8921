"""Option parameters take stable names (issue 14.5): static strings everywhere, fixed option order written in code,
names through qgis_process, the shipped model stores names."""
from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET

from .conftest import shared_data
from .qgis_env import qgis_process

ROOT = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))


def _enums():
    from qgis.core import QgsApplication, QgsProcessingParameterEnum
    for alg in QgsApplication.processingRegistry().providerById("sonae").algorithms():
        for p in alg.parameterDefinitions():
            if isinstance(p, QgsProcessingParameterEnum):
                yield alg, p


def test_every_enum_uses_static_strings_with_labels_and_a_named_default(qgis_app):
    seen = 0
    for alg, p in _enums():
        seen += 1
        assert p.usesStaticStrings(), (alg.id(), p.name())
        assert p.defaultValue() in p.options(), (alg.id(), p.name(), p.defaultValue())
        labels = p.metadata().get("widget_wrapper", {}).get("labels", {})
        assert set(labels) == set(p.options()), (alg.id(), p.name())
        import re
        assert all(re.search(r"[A-Za-z]{3}", v) and re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", v)
                   for v in labels.values()), (alg.id(), p.name(), labels)      # English and Japanese
        assert all(o.replace("_", "").replace(".", "").isalnum() and not o.isdigit() for o in p.options()), \
            (alg.id(), p.name(), p.options())     # ids, never numbers that read as indexes
    assert seen >= 9


def test_option_order_is_written_in_code_not_taken_from_rule_files(qgis_app):
    """Adding a region to a rule file must not shift saved choices: the order is a code tuple, checked here against
    the rule files and the engine's own lists."""
    from sonae.engine.catchments import ASSIGNMENTS
    from sonae.engine.eligibility import HAZARD_IDS
    from sonae.engine.energy.weather import region_ids
    from sonae.engine.hazard import HAZARD_TYPES, VALUE_KINDS
    from sonae.engine.rules import load_rules
    from sonae.engine import subsidy
    from sonae.processing_algorithms import (hazard_exposure, outage_autonomy, shelter_catchments,
                                             stockpile_sufficiency, subsidy_scope)
    assert tuple(outage_autonomy.WEATHER_REGIONS) == ("auto", *region_ids())
    assert tuple(hazard_exposure.HAZARD_OPTIONS) == tuple(HAZARD_TYPES)
    assert tuple(hazard_exposure.VALUE_OPTIONS) == tuple(VALUE_KINDS)
    assert tuple(shelter_catchments.HAZARD_CHOICES) == tuple(HAZARD_IDS)
    assert tuple(shelter_catchments.ASSIGNMENT_CHOICES) == tuple(ASSIGNMENTS)
    assert set(stockpile_sufficiency.PROFILES) == set(load_rules("needs_profiles.json")["profiles"])
    assert subsidy_scope.DEFAULT_RULES == subsidy.DEFAULT_RULES
    assert subsidy_scope.DEFAULT_UNIT_COSTS == subsidy.DEFAULT_UNIT_COSTS


def test_qgis_process_takes_names(tmp_path, qgis_app):
    out = tmp_path / "haz.gpkg"
    fac = tmp_path / "fac.gpkg"
    proc = qgis_process(["run", "sonae:importshelters", "--",
                         "INPUTS=" + shared_data("takamatsu", "shelters", "evacuation_space.csv"), f"OUTPUT={fac}"],
                        str(tmp_path / "home"))
    assert proc.returncode == 0, proc.stderr[-2000:]
    proc = qgis_process(["run", "sonae:hazardexposure", "--json", "--", f"FACILITIES={fac}",
                         "HAZARD=" + shared_data("takamatsu", "flood", "takamatsu_flood_max_depthrank_A31b23.tif"),
                         "HAZARD_TYPE=flood", "VALUE_KIND=rank", f"OUTPUT={out}"], str(tmp_path / "home"))
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    results = json.loads(proc.stdout)["results"]
    import pyogrio
    from osgeo import gdal
    frame = pyogrio.read_dataframe(str(out))
    ds = gdal.Open(shared_data("takamatsu", "flood", "takamatsu_flood_max_depthrank_A31b23.tif"))
    gt, band = ds.GetGeoTransform(), ds.GetRasterBand(1)
    arr, nodata = band.ReadAsArray(), band.GetNoDataValue()
    expected = []
    for x, y in zip(frame.geometry.x, frame.geometry.y):      # the raster is EPSG:4326 like the facilities
        col, row = int((x - gt[0]) / gt[1]), int((y - gt[3]) / gt[5])
        inside = 0 <= row < arr.shape[0] and 0 <= col < arr.shape[1]
        v = float(arr[row, col]) if inside else None
        expected.append(None if v is None or v == nodata or not 1 <= v <= 6 else v)
    got = [None if v != v else v for v in frame["flood_value"].to_numpy(dtype=float)]
    assert got == expected
    assert results["NO_DATA_COUNT"] == sum(e is None for e in expected)
    bad = qgis_process(["run", "sonae:hazardexposure", "--", f"FACILITIES={fac}",
                        "HAZARD=" + shared_data("takamatsu", "flood", "takamatsu_flood_max_depthrank_A31b23.tif"),
                        "HAZARD_TYPE=flooding", f"OUTPUT={tmp_path / 'bad.gpkg'}"], str(tmp_path / "home"))
    assert bad.returncode != 0 and "flooding" in bad.stdout + bad.stderr
    assert not (tmp_path / "bad.gpkg").exists()


def test_the_shipped_model_stores_names(qgis_app):
    from qgis.core import QgsApplication, QgsProcessingModelAlgorithm, QgsProcessingParameterEnum
    model = QgsProcessingModelAlgorithm()
    assert model.fromFile(os.path.join(ROOT, "models", "sonae_full_workflow.model3"))
    registry = QgsApplication.processingRegistry()
    checked = 0
    for child in model.childAlgorithms().values():
        alg = registry.algorithmById(child.algorithmId())
        for name, sources in child.parameterSources().items():
            p = alg.parameterDefinition(name)
            if isinstance(p, QgsProcessingParameterEnum):
                for s in sources:
                    assert s.staticValue() in p.options(), (child.algorithmId(), name, s.staticValue())
                    checked += 1
    assert checked >= 5
    text = open(os.path.join(ROOT, "models", "sonae_full_workflow.model3"), encoding="utf-8").read()
    assert "rank" in text and ET.fromstring(text) is not None
