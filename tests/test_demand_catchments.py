"""sonae:sheltercatchments: hand-checked straight-line and network catchments, capacity rules, conservation of
population on the real Takamatsu data (brute-force nearest), bad inputs."""
from __future__ import annotations

import json
import os

import geopandas as gpd
import numpy as np
import pytest
from shapely.geometry import LineString, Point

from .conftest import ROOT

# JGD2011 / UTM 54N (EPSG:6691) is the metric CRS Sonae picks for data around 139-140 E, so distances by hand
# in these coordinates are the distances it computes.
OX, OY = 400000.0, 3900000.0


def shelters_layer(tmp_path, rows, name="fac.gpkg"):
    frame = gpd.GeoDataFrame([{k: v for k, v in r.items() if k != "xy"} for r in rows],
                             geometry=[Point(OX + r["xy"][0], OY + r["xy"][1]) for r in rows], crs="EPSG:6691")
    path = str(tmp_path / name)
    frame.to_file(path)
    return path


def zones_layer(tmp_path, rows, name="zones.gpkg"):
    frame = gpd.GeoDataFrame({"zone": [r[0] for r in rows], "pop": [r[2] for r in rows]},
                             geometry=[Point(OX + r[1][0], OY + r[1][1]) for r in rows], crs="EPSG:6691")
    path = str(tmp_path / name)
    frame.to_file(path)
    return path


def run(run_alg, tmp_path, fac, zones, **extra):
    out, catch = str(tmp_path / "shelters.gpkg"), str(tmp_path / "catch.gpkg")
    params = {"FACILITIES": fac, "POPULATION": zones, "POPULATION_FIELD": "pop", "ZONE_ID_FIELD": "zone",
              "OUTPUT": out, "CATCHMENTS": catch}
    params.update(extra)
    res = run_alg("sonae:sheltercatchments", params)
    return res, gpd.read_file(out).set_index("id"), gpd.read_file(catch).set_index("zone_id")


FACILITIES = [
    dict(id="A", designated_shelter=True, emergency_site=False, capacity_persons=50, floor_area_m2=None,
         flood_conflict=False, xy=(0, 0)),
    dict(id="B", designated_shelter=False, emergency_site=True, capacity_persons=None, floor_area_m2=350.0,
         flood_conflict=True, xy=(1000, 0)),
    dict(id="C", designated_shelter=True, emergency_site=False, capacity_persons=None, floor_area_m2=None,
         flood_conflict=None, xy=(0, 2000)),
    dict(id="H", designated_shelter=False, emergency_site=False, capacity_persons=500, floor_area_m2=None,
         flood_conflict=False, xy=(100, 100)),   # not a shelter: never receives anyone
]
ZONES = [("z1", (120, 90), 100), ("z2", (900, 30), 200), ("z3", (100, 1800), 40), ("z4", (700, 1500), 10)]


