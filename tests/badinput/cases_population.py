"""Bad inputs for population zones (sonae:exposedpopulation, sonae:sheltercatchments; issue 12)."""
from __future__ import annotations

import json
import os

import numpy as np

from .framework import BadCase, cancelled, refused, succeeds

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
X0, Y0, CELL = 400000.0, 3900040.0, 10.0


def _raster(tmp):
    """4 x 4 rank raster (EPSG:6691): left half rank 2, right half rank 3."""
    import rasterio
    from rasterio.transform import from_origin
    path = tmp / "rank.tif"
    codes = np.array([[2, 2, 3, 3]] * 4, dtype="uint8")
    with rasterio.open(path, "w", driver="GTiff", width=4, height=4, count=1, dtype="uint8", crs="EPSG:6691",
                       transform=from_origin(X0, Y0, CELL, CELL), nodata=0) as ds:
        ds.write(codes, 1)
    return str(path)


def _zones(tmp, features, name="zones.geojson"):
    fc = {"type": "FeatureCollection", "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::6691"}},
          "features": features}
    (tmp / name).write_text(json.dumps(fc, ensure_ascii=False), encoding="utf-8")
    return str(tmp / name)


def _square(x0, y0, x1, y1):
    return {"type": "Polygon", "coordinates": [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]]}


def _bowtie(tmp):
    # the figure-eight (x0,y0)->(x1,y1)->(x1,y0)->(x0,y1): two triangles, one over rank 2 and one over rank 3
    g = {"type": "Polygon", "coordinates": [[[X0, Y0 - 40], [X0 + 40, Y0], [X0 + 40, Y0 - 40], [X0, Y0],
                                             [X0, Y0 - 40]]]}
    return {"POPULATION": _zones(tmp, [{"type": "Feature", "geometry": g, "properties": {"z": "A", "pop": 100}}]),
            "POPULATION_FIELD": "pop", "ZONE_ID_FIELD": "z", "HAZARD": _raster(tmp), "VALUE_KIND": 1,
            "OUTPUT": str(tmp / "ep.gpkg")}


def _check_bowtie(results, tmp):
    """a self-intersecting zone is repaired (make_valid: two triangles), not dropped: its 100 people are all
    counted, split between rank 2 and rank 3"""
    import pyogrio
    ep = pyogrio.read_dataframe(tmp / "ep.gpkg", read_geometry=False)
    total = ep[[f"people_rank_{k}" for k in range(1, 7)] + ["people_dry", "people_no_data"]].to_numpy().sum()
    assert abs(total - 100) < 1e-6 and results["POPULATION_TOTAL"] == 100, ep


def _text_pop(values):
    def build(tmp):
        feats = [{"type": "Feature", "geometry": _square(X0 + 20 * i, Y0 - 40, X0 + 20 * i + 20, Y0),
                  "properties": {"z": f"Z{i + 1}", "pop": v}} for i, v in enumerate(values)]
        return {"POPULATION": _zones(tmp, feats), "POPULATION_FIELD": "pop", "ZONE_ID_FIELD": "z",
                "HAZARD": _raster(tmp), "VALUE_KIND": 1, "OUTPUT": str(tmp / "ep.gpkg")}
    return build


def _check_text_pop(results, tmp):
    """'2,041人' and '１２０' read as 2,041 and 120: the left zone (rank 2) holds 2,041, the right (rank 3) 120"""
    import pyogrio
    ep = pyogrio.read_dataframe(tmp / "ep.gpkg", read_geometry=False).set_index("z")
    assert abs(ep.loc["Z1", "people_rank_2"] - 2041) < 1e-6 and abs(ep.loc["Z2", "people_rank_3"] - 120) < 1e-6, ep
    assert results["POPULATION_TOTAL"] == 2161


