"""sonae:outageautonomy — hours of autonomy of every shelter in a power outage (PV, battery, generator)."""
from __future__ import annotations

import datetime as dt

from .base import lazy, lazy_from
np = lazy("numpy")
pd = lazy("pandas")
from qgis.core import Qgis
from qgis.core import (QgsProcessing, QgsProcessingOutputNumber, QgsProcessingParameterBoolean,
                       QgsProcessingParameterDateTime, QgsProcessingParameterEnum,
                       QgsProcessingParameterFeatureSink, QgsProcessingParameterFeatureSource,
                       QgsProcessingParameterField, QgsProcessingParameterFile, QgsProcessingParameterNumber)

from ..engine.energy import energy_defaults
build_inputs, join_assets = lazy_from(__name__, "..engine.energy.inputs", "build_inputs", "join_assets")
Settings, check_start_soc, hour_of_year, summarise = lazy_from(__name__, "..engine.energy.outage", "Settings", "check_start_soc", "hour_of_year", "summarise")
role_labels = lazy_from(__name__, "..engine.roles", "role_labels")
lower_median, simulate_years = lazy_from(__name__, "..engine.energy.years", "lower_median", "simulate_years")
from ..engine.rules import load_rules
from .base import SonaeAlgorithm, labelled_enum
read_source, write_frame = lazy_from(__name__, ".qgis_io", "read_source", "write_frame")

# Option order written here, not taken from the rule file's key order (saved models store the names; an old
# index keeps its meaning). tests/test_enums.py checks it matches rules/weather_normals_japan.json's regions.
WEATHER_REGIONS = ("auto", "r1_kitami", "r2_iwamizawa", "r3_morioka", "r4_nagano", "r5_utsunomiya", "r6_okayama",
                   "r7_miyazaki", "r8_naha")


