"""sonae:expiryrotation — lots expiring within N months, by site and month, with a suggested rotation and the
replacement purchase per fiscal year."""
from __future__ import annotations

from qgis.core import Qgis
from qgis.core import (QgsProcessing, QgsProcessingOutputNumber, QgsProcessingParameterFeatureSink,
                       QgsProcessingParameterFeatureSource, QgsProcessingParameterNumber,
                       QgsProcessingParameterString)

from .base import lazy, lazy_from
sp = lazy("..engine.stockpile", __package__)
date_param, read_items, read_sites = lazy_from(__name__, "._stockpile_inputs", "date_param", "read_items", "read_sites")
from .base import SonaeAlgorithm
write_frame = lazy_from(__name__, ".qgis_io", "write_frame")


class ExpiryRotation(SonaeAlgorithm):
    ALG_ID = "expiryrotation"
    GROUP = "stockpile"
    DISPLAY_NAME = "Expiry rotation schedule / 期限管理・入替計画"
    SHORT_HELP = (
        "Lists the stock lots that expire within N months of the reference date (and those already expired), by "
        "site and month, with a suggested rotation from rules/stockpile_rotation.json: city stock close to expiry "
        "is donated (food banks, welfare facilities), used in drills or sold through a partner store; partner stock "
        "rotates through normal sales (check the commitment is restocked); expired stock is disposed of and "
        "replaced. A second table gives the replacement purchase per fiscal year (April-March) and item for city "
        "stock.\n"
        "基準日からNか月以内に期限を迎える（または期限切れの）在庫を拠点・月ごとに示し、寄贈・訓練で使用・協定事業者を通じた"
        "販売などの入替方法を提案します。市の備蓄の年度別買替量も出力します。")
    ITEMS, SITES, REFERENCE_DATE, MONTHS = "ITEMS", "SITES", "REFERENCE_DATE", "MONTHS"
    OUTPUT, OUTPUT_REPLACEMENT = "OUTPUT", "OUTPUT_REPLACEMENT"

    def initParameters(self, config=None):
        self.add(QgsProcessingParameterFeatureSource(self.ITEMS, self.tr("Stock items / 備蓄品"),
                                                     [Qgis.ProcessingSourceType.Vector]),
                 "Canonical stock_items table. / 備蓄品テーブル。")
        self.add(QgsProcessingParameterFeatureSource(self.SITES, self.tr("Stock sites / 備蓄拠点"),
                                                     [Qgis.ProcessingSourceType.VectorPoint], optional=True),
                 "Optional: stock sites, to add the site names. / 任意: 拠点名を付けるための備蓄拠点。")
        self.add(QgsProcessingParameterString(self.REFERENCE_DATE, self.tr("Reference date / 基準日"), "",
                                              optional=True),
                 "Date the months are counted from (ISO, 2026/3/31 or 令和8年3月31日). Empty: today. / 基準日（空欄は今日）。")
        self.add(QgsProcessingParameterNumber(self.MONTHS, self.tr("Months ahead / 対象期間（か月）"),
                                              Qgis.ProcessingNumberParameterType.Double, 12.0, minValue=0.0),
                 "Lots expiring within this many months are listed. / この月数以内に期限を迎える在庫を一覧にします。")
        self.add(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Expiring lots / 期限が近い在庫"),
                                                   Qgis.ProcessingSourceType.Vector),
                 "One row per lot: site, month, months left, item, quantity, suggested action. / ロットごとの一覧。")
        self.add(QgsProcessingParameterFeatureSink(self.OUTPUT_REPLACEMENT,
                                                   self.tr("Replacement per fiscal year / 年度別買替量"),
                                                   Qgis.ProcessingSourceType.Vector),
                 "City stock to buy per fiscal year and item, in base units. / 年度・品目別の市の買替量（基本単位）。")
        self.addOutput(QgsProcessingOutputNumber("LOT_COUNT", self.tr("Lots listed / 対象ロット数")))
        self.addOutput(QgsProcessingOutputNumber("EXPIRED_COUNT", self.tr("Expired lots / 期限切れロット数")))

    def compute(self, parameters, context, feedback, progress):
        items = read_items(self, parameters, self.ITEMS, context)
        names = {}
        if parameters.get(self.SITES):
            sites = read_sites(self, parameters, self.SITES, context)
            if "name" in sites.columns:
                names = dict(zip(sites["site_id"], sites["name"].astype(str)))
        ref = date_param(self, parameters, self.REFERENCE_DATE, context)
        months = self.parameterAsDouble(parameters, self.MONTHS, context)
        lots, repl = sp.expiry_rotation(items, ref, months, names)
        progress.update(0.6)
        lots["reference_date"] = ref
        dest = write_frame(self, parameters, self.OUTPUT, context, lots, feedback,
                           kinds={"expiry_date": "date", "reference_date": "date", "expired": "bool"})
        dest_r = write_frame(self, parameters, self.OUTPUT_REPLACEMENT, context, repl, feedback)
        expired = int(lots["expired"].sum()) if len(lots) else 0
        feedback.pushInfo(f"{len(lots)} lots within {months:g} months of {ref.isoformat()} ({expired} expired). / "
                          f"{len(lots)}ロット（期限切れ{expired}）。")
        return {self.OUTPUT: dest, self.OUTPUT_REPLACEMENT: dest_r, "LOT_COUNT": len(lots), "EXPIRED_COUNT": expired}
