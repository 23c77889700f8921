"""Regenerate the platform / shelter-operations styles: layers/styles/shelter_occupancy.qml (latest count per
shelter and sonae.v_shelter_occupancy: graduated by occupancy = evacuees / capacity, Japanese aliases).

Run: cd build/plugins && ../../.venv/bin/python -m sonae.scripts.make_platform_styles
"""
from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
STYLE_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "layers", "styles")


def shelter_occupancy():
    from qgis.core import QgsGraduatedSymbolRenderer, QgsRendererRange
    from sonae.scripts.make_stockpile_styles import _layer, _marker
    fields = [("shelter_id", "str", "避難所ID"), ("name", "str", "避難所名"), ("district", "str", "地区"),
              ("municipality", "str", "市区町村"), ("observed_at", "str", "時点"), ("status", "str", "開設状況"),
              ("evacuees", "float", "避難者数"), ("capacity_persons", "float", "収容人数（屋内）"),
              ("capacity_text", "str", "想定収容人数（原文）"), ("occupancy", "float", "収容率"),
              ("over_capacity", "bool", "定員超過"), ("infants", "float", "乳幼児（k未満は秘匿）"),
              ("elderly", "float", "高齢者（k未満は秘匿）"), ("dietary", "float", "食事配慮（k未満は秘匿）"),
              ("medical", "float", "要医療（k未満は秘匿）"), ("needs_suppressed", "bool", "内訳を秘匿"),
              ("suppression_k", "float", "秘匿の閾値 k"), ("source", "str", "出典の行")]
    layer = _layer(fields)
    ranges = [(-1e-9, 0.0, "#bdbdbd", "0（閉鎖・避難者なし）"), (0.0, 0.5, "#1a9641", "50%未満"),
              (0.5, 0.8, "#a6d96a", "50〜80%"), (0.8, 1.0, "#fdae61", "80〜100%"), (1.0, 1e9, "#d7191c", "定員超過")]
    layer.setRenderer(QgsGraduatedSymbolRenderer("occupancy", [QgsRendererRange(lo, hi, _marker(c, size=3.6), label)
                                                               for lo, hi, c, label in ranges]))
    return layer


def main():
    from qgis.core import QgsApplication
    app = QgsApplication([], False)
    app.initQgis()
    layer = shelter_occupancy()
    out = os.path.join(STYLE_DIR, "shelter_occupancy.qml")
    msg, ok = layer.saveNamedStyle(out)
    print(out, ok, msg)
    del app
    sys.stdout.flush()
    os._exit(0)


if __name__ == "__main__":
    main()
