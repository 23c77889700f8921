"""Labels of enum options: {option id (or the option text an index enum shows): "English / 日本語"}.

Static-string enums keep stable ids as their values (``HAZARD_TYPE=flood`` in qgis_process, models and batch
files); QGIS 3.40's own enum widget can only show the value itself (its widget metadata knows ``icons``,
``useCheckBoxes`` and ``columns``, nothing for labels; ``value_hints`` belongs to the string widget). So
``SonaeAlgorithm.add`` attaches these labels to every static-string enum through base.labelled_enum (the dialog,
batch and modeler widget _enum_widget.LabelledEnumWrapper shows the label and stores the id), and shows them in
place of the options of index enums. The labels are translated through i18n/sonae_ja.ts (scripts/i18n_fill.py
extracts this dict); in Japanese the Japanese half is shown. An algorithm may pass its own labels with
base.labelled_enum; ids missing there are looked up here. tests/test_i18n_ja.py fails on an option without a label.
"""
from __future__ import annotations

OPTION_LABELS = {
    # hazards (engine.hazard.HAZARD_TYPES, engine.eligibility.HAZARD_IDS)
    "none": "No hazard (every shelter) / 災害を限定しない（全避難所）",
    "flood": "Flood / 洪水",
    "tsunami": "Tsunami / 津波",
    "storm_surge": "Storm surge / 高潮",
    "inland_flood": "Inland flooding / 内水氾濫",
    "landslide": "Landslide / 土砂災害",
    # raster values (engine.hazard.VALUE_KINDS)
    "depth_m": "Depth in metres (depth_m) / 浸水深（m）（depth_m）",
    "rank": "Depth-rank codes 1-6 (rank) / 浸水深ランク 1-6（rank）",
    # catchment assignment
    "capacity": "Within capacity, shortest total distance / 収容人数内で総距離最短",
    "nearest": "Nearest / 最寄り",
    # stockpile allocation
    "district": "Pooled per district / 地区ごとに合算",
    # needs profiles (rules/needs_profiles.json)
    "japan": "Japan (water 3 L/day) / 日本の基準（水 3 L/日）",
    "sphere": "Sphere (water 15 L/day) / スフィア基準（水 15 L/日）",
    # space per evacuee (rules/evacuation.json m2_per_person: the labels of the index enum and the ids)
    "3.5 m2 (Cabinet Office 2024 / Sphere)": "3.5 m2 (Cabinet Office 2024 / Sphere) / 3.5㎡（内閣府 2024年・スフィア基準）",
    "2.0 m2 (older plans)": "2.0 m2 (older plans) / 2.0㎡（従来の計画）",
    "1.65 m2 (1 tatami, older plans)": "1.65 m2 (1 tatami, older plans) / 1.65㎡（畳1枚、従来の計画）",
    "3.5": "3.5 m2 (Cabinet Office 2024 / Sphere) / 3.5㎡（内閣府 2024年・スフィア基準）",
    "2.0": "2.0 m2 (older plans) / 2.0㎡（従来の計画）",
    "1.65": "1.65 m2 (1 tatami, older plans) / 1.65㎡（畳1枚、従来の計画）",
    # PV sizing
    "keep": "Keep existing PV / 既存のまま",
    "raise": "Raise PV to the self-consumption cap / 自家消費上限まで増設",
    "raise_to_cap": "Raise PV to the self-consumption cap / 自家消費上限まで増設",
    # weather region (the regions' own labels come from rules/weather_normals_japan.json)
    "auto": "Auto: nearest climate region / 自動（最寄りの気候地域）",
}
