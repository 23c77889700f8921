"""Weather for the PV model: a standard-year hourly file, or seeded synthetic years from cited monthly normals.

1. **Standard-year file** (拡張アメダス標準年, as redistributed by 建築研究所 in heat_load_calc): CSV, row 1 column
   names (日付, 時刻, 外気温度, 法線面直達日射, 水平面天空日射, ...), row 2 station name and units, then 8,760 rows
   (1月1日 1時 ... 12月31日 24時; each value is the mean over the hour ending at 時刻, JST). A plain CSV with
   columns ``temp_air, dni, dhi`` (W/m2, deg C, 8,760 rows, hour 0 = 00:00-01:00 JST) is read too.
   :func:`read_weather_file` checks the row count, the numbers and their ranges and names the file, column and
   row of the first bad value in both languages.
2. **Synthetic years** (the embedded default, no file needed): daily clearness index Kt = H / H0 follows a
   first-order Markov chain (Aguiar, Collares-Pereira & Conde 1988, Solar Energy 40(3) 269-279: a library of
   Markov transition matrices indexed by the month's mean Kt). Sonae's matrices and the monthly normals are
   estimated from the eight 拡張アメダス standard years of the 省エネ基準 climate regions 1-8 (rules/
   weather_normals_japan.json, derived by scripts/derive_weather_normals.py). Each synthetic month is then rescaled
   so its mean daily irradiation at the region's reference point equals the normal (calibration), and each day's
   irradiation is spread over its hours with the clear-sky (Haurwitz) shape. A fixed seed makes the years
   reproducible; all facilities of one region share the region's day sequence (weather systems are larger than a
   city). Temperature: the region's monthly mean daytime temperature.
"""
from __future__ import annotations

import os

import numpy as np
import pandas as pd

from ..errors import SonaeInputError
from ..rules import load_rules
from . import HOURS_PER_YEAR

DAYS = 365
FILE_COLUMNS = {  # canonical -> accepted column names
    "temp_air": ("外気温度", "temp_air", "temperature", "気温"),
    "dni": ("法線面直達日射", "dni", "法線面直達日射量"),
    "dhi": ("水平面天空日射", "dhi", "水平面天空日射量"),
}
LABELS_JA = {"temp_air": "外気温度", "dni": "法線面直達日射", "dhi": "水平面天空日射"}


def weather_rules() -> dict:
    return load_rules("weather_normals_japan.json")


def region_ids(rules: dict | None = None) -> list[str]:
    r = rules or weather_rules()
    return [k for k in r["regions"] if not k.startswith("_")]


def nearest_region(lat: float, lon: float, rules: dict | None = None) -> str:
    """The climate region whose reference point is nearest (great circle)."""
    r = rules or weather_rules()
    ids = region_ids(r)
    la = np.radians([r["regions"][k]["lat"] for k in ids])
    lo = np.radians([r["regions"][k]["lon"] for k in ids])
    p, q = np.radians(lat), np.radians(lon)
    d = np.arccos(np.clip(np.sin(p) * np.sin(la) + np.cos(p) * np.cos(la) * np.cos(lo - q), -1, 1))
    return ids[int(np.argmin(d))]


# ---------------------------------------------------------------------------------------------- weather file
def _read_csv_any(path: str) -> tuple[pd.DataFrame, str]:
    last = None
    for enc in ("utf-8-sig", "cp932"):
        try:
            return pd.read_csv(path, dtype=str, encoding=enc, header=None, keep_default_na=False), enc
        except UnicodeDecodeError as exc:
            last = exc
        except Exception as exc:  # noqa: BLE001
            raise SonaeInputError(f"Could not read the weather file '{path}': {exc}. Give the standard-year CSV.",
                                  f"気象ファイル「{path}」を読めません（{exc}）。標準年のCSVを指定してください。") from None
    raise SonaeInputError(f"Weather file '{path}' is neither UTF-8 nor Shift_JIS ({last}). Save it as UTF-8.",
                          f"気象ファイル「{path}」の文字コードがUTF-8でもShift_JISでもありません。UTF-8で保存してください。")


