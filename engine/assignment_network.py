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


def network_assignment(g_supply, dk, ik, dkc, kth_c, reach, ucap, big, unit, max_distance, tree, g_xy, s_xy,
                       sub_cost, progress, stats, first_share: float = 3.0, max_rounds: int = 200):
    """Returns (group, shelter, people, distance m) per arc with people, over groups with ``reach``."""
    ng, kq = dk.shape
    nu = len(ucap)
    lp = np.nonzero(reach)[0]                     # groups in the problem (reachable within the maximum distance)
    nz = len(lp)
    if nz == 0:
        z = np.zeros(0, np.int64)
        return z, z, z, np.zeros(0)
    d_lp, i_lp = dk[lp], ik[lp]
    c_lp = np.where(np.isfinite(dkc[lp]), dkc[lp], 0).astype(np.int64)
    sup = g_supply[lp]
    finite = np.isfinite(d_lp)
    kth = kth_c[lp]
    home = i_lp[:, 0]
    load = np.bincount(home, weights=sup, minlength=nu)
    over = load[home] > ucap[home]
    # at an overloaded shelter only the zones with the least regret (cheapest second choice) can be the ones that
    # leave: those holding first_share x the excess start active, the others start fixed there (checked below)
    regret = np.where(finite[:, 1], c_lp[:, 1], kth) - c_lp[:, 0] if kq > 1 else kth - c_lp[:, 0]
    active = over & _least_regret(home, sup, regret, load - ucap, over, first_share)
    fixed_load = np.bincount(home[~active], weights=sup[~active], minlength=nu)
    active |= (fixed_load[home] > ucap[home]) & over    # never fix more people at a shelter than it holds
    give = active[:, None] & finite
    ws = transport.WarmTransport(sup, active, home, np.nonzero(give)[0], i_lp[give], c_lp[give], ucap, big)
    dist = {}                                     # (zone, shelter) -> metres, for the arcs past the k candidates
    stats["start_active_zones"] = int(active.sum())
    stats["start_over_zones"] = int(over.sum())
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
        v_home = c_lp[:, 0] + p[home]
        cmin = np.min(np.where(finite, c_lp + p[i_lp], np.inf), axis=1)
        wake = np.nonzero(~act & ((cmin < v_home) | (kth < v_home) | (v_home > big)))[0]
        # (2) active zones: a cheaper arc past their k candidates?
        past = np.nonzero(act & (v > kth))[0]
        new_r = new_s = new_c = None
        if len(past):
            new_r, new_s, new_c, new_d = _price_beyond(past, lp, v, p, unit, max_distance, tree, g_xy, s_xy,
                                                       sub_cost, kq, dist)
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
    stats["lp_arcs"] = len(row)
    stats["active_zones"] = int(ws.active.sum())
    has = x > 0
    r, c = row[has], col[has]
    # distance of each arc with people: a k candidate, or one priced past them
    match = i_lp[r] == c[:, None]
    slot = np.argmax(match, axis=1)
    d = np.where(match.any(axis=1), d_lp[r, slot], np.nan)
    for n_, (zz, ss) in enumerate(zip(r, c)):
        if not match[n_].any():
            d[n_] = dist[(int(zz), int(ss))]
    # fixed zones at home
    fz = np.nonzero(~ws.active)[0]
    return (np.concatenate([lp[fz], lp[r]]), np.concatenate([home[fz], c]),
            np.concatenate([sup[fz], x[has]]), np.concatenate([d_lp[fz, 0], d]))


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


def _price_beyond(past, lp, v, p, unit, max_distance, tree, g_xy, s_xy, sub_cost, kq, keys):
    """Arcs with a negative reduced cost beyond a zone's k candidates (the ``kq`` most negative per zone)."""
    out_r, out_s, out_c, out_d = [], [], [], []
    radius = np.minimum((v[past] + 1.0) * unit, max_distance)
    if sub_cost is None:
        lists = tree.query_ball_point(g_xy[lp[past]], r=radius)
    else:
        lists = [None] * len(past)
    for zi, lst, vv in zip(past, lists, v[past]):
        if sub_cost is None:
            if not lst:
                continue
            js = np.asarray(lst, np.int64)
            dd = np.hypot(*(s_xy[js] - g_xy[lp[zi]]).T)
        else:
            dd_all = sub_cost[lp[zi]]
            js = np.nonzero(np.isfinite(dd_all))[0]
            dd = dd_all[js]
        cc = np.rint(dd / unit)
        red = cc + p[js] - vv
        bad = np.nonzero((red < 0) & (dd <= max_distance))[0]
        bad = bad[np.argsort(red[bad], kind="stable")]
        picked = 0
        for b in bad:
            key = (int(zi), int(js[b]))
            if key in keys:
                continue
            keys[key] = float(dd[b])
            out_r.append(zi); out_s.append(js[b]); out_c.append(int(cc[b])); out_d.append(dd[b])
            picked += 1
            if picked >= kq:
                break
    return (np.asarray(out_r, np.int64), np.asarray(out_s, np.int64), np.asarray(out_c, np.int64),
            np.asarray(out_d, float))
