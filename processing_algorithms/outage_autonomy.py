"""sonae:outageautonomy — hours of autonomy of every shelter in a power outage (PV, battery, generator)."""
from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
from qgis.core import (QgsProcessing, QgsProcessingOutputNumber, QgsProcessingParameterBoolean,
                       QgsProcessingParameterDateTime, QgsProcessingParameterEnum,
                       QgsProcessingParameterFeatureSink, QgsProcessingParameterFeatureSource,
                       QgsProcessingParameterField, QgsProcessingParameterFile, QgsProcessingParameterNumber)

from ..engine.energy import energy_defaults
from ..engine.energy.inputs import build_inputs, join_assets
from ..engine.energy.outage import Settings, check_start_soc, hour_of_year, simulate, summarise
from ..engine.energy.pv import pv_rules, regions
from .base import SonaeAlgorithm
from .qgis_io import read_source, write_frame


def energy_common_parameters(alg, defaults):
    """Parameters shared by sonae:outageautonomy and sonae:sizeforautonomy."""
    alg.add(QgsProcessingParameterFeatureSource("FACILITIES", alg.tr("Shelters / 避難所"),
                                                [QgsProcessing.TypeVectorAnyGeometry]),
            "Shelters or facilities (Sonae's shelters layer from sonae:sheltercatchments, with evacuees). Energy "
            "fields pv_kw, battery_kwh, battery_kw, battery_soc, generator_kw, fuel_l may be on this layer or in "
            "ENERGY_ASSETS. / 避難所レイヤ（避難者数付き）。設備の項目はこのレイヤか設備テーブルに置きます。")
    alg.add(QgsProcessingParameterField("ID_FIELD", alg.tr("Facility id field / 施設ID項目"), "id", "FACILITIES"),
            "Field with the facility id used to join ENERGY_ASSETS (Sonae: id). / 設備テーブルと結合する施設IDの項目。")
    alg.add(QgsProcessingParameterField("EVACUEES_FIELD", alg.tr("Evacuees field / 避難者数の項目"), "evacuees",
                                        "FACILITIES", QgsProcessingParameterField.Numeric),
            "Number of evacuees per shelter; drives lighting and phone charging (rules/critical_loads.json). "
            "Empty = 0. / 避難者数。照明と携帯充電の負荷を決めます。空は0。")
    alg.add(QgsProcessingParameterField("TYPE_FIELD", alg.tr("Facility type field / 施設種別の項目"),
                                        "facility_type", "FACILITIES", optional=True),
            "Facility type (school, community_center, welfare, ...) selecting the load set of "
            "rules/critical_loads.json; unknown or empty = default. / 施設種別（負荷の組合せを選びます）。")
    alg.add(QgsProcessingParameterFeatureSource("ENERGY_ASSETS", alg.tr("Energy assets table / 設備テーブル"),
                                                [QgsProcessing.TypeVector], optional=True),
            "Optional table keyed by facility id (ASSET_ID_FIELD) with pv_kw, battery_kwh, battery_kw, battery_soc "
            "(0-1), generator_kw, fuel_l, normal_kwh_year. Its fields replace the facilities' own. / "
            "施設IDをキーとする設備テーブル（任意）。")
    alg.add(QgsProcessingParameterField("ASSET_ID_FIELD", alg.tr("Assets key field / 設備テーブルのキー項目"),
                                        "facility_id", "ENERGY_ASSETS", optional=True),
            "Field of ENERGY_ASSETS holding the facility id. / 設備テーブルの施設ID項目。")
    alg.add(QgsProcessingParameterNumber("START_SOC", alg.tr("Starting state of charge / 開始時の充電率"),
                                         QgsProcessingParameterNumber.Double, defaults["start_soc"], False, 0.0, 1.0),
            "Battery state of charge (0-1) at the start of an outage when no monitored battery_soc is given; it is "
            "also the reserve used for outages starting at every hour of the year. / 停電開始時の充電率（0〜1）。"
            "監視値がない場合と、全時刻の停電開始シミュレーションに使います。")
    alg.add(QgsProcessingParameterEnum("PV_REGION", alg.tr("PV yield region / 太陽光の発電量地域"),
                                       [pv_rules()["annual_kwh_per_kwp"][k]["label"] for k in regions()],
                                       defaultValue=regions().index(pv_rules()["default_region"])),
            "Annual PV yield (kWh/kWp/yr) the clear-sky profile is scaled to (rules/pv_yield_japan.json); the "
            "planning rule 1,000 is the conservative default. / 年間発電量（kWh/kWp）の地域。既定は計画値1,000。")
    alg.add(QgsProcessingParameterFile("PV_PROFILE", alg.tr("Hourly PV profile CSV / 毎時の太陽光プロファイル"),
                                       extension="csv", optional=True),
            "Optional CSV of 8,760 hourly values in kW per kWp (hour 0 = 1 January 00:00 JST) replacing the "
            "clear-sky profile for every facility. / 8760時間分のkW/kWp（任意）。", advanced=True)
    alg.add(QgsProcessingParameterBoolean("INCLUDE_AC", alg.tr("Include air conditioning / 空調を含める"), False),
            "Add one 2 kW air conditioner per shelter in July-September daytime (rules/critical_loads.json). / "
            "7〜9月の日中に空調2kWを加えます。", advanced=True)


