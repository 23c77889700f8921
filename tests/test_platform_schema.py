"""The platform schema against a real PostgreSQL 15 + PostGIS server: versioned migrations (idempotent,
recorded, edited files refused), layer styles stored in the database, connection errors."""
from __future__ import annotations

import os
import shutil

import pytest


def test_migrations_recorded_and_idempotent(platform, run_alg):
    rows = platform.sql("SELECT version, name FROM sonae.schema_migrations ORDER BY version")
    files = sorted(f for f in os.listdir(os.path.join(os.path.dirname(__file__), "..", "layers", "platform",
                                                       "migrations")) if f.endswith(".sql"))
    assert [f"{v:03d}_{n}.sql" for v, n in rows] == files
    before = platform.sql("SELECT count(*) FROM sonae.audit_log")[0][0]
    res = run_alg("sonae:platforminit", {"CONNECTION": platform.admin_conninfo, "STYLES": True})
    assert res["APPLIED"] == "" and res["VERSION"] == len(files)
    assert platform.sql("SELECT count(*) FROM sonae.schema_migrations")[0][0] == len(files)
    # nothing changed in the data either (no audit rows from a re-run)
    assert platform.sql("SELECT count(*) FROM sonae.audit_log")[0][0] == before


def test_edited_migration_refused(platform, tmp_path):
    from sonae.engine.errors import SonaeInputError
    from sonae.engine.platform_db import migrations
    d = tmp_path / "migrations"
    shutil.copytree(migrations.MIGRATIONS_DIR, d)
    p = d / "001_core.sql"
    p.write_text(p.read_text(encoding="utf-8") + "\n-- edited\n", encoding="utf-8")
    con = platform.admin()
    try:
        with pytest.raises(SonaeInputError, match="changed after it was applied"):
            migrations.migrate(con, str(d))
    finally:
        con.close()


def test_new_migration_applied_in_one_transaction(platform, tmp_path):
    """A failing new migration leaves nothing behind (not even its first statement)."""
    from sonae.engine.errors import SonaeInputError
    from sonae.engine.platform_db import migrations
    d = tmp_path / "migrations"
    shutil.copytree(migrations.MIGRATIONS_DIR, d)
    n = len(os.listdir(d)) + 1
    (d / f"{n:03d}_broken.sql").write_text("CREATE TABLE sonae.half_done (x int);\nSELECT no_such_function();\n",
                                           encoding="utf-8")
    con = platform.admin()
    try:
        with pytest.raises(SonaeInputError):
            migrations.migrate(con, str(d))
    finally:
        con.close()
    assert platform.sql("SELECT to_regclass('sonae.half_done')")[0][0] is None
    assert platform.sql("SELECT max(version) FROM sonae.schema_migrations")[0][0] == n - 1


def test_layer_style_stored_in_database(platform, qgis_app):
    """A partner opening sonae.sites in QGIS gets the Sonae style (layer_styles, default), not a random one."""
    from qgis.core import QgsVectorLayer
    from sonae.processing_algorithms.platform_common import layer_uri
    from sonae.processing_algorithms.styles import style_path
    rows = platform.sql("SELECT f_table_schema, f_table_name, stylename, useasdefault FROM public.layer_styles")
    assert ("sonae", "sites", "stock_sites", True) in rows
    ref = QgsVectorLayer("Point?crs=EPSG:6668&field=owner_type:string&field=site_id:string", "ref", "memory")
    ref.loadNamedStyle(style_path("stock_sites"))
    layer = QgsVectorLayer(layer_uri(platform.conninfo("sonae_p_alpha"), "sonae", "sites", "geom", "site_id"),
                           "sites", "postgres")
    assert layer.isValid()
    assert layer.renderer().type() == ref.renderer().type()
    assert layer.renderer().dump() == ref.renderer().dump()
    del layer
    # the occupancy view (composite key) opens graduated by occupancy, with the Japanese aliases
    assert ("sonae", "v_shelter_occupancy", "shelter_occupancy", True) in rows
    view = QgsVectorLayer(layer_uri(platform.conninfo("viewer_sato"), "sonae", "v_shelter_occupancy", "geom",
                                    "shelter_id,observed_at"), "occ", "postgres")
    assert view.isValid()
    assert view.renderer().type() == "graduatedSymbol" and view.renderer().classAttribute() == "occupancy"
    assert view.attributeAlias(view.fields().indexOf("infants")) == "乳幼児（k未満は秘匿）"
    del view


def test_connection_by_qgis_name_and_bad_uri(platform, run_alg):
    """CONNECTION may be the name of a QGIS PostgreSQL connection; unknown names and broken URIs are refused."""
    from qgis.core import QgsDataSourceUri, QgsProcessingException, QgsProviderRegistry
    md = QgsProviderRegistry.instance().providerMetadata("postgres")
    uri = QgsDataSourceUri(platform.admin_conninfo)
    conn = md.createConnection(uri.uri(False), {"saveUsername": True, "savePassword": False})
    md.saveConnection(conn, "sonae-test-platform")
    try:
        res = run_alg("sonae:platforminit", {"CONNECTION": "sonae-test-platform", "STYLES": False})
        assert res["APPLIED"] == ""
        with pytest.raises(QgsProcessingException, match="no-such-connection"):
            run_alg("sonae:platforminit", {"CONNECTION": "no-such-connection"})
        with pytest.raises(QgsProcessingException, match="接続"):
            run_alg("sonae:platforminit", {"CONNECTION": "postgresql://%zz@/nodb?host=/nonexistent"})
    finally:
        md.deleteConnection("sonae-test-platform")
