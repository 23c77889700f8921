"""Public-private shared stockpiles on a Takamatsu SCENARIO (scripts/scenario_stockpile.py, seeded; not real
inventory): import, sufficiency per shelter next to the shelters' battery energy, expiry rotation, partner audit."""
TITLE = "Shared stockpiles / 公民備蓄シェア (sonae:stockpilesufficiency, expiryrotation, partneraudit) — scenario / シナリオ"

SCENARIO_DATE = "令和8年4月1日"   # 2026-04-01, written in 和暦 as a city would
MAX_DISTANCE_M = 5000.0


def run(demo):
    import os

    import geopandas as gpd
    import numpy as np
    import pyogrio

    from sonae.engine import stockpile as sp
    from sonae.scripts.scenario_stockpile import SEED, make_scenario
    from sonae.engine.dates import parse_date

    out = os.path.join(demo.out_dir, "scenario_stockpile")
    os.makedirs(out, exist_ok=True)
    sites, items = make_scenario(parse_date(SCENARIO_DATE), SEED)
    sites_csv, items_csv = os.path.join(out, "stockpile_sites.csv"), os.path.join(out, "stockpile_items.csv")
    sites.to_csv(sites_csv, index=False, encoding="utf-8-sig")
    items.to_csv(items_csv, index=False, encoding="utf-8-sig")
    demo.run("sonae:stockpiletemplate", {"OUTPUT": os.path.join(demo.out_dir, "stockpile_template.xlsx")})
    imp = demo.run("sonae:importstockpile", {"ITEMS_FILE": items_csv, "SITES_FILE": sites_csv,
                                             "OUTPUT_SITES": demo.output("stock_sites"),
                                             "OUTPUT_ITEMS": demo.output("stock_items")})
    demo.style("stock_sites", "stock_sites")
    n_partner = int(sites["所有区分"].eq("協定事業者").sum())
    demo.say(f"stockpile scenario (seed {SEED}, NOT real inventory): {imp['SITE_COUNT']} sites "
             f"({len(sites) - n_partner} city: branch-office warehouses and shelter stores; {n_partner} fictitious "
             f"partner stores), {imp['ITEM_COUNT']} lots; template -> stockpile_template.xlsx")

    layers = {name for name, _ in pyogrio.list_layers(demo.gpkg)}
    if "shelters" in layers:
        shelters, ev_field = demo.layer_uri("shelters"), "evacuees"
    else:
        shelters, ev_field = demo.layer_uri("facilities"), "capacity_persons"
        demo.say("note: table 'shelters' (s30) absent: evacuees = capacity_persons (full shelters, an upper bound)")
    params = {"SHELTERS": shelters, "SHELTER_ID_FIELD": "id", "EVACUEES_FIELD": ev_field, "NAME_FIELD": "name",
              "SITES": demo.layer_uri("stock_sites"), "ITEMS": demo.layer_uri("stock_items"),
              "PROFILE": sp.profile_names().index("japan"), "HORIZON_DAYS": sp.default_horizon(),
              "SCENARIO_DATE": SCENARIO_DATE, "ALLOCATION": 0, "MAX_DISTANCE_M": MAX_DISTANCE_M,
              "OUTPUT": demo.output("stockpile_sufficiency"), "OUTPUT_DISTRICT": demo.output("stockpile_district")}
    if "shelters_energy" in layers:
        params.update({"ENERGY": demo.layer_uri("shelters_energy"), "ENERGY_ID_FIELD": "id"})
    else:
        print("  note: table 'shelters_energy' (s40) absent: battery kWh / hours not joined "
              "(no energy figures are invented) / s40 の shelters_energy がないため電力は結合しません")
    res = demo.run("sonae:stockpilesufficiency", params)
    demo.style("stockpile_sufficiency", "stockpile_sufficiency")

    rot = demo.run("sonae:expiryrotation", {"ITEMS": demo.layer_uri("stock_items"),
                                            "SITES": demo.layer_uri("stock_sites"), "REFERENCE_DATE": SCENARIO_DATE,
                                            "MONTHS": 12, "OUTPUT": demo.output("expiry_rotation"),
                                            "OUTPUT_REPLACEMENT": demo.output("expiry_replacement")})
    aud = demo.run("sonae:partneraudit", {"ITEMS": demo.layer_uri("stock_items"),
                                          "SITES": demo.layer_uri("stock_sites"), "AUDIT_DATE": SCENARIO_DATE,
                                          "PROFILE": sp.profile_names().index("japan"),
                                          "HORIZON_DAYS": sp.default_horizon(), "MAX_AGE_MONTHS": 12,
                                          "OUTPUT": demo.output("partner_audit")})
    demo.style("partner_audit", "partner_audit")
    for name in ("stock_sites", "stock_items", "stockpile_sufficiency", "stockpile_district", "expiry_rotation",
                 "expiry_replacement", "partner_audit"):
        demo.results[name] = demo.layer_uri(name)

    suff = gpd.read_file(demo.gpkg, layer="stockpile_sufficiency")
    rates = sp.profile_rates("japan")
    daily = [k for k, r in rates.items() if r.daily]
    # worst: fewest days of supply, then most evacuees; median: the middle shelter of that order
    served = suff[suff["evacuees"] > 0].sort_values(["days_min", "evacuees", "shelter_id"],
                                                    ascending=[True, False, True]).reset_index(drop=True)
    empty = int((served[[f"{k}_units" for k in rates]].sum(axis=1) == 0).sum())
    demo.say(f"sufficiency on {SCENARIO_DATE} (japan profile, {sp.default_horizon()} d, nearest sites within "
             f"{MAX_DISTANCE_M:,.0f} m, evacuees from '{ev_field}'): {res['SHELTERS_SHORT']} of {len(served)} "
             f"shelters with evacuees below {sp.default_horizon()} days; {res['UNALLOCATED_SHARE']:.1%} of usable "
             f"stock has no shelter in range; {empty} shelters receive nothing (nearest-first serves the shelters "
             "near the sites first)")
    if len(served):
        worst = served.iloc[0]
        median = served.iloc[(len(served) - 1) // 2]
        for label, row in (("worst", worst), ("median", median)):
            per_item = ", ".join(f"{k} {row[f'{k}_days']:.2f}" for k in daily)
            extra = ""
            if "hours_now" in suff.columns:
                kwh = row["kwh_now"]
                kwh_text = ("no battery" if row["battery_kwh"] == 0 else
                            "battery SoC not monitored" if np.isnan(kwh) else f"battery {kwh:.1f} kWh now")
                extra = f"; {kwh_text}, {row['hours_now']:.1f} h of critical load ({row['critical_load_kw']:.2f} kW)"
            demo.say(f"  {label} shelter {row['name']} ({row['shelter_id']}, {row['evacuees']:,.0f} evacuees): "
                     f"days of supply {per_item}; blankets for {row['blanket_persons']:,.0f} persons{extra}")
    city = gpd.read_file(demo.gpkg, layer="stockpile_district")
    c = city.iloc[0]
    demo.say("  city-wide days of supply: " + ", ".join(f"{k} {c[f'{k}_days']:.2f}" for k in daily)
             + "; partner share: " + ", ".join(f"{k} {c[f'{k}_partner']:.0%}" for k in daily
                                               if not np.isnan(c[f'{k}_partner'])))
    demo.say(f"expiry rotation: {rot['LOT_COUNT']} lots expire within 12 months of {SCENARIO_DATE} "
             f"({rot['EXPIRED_COUNT']} already expired)")
    demo.say(f"partner audit: partners' counted stock feeds {aud['PERSONS_FED']:,.0f} persons for "
             f"{aud['HORIZON']:g} days (limited by {aud['LIMITING_ITEM']}); {aud['UNDER_COMMITTED']} partner-items "
             f"under commitment, {aud['STALE']} with a verification older than 12 months")
