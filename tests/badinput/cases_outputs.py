"""Bad-input cases: output destinations (output = input, odd names, existing GeoPackages, CSV injection)."""
from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from ..conftest import DATA
from .framework import BadCase, refused, succeeds

TAKAMATSU_CSV = Path(DATA) / "takamatsu" / "shelters" / "evacuation_space.csv"


def _copy(tmp: Path, src: Path, name: str | None = None) -> str:
    dst = tmp / (name or src.name)
    shutil.copyfile(src, dst)
    return str(dst)


def _tables(path) -> list:
    con = sqlite3.connect(path)
    try:
        return [r[0] for r in con.execute("SELECT table_name FROM gpkg_contents ORDER BY table_name")]
    finally:
        con.close()


def _count(path, table) -> int:
    con = sqlite3.connect(path)
    try:
        return con.execute('SELECT COUNT(*) FROM "%s"' % table.replace('"', '""')).fetchone()[0]
    finally:
        con.close()


def _csv_rows(path) -> int:
    import csv
    with open(path, encoding="utf-8-sig", newline="") as f:
        return sum(1 for _ in csv.DictReader(f))


def _check_dotted_gpkg(results, tmp):
    """the GeoPackage holds one table with all 195 Takamatsu places (the count of rows in the CSV)"""
    path = tmp / "facilities_2026.03.31.gpkg"
    tables = _tables(path)
    assert len(tables) == 1, tables
    assert _count(path, tables[0]) == _csv_rows(TAKAMATSU_CSV) == 195


CASES = [
    BadCase(
        id="importshelters-output-is-input-csv",
        alg="sonae:importshelters",
        what="OUTPUT is the city's own shelter CSV (the input)",
        build=lambda tmp: {"INPUTS": [_copy(tmp, TAKAMATSU_CSV)], "OUTPUT": str(tmp / TAKAMATSU_CSV.name)},
        expect=refused("evacuation_space.csv", doc="the input file is never overwritten"),
    ),
    BadCase(
        id="importshelters-output-dotted-gpkg-name",
        alg="sonae:importshelters",
        what="OUTPUT named facilities_2026.03.31.gpkg (dots in the file name)",
        build=lambda tmp: {"INPUTS": [_copy(tmp, TAKAMATSU_CSV)], "OUTPUT": str(tmp / "facilities_2026.03.31.gpkg")},
        expect=succeeds(_check_dotted_gpkg),
    ),
]

from .framework import cancelled  # noqa: E402

CASES += [
    BadCase(
        id="importshelters-cancel-first-progress",
        alg="sonae:importshelters",
        what="the user cancels at the first progress report",
        build=lambda tmp: {"INPUTS": [_copy(tmp, TAKAMATSU_CSV)], "OUTPUT": str(tmp / "out.gpkg")},
        expect=cancelled(after=1),
    ),
]
