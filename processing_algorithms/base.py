"""The shared base of every Sonae algorithm: group, help, bilingual errors, progress and cancellation.

Subclasses set ``ALG_ID`` (stable lowercase id), ``GROUP`` (one of GROUPS), ``DISPLAY_NAME``, ``SHORT_HELP``
and implement ``initParameters`` (using :meth:`add` so every parameter carries help text) and ``compute``.
Engine errors (:class:`SonaeInputError`) become ``QgsProcessingException`` with the Japanese and English text.
"""
from __future__ import annotations

import os

from qgis.core import QgsProcessingAlgorithm, QgsProcessingException, QgsProcessingFeedback
from qgis.PyQt.QtCore import QCoreApplication

from ..engine.errors import Cancelled, SonaeInputError
from ..engine.progress import Progress

GROUPS = {
    "import": "Import / 読み込み",
    "hazard": "Hazard / ハザード",
    "demand": "Demand / 避難需要",
    "stockpile": "Stockpile / 備蓄",
    "energy": "Energy / エネルギー",
    "mobility": "Mobility / 移動・EV",
    "districts": "Districts and subsidy / 地区・補助金",
    "report": "Report / 報告",
    "platform": "Shared platform / 共有基盤",
}
HELP_DIR = os.path.join(os.path.dirname(__file__), "..", "help")


def tr(text: str) -> str:
    return QCoreApplication.translate("Sonae", text)


def error(en: str, ja: str) -> QgsProcessingException:
    """A bilingual QgsProcessingException (Japanese first, then English)."""
    return QgsProcessingException(f"{ja}\n{en}")


def feedback_progress(feedback: QgsProcessingFeedback | None) -> Progress:
    if feedback is None:
        return Progress()
    return Progress(lambda f: feedback.setProgress(100.0 * f), feedback.isCanceled,
                    feedback.pushInfo, feedback.reportError)


class SonaeAlgorithm(QgsProcessingAlgorithm):
    ALG_ID = ""
    GROUP = ""
    DISPLAY_NAME = ""
    SHORT_HELP = ""

    def __init__(self):
        super().__init__()
        self._param_help = []       # (label, help) in order, for shortHelpString
        self._post_processors = []  # keep Python references alive until QGIS has run them

    # --- identity -------------------------------------------------------------------------------------------
    def name(self):
        return self.ALG_ID

    def displayName(self):
        return tr(self.DISPLAY_NAME)

    def group(self):
        return tr(GROUPS[self.GROUP])

    def groupId(self):
        return self.GROUP

    def createInstance(self):
        return type(self)()

    def tr(self, text):
        return tr(text)

    # --- parameters and help --------------------------------------------------------------------------------
    def initAlgorithm(self, config=None):
        self._param_help = []
        self.initParameters(config)

    def initParameters(self, config=None):
        raise NotImplementedError

    def add(self, parameter, help_text: str, advanced: bool = False, **values):
        """Add a parameter with its help text (shown in the dialog tooltip and in shortHelpString).

        ``help_text`` is translated first, then ``values`` are filled into its ``{placeholders}``, so help that
        quotes rule data stays translatable.
        """
        help_text = tr(help_text).format(**values) if values else tr(help_text)
        parameter.setHelp(help_text)
        if advanced:
            from qgis.core import QgsProcessingParameterDefinition
            parameter.setFlags(parameter.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
        self.addParameter(parameter)
        self._param_help.append((parameter.name(), parameter.description(), help_text))
        return parameter

    def shortHelpString(self):
        lines = [tr(self.SHORT_HELP), "", "<b>" + tr("Parameters / パラメータ") + "</b>", "<ul>"]
        for name, label, help_text in self._param_help:
            lines.append(f"<li><b>{label}</b> (<code>{name}</code>): {help_text}</li>")
        lines.append("</ul>")
        lines.append(f"<p>id: <code>sonae:{self.ALG_ID}</code></p>")
        return "\n".join(lines)

    def helpUrl(self):
        return "https://github.com/sonae-qgis/sonae#" + self.ALG_ID

    # --- running --------------------------------------------------------------------------------------------
    def processAlgorithm(self, parameters, context, feedback):
        progress = feedback_progress(feedback)
        try:
            return self.compute(parameters, context, feedback, progress)
        except SonaeInputError as exc:
            raise QgsProcessingException(str(exc)) from None
        except Cancelled:
            feedback.reportError(tr("Cancelled / 中止しました"), fatalError=False)
            return {}

    def compute(self, parameters, context, feedback, progress: Progress) -> dict:
        raise NotImplementedError
