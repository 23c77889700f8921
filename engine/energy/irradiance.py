"""Irradiance -> PV output per kWp, in numpy (the same formulas as pvlib; tests compare them with pvlib's own).

Every function works on arrays [locations x hours] with the hour-integrated geometry of
:func:`engine.energy.solar_geometry.hour_geometry`:

* clear sky: Haurwitz (1945) ``GHI = 1098 cos z exp(-0.059 / cos z)`` (pvlib.clearsky.haurwitz), used only for
  the *shape* of a synthetic day (the day's total comes from the weather model);
* decomposition of GHI into beam and diffuse: Erbs, Klein & Duffie (1982) (pvlib.irradiance.erbs);
* plane of array: Hay & Davies (1980) anisotropic sky (pvlib.irradiance.haydavies) + beam + isotropic ground
  reflection (pvlib.irradiance.get_ground_diffuse);
* cell temperature: Faiman (2008) ``Tc = Ta + POA / (u0 + u1 ws)`` (pvlib.temperature.faiman);
* power: PVWatts DC ``POA/1000 (1 + gamma (Tc - 25))`` (pvlib.pvsystem.pvwatts_dc) x (1 - system losses)
  x inverter efficiency.
The figures (tilt, azimuth, albedo, u0, u1, wind, gamma, losses, inverter) are in rules/pv_yield_japan.json.
"""
from __future__ import annotations

import numpy as np

DEG = np.pi / 180.0


def haurwitz_ghi(cosz) -> np.ndarray:
    cz = np.asarray(cosz, dtype=float)
    with np.errstate(divide="ignore", over="ignore", invalid="ignore"):
        ghi = 1098.0 * cz * np.exp(-0.059 / cz)
    return np.where(cz > 0, ghi, 0.0)


def erbs_diffuse_fraction(kt) -> np.ndarray:
    kt = np.asarray(kt, dtype=float)
    mid = 0.9511 - 0.1604 * kt + 4.388 * kt ** 2 - 16.638 * kt ** 3 + 12.336 * kt ** 4
    return np.where(kt <= 0.22, 1 - 0.09 * kt, np.where(kt <= 0.8, mid, 0.165))


def erbs(ghi, cosz, cosz_hour, e0, min_cos_zenith: float = 0.065, max_zenith_deg: float = 87.0):
    """(dni, dhi) from hourly GHI. ``cosz_hour`` (mean of max(cos z, 0) over the hour) gives the hour's
    extraterrestrial horizontal irradiance; ``cosz`` (over the sun-up part) turns beam-horizontal into normal."""
    ghi = np.asarray(ghi, dtype=float)
    ext = e0 * np.maximum(cosz_hour, min_cos_zenith)
    kt = np.clip(np.divide(ghi, ext, out=np.zeros_like(ghi), where=ext > 0), 0.0, 2.0)
    dhi = erbs_diffuse_fraction(kt) * ghi
    beam_h = ghi - dhi
    with np.errstate(divide="ignore", invalid="ignore"):
        dni = np.where(cosz > 0, beam_h / np.maximum(cosz, 1e-9), 0.0)
    bad = (np.arccos(np.clip(cosz, -1, 1)) / DEG > max_zenith_deg) | (ghi < 0) | (dni < 0)
    return np.where(bad, 0.0, dni), np.where(bad, ghi, dhi)


def poa_haydavies(dni, dhi, ghi, cosz, cos_aoi, e0, tilt_deg: float, albedo: float) -> np.ndarray:
    """Plane-of-array irradiance (W/m2): beam + Hay-Davies sky diffuse + isotropic ground reflection."""
    dni = np.asarray(dni, dtype=float)
    ai = dni / e0
    rb = np.asarray(cos_aoi, dtype=float) / np.maximum(cosz, 0.01745)
    tilt = tilt_deg * DEG
    sky = np.asarray(dhi, dtype=float) * (ai * rb + (1 - ai) * (1 + np.cos(tilt)) * 0.5)
    ground = np.asarray(ghi, dtype=float) * albedo * (1 - np.cos(tilt)) * 0.5
    return np.clip(dni * cos_aoi + np.clip(sky, 0.0, None) + ground, 0.0, None)


def cell_temperature_faiman(poa, temp_air, wind_speed: float, u0: float, u1: float) -> np.ndarray:
    return np.asarray(temp_air, dtype=float) + np.asarray(poa, dtype=float) / (u0 + u1 * wind_speed)


def pv_output_per_kwp(poa, temp_cell, r: dict) -> np.ndarray:
    """AC kW per kWp of modules: PVWatts DC x (1 - losses) x inverter efficiency (rules/pv_yield_japan.json)."""
    dc = np.asarray(poa, dtype=float) / 1000.0 * (1 + float(r["gamma_pdc_per_c"]) * (np.asarray(temp_cell) - 25.0))
    return np.clip(dc * (1 - float(r["system_losses_pct"]) / 100.0) * float(r["inverter_efficiency"]), 0.0, None)


def pv_from_components(dni, dhi, temp_air, geom: dict, r: dict) -> np.ndarray:
    """kW per kWp from hourly DNI and DHI (W/m2, hour means) and air temperature (deg C)."""
    ghi = np.asarray(dni, dtype=float) * geom["cosz"] * (geom["up"] > 0) + np.asarray(dhi, dtype=float)
    poa = poa_haydavies(dni, dhi, ghi, geom["cosz"], geom["cos_aoi"], geom["e0"], float(r["tilt_deg"]),
                        float(r["albedo"]))
    tc = cell_temperature_faiman(poa, temp_air, float(r["wind_speed_m_s"]), float(r["faiman_u0"]),
                                 float(r["faiman_u1"]))
    return pv_output_per_kwp(poa, tc, r)


def pv_from_ghi(ghi, temp_air, geom: dict, r: dict) -> np.ndarray:
    """kW per kWp from hourly GHI (W/m2): Erbs decomposition, then :func:`pv_from_components`."""
    dni, dhi = erbs(ghi, geom["cosz"], geom["cosz_hour"], geom["e0"])
    return pv_from_components(dni, dhi, temp_air, geom, r)
