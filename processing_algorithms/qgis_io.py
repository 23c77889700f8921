"""Adapters between QGIS layers/sinks and the engine's (Geo)DataFrames.

Reading: file-backed OGR layers without a filter are read with pyogrio (fast); anything else is iterated
through the QGIS feature source. Writing: every value is computed before the sink is opened, and a failed write
removes the half-written file, so no output is ever left half-done.
"""
from __future__ import annotations

import os

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from qgis.core import Qgis
from qgis.core import (QgsCoordinateReferenceSystem, QgsFeature, QgsFeatureRequest, QgsFeatureSink, QgsField,
                       QgsFields, QgsGeometry, QgsProcessingContext, QgsProviderRegistry,
                       QgsVectorLayer, QgsWkbTypes)
from qgis.PyQt.QtCore import QDate, QDateTime, QMetaType

from ..engine.errors import SonaeInputError

_QMETA = {"bool": QMetaType.Type.Bool, "int": QMetaType.Type.LongLong, "float": QMetaType.Type.Double,
          "str": QMetaType.Type.QString, "date": QMetaType.Type.QDate, "datetime": QMetaType.Type.QDateTime}


def crs_of(gdf: gpd.GeoDataFrame) -> QgsCoordinateReferenceSystem:
    if gdf.crs is None:
        return QgsCoordinateReferenceSystem()
    epsg = gdf.crs.to_epsg()
    if epsg:
        return QgsCoordinateReferenceSystem(f"EPSG:{epsg}")
    return QgsCoordinateReferenceSystem.fromWkt(gdf.crs.to_wkt())


def _kind(series: pd.Series) -> str:
    dtype = series.dtype
    if pd.api.types.is_bool_dtype(dtype):
        return "bool"
    if pd.api.types.is_integer_dtype(dtype):
        return "int"
    if pd.api.types.is_float_dtype(dtype):
        return "float"
    if pd.api.types.is_datetime64_any_dtype(dtype):
        return "datetime"
    inferred = pd.api.types.infer_dtype(series, skipna=True)
    return {"boolean": "bool", "date": "date", "datetime": "datetime", "integer": "int",
            "floating": "float", "mixed-integer-float": "float"}.get(inferred, "str")


def qgs_fields(frame: pd.DataFrame, kinds: dict | None = None) -> tuple[QgsFields, list]:
    fields = QgsFields()
    names = [c for c in frame.columns if c != getattr(frame, "_geometry_column_name", None)]
    resolved = []
    for name in names:
        kind = (kinds or {}).get(name) or _kind(frame[name])
        fields.append(QgsField(name, _QMETA[kind]))
        resolved.append(kind)
    return fields, list(zip(names, resolved))


def _py_value(value, kind):
    if value is None or value is pd.NA or (isinstance(value, float) and np.isnan(value)) or value is pd.NaT:
        return None
    if kind == "date":
        return QDate(value.year, value.month, value.day)
    if kind == "datetime":
        return QDateTime(pd.Timestamp(value).to_pydatetime())
    return value


def _column_values(series: pd.Series, kind: str) -> list:
    """One column as a list of Python values (None for missing), converted with vectorised numpy."""
    missing = series.isna().to_numpy()
    if kind == "float":
        values = pd.to_numeric(series, errors="coerce").to_numpy(dtype=float).astype(object)
    elif kind == "int":
        values = pd.to_numeric(series, errors="coerce").fillna(0).to_numpy().astype("int64").astype(object)
    elif kind == "bool":
        values = series.where(~missing, False).astype(bool).to_numpy().astype(object)
    elif kind == "str":
        values = series.astype(str).to_numpy(dtype=object)
    else:
        return [_py_value(v, kind) for v in series.tolist()]
    values[missing] = None
    return values.tolist()


def _columns_as_lists(frame, names_kinds):
    return [_column_values(frame[name], kind) for name, kind in names_kinds]


