"""layers/importers/shelters.merge_across_tables (KD-tree candidates + greedy in input order) against the pairwise
double loop it replaced (kept verbatim below as the reference), on Takamatsu's real tables (three layouts plus GSI)
and on a skewed set where thousands of records share a few names."""
from __future__ import annotations

import time

import numpy as np
import pandas as pd

from sonae.layers.importers.shelters import (HAZARDS, _assign_ids, _either, _merge_rule, merge_across_tables,
                                             merge_same_places, place_key, records_from_table)
from sonae.layers.importers.tables import read_table

from .conftest import shared_data

TAKAMATSU = ["evacuation_space.csv", "tsunami_evacuation_building.csv", "citizen_disaster_prevention_center.csv",
             "gsi_emergency_372013.geojson", "gsi_evacuation_372013.geojson"]


def _records(files):
    frames = [records_from_table(read_table(shared_data("takamatsu", "shelters", f)))[0] for f in files]
    recs, _ = merge_same_places(pd.concat(frames, ignore_index=True))
    recs["id"] = _assign_ids(recs)
    return recs


def old_merge_across_tables(records: pd.DataFrame) -> tuple[pd.DataFrame, int]:
    """One feature per place when two different table layouts list it (same name, within the rule's radius).

    The GSI emergency-site/shelter pair is left to :func:`merge_same_places`. The earlier record (input order)
    keeps its position and text; designations and hazard flags combine (True wins), conditional hazards unite,
    missing capacity/elevation/floors are filled from the other record, source ids are joined.
    """
    radius = float(_merge_rule()["same_name_radius_m"])
    recs = records.copy()
    key = place_key(recs["name"])
    layout = recs["source"].str.split("+").str[0].str.split(":").str[-1]
    multi = key.groupby(key).transform("size") > 1
    cand = recs.index[multi & (key != "")]
    used, pairs = set(), []
    for _k, idx in key[cand].groupby(key[cand]).groups.items():
        idx = list(idx)
        for i_pos, i in enumerate(idx):
            for j in idx[i_pos + 1:]:
                if i in used or j in used or layout[i] == layout[j]:
                    continue
                if {layout[i], layout[j]} <= {"gsi_emergency", "gsi_evacuation"}:
                    continue
                lat = np.radians((recs.at[i, "lat"] + recs.at[j, "lat"]) / 2)
                dx = np.radians(recs.at[j, "lon"] - recs.at[i, "lon"]) * np.cos(lat) * 6371008.8
                dy = np.radians(recs.at[j, "lat"] - recs.at[i, "lat"]) * 6371008.8
                if np.hypot(dx, dy) <= radius:
                    pairs.append((i, j))
                    used.update((i, j))
    for i, j in pairs:
        for col in [f"ok_{h}" for h in HAZARDS] + ["emergency_site", "designated_shelter", "welfare_shelter",
                                                    "in_disaster_plan"]:
            recs.at[i, col] = _either(recs.at[i, col], recs.at[j, col])
        hazards = set(filter(None, str(recs.at[i, "conditional_hazards"] or "").split(","))) | \
            set(filter(None, str(recs.at[j, "conditional_hazards"] or "").split(",")))
        recs.at[i, "conditional_hazards"] = ",".join(h for h in HAZARDS if h in hazards)
        for col in ("capacity_persons", "elevation_m", "floor_area_m2"):
            if pd.isna(recs.at[i, col]):
                recs.at[i, col] = recs.at[j, col]
        recs.at[i, "floors"] = np.fmax(recs.at[i, "floors"], recs.at[j, "floors"])
        if recs.at[i, "facility_type"] == "other":
            recs.at[i, "facility_type"] = recs.at[j, "facility_type"]
        for col, sep in (("notes", " / "), ("source_id", "|"), ("source_row", " | "), ("source_file", " | "),
                         ("source", "+")):
            a, b = str(recs.at[i, col] or ""), str(recs.at[j, col] or "")
            recs.at[i, col] = a + sep + b if a and b else (a or b)
    if not pairs:
        return recs, 0
    return recs.drop(index=[j for _i, j in pairs]).reset_index(drop=True), len(pairs)




def test_same_result_as_the_double_loop_on_takamatsu():
    recs = _records(TAKAMATSU)
    new, n_new = merge_across_tables(recs)
    old, n_old = old_merge_across_tables(recs)
    assert n_new == n_old and n_new >= 30         # the 33 places listed in two city tables, among others
    pd.testing.assert_frame_equal(new, old)


def test_same_result_on_skewed_names_and_much_faster():
    base = _records(TAKAMATSU)
    rng = np.random.default_rng(3)
    parts = []
    for k in range(4):                             # 4 jittered copies, alternating source layouts
        c = base.copy()
        c["lat"] = c["lat"] + rng.normal(0, 0.0004, len(c))
        c["lon"] = c["lon"] + rng.normal(0, 0.0004, len(c))
        c["source"] = np.where(rng.random(len(c)) < 0.5, c["source"], "city:copy" + str(k % 3))
        parts.append(c)
    recs = pd.concat(parts, ignore_index=True)
    names = np.array(["公民館", "小学校", "集会所"])
    skew = rng.random(len(recs)) < 0.6               # most records share three names
    recs.loc[skew, "name"] = names[rng.integers(0, 3, int(skew.sum()))]
    t = time.perf_counter()
    new, n_new = merge_across_tables(recs)
    t_new = time.perf_counter() - t
    t = time.perf_counter()
    old, n_old = old_merge_across_tables(recs)
    t_old = time.perf_counter() - t
    assert n_new == n_old and n_new > 30
    pd.testing.assert_frame_equal(new, old)
    assert t_new < t_old
