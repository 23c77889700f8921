"""sonae:importshelterops — aggregated shelter status and evacuee counts over time (the national 避難所 layout
as cities publish it during a disaster) -> occupancy against capacity per shelter and time, needs aggregates
with small-count suppression; into GeoPackage tables and, optionally, the shared platform."""
from __future__ import annotations

from qgis.core import Qgis
from qgis.core import (QgsProcessing, QgsProcessingOutputNumber, QgsProcessingOutputString,
                       QgsProcessingParameterFeatureSink, QgsProcessingParameterFile, QgsProcessingParameterNumber)

from ..engine.errors import SonaeInputError
from .base import SonaeAlgorithm
from .platform_common import CONNECTION_HELP, connect, connection_parameter, rule


def _default_k() -> int:
    return int(rule("shelter_ops.json")["suppression_k"]["default"])


class ImportShelterOps(SonaeAlgorithm):
    ALG_ID = "importshelterops"
    GROUP = "import"
    DISPLAY_NAME = "Import shelter operations (status, evacuees) / 避難所の開設状況・避難者数の読み込み"
    SHORT_HELP = (
        "Reads the shelter status and evacuee counts a city publishes during a disaster (one CSV per snapshot in the "
        "national 避難所 layout: ID, 名称, 地区, 人数, 時点, 緯度, 経度, 想定収容人数, e.g. 七尾市 during the Noto 2024 "
        "earthquake; or a table by date) and writes occupancy against capacity per shelter and time, and the latest "
        "count per shelter (points). Needs counts (乳幼児, 高齢者, 食事配慮, 要医療) under k (default 5) are "
        "suppressed in every output. Person-level files (氏名, 生年月日, 年齢..., or several rows for one shelter "
        "at one time) are refused and nothing is stored. With a platform connection the snapshots are also stored "
        "in the shared platform (one transaction).\n"
        "災害時に市が公開する避難所の開設状況・避難者数（全国の避難所データ形式＋人数・時点）を読み込み、避難所・時点ごとの"
        "収容率と最新の人数を出力します。要配慮の内訳は k 未満（既定5）を秘匿します。個人単位のデータは拒否します。")
    INPUT, FOLDER, SUPPRESSION_K, PLATFORM = "INPUT", "FOLDER", "SUPPRESSION_K", "PLATFORM"
    OUTPUT_SHELTERS, OUTPUT_OCCUPANCY = "OUTPUT_SHELTERS", "OUTPUT_OCCUPANCY"

    def initParameters(self, config=None):
        self.add(QgsProcessingParameterFile(self.INPUT, self.tr("Snapshot file / 開設状況ファイル"), optional=True,
                                            fileFilter="CSV/GeoJSON (*.csv *.txt *.geojson)"),
                 "One snapshot or a long/by-date table (CSV in UTF-8 or Shift_JIS). / 開設状況のCSV（1時点または時系列）。")
        self.add(QgsProcessingParameterFile(self.FOLDER, self.tr("Folder of snapshots / 開設状況のフォルダ"),
                                            behavior=Qgis.ProcessingFileParameterBehavior.Folder, optional=True),
                 "A folder of snapshot CSVs (every *.csv is read, e.g. the city's history/). / 開設状況CSVのフォルダ。")
        self.add(QgsProcessingParameterNumber(self.SUPPRESSION_K, self.tr("Suppress needs counts under k / 秘匿の閾値 k"),
                                              Qgis.ProcessingNumberParameterType.Integer, _default_k(), minValue=1),
                 "Needs cells (infants, elderly, dietary, medical) with a count under k are blanked in every output "
                 "(default {k}, rules/shelter_ops.json). / 要配慮の内訳で k 未満の値を全出力で秘匿します（既定{k}）。",
                 k=_default_k())
        self.add(connection_parameter(self.PLATFORM, optional=True),
                 "Optional: also store the snapshots in the shared platform. " + CONNECTION_HELP)
        self.add(QgsProcessingParameterFeatureSink(self.OUTPUT_SHELTERS, self.tr("Latest per shelter / 避難所別の最新"),
                                                   Qgis.ProcessingSourceType.VectorPoint),
                 "One point per shelter: latest observed count, capacity, occupancy (suppressed needs). The input "
                 "OBSERVED of stockpilesufficiency and deliveryplan. / 避難所ごとの最新の人数と収容率。")
        self.add(QgsProcessingParameterFeatureSink(self.OUTPUT_OCCUPANCY,
                                                   self.tr("Occupancy over time / 収容率の推移"), Qgis.ProcessingSourceType.Vector),
                 "One row per shelter and observation time: status, evacuees, capacity, occupancy, over_capacity, "
                 "suppressed needs. / 避難所・時点ごとの表。")
        for n, label in (("SHELTERS", "Shelters / 避難所数"), ("OBSERVATIONS", "Observations / 観測数"),
                         ("LATEST_TOTAL", "Evacuees at the latest time / 最新時点の避難者数"),
                         ("PEAK_TOTAL", "Peak evacuees over time / 避難者数の最大"),
                         ("OVER_CAPACITY", "Observations over capacity / 定員超過の観測数")):
            self.addOutput(QgsProcessingOutputNumber(n, self.tr(label)))
        self.addOutput(QgsProcessingOutputString("LATEST_TIME", self.tr("Latest time / 最新時点")))

    def compute(self, parameters, context, feedback, progress):
        import geopandas as gpd
        import numpy as np

        from ..engine import shelter_ops as so
        from ..layers.importers import shelter_ops as imp
        from .qgis_io import write_frame
        paths = [self.parameterAsFile(parameters, self.INPUT, context),
                 self.parameterAsFile(parameters, self.FOLDER, context)]
        if not any(p.strip() for p in paths):
            raise SonaeInputError("Give a snapshot file (INPUT) or a folder of snapshots (FOLDER).",
                                  "開設状況のファイル（INPUT）またはフォルダ（FOLDER）を指定してください。")
        k = self.parameterAsInt(parameters, self.SUPPRESSION_K, context)
        status = imp.read_snapshots(paths, progress.sub(0.0, 0.4))
        progress.update(0.4)
        shelters = imp.shelters_of(status)
        occ = so.occupancy(status, shelters)
        last = so.latest(status)
        totals = so.totals_over_time(status)
        # outputs (everything suppressed before anything is written)
        occ_out = so.suppress(occ.drop(columns=["latitude", "longitude", "capacity_text", "id_from_name"]), k)
        occ_out["observed_at"] = occ_out["observed_at"].dt.tz_convert("Asia/Tokyo").dt.tz_localize(None)
        lat = shelters.set_index("shelter_id").reindex(last["shelter_id"])
        pts = last.drop(columns=["latitude", "longitude", "capacity_persons", "capacity_text", "name", "district",
                                 "municipality"]).merge(shelters, on="shelter_id", how="left")
        pts = so.occupancy(pts.drop(columns=["capacity_persons"]), shelters)
        pts = so.suppress(pts, k)
        pts["observed_at"] = pts["observed_at"].dt.tz_convert("Asia/Tokyo").dt.tz_localize(None)
        located = ~np.isnan(lat["latitude"].to_numpy(float))
        geo = gpd.GeoDataFrame(pts.drop(columns=["latitude", "longitude"]),
                               geometry=gpd.points_from_xy(pts["longitude"], pts["latitude"]), crs="EPSG:6668")
        if not located.all():
            feedback.pushInfo(f"{int((~located).sum())} shelters without coordinates: written without a location / "
                              f"座標のない避難所 {int((~located).sum())}件")
        progress.update(0.6)
        if parameters.get(self.PLATFORM):
            from ..engine.platform_db.shelter_store import write_shelter_ops
            con, label = connect(self, parameters, self.PLATFORM, context)
            try:
                counts = write_shelter_ops(con, shelters, status)
            finally:
                con.close()
            feedback.pushInfo(f"platform {label}: {counts['shelters']} shelters, {counts['observations']} observations "
                              "stored / プラットフォームに保存しました")
        kinds = {"observed_at": "datetime", "over_capacity": "bool", "needs_suppressed": "bool",
                 "id_from_name": "bool"}
        dest_s = write_frame(self, parameters, self.OUTPUT_SHELTERS, context, geo, feedback, kinds=kinds,
                             style="shelter_occupancy")
        dest_o = write_frame(self, parameters, self.OUTPUT_OCCUPANCY, context, occ_out, feedback, kinds=kinds)
        latest_time = totals["observed_at"].max()
        latest_total = float(totals.loc[totals["observed_at"] == latest_time, "evacuees"].sum())
        over = int(np.nansum(occ["over_capacity"].to_numpy(bool)))
        first_time = totals.observed_at.min()
        feedback.pushInfo(f"{len(shelters)} shelters, {len(status)} observations from {first_time:%Y-%m-%d %H:%M} "
                          f"to {latest_time:%Y-%m-%d %H:%M}; peak {totals.evacuees.max():,.0f} evacuees; "
                          f"{over} observations over capacity. / 避難所{len(shelters)}件、観測{len(status)}件。")
        return {self.OUTPUT_SHELTERS: dest_s, self.OUTPUT_OCCUPANCY: dest_o, "SHELTERS": len(shelters),
                "OBSERVATIONS": len(status), "LATEST_TOTAL": latest_total, "PEAK_TOTAL": float(totals.evacuees.max()),
                "OVER_CAPACITY": over, "LATEST_TIME": latest_time.isoformat()}
