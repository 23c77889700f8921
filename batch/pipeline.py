"""One municipality through the same engine functions the Processing algorithms call (QGIS-free):

import (layers.importers.shelters.import_shelter_files) -> hazard exposure of the facilities
(engine.hazard.facility_exposure) -> exposed population of the census small areas (engine.hazard.exposed_population)
-> straight-line catchments of the people at depth rank >= 2 (engine.demand, as sonae:sheltercatchments) -> outputs
in ``<out>/<name>.gpkg`` (layers facilities_hazard, exposed_population, shelters) and a summary dict.
Each task reads its own inputs and writes its own file, so tasks share nothing but the filesystem.
"""
from __future__ import annotations

import os
from dataclasses import asdict, dataclass, field

import numpy as np


@dataclass
class Municipality:
    name: str
    shelters: list                      # shelter files (GSI / municipal tables)
    hazard: str | None = None           # flood depth-rank raster
    population: str | None = None       # points with a population field
    population_field: str = "JINKO"
    hazard_type: str = "flood"
    value_kind: str = "rank"
    facility_filter: dict = field(default_factory=dict)   # {"municipality_code": "43100"} for national splits


def shared_cities(data: str) -> list[Municipality]:
    """The shared cities (../shared/data): GSI shelter tables, the A31b flood raster and census small areas."""
    out = []
    for city in sorted(os.listdir(data)):
        folder = os.path.join(data, city, "shelters")
        if not os.path.isdir(folder):
            continue
        gsi = sorted(os.path.join(folder, f) for f in os.listdir(folder) if f.startswith("gsi_") and
                     f.endswith(".geojson"))
        if not gsi:
            continue
        flood = os.path.join(data, city, "flood")
        tif = sorted(os.path.join(flood, f) for f in os.listdir(flood) if f.endswith(".tif")) \
            if os.path.isdir(flood) else []
        small = os.path.join(data, city, "population_smallarea")
        pts = sorted(os.path.join(small, f) for f in os.listdir(small) if f.endswith("_centroids.geojson")) \
            if os.path.isdir(small) else []
        out.append(Municipality(city, gsi, tif[0] if tif else None, pts[0] if pts else None))
    return out


def _write(frame, path, layer):
    import pyogrio
    pyogrio.write_dataframe(frame, path, layer=layer, driver="GPKG")


def run_municipality(m: Municipality | dict, out_dir: str) -> dict:
    """Run the engine for one municipality; returns its summary row (and writes ``<out_dir>/<name>.gpkg``)."""
    import geopandas as gpd
    import pandas as pd
    import pyogrio

    from ..engine import demand
    from ..engine.hazard import exposed_population, facility_exposure, open_hazard_raster
    from ..layers.importers.shelters import import_shelter_files
    if isinstance(m, dict):
        m = Municipality(**m)
    path = os.path.join(out_dir, f"{m.name}.gpkg")
    tmp = os.path.join(out_dir, f"{m.name}.part.gpkg")
    for p in (path, tmp):
        if os.path.exists(p):
            os.remove(p)
    row = {"name": m.name}
    facilities = import_shelter_files(m.shelters).facilities
    for c in facilities.columns:        # nullable integers as the algorithms read them back (float, NaN)
        if str(facilities[c].dtype) == "Int64":
            facilities[c] = facilities[c].astype("float64")
    for col, value in m.facility_filter.items():
        facilities = facilities[facilities[col].astype(str) == str(value)].reset_index(drop=True)
    row["facilities"] = len(facilities)
    info = open_hazard_raster(m.hazard) if m.hazard else None
    if info is not None:
        cols, _warnings = facility_exposure(facilities, info, m.hazard_type, m.value_kind)
        facilities = gpd.GeoDataFrame(facilities.drop(columns=[c for c in cols.columns if c in facilities.columns])
                                      .join(cols), geometry=facilities.geometry.name, crs=facilities.crs)
        row["conflicts"] = int((cols[f"{m.hazard_type}_conflict"] == True).sum())  # noqa: E712
        row["no_data"] = int(cols[f"{m.hazard_type}_value"].isna().sum())
    _write(facilities, tmp, "facilities_hazard")
    if m.population and info is not None:
        zones = pyogrio.read_dataframe(m.population)
        pop = pd.to_numeric(zones[m.population_field], errors="coerce").fillna(0.0)
        table = exposed_population(zones, pop, info, m.value_kind, zone_name=os.path.basename(m.population))
        exposed = gpd.GeoDataFrame(table, geometry=zones.geometry.values, crs=zones.crs)
        _write(exposed, tmp, "exposed_population")
        row["population"] = float(table["population"].sum())
        row["people_exposed"] = float(table["people_exposed"].sum())
        # catchments as sonae:sheltercatchments (straight line) for the people at rank >= 2
        is_shelter = demand.eligible_shelters(facilities, None, m.name)
        shelters = facilities[is_shelter].reset_index(drop=True)
        epsg = demand.metric_epsg(shelters.to_crs("EPSG:6668").geometry.x.to_numpy())
        s_pts = shelters.geometry.to_crs(epsg)
        z_pts = exposed.geometry.to_crs(epsg)
        idx, dist = demand.nearest_straight(np.column_stack([s_pts.x, s_pts.y]),
                                            np.column_stack([z_pts.x, z_pts.y]))
        rules = demand.evacuation_rules()         # the algorithm's defaults (rules/evacuation.json)
        rate = float(rules["evacuation_rate"]["default"])
        nan = np.full(len(shelters), np.nan)
        cap = demand.capacity_persons(shelters["capacity_persons"] if "capacity_persons" in shelters else nan,
                                      shelters["floor_area_m2"] if "floor_area_m2" in shelters else nan,
                                      float(rules["m2_per_person"]["default"]))
        table_s = demand.assign(table["people_exposed"], idx, len(shelters), rate, cap)
        out_s = gpd.GeoDataFrame(shelters.drop(columns=[c for c in table_s.columns if c in shelters.columns])
                                 .join(table_s), geometry=shelters.geometry.name, crs=shelters.crs)
        _write(out_s, tmp, "shelters")
        row["evacuees"] = float(table_s["evacuees"].sum())
        row["shortfall_persons"] = float(np.nansum(table_s["shortfall_persons"]))
    os.replace(tmp, path)
    row["output"] = path
    return row


def as_dict(m: Municipality) -> dict:
    return asdict(m)
