"""QGIS desktop under Xvfb with the Sonae demo loaded: a screenshot for the README (``make screenshot``).

Starts ``xvfb-run qgis --profiles-path <throwaway> --noversioncheck --nologo --code <start script>`` with the
plugin pre-enabled in the profile (and the Japanese locale unless --locale en), loads the demo GeoPackage's layers
(styled) and the flood raster, opens the Sonae dock, grabs the screen and quits. A hard timeout guards against a
modal error box. Also renders page 1 of the map book PDF to docs/mapbook_page1.png (pdftoppm).
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

START = r'''
import os, traceback
from qgis.core import QgsProject, QgsRasterLayer, QgsVectorLayer, QgsApplication
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtGui import QGuiApplication
from qgis.utils import iface, plugins

GPKG, FLOOD, OUT, LOG = {gpkg!r}, {flood!r}, {out!r}, {log!r}
TABLES = [("subsidy_scope", "subsidy_scope"), ("stockpile_sufficiency", "stockpile_sufficiency"),
          ("population_catchment", "population_catchment"), ("districts", "districts"),
          ("shelters_energy", "shelters_energy")]


def load():
    try:
        win = iface.mainWindow()
        from qgis.PyQt.QtWidgets import QToolBar
        for bar in win.findChildren(QToolBar):     # only Sonae's toolbar, for a clean picture
            if bar.objectName() != "sonaeToolbar":
                bar.hide()
        win.resize(1600, 900)
        win.move(0, 0)
        project = QgsProject.instance()
        from sonae.processing_algorithms.styles import apply_style
        for table, style in TABLES:
            layer = QgsVectorLayer(f"{{GPKG}}|layername={{table}}", table, "ogr")
            if layer.isValid():
                apply_style(layer, style)
                project.addMapLayer(layer)
        if FLOOD and os.path.exists(FLOOD):
            flood = QgsRasterLayer(FLOOD, "flood depth rank / 浸水深ランク")
            flood.loadNamedStyle(os.path.join({root!r}, "layers", "styles", "mapbook_flood.qml"))
            project.addMapLayer(flood, False)
            project.layerTreeRoot().addLayer(flood)
        layer = project.mapLayersByName("shelters_energy")
        if layer:
            iface.mapCanvas().setDestinationCrs(layer[0].crs())
            iface.mapCanvas().setExtent(layer[0].extent().buffered(0.01))
        sonae = plugins.get("sonae")
        if sonae is not None and sonae.dock is not None:
            sonae.dock.show()
            sonae.dock.raise_()
            from qgis.PyQt.QtCore import Qt
            win.resizeDocks([sonae.dock], [660], Qt.Horizontal)
            sonae.dock.refresh()
        iface.mapCanvas().refreshAllLayers()
        QTimer.singleShot(7000, shoot)
    except Exception:
        open(LOG, "w").write(traceback.format_exc())
        QgsApplication.exit(1)


def shoot():
    try:
        iface.mainWindow().grab().save(OUT)   # the window as Qt lays it out (no dependence on the X screen)
    except Exception:
        open(LOG, "w").write(traceback.format_exc())
    QgsApplication.exit(0)


QTimer.singleShot(4000, load)
'''


def screenshot(out: str, gpkg: str, flood: str, locale: str, timeout: int) -> None:
    work = tempfile.mkdtemp(prefix="sonae-desktop-")
    ini_dir = os.path.join(work, "profiles", "profiles", "default", "QGIS")
    os.makedirs(ini_dir)
    with open(os.path.join(ini_dir, "QGIS3.ini"), "w", encoding="utf-8") as fh:
        fh.write("[PythonPlugins]\nsonae=true\n\n[qgis]\nshowTips=false\ncheckVersion=false\n\n"
                 f"[locale]\noverrideFlag={'true' if locale != 'en' else 'false'}\nuserLocale={locale}\n")
    log = os.path.join(work, "start_error.txt")
    start = os.path.join(work, "start.py")
    with open(start, "w", encoding="utf-8") as fh:
        fh.write(START.format(gpkg=os.path.abspath(gpkg), flood=os.path.abspath(flood), out=os.path.abspath(out),
                              log=log, root=ROOT))
    env = dict(os.environ)
    env.pop("QT_QPA_PLATFORM", None)
    xdg = os.path.join(work, "xdg")
    os.makedirs(xdg, mode=0o700)
    env.update({"HOME": os.path.join(work, "home"), "XDG_RUNTIME_DIR": xdg, "PROJ_DATA": "/usr/share/proj",
                "QGIS_PLUGINPATH": os.path.join(ROOT, "build", "plugins"),
                "PATH": os.path.join(ROOT, ".venv", "bin") + os.pathsep + env.get("PATH", "")})
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    if os.path.exists(out):
        os.remove(out)
    cmd = ["xvfb-run", "-a", "-s", "-screen 0 1600x900x24", "qgis", "--profiles-path",
           os.path.join(work, "profiles"), "--noversioncheck", "--nologo", "--skipbadlayers", "--code", start]
    try:
        subprocess.run(cmd, env=env, capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        raise SystemExit(f"QGIS did not quit within {timeout} s (a modal error box?); profile kept in {work}")
    if os.path.exists(log):
        raise SystemExit("the start script failed:\n" + open(log, encoding="utf-8").read())
    if not os.path.exists(out):
        raise SystemExit(f"no screenshot written; profile kept in {work}")
    shutil.rmtree(work, ignore_errors=True)
    print("wrote", out)


def mapbook_page(pdf: str, out_png: str) -> None:
    stem = out_png[:-4] if out_png.endswith(".png") else out_png
    subprocess.run(["pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "1", "-singlefile", pdf, stem], check=True)
    print("wrote", stem + ".png")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--screenshot", default=os.path.join(ROOT, "docs", "screenshot.png"))
    parser.add_argument("--gpkg", default=os.path.join(ROOT, "demo_output", "sonae_demo.gpkg"))
    parser.add_argument("--flood", default=os.path.join(ROOT, "demo", "data", "takamatsu",
                                                        "takamatsu_flood_max_depthrank_A31b23.tif"))
    parser.add_argument("--pdf", default=os.path.join(ROOT, "demo_output", "council_mapbook.pdf"))
    parser.add_argument("--mapbook-png", default=os.path.join(ROOT, "docs", "mapbook_page1.png"))
    parser.add_argument("--locale", default="ja")
    parser.add_argument("--timeout", type=int, default=150)
    args = parser.parse_args(argv)
    if not os.path.exists(args.gpkg):
        raise SystemExit(f"{args.gpkg} not found: run `make demo` first. / 先に make demo を実行してください。")
    screenshot(args.screenshot, args.gpkg, args.flood, args.locale, args.timeout)
    if os.path.exists(args.pdf):
        mapbook_page(args.pdf, args.mapbook_png)
    else:
        print(f"{args.pdf} not found: no map book page (run `make demo`)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
