"""Travel distances: straight line x detour factor (by hand), and the QGIS road-network adapter on a hand-built
road layer (shortest paths worked out on paper below), through the engine and through sonae:chargercoverage."""
from __future__ import annotations

import math

import geopandas as gpd
import numpy as np
import pytest
import shapely

CRS = "EPSG:6672"  # JGD2011 / Japan Plane Rectangular CS IV (Shikoku), metres

# Hand-built network (metres):
#   E(0,1500) ---------- F(1500,1500) --- D(2000,1500)      polyline E-F-D (one feature)
#   |                  /                  |
#   |               /  (B-F diagonal)     |
#   A(0,0) ---- B(1000,0) ---- C(2000,0) -+                 A-B, B-C, C-D, A-E, B-F
#   disconnected: G(5000,0) ---- H(6000,0)
ROADS = [[(0, 0), (1000, 0)], [(1000, 0), (2000, 0)], [(2000, 0), (2000, 1500)], [(0, 0), (0, 1500)],
         [(0, 1500), (1500, 1500), (2000, 1500)], [(1000, 0), (1500, 1500)], [(5000, 0), (6000, 0)]]
CHARGERS = [("C1", (0, -50)), ("C2", (1000, -10))]
SHELTERS = [("S1", (1500, 1540)), ("S2", (2060, 750)), ("S3", (5500, 20)), ("S4", (3000, 5000))]
BF = math.hypot(500, 1500)  # the diagonal B-F
# Shortest paths by hand (access leg + network + egress leg):
#  C1 -> S1: 50 + A-B 1000 + B-F 1581.14 + 40 (alternatives A-E-F 3000, A-B-C-D-F 4000)
#  C1 -> S2: 50 + A-B-C 2000 + 750 up C-D + 60 (via F-D-down: 1000 + 1581 + 500 + 750)
#  C2 -> S1: 10 + B-F 1581.14 + 40;   C2 -> S2: 10 + B-C 1000 + 750 + 60
#  S3 lies 20 m from the disconnected G-H road: unreachable; S4 is 3.5 km from any road (> 500 m): unreachable
EXPECTED_M = np.array([[50 + 1000 + BF + 40, 50 + 2000 + 750 + 60, np.inf, np.inf],
                       [10 + BF + 40, 10 + 1000 + 750 + 60, np.inf, np.inf]])


def _roads_layer(roads=ROADS, crs=CRS):
    from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsVectorLayer
    layer = QgsVectorLayer(f"LineString?crs={crs}&field=name:string", "hand_roads", "memory")
    feats = []
    for i, line in enumerate(roads):
        f = QgsFeature(layer.fields())
        f.setGeometry(QgsGeometry.fromPolylineXY([QgsPointXY(*p) for p in line]))
        f.setAttributes([f"r{i}"])
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    layer.updateExtents()
    return layer


def _points_layer(items, name, crs=CRS):
    from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsVectorLayer
    layer = QgsVectorLayer(f"Point?crs={crs}&field=id:string", name, "memory")
    feats = []
    for ident, (x, y) in items:
        f = QgsFeature(layer.fields())
        f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, y)))
        f.setAttributes([ident])
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    return layer


def _gdf(items, crs=CRS):
    return gpd.GeoDataFrame({"id": [i for i, _ in items]}, geometry=[shapely.Point(p) for _, p in items], crs=crs)


# --- straight line x detour ------------------------------------------------------------------------------------

def test_straight_line_projected_is_pythagoras_times_detour():
    from sonae.engine.travel import straight_line_matrix
    o = _gdf([("a", (0, 0))])
    d = _gdf([("b", (3000, 4000)), ("c", (0, 0)), ("d", (-6000, 8000))])
    tm = straight_line_matrix(o, d, detour_factor=1.3, speed_kmh=20.0)
    # 5 km x 1.3 = 6.5 km -> 6.5 / 20 h = 19.5 min; 10 km x 1.3 = 13 km -> 39 min
    np.testing.assert_allclose(tm.km, [[6.5, 0.0, 13.0]], atol=1e-9)
    np.testing.assert_allclose(tm.hours * 60, [[19.5, 0.0, 39.0]], atol=1e-9)


def test_straight_line_geographic_is_haversine_by_hand():
    from sonae.engine.travel import load_rules, straight_line_matrix
    r = load_rules()["earth_radius_km"]
    o = gpd.GeoDataFrame(geometry=[shapely.Point(134.0, 34.0)], crs="EPSG:6668")
    d = gpd.GeoDataFrame(geometry=[shapely.Point(134.0, 35.0), shapely.Point(134.1, 34.0)], crs="EPSG:6668")
    tm = straight_line_matrix(o, d, detour_factor=1.0, speed_kmh=30.0)
    north = r * math.pi / 180.0                                       # one degree of latitude on the sphere
    east = 2 * r * math.asin(math.cos(math.radians(34.0)) * math.sin(math.radians(0.05)))
    np.testing.assert_allclose(tm.km, [[north, east]], rtol=1e-12)
    assert abs(north - 111.195) < 0.001                               # the familiar 111.2 km per degree
    np.testing.assert_allclose(tm.hours, [[north / 30.0, east / 30.0]], rtol=1e-12)


