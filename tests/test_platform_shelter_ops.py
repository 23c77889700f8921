"""Shelter operations (seed 001) on the real published snapshots: 七尾市 during the Noto 2024 earthquake
(118 files, CC BY 4.0) and the Kumamoto 2026 archive (tests only). Every figure is recomputed here with the
csv module and regular expressions, independently of the importer."""
from __future__ import annotations

import csv
import glob
import os
import re

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest

from .conftest import shared_data

NANAO = ("national", "shelter_ops", "nanao_noto2024_cc-by-4.0")
KUMAMOTO = ("kumamoto", "shelter_ops_r8_earthquake")


def _nanao_files():
    return sorted(glob.glob(os.path.join(shared_data(*NANAO, "history"), "*.csv")))


def _by_hand():
    """Per file: {ID: (count, indoor capacity)} read with the csv module; and the file time from its name."""
    out = {}
    for path in _nanao_files():
        with open(path, encoding="utf-8-sig", newline="") as fh:
            rows = list(csv.DictReader(fh))
        count_col = [c for c in rows[0] if c.startswith("人数")][0]
        y, mo, d, hm = re.search(r"(\d{4})-(\d{2})-(\d{2})-(\d{4})", path).groups()
        recs = {}
        for r in rows:
            m = re.search(r"屋内([\d,]+)人", r["想定収容人数"] or "")
            recs[r["ID"]] = (int(r[count_col]), int(m.group(1).replace(",", "")) if m else None)
        out[f"{y}-{mo}-{d} {hm[:2]}:{hm[2:]}"] = recs
    return out


@pytest.fixture(scope="module")
def nanao(qgis_app, tmp_path_factory):
    from processing import run
    tmp = tmp_path_factory.mktemp("nanao")
    latest, occ = str(tmp / "latest.gpkg"), str(tmp / "occupancy.gpkg")
    res = run("sonae:importshelterops", {"FOLDER": shared_data(*NANAO, "history"), "SUPPRESSION_K": 5,
                                         "OUTPUT_SHELTERS": latest, "OUTPUT_OCCUPANCY": occ})
    return res, gpd.read_file(occ), gpd.read_file(latest), latest


def test_nanao_totals_over_time_match_the_files(nanao):
    res, occ, _latest, _ = nanao
    hand = _by_hand()
    totals = {t: sum(c for c, _cap in recs.values()) for t, recs in hand.items()}
    occ_open = occ[occ["status"] == "open"]
    got = occ_open.groupby(pd.to_datetime(occ_open["observed_at"]).dt.strftime("%Y-%m-%d %H:%M"))["evacuees"].sum()
    # the file name time and the 時点 inside agree for all but the half-hour snapshots, so compare by order
    assert list(got.to_numpy()) == [totals[t] for t in sorted(totals)]
    assert res["PEAK_TOTAL"] == max(totals.values()) == 1933
    assert res["OBSERVATIONS"] == sum(len(r) for r in hand.values()) + int((occ["status"] == "closed").sum())
    assert res["SHELTERS"] == len(set().union(*[set(r) for r in hand.values()])) == 34


def test_nanao_occupancy_against_capacity(nanao):
    _res, occ, _latest, _ = nanao
    hand = _by_hand()
    first = sorted(hand)[0]
    t0 = occ[pd.to_datetime(occ["observed_at"]) == pd.to_datetime(occ["observed_at"]).min()].set_index("shelter_id")
    n = 0
    for sid, (count, cap) in hand[first].items():
        row = t0.loc[sid]
        assert row["evacuees"] == count
        if cap:
            assert row["occupancy"] == pytest.approx(count / cap)
            n += 1
        else:
            assert np.isnan(row["occupancy"])
    assert n >= 20
    over = [(t, sid) for t, recs in hand.items() for sid, (c, cap) in recs.items() if cap and c > cap]
    assert int(occ["over_capacity"].sum()) == len(over)


