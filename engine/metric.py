"""Metric distances in one place: a local projected CRS in metres chosen from the data's extent.

Distances must never be measured in the input's own CRS when that CRS is not a local metric one: Web Mercator
(EPSG:3857) stretches distances by 1/cos(latitude) (x1.2 in Japan), and a plane rectangular zone far from the
data distorts too. Every distance computation brings its layers into :func:`local_metric_crs` of the data first:
JGD2011 / UTM (EPSG:6688-6692, zones 51-55) inside Japan's longitudes, WGS 84 / UTM elsewhere. The UTM scale error
is below 0.04 % inside a zone and about 0.1 % at its edge, so the same data in EPSG:4326, 3857, 6677 or a UTM zone
gives the same distances within far less than 0.5 %.
"""
from __future__ import annotations

import math

import geopandas as gpd
import numpy as np
from pyproj import CRS

from .errors import SonaeInputError

# JGD2011 / UTM zone 51N..55N (EPSG registry)
JGD2011_UTM = {51: 6688, 52: 6689, 53: 6690, 54: 6691, 55: 6692}


def utm_epsg(lon: float, lat: float) -> int:
    """EPSG code of the UTM zone (JGD2011 where Japan's zones apply) for a longitude/latitude."""
    zone = int(math.floor((float(lon) + 180.0) / 6.0)) + 1
    zone = min(max(zone, 1), 60)
    if lat >= 0 and zone in JGD2011_UTM and 20.0 <= lat <= 46.0:
        return JGD2011_UTM[zone]
    return (32600 if lat >= 0 else 32700) + zone


def _lonlat_center(frames) -> tuple[float, float]:
    xs, ys = [], []
    for frame in frames:
        if frame is None or len(frame) == 0:
            continue
        if frame.crs is None:
            raise SonaeInputError("A layer has no coordinate reference system. Set its CRS (e.g. EPSG:6668) first.",
                                  "レイヤに座標参照系がありません。先に座標参照系（例: EPSG:6668）を設定してください。")
        geoms = frame.geometry[~(frame.geometry.isna() | frame.geometry.is_empty)]
        if not len(geoms):
            continue
        b = gpd.GeoSeries(geoms.envelope.centroid if not (geoms.geom_type == "Point").all() else geoms,
                          crs=frame.crs).to_crs(4326)
        xs.append(b.x.to_numpy(float))
        ys.append(b.y.to_numpy(float))
    if not xs:
        return 135.0, 35.0
    x, y = np.concatenate(xs), np.concatenate(ys)
    ok = np.isfinite(x) & np.isfinite(y)
    if not ok.any():
        return 135.0, 35.0
    return float(np.median(x[ok])), float(np.median(y[ok]))


def is_local_metric(crs, lon: float, lat: float) -> bool:
    """True when ``crs`` is projected in metres with a scale error within rules/metric_crs.json at (lon, lat)."""
    from pyproj import Proj
    from .rules import load_rules
    if crs is None:
        return False
    crs = CRS.from_user_input(crs)
    if not crs.is_projected or crs.axis_info[0].unit_name not in ("metre", "meter"):
        return False
    try:
        f = Proj(crs).get_factors(lon, lat)
    except Exception:                   # noqa: BLE001 - unknown projection: not trusted
        return False
    limit = float(load_rules("metric_crs.json")["max_scale_error"])
    scales = (f.meridional_scale, f.parallel_scale)
    return all(np.isfinite(s) and abs(s - 1.0) <= limit for s in scales)


def local_metric_crs(*frames: gpd.GeoDataFrame) -> CRS:
    """The metric CRS for the data of all ``frames`` together: their common CRS when it is a local metric one at
    the data (e.g. the JGD2011 plane rectangular zone of the prefecture), else the UTM zone of their median point."""
    lon, lat = _lonlat_center(frames)
    for frame in reversed(frames):      # the destinations' CRS first (travel matrices pass origins, dests)
        if frame is not None and frame.crs is not None and is_local_metric(frame.crs, lon, lat):
            return CRS.from_user_input(frame.crs)
    return CRS.from_epsg(utm_epsg(lon, lat))


def to_metric(frame: gpd.GeoDataFrame, crs: CRS | None = None) -> gpd.GeoDataFrame:
    """``frame`` in ``crs`` (default: its own local metric CRS)."""
    crs = crs or local_metric_crs(frame)
    if frame.crs is None:
        raise SonaeInputError("A layer has no coordinate reference system. Set its CRS (e.g. EPSG:6668) first.",
                              "レイヤに座標参照系がありません。先に座標参照系（例: EPSG:6668）を設定してください。")
    return frame.to_crs(crs)
