"""The capacity-limited assignment engine alone (no QGIS, no I/O): engine.assignment.capacity_flow on the
population points of bench_demand's generator (same seed: 40 town centres, sd 3 km, 1-2 people per point,
2,000 shelters at population points, capacity 1.3 x demand, 10 km), timed, with the solver's statistics.

    python -m sonae.benchmarks.bench_assignment_engine 100000 1000000 [--engine network|highs]

Prints one line per size: wall seconds, peak memory of the process so far, person-metres, unplaced people,
shelters above capacity, and the engine's rounds / pivots / active zones.
"""
from __future__ import annotations

import argparse
import resource
import time

import numpy as np


def points(n: int):
    rng = np.random.default_rng(20261201)          # bench_demand.build_data's draws, in the same order
    centres = rng.uniform(0, 60000, (40, 2))
    xy = centres[rng.integers(0, 40, n)] + rng.normal(0, 3000, (n, 2))
    pop = rng.integers(1, 3, n)
    pick = rng.choice(n, 2000, replace=False)
    cap = np.maximum(1, rng.uniform(0.5, 1.5, 2000) * pop.sum() * 1.3 / 2000).astype(np.int64)
    return xy, pop, xy[pick], cap


def main(argv=None):
    from sonae.engine.assignment import capacity_flow
    ap = argparse.ArgumentParser()
    ap.add_argument("sizes", type=int, nargs="+")
    ap.add_argument("--engine", choices=["network", "highs"], default=None)
    args = ap.parse_args(argv)
    for n in args.sizes:
        xy, pop, sxy, cap = points(n)
        t = time.perf_counter()
        flow = capacity_flow(pop, xy, sxy, cap, max_distance=10000.0, k=8, engine=args.engine)
        wall = time.perf_counter() - t
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        st = flow.stats
        print(f"{n:,} points: {wall:.2f} s, peak {peak:,.0f} MB, {float(flow.people @ flow.distance):,.3f} "
              f"person-metres, {int(flow.unassigned.sum()):,} unplaced, {int((flow.load > cap).sum())} above "
              f"capacity; engine {st['engine']}, rounds {st['rounds']}, pivots {st.get('pivots')}, active zones "
              f"{st.get('active_zones')}, certified {st['certified']}", flush=True)


if __name__ == "__main__":
    main()
