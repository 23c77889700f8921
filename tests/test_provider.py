"""Every algorithm of the sonae provider follows the shared contract of processing_algorithms/base.py."""
from __future__ import annotations

import re

import pytest


def _algorithms():
    from qgis.core import QgsApplication
    provider = QgsApplication.processingRegistry().providerById("sonae")
    assert provider is not None
    return provider.algorithms()


def test_provider_is_registered_with_algorithms(qgis_app):
    from sonae.processing_algorithms.provider import algorithm_classes
    ids = {a.id() for a in _algorithms()}
    assert "sonae:importshelters" in ids
    assert ids == {f"sonae:{cls.ALG_ID}" for cls in algorithm_classes()}


def test_every_algorithm_has_stable_id_group_help_and_parameter_help(qgis_app):
    from sonae.processing_algorithms.base import GROUPS
    for alg in _algorithms():
        assert re.fullmatch(r"[a-z][a-z0-9]*", alg.name()), alg.name()
        assert alg.groupId() in GROUPS, (alg.id(), alg.groupId())
        assert alg.displayName() and "/" in alg.displayName(), alg.id()  # "English / 日本語"
        help_text = alg.shortHelpString()
        assert len(help_text) > 80, alg.id()
        for param in alg.parameterDefinitions():
            assert param.help(), f"{alg.id()} parameter {param.name()} has no help text"
            assert f"<code>{param.name()}</code>" in help_text, (alg.id(), param.name())


def test_cancelled_run_leaves_no_output(qgis_app, tmp_path):
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback
    from .conftest import shared_data
    feedback = QgsProcessingFeedback()
    feedback.cancel()
    out = tmp_path / "cancelled.gpkg"
    processing.run("sonae:importshelters",
                   {"INPUTS": [shared_data("miyazaki", "shelters", "gsi_emergency_452017.geojson")],
                    "OUTPUT": str(out)}, feedback=feedback, context=QgsProcessingContext())
    assert not out.exists()


def test_progress_maps_sub_ranges_and_raises_on_cancel():
    from sonae.engine.errors import Cancelled
    from sonae.engine.progress import Progress
    seen = []
    cancelled = {"flag": False}
    progress = Progress(seen.append, lambda: cancelled["flag"])
    child = progress.sub(0.5, 1.0)
    child.update(0.5)
    assert seen == [0.75]
    cancelled["flag"] = True
    with pytest.raises(Cancelled):
        child.update(0.6)


def test_missing_dependencies_are_named_with_versions(monkeypatch):
    from sonae.plugin import environment
    monkeypatch.setattr(environment, "REQUIRED", {"numpy": "1.0", "shapely": "99.0",
                                                  "sonae_no_such_module": "1.0"})
    missing = environment.missing_dependencies()
    import shapely
    assert missing == [f"shapely>=99.0 (found {shapely.__version__})", "sonae_no_such_module>=1.0"]
    assert environment._version("2.0.7") > environment._version("2.0") > environment._version("1.8.5")
