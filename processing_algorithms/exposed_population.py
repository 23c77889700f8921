"""sonae:exposedpopulation — people per inundation depth class in every population zone."""
from __future__ import annotations

from ..plugin import dependencies
from .base import lazy, lazy_from
gpd = lazy("geopandas")
np = lazy("numpy")
from qgis.core import Qgis
from qgis.core import (QgsProcessing, QgsProcessingOutputNumber, QgsProcessingParameterEnum,
                       QgsProcessingParameterFeatureSink, QgsProcessingParameterFeatureSource,
                       QgsProcessingParameterField, QgsProcessingParameterRasterLayer)

from ..engine.errors import SonaeInputError
from .base import lazy_from
exposed_population, mesh_polygons, open_hazard_raster = lazy_from(__name__, "..engine.hazard", "exposed_population", "mesh_polygons", "open_hazard_raster")
from .base import SonaeAlgorithm, labelled_enum
from .hazard_source import add_polygon_hazard_parameters, hazard_raster_source
from .hazard_exposure import VALUE_LABELS, VALUE_OPTIONS, add_nodata_parameter, nodata_parameter
read_source, write_frame = lazy_from(__name__, ".qgis_io", "read_source", "write_frame")


class ExposedPopulation(SonaeAlgorithm):
    ALG_ID = "exposedpopulation"
    REQUIRES = dependencies.BASE_REQUIRES + ("rasterio",)
    GROUP = "hazard"
    DISPLAY_NAME = "Exposed population by depth class / 浸水深ランク別の曝露人口"
    SHORT_HELP = (
        "Counts the people of every population zone in each inundation depth class (rules/depth_classes.json). "
        "Zones may be polygons (mesh cells, districts: each zone's population is spread evenly over its area, and "
        "the area in each class comes from exact cell coverage fractions, exactextract), points (town points such "
        "as Takamatsu's: all people of a point take the class of its cell) or a table of JIS X 0410 mesh codes "
        "(cells rebuilt with jismesh). Area outside the raster or on NoData is reported as people_no_data, never "
        "as safe. people_exposed = rank 2 (0.5 m) or deeper.\n"
        "人口（メッシュ・地区ポリゴン、町丁の代表点、またはJIS X 0410メッシュコードの表）とハザードラスタから、区域ごと"
        "に浸水深ランク別の人口を求めます。ポリゴンは面積按分（exactextractの正確な被覆率）、点はその地点のランク。"
        "範囲外・NoDataは people_no_data（安全扱いしません）。")

    POPULATION = "POPULATION"
    POPULATION_FIELD = "POPULATION_FIELD"
    MESH_CODE_FIELD = "MESH_CODE_FIELD"
    ZONE_ID_FIELD = "ZONE_ID_FIELD"
    HAZARD = "HAZARD"
    VALUE_KIND = "VALUE_KIND"
    OUTPUT = "OUTPUT"

    def initParameters(self, config=None):
        self.add(QgsProcessingParameterFeatureSource(self.POPULATION, self.tr("Population / 人口"),
                                                     [Qgis.ProcessingSourceType.Vector]),
                 "Population zones: polygons (mesh cells, districts), points (town points) or a table with a JIS "
                 "X 0410 mesh code field. / 人口の区域（ポリゴン・点、またはメッシュコードの表）。")
        self.add(QgsProcessingParameterField(self.POPULATION_FIELD, self.tr("Population field / 人口の項目"),
                                             parentLayerParameterName=self.POPULATION,
                                             type=Qgis.ProcessingFieldParameterDataType.Numeric),
                 "Number of people in the zone (e.g. ptn_2020 of KSJ 500 m mesh, totalPopulation of Takamatsu). / "
                 "区域の人口の項目。")
        self.add(QgsProcessingParameterField(self.MESH_CODE_FIELD, self.tr("Mesh code field / メッシュコードの項目"),
                                             parentLayerParameterName=self.POPULATION, optional=True),
                 "Optional: a JIS X 0410 mesh code field (4-11 digits). When set, the zones are the mesh cells "
                 "rebuilt from the codes and the layer's own geometry is ignored. / 任意。地域メッシュコードの項目。"
                 "指定するとメッシュの区画を作り直して使います。")
        self.add(QgsProcessingParameterField(self.ZONE_ID_FIELD, self.tr("Zone id field / 区域IDの項目"),
                                             parentLayerParameterName=self.POPULATION, optional=True),
                 "Optional: a field naming the zone (town name, mesh id), copied to the output. / 任意。区域名・ID。")
        self.add(QgsProcessingParameterRasterLayer(self.HAZARD, self.tr("Hazard raster / ハザードラスタ"),
                                                   optional=True),
                 "One-band raster of inundation depth (m) or depth-rank codes, any CRS. / 浸水深またはランクのラスタ。")
        self.add(labelled_enum(QgsProcessingParameterEnum(self.VALUE_KIND, self.tr("Raster values / ラスタの値"),
                                                          options=list(VALUE_OPTIONS), defaultValue="rank",
                                                          usesStaticStrings=True), VALUE_LABELS),
                 "depth_m: depth in metres; rank: depth-rank codes 1-6 (other values are no data). / "
                 "depth_m＝浸水深（m）、rank＝浸水深ランクコード。")
        add_nodata_parameter(self)
        add_polygon_hazard_parameters(self)
        self.add(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Exposed population / 曝露人口"),
                                                   Qgis.ProcessingSourceType.VectorAnyGeometry),
                 "One feature per zone with population, people_rank_1..6, people_dry, people_no_data, "
                 "people_exposed, share_exposed. / 区域ごとのランク別人口。")
        self.addOutput(QgsProcessingOutputNumber("POPULATION_TOTAL", self.tr("Population / 人口")))
        self.addOutput(QgsProcessingOutputNumber("EXPOSED_TOTAL", self.tr("People at rank 2+ / ランク2以上の人口")))

    def compute(self, parameters, context, feedback, progress):
        from ..engine.rasters import check_depths, check_overlap   # lazy: loading the provider imports no scientific library
        kind = self.enum_value(parameters, self.VALUE_KIND, context)
        pop_field = self.parameterAsString(parameters, self.POPULATION_FIELD, context)
        mesh_field = self.parameterAsString(parameters, self.MESH_CODE_FIELD, context)
        id_field = self.parameterAsString(parameters, self.ZONE_ID_FIELD, context)
        info = open_hazard_raster(hazard_raster_source(self, parameters, context, feedback, self.HAZARD), self.HAZARD,
                                  nodata_parameter(self, parameters, context), feedback.pushWarning)
        source = self.parameterAsSource(parameters, self.POPULATION, context)
        name = source.sourceName() if source is not None else self.POPULATION
        fields = [f for f in dict.fromkeys([id_field, mesh_field, pop_field]) if f]
        if not pop_field:
            raise SonaeInputError(f"Choose the population field of {name} (POPULATION_FIELD).",
                                  f"{name}の人口の項目（POPULATION_FIELD）を選んでください。")
        if mesh_field:
            table = read_source(self, parameters, self.POPULATION, context, attributes=fields, geometry=False)
            cells = mesh_polygons(table[mesh_field])
            zones = gpd.GeoDataFrame(table.reset_index(drop=True), geometry=cells.geometry.values, crs=cells.crs)
        else:
            zones = read_source(self, parameters, self.POPULATION, context, attributes=fields)
            if zones.geometry.isna().all():
                raise SonaeInputError(f"Layer {name} has no geometry: set MESH_CODE_FIELD to a mesh code field.",
                                      f"レイヤ{name}にジオメトリがありません。MESH_CODE_FIELD にメッシュコードの項目を指定してください。")
        check_overlap(info.bounds, info.crs, zones, name, self.HAZARD, info.path)
        if kind == "depth_m":
            check_depths(info.path, info.nodata, self.HAZARD)
        table = exposed_population(zones, zones[pop_field], info, kind, progress.sub(0.0, 0.9), name)
        keep = [f for f in (id_field, mesh_field) if f]
        out = gpd.GeoDataFrame(zones[keep].reset_index(drop=True).join(table.reset_index(drop=True)),
                               geometry=zones.geometry.values, crs=zones.crs)
        kinds = {c: "float" for c in table.columns}
        if "rank" in table.columns:
            kinds["rank"] = "int"
        dest = write_frame(self, parameters, self.OUTPUT, context, out, feedback, kinds=kinds,
                           style="exposed_population" if "rank" in table.columns else "exposed_population_polygons")
        total = float(np.nansum(table["population"]))
        exposed = float(np.nansum(table["people_exposed"]))
        feedback.pushInfo(f"{len(out)} zones, {total:,.0f} people, {exposed:,.0f} at rank 2+ (0.5 m or deeper). / "
                          f"{len(out)}区域、人口{total:,.0f}人、うち浸水深0.5m以上{exposed:,.0f}人。")
        return {self.OUTPUT: dest, "POPULATION_TOTAL": total, "EXPOSED_TOTAL": exposed}
