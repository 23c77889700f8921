"""Travel distances and times between sites, QGIS-free.

Without a road layer Sonae estimates road distance as the straight-line distance times a documented detour
(circuity) factor and converts it to time at a planning speed (both in ``rules/ev_fleet_defaults.json``):

    road_km = straight_km x detour_factor,    hours = road_km / speed_kmh

Straight-line distance is the haversine distance for longitude/latitude coordinates and the Euclidean distance
(in metres, from the CRS's unit) for projected coordinates. A road network distance (QGIS network analysis) is
computed by ``processing_algorithms/network.py`` and enters the engine as the same :class:`TravelMatrix`.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field

import geopandas as gpd
import numpy as np

from .errors import SonaeInputError
from .rules import load_rules as _load_rules

RULES_PATH = os.path.join(os.path.dirname(__file__), "..", "rules", "ev_fleet_defaults.json")


def load_rules(path: str | None = None) -> dict:
    """The EV/travel rules as {name: value} (plain numbers unwrapped from their {"value", "_source"} records)."""
    return _load_rules(path or RULES_PATH, unwrap=True)


@dataclass
class TravelMatrix:
    """One-way travel from origins (rows) to destinations (columns). ``np.inf`` marks an unreachable pair."""
    km: np.ndarray
    hours: np.ndarray
    method: str
    routes: dict = field(default_factory=dict)   # (i, j) -> list of (x, y) in the destinations' CRS (optional)

    @property
    def unreachable(self) -> np.ndarray:
        """True for each destination no origin reaches (off the road network or on a disconnected part)."""
        return ~np.isfinite(np.asarray(self.km, dtype=float)).any(axis=0)


def pairwise_straight_km(ox, oy, dx, dy, geographic: bool, unit_m: float = 1.0,
                         earth_radius_km: float | None = None) -> np.ndarray:
    """Straight-line km between every origin (rows) and destination (columns), vectorised.

    ``geographic``: coordinates are longitude/latitude degrees (haversine on a sphere of ``earth_radius_km``);
    otherwise planar coordinates in units of ``unit_m`` metres.
    """
    ox, oy, dx, dy = (np.asarray(a, dtype=float) for a in (ox, oy, dx, dy))
    if geographic:
        radius = earth_radius_km if earth_radius_km is not None else load_rules()["earth_radius_km"]
        lon1, lat1 = np.radians(ox)[:, None], np.radians(oy)[:, None]
        lon2, lat2 = np.radians(dx)[None, :], np.radians(dy)[None, :]
        a = (np.sin((lat2 - lat1) / 2.0) ** 2
             + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2.0) ** 2)
        return 2.0 * radius * np.arcsin(np.sqrt(np.clip(a, 0.0, 1.0)))
    return np.hypot(ox[:, None] - dx[None, :], oy[:, None] - dy[None, :]) * unit_m / 1000.0


def _xy(gdf: gpd.GeoDataFrame, what: str):
    geoms = gdf.geometry
    if geoms.isna().any() or geoms.is_empty.any():
        bad = int((geoms.isna() | geoms.is_empty).to_numpy().argmax())
        raise SonaeInputError(f"{what}: feature {bad + 1} has no geometry. Fix or remove it.",
                              f"{what}: {bad + 1}番目の地物に位置がありません。修正するか除いてください。")
    pts = geoms if (geoms.geom_type == "Point").all() else geoms.representative_point()
    return pts.x.to_numpy(), pts.y.to_numpy()


def straight_line_matrix(origins: gpd.GeoDataFrame, dests: gpd.GeoDataFrame, detour_factor: float,
                         speed_kmh: float, origins_name: str = "origins",
                         dests_name: str = "destinations") -> TravelMatrix:
    """Straight line x detour factor at ``speed_kmh`` from every origin to every destination.

    The origins are brought into the destinations' CRS first. Raises a bilingual error for a missing CRS or a
    non-positive factor/speed.
    """
    if detour_factor is None or not np.isfinite(detour_factor) or detour_factor < 1.0:
        raise SonaeInputError(f"Detour factor must be 1 or more (got {detour_factor}).",
                              f"迂回係数は1以上にしてください（指定値 {detour_factor}）。")
    if speed_kmh is None or not np.isfinite(speed_kmh) or speed_kmh <= 0:
        raise SonaeInputError(f"Speed must be positive km/h (got {speed_kmh}).",
                              f"速度は正の値（km/h）にしてください（指定値 {speed_kmh}）。")
    if dests.crs is None or origins.crs is None:
        name = dests_name if dests.crs is None else origins_name
        raise SonaeInputError(f"Layer '{name}' has no coordinate reference system. Set its CRS.",
                              f"レイヤ「{name}」に座標参照系がありません。座標参照系を設定してください。")
    if not dests.crs.is_geographic:         # any projected CRS (EPSG:3857 x1.2 in Japan): local metric CRS
        from .metric import local_metric_crs
        crs = local_metric_crs(origins, dests)
        origins, dests = origins.to_crs(crs), dests.to_crs(crs)
    elif origins.crs != dests.crs:
        origins = origins.to_crs(dests.crs)
    ox, oy = _xy(origins, origins_name)
    dx, dy = _xy(dests, dests_name)
    geographic = bool(dests.crs.is_geographic)
    unit_m = 1.0 if geographic else float(dests.crs.axis_info[0].unit_conversion_factor)
    km = pairwise_straight_km(ox, oy, dx, dy, geographic, unit_m) * float(detour_factor)
    return TravelMatrix(km=km, hours=km / float(speed_kmh),
                        method=f"straight line x {detour_factor:g} at {speed_kmh:g} km/h")


def network_hours(km: np.ndarray, speed_kmh: float) -> np.ndarray:
    """Hours for network km at a uniform speed (inf stays inf)."""
    if speed_kmh is None or not np.isfinite(speed_kmh) or speed_kmh <= 0:
        raise SonaeInputError(f"Speed must be positive km/h (got {speed_kmh}).",
                              f"速度は正の値（km/h）にしてください（指定値 {speed_kmh}）。")
    return np.asarray(km, dtype=float) / float(speed_kmh)
