"""Small-area population (2015 census 町丁・字等, e-Stat boundary attributes) as one point per KEY_CODE.

The e-Stat boundary table has one row per boundary *piece*: a KEY_CODE split into pieces carries KIGO_E = E1, E2,
... and its people (JINKO) and households (SETAI) sit on one piece only (MANIFEST: Takamatsu 261 rows, 245
KEY_CODEs). Summing by KEY_CODE is therefore exact; the representative point (X_CODE, Y_CODE, JGD2000 lon/lat)
is that of the piece holding the people (else the largest piece). HCODE 8154 (水面調査区, water areas) is kept
with its population (0 in the four cities' tables) so totals always equal the source.

Optionally the city-planning basic survey by town (都市計画基礎調査, Takamatsu's 0085 tables: areaCode = KEY_CODE)
adds the residential floor area (住宅 + 共同住宅 total floor area, m²) and the number of houses per small area.
No polygons exist for these tables in the shared data; the points feed sonae:exposedpopulation and
sonae:sheltercatchments like any population points.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from ...engine.errors import SonaeInputError
from .tables import read_table

REQUIRED = ("KEY_CODE", "JINKO", "X_CODE", "Y_CODE")
CRS = "EPSG:4612"   # JGD2000 geographic (the tables' .prj)


def _num(frame: pd.DataFrame, col: str, path: str) -> np.ndarray:
    from ...engine.columns import numbers
    return np.nan_to_num(numbers(frame[col].replace("", None), col, path), nan=0.0)


def census_small_areas(path: str, buildings_use: str | None = None):
    """GeoDataFrame: key_code, name, population, households, area_m2, pieces (+ res_floor_area_m2, houses)."""
    import geopandas as gpd
    raw = read_table(path).frame
    missing = [c for c in REQUIRED if c not in raw.columns]
    if missing:
        raise SonaeInputError(
            f"{path}: column(s) {', '.join(missing)} missing. Expected the e-Stat 2015 small-area boundary "
            "attributes (KEY_CODE, JINKO, X_CODE, Y_CODE).",
            f"{path}: 列 {', '.join(missing)} がありません。e-Stat 2015年 小地域境界の属性表（KEY_CODE・JINKO・X_CODE・"
            "Y_CODE）を指定してください。")
    f = raw.copy()
    f["_jinko"] = _num(f, "JINKO", path)
    f["_setai"] = _num(f, "SETAI", path) if "SETAI" in f.columns else 0.0
    f["_area"] = _num(f, "AREA", path) if "AREA" in f.columns else 0.0
    f["_x"] = _num(f, "X_CODE", path)
    f["_y"] = _num(f, "Y_CODE", path)
    key = f["KEY_CODE"].astype(str).str.strip()
    if (key == "").any():
        row = int(np.nonzero((key == "").to_numpy())[0][0]) + 2
        raise SonaeInputError(f"{path}, line {row}: KEY_CODE is empty.", f"{path} の{row}行目: KEY_CODE が空です。")
    f["_key"] = key
    # the representative piece: most people, then largest area
    rep = f.sort_values(["_key", "_jinko", "_area"], ascending=[True, False, False]).drop_duplicates("_key")
    agg = f.groupby("_key").agg(population=("_jinko", "sum"), households=("_setai", "sum"),
                                area_m2=("_area", "sum"), pieces=("_jinko", "size"))
    rep = rep.set_index("_key").loc[agg.index]
    name = rep["MOJI"].astype(str) if "MOJI" in rep.columns else pd.Series("", index=rep.index)
    out = pd.DataFrame({"key_code": agg.index.to_numpy(), "name": name.to_numpy(),
                        "population": agg["population"].to_numpy(), "households": agg["households"].to_numpy(),
                        "area_m2": agg["area_m2"].to_numpy(), "pieces": agg["pieces"].to_numpy()})
    if buildings_use:
        b = read_table(buildings_use).frame
        for col in ("areaCode", "TotalFloorAreaOfTheHouse"):
            if col not in b.columns:
                raise SonaeInputError(f"{buildings_use}: column {col} missing (expected the 都市計画基礎調査 building "
                                      "use by town table).",
                                      f"{buildings_use}: 列 {col} がありません（都市計画基礎調査の建物用途別・町丁別の表を"
                                      "指定してください）。")
        house = _num(b, "TotalFloorAreaOfTheHouse", buildings_use)
        houses = _num(b, "NumberOf Houses", buildings_use) if "NumberOf Houses" in b.columns else np.zeros(len(b))
        by = pd.DataFrame({"key_code": b["areaCode"].astype(str).str.strip(), "res_floor_area_m2": house,
                           "houses": houses}).groupby("key_code").sum()
        out = out.join(by, on="key_code")
    return gpd.GeoDataFrame(out, geometry=gpd.points_from_xy(rep["_x"].to_numpy(), rep["_y"].to_numpy()), crs=CRS)
