"""Smart-community districts and the FY2019 MoE subsidy for Takamatsu's shelters (seeds 003 and 004).

Uses the contract tables: shelters (s30), battery_sizing and shelters_energy (s40), chargers (s50, optional).
Takamatsu is a core city (中核市), not a designated city: applicant type 'municipality'. Its fiscal capability index
is not in shared/seeds or shared/data, so the demo uses the assumed value below (a demo parameter, not the official
figure: replace it with the 財政力指数 of the 総務省 決算カード) and also reports the other side of the 0.8 boundary.
"""
TITLE = "Districts and subsidy / 地区候補と補助対象 (sonae:districtlayout, sonae:subsidyscope)"

FISCAL_INDEX = 0.79          # DEMO ASSUMPTION (not looked up): just below the 0.8 boundary of seed 003's rates
APPLICANT = "municipality"   # 政令市未満市区町村等 (Takamatsu is a 中核市)


def run(demo):
    import pyogrio

    layers = {name for name, _ in pyogrio.list_layers(demo.gpkg)}
    for need in ("shelters", "battery_sizing"):
        if need not in layers:
            raise SystemExit(f"s70 needs the table {need} (s30 shelters, s40 battery_sizing); run the demo from s30 "
                             f"on. / s70 には {need} テーブルが必要です。")
    common = {"FACILITIES": demo.layer_uri("shelters"), "ENERGY": demo.layer_uri("battery_sizing"),
              "ENERGY_ID_FIELD": "facility_id", "ADDED_ONLY": True, "APPLICANT_TYPE": APPLICANT,
              "FISCAL_INDEX": FISCAL_INDEX}
    from sonae.engine.districts import load_district_rules
    params = dict(common, SPAN_M=float(load_district_rules()["span_m"]), OUTPUT=demo.output("districts"),
                  OUTPUT_MEASURES=demo.output("district_measures"))
    if "shelters_energy" in layers:
        params.update(AUTONOMY=demo.layer_uri("shelters_energy"), AUTONOMY_ID_FIELD="id")
    if "chargers" in layers:
        params["CHARGERS"] = demo.layer_uri("chargers")
    res = demo.run("sonae:districtlayout", params)
    demo.style("districts", "districts")
    demo.results["districts"] = demo.layer_uri("districts")
    demo.results["district_measures"] = demo.layer_uri("district_measures")
    d = pyogrio.read_dataframe(demo.gpkg, layer="districts", read_geometry=False)
    kinds = d["type_ja"].value_counts()
    demo.say(f"districts (members within {params['SPAN_M']:g} m of each other, rules/district_types.json span_m; seed 004 types): {res['DISTRICT_COUNT']} candidate "
             f"districts holding {int(d['n_members'].sum())} shelters: " + ", ".join(f"{t} {c}" for t, c in kinds.items()))
    m = pyogrio.read_dataframe(demo.gpkg, layer="district_measures", read_geometry=False)
    demo.say("recommended measures without a district of their own (seed 004 表5.12, 表5.13): "
             + "; ".join(f"{r.name_ja} (city + {r.n_districts} districts)" for r in m.itertuples())
             + f"; self-owned lines priced in {int(d['interchange'].astype(bool).sum())} of {len(d)} districts "
             f"(types whose scheme interchanges energy), {int(d['line_cost_yen'].sum()):,} yen")
    if len(d):
        top = d.sort_values("feasibility", ascending=False).iloc[0]
        demo.say(f"most feasible district {top['district_id']} ({top['type_ja']}, {int(top['n_members'])} shelters: "
                 f"{top['member_names'][:60]}): feasibility {top['feasibility']:.2f}, investment "
                 f"{int(top['investment_yen']):,} yen, subsidy {int(top['subsidy_yen']):,} yen")

    res = demo.run("sonae:subsidyscope", dict(common, DISTRICTS=demo.layer_uri("districts"),
                                              OUTPUT=demo.output("subsidy_scope")))
    demo.style("subsidy_scope", "subsidy_scope")
    demo.results["subsidy_scope"] = demo.layer_uri("subsidy_scope")
    s = pyogrio.read_dataframe(demo.gpkg, layer="subsidy_scope", read_geometry=False)
    city = s[s["row_type"] == "city"].iloc[0]
    fac = s[s["row_type"] == "facility"]
    demo.say(f"subsidy (FY2019 MoE, applicant {APPLICANT}, fiscal index {FISCAL_INDEX} [demo assumption] -> rate "
             f"{fac['rate'].iloc[0]}): {res['ELIGIBLE_COUNT']} of {len(fac)} shelters eligible; eligible total "
             f"{res['ELIGIBLE_TOTAL']:,} yen, subsidy {res['SUBSIDY_TOTAL']:,} yen, local bond "
             f"{int(city['bond_yen']):,} yen, allocation tax {int(city['allocation_tax_yen']):,} yen, effective "
             f"burden {res['BURDEN_TOTAL']:,} yen ({res['BURDEN_TOTAL'] / max(res['ELIGIBLE_TOTAL'], 1):.1%})")
    demo.say(f"not priced or not eligible: {int(city['ineligible_cost_yen']):,} yen (PV above the self-consumption "
             f"cap, batteries without new renewables, shelters without a plan)")
    alt = demo.run("sonae:subsidyscope", dict(common, FISCAL_INDEX=0.8, OUTPUT="TEMPORARY_OUTPUT"))
    demo.say(f"at a fiscal index of 0.8 or more (rate 2/3) the subsidy would be {alt['SUBSIDY_TOTAL']:,} yen and the "
             f"effective burden {alt['BURDEN_TOTAL']:,} yen")
