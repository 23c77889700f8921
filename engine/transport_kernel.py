"""Compiled network simplex for the evacuation transportation problem (numba, optional).

A primal network simplex on integer costs and capacities: a spanning-tree basis kept in the thread / reverse-thread
/ successor-count representation, block-search pricing (blocks of sqrt(arcs)), a strongly feasible basis (the
leaving arc is the last blocking arc on the cycle, so degenerate pivots cannot cycle). It is a transcription of
the algorithm of LEMON's ``NetworkSimplex`` (Kiraly & Kovacs, "Efficient implementations of minimum-cost flow
algorithms", Acta Univ. Sapientiae, Informatica 4(1), 2012), restricted to what the transportation problem needs:
lower bounds 0, supplies summing to zero (equality constraints), artificial arcs to a root for the first basis.

Conventions (as in LEMON): ``pi`` are node potentials with reduced cost ``cost[a] + pi[src[a]] - pi[tgt[a]]``;
at the optimum an arc below its capacity has reduced cost >= 0 and an arc carrying flow has reduced cost <= 0.
:mod:`engine.transport` checks these conditions independently after every solve (a certificate), so an error
here can never pass as an optimum.

numba is optional: QGIS users do not have it unless they install it; :func:`kernel` is None then and
:mod:`engine.assignment` solves the same LP with HiGHS (scipy).
"""
from __future__ import annotations

import os

import numpy as np

_KERNEL = None
_TRIED = False

OPTIMAL, INFEASIBLE, UNBOUNDED, BAD_START = 0, 1, 2, 3


def available() -> bool:
    """True when the compiled solver can be used (numba importable; SONAE_FLOW_ENGINE is not ``highs``)."""
    if os.environ.get("SONAE_FLOW_ENGINE", "").lower() == "highs":
        return False
    return kernel() is not None


def kernel():
    """The compiled entry points (:class:`_Compiled`) or None without numba."""
    global _KERNEL, _TRIED
    if _TRIED:
        return _KERNEL
    _TRIED = True
    try:
        import numba
    except Exception:  # numba missing or broken: HiGHS is used
        return None
    jit = numba.njit(cache=True, nogil=True)
    _KERNEL = _Compiled(jit(ns_setup), jit(ns_run), jit(ns_attach))
    return _KERNEL


class _Compiled:
    """The compiled entry points: ``setup`` (first basis), ``run`` (pivots), ``attach`` (leaves into the basis)."""

    def __init__(self, setup, run, attach):
        self.setup = setup
        self.run = run
        self.attach = attach


