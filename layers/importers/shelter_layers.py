"""Shelters from vector layers (memory, PostGIS, GeoPackage tables) as well as from files. QGIS-free.

The Processing adapter (processing_algorithms/import_shelters.py) turns each QGIS layer into a (Geo)DataFrame with
qgis_io.layer_to_frame; this module takes it from there:

- a layer in a published layout (GSI, Digital Agency, Takamatsu, Kumamoto, KSJ P20, a plain facility table) becomes
  a RawTable whose rows are the layer's features (``table_from_frame``) and goes through the same layout detection,
  validation and merging as a file;
- a layer in Sonae's canonical facilities layout (a previous import kept in PostGIS or a memory layer: id, name,
  emergency_site, designated_shelter ...) is checked and passed through (``canonical_facilities``): it is already
  one feature per place, with Sonae's ids.
Positions come from the geometry (reprojected to EPSG:6668; a polygon gives a point on its surface) unless the
layout has latitude/longitude columns.
"""
from __future__ import annotations

import datetime as _dt
import math

import geopandas as gpd
import numpy as np
import pandas as pd

from ...engine.errors import SonaeInputError
from ...engine.japan import in_japan
from ..schemas import FACILITIES, FACILITY_FIELD_NAMES
from .tables import LAT_COL, LON_COL, RawTable

CRS = "EPSG:6668"
CANONICAL_MARKERS = ("id", "name", "emergency_site", "designated_shelter")
_TRUE = {"true", "t", "1", "yes", "y", "○", "◯"}
_FALSE = {"false", "f", "0", "no", "n", "×"}


def is_canonical(columns) -> bool:
    """True for a layer in Sonae's own facilities layout (sonae:importshelters' output)."""
    return all(c in set(columns) for c in CANONICAL_MARKERS)


def _text(v) -> str:
    if v is None:
        return ""
    if isinstance(v, bool) or isinstance(v, np.bool_):
        return "1" if v else "0"
    if isinstance(v, (float, np.floating)):
        if math.isnan(v):
            return ""
        return str(int(v)) if float(v).is_integer() else repr(float(v))
    if isinstance(v, (_dt.date, _dt.datetime)):
        return v.isoformat()
    if v is pd.NA or v is pd.NaT:
        return ""
    return str(v)


def _positions(frame, name: str) -> tuple[list, list]:
    """(lon, lat) texts in EPSG:6668 from the geometry ("" where there is none)."""
    n = len(frame)
    if not isinstance(frame, gpd.GeoDataFrame) or frame.geometry is None or frame.crs is None:
        if isinstance(frame, gpd.GeoDataFrame) and frame.crs is None and frame.geometry.notna().any():
            raise SonaeInputError(
                f"Layer '{name}' has geometries but no coordinate reference system. Set the layer's CRS "
                "(Layer Properties > Source) and run again.",
                f"レイヤ「{name}」にジオメトリはありますが座標系が設定されていません。レイヤのプロパティ＞ソースで座標系を"
                "設定してから実行してください。")
        return [""] * n, [""] * n
    geoms = frame.geometry.to_crs(CRS)
    points = geoms.where(geoms.geom_type.isin(["Point"]) | geoms.isna(), geoms.representative_point())
    lons = [repr(float(g.x)) if g is not None and not g.is_empty else "" for g in points]
    lats = [repr(float(g.y)) if g is not None and not g.is_empty else "" for g in points]
    return lons, lats


def table_from_frame(frame: pd.DataFrame, name: str) -> RawTable:
    """A layer's features as a RawTable (every attribute as text, the position in __lon/__lat)."""
    if not len(frame):
        raise SonaeInputError(f"Layer '{name}' has no features. Choose a layer with shelters.",
                              f"レイヤ「{name}」に地物がありません。避難所の地物を含むレイヤを選んでください。")
    geom = frame.geometry.name if isinstance(frame, gpd.GeoDataFrame) else None
    cols = [c for c in frame.columns if c != geom]
    text = pd.DataFrame({str(c).strip(): [_text(v) for v in frame[c].tolist()] for c in cols}, index=range(len(frame)))
    lons, lats = _positions(frame, name)
    text[LON_COL] = lons
    text[LAT_COL] = lats
    return RawTable(name, text, "layer", first_data_line=1, kind="layer")


def _bool_column(values: pd.Series, field: str, name: str) -> pd.Series:
    out = []
    for i, v in enumerate(values.tolist()):
        t = _text(v).strip().lower()
        if t == "":
            out.append(pd.NA)                  # unknown stays unknown (NULL), never "no"
        elif t in _TRUE:
            out.append(True)
        elif t in _FALSE:
            out.append(False)
        else:
            raise SonaeInputError(
                f"Layer '{name}', feature {i + 1}, field {field}: '{v}' is not a yes/no value. Write true or false "
                "(or 1 / 0), or leave it empty when it is not known.",
                f"レイヤ「{name}」{i + 1}番目の地物、項目 {field}: 「{v}」は真偽値ではありません。true または false"
                "（1 / 0）を入力するか、不明なら空欄にしてください。")
    return pd.Series(out, index=values.index, dtype="boolean")


