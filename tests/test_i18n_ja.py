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
    assert alg.shortHelpString().startswith("印刷レイアウトでA3横の図面集")
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
