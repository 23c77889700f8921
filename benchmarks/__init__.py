"""Side-by-side timings of Sonae against QGIS native algorithms (`make bench`)."""