def _number_column(values: pd.Series, field: str, name: str, integer: bool) -> pd.Series:
    from ...engine.parsing import NumberError, parse_number
    out = []
    for i, v in enumerate(values.tolist()):
        t = _text(v).strip()
        if t == "":
            out.append(np.nan)
            continue
        try:
            out.append(float(parse_number(t)))
        except (NumberError, ValueError, TypeError):
            raise SonaeInputError(
                f"Layer '{name}', feature {i + 1}, field {field}: '{v}' is not a number. Write the number "
                "(e.g. 120), or leave it empty when it is not known.",
                f"レイヤ「{name}」{i + 1}番目の地物、項目 {field}: 「{v}」は数値ではありません。数値（例 120）を入力するか、"
                "不明なら空欄にしてください。") from None
    series = pd.Series(out, index=values.index, dtype=float)
    return series.round().astype("Int64") if integer else series


def canonical_facilities(frame: pd.DataFrame, name: str) -> gpd.GeoDataFrame:
    """A layer in Sonae's facilities layout, checked: positions in Japan, ids present and unique, typed fields."""
    if not len(frame):
        raise SonaeInputError(f"Layer '{name}' has no features. Choose a layer with shelters.",
                              f"レイヤ「{name}」に地物がありません。避難所の地物を含むレイヤを選んでください。")
    lons, lats = _positions(frame, name)
    lon = pd.to_numeric(pd.Series(lons), errors="coerce").to_numpy()
    lat = pd.to_numeric(pd.Series(lats), errors="coerce").to_numpy()
    bad = np.flatnonzero(~in_japan(lon, lat))
    if len(bad):
        i = int(bad[0])
        raise SonaeInputError(
            f"Layer '{name}', feature {i + 1} ({_text(frame['name'].iloc[i])}): no position in Japan "
            f"({'no geometry' if not lons[i] else lons[i] + ', ' + lats[i]}); {len(bad)} feature(s) in all. Fix the "
            "geometry or the layer's CRS.",
            f"レイヤ「{name}」{i + 1}番目の地物（{_text(frame['name'].iloc[i])}）: 日本国内の位置がありません"
            f"（{'ジオメトリなし' if not lons[i] else lons[i] + ', ' + lats[i]}）。該当は計{len(bad)}件です。"
            "ジオメトリまたはレイヤの座標系を直してください。")
    ids = frame["id"].map(_text).str.strip()
    empty = np.flatnonzero(ids.to_numpy() == "")
    if len(empty):
        i = int(empty[0])
        raise SonaeInputError(f"Layer '{name}', feature {i + 1}: the id field is empty. Every facility needs an id.",
                              f"レイヤ「{name}」{i + 1}番目の地物: 項目 id が空です。すべての施設にIDが必要です。")
    dup = ids[ids.duplicated(keep=False)]
    if len(dup):
        rows = [str(i + 1) for i in np.flatnonzero(ids.to_numpy() == dup.iloc[0])]
        raise SonaeInputError(
            f"Layer '{name}': id {dup.iloc[0]} is used by features {', '.join(rows)}. Ids must be unique.",
            f"レイヤ「{name}」: ID {dup.iloc[0]} が {', '.join(rows)}番目の地物で重複しています。IDは一意にしてください。")
    out = pd.DataFrame(index=frame.index)
    for f in FACILITIES:
        if f.name not in frame.columns:
            out[f.name] = (pd.Series(pd.NA, index=frame.index, dtype="boolean") if f.kind == "bool" else
                           pd.Series(pd.NA, index=frame.index, dtype="Int64") if f.kind == "int" else
                           np.nan if f.kind == "float" else "")
            continue
        values = frame[f.name]
        if f.kind == "bool":
            out[f.name] = _bool_column(values, f.name, name)
        elif f.kind in ("int", "float"):
            out[f.name] = _number_column(values, f.name, name, f.kind == "int")
        else:
            out[f.name] = values.map(_text)
    out["id"] = ids
    out["source_file"] = out["source_file"].where(out["source_file"] != "", name)
    if "capacity_persons" in out:
        out["capacity_persons"] = out["capacity_persons"].astype("Int64")
    geometry = gpd.points_from_xy(lon, lat, crs=CRS)
    return gpd.GeoDataFrame(out[FACILITY_FIELD_NAMES].reset_index(drop=True), geometry=geometry, crs=CRS)


def combine(imported: gpd.GeoDataFrame | None, canonical: list) -> gpd.GeoDataFrame:
    """Files/layout layers' facilities plus canonical layers; the same id twice is refused."""
    parts = ([imported] if imported is not None else []) + [g for _n, g in canonical]
    seen = {}
    names = (["files" ] if imported is not None else []) + [n for n, _g in canonical]
    for label, part in zip(names, parts):
        for fid in part["id"]:
            if fid in seen and seen[fid] != label:
                raise SonaeInputError(
                    f"Facility id {fid} is in both '{seen[fid]}' and '{label}': the same shelters would be imported "
                    "twice. Give only one of them.",
                    f"施設ID {fid} が「{seen[fid]}」と「{label}」の両方にあります。避難所が二重になるため、どちらか一方だけを"
                    "指定してください。")
            seen.setdefault(fid, label)
    out = pd.concat(parts, ignore_index=True)
    return gpd.GeoDataFrame(out, geometry="geometry", crs=CRS)
