"""sonae:sizeforautonomy — smallest battery (and PV up to the self-consumption cap) for a target autonomy."""
from __future__ import annotations

from ..plugin import dependencies
from .base import lazy, lazy_from
np = lazy("numpy")
from qgis.core import Qgis
from qgis.core import (QgsProcessing, QgsProcessingOutputNumber, QgsProcessingParameterEnum,
                       QgsProcessingParameterFeatureSink, QgsProcessingParameterNumber)

from ..engine.energy import energy_defaults
Settings = lazy_from(__name__, "..engine.energy.outage", "Settings")
CAP_NOTES, REASONS, choose_pv, normal_use_kwh, size_batteries = lazy_from(__name__, "..engine.energy.sizing", "CAP_NOTES", "REASONS", "choose_pv", "normal_use_kwh", "size_batteries")
from ..engine.errors import SonaeInputError
from .base import SonaeAlgorithm, labelled_enum
from .outage_autonomy import energy_common_parameters, read_energy_model
write_frame = lazy_from(__name__, ".qgis_io", "write_frame")


class SizeForAutonomy(SonaeAlgorithm):
    ALG_ID = "sizeforautonomy"
    REQUIRES = dependencies.BASE_REQUIRES
    GROUP = "energy"
    DISPLAY_NAME = "Size PV and battery for autonomy / 自立運転に必要な太陽光・蓄電池の規模"
    SHORT_HELP = (
        "For every shelter, the smallest battery that keeps the critical loads on for TARGET_HOURS in at least "
        "TARGET_SHARE of outages starting at every hour of the year (bisection over the vectorised REopt-style "
        "simulator), after choosing PV: kept as is, or raised to the normal-time self-consumption cap "
        "(normal_kwh_year x daytime share / annual yield; the MoE subsidy rule that PV must be consumable on site in "
        "normal times). Output: pv_kw, battery_kwh, battery_kw with reason and cap notes, ready for the subsidy "
        "scope.\n"
        "各避難所について、年間全時刻の停電開始のうち目標割合以上で目標時間の重要負荷を維持できる最小の蓄電池容量を"
        "二分探索で求めます。太陽光は現状維持か、平時の自家消費量を上限に増設（環境省補助の条件）。")

    def initParameters(self, config=None):
        d = energy_defaults()
        energy_common_parameters(self, d)
        self.add(QgsProcessingParameterNumber("TARGET_HOURS", self.tr("Target duration (h) / 目標時間（h）"),
                                              Qgis.ProcessingNumberParameterType.Integer, int(d["outage_hours"]), False, 1,
                                              8760),
                 "Outage duration the critical loads must survive, for the roles with a days target (stay/welfare "
                 "shelters, disaster bases); tsunami buildings are sized to their own target in hours and open spaces "
                 "get nothing (rules/facility_roles.json). Default 72 h (FDMA target). / 重要負荷を維持する停電時間"
                 "（指定・福祉避難所、防災拠点）。津波避難ビルは独自の時間目標、緊急避難場所は対象外。既定72時間。")
        self.add(QgsProcessingParameterNumber("TARGET_SHARE", self.tr("Target survival share / 目標達成割合"),
                                              Qgis.ProcessingNumberParameterType.Double, float(d["sizing_target_share"]),
                                              False, 0.0, 1.0),
                 "Share (0-1) of outages (every start hour of every weather year) that must survive TARGET_HOURS; "
                 "1 = whenever the outage starts, whatever the weather. / 全気象年・全開始時刻の停電のうち目標時間を"
                 "満たすべき割合（1＝いつ始まっても、どの天候でも）。")
        self.add(labelled_enum(QgsProcessingParameterEnum("PV_MODE", self.tr("PV / 太陽光"), ["keep", "raise"],
                                                          defaultValue="raise", usesStaticStrings=True),
                               {"keep": "Keep existing PV / 既存のまま",
                                "raise": "Raise PV to the self-consumption cap / 自家消費上限まで増設"}),
                 "Keep the existing pv_kw, or raise it to the normal-time self-consumption cap where normal_kwh_year "
                 "(or floor_area_m2) is known. PV is never sized above the cap. / 太陽光を現状のままにするか、"
                 "平時の自家消費上限まで増やすか。")
        self.add(QgsProcessingParameterFeatureSink("OUTPUT", self.tr("Battery sizing / 蓄電池の規模"),
                                                   Qgis.ProcessingSourceType.VectorAnyGeometry),
                 "One row per shelter: pv_kw, battery_kwh, battery_kw, achieved_share, reason, cap_note (demo table "
                 "battery_sizing). / 避難所ごとの太陽光・蓄電池の規模。")
        self.addOutput(QgsProcessingOutputNumber("TOTAL_BATTERY_KWH", self.tr("Total battery kWh / 蓄電池容量の合計")))
        self.addOutput(QgsProcessingOutputNumber("INFEASIBLE", self.tr("Shelters not reachable / 達成不能の避難所")))

    def compute(self, parameters, context, feedback, progress):
        d = energy_defaults()
        target_h = self.parameterAsInt(parameters, "TARGET_HOURS", context)
        share = self.parameterAsDouble(parameters, "TARGET_SHARE", context)
        if not 0 < share <= 1:
            raise SonaeInputError(f"TARGET_SHARE = {share}: give a share above 0 and at most 1.",
                                  f"TARGET_SHARE = {share}: 0より大きく1以下の割合にしてください。")
        frame, id_field, type_field, ev_field, start_soc, inputs = read_energy_model(
            self, parameters, context, feedback, progress, 0.1, target_h)
        types = frame[type_field].astype(str).tolist() if type_field and type_field in frame.columns \
            else ["default"] * len(frame)
        normal, normal_src = normal_use_kwh(
            frame["normal_kwh_year"] if "normal_kwh_year" in frame.columns else [np.nan] * len(frame), types,
            frame["floor_area_m2"] if "floor_area_m2" in frame.columns else [np.nan] * len(frame), d)
        raise_pv = self.enum_value(parameters, "PV_MODE", context) == "raise"
        pv_kw, pv_cap, cap_note = choose_pv(inputs.assets.pv_kw, normal, inputs.annual_yield, raise_pv, d)
        res = size_batteries(inputs.load_kw, inputs.pv, pv_kw, inputs.assets.generator_kw,
                             inputs.assets.fuel_l, inputs.target_h, share, start_soc, Settings.from_rules(d), d,
                             progress.sub(0.1, 0.98))
        a = inputs.assets
        out = frame[[c for c in (id_field, "name", type_field, ev_field) if c and c in frame.columns]].copy()
        if id_field != "facility_id":
            out.insert(0, "facility_id", frame[id_field].astype(str).to_numpy())
        out["role"] = inputs.roles
        out["autonomy_target_h"] = inputs.target_h
        out["critical_load_kw"] = inputs.load_kw.mean(axis=1)
        out["critical_kwh_day"] = inputs.load_kw.sum(axis=1) / 365.0
        out["normal_kwh_year"] = normal
        out["normal_kwh_source"] = normal_src
        out["pv_kw_existing"] = a.pv_kw
        out["battery_kwh_existing"] = a.battery_kwh
        out["pv_cap_kw"] = pv_cap
        out["pv_kw"] = pv_kw
        out["battery_kwh"] = res["battery_kwh"]
        out["battery_kw"] = res["battery_kw"]
        out["pv_kw_added"] = np.maximum(pv_kw - a.pv_kw, 0.0)
        out["battery_kwh_added"] = np.maximum(np.nan_to_num(res["battery_kwh"]) - a.battery_kwh, 0.0)
        out["target_hours"] = inputs.target_h
        out["weather_source"] = inputs.pv.source
        out["pv_kwh_per_kwp_year"] = inputs.annual_yield
        out["target_share"] = share
        out["start_soc"] = start_soc
        out["achieved_share"] = res["achieved_share"]
        out["min_hours"] = res["min_hours"]
        out["reason"] = res["reason"]
        out["reason_text"] = [REASONS[r] for r in res["reason"]]
        out["cap_note"] = cap_note
        out["cap_note_text"] = [CAP_NOTES[c] for c in cap_note]
        if hasattr(frame, "geometry"):
            import geopandas as gpd
            out = gpd.GeoDataFrame(out, geometry=frame.geometry.values, crs=frame.crs)
        total = float(np.nansum(res["battery_kwh"]))
        infeasible = int((res["reason"] == "infeasible").sum())
        dest = write_frame(self, parameters, "OUTPUT", context, out, feedback)
        feedback.pushInfo(self.tr(
            "{n} shelters sized for {target} h at share {share}: batteries {kwh} kWh in total, PV {pv} kW; "
            "{bad} not reachable. / 蓄電池合計{kwh} kWh、太陽光{pv} kW、達成不能{bad}件。").format(
                n=len(out), target=target_h, share=f"{share:g}", kwh=f"{total:,.1f}", pv=f"{pv_kw.sum():,.1f}",
                bad=infeasible))
        return {"OUTPUT": dest, "TOTAL_BATTERY_KWH": total, "INFEASIBLE": infeasible}
