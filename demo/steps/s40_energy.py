"""Energy scenario at Takamatsu's shelters: hours of autonomy in an outage with weather, and the batteries to reach
24 h and 72 h. Facility roles (rules/facility_roles.json) decide the load and the target: open spaces carry none,
tsunami buildings a reduced load for hours, and only the 72 h roles count in "below 72 h"."""
TITLE = "Energy autonomy / 停電時の自立時間 (sonae:outageautonomy, sonae:sizeforautonomy)"

START_TIME = "2026-09-01T18:00:00"   # a fixed outage start (防災の日, evening) so the demo is reproducible


def run(demo):
    import numpy as np
    import pyogrio

    from sonae.engine.columns import as_bool
    from sonae.scripts.scenario_energy import LABEL, make_scenario

    if "shelters" not in {name for name, _ in pyogrio.list_layers(demo.gpkg)}:
        raise SystemExit("s40 needs the shelters table of step s30 (run the demo from s30 on). / "
                         "s40にはs30の shelters テーブルが必要です。")
    shelters = pyogrio.read_dataframe(demo.gpkg, layer="shelters", read_geometry=False)
    designated = shelters[as_bool(shelters["designated_shelter"])]
    assets = make_scenario(designated)
    pyogrio.write_dataframe(assets, demo.gpkg, layer="energy_assets", driver="GPKG")
    demo.results["energy_assets"] = demo.layer_uri("energy_assets")
    demo.say(f"energy scenario ({LABEL}): {len(assets)} designated shelters, PV at "
             f"{int((assets.pv_kw > 0).sum())} ({assets.pv_kw.sum():,.0f} kW), batteries at "
             f"{int((assets.battery_kwh > 0).sum())} ({assets.battery_kwh.sum():,.1f} kWh), "
             f"{int(assets.battery_soc.notna().sum())} with a monitored SoC")

    # weather: seeded synthetic years of the nearest climate region (岡山, 地域6; rules/weather_normals_japan.json)
    common = {"FACILITIES": demo.layer_uri("shelters"), "ID_FIELD": "id", "EVACUEES_FIELD": "evacuees",
              "TYPE_FIELD": "facility_type", "ENERGY_ASSETS": demo.layer_uri("energy_assets"),
              "ASSET_ID_FIELD": "facility_id", "START_SOC": 0.5, "WEATHER_REGION": 0}
    res = demo.run("sonae:outageautonomy", dict(common, OUTAGE_HOURS=72, START_TIME=START_TIME,
                                                OUTPUT=demo.output("shelters_energy")))
    demo.style("shelters_energy", "shelters_energy")
    demo.results["shelters_energy"] = demo.layer_uri("shelters_energy")
    se = pyogrio.read_dataframe(demo.gpkg, layer="shelters_energy", read_geometry=False)
    counted = as_bool(se["counts_in_target"])
    roles = se["role"].value_counts()
    demo.say(f"roles (rules/facility_roles.json): " + ", ".join(f"{r} {c}" for r, c in roles.items())
             + f"; critical load at open spaces (immediate_refuge) "
             f"{se.loc[se['role'] == 'immediate_refuge', 'critical_load_kw'].sum():.1f} kW, at tsunami buildings "
             f"{se.loc[se['role'] == 'tsunami_building', 'critical_kwh_day'].sum():.1f} kWh/day (target "
             f"{se.loc[se['role'] == 'tsunami_building', 'autonomy_target_h'].max():g} h)")
    demo.say(f"autonomy (outage from {START_TIME.replace('T', ' ')} JST, the middle of "
             f"{int(se['weather_years'].iloc[0])} weather years, {se['weather_source'].iloc[0]}): "
             f"{res['BELOW_TARGET']} of the {int(counted.sum())} facilities with a 72 h target below 72 h; "
             f"critical load {se['critical_load_kw'].sum():,.1f} kW in total, "
             f"{se['shortfall_kwh_72h'].sum():,.0f} kWh short for 72 h")
    equipped = se[((se["battery_kwh"] > 0) | (se["pv_kw"] > 0)) & counted]
    demo.say(f"autonomy over every start hour and weather year ({len(equipped)} equipped 72 h-target shelters): "
             f"mean share surviving 24 h {equipped['share_24h'].mean():.3f}, 72 h {equipped['share_72h'].mean():.3f}, "
             f"168 h {equipped['share_168h'].mean():.3f}; {int((equipped['share_72h'] >= 1).sum())} survive 72 h "
             f"whatever the start and weather, {int((equipped['share_168h'] >= 1).sum())} survive 168 h; "
             f"{int((equipped['share_72h'] > equipped['share_168h']).sum())} shelters survive 72 h in more outages "
             f"than 168 h, {int((equipped['share_24h'] > equipped['share_72h']).sum())} survive 24 h in more than "
             f"72 h; median min_hours {np.median(equipped['min_hours']):.0f} h")
    designated_uri = demo.layer_uri("shelters") + "|subset=\"designated_shelter\" = 1"
    totals = {}
    for hours in (24, 72):
        name = "battery_sizing" if hours == 72 else "battery_sizing_24h"
        res = demo.run("sonae:sizeforautonomy", dict(common, FACILITIES=designated_uri, TARGET_HOURS=hours,
                                                      TARGET_SHARE=1.0, PV_MODE=1, OUTPUT=demo.output(name)))
        demo.results[name] = demo.layer_uri(name)
        bs = pyogrio.read_dataframe(demo.gpkg, layer=name, read_geometry=False)
        totals[hours] = res["TOTAL_BATTERY_KWH"]
        demo.say(f"sizing {len(bs)} designated shelters for {hours} h at every start hour and weather year (PV up "
                 f"to the self-consumption cap): batteries {res['TOTAL_BATTERY_KWH']:,.1f} kWh in total "
                 f"(+{bs['battery_kwh_added'].sum():,.1f} kWh), PV {bs['pv_kw'].sum():,.0f} kW "
                 f"(+{bs['pv_kw_added'].sum():,.0f} kW); {res['INFEASIBLE']} not reachable")
    demo.say(f"72 h needs {totals[72] / max(totals[24], 1e-9):.2f} x the battery of 24 h "
             f"({totals[72]:,.1f} vs {totals[24]:,.1f} kWh): runs of dull days")
