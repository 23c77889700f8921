"""Sonae in Japanese: the committed sonae_ja.ts compiled with lrelease, loaded as a QTranslator, shown in QGIS."""
from __future__ import annotations

import importlib.util
import os
import subprocess
import xml.etree.ElementTree as ET

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))
TS = os.path.join(ROOT, "i18n", "sonae_ja.ts")


def _fill_module():
    spec = importlib.util.spec_from_file_location("i18n_fill", os.path.join(ROOT, "scripts", "i18n_fill.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture
def ja(qgis_app, tmp_path):
    """The Japanese translator from the committed .ts (compiled here with lrelease), removed afterwards."""
    from qgis.PyQt.QtCore import QCoreApplication, QTranslator
    qm = str(tmp_path / "sonae_ja.qm")
    subprocess.run(["lrelease", "-silent", TS, "-qm", qm], check=True)
    translator = QTranslator()
    assert translator.load(qm)
    QCoreApplication.installTranslator(translator)
    yield translator
    QCoreApplication.removeTranslator(translator)


def test_algorithms_groups_parameters_and_errors_in_japanese(ja):
    from qgis.core import QgsApplication
    from sonae.processing_algorithms.base import GROUPS, tr
    registry = QgsApplication.processingRegistry()
    alg = registry.createAlgorithmById("sonae:councilmapbook")      # a fresh instance: labels translated now
    assert alg.displayName() == "議会向け図面集（PDF）"
    assert alg.group() == "報告"
    assert alg.parameterDefinition("GPKG").description() == "SonaeのGeoPackage"
    assert alg.parameterDefinition("FLOOD").description() == "浸水深ラスタ"
    assert alg.shortHelpString().startswith("QGISの印刷レイアウトで、A3横の図面集")
    assert "English" not in alg.shortHelpString() and "Exports an A3" not in alg.shortHelpString()
    imp = registry.createAlgorithmById("sonae:importshelters")
    assert imp.displayName() == "避難所データの読み込み"
    assert imp.parameterDefinition("INPUTS").description() == "避難所ファイル"
    assert tr(GROUPS["hazard"]) == "ハザード"
    assert tr("Cancelled / 中止しました") == "中止しました"                # the message shown on cancel
    assert tr("&Sonae (備え)") == "&Sonae（備え）"                       # the menu title


def test_dock_in_japanese(ja, qtbot):
    from qgis.core import QgsProject
    from sonae.plugin.dock import SonaeDock
    QgsProject.instance().removeAllMapLayers()
    dock = SonaeDock()
    qtbot.addWidget(dock)
    assert dock.run_button.text() == "実行"
    assert dock.cancel_button.text() == "中止"
    assert dock.source_label.text() == "プロジェクトにSonaeのレイヤがありません"
    dock.cleanup()


def test_english_without_translator(qgis_app):
    from qgis.core import QgsApplication
    alg = QgsApplication.processingRegistry().createAlgorithmById("sonae:councilmapbook")
    assert alg.displayName() == "Council map book (PDF) / 議会向け図面集（PDF）"


def test_fill_rule_takes_the_japanese_half():
    fill = _fill_module()
    assert fill.japanese_part("Import shelters / 避難所データの読み込み") == "避難所データの読み込み"
    assert fill.japanese_part("Output GeoPackage / 出力GeoPackage") == "出力GeoPackage"
    # " / " inside the English half (field values) and inside the Japanese half.
    assert fill.japanese_part("owner (city / dealer). / 車両表: vehicle_id, owner。") == "車両表: vehicle_id, owner。"
    assert fill.japanese_part("Evacuees vs capacity / 避難者数 / 収容可能人数") == "避難者数 / 収容可能人数"
    assert fill.japanese_part("English paragraph (備え).\n日本語の段落です。\n二行目。") == "日本語の段落です。\n二行目。"
    assert fill.japanese_part("Only English") is None


def test_ts_is_complete_for_the_sources():
    """Every string the sources pass to tr() is in the .ts with a finished translation (else run `make i18n`)."""
    fill = _fill_module()
    messages, _dynamic = fill.extract()
    root = ET.parse(TS).getroot()
    contexts = {c.findtext("name") for c in root.iter("context")}
    assert contexts == {"Sonae"}
    done = fill.read_ts(TS)
    missing = [t[:80] for t in messages if t not in done]
    assert not missing, f"{len(missing)} strings not translated in i18n/sonae_ja.ts; run `make i18n`: {missing[:5]}"
    unfinished = [m.findtext("source")[:80] for m in root.iter("message")
                  if m.find("translation").get("type") == "unfinished"]
    assert not unfinished


_JA = __import__("re").compile(r"[\u3040-\u30ff\u3400-\u9fff]")


def _shown_options(alg):
    """[(parameter, option value, what the dialog shows)] for every enum of ``alg`` in the current language."""
    from qgis.core import QgsProcessingParameterEnum
    from sonae.processing_algorithms.base import localized, option_labels
    out = []
    for d in alg.parameterDefinitions():
        if isinstance(d, QgsProcessingParameterEnum):
            labels = option_labels(d)
            for o in d.options():
                out.append((d.name(), o, localized(labels[o]) if d.usesStaticStrings() else o))
    return out


def test_every_option_label_and_output_name_in_japanese(ja):
    """Japanese mode: no enum option shows a raw id or an English/bilingual label, no output name is English.
    Before (issue 14 / this branch's start): 26 raw or English option labels, 18 untranslated output names."""
    import re
    from qgis.core import QgsApplication
    registry = QgsApplication.processingRegistry()
    raw, outputs = [], []
    for a in registry.providerById("sonae").algorithms():
        alg = registry.createAlgorithmById(a.id())              # a fresh instance: labels made in Japanese mode
        for name, value, shown in _shown_options(alg):
            if not _JA.search(shown) or re.search(r"[A-Za-z]{3,} / ", shown):
                raw.append(f"{alg.name()} {name}={value!r} shows {shown!r}")
        for o in alg.outputDefinitions():
            if not _JA.search(o.description()) or " / " in o.description() and re.search(r"[A-Za-z]{4,}", o.description()):
                outputs.append(f"{alg.name()} {o.name()}: {o.description()!r}")
    assert not raw, f"{len(raw)} option labels not in Japanese: {raw}"
    assert not outputs, f"{len(outputs)} output names not in Japanese: {outputs}"


def test_static_enum_dialog_shows_japanese_and_stores_the_id(ja, qtbot):
    """The dialog widget of a static-string enum (HAZARD_TYPE of sheltercatchments): Japanese labels, the stable
    ids as values (what qgis_process, models and batch files store)."""
    from processing.gui.wrappers import WidgetWrapperFactory
    from qgis.core import QgsApplication
    from qgis.PyQt.QtWidgets import QWidget
    alg = QgsApplication.processingRegistry().createAlgorithmById("sonae:sheltercatchments")
    param = alg.parameterDefinition("HAZARD_TYPE")
    assert param.usesStaticStrings() and "flood" in param.options()
    dialog = QWidget()
    qtbot.addWidget(dialog)
    wrapper = WidgetWrapperFactory.create_wrapper(param, dialog)
    combo = wrapper.widget
    shown = {combo.itemData(i): combo.itemText(i) for i in range(combo.count())}
    assert shown["flood"] == "洪水" and shown["tsunami"] == "津波"
    wrapper.setValue("tsunami")
    assert wrapper.value() == "tsunami"


def test_english_mode_keeps_bilingual_option_labels(qgis_app):
    from qgis.core import QgsApplication
    alg = QgsApplication.processingRegistry().createAlgorithmById("sonae:sheltercatchments")
    shown = dict((v, s) for _n, v, s in _shown_options(alg) if _n == "HAZARD_TYPE")
    assert shown["flood"] == "Flood / 洪水"


def test_localized_falls_back_to_the_japanese_half(ja):
    from sonae.processing_algorithms.base import japanese_half, localized
    assert localized("Not in the ts yet / まだ訳にない") == "まだ訳にない"
    assert localized("Flood / 洪水") == "洪水"
    assert japanese_half("3.5 m2 (Cabinet Office 2024 / Sphere) / 3.5㎡（内閣府）") == "3.5㎡（内閣府）"
    assert japanese_half("Evacuees vs capacity / 避難者数 / 収容可能人数") == "避難者数 / 収容可能人数"
    assert japanese_half("English only") is None
