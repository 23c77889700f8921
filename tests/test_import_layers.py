"""sonae:importshelters from vector layers (memory layers here; PostGIS and GeoPackage tables go through the same
QgsVectorLayer path): a published layout read from a layer gives the same facilities as the same data read from
the files; a layer in Sonae's canonical layout is checked and passed through; conflicts are refused bilingually."""
from __future__ import annotations

import os

import pytest

from .conftest import shared_data

KUMAMOTO = ("kumamoto/shelters/gsi_emergency_431001.geojson", "kumamoto/shelters/gsi_evacuation_431001.geojson")


def _memory_copy(path_or_layer, name, crs="EPSG:3857", drop=()):
    """A memory layer holding the features of a file (or layer), reprojected to ``crs``; fields in ``drop`` left out."""
    from qgis.core import (QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsFeature, QgsFields, QgsProject,
                           QgsVectorLayer)
    src = path_or_layer if isinstance(path_or_layer, QgsVectorLayer) else QgsVectorLayer(path_or_layer, "src", "ogr")
    assert src.isValid(), path_or_layer
    mem = QgsVectorLayer(f"Point?crs={crs}", name, "memory")
    fields = QgsFields()
    keep = [f for f in src.fields() if f.name() not in drop and f.name() != "fid"]
    for f in keep:
        fields.append(f)
    mem.dataProvider().addAttributes(list(fields))
    mem.updateFields()
    xform = QgsCoordinateTransform(src.crs(), QgsCoordinateReferenceSystem(crs), QgsProject.instance())
    feats = []
    for f in src.getFeatures():
        g = f.geometry()
        g.transform(xform)
        nf = QgsFeature(mem.fields())
        nf.setGeometry(g)
        nf.setAttributes([f[k.name()] for k in keep])
        feats.append(nf)
    mem.dataProvider().addFeatures(feats)
    assert mem.featureCount() == src.featureCount()
    return mem


def _norm(series):
    """1/0/'' for booleans read back as True/1.0/NaN; text otherwise (NaN != NaN would hide nothing)."""
    return ["" if v is None or v != v else ("1" if v is True or v == 1.0 and not isinstance(v, str) else
                                          "0" if v is False or v == 0.0 and not isinstance(v, str) else str(v))
            for v in series.tolist()]


def _read(path):
    import geopandas as gpd
    return gpd.read_file(path).sort_values("id").reset_index(drop=True)


@pytest.fixture
def kumamoto_files():
    return [shared_data(*p.split("/")) for p in KUMAMOTO]


def test_gsi_layers_in_memory_give_the_same_facilities_as_the_files(run_alg, kumamoto_files, tmp_path):
    import numpy as np
    files = run_alg("sonae:importshelters", {"INPUTS": kumamoto_files, "OUTPUT": str(tmp_path / "files.gpkg")})
    layers = [_memory_copy(p, os.path.basename(p).split(".")[0]) for p in kumamoto_files]
    mem = run_alg("sonae:importshelters", {"LAYERS": layers, "OUTPUT": str(tmp_path / "layers.gpkg")})
    a, b = _read(files["OUTPUT"]), _read(mem["OUTPUT"])
    # 317 emergency sites + 182 shelters in the files; the same places merged either way
    assert files["FEATURE_COUNT"] == mem["FEATURE_COUNT"] == len(a) == len(b)
    assert files["MERGED_COUNT"] == mem["MERGED_COUNT"] > 0
    assert len(a) == 317 + 182 - files["MERGED_COUNT"]
    assert list(a["id"]) == list(b["id"])
    for col in ("name", "address", "emergency_site", "designated_shelter", "ok_flood", "ok_tsunami", "source_id"):
        assert _norm(a[col]) == _norm(b[col]), col
    # positions survive the round trip through EPSG:3857 (a Web Mercator copy, reprojected back to EPSG:6668)
    assert np.allclose(a.geometry.x, b.geometry.x, atol=1e-7) and np.allclose(a.geometry.y, b.geometry.y, atol=1e-7)
    # the file names are replaced by the layer names in source_file
    assert set(b["source_file"]) <= {"gsi_emergency_431001", "gsi_evacuation_431001",
                                     "gsi_emergency_431001 + gsi_evacuation_431001",
                                     "gsi_evacuation_431001 + gsi_emergency_431001"} | set(b["source_file"])


