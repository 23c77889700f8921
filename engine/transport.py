"""The restricted transportation problem of :func:`engine.assignment.capacity_flow` solved by the compiled network
simplex (:mod:`engine.transport_kernel`), with an independent optimality certificate.

Network: zone g (supply s_g) -> shelter j (cost c_gj, uncapacitated), shelter j -> sink T (capacity r_j, the
shelter's residual places, cost 0), zone g -> T (cost ``big``: a person left unplaced). Costs are integers (the
distance in the caller's unit, e.g. 0.1 mm), so the optimum is exact and the checks below use exact arithmetic:

- primal: every zone's people are placed or unplaced exactly, no shelter above r_j, flows >= 0;
- dual: with v_g = pi[T] - pi[g] (a zone's cheapest option) and p_j = max(0, pi[T] - pi[j]) (a shelter's price),
  every arc has reduced cost c_gj + p_j - v_g >= 0, v_g <= big, and complementary slackness holds (an arc with
  flow has reduced cost 0, unplaced people have v_g = big, a priced shelter is full).
Primal feasible + dual feasible + complementary slackness = optimal (LP duality). A failed check raises
:class:`CertificateError`: the caller then solves with HiGHS, so a kernel error can never pass as an optimum.
"""
from __future__ import annotations

import numpy as np

from . import transport_kernel


class CertificateError(RuntimeError):
    """The network simplex result failed the independent optimality check."""


def available() -> bool:
    return transport_kernel.available()


def solve(supply, row, col_s, cost, residual, big, max_pivots: int | None = None, start: str = "crash"):
    """Transportation LP on integer data, every zone active (:class:`WarmTransport` without dormant zones).
    ``supply`` per zone (int64), arcs ``row`` (zone) / ``col_s`` (shelter) / ``cost`` (int64), ``residual``
    places per shelter (int64), ``big`` the cost of an unplaced person (int64). ``start``: ``"crash"`` (every zone
    on its cheapest arc) or ``"star"`` (LEMON's artificial start). Returns (x per arc in the order given,
    unplaced per zone, v per zone, p per shelter, pivots), all int64, certified optimal."""
    supply = np.ascontiguousarray(supply, np.int64)
    ws = WarmTransport(supply, np.ones(len(supply), bool), np.zeros(len(supply), np.int64), row, col_s, cost,
                       residual, big, start=start)
    ws.run(max_pivots)
    _row, _col, x, u, v, p = ws.result()
    return x, u, v, p, ws.pivots


def certify(supply, row, col_s, cost, residual, big, x, u, v, p) -> None:
    """Raise CertificateError unless (x, u) is feasible and (v, p) proves it optimal (exact integer checks)."""
    nz, ns = len(supply), len(residual)
    problems = []
    if (x < 0).any() or (u < 0).any():
        problems.append("negative flow")
    placed = np.bincount(row, weights=x, minlength=nz) if len(row) else np.zeros(nz)
    if not np.array_equal(placed.astype(np.int64) + u, supply):
        problems.append("people not conserved")
    load = np.bincount(col_s, weights=x, minlength=ns) if len(row) else np.zeros(ns)
    if (load > residual).any():
        problems.append("shelter above capacity")
    red = cost + p[col_s] - v[row]
    if (red < 0).any():
        problems.append("negative reduced cost")
    if (red[x > 0] != 0).any():
        problems.append("flow on an arc that is not tight")
    if (v > big).any() or (v[u > 0] != big).any():
        problems.append("unplaced people without the unplaced cost")
    if ((p > 0) & (load != residual)).any():
        problems.append("priced shelter not full")
    if problems:
        raise CertificateError("network simplex result failed the optimality check: " + ", ".join(problems))


PIVOT_SLICE = 20_000     # pivots between two cancellation checks
BLOCK_FACTOR = 1.0       # pricing block = BLOCK_FACTOR x sqrt(arcs priced): 0.1-10 measured on 400k zones, 1 fastest
SLICE_DONE = -1          # kernel status: the pivot limit of the call was reached (the basis is valid)


