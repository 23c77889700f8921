"""The plugin loads in a real QGIS desktop under Xvfb, with its menu, toolbar and Processing provider."""
from __future__ import annotations

import json
import os
import shutil
import subprocess

import pytest

from .qgis_env import qgis_env

HERE = os.path.dirname(os.path.realpath(__file__))


@pytest.mark.skipif(shutil.which("xvfb-run") is None or shutil.which("qgis") is None,
                    reason="QGIS desktop and xvfb-run are installed by `make setup`")
def test_plugin_loads_in_qgis_desktop(tmp_path):
    profiles = tmp_path / "profiles"
    ini = profiles / "profiles" / "default" / "QGIS"
    ini.mkdir(parents=True)
    (ini / "QGIS3.ini").write_text("[PythonPlugins]\nsonae=true\n\n[qgis]\nshowTips=false\n", encoding="utf-8")
    out = tmp_path / "probe.json"
    env = qgis_env(str(tmp_path / "home"))
    env.pop("QT_QPA_PLATFORM")
    env["SONAE_PROBE_OUT"] = str(out)
    cmd = ["xvfb-run", "-a", "-s", "-screen 0 1366x768x24", "qgis", "--profiles-path", str(profiles),
           "--noversioncheck", "--nologo", "--skipbadlayers",
           "--code", os.path.join(HERE, "desktop_probe.py")]
    try:
        subprocess.run(cmd, env=env, capture_output=True, timeout=120)
    except subprocess.TimeoutExpired:
        pytest.fail("QGIS desktop did not quit within 120 s (a modal error box from the plugin?)")
    assert out.exists(), "the probe did not run inside QGIS"
    result = json.loads(out.read_text(encoding="utf-8"))
    assert result["loaded"] is True
    assert result["provider"] is True
    assert "sonae:importshelters" in result["algorithms"]
    assert result["menu_title"] is not None and "Sonae" in result["menu_title"]
    assert "sonae_importshelters" in result["menu_actions"]
    # Every algorithm of the provider has a menu entry.
    assert {f"sonae_{a.split(':')[1]}" for a in result["algorithms"]} <= set(result["menu_actions"])
    assert result["toolbar"] is True
