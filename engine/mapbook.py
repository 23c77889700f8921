"""The council map book's page plan, QGIS-free: which districts get a page, the index rows, the map labels.

- :func:`rank_districts`: districts by feasibility (highest first, then district id), the first ``max_pages`` get a
  page; the others are listed in the index as not printed.
- :func:`index_rows`: one row per district (printed or not) with its page number and the headline figures of
  ``engine.report_figures`` (the same numbers as the district page), split into index pages.
- :func:`short_name` / :func:`label_names`: facility names for the maps, shortened by the abbreviations of
  rules/mapbook.json when longer than ``label_max_chars``.
"""
from __future__ import annotations

import math
import re

import numpy as np
import pandas as pd

from . import report_figures as rf
from .rules import load_rules

RULES = load_rules("mapbook.json", unwrap=True)

INDEX_COLUMNS = [  # field, header (Japanese), header (English)
    ("i_page", "ページ", "Page"), ("i_district", "地区", "District"), ("i_type", "類型", "Type"),
    ("i_feasibility", "実現可能性", "Feasibility"), ("i_shelters", "避難所数", "Shelters"),
    ("i_evacuees", "避難者数", "Evacuees"), ("i_under72", "72時間未満の避難所", "Under 72 h"),
    ("i_cost", "事業費（自営線を含む）", "Investment"), ("i_subsidy", "補助金（見込み）", "Subsidy"),
    ("i_measures", "あわせて推奨される取組", "Recommended measures")]
NOT_PRINTED = "掲載なし"


def rank_districts(districts: pd.DataFrame, max_pages: int) -> tuple[list[str], list[str]]:
    """(printed, left out) district ids. Order: ``feasibility`` descending (missing last), then ``district_id``.
    ``max_pages`` 0 or less: every district is printed."""
    if districts is None or not len(districts):
        return [], []
    ids = districts["district_id"].astype(str)
    feas = (pd.to_numeric(districts["feasibility"], errors="coerce") if "feasibility" in districts.columns
            else pd.Series(np.nan, index=districts.index))
    order = pd.DataFrame({"id": ids.to_numpy(), "f": feas.to_numpy()})
    order["missing"] = order["f"].isna()
    order = order.sort_values(["missing", "f", "id"], ascending=[True, False, True], kind="mergesort")
    ranked = order["id"].tolist()
    if max_pages and max_pages > 0:
        return ranked[:max_pages], ranked[max_pages:]
    return ranked, []


def index_page_count(n_rows: int, rows_per_page: int | None = None) -> int:
    per = int(rows_per_page or RULES["index_rows_per_page"])
    return max(1, math.ceil(n_rows / per)) if n_rows else 0


def index_rows(districts: pd.DataFrame, figures: dict, printed: list[str], left_out: list[str],
               first_district_page: int, rows_per_page: int | None = None) -> pd.DataFrame:
    """The index: every district, printed ones first in page order, then the ones left out (``NOT_PRINTED``).

    ``figures``: district id -> report_figures.PageFigures (the figures printed on its page). Columns: the
    ``INDEX_COLUMNS`` fields (formatted text), ``index_page`` (1-based index sheet), ``row_no`` and the raw
    ``district_id``/``page_no`` (None when not printed).
    """
    per = int(rows_per_page or RULES["index_rows_per_page"])
    d = districts.set_index(districts["district_id"].astype(str))
    rows = []
    for no, did in enumerate(list(printed) + list(left_out)):
        fig = figures[did]
        page = first_district_page + no if no < len(printed) else None
        kind = d.at[did, "type_ja"] if "type_ja" in d.columns else None
        feas = pd.to_numeric(pd.Series([d.at[did, "feasibility"]]), errors="coerce").iloc[0] \
            if "feasibility" in d.columns else np.nan
        values = fig.values()
        rows.append({
            "row_no": no + 1, "index_page": no // per + 1, "district_id": did, "page_no": page,
            "i_page": str(page) if page is not None else NOT_PRINTED, "i_district": did,
            "i_type": _cell(kind) or rf.DASH,
            "i_feasibility": rf.fmt_number(feas, 2), "i_shelters": values["shelters"],
            "i_evacuees": rf.fmt_persons(fig.evacuees), "i_under72": values["under_72h"],
            "i_cost": values["cost"], "i_subsidy": values["subsidy"],
            "i_measures": _cell(d.at[did, "measures_ja"]) if "measures_ja" in d.columns else ""})
    return pd.DataFrame(rows, columns=["row_no", "index_page", "district_id", "page_no"] +
                        [c for c, _, _ in INDEX_COLUMNS])


