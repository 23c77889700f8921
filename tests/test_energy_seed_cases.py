"""The seed cases of issue 5 through the real Processing framework (sonae:outageautonomy), each with the loads
assumed written out by hand and the survival checked against the independent per-hour loop.

Sources: MoE Kinki office FY2019 subsidy briefing (seed 003, 導入事例②④): Sendai Takasago civic centre, PV 10 kW +
battery 11.2 kWh, "the battery stores one day's use and with PV supplies power for a long time" (防災無線やテレビ、
携帯電話の充電、照明); Kochi (社会福祉法人カルスト会) welfare home, PV 61.6 kW + 67.6 kWh powering the septic tank,
emergency outlets and lighting. DESIGN.md §4: Tottori PV 10 kW + 15 kWh for 24 h of communications.
"""
from __future__ import annotations

import numpy as np
import pytest

from sonae.engine.energy import energy_defaults
from sonae.engine.energy.pv import weather_profiles

from .test_energy_reference import reopt_outage_hours

LIGHT_SHAPE = [0.5] * 6 + [0.3] * 12 + [1.0] * 4 + [0.5] * 2        # rules/critical_loads.json "lighting"
TV_SHAPE = [0.0] * 6 + [1.0] * 17 + [0.0]                            # 06-23 h
PHONE_SHAPE = [0.0] * 7 + [1 / 16] * 16 + [0.0]                      # one hour per phone over 07-23 h


def day_profile(fixtures, radios, tvs, phones, fridges, blowers=0):
    """Hourly kW over one day, written out from the stated assumptions (W: fixture 40, radio 30, TV 100,
    phone 15, fridge 150 at duty 0.5, septic blower 60)."""
    return np.array([(fixtures * 40 * LIGHT_SHAPE[h] + radios * 30 + tvs * 100 * TV_SHAPE[h]
                      + phones * 15 * PHONE_SHAPE[h] + fridges * 75 + blowers * 60) / 1000 for h in range(24)])


def write_site(tmp_path, name, lat, lon, ftype, evacuees, pv_kw, kwh, soc=None):
    import geopandas as gpd
    from shapely.geometry import Point
    gdf = gpd.GeoDataFrame({"id": [name], "name": [name], "facility_type": [ftype], "evacuees": [float(evacuees)],
                            "pv_kw": [pv_kw], "battery_kwh": [kwh], "battery_soc": [soc]},
                           geometry=[Point(lon, lat)], crs="EPSG:4326")
    path = str(tmp_path / f"{name}.gpkg")
    gdf.to_file(path, layer="sites", driver="GPKG")
    return f"{path}|layername=sites"


YEARS = 2   # synthetic weather years in these tests (the default is rules/weather_normals_japan.json's)


def run_site(run_alg, tmp_path, uri, start_soc, start_time="2026-01-15T18:00:00"):
    import pyogrio
    out = str(tmp_path / "out.gpkg")
    run_alg("sonae:outageautonomy", {"FACILITIES": uri, "ID_FIELD": "id", "EVACUEES_FIELD": "evacuees",
                                     "TYPE_FIELD": "facility_type", "START_SOC": start_soc, "OUTAGE_HOURS": 72,
                                     "START_TIME": start_time, "WEATHER_REGION": 0, "WEATHER_YEARS": YEARS,
                                     "OUTPUT": out})
    return pyogrio.read_dataframe(out, read_geometry=False).iloc[0]


def profiles(lat, lon):
    """[years x 8760] kW/kWp of the synthetic weather years at the site (auto region, default seed)."""
    p = weather_profiles([lat], [lon], "auto", years=YEARS)
    return p.cells[:, 0, :]


def loop_hours(day, pv_kw, prof, kwh, soc, horizon=168):
    """Hours survived from every start hour of every weather year with the per-hour reference loop."""
    prof = np.atleast_2d(prof)
    kw = kwh * energy_defaults()["battery_kw_per_kwh"]
    out = []
    for year in prof:
        net = (np.tile(day, 365) - pv_kw * year).tolist()
        out.append([reopt_outage_hours(net, s, horizon, kwh, kw, soc * kwh) for s in range(8760)])
    return np.array(out).ravel()


def check_against_loop(row, hours, target=72):
    assert row["min_hours"] == hours.min()
    assert row["median_hours"] == np.median(hours)
    for t in (24, 72, 168):
        assert row[f"share_{t}h"] == pytest.approx((hours >= t).mean())


