"""Importers of real Japanese open-data formats into canonical layers (QGIS-free)."""
