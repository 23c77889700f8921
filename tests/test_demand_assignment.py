"""engine.assignment: the capacity-limited flow against brute force (every integer assignment enumerated), the
k-nearest restriction against the full graph, whole-people rounding, conservation. Pure engine (no QGIS)."""
from __future__ import annotations

import itertools

import numpy as np
import pytest

from sonae.engine.assignment import capacity_flow, nearest_flow, whole_people


@pytest.fixture(params=["network", "highs"])
def flow_engine(request, monkeypatch):
    """Both solvers of the restricted LP: the compiled network simplex (numba) and HiGHS (scipy)."""
    if request.param == "network":
        from sonae.engine import transport
        monkeypatch.delenv("SONAE_FLOW_ENGINE", raising=False)
        if not transport.available():
            pytest.skip("numba not installed")
    else:
        monkeypatch.setenv("SONAE_FLOW_ENGINE", "highs")
    return request.param


def _splits(n, parts):
    """Every way to write n as an ordered sum of `parts` non-negative integers."""
    if parts == 1:
        yield (n,)
        return
    for first in range(n + 1):
        for rest in _splits(n - first, parts - 1):
            yield (first,) + rest


def brute_force(supply, dist, cap, max_d):
    """Best (placed people, -distance) over every integer assignment, enumerated."""
    nz, ns = dist.shape
    best = None
    options = [list(_splits(int(s), ns + 1)) for s in supply]   # last part = unassigned
    for combo in itertools.product(*options):
        x = np.array([c[:ns] for c in combo])
        if (x.sum(axis=0) > cap).any():
            continue
        if (x[dist > max_d] > 0).any():
            continue
        placed = int(x.sum())
        d = float((x * np.where(dist > max_d, 0, dist)).sum())
        key = (placed, -d)
        if best is None or key > best[0]:
            best = (key, x)
    return best


def flow_matrix(flow, nz, ns):
    x = np.zeros((nz, ns), dtype=np.int64)
    np.add.at(x, (flow.zone, flow.shelter), flow.people)
    return x


@pytest.mark.parametrize("seed", range(12))
def test_flow_is_optimal_against_brute_force(seed, flow_engine):
    rng = np.random.default_rng(seed)
    nz, ns = 3, 3
    zone_xy = rng.uniform(0, 1000, (nz, 2)).round()
    shelter_xy = rng.uniform(0, 1000, (ns, 2)).round()
    supply = rng.integers(0, 4, nz)
    cap = rng.integers(0, 4, ns)
    max_d = [np.inf, 600.0][seed % 2]
    dist = np.hypot(*(zone_xy[:, None, :] - shelter_xy[None, :, :]).transpose(2, 0, 1))
    (placed, negd), _ = brute_force(supply, dist, cap, max_d)
    for k in (1, 3):
        flow = capacity_flow(supply, zone_xy, shelter_xy, cap, max_distance=max_d, k=k)
        x = flow_matrix(flow, nz, ns)
        assert int(x.sum()) == placed, (seed, k)
        assert float((x * dist).sum()) == pytest.approx(-negd, abs=1e-6), (seed, k)
        assert (x.sum(axis=0) <= cap).all()
        assert (x.sum(axis=1) + flow.unassigned == supply).all()
        assert flow.stats["certified"] and flow.stats["engine"] == flow_engine


def test_cost_matrix_same_as_coordinates(flow_engine):
    rng = np.random.default_rng(7)
    zone_xy = rng.uniform(0, 5000, (60, 2))
    shelter_xy = rng.uniform(0, 5000, (9, 2))
    supply = rng.integers(0, 50, 60)
    cap = rng.integers(50, 200, 9)
    dist = np.hypot(*(zone_xy[:, None, :] - shelter_xy[None, :, :]).transpose(2, 0, 1))
    a = capacity_flow(supply, zone_xy, shelter_xy, cap, max_distance=2500.0, k=2)
    b = capacity_flow(supply, None, None, cap, max_distance=2500.0, k=2, cost=dist)
    xa, xb = flow_matrix(a, 60, 9), flow_matrix(b, 60, 9)
    assert int(xa.sum()) == int(xb.sum())
    assert float((xa * dist).sum()) == pytest.approx(float((xb * dist).sum()), rel=1e-9)


