"""Per-language help pages (help/<lang>/<alg_id>.html) are shipped, complete and used by the algorithms."""
from __future__ import annotations

import os
import re

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))


def _algorithms():
    from qgis.core import QgsApplication
    return QgsApplication.processingRegistry().providerById("sonae").algorithms()


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_every_algorithm_has_a_page_per_language_naming_every_parameter(qgis_app, lang):
    from sonae.processing_algorithms.base import read_help
    for alg in _algorithms():
        path = os.path.join(ROOT, "help", lang, f"{alg.name()}.html")
        assert os.path.exists(path), f"{path} missing: run `cd build/plugins && ../../.venv/bin/python -m sonae.scripts.make_help`"
        description, params = read_help(path)
        assert len(description) > 40, path
        for p in alg.parameterDefinitions():
            assert params.get(p.name()), (path, p.name(), "new parameter: run scripts/make_help.py (adds it)")
        text = re.sub(r"<[^>]+>", "", description + "".join(params.values()))
        cjk = len(re.findall(r"[\u3040-\u30ff\u4e00-\u9fff]", text))
        if lang == "ja":
            assert cjk > 20, path
        else:
            assert cjk < 0.15 * len(text), (path, "the English page holds Japanese text")


def test_help_url_is_a_local_page_that_exists(qgis_app):
    from qgis.PyQt.QtCore import QUrl
    for alg in _algorithms():
        url = QUrl(alg.helpUrl())
        assert url.isLocalFile(), alg.helpUrl()
        assert os.path.exists(url.toLocalFile()), alg.helpUrl()
        assert url.toLocalFile().endswith(os.path.join("help", "en", f"{alg.name()}.html"))


def test_short_help_comes_from_the_page_of_the_ui_language(qgis_app, tmp_path):
    import subprocess
    from qgis.core import QgsApplication
    from qgis.PyQt.QtCore import QCoreApplication, QTranslator
    from sonae.processing_algorithms.base import read_help
    registry = QgsApplication.processingRegistry()
    alg = registry.createAlgorithmById("sonae:hazardexposure")
    en_desc, en_params = read_help(os.path.join(ROOT, "help", "en", "hazardexposure.html"))
    assert alg.shortHelpString().startswith(en_desc)
    assert en_params["RADIUS_M"] in alg.shortHelpString()
    qm = str(tmp_path / "sonae_ja.qm")
    subprocess.run(["lrelease", "-silent", os.path.join(ROOT, "i18n", "sonae_ja.ts"), "-qm", qm], check=True)
    translator = QTranslator()
    assert translator.load(qm)
    QCoreApplication.installTranslator(translator)
    try:
        ja = registry.createAlgorithmById("sonae:hazardexposure")
        ja_desc, ja_params = read_help(os.path.join(ROOT, "help", "ja", "hazardexposure.html"))
        text = ja.shortHelpString()
        assert text.startswith(ja_desc) and ja_params["RADIUS_M"] in text
        assert en_desc not in text
        assert ja.helpUrl().endswith("help/ja/hazardexposure.html")
    finally:
        QCoreApplication.removeTranslator(translator)


def test_a_parameter_missing_from_the_page_falls_back_to_the_code_text(qgis_app, monkeypatch):
    from qgis.core import QgsApplication
    from sonae.processing_algorithms import base
    alg = QgsApplication.processingRegistry().createAlgorithmById("sonae:hazardexposure")
    monkeypatch.setattr(base, "read_help", lambda path: ("Page text.", {}))
    text = alg.shortHelpString()
    assert text.startswith("Page text.")
    assert "<code>RADIUS_M</code>" in text and "Also take the highest value" in text
