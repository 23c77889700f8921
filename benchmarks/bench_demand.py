"""Shelter demand at scale: capacity-limited assignment vs nearest vs QGIS native:joinbynearest, in one run.

Data (synthetic, seeded, cached under build/bench_data/demand_<size>/): population points around 40 town centres
(normal, sd 3 km) in a 60 km square (JGD2011 / UTM 54N), 1-2 people each; 2,000 stay shelters placed at
population points (shelters stand where people live), capacity 0.5-1.5 x the mean share of 1.3 x the demand.
Sizes: full = 100,000 and 1,000,000 points; --small = 10,000 and 20,000; ``--sizes N ...`` any (run on its own:
``python -m sonae.benchmarks.bench_demand --sizes 100000 1000000 --impls native nearest --repeat 3 --stages``).

Cases per size (each in its own subprocess with a real QgsApplication + Processing; wall time of processing.run):
- native:joinbynearest (1 neighbour; points -> shelters)
- sonae:sheltercatchments ASSIGNMENT=nearest (capacity ignored)
- sonae:sheltercatchments ASSIGNMENT=capacity (minimum-cost flow, every shelter within capacity, 10 km)
Run on its own, ``--repeat N`` runs native and Sonae interleaved and keeps the best of N (capacity once);
``--stages`` adds Sonae's stage times (reading, catchments(), each output's writing, the rest) to the note;
``--warm`` times a second run in the same process (imports done, as from the second run of a QGIS session).
Through run_all (make bench) every case runs once, as before.
"""
from __future__ import annotations

import json
import os
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


STAGES = (("read", "read_source"), ("catchments", "catchments"), ("write", "write_frame"))


def _time_stages(module, times: dict) -> None:
    """Wrap the adapter's reading, engine and writing calls so each run reports where its time went."""
    for label, name in STAGES:
        real = getattr(module, name)

        def timed(*a, _real=real, _label=label, **k):
            t = time.perf_counter()
            try:
                return _real(*a, **k)
            finally:
                key = f"write {a[2].lower()}" if _label == "write" else _label
                times[key] = times.get(key, 0.0) + time.perf_counter() - t
        setattr(module, name, timed)


def worker(impl: str, d: str, stages: bool = False, warm: bool = False) -> dict:
    from .bench_hazard import RssPeak, qgis_processing
    out_dir = os.path.join(d, "out")
    os.makedirs(out_dir, exist_ok=True)
    out = os.path.join(out_dir, f"{impl}.gpkg")
    for f in (out, out.replace(".gpkg", "_catch.gpkg")):
        if os.path.exists(f):
            os.remove(f)
    app, provider, processing = qgis_processing()      # app, provider: kept alive while algorithms run
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback
    times: dict = {}
    if stages and impl != "native":
        from ..processing_algorithms import shelter_catchments
        _time_stages(shelter_catchments, times)
    alg, params = _params(impl, d, out)
    if warm:        # a first, untimed run in the same process: what a QGIS session sees from its second run on
        processing.run(alg, params, feedback=QgsProcessingFeedback(), context=QgsProcessingContext())
        for f in (out, out.replace(".gpkg", "_catch.gpkg")):
            if os.path.exists(f):
                os.remove(f)
        times.clear()
    import resource                                   # Unix only, like the rest of the benchmarks
    with RssPeak() as mem:
        cpu0 = resource.getrusage(resource.RUSAGE_SELF)
        t = time.perf_counter()
        res = processing.run(alg, params, feedback=QgsProcessingFeedback(), context=QgsProcessingContext())
        wall = time.perf_counter() - t
        cpu1 = resource.getrusage(resource.RUSAGE_SELF)
    cpu = (cpu1.ru_utime - cpu0.ru_utime) + (cpu1.ru_stime - cpu0.ru_stime)   # all threads of this process
    extra = {k: res.get(k) for k in ("EVACUEES_TOTAL", "EVACUEES_UNASSIGNED", "OVER_CAPACITY_SHELTERS") if k in res}
    if times:
        times["rest"] = wall - sum(times.values())
        extra["stages"] = {k: round(v, 2) for k, v in times.items()}
    return {"wall_s": wall, "cpu_s": round(cpu, 2), "peak_mb": mem.mb, **extra}


