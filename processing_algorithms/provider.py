"""The ``sonae`` Processing provider. Algorithms are discovered from the modules of this package."""
from __future__ import annotations

import importlib
import inspect
import os
import pkgutil

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from .base import SonaeAlgorithm, tr

ICON = os.path.join(os.path.dirname(__file__), "..", "plugin", "icon.svg")
_SKIP = {"base", "provider", "qgis_io", "styles"}


def algorithm_classes() -> list:
    """Every concrete SonaeAlgorithm subclass defined in processing_algorithms/*.py, sorted by id."""
    found = {}
    package = __name__.rsplit(".", 1)[0]
    for info in pkgutil.iter_modules([os.path.dirname(__file__)]):
        if info.name in _SKIP or info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{package}.{info.name}")
        for _, obj in inspect.getmembers(module, inspect.isclass):
            if issubclass(obj, SonaeAlgorithm) and obj is not SonaeAlgorithm and obj.ALG_ID:
                found[obj.ALG_ID] = obj
    return [found[k] for k in sorted(found)]


class SonaeProvider(QgsProcessingProvider):
    def id(self):
        return "sonae"

    def name(self):
        return tr("Sonae (備え)")

    def longName(self):
        return tr("Sonae — disaster prevention and local energy planning / 防災とエネルギーの計画")

    def icon(self):
        return QIcon(ICON)

    def loadAlgorithms(self):
        for cls in algorithm_classes():
            self.addAlgorithm(cls())