def energy_common_parameters(alg, defaults):
    """Parameters shared by sonae:outageautonomy and sonae:sizeforautonomy."""
    alg.add(QgsProcessingParameterFeatureSource("FACILITIES", alg.tr("Shelters / 避難所"),
                                                [Qgis.ProcessingSourceType.VectorAnyGeometry]),
            "Shelters or facilities (Sonae's shelters layer from sonae:sheltercatchments, with evacuees). Energy "
            "fields pv_kw, battery_kwh, battery_kw, battery_soc, generator_kw, fuel_l may be on this layer or in "
            "ENERGY_ASSETS. / 避難所レイヤ（避難者数付き）。設備の項目はこのレイヤか設備テーブルに置きます。")
    alg.add(QgsProcessingParameterField("ID_FIELD", alg.tr("Facility id field / 施設ID項目"), "id", "FACILITIES"),
            "Field with the facility id used to join ENERGY_ASSETS (Sonae: id). / 設備テーブルと結合する施設IDの項目。")
    alg.add(QgsProcessingParameterField("EVACUEES_FIELD", alg.tr("Evacuees field / 避難者数の項目"), "evacuees",
                                        "FACILITIES", Qgis.ProcessingFieldParameterDataType.Numeric),
            "Number of evacuees per shelter; drives lighting and phone charging (rules/critical_loads.json). "
            "Empty = 0. / 避難者数。照明と携帯充電の負荷を決めます。空は0。")
    alg.add(QgsProcessingParameterField("TYPE_FIELD", alg.tr("Facility type field / 施設種別の項目"),
                                        "facility_type", "FACILITIES", optional=True),
            "Facility type (school, community_center, welfare, ...) selecting the load set of "
            "rules/critical_loads.json; unknown or empty = default. / 施設種別（負荷の組合せを選びます）。")
    alg.add(QgsProcessingParameterFeatureSource("ENERGY_ASSETS", alg.tr("Energy assets table / 設備テーブル"),
                                                [Qgis.ProcessingSourceType.Vector], optional=True),
            "Optional table keyed by facility id (ASSET_ID_FIELD) with pv_kw, battery_kwh, battery_kw, battery_soc "
            "(0-1), generator_kw, fuel_l, normal_kwh_year. Its fields replace the facilities' own. / "
            "施設IDをキーとする設備テーブル（任意）。")
    alg.add(QgsProcessingParameterField("ASSET_ID_FIELD", alg.tr("Assets key field / 設備テーブルのキー項目"),
                                        "facility_id", "ENERGY_ASSETS", optional=True),
            "Field of ENERGY_ASSETS holding the facility id. / 設備テーブルの施設ID項目。")
    alg.add(QgsProcessingParameterNumber("START_SOC", alg.tr("Starting state of charge / 開始時の充電率"),
                                         Qgis.ProcessingNumberParameterType.Double, defaults["start_soc"], False, 0.0, 1.0),
            "Battery state of charge (0-1) at the start of an outage when no monitored battery_soc is given; it is "
            "also the reserve used for outages starting at every hour of the year. / 停電開始時の充電率（0〜1）。"
            "監視値がない場合と、全時刻の停電開始シミュレーションに使います。")
    wr = load_rules("weather_normals_japan.json")     # = engine.energy.weather.weather_rules(), light at load
    labels = {"auto": "Auto: nearest climate region / 自動（最寄りの気候地域）"}
    labels.update({k: wr["regions"][k]["label"] for k in WEATHER_REGIONS[1:]})
    alg.add(labelled_enum(QgsProcessingParameterEnum("WEATHER_REGION", alg.tr("Weather region / 気象の地域"),
                                                     list(WEATHER_REGIONS), defaultValue="auto",
                                                     usesStaticStrings=True), labels),
            "Weather for the PV profile when no WEATHER_FILE is given: seeded synthetic years (daily clearness index "
            "as a Markov chain, Aguiar et al. 1988) calibrated to the monthly irradiance normals of one of Japan's 8 "
            "climate regions (rules/weather_normals_japan.json, from the 拡張アメダス standard years). Auto = the "
            "region whose reference point is nearest to each facility. / 気象ファイルがないときの合成気象の地域。"
            "自動は各施設に最も近い代表地点の地域。")
    alg.add(QgsProcessingParameterFile("WEATHER_FILE", alg.tr("Standard-year weather file / 標準年気象データ"),
                                       extension="csv", optional=True),
            "Optional 拡張アメダス standard-year CSV (外気温度, 法線面直達日射, 水平面天空日射 in W/m2; 8,760 hours) "
            "or a CSV with temp_air, dni, dhi: one weather year from measured data instead of the synthetic years. / "
            "拡張アメダス標準年のCSV（任意）。合成気象の代わりに使います。")
    alg.add(QgsProcessingParameterNumber("WEATHER_YEARS", alg.tr("Synthetic weather years / 合成気象の年数"),
                                         Qgis.ProcessingNumberParameterType.Integer,
                                         int(wr["synthetic_years"]["value"]), False, 1, 50),
            "Number of synthetic weather years; survival shares are taken over every start hour of every year. / "
            "合成気象の年数。生存割合は全年・全開始時刻で集計します。", advanced=True)
    alg.add(QgsProcessingParameterNumber("WEATHER_SEED", alg.tr("Weather seed / 乱数シード"),
                                         Qgis.ProcessingNumberParameterType.Integer, int(wr["seed"]["value"]), False, 0),
            "Seed of the synthetic weather (same seed = same years). / 合成気象の乱数シード（同じ値で同じ結果）。",
            advanced=True)
    alg.add(QgsProcessingParameterFile("PV_PROFILE", alg.tr("Hourly PV profile CSV / 毎時の太陽光プロファイル"),
                                       extension="csv", optional=True),
            "Optional CSV of 8,760 hourly values in kW per kWp (hour 0 = 1 January 00:00 JST) replacing the "
            "weather-based profile for every facility (one weather year). / 8760時間分のkW/kWp（任意）。", advanced=True)
    alg.add(QgsProcessingParameterBoolean("INCLUDE_AC", alg.tr("Include air conditioning / 空調を含める"), False),
            "Add one 2 kW air conditioner per shelter in July-September daytime (rules/critical_loads.json). / "
            "7〜9月の日中に空調2kWを加えます。", advanced=True)


def region_of(alg, parameters, context):
    return alg.enum_value(parameters, "WEATHER_REGION", context)


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


