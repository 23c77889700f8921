"""Outages over start hours AND weather years, through the unchanged simulator (engine/energy/outage.simulate).

Interface with the simulator (owned by the kernel; its signature is kept): weather years are stacked as extra
facility rows — row ``y * n + f`` is facility f in weather year y, with f's load and equipment and year y's PV
profile — and the results are brought back to one row per facility with the years side by side
([F x years*S], :func:`engine.energy.pv.unstack_years`). Facilities are processed in blocks of
``block_facilities`` so the results stay bounded (block x years x starts); the stacked load and PV rows are lazy
(engine/energy/outage.RowsProduct: row indices into the facility loads and the cell profiles, no copies).
"""
from __future__ import annotations

import numpy as np

from ..progress import Progress, ensure
from . import HOURS_PER_YEAR
from .outage import Assets, RowsProduct, simulate
from .pv import PVProfiles, unstack_years


def _tile_assets(a: Assets, rows: np.ndarray, years: int) -> Assets:
    return Assets(*(np.tile(getattr(a, k)[rows], years) for k in a.__dataclass_fields__))


def simulate_years(load_kw: np.ndarray, pv: PVProfiles, assets: Assets, start_soc, horizon: int, starts=None,
                   settings=None, track_unmet: bool = False, progress: Progress | None = None,
                   block_facilities: int = 1000):
    """``hours`` [F x years*S] (and ``unmet_kwh`` with track_unmet): facility f, weather year y, start s at
    column ``y * S + s``."""
    progress = ensure(progress)
    F = load_kw.shape[0]
    Y = pv.years
    S = HOURS_PER_YEAR if starts is None else len(np.atleast_1d(starts))
    soc = np.broadcast_to(np.asarray(start_soc, dtype=float), (F,))
    hours = np.empty((F, Y * S))
    unmet = np.empty((F, Y * S)) if track_unmet else None
    for b0 in range(0, F, block_facilities):
        rows = np.arange(b0, min(F, b0 + block_facilities))
        n = len(rows)
        load = RowsProduct(None, load_kw, np.tile(rows, Y))
        C = pv.cells.shape[1]
        prof = RowsProduct(None, pv.cells.reshape(Y * C, HOURS_PER_YEAR),
                           (np.arange(Y)[:, None] * C + pv.index[rows][None, :]).ravel())
        res = simulate(load, prof, _tile_assets(assets, rows, Y), np.tile(soc[rows], Y), horizon, starts=starts,
                       settings=settings, track_unmet=track_unmet,
                       progress=progress.sub(b0 / F, (b0 + n) / F))
        if track_unmet:
            hours[rows] = unstack_years(res[0], Y)
            unmet[rows] = unstack_years(res[1], Y)
        else:
            hours[rows] = unstack_years(res, Y)
    return (hours, unmet) if track_unmet else hours


def lower_median(values: np.ndarray, axis: int = 1) -> np.ndarray:
    """The lower median (an observed value, never an average of two): the weather year 'in the middle'."""
    v = np.sort(values, axis=axis)
    k = (v.shape[axis] - 1) // 2
    return np.take(v, k, axis=axis)
