"""Compiled accumulation of rectangle coverage (numba, optional; engine/zonal.py falls back to numpy without it).

For every piece (one zone's rows inside one band): ``acc[zone, class(r, c)] += fy(r) * fx(c)`` over its cells,
with the same weight formula as engine.zonal._weights. Pieces run in parallel (``prange``): a zone has at most one
piece per band, so no two threads add to the same zone at once.
"""
from __future__ import annotations

import os

_KERNEL = None
_TRIED = False


def kernel():
    """The compiled kernel, or None (numba missing, or SONAE_ZONAL_ENGINE=numpy)."""
    global _KERNEL, _TRIED
    if os.environ.get("SONAE_ZONAL_ENGINE", "").lower() == "numpy":
        return None
    if _TRIED:
        return _KERNEL
    _TRIED = True
    try:
        import numba
    except Exception:
        return None
    from numba import prange

    @numba.njit(parallel=True, cache=True, nogil=True)
    def accumulate(acc, cls, R0, C0, zones, a, b, c0, c1, fx0, fx1, fy0, fy1, n_classes):
        for i in prange(zones.shape[0]):
            z = zones[i]
            for r in range(a[i], b[i] + 1):
                wr = min(r + 1.0, fy1[i]) - max(r * 1.0, fy0[i])
                wr = min(max(wr, 0.0), 1.0)
                if wr == 0.0:
                    continue
                for c in range(c0[i], c1[i] + 1):
                    wc = min(c + 1.0, fx1[i]) - max(c * 1.0, fx0[i])
                    wc = min(max(wc, 0.0), 1.0)
                    acc[z * n_classes + cls[r - R0, c - C0]] += wr * wc

    _KERNEL = accumulate
    return _KERNEL
