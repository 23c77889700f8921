"""Roles and row-level security on a real PostgreSQL 15 + PostGIS server (issue 15 §3, §6).

Roles: sonae_city (staff login city_tanaka), sonae_partner (sonae_p_alpha owns P1, P2; sonae_p_beta owns P3),
sonae_viewer (viewer_sato). Every expectation is a figure from tests/platform_data.py worked out by hand."""
from __future__ import annotations

import hashlib
import os

import psycopg2
import pytest

from . import platform_data as data

ALPHA, BETA, CITY, VIEWER = "sonae_p_alpha", "sonae_p_beta", "city_tanaka", "viewer_sato"


def _all_stock(platform):
    """A fingerprint of every stock row (as the superuser): changes when any lot, site, commitment or
    verification changes."""
    rows = platform.sql("""SELECT 'lot', lot_id::text, site_id, item, product, unit, quantity::text,
                                  coalesce(expiry_date::text, ''), coalesce(partner_code, '') FROM sonae.lots
                           UNION ALL SELECT 'site', site_id, name, owner_type, address, ST_AsText(geom), '', '',
                                  coalesce(partner_code, '') FROM sonae.sites
                           UNION ALL SELECT 'com', site_id, item, unit, committed_quantity::text, '', '', '', partner_code
                                  FROM sonae.commitments
                           UNION ALL SELECT 'ver', verification_id::text, site_id, item, verified_on::text, '', '', '',
                                  coalesce(partner_code, '') FROM sonae.verifications ORDER BY 1, 2""")
    return hashlib.sha256(repr(rows).encode()).hexdigest()


@pytest.fixture(scope="module")
def stocked(platform, tmp_path_factory):
    """The inventory imported by city staff (city_tanaka) through sonae:importstockpile, also to GeoPackage."""
    from processing import run as run_alg
    tmp = tmp_path_factory.mktemp("stock")
    sites_csv, items_csv = data.write(tmp)
    # two files: two outputs of one algorithm into one NEW GeoPackage keep only the second (destinations.py)
    res = run_alg("sonae:importstockpile", {
        "ITEMS_FILE": items_csv, "SITES_FILE": sites_csv, "PLATFORM": platform.conninfo(CITY),
        "OUTPUT_SITES": str(tmp / "stock_sites.gpkg"), "OUTPUT_ITEMS": str(tmp / "stock_items.gpkg")})
    assert res["ITEM_COUNT"] == 9
    return {"sites": str(tmp / "stock_sites.gpkg"), "items": str(tmp / "stock_items.gpkg"), "tmp": tmp,
            "sites_csv": sites_csv, "items_csv": items_csv}


def pg_layer(platform, role, table, geom=None, key=None):
    from qgis.core import QgsVectorLayer
    from sonae.processing_algorithms.platform_common import layer_uri
    layer = QgsVectorLayer(layer_uri(platform.conninfo(role), "sonae", table, geom, key), f"{table}_{role}",
                           "postgres")
    assert layer.isValid(), f"cannot open sonae.{table} as {role}"
    return layer


def test_import_wrote_everything_once(platform, stocked):
    owners = dict(platform.sql("SELECT coalesce(partner_code, 'city'), count(*) FROM sonae.lots GROUP BY 1"))
    assert owners == {"alpha": 3, "beta": 2, "city": 4}
    assert platform.sql("SELECT product FROM sonae.lots WHERE site_id = 'P3' AND item = 'meals'")[0][0] == \
        data.METACHAR_PRODUCT                       # metacharacters stored as plain text
    audit = platform.sql("SELECT who, count(*) FROM sonae.audit_log WHERE table_name = 'lots' GROUP BY 1")
    assert audit == [(CITY, 9)]                     # nine INSERTs, by the staff login


