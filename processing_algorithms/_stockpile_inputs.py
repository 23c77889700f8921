"""Shared readers of the stockpile algorithms: stock layers -> validated engine frames (thin adapter)."""
from __future__ import annotations

import datetime as dt

import geopandas as gpd
import numpy as np
import pandas as pd

from ..engine import stockpile as sp
from ..engine.dates import DateError, parse_date
from ..engine.errors import SonaeInputError
from .qgis_io import read_source


def layer_label(alg, parameters, name, context) -> str:
    layer = alg.parameterAsVectorLayer(parameters, name, context)
    return f"{layer.name()} ({name})" if layer is not None else name


def read_items(alg, parameters, name, context) -> pd.DataFrame:
    frame = read_source(alg, parameters, name, context, geometry=False)
    if "source_row" not in frame.columns:
        frame["source_row"] = [f"feature {i + 1}" for i in range(len(frame))]
    return sp.normalize_items(frame, layer_label(alg, parameters, name, context))


def read_sites(alg, parameters, name, context) -> gpd.GeoDataFrame:
    frame = read_source(alg, parameters, name, context, geometry=True)
    if "source_row" not in frame.columns:
        frame["source_row"] = [f"feature {i + 1}" for i in range(len(frame))]
    return sp.normalize_sites(frame, layer_label(alg, parameters, name, context))


def metric_crs(*frames: gpd.GeoDataFrame):
    """A local projected CRS in metres for straight-line distances (engine.metric: UTM zone of the data), never
    the input CRS itself (EPSG:3857 stretches distances by 1/cos(latitude))."""
    from ..engine.metric import local_metric_crs
    return local_metric_crs(*frames)


def xy(frame: gpd.GeoDataFrame, crs) -> tuple[np.ndarray, np.ndarray]:
    g = frame.geometry
    if frame.crs is None:
        raise SonaeInputError("A layer has no CRS. Set its coordinate reference system (e.g. EPSG:6668).",
                              "レイヤに座標参照系がありません。座標参照系（例: EPSG:6668）を設定してください。")
    g = g.to_crs(crs)
    pts = g.representative_point() if not (g.geom_type == "Point").all() else g
    return pts.x.to_numpy(float), pts.y.to_numpy(float)


def date_param(alg, parameters, name, context, default_today=True) -> dt.date:
    text = alg.parameterAsString(parameters, name, context).strip()
    if not text:
        return dt.date.today()
    try:
        return parse_date(text)
    except DateError as exc:
        raise SonaeInputError(f"Parameter {name}: {exc.en}. Write the date as 2026-03-31, 2026/3/31 or 令和8年3月31日.",
                              f"パラメータ {name}: {exc.ja}。2026-03-31、2026/3/31、令和8年3月31日 のように書いてください。") from None
