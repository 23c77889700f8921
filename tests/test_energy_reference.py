"""An independent, straightforward per-hour outage loop (REopt.jl ``simulate_outage`` transcribed line by line,
one facility and one start hour at a time; the one change: the last fuel's spare output charges the battery within
its limits, see engine/energy/outage.py) used by the other energy tests as the brute-force reference, plus
hand-checked cases of the loop itself so the reference is trusted on its own."""
from __future__ import annotations

import math


def reopt_outage_hours(net_kw, start, horizon, batt_kwh, batt_kw, soc_kwh, eta=0.9, diesel_kw=0.0, fuel=0.0,
                       m=0.2888, b=0.0, turndown=0.0):
    """Hours the load is met from ``start`` (REopt's rules, hourly steps). ``net_kw`` = critical load - PV."""
    n = len(net_kw)
    for i in range(horizon):
        load = net_kw[(start + i) % n]
        if load < 0:
            if soc_kwh < batt_kwh:
                soc_kwh += min(batt_kwh - soc_kwh, batt_kw * eta, -load * eta)
        else:
            need = m * max(load, turndown * diesel_kw) + b
            if load <= diesel_kw and need <= fuel:
                fuel -= need
                if load < turndown * diesel_kw and soc_kwh < batt_kwh:
                    soc_kwh += min(batt_kwh - soc_kwh, batt_kw * eta, (turndown * diesel_kw - load) * eta)
                load = 0.0
            else:
                if need > fuel and load <= diesel_kw:
                    out = max(0.0, (fuel - b) / m)
                    if out > load and soc_kwh < batt_kwh:  # Sonae: spare output charges within the limits
                        soc_kwh += min(batt_kwh - soc_kwh, batt_kw * eta, (out - load) * eta)
                    load = max(0.0, load - out)
                    fuel = 0.0
                elif need <= fuel and load > diesel_kw:
                    load -= diesel_kw
                    fuel = max(0.0, fuel - (diesel_kw * m + b))
                else:
                    load -= min(diesel_kw, max(0.0, (fuel - b) / m))
                    fuel = 0.0
                if min(batt_kw, soc_kwh) >= load:
                    soc_kwh = max(0.0, soc_kwh - load)
                    load = 0.0
        if round(load, 5) > 0:
            return i
    return horizon


def unserved_kwh(net_kw, start, horizon, batt_kwh, batt_kw, soc_kwh, eta=0.9):
    """Energy not served over ``horizon`` when the run continues after a failure (no generator)."""
    n, total = len(net_kw), 0.0
    for i in range(horizon):
        load = net_kw[(start + i) % n]
        if load < 0:
            soc_kwh += min(batt_kwh - soc_kwh, batt_kw * eta, -load * eta)
            continue
        give = min(batt_kw, soc_kwh, load)
        soc_kwh -= give
        if load - give > 5e-6:
            total += load - give
    return total


def test_loop_battery_only_hand_case():
    # 10 kWh full, 1 kW constant load: 10 hours exactly; 1.5 kW: 6 h (9 kWh), the 7th hour fails.
    assert reopt_outage_hours([1.0] * 24, 0, 72, 10.0, 5.0, 10.0) == 10
    assert reopt_outage_hours([1.5] * 24, 0, 72, 10.0, 5.0, 10.0) == 6


def test_loop_generator_hand_case():
    # 2 kW load, 5 kW generator, 0.25 L/kWh, 3 L: 0.5 L per hour -> 6 hours, no battery.
    assert reopt_outage_hours([2.0] * 24, 0, 72, 0.0, 0.0, 0.0, diesel_kw=5.0, fuel=3.0, m=0.25) == 6
    assert math.isclose(unserved_kwh([2.0] * 24, 0, 10, 10.0, 5.0, 10.0), 10.0)
