"""Generate the council map book's template and styles (run once; the outputs are committed):

- layers/templates/council_mapbook_a3.qpt — A3 landscape atlas page: map, figures table, figure notes, legend,
  scale bar, north arrow, title, attribution, page number, and the district index table (shown only on the index
  pages: atlas features with page_kind = 'index'). Item ids are the contract with sonae:councilmapbook.
- layers/styles/mapbook_facilities.qml — stay shelters (stay = 1) by power autonomy (hours_now), other sites as
  small grey triangles (no stay figures), with a mark for a flood designation conflict (flood_conflict = 1).
- layers/styles/mapbook_flood.qml — KSJ flood depth ranks 1-6 with the portal colours (DESIGN.md section 5).
- layers/styles/mapbook_pages.qml — district outlines, the page's own district highlighted.

Usage: cd build/plugins && ../../.venv/bin/python -m sonae.scripts.make_mapbook_assets
"""
from __future__ import annotations

import os

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
STYLES = os.path.join(ROOT, "layers", "styles")
TEMPLATE = os.path.join(ROOT, "layers", "templates", "council_mapbook_a3.qpt")
FONT = "Noto Sans CJK JP"

FLOOD_CLASSES = [  # rank, (r, g, b), label
    (1, (247, 245, 169), "0.5m未満"), (2, (255, 216, 192), "0.5〜3m"), (3, (255, 183, 183), "3〜5m"),
    (4, (255, 145, 145), "5〜10m"), (5, (242, 133, 201), "10〜20m"), (6, (220, 122, 220), "20m以上")]

# Index table: column fields and headers from the engine (one place).
INDEX_SHOWN = "attribute(@atlas_feature, 'page_kind') = 'index'"


def text_format(size, bold=False, color=(0, 0, 0)):
    from qgis.core import QgsTextFormat
    from qgis.PyQt.QtGui import QColor, QFont
    font = QFont(FONT)
    font.setBold(bold)
    fmt = QgsTextFormat()
    fmt.setFont(font)
    fmt.setSize(size)
    fmt.setColor(QColor(*color))
    if bold:
        fmt.setForcedBold(True)
    return fmt


def facilities_renderer():
    from qgis.core import QgsMarkerSymbol, QgsRuleBasedRenderer
    root = QgsRuleBasedRenderer.Rule(None)

    def marker(color, size=2.6, shape="circle", stroke="40,40,40,255", width="0.25"):
        return QgsMarkerSymbol.createSimple({"name": shape, "color": color, "size": str(size),
                                             "outline_color": stroke, "outline_width": width})

    classes = [
        ('"stay" = 1 AND "hours_now" >= 72', "0,150,70,255", "避難所：停電時72時間以上"),
        ('"stay" = 1 AND "hours_now" >= 24 AND "hours_now" < 72', "245,160,0,255", "避難所：24〜72時間"),
        ('"stay" = 1 AND "hours_now" < 24', "215,25,28,255", "避難所：24時間未満"),
        ('"stay" = 1 AND "hours_now" IS NULL', "160,160,160,255", "避難所：自立時間データなし"),
    ]
    for expr, color, label in classes:
        root.appendChild(QgsRuleBasedRenderer.Rule(marker(color), 0, 0, expr, label))
    root.appendChild(QgsRuleBasedRenderer.Rule(marker("255,255,255,255", 2.2, "triangle", "90,90,90,255", "0.3"),
                                               0, 0, '"stay" IS NULL OR "stay" <> 1',
                                               "その他の施設（一時避難場所、津波避難ビル等）"))
    conflict = marker("0,0,0,0", 5.0, "square", "0,0,0,255", "0.5")
    root.appendChild(QgsRuleBasedRenderer.Rule(conflict, 0, 0, '"flood_conflict" = 1',
                                               "洪水の指定と浸水想定が不整合"))
    return QgsRuleBasedRenderer(root)


def save_vector_style(renderer, geometry, path, opacity=1.0):
    from qgis.core import QgsVectorLayer
    layer = QgsVectorLayer(f"{geometry}?crs=EPSG:4326&field=hours_now:double&field=flood_conflict:integer"
                           "&field=stay:integer&field=page_key:string", "x", "memory")
    layer.setRenderer(renderer)
    layer.setOpacity(opacity)
    layer.saveNamedStyle(path)


def flood_style(path):
    """A paletted renderer for depth ranks: written from a tiny GeoTIFF so the QML is a real raster style."""
    import tempfile

    import numpy as np
    import rasterio
    from qgis.core import QgsPalettedRasterRenderer, QgsRasterLayer
    from qgis.PyQt.QtGui import QColor
    tmp = os.path.join(tempfile.mkdtemp(), "r.tif")
    with rasterio.open(tmp, "w", driver="GTiff", width=6, height=1, count=1, dtype="uint8", nodata=0,
                       crs="EPSG:4326", transform=rasterio.transform.from_origin(134, 34.3, 0.01, 0.01)) as ds:
        ds.write(np.arange(1, 7, dtype="uint8").reshape(1, 1, 6))
    layer = QgsRasterLayer(tmp, "flood")
    classes = [QgsPalettedRasterRenderer.Class(v, QColor(*rgb), label) for v, rgb, label in FLOOD_CLASSES]
    renderer = QgsPalettedRasterRenderer(layer.dataProvider(), 1, classes)
    layer.setRenderer(renderer)
    layer.setOpacity(0.75)
    layer.saveNamedStyle(path)


