"""Sonae's QGIS-free domain engine: vectorised numpy / pandas / geopandas / rasterio functions.

Nothing under ``engine`` (or ``layers.importers``) may import ``qgis``; the Processing algorithms call these
functions through thin adapters (``processing_algorithms``).
"""
