"""models/sonae_full_workflow.model3 through a real `qgis_process run` and through processing.run in pytest."""
from __future__ import annotations

import json
import os

import pandas as pd
import pyogrio
import pytest

from .qgis_env import qgis_process

ROOT = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))
MODEL = os.path.join(ROOT, "models", "sonae_full_workflow.model3")
DATA = os.path.join(ROOT, "demo", "data", "takamatsu")
SHELTERS = os.path.join(DATA, "evacuation_space.csv")
FLOOD = os.path.join(DATA, "takamatsu_flood_max_depthrank_A31b23.tif")
POPULATION = os.path.join(DATA, "population_by_town_age_202602_points.geojson")


def _inputs(out_dir):
    return {"shelter_files": [SHELTERS], "flood": FLOOD, "population": POPULATION,
            "population_field": "totalPopulation", "zone_id_field": "regionName",
            "facilities": os.path.join(out_dir, "facilities.gpkg"),
            "facilities_hazard": os.path.join(out_dir, "facilities_hazard.gpkg"),
            "shelters": os.path.join(out_dir, "shelters.gpkg"),
            "population_catchment": os.path.join(out_dir, "catchment.gpkg")}


def _check(params):
    csv = pd.read_csv(SHELTERS)
    lat = pd.to_numeric(csv["latitude"], errors="coerce")
    lon = pd.to_numeric(csv["longitude"], errors="coerce")
    expected = int(((lat > 20) & (lat < 46) & (lon > 122) & (lon < 154)).sum())
    fac = pyogrio.read_dataframe(params["facilities"], read_geometry=False)
    haz = pyogrio.read_dataframe(params["facilities_hazard"], read_geometry=False)
    sh = pyogrio.read_dataframe(params["shelters"], read_geometry=False)
    assert len(fac) == len(haz) == expected
    assert {"flood_rank", "flood_conflict"} <= set(haz.columns)
    people = pyogrio.read_dataframe(POPULATION, read_geometry=False)["totalPopulation"].sum()
    assert sh["assigned_population"].sum() == pytest.approx(people)
    catch = pyogrio.read_dataframe(params["population_catchment"], read_geometry=False)
    assert len(catch) == len(pyogrio.read_dataframe(POPULATION, read_geometry=False))
    return len(fac), float(sh["evacuees"].sum())


def test_model_runs_in_processing(tmp_path, qgis_app):
    import processing
    from qgis.core import QgsProcessingModelAlgorithm
    model = QgsProcessingModelAlgorithm()
    assert model.fromFile(MODEL)
    assert [c.algorithmId() for c in sorted(model.childAlgorithms().values(), key=lambda c: c.position().x())] == \
        ["sonae:importshelters", "sonae:hazardexposure", "sonae:sheltercatchments"]
    params = _inputs(str(tmp_path))
    processing.run(model, params)
    _check(params)


def test_model_runs_with_qgis_process(tmp_path, qgis_app):
    params = _inputs(str(tmp_path))
    proc = qgis_process(["run", MODEL, "--json", "-"], str(tmp_path / "home"), timeout=240,
                        stdin=json.dumps({"inputs": params}))
    assert proc.returncode == 0, proc.stderr[-2000:]
    n, evacuees = _check(params)
    # The same numbers as the algorithms run one by one in this process.
    import processing
    one = str(tmp_path / "one")
    os.makedirs(one)
    a = processing.run("sonae:importshelters", {"INPUTS": [SHELTERS], "OUTPUT": os.path.join(one, "f.gpkg")})
    b = processing.run("sonae:hazardexposure", {"FACILITIES": a["OUTPUT"], "HAZARD": FLOOD, "HAZARD_TYPE": 0,
                                                "VALUE_KIND": 1, "RADIUS_M": 0, "OUTPUT": os.path.join(one, "h.gpkg")})
    c = processing.run("sonae:sheltercatchments", {
        "FACILITIES": b["OUTPUT"], "POPULATION": POPULATION, "POPULATION_FIELD": "totalPopulation",
        "ZONE_ID_FIELD": "regionName", "HAZARD_FIELD": "flood_conflict", "M2_PER_PERSON": 0,
        "OUTPUT": os.path.join(one, "s.gpkg"), "CATCHMENTS": os.path.join(one, "c.gpkg")})
    sh = pyogrio.read_dataframe(c["OUTPUT"], read_geometry=False)
    assert float(sh["evacuees"].sum()) == pytest.approx(evacuees)
    assert c["SHORTFALL_TOTAL"] == pytest.approx(
        pyogrio.read_dataframe(params["shelters"], read_geometry=False)["shortfall_persons"].fillna(0).sum())
