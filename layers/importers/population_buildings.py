"""Takamatsu's city-planning basic survey by town (都市計画基礎調査 0085, 建物用途別・町丁別) joined to small areas.

Per town the table gives the residential floor area (TotalFloorAreaOfTheHouse, 住宅の延床面積 m²) and the number of
houses (NumberOf Houses). A town row joins a small area by its code (areaCode = census KEY_CODE) when the code is
present and listed once; rows without a matching code join by the town name (NFKC; the survey's names can be cut
short, 塩上町１丁 for 塩上町１丁目: a name that begins exactly one small area's name joins it). A code listed on
several rows cannot be told apart (Takamatsu's table gives 上福岡町 37201072100 twice while the census has
37201072100 and 37201072101): those rows join nothing and the small areas concerned are marked ``ambiguous``;
nothing is summed into a neighbour. Rows marked confidential (秘匿) give NULL. Every zone gets
``buildings_match`` = code | name | ambiguous | none and the caller reports the rows that did not join.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ...engine.errors import SonaeInputError
from .normalize import map_headers, nfkc
from .tables import read_table

COLUMNS = {
    "code": ["areaCode", "KEY_CODE", "町丁コード", "地域コード"],
    "town": ["townName", "町丁名", "町丁・字名", "MOJI"],
    "floor": ["TotalFloorAreaOfTheHouse", "住宅延床面積", "住宅の延床面積"],
    "houses": ["NumberOf Houses", "住宅棟数", "住宅数"],
    "confidential": ["confidential", "秘匿"],
}
NOT_CONFIDENTIAL = {"", "0", "false", "no", "なし", "無"}


@dataclass
class BuildingJoin:
    zones: object                                   # the zones + res_floor_area_m2, houses, buildings_match
    rows: int = 0
    by_code: int = 0
    by_name: int = 0
    ambiguous: list = field(default_factory=list)   # [(town name, code)] rows that cannot be told apart
    unmatched: list = field(default_factory=list)   # [(town name, code)] rows that match no small area
    confidential: int = 0
    zones_without: list = field(default_factory=list)   # [(key, name)] small areas without building data


def _text(values) -> np.ndarray:
    return np.array(["" if v is None or (isinstance(v, float) and np.isnan(v)) else nfkc(str(v))
                     for v in list(values)], dtype=object)


def join_buildings(zones, path: str) -> BuildingJoin:
    from ...engine.parsing import require_numbers
    name = os.path.basename(path)
    raw = read_table(path)
    frame = raw.frame
    cols = map_headers(frame.columns, COLUMNS)
    if "floor" not in cols:
        raise SonaeInputError(
            f"{name}: column TotalFloorAreaOfTheHouse (residential floor area) is missing. Choose the 都市計画基礎調査 "
            "building use by town table (toshikeikaku_kiso_0085_building_use_by_town.csv).",
            f"{name}: 住宅の延床面積の列（TotalFloorAreaOfTheHouse）がありません。都市計画基礎調査の建物用途別・町丁別の表"
            "（toshikeikaku_kiso_0085_building_use_by_town.csv）を指定してください。")
    if "code" not in cols and "town" not in cols:
        raise SonaeInputError(
            f"{name}: neither a town code (areaCode) nor a town name (townName) column; the rows cannot be joined to "
            "small areas. Use the table as published.",
            f"{name}: 町丁コード（areaCode）も町丁名（townName）の列もないため、小地域に結び付けられません。公開されている"
            "形式の表を使ってください。")
    rows = lambda i: (raw.row_label(i), raw.row_label_ja(i))          # noqa: E731
    floor = require_numbers(frame[cols["floor"]], cols["floor"], name, rows=rows, family="area_m2", minimum=0)
    houses = (require_numbers(frame[cols["houses"]], cols["houses"], name, rows=rows, family="count", minimum=0)
              if "houses" in cols else np.full(len(frame), np.nan))
    conf = np.zeros(len(frame), bool)
    if "confidential" in cols:
        conf = ~pd.Series(_text(frame[cols["confidential"]])).str.lower().isin(NOT_CONFIDENTIAL).to_numpy()
        floor = np.where(conf, np.nan, floor)
        houses = np.where(conf, np.nan, houses)
    codes = _text(frame[cols["code"]]) if "code" in cols else np.full(len(frame), "", dtype=object)
    towns = _text(frame[cols["town"]]) if "town" in cols else np.full(len(frame), "", dtype=object)

    keys = zones["key_code"].astype(str).to_numpy(dtype=object)
    znames = _text(zones["name"]) if "name" in zones.columns else np.full(len(zones), "", dtype=object)
    key_pos = {nfkc(k): i for i, k in enumerate(keys)}
    counts = pd.Series(codes[codes != ""]).value_counts()
    dup_code = np.array([c != "" and counts.get(c, 0) > 1 for c in codes], dtype=bool)
    target = np.full(len(frame), -1, dtype=int)
    how = np.full(len(frame), "", dtype=object)
    for i, c in enumerate(codes):
        if c and not dup_code[i] and c in key_pos:
            target[i], how[i] = key_pos[c], "code"
    taken = set(target[target >= 0].tolist())
    ambiguous_zone = np.zeros(len(zones), bool)
    for i in np.flatnonzero(dup_code):
        if codes[i] in key_pos:
            ambiguous_zone[key_pos[codes[i]]] = True
        ambiguous_zone |= (znames == towns[i]) & ~np.isin(np.arange(len(zones)), list(taken))
    free = np.array([j not in taken and not ambiguous_zone[j] for j in range(len(zones))], dtype=bool)
    for i in np.flatnonzero((target < 0) & ~dup_code & (towns != "")):
        t = towns[i]
        exact = np.flatnonzero(free & (znames == t))
        cand = exact if len(exact) else np.flatnonzero(free & np.array([z.startswith(t) for z in znames], bool))
        if len(cand) == 1:
            target[i], how[i] = int(cand[0]), "name"
    # two rows on one small area by name: neither can be trusted
    named = target[how == "name"]
    clash = pd.Series(named).value_counts()
    for j in clash[clash > 1].index:
        rows_j = np.flatnonzero((target == j) & (how == "name"))
        target[rows_j], how[rows_j] = -1, ""
        ambiguous_zone[j] = True
        dup_code[rows_j] = True

    out = zones.copy()
    joined = target >= 0
    agg = pd.DataFrame({"j": target[joined], "floor": floor[joined], "houses": houses[joined]}).groupby("j")
    res = np.full(len(zones), np.nan)
    nh = np.full(len(zones), np.nan)
    if joined.any():
        s = agg["floor"].sum(min_count=1)
        res[s.index.to_numpy()] = s.to_numpy()
        s = agg["houses"].sum(min_count=1)
        nh[s.index.to_numpy()] = s.to_numpy()
    match = np.full(len(zones), "none", dtype=object)
    match[ambiguous_zone] = "ambiguous"
    for i in np.flatnonzero(joined):
        match[target[i]] = how[i]
    out["res_floor_area_m2"] = res
    out["houses"] = nh
    out["buildings_match"] = match
    report = BuildingJoin(out, rows=len(frame), by_code=int((how == "code").sum()), by_name=int((how == "name").sum()),
                          confidential=int(conf.sum()))
    report.ambiguous = [(towns[i], codes[i]) for i in np.flatnonzero(dup_code & ~joined)]
    report.unmatched = [(towns[i], codes[i]) for i in np.flatnonzero(~dup_code & ~joined)]
    report.zones_without = [(keys[j], znames[j]) for j in np.flatnonzero(match == "none")]
    return report
