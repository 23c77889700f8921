"""sonae:councilmapbook — the council map book: an A3 landscape atlas PDF from the demo-style GeoPackage.

Reads whichever contract tables exist (DEVELOPERS.md), computes the key figures per page with
``engine.report_figures`` (QGIS-free), writes the pages (with their formatted figures) to
``<pdf name>_pages.gpkg``, loads ``layers/templates/council_mapbook_a3.qpt``, re-points the map, legend and atlas
to the layers and exports through ``QgsLayoutExporter`` with text kept as text (searchable PDF). The layout and
its layers are added to the current project so staff can edit it and print again.

Layouts and the project are touched, so the algorithm runs in the main thread (``FlagNoThreading``, as QGIS's
own "Export atlas layout as PDF" does).
"""
from __future__ import annotations

import datetime as dt
import os

from qgis.core import (Qgis, QgsCoordinateReferenceSystem, QgsExpressionContextUtils, QgsLayoutExporter,
                       QgsPrintLayout, QgsProcessing, QgsProcessingAlgorithm, QgsProcessingOutputNumber,
                       QgsProcessingOutputString, QgsProcessingOutputVectorLayer, QgsProcessingParameterBoolean,
                       QgsProcessingParameterField, QgsProcessingParameterFile,
                       QgsProcessingParameterFileDestination, QgsProcessingParameterNumber,
                       QgsProcessingParameterRasterLayer, QgsProcessingParameterString,
                       QgsProcessingParameterVectorLayer, QgsProject, QgsRasterLayer, QgsReadWriteContext,
                       QgsVectorLayer)
from qgis.PyQt.QtGui import QFont
from qgis.PyQt.QtXml import QDomDocument

from ..engine import report_figures as rf
from ..engine.errors import SonaeInputError
from .base import SonaeAlgorithm, tr
from .qgis_io import layer_to_frame
from .styles import style_path

TEMPLATE = os.path.join(os.path.dirname(__file__), "..", "layers", "templates", "council_mapbook_a3.qpt")
LAYOUT_NAME = "Sonae 議会向け図面集"
GROUP_NAME = "Sonae 図面集"
CONTRACT = ("facilities", "facilities_hazard", "shelters", "shelters_energy", "shelters_after_ev",
            "stockpile_sufficiency", "subsidy_scope", "districts")

ATTR_TAKAMATSU = "出典：高松市オープンデータ（takamatsu-city/opendata、CC BY 4.0）"
ATTR_GSI = "出典：国土地理院 指定緊急避難場所・指定避難所データ"
ATTR_KSJ_FLOOD = "国土数値情報（洪水浸水想定区域データ）（国土交通省）を加工して作成"
# No "・" in printed defaults: the font maps its glyph back to U+2027 in the PDF text layer, which search misses.
ATTR_SCENARIO = ("シナリオ（架空）：エネルギー設備、備蓄、EV、補助金の数値はデモ用の架空のシナリオに基づく試算であり、"
                 "実在の設備や在庫ではありません。")
DEFAULT_TITLE = "防災とエネルギーの計画 議会説明用図面集"


def attribution_lines(sources, flood: bool, flood_source: str, scenario: bool, extra: str = "") -> list[str]:
    """One line per data source: facility sources (``source`` field), the flood raster, the scenario label."""
    lines = []
    for s in sorted({str(s) for s in sources if s}):
        if s.startswith("takamatsu_city"):
            text = ATTR_TAKAMATSU
        elif s.startswith("gsi"):
            text = ATTR_GSI
        elif s.startswith("ksj"):
            text = "出典：国土数値情報（避難施設データ）（国土交通省）"
        else:
            text = f"出典：{s}"
        if text not in lines:
            lines.append(text)
    if flood:
        lines.append(flood_source or ATTR_KSJ_FLOOD)
    if scenario:
        lines.append(ATTR_SCENARIO)
    lines.extend(line for line in (extra or "").splitlines() if line.strip())
    return lines


