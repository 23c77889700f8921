"""Engine tests of the energy model: PV yield, critical loads, the vectorised outage simulator and battery sizing,
each against hand calculations or the independent per-hour loop (tests/test_energy_reference.py)."""
from __future__ import annotations

import json
import math
import os

import numpy as np
import pytest

from sonae.engine.energy import RULES_DIR, energy_defaults
from sonae.engine.energy import loads, outage, pv, sizing
from sonae.engine.errors import SonaeInputError

from .test_energy_reference import reopt_outage_hours, unserved_kwh

ETA = 0.9          # round-trip efficiency of rules/energy_defaults.json (asserted below)
SLOPE = 0.2888     # L/kWh, REopt default fuel curve in litres (asserted below)


def constant(kw, n=8760):
    return np.full((1, n), float(kw))


def assets(pv_kw=0.0, kwh=0.0, kw=0.0, gen=0.0, fuel=0.0):
    return outage.Assets(*(np.array([float(v)]) for v in (pv_kw, kwh, kw, gen, fuel)))


def test_rules_are_cited_and_versioned():
    for name in ("pv_yield_japan.json", "critical_loads.json", "energy_defaults.json"):
        with open(os.path.join(RULES_DIR, name), encoding="utf-8") as fh:
            raw = json.load(fh)
        assert raw["_version"] and raw["_source"], name
    d = energy_defaults()
    assert d["roundtrip_efficiency"] == ETA and d["fuel_slope_l_per_kwh"] == SLOPE
    # the fuel slope is REopt's 1 / (0.322 x 40.7 kWh/gal) converted to litres
    assert math.isclose(1 / (0.322 * 40.7) * 3.78541, SLOPE, rel_tol=1e-3)


# --- PV -------------------------------------------------------------------------------------------------------

def test_pv_csv_profile(tmp_path):
    good = tmp_path / "pv.csv"
    values = np.tile(np.r_[np.zeros(8), np.full(8, 0.5), np.zeros(8)], 365)
    good.write_text("kw_per_kwp\n" + "\n".join(f"{v}" for v in values))
    assert pv.read_hourly_csv(str(good)).sum() == pytest.approx(365 * 4.0)
    short = tmp_path / "short.csv"
    short.write_text("kw\n" + "\n".join("0.1" for _ in range(8784)))
    with pytest.raises(SonaeInputError, match="8784 values; it needs 8760"):
        pv.read_hourly_csv(str(short))
    big = tmp_path / "big.csv"
    big.write_text("kw\n" + "\n".join("10" for _ in range(8760)))
    with pytest.raises(SonaeInputError, match="kWp"):
        pv.read_hourly_csv(str(big))


# --- loads ----------------------------------------------------------------------------------------------------

def test_community_centre_daily_energy_by_hand():
    # rules/critical_loads.json: community_center = 4 fixtures + 1 per 25 evacuees, 1 disaster radio, 1 TV,
    # 1 fridge, 1 phone per evacuee. 100 evacuees:
    lighting = (4 + 0.04 * 100) * 40 * (6 * 0.5 + 12 * 0.3 + 4 * 1.0 + 2 * 0.5)   # 8 fixtures x 40 W x 11.6 h
    radio = 30 * 24
    tv = 100 * 17                                                                    # 06-23 h
    phones = 100 * 15 * 1.0                                                          # 1 h of 15 W per phone
    fridge = 150 * 0.5 * 24
    expected_kwh = (lighting + radio + tv + phones + fridge) / 1000
    assert expected_kwh == pytest.approx(9.432)
    prof = loads.critical_load_profiles(["community_center"], [100])
    assert prof.shape == (1, 8760)
    assert prof[0, :24].sum() == pytest.approx(expected_kwh)
    assert prof.sum() == pytest.approx(365 * expected_kwh)
    # evening peak 18-22 h: 320 W light + 30 + 100 + 100 phones x 15 W / 16 + 75 W fridge
    assert prof[0, 19] == pytest.approx((320 + 30 + 100 + 1500 / 16 + 75) / 1000)


def test_air_conditioning_only_in_cooling_months_when_asked():
    off = loads.critical_load_profiles(["school"], [0], include_ac=False)
    on = loads.critical_load_profiles(["school"], [0], include_ac=True)
    extra = on - off
    assert extra.sum() == pytest.approx(2.0 * 8 * (31 + 31 + 30))   # 2 kW, 10-18 h, July-September


