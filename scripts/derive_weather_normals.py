"""Derive rules/weather_normals_japan.json from the eight 拡張アメダス standard-year files (climate regions 1-8).

Usage: .venv/bin/python -m sonae.scripts.derive_weather_normals DIR_WITH_01_kitami.csv...08_naha.csv
The files (BRI-EES-House/heat_load_calc@63e2ae32 heat_load_calc/expanded_amedas/0N_*.csv) are read, never
bundled: only the monthly normals and the pooled Markov transition matrices derived here go into the rules file.
"""
from __future__ import annotations

import json
import os
import sys

import numpy as np
import pandas as pd

from sonae.engine.energy.pv import year_index
from sonae.engine.energy.solar_geometry import hour_geometry
from sonae.engine.energy.weather import DAYS, daily_sums, read_weather_file

STATIONS = {  # region id: (file, label, lat, lon, 省エネ地域)
    "r1_kitami": ("01_kitami.csv", "北見 Kitami (地域1)", 43.82, 143.90, 1),
    "r2_iwamizawa": ("02_iwamizawa.csv", "岩見沢 Iwamizawa (地域2)", 43.21, 141.79, 2),
    "r3_morioka": ("03_morioka.csv", "盛岡 Morioka (地域3)", 39.70, 141.17, 3),
    "r4_nagano": ("04_nagano.csv", "長野 Nagano (地域4)", 36.66, 138.19, 4),
    "r5_utsunomiya": ("05_utsunomiya.csv", "宇都宮 Utsunomiya (地域5)", 36.55, 139.87, 5),
    "r6_okayama": ("06_okayama.csv", "岡山 Okayama (地域6)", 34.66, 133.92, 6),
    "r7_miyazaki": ("07_miyazaki.csv", "宮崎 Miyazaki (地域7)", 31.94, 131.42, 7),
    "r8_naha": ("08_naha.csv", "那覇 Naha (地域8)", 26.21, 127.69, 8),
}
EDGES = [round(0.08 * i, 2) for i in range(11)]   # 10 Kt states over 0-0.8


