"""Road-network distances for Sonae algorithms through QGIS network analysis (the QGIS adapter of engine/travel).

``network_matrix`` builds one graph of a line layer with ``QgsVectorLayerDirector`` + ``QgsGraphBuilder`` (the
origins and destinations are tied into it as additional points), runs ``QgsGraphAnalyzer.dijkstra`` once per
origin and returns a :class:`engine.travel.TravelMatrix` of one-way km (and hours at a uniform speed).

Distance of a pair = access leg (origin -> its tied point on the nearest road, straight) + shortest path on the
graph + egress leg (tied point -> destination). Roads are two-way unless a direction field is given. Lengths are
ellipsoidal metres (GRS80) for a longitude/latitude layer and planar metres for a projected one.

A point farther than ``max_snap_m`` from every road is outside the network's reach: for an origin (a charger)
that is an error naming it; for a destination (a shelter) the pair is unreachable (inf) and reported.
"""
from __future__ import annotations

import numpy as np
from qgis.analysis import (QgsGraphAnalyzer, QgsGraphBuilder, QgsNetworkDistanceStrategy,
                           QgsVectorLayerDirector)
from qgis.core import Qgis
from qgis.core import (QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsDistanceArea, QgsPointXY,
                       QgsProject, QgsUnitTypes, QgsWkbTypes)

from ..engine.errors import SonaeInputError
from ..engine.progress import ensure
from ..engine.travel import TravelMatrix, network_hours, straight_line_matrix
from .qgis_io import crs_of

ELLIPSOID = "EPSG:7019"  # GRS80, the ellipsoid of JGD2000/JGD2011


def _points(gdf, target_crs: QgsCoordinateReferenceSystem):
    """Shapely points of a GeoDataFrame as QgsPointXY in ``target_crs`` (plus the original coordinates)."""
    src = crs_of(gdf) if gdf.crs is not None else target_crs
    xform = QgsCoordinateTransform(src, target_crs, QgsProject.instance())
    geoms = gdf.geometry
    pts = geoms if (geoms.geom_type == "Point").all() else geoms.representative_point()
    return [xform.transform(QgsPointXY(float(x), float(y))) for x, y in zip(pts.x, pts.y)]


def _distance_area(crs: QgsCoordinateReferenceSystem, extent=None):
    """A QgsDistanceArea in metres for ``crs`` and the ellipsoid id for the graph builder."""
    # Planar only in a local metric CRS (engine.metric: e.g. the prefecture's plane rectangular zone); else on
    # the ellipsoid: planar lengths in EPSG:3857 are x1.2 too long in Japan.
    da = QgsDistanceArea()
    da.setSourceCrs(crs, QgsProject.instance().transformContext())
    if crs.isGeographic() or not _local_metric(crs, extent):
        da.setEllipsoid(ELLIPSOID)
        return da, ELLIPSOID, 1.0
    da.setEllipsoid("NONE")
    factor = QgsUnitTypes.fromUnitToUnitFactor(crs.mapUnits(), Qgis.DistanceUnit.Meters)
    return da, "NONE", factor


def _local_metric(crs: QgsCoordinateReferenceSystem, extent) -> bool:
    from ..engine.metric import is_local_metric
    if extent is None or extent.isNull():
        return False
    to_ll = QgsCoordinateTransform(crs, QgsCoordinateReferenceSystem("EPSG:4326"), QgsProject.instance())
    try:
        c = to_ll.transform(extent.center())
    except Exception:                   # noqa: BLE001
        return False
    return is_local_metric(crs.toWkt(), c.x(), c.y())


def check_roads(roads, roads_name: str) -> None:
    """A road layer must hold lines and at least one feature."""
    if QgsWkbTypes.geometryType(roads.wkbType()) != Qgis.GeometryType.Line:
        raise SonaeInputError(f"Layer '{roads_name}' (ROADS) is not a line layer. Choose a road centre-line layer.",
                              f"レイヤ「{roads_name}」（ROADS）は線レイヤではありません。道路中心線のレイヤを選んでください。")
    if roads.featureCount() == 0:
        raise SonaeInputError(f"Layer '{roads_name}' (ROADS) has no roads.",
                              f"レイヤ「{roads_name}」（ROADS）に道路がありません。")