def _far_zones(tmp):
    feats = [{"type": "Feature", "geometry": {"type": "Point", "coordinates": [134.041, 34.341]},
              "properties": {"zone": "near", "pop": 100}},
             {"type": "Feature", "geometry": {"type": "Point", "coordinates": [146.5, 34.34]},   # ~1,148 km east
              "properties": {"zone": "far", "pop": 50}}]
    fac = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [134.040, 34.340]},
         "properties": {"id": "S1", "name": "S1", "designated_shelter": True, "capacity_persons": 1000}}]}
    (tmp / "fac.geojson").write_text(json.dumps(fac), encoding="utf-8")
    (tmp / "pop.geojson").write_text(json.dumps({"type": "FeatureCollection", "features": feats}), encoding="utf-8")
    return {"FACILITIES": str(tmp / "fac.geojson"), "POPULATION": str(tmp / "pop.geojson"),
            "POPULATION_FIELD": "pop", "ZONE_ID_FIELD": "zone", "EVACUATION_RATE": 1.0,
            "OUTPUT": str(tmp / "s.gpkg"), "CATCHMENTS": str(tmp / "c.gpkg")}


def _check_far(results, tmp):
    """the zone 1,148 km away: its 50 evacuees unreached and unassigned, the near zone's 100 placed"""
    import pyogrio
    c = pyogrio.read_dataframe(tmp / "c.gpkg", read_geometry=False).set_index("zone_id")
    assert results["EVACUEES_UNREACHED"] == 50 and results["EVACUEES_ASSIGNED"] == 100, results
    assert bool(c.loc["far", "unreached"]) and c.loc["far", "assigned_evacuees"] == 0


CASES = [
    BadCase(id="exposedpopulation-bowtie-polygon", alg="sonae:exposedpopulation",
            what="a self-intersecting (bow-tie) population polygon over two depth classes",
            build=_bowtie, expect=succeeds(_check_bowtie)),
    BadCase(id="exposedpopulation-population-as-text", alg="sonae:exposedpopulation",
            what="population written 2,041人 and １２０ (full-width) in a text field",
            build=_text_pop(["2,041人", "１２０"]), expect=succeeds(_check_text_pop)),
    BadCase(id="exposedpopulation-population-unreadable", alg="sonae:exposedpopulation",
            what="population written 多数", build=_text_pop(["100", "多数"]), expect=refused("多数")),
    BadCase(id="exposedpopulation-population-negative", alg="sonae:exposedpopulation",
            what="population -5", build=_text_pop([100, -5]), expect=refused("pop")),
    BadCase(id="sheltercatchments-zone-1148km-capacity", alg="sonae:sheltercatchments",
            what="capacity assignment with a zone 1,148 km from every shelter (wrong place / CRS)",
            build=_far_zones, expect=succeeds(_check_far)),
]


# --- sonae:importpopulation (census small-area tables; issue 12 item 3) --------------------------------------
# A small e-Stat-style table (the real header of census2015_chome_*_attributes.csv, trimmed to the columns read):
# 3 KEY_CODEs, the second split into two pieces with its people on E1. Totals by hand: JINKO 1768 + 724 + 0 + 138
# = 2630; SETAI 872 + 365 + 0 + 93 = 1330.
IMPORT = "sonae:importpopulation"
CENSUS_HEADER = "KEY_CODE,KEN,CITY,KIGO_E,MOJI,AREA,JINKO,SETAI,X_CODE,Y_CODE\n"
CENSUS_ROWS = ["372011330,37,201,,香西東町,617276.315,1768,872,134.0069,34.34061",
               "37201033003,37,201,E1,栗林町３丁目,77027.47,724,365,134.04904,34.3283",
               "37201033003,37,201,E2,栗林町３丁目,1200.5,0,0,134.0495,34.3290",
               "37201003001,37,201,,塩上町１丁目,11448.039,138,93,134.0550,34.3400"]


def _census(rows=None, header=CENSUS_HEADER, encoding="utf-8", name="census.csv", bom=b""):
    def build(tmp):
        text = header + "".join(r + "\n" for r in (CENSUS_ROWS if rows is None else rows))
        (tmp / name).write_bytes(bom + text.encode(encoding))
        return {"INPUT": str(tmp / name), "OUTPUT": str(tmp / "pop.gpkg")}
    return build


def _zones_out(tmp):
    import pyogrio
    return pyogrio.read_dataframe(tmp / "pop.gpkg").set_index("key_code")


def _check_suppressed(results, tmp):
    """JINKO 'X' (秘匿) on 372011330 and '－' on 37201003001: both zones NULL (unknown), not 0; the known total is
    724 (栗林町３丁目), UNKNOWN_ZONES 2"""
    z = _zones_out(tmp)
    assert z.loc["372011330", "population"] != z.loc["372011330", "population"]           # NaN
    assert z.loc["37201003001", "population"] != z.loc["37201003001", "population"]
    assert z.loc["372011330", "population_status"] == "suppressed"
    assert z.loc["37201033003", "population"] == 724 and results["POPULATION_TOTAL"] == 724
    assert results["UNKNOWN_ZONES"] == 2 and results["ZONE_COUNT"] == 3