def test_k_nearest_restriction_equals_full_graph_medium(flow_engine):
    """800 zones x 60 shelters, capacity short in the centre: k=2 + pricing gives the optimum of the LP with
    every arc (solved directly with scipy's HiGHS on the full transportation problem)."""
    from scipy.optimize import linprog
    from scipy.sparse import coo_matrix, hstack, identity
    rng = np.random.default_rng(3)
    nz, ns = 800, 60
    zone_xy = np.vstack([rng.normal(5000, 900, (600, 2)), rng.uniform(0, 10000, (200, 2))])
    shelter_xy = rng.uniform(0, 10000, (ns, 2))
    supply = rng.integers(0, 30, nz)
    cap = rng.integers(20, 300, ns)
    max_d = 3000.0
    flow = capacity_flow(supply, zone_xy, shelter_xy, cap, max_distance=max_d, k=2)
    assert flow.stats["certified"] and flow.stats["rounds"] >= 2
    dist = np.hypot(*(zone_xy[:, None, :] - shelter_xy[None, :, :]).transpose(2, 0, 1))
    zi, si = np.nonzero(dist <= max_d)
    m = len(zi)
    big = 1e9
    a_eq = hstack([coo_matrix((np.ones(m), (zi, np.arange(m))), shape=(nz, m)), identity(nz)])
    a_ub = hstack([coo_matrix((np.ones(m), (si, np.arange(m))), shape=(ns, m)), coo_matrix((ns, nz))])
    res = linprog(np.r_[dist[zi, si], np.full(nz, big)], A_ub=a_ub, b_ub=cap, A_eq=a_eq, b_eq=supply,
                  bounds=(0, None), method="highs")
    full_unassigned = int(round(res.x[m:].sum()))
    full_cost = float(res.x[:m] @ dist[zi, si])
    x = flow_matrix(flow, nz, ns)
    assert int(flow.unassigned.sum()) == full_unassigned
    assert float((x * dist).sum()) == pytest.approx(full_cost, rel=1e-9)
    assert (x.sum(axis=0) <= cap).all() and (x[dist > max_d] == 0).all()
    assert int(x.sum() + flow.unassigned.sum()) == int(supply.sum())


def test_identical_points_are_merged_and_split_back(flow_engine):
    zone_xy = np.array([[0, 0], [0, 0], [0, 0], [1000, 0]], float)
    supply = np.array([5, 3, 4, 2])
    shelter_xy = np.array([[10, 0], [500, 0]], float)
    cap = np.array([6, 100])
    flow = capacity_flow(supply, zone_xy, shelter_xy, cap, k=1)
    x = flow_matrix(flow, 4, 2)
    assert (x.sum(axis=1) == supply).all()
    assert x[:, 0].sum() == 6                       # the near shelter full
    assert x[3, 1] == 2                             # zone at 1000 m -> 500 m shelter
    assert int((x * np.array([[10, 500]] * 3 + [[990, 500]])).sum()) == 6 * 10 + 6 * 500 + 2 * 500


def test_unreachable_zone_is_not_assigned(flow_engine):
    flow = capacity_flow(np.array([10, 7]), np.array([[0, 0], [1_148_000, 0]], float), np.array([[100, 0]], float),
                         np.array([100]), max_distance=20_000.0)
    assert list(flow.unassigned) == [0, 7] and list(flow.unreachable) == [False, True]


def test_nearest_flow_ignores_capacity():
    flow = nearest_flow(np.array([10, 7]), np.array([[0, 0], [300, 0]], float), np.array([[100, 0], [900, 0]], float))
    assert list(flow.load) == [17, 0]


@pytest.mark.parametrize("expected", [[0.4, 0.4, 0.4], [1.5, 2.5, 0.0, 3.2], [0.6 * 1234.5, 0.6 * 17, 0.6 * 3]])
def test_whole_people_conserve_the_rounded_total(expected):
    out = whole_people(expected)
    assert out.sum() == int(np.floor(sum(expected) + 0.5))
    assert (np.abs(out - np.asarray(expected)) < 1.0).all()
    assert whole_people([0.4, 0.4, 0.4]).tolist() == [1, 0, 0]   # total 1.2 -> 1, largest remainder, first zone


def test_unique_points_equals_numpy_unique_rows():
    """The lexsort grouping of identical zone coordinates gives np.unique(axis=0)'s points and inverse."""
    from sonae.engine.assignment import _unique_points
    rng = np.random.default_rng(2)
    for xy in (rng.integers(0, 30, (3000, 2)).astype(float), rng.normal(0, 1e4, (2000, 2)), np.zeros((0, 2))):
        u1, i1 = np.unique(xy, axis=0, return_inverse=True)
        u2, i2 = _unique_points(xy)
        assert np.array_equal(u1, u2) and np.array_equal(i1.reshape(-1), i2)
