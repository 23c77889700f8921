"""Partners and their login roles. A partner's role is ``sonae_p_<code>``: LOGIN, member of sonae_partner,
no superuser / BYPASSRLS / CREATEROLE / CREATEDB, and no password set by Sonae (the city's DBA gives it one, or
a client certificate, outside Sonae: no secret ever passes through a project file or the repository)."""
from __future__ import annotations

import re
import unicodedata

from ..errors import SonaeInputError
from .connection import write_transaction

CODE_RE = re.compile(r"^[a-z0-9_]{1,40}$")


def role_name(code: str) -> str:
    return f"sonae_p_{code}"


def check_code(code: str) -> str:
    c = unicodedata.normalize("NFKC", code or "").strip().lower()
    if not CODE_RE.match(c):
        raise SonaeInputError(
            f"Partner code '{code}' is not allowed: use 1-40 lower-case letters, digits or _ (e.g. aeon_miyazaki). "
            "The code becomes part of the partner's login role name.",
            f"事業者コード「{code}」は使えません。半角英小文字・数字・_ の1〜40文字にしてください（例: aeon_miyazaki）。"
            "コードはログインロール名の一部になります。")
    return c


def check_name(name: str) -> str:
    n = unicodedata.normalize("NFKC", name or "").strip()
    if not n or len(n) > 200 or any(unicodedata.category(ch) == "Cc" for ch in n):
        raise SonaeInputError(f"Partner name '{name}' must be 1-200 printable characters.",
                              f"事業者名「{name}」は1〜200文字の表示できる文字にしてください。")
    return n


def add_partner(con, code: str, name: str, site_ids=()) -> dict:
    """Create (or update the name of) a partner and its login role, and register the stock sites it owns.
    One transaction. Returns {'code', 'role', 'created', 'sites'}."""
    from psycopg2 import sql
    code = check_code(code)
    name = check_name(name)
    sites = [unicodedata.normalize("NFKC", str(s)).strip() for s in site_ids if str(s).strip()]
    role = role_name(code)
    with write_transaction(con, f"Adding partner {code}", f"協定事業者 {code} の追加") as cur:
        cur.execute("SELECT to_regclass('sonae.partners') IS NOT NULL")
        if not cur.fetchone()[0]:
            raise SonaeInputError("The platform schema is missing: run sonae:platforminit on this database first.",
                                  "プラットフォームのスキーマがありません。先に sonae:platforminit を実行してください。")
        cur.execute("SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = %s", (role,))
        existing = cur.fetchone()
        created = existing is None
        if created:
            cur.execute(sql.SQL("CREATE ROLE {} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE "
                                "IN ROLE sonae_partner").format(sql.Identifier(role)))
        elif existing[0] or existing[1]:
            raise SonaeInputError(f"Role {role} exists with SUPERUSER or BYPASSRLS: it cannot be a partner role.",
                                  f"ロール {role} は SUPERUSER または BYPASSRLS を持つため協定事業者にできません。")
        else:
            cur.execute(sql.SQL("GRANT sonae_partner TO {}").format(sql.Identifier(role)))
        cur.execute("""INSERT INTO sonae.partners (code, name, role_name) VALUES (%s, %s, %s)
                       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name""", (code, name, role))
        for s in sites:
            cur.execute("SELECT partner_code FROM sonae.partner_sites WHERE site_id = %s "
                        "UNION ALL SELECT coalesce(partner_code, '(city)') FROM sonae.sites WHERE site_id = %s",
                        (s, s))
            owners = {r[0] for r in cur.fetchall()} - {code}
            if owners:
                raise SonaeInputError(f"Stock site {s} already belongs to {sorted(owners)[0]}.",
                                      f"備蓄拠点 {s} は既に {sorted(owners)[0]} の拠点です。")
            cur.execute("""INSERT INTO sonae.partner_sites (site_id, partner_code) VALUES (%s, %s)
                           ON CONFLICT (site_id) DO NOTHING""", (s, code))
    return {"code": code, "role": role, "created": created, "sites": sites}