def test_straight_line_by_hand(run_alg, tmp_path):
    fac = shelters_layer(tmp_path, FACILITIES)
    zones = zones_layer(tmp_path, ZONES)
    res, sh, pc = run(run_alg, tmp_path, fac, zones, EVACUATION_RATE=0.5)
    assert set(sh.index) == {"A", "B", "C"}  # H is not a shelter
    # nearest of A(0,0), B(1000,0), C(0,2000) by hand
    assert pc.loc["z1", "shelter_id"] == "A" and pc.loc["z1", "distance_m"] == pytest.approx(np.hypot(120, 90))
    assert pc.loc["z2", "shelter_id"] == "B" and pc.loc["z2", "distance_m"] == pytest.approx(np.hypot(100, 30))
    assert pc.loc["z3", "shelter_id"] == "C" and pc.loc["z3", "distance_m"] == pytest.approx(np.hypot(100, 200))
    assert pc.loc["z4", "shelter_id"] == "C" and pc.loc["z4", "distance_m"] == pytest.approx(np.hypot(700, 500))
    assert sh.loc["A", "assigned_population"] == 100
    assert sh.loc["B", "assigned_population"] == 200
    assert sh.loc["C", "assigned_population"] == 50
    assert sh.loc["B", "evacuees"] == pytest.approx(100.0)
    # capacity: A's field (50); B 350 m2 / 3.5 = 100; C unknown
    assert sh.loc["A", "capacity_calc"] == 50
    assert sh.loc["B", "capacity_calc"] == 100
    assert np.isnan(sh.loc["C", "capacity_calc"]) and np.isnan(sh.loc["C", "shortfall_persons"])
    assert sh.loc["A", "shortfall_persons"] == pytest.approx(0.0)      # 50 evacuees, 50 places
    assert sh.loc["B", "shortfall_persons"] == pytest.approx(0.0)      # 100 evacuees, 100 places
    assert res["POPULATION_ASSIGNED"] == 350
    # 2.0 m2/person: B holds 175; the default evacuation rate comes from rules/evacuation.json
    with open(os.path.join(ROOT, "rules", "evacuation.json"), encoding="utf-8") as fh:
        rules = json.load(fh)
    res2, sh2, _ = run(run_alg, tmp_path, fac, zones, M2_PER_PERSON=1)
    assert sh2.loc["B", "capacity_calc"] == 175
    rate = rules["evacuation_rate"]["default"]
    assert sh2.loc["A", "evacuees"] == pytest.approx(100 * rate)
    assert sh2.loc["A", "shortfall_persons"] == pytest.approx(max(0.0, 100 * rate - 50))
    assert res2["SHORTFALL_TOTAL"] == pytest.approx(max(0.0, 100 * rate - 50) + max(0.0, 200 * rate - 175))


def test_hazard_field_excludes_conflicts(run_alg, tmp_path):
    fac = shelters_layer(tmp_path, FACILITIES)
    zones = zones_layer(tmp_path, ZONES)
    _, sh, pc = run(run_alg, tmp_path, fac, zones, HAZARD_FIELD="flood_conflict", EVACUATION_RATE=1.0)
    assert not bool(sh.loc["B", "eligible"]) and sh.loc["B", "assigned_population"] == 0
    # z2 (900, 30) now goes to A (900.5 m) rather than C (2163 m); C (NULL conflict) still receives people
    assert pc.loc["z2", "shelter_id"] == "A"
    assert pc.loc["z2", "distance_m"] == pytest.approx(np.hypot(900, 30))
    assert sh.loc["A", "assigned_population"] == 300 and sh.loc["C", "assigned_population"] == 50
    assert sh.loc["A", "shortfall_persons"] == pytest.approx(250.0)


def test_network_distance_by_hand(run_alg, tmp_path):
    # road y=0 from x=-1000 to 2000; shelter P at (0,500) reached only by a detour (-1000,0)->(-1000,500)->(0,500);
    # shelter Q at (2000,0) on the road; an island road far away that no shelter reaches.
    roads = gpd.GeoDataFrame({"name": ["main", "detour", "island"]}, geometry=[
        LineString([(OX - 1000, OY), (OX + 2000, OY)]),
        LineString([(OX - 1000, OY), (OX - 1000, OY + 500), (OX, OY + 500)]),
        LineString([(OX + 5000, OY + 5000), (OX + 5100, OY + 5000)])], crs="EPSG:6691")
    road_path = str(tmp_path / "roads.gpkg")
    roads.to_file(road_path)
    fac = shelters_layer(tmp_path, [
        dict(id="P", designated_shelter=True, emergency_site=False, capacity_persons=10, xy=(0, 500)),
        dict(id="Q", designated_shelter=True, emergency_site=False, capacity_persons=10, xy=(2000, 0))])
    zones = zones_layer(tmp_path, [("near_p", (300, 200), 30), ("on_road", (1500, 0), 20),
                                   ("island", (5050, 5010), 7)])
    res, sh, pc = run(run_alg, tmp_path, fac, zones, ROADS=road_path, EVACUATION_RATE=1.0)
    # straight line would give P (424 m) for near_p; along the road: to P 1300 + 500 + 1000 = 2800, to Q 1700;
    # plus the 200 m access leg from the zone to the road
    assert pc.loc["near_p", "shelter_id"] == "Q"
    assert pc.loc["near_p", "distance_m"] == pytest.approx(1700 + 200, abs=0.01)
    assert pc.loc["on_road", "shelter_id"] == "Q"
    assert pc.loc["on_road", "distance_m"] == pytest.approx(500, abs=0.01)
    assert pc.loc["island", "shelter_id"] is None and np.isnan(pc.loc["island", "distance_m"])
    assert sh.loc["Q", "assigned_population"] == 50 and sh.loc["P", "assigned_population"] == 0
    assert res["POPULATION_UNREACHED"] == 7 and res["POPULATION_ASSIGNED"] == 50
    assert sh.loc["Q", "shortfall_persons"] == 40
    _, _, pc_line = run(run_alg, tmp_path, fac, zones)
    assert pc_line.loc["near_p", "shelter_id"] == "P"


