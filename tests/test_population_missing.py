"""A population value that is empty or 不明 is counted as 0 people WITH a warning, never silently."""
import geopandas as gpd
import pandas as pd
from shapely.geometry import Point

from sonae.engine.hazard import exposed_population, open_hazard_raster
from sonae.engine.progress import Progress

from .conftest import shared_data


def test_unknown_population_is_zero_and_said():
    info = open_hazard_raster(shared_data("takamatsu", "flood", "takamatsu_flood_max_depthrank_A31b23.tif"))
    zones = gpd.GeoDataFrame({"pop": ["1,200人", "不明", "300"]},
                             geometry=[Point(134.05, 34.34), Point(134.06, 34.33), Point(134.04, 34.32)],
                             crs="EPSG:4326")
    warnings = []
    table = exposed_population(zones, zones["pop"], info, "rank", Progress(warn=warnings.append), "towns")
    assert list(table["population"]) == [1200.0, 0.0, 300.0]
    assert any("不明" in w and "1 zone" in w for w in warnings)
