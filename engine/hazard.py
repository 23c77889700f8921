"""Hazard exposure of facilities and people (QGIS-free, vectorised).

- :func:`open_hazard_raster` checks a hazard raster (one band, a CRS) and describes it.
- :func:`sample_points` samples it at points (any CRS) by reading only the windows that hold points, chunk by
  chunk, never the whole raster at once: the value of the cell containing each point and the maximum over the
  cells whose centres lie within a radius in metres. NoData and points outside the raster give NaN (no data is
  never "safe").
- :func:`classify` turns depths in metres or rank codes into the depth classes of ``rules/depth_classes.json``.
- :func:`hazard_conflicts` flags facilities designated safe for a hazard while the map puts them at rank >= 2 and
  nothing in their data lets people stay above the water (``rules/vertical_evacuation.json``).
- :func:`exposed_population` counts people per depth class per zone (polygons through exactextract's exact
  coverage fractions, points by sampling, JIS X 0410 mesh codes through jismesh).

Cell convention (same as GDAL's ``gdallocationinfo``): a point belongs to the cell ``floor((x - x0) / dx)``,
``floor((y - y0) / dy)``; a point exactly on an edge between two cells belongs to the cell to its east/south.
"""
from __future__ import annotations

import math
import os
import tempfile
from dataclasses import dataclass

import numpy as np
import pandas as pd

from .errors import SonaeInputError
from .columns import numbers
from .progress import Progress, ensure

from .rules import load_rules as _load_rules  # noqa: E402
HAZARD_TYPES = ("flood", "tsunami", "storm_surge", "inland_flood", "landslide")
VALUE_KINDS = ("depth_m", "rank")
# GRS80 (JGD2011); used only to turn a radius in metres into cells on a geographic raster.
_A = 6378137.0
_E2 = 0.00669438002290


def load_rules(name: str) -> dict:
    return _load_rules(name)


def depth_classes() -> dict:
    return load_rules("depth_classes.json")


# --- raster description ---------------------------------------------------------------------------------------

@dataclass
class RasterInfo:
    path: str
    crs: object            # rasterio CRS
    transform: object      # affine.Affine
    width: int
    height: int
    nodata: float | None
    dtype: str
    block_shape: tuple
    bounds: tuple
    geographic: bool
    units_to_m: float

    @property
    def cell_area_units(self) -> float:
        return abs(self.transform.a * self.transform.e)


def open_hazard_raster(path: str, name: str = "HAZARD", nodata: float | None = None, warn=None) -> RasterInfo:
    """Describe a single-band hazard raster; refuse what Sonae cannot read honestly.

    Opening, readability and NoData (tag, ``nodata`` given, or a detected fill value with ``warn``) are checked
    by engine.rasters.
    """
    from . import rasters
    base = str(path).split("|")[0]
    ds = rasters.open_checked(base, name)
    with ds:
        if ds.count != 1:
            raise SonaeInputError(
                f"Hazard raster '{os.path.basename(base)}' ({name}) has {ds.count} bands; Sonae needs one band of "
                "depths (m) or depth-rank codes. Extract the depth band first (Raster > Extraction / "
                "gdal_translate -b N) or convert an RGB map to codes.",
                f"ハザードラスタ「{os.path.basename(base)}」（{name}）は{ds.count}バンドです。浸水深（m）または浸水深ランク"
                "コードの1バンドのラスタが必要です。先に該当バンドを抽出してください（gdal_translate -b N など）。")
        if ds.crs is None:
            raise SonaeInputError(
                f"Hazard raster '{os.path.basename(base)}' ({name}) has no coordinate reference system. Assign "
                "its CRS (Raster > Projections > Assign Projection) and run again.",
                f"ハザードラスタ「{os.path.basename(base)}」（{name}）に座標参照系がありません。座標参照系を設定して"
                "から再実行してください。")
        t = ds.transform
        if t.b != 0 or t.d != 0:
            raise SonaeInputError(
                f"Hazard raster '{os.path.basename(base)}' ({name}) is rotated; warp it to a north-up grid first "
                "(gdalwarp).",
                f"ハザードラスタ「{os.path.basename(base)}」（{name}）は回転しています。先に北向きの格子に変換して"
                "ください（gdalwarp）。")
        geographic = bool(ds.crs.is_geographic)
        units = 1.0
        if not geographic:
            try:
                units = float(ds.crs.linear_units_factor[1])
            except Exception:  # unknown units: assume metres
                units = 1.0
        fill = rasters.effective_nodata(ds, base, name, nodata, warn)
        return RasterInfo(base, ds.crs, t, ds.width, ds.height, fill, ds.dtypes[0],
                          tuple(ds.block_shapes[0]), tuple(ds.bounds), geographic, units)


