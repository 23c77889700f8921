"""Hourly PV output per kWp (8,760 h, JST) from weather: several synthetic years or one standard-year file.

Sources of weather (engine/energy/weather.py): a 拡張アメダス standard-year file (DNI, DHI, temperature), or the
embedded default: seeded synthetic years of daily clearness index (Markov chain calibrated to the monthly normals
of the nearest of Japan's 8 climate regions, rules/weather_normals_japan.json), spread over the day with the
clear-sky shape. Irradiance -> kW per kWp: Erbs decomposition, Hay-Davies plane of array, Faiman cell temperature,
PVWatts DC and losses (engine/energy/irradiance.py; figures in rules/pv_yield_japan.json).

Vectorised across locations: facilities are grouped into cells of ``profile_grid_deg``; the sun position of all
cells is one numpy broadcast (or pvlib's SPA for a handful of cells when pvlib is installed). Cells are processed
in chunks so memory stays bounded: the result is :class:`PVProfiles` (one row per cell and weather year plus the
facility -> cell index), expanded to facility rows only when the simulator needs them.

Or a user-supplied hourly profile: a CSV with 8,760 values of kW per kWp (one numeric column, or a column named
``kw_per_kwp``), hour 0 = 1 January 00:00-01:00 JST (one weather year).
"""
from __future__ import annotations

import os
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..errors import SonaeInputError
from ..progress import Progress, ensure
from . import HOURS_PER_YEAR, load_rules

CELL_CHUNK = 16   # cells per geometry batch: 16 x 8760 x 6 sub-steps x 8 bytes x ~6 arrays = 40 MB at most


def pv_rules() -> dict:
    return load_rules("pv_yield_japan.json")


def regions(rules: dict | None = None) -> list[str]:
    """Annual-yield regions (planning figures, kWh/kWp/yr) of rules/pv_yield_japan.json."""
    return list((rules or pv_rules())["annual_kwh_per_kwp"].keys())


def annual_yield(region: str, rules: dict | None = None) -> float:
    table = (rules or pv_rules())["annual_kwh_per_kwp"]
    if region not in table:
        raise SonaeInputError(
            f"Unknown PV yield region '{region}'. Use one of: {', '.join(table)} (rules/pv_yield_japan.json).",
            f"発電量の地域「{region}」は未登録です。次から選んでください: {', '.join(table)}（rules/pv_yield_japan.json）。")
    return float(table[region]["value"])


def year_index(rules: dict | None = None) -> pd.DatetimeIndex:
    r = rules or pv_rules()
    return pd.date_range(f"{int(r['reference_year'])}-01-01", periods=HOURS_PER_YEAR, freq="h", tz=r["timezone"])


@dataclass
class PVProfiles:
    """kW per kWp per weather year and cell, and the cell of every facility.

    ``cells``: [years x cells x 8760]; ``index``: [facilities] cell number; ``labels``: weather label per year.
    Stacked layout for the simulator (engine/energy/outage.simulate keeps its signature): row ``y * F + f`` =
    facility f in weather year y (:meth:`stacked`); results come back to [F x (years x starts)] with
    :func:`unstack_years`.
    """
    cells: np.ndarray
    index: np.ndarray
    source: str
    regions: list

    @property
    def years(self) -> int:
        return self.cells.shape[0]

    def __len__(self):
        return len(self.index)

    def stacked(self) -> np.ndarray:
        return self.cells[:, self.index, :].reshape(self.years * len(self.index), HOURS_PER_YEAR)

    def annual_kwh_per_kwp(self) -> np.ndarray:
        """[facilities] mean yearly yield over the weather years (kWh/kWp)."""
        return self.cells.sum(axis=2).mean(axis=0)[self.index]


def unstack_years(values: np.ndarray, years: int) -> np.ndarray:
    """[years*F x S] (row y*F+f) -> [F x years*S] (facility f, all weather years side by side)."""
    values = np.asarray(values)
    F = values.shape[0] // years
    return values.reshape(years, F, -1).transpose(1, 0, 2).reshape(F, -1)


def check_locations(lats, lons) -> tuple[np.ndarray, np.ndarray]:
    lats = np.asarray(lats, dtype=float)
    lons = np.asarray(lons, dtype=float)
    bad = ~(np.isfinite(lats) & np.isfinite(lons)) | (np.abs(lats) > 90) | (np.abs(lons) > 180)
    if bad.any():
        raise SonaeInputError(
            f"{int(bad.sum())} facilities have no valid location (row {int(np.flatnonzero(bad)[0]) + 1} first); "
            "the PV profile needs a point geometry. Fix or remove those features.",
            f"位置が不正な施設が{int(bad.sum())}件あります（最初は{int(np.flatnonzero(bad)[0]) + 1}行目）。"
            "太陽光の発電プロファイルには点の位置が必要です。修正するか除いてください。")
    return lats, lons


