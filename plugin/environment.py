"""Put the folders holding Sonae's optional packages on sys.path at plugin load, without importing them.

- The dependency installer's folder (plugin/dependency_installer.py; <profile>/python/sonae_deps, outside the
  plugin folder so a plugin upgrade keeps it): appended, QGIS's own packages win.
- A developer checkout's .venv (`make setup`): QGIS desktop started from the menu runs Debian's Python without
  the venv; the venv is built with --system-site-packages against the same Python, so putting its site-packages
  in front of sys.path is safe.
Which packages are missing is decided per algorithm (plugin/dependencies.py, canExecute).
"""
from __future__ import annotations

import glob
import os
import site
import sys

from . import dependencies

PLUGIN_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def use_dependency_folders() -> list[str]:
    """The checkout's .venv (if any) first, then the installer's folder (if any) last. Returns the folders added."""
    added = [use_project_venv()]
    try:
        added.append(dependencies.add_deps_to_path())
    except Exception:  # noqa: BLE001 — a broken settings path must not stop QGIS from loading the plugin
        pass
    return [a for a in added if a]


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


def missing_dependencies(requires=None) -> list[str]:
    """'name>=version' (and what was found) for every package in ``requires`` (default: all Sonae uses)."""
    return dependencies.missing(list(dependencies.PACKAGES) if requires is None else requires)
