"""sonae:subsidyscope — per facility: eligible or not (every reason), eligible equipment, subsidy, bond, burden."""
from __future__ import annotations

import os

from ..plugin import dependencies
from .base import lazy, lazy_from
gpd = lazy("geopandas")
pd = lazy("pandas")
from qgis.core import Qgis
from qgis.core import (QgsProcessing, QgsProcessingOutputNumber, QgsProcessingParameterBoolean,
                       QgsProcessingParameterFeatureSink, QgsProcessingParameterFeatureSource,
                       QgsProcessingParameterField, QgsProcessingParameterFile, QgsProcessingParameterNumber,
                       QgsProcessingParameterString, QgsProcessingParameterVectorLayer)

subsidy = lazy("..engine.subsidy", __package__)
from ..engine.errors import SonaeInputError
from ..engine.rules import RULES_DIR, load_rules
from .base import SonaeAlgorithm
read_source, write_frame = lazy_from(__name__, ".qgis_io", "read_source", "write_frame")

# Parameter defaults and help read the rule files directly (light: no pandas at plugin load); the files are
# validated by engine.subsidy when the algorithm runs. tests/test_enums.py checks the paths equal engine.subsidy's.
DEFAULT_RULES = os.path.join(RULES_DIR, "subsidy", "moe_fy2019_shelter_energy.json")
DEFAULT_UNIT_COSTS = os.path.join(RULES_DIR, "unit_costs.json")
APPLICANT_HELP = ", ".join(f"{k} ({v['label_ja']})" for k, v in load_rules(DEFAULT_RULES)["applicant_types"].items())


def add_programme_parameters(alg, with_plan_stated: bool = True):
    """RULES, UNIT_COSTS, APPLICANT_TYPE, FISCAL_INDEX (and PLAN_STATED): shared with sonae:districtlayout."""
    alg.add(QgsProcessingParameterFile("RULES", alg.tr("Programme rule file / 補助事業ルール"),
                                       extension="json", defaultValue=DEFAULT_RULES, optional=True),
            "A programme/fiscal-year rule file validated against rules/subsidy/schema.json. Default: the FY2019 "
            "MoE programme of seed 003 (rules/subsidy/moe_fy2019_shelter_energy.json); add later years as new "
            "files. / 事業・年度ごとのルールファイル（既定は2019年度環境省事業）。")
    alg.add(QgsProcessingParameterFile("UNIT_COSTS", alg.tr("Unit costs / 設備単価"), extension="json",
                                       defaultValue=DEFAULT_UNIT_COSTS, optional=True),
            "Installed unit costs in yen per kW, kWh, m ... (rules/unit_costs.json, cited). Replace with the "
            "city's quotations. / 設備単価ファイル（円/kW・円/kWh等）。見積に置き換えられます。")
    alg.add(QgsProcessingParameterString("APPLICANT_TYPE", alg.tr("Applicant type / 申請者区分"),
                                         defaultValue="municipality"),
            "Applicant category id of the rule file; a facility's own applicant_type field overrides it. FY2019: "
            + APPLICANT_HELP + ". Takamatsu (a core city, 中核市) is 'municipality'. / 申請者区分のID。")
    alg.add(QgsProcessingParameterNumber("FISCAL_INDEX", alg.tr("Fiscal capability index / 財政力指数"),
                                         Qgis.ProcessingNumberParameterType.Double, optional=True, minValue=0.0,
                                         maxValue=3.0),
            "The municipality's fiscal capability index (財政力指数, three-year average, 0-3). FY2019: below 0.8 "
            "-> 3/4, 0.8 or more -> 2/3 for municipalities below designated-city size. / 財政力指数（0.8未満は3/4、"
            "0.8以上は2/3）。")
    if with_plan_stated:
        alg.add(QgsProcessingParameterBoolean("PLAN_STATED", alg.tr("Designation stated at application / "
                                                                    "位置付け予定を申請時に記述"), defaultValue=False),
                "Treat facilities not (yet) in the regional disaster plan as eligible because the application will "
                "state their planned designation (seed 003 Q&A). A plan_stated field does this per facility. / "
                "地域防災計画に未位置付けの施設を、申請時に位置付け予定を記述するものとして対象にします。")


