"""Sun position and hour-integrated geometry, vectorised over locations (numpy; pvlib optional).

Solar position: the NOAA solar calculator equations (Meeus, *Astronomical Algorithms*, 2nd ed. 1998, ch. 25 low
accuracy; NOAA Global Monitoring Laboratory "General Solar Position Calculations"): declination and equation of
time are computed once per instant, so any number of locations costs one broadcast (hour angle, zenith,
azimuth). Stated accuracy: within 0.05 degree of pvlib's NREL SPA (``get_solarposition(method='nrel_numpy')``,
true zenith, no refraction) for 2000-2100; tests/test_energy_weather.py checks it over a year at four Japanese
points. When pvlib is installed and only a few locations are asked for, :func:`sun_position` can use pvlib's SPA
instead (``backend='pvlib'``); users' QGIS has no pvlib, so the numpy path is the default for many points.

Hourly weather values (拡張アメダス, JMA) are hour means over the hour ENDING at the stated time. A beam value
is therefore applied with the geometry averaged over the part of the hour the sun is up (sub-samples every
``60 / n_sub`` minutes): ``cos_zenith_eff = mean over sun-up samples of cos(zenith)``, likewise for the angle of
incidence on the array. This keeps sunrise and sunset hours right, which a single mid-hour sample does not.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

DEG = np.pi / 180.0
SOLAR_CONSTANT = 1361.0   # W/m2 (Kopp & Lean 2011; pvlib get_extra_radiation default 1366.1 uses the older TSI)


def _julian_century(times_utc: pd.DatetimeIndex) -> np.ndarray:
    jd = times_utc.to_julian_date().to_numpy(dtype=float)
    return (jd - 2451545.0) / 36525.0


def declination_eot(times) -> tuple[np.ndarray, np.ndarray]:
    """(declination in radians, equation of time in minutes) per instant (NOAA / Meeus)."""
    t = pd.DatetimeIndex(times)
    t = t.tz_convert("UTC") if t.tz is not None else t
    jc = _julian_century(t)
    l0 = np.mod(280.46646 + jc * (36000.76983 + jc * 0.0003032), 360.0)
    m = 357.52911 + jc * (35999.05029 - 0.0001537 * jc)
    e = 0.016708634 - jc * (0.000042037 + 0.0000001267 * jc)
    c = (np.sin(m * DEG) * (1.914602 - jc * (0.004817 + 0.000014 * jc)) + np.sin(2 * m * DEG) * (0.019993 - 0.000101 * jc)
         + np.sin(3 * m * DEG) * 0.000289)
    true_long = l0 + c
    omega = 125.04 - 1934.136 * jc
    app_long = true_long - 0.00569 - 0.00478 * np.sin(omega * DEG)
    eps0 = 23 + (26 + (21.448 - jc * (46.815 + jc * (0.00059 - jc * 0.001813))) / 60) / 60
    eps = eps0 + 0.00256 * np.cos(omega * DEG)
    decl = np.arcsin(np.sin(eps * DEG) * np.sin(app_long * DEG))
    y = np.tan(eps * DEG / 2) ** 2
    eot = 4 / DEG * (y * np.sin(2 * l0 * DEG) - 2 * e * np.sin(m * DEG) + 4 * e * y * np.sin(m * DEG) * np.cos(2 * l0 * DEG)
                     - 0.5 * y * y * np.sin(4 * l0 * DEG) - 1.25 * e * e * np.sin(2 * m * DEG))
    return decl, eot


def _minutes_utc(times) -> np.ndarray:
    t = pd.DatetimeIndex(times)
    t = t.tz_convert("UTC") if t.tz is not None else t
    return (t.hour * 60 + t.minute + t.second / 60.0).to_numpy(dtype=float)


def sun_position_numpy(lats, lons, times) -> tuple[np.ndarray, np.ndarray]:
    """(zenith, azimuth) in degrees, shape [locations x times]; azimuth clockwise from north (pvlib convention)."""
    lat = np.asarray(lats, dtype=float).reshape(-1, 1) * DEG
    lon = np.asarray(lons, dtype=float).reshape(-1, 1)
    decl, eot = declination_eot(times)
    tst = _minutes_utc(times)[None, :] + eot[None, :] + 4.0 * lon          # true solar time, minutes
    ha = (tst / 4.0 - 180.0) * DEG
    cosz = np.sin(lat) * np.sin(decl) + np.cos(lat) * np.cos(decl) * np.cos(ha)
    cosz = np.clip(cosz, -1.0, 1.0)
    zen = np.arccos(cosz)
    # azimuth from north, clockwise: atan2(sin(ha), cos(ha) sin(lat) - tan(decl) cos(lat)) + 180
    az = np.arctan2(np.sin(ha), np.cos(ha) * np.sin(lat) - np.tan(decl) * np.cos(lat)) / DEG + 180.0
    return zen / DEG, np.mod(az, 360.0)


def sun_position_pvlib(lats, lons, times) -> tuple[np.ndarray, np.ndarray]:
    """The same through pvlib's NREL SPA (one call per location; for a few locations only)."""
    import pvlib  # lazy: not in users' QGIS
    lats = np.asarray(lats, dtype=float).ravel()
    lons = np.asarray(lons, dtype=float).ravel()
    t = pd.DatetimeIndex(times)
    zen = np.empty((len(lats), len(t)))
    az = np.empty_like(zen)
    for k, (a, b) in enumerate(zip(lats, lons)):
        sp = pvlib.solarposition.get_solarposition(t, a, b, method="nrel_numpy")
        zen[k] = sp["zenith"].to_numpy()
        az[k] = sp["azimuth"].to_numpy()
    return zen, az


