"""Reading the versioned reference data in rules/ (one loader for every module).

Rule files are JSON; a figure may be recorded as ``{"value": x, "_source": "..."}`` so its citation travels with
it. ``unwrap=True`` turns such records into their plain values.
"""
from __future__ import annotations

import json
import os

RULES_DIR = os.path.normpath(os.path.join(os.path.dirname(__file__), "..", "rules"))


def rules_path(name: str) -> str:
    """rules/<name>, or ``name`` itself when it is already a path to a file (a user's own rule file)."""
    return name if os.path.sep in name and os.path.exists(name) else os.path.join(RULES_DIR, name)


def load_rules(name: str, unwrap: bool = False) -> dict:
    with open(rules_path(name), encoding="utf-8") as fh:
        raw = json.load(fh)
    if not unwrap:
        return raw
    return {k: (v["value"] if isinstance(v, dict) and "value" in v else v) for k, v in raw.items()}
