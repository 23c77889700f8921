"""Hazard inputs as cities have them (issue 14, item 8), turned into one GDAL raster the engine reads.

- Any raster QGIS opens through GDAL: a file, a GeoPackage raster table (``GPKG:file.gpkg:table``), a remote
  COG (``/vsicurl/https://...``). Tile services (WMS/XYZ) show colours, not depths, and are refused.
- Depth or depth-rank polygons (KSJ A31 洪水浸水想定区域, A40 津波浸水想定) from any vector provider (file, PostGIS,
  memory): burnt into a temporary GeoTIFF at HAZARD_POLYGONS_CELL_M metres. Where polygons overlap, the highest
  value wins. Inside the layer's extent but outside every polygon the value is 0, exactly as in the rank rasters
  (rank 0 = no data; depth 0 m = dry); outside the extent there is no data.
"""
from __future__ import annotations

import math
import os

from qgis.core import Qgis
from qgis.core import (QgsProcessing, QgsProcessingParameterField, QgsProcessingParameterNumber,
                       QgsProcessingParameterVectorLayer, QgsProcessingUtils)

from ..engine.errors import SonaeInputError

HAZARD_POLYGONS = "HAZARD_POLYGONS"
HAZARD_POLYGONS_FIELD = "HAZARD_POLYGONS_FIELD"
HAZARD_POLYGONS_CELL_M = "HAZARD_POLYGONS_CELL_M"
MAX_CELLS = 400_000_000          # 1.6 GB of float32: beyond this the cell size must grow
METRES_PER_DEGREE = 111_320.0    # length of one degree of latitude (WGS84/GRS80 mean), for the cell size only


def add_polygon_hazard_parameters(alg) -> None:
    """The optional HAZARD_POLYGONS / _FIELD / _CELL_M parameters (the alternative to a hazard raster)."""
    alg.add(QgsProcessingParameterVectorLayer(HAZARD_POLYGONS, alg.tr("Hazard polygons / ハザードのポリゴン"),
                                              [Qgis.ProcessingSourceType.VectorPolygon], optional=True),
            "Instead of a raster: polygons with a depth (m) or depth-rank field, e.g. KSJ A31 (flood) or A40 "
            "(tsunami) from a file, PostGIS or memory layer. They are burnt into a temporary raster of "
            "HAZARD_POLYGONS_CELL_M; overlapping polygons take the highest value; outside every polygon the value "
            "is 0 (rank 0 = no data, depth 0 m = dry). / ラスタの代わりに、浸水深（m）または浸水深ランクの項目を持つ"
            "ポリゴン（国土数値情報 A31 洪水・A40 津波など、ファイル・PostGIS・メモリレイヤ）。指定のセルサイズで一時"
            "ラスタに変換します。重なりは大きい値、ポリゴン外は0（ランクでは「データなし」、浸水深では「浸水なし」）。")
    alg.add(QgsProcessingParameterField(HAZARD_POLYGONS_FIELD, alg.tr("Depth or rank field / 浸水深・ランクの項目"),
                                        parentLayerParameterName=HAZARD_POLYGONS, optional=True),
            "The field of HAZARD_POLYGONS holding the depth (m) or the rank code, as VALUE_KIND says (KSJ A31a: "
            "A31a_205 rank; A40: A40_003). Text such as '0.5m' or '２' is read with Sonae's number parser; what "
            "cannot be read is refused with its row. / HAZARD_POLYGONS の浸水深（m）またはランクの項目（VALUE_KIND "
            "に合わせる）。文字の数値も読み取り、読めない行は行番号付きで中止します。")
    alg.add(QgsProcessingParameterNumber(HAZARD_POLYGONS_CELL_M, alg.tr("Cell size for polygons (m) / ポリゴン変換のセル（m）"),
                                         Qgis.ProcessingNumberParameterType.Double, defaultValue=5.0, minValue=0.5,
                                         maxValue=1000.0),
            "Cell size in metres (0.5-1,000) of the temporary raster made from HAZARD_POLYGONS. Smaller is more "
            "exact at polygon edges and slower; 5 m matches the KSJ 1st-mesh rasters. / HAZARD_POLYGONS から作る"
            "一時ラスタのセルサイズ（m、0.5～1,000）。小さいほど境界が正確で時間がかかります。", advanced=True)


