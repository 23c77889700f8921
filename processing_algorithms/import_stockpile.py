"""sonae:importstockpile — stockpile inventory files (CSV/XLSX) -> canonical stock_sites and stock_items."""
from __future__ import annotations

from qgis.core import Qgis
from qgis.core import (QgsProcessing, QgsProcessingOutputNumber, QgsProcessingParameterFeatureSink,
                       QgsProcessingParameterFile)

from .base import lazy_from
import_stockpile, items_for_layer = lazy_from(__name__, "..layers.importers.stockpile", "import_stockpile", "items_for_layer")
from .base import SonaeAlgorithm
from .platform_common import CONNECTION_HELP, connection_parameter
from .platform_common import write_stock as write_to_platform
from .base import lazy_from
write_frame = lazy_from(__name__, ".qgis_io", "write_frame")


class ImportStockpile(SonaeAlgorithm):
    ALG_ID = "importstockpile"
    GROUP = "import"
    DISPLAY_NAME = "Import stockpile inventory / 備蓄品データの読み込み"
    SHORT_HELP = (
        "Reads city and partner stockpile inventories (CSV in UTF-8 or Shift_JIS/CP932, or XLSX) and writes the "
        "canonical stock_sites (points, EPSG:6668) and stock_items (table). English or Japanese headers (拠点ID, "
        "所有区分, 品目, 品名, 単位, 数量, 消費期限/賞味期限, 協定数量, 確認日). Dates may be ISO, 2026/3/31 or Japanese era "
        "(令和8年3月31日, R8.3.31, 令7.3.31, with or without a weekday such as (月)); an expiry printed as a month only "
        "(2029年3月, R11.3) means the end of that month. Quantities may be written 1,200 or １２００. Unknown items or "
        "units, unreadable or negative quantities, impossible dates, a verification or manufacture date in the "
        "future, a manufacture date after the expiry, water or food without an expiry date, cut-off rows, "
        "duplicate rows, partner rows without a committed quantity and sites without a location stop the import "
        "with a message naming the row; nothing is written then.\n"
        "市と協定事業者の備蓄在庫（CSV・XLSX、日本語見出し・和暦可）を読み込み、備蓄拠点（点）と備蓄品（表）を作ります。"
        "不正な行があれば行番号を示して中止し、何も書き出しません。")
    ITEMS_FILE = "ITEMS_FILE"
    SITES_FILE = "SITES_FILE"
    OUTPUT_SITES = "OUTPUT_SITES"
    OUTPUT_ITEMS = "OUTPUT_ITEMS"
    PLATFORM = "PLATFORM"

    def initParameters(self, config=None):
        self.add(QgsProcessingParameterFile(self.ITEMS_FILE, self.tr("Inventory file / 在庫ファイル"),
                                            fileFilter="CSV/XLSX (*.csv *.txt *.xlsx)"),
                 "The items table (one row per lot: site, owner type, item, unit, quantity, expiry ...). In an XLSX "
                 "the sheet 在庫/stock_items is used. / 在庫表（ロットごとに1行）。XLSXはシート「在庫」を読みます。")
        self.add(QgsProcessingParameterFile(self.SITES_FILE, self.tr("Sites file / 拠点ファイル"), optional=True,
                                            fileFilter="CSV/XLSX (*.csv *.txt *.xlsx)"),
                 "The stock sites (拠点ID, 拠点名, 所有区分, 住所, 緯度, 経度). May be the same XLSX (sheet 拠点). Empty: "
                 "the items table's own 緯度/経度 columns. / 備蓄拠点の表。同じXLSXでも可。空欄なら在庫表の緯度・経度を使います。")
        self.add(QgsProcessingParameterFeatureSink(self.OUTPUT_SITES, self.tr("Stock sites / 備蓄拠点"),
                                                   Qgis.ProcessingSourceType.VectorPoint),
                 "Canonical stock_sites layer. / 備蓄拠点レイヤの出力先。")
        self.add(QgsProcessingParameterFeatureSink(self.OUTPUT_ITEMS, self.tr("Stock items / 備蓄品"),
                                                   Qgis.ProcessingSourceType.Vector),
                 "Canonical stock_items table. / 備蓄品テーブルの出力先。")
        self.add(connection_parameter(self.PLATFORM, optional=True),
                 "Optional: also write the inventory to the shared platform (one transaction; as a partner only your "
                 "own sites). " + CONNECTION_HELP)
        self.addOutput(QgsProcessingOutputNumber("SITE_COUNT", self.tr("Sites / 拠点数")))
        self.addOutput(QgsProcessingOutputNumber("ITEM_COUNT", self.tr("Item rows / 品目行数")))

    def compute(self, parameters, context, feedback, progress):
        items_path = self.parameterAsFile(parameters, self.ITEMS_FILE, context)
        sites_path = self.parameterAsFile(parameters, self.SITES_FILE, context) or None
        sites, items = import_stockpile(items_path, sites_path)
        progress.update(0.5)
        table = items_for_layer(items)
        if parameters.get(self.PLATFORM):
            write_to_platform(self, parameters, self.PLATFORM, context, sites, items, feedback)
        dest_s = write_frame(self, parameters, self.OUTPUT_SITES, context, sites, feedback, style="stock_sites")
        dest_i = write_frame(self, parameters, self.OUTPUT_ITEMS, context, table, feedback,
                             kinds={"expiry_date": "date", "verified_on": "date", "manufactured_on": "date"})
        feedback.pushInfo(f"{len(sites)} sites, {len(items)} item rows. / 拠点{len(sites)}件、品目{len(items)}行。")
        return {self.OUTPUT_SITES: dest_s, self.OUTPUT_ITEMS: dest_i, "SITE_COUNT": len(sites),
                "ITEM_COUNT": len(items)}
