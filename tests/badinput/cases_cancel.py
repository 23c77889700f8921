"""Bad-input cases: cancellation (issue 11 item 9). Every long algorithm stops within 1 s of the cancel and
leaves no output; the EV plan's optimiser is cancelled while it is solving (a real cancel, 2 s after the start)."""
from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np

from ..conftest import DATA
from .cases_crs import _write
from .cases_outputs import TAKAMATSU_FLOOD, _layer
from .framework import BadCase, cancelled

KUMAMOTO_MESH = Path(DATA) / "kumamoto" / "population_dem_subset" / "ksj_mesh500h30_pop_subset.geojson"
KUMAMOTO_FLOOD = Path(DATA) / "kumamoto" / "flood" / "kumamoto_flood_max_depthrank_A31b23.tif"


def _ev_inputs(tmp: Path, n_vehicles: int = 60, n_chargers: int = 12) -> dict:
    """A city-sized EV problem on the Takamatsu shelters (EPSG:6672): 195 shelters with a seeded shortfall."""
    import geopandas as gpd
    import pandas as pd
    import pyogrio
    from .cases_outputs import _base_gpkg
    rng = np.random.default_rng(11)
    fac = pyogrio.read_dataframe(_base_gpkg(), layer="facilities").to_crs(6672)
    shelters = gpd.GeoDataFrame({"id": fac["id"], "name": fac["name"],
                                 "shortfall_kwh_72h": rng.uniform(20, 300, len(fac)).round(1),
                                 "hours_now": rng.uniform(5, 60, len(fac)).round(1),
                                 "critical_load_kw": rng.uniform(1, 5, len(fac)).round(2)},
                                geometry=fac.geometry.values, crs=fac.crs)
    ch = fac.iloc[:: max(1, len(fac) // n_chargers)].head(n_chargers)
    chargers = gpd.GeoDataFrame({"id": [f"C{i + 1}" for i in range(len(ch))], "charger_kw": 50.0,
                                 "pv_carport_kw": 10.0, "station_battery_kwh": 100.0, "soc": 0.8},
                                geometry=ch.geometry.values, crs=fac.crs)
    fleet = pd.DataFrame({"vehicle_id": [f"V{i + 1}" for i in range(n_vehicles)],
                          "home_site": [f"C{i % len(ch) + 1}" for i in range(n_vehicles)],
                          "battery_kwh": rng.choice([40.0, 62.0, 66.0], n_vehicles), "usable_fraction": 0.8,
                          "v2l_kw": rng.choice([1.5, 4.5, 6.0], n_vehicles), "owner": "city"})
    path = tmp / "ev.gpkg"
    shelters.to_file(path, layer="shelters", driver="GPKG")
    chargers.to_file(path, layer="chargers", driver="GPKG")
    pyogrio.write_dataframe(fleet, path, layer="ev_fleet", driver="GPKG")
    return {"CHARGERS": f"{path}|layername=chargers", "EV_FLEET": f"{path}|layername=ev_fleet",
            "SHELTERS": f"{path}|layername=shelters", "TIME_BUDGET_H": 24.0, "MIP_TIME_LIMIT_S": 120,
            "OUTPUT_LINES": str(tmp / "lines.gpkg"), "OUTPUT_TABLE": str(tmp / "table.gpkg"),
            "OUTPUT_SHELTERS": str(tmp / "after.gpkg")}


def _mesh(tmp):
    dst = tmp / KUMAMOTO_MESH.name
    shutil.copyfile(KUMAMOTO_MESH, dst)
    return str(dst)


def _coverage(tmp):
    layers = _write(tmp, 6672)
    return {"CHARGERS": layers["chargers"], "SHELTERS": layers["shelters"], "OUTPUT": str(tmp / "cov.gpkg"),
            "OUTPUT_PAIRS": str(tmp / "pairs.gpkg")}


def _catchments(tmp):
    pop = Path(DATA) / "takamatsu" / "population" / "population_by_town_age_202602_points.geojson"
    dst = tmp / pop.name
    shutil.copyfile(pop, dst)
    return {"FACILITIES": _layer(tmp), "POPULATION": str(dst), "POPULATION_FIELD": "totalPopulation",
            "OUTPUT": str(tmp / "shelters.gpkg"), "CATCHMENTS": str(tmp / "catch.gpkg")}


CASES = [
    BadCase(id="evdeliveryplan-cancel-while-optimising", alg="sonae:evdeliveryplan",
            what="cancel 2 s into a 60-vehicle, 195-shelter plan (optimiser time limit 120 s)",
            build=_ev_inputs, expect=cancelled(after_seconds=2.0, within=1.0,
                                               doc="the optimiser's child process is killed")),
    BadCase(id="evdeliveryplan-cancel-at-start", alg="sonae:evdeliveryplan",
            what="cancel before the EV plan starts",
            build=_ev_inputs, expect=cancelled()),
    BadCase(id="hazardexposure-cancel-second-progress", alg="sonae:hazardexposure",
            what="cancel at the second progress report while sampling the Takamatsu flood raster",
            build=lambda tmp: {"FACILITIES": _layer(tmp), "HAZARD": str(TAKAMATSU_FLOOD),
                               "OUTPUT": str(tmp / "out.gpkg")},
            expect=cancelled(after=2)),
    BadCase(id="exposedpopulation-cancel-first-progress", alg="sonae:exposedpopulation",
            what="cancel at the first progress report of the Kumamoto population exposure",
            build=lambda tmp: {"POPULATION": _mesh(tmp), "POPULATION_FIELD": "ptn_2020",
                               "HAZARD": str(KUMAMOTO_FLOOD), "OUTPUT": str(tmp / "out.gpkg")},
            expect=cancelled(after=1)),
    BadCase(id="chargercoverage-cancel-first-progress", alg="sonae:chargercoverage",
            what="cancel at the first progress report, two file outputs requested",
            build=_coverage, expect=cancelled(after=1)),
    BadCase(id="sheltercatchments-cancel-first-progress", alg="sonae:sheltercatchments",
            what="cancel at the first progress report, two file outputs requested",
            build=_catchments, expect=cancelled(after=1)),
    BadCase(id="districtlayout-cancel-first-progress", alg="sonae:districtlayout",
            what="cancel at the first progress report of the district layout",
            build=lambda tmp: {"FACILITIES": _layer(tmp), "FISCAL_INDEX": 0.5, "OUTPUT": str(tmp / "d.gpkg")},
            expect=cancelled(after=1)),
]
