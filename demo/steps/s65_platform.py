"""The shared platform (issue 15) on a throwaway PostgreSQL + PostGIS server: the s60 stockpile SCENARIO
written to the platform by city staff, the yearly partner audit and the sufficiency read back from it (the same
figures as from the files), a partner's view limited to its own rows, and the real 七尾市 shelter snapshots
(Noto 2024, CC BY 4.0, demo/data/nanao_shelter_ops) imported with occupancy and suppressed needs. The server
is stopped and deleted at the end. Skipped, with the reason, when PostgreSQL/PostGIS are not installed."""
TITLE = "Shared platform / 共有基盤 (sonae:platforminit, platformpartner, importshelterops on PostGIS)"

SCENARIO_DATE = "令和8年4月1日"


def run(demo):
    import os

    import geopandas as gpd
    import pandas as pd

    from sonae.engine.platform_db.cluster import Cluster, missing_reason
    from sonae.engine import stockpile as sp

    reason = missing_reason()
    if reason:
        demo.say(f"platform step skipped: {reason}")
        return
    scen = os.path.join(demo.out_dir, "scenario_stockpile")
    sites_csv, items_csv = os.path.join(scen, "stockpile_sites.csv"), os.path.join(scen, "stockpile_items.csv")
    if not os.path.exists(items_csv):
        demo.say("platform step skipped: run s60 first (scenario_stockpile/*.csv missing)")
        return
    sites = pd.read_csv(sites_csv, dtype=str, encoding="utf-8-sig")
    partner_sites = sites.loc[sites["所有区分"] == "協定事業者", "拠点ID"].tolist()
    with Cluster(os.path.join(demo.out_dir, "pg")) as c:
        admin = c.conninfo()
        demo.run("sonae:platforminit", {"CONNECTION": admin, "STYLES": True})
        import psycopg2
        con = psycopg2.connect(admin)
        with con.cursor() as cur:
            cur.execute("CREATE ROLE demo_staff LOGIN IN ROLE sonae_city")
            cur.execute("CREATE ROLE demo_council LOGIN IN ROLE sonae_viewer")
        con.commit()
        # one fictitious partner per scenario partner store (SCENARIO, not real companies)
        for sid in partner_sites:
            code = "scenario_" + "".join(ch if ch.isalnum() else "_" for ch in sid.lower())
            demo.run("sonae:platformpartner", {"CONNECTION": admin, "CODE": code, "NAME": f"協定店舗 {sid}（シナリオ）",
                                               "SITE_IDS": sid})
        staff = c.conninfo("demo_staff")
        imp = demo.run("sonae:importstockpile", {"ITEMS_FILE": items_csv, "SITES_FILE": sites_csv, "PLATFORM": staff,
                                                 "OUTPUT_SITES": "TEMPORARY_OUTPUT", "OUTPUT_ITEMS": "TEMPORARY_OUTPUT"})

        from sonae.processing_algorithms.platform_common import layer_uri

        def layers(conninfo):
            """Layer sources as strings ('postgres://' + the QGIS URI): what a model or qgis_process passes."""
            return ("postgres://" + layer_uri(conninfo, "sonae", "sites", "geom", "site_id"),
                    "postgres://" + layer_uri(conninfo, "sonae", "stock_items", None, "lot_id"))

        s_layer, i_layer = layers(staff)
        audit = demo.run("sonae:partneraudit", {"ITEMS": i_layer, "SITES": s_layer, "AUDIT_DATE": SCENARIO_DATE,
                                                "PROFILE": sp.profile_names().index("japan"),
                                                "HORIZON_DAYS": sp.default_horizon(), "MAX_AGE_MONTHS": 12,
                                                "OUTPUT": demo.output("platform_partner_audit")})
        file_audit = gpd.read_file(demo.gpkg, layer="partner_audit") if "partner_audit" in \
            {n for n, _ in __import__("pyogrio").list_layers(demo.gpkg)} else None
        same = ""
        if file_audit is not None:
            plat = gpd.read_file(demo.gpkg, layer="platform_partner_audit")
            key = ["site_id", "item"]
            a = file_audit.sort_values(key)[key + ["reported", "committed"]].reset_index(drop=True)
            b = plat.sort_values(key)[key + ["reported", "committed"]].reset_index(drop=True)
            same = " — identical to s60's file-based audit" if a.equals(b) else " — DIFFERS from s60's audit (!)"
        demo.say(f"platform: {imp['SITE_COUNT']} sites / {imp['ITEM_COUNT']} lots written by staff in one transaction; "
                 f"{len(partner_sites)} scenario partners with their own login roles; yearly audit from the "
                 f"database: {audit['UNDER_COMMITTED']} under-committed, {audit['STALE']} stale rows, partners' stock "
                 f"feeds {audit['PERSONS_FED']:,.0f} persons for {audit['HORIZON']:g} days{same}")
        # a partner's own view: the same algorithm, only its rows
        first = partner_sites[0]
        role = "sonae_p_scenario_" + "".join(ch if ch.isalnum() else "_" for ch in first.lower())
        ps, pi = layers(c.conninfo(role))
        own = demo.run("sonae:partneraudit", {"ITEMS": pi, "SITES": ps, "AUDIT_DATE": SCENARIO_DATE,
                                              "PROFILE": sp.profile_names().index("japan"),
                                              "HORIZON_DAYS": sp.default_horizon(), "MAX_AGE_MONTHS": 12,
                                              "OUTPUT": demo.output("platform_partner_audit_own")})
        own_sites = set(gpd.read_file(demo.gpkg, layer="platform_partner_audit_own")["site_id"])
        con = psycopg2.connect(c.conninfo("demo_council"))
        try:
            with con.cursor() as cur:
                cur.execute("SELECT count(*) FROM sonae.v_stock_by_item")
                n_totals = cur.fetchone()[0]
                try:
                    cur.execute("SELECT count(*) FROM sonae.lots")
                    council_lots = f"{cur.fetchone()[0]} lots (!)"
                except psycopg2.errors.InsufficientPrivilege:
                    council_lots = "no lot (permission denied)"
        finally:
            con.close()
        demo.say(f"platform: partner login {role} runs the same audit ({own['UNDER_COMMITTED']} under-committed) and "
                 f"sees only {sorted(own_sites)} (row-level security); the council login reads {n_totals} city-wide "
                 f"totals (v_stock_by_item) and {council_lots}")
        # sufficiency from the platform
        lyrs = {n for n, _ in __import__("pyogrio").list_layers(demo.gpkg)}
        if "shelters" in lyrs:
            res = demo.run("sonae:stockpilesufficiency", {
                "SHELTERS": demo.layer_uri("shelters"), "SHELTER_ID_FIELD": "id", "EVACUEES_FIELD": "evacuees",
                "NAME_FIELD": "name", "SITES": s_layer, "ITEMS": i_layer, "PROFILE": sp.profile_names().index("japan"),
                "HORIZON_DAYS": sp.default_horizon(), "SCENARIO_DATE": SCENARIO_DATE, "ALLOCATION": 0,
                "MAX_DISTANCE_M": 5000.0, "OUTPUT": demo.output("platform_sufficiency"),
                "OUTPUT_DISTRICT": "TEMPORARY_OUTPUT"})
            a = gpd.read_file(demo.gpkg, layer="stockpile_sufficiency")["days_min"]
            b = gpd.read_file(demo.gpkg, layer="platform_sufficiency")["days_min"]
            same = "identical to s60" if a.fillna(-1).round(9).equals(b.fillna(-1).round(9)) else "DIFFERS from s60 (!)"
            saved = demo.run("sonae:platformsave", {"CONNECTION": staff, "INPUT": demo.layer_uri("platform_sufficiency"),
                                                    "TABLE": "stockpile_sufficiency"})
            demo.say(f"platform: sufficiency read from the database: {res['SHELTERS_SHORT']} shelters below the "
                     f"horizon, {same}; written back to {saved['TABLE_NAME']} ({saved['ROWS']} rows, atomically)")
            plan = demo.run("sonae:deliveryplan", {
                "SHELTERS": demo.layer_uri("shelters"), "SHELTER_ID_FIELD": "id", "PERSONS_FIELD": "evacuees",
                "NAME_FIELD": "name", "SITES": s_layer, "ITEMS": i_layer, "PLAN_DATE": SCENARIO_DATE,
                "PROFILE": sp.profile_names().index("japan"), "HORIZON_DAYS": sp.default_horizon(),
                "MAX_DISTANCE_M": 5000.0, "OUTPUT": demo.output("delivery_plan"),
                "OUTPUT_SHELTERS": demo.output("delivery_dates")})
            dates = gpd.read_file(demo.gpkg, layer="delivery_dates")
            served = dates[dates["runs"] > 0]
            occupied = dates[dates["persons"] > 0]
            short = int((~occupied["fully_supplied"].astype(bool)).sum())
            demo.say(f"delivery plan from the platform's stock (SCENARIO; {plan['RUNS']} runs, 2 a day per site, "
                     f"20 km/h, sites within 5 km): {len(served)} shelters told their delivery date, the last on "
                     f"{plan['LAST_DATE']}; {short} of the {len(occupied)} shelters with evacuees not fully supplied "
                     f"for {sp.default_horizon()} days from local stock")
        # shelter operations: the real Nanao snapshots
        folder = os.path.join(os.path.dirname(demo.data), "nanao_shelter_ops")
        ops = demo.run("sonae:importshelterops", {"FOLDER": folder, "PLATFORM": staff,
                                                  "OUTPUT_SHELTERS": demo.output("shelter_ops_latest"),
                                                  "OUTPUT_OCCUPANCY": demo.output("shelter_ops_occupancy")})
        con = psycopg2.connect(c.conninfo("demo_council"))
        with con.cursor() as cur:
            cur.execute("SELECT max(occupancy), count(*) FILTER (WHERE occupancy > 1) FROM sonae.v_shelter_occupancy")
            peak_occ, over = cur.fetchone()
        con.close()
        demo.say(f"shelter operations (七尾市, Noto 2024, 17 of 118 published snapshots, CC BY 4.0): "
                 f"{ops['SHELTERS']} shelters, {ops['OBSERVATIONS']} observations, peak {ops['PEAK_TOTAL']:,.0f} "
                 f"evacuees, {ops['OVER_CAPACITY']} observations over the indoor capacity (highest occupancy "
                 f"{peak_occ:.0%}, as the council login sees it); the server was a throwaway on a Unix socket")
        for name in ("platform_partner_audit", "shelter_ops_latest", "shelter_ops_occupancy", "delivery_plan",
                     "delivery_dates"):
            demo.results[name] = demo.layer_uri(name)
