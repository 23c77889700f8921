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
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from .errors import SonaeInputError
from .progress import Progress, ensure


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


def _solve(zones, supply, arcs_z, arcs_s, arcs_d, residual, big):
    """The restricted transportation LP. Returns (flow per arc, unassigned per zone, v per zone, p per shelter)."""
    from scipy.optimize import linprog
    from scipy.sparse import coo_matrix, hstack, identity
    nz = len(zones)
    row = np.searchsorted(zones, arcs_z)  # zones are sorted group indices
    shel, col_s = np.unique(arcs_s, return_inverse=True)
    m = len(arcs_z)
    a_eq = hstack([coo_matrix((np.ones(m), (row, np.arange(m))), shape=(nz, m)), identity(nz, format="coo")])
    a_ub = hstack([coo_matrix((np.ones(m), (col_s, np.arange(m))), shape=(len(shel), m)),
                   coo_matrix((len(shel), nz))])
    c = np.concatenate([arcs_d, np.full(nz, big)])
    res = linprog(c, A_ub=a_ub.tocsr(), b_ub=residual[shel].astype(float), A_eq=a_eq.tocsr(),
                  b_eq=supply.astype(float), bounds=(0, None), method="highs-ds")
    if res.status != 0:
        raise RuntimeError(f"HiGHS did not solve the assignment LP: {res.message}")
    x = res.x
    xi = np.rint(x)
    if np.abs(x - xi).max(initial=0.0) > 1e-6:
        raise RuntimeError("the assignment LP returned a fractional vertex (should be impossible: TU matrix)")
    v = np.asarray(res.eqlin.marginals, float)
    p_sub = -np.asarray(res.ineqlin.marginals, float)
    p = np.zeros(len(residual))
    p[shel] = np.maximum(p_sub, 0.0)
    return xi[:m].astype(np.int64), xi[m:].astype(np.int64), v, p, res.fun


