"""`make deploy`: install this checkout into a QGIS profile so that QGIS started from the desktop menu uses it.

- links <profile>/python/plugins/sonae -> this checkout and enables it ([PythonPlugins] sonae=true);
- makes QGIS prepend the checkout's .venv site-packages to PYTHONPATH at start-up (Settings > System >
  Environment: qgis/customEnvVarsUse, qgis/customEnvVars). QGIS applies these before it starts Python, which
  matters because qgis.core itself imports shapely: the venv's shapely 2 must win from the first import.

Usage: python3 scripts/deploy.py [--profiles-path DIR] [--profile default]
"""
from __future__ import annotations

import argparse
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def venv_site_packages(root: str = ROOT) -> str:
    return os.path.join(root, ".venv", "lib", f"python{sys.version_info.major}.{sys.version_info.minor}",
                        "site-packages")


def configure_profile(profile_dir: str, root: str = ROOT, link: bool = True) -> str:
    """Link and enable the plugin in ``profile_dir`` (…/profiles/default) and set the environment; returns the ini."""
    from qgis.PyQt.QtCore import QSettings
    if link:
        plugins = os.path.join(profile_dir, "python", "plugins")
        os.makedirs(plugins, exist_ok=True)
        target = os.path.join(plugins, "sonae")
        if os.path.islink(target):
            os.remove(target)
        if not os.path.exists(target):
            os.symlink(root, target)
    ini = os.path.join(profile_dir, "QGIS", "QGIS3.ini")
    os.makedirs(os.path.dirname(ini), exist_ok=True)
    settings = QSettings(ini, QSettings.IniFormat)
    settings.setValue("PythonPlugins/sonae", True)
    entry = f"prepend|PYTHONPATH={venv_site_packages(root)}{os.pathsep}"
    current = settings.value("qgis/customEnvVars", []) or []
    if isinstance(current, str):
        current = [current]
    kept = [e for e in current if "PYTHONPATH=" not in e or ".venv" not in e]
    settings.setValue("qgis/customEnvVars", kept + [entry])
    settings.setValue("qgis/customEnvVarsUse", True)
    settings.sync()
    return ini


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--profiles-path", default=os.path.expanduser("~/.local/share/QGIS/QGIS3"))
    parser.add_argument("--profile", default="default")
    args = parser.parse_args(argv)
    profile_dir = os.path.join(args.profiles_path, "profiles", args.profile)
    ini = configure_profile(profile_dir)
    print(f"linked {profile_dir}/python/plugins/sonae -> {ROOT}; enabled; PYTHONPATH set in {ini}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
