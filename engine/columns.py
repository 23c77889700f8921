"""Column helpers for canonical layers read back from GeoPackage (booleans arrive as 1.0/0.0/NaN floats)."""
from __future__ import annotations

import numpy as np
import pandas as pd


def as_bool(series: pd.Series, unknown: bool = False) -> np.ndarray:
    """True/False array from bool, 0/1 float (NaN = unknown) or object columns; unknown -> ``unknown``."""
    s = pd.Series(series)
    out = np.full(len(s), unknown, dtype=bool)
    known = s.notna().to_numpy()
    vals = s[known]
    if len(vals):
        if vals.dtype == object:
            vals = vals.map(lambda v: str(v).strip().lower() in ("1", "1.0", "true", "t", "yes", "y"))
        out[known] = vals.astype(bool).to_numpy()
    return out