def read_energy_model(alg, parameters, context, feedback, progress, build_share: float, outage_hours: int = 72):
    """What both energy algorithms read: (frame, id field, type field, evacuees field, start SoC, model inputs).

    ``build_share`` is the part of the progress bar that building the load and PV profiles takes.
    """
    start_soc = check_start_soc(alg.parameterAsDouble(parameters, "START_SOC", context))
    frame, name, id_field = read_model_frame(alg, parameters, context, feedback, progress)
    type_field = alg.parameterAsString(parameters, "TYPE_FIELD", context) or None
    ev_field = alg.parameterAsString(parameters, "EVACUEES_FIELD", context) or "evacuees"
    pv_csv = alg.parameterAsFile(parameters, "PV_PROFILE", context) or None
    weather_file = alg.parameterAsFile(parameters, "WEATHER_FILE", context) or None
    inputs = build_inputs(frame, id_field, type_field, ev_field, region_of(alg, parameters, context), pv_csv,
                          alg.parameterAsBool(parameters, "INCLUDE_AC", context), name,
                          progress.sub(0.0, build_share), weather_file,
                          alg.parameterAsInt(parameters, "WEATHER_YEARS", context),
                          alg.parameterAsInt(parameters, "WEATHER_SEED", context), outage_hours)
    return frame, id_field, type_field, ev_field, start_soc, inputs