def build_graph(roads, crs: QgsCoordinateReferenceSystem, points: list, tolerance: float, ellipsoid: str,
                feedback=None):
    """One two-way graph of ``roads`` (length as cost) with ``points`` tied in. Returns (graph, tied points)."""
    director = QgsVectorLayerDirector(roads, -1, "", "", "", QgsVectorLayerDirector.Direction.DirectionBoth)
    director.addStrategy(QgsNetworkDistanceStrategy())
    builder = QgsGraphBuilder(crs, True, float(tolerance), ellipsoid)
    tied = director.makeGraph(builder, points, feedback)
    return builder.graph(), tied


def network_matrix(roads, origins, dests, speed_kmh: float, max_snap_m: float, tolerance: float = 0.0,
                   origin_ids=None, dest_ids=None, origins_name: str = "chargers", roads_name: str | None = None,
                   want_routes: bool = False, progress=None, warn=None) -> TravelMatrix:
    """One-way network km/hours from each origin (rows) to each destination (columns) over ``roads``.

    ``roads``: a QgsVectorLayer of lines. ``origins``/``dests``: GeoDataFrames of points (any CRS).
    ``want_routes``: also return the path polylines (in the destinations' CRS) for reachable pairs.
    """
    progress = ensure(progress)
    roads_name = roads_name or roads.name()
    check_roads(roads, roads_name)
    crs = roads.crs()
    da, ellipsoid, unit_m = _distance_area(crs, roads.extent())
    o_pts = _points(origins, crs)
    d_pts = _points(dests, crs)
    origin_ids = list(origin_ids) if origin_ids is not None else [str(i + 1) for i in range(len(o_pts))]
    dest_ids = list(dest_ids) if dest_ids is not None else [str(i + 1) for i in range(len(d_pts))]

    graph, tied = build_graph(roads, crs, o_pts + d_pts, tolerance, ellipsoid)
    progress.update(0.2)

    def snap_m(p, t):
        return da.measureLine(p, t) * unit_m

    o_tied, d_tied = tied[:len(o_pts)], tied[len(o_pts):]
    o_snap = np.array([snap_m(p, t) for p, t in zip(o_pts, o_tied)])
    d_snap = np.array([snap_m(p, t) for p, t in zip(d_pts, d_tied)])
    far = np.flatnonzero(~(o_snap <= max_snap_m))
    if len(far):
        i = int(far[0])
        raise SonaeInputError(
            f"Charger '{origin_ids[i]}' of layer '{origins_name}' is {o_snap[i]:,.0f} m from the nearest road of "
            f"'{roads_name}' (limit {max_snap_m:g} m): it is outside the road network's reach. Move the charger "
            "onto the network, extend the road layer, or run without ROADS (straight line x detour factor).",
            f"レイヤ「{origins_name}」の充電拠点「{origin_ids[i]}」は道路レイヤ「{roads_name}」の最寄り道路から "
            f"{o_snap[i]:,.0f} m 離れています（上限 {max_snap_m:g} m）。道路網の範囲外です。充電拠点の位置を直すか、"
            "道路レイヤを広げるか、ROADSなし（直線距離×迂回係数）で実行してください。")
    d_far = ~(d_snap <= max_snap_m)
    if d_far.any() and warn:
        warn(f"{int(d_far.sum())} destination(s) farther than {max_snap_m:g} m from any road are unreachable: "
             + ", ".join(str(dest_ids[i]) for i in np.flatnonzero(d_far)[:10])
             + f" / 道路から {max_snap_m:g} m 以上離れた目的地 {int(d_far.sum())} 件は到達不可としました。")
    d_vertex = np.array([graph.findVertex(t) for t in d_tied])

    km = np.full((len(o_pts), len(d_pts)), np.inf)
    routes = {}
    for i, (p, t) in enumerate(zip(o_pts, o_tied)):
        start = graph.findVertex(t)
        tree, cost = QgsGraphAnalyzer.dijkstra(graph, start, 0)
        tree = np.asarray(tree)
        cost = np.asarray(cost, dtype=float)
        reach = (tree[d_vertex] != -1) | (d_vertex == start)
        reach &= ~d_far
        metres = cost[d_vertex] * unit_m + o_snap[i] + d_snap
        km[i] = np.where(reach, metres / 1000.0, np.inf)
        if want_routes:
            for j in np.flatnonzero(reach):
                routes[(i, j)] = _path(graph, tree, start, int(d_vertex[j]), p, d_pts[j])
        progress.update(0.2 + 0.8 * (i + 1) / len(o_pts))
    if want_routes and routes and dests.crs is not None:
        back = QgsCoordinateTransform(crs, crs_of(dests), QgsProject.instance())
        routes = {k: [(q.x(), q.y()) for q in (back.transform(QgsPointXY(x, y)) for x, y in v)]
                  for k, v in routes.items()}
    cut_off = ~np.isfinite(km).any(axis=0) & ~d_far
    if cut_off.any() and warn and len(o_pts):
        ids = [str(dest_ids[j]) for j in np.flatnonzero(cut_off)]
        shown = ", ".join(ids[:20]) + (" ..." if len(ids) > 20 else "")
        warn(f"{len(ids)} destination(s) lie on a part of '{roads_name}' that no charger reaches (the road layer is "
             f"not connected there) and are left out of the plan: {shown}. Connect the roads (snapping tolerance, "
             f"missing links) or run without ROADS. / 道路レイヤ「{roads_name}」のつながっていない部分にあり、どの充電拠点"
             f"からも到達できない目的地 {len(ids)} 件を計画から外しました: {shown}。道路をつなぐ（スナップ許容値・欠けた区間）か、"
             "ROADSなしで実行してください。")
    unreachable = int(np.sum(~np.isfinite(km).any(axis=1)))
    if unreachable == len(o_pts) and len(d_pts):
        raise SonaeInputError(
            f"No destination can be reached on '{roads_name}' from any charger of '{origins_name}'. Check that the "
            "roads connect the chargers to the shelters (snapping tolerance, missing links).",
            f"道路レイヤ「{roads_name}」では、どの充電拠点からも目的地に到達できません。道路のつながり（スナップ許容値、欠けた区間）"
            "を確認してください。")
    return TravelMatrix(km=km, hours=network_hours(km, speed_kmh),
                        method=f"road network '{roads_name}' at {speed_kmh:g} km/h", routes=routes)


