"""Styles for Sonae outputs: QML files in layers/styles plus Japanese field aliases.

A style's own aliases come first; fields it does not alias take the alias of the facilities chain
(facilities.qml, then every facilities_hazard_*.qml), so a hazard, shelter or energy layer built on facilities
keeps 名称, 収容人数 ... and the aliases of earlier hazard runs.

Outputs run from the toolbox, batch, models, ``runAndLoadResults`` or a task are styled by a
``QgsProcessingLayerPostProcessorInterface``. Processing runs a throwaway copy of the algorithm and calls the
post-processor after that copy is gone: the processor must not live on the algorithm (:func:`post_processor`).
"""
from __future__ import annotations

import collections
import glob
import os
import xml.etree.ElementTree as ET

from qgis.core import QgsProcessingLayerPostProcessorInterface, QgsVectorLayer

STYLE_DIR = os.path.normpath(os.path.join(os.path.dirname(__file__), "..", "layers", "styles"))
_ALIASES: dict[str, dict[str, str]] = {}
_KEEP: collections.deque = collections.deque(maxlen=256)


def style_path(style_name: str) -> str:
    return os.path.normpath(os.path.join(STYLE_DIR, f"{style_name}.qml"))


def style_aliases(style_name: str) -> dict[str, str]:
    """{field: alias} written in layers/styles/<style_name>.qml (empty aliases skipped)."""
    if style_name not in _ALIASES:
        aliases = {}
        path = style_path(style_name)
        if os.path.exists(path):
            for el in ET.parse(path).getroot().iter("alias"):
                if el.get("field") and el.get("name"):
                    aliases[el.get("field")] = el.get("name")
        _ALIASES[style_name] = aliases
    return _ALIASES[style_name]


def fallback_aliases() -> dict[str, str]:
    """The facilities chain's aliases: facilities.qml first, then the hazard styles (sorted by name)."""
    merged: dict[str, str] = {}
    names = ["facilities"] + sorted(os.path.splitext(os.path.basename(p))[0]
                                    for p in glob.glob(os.path.join(STYLE_DIR, "facilities_hazard_*.qml")))
    for name in names:
        for field, alias in style_aliases(name).items():
            merged.setdefault(field, alias)
    return merged


def fill_aliases(layer: QgsVectorLayer, style_name: str) -> int:
    """Give every field without an alias the style's or the facilities chain's alias. Returns how many were set."""
    own = style_aliases(style_name)
    fallback = fallback_aliases()
    count = 0
    fields = layer.fields()
    for i in range(fields.count()):
        name = fields.at(i).name()
        if layer.attributeAlias(i):
            continue
        alias = own.get(name) or fallback.get(name)
        if alias:
            layer.setFieldAlias(i, alias)
            count += 1
    return count


def apply_style(layer, style_name: str) -> bool:
    """Load layers/styles/<style_name>.qml onto a layer and fill the missing aliases. True when it was applied."""
    path = style_path(style_name)
    if not os.path.exists(path):
        return False
    _msg, ok = layer.loadNamedStyle(path)
    if ok and isinstance(layer, QgsVectorLayer):
        fill_aliases(layer, style_name)
    layer.triggerRepaint()
    return bool(ok)


def save_style_in_geopackage(layer: QgsVectorLayer, style_name: str) -> None:
    """Store the style inside the GeoPackage as the layer's default, so the file opens styled anywhere."""
    if apply_style(layer, style_name):
        layer.saveStyleToDatabase(style_name, "Sonae", True, "")


class StylePostProcessor(QgsProcessingLayerPostProcessorInterface):
    def __init__(self, style_name: str):
        super().__init__()
        self.style_name = style_name
        self.applied = 0           # how many layers it styled (tests and diagnostics)

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802
        if isinstance(layer, QgsVectorLayer) and apply_style(layer, self.style_name):
            self.applied += 1


def post_processor(style_name: str) -> StylePostProcessor:
    """A new post-processor for one output. The processing context takes ownership (and deletes it when the
    context goes); a reference is also kept here (the last 256) so the Python object outlives the throwaway
    algorithm copy whatever the binding does with ownership (child contexts of models are created in C++)."""
    proc = StylePostProcessor(style_name)
    _KEEP.append(proc)
    return proc
