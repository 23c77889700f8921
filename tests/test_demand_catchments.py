"""sonae:sheltercatchments: hand-checked straight-line and network catchments, capacity rules, conservation of
population on the real Takamatsu data (brute-force nearest), bad inputs."""
from __future__ import annotations

import json
import os

import geopandas as gpd
import numpy as np
import pandas as pd
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
         flood_conflict=True, xy=(1000, 0)),     # open space: immediate refuge, never stay evacuees
    dict(id="C", designated_shelter=True, emergency_site=False, capacity_persons=None, floor_area_m2=None,
         flood_conflict=None, xy=(0, 2000)),     # capacity unknown: 0 places, flagged
    dict(id="D", designated_shelter=True, emergency_site=False, capacity_persons=None, floor_area_m2=700.0,
         flood_conflict=False, xy=(1000, 100)),  # 700 / 3.5 = 200 places
    dict(id="H", designated_shelter=False, emergency_site=False, capacity_persons=500, floor_area_m2=None,
         flood_conflict=False, xy=(100, 100)),   # not a shelter: never receives anyone
]
ZONES = [("z1", (120, 90), 100), ("z2", (900, 30), 200), ("z3", (100, 1800), 40), ("z4", (700, 1500), 10)]


def test_nearest_by_hand(run_alg, tmp_path):
    fac = shelters_layer(tmp_path, FACILITIES)
    zones = zones_layer(tmp_path, ZONES)
    res, sh, pc = run(run_alg, tmp_path, fac, zones, EVACUATION_RATE=0.5, ASSIGNMENT="nearest")
    assert set(sh.index) == {"A", "B", "C", "D"}  # H is not a shelter
    assert sh.loc["B", "role"] == "immediate_refuge" and not bool(sh.loc["B", "eligible"])
    assert sh.loc["B", "refuge_capacity"] == 100 and res["REFUGE_CAPACITY"] == 100
    # nearest stay shelter of A(0,0), C(0,2000), D(1000,100) by hand
    assert pc.loc["z1", "shelter_id"] == "A" and pc.loc["z1", "distance_m"] == pytest.approx(np.hypot(120, 90))
    assert pc.loc["z2", "shelter_id"] == "D" and pc.loc["z2", "distance_m"] == pytest.approx(np.hypot(100, 70))
    assert pc.loc["z3", "shelter_id"] == "C" and pc.loc["z3", "distance_m"] == pytest.approx(np.hypot(100, 200))
    assert pc.loc["z4", "shelter_id"] == "C" and pc.loc["z4", "distance_m"] == pytest.approx(np.hypot(700, 500))
    # whole people: 50, 100, 20, 5
    assert sh.loc["A", "evacuees"] == 50 and sh.loc["D", "evacuees"] == 100 and sh.loc["C", "evacuees"] == 25
    assert sh.loc["A", "capacity_calc"] == 50 and sh.loc["D", "capacity_calc"] == 200
    assert sh.loc["C", "capacity_source"] == "unknown" and sh.loc["C", "capacity_calc"] == 0
    assert sh.loc["C", "shortfall_persons"] == 25          # nearest ignores capacity: 25 over
    assert res["EVACUEES_TOTAL"] == 175 and res["OVER_CAPACITY_SHELTERS"] == 1