def test_takamatsu_conserves_population_and_picks_the_nearest(run_alg, tmp_path):
    from pyproj import Transformer
    from .conftest import shared_data
    fac = str(tmp_path / "tkm.gpkg")
    run_alg("sonae:importshelters", {"INPUTS": [shared_data("takamatsu", "shelters", "evacuation_space.csv")],
                                     "OUTPUT": fac})
    points = shared_data("takamatsu", "population", "population_by_town_age_202602_points.geojson")
    out, catch = str(tmp_path / "s.gpkg"), str(tmp_path / "c.gpkg")
    res = run_alg("sonae:sheltercatchments", {"FACILITIES": fac, "POPULATION": points,
                                              "POPULATION_FIELD": "totalPopulation", "ZONE_ID_FIELD": "regionName",
                                              "OUTPUT": out, "CATCHMENTS": catch})
    sh, pc = gpd.read_file(out), gpd.read_file(catch)
    src, facilities = gpd.read_file(points), gpd.read_file(fac)
    assert sh["assigned_population"].sum() == src["totalPopulation"].sum() == 418129
    assert res["POPULATION_ASSIGNED"] == 418129
    # brute force: all pairwise distances in JGD2011 / UTM 53N (Takamatsu is at 134 E)
    is_shelter = (facilities["designated_shelter"].fillna(0).astype(float) == 1) | \
                 (facilities["emergency_site"].fillna(0).astype(float) == 1)
    cand = facilities[is_shelter].reset_index(drop=True)
    tr = Transformer.from_crs("EPSG:6668", "EPSG:6690", always_xy=True)
    sx, sy = tr.transform(cand.geometry.x.to_numpy(), cand.geometry.y.to_numpy())
    zx, zy = Transformer.from_crs("EPSG:4326", "EPSG:6690", always_xy=True).transform(
        src.geometry.x.to_numpy(), src.geometry.y.to_numpy())
    d = np.hypot(zx[:, None] - sx[None, :], zy[:, None] - sy[None, :])
    assert np.allclose(pc["distance_m"].to_numpy(), d.min(axis=1), atol=0.01)
    # the chosen shelter is one of the nearest (co-located shelters tie)
    col = {sid: k for k, sid in enumerate(cand["id"])}
    chosen = np.array([col[s] for s in pc["shelter_id"]])
    assert np.allclose(d[np.arange(len(pc)), chosen], d.min(axis=1), atol=0.01)
    per = pc.groupby("shelter_id")["population"].sum()
    assert np.allclose(sh.set_index("id").loc[per.index, "assigned_population"], per.to_numpy())


def test_bad_inputs_are_named(run_alg, tmp_path):
    from qgis.core import QgsProcessingException
    fac = shelters_layer(tmp_path, FACILITIES)
    zones = zones_layer(tmp_path, ZONES)
    with pytest.raises(QgsProcessingException, match=r"(?s)項目「ok_flood_conflict」.*no field 'ok_flood_conflict' \(HAZARD_FIELD\)"):
        run(run_alg, tmp_path, fac, zones, HAZARD_FIELD="ok_flood_conflict")
    with pytest.raises(QgsProcessingException, match=r"(?s)no field\(s\) people"):
        run(run_alg, tmp_path, fac, zones, POPULATION_FIELD="people")
    no_shelter = shelters_layer(tmp_path, [FACILITIES[3]], name="h.gpkg")
    with pytest.raises(QgsProcessingException, match=r"(?s)避難所.*has no shelter"):
        run(run_alg, tmp_path, no_shelter, zones)
