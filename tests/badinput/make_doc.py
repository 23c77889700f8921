"""Regenerate docs/bad-input.md from the cases (``make bad-input-doc``; QGIS is not needed)."""
from __future__ import annotations

import sys

from .framework import DOC_PATH, write_doc

if __name__ == "__main__":
    changed = write_doc()
    print(f"{DOC_PATH}: {'updated' if changed else 'up to date'}")
    sys.exit(0)
