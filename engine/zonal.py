"""Exact coverage of axis-aligned rectangular zones (JIS mesh cells on a lon/lat raster, grid cells on a projected
one) by raster cells, vectorised with numpy: no exactextract, no child process, no classified copy of the raster.

A rectangle ``[x0, x1] x [y0, y1]`` covers cell (r, c) by exactly ``fx(c) * fy(r)``: the overlap of the cell's
column with ``[x0, x1]`` times the overlap of its row with ``[y0, y1]``, in cell units (what exactextract computes
for such a polygon, up to rounding). The raster is read in bands of whole block rows, only over the columns the
zones touch, and only where zones are; each band is classified once (a 256-entry lookup table for 8-bit rasters)
and every zone's row range is split at band boundaries (the pieces add up). Small pieces are gathered in one
vectorised step per padded shape; large ones are counted by slices (unweighted interior + weighted edges).

Result: per zone the covered cell area (in cells) per class index 0-6 (dry, ranks 1-6) and 7 (no data); cells
outside the raster are not covered at all (the caller reports that area as no data).
"""
from __future__ import annotations

import math

import numpy as np

from .progress import Progress, ensure

N_CLASSES = 8          # 0 dry, 1..6 ranks, 7 no data
SMALL_CELLS = 4096     # pieces up to this many cells are gathered vectorised
GATHER_BUDGET = 4_000_000
IDENTITY = np.arange(256, dtype=np.uint8)   # class indices already computed (0..7)


def rectangles(geoms) -> np.ndarray:
    """True for polygons that are axis-aligned rectangles (4 corners, no holes) in their own coordinates."""
    import shapely
    geoms = np.asarray(geoms)
    ok = shapely.get_type_id(geoms) == 3
    ok &= shapely.get_num_interior_rings(geoms) == 0
    ok &= shapely.get_num_coordinates(geoms) == 5
    if not ok.any():
        return ok
    b = shapely.bounds(geoms[ok])
    box_area = (b[:, 2] - b[:, 0]) * (b[:, 3] - b[:, 1])
    area = shapely.area(geoms[ok])
    # a 4-corner ring with the area of its bounding box is that box (each corner sits on a box corner)
    ok[np.flatnonzero(ok)] = (box_area > 0) & (np.abs(area - box_area) <= 1e-12 * box_area)
    return ok


def _axis(lo, hi, origin, step, size):
    """Fractional cell coordinates of [lo, hi] along one axis (any sign of ``step``), clipped to the raster."""
    a = (lo - origin) / step
    b = (hi - origin) / step
    f0 = np.clip(np.minimum(a, b), 0, size)
    f1 = np.clip(np.maximum(a, b), 0, size)
    return f0, f1


def _weights(idx, f0, f1):
    """Overlap of cell ``idx`` with [f0, f1] in cell units (0 outside)."""
    return np.clip(np.minimum(idx + 1.0, f1) - np.maximum(idx * 1.0, f0), 0.0, 1.0)


def class_lut(info, kind: str, rules: dict) -> np.ndarray | None:
    """Class index (0-7) of every value of an 8-bit raster, or None for other types (classified per band)."""
    from .hazard import classify
    if np.dtype(info.dtype) != np.uint8:
        return None
    values = np.arange(256, dtype=float)
    if info.nodata is not None and not (isinstance(info.nodata, float) and math.isnan(info.nodata)):
        values[values == info.nodata] = np.nan
    cls = classify(values, kind, rules)
    return np.where(np.isfinite(cls), cls, 7).astype(np.uint8)


def _classify_band(arr, info, kind, rules, lut):
    from .hazard import classify
    if lut is not None:
        return lut[arr]
    a = arr.astype(np.float64)
    if info.nodata is not None:
        a[a == info.nodata] = np.nan
    cls = classify(a, kind, rules)
    return np.where(np.isfinite(cls), cls, 7).astype(np.uint8)