def _backend(n_cells: int, r: dict) -> str:
    from .solar_geometry import pvlib_available
    return "pvlib" if n_cells <= int(r["pvlib_max_cells"]) and pvlib_available() else "numpy"


def _geometry(lats, lons, r: dict, backend: str) -> dict:
    from .solar_geometry import hour_geometry
    return hour_geometry(lats, lons, year_index(r), float(r["tilt_deg"]), float(r["azimuth_deg"]),
                         int(r["geometry_substeps_per_hour"]), backend)


def weather_profiles(lats, lons, region: str | None = None, years: int | None = None, seed: int | None = None,
                     weather_file: str | None = None, rules: dict | None = None,
                     progress: Progress | None = None) -> PVProfiles:
    """PV profiles for facilities at (lats, lons) (WGS84/JGD2011 degrees).

    ``weather_file``: a standard-year file (one weather year). Else synthetic years of ``region`` (a region id of
    rules/weather_normals_japan.json, or ``auto`` = nearest region per cell), ``years`` and ``seed`` defaulting to
    that file's values.
    """
    from .irradiance import pv_from_components, pv_from_ghi
    from .weather import (nearest_region, read_weather_file, region_ids, region_temperature, synthetic_ghi,
                          synthetic_kt, weather_rules)
    progress = ensure(progress)
    r = rules or pv_rules()
    lats, lons = check_locations(lats, lons)
    grid = float(r["profile_grid_deg"])
    keys = np.stack([np.round(lats / grid), np.round(lons / grid)], axis=1)
    uniq, inverse = np.unique(keys, axis=0, return_inverse=True)
    inverse = np.asarray(inverse).reshape(-1)
    clat, clon = uniq[:, 0] * grid, uniq[:, 1] * grid
    C = len(uniq)
    backend = _backend(C, r)
    idx = year_index(r)
    if weather_file:
        w = read_weather_file(weather_file)
        out = np.empty((1, C, HOURS_PER_YEAR))
        for c0 in range(0, C, CELL_CHUNK):
            sl = slice(c0, min(C, c0 + CELL_CHUNK))
            g = _geometry(clat[sl], clon[sl], r, backend)
            out[0, sl] = pv_from_components(w["dni"].to_numpy()[None, :], w["dhi"].to_numpy()[None, :],
                                            w["temp_air"].to_numpy()[None, :], g, r)
            progress.update(sl.stop / C)
        return PVProfiles(out, inverse, f"file:{weather_file}", ["file"] * C)
    wr = weather_rules()
    region = region or wr["default_region"]["value"]
    years = int(years or wr["synthetic_years"]["value"])
    seed = int(wr["seed"]["value"] if seed is None else seed)
    if years < 1:
        raise SonaeInputError(f"WEATHER_YEARS = {years}: give at least 1 synthetic year.",
                              f"WEATHER_YEARS = {years}: 合成気象の年数は1以上にしてください。")
    if region != "auto" and region not in region_ids(wr):
        raise SonaeInputError(
            f"Unknown weather region '{region}'. Use auto or one of: {', '.join(region_ids(wr))} "
            "(rules/weather_normals_japan.json).",
            f"気象地域「{region}」は未登録です。auto か次から選んでください: {', '.join(region_ids(wr))}"
            "（rules/weather_normals_japan.json）。")
    cell_region = [nearest_region(a, b, wr) if region == "auto" else region for a, b in zip(clat, clon)]
    out = np.empty((years, C, HOURS_PER_YEAR))
    done = 0
    for reg in sorted(set(cell_region)):
        rows = np.flatnonzero(np.array(cell_region) == reg)
        ref = wr["regions"][reg]
        gref = _geometry([ref["lat"]], [ref["lon"]], r, backend)
        h0_ref = (gref["e0"] * gref["cosz_hour"][0]).reshape(365, 24).sum(axis=1) / 1000.0
        kt = synthetic_kt(reg, years, seed, h0_ref, wr)
        temp = region_temperature(reg, idx, wr)[None, None, :]
        for c0 in range(0, len(rows), CELL_CHUNK):
            part = rows[c0:c0 + CELL_CHUNK]
            g = _geometry(clat[part], clon[part], r, backend)
            ghi = synthetic_ghi(kt, g, idx)
            out[:, part] = pv_from_ghi(ghi, temp, g, r)
            done += len(part)
            progress.update(done / C)
    return PVProfiles(out, inverse, f"synthetic:{region}:{years}y:seed{seed}", cell_region)


def profile_per_kwp(lat: float, lon: float, region: str | None = None, year: int = 0,
                    weather_file: str | None = None, rules: dict | None = None) -> np.ndarray:
    """One facility's kW per kWp for weather year ``year`` (region: a weather region id or ``auto``; the old
    annual-yield names of rules/pv_yield_japan.json, e.g. ``planning``, select ``auto`` as they no longer shape the
    hourly profile)."""
    if region in (rules or pv_rules())["annual_kwh_per_kwp"]:
        region = "auto"
    p = weather_profiles([lat], [lon], region, max(year + 1, 1) if not weather_file else None, None, weather_file,
                         rules)
    return p.cells[year if not weather_file else 0, 0]


