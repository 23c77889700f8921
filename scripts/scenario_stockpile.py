"""A seeded public-private stockpile scenario for Takamatsu: city warehouses, shelters' own stores, partner stores.

THIS IS A SCENARIO, NOT REAL INVENTORY. The city warehouse sites are the city's real 19 branch offices
(Takamatsu open data, branch_office.csv, CC BY 4.0) and the shelters' own stores are real designated shelters
(evacuation_space.csv); every quantity, expiry date, commitment and verification date is drawn from a seeded
random generator so the demo is reproducible. The partner stores are *fictitious* places (a seeded offset of
300-900 m from a real community centre, named 協定店舗NN（シナリオ）) because no open data lists the city's
partner retailers. The pattern follows seed 000 (Miyazaki: retailers keep a committed share of sales inventory
as city stockpile, checked once a year).

The files are written the way a city would keep them, so the demo also exercises the importer: Japanese headers,
lots with 和暦 (令和) and slash dates mixed with ISO dates, case units (箱(2L×6本), 箱(50食)).

Run: cd build/plugins && ../../.venv/bin/python -m sonae.scripts.scenario_stockpile OUT_DIR [--scenario-date ISO]
Writes OUT_DIR/stockpile_items.csv and OUT_DIR/stockpile_sites.csv (UTF-8 with BOM).
"""
from __future__ import annotations

import argparse
import datetime as dt
import os

import numpy as np
import pandas as pd

SEED = 20261123
SCENARIO_DATE = dt.date(2026, 4, 1)
SCENARIO_LABEL = "シナリオ（乱数シード {seed}）: 実在の在庫ではありません / Sonae scenario (seed {seed}): not real inventory"
HERE = os.path.dirname(os.path.abspath(__file__))
TAKAMATSU = os.path.join(HERE, "..", "demo", "data", "takamatsu")

# Scenario choices (not reference figures). Sized so that city + partner stock is of the order of a planning
# target of about 50,000 evacuees for 3 days (an assumption of this scenario, not the city's figure); the demo's
# evacuee estimate (s30, an area-wide upper bound) is far larger, which is the point the demo makes.
WAREHOUSE = {   # item: (unit, lots range, quantity range per lot in that unit)
    "飲料水": ("箱(2L×6本)", (2, 4), (300, 700)),
    "アルファ化米": ("箱(50食)", (2, 4), (100, 200)),
    "携帯トイレ": ("回", (1, 3), (10000, 25000)),
    "乳幼児用紙おむつ": ("枚", (1, 2), (1000, 3000)),
    "毛布": ("枚", (1, 1), (1500, 3500)),
}
SHELTER_STORE = {
    "飲料水": ("L", (1, 2), (150, 600)),
    "アルファ化米": ("食", (1, 2), (200, 800)),
    "携帯トイレ": ("回", (1, 1), (500, 2500)),
    "毛布": ("枚", (1, 1), (50, 200)),
}
PARTNER = {     # item: (unit, committed range, reported/committed ratio range)
    "飲料水": ("L", (1500, 6000), (0.7, 1.6)),
    "クラッカー": ("食", (2000, 8000), (0.7, 1.6)),
    "携帯トイレ": ("回", (500, 3000), (0.6, 1.4)),
    "乳幼児用紙おむつ": ("枚", (300, 1500), (0.8, 1.5)),
}
PERISHABLE = {"飲料水", "アルファ化米", "クラッカー"}
N_SHELTER_STORES = 25
N_PARTNERS = 12


def _date_text(rng, date: dt.date) -> str:
    """Write a date the way spreadsheets do: ISO, slashes, or 令和."""
    style = rng.integers(0, 3)
    if style == 0:
        return date.isoformat()
    if style == 1:
        return f"{date.year}/{date.month}/{date.day}"
    return f"令和{date.year - 2018}年{date.month}月{date.day}日"


def _expiry(rng, scenario: dt.date, months_min=-3, months_max=60) -> dt.date:
    return scenario + dt.timedelta(days=int(rng.integers(months_min * 30, months_max * 30)))


