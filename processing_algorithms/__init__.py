"""Sonae's Processing algorithms: thin adapters from QGIS inputs to the engine and back."""
