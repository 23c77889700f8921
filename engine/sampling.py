"""Raster values at points, reading only the parts of the raster that hold points (QGIS-free).

Points are sorted into ~1024 x 1024-cell chunks aligned to the file's blocks. Without a radius, a chunk whose
points fall in fewer than half of its blocks is read block by block (only blocks holding points), otherwise as one
window; values stay in the raster's type and only the sampled values are converted to float (NoData -> NaN).
With a radius, each chunk is read with a margin and the maximum over the cells within the radius is taken.
"""
from __future__ import annotations

import math

import numpy as np

from .progress import Progress, ensure

# GRS80 (JGD2011); used only to turn a radius in metres into cells on a geographic raster.
_A = 6378137.0
_E2 = 0.00669438002290


def _as_values(raw: np.ndarray, nodata) -> np.ndarray:
    """Sampled raw values -> float64 with NoData and non-finite values as NaN (same test as on whole windows)."""
    v = raw.astype(np.float64)
    bad = ~np.isfinite(v)
    if nodata is not None and not (isinstance(nodata, float) and math.isnan(nodata)):
        bad |= v == nodata
    v[bad] = np.nan
    return v


def _read_points(ds, info, r0, c0, h, w, pr, pc) -> np.ndarray:
    """Values at rows ``pr``, cols ``pc`` (relative to the chunk at r0, c0 of size h x w)."""
    from rasterio.windows import Window
    bh, bw = info.block_shape
    bh, bw = min(bh, h), min(bw, w)
    nbc = (w + bw - 1) // bw
    blk = (pr // bh) * nbc + (pc // bw)
    occupied = np.unique(blk)
    total = ((h + bh - 1) // bh) * nbc
    if len(occupied) * 2 >= total:
        arr = ds.read(1, window=Window(c0, r0, w, h))
        return _as_values(arr[pr, pc], info.nodata)
    out = np.empty(len(pr))
    order = np.argsort(blk, kind="stable")
    sb = blk[order]
    cut = np.r_[0, np.flatnonzero(np.diff(sb)) + 1, len(sb)]
    for s, e in zip(cut[:-1], cut[1:]):
        sel = order[s:e]
        b = int(sb[s])
        br0, bc0 = (b // nbc) * bh, (b % nbc) * bw
        arr = ds.read(1, window=Window(c0 + bc0, r0 + br0, min(bw, w - bc0), min(bh, h - br0)))
        out[sel] = _as_values(arr[pr[sel] - br0, pc[sel] - bc0], info.nodata)
    return out


def _metres_per_unit(info: RasterInfo, ys_raster: np.ndarray):
    """Metres per raster unit along x and y at each point (ellipsoidal radii of curvature for lon/lat)."""
    if not info.geographic:
        f = np.full(len(ys_raster), info.units_to_m)
        return f, f
    phi = np.radians(np.clip(ys_raster, -89.9, 89.9))
    s2 = np.sin(phi) ** 2
    m = _A * (1 - _E2) / (1 - _E2 * s2) ** 1.5
    n = _A / np.sqrt(1 - _E2 * s2)
    return n * np.cos(phi) * math.pi / 180.0, m * math.pi / 180.0


def sample_points(info: RasterInfo, xs, ys, radius_m: float = 0.0, progress: Progress | None = None,
                  chunk: int = 1024):
    """Sample the raster at points given in the raster's CRS.

    Returns ``(value, vmax)`` float arrays: the value of the cell containing each point and the maximum over the
    cells whose centres are within ``radius_m`` metres of it (always including its own cell), NoData ignored.
    NaN where the point is outside the raster or no valid cell is found. Reads the raster window by window
    (chunks of about ``chunk`` x ``chunk`` cells aligned to the file's blocks, plus a margin for the radius),
    only where there are points.
    """
    import rasterio
    from rasterio.windows import Window
    progress = ensure(progress)
    xs = np.asarray(xs, dtype=float)
    ys = np.asarray(ys, dtype=float)
    n = len(xs)
    value = np.full(n, np.nan)
    vmax = np.full(n, np.nan)
    if n == 0:
        return value, vmax
    t = info.transform
    colf = (xs - t.c) / t.a
    rowf = (ys - t.f) / t.e
    finite = np.isfinite(colf) & np.isfinite(rowf)
    col = np.full(n, -1, dtype=np.int64)
    row = np.full(n, -1, dtype=np.int64)
    col[finite] = np.floor(colf[finite]).astype(np.int64)
    row[finite] = np.floor(rowf[finite]).astype(np.int64)
    inside = finite & (col >= 0) & (col < info.width) & (row >= 0) & (row < info.height)
    if not inside.any():
        return value, vmax
    # radius as cells, per point
    radius_m = float(radius_m or 0.0)
    mx, my = _metres_per_unit(info, ys)
    psx = abs(t.a) * mx  # cell width in metres at each point
    psy = abs(t.e) * my
    if radius_m > 0:
        rc = int(np.ceil(np.nanmax(radius_m / psx[inside]))) + 1
        rr = int(np.ceil(np.nanmax(radius_m / psy[inside]))) + 1
    else:
        rc = rr = 0
    bh, bw = info.block_shape
    ch = max(bh, int(math.ceil(chunk / bh)) * bh) if bh < info.height else info.height
    cw = max(bw, int(math.ceil(chunk / bw)) * bw) if bw < info.width else info.width
    idx = np.nonzero(inside)[0]
    ncc = (info.width + cw - 1) // cw
    cid = (row[idx] // ch) * ncc + (col[idx] // cw)
    order = np.argsort(cid, kind="stable")
    idx = idx[order]
    cid = cid[order]
    starts = np.r_[0, np.nonzero(np.diff(cid))[0] + 1]
    ends = np.r_[starts[1:], len(cid)]
    if rc or rr:
        dj, di = np.meshgrid(np.arange(-rc, rc + 1), np.arange(-rr, rr + 1))
        offsets = list(zip(di.ravel().tolist(), dj.ravel().tolist()))
    else:
        offsets = [(0, 0)]
    nodata = info.nodata
    with rasterio.open(info.path) as ds:
        for k, (s, e) in enumerate(zip(starts, ends)):
            pts = idx[s:e]
            c = int(cid[s])
            r0 = (c // ncc) * ch
            c0 = (c % ncc) * cw
            wr0 = max(0, r0 - rr)
            wc0 = max(0, c0 - rc)
            wr1 = min(info.height, r0 + ch + rr)
            wc1 = min(info.width, c0 + cw + rc)
            if not (rc or rr):
                pr = row[pts] - r0
                pc = col[pts] - c0
                value[pts] = _read_points(ds, info, r0, c0, min(info.height, r0 + ch) - r0,
                                          min(info.width, c0 + cw) - c0, pr, pc)
                vmax[pts] = value[pts]
                progress.update((k + 1) / len(starts))
                continue
            arr = ds.read(1, window=Window(wc0, wr0, wc1 - wc0, wr1 - wr0)).astype(np.float64)
            valid = np.isfinite(arr)
            if nodata is not None and not (isinstance(nodata, float) and math.isnan(nodata)):
                valid &= arr != nodata
            arr[~valid] = np.nan
            pr = row[pts] - wr0
            pc = col[pts] - wc0
            value[pts] = arr[pr, pc]
            if len(offsets) == 1:
                vmax[pts] = value[pts]
            else:
                best = np.full(len(pts), -np.inf)
                for di_, dj_ in offsets:
                    rr_ = pr + di_
                    cc_ = pc + dj_
                    ok = (rr_ >= 0) & (rr_ < arr.shape[0]) & (cc_ >= 0) & (cc_ < arr.shape[1])
                    if di_ or dj_:
                        dx = (col[pts] + dj_ + 0.5 - colf[pts]) * psx[pts]
                        dy = (row[pts] + di_ + 0.5 - rowf[pts]) * psy[pts]
                        ok &= dx * dx + dy * dy <= radius_m * radius_m
                    v = np.full(len(pts), np.nan)
                    v[ok] = arr[rr_[ok], cc_[ok]]
                    np.fmax(best, v, out=best)
                best[~np.isfinite(best)] = np.nan
                vmax[pts] = best
            progress.update((k + 1) / len(starts))
    return value, vmax