def test_negative_evacuees_are_refused():
    with pytest.raises(SonaeInputError) as err:
        loads.critical_load_profiles(["school", "school"], [10, -5], layer="shelters", evacuees_field="evacuees",
                                     ids=["a", "b"])
    assert "evacuees" in err.value.en and "row 2" in err.value.en and "負" in err.value.ja


# --- outage simulator: hand-checked tiny cases --------------------------------------------------------------

def test_no_pv_hours_are_usable_kwh_over_load():
    h = outage.simulate(constant(1.0), np.zeros((1, 8760)), assets(kwh=10, kw=5), 1.0, 72)
    assert (h == 10).all()                       # 10 kWh / 1 kW at every start hour
    h = outage.simulate(constant(1.0), np.zeros((1, 8760)), assets(kwh=10, kw=5), 0.5, 72)
    assert (h == 5).all()
    h = outage.simulate(constant(0.4), np.zeros((1, 8760)), assets(kwh=10, kw=5), 1.0, 72)
    assert (h == 25).all()                       # 10 / 0.4 = 25 h exactly


def test_charging_applies_round_trip_efficiency():
    load = constant(1.0)
    pvp = np.zeros((1, 8760))
    pvp[0, 100] = 6.0                            # one hour of 6 kW PV at hour 100 (PV 1 kWp x 6)
    h = outage.simulate(load, pvp, assets(pv_kw=1, kwh=10, kw=10), 0.0, 72, starts=[100])
    # hour 100: surplus 5 kW -> 5 x 0.9 = 4.5 kWh stored; then 4 hours of 1 kWh, the 6th hour fails
    assert h[0, 0] == 1 + math.floor(5 * ETA / 1.0)


def test_power_limit():
    pvp = np.zeros((1, 8760))
    assert outage.simulate(constant(3.0), pvp, assets(kwh=100, kw=2), 1.0, 72, starts=[0])[0, 0] == 0
    assert outage.simulate(constant(3.0), pvp, assets(kwh=100, kw=3), 1.0, 72, starts=[0])[0, 0] == 33
    # charging is limited too: 2 kW inverter x 0.9 = 1.8 kWh per hour of a 50 kW surplus
    pvp[0, 0] = 50.0
    h = outage.simulate(constant(1.0), pvp, assets(pv_kw=1, kwh=100, kw=2), 0.0, 72, starts=[0])
    assert h[0, 0] == 1 + 1                      # 1.8 kWh lasts one more 1 kW hour


def test_generator_fuel_curve_and_tank():
    pvp = np.zeros((1, 8760))
    per_hour = SLOPE * 2.0                       # 2 kW for an hour burns 0.5776 L
    full_hours = math.floor(10.0 / per_hour)     # 17 hours on 10 L
    assert full_hours == 17
    h = outage.simulate(constant(2.0), pvp, assets(gen=5, fuel=10), 1.0, 72, starts=[0])
    assert h[0, 0] == full_hours                 # no battery: the 18th hour is short
    # with a 10 kWh battery: the last fuel (0.1808 L -> 0.626 kWh) and the battery carry on
    last_kw = (10.0 - full_hours * per_hour) / SLOPE
    soc = 10.0 - (2.0 - last_kw)
    expected = full_hours + 1 + math.floor(soc / 2.0)
    h = outage.simulate(constant(2.0), pvp, assets(kwh=10, kw=5, gen=5, fuel=10), 1.0, 72, starts=[0])
    assert h[0, 0] == expected == 22
    # a load above the generator's size: the generator gives 5 kW and the battery the rest
    h = outage.simulate(constant(6.0), pvp, assets(kwh=10, kw=5, gen=5, fuel=1000), 1.0, 72, starts=[0])
    assert h[0, 0] == 10


def test_outage_wraps_around_the_year_end():
    load = constant(1.0)
    pvp = np.zeros((1, 8760))
    pvp[0, 2] = 11.0                              # 2 January 02:00... no: hour 2 of 1 January
    h = outage.simulate(load, pvp, assets(pv_kw=1, kwh=4, kw=10), 1.0, 72, starts=[8759])
    # 8759, 0, 1, 2 (surplus 10 kW refills the 4 kWh), ...: 3 hours from 4 kWh, the surplus hour, then 4 more
    assert h[0, 0] == reopt_outage_hours(load[0] - pvp[0], 8759, 72, 4, 10, 4) == 3 + 1 + 4


