"""What a Sonae layer is and looks like: canonical schemas, importers for real formats, styles, templates."""
