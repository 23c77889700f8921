"""Raster checks in one place: readable, NoData known (tagged, given, or a detected common fill value), overlap.

Every raster reader opens through :func:`open_checked` and :func:`effective_nodata` (engine.hazard's
``open_hazard_raster`` does). An untagged raster filled with -9999 would otherwise make flooded facilities "safe"
and count people as "dry": the common fill values of rules/raster_nodata.json are taken as NoData, with a
warning, when the raster has no NoData tag; the user may give the NoData value explicitly instead. A file that
GDAL cannot open or read (a text file named .tif, a truncated download) is refused with a bilingual message.
"""
from __future__ import annotations

import math
import os

import numpy as np

from .errors import SonaeInputError
from .rules import load_rules


def _rules() -> dict:
    return load_rules("raster_nodata.json")


def unreadable(path: str, name: str) -> SonaeInputError:
    base = os.path.basename(path)
    return SonaeInputError(
        f"Raster '{base}' ({name}) cannot be read as a raster: it is not a raster file or it is incomplete "
        "(e.g. a truncated download or a text/HTML page saved as .tif). Download or export it again and check "
        "that it opens in QGIS.",
        f"ラスタ「{base}」（{name}）をラスタとして読めません。ラスタ形式でないか、ファイルが途中で切れています"
        "（ダウンロードの中断、.tifとして保存されたテキストやHTMLなど）。再度ダウンロードまたは書き出しを行い、"
        "QGISで開けることを確認してください。")


def is_gdal_connection(path: str) -> bool:
    """A GDAL source that is not a plain file: /vsi paths (/vsicurl/ COGs, /vsizip/) and driver-prefixed
    connection strings such as ``GPKG:/data/hazard.gpkg:depth`` (a Windows drive letter is not a prefix)."""
    import re
    return str(path).startswith("/vsi") or re.match(r"^[A-Za-z][A-Za-z0-9_]+:", str(path)) is not None


def open_checked(path: str, name: str):
    """rasterio dataset of ``path``, or a bilingual refusal when GDAL cannot open it."""
    import rasterio
    from rasterio.errors import RasterioError
    if not os.path.exists(path) and not is_gdal_connection(path):
        raise SonaeInputError(f"Raster file '{path}' ({name}) does not exist. Check the path.",
                              f"ラスタファイル「{path}」（{name}）がありません。パスを確認してください。")
    try:
        return rasterio.open(path)
    except (RasterioError, OSError):
        raise unreadable(path, name) from None


def sample(ds, band: int = 1) -> np.ndarray:
    """A decimated read of the whole band (<= sample_max_pixels); reading it also proves every part is readable
    at that resolution (a truncated file fails here, not half-way through the analysis)."""
    from rasterio.enums import Resampling
    limit = int(_rules()["sample_max_pixels"])
    scale = max(1.0, math.sqrt(ds.width * ds.height / limit))
    shape = (max(1, int(ds.height / scale)), max(1, int(ds.width / scale)))
    return ds.read(band, out_shape=shape, resampling=Resampling.nearest, masked=False)


def detect_fill(values: np.ndarray, dtype: str) -> float | None:
    """The common fill value present at the extreme of ``values`` (a raster without a NoData tag), else None."""
    rules = _rules()
    v = np.asarray(values).ravel()
    if np.issubdtype(v.dtype, np.floating):
        v = v[np.isfinite(v)]
    if not v.size:
        return None
    lo, hi = v.min(), v.max()
    if np.issubdtype(v.dtype, np.floating) and lo <= float(rules["float32_min_threshold"]):
        return float(lo)
    for fill in rules["fills"]:
        if (fill < 0 and lo == fill) or (fill > 0 and hi == fill):
            return float(fill)
    if str(dtype) == "uint8" and hi == rules["uint8_fill"]:
        others = v[v != rules["uint8_fill"]]
        if others.size and others.max() < rules["uint8_fill_max_other"]:
            return float(rules["uint8_fill"])
    return None


_SAMPLES: dict = {}                      # (path, mtime, size) -> decimated band 1, for the value checks


def _key(path):
    """Cache key of a raster: the file's identity, or the connection string itself for a GDAL source that is not
    a plain file (``GPKG:file.gpkg:table`` keys on the GeoPackage file when it exists)."""
    file = path
    if not os.path.exists(file) and is_gdal_connection(path):
        parts = str(path).split(":")
        file = next((":".join(parts[1:i]) for i in range(len(parts), 1, -1)
                     if os.path.exists(":".join(parts[1:i]))), None)
        if file is None:
            return (str(path), None, None)
    st = os.stat(file)
    return (str(path), os.path.realpath(file), st.st_mtime_ns, st.st_size)