def make_scenario(scenario: dt.date = SCENARIO_DATE, seed: int = SEED) -> tuple[pd.DataFrame, pd.DataFrame]:
    rng = np.random.default_rng(seed)
    label = SCENARIO_LABEL.format(seed=seed)
    branches = pd.read_csv(os.path.join(TAKAMATSU, "branch_office.csv"), dtype=str)
    shelters = pd.read_csv(os.path.join(TAKAMATSU, "evacuation_space.csv"), dtype=str)
    centres = pd.read_csv(os.path.join(TAKAMATSU, "community_center.csv"), dtype=str)
    sites, items = [], []

    def lot_rows(site_id, owner, spec):
        for item, (unit, lots, qrange) in spec.items():
            for _ in range(int(rng.integers(lots[0], lots[1] + 1))):
                exp = _date_text(rng, _expiry(rng, scenario)) if item in PERISHABLE else ""
                items.append({"拠点ID": site_id, "所有区分": owner, "品目": item, "品名": "", "単位": unit,
                              "数量": int(rng.integers(qrange[0], qrange[1] + 1)), "消費期限/賞味期限": exp,
                              "協定数量": "", "確認日": "", "備考": label})

    for i, b in branches.reset_index(drop=True).iterrows():
        sid = f"W{i + 1:02d}"
        sites.append({"拠点ID": sid, "拠点名": f"{b['name']} 備蓄倉庫（シナリオ）", "所有区分": "市", "住所": b["address"],
                      "緯度": b["latitude"], "経度": b["longitude"], "施設ID": "", "備考": label})
        lot_rows(sid, "市", WAREHOUSE)
    pick = rng.choice(len(shelters), size=N_SHELTER_STORES, replace=False)
    for j, k in enumerate(sorted(pick)):
        s = shelters.iloc[k]
        sid = f"S{j + 1:02d}"
        sites.append({"拠点ID": sid, "拠点名": f"{s['name']} 防災倉庫（シナリオ）", "所有区分": "市", "住所": s["address"],
                      "緯度": s["latitude"], "経度": s["longitude"],
                      "施設ID": f"takamatsu_city:evacuation_space:{s['#property']}", "備考": label})
        lot_rows(sid, "市", SHELTER_STORE)
    pick = rng.choice(len(centres), size=N_PARTNERS, replace=False)
    for j, k in enumerate(sorted(pick)):
        c = centres.iloc[k]
        dist = rng.uniform(300, 900)
        bearing = rng.uniform(0, 2 * np.pi)
        lat = float(c["latitude"]) + dist * np.cos(bearing) / 111_000.0
        lon = float(c["longitude"]) + dist * np.sin(bearing) / (111_000.0 * np.cos(np.radians(float(c["latitude"]))))
        sid = f"P{j + 1:02d}"
        sites.append({"拠点ID": sid, "拠点名": f"協定店舗{j + 1:02d}（シナリオ・架空）", "所有区分": "協定事業者", "住所": "",
                      "緯度": f"{lat:.6f}", "経度": f"{lon:.6f}", "施設ID": "", "備考": label})
        verified = scenario - dt.timedelta(days=int(rng.integers(30, 540)))   # some older than 12 months
        for item, (unit, crange, ratio) in PARTNER.items():
            committed = int(rng.integers(crange[0], crange[1] + 1) // 10 * 10)
            reported = int(committed * rng.uniform(*ratio))
            n_lots = int(rng.integers(1, 3))
            shares = rng.dirichlet(np.ones(n_lots))
            for lot in range(n_lots):
                exp = _date_text(rng, _expiry(rng, scenario, -1, 18)) if item in PERISHABLE else ""
                items.append({"拠点ID": sid, "所有区分": "協定事業者", "品目": item, "品名": f"販売在庫{lot + 1}",
                              "単位": unit, "数量": int(round(reported * shares[lot])), "消費期限/賞味期限": exp,
                              "協定数量": committed, "確認日": _date_text(rng, verified), "備考": label})
    items_df = pd.DataFrame(items)
    # lot names so that two lots of one item at one site are never duplicates
    items_df["品名"] = np.where(items_df["品名"] == "",
                              "ロット" + (items_df.groupby(["拠点ID", "品目"]).cumcount() + 1).astype(str), items_df["品名"])
    return pd.DataFrame(sites), items_df


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir")
    parser.add_argument("--scenario-date", default=SCENARIO_DATE.isoformat())
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args(argv)
    sites, items = make_scenario(dt.date.fromisoformat(args.scenario_date), args.seed)
    os.makedirs(args.out_dir, exist_ok=True)
    sites.to_csv(os.path.join(args.out_dir, "stockpile_sites.csv"), index=False, encoding="utf-8-sig")
    items.to_csv(os.path.join(args.out_dir, "stockpile_items.csv"), index=False, encoding="utf-8-sig")
    print(f"{len(sites)} sites, {len(items)} item rows -> {args.out_dir} ({SCENARIO_LABEL.format(seed=args.seed)})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