def hazard_raster_source(alg, parameters, context, feedback, raster_name: str = "HAZARD") -> str:
    """A GDAL-openable raster for the hazard: the raster parameter, or the polygons burnt into a temporary file.

    Exactly one of ``raster_name`` and HAZARD_POLYGONS must be given.
    """
    has_raster = parameters.get(raster_name) not in (None, "")
    polygons = alg.parameterAsVectorLayer(parameters, HAZARD_POLYGONS, context) \
        if parameters.get(HAZARD_POLYGONS) not in (None, "") else None
    if has_raster and polygons is not None:
        raise SonaeInputError(
            f"Give either a hazard raster ({raster_name}) or hazard polygons ({HAZARD_POLYGONS}), not both.",
            f"ハザードはラスタ（{raster_name}）かポリゴン（{HAZARD_POLYGONS}）のどちらか一方を指定してください。")
    if polygons is not None:
        return _burn_polygons(alg, parameters, context, feedback, polygons)
    if not has_raster:
        raise SonaeInputError(
            f"No hazard given: choose a hazard raster ({raster_name}) or hazard polygons ({HAZARD_POLYGONS} with "
            f"{HAZARD_POLYGONS_FIELD}).",
            f"ハザードが指定されていません。ハザードラスタ（{raster_name}）か、ハザードのポリゴン（{HAZARD_POLYGONS}"
            f"と{HAZARD_POLYGONS_FIELD}）を指定してください。")
    return raster_source(alg, parameters, raster_name, context)


def raster_source(alg, parameters, name, context) -> str:
    """The GDAL source of a raster parameter: a file, a GeoPackage raster table or a /vsi path."""
    layer = alg.parameterAsRasterLayer(parameters, name, context)
    if layer is None:
        raise SonaeInputError(f"Input '{name}': the raster could not be opened. Check the path or the layer.",
                              f"入力「{name}」: ラスタを開けません。パスまたはレイヤを確認してください。")
    if layer.providerType() != "gdal":
        raise SonaeInputError(
            f"Input '{name}' ({layer.name()}) is a {layer.providerType()} layer (a tile or map service): it shows "
            "colours, not depths. Use the depth or rank raster itself (GeoTIFF, GeoPackage raster, /vsicurl/ COG) "
            "or the hazard polygons.",
            f"入力「{name}」（{layer.name()}）は地図タイル・地図サービス（{layer.providerType()}）で、浸水深ではなく色を"
            "表示するものです。浸水深・ランクのラスタ（GeoTIFF、GeoPackageラスタ、/vsicurl/ のCOG）またはハザードの"
            "ポリゴンを指定してください。")
    return layer.source().split("|")[0]


def _cell_size(extent, crs, cell_m: float) -> tuple[float, float]:
    if crs.isGeographic():
        lat = math.radians(max(min(extent.center().y(), 89.0), -89.0))
        return cell_m / (METRES_PER_DEGREE * math.cos(lat)), cell_m / METRES_PER_DEGREE
    from qgis.core import Qgis, QgsUnitTypes
    factor = QgsUnitTypes.fromUnitToUnitFactor(crs.mapUnits(), Qgis.DistanceUnit.Meters)
    return cell_m / factor, cell_m / factor


