"""Rewrite the top-level heavy imports of processing_algorithms/*.py into lazy ones (issue 16.1: QGIS and
qgis_process import every algorithm module when the provider loads; nothing heavy may be imported then).

    import numpy as np                          ->  np = lazy("numpy")
    from ..engine.hazard import a, b as c       ->  a, c = lazy_from(__name__, "..engine.hazard", "a", "b")
    from ..engine import stockpile as sp        ->  sp = lazy("..engine.stockpile", __package__)
    from .qgis_io import read_source            ->  read_source = lazy_from(__name__, ".qgis_io", "read_source")

Kept as they are: the standard library, qgis, engine.errors / engine.progress (light, and exception classes
must be real classes in ``except``), other algorithm modules (light themselves once rewritten) and LIGHT below.
Usage:  python3 scripts/lazy_imports.py [--check] [files...]   (default: every processing_algorithms/*.py)
tests/test_provider.py::test_loading_the_provider_imports_no_scientific_library is the judge.
"""
from __future__ import annotations

import ast
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HEAVY_TOP = {"numpy", "pandas", "geopandas", "shapely", "pyogrio", "scipy", "rasterio", "pvlib", "exactextract",
             "jismesh", "openpyxl", "h5py", "pyproj", "networkx"}
LIGHT = {"..engine.errors", "..engine.progress", "..engine.rules", "..engine.energy", ".base", "..plugin",
         "..plugin.dependencies", ".platform_common"}
# helper modules of processing_algorithms/ that import heavy libraries at their top
HEAVY_LOCAL = {".qgis_io", "._stockpile_inputs", ".network", ".gpkg_bulk", ".rtree_bulk", ".destinations",
               ".raster_inputs", ".vector_inputs", ".sources"}
SKIP_FILES = {"base.py", "provider.py", "styles.py", "_enum_widget.py", "__init__.py"}


def _is_heavy_from(node: ast.ImportFrom) -> bool:
    mod = "." * node.level + (node.module or "")
    if mod in LIGHT:
        return False
    if node.level == 0:
        return (node.module or "").split(".")[0] in HEAVY_TOP
    if node.level >= 2:                       # ..engine.*, ..layers.*
        return mod.startswith(("..engine", "..layers"))
    return mod in HEAVY_LOCAL


def rewrite(text: str) -> str:
    tree = ast.parse(text)
    lines = text.split("\n")
    edits = []                                # (first line, last line, replacement lines)
    for node in tree.body:
        new = None
        if isinstance(node, ast.Import):
            parts = []
            for alias in node.names:
                if alias.name.split(".")[0] in HEAVY_TOP:
                    parts.append(f'{alias.asname or alias.name.split(".")[0]} = lazy("{alias.name if alias.asname else alias.name.split(".")[0]}")')
                else:
                    parts = None
                    break
            new = parts
        elif isinstance(node, ast.ImportFrom) and _is_heavy_from(node):
            mod = "." * node.level + (node.module or "")
            if node.level and all(a.name[0].islower() and "." not in a.name for a in node.names) and \
                    node.module in ("engine", "layers", "layers.importers"):
                # from ..engine import stockpile as sp  -> module proxies
                new = [f'{a.asname or a.name} = lazy("{mod}.{a.name}", __package__)' for a in node.names]
            else:
                targets = ", ".join(a.asname or a.name for a in node.names)
                names = ", ".join(f'"{a.name}"' for a in node.names)
                new = [f'{targets} = lazy_from(__name__, "{mod}", {names})']
        if new:
            edits.append((node.lineno - 1, node.end_lineno - 1, new))
    if not edits:
        return text
    needed = [n for n in ("lazy", "lazy_from") if any(f"{n}(" in line for _f, _l, new in edits for line in new)]
    for first, last, new in reversed(edits):
        lines[first:last + 1] = new
    first_edit = edits[0][0]
    lines.insert(first_edit, f"from .base import {', '.join(needed)}")
    return "\n".join(lines)


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    check = "--check" in argv
    files = [a for a in argv if not a.startswith("--")]
    if not files:
        folder = os.path.join(ROOT, "processing_algorithms")
        files = [os.path.join(folder, f) for f in sorted(os.listdir(folder))
                 if f.endswith(".py") and f not in SKIP_FILES and not f.startswith(tuple(
                     m.lstrip(".") + ".py" for m in HEAVY_LOCAL))]
    changed = []
    for path in files:
        with open(path, encoding="utf-8") as f:
            text = f.read()
        new = rewrite(text)
        if new != text:
            changed.append(path)
            if not check:
                with open(path, "w", encoding="utf-8") as f:
                    f.write(new)
    print("\n".join(os.path.relpath(p, ROOT) for p in changed))
    return 1 if (check and changed) else 0


if __name__ == "__main__":
    sys.exit(main())
