"""Make the checkout's .venv (shapely 2, pyogrio, geopandas 1.0, exactextract, jismesh, pvlib) visible to the
QGIS Python that loads the plugin, and tell the user plainly when a dependency is missing.

QGIS desktop started from the menu runs Debian's Python without the venv; `make setup` builds the venv with
--system-site-packages against the same Python, so adding its site-packages in front of sys.path is safe.
"""
from __future__ import annotations

import glob
import importlib
import os
import site
import sys

PLUGIN_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REQUIRED = {"shapely": "2.0", "geopandas": "1.0", "pyogrio": "0.7", "pandas": "1.5", "numpy": "1.24",
            "rasterio": "1.3", "scipy": "1.10", "exactextract": "0.2", "jismesh": "2.1", "pvlib": "0.11"}


def use_project_venv(plugin_dir: str = PLUGIN_DIR) -> str | None:
    """Put <plugin>/.venv's site-packages first on sys.path (once). Returns the folder used, or None."""
    version = f"python{sys.version_info.major}.{sys.version_info.minor}"
    for candidate in glob.glob(os.path.join(os.path.realpath(plugin_dir), ".venv", "lib", version,
                                            "site-packages")):
        if candidate in sys.path:
            return candidate
        if "shapely" in sys.modules and not sys.modules["shapely"].__version__.startswith("2."):
            return None  # another plugin already imported Debian's shapely 1.8: too late to switch safely
        site.addsitedir(candidate)                      # processes .pth files
        sys.path.remove(candidate)
        sys.path.insert(0, candidate)
        os.environ.setdefault("PROJ_DATA", "/usr/share/proj")
        return candidate
    return None


def missing_dependencies() -> list[str]:
    """'name>=version' for every required module that cannot be imported at the needed version."""
    missing = []
    for name, minimum in REQUIRED.items():
        try:
            module = importlib.import_module(name)
        except Exception:  # ImportError, or a broken binary module
            missing.append(f"{name}>={minimum}")
            continue
        have = getattr(module, "__version__", "0")
        if _version(have) < _version(minimum):
            missing.append(f"{name}>={minimum} (found {have})")
    return missing


def _version(text: str) -> tuple:
    parts = []
    for piece in str(text).split(".")[:3]:
        digits = "".join(ch for ch in piece if ch.isdigit())
        parts.append(int(digits) if digits else 0)
    return tuple(parts)