def test_sendai_takasago_civic_centre(run_alg, tmp_path):
    # Assumed loads (seed 003: disaster radio, TV, phone charging, lighting; plus one fridge): a community centre
    # with 100 evacuees -> 8 fixtures, 1 radio, 1 TV, 100 phones, 1 fridge = 9.432 kWh/day.
    day = day_profile(fixtures=8, radios=1, tvs=1, phones=100, fridges=1)
    assert day.sum() == pytest.approx(9.432)
    lat, lon = 38.268, 140.960                              # 仙台市宮城野区高砂 (approx.); auto region: 盛岡 (地域3)
    # 1) "The battery stores one day's use": battery alone, full -> 11.2 kWh / 9.432 kWh per day = 28.5 h average
    uri = write_site(tmp_path, "takasago_batt", lat, lon, "community_center", 100, 0.0, 11.2)
    row = run_site(run_alg, tmp_path, uri, 1.0)
    hours = loop_hours(day, 0.0, np.zeros(8760), 11.2, 1.0)
    assert row["min_hours"] == hours.min() and row["median_hours"] == np.median(hours)
    assert 24 <= row["min_hours"] <= row["median_hours"] <= 33  # about a day, whatever hour the outage starts
    assert row["critical_kwh_day"] == pytest.approx(9.432)
    # 2) "With PV it supplies power for a long time": PV 10 kW, with weather. Kept full: 72 h in most outages,
    #    but a run of dull days in winter empties it (before issue 13 every start survived 168 h).
    prof = profiles(lat, lon)
    uri = write_site(tmp_path, "takasago", lat, lon, "community_center", 100, 10.0, 11.2)
    row = run_site(run_alg, tmp_path, uri, 1.0)
    hours = loop_hours(day, 10.0, prof, 11.2, 1.0)
    check_against_loop(row, hours)
    assert row["share_24h"] == 1.0 and 0.9 < row["share_72h"] < 1.0 and row["share_168h"] < row["share_72h"]
    #    From the 0.5 reserve (5.6 kWh): fails below 24 h on some winter evenings
    row = run_site(run_alg, tmp_path, uri, 0.5)
    hours = loop_hours(day, 10.0, prof, 11.2, 0.5)
    check_against_loop(row, hours)
    assert row["min_hours"] < 24 and row["share_168h"] < row["share_72h"] < row["share_24h"] < 1.0


def test_kochi_welfare_home(run_alg, tmp_path):
    # Assumed loads (seed 003: septic tank, emergency outlets, emergency lighting): a welfare home with 50 people
    # -> 15 fixtures, 1 radio, 1 TV, 25 phones, 2 fridges, 1 septic blower = 14.795 kWh/day.
    day = day_profile(fixtures=15, radios=1, tvs=1, phones=25, fridges=2, blowers=1)
    assert day.sum() == pytest.approx(14.795)
    lat, lon = 33.392, 132.926                             # 高知県檮原町 (approx.); auto region: 岡山 (地域6)
    prof = profiles(lat, lon)
    uri = write_site(tmp_path, "kochi", lat, lon, "welfare", 50, 61.6, 67.6, soc=0.3)
    row = run_site(run_alg, tmp_path, uri, 0.5)
    hours = loop_hours(day, 61.6, prof, 67.6, 0.5)
    check_against_loop(row, hours)
    assert row["share_72h"] == 1.0 and row["share_168h"] == 1.0   # 61.6 kW of PV carries a week even in dull runs
    # battery alone from the 0.5 reserve: 33.8 kWh / 14.795 kWh per day = 54.8 h on average -> 72 h never reached
    hours_b = loop_hours(day, 0.0, np.zeros(8760), 67.6, 0.5, horizon=72)
    assert hours_b.max() < 72 and abs(np.median(hours_b) - 33.8 / 14.795 * 24) < 6
    # hours_now: the monitored SoC 0.3 at 15 January 18:00 JST (hour 14 x 24 + 18), the middle weather year
    h0 = 14 * 24 + 18
    now = sorted(reopt_outage_hours((np.tile(day, 365) - 61.6 * p).tolist(), h0, 168, 67.6, 33.8, 0.3 * 67.6)
                 for p in prof)
    assert row["hours_now"] == now[(len(now) - 1) // 2] and row["hours_now_worst"] == now[0]
    assert row["battery_soc"] == pytest.approx(0.3)


def test_tottori_communications(run_alg, tmp_path):
    # Assumed loads: communications only (2 disaster-radio sets, 2 fixtures, charging 100 phones) = 3.868 kWh/day.
    day = day_profile(fixtures=2, radios=2, tvs=0, phones=100, fridges=0)
    assert day.sum() == pytest.approx(3.868)
    lat, lon = 35.501, 134.235                             # 鳥取市 (approx.); auto region: 岡山 (地域6, sunnier winter)
    uri = write_site(tmp_path, "tottori_b", lat, lon, "communications", 100, 0.0, 15.0)
    row = run_site(run_alg, tmp_path, uri, 1.0)
    assert day.max() == pytest.approx((2 * 40 + 2 * 30 + 1500 / 16) / 1000)
    assert row["min_hours"] >= int(15.0 / day.max()) >= 24
    # with PV 10 kW and the battery at the 0.5 reserve: 24 h at every start hour and weather year
    prof = profiles(lat, lon)
    uri = write_site(tmp_path, "tottori", lat, lon, "communications", 100, 10.0, 15.0)
    row = run_site(run_alg, tmp_path, uri, 0.5)
    check_against_loop(row, loop_hours(day, 10.0, prof, 15.0, 0.5))
    assert row["share_24h"] == 1.0