def pages_renderer():
    """District outlines: the page's own district bold with a light fill, the other candidates thin and dashed."""
    from qgis.core import QgsFillSymbol, QgsRuleBasedRenderer
    root = QgsRuleBasedRenderer.Rule(None)
    own = QgsFillSymbol.createSimple({"color": "30,60,160,35", "outline_color": "20,40,140,255",
                                      "outline_width": "1.0", "outline_style": "solid"})
    other = QgsFillSymbol.createSimple({"color": "0,0,0,0", "outline_color": "90,110,180,255",
                                        "outline_width": "0.4", "outline_style": "dash"})
    root.appendChild(QgsRuleBasedRenderer.Rule(own, 0, 0, "\"page_key\" = attribute(@atlas_feature, 'page_key')",
                                               "このページの地区"))
    root.appendChild(QgsRuleBasedRenderer.Rule(other, 0, 0, "ELSE", "地区候補の範囲"))
    return QgsRuleBasedRenderer(root)


def build_template(path):
    from qgis.core import (QgsLayoutItemLabel, QgsLayoutItemLegend, QgsLayoutItemManualTable, QgsLayoutItemMap,
                           QgsLayoutItemPage, QgsLayoutItemPicture, QgsLayoutItemScaleBar, QgsLayoutFrame,
                           QgsLayoutPoint, QgsLayoutSize, QgsPrintLayout, QgsProject, QgsProperty,
                           QgsReadWriteContext, QgsScaleBarSettings, QgsTableCell, QgsUnitTypes, QgsLegendStyle)
    from qgis.PyQt.QtCore import QRectF, Qt
    from qgis.PyQt.QtGui import QColor
    project = QgsProject()
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.setName("Sonae 議会向け図面集 A3")
    page = layout.pageCollection().page(0)
    page.setPageSize("A3", QgsLayoutItemPage.Landscape)
    mm = QgsUnitTypes.LayoutMillimeters

    def place(item, x, y, w, h, item_id):
        item.attemptMove(QgsLayoutPoint(x, y, mm))
        item.attemptResize(QgsLayoutSize(w, h, mm))
        item.setId(item_id)
        layout.addLayoutItem(item)
        return item

    def label(text, x, y, w, h, item_id, size, bold=False, halign=Qt.AlignLeft):
        lab = QgsLayoutItemLabel(layout)
        lab.setText(text)
        lab.setTextFormat(text_format(size, bold))
        lab.setHAlign(halign)
        lab.setVAlign(Qt.AlignVCenter if h < 20 else Qt.AlignTop)
        return place(lab, x, y, w, h, item_id)

    label('[% @sonae_title %]', 10, 6, 300, 11, "title", 20, True)
    label('[% "page_name" %]', 10, 17, 300, 8, "subtitle", 13)
    label('[% @sonae_date %]　[% @atlas_featurenumber %] / [% @atlas_totalfeatures %]', 310, 8, 100, 8,
          "page_number", 10, False, Qt.AlignRight)

    mp = QgsLayoutItemMap(layout)
    mp.setFrameEnabled(True)
    mp.setBackgroundColor(QColor(255, 255, 255))
    place(mp, 10, 27, 285, 232, "main_map")
    mp.setAtlasDriven(True)
    mp.setAtlasScalingMode(QgsLayoutItemMap.Auto)
    mp.setAtlasMargin(0.15)

    north = QgsLayoutItemPicture(layout)
    north.setPicturePath("/usr/share/qgis/svg/arrows/NorthArrow_02.svg")
    north.setBackgroundEnabled(True)
    north.setBackgroundColor(QColor(255, 255, 255, 200))
    place(north, 280, 30, 12, 18, "north_arrow")
    north.setLinkedMap(mp)

    sb = QgsLayoutItemScaleBar(layout)
    sb.setStyle("Single Box")
    sb.setLinkedMap(mp)
    sb.applyDefaultSize()
    sb.setUnits(QgsUnitTypes.DistanceMeters)
    sb.setUnitLabel("m")
    sb.setNumberOfSegments(2)
    sb.setNumberOfSegmentsLeft(0)
    sb.setSegmentSizeMode(QgsScaleBarSettings.SegmentSizeFitWidth)
    sb.setMinimumBarWidth(25)
    sb.setMaximumBarWidth(70)
    sb.setTextFormat(text_format(8))
    sb.setBackgroundEnabled(True)
    sb.setBackgroundColor(QColor(255, 255, 255, 220))
    place(sb, 13, 246, 80, 11, "scalebar")

    label("主な数値", 300, 27, 110, 7, "figures_title", 12, True)
    table = QgsLayoutItemManualTable.create(layout)
    layout.addMultiFrame(table)
    from sonae.engine.report_figures import FIGURES
    rows = [[QgsTableCell(f.label_ja), QgsTableCell(QgsProperty.fromExpression(f'"v_{f.key}"'))]
            for f in FIGURES]
    table.setTableContents(rows)
    table.setContentTextFormat(text_format(9))
    table.setHeaderTextFormat(text_format(9, True))
    table.setIncludeTableHeader(False)
    table.setCellMargin(1.2)
    table.setGridStrokeWidth(0.2)
    from qgis.core import QgsLayoutTableColumn
    c1, c2 = QgsLayoutTableColumn(), QgsLayoutTableColumn()
    c1.setWidth(66)
    c2.setWidth(36)
    c2.setHAlignment(Qt.AlignRight)
    table.setColumns([c1, c2])
    frame = QgsLayoutFrame(layout, table)
    frame.attemptSetSceneRect(QRectF(300, 35, 110, 84))
    frame.setId("figures_frame")
    table.addFrame(frame)
    table.setResizeMode(QgsLayoutItemManualTable.UseExistingFrames)
    page_note = label("[% \"page_note\" %]", 300, 106, 110, 13, "page_note", 8)
    page_note.setVAlign(Qt.AlignTop)
    note = label("[% @sonae_figure_notes %]", 300, 120, 110, 40, "figures_note", 6.5)
    note.setVAlign(Qt.AlignTop)

    legend = QgsLayoutItemLegend(layout)
    legend.setTitle("凡例")
    legend.setLinkedMap(mp)
    legend.setAutoUpdateModel(False)
    for style in (QgsLegendStyle.Title, QgsLegendStyle.Group, QgsLegendStyle.Subgroup,
                  QgsLegendStyle.SymbolLabel):
        size = {QgsLegendStyle.Title: 11, QgsLegendStyle.Group: 9, QgsLegendStyle.Subgroup: 9}.get(style, 8)
        legend.rstyle(style).setTextFormat(text_format(size, style in (QgsLegendStyle.Title,
                                                                        QgsLegendStyle.Subgroup)))
    legend.setFrameEnabled(False)
    place(legend, 300, 161, 110, 98, "legend")

    # District index (index pages only): the table's layer, columns and filter are set by sonae:councilmapbook.
    from qgis.core import QgsLayoutItemAttributeTable
    index = QgsLayoutItemAttributeTable.create(layout)
    layout.addMultiFrame(index)
    index.setContentTextFormat(text_format(9))
    index.setHeaderTextFormat(text_format(9, True))
    index.setCellMargin(1.0)
    index.setGridStrokeWidth(0.2)
    index.setMaximumNumberOfFeatures(1000)
    index_frame = QgsLayoutFrame(layout, index)
    index_frame.attemptSetSceneRect(QRectF(10, 36, 400, 222))
    index_frame.setId("index_frame")
    index.addFrame(index_frame)
    index.setResizeMode(QgsLayoutItemAttributeTable.UseExistingFrames)
    index_note = label("[% attribute(@atlas_feature, 'index_note') %]", 10, 27, 400, 8, "index_note", 9)

    from qgis.core import QgsLayoutObject
    hide_on_index = QgsProperty.fromExpression(INDEX_SHOWN)
    show_on_index = QgsProperty.fromExpression(f"NOT ({INDEX_SHOWN})")
    for item in (mp, north, sb, legend, frame, note, page_note, layout.itemById("figures_title")):
        item.dataDefinedProperties().setProperty(QgsLayoutObject.ExcludeFromExports, hide_on_index)
    for item in (index_frame, index_note):
        item.dataDefinedProperties().setProperty(QgsLayoutObject.ExcludeFromExports, show_on_index)

    label("[% @sonae_attribution %]", 10, 261, 400, 30, "attribution", 7)
    layout.saveAsTemplate(path, QgsReadWriteContext())
    return layout


def main():
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from qgis.core import QgsApplication
    app = QgsApplication([], False)
    app.initQgis()
    os.makedirs(os.path.dirname(TEMPLATE), exist_ok=True)
    save_vector_style(facilities_renderer(), "Point", os.path.join(STYLES, "mapbook_facilities.qml"))
    save_vector_style(pages_renderer(), "Polygon", os.path.join(STYLES, "mapbook_pages.qml"))
    flood_style(os.path.join(STYLES, "mapbook_flood.qml"))
    build_template(TEMPLATE)
    print("wrote", TEMPLATE, "and layers/styles/mapbook_*.qml")
    os._exit(0)


if __name__ == "__main__":
    main()
