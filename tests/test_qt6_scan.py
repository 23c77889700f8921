"""QGIS 4 readiness: the shipped code uses scoped enums (Qt6/PyQt6 and QGIS 4 remove the unscoped names), so
``supportsQt6=True`` in metadata.txt is honest. The scan is textual over every shipped .py file."""
from __future__ import annotations

import os
import re
import subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))
# Class.Member with Member capitalised and not followed by '.', '(' or '[': an enum member (or class constant)
# reached through its class instead of its enum type (Qt.AlignLeft instead of Qt.AlignmentFlag.AlignLeft).
UNSCOPED = re.compile(r"\b(Qt|Qgis|Q[A-Z][A-Za-z0-9]*|Qgs[A-Za-z0-9]+)\.([A-Z][A-Za-z0-9_]*)\b(?!\s*[.(\[])")
# Members that are not enum values (nested classes used as types, module-level constants).
ALLOWED = {("QgsProcessingContext", "LayerDetails"), ("QgsProcessingOutputLayerDefinition", "sink")}


def shipped_python_files() -> list[str]:
    """Tracked .py files minus what .gitattributes marks export-ignore (folders "x/" and files)."""
    files = subprocess.run(["git", "ls-files", "*.py"], cwd=ROOT, capture_output=True, text=True).stdout.split()
    ignored = []
    with open(os.path.join(ROOT, ".gitattributes"), encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 2 and "export-ignore" in parts[1:] and not parts[0].startswith("#"):
                ignored.append(parts[0])

    def shipped(path):
        return not any(path.startswith(p) if p.endswith("/") else path == p for p in ignored)
    return [f for f in files if shipped(f)]


def unscoped_uses(text: str) -> list[str]:
    found = []
    for lineno, line in enumerate(text.splitlines(), 1):
        code = line.split("#", 1)[0]
        code = re.sub(r"(\"[^\"]*\"|'[^']*')", "''", code)          # not inside string literals
        for m in UNSCOPED.finditer(code):
            if (m.group(1), m.group(2)) in ALLOWED:
                continue
            found.append(f"{lineno}: {m.group(0)}")
    return found


def test_scanner_catches_unscoped_and_passes_scoped():
    assert unscoped_uses("x = Qt.AlignLeft\ny = QgsWkbTypes.PointGeometry") == ["1: Qt.AlignLeft",
                                                                              "2: QgsWkbTypes.PointGeometry"]
    assert unscoped_uses("a = Qt.AlignmentFlag.AlignLeft | Qgis.GeometryType.Point\nb = QgsProject.instance()\n"
                         "c = QMetaType.Type.Double  # Qt.AlignLeft in a comment\nd = 'Qt.AlignLeft'") == []
    assert unscoped_uses("QgsProcessingParameterDefinition.FlagAdvanced") == [
        "1: QgsProcessingParameterDefinition.FlagAdvanced"]


def test_shipped_code_uses_scoped_enums_only():
    problems = []
    for rel in shipped_python_files():
        with open(os.path.join(ROOT, rel), encoding="utf-8") as f:
            problems += [f"{rel}:{p}" for p in unscoped_uses(f.read())]
    assert problems == [], "\n".join(problems[:80]) + f"\n... {len(problems)} in all"


def test_metadata_declares_qt6_support_once_the_scan_is_clean():
    import configparser
    parser = configparser.ConfigParser()
    parser.optionxform = str
    parser.read(os.path.join(ROOT, "metadata.txt"), encoding="utf-8")
    md = dict(parser.items("general"))
    assert md.get("supportsQt6", "").lower() == "true"
    assert md["qgisMaximumVersion"].startswith("4.")


def test_every_rewrite_of_scripts_scope_enums_names_the_same_value_in_this_qgis(qgis_app):
    """scripts/scope_enums.py maps to names that exist in QGIS 3.40 (and the Qt6 builds) with the same value."""
    import importlib.util
    spec = importlib.util.spec_from_file_location("scope_enums", os.path.join(ROOT, "scripts", "scope_enums.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    from qgis import analysis, core, gui
    from qgis.PyQt import QtCore, QtGui, QtWidgets
    space = {}
    for m in (core, gui, analysis, QtCore, QtGui, QtWidgets):
        space.update({k: getattr(m, k) for k in dir(m) if not k.startswith("_")})
    for old, new in mod.MAPPING.items():
        assert int(eval(new, space)) == int(eval(old, space)), (old, new)   # noqa: S307 — fixed table
    text = "from qgis.core import QgsProcessing\nx = QgsProcessing.TypeVectorPoint\n"
    assert mod.rewrite(text) == ("from qgis.core import Qgis\nfrom qgis.core import QgsProcessing\n"
                                 "x = Qgis.ProcessingSourceType.VectorPoint\n")
