"""Flood exposure of Takamatsu's shelters and people (bundled KSJ A31b-23 depth-rank raster, town population)."""
TITLE = "Hazard exposure / ハザード曝露 (sonae:hazardexposure, sonae:exposedpopulation, sonae:importpopulation)"

FLOOD = "takamatsu_flood_max_depthrank_A31b23.tif"
POPULATION = "population_by_town_age_202602_points.geojson"
CENSUS = "census2015_chome_372013_attributes.csv"                       # 2015 census small areas (e-Stat)
CENSUS_POINTS = "census2015_chome_372013_attributes_centroids.geojson"


def run(demo):
    import geopandas as gpd
    import pandas as pd

    from sonae.engine.columns import as_bool
    res = demo.run("sonae:hazardexposure", {
        "FACILITIES": demo.layer_uri("facilities"), "HAZARD": demo.path(FLOOD),
        "HAZARD_TYPE": 0, "VALUE_KIND": 1, "RADIUS_M": 0, "OUTPUT": demo.output("facilities_hazard"),
    })
    demo.style("facilities_hazard", "facilities_hazard_flood")
    demo.results["facilities_hazard"] = demo.layer_uri("facilities_hazard")
    fh = gpd.read_file(demo.gpkg, layer="facilities_hazard")
    ok = as_bool(fh["ok_flood"])
    high = fh["flood_rank"].fillna(0) >= 2
    basis = fh["flood_basis"].value_counts()
    demo.say(f"flood: {len(fh)} facilities sampled, {int(fh['flood_value'].isna().sum())} outside the assumed "
             f"inundation area / no data (NULL, not 'safe'); ranks "
             + ", ".join(f"{int(k)}: {v}" for k, v in fh["flood_rank"].value_counts().sort_index().items()))
    demo.say(f"flood: {int((ok & high).sum())} facilities designated flood-safe (ok_flood) sit at rank >= 2; "
             f"{int(basis.get('vertical_evacuation_note', 0))} of them carry a vertical-evacuation note (△), "
             f"{int(basis.get('upper_floors', 0))} have enough floors, {res['CONFLICT_COUNT']} are conflicts")
    res = demo.run("sonae:exposedpopulation", {
        "POPULATION": demo.path(POPULATION), "POPULATION_FIELD": "totalPopulation", "ZONE_ID_FIELD": "regionName",
        "HAZARD": demo.path(FLOOD), "VALUE_KIND": 1, "OUTPUT": demo.output("exposed_population"),
    })
    demo.style("exposed_population", "exposed_population")
    demo.results["exposed_population"] = demo.layer_uri("exposed_population")
    ep = gpd.read_file(demo.gpkg, layer="exposed_population")
    by_rank = {k: float(ep[f"people_rank_{k}"].sum()) for k in range(1, 7)}
    demo.say(f"population (town points, 2026-02): {res['POPULATION_TOTAL']:,.0f} people, "
             f"{res['EXPOSED_TOTAL']:,.0f} at depth rank >= 2 (0.5 m+) in "
             f"{int((ep['people_exposed'] > 0).sum())} of {len(ep)} towns; by rank "
             + ", ".join(f"{k}: {v:,.0f}" for k, v in by_rank.items() if v) + f"; no data {ep['people_no_data'].sum():,.0f}")
    del pd
    # the 2015 census small areas (町丁・字等): imported, then the same flood exposure, for comparison with the
    # 2026 town table
    imp = demo.run("sonae:importpopulation", {"INPUT": demo.path(CENSUS), "LAYER": demo.path(CENSUS_POINTS),
                                              "OUTPUT": demo.output("population_smallarea")})
    demo.results["population_smallarea"] = demo.layer_uri("population_smallarea")
    cen = demo.run("sonae:exposedpopulation", {
        "POPULATION": demo.layer_uri("population_smallarea"), "POPULATION_FIELD": "population",
        "ZONE_ID_FIELD": "key_code", "HAZARD": demo.path(FLOOD), "VALUE_KIND": 1,
        "OUTPUT": demo.output("exposed_population_census2015")})
    demo.say(f"census 2015 small areas (sonae:importpopulation): {imp['ZONE_COUNT']:,.0f} areas, "
             f"{imp['POPULATION_TOTAL']:,.0f} people, {imp['HOUSEHOLDS_TOTAL']:,.0f} households; "
             f"{cen['EXPOSED_TOTAL']:,.0f} at depth rank >= 2 (the 2026 town table: {res['EXPOSED_TOTAL']:,.0f}); "
             "the town table is used below")
