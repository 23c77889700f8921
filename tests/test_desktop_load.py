"""The plugin loads in a real QGIS desktop under Xvfb, with its menu, toolbar and Processing provider."""
from __future__ import annotations

import json
import os
import shutil
import subprocess

import pytest

from .conftest import shared_data
from .qgis_env import qgis_env

HERE = os.path.dirname(os.path.realpath(__file__))


@pytest.mark.skipif(shutil.which("xvfb-run") is None or shutil.which("qgis") is None,
                    reason="QGIS desktop and xvfb-run are installed by `make setup`")
def test_plugin_loads_in_qgis_desktop(tmp_path):
    import importlib.util
    spec = importlib.util.spec_from_file_location("deploy", os.path.join(HERE, "..", "scripts", "deploy.py"))
    deploy = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(deploy)
    profiles = tmp_path / "profiles"
    # The same profile set-up as `make deploy` (the plugin itself comes through QGIS_PLUGINPATH here).
    deploy.configure_profile(str(profiles / "profiles" / "default"), link=False)
    out = tmp_path / "probe.json"
    env = qgis_env(str(tmp_path / "home"))
    env.pop("QT_QPA_PLATFORM")
    # As when QGIS is started from the desktop menu: Debian's Python, the venv not on PATH.
    env["PATH"] = os.pathsep.join(p for p in env["PATH"].split(os.pathsep) if ".venv" not in p)
    env.pop("VIRTUAL_ENV", None)
    env.pop("PYTHONPATH", None)
    env["SONAE_PROBE_OUT"] = str(out)
    env["SONAE_PROBE_INPUT"] = shared_data("takamatsu", "shelters", "evacuation_space.csv")
    env["SONAE_PROBE_GPKG"] = str(tmp_path / "desktop.gpkg")
    env["SONAE_PROBE_MESH"] = shared_data("kumamoto", "population_dem_subset", "ksj_mesh500h30_pop_subset.geojson")
    env["SONAE_PROBE_FLOOD"] = shared_data("kumamoto", "flood", "kumamoto_flood_max_depthrank_A31b23.tif")
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
    assert result["missing"] == [], result
    assert result["provider"] is True
    assert "sonae:importshelters" in result["algorithms"]
    assert result["menu_title"] is not None and "Sonae" in result["menu_title"]
    assert "sonae_importshelters" in result["menu_actions"]
    # Every algorithm of the provider has a menu entry.
    assert {f"sonae_{a.split(':')[1]}" for a in result["algorithms"]} <= set(result["menu_actions"])
    assert result["toolbar"] is True
    # The algorithm ran inside the desktop with the checkout's .venv (shapely 2), not Debian's shapely 1.8.
    assert result["shapely"].startswith("2."), result
    assert result["imported"] == 195, result
    assert result["exposed_total"] == pytest.approx(182855), result   # MANIFEST: Σ ptn_2020 = 182,855