def test_partner_sees_only_its_own_rows(platform, stocked):
    for role, code, sites in ((ALPHA, "alpha", {"P1", "P2"}), (BETA, "beta", {"P3"})):
        assert {r[0] for r in platform.sql("SELECT site_id FROM sonae.lots", role=role)} == sites
        assert len(platform.sql("SELECT * FROM sonae.lots", role=role)) == data.LOTS_BY_PARTNER[code]
        assert {r[0] for r in platform.sql("SELECT site_id FROM sonae.stock_items", role=role)} == sites
        assert {r[0] for r in platform.sql("SELECT site_id FROM sonae.sites", role=role)} == sites
        assert {r[0] for r in platform.sql("SELECT site_id FROM sonae.commitments", role=role)} == sites
        assert {r[0] for r in platform.sql("SELECT site_id FROM sonae.verifications", role=role)} == sites
        assert platform.sql("SELECT code FROM sonae.partners", role=role) == [(code,)]
        # even asking for the other partner's rows by key returns nothing
        other = "P3" if code == "alpha" else "P1"
        assert platform.sql("SELECT count(*) FROM sonae.lots WHERE site_id = %s", (other,), role=role) == [(0,)]
    # city staff see all of it
    assert platform.sql("SELECT count(*) FROM sonae.lots", role=CITY) == [(9,)]


def test_partner_cannot_change_another_partners_rows(platform, stocked):
    before = _all_stock(platform)
    con = platform.connect(ALPHA)
    try:
        with con.cursor() as cur:
            cur.execute("UPDATE sonae.lots SET quantity = 0 WHERE site_id = 'P3'")
            assert cur.rowcount == 0
            cur.execute("DELETE FROM sonae.lots WHERE site_id = 'P3'")
            assert cur.rowcount == 0
            cur.execute("UPDATE sonae.sites SET name = 'taken' WHERE site_id = 'P3'")
            assert cur.rowcount == 0
        con.commit()
        refused = [
            ("INSERT INTO sonae.lots (site_id, item, unit, quantity) VALUES ('P3', 'water', 'L', 1)", None),
            ("UPDATE sonae.lots SET site_id = 'P3' WHERE site_id = 'P1'", None),           # moving own lot over
            ("INSERT INTO sonae.verifications (site_id, item, verified_on) VALUES ('P3', 'water', '2026-12-01')",
             None),
            ("UPDATE sonae.sites SET partner_code = 'alpha' WHERE site_id = 'P3'", "permission denied"),
            ("UPDATE sonae.lots SET partner_code = 'beta' WHERE site_id = 'P1'", "permission denied"),
            ("UPDATE sonae.commitments SET committed_quantity = 0", "permission denied"),
            ("INSERT INTO sonae.sites (site_id, owner_type, geom) VALUES ('X', 'city', "
             "ST_SetSRID(ST_MakePoint(134, 34), 6668))", "permission denied"),
            ("DELETE FROM sonae.sites WHERE site_id = 'P1'", "permission denied"),
            ("DELETE FROM sonae.verifications WHERE site_id = 'P3'", "permission denied"),   # history is kept
            ("INSERT INTO sonae.partner_sites VALUES ('P9', 'alpha')", "permission denied"),
        ]
        for sql, words in refused:
            with pytest.raises(psycopg2.Error) as exc:
                with con.cursor() as cur:
                    cur.execute(sql)
            con.rollback()
            if words:
                assert words in str(exc.value), sql
    finally:
        con.close()
    assert _all_stock(platform) == before


def test_partner_edits_own_rows_and_the_audit_records_it(platform, stocked):
    lot = platform.sql("SELECT lot_id, quantity FROM sonae.lots WHERE site_id = 'P1' AND item = 'water'")[0]
    assert lot[1] == 300
    assert platform.sql("UPDATE sonae.lots SET quantity = 280, expiry_date = '2027-07-31' WHERE lot_id = %s "
                        "RETURNING quantity", (lot[0],), role=ALPHA) == [(280.0,)]
    platform.sql("INSERT INTO sonae.verifications (site_id, item, verified_on, counted_quantity, unit) "
                 "VALUES ('P1', 'water', '2026-11-30', 280, '本(2L)')", role=ALPHA, fetch=False)
    rows = platform.sql("SELECT who, op, changed FROM sonae.audit_log WHERE table_name = 'lots' AND row_key = %s "
                        "AND op = 'UPDATE' ORDER BY audit_id", (str(lot[0]),))
    who, op, changed = rows[-1]
    assert who == ALPHA and op == "UPDATE"
    assert changed["quantity"] == {"old": 300, "new": 280}
    assert changed["expiry_date"] == {"old": "2027-06-30", "new": "2027-07-31"}
    assert changed["updated_by"]["new"] == ALPHA
    ver = platform.sql("SELECT verified_by, partner_code FROM sonae.verifications WHERE site_id = 'P1' AND "
                       "verified_on = '2026-11-30'")
    assert ver == [(ALPHA, "alpha")]
    assert platform.sql("SELECT who FROM sonae.audit_log WHERE table_name = 'verifications' ORDER BY audit_id "
                        "DESC LIMIT 1") == [(ALPHA,)]
    # put the lot back (as staff) so the other tests see the hand figures
    platform.sql("UPDATE sonae.lots SET quantity = 300, expiry_date = '2027-06-30' WHERE lot_id = %s", (lot[0],),
                 role=CITY, fetch=False)
    platform.sql("DELETE FROM sonae.verifications WHERE site_id = 'P1' AND verified_on = '2026-11-30'", role=CITY,
                 fetch=False)


