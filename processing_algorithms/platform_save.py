"""sonae:platformsave — write a result layer back to the shared platform (schema sonae_results), atomically."""
from __future__ import annotations

from qgis.core import Qgis
from qgis.core import (QgsProcessing, QgsProcessingOutputNumber, QgsProcessingOutputString,
                       QgsProcessingParameterFeatureSource, QgsProcessingParameterString)

from .base import SonaeAlgorithm
from .platform_common import CONNECTION_HELP, connect, connection_parameter


class PlatformSave(SonaeAlgorithm):
    ALG_ID = "platformsave"
    GROUP = "platform"
    REQUIRES = ("numpy", "pandas", "shapely", "pyogrio", "geopandas", "psycopg2")
    DISPLAY_NAME = "Save a result to the platform / 結果を共有基盤に保存"
    SHORT_HELP = (
        "Writes a result layer or table (e.g. stockpile sufficiency, partner audit, delivery plan) to the shared "
        "platform as sonae_results.<table>, replacing an earlier table of that name in one transaction: readers "
        "see the old result or the new one, never a half-written table. City staff role needed.\n"
        "結果のレイヤ・表を共有基盤の sonae_results.<テーブル名> に保存します（同名の表は1つのトランザクションで置換）。")
    CONNECTION, INPUT, TABLE = "CONNECTION", "INPUT", "TABLE"

    def initParameters(self, config=None):
        self.add(connection_parameter(self.CONNECTION), CONNECTION_HELP)
        self.add(QgsProcessingParameterFeatureSource(self.INPUT, self.tr("Result layer / 結果レイヤ"),
                                                     [Qgis.ProcessingSourceType.Vector]),
                 "The layer or table to store. / 保存するレイヤ・表。")
        self.add(QgsProcessingParameterString(self.TABLE, self.tr("Table name / テーブル名")),
                 "Name of the table in schema sonae_results (any text; stored as a quoted identifier, never "
                 "executed). / sonae_results スキーマのテーブル名。")
        self.addOutput(QgsProcessingOutputString("TABLE_NAME", self.tr("Table / テーブル")))
        self.addOutput(QgsProcessingOutputNumber("ROWS", self.tr("Rows / 行数")))

    def compute(self, parameters, context, feedback, progress):
        from ..engine.platform_db.results import save_table
        from .qgis_io import read_source
        layer = self.parameterAsVectorLayer(parameters, self.INPUT, context)
        geometry = layer is None or layer.isSpatial()
        frame = read_source(self, parameters, self.INPUT, context, geometry=geometry)
        progress.update(0.3)
        con, label = connect(self, parameters, self.CONNECTION, context)
        try:
            res = save_table(con, self.parameterAsString(parameters, self.TABLE, context), frame,
                             progress=progress.sub(0.3, 1.0))
        finally:
            con.close()
        feedback.pushInfo(f"{label}: {res['rows']} rows -> {res['table']} / {res['rows']}行を保存しました")
        return {"TABLE_NAME": res["table"], "ROWS": res["rows"]}