def _check_cp932_units(results, tmp):
    """Shift_JIS file with JINKO written '1,768人' and '７２４': read as 1768 and 724; 3 zones, total 2630,
    names decoded (栗林町３丁目)"""
    z = _zones_out(tmp)
    assert z.loc["372011330", "population"] == 1768 and z.loc["37201033003", "population"] == 724
    assert z.loc["37201033003", "name"] == "栗林町３丁目" and results["POPULATION_TOTAL"] == 2630
    assert z.loc["37201033003", "pieces"] == 2 and z.loc["37201033003", "households"] == 365


CP932_ROWS = ['372011330,37,201,,香西東町,617276.315,"1,768人",872,134.0069,34.34061',
              "37201033003,37,201,E1,栗林町３丁目,77027.47,７２４,365,134.04904,34.3283",
              "37201033003,37,201,E2,栗林町３丁目,1200.5,0,0,134.0495,34.3290",
              "37201003001,37,201,,塩上町１丁目,11448.039,138,93,134.0550,34.3400"]


def _metres_as_degrees(tmp):
    """The centroid GeoJSON re-labelled: coordinates in metres (EPSG:6671, Kagawa's plane) declared as
    EPSG:4612 degrees."""
    feats = [{"type": "Feature", "geometry": {"type": "Point", "coordinates": [41250.0 + 100 * i, 150300.0]},
              "properties": {"KEY_CODE": f"37201{i:04d}0", "JINKO": 100 + i}} for i in range(3)]
    fc = {"type": "FeatureCollection", "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::4612"}},
          "features": feats}
    (tmp / "zones.geojson").write_text(json.dumps(fc), encoding="utf-8")
    return {"LAYER": str(tmp / "zones.geojson"), "OUTPUT": str(tmp / "pop.gpkg")}


def _output_is_input(tmp):
    params = _census()(tmp)
    params["OUTPUT"] = params["INPUT"]
    return params


BUILDINGS_BY_NAME = ("townName,TotalFloorAreaOfTheHouse,NumberOf Houses\n"
                     "香西東町,5366.59,34\n"
                     "栗林町３丁,25191.26,156\n"          # cut short as the survey writes it: joins 栗林町３丁目
                     "存在しない町,100,1\n")


def _buildings_by_name(tmp):
    params = _census()(tmp)
    (tmp / "buildings.csv").write_text(BUILDINGS_BY_NAME, encoding="utf-8")
    params["BUILDINGS"] = str(tmp / "buildings.csv")
    return params


def _check_buildings_by_name(results, tmp):
    """a buildings table without areaCode joins by town name: 香西東町 exactly, 栗林町３丁 (cut short) to
    栗林町３丁目; 存在しない町 joins nothing (reported); 塩上町１丁目 has no row -> NULL, buildings_match none"""
    z = _zones_out(tmp)
    assert z.loc["372011330", "res_floor_area_m2"] == 5366.59 and z.loc["372011330", "buildings_match"] == "name"
    assert z.loc["37201033003", "houses"] == 156
    assert z.loc["37201003001", "buildings_match"] == "none"
    assert z.loc["37201003001", "res_floor_area_m2"] != z.loc["37201003001", "res_floor_area_m2"]
    assert results["BUILDINGS_JOINED"] == 2 and results["BUILDINGS_NOT_JOINED"] == 1


AIZU_ROWS = ["72020010,7,202,,滝沢町,129892.523,561,294,139.94277,37.5043",
             "72020020,7,202,,宮町,39000.0,300,150,139.9380,37.5040"]


def _check_leading_zero(results, tmp):
    """KEY_CODE 72020010 / 72020020 restored to 072020010 / 072020020 (KEN 7 -> 07, census codes have 9 or 11
    digits); city_code 07202"""
    z = _zones_out(tmp)
    assert sorted(z.index) == ["072020010", "072020020"], list(z.index)
    assert (z["city_code"] == "07202").all() and results["POPULATION_TOTAL"] == 861