def to_raster_crs(xs, ys, src_crs, info: RasterInfo):
    """Transform point coordinates from ``src_crs`` (anything pyproj reads) to the raster's CRS."""
    from pyproj import CRS, Transformer
    xs = np.asarray(xs, dtype=float)
    ys = np.asarray(ys, dtype=float)
    if src_crs is None:
        return xs, ys
    src = CRS.from_user_input(src_crs)
    dst = CRS.from_wkt(info.crs.to_wkt())
    if src.equals(dst):
        return xs, ys
    tr = Transformer.from_crs(src, dst, always_xy=True)
    return tr.transform(xs, ys)


from .sampling import _metres_per_unit, sample_points  # noqa: E402,F401 (engine.hazard names kept)


def raster_has_data(info: RasterInfo, progress: Progress | None = None) -> bool:
    """True when any cell is valid (reads block by block and stops at the first valid one)."""
    import rasterio
    with rasterio.open(info.path) as ds:
        for _, window in ds.block_windows(1):
            arr = ds.read(1, window=window)
            valid = np.isfinite(arr) if arr.dtype.kind == "f" else np.ones(arr.shape, bool)
            if info.nodata is not None:
                valid &= arr != info.nodata
            if valid.any():
                return True
    return False


# --- classes --------------------------------------------------------------------------------------------------

def classify(values, kind: str, rules: dict | None = None) -> np.ndarray:
    """Depth class (rank) of each value: 1..6 per rules/depth_classes.json, 0 = dry (depth rasters only), NaN =
    no data. ``kind`` is ``depth_m`` (metres) or ``rank`` (codes 1..6; anything else is no data)."""
    rules = rules or depth_classes()
    v = np.asarray(values, dtype=float)
    out = np.full(v.shape, np.nan)
    ok = np.isfinite(v)
    if kind == "rank":
        codes = {c["rank"] for c in rules["classes"]}
        r = np.round(v[ok])
        out[ok] = np.where(np.isin(r, list(codes)) & (np.abs(v[ok] - r) < 1e-6), r, np.nan)
        return out
    if kind != "depth_m":
        raise SonaeInputError(f"VALUE_KIND must be one of {VALUE_KINDS}, not '{kind}'.",
                              f"VALUE_KIND は {VALUE_KINDS} のいずれかです（'{kind}' は不可）。")
    mins = np.array([c["min_m"] for c in rules["classes"]], dtype=float)
    d = v[ok]
    rank = np.searchsorted(mins[1:], d, side="right") + 1
    rank = np.where(d <= rules.get("flooded_above_m", 0.0), 0, rank)
    out[ok] = rank
    return out


def class_upper_m(ranks: np.ndarray, rules: dict | None = None) -> np.ndarray:
    """Upper depth bound (m) of each class; inf for the open top class, 0 for dry, NaN for no data."""
    rules = rules or depth_classes()
    table = {c["rank"]: (np.inf if c["max_m"] is None else float(c["max_m"])) for c in rules["classes"]}
    table[0] = 0.0
    r = np.asarray(ranks, dtype=float)
    out = np.full(r.shape, np.nan)
    for k, v in table.items():
        out[r == k] = v
    return out


# --- conflicts ------------------------------------------------------------------------------------------------

