"""Capacity-limited assignment with the compiled network simplex (numba): one transportation network kept warm
from round to round, every comparison in integers (QGIS-free).

Called by :func:`engine.assignment.capacity_flow` (engine ``network``) after zones are merged, ordered by their
nearest shelter and given their ``k`` nearest shelters; costs are distances in ``unit`` metres (0.1 mm-1 cm).

- Start: everyone counted at the nearest shelter. At an overloaded shelter, the zones with the least regret
  (cheapest second choice) holding ``first_share`` x its excess start *active* (arcs to their k candidates and an
  unplaced arc at cost ``big``); every other zone starts *fixed* at its nearest shelter (part of that shelter's
  supply, no arcs). First basis: active zones on their cheapest arc (engine.transport.WarmTransport).
- After each optimum (zone values v, shelter prices p >= 0): a fixed zone whose nearest shelter is no longer its
  cheapest option (a candidate with d + p below, or the k-th distance below, d_home + p_home) is woken: it
  becomes a leaf of the basis under its shelter, carrying its people there, so the basis stays valid. An active
  zone with v above its k-th distance gets every arc past its candidates with a negative reduced cost
  ``d + p < v`` (ball query within min(v, max distance), or the road-distance row). The simplex resumes.
- It stops when no zone wakes and no arc prices out: fixed zones sit at their cheapest option, arcs left out
  have reduced cost >= 0, so the optimum over the arcs given is the optimum of the full problem. The final
  basis is certified independently (engine.transport.certify); fixed zones by the wake test itself.
"""
from __future__ import annotations

import time

import numpy as np

from . import transport

COARSE_ZONES = 150_000     # above this many zones, shelter prices are first guessed from a sample of this size


