"""sonae:stockpiletemplate — an empty stockpile import template (XLSX or CSV) with Japanese headers."""
from __future__ import annotations

from qgis.core import QgsProcessingOutputNumber, QgsProcessingOutputString, QgsProcessingParameterFileDestination

import csv
import os

from ..engine.errors import SonaeInputError
from ..plugin import dependencies
from .base import lazy_from
write_template = lazy_from(__name__, "..layers.importers.stockpile", "write_template")
from . import destinations
from .base import SonaeAlgorithm


class StockpileTemplate(SonaeAlgorithm):
    ALG_ID = "stockpiletemplate"
    REQUIRES = ("pandas",)
    GROUP = "stockpile"
    DISPLAY_NAME = "Stockpile import template / 備蓄データ入力ひな形"
    SHORT_HELP = (
        "Writes an empty template for stockpile inventories: an XLSX workbook with the sheets 在庫 (items: 拠点ID, "
        "所有区分, 品目, 品名, 単位, 数量, 消費期限/賞味期限, 協定数量, 確認日, 備考), 拠点 (sites: 拠点ID, 拠点名, 所有区分, 住所, "
        "緯度, 経度, 施設ID) and 品目と単位 (the items and units Sonae knows), or two CSV files (UTF-8 with BOM). Fill "
        "it in and read it with sonae:importstockpile. An existing file that already holds inventory rows is never "
        "overwritten (the run is refused; choose a new name); an existing empty template is replaced.\n"
        "備蓄品の入力ひな形（XLSX: 在庫・拠点・品目と単位のシート、またはCSV 2ファイル）を書き出します。記入後、"
        "sonae:importstockpile で読み込みます。在庫データが記入済みの既存ファイルは上書きせず中止します（別の名前を指定）。"
        "空のひな形は置き換えます。")
    OUTPUT = "OUTPUT"

    def initParameters(self, config=None):
        self.add(QgsProcessingParameterFileDestination(self.OUTPUT, self.tr("Template file / ひな形ファイル"),
                                                       "XLSX (*.xlsx);;CSV (*.csv)"),
                 "Where to write the template. .xlsx writes one workbook; .csv writes the items file and "
                 "<name>_sites.csv beside it. / 出力先。.xlsx は1つのブック、.csv は在庫ファイルと <名前>_sites.csv。")
        self.addOutput(QgsProcessingOutputString("FILES", self.tr("Files written / 出力ファイル")))
        self.addOutput(QgsProcessingOutputNumber("FILE_COUNT", self.tr("Number of files / ファイル数")))

    def compute(self, parameters, context, feedback, progress):
        path = destinations.target_for(self, parameters, self.OUTPUT, context).path
        finals = [path] if path.lower().endswith(".xlsx") else \
            [(path[:-4] if path.lower().endswith(".csv") else path) + ".csv",
             (path[:-4] if path.lower().endswith(".csv") else path) + "_sites.csv"]
        for final in finals:
            rows = filled_rows(final)
            if rows:
                raise SonaeInputError(
                    f"{final} already exists and holds {rows} filled row(s) (an inventory?). The template is never "
                    "written over data: choose a new file name, or move the file away first.",
                    f"{final} は既に存在し、記入済みの行が{rows}行あります（在庫データの可能性）。データのあるファイルには"
                    "ひな形を上書きしません。別のファイル名を指定するか、先にファイルを移動してください。")
        staged, stage = destinations.staged_file(self, parameters, self.OUTPUT, context, path=finals[0])
        written = write_template(staged)
        files = [os.path.join(os.path.dirname(finals[0]), os.path.basename(f)) for f in written]
        feedback.pushInfo(self.tr("Template written / ひな形を書き出しました: ") + ", ".join(files))
        return {self.OUTPUT: files[0], "FILES": ";".join(files), "FILE_COUNT": len(files)}


def filled_rows(path: str) -> int:
    """Rows below the header line that hold any value (0 when the file does not exist or is an empty template).

    A file that cannot be read as CSV/XLSX counts as filled (1): it is not ours to replace.
    """
    if not os.path.exists(path):
        return 0
    try:
        if path.lower().endswith(".xlsx"):
            import openpyxl
            wb = openpyxl.load_workbook(path, read_only=True)
            try:
                sheets = ["在庫", "拠点"] if "在庫" in wb.sheetnames else wb.sheetnames
                return sum(sum(1 for r in list(wb[name].iter_rows(values_only=True))[1:]
                               if any(v not in (None, "") for v in r)) for name in sheets if name in wb.sheetnames)
            finally:
                wb.close()
        with open(path, encoding="utf-8-sig", errors="replace", newline="") as fh:
            return sum(1 for r in list(csv.reader(fh))[1:] if any(v.strip() for v in r))
    except Exception:                   # noqa: BLE001 - unreadable: treat as data, refuse
        return 1
