"""sonae:hazardexposure — hazard value, depth class and designation conflict at every facility."""
from __future__ import annotations

import os

from ..plugin import dependencies
from .base import lazy, lazy_from
gpd = lazy("geopandas")
from qgis.core import Qgis
from qgis.core import (QgsProcessing, QgsProcessingOutputNumber, QgsProcessingParameterEnum,
                       QgsProcessingParameterFeatureSink, QgsProcessingParameterFeatureSource,
                       QgsProcessingParameterNumber, QgsProcessingParameterRasterLayer)

from ..engine.errors import SonaeInputError
HAZARD_TYPES, VALUE_KINDS, facility_exposure, open_hazard_raster = lazy_from(__name__, "..engine.hazard", "HAZARD_TYPES", "VALUE_KINDS", "facility_exposure", "open_hazard_raster")
from .base import SonaeAlgorithm, labelled_enum
from .hazard_source import add_polygon_hazard_parameters, hazard_raster_source
read_source, write_frame = lazy_from(__name__, ".qgis_io", "read_source", "write_frame")


def add_nodata_parameter(alg):
    """The optional NODATA parameter (advanced) of the algorithms that read a hazard raster."""
    from qgis.core import QgsProcessingParameterNumber
    alg.add(QgsProcessingParameterNumber("NODATA", alg.tr("Raster NoData value / ラスタのNoData値"),
                                         Qgis.ProcessingNumberParameterType.Double, optional=True),
            "The hazard raster's NoData value when the file has no NoData tag (e.g. -9999). Empty: the tag, or a "
            "common fill value (-9999, -3.4e38, -32768, 65535, ...) found in an untagged raster, with a warning. / "
            "ラスタにNoData値の設定がない場合のNoData値（例 -9999）。空欄ならファイルの設定、なければよくある埋め値を"
            "警告付きでNoDataとします。", advanced=True)


def nodata_parameter(alg, parameters, context):
    if parameters.get("NODATA") in (None, ""):
        return None
    return alg.parameterAsDouble(parameters, "NODATA", context)


def raster_path(alg, parameters, name, context) -> str:
    """The file behind a raster parameter (Sonae reads rasters with GDAL windows, so it needs a file)."""
    layer = alg.parameterAsRasterLayer(parameters, name, context)
    if layer is None:
        raise SonaeInputError(f"Input '{name}': the raster could not be opened. Check the path.",
                              f"入力「{name}」: ラスタを開けません。パスを確認してください。")
    path = layer.source().split("|")[0]
    if layer.providerType() != "gdal" or not os.path.exists(path):
        raise SonaeInputError(f"Input '{name}' ({layer.name()}) is not a file-based GDAL raster. Save it as a "
                              "GeoTIFF first (Export > Save As).",
                              f"入力「{name}」（{layer.name()}）はファイルのGDALラスタではありません。先にGeoTIFFとして保存してください。")
    return path


# Option order written here (saved models store the names; the order only matters for old index values).
# tests/test_enums.py checks these against engine.hazard.HAZARD_TYPES / VALUE_KINDS.
HAZARD_OPTIONS = ("flood", "tsunami", "storm_surge", "inland_flood", "landslide")
HAZARD_LABELS = {"flood": "Flood / 洪水", "tsunami": "Tsunami / 津波", "storm_surge": "Storm surge / 高潮",
                 "inland_flood": "Inland flooding / 内水氾濫", "landslide": "Landslide / 崖崩れ・土石流・地滑り"}
VALUE_OPTIONS = ("depth_m", "rank")
VALUE_LABELS = {"depth_m": "Depth in metres / 浸水深（m）", "rank": "Depth-rank codes 1-6 / 浸水深ランク（1～6）"}


def schema_kinds(frame) -> dict:
    """Field kinds of the canonical facilities schema (booleans read back as 1.0/0.0 are written as booleans)."""
    from ..layers.schemas import FACILITIES
    kinds = {f.name: f.kind for f in FACILITIES if f.name in frame.columns and f.kind in ("bool", "int")}
    for c in frame.columns:  # hazard fields of earlier runs (other hazard types)
        for h in HAZARD_OPTIONS:
            if c == f"{h}_conflict":
                kinds[c] = "bool"
            elif c == f"{h}_rank":
                kinds[c] = "int"
    return kinds


