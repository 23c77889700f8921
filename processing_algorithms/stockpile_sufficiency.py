"""sonae:stockpilesufficiency — days of supply per shelter and district from city and partner stock."""
from __future__ import annotations

from ..plugin import dependencies
from .base import lazy, lazy_from
gpd = lazy("geopandas")
np = lazy("numpy")
pd = lazy("pandas")
from qgis.core import Qgis
from qgis.core import (QgsProcessing, QgsProcessingOutputNumber, QgsProcessingOutputString,
                       QgsProcessingParameterEnum, QgsProcessingParameterFeatureSink,
                       QgsProcessingParameterFeatureSource, QgsProcessingParameterField,
                       QgsProcessingParameterNumber, QgsProcessingParameterString)

sp = lazy("..engine.stockpile", __package__)
from ..engine.errors import SonaeInputError
from .base import lazy_from
date_param, layer_label, metric_crs, read_items, read_sites, xy = lazy_from(__name__, "._stockpile_inputs", "date_param", "layer_label", "metric_crs", "read_items", "read_sites", "xy")
from .base import SonaeAlgorithm, labelled_enum
from .platform_common import observed_evacuees
read_source, write_frame = lazy_from(__name__, ".qgis_io", "read_source", "write_frame")

MODES = ["nearest", "district"]
MODE_LABELS = {"nearest": "Nearest sites first / 近い拠点から", "district": "Pooled per district / 地区単位で按分"}
# Needs profiles of rules/needs_profiles.json, in a fixed order (tests/test_enums.py checks they match).
PROFILES = ("japan", "sphere")
PROFILE_LABELS = {"japan": "Japan (water 3 L/day, 3 meals) / 日本（水3L/日・3食）",
                  "sphere": "Sphere standard (water 15 L/day) / スフィア基準（水15L/日）"}


def needs_defaults() -> tuple[str, float]:
    """(default profile, default planning horizon in days) from rules/needs_profiles.json (no heavy import)."""
    from ..engine.rules import load_rules
    rules = load_rules("needs_profiles.json")
    return rules["default_profile"], float(rules["planning_horizon_days"]["default"])