def _spawn(impl: str, d: str, stages: bool = False, warm: bool = False) -> dict:
    from .bench_hazard import spawn_worker
    return spawn_worker("sonae.benchmarks.bench_demand", [impl, d] + (["--stages"] if stages else [])
                        + (["--warm"] if warm else []), TIMEOUT_S)


IMPLS = (("native", "native:joinbynearest"), ("nearest", "sonae:sheltercatchments nearest"),
         ("capacity", "sonae:sheltercatchments capacity"))


def run(args) -> list[dict]:
    size = "small" if getattr(args, "small", False) else "full"
    sizes = getattr(args, "sizes", None) or SIZES[size]
    impls = [(i, name) for i, name in IMPLS if i in (getattr(args, "impls", None) or dict(IMPLS))]
    repeat = max(1, int(getattr(args, "demand_repeat", 1) or 1))
    stages = bool(getattr(args, "stages", False))
    warm = bool(getattr(args, "warm", False))
    rows = []
    for n in sizes:
        d = build_data(n)
        label = f"{n:,} points -> {SHELTERS:,} shelters"
        res: dict = {}
        for rep in range(repeat):                   # interleaved: native, nearest, (capacity once), native, ...
            for impl, name in impls:
                if impl == "capacity" and rep > 0:
                    continue
                print(f"   {label}: {name} (run {rep + 1}/{repeat}) ...", flush=True)
                r = _spawn(impl, d, stages, warm)
                print(f"      {r}", flush=True)
                best = res.get(impl)
                if best is None or (r.get("wall_s") or float("inf")) < (best.get("wall_s") or float("inf")):
                    res[impl] = r
        for impl, name in impls:
            r = res[impl]
            note = r.get("note")
            if impl == "capacity" and not note:
                note = (f"min-cost flow; {r.get('EVACUEES_UNASSIGNED', 0):,} of {r.get('EVACUEES_TOTAL', 0):,} "
                        f"unplaced, {r.get('OVER_CAPACITY_SHELTERS', 0)} over capacity")
            base = res.get("native", {}).get("wall_s")
            ratio = (base / r["wall_s"]) if impl != "native" and base and r.get("wall_s") else None
            if not note and impl != "native":
                note = "ratio = native / Sonae"
            if repeat > 1 and impl != "capacity":
                note = f"best of {repeat}, interleaved" + (f"; {note}" if note else "")
            if warm:
                note = "warm (second run in the same process)" + (f"; {note}" if note else "")
            if r.get("cpu_s") is not None:
                note = (note + "; " if note else "") + f"cpu {r['cpu_s']:.2f} s"
            if r.get("stages"):
                note = (note + "; " if note else "") + ", ".join(f"{k} {v:.2f} s" for k, v in r["stages"].items())
            rows.append(dict(bench="demand", case=label, impl=name, wall_s=r["wall_s"], peak_mb=r.get("peak_mb"),
                             ratio=ratio, note=note))
    return rows


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--worker":
        result = worker(sys.argv[2], sys.argv[3], stages="--stages" in sys.argv[4:], warm="--warm" in sys.argv[4:])
        print(json.dumps(result), flush=True)
        os._exit(0)
    import argparse
    ap = argparse.ArgumentParser()
    ap.add_argument("--small", action="store_true")
    ap.add_argument("--sizes", type=int, nargs="+", help="numbers of population points (default 100000 1000000)")
    ap.add_argument("--impls", nargs="+", choices=[i for i, _ in IMPLS], help="cases to run (default all three)")
    ap.add_argument("--repeat", dest="demand_repeat", type=int, default=1,
                    help="native and Sonae interleaved, best of N (capacity runs once)")
    ap.add_argument("--stages", action="store_true", help="Sonae's stage times in the note")
    ap.add_argument("--warm", action="store_true",
                    help="time a second run in the same process (imports and caches warm, as in a QGIS session)")
    from sonae.benchmarks.run_all import format_table
    print(format_table(run(ap.parse_args())))
