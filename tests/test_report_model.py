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


# Energy equipment at two real shelters of evacuation_space.csv (rows #property 2 and 3), written by the test.
ASSETS = [("takamatsu_city:evacuation_space:2", 10.0, 20.0, 5.0, 0.8),
          ("takamatsu_city:evacuation_space:3", 0.0, 11.2, 3.0, 0.5)]


def _inputs(out_dir):
    assets = os.path.join(out_dir, "energy_assets.csv")
    pd.DataFrame(ASSETS, columns=["facility_id", "pv_kw", "battery_kwh", "battery_kw", "battery_soc"]).to_csv(
        assets, index=False)
    return {"shelter_files": [SHELTERS], "flood": FLOOD, "population": POPULATION,
            "population_field": "totalPopulation", "zone_id_field": "regionName",
            "energy_assets": assets, "fiscal_index": 0.79,
            "facilities": os.path.join(out_dir, "facilities.gpkg"),
            "facilities_hazard": os.path.join(out_dir, "facilities_hazard.gpkg"),
            "shelters": os.path.join(out_dir, "shelters.gpkg"),
            "population_catchment": os.path.join(out_dir, "catchment.gpkg"),
            "shelters_energy": os.path.join(out_dir, "shelters_energy.gpkg"),
            "battery_sizing": os.path.join(out_dir, "battery_sizing.gpkg"),
            "districts": os.path.join(out_dir, "districts.gpkg"),
            "subsidy_scope": os.path.join(out_dir, "subsidy_scope.gpkg")}


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
    catch = pyogrio.read_dataframe(params["population_catchment"], read_geometry=False)
    # capacity-limited catchments (issue 12): every resident is in a zone; every evacuee placed or reported unplaced
    assert catch["population"].sum() == pytest.approx(people)
    assert sh["evacuees"].sum() + catch["unassigned_evacuees"].sum() == catch["evacuees"].sum()
    assert (sh["evacuees"] <= sh["capacity_calc"]).all()
    assert len(catch) == len(pyogrio.read_dataframe(POPULATION, read_geometry=False))
    # Energy: one row per shelter; the equipment of the test's table arrives at the right shelters, and a
    # battery-only shelter with no load lasts the whole horizon while unequipped shelters with evacuees get 0 h.
    se = pyogrio.read_dataframe(params["shelters_energy"], read_geometry=False).set_index("id")
    assert len(se) == len(sh)
    for fid, pv, kwh, kw, soc in ASSETS:
        assert se.loc[fid, "pv_kw"] == pv and se.loc[fid, "battery_kwh"] == kwh
    bare = se[(se["battery_kwh"].fillna(0) == 0) & (se["pv_kw"].fillna(0) == 0) & (se["critical_load_kw"] > 0)]
    assert len(bare) and (bare["hours_now"] == 0).all()
    # Districts and subsidy: the city row adds up the facility rows (an independent sum).
    sub = pyogrio.read_dataframe(params["subsidy_scope"], read_geometry=False)
    fac_rows = sub[sub["row_type"] == "facility"]
    city = sub[sub["row_type"] == "city"].iloc[0]
    assert int(city["subsidy_yen"]) == int(fac_rows["subsidy_yen"].fillna(0).sum())
    assert set(fac_rows["facility_id"]) <= set(sh["id"])
    assert len(pyogrio.read_dataframe(params["districts"], read_geometry=False)) > 0
    return len(fac), float(sh["evacuees"].sum())


def test_model_runs_in_processing(tmp_path, qgis_app):
    import processing
    from qgis.core import QgsProcessingModelAlgorithm
    model = QgsProcessingModelAlgorithm()
    assert model.fromFile(MODEL)
    assert [c.algorithmId() for c in sorted(model.childAlgorithms().values(), key=lambda c: c.position().x())] == \
        ["sonae:importshelters", "sonae:hazardexposure", "sonae:sheltercatchments", "sonae:outageautonomy",
         "sonae:sizeforautonomy", "sonae:districtlayout", "sonae:subsidyscope"]
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