@pytest.mark.parametrize("sql", [
    "SELECT * FROM sonae.audit_log",
    "DELETE FROM sonae.audit_log",
    "UPDATE sonae.audit_log SET who = 'someone'",
    "INSERT INTO sonae.audit_log (who, table_name, op) VALUES ('x', 'lots', 'UPDATE')",
    "ALTER TABLE sonae.lots DISABLE ROW LEVEL SECURITY",
    "ALTER TABLE sonae.sites NO FORCE ROW LEVEL SECURITY",
    "DROP POLICY partner_own ON sonae.lots",
    "CREATE POLICY mine ON sonae.lots FOR SELECT USING (true)",
    "ALTER POLICY partner_own ON sonae.lots USING (true)",
    "SET ROLE sonae_city",
    "SET ROLE sonae_p_beta",
    "TRUNCATE sonae.lots",
    "DROP TRIGGER audit ON sonae.lots",
    "CREATE TABLE sonae.mine (x int)",
    "CREATE OR REPLACE FUNCTION sonae.my_partner() RETURNS text LANGUAGE sql AS $$ SELECT 'beta' $$",
    "GRANT sonae_city TO sonae_p_alpha",
    "SELECT * FROM sonae.battery_readings",
    "SELECT * FROM sonae.shelter_status",
])
def test_partner_cannot_escape_row_level_security(platform, stocked, sql):
    with pytest.raises(psycopg2.Error):
        platform.sql(sql, role=ALPHA, fetch=False)


def test_row_security_off_is_an_error_not_a_bypass(platform, stocked):
    con = platform.connect(ALPHA)
    try:
        with con.cursor() as cur:
            cur.execute("SET row_security = off")
            with pytest.raises(psycopg2.Error, match="row-level security"):
                cur.execute("SELECT count(*) FROM sonae.lots")
    finally:
        con.close()


@pytest.mark.parametrize("table", ["lots", "sites", "stock_items", "commitments", "verifications", "partners",
                                   "partner_sites", "audit_log", "shelter_status", "shelters", "battery_readings"])
def test_viewer_cannot_see_rows(platform, stocked, table):
    with pytest.raises(psycopg2.errors.InsufficientPrivilege):
        platform.sql(f"SELECT * FROM sonae.{table}", role=VIEWER)


def test_viewer_sees_aggregates_computed_by_hand(platform, stocked):
    rows = platform.sql("SELECT item, owner_type, stock_unexpired, usable, expired, sites FROM sonae.v_stock_by_item "
                        "ORDER BY item, owner_type", role=VIEWER)
    got = {(r[0], r[1]): r[2:] for r in rows}
    assert got[("water", "city")][1] == data.WATER_CITY_L
    assert got[("water", "retail_partner")][1] == data.WATER_PARTNER_USABLE_L
    assert got[("water", "retail_partner")][0] == 300 * 2 + 1000 + 2400 * 0.5
    assert got[("meals", "city")][2] == 300                      # C2's 乾パン expired 2026-06-30
    assert got[("meals", "retail_partner")][1] == min(150, 100) + min(500, 600)
    assert got[("blanket", "city")] == (200, 200, 0, 1)
    # no column of the view names a site, lot or partner
    cols = [r[0] for r in platform.sql("SELECT column_name FROM information_schema.columns WHERE table_schema = "
                                       "'sonae' AND table_name = 'v_stock_by_item'")]
    assert not {"site_id", "lot_id", "partner_code", "product"} & set(cols)


