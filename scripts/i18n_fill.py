"""Extract every user-visible string of Sonae into i18n/sonae_ja.ts (context "Sonae") and fill the Japanese.

Why not pylupdate5 alone: it files module-level ``tr(...)`` calls under the enclosing class name (or
"@default") while Sonae translates everything in the context "Sonae" (processing_algorithms/base.py), and it
cannot see the strings that reach ``tr()`` at run time: ``DISPLAY_NAME``/``SHORT_HELP`` class attributes, the
``GROUPS`` dict, the help text passed to ``SonaeAlgorithm.add(param, help)``, constants such as ``MENU_TITLE``.
This script walks the sources with ``ast`` and collects:

- ``tr("...")``, ``self.tr("...")``, ``alg.tr("...")``, ``QCoreApplication.translate("Sonae", "...")``, and
  ``tr(NAME)`` where NAME is a module-level string constant;
- class attributes ``DISPLAY_NAME`` and ``SHORT_HELP``; the values of a module-level ``GROUPS`` dict or of a
  module-level dict named ``*LABELS`` (enum option labels: processing_algorithms/option_labels.py OPTION_LABELS,
  HAZARD_LABELS ...), and of a dict literal passed to ``labelled_enum(parameter, {...})``;
- the second argument of ``<x>.add(parameter, "help", ...)``.

Filling: Sonae writes strings as "English / 日本語" (or an English paragraph, a newline, then the Japanese one);
the Japanese translation is the Japanese part. English-only strings take their translation from MANUAL below.
Existing finished translations in the .ts are kept (hand edits survive). f-strings inside ``tr()`` cannot be
translated by lookup and are listed as such.

Usage:  python scripts/i18n_fill.py            # write i18n/sonae_ja.ts, print what remains untranslated
        python scripts/i18n_fill.py --check    # only list untranslated / missing strings (exit 1 if any)
"""
from __future__ import annotations

import argparse
import ast
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TS = os.path.join(ROOT, "i18n", "sonae_ja.ts")
CONTEXT = "Sonae"
SKIP_DIRS = {"tests", "benchmarks", "build", ".venv", ".git", "demo", "scripts", "i18n", "__pycache__"}

# English-only strings (no " / 日本語" part) and their Japanese.
MANUAL = {
    "Sonae (備え)": "Sonae（備え）",
    "&Sonae (備え)": "&Sonae（備え）",
    "Sonae": "Sonae",
    "Sonae — disaster prevention and local energy planning / 防災とエネルギーの計画": "Sonae — 防災とエネルギーの計画",
    "Shelter files (*.csv *.geojson *.json *.tsv)": "避難所ファイル (*.csv *.geojson *.json *.tsv)",
    "GeoPackage (*.gpkg)": "GeoPackage (*.gpkg)",
    "PDF files (*.pdf)": "PDFファイル (*.pdf)",
}

_CJK = re.compile(r"[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]")


def cjk_ratio(text: str) -> float:
    letters = [c for c in text if not c.isspace()]
    return len(_CJK.findall(text)) / len(letters) if letters else 0.0


def japanese_part(text: str) -> str | None:
    """The Japanese half of a bilingual string, or None when there is none."""
    if text in MANUAL:
        return MANUAL[text]
    lines = text.split("\n")
    if len(lines) > 1:
        tail = []
        for line in reversed(lines):
            if line.strip() and cjk_ratio(line) >= 0.3:
                tail.insert(0, line)
            else:
                break
        if tail and len(tail) < len(lines):
            return "\n".join(tail)
    # The " / " whose right side is the most Japanese relative to its left side (Japanese halves may contain
    # " / " themselves, and English halves field names such as "owner (city / dealer)").
    best, best_score, start = None, 0.0, 0
    while True:
        i = text.find(" / ", start)
        if i < 0:
            break
        left, right = text[:i], text[i + 3:]
        if _CJK.search(right):
            score = cjk_ratio(right) - cjk_ratio(left)
            if score > best_score:
                best, best_score = right.strip(), score
        start = i + 3
    return best


class _Collector(ast.NodeVisitor):
    def __init__(self, path, constants):
        self.path = path
        self.constants = constants
        self.found = []        # (text, line)
        self.dynamic = []      # (line, source) of f-strings passed to tr()

    def _add(self, node, line):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            if node.value.strip():
                self.found.append((node.value, line))
        elif isinstance(node, ast.Name) and node.id in self.constants:
            self.found.append((self.constants[node.id], line))
        elif isinstance(node, ast.JoinedStr):
            self.dynamic.append((line, ast.unparse(node)[:80]))

    def visit_Call(self, node):  # noqa: N802
        func = node.func
        name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
        if name == "tr" and node.args:
            self._add(node.args[0], node.lineno)
        elif name == "translate" and len(node.args) >= 2 and isinstance(node.args[0], ast.Constant) \
                and node.args[0].value == CONTEXT:
            self._add(node.args[1], node.lineno)
        elif name == "add" and isinstance(func, ast.Attribute) and len(node.args) >= 2:
            self._add(node.args[1], node.lineno)
        elif name == "labelled_enum" and len(node.args) >= 2 and isinstance(node.args[1], ast.Dict):
            for v in node.args[1].values:
                self._add(v, node.lineno)
        self.generic_visit(node)

    def visit_ClassDef(self, node):  # noqa: N802
        for stmt in node.body:
            if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name) \
                    and stmt.targets[0].id in ("DISPLAY_NAME", "SHORT_HELP"):
                self._add(stmt.value, stmt.lineno)
        self.generic_visit(node)


