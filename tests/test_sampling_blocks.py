"""engine.sampling reads only the blocks holding points (sparse chunks) or whole windows (dense chunks); both
must give the value of the cell under each point exactly as the full array does, NoData and outside as NaN."""
from __future__ import annotations

import numpy as np


def test_sparse_and_dense_reads_equal_the_array(tmp_path):
    import rasterio
    from rasterio.transform import from_origin
    from sonae.engine.hazard import open_hazard_raster, sample_points
    rng = np.random.default_rng(11)
    data = rng.integers(0, 7, size=(1500, 1300)).astype("uint8")   # 0 = NoData
    path = str(tmp_path / "r.tif")
    with rasterio.open(path, "w", driver="GTiff", width=1300, height=1500, count=1, dtype="uint8",
                       crs="EPSG:6677", transform=from_origin(0.0, 15000.0, 10.0, 10.0), nodata=0, tiled=True,
                       blockxsize=128, blockysize=128, compress="deflate") as ds:
        ds.write(data, 1)
    info = open_hazard_raster(path)
    for n in (7, 40_000):                       # few points: block by block; many: whole windows
        x = rng.uniform(-50, 13050, n)
        y = rng.uniform(-50, 15050, n)
        value, vmax = sample_points(info, x, y)
        col = np.floor(x / 10.0).astype(int)
        row = np.floor((15000.0 - y) / 10.0).astype(int)
        inside = (col >= 0) & (col < 1300) & (row >= 0) & (row < 1500)
        want = np.full(n, np.nan)
        want[inside] = data[row[inside], col[inside]]
        want[want == 0] = np.nan
        np.testing.assert_array_equal(value, want)
        np.testing.assert_array_equal(vmax, want)