def region_of(alg, parameters, context):
    return regions()[alg.parameterAsEnum(parameters, "PV_REGION", context)]


def read_model_frame(alg, parameters, context, feedback, progress):
    facilities = read_source(alg, parameters, "FACILITIES", context, feedback=feedback)
    fac_layer = alg.parameterAsSource(parameters, "FACILITIES", context)
    name = fac_layer.sourceName() if fac_layer is not None else "FACILITIES"
    id_field = alg.parameterAsString(parameters, "ID_FIELD", context) or "id"
    assets = None
    if parameters.get("ENERGY_ASSETS"):
        assets = read_source(alg, parameters, "ENERGY_ASSETS", context, geometry=False, feedback=feedback)
    asset_key = alg.parameterAsString(parameters, "ASSET_ID_FIELD", context) or "facility_id"
    frame = join_assets(facilities, id_field, assets, asset_key, name, "ENERGY_ASSETS", progress)
    return frame, name, id_field


def read_energy_model(alg, parameters, context, feedback, progress, build_share: float):
    """What both energy algorithms read: (frame, id field, type field, evacuees field, start SoC, model inputs).

    ``build_share`` is the part of the progress bar that building the load and PV profiles takes.
    """
    start_soc = check_start_soc(alg.parameterAsDouble(parameters, "START_SOC", context))
    frame, name, id_field = read_model_frame(alg, parameters, context, feedback, progress)
    type_field = alg.parameterAsString(parameters, "TYPE_FIELD", context) or None
    ev_field = alg.parameterAsString(parameters, "EVACUEES_FIELD", context) or "evacuees"
    pv_csv = alg.parameterAsFile(parameters, "PV_PROFILE", context) or None
    inputs = build_inputs(frame, id_field, type_field, ev_field, region_of(alg, parameters, context), pv_csv,
                          alg.parameterAsBool(parameters, "INCLUDE_AC", context), name,
                          progress.sub(0.0, build_share))
    return frame, id_field, type_field, ev_field, start_soc, inputs