def _path(graph, tree, start: int, end: int, origin: QgsPointXY, dest: QgsPointXY):
    """Coordinates origin -> tied start -> ... -> tied end -> destination along the shortest-path tree."""
    pts = [graph.vertex(end).point()]
    v = end
    guard = graph.vertexCount() + 1
    while v != start and guard > 0:
        edge = graph.edge(int(tree[v]))
        v = edge.fromVertex()
        pts.append(graph.vertex(v).point())
        guard -= 1
    pts.reverse()
    coords = [(origin.x(), origin.y())] + [(q.x(), q.y()) for q in pts] + [(dest.x(), dest.y())]
    dedup = [coords[0]]
    for c in coords[1:]:
        if c != dedup[-1]:
            dedup.append(c)
    return dedup if len(dedup) > 1 else dedup * 2


def travel_matrix(roads, origins, dests, speed_kmh: float, detour_factor: float, max_snap_m: float,
                  tolerance: float = 0.0, origin_ids=None, dest_ids=None, origins_name: str = "chargers",
                  dests_name: str = "shelters", want_routes: bool = False, progress=None,
                  warn=None) -> TravelMatrix:
    """Road network distance when ``roads`` is a layer, else straight line x ``detour_factor``."""
    if roads is None:
        return straight_line_matrix(origins, dests, detour_factor, speed_kmh, origins_name, dests_name)
    return network_matrix(roads, origins, dests, speed_kmh, max_snap_m, tolerance, origin_ids, dest_ids,
                          origins_name, want_routes=want_routes, progress=progress, warn=warn)


