"""`make bench`: import every benchmarks/bench_*.py, call its ``run(args)`` and print one table.

Each ``run`` returns rows (dicts) with at least ``bench``, ``case``, ``impl``, ``wall_s``; optional ``peak_mb``,
``ratio`` (native / Sonae, >1 = Sonae faster) and ``note``. Options: ``--small`` (quick check), ``--only NAME``.
"""
from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
COLUMNS = [("bench", "{}"), ("case", "{}"), ("impl", "{}"), ("wall_s", "{:.2f}"), ("peak_mb", "{:.0f}"),
           ("ratio", "{:.1f}x"), ("note", "{}")]


def format_table(rows: list[dict]) -> str:
    cells = [[name for name, _ in COLUMNS]]
    for r in rows:
        line = []
        for name, fmt in COLUMNS:
            v = r.get(name)
            line.append("" if v is None else (fmt.format(v) if not isinstance(v, str) else v))
        cells.append(line)
    widths = [max(len(c[i]) for c in cells) for i in range(len(COLUMNS))]
    out = ["| " + " | ".join(c.ljust(w) for c, w in zip(cells[0], widths)) + " |",
           "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
    out += ["| " + " | ".join(c.ljust(w) for c, w in zip(line, widths)) + " |" for line in cells[1:]]
    return "\n".join(out)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--small", action="store_true", help="small data sizes for a quick check")
    parser.add_argument("--only", nargs="*", help="run only bench_<name> modules whose name starts with these")
    parser.add_argument("--repeat", type=int, default=3, help="native and Sonae interleaved, best of N (default 3)")
    parser.add_argument("--national", action="store_true",
                        help="also run the national chain (make bench-national; builds the national data once)")
    args = parser.parse_args(argv)
    names = sorted(m.name for m in pkgutil.iter_modules([HERE]) if m.name.startswith("bench_"))
    rows = []
    t0 = time.perf_counter()
    for name in names:
        if args.only and not any(name[len("bench_"):].startswith(o) for o in args.only):
            continue
        module = importlib.import_module(f"{__package__ or 'sonae.benchmarks'}.{name}")
        print(f"== {name}", flush=True)
        rows.extend(module.run(args))
    print(f"\nSonae benchmarks ({'small' if args.small else 'full'} size, {time.perf_counter() - t0:.0f} s in all)")
    print(format_table(rows))
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