class OutageAutonomy(SonaeAlgorithm):
    ALG_ID = "outageautonomy"
    GROUP = "energy"
    DISPLAY_NAME = "Outage autonomy / 停電時の自立時間"
    SHORT_HELP = (
        "How long each shelter keeps its critical loads (lighting, disaster radio, TV, phone charging, fridge) on "
        "in a power outage with its PV, battery and generator. After NREL REopt's outage simulator: an outage is "
        "started at every hour of the year (vectorised over shelters and start hours); surplus PV charges the "
        "battery within capacity, power and round-trip efficiency; deficits draw the generator (fuel curve, tank) "
        "then the battery; the first unmet hour ends the run. Adds hours_now (outage starting at START_TIME from "
        "the monitored battery_soc), min_hours, median_hours, share_24h/72h/168h and shortfall_kwh_<target>h.\n"
        "停電時に各避難所が照明・防災無線・テレビ・携帯充電・冷蔵庫を何時間維持できるかを、太陽光・蓄電池・発電機から"
        "計算します（NREL REoptの停電シミュレーションに準拠、年間全時刻の停電開始を一括計算）。")

    def initParameters(self, config=None):
        d = energy_defaults()
        energy_common_parameters(self, d)
        self.add(QgsProcessingParameterNumber("OUTAGE_HOURS", self.tr("Target outage duration (h) / 目標時間（h）"),
                                              QgsProcessingParameterNumber.Integer, int(d["outage_hours"]), False, 1,
                                              8760),
                 "Target duration of the outage; gives shortfall_kwh_<h>h (energy to bring in to reach it from now). "
                 "Runs are simulated up to max(168, this). Default 72 h (FDMA target). / 目標の停電継続時間。"
                 "不足電力量 shortfall_kwh_<h>h を出します。既定72時間（消防庁の目標）。")
        self.add(QgsProcessingParameterDateTime("START_TIME", self.tr("Outage starts at / 停電開始日時"),
                                                optional=True),
                 "When the outage for hours_now starts (Japan Standard Time); empty = the current hour. / "
                 "hours_now の停電開始日時（日本時間）。空なら現在時刻。")
        self.add(QgsProcessingParameterFeatureSink("OUTPUT", self.tr("Shelters with autonomy / 自立時間付き避難所"),
                                                   QgsProcessing.TypeVectorAnyGeometry),
                 "The shelters with their energy fields and the autonomy results (demo table shelters_energy). / "
                 "設備と自立時間の結果を付けた避難所。")
        self.addOutput(QgsProcessingOutputNumber("BELOW_TARGET", self.tr("Shelters below target now / 目標未満の避難所")))

    def compute(self, parameters, context, feedback, progress):
        d = energy_defaults()
        target = self.parameterAsInt(parameters, "OUTAGE_HOURS", context)
        horizon = max(168, target)
        frame, _id_field, _type_field, _ev_field, start_soc, inputs = read_energy_model(
            self, parameters, context, feedback, progress, 0.15)
        when = self.parameterAsDateTime(parameters, "START_TIME", context)
        start_dt = when.toPyDateTime() if when is not None and when.isValid() else dt.datetime.now()
        h0 = hour_of_year(start_dt.replace(minute=0, second=0, microsecond=0))
        settings = Settings.from_rules(d)
        soc_now = np.where(np.isfinite(inputs.monitored_soc), inputs.monitored_soc, start_soc)
        now_hours = simulate(inputs.load_kw, inputs.pv_per_kwp, inputs.assets, soc_now, horizon, starts=[h0],
                             settings=settings)
        _, now_unmet = simulate(inputs.load_kw, inputs.pv_per_kwp, inputs.assets, soc_now, target, starts=[h0],
                                settings=settings, track_unmet=True)
        hours = simulate(inputs.load_kw, inputs.pv_per_kwp, inputs.assets, start_soc, horizon, settings=settings,
                         progress=progress.sub(0.2, 0.95))
        stats = summarise(hours, sorted(set(list(d["survival_thresholds_h"]) + [target])), horizon)
        out = frame.copy()
        a = inputs.assets
        out["pv_kw"], out["battery_kwh"], out["battery_kw"] = a.pv_kw, a.battery_kwh, a.battery_kw
        out["generator_kw"], out["fuel_l"] = a.generator_kw, a.fuel_l
        out["battery_soc"] = inputs.monitored_soc
        out["start_soc_used"] = soc_now
        out["critical_load_kw"] = inputs.load_kw.mean(axis=1)
        out["critical_kwh_day"] = inputs.load_kw.sum(axis=1) / 365.0
        out["hours_now"] = now_hours[:, 0]
        for k, v in stats.items():
            out[k] = v
        out[f"shortfall_kwh_{target}h"] = now_unmet[:, 0]
        out["horizon_h"] = float(horizon)
        out["outage_start"] = pd.Timestamp(start_dt).strftime("%Y-%m-%d %H:00 JST")
        below = int((out["hours_now"] < target).sum())
        dest = write_frame(self, parameters, "OUTPUT", context, out, feedback, style="shelters_energy")
        feedback.pushInfo(self.tr(
            "{n} shelters; {below} below {target} h from now (start {start}); {worst} below {target} h for some "
            "start hour. / 避難所{n}件のうち、現在から{target}時間未満は{below}件。").format(
                n=len(out), below=below, target=target, start=out["outage_start"].iloc[0],
                worst=int((stats["min_hours"] < target).sum())))
        return {"OUTPUT": dest, "BELOW_TARGET": below}