# --- nearest shelter for many zones: one Dijkstra from a virtual source joined to every shelter -----------------
# Nearest shelter over a road network with QGIS's network analysis (one Dijkstra for all shelters).
#
# The graph is built once with QgsVectorLayerDirector + QgsGraphBuilder in a metric CRS, with every shelter and
# every population zone as a tie point. A virtual source vertex is joined to each shelter's vertex by an edge whose
# cost is the shelter's access leg (straight line from the shelter to its tie point), so a single
# ``QgsGraphAnalyzer.dijkstra`` from that source gives, for every vertex, the distance to the nearest shelter; the
# shelter is found by following the shortest-path tree back to the source (vectorised pointer jumping). Zone
# distance = network distance + the zone's own access leg. Zones on a part of the network no shelter reaches get
# -1 / NaN.

def network_nearest(roads, metric_crs: QgsCoordinateReferenceSystem, shelter_xy: np.ndarray, zone_xy: np.ndarray,
                    feedback=None, tolerance: float = 0.0):
    """(index into shelter_xy or -1, distance in metres or NaN) for every zone."""
    check_roads(roads, roads.name())
    ns = len(shelter_xy)
    pts = [QgsPointXY(float(x), float(y)) for x, y in np.vstack([shelter_xy, zone_xy])]
    # planar distances in the metric CRS, like the straight-line option
    graph, tied = build_graph(roads, metric_crs, pts, tolerance, "NONE", feedback)
    tied_xy = np.array([[p.x(), p.y()] for p in tied], dtype=float).reshape(-1, 2)
    access = np.hypot(*(tied_xy - np.vstack([shelter_xy, zone_xy])).T) if len(tied_xy) else np.zeros(0)
    vert = np.array([graph.findVertex(p) for p in tied], dtype=np.int64)
    if graph.vertexCount() == 0 or (vert < 0).all():
        raise SonaeInputError(f"Road layer '{roads.name()}' (ROADS) gives no network near the data. Check its "
                              "CRS and that it holds lines.",
                              f"道路レイヤ「{roads.name()}」（ROADS）から対象範囲の道路網を作れません。座標系と線データか確認してください。")
    source = graph.addVertex(QgsPointXY(float(shelter_xy[:, 0].mean()), float(shelter_xy[:, 1].mean())))
    first_edge = graph.edgeCount()
    edge_shelter = {}
    for i in range(ns):
        if vert[i] >= 0:
            e = graph.addEdge(source, int(vert[i]), [float(access[i])])
            edge_shelter[e] = i
    tree, cost = QgsGraphAnalyzer.dijkstra(graph, source, 0)
    tree = np.asarray(tree, dtype=np.int64)
    cost = np.asarray(cost, dtype=float)
    n_v = graph.vertexCount()
    from_vertex = np.array([graph.edge(e).fromVertex() for e in range(graph.edgeCount())], dtype=np.int64)
    parent = np.where(tree >= 0, from_vertex[np.maximum(tree, 0)], -1)
    # jump[u]: an ancestor of u whose parent is the source (the shelter's vertex), found by pointer jumping
    jump = np.where((parent >= 0) & (parent != source), parent, np.arange(n_v))
    while True:
        nxt = jump[jump]
        if np.array_equal(nxt, jump):
            break
        jump = nxt
    root_edge = tree[jump]
    shelter_of_vertex = np.full(n_v, -1, dtype=np.int64)
    ok = (tree >= 0) & (root_edge >= first_edge)
    shelter_of_vertex[ok] = [edge_shelter[int(e)] for e in root_edge[ok]]
    zv = vert[ns:]
    idx = np.where(zv >= 0, shelter_of_vertex[np.maximum(zv, 0)], -1)
    dist = np.where(idx >= 0, cost[np.maximum(zv, 0)] + access[ns:], np.nan)
    return idx.astype(np.int64), dist
