"""EVs carry electricity to shelters: a Takamatsu SCENARIO (chargers at the 19 branch offices, a city and dealer
EV fleet; scripts/scenario_mobility.py, seeded), charger coverage and the EV delivery plan on s40's
``shelters_energy`` (straight line x detour factor: no road data is shipped, see MANIFEST)."""
TITLE = "EV power delivery / EV電力輸送 (sonae:chargercoverage, sonae:evdeliveryplan) — scenario / シナリオ"

TIME_BUDGET_H = 24.0      # the first day after the outage
COVERAGE_MIN = 15.0


def run(demo):
    import geopandas as gpd
    import pyogrio

    from sonae.scripts.scenario_mobility import SEED, make_chargers, make_fleet, write

    layers = {name for name, _ in pyogrio.list_layers(demo.gpkg)}
    if "shelters_energy" not in layers:
        raise SystemExit("s50 needs the table shelters_energy from s40 (energy); run s40 first. / "
                         "s50 には s40 の shelters_energy が必要です。先に s40 を実行してください。")
    chargers = make_chargers(demo.path("branch_office.csv"), SEED)
    fleet = make_fleet(chargers, SEED)
    write(demo.gpkg, chargers, fleet)
    demo.say(f"EV scenario (seed {SEED}, not real inventory): {len(chargers)} chargers at branch offices "
             f"({int((chargers['charger_kw'] >= 50).sum())} quick), {len(fleet)} EVs "
             f"({int((fleet['owner'] == 'city').sum())} city Leaf 40, {int((fleet['owner'] == 'dealer').sum())} "
             f"dealer Leaf e+ 62)")

    cov = demo.run("sonae:chargercoverage", {
        "CHARGERS": demo.layer_uri("chargers"), "CHARGER_ID_FIELD": "id",
        "SHELTERS": demo.layer_uri("shelters_energy"), "SHELTER_ID_FIELD": "id",
        "MINUTES": COVERAGE_MIN, "OUTPUT": demo.output("charger_coverage")})
    demo.say(f"charger coverage: {cov['SHELTERS_COVERED']} of {cov['SHELTERS_TOTAL']} shelters within "
             f"{COVERAGE_MIN:g} min of a charger (straight line x detour factor at the planning speed)")

    res = demo.run("sonae:evdeliveryplan", {
        "CHARGERS": demo.layer_uri("chargers"), "CHARGER_ID_FIELD": "id",
        "EV_FLEET": demo.layer_uri("ev_fleet"),
        "SHELTERS": demo.layer_uri("shelters_energy"), "SHELTER_ID_FIELD": "id",
        "SHORTFALL_FIELD": "shortfall_kwh_72h", "HOURS_FIELD": "hours_now", "LOAD_FIELD": "critical_load_kw",
        "TARGET_H": 72.0, "TIME_BUDGET_H": TIME_BUDGET_H,
        "OUTPUT_LINES": demo.output("ev_plan"), "OUTPUT_TABLE": demo.output("ev_plan_table"),
        "OUTPUT_SHELTERS": demo.output("shelters_after_ev")})
    demo.style("ev_plan", "ev_plan")
    for name in ("chargers", "ev_fleet", "charger_coverage", "ev_plan", "ev_plan_table", "shelters_after_ev"):
        demo.results[name] = demo.layer_uri(name)
    table = gpd.read_file(demo.gpkg, layer="ev_plan_table")
    gap = res["MIP_GAP"]
    demo.say(f"EV plan ({TIME_BUDGET_H:g} h): {res['DELIVERED_KWH']:,.0f} of {res['NEED_KWH']:,.0f} kWh shortfall "
             f"delivered by {table['vehicle_id'].nunique()} EVs to {table['shelter_id'].nunique()} shelters in "
             f"{int(table['trips'].sum())} trips; "
             + ("optimal" if res["OPTIMAL"] else f"time limit, MIP gap {gap:.2%}"))
    after = pyogrio.read_dataframe(demo.gpkg, layer="shelters_after_ev", read_geometry=False)
    by_role = after.groupby("role")["ev_kwh_delivered"].sum() if "role" in after.columns else {}
    # one line starting 'shelters below 72 h (hours_now):' (the MILP may differ between runs; tests skip that line)
    demo.say(f"shelters below 72 h (hours_now): {res['SHELTERS_BELOW_BEFORE']} before the EV plan, "
             f"{res['SHELTERS_BELOW_AFTER']} after (only roles with a 72 h target count, rules/facility_roles.json); "
             "EV kWh delivered by role (only roles with ev_delivery receive any): "
             + ", ".join(f"{r} {v:,.1f}" for r, v in by_role.items()))