def hazard_conflicts(hazard: str, designated: np.ndarray, rank: np.ndarray, depth_m: np.ndarray | None,
                     floors, conditional_hazards, kind: str = "rank"):
    """``(conflict, reason)``: conflict is an object array of True/False/None (None = designated, no data).

    A facility designated safe (``designated``) is in conflict when its rank >= conflict_min_rank and neither a
    vertical-evacuation note (``conditional_hazards`` lists the hazard) nor its floors keep people above the
    water: ``(floors - 1) * storey_height_m >= depth`` where depth is the sampled depth (depth rasters) or the
    upper bound of the class (rank rasters; infinite for the top class). Elevation above sea level is not used:
    the rasters give depth above the ground. For landslide, floors never help.
    """
    dc = depth_classes()
    ve = load_rules("vertical_evacuation.json")
    min_rank = dc["conflict_min_rank"]
    n = len(rank)
    designated = np.asarray(designated, dtype=bool)
    rank = np.asarray(rank, dtype=float)
    if kind == "depth_m" and depth_m is not None:
        depth = np.asarray(depth_m, dtype=float)
    else:
        depth = class_upper_m(rank, dc)
    fl = numbers(pd.Series(floors, dtype=object), "floors", "FACILITIES") \
        if floors is not None else np.full(n, np.nan)
    cond = pd.Series(conditional_hazards if conditional_hazards is not None else [None] * n, dtype=object)
    # the hazard is one of the comma (or 、) separated names, blanks around names ignored (as str.strip)
    import re
    text = cond.where(cond.notna(), "").astype(str).str.replace("、", ",", regex=False)
    has_note = text.str.contains(rf"(?:^|,)\s*{re.escape(hazard)}\s*(?:,|$)", regex=True).to_numpy(dtype=bool)
    if hazard in ve["hazards_with_depth"]:
        with np.errstate(invalid="ignore"):
            high_enough = np.isfinite(fl) & ((fl - 1) * ve["storey_height_m"] >= depth)
    else:
        high_enough = np.zeros(n, dtype=bool)
    conflict = np.full(n, False, dtype=object)
    reason = np.full(n, "not_designated", dtype=object)
    nodata = designated & ~np.isfinite(rank)
    low = designated & np.isfinite(rank) & (rank < min_rank)
    high = designated & np.isfinite(rank) & (rank >= min_rank)
    conflict[nodata] = None
    reason[nodata] = "no_data"
    reason[low] = "below_threshold"
    reason[high & has_note] = "vertical_evacuation_note"
    reason[high & ~has_note & high_enough] = "upper_floors"
    real = high & ~has_note & ~high_enough
    conflict[real] = True
    reason[real] = "conflict"
    return conflict, reason


# --- exposed population ---------------------------------------------------------------------------------------

def mesh_polygons(codes):
    """JIS X 0410 mesh codes (any level jismesh knows) -> their cells as polygons in JGD2011 (EPSG:6668)."""
    import geopandas as gpd
    import jismesh.utils as ju
    import shapely
    raw = pd.Series(codes)
    text = raw.map(lambda v: None if v is None or (isinstance(v, float) and math.isnan(v))
                   else str(int(v)) if isinstance(v, (int, np.integer, float)) else str(v).strip())
    bad = text.isna() | ~text.fillna("").str.fullmatch(r"\d{4}|\d{6}|\d{8}|\d{9}|\d{10}|\d{11}")
    if bad.any():
        first = int(np.nonzero(bad.to_numpy())[0][0])
        raise SonaeInputError(
            f"Population mesh code in row {first + 1} ('{raw.iloc[first]}') is not a JIS X 0410 mesh code "
            "(4, 6, 8, 9, 10 or 11 digits). Check the mesh code field.",
            f"人口の{first + 1}行目のメッシュコード（'{raw.iloc[first]}'）はJIS X 0410の地域メッシュコードではありません"
            "（4・6・8・9・10・11桁）。メッシュコードの項目を確認してください。")
    arr = text.astype(np.int64).to_numpy()
    n = len(arr)
    if n == 1:  # jismesh's vector path calls np.asscalar (gone from numpy) for one code: pad to two
        arr = np.r_[arr, arr]
    lat0, lon0 = (np.asarray(v, float)[:n] for v in ju.to_meshpoint(arr, 0.0, 0.0))
    lat1, lon1 = (np.asarray(v, float)[:n] for v in ju.to_meshpoint(arr, 1.0, 1.0))
    geoms = shapely.box(np.asarray(lon0, float), np.asarray(lat0, float), np.asarray(lon1, float),
                        np.asarray(lat1, float))
    return gpd.GeoDataFrame({"mesh_code": text.to_numpy()}, geometry=geoms, crs="EPSG:6668")


def _classified_copy(info: RasterInfo, kind: str, rules: dict, progress: Progress) -> str:
    """A uint8 GeoTIFF of depth classes (0 dry, 1..6, 255 no data), written block by block."""
    import rasterio
    fd, out = tempfile.mkstemp(suffix="_sonae_classes.tif")
    os.close(fd)
    with rasterio.open(info.path) as src:
        profile = dict(driver="GTiff", width=src.width, height=src.height, count=1, dtype="uint8",
                       crs=src.crs, transform=src.transform, nodata=255, tiled=True, blockxsize=256,
                       blockysize=256, compress="deflate")
        with rasterio.open(out, "w", **profile) as dst:
            windows = [w for _, w in dst.block_windows(1)]
            for k, w in enumerate(windows):
                a = src.read(1, window=w).astype(np.float64)
                if info.nodata is not None:
                    a[a == info.nodata] = np.nan
                r = classify(a, kind, rules)
                dst.write(np.where(np.isfinite(r), r, 255).astype(np.uint8), 1, window=w)
                if k % 64 == 0:
                    progress.update(k / len(windows))
    return out


CLASS_COLUMNS = [f"people_rank_{k}" for k in range(1, 7)]


