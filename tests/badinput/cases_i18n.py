"""Bad-input cases of the non-file sources and Japanese names (issue 14 items 7 and 8): shelters from memory layers
(the same QgsVectorLayer path as PostGIS and GeoPackage tables) in a published layout with Japanese field names or
in Sonae's canonical layout (also in EPSG:3857), an empty layer, text in a yes/no field, a repeated id, polygons
instead of points, and a population field with a Japanese name. Expected values are computed here from the source
data (json, shapely), independently of the importer.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

from .framework import BadCase, refused, succeeds

_ROOT = Path(__file__).resolve().parents[2]
DATA = Path(os.environ.get("SONAE_SHARED", _ROOT.parent / "shared")) / "data"
GSI_EMERGENCY = DATA / "takamatsu" / "shelters" / "gsi_emergency_372013.geojson"

CANONICAL = [("id", "string"), ("name", "string"), ("emergency_site", "string"), ("designated_shelter", "string"),
             ("ok_flood", "string"), ("capacity_persons", "integer")]
# three shelters in Takamatsu (lon, lat), written by hand
PLACES = [("S1", "中央公園", 134.0465, 34.3376, "1", "0", "1", 500),
          ("S2", "市立第一小学校", 134.0521, 34.3312, "1", "1", "1", 800),
          ("S3", "コミュニティセンター", 134.0412, 34.3298, "0", "1", "0", 120)]


def _memory(geometry: str, crs: str | None, fields, rows, name="layer"):
    """A memory layer: fields [(name, type)], rows [(wkt, [values])]."""
    from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer
    uri = geometry + (f"?crs={crs}" if crs else "") + "".join(
        f"{'&' if crs else '?' if i == 0 else '&'}field={n}:{t}" for i, (n, t) in enumerate(fields))
    layer = QgsVectorLayer(uri, name, "memory")
    assert layer.isValid(), uri
    feats = []
    for wkt, values in rows:
        f = QgsFeature(layer.fields())
        if wkt:
            f.setGeometry(QgsGeometry.fromWkt(wkt))
        f.setAttributes(list(values))
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    return layer


def _canonical(tmp, places=PLACES, crs="EPSG:6668", polygons=False):
    rows = []
    for pid, name, lon, lat, es, ds, fl, cap in places:
        wkt = (f"POLYGON(({lon - 0.001} {lat - 0.001},{lon + 0.001} {lat - 0.001},{lon + 0.001} {lat + 0.001},"
               f"{lon - 0.001} {lat + 0.001},{lon - 0.001} {lat - 0.001}))" if polygons else f"POINT({lon} {lat})")
        rows.append((wkt, [pid, name, es, ds, fl, cap]))
    layer = _memory("Polygon" if polygons else "Point", crs, CANONICAL, rows, name="facilities_db")
    tmp.joinpath("keep").write_text("")       # the case directory exists; the layer lives in memory
    return layer


def _out(tmp: Path) -> str:
    return str(tmp / "facilities.gpkg")


def _read(tmp: Path):
    import pyogrio
    return pyogrio.read_dataframe(_out(tmp)).sort_values("id").reset_index(drop=True)


def _gsi_memory(tmp: Path):
    """The GSI emergency sites of Takamatsu as a memory layer with the publisher's Japanese field names."""
    doc = json.loads(GSI_EMERGENCY.read_text(encoding="utf-8"))
    keys = list(doc["features"][0]["properties"])
    rows = [(f"POINT({f['geometry']['coordinates'][0]} {f['geometry']['coordinates'][1]})",
             ["" if f["properties"].get(k) is None else str(f["properties"].get(k)) for k in keys])
            for f in doc["features"]]
    return _memory("Point", "EPSG:4326", [(k, "string") for k in keys], rows, name="gsi_emergency_372013")


def _check_gsi(results, tmp):
    doc = json.loads(GSI_EMERGENCY.read_text(encoding="utf-8"))
    names = sorted({f["properties"]["施設・場所名"] for f in doc["features"]})
    out = _read(tmp)
    assert results["FEATURE_COUNT"] == len(doc["features"]) == len(out)
    assert sorted(set(out["name"])) == names or len(set(out["name"])) == len(names)
    assert out["emergency_site"].all()
    # GSI 共通ID 'E37201...' -> Takamatsu's municipality code 372013 (with its check digit)
    assert set(out["municipality_code"]) == {"372013"}


def _check_canonical(results, tmp):
    out = _read(tmp)
    assert list(out["id"]) == ["S1", "S2", "S3"]
    assert list(out["name"]) == ["中央公園", "市立第一小学校", "コミュニティセンター"]
    assert [bool(v) for v in out["designated_shelter"]] == [False, True, True]
    assert [int(v) for v in out["capacity_persons"]] == [500, 800, 120]
    xs, ys = out.geometry.x.to_numpy(), out.geometry.y.to_numpy()
    for (pid, _n, lon, lat, *_r), x, y in zip(PLACES, xs, ys):
        assert abs(x - lon) < 1e-6 and abs(y - lat) < 1e-6, pid


