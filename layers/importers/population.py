"""Small-area population (2015 census 町丁・字等, e-Stat boundary attributes) as one zone per KEY_CODE.

The e-Stat boundary table has one row per boundary *piece*: a KEY_CODE split into pieces carries KIGO_E = E1, E2,
... and its people (JINKO) and households (SETAI) sit on one piece only (MANIFEST: Takamatsu 261 rows, 245
KEY_CODEs). Summing by KEY_CODE is therefore exact; the representative point (X_CODE, Y_CODE, JGD2000 lon/lat)
is that of the piece holding the people (else the largest piece). HCODE 8154 (水面調査区, water areas) is kept
with its population (0 in the four cities' tables) so totals always equal the source.

The same rules apply to any point or polygon layer with a key and a population field (the tables' centroid
GeoJSON, 町丁 polygons, a city's own zones): points -> the piece holding the people; polygons -> the union of the
pieces. Suppressed census cells (rules/census_smallarea.json: X, -, *, 秘匿 ...) and empty cells make the small
area's population NULL (unknown) and are reported, never read as 0; other text goes through engine.parsing
(``1,768人`` is read, ``abc`` refused naming the row).

Takamatsu's buildings by town (都市計画基礎調査) are joined in :mod:`.population_buildings`.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ...engine.errors import SonaeInputError
from ...engine.rules import load_rules
from .normalize import nfkc
from .tables import read_table

RULES = load_rules("census_smallarea.json")
DEFAULTS = RULES["default_fields"]
CRS = RULES["source_crs"]                 # JGD2000 geographic (the tables' .prj)
SUPPRESSED = {nfkc(m) for m in RULES["suppressed_marks"]}


@dataclass
class SmallAreas:
    """The zones and what the reader had to decide (for the algorithm's warnings and outputs)."""
    zones: object                                           # GeoDataFrame, one row per key
    suppressed: list = field(default_factory=list)          # [(row label en, key, written value)] population
    empty: list = field(default_factory=list)               # [(row label en, key)] population cell empty
    households_unknown: list = field(default_factory=list)  # [(row label en, key, written value)]
    pieces: int = 0


def _label(source: str) -> str:
    return os.path.basename(source) if os.path.sep in str(source) else str(source)


def _missing(what_en: str, what_ja: str, source: str, column: str, fix_en: str, fix_ja: str):
    return SonaeInputError(f"{_label(source)}: {what_en} column '{column}' is missing. {fix_en}",
                           f"{_label(source)}: {what_ja}の列「{column}」がありません。{fix_ja}")


def _keys(values: pd.Series) -> pd.Series:
    """Keys as text: 372011330 (int or 372011330.0 from a layer) -> '372011330'; trimmed, otherwise as written."""
    def one(v):
        if v is None or (isinstance(v, float) and not np.isfinite(v)):
            return ""
        if isinstance(v, (float, np.floating)) and float(v).is_integer():
            return str(int(v))
        return str(v).strip()
    return pd.Series([one(v) for v in values.tolist()], index=values.index, dtype=object)


def _cells(values: pd.Series) -> pd.Series:
    """Each cell as trimmed NFKC text ('' for None/NaN) to recognise blanks and suppression marks."""
    def one(v):
        if v is None or v is pd.NA or (isinstance(v, float) and np.isnan(v)):
            return ""
        return nfkc(str(v))
    return pd.Series([one(v) for v in values.tolist()], index=values.index, dtype=object)


def _counts(frame: pd.DataFrame, column: str, source: str, rows, family: str, warn=None):
    """(values with NaN where unknown, suppressed mask, empty mask) of a count column (JINKO, SETAI)."""
    from ...engine.parsing import require_numbers
    text = _cells(frame[column])
    suppressed = text.isin(SUPPRESSED).to_numpy()
    empty = (text == "").to_numpy()
    readable = frame[column].astype(object).where(~(suppressed | empty), None)
    values = require_numbers(readable, column, _label(source), rows=rows, family=family, minimum=0, warn=warn)
    return values, suppressed, empty


def _row_labels(frame: pd.DataFrame, rows, keys: pd.Series):
    """rows(i) -> (en, ja) naming the row and its key (rows: RawTable labels or feature numbers)."""
    def label(i: int):
        en, ja = rows(i) if rows is not None else (f"feature {i + 1}", f"{i + 1}番目の地物")
        k = keys.iloc[i]
        return (f"{en} (key {k})", f"{ja}（キー {k}）") if k else (en, ja)
    return label


def small_area_zones(frame: pd.DataFrame, source: str, *, key_field: str | None = DEFAULTS["key"],
                     pop_field: str = DEFAULTS["population"], households_field: str | None = DEFAULTS["households"],
                     name_field: str | None = DEFAULTS["name"], rows=None, warn=None,
                     geometry: bool = True) -> SmallAreas:
    """One zone per key from a table/layer of pieces. ``frame`` is a DataFrame (points come from X_CODE/Y_CODE)
    or a GeoDataFrame (its geometry: points -> the piece holding the people, polygons -> union of the pieces).
    ``rows(i) -> (en, ja)`` names row i in messages (CSV lines); ``key_field`` None = every row its own zone;
    ``geometry`` False gives a plain DataFrame (the geometry then comes from a layer, :func:`with_layer_geometry`)."""
    import geopandas as gpd
    if len(frame) == 0:
        raise SonaeInputError(f"{_label(source)} has no rows or features. Choose the census small-area table.",
                              f"{_label(source)} に行（地物）がありません。国勢調査の小地域の表を選んでください。")
    if pop_field not in frame.columns:
        raise _missing("population", "人口", source, pop_field,
                       "Choose the population column (POPULATION_FIELD; JINKO in the e-Stat small-area table).",
                       "人口の列（POPULATION_FIELD。e-Statの小地域の表では JINKO）を指定してください。")
    if key_field:
        if key_field not in frame.columns:
            raise _missing("key", "キー", source, key_field,
                           "Choose the small-area code column (KEY_FIELD; KEY_CODE in the e-Stat table), or leave "
                           "KEY_FIELD empty to make every feature its own zone.",
                           "小地域コードの列（KEY_FIELD。e-Statの表では KEY_CODE）を指定するか、KEY_FIELD を空欄にして"
                           "地物ごとに区域としてください。")
        keys = _restore_leading_zero(_keys(frame[key_field].astype(object)), frame, source, warn)
        if (keys == "").any():
            i = int(np.flatnonzero((keys == "").to_numpy())[0])
            en, ja = rows(i) if rows is not None else (f"feature {i + 1}", f"{i + 1}番目の地物")
            n = int((keys == "").sum())
            raise SonaeInputError(
                f"{_label(source)}, {en}: {key_field} is empty ({n} such rows). Every piece needs its small-area "
                "code: fill it in or remove the row.",
                f"{_label(source)} {ja}: {key_field} が空です（計{n}行）。小地域コードを入力するか、その行を削除して"
                "ください。")
    else:
        keys = pd.Series([str(i + 1) for i in range(len(frame))], index=frame.index, dtype=object)
    labels = _row_labels(frame, rows, keys)
    pop, p_supp, p_empty = _counts(frame, pop_field, source, labels, "persons", warn)
    has_households = bool(households_field) and households_field in frame.columns
    if households_field and not has_households and households_field != DEFAULTS["households"]:
        raise _missing("households", "世帯数", source, households_field,
                       "Choose the households column (HOUSEHOLDS_FIELD; SETAI in the e-Stat table) or leave it empty.",
                       "世帯数の列（HOUSEHOLDS_FIELD。e-Statの表では SETAI）を指定するか、空欄にしてください。")
    if has_households:
        hh, h_supp, h_empty = _counts(frame, households_field, source, labels, "count", warn)
    area_col = RULES["area_field"]
    area = np.zeros(len(frame))
    if area_col in frame.columns:
        from ...engine.parsing import require_numbers
        area = np.nan_to_num(require_numbers(frame[area_col].astype(object), area_col, _label(source), rows=labels,
                                             family=None, minimum=0), nan=0.0)
    name_col = next((c for c in ([name_field] if name_field else []) + RULES["name_fields"] if c in frame.columns),
                    None)
    if name_field and name_field not in frame.columns and name_field != DEFAULTS["name"]:
        raise _missing("name", "名称", source, name_field, "Choose the 町丁・字 name column (NAME_FIELD) or leave it "
                       "empty.", "町丁・字名の列（NAME_FIELD）を指定するか、空欄にしてください。")
    names = (frame[name_col].astype(object).map(lambda v: "" if v is None or v != v else str(v).strip())
             if name_col else pd.Series("", index=frame.index, dtype=object))    # as written (栗林町３丁目)

    f = pd.DataFrame({"_key": keys.to_numpy(), "_pop": pop, "_unknown": p_supp | p_empty,
                      "_rank": np.where(np.isnan(pop), -1.0, pop), "_area": area, "_i": np.arange(len(frame))})
    # the representative piece: most people, then largest area, then the first row
    order = f.sort_values(["_key", "_rank", "_area", "_i"], ascending=[True, False, False, True], kind="mergesort")
    rep = order.drop_duplicates("_key").set_index("_key")
    g = f.groupby("_key", sort=True)
    unknown = g["_unknown"].any()
    population = g["_pop"].sum(min_count=1).where(~unknown)
    idx = population.index
    rep = rep.loc[idx]
    out = pd.DataFrame({"key_code": idx.to_numpy(dtype=object),
                        "city_code": _city_codes(frame, rep["_i"].to_numpy(), idx),
                        "name": names.to_numpy(dtype=object)[rep["_i"].to_numpy()],
                        "population": population.to_numpy(dtype=float)})
    out["name"] = out["name"].where(out["name"] != "", None)
    if has_households:
        f["_hh"], f["_hh_unknown"] = hh, h_supp | h_empty
        gh = f.groupby("_key", sort=True)
        out["households"] = gh["_hh"].sum(min_count=1).where(~gh["_hh_unknown"].any()).loc[idx].to_numpy(float)
    out["population_status"] = np.where(unknown.loc[idx].to_numpy(), "unknown", "ok").astype(object)
    supp_keys = set(f.loc[p_supp, "_key"])
    out.loc[out["key_code"].isin(supp_keys), "population_status"] = "suppressed"
    out.loc[(out["population_status"] == "unknown"), "population_status"] = "empty"
    out["pieces"] = g.size().loc[idx].to_numpy(dtype="int64")
    if area_col in frame.columns:
        out["area_m2"] = g["_area"].sum().loc[idx].to_numpy(dtype=float)

    if not geometry:
        zones = out
    else:
        if isinstance(frame, gpd.GeoDataFrame):
            geom = _zone_geometry(frame, f, rep, idx, source, labels)
            crs = frame.crs
        else:
            geom = _table_points(frame, rep["_i"].to_numpy(), source, labels)
            crs = CRS
        zones = gpd.GeoDataFrame(out, geometry=geom, crs=crs)
        _check_in_japan(zones, source)

    result = SmallAreas(zones, pieces=len(frame))
    for i in np.flatnonzero(p_supp):
        result.suppressed.append((labels(int(i))[0], keys.iloc[i], str(frame[pop_field].iloc[i]).strip()))
    for i in np.flatnonzero(p_empty):
        result.empty.append((labels(int(i))[0], keys.iloc[i]))
    if has_households:
        for i in np.flatnonzero(h_supp | h_empty):
            v = frame[households_field].iloc[i]
            result.households_unknown.append((labels(int(i))[0], keys.iloc[i], "" if v is None else str(v).strip()))
    return result


def _restore_leading_zero(keys: pd.Series, frame: pd.DataFrame, source: str, warn) -> pd.Series:
    """A census KEY_CODE of a prefecture 01-09 saved through Excel loses its leading zero (072020010 -> 72020010).
    Where the row's prefecture code (KEN/PREF, as zero-padded 2 digits) starts with 0 and the key is one digit
    short of a census length (9 or 11) and begins with the prefecture code without its zero, the zero is put back
    and reported."""
    pref = next((c for c, _city in RULES["city_fields"] if c in frame.columns), None)
    if pref is None:
        return keys
    ken = _keys(frame[pref].astype(object)).map(lambda k: k.zfill(2) if k.isdigit() else "")
    lengths = set(RULES["key_city_code_lengths"])
    fix = np.array([k.isdigit() and len(k) + 1 in lengths and p.startswith("0") and ("0" + k).startswith(p)
                    for k, p in zip(keys.tolist(), ken.tolist())], dtype=bool)
    if not fix.any():
        return keys
    out = keys.copy()
    out[fix] = "0" + keys[fix]
    if warn is not None:
        ex = f"{keys[fix].iloc[0]} -> {out[fix].iloc[0]}"
        warn(f"{_label(source)}: {int(fix.sum())} KEY_CODE(s) had lost their leading zero (a spreadsheet reads codes "
             f"as numbers; e.g. {ex}, {pref} {ken[fix].iloc[0]}): restored. Keep codes as text when editing. / "
             f"{_label(source)}: KEY_CODE {int(fix.sum())}件の先頭の0が失われていたため（表計算ソフトがコードを数値として"
             f"読んだため。例 {ex}）、補いました。編集時はコードを文字列として扱ってください。")
    return out


def _city_codes(frame: pd.DataFrame, rep_rows: np.ndarray, keys: pd.Index) -> np.ndarray:
    """5-digit municipality code: KEN + CITY (or PREF + CITY) of the representative piece, else the first five
    digits of a census KEY_CODE (9 or 11 digits), else None."""
    for pref, city in RULES["city_fields"]:
        if pref in frame.columns and city in frame.columns:
            p = _keys(frame[pref].astype(object)).to_numpy(dtype=object)[rep_rows]
            c = _keys(frame[city].astype(object)).to_numpy(dtype=object)[rep_rows]
            return np.array([f"{a.zfill(2)}{b.zfill(3)}" if a.isdigit() and b.isdigit() else None
                             for a, b in zip(p, c)], dtype=object)
    lengths = set(RULES["key_city_code_lengths"])
    return np.array([k[:5] if k.isdigit() and len(k) in lengths else None for k in keys], dtype=object)


def _table_points(frame, rep_rows, source, labels):
    """Points from X_CODE / Y_CODE of each zone's representative piece (refused when missing or unreadable)."""
    import geopandas as gpd
    from ...engine.parsing import require_numbers
    xcol, ycol = RULES["coordinate_fields"]
    for col in (xcol, ycol):
        if col not in frame.columns:
            raise _missing("coordinate", "座標", source, col,
                           "The table has no representative points: give its centroid GeoJSON or the small-area "
                           "polygons as the layer (LAYER) instead.",
                           "この表には代表点がありません。代わりに代表点のGeoJSONまたは小地域のポリゴンをレイヤ（LAYER）に"
                           "指定してください。")
    sub = frame.iloc[rep_rows]
    sub_labels = [labels(int(i)) for i in rep_rows]
    x = require_numbers(sub[xcol].astype(object), xcol, _label(source), rows=sub_labels, family=None, required=True)
    y = require_numbers(sub[ycol].astype(object), ycol, _label(source), rows=sub_labels, family=None, required=True)
    return gpd.points_from_xy(x, y)


def _zone_geometry(frame, f, rep, idx, source, labels):
    """Points: the representative piece's point. Polygons: the union of the pieces (MultiPolygon)."""
    import shapely
    geoms = np.asarray(frame.geometry.values, dtype=object)
    missing = shapely.is_missing(geoms) | shapely.is_empty(geoms)
    kinds = set(shapely.get_type_id(geoms[~missing]).tolist())
    if kinds <= {0, 4} and 4 in kinds:        # MultiPoint exports (shapefiles): the part nearest the centre
        geoms = np.where(missing, None, shapely.point_on_surface(geoms))
        kinds = {0}
    if kinds <= {0}:
        rows = rep.loc[idx, "_i"].to_numpy()
        bad = np.flatnonzero(missing[rows])
        if len(bad):
            en, ja = labels(int(rows[bad[0]]))
            raise SonaeInputError(
                f"{_label(source)}, {en}: the feature holding the small area's people has no geometry ({len(bad)} "
                "such zones). Fix the layer's geometry.",
                f"{_label(source)} {ja}: 人口を持つ地物にジオメトリがありません（計{len(bad)}区域）。ジオメトリを修正して"
                "ください。")
        return geoms[rows]
    if kinds <= {3, 6}:
        valid = shapely.make_valid(geoms)
        groups = f.assign(_g=list(valid)).groupby("_key", sort=True)["_g"]
        out = []
        for key in idx:
            parts = [g for g in groups.get_group(key) if g is not None and not shapely.is_empty(g)]
            u = shapely.union_all(parts) if parts else None
            if u is not None:
                polys = shapely.get_parts(u)
                polys = polys[shapely.get_type_id(polys) == 3]
                u = shapely.multipolygons(polys) if len(polys) else None
            if u is None:
                raise SonaeInputError(
                    f"{_label(source)}: small area {key} has no polygon. Fix the layer's geometry.",
                    f"{_label(source)}: 小地域 {key} にポリゴンがありません。ジオメトリを修正してください。")
            out.append(u)
        return np.array(out, dtype=object)
    raise SonaeInputError(
        f"{_label(source)}: the layer holds lines or mixed geometry types; population zones must be points (the "
        "centroid GeoJSON) or polygons (町丁 boundaries).",
        f"{_label(source)}: 線または混在したジオメトリです。人口の区域は点（代表点のGeoJSON）かポリゴン（町丁の境界）に"
        "してください。")


def _check_in_japan(zones, source):
    """Refuse a layer/table whose zones fall outside Japan in its CRS (wrong or missing CRS, swapped X/Y)."""
    import shapely
    from ...engine.japan import in_japan
    if zones.crs is None:
        raise SonaeInputError(
            f"{_label(source)} has no coordinate reference system. Set the layer's CRS (the census tables are "
            "JGD2000, EPSG:4612) and run again.",
            f"{_label(source)} に座標参照系がありません。レイヤの座標参照系を設定してください（国勢調査の表は JGD2000、"
            "EPSG:4612）。")
    pts = shapely.point_on_surface(np.asarray(zones.geometry.values, dtype=object))
    import geopandas as gpd
    try:
        ll = gpd.GeoSeries(pts, crs=zones.crs).to_crs("EPSG:4326")
        lon, lat = ll.x.to_numpy(), ll.y.to_numpy()
    except Exception:                                  # noqa: BLE001 — pyproj raises several kinds
        lon = lat = np.full(len(zones), np.nan)
    ok = in_japan(lon, lat)
    if not ok.all():
        i = int(np.flatnonzero(~ok)[0])
        crs = zones.crs.to_string()
        p = pts[i]
        raise SonaeInputError(
            f"{_label(source)}: {int((~ok).sum())} of {len(zones)} small areas lie outside Japan in the layer's CRS "
            f"{crs} (e.g. {zones['key_code'].iloc[i]} at {p.x:.6g}, {p.y:.6g}). The CRS is probably wrong (metres "
            "labelled as degrees, or X and Y swapped): set the layer's real CRS and run again.",
            f"{_label(source)}: 小地域{len(zones)}件のうち{int((~ok).sum())}件が、座標参照系 {crs} では日本の範囲外です"
            f"（例: {zones['key_code'].iloc[i]}、{p.x:.6g}, {p.y:.6g}）。座標参照系の設定が誤っている（メートル座標に"
            "経緯度の指定、XとYの取り違えなど）と思われます。正しい座標参照系を設定してください。")


def with_layer_geometry(zones: pd.DataFrame, layer, key_field: str, table: str, layer_name: str,
                        pop_field: str | None = None):
    """The table's zones with the geometry of ``layer`` (GeoDataFrame) joined by key: polygons -> union of the
    features of a key, points -> the point of the key's piece with the most people (``pop_field`` of the layer,
    e.g. the centroid GeoJSON's JINKO; then AREA), else its first point. Every zone of the table must have a
    feature: a zone without one would lose its people, so it is refused."""
    import geopandas as gpd
    if key_field not in layer.columns:
        raise _missing("key", "キー", layer_name, key_field,
                       "The layer must carry the same small-area code as the table (KEY_FIELD).",
                       "レイヤにも表と同じ小地域コード（KEY_FIELD）の列が必要です。")
    keys = _keys(layer[key_field].astype(object))
    f = pd.DataFrame({"_key": keys.to_numpy(), "_i": np.arange(len(layer))})
    f = f[f["_key"] != ""]
    have = set(f["_key"])
    idx = pd.Index([k for k in zones["key_code"] if k in have], name="key_code")
    lost = [k for k in zones["key_code"] if k not in have]
    if lost:
        pop = zones.set_index("key_code").loc[lost, "population"].sum()
        raise SonaeInputError(
            f"{_label(layer_name)}: {len(lost)} of {len(zones)} small areas of {_label(table)} have no feature in the "
            f"layer (e.g. {', '.join(lost[:5])}; {pop:,.0f} people). Their people would be lost: give the layer of "
            "the same census year and city, or leave LAYER empty to use the table's points.",
            f"{_label(layer_name)}: {_label(table)} の小地域{len(zones)}件のうち{len(lost)}件にレイヤの地物がありません"
            f"（例: {'、'.join(lost[:5])}。{pop:,.0f}人）。このままでは人口が失われます。同じ年・同じ市のレイヤを指定するか、"
            "LAYER を空欄にして表の代表点を使ってください。")
    sub = layer.iloc[f["_i"].to_numpy()].reset_index(drop=True)
    ff = pd.DataFrame({"_key": f["_key"].to_numpy(), "_i": np.arange(len(f))})
    from ...engine.parsing import parse_numbers
    for col, rank in ((RULES["area_field"], "_area"), (pop_field, "_rank")):
        ff[rank] = (np.nan_to_num(parse_numbers(sub[col].astype(object)).values, nan=-1.0)
                    if col and col in sub.columns else 0.0)
    order = ff.sort_values(["_key", "_rank", "_area", "_i"], ascending=[True, False, False, True], kind="mergesort")
    geom = _zone_geometry(sub, ff, order.drop_duplicates("_key").set_index("_key"), idx, layer_name,
                          lambda i: (f"feature {int(f['_i'].iloc[i]) + 1}", f"{int(f['_i'].iloc[i]) + 1}番目の地物"))
    out = gpd.GeoDataFrame(zones.set_index("key_code").loc[idx].reset_index(), geometry=geom, crs=layer.crs)
    _check_in_japan(out, layer_name)
    extra = len(have - set(zones["key_code"]))
    return out, extra


def read_census_table(path: str):
    """The attribute table (CSV in UTF-8 / UTF-8 BOM / CP932, or the centroid GeoJSON) as a RawTable of text."""
    return read_table(path)


def census_small_areas(path: str, buildings_use: str | None = None):
    """GeoDataFrame (EPSG:4612): key_code, city_code, name, population, households, population_status, pieces,
    area_m2 (+ res_floor_area_m2, houses, buildings_match when ``buildings_use`` is given)."""
    raw = read_census_table(path)
    frame = raw.frame
    if raw.kind == "geojson" and RULES["coordinate_fields"][0] not in frame.columns:
        frame = frame.rename(columns={"__lon": RULES["coordinate_fields"][0], "__lat": RULES["coordinate_fields"][1]})
    result = small_area_zones(frame, path, rows=lambda i: (raw.row_label(i), raw.row_label_ja(i)))
    zones = result.zones
    if buildings_use:
        from .population_buildings import join_buildings
        zones = join_buildings(zones, buildings_use).zones
    return zones
