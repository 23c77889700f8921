"""sonae:platformpartner — add a retail partner, its login role and the stock sites it owns."""
from __future__ import annotations

from qgis.core import QgsProcessingOutputString, QgsProcessingParameterString

from .base import SonaeAlgorithm
from .platform_common import CONNECTION_HELP, connect, connection_parameter


class PlatformPartner(SonaeAlgorithm):
    ALG_ID = "platformpartner"
    GROUP = "platform"
    REQUIRES = ("numpy", "pandas", "shapely", "pyogrio", "geopandas", "psycopg2")
    DISPLAY_NAME = "Add a platform partner / 協定事業者の登録"
    SHORT_HELP = (
        "Adds a retail partner to the shared platform with its login role sonae_p_<code> (member of sonae_partner: "
        "row-level security lets it see and edit only its own sites and lots, never another partner's, and not the "
        "audit log). No password is set: the city's database administrator gives the role a password or certificate "
        "outside Sonae. Optional: the ids of the stock sites the partner owns (they become visible to it once "
        "imported). Running it again updates the name.\n"
        "協定事業者とそのログインロール（sonae_p_コード）を登録します。行単位セキュリティにより自社の拠点・在庫だけを閲覧・編集"
        "できます。パスワードはSonaeでは設定しません（DB管理者が設定）。")
    CONNECTION, CODE, NAME, SITE_IDS = "CONNECTION", "CODE", "NAME", "SITE_IDS"

    def initParameters(self, config=None):
        self.add(connection_parameter(self.CONNECTION), CONNECTION_HELP)
        self.add(QgsProcessingParameterString(self.CODE, self.tr("Partner code / 事業者コード")),
                 "1-40 lower-case letters, digits or _ (e.g. aeon_miyazaki); the role is sonae_p_<code>. / 半角英小文字・"
                 "数字・_（ロール名 sonae_p_コード になります）。")
        self.add(QgsProcessingParameterString(self.NAME, self.tr("Partner name / 事業者名")),
                 "The partner's name as shown to staff (any text; stored as a value, never executed). / 事業者名。")
        self.add(QgsProcessingParameterString(self.SITE_IDS, self.tr("Stock site ids / 拠点ID"), optional=True),
                 "Comma-separated ids of the partner's stock sites (拠点ID), e.g. P01,P02. / 事業者の拠点ID（カンマ区切り）。")
        self.addOutput(QgsProcessingOutputString("ROLE", self.tr("Login role / ログインロール")))

    def compute(self, parameters, context, feedback, progress):
        from ..engine.platform_db.partners import add_partner, check_code, check_name
        code = check_code(self.parameterAsString(parameters, self.CODE, context))   # before any connection
        name = check_name(self.parameterAsString(parameters, self.NAME, context))
        sites = [s for s in self.parameterAsString(parameters, self.SITE_IDS, context).replace("、", ",").split(",")
                 if s.strip()]
        con, label = connect(self, parameters, self.CONNECTION, context)
        try:
            res = add_partner(con, code, name, sites)
        finally:
            con.close()
        feedback.pushInfo(f"{label}: partner {res['code']} -> role {res['role']} "
                          f"({'created' if res['created'] else 'updated'}), sites: {', '.join(res['sites']) or '-'}. "
                          f"Set its password outside Sonae (psql: \\password {res['role']}). / 事業者 {res['code']} を"
                          "登録しました。パスワードはSonaeの外で設定してください。")
        return {"ROLE": res["role"]}
