"""Write the QML styles of the hazard/demand outputs (layers/styles/) from rules/depth_classes.json.

Run once after changing the depth classes or colours:
    cd build/plugins && ../../.venv/bin/python -m sonae.scripts.make_hazard_styles
(or ``../../.venv/bin/python sonae/scripts/make_hazard_styles.py``). The styles are committed; nothing runs this
at import time.
"""
from __future__ import annotations

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, os.path.dirname(ROOT))
STYLES = os.path.join(ROOT, "layers", "styles")

HAZARDS = ("flood", "tsunami", "storm_surge", "inland_flood", "landslide")
HAZARD_JA = {"flood": "洪水", "tsunami": "津波", "storm_surge": "高潮", "inland_flood": "内水氾濫",
             "landslide": "土砂災害"}
NODATA_RGB = (190, 190, 190)
DRY_RGB = (255, 255, 255)


def _classes():
    import json
    with open(os.path.join(ROOT, "rules", "depth_classes.json"), encoding="utf-8") as fh:
        return json.load(fh)


def _layer(geom: str, fields: dict):
    from qgis.core import QgsField, QgsVectorLayer
    from qgis.PyQt.QtCore import QMetaType
    layer = QgsVectorLayer(f"{geom}?crs=EPSG:6668", "style", "memory")
    types = {"int": QMetaType.LongLong, "float": QMetaType.Double, "bool": QMetaType.Bool, "str": QMetaType.QString}
    layer.dataProvider().addAttributes([QgsField(n, types[k]) for n, (k, _a) in fields.items()])
    layer.updateFields()
    for i, (_n, (_k, alias)) in enumerate(fields.items()):
        layer.setFieldAlias(i, alias)
    return layer


def _color(rgb):
    from qgis.PyQt.QtGui import QColor
    return QColor(*rgb)


def facilities_style(hazard: str, dc: dict) -> str:
    from qgis.core import (QgsCategorizedSymbolRenderer, QgsMarkerSymbol, QgsProperty, QgsRendererCategory,
                           QgsSymbolLayer)
    ja = HAZARD_JA[hazard]
    layer = _layer("Point", {
        f"{hazard}_value": ("float", f"{ja}：地点の値"), f"{hazard}_max": ("float", f"{ja}：半径内の最大値"),
        f"{hazard}_rank": ("int", f"{ja}：浸水深ランク"), f"{hazard}_conflict": ("bool", f"{ja}：指定との矛盾"),
        f"{hazard}_basis": ("str", f"{ja}：判定理由")})

    def symbol(rgb):
        s = QgsMarkerSymbol.createSimple({"name": "circle", "size": "3.2", "color": ",".join(map(str, rgb)),
                                          "outline_color": "60,60,60", "outline_width": "0.3"})
        sl = s.symbolLayer(0)
        sl.setDataDefinedProperty(QgsSymbolLayer.PropertyStrokeColor, QgsProperty.fromExpression(
            f"if(\"{hazard}_conflict\", '#d7191c', '#3c3c3c')"))
        sl.setDataDefinedProperty(QgsSymbolLayer.PropertyStrokeWidth, QgsProperty.fromExpression(
            f"if(\"{hazard}_conflict\", 1.0, 0.3)"))
        return s

    cats = [QgsRendererCategory(0, symbol(DRY_RGB), "0: 浸水なし / dry")]
    for c in dc["classes"]:
        cats.append(QgsRendererCategory(c["rank"], symbol(c["rgb"]),
                                        f"{c['rank']}: {c['label_ja']} / {c['label_en']}"))
    cats.append(QgsRendererCategory(None, symbol(NODATA_RGB), "データなし / no data"))
    layer.setRenderer(QgsCategorizedSymbolRenderer(f"{hazard}_rank", cats))
    path = os.path.join(STYLES, f"facilities_hazard_{hazard}.qml")
    layer.saveNamedStyle(path)
    return path


