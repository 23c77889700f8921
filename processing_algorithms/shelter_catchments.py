"""sonae:sheltercatchments — stay evacuees from population zones to hazard-safe shelters within their capacity."""
from __future__ import annotations

from .base import lazy, lazy_from
gpd = lazy("geopandas")
np = lazy("numpy")
pd = lazy("pandas")
shapely = lazy("shapely")
from qgis.core import Qgis
from qgis.core import (QgsCoordinateReferenceSystem, QgsProcessing, QgsProcessingOutputNumber,
                       QgsProcessingParameterEnum, QgsProcessingParameterFeatureSink,
                       QgsProcessingParameterFeatureSource, QgsProcessingParameterField,
                       QgsProcessingParameterNumber, QgsProcessingParameterVectorLayer)

demand = lazy("..engine.demand", __package__)
ASSIGNMENTS, catchments, joined_ids, parse_population = lazy_from(
    __name__, "..engine.catchments", "ASSIGNMENTS", "catchments", "joined_ids", "parse_population")
HAZARD_IDS, eligibility_summary, shelter_eligibility = lazy_from(__name__, "..engine.eligibility", "HAZARD_IDS", "eligibility_summary", "shelter_eligibility")
from ..engine.errors import SonaeInputError
from ..engine.rules import load_rules
from ..plugin import dependencies
from .base import SonaeAlgorithm, labelled_enum
build_graph, check_roads = lazy_from(__name__, ".network", "build_graph", "check_roads")
from .hazard_exposure import schema_kinds
read_source, write_frame = lazy_from(__name__, ".qgis_io", "read_source", "write_frame")

_RULES = load_rules("evacuation.json")      # = engine.demand.evacuation_rules(), without pandas at plugin load
M2_CHOICES = [float(v) for v in _RULES["m2_per_person"]["choices"]]
# Option order written here (tests/test_enums.py checks them against engine.eligibility / engine.catchments).
HAZARD_CHOICES = ("none", "flood", "tsunami", "storm_surge", "inland_flood", "landslide")
HAZARD_LABELS = {"none": "None: every stay shelter / 指定なし（全ての滞在型避難所）", "flood": "Flood / 洪水",
                 "tsunami": "Tsunami / 津波", "storm_surge": "Storm surge / 高潮",
                 "inland_flood": "Inland flooding / 内水氾濫", "landslide": "Landslide / 崖崩れ・土石流・地滑り"}
ASSIGNMENT_CHOICES = ("capacity", "nearest")
ASSIGNMENT_LABELS = {"capacity": "Within capacity, shortest total distance / 収容人数内で最短",
                     "nearest": "Nearest, capacity ignored / 最寄り（収容人数を無視）"}


def _m2_id(value) -> str:
    """The option name of a floor space per evacuee: 3.5 -> "3.5m2" (never a bare number, which reads as an index)."""
    return f"{float(value):g}m2" if float(value) != int(float(value)) else f"{float(value):.1f}m2"


def _points(frame: gpd.GeoDataFrame) -> np.ndarray:
    """Points as they are, any other geometry by a point on its surface (computed only for those)."""
    g = np.asarray(frame.geometry.values, dtype=object)
    other = shapely.get_type_id(g) != 0
    if not other.any():
        return g
    g = g.copy()
    g[other] = shapely.point_on_surface(g[other])
    return g


def _xy(points: gpd.GeoSeries) -> np.ndarray:
    """[n, 2] coordinates of a GeoSeries of points (NaN for a missing or empty one), straight from shapely."""
    g = np.asarray(points.values, dtype=object)
    empty = shapely.is_empty(g)                  # GEOS refuses getX on an empty point
    if empty.any():
        g = np.where(empty, None, g)
    return np.column_stack([shapely.get_x(g), shapely.get_y(g)])


def _row_numbers(n: int) -> np.ndarray:
    """'0', '1', ... as Python strings (numpy's astype(str) takes ~0.5 s at 1,000,000 rows)."""
    out = np.empty(n, dtype=object)
    out[:] = list(map(str, range(n)))
    return out