class StockpileSufficiency(SonaeAlgorithm):
    ALG_ID = "stockpilesufficiency"
    REQUIRES = dependencies.SCIPY
    GROUP = "stockpile"
    DISPLAY_NAME = "Stockpile sufficiency / 備蓄の充足度"
    SHORT_HELP = (
        "How many days the city's and partners' stock feeds each shelter's evacuees. Stock expired on the scenario "
        "date is excluded (stock ON its expiry date still counts: the printed date is within the period; "
        "rules/needs_profiles.json expiry_rule); a partner's stock counts only up to its committed quantity. "
        "Allocation 'nearest': shelter-site pairs within the maximum distance (straight line, metres) are served "
        "nearest first up to each shelter's need for the planning horizon; the surplus is shared among the shelters "
        "in range in proportion to evacuees. Allocation 'district': a site belongs to the district of its nearest "
        "shelter and the district's stock is shared in proportion to evacuees. Per shelter and district: units, "
        "person-days covered within the horizon, days of supply, shortfall units, partner share per item; the "
        "smallest days of supply (days_min) and the limiting item. With an energy layer, battery kWh now and hours of "
        "critical load are shown beside the goods (electricity as a stockpile).\n"
        "避難所ごと・地区ごとに、市と協定事業者の備蓄で避難者を何日支えられるかを計算します。想定日に期限切れの在庫は除外"
        "（期限当日は有効）、協定事業者の在庫は協定数量まで。近い拠点から計画期間の必要量を配分し、余剰は範囲内の避難所に"
        "避難者数で按分します。蓄電池の残量（kWh）と重要負荷の継続時間も同じ表に示します。")

    SHELTERS, SHELTER_ID_FIELD, EVACUEES_FIELD, NAME_FIELD = "SHELTERS", "SHELTER_ID_FIELD", "EVACUEES_FIELD", \
        "NAME_FIELD"
    SITES, ITEMS, PROFILE, HORIZON_DAYS, SCENARIO_DATE = "SITES", "ITEMS", "PROFILE", "HORIZON_DAYS", \
        "SCENARIO_DATE"
    ALLOCATION, MAX_DISTANCE_M, DISTRICT_FIELD = "ALLOCATION", "MAX_DISTANCE_M", "DISTRICT_FIELD"
    ENERGY, ENERGY_ID_FIELD = "ENERGY", "ENERGY_ID_FIELD"
    OBSERVED = "OBSERVED"
    OUTPUT, OUTPUT_DISTRICT = "OUTPUT", "OUTPUT_DISTRICT"

    def initParameters(self, config=None):
        self.add(QgsProcessingParameterFeatureSource(self.SHELTERS, self.tr("Shelters / 避難所"),
                                                     [Qgis.ProcessingSourceType.VectorAnyGeometry]),
                 "Shelters with an evacuee count, e.g. the output of the catchment algorithm (demo table "
                 "'shelters'). / 避難者数を持つ避難所（圏域計算の出力など）。")
        self.add(QgsProcessingParameterField(self.SHELTER_ID_FIELD, self.tr("Shelter id field / 避難所ID項目"),
                                             "id", self.SHELTERS),
                 "Unique shelter id; also the key for the energy layer. / 避難所の一意なID（エネルギー表との結合キー）。")
        self.add(QgsProcessingParameterField(self.EVACUEES_FIELD, self.tr("Evacuees field / 避難者数項目"),
                                             "evacuees", self.SHELTERS, Qgis.ProcessingFieldParameterDataType.Numeric),
                 "Number of evacuees staying at the shelter. / 避難所に滞在する避難者数。")
        self.add(QgsProcessingParameterField(self.NAME_FIELD, self.tr("Name field / 名称項目"), "name",
                                             self.SHELTERS, optional=True),
                 "Shelter name copied to the output (optional). / 出力に写す避難所名（任意）。")
        self.add(QgsProcessingParameterFeatureSource(self.SITES, self.tr("Stock sites / 備蓄拠点"),
                                                     [Qgis.ProcessingSourceType.VectorPoint]),
                 "Canonical stock_sites points (site_id), from sonae:importstockpile. / 備蓄拠点（点）。")
        self.add(QgsProcessingParameterFeatureSource(self.ITEMS, self.tr("Stock items / 備蓄品"),
                                                     [Qgis.ProcessingSourceType.Vector]),
                 "Canonical stock_items table (site_id, owner_type, item, unit, quantity, expiry_date, "
                 "committed_quantity). / 備蓄品テーブル。")
        self.add(labelled_enum(QgsProcessingParameterEnum(self.PROFILE, self.tr("Needs profile / 需要プロファイル"),
                                                          options=list(PROFILES), defaultValue=needs_defaults()[0],
                                                          usesStaticStrings=True), PROFILE_LABELS),
                 "Per-person needs from rules/needs_profiles.json: japan (water 3 L/day, 3 meals, 5 toilet uses ...) "
                 "or sphere (water 15 L/day). / 1人あたりの必要量（japan: 水3L/日など、sphere: 水15L/日）。")
        self.add(QgsProcessingParameterNumber(self.HORIZON_DAYS, self.tr("Planning horizon (days) / 計画期間（日）"),
                                              Qgis.ProcessingNumberParameterType.Double, needs_defaults()[1],
                                              minValue=0.1),
                 "Days the local stock must cover; default 3 (national push support from day 4). / 地域の備蓄で"
                 "賄う日数。既定3日（国のプッシュ型支援は4日目から）。")
        self.add(QgsProcessingParameterString(self.SCENARIO_DATE, self.tr("Scenario date / 想定日"), "",
                                              optional=True),
                 "Date of the disaster scenario: 2026-03-31, 2026/3/31, 令和8年3月31日 or R8.3.31. Empty: today. "
                 "/ 災害の想定日（和暦可）。空欄は今日。")
        self.add(labelled_enum(QgsProcessingParameterEnum(self.ALLOCATION, self.tr("Allocation / 配分方法"),
                                                          options=MODES, defaultValue="nearest",
                                                          usesStaticStrings=True), MODE_LABELS),
                 "nearest: nearest sites first within the maximum distance; district: pooled per district (needs the "
                 "district field). / nearest: 近い拠点から（最大距離内）、district: 地区単位でまとめて按分。")
        self.add(QgsProcessingParameterNumber(self.MAX_DISTANCE_M, self.tr("Maximum distance (m) / 最大距離（m）"),
                                              Qgis.ProcessingNumberParameterType.Double, 5000.0, minValue=0.0),
                 "Straight-line distance in metres within which a site can serve a shelter (0 = no limit); "
                 "measured in a projected CRS. / 拠点が避難所へ供給できる直線距離（m、0は無制限）。")
        self.add(QgsProcessingParameterField(self.DISTRICT_FIELD, self.tr("District field / 地区項目"), None,
                                             self.SHELTERS, optional=True),
                 "Field of the shelters giving the district; used for the district table and district allocation. "
                 "Empty: one city-wide row. / 地区を表す避難所の項目（空欄なら市全体1行）。")
        self.add(QgsProcessingParameterFeatureSource(self.ENERGY, self.tr("Energy per shelter / 避難所のエネルギー"),
                                                     [Qgis.ProcessingSourceType.Vector], optional=True),
                 "Optional: shelters' energy (battery_kwh, battery_soc 0-1, critical_load_kw, hours_now), e.g. the "
                 "demo table shelters_energy. / 任意: 蓄電池容量・残量・重要負荷・継続時間の表。")
        self.add(QgsProcessingParameterString(self.ENERGY_ID_FIELD, self.tr("Energy id field / エネルギー表のID項目"),
                                              "id", optional=True),
                 "Field of the energy layer holding the shelter id. / エネルギー表の避難所ID項目。")
        self.add(QgsProcessingParameterFeatureSource(self.OBSERVED, self.tr("Observed occupancy / 観測した避難者数"),
                                                     [Qgis.ProcessingSourceType.Vector], optional=True),
                 "Optional: observed head counts (shelter_id, evacuees; the latest-per-shelter output of "
                 "sonae:importshelterops) replace the modelled evacuees where a shelter has one. / 任意: 観測した"
                 "避難者数で推計値を置き換えます。")
        self.add(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Sufficiency per shelter / 避難所別充足度"),
                                                   Qgis.ProcessingSourceType.VectorAnyGeometry),
                 "Per shelter: <item>_units, _pd (person-days within the horizon), _days, _short, _partner; days_min, "
                 "limiting_item, energy. / 避難所ごとの充足度。")
        self.add(QgsProcessingParameterFeatureSink(self.OUTPUT_DISTRICT,
                                                   self.tr("Sufficiency per district / 地区別充足度"),
                                                   Qgis.ProcessingSourceType.Vector),
                 "Per district table (no geometry). / 地区ごとの表。")
        for name, label in (("SHELTERS_SHORT", "Shelters below the horizon / 計画期間に満たない避難所数"),
                            ("DAYS_MIN_WORST", "Worst days of supply / 最小の充足日数"),
                            ("DAYS_MIN_MEDIAN", "Median days of supply / 充足日数の中央値"),
                            ("UNALLOCATED_SHARE", "Share of usable stock out of range / 範囲外の在庫の割合")):
            self.addOutput(QgsProcessingOutputNumber(name, self.tr(label)))
        self.addOutput(QgsProcessingOutputString("WORST_SHELTER", self.tr("Worst shelter / 最も不足する避難所")))

    def compute(self, parameters, context, feedback, progress):
        id_f = self.parameterAsString(parameters, self.SHELTER_ID_FIELD, context) or "id"
        ev_f = self.parameterAsString(parameters, self.EVACUEES_FIELD, context) or "evacuees"
        name_f = self.parameterAsString(parameters, self.NAME_FIELD, context)
        dist_f = self.parameterAsString(parameters, self.DISTRICT_FIELD, context)
        attrs = [a for a in dict.fromkeys([id_f, ev_f, name_f, dist_f]) if a]
        shelters = read_source(self, parameters, self.SHELTERS, context, attributes=attrs)
        sites = read_sites(self, parameters, self.SITES, context)
        items = read_items(self, parameters, self.ITEMS, context)
        profile = self.enum_value(parameters, self.PROFILE, context)
        horizon = self.parameterAsDouble(parameters, self.HORIZON_DAYS, context)
        scenario = date_param(self, parameters, self.SCENARIO_DATE, context)
        mode = self.enum_value(parameters, self.ALLOCATION, context)
        max_d = self.parameterAsDouble(parameters, self.MAX_DISTANCE_M, context)
        if mode == "district" and not dist_f:
            raise SonaeInputError("Allocation 'district' needs the district field (DISTRICT_FIELD).",
                                  "配分方法 district には地区項目（DISTRICT_FIELD）が必要です。")
        ids = shelters[id_f].astype(str)
        if ids.duplicated().any():
            raise SonaeInputError(
                f"{layer_label(self, parameters, self.SHELTERS, context)}: shelter id {ids[ids.duplicated()].iloc[0]} "
                f"appears twice in field {id_f}. Choose a unique id field.",
                f"{layer_label(self, parameters, self.SHELTERS, context)}: 項目 {id_f} の避難所ID "
                f"{ids[ids.duplicated()].iloc[0]} が重複しています。一意なID項目を選んでください。")
        crs = metric_crs(shelters, sites)
        sx, sy = xy(shelters, crs)
        kx, ky = xy(sites, crs)
        from ..engine.columns import numeric
        sh = pd.DataFrame({"shelter_id": ids.to_numpy(), "evacuees": numeric(shelters, ev_f, "SHELTERS", missing_ok=False),
                           "x": sx, "y": sy})
        if parameters.get(self.OBSERVED):
            sh["evacuees"], _observed = observed_evacuees(self, parameters, self.OBSERVED, context, ids,
                                                          sh["evacuees"].to_numpy(float), feedback)
        if dist_f:
            sh["district"] = shelters[dist_f].astype(str).where(shelters[dist_f].notna(), "").to_numpy()
        st = pd.DataFrame({"site_id": sites["site_id"].to_numpy(), "x": kx, "y": ky})
        res = sp.allocate(sh, st, items, scenario, profile, horizon, max_d, mode, progress.sub(0.05, 0.85))
        per = res.shelters
        energy_note = ""
        if parameters.get(self.ENERGY):
            e_id = self.parameterAsString(parameters, self.ENERGY_ID_FIELD, context) or "id"
            energy = read_source(self, parameters, self.ENERGY, context, geometry=False)
            elabel = layer_label(self, parameters, self.ENERGY, context)
            need = [c for c in (e_id, "battery_kwh", "battery_soc") if c not in energy.columns]
            if need:
                raise SonaeInputError(f"{elabel}: field(s) {', '.join(need)} missing. Use the energy autonomy output "
                                      "(shelters_energy) or set the energy id field.",
                                      f"{elabel}: 項目 {', '.join(need)} がありません。エネルギー自立計算の出力を使うか、"
                                      "ID項目を指定してください。")
            energy = energy.rename(columns={e_id: "shelter_id"})
            per = sp.join_energy(per, energy, elabel)
            matched = int(per["battery_kwh"].notna().sum())
            energy_note = f"energy joined for {matched}/{len(per)} shelters / {matched}件の避難所に電力を結合"
            feedback.pushInfo(energy_note)
        progress.update(0.9)
        # assemble outputs (everything computed before writing)
        out = per.drop(columns=[c for c in ("x", "y") if c in per.columns])
        if name_f:
            out.insert(1, "name", shelters[name_f].astype(str).where(shelters[name_f].notna(), "").to_numpy())
        out["scenario_date"] = scenario
        out["profile"] = profile
        out["horizon_days"] = horizon
        out = gpd.GeoDataFrame(out, geometry=shelters.geometry.to_numpy(), crs=shelters.crs)
        district = res.districts.copy()
        district["scenario_date"] = scenario
        district["profile"] = profile
        usable_total = res.usable.groupby("item")["usable"].sum()
        un_total = res.unallocated.groupby("item")["units"].sum() if len(res.unallocated) else pd.Series(dtype=float)
        share = float(un_total.sum() / usable_total[usable_total.index.isin(res.items)].sum()) \
            if usable_total[usable_total.index.isin(res.items)].sum() > 0 else 0.0
        dmin = out["days_min"].to_numpy(float)
        valid = ~np.isnan(dmin)
        worst_i = int(np.nanargmin(np.where(valid, dmin, np.inf))) if valid.any() else None
        dest = write_frame(self, parameters, self.OUTPUT, context, out, feedback, style="stockpile_sufficiency",
                           kinds={"scenario_date": "date", "meets_horizon": "bool"})
        dest_d = write_frame(self, parameters, self.OUTPUT_DISTRICT, context, district, feedback,
                             kinds={"scenario_date": "date"})
        short = int((out["meets_horizon"] == False).sum())  # noqa: E712
        feedback.pushInfo(f"scenario {scenario.isoformat()}, profile {profile}, horizon {horizon:g} d, {mode}: "
                          f"{short}/{int(valid.sum())} shelters below the horizon; {share:.1%} of usable stock out of "
                          f"range. / 計画期間に満たない避難所 {short}件。")
        return {self.OUTPUT: dest, self.OUTPUT_DISTRICT: dest_d, "SHELTERS_SHORT": short,
                "DAYS_MIN_WORST": float(dmin[worst_i]) if worst_i is not None else None,
                "DAYS_MIN_MEDIAN": float(np.nanmedian(dmin)) if valid.any() else None,
                "UNALLOCATED_SHARE": share,
                "WORST_SHELTER": str(out["shelter_id"].iloc[worst_i]) if worst_i is not None else ""}