def _class_table(rank_share: np.ndarray, pop: np.ndarray, dry_share: np.ndarray, nodata_share: np.ndarray,
                 rules: dict) -> pd.DataFrame:
    out = pd.DataFrame({"population": pop})
    for j, name in enumerate(CLASS_COLUMNS):
        out[name] = pop * rank_share[:, j]
    out["people_dry"] = pop * dry_share
    out["people_no_data"] = pop * nodata_share
    min_rank = rules["conflict_min_rank"]
    out["people_exposed"] = out[[f"people_rank_{k}" for k in range(min_rank, 7)]].sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        out["share_exposed"] = np.where(pop > 0, out["people_exposed"] / pop, np.nan)
    return out


def exposed_population(zones, population, info: RasterInfo, kind: str, progress: Progress | None = None,
                       zone_name: str = "POPULATION") -> pd.DataFrame:
    """People per depth class per zone. ``zones`` is a GeoDataFrame of polygons or points (any CRS).

    Polygons: the share of each zone's area (exact cell coverage fractions, exactextract) in each class times its
    population, i.e. people spread evenly over the zone; area outside the raster or on NoData is ``no data``.
    Points: the whole population of a point falls in the class of the cell it stands on.
    Returns a DataFrame aligned with ``zones`` (population, people_rank_1..6, people_dry, people_no_data,
    people_exposed, share_exposed, and for points ``rank``).
    """
    import shapely
    progress = ensure(progress)
    rules = depth_classes()
    raw = numbers(pd.Series(population), "population", zone_name)
    missing = int(np.isnan(raw).sum())
    if missing:     # empty, '-' or 不明: counted as 0 people, and said so (never silently)
        progress.warn(f"{missing:,} zone(s) of {zone_name} have no population value (empty, '-', 不明): counted as "
                      f"0 people. / {zone_name}の{missing:,}区域は人口が空欄・不明のため0人として集計しました。")
    pop = np.nan_to_num(raw, nan=0.0)
    if (pop < 0).any():
        first = int(np.nonzero(pop < 0)[0][0])
        raise SonaeInputError(f"Layer {zone_name}: population in feature {first + 1} is negative ({pop[first]}). "
                              "Fix the population field.",
                              f"レイヤ{zone_name}: {first + 1}番目の地物の人口が負です（{pop[first]}）。人口項目を修正してください。")
    geoms = zones.geometry.values
    types = set(shapely.get_type_id(geoms[~shapely.is_missing(geoms)]).tolist())
    n = len(zones)
    if types <= {0, 4}:  # points
        pts = shapely.get_point(geoms, 0) if 4 in types else geoms
        x, y = to_raster_crs(shapely.get_x(pts), shapely.get_y(pts), zones.crs, info)
        value, _ = sample_points(info, x, y, 0.0, progress)
        rank = classify(value, kind, rules)
        share = np.zeros((n, 6))
        for j in range(6):
            share[:, j] = rank == j + 1
        out = _class_table(share, pop, (rank == 0).astype(float), (~np.isfinite(rank)).astype(float), rules)
        out["rank"] = rank
        return out
    if not types <= {3, 6}:
        raise SonaeInputError(f"Layer {zone_name} must hold polygons (mesh cells, districts) or points.",
                              f"レイヤ{zone_name}はポリゴン（メッシュ・地区）または点である必要があります。")
    import geopandas as gpd
    from .zonal import polygon_class_shares
    from pyproj import CRS
    z = gpd.GeoDataFrame({"_zone": np.arange(n)}, geometry=zones.geometry.values, crs=zones.crs)
    if z.crs is None or not CRS.from_user_input(z.crs).equals(CRS.from_wkt(info.crs.to_wkt())):
        z = z.to_crs(info.crs.to_wkt())       # (same CRS: no transform of every vertex)
    share, dry = polygon_class_shares(z, info, kind, rules, progress)
    progress.update(0.9)
    nodata = np.clip(1.0 - share.sum(axis=1) - dry, 0.0, 1.0)
    return _class_table(share, pop, dry, nodata, rules)


# --- the whole of sonae:hazardexposure ------------------------------------------------------------------------

