"""Regenerate layers/styles/facilities.qml from layers/schemas.py (Japanese aliases + designation categories).

Run: cd build/plugins && ../../.venv/bin/python -m sonae.scripts.make_facility_style
"""
from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main():
    from qgis.core import (QgsApplication, QgsCategorizedSymbolRenderer, QgsField, QgsMarkerSymbol,
                           QgsRendererCategory, QgsVectorLayer)
    from qgis.PyQt.QtCore import QMetaType
    app = QgsApplication([], False)
    app.initQgis()
    from sonae.layers.schemas import FACILITIES
    layer = QgsVectorLayer("Point?crs=EPSG:6668", "facilities", "memory")
    kinds = {"str": QMetaType.QString, "int": QMetaType.LongLong, "float": QMetaType.Double,
             "bool": QMetaType.Bool}
    layer.dataProvider().addAttributes([QgsField(f.name, kinds[f.kind]) for f in FACILITIES])
    layer.updateFields()
    for i, f in enumerate(FACILITIES):
        layer.setFieldAlias(i, f.alias_ja)
    expression = ("CASE WHEN \"emergency_site\" AND \"designated_shelter\" THEN 'both' "
                  "WHEN \"designated_shelter\" THEN 'shelter' WHEN \"emergency_site\" THEN 'emergency' "
                  "ELSE 'other' END")
    styles = [("both", "指定緊急避難場所・指定避難所", "#1f5fbf", "circle", 3.2),
              ("shelter", "指定避難所", "#2b9348", "square", 3.0),
              ("emergency", "指定緊急避難場所", "#f08c00", "triangle", 3.2),
              ("other", "その他の施設", "#888888", "circle", 2.0)]
    categories = []
    for value, label, colour, shape, size in styles:
        symbol = QgsMarkerSymbol.createSimple({"name": shape, "color": colour, "outline_color": "#202020",
                                               "outline_width": "0.2", "size": str(size)})
        categories.append(QgsRendererCategory(value, symbol, label))
    layer.setRenderer(QgsCategorizedSymbolRenderer(expression, categories))
    out = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "layers", "styles",
                       "facilities.qml")
    msg, ok = layer.saveNamedStyle(out)
    print(out, ok, msg)
    sys.stdout.flush()
    os._exit(0)


if __name__ == "__main__":
    main()
