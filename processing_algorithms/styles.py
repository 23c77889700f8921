"""Styles for Sonae outputs: QML files in layers/styles plus Japanese field aliases from the schemas."""
from __future__ import annotations

import os

from qgis.core import QgsProcessingLayerPostProcessorInterface, QgsVectorLayer

STYLE_DIR = os.path.join(os.path.dirname(__file__), "..", "layers", "styles")


def style_path(style_name: str) -> str:
    return os.path.normpath(os.path.join(STYLE_DIR, f"{style_name}.qml"))


def apply_style(layer, style_name: str) -> bool:
    """Load layers/styles/<style_name>.qml onto a layer. Returns True when a style was applied."""
    path = style_path(style_name)
    if not os.path.exists(path):
        return False
    _msg, ok = layer.loadNamedStyle(path)
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

    def postProcessLayer(self, layer, context, feedback):
        if isinstance(layer, QgsVectorLayer):
            apply_style(layer, self.style_name)