def rectangle_class_cells(info, bounds: np.ndarray, kind: str, rules: dict, progress: Progress | None = None,
                          band_rows: int | None = None) -> np.ndarray:
    """[n x 8] covered area in cells per class index for rectangles ``bounds`` ([n x 4] minx, miny, maxx, maxy
    in the raster's CRS)."""
    import rasterio
    from rasterio.windows import Window
    progress = ensure(progress)
    t = info.transform
    n = len(bounds)
    acc = np.zeros(n * N_CLASSES)
    if n == 0:
        return acc.reshape(n, N_CLASSES)
    fx0, fx1 = _axis(bounds[:, 0], bounds[:, 2], t.c, t.a, info.width)
    fy0, fy1 = _axis(bounds[:, 1], bounds[:, 3], t.f, t.e, info.height)
    live = (fx1 > fx0) & (fy1 > fy0)
    zid = np.flatnonzero(live)
    fx0, fx1, fy0, fy1 = fx0[live], fx1[live], fy0[live], fy1[live]
    c0 = np.floor(fx0).astype(np.int64)
    c1 = np.minimum(np.ceil(fx1).astype(np.int64), info.width) - 1
    r0 = np.floor(fy0).astype(np.int64)
    r1 = np.minimum(np.ceil(fy1).astype(np.int64), info.height) - 1
    c1 = np.maximum(c1, c0)
    r1 = np.maximum(r1, r0)
    bh = info.block_shape[0] if info.block_shape[0] < info.height else min(info.height, 256)
    H = band_rows or max(bh, (1024 // bh) * bh)
    # split every zone's rows at band boundaries: pieces (zone k, rows a..b) lying in one band each
    first_band = r0 // H
    last_band = r1 // H
    reps = (last_band - first_band + 1).astype(np.int64)
    k = np.repeat(np.arange(len(zid)), reps)
    off = np.arange(len(k)) - np.repeat(np.cumsum(reps) - reps, reps)
    band = first_band[k] + off
    pa = np.maximum(r0[k], band * H)
    pb = np.minimum(r1[k], band * H + H - 1)
    order = np.argsort(band, kind="stable")
    k, band, pa, pb = k[order], band[order], pa[order], pb[order]
    starts = np.r_[0, np.flatnonzero(np.diff(band)) + 1]
    ends = np.r_[starts[1:], len(band)]
    lut = class_lut(info, kind, rules)
    from .zonal_kernel import kernel
    fast = kernel()
    with rasterio.open(info.path) as ds:
        for j, (s, e) in enumerate(zip(starts, ends)):
            kk, a_, b_ = k[s:e], pa[s:e], pb[s:e]
            R0 = int(band[s]) * H
            R1 = int(b_.max()) + 1
            C0 = int(c0[kk].min())
            C1 = int(c1[kk].max()) + 1
            arr = ds.read(1, window=Window(C0, R0, C1 - C0, R1 - R0))
            if fast is not None:     # compiled loop over every piece's cells (numba installed)
                if lut is not None:  # 8-bit raster: classified cell by cell under the zones only
                    raw, table = arr, lut
                else:
                    raw, table = _classify_band(arr, info, kind, rules, None), IDENTITY
                fast(acc, raw, table, R0, C0, zid[kk], a_, b_, c0[kk], c1[kk], fx0[kk], fx1[kk], fy0[kk],
                     fy1[kk], N_CLASSES)
                progress.update((j + 1) / len(starts))
                continue
            cls = _classify_band(arr, info, kind, rules, lut)
            del arr
            nr = b_ - a_ + 1
            nc = c1[kk] - c0[kk] + 1
            small = nr * nc <= SMALL_CELLS
            if small.any():
                _gather_small(acc, cls, R0, C0, zid[kk[small]], a_[small], b_[small], c0[kk[small]],
                              c1[kk[small]], fx0[kk[small]], fx1[kk[small]], fy0[kk[small]], fy1[kk[small]])
            for i in np.flatnonzero(~small):
                z = kk[i]
                _count_large(acc, cls, R0, C0, int(zid[z]), int(a_[i]), int(b_[i]), int(c0[z]), int(c1[z]),
                             fx0[z], fx1[z], fy0[z], fy1[z])
            progress.update((j + 1) / len(starts))
    return acc.reshape(n, N_CLASSES)


def _gather_small(acc, cls, R0, C0, zones, a, b, c0, c1, fx0, fx1, fy0, fy1):
    nr = b - a + 1
    nc = c1 - c0 + 1
    # pad shapes up to multiples of 4 so few groups remain; padded cells get weight 0
    pr = (nr + 3) // 4 * 4
    pc = (nc + 3) // 4 * 4
    key = pr * 100_000 + pc
    for kval in np.unique(key):
        g = np.flatnonzero(key == kval)
        PR, PC = int(kval // 100_000), int(kval % 100_000)
        step = max(1, GATHER_BUDGET // (PR * PC))
        for s in range(0, len(g), step):
            gg = g[s:s + step]
            rows = a[gg, None] + np.arange(PR)[None, :]
            cols = c0[gg, None] + np.arange(PC)[None, :]
            wr = np.where(rows <= b[gg, None], _weights(rows, fy0[gg, None], fy1[gg, None]), 0.0)
            wc = np.where(cols <= c1[gg, None], _weights(cols, fx0[gg, None], fx1[gg, None]), 0.0)
            rr = np.minimum(rows, b[gg, None]) - R0
            cc = np.minimum(cols, c1[gg, None]) - C0
            vals = cls[rr[:, :, None], cc[:, None, :]]
            w = wr[:, :, None] * wc[:, None, :]
            idx = zones[gg, None, None] * N_CLASSES + vals
            acc += np.bincount(idx.ravel(), weights=w.ravel(), minlength=len(acc))


def _count_large(acc, cls, R0, C0, zone, a, b, c0, c1, fx0, fx1, fy0, fy1):
    sub = cls[a - R0:b - R0 + 1, c0 - C0:c1 - C0 + 1]
    wr = _weights(np.arange(a, b + 1), fy0, fy1)
    wc = _weights(np.arange(c0, c1 + 1), fx0, fx1)
    out = np.zeros(N_CLASSES)
    ri = np.flatnonzero(wr == 1.0)       # interior rows/columns weigh exactly 1 and are contiguous
    ci = np.flatnonzero(wc == 1.0)
    if len(ri) and len(ci):
        r_lo, r_hi, c_lo, c_hi = ri[0], ri[-1] + 1, ci[0], ci[-1] + 1
        out += np.bincount(sub[r_lo:r_hi, c_lo:c_hi].ravel(), minlength=N_CLASSES)
        nr, nc = sub.shape
        parts = [(slice(0, r_lo), slice(0, nc)), (slice(r_hi, nr), slice(0, nc)),
                 (slice(r_lo, r_hi), slice(0, c_lo)), (slice(r_lo, r_hi), slice(c_hi, nc))]
    else:
        parts = [(slice(None), slice(None))]
    for rs, cs in parts:
        v = sub[rs, cs]
        if v.size:
            w = wr[rs, None] * wc[None, cs]
            out += np.bincount(v.ravel(), weights=w.ravel(), minlength=N_CLASSES)
    acc[zone * N_CLASSES:(zone + 1) * N_CLASSES] += out


def polygon_class_shares(z, info, kind: str, rules: dict, progress: Progress | None = None):
    """``(share [n x 6], dry [n])``: the share of each zone's area (zones in the raster's CRS, column ``_zone`` =
    0..n-1) in depth ranks 1-6 and dry. Rectangles go through :func:`rectangle_class_cells`; any other polygon
    through exactextract's exact coverage fractions (engine/zonal_worker.py), on a classified copy of the raster
    for depth rasters."""
    import os

    import shapely
    progress = ensure(progress)
    geoms = z.geometry.values
    n = len(z)
    total_cells = shapely.area(geoms) / info.cell_area_units
    share = np.zeros((n, 6))
    dry = np.zeros(n)
    rect = rectangles(geoms)
    with np.errstate(invalid="ignore", divide="ignore"):
        if rect.any():
            cells = rectangle_class_cells(info, shapely.bounds(geoms[rect]), kind, rules,
                                          progress.sub(0.0, 0.9 if rect.all() else 0.3))
            tc = total_cells[rect][:, None]
            share[rect] = np.where(tc > 0, cells[:, 1:7] / tc, 0.0)
            dry[rect] = np.where(tc[:, 0] > 0, cells[:, 0] / tc[:, 0], 0.0)
        if rect.all():
            return share, dry
        from .hazard import _classified_copy, classify
        from .zonal_worker import coverage_fractions
        sub = z[~rect]
        raster = info.path
        tmp = None
        if kind == "depth_m" or np.dtype(info.dtype).kind == "f":
            tmp = raster = _classified_copy(info, kind, rules, progress.sub(0.3, 0.6))
        try:
            res = coverage_fractions(raster, sub)
        finally:
            if tmp:
                os.remove(tmp)
        count = np.zeros(n)
        count[res["zone"]] = res["count"]
        zone_rep = np.repeat(res["zone"], res["lens"])
        uniq, frac = res["unique"], res["frac"]
        if tmp is None:
            cls = classify(uniq, "rank", rules)       # codes outside 1..6 count as no data
        else:
            cls = np.where(uniq == 255, np.nan, uniq)  # the classified copy: 0 dry, 1..6, 255 no data
        scale = np.where(total_cells > 0, count / total_cells, 0.0)
        other = ~rect
        for j in range(6):
            m = cls == j + 1
            share[other, j] = (np.bincount(zone_rep[m], weights=frac[m], minlength=n) * scale)[other]
        m0 = cls == 0
        dry[other] = (np.bincount(zone_rep[m0], weights=frac[m0], minlength=n) * scale)[other]
    return share, dry
