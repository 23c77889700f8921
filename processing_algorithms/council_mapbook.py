"""sonae:councilmapbook — the council map book: an A3 landscape atlas PDF from the demo-style GeoPackage.

Reads whichever contract tables exist (DEVELOPERS.md), computes the key figures per page with
``engine.report_figures`` (one definition per figure, shared with the dock) and the page plan with
``engine.mapbook`` (districts ranked by feasibility, the index rows, short facility names), builds in-memory layers
(``mapbook_layout``), loads ``layers/templates/council_mapbook_a3.qpt`` and exports the atlas through
``QgsLayoutExporter`` with text kept as text. The PDF is written to a temporary file, its ToUnicode maps are
repaired (``engine.pdf_text``: Kangxi radicals -> the ideographs printed) and it is staged through
``destinations`` (moved into place only when the run succeeded); nothing else is written. The layout and its
layers are added to the current project on success.

Layouts and the project are touched, so the algorithm runs in the main thread (``FlagNoThreading``, as QGIS's
own "Export atlas layout as PDF" does).
"""
from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile

from qgis.core import (Qgis, QgsLayoutExporter, QgsPrintLayout, QgsProcessing,
                       QgsProcessingAlgorithm, QgsProcessingOutputNumber, QgsProcessingOutputString,
                       QgsProcessingParameterBoolean, QgsProcessingParameterField, QgsProcessingParameterFile,
                       QgsProcessingParameterFileDestination, QgsProcessingParameterMapLayer,
                       QgsProcessingParameterNumber, QgsProcessingParameterRasterLayer,
                       QgsProcessingParameterString, QgsProcessingParameterVectorLayer, QgsProject, QgsRasterLayer,
                       QgsReadWriteContext)
from qgis.PyQt.QtXml import QDomDocument

from .base import lazy, lazy_from
mb = lazy("..engine.mapbook", __package__)
rf = lazy("..engine.report_figures", __package__)
wareki = lazy_from(__name__, "..engine.dates", "wareki")
from ..engine.errors import Cancelled, SonaeInputError
from .base import lazy_from
local_metric_crs = lazy_from(__name__, "..engine.metric", "local_metric_crs")
fix_pdf_file = lazy_from(__name__, "..engine.pdf_text", "fix_pdf_file")
from . import destinations
from ..engine.rules import load_rules
from . import mapbook_layout as ml
from .base import SonaeAlgorithm, tr
layer_to_frame = lazy_from(__name__, ".qgis_io", "layer_to_frame")
from .styles import style_path
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


