"""The seeded national workload (benchmarks/national_data.py) as per-municipality tasks: the national GSI tables
are split once by the municipality code of their 共通ID (E + 5 digits), each municipality imports its own rows and
samples the national depth raster (reading only the blocks under its facilities)."""
from __future__ import annotations

import json
import os
from collections import defaultdict

from .pipeline import Municipality


def national_municipalities(size: str, out_dir: str) -> list[Municipality]:
    from ..benchmarks.national_data import build
    d = build(size)
    split = os.path.join(out_dir, "_inputs")
    marker = os.path.join(split, "done.json")
    if not os.path.exists(marker):
        os.makedirs(split, exist_ok=True)
        for kind in ("emergency", "evacuation"):
            with open(os.path.join(d, f"gsi_{kind}_national.geojson"), encoding="utf-8") as fh:
                src = json.load(fh)
            groups = defaultdict(list)
            for f in src["features"]:
                groups[f["properties"]["共通ID"][1:6]].append(f)
            for code, feats in groups.items():
                with open(os.path.join(split, f"gsi_{kind}_{code}.geojson"), "w", encoding="utf-8") as fh:
                    json.dump({"type": "FeatureCollection", "name": code, "features": feats}, fh, ensure_ascii=False)
        with open(marker, "w") as fh:
            json.dump({"size": size}, fh)
    codes = sorted({f.split("_")[-1].split(".")[0] for f in os.listdir(split) if f.startswith("gsi_")})
    raster = os.path.join(d, "depth_rank.tif")
    out = []
    for code in codes:
        files = [os.path.join(split, f"gsi_{k}_{code}.geojson") for k in ("emergency", "evacuation")]
        out.append(Municipality(code, [f for f in files if os.path.exists(f)], raster))
    return out
