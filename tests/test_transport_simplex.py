"""engine.transport: the compiled network simplex against scipy's HiGHS on random transportation problems (many
ties, full and empty shelters, zones without arcs), both starts (crash basis and artificial star); the
certificate refuses a wrong answer; the two engines of capacity_flow agree on clustered points. Pure engine."""
from __future__ import annotations

import numpy as np
import pytest

from sonae.engine import transport

pytestmark = pytest.mark.skipif(not transport.available(), reason="numba not installed")


def highs_optimum(supply, row, col, cost, residual, big):
    """The same LP solved by HiGHS (every arc, unplaced people at cost big): the optimal value."""
    from scipy.optimize import linprog
    from scipy.sparse import coo_matrix, hstack, identity
    nz, ns, m = len(supply), len(residual), len(row)
    a_eq = hstack([coo_matrix((np.ones(m), (row, np.arange(m))), shape=(nz, m)), identity(nz)])
    a_ub = hstack([coo_matrix((np.ones(m), (col, np.arange(m))), shape=(ns, m)), coo_matrix((ns, nz))])
    res = linprog(np.r_[cost.astype(float), np.full(nz, float(big))], A_ub=a_ub, b_ub=residual, A_eq=a_eq,
                  b_eq=supply, bounds=(0, None), method="highs")
    assert res.status == 0
    return res.fun


def random_problem(seed):
    rng = np.random.default_rng(seed)
    nz, ns = int(rng.integers(1, 40)), int(rng.integers(1, 12))
    supply = rng.integers(0, 6, nz)
    k = int(rng.integers(0, ns + 1))            # k = 0: zones without arcs (all unplaced)
    rows, cols = [], []
    for g in range(nz):
        js = rng.choice(ns, size=min(k, ns), replace=False)
        rows += [g] * len(js)
        cols += list(js)
    row, col = np.array(rows, np.int64), np.array(cols, np.int64)
    cost = rng.integers(0, 3 if seed % 3 == 0 else 50, len(row)).astype(np.int64)   # seed % 3 == 0: many ties
    residual = rng.integers(0, 8, ns).astype(np.int64)
    big = (ns + 1) * 50 + 1
    return supply, row, col, cost, residual, big


@pytest.mark.parametrize("start", ["crash", "star"])
def test_network_simplex_equals_highs_on_random_problems(start):
    for seed in range(150):
        supply, row, col, cost, residual, big = random_problem(seed)
        x, u, v, p, _ = transport.solve(supply, row, col, cost, residual, big, start=start)
        value = int(x @ cost) + int(u.sum()) * big
        assert value == pytest.approx(highs_optimum(supply, row, col, cost, residual, big), abs=1e-6), seed
        # feasibility checked here again, independently of transport.certify
        assert (np.bincount(row, weights=x, minlength=len(supply)) + u == supply).all(), seed
        assert (np.bincount(col, weights=x, minlength=len(residual)) <= residual).all(), seed
        assert (x >= 0).all() and (u >= 0).all()


def test_certificate_refuses_a_wrong_answer():
    supply = np.array([3, 2], np.int64)
    row, col = np.array([0, 0, 1], np.int64), np.array([0, 1, 1], np.int64)
    cost = np.array([10, 40, 5], np.int64)
    residual = np.array([2, 5], np.int64)
    x, u, v, p, _ = transport.solve(supply, row, col, cost, residual, 1000)
    assert x.tolist() == [2, 1, 2] and u.tolist() == [0, 0]           # by hand: zone 0 fills shelter 0 first
    transport.certify(supply, row, col, cost, residual, 1000, x, u, v, p)
    with pytest.raises(transport.CertificateError, match="not conserved"):
        transport.certify(supply, row, col, cost, residual, 1000, x - np.array([0, 1, 0]), u, v, p)
    with pytest.raises(transport.CertificateError, match="above capacity"):
        transport.certify(supply, row, col, cost, residual, 1000, np.array([3, 0, 2]), u, v, p)
    worse = np.array([1, 2, 2])          # feasible, but 30 person-metres longer: no dual proves it optimal
    with pytest.raises(transport.CertificateError):
        transport.certify(supply, row, col, cost, residual, 1000, worse, u, v, p)


def test_engines_agree_on_clustered_points(monkeypatch):
    """3,000 clustered points x 150 shelters, capacity short in the clusters: the network simplex (integer costs
    in 0.1 mm) and HiGHS (metres) place the same number of people with the same person-metres."""
    from sonae.engine.assignment import capacity_flow
    rng = np.random.default_rng(11)
    centres = rng.uniform(0, 20000, (6, 2))
    zone_xy = centres[rng.integers(0, 6, 3000)] + rng.normal(0, 1500, (3000, 2))
    supply = rng.integers(0, 9, 3000)
    shelter_xy = zone_xy[rng.choice(3000, 150, replace=False)]
    cap = rng.integers(20, 120, 150)
    net = capacity_flow(supply, zone_xy, shelter_xy, cap, max_distance=4000.0, k=4, engine="network")
    hig = capacity_flow(supply, zone_xy, shelter_xy, cap, max_distance=4000.0, k=4, engine="highs")
    assert net.stats["certified"] and hig.stats["certified"] and "network_fallback" not in net.stats
    assert int(net.unassigned.sum()) == int(hig.unassigned.sum()) > 0
    cost_net, cost_hig = float(net.people @ net.distance), float(hig.people @ hig.distance)
    assert cost_net == pytest.approx(cost_hig, rel=1e-9)
    assert (net.load <= cap).all() and int(net.people.sum() + net.unassigned.sum()) == int(supply.sum())