def sources() -> list[str]:
    out = []
    for dirpath, dirnames, filenames in os.walk(ROOT):
        rel = os.path.relpath(dirpath, ROOT)
        if rel.split(os.sep)[0] in SKIP_DIRS:
            dirnames[:] = []
            continue
        out += [os.path.join(dirpath, f) for f in sorted(filenames) if f.endswith(".py")]
    return sorted(out)


def extract() -> tuple[dict, list]:
    """source text -> [(relative path, line)], plus the f-strings found in tr() calls."""
    messages, dynamic = {}, []
    for path in sources():
        with open(path, encoding="utf-8") as fh:
            tree = ast.parse(fh.read(), path)
        constants = {}
        for stmt in tree.body:
            if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name):
                target, value = stmt.targets[0].id, stmt.value
                if isinstance(value, ast.Constant) and isinstance(value.value, str):
                    constants[target] = value.value
                if (target == "GROUPS" or target.endswith("LABELS")) and isinstance(value, ast.Dict):
                    for v in value.values:
                        if isinstance(v, ast.Constant) and isinstance(v.value, str):
                            messages.setdefault(v.value, []).append((os.path.relpath(path, ROOT), v.lineno))
        col = _Collector(path, constants)
        col.visit(tree)
        rel = os.path.relpath(path, ROOT)
        for text, line in col.found:
            messages.setdefault(text, []).append((rel, line))
        dynamic += [(rel, line, src) for line, src in col.dynamic]
    return messages, dynamic


def read_ts(path=TS) -> dict:
    """source -> finished translation of an existing .ts."""
    if not os.path.exists(path):
        return {}
    done = {}
    for msg in ET.parse(path).getroot().iter("message"):
        src = msg.findtext("source")
        tr_el = msg.find("translation")
        if src is not None and tr_el is not None and tr_el.text and tr_el.get("type") not in ("unfinished",
                                                                                              "obsolete", "vanished"):
            done[src] = tr_el.text
    return done


def write_ts(messages: dict, old: dict, path=TS) -> list[str]:
    root = ET.Element("TS", version="2.1", language="ja_JP")
    ctx = ET.SubElement(root, "context")
    ET.SubElement(ctx, "name").text = CONTEXT
    untranslated = []
    for text, locations in messages.items():
        msg = ET.SubElement(ctx, "message")
        for rel, line in locations[:3]:
            ET.SubElement(msg, "location", filename="../" + rel, line=str(line))
        ET.SubElement(msg, "source").text = text
        translation = old.get(text) or japanese_part(text)
        el = ET.SubElement(msg, "translation")
        if translation:
            el.text = translation
        else:
            el.set("type", "unfinished")
            untranslated.append(text)
    ET.indent(root)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as fh:
        fh.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        fh.write(ET.tostring(root, encoding="utf-8"))
        fh.write(b"\n")
    return untranslated


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report; do not write the .ts")
    parser.add_argument("--qm", action="store_true", help="also run lrelease")
    args = parser.parse_args(argv)
    messages, dynamic = extract()
    old = read_ts()
    if args.check:
        missing = [t for t in messages if t not in old]
        untranslated = [t for t in messages if t in old and not old[t]]
        for t in missing:
            print("not in the .ts (run `make i18n`):", repr(t[:100]))
        for t in untranslated:
            print("untranslated:", repr(t[:100]))
        for rel, line, src in dynamic:
            print(f"f-string in tr() (cannot be translated by lookup): {rel}:{line}: {src}")
        print(f"{len(messages)} strings in the sources, {len(missing)} not in the .ts, "
              f"{len(untranslated)} untranslated, {len(dynamic)} f-strings in tr()")
        return 1 if missing or untranslated else 0
    untranslated = write_ts(messages, old)
    print(f"{os.path.relpath(TS, ROOT)}: {len(messages)} strings, {len(messages) - len(untranslated)} translated, "
          f"{len(untranslated)} untranslated")
    for t in untranslated:
        print("  untranslated:", repr(t[:100]))
    for rel, line, src in dynamic:
        print(f"  f-string in tr() (cannot be translated by lookup): {rel}:{line}: {src}")
    if args.qm:
        subprocess.run(["lrelease", "-silent", TS, "-qm", TS[:-3] + ".qm"], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
