"""sonae:importpopulation on the real 2015 census small-area tables of four cities and Takamatsu's buildings by
town. Every figure is recomputed here independently with the csv / json modules (and shapely for polygons)."""
from __future__ import annotations

import csv
import json
from collections import defaultdict

import numpy as np
import pyogrio
import pytest

from .conftest import shared_data

# city, file code, ΣJINKO and ΣSETAI... as MANIFEST.md states them (rows / KEY_CODEs counted below)
CITIES = [("takamatsu", "372013", 420748), ("kumamoto", "431001", 740822), ("miyazaki", "452017", 401138),
          ("aizuwakamatsu", "072028", 124062)]
ALG = "sonae:importpopulation"


def _csv(city, code):
    return shared_data(city, "population_smallarea", f"census2015_chome_{code}_attributes.csv")


def _rows(path, encoding="utf-8"):
    with open(path, encoding=encoding, newline="") as fh:
        return list(csv.DictReader(fh))


def _by_key(rows):
    out = defaultdict(list)
    for r in rows:
        out[r["KEY_CODE"]].append(r)
    return out


def _read(path):
    return pyogrio.read_dataframe(path).set_index("key_code")


class _Feedback:
    """A feedback that keeps warnings (the conftest one keeps infos and errors)."""

    @staticmethod
    def make():
        from qgis.core import QgsProcessingFeedback

        class F(QgsProcessingFeedback):
            def __init__(self):
                super().__init__()
                self.infos, self.warnings, self.errors = [], [], []

            def pushInfo(self, info):  # noqa: N802
                self.infos.append(info)

            def pushWarning(self, warning):  # noqa: N802
                self.warnings.append(warning)

            def reportError(self, error, fatalError=False):  # noqa: N802,N803
                self.errors.append(error)
        return F()


@pytest.mark.parametrize("city,code,manifest_total", CITIES)
def test_one_zone_per_key_code_with_the_census_totals(run_alg, tmp_path, city, code, manifest_total):
    path = _csv(city, code)
    rows = _rows(path)
    keys = _by_key(rows)
    out = str(tmp_path / "pop.gpkg")
    res = run_alg(ALG, {"INPUT": path, "OUTPUT": out})
    z = _read(out)
    assert len(z) == len(keys) == res["ZONE_COUNT"] and z.index.is_unique
    jinko = sum(int(r["JINKO"]) for r in rows)
    setai = sum(int(r["SETAI"]) for r in rows)
    assert jinko == manifest_total
    assert z["population"].sum() == jinko == res["POPULATION_TOTAL"]
    assert z["households"].sum() == setai == res["HOUSEHOLDS_TOTAL"]
    assert res["UNKNOWN_ZONES"] == 0 and (z["population_status"] == "ok").all()
    for k, pieces in keys.items():
        assert z.loc[k, "population"] == sum(int(r["JINKO"]) for r in pieces), k
        assert z.loc[k, "households"] == sum(int(r["SETAI"]) for r in pieces), k
        assert z.loc[k, "pieces"] == len(pieces)
        assert z.loc[k, "city_code"] == pieces[0]["KEN"] + pieces[0]["CITY"]
        holder = max(pieces, key=lambda r: (int(r["JINKO"]), float(r["AREA"])))
        assert z.loc[k, "name"] == holder["MOJI"]            # as written (full-width digits kept)
        p = z.loc[k, "geometry"]
        assert (p.x, p.y) == (float(holder["X_CODE"]), float(holder["Y_CODE"]))
    assert pyogrio.read_info(out)["crs"] == "EPSG:4612"


def test_takamatsu_figures_as_manifest(run_alg, tmp_path):
    out = str(tmp_path / "pop.gpkg")
    res = run_alg(ALG, {"INPUT": _csv("takamatsu", "372013"), "OUTPUT": out})
    # MANIFEST: 261 rows, ΣJINKO 420,748, ΣSETAI 182,047; the importer's note: 245 KEY_CODEs
    assert (res["ZONE_COUNT"], res["POPULATION_TOTAL"], res["HOUSEHOLDS_TOTAL"]) == (245, 420748, 182047)


