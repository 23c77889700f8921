"""Japan's coordinate extent (rules/japan_extent.json), shared by every importer that checks coordinates."""
from __future__ import annotations

import numpy as np

from .rules import load_rules

_EXTENT = load_rules("japan_extent.json")

JAPAN_LON = tuple(_EXTENT["lon"])
JAPAN_LAT = tuple(_EXTENT["lat"])


def in_japan(lon, lat) -> np.ndarray:
    """Vectorised: True where (lon, lat) lies in Japan's extent (NaN -> False)."""
    lon = np.asarray(lon, dtype=float)
    lat = np.asarray(lat, dtype=float)
    return (lon >= JAPAN_LON[0]) & (lon <= JAPAN_LON[1]) & (lat >= JAPAN_LAT[0]) & (lat <= JAPAN_LAT[1])
