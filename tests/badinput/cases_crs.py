"""Bad-input cases: layers in other CRSs (issue 11 item 6). Distances must not depend on the input CRS.

The same Takamatsu facilities are given in EPSG:3857 (Web Mercator, x1.2 in Japan), EPSG:6677 (JGD2011 plane
rectangular zone IX, far from Takamatsu) and EPSG:32653 (WGS 84 / UTM 53N). Charger distances are checked against
a brute-force haversine on the GRS80 mean radius; district membership against the run on lon/lat data.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np

from .cases_outputs import _base_gpkg
from .framework import BadCase, succeeds

DETOUR = 1.3
N_CHARGERS = 12


def _frames():
    import pyogrio
    fac = pyogrio.read_dataframe(_base_gpkg(), layer="facilities").to_crs(4326)
    fac = fac[["id", "name", "facility_type", "designated_shelter", "emergency_site", "capacity_persons",
               "geometry"]].copy()
    chargers = fac.iloc[::16].head(N_CHARGERS).copy()
    return fac, chargers


def _write(tmp: Path, epsg: int) -> dict:
    fac, chargers = _frames()
    path = tmp / f"data_{epsg}.gpkg"
    fac.to_crs(epsg).to_file(path, layer="shelters", driver="GPKG")
    chargers.to_crs(epsg).to_file(path, layer="chargers", driver="GPKG")
    return {"shelters": f"{path}|layername=shelters", "chargers": f"{path}|layername=chargers"}


def _haversine_km(lon1, lat1, lon2, lat2):
    r = 6371.0088                                        # IUGG mean earth radius (GRS80), km
    p1, p2 = np.radians(lat1), np.radians(lat2)
    a = np.sin((p2 - p1) / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(np.radians(lon2 - lon1) / 2) ** 2
    return 2 * r * np.arcsin(np.sqrt(a))


def _charger_case(epsg: int) -> BadCase:
    def build(tmp):
        layers = _write(tmp, epsg)
        return {"CHARGERS": layers["chargers"], "SHELTERS": layers["shelters"], "DETOUR_FACTOR": DETOUR,
                "MINUTES": 30.0, "SPEED_KMH": 20.0, "OUTPUT": str(tmp / "coverage.gpkg")}

    def check(results, tmp):
        import pyogrio
        out = pyogrio.read_dataframe(tmp / "coverage.gpkg")
        fac, chargers = _frames()
        want = {}
        for sid, g in zip(fac["id"], fac.geometry):
            d = _haversine_km(g.x, g.y, chargers.geometry.x.to_numpy(), chargers.geometry.y.to_numpy())
            want[sid] = float(d.min()) * DETOUR
        got = dict(zip(out["id"], out["nearest_charger_km"].astype(float)))
        assert set(got) == set(want)
        bad = [(k, got[k], want[k]) for k in want if abs(got[k] - want[k]) > 0.005 * want[k] + 1e-3]
        assert not bad, f"{len(bad)} shelters off by > 0.5 %: {bad[:3]}"
    check.__doc__ = (f"nearest_charger_km of all 195 shelters within 0.5 % of a brute-force haversine x {DETOUR} "
                     "on the lon/lat data")
    return BadCase(id=f"chargercoverage-epsg-{epsg}", alg="sonae:chargercoverage",
                   what=f"chargers and shelters in EPSG:{epsg}", build=build, expect=succeeds(check))


def _districts(path) -> set:
    import pyogrio
    out = pyogrio.read_dataframe(path, read_geometry=False)
    return {frozenset(m.split(", ")) for m in out["member_ids"]}


def _district_case(epsg: int) -> BadCase:
    def build(tmp):
        import processing
        (tmp / "ref").mkdir()
        ref = _write(tmp / "ref", 4326)
        processing.run("sonae:districtlayout", {"FACILITIES": ref["shelters"], "FISCAL_INDEX": 0.5,
                                                "OUTPUT": str(tmp / "ref" / "d.gpkg")})
        layers = _write(tmp, epsg)
        return {"FACILITIES": layers["shelters"], "FISCAL_INDEX": 0.5, "OUTPUT": str(tmp / "districts.gpkg")}

    def check(results, tmp):
        got, want = _districts(tmp / "districts.gpkg"), _districts(tmp / "ref" / "d.gpkg")
        assert got == want, f"{len(got ^ want)} districts differ from the lon/lat run"
    check.__doc__ = "the same districts (member sets) as the run on the same facilities in lon/lat (EPSG:4326)"
    return BadCase(id=f"districtlayout-epsg-{epsg}", alg="sonae:districtlayout",
                   what=f"facilities in EPSG:{epsg}", build=build, expect=succeeds(check))


CASES = [_charger_case(e) for e in (4326, 3857, 6677, 32653)] + [_district_case(e) for e in (3857, 6677)]


# --- stockpile sufficiency: the 5 km allocation radius must mean 5 km whatever the shelters' CRS -------------

_SITES_CSV = "拠点ID,拠点名,所有区分,緯度,経度\nW1,市倉庫,市,34.34,134.05\nP1,協定店舗,協定事業者,34.34,134.10\n"
_ITEMS_CSV = ("拠点ID,所有区分,品目,品名,単位,数量,消費期限/賞味期限,協定数量,確認日\n"
              "W1,市,飲料水,当日期限,L,300,令和8年4月1日,,\n"
              "W1,市,飲料水,保存水,箱(2L×6本),40,R9.3.31,,\n"
              "P1,協定事業者,飲料水,販売在庫1,L,600,2026-12-31,500,2025/12/1\n")


def _stock_case(epsg: int) -> BadCase:
    def build(tmp):
        import geopandas as gpd
        import processing
        import shapely
        (tmp / "sites.csv").write_text(_SITES_CSV, encoding="utf-8")
        (tmp / "items.csv").write_text(_ITEMS_CSV, encoding="utf-8")
        res = processing.run("sonae:importstockpile", {
            "ITEMS_FILE": str(tmp / "items.csv"), "SITES_FILE": str(tmp / "sites.csv"),
            "OUTPUT_SITES": str(tmp / "stock_sites.gpkg"), "OUTPUT_ITEMS": str(tmp / "stock_items.gpkg")})
        shelters = gpd.GeoDataFrame({"id": ["A", "B"], "name": ["避難所A", "避難所B"], "evacuees": [100, 50]},
                                    geometry=[shapely.Point(134.0505, 34.34), shapely.Point(134.1005, 34.34)],
                                    crs="EPSG:4326").to_crs(epsg)
        shelters.to_file(tmp / "shelters.gpkg", layer="shelters", driver="GPKG")
        return {"SHELTERS": f"{tmp / 'shelters.gpkg'}|layername=shelters", "SHELTER_ID_FIELD": "id",
                "EVACUEES_FIELD": "evacuees", "NAME_FIELD": "name", "SITES": res["OUTPUT_SITES"],
                "ITEMS": res["OUTPUT_ITEMS"], "PROFILE": 0, "HORIZON_DAYS": 3, "SCENARIO_DATE": "2026-04-01",
                "ALLOCATION": 0, "MAX_DISTANCE_M": 5000.0, "OUTPUT": str(tmp / "suff.gpkg"),
                "OUTPUT_DISTRICT": str(tmp / "dist.gpkg")}

    def check(results, tmp):
        import pyogrio
        per = pyogrio.read_dataframe(tmp / "suff.gpkg", read_geometry=False).set_index("shelter_id")
        assert per.loc["A", "water_units"] == 830.0 and per.loc["B", "water_units"] == 450.0, \
            per[["water_units"]].to_dict()
    check.__doc__ = ("the cross pairs (4.55 km A-P1, 4.64 km B-W1 on the ellipsoid) are inside the 5 km radius: "
                     "water A 780 + 50 from P1 = 830 L, B 450 L (hand allocation, nearest pairs first)")
    return BadCase(id=f"stockpilesufficiency-epsg-{epsg}", alg="sonae:stockpilesufficiency",
                   what=f"shelters in EPSG:{epsg}, sites in lon/lat, MAX_DISTANCE_M 5000",
                   build=build, expect=succeeds(check))


CASES += [_stock_case(e) for e in (4326, 3857)]