def pvlib_available() -> bool:
    try:
        import pvlib  # noqa: F401
    except Exception:  # noqa: BLE001
        return False
    return True


def sun_position(lats, lons, times, backend: str = "numpy"):
    if backend == "pvlib":
        return sun_position_pvlib(lats, lons, times)
    return sun_position_numpy(lats, lons, times)


def extra_radiation(times) -> np.ndarray:
    """Extraterrestrial normal irradiance (W/m2) per instant (Spencer 1971 Fourier series, as in pvlib)."""
    t = pd.DatetimeIndex(times)
    doy = t.dayofyear.to_numpy(dtype=float)
    b = 2 * np.pi * (doy - 1) / 365.0
    r = 1.00011 + 0.034221 * np.cos(b) + 0.00128 * np.sin(b) + 0.000719 * np.cos(2 * b) + 0.000077 * np.sin(2 * b)
    return SOLAR_CONSTANT * r


def hour_geometry(lats, lons, year_index: pd.DatetimeIndex, tilt_deg: float, azimuth_deg: float, n_sub: int = 6,
                  backend: str = "numpy") -> dict:
    """Hour-integrated geometry for hours [t, t+1) of ``year_index`` (hour starts), per location.

    Returns [locations x hours] arrays: ``cosz`` (mean cos zenith over the sun-up part of the hour, 0 if the sun
    never rises in it), ``cosz_hour`` (mean of max(cos z, 0) over the whole hour: extraterrestrial horizontal
    irradiance = E0 x cosz_hour), ``cos_aoi`` (mean of max(cos incidence, 0) over the sun-up part),
    ``up`` (share of the hour with the sun up), ``zenith`` (degrees, arccos of ``cosz``) and ``e0`` [hours].
    """
    lats = np.asarray(lats, dtype=float).ravel()
    lons = np.asarray(lons, dtype=float).ravel()
    T = len(year_index)
    L = len(lats)
    offsets = (np.arange(n_sub) + 0.5) / n_sub * 60.0
    tilt = tilt_deg * DEG
    az0 = azimuth_deg * DEG
    sum_cz = np.zeros((L, T))
    sum_cz_up = np.zeros((L, T))
    sum_ci = np.zeros((L, T))
    n_up = np.zeros((L, T))
    for off in offsets:
        times = year_index + pd.Timedelta(minutes=float(off))
        zen, az = sun_position(lats, lons, times, backend)
        cz = np.cos(zen * DEG)
        up = cz > 0
        ci = np.cos(zen * DEG) * np.cos(tilt) + np.sin(zen * DEG) * np.sin(tilt) * np.cos(az * DEG - az0)
        sum_cz += np.where(up, cz, 0.0)
        sum_cz_up += np.where(up, cz, 0.0)
        sum_ci += np.where(up, np.clip(ci, 0.0, None), 0.0)
        n_up += up
    with np.errstate(invalid="ignore", divide="ignore"):
        cosz = np.where(n_up > 0, sum_cz_up / np.maximum(n_up, 1), 0.0)
        cos_aoi = np.where(n_up > 0, sum_ci / np.maximum(n_up, 1), 0.0)
    e0 = extra_radiation(year_index + pd.Timedelta(minutes=30))
    return {"cosz": cosz, "cosz_hour": sum_cz / n_sub, "cos_aoi": cos_aoi, "up": n_up / n_sub,
            "zenith": np.arccos(np.clip(cosz, 0.0, 1.0)) / DEG, "e0": e0}