def test_partner_audit_through_sonae_on_platform_layers(platform, stocked, run_alg, tmp_path):
    """sonae:partneraudit on the platform's layers: staff get exactly the file-based result; partner alpha gets
    only its own rows (the same values), never beta's."""
    import geopandas as gpd
    date = "2026-12-01"
    base = {"AUDIT_DATE": date, "PROFILE": 0, "HORIZON_DAYS": 3, "MAX_AGE_MONTHS": 12}
    out_file = str(tmp_path / "audit_file.gpkg")
    run_alg("sonae:partneraudit", {**base, "ITEMS": stocked["items"],
                                   "SITES": stocked["sites"], "OUTPUT": out_file})
    ref = gpd.read_file(out_file).sort_values(["site_id", "item"]).reset_index(drop=True)
    results = {}
    for role in (CITY, ALPHA, BETA):
        items = pg_layer(platform, role, "stock_items", key="lot_id")
        sites = pg_layer(platform, role, "sites", "geom", "site_id")
        out = str(tmp_path / f"audit_{role}.gpkg")
        res = run_alg("sonae:partneraudit", {**base, "ITEMS": items, "SITES": sites, "OUTPUT": out})
        results[role] = (gpd.read_file(out).sort_values(["site_id", "item"]).reset_index(drop=True), res)
        del items, sites
    city = results[CITY][0]
    cols = ["site_id", "item", "reported", "committed", "gap", "under_committed", "stale"]
    cols = [c for c in cols if c in ref.columns]
    assert len(cols) >= 5
    assert city[cols].equals(ref[cols])
    for role, sites in ((ALPHA, {"P1", "P2"}), (BETA, {"P3"})):
        part = results[role][0]
        assert set(part["site_id"]) == sites
        expect = ref[ref["site_id"].isin(sites)].reset_index(drop=True)
        assert part[cols].equals(expect[cols])
    # by hand: P1 meals reported 150 vs committed 100, verified 2025-06-01 -> stale on 2026-12-01
    p1 = ref[(ref.site_id == "P1") & (ref.item == "meals")].iloc[0]
    assert bool(p1["stale"]) and not bool(p1["under_committed"])


def test_sufficiency_and_rotation_from_the_platform_equal_the_files(platform, stocked, run_alg, tmp_path):
    import geopandas as gpd
    import pandas as pd
    from shapely.geometry import Point
    shelters = gpd.GeoDataFrame({"id": ["S1", "S2", "S3"], "name": ["A", "B", "C"], "evacuees": [400, 250, 90]},
                                geometry=[Point(134.045, 34.341), Point(134.052, 34.322), Point(134.068, 34.349)],
                                crs="EPSG:6668")
    sh = str(tmp_path / "shelters.gpkg")
    shelters.to_file(sh, layer="shelters")
    common = {"SHELTERS": f"{sh}|layername=shelters", "SHELTER_ID_FIELD": "id", "EVACUEES_FIELD": "evacuees",
              "NAME_FIELD": "name", "PROFILE": 0, "HORIZON_DAYS": 3, "SCENARIO_DATE": "2026-12-01",
              "ALLOCATION": 0, "MAX_DISTANCE_M": 0}
    outs = {}
    for tag, sites, items in (("file", stocked["sites"],
                               stocked["items"]),
                              ("platform", pg_layer(platform, CITY, "sites", "geom", "site_id"),
                               pg_layer(platform, CITY, "stock_items", key="lot_id"))):
        o, d = str(tmp_path / f"suff_{tag}.gpkg"), str(tmp_path / f"dist_{tag}.gpkg")
        run_alg("sonae:stockpilesufficiency", {**common, "SITES": sites, "ITEMS": items, "OUTPUT": o,
                                               "OUTPUT_DISTRICT": d})
        r, rr = str(tmp_path / f"rot_{tag}.gpkg"), str(tmp_path / f"repl_{tag}.gpkg")
        run_alg("sonae:expiryrotation", {"ITEMS": items, "SITES": sites, "REFERENCE_DATE": "2026-12-01",
                                         "MONTHS": 12, "OUTPUT": r, "OUTPUT_REPLACEMENT": rr})
        outs[tag] = (gpd.read_file(o), gpd.read_file(r))
    a, b = outs["file"][0], outs["platform"][0]
    num = [c for c in a.columns if c.endswith(("_units", "_days")) or c == "days_min"]
    pd.testing.assert_frame_equal(a[num].reset_index(drop=True), b[num].reset_index(drop=True))
    # water by hand: all usable water reaches the three shelters (no distance limit): 1000 L city + 2400 L partner
    assert a["water_units"].sum() == pytest.approx(data.WATER_CITY_L + data.WATER_PARTNER_USABLE_L)
    ra = outs["file"][1].sort_values(["site_id", "item", "expiry_date"]).reset_index(drop=True)
    rb = outs["platform"][1].sort_values(["site_id", "item", "expiry_date"]).reset_index(drop=True)
    assert list(ra["quantity"]) == list(rb["quantity"]) and list(ra["site_id"]) == list(rb["site_id"])


