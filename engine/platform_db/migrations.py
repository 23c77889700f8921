"""Versioned schema migrations: plain SQL files ``layers/platform/migrations/NNN_name.sql`` applied in order,
each recorded (version, name, sha256) in ``sonae.schema_migrations``. Idempotent: applied versions are skipped;
an applied file whose text changed afterwards is refused (add a new NNN file instead). Everything pending runs
in one transaction under an advisory lock, so an interrupted or failing upgrade leaves the database as it was.
After migrating, the item/unit catalogue and settings are refreshed from rules/ (data, not code)."""
from __future__ import annotations

import glob
import hashlib
import os
import re

from ..errors import SonaeInputError
from ..rules import load_rules
from .connection import write_transaction

MIGRATIONS_DIR = os.path.normpath(os.path.join(os.path.dirname(__file__), "..", "..", "layers", "platform",
                                               "migrations"))
_NAME = re.compile(r"^(\d{3})_([a-z0-9_]+)\.sql$")
LOCK_KEY = 7_351_015  # pg_advisory_xact_lock key shared by every Sonae migrator


def migration_files(directory: str = MIGRATIONS_DIR) -> list[tuple[int, str, str]]:
    """[(version, name, path)] sorted by version; refuses gaps, duplicates and badly named files."""
    out = []
    for path in sorted(glob.glob(os.path.join(directory, "*.sql"))):
        m = _NAME.match(os.path.basename(path))
        if not m:
            raise SonaeInputError(f"Migration file {os.path.basename(path)} is not named NNN_name.sql.",
                                  f"マイグレーション {os.path.basename(path)} の名前が NNN_name.sql ではありません。")
        out.append((int(m.group(1)), m.group(2), path))
    versions = [v for v, _n, _p in out]
    if versions != list(range(1, len(out) + 1)):
        raise SonaeInputError(f"Migration versions must be 001, 002, ... without gaps (found {versions}).",
                              f"マイグレーション番号は001から連番にしてください（{versions}）。")
    return out


def _sha(path: str) -> str:
    with open(path, "rb") as fh:
        return hashlib.sha256(fh.read()).hexdigest()


def applied(cur) -> dict[int, tuple[str, str]]:
    cur.execute("SELECT to_regclass('sonae.schema_migrations') IS NOT NULL")
    if not cur.fetchone()[0]:
        return {}
    cur.execute("SELECT version, name, sha256 FROM sonae.schema_migrations ORDER BY version")
    return {v: (n, s) for v, n, s in cur.fetchall()}


def migrate(con, directory: str = MIGRATIONS_DIR, progress=None) -> list[str]:
    """Apply the pending migrations on an open connection; returns the names applied (empty when up to date).

    One transaction: commits at the end, rolls back everything on any error.
    """
    files = migration_files(directory)
    done_names = []
    with write_transaction(con, "Creating or upgrading the platform schema failed; nothing was changed",
                                "プラットフォームのスキーマ作成・更新に失敗しました。何も変更していません") as cur:
        cur.execute("SELECT pg_advisory_xact_lock(%s)", (LOCK_KEY,))
        cur.execute("CREATE SCHEMA IF NOT EXISTS sonae")
        cur.execute("""CREATE TABLE IF NOT EXISTS sonae.schema_migrations (
                         version integer PRIMARY KEY, name text NOT NULL, sha256 text NOT NULL,
                         applied_at timestamptz NOT NULL DEFAULT now(),
                         applied_by text NOT NULL DEFAULT session_user)""")
        done = applied(cur)
        for i, (version, name, path) in enumerate(files):
            sha = _sha(path)
            if version in done:
                if done[version][1] != sha:
                    raise SonaeInputError(
                        f"Migration {version:03d}_{name}.sql was changed after it was applied to this database "
                        "(checksum differs). Restore the file and put the change in a new NNN_*.sql file.",
                        f"マイグレーション {version:03d}_{name}.sql は適用後に変更されています。元に戻し、変更は"
                        "新しい NNN_*.sql に書いてください。")
                continue
            with open(path, encoding="utf-8") as fh:
                sql = fh.read()
            cur.execute(sql)
            cur.execute("INSERT INTO sonae.schema_migrations (version, name, sha256) VALUES (%s, %s, %s)",
                        (version, name, sha))
            done_names.append(f"{version:03d}_{name}")
            if progress is not None:
                progress.update(0.8 * (i + 1) / len(files))
        refresh_catalogue(cur)
        cur.execute("GRANT SELECT ON sonae.schema_migrations TO sonae_city, sonae_partner, sonae_viewer")
    return done_names


def refresh_catalogue(cur) -> None:
    """Items, units (base-unit factors) and settings from rules/ (upserted; the rules stay the one source)."""
    from .. import stockpile as sp
    needs = sp.needs_rules()
    for item, spec in needs["items"].items():
        cur.execute("""INSERT INTO sonae.items (item, name_ja, base_unit) VALUES (%s, %s, %s)
                       ON CONFLICT (item) DO UPDATE SET name_ja = EXCLUDED.name_ja, base_unit = EXCLUDED.base_unit""",
                    (item, spec.get("name_ja", ""), spec["base_unit"]))
        for unit, factor in spec["units"].items():
            cur.execute("""INSERT INTO sonae.item_units (item, unit_key, factor) VALUES (%s, %s, %s)
                           ON CONFLICT (item, unit_key) DO UPDATE SET factor = EXCLUDED.factor""",
                        (item, sp.key(unit), float(factor)))
        # the base unit itself is always a unit of the item
        cur.execute("""INSERT INTO sonae.item_units (item, unit_key, factor) VALUES (%s, %s, 1)
                       ON CONFLICT (item, unit_key) DO NOTHING""", (item, sp.key(spec["base_unit"])))
    rules = load_rules("shelter_ops.json")
    k = rules["suppression_k"]
    cur.execute("""INSERT INTO sonae.settings (key, value, source) VALUES ('suppression_k', %s, %s)
                   ON CONFLICT (key) DO NOTHING""", (str(int(k["default"])), k["_source"]))


def status(con) -> dict:
    """{'applied': [...], 'pending': [...]} for messages and tests."""
    with con.cursor() as cur:
        done = applied(cur)
    con.rollback()
    files = migration_files()
    return {"applied": [f"{v:03d}_{n}" for v, n, _p in files if v in done],
            "pending": [f"{v:03d}_{n}" for v, n, _p in files if v not in done]}
