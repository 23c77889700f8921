"""Facilities + energy assets -> the arrays of the energy model (QGIS-free; shared by the two algorithms).

Energy fields (per facility, empty = none): pv_kw, battery_kwh, battery_kw, battery_soc (monitored state of
charge 0-1), generator_kw, fuel_l, normal_kwh_year (normal-time annual electricity use, for the PV cap).
They come from the facilities layer itself or from an ENERGY_ASSETS table keyed by facility id (the table wins
for the fields it has).
"""
from __future__ import annotations

from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import pandas as pd

from ..errors import SonaeInputError
from ..progress import Progress, ensure
from .loads import critical_load_profiles
from .outage import Assets, assets_from_frame, check_soc
from .pv import annual_yield, profiles_for_points, pv_rules, read_hourly_csv

ENERGY_FIELDS = ("pv_kw", "battery_kwh", "battery_kw", "battery_soc", "generator_kw", "fuel_l", "normal_kwh_year")


def join_assets(facilities: pd.DataFrame, id_field: str, assets: pd.DataFrame | None, asset_id_field: str,
                facilities_name: str = "facilities", assets_name: str = "energy_assets",
                progress: Progress | None = None) -> pd.DataFrame:
    """The facilities with the energy fields of ``assets`` joined on id (a copy; inputs are not modified)."""
    progress = ensure(progress)
    if id_field not in facilities.columns:
        raise SonaeInputError(
            f"Layer '{facilities_name}' has no id field '{id_field}'. Choose the facility id field (ID_FIELD).",
            f"レイヤ「{facilities_name}」にID項目「{id_field}」がありません。施設IDの項目（ID_FIELD）を選んでください。")
    out = facilities.copy()
    if assets is None:
        return out
    if asset_id_field not in assets.columns:
        raise SonaeInputError(
            f"Table '{assets_name}' has no key field '{asset_id_field}'. It must hold the facility id "
            f"(the values of '{id_field}' in '{facilities_name}').",
            f"テーブル「{assets_name}」にキー項目「{asset_id_field}」がありません。施設ID（「{facilities_name}」の"
            f"「{id_field}」の値）を入れてください。")
    keys = assets[asset_id_field].astype(str)
    dup = keys[keys.duplicated()]
    if len(dup):
        raise SonaeInputError(
            f"Table '{assets_name}': facility id '{dup.iloc[0]}' appears more than once ({len(dup)} duplicates). "
            "Keep one row per facility (sum the equipment of a site into one row).",
            f"テーブル「{assets_name}」: 施設ID「{dup.iloc[0]}」が複数行あります（重複{len(dup)}件）。"
            "1施設1行にしてください（同じ施設の設備は1行に合算）。")
    cols = [c for c in ENERGY_FIELDS if c in assets.columns]
    if not cols:
        raise SonaeInputError(
            f"Table '{assets_name}' has none of the energy fields {', '.join(ENERGY_FIELDS)}.",
            f"テーブル「{assets_name}」にエネルギー項目（{', '.join(ENERGY_FIELDS)}）がありません。")
    table = pd.DataFrame({c: assets[c].to_numpy() for c in cols}, index=keys.to_numpy())
    fid = out[id_field].astype(str)
    missing = sorted(set(keys) - set(fid))
    if missing:
        progress.warn(f"{len(missing)} energy_assets rows match no facility (first: {missing[0]}). / "
                      f"施設に対応しない設備行が{len(missing)}件あります（最初: {missing[0]}）。")
    for c in cols:
        out[c] = table[c].reindex(fid.to_numpy()).to_numpy()
    return out


def lonlat(frame: gpd.GeoDataFrame, layer: str = "facilities") -> tuple[np.ndarray, np.ndarray]:
    if not isinstance(frame, gpd.GeoDataFrame) or frame.geometry is None:
        raise SonaeInputError(f"Layer '{layer}' has no geometry; the PV profile needs each facility's location.",
                              f"レイヤ「{layer}」に位置（ジオメトリ）がありません。太陽光の計算には施設の位置が必要です。")
    g = frame.geometry
    if frame.crs is not None and not frame.crs.is_geographic:
        g = g.to_crs(4326)
    pts = g.representative_point()
    return pts.y.to_numpy(dtype=float), pts.x.to_numpy(dtype=float)


@dataclass
class ModelInputs:
    ids: list
    load_kw: np.ndarray          # [F x 8760]
    pv_per_kwp: np.ndarray       # [F x 8760]
    assets: Assets
    monitored_soc: np.ndarray    # [F], NaN = not monitored
    annual_yield: float


def build_inputs(frame: pd.DataFrame, id_field: str, type_field: str | None, evacuees_field: str,
                 region: str | None = None, pv_csv: str | None = None, include_ac: bool = False,
                 layer: str = "facilities", progress: Progress | None = None) -> ModelInputs:
    progress = ensure(progress)
    ids = frame[id_field].astype(str).tolist()
    if evacuees_field not in frame.columns:
        raise SonaeInputError(
            f"Layer '{layer}' has no field '{evacuees_field}' (EVACUEES_FIELD). Choose the field with the number "
            "of evacuees per shelter (Sonae's shelters layer has 'evacuees').",
            f"レイヤ「{layer}」に項目「{evacuees_field}」（EVACUEES_FIELD）がありません。避難者数の項目を選んでください"
            "（Sonaeの避難所レイヤでは evacuees）。")
    types = frame[type_field].tolist() if type_field and type_field in frame.columns else [None] * len(frame)
    load = critical_load_profiles(types, frame[evacuees_field], include_ac, layer=layer,
                                  evacuees_field=evacuees_field, ids=ids)
    assets = assets_from_frame(frame, layer, ids)
    soc = check_soc(frame["battery_soc"] if "battery_soc" in frame.columns else [np.nan] * len(frame),
                    layer, "battery_soc", ids)
    r = pv_rules()
    region = region or r["default_region"]
    if pv_csv:
        pv = np.broadcast_to(read_hourly_csv(pv_csv)[None, :], load.shape)
        yearly = float(pv[0].sum())
        if yearly <= 0:  # a dark profile (e.g. a test of the battery alone): the PV cap uses the region's yield
            yearly = annual_yield(region, r)
    else:
        lat, lon = lonlat(frame, layer)
        pv = profiles_for_points(lat, lon, region, r, progress)
        yearly = annual_yield(region, r)
    return ModelInputs(ids, load, pv, assets, soc, yearly)