def capacity_flow(supply, zone_xy, shelter_xy, capacity, max_distance: float = np.inf, k: int = 8,
                  cost=None, progress: Progress | None = None, max_rounds: int = 50) -> Flow:
    """Capacity-limited minimum-cost assignment (see the module docstring). ``cost`` (zones x shelters, inf =
    unreachable) replaces straight-line distances when given (road distances)."""
    progress = ensure(progress)
    supply = np.asarray(supply, dtype=np.int64)
    cap = np.asarray(capacity, dtype=float)
    if np.any(supply < 0):
        raise SonaeInputError("Evacuee counts must not be negative.", "避難者数に負の値があります。")
    cap = np.where(np.isfinite(cap) & (cap > 0), np.floor(cap + 1e-9), 0.0).astype(np.int64)
    nz = len(supply)
    ns = len(cap)
    usable = np.nonzero(cap > 0)[0]
    stats = {"zones": nz, "shelters": ns, "rounds": 0, "lp_arcs": 0, "active_zones": 0, "certified": True}
    empty = (np.zeros(0, np.int64),) * 2
    if len(usable) == 0 or supply.sum() == 0:
        return _flow_from_arcs(nz, ns, *empty, np.zeros(0), np.zeros(0), supply, supply > 0, "capacity", stats)
    # merge zones at identical coordinates (identical costs: exact)
    if cost is None:
        xy = np.asarray(zone_xy, float)
        has = supply > 0
        uniq, inv = np.unique(xy[has], axis=0, return_inverse=True)
        inv = inv.reshape(-1)
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
    # distance of every group to its nearest usable shelter
    if cost is None:
        from scipy.spatial import cKDTree
        tree = cKDTree(s_xy)
        d1, i1 = tree.query(g_xy, k=1)
    else:
        tree = None
        i1 = np.argmin(sub_cost, axis=1)
        d1 = sub_cost[np.arange(ng), i1]
    reach = np.isfinite(d1) & (d1 <= max_distance)
    progress.update(0.1)
    # fixed zones: nearest shelter not over capacity
    near_load = np.bincount(i1[reach], weights=g_supply[reach], minlength=nu)
    active = reach & (near_load[i1] > ucap[i1])
    arcs = _Arcs()
    kq = min(k, nu)

    def candidates(groups, kk):
        if cost is None:
            dd, ii = tree.query(g_xy[groups], k=kk)
            dd, ii = dd.reshape(len(groups), -1), ii.reshape(len(groups), -1)
        else:
            ii = np.argsort(sub_cost[groups], axis=1, kind="stable")[:, :kk]
            dd = np.take_along_axis(sub_cost[groups], ii, axis=1)
        zz = np.repeat(groups, dd.shape[1])
        ok = np.isfinite(dd.ravel()) & (dd.ravel() <= max_distance)
        return zz[ok], ii.ravel()[ok], dd.ravel()[ok], dd[:, -1]

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
    kth = np.full(ng, np.inf)            # distance of the farthest arc given to an active group
    x = u = v = p = None
    big = None
    for rnd in range(max_rounds):
        stats["rounds"] = rnd + 1
        groups = np.nonzero(active)[0]
        new = groups[~np.isfinite(kth[groups])]
        if len(new):
            zz, ss, dd, last = candidates(new, kq)
            arcs.add(zz, ss, dd)
            kth[new] = np.where(np.isfinite(last), last, np.inf) if kq < nu else np.inf
        fixed = reach & ~active
        residual = ucap - np.bincount(i1[fixed], weights=g_supply[fixed], minlength=nu).astype(np.int64)
        az, as_, ad = arcs.arrays()
        keep = active[az]
        az, as_, ad = az[keep], as_[keep], ad[keep]
        if not len(groups):
            x = np.zeros(0, np.int64); u = np.zeros(0, np.int64); v = np.zeros(0); p = np.zeros(nu)
            break
        big = (nu + 1) * dcap + 1.0
        x, u, v, p, _ = _solve(groups, g_supply[groups], az, as_, ad, residual, big)
        stats["lp_arcs"] = len(az)
        stats["active_zones"] = len(groups)
        progress.update(min(0.9, 0.1 + 0.1 * (rnd + 1)))
        changed = False
        # (1) fixed zones at a priced shelter -> activate them
        priced = p > 1e-9
        wake = fixed & priced[i1]
        if wake.any():
            active |= wake
            changed = True
        # (2) column generation: arcs with negative reduced cost for active groups
        tol = 1e-6 * dcap
        need = v > kth[groups] + tol
        if need.any():
            gi = groups[need]
            radius = np.minimum(v[need], max_distance)
            added = 0
            if cost is None:
                lists = tree.query_ball_point(g_xy[gi], r=radius)
                for g, lst, vv in zip(gi, lists, v[need]):
                    if not lst:
                        continue
                    lst = np.asarray(lst, np.int64)
                    dd = np.hypot(*(s_xy[lst] - g_xy[g]).T)
                    bad = (dd + p[lst] < vv - tol) & (dd <= max_distance)
                    if bad.any():
                        added += arcs.add(np.full(int(bad.sum()), g), lst[bad], dd[bad])
            else:
                for g, vv in zip(gi, v[need]):
                    dd = sub_cost[g]
                    bad = np.isfinite(dd) & (dd <= max_distance) & (dd + p < vv - tol)
                    js = np.nonzero(bad)[0]
                    if len(js):
                        added += arcs.add(np.full(len(js), g), js, dd[js])
            if added:
                changed = True
        if not changed:
            break
    else:
        stats["certified"] = False
    # expand to arcs per original zone (groups split back in zone order)
    gz_fixed = np.nonzero(reach & ~active)[0]
    flow_g = np.concatenate([gz_fixed, az[x > 0]]) if x is not None else gz_fixed
    flow_s = np.concatenate([i1[gz_fixed], as_[x > 0]]) if x is not None else i1[gz_fixed]
    flow_p = np.concatenate([g_supply[gz_fixed], x[x > 0]]) if x is not None else g_supply[gz_fixed]
    flow_d = np.concatenate([d1[gz_fixed], ad[x > 0]]) if x is not None else d1[gz_fixed]
    z, s, pp, d = _split_groups(members, inv, supply, flow_g, flow_s, flow_p, flow_d)
    unreach_g = ~reach
    unreachable = np.zeros(nz, bool)
    unreachable[members] = unreach_g[inv]
    stats["big_m"] = big
    progress.update(1.0)
    return _flow_from_arcs(nz, ns, z, usable[s], pp, d, supply, unreachable & (supply > 0), "capacity", stats)


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