def ns_setup(n, src, tgt, cap, cost, supply, tree_arc, init_flow):
    """Minimum-cost flow. ``n`` nodes; arcs ``src``/``tgt`` (int64), ``cap`` (int64, >= 0), ``cost`` (int64);
    ``supply`` (int64, sums to 0). Builds the first basis; returns the state arrays (arcs: real ones, then one
    artificial arc per node) and a status (OPTIMAL = ready, BAD_START). :func:`ns_run` then pivots.

    Start: with ``tree_arc`` empty, LEMON's artificial star (every node hangs from an artificial root). Otherwise
    a crash basis: ``init_flow`` on the real arcs (each at 0 or its capacity unless in the tree) and, per node,
    the real arc linking it to its parent in the spanning tree, or -1 for the node's artificial arc to the root
    (carrying the node's imbalance). The caller builds it strongly feasible (every tree arc can carry one more
    unit towards the root); a start that is not a spanning tree, or leaves a node with a real tree arc
    unbalanced, ends with status BAD_START.
    """
    m = src.shape[0]
    big_cap = np.int64(1) << np.int64(60)
    max_cost = np.int64(0)
    for a in range(m):
        c = cost[a] if cost[a] >= 0 else -cost[a]
        if c > max_cost:
            max_cost = c
    art_cost = (max_cost + np.int64(1)) * np.int64(n + 1)
    all_m = m + n
    a_src = np.empty(all_m, np.int64)
    a_tgt = np.empty(all_m, np.int64)
    a_cap = np.empty(all_m, np.int64)
    a_cost = np.empty(all_m, np.int64)
    flow = np.zeros(all_m, np.int64)
    state = np.ones(all_m, np.int64)          # 1 = at lower bound, -1 = at upper bound, 0 = in the tree
    for a in range(m):
        a_src[a] = src[a]
        a_tgt[a] = tgt[a]
        a_cap[a] = cap[a]
        a_cost[a] = cost[a]
    root = n
    parent = np.empty(n + 1, np.int64)
    pred = np.empty(n + 1, np.int64)
    pred_dir = np.zeros(n + 1, np.int64)       # 1 = up (pred arc leaves the node), -1 = down
    thread = np.empty(n + 1, np.int64)
    rev_thread = np.empty(n + 1, np.int64)
    succ_num = np.empty(n + 1, np.int64)
    last_succ = np.empty(n + 1, np.int64)
    pi = np.zeros(n + 1, np.int64)
    parent[root] = -1
    pred[root] = -1
    thread[root] = 0
    rev_thread[0] = root
    succ_num[root] = n + 1
    last_succ[root] = root - 1
    for u in range(n):
        e = m + u
        parent[u] = root
        pred[u] = e
        thread[u] = u + 1
        rev_thread[u + 1] = u
        succ_num[u] = 1
        last_succ[u] = u
        a_cap[e] = big_cap
        state[e] = 0
        if supply[u] >= 0:
            pred_dir[u] = 1
            pi[u] = 0
            a_src[e] = u
            a_tgt[e] = root
            flow[e] = supply[u]
            a_cost[e] = 0
        else:
            pred_dir[u] = -1
            pi[u] = art_cost
            a_src[e] = root
            a_tgt[e] = u
            flow[e] = -supply[u]
            a_cost[e] = art_cost
    if tree_arc.shape[0] == n:
        # --- crash basis given by the caller
        bal = supply[:n].copy()
        for a in range(m):
            flow[a] = init_flow[a]
            bal[src[a]] -= init_flow[a]
            bal[tgt[a]] += init_flow[a]
            state[a] = 1 if init_flow[a] == 0 else -1
            if init_flow[a] != 0 and init_flow[a] != cap[a]:
                state[a] = 0       # must be a tree arc (checked below)
        for u in range(n):
            e = m + u
            a = tree_arc[u]
            if a >= 0:
                if bal[u] != 0:
                    return a_src, a_tgt, a_cap, a_cost, flow, state, parent, pred, pred_dir, thread, rev_thread, succ_num, last_succ, pi, BAD_START
                state[a] = 0
                parent[u] = tgt[a] if src[a] == u else src[a]
                pred[u] = a
                pred_dir[u] = 1 if src[a] == u else -1
                a_src[e] = u
                a_tgt[e] = root
                a_cost[e] = 0
                flow[e] = 0
                state[e] = 1
            else:
                parent[u] = root
                pred[u] = e
                state[e] = 0
                if bal[u] >= 0:
                    pred_dir[u] = 1
                    a_src[e] = u
                    a_tgt[e] = root
                    a_cost[e] = 0
                    flow[e] = bal[u]
                else:
                    pred_dir[u] = -1
                    a_src[e] = root
                    a_tgt[e] = u
                    a_cost[e] = art_cost
                    flow[e] = -bal[u]
        for a in range(m):
            if state[a] == 0 and (a != pred[src[a]] and a != pred[tgt[a]]):
                return a_src, a_tgt, a_cap, a_cost, flow, state, parent, pred, pred_dir, thread, rev_thread, succ_num, last_succ, pi, BAD_START
        # children lists, then a preorder walk from the root: thread, successor counts, potentials
        nchild = np.zeros(n + 2, np.int64)
        for u in range(n):
            nchild[parent[u] + 1] += 1
        for u in range(n + 1):
            nchild[u + 1] += nchild[u]
        child = np.empty(n, np.int64)
        fill = nchild[:n + 1].copy()
        for u in range(n):
            pu = parent[u]
            child[fill[pu]] = u
            fill[pu] += 1
        order = np.empty(n + 1, np.int64)
        stack = np.empty(n + 1, np.int64)
        top = 0
        stack[0] = root
        top = 1
        cnt = 0
        pi[root] = 0
        while top > 0:
            top -= 1
            u = stack[top]
            order[cnt] = u
            cnt += 1
            if u != root:
                e = pred[u]
                if pred_dir[u] == 1:
                    pi[u] = pi[parent[u]] - a_cost[e]
                else:
                    pi[u] = pi[parent[u]] + a_cost[e]
            for i in range(nchild[u + 1] - 1, nchild[u] - 1, -1):
                stack[top] = child[i]
                top += 1
        if cnt != n + 1:
            return a_src, a_tgt, a_cap, a_cost, flow, state, parent, pred, pred_dir, thread, rev_thread, succ_num, last_succ, pi, BAD_START
        for i in range(n + 1):
            thread[order[i]] = order[(i + 1) % (n + 1)]
            rev_thread[order[(i + 1) % (n + 1)]] = order[i]
        for u in range(n + 1):
            succ_num[u] = 1
            last_succ[u] = u
        for i in range(n, 0, -1):        # reverse preorder: children before parents
            u = order[i]
            pu = parent[u]
            succ_num[pu] += succ_num[u]
        for i in range(n, -1, -1):
            u = order[i]
            # the last successor of u: the last node of its preorder block
            last_succ[u] = order[i + succ_num[u] - 1]
    return a_src, a_tgt, a_cap, a_cost, flow, state, parent, pred, pred_dir, thread, rev_thread, succ_num, last_succ, pi, OPTIMAL