def facility_exposure(facilities, info: RasterInfo, hazard: str, kind: str, radius_m: float = 0.0,
                      progress: Progress | None = None, layer_name: str = "FACILITIES",
                      raster_name: str = "HAZARD"):
    """Columns ``<hazard>_value, _max, _rank, _conflict`` (+ ``_basis``) for a facilities GeoDataFrame.

    Returns ``(columns DataFrame aligned with facilities, list of warning strings)``. Raises SonaeInputError when
    no facility falls inside the raster or the raster holds only NoData.
    """
    import shapely
    from .columns import as_bool
    progress = ensure(progress)
    if hazard not in HAZARD_TYPES:
        raise SonaeInputError(f"HAZARD_TYPE must be one of {', '.join(HAZARD_TYPES)} (got '{hazard}').",
                              f"HAZARD_TYPE は {', '.join(HAZARD_TYPES)} のいずれかです（'{hazard}'）。")
    if kind not in VALUE_KINDS:
        raise SonaeInputError(f"VALUE_KIND must be one of {VALUE_KINDS} (got '{kind}').",
                              f"VALUE_KIND は {VALUE_KINDS} のいずれかです（'{kind}'）。")
    if radius_m is None or radius_m < 0 or not np.isfinite(radius_m):
        raise SonaeInputError(f"RADIUS_M must be 0 or more metres (got {radius_m}).",
                              f"RADIUS_M は0以上（m）にしてください（{radius_m}）。")
    warnings = []
    geoms = facilities.geometry.values
    missing = shapely.is_missing(geoms) | shapely.is_empty(geoms)
    pts = np.array(geoms, dtype=object, copy=True)
    other = (shapely.get_type_id(geoms) != 0) & ~missing
    if other.any():  # points are used as they are; polygons/lines at a point on their surface
        pts[other] = shapely.point_on_surface(geoms[other])
    x = np.where(missing, np.nan, shapely.get_x(np.where(missing, None, pts)).astype(float))
    y = np.where(missing, np.nan, shapely.get_y(np.where(missing, None, pts)).astype(float))
    xr, yr = to_raster_crs(x, y, facilities.crs, info)
    xr, yr = np.asarray(xr, float), np.asarray(yr, float)
    left, bottom, right, top = info.bounds
    inside = (xr >= left) & (xr < right) & (yr > bottom) & (yr <= top)
    if not inside.any():
        raise SonaeInputError(
            f"None of the {len(facilities)} features of {layer_name} lies inside the hazard raster "
            f"'{os.path.basename(info.path)}' ({raster_name}; extent {left:.5f}, {bottom:.5f} - {right:.5f}, "
            f"{top:.5f} in {info.crs.to_string()}). Choose the raster that covers these facilities, or check the "
            "layer's CRS.",
            f"{layer_name}の{len(facilities)}地物はいずれもハザードラスタ「{os.path.basename(info.path)}」"
            f"（{raster_name}）の範囲外です。施設を覆うラスタを選ぶか、レイヤの座標参照系を確認してください。")
    value, vmax = sample_points(info, xr, yr, radius_m, progress.sub(0.0, 0.9))
    if not np.isfinite(value).any() and not np.isfinite(vmax).any() and not raster_has_data(info):
        raise SonaeInputError(
            f"Hazard raster '{os.path.basename(info.path)}' ({raster_name}) holds only NoData cells (NoData value "
            f"{info.nodata}). Check the file or its NoData setting (gdal_edit -unsetnodata / -a_nodata).",
            f"ハザードラスタ「{os.path.basename(info.path)}」（{raster_name}）は全セルがNoData（{info.nodata}）です。"
            "ファイルまたはNoData値の設定を確認してください。")
    n_out = int((~inside).sum())
    if n_out:
        warnings.append(f"{n_out} of {len(facilities)} facilities lie outside the raster: value NULL (no data, "
                        f"not 'safe'). / {n_out}施設はラスタ範囲外のため値はNULL（データなし。安全ではありません）。")
    rank = classify(vmax, kind)
    ok_col = f"ok_{hazard}"
    if ok_col in facilities.columns:
        designated = as_bool(facilities[ok_col])
    else:
        designated = np.zeros(len(facilities), dtype=bool)
        warnings.append(f"{layer_name} has no field {ok_col}: no designation to check, {hazard}_conflict is NULL. / "
                        f"{layer_name}に{ok_col}がないため{hazard}_conflictはNULLです。")
    floors = facilities["floors"] if "floors" in facilities.columns else None
    cond = facilities["conditional_hazards"] if "conditional_hazards" in facilities.columns else None
    conflict, basis = hazard_conflicts(hazard, designated, rank, vmax, floors, cond, kind)
    if ok_col not in facilities.columns:
        conflict = np.full(len(facilities), None, dtype=object)
        basis = np.full(len(facilities), "no_designation_field", dtype=object)
    out = pd.DataFrame({f"{hazard}_value": value, f"{hazard}_max": vmax, f"{hazard}_rank": rank,
                        f"{hazard}_conflict": conflict, f"{hazard}_basis": basis}, index=facilities.index)
    return out, warnings