@pytest.mark.parametrize("encoding,bom", [("cp932", b""), ("utf-8", b"\xef\xbb\xbf")])
def test_shift_jis_and_bom_copies_give_the_same_zones(run_alg, tmp_path, encoding, bom):
    src = _csv("takamatsu", "372013")
    with open(src, encoding="utf-8") as fh:
        text = fh.read()
    copy = tmp_path / f"census_{encoding}.csv"
    copy.write_bytes(bom + text.encode(encoding))
    assert copy.read_bytes() != open(src, "rb").read()
    a, b = str(tmp_path / "a.gpkg"), str(tmp_path / "b.gpkg")
    run_alg(ALG, {"INPUT": src, "OUTPUT": a})
    run_alg(ALG, {"INPUT": str(copy), "OUTPUT": b})
    za, zb = _read(a), _read(b)
    assert za.drop(columns="geometry").equals(zb.drop(columns="geometry"))
    assert (za.geometry.x == zb.geometry.x).all() and (za.geometry.y == zb.geometry.y).all()
    assert "３丁目" in "".join(zb["name"].dropna())        # Japanese names decoded, not mojibake


def test_centroid_geojson_layer_gives_the_same_zones(run_alg, tmp_path):
    geo = shared_data("miyazaki", "population_smallarea", "census2015_chome_452017_attributes_centroids.geojson")
    a, b = str(tmp_path / "a.gpkg"), str(tmp_path / "b.gpkg")
    run_alg(ALG, {"INPUT": _csv("miyazaki", "452017"), "OUTPUT": a})
    res = run_alg(ALG, {"LAYER": geo, "OUTPUT": b})
    za, zb = _read(a), _read(b).loc[_read(a).index]
    with open(geo, encoding="utf-8") as fh:
        feats = json.load(fh)["features"]
    assert res["POPULATION_TOTAL"] == sum(f["properties"]["JINKO"] for f in feats) == 401138
    assert (za["population"] == zb["population"]).all() and (za["name"] == zb["name"]).all()
    assert np.allclose(za.geometry.x, zb.geometry.x) and np.allclose(za.geometry.y, zb.geometry.y)


def test_polygon_layer_joined_to_the_table_merges_pieces(run_alg, tmp_path):
    """No 町丁 polygons exist in the shared data: squares around every piece's point (JGD2000 degrees, 0.002°
    half-side) stand in for the boundary pieces; the zone must be their union and carry the table's people."""
    import geopandas as gpd
    import shapely
    path = _csv("aizuwakamatsu", "072028")
    rows = _rows(path)
    squares = [shapely.box(float(r["X_CODE"]) - 0.002, float(r["Y_CODE"]) - 0.002, float(r["X_CODE"]) + 0.002,
                           float(r["Y_CODE"]) + 0.002) for r in rows]
    layer = gpd.GeoDataFrame({"KEY_CODE": [r["KEY_CODE"] for r in rows]}, geometry=squares, crs="EPSG:4612")
    poly = str(tmp_path / "pieces.gpkg")
    layer.to_file(poly)
    out = str(tmp_path / "zones.gpkg")
    res = run_alg(ALG, {"INPUT": path, "LAYER": poly, "OUTPUT": out})
    z = _read(out)
    keys = _by_key(rows)
    assert len(z) == len(keys) and res["POPULATION_TOTAL"] == 124062
    split = [k for k, v in keys.items() if len(v) > 1]
    assert split
    for k in split:
        union = shapely.union_all([squares[i] for i, r in enumerate(rows) if r["KEY_CODE"] == k])
        assert z.loc[k, "geometry"].geom_type == "MultiPolygon"
        assert z.loc[k, "geometry"].symmetric_difference(union).area < 1e-12
        assert z.loc[k, "population"] == sum(int(r["JINKO"]) for r in keys[k])


def test_takamatsu_buildings_joined_by_code_and_reported(run_alg, tmp_path):
    path = _csv("takamatsu", "372013")
    use = shared_data("takamatsu", "buildings", "toshikeikaku_kiso_0085_building_use_by_town.csv")
    keys = _by_key(_rows(path))
    b = _rows(use)
    codes = defaultdict(list)
    for r in b:
        codes[r["areaCode"]].append(r)
    unique = {c: v[0] for c, v in codes.items() if len(v) == 1 and c in keys}
    dup_rows = [r for v in codes.values() if len(v) > 1 for r in v]
    # independent: 244 rows, 6 codes listed twice (12 rows), 232 rows with a unique code found among KEY_CODEs
    assert (len(b), len(dup_rows), len(unique)) == (244, 12, 232)
    fb = _Feedback.make()
    out = str(tmp_path / "pop.gpkg")
    res = run_alg(ALG, {"INPUT": path, "BUILDINGS": use, "OUTPUT": out}, feedback=fb)
    z = _read(out)
    assert res["BUILDINGS_JOINED"] == 232 and res["BUILDINGS_NOT_JOINED"] == 12
    for c, r in unique.items():
        assert z.loc[c, "res_floor_area_m2"] == pytest.approx(float(r["TotalFloorAreaOfTheHouse"]))
        assert z.loc[c, "houses"] == int(r["NumberOf Houses"]) and z.loc[c, "buildings_match"] == "code"
    assert z["res_floor_area_m2"].sum() == pytest.approx(sum(float(r["TotalFloorAreaOfTheHouse"])
                                                             for r in unique.values()))
    # the twice-listed towns: both census areas of the name (…100 and …101) ambiguous, nothing summed into one
    dup_names = {r["townName"] for r in dup_rows}
    amb = z[z["buildings_match"] == "ambiguous"]
    assert set(amb["name"]) == dup_names and len(amb) == 12 and amb["res_floor_area_m2"].isna().all()
    none = z[z["buildings_match"] == "none"]
    assert list(none.index) == [k for k in keys if k not in codes and keys[k][0]["MOJI"] not in dup_names]
    text = "\n".join(fb.warnings)
    assert "12 town row(s)" in text and "上福岡町" in text and "12行" in text
    assert "1 small area(s) have no building row" in text and "372011550" in text
    assert z["population"].sum() == 420748                   # the join never changes the people


