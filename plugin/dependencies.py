"""Which Python packages an algorithm needs, checked from package metadata without importing anything heavy.

Every algorithm declares ``REQUIRES = ("geopandas", "rasterio", ...)`` (import names, see PACKAGES). The check
uses ``importlib.util.find_spec`` (locates a top-level module without executing it) and
``importlib.metadata.version`` (reads the dist-info), so QGIS and ``qgis_process`` start-up import none of
pandas/geopandas/scipy/pvlib. Results are cached per process; :func:`refresh` clears the cache after the
dependency installer ran.

This module must stay QGIS-free and import only the standard library (it runs at plugin load).
"""
from __future__ import annotations

import importlib.metadata
import importlib.util
import os
import site
import sys
import sysconfig

# import name -> (distribution name on PyPI, minimum version, shipped by the QGIS Windows installer)
# The minimums are the oldest versions the project tests (numpy 1.24, pandas 1.5, shapely 2.0, geopandas 1.0).
PACKAGES = {
    "numpy": ("numpy", "1.24", True),
    "pandas": ("pandas", "1.5", True),
    "shapely": ("shapely", "2.0", True),
    "pyogrio": ("pyogrio", "0.7", True),
    "geopandas": ("geopandas", "1.0", True),
    "pyproj": ("pyproj", "3.4", True),
    "scipy": ("scipy", "1.10", True),
    "openpyxl": ("openpyxl", "3.0", True),
    "h5py": ("h5py", "3.7", True),
    "jsonschema": ("jsonschema", "4.0", True),
    "psycopg2": ("psycopg2", "2.8", True),
    "rasterio": ("rasterio", "1.3", False),
    "exactextract": ("exactextract", "0.2", False),
    "jismesh": ("jismesh", "2.1", False),
    "pvlib": ("pvlib", "0.11", False),
    "numba": ("numba", "0.59", False),     # optional: speed only (no algorithm requires it)
}
BASE_REQUIRES = ("numpy", "pandas", "shapely", "pyogrio", "geopandas")
SCIPY = BASE_REQUIRES + ("scipy",)

_cache: dict[str, str | None] = {}


def _version_tuple(text: str) -> tuple:
    parts = []
    for piece in str(text).split(".")[:3]:
        digits = ""
        for ch in piece:
            if not ch.isdigit():
                break
            digits += ch
        parts.append(int(digits) if digits else 0)
    return tuple(parts)


def problem(name: str) -> str | None:
    """None when ``name`` is importable at the needed version, else 'name>=min' or 'name>=min (found x)'."""
    if name in _cache:
        return _cache[name]
    dist, minimum, _shipped = PACKAGES.get(name, (name, "0", False))
    result = None
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        spec = None
    if name in sys.modules and sys.modules[name] is not None:
        version = getattr(sys.modules[name], "__version__", None)
        if version and _version_tuple(version) < _version_tuple(minimum):
            result = f"{dist}>={minimum} (found {version})"
    elif spec is None:
        result = f"{dist}>={minimum}"
    else:
        version = _installed_version(dist, spec)
        if version and _version_tuple(version) < _version_tuple(minimum):
            result = f"{dist}>={minimum} (found {version})"
    _cache[name] = result
    return result


def _installed_version(dist: str, spec) -> str | None:
    """The version of the distribution that provides ``spec`` (the first one on sys.path), or None if unknown.

    importlib.metadata may know a distribution of the same name elsewhere on sys.path (say a newer copy in the
    dependency folder that is shadowed by QGIS's own): prefer the dist-info beside the module actually found.
    """
    origin = getattr(spec, "origin", None) or ""
    locations = list(getattr(spec, "submodule_search_locations", None) or [])
    folder = os.path.dirname(locations[0] if locations else origin)
    if folder:
        for candidate in importlib.metadata.distributions(name=dist, path=[folder]):
            return candidate.version
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return None  # e.g. Debian's h5py ("h5py._debian_h5py_serial"): present, version not recorded


def missing(requires) -> list[str]:
    """The problems (see :func:`problem`) of every package in ``requires``, in order."""
    return [p for p in (problem(n) for n in requires) if p]


def refresh() -> None:
    _cache.clear()
    importlib.invalidate_caches()


def message(missing_list: list[str], what: str = "") -> str:
    """A bilingual explanation naming the missing packages and how to get them (Japanese first)."""
    names = ", ".join(missing_list)
    subject_ja = f"「{what}」には" if what else ""
    subject_en = f"'{what}' needs" if what else "Sonae needs"
    return (f"{subject_ja}Pythonパッケージ {names} が必要です。メニュー「Sonae（備え）> 依存パッケージのインストール」"
            "またはSonaeドックの「依存パッケージ…」ボタンでインストールし（インターネットのないPCではwheelフォルダを"
            "指定）、QGISを再起動してください。\n"
            f"{subject_en} the Python package(s) {names}. Install them with Sonae > Install dependencies (menu) or "
            "the Dependencies… button of the Sonae dock (PyPI, or a folder of wheels on a PC without internet), "
            "then restart QGIS.")


# --- the dependency folder (outside the plugin folder: kept when the plugin manager upgrades the plugin) -------

def deps_base(settings_dir: str | None = None) -> str:
    """<QGIS profile>/python/sonae_deps (or $SONAE_DEPS_DIR). ``settings_dir``: QgsApplication.qgisSettingsDirPath."""
    if os.environ.get("SONAE_DEPS_DIR"):
        return os.environ["SONAE_DEPS_DIR"]
    if settings_dir is None:
        try:
            from qgis.core import QgsApplication
            settings_dir = QgsApplication.qgisSettingsDirPath()
        except Exception:  # noqa: BLE001 — outside QGIS
            settings_dir = os.path.join(os.path.expanduser("~"), ".sonae")
    return os.path.join(settings_dir, "python", "sonae_deps")


def deps_site_packages(base: str | None = None) -> str:
    """The site-packages folder pip's --user scheme uses under ``base`` (it names the Python version, so a QGIS
    upgrade to a new Python does not load binaries built for the old one)."""
    base = base or deps_base()
    scheme = "nt_user" if os.name == "nt" else ("osx_framework_user" if sys.platform == "darwin"
                                                and "osx_framework_user" in sysconfig.get_scheme_names()
                                                else "posix_user")
    return sysconfig.get_path("purelib", scheme, vars={"userbase": base})


def add_deps_to_path(base: str | None = None) -> str | None:
    """Append the dependency folder to sys.path (after QGIS's own packages, which always win). Idempotent."""
    folder = deps_site_packages(base)
    if not os.path.isdir(folder):
        return None
    if folder not in sys.path:
        site.addsitedir(folder)     # appends, and processes .pth files
    refresh()
    return folder