class ShelterCatchments(SonaeAlgorithm):
    ALG_ID = "sheltercatchments"
    REQUIRES = dependencies.SCIPY
    GROUP = "demand"
    DISPLAY_NAME = "Shelter catchments and shortfall / 避難所の受け持ち区域と不足"
    SHORT_HELP = (
        "Sends the expected stay evacuees of every population zone (population x EVACUATION_RATE, whole people: "
        "the total is rounded once and shared by largest remainder) to shelters that are safe for HAZARD_TYPE, "
        "without filling any shelter above its capacity (ASSIGNMENT = capacity: minimum-cost flow, exact and certified: a network simplex when numba is installed, else HiGHS; over "
        "straight-line or ROADS distance up to MAX_DISTANCE_M; people who cannot be placed are reported as "
        "unassigned) or, for comparison, to the nearest safe shelter regardless of capacity (ASSIGNMENT = "
        "nearest). Eligible: stay shelters only (rules/facility_roles.json: designated and welfare shelters; "
        "open spaces and tsunami buildings are immediate refuge, their capacity is reported as refuge_capacity), "
        "designated for the hazard (ok_<hazard>; unknown = not safe), not in conflict (<hazard>_conflict from "
        "sonae:hazardexposure); a site in the flooded area (rank >= 2) kept by its upper floors or a △ note offers "
        "only the floors above the water (3 m per storey, rules/vertical_evacuation.json) pro rata of capacity, and "
        "nothing when floors are unknown. Capacity: capacity_persons, else floor_area_m2 / M2_PER_PERSON, else "
        "unknown (0, flagged).\n"
        "各区域の避難所避難者（人口×避難率、整数に丸め合計を保存）を、災害種別（HAZARD_TYPE）に安全な避難所へ収容人数を"
        "超えないように割り当てます（最小費用流、直線または道路距離、最大距離まで）。受け入れ先のない人は未割当として"
        "報告します。比較用に最寄り割当（収容人数無視）も選べます。対象は滞在型の避難所（指定避難所・福祉避難所）のみ"
        "で、公園・津波避難ビルは一時避難場所として別に集計します。当該災害の指定（ok_<災害>）がない・不明な施設、"
        "矛盾（<災害>_conflict）のある施設は除外し、浸水区域内で上階避難（△）の施設は浸水深より上の階の分だけ"
        "受け入れます（階数不明なら0）。")

    FACILITIES = "FACILITIES"
    POPULATION = "POPULATION"
    POPULATION_FIELD = "POPULATION_FIELD"
    ZONE_ID_FIELD = "ZONE_ID_FIELD"
    EVACUATION_RATE = "EVACUATION_RATE"
    M2_PER_PERSON = "M2_PER_PERSON"
    HAZARD_TYPE = "HAZARD_TYPE"
    HAZARD_FIELD = "HAZARD_FIELD"
    ASSIGNMENT = "ASSIGNMENT"
    MAX_DISTANCE_M = "MAX_DISTANCE_M"
    K_NEAREST = "K_NEAREST"
    ROADS = "ROADS"
    OUTPUT = "OUTPUT"
    CATCHMENTS = "CATCHMENTS"

    def initParameters(self, config=None):
        rate = _RULES["evacuation_rate"]
        self.add(QgsProcessingParameterFeatureSource(self.FACILITIES, self.tr("Facilities / 施設"),
                                                     [Qgis.ProcessingSourceType.VectorPoint]),
                 "Canonical facilities (sonae:importshelters, or sonae:hazardexposure's output to exclude "
                 "shelters in conflict). / 施設レイヤ（ハザード項目付きなら矛盾のある避難所を除外できます）。")
        self.add(QgsProcessingParameterFeatureSource(self.POPULATION, self.tr("Population / 人口"),
                                                     [Qgis.ProcessingSourceType.VectorPoint, Qgis.ProcessingSourceType.VectorPolygon]),
                 "Population zones as points or polygons (polygons are represented by a point on their surface). / "
                 "人口の区域（点またはポリゴン）。")
        self.add(QgsProcessingParameterField(self.POPULATION_FIELD, self.tr("Population field / 人口の項目"),
                                             parentLayerParameterName=self.POPULATION,
                                             type=Qgis.ProcessingFieldParameterDataType.Any),
                 "Number of people in each zone (numbers, or text such as '2,041人'; NULL counts as 0 with a warning). / "
                 "区域の人口の項目（数値、または「2,041人」のような文字列）。")
        self.add(QgsProcessingParameterField(self.ZONE_ID_FIELD, self.tr("Zone id field / 区域IDの項目"),
                                             parentLayerParameterName=self.POPULATION, optional=True),
                 "Optional: a field naming the zone, copied to the catchment output. / 任意。区域名・ID。")
        self.add(QgsProcessingParameterNumber(self.EVACUATION_RATE, self.tr("Evacuation rate / 避難所避難率"),
                                              Qgis.ProcessingNumberParameterType.Double,
                                              defaultValue=float(rate["default"]), minValue=0.0, maxValue=1.0),
                 "Share of the assigned residents expected to stay in the shelter. Default {default}: {source} / "
                 "割り当てた住民のうち避難所に滞在する割合。", default=rate["default"], source=rate["_source"])
        self.add(labelled_enum(QgsProcessingParameterEnum(
            self.M2_PER_PERSON, self.tr("Space per evacuee / 1人当たり面積"), options=[_m2_id(v) for v in M2_CHOICES],
            defaultValue=_m2_id(_RULES["m2_per_person"]["default"]), usesStaticStrings=True),
            {_m2_id(v): f"{_RULES['m2_per_person']['labels'][str(v)]} / 1人{v:g}㎡" for v in M2_CHOICES}),
                 "Floor space per evacuee used when a shelter has a floor area but no capacity: 3.5 m2 (Cabinet "
                 "Office, Dec 2024, Sphere), 2.0 or 1.65 m2 (older plans). / 収容人数がない場合に床面積から人数を"
                 "求める1人当たり面積（3.5㎡: 内閣府2024年12月、2.0・1.65㎡: 従来の計画）。")
        self.add(labelled_enum(QgsProcessingParameterEnum(self.HAZARD_TYPE, self.tr("Hazard / 災害種別"),
                                                          options=list(HAZARD_CHOICES), defaultValue="none",
                                                          usesStaticStrings=True), HAZARD_LABELS),
                 "none: every stay shelter at full capacity. flood, tsunami, storm_surge, inland_flood, landslide: "
                 "only shelters designated for it (ok_<hazard>) and not in conflict (<hazard>_conflict, run "
                 "sonae:hazardexposure first), upper floors only where the site floods. / "
                 "none＝全ての滞在型避難所。災害種別を選ぶと、その災害に指定され矛盾のない避難所のみ（先に "
                 "sonae:hazardexposure を実行）。")
        self.add(QgsProcessingParameterField(self.HAZARD_FIELD, self.tr("Hazard conflict field (legacy) / "
                                                                        "ハザード矛盾の項目（旧）"),
                                             parentLayerParameterName=self.FACILITIES, optional=True),
                 "Legacy: a field named <hazard>_conflict (e.g. flood_conflict) selects HAZARD_TYPE = <hazard> when "
                 "HAZARD_TYPE is none. Prefer HAZARD_TYPE. / 旧パラメータ。<災害>_conflict を指定すると HAZARD_TYPE "
                 "をその災害にします。")
        self.add(labelled_enum(QgsProcessingParameterEnum(self.ASSIGNMENT, self.tr("Assignment / 割当方法"),
                                                          options=list(ASSIGNMENT_CHOICES), defaultValue="capacity",
                                                          usesStaticStrings=True), ASSIGNMENT_LABELS),
                 "capacity: no shelter above its capacity, shortest total distance (minimum-cost flow); nearest: "
                 "every zone to its nearest eligible shelter, capacity ignored (the old method, for comparison). / "
                 "capacity＝収容人数を超えない最短割当、nearest＝最寄り（収容人数無視、比較用）。")
        self.add(QgsProcessingParameterNumber(self.MAX_DISTANCE_M, self.tr("Maximum distance (m) / 最大距離（m）"),
                                              Qgis.ProcessingNumberParameterType.Double,
                                              defaultValue=float(_RULES["max_assign_distance_m"]["default"]), minValue=0.0),
                 "No evacuee travels farther (straight line or road); 0 = no limit. Zones with no eligible shelter "
                 "within it are reported as unreached. Default {default} m: {source} / これより遠い避難所には割り当て"
                 "ません（0＝制限なし）。", default=_RULES["max_assign_distance_m"]["default"],
                 source=_RULES["max_assign_distance_m"]["_source"])
        self.add(QgsProcessingParameterNumber(self.K_NEAREST, self.tr("Candidate shelters per zone / 候補避難所数"),
                                              Qgis.ProcessingNumberParameterType.Integer, defaultValue=8, minValue=1),
                 "Capacity assignment starts each zone with arcs to its k nearest shelters and adds any other arc "
                 "that could shorten the plan (exact pricing), so the result is the optimum of the full problem; k "
                 "only changes the speed. / 各区域の初期候補数（結果は変わらず速度のみに影響）。")
        self.add(QgsProcessingParameterVectorLayer(self.ROADS, self.tr("Roads (optional) / 道路（任意）"),
                                                   [Qgis.ProcessingSourceType.VectorLine], optional=True),
                 "Optional road lines: distances along the network (both directions) instead of straight lines. / "
                 "任意。道路を指定すると道路沿いの距離を使います。")
        self.add(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Shelters / 避難所"),
                                                   Qgis.ProcessingSourceType.VectorPoint),
                 "Every shelter / emergency site with role, stay, eligible, eligibility, capacity_full, "
                 "capacity_source, usable_floors, capacity_calc (places for this hazard), refuge_capacity, evacuees "
                 "(whole people assigned), utilisation, room_left, assigned_zones, assigned_population, "
                 "shortfall_persons (evacuees above capacity, plus evacuees who found no place and for whom this is "
                 "the nearest eligible shelter within reach: the places it lacks). / 避難所ごとの役割・適否・収容人数・割当避難者・充足率。")
        self.add(QgsProcessingParameterFeatureSink(self.CATCHMENTS, self.tr("Population catchment / 受け持ち区域"),
                                                   Qgis.ProcessingSourceType.VectorAnyGeometry),
                 "Every population zone with evacuees, assigned_evacuees, unassigned_evacuees, unreached, its main "
                 "shelter (shelter_id, shelter_name, distance_m), n_shelters, mean_distance_m and the nearest "
                 "shelters that still have room (room_shelter_ids, room_distance_m). / 区域ごとの避難者・割当・未割当・"
                 "割当先・空きのある最寄り避難所。")
        self.addOutput(QgsProcessingOutputNumber("POPULATION_ASSIGNED", self.tr("People assigned / 割当人口")))
        self.addOutput(QgsProcessingOutputNumber("POPULATION_UNREACHED", self.tr("People not reached / 未到達人口")))
        self.addOutput(QgsProcessingOutputNumber("SHORTFALL_TOTAL", self.tr("Shortfall (persons) / 不足人数")))  # = sum shortfall_persons
        for name, label in (("EVACUEES_TOTAL", "Evacuees / 避難者"), ("EVACUEES_ASSIGNED", "Evacuees placed / 割当避難者"),
                            ("EVACUEES_UNASSIGNED", "Evacuees not placed / 未割当避難者"),
                            ("EVACUEES_UNREACHED", "Evacuees beyond reach / 到達不能の避難者"),
                            ("OVER_CAPACITY_SHELTERS", "Shelters above capacity / 定員超過の避難所"),
                            ("REFUGE_CAPACITY", "Immediate-refuge capacity / 一時避難の収容人数"),
                            ("SHELTERS_ELIGIBLE", "Eligible shelters / 対象避難所")):
            self.addOutput(QgsProcessingOutputNumber(name, self.tr(label)))

    def compute(self, parameters, context, feedback, progress):
        pop_field = self.parameterAsString(parameters, self.POPULATION_FIELD, context)
        id_field = self.parameterAsString(parameters, self.ZONE_ID_FIELD, context)
        hazard = self.enum_value(parameters, self.HAZARD_TYPE, context) or "none"
        hazard_field = self.parameterAsString(parameters, self.HAZARD_FIELD, context) or None
        assignment = self.enum_value(parameters, self.ASSIGNMENT, context) or "capacity"
        rate = self.parameterAsDouble(parameters, self.EVACUATION_RATE, context)
        m2 = {_m2_id(v): v for v in M2_CHOICES}[self.enum_value(parameters, self.M2_PER_PERSON, context)]
        max_d = self.parameterAsDouble(parameters, self.MAX_DISTANCE_M, context)
        max_d = float(max_d) if max_d and max_d > 0 else np.inf
        k = max(1, self.parameterAsInt(parameters, self.K_NEAREST, context) or 8)
        roads = self.parameterAsVectorLayer(parameters, self.ROADS, context)
        fac_name = self.parameterAsSource(parameters, self.FACILITIES, context).sourceName()
        pop_name = self.parameterAsSource(parameters, self.POPULATION, context).sourceName()
        if hazard_field and hazard == "none":
            guess = hazard_field[:-len("_conflict")] if hazard_field.endswith("_conflict") else None
            if guess not in HAZARD_IDS:
                raise SonaeInputError(
                    f"HAZARD_FIELD '{hazard_field}' is not a <hazard>_conflict field. Set HAZARD_TYPE instead "
                    f"({', '.join(HAZARD_IDS)}).",
                    f"HAZARD_FIELD「{hazard_field}」は <災害>_conflict の項目ではありません。HAZARD_TYPE を指定してください。")
            hazard = guess
            feedback.pushWarning(f"HAZARD_FIELD {hazard_field} -> HAZARD_TYPE {hazard} (legacy parameter). / "
                                 f"旧パラメータ HAZARD_FIELD から HAZARD_TYPE={hazard} としました。")
        if not pop_field:
            raise SonaeInputError(f"Choose the population field of {pop_name} (POPULATION_FIELD).",
                                  f"{pop_name}の人口の項目（POPULATION_FIELD）を選んでください。")
        facilities = read_source(self, parameters, self.FACILITIES, context)
        zone_fields = [f for f in dict.fromkeys([id_field, pop_field]) if f]
        zones = read_source(self, parameters, self.POPULATION, context, attributes=zone_fields)
        from ..engine.columns import as_bool, numeric
        zone_pop = numeric(zones, pop_field, pop_name, warn=progress.warn, missing_ok=False,   # '2,041人' read
                           id_field=id_field or None)
        pop, nulls = parse_population(zone_pop, pop_name, pop_field)
        if nulls:
            feedback.pushWarning(f"{nulls} zone(s) of {pop_name} have no population ({pop_field} NULL): counted as 0. / "
                                 f"{pop_name}の{nulls}区域は人口が空欄のため0人としました。")
        from ..engine.roles import facility_roles
        roles = facility_roles(facilities)
        keep = roles.astype(str) != "other"
        for flag in ("designated_shelter", "emergency_site", "welfare_shelter"):
            if flag in facilities.columns:
                keep |= as_bool(facilities[flag])
        if not keep.any():
            raise SonaeInputError(
                f"Layer {fac_name} has no shelter (designated_shelter, welfare_shelter or emergency_site true). "
                "Import the shelters with sonae:importshelters first.",
                f"レイヤ{fac_name}に避難所（指定避難所・福祉避難所・指定緊急避難場所）がありません。先に "
                "sonae:importshelters で読み込んでください。")
        shelters = facilities[keep].reset_index(drop=True)
        elig = shelter_eligibility(shelters, hazard, m2, fac_name)
        summary = eligibility_summary(elig)
        geo_ok = ~(shapely.is_missing(shelters.geometry.values) | shapely.is_empty(shelters.geometry.values))
        if (~geo_ok & elig["eligible"].to_numpy()).any():
            feedback.pushWarning(f"{int((~geo_ok & elig['eligible'].to_numpy()).sum())} eligible shelter(s) have no "
                                 "location and receive nobody. / 位置のない避難所には割り当てません。")
            elig.loc[~geo_ok, "eligible"] = False
            elig.loc[~geo_ok, "capacity_calc"] = 0.0
        for code, en, ja in (
                ("designation_unknown", "designation for {h} unknown (ok_{h} NULL): not treated as safe",
                 "{h}の指定が不明（ok_{h}が空）: 安全とはみなしません"),
                ("upper_floors_unknown", "flooded site with a vertical-evacuation note but no floors: no capacity",
                 "浸水区域内で上階避難の施設ですが階数が不明: 収容0"),
                ("conditional_no_depth", "conditional site at rank >= 2 for a hazard without depth: no capacity",
                 "浸水深のない災害で条件付きの施設: 収容0"),
                ("eligible_no_hazard_data", "eligible on the designation, but the site has no hazard data "
                 "(outside the mapped area / NoData)", "指定により対象としますが、地点のハザード値がありません（想定区域外・NoData）")):
            if summary.get(code):
                feedback.pushWarning(f"{summary[code]} shelter(s): " + en.format(h=hazard) + " / "
                                     f"{summary[code]}施設: " + ja.format(h=hazard))
        if summary["capacity_unknown_eligible"]:
            feedback.pushWarning(f"{summary['capacity_unknown_eligible']} eligible shelter(s) have no capacity and no "
                                 "floor area: counted as 0 places. / 収容人数も床面積もない対象避難所"
                                 f"{summary['capacity_unknown_eligible']}施設は収容0人として扱いました。")
        if not elig["eligible"].any():
            feedback.pushWarning(f"No shelter of {fac_name} is eligible for {hazard}: nobody is assigned. / "
                                 f"{hazard}に対象となる避難所がないため、誰も割り当てません。")
        lonlat = gpd.GeoSeries(_points(shelters), crs=shelters.crs).to_crs("EPSG:6668")
        epsg = demand.metric_epsg(lonlat.x.to_numpy())
        s_pts = gpd.GeoSeries(_points(shelters), crs=shelters.crs).to_crs(epsg)
        z_pts = gpd.GeoSeries(_points(zones), crs=zones.crs).to_crs(epsg)
        s_xy = _xy(s_pts)
        z_xy = _xy(z_pts)
        z_bad = ~np.isfinite(z_xy).all(axis=1)
        if z_bad.any():
            feedback.pushWarning(f"{int(z_bad.sum())} zone(s) of {pop_name} have no location: not assigned. / "
                                 f"位置のない区域{int(z_bad.sum())}件は割り当てません。")
            z_xy = np.where(z_bad[:, None], 1e12, z_xy)   # far beyond any maximum distance
            if not np.isfinite(max_d):
                max_d = 1e11
        progress.update(0.15)
        cost = None
        method = "straight"
        if roads is not None:
            cost = road_costs(roads, QgsCoordinateReferenceSystem(f"EPSG:{epsg}"), s_xy, z_xy,
                              elig["eligible"].to_numpy(bool), feedback)
            method = "network"
        shel_t, zone_t, tot = catchments(pop, z_xy, s_xy, elig, rate, assignment, max_d, k, cost,
                                         progress.sub(0.15, 0.85))
        table = elig.join(shel_t)
        out = shelters.drop(columns=[c for c in table.columns if c in shelters.columns])
        geom = out.geometry.name
        out = gpd.GeoDataFrame(out.drop(columns=[geom]).join(table).assign(**{geom: out.geometry.values}),
                               geometry=geom, crs=shelters.crs)
        sid = shelters["id"].astype(str).to_numpy() if "id" in shelters else np.arange(len(shelters)).astype(str)
        sname = shelters["name"].astype(str).to_numpy() if "name" in shelters else sid
        main = zone_t["shelter_index"].to_numpy()
        has = main >= 0
        catch = pd.DataFrame({
            "zone_id": zones[id_field].astype(str).to_numpy() if id_field else _row_numbers(len(zones)),
            "population": pop, "evacuees_expected": zone_t["evacuees_expected"].to_numpy(),
            "evacuees": zone_t["evacuees"].to_numpy(), "assigned_evacuees": zone_t["assigned_evacuees"].to_numpy(),
            "unassigned_evacuees": zone_t["unassigned_evacuees"].to_numpy(),
            "unreached": zone_t["unreached"].to_numpy(bool),
            "shelter_id": np.where(has, sid[np.maximum(main, 0)], None),
            "shelter_name": np.where(has, sname[np.maximum(main, 0)], None),
            "distance_m": zone_t["distance_m"].to_numpy(), "mean_distance_m": zone_t["mean_distance_m"].to_numpy(),
            "n_shelters": zone_t["n_shelters"].to_numpy(),
            "room_shelter_ids": joined_ids(sid, zone_t[[c for c in zone_t.columns
                                                        if c.startswith("room_shelter_index_")]].to_numpy()),
            "room_distance_m": zone_t["room_distance_m"].to_numpy(),
            "method": f"{assignment}/{method}", "hazard": hazard}, copy=False)   # no consolidating copy (0.6 s at 1M)
        catch = gpd.GeoDataFrame(catch, geometry=zones.geometry.values, crs=zones.crs, copy=False)
        kinds = schema_kinds(out)
        kinds.update({"eligible": "bool", "stay": "bool", "role": "str", "eligibility": "str",
                      "capacity_source": "str", "capacity_full": "float", "usable_floors": "float",
                      "capacity_calc": "float", "refuge_capacity": "float", "assigned_zones": "int",
                      "assigned_population": "float", "evacuees": "int", "utilisation": "float",
                      "occupancy": "float", "shortfall_persons": "float", "room_left": "float"})
        dest = write_frame(self, parameters, self.OUTPUT, context, out, feedback, kinds=kinds, style="shelters")
        dest_c = write_frame(self, parameters, self.CATCHMENTS, context, catch, feedback,
                             kinds={"shelter_id": "str", "shelter_name": "str", "distance_m": "float",
                                    "zone_id": "str", "method": "str", "hazard": "str", "population": "float",
                                    "evacuees_expected": "float", "evacuees": "int", "assigned_evacuees": "int",
                                    "unassigned_evacuees": "int", "unreached": "bool", "mean_distance_m": "float",
                                    "n_shelters": "int", "room_shelter_ids": "str", "room_distance_m": "float"},
                             style="population_catchment")
        n_unreached_z = int((zone_t["unreached"] & (zone_t["evacuees"] > 0)).sum())
        if n_unreached_z:
            feedback.pushWarning(
                f"{n_unreached_z} zone(s) with {tot['unreached']:,} evacuees have no eligible shelter with places "
                f"within {max_d:,.0f} m (MAX_DISTANCE_M): not assigned. Check the zones' location/CRS or raise "
                f"MAX_DISTANCE_M. / 最大距離{max_d:,.0f}m以内に受け入れ可能な避難所がない区域{n_unreached_z}件"
                f"（避難者{tot['unreached']:,}人）は割り当てていません。区域の位置・座標系を確認するか最大距離を見直してください。")
        if tot["unassigned"] - tot["unreached"] > 0:
            feedback.pushWarning(
                f"{tot['unassigned'] - tot['unreached']:,} evacuees within reach find no place: the eligible shelters "
                f"within {max_d:,.0f} m are full. / 距離内の対象避難所が満員のため{tot['unassigned'] - tot['unreached']:,}"
                "人が未割当です。")
        if tot["stats"].get("network_fallback"):
            feedback.pushWarning("The compiled solver's result failed its optimality check and was solved again "
                                 "with HiGHS (the plan below is HiGHS's optimum). Please report this. / "
                                 "高速ソルバーの結果が最適性の検証に失敗したため HiGHS で解き直しました（結果は "
                                 "HiGHS の最適解）。ご報告ください。")
        if not tot["stats"].get("certified", True):
            feedback.pushWarning("The capacity assignment stopped before its optimality check passed (round limit); "
                                 "the plan is feasible but may not be the shortest. / 最適性の確認前に打ち切りました。")
        assigned_pop = float(shel_t["assigned_population"].sum())
        unreached_pop = float(pop[zone_t["unreached"].to_numpy(bool)].sum())
        shortfall = float(tot["shortfall"])   # places missing: above capacity + unplaced within reach
        refuge = float(np.nansum(elig["refuge_capacity"]))
        n_elig = int(elig["eligible"].sum())
        feedback.pushInfo(
            f"{hazard}: {n_elig} of {len(shelters)} shelters eligible ({assignment}, {method} distance, EPSG:{epsg}); "
            f"{tot['evacuees']:,} evacuees, {tot['assigned']:,} placed, {tot['unassigned']:,} not placed "
            f"({tot['unreached']:,} beyond {max_d:,.0f} m); {tot['over_capacity_shelters']} shelters above capacity; "
            f"immediate-refuge capacity {refuge:,.0f}. / {hazard}: 対象避難所{n_elig}/{len(shelters)}、避難者"
            f"{tot['evacuees']:,}人、割当{tot['assigned']:,}人、未割当{tot['unassigned']:,}人、定員超過"
            f"{tot['over_capacity_shelters']}施設、一時避難収容{refuge:,.0f}人。")
        return {self.OUTPUT: dest, self.CATCHMENTS: dest_c, "POPULATION_ASSIGNED": assigned_pop,
                "POPULATION_UNREACHED": unreached_pop, "SHORTFALL_TOTAL": shortfall,
                "EVACUEES_TOTAL": tot["evacuees"], "EVACUEES_ASSIGNED": tot["assigned"],
                "EVACUEES_UNASSIGNED": tot["unassigned"], "EVACUEES_UNREACHED": tot["unreached"],
                "OVER_CAPACITY_SHELTERS": tot["over_capacity_shelters"], "REFUGE_CAPACITY": refuge,
                "SHELTERS_ELIGIBLE": n_elig}