def read_weather_file(path: str) -> pd.DataFrame:
    """8,760 rows of ``temp_air`` (deg C), ``dni``, ``dhi`` (W/m2, hour means) from a standard-year CSV."""
    if not path or not os.path.isfile(path):
        raise SonaeInputError(f"Weather file '{path}' does not exist.", f"気象ファイル「{path}」がありません。")
    raw, _enc = _read_csv_any(path)
    header = [str(c).strip() for c in raw.iloc[0]]
    cols = {}
    for key, names in FILE_COLUMNS.items():
        hit = [i for i, h in enumerate(header) if h in names]
        if not hit:
            raise SonaeInputError(
                f"Weather file '{path}' has no column {key} (accepted names: {', '.join(names)}). Give the "
                "拡張アメダス standard-year CSV (外気温度, 法線面直達日射, 水平面天空日射) or columns temp_air, dni, dhi.",
                f"気象ファイル「{path}」に{LABELS_JA[key]}の列がありません（使える列名: {', '.join(names)}）。"
                "拡張アメダス標準年のCSVか、temp_air, dni, dhi の列を持つCSVを指定してください。")
        cols[key] = hit[0]
    # the 拡張アメダス layout has a second header row (station, units); a plain CSV starts with numbers
    second = raw.iloc[1, cols["dni"]] if len(raw) > 1 else ""
    units_row = 1 if (len(raw) > 1 and pd.isna(pd.to_numeric(pd.Series([second]), errors="coerce")[0])
                      and str(second).strip().startswith("[")) else 0
    if units_row:
        units = str(raw.iloc[1, cols["dni"]]).replace(" ", "").lower()
        if units not in ("[w/m2]", "[w/m²]"):
            raise SonaeInputError(
                f"Weather file '{path}': irradiance units are {raw.iloc[1, cols['dni']]}; Sonae needs W/m2 (hour "
                "means). Convert kJ/m2 per hour by dividing by 3.6, MJ/m2 per hour by multiplying by 277.8.",
                f"気象ファイル「{path}」の日射量の単位が{raw.iloc[1, cols['dni']]}です。W/m2（毎時平均）にしてください"
                "（kJ/m2・時は3.6で割る、MJ/m2・時は277.8を掛ける）。")
    body = raw.iloc[1 + units_row:]
    first_data_line = 2 + units_row  # 1-based line number in the file
    if len(body) != HOURS_PER_YEAR:
        raise SonaeInputError(
            f"Weather file '{path}' has {len(body)} hourly rows; a standard year has 8,760 (365 days x 24 h, no "
            "29 February). Remove or add the missing hours.",
            f"気象ファイル「{path}」の毎時データは{len(body)}行です。標準年は8,760行（365日×24時間、2月29日なし）"
            "です。過不足の行を直してください。")
    out = {}
    limits = {"temp_air": (-50.0, 50.0), "dni": (0.0, 1400.0), "dhi": (0.0, 900.0)}
    for key, i in cols.items():
        text = body.iloc[:, i].astype(str).str.strip()
        vals = pd.to_numeric(text, errors="coerce").to_numpy(dtype=float)
        lo, hi = limits[key]
        bad = ~np.isfinite(vals) | (vals < lo) | (vals > hi)
        if bad.any():
            k = int(np.flatnonzero(bad)[0])
            raise SonaeInputError(
                f"Weather file '{path}', column {header[i]}, line {first_data_line + k}: value {text.iloc[k]!r} is "
                f"not a number in {lo:g}..{hi:g} ({int(bad.sum())} bad values). Fix the value (W/m2 for irradiance, "
                "deg C for temperature; no text or empty cells).",
                f"気象ファイル「{path}」の列「{header[i]}」{first_data_line + k}行目: 値 {text.iloc[k]!r} が{lo:g}〜{hi:g}"
                f"の数値ではありません（不正な値{int(bad.sum())}件）。値を直してください（日射はW/m2、気温は℃。文字や空欄は"
                "不可）。")
        out[key] = vals
    return pd.DataFrame(out)


