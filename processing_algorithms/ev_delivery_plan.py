"""sonae:evdeliveryplan — which EV carries how much electricity from which charger to which shelter.

Thin adapter: reads the layers, gets travel times (road network through QGIS network analysis, or straight line x
detour factor), calls the exact MILP of ``engine.ev_logistics`` (formulation in its docstring) and writes the
plan as lines charger -> shelter, a table and the shelters with the energy they receive.
"""
from __future__ import annotations

from ..plugin import dependencies
from .base import lazy, lazy_from
gpd = lazy("geopandas")
np = lazy("numpy")
pd = lazy("pandas")
shapely = lazy("shapely")
from qgis.core import Qgis
from qgis.core import (QgsFeatureRequest, QgsProcessing, QgsProcessingOutputNumber, QgsProcessingParameterFeatureSink,
                       QgsProcessingParameterFeatureSource, QgsProcessingParameterField,
                       QgsProcessingParameterNumber)

PlanSettings, prepare_chargers, prepare_fleet, shelter_needs, shelters_after, solve_plan = lazy_from(__name__, "..engine.ev_logistics", "PlanSettings", "prepare_chargers", "prepare_fleet", "shelter_needs", "shelters_after", "solve_plan")
from .base import SonaeAlgorithm
travel_matrix = lazy_from(__name__, ".network", "travel_matrix")
read_source, write_frame = lazy_from(__name__, ".qgis_io", "read_source", "write_frame")


def load_rules(path: str | None = None) -> dict:
    """engine.travel.load_rules (rules/ev_fleet_defaults.json, unwrapped) without importing engine.travel, which
    loads geopandas: parameter defaults are read when the provider loads."""
    from ..engine.rules import load_rules as _load_rules
    return _load_rules(path or "ev_fleet_defaults.json", unwrap=True)


def add_travel_parameters(alg, rules):
    """ROADS, speed, detour factor, snapping limit and tolerance: shared by the mobility algorithms."""
    alg.add(QgsProcessingParameterFeatureSource(
        "ROADS", alg.tr("Roads (optional) / 道路（任意）"), [Qgis.ProcessingSourceType.VectorLine], optional=True),
        "Road centre lines for network distances (QGIS network analysis, two-way). Without roads, distance = "
        "straight line x DETOUR_FACTOR. / 道路中心線。指定するとQGISのネットワーク解析で距離を求めます。"
        "未指定なら直線距離×迂回係数。")
    alg.add(QgsProcessingParameterNumber(
        "SPEED_KMH", alg.tr("Driving speed (km/h) / 走行速度 (km/h)"), Qgis.ProcessingNumberParameterType.Double,
        rules["speed_kmh"], minValue=0.1),
        "Average driving speed after the disaster, on roads or on the straight-line estimate (rules/"
        "ev_fleet_defaults.json: planning assumption). / 災害時の平均走行速度（規定値は計画上の仮定）。")
    alg.add(QgsProcessingParameterNumber(
        "DETOUR_FACTOR", alg.tr("Detour factor / 迂回係数"), Qgis.ProcessingNumberParameterType.Double,
        rules["detour_factor"], minValue=1.0),
        "Road distance / straight-line distance, used only without ROADS (circuity 1.2-1.4 in the literature; "
        "see rules/ev_fleet_defaults.json). / 道路距離÷直線距離（ROADSなしの場合のみ使用）。")
    alg.add(QgsProcessingParameterNumber(
        "MAX_SNAP_M", alg.tr("Max distance to a road (m) / 道路までの最大距離 (m)"),
        Qgis.ProcessingNumberParameterType.Double, rules["max_snap_m"], minValue=0.0),
        "With ROADS: a charger farther than this from every road is an error (outside the network's reach); a "
        "shelter farther is unreachable. / 道路からこれ以上離れた充電拠点はエラー、避難所は到達不可とします。",
        advanced=True)
    alg.add(QgsProcessingParameterNumber(
        "ROADS_TOLERANCE", alg.tr("Road topology tolerance (layer units) / 道路の接続許容値"),
        Qgis.ProcessingNumberParameterType.Double, 0.0, minValue=0.0),
        "Road ends closer than this (in the road layer's units) are joined when the graph is built. / "
        "この距離より近い道路の端点を接続します（道路レイヤの単位）。", advanced=True)


