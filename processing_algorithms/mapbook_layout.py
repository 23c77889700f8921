"""Layers and print layout of the council map book (QGIS side of sonae:councilmapbook).

Everything the layout draws is an in-memory layer built from the engine's frames: the atlas coverage (one
feature per printed page: overview, index sheets, districts or grid cells), the district outlines, the
facilities with their map labels and the index rows. Nothing is written next to the PDF and no input is opened
for writing; the user's flood raster and base map are drawn read-only.
"""
from __future__ import annotations

import os

from qgis.core import Qgis
from qgis.core import (QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsExpressionContextUtils,
                       QgsFeature, QgsGeometry, QgsLayoutItemAttributeTable, QgsLayoutTableColumn,
                       QgsPalLayerSettings, QgsPrintLayout, QgsProperty, QgsReadWriteContext, QgsTextBufferSettings,
                       QgsTextFormat, QgsVectorLayer, QgsVectorLayerSimpleLabeling)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor, QFont
from qgis.PyQt.QtXml import QDomDocument

from ..engine.errors import SonaeInputError
from .base import lazy_from
INDEX_COLUMNS = lazy_from(__name__, "..engine.mapbook", "INDEX_COLUMNS")
_columns_as_lists, crs_of, qgs_fields = lazy_from(__name__, ".qgis_io", "_columns_as_lists", "crs_of", "qgs_fields")
from .styles import style_path

TEMPLATE = os.path.join(os.path.dirname(__file__), "..", "layers", "templates", "council_mapbook_a3.qpt")
LABEL_FONT = "Noto Sans CJK JP"
NOT_OVERVIEW = "attribute(@atlas_feature, 'page_kind') NOT IN ('overview', 'index')"


def memory_layer(frame, name: str, geometry: str | None = None) -> QgsVectorLayer:
    """A memory layer holding ``frame`` (a GeoDataFrame when ``geometry`` is 'Point'/'Polygon'/...)."""
    fields, names_kinds = qgs_fields(frame)
    crs = crs_of(frame).authid() if geometry else None
    uri = f"{geometry}?crs={crs}" if geometry else "None"
    layer = QgsVectorLayer(uri, name, "memory")
    provider = layer.dataProvider()
    provider.addAttributes(list(fields))
    layer.updateFields()
    columns = _columns_as_lists(frame, names_kinds)
    wkbs = None
    if geometry:
        import shapely
        wkbs = shapely.to_wkb(frame.geometry.values)
    feats = []
    for i in range(len(frame)):
        f = QgsFeature(layer.fields())
        f.setAttributes([col[i] for col in columns])
        if wkbs is not None and wkbs[i] is not None:
            g = QgsGeometry()
            g.fromWkb(wkbs[i])
            f.setGeometry(g)
        feats.append(f)
    provider.addFeatures(feats)
    layer.updateExtents()
    return layer


def label_facilities(layer: QgsVectorLayer) -> None:
    """Facility names (the short ``label`` field) on district and grid pages, with QGIS's collision handling:
    placed around the point (cartographic positions), points and other labels are obstacles, overlapping
    candidates are dropped (members of the page's district, then stay shelters, win)."""
    from qgis.core import Qgis, QgsLabelObstacleSettings
    settings = QgsPalLayerSettings()
    settings.fieldName = "label"
    settings.placement = Qgis.LabelPlacement.OrderedPositionsAroundPoint
    settings.dist = 1.0
    fmt = QgsTextFormat()
    font = QFont(LABEL_FONT)
    font.setStyleStrategy(QFont.StyleStrategy.PreferNoShaping)   # keep digits searchable (see _searchable_digits)
    fmt.setFont(font)
    fmt.setSize(7.5)
    fmt.setColor(QColor(20, 20, 20))
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(0.8)
    buffer.setColor(QColor(255, 255, 255))
    fmt.setBuffer(buffer)
    settings.setFormat(fmt)
    settings.placementSettings().setOverlapHandling(Qgis.LabelOverlapHandling.PreventOverlap)
    settings.placementSettings().setAllowDegradedPlacement(False)
    obstacle = QgsLabelObstacleSettings()
    obstacle.setIsObstacle(True)
    obstacle.setFactor(1.0)
    settings.setObstacleSettings(obstacle)
    props = settings.dataDefinedProperties()
    props.setProperty(QgsPalLayerSettings.Property.Show, QgsProperty.fromExpression(NOT_OVERVIEW))
    props.setProperty(QgsPalLayerSettings.Property.Priority, QgsProperty.fromExpression(
        "if(array_contains(string_to_array(attribute(@atlas_feature, 'member_ids'), ', '), \"id\"), 10, "
        "if(\"stay\" = 1, 7, 4))"))
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)


def load_template(project, title: str, attribution: str, date_text: str, notes: str) -> QgsPrintLayout:
    layout = QgsPrintLayout(project)
    with open(TEMPLATE, encoding="utf-8") as fh:
        doc = QDomDocument()
        doc.setContent(fh.read())
    _items, ok = layout.loadFromTemplate(doc, QgsReadWriteContext())
    if not ok:
        raise SonaeInputError(f"The print template {TEMPLATE} could not be read.",
                              f"印刷テンプレート {TEMPLATE} を読み込めません。")
    for name, value in (("sonae_title", title), ("sonae_attribution", attribution), ("sonae_date", date_text),
                        ("sonae_figure_notes", notes)):
        QgsExpressionContextUtils.setLayoutVariable(layout, name, value)
    return layout