def ns_run(m, n, a_src, a_tgt, a_cap, a_cost, flow, state, parent, pred, pred_dir, thread, rev_thread, succ_num,
           last_succ, pi, max_pivots, block_factor, pidx):
    """Pivot from the current basis to an optimum over the real arcs ``0..m-1`` (the arcs ``m..m+n-1`` are the
    artificial ones; ``n`` nodes besides the root), pricing only the arcs listed in ``pidx`` (all of them, or a
    subset: the caller then prices every arc and runs again while any has a negative reduced cost).
    Returns (status, pivots, work counters)."""
    npr = pidx.shape[0]
    big_cap = np.int64(1) << np.int64(60)
    all_m = m + n
    dirty = np.empty(n + 1, np.int64)
    block = int(block_factor * np.sqrt(npr))
    if block < 10:
        block = 10
    next_arc = 0
    pivots = 0
    work = np.zeros(4, np.int64)      # arcs priced, cycle steps, tree-update steps, potentials updated
    status = OPTIMAL
    while True:
        # --- entering arc: block search over the real arcs
        if npr == 0:
            break
        best = np.int64(0)
        in_arc = -1
        cnt = block
        e = next_arc
        scanned = 0
        found = False
        while scanned < npr:
            work[0] += 1
            a = pidx[e]
            c = state[a] * (a_cost[a] + pi[a_src[a]] - pi[a_tgt[a]])
            if c < best:
                best = c
                in_arc = a
            e += 1
            if e == npr:
                e = 0
            scanned += 1
            cnt -= 1
            if cnt == 0:
                if best < 0:
                    found = True
                    break
                cnt = block
        if not found and best < 0:
            found = True
        if not found:
            break
        next_arc = e
        pivots += 1
        if pivots > max_pivots:
            status = -1
            break
        # --- join node
        u = a_src[in_arc]
        v = a_tgt[in_arc]
        while u != v:
            work[1] += 1
            if succ_num[u] < succ_num[v]:
                u = parent[u]
            else:
                v = parent[v]
        join = u
        # --- leaving arc
        if state[in_arc] == 1:
            first = a_src[in_arc]
            second = a_tgt[in_arc]
        else:
            first = a_tgt[in_arc]
            second = a_src[in_arc]
        delta = a_cap[in_arc]
        result = 0
        u_out = -1
        u = first
        while u != join:
            e = pred[u]
            d = flow[e]
            if pred_dir[u] == -1:
                d = a_cap[e] - d
            if d < delta:
                delta = d
                u_out = u
                result = 1
            u = parent[u]
        u = second
        while u != join:
            e = pred[u]
            d = flow[e]
            if pred_dir[u] == 1:
                d = a_cap[e] - d
            if d <= delta:
                delta = d
                u_out = u
                result = 2
            u = parent[u]
        if result == 1:
            u_in = first
            v_in = second
        else:
            u_in = second
            v_in = first
        if delta >= big_cap:
            status = UNBOUNDED
            break
        # --- change flow along the cycle
        if delta > 0:
            val = state[in_arc] * delta
            flow[in_arc] += val
            u = a_src[in_arc]
            while u != join:
                flow[pred[u]] -= pred_dir[u] * val
                u = parent[u]
            u = a_tgt[in_arc]
            while u != join:
                flow[pred[u]] += pred_dir[u] * val
                u = parent[u]
        if result == 0:
            state[in_arc] = -state[in_arc]
            continue
        state[in_arc] = 0
        state[pred[u_out]] = 1 if flow[pred[u_out]] == 0 else -1
        # --- update the tree structure
        old_rev_thread = rev_thread[u_out]
        old_succ_num = succ_num[u_out]
        old_last_succ = last_succ[u_out]
        v_out = parent[u_out]
        if u_in == u_out:
            parent[u_in] = v_in
            pred[u_in] = in_arc
            pred_dir[u_in] = 1 if u_in == a_src[in_arc] else -1
            if thread[v_in] != u_out:
                after = thread[old_last_succ]
                thread[old_rev_thread] = after
                rev_thread[after] = old_rev_thread
                after = thread[v_in]
                thread[v_in] = u_out
                rev_thread[u_out] = v_in
                thread[old_last_succ] = after
                rev_thread[after] = old_last_succ
        else:
            thread_continue = thread[old_last_succ] if old_rev_thread == v_in else thread[v_in]
            stem = u_in
            par_stem = v_in
            last = last_succ[u_in]
            after = thread[last]
            thread[v_in] = u_in
            nd = 0
            dirty[nd] = v_in
            nd += 1
            while stem != u_out:
                next_stem = parent[stem]
                thread[last] = next_stem
                dirty[nd] = last
                nd += 1
                before = rev_thread[stem]
                thread[before] = after
                rev_thread[after] = before
                parent[stem] = par_stem
                par_stem = stem
                stem = next_stem
                last = rev_thread[par_stem] if last_succ[stem] == last_succ[par_stem] else last_succ[stem]
                after = thread[last]
            parent[u_out] = par_stem
            thread[last] = thread_continue
            rev_thread[thread_continue] = last
            last_succ[u_out] = last
            if old_rev_thread != v_in:
                thread[old_rev_thread] = after
                rev_thread[after] = old_rev_thread
            for i in range(nd):
                w = dirty[i]
                rev_thread[thread[w]] = w
            tmp_sc = 0
            tmp_ls = last_succ[u_out]
            w = u_out
            p = parent[w]
            while w != u_in:
                pred[w] = pred[p]
                pred_dir[w] = -pred_dir[p]
                tmp_sc += succ_num[w] - succ_num[p]
                succ_num[w] = tmp_sc
                last_succ[p] = tmp_ls
                w = p
                p = parent[w]
            pred[u_in] = in_arc
            pred_dir[u_in] = 1 if u_in == a_src[in_arc] else -1
            succ_num[u_in] = old_succ_num
        up_limit_out = join if last_succ[join] == v_in else -1
        last_succ_out = last_succ[u_out]
        w = v_in
        while w != -1 and last_succ[w] == v_in:
            last_succ[w] = last_succ_out
            w = parent[w]
        if join != old_rev_thread and v_in != old_rev_thread:
            w = v_out
            while w != up_limit_out and last_succ[w] == old_last_succ:
                last_succ[w] = old_rev_thread
                w = parent[w]
        elif last_succ_out != old_last_succ:
            w = v_out
            while w != up_limit_out and last_succ[w] == old_last_succ:
                last_succ[w] = last_succ_out
                w = parent[w]
        w = v_in
        while w != join:
            work[2] += 1
            succ_num[w] += old_succ_num
            w = parent[w]
        w = v_out
        while w != join:
            succ_num[w] -= old_succ_num
            w = parent[w]
        # --- potentials of the moved subtree
        sigma = pi[v_in] - pi[u_in] - pred_dir[u_in] * a_cost[in_arc]
        end = thread[last_succ[u_in]]
        w = u_in
        while w != end:
            work[3] += 1
            pi[w] += sigma
            w = thread[w]
    if status == OPTIMAL:
        for e in range(m, all_m):
            if flow[e] != 0:
                status = INFEASIBLE
                break
    return status, pivots, work