def test_capacity_by_hand(run_alg, tmp_path):
    fac = shelters_layer(tmp_path, FACILITIES)
    zones = zones_layer(tmp_path, ZONES)
    res, sh, pc = run(run_alg, tmp_path, fac, zones, EVACUATION_RATE=1.0)
    # places: A 50, D 200, C 0 (unknown). Demand 350 -> 250 placed, 100 not.
    # Optimum by hand: z1 (100 people) 50 to A (150 m), 50 to D (880.1 m); z2 200 -> D... D holds 200 only, so
    # compare: [z1:50 A, 50 D; z2: 150 D] vs [z1: 50 A; z2: 200 D]: both place 250; distance 50*150+50*880.06+
    # 150*122.07 = 69,813 vs 50*150+200*122.07 = 31,914 -> z2 fills D, z1 sends 50 to A, 50 unplaced; z3, z4 none.
    assert sh.loc["A", "evacuees"] == 50 and sh.loc["D", "evacuees"] == 200 and sh.loc["C", "evacuees"] == 0
    assert pc.loc["z1", "assigned_evacuees"] == 50 and pc.loc["z1", "unassigned_evacuees"] == 50
    assert pc.loc["z2", "assigned_evacuees"] == 200
    assert pc.loc["z3", "unassigned_evacuees"] == 40 and not bool(pc.loc["z3", "unreached"])
    assert res["EVACUEES_ASSIGNED"] == 250 and res["EVACUEES_UNASSIGNED"] == 100
    assert res["OVER_CAPACITY_SHELTERS"] == 0
    assert (sh["evacuees"] <= sh["capacity_calc"]).all()
    # shortfall: unplaced people at their nearest eligible shelter: z1's 50 at A, z3's 40 and z4's 10 at C
    assert sh.loc["A", "shortfall_persons"] == 50 and sh.loc["C", "shortfall_persons"] == 50
    assert sh.loc["D", "shortfall_persons"] == 0 and res["SHORTFALL_TOTAL"] == 100
    # nobody has room left among eligible shelters -> no room shelters
    assert pc.loc["z3", "room_shelter_ids"] in (None, "")
    # a maximum distance of 500 m: z3, z4 unreached, z1 only to A
    res2, sh2, pc2 = run(run_alg, tmp_path, fac, zones, EVACUATION_RATE=1.0, MAX_DISTANCE_M=500)
    assert bool(pc2.loc["z4", "unreached"]) and pc2.loc["z4", "assigned_evacuees"] == 0
    assert res2["EVACUEES_ASSIGNED"] == 250


HAZARD_FAC = [
    # id, ok_flood, flood_conflict, flood_rank, conditional_hazards, floors, capacity -> expected eligibility, places
    ("safe", 1.0, False, 1.0, None, None, 100, "eligible", 100),
    ("nodesig", 0.0, None, 1.0, None, None, 100, "not_designated", 0),
    ("unknown", None, None, 1.0, None, None, 100, "designation_unknown", 0),
    ("conflict", 1.0, True, 3.0, None, 2, 100, "conflict", 0),
    # rank 2 (0.5-3 m): upper bound 3 m -> ground floor lost; 3 floors -> 2 usable -> 2/3 of 90 = 60
    ("cond3", 1.0, False, 2.0, "flood,tsunami", 3, 90, "upper_floors_only", 60),
    ("cond_nofloors", 1.0, False, 2.0, "flood", None, 90, "upper_floors_unknown", 0),
    ("outside", 1.0, None, None, None, None, 30, "eligible_no_hazard_data", 30),
]


def test_flood_eligibility_by_hand(run_alg, tmp_path):
    rows = [dict(id=r[0], designated_shelter=True, emergency_site=True, ok_flood=r[1], flood_conflict=r[2],
                 flood_rank=r[3], conditional_hazards=r[4], floors=r[5], capacity_persons=r[6],
                 xy=(100 * i, 0)) for i, r in enumerate(HAZARD_FAC)]
    rows.append(dict(id="park", designated_shelter=False, emergency_site=True, ok_flood=1.0, flood_conflict=False,
                     flood_rank=1.0, conditional_hazards=None, floors=None, capacity_persons=500, xy=(50, 50)))
    fac = shelters_layer(tmp_path, rows)
    zones = zones_layer(tmp_path, [("z", (300, 10), 1000)])
    res, sh, pc = run(run_alg, tmp_path, fac, zones, EVACUATION_RATE=1.0, HAZARD_TYPE="flood")
    for r in HAZARD_FAC:
        assert sh.loc[r[0], "eligibility"] == r[7], r[0]
        assert sh.loc[r[0], "capacity_calc"] == r[8], r[0]
    assert sh.loc["park", "eligibility"] == "not_stay_role" and sh.loc["park", "evacuees"] == 0
    # 1000 people, places 100 + 60 + 30 = 190; every place filled, nobody elsewhere
    assert sh["evacuees"].sum() == 190 and res["EVACUEES_UNASSIGNED"] == 810
    assert (sh.loc[~sh["eligible"].astype(bool), "evacuees"] == 0).all()
    # legacy HAZARD_FIELD=flood_conflict means HAZARD_TYPE=flood
    _, sh2, _ = run(run_alg, tmp_path, fac, zones, EVACUATION_RATE=1.0, HAZARD_FIELD="flood_conflict")
    assert (sh2["eligibility"] == sh["eligibility"]).all()


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
    res, sh, pc = run(run_alg, tmp_path, fac, zones, ROADS=road_path, EVACUATION_RATE=1.0, ASSIGNMENT="nearest")
    # straight line would give P (424 m) for near_p; along the road: to P 1300 + 500 + 1000 = 2800, to Q 1700;
    # plus the 200 m access leg from the zone to the road
    assert pc.loc["near_p", "shelter_id"] == "Q"
    assert pc.loc["near_p", "distance_m"] == pytest.approx(1700 + 200, abs=0.01)
    assert pc.loc["on_road", "shelter_id"] == "Q"
    assert pc.loc["on_road", "distance_m"] == pytest.approx(500, abs=0.01)
    assert pc.loc["island", "shelter_id"] is None and bool(pc.loc["island", "unreached"])
    assert sh.loc["Q", "evacuees"] == 50 and sh.loc["P", "evacuees"] == 0
    assert res["POPULATION_UNREACHED"] == 7 and res["EVACUEES_UNREACHED"] == 7
    assert sh.loc["Q", "shortfall_persons"] == 40
    # capacity: Q holds 10 -> on_road (500 m) 10 to Q (20 * 500 vs near_p 1900: on_road is nearer), the rest to P
    # by road: on_road -> P = 2500 + 500 = 3000 m, near_p -> P = 2800 + 200 = 3000 m; P holds 10 too
    res_c, sh_c, pc_c = run(run_alg, tmp_path, fac, zones, ROADS=road_path, EVACUATION_RATE=1.0)
    assert sh_c.loc["Q", "evacuees"] == 10 and sh_c.loc["P", "evacuees"] == 10
    assert pc_c.loc["on_road", "assigned_evacuees"] + pc_c.loc["near_p", "assigned_evacuees"] == 20
    assert res_c["EVACUEES_UNASSIGNED"] == 57 - 20
    _, _, pc_line = run(run_alg, tmp_path, fac, zones, ASSIGNMENT="nearest")
    assert pc_line.loc["near_p", "shelter_id"] == "P"