def _check_polygons(results, tmp):
    """Polygons become a point on their surface: inside each 0.002-degree square around the hand-set centre."""
    out = _read(tmp)
    for (pid, _n, lon, lat, *_r), x, y in zip(PLACES, out.geometry.x, out.geometry.y):
        assert abs(x - lon) <= 0.001 + 1e-9 and abs(y - lat) <= 0.001 + 1e-9, pid


def _with(tmp, **changes):
    places = [list(p) for p in PLACES]
    for (row, col), value in changes.get("set", {}).items():
        places[row][col] = value
    return _canonical(tmp, places=[tuple(p) for p in places])


CASES = [
    BadCase(
        id="importshelters-memory-layer-gsi-japanese-fields",
        alg="sonae:importshelters",
        what="GSI emergency sites given as a memory layer (Japanese field names 施設・場所名, 共通ID, 洪水 ...), no file",
        build=lambda tmp: {"LAYERS": [_gsi_memory(tmp)], "OUTPUT": _out(tmp)},
        expect=succeeds(check=_check_gsi),
    ),
    BadCase(
        id="importshelters-memory-layer-canonical",
        alg="sonae:importshelters",
        what="a memory layer in Sonae's own facilities layout (a previous import kept in a database)",
        build=lambda tmp: {"LAYERS": [_canonical(tmp)], "OUTPUT": _out(tmp)},
        expect=succeeds(check=_check_canonical),
    ),
    BadCase(
        id="importshelters-memory-layer-canonical-web-mercator",
        alg="sonae:importshelters",
        what="canonical facilities in a memory layer in EPSG:3857 (positions reprojected to EPSG:6668)",
        build=lambda tmp: {"LAYERS": [_mercator(tmp)], "OUTPUT": _out(tmp)},
        expect=succeeds(check=_check_canonical),
    ),
    BadCase(
        id="importshelters-memory-layer-polygons",
        alg="sonae:importshelters",
        what="facilities drawn as building polygons instead of points",
        build=lambda tmp: {"LAYERS": [_canonical(tmp, polygons=True)], "OUTPUT": _out(tmp)},
        expect=succeeds(check=_check_polygons),
    ),
    BadCase(
        id="importshelters-memory-layer-text-in-capacity",
        alg="sonae:importshelters",
        what="収容人数 written as 「多数」 in a canonical layer (a text field)",
        build=lambda tmp: {"LAYERS": [_text_capacity(tmp)], "OUTPUT": _out(tmp)},
        expect=refused("capacity_persons", "多数", "3", "数値"),
    ),
    BadCase(
        id="importshelters-memory-layer-empty",
        alg="sonae:importshelters",
        what="an empty memory layer (no features)",
        build=lambda tmp: {"LAYERS": [_canonical(tmp, places=[])], "OUTPUT": _out(tmp)},
        expect=refused("facilities_db", "地物がありません"),
    ),
    BadCase(
        id="importshelters-memory-layer-text-in-flag",
        alg="sonae:importshelters",
        what="指定避難所 flag written as 「要確認」 in a canonical layer",
        build=lambda tmp: {"LAYERS": [_with(tmp, set={(1, 5): "要確認"})], "OUTPUT": _out(tmp)},
        expect=refused("designated_shelter", "要確認", "2", "真偽値"),
    ),
    BadCase(
        id="importshelters-memory-layer-repeated-id",
        alg="sonae:importshelters",
        what="two facilities with the same id in a canonical layer",
        build=lambda tmp: {"LAYERS": [_with(tmp, set={(2, 0): "S1"})], "OUTPUT": _out(tmp)},
        expect=refused("S1", "1, 3", "重複", "unique"),
    ),
    BadCase(
        id="importshelters-memory-layer-outside-japan",
        alg="sonae:importshelters",
        what="lon/lat swapped in a canonical layer (34.3, 134.0 lies outside Japan)",
        build=lambda tmp: {"LAYERS": [_with(tmp, set={(0, 2): 34.3376, (0, 3): 134.0465})], "OUTPUT": _out(tmp)},
        expect=refused("feature 1", "中央公園", "日本国内"),
    ),
]


def _mercator(tmp):
    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsPointXY, QgsProject
    xf = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:6668"), QgsCoordinateReferenceSystem("EPSG:3857"),
                                QgsProject.instance())
    rows = []
    for pid, name, lon, lat, es, ds, fl, cap in PLACES:
        p = xf.transform(QgsPointXY(lon, lat))
        rows.append((f"POINT({p.x()!r} {p.y()!r})", [pid, name, es, ds, fl, cap]))
    tmp.joinpath("keep").write_text("")
    return _memory("Point", "EPSG:3857", CANONICAL, rows, name="facilities_3857")


def _text_capacity(tmp):
    fields = [(n, "string") for n, _t in CANONICAL]
    rows = [(f"POINT({lon} {lat})", [pid, name, es, ds, fl, str(cap) if pid != "S3" else "多数"])
            for pid, name, lon, lat, es, ds, fl, cap in PLACES]
    tmp.joinpath("keep").write_text("")
    return _memory("Point", "EPSG:6668", fields, rows, name="facilities_db")