class CouncilMapbook(SonaeAlgorithm):
    ALG_ID = "councilmapbook"
    GROUP = "report"
    DISPLAY_NAME = "Council map book (PDF) / 議会向け図面集（PDF）"
    SHORT_HELP = (
        "Exports an A3 landscape map book (one PDF) through a QGIS print layout: a page for the whole area, an "
        "index of every district (page number, type, feasibility, shelters, evacuees, investment and subsidy), "
        "then one page per district, the most feasible first (MAX_PAGES, default 20; the index names the ones "
        "left out), or per page area / grid cell. Each map shows the facilities with their names (shortened where "
        "long; overlapping labels are dropped), shelters coloured by hours of power in an outage, flood "
        "designation conflicts, the flood depth raster and an optional base map of your own. The figures use the "
        "same definitions as the dock and the tables; the footnote states each one. The PDF text is searchable "
        "(浸水, 人数, 避難所). The PDF replaces an existing file only when the export succeeded; nothing else is "
        "written.\n"
        "印刷レイアウトでA3横の図面集（PDF）を出力します。1ページ目は全域、続いて全地区の一覧（ページ番号、類型、"
        "実現可能性、避難所数、避難者数、事業費、補助金）、以降は実現可能性の高い順に地区ごとのページです（最大ページ数、"
        "既定20。掲載しない地区は一覧に表示）。地図には施設名（長い名前は略称、重なるものは省略）、停電時の自立時間で"
        "色分けした避難所、洪水の指定と浸水想定の不整合、浸水深、任意の背景地図を表示します。数値の定義はドック・表と"
        "同じで、脚注に記載します。PDFの文字は検索できます。既存のPDFは出力に成功したときだけ置き換えます。")

    GPKG = "GPKG"
    FACILITIES = "FACILITIES"
    STOCKPILE = "STOCKPILE"
    SUBSIDY = "SUBSIDY"
    COVERAGE = "COVERAGE"
    DISTRICTS = "DISTRICTS"
    COVERAGE_NAME = "COVERAGE_NAME"
    FLOOD = "FLOOD"
    BASEMAP = "BASEMAP"
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
        return super().flags() | Qgis.ProcessingAlgorithmFlag.NoThreading

    def initParameters(self, config=None):
        self.add(QgsProcessingParameterFile(self.GPKG, self.tr("Sonae GeoPackage / SonaeのGeoPackage"),
                                            extension="gpkg", optional=True),
                 "The demo-style GeoPackage (tables facilities ... shelters_energy, stockpile_sufficiency, "
                 "subsidy_scope, districts). Optional when the layers below are given. / 各段階の結果を収めた"
                 "GeoPackage。下のレイヤを指定する場合は省略可。")
        self.add(QgsProcessingParameterVectorLayer(self.FACILITIES, self.tr("Shelters layer / 避難所レイヤ"),
                                                   [Qgis.ProcessingSourceType.VectorPoint], optional=True),
                 "Points with Sonae fields (id, name, designated_shelter/welfare_shelter or role; flood_conflict, "
                 "evacuees, capacity_calc, hours_now when present). Replaces the GeoPackage's shelters tables. / "
                 "Sonaeの項目を持つ避難所の点レイヤ（GeoPackageの表の代わりに使用）。")
        self.add(QgsProcessingParameterVectorLayer(self.STOCKPILE, self.tr("Stockpile sufficiency / 備蓄充足"),
                                                   [Qgis.ProcessingSourceType.Vector], optional=True),
                 "sonae:stockpilesufficiency output (shelter_id, days_min). / 備蓄充足の結果（shelter_id, days_min）。")
        self.add(QgsProcessingParameterVectorLayer(self.SUBSIDY, self.tr("Subsidy scope / 補助対象"),
                                                   [Qgis.ProcessingSourceType.Vector], optional=True),
                 "sonae:subsidyscope output (row_type, facility_id, total_cost_yen, subsidy_yen). / 補助対象の結果。")
        self.add(QgsProcessingParameterVectorLayer(self.DISTRICTS, self.tr("Districts layer / 地区レイヤ"),
                                                   [Qgis.ProcessingSourceType.VectorPolygon], optional=True),
                 "sonae:districtlayout output (district_id, member_ids, type, feasibility, cost and subsidy fields) "
                 "from any source (a PostGIS or memory layer); replaces the GeoPackage's districts table: one page per "
                 "district and the index. / 地区配置の結果（district_id、member_ids、類型、実現可能性、費用・補助金の"
                 "項目）。PostGISやメモリレイヤなどから指定でき、GeoPackageの地区の表の代わりに使います。",
                 advanced=True)
        self.add(QgsProcessingParameterVectorLayer(self.COVERAGE, self.tr("Page areas / 図面の範囲"),
                                                   [Qgis.ProcessingSourceType.VectorPolygon], optional=True),
                 "Polygons, one page each (default: the districts table, else a grid over the shelters). / 1ページ"
                 "1範囲のポリゴン（既定は地区の表、なければ避難所を覆う格子）。")
        self.add(QgsProcessingParameterField(self.COVERAGE_NAME, self.tr("Page name field / 図面名の項目"),
                                             parentLayerParameterName=self.COVERAGE, optional=True),
                 "Field naming each page area. / 各範囲の名前の項目。")
        self.add(QgsProcessingParameterRasterLayer(self.FLOOD, self.tr("Flood depth raster / 浸水深ラスタ"),
                                                   optional=True),
                 "Depth-rank raster (KSJ ranks 1-6) drawn under the shelters. / 避難所の下に描く浸水深ランクのラスタ。")
        self.add(QgsProcessingParameterMapLayer(self.BASEMAP, self.tr("Base map layer / 背景地図レイヤ"),
                                                optional=True),
                 "Any layer of yours drawn under everything, with its own style: e.g. GSI tiles (地理院タイル, an XYZ "
                 "layer; needs the internet when printing) or a local GeoTIFF. Its name and rights (layer metadata) "
                 "are added to the attribution. / 一番下に描く任意のレイヤ（地理院タイルのXYZレイヤ、手元のGeoTIFFなど）。"
                 "レイヤ名と権利表記（メタデータ）を出典に加えます。")
        self.add(QgsProcessingParameterNumber(self.GRID_M, self.tr("Grid cell (m) / 格子の大きさ (m)"),
                                              Qgis.ProcessingNumberParameterType.Double, 5000.0, minValue=100.0),
                 "Page size of the grid used when there are no districts and no page areas. / 地区も範囲もないとき"
                 "の格子の一辺。")
        self.add(QgsProcessingParameterBoolean(self.OVERVIEW, self.tr("Whole-area first page / 1ページ目に全域"),
                                               True),
                 "Start with a page of the whole area and its totals. / 全域と合計のページを最初に付けます。")
        self.add(QgsProcessingParameterNumber(
            self.MAX_PAGES, self.tr("District pages (0 = all) / 地区ページ数（0は全部）"),
            Qgis.ProcessingNumberParameterType.Integer,
            int(load_rules("mapbook.json", unwrap=True)["default_max_pages"]), minValue=0),
                 "How many district pages to print: the most feasible districts first (feasibility score of the "
                 "districts table). The index lists every district and marks the ones left out (掲載なし). With page "
                 "areas or a grid: the first pages. 0 prints all. / 印刷する地区ページ数。実現可能性の高い順。一覧には"
                 "全地区を載せ、印刷しない地区は「掲載なし」と表示します。0は全部。")
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
                 "After a successful export, keep the layout and its (in-memory) layers in the current project for "
                 "editing. / 出力に成功したら、編集できるようレイアウトと（メモリ上の）レイヤを現在のプロジェクトに"
                 "残します。")
        self.add(QgsProcessingParameterNumber(self.DPI, self.tr("Resolution (dpi) / 解像度 (dpi)"),
                                              Qgis.ProcessingNumberParameterType.Integer, 150, minValue=72, maxValue=600),
                 "Resolution of the raster parts of the PDF. / PDFのラスタ部分の解像度。", advanced=True)
        self.add(QgsProcessingParameterFileDestination(self.OUTPUT, self.tr("Map book PDF / 図面集PDF"),
                                                       self.tr("PDF files (*.pdf)")),
                 "The PDF to write (.pdf). An existing file is replaced only after a successful export; an input "
                 "file is never overwritten. / 出力するPDF（.pdf）。既存のファイルは出力に成功したときだけ置き換え、"
                 "入力ファイルは上書きしません。")
        self.addOutput(QgsProcessingOutputNumber("PAGE_COUNT", self.tr("Pages / ページ数")))
        self.addOutput(QgsProcessingOutputNumber("DISTRICT_PAGES", self.tr("Area pages / 地区（範囲）ページ数")))
        self.addOutput(QgsProcessingOutputNumber("INDEX_PAGES", self.tr("Index pages / 一覧ページ数")))
        self.addOutput(QgsProcessingOutputNumber("LEFT_OUT", self.tr("Areas not printed / 掲載しない地区数")))
        self.addOutput(QgsProcessingOutputString("MISSING", self.tr("Tables not found / 見つからない表")))

    # --- inputs -----------------------------------------------------------------------------------------------
    def _tables(self, parameters, context):
        """(name -> DataFrame/GeoDataFrame of the contract tables found, list of input file paths)."""
        import pyogrio
        gpkg = self.parameterAsFile(parameters, self.GPKG, context)
        tables, inputs = {}, []
        if gpkg:
            if not os.path.isfile(gpkg):
                raise SonaeInputError(f"GeoPackage '{gpkg}' (GPKG) does not exist. Choose the file written by the "
                                      "Sonae demo or workflow.",
                                      f"GeoPackage「{gpkg}」（GPKG）がありません。Sonaeのデモまたはワークフローが出力した"
                                      "ファイルを選んでください。")
            inputs.append(gpkg)
            try:
                present = {name for name, _ in pyogrio.list_layers(gpkg)}
            except Exception as exc:  # not a GeoPackage at all (a renamed text file, a truncated copy)
                raise SonaeInputError(f"'{gpkg}' (GPKG) cannot be read as a GeoPackage ({exc}). Choose the .gpkg "
                                      "written by the Sonae demo or workflow.",
                                      f"「{gpkg}」（GPKG）をGeoPackageとして読めません。Sonaeのデモまたはワークフローが"
                                      "出力した.gpkgを選んでください。") from None
            for name in CONTRACT:
                if name in present:
                    geo = name not in ("stockpile_sufficiency", "subsidy_scope")
                    tables[name] = pyogrio.read_dataframe(gpkg, layer=name, read_geometry=geo)
        layer = self.parameterAsVectorLayer(parameters, self.FACILITIES, context)
        if layer is not None:
            for n in rf.POINT_TABLES:
                tables.pop(n, None)
            tables["shelters"] = layer_to_frame(layer)
            inputs.append(layer.source())
        for pname, tname in ((self.STOCKPILE, "stockpile_sufficiency"), (self.SUBSIDY, "subsidy_scope"),
                             (self.DISTRICTS, "districts")):
            extra = self.parameterAsVectorLayer(parameters, pname, context)
            if extra is not None:
                tables[tname] = layer_to_frame(extra, geometry=tname == "districts")
                inputs.append(extra.source())
        for pname in (self.COVERAGE, self.FLOOD, self.BASEMAP):
            lyr = self.parameterAsLayer(parameters, pname, context)
            if lyr is not None:
                inputs.append(lyr.source())
        if not tables:
            raise SonaeInputError("No input: give the Sonae GeoPackage (GPKG) or a shelters layer (FACILITIES).",
                                  "入力がありません。SonaeのGeoPackage（GPKG）か避難所レイヤ（FACILITIES）を指定してください。")
        return tables, inputs

    def _pdf_path(self, parameters, context, inputs) -> str:
        """The PDF path, refused when it is not a .pdf or names an input."""
        pdf = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        if not pdf:
            raise SonaeInputError("No output PDF (OUTPUT). Choose where to save the map book.",
                                  "出力PDF（OUTPUT）が指定されていません。図面集の保存先を選んでください。")
        ext = os.path.splitext(pdf)[1].lower()
        candidates = {_norm(pdf), _norm(pdf + ".pdf")}
        for src in inputs:
            path = str(src).split("|")[0]
            if path and _norm(path) in candidates:
                raise SonaeInputError(f"OUTPUT '{pdf}' is one of the inputs ({src}); it would be overwritten. "
                                      "Choose another file name for the map book.",
                                      f"出力（OUTPUT）「{pdf}」は入力ファイルの一つです（上書きされます）。図面集には別の"
                                      "ファイル名を指定してください。")
        if ext and ext != ".pdf":
            raise SonaeInputError(f"OUTPUT '{pdf}' is not a .pdf file. Give a file name ending in .pdf.",
                                  f"出力（OUTPUT）「{pdf}」はPDFファイル名ではありません。末尾が.pdfのファイル名を"
                                  "指定してください。")
        if not ext:
            pdf += ".pdf"
        if os.path.isdir(pdf):
            raise SonaeInputError(f"OUTPUT '{pdf}' is a folder. Give a file name ending in .pdf.",
                                  f"出力（OUTPUT）「{pdf}」はフォルダです。末尾が.pdfのファイル名を指定してください。")
        return pdf

    # --- the page plan --------------------------------------------------------------------------------------------
    def _plan(self, parameters, context, tables, points, feedback, progress):
        """(pages GeoDataFrame = atlas coverage, area outlines, index rows, metric CRS, counts)."""
        import geopandas as gpd
        import shapely
        crs = local_metric_crs(points)          # engine.metric: the one metric CRS rule (refuses a missing CRS)
        metric = f"EPSG:{crs.to_epsg()}" if crs.to_epsg() else crs.to_wkt()
        points = points.to_crs("EPSG:4326")
        areas = []  # (kind, key, name, ids, geometry(EPSG:4326), district ids)
        max_pages = self.parameterAsInt(parameters, self.MAX_PAGES, context)
        coverage = self.parameterAsVectorLayer(parameters, self.COVERAGE, context)
        districts = tables.get("districts")
        index = None
        left_out = []
        if coverage is not None:
            name_field = self.parameterAsString(parameters, self.COVERAGE_NAME, context)
            cov = layer_to_frame(coverage).to_crs("EPSG:4326")
            for i, row in enumerate(cov.itertuples(index=False), start=1):
                geom = row.geometry
                inside = points[points.geometry.intersects(geom)]
                label = str(getattr(row, name_field)) if name_field else f"{coverage.name()} {i}"
                areas.append(("area", f"P{i:03d}", label, inside["id"].astype(str).tolist(), geom, None))
            how = "page areas / 範囲レイヤ"
        elif districts is not None and len(districts) and "member_ids" in districts.columns:
            d = districts.to_crs("EPSG:4326") if districts.crs is not None else districts
            members = rf.district_members(d)
            known = set(points["id"].astype(str))
            lost = {did: [m for m in ids if m not in known] for did, ids in members.items()}
            lost = {did: ids for did, ids in lost.items() if ids}
            if lost:
                first = next(iter(lost))
                feedback.pushWarning(
                    f"{sum(map(len, lost.values()))} member ids of {len(lost)} districts are not in the facilities "
                    f"table (e.g. district {first}: {', '.join(lost[first][:3])}); their figures leave them out. Use "
                    "the districts and facilities of the same run. / 地区の構成施設のうち"
                    f"{sum(map(len, lost.values()))}件（{len(lost)}地区、例：地区{first}）が施設の表にありません。"
                    "数値には含まれません。同じ実行の地区と施設の表を使ってください。")
            printed, left_out = mb.rank_districts(d, max_pages)
            geoms = dict(zip(d["district_id"].astype(str), d.geometry))
            for did in printed:
                ids = members.get(did, [])
                hull = shapely.union_all([geoms[did]] + list(points[points["id"].astype(str).isin(ids)].geometry))
                areas.append(("district", did, did, ids, hull, [did]))
            how = "districts by feasibility / 実現可能性の高い地区"
        else:
            grid = rf.grid_pages(points, float(self.parameterAsDouble(parameters, self.GRID_M, context)), metric)
            grid = grid.to_crs("EPSG:4326")
            for row in grid.itertuples(index=False):
                areas.append(("grid", row.page_key, f"区画 {row.page_key}", row.member_ids.split(", "),
                              row.geometry, None))
            how = "grid cells / 格子"
        if coverage is not None or districts is None or not len(districts):
            if max_pages and len(areas) > max_pages:
                left_out = [a[1] for a in areas[max_pages:]]
                areas = areas[:max_pages]
        if left_out:
            feedback.pushWarning(f"{len(left_out)} of {len(areas) + len(left_out)} area pages not printed "
                                 f"(MAX_PAGES={max_pages}). / 範囲ページ{len(areas) + len(left_out)}件のうち"
                                 f"{len(left_out)}件は印刷していません（MAX_PAGES={max_pages}）。")
        feedback.pushInfo(f"{len(areas)} area pages from {how}.")

        tables = rf.prepare(tables)
        all_districts = (districts["district_id"].astype(str).tolist()
                         if districts is not None and "district_id" in districts.columns else None)
        dist_figs = {}
        if districts is not None and len(districts) and areas and areas[0][0] == "district":
            members = rf.district_members(districts)
            every = [a[1] for a in areas] + left_out
            for i, did in enumerate(every):
                dist_figs[did] = rf.page_figures(tables, members.get(did, []), did, did, district_ids=[did])
                progress.update(0.8 * (i + 1) / max(1, len(every)))
        overview = self.parameterAsBool(parameters, self.OVERVIEW, context)
        n_index = mb.index_page_count(len(dist_figs)) if dist_figs else 0
        first_area_page = 1 + int(overview) + n_index
        if dist_figs:
            index = mb.index_rows(districts, dist_figs, [a[1] for a in areas], left_out, first_area_page)
        whole = shapely.envelope(shapely.union_all(points.geometry.values))
        records = []   # one dict per printed page, in page order
        if overview:
            records.append({"page_kind": "overview", "page_key": "ALL", "page_name": "全域", "geometry": whole,
                            "fig": rf.page_figures(tables, None, "ALL", "全域", district_ids=all_districts)})
        for k in range(1, n_index + 1):
            note = (f"地区一覧（{k}/{n_index}）：全{len(dist_figs)}地区。実現可能性の高い順に"
                    f"{len(areas)}地区を{first_area_page}〜{first_area_page + len(areas) - 1}ページに掲載")
            if left_out:
                note += f"、{len(left_out)}地区は掲載なし（一覧の数値は各地区の表から）"
            records.append({"page_kind": "index", "page_key": f"INDEX{k}", "page_name": f"地区一覧 {k}/{n_index}",
                            "index_part": k, "index_note": note + "。", "geometry": whole})
        for kind, key, name, ids, geom, dids in areas:
            fig = dist_figs.get(key) if kind == "district" else None
            if fig is None:
                fig = rf.page_figures(tables, ids, key, name, district_ids=dids)
            page_note = ""
            if kind == "district":
                row = districts[districts["district_id"].astype(str) == key].iloc[0]
                kind_ja = _text(row.get("type_ja"))
                name = f"地区 {key}　{kind_ja}"
                measures = _text(row.get("measures_ja"))
                if measures:
                    page_note = f"あわせて推奨される取組：{measures}"
            records.append({"page_kind": kind, "page_key": key, "member_ids": ", ".join(ids), "fig": fig,
                            "page_name": f"{name}（避難所{rf.fmt_count(fig.shelters)}、施設{fig.facilities}か所）",
                            "page_note": page_note, "geometry": mb.page_box(geom, metric)})
        rows = []
        for no, rec in enumerate(records, start=1):
            row = {"page_no": no, "page_kind": rec["page_kind"], "page_key": rec["page_key"],
                   "page_name": rec["page_name"], "index_part": rec.get("index_part"),
                   "index_note": rec.get("index_note", ""), "page_note": rec.get("page_note", ""),
                   "member_ids": rec.get("member_ids", "")}
            values = rec["fig"].values() if rec.get("fig") is not None else {}
            for f in rf.FIGURES:
                row[f"v_{f.key}"] = values.get(f.key, "")
            row["geometry"] = rec["geometry"]
            rows.append(row)
        pages = gpd.GeoDataFrame(rows, geometry="geometry", crs="EPSG:4326")
        outline_geoms = [a[4] for a in areas]
        outlines = gpd.GeoDataFrame({"page_key": [a[1] for a in areas]}, geometry=outline_geoms, crs="EPSG:4326")
        if districts is not None and len(districts) and areas and areas[0][0] == "district":
            d = districts.to_crs("EPSG:4326") if districts.crs is not None else districts
            outlines = gpd.GeoDataFrame({"page_key": d["district_id"].astype(str)}, geometry=d.geometry.values,
                                        crs="EPSG:4326")
        return pages, outlines, index, metric, len(areas), n_index, left_out

    # --- run ----------------------------------------------------------------------------------------------------
    def compute(self, parameters, context, feedback, progress):
        tables, inputs = self._tables(parameters, context)
        points_name, points = rf.pick_points(tables)
        if not hasattr(points, "geometry") or points.geometry is None:
            raise SonaeInputError(f"Table '{points_name}' has no point geometry.",
                                  f"表「{points_name}」に点の位置がありません。")
        if not len(points) or points.geometry.is_empty.all():
            raise SonaeInputError(f"Table '{points_name}' has no facilities (0 points). Run the import step first "
                                  "or choose a layer with shelters.",
                                  f"表「{points_name}」に施設がありません（0件）。先に読み込みを実行するか、避難所のある"
                                  "レイヤを選んでください。")
        if "id" not in points.columns:
            raise SonaeInputError(f"Table '{points_name}' has no 'id' field. Use a layer written by Sonae.",
                                  f"表「{points_name}」に項目「id」がありません。Sonaeが出力したレイヤを使ってください。")
        pdf = self._pdf_path(parameters, context, inputs)
        missing = rf.missing_tables(tables)
        if missing:
            feedback.pushWarning(
                "Not found, shown as '—' in the figures table: " + ", ".join(missing) + ". Run the steps that "
                "write them to fill these figures. / 次の表がないため数値を「—」と表示します: " + "、".join(missing))
        progress.update(0.02)
        pages, outlines, index, metric, n_areas, n_index, left_out = self._plan(
            parameters, context, tables, points, feedback, progress.sub(0.02, 0.15))

        project = QgsProject()          # private until the export succeeded
        coverage = ml.memory_layer(pages, "図面のページ", "Polygon")
        outline_layer = ml.memory_layer(outlines, "地区の範囲", "Polygon")
        outline_layer.loadNamedStyle(style_path("mapbook_pages"))
        fac = mb.facility_frame(points)
        fac_layer = ml.memory_layer(fac, "施設（停電時の自立時間）", "Point")
        fac_layer.loadNamedStyle(style_path("mapbook_facilities"))
        ml.label_facilities(fac_layer)
        index_frame = index if index is not None else mb.index_rows(
            _empty_districts(), {}, [], [], 0)
        index_layer = ml.memory_layer(index_frame, "地区一覧")
        map_layers = [outline_layer, fac_layer]
        flood = self.parameterAsRasterLayer(parameters, self.FLOOD, context)
        flood_layer = None
        if flood is not None:
            flood_layer = QgsRasterLayer(flood.source(), "洪水浸水想定区域の浸水深（想定最大規模）", flood.providerType())
            flood_layer.loadNamedStyle(style_path("mapbook_flood"))
            map_layers.append(flood_layer)
        else:
            feedback.pushWarning("No flood raster (FLOOD): the maps show no inundation area. / 浸水ラスタ（FLOOD）が"
                                 "ないため、地図に浸水想定区域を表示しません。")
        base = self.parameterAsLayer(parameters, self.BASEMAP, context)
        base_layer = None
        if base is not None:
            base_layer = base.clone()
            base_layer.setCustomProperty("sonae_mapbook_basemap", True)
            map_layers.append(base_layer)
        for lyr in map_layers + [coverage, index_layer]:
            if not lyr.isValid():
                raise SonaeInputError(f"Layer '{lyr.name()}' ({lyr.source()}) could not be opened.",
                                      f"レイヤ「{lyr.name()}」（{lyr.source()}）を開けません。")
        all_layers = map_layers + [coverage, index_layer]
        for lyr in all_layers:
            project.addMapLayer(lyr, False)

        sources = points["source"].dropna().unique() if "source" in points.columns else []
        lines = attribution_lines(sources, flood_layer is not None,
                                  self.parameterAsString(parameters, self.FLOOD_SOURCE, context),
                                  self.parameterAsBool(parameters, self.SCENARIO, context),
                                  self.parameterAsString(parameters, self.ATTRIBUTION, context))
        if base is not None:
            lines.insert(0, ml.basemap_attribution(base))
        title = self.parameterAsString(parameters, self.TITLE, context) or DEFAULT_TITLE
        layout = ml.load_template(project, title, "\n".join(lines), wareki(dt.date.today()) + " 作成",
                                  "\n".join(rf.figure_notes("ja")))
        layout.setName(LAYOUT_NAME)
        ml.configure(layout, project, map_layers, coverage, index_layer, metric)
        progress.update(0.2)

        settings = QgsLayoutExporter.PdfExportSettings()
        settings.dpi = self.parameterAsInt(parameters, self.DPI, context)
        settings.textRenderFormat = Qgis.TextRenderFormat.AlwaysText
        settings.rasterizeWholeImage = False
        settings.simplifyGeometries = True
        layout.renderContext().setTextRenderFormat(Qgis.TextRenderFormat.AlwaysText)
        work = tempfile.mkdtemp(prefix="sonae_mapbook_")
        try:
            tmp_pdf = os.path.join(work, "mapbook.pdf")
            export_feedback = ml.SubFeedback(feedback, 0.2, 0.97)
            result, err = QgsLayoutExporter.exportToPdf(layout.atlas(), tmp_pdf, settings, export_feedback)
            if feedback.isCanceled():
                raise Cancelled("cancelled during the export")
            if result != QgsLayoutExporter.ExportResult.Success:
                raise SonaeInputError(f"The PDF could not be written ({err or result}). Check the disk space and "
                                      "the fonts (fonts-noto-cjk).",
                                      f"PDFを書き出せませんでした（{err or result}）。ディスクの空き容量とフォント"
                                      "（fonts-noto-cjk）を確認してください。")
            fixed, unfixable = fix_pdf_file(tmp_pdf)
            feedback.pushInfo(f"PDF text layer: {fixed} radical code points mapped to the ideographs printed "
                              f"(searchable). / PDFの文字情報を{fixed}か所修正しました（検索可能）。")
            if unfixable:
                feedback.pushWarning(f"{unfixable} characters of the PDF text layer could not be repaired. / "
                                     f"PDFの文字情報のうち{unfixable}文字は修正できませんでした。")
            progress.update(0.98)
            # The shared output staging (destinations.py): the PDF goes into a staging folder beside the target
            # and is moved into place by the base class only after compute() returned; cancel/failure removes it.
            staged, stage = destinations.staged_file(self, parameters, self.OUTPUT, context, path=pdf)
            if stage is None:
                raise SonaeInputError(f"OUTPUT '{pdf}' is not a file path. Give a file name ending in .pdf.",
                                      f"出力（OUTPUT）「{pdf}」はファイルのパスではありません。末尾が.pdfのファイル名を"
                                      "指定してください。")
            shutil.copyfile(tmp_pdf, staged)
        finally:
            shutil.rmtree(work, ignore_errors=True)

        if self.parameterAsBool(parameters, self.ADD_TO_PROJECT, context):
            self._add_to_project(project, layout, all_layers)
        feedback.pushInfo(f"{len(pages)} pages written to {pdf}: {n_index} index, {n_areas} area pages, "
                          f"{len(left_out)} areas not printed. / {len(pages)}ページを出力しました（一覧{n_index}、"
                          f"地区{n_areas}、掲載なし{len(left_out)}）。")
        return {self.OUTPUT: pdf, "PAGE_COUNT": len(pages), "DISTRICT_PAGES": n_areas, "INDEX_PAGES": n_index,
                "LEFT_OUT": len(left_out), "MISSING": ", ".join(missing)}

    def _add_to_project(self, private, layout, layers):
        """Move the layers into the current project (group GROUP_NAME) and add a copy of the layout."""
        project = QgsProject.instance()
        self._remove_previous(project)
        group = project.layerTreeRoot().insertGroup(0, GROUP_NAME)
        doc = QDomDocument()
        elem = layout.writeXml(doc, QgsReadWriteContext())
        doc.appendChild(elem)
        for lyr in layers:
            taken = private.takeMapLayer(lyr)
            project.addMapLayer(taken, False)
            group.addLayer(taken)
        copy = QgsPrintLayout(project)
        copy.readXml(elem, doc, QgsReadWriteContext())
        copy.setName(LAYOUT_NAME)
        ml._searchable_digits(copy)
        copy.atlas().updateFeatures()
        project.layoutManager().addLayout(copy)

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


def _norm(path: str) -> str:
    return os.path.normcase(os.path.realpath(os.path.abspath(path)))


def _text(value) -> str:
    """A table cell as text; missing (None/NaN/NA) -> ''."""
    import pandas as pd
    return "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)


def _empty_districts():
    import pandas as pd
    return pd.DataFrame({"district_id": pd.Series([], dtype=object)})