def road_costs(roads, metric_crs, shelter_xy, zone_xy, eligible, feedback=None):
    """Zones x shelters road distance in metres (inf = unreachable): one Dijkstra per eligible shelter over a
    two-way graph of ``roads`` in the metric CRS, with the straight access legs to the tied points added."""
    from qgis.analysis import QgsGraphAnalyzer
    from qgis.core import QgsPointXY
    check_roads(roads, roads.name())
    ns, nz = len(shelter_xy), len(zone_xy)
    cost = np.full((nz, ns), np.inf)
    idx = np.nonzero(eligible)[0]
    if not len(idx):
        return cost
    pts = [QgsPointXY(float(x), float(y)) for x, y in np.vstack([shelter_xy[idx], zone_xy])]
    graph, tied = build_graph(roads, metric_crs, pts, 0.0, "NONE", feedback)
    tied_xy = np.array([[p.x(), p.y()] for p in tied], dtype=float).reshape(-1, 2)
    access = np.hypot(*(tied_xy - np.vstack([shelter_xy[idx], zone_xy])).T)
    vert = np.array([graph.findVertex(p) for p in tied], dtype=np.int64)
    if graph.vertexCount() == 0 or (vert < 0).all():
        raise SonaeInputError(f"Road layer '{roads.name()}' (ROADS) gives no network near the data. Check its CRS "
                              "and that it holds lines.",
                              f"道路レイヤ「{roads.name()}」（ROADS）から対象範囲の道路網を作れません。座標系と線データか確認してください。")
    zv = vert[len(idx):]
    for n, j in enumerate(idx):
        v0 = int(vert[n])
        if v0 < 0:
            continue
        tree, dist = QgsGraphAnalyzer.dijkstra(graph, v0, 0)
        tree = np.asarray(tree, dtype=np.int64)
        dist = np.asarray(dist, dtype=float)
        ok = (zv >= 0) & ((tree[np.maximum(zv, 0)] >= 0) | (zv == v0))
        cost[:, j] = np.where(ok, dist[np.maximum(zv, 0)] + access[n] + access[len(idx):], np.inf)
        if feedback is not None and feedback.isCanceled():
            from ..engine.errors import Cancelled
            raise Cancelled("cancelled by the user / ユーザーが中止しました")
    return cost
