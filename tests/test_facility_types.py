"""Facility types from names (rules/facility_types.json): keywords anywhere, suffixes only at the end."""
import pandas as pd

from sonae.layers.importers.normalize import classify_facility_types


def test_station_is_a_name_ending_in_eki():
    names = pd.Series(["高松駅", "ＪＲ栗林駅 ", "高松駅西コミュニティセンター", "駅前マンション", "市立高松第一小学校", None])
    types, _owner = classify_facility_types(names)
    assert list(types) == ["station", "station", "community_center", "housing", "school", "other"]