def add_energy_parameters(alg):
    alg.add(QgsProcessingParameterVectorLayer("ENERGY", alg.tr("Energy plan table / エネルギー計画表"),
                                              [Qgis.ProcessingSourceType.Vector], optional=True),
            "Optional table of proposed equipment per facility, e.g. battery_sizing from sonae:sizeforautonomy "
            "(pv_kw, battery_kwh, battery_kw, pv_cap_kw or normal_kwh_year for the self-consumption cap, and any "
            "quantity field of the unit-cost file). Without it the same fields are read from FACILITIES. / "
            "施設ごとの設備計画表（任意）。")
    alg.add(QgsProcessingParameterField("ENERGY_ID_FIELD", alg.tr("Facility id field of the plan / 計画表の施設ID"),
                                        defaultValue="facility_id", parentLayerParameterName="ENERGY",
                                        optional=True),
            "Field of the energy plan table holding the facility id (matches FACILITIES' id). / 計画表の施設ID項目。")
    alg.add(QgsProcessingParameterBoolean("ADDED_ONLY", alg.tr("Price only added equipment / 増設分のみ計上"),
                                          defaultValue=True),
            "When the plan has <quantity>_added fields (pv_kw_added, battery_kwh_added from sonae:sizeforautonomy), "
            "price and subsidise only the added equipment; existing equipment is not bought again, and new PV may be "
            "at most the self-consumption cap minus the existing PV. / 計画表に増設量の項目があれば増設分のみを計上します。")


def read_inputs(alg, parameters, context, progress):
    """(facilities GeoDataFrame with the plan joined, rules, unit costs, applicant type, fiscal index, stated)."""
    rules = subsidy.load_programme(alg.parameterAsFile(parameters, "RULES", context) or None)
    costs = subsidy.load_unit_costs(alg.parameterAsFile(parameters, "UNIT_COSTS", context) or None)
    applicant = (alg.parameterAsString(parameters, "APPLICANT_TYPE", context) or "").strip()
    fi_value = parameters.get("FISCAL_INDEX")
    fiscal = None if fi_value is None or fi_value == "" else alg.parameterAsDouble(parameters, "FISCAL_INDEX", context)
    subsidy.check_applicant(rules, applicant, fiscal)
    stated = alg.parameterAsBool(parameters, "PLAN_STATED", context) if "PLAN_STATED" in parameters else False
    fac = read_source(alg, parameters, "FACILITIES", context)
    plans = None
    if parameters.get("ENERGY"):
        plans = read_source(alg, parameters, "ENERGY", context, geometry=False)
    id_field = alg.parameterAsString(parameters, "ENERGY_ID_FIELD", context) or "facility_id"
    joined = subsidy.join_plans(fac.drop(columns=fac.geometry.name), plans, id_field, warn=progress.warn)
    fac = gpd.GeoDataFrame(joined, geometry=fac.geometry.values, crs=fac.crs)
    return fac, rules, costs, applicant, fiscal, stated