def test_nanao_closed_shelters_are_not_carried_forward(nanao):
    """Nanao lists open shelters: on 2024-09-02 only the one listed shelter has evacuees; every other shelter's
    latest state is closed with 0, not its last count."""
    _res, _occ, latest, _ = nanao
    hand = _by_hand()
    last = hand[sorted(hand)[-1]]
    assert len(last) == 1
    sid, (count, _cap) = next(iter(last.items()))
    got = latest.set_index("shelter_id")["evacuees"]
    assert got[sid] == count == 40
    assert (got.drop(sid) == 0).all() and len(got) == 34


def test_kumamoto_observations_and_table_by_date(run_alg, tmp_path):
    """The GISPHN archive: municipal observations (long) and the evacuee table by date (wide)."""
    obs_path = shared_data(*KUMAMOTO, "gisphn_data_municipal_evacuees_all_observations.csv")
    with open(obs_path, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    res = run_alg("sonae:importshelterops", {"INPUT": obs_path, "OUTPUT_SHELTERS": "TEMPORARY_OUTPUT",
                                             "OUTPUT_OCCUPANCY": str(tmp_path / "obs.gpkg")})
    assert res["OBSERVATIONS"] == len(rows) == 346
    occ = gpd.read_file(str(tmp_path / "obs.gpkg"))
    assert occ["evacuees"].sum() == sum(int(r["evacuee_count"]) for r in rows)
    wide_path = shared_data(*KUMAMOTO, "gisphn_data_evacuee_count_by_date.csv")
    with open(wide_path, encoding="utf-8-sig", newline="") as fh:
        wide = list(csv.DictReader(fh))
    dates = [c for c in wide[0] if re.fullmatch(r"\d{4}-\d{2}-\d{2}", c)]
    hand = {d: sum(int(r[d]) for r in wide if r[d].strip()) for d in dates}
    res = run_alg("sonae:importshelterops", {"INPUT": wide_path, "OUTPUT_SHELTERS": "TEMPORARY_OUTPUT",
                                             "OUTPUT_OCCUPANCY": str(tmp_path / "wide.gpkg")})
    occ = gpd.read_file(str(tmp_path / "wide.gpkg"))
    got = occ.groupby(pd.to_datetime(occ["observed_at"]).dt.strftime("%Y-%m-%d"))["evacuees"].sum()
    assert {d: int(v) for d, v in got.items()} == {d: v for d, v in hand.items() if v}
    # capacity: the portal's persons (0 = not registered -> no occupancy)
    cap = {r["shelter_id"]: int(r["portal_capacity_persons"]) for r in wide if r["portal_capacity_persons"]}
    one = occ[occ["capacity_persons"].notna()].iloc[0]
    assert one["occupancy"] == pytest.approx(one["evacuees"] / cap[one["shelter_id"]])


def _with_needs(tmp_path, name="needs.csv"):
    """A real Nanao snapshot with needs columns added (values 0..12 cycling), as a city would publish them."""
    src = sorted(_nanao_files())[20]
    frame = pd.read_csv(src, dtype=str, encoding="utf-8-sig", keep_default_na=False)
    n = len(frame)
    for i, col in enumerate(["乳幼児", "高齢者", "食事配慮", "要医療"]):
        frame[col] = [str((j * 3 + i * 5) % 13) for j in range(n)]
    p = tmp_path / name
    frame.to_csv(p, index=False, encoding="utf-8")
    return str(p), frame


@pytest.mark.parametrize("k", [5, 3])
def test_needs_suppressed_under_k_in_every_output(run_alg, tmp_path, k):
    path, frame = _with_needs(tmp_path)
    files = {"latest": str(tmp_path / "latest.gpkg"), "occupancy": str(tmp_path / "occupancy.gpkg")}
    run_alg("sonae:importshelterops", {"INPUT": path, "SUPPRESSION_K": k, "OUTPUT_SHELTERS": files["latest"],
                                       "OUTPUT_OCCUPANCY": files["occupancy"]})
    for layer in ("latest", "occupancy"):
        out = gpd.read_file(files[layer]).set_index("shelter_id")
        for col, ja in zip(["infants", "elderly", "dietary", "medical"], ["乳幼児", "高齢者", "食事配慮", "要医療"]):
            raw = frame.set_index("ID")[ja].astype(int)
            shown = out[col].reindex(raw.index)
            assert (shown.dropna() >= k).all()
            assert shown.isna().sum() == int((raw < k).sum()) > 0
            assert (shown.dropna() == raw[raw >= k]).all()
        flags = out["needs_suppressed"].astype(bool).reindex(frame["ID"]).to_numpy()
        expect = (frame[["乳幼児", "高齢者", "食事配慮", "要医療"]].astype(int) < k).any(axis=1).to_numpy()
        assert (flags == expect).all()


def test_shelter_ops_into_the_platform_viewer_sees_suppressed(platform, run_alg, tmp_path):
    import psycopg2
    path, frame = _with_needs(tmp_path)
    res = run_alg("sonae:importshelterops", {"INPUT": path, "FOLDER": shared_data(*NANAO, "history"),
                                             "PLATFORM": platform.conninfo("city_tanaka"),
                                             "OUTPUT_SHELTERS": "TEMPORARY_OUTPUT",
                                             "OUTPUT_OCCUPANCY": "TEMPORARY_OUTPUT"})
    n = platform.sql("SELECT count(*), sum(evacuees) FROM sonae.shelter_status")[0]
    assert n[0] == res["OBSERVATIONS"]
    stored = platform.sql("SELECT infants FROM sonae.shelter_status WHERE infants IS NOT NULL")
    assert len(stored) == len(frame)                 # staff keep the exact aggregate (no person rows exist)
    view = platform.sql("SELECT infants, needs_suppressed FROM sonae.v_shelter_occupancy WHERE infants IS NOT NULL "
                        "OR needs_suppressed", role="viewer_sato")
    assert all(v[0] is None or v[0] >= 5 for v in view)
    assert sum(1 for v in view if v[0] is not None) == int((frame["乳幼児"].astype(int) >= 5).sum())
    with pytest.raises(psycopg2.errors.InsufficientPrivilege):
        platform.sql("SELECT * FROM sonae.shelter_status", role="viewer_sato")
    with pytest.raises(psycopg2.errors.InsufficientPrivilege):
        platform.sql("SELECT * FROM sonae.shelter_status", role="sonae_p_alpha")
    # the shelter_status table has no column a person could go in
    cols = {r[0] for r in platform.sql("SELECT column_name FROM information_schema.columns WHERE table_schema = "
                                       "'sonae' AND table_name IN ('shelter_status', 'shelters')")}
    assert not cols & {"person_name", "name_kana", "birth_date", "age", "sex", "address_person"}
    # re-import: idempotent (no new rows, no audit noise)
    audit = platform.sql("SELECT count(*) FROM sonae.audit_log")[0][0]
    run_alg("sonae:importshelterops", {"INPUT": path, "FOLDER": shared_data(*NANAO, "history"),
                                       "PLATFORM": platform.conninfo("city_tanaka"),
                                       "OUTPUT_SHELTERS": "TEMPORARY_OUTPUT", "OUTPUT_OCCUPANCY": "TEMPORARY_OUTPUT"})
    assert platform.sql("SELECT count(*) FROM sonae.shelter_status")[0][0] == n[0]
    assert platform.sql("SELECT count(*) FROM sonae.audit_log")[0][0] == audit


@pytest.mark.parametrize("column", ["氏名", "生年月日", "年齢", "性別"])
def test_person_level_files_refused(run_alg, tmp_path, column):
    from qgis.core import QgsProcessingException
    src = _nanao_files()[30]
    frame = pd.read_csv(src, dtype=str, encoding="utf-8-sig", keep_default_na=False)
    frame[column] = "x"
    p = tmp_path / "people.csv"
    frame.to_csv(p, index=False)
    out = tmp_path / "o.gpkg"
    with pytest.raises(QgsProcessingException, match=column):
        run_alg("sonae:importshelterops", {"INPUT": str(p), "OUTPUT_SHELTERS": str(out),
                                           "OUTPUT_OCCUPANCY": "TEMPORARY_OUTPUT"})
    assert not out.exists()


def test_check_in_list_refused(run_alg, tmp_path):
    """One row per person (the same shelter and time repeated) is person-level even without a name column."""
    from qgis.core import QgsProcessingException
    src = _nanao_files()[30]
    frame = pd.read_csv(src, dtype=str, encoding="utf-8-sig", keep_default_na=False)
    people = pd.concat([frame.iloc[[0]]] * 3, ignore_index=True).assign(人数="1")
    p = tmp_path / "checkin.csv"
    people.to_csv(p, index=False)
    with pytest.raises(QgsProcessingException, match="個人単位"):
        run_alg("sonae:importshelterops", {"INPUT": str(p), "OUTPUT_SHELTERS": "TEMPORARY_OUTPUT",
                                           "OUTPUT_OCCUPANCY": "TEMPORARY_OUTPUT"})


def _nanao_stock(tmp_path):
    """A SCENARIO stock (not real) at two places in 七尾市, for the delivery and sufficiency tests."""
    sites = ("拠点ID,拠点名,所有区分,緯度,経度\n"
             "N1,七尾市役所 備蓄倉庫（シナリオ）,市,37.0431,136.9674\n"
             "N2,和倉 備蓄庫（シナリオ）,市,37.0900,136.9160\n")
    items = ("拠点ID,所有区分,品目,単位,数量,消費期限/賞味期限\n"
             "N1,市,飲料水,L,3000,2030-01-01\nN1,市,食料,食,2000,2030-01-01\n"
             "N2,市,飲料水,L,1500,2030-01-01\nN2,市,毛布,枚,300,\n")
    (tmp_path / "sites.csv").write_text(sites, encoding="utf-8")
    (tmp_path / "items.csv").write_text(items, encoding="utf-8")
    from processing import run
    run("sonae:importstockpile", {"ITEMS_FILE": str(tmp_path / "items.csv"), "SITES_FILE": str(tmp_path / "sites.csv"),
                                  "OUTPUT_SITES": str(tmp_path / "stock_sites.gpkg"),
                                  "OUTPUT_ITEMS": str(tmp_path / "stock_items.gpkg")})
    return {"sites": str(tmp_path / "stock_sites.gpkg"), "items": str(tmp_path / "stock_items.gpkg")}


def _snapshot_latest(run_alg, tmp_path, index=40):
    src = _nanao_files()[index]
    gpkg = str(tmp_path / "latest.gpkg")
    run_alg("sonae:importshelterops", {"INPUT": src, "OUTPUT_SHELTERS": gpkg, "OUTPUT_OCCUPANCY": "TEMPORARY_OUTPUT"})
    with open(src, encoding="utf-8-sig", newline="") as fh:
        hand = {r["ID"]: int(r["人数"]) for r in csv.DictReader(fh)}
    return gpkg, hand


def test_observed_occupancy_replaces_modelled_evacuees(run_alg, tmp_path):
    gpkg, hand = _snapshot_latest(run_alg, tmp_path)
    stock = _nanao_stock(tmp_path)
    lyr = gpkg
    out = str(tmp_path / "suff.gpkg")
    run_alg("sonae:stockpilesufficiency", {
        "SHELTERS": lyr, "SHELTER_ID_FIELD": "shelter_id", "EVACUEES_FIELD": "capacity_persons", "NAME_FIELD": "name",
        "SITES": stock["sites"], "ITEMS": stock["items"], "PROFILE": 0,
        "HORIZON_DAYS": 3, "SCENARIO_DATE": "2024-03-01", "ALLOCATION": 0, "MAX_DISTANCE_M": 0,
        "OBSERVED": lyr, "OUTPUT": out, "OUTPUT_DISTRICT": "TEMPORARY_OUTPUT"})
    got = gpd.read_file(out).set_index("shelter_id")["evacuees"]
    assert {k: int(v) for k, v in got.items()} == hand
    # without OBSERVED the modelled field (capacity) is used: a different answer
    out2 = str(tmp_path / "suff2.gpkg")
    run_alg("sonae:stockpilesufficiency", {
        "SHELTERS": lyr, "SHELTER_ID_FIELD": "shelter_id", "EVACUEES_FIELD": "capacity_persons",
        "SITES": stock["sites"], "ITEMS": stock["items"], "PROFILE": 0,
        "HORIZON_DAYS": 3, "SCENARIO_DATE": "2024-03-01", "ALLOCATION": 0, "MAX_DISTANCE_M": 0,
        "OUTPUT": out2, "OUTPUT_DISTRICT": "TEMPORARY_OUTPUT"})
    assert gpd.read_file(out2)["evacuees"].sum() != sum(hand.values())


def test_delivery_plan_dates_and_quantities_by_hand(run_alg, tmp_path):
    from sonae.engine import stockpile as sp
    gpkg, hand = _snapshot_latest(run_alg, tmp_path)
    stock = _nanao_stock(tmp_path)
    lyr = gpkg
    dl, per = str(tmp_path / "deliveries.gpkg"), str(tmp_path / "per_shelter.gpkg")
    res = run_alg("sonae:deliveryplan", {
        "SHELTERS": lyr, "SHELTER_ID_FIELD": "shelter_id", "PERSONS_FIELD": "evacuees", "NAME_FIELD": "name",
        "SITES": stock["sites"], "ITEMS": stock["items"],
        "PLAN_DATE": "令和6年3月1日", "PROFILE": 0, "HORIZON_DAYS": 3, "MAX_DISTANCE_M": 0, "RUNS_PER_DAY": 2,
        "SPEED_KMH": 20, "OUTPUT": dl, "OUTPUT_SHELTERS": per})
    d = gpd.read_file(dl)
    p = gpd.read_file(per).set_index("shelter_id")
    rates = sp.profile_rates("japan")
    total = sum(hand.values())
    # water: need 3 L x 3 days per person; stock 4500 L in all
    need_w = total * rates["water"].rate * 3
    assert d[d["item"] == "water"]["units"].sum() == pytest.approx(min(need_w, 4500))
    assert p["water_need"].sum() == pytest.approx(need_w)
    assert (p["water_delivered"] <= p["water_need"] + 1e-9).all()
    # meals only at N1 (2000) and blankets only at N2 (300): per item, delivered never exceeds a site's stock
    assert d[(d["item"] == "meals")]["site_id"].eq("N1").all()
    assert d[d["item"] == "meals"]["units"].sum() == pytest.approx(min(total * 9, 2000))
    assert d[d["item"] == "blanket"]["units"].sum() == pytest.approx(min(total * rates["blanket"].rate, 300))
    # dates: each site's runs leave 2 a day, largest shelters first; all within 20 km so arrival = departure
    for site, g in d.drop_duplicates(["site_id", "shelter_id"]).groupby("site_id"):
        order = sorted(g["shelter_id"], key=lambda s: (-hand[s], s))
        runs = dict(zip(g["shelter_id"], g["run"]))
        assert [runs[s] for s in order] == sorted(runs.values())
        for s in order:
            assert pd.Timestamp(g.set_index("shelter_id").loc[s, "delivery_date"]) == \
                pd.Timestamp("2024-03-01") + pd.Timedelta(days=(runs[s] - 1) // 2)
    # per shelter: the date everything has arrived is the last of its runs
    last = d.groupby("shelter_id")["delivery_date"].max()
    for s, v in last.items():
        assert pd.Timestamp(p.loc[s, "delivery_by"]) == pd.Timestamp(v)
    assert res["SHELTERS_SHORT"] == int((~p["fully_supplied"].astype(bool)).sum())
