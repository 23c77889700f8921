"""CLI: python -m sonae.batch {cities,national} --out DIR [--scheduler ADDR | --workers N | --serial]"""
from __future__ import annotations

import argparse
import os
import sys
import time


def main(argv=None) -> int:
    from .pipeline import shared_cities
    from .runner import run
    p = argparse.ArgumentParser(prog="python -m sonae.batch", description=__doc__)
    p.add_argument("what", choices=["cities", "national"],
                   help="cities: every shared city (../shared/data); national: the seeded national workload")
    p.add_argument("--data", default=os.environ.get("SONAE_SHARED", "/work/shared") + "/data",
                   help="shared data folder (cities)")
    p.add_argument("--size", choices=["small", "full"], default="small", help="national workload size")
    p.add_argument("--out", required=True, help="output folder: <municipality>.gpkg + summary.csv")
    p.add_argument("--scheduler", help="Dask scheduler address (tcp://host:8786); default: a LocalCluster")
    p.add_argument("--workers", type=int, default=2, help="LocalCluster worker processes (default 2)")
    p.add_argument("--serial", action="store_true", help="no Dask: one process, municipality after municipality")
    a = p.parse_args(argv)
    if a.what == "cities":
        todo = shared_cities(a.data)
    else:
        from .national import national_municipalities
        todo = national_municipalities(a.size, a.out)
    t = time.perf_counter()
    summary = run(todo, a.out, a.scheduler, a.workers, a.serial)
    print(summary.to_string(index=False))
    print(f"{len(todo)} municipalities in {time.perf_counter() - t:.1f} s -> {os.path.join(a.out, 'summary.csv')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