def network_assignment(g_supply, dk, ik, dkc, kth_c, reach, ucap, big, unit, max_distance, tree, g_xy, s_xy,
                       sub_cost, progress, stats, first_share: float = 3.0, max_rounds: int = 200,
                       coarse_zones: int | None = None, guess_margin: float = 0.01, return_prices: bool = False):
    """Returns (group, shelter, people, distance m) per arc with people, over groups with ``reach`` (and the
    shelter prices in cost units with ``return_prices``)."""
    ng, kq = dk.shape
    nu = len(ucap)
    lp = np.nonzero(reach)[0]                     # groups in the problem (reachable within the maximum distance)
    nz = len(lp)
    if nz == 0:
        z = np.zeros(0, np.int64)
        out = (z, z, z, np.zeros(0))
        return out + (np.zeros(nu),) if return_prices else out
    d_lp, i_lp = dk[lp], ik[lp]
    c_lp = np.where(np.isfinite(dkc[lp]), dkc[lp], 0).astype(np.int64)
    sup = g_supply[lp]
    finite = np.isfinite(d_lp)
    kth = kth_c[lp]
    rows = np.arange(nz)
    guess = None
    coarse_zones = COARSE_ZONES if coarse_zones is None else coarse_zones
    if nz > coarse_zones:
        # many zones: guess the shelter prices from a sample of the zones (each standing for nz / sample of
        # them), solved the same way; only a start, the rounds below make the result exact
        guess = _sample_prices(g_supply, dk, ik, dkc, kth_c, reach, ucap, big, unit, max_distance, tree, g_xy,
                               s_xy, sub_cost, lp, coarse_zones, stats, progress)
    if guess is not None:
        priced = np.where(finite, c_lp + guess[i_lp], np.inf)
        slot = np.argmin(priced, axis=1)
        best = priced[rows, slot]
        second = np.partition(priced, 1, axis=1)[:, 1] if kq > 1 else np.full(nz, np.inf)
        margin = np.minimum(np.minimum(second, kth), big) - best
        home = i_lp[rows, slot]
        active = margin < guess_margin * (big - 1) / (nu + 1)
        fixed_load = np.bincount(home[~active], weights=sup[~active], minlength=nu)
        over = ~active & (fixed_load[home] > ucap[home])
        active |= over & _least_regret(home, sup, margin, fixed_load - ucap, over, 1.0)
    else:
        slot = np.zeros(nz, np.int64)
        home = i_lp[:, 0]
        load = np.bincount(home, weights=sup, minlength=nu)
        over = load[home] > ucap[home]
        # at an overloaded shelter only the zones with the least regret (cheapest second choice) can be the ones
        # that leave: those holding first_share x the excess start active, the others start fixed there
        regret = np.where(finite[:, 1], c_lp[:, 1], kth) - c_lp[:, 0] if kq > 1 else kth - c_lp[:, 0]
        active = over & _least_regret(home, sup, regret, load - ucap, over, first_share)
    c_home = c_lp[rows, slot]
    fixed_load = np.bincount(home[~active], weights=sup[~active], minlength=nu)
    active |= fixed_load[home] > ucap[home]             # never fix more people at a shelter than it holds
    give = active[:, None] & finite
    row0, col0, cost0 = np.nonzero(give)[0], i_lp[give], c_lp[give]
    beyond = set()                                # zone * nu + shelter of the arcs added past the k candidates
    b_key, b_dist = [], []
    if guess is not None:
        # zones whose guessed value lies past their k-th distance get, from the start, the arcs past their
        # candidates that the guess prices within the margin of their best option
        slack = guess_margin * (big - 1) / (nu + 1)
        far = np.nonzero(active & (best + slack > kth))[0]
        if len(far):
            vg = np.full(nz, 0.0)
            vg[far] = best[far] + slack
            fr, fs, fc, fd = _price_beyond(far, lp, vg, guess, unit, max_distance, tree, g_xy, s_xy, sub_cost, kq,
                                           beyond)
            past_k = ~(i_lp[fr] == fs[:, None]).any(axis=1)     # a candidate arc is given already: never twice
            fr, fs, fc, fd = fr[past_k], fs[past_k], fc[past_k], fd[past_k]
            row0, col0, cost0 = np.r_[row0, fr], np.r_[col0, fs], np.r_[cost0, fc]
            b_key.append(fr * nu + fs)
            b_dist.append(fd)
            stats["arcs_beyond_k_start"] = len(fr)
    ws = transport.WarmTransport(sup, active, home, row0, col0, cost0, ucap, big,
                                 prices=None if guess is None else np.rint(guess).astype(np.int64),
                                 check=progress.check)
    stats["start_active_zones"] = int(active.sum())
    stats["start_guess"] = guess is not None
    rounds = 0
    need_left = 0
    while True:
        rounds += 1
        t0 = time.perf_counter()
        piv0 = ws.pivots
        ws.run()
        stats.setdefault("round_s", []).append((round(time.perf_counter() - t0, 2), ws.pivots - piv0))
        progress.update(min(0.9, 0.2 + 0.05 * rounds))
        progress.check()
        v, p = ws.duals()
        act = ws.active
        # (1) fixed zones: their home shelter must still be their cheapest option at these prices
        v_home = c_home + p[home]
        cmin = np.min(np.where(finite, c_lp + p[i_lp], np.inf), axis=1)
        wake = np.nonzero(~act & ((cmin < v_home) | (kth < v_home) | (v_home > big)))[0]
        # (2) active zones: a cheaper arc past their k candidates?
        past = np.nonzero(act & (v > kth))[0]
        new_r = new_s = new_c = None
        if len(past):
            new_r, new_s, new_c, new_d = _price_beyond(past, lp, v, p, unit, max_distance, tree, g_xy, s_xy,
                                                       sub_cost, kq, beyond)
            b_key.append(new_r * nu + new_s)
            b_dist.append(new_d)
        need_left = len(wake) + (len(new_r) if new_r is not None else 0)
        if not need_left or rounds >= max_rounds:
            break
        if len(wake):
            gw = give_w = finite[wake]
            ws.wake(wake, np.repeat(wake, kq).reshape(len(wake), kq)[gw], i_lp[wake][give_w], c_lp[wake][give_w])
            stats["woken"] = stats.get("woken", 0) + len(wake)
        if new_r is not None and len(new_r):
            ws.add_arcs(new_r, new_s, new_c)
            stats["arcs_beyond_k"] = stats.get("arcs_beyond_k", 0) + len(new_r)
    stats["rounds"] = rounds
    stats["certified"] = need_left == 0
    row, col, x, u, v, p = ws.result()
    stats["pivots"] = ws.pivots
    stats["work"] = dict(zip(("priced", "join_steps", "tree_steps", "potentials"), ws.work.tolist()))
    stats["lp_arcs"] = len(row)
    stats["active_zones"] = int(ws.active.sum())
    has = x > 0
    r, c = row[has], col[has]
    # distance of each arc with people: a k candidate, or one priced past them
    match = i_lp[r] == c[:, None]
    arc_slot = np.argmax(match, axis=1)
    d = np.where(match.any(axis=1), d_lp[r, arc_slot], np.nan)
    miss = ~match.any(axis=1)
    if miss.any():
        keys, dists = np.concatenate(b_key), np.concatenate(b_dist)
        o = np.argsort(keys, kind="stable")
        d[miss] = dists[o][np.searchsorted(keys[o], r[miss] * nu + c[miss])]
    # fixed zones at home
    fz = np.nonzero(~ws.active)[0]
    out = (np.concatenate([lp[fz], lp[r]]), np.concatenate([home[fz], c]),
           np.concatenate([sup[fz], x[has]]), np.concatenate([d_lp[fz, slot[fz]], d]))
    return out + (p.astype(float),) if return_prices else out


