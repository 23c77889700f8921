"""sonae:sheltercatchments — nearest safe shelter for every population zone, evacuees, capacity and shortfall."""
from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from qgis.core import (QgsCoordinateReferenceSystem, QgsProcessing, QgsProcessingOutputNumber,
                       QgsProcessingParameterEnum, QgsProcessingParameterFeatureSink,
                       QgsProcessingParameterFeatureSource, QgsProcessingParameterField,
                       QgsProcessingParameterNumber, QgsProcessingParameterVectorLayer)

from ..engine import demand
from ..engine.errors import SonaeInputError
from .base import SonaeAlgorithm
from .hazard_exposure import schema_kinds
from ..engine.columns import numeric
from .qgis_io import read_source, write_frame

_RULES = demand.evacuation_rules()
M2_CHOICES = [float(v) for v in _RULES["m2_per_person"]["choices"]]


def _points(frame: gpd.GeoDataFrame) -> np.ndarray:
    g = frame.geometry.values
    return np.where(shapely.get_type_id(g) == 0, g, shapely.point_on_surface(g))


class ShelterCatchments(SonaeAlgorithm):
    ALG_ID = "sheltercatchments"
    GROUP = "demand"
    DISPLAY_NAME = "Shelter catchments and shortfall / 避難所の受け持ち区域と不足"
    SHORT_HELP = (
        "Sends every population zone to its nearest eligible shelter and sums, per shelter, the people assigned, "
        "the expected evacuees (x EVACUATION_RATE), the capacity in persons (capacity_persons, else floor_area_m2 "
        "/ M2_PER_PERSON) and the shortfall. Eligible: designated_shelter or emergency_site true, and, when "
        "HAZARD_FIELD is set (e.g. flood_conflict from sonae:hazardexposure), that field not true. Distance is "
        "along ROADS when given (QGIS network analysis, one Dijkstra from all shelters at once; access legs to "
        "the network added) or in a straight line, in metres in JGD2011 / UTM. Defaults are cited in "
        "rules/evacuation.json.\n"
        "人口の各区域を最も近い利用可能な避難所に割り当て、避難所ごとに割当人口・避難者数（×避難率）・収容人数"
        "（収容人数、なければ床面積÷1人当たり面積）・不足人数を求めます。道路を指定すると道路距離（QGISネットワーク解析）、"
        "なければ直線距離（JGD2011/UTM、m）。")

    FACILITIES = "FACILITIES"
    POPULATION = "POPULATION"
    POPULATION_FIELD = "POPULATION_FIELD"
    ZONE_ID_FIELD = "ZONE_ID_FIELD"
    EVACUATION_RATE = "EVACUATION_RATE"
    M2_PER_PERSON = "M2_PER_PERSON"
    HAZARD_FIELD = "HAZARD_FIELD"
    ROADS = "ROADS"
    OUTPUT = "OUTPUT"
    CATCHMENTS = "CATCHMENTS"

    def initParameters(self, config=None):
        rate = _RULES["evacuation_rate"]
        self.add(QgsProcessingParameterFeatureSource(self.FACILITIES, self.tr("Facilities / 施設"),
                                                     [QgsProcessing.TypeVectorPoint]),
                 "Canonical facilities (sonae:importshelters, or sonae:hazardexposure's output to exclude "
                 "shelters in conflict). / 施設レイヤ（ハザード項目付きなら矛盾のある避難所を除外できます）。")
        self.add(QgsProcessingParameterFeatureSource(self.POPULATION, self.tr("Population / 人口"),
                                                     [QgsProcessing.TypeVectorPoint, QgsProcessing.TypeVectorPolygon]),
                 "Population zones as points or polygons (polygons are represented by a point on their surface). / "
                 "人口の区域（点またはポリゴン）。")
        self.add(QgsProcessingParameterField(self.POPULATION_FIELD, self.tr("Population field / 人口の項目"),
                                             parentLayerParameterName=self.POPULATION,
                                             type=QgsProcessingParameterField.Numeric),
                 "Number of people in each zone. / 区域の人口の項目。")
        self.add(QgsProcessingParameterField(self.ZONE_ID_FIELD, self.tr("Zone id field / 区域IDの項目"),
                                             parentLayerParameterName=self.POPULATION, optional=True),
                 "Optional: a field naming the zone, copied to the catchment output. / 任意。区域名・ID。")
        self.add(QgsProcessingParameterNumber(self.EVACUATION_RATE, self.tr("Evacuation rate / 避難所避難率"),
                                              QgsProcessingParameterNumber.Double,
                                              defaultValue=float(rate["default"]), minValue=0.0, maxValue=1.0),
                 "Share of the assigned residents expected to stay in the shelter. Default {default}: {source} / "
                 "割り当てた住民のうち避難所に滞在する割合。", default=rate["default"], source=rate["_source"])
        self.add(QgsProcessingParameterEnum(self.M2_PER_PERSON, self.tr("Space per evacuee / 1人当たり面積"),
                                            options=[_RULES["m2_per_person"]["labels"][str(v)] for v in M2_CHOICES],
                                            defaultValue=0),
                 "Floor space per evacuee used when a shelter has a floor area but no capacity: 3.5 m2 (Cabinet "
                 "Office, Dec 2024, Sphere), 2.0 or 1.65 m2 (older plans). / 収容人数がない場合に床面積から人数を"
                 "求める1人当たり面積（3.5㎡: 内閣府2024年12月、2.0・1.65㎡: 従来の計画）。")
        self.add(QgsProcessingParameterField(self.HAZARD_FIELD, self.tr("Hazard conflict field / ハザード矛盾の項目"),
                                             parentLayerParameterName=self.FACILITIES, optional=True),
                 "Optional: a boolean field of FACILITIES (e.g. flood_conflict); shelters where it is true receive "
                 "nobody. / 任意。真の避難所には割り当てません（例: flood_conflict）。")
        self.add(QgsProcessingParameterVectorLayer(self.ROADS, self.tr("Roads (optional) / 道路（任意）"),
                                                   [QgsProcessing.TypeVectorLine], optional=True),
                 "Optional road lines: distances along the network (both directions) instead of straight lines. / "
                 "任意。道路を指定すると道路沿いの距離を使います。")
        self.add(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Shelters / 避難所"),
                                                   QgsProcessing.TypeVectorPoint),
                 "Every shelter / emergency site with eligible, assigned_zones, assigned_population, evacuees, "
                 "capacity_calc, shortfall_persons, occupancy. / 避難所ごとの割当人口・避難者・収容人数・不足。")
        self.add(QgsProcessingParameterFeatureSink(self.CATCHMENTS, self.tr("Population catchment / 受け持ち区域"),
                                                   QgsProcessing.TypeVectorAnyGeometry),
                 "Every population zone with its shelter (shelter_id, shelter_name) and distance_m. / "
                 "区域ごとの割当避難所と距離。")
        self.addOutput(QgsProcessingOutputNumber("POPULATION_ASSIGNED", self.tr("People assigned / 割当人口")))
        self.addOutput(QgsProcessingOutputNumber("POPULATION_UNREACHED", self.tr("People not reached / 未到達人口")))
        self.addOutput(QgsProcessingOutputNumber("SHORTFALL_TOTAL", self.tr("Shortfall (persons) / 不足人数")))

    def compute(self, parameters, context, feedback, progress):
        pop_field = self.parameterAsString(parameters, self.POPULATION_FIELD, context)
        id_field = self.parameterAsString(parameters, self.ZONE_ID_FIELD, context)
        hazard_field = self.parameterAsString(parameters, self.HAZARD_FIELD, context) or None
        rate = self.parameterAsDouble(parameters, self.EVACUATION_RATE, context)
        m2 = M2_CHOICES[self.parameterAsEnum(parameters, self.M2_PER_PERSON, context)]
        roads = self.parameterAsVectorLayer(parameters, self.ROADS, context)
        fac_name = self.parameterAsSource(parameters, self.FACILITIES, context).sourceName()
        pop_name = self.parameterAsSource(parameters, self.POPULATION, context).sourceName()
        facilities = read_source(self, parameters, self.FACILITIES, context)
        zone_fields = [f for f in dict.fromkeys([id_field, pop_field]) if f]
        zones = read_source(self, parameters, self.POPULATION, context, attributes=zone_fields)
        zone_pop = numeric(zones, pop_field, pop_name, warn=progress.warn, missing_ok=False, id_field=id_field or None)   # '2,041人' read
        if (np.nan_to_num(zone_pop) < 0).any():
            raise SonaeInputError(f"Layer {pop_name}: field {pop_field} has negative values. Fix the population.",
                                  f"レイヤ{pop_name}: 項目{pop_field}に負の値があります。人口を修正してください。")
        is_shelter = demand.eligible_shelters(facilities, None, fac_name)
        eligible = demand.eligible_shelters(facilities, hazard_field, fac_name)
        if not is_shelter.any():
            raise SonaeInputError(f"Layer {fac_name} has no shelter (designated_shelter or emergency_site true).",
                                  f"レイヤ{fac_name}に避難所（指定避難所・指定緊急避難場所）がありません。")
        shelters = facilities[is_shelter].reset_index(drop=True)
        elig = eligible[is_shelter]
        # metric CRS from the data's longitude
        lonlat = gpd.GeoSeries(_points(shelters), crs=shelters.crs).to_crs("EPSG:6668")
        epsg = demand.metric_epsg(lonlat.x.to_numpy())
        s_pts = gpd.GeoSeries(_points(shelters), crs=shelters.crs).to_crs(epsg)
        z_pts = gpd.GeoSeries(_points(zones), crs=zones.crs).to_crs(epsg)
        s_xy = np.column_stack([s_pts.x, s_pts.y])
        z_xy = np.column_stack([z_pts.x, z_pts.y])
        cand = np.nonzero(elig)[0]
        progress.update(0.2)
        if not len(cand):
            feedback.pushWarning("No shelter is eligible (all excluded by HAZARD_FIELD): nobody is assigned. / "
                                 "利用可能な避難所がありません。")
            idx, dist = np.full(len(zones), -1), np.full(len(zones), np.nan)
            method = "none"
        elif roads is not None:
            from .network import network_nearest
            sub, dist = network_nearest(roads, QgsCoordinateReferenceSystem(f"EPSG:{epsg}"), s_xy[cand], z_xy,
                                        feedback)
            idx = np.where(sub >= 0, cand[np.maximum(sub, 0)], -1)
            method = "network"
        else:
            sub, dist = demand.nearest_straight(s_xy[cand], z_xy)
            idx = cand[sub]
            method = "straight"
        progress.update(0.7)
        nan = np.full(len(shelters), np.nan)
        cap = demand.capacity_persons(shelters["capacity_persons"] if "capacity_persons" in shelters else nan,
                                      shelters["floor_area_m2"] if "floor_area_m2" in shelters else nan, m2)
        table = demand.assign(zones[pop_field], idx, len(shelters), rate, cap)
        table.insert(0, "eligible", elig)
        out = shelters.drop(columns=[c for c in table.columns if c in shelters.columns])
        geom = out.geometry.name
        out = gpd.GeoDataFrame(out.drop(columns=[geom]).join(table).assign(**{geom: out.geometry.values}),
                               geometry=geom, crs=shelters.crs)
        sid = shelters["id"].astype(str).to_numpy() if "id" in shelters else np.arange(len(shelters)).astype(str)
        sname = shelters["name"].astype(str).to_numpy() if "name" in shelters else sid
        reached = idx >= 0
        catch = pd.DataFrame({
            "zone_id": zones[id_field].astype(str).to_numpy() if id_field else np.arange(len(zones)).astype(str),
            "population": np.nan_to_num(zone_pop, nan=0.0),
            "shelter_id": np.where(reached, sid[np.maximum(idx, 0)], None),
            "shelter_name": np.where(reached, sname[np.maximum(idx, 0)], None),
            "distance_m": np.where(reached, dist, np.nan),
            "method": method})
        catch = gpd.GeoDataFrame(catch, geometry=zones.geometry.values, crs=zones.crs)
        kinds = schema_kinds(out)
        kinds.update({"eligible": "bool", "assigned_zones": "int", "assigned_population": "float",
                      "evacuees": "float", "capacity_calc": "float", "shortfall_persons": "float",
                      "occupancy": "float"})
        dest = write_frame(self, parameters, self.OUTPUT, context, out, feedback, kinds=kinds, style="shelters")
        dest_c = write_frame(self, parameters, self.CATCHMENTS, context, catch, feedback,
                             kinds={"shelter_id": "str", "shelter_name": "str", "distance_m": "float",
                                    "zone_id": "str", "method": "str"}, style="population_catchment")
        assigned = float(table["assigned_population"].sum())
        unreached = float(catch.loc[~reached, "population"].sum())
        shortfall = float(np.nansum(table["shortfall_persons"]))
        feedback.pushInfo(f"{int(elig.sum())} of {len(shelters)} shelters receive people ({method} distance, "
                          f"EPSG:{epsg}); {assigned:,.0f} people assigned, {unreached:,.0f} not reached; "
                          f"shortfall {shortfall:,.0f} persons at {m2} m2/person. / 避難所{len(shelters)}のうち"
                          f"{int(elig.sum())}に割当。割当{assigned:,.0f}人、未到達{unreached:,.0f}人、不足{shortfall:,.0f}人。")
        return {self.OUTPUT: dest, self.CATCHMENTS: dest_c, "POPULATION_ASSIGNED": assigned,
                "POPULATION_UNREACHED": unreached, "SHORTFALL_TOTAL": shortfall}
