"""A seeded EV scenario for Takamatsu: chargers at the city's 19 branch offices and a city + dealer EV fleet.

THIS IS A SCENARIO, NOT REAL INVENTORY. The sites are real (Takamatsu open data, branch_office.csv, CC BY 4.0);
which of them has a quick charger, a solar carport or a station battery, and the fleet itself, are drawn from a
seeded random generator so the demo is reproducible. The pattern follows the seeds: Miyazaki's donated chargers,
solar carport and battery (seed 000) and Kumamoto's agreement with Nissan dealers to send EVs with external power
feeders to designated shelters (seed 002). Vehicle capacities and feeder kW come from rules/ev_fleet_defaults.json.

Every row carries ``scenario`` = SCENARIO_LABEL.

Run: cd build/plugins && ../../.venv/bin/python -m sonae.scripts.scenario_mobility OUT.gpkg
(writes layers ``chargers`` and ``ev_fleet``).
"""
from __future__ import annotations

import argparse
import os

import geopandas as gpd
import numpy as np
import pandas as pd

from ..engine.travel import load_rules

SEED = 20261122
SCENARIO_LABEL = ("Sonae scenario (seed {seed}): not real inventory / "
                  "シナリオ（乱数シード {seed}）: 実在の設備・車両ではありません")
# Scenario choices (not reference figures): what a mid-sized city might install over a few years.
CHARGER_KW_CHOICES = (6.0, 50.0)          # AC normal charger / CHAdeMO quick charger
QUICK_SHARE = 0.3
PV_KW_CHOICES = (0.0, 10.0, 20.0)
BATTERY_KWH_CHOICES = (0.0, 10.0, 20.0, 40.0)
SOC_RANGE = (0.4, 1.0)
CITY_EV_PER_SITE = (1, 2)                 # 1 or 2 city Leafs per branch office
DEALER_EVS = 10                           # dealer partner vehicles, based at quick-charger sites
DEALER_FEEDER_SHARE = 0.5                 # the rest only have the car's own outlet


def make_chargers(branch_csv: str, seed: int = SEED) -> gpd.GeoDataFrame:
    """Charger sites at the branch offices (EPSG:6668), with scenario equipment."""
    rng = np.random.default_rng(seed)
    offices = pd.read_csv(branch_csv, encoding="utf-8")
    n = len(offices)
    quick = rng.random(n) < QUICK_SHARE
    frame = pd.DataFrame({
        "id": [f"BR{int(p):02d}" for p in offices["#property"]],
        "name": offices["name"].astype(str),
        "address": offices["address"].astype(str),
        "charger_kw": np.where(quick, CHARGER_KW_CHOICES[1], CHARGER_KW_CHOICES[0]),
        "connector": np.where(quick, "CHAdeMO", "AC 200V"),
        "pv_carport_kw": rng.choice(PV_KW_CHOICES, n),
        "station_battery_kwh": rng.choice(BATTERY_KWH_CHOICES, n),
        "soc": np.round(rng.uniform(*SOC_RANGE, n), 2),
        "owner": "city",
        "scenario": SCENARIO_LABEL.format(seed=seed),
    })
    return gpd.GeoDataFrame(frame, geometry=gpd.points_from_xy(offices["longitude"], offices["latitude"]),
                            crs="EPSG:6668")


def make_fleet(chargers: pd.DataFrame, seed: int = SEED, rules: dict | None = None) -> pd.DataFrame:
    """City Leaf 40s at every branch office and dealer Leaf e+ 62s at the quick-charger sites (a table)."""
    rules = rules or load_rules()
    rng = np.random.default_rng(seed + 1)
    leaf40 = rules["vehicles"]["nissan_leaf_40"]["battery_kwh"]
    leaf62 = rules["vehicles"]["nissan_leaf_62"]["battery_kwh"]
    feeder, outlet = rules["v2l_kw_default"], rules["v2l_kw_car_outlet"]
    rows = []
    for site in chargers["id"]:
        for k in range(int(rng.integers(CITY_EV_PER_SITE[0], CITY_EV_PER_SITE[1] + 1))):
            rows.append({"vehicle_id": f"CITY-{site}-{k + 1}", "home_site": site, "battery_kwh": leaf40,
                         "usable_fraction": None, "v2l_kw": feeder, "owner": "city", "model": "Nissan Leaf 40 kWh"})
    quick_sites = chargers.loc[chargers["charger_kw"] >= CHARGER_KW_CHOICES[1], "id"].tolist() or \
        chargers["id"].tolist()
    for k in range(DEALER_EVS):
        rows.append({"vehicle_id": f"DEALER-{k + 1:02d}", "home_site": quick_sites[k % len(quick_sites)],
                     "battery_kwh": leaf62, "usable_fraction": None,
                     "v2l_kw": feeder if rng.random() < DEALER_FEEDER_SHARE else outlet,
                     "owner": "dealer", "model": "Nissan Leaf e+ 62 kWh"})
    fleet = pd.DataFrame(rows)
    fleet["usable_fraction"] = fleet["usable_fraction"].astype(float)   # empty -> rules default
    fleet["scenario"] = SCENARIO_LABEL.format(seed=seed)
    return fleet


def write(path: str, chargers: gpd.GeoDataFrame, fleet: pd.DataFrame) -> None:
    """Write layers ``chargers`` (points) and ``ev_fleet`` (table) into a GeoPackage, replacing them."""
    import pyogrio
    pyogrio.write_dataframe(chargers, path, layer="chargers", driver="GPKG")
    pyogrio.write_dataframe(fleet, path, layer="ev_fleet", driver="GPKG")


def main(argv=None) -> int:
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", help="GeoPackage to write (layers chargers, ev_fleet)")
    parser.add_argument("--branch-csv", default=os.path.join(here, "demo", "data", "takamatsu", "branch_office.csv"))
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args(argv)
    chargers = make_chargers(args.branch_csv, args.seed)
    fleet = make_fleet(chargers, args.seed)
    write(args.out, chargers, fleet)
    print(f"{len(chargers)} chargers, {len(fleet)} vehicles -> {args.out} ({SCENARIO_LABEL.format(seed=args.seed)})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
