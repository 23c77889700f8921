"""sonae.batch on the 8 shared cities: a 2-worker Dask LocalCluster gives exactly the single-process results
(every layer of every municipality's GeoPackage and the national summary), and the totals match the census sums
listed in ../shared/data/MANIFEST.md."""
from __future__ import annotations

import os

import numpy as np
import pandas as pd
import pytest

pytest.importorskip("dask.distributed")


def test_local_cluster_equals_serial_run(tmp_path):
    import pyogrio
    from sonae.batch.pipeline import shared_cities
    from sonae.batch.runner import run
    data = os.path.join(os.environ.get("SONAE_SHARED", "/work/shared"), "data")
    cities = shared_cities(data)
    assert len(cities) == 8
    serial = run(cities, str(tmp_path / "serial"), serial=True, log=lambda *_: None)
    dask = run(cities, str(tmp_path / "dask"), workers=2, log=lambda *_: None)
    pd.testing.assert_frame_equal(serial.drop(columns=["output"]), dask.drop(columns=["output"]))
    for c in cities:
        a, b = tmp_path / "serial" / f"{c.name}.gpkg", tmp_path / "dask" / f"{c.name}.gpkg"
        layers = [x[0] for x in pyogrio.list_layers(str(a))]
        assert layers == [x[0] for x in pyogrio.list_layers(str(b))]
        for layer in layers:
            fa = pyogrio.read_dataframe(str(a), layer=layer)
            fb = pyogrio.read_dataframe(str(b), layer=layer)
            pd.testing.assert_frame_equal(pd.DataFrame(fa.drop(columns="geometry")),
                                          pd.DataFrame(fb.drop(columns="geometry")))
            assert np.array_equal(fa.geometry.to_wkb().to_numpy(), fb.geometry.to_wkb().to_numpy())
    by = serial.set_index("name")
    # census 2015 small areas (MANIFEST: ΣJINKO): every person is counted once per city
    assert by.loc["takamatsu", "population"] == 420_748
    assert by.loc["kumamoto", "population"] == 740_822
    assert by.loc["aizuwakamatsu", "population"] == 124_062
    assert by.loc["TOTAL", "facilities"] == by.drop(index="TOTAL")["facilities"].sum()
    assert not list((tmp_path / "dask").glob("*.part.gpkg"))
