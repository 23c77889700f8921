"""sonae:districtlayout — candidate smart-community districts: clusters, seed 004 type, five feasibility axes."""
from __future__ import annotations

from ..plugin import dependencies
from .base import lazy, lazy_from
np = lazy("numpy")
pd = lazy("pandas")
from qgis.core import Qgis
from qgis.core import (QgsProcessing, QgsProcessingOutputNumber, QgsProcessingParameterFeatureSink,
                       QgsProcessingParameterFeatureSource, QgsProcessingParameterField,
                       QgsProcessingParameterNumber, QgsProcessingParameterVectorLayer)

districts = lazy("..engine.districts", __package__)
subsidy = lazy("..engine.subsidy", __package__)
from ..engine.errors import SonaeInputError
from ..engine.rules import load_rules
from .base import SonaeAlgorithm
read_source, write_frame = lazy_from(__name__, ".qgis_io", "read_source", "write_frame")
from .subsidy_scope import add_energy_parameters, add_programme_parameters, read_inputs

# Defaults and help from the rule file read directly (light at plugin load); engine.districts validates it
# (load_district_rules) when the algorithm runs.
_RULES = load_rules("district_types.json", unwrap=True)
_RAW_SPAN = load_rules("district_types.json")["span_m"]["_source"]


class DistrictLayout(SonaeAlgorithm):
    ALG_ID = "districtlayout"
    REQUIRES = dependencies.SCIPY + ("jsonschema",)
    GROUP = "districts"
    DISPLAY_NAME = "Smart-community district layout / スマートコミュニティ地区の候補"
    SHORT_HELP = (
        "Clusters facilities (and optional building or land-use polygons) into candidate districts in which every "
        "member lies within SPAN_M of every other member (the reach of a self-owned line 自営線 or shared system; "
        "complete linkage), classifies each district into the smart-community types 1-10 of the Tokyo study group "
        "(seed 004 表5.1-5.11, rules/district_types.json; tried in the seed's order) from the facility types it "
        "holds, attaches the seed's measures without a district (表5.12 energy-saving behaviour, 表5.13 study "
        "committee) to districts and to the city, and scores the five feasibility "
        "axes (technical, market, economic, operational, system) with the inputs of each score written beside it. "
        "District polygons (convex hull of the members, buffered) carry members, combined PV/battery/critical "
        "load, autonomy (from shelters_energy when given), self-owned line length and cost (only for types whose "
        "scheme interchanges energy; 表5.7 public facilities have none), investment, subsidy "
        "(the programme rule file, as in sonae:subsidyscope) and the type's investment scale.\n"
        "施設（任意で建物・土地利用ポリゴン）を自営線・共有システムが届く距離内の地区候補にまとめ、資料004の"
        "類型1〜10に分類し（省エネ行動促進・検討委員会設置は地区と市全体の推奨施策）、技術・市場・経済・業務・システムの5観点を"
        "根拠の数値付きで採点します。")

    def initParameters(self, config=None):
        self.add(QgsProcessingParameterFeatureSource("FACILITIES", self.tr("Facilities / 施設"),
                                                     [Qgis.ProcessingSourceType.VectorAnyGeometry]),
                 "Canonical facilities or shelters with id and facility_type (rules/facility_types.json). / "
                 "施設レイヤ（id・facility_type が必要）。")
        add_energy_parameters(self)
        self.add(QgsProcessingParameterVectorLayer("AUTONOMY", self.tr("Autonomy / 停電時の自立時間"),
                                                   [Qgis.ProcessingSourceType.Vector], optional=True),
                 "Optional shelters_energy from sonae:outageautonomy (min_hours, critical_load_kw), joined on "
                 "AUTONOMY_ID_FIELD. / 停電自立時間の表（任意、shelters_energy）。")
        self.add(QgsProcessingParameterField("AUTONOMY_ID_FIELD", self.tr("Facility id field of autonomy / 自立時間表の施設ID"),
                                             defaultValue="id", parentLayerParameterName="AUTONOMY", optional=True),
                 "Field of the autonomy table holding the facility id. / 自立時間表の施設ID項目。")
        self.add(QgsProcessingParameterFeatureSource("BUILDINGS", self.tr("Buildings or land use / 建物・土地利用"),
                                                     [Qgis.ProcessingSourceType.VectorPolygon], optional=True),
                 "Optional building or land-use polygons; those touching a district add their class to its type "
                 "counts (a known facility type, or typed by the keywords of rules/facility_types.json). / "
                 "建物・土地利用ポリゴン（任意）。地区に接するものは類型判定に加えます。")
        self.add(QgsProcessingParameterField("BUILDING_TYPE_FIELD", self.tr("Building class field / 建物種別の項目"),
                                             parentLayerParameterName="BUILDINGS", optional=True),
                 "Field with the building use or land-use class (e.g. 商業, 住宅, station). / 建物用途・土地利用区分の項目。")
        self.add(QgsProcessingParameterFeatureSource("CHARGERS", self.tr("EV chargers / EV充電器"),
                                                     [Qgis.ProcessingSourceType.VectorPoint], optional=True),
                 "Optional EV charger points (e.g. chargers from the EV plan); districts containing one may be EV "
                 "introduction types (seed 004 表5.10, 5.11). / EV充電器（任意）。")
        self.add(QgsProcessingParameterNumber("SPAN_M", self.tr("Self-owned line span (m) / 自営線の到達距離（m）"),
                                              Qgis.ProcessingNumberParameterType.Double,
                                              defaultValue=float(_RULES["span_m"]), minValue=1.0),
                 "Largest distance between two members of a district. Default {span:g} m: {why} / "
                 "地区内の2施設間の最大距離。", span=_RULES["span_m"], why=_RAW_SPAN)
        self.add(QgsProcessingParameterNumber("MIN_MEMBERS", self.tr("Minimum facilities per district / 地区の最少施設数"),
                                              Qgis.ProcessingNumberParameterType.Integer,
                                              defaultValue=int(_RULES["min_members"]), minValue=1),
                 "Clusters with fewer facilities are not output as districts. / これより少ない施設のまとまりは地区にしません。")
        add_programme_parameters(self)
        self.add(QgsProcessingParameterFeatureSink("OUTPUT", self.tr("Districts / 地区"),
                                                   Qgis.ProcessingSourceType.VectorPolygon),
                 "District polygons with type, members, energy, investment, subsidy and the five scores with their "
                 "inputs. / 地区ポリゴン（類型・構成施設・エネルギー・投資額・補助金・5観点の評価と根拠）。")
        self.add(QgsProcessingParameterFeatureSink("OUTPUT_MEASURES", self.tr("Recommended measures / 推奨施策"),
                                                   Qgis.ProcessingSourceType.Vector, optional=True, createByDefault=False),
                 "City-level table of the measures seed 004 presents without a district of their own (表5.12 "
                 "energy-saving behaviour, 表5.13 study committee), with the districts each is attached to "
                 "(rules/district_types.json measures). / 地区を持たない施策（省エネ行動促進・検討委員会設置）の"
                 "市全体の表と、付随する地区。")
        self.addOutput(QgsProcessingOutputNumber("DISTRICT_COUNT", self.tr("Districts / 地区数")))

    def compute(self, parameters, context, feedback, progress):
        fac, rules, costs, applicant, fiscal, stated = read_inputs(self, parameters, context, progress)
        if parameters.get("AUTONOMY"):
            aut = read_source(self, parameters, "AUTONOMY", context, geometry=False)
            key = self.parameterAsString(parameters, "AUTONOMY_ID_FIELD", context) or "id"
            if key not in aut.columns:
                raise SonaeInputError(f"Table AUTONOMY has no field '{key}'. Choose its facility id field.",
                                      f"表 AUTONOMY に項目「{key}」がありません。施設ID項目を指定してください。")
            cols = [c for c in ("min_hours", "critical_load_kw") if c in aut.columns]
            if not cols:
                raise SonaeInputError("Table AUTONOMY has neither min_hours nor critical_load_kw. Use "
                                      "sonae:outageautonomy's output (shelters_energy).",
                                      "表 AUTONOMY に min_hours も critical_load_kw もありません。shelters_energy を使ってください。")
            a = aut[[key] + cols].copy()
            a[key] = a[key].astype(str)
            a = a.drop_duplicates(key).set_index(key)
            for c in cols:
                fac[c] = fac["id"].astype(str).map(a[c]).to_numpy()
        progress.update(0.15)
        added = self.parameterAsBool(parameters, "ADDED_ONLY", context)
        per = subsidy.subsidy_scope(fac, rules, costs, applicant, fiscal, stated, added_only=added,
                                    progress=progress.sub(0.15, 0.35))
        for c in ("total_cost_yen", "eligible_cost_yen", "subsidy_yen", "allocation_tax_yen", "effective_burden_yen"):
            fac[c] = per[c].to_numpy()
        for c in ("pv_kw", "battery_kwh"):
            if c not in fac.columns:
                fac[c] = np.nan
        rate, _label = subsidy.rate_for(rules, applicant, fiscal)
        bond = bool(rules["applicant_types"][applicant]["local_bond"])
        line_item = costs["items"].get("self_owned_line")
        line_ok = line_item is not None and rules["equipment"].get("self_owned_line", {}).get("eligible", False)

        def line_finance(cost):
            return subsidy.finance(cost, rate, bond, rules)

        buildings = chargers = None
        if parameters.get("BUILDINGS"):
            buildings = read_source(self, parameters, "BUILDINGS", context)
        if parameters.get("CHARGERS"):
            chargers = read_source(self, parameters, "CHARGERS", context)
        btype = self.parameterAsString(parameters, "BUILDING_TYPE_FIELD", context) or None
        span = self.parameterAsDouble(parameters, "SPAN_M", context)
        min_members = self.parameterAsInt(parameters, "MIN_MEMBERS", context)
        out, _members = districts.district_layout(
            fac, span, districts.load_district_rules(), min_members, buildings, btype, chargers,
            line_yen_per_m=line_item["yen_per_unit"] if line_item else 0,
            line_finance=line_finance if line_ok else None, progress=progress.sub(0.35, 0.9))
        money = ["line_cost_yen", "investment_yen", "eligible_cost_yen", "subsidy_yen", "allocation_tax_yen",
                 "effective_burden_yen"]
        kinds = {c: "int" for c in money + ["n_members", "n_buildings", "n_public", "type_no"]}
        kinds.update({"has_chargers": "bool", "within_type_scale": "bool", "interchange": "bool"})
        kinds = {k: v for k, v in kinds.items() if k in out.columns}
        lists = [m.split(", ") if m else [] for m in out["measures"]] if len(out) else []
        measures = districts.city_measures(lists, out["district_id"].tolist() if len(out) else [], _RULES)
        dest = write_frame(self, parameters, "OUTPUT", context, out, feedback, kinds=kinds, style="districts")
        results = {}
        if parameters.get("OUTPUT_MEASURES"):
            results["OUTPUT_MEASURES"] = write_frame(self, parameters, "OUTPUT_MEASURES", context, measures, feedback,
                                                     kinds={"measure_no": "int", "n_districts": "int"})
        if len(out):
            types = pd.Series(out["type_ja"]).value_counts()
            feedback.pushInfo(f"{len(out)} districts: " + ", ".join(f"{t} {c}" for t, c in types.items()) +
                              f" / 地区{len(out)}件")
        else:
            feedback.pushInfo("No district: no facilities within the span of each other. / 到達距離内にまとまる施設がありません。")
        feedback.pushInfo("City measures (seed 004 表5.12, 表5.13): " + "; ".join(
            f"{r.name_ja} ({r.n_districts} districts)" for r in measures.itertuples()) + " / 市全体の推奨施策")
        return dict(results, OUTPUT=dest, DISTRICT_COUNT=int(len(out)))