def ns_attach(nodes, parents, arcs, a_cost, parent, pred, pred_dir, thread, rev_thread, succ_num, last_succ, pi,
              root):
    """Move leaves hanging from the root (dormant zones, flow 0 on their artificial arc) under a new parent, by
    a tree arc leaving the node (``arcs``: its index, already carrying the zone's people). Keeps the thread,
    successor counts and last successors consistent and sets the node's potential (reduced cost 0)."""
    for i in range(nodes.shape[0]):
        g = nodes[i]
        f = parents[i]
        # detach g (a leaf child of the root)
        prev = rev_thread[g]
        nxt = thread[g]
        thread[prev] = nxt
        rev_thread[nxt] = prev
        if last_succ[root] == g:
            last_succ[root] = prev
        succ_num[root] -= 1
        # attach g as the first child of f
        nxt = thread[f]
        thread[f] = g
        rev_thread[g] = f
        thread[g] = nxt
        rev_thread[nxt] = g
        if last_succ[f] == f:
            w = f
            while w != -1 and last_succ[w] == f:
                last_succ[w] = g
                w = parent[w]
        w = f
        while w != -1:
            succ_num[w] += 1
            w = parent[w]
        parent[g] = f
        pred[g] = arcs[i]
        pred_dir[g] = 1
        last_succ[g] = g
        succ_num[g] = 1
        pi[g] = pi[f] - a_cost[arcs[i]]
