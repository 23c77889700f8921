"""Screenshot of an output loaded from the Processing toolbox dialog, styled with Japanese aliases (issue 14.4).

QGIS desktop under Xvfb, Japanese locale, the plugin from this checkout. The start script opens the
sonae:hazardexposure dialog exactly as the toolbox does (processing.createAlgorithmDialog), fills in the Takamatsu
shelters and flood raster, presses Run (the dialog runs it as a task and loads the result through Processing's
post-processing), then opens the attribute table of the loaded layer and grabs the screen. It also writes what
it saw (renderer, aliases) to a JSON file next to the picture.

    python3 scripts/styled_output_screenshot.py [--out notes/styled_output_ja.png]
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

START = r'''
import json, os, traceback
from qgis.core import QgsApplication, QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QApplication
from qgis.utils import iface

FAC, FLOOD, OUTGPKG, PNG, REPORT, LOG = {fac!r}, {flood!r}, {outgpkg!r}, {png!r}, {report!r}, {log!r}
state = {{}}


def fail():
    open(LOG, "w").write(traceback.format_exc())
    QgsApplication.exit(1)


def run_dialog():
    try:
        import processing
        iface.mainWindow().resize(1500, 880)
        dlg = processing.createAlgorithmDialog("sonae:hazardexposure", {{
            "FACILITIES": FAC, "HAZARD": FLOOD, "HAZARD_TYPE": "flood", "VALUE_KIND": "rank", "OUTPUT": OUTGPKG}})
        state["dlg"] = dlg
        dlg.show()
        dlg.runAlgorithm()                      # what the Run button does
        QTimer.singleShot(1000, wait)
    except Exception:
        fail()


def wait(tries=[0]):
    try:
        layers = [l for l in QgsProject.instance().mapLayers().values() if isinstance(l, QgsVectorLayer)]
        if not layers and tries[0] < 60:
            tries[0] += 1
            QTimer.singleShot(1000, wait)
            return
        layer = layers[0]
        state["dlg"].close()
        aliases = {{f.name(): layer.attributeAlias(i) for i, f in enumerate(layer.fields())}}
        json.dump({{"layer": layer.name(), "renderer": layer.renderer().type(),
                   "class_attribute": getattr(layer.renderer(), "classAttribute", lambda: None)(),
                   "aliases": aliases}}, open(REPORT, "w", encoding="utf-8"), ensure_ascii=False, indent=1)
        iface.mapCanvas().setExtent(layer.extent().buffered(0.005))
        iface.mapCanvas().refreshAllLayers()
        table = iface.showAttributeTable(layer)
        table.resize(1100, 360)
        table.move(380, 480)
        QTimer.singleShot(5000, shoot)
    except Exception:
        fail()


def shoot():
    try:
        QApplication.primaryScreen().grabWindow(0).save(PNG)
    except Exception:
        open(LOG, "w").write(traceback.format_exc())
    QgsApplication.exit(0)


QTimer.singleShot(4000, run_dialog)
'''


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=os.path.join(ROOT, "notes", "styled_output_ja.png"))
    ap.add_argument("--timeout", type=int, default=180)
    args = ap.parse_args(argv)
    work = tempfile.mkdtemp(prefix="sonae-styled-")
    ini_dir = os.path.join(work, "profiles", "profiles", "default", "QGIS")
    os.makedirs(ini_dir)
    with open(os.path.join(ini_dir, "QGIS3.ini"), "w", encoding="utf-8") as fh:
        fh.write("[PythonPlugins]\nsonae=true\n\n[qgis]\nshowTips=false\ncheckVersion=false\n\n"
                 "[locale]\noverrideFlag=true\nuserLocale=ja\n")
    demo = os.path.join(ROOT, "demo", "data", "takamatsu")
    fac = os.path.join(work, "facilities.gpkg")
    env = dict(os.environ)
    env.pop("QT_QPA_PLATFORM", None)
    xdg = os.path.join(work, "xdg")
    os.makedirs(xdg, mode=0o700)
    env.update({"HOME": os.path.join(work, "home"), "XDG_RUNTIME_DIR": xdg, "PROJ_DATA": "/usr/share/proj",
                "QGIS_PLUGINPATH": os.path.join(ROOT, "build", "plugins"),
                "PATH": os.path.join(ROOT, ".venv", "bin") + os.pathsep + env.get("PATH", "")})
    # the facilities layer first (qgis_process, same plugin)
    penv = dict(env, QT_QPA_PLATFORM="offscreen")
    subprocess.run(["qgis_process", "plugins", "enable", "sonae"], env=penv, capture_output=True, timeout=120)
    proc = subprocess.run(["qgis_process", "run", "sonae:importshelters", "--",
                           f"INPUTS={os.path.join(demo, 'evacuation_space.csv')}", f"OUTPUT={fac}"], env=penv,
                          capture_output=True, text=True, timeout=300)
    if proc.returncode != 0:
        raise SystemExit(proc.stderr[-2000:])
    png = os.path.abspath(args.out)
    report = os.path.splitext(png)[0] + ".json"
    log = os.path.join(work, "start_error.txt")
    start = os.path.join(work, "start.py")
    with open(start, "w", encoding="utf-8") as fh:
        fh.write(START.format(fac=fac, flood=os.path.join(demo, "takamatsu_flood_max_depthrank_A31b23.tif"),
                              outgpkg=os.path.join(work, "facilities_flood.gpkg"), png=png, report=report, log=log))
    os.makedirs(os.path.dirname(png), exist_ok=True)
    cmd = ["xvfb-run", "-a", "-s", "-screen 0 1500x900x24", "qgis", "--profiles-path",
           os.path.join(work, "profiles"), "--noversioncheck", "--nologo", "--skipbadlayers", "--code", start]
    try:
        subprocess.run(cmd, env=env, capture_output=True, timeout=args.timeout)
    except subprocess.TimeoutExpired:
        raise SystemExit(f"QGIS did not quit within {args.timeout} s; profile kept in {work}")
    if os.path.exists(log):
        raise SystemExit(open(log, encoding="utf-8").read())
    seen = json.load(open(report, encoding="utf-8"))
    print("wrote", png, "| renderer", seen["renderer"], seen["class_attribute"], "| aliases:",
          sum(1 for a in seen["aliases"].values() if a), "of", len(seen["aliases"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
