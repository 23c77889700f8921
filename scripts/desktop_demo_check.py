"""`make desktop-check`: run every demo step inside the real QGIS desktop binary (under Xvfb).

Some libraries behave differently inside the QGIS binaries than in a Python-hosted QgsApplication (exactextract
crashed there), so this runs the whole demo through `qgis --code` and fails unless every step finishes.
"""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

PROBE = r'''
import importlib, os, pkgutil, traceback
from qgis.core import QgsApplication, QgsProject
from qgis.PyQt.QtCore import QTimer

def go():
    log = open(os.environ["SONAE_CHECK_LOG"], "w", encoding="utf-8")
    try:
        from sonae.demo.run_demo import Demo, HERE
        demo = Demo(os.environ["SONAE_CHECK_OUT"])
        os.makedirs(demo.out_dir, exist_ok=True)
        for name in sorted(m.name for m in pkgutil.iter_modules([os.path.join(HERE, "steps")])):
            log.write(f"START {name}\n"); log.flush()
            importlib.import_module(f"sonae.demo.steps.{name}").run(demo)
            log.write(f"DONE {name}\n"); log.flush()
        log.write("ALL DONE\n")
    except BaseException:
        log.write(traceback.format_exc())
    log.close()
    QgsProject.instance().clear()   # as QGIS does when its window closes; exiting with layers loaded aborts
    QgsApplication.exit(0)

QTimer.singleShot(3000, go)
'''


def run() -> int:
    import importlib.util
    spec = importlib.util.spec_from_file_location("deploy", os.path.join(ROOT, "scripts", "deploy.py"))
    deploy = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(deploy)
    with tempfile.TemporaryDirectory(prefix="sonae-desktop-") as tmp:
        deploy.configure_profile(os.path.join(tmp, "profiles", "profiles", "default"), link=False)
        probe = os.path.join(tmp, "probe.py")
        with open(probe, "w", encoding="utf-8") as fh:
            fh.write(PROBE)
        log = os.path.join(tmp, "log.txt")
        env = dict(os.environ, HOME=os.path.join(tmp, "home"), SONAE_CHECK_LOG=log,
                   SONAE_CHECK_OUT=os.path.join(tmp, "out"),
                   QGIS_PLUGINPATH=os.path.join(ROOT, "build", "plugins"))
        env.pop("QT_QPA_PLATFORM", None)
        cmd = ["xvfb-run", "-a", "-s", "-screen 0 1366x768x24", "qgis", "--profiles-path",
               os.path.join(tmp, "profiles"), "--noversioncheck", "--nologo", "--code", probe]
        try:
            proc = subprocess.run(cmd, env=env, capture_output=True, timeout=600)
        except subprocess.TimeoutExpired:
            print("QGIS desktop did not finish the demo within 600 s")
            return 1
        text = open(log, encoding="utf-8").read() if os.path.exists(log) else "(no log: the probe never ran)"
        print(text)
        ok = "ALL DONE" in text and proc.returncode == 0
        print(f"QGIS exit code {proc.returncode}; {'every demo step ran inside QGIS desktop' if ok else 'FAILED'}")
        return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(run())
