"""Run municipalities as Dask distributed tasks (or serially) and write the national summary."""
from __future__ import annotations

import os
import time
from dataclasses import asdict

import pandas as pd

from .pipeline import Municipality, run_municipality


def run(municipalities: list[Municipality], out_dir: str, scheduler: str | None = None, workers: int = 2,
        serial: bool = False, log=print) -> pd.DataFrame:
    """Every municipality through :func:`run_municipality`; returns (and writes ``summary.csv``) one row each.

    ``scheduler``: address of a running Dask scheduler (``tcp://host:8786``); None = a LocalCluster of
    ``workers`` single-threaded worker processes; ``serial`` = no Dask (one process, in order).
    """
    os.makedirs(out_dir, exist_ok=True)
    specs = [asdict(m) for m in municipalities]
    t = time.perf_counter()
    if serial:
        rows = [run_municipality(s, out_dir) for s in specs]
    else:
        from dask.distributed import Client, LocalCluster, as_completed
        cluster = None
        if scheduler:
            client = Client(scheduler)
        else:
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                   dashboard_address=None)
            client = Client(cluster)
        try:
            futures = client.map(run_municipality, specs, out_dir=out_dir, key=[f"sonae-{s['name']}" for s in specs],
                                 pure=False)
            done = {}
            for fut in as_completed(futures):
                r = fut.result()            # re-raises the task's error (a bilingual SonaeInputError) here
                done[r["name"]] = r
                log(f"   {r['name']}: {r.get('facilities', 0)} facilities ({time.perf_counter() - t:.1f} s)")
            rows = [done[s["name"]] for s in specs]
        finally:
            client.close()
            if cluster is not None:
                cluster.close()
    summary = pd.DataFrame(rows)
    total = summary.drop(columns=["name", "output"]).sum(numeric_only=True)
    summary = pd.concat([summary, pd.DataFrame([{"name": "TOTAL", **total.to_dict()}])], ignore_index=True)
    summary.to_csv(os.path.join(out_dir, "summary.csv"), index=False)
    return summary