# ---------------------------------------------------------------------------------------------- synthetic years
def day_of_year_index(year_index: pd.DatetimeIndex) -> np.ndarray:
    return (year_index.dayofyear.to_numpy() - 1).astype(int)


def synthetic_kt(region: str, years: int, seed: int, h0_ref: np.ndarray, rules: dict | None = None) -> np.ndarray:
    """[years x 365] daily clearness index for ``region``: Markov chain + monthly calibration.

    ``h0_ref``: [365] daily extraterrestrial irradiation on the horizontal (kWh/m2) at the region's reference point;
    each month of each year is rescaled so that mean(Kt x H0) equals the region's normal GHI (kWh/m2/day).
    """
    r = rules or weather_rules()
    reg = r["regions"][region]
    mtm = r["markov"]
    edges = np.asarray(mtm["kt_bin_edges"], dtype=float)
    nb = len(edges) - 1
    class_edges = np.asarray(mtm["class_edges_monthly_kt"], dtype=float)
    mats = np.asarray(mtm["matrices"], dtype=float)                  # [classes x nb x nb]
    cum = np.cumsum(mats, axis=2)
    cum[:, :, -1] = 1.0
    kt_norm = np.asarray(reg["kt_monthly"], dtype=float)
    ghi_norm = np.asarray(reg["ghi_kwh_m2_day"], dtype=float)
    month_of_day = pd.date_range("2023-01-01", periods=DAYS, freq="D").month.to_numpy() - 1
    rng = np.random.default_rng([int(seed), region_ids(r).index(region)])
    cls = np.searchsorted(class_edges, kt_norm[month_of_day])          # class of each day's month
    out = np.empty((years, DAYS))
    u = rng.random((years, DAYS, 2))
    for y in range(years):
        state = int(np.clip(np.searchsorted(edges, kt_norm[0]) - 1, 0, nb - 1))
        for d in range(DAYS):
            state = int(np.searchsorted(cum[cls[d], state], u[y, d, 0], side="right"))
            state = min(state, nb - 1)
            out[y, d] = edges[state] + u[y, d, 1] * (edges[state + 1] - edges[state])
    kmin, kmax = float(mtm["kt_min"]), float(mtm["kt_max"])
    for m in range(12):
        days = month_of_day == m
        for _ in range(4):  # multiplicative rescale with clipping; converges in a few rounds
            mean = (out[:, days] * h0_ref[days]).mean(axis=1)
            out[:, days] = np.clip(out[:, days] * (ghi_norm[m] / mean)[:, None], kmin, kmax)
    return out


def daily_sums(hourly: np.ndarray, year_index: pd.DatetimeIndex) -> np.ndarray:
    """[..., 8760] -> [..., 365] sums per day."""
    return hourly.reshape(hourly.shape[:-1] + (DAYS, 24)).sum(axis=-1)


def synthetic_ghi(kt: np.ndarray, geom: dict, year_index: pd.DatetimeIndex) -> np.ndarray:
    """Hourly GHI (W/m2) [years x locations x 8760]: each day's Kt x H0 spread with the clear-sky shape."""
    from .irradiance import haurwitz_ghi
    cs = haurwitz_ghi(geom["cosz"]) * geom["up"]                       # [L x T], hour means
    h_cs = daily_sums(cs, year_index)                                   # [L x 365] Wh/m2
    h0 = daily_sums(geom["e0"][None, :] * geom["cosz_hour"], year_index)  # [L x 365] Wh/m2
    ratio = np.divide(h0, h_cs, out=np.zeros_like(h0), where=h_cs > 0)  # Kt=1 -> x ratio on the clear-sky shape
    day = day_of_year_index(year_index)
    scale = kt[:, None, :] * ratio[None, :, :]                          # [Y x L x 365]
    return scale[:, :, day] * cs[None, :, :]


def region_temperature(region: str, year_index: pd.DatetimeIndex, rules: dict | None = None) -> np.ndarray:
    r = rules or weather_rules()
    t = np.asarray(r["regions"][region]["temp_day_c"], dtype=float)
    return t[year_index.month.to_numpy() - 1]
