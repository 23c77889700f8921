"""What the platform algorithms share (thin adapter, no algorithm here): turning the CONNECTION text into a
libpq connection string, PostGIS layer URIs, and the small hooks other algorithms call (write stock to the
platform, observed occupancy instead of modelled evacuees)."""
from __future__ import annotations

import json
import os
import re

from qgis.core import QgsDataSourceUri, QgsProcessingParameterString, QgsProviderRegistry

from ..engine.errors import SonaeInputError

RULES_DIR = os.path.normpath(os.path.join(os.path.dirname(__file__), "..", "rules"))


def rule(name: str) -> dict:
    """A rules/ JSON file read with the standard library only (parameter defaults at provider load time, which
    must not import the engine or numpy/pandas)."""
    with open(os.path.join(RULES_DIR, name), encoding="utf-8") as fh:
        return json.load(fh)


def profile_choice() -> tuple[list, int]:
    """(needs profile names, index of the default) from rules/needs_profiles.json."""
    r = rule("needs_profiles.json")
    names = list(r["profiles"])
    return names, names.index(r["default_profile"])


def _pgc():
    from ..engine.platform_db import connection
    return connection

CONNECTION_HELP = (
    "The platform database: a PostgreSQL URI (postgresql://host/dbname), libpq key=value pairs "
    "(host=... dbname=...), service=NAME from pg_service.conf, or the name of a QGIS PostgreSQL connection "
    "(Browser > PostgreSQL; its authentication configuration supplies the password). Never put a password "
    "here or in a project file. / プラットフォームのデータベース: PostgreSQLのURI、host=... dbname=...、"
    "service=名前（pg_service.conf）、またはQGISのPostgreSQL接続名（パスワードはQGISの認証設定から）。"
    "パスワードをここやプロジェクトに書かないでください。")
_QGIS_ONLY = re.compile(r"\b(table|key|srid|type|authcfg|estimatedmetadata|checkPrimaryKeyUnicity|selectatid|"
                        r"sql|schema|column)\s*=", re.IGNORECASE)


def connection_parameter(name="CONNECTION", label="Platform connection / プラットフォーム接続", optional=False):
    return QgsProcessingParameterString(name, label, optional=optional)


def resolve(text: str) -> tuple[str, str]:
    """(libpq conninfo, label for messages) of a URI / key=value string / service / QGIS connection name."""
    t = (text or "").strip()
    if not t:
        raise SonaeInputError("No platform connection given. Enter a PostgreSQL URI, service=NAME or the name of a "
                              "QGIS PostgreSQL connection.",
                              "プラットフォームの接続先がありません。PostgreSQLのURI、service=名前、またはQGISの接続名を"
                              "入力してください。")
    if _pgc().looks_like_conninfo(t):
        if _QGIS_ONLY.search(t):                       # a QGIS layer source: keep the connection part only
            return QgsDataSourceUri(t).connectionInfo(True), _pgc().redact(t)
        return t, _pgc().redact(t)
    md = QgsProviderRegistry.instance().providerMetadata("postgres")
    conns = md.connections() if md is not None else {}
    if t not in conns:
        names = ", ".join(sorted(conns)) or "(none)"
        raise SonaeInputError(
            f"'{t}' is neither a PostgreSQL URI nor the name of a QGIS PostgreSQL connection (known connections: "
            f"{names}). Add the connection in the Browser panel, or enter postgresql://host/dbname.",
            f"「{t}」はPostgreSQLのURIでもQGISのPostgreSQL接続名でもありません（登録済み: {names}）。ブラウザパネルで"
            "接続を追加するか、postgresql://ホスト/DB名 を入力してください。")
    uri = QgsDataSourceUri(conns[t].uri())
    return uri.connectionInfo(True), f"QGIS connection '{t}'"


def connect(alg, parameters, name, context):
    text = alg.parameterAsString(parameters, name, context)
    conninfo, label = resolve(text)
    return _pgc().connect(conninfo, label), label


def layer_uri(conninfo: str, schema: str, table: str, geometry: str | None = None, key: str | None = None) -> str:
    """A postgres-provider layer source for a platform table or view (views need ``key``)."""
    uri = QgsDataSourceUri(conninfo)
    uri.setDataSource(schema, table, geometry, "", key or "")
    return uri.uri(False)


def write_stock(alg, parameters, name, context, sites, items, feedback):
    """importstockpile's hook: write the imported sites and items to the platform in one transaction."""
    from ..engine.platform_db.stock import write_stock as _write
    con, label = connect(alg, parameters, name, context)
    try:
        counts = _write(con, sites, items)
    finally:
        con.close()
    feedback.pushInfo(f"platform {label}: {counts['sites']} sites, lots +{counts['lots_inserted']} "
                      f"~{counts['lots_updated']} -{counts['lots_deleted']}, {counts['commitments']} commitments, "
                      f"{counts['verifications']} new verifications / プラットフォームに書き込みました")
    return counts


def observed_evacuees(alg, parameters, name, context, shelter_ids, modelled, feedback):
    """stockpilesufficiency's hook: the observed head count (a table with shelter_id and evacuees, e.g. the
    latest-occupancy output of sonae:importshelterops) replaces the modelled evacuees where a shelter has one."""
    from ..engine.shelter_ops import replace_evacuees
    from .qgis_io import read_source
    obs = read_source(alg, parameters, name, context, geometry=False)
    missing = [c for c in ("shelter_id", "evacuees") if c not in obs.columns]
    if missing:
        raise SonaeInputError(f"Observed occupancy ({name}): field(s) {', '.join(missing)} missing. Use the "
                              "output of sonae:importshelterops.",
                              f"観測した避難者数（{name}）: 項目 {', '.join(missing)} がありません。sonae:importshelterops "
                              "の出力を使ってください。")
    values, mask = replace_evacuees(shelter_ids, modelled, obs)
    feedback.pushInfo(f"observed occupancy used for {int(mask.sum())}/{len(mask)} shelters (the others keep the "
                      f"modelled evacuees) / {int(mask.sum())}件の避難所で観測した避難者数を使用")
    return values, mask
