"""Connecting to the platform with psycopg2 (imported lazily: QGIS's Windows Python ships it, the engine does not
need it to import). Connection strings are libpq's: a URI (postgresql://...), key=value pairs (the form QGIS
writes, single quotes allowed) or ``service=name`` (pg_service.conf). Errors are bilingual and never echo a
password."""
from __future__ import annotations

import contextlib
import re

from ..errors import SonaeInputError

_PASSWORD = re.compile(r"(password\s*=\s*)('(?:[^'\\]|\\.)*'|\S+)|(://[^:/@\s]*:)([^@\s]*)(@)", re.IGNORECASE)


def redact(conninfo: str) -> str:
    """The connection string with any password replaced by ***."""
    def sub(m):
        if m.group(1):
            return m.group(1) + "***"
        return m.group(3) + "***" + m.group(5)
    return _PASSWORD.sub(sub, conninfo or "")


def looks_like_conninfo(text: str) -> bool:
    """A libpq URI or keyword string (as opposed to the name of a QGIS connection)."""
    t = (text or "").strip()
    return t.startswith(("postgresql://", "postgres://")) or bool(re.match(r"^\s*\w+\s*=", t))


def _psycopg2():
    try:
        import psycopg2
        import psycopg2.extras  # noqa: F401
        import psycopg2.sql  # noqa: F401
    except ImportError:
        raise SonaeInputError(
            "The Python module psycopg2 is missing: install python3-psycopg2 (OSGeo4W/QGIS for Windows ships it).",
            "Pythonモジュール psycopg2 がありません。python3-psycopg2 を入れてください（Windows版QGISには同梱）。") \
            from None
    return psycopg2


def connect(conninfo: str, label: str | None = None):
    """An open psycopg2 connection (autocommit off, UTC, application_name sonae)."""
    pg = _psycopg2()
    shown = label or redact(conninfo)
    if not (conninfo or "").strip():
        raise SonaeInputError("No platform connection given. Enter a PostgreSQL URI (postgresql://...), "
                              "service=NAME or the name of a QGIS PostgreSQL connection.",
                              "プラットフォームの接続先がありません。PostgreSQLのURI、service=名前、またはQGISの接続名を入力"
                              "してください。")
    try:
        con = pg.connect(conninfo, application_name="sonae", connect_timeout=15)
    except pg.ProgrammingError as exc:          # malformed conninfo / URI
        raise SonaeInputError(
            f"Platform connection '{shown}' is not a valid PostgreSQL connection string ({_first_line(exc)}). "
            "Use postgresql://host/dbname, \"host=... dbname=...\", service=NAME or a QGIS connection name.",
            f"接続先「{shown}」はPostgreSQLの接続文字列として正しくありません。postgresql://ホスト/DB名、"
            "host=... dbname=...、service=名前、またはQGISの接続名にしてください。") from None
    except pg.OperationalError as exc:
        raise SonaeInputError(
            f"Cannot connect to the platform '{shown}': {redact(_first_line(exc))}. Check the server, database "
            "name, user and the QGIS authentication configuration or pg_service.conf.",
            f"プラットフォーム「{shown}」に接続できません。サーバー、データベース名、ユーザー、QGISの認証設定または "
            "pg_service.conf を確認してください。") from None
    with con.cursor() as cur:
        cur.execute("SET TIME ZONE 'UTC'")
    con.commit()
    return con


def _first_line(exc) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


@contextlib.contextmanager
def write_transaction(con, what_en: str, what_ja: str):
    """``with write_transaction(con, what_en, what_ja) as cur:`` — one transaction: committed when the block ends,
    rolled back on any error so nothing is half-written. A SonaeInputError raised inside passes through; any other
    error (a refused statement: permission, row-level security, constraint) becomes :func:`db_error` naming
    ``what``."""
    try:
        with con.cursor() as cur:
            yield cur
        con.commit()
    except SonaeInputError:
        con.rollback()
        raise
    except Exception as exc:
        con.rollback()
        raise db_error(exc, what_en, what_ja) from None


def db_error(exc, what_en: str, what_ja: str) -> SonaeInputError:
    """A bilingual error for a refused statement (permission, row-level security, constraint)."""
    pg = _psycopg2()
    msg = redact(_first_line(exc))
    code = getattr(exc, "pgcode", None) or ""
    if isinstance(exc, pg.errors.InsufficientPrivilege) or code == "42501":
        return SonaeInputError(f"{what_en}: refused by the platform (permission or row-level security): {msg}. "
                               "Your role may only change its own rows; ask the city's platform administrator.",
                               f"{what_ja}: プラットフォームが拒否しました（権限または行単位セキュリティ）。自分の行だけ"
                               "変更できます。市の管理者に確認してください。")
    return SonaeInputError(f"{what_en}: the platform refused it ({code}): {msg}",
                           f"{what_ja}: プラットフォームが受け付けませんでした（{code}）: {msg}")