def write_frame(alg, parameters, name, context: QgsProcessingContext, frame: pd.DataFrame, feedback=None,
                kinds: dict | None = None, style: str | None = None):
    """Write a (Geo)DataFrame to the algorithm's feature sink ``name``. Returns the destination id.

    A plain DataFrame is written as a table (no geometry). Values are converted before the sink opens. File
    outputs are staged (destinations.py): written beside the destination and moved into place when the whole
    algorithm has succeeded; a failed write removes the staged output and leaves any previous output intact.
    Text cells of CSV/XLSX outputs that a spreadsheet would run as formulas get a leading apostrophe.
    """
    from . import destinations
    is_geo = isinstance(frame, gpd.GeoDataFrame)
    fields, names_kinds = qgs_fields(frame, kinds)
    n = len(frame)
    geoms = frame.geometry.values if is_geo else None
    if is_geo:
        types = set(shapely.get_type_id(geoms[~shapely.is_missing(geoms)]).tolist()) if n else {0}
        wkb_type = _wkb_type(types)
        crs = crs_of(frame)
    else:
        wkb_type, crs = Qgis.WkbType.NoGeometry, QgsCoordinateReferenceSystem()
    sink_params, stage, target = destinations.stage_sink(alg, parameters, name, context)
    try:
        sink, staged_id = alg.parameterAsSink(sink_params, name, context, fields, wkb_type, crs)
        if sink is None:
            raise SonaeInputError(f"Could not create the output '{name}' ({target.describe()}). Check the path and "
                                  "that it is writable.",
                                  f"出力「{name}」（{target.describe()}）を作成できません。パスと書き込み権限を"
                                  "確認してください。")
        dest_id = staged_id
        if stage is not None:
            stage.staged_id = staged_id
            dest_id = stage.final_id = destinations.final_id(stage, staged_id)
            destinations.rekey_layer_details(context, staged_id, dest_id)
        gpkg = _gpkg_table(staged_id)
        reserved = {c.lower() for c, _k in names_kinds} & {"fid", "geom", "geometry"}
        odd = gpkg is not None and any('"' in x for x in [gpkg[1]] + [c for c, _k in names_kinds])
        if gpkg is not None and n > 0 and not reserved and not odd:
            del sink                    # closes the (empty) table QGIS created; rows go in with one executemany
            sink = None
            from .gpkg_bulk import bulk_insert, sqlite_values
            sql_columns = [sqlite_values(frame[name], kind,
                                         lambda s, k: _sqlite_column(_column_values(s, k), k))
                           for name, kind in names_kinds]
            if feedback is not None and feedback.isCanceled():
                raise SonaeInputError("Cancelled before writing the output; nothing was kept.",
                                      "出力の書き込み前に中止しました。出力は残していません。")
            bulk_insert(gpkg[0], gpkg[1], [nk[0] for nk in names_kinds], None, geoms, n=n, values=sql_columns)
        else:
            columns = _columns_as_lists(frame, names_kinds)
            if destinations.is_spreadsheet(target):     # CSV/XLSX: text a spreadsheet would run as a formula
                columns = [[destinations.spreadsheet_safe(v) for v in col] if kind == "str" else col
                           for col, (_name, kind) in zip(columns, names_kinds)]
            rows = list(zip(*columns)) if columns else [()] * n
            _add_features(sink, rows, shapely.to_wkb(geoms) if is_geo else None, name, feedback)
        del sink
    except BaseException:
        sink = None
        if stage is not None:
            stage.rollback()
        raise
    if stage is not None and not getattr(alg, "_sonae_in_run", False):
        stage.commit()                  # called outside SonaeAlgorithm.processAlgorithm: nothing to wait for
    if style:
        attach_style(alg, context, dest_id, style)
    return dest_id


def _add_features(sink, rows, wkbs, name, feedback):
    n = len(rows)
    chunk = 20000
    for start in range(0, n, chunk):
        batch = []
        for i in range(start, min(n, start + chunk)):
            f = QgsFeature()
            f.setAttributes(list(rows[i]))
            if wkbs is not None and wkbs[i] is not None:
                g = QgsGeometry()
                g.fromWkb(wkbs[i])
                f.setGeometry(g)
            batch.append(f)
        if not sink.addFeatures(batch, QgsFeatureSink.Flag.FastInsert):
            raise SonaeInputError(f"Writing features {start + 1}-{start + len(batch)} to '{name}' failed: "
                                  f"{sink.lastError()}",
                                  f"出力「{name}」の{start + 1}〜{start + len(batch)}番目の地物を書けませんでした: "
                                  f"{sink.lastError()}")
        if feedback is not None and feedback.isCanceled():
            raise SonaeInputError("Cancelled while writing the output; nothing was kept.",
                                  "出力の書き込み中に中止しました。出力は残していません。")


def _gpkg_table(dest_id):
    """(path, table) when the sink wrote a GeoPackage file table, else None."""
    if not isinstance(dest_id, str):
        return None
    parts = QgsProviderRegistry.instance().decodeUri("ogr", dest_id)
    path = parts.get("path") or ""
    if not path.lower().endswith(".gpkg") or not os.path.isfile(path):
        return None
    # Without an explicit layer name QGIS names the table after the file, up to its first dot.
    from .destinations import qgis_table_name
    table = parts.get("layerName") or qgis_table_name(path)
    return path, table


def _sqlite_column(values: list, kind: str) -> list:
    """A converted column in GeoPackage's SQLite encoding: booleans 0/1, dates and times as ISO text."""
    if kind == "bool":
        return [None if v is None else (1 if v else 0) for v in values]
    if kind == "date":
        return [None if v is None else v.toString("yyyy-MM-dd") for v in values]
    if kind == "datetime":
        return [None if v is None else v.toString("yyyy-MM-ddTHH:mm:ss.zzz") for v in values]
    return values


def _wkb_type(type_ids):
    t = {i for i in type_ids if i >= 0}
    if t <= {0}:
        return Qgis.WkbType.Point
    if t <= {1, 5}:
        return Qgis.WkbType.MultiLineString if 5 in t else Qgis.WkbType.LineString
    if t <= {3, 6}:
        return Qgis.WkbType.MultiPolygon if 6 in t else Qgis.WkbType.Polygon
    if t <= {0, 4}:
        return Qgis.WkbType.MultiPoint
    return Qgis.WkbType.Unknown