def test_shortfall_continues_after_the_first_unmet_hour():
    h, unmet = outage.simulate(constant(1.0), np.zeros((1, 8760)), assets(kwh=10, kw=5), 1.0, 72, starts=[0],
                               track_unmet=True)
    assert h[0, 0] == 10 and unmet[0, 0] == pytest.approx(62.0)       # 72 h x 1 kW - 10 kWh


@pytest.mark.parametrize("turndown,intercept,seed", [(0.3, 0.0, 7), (0.6, 0.1, 8), (0.0, 0.05, 9)])
def test_vectorised_equals_reference_loop_random_cases(turndown, intercept, seed):
    rng = np.random.default_rng(seed)
    F = 5
    load = rng.uniform(0.2, 3.0, (F, 8760))
    day = np.clip(np.sin((np.arange(8760) % 24 - 6) / 12 * np.pi), 0, None)[None, :]
    a = outage.Assets(rng.uniform(0, 8, F), rng.uniform(0, 30, F), rng.uniform(0.5, 6, F),
                      np.array([0, 3, 0, 5, 2.0]), np.array([0, 10, 0, 2, 50.0]))
    soc = np.array([0.5, 1.0, 0.2, 0.7, 0.0])
    s = outage.Settings.from_rules(generator_min_turndown=turndown, fuel_intercept_l_per_h=intercept)
    starts = rng.integers(0, 8760, 150)
    hours, unmet = outage.simulate(load, day, a, soc, 100, starts=starts, settings=s, track_unmet=True)
    full = outage.simulate(load[:1], day, a.subset(slice(0, 1)), soc[:1], 100, settings=s)
    for f in range(F):
        net = (load[f] - a.pv_kw[f] * day[0]).tolist()
        for j, st in enumerate(starts):
            ref = reopt_outage_hours(net, int(st), 100, a.battery_kwh[f], a.battery_kw[f], soc[f] * a.battery_kwh[f],
                                     diesel_kw=a.generator_kw[f], fuel=a.fuel_l[f], m=SLOPE, b=intercept,
                                     turndown=turndown)
            assert hours[f, j] == ref, (f, st)
            if a.generator_kw[f] == 0:
                assert unmet[f, j] == pytest.approx(unserved_kwh(net, int(st), 100, a.battery_kwh[f],
                                                                 a.battery_kw[f], soc[f] * a.battery_kwh[f]))
    net0 = (load[0] - a.pv_kw[0] * day[0]).tolist()
    for st in range(0, 8760, 97):
        assert full[0, st] == reopt_outage_hours(net0, st, 100, a.battery_kwh[0], a.battery_kw[0],
                                                 soc[0] * a.battery_kwh[0])


def test_summary_statistics():
    hours = np.array([[0, 24, 72, 168, 100.0]])
    st = outage.summarise(hours, [24, 72, 168], 168)
    assert st["min_hours"][0] == 0 and st["median_hours"][0] == 72
    assert st["share_24h"][0] == pytest.approx(0.8) and st["share_72h"][0] == pytest.approx(0.6)
    assert st["share_168h"][0] == pytest.approx(0.2)


# --- bad input --------------------------------------------------------------------------------------------------

def test_battery_power_without_capacity():
    import pandas as pd
    frame = pd.DataFrame({"battery_kw": [5.0, 3.0], "battery_kwh": [10.0, None]})
    with pytest.raises(SonaeInputError) as err:
        outage.assets_from_frame(frame, "energy_assets", ids=["x", "y"])
    assert "facility y" in err.value.en and "battery_kwh" in err.value.en and "蓄電池" in err.value.ja


def test_soc_outside_0_1():
    with pytest.raises(SonaeInputError) as err:
        outage.check_soc([0.5, 80], "energy_assets", "battery_soc", ids=["a", "b"])
    assert "percentage" in err.value.en and "100で割って" in err.value.ja
    with pytest.raises(SonaeInputError):
        outage.check_start_soc(1.2)


