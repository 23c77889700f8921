"""Shelter demand at scale: capacity-limited assignment vs nearest vs QGIS native:joinbynearest, in one run.

Data (synthetic, seeded, cached under build/bench_data/demand_<size>/): population points around 40 town centres
(normal, sd 3 km) in a 60 km square (JGD2011 / UTM 54N), 1-2 people each; 2,000 stay shelters placed at
population points (shelters stand where people live), capacity 0.5-1.5 x the mean share of 1.3 x the demand.
Sizes: full = 100,000 and 1,000,000 points; --small = 10,000 and 20,000.

Cases per size (each in its own subprocess with a real QgsApplication + Processing; wall time of processing.run):
- native:joinbynearest (1 neighbour; points -> shelters)
- sonae:sheltercatchments ASSIGNMENT=nearest (capacity ignored)
- sonae:sheltercatchments ASSIGNMENT=capacity (minimum-cost flow, every shelter within capacity, 10 km)
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SIZES = {"full": [100_000, 1_000_000], "small": [10_000, 20_000]}
SHELTERS = 2000
TIMEOUT_S = 1800


def build_data(n: int) -> str:
    import geopandas as gpd
    import shapely
    folder = os.path.join(ROOT, "build", "bench_data", f"demand_{n}")
    done = os.path.join(folder, "done.json")
    if os.path.exists(done):
        return folder
    os.makedirs(folder, exist_ok=True)
    rng = np.random.default_rng(20261201)
    x0, y0 = 400000.0, 3900000.0
    centres = rng.uniform(0, 60000, (40, 2))
    xy = centres[rng.integers(0, 40, n)] + rng.normal(0, 3000, (n, 2))
    pop = rng.integers(1, 3, n).astype(float)
    pts = gpd.GeoDataFrame({"pop": pop}, geometry=shapely.points(x0 + xy[:, 0], y0 + xy[:, 1]), crs="EPSG:6691")
    pts.to_file(os.path.join(folder, "points.gpkg"), engine="pyogrio")
    pick = rng.choice(n, SHELTERS, replace=False)
    cap = np.maximum(1, rng.uniform(0.5, 1.5, SHELTERS) * pop.sum() * 1.3 / SHELTERS).astype(int)
    fac = gpd.GeoDataFrame({"id": [f"s{i}" for i in range(SHELTERS)], "designated_shelter": True,
                            "emergency_site": False, "capacity_persons": cap.astype(float)},
                           geometry=shapely.points(x0 + xy[pick, 0], y0 + xy[pick, 1]), crs="EPSG:6691")
    fac.to_file(os.path.join(folder, "shelters.gpkg"), engine="pyogrio")
    with open(done, "w") as fh:
        json.dump({"points": n, "shelters": SHELTERS}, fh)
    return folder


def _params(impl: str, d: str, out: str) -> tuple[str, dict]:
    j = lambda name: os.path.join(d, name)  # noqa: E731
    if impl == "native":
        return "native:joinbynearest", {"INPUT": j("points.gpkg"), "INPUT_2": j("shelters.gpkg"),
                                        "FIELDS_TO_COPY": ["id"], "NEIGHBORS": 1, "OUTPUT": out}
    return "sonae:sheltercatchments", {"FACILITIES": j("shelters.gpkg"), "POPULATION": j("points.gpkg"),
                                       "POPULATION_FIELD": "pop", "EVACUATION_RATE": 1.0, "ASSIGNMENT": impl,
                                       "MAX_DISTANCE_M": 10000, "OUTPUT": out,
                                       "CATCHMENTS": out.replace(".gpkg", "_catch.gpkg")}


def worker(impl: str, d: str) -> dict:
    from .bench_hazard import RssPeak, qgis_processing
    out_dir = os.path.join(d, "out")
    os.makedirs(out_dir, exist_ok=True)
    out = os.path.join(out_dir, f"{impl}.gpkg")
    for f in (out, out.replace(".gpkg", "_catch.gpkg")):
        if os.path.exists(f):
            os.remove(f)
    app, provider, processing = qgis_processing()      # app, provider: kept alive while algorithms run
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback
    alg, params = _params(impl, d, out)
    with RssPeak() as mem:
        t = time.perf_counter()
        res = processing.run(alg, params, feedback=QgsProcessingFeedback(), context=QgsProcessingContext())
        wall = time.perf_counter() - t
    extra = {k: res.get(k) for k in ("EVACUEES_TOTAL", "EVACUEES_UNASSIGNED", "OVER_CAPACITY_SHELTERS") if k in res}
    return {"wall_s": wall, "peak_mb": mem.mb, **extra}


def _spawn(impl: str, d: str) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PROJ_DATA="/usr/share/proj")
    cmd = [sys.executable, "-m", "sonae.benchmarks.bench_demand", "--worker", impl, d]
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=TIMEOUT_S, env=env,
                           cwd=os.path.join(ROOT, "build", "plugins"))
    except subprocess.TimeoutExpired:
        return {"wall_s": float(TIMEOUT_S), "note": f"timed out (> {TIMEOUT_S} s)"}
    lines = [ln for ln in p.stdout.splitlines() if ln.startswith("{")]
    if p.returncode != 0 or not lines:
        return {"wall_s": float("nan"), "note": "failed: " + (p.stderr.strip().splitlines() or ["?"])[-1][:80]}
    return json.loads(lines[-1])


def run(args) -> list[dict]:
    size = "small" if getattr(args, "small", False) else "full"
    rows = []
    for n in SIZES[size]:
        d = build_data(n)
        label = f"{n:,} points -> {SHELTERS:,} shelters"
        res = {}
        for impl, name in (("native", "native:joinbynearest"), ("nearest", "sonae:sheltercatchments nearest"),
                           ("capacity", "sonae:sheltercatchments capacity")):
            print(f"   {label}: {name} ...", flush=True)
            res[impl] = _spawn(impl, d)
            print(f"      {res[impl]}", flush=True)
            r = res[impl]
            note = r.get("note")
            if impl == "capacity" and not note:
                note = (f"min-cost flow; {r.get('EVACUEES_UNASSIGNED', 0):,} of {r.get('EVACUEES_TOTAL', 0):,} "
                        f"unplaced, {r.get('OVER_CAPACITY_SHELTERS', 0)} over capacity")
            ratio = (res["native"]["wall_s"] / r["wall_s"]) if impl != "native" and r.get("wall_s") else None
            rows.append(dict(bench="demand", case=label, impl=name, wall_s=r["wall_s"], peak_mb=r.get("peak_mb"),
                             ratio=ratio, note=note or ("ratio = native / Sonae" if impl != "native" else None)))
    return rows


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--worker":
        result = worker(sys.argv[2], sys.argv[3])
        print(json.dumps(result), flush=True)
        os._exit(0)
    import argparse
    ap = argparse.ArgumentParser()
    ap.add_argument("--small", action="store_true")
    from sonae.benchmarks.run_all import format_table
    print(format_table(run(ap.parse_args())))