def attach_style(alg, context, dest_id, style_name):
    """Apply layers/styles/<style_name>.qml (and Japanese aliases) when the output is loaded."""
    from .styles import post_processor
    if context.willLoadLayerOnCompletion(dest_id):
        context.layerToLoadOnCompletionDetails(dest_id).setPostProcessor(post_processor(style_name))


# --- reading ------------------------------------------------------------------------------------------------

def layer_to_frame(layer: QgsVectorLayer, attributes: list | None = None, geometry: bool = True,
                   feedback=None) -> gpd.GeoDataFrame | pd.DataFrame:
    """A QgsVectorLayer as a GeoDataFrame in the layer's CRS (or a DataFrame when geometry=False).

    File-backed OGR layers without a subset filter go through pyogrio; others are iterated.
    """
    names = [f.name() for f in layer.fields()] if attributes is None else list(attributes)
    missing = [a for a in names if layer.fields().indexOf(a) < 0]
    if missing:
        raise SonaeInputError(
            f"Layer '{layer.name()}' has no field(s) {', '.join(missing)}. Choose the right field or run the "
            "Sonae import first.",
            f"レイヤ「{layer.name()}」に項目 {', '.join(missing)} がありません。正しい項目を選ぶか、先にSonaeの読み込みを"
            "実行してください。")
    # Unsaved edits live in QGIS's edit buffer, not in the file: those layers are read through QGIS.
    fast = (layer.providerType() == "ogr" and not layer.subsetString()
            and not (layer.isEditable() and layer.isModified()))
    if fast:
        parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
        path = parts.get("path")
        layer_name = parts.get("layerName") or None
        if path and os.path.isfile(path):
            try:
                import pyogrio
                frame = pyogrio.read_dataframe(path, layer=layer_name, columns=names, read_geometry=geometry,
                                               fid_as_index=False)
                if geometry and layer.crs().isValid():
                    frame = frame.set_crs(layer.crs().authid() or layer.crs().toWkt(), allow_override=True)
                return frame
            except Exception:  # fall back to the QGIS iterator for anything pyogrio cannot read
                pass
    request = QgsFeatureRequest()
    if not geometry:
        request.setFlags(QgsFeatureRequest.Flag.NoGeometry)
    request.setSubsetOfAttributes(names, layer.fields())
    iterator = layer.getFeatures(request)
    idx = [layer.fields().indexOf(a) for a in names]
    rows, wkbs = [], []
    for f in iterator:
        attrs = f.attributes()
        rows.append([_from_qvariant(attrs[i]) for i in idx])
        if geometry:
            g = f.geometry()
            wkbs.append(bytes(g.asWkb()) if not g.isNull() else None)
    frame = pd.DataFrame(rows, columns=names)
    if not geometry:
        return frame
    geoms = shapely.from_wkb(np.array(wkbs, dtype=object)) if wkbs else np.array([], dtype=object)
    crs = layer.crs().authid() or layer.crs().toWkt() or None
    return gpd.GeoDataFrame(frame, geometry=geoms, crs=crs)


def _from_qvariant(v):
    if v is None:
        return None
    if hasattr(v, "isNull") and v.isNull():
        return None
    if isinstance(v, QDate):
        return v.toPyDate()
    if isinstance(v, QDateTime):
        return v.toPyDateTime()
    return v


def read_source(alg, parameters, name, context, attributes=None, geometry=True, feedback=None):
    """The features of a FeatureSource/VectorLayer parameter as a (Geo)DataFrame, honouring 'selected only'.

    Raises a bilingual SonaeInputError when the layer is missing or empty.
    """
    from qgis.core import QgsProcessingFeatureSourceDefinition
    value = parameters.get(name)
    selected_only = isinstance(value, QgsProcessingFeatureSourceDefinition) and value.selectedFeaturesOnly
    # With "selected features only" QGIS hands over the selection (as its own layer or source): read it whole.
    layer = None if selected_only else alg.parameterAsVectorLayer(parameters, name, context)
    if layer is None:
        source = alg.parameterAsSource(parameters, name, context)
        if source is None:
            raise SonaeInputError(f"Input '{name}': the layer could not be opened. Check the path or data source.",
                                  f"入力「{name}」: レイヤを開けません。パスまたはデータソースを確認してください。")
        layer = source.materialize(QgsFeatureRequest()) if hasattr(source, "materialize") else None
        if layer is None:
            raise SonaeInputError(f"Input '{name}' is not a vector layer.", f"入力「{name}」はベクタレイヤではありません。")
    if layer.featureCount() == 0:
        raise SonaeInputError(f"Layer '{layer.name()}' ({name}) is empty. Choose a layer with features.",
                              f"レイヤ「{layer.name()}」（{name}）に地物がありません。地物のあるレイヤを選んでください。")
    return layer_to_frame(layer, attributes, geometry, feedback)
