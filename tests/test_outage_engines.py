"""The outage simulator's two engines (numpy vectorised over pairs; numba per pair with early exit, shared futures
of runs that fill the battery at the same hour, and the generator certificate) against the independent per-hour
reference loop (tests/test_energy_reference.py), and the chunked summary against summarise(simulate(...))."""
from __future__ import annotations

import numpy as np
import pytest

from sonae.engine.energy import outage

from .test_energy_reference import reopt_outage_hours, unserved_kwh

SLOPE = 0.2888


def _has_numba() -> bool:
    try:
        import numba  # noqa: F401
    except ImportError:
        return False
    return True


ENGINES = ["numpy"] + (["numba"] if _has_numba() else [])


def _case(seed: int, F: int = 8):
    """Loads with daily PV surplus (batteries fill often: exercises the shared futures), generator sites with a
    tank that sometimes covers a window and sometimes runs dry at the margin (exercises the certificate)."""
    rng = np.random.default_rng(seed)
    load = rng.uniform(0.2, 3.0, (F, 8760))
    day = np.clip(np.sin((np.arange(8760) % 24 - 6) / 12 * np.pi), 0, None)[None, :]
    pv_kw = rng.choice([0.0, 2.0, 6.0, 12.0], F)
    kwh = rng.choice([0.0, 5.0, 12.5, 30.0], F)
    gen = np.where(np.arange(F) % 3 == 1, rng.choice([2.0, 3.5, 8.0], F), 0.0)
    fuel = np.where(gen > 0, rng.choice([3.0, 20.0, 60.0, 500.0], F), 0.0)
    a = outage.Assets(pv_kw, kwh, kwh * rng.uniform(0.2, 0.8, F), gen, fuel)
    soc = rng.choice([0.0, 0.5, 1.0], F)
    return load, day, a, soc


def _reference(load, day, a, soc, f, st, horizon, s):
    net = (load[f] - a.pv_kw[f] * day[0]).tolist()
    return reopt_outage_hours(net, int(st), horizon, a.battery_kwh[f], a.battery_kw[f], soc[f] * a.battery_kwh[f],
                              eta=s.roundtrip_efficiency, diesel_kw=a.generator_kw[f], fuel=a.fuel_l[f],
                              m=s.fuel_slope_l_per_kwh, b=s.fuel_intercept_l_per_h,
                              turndown=s.generator_min_turndown)


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("seed,horizon,turndown,intercept", [(1, 72, 0.0, 0.0), (2, 168, 0.3, 0.05)])
def test_every_start_hour_equals_the_reference_loop(engine, seed, horizon, turndown, intercept):
    load, day, a, soc = _case(seed)
    s = outage.Settings.from_rules(generator_min_turndown=turndown, fuel_intercept_l_per_h=intercept)
    hours = outage.simulate(load, day, a, soc, horizon, settings=s, engine=engine)
    assert hours.shape == (len(soc), 8760)
    for f in range(len(soc)):
        for st in range(f, 8760, 41):           # ~214 start hours per facility, all hours of day and months
            assert hours[f, st] == _reference(load, day, a, soc, f, st, horizon, s), (engine, f, st)


def test_engines_identical_on_every_pair_and_with_unmet_energy():
    if "numba" not in ENGINES:
        pytest.skip("numba not installed")
    load, day, a, soc = _case(3, F=12)
    s = outage.Settings.from_rules()
    h_np = outage.simulate(load, day, a, soc, 120, settings=s, engine="numpy")
    h_nb = outage.simulate(load, day, a, soc, 120, settings=s, engine="numba")
    assert np.array_equal(h_np, h_nb)
    starts = np.arange(0, 8760, 13)
    h1, u1 = outage.simulate(load, day, a, soc, 72, starts=starts, settings=s, track_unmet=True, engine="numpy")
    h2, u2 = outage.simulate(load, day, a, soc, 72, starts=starts, settings=s, track_unmet=True, engine="numba")
    assert np.array_equal(h1, h2) and np.array_equal(u1, u2)
    for f in np.flatnonzero(a.generator_kw == 0)[:3]:
        net = (load[f] - a.pv_kw[f] * day[0]).tolist()
        for j in range(0, len(starts), 50):
            assert u2[f, j] == pytest.approx(unserved_kwh(net, int(starts[j]), 72, a.battery_kwh[f],
                                                          a.battery_kw[f], soc[f] * a.battery_kwh[f]))


@pytest.mark.parametrize("engine", ENGINES)
def test_chunked_summary_equals_summarise_of_simulate(engine):
    load, day, a, soc = _case(4, F=7)

    class Lazy:  # a lazy profile: rows computed on demand (as national runs pass them)
        shape = load.shape

        def __getitem__(self, rows):
            return load[rows]

    thresholds = [24, 72, 168]
    whole = outage.summarise(outage.simulate(load, day, a, soc, 168, engine=engine), thresholds, 168)
    chunked = outage.simulate_summary(Lazy(), day, a, soc, 168, thresholds, engine=engine, rows=3)
    for k, v in whole.items():
        assert np.array_equal(chunked[k], v), k


def test_unknown_engine_is_refused():
    load, day, a, soc = _case(5, F=2)
    with pytest.raises(ValueError):
        outage.simulate(load, day, a, soc, 72, starts=[0], engine="fortran")


@pytest.mark.parametrize("engine", ENGINES)
def test_daily_repeating_loads_without_pv(engine):
    """Critical loads follow the hour of the day: without PV the net load repeats every 24 h, and the numba path
    simulates 24 start hours and repeats them; every start hour must still equal the reference loop."""
    from sonae.engine.energy import loads
    load = loads.critical_load_profiles(["school", "community_center", "gymnasium", "welfare", "school"],
                                        [0.0, 120.0, 800.0, 35.0, 1500.0])
    assert np.array_equal(load[:, 24:], load[:, :-24])        # the premise: 24-hour periodic rows
    F = len(load)
    day = np.zeros((1, 8760))
    a = outage.Assets(np.zeros(F), np.array([0.0, 12.0, 30.0, 8.0, 50.0]), np.array([0.0, 5.0, 15.0, 4.0, 25.0]),
                      np.array([0.0, 0.0, 3.0, 0.0, 6.0]), np.array([0.0, 0.0, 40.0, 0.0, 5.0]))
    soc = np.array([0.5, 1.0, 0.3, 0.8, 0.6])
    s = outage.Settings.from_rules()
    hours, unmet = outage.simulate(load, day, a, soc, 100, settings=s, engine=engine, track_unmet=True)
    for f in range(F):
        net = load[f].tolist()
        for st in range(f, 8760, 53):
            assert hours[f, st] == _reference(load, day, a, soc, f, st, 100, s), (engine, f, st)
            if a.generator_kw[f] == 0:
                assert unmet[f, st] == pytest.approx(unserved_kwh(net, st, 100, a.battery_kwh[f], a.battery_kw[f],
                                                                  soc[f] * a.battery_kwh[f]))
    plain = outage.simulate(load, day, a, soc, 100, settings=s, engine=engine)
    assert np.array_equal(plain, hours)
