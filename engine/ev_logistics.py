"""EV power delivery plan: which EV, from which charger, carries how many kWh to which shelter (QGIS-free).

After the Kumamoto earthquake the city sent dealers' EVs with external power feeders to shelters (seed 002);
Miyazaki charges EVs from a solar carport and a station battery and carries the electricity to shelters
(seed 000). This module chooses those trips with an exact mixed-integer programme solved by HiGHS
(``scipy.optimize.milp``); all reference figures come from ``rules/ev_fleet_defaults.json``.

Formulation
-----------
Sets: vehicles v (each based at its home charger c(v)), shelters s with an unmet energy need D_s > 0 (kWh at the
shelter, e.g. ``shortfall_kwh_72h`` from the energy model), chargers c.

Data: one-way travel time t_cs (h) from charger c to shelter s (road network, or straight line x detour factor
at a planning speed); handling time h per trip (park, connect the feeder); usable energy U_v = battery_kwh x
usable_fraction (the vehicle starts full); feeder power P_v = v2l_kw; discharge efficiency eta_d (battery ->
shelter AC) and charge efficiency eta_c (station -> battery); charger power K_c; station energy available during
the plan E_c = pv_carport_kw x (pv_kwh_per_kw_year / 8760) x T + station_battery_kwh x soc; time budget T (h).

Variables (only for pairs whose round trip fits in T: 2 t + h <= T):
  n_vs  integer >= 0   round trips of vehicle v to shelter s (charger -> shelter -> charger)
  e_vs  >= 0           kWh delivered by v at s (at the shelter, after the feeder's losses)
  g_v   >= 0           kWh charged into v at its home charger during the plan

Constraints:
  e_vs <= n_vs min(U_v eta_d, D_s)                        a trip hands over at most one usable battery
  n_vs <= min(floor(T / (2 t + h)), ceil(D_s / (U_v eta_d)))   (more trips add no kWh: an optimum is kept)
  sum_v e_vs <= D_s                                       never more than the shelter's unmet need
  sum_s e_vs / eta_d <= U_v + g_v                         energy leaving the battery = initial + recharged
  sum_s n_vs (2 t_c(v)s + h) + sum_s e_vs / P_v + g_v / K_c(v) <= T
                                                          driving + handling + handing over at P_v kW
                                                          + recharging at K_c kW, all within the budget
  sum_{v at c} g_v / eta_c <= E_c                         the station's PV + battery energy (the grid is down)
  sum_{v at c} g_v / K_c <= T x ports_c                   one charger serves one vehicle at a time (ports_c)

Objective: maximise sum e_vs - lambda x sum n_vs (2 t_c(v)s + h), i.e. the most delivered kWh, and among plans
delivering the same energy the least time on the road (driving and handling, so no needless trips to a shelter
next door; lambda = travel_penalty_kwh_per_h, 0.001 kWh per hour).

The plan is optimal when HiGHS reports status 0 (proven within mip_rel_gap = 1e-5 of the best objective, rules);
when the time limit stops it, the best plan found is returned with its proven MIP gap and flagged as not optimal
(never a greedy guess called optimal).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import sparse
from scipy.optimize import LinearConstraint

from .columns import numeric
from .errors import Cancelled, SonaeInputError
from .progress import Progress, ensure
from .travel import load_rules

FLEET_REQUIRED = ("vehicle_id", "home_site", "battery_kwh")
FLEET_OPTIONAL = ("usable_fraction", "v2l_kw", "owner")
CHARGER_REQUIRED = ("charger_kw",)
CHARGER_OPTIONAL = ("pv_carport_kw", "station_battery_kwh", "soc", "ports")


@dataclass
class PlanSettings:
    time_budget_h: float
    handling_h: float
    charge_efficiency: float
    discharge_efficiency: float
    travel_penalty: float
    pv_kwh_per_kw_year: float
    station_soc_when_unknown: float
    usable_fraction_default: float
    v2l_kw_default: float
    ports_default: int
    time_limit_s: float
    mip_rel_gap: float = 1e-6

    @classmethod
    def from_rules(cls, time_budget_h: float, rules: dict | None = None, **overrides) -> "PlanSettings":
        r = rules or load_rules()
        values = dict(time_budget_h=time_budget_h, handling_h=r["handling_h_per_trip"],
                      charge_efficiency=r["charge_efficiency"], discharge_efficiency=r["discharge_efficiency"],
                      travel_penalty=r["travel_penalty_kwh_per_h"], pv_kwh_per_kw_year=r["pv_kwh_per_kw_year"],
                      station_soc_when_unknown=r["station_soc_when_unknown"],
                      usable_fraction_default=r["usable_fraction_default"], v2l_kw_default=r["v2l_kw_default"],
                      ports_default=int(r["chargers_ports_default"]), time_limit_s=float(r["mip_time_limit_s"]),
                      mip_rel_gap=float(r["mip_rel_gap"]))
        values.update(overrides)
        return cls(**values)


@dataclass
class Plan:
    pairs: pd.DataFrame        # one row per (vehicle, shelter) with trips > 0
    vehicles: pd.DataFrame     # one row per vehicle of the fleet (usable or not)
    chargers: pd.DataFrame     # prepared chargers with energy_kwh
    delivered: np.ndarray      # kWh delivered per shelter (shelter order of the input)
    status: str
    optimal: bool
    mip_gap: float
    objective: float
    n_candidates: int


# --- input preparation ---------------------------------------------------------------------------------------

def _num(frame: pd.DataFrame, col: str, layer: str) -> pd.Series:
    return pd.Series(numeric(frame, col, f"'{layer}'"), index=frame.index)


def _require(frame: pd.DataFrame, fields, layer: str, what_ja: str) -> None:
    missing = [f for f in fields if f not in frame.columns]
    if missing:
        raise SonaeInputError(
            f"Layer '{layer}' has no field(s) {', '.join(missing)}. Add them (canonical {layer} schema: "
            f"{', '.join(fields)}) or choose the right layer.",
            f"レイヤ「{layer}」に項目 {', '.join(missing)} がありません。{what_ja}の項目（{', '.join(fields)}）を"
            "追加するか、正しいレイヤを選んでください。")


def _nonneg(values: pd.Series, col: str, layer: str, ids: pd.Series, upper: float | None = None) -> None:
    bad = (values < 0) | ((values > upper) if upper is not None else False)
    if bad.any():
        i = int(np.flatnonzero(bad.to_numpy())[0])
        rng = f"0-{upper:g}" if upper is not None else ">= 0"
        raise SonaeInputError(
            f"Layer '{layer}', field '{col}': {values.iloc[i]:g} for '{ids.iloc[i]}' is outside {rng}. Correct it.",
            f"レイヤ「{layer}」の項目「{col}」: 「{ids.iloc[i]}」の値 {values.iloc[i]:g} が範囲（{rng}）外です。"
            "修正してください。")


def prepare_chargers(frame: pd.DataFrame, id_field: str, settings: PlanSettings, layer: str = "chargers",
                     warn=None) -> pd.DataFrame:
    """Validated chargers with ``charger_id`` and the station energy available during the plan (``energy_kwh``)."""
    _require(frame, (id_field,) + CHARGER_REQUIRED, layer, "充電拠点")
    out = pd.DataFrame({"charger_id": frame[id_field].astype(str).str.strip()})
    if (frame[id_field].isna() | (out["charger_id"] == "")).any():
        raise SonaeInputError(f"Layer '{layer}', field '{id_field}': every charger needs an id. Fill the empty ids.",
                              f"レイヤ「{layer}」の項目「{id_field}」: IDが空の充電拠点があります。IDを入力してください。")
    dup = out["charger_id"][out["charger_id"].duplicated()]
    if len(dup):
        raise SonaeInputError(f"Layer '{layer}', field '{id_field}': id '{dup.iloc[0]}' appears twice. Ids must be "
                              "unique (EVs name their home_site by it).",
                              f"レイヤ「{layer}」の項目「{id_field}」: ID「{dup.iloc[0]}」が重複しています。IDは一意にしてください。")
    ids = out["charger_id"]
    kw = _num(frame, "charger_kw", layer).fillna(0.0)
    _nonneg(kw, "charger_kw", layer, ids)
    cols = {}
    for col in ("pv_carport_kw", "station_battery_kwh"):
        cols[col] = _num(frame, col, layer).fillna(0.0) if col in frame.columns else pd.Series(0.0, index=frame.index)
        _nonneg(cols[col], col, layer, ids)
    if "soc" in frame.columns:
        soc = _num(frame, "soc", layer)
        _nonneg(soc.fillna(0.0), "soc", layer, ids, upper=1.0)
        unknown = soc.isna() & (cols["station_battery_kwh"] > 0)
        if unknown.any() and warn:
            warn(f"{int(unknown.sum())} charger(s) without soc: assumed {settings.station_soc_when_unknown:g}. / "
                 f"SoC未入力の充電拠点{int(unknown.sum())}件は {settings.station_soc_when_unknown:g} と仮定しました。")
        soc = soc.fillna(settings.station_soc_when_unknown)
    else:
        soc = pd.Series(settings.station_soc_when_unknown, index=frame.index)
    ports = (_num(frame, "ports", layer).fillna(settings.ports_default) if "ports" in frame.columns
             else pd.Series(float(settings.ports_default), index=frame.index))
    out["charger_kw"] = kw.to_numpy()
    out["pv_carport_kw"] = cols["pv_carport_kw"].to_numpy()
    out["station_battery_kwh"] = cols["station_battery_kwh"].to_numpy()
    out["soc"] = soc.to_numpy()
    out["ports"] = np.maximum(ports.to_numpy(), 1.0)
    out["pv_kwh"] = out["pv_carport_kw"] * settings.pv_kwh_per_kw_year / 8760.0 * settings.time_budget_h
    out["energy_kwh"] = out["pv_kwh"] + out["station_battery_kwh"] * out["soc"]
    return out.reset_index(drop=True)


def prepare_fleet(frame: pd.DataFrame, charger_ids, settings: PlanSettings, layer: str = "ev_fleet",
                  warn=None) -> pd.DataFrame:
    """Validated fleet with ``usable_kwh``, ``v2l_kw`` and ``usable`` (False with a ``reason``).

    Raises a bilingual error when no vehicle can deliver anything.
    """
    _require(frame, FLEET_REQUIRED, layer, "EV車両表")
    out = pd.DataFrame({"vehicle_id": frame["vehicle_id"].astype(str).str.strip(),
                        "home_site": frame["home_site"].astype(str).str.strip()})
    out.loc[frame["home_site"].isna().to_numpy(), "home_site"] = ""
    ids = out["vehicle_id"]
    dup = ids[ids.duplicated()]
    if len(dup):
        raise SonaeInputError(f"Layer '{layer}', field 'vehicle_id': '{dup.iloc[0]}' appears twice. Ids must be unique.",
                              f"レイヤ「{layer}」の項目「vehicle_id」: 「{dup.iloc[0]}」が重複しています。一意にしてください。")
    battery = _num(frame, "battery_kwh", layer)
    _nonneg(battery.fillna(0.0), "battery_kwh", layer, ids)
    usable_fraction = (_num(frame, "usable_fraction", layer) if "usable_fraction" in frame.columns
                       else pd.Series(np.nan, index=frame.index))
    _nonneg(usable_fraction.fillna(0.0), "usable_fraction", layer, ids, upper=1.0)
    v2l = _num(frame, "v2l_kw", layer) if "v2l_kw" in frame.columns else pd.Series(np.nan, index=frame.index)
    _nonneg(v2l.fillna(0.0), "v2l_kw", layer, ids)
    out["owner"] = frame["owner"].astype(str).to_numpy() if "owner" in frame.columns else ""
    out["battery_kwh"] = battery.fillna(0.0).to_numpy()
    out["usable_fraction"] = usable_fraction.fillna(settings.usable_fraction_default).to_numpy()
    out["v2l_kw"] = v2l.fillna(settings.v2l_kw_default).to_numpy()
    out["usable_kwh"] = out["battery_kwh"] * out["usable_fraction"]
    known = set(map(str, charger_ids))
    reasons = np.where(out["usable_kwh"] <= 0, "no usable battery energy (battery_kwh x usable_fraction = 0)",
              np.where(out["v2l_kw"] <= 0, "no power feeder (v2l_kw = 0)",
              np.where(~out["home_site"].isin(known), "home_site is not a charger id", "")))
    out["usable"] = reasons == ""
    out["reason"] = reasons
    if not out["usable"].any():
        examples = "; ".join(f"{v}: {r}" for v, r in zip(out["vehicle_id"].head(3), out["reason"].head(3)))
        raise SonaeInputError(
            f"Layer '{layer}': no vehicle can deliver electricity ({examples}). Each EV needs battery_kwh > 0, "
            "usable_fraction > 0, v2l_kw > 0 (external power feeder) and a home_site equal to a charger id.",
            f"レイヤ「{layer}」: 給電できる車両がありません（{examples}）。battery_kwh・usable_fraction・v2l_kw（外部給電器）"
            "を正の値にし、home_site に充電拠点のIDを入れてください。")
    if warn and (~out["usable"]).any():
        skipped = out[~out["usable"]]
        warn(f"{len(skipped)} vehicle(s) not used: " + "; ".join(f"{v} ({r})" for v, r in
                                                                 zip(skipped["vehicle_id"], skipped["reason"]))
             + f" / 使えない車両 {len(skipped)} 台")
    return out.reset_index(drop=True)


def ev_roles(frame: pd.DataFrame, layer: str = "shelters", warn=None):
    """(role per row, True where the role receives EV deliveries, True where it counts in the days target).

    Roles: engine/roles.py, rules/facility_roles.json (``ev_delivery``: stay/welfare shelters and disaster bases;
    never open spaces, tsunami buildings or other facilities). Same resolution as the energy model
    (engine/energy/targets.py: a ``role`` field, else the designation fields, else every row a stay shelter).
    """
    from .energy import energy_defaults
    from .energy.targets import roles_for_energy
    from .progress import Progress
    from .roles import role_property
    roles = roles_for_energy(frame, layer, Progress(warn=warn))
    ev = role_property(roles, "ev_delivery").astype(bool)
    t = np.array([float(x or 0) for x in role_property(roles, "autonomy_target_h")])
    return roles, ev, t >= float(energy_defaults()["days_role_min_target_h"])


def shelter_needs(frame: pd.DataFrame, id_field: str, shortfall_field: str, layer: str = "shelters",
                  warn=None) -> pd.DataFrame:
    """Shelter ids and their unmet kWh (NULL = 0); bilingual errors for missing fields or negative values.
    Rows whose role receives no EV delivery (rules/facility_roles.json ev_delivery) get a need of 0."""
    _require(frame, (id_field, shortfall_field), layer, "避難所")
    ids = frame[id_field].astype(str)
    need = _num(frame, shortfall_field, layer).fillna(0.0)
    _nonneg(need, shortfall_field, layer, ids)
    roles, ev, _days = ev_roles(frame, layer, warn)
    return pd.DataFrame({"shelter_id": ids.to_numpy(), "need_kwh": np.where(ev, need.to_numpy(), 0.0),
                         "role": roles, "ev_delivery": ev})


# --- the optimiser ---------------------------------------------------------------------------------------------

def solve_plan(fleet: pd.DataFrame, chargers: pd.DataFrame, needs: np.ndarray, hours: np.ndarray,
               settings: PlanSettings, km: np.ndarray | None = None, shelter_ids=None,
               progress: Progress | None = None) -> Plan:
    """The EV delivery MILP (module docstring). ``hours``/``km``: one-way, chargers (rows) x shelters (cols)."""
    progress = ensure(progress)
    T = float(settings.time_budget_h)
    if not np.isfinite(T) or T <= 0:
        raise SonaeInputError(f"The time budget must be positive hours (got {T}).",
                              f"時間枠は正の時間にしてください（指定値 {T}）。")
    needs = np.asarray(needs, dtype=float)
    hours = np.asarray(hours, dtype=float)
    km = np.full_like(hours, np.nan) if km is None else np.asarray(km, dtype=float)
    shelter_ids = np.asarray(shelter_ids if shelter_ids is not None else np.arange(len(needs)).astype(str))
    c_index = {cid: i for i, cid in enumerate(chargers["charger_id"])}
    use = fleet["usable"].to_numpy()
    veh = np.flatnonzero(use)
    vc = np.array([c_index[fleet["home_site"].iat[v]] for v in veh], dtype=int)
    eta_d, eta_c, h = settings.discharge_efficiency, settings.charge_efficiency, settings.handling_h
    U = fleet["usable_kwh"].to_numpy()[veh]
    P = fleet["v2l_kw"].to_numpy()[veh]
    K = chargers["charger_kw"].to_numpy()
    E = chargers["energy_kwh"].to_numpy()
    ports = chargers["ports"].to_numpy()

    # candidate pairs (vectorised): shelter in need, round trip fits in the budget
    trip_h = 2.0 * hours[vc, :] + h                                  # (V, S)
    ok = (needs[None, :] > 0) & np.isfinite(trip_h) & (trip_h <= T)
    pv, ps = np.nonzero(ok)
    n_pairs, n_veh, n_ch = len(pv), len(veh), len(chargers)
    progress.update(0.1)
    empty = _empty_plan(fleet, chargers, needs, n_pairs)
    if n_pairs == 0:
        return empty
    tp = trip_h[pv, ps]
    cap = U[pv] * eta_d
    # Trips beyond ceil(D_s / cap) cannot add kWh and only cost time and driving, so an optimal plan never makes
    # them: bounding n by it keeps an optimum and shrinks the search. Likewise e <= n x min(cap, D_s) is valid
    # (one trip hands over at most cap, and never more than D_s in all) and tightens the LP relaxation.
    nmax = np.minimum(np.floor(T / tp + 1e-9), np.ceil(needs[ps] / cap - 1e-9))
    mcap = np.minimum(cap, needs[ps])

    # variable layout: n (n_pairs) | e (n_pairs) | g (n_veh)
    i_n, i_e, i_g = np.arange(n_pairs), n_pairs + np.arange(n_pairs), 2 * n_pairs + np.arange(n_veh)
    nvar = 2 * n_pairs + n_veh
    rows, cols, vals, lo, hi = [], [], [], [], []
    r0 = 0

    def block(r, c, v):
        rows.append(np.asarray(r)), cols.append(np.asarray(c)), vals.append(np.asarray(v, dtype=float))

    # e_p - cap n_p <= 0
    block(r0 + np.arange(n_pairs), i_e, np.ones(n_pairs))
    block(r0 + np.arange(n_pairs), i_n, -mcap)
    lo.append(np.full(n_pairs, -np.inf)), hi.append(np.zeros(n_pairs))
    r0 += n_pairs
    # sum_v e_vs <= D_s (shelters with candidates)
    sh, sh_row = np.unique(ps, return_inverse=True)
    block(r0 + sh_row, i_e, np.ones(n_pairs))
    lo.append(np.full(len(sh), -np.inf)), hi.append(needs[sh])
    r0 += len(sh)
    # energy: sum e/eta_d - g_v <= U_v
    block(r0 + pv, i_e, np.full(n_pairs, 1.0 / eta_d))
    block(r0 + np.arange(n_veh), i_g, -np.ones(n_veh))
    lo.append(np.full(n_veh, -np.inf)), hi.append(U)
    r0 += n_veh
    # time: sum n (2t + h) + sum e / P_v + g_v / K_c <= T
    kv = K[vc]
    inv_k = np.divide(1.0, kv, out=np.zeros_like(kv), where=kv > 0)
    block(r0 + pv, i_n, tp)
    block(r0 + pv, i_e, 1.0 / P[pv])
    block(r0 + np.arange(n_veh), i_g, inv_k)
    lo.append(np.full(n_veh, -np.inf)), hi.append(np.full(n_veh, T))
    r0 += n_veh
    # station energy and charger throughput per charger
    block(r0 + vc, i_g, np.full(n_veh, 1.0 / eta_c))
    lo.append(np.full(n_ch, -np.inf)), hi.append(E)
    r0 += n_ch
    block(r0 + vc, i_g, inv_k)
    lo.append(np.full(n_ch, -np.inf)), hi.append(T * ports)
    r0 += n_ch
    A = sparse.csr_matrix((np.concatenate(vals), (np.concatenate(rows), np.concatenate(cols))), shape=(r0, nvar))
    constraint = LinearConstraint(A, np.concatenate(lo), np.concatenate(hi))

    c = np.zeros(nvar)
    c[i_e] = -1.0
    c[i_n] = settings.travel_penalty * tp
    ub = np.concatenate([nmax, np.minimum(needs[ps], nmax * cap),
                         np.where(kv > 0, np.minimum(kv * T, E[vc] * eta_c), 0.0)])
    integrality = np.concatenate([np.ones(n_pairs), np.zeros(n_pairs + n_veh)])
    progress.update(0.2)
    # In a child process (engine/milp_worker.py): HiGHS holds the GIL, so only a separate process lets a cancel
    # stop the optimiser at once instead of at its time limit.
    from .milp_worker import solve as solve_milp
    limit = max(float(settings.time_limit_s), 1e-9)
    res = solve_milp(c, constraint.A, constraint.lb, constraint.ub, integrality, np.zeros(nvar), ub,
                     {"time_limit": float(settings.time_limit_s), "mip_rel_gap": float(settings.mip_rel_gap),
                      "disp": False},
                     is_canceled=lambda: _canceled(progress),
                     on_wait=lambda s: progress.update(0.2 + 0.7 * min(1.0, s / limit)), warn=progress.warn)
    progress.update(0.9)
    if res.x is None:
        raise SonaeInputError(f"The optimiser found no plan ({res.message}). Raise the time budget or the "
                              "optimiser time limit.",
                              f"最適化で計画が得られませんでした（{res.message}）。時間枠または計算時間の上限を増やしてください。")
    x = res.x
    n = np.rint(x[i_n]).astype(int)
    e = np.where(n > 0, np.clip(x[i_e], 0.0, None), 0.0)
    e[e < 1e-7] = 0.0
    g = np.clip(x[i_g], 0.0, None)
    keep = (n > 0) & (e > 0)
    gap = float(getattr(res, "mip_gap", np.nan) if getattr(res, "mip_gap", None) is not None else np.nan)
    optimal = res.status == 0
    delivered = np.zeros(len(needs))
    np.add.at(delivered, ps[keep], e[keep])

    vrow = veh[pv[keep]]
    one_way_h = hours[vc[pv[keep]], ps[keep]]
    pairs = pd.DataFrame({
        "vehicle_id": fleet["vehicle_id"].to_numpy()[vrow],
        "owner": fleet["owner"].to_numpy()[vrow],
        "charger_id": chargers["charger_id"].to_numpy()[vc[pv[keep]]],
        "shelter_id": shelter_ids[ps[keep]],
        "trips": n[keep],
        "kwh_delivered": e[keep],
        "one_way_km": km[vc[pv[keep]], ps[keep]],
        "one_way_min": one_way_h * 60.0,
        "travel_h": n[keep] * 2.0 * one_way_h,
        "handling_h": n[keep] * h,
        "handover_h": e[keep] / P[pv[keep]],
    })
    pairs["_charger_idx"] = vc[pv[keep]]
    pairs["_shelter_idx"] = ps[keep]
    pairs = pairs.sort_values(["vehicle_id", "shelter_id"]).reset_index(drop=True)

    vehicles = empty.vehicles
    per_v_kwh = np.zeros(n_veh)
    np.add.at(per_v_kwh, pv[keep], e[keep])
    per_v_time = np.zeros(n_veh)
    np.add.at(per_v_time, pv[keep], n[keep] * tp[keep] + e[keep] / P[pv[keep]])
    recharge = np.minimum(g, np.maximum(per_v_kwh / eta_d - U, 0.0) + 0.0)
    vehicles.loc[veh, "kwh_delivered"] = per_v_kwh
    vehicles.loc[veh, "recharge_kwh"] = recharge
    vehicles.loc[veh, "time_used_h"] = per_v_time + np.divide(recharge, kv, out=np.zeros_like(kv), where=kv > 0)
    status = ("optimal" if optimal else f"stopped: {res.message}") + (f" (MIP gap {gap:.3g})" if np.isfinite(gap) else "")
    return Plan(pairs=pairs, vehicles=vehicles, chargers=chargers, delivered=delivered, status=status,
                optimal=bool(optimal), mip_gap=gap, objective=float(-res.fun), n_candidates=n_pairs)


def _canceled(progress: Progress) -> bool:
    try:
        progress.check()
    except Cancelled:
        return True
    return False


def _empty_plan(fleet, chargers, needs, n_pairs) -> Plan:
    vehicles = fleet[["vehicle_id", "owner", "home_site", "battery_kwh", "usable_kwh", "v2l_kw", "usable",
                      "reason"]].copy()
    vehicles["kwh_delivered"] = 0.0
    vehicles["recharge_kwh"] = 0.0
    vehicles["time_used_h"] = 0.0
    pairs = pd.DataFrame(columns=["vehicle_id", "owner", "charger_id", "shelter_id", "trips", "kwh_delivered",
                                  "one_way_km", "one_way_min", "travel_h", "handling_h", "handover_h",
                                  "_charger_idx", "_shelter_idx"])
    return Plan(pairs=pairs, vehicles=vehicles, chargers=chargers, delivered=np.zeros(len(needs)),
                status="nothing to plan (no shelter in need within reach of a usable EV)", optimal=True,
                mip_gap=0.0, objective=0.0, n_candidates=n_pairs)


# --- effect on the shelters --------------------------------------------------------------------------------------

def shelters_after(frame: pd.DataFrame, delivered: np.ndarray, shortfall_field: str,
                   hours_field: str | None = None, load_field: str | None = None,
                   target_h: float = 72.0, counted=None) -> tuple[pd.DataFrame, dict]:
    """The shelters with ``ev_kwh_delivered``, ``shortfall_after_kwh``, ``hours_after_ev`` and ``reaches_target``.

    ``shortfall_after_kwh = max(shortfall - delivered, 0)``; ``reaches_target``: no shortfall left (the energy
    model's kWh over the target, e.g. shortfall_kwh_72h = energy not served in the 72 h from now), or, for a shelter
    without a shortfall, ``hours >= target``. This is what the before/after counts use.

    ``hours_after_ev = hours_now + ev_kwh_delivered / critical_load_kw`` (mean critical load: an estimate, as the
    real load varies by hour and PV during the extension is not counted); a shelter whose shortfall is fully
    delivered shows at least the target. Without hours/load fields it is NULL and the counts use the shortfall.
    ``counted``: rows that count in the before/after figures (roles with the days target, rules/facility_roles.json);
    None = the roles resolved by :func:`ev_roles`.
    """
    if counted is None:
        counted = ev_roles(frame)[2]
    counted = np.asarray(counted, dtype=bool)
    out = frame.copy()
    delivered = np.asarray(delivered, dtype=float)
    need = np.nan_to_num(numeric(frame, shortfall_field, "SHELTERS", missing_ok=False), nan=0.0)
    left = np.maximum(need - delivered, 0.0)
    tol = 1e-6
    out["ev_kwh_delivered"] = delivered
    out["shortfall_after_kwh"] = left
    short_before = need > tol
    if hours_field and load_field and hours_field in frame.columns and load_field in frame.columns:
        hours = numeric(frame, hours_field, "SHELTERS")
        load = numeric(frame, load_field, "SHELTERS")
        ext = np.divide(delivered, load, out=np.full(len(load), np.nan), where=np.nan_to_num(load) > 0)
        ext = np.where(delivered == 0, 0.0, ext)
        covered = short_before & (left <= tol)
        after = np.where(covered, np.fmax(hours + ext, target_h), hours + ext)
        out["hours_after_ev"] = after
        hours_ok_before = np.nan_to_num(hours, nan=np.inf) >= target_h - tol
        below_before = ~hours_ok_before | short_before
        reaches = np.where(short_before, left <= tol, hours_ok_before)
        basis = f"{hours_field} < {target_h:g} h or {shortfall_field} > 0"
    else:
        out["hours_after_ev"] = np.nan
        below_before = short_before
        reaches = left <= tol
        basis = f"{shortfall_field} > 0"
    out["reaches_target"] = reaches
    out["counts_in_target"] = counted
    counts = {"below_before": int((below_before & counted).sum()), "below_after": int((~reaches & counted).sum()),
              "basis": basis + " (roles with a 72 h target, rules/facility_roles.json)",
              "need_kwh": float(need.sum()), "delivered_kwh": float(delivered.sum())}
    return out, counts


# --- charger coverage ------------------------------------------------------------------------------------------

def charger_coverage(hours: np.ndarray, km: np.ndarray, charger_ids, shelter_ids,
                     minutes: float) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Which shelters lie within ``minutes`` of each charger (one-way; chargers rows x shelters columns).

    Returns (per shelter: ``nearest_charger_id``, ``nearest_charger_min``, ``nearest_charger_km``,
    ``chargers_within``, ``covered``; pairs within the limit: ``charger_id``, ``shelter_id``, ``minutes``, ``km``).
    """
    if minutes is None or not np.isfinite(minutes) or minutes <= 0:
        raise SonaeInputError(f"The travel time limit must be positive minutes (got {minutes}).",
                              f"到達時間の上限は正の分にしてください（指定値 {minutes}）。")
    mins = np.asarray(hours, dtype=float) * 60.0
    km = np.asarray(km, dtype=float)
    charger_ids = np.asarray(list(charger_ids), dtype=object)
    shelter_ids = np.asarray(list(shelter_ids), dtype=object)
    within = mins <= minutes + 1e-9
    n_s = mins.shape[1]
    if mins.shape[0]:
        best = np.argmin(mins, axis=0)
        best_min = mins[best, np.arange(n_s)]
        reachable = np.isfinite(best_min)
        nearest = np.where(reachable, charger_ids[best], None)
        nearest_km = np.where(reachable, km[best, np.arange(n_s)], np.nan)
    else:
        best_min, reachable = np.full(n_s, np.inf), np.zeros(n_s, dtype=bool)
        nearest, nearest_km = np.full(n_s, None, dtype=object), np.full(n_s, np.nan)
    per_shelter = pd.DataFrame({
        "nearest_charger_id": nearest,
        "nearest_charger_min": np.where(reachable, best_min, np.nan),
        "nearest_charger_km": nearest_km,
        "chargers_within": within.sum(axis=0).astype(int),
        "covered": within.any(axis=0),
    })
    ci, si = np.nonzero(within)
    pairs = pd.DataFrame({"charger_id": charger_ids[ci], "shelter_id": shelter_ids[si],
                          "minutes": mins[ci, si], "km": km[ci, si], "_charger_idx": ci, "_shelter_idx": si})
    return per_shelter, pairs