def test_suppressed_and_empty_cells_are_null_not_zero(run_alg, tmp_path):
    src = _csv("kumamoto", "431001")
    rows = _rows(src)
    # three single-piece KEY_CODEs: one suppressed (X), one '-' (no figure), one empty
    keys = _by_key(rows)
    single = [k for k, v in keys.items() if len(v) == 1 and int(v[0]["JINKO"]) > 0][:3]
    marks = dict(zip(single, ["X", "-", ""]))
    for r in rows:
        if r["KEY_CODE"] in marks:
            r["JINKO"] = marks[r["KEY_CODE"]]
    copy = tmp_path / "census.csv"
    with open(copy, "w", encoding="cp932", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0].keys()))
        w.writeheader()
        w.writerows(rows)
    fb = _Feedback.make()
    out = str(tmp_path / "pop.gpkg")
    res = run_alg(ALG, {"INPUT": str(copy), "OUTPUT": out}, feedback=fb)
    z = _read(out)
    known = sum(int(r["JINKO"]) for r in rows if r["JINKO"] not in ("X", "-", ""))
    assert res["POPULATION_TOTAL"] == known and res["UNKNOWN_ZONES"] == 3 and len(z) == len(keys)
    for k in single:
        assert np.isnan(z.loc[k, "population"])
    assert list(z.loc[single, "population_status"]) == ["suppressed", "suppressed", "empty"]
    text = "\n".join(fb.warnings)
    assert single[0] in text and "'X'" in text and "not 0" in text and "0ではなく" in text


def test_output_feeds_sheltercatchments_and_people_are_conserved(run_alg, tmp_path):
    import geopandas as gpd
    zones = str(tmp_path / "pop.gpkg")
    run_alg(ALG, {"INPUT": _csv("takamatsu", "372013"), "OUTPUT": zones})
    fac = str(tmp_path / "fac.gpkg")
    run_alg("sonae:importshelters", {"INPUTS": [shared_data("takamatsu", "shelters", "evacuation_space.csv")],
                                     "OUTPUT": fac})
    out, catch = str(tmp_path / "s.gpkg"), str(tmp_path / "c.gpkg")
    rate = 0.1
    res = run_alg("sonae:sheltercatchments", {"FACILITIES": fac, "POPULATION": zones, "POPULATION_FIELD": "population",
                                              "ZONE_ID_FIELD": "key_code", "EVACUATION_RATE": rate,
                                              "OUTPUT": out, "CATCHMENTS": catch})
    sh, pc = gpd.read_file(out), gpd.read_file(catch)
    expected = int(np.floor(420748 * rate + 0.5))             # whole people, rounded half-up once
    assert res["EVACUEES_TOTAL"] == expected == pc["evacuees"].sum()
    assert len(pc) == 245
    assert (pc["assigned_evacuees"] + pc["unassigned_evacuees"] == pc["evacuees"]).all()
    assert sh["evacuees"].sum() == pc["assigned_evacuees"].sum() == res["EVACUEES_ASSIGNED"]
    assert res["EVACUEES_ASSIGNED"] + res["EVACUEES_UNASSIGNED"] == expected
    assert (sh["evacuees"] <= sh["capacity_calc"]).all()


