"""The vectorised pieces behind sonae:sheltercatchments at 1,000,000 zones (issue 12 / 16), each against a plain
per-row computation: the nearest shelters with room, their joined ids, the multi-row GeoPackage insert and the
bulk-loaded R-tree (SQLite's rtreecheck + window queries against brute force). QGIS-free."""
from __future__ import annotations

import sqlite3

import numpy as np
import pytest


def test_room_shelters_against_brute_force():
    from sonae.engine.catchments import ROOM_SHELTERS, _room
    rng = np.random.default_rng(12)
    zones = rng.uniform(0, 5000, (3000, 2))
    shelters = rng.uniform(0, 5000, (40, 2))
    has_room = rng.random(40) < 0.5
    ids, dist = _room(zones, shelters, None, has_room)
    d = np.hypot(*(zones[:, None, :] - shelters[None, :, :]).transpose(2, 0, 1))
    cand = np.flatnonzero(has_room)
    for i in range(len(zones)):
        want = cand[np.argsort(d[i, cand], kind="stable")[:ROOM_SHELTERS]]
        assert ids[i].tolist() == want.tolist()
        assert dist[i] == pytest.approx(d[i, want[0]])
    # a cost matrix with unreachable pairs: only reachable shelters, nearest first, -1 after them
    cost = np.where(rng.random(d.shape) < 0.9, np.inf, d)
    ids, dist = _room(None, None, cost, has_room)
    for i in range(len(zones)):
        reach = [j for j in cand[np.argsort(cost[i, cand], kind="stable")] if np.isfinite(cost[i, j])]
        want = (reach[:ROOM_SHELTERS] + [-1] * ROOM_SHELTERS)[:ROOM_SHELTERS]
        assert ids[i].tolist() == want
        assert (np.isnan(dist[i]) and not reach) or dist[i] == cost[i, reach[0]]
    # nobody has room
    ids, dist = _room(zones, shelters, None, np.zeros(40, bool))
    assert (ids == -1).all() and np.isnan(dist).all()


@pytest.mark.parametrize("n_names", [5, 3_000_000])     # the packed key, and np.unique(axis=0) beyond it
def test_joined_ids_equal_a_join_per_row(n_names):
    from sonae.engine.catchments import joined_ids
    rng = np.random.default_rng(3)
    names = np.array([f"s{i}" for i in range(min(n_names, 50))] + ["x"] * max(0, n_names - 50), dtype=object)
    index = rng.integers(0, min(n_names, 50), (2000, 3))
    k = rng.integers(0, 4, 2000)                      # 0-3 shelters per row, the rest -1
    index[np.arange(3)[None, :] >= k[:, None]] = -1
    got = joined_ids(names, index)
    want = [",".join(names[i] for i in row if i >= 0) for row in index.tolist()]
    assert got.tolist() == want
    assert joined_ids(names, np.zeros((0, 3), np.int64)).tolist() == []


@pytest.mark.parametrize("by_columns", [False, True])
@pytest.mark.parametrize("n, per", [(0, None), (1, None), (49, None), (50, None), (1234, None), (1234, 7), (10, 1),
                                    (12345, None)])
def test_multi_row_insert_writes_every_row(n, per, by_columns):
    from sonae.processing_algorithms.gpkg_bulk import _insert_columns, _insert_many
    con = sqlite3.connect(":memory:")
    con.execute("CREATE TABLE t (fid INTEGER PRIMARY KEY, a TEXT, b REAL, c INTEGER, d BLOB)")
    rows = [(i + 1, None if i % 5 == 0 else f"名前{i}", float("nan") if i % 7 == 0 else i / 3, i * 2, bytes([i % 256]))
            for i in range(n)]
    if by_columns:
        columns = [range(1, n + 1)] + [list(c) for c in zip(*rows)][1:] if n else [range(1, 1), [], [], [], []]
        _insert_columns(con, "INSERT INTO t (fid, a, b, c, d)", columns, n, per)
    else:
        _insert_many(con, "INSERT INTO t (fid, a, b, c, d)", 5, iter(rows), n, per)
    got = con.execute("SELECT fid, a, b, c, d FROM t ORDER BY fid").fetchall()
    want = [(r[0], r[1], None if r[2] != r[2] else r[2], r[3], r[4]) for r in rows]   # NaN is stored as NULL
    assert got == want


