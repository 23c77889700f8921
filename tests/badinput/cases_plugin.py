"""Bad-input cases: how option parameters are given (issue 14.5, 14.8).

Option (enum) parameters store stable names (``HAZARD_TYPE=flood``); an index from an old model, batch file or
script is still read as the option at that position. A name that is not an option, the right name in the wrong
case, an index out of range or a fractional number is refused with the list of valid names, in both languages,
before anything is written. The hazard raster is the west-half-1.2-m raster of cases_rasters (fill -9999 tagged
as NoData), so each facility's expected value is known by its longitude.
(A missing Python package is covered by tests/test_provider.py and the end-to-end install test: simulating one
here would leak into the cases that follow.)
"""
from __future__ import annotations

import numpy as np

from .cases_outputs import _layer
from .cases_rasters import DEPTH, SPLIT_LON, _depth_raster
from .framework import BadCase, refused, succeeds


def _params(**enums):
    def build(tmp):
        params = {"FACILITIES": _layer(tmp), "HAZARD": _depth_raster(tmp, -9999.0, tag=-9999.0),
                  "OUTPUT": str(tmp / "out.gpkg")}
        params.update(enums)
        return params
    return build


def _west_depth(hazard):
    def check(results, tmp):
        import pyogrio
        out = pyogrio.read_dataframe(results["OUTPUT"].split("|")[0])
        x = out.geometry.x.to_numpy()
        west, east = x <= SPLIT_LON - 0.002, x >= SPLIT_LON + 0.002
        assert west.sum() > 10 and east.sum() > 10
        v = out[f"{hazard}_value"].to_numpy(dtype=float)
        assert np.allclose(v[west], DEPTH) and np.isnan(v[east]).all()
        # 1.2 m is rank 2 (0.5-3 m, rules/depth_classes.json) by hand
        assert (out.loc[west, f"{hazard}_rank"] == 2).all()
        other = [c for c in out.columns if c.endswith("_value") and c != f"{hazard}_value"]
        assert other == [], other
    check.__doc__ = f"{hazard}_value is 1.2 m on the west half and NULL on the NoData half; rank 2"
    return check


CASES = [
    BadCase(id="plugin-enum-unknown-name", alg="sonae:hazardexposure",
            what="HAZARD_TYPE given as 'flooding' (not one of the options)",
            build=_params(HAZARD_TYPE="flooding", VALUE_KIND="depth_m"),
            expect=refused("HAZARD_TYPE", "flooding", "flood", "landslide")),
    BadCase(id="plugin-enum-wrong-case", alg="sonae:hazardexposure",
            what="HAZARD_TYPE given as 'Flood' (names are lower case)",
            build=_params(HAZARD_TYPE="Flood", VALUE_KIND="depth_m"),
            expect=refused("HAZARD_TYPE", "Flood", "flood")),
    BadCase(id="plugin-enum-index-out-of-range", alg="sonae:hazardexposure",
            what="VALUE_KIND given as the index 5 (there are two options)",
            build=_params(HAZARD_TYPE="flood", VALUE_KIND=5),
            expect=refused("VALUE_KIND", "5", "depth_m", "rank")),
    BadCase(id="plugin-enum-negative-index", alg="sonae:hazardexposure",
            what="VALUE_KIND given as -1 (a script counting from the end)",
            build=_params(HAZARD_TYPE="flood", VALUE_KIND=-1),
            expect=refused("VALUE_KIND", "-1", "depth_m")),
    BadCase(id="plugin-enum-fractional-number", alg="sonae:hazardexposure",
            what="VALUE_KIND given as 0.5",
            build=_params(HAZARD_TYPE="flood", VALUE_KIND=0.5),
            expect=refused("VALUE_KIND", "0.5", "depth_m")),
    BadCase(id="plugin-enum-name", alg="sonae:hazardexposure",
            what="HAZARD_TYPE=tsunami VALUE_KIND=depth_m given by name (models, qgis_process)",
            build=_params(HAZARD_TYPE="tsunami", VALUE_KIND="depth_m"),
            expect=succeeds(_west_depth("tsunami"))),
    BadCase(id="plugin-enum-legacy-index", alg="sonae:hazardexposure",
            what="VALUE_KIND=0 HAZARD_TYPE=0 given as indexes (a model saved before the names)",
            build=_params(HAZARD_TYPE=0, VALUE_KIND=0),
            expect=succeeds(_west_depth("flood"))),
    BadCase(id="plugin-enum-index-as-text", alg="sonae:hazardexposure",
            what="VALUE_KIND='0' (an index as text, as a batch CSV gives it)",
            build=_params(HAZARD_TYPE="flood", VALUE_KIND="0"),
            expect=succeeds(_west_depth("flood"))),
]