def test_any_point_layer_with_a_population_field(run_alg, tmp_path):
    """Takamatsu's 2026 town points (regionName, totalPopulation; no households column) as a generic layer."""
    pts = shared_data("takamatsu", "population", "population_by_town_age_202602_points.geojson")
    with open(pts, encoding="utf-8") as fh:
        feats = json.load(fh)["features"]
    by_town = defaultdict(int)
    for f in feats:
        by_town[f["properties"]["regionName"]] += f["properties"]["totalPopulation"] or 0
    out = str(tmp_path / "towns.gpkg")
    res = run_alg(ALG, {"LAYER": pts, "KEY_FIELD": "regionName", "POPULATION_FIELD": "totalPopulation",
                        "NAME_FIELD": "regionName", "OUTPUT": out})
    z = _read(out)
    assert len(z) == len(by_town) and res["POPULATION_TOTAL"] == sum(by_town.values())
    assert all(z.loc[k, "population"] == v for k, v in by_town.items())
    assert "households" not in z.columns and res["HOUSEHOLDS_TOTAL"] == 0
    # an explicitly named households field that does not exist is refused, not skipped
    from qgis.core import QgsProcessingException
    with pytest.raises(QgsProcessingException, match="HOUSEHOLDS_FIELD"):
        run_alg(ALG, {"LAYER": pts, "KEY_FIELD": "regionName", "POPULATION_FIELD": "totalPopulation",
                      "HOUSEHOLDS_FIELD": "setai", "OUTPUT": str(tmp_path / "x.gpkg")})


def test_flood_capacity_catchments_on_small_areas(run_alg, tmp_path):
    """The zones through sonae:sheltercatchments for the flood (shelters + tsunami buildings of Takamatsu, KSJ
    A31b ranks, as tests/test_demand_catchments.py prepares them): whole people conserved, nobody in a shelter that
    is not eligible for floods, nobody above a shelter's places."""
    import geopandas as gpd
    from .test_demand_catchments import _takamatsu_flood_inputs
    fh, _points = _takamatsu_flood_inputs(run_alg, tmp_path)
    zones = str(tmp_path / "pop.gpkg")
    run_alg(ALG, {"INPUT": _csv("takamatsu", "372013"), "OUTPUT": zones})
    out, catch = str(tmp_path / "s.gpkg"), str(tmp_path / "c.gpkg")
    res = run_alg("sonae:sheltercatchments", {
        "FACILITIES": fh, "POPULATION": zones, "POPULATION_FIELD": "population", "ZONE_ID_FIELD": "key_code",
        "HAZARD_TYPE": "flood", "EVACUATION_RATE": 0.6, "MAX_DISTANCE_M": 5000, "OUTPUT": out, "CATCHMENTS": catch})
    sh, pc = gpd.read_file(out), gpd.read_file(catch)
    expected = int(np.floor(420748 * 0.6 + 0.5))
    assert res["EVACUEES_TOTAL"] == expected == pc["evacuees"].sum()
    assert (pc["assigned_evacuees"] + pc["unassigned_evacuees"] == pc["evacuees"]).all()
    assert sh["evacuees"].sum() == pc["assigned_evacuees"].sum() == res["EVACUEES_ASSIGNED"]
    assert res["EVACUEES_ASSIGNED"] + res["EVACUEES_UNASSIGNED"] == expected
    assert (sh["evacuees"] <= sh["capacity_calc"]).all()
    assert (sh.loc[~sh["eligible"].astype(bool), "evacuees"] == 0).all()
    print(f"flood, rate 0.6: {expected} evacuees, {res['EVACUEES_ASSIGNED']} placed, "
          f"{res['EVACUEES_UNASSIGNED']} not placed, {int((sh['evacuees'] > 0).sum())} shelters used")


def test_table_with_its_centroid_layer_takes_the_point_holding_the_people(run_alg, tmp_path):
    """INPUT (the CSV) and LAYER (its centroid GeoJSON) together: people from the table, each zone's point the
    layer's piece with the most people, i.e. the same points as the table alone."""
    city, code = "takamatsu", "372013"
    geo = shared_data(city, "population_smallarea", f"census2015_chome_{code}_attributes_centroids.geojson")
    a, b = str(tmp_path / "a.gpkg"), str(tmp_path / "b.gpkg")
    run_alg(ALG, {"INPUT": _csv(city, code), "OUTPUT": a})
    res = run_alg(ALG, {"INPUT": _csv(city, code), "LAYER": geo, "OUTPUT": b})
    za, zb = _read(a), _read(b).loc[_read(a).index]
    assert res["POPULATION_TOTAL"] == 420748 and len(zb) == 245
    assert (za["population"] == zb["population"]).all()
    assert np.allclose(za.geometry.x, zb.geometry.x, atol=1e-9) and np.allclose(za.geometry.y, zb.geometry.y, atol=1e-9)
    # the check discriminates: in some split KEY_CODEs the first piece of the file is not the one with the people
    # (the first point per key would then be wrong)
    pieces = [v for v in _by_key(_rows(_csv(city, code))).values() if len(v) > 1]
    assert any(int(v[0]["JINKO"]) < max(int(r["JINKO"]) for r in v) for v in pieces)