def test_sampled_price_guess_gives_the_same_optimum(monkeypatch):
    """Above COARSE_ZONES zones the network engine starts from prices guessed on a sample of the zones; the
    guess only changes the start: same people placed, same person-metres as HiGHS (which never guesses)."""
    from sonae.engine import assignment_network
    from sonae.engine.assignment import capacity_flow
    monkeypatch.setattr(assignment_network, "COARSE_ZONES", 400)
    rng = np.random.default_rng(5)
    centres = rng.uniform(0, 20000, (5, 2))
    zone_xy = centres[rng.integers(0, 5, 2500)] + rng.normal(0, 1800, (2500, 2))
    supply = rng.integers(1, 7, 2500)
    shelter_xy = zone_xy[rng.choice(2500, 120, replace=False)]
    cap = rng.integers(30, 130, 120)
    net = capacity_flow(supply, zone_xy, shelter_xy, cap, max_distance=5000.0, k=3, engine="network")
    hig = capacity_flow(supply, zone_xy, shelter_xy, cap, max_distance=5000.0, k=3, engine="highs")
    assert net.stats["start_guess"] and net.stats["certified"] and hig.stats["certified"]
    assert int(net.unassigned.sum()) == int(hig.unassigned.sum())
    assert float(net.people @ net.distance) == pytest.approx(float(hig.people @ hig.distance), rel=1e-9)
    assert (net.load <= cap).all() and int(net.people.sum() + net.unassigned.sum()) == int(supply.sum())


def test_cancel_inside_the_simplex_stops_between_pivot_slices(monkeypatch):
    """The compiled pivots run in slices; a cancel request is seen between two slices (no waiting for the
    optimum), and capacity_flow raises Cancelled."""
    from sonae.engine.assignment import capacity_flow
    from sonae.engine.errors import Cancelled
    from sonae.engine.progress import Progress
    monkeypatch.setattr(transport, "PIVOT_SLICE", 50)
    rng = np.random.default_rng(9)
    zone_xy = rng.normal(5000, 1500, (4000, 2))
    supply = rng.integers(1, 6, 4000)
    shelter_xy = zone_xy[rng.choice(4000, 100, replace=False)]
    cap = rng.integers(20, 100, 100)
    checks = []
    full = capacity_flow(supply, zone_xy, shelter_xy, cap, max_distance=6000.0, k=4, engine="network",
                         progress=Progress(is_canceled=lambda: checks.append(1) or False))
    slices = full.stats["pivots"] // 50
    assert slices > 10 and len(checks) > 0.8 * slices     # a check after (nearly) every slice of 50 pivots
    stop_at = len(checks) // 2
    seen = []

    def cancelled():
        seen.append(1)
        return len(seen) >= stop_at       # the user cancels half way through the pivots
    with pytest.raises(Cancelled):
        capacity_flow(supply, zone_xy, shelter_xy, cap, max_distance=6000.0, k=4, engine="network",
                      progress=Progress(is_canceled=cancelled))
    assert len(seen) == stop_at


def test_a_failed_certificate_falls_back_to_highs(monkeypatch):
    """Should the network simplex ever return something its certificate refuses, capacity_flow says so in its
    stats and solves the same problem with HiGHS: the plan is still the optimum, never the refused one."""
    from sonae.engine.assignment import capacity_flow
    rng = np.random.default_rng(4)
    zone_xy = rng.normal(3000, 900, (600, 2))
    supply = rng.integers(1, 5, 600)
    shelter_xy = rng.uniform(0, 6000, (30, 2))
    cap = rng.integers(20, 60, 30)
    good = capacity_flow(supply, zone_xy, shelter_xy, cap, max_distance=4000.0, k=3, engine="network")

    def refuse(*_args, **_kw):
        raise transport.CertificateError("network simplex result failed the optimality check: (test)")
    monkeypatch.setattr(transport, "certify", refuse)
    flow = capacity_flow(supply, zone_xy, shelter_xy, cap, max_distance=4000.0, k=3, engine="network")
    assert "(test)" in flow.stats["network_fallback"] and flow.stats["engine"] == "highs"
    assert flow.stats["certified"]
    assert int(flow.unassigned.sum()) == int(good.unassigned.sum())
    assert float(flow.people @ flow.distance) == pytest.approx(float(good.people @ good.distance), rel=1e-9)


def test_each_zone_sent_to_a_shelter_by_one_arc_only(monkeypatch):
    """With the sampled guess (arcs past the k candidates given up front) no zone reaches the same shelter by two
    arcs: n_shelters and the per-zone rows count each shelter once."""
    from sonae.engine import assignment_network
    from sonae.engine.assignment import capacity_flow
    monkeypatch.setattr(assignment_network, "COARSE_ZONES", 300)
    rng = np.random.default_rng(8)
    zone_xy = rng.normal(4000, 700, (2000, 2))            # one dense cluster: people travel past k shelters
    supply = rng.integers(1, 6, 2000)
    shelter_xy = rng.uniform(0, 8000, (80, 2))
    cap = rng.integers(40, 140, 80)
    flow = capacity_flow(supply, zone_xy, shelter_xy, cap, max_distance=8000.0, k=3, engine="network")
    assert flow.stats["start_guess"] and flow.stats["certified"]
    pairs = flow.zone.astype(np.int64) * 1000 + flow.shelter
    assert len(np.unique(pairs)) == len(pairs)
    hig = capacity_flow(supply, zone_xy, shelter_xy, cap, max_distance=8000.0, k=3, engine="highs")
    assert float(flow.people @ flow.distance) == pytest.approx(float(hig.people @ hig.distance), rel=1e-9)
