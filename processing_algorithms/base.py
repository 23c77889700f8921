"""The shared base of every Sonae algorithm: group, help, bilingual errors, progress and cancellation.

Subclasses set ``ALG_ID`` (stable lowercase id), ``GROUP`` (one of GROUPS), ``DISPLAY_NAME``, ``SHORT_HELP``
and implement ``initParameters`` (using :meth:`add` so every parameter carries help text) and ``compute``.
Engine errors (:class:`SonaeInputError`) become ``QgsProcessingException`` with the Japanese and English text.

``REQUIRES`` names the Python packages an algorithm needs (import names, see plugin/dependencies.py); every
algorithm is registered, and ``canExecute`` names the missing ones. Modules of this package are imported when
the provider loads, so they import only qgis and the standard library at the top; pandas, geopandas, the engine
and the other heavy libraries are imported inside ``compute`` (see :func:`lazy`).

Help pages are per-language files ``help/<lang>/<alg_id>.html`` (generated from the code's strings by
``scripts/make_help.py``, then edited as text): ``shortHelpString`` shows the description and parameter help
of the page in the UI language and ``helpUrl`` opens the whole page (a local file: works offline).
"""
from __future__ import annotations

import html
import importlib
import os
import re

from qgis.core import Qgis, QgsProcessingAlgorithm, QgsProcessingException, QgsProcessingFeedback
from qgis.PyQt.QtCore import QCoreApplication, QUrl

from ..engine.errors import Cancelled, SonaeInputError
from ..engine.progress import Progress
from ..plugin import dependencies

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
HELP_DIR = os.path.normpath(os.path.join(os.path.dirname(__file__), "..", "help"))
HELP_LANGUAGES = ("en", "ja")
_LANG_PROBE = "Parameters / パラメータ"    # translated in i18n/sonae_ja.ts: tells whether Japanese is active


def tr(text: str) -> str:
    return QCoreApplication.translate("Sonae", text)


def ui_language() -> str:
    """'ja' when Sonae's Japanese translation is installed (plugin.sonae_plugin.install_translator), else 'en'."""
    return "ja" if tr(_LANG_PROBE) != _LANG_PROBE else "en"


def help_path(alg_id: str, lang: str | None = None) -> str | None:
    """help/<lang>/<alg_id>.html, falling back to English; None when neither exists."""
    for candidate in (lang or ui_language(), "en"):
        path = os.path.join(HELP_DIR, candidate, f"{alg_id}.html")
        if os.path.exists(path):
            return path
    return None


_DESCRIPTION = re.compile(r'<div class="description">(.*?)</div>', re.S)
_PARAM = re.compile(r'<dt id="([A-Za-z0-9_]+)">.*?</dt>\s*<dd>(.*?)</dd>', re.S)


def read_help(path: str) -> tuple[str, dict]:
    """(description HTML, {parameter name: help HTML}) of a help page."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    m = _DESCRIPTION.search(text)
    description = re.sub(r"</p>\s*<p>", "<br><br>", m.group(1).strip() if m else "")
    description = re.sub(r"^<p>|</p>$", "", description)      # the toolbox panel adds its own margins
    return description, {k: v.strip() for k, v in _PARAM.findall(text)}


class lazy:  # noqa: N801 — used like a module
    """A module imported on first attribute access: ``gpd = lazy("geopandas")`` keeps a module's top light."""

    def __init__(self, name: str, package: str | None = None):
        self._name, self._package, self._module = name, package, None

    def __getattr__(self, attr):
        if self._module is None:
            self._module = importlib.import_module(self._name, self._package)
        return getattr(self._module, attr)


def error(en: str, ja: str) -> QgsProcessingException:
    """A bilingual QgsProcessingException (Japanese first, then English)."""
    return QgsProcessingException(f"{ja}\n{en}")


