"""Write models/sonae_full_workflow.model3: the Sonae workflow as a Processing model (usable from qgis_process).

Chain: sonae:importshelters -> sonae:hazardexposure -> sonae:sheltercatchments -> sonae:outageautonomy ->
sonae:sizeforautonomy -> sonae:districtlayout and sonae:subsidyscope. Energy equipment comes from an optional
energy_assets table (without it every shelter counts as unequipped); stockpile and EV planning need the city's
inventory and fleet tables and stay separate runs. Regenerate after an
algorithm's parameters change:  cd build/plugins && ../../.venv/bin/python -m sonae.scripts.make_workflow_model
"""
from __future__ import annotations

import os

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MODEL = os.path.join(ROOT, "models", "sonae_full_workflow.model3")


def build():
    from qgis.core import (QgsProcessing, QgsProcessingModelAlgorithm, QgsProcessingModelChildAlgorithm,
                           QgsProcessingModelChildParameterSource as Src, QgsProcessingModelOutput,
                           QgsProcessingModelParameter, QgsProcessingParameterFeatureSource,
                           QgsProcessingParameterField, QgsProcessingParameterMultipleLayers,
                           QgsProcessingParameterNumber, QgsProcessingParameterRasterLayer)
    from qgis.PyQt.QtCore import QPointF
    m = QgsProcessingModelAlgorithm("Sonae full workflow / Sonae 一括実行", "Sonae", "sonae_full_workflow")
    m.setHelpContent({"ALG_DESC": "Import shelters, flood exposure, catchments, outage autonomy, PV/battery sizing, "
                                  "districts and subsidy scope in one run. / 避難所の読み込み、浸水曝露、受け持ち区域、"
                                  "停電時の自立時間、太陽光・蓄電池の規模、地区候補、補助対象範囲を一括で実行します。"})
    y = 60

    def param(defn):
        nonlocal y
        p = QgsProcessingModelParameter(defn.name())
        p.setPosition(QPointF(120, y))
        y += 70
        m.addModelParameter(defn, p)

    param(QgsProcessingParameterMultipleLayers("shelter_files", "Shelter files / 避難所ファイル",
                                               QgsProcessing.TypeFile))
    param(QgsProcessingParameterRasterLayer("flood", "Flood depth-rank raster / 浸水深ランクのラスタ"))
    param(QgsProcessingParameterFeatureSource("population", "Population / 人口",
                                              [QgsProcessing.TypeVectorAnyGeometry]))
    param(QgsProcessingParameterField("population_field", "Population field / 人口の項目",
                                      parentLayerParameterName="population"))
    param(QgsProcessingParameterField("zone_id_field", "Zone id field / 区域IDの項目",
                                      parentLayerParameterName="population", optional=True))
    param(QgsProcessingParameterFeatureSource("energy_assets", "Energy assets (table) / エネルギー設備（表）",
                                              [QgsProcessing.TypeVector], optional=True))
    param(QgsProcessingParameterNumber("fiscal_index", "Fiscal capability index / 財政力指数",
                                       QgsProcessingParameterNumber.Double, 0.5, False, 0.0, 3.0))

    def child(alg_id, description, x, sources, statics, outputs):
        c = QgsProcessingModelChildAlgorithm(alg_id)
        c.generateChildId(m)
        c.setDescription(description)
        c.setPosition(QPointF(x, 200))
        for name, src in sources.items():
            c.addParameterSources(name, [src])
        for name, value in statics.items():
            c.addParameterSources(name, [Src.fromStaticValue(value)])
        outs = {}
        # Output labels are the contract table names: the model's destination parameters are named after them.
        for model_name, (child_name, label) in outputs.items():
            o = QgsProcessingModelOutput(model_name, label)
            o.setChildId(c.childId())
            o.setChildOutputName(child_name)
            outs[model_name] = o
        c.setModelOutputs(outs)
        m.addChildAlgorithm(c)
        return c.childId()

    c1 = child("sonae:importshelters", "Import shelters / 避難所の読み込み", 400,
               {"INPUTS": Src.fromModelParameter("shelter_files")}, {},
               {"facilities": ("OUTPUT", "facilities")})
    c2 = child("sonae:hazardexposure", "Flood exposure / 浸水曝露", 650,
               {"FACILITIES": Src.fromChildOutput(c1, "OUTPUT"), "HAZARD": Src.fromModelParameter("flood")},
               {"HAZARD_TYPE": "flood", "VALUE_KIND": "rank", "RADIUS_M": 0},
               {"facilities_hazard": ("OUTPUT", "facilities_hazard")})
    c3 = child("sonae:sheltercatchments", "Shelter catchments / 受け持ち区域", 900,
               {"FACILITIES": Src.fromChildOutput(c2, "OUTPUT"), "POPULATION": Src.fromModelParameter("population"),
                "POPULATION_FIELD": Src.fromModelParameter("population_field"),
                "ZONE_ID_FIELD": Src.fromModelParameter("zone_id_field")},
               {"HAZARD_FIELD": "flood_conflict", "M2_PER_PERSON": "3.5m2"},
               {"shelters": ("OUTPUT", "shelters"), "population_catchment": ("CATCHMENTS", "population_catchment")})
    energy = {"FACILITIES": Src.fromChildOutput(c3, "OUTPUT"),
              "ENERGY_ASSETS": Src.fromModelParameter("energy_assets")}
    energy_statics = {"ID_FIELD": "id", "EVACUEES_FIELD": "evacuees", "TYPE_FIELD": "facility_type",
                      "ASSET_ID_FIELD": "facility_id", "START_SOC": 0.5, "WEATHER_REGION": "auto"}
    c4 = child("sonae:outageautonomy", "Outage autonomy / 停電時の自立時間", 1150, energy,
               dict(energy_statics, OUTAGE_HOURS=72), {"shelters_energy": ("OUTPUT", "shelters_energy")})
    c5 = child("sonae:sizeforautonomy", "Size PV and battery / 太陽光・蓄電池の規模", 1400, energy,
               dict(energy_statics, TARGET_HOURS=72, TARGET_SHARE=1.0, PV_MODE="raise"),
               {"battery_sizing": ("OUTPUT", "battery_sizing")})
    plan = {"FACILITIES": Src.fromChildOutput(c3, "OUTPUT"), "ENERGY": Src.fromChildOutput(c5, "OUTPUT"),
            "FISCAL_INDEX": Src.fromModelParameter("fiscal_index")}
    plan_statics = {"ENERGY_ID_FIELD": "facility_id", "ADDED_ONLY": True}
    c6 = child("sonae:districtlayout", "District layout / 地区候補", 1650,
               dict(plan, AUTONOMY=Src.fromChildOutput(c4, "OUTPUT")), dict(plan_statics, AUTONOMY_ID_FIELD="id"),
               {"districts": ("OUTPUT", "districts")})
    child("sonae:subsidyscope", "Subsidy scope / 補助対象範囲", 1900,
          dict(plan, DISTRICTS=Src.fromChildOutput(c6, "OUTPUT")), plan_statics,
          {"subsidy_scope": ("OUTPUT", "subsidy_scope")})
    return m


def main():
    import sys
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from qgis.core import QgsApplication
    app = QgsApplication([], False)
    app.initQgis()
    sys.path.append("/usr/share/qgis/python/plugins")
    from processing.core.Processing import Processing
    Processing.initialize()
    from sonae.processing_algorithms.provider import SonaeProvider
    provider = SonaeProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    os.makedirs(os.path.dirname(MODEL), exist_ok=True)
    model = build()
    assert model.toFile(MODEL), MODEL
    print("wrote", MODEL, [p.name() for p in model.destinationParameterDefinitions()])
    os._exit(0)


if __name__ == "__main__":
    main()
