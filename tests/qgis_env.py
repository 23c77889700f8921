"""Environment for running `qgis_process` and QGIS desktop against this checkout in a throwaway profile."""
from __future__ import annotations

import os
import subprocess
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))
PLUGINS = os.path.join(ROOT, "build", "plugins")


def qgis_env(home: str) -> dict:
    """HOME is throwaway so `plugins enable` never touches a real profile."""
    env = dict(os.environ)
    xdg = tempfile.mkdtemp(prefix="xdg-")
    os.chmod(xdg, 0o700)
    env.update({"HOME": home, "QGIS_PLUGINPATH": PLUGINS, "QT_QPA_PLATFORM": "offscreen",
                "XDG_RUNTIME_DIR": xdg, "PROJ_DATA": "/usr/share/proj",
                "PATH": os.path.join(ROOT, ".venv", "bin") + os.pathsep + env.get("PATH", "")})
    return env


def qgis_process(args: list, home: str, timeout: int = 120, stdin: str | None = None):
    env = qgis_env(home)
    subprocess.run(["qgis_process", "plugins", "enable", "sonae"], env=env, capture_output=True, timeout=timeout)
    return subprocess.run(["qgis_process", *args], env=env, capture_output=True, text=True, timeout=timeout,
                          input=stdin)
