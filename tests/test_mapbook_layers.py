"""sonae:councilmapbook from memory layers instead of a GeoPackage (PostGIS layers take the same QgsVectorLayer
path): the same pages, the same index and the same figures as from the GeoPackage holding the same tables."""
from __future__ import annotations

import re

from .test_report_mapbook import D_SUBSIDY, _pdf_raw, _write_gpkg


def _memory(gpkg, table):
    from qgis.core import QgsFeatureRequest, QgsVectorLayer
    src = QgsVectorLayer(f"{gpkg}|layername={table}", table, "ogr")
    assert src.isValid(), table
    mem = src.materialize(QgsFeatureRequest())
    assert mem.providerType() == "memory" and mem.featureCount() == src.featureCount() > 0
    mem.setName(table)
    return mem


def test_map_book_from_memory_layers_equals_the_geopackage_run(tmp_path, run_alg):
    gpkg = _write_gpkg(str(tmp_path / "in.gpkg"))
    common = {"MAX_PAGES": 0, "ADD_TO_PROJECT": False, "DPI": 72}
    a = run_alg("sonae:councilmapbook", dict(common, GPKG=gpkg, OUTPUT=str(tmp_path / "gpkg.pdf")))
    layers = {"FACILITIES": _memory(gpkg, "shelters_energy"), "STOCKPILE": _memory(gpkg, "stockpile_sufficiency"),
              "SUBSIDY": _memory(gpkg, "subsidy_scope"), "DISTRICTS": _memory(gpkg, "districts")}
    b = run_alg("sonae:councilmapbook", dict(common, **layers, OUTPUT=str(tmp_path / "layers.pdf")))
    for key in ("PAGE_COUNT", "DISTRICT_PAGES", "INDEX_PAGES", "LEFT_OUT"):
        assert a[key] == b[key], key
    assert a["DISTRICT_PAGES"] == 2                      # D001 and D002 from the districts layer, not a grid
    assert not b["MISSING"]
    for page in range(1, a["PAGE_COUNT"] + 1):
        ta, tb = _pdf_raw(a["OUTPUT"], page), _pdf_raw(b["OUTPUT"], page)
        ta, tb = (re.sub(r"\d{4}年\d{1,2}月\d{1,2}日|令和\d+年\d+月\d+日", "", t) for t in (ta, tb))
        assert ta == tb, page
    text = "".join(_pdf_raw(b["OUTPUT"], p) for p in range(1, b["PAGE_COUNT"] + 1))
    assert "地区 D002" in text
    # the district's subsidy from the districts layer (not the facility rows), printed in 千円
    assert f"{D_SUBSIDY['D002'] // 1000:,}千円" in text
