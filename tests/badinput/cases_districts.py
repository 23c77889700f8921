"""Bad-input cases: smart-community districts (sonae:districtlayout), issue 13 item 6."""
from __future__ import annotations

from pathlib import Path

from .framework import BadCase, refused, succeeds

X0, Y0 = 500000.0, 3800000.0
OUT = "districts.gpkg"


def _fac(tmp: Path, rows, crs="EPSG:6690", name="fac.gpkg") -> str:
    import geopandas as gpd
    from shapely.geometry import Point
    recs, geoms = [], []
    for i, r in enumerate(rows):
        r = dict(r)
        x, y = r.pop("xy")
        recs.append(dict({"id": f"F{i + 1}", "name": f"施設{i + 1}"}, **r))
        geoms.append(None if x is None else Point(X0 + x, Y0 + y))
    gdf = gpd.GeoDataFrame(recs, geometry=geoms, crs=crs)
    path = tmp / name
    gdf.to_file(path, driver="GPKG", layer="fac")
    return f"{path}|layername=fac"


def _params(tmp, rows, **kw):
    p = {"FACILITIES": _fac(tmp, rows, **kw), "APPLICANT_TYPE": "municipality", "FISCAL_INDEX": 0.5,
         "OUTPUT": str(tmp / OUT)}
    return p


def _read(tmp):
    import pyogrio
    return pyogrio.read_dataframe(str(tmp / OUT), read_geometry=False).sort_values("district_id")


def _check_unknown(results, tmp):
    """unknown facility types: no seed type describes the pair, so it is 'unclassified' with the study committee"""
    d = _read(tmp)
    assert list(d["type_id"]) == ["unclassified"] and list(d["measures"]) == ["study_committee"]


def _check_halfwidth(results, tmp):
    """ﾏﾝｼｮﾝ (half-width kana) in the buildings layer is typed housing after NFKC"""
    d = _read(tmp)
    assert "housing:2" in d.iloc[0]["type_counts"] and d.iloc[0]["type_id"] == "housing_complex"


def _buildings(tmp):
    import geopandas as gpd
    from shapely.geometry import box
    path = tmp / "b.gpkg"
    gpd.GeoDataFrame({"use": ["ﾏﾝｼｮﾝ", "県営団地"]},
                     geometry=[box(X0 + 10, Y0 + 10, X0 + 40, Y0 + 40), box(X0 + 60, Y0 - 40, X0 + 90, Y0 - 10)],
                     crs="EPSG:6690").to_file(path, driver="GPKG", layer="b")
    p = _params(tmp, [{"xy": (0, 0), "facility_type": "welfare"}, {"xy": (100, 0), "facility_type": "welfare"}])
    p.update(BUILDINGS=f"{path}|layername=b", BUILDING_TYPE_FIELD="use")
    return p


CASES = [
    BadCase(id="districtlayout-unknown-facility-types", alg="sonae:districtlayout",
            what="facility_type values not in rules/facility_types.json (ラーメン店, 倉庫)",
            build=lambda tmp: _params(tmp, [{"xy": (0, 0), "facility_type": "ラーメン店"},
                                            {"xy": (100, 0), "facility_type": "倉庫"}]),
            expect=succeeds(_check_unknown)),
    BadCase(id="districtlayout-halfwidth-kana-building-use", alg="sonae:districtlayout",
            what="building use written in half-width katakana (ﾏﾝｼｮﾝ)", build=_buildings,
            expect=succeeds(_check_halfwidth)),
    BadCase(id="districtlayout-facility-without-location", alg="sonae:districtlayout",
            what="a facility with an empty geometry",
            build=lambda tmp: _params(tmp, [{"xy": (0, 0), "facility_type": "school"},
                                            {"xy": (None, None), "facility_type": "school"}]),
            expect=refused("F2")),
    BadCase(id="districtlayout-no-facility-type", alg="sonae:districtlayout",
            what="facilities layer without a facility_type field",
            build=lambda tmp: _params(tmp, [{"xy": (0, 0)}, {"xy": (100, 0)}]), expect=refused("facility_type")),
    BadCase(id="districtlayout-fiscal-index-percent", alg="sonae:districtlayout",
            what="FISCAL_INDEX written as 85 (percent) instead of 0.85",
            build=lambda tmp: dict(_params(tmp, [{"xy": (0, 0), "facility_type": "school"},
                                                 {"xy": (100, 0), "facility_type": "school"}]), FISCAL_INDEX=85),
            expect=refused("FISCAL_INDEX", "0 to 3", "0〜3")),
]