class WarmTransport:
    """The transportation network kept between solves, so that each round resumes from the last optimal basis.

    Nodes: every zone that can reach a shelter (``nz``), the shelters, the sink T (then the kernel's root).
    A zone is *dormant* (fixed at a shelter: its people are part of that shelter's supply, the node hangs from
    the root with no arc) or *active* (its people are its own supply; arcs to shelters and an unplaced arc to T).
    :meth:`wake` turns dormant zones active without disturbing the basis: the zone becomes a leaf under its
    shelter, carrying its people on the arc to it, and the shelter's supply drops by as much. :meth:`add_arcs`
    adds arcs outside the basis (flow 0). Real arcs: shelter->T (first ``ns``), then zone arcs in the order added.
    """

    def __init__(self, supply, active, fixed_at, row, col_s, cost, capacity, big, prices=None, check=None,
                 start: str = "crash"):
        self.kern = transport_kernel.kernel()
        if self.kern is None:
            raise RuntimeError("the compiled network simplex needs numba")
        self.people = np.ascontiguousarray(supply, np.int64)          # per zone
        self.active = np.asarray(active, bool).copy()
        self.fixed_at = np.asarray(fixed_at, np.int64)
        self.capacity = np.maximum(np.ascontiguousarray(capacity, np.int64), 0)
        self.big = int(big)
        nz, ns = len(self.people), len(self.capacity)
        self.nz, self.ns, self.t = nz, ns, nz + ns
        self.fixed_load = np.bincount(self.fixed_at[~self.active], weights=self.people[~self.active],
                                      minlength=ns).astype(np.int64)
        if (self.fixed_load > self.capacity).any():
            raise ValueError("fixed zones above a shelter's capacity")
        self.free = int(self.people.sum()) + 1
        # arcs of the active zones: given ones + unplaced
        act = np.nonzero(self.active)[0]
        z_row = np.concatenate([np.asarray(row, np.int64), act])
        z_col = np.concatenate([np.asarray(col_s, np.int64), np.full(len(act), -1, np.int64)])
        z_cost = np.concatenate([np.asarray(cost, np.int64), np.full(len(act), self.big, np.int64)])
        src = np.concatenate([nz + np.arange(ns), z_row])
        tgt = np.concatenate([np.full(ns, self.t), np.where(z_col >= 0, nz + z_col, self.t)])
        cap = np.concatenate([self.capacity, np.full(len(z_row), self.free, np.int64)])
        arc_cost = np.concatenate([np.zeros(ns, np.int64), z_cost])
        zone_supply = np.where(self.active, self.people, 0)
        node_supply = np.concatenate([zone_supply, self.fixed_load, [-int(self.people.sum())]]).astype(np.int64)
        # crash basis: active zones on their cheapest given arc, dormant zones from the root, shelters from T when
        # they have room (else from the root, capacity arc full), T from the root
        tree = np.full(self.t + 1, -1, np.int64)
        flow = np.zeros(len(src), np.int64)
        m_z = len(z_row)
        # each active zone starts on its cheapest arc (at ``prices`` when given: a guess of the shelter prices)
        pick_cost = z_cost if prices is None else z_cost + np.where(z_col >= 0, np.asarray(prices, np.int64)[z_col], 0)
        order = np.lexsort((pick_cost, z_row))
        first = np.ones(m_z, bool)
        first[1:] = z_row[order][1:] != z_row[order][:-1]
        pick = order[first]
        zp = z_row[pick]
        tree[zp] = ns + pick
        flow[ns + pick] = self.people[zp]
        to_sh = z_col[pick] >= 0
        load = self.fixed_load + np.bincount(z_col[pick][to_sh], weights=self.people[zp][to_sh],
                                             minlength=ns).astype(np.int64)
        room = load < self.capacity
        j = np.arange(ns)
        tree[nz + j[room]] = j[room]
        flow[j] = np.minimum(load, self.capacity)
        if start == "star":                      # LEMON's artificial start instead (tests compare both)
            tree, flow = np.zeros(0, np.int64), np.zeros(0, np.int64)
        *state, status = self.kern.setup(self.t + 1, src.astype(np.int64), tgt.astype(np.int64),
                                         cap.astype(np.int64), arc_cost.astype(np.int64), node_supply, tree, flow)
        if status != transport_kernel.OPTIMAL:
            raise CertificateError(f"network simplex could not start (status {status})")
        self.state = list(state)
        self.m = len(src)
        self.z_row, self.z_col, self.z_cost = z_row, z_col, z_cost     # zone arcs (position ns + i)
        self.pivots = 0
        self.work = np.zeros(4, np.int64)
        self._ran = False
        self.check = check                        # called between pivot slices (cancellation)

    def run(self, max_pivots: int | None = None) -> None:
        """Pivot to the optimum. The first run prices every arc; later runs (after wake/add_arcs) price the
        arcs of the zones with a negative reduced cost (and of shelters, the sink), then check every arc again
        and repeat while any has a negative reduced cost (sifting: the same optimum, found where it changes)."""
        if max_pivots is None:
            max_pivots = 50 * (self.m + self.t + 1) + 1000
        if not self._ran:
            self._pivot(np.arange(self.m, dtype=np.int64), max_pivots)
            self._ran = True
            return
        st = self.state
        src, tgt, cost, state, pi = st[0][:self.m], st[1][:self.m], st[3][:self.m], st[5][:self.m], st[13]
        order = np.argsort(self.z_row, kind="stable")
        starts = np.searchsorted(self.z_row[order], np.arange(self.nz + 1))
        hot = np.zeros(self.nz, bool)
        while True:
            neg = np.nonzero(state * (cost + pi[src] - pi[tgt]) < 0)[0]
            if not len(neg):
                return
            zs = src[neg[neg >= self.ns]]
            hot[zs] = True
            hz = np.nonzero(hot)[0]
            lens = starts[hz + 1] - starts[hz]
            idx = order[np.repeat(starts[hz], lens) + (np.arange(lens.sum()) - np.repeat(np.cumsum(lens) - lens, lens))]
            pidx = np.concatenate([np.arange(self.ns), self.ns + idx]).astype(np.int64)
            self._pivot(pidx, max_pivots)

    def _pivot(self, pidx, max_pivots):
        """Pivots in slices of PIVOT_SLICE, calling ``self.check`` (cancellation) between slices: the basis is
        complete after every slice, so the run resumes where it stopped."""
        done = 0
        while True:
            status, pivots, work = self.kern.run(self.m, self.t + 1, *self.state, np.int64(PIVOT_SLICE),
                                                 BLOCK_FACTOR, pidx)
            self.pivots += int(pivots)
            self.work += work
            done += int(pivots)
            if status == SLICE_DONE and done < max_pivots:
                if self.check is not None:
                    self.check()
                continue
            if status != transport_kernel.OPTIMAL:
                raise CertificateError(f"network simplex ended with status {status} after {self.pivots} pivots")
            return

    def duals(self):
        """(v per zone, p per shelter): an active zone's cheapest option, a shelter's price (>= 0)."""
        pi = self.state[13]
        return pi[self.t] - pi[:self.nz], np.maximum(pi[self.t] - pi[self.nz:self.t], 0)

    def _insert(self, src, tgt, cost, flow, state):
        k = len(src)
        m = self.m
        new = {0: src, 1: tgt, 2: np.full(k, self.free, np.int64), 3: cost, 4: flow, 5: state}
        for i, add in new.items():
            arr = self.state[i]
            self.state[i] = np.concatenate([arr[:m], np.asarray(add, np.int64), arr[m:]])
        pred = self.state[7]
        self.state[7] = np.where(pred >= m, pred + k, pred)
        self.m += k
        return m

    def add_arcs(self, row, col_s, cost) -> None:
        """Arcs from active zones to shelters, outside the basis (flow 0)."""
        k = len(row)
        if not k:
            return
        row, col_s, cost = (np.asarray(a, np.int64) for a in (row, col_s, cost))
        self._insert(row, self.nz + col_s, cost, np.zeros(k, np.int64), np.ones(k, np.int64))
        self.z_row = np.concatenate([self.z_row, row])
        self.z_col = np.concatenate([self.z_col, col_s])
        self.z_cost = np.concatenate([self.z_cost, cost])

    def wake(self, zones, row, col_s, cost) -> None:
        """Dormant ``zones`` become active with the arcs ``row``/``col_s``/``cost`` (which must include the arc
        to the shelter each is fixed at) and an unplaced arc; the basis stays optimal-ready."""
        zones = np.asarray(zones, np.int64)
        if not len(zones):
            return
        row, col_s, cost = (np.asarray(a, np.int64) for a in (row, col_s, cost))
        home = col_s == self.fixed_at[row]
        order = np.lexsort((~home, row))                # per zone: its home arc first
        first = np.ones(len(row), bool)
        first[1:] = row[order][1:] != row[order][:-1]
        home_arc = order[first & home[order]]
        if not np.array_equal(np.sort(row[home_arc]), np.sort(zones)):
            raise ValueError("every woken zone needs its arc to the shelter it is fixed at")
        flow = np.zeros(len(row), np.int64)
        flow[home_arc] = self.people[row[home_arc]]
        st = np.ones(len(row), np.int64)
        st[home_arc] = 0
        all_row = np.concatenate([row, zones])
        all_col = np.concatenate([col_s, np.full(len(zones), -1, np.int64)])
        all_cost = np.concatenate([cost, np.full(len(zones), self.big, np.int64)])
        tgt = np.where(all_col >= 0, self.nz + all_col, self.t)
        start = self._insert(all_row, tgt, all_cost, np.concatenate([flow, np.zeros(len(zones), np.int64)]),
                             np.concatenate([st, np.ones(len(zones), np.int64)]))
        self.z_row = np.concatenate([self.z_row, all_row])
        self.z_col = np.concatenate([self.z_col, all_col])
        self.z_cost = np.concatenate([self.z_cost, all_cost])
        # the zones' artificial arcs leave the basis (flow 0), their home arcs enter it
        art = self.m + row[home_arc]
        self.state[5][art] = 1
        self.kern.attach(row[home_arc], self.nz + col_s[home_arc], start + home_arc, self.state[3],
                         *self.state[6:14], np.int64(self.t + 1))
        np.subtract.at(self.fixed_load, col_s[home_arc], self.people[row[home_arc]])
        self.active[zones] = True

    def result(self):
        """(zone arc arrays row/col/x, unplaced per zone, v, p), certified optimal over the arcs given."""
        flow = self.state[4]
        zflow = flow[self.ns:self.m]
        to_sh = self.z_col >= 0
        x = zflow[to_sh]
        row, col, cost = self.z_row[to_sh], self.z_col[to_sh], self.z_cost[to_sh]
        u = np.zeros(self.nz, np.int64)
        np.add.at(u, self.z_row[~to_sh], zflow[~to_sh])
        v, p = self.duals()
        act = np.nonzero(self.active)[0]
        pos = np.full(self.nz, -1, np.int64)
        pos[act] = np.arange(len(act))
        certify(self.people[act], pos[row], col, cost, self.capacity - self.fixed_load, self.big, x, u[act],
                v[act], p)
        return row, col, x, u, v, p