def test_negative_equipment_is_refused():
    import pandas as pd
    with pytest.raises(SonaeInputError, match="pv_kw"):
        outage.assets_from_frame(pd.DataFrame({"pv_kw": [-1.0]}), "energy_assets")


def test_battery_kw_defaults_from_c_rate():
    import pandas as pd
    a = outage.assets_from_frame(pd.DataFrame({"battery_kwh": [11.2]}), "energy_assets")
    assert a.battery_kw[0] == pytest.approx(11.2 * energy_defaults()["battery_kw_per_kwh"])


# --- sizing -------------------------------------------------------------------------------------------------------

def test_sizing_constant_load_by_hand():
    load = np.vstack([constant(1.0), constant(0.5)])
    pvp = np.zeros((1, 8760))
    res = sizing.size_batteries(load, pvp, np.zeros(2), np.zeros(2), np.zeros(2), 24, 1.0, 1.0)
    assert res["battery_kwh"] == pytest.approx([24.0, 12.0])        # target hours x load / start SoC
    res = sizing.size_batteries(load, pvp, np.zeros(2), np.zeros(2), np.zeros(2), 24, 1.0, 0.5)
    assert res["battery_kwh"] == pytest.approx([48.0, 24.0])
    assert (res["achieved_share"] == 1.0).all() and (res["reason"] == "battery_sized").all()


def test_sizing_with_pv_is_minimal_by_brute_force():
    load = loads.critical_load_profiles(["community_center"], [100])
    prof = pv.profile_per_kwp(34.34, 134.05, "r6_okayama")[None, :]     # one synthetic weather year
    res = sizing.size_batteries(load, prof, np.array([5.0]), np.zeros(1), np.zeros(1), 72, 1.0, 0.5)
    kwh = res["battery_kwh"][0]
    net = (load[0] - 5.0 * prof[0]).tolist()
    c = energy_defaults()["battery_kw_per_kwh"]
    peak = load.max()

    def all_survive(cap):
        kw = max(cap * c, peak)
        return all(reopt_outage_hours(net, s, 72, cap, kw, 0.5 * cap) >= 72 for s in range(0, 8760))

    assert all_survive(kwh)
    assert not all_survive(kwh - 0.1)


def test_pv_cap_is_normal_daytime_use_over_yield():
    pv_kw, cap, note = sizing.choose_pv(np.array([0.0, 50.0, 3.0]), np.array([20_000.0, 20_000.0, np.nan]),
                                        1000.0, True)
    share = energy_defaults()["normal_daytime_share"]
    assert cap[0] == pytest.approx(20_000 * share / 1000)          # 12 kW for 20 MWh/yr at 0.6 and 1,000 kWh/kWp
    assert pv_kw.tolist() == pytest.approx([12.0, 50.0, 3.0])
    assert note.tolist() == ["pv_raised_to_cap", "pv_above_cap", "no_normal_use"]


def test_hour_of_year_in_japan_standard_time():
    assert outage.hour_of_year("2026-01-01 00:30") == 0
    assert outage.hour_of_year("2026-03-01 00:00") == (31 + 28) * 24
    assert outage.hour_of_year("2028-03-01 00:00") == (31 + 28) * 24        # leap year: no 29 February
    assert outage.hour_of_year("2026-01-01T00:00:00+00:00") == 9            # 09:00 JST
    assert outage.hour_of_year("2026-12-31 23:00") == 8759


def test_nearby_facilities_share_a_profile_and_bad_locations_are_refused():
    # 0.25 degree cells (rules/pv_yield_japan.json profile_grid_deg): the first two share one, Sapporo does not
    prof = pv.weather_profiles([34.33, 34.34, 43.06], [134.03, 134.04, 141.35], "auto", years=2)
    assert prof.index[0] == prof.index[1] != prof.index[2]
    rows = prof.stacked()                                    # row y * F + f
    assert rows.shape == (6, 8760)
    assert np.array_equal(rows[0], rows[1]) and np.array_equal(rows[3], rows[4])
    assert not np.array_equal(rows[0], rows[3])              # two different weather years
    assert prof.regions[prof.index[2]] == "r2_iwamizawa" and prof.regions[prof.index[0]] == "r6_okayama"
    with pytest.raises(SonaeInputError, match="row 2"):
        pv.weather_profiles([34.3, float("nan")], [134.0, 134.0])
