"""Outage autonomy benchmark: every-start-hour simulation (8,760 outages per facility) over a 72 h outage.

Sonae's simulator (engine/energy/outage.py) steps over the 72 outage hours with numpy arrays of
[facilities x start hours]; the reference is a straightforward per-hour Python loop, one outage at a time (REopt's
method, ``simulate_outage``), on the same inputs. The loop is timed on a subset of facilities and scaled linearly
to the full count (it is linear in facilities: each facility is an independent set of 8,760 loops; the subset is
spread evenly over the seeded set); the two are checked to give identical hours on that subset. Peak memory of
the vectorised run is traced with tracemalloc in a second, untimed run.

Data (synthetic, seeded): 2,000 facilities (``--small``: 200) of the shelter types of rules/critical_loads.json
with 0-1,500 evacuees; PV 0/10/20/30 kW, batteries 0/11.2/15/22.4/30 kWh at 0.5 C, a 10 kW generator with
50 L at 10 % of sites; one clear-sky PV profile for Takamatsu (planning yield), start SoC 0.5.
"""
from __future__ import annotations

import time
import tracemalloc

import numpy as np

SIZES = {"full": dict(facilities=2000, loop_subset=20), "small": dict(facilities=200, loop_subset=5)}
HORIZON = 72


def make_inputs(n: int, seed: int = 20261123):
    from sonae.engine.energy import loads, outage, pv
    rng = np.random.default_rng(seed)
    types = rng.choice(["school", "community_center", "gymnasium", "welfare", "government"], n)
    evacuees = rng.integers(0, 1500, n).astype(float)
    load = loads.critical_load_profiles(types, evacuees)
    prof = pv.profile_per_kwp(34.34, 134.05, "planning")[None, :]
    kwh = rng.choice([0.0, 11.2, 15.0, 22.4, 30.0], n)
    gen = np.where(rng.random(n) < 0.1, 10.0, 0.0)
    a = outage.Assets(rng.choice([0.0, 10.0, 20.0, 30.0], n), kwh, kwh * 0.5, gen, np.where(gen > 0, 50.0, 0.0))
    return load, prof, a


def run(args):
    from sonae.engine.energy.outage import Settings, simulate
    # the same independent per-hour loop the tests trust (tests/test_energy_reference.py)
    from sonae.tests.test_energy_reference import reopt_outage_hours as reopt_loop
    size = "small" if getattr(args, "small", False) else "full"
    cfg = SIZES[size]
    n, k = cfg["facilities"], cfg["loop_subset"]
    load, prof, a = make_inputs(n)
    s = Settings.from_rules()
    t = time.perf_counter()
    hours = simulate(load, prof, a, 0.5, HORIZON, settings=s)
    t_vec = time.perf_counter() - t
    # peak memory of the simulation (numpy allocations, traced in a second run so the timing above is clean)
    tracemalloc.start()
    simulate(load, prof, a, 0.5, HORIZON, settings=s)
    peak_mb = tracemalloc.get_traced_memory()[1] / 2 ** 20
    tracemalloc.stop()
    # the per-hour loop on k facilities spread evenly over the set, every start hour
    sample = np.linspace(0, n - 1, k).astype(int)
    t = time.perf_counter()
    loop_hours = np.empty((k, 8760))
    for j, f in enumerate(sample):
        net = (load[f] - a.pv_kw[f] * prof[0]).tolist()
        for st in range(8760):
            loop_hours[j, st] = reopt_loop(net, st, HORIZON, a.battery_kwh[f], a.battery_kw[f],
                                           0.5 * a.battery_kwh[f], s.roundtrip_efficiency, a.generator_kw[f],
                                           a.fuel_l[f], s.fuel_slope_l_per_kwh, s.fuel_intercept_l_per_h,
                                           s.generator_min_turndown)
    t_loop_subset = time.perf_counter() - t
    same = bool(np.array_equal(loop_hours, hours[sample]))
    t_loop = t_loop_subset * n / k
    case = f"{n} facilities x 8760 starts x {HORIZON} h"
    share72 = float((hours >= 72).mean())
    return [
        {"bench": "energy", "case": case, "impl": "sonae engine (numpy, vectorised)", "wall_s": t_vec,
         "peak_mb": peak_mb,
         "note": f"{1000 * t_vec / n:.2f} ms per facility-year; share of outages surviving 72 h {share72:.2f}"},
        {"bench": "energy", "case": case, "impl": "per-hour Python loop (REopt method)", "wall_s": t_loop,
         "ratio": t_loop / t_vec,
         "note": f"timed on {k} facilities spread over the set ({t_loop_subset:.1f} s), scaled x{n // k}; "
                 f"{1000 * t_loop / n:.0f} ms per facility-year; hours identical on the subset: {same}"},
    ]


if __name__ == "__main__":
    import argparse
    import sys
    p = argparse.ArgumentParser()
    p.add_argument("--small", action="store_true")
    for row in run(p.parse_args(sys.argv[1:])):
        print(row)