def metric_crs(lon: float) -> QgsCoordinateReferenceSystem:
    """JGD2011 / UTM zone for a longitude in Japan (zones 51-55 = EPSG:6688-6692), else WGS 84 / UTM."""
    zone = int((lon + 180) // 6) + 1
    if 51 <= zone <= 55:
        return QgsCoordinateReferenceSystem(f"EPSG:{6688 + zone - 51}")
    return QgsCoordinateReferenceSystem(f"EPSG:{32600 + zone}")


class CouncilMapbook(SonaeAlgorithm):
    ALG_ID = "councilmapbook"
    GROUP = "report"
    DISPLAY_NAME = "Council map book (PDF) / 議会向け図面集（PDF）"
    SHORT_HELP = (
        "Exports an A3 landscape map book (one PDF, several pages) through a QGIS print layout: a page for the "
        "whole area, then one per district (the districts table or a coverage layer) or per grid cell. Each page "
        "has the map (shelters coloured by hours of power in an outage, flood designation conflicts marked, over "
        "the flood depth raster), legend, scale bar, north arrow, the attribution of every data source and a "
        "table of key figures: shelters, evacuees vs capacity, days of supply, hours of power, subsidy. Figures "
        "whose table does not exist yet print as '—'. The layout is added to the project for editing.\n"
        "印刷レイアウトでA3横の図面集（複数ページのPDF）を出力します。1ページ目は全域、以降は地区（または範囲レイヤ・格子）"
        "ごとです。地図（停電時の自立時間で色分けした避難所、洪水の指定と浸水想定の不整合、浸水深）、凡例、縮尺、方位、"
        "出典、主な数値の表（避難所数、避難者数と収容人数、備蓄日数、自立時間、補助金）を載せます。元の表がない数値は"
        "「—」と表示します。レイアウトはプロジェクトに追加され、編集して再印刷できます。")

    GPKG = "GPKG"
    FACILITIES = "FACILITIES"
    STOCKPILE = "STOCKPILE"
    SUBSIDY = "SUBSIDY"
    COVERAGE = "COVERAGE"
    COVERAGE_NAME = "COVERAGE_NAME"
    FLOOD = "FLOOD"
    GRID_M = "GRID_M"
    OVERVIEW = "OVERVIEW"
    MAX_PAGES = "MAX_PAGES"
    TITLE = "TITLE"
    SCENARIO = "SCENARIO"
    FLOOD_SOURCE = "FLOOD_SOURCE"
    ATTRIBUTION = "ATTRIBUTION"
    ADD_TO_PROJECT = "ADD_TO_PROJECT"
    DPI = "DPI"
    OUTPUT = "OUTPUT"

    def flags(self):
        return super().flags() | QgsProcessingAlgorithm.FlagNoThreading

    def initParameters(self, config=None):
        self.add(QgsProcessingParameterFile(self.GPKG, self.tr("Sonae GeoPackage / SonaeのGeoPackage"),
                                            extension="gpkg", optional=True),
                 "The demo-style GeoPackage (tables facilities ... shelters_energy, stockpile_sufficiency, "
                 "subsidy_scope, districts). Optional when the layers below are given. / 各段階の結果を収めた"
                 "GeoPackage。下のレイヤを指定する場合は省略可。")
        self.add(QgsProcessingParameterVectorLayer(self.FACILITIES, self.tr("Shelters layer / 避難所レイヤ"),
                                                   [QgsProcessing.TypeVectorPoint], optional=True),
                 "Points with Sonae fields (id; flood_conflict, evacuees, capacity_calc, hours_now when present). "
                 "Replaces the GeoPackage's shelters tables. / Sonaeの項目を持つ避難所の点レイヤ（GeoPackageの表の"
                 "代わりに使用）。")
        self.add(QgsProcessingParameterVectorLayer(self.STOCKPILE, self.tr("Stockpile sufficiency / 備蓄充足"),
                                                   [QgsProcessing.TypeVector], optional=True),
                 "sonae:stockpilesufficiency output (shelter_id, days_min). / 備蓄充足の結果（shelter_id, days_min）。")
        self.add(QgsProcessingParameterVectorLayer(self.SUBSIDY, self.tr("Subsidy scope / 補助対象"),
                                                   [QgsProcessing.TypeVector], optional=True),
                 "sonae:subsidyscope output (row_type, facility_id, district_id, subsidy_yen). / 補助対象の結果。")
        self.add(QgsProcessingParameterVectorLayer(self.COVERAGE, self.tr("Page areas / 図面の範囲"),
                                                   [QgsProcessing.TypeVectorPolygon], optional=True),
                 "Polygons, one page each (default: the districts table, else a grid over the shelters). / 1ページ"
                 "1範囲のポリゴン（既定は地区の表、なければ避難所を覆う格子）。")
        self.add(QgsProcessingParameterField(self.COVERAGE_NAME, self.tr("Page name field / 図面名の項目"),
                                             parentLayerParameterName=self.COVERAGE, optional=True),
                 "Field naming each page area. / 各範囲の名前の項目。")
        self.add(QgsProcessingParameterRasterLayer(self.FLOOD, self.tr("Flood depth raster / 浸水深ラスタ"),
                                                   optional=True),
                 "Depth-rank raster (KSJ ranks 1-6) drawn under the shelters. / 避難所の下に描く浸水深ランクのラスタ。")
        self.add(QgsProcessingParameterNumber(self.GRID_M, self.tr("Grid cell (m) / 格子の大きさ (m)"),
                                              QgsProcessingParameterNumber.Double, 5000.0, minValue=100.0),
                 "Page size of the grid used when there are no districts and no page areas. / 地区も範囲もないとき"
                 "の格子の一辺。")
        self.add(QgsProcessingParameterBoolean(self.OVERVIEW, self.tr("Whole-area first page / 1ページ目に全域"),
                                               True),
                 "Start with a page of the whole area and its totals. / 全域と合計のページを最初に付けます。")
        self.add(QgsProcessingParameterNumber(self.MAX_PAGES, self.tr("Maximum pages (0 = all) / 最大ページ数（0は全部）"),
                                              QgsProcessingParameterNumber.Integer, 0, minValue=0),
                 "Limit the number of area pages (the rest are reported, not printed). / 範囲ページ数の上限。",
                 advanced=True)
        self.add(QgsProcessingParameterString(self.TITLE, self.tr("Title / 表題"), DEFAULT_TITLE),
                 "Title printed on every page. / 各ページの表題。")
        self.add(QgsProcessingParameterBoolean(self.SCENARIO, self.tr("Scenario data / 架空のシナリオ"), True),
                 "Label energy, stockpile, EV and subsidy figures as a fictitious scenario (シナリオ（架空）). Clear it "
                 "only for real inventories. / エネルギー・備蓄・EV・補助金の数値をシナリオ（架空）と表示します。")
        self.add(QgsProcessingParameterString(self.FLOOD_SOURCE, self.tr("Flood data source / 浸水データの出典"),
                                              ATTR_KSJ_FLOOD),
                 "Attribution of the flood raster. / 浸水ラスタの出典表記。", advanced=True)
        self.add(QgsProcessingParameterString(self.ATTRIBUTION, self.tr("Further sources / その他の出典"),
                                              multiLine=True, optional=True),
                 "Extra attribution lines. / 追加の出典表記（1行に1件）。", advanced=True)
        self.add(QgsProcessingParameterBoolean(self.ADD_TO_PROJECT,
                                               self.tr("Add the layout to the project / レイアウトをプロジェクトに追加"),
                                               True),
                 "Keep the layout and its layers in the current project for editing. / 編集できるよう、レイアウトと"
                 "レイヤを現在のプロジェクトに残します。")
        self.add(QgsProcessingParameterNumber(self.DPI, self.tr("Resolution (dpi) / 解像度 (dpi)"),
                                              QgsProcessingParameterNumber.Integer, 150, minValue=72, maxValue=600),
                 "Resolution of the raster parts of the PDF. / PDFのラスタ部分の解像度。", advanced=True)
        self.add(QgsProcessingParameterFileDestination(self.OUTPUT, self.tr("Map book PDF / 図面集PDF"),
                                                       self.tr("PDF files (*.pdf)")),
                 "The PDF to write. / 出力するPDF。")
        self.addOutput(QgsProcessingOutputNumber("PAGE_COUNT", self.tr("Pages / ページ数")))
        self.addOutput(QgsProcessingOutputVectorLayer("PAGES", self.tr("Page areas with figures / 図面の範囲と数値")))
        self.addOutput(QgsProcessingOutputString("MISSING", self.tr("Tables not found / 見つからない表")))

    # --- inputs -----------------------------------------------------------------------------------------------
    def _tables(self, parameters, context):
        """name -> DataFrame/GeoDataFrame for the contract tables found; plus the map layer of the points."""
        import pyogrio
        gpkg = self.parameterAsFile(parameters, self.GPKG, context)
        tables, points_uri = {}, None
        if gpkg:
            if not os.path.isfile(gpkg):
                raise SonaeInputError(f"GeoPackage '{gpkg}' (GPKG) does not exist. Choose the file written by the "
                                      "Sonae demo or workflow.",
                                      f"GeoPackage「{gpkg}」（GPKG）がありません。Sonaeのデモまたはワークフローが出力した"
                                      "ファイルを選んでください。")
            present = {name for name, _ in pyogrio.list_layers(gpkg)}
            for name in CONTRACT:
                if name in present:
                    geo = name not in ("stockpile_sufficiency", "subsidy_scope")
                    tables[name] = pyogrio.read_dataframe(gpkg, layer=name, read_geometry=geo)
            points_name = next((n for n in rf.POINT_TABLES if n in tables), None)
            if points_name:
                points_uri = (f"{gpkg}|layername={points_name}", points_name)
        layer = self.parameterAsVectorLayer(parameters, self.FACILITIES, context)
        points_layer = None
        if layer is not None:
            for n in rf.POINT_TABLES:
                tables.pop(n, None)
            tables["shelters"] = layer_to_frame(layer)
            points_layer = layer
        for pname, tname in ((self.STOCKPILE, "stockpile_sufficiency"), (self.SUBSIDY, "subsidy_scope")):
            extra = self.parameterAsVectorLayer(parameters, pname, context)
            if extra is not None:
                tables[tname] = layer_to_frame(extra, geometry=False)
        if not tables:
            raise SonaeInputError("No input: give the Sonae GeoPackage (GPKG) or a shelters layer (FACILITIES).",
                                  "入力がありません。SonaeのGeoPackage（GPKG）か避難所レイヤ（FACILITIES）を指定してください。")
        return tables, points_uri, points_layer

    def _pages(self, parameters, context, tables, points, feedback):
        """GeoDataFrame of pages (EPSG:4326) with page_no, page_key, page_name and formatted figures."""
        import geopandas as gpd
        import shapely
        points = points.to_crs("EPSG:4326") if points.crs is not None else points.set_crs("EPSG:4326")
        centre_lon = float(points.geometry.x.median())
        metric = metric_crs(centre_lon).authid()
        areas = []  # (key, name, ids, geometry(EPSG:4326), district_id)
        coverage = self.parameterAsVectorLayer(parameters, self.COVERAGE, context)
        if coverage is not None:
            name_field = self.parameterAsString(parameters, self.COVERAGE_NAME, context)
            cov = layer_to_frame(coverage)
            cov = cov.to_crs("EPSG:4326")
            for i, row in enumerate(cov.itertuples(index=False), start=1):
                geom = row.geometry
                inside = points[points.geometry.within(geom) | points.geometry.intersects(geom)]
                label = str(getattr(row, name_field)) if name_field else f"{coverage.name()} {i}"
                areas.append((f"P{i:03d}", label, inside["id"].astype(str).tolist(), geom, None))
            how = tr("page areas / 範囲レイヤ")
        elif tables.get("districts") is not None and len(tables["districts"]):
            d = tables["districts"].to_crs("EPSG:4326")
            members = rf.district_members(d)
            for row in d.sort_values("district_id").itertuples(index=False):
                did = str(row.district_id)
                kind = getattr(row, "type_ja", "") or ""
                ids = members.get(did, [])
                geom = row.geometry
                # The district hull can be a sliver: show the members with some room.
                hull = shapely.union_all([geom] + list(points[points["id"].astype(str).isin(ids)].geometry))
                areas.append((did, f"地区 {did}　{kind}", ids, hull, did))
            how = tr("districts / 地区")
        else:
            grid = rf.grid_pages(points, float(self.parameterAsDouble(parameters, self.GRID_M, context)), metric)
            grid = grid.to_crs("EPSG:4326")
            for row in grid.itertuples(index=False):
                areas.append((row.page_key, f"区画 {row.page_key}", row.member_ids.split(", "), row.geometry, None))
            how = tr("grid cells / 格子")
        max_pages = self.parameterAsInt(parameters, self.MAX_PAGES, context)
        if max_pages and len(areas) > max_pages:
            feedback.pushWarning(f"{len(areas) - max_pages} of {len(areas)} area pages not printed (MAX_PAGES="
                                 f"{max_pages}). / 範囲ページ{len(areas)}件のうち{len(areas) - max_pages}件は"
                                 f"印刷していません（MAX_PAGES={max_pages}）。")
            areas = areas[:max_pages]
        feedback.pushInfo(f"{len(areas)} area pages from {how}.")
        records = []
        if self.parameterAsBool(parameters, self.OVERVIEW, context):
            hull = shapely.envelope(shapely.union_all(points.geometry.values))
            fig = rf.page_figures(tables, None, "ALL", "全域", whole_area=True)
            records.append((fig, hull))
        for key, name, ids, geom, did in areas:
            records.append((rf.page_figures(tables, ids, key, name, district_id=did), geom))
        rows = []
        for no, (fig, geom) in enumerate(records, start=1):
            values = dict(fig.rows())
            rows.append({
                "page_no": no, "page_key": fig.key, "page_name": f"{fig.name}（避難所{fig.shelters}か所）",
                "v_shelters": values["避難所数"], "v_conflicts": values["浸水想定と指定の不整合"],
                "v_evac": values["避難者数 / 収容可能人数"], "v_shortfall": values["収容不足"],
                "v_days": values["備蓄日数（最短）"], "v_days3": values["備蓄3日未満の避難所"],
                "v_hours": values["停電時の自立時間（中央値）"], "v_72h": values["72時間未満の避難所"],
                "v_subsidy": values["補助金（見込み）"],
                "shelters": fig.shelters, "evacuees": fig.evacuees, "capacity": fig.capacity,
                "conflicts": fig.conflicts, "days_min": fig.days_min, "hours_median": fig.hours_median,
                "under_72h": fig.shelters_under_72h, "subsidy_yen": fig.subsidy_yen, "geometry": geom})
        pages = gpd.GeoDataFrame(rows, geometry="geometry", crs="EPSG:4326")
        return pages, metric

    # --- run ----------------------------------------------------------------------------------------------------
    def compute(self, parameters, context, feedback, progress):
        tables, points_uri, points_layer = self._tables(parameters, context)
        points_name, points = rf.pick_points(tables)
        if not hasattr(points, "geometry") or points.geometry is None:
            raise SonaeInputError(f"Table '{points_name}' has no point geometry.",
                                  f"表「{points_name}」に点の位置がありません。")
        missing = rf.missing_tables(tables)
        if missing:
            feedback.pushWarning(
                "Not found, shown as '—' in the figures table: " + ", ".join(missing) + ". Run the steps that "
                "write them to fill these figures. / 次の表がないため数値を「—」と表示します: " + "、".join(missing))
        pdf = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        if not pdf.lower().endswith(".pdf"):
            pdf += ".pdf"
        os.makedirs(os.path.dirname(os.path.abspath(pdf)), exist_ok=True)
        progress.update(0.05)
        pages, metric = self._pages(parameters, context, tables, points, feedback)
        pages_path = os.path.splitext(pdf)[0] + "_pages.gpkg"
        add = self.parameterAsBool(parameters, self.ADD_TO_PROJECT, context)
        project = QgsProject.instance() if add else QgsProject()
        if add:
            self._remove_previous(project)
        if os.path.exists(pages_path):
            os.remove(pages_path)
        pages.to_file(pages_path, layer="mapbook_pages", driver="GPKG", engine="pyogrio")
        progress.update(0.15)

        # Layers (read-only uses of the inputs: styles are applied in memory, nothing is written back).
        pages_layer = QgsVectorLayer(f"{pages_path}|layername=mapbook_pages", "図面の範囲", "ogr")
        if points_layer is not None:
            fac_layer = QgsVectorLayer(points_layer.source(), "避難所（停電時の自立時間）", points_layer.providerType())
        else:
            fac_layer = QgsVectorLayer(points_uri[0], "避難所（停電時の自立時間）", "ogr")
        fac_layer.loadNamedStyle(style_path("mapbook_facilities"))
        pages_layer.loadNamedStyle(style_path("mapbook_pages"))
        layers = [fac_layer, pages_layer]
        flood = self.parameterAsRasterLayer(parameters, self.FLOOD, context)
        flood_layer = None
        if flood is not None:
            flood_layer = QgsRasterLayer(flood.source(), "洪水浸水想定区域の浸水深（想定最大規模）", flood.providerType())
            flood_layer.loadNamedStyle(style_path("mapbook_flood"))
            layers.append(flood_layer)
        else:
            feedback.pushWarning("No flood raster (FLOOD): the maps show no inundation area. / 浸水ラスタ（FLOOD）が"
                                 "ないため、地図に浸水想定区域を表示しません。")
        for lyr in layers:
            if not lyr.isValid():
                raise SonaeInputError(f"Layer '{lyr.name()}' ({lyr.source()}) could not be opened.",
                                      f"レイヤ「{lyr.name()}」（{lyr.source()}）を開けません。")
        if add:
            group = project.layerTreeRoot().insertGroup(0, GROUP_NAME)
            for lyr in layers:
                project.addMapLayer(lyr, False)
                group.addLayer(lyr)
        else:
            for lyr in layers:
                project.addMapLayer(lyr)

        sources = points["source"].dropna().unique() if "source" in points.columns else []
        lines = attribution_lines(sources, flood_layer is not None,
                                  self.parameterAsString(parameters, self.FLOOD_SOURCE, context),
                                  self.parameterAsBool(parameters, self.SCENARIO, context),
                                  self.parameterAsString(parameters, self.ATTRIBUTION, context))
        title = self.parameterAsString(parameters, self.TITLE, context) or DEFAULT_TITLE
        layout = self._layout(project, layers, pages_layer, metric, title, lines)
        progress.update(0.25)

        settings = QgsLayoutExporter.PdfExportSettings()
        settings.dpi = self.parameterAsInt(parameters, self.DPI, context)
        settings.textRenderFormat = Qgis.TextRenderFormat.AlwaysText
        settings.rasterizeWholeImage = False
        settings.simplifyGeometries = True
        layout.renderContext().setTextRenderFormat(Qgis.TextRenderFormat.AlwaysText)
        export_feedback = _SubFeedback(feedback, 0.25, 0.98)
        result, err = QgsLayoutExporter.exportToPdf(layout.atlas(), pdf, settings, export_feedback)
        if feedback.isCanceled():
            if os.path.exists(pdf):
                os.remove(pdf)
            return {}
        if result != QgsLayoutExporter.Success:
            raise SonaeInputError(f"The PDF could not be written to {pdf}: {err or result}. Check the folder is "
                                  "writable and the file not open in another program.",
                                  f"PDFを {pdf} に書けませんでした（{err or result}）。フォルダの書き込み権限と、ファイルが"
                                  "他のプログラムで開かれていないか確認してください。")
        if add:
            project.layoutManager().addLayout(layout)
            self._layout_ref = None
        else:
            self._layout_ref = (project, layout)  # keep alive until export is done; dropped with the algorithm
        feedback.pushInfo(f"{len(pages)} pages written to {pdf} (layout '{LAYOUT_NAME}'"
                          f"{' added to the project' if add else ''}). / {len(pages)}ページを出力しました。")
        return {self.OUTPUT: pdf, "PAGE_COUNT": len(pages), "PAGES": pages_path, "MISSING": ", ".join(missing)}

    def _remove_previous(self, project):
        manager = project.layoutManager()
        old = manager.layoutByName(LAYOUT_NAME)
        if old is not None:
            manager.removeLayout(old)
        root = project.layerTreeRoot()
        group = root.findGroup(GROUP_NAME)
        if group is not None:
            project.removeMapLayers([n.layerId() for n in group.findLayers()])
            root.removeChildNode(group)

    def _layout(self, project, layers, pages_layer, metric, title, lines):
        layout = QgsPrintLayout(project)
        with open(TEMPLATE, encoding="utf-8") as fh:
            doc = QDomDocument()
            doc.setContent(fh.read())
        _items, ok = layout.loadFromTemplate(doc, QgsReadWriteContext())
        if not ok:
            raise SonaeInputError(f"The print template {TEMPLATE} could not be read.",
                                  f"印刷テンプレート {TEMPLATE} を読み込めません。")
        layout.setName(LAYOUT_NAME)
        QgsExpressionContextUtils.setLayoutVariable(layout, "sonae_title", title)
        QgsExpressionContextUtils.setLayoutVariable(layout, "sonae_attribution", "\n".join(lines))
        QgsExpressionContextUtils.setLayoutVariable(layout, "sonae_date",
                                                    dt.date.today().strftime("%Y年%m月%d日 作成"))
        mp = layout.itemById("main_map")
        mp.setCrs(QgsCoordinateReferenceSystem(metric))
        mp.setLayers(layers)
        mp.setKeepLayerSet(True)
        mp.zoomToExtent(_extent_in(pages_layer, mp.crs(), project))
        legend = layout.itemById("legend")
        root = legend.model().rootGroup()
        root.clear()
        from qgis.core import QgsMapLayerLegendUtils, QgsRasterLayer as _Raster
        for lyr in layers:
            node = root.addLayer(lyr)
            if isinstance(lyr, _Raster):
                # Drop the "Band 1 (Palette)" line: the classes speak for themselves.
                n = len(legend.model().layerLegendNodes(node))
                QgsMapLayerLegendUtils.setLegendNodeOrder(node, list(range(1, n)))
                legend.model().refreshLayerLegend(node)
        legend.setLinkedMap(mp)
        sb = layout.itemById("scalebar")
        if sb is not None:
            sb.setLinkedMap(mp)
            sb.update()
        _searchable_digits(layout)
        atlas = layout.atlas()
        atlas.setCoverageLayer(pages_layer)
        atlas.setPageNameExpression('"page_name"')
        atlas.setSortFeatures(True)
        atlas.setSortExpression('"page_no"')
        atlas.setEnabled(True)
        return layout


def _no_shaping(fmt):
    font = fmt.font()
    font.setStyleStrategy(QFont.PreferNoShaping)
    fmt.setFont(font)
    return fmt


def _searchable_digits(layout):
    """Keep every digit in the PDF text layer.

    With OpenType shaping, Noto Sans CJK JP gives digits inside Latin runs ("D002", "0.5m", "CC BY 4.0") glyph
    variants outside the font's cmap; Qt's PDF engine then writes no Unicode for them and pdftotext (and PDF
    search) lose the digits although they print. ``QFont.PreferNoShaping`` keeps the plain glyphs. The strategy is
    not stored in .qpt files, so it is applied here, after loading the template.
    """
    from qgis.core import (QgsLayoutItemLabel, QgsLayoutItemLegend, QgsLayoutItemManualTable,
                           QgsLayoutItemScaleBar, QgsLegendStyle)
    for item in layout.items():
        if isinstance(item, (QgsLayoutItemLabel, QgsLayoutItemScaleBar)):
            item.setTextFormat(_no_shaping(item.textFormat()))
        elif isinstance(item, QgsLayoutItemLegend):
            for style in (QgsLegendStyle.Title, QgsLegendStyle.Group, QgsLegendStyle.Subgroup,
                          QgsLegendStyle.SymbolLabel):
                item.rstyle(style).setTextFormat(_no_shaping(item.rstyle(style).textFormat()))
    for frame in layout.multiFrames():
        if isinstance(frame, QgsLayoutItemManualTable):
            frame.setContentTextFormat(_no_shaping(frame.contentTextFormat()))
            frame.setHeaderTextFormat(_no_shaping(frame.headerTextFormat()))


def _extent_in(layer, crs, project):
    from qgis.core import QgsCoordinateTransform
    return QgsCoordinateTransform(layer.crs(), crs, project).transformBoundingBox(layer.extent())


class _SubFeedback:
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
        sub._keep = on_progress
        return sub