class OutageAutonomy(SonaeAlgorithm):
    ALG_ID = "outageautonomy"
    GROUP = "energy"
    DISPLAY_NAME = "Outage autonomy / 停電時の自立時間"
    SHORT_HELP = (
        "How long each shelter keeps its critical loads (lighting, disaster radio, TV, phone charging, fridge) on "
        "in a power outage with its PV, battery and generator, with weather: PV comes from seeded synthetic weather "
        "years (daily clearness index as a Markov chain calibrated to the monthly irradiance normals of the nearest "
        "of Japan's 8 climate regions) or from a 拡張アメダス standard-year file. After NREL REopt's outage simulator: "
        "an outage is started at every hour of every weather year; surplus PV charges the battery within capacity, "
        "power and round-trip efficiency; deficits draw the generator (fuel curve, tank) then the battery; the first "
        "unmet hour ends the run. The facility's role (rules/facility_roles.json) sets the load and the target: open "
        "spaces carry none, tsunami buildings a reduced load for hours, and only the 72 h roles count in "
        "BELOW_TARGET. Adds role, autonomy_target_h, hours_now (the middle weather year), min_hours, median_hours, "
        "share_24h/72h/168h over start hours and weather years, and shortfall_kwh_<target>h.\n"
        "停電時に各避難所が照明・防災無線・テレビ・携帯充電・冷蔵庫を何時間維持できるかを、気象（合成気象年または"
        "拡張アメダス標準年）を考慮した太陽光・蓄電池・発電機から計算します（NREL REoptの停電シミュレーションに準拠、"
        "全気象年・全時刻の停電開始を一括計算）。施設の役割で負荷と目標が決まります（緊急避難場所は負荷なし、"
        "津波避難ビルは時間単位）。")

    def initParameters(self, config=None):
        d = energy_defaults()
        energy_common_parameters(self, d)
        self.add(QgsProcessingParameterNumber("OUTAGE_HOURS", self.tr("Target outage duration (h) / 目標時間（h）"),
                                              Qgis.ProcessingNumberParameterType.Integer, int(d["outage_hours"]), False, 1,
                                              8760),
                 "Target duration of the outage for the roles with a days target (stay and welfare shelters, disaster "
                 "bases; rules/facility_roles.json); gives shortfall_kwh_<h>h (energy to bring in to reach it from "
                 "now). Tsunami buildings keep their own target in hours; open spaces have none. Runs are simulated "
                 "up to max(168, this). Default 72 h (FDMA target). / 日単位の目標を持つ役割（指定・福祉避難所、防災"
                 "拠点）の目標停電時間。津波避難ビルは時間単位の独自目標、緊急避難場所は目標なし。既定72時間。")
        self.add(QgsProcessingParameterDateTime("START_TIME", self.tr("Outage starts at / 停電開始日時"),
                                                optional=True),
                 "When the outage for hours_now starts (Japan Standard Time); empty = the current hour. / "
                 "hours_now の停電開始日時（日本時間）。空なら現在時刻。")
        self.add(QgsProcessingParameterFeatureSink("OUTPUT", self.tr("Shelters with autonomy / 自立時間付き避難所"),
                                                   Qgis.ProcessingSourceType.VectorAnyGeometry),
                 "The shelters with their energy fields and the autonomy results (demo table shelters_energy). / "
                 "設備と自立時間の結果を付けた避難所。")
        self.addOutput(QgsProcessingOutputNumber("BELOW_TARGET", self.tr("Shelters below target now (days roles) / 目標未満の避難所")))

    def compute(self, parameters, context, feedback, progress):
        d = energy_defaults()
        target = self.parameterAsInt(parameters, "OUTAGE_HOURS", context)
        horizon = max(168, target)
        frame, _id_field, _type_field, _ev_field, start_soc, inputs = read_energy_model(
            self, parameters, context, feedback, progress, 0.15, target)
        when = self.parameterAsDateTime(parameters, "START_TIME", context)
        start_dt = when.toPyDateTime() if when is not None and when.isValid() else dt.datetime.now()
        h0 = hour_of_year(start_dt.replace(minute=0, second=0, microsecond=0))
        settings = Settings.from_rules(d)
        soc_now = np.where(np.isfinite(inputs.monitored_soc), inputs.monitored_soc, start_soc)
        Y = inputs.pv.years
        now_hours = simulate_years(inputs.load_kw, inputs.pv, inputs.assets, soc_now, horizon, starts=[h0],
                                   settings=settings)
        _, now_unmet = simulate_years(inputs.load_kw, inputs.pv, inputs.assets, soc_now, target, starts=[h0],
                                      settings=settings, track_unmet=True)
        hours = simulate_years(inputs.load_kw, inputs.pv, inputs.assets, start_soc, horizon, settings=settings,
                               progress=progress.sub(0.2, 0.95))
        stats = summarise(hours, sorted(set(list(d["survival_thresholds_h"]) + [target])), horizon)
        out = frame.copy()
        a = inputs.assets
        out["pv_kw"], out["battery_kwh"], out["battery_kw"] = a.pv_kw, a.battery_kwh, a.battery_kw
        out["generator_kw"], out["fuel_l"] = a.generator_kw, a.fuel_l
        out["battery_soc"] = inputs.monitored_soc
        out["start_soc_used"] = soc_now
        out["role"] = inputs.roles
        out["role_label"] = role_labels(inputs.roles, "ja")
        out["autonomy_target_h"] = inputs.target_h
        out["counts_in_target"] = inputs.counts_in_target
        out["critical_load_kw"] = inputs.load_kw.mean(axis=1)
        out["critical_kwh_day"] = inputs.load_kw.sum(axis=1) / 365.0
        out["pv_kwh_per_kwp_year"] = inputs.annual_yield
        out["hours_now"] = lower_median(now_hours)
        out["hours_now_worst"] = now_hours.min(axis=1)
        for k, v in stats.items():
            out[k] = v
        has_target = inputs.target_h > 0
        out["share_target"] = np.where(has_target, (hours >= inputs.target_h[:, None]).mean(axis=1), np.nan)
        out["below_target"] = has_target & (out["hours_now"].to_numpy() < inputs.target_h)
        out[f"shortfall_kwh_{target}h"] = np.where(inputs.counts_in_target, np.sort(now_unmet, axis=1)[:, Y // 2], 0.0)
        out["horizon_h"] = float(horizon)
        out["weather_source"] = inputs.pv.source
        out["weather_years"] = float(Y)
        out["outage_start"] = pd.Timestamp(start_dt).strftime("%Y-%m-%d %H:00 JST")
        counted = inputs.counts_in_target
        below = int((counted & (out["hours_now"].to_numpy() < target)).sum())
        dest = write_frame(self, parameters, "OUTPUT", context, out, feedback, style="shelters_energy")
        feedback.pushInfo(self.tr(
            "{n} facilities, {m} with a {target} h target (stay/welfare shelters, disaster bases; "
            "rules/facility_roles.json); {below} of them below {target} h from now (start {start}, the middle of "
            "{years} weather years); {worst} below {target} h for some start hour and weather year. / "
            "{target}時間目標の施設{m}件のうち、現在から{target}時間未満は{below}件。").format(
                n=len(out), m=int(counted.sum()), below=below, target=target, start=out["outage_start"].iloc[0],
                years=Y, worst=int((counted & (stats["min_hours"] < target)).sum())))
        return {"OUTPUT": dest, "BELOW_TARGET": below}
