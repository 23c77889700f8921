"""Sonae batch runner (QGIS-free): the engine per municipality (or per tile) as Dask distributed tasks.

``python -m sonae.batch cities --out DIR`` runs the shared cities; ``python -m sonae.batch national`` the seeded
national workload of benchmarks/national_data.py. A LocalCluster by default, ``--scheduler tcp://host:8786`` for a
real cluster (workers need this package importable and the input/output folders on a shared filesystem),
``--serial`` for a plain single-process run (the reference the tests compare against).
Nothing here is imported by the QGIS plugin; dask is needed only by this runner.
"""
