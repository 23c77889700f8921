"""Start-up cost of the Sonae plugin (issue 16.1): what every `qgis_process` call pays once Sonae is enabled.

Rows:
- ``qgis_process run native:buffer`` on a one-point layer, best of N wall times, with Sonae enabled vs disabled
  (same throwaway profile otherwise), and with the plugin as it was before the lazy imports (commit
  ``BEFORE``, exported to build/bench-startup/before) for comparison;
- modules imported by the plugin's load path (``classFactory`` + ``initProcessing``, as qgis_process calls
  them) after QGIS and Processing are up, now and before.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
BEFORE = "38540fe"       # main before issue 14/16 (the plugin checked every dependency by importing it at load)
_COUNT = r"""
import json, sys, os
sys.path.insert(0, sys.argv[1])
from qgis.core import QgsApplication
app = QgsApplication([], False); app.initQgis()
sys.path.append('/usr/share/qgis/python/plugins')
from processing.core.Processing import Processing
Processing.initialize()
before = set(sys.modules)
import sonae
plugin = sonae.classFactory(None)
plugin.initProcessing()
new = sorted(set(sys.modules) - before)
heavy = sorted({m.split('.')[0] for m in new} & {'pandas', 'geopandas', 'scipy', 'pvlib', 'rasterio', 'pyogrio',
                                                   'exactextract', 'jismesh', 'h5py', 'openpyxl', 'chardet'})
print(json.dumps({'new': len(new), 'heavy': heavy,
                  'algorithms': len(QgsApplication.processingRegistry().providerById('sonae').algorithms())}))
os._exit(0)
"""


def _env(home: str, plugin_parent: str) -> dict:
    env = dict(os.environ, HOME=home, QGIS_PLUGINPATH=plugin_parent, QT_QPA_PLATFORM="offscreen",
               PROJ_DATA="/usr/share/proj")
    xdg = os.path.join(home, "xdg")
    os.makedirs(xdg, mode=0o700, exist_ok=True)
    env["XDG_RUNTIME_DIR"] = xdg
    env["PATH"] = os.path.join(ROOT, ".venv", "bin") + os.pathsep + env.get("PATH", "")
    return env


def _profile(base: str, name: str, plugin_parent: str, enabled: bool) -> dict:
    home = os.path.join(base, name)
    os.makedirs(home, exist_ok=True)
    env = _env(home, plugin_parent)
    subprocess.run(["qgis_process", "plugins", "enable" if enabled else "disable", "sonae"], env=env,
                   capture_output=True, timeout=300)
    return env


def _buffer_best(env: dict, src: str, out_dir: str, n: int) -> float:
    best = float("inf")
    for i in range(n):
        out = os.path.join(out_dir, f"buf_{time.time_ns()}_{i}.gpkg")
        t = time.perf_counter()
        proc = subprocess.run(["qgis_process", "run", "native:buffer", "--", f"INPUT={src}", "DISTANCE=1",
                               f"OUTPUT={out}"], env=env, capture_output=True, text=True, timeout=300)
        wall = time.perf_counter() - t
        if proc.returncode != 0:
            raise RuntimeError(proc.stderr[-2000:])
        best = min(best, wall)
    return best


def _export_before(base: str) -> str | None:
    """The plugin at BEFORE, as build/bench-startup/before/sonae (with this checkout's .venv linked in)."""
    parent = os.path.join(base, "before")
    target = os.path.join(parent, "sonae")
    if not os.path.exists(target):
        os.makedirs(target)
        archive = subprocess.run(["git", "archive", BEFORE], cwd=ROOT, capture_output=True)
        if archive.returncode != 0:
            shutil.rmtree(parent, ignore_errors=True)
            return None
        subprocess.run(["tar", "-x", "-C", target], input=archive.stdout, check=True)
        os.symlink(os.path.join(ROOT, ".venv"), os.path.join(target, ".venv"))
    return parent


def module_count(plugin_parent: str) -> dict:
    env = _env(tempfile.mkdtemp(prefix="sonae-count-"), plugin_parent)
    proc = subprocess.run([os.path.join(ROOT, ".venv", "bin", "python"), "-c", _COUNT, plugin_parent], env=env,
                          capture_output=True, text=True, timeout=300)
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr[-2000:])
    return json.loads(proc.stdout.strip().splitlines()[-1])


def run(args) -> list[dict]:
    n = 3 if getattr(args, "small", False) else 5
    base = os.path.join(ROOT, "build", "bench-startup")
    os.makedirs(base, exist_ok=True)
    src = os.path.join(base, "one_point.geojson")
    with open(src, "w", encoding="utf-8") as f:
        json.dump({"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"id": 1},
                   "geometry": {"type": "Point", "coordinates": [134.05, 34.34]}}]}, f)
    now_parent = os.path.join(ROOT, "build", "plugins")
    out_dir = tempfile.mkdtemp(prefix="sonae-buf-")
    rows = []
    off = _buffer_best(_profile(base, "disabled", now_parent, False), src, out_dir, n)
    on = _buffer_best(_profile(base, "enabled", now_parent, True), src, out_dir, n)
    rows.append(dict(bench="startup", case=f"qgis_process run native:buffer, 1 point, best of {n}",
                     impl="Sonae disabled", wall_s=off))
    rows.append(dict(bench="startup", case=f"qgis_process run native:buffer, 1 point, best of {n}",
                     impl="Sonae enabled", wall_s=on, ratio=off / on, note=f"+{on - off:.2f} s"))
    before_parent = _export_before(base)
    if before_parent:
        old = _buffer_best(_profile(base, "before", before_parent, True), src, out_dir, n)
        rows.append(dict(bench="startup", case=f"qgis_process run native:buffer, 1 point, best of {n}",
                         impl=f"Sonae enabled, before ({BEFORE})", wall_s=old, ratio=off / old,
                         note=f"+{old - off:.2f} s"))
    now = module_count(now_parent)
    rows.append(dict(bench="startup", case="modules imported at plugin load", impl="Sonae now", wall_s=None,
                     note=f"{now['new']} modules, heavy: {', '.join(now['heavy']) or 'none'}; "
                          f"{now['algorithms']} algorithms"))
    if before_parent:
        old_count = module_count(before_parent)
        rows.append(dict(bench="startup", case="modules imported at plugin load", impl=f"before ({BEFORE})",
                         wall_s=None, note=f"{old_count['new']} modules, heavy: {', '.join(old_count['heavy'])}; "
                                           f"{old_count['algorithms']} algorithms"))
    shutil.rmtree(out_dir, ignore_errors=True)
    return rows


if __name__ == "__main__":
    import argparse
    ap = argparse.ArgumentParser()
    ap.add_argument("--small", action="store_true")
    sys.path.insert(0, os.path.join(ROOT, "build", "plugins"))
    from sonae.benchmarks.run_all import format_table
    print(format_table(run(ap.parse_args())))