def _takamatsu_flood_inputs(run_alg, tmp_path):
    from .conftest import shared_data
    fac, fh = str(tmp_path / "tkm.gpkg"), str(tmp_path / "tkm_flood.gpkg")
    run_alg("sonae:importshelters", {"INPUTS": [shared_data("takamatsu", "shelters", "evacuation_space.csv"),
                                                shared_data("takamatsu", "shelters", "tsunami_evacuation_building.csv")],
                                     "OUTPUT": fac})
    raster = os.path.join(ROOT, "demo", "data", "takamatsu", "takamatsu_flood_max_depthrank_A31b23.tif")
    run_alg("sonae:hazardexposure", {"FACILITIES": fac, "HAZARD": raster, "HAZARD_TYPE": 0, "VALUE_KIND": 1,
                                     "RADIUS_M": 0, "OUTPUT": fh})
    points = shared_data("takamatsu", "population", "population_by_town_age_202602_points.geojson")
    return fh, points


def test_takamatsu_flood_capacity_is_safe_conserved_and_optimal(run_alg, tmp_path):
    """Real data: Takamatsu's shelters (+ tsunami buildings), the KSJ A31b flood ranks, 235 town points (all
    residents, rate 0.6). Checked independently: eligibility recomputed from the columns, capacities, exact
    conservation, and the optimum against scipy's HiGHS on the full zone x shelter problem (no k restriction)."""
    from pyproj import Transformer
    from scipy.optimize import linprog
    from scipy.sparse import coo_matrix, hstack, identity
    fh, points = _takamatsu_flood_inputs(run_alg, tmp_path)
    out, catch = str(tmp_path / "s.gpkg"), str(tmp_path / "c.gpkg")
    res = run_alg("sonae:sheltercatchments", {
        "FACILITIES": fh, "POPULATION": points, "POPULATION_FIELD": "totalPopulation", "ZONE_ID_FIELD": "regionName",
        "HAZARD_TYPE": "flood", "EVACUATION_RATE": 0.6, "MAX_DISTANCE_M": 5000, "K_NEAREST": 3,
        "OUTPUT": out, "CATCHMENTS": catch})
    sh, pc, src = gpd.read_file(out), gpd.read_file(catch), gpd.read_file(points)
    # independent eligibility: stay role (designated or welfare shelter), ok_flood, no conflict; a flooded site
    # (rank >= 2) only with known floors: floors entirely above the class's upper depth (3 m per storey,
    # rules/vertical_evacuation.json) pro rata of capacity
    stay = (sh["designated_shelter"].fillna(0).astype(float) == 1) | (sh["welfare_shelter"].fillna(0).astype(float) == 1)
    ok = sh["ok_flood"].fillna(0).astype(float) == 1
    conflict = sh["flood_conflict"].fillna(0).astype(float) == 1
    rank = sh["flood_rank"]
    assert set(rank[ok & stay & (rank >= 2)].unique()) <= {2.0, 3.0}
    upper = rank.map({2.0: 3.0, 3.0: 5.0})                      # depth_classes.json upper bounds
    cap = pd.to_numeric(sh["capacity_persons"], errors="coerce")
    usable = np.maximum(0, sh["floors"] - np.ceil(upper / 3.0))
    part = np.floor(cap * usable / sh["floors"])
    flooded = rank.fillna(0) >= 2
    expect_cap = np.where(flooded, part.fillna(0), cap.fillna(0))
    safe = stay & ok & ~conflict & (~flooded | (part.fillna(0) > 0))
    assert (sh["eligible"].astype(bool) == safe).all()
    assert sh.loc[~safe, "evacuees"].sum() == 0                          # nobody in a non-safe shelter
    assert (sh.loc[safe, "capacity_calc"].to_numpy() == expect_cap[safe.to_numpy()]).all()
    assert (sh["evacuees"] <= sh["capacity_calc"]).all()                 # nobody above capacity
    assert res["OVER_CAPACITY_SHELTERS"] == 0
    # people conserved exactly
    total = int(np.floor(src["totalPopulation"].sum() * 0.6 + 0.5))
    assert pc["evacuees"].sum() == total == res["EVACUEES_TOTAL"]
    assert (pc["assigned_evacuees"] + pc["unassigned_evacuees"] == pc["evacuees"]).all()
    assert sh["evacuees"].sum() == pc["assigned_evacuees"].sum() == res["EVACUEES_ASSIGNED"]
    assert (np.abs(pc["evacuees"] - pc["population"] * 0.6) < 1).all()
    # the optimum of the full problem (every pair within 5 km), solved directly
    el = sh[safe & (sh["capacity_calc"] > 0)].reset_index(drop=True)
    tr = Transformer.from_crs(sh.crs, "EPSG:6690", always_xy=True)
    sx, sy = tr.transform(el.geometry.x.to_numpy(), el.geometry.y.to_numpy())
    zx, zy = Transformer.from_crs(src.crs, "EPSG:6690", always_xy=True).transform(
        src.geometry.x.to_numpy(), src.geometry.y.to_numpy())
    d = np.hypot(zx[:, None] - sx[None, :], zy[:, None] - sy[None, :])
    zi, si = np.nonzero(d <= 5000)
    nz, ns, m = len(src), len(el), len(zi)
    supply = pc.set_index("zone_id").loc[src["regionName"], "evacuees"].to_numpy()
    big = 1e10
    a_eq = hstack([coo_matrix((np.ones(m), (zi, np.arange(m))), shape=(nz, m)), identity(nz)])
    a_ub = hstack([coo_matrix((np.ones(m), (si, np.arange(m))), shape=(ns, m)), coo_matrix((ns, nz))])
    lp = linprog(np.r_[d[zi, si], np.full(nz, big)], A_ub=a_ub, b_ub=el["capacity_calc"].to_numpy(), A_eq=a_eq,
                 b_eq=supply, bounds=(0, None), method="highs")
    assert res["EVACUEES_UNASSIGNED"] == int(round(lp.x[m:].sum()))
    sonae_cost = float((pc["assigned_evacuees"] * pc["mean_distance_m"].fillna(0)).sum())
    assert sonae_cost == pytest.approx(float(lp.x[:m] @ d[zi, si]), rel=1e-6)
    # the nearest method on the same data puts people above capacity (the finding)
    out2, catch2 = str(tmp_path / "s2.gpkg"), str(tmp_path / "c2.gpkg")
    res2 = run_alg("sonae:sheltercatchments", {
        "FACILITIES": fh, "POPULATION": points, "POPULATION_FIELD": "totalPopulation", "ZONE_ID_FIELD": "regionName",
        "HAZARD_TYPE": "flood", "EVACUATION_RATE": 0.6, "MAX_DISTANCE_M": 5000, "ASSIGNMENT": "nearest",
        "OUTPUT": out2, "CATCHMENTS": catch2})
    sh2 = gpd.read_file(out2)
    assert res2["OVER_CAPACITY_SHELTERS"] == int((sh2["evacuees"] > sh2["capacity_calc"]).sum()) > 0
    assert sh2.loc[~safe, "evacuees"].sum() == 0


