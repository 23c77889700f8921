"""Hourly PV output per kWp for a year (8,760 h, JST): pvlib clear-sky shape scaled to a cited yield table.

Method (DESIGN.md §4): Ineichen-Perez clear-sky irradiance with pvlib's bundled Linke turbidity climatology
(offline; read through Debian's h5py, which works inside QGIS and qgis_process, see PLATFORM.md), transposed to
the array plane (isotropic sky), then scaled month by month so the year yields ``annual_kwh_per_kwp`` of the chosen
region (rules/pv_yield_japan.json). Every day therefore carries an average day's yield for its month: clouds are
not modelled, which is why the default region is the conservative planning rule (1,000 kWh/kWp/yr).

Or a user-supplied hourly profile: a CSV with 8,760 values of kW per kWp (one numeric column, or a column named
``kw_per_kwp``), hour 0 = 1 January 00:00-01:00 JST.
"""
from __future__ import annotations

import os

import numpy as np
import pandas as pd

from ..errors import SonaeInputError
from ..progress import Progress, ensure
from . import HOURS_PER_YEAR, load_rules


def pv_rules() -> dict:
    return load_rules("pv_yield_japan.json")


def regions(rules: dict | None = None) -> list[str]:
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


def clear_sky_poa(lat: float, lon: float, rules: dict | None = None) -> np.ndarray:
    """Clear-sky plane-of-array irradiance (W/m2), hourly mean over each hour (sampled mid-hour)."""
    import pvlib
    r = rules or pv_rules()
    times = year_index(r) + pd.Timedelta(minutes=30)
    loc = pvlib.location.Location(lat, lon, tz=r["timezone"])
    tl = pvlib.clearsky.lookup_linke_turbidity(times, lat, lon)
    cs = loc.get_clearsky(times, model="ineichen", linke_turbidity=tl)
    sp = loc.get_solarposition(times)
    poa = pvlib.irradiance.get_total_irradiance(
        surface_tilt=float(r["tilt_deg"]), surface_azimuth=float(r["azimuth_deg"]),
        solar_zenith=sp["apparent_zenith"], solar_azimuth=sp["azimuth"],
        dni=cs["dni"], ghi=cs["ghi"], dhi=cs["dhi"], albedo=float(r["albedo"]), model="isotropic")
    out = np.nan_to_num(poa["poa_global"].to_numpy(dtype=float), nan=0.0)
    return np.clip(out, 0.0, None)


def monthly_table(annual: float, shape: np.ndarray, region: str, rules: dict | None = None) -> np.ndarray:
    """kWh/kWp for each month: annual x monthly share (cited shares, else the clear-sky shares of ``shape``)."""
    r = rules or pv_rules()
    month = year_index(r).month.to_numpy()
    share = r["monthly_share"].get(region, r["monthly_share"]["default"])
    if isinstance(share, str):  # "clear_sky"
        sums = np.bincount(month - 1, weights=shape, minlength=12)
        share = sums / sums.sum()
    share = np.asarray(share, dtype=float)
    return annual * share / share.sum()


def scale_to_table(shape: np.ndarray, table: np.ndarray, rules: dict | None = None) -> np.ndarray:
    """Scale an hourly shape so each month sums to ``table`` (kWh/kWp) -> kW per kWp."""
    month = year_index(rules).month.to_numpy() - 1
    sums = np.bincount(month, weights=shape, minlength=12)
    factor = np.divide(table, sums, out=np.zeros(12), where=sums > 0)
    return shape * factor[month]


def profile_per_kwp(lat: float, lon: float, region: str | None = None, rules: dict | None = None) -> np.ndarray:
    """kW per kWp for each hour of the reference year at (lat, lon) (WGS84/JGD2011 degrees)."""
    r = rules or pv_rules()
    region = region or r["default_region"]
    annual = annual_yield(region, r)
    shape = clear_sky_poa(lat, lon, r)
    return scale_to_table(shape, monthly_table(annual, shape, region, r), r)


def profiles_for_points(lats, lons, region: str | None = None, rules: dict | None = None,
                        progress: Progress | None = None) -> np.ndarray:
    """[facilities x 8760] kW per kWp. Facilities in one ``profile_grid_deg`` cell share one profile."""
    progress = ensure(progress)
    r = rules or pv_rules()
    lats = np.asarray(lats, dtype=float)
    lons = np.asarray(lons, dtype=float)
    bad = ~(np.isfinite(lats) & np.isfinite(lons)) | (np.abs(lats) > 90) | (np.abs(lons) > 180)
    if bad.any():
        raise SonaeInputError(
            f"{int(bad.sum())} facilities have no valid location (row {int(np.flatnonzero(bad)[0]) + 1} first); "
            "the PV profile needs a point geometry. Fix or remove those features.",
            f"位置が不正な施設が{int(bad.sum())}件あります（最初は{int(np.flatnonzero(bad)[0]) + 1}行目）。"
            "太陽光の発電プロファイルには点の位置が必要です。修正するか除いてください。")
    grid = float(r["profile_grid_deg"])
    cells = np.stack([np.round(lats / grid), np.round(lons / grid)], axis=1)
    uniq, inverse = np.unique(cells, axis=0, return_inverse=True)
    inverse = np.asarray(inverse).reshape(-1)
    out = np.empty((len(uniq), HOURS_PER_YEAR))
    for k, (a, b) in enumerate(uniq):
        out[k] = profile_per_kwp(a * grid, b * grid, region, r)
        progress.update((k + 1) / len(uniq))
    return out[inverse]


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
