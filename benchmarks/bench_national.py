"""`make bench-national`: the national chain on the seeded workload of benchmarks/national_data.py, step by step,
each step in its own process with its wall time and peak resident memory (/usr/bin/time -v).

    import     qgis_process run sonae:importshelters   110,000 GSI rows -> 100,000 facilities
    hazard     qgis_process run sonae:hazardexposure   100,000 facilities x 20,000^2 depth-rank raster
    exposed    qgis_process run sonae:exposedpopulation 380,000 1-km mesh cells x the same raster
    catchments qgis_process run sonae:sheltercatchments 1,000,000 population points -> 100,000 facilities
    outage     engine (python): every start hour of the year x 72 h for all 100,000 facilities, evacuees from the
               catchments, critical loads and PV built chunk by chunk (outage.RowsProduct), PV per 1-degree cell

Run with ``--small`` for a quick check (11,000 rows, 2,000^2 raster). Prints one table (and returns rows for
benchmarks/run_all.py when called as a bench module with ``--national``).
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
PLUGINS = os.path.join(ROOT, "build", "plugins")
TIMEOUT_S = 1800


def qgis_env(home: str) -> dict:
    env = dict(os.environ)
    xdg = tempfile.mkdtemp(prefix="xdg-")
    os.chmod(xdg, 0o700)
    env.update({"HOME": home, "QGIS_PLUGINPATH": PLUGINS, "QT_QPA_PLATFORM": "offscreen", "XDG_RUNTIME_DIR": xdg,
                "PROJ_DATA": "/usr/share/proj",
                "PATH": os.path.join(ROOT, ".venv", "bin") + os.pathsep + env.get("PATH", "")})
    return env


def timed(cmd: list, env: dict, stdin: str | None = None, cwd: str | None = None) -> dict:
    """Run ``cmd`` under /usr/bin/time -v: wall seconds, peak RSS (MB), return code, last stderr line."""
    t = time.perf_counter()
    p = subprocess.run(["/usr/bin/time", "-v", *cmd], env=env, input=stdin, capture_output=True, text=True,
                       timeout=TIMEOUT_S, cwd=cwd)
    wall = time.perf_counter() - t
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", p.stderr)
    user = re.search(r"User time \(seconds\): ([\d.]+)", p.stderr)
    system = re.search(r"System time \(seconds\): ([\d.]+)", p.stderr)
    cpu = float(user.group(1)) + float(system.group(1)) if user and system else None
    err = [ln for ln in p.stderr.splitlines() if ln.strip() and not ln.startswith("\t")]
    return {"wall_s": wall, "cpu_s": cpu, "peak_mb": int(m.group(1)) / 1024 if m else None, "rc": p.returncode,
            "stdout": p.stdout, "err": (err[-1] if err else "")[:160]}


def qgis_run(alg: str, params: dict, home: str) -> dict:
    env = qgis_env(home)
    subprocess.run(["qgis_process", "plugins", "enable", "sonae"], env=env, capture_output=True, timeout=120)
    return timed(["qgis_process", "run", alg, "--json", "-"], env, stdin=json.dumps({"inputs": params}))


def chain(size: str, out: str) -> list[dict]:
    from .national_data import SIZES, build
    d = build(size)
    cfg = SIZES[size]
    os.makedirs(out, exist_ok=True)
    home = os.path.join(out, "home")
    os.makedirs(home, exist_ok=True)
    j = lambda name: os.path.join(d, name)  # noqa: E731
    o = lambda name: os.path.join(out, name)  # noqa: E731
    for f in os.listdir(out):
        if f.endswith(".gpkg"):
            os.remove(o(f))
    n_rows = cfg["emergency"] + cfg["evacuation"]
    steps = [
        ("import", f"{n_rows:,} GSI rows -> facilities", "sonae:importshelters",
         {"INPUTS": [j("gsi_emergency_national.geojson"), j("gsi_evacuation_national.geojson")],
          "OUTPUT": o("facilities.gpkg")}),
        ("hazard", f"facilities x {cfg['side']:,}^2 raster", "sonae:hazardexposure",
         {"FACILITIES": o("facilities.gpkg"), "HAZARD": j("depth_rank.tif"), "HAZARD_TYPE": 0, "VALUE_KIND": 1,
          "RADIUS_M": 0, "OUTPUT": o("facilities_hazard.gpkg")}),
        ("exposed", f"{cfg['meshes']:,} 1-km mesh cells x raster", "sonae:exposedpopulation",
         {"POPULATION": j("mesh.gpkg"), "POPULATION_FIELD": "pop", "ZONE_ID_FIELD": "mesh_code",
          "HAZARD": j("depth_rank.tif"), "VALUE_KIND": 1, "OUTPUT": o("exposed_population.gpkg")}),
        ("catchments", f"{cfg['points']:,} points -> facilities", "sonae:sheltercatchments",
         {"FACILITIES": o("facilities_hazard.gpkg"), "POPULATION": j("points.gpkg"), "POPULATION_FIELD": "pop",
          "OUTPUT": o("shelters.gpkg"), "CATCHMENTS": o("population_catchment.gpkg")}),
    ]
    rows = []
    for name, case, alg, params in steps:
        print(f"   {name}: {alg} ...", flush=True)
        r = qgis_run(alg, params, home)
        note = (f"qgis_process; cpu {r['cpu_s']:.1f} s" if r["rc"] == 0 else f"FAILED rc={r['rc']}: {r['err']}")
        print(f"      {r['wall_s']:.1f} s, {r['peak_mb'] or 0:.0f} MB {'' if r['rc'] == 0 else note}", flush=True)
        rows.append(dict(bench="national", case=case, impl=alg, wall_s=r["wall_s"], peak_mb=r["peak_mb"], note=note,
                         cpu_s=r["cpu_s"]))
        if r["rc"] != 0:
            break
    else:
        print("   outage: engine ...", flush=True)
        env = dict(os.environ, PROJ_DATA="/usr/share/proj")
        r = timed([sys.executable, "-m", "sonae.benchmarks.bench_national", "--outage-step", o("shelters.gpkg")], env,
                  cwd=PLUGINS)
        info = [ln for ln in r["stdout"].splitlines() if ln.startswith("{")]
        extra = json.loads(info[-1]) if info else {}
        note = (f"engine in a python process; cpu {r['cpu_s']:.1f} s; {extra.get('facilities', '?'):,} facilities, "
                f"inputs {extra.get('prepare_s', float('nan')):.1f} s, simulation "
                f"{extra.get('simulate_s', float('nan')):.1f} s ({extra.get('engine', '?')})" if r["rc"] == 0
                else f"FAILED rc={r['rc']}: {r['err']}")
        print(f"      {r['wall_s']:.1f} s, {r['peak_mb'] or 0:.0f} MB; {note}", flush=True)
        rows.append(dict(bench="national", case="all facilities x 8760 starts x 72 h", impl="outage (engine)",
                         wall_s=r["wall_s"], peak_mb=r["peak_mb"], note=note, cpu_s=r["cpu_s"]))
    total = sum(r["wall_s"] for r in rows)
    peak = max((r["peak_mb"] or 0) for r in rows)
    cpu = sum(r.get("cpu_s") or 0 for r in rows)
    rows.append(dict(bench="national", case="whole chain", impl="import -> hazard -> exposed -> catchments -> outage",
                     wall_s=total, peak_mb=peak,
                     note=f"cpu {cpu:.0f} s in all; goal < 60 s, < 8 GB per step; peak = max over steps"))
    return rows


def outage_step(shelters_path: str) -> dict:
    """Outage autonomy for every facility of the chain's shelters table (evacuees from the catchments)."""
    import numpy as np
    import pyogrio
    from sonae.engine.energy import loads, outage, pv
    t0 = time.perf_counter()
    fr = pyogrio.read_dataframe(shelters_path, columns=["id", "facility_type", "evacuees"])
    n = len(fr)
    rng = np.random.default_rng(20261201)
    ev = np.nan_to_num(fr["evacuees"].to_numpy(dtype=float))
    ftype = fr["facility_type"].fillna("other").astype(str).to_numpy()
    items, counts = loads.item_counts(ftype, ev)
    _, prof = loads.item_daily_profiles()
    load = outage.RowsProduct(counts, prof)
    lon, lat = fr.geometry.x.to_numpy(), fr.geometry.y.to_numpy()
    cell = np.floor(lat).astype(int) * 1000 + np.floor(lon).astype(int)
    uniq, inv = np.unique(cell, return_inverse=True)
    profs = np.stack([pv.profile_per_kwp((u // 1000) + 0.5, (u % 1000) + 0.5, "planning") for u in uniq])
    pv_rows = outage.RowsProduct(None, profs, inv)
    kwh = rng.choice([0.0, 11.2, 15.0, 22.4, 30.0], n)
    gen = np.where(rng.random(n) < 0.1, 10.0, 0.0)
    a = outage.Assets(rng.choice([0.0, 10.0, 20.0, 30.0], n), kwh, kwh * 0.5, gen, np.where(gen > 0, 50.0, 0.0))
    t1 = time.perf_counter()
    stats = outage.simulate_summary(load, pv_rows, a, 0.5, 72, [24, 72])
    t2 = time.perf_counter()
    return {"facilities": n, "prepare_s": t1 - t0, "simulate_s": t2 - t1, "pv_cells": len(uniq),
            "engine": "numba" if outage.use_numba(None) else "numpy",
            "share_72h_mean": float(np.nanmean(stats["share_72h"]))}


def national_pairs(size: str, repeat: int) -> list[dict]:
    """Native vs Sonae through qgis_process on the national data, interleaved, best of ``repeat``: sampling the
    20,000^2 raster at the 100,000 facilities, zonal statistics over the 380,000 mesh cells."""
    from .bench_hazard import pair_rows
    from .national_data import SIZES, build
    d = build(size)
    cfg = SIZES[size]
    out = os.path.join(ROOT, "build", "bench_data", f"national_{size}_out")
    os.makedirs(out, exist_ok=True)
    home = os.path.join(out, "home")
    os.makedirs(home, exist_ok=True)
    fac = os.path.join(out, "facilities.gpkg")
    if not os.path.exists(fac):
        r = qgis_run("sonae:importshelters", {"INPUTS": [os.path.join(d, "gsi_emergency_national.geojson"),
                                                         os.path.join(d, "gsi_evacuation_national.geojson")],
                                              "OUTPUT": fac}, home)
        if r["rc"] != 0:
            return [dict(bench="national", case="import", impl="sonae:importshelters", wall_s=r["wall_s"],
                         note=f"FAILED: {r['err']}")]
    raster = os.path.join(d, "depth_rank.tif")
    mesh = os.path.join(d, "mesh.gpkg")
    cases = {
        "sample": {"native": ("native:rastersampling", {"INPUT": fac, "RASTERCOPY": raster, "COLUMN_PREFIX": "flood_"}),
                   "sonae": ("sonae:hazardexposure", {"FACILITIES": fac, "HAZARD": raster, "HAZARD_TYPE": 0,
                                                      "VALUE_KIND": 1, "RADIUS_M": 0})},
        "zonal": {"native": ("native:zonalstatisticsfb", {"INPUT": mesh, "INPUT_RASTER": raster, "RASTER_BAND": 1,
                                                         "COLUMN_PREFIX": "z_", "STATISTICS": [0, 1, 2, 6]}),
                  "sonae": ("sonae:exposedpopulation", {"POPULATION": mesh, "POPULATION_FIELD": "pop",
                                                        "ZONE_ID_FIELD": "mesh_code", "HAZARD": raster,
                                                        "VALUE_KIND": 1})},
    }
    rows = []
    labels = {"sample": f"sampling {cfg['side']:,}^2 national raster at the import's facilities",
              "zonal": f"zonal, {cfg['meshes']:,} national 1-km mesh cells x {cfg['side']:,}^2 raster"}
    goals = {"sample": ">= 1.0x (never slower)", "zonal": ">= 2x"}
    for case, impls in cases.items():
        best = {}
        for k in range(repeat):
            for impl, (alg, params) in impls.items():
                dest = os.path.join(out, f"pair_{case}_{impl}.gpkg")
                if os.path.exists(dest):
                    os.remove(dest)
                r = qgis_run(alg, dict(params, OUTPUT=dest), home)
                res = {"wall_s": r["wall_s"] if r["rc"] == 0 else float("nan"), "peak_mb": r["peak_mb"],
                       "cpu_s": r["cpu_s"],
                       "note": None if r["rc"] == 0 else f"failed: {r['err']}"}
                print(f"      national {case} {impl}: {res}", flush=True)
                if impl not in best or res["wall_s"] < best[impl]["wall_s"]:
                    best[impl] = res
        rows += pair_rows("national", labels[case], best, impls["native"][0], impls["sonae"][0],
                          f"qgis_process, best of {repeat}", goals[case])
    return rows


def run(args) -> list[dict]:
    """Bench module entry: native vs Sonae on the national data when it has been built (make bench-national
    builds it), and the whole chain with --national."""
    size = "small" if getattr(args, "small", False) else "full"
    from .national_data import folder_for
    built = os.path.exists(os.path.join(folder_for(size), "done.json"))
    if not built and not getattr(args, "national", False):
        return [dict(bench="national", case="national data not built", impl="-", wall_s=float("nan"),
                     note="run make bench-national once (builds build/bench_data/national_*)")]
    repeat = getattr(args, "repeat", None) or 3
    rows = national_pairs(size, repeat)
    if getattr(args, "national", False):
        rows += chain(size, os.path.join(ROOT, "build", "bench_data", f"national_{size}_out"))
    return rows


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--outage-step":
        print(json.dumps(outage_step(sys.argv[2])), flush=True)
        sys.exit(0)
    import argparse
    ap = argparse.ArgumentParser()
    ap.add_argument("--small", action="store_true")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--chain-only", action="store_true", help="only the chain (no native vs Sonae pairs)")
    a = ap.parse_args()
    a.national = True
    if a.chain_only:
        size = "small" if a.small else "full"
        from sonae.benchmarks.run_all import format_table
        print(format_table(chain(size, os.path.join(ROOT, "build", "bench_data", f"national_{size}_out"))))
        sys.exit(0)
    from sonae.benchmarks.run_all import format_table
    print(format_table(run(a)))