class HazardExposure(SonaeAlgorithm):
    ALG_ID = "hazardexposure"
    REQUIRES = dependencies.BASE_REQUIRES + ("rasterio",)
    GROUP = "hazard"
    DISPLAY_NAME = "Hazard exposure of facilities / 施設のハザード曝露"
    SHORT_HELP = (
        "Samples a hazard raster (inundation depth in metres, or depth-rank codes 1-6 as in KSJ A31 and the "
        "hazard-map portal) at every facility and adds <type>_value (the cell under the point), <type>_max (the "
        "highest cell whose centre lies within RADIUS_M), <type>_rank (depth class, rules/depth_classes.json, "
        "from <type>_max), <type>_conflict and <type>_basis. A conflict is a facility designated safe for the "
        "hazard (ok_<type>) at rank 2 or more (0.5 m+) whose data gives no way to stay above the water: no "
        "vertical-evacuation condition (△, conditional_hazards) and not enough floors ((floors - 1) x 3 m below "
        "the depth; rules/vertical_evacuation.json). Elevation above sea level is not used: depth is already "
        "measured from the ground. Outside the raster or on NoData the value is NULL and the conflict NULL: no data "
        "is never reported as safe. The raster may be in any CRS; it is read window by window.\n"
        "ハザードラスタ（浸水深m または浸水深ランク1～6）を各施設で読み取り、値・半径内最大値・浸水深ランク・指定との"
        "矛盾を追加します。矛盾＝その災害の避難場所に指定されているのに浸水深ランク2（0.5m）以上で、上階避難の条件（△）"
        "も十分な階数もない施設。標高は使いません（浸水深は地盤面からの深さのため）。範囲外・NoDataはNULL（安全とは"
        "みなしません）。")

    FACILITIES = "FACILITIES"
    HAZARD = "HAZARD"
    HAZARD_TYPE = "HAZARD_TYPE"
    VALUE_KIND = "VALUE_KIND"
    RADIUS_M = "RADIUS_M"
    OUTPUT = "OUTPUT"

    def initParameters(self, config=None):
        self.add(QgsProcessingParameterFeatureSource(self.FACILITIES, self.tr("Facilities / 施設"),
                                                     [Qgis.ProcessingSourceType.VectorAnyGeometry]),
                 "Facilities, normally the canonical layer from sonae:importshelters (ok_<type>, floors, "
                 "conditional_hazards are used when present). Polygons are sampled at a point on their surface. / "
                 "施設レイヤ（通常は sonae:importshelters の出力）。")
        self.add(QgsProcessingParameterRasterLayer(self.HAZARD, self.tr("Hazard raster / ハザードラスタ"),
                                                   optional=True),
                 "One-band raster of inundation depth (m) or depth-rank codes, any CRS, from any GDAL source QGIS opens "
                 "(GeoTIFF, GeoPackage raster, /vsicurl/ COG); NoData respected. Multi-band rasters are refused. "
                 "Leave empty when HAZARD_POLYGONS are given. / 浸水深（m）または浸水深ランクの1バンドのラスタ（座標系は"
                 "任意。GeoTIFF・GeoPackageラスタ・/vsicurl/ のCOGなど）。HAZARD_POLYGONS を使う場合は空欄。")
        self.add(labelled_enum(QgsProcessingParameterEnum(self.HAZARD_TYPE, self.tr("Hazard type / 災害種別"),
                                                          options=list(HAZARD_OPTIONS), defaultValue="flood",
                                                          usesStaticStrings=True), HAZARD_LABELS),
                 "Which hazard the raster shows; names the output fields (<type>_value ...) and the designation "
                 "flag checked (ok_<type>). / ラスタの災害種別。出力項目名と照合する指定フラグ（ok_<種別>）を決めます。")
        self.add(labelled_enum(QgsProcessingParameterEnum(self.VALUE_KIND, self.tr("Raster values / ラスタの値"),
                                                          options=list(VALUE_OPTIONS), defaultValue="rank",
                                                          usesStaticStrings=True), VALUE_LABELS),
                 "depth_m: depth in metres, classified with rules/depth_classes.json; rank: depth-rank codes 1-6 "
                 "(KSJ A31 / portal; other values are no data). / depth_m＝浸水深（m）、rank＝浸水深ランクコード。")
        self.add(QgsProcessingParameterNumber(self.RADIUS_M, self.tr("Footprint radius (m) / 敷地半径（m）"),
                                              Qgis.ProcessingNumberParameterType.Double, defaultValue=0.0, minValue=0.0),
                 "Also take the highest value of the cells whose centres lie within this many metres of the "
                 "facility (its site). 0 = the point only. / 施設から指定半径（m）内のセルの最大値も求めます。0＝地点のみ。")
        add_nodata_parameter(self)
        add_polygon_hazard_parameters(self)
        self.add(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Facilities with hazard / 施設（ハザード付き）"),
                                                   Qgis.ProcessingSourceType.VectorAnyGeometry),
                 "The facilities with the hazard fields added (the input layer is not changed). / "
                 "ハザード項目を追加した施設（入力は変更しません）。")
        self.addOutput(QgsProcessingOutputNumber("CONFLICT_COUNT", self.tr("Conflicts / 指定との矛盾")))
        self.addOutput(QgsProcessingOutputNumber("NO_DATA_COUNT", self.tr("Facilities without data / データなし")))

    def compute(self, parameters, context, feedback, progress):
        from ..engine.rasters import check_depths   # lazy: loading the provider imports no scientific library
        hazard = self.enum_value(parameters, self.HAZARD_TYPE, context)
        kind = self.enum_value(parameters, self.VALUE_KIND, context)
        radius = self.parameterAsDouble(parameters, self.RADIUS_M, context)
        info = open_hazard_raster(hazard_raster_source(self, parameters, context, feedback, self.HAZARD), self.HAZARD,
                                  nodata_parameter(self, parameters, context), feedback.pushWarning)
        if kind == "depth_m":
            check_depths(info.path, info.nodata, self.HAZARD)
        facilities = read_source(self, parameters, self.FACILITIES, context)
        layer_name = self.parameterAsSource(parameters, self.FACILITIES, context).sourceName() or self.FACILITIES
        cols, warnings = facility_exposure(facilities, info, hazard, kind, radius, progress.sub(0.0, 0.8),
                                           layer_name, self.HAZARD)
        if kind == "depth_m":               # negative cells the decimated check missed, at the facilities
            check_depths(info.path, info.nodata, self.HAZARD,
                         cols[[c for c in (f"{hazard}_value", f"{hazard}_max") if c in cols.columns]].to_numpy())
        for w in warnings:
            feedback.pushWarning(w)
        out = facilities.drop(columns=[c for c in cols.columns if c in facilities.columns])
        geom = out.geometry.name
        out = gpd.GeoDataFrame(
            out.drop(columns=[geom]).join(cols).assign(**{geom: out.geometry.values}),
            geometry=geom, crs=facilities.crs)
        kinds = schema_kinds(out)
        kinds.update({f"{hazard}_value": "float", f"{hazard}_max": "float", f"{hazard}_rank": "int",
                 f"{hazard}_conflict": "bool", f"{hazard}_basis": "str"})
        dest = write_frame(self, parameters, self.OUTPUT, context, out, feedback, kinds=kinds,
                           style=f"facilities_hazard_{hazard}")
        n_conf = int((cols[f"{hazard}_conflict"] == True).sum())  # noqa: E712 (object column)
        n_nodata = int(cols[f"{hazard}_value"].isna().sum())
        feedback.pushInfo(f"{len(out)} facilities: {n_conf} {hazard} conflicts, {n_nodata} without data. / "
                          f"{len(out)}施設: 矛盾{n_conf}件、データなし{n_nodata}件。")
        return {self.OUTPUT: dest, "CONFLICT_COUNT": n_conf, "NO_DATA_COUNT": n_nodata}