def _sample_prices(g_supply, dk, ik, dkc, kth_c, reach, ucap, big, unit, max_distance, tree, g_xy, s_xy,
                   sub_cost, lp, size, stats, progress):
    """Shelter prices of the problem restricted to a seeded random sample of ``size`` zones, their people scaled
    so the sample holds as many people as all zones."""
    rng = np.random.default_rng(20261201)
    pick = np.sort(rng.choice(lp, size=size, replace=False))
    total, part = int(g_supply[lp].sum()), int(g_supply[pick].sum())
    if part == 0:
        return None
    scaled = np.maximum(1, np.rint(g_supply[pick] * (total / part))).astype(np.int64)
    sub_stats = {}
    *_, prices = network_assignment(
        scaled, dk[pick], ik[pick], dkc[pick], kth_c[pick], reach[pick], ucap, big, unit, max_distance, tree,
        None if g_xy is None else g_xy[pick], s_xy, None if sub_cost is None else sub_cost[pick],
        _Quiet(progress), sub_stats, coarse_zones=size, return_prices=True)
    stats["sample"] = {k: sub_stats.get(k) for k in ("rounds", "pivots", "round_s")}
    return prices


class _Quiet:
    """Progress of the sample solve: cancellation only."""

    def __init__(self, progress):
        self.progress = progress

    def update(self, *_):
        pass

    def check(self):
        self.progress.check()


def _least_regret(f, supply, regret, excess, over, share):
    """Per overloaded shelter, its zones with the smallest regret holding ``share`` x its excess people (at least
    one zone). Returns a mask."""
    idx = np.nonzero(over)[0]
    out = np.zeros(len(f), bool)
    if not len(idx):
        return out
    sh = f[idx]
    o = np.lexsort((regret[idx], sh))
    idx, sh = idx[o], sh[o]
    w = supply[idx].astype(float)
    cw = np.cumsum(w)
    first = np.r_[True, sh[1:] != sh[:-1]]
    start = (cw - w)[first][np.cumsum(first) - 1]
    out[idx[(cw - w - start) < share * excess[sh]]] = True
    return out


def _price_beyond(past, lp, v, p, unit, max_distance, tree, g_xy, s_xy, sub_cost, kq, beyond):
    """Arcs with a negative reduced cost ``c + p < v`` past a zone's k candidates (its ``kq`` most negative).

    Straight lines: the zones' 4k, then 16k, 64k ... nearest shelters (vectorised queries) while their value lies
    past the last distance queried, then a ball query within min(v, max distance). Road distances: the row.
    ``beyond`` (set of zone * n_shelters + shelter) holds the arcs already added."""
    nu = len(p)
    parts = []
    todo = past
    kk = 4 * kq
    while sub_cost is None and len(todo) and kk <= 256 * max(kq, 1):
        # the zones' kk nearest shelters (one vectorised query); those whose value lies past the kk-th distance
        # go on with 4 x kk, then a ball query
        kk = min(kk, nu)
        dd, jj = tree.query(g_xy[lp[todo]], k=kk, workers=-1)
        dd, jj = dd.reshape(len(todo), kk), jj.reshape(len(todo), kk).astype(np.int64)
        cc = np.rint(np.where(np.isfinite(dd), dd, 0) / unit)
        red = np.where(np.isfinite(dd) & (dd <= max_distance), cc + p[jj] - v[todo][:, None], np.inf)
        parts.append(_most_negative(todo, jj, cc, dd, red, kq))
        if kk >= nu:
            todo = todo[:0]
            break
        todo = todo[(v[todo] > cc[:, -1]) & (dd[:, -1] <= max_distance)]
        kk *= 4
    for zi in todo:
        if sub_cost is None:
            js = np.asarray(tree.query_ball_point(g_xy[lp[zi]], r=min((v[zi] + 1.0) * unit, max_distance)), np.int64)
            if not len(js):
                continue
            dd = np.hypot(*(s_xy[js] - g_xy[lp[zi]]).T)
        else:
            dd_all = sub_cost[lp[zi]]
            js = np.nonzero(np.isfinite(dd_all))[0]
            dd = dd_all[js]
        cc = np.rint(dd / unit)
        red = np.where(dd <= max_distance, cc + p[js] - v[zi], np.inf)
        parts.append(_most_negative(np.array([zi]), js[None, :], cc[None, :], dd[None, :], red[None, :], kq))
    if not parts:
        z = np.zeros(0, np.int64)
        return z, z, z, np.zeros(0)
    r, s_, c_, d_ = (np.concatenate(a) for a in zip(*parts))
    key = r * nu + s_
    key, first = np.unique(key, return_index=True)
    new = ~np.isin(key, np.fromiter(beyond, np.int64, len(beyond))) if beyond else np.ones(len(key), bool)
    beyond.update(key[new].tolist())
    keep = first[new]
    return r[keep], s_[keep], c_[keep].astype(np.int64), d_[keep]


def _most_negative(zones, js, cc, dd, red, kq):
    """Per row (zone): the arcs with a negative reduced cost, at most ``kq``, most negative first."""
    order = np.argsort(red, axis=1, kind="stable")[:, :kq]
    red_o = np.take_along_axis(red, order, axis=1)
    ok = red_o < 0
    rows = np.repeat(zones, order.shape[1]).reshape(order.shape)[ok]
    return (rows, np.take_along_axis(js, order, axis=1)[ok], np.take_along_axis(cc, order, axis=1)[ok],
            np.take_along_axis(dd, order, axis=1)[ok])