def test_partner_import_cannot_touch_another_partners_site(platform, stocked, run_alg, tmp_path):
    """Through sonae:importstockpile as partner alpha: a file with beta's site is refused, nothing changes, no
    output file is left."""
    from qgis.core import QgsProcessingException
    before = _all_stock(platform)
    sites_csv, items_csv = data.write(tmp_path)
    out = tmp_path / "out.gpkg"
    with pytest.raises(QgsProcessingException, match="C1"):
        run_alg("sonae:importstockpile", {"ITEMS_FILE": items_csv, "SITES_FILE": sites_csv,
                                          "PLATFORM": platform.conninfo(ALPHA),
                                          "OUTPUT_SITES": f"ogr:dbname='{out}' table=\"s\" (geom)",
                                          "OUTPUT_ITEMS": f"ogr:dbname='{out}' table=\"i\" (geom)"})
    assert _all_stock(platform) == before
    assert not out.exists()


def test_partner_import_of_own_sites_updates_in_place(platform, stocked, run_alg, tmp_path):
    own_sites = "\n".join(line for line in data.SITES.splitlines() if line.startswith(("拠点ID", "P1", "P2"))) + "\n"
    own_items = "\n".join(line.replace(",300,2027-06-30", ",320,2027-06-30") for line in data.ITEMS.splitlines()
                          if line.startswith(("拠点ID", "P1", "P2"))) + "\n"
    sites_csv, items_csv = data.write(tmp_path, own_items, own_sites)
    ids_before = platform.sql("SELECT lot_id FROM sonae.lots WHERE partner_code = 'alpha' ORDER BY 1")
    beta_before = platform.sql("SELECT * FROM sonae.lots WHERE partner_code = 'beta' ORDER BY lot_id")
    run_alg("sonae:importstockpile", {"ITEMS_FILE": items_csv, "SITES_FILE": sites_csv,
                                      "PLATFORM": platform.conninfo(ALPHA),
                                      "OUTPUT_SITES": "TEMPORARY_OUTPUT", "OUTPUT_ITEMS": "TEMPORARY_OUTPUT"})
    assert platform.sql("SELECT lot_id FROM sonae.lots WHERE partner_code = 'alpha' ORDER BY 1") == ids_before
    assert platform.sql("SELECT quantity FROM sonae.lots WHERE site_id = 'P1' AND item = 'water'") == [(320.0,)]
    assert platform.sql("SELECT * FROM sonae.lots WHERE partner_code = 'beta' ORDER BY lot_id") == beta_before
    last = platform.sql("SELECT who, changed FROM sonae.audit_log WHERE table_name = 'lots' ORDER BY audit_id DESC "
                        "LIMIT 1")[0]
    assert last[0] == ALPHA and last[1]["quantity"] == {"old": 300, "new": 320}
    platform.sql("UPDATE sonae.lots SET quantity = 300 WHERE site_id = 'P1' AND item = 'water'", role=CITY,
                 fetch=False)


