"""Candidate smart-community districts (DESIGN.md §7, seed 004): clusters, the 12 types, five feasibility axes.

QGIS-free. Facilities are clustered in metres (UTM zone of the data) so that every member of a district lies within
``span_m`` of every other member (complete linkage inside the connected components of the span graph: a
self-owned line or shared system never has to reach further than the span). Each district is classified into the
first type of rules/district_types.json whose conditions on the member facility types all hold, and scored on the
five axes of seed 004 with the inputs of every score written beside it.
"""
from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components, minimum_spanning_tree
from scipy.spatial import cKDTree
from scipy.spatial.distance import pdist, squareform

from .district_types import (city_measures, classify, district_measures, facility_type_rules,  # noqa: F401
                             load_district_rules, public_mask, type_from_text, type_spec)
from .errors import SonaeInputError
from .columns import numeric
from .progress import ensure


# --- clustering ----------------------------------------------------------------------------------------------

def cluster_points(xy: np.ndarray, span_m: float, progress=None) -> np.ndarray:
    """Cluster labels (0..k-1) so that within a cluster every pair is at most span_m apart (complete linkage run
    inside each connected component of the 'within span_m' graph, which gives the same clusters as complete
    linkage on all points could only merge inside a component). Labels are numbered by first member."""
    progress = ensure(progress)
    xy = np.asarray(xy, dtype=float)
    n = len(xy)
    if n == 0:
        return np.zeros(0, int)
    pairs = cKDTree(xy).query_pairs(span_m, output_type="ndarray")
    graph = coo_matrix((np.ones(len(pairs)), (pairs[:, 0], pairs[:, 1])), shape=(n, n)) if len(pairs) else \
        coo_matrix((n, n))
    ncomp, comp = connected_components(graph, directed=False)
    raw = np.full(n, -1, dtype=np.int64)
    next_label = 0
    order = np.argsort(comp, kind="stable")
    bounds = np.flatnonzero(np.diff(comp[order])) + 1
    groups = np.split(order, bounds)
    for gi, idx in enumerate(groups):
        if len(idx) <= 2:
            raw[idx] = next_label
            next_label += 1
        else:
            z = linkage(pdist(xy[idx]), method="complete")
            sub = fcluster(z, t=span_m, criterion="distance")
            raw[idx] = next_label + sub - 1
            next_label += int(sub.max())
        if gi % 50 == 0:
            progress.update(gi / max(1, len(groups)))
    # renumber by first member so ids are stable for the same input order
    _, first = np.unique(raw, return_index=True)
    rank = np.empty(len(first), np.int64)
    rank[np.argsort(first)] = np.arange(len(first))
    uniq = np.unique(raw)
    return rank[np.searchsorted(uniq, raw)]


def mst_length(xy: np.ndarray) -> float:
    if len(xy) < 2:
        return 0.0
    return float(minimum_spanning_tree(squareform(pdist(xy))).sum())


# --- layout ----------------------------------------------------------------------------------------------------

