"""Run inside QGIS desktop (qgis --code): record whether Sonae loaded, its menu and provider, then quit."""
import json
import os

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QMenu
from qgis.utils import iface, plugins


def probe():
    out = os.environ["SONAE_PROBE_OUT"]
    result = {"loaded": "sonae" in plugins}
    import sys
    from sonae.plugin.environment import missing_dependencies
    result["missing"] = missing_dependencies()
    result["sys_path_head"] = sys.path[:3]
    registry = QgsApplication.processingRegistry()
    provider = registry.providerById("sonae")
    result["provider"] = provider is not None
    result["algorithms"] = sorted(a.id() for a in provider.algorithms()) if provider else []
    menus = [m for m in iface.mainWindow().findChildren(QMenu) if m.objectName() == "sonaeMenu"]
    result["menu_title"] = menus[0].title() if menus else None
    result["menu_actions"] = sorted(a.objectName() for m in menus for sub in m.findChildren(QMenu)
                                    for a in sub.actions())
    toolbar = iface.mainWindow().findChild(object, "sonaeToolbar")
    result["toolbar"] = toolbar is not None
    # Run an algorithm inside the desktop: the plugin must have found its .venv by itself.
    try:
        import processing
        import shapely
        result["shapely"] = shapely.__version__
        res = processing.run("sonae:importshelters", {"INPUTS": [os.environ["SONAE_PROBE_INPUT"]],
                                                      "OUTPUT": os.environ["SONAE_PROBE_GPKG"]})
        result["imported"] = res["FEATURE_COUNT"]
        # exactextract (polygon zonal statistics) used to crash the desktop: it must run and return figures.
        res = processing.run("sonae:exposedpopulation", {
            "POPULATION": os.environ["SONAE_PROBE_MESH"], "POPULATION_FIELD": "ptn_2020",
            "HAZARD": os.environ["SONAE_PROBE_FLOOD"], "VALUE_KIND": 1, "OUTPUT": "TEMPORARY_OUTPUT"})
        result["exposed_total"] = res["POPULATION_TOTAL"]
    except Exception as exc:  # recorded for the test's message
        result["imported"] = repr(exc)
    with open(out, "w", encoding="utf-8") as fh:
        json.dump(result, fh)
    QgsApplication.exit(0)


QTimer.singleShot(3000, probe)
