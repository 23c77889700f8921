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
ICON_DIR = os.path.normpath(os.path.join(os.path.dirname(__file__), "..", "plugin", "icons"))
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


ENUM_WRAPPER = "sonae.processing_algorithms._enum_widget.LabelledEnumWrapper"


def labelled_enum(parameter, labels: dict):
    """Show {id: "English / 日本語"} labels for a static-string enum in the dialogs (the stored value stays the id).

    Returns the parameter. The wrapper module is imported by the Processing dialog only (processing_algorithms/
    _enum_widget.py)."""
    package = __name__.rsplit(".", 2)[0]
    meta = dict(parameter.metadata())
    meta["widget_wrapper"] = {"class": ENUM_WRAPPER.replace("sonae.", package + ".", 1),
                              "labels": {str(k): str(v) for k, v in labels.items()}}
    parameter.setMetadata(meta)
    return parameter


def _legacy_index(value):
    """An enum given as an index (int, or digits as text): old models, batch files and scripts. Else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)) and float(value).is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value.strip())
    return None


class lazy:  # noqa: N801 — used like a module
    """A module imported on first attribute access: ``gpd = lazy("geopandas")`` keeps a module's top light (the
    provider imports every algorithm module when QGIS or qgis_process starts)."""

    def __init__(self, name: str, package: str | None = None):
        self._name, self._package, self._module = name, package, None

    def _load(self):
        if self._module is None:
            self._module = importlib.import_module(self._name, self._package)
        return self._module

    def __getattr__(self, attr):
        if attr.startswith("__") and attr.endswith("__"):
            raise AttributeError(attr)
        return getattr(self._load(), attr)


class _LazyName:
    """One name of a lazily imported module, resolved on first use (call, attribute, iteration, indexing ...)."""

    def __init__(self, module: lazy, name: str):
        self._lz_module, self._lz_name = module, name

    def _lz(self):
        return getattr(self._lz_module._load(), self._lz_name)

    def __call__(self, *args, **kwargs):
        return self._lz()(*args, **kwargs)

    def __getattr__(self, attr):
        if attr.startswith("_lz"):
            raise AttributeError(attr)
        return getattr(self._lz(), attr)

    def __iter__(self):
        return iter(self._lz())

    def __getitem__(self, key):
        return self._lz()[key]

    def __contains__(self, item):
        return item in self._lz()

    def __len__(self):
        return len(self._lz())

    def __bool__(self):
        return bool(self._lz())

    def __eq__(self, other):
        return self._lz() == other

    def __hash__(self):
        return hash(self._lz())

    def __str__(self):
        return str(self._lz())

    def __repr__(self):
        return f"<lazy {self._lz_module._name}.{self._lz_name}>"

    def __format__(self, spec):
        return format(self._lz(), spec)

    def __instancecheck__(self, obj):
        return isinstance(obj, self._lz())


def lazy_from(package: str, module: str, *names: str):
    """``a, b = lazy_from(__name__, "..engine.hazard", "a", "b")``: ``from ..engine.hazard import a, b`` done on
    first use. ``package`` is the importing module's ``__name__`` (relative names resolve against its package)."""
    anchor = package.rsplit(".", 1)[0] if module.startswith(".") else None
    mod = lazy(module, anchor)
    proxies = tuple(_LazyName(mod, n) for n in names)
    return proxies if len(proxies) != 1 else proxies[0]


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
    if definition is None or definition.type() != "number" or raw is None or isinstance(raw, bool):
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


def _gdal_opens(path: str) -> bool:
    """True when GDAL opens ``path`` as a raster (then QGIS's refusal is about something else)."""
    try:
        from osgeo import gdal
        with gdal.ExceptionMgr(useExceptions=False) if hasattr(gdal, "ExceptionMgr") else _Quiet():
            return gdal.OpenEx(path, gdal.OF_RASTER) is not None
    except Exception:                   # noqa: BLE001
        return False


class _Quiet:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


