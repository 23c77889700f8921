"""Energy scenario at Takamatsu's shelters: hours of autonomy in an outage, and the batteries to reach 72 h."""
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

    common = {"FACILITIES": demo.layer_uri("shelters"), "ID_FIELD": "id", "EVACUEES_FIELD": "evacuees",
              "TYPE_FIELD": "facility_type", "ENERGY_ASSETS": demo.layer_uri("energy_assets"),
              "ASSET_ID_FIELD": "facility_id", "START_SOC": 0.5, "PV_REGION": 0}
    res = demo.run("sonae:outageautonomy", dict(common, OUTAGE_HOURS=72, START_TIME=START_TIME,
                                                OUTPUT=demo.output("shelters_energy")))
    demo.style("shelters_energy", "shelters_energy")
    demo.results["shelters_energy"] = demo.layer_uri("shelters_energy")
    se = pyogrio.read_dataframe(demo.gpkg, layer="shelters_energy", read_geometry=False)
    used = se[se["evacuees"].fillna(0) > 0]
    equipped = se[(se["battery_kwh"] > 0) | (se["pv_kw"] > 0)]
    demo.say(f"autonomy (outage from {START_TIME.replace('T', ' ')} JST, batteries at their monitored SoC or 0.5): "
             f"{res['BELOW_TARGET']} of {len(se)} shelters below 72 h "
             f"({int((used['hours_now'] < 72).sum())} of the {len(used)} receiving evacuees); critical load "
             f"{se['critical_load_kw'].sum():,.1f} kW in total, {se['shortfall_kwh_72h'].sum():,.0f} kWh short for 72 h")
    demo.say(f"autonomy over every start hour: {len(equipped)} equipped shelters, median of min_hours "
             f"{np.median(equipped['min_hours']):.0f} h; {int((equipped['share_72h'] >= 1).sum())} survive 72 h "
             f"whenever the outage starts, {int((equipped['share_168h'] >= 1).sum())} survive 168 h")
    designated_uri = demo.layer_uri("shelters") + "|subset=\"designated_shelter\" = 1"
    res = demo.run("sonae:sizeforautonomy", dict(common, FACILITIES=designated_uri, TARGET_HOURS=72, TARGET_SHARE=1.0,
                                                  PV_MODE=1, OUTPUT=demo.output("battery_sizing")))
    demo.results["battery_sizing"] = demo.layer_uri("battery_sizing")
    bs = pyogrio.read_dataframe(demo.gpkg, layer="battery_sizing", read_geometry=False)
    demo.say(f"sizing {len(bs)} designated shelters for 72 h at every start hour (PV up to the self-consumption "
             f"cap): batteries "
             f"{res['TOTAL_BATTERY_KWH']:,.1f} kWh in total (+{bs['battery_kwh_added'].sum():,.1f} kWh), PV "
             f"{bs['pv_kw'].sum():,.0f} kW (+{bs['pv_kw_added'].sum():,.0f} kW); {res['INFEASIBLE']} not reachable")
