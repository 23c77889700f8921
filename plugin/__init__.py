"""The QGIS desktop face of Sonae: menu, toolbar, dock, translator, provider registration."""
