"""Evacuees from zones to shelters: whole people, nearest or capacity-limited minimum-cost flow (QGIS-free).

Whole people: a zone's expected evacuees ``population x rate`` are fractional. The total is rounded once
(half up) and shared out to the zones by the largest-remainder (Hamilton) method, ties to the earlier zone, so
every zone gets floor or ceil of its expected value and the zone sum equals the rounded total exactly.

Capacity-limited assignment (``capacity_flow``): minimise the person-metres travelled, subject to no shelter
above its capacity and no trip longer than ``max_distance``, while placing as many people as possible (people
who cannot be placed cost ``M`` each, with ``M`` larger than any augmenting chain of trips, so the number placed
is maximised first and the distance second). It is a transportation problem on integer supplies and capacities:
its constraint matrix is totally unimodular, so the basic optimum HiGHS' dual simplex returns is integral.

Scale, exactly:
- zones with the same coordinates are merged (their costs are identical);
- zones whose nearest shelter has room for every zone that has it as nearest stay there (fixed); only zones of
  shelters that are over capacity enter the LP ("active"). A fixed zone is optimal when the capacity price of
  its shelter is 0; if the LP prices such a shelter, its zones are activated and the LP solved again;
- an active zone gets arcs to its ``k`` nearest shelters (cKDTree). Arcs left out are priced after each solve
  (column generation): a shelter j is added for zone i when ``c_ij + p_j < v_i`` (reduced cost < 0), found
  with a ball query of radius ``min(v_i, max_distance)``. When no arc prices out and no fixed zone sits at a
  priced shelter, the solution is optimal for the full graph (the certificate is recorded).
A dense cost matrix (road distances) is handled the same way, with every finite arc within the maximum distance.

Two engines give the same optimum: with numba, a compiled network simplex on integer costs (0.1 mm-1 cm) that
keeps one warm basis across rounds (engine.assignment_network, engine.transport); without it, HiGHS on the
restricted LP as described above (with an auction warm start). SONAE_FLOW_ENGINE=highs forces HiGHS.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, field

import numpy as np

from .errors import SonaeInputError
from .progress import Progress, ensure

# HiGHS through scipy: the dual simplex returns a basic (vertex, hence integral) optimum; presolve off is ~15 %
# faster on these transportation LPs (30k points x 2,000 shelters). SONAE_LP_METHOD / SONAE_LP_OPTIONS (JSON) override.
_METHOD = os.environ.get("SONAE_LP_METHOD", "highs-ds")
_OPTIONS = json.loads(os.environ.get("SONAE_LP_OPTIONS", '{"presolve": false}'))


def whole_people(expected) -> np.ndarray:
    """Integers per zone summing exactly to round-half-up(sum(expected)) (largest remainder, ties to order)."""
    e = np.asarray(expected, dtype=float)
    e = np.where(np.isfinite(e) & (e > 0), e, 0.0)
    total = int(np.floor(e.sum() + 0.5 + 1e-9))
    base = np.floor(e + 1e-9)
    rest = total - int(base.sum())
    out = base.astype(np.int64)
    if rest > 0:
        frac = e - base
        order = np.lexsort((np.arange(len(e)), -frac))  # largest remainder first, then zone order
        out[order[:rest]] += 1
    elif rest < 0:  # only through the 1e-9 guard: take from the smallest remainders
        frac = e - base
        order = np.lexsort((np.arange(len(e)), frac))
        take = order[out[order] > 0][: -rest]
        out[take] -= 1
    return out


@dataclass
class Flow:
    """Result of an assignment. Arrays of arcs (zone, shelter, people, distance) with people > 0."""
    zone: np.ndarray
    shelter: np.ndarray
    people: np.ndarray
    distance: np.ndarray
    unassigned: np.ndarray           # per zone
    unreachable: np.ndarray          # per zone: no eligible shelter with capacity within max distance
    load: np.ndarray                 # per shelter
    method: str
    stats: dict = field(default_factory=dict)


def _flow_from_arcs(n_zones, n_shelters, z, s, p, d, supply, unreachable, method, stats) -> Flow:
    keep = p > 0
    z, s, p, d = z[keep], s[keep], p[keep].astype(np.int64), d[keep]
    placed = np.bincount(z, weights=p, minlength=n_zones).astype(np.int64)
    load = np.bincount(s, weights=p, minlength=n_shelters).astype(np.int64)
    return Flow(z, s, p, d, supply - placed, unreachable, load, method, stats)


def nearest_flow(supply, zone_xy, shelter_xy, max_distance: float = np.inf, cost=None) -> Flow:
    """Every zone to its single nearest shelter (capacity ignored): the comparison method."""
    supply = np.asarray(supply, dtype=np.int64)
    nz, ns = len(supply), len(shelter_xy) if cost is None else cost.shape[1]
    if ns == 0:
        return _flow_from_arcs(nz, 0, *(np.zeros(0, np.int64),) * 2, np.zeros(0), np.zeros(0), supply,
                               supply > 0, "nearest", {})
    if cost is None:
        from scipy.spatial import cKDTree
        dist, idx = cKDTree(shelter_xy).query(zone_xy, k=1)
    else:
        idx = np.argmin(cost, axis=1)
        dist = cost[np.arange(nz), idx]
    ok = np.isfinite(dist) & (dist <= max_distance)
    zi = np.nonzero(ok)[0]
    return _flow_from_arcs(nz, ns, zi, idx[ok].astype(np.int64), supply[ok], dist[ok], supply,
                           ~ok & (supply > 0), "nearest", {})


class _Arcs:
    """Candidate arcs of the active zones, de-duplicated."""

    def __init__(self):
        self.keys = np.zeros(0, np.int64)
        self.z, self.s, self.d = [], [], []

    def add(self, z, s, d):
        z, s, d = np.asarray(z, np.int64), np.asarray(s, np.int64), np.asarray(d, float)
        key = z * np.int64(1 << 32) + s
        new = ~np.isin(key, self.keys) if len(self.keys) else np.ones(len(z), bool)
        key, z, s, d = key[new], z[new], s[new], d[new]
        key, first = np.unique(key, return_index=True)
        self.keys = np.concatenate([self.keys, key])
        self.z.append(z[first]); self.s.append(s[first]); self.d.append(d[first])
        return len(first)

    def arrays(self):
        if not self.z:
            return np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0)
        return np.concatenate(self.z), np.concatenate(self.s), np.concatenate(self.d)


def _solve_block(supply, row, col_s, arcs_d, residual_s, big):
    """One transportation LP: rows = zones (supply), cols_s = shelter of each arc (residual capacity)."""
    from scipy.optimize import linprog
    from scipy.sparse import coo_matrix, hstack, identity
    nz, ns, m = len(supply), len(residual_s), len(row)
    a_eq = hstack([coo_matrix((np.ones(m), (row, np.arange(m))), shape=(nz, m)), identity(nz, format="coo")])
    a_ub = hstack([coo_matrix((np.ones(m), (col_s, np.arange(m))), shape=(ns, m)), coo_matrix((ns, nz))])
    c = np.concatenate([arcs_d, np.full(nz, big)])
    res = linprog(c, A_ub=a_ub.tocsr(), b_ub=residual_s.astype(float), A_eq=a_eq.tocsr(),
                  b_eq=supply.astype(float), bounds=(0, None), method=_METHOD, options=_OPTIONS)
    if res.status != 0:
        raise RuntimeError(f"HiGHS did not solve the assignment LP: {res.message}")
    return res.x, np.asarray(res.eqlin.marginals, float), -np.asarray(res.ineqlin.marginals, float)


def _solve(zones, supply, arcs_z, arcs_s, arcs_d, residual, big, block_arcs: int = 20000):
    """The restricted transportation LP, split into its connected components (independent LPs; small ones are
    batched). Returns (flow per arc, unassigned per zone, v per zone, p per shelter)."""
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components
    nz = len(zones)
    row = np.searchsorted(zones, arcs_z)  # zones are sorted group indices
    shel, col_s = np.unique(arcs_s, return_inverse=True)
    col_s = col_s.reshape(-1)
    m = len(arcs_z)
    nsh = len(shel)
    graph = coo_matrix((np.ones(m), (row, nz + col_s)), shape=(nz + nsh, nz + nsh))
    ncomp, label = connected_components(graph, directed=False)
    zl, sl = label[:nz], label[nz:]
    al = zl[row]
    x = np.zeros(m)
    u = supply.astype(float).copy()          # zones without arcs stay unassigned (v = big)
    v = np.full(nz, float(big))
    p = np.zeros(len(residual))
    # batch components (in label order) until a block holds block_arcs arcs
    arcs_per = np.bincount(al, minlength=ncomp)
    order_a = np.argsort(al, kind="stable")
    order_z = np.argsort(zl, kind="stable")
    order_s = np.argsort(sl, kind="stable")
    a_bounds = np.concatenate([[0], np.cumsum(arcs_per)])
    z_bounds = np.concatenate([[0], np.cumsum(np.bincount(zl, minlength=ncomp))])
    s_bounds = np.concatenate([[0], np.cumsum(np.bincount(sl, minlength=ncomp))])
    start = 0
    while start < ncomp:
        end = start + 1
        while end < ncomp and a_bounds[end + 1] - a_bounds[start] <= block_arcs:
            end += 1
        a_idx = order_a[a_bounds[start]:a_bounds[end]]
        z_idx = order_z[z_bounds[start]:z_bounds[end]]
        s_idx = order_s[s_bounds[start]:s_bounds[end]]
        start = end
        if not len(a_idx):
            continue
        z_pos = np.full(nz, -1, np.int64)
        z_pos[z_idx] = np.arange(len(z_idx))
        s_pos = np.full(nsh, -1, np.int64)
        s_pos[s_idx] = np.arange(len(s_idx))
        xb, vb, pb = _solve_block(supply[z_idx], z_pos[row[a_idx]], s_pos[col_s[a_idx]], arcs_d[a_idx],
                                  residual[shel[s_idx]], big)
        x[a_idx] = xb[:len(a_idx)]
        u[z_idx] = xb[len(a_idx):]
        v[z_idx] = vb
        p[shel[s_idx]] = np.maximum(pb, 0.0)
    xi, ui = np.rint(x), np.rint(u)
    if max(np.abs(x - xi).max(initial=0.0), np.abs(u - ui).max(initial=0.0)) > 1e-6:
        raise RuntimeError("the assignment LP returned a fractional vertex (should be impossible: TU matrix)")
    return xi.astype(np.int64), ui.astype(np.int64), v, p, None


def _cost_unit(dcap_m: float, nodes: int, people: int) -> float:
    """The finest distance unit (0.1 mm, 1 mm, ... metres) in which every integer the network simplex handles
    (the unplaced cost times the nodes or the people) stays below 2**62."""
    unit = 1e-4
    while unit < 1e6:
        big = (nodes + 1) * (np.ceil(dcap_m / unit) + 1)
        if big * (nodes + 2) < 2.0 ** 62 and big * (people + 1) < 2.0 ** 62:
            return unit
        unit *= 10.0
    return unit


def capacity_flow(supply, zone_xy, shelter_xy, capacity, max_distance: float = np.inf, k: int = 8,
                  cost=None, progress: Progress | None = None, max_rounds: int = 50, warm_start: bool | None = None,
                  delta_frac: float = 1e-3, engine: str | None = None) -> Flow:
    """Capacity-limited minimum-cost assignment (see the module docstring). ``cost`` (zones x shelters, inf =
    unreachable) replaces straight-line distances when given (road distances).

    ``engine``: ``"network"`` (compiled network simplex on integer costs, needs numba), ``"highs"`` (scipy's
    HiGHS on metres) or None = network when available (environment SONAE_FLOW_ENGINE=highs forces HiGHS).
    """
    from . import transport
    progress = ensure(progress)
    if engine is None:
        engine = "network" if transport.available() else "highs"
    if engine not in ("network", "highs"):
        raise ValueError(f"engine must be 'network', 'highs' or None, not {engine!r}")
    if engine == "network" and not transport.available():
        raise RuntimeError("engine='network' needs numba (pip install numba)")
    if warm_start is None:
        warm_start = engine == "highs"
    supply = np.asarray(supply, dtype=np.int64)
    cap = np.asarray(capacity, dtype=float)
    if np.any(supply < 0):
        raise SonaeInputError("Evacuee counts must not be negative.", "避難者数に負の値があります。")
    cap = np.where(np.isfinite(cap) & (cap > 0), np.floor(cap + 1e-9), 0.0).astype(np.int64)
    nz = len(supply)
    ns = len(cap)
    usable = np.nonzero(cap > 0)[0]
    stats = {"zones": nz, "shelters": ns, "rounds": 0, "lp_arcs": 0, "active_zones": 0, "certified": True,
             "engine": engine}
    empty = (np.zeros(0, np.int64),) * 2
    if len(usable) == 0 or supply.sum() == 0:
        return _flow_from_arcs(nz, ns, *empty, np.zeros(0), np.zeros(0), supply, supply > 0, "capacity", stats)
    # merge zones at identical coordinates (identical costs: exact)
    if cost is None:
        xy = np.asarray(zone_xy, float)
        has = supply > 0
        uniq, inv = _unique_points(xy[has])
        g_supply = np.bincount(inv, weights=supply[has], minlength=len(uniq)).astype(np.int64)
        members = np.nonzero(has)[0]
        g_xy = uniq
    else:
        members = np.nonzero(supply > 0)[0]
        inv = np.arange(len(members))
        g_supply = supply[members]
        g_xy = None
    ng = len(g_supply)
    s_xy = np.asarray(shelter_xy, float)[usable] if cost is None else None
    sub_cost = cost[members][:, usable] if cost is not None else None
    nu = len(usable)
    ucap = cap[usable]
    kq = min(k, nu)
    # candidates of every group: its kq nearest usable shelters (inf beyond the maximum distance)
    if cost is None:
        from scipy.spatial import cKDTree
        tree = cKDTree(s_xy)
        dk, ik = tree.query(g_xy, k=kq, workers=-1)
        dk, ik = dk.reshape(ng, kq), ik.reshape(ng, kq).astype(np.int64)
    else:
        tree = None
        ik = np.argsort(sub_cost, axis=1, kind="stable")[:, :kq]
        dk = np.take_along_axis(sub_cost, ik, axis=1)
    # groups in the order of their nearest shelter: the network simplex then touches memory region by region
    order = np.argsort(ik[:, 0], kind="stable")
    rank = np.empty(ng, np.int64)
    rank[order] = np.arange(ng)
    inv = rank[inv]
    g_supply, dk, ik = g_supply[order], dk[order], ik[order]
    if g_xy is not None:
        g_xy = g_xy[order]
    if sub_cost is not None:
        sub_cost = sub_cost[order]
    # arcs left out cost at least the kq-th distance (prices are >= 0)
    kth_all = dk[:, -1].copy() if kq < nu else np.full(ng, np.inf)
    dk = np.where(dk <= max_distance, dk, np.inf)
    reach = np.isfinite(dk[:, 0])
    # an upper bound on any arc's cost; unplaced people cost more than any chain of trips that could place one
    if np.isfinite(max_distance):
        dcap = float(max_distance)
    elif cost is None:
        both = np.vstack([g_xy, s_xy])
        dcap = float(np.hypot(*(both.max(axis=0) - both.min(axis=0))))
    else:
        fin = sub_cost[np.isfinite(sub_cost)]
        dcap = float(fin.max(initial=0.0))
    dcap = max(dcap, 1.0)
    # costs: integers in `unit` metres for the network simplex (exact), metres for HiGHS
    if engine == "network":
        unit = _cost_unit(dcap, ng + nu + 2, int(g_supply.sum()))

        def to_cost(d):
            return np.rint(np.asarray(d, float) / unit)
        tol = 0.5
    else:
        unit = 1.0

        def to_cost(d):
            return np.asarray(d, float)
        tol = 1e-6 * dcap
    stats["cost_unit_m"] = unit
    dkc = to_cost(dk)
    kth_c = to_cost(kth_all)
    dcap_c = float(to_cost(dcap))
    big = (nu + 1) * dcap_c + 1.0

    progress.update(0.1)
    flow_g = None
    if engine == "network":
        from .assignment_network import network_assignment
        try:
            flow_g, flow_s, flow_p, flow_d = network_assignment(
                g_supply, dk, ik, dkc, kth_c, reach, ucap, int(big), unit, max_distance, tree, g_xy, s_xy,
                sub_cost, progress, stats)
        except transport.CertificateError as exc:     # never expected: solved again by HiGHS, and said so
            stats["network_fallback"] = str(exc)
            engine = stats["engine"] = "highs"
            unit, dkc, kth_c, dcap_c = 1.0, dk, kth_all, dcap
            big, tol = (nu + 1) * dcap + 1.0, 1e-6 * dcap
            to_cost = np.asarray
    if flow_g is None:
        flow_g, flow_s, flow_p, flow_d = _highs_rounds(
            g_supply, dk, ik, dkc, kth_all, kth_c, reach, ucap, big, tol, unit, dcap_c, max_distance, tree, g_xy,
            s_xy, sub_cost, to_cost, kq, warm_start, delta_frac, max_rounds, progress, stats)
    z, s, pp, d = _split_groups(members, inv, supply, flow_g, flow_s, flow_p, flow_d)
    unreach_g = ~reach
    unreachable = np.zeros(nz, bool)
    unreachable[members] = unreach_g[inv]
    stats["big_m"] = big * unit
    progress.update(1.0)
    return _flow_from_arcs(nz, ns, z, usable[s], pp, d, supply, unreachable & (supply > 0), "capacity", stats)


def _highs_rounds(g_supply, dk, ik, dkc, kth_all, kth_c, reach, ucap, big, tol, unit, dcap_c, max_distance, tree,
                  g_xy, s_xy, sub_cost, to_cost, kq, warm_start, delta_frac, max_rounds, progress, stats):
    """The HiGHS path (no numba): zones whose nearest shelter has room are fixed, the others solved as an LP,
    fixed zones woken and arcs added by pricing until the certificate holds (see the module docstring)."""
    ng = len(g_supply)
    nu = len(ucap)
    rows = np.arange(ng)
    # warm start (HiGHS): shelter prices from a vectorised auction (overloaded shelters raise their price until
    # enough of their zones prefer another candidate); zones with a clear best choice at these prices are fixed
    p0 = _auction(dkc, ik, g_supply, ucap, reach, big, tol, progress) if warm_start else np.zeros(nu)
    c0 = dkc + p0[ik]
    best = np.argmin(c0, axis=1)
    b1 = c0[rows, best]
    b2 = np.partition(c0, 1, axis=1)[:, 1] if kq > 1 else np.full(ng, np.inf)
    f = ik[rows, best]
    df = dk[rows, best]
    dfc = dkc[rows, best]
    margin = np.minimum(np.minimum(b2, kth_c), big) - b1
    active = reach & ((margin < delta_frac * dcap_c) | (b1 >= big)) if warm_start else np.zeros(ng, bool)
    fixed = reach & ~active
    load = np.bincount(f[fixed], weights=g_supply[fixed], minlength=nu)
    active |= fixed & (load[f] > ucap[f])
    stats["warm_start_active"] = int(active.sum())
    arcs = _Arcs()
    kth = np.full(ng, np.inf)            # lower bound on the cost of arcs not given to an active group
    has_arcs = np.zeros(ng, bool)
    x = u = v = p = None
    az = as_ = np.zeros(0, np.int64)
    ad = np.zeros(0)
    for rnd in range(max_rounds):
        stats["rounds"] = rnd + 1
        groups = np.nonzero(active)[0]
        new = groups[~has_arcs[groups]]
        if len(new):
            ok = np.isfinite(dk[new])
            arcs.add(np.repeat(new, kq)[ok.ravel()], ik[new][ok], dk[new][ok])
            kth[new] = kth_c[new]
            has_arcs[new] = True
        fixed = reach & ~active
        residual = ucap - np.bincount(f[fixed], weights=g_supply[fixed], minlength=nu).astype(np.int64)
        az, as_, ad = arcs.arrays()
        keep = active[az]
        az, as_, ad = az[keep], as_[keep], ad[keep]
        if not len(groups):
            x = np.zeros(0, np.int64); u = np.zeros(0, np.int64); v = np.zeros(0); p = np.zeros(nu)
        else:
            x, u, v, p, _ = _solve(groups, g_supply[groups], az, as_, to_cost(ad), residual, big)
        stats["lp_arcs"] = len(az)
        stats["active_zones"] = len(groups)
        progress.update(min(0.9, 0.3 + 0.1 * (rnd + 1)))
        changed = False
        # (1) fixed zones: optimal when no candidate is cheaper at the LP's prices (v = d + p of their shelter)
        v_fix = dfc + p[f]
        cmin = np.min(dkc + p[ik], axis=1)
        wake = fixed & ((cmin < v_fix - tol) | (kth_c < v_fix - tol) | (v_fix > big))
        if wake.any():
            active |= wake
            changed = True
        # (2) column generation: arcs with negative reduced cost for active groups
        need = v > kth[groups] + tol
        if need.any():
            gi = groups[need]
            radius = np.minimum((v[need] + 1.0) * unit, max_distance)
            new_z, new_s, new_d = [], [], []
            if sub_cost is None:
                lists = tree.query_ball_point(g_xy[gi], r=radius)
                for g, lst, vv in zip(gi, lists, v[need]):
                    if not lst:
                        continue
                    lst = np.asarray(lst, np.int64)
                    dd = np.hypot(*(s_xy[lst] - g_xy[g]).T)
                    red = to_cost(dd) + p[lst] - vv
                    bad = np.nonzero((red < -tol) & (dd <= max_distance))[0]
                    if len(bad):
                        bad = bad[np.argsort(red[bad], kind="stable")[:kq]]   # the kq most negative
                        new_z.append(np.full(len(bad), g)); new_s.append(lst[bad]); new_d.append(dd[bad])
            else:
                for g, vv in zip(gi, v[need]):
                    dd = sub_cost[g]
                    bad = np.isfinite(dd) & (dd <= max_distance) & (to_cost(dd) + p < vv - tol)
                    js = np.nonzero(bad)[0]
                    js = js[np.argsort((to_cost(dd) + p)[js], kind="stable")[:kq]]   # the kq most negative
                    if len(js):
                        new_z.append(np.full(len(js), g)); new_s.append(js); new_d.append(dd[js])
            added = arcs.add(np.concatenate(new_z), np.concatenate(new_s), np.concatenate(new_d)) if new_z else 0
            if added:
                changed = True
        if not changed:
            break
    else:
        stats["certified"] = False
    # expand to arcs per original zone (groups split back in zone order)
    gz_fixed = np.nonzero(reach & ~active)[0]
    flow_g = np.concatenate([gz_fixed, az[x > 0]]) if x is not None else gz_fixed
    flow_s = np.concatenate([f[gz_fixed], as_[x > 0]]) if x is not None else f[gz_fixed]
    flow_p = np.concatenate([g_supply[gz_fixed], x[x > 0]]) if x is not None else g_supply[gz_fixed]
    flow_d = np.concatenate([df[gz_fixed], ad[x > 0]]) if x is not None else df[gz_fixed]
    return flow_g, flow_s, flow_p, flow_d


def _auction(dk, ik, sup, cap, reach, big, eps, progress, iters: int = 200):
    """Shelter prices (>= 0) at which few shelters are overloaded: each round, every overloaded shelter raises its
    price just enough for its zones with the smallest margin to its runner-up (another candidate, or staying
    unplaced at cost ``big``) to leave, until the excess is gone. Only a warm start: the LP decides."""
    ng, kk = dk.shape
    nu = len(cap)
    p = np.zeros(nu)
    rows = np.arange(ng)
    for it in range(iters):
        c = dk + p[ik]
        best = np.argmin(c, axis=1)
        b1 = c[rows, best]
        b2 = np.partition(c, 1, axis=1)[:, 1] if kk > 1 else np.full(ng, np.inf)
        b2 = np.minimum(b2, big)
        ok = reach & (b1 < big)
        f = ik[rows, best]
        load = np.bincount(f[ok], weights=sup[ok], minlength=nu)
        excess = load - cap
        over = excess > 0
        if not over.any():
            break
        z = np.nonzero(ok & over[f])[0]
        sh, mg, w = f[z], (b2 - b1)[z], sup[z].astype(float)
        o = np.lexsort((mg, sh))
        sh, mg, w = sh[o], mg[o], w[o]
        cw = np.cumsum(w)
        first = np.r_[True, sh[1:] != sh[:-1]]
        gid = np.cumsum(first) - 1
        within = cw - (cw - w)[first][gid]
        hit = within >= excess[sh]
        hs, hm = sh[hit], mg[hit]
        firsts = np.r_[True, hs[1:] != hs[:-1]] if len(hs) else np.zeros(0, bool)
        p[hs[firsts]] += hm[firsts] + eps
        if it % 20 == 0:
            progress.check()
    return p


def _unique_points(xy):
    """(distinct points sorted by x then y, index of each point's distinct point): np.unique(axis=0) on two
    float columns, by one lexsort (np.unique's row view is ~5x slower at a million points)."""
    if not len(xy):
        return xy.reshape(0, 2), np.zeros(0, np.int64)
    order = np.lexsort((xy[:, 1], xy[:, 0]))
    s = xy[order]
    new = np.ones(len(s), bool)
    new[1:] = (s[1:, 0] != s[:-1, 0]) | (s[1:, 1] != s[:-1, 1])
    gid = np.cumsum(new) - 1
    inv = np.empty(len(xy), np.int64)
    inv[order] = gid
    return s[new], inv


def _split_groups(members, inv, supply, g, s, p, d):
    """Arcs of merged groups -> arcs of their member zones (members fill the group's arcs in zone order)."""
    if not len(g):
        return (np.zeros(0, np.int64),) * 3 + (np.zeros(0),)
    order_m = np.argsort(inv, kind="stable")
    m_group = inv[order_m]
    m_zone = members[order_m]
    if len(np.unique(m_group)) == len(m_group):       # no merged group: map straight back
        zone_of = np.empty(len(m_group), np.int64)
        zone_of[m_group] = m_zone
        return zone_of[g], s, p, d
    out_z, out_s, out_p, out_d = [], [], [], []
    starts = np.searchsorted(m_group, np.arange(m_group.max() + 1))
    ends = np.searchsorted(m_group, np.arange(m_group.max() + 1), side="right")
    order_a = np.argsort(g, kind="stable")
    # walk group by group: members in zone order, arcs in arc order (two-pointer fill)
    arc_groups = g[order_a]
    a_start = np.searchsorted(arc_groups, np.arange(m_group.max() + 1))
    a_end = np.searchsorted(arc_groups, np.arange(m_group.max() + 1), side="right")
    for grp in np.unique(arc_groups):
        zs = list(m_zone[starts[grp]:ends[grp]])
        left = [int(supply[zz]) for zz in zs]
        mi = 0
        for a in order_a[a_start[grp]:a_end[grp]]:
            need = int(p[a])
            while need > 0 and mi < len(zs):
                take = min(need, left[mi])
                if take:
                    out_z.append(zs[mi]); out_s.append(s[a]); out_p.append(take); out_d.append(d[a])
                    need -= take
                    left[mi] -= take
                if left[mi] == 0:
                    mi += 1
    return (np.asarray(out_z, np.int64), np.asarray(out_s, np.int64), np.asarray(out_p, np.int64),
            np.asarray(out_d, float))