def _burn_polygons(alg, parameters, context, feedback, layer) -> str:
    import numpy as np
    import rasterio
    from rasterio.features import rasterize
    from rasterio.transform import from_origin

    from ..engine.columns import numeric
    from .qgis_io import layer_to_frame

    field = alg.parameterAsString(parameters, HAZARD_POLYGONS_FIELD, context)
    name = layer.name() or HAZARD_POLYGONS
    if not field:
        raise SonaeInputError(
            f"Choose the depth or rank field of the hazard polygons {name} ({HAZARD_POLYGONS_FIELD}).",
            f"ハザードのポリゴン{name}の浸水深・ランクの項目（{HAZARD_POLYGONS_FIELD}）を選んでください。")
    if not layer.crs().isValid():
        raise SonaeInputError(
            f"Hazard polygons {name} have no coordinate reference system. Set the layer's CRS and run again.",
            f"ハザードのポリゴン{name}に座標参照系がありません。レイヤの座標参照系を設定して再実行してください。")
    frame = layer_to_frame(layer, attributes=[field])
    frame = frame[frame.geometry.notna() & ~frame.geometry.is_empty]
    if frame.empty:
        raise SonaeInputError(f"Hazard polygons {name} have no features with geometry.",
                              f"ハザードのポリゴン{name}にジオメトリのある地物がありません。")
    values = numeric(frame, field, name)
    keep = np.isfinite(values)
    if not keep.any():
        raise SonaeInputError(f"Field {field} of hazard polygons {name} has no value.",
                              f"ハザードのポリゴン{name}の項目{field}に値がありません。")
    geoms = frame.geometry.to_numpy()[keep]
    values = values[keep]
    invalid = ~np.array([g.is_valid for g in geoms])
    if invalid.any():
        import shapely
        geoms = np.where(invalid, shapely.make_valid(geoms), geoms)
        feedback.pushWarning(f"{int(invalid.sum())} invalid polygon(s) of {name} were repaired (make_valid). / "
                             f"{name}の不正なポリゴン{int(invalid.sum())}件を修復しました。")
    cell_m = alg.parameterAsDouble(parameters, HAZARD_POLYGONS_CELL_M, context)
    extent = layer.extent()
    dx, dy = _cell_size(extent, layer.crs(), cell_m)
    width = max(1, int(math.ceil(extent.width() / dx)))
    height = max(1, int(math.ceil(extent.height() / dy)))
    if width * height > MAX_CELLS:
        raise SonaeInputError(
            f"Hazard polygons {name} at {cell_m:g} m make a raster of {width:,} x {height:,} cells (over "
            f"{MAX_CELLS:,}). Increase {HAZARD_POLYGONS_CELL_M} or clip the polygons to the study area.",
            f"ハザードのポリゴン{name}を{cell_m:g}mで変換すると{width:,}×{height:,}セル（上限{MAX_CELLS:,}）になります。"
            f"{HAZARD_POLYGONS_CELL_M} を大きくするか、ポリゴンを対象範囲で切り出してください。")
    order = np.argsort(values, kind="stable")             # highest value burnt last: overlaps keep the maximum
    transform = from_origin(extent.xMinimum(), extent.yMaximum(), dx, dy)
    grid = rasterize(((geoms[i], float(values[i])) for i in order), out_shape=(height, width),
                     transform=transform, fill=0.0, dtype="float32")
    path = QgsProcessingUtils.generateTempFilename("sonae_hazard_polygons.tif", context)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    crs_wkt = layer.crs().toWkt()
    with rasterio.open(path, "w", driver="GTiff", width=width, height=height, count=1, dtype="float32",
                       crs=rasterio.crs.CRS.from_wkt(crs_wkt), transform=transform, nodata=-9999.0,
                       tiled=True, compress="deflate") as ds:
        ds.write(grid, 1)
    feedback.pushInfo(f"Hazard polygons {name} ({len(values):,} features, field {field}) burnt into a "
                      f"{width:,} x {height:,} raster of {cell_m:g} m. / ハザードのポリゴン{name}を{cell_m:g}mの"
                      "一時ラスタに変換しました。")
    return path