def _metric(gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    if gdf.crs is None:
        raise SonaeInputError("Layer FACILITIES has no CRS. Set the layer's CRS (e.g. EPSG:6668).",
                              "施設レイヤに座標参照系がありません。CRS（例 EPSG:6668）を設定してください。")
    from .metric import to_metric
    return to_metric(gdf)                   # a local metric CRS (EPSG:3857 stretches distances x1.2: never that)


def _col(frame, name, default=np.nan):
    if name in frame.columns:
        return numeric(frame, name, "FACILITIES")
    return np.full(len(frame), default)


def district_layout(facilities: gpd.GeoDataFrame, span_m: float | None = None, rules: dict | None = None,
                    min_members: int | None = None, buildings: gpd.GeoDataFrame | None = None,
                    building_type_field: str | None = None, chargers: gpd.GeoDataFrame | None = None,
                    line_yen_per_m: int | None = None, line_finance=None, progress=None):
    """Candidate districts.

    facilities: GeoDataFrame with id, facility_type, owner (optional), name (optional) and optional per-facility
    numbers pv_kw, battery_kwh, critical_load_kw, min_hours (autonomy), total_cost_yen, eligible_cost_yen,
    subsidy_yen, allocation_tax_yen, effective_burden_yen (from engine.subsidy).
    line_finance: callable(int64 array of line costs) -> dict of subsidy_yen/allocation_tax_yen/
    effective_burden_yen arrays (the applicant's rate), or None to leave the line unsubsidised.
    Returns (districts GeoDataFrame in the facilities' CRS, Series facility index -> district id or None).
    """
    progress = ensure(progress)
    rules = rules or load_district_rules()
    span = float(span_m if span_m is not None else rules["span_m"])
    if not span > 0:
        raise SonaeInputError(f"SPAN_M must be positive (got {span}).", f"SPAN_M は正の値にしてください（{span}）。")
    min_members = int(min_members if min_members is not None else rules["min_members"])
    ft_rules = facility_type_rules()
    fac = facilities.reset_index(drop=True)
    if "facility_type" not in fac.columns:
        raise SonaeInputError("Layer FACILITIES has no field 'facility_type'. Run sonae:importshelters (it types "
                              "facilities from rules/facility_types.json).",
                              "施設レイヤに項目「facility_type」がありません。sonae:importshelters を実行してください。")
    geoms = fac.geometry.values
    pts = np.where(shapely.get_type_id(geoms) == 0, geoms, shapely.point_on_surface(geoms))
    fac_pts = gpd.GeoDataFrame(fac.drop(columns=fac.geometry.name), geometry=pts, crs=fac.crs)
    m = _metric(fac_pts)
    xy = np.column_stack([m.geometry.x.to_numpy(), m.geometry.y.to_numpy()])
    if not np.isfinite(xy).all():
        bad = fac["id"].astype(str).to_numpy()[~np.isfinite(xy).all(axis=1)][:3]
        raise SonaeInputError(f"Layer FACILITIES: facilities without a location ({list(bad)}). Fix or remove them.",
                              f"施設レイヤ: 位置のない施設があります（{list(bad)}）。直すか除いてください。")
    labels = cluster_points(xy, span, progress.sub(0.0, 0.5))
    sizes = np.bincount(labels)
    keep = np.flatnonzero(sizes >= min_members)
    ftype = fac["facility_type"].where(fac["facility_type"].notna(), ft_rules["default"]["type"]).astype(str).to_numpy()
    # a type that names a role, not a use (tsunami evacuation building: a hotel, a shop, a condominium...) is
    # replaced by the use read from the name (rules/district_types.json typed_by_name)
    by_name = np.isin(ftype, list(rules.get("typed_by_name", [])))
    if by_name.any() and "name" in fac.columns:
        ftype = ftype.copy()
        ftype[by_name] = type_from_text(fac["name"].to_numpy()[by_name], ft_rules)
    owner = fac["owner"].to_numpy(dtype=object) if "owner" in fac.columns else np.full(len(fac), None, object)
    public = public_mask(ftype, owner, ft_rules)
    ids = fac["id"].astype(str).to_numpy()
    names = fac["name"].astype(str).to_numpy() if "name" in fac.columns else ids
    num = {c: _col(fac, c) for c in ("pv_kw", "battery_kwh", "critical_load_kw", "min_hours")}
    money = {c: np.nan_to_num(_col(fac, c, 0.0), nan=0.0).astype(np.int64)
             for c in ("total_cost_yen", "eligible_cost_yen", "subsidy_yen", "allocation_tax_yen",
                       "effective_burden_yen")}
    line_unit = int(line_yen_per_m or 0)
    feas = rules["feasibility"]
    target_h = float(feas["technical"]["target_hours"])
    ref_types = float(feas["market"]["reference_types"])
    weights = feas["weights"]
    buffer_m = float(rules["hull_buffer_m"])
    # buildings and chargers in the metric CRS
    b_m = b_types = None
    if buildings is not None and len(buildings):
        b_m = buildings.to_crs(m.crs)
        field = building_type_field if building_type_field in b_m.columns else None
        b_types = type_from_text(b_m[field].tolist() if field else [None] * len(b_m), ft_rules)
    c_m = chargers.to_crs(m.crs) if chargers is not None and len(chargers) else None

    rows, polys = [], []
    member_district = pd.Series([None] * len(fac), dtype=object)
    for k, lab in enumerate(keep):
        idx = np.flatnonzero(labels == lab)
        did = f"D{k + 1:03d}"
        member_district.iloc[idx] = did
        hull = shapely.convex_hull(shapely.multipoints(xy[idx]))
        poly = shapely.buffer(hull, buffer_m)
        counts = pd.Series(ftype[idx]).value_counts().to_dict()
        n_build = 0
        if b_m is not None:
            hit = b_m.intersects(poly).to_numpy()
            n_build = int(hit.sum())
            for t, c in pd.Series(b_types[hit]).value_counts().items():
                counts[t] = counts.get(t, 0) + int(c)
        has_ch = bool(c_m is not None and c_m.intersects(poly).any())
        n_pub = int(public[idx].sum())
        primary, matches = classify(counts, len(idx), n_pub, has_ch, rules)
        spec = type_spec(primary, rules)
        measures = district_measures(primary, counts, rules)
        line_m = mst_length(xy[idx])
        diameter = float(pdist(xy[idx]).max()) if len(idx) > 1 else 0.0
        # a self-owned line only where the type's scheme interchanges energy between facilities (seed 004 表5.2-5.11,
        # rules/district_types.json interchange); 表5.7 public facilities each sell on their own: no line
        interchange = bool(spec.get("interchange"))
        line_cost = int(np.floor(line_m * line_unit + 0.5)) if interchange else 0
        pv = float(np.nansum(num["pv_kw"][idx]))
        batt = float(np.nansum(num["battery_kwh"][idx]))
        crit = float(np.nansum(num["critical_load_kw"][idx]))
        hours = num["min_hours"][idx]
        has_renew = pv > 0
        if line_finance is not None and line_cost > 0 and has_renew:
            lf = line_finance(np.array([line_cost], np.int64))
            line_sub, line_tax, line_burden = (int(lf["subsidy_yen"][0]), int(lf["allocation_tax_yen"][0]),
                                               int(lf["effective_burden_yen"][0]))
            line_eligible = line_cost
        else:
            line_sub, line_tax, line_burden, line_eligible = 0, 0, line_cost, 0
        investment = int(money["total_cost_yen"][idx].sum()) + line_cost
        subsidy = int(money["subsidy_yen"][idx].sum()) + line_sub
        tax = int(money["allocation_tax_yen"][idx].sum()) + line_tax
        burden = int(money["effective_burden_yen"][idx].sum()) + line_burden
        eligible = int(money["eligible_cost_yen"][idx].sum()) + line_eligible
        # five axes
        known_h = np.isfinite(hours)
        if known_h.any():
            tech = float(np.mean(np.minimum(1.0, hours[known_h] / target_h)))
            tech_in = (f"autonomy min_hours of {int(known_h.sum())}/{len(idx)} members, mean of min(1, h/{target_h:g}); "
                       f"lowest {np.nanmin(hours):.1f} h")
        elif crit > 0:
            tech = float(min(1.0, batt / (crit * target_h)))
            tech_in = f"battery {batt:,.1f} kWh / (critical load {crit:,.2f} kW x {target_h:g} h)"
        else:
            tech = 0.0
            tech_in = "no energy data (battery, critical load, autonomy) for the members"
        distinct = len([t for t, c in counts.items() if c > 0])
        market = float(min(1.0, distinct / ref_types))
        market_in = f"{distinct} distinct facility types / {ref_types:g} ({', '.join(f'{t}:{c}' for t, c in sorted(counts.items()))})"
        econ = float((subsidy + tax) / investment) if investment > 0 else 0.0
        econ_in = (f"(subsidy {subsidy:,} + allocation tax {tax:,}) / investment {investment:,} yen"
                   if investment > 0 else "no investment priced (no energy plan for the members)")
        oper = n_pub / len(idx)
        oper_in = f"{n_pub} public of {len(idx)} members"
        mean_link = line_m / (len(idx) - 1) if len(idx) > 1 else 0.0
        system = float(1.0 - min(1.0, mean_link / span))
        system_in = (f"self-owned line {line_m:,.0f} m over {len(idx) - 1} links, mean {mean_link:,.0f} m / span {span:,.0f} m"
                     if interchange else
                     f"no self-owned line in this type's scheme ({spec['table']}); member spacing {line_m:,.0f} m "
                     f"(minimum spanning tree), mean link {mean_link:,.0f} m / span {span:,.0f} m")
        if n_pub < len(idx) and interchange:
            system_in += "; private members: supplying several facilities may need a special-zone application (seed 004 表5.2)"
        scores = {"technical": tech, "market": market, "economic": econ, "operational": oper, "system": system}
        wsum = sum(weights.values())
        feasibility = sum(scores[a] * weights[a] for a in scores) / wsum
        lo, hi = spec.get("investment_min_yen"), spec.get("investment_max_yen")
        if batt > 0 and "investment_with_storage_min_yen" in spec:   # 表5.7: 蓄エネ導入の場合は数億円規模
            lo, hi = spec["investment_with_storage_min_yen"], spec["investment_with_storage_max_yen"]
        scale_n = len(idx) if spec.get("investment_per_facility") else 1
        within = None if investment == 0 or (lo is None and hi is None) else bool(
            (lo is None or investment >= lo * scale_n) and (hi is None or investment < hi * scale_n))
        rows.append({
            "district_id": did, "type_no": int(spec["no"]), "type_id": primary, "type_ja": spec["name_ja"],
            "type_en": spec["name_en"], "type_table": spec["table"],
            "secondary_types": ", ".join(t for t in matches if t != primary),
            "n_members": int(len(idx)), "member_ids": ", ".join(ids[idx]), "member_names": "、".join(names[idx]),
            "type_counts": ", ".join(f"{t}:{c}" for t, c in sorted(counts.items())), "n_buildings": n_build,
            "n_public": n_pub, "has_chargers": has_ch,
            "pv_kw": pv, "battery_kwh": batt, "critical_load_kw": crit,
            "min_autonomy_h": float(np.nanmin(hours)) if known_h.any() else np.nan,
            "diameter_m": diameter, "line_m": line_m, "interchange": interchange, "line_cost_yen": line_cost,
            "investment_yen": investment, "eligible_cost_yen": eligible, "subsidy_yen": subsidy,
            "allocation_tax_yen": tax, "effective_burden_yen": burden,
            "investment_scale_ja": spec["investment_ja"], "within_type_scale": within,
            "scale_min_yen": float(lo * scale_n) if lo is not None else np.nan,
            "scale_max_yen": float(hi * scale_n) if hi is not None else np.nan,
            "measures": ", ".join(measures),
            "measures_ja": "、".join(rules["measures"][m]["name_ja"] for m in measures),
            "score_technical": tech, "inputs_technical": tech_in, "score_market": market, "inputs_market": market_in,
            "score_economic": econ, "inputs_economic": econ_in, "score_operational": oper,
            "inputs_operational": oper_in, "score_system": system, "inputs_system": system_in,
            "feasibility": feasibility, "purpose_ja": spec["purpose_ja"], "role_ja": spec["role_ja"],
            "disaster_ja": spec["disaster_ja"],
        })
        polys.append(poly)
        if k % 20 == 0:
            progress.update(0.5 + 0.5 * k / max(1, len(keep)))
    out = gpd.GeoDataFrame(pd.DataFrame(rows), geometry=polys, crs=m.crs) if rows else \
        gpd.GeoDataFrame({"district_id": []}, geometry=[], crs=m.crs)
    out = out.to_crs(fac.crs)
    progress.update(1.0)
    return out, member_district