def travel_from_parameters(alg, parameters, context, chargers, shelters, charger_ids, shelter_ids, progress,
                           warn, want_routes=False):
    roads = None
    if parameters.get("ROADS"):
        roads = alg.parameterAsVectorLayer(parameters, "ROADS", context)
        if roads is None:
            source = alg.parameterAsSource(parameters, "ROADS", context)
            roads = source.materialize(QgsFeatureRequest()) if source is not None else None
    return travel_matrix(
        roads, chargers, shelters,
        speed_kmh=alg.parameterAsDouble(parameters, "SPEED_KMH", context),
        detour_factor=alg.parameterAsDouble(parameters, "DETOUR_FACTOR", context),
        max_snap_m=alg.parameterAsDouble(parameters, "MAX_SNAP_M", context),
        tolerance=alg.parameterAsDouble(parameters, "ROADS_TOLERANCE", context),
        origin_ids=charger_ids, dest_ids=shelter_ids, want_routes=want_routes, progress=progress, warn=warn)


def line_geometries(travel, pairs, chargers, shelters):
    """Route polylines where the network gave them, else straight lines charger -> shelter."""
    cx, cy = chargers.geometry.x.to_numpy(), chargers.geometry.y.to_numpy()
    sx, sy = shelters.geometry.x.to_numpy(), shelters.geometry.y.to_numpy()
    geoms = []
    for ci, si in zip(pairs["_charger_idx"].astype(int), pairs["_shelter_idx"].astype(int)):
        route = travel.routes.get((ci, si))
        geoms.append(shapely.LineString(route if route else [(cx[ci], cy[ci]), (sx[si], sy[si])]))
    return geoms


def point_frame(gdf, crs, what):
    """Points in ``crs`` (representative points of other geometries)."""
    gdf = gdf.to_crs(crs) if gdf.crs is not None and crs is not None and gdf.crs != crs else gdf
    if not (gdf.geometry.geom_type == "Point").all():
        gdf = gdf.set_geometry(gdf.geometry.representative_point())
    return gdf