def test_straight_line_reprojects_origins_and_rejects_bad_factor():
    from sonae.engine.errors import SonaeInputError
    from sonae.engine.travel import straight_line_matrix
    o = _gdf([("a", (0, 0))]).to_crs("EPSG:6668")
    d = _gdf([("b", (3000, 4000))])
    tm = straight_line_matrix(o, d, 1.0, 20.0)
    assert tm.km[0, 0] == pytest.approx(5.0, abs=1e-6)
    with pytest.raises(SonaeInputError, match="迂回係数"):
        straight_line_matrix(o, d, 0.8, 20.0)


# --- road network ------------------------------------------------------------------------------------------------

def test_network_distances_match_hand_computed_shortest_paths(qgis_app):
    from sonae.processing_algorithms.network import network_matrix
    warnings = []
    tm = network_matrix(_roads_layer(), _gdf(CHARGERS), _gdf(SHELTERS), speed_kmh=20.0, max_snap_m=500.0,
                        origin_ids=[c for c, _ in CHARGERS], dest_ids=[s for s, _ in SHELTERS],
                        want_routes=True, warn=warnings.append)
    np.testing.assert_allclose(tm.km * 1000.0, EXPECTED_M, rtol=1e-9, atol=1e-6)
    np.testing.assert_allclose(tm.hours, EXPECTED_M / 1000.0 / 20.0, rtol=1e-9)
    assert len(warnings) == 2 and "S4" in warnings[0]          # the shelter 3.5 km from any road
    assert "S3" in warnings[1] and "S4" not in warnings[1]      # the shelter on the disconnected G-H road, named
    assert tm.unreachable.tolist() == [False, False, True, True]
    route = tm.routes[(0, 0)]                                    # C1 -> S1 along A, B, F
    np.testing.assert_allclose(route, [(0, -50), (0, 0), (1000, 0), (1500, 1500), (1500, 1540)], atol=1e-6)
    assert (0, 2) not in tm.routes and (1, 3) not in tm.routes


def test_network_in_lon_lat_uses_ellipsoidal_metres(qgis_app):
    """The same network in EPSG:6668: lengths agree with the projected ones to the CS IV scale (< 0.1 %)."""
    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsPointXY, QgsProject
    from sonae.processing_algorithms.network import network_matrix
    # place the hand network near Takamatsu: shift into CS IV coordinates of about 34.3N 134.05E
    x0, y0 = 62000.0, 144000.0
    xf = QgsCoordinateTransform(QgsCoordinateReferenceSystem(CRS), QgsCoordinateReferenceSystem("EPSG:6668"),
                                QgsProject.instance())

    def ll(p):
        q = xf.transform(QgsPointXY(p[0] + x0, p[1] + y0))
        return (q.x(), q.y())
    roads = _roads_layer([[ll(p) for p in line] for line in ROADS], "EPSG:6668")
    tm = network_matrix(roads, _gdf([(c, (p[0] + x0, p[1] + y0)) for c, p in CHARGERS]),
                        _gdf([(s, (p[0] + x0, p[1] + y0)) for s, p in SHELTERS]), 20.0, 500.0)
    finite = np.isfinite(EXPECTED_M)
    assert (np.isfinite(tm.km) == finite).all()
    np.testing.assert_allclose(tm.km[finite] * 1000.0, EXPECTED_M[finite], rtol=1e-3)


def test_charger_outside_the_roads_reach_is_a_clear_error(qgis_app):
    from sonae.engine.errors import SonaeInputError
    from sonae.processing_algorithms.network import network_matrix
    with pytest.raises(SonaeInputError) as info:
        network_matrix(_roads_layer(), _gdf([("C1", (0, -50)), ("FAR", (-3000, -4000))]), _gdf(SHELTERS),
                       20.0, 500.0, origin_ids=["C1", "FAR"])
    msg = str(info.value)
    assert "'FAR'" in msg and "5,000 m" in msg and "outside the road network's reach" in msg
    assert "道路網の範囲外" in msg and "「FAR」" in msg