def _range_text(definition) -> tuple[str, str]:
    lo, hi = definition.minimum(), definition.maximum()
    big = 1e300
    lo_s = None if lo <= -big or lo == -2147483648 else f"{lo:g}"
    hi_s = None if hi >= big or hi == 2147483647 else f"{hi:g}"
    if lo_s and hi_s:
        return f"{lo_s} to {hi_s}", f"{lo_s}〜{hi_s}"
    if lo_s:
        return f"{lo_s} or more", f"{lo_s}以上"
    if hi_s:
        return f"{hi_s} or less", f"{hi_s}以下"
    return "", ""


def number_range_help(parameter) -> str:
    """' Allowed: 0 to 1. / 範囲: 0〜1。' for a number parameter with limits (appended to its help)."""
    if parameter.type() != "number":
        return ""
    en, ja = _range_text(parameter)
    integer = parameter.dataType() == parameter.Integer
    if not en:
        return " Whole number. / 整数。" if integer else ""
    return f" Allowed: {en}{', whole number' if integer else ''}. / 範囲: {ja}{'（整数）' if integer else ''}。"


def _number_parameter(definition, raw):
    """The value of a number parameter, parsed with engine.parsing when given as text, checked against the
    parameter's range; None when QGIS should resolve it (empty, default, expression/property)."""
    from ..engine.parsing import NumberError, family_for_field, parse_number
    if definition is None or raw is None or isinstance(raw, bool):
        return None
    if isinstance(raw, (int, float)):
        value = float(raw)
    elif isinstance(raw, str):
        if raw.strip() == "":
            return None
        try:
            family = family_for_field(definition.name())
            value = parse_number(raw, family=family, percent="fraction" if family == "fraction" else None)
        except NumberError as exc:
            en, ja = _range_text(definition)
            raise SonaeInputError(
                f"Parameter {definition.name()} ({definition.description()}): '{raw}' cannot be read ({exc.en}). "
                f"Enter a plain number{' (' + en + ')' if en else ''} with a decimal point, e.g. 0.85.",
                f"パラメータ {definition.name()}（{definition.description()}）: 「{raw}」を読めません（{exc.ja}）。"
                f"小数点を使った数値{'（' + ja + '）' if ja else ''}を入力してください（例: 0.85）。") from None
        if value is None:
            return None
    else:
        return None                         # QgsProperty and the like: QGIS evaluates them
    lo, hi = definition.minimum(), definition.maximum()
    integer = definition.dataType() == definition.Integer
    if not (lo <= value <= hi) or (integer and not float(value).is_integer()) or value != value:
        en, ja = _range_text(definition)
        what_en = "a whole number" if integer else "a number"
        raise SonaeInputError(
            f"Parameter {definition.name()} ({definition.description()}): {raw} is out of range. Enter {what_en}"
            f"{' from ' + en if en else ''}.",
            f"パラメータ {definition.name()}（{definition.description()}）: {raw} は範囲外です。"
            f"{ja + 'の' if ja else ''}{'整数' if integer else '数値'}を入力してください。")
    return value


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
    REQUIRES: tuple = dependencies.BASE_REQUIRES   # import names; see plugin/dependencies.PACKAGES

    def __init__(self):
        super().__init__()
        self._param_help = []       # (name, label, help) in order, for shortHelpString

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
        help_text += number_range_help(parameter)
        parameter.setHelp(help_text)
        if advanced:
            parameter.setFlags(parameter.flags() | Qgis.ProcessingParameterFlag.Advanced)
        self.addParameter(parameter)
        self._param_help.append((parameter.name(), parameter.description(), help_text))
        return parameter

    def shortHelpString(self):
        lang = ui_language()
        path = help_path(self.ALG_ID, lang)
        description, page_params = read_help(path) if path else (tr(self.SHORT_HELP), {})
        heading = "パラメータ" if path and path.split(os.sep)[-2] == "ja" else tr("Parameters / パラメータ")
        lines = [description, "", f"<b>{heading}</b>", "<ul>"]
        for name, label, help_text in self._param_help:
            text = page_params.get(name) or html.escape(help_text)   # a parameter newer than the page: code text
            lines.append(f"<li><b>{label}</b> (<code>{name}</code>): {text}</li>")
        lines.append("</ul>")
        missing = dependencies.missing(self.REQUIRES)
        if missing:
            lines.append("<p><b>" + html.escape(dependencies.message(missing)).replace("\n", "<br>") + "</b></p>")
        lines.append(f"<p>id: <code>sonae:{self.ALG_ID}</code></p>")
        return "\n".join(lines)

    def helpUrl(self):
        path = help_path(self.ALG_ID)
        return QUrl.fromLocalFile(path).toString() if path else ""

    def canExecute(self):  # noqa: N802
        missing = dependencies.missing(self.REQUIRES)
        if missing:
            return False, dependencies.message(missing, self.ALG_ID)
        return True, ""

    # --- parameter checks ---------------------------------------------------------------------------------
    def checkParameterValues(self, parameters, context):  # noqa: N802 (QGIS API)
        """QGIS's own check, after two Sonae steps: numeric text such as "0,85" or "０．８５" is parsed (QGIS itself
        reads it as 0.0), and a raster file that exists but cannot be read (a text file named .tif, a truncated
        download) gets a clear bilingual message where QGIS would say 'not found'."""
        checked = dict(parameters)
        for definition in self.parameterDefinitions():
            if definition.type() != "number":
                continue
            try:
                value = _number_parameter(definition, parameters.get(definition.name()))
            except SonaeInputError as exc:
                return False, str(exc)
            if value is not None and isinstance(parameters.get(definition.name()), str):
                checked[definition.name()] = value          # QGIS's own check cannot read '１２' or '0,85'
        ok, message = super().checkParameterValues(checked, context)
        if ok:
            return ok, message
        from qgis.core import QgsProcessingParameterRasterLayer
        for definition in self.parameterDefinitions():
            value = parameters.get(definition.name())
            if isinstance(definition, QgsProcessingParameterRasterLayer) and isinstance(value, str) \
                    and os.path.isfile(value.split("|")[0]) and definition.name() in message:
                from ..engine.rasters import unreadable
                return False, str(unreadable(value.split("|")[0], definition.name()))
        return ok, message

    def parameterAsDouble(self, parameters, name, context):
        value = _number_parameter(self.parameterDefinition(name), parameters.get(name))
        return super().parameterAsDouble(parameters, name, context) if value is None else float(value)

    def parameterAsInt(self, parameters, name, context):
        value = _number_parameter(self.parameterDefinition(name), parameters.get(name))
        return super().parameterAsInt(parameters, name, context) if value is None else int(value)

    # --- running --------------------------------------------------------------------------------------------
    def processAlgorithm(self, parameters, context, feedback):
        ok, why = self.canExecute()      # not every caller (processing.run, models) asks canExecute first
        if not ok:
            raise QgsProcessingException(why)
        progress = feedback_progress(feedback)
        # Every output is resolved and checked against the inputs first, written to a staging place, and moved
        # into place only when the whole run succeeded (destinations.py): a failed or cancelled run leaves the
        # previous outputs as they were and no new file or table.
        from . import destinations
        try:
            destinations.preflight(self, parameters, context)
            result = self.compute(parameters, context, feedback, progress)
            if feedback is not None and feedback.isCanceled():
                raise Cancelled()
            destinations.commit_all(self, context)
            return result
        except SonaeInputError as exc:
            destinations.rollback_all(self, context)
            raise QgsProcessingException(str(exc)) from None
        except Cancelled:
            destinations.rollback_all(self, context)
            if feedback is not None:
                feedback.reportError(tr("Cancelled; no output was written. / 中止しました。出力は書き込んでいません。"),
                                     fatalError=False)
            return {}
        except BaseException:
            destinations.rollback_all(self, context)
            raise

    def compute(self, parameters, context, feedback, progress: Progress) -> dict:
        raise NotImplementedError