def effective_nodata(ds, path: str, name: str, nodata: float | None = None, warn=None) -> float | None:
    """NoData for band 1: the given value, else the tag, else a detected fill value (with a warning)."""
    from rasterio.errors import RasterioError
    try:
        values = sample(ds)
    except (RasterioError, OSError, ValueError):
        raise unreadable(path, name) from None
    _SAMPLES.clear()
    _SAMPLES[_key(path)] = values
    if nodata is not None and not (isinstance(nodata, float) and math.isnan(nodata)):
        return float(nodata)
    if ds.nodata is not None:
        return ds.nodata
    fill = detect_fill(values, ds.dtypes[0])
    if fill is not None and warn is not None:
        base = os.path.basename(path)
        warn(f"Raster '{base}' ({name}) has no NoData tag; its cells of {fill:g} are treated as NoData (a common fill "
             f"value). If {fill:g} is a real value, set NODATA to the raster's true NoData value. / ラスタ「{base}」"
             f"（{name}）にNoData値の設定がないため、値 {fill:g} のセルをNoData（欠測の埋め値）として扱いました。"
             f"{fill:g} が実際の値なら、NODATA に正しいNoData値を指定してください。")
    return fill


def check_overlap(bounds_raster: tuple, crs_raster, frame, layer_name: str, raster_name: str, path: str):
    """Refuse when no feature of ``frame`` (a GeoDataFrame) overlaps the raster's extent."""
    import shapely
    from pyproj import CRS
    geoms = frame.geometry
    geoms = geoms[~(geoms.isna() | geoms.is_empty)]
    if not len(geoms):
        return
    if frame.crs is not None:
        geoms = geoms.to_crs(CRS.from_wkt(crs_raster.to_wkt()))
    box = shapely.box(*bounds_raster)
    if not shapely.intersects(np.asarray(geoms.values), box).any():
        left, bottom, right, top = bounds_raster
        base = os.path.basename(path)
        raise SonaeInputError(
            f"None of the {len(frame)} features of {layer_name} overlaps the raster '{base}' ({raster_name}; extent "
            f"{left:.5f}, {bottom:.5f} - {right:.5f}, {top:.5f} in {crs_raster.to_string()}). Choose the raster that "
            "covers this area, or check the layer's CRS.",
            f"{layer_name}の{len(frame)}地物はいずれもラスタ「{base}」（{raster_name}）の範囲と重なりません。"
            "この地域を覆うラスタを選ぶか、レイヤの座標参照系を確認してください。")


def check_depths(path: str, nodata, name: str, values=None) -> None:
    """Refuse a depth raster (metres) with negative values that are not NoData.

    Sonae does not guess what a negative depth means (dry ground, a datum offset, an unmarked fill value): read
    as depths they would become "dry" (rank 0), a silent wrong answer. Checked on the decimated sample of the whole
    raster and, when given, on the sampled ``values`` (e.g. at the facilities).
    """
    sample_values = _SAMPLES.get(_key(path))
    if sample_values is None:
        import rasterio
        with rasterio.open(path) as ds:
            sample_values = sample(ds)
    found = []
    for v in (sample_values, values):
        if v is None:
            continue
        v = np.asarray(v, dtype=float).ravel()
        v = v[np.isfinite(v)]
        if nodata is not None and not (isinstance(nodata, float) and math.isnan(nodata)):
            v = v[v != float(nodata)]
        if (v < 0).any():
            found.append(v[v < 0])
    if found:
        neg = np.concatenate(found)
        base = os.path.basename(path)
        raise SonaeInputError(
            f"Depth raster '{base}' ({name}) has negative depths (down to {neg.min():g} m). Sonae does not guess what "
            "they mean: if they are fill values, give their value as NODATA; if they mean dry ground, set them to 0 "
            "first (Raster calculator: max(A, 0)); if the raster holds ranks, set VALUE_KIND to rank.",
            f"浸水深ラスタ「{base}」（{name}）に負の浸水深（最小 {neg.min():g} m）があります。意味を推測しません。"
            "埋め値であれば NODATA にその値を指定し、浸水なしを意味するなら先に0に置き換え（ラスタ計算機で max(A, 0)）、"
            "ランクのラスタなら VALUE_KIND をランクにしてください。")