def test_sql_metacharacters_are_harmless(platform, stocked, run_alg, tmp_path):
    from qgis.core import QgsProcessingException
    lots = platform.sql("SELECT count(*) FROM sonae.lots")[0][0]
    evil_name = "Robert'); DROP TABLE sonae.lots; --\"x\\"
    run_alg("sonae:platformpartner", {"CONNECTION": platform.admin_conninfo, "CODE": "gamma", "NAME": evil_name})
    assert platform.sql("SELECT name FROM sonae.partners WHERE code = 'gamma'") == [(evil_name,)]
    for code in ("x'; DROP TABLE sonae.lots; --", 'a"b', "a b", "a" * 41, "ｘ;", "é"):
        with pytest.raises(QgsProcessingException, match="事業者コード"):
            run_alg("sonae:platformpartner", {"CONNECTION": platform.admin_conninfo, "CODE": code, "NAME": "n"})
    # a result table whose name is an injection attempt is stored under that literal name
    evil_table = 'r"; DROP TABLE sonae.lots; --'
    res = run_alg("sonae:platformsave", {"CONNECTION": platform.conninfo(CITY),
                                         "INPUT": stocked["items"], "TABLE": evil_table})
    assert res["ROWS"] == 9
    assert platform.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = 'sonae_results'") == \
        [(evil_table,)]
    assert platform.sql("SELECT count(*) FROM sonae.lots")[0][0] == lots
    # the metacharacter product survived import, QGIS and the write-back unchanged
    got = platform.sql('SELECT product FROM sonae_results."r""; DROP TABLE sonae.lots; --" WHERE site_id = \'P3\' '
                       "AND item = 'meals'")
    assert got == [(data.METACHAR_PRODUCT,)]
    assert platform.sql("SELECT count(*) FROM pg_roles WHERE rolname LIKE 'sonae\\_p\\_%'")[0][0] == 3


def test_platformsave_is_all_or_nothing_and_staff_only(platform, stocked, run_alg):
    from qgis.core import QgsProcessingException
    src = stocked["sites"]
    run_alg("sonae:platformsave", {"CONNECTION": platform.conninfo(CITY), "INPUT": src, "TABLE": "sites_copy"})
    n = platform.sql('SELECT count(*), min(ST_SRID(geom)) FROM sonae_results."sites_copy"')[0]
    assert n == (5, 6668)
    with pytest.raises(QgsProcessingException):
        run_alg("sonae:platformsave", {"CONNECTION": platform.conninfo(ALPHA), "INPUT": src, "TABLE": "mine"})
    with pytest.raises(QgsProcessingException):
        run_alg("sonae:platformsave", {"CONNECTION": platform.conninfo(CITY), "INPUT": src, "TABLE": "x" * 61})
    tables = {r[0] for r in platform.sql("SELECT table_name FROM information_schema.tables WHERE "
                                         "table_schema = 'sonae_results'")}
    assert "mine" not in tables and not any(t.startswith(("tmp_", "xxx")) for t in tables)
    with pytest.raises(psycopg2.errors.InsufficientPrivilege):
        platform.sql('SELECT * FROM sonae_results."sites_copy"', role=ALPHA)
    assert os.path.exists(stocked["sites"])