class EvDeliveryPlan(SonaeAlgorithm):
    ALG_ID = "evdeliveryplan"
    REQUIRES = dependencies.SCIPY
    GROUP = "mobility"
    DISPLAY_NAME = "EV power delivery plan / EV電力輸送計画"
    SHORT_HELP = (
        "Plans which EV carries electricity from which charger to which shelter, with trips, kWh and travel time, "
        "to cover as much of the shelters' unmet energy (e.g. shortfall_kwh_72h from the outage autonomy) as the "
        "time budget allows. Exact mixed-integer programme (HiGHS via scipy.optimize.milp): integer round trips "
        "per vehicle and shelter, kWh per trip limited by the usable battery, each shelter's need, per-vehicle "
        "time (driving, 15 min handling, hand-over at the feeder's kW, recharging at the charger's kW) and the "
        "station's energy (carport PV + station battery x SoC, the grid being down). Objective: most kWh, then "
        "least driving. Distances on the ROADS network when given, else straight line x detour factor. "
        "Vehicles start full at their home_site (a charger id).\n"
        "どのEVがどの充電拠点からどの避難所へ何往復・何kWh運ぶかを、時間枠内で不足電力量を最大限まかなうよう厳密な混合整数計画"
        "（HiGHS）で求めます。出力は充電拠点→避難所の線、計画表、EV給電後の避難所です。")

    def initParameters(self, config=None):
        rules = load_rules()
        self.add(QgsProcessingParameterFeatureSource("CHARGERS", self.tr("Chargers / 充電拠点"),
                                                     [Qgis.ProcessingSourceType.VectorPoint]),
                 "Charger sites (points): charger_kw, pv_carport_kw, station_battery_kwh, soc (0-1), optional "
                 "ports. / 充電拠点（点）: charger_kw, pv_carport_kw, station_battery_kwh, soc（0〜1）。")
        self.add(QgsProcessingParameterField("CHARGER_ID_FIELD", self.tr("Charger id field / 充電拠点ID項目"),
                                             "id", "CHARGERS"),
                 "Field with the charger id that ev_fleet.home_site refers to. / EVのhome_siteが参照するID項目。")
        self.add(QgsProcessingParameterFeatureSource("EV_FLEET", self.tr("EV fleet / EV車両表"),
                                                     [Qgis.ProcessingSourceType.Vector]),
                 "Table of vehicles: vehicle_id, home_site (charger id), battery_kwh, usable_fraction (0-1, "
                 "empty = rules default), v2l_kw (external feeder kW, empty = 4.5), owner (city / dealer). / "
                 "車両表: vehicle_id, home_site, battery_kwh, usable_fraction, v2l_kw, owner。")
        self.add(QgsProcessingParameterFeatureSource("SHELTERS", self.tr("Shelters / 避難所"),
                                                     [Qgis.ProcessingSourceType.VectorPoint]),
                 "Shelters with their unmet energy, e.g. the shelters_energy output of Outage autonomy. / "
                 "不足電力量を持つ避難所（停電時自立時間の出力など）。")
        self.add(QgsProcessingParameterField("SHELTER_ID_FIELD", self.tr("Shelter id field / 避難所ID項目"), "id",
                                             "SHELTERS"),
                 "Unique shelter id. / 避難所の一意なID。")
        self.add(QgsProcessingParameterField("SHORTFALL_FIELD", self.tr("Shortfall field (kWh) / 不足電力量項目 (kWh)"),
                                             "shortfall_kwh_72h", "SHELTERS",
                                             Qgis.ProcessingFieldParameterDataType.Numeric),
                 "kWh each shelter lacks to reach the target duration (NULL = 0). / 目標時間に足りない電力量 kWh。")
        self.add(QgsProcessingParameterField("HOURS_FIELD", self.tr("Autonomy hours field / 自立時間項目"),
                                             "hours_now", "SHELTERS", Qgis.ProcessingFieldParameterDataType.Numeric,
                                             optional=True),
                 "Hours of autonomy now; with LOAD_FIELD gives hours_after_ev = hours + kWh delivered / load. If "
                 "absent the before/after counts use the shortfall. / 現在の自立時間（時間）。")
        self.add(QgsProcessingParameterField("LOAD_FIELD", self.tr("Critical load field (kW) / 重要負荷項目 (kW)"),
                                             "critical_load_kw", "SHELTERS", Qgis.ProcessingFieldParameterDataType.Numeric,
                                             optional=True),
                 "Critical load in kW that the delivered energy runs. / 給電した電力で賄う重要負荷 (kW)。")
        self.add(QgsProcessingParameterNumber("TARGET_H", self.tr("Target duration (h) / 目標時間 (h)"),
                                              Qgis.ProcessingNumberParameterType.Double, 72.0, minValue=0.0),
                 "Duration used to count shelters below target before and after the plan (FDMA target 72 h). / "
                 "計画前後の目標未達避難所数を数える時間（消防庁の目安72時間）。")
        self.add(QgsProcessingParameterNumber("TIME_BUDGET_H", self.tr("Time budget (h) / 時間枠 (h)"),
                                              Qgis.ProcessingNumberParameterType.Double, 24.0, minValue=0.1),
                 "Hours each vehicle may work (drive, hand over, recharge). / 各車両が稼働できる時間。")
        add_travel_parameters(self, rules)
        self.add(QgsProcessingParameterNumber("MIP_TIME_LIMIT_S", self.tr("Optimiser time limit (s) / 計算時間上限 (秒)"),
                                              Qgis.ProcessingNumberParameterType.Double, rules["mip_time_limit_s"],
                                              minValue=1.0),
                 "HiGHS stops after this and reports the best plan with its MIP gap. / 上限到達時は最良の計画とギャップを報告。",
                 advanced=True)
        self.add(QgsProcessingParameterFeatureSink("OUTPUT_LINES", self.tr("EV plan lines / EV計画（線）"),
                                                   Qgis.ProcessingSourceType.VectorLine),
                 "One line per vehicle and shelter (charger -> shelter) with trips and kWh. / 車両×避難所ごとの線。")
        self.add(QgsProcessingParameterFeatureSink("OUTPUT_TABLE", self.tr("EV plan table / EV計画表"),
                                                   Qgis.ProcessingSourceType.Vector),
                 "The plan as a table: vehicle, shelter, trips, kWh delivered, travel time. / 計画表。")
        self.add(QgsProcessingParameterFeatureSink("OUTPUT_SHELTERS", self.tr("Shelters after EV / EV給電後の避難所"),
                                                   Qgis.ProcessingSourceType.VectorPoint),
                 "Shelters + ev_kwh_delivered, shortfall_after_kwh, hours_after_ev (hours + kWh / mean critical load, an "
                 "estimate), reaches_target (no kWh shortfall left). / 避難所＋受電量・残る不足量・給電後の自立時間（推計）・目標達成。")
        for name, label in (("DELIVERED_KWH", "kWh delivered / 輸送電力量"), ("NEED_KWH", "kWh needed / 不足電力量"),
                            ("SHELTERS_BELOW_BEFORE", "Shelters below target before / 計画前の目標未達"),
                            ("SHELTERS_BELOW_AFTER", "Shelters below target after / 計画後の目標未達"),
                            ("MIP_GAP", "MIP gap / 最適性ギャップ"), ("OPTIMAL", "Optimal (1/0) / 最適")):
            self.addOutput(QgsProcessingOutputNumber(name, self.tr(label)))

    def compute(self, parameters, context, feedback, progress):
        rules = load_rules()
        budget = self.parameterAsDouble(parameters, "TIME_BUDGET_H", context)
        settings = PlanSettings.from_rules(budget, rules, time_limit_s=self.parameterAsDouble(
            parameters, "MIP_TIME_LIMIT_S", context))
        warn = feedback.pushWarning if hasattr(feedback, "pushWarning") else feedback.pushInfo
        cid = self.parameterAsString(parameters, "CHARGER_ID_FIELD", context) or "id"
        sid = self.parameterAsString(parameters, "SHELTER_ID_FIELD", context) or "id"
        short = self.parameterAsString(parameters, "SHORTFALL_FIELD", context) or "shortfall_kwh_72h"
        hours_f = self.parameterAsString(parameters, "HOURS_FIELD", context) or None
        load_f = self.parameterAsString(parameters, "LOAD_FIELD", context) or None

        shelters = read_source(self, parameters, "SHELTERS", context)
        chargers_raw = read_source(self, parameters, "CHARGERS", context)
        fleet_raw = read_source(self, parameters, "EV_FLEET", context, geometry=False)
        chargers_raw = point_frame(chargers_raw, shelters.crs, "CHARGERS")
        shelters = point_frame(shelters, shelters.crs, "SHELTERS")
        chargers = prepare_chargers(chargers_raw, cid, settings, "CHARGERS", warn)
        fleet = prepare_fleet(fleet_raw, chargers["charger_id"], settings, "EV_FLEET", warn)
        needs = shelter_needs(shelters, sid, short, "SHELTERS", warn)
        for f, what in ((hours_f, "HOURS_FIELD"), (load_f, "LOAD_FIELD")):
            if f and f not in shelters.columns:
                feedback.pushInfo(f"{what} '{f}' is not a field of SHELTERS: hours_after_ev stays empty. / "
                                  f"{what}「{f}」が避難所にないため hours_after_ev は空です。")
        progress.update(0.05)

        travel = travel_from_parameters(self, parameters, context, chargers_raw, shelters,
                                        chargers["charger_id"].tolist(), needs["shelter_id"].tolist(),
                                        progress.sub(0.05, 0.4), warn, want_routes=True)
        feedback.pushInfo(f"Travel: {travel.method}. / 移動: {travel.method}")
        plan = solve_plan(fleet, chargers, needs["need_kwh"].to_numpy(), travel.hours, settings, km=travel.km,
                          shelter_ids=needs["shelter_id"].to_numpy(), progress=progress.sub(0.4, 0.9))
        after, counts = shelters_after(shelters, plan.delivered, short, hours_f, load_f,
                                       self.parameterAsDouble(parameters, "TARGET_H", context))
        # name, in an output field too, the shelters no charger reaches (off the roads or a disconnected network)
        after["reachable"] = ~travel.unreachable

        pairs = plan.pairs.copy()
        vt = plan.vehicles.set_index("vehicle_id")["time_used_h"]
        pairs["vehicle_time_used_h"] = pairs["vehicle_id"].map(vt).astype(float)
        pairs["travel_method"] = travel.method
        names = shelters["name"].astype(str).to_numpy() if "name" in shelters.columns else None
        if names is not None:
            pairs.insert(4, "shelter_name", names[pairs["_shelter_idx"].astype(int)] if len(pairs) else [])
        table = pd.DataFrame(pairs.drop(columns=["_charger_idx", "_shelter_idx"]))
        kinds = {"trips": "int", "kwh_delivered": "float", "one_way_km": "float", "one_way_min": "float",
                 "travel_h": "float", "handling_h": "float", "handover_h": "float",
                 "vehicle_time_used_h": "float", "vehicle_id": "str", "owner": "str", "charger_id": "str",
                 "shelter_id": "str", "shelter_name": "str", "travel_method": "str"}
        lines = gpd.GeoDataFrame(table.copy(), geometry=line_geometries(travel, pairs, chargers_raw, shelters)
                                 if len(pairs) else [], crs=shelters.crs)
        progress.update(0.92)

        dest_lines = write_frame(self, parameters, "OUTPUT_LINES", context, lines, feedback, kinds=kinds,
                                 style="ev_plan")
        dest_table = write_frame(self, parameters, "OUTPUT_TABLE", context, table, feedback, kinds=kinds)
        dest_sh = write_frame(self, parameters, "OUTPUT_SHELTERS", context, after, feedback,
                              kinds={"ev_kwh_delivered": "float", "shortfall_after_kwh": "float",
                                     "hours_after_ev": "float", "reaches_target": "bool",
                                     "counts_in_target": "bool", "reachable": "bool"})
        feedback.pushInfo(
            f"Plan {plan.status}: {counts['delivered_kwh']:,.1f} of {counts['need_kwh']:,.1f} kWh delivered by "
            f"{plan.pairs['vehicle_id'].nunique()} vehicles to {plan.pairs['shelter_id'].nunique()} shelters; "
            f"shelters below target ({counts['basis']}): {counts['below_before']} before, {counts['below_after']} "
            f"after. / 計画: 不足 {counts['need_kwh']:,.1f} kWh のうち {counts['delivered_kwh']:,.1f} kWh を輸送。"
            f"目標未達の避難所 {counts['below_before']} → {counts['below_after']} か所。")
        return {"OUTPUT_LINES": dest_lines, "OUTPUT_TABLE": dest_table, "OUTPUT_SHELTERS": dest_sh,
                "DELIVERED_KWH": counts["delivered_kwh"], "NEED_KWH": counts["need_kwh"],
                "SHELTERS_BELOW_BEFORE": counts["below_before"], "SHELTERS_BELOW_AFTER": counts["below_after"],
                "MIP_GAP": plan.mip_gap if np.isfinite(plan.mip_gap) else -1.0, "OPTIMAL": int(plan.optimal)}