def configure(layout, project, map_layers, coverage, index_layer, metric: str):
    """Point the template's items at the layers: map, legend, scale bar, atlas, index table."""
    from qgis.core import QgsMapLayerLegendUtils, QgsRasterLayer
    mp = layout.itemById("main_map")
    mp.setCrs(QgsCoordinateReferenceSystem(metric) if metric.startswith("EPSG:")
              else QgsCoordinateReferenceSystem.fromWkt(metric))
    mp.setLayers(map_layers)
    mp.setKeepLayerSet(True)
    mp.zoomToExtent(QgsCoordinateTransform(coverage.crs(), mp.crs(), project).transformBoundingBox(
        coverage.extent()))
    legend = layout.itemById("legend")
    root = legend.model().rootGroup()
    root.clear()
    for lyr in map_layers:
        if lyr.customProperty("sonae_mapbook_basemap"):
            continue                                # the base map needs no legend entry
        node = root.addLayer(lyr)
        if isinstance(lyr, QgsRasterLayer):
            n = len(legend.model().layerLegendNodes(node))
            QgsMapLayerLegendUtils.setLegendNodeOrder(node, list(range(1, n)))   # drop "Band 1 (Palette)"
            legend.model().refreshLayerLegend(node)
    legend.setLinkedMap(mp)
    sb = layout.itemById("scalebar")
    if sb is not None:
        sb.setLinkedMap(mp)
        sb.update()
    table = next((m for m in layout.multiFrames() if isinstance(m, QgsLayoutItemAttributeTable)), None)
    if table is None:
        raise SonaeInputError(f"The print template {TEMPLATE} has no index table.",
                              f"印刷テンプレート {TEMPLATE} に地区一覧の表がありません。")
    table.setVectorLayer(index_layer)
    columns = []
    for fieldname, header, _en in INDEX_COLUMNS:
        col = QgsLayoutTableColumn(header)
        col.setAttribute(fieldname)
        if fieldname not in ("i_district", "i_type"):
            col.setHAlignment(Qt.AlignmentFlag.AlignRight)
        columns.append(col)
    table.setColumns(columns)
    table.setFilterFeatures(True)
    table.setFeatureFilter("\"index_page\" = attribute(@atlas_feature, 'index_part')")
    table.setMaximumNumberOfFeatures(10000)
    _searchable_digits(layout)
    atlas = layout.atlas()
    atlas.setCoverageLayer(coverage)
    atlas.setPageNameExpression('"page_name"')
    atlas.setSortFeatures(True)
    atlas.setSortExpression('"page_no"')
    atlas.setEnabled(True)
    return layout


def _no_shaping(fmt):
    font = fmt.font()
    font.setStyleStrategy(QFont.StyleStrategy.PreferNoShaping)
    fmt.setFont(font)
    return fmt


def _searchable_digits(layout):
    """Keep every digit in the PDF text layer.

    With OpenType shaping, Noto Sans CJK JP gives digits inside Latin runs ("D002", "0.5m", "CC BY 4.0") glyph
    variants outside the font's cmap; Qt's PDF engine then writes no Unicode for them and pdftotext (and PDF
    search) lose the digits although they print. ``QFont.StyleStrategy.PreferNoShaping`` keeps the plain glyphs. The strategy is
    not stored in .qpt files, so it is applied here, after loading the template.
    """
    from qgis.core import (QgsLayoutItemLabel, QgsLayoutItemLegend, QgsLayoutItemManualTable,
                           QgsLayoutItemScaleBar, QgsLegendStyle)
    for item in layout.items():
        if isinstance(item, (QgsLayoutItemLabel, QgsLayoutItemScaleBar)):
            item.setTextFormat(_no_shaping(item.textFormat()))
        elif isinstance(item, QgsLayoutItemLegend):
            for style in (QgsLegendStyle.Style.Title, QgsLegendStyle.Style.Group, QgsLegendStyle.Style.Subgroup,
                          QgsLegendStyle.Style.SymbolLabel):
                item.rstyle(style).setTextFormat(_no_shaping(item.rstyle(style).textFormat()))
    for frame in layout.multiFrames():
        if isinstance(frame, (QgsLayoutItemManualTable, QgsLayoutItemAttributeTable)):
            frame.setContentTextFormat(_no_shaping(frame.contentTextFormat()))
            frame.setHeaderTextFormat(_no_shaping(frame.headerTextFormat()))


class SubFeedback:
    """Map the exporter's progress onto part of the algorithm's, sharing its cancel flag."""

    def __new__(cls, feedback, start, end):
        from qgis.core import QgsFeedback
        sub = QgsFeedback()

        def on_progress(p):
            if feedback is not None:
                feedback.setProgress(100.0 * start + (end - start) * p)
            if feedback is not None and feedback.isCanceled():
                sub.cancel()
        sub.progressChanged.connect(on_progress)
        if feedback is not None:
            feedback.canceled.connect(sub.cancel)
            if feedback.isCanceled():
                sub.cancel()
        sub._keep = on_progress
        return sub


def basemap_attribution(layer) -> str:
    """'背景地図：<layer name>' plus the rights recorded in the layer's metadata."""
    rights = [r for r in (layer.metadata().rights() or []) if r and r.strip()]
    return "背景地図：" + layer.name() + ("（" + "、".join(rights) + "）" if rights else "")
