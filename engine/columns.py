"""Column helpers for layers read by the algorithms: booleans stored as 1.0/0.0/NaN and numeric fields that may
hold text ('2,041人', '０．８５', '12.5kWh'). Numbers go through :mod:`engine.parsing` — unreadable values are refused
naming the layer, the field and the feature, never turned into NaN or 0."""
from __future__ import annotations

import numpy as np
import pandas as pd

from .parsing import require_numbers


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


def feature_labels(frame: pd.DataFrame, id_field: str | None = None):
    """A callable i -> (en, ja) naming the i-th feature of a layer (1-based) and its id when the layer has one."""
    ids = None
    for c in ([id_field] if id_field else []) + ["id", "facility_id", "shelter_id", "site_id", "zone_id"]:
        if c and c in frame.columns:
            ids = frame[c]
            break

    def label(i: int) -> tuple[str, str]:
        if ids is not None and pd.notna(ids.iloc[i]) and str(ids.iloc[i]) != "":
            return f"feature {i + 1} (id {ids.iloc[i]})", f"{i + 1}番目の地物（ID {ids.iloc[i]}）"
        return f"feature {i + 1}", f"{i + 1}番目の地物"
    return label


def numeric(frame: pd.DataFrame, field: str, layer: str = "input", *, family: str | None = "auto",
            percent: str | None = None, required: bool = False, minimum: float | None = None,
            maximum: float | None = None, warn=None, id_field: str | None = None,
            missing_ok: bool = True) -> np.ndarray:
    """Float array of ``frame[field]`` parsed with engine.parsing (NaN where empty).

    Text that is not a number is refused (SonaeInputError naming ``layer``, ``field`` and the feature); a unit
    suffix must fit the field (``family='auto'``: battery_kwh accepts kWh/Wh, capacity_persons 人/名 ...).
    A field absent from the frame gives all-NaN when ``missing_ok``, else an error.
    """
    if field not in frame.columns:
        if missing_ok:
            return np.full(len(frame), np.nan)
        from .errors import SonaeInputError
        raise SonaeInputError(f"Layer {layer} has no field '{field}'. Choose the right field.",
                              f"レイヤ {layer} に項目「{field}」がありません。正しい項目を選んでください。")
    return require_numbers(frame[field], field, layer, rows=feature_labels(frame, id_field), family=family,
                           percent=percent, required=required, minimum=minimum, maximum=maximum, warn=warn)


def numbers(values, field: str, layer: str = "input", **kw) -> np.ndarray:
    """As :func:`numeric` for a bare Series/array (engine functions that receive columns, not frames)."""
    s = values if isinstance(values, pd.Series) else pd.Series(values)
    return numeric(pd.DataFrame({field: s.to_numpy(dtype=object) if s.dtype == object else s.to_numpy()}),
                   field, layer, **kw)
