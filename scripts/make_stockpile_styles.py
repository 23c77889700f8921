"""Regenerate the stockpile styles: layers/styles/stockpile_sufficiency.qml, stock_sites.qml, partner_audit.qml
(renderers explicit, Japanese field aliases).

Run: cd build/plugins && ../../.venv/bin/python -m sonae.scripts.make_stockpile_styles
"""
from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
STYLE_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "layers", "styles")

SUFFIX_JA = {"units": "数量（基本単位）", "pd": "充足人日", "days": "充足日数", "short": "不足数量", "partner": "事業者分の割合",
             "persons": "充足人数"}


def _layer(fields, geometry="Point"):
    from qgis.core import QgsField, QgsVectorLayer
    from qgis.PyQt.QtCore import QMetaType
    kinds = {"str": QMetaType.QString, "float": QMetaType.Double, "bool": QMetaType.Bool, "date": QMetaType.QDate}
    layer = QgsVectorLayer(f"{geometry}?crs=EPSG:6668", "style", "memory")
    layer.dataProvider().addAttributes([QgsField(n, kinds[k]) for n, k, _ in fields])
    layer.updateFields()
    for i, (_, _, alias) in enumerate(fields):
        layer.setFieldAlias(i, alias)
    return layer


def _marker(colour, shape="circle", size=3.0):
    from qgis.core import QgsMarkerSymbol
    return QgsMarkerSymbol.createSimple({"name": shape, "color": colour, "outline_color": "#202020",
                                         "outline_width": "0.2", "size": str(size)})


def sufficiency():
    from qgis.core import QgsGraduatedSymbolRenderer, QgsRendererRange
    from sonae.engine import stockpile as sp
    fields = [("shelter_id", "str", "避難所ID"), ("name", "str", "避難所名"), ("evacuees", "float", "避難者数"),
              ("district", "str", "地区")]
    for item, spec in sp.needs_rules()["items"].items():
        for suffix in ("units", "pd", "days", "persons", "short", "partner"):
            fields.append((f"{item}_{suffix}", "float", f"{spec['name_ja']} {SUFFIX_JA[suffix]}"))
    fields += [("days_min", "float", "最小充足日数"), ("limiting_item", "str", "制約品目"),
               ("meets_horizon", "bool", "計画期間を充足"), ("battery_kwh", "float", "蓄電池容量（kWh）"),
               ("battery_soc", "float", "蓄電池残量（0-1）"), ("kwh_now", "float", "現在の電力量（kWh）"),
               ("critical_load_kw", "float", "重要負荷（kW）"), ("hours_now", "float", "重要負荷の継続時間（h）"),
               ("scenario_date", "date", "想定日"), ("profile", "str", "需要プロファイル"), ("horizon_days", "float", "計画期間（日）")]
    layer = _layer(fields)
    ranges = [(0.0, 1.0, "#d7191c", "1日未満"), (1.0, 2.0, "#fdae61", "1〜2日"), (2.0, 3.0, "#ffffbf", "2〜3日"),
              (3.0, 7.0, "#a6d96a", "3〜7日（計画期間を充足）"), (7.0, 1e9, "#1a9641", "7日以上")]
    renderer = QgsGraduatedSymbolRenderer("days_min", [QgsRendererRange(lo, hi, _marker(c, size=3.4), label)
                                                       for lo, hi, c, label in ranges])
    layer.setRenderer(renderer)
    return layer


def stock_sites():
    from qgis.core import QgsCategorizedSymbolRenderer, QgsRendererCategory
    layer = _layer([("site_id", "str", "拠点ID"), ("name", "str", "拠点名"), ("owner_type", "str", "所有区分"),
                    ("address", "str", "住所"), ("facility_id", "str", "施設ID"), ("source_file", "str", "元ファイル"),
                    ("source_row", "str", "元の行")])
    cats = [QgsRendererCategory("city", _marker("#1f5fbf", "square", 3.0), "市の備蓄拠点"),
            QgsRendererCategory("retail_partner", _marker("#f08c00", "triangle", 3.4), "協定事業者（流通備蓄）")]
    layer.setRenderer(QgsCategorizedSymbolRenderer("owner_type", cats))
    return layer


def partner_audit():
    from qgis.core import QgsRuleBasedRenderer
    layer = _layer([("site_id", "str", "拠点ID"), ("site_name", "str", "拠点名"), ("item", "str", "品目"),
                    ("base_unit", "str", "基本単位"), ("reported", "float", "報告在庫"), ("expired", "float", "期限切れ"),
                    ("committed", "float", "協定数量"), ("ratio", "float", "協定に対する在庫率"),
                    ("under_committed", "bool", "協定数量不足"), ("gap", "float", "不足数量"), ("counted", "float", "算入数量"),
                    ("verified_on", "date", "確認日"), ("months_since_verified", "float", "確認からの月数"),
                    ("stale", "bool", "要再確認"), ("person_days", "float", "人日"),
                    ("persons_for_horizon", "float", "計画期間に支えられる人数"), ("audit_date", "date", "確認基準日")])
    root = QgsRuleBasedRenderer.Rule(None)
    for expr, colour, label in (('"under_committed"', "#d7191c", "協定数量不足"),
                                ('NOT "under_committed" AND "stale"', "#fdae61", "確認が12か月超"),
                                ('NOT "under_committed" AND NOT "stale"', "#1a9641", "協定どおり")):
        symbol = _marker(colour, "triangle", 3.4)
        root.appendChild(QgsRuleBasedRenderer.Rule(symbol, 0, 0, expr, label))
    layer.setRenderer(QgsRuleBasedRenderer(root))
    return layer


def main():
    from qgis.core import QgsApplication
    app = QgsApplication([], False)
    app.initQgis()
    for name, make in (("stockpile_sufficiency", sufficiency), ("stock_sites", stock_sites),
                       ("partner_audit", partner_audit)):
        layer = make()
        out = os.path.join(STYLE_DIR, f"{name}.qml")
        msg, ok = layer.saveNamedStyle(out)
        print(out, ok, msg)
    del app
    sys.stdout.flush()
    os._exit(0)


if __name__ == "__main__":
    main()