class SubsidyScope(SonaeAlgorithm):
    ALG_ID = "subsidyscope"
    REQUIRES = dependencies.BASE_REQUIRES + ("jsonschema",)
    GROUP = "districts"
    DISPLAY_NAME = "Subsidy scope / 補助対象範囲"
    SHORT_HELP = (
        "For every facility: eligible under the programme or not, with every reason (disaster-plan designation or a "
        "stated plan, facility ownership vs applicant category, ZEB floor-area limits, normal-and-disaster "
        "operation, replacement only with efficiency gain, PV capped at normal-time self-consumption, no FIT, "
        "batteries and lines only with renewable equipment, BOS cogeneration, waste-plant exclusion); the eligible "
        "equipment with quantities and cost; the rate; the subsidy (floored to 1,000 yen); the local bond, its "
        "allocation-tax coverage and the effective burden in yen. Summary rows per district (DISTRICTS polygons or a "
        "district_id field) and for the city. Rules come from a programme rule file (FY2019 MoE, seed 003) and a "
        "unit-cost file, both replaceable.\n"
        "施設ごとに補助対象か否か（理由をすべて記載）、対象設備と数量・費用、補助率、補助金（千円未満切捨て）、"
        "地方債・交付税措置・実質負担（円）を求め、地区別・市全体の集計行を付けます。ルールは事業年度ごとのファイル"
        "（既定は2019年度環境省事業、資料003）と単価ファイルから読みます。")

    def initParameters(self, config=None):
        self.add(QgsProcessingParameterFeatureSource("FACILITIES", self.tr("Facilities / 施設"),
                                                     [Qgis.ProcessingSourceType.VectorAnyGeometry]),
                 "Canonical facilities or shelters (id, facility_type, owner, in_disaster_plan, floor_area_m2; "
                 "optionally plan_stated, applicant_type, fit, replaces_existing, efficiency_gain, disaster_only, "
                 "cogeneration_bos and equipment quantity fields). / 施設レイヤ。")
        add_energy_parameters(self)
        add_programme_parameters(self)
        self.add(QgsProcessingParameterFeatureSource("DISTRICTS", self.tr("Districts / 地区"),
                                                     [Qgis.ProcessingSourceType.VectorPolygon], optional=True),
                 "Optional district polygons with a district_id field (sonae:districtlayout) for the per-district "
                 "summary rows; else a district_id field on FACILITIES is used when present. / 地区ポリゴン（任意）。")
        self.add(QgsProcessingParameterFeatureSink("OUTPUT", self.tr("Subsidy scope / 補助対象範囲"),
                                                   Qgis.ProcessingSourceType.VectorPoint),
                 "One row per facility (at the facility) plus summary rows per district and for the city "
                 "(row_type, no geometry). / 施設ごとの行と地区・市全体の集計行。")
        self.addOutput(QgsProcessingOutputNumber("ELIGIBLE_TOTAL", self.tr("Eligible cost, city (yen) / 対象経費")))
        self.addOutput(QgsProcessingOutputNumber("SUBSIDY_TOTAL", self.tr("Subsidy, city (yen) / 補助金")))
        self.addOutput(QgsProcessingOutputNumber("BURDEN_TOTAL", self.tr("Effective burden, city (yen) / 実質負担")))
        self.addOutput(QgsProcessingOutputNumber("ELIGIBLE_COUNT", self.tr("Eligible facilities / 対象施設数")))

    def compute(self, parameters, context, feedback, progress):
        fac, rules, costs, applicant, fiscal, stated = read_inputs(self, parameters, context, progress)
        progress.update(0.2)
        added = self.parameterAsBool(parameters, "ADDED_ONLY", context)
        per = subsidy.subsidy_scope(fac, rules, costs, applicant, fiscal, stated, added_only=added,
                                    progress=progress.sub(0.2, 0.8))
        district_ids = None
        if parameters.get("DISTRICTS"):
            d = read_source(self, parameters, "DISTRICTS", context)
            if "district_id" not in d.columns:
                raise SonaeInputError("Layer DISTRICTS has no field 'district_id'. Use sonae:districtlayout's output.",
                                      "地区レイヤに項目「district_id」がありません。sonae:districtlayout の出力を使ってください。")
            pts = gpd.GeoDataFrame(geometry=fac.geometry.representative_point().values, crs=fac.crs).to_crs(d.crs)
            joined = gpd.sjoin(pts, d[["district_id", d.geometry.name]], how="left", predicate="within")
            joined = joined[~joined.index.duplicated(keep="first")]
            district_ids = joined["district_id"].reindex(pts.index).to_numpy(dtype=object)
        elif "district_id" in fac.columns:
            district_ids = fac["district_id"].to_numpy(dtype=object)
        if district_ids is not None:
            per.insert(1, "district_id", district_ids)
        summary = subsidy.summarise(per, district_ids)
        table = pd.concat([per, summary], ignore_index=True, sort=False)
        geoms = list(fac.geometry.values) + [None] * len(summary)
        out = gpd.GeoDataFrame(table, geometry=geoms, crs=fac.crs)
        kinds = {c: "int" for c in subsidy.MONEY + ["n_facilities", "n_eligible"]}
        kinds["eligible"] = "bool"
        progress.update(0.9)
        dest = write_frame(self, parameters, "OUTPUT", context, out, feedback, kinds=kinds, style="subsidy_scope")
        city = summary.iloc[-1]
        feedback.pushInfo(
            f"{int(city['n_eligible'])}/{int(city['n_facilities'])} facilities eligible; eligible cost "
            f"{int(city['eligible_cost_yen']):,} yen, subsidy {int(city['subsidy_yen']):,} yen, effective burden "
            f"{int(city['effective_burden_yen']):,} yen. / 対象{int(city['n_eligible'])}施設、対象経費"
            f"{int(city['eligible_cost_yen']):,}円、補助金{int(city['subsidy_yen']):,}円、実質負担"
            f"{int(city['effective_burden_yen']):,}円。")
        return {"OUTPUT": dest, "ELIGIBLE_TOTAL": int(city["eligible_cost_yen"]),
                "SUBSIDY_TOTAL": int(city["subsidy_yen"]), "BURDEN_TOTAL": int(city["effective_burden_yen"]),
                "ELIGIBLE_COUNT": int(city["n_eligible"])}
