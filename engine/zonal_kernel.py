"""Compiled accumulation of rectangle coverage (numba, optional; engine/zonal.py falls back to numpy without it).

For every piece (one zone's rows inside one band): ``acc[zone, class(r, c)] += fy(r) * fx(c)`` over its cells,
with the same weight formula as engine.zonal._weights. Pieces run in parallel (``prange``): a zone has at most one
piece per band, so no two threads add to the same zone at once.
"""
from __future__ import annotations

import os

import numpy as np

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
    def accumulate(acc, raw, lut, R0, C0, zones, a, b, c0, c1, fx0, fx1, fy0, fy1, n_classes):
        """``raw``: the band's raster values (uint8), ``lut``: class index of every value (classified here, only
        the cells under zones)."""
        for i in prange(zones.shape[0]):
            z = zones[i]
            local = np.zeros(n_classes)
            nc = c1[i] - c0[i] + 1
            wcs = np.empty(nc)
            for j in range(nc):
                c = c0[i] + j
                wc = min(c + 1.0, fx1[i]) - max(c * 1.0, fx0[i])
                wcs[j] = min(max(wc, 0.0), 1.0)
            for r in range(a[i], b[i] + 1):
                wr = min(r + 1.0, fy1[i]) - max(r * 1.0, fy0[i])
                wr = min(max(wr, 0.0), 1.0)
                if wr == 0.0:
                    continue
                row = raw[r - R0]
                for j in range(nc):
                    local[lut[row[c0[i] + j - C0]]] += wr * wcs[j]
            for k in range(n_classes):
                acc[z * n_classes + k] += local[k]

    _KERNEL = accumulate
    return _KERNEL