@pytest.mark.parametrize("n, dense", [(30_000, True), (30_000, False), (40, True)])
def test_bulk_loaded_rtree_is_valid_and_answers_like_brute_force(n, dense):
    from sonae.processing_algorithms.rtree_bulk import bulk_load
    rng = np.random.default_rng(n)
    con = sqlite3.connect(":memory:")
    con.execute("CREATE VIRTUAL TABLE rt USING rtree(id, minx, maxx, miny, maxy)")
    ids = np.arange(1, n + 1) if dense else np.sort(rng.choice(10 * n, n, replace=False)) + 1
    xy = rng.uniform(130, 140, (n, 2))
    size = rng.uniform(0, 0.01, (n, 2)) * (np.arange(n) % 3 == 0)[:, None]     # points and small boxes
    bounds = np.column_stack([xy, xy + size])                                     # minx, miny, maxx, maxy
    con.execute("BEGIN")
    bulk_load(con, "rt", ids, bounds)
    con.execute("COMMIT")
    assert con.execute("SELECT rtreecheck('rt')").fetchone()[0] == "ok"
    depth = int.from_bytes(con.execute("SELECT data FROM rt_node WHERE nodeno = 1").fetchone()[0][:2], "big")
    assert depth >= (2 if n > 10_000 else 0)
    assert con.execute("SELECT count(*) FROM rt_rowid").fetchone()[0] == n
    w = 0.5 if n > 1000 else 5.0
    for x0, y0 in rng.uniform(130, 140 - w, (5, 2)):
        x1, y1 = x0 + w, y0 + w
        hits = {r[0] for r in con.execute("SELECT id FROM rt WHERE minx <= ? AND maxx >= ? AND miny <= ? AND maxy >= ?",
                                          (x1, x0, y1, y0))}
        brute = set(ids[(bounds[:, 0] <= x1) & (bounds[:, 2] >= x0) & (bounds[:, 1] <= y1)
                        & (bounds[:, 3] >= y0)].tolist())
        # the R-tree keeps float32 boxes rounded outwards: it may add boxes within float32 rounding of the window
        assert brute <= hits and len(brute) > 0
        extra = np.isin(ids, list(hits - brute))
        eps = 1e-4
        assert ((bounds[extra, 0] > x1 - eps) | (bounds[extra, 2] < x0 + eps) | (bounds[extra, 1] > y1 - eps)
                | (bounds[extra, 3] < y0 + eps)).all()


def test_point_blobs_are_the_bytes_of_shapely_wkb():
    import shapely
    from sonae.processing_algorithms.gpkg_bulk import _point_blobs, gpkg_blob_header
    rng = np.random.default_rng(5)
    header = gpkg_blob_header(6691)
    xy = np.vstack([rng.uniform(-1e6, 1e6, (500, 2)), [[0.0, 0.0], [-0.0, 5e-324], [1e308, -1e-300], [135.5, 34.25]]])
    geoms = shapely.points(xy)
    got = _point_blobs(geoms, header)
    assert got == [header + w for w in shapely.to_wkb(geoms, byte_order=1).tolist()]
    assert [shapely.from_wkb(b[8:]) for b in got[-4:]] == list(geoms[-4:])
    # anything but plain 2D points goes the general way
    for odd in (shapely.points([[1.0, 2.0, 3.0]]), shapely.from_wkt(["POINT EMPTY"]), np.array([None], dtype=object),
                shapely.from_wkt(["LINESTRING (0 0, 1 1)"]), shapely.from_wkt(["MULTIPOINT (0 0, 1 1)"])):
        assert _point_blobs(np.concatenate([geoms[:3], odd]), header) is None
    assert _point_blobs(np.zeros(0, dtype=object), header) is None
