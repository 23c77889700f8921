"""Energy model of Sonae (DESIGN.md §4): PV profile, critical loads, REopt-style outage simulation, sizing.

QGIS-free and vectorised. Reference figures live in rules/pv_yield_japan.json, rules/critical_loads.json and
rules/energy_defaults.json (versioned, cited); :func:`load_rules` reads them.
"""
from __future__ import annotations

from ..rules import RULES_DIR, load_rules as _load_rules  # noqa: F401 (RULES_DIR re-exported)

HOURS_PER_YEAR = 8760


def load_rules(name: str) -> dict:
    """A rules file as a dict; ``{"value": x, "_source": ...}`` records are unwrapped to ``x``."""
    return _load_rules(name, unwrap=True)


def energy_defaults() -> dict:
    return load_rules("energy_defaults.json")