def test_bad_inputs_are_named(run_alg, tmp_path):
    from qgis.core import QgsProcessingException
    fac = shelters_layer(tmp_path, FACILITIES)
    zones = zones_layer(tmp_path, ZONES)
    with pytest.raises(QgsProcessingException, match=r"(?s)項目「ok_flood」.*no field 'ok_flood'"):
        run(run_alg, tmp_path, fac, zones, HAZARD_TYPE="flood")
    with pytest.raises(QgsProcessingException, match=r"(?s)no field\(s\) people"):
        run(run_alg, tmp_path, fac, zones, POPULATION_FIELD="people")
    no_shelter = shelters_layer(tmp_path, [FACILITIES[4]], name="h.gpkg")
    with pytest.raises(QgsProcessingException, match=r"(?s)避難所.*has no shelter"):
        run(run_alg, tmp_path, no_shelter, zones)


@pytest.mark.parametrize("assignment, rate", [("capacity", 0.2), ("nearest", 0.6)])
def test_takamatsu_room_shelters_match_brute_force(run_alg, tmp_path, assignment, rate):
    """Real data (Takamatsu, flood, 235 town points): each zone's room_shelter_ids are the 3 nearest eligible
    shelters that still have room, nearest first, and room_distance_m the distance to the first; the main
    shelter and its distance too. Recomputed by brute force over every zone x shelter pair (no KD-tree)."""
    from pyproj import Transformer
    fh, points = _takamatsu_flood_inputs(run_alg, tmp_path)
    out, catch = str(tmp_path / "s.gpkg"), str(tmp_path / "c.gpkg")
    run_alg("sonae:sheltercatchments", {
        "FACILITIES": fh, "POPULATION": points, "POPULATION_FIELD": "totalPopulation", "ZONE_ID_FIELD": "regionName",
        "HAZARD_TYPE": "flood", "EVACUATION_RATE": rate, "MAX_DISTANCE_M": 5000, "ASSIGNMENT": assignment,
        "OUTPUT": out, "CATCHMENTS": catch})
    sh, pc, src = gpd.read_file(out), gpd.read_file(catch), gpd.read_file(points)
    assert len(pc) == len(src) and (pc["zone_id"].to_numpy() == src["regionName"].astype(str).to_numpy()).all()
    tr = Transformer.from_crs(sh.crs, "EPSG:6690", always_xy=True)
    sx, sy = tr.transform(sh.geometry.x.to_numpy(), sh.geometry.y.to_numpy())
    zx, zy = Transformer.from_crs(src.crs, "EPSG:6690", always_xy=True).transform(
        src.geometry.x.to_numpy(), src.geometry.y.to_numpy())
    d = np.hypot(zx[:, None] - sx[None, :], zy[:, None] - sy[None, :])
    ids = sh["id"].astype(str).to_numpy()
    col = {s: j for j, s in enumerate(ids)}
    assert len(col) == len(ids)
    room = sh["eligible"].astype(bool).to_numpy() & (sh["room_left"].fillna(0).to_numpy() > 0)
    assert 3 < room.sum() < len(sh)                # some shelters are full or not eligible: the filter matters
    n_checked = 0
    for i, text in enumerate(pc["room_shelter_ids"].fillna("").tolist()):
        got = text.split(",") if text else []
        best = np.sort(d[i, room])[:3]
        assert len(got) == len(best) == 3
        assert len(set(got)) == 3 and all(room[col[g]] for g in got)
        # the same distances as the brute-force 3 nearest with room, in order (ties may swap equal ids)
        assert [d[i, col[g]] for g in got] == pytest.approx(list(best), rel=1e-9, abs=1e-6)
        assert pc["room_distance_m"].iloc[i] == pytest.approx(best[0], rel=1e-6)
        n_checked += 1
        main = pc["shelter_id"].iloc[i]
        if assignment == "nearest" and main is not None:
            elig = sh["eligible"].astype(bool).to_numpy()
            assert d[i, col[main]] == pytest.approx(d[i, elig].min(), rel=1e-9, abs=1e-6)
            assert pc["distance_m"].iloc[i] == pytest.approx(d[i, elig].min(), rel=1e-6)
    assert n_checked == len(src)
