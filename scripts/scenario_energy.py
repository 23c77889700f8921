"""Seeded energy scenario for the Takamatsu demo: PV, batteries and generators at designated shelters.

THIS IS A SCENARIO, NOT AN INVENTORY. Takamatsu publishes no list of shelter PV and batteries; the equipment below
is drawn with a fixed seed from the scenario definition in this file (typical sizes of MoE-subsidised shelter
systems, seed 003: Sendai 10 kW + 11.2 kWh, Kochi 61.6 kW + 67.6 kWh) so the demo shows a realistic mix of
sites with and without equipment. Every row carries the label in ``scenario``.

Use from Python (``make_scenario(shelters)``) or the command line:
  cd build/plugins && ../../.venv/bin/python -m sonae.scripts.scenario_energy \
      --gpkg /work/main/demo_output/sonae_demo.gpkg --layer shelters --out energy_assets
"""
from __future__ import annotations

import argparse

import numpy as np
import pandas as pd

SEED = 20261123
LABEL = "Sonae demo scenario (seed 20261123): not real equipment / デモ用シナリオ（実在の設備ではありません）"

# Scenario definition per facility type: probability of PV and its kW choices, probability of a battery and its kWh
# choices, a generator (kW, fuel L) or none, normal-time annual use (kWh, +-30 %).
SCENARIO = {
    "school": dict(p_pv=0.7, pv=[10, 15, 20, 30], p_batt=0.5, batt=[11.2, 15.0, 16.4, 22.4], gen=None, normal=80_000),
    "high_school": dict(p_pv=0.7, pv=[20, 30], p_batt=0.5, batt=[15.0, 22.4], gen=None, normal=150_000),
    "gymnasium": dict(p_pv=0.5, pv=[10, 20], p_batt=0.4, batt=[11.2, 15.0], gen=None, normal=40_000),
    "community_center": dict(p_pv=0.5, pv=[5, 10], p_batt=0.4, batt=[5.6, 11.2], gen=None, normal=30_000),
    "government": dict(p_pv=1.0, pv=[20, 30], p_batt=1.0, batt=[30.0], gen=(20.0, 200.0), normal=300_000),
    "welfare": dict(p_pv=1.0, pv=[10], p_batt=1.0, batt=[15.0], gen=None, normal=150_000),
    "default": dict(p_pv=0.2, pv=[5], p_batt=0.1, batt=[5.6], gen=None, normal=20_000),
}
P_SOC_MONITORED = 0.6       # share of batteries reporting a state of charge
SOC_RANGE = (0.2, 1.0)      # monitored SoC drawn uniformly, rounded to 0.05


def make_scenario(shelters: pd.DataFrame, id_field: str = "id", type_field: str = "facility_type",
                  seed: int = SEED) -> pd.DataFrame:
    """energy_assets rows (facility_id + equipment) for every shelter; sites without equipment get zeros."""
    rng = np.random.default_rng(seed)
    rows = []
    for _, sh in shelters.sort_values(id_field).iterrows():
        spec = SCENARIO.get(str(sh.get(type_field)), SCENARIO["default"])
        pv = float(rng.choice(spec["pv"])) if rng.random() < spec["p_pv"] else 0.0
        batt = float(rng.choice(spec["batt"])) if rng.random() < spec["p_batt"] else 0.0
        soc = round(float(rng.uniform(*SOC_RANGE)) * 20) / 20 if batt > 0 and rng.random() < P_SOC_MONITORED \
            else np.nan
        gen_kw, fuel = spec["gen"] if spec["gen"] else (0.0, 0.0)
        normal = round(spec["normal"] * float(rng.uniform(0.7, 1.3)), -2)
        rows.append({"facility_id": str(sh[id_field]), "name": sh.get("name"), "pv_kw": pv, "battery_kwh": batt,
                     "battery_kw": batt * 0.5 if batt > 0 else np.nan, "battery_soc": soc, "generator_kw": gen_kw,
                     "fuel_l": fuel, "normal_kwh_year": normal, "scenario": LABEL})
    return pd.DataFrame(rows)


def main(argv=None):
    import pyogrio
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--gpkg", required=True)
    p.add_argument("--layer", default="shelters")
    p.add_argument("--out", default="energy_assets")
    p.add_argument("--seed", type=int, default=SEED)
    a = p.parse_args(argv)
    shelters = pyogrio.read_dataframe(a.gpkg, layer=a.layer, read_geometry=False)
    table = make_scenario(shelters, seed=a.seed)
    pyogrio.write_dataframe(table, a.gpkg, layer=a.out, driver="GPKG")
    print(f"{len(table)} rows -> {a.gpkg}|{a.out}: PV at {int((table.pv_kw > 0).sum())}, batteries at "
          f"{int((table.battery_kwh > 0).sum())} sites ({LABEL})")


if __name__ == "__main__":
    main()