class SonaeAlgorithm(QgsProcessingAlgorithm):
    ALG_ID = ""
    GROUP = ""
    DISPLAY_NAME = ""
    SHORT_HELP = ""
    TAGS: tuple = ()                               # extra search words for the toolbox (English and Japanese)
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

    def svgIconPath(self):  # noqa: N802
        return os.path.join(ICON_DIR, f"{self.GROUP}.svg")

    def icon(self):
        from qgis.PyQt.QtGui import QIcon
        return QIcon(self.svgIconPath())

    def shortDescription(self):  # noqa: N802
        """The first sentence of the help page (the toolbox tooltip)."""
        path = help_path(self.ALG_ID)
        text = read_help(path)[0] if path else tr(self.SHORT_HELP)
        text = re.sub(r"<[^>]+>", " ", text.split("<br>")[0])
        text = re.sub(r"\s+", " ", text).strip()          # entities kept: the toolbox shows rich text
        m = re.search(r"^(.+?[.。])(\s|$)", text)
        text = m.group(1) if m else text
        return text if len(text) <= 240 else text[:239].rsplit(" ", 1)[0] + "…"

    def tags(self):
        return ["sonae", "備え", self.GROUP, *self.TAGS, *re.split(r"\s*/\s*", tr(GROUPS[self.GROUP]))]

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

    def require(self, *names: str, why: str = "") -> None:
        """Refuse (bilingually, naming the installer) when a package needed for this input is missing: for
        packages only some inputs need (jismesh for mesh codes, exactextract for polygon zones, pvlib without a
        PV profile CSV). ``REQUIRES`` lists what every run needs (checked by canExecute)."""
        missing = dependencies.missing(names)
        if missing:
            raise QgsProcessingException(dependencies.message(missing, f"{self.ALG_ID} ({why})" if why
                                                              else self.ALG_ID))

    def canExecute(self):  # noqa: N802
        missing = dependencies.missing(self.REQUIRES)
        if missing:
            return False, dependencies.message(missing, self.ALG_ID)
        return True, ""

    # --- enums (static strings: stable names; indexes of old models still accepted) ---------------------------
    def _enum_problem(self, param, value):
        """None when ``value`` is acceptable for the static-string enum ``param``, else the bilingual message."""
        options = param.options()
        shown = ", ".join(options)
        index = _legacy_index(value)
        if index is not None:
            if 0 <= index < len(options):
                return None
            return (f"パラメータ {param.name()}: 番号 {index} の選択肢はありません（0～{len(options) - 1}）。"
                    f"名前で指定してください: {shown}\n"
                    f"Parameter {param.name()}: there is no option number {index} (0-{len(options) - 1}). "
                    f"Give the name instead: {shown}")
        if isinstance(value, (str, float)) and value not in options:
            return (f"パラメータ {param.name()}: 「{value}」は選択肢にありません。使える値: {shown}\n"
                    f"Parameter {param.name()}: '{value}' is not one of the options. Use one of: {shown}")
        return None

    def _static_enums(self):
        from qgis.core import QgsProcessingParameterEnum
        return [p for p in self.parameterDefinitions()
                if isinstance(p, QgsProcessingParameterEnum) and p.usesStaticStrings() and not p.allowMultiple()]

    def _check_enums(self, parameters) -> tuple[str | None, dict]:
        """(bilingual problem or None, parameters with legacy enum indexes replaced by the option names)."""
        fixed = dict(parameters)
        for param in self._static_enums():
            if param.name() in fixed and fixed[param.name()] is not None:
                why = self._enum_problem(param, fixed[param.name()])
                if why:
                    return why, fixed
                index = _legacy_index(fixed[param.name()])
                if index is not None:
                    fixed[param.name()] = param.options()[index]
        return None, fixed

    def enum_value(self, parameters, name, context) -> str:
        """The chosen option's name of a static-string enum (an index from an old model is mapped to its name)."""
        param = self.parameterDefinition(name)
        value = parameters.get(name)
        if value is not None and _legacy_index(value) is not None:
            why = self._enum_problem(param, value)
            if why:
                raise QgsProcessingException(why)
            return param.options()[_legacy_index(value)]
        if isinstance(value, str) and value not in param.options():
            raise QgsProcessingException(self._enum_problem(param, value))
        return self.parameterAsEnumString(parameters, name, context)

    # --- parameter checks ---------------------------------------------------------------------------------
    def checkParameterValues(self, parameters, context):  # noqa: N802 (QGIS API)
        """QGIS's own check, after two Sonae steps: numeric text such as "0,85" or "０．８５" is parsed (QGIS itself
        reads it as 0.0), and a raster file that exists but cannot be read (a text file named .tif, a truncated
        download) gets a clear bilingual message where QGIS would say 'not found'."""
        why, checked = self._check_enums(parameters)     # enum names; indexes of old models mapped to names
        if why:
            return False, why
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
                    and os.path.isfile(value.split("|")[0]) \
                    and re.search(r"\b%s\b" % re.escape(definition.name()), message) \
                    and not _gdal_opens(value.split("|")[0]):
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
        except ModuleNotFoundError as exc:
            destinations.rollback_all(self, context)
            top = (exc.name or "").split(".")[0]
            if top in dependencies.PACKAGES:     # a package only this input needs (jismesh, exactextract, pvlib ...)
                dist, minimum, _shipped = dependencies.PACKAGES[top]
                raise QgsProcessingException(dependencies.message([f"{dist}>={minimum}"], self.ALG_ID)) from None
            raise
        except BaseException:
            destinations.rollback_all(self, context)
            raise

    def compute(self, parameters, context, feedback, progress: Progress) -> dict:
        raise NotImplementedError
