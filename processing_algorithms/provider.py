"""The ``sonae`` Processing provider. Algorithms are discovered from the modules of this package."""
from __future__ import annotations

import importlib
import inspect
import os
import pkgutil
import re

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from .base import SonaeAlgorithm, tr

ICON = os.path.join(os.path.dirname(__file__), "..", "plugin", "icon.svg")
_SKIP = {"base", "provider", "qgis_io", "styles"}


_ALG_ID = re.compile(r'^\s+ALG_ID\s*=\s*["\']\w', re.M)


def _defines_algorithm(folder: str, name: str) -> bool:
    """Whether processing_algorithms/<name>.py sets an ALG_ID (helper modules such as network.py or qgis_io.py
    import heavy libraries and are not imported when the provider loads)."""
    try:
        with open(os.path.join(folder, f"{name}.py"), encoding="utf-8") as f:
            return bool(_ALG_ID.search(f.read()))
    except OSError:
        return True


def algorithm_classes() -> list:
    """Every concrete SonaeAlgorithm subclass defined in processing_algorithms/*.py, sorted by id."""
    found = {}
    package = __name__.rsplit(".", 1)[0]
    folder = os.path.dirname(__file__)
    for info in pkgutil.iter_modules([folder]):
        if info.name in _SKIP or info.name.startswith("_") or not _defines_algorithm(folder, info.name):
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