CASES += [
    BadCase(id="importpopulation-missing-jinko", alg=IMPORT,
            what="census table without the JINKO column (a different e-Stat table)",
            build=_census(rows=[",".join(r.split(",")[:6] + r.split(",")[7:]) for r in CENSUS_ROWS],
                          header=CENSUS_HEADER.replace("JINKO,", "")),
            expect=refused("census.csv", "JINKO", "POPULATION_FIELD")),
    BadCase(id="importpopulation-missing-key-code", alg=IMPORT,
            what="census table whose code column is KEY_CD instead of KEY_CODE",
            build=_census(header=CENSUS_HEADER.replace("KEY_CODE", "KEY_CD")),
            expect=refused("census.csv", "KEY_CODE", "KEY_FIELD")),
    BadCase(id="importpopulation-jinko-text", alg=IMPORT,
            what="JINKO written 多数 on the second piece row",
            build=_census(rows=[CENSUS_ROWS[0], CENSUS_ROWS[1].replace(",724,", ",多数,")] + CENSUS_ROWS[2:]),
            expect=refused("census.csv", "line 3", "JINKO", "多数")),
    BadCase(id="importpopulation-jinko-negative", alg=IMPORT,
            what="JINKO -5",
            build=_census(rows=[CENSUS_ROWS[0].replace(",1768,", ",-5,")] + CENSUS_ROWS[1:]),
            expect=refused("line 2", "JINKO", "-5")),
    BadCase(id="importpopulation-suppressed-marks", alg=IMPORT,
            what="JINKO suppressed: X (秘匿) on one small area, full-width － (no figure) on another",
            build=_census(rows=[CENSUS_ROWS[0].replace(",1768,", ",X,")] + CENSUS_ROWS[1:3]
                          + [CENSUS_ROWS[3].replace(",138,", ",－,")]),
            expect=succeeds(_check_suppressed)),
    BadCase(id="importpopulation-cp932-numbers-as-text", alg=IMPORT,
            what="Shift_JIS (CP932) table with JINKO written 1,768人 and ７２４",
            build=_census(rows=CP932_ROWS, encoding="cp932"), expect=succeeds(_check_cp932_units)),
    BadCase(id="importpopulation-empty-file", alg=IMPORT, what="a 0-byte census CSV",
            build=lambda tmp: (tmp / "census.csv").write_bytes(b"") or {"INPUT": str(tmp / "census.csv"),
                                                                        "OUTPUT": str(tmp / "pop.gpkg")},
            expect=refused("census.csv", "empty")),
    BadCase(id="importpopulation-header-only", alg=IMPORT, what="the census header with no rows (BOM, UTF-8)",
            build=_census(rows=[], bom=b"\xef\xbb\xbf"), expect=refused("census.csv", "no data rows")),
    BadCase(id="importpopulation-layer-metres-as-degrees", alg=IMPORT,
            what="small-area points in metres (plane coordinates) labelled EPSG:4612 degrees",
            build=_metres_as_degrees, expect=refused("outside Japan", "EPSG:4612", "CRS")),
    BadCase(id="importpopulation-output-is-input", alg=IMPORT, what="OUTPUT is the census CSV itself",
            build=_output_is_input, expect=refused("census.csv", doc="the input file is never overwritten")),
    BadCase(id="importpopulation-cancel-real-table", alg=IMPORT,
            what="cancel while reading Kumamoto's real small-area table (950 rows)",
            build=lambda tmp: {"INPUT": os.path.join(os.environ.get("SONAE_SHARED", os.path.join(ROOT, "..", "shared")),
                                                     "data", "kumamoto", "population_smallarea",
                                                     "census2015_chome_431001_attributes.csv"),
                               "OUTPUT": str(tmp / "pop.gpkg")},
            expect=cancelled(after=1)),
    BadCase(id="importpopulation-key-code-lost-leading-zero", alg=IMPORT,
            what="Aizuwakamatsu's table saved through Excel: KEY_CODE 072020010 became 72020010, KEN 07 became 7",
            build=_census(rows=AIZU_ROWS), expect=succeeds(_check_leading_zero)),
    BadCase(id="importpopulation-buildings-by-town-name", alg=IMPORT,
            what="buildings by town without areaCode; one name cut short (栗林町３丁), one unknown town",
            build=_buildings_by_name, expect=succeeds(_check_buildings_by_name)),
]
