"""sonae:deliveryplan — which stock site sends what to which shelter by which date (seed 001: tell the shelter
the delivery date), from observed occupancy where available."""
from __future__ import annotations

from qgis.core import Qgis
from qgis.core import (QgsProcessing, QgsProcessingOutputNumber, QgsProcessingOutputString,
                       QgsProcessingParameterEnum, QgsProcessingParameterFeatureSink,
                       QgsProcessingParameterFeatureSource, QgsProcessingParameterField,
                       QgsProcessingParameterNumber, QgsProcessingParameterString)

from ..engine.errors import SonaeInputError
from .base import SonaeAlgorithm, labelled_enum
from .stockpile_sufficiency import PROFILE_LABELS, PROFILES, needs_defaults
from .platform_common import observed_evacuees, profile_choice, rule


def _default(name):
    return rule("delivery_plan.json")[name]["default"]


def _horizon():
    return int(rule("needs_profiles.json")["planning_horizon_days"]["default"])


class DeliveryPlan(SonaeAlgorithm):
    ALG_ID = "deliveryplan"
    GROUP = "stockpile"
    DISPLAY_NAME = "Delivery plan to shelters / 避難所への配送計画"
    SHORT_HELP = (
        "Which stock site sends what to which shelter by which date. Each shelter needs persons x the needs "
        "profile x the horizon; persons are the observed head count (OBSERVED, e.g. sonae:importshelterops) where a "
        "shelter has one, else the persons field. Usable stock on the plan date (expired lots excluded, partner stock "
        "up to its commitment) goes nearest site first to the largest shelters first. A site makes N runs a day; a "
        "run's arrival adds the drive (road distance / speed). Outputs: every run and item, and per shelter the "
        "date everything arrives (delivery_by) and what remains short. Defaults in rules/delivery_plan.json are "
        "stated planning assumptions: replace them with the city's own vehicles.\n"
        "どの備蓄拠点から、どの避難所へ、何を、いつまでに届けるかを計画し、避難所ごとの到着日を表にします（シード001: "
        "避難所に配送日を伝える）。観測した避難者数があればそれを使います。")
    SHELTERS, SHELTER_ID_FIELD, PERSONS_FIELD, NAME_FIELD, OBSERVED = "SHELTERS", "SHELTER_ID_FIELD", \
        "PERSONS_FIELD", "NAME_FIELD", "OBSERVED"
    SITES, ITEMS, PLAN_DATE, PROFILE, HORIZON_DAYS, MAX_DISTANCE_M = "SITES", "ITEMS", "PLAN_DATE", "PROFILE", \
        "HORIZON_DAYS", "MAX_DISTANCE_M"
    RUNS_PER_DAY, SPEED_KMH = "RUNS_PER_DAY", "SPEED_KMH"
    OUTPUT, OUTPUT_SHELTERS = "OUTPUT", "OUTPUT_SHELTERS"

    def initParameters(self, config=None):
        self.add(QgsProcessingParameterFeatureSource(self.SHELTERS, self.tr("Shelters / 避難所"),
                                                     [Qgis.ProcessingSourceType.VectorPoint]),
                 "Shelter points with an id (and a modelled persons field), e.g. 'shelters' of the catchment step or "
                 "the latest-per-shelter output of sonae:importshelterops. / 避難所（点）。")
        self.add(QgsProcessingParameterField(self.SHELTER_ID_FIELD, self.tr("Shelter id field / 避難所ID項目"),
                                             "shelter_id", self.SHELTERS),
                 "Unique shelter id, the key to OBSERVED. / 避難所の一意なID（観測表との結合キー）。")
        self.add(QgsProcessingParameterField(self.PERSONS_FIELD, self.tr("Persons field / 人数項目"), "evacuees",
                                             self.SHELTERS, Qgis.ProcessingFieldParameterDataType.Numeric),
                 "Persons staying (modelled or observed). / 滞在する人数。")
        self.add(QgsProcessingParameterField(self.NAME_FIELD, self.tr("Name field / 名称項目"), "name", self.SHELTERS,
                                             optional=True),
                 "Shelter name copied to the outputs. / 出力に写す避難所名。")
        self.add(QgsProcessingParameterFeatureSource(self.OBSERVED, self.tr("Observed occupancy / 観測した避難者数"),
                                                     [Qgis.ProcessingSourceType.Vector], optional=True),
                 "Optional: a table with shelter_id and evacuees (sonae:importshelterops, latest per shelter); it "
                 "replaces the persons field where a shelter has an observation. / 任意: 観測値で人数を置き換えます。")
        self.add(QgsProcessingParameterFeatureSource(self.SITES, self.tr("Stock sites / 備蓄拠点"),
                                                     [Qgis.ProcessingSourceType.VectorPoint]),
                 "Canonical stock_sites (a GeoPackage table or the platform's sonae.sites). / 備蓄拠点。")
        self.add(QgsProcessingParameterFeatureSource(self.ITEMS, self.tr("Stock items / 備蓄品"),
                                                     [Qgis.ProcessingSourceType.Vector]),
                 "Canonical stock_items (a GeoPackage table or the platform's sonae.stock_items). / 備蓄品。")
        self.add(QgsProcessingParameterString(self.PLAN_DATE, self.tr("Plan date (first departures) / 計画日"), "",
                                              optional=True),
                 "The day the first runs leave (ISO, 2026/3/31 or 令和8年3月31日); stock expired then is excluded. "
                 "Empty: today. / 最初の便が出る日（和暦可、空欄は今日）。")
        self.add(labelled_enum(QgsProcessingParameterEnum(self.PROFILE, self.tr("Needs profile / 需要プロファイル"),
                                                          options=list(PROFILES), defaultValue=needs_defaults()[0],
                                                          usesStaticStrings=True), PROFILE_LABELS),
                 "Per-person needs (rules/needs_profiles.json). / 1人あたりの必要量。")
        self.add(QgsProcessingParameterNumber(self.HORIZON_DAYS, self.tr("Days to supply / 供給日数"),
                                              Qgis.ProcessingNumberParameterType.Double, _horizon(), minValue=0.1),
                 "Days of supply to deliver (default 3). / 届ける日数分（既定3日）。")
        self.add(QgsProcessingParameterNumber(self.MAX_DISTANCE_M, self.tr("Maximum distance (m) / 最大距離（m）"),
                                              Qgis.ProcessingNumberParameterType.Double, 0.0, minValue=0.0),
                 "Straight-line distance within which a site serves a shelter (0 = no limit). / 供給できる直線距離"
                 "（0は無制限）。")
        self.add(QgsProcessingParameterNumber(self.RUNS_PER_DAY, self.tr("Runs per site per day / 1拠点1日の便数"),
                                              Qgis.ProcessingNumberParameterType.Integer,
                                              int(_default("runs_per_site_per_day")), minValue=1),
                 "Loaded runs one site can send a day (assumption, rules/delivery_plan.json). / 1拠点が1日に出せる便数。")
        self.add(QgsProcessingParameterNumber(self.SPEED_KMH, self.tr("Road speed (km/h) / 走行速度（km/h）"),
                                              Qgis.ProcessingNumberParameterType.Double, float(_default("road_speed_kmh")),
                                              minValue=1.0),
                 "Average speed on damaged roads; road distance = {f} x straight line. / 被災時の平均速度。",
                 f=_default("road_factor"))
        self.add(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Deliveries / 配送便"), Qgis.ProcessingSourceType.Vector),
                 "One row per run and item: site, shelter, run number, item, units (base unit), departure and "
                 "delivery date, distance. / 便・品目ごとの配送表。")
        self.add(QgsProcessingParameterFeatureSink(self.OUTPUT_SHELTERS,
                                                   self.tr("Delivery date per shelter / 避難所別の到着日"),
                                                   Qgis.ProcessingSourceType.VectorPoint),
                 "Per shelter: persons (and whether observed), runs, first delivery, delivery_by (everything "
                 "arrived), need / delivered / short per item. / 避難所ごとの到着日と不足。")
        for n, label in (("SHELTERS_SHORT", "Shelters not fully supplied / 供給不足の避難所数"),
                         ("RUNS", "Runs / 便数")):
            self.addOutput(QgsProcessingOutputNumber(n, self.tr(label)))
        self.addOutput(QgsProcessingOutputString("LAST_DATE", self.tr("Last delivery date / 最後の到着日")))

    def compute(self, parameters, context, feedback, progress):
        import geopandas as gpd
        import pandas as pd

        from ..engine import delivery_plan as dp
        from ..engine import stockpile as sp
        from ._stockpile_inputs import date_param, layer_label, metric_crs, read_items, read_sites, xy
        from .qgis_io import read_source, write_frame
        id_f = self.parameterAsString(parameters, self.SHELTER_ID_FIELD, context) or "shelter_id"
        p_f = self.parameterAsString(parameters, self.PERSONS_FIELD, context) or "evacuees"
        name_f = self.parameterAsString(parameters, self.NAME_FIELD, context)
        src = self.parameterAsSource(parameters, self.SHELTERS, context)
        if name_f and src is not None and src.fields().indexOf(name_f) < 0:
            feedback.pushInfo(f"no field {name_f} on the shelters: names not copied / 名称項目 {name_f} がないため名称は"
                              "写しません")
            name_f = ""
        shelters = read_source(self, parameters, self.SHELTERS, context,
                               attributes=[a for a in dict.fromkeys([id_f, p_f, name_f]) if a])
        ids = shelters[id_f].astype(str)
        if ids.duplicated().any():
            label = layer_label(self, parameters, self.SHELTERS, context)
            raise SonaeInputError(f"{label}: shelter id {ids[ids.duplicated()].iloc[0]} appears twice in {id_f}.",
                                  f"{label}: {id_f} の避難所ID {ids[ids.duplicated()].iloc[0]} が重複しています。")
        persons = pd.to_numeric(shelters[p_f], errors="coerce").to_numpy(float)
        observed = None
        if parameters.get(self.OBSERVED):
            persons, observed = observed_evacuees(self, parameters, self.OBSERVED, context, ids, persons, feedback)
        sites = read_sites(self, parameters, self.SITES, context)
        items = read_items(self, parameters, self.ITEMS, context)
        day = date_param(self, parameters, self.PLAN_DATE, context)
        crs = metric_crs(shelters, sites)
        sx, sy = xy(shelters, crs)
        kx, ky = xy(sites, crs)
        sh = pd.DataFrame({"shelter_id": ids.to_numpy(), "persons": persons, "x": sx, "y": sy})
        st = pd.DataFrame({"site_id": sites["site_id"].to_numpy(), "x": kx, "y": ky})
        deliveries, per = dp.plan(
            sh, st, items, day, self.enum_value(parameters, self.PROFILE, context),
            self.parameterAsDouble(parameters, self.HORIZON_DAYS, context),
            self.parameterAsDouble(parameters, self.MAX_DISTANCE_M, context),
            self.parameterAsInt(parameters, self.RUNS_PER_DAY, context),
            self.parameterAsDouble(parameters, self.SPEED_KMH, context), progress=progress.sub(0.1, 0.85))
        if name_f:
            per.insert(1, "name", shelters[name_f].astype(str).where(shelters[name_f].notna(), "").to_numpy())
        per.insert(3, "persons_observed", observed if observed is not None else False)
        out = gpd.GeoDataFrame(per, geometry=shelters.geometry.to_numpy(), crs=shelters.crs)
        dates = {"depart_date": "date", "delivery_date": "date", "first_delivery": "date", "delivery_by": "date",
                 "fully_supplied": "bool", "persons_observed": "bool"}
        dest = write_frame(self, parameters, self.OUTPUT, context, deliveries, feedback, kinds=dates)
        dest_s = write_frame(self, parameters, self.OUTPUT_SHELTERS, context, out, feedback, kinds=dates)
        short = int((~per["fully_supplied"]).sum())
        last = max((d for d in per["delivery_by"] if d is not None), default=None)
        runs = int(per["runs"].sum())
        feedback.pushInfo(f"{runs} runs from {day.isoformat()}; last arrival {last}; {short}/{len(per)} shelters "
                          f"not fully supplied. / {runs}便、最後の到着 {last}、供給不足 {short}件。")
        return {self.OUTPUT: dest, self.OUTPUT_SHELTERS: dest_s, "SHELTERS_SHORT": short, "RUNS": runs,
                "LAST_DATE": last.isoformat() if last else ""}