def graduated(name: str, geom: str, field: str, fields: dict, breaks: list, colours: list, labels: list) -> str:
    from qgis.core import QgsFillSymbol, QgsGraduatedSymbolRenderer, QgsMarkerSymbol, QgsRendererRange
    layer = _layer(geom, fields)
    ranges = []
    for (lo, hi), rgb, label in zip(zip(breaks[:-1], breaks[1:]), colours, labels):
        col = ",".join(map(str, rgb))
        sym = (QgsMarkerSymbol.createSimple({"name": "circle", "size": "2.6", "color": col,
                                             "outline_color": "80,80,80", "outline_width": "0.2"})
               if geom == "Point" else
               QgsFillSymbol.createSimple({"color": col, "outline_color": "120,120,120", "outline_width": "0.1"}))
        ranges.append(QgsRendererRange(lo, hi, sym, label))
    layer.setRenderer(QgsGraduatedSymbolRenderer(field, ranges))
    path = os.path.join(STYLES, f"{name}.qml")
    layer.saveNamedStyle(path)
    return path


def main():
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from qgis.core import QgsApplication
    app = QgsApplication([], False)
    app.initQgis()
    dc = _classes()
    rgb = [c["rgb"] for c in dc["classes"]]
    written = [facilities_style(h, dc) for h in HAZARDS]
    share_fields = {"population": ("float", "人口"), "people_exposed": ("float", "浸水深0.5m以上の人口"),
                    "share_exposed": ("float", "浸水深0.5m以上の割合"), "people_no_data": ("float", "データなしの人口"),
                    "people_dry": ("float", "浸水なしの人口"),
                    **{f"people_rank_{c['rank']}": ("float", f"人口：{c['label_ja']}") for c in dc["classes"]}}
    written.append(graduated("exposed_population", "Point", "share_exposed", share_fields,
                             [0, 1e-9, 0.25, 0.5, 0.75, 1.0001], [(255, 255, 255)] + rgb[1:5],
                             ["0 %", "0-25 %", "25-50 %", "50-75 %", "75-100 %"]))
    written.append(graduated("exposed_population_polygons", "Polygon", "share_exposed", share_fields,
                             [0, 1e-9, 0.25, 0.5, 0.75, 1.0001], [(255, 255, 255)] + rgb[1:5],
                             ["0 %", "0-25 %", "25-50 %", "50-75 %", "75-100 %"]))
    written.append(graduated("shelters", "Point", "occupancy", {
        "eligible": ("bool", "受入可能"), "assigned_zones": ("int", "割当区域数"),
        "assigned_population": ("float", "割当人口"), "evacuees": ("float", "想定避難者数"),
        "capacity_calc": ("float", "収容人数（算定）"), "shortfall_persons": ("float", "不足人数"),
        "occupancy": ("float", "収容率")},
        [0, 0.5, 1.0, 2.0, 5.0, 1e9], [(26, 150, 65), (166, 217, 106), (255, 216, 192), (255, 145, 145),
                                       (220, 122, 220)],
        ["< 50 %", "50-100 %", "100-200 %", "200-500 %", "> 500 %"]))
    written.append(graduated("population_catchment", "Point", "distance_m", {
        "zone_id": ("str", "区域"), "population": ("float", "人口"), "shelter_id": ("str", "避難所ID"),
        "shelter_name": ("str", "避難所名"), "distance_m": ("float", "距離（m）"), "method": ("str", "距離の種類")},
        [0, 500, 1000, 2000, 4000, 1e9], [(26, 150, 65), (166, 217, 106), (255, 216, 192), (255, 145, 145),
                                          (220, 122, 220)],
        ["< 500 m", "500 m - 1 km", "1-2 km", "2-4 km", "> 4 km"]))
    for p in written:
        print("wrote", os.path.relpath(p, ROOT))
    os._exit(0)


if __name__ == "__main__":
    main()
