"""Energy model of Sonae (DESIGN.md §4): PV profile, critical loads, REopt-style outage simulation, sizing.

QGIS-free and vectorised. Reference figures live in rules/pv_yield_japan.json, rules/critical_loads.json and
rules/energy_defaults.json (versioned, cited); :func:`load_rules` reads them.
"""
from __future__ import annotations

import json
import os

RULES_DIR = os.path.normpath(os.path.join(os.path.dirname(__file__), "..", "..", "rules"))
HOURS_PER_YEAR = 8760


def load_rules(name: str) -> dict:
    """A rules file as a dict; ``{"value": x, "_source": ...}`` records are unwrapped to ``x``."""
    with open(os.path.join(RULES_DIR, name), encoding="utf-8") as fh:
        raw = json.load(fh)
    return {k: (v["value"] if isinstance(v, dict) and "value" in v else v) for k, v in raw.items()}


def energy_defaults() -> dict:
    return load_rules("energy_defaults.json")
