"""SonaePlugin: registers the Processing provider (also for qgis_process), the menu, toolbar and translator."""
from __future__ import annotations

import os

from qgis.core import QgsApplication, QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QLocale, QTranslator

PLUGIN_DIR = os.path.dirname(os.path.dirname(__file__))


def install_translator(locale: str | None = None):
    """Install i18n/sonae_<lang>.qm for the QGIS locale (or ``locale``). Returns the translator or None.

    The caller must keep a reference: a garbage-collected QTranslator silently reverts the translations.
    """
    if locale is None:
        locale = QgsSettings().value("locale/userLocale", QLocale().name()) or "en"
    lang = str(locale)[:2]
    path = os.path.join(PLUGIN_DIR, "i18n", f"sonae_{lang}.qm")
    if not os.path.exists(path):
        return None
    translator = QTranslator()
    if translator.load(path):
        QCoreApplication.installTranslator(translator)
        return translator
    return None


class SonaePlugin:
    def __init__(self, iface):
        self.iface = iface
        self.provider = None
        self.translator = install_translator()
        self.menu = None
        self.toolbar = None
        self.actions = []
        self.dock = None

    # qgis_process calls initProcessing only; the desktop calls initGui (which calls it too).
    def initProcessing(self):  # noqa: N802
        """Register the provider with every algorithm; each one says in canExecute what it still needs."""
        from ..processing_algorithms.provider import SonaeProvider
        if self.provider is None:
            provider = SonaeProvider()
            if not QgsApplication.processingRegistry().addProvider(provider):
                raise RuntimeError("Sonae: the processing provider could not be registered")
            self.provider = provider

    def initGui(self):  # noqa: N802
        self.initProcessing()
        if self.provider is None:
            return
        try:
            from .gui import build_gui
        except ImportError:
            return
        build_gui(self)

    def unload(self):
        try:
            from .gui import remove_gui
            remove_gui(self)
        except ImportError:
            pass
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
