"""Nearest flood-safe shelter for every Takamatsu town, evacuees against capacity (straight-line distance).

Flood scenario: the people who must leave are the residents of towns whose point lies at depth rank >= 2
(0.5 m or more, above-floor flooding: `people_exposed` from step s20); the evacuation rate (rules/evacuation.json)
is the share of them who stay in a designated shelter. Using every resident instead would treat the whole city
as evacuating, which no flood plan assumes.
"""
TITLE = "Shelter catchments / 避難所の受け持ち区域 (sonae:sheltercatchments)"


def run(demo):
    import geopandas as gpd

    res = demo.run("sonae:sheltercatchments", {
        "FACILITIES": demo.layer_uri("facilities_hazard"), "POPULATION": demo.layer_uri("exposed_population"),
        "POPULATION_FIELD": "people_exposed", "ZONE_ID_FIELD": "regionName",
        "HAZARD_FIELD": "flood_conflict", "M2_PER_PERSON": 0,
        "OUTPUT": demo.output("shelters"), "CATCHMENTS": demo.output("population_catchment"),
    })
    demo.style("shelters", "shelters")
    demo.style("population_catchment", "population_catchment")
    demo.results["shelters"] = demo.layer_uri("shelters")
    demo.results["population_catchment"] = demo.layer_uri("population_catchment")
    sh = gpd.read_file(demo.gpkg, layer="shelters")
    pc = gpd.read_file(demo.gpkg, layer="population_catchment")
    receiving = sh[sh["assigned_population"] > 0]
    short = sh[sh["shortfall_persons"].fillna(0) > 0]
    demo.say(f"catchments: {len(sh)} shelters ({int(sh['eligible'].astype(bool).sum())} eligible), {len(pc)} towns "
             f"-> {len(receiving)} shelters receive people; {res['POPULATION_ASSIGNED']:,.0f} people at flood depth rank >= 2 assigned, "
             f"{sh['evacuees'].sum():,.0f} expected evacuees (rate from rules/evacuation.json)")
    demo.say(f"capacity at 3.5 m2/person: {sh['capacity_calc'].sum():,.0f} places known "
             f"({int(sh['capacity_calc'].isna().sum())} shelters without capacity); {len(short)} shelters short by "
             f"{res['SHORTFALL_TOTAL']:,.0f} persons in total; median town distance "
             f"{pc['distance_m'].median():,.0f} m, max {pc['distance_m'].max():,.0f} m")
