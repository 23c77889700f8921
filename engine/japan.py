"""Japan's coordinate extent (rules/japan_extent.json), shared by every importer that checks coordinates."""
from __future__ import annotations

import json
import os

import numpy as np

_RULE = os.path.join(os.path.dirname(__file__), "..", "rules", "japan_extent.json")
with open(_RULE, encoding="utf-8") as _fh:
    _EXTENT = json.load(_fh)

JAPAN_LON = tuple(_EXTENT["lon"])
JAPAN_LAT = tuple(_EXTENT["lat"])


def in_japan(lon, lat) -> np.ndarray:
    """Vectorised: True where (lon, lat) lies in Japan's extent (NaN -> False)."""
    lon = np.asarray(lon, dtype=float)
    lat = np.asarray(lat, dtype=float)
    return (lon >= JAPAN_LON[0]) & (lon <= JAPAN_LON[1]) & (lat >= JAPAN_LAT[0]) & (lat <= JAPAN_LAT[1])
