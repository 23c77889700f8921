"""Japanese number formatting for printed figures (map book, dock): 1,234人, 12.5時間, 2,801,235千円; "—" for none."""
from __future__ import annotations

import math

import numpy as np
import pandas as pd

DASH = "—"


def _missing(value) -> bool:
    if value is None or value is pd.NA:
        return True
    try:
        return bool(isinstance(value, float) and math.isnan(value)) or (np.ndim(value) == 0 and pd.isna(value))
    except (TypeError, ValueError):
        return False


def fmt_number(value, decimals: int = 0) -> str:
    """1234 -> '1,234'; 12.345 (decimals=1) -> '12.3'; None/NaN -> '—'. Half away from zero."""
    if _missing(value):
        return DASH
    q = 10 ** decimals
    v = float(value)
    rounded = math.floor(abs(v) * q + 0.5) / q
    rounded = math.copysign(rounded, v) if rounded else 0.0
    return f"{rounded:,.{decimals}f}"


def fmt_persons(value) -> str:
    """'1,234人'."""
    s = fmt_number(value, 0)
    return s if s == DASH else s + "人"


def fmt_count(value, unit: str = "か所") -> str:
    """'12か所'."""
    s = fmt_number(value, 0)
    return s if s == DASH else s + unit


def fmt_hours(value, decimals: int = 1) -> str:
    """'12.5時間'."""
    s = fmt_number(value, decimals)
    return s if s == DASH else s + "時間"


def fmt_days(value, decimals: int = 1) -> str:
    """'2.5日'."""
    s = fmt_number(value, decimals)
    return s if s == DASH else s + "日"


def fmt_thousand_yen(yen) -> str:
    """Yen -> thousand yen, rounded: 2,801,235,000 -> '2,801,235千円'."""
    if _missing(yen):
        return DASH
    return fmt_number(float(yen) / 1000.0, 0) + "千円"


def fmt_percent(value, decimals: int = 0) -> str:
    """A share in [0, 1] -> '112%'."""
    if _missing(value):
        return DASH
    return fmt_number(100.0 * float(value), decimals) + "%"


