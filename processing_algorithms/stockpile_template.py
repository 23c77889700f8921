"""sonae:stockpiletemplate — an empty stockpile import template (XLSX or CSV) with Japanese headers."""
from __future__ import annotations

from qgis.core import QgsProcessingOutputNumber, QgsProcessingOutputString, QgsProcessingParameterFileDestination

from ..layers.importers.stockpile import write_template
from .base import SonaeAlgorithm


class StockpileTemplate(SonaeAlgorithm):
    ALG_ID = "stockpiletemplate"
    GROUP = "stockpile"
    DISPLAY_NAME = "Stockpile import template / 備蓄データ入力ひな形"
    SHORT_HELP = (
        "Writes an empty template for stockpile inventories: an XLSX workbook with the sheets 在庫 (items: 拠点ID, "
        "所有区分, 品目, 品名, 単位, 数量, 消費期限/賞味期限, 協定数量, 確認日, 備考), 拠点 (sites: 拠点ID, 拠点名, 所有区分, 住所, "
        "緯度, 経度, 施設ID) and 品目と単位 (the items and units Sonae knows), or two CSV files (UTF-8 with BOM). Fill "
        "it in and read it with sonae:importstockpile.\n"
        "備蓄品の入力ひな形（XLSX: 在庫・拠点・品目と単位のシート、またはCSV 2ファイル）を書き出します。記入後、"
        "sonae:importstockpile で読み込みます。")
    OUTPUT = "OUTPUT"

    def initParameters(self, config=None):
        self.add(QgsProcessingParameterFileDestination(self.OUTPUT, self.tr("Template file / ひな形ファイル"),
                                                       "XLSX (*.xlsx);;CSV (*.csv)"),
                 "Where to write the template. .xlsx writes one workbook; .csv writes the items file and "
                 "<name>_sites.csv beside it. / 出力先。.xlsx は1つのブック、.csv は在庫ファイルと <名前>_sites.csv。")
        self.addOutput(QgsProcessingOutputString("FILES", self.tr("Files written / 出力ファイル")))
        self.addOutput(QgsProcessingOutputNumber("FILE_COUNT", self.tr("Number of files / ファイル数")))

    def compute(self, parameters, context, feedback, progress):
        path = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        files = write_template(path)
        feedback.pushInfo(self.tr("Template written / ひな形を書き出しました: ") + ", ".join(files))
        return {self.OUTPUT: files[0], "FILES": ";".join(files), "FILE_COUNT": len(files)}
