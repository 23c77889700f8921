"""Compiled per-pair outage loop (numba, optional): one (facility, start hour) at a time, stopping at the first
unserved hour, facilities spread over the cores with ``prange``.

The arithmetic is a transcription of :func:`engine.energy.outage._run_pairs` (the numpy path) operation by
operation, in the same order, so both paths give bit-identical hours and unmet energy (tests compare both with
the per-hour reference loop of tests/test_energy_reference.py). numba is optional: QGIS users do not have it,
and :func:`available` is False there; the numpy path is then used.
"""
from __future__ import annotations

import os

import numpy as np

_KERNEL = None
_TRIED = False


def available() -> bool:
    """True when numba can be imported (and SONAE_OUTAGE_ENGINE is not ``numpy``)."""
    if os.environ.get("SONAE_OUTAGE_ENGINE", "").lower() == "numpy":
        return False
    return kernel() is not None


def kernel():
    """The compiled kernel, or None without numba (compiled on first use, cached on disk when possible)."""
    global _KERNEL, _TRIED
    if _TRIED:
        return _KERNEL
    _TRIED = True
    try:
        import numba
    except Exception:  # numba missing or broken: the numpy path is used
        return None
    _KERNEL = _build(numba)
    return _KERNEL


def _build(numba):
    from numba import prange

    @numba.njit(inline="always")
    def step(L, soc, fuel, c, bk, chg_lim, g, has_gen, eta, m, b, tdn):
        """One outage hour; returns (soc, fuel, unserved kW). Same operations as outage._run_pairs."""
        surplus = L < 0.0
        room = c - soc
        charge = min(room, chg_lim)
        charge = min(charge, -L * eta)
        if not surplus:
            charge = 0.0
        rem = max(L, 0.0)
        if has_gen:
            enough = (m * max(L, tdn * g) + b) <= fuel
            served = min(rem, g)
            from_fuel = min(g, max(0.0, (fuel - b) / m))
            out = served if enough else from_fuel
            if surplus:
                out = 0.0
            burn = m * max(served, tdn * g) + b
            if not surplus:
                fuel = fuel - burn if enough else 0.0
            spare = (tdn * g - L) if enough else (out - L)
            if surplus:
                spare = 0.0
            spare = max(spare, 0.0)
            charge += min(min(room, chg_lim), spare * eta)
            rem = max(rem - out, 0.0)
        give = min(bk, soc)
        give = min(give, rem)
        soc += charge
        soc -= give
        soc = max(soc, 0.0)
        rem -= give
        return soc, fuel, rem

    @numba.njit(nogil=True)
    def full_fail(net, f, u0, known, c, bk, chg_lim, eta, tol, pending):
        """Absolute hour of the first failure after the battery is exactly full at the end of hour ``u0``
        (no generator: the future depends only on the hour and the state of charge). Walks forward, memoising
        every hour at which the battery is full again in ``known`` (-1 = unknown; ``len(known)`` = no failure
        before the end of the extended timeline)."""
        width = net.shape[1]
        T = known.shape[0]
        npend = 0
        pending[npend] = u0
        npend += 1
        soc = c
        u = u0 + 1
        result = T
        while u < T:
            uu = u
            while uu >= width:
                uu -= width
            soc, _f, rem = step(net[f, uu], soc, 0.0, c, bk, chg_lim, 0.0, False, eta, 1.0, 0.0, 0.0)
            if rem > tol:
                result = u
                break
            if soc == c:
                if known[u] >= 0:
                    result = known[u]
                    break
                pending[npend] = u
                npend += 1
            u += 1
        for i in range(npend):
            known[pending[i]] = result
        return result

    @numba.njit(parallel=True, cache=True, nogil=True)
    def run(net, starts, wrap, cap, bkw, soc0, gk, fuel0, horizon, eta, m, b, tdn, tol, track, hours, unmet):
        n_fac = net.shape[0]
        width = net.shape[1]
        n_st = starts.shape[0]
        for f in prange(n_fac):
            c = cap[f]
            bk = bkw[f]
            chg_lim = bk * eta
            g = gk[f]
            has_gen = g > 0.0
            # Generator sites: a start whose every deficit hour fits the generator (L <= kW) and whose window's
            # fuel need stays below the tank by a margin far above rounding survives the horizon: the generator
            # serves every hour in full, so the battery never matters (certificate from prefix sums).
            certify = has_gen and n_st >= 64
            if certify:
                T = width + horizon
                P = np.zeros(T + 1)
                over = np.zeros(T + 1, dtype=np.int64)
                for u in range(T):
                    uu = u
                    while uu >= width:
                        uu -= width
                    L = net[f, uu]
                    P[u + 1] = P[u] + ((m * max(L, tdn * g) + b) if L >= 0.0 else 0.0)
                    over[u + 1] = over[u] + (1 if L > g else 0)
            for k in range(n_st):
                t = starts[k]
                if certify:
                    need = P[t + horizon] - P[t]
                    if over[t + horizon] == over[t] and need <= fuel0[f] - 1e-9 * (fuel0[f] + need + 1.0):
                        hours[f, k] = horizon
                        if track:
                            unmet[f, k] = 0.0
                        continue
                soc = soc0[f] * c
                fuel = fuel0[f]
                hrs = horizon
                un = 0.0
                for h in range(horizon):
                    L = net[f, t]
                    t += 1
                    if t >= width:
                        t -= wrap
                    soc, fuel, rem = step(L, soc, fuel, c, bk, chg_lim, g, has_gen, eta, m, b, tdn)
                    if rem > tol:
                        if hrs == horizon:
                            hrs = h
                            if not track:
                                break
                        un += rem
                hours[f, k] = hrs
                if track:
                    unmet[f, k] = un

    @numba.njit(parallel=True, cache=True, nogil=True)
    def run_memo(net, horizon, cap, bkw, soc0, eta, tol, hours):
        """All 8,760 start hours of facilities without a generator, sharing the future of every run that fills its
        battery at the same hour (exactly full = same state, so the same first failure)."""
        n_fac = net.shape[0]
        width = net.shape[1]
        T = width + horizon
        for f in prange(n_fac):
            c = cap[f]
            bk = bkw[f]
            chg_lim = bk * eta
            known = np.full(T, -1, dtype=np.int64)
            pending = np.empty(T + 1, dtype=np.int64)
            for s in range(width):
                soc = soc0[f] * c
                hrs = horizon
                for h in range(horizon):
                    u = s + h
                    uu = u
                    while uu >= width:
                        uu -= width
                    soc, _f, rem = step(net[f, uu], soc, 0.0, c, bk, chg_lim, 0.0, False, eta, 1.0, 0.0, 0.0)
                    if rem > tol:
                        hrs = h
                        break
                    if c > 0.0 and soc == c:
                        g = known[u]
                        if g < 0:
                            g = full_fail(net, f, u, known, c, bk, chg_lim, eta, tol, pending)
                        hrs = min(g - s, horizon)
                        break
                hours[f, s] = hrs

    return run, run_memo
