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
from .pv import PVProfiles, annual_yield, pv_rules, read_hourly_csv, weather_profiles
from .targets import role_targets, roles_for_energy

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
    pv: PVProfiles               # weather years x cells, facility -> cell
    assets: Assets
    monitored_soc: np.ndarray    # [F], NaN = not monitored
    annual_yield: np.ndarray     # [F] kWh/kWp/yr (mean over the weather years)
    roles: np.ndarray            # [F] role id (engine/roles.py)
    target_h: np.ndarray         # [F] autonomy target (0 = none)
    counts_in_target: np.ndarray  # [F] bool: a "days" role, counted in the OUTAGE_HOURS figures

    @property
    def pv_per_kwp(self) -> np.ndarray:
        """[F x 8760] of the first weather year (for callers that need one year)."""
        return self.pv.cells[0][self.pv.index]


def build_inputs(frame: pd.DataFrame, id_field: str, type_field: str | None, evacuees_field: str,
                 region: str | None = None, pv_csv: str | None = None, include_ac: bool = False,
                 layer: str = "facilities", progress: Progress | None = None, weather_file: str | None = None,
                 years: int | None = None, seed: int | None = None, outage_hours: int = 72) -> ModelInputs:
    """Loads (by role and type), PV profiles (weather years) and equipment of every facility.

    ``region``: weather region id of rules/weather_normals_japan.json or ``auto``; ``weather_file``: a
    standard-year file instead; ``pv_csv``: a measured kW/kWp profile instead of both.
    """
    from . import energy_defaults
    progress = ensure(progress)
    ids = frame[id_field].astype(str).tolist()
    if evacuees_field not in frame.columns:
        raise SonaeInputError(
            f"Layer '{layer}' has no field '{evacuees_field}' (EVACUEES_FIELD). Choose the field with the number "
            "of evacuees per shelter (Sonae's shelters layer has 'evacuees').",
            f"レイヤ「{layer}」に項目「{evacuees_field}」（EVACUEES_FIELD）がありません。避難者数の項目を選んでください"
            "（Sonaeの避難所レイヤでは evacuees）。")
    types = frame[type_field].tolist() if type_field and type_field in frame.columns else [None] * len(frame)
    roles = roles_for_energy(frame, layer, progress)
    target, counted = role_targets(roles, outage_hours, float(energy_defaults()["days_role_min_target_h"]))
    load = critical_load_profiles(types, frame[evacuees_field], include_ac, layer=layer,
                                  evacuees_field=evacuees_field, ids=ids, roles=roles)
    assets = assets_from_frame(frame, layer, ids)
    soc = check_soc(frame["battery_soc"] if "battery_soc" in frame.columns else [np.nan] * len(frame),
                    layer, "battery_soc", ids)
    r = pv_rules()
    if pv_csv:
        prof = read_hourly_csv(pv_csv)
        pv = PVProfiles(prof[None, None, :], np.zeros(len(frame), dtype=int), f"csv:{pv_csv}", ["csv"])
        yearly = float(prof.sum())
        if yearly <= 0:  # a dark profile (e.g. a test of the battery alone): the PV cap uses the planning yield
            yearly = annual_yield(r["default_region"], r)
        yearly = np.full(len(frame), yearly)
    else:
        lat, lon = lonlat(frame, layer)
        pv = weather_profiles(lat, lon, region, years, seed, weather_file, r, progress)
        yearly = pv.annual_kwh_per_kwp()
    return ModelInputs(ids, load, pv, assets, soc, yearly, roles, target, counted)
