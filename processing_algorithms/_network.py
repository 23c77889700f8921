"""Nearest shelter over a road network with QGIS's network analysis (one Dijkstra for all shelters).

The graph is built once with QgsVectorLayerDirector + QgsGraphBuilder in a metric CRS, with every shelter and
every population zone as a tie point. A virtual source vertex is joined to each shelter's vertex by an edge whose
cost is the shelter's access leg (straight line from the shelter to its tie point), so a single
``QgsGraphAnalyzer.dijkstra`` from that source gives, for every vertex, the distance to the nearest shelter; the
shelter is found by following the shortest-path tree back to the source (vectorised pointer jumping). Zone
distance = network distance + the zone's own access leg. Zones on a part of the network no shelter reaches get
-1 / NaN.
"""
from __future__ import annotations

import numpy as np
from qgis.analysis import QgsGraphAnalyzer, QgsGraphBuilder, QgsNetworkDistanceStrategy, QgsVectorLayerDirector
from qgis.core import QgsCoordinateReferenceSystem, QgsPointXY

from ..engine.errors import SonaeInputError


def network_nearest(roads, metric_crs: QgsCoordinateReferenceSystem, shelter_xy: np.ndarray, zone_xy: np.ndarray,
                    feedback=None, tolerance: float = 0.0):
    """(index into shelter_xy or -1, distance in metres or NaN) for every zone."""
    if roads.featureCount() == 0:
        raise SonaeInputError(f"Road layer '{roads.name()}' (ROADS) is empty.",
                              f"道路レイヤ「{roads.name()}」（ROADS）に地物がありません。")
    director = QgsVectorLayerDirector(roads, -1, "", "", "", QgsVectorLayerDirector.DirectionBoth)
    director.addStrategy(QgsNetworkDistanceStrategy())
    # planar distances in the metric CRS, like the straight-line option
    builder = QgsGraphBuilder(metric_crs, True, tolerance, "NONE")
    ns = len(shelter_xy)
    pts = [QgsPointXY(float(x), float(y)) for x, y in np.vstack([shelter_xy, zone_xy])]
    tied = director.makeGraph(builder, pts, feedback)
    graph = builder.graph()
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
