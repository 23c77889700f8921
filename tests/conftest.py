"""pytest set-up: a real QgsApplication with Processing and the Sonae provider (no mocked QGIS).

Run through ``make test`` (which links the checkout as build/plugins/sonae and runs pytest from there).
"""
from __future__ import annotations

import os
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))
SHARED = os.environ.get("SONAE_SHARED", os.path.abspath(os.path.join(ROOT, "..", "shared")))
DATA = os.path.join(SHARED, "data")
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if os.environ.get("SONAE_NO_QGIS") != "1":     # make test-current: the wheels bring their own PROJ data
    os.environ.setdefault("PROJ_DATA", "/usr/share/proj")
if "/usr/share/qgis/python/plugins" not in sys.path:
    sys.path.append("/usr/share/qgis/python/plugins")

_APP = None

from .platform_fixture import pg_cluster, platform  # noqa: E402,F401  (session fixtures of the platform tests)


def shared_data(*parts: str) -> str:
    path = os.path.join(DATA, *parts)
    if not os.path.exists(path):
        pytest.fail(f"shared data file missing: {path} (../shared must sit beside the checkout)")
    return path


@pytest.fixture(scope="session")
def qgis_app():
    """One QgsApplication for the whole session, Processing initialised, the Sonae provider registered."""
    global _APP
    if _APP is None:
        from qgis.core import QgsApplication
        app = QgsApplication([], True)
        app.initQgis()
        from processing.core.Processing import Processing
        Processing.initialize()
        from sonae.processing_algorithms.provider import SonaeProvider
        provider = SonaeProvider()
        assert QgsApplication.processingRegistry().addProvider(provider), "sonae provider not registered"
        app._sonae_provider = provider          # keep the Python object alive
        _APP = app
    # exitQgis() is deliberately not called: it segfaults at exit while layers/GDAL datasets live (PLATFORM.md).
    return _APP


@pytest.fixture(scope="session")
def qapp(qgis_app):
    """pytest-qt uses the QgsApplication."""
    return qgis_app


@pytest.fixture
def run_alg(qgis_app):
    """Run a Processing algorithm through processing.run and return its results."""
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsProject

    class Feedback(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.infos, self.errors = [], []

        def pushInfo(self, info):  # noqa: N802
            self.infos.append(info)

        def reportError(self, error, fatalError=False):  # noqa: N802,N803
            self.errors.append(error)

    def _run(alg_id, params, feedback=None):
        fb = feedback or Feedback()
        ctx = QgsProcessingContext()
        ctx.setProject(QgsProject.instance())    # as the Processing dialog does: project layers resolve by id
        result = processing.run(alg_id, params, feedback=fb, context=ctx)
        result["_feedback"] = fb
        return result

    return _run


# --- `make test-current`: only the QGIS-free tests, in a venv without QGIS (SONAE_NO_QGIS=1) -------------------
NO_QGIS = os.environ.get("SONAE_NO_QGIS") == "1"
_QGIS_FIXTURES = {"qgis_app", "qapp", "qtbot", "run_alg"}


def _imports_qgis_at_top(path) -> bool:
    import ast
    try:
        tree = ast.parse(open(path, encoding="utf-8").read())
    except (OSError, SyntaxError):
        return False
    for node in tree.body:
        names = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            names = [node.module or ""]
        if any(n.split(".")[0] in ("qgis", "processing", "osgeo", "psycopg2") for n in names):   # come with QGIS
            return True
    return False


def pytest_ignore_collect(collection_path, config):  # noqa: D401 — pytest hook
    if NO_QGIS and collection_path.suffix == ".py" and _imports_qgis_at_top(collection_path):
        return True
    return None


def pytest_collection_modifyitems(config, items):
    if not NO_QGIS:
        return
    import inspect
    keep, drop = [], []
    for item in items:
        needs = bool(_QGIS_FIXTURES & set(getattr(item, "fixturenames", ())))
        if not needs and hasattr(item, "function"):
            try:
                src = inspect.getsource(item.function)
            except (OSError, TypeError):
                src = ""
            needs = any(s in src for s in ("import qgis", "from qgis", "import processing", "qgis_process(", "from osgeo",
                                           "sonae.processing_algorithms", "sonae.plugin.gui", "sonae.plugin.dock",
                                           "qgis_env(", "xvfb-run"))
        (drop if needs else keep).append(item)
    items[:] = keep
    config.hook.pytest_deselected(items=drop)
