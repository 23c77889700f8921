"""sonae:partneraudit — partners' reported inventory vs committed quantity, stale verifications, and how many
people the partners' stock feeds for how many days."""
from __future__ import annotations

from .base import lazy, lazy_from
gpd = lazy("geopandas")
from qgis.core import Qgis
from qgis.core import (QgsProcessing, QgsProcessingOutputNumber, QgsProcessingOutputString,
                       QgsProcessingParameterEnum, QgsProcessingParameterFeatureSink,
                       QgsProcessingParameterFeatureSource, QgsProcessingParameterNumber,
                       QgsProcessingParameterString)

sp = lazy("..engine.stockpile", __package__)
from ..engine.errors import SonaeInputError
from ..engine.rules import load_rules
date_param, read_items, read_sites = lazy_from(__name__, "._stockpile_inputs", "date_param", "read_items", "read_sites")
from .base import SonaeAlgorithm, labelled_enum
from .stockpile_sufficiency import PROFILE_LABELS, PROFILES, needs_defaults
write_frame = lazy_from(__name__, ".qgis_io", "write_frame")


class PartnerAudit(SonaeAlgorithm):
    ALG_ID = "partneraudit"
    GROUP = "stockpile"
    DISPLAY_NAME = "Partner commitment audit / 協定事業者の在庫確認"
    SHORT_HELP = (
        "For every retail partner and item: reported (unexpired) inventory vs the committed quantity, the gap, an "
        "under-commitment flag, and a stale-verification flag when the last check (確認日) is older than the maximum "
        "age (default 12 months: Miyazaki checks partners once a year, seed 000) or missing. The counted quantity is "
        "min(reported, committed). The council figure: how many people the partners' counted stock feeds for the "
        "planning horizon (the smallest over the profile's core items, water and meals).\n"
        "協定事業者・品目ごとに、報告在庫と協定数量を比較し、不足と確認日の古さ（既定12か月超）を示します。協定事業者の在庫で"
        "何人を計画期間のあいだ支えられるかも計算します。")
    ITEMS, SITES, AUDIT_DATE, PROFILE, HORIZON_DAYS, MAX_AGE_MONTHS = "ITEMS", "SITES", "AUDIT_DATE", "PROFILE", \
        "HORIZON_DAYS", "MAX_AGE_MONTHS"
    OUTPUT = "OUTPUT"

    def initParameters(self, config=None):
        self.add(QgsProcessingParameterFeatureSource(self.ITEMS, self.tr("Stock items / 備蓄品"),
                                                     [Qgis.ProcessingSourceType.Vector]),
                 "Canonical stock_items table (partner rows need committed_quantity and verified_on). / 備蓄品テーブル。")
        self.add(QgsProcessingParameterFeatureSource(self.SITES, self.tr("Stock sites / 備蓄拠点"),
                                                     [Qgis.ProcessingSourceType.VectorPoint], optional=True),
                 "Optional: stock sites; the output then carries the partner's location and name. / 任意: 拠点（地図化）。")
        self.add(QgsProcessingParameterString(self.AUDIT_DATE, self.tr("Audit date / 確認基準日"), "", optional=True),
                 "Date of the audit (ISO, 2026/3/31 or 令和8年3月31日). Empty: today. / 確認基準日（空欄は今日）。")
        self.add(labelled_enum(QgsProcessingParameterEnum(self.PROFILE, self.tr("Needs profile / 需要プロファイル"),
                                                          options=list(PROFILES), defaultValue=needs_defaults()[0],
                                                          usesStaticStrings=True), PROFILE_LABELS),
                 "Per-person needs used to turn stock into persons fed. / 人数換算に使う1人あたり必要量。")
        self.add(QgsProcessingParameterNumber(self.HORIZON_DAYS, self.tr("Planning horizon (days) / 計画期間（日）"),
                                              Qgis.ProcessingNumberParameterType.Double, needs_defaults()[1],
                                              minValue=0.1),
                 "Days the stock must feed people (default 3). / 何日分として人数換算するか（既定3日）。")
        self.add(QgsProcessingParameterNumber(
            self.MAX_AGE_MONTHS, self.tr("Maximum age of a verification (months) / 確認の有効期間（か月）"),
            Qgis.ProcessingNumberParameterType.Double, load_rules("stockpile_rotation.json")["audit_max_age_months"]["default"],
            minValue=0.0),
            "A commitment last verified longer ago than this is flagged stale. / これより古い確認は要再確認とします。")
        self.add(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Partner audit / 協定在庫の確認"),
                                                   Qgis.ProcessingSourceType.VectorAnyGeometry),
                 "One row per partner site and item. / 事業者拠点・品目ごとの表。")
        self.addOutput(QgsProcessingOutputNumber("PERSONS_FED", self.tr("Persons fed for the horizon / 支えられる人数")))
        self.addOutput(QgsProcessingOutputNumber("HORIZON", self.tr("Horizon (days) / 日数")))
        self.addOutput(QgsProcessingOutputString("LIMITING_ITEM", self.tr("Limiting item / 制約となる品目")))
        self.addOutput(QgsProcessingOutputNumber("UNDER_COMMITTED", self.tr("Under-committed rows / 協定不足の行数")))
        self.addOutput(QgsProcessingOutputNumber("STALE", self.tr("Stale verifications / 要再確認の行数")))

    def compute(self, parameters, context, feedback, progress):
        items = read_items(self, parameters, self.ITEMS, context)
        audit = date_param(self, parameters, self.AUDIT_DATE, context)
        profile = self.enum_value(parameters, self.PROFILE, context)
        horizon = self.parameterAsDouble(parameters, self.HORIZON_DAYS, context)
        max_age = self.parameterAsDouble(parameters, self.MAX_AGE_MONTHS, context)
        table, summary = sp.partner_audit(items, audit, profile, horizon, max_age)
        if table.empty:
            raise SonaeInputError("The stock items have no retail_partner rows: nothing to audit.",
                                  "協定事業者（retail_partner）の行がありません。確認する在庫がありません。")
        table["audit_date"] = audit
        out = table
        if parameters.get(self.SITES):
            sites = read_sites(self, parameters, self.SITES, context)
            sp.check_sites(items, sites["site_id"])
            geo = sites.set_index("site_id")
            out = gpd.GeoDataFrame(table, geometry=geo.geometry.reindex(table["site_id"]).to_numpy(), crs=sites.crs)
            if "name" in geo.columns:
                out.insert(1, "site_name", geo["name"].reindex(table["site_id"]).astype(str).to_numpy())
        progress.update(0.7)
        dest = write_frame(self, parameters, self.OUTPUT, context, out, feedback,
                           kinds={"verified_on": "date", "audit_date": "date", "under_committed": "bool",
                                  "stale": "bool"})
        persons = summary["persons_fed"]
        lim = summary["limiting_item"] or ""
        feedback.pushInfo(f"Partners' counted stock feeds {persons:,.0f} persons for {horizon:g} days (limited by "
                          f"{lim}). / 協定事業者の在庫で {persons:,.0f} 人を {horizon:g} 日間支えられます（制約: {lim}）。")
        for it, s in summary["items"].items():
            feedback.pushInfo(f"  {it}: counted {s['counted']:,.1f}, persons for the horizon "
                              f"{s['persons_for_horizon']:,.0f}")
        return {self.OUTPUT: dest, "PERSONS_FED": persons, "HORIZON": horizon, "LIMITING_ITEM": lim,
                "UNDER_COMMITTED": int(table["under_committed"].sum()), "STALE": int(table["stale"].sum())}