def read_hourly_csv(path: str) -> np.ndarray:
    """A user-supplied hourly PV profile (kW per kWp, 8,760 values) from a CSV file.

    The header is optional: a first line whose cells are all numbers is data (8,760 bare values are accepted, not
    read as a header plus 8,759). Values are read with engine.parsing (full-width digits, a decimal comma when the
    file is ';'- or tab-separated); any other text is refused naming the line.
    """
    import csv
    import io
    from ..parsing import parse_numbers
    name = os.path.basename(path)
    try:
        with open(path, "rb") as fh:
            raw = fh.read()
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = raw.decode("cp932")
        first = text.splitlines()[0] if text.strip() else ""
        delim = max((";", "\t", ","), key=first.count) if any(d in first for d in ";\t,") else ","
        rows = [r for r in csv.reader(io.StringIO(text), delimiter=delim) if any(c.strip() for c in r)]
    except Exception as exc:  # noqa: BLE001
        raise SonaeInputError(f"Could not read the PV profile CSV '{name}' ({type(exc).__name__}). Save it as a "
                              "plain CSV (UTF-8).",
                              f"太陽光プロファイルのCSV「{name}」を読めません（{type(exc).__name__}）。"
                              "UTF-8のCSVで保存し直してください。") from None
    if not rows:
        raise SonaeInputError(f"PV profile CSV '{name}' is empty.", f"太陽光プロファイルCSV「{name}」が空です。")
    width = max(len(r) for r in rows)
    rows = [r + [""] * (width - len(r)) for r in rows]
    head = parse_numbers(pd.Series(rows[0], dtype=object))
    has_header = bool((head.bad | head.blank).all())
    header = [c.strip() for c in rows[0]] if has_header else [f"column{i + 1}" for i in range(width)]
    body = rows[1:] if has_header else rows
    frame = pd.DataFrame(body, columns=header, dtype=object)
    first_line = 2 if has_header else 1
    if "kw_per_kwp" in frame.columns:
        col = frame["kw_per_kwp"]
    else:
        numeric = [c for c in frame.columns
                   if not (lambda r: (r.bad | r.blank).all())(parse_numbers(frame[c].head(48)))]
        if len(numeric) != 1:
            raise SonaeInputError(
                f"PV profile CSV '{name}': give one numeric column (or a column named kw_per_kwp) of kW per kWp; "
                f"found numeric columns {numeric}.",
                f"太陽光プロファイルCSV「{name}」: kWp当たりkWの数値列を1列（または列名 kw_per_kwp）にしてください。"
                f"数値列: {numeric}")
        col = frame[numeric[0]]
    parsed = parse_numbers(col)
    if parsed.bad.any():
        i = int(np.flatnonzero(parsed.bad)[0])
        raise SonaeInputError(
            f"PV profile CSV '{name}', line {first_line + i}: '{col.iloc[i]}' is not a number. Give kW per kWp >= 0 "
            "for every hour.",
            f"太陽光プロファイルCSV「{name}」{first_line + i}行目: 「{col.iloc[i]}」は数値ではありません。"
            "毎時0以上のkW/kWpを入れてください。")
    col = col.reset_index(drop=True)
    path = name
    values = parsed.values
    if len(values) != HOURS_PER_YEAR:
        raise SonaeInputError(
            f"PV profile CSV '{path}' has {len(values)} values; it needs 8760 (one per hour of a non-leap year; "
            f"drop 29 February from a leap year){'; its first line was read as a header' if has_header else ''}.",
            f"太陽光プロファイルCSV「{path}」の値は{len(values)}個です。8760個（平年の毎時、うるう年は2月29日を除く）"
            "が必要です。")
    bad = ~np.isfinite(values) | (values < 0)
    if bad.any():
        i = int(np.flatnonzero(bad)[0])
        raise SonaeInputError(
            f"PV profile CSV '{path}': value {i + 1} is empty, not a number or negative ({col.iloc[i]!r}). "
            "Give kW per kWp >= 0 for every hour.",
            f"太陽光プロファイルCSV「{path}」の{i + 1}番目の値が空・非数値・負です（{col.iloc[i]!r}）。"
            "毎時0以上のkW/kWpを入れてください。")
    if values.max() > 1.5:
        raise SonaeInputError(
            f"PV profile CSV '{path}': the largest value is {values.max():.2f} kW per kWp; a profile per kWp "
            "cannot exceed about 1. Divide the site's kW by its kWp.",
            f"太陽光プロファイルCSV「{path}」の最大値が{values.max():.2f} kW/kWpです。kWp当たりの値は1程度を"
            "超えません。発電kWを設備容量kWpで割ってください。")
    return values