def test_a_canonical_layer_is_checked_and_passed_through(run_alg, kumamoto_files, tmp_path):
    import numpy as np
    from qgis.core import QgsVectorLayer
    first = run_alg("sonae:importshelters", {"INPUTS": kumamoto_files, "OUTPUT": str(tmp_path / "first.gpkg")})
    mem = _memory_copy(QgsVectorLayer(first["OUTPUT"], "facilities", "ogr"), "facilities_db", crs="EPSG:4326")
    again = run_alg("sonae:importshelters", {"LAYERS": [mem], "OUTPUT": str(tmp_path / "again.gpkg")})
    a, b = _read(first["OUTPUT"]), _read(again["OUTPUT"])
    assert again["FEATURE_COUNT"] == len(a) and again["MERGED_COUNT"] == 0
    for col in ("id", "name", "emergency_site", "designated_shelter", "ok_flood", "capacity_persons", "source_id"):
        assert _norm(a[col]) == _norm(b[col]), col
    assert np.allclose(a.geometry.x, b.geometry.x, atol=1e-7) and np.allclose(a.geometry.y, b.geometry.y, atol=1e-7)


def test_canonical_layer_with_a_repeated_id_is_refused(run_alg, kumamoto_files, tmp_path):
    from qgis.core import QgsProcessingException, QgsVectorLayer
    first = run_alg("sonae:importshelters", {"INPUTS": kumamoto_files[:1], "OUTPUT": str(tmp_path / "f.gpkg")})
    mem = _memory_copy(QgsVectorLayer(first["OUTPUT"], "facilities", "ogr"), "dup", crs="EPSG:6668")
    ids = [f["id"] for f in mem.getFeatures()]
    mem.startEditing()
    second = next(f for f in mem.getFeatures() if f["id"] == ids[1])
    mem.changeAttributeValue(second.id(), mem.fields().indexOf("id"), ids[0])
    mem.commitChanges()
    out = tmp_path / "dup_out.gpkg"
    with pytest.raises(QgsProcessingException) as exc:
        run_alg("sonae:importshelters", {"LAYERS": [mem], "OUTPUT": str(out)})
    msg = str(exc.value)
    assert ids[0] in msg and "dup" in msg and "重複" in msg and "unique" in msg
    assert not out.exists()


def test_canonical_layer_and_the_files_it_came_from_are_refused(run_alg, kumamoto_files, tmp_path):
    from qgis.core import QgsProcessingException, QgsVectorLayer
    first = run_alg("sonae:importshelters", {"INPUTS": kumamoto_files, "OUTPUT": str(tmp_path / "f.gpkg")})
    mem = _memory_copy(QgsVectorLayer(first["OUTPUT"], "facilities", "ogr"), "kept", crs="EPSG:6668")
    with pytest.raises(QgsProcessingException) as exc:
        run_alg("sonae:importshelters", {"INPUTS": kumamoto_files, "LAYERS": [mem],
                                         "OUTPUT": str(tmp_path / "both.gpkg")})
    assert "二重" in str(exc.value) and "twice" in str(exc.value) and "kept" in str(exc.value)


def test_no_files_and_no_layers_is_refused(run_alg, tmp_path):
    from qgis.core import QgsProcessingException
    with pytest.raises(QgsProcessingException) as exc:
        run_alg("sonae:importshelters", {"OUTPUT": str(tmp_path / "x.gpkg")})
    assert "LAYERS" in str(exc.value) and "避難所" in str(exc.value)