def test_battery_charge_as_a_stockpile(platform, stocked, run_alg, tmp_path):
    """Battery readings written by staff; the latest state of charge per battery (a view everyone may read) is
    the ENERGY input of stockpilesufficiency: kWh now = battery kWh x latest SoC, by hand."""
    import geopandas as gpd
    from shapely.geometry import Point
    platform.sql("INSERT INTO sonae.battery_readings (facility_id, read_at, soc, battery_kwh) VALUES "
                 "('S1', '2026-11-30 06:00+09', 0.9, 11.2), ('S1', '2026-12-01 06:00+09', 0.6, 11.2), "
                 "('S2', '2026-12-01 05:00+09', 0.25, 67.6)", role=CITY, fetch=False)
    with pytest.raises(psycopg2.Error):
        platform.sql("INSERT INTO sonae.battery_readings VALUES ('S1', now(), 1.0, 10, '')", role=ALPHA, fetch=False)
    latest = dict(platform.sql("SELECT facility_id, battery_soc FROM sonae.v_battery_latest", role=VIEWER))
    assert latest == {"S1": 0.6, "S2": 0.25}
    shelters = gpd.GeoDataFrame({"id": ["S1", "S2", "S3"], "name": ["A", "B", "C"], "evacuees": [400, 250, 90]},
                                geometry=[Point(134.045, 34.341), Point(134.052, 34.322), Point(134.068, 34.349)],
                                crs="EPSG:6668")
    sh = str(tmp_path / "shelters.gpkg")
    shelters.to_file(sh, layer="shelters")
    energy = pg_layer(platform, CITY, "v_battery_latest", key="facility_id")
    out = str(tmp_path / "suff.gpkg")
    run_alg("sonae:stockpilesufficiency", {
        "SHELTERS": f"{sh}|layername=shelters", "SHELTER_ID_FIELD": "id", "EVACUEES_FIELD": "evacuees",
        "NAME_FIELD": "name", "SITES": stocked["sites"],
        "ITEMS": stocked["items"], "PROFILE": 0, "HORIZON_DAYS": 3,
        "SCENARIO_DATE": "2026-12-01", "ALLOCATION": 0, "MAX_DISTANCE_M": 0, "ENERGY": energy,
        "ENERGY_ID_FIELD": "facility_id", "OUTPUT": out, "OUTPUT_DISTRICT": "TEMPORARY_OUTPUT"})
    del energy
    got = gpd.read_file(out).set_index("shelter_id")
    assert got.loc["S1", "kwh_now"] == pytest.approx(11.2 * 0.6)
    assert got.loc["S2", "kwh_now"] == pytest.approx(67.6 * 0.25)
    assert got.loc["S3", "kwh_now"] != got.loc["S3", "kwh_now"]          # no battery reading: unknown, not 0


def test_stock_write_is_all_or_nothing(platform, stocked, run_alg, tmp_path):
    """A staff import whose last site conflicts with the platform (P3 is beta's site, the file calls it the
    city's) is refused by the database: the new site C9 and its lot, written in the same transaction, are not
    there afterwards."""
    from qgis.core import QgsProcessingException
    before = _all_stock(platform)
    sites = data.SITES.replace("P3,ベータフーズ倉庫,協定事業者", "P3,ベータフーズ倉庫,市") + "C9,新備蓄庫,市,高松市,34.3600,134.0800\n"
    items = data.ITEMS + "C9,市,飲料水,保存水,L,100,2030-01-01,,,\n"
    items = items.replace("P3,協定事業者,", "P3,市,").replace(",2000,2026-03-01,", ",,,").replace(",600,2026-03-01,", ",,,")
    sites_csv, items_csv = data.write(tmp_path, items, sites)
    with pytest.raises(QgsProcessingException, match="sites_owner_partner"):
        run_alg("sonae:importstockpile", {"ITEMS_FILE": items_csv, "SITES_FILE": sites_csv,
                                          "PLATFORM": platform.conninfo(CITY), "OUTPUT_SITES": "TEMPORARY_OUTPUT",
                                          "OUTPUT_ITEMS": "TEMPORARY_OUTPUT"})
    assert platform.sql("SELECT count(*) FROM sonae.sites WHERE site_id = 'C9'") == [(0,)]
    assert _all_stock(platform) == before


def test_stock_write_rolls_back_earlier_statements(platform, stocked):
    """engine.platform_db.stock.write_stock: the sites are upserted first, then the lots; a lot the database
    refuses (an infinite quantity slipped past validation) rolls back the new site written before it."""
    import geopandas as gpd
    import pandas as pd
    from shapely.geometry import Point
    from sonae.engine.errors import SonaeInputError
    from sonae.engine.platform_db.stock import write_stock
    before = _all_stock(platform)
    sites = gpd.GeoDataFrame({"site_id": ["C8"], "name": ["x"], "owner_type": ["city"], "address": [""]},
                             geometry=[Point(134.08, 34.36)], crs="EPSG:6668")
    items = pd.DataFrame({"site_id": ["C8"], "owner_type": ["city"], "item": ["water"], "product": [""],
                          "unit": ["L"], "quantity": [float("inf")], "expiry_date": [None],
                          "committed_quantity": [float("nan")], "verified_on": [None], "note": [""]})
    con = platform.connect(CITY)
    try:
        with pytest.raises(SonaeInputError, match="23514"):           # check_violation on lots.quantity
            write_stock(con, sites, items)
    finally:
        con.close()
    assert platform.sql("SELECT count(*) FROM sonae.sites WHERE site_id = 'C8'") == [(0,)]
    assert _all_stock(platform) == before