def test_chargercoverage_on_roads(run_alg, tmp_path):
    """Coverage within 5 minutes at 20 km/h (1,666.7 m): only S1 from C2 (1,631 m); S2's nearest is C2 at 1,820 m."""
    out = str(tmp_path / "coverage.gpkg")
    pairs = str(tmp_path / "pairs.gpkg")
    res = run_alg("sonae:chargercoverage", {
        "CHARGERS": _points_layer(CHARGERS, "chargers"), "CHARGER_ID_FIELD": "id",
        "SHELTERS": _points_layer(SHELTERS, "shelters"), "SHELTER_ID_FIELD": "id",
        "ROADS": _roads_layer(), "MINUTES": 5.0, "SPEED_KMH": 20.0, "OUTPUT": out, "OUTPUT_PAIRS": pairs})
    got = gpd.read_file(out).set_index("id")
    assert res["SHELTERS_COVERED"] == 1 and res["SHELTERS_TOTAL"] == 4
    minutes = EXPECTED_M.min(axis=0) / 1000.0 / 20.0 * 60.0
    assert list(got["nearest_charger_id"].iloc[:2]) == ["C2", "C2"]
    np.testing.assert_allclose(got["nearest_charger_min"].iloc[:2], minutes[:2], rtol=1e-9)
    assert got["nearest_charger_min"].iloc[2:].isna().all() and got["nearest_charger_id"].iloc[2:].isna().all()
    assert list(got["chargers_within"]) == [1, 0, 0, 0]
    assert list(got["covered"].astype(bool)) == [True, False, False, False]
    p = gpd.read_file(pairs)
    assert list(zip(p["charger_id"], p["shelter_id"])) == [("C2", "S1")]
    assert p.geometry.iloc[0].length == pytest.approx(EXPECTED_M[1, 0], rel=1e-9)  # the route itself


def test_chargercoverage_straight_line_by_hand(run_alg, tmp_path):
    """Without roads: straight x 1.3 at 20 km/h. C2 (1000,-10) -> S1 (1500,1540): hypot(500,1550) m."""
    out = str(tmp_path / "coverage.gpkg")
    res = run_alg("sonae:chargercoverage", {
        "CHARGERS": _points_layer(CHARGERS, "chargers"), "SHELTERS": _points_layer(SHELTERS, "shelters"),
        "MINUTES": 6.0, "SPEED_KMH": 20.0, "DETOUR_FACTOR": 1.3, "OUTPUT": out})
    got = gpd.read_file(out).set_index("id")
    straight = np.array([[math.hypot(sx - cx, sy - cy) for _, (sx, sy) in SHELTERS] for _, (cx, cy) in CHARGERS])
    minutes = straight * 1.3 / 1000.0 / 20.0 * 60.0
    np.testing.assert_allclose(got["nearest_charger_min"], minutes.min(axis=0), rtol=1e-9)
    assert list(got["chargers_within"]) == list((minutes <= 6.0).sum(axis=0))
    assert res["SHELTERS_COVERED"] == int((minutes <= 6.0).any(axis=0).sum())


def test_evdeliveryplan_names_shelters_cut_off_by_a_disconnected_road(run_alg, tmp_path):
    """Roads: C1 -(8 km)- S1 with a spur, C2's own 4 km road to S4, and an isolated 3.9 km piece at x=0 from
    y=4,100 to 8,000 m that S2 (at y=4,000, 100 m away) snaps to: no charger reaches S2 over the roads. S3 is 300 km
    from any road. The plan must name S2 (and S3) and mark them reachable = false instead of shrinking silently."""
    import geopandas as gpd
    from qgis.core import QgsProcessingFeedback
    from sonae.tests.test_mobility_plan import _chargers, _fleet, _shelters_gpkg

    class Feedback(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.messages = []

        def pushInfo(self, info):  # noqa: N802
            self.messages.append(info)

        def pushWarning(self, warning):  # noqa: N802
            self.messages.append(warning)

    roads = _roads_layer([[(0, 0), (8000, 0)], [(8000, 0), (8000, 2000)], [(100000, 0), (104000, 0)],
                          [(0, 4100), (0, 8000)]])
    out = {k: str(tmp_path / f"{k}.gpkg") for k in ("lines", "table", "after")}
    fb = Feedback()
    run_alg("sonae:evdeliveryplan", {
        "CHARGERS": _chargers(), "EV_FLEET": _fleet(), "SHELTERS": _shelters_gpkg(str(tmp_path / "in.gpkg")),
        "ROADS": roads, "TIME_BUDGET_H": 10.0, "SPEED_KMH": 20.0,
        "OUTPUT_LINES": out["lines"], "OUTPUT_TABLE": out["table"], "OUTPUT_SHELTERS": out["after"]}, feedback=fb)
    after = gpd.read_file(out["after"]).set_index("id")
    assert after["reachable"].astype(bool).to_dict() == {"S1": True, "S2": False, "S3": False, "S4": True}
    cut = [m for m in fb.messages if "not connected" in m]
    assert len(cut) == 1 and "S2" in cut[0] and "S3" not in cut[0] and "つながっていない" in cut[0]
    assert any("S3" in m and "farther than" in m for m in fb.messages)
