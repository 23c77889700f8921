"""Flood-safe stay shelters for Takamatsu's flooded towns, within their capacity (straight-line distance).

Flood scenario: the people who must leave are the residents of towns at depth rank >= 2 (0.5 m or more,
above-floor flooding: `people_exposed` from step s20); the evacuation rate (rules/evacuation.json) is the share of
them who stay in a shelter. HAZARD_TYPE = flood: only stay shelters (designated / welfare) designated for floods,
not in conflict, and, where the site itself floods, only the floors above the water. Parks and tsunami buildings
are immediate refuge: they get no stay evacuees (their capacity is reported apart). ASSIGNMENT = capacity: no
shelter above its capacity; people who find no place are reported as unassigned. The `evacuees` column of the
`shelters` table is therefore the capacity-limited occupancy every later step (energy, EV, stockpile, subsidy) uses.
The old nearest-shelter method is run too, for comparison only (table `shelters_nearest`).
"""
TITLE = "Shelter catchments / 避難所の受け持ち区域 (sonae:sheltercatchments)"


def run(demo):
    import geopandas as gpd
    import numpy as np

    from sonae.engine.columns import as_bool
    common = {"FACILITIES": demo.layer_uri("facilities_hazard"), "POPULATION": demo.layer_uri("exposed_population"),
              "POPULATION_FIELD": "people_exposed", "ZONE_ID_FIELD": "regionName", "HAZARD_TYPE": "flood",
              "M2_PER_PERSON": 0}
    near = demo.run("sonae:sheltercatchments", dict(common, ASSIGNMENT="nearest",
                                                    OUTPUT=demo.output("shelters_nearest"),
                                                    CATCHMENTS=demo.output("population_catchment_nearest")))
    res = demo.run("sonae:sheltercatchments", dict(common, ASSIGNMENT="capacity", OUTPUT=demo.output("shelters"),
                                                   CATCHMENTS=demo.output("population_catchment")))
    demo.style("shelters", "shelters")
    demo.style("population_catchment", "population_catchment")
    demo.results["shelters"] = demo.layer_uri("shelters")
    demo.results["population_catchment"] = demo.layer_uri("population_catchment")
    sh = gpd.read_file(demo.gpkg, layer="shelters")
    pc = gpd.read_file(demo.gpkg, layer="population_catchment")
    sn = gpd.read_file(demo.gpkg, layer="shelters_nearest")
    codes = sh["eligibility"].value_counts()
    elig = as_bool(sh["eligible"])
    demo.say(f"eligibility for flood: {int(elig.sum())} of {len(sh)} facilities receive stay evacuees; "
             + ", ".join(f"{k} {v}" for k, v in codes.items())
             + f"; immediate-refuge capacity (parks, tsunami buildings) {res['REFUGE_CAPACITY']:,.0f} persons")
    demo.say(f"capacity assignment: {res['EVACUEES_TOTAL']:,} expected evacuees (whole people) from {len(pc)} towns; "
             f"{res['EVACUEES_ASSIGNED']:,} placed in {int((sh['evacuees'] > 0).sum())} shelters, "
             f"{res['EVACUEES_UNASSIGNED']:,} find no place ({res['EVACUEES_UNREACHED']:,} of them have no eligible "
             f"shelter within the maximum distance); shelters above capacity: {res['OVER_CAPACITY_SHELTERS']}; "
             f"trips: median {np.nanmedian(pc['mean_distance_m']):,.0f} m, longest {np.nanmax(pc['distance_m']):,.0f} m")
    top = sh.sort_values("evacuees", ascending=False).head(3)
    demo.say("fullest: " + "; ".join(f"{r['name']} {int(r['evacuees']):,}/{r['capacity_calc']:,.0f}"
                                     for _, r in top.iterrows()))
    over = sn[sn["evacuees"] > sn["capacity_calc"]]
    demo.say(f"for comparison, nearest safe shelter regardless of capacity: {near['OVER_CAPACITY_SHELTERS']} shelters "
             f"above capacity by {int((over['evacuees'] - over['capacity_calc']).sum()):,} persons "
             f"(largest {over.sort_values('evacuees').iloc[-1]['name'] if len(over) else '-'}: "
             f"{int(over['evacuees'].max()) if len(over) else 0:,} evacuees)")