_NOTE = re.compile(r"\s*[（(［\[【][^）)］\]】]{5,}[）)］\]】]\s*")   # a note, not 「(体育館)」


def _cell(value) -> str:
    return "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)


def short_name(name, max_chars: int | None = None) -> str:
    """A facility name for the map: unchanged when short, else without bracketed notes of 5 or more characters
    (「中央公園(※改修工事中…)」; 「(体育館)」 stays, it tells two buildings apart), only the first of several names
    (「A,B」), without the municipality prefix and with the abbreviations of rules/mapbook.json
    (コミュニティセンター -> CC, 小学校 -> 小, ...); a name still longer than ``label_hard_max_chars`` is cut with "…"."""
    if name is None or (isinstance(name, float) and np.isnan(name)):
        return ""
    text = str(name).strip()
    limit = int(max_chars or RULES["label_max_chars"])
    if len(text) <= limit:
        return text
    stripped = _NOTE.sub("", text).strip()
    text = stripped or text
    if len(text) > limit:
        text = re.split(r"[,、，／/]", text)[0].strip() or text     # the first of several names
    for prefix in RULES["label_drop_prefixes"]:
        if text.startswith(prefix) and len(text) > len(prefix):
            text = text[len(prefix):]
            break
    for long, short in RULES["label_abbreviations"]:
        if len(text) <= limit:
            break
        text = text.replace(long, short)
    hard = int(RULES["label_hard_max_chars"])
    if len(text) > hard:
        text = text[:hard - 1] + "…"
    return text


def label_names(names) -> list[str]:
    return [short_name(n) for n in names]


def page_box(geom, metric: str):
    """The page's map extent: the area's bounds grown to at least rules/mapbook.json min_page_extent_m."""
    import geopandas as gpd
    import shapely
    size = float(RULES["min_page_extent_m"])
    g = gpd.GeoSeries([geom], crs="EPSG:4326").to_crs(metric).iloc[0]
    x0, y0, x1, y1 = g.bounds
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    w, h = max(x1 - x0, size), max(y1 - y0, size)
    box = shapely.box(cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2)
    return gpd.GeoSeries([box], crs=metric).to_crs("EPSG:4326").iloc[0]


def facility_frame(points):
    """The facilities drawn on the maps: id, name, short label, stay (1/0, None unknown), hours, conflict."""
    import geopandas as gpd
    pts = points.to_crs("EPSG:4326")
    names = pts["name"] if "name" in pts.columns else pd.Series([None] * len(pts), index=pts.index)
    stay = rf.stay_mask(pts)
    frame = pd.DataFrame({
        "id": pts["id"].astype(str).to_numpy(),
        "name": names.where(names.notna(), None).to_numpy(dtype=object),
        "label": label_names(names.tolist()),
        "stay": (pd.Series(stay.astype(float)) if stay is not None else pd.Series([np.nan] * len(pts))).to_numpy(),
        "hours_now": (pd.to_numeric(pts["hours_now"], errors="coerce").to_numpy() if "hours_now" in pts.columns
                      else np.full(len(pts), np.nan)),
        "flood_conflict": (pd.to_numeric(pts["flood_conflict"], errors="coerce").to_numpy()
                           if "flood_conflict" in pts.columns else np.full(len(pts), np.nan)),
    })
    return gpd.GeoDataFrame(frame, geometry=pts.geometry.values, crs="EPSG:4326")
