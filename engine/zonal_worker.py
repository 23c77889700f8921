"""exactextract coverage fractions, in this process or in a separate Python process.

exactextract's wheel carries its own C++ runtime pieces; inside the QGIS binaries (qgis, qgis_process) its
std::regex use crashes (SIGSEGV in parse_stat_descriptor, seen with QGIS 3.40 / exactextract 0.2.2), while it
runs cleanly in a plain Python process. So when the host is not a Python interpreter the work goes to a child
Python process running this file as a script (no Sonae imports needed there). Results are the same arrays
either way.

Script use: python zonal_worker.py RASTER ZONES.gpkg OUT.npz
"""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile

import numpy as np

_HERE = os.path.dirname(os.path.abspath(__file__))


def _fractions_in_process(raster: str, zones) -> dict:
    from exactextract import exact_extract
    res = exact_extract(raster, zones, ["count", "unique", "frac"], include_cols=["_zone"], output="pandas",
                        strategy="feature-sequential")
    res = res.sort_values("_zone")
    lens = res["unique"].map(len).to_numpy()
    return {
        "zone": res["_zone"].to_numpy(dtype=np.int64),
        "count": res["count"].to_numpy(dtype=float),
        "lens": lens.astype(np.int64),
        "unique": (np.concatenate([np.asarray(u, float) for u in res["unique"]]) if lens.sum()
                   else np.array([], dtype=float)),
        "frac": (np.concatenate([np.asarray(f, float) for f in res["frac"]]) if lens.sum()
                 else np.array([], dtype=float)),
    }


def host_is_python() -> bool:
    """True in a plain Python interpreter; False inside the QGIS desktop or qgis_process binaries."""
    try:
        exe = os.path.basename(os.path.realpath("/proc/self/exe"))
    except OSError:
        return True
    return exe.startswith("python")


def _python_for_child() -> str:
    venv = os.path.join(os.path.dirname(os.path.dirname(os.path.realpath(__file__))), ".venv", "bin", "python")
    if os.path.exists(venv):
        return venv
    if os.path.basename(sys.executable).startswith("python"):
        return sys.executable
    return "/usr/bin/python3"


def coverage_fractions(raster: str, zones, force_subprocess: bool = False) -> dict:
    """Per zone (column ``_zone``) the covered cell count, the distinct values and their area fractions."""
    if not force_subprocess and host_is_python() and os.environ.get("SONAE_ZONAL_SUBPROCESS") != "1":
        return _fractions_in_process(raster, zones)
    with tempfile.TemporaryDirectory(prefix="sonae-zonal-") as tmp:
        zones_path = os.path.join(tmp, "zones.gpkg")
        out = os.path.join(tmp, "out.npz")
        zones.to_file(zones_path, engine="pyogrio")
        env = dict(os.environ)
        env.setdefault("PROJ_DATA", "/usr/share/proj")
        proc = subprocess.run([_python_for_child(), os.path.join(_HERE, "zonal_worker.py"), raster, zones_path,
                               out], capture_output=True, text=True, env=env)
        if proc.returncode != 0 or not os.path.exists(out):
            raise RuntimeError(f"zonal statistics worker failed ({proc.returncode}): {proc.stderr[-2000:]}")
        with np.load(out) as data:
            return {k: data[k] for k in data.files}


def _main(argv) -> int:
    import geopandas as gpd
    raster, zones_path, out = argv
    zones = gpd.read_file(zones_path, engine="pyogrio")
    np.savez(out, **_fractions_in_process(raster, zones))
    return 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
