"""sonae:platforminit — create or upgrade the shared platform schema (versioned SQL migrations) and store the
layer styles in the database."""
from __future__ import annotations

from qgis.core import (QgsProcessingOutputNumber, QgsProcessingOutputString, QgsProcessingParameterBoolean,
                       QgsVectorLayer)

from ..engine.errors import SonaeInputError
from .base import SonaeAlgorithm
from .platform_common import CONNECTION_HELP, connect, connection_parameter, layer_uri, resolve
from .styles import apply_style

# (schema, table, geometry column, key, style in layers/styles)
STYLED = [("sonae", "sites", "geom", "site_id", "stock_sites"),
          ("sonae", "v_shelter_occupancy", "geom", "shelter_id,observed_at", "shelter_occupancy")]


class PlatformInit(SonaeAlgorithm):
    ALG_ID = "platforminit"
    GROUP = "platform"
    REQUIRES = ("numpy", "pandas", "shapely", "pyogrio", "geopandas", "psycopg2")
    DISPLAY_NAME = "Create or upgrade the shared platform / 共有基盤の作成・更新"
    SHORT_HELP = (
        "Creates the shared PostGIS platform in a PostgreSQL database, or upgrades it: the SQL migrations in "
        "layers/platform/migrations are applied in order and recorded in sonae.schema_migrations (running it again "
        "does nothing). Creates the group roles sonae_city (staff: everything), sonae_partner (each partner: its own "
        "sites and lots only, by row-level security) and sonae_viewer (aggregate views only), the audit log written "
        "by trigger, and stores the layer styles in the database (layer_styles) so QGIS users open styled layers. "
        "Run it as the database owner / an administrator.\n"
        "PostgreSQLに共有基盤（PostGIS）を作成・更新します。マイグレーションを順に適用し記録します（再実行しても変化なし）。"
        "市職員・協定事業者・閲覧者のロール、行単位セキュリティ、変更履歴（監査ログ）、レイヤスタイルを作ります。")
    CONNECTION, STYLES = "CONNECTION", "STYLES"

    def initParameters(self, config=None):
        self.add(connection_parameter(self.CONNECTION), CONNECTION_HELP)
        self.add(QgsProcessingParameterBoolean(self.STYLES, self.tr("Store layer styles / スタイルを保存"), True),
                 "Store the Sonae QML styles as the default styles of the platform layers (QGIS table layer_styles). "
                 "/ SonaeのスタイルをDB内（layer_styles）に既定スタイルとして保存します。")
        self.addOutput(QgsProcessingOutputString("APPLIED", self.tr("Migrations applied / 適用したマイグレーション")))
        self.addOutput(QgsProcessingOutputNumber("VERSION", self.tr("Schema version / スキーマの版")))

    def compute(self, parameters, context, feedback, progress):
        from ..engine.platform_db import migrations
        con, label = connect(self, parameters, self.CONNECTION, context)
        try:
            done = migrations.migrate(con, progress=progress.sub(0.0, 0.8))
            state = migrations.status(con)
            styles = self.parameterAsBoolean(parameters, self.STYLES, context)
            if styles:
                conninfo, _ = resolve(self.parameterAsString(parameters, self.CONNECTION, context))
                for schema, table, geom, key, style in STYLED:
                    layer = QgsVectorLayer(layer_uri(conninfo, schema, table, geom, key), table, "postgres")
                    if not layer.isValid() or not apply_style(layer, style):
                        raise SonaeInputError(f"Could not open {schema}.{table} through QGIS to store its style.",
                                              f"{schema}.{table} をQGISで開けず、スタイルを保存できません。")
                    # replace our own earlier default so re-running stays idempotent
                    with con.cursor() as cur:
                        cur.execute("SELECT to_regclass('public.layer_styles') IS NOT NULL")
                        if cur.fetchone()[0]:
                            cur.execute("DELETE FROM public.layer_styles WHERE f_table_schema = %s AND "
                                        "f_table_name = %s AND stylename = %s", (schema, table, style))
                    con.commit()
                    err = layer.saveStyleToDatabase(style, "Sonae", True, "")
                    if err:
                        raise SonaeInputError(f"Storing the style of {schema}.{table} failed: {err}",
                                              f"{schema}.{table} のスタイル保存に失敗しました: {err}")
                    del layer
                with con.cursor() as cur:
                    cur.execute("GRANT SELECT ON public.layer_styles TO sonae_city, sonae_partner, sonae_viewer")
                con.commit()
        finally:
            con.close()
        version = len(state["applied"])
        feedback.pushInfo(f"{label}: schema version {version:03d}; applied now: {', '.join(done) or 'none (up to date)'}"
                          f" / スキーマ版 {version:03d}、今回適用: {', '.join(done) or 'なし（最新）'}")
        return {"APPLIED": ",".join(done), "VERSION": version}