def main(folder: str, out_path: str) -> None:
    idx = year_index()
    month = pd.date_range("2023-01-01", periods=DAYS, freq="D").month.to_numpy() - 1
    regions, series = {}, {}
    for rid, (fname, label, lat, lon, zone) in STATIONS.items():
        w = read_weather_file(os.path.join(folder, fname))
        g = hour_geometry([lat], [lon], idx, 0.0, 180.0)
        ghi = w["dni"].to_numpy() * g["cosz"][0] + w["dhi"].to_numpy()
        h = daily_sums(ghi, idx) / 1000.0
        h0 = daily_sums(g["e0"] * g["cosz_hour"][0], idx) / 1000.0
        kt = h / h0
        day_t = np.array([w["temp_air"].to_numpy()[(idx.month.to_numpy() - 1 == m) & (ghi > 0)].mean()
                          for m in range(12)])
        regions[rid] = {
            "label": label, "lat": lat, "lon": lon, "energy_region": zone, "file": fname,
            "ghi_kwh_m2_day": [round(float(h[month == m].mean()), 3) for m in range(12)],
            "kt_monthly": [round(float(kt[month == m].mean()), 4) for m in range(12)],
            "temp_day_c": [round(float(x), 1) for x in day_t],
            "ghi_kwh_m2_year": round(float(h.sum()), 1),
            "lag1_autocorr_kt": round(float(np.corrcoef(kt[:-1], kt[1:])[0, 1]), 3),
            "share_days_kt_below_0_3": round(float((kt < 0.3).mean()), 3),
        }
        series[rid] = kt
    month_kt = np.array([regions[r]["kt_monthly"] for r in regions]).ravel()
    class_edges = [round(float(q), 3) for q in np.quantile(month_kt, [0.25, 0.5, 0.75])]
    nb = len(EDGES) - 1
    counts = np.zeros((len(class_edges) + 1, nb, nb))
    for rid, kt in series.items():
        km = np.array(regions[rid]["kt_monthly"])
        st = np.clip(np.searchsorted(EDGES, kt, side="right") - 1, 0, nb - 1)
        cls = np.searchsorted(class_edges, km[month])
        for d in range(DAYS - 1):
            counts[cls[d], st[d], st[d + 1]] += 1
    mats = []
    for c in range(counts.shape[0]):
        marg = counts[c].sum(axis=0) + 0.5
        marg = marg / marg.sum()
        rows = []
        for i in range(nb):
            n = counts[c, i].sum()
            row = (counts[c, i] + 0.5 * marg) / (n + 0.5) if n > 0 else marg
            rows.append([round(float(x), 4) for x in row / row.sum()])
        mats.append(rows)
    rules = {
        "_about": "Monthly irradiance normals and Markov transition matrices of the daily clearness index for Sonae's synthetic weather years (engine/energy/weather.py). Regions = the 8 climate regions (地域区分) of the Japanese energy-efficiency standard, each represented by its 拡張アメダス standard-year point. Derived by scripts/derive_weather_normals.py; the hourly files themselves are not bundled.",
        "_version": "2026-12-01",
        "_source": [
            "拡張アメダス気象データ 標準年 (日本建築学会 / 気象データシステム), as redistributed by 建築研究所 in BRI-EES-House/heat_load_calc@63e2ae32a69e776e8f7ffabb1f49dc711d01c610 heat_load_calc/expanded_amedas/01_kitami.csv ... 08_naha.csv (one representative point per 省エネ基準 地域区分 1-8): hourly 法線面直達日射 and 水平面天空日射 (W/m2) and 外気温度",
            "GHI = DNI x cos(zenith) + DHI with the hour-integrated solar geometry of engine/energy/solar_geometry.py; daily clearness index Kt = daily GHI / daily extraterrestrial horizontal irradiation",
            "Aguiar, Collares-Pereira & Conde (1988), 'Simple procedure for generating sequences of daily radiation values using a library of Markov transition matrices', Solar Energy 40(3) 269-279: the method (first-order Markov chain of daily Kt, matrices indexed by the month's mean Kt); the matrices here are Sonae's own estimate from the 8 x 365 Japanese standard-year days (pooled by quartile of the monthly mean Kt, 0.5 pseudo-count spread by the class's marginal distribution)",
            "Station coordinates: JMA observation points (approximate, 0.01 degree); Okayama and Miyazaki as in ../shared/data/MANIFEST.md"
        ],
        "regions": regions,
        "markov": {
            "kt_bin_edges": EDGES, "kt_min": 0.02, "kt_max": 0.8,
            "class_edges_monthly_kt": class_edges,
            "_about": "matrices[c][i][j] = P(tomorrow in Kt state j | today in state i) for months whose normal Kt falls in class c (np.searchsorted(class_edges, kt)). Within a state, Kt is uniform between its bin edges.",
            "transitions_counted": [int(counts[c].sum()) for c in range(counts.shape[0])],
            "matrices": mats,
        },
        "default_region": {"value": "auto", "_source": "Sonae: the region whose reference point is nearest to the facility; Sea-of-Japan coasts have cloudier winters than any of the 8 points, so give the local standard-year file (WEATHER_FILE) there"},
        "synthetic_years": {"value": 4, "_source": "Sonae setting: survival shares over 4 synthetic years x 8,760 start hours (35,040 outages per facility); more years = smoother shares, linear cost"},
        "seed": {"value": 20261201, "_source": "Sonae setting: fixed seed so results are reproducible; change it to test sensitivity"},
    }
    with open(out_path, "w", encoding="utf-8") as fh:
        json.dump(rules, fh, ensure_ascii=False, indent=1)
        fh.write("\n")
    for rid, v in regions.items():
        print(rid, v["ghi_kwh_m2_year"], v["lag1_autocorr_kt"], v["share_days_kt_below_0_3"], v["kt_monthly"][:3])
    print(class_edges, [int(counts[c].sum()) for c in range(counts.shape[0])])


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else
         os.path.join(os.path.dirname(__file__), "..", "rules", "weather_normals_japan.json"))
