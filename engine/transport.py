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
    """Transportation LP on integer data. ``supply`` per zone (int64), arcs ``row`` (zone) / ``col_s`` (shelter) /
    ``cost`` (int64), ``residual`` places per shelter (int64), ``big`` the cost of an unplaced person (int64).

    ``start``: ``"crash"`` (every zone on its cheapest arc, see :func:`_crash_basis`) or ``"star"`` (LEMON's
    artificial start). Returns (x per arc, unplaced per zone, v per zone, p per shelter, pivots), all int64,
    certified optimal.
    """
    kern = transport_kernel.kernel()
    if kern is None:
        raise RuntimeError("the compiled network simplex needs numba")
    supply = np.ascontiguousarray(supply, np.int64)
    row = np.ascontiguousarray(row, np.int64)
    col_s = np.ascontiguousarray(col_s, np.int64)
    cost = np.ascontiguousarray(cost, np.int64)
    residual = np.maximum(np.ascontiguousarray(residual, np.int64), 0)
    nz, ns, m = len(supply), len(residual), len(row)
    t = nz + ns
    src = np.concatenate([row, nz + np.arange(ns), np.arange(nz)])
    tgt = np.concatenate([nz + col_s, np.full(ns, t), np.full(nz, t)])
    free = int(supply.sum()) + 1      # uncapacitated: more than all the people
    cap = np.concatenate([np.full(m, free, np.int64), residual, np.full(nz, free, np.int64)])
    arc_cost = np.concatenate([cost, np.zeros(ns, np.int64), np.full(nz, int(big), np.int64)])
    node_supply = np.concatenate([supply, np.zeros(ns, np.int64), [-int(supply.sum())]]).astype(np.int64)
    if max_pivots is None:
        max_pivots = 50 * (len(src) + t + 1) + 1000
    if start == "crash":
        tree_arc, init_flow, overflow = _crash_basis(supply, row, col_s, cost, residual, m)
    else:
        tree_arc, init_flow, overflow = np.zeros(0, np.int64), np.zeros(0, np.int64), -1
    if overflow == 0:        # every zone on its cheapest arc fits: optimal at prices 0 (certified below)
        flow = init_flow
        pi = np.zeros(t + 1, np.int64)
        best = np.full(nz, int(big), np.int64)
        np.minimum.at(best, row, cost)
        pi[:nz] = -best
        status, pivots = transport_kernel.OPTIMAL, 0
    else:
        flow, pi, status, pivots = kern(t + 1, src.astype(np.int64), tgt.astype(np.int64), cap.astype(np.int64),
                                        arc_cost.astype(np.int64), node_supply, np.int64(max_pivots),
                                        tree_arc, init_flow)
    if status != transport_kernel.OPTIMAL:
        raise CertificateError(f"network simplex ended with status {status} after {pivots} pivots")
    x = flow[:m]
    u = flow[m + ns:]
    v = pi[t] - pi[:nz]
    p = np.maximum(pi[t] - pi[nz:t], 0)
    certify(supply, row, col_s, cost, residual, big, x, u, v, p)
    return x, u, v, p, int(pivots)


def _crash_basis(supply, row, col_s, cost, residual, m):
    """A strongly feasible first basis: every zone on its cheapest arc (zones without arcs unplaced); a shelter
    with room hangs from the sink by its capacity arc, a shelter at or above its places hangs from the root by
    its artificial arc (carrying the overflow) with the capacity arc full; the sink hangs from the root.
    Returns (tree arc per node, flow per real arc, overflow)."""
    nz, ns = len(supply), len(residual)
    t = nz + ns
    n_real = m + ns + nz
    flow = np.zeros(n_real, np.int64)
    tree = np.full(t + 1, -1, np.int64)
    if m:
        order = np.lexsort((cost, row))              # per zone: cheapest arc first
        first = np.ones(m, bool)
        first[1:] = row[order][1:] != row[order][:-1]
        pick = order[first]
        z_pick = row[pick]
    else:
        pick = z_pick = np.zeros(0, np.int64)
    tree[z_pick] = pick
    flow[pick] = supply[z_pick]
    no_arc = np.ones(nz, bool)
    no_arc[z_pick] = False
    idx = np.nonzero(no_arc)[0]
    tree[idx] = m + ns + idx                       # unplaced arc to the sink
    flow[m + ns + idx] = supply[idx]
    load = np.bincount(col_s[pick], weights=supply[z_pick], minlength=ns).astype(np.int64)
    room = load < residual
    j = np.arange(ns)
    tree[nz + j[room]] = m + j[room]
    flow[m + j] = np.minimum(load, residual)
    overflow = int(np.maximum(load - residual, 0).sum())
    return tree, flow, overflow


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
