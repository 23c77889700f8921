"""sonae:chargercoverage — which shelters an EV can reach within T minutes of each charger site."""
from __future__ import annotations

from ..plugin import dependencies
from .base import lazy, lazy_from
gpd = lazy("geopandas")
pd = lazy("pandas")
from qgis.core import Qgis
from qgis.core import (QgsProcessing, QgsProcessingOutputNumber, QgsProcessingParameterFeatureSink,
                       QgsProcessingParameterFeatureSource, QgsProcessingParameterField,
                       QgsProcessingParameterNumber)

from ..engine.errors import SonaeInputError
charger_coverage = lazy_from(__name__, "..engine.ev_logistics", "charger_coverage")
from .base import SonaeAlgorithm
from .ev_delivery_plan import add_travel_parameters, load_rules, line_geometries, point_frame, travel_from_parameters
read_source, write_frame = lazy_from(__name__, ".qgis_io", "read_source", "write_frame")


def _ids(frame, field, layer):
    if field not in frame.columns:
        raise SonaeInputError(f"Layer '{layer}' has no field '{field}'. Choose the id field.",
                              f"レイヤ「{layer}」に項目「{field}」がありません。ID項目を選んでください。")
    return frame[field].astype(str).tolist()


class ChargerCoverage(SonaeAlgorithm):
    ALG_ID = "chargercoverage"
    REQUIRES = dependencies.SCIPY
    GROUP = "mobility"
    DISPLAY_NAME = "Charger coverage / 充電拠点の到達圏"
    SHORT_HELP = (
        "For every shelter: the nearest charger site by travel time, how many chargers are within MINUTES and "
        "whether it is covered; plus a line for each charger-shelter pair within the limit. Travel times are "
        "shortest paths on the ROADS network (a service area per charger, QGIS network analysis) when given, "
        "else straight line x detour factor at the planning speed (rules/ev_fleet_defaults.json).\n"
        "各避難所について、最寄りの充電拠点までの所要時間、MINUTES分以内の充電拠点数、到達圏内かどうかを求めます。"
        "道路レイヤがあれば道路網の最短経路、なければ直線距離×迂回係数で計算します。")

    def initParameters(self, config=None):
        rules = load_rules()
        self.add(QgsProcessingParameterFeatureSource("CHARGERS", self.tr("Chargers / 充電拠点"),
                                                     [Qgis.ProcessingSourceType.VectorPoint]),
                 "Charger sites (points). / 充電拠点（点）。")
        self.add(QgsProcessingParameterField("CHARGER_ID_FIELD", self.tr("Charger id field / 充電拠点ID項目"),
                                             "id", "CHARGERS"),
                 "Field identifying each charger site. / 充電拠点のID項目。")
        self.add(QgsProcessingParameterFeatureSource("SHELTERS", self.tr("Shelters / 避難所"),
                                                     [Qgis.ProcessingSourceType.VectorPoint]),
                 "Shelters (points). / 避難所（点）。")
        self.add(QgsProcessingParameterField("SHELTER_ID_FIELD", self.tr("Shelter id field / 避難所ID項目"), "id",
                                             "SHELTERS"),
                 "Field identifying each shelter. / 避難所のID項目。")
        self.add(QgsProcessingParameterNumber("MINUTES", self.tr("Travel time limit (min) / 到達時間の上限 (分)"),
                                              Qgis.ProcessingNumberParameterType.Double, 30.0, minValue=0.1),
                 "One-way driving minutes from a charger within which a shelter counts as covered. / "
                 "充電拠点からの片道所要時間（分）の上限。")
        add_travel_parameters(self, rules)
        self.add(QgsProcessingParameterFeatureSink("OUTPUT", self.tr("Charger coverage / 充電拠点の到達圏"),
                                                   Qgis.ProcessingSourceType.VectorPoint),
                 "Shelters + nearest_charger_id, nearest_charger_min, nearest_charger_km, chargers_within, covered. "
                 "/ 避難所＋最寄り充電拠点・所要時間・圏内の拠点数・到達可否。")
        self.add(QgsProcessingParameterFeatureSink("OUTPUT_PAIRS", self.tr("Reachable pairs / 到達可能な組"),
                                                   Qgis.ProcessingSourceType.VectorLine, optional=True,
                                                   createByDefault=False),
                 "Optional lines charger -> shelter for every pair within the limit (routes on ROADS). / "
                 "上限内の充電拠点→避難所の線（任意）。")
        self.addOutput(QgsProcessingOutputNumber("SHELTERS_COVERED", self.tr("Shelters covered / 圏内の避難所数")))
        self.addOutput(QgsProcessingOutputNumber("SHELTERS_TOTAL", self.tr("Shelters / 避難所数")))

    def compute(self, parameters, context, feedback, progress):
        warn = feedback.pushWarning if hasattr(feedback, "pushWarning") else feedback.pushInfo
        shelters = read_source(self, parameters, "SHELTERS", context)
        chargers = point_frame(read_source(self, parameters, "CHARGERS", context), shelters.crs, "CHARGERS")
        shelters = point_frame(shelters, shelters.crs, "SHELTERS")
        cids = _ids(chargers, self.parameterAsString(parameters, "CHARGER_ID_FIELD", context) or "id", "CHARGERS")
        sids = _ids(shelters, self.parameterAsString(parameters, "SHELTER_ID_FIELD", context) or "id", "SHELTERS")
        want_pairs = parameters.get("OUTPUT_PAIRS") is not None
        travel = travel_from_parameters(self, parameters, context, chargers, shelters, cids, sids,
                                        progress.sub(0.0, 0.8), warn, want_routes=want_pairs)
        minutes = self.parameterAsDouble(parameters, "MINUTES", context)
        per_shelter, pairs = charger_coverage(travel.hours, travel.km, cids, sids, minutes)
        out = shelters.copy()
        for col in per_shelter.columns:
            out[col] = per_shelter[col].to_numpy()
        kinds = {"nearest_charger_id": "str", "nearest_charger_min": "float", "nearest_charger_km": "float",
                 "chargers_within": "int", "covered": "bool"}
        lines = None
        if want_pairs:
            table = pd.DataFrame(pairs.drop(columns=["_charger_idx", "_shelter_idx"]))
            lines = gpd.GeoDataFrame(table, geometry=line_geometries(travel, pairs, chargers, shelters)
                                     if len(pairs) else [], crs=shelters.crs)
        progress.update(0.9)
        result = {"OUTPUT": write_frame(self, parameters, "OUTPUT", context, out, feedback, kinds=kinds)}
        if lines is not None:
            result["OUTPUT_PAIRS"] = write_frame(self, parameters, "OUTPUT_PAIRS", context, lines, feedback,
                                                 kinds={"charger_id": "str", "shelter_id": "str",
                                                        "minutes": "float", "km": "float"})
        covered = int(per_shelter["covered"].sum())
        feedback.pushInfo(f"{covered} of {len(out)} shelters within {minutes:g} min of a charger ({travel.method}). / "
                          f"充電拠点から{minutes:g}分以内の避難所: {len(out)}か所中{covered}か所。")
        result.update({"SHELTERS_COVERED": covered, "SHELTERS_TOTAL": len(out)})
        return result
