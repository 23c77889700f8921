"""Write models/sonae_full_workflow.model3: the Sonae workflow as a Processing model (usable from qgis_process).

Chain: sonae:importshelters -> sonae:hazardexposure -> sonae:sheltercatchments (the algorithms that take only
public data; energy, stockpile and EV need scenario tables and stay separate steps). Regenerate after an
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
                           QgsProcessingParameterRasterLayer)
    from qgis.PyQt.QtCore import QPointF
    m = QgsProcessingModelAlgorithm("Sonae full workflow / Sonae 一括実行", "Sonae", "sonae_full_workflow")
    m.setHelpContent({"ALG_DESC": "Import shelters, flood exposure and catchments in one run. / 避難所の読み込み、"
                                  "浸水曝露、受け持ち区域を一括で実行します。"})
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
               {"HAZARD_TYPE": 0, "VALUE_KIND": 1, "RADIUS_M": 0},
               {"facilities_hazard": ("OUTPUT", "facilities_hazard")})
    child("sonae:sheltercatchments", "Shelter catchments / 受け持ち区域", 900,
          {"FACILITIES": Src.fromChildOutput(c2, "OUTPUT"), "POPULATION": Src.fromModelParameter("population"),
           "POPULATION_FIELD": Src.fromModelParameter("population_field"),
           "ZONE_ID_FIELD": Src.fromModelParameter("zone_id_field")},
          {"HAZARD_FIELD": "flood_conflict", "M2_PER_PERSON": 0},
          {"shelters": ("OUTPUT", "shelters"), "population_catchment": ("CATCHMENTS", "population_catchment")})
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
