"""Every output destination of a Sonae algorithm, resolved and checked before anything is written.

One place for what used to be scattered "does the file exist" checks (issue 11):

* :func:`preflight` (called by ``SonaeAlgorithm.processAlgorithm`` before ``compute``) resolves every destination
  parameter to the file and GeoPackage table QGIS would write (``facilities_2026.03.31.gpkg`` -> table
  ``facilities_2026``; ``weird.foo`` -> ``weird.foo.gpkg``; ``ogr:dbname=... table=...``; ``memory:``), and refuses
  an output that resolves to an input (same file, same GeoPackage table, same CSV, compared with
  ``os.path.samefile``/realpath over every input parameter) or to another output of the same run.
* Outputs are *staged*: a new file is written under a hidden staging folder beside the destination and moved
  into place only when the whole algorithm succeeded (:func:`commit_all`); a new table for an existing
  GeoPackage is written into that GeoPackage under a temporary name and renamed (old table dropped) in one
  transaction. A failed or cancelled run (:func:`rollback_all`) leaves the previous output intact and no new file
  or table. The final path is never touched before the commit, so no "did it exist before" check is needed.
* :func:`spreadsheet_safe` neutralises spreadsheet formulas in text cells of CSV/XLSX outputs (OWASP rule).
"""
from __future__ import annotations

import os
import re
import shutil
import uuid
from dataclasses import dataclass, field

from qgis.core import (QgsDataSourceUri, QgsProcessingContext, QgsProcessingDestinationParameter,
                       QgsProcessingOutputLayerDefinition, QgsProcessingParameterFeatureSink,
                       QgsProcessingParameterFile, QgsProcessingParameterFileDestination,
                       QgsProcessingParameterFolderDestination, QgsProcessingParameterMultipleLayers,
                       QgsProcessingParameterRasterDestination, QgsProcessingParameterVectorDestination,
                       QgsProperty, QgsProviderRegistry, QgsVectorFileWriter)

from ..engine.errors import SonaeInputError

STAGING_PREFIX = ".sonae-staging-"
TEMP_TABLE_PREFIX = "sonae_tmp_"
STAGED_GPKG = "sonae_output.gpkg"
SPREADSHEET_EXTENSIONS = (".csv", ".tsv", ".txt", ".xlsx", ".xls", ".ods")
SHAPE_SIDECARS = (".shp", ".shx", ".dbf", ".prj", ".cpg", ".qix", ".sbn", ".sbx", ".qmd", ".shp.xml")


@dataclass
class Target:
    """Where one destination parameter will write."""
    param: str
    kind: str                       # "file" (any single-file or shapefile output), "gpkg", "memory", "other"
    path: str | None = None         # final file (GeoPackage: the .gpkg file)
    table: str | None = None        # GeoPackage table
    raw: str = ""                   # the destination as given (evaluated)
    sink: bool = False              # a feature sink (QgsProcessingParameterFeatureSink / VectorDestination)

    @property
    def extension(self) -> str:
        return os.path.splitext(self.path or "")[1].lower()

    def describe(self) -> str:
        if self.kind == "gpkg":
            return f"{self.path} (table {self.table})"
        return self.path or self.raw


@dataclass
class InputRef:
    param: str
    path: str
    table: str | None = None        # GeoPackage/SQLite table when the input is one


@dataclass
class Stage:
    """One staged output: commit() moves it into place, rollback() removes every trace of it."""
    target: Target
    staging_dir: str | None = None          # new files: written here first
    temp_table: str | None = None           # existing GeoPackage: the table written under a temporary name
    staged_id: str | None = None            # the destination id QGIS returned for the staged output
    final_id: str | None = None
    created_dirs: list = field(default_factory=list)
    renames: dict = field(default_factory=dict)     # staged file name -> final file name
    host: "Stage | None" = None             # another output of this run creating the same new GeoPackage
    done: bool = False

    def staged_path(self, name: str | None = None) -> str:
        return os.path.join(self.staging_dir, name or os.path.basename(self.target.path))

    def commit(self):
        if self.done:
            return
        if self.temp_table:
            _replace_table(self.target.path, self.temp_table, self.target.table)
        elif self.staging_dir:
            final_dir = os.path.dirname(self.target.path)
            names = sorted(os.listdir(self.staging_dir))
            if self.target.extension == ".shp":      # stale sidecars of the previous shapefile must not survive
                stem = os.path.splitext(self.target.path)[0]
                for ext in SHAPE_SIDECARS:
                    old = stem + ext
                    if os.path.exists(old) and os.path.basename(old) not in names:
                        os.remove(old)
            for name in names:
                os.replace(os.path.join(self.staging_dir, name),
                           os.path.join(final_dir, self.renames.get(name, name)))
            shutil.rmtree(self.staging_dir, ignore_errors=True)
        self.done = True

    def rollback(self):
        if self.done:
            return
        self.done = True
        if self.temp_table:
            try:
                _drop_table(self.target.path, self.temp_table)
            except Exception:           # noqa: BLE001 - best effort; the temporary table has a sonae_tmp_ name
                pass
        if self.staging_dir:
            shutil.rmtree(self.staging_dir, ignore_errors=True)
        for d in reversed(self.created_dirs):
            try:
                os.rmdir(d)
            except OSError:
                pass


# --- resolving ----------------------------------------------------------------------------------------------

def _evaluated(alg, parameters, name, context) -> tuple[str, object]:
    """The destination string as given (expressions evaluated), and the original value."""
    value = parameters.get(name)
    definition = alg.parameterDefinition(name)
    if value is None or value == "":
        value = definition.defaultValue() if definition is not None else None
    raw = value
    if isinstance(value, QgsProcessingOutputLayerDefinition):
        value = value.sink
    if isinstance(value, QgsProperty):
        value = value.valueAsString(context.expressionContext(), "")
        if isinstance(value, tuple):        # PyQGIS returns (value, ok)
            value = value[0]
    return ("" if value is None else str(value)), raw


def qgis_table_name(path: str) -> str:
    """The table QGIS names a GeoPackage output written to a plain path: the file name up to its first dot."""
    base = os.path.basename(path)
    return base.split(".", 1)[0] if not base.startswith(".") else base


def _parse_ogr_uri(uri: str) -> tuple[str, str | None]:
    u = QgsDataSourceUri(uri[4:] if uri.startswith("ogr:") else uri)
    return u.database(), (u.table() or None)


def _gpkg_table(name: str, table: str) -> str:
    """The GeoPackage table an output will be, refused when the GeoPackage standard reserves its name (tables
    starting with 'gpkg', e.g. an output file named gpkg.gpkg or gpkg_2026.gpkg), which GDAL cannot create."""
    if table.lower().startswith("gpkg"):
        raise SonaeInputError(
            f"Output {name}: the GeoPackage table would be named '{table}', but names starting with 'gpkg' are "
            "reserved by the GeoPackage standard. Choose another file name (e.g. shelters.gpkg) or table name.",
            f"出力 {name}: GeoPackageのテーブル名が「{table}」になりますが、「gpkg」で始まる名前はGeoPackageの規格で"
            "予約されています。別のファイル名（例 shelters.gpkg）またはテーブル名を指定してください。")
    return table


def resolve(alg, parameters, name, context) -> Target:
    """The file (and GeoPackage table) the destination parameter ``name`` will write, without writing anything."""
    definition = alg.parameterDefinition(name)
    is_sink = isinstance(definition, (QgsProcessingParameterFeatureSink, QgsProcessingParameterVectorDestination))
    text, _raw = _evaluated(alg, parameters, name, context)
    if not text or text.startswith("memory:") or text == "TEMPORARY_OUTPUT":
        if is_sink or not text:
            return Target(name, "memory", raw=text or "TEMPORARY_OUTPUT", sink=is_sink)
        text = alg.parameterAsFileOutput(parameters, name, context)   # a generated file in QGIS's temp folder
    if isinstance(definition, QgsProcessingParameterFolderDestination):
        return Target(name, "other", path=os.path.abspath(text), raw=text)
    if text.startswith("ogr:"):
        path, table = _parse_ogr_uri(text)
        path = os.path.abspath(path)
        if path.lower().endswith(".gpkg"):
            return Target(name, "gpkg", path=path, table=_gpkg_table(name, table or qgis_table_name(path)),
                          raw=text, sink=is_sink)
        return Target(name, "file", path=path, raw=text, sink=is_sink)
    if re.match(r"^[a-z]+:", text) and not re.match(r"^[A-Za-z]:[\\/]", text):
        return Target(name, "other", raw=text, sink=is_sink)          # postgres:, spatialite:, ... (QGIS writes)
    path, _sep, options = text.partition("|")
    path = os.path.abspath(os.path.expanduser(path))
    table = None
    m = re.search(r"layername=([^|]+)", options)
    if m:
        table = m.group(1)
    ext = os.path.splitext(path)[1].lower()
    if is_sink or isinstance(definition, QgsProcessingParameterRasterDestination):
        if is_sink and (not ext or not QgsVectorFileWriter.driverForExtension(ext[1:])):
            path += ".gpkg"                 # what QGIS does with an unknown extension (weird.foo -> weird.foo.gpkg)
            ext = ".gpkg"
    if ext == ".gpkg" and is_sink:
        return Target(name, "gpkg", path=path, table=_gpkg_table(name, table or qgis_table_name(path)), raw=text,
                      sink=True)
    return Target(name, "file", path=path, raw=text, sink=is_sink)


def _layer_refs(param, layer) -> list:
    if layer is None:
        return []
    try:
        parts = QgsProviderRegistry.instance().decodeUri(layer.providerType(), layer.source())
    except Exception:                   # noqa: BLE001
        parts = {}
    path = parts.get("path") or ""
    if not path or not os.path.exists(path):
        return []
    table = parts.get("layerName") or None
    if table is None and path.lower().endswith((".gpkg", ".sqlite")):
        table = _first_table(path)
    return [InputRef(param, path, table)]


def _first_table(path):
    try:
        from osgeo import ogr
        ds = ogr.Open(path)
        return ds.GetLayer(0).GetName() if ds is not None and ds.GetLayerCount() else None
    except Exception:                   # noqa: BLE001
        return None


def inputs(alg, parameters, context) -> list:
    """Every file (and GeoPackage table) an input parameter of this run reads."""
    refs = []
    for definition in alg.parameterDefinitions():
        name = definition.name()
        if isinstance(definition, QgsProcessingDestinationParameter) or parameters.get(name) in (None, ""):
            continue
        try:
            if isinstance(definition, QgsProcessingParameterMultipleLayers):
                value = parameters.get(name)
                values = value if isinstance(value, (list, tuple)) else [value]
                for v in values:
                    v = v.source() if hasattr(v, "source") else str(v)
                    path = v.split("|")[0]
                    if os.path.isfile(path):
                        m = re.search(r"layername=([^|]+)", v)
                        refs.append(InputRef(name, path, m.group(1) if m else None))
                if not refs or refs[-1].param != name:
                    for layer in alg.parameterAsLayerList(parameters, name, context) or []:
                        refs += _layer_refs(name, layer)
            elif isinstance(definition, QgsProcessingParameterFile):
                path = alg.parameterAsFile(parameters, name, context)
                if path and os.path.exists(path):
                    refs.append(InputRef(name, path))
            elif definition.type() in ("source", "vector", "raster", "layer", "mesh", "pointcloud"):
                refs += _layer_refs(name, alg.parameterAsLayer(parameters, name, context))
        except Exception:               # noqa: BLE001 - an unreadable input is refused later by its own reader
            continue
    return refs


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.normcase(os.path.realpath(a)) == os.path.normcase(os.path.realpath(b))


def _shape_group(path: str) -> str:
    """A shapefile's parts collide with each other (writing x.shp replaces x.dbf)."""
    stem, ext = os.path.splitext(path)
    return stem.lower() if ext.lower() in SHAPE_SIDECARS else path


def _collides(target: Target, ref_path: str, ref_table: str | None) -> bool:
    if target.path is None:
        return False
    if target.kind == "gpkg":
        if not _same_file(target.path, ref_path):
            return False
        return ref_table is None or ref_table.lower() == (target.table or "").lower()
    if _same_file(target.path, ref_path):
        return True
    if target.extension == ".shp" and os.path.exists(ref_path):
        return _same_file(os.path.dirname(target.path), os.path.dirname(ref_path)) and \
            _shape_group(os.path.basename(target.path)) == _shape_group(os.path.basename(ref_path))
    return False


def _label(alg, param):
    d = alg.parameterDefinition(param)
    return f"{d.description()} ({param})" if d is not None else param


def preflight(alg, parameters, context) -> dict:
    """Resolve every destination of the run and refuse outputs that would overwrite an input or each other.

    Stores the targets on ``alg`` (writers look them up) and returns them by parameter name.
    """
    targets = {}
    for definition in alg.destinationParameterDefinitions():
        name = definition.name()
        if name not in parameters and not definition.defaultValue():
            continue
        targets[name] = resolve(alg, parameters, name, context)
    refs = inputs(alg, parameters, context)
    for target in targets.values():
        for ref in refs:
            if _collides(target, ref.path, ref.table):
                where = target.describe()
                raise SonaeInputError(
                    f"Output {_label(alg, target.param)} would write to {where}, which is the input "
                    f"{_label(alg, ref.param)}. The input would be overwritten and its data lost, so nothing was written. "
                    "Choose another file name (or, for a GeoPackage, another table name).",
                    f"出力「{_label(alg, target.param)}」の保存先 {where} は入力「{_label(alg, ref.param)}」と同じです。"
                    "上書きすると入力データが失われるため、何も書き込まずに中止しました。別のファイル名（GeoPackageでは"
                    "別のテーブル名）を指定してください。")
    seen = []
    for target in targets.values():
        for other in seen:
            if target.path and other.path and (
                    _collides(target, other.path, other.table if target.kind == "gpkg" else None)
                    if target.kind == other.kind else False):
                raise SonaeInputError(
                    f"Outputs {_label(alg, other.param)} and {_label(alg, target.param)} both write to "
                    f"{target.describe()}. Give each output its own file or table.",
                    f"出力「{_label(alg, other.param)}」と「{_label(alg, target.param)}」の保存先がどちらも "
                    f"{target.describe()} です。出力ごとに別のファイルまたはテーブルを指定してください。")
        seen.append(target)
    alg._sonae_targets = targets
    alg._sonae_stages = []
    alg._sonae_in_run = True
    return targets


def target_for(alg, parameters, name, context) -> Target:
    """The target resolved by preflight() for this run (resolved now when called outside a run)."""
    targets = getattr(alg, "_sonae_targets", None) if getattr(alg, "_sonae_in_run", False) else None
    if targets is None:
        return resolve(alg, parameters, name, context)
    if name not in targets:
        targets[name] = resolve(alg, parameters, name, context)
    return targets[name]


# --- staging ------------------------------------------------------------------------------------------------

def _makedirs(path) -> list:
    created = []
    path = os.path.abspath(path)
    while path and not os.path.isdir(path):
        created.append(path)
        parent = os.path.dirname(path)
        if parent == path:
            break
        path = parent
    for d in reversed(created):
        os.mkdir(d)
    return list(reversed(created))


def _new_stage(alg, target: Target) -> Stage:
    if target.kind == "gpkg":
        for other in getattr(alg, "_sonae_stages", []):
            if other.target.kind == "gpkg" and other.staging_dir and not other.done and \
                    os.path.normcase(os.path.realpath(other.target.path)) == \
                    os.path.normcase(os.path.realpath(target.path)):
                stage = Stage(target, host=other)       # a second table of the same new GeoPackage
                alg._sonae_stages.append(stage)
                return stage
    stage = Stage(target)
    try:
        stage.created_dirs = _makedirs(os.path.dirname(target.path))
    except OSError as exc:
        raise SonaeInputError(f"Cannot create the folder for output {target.param} ({target.path}): {exc}",
                              f"出力「{target.param}」のフォルダを作成できません（{target.path}）。"
                              "パスと書き込み権限を確認してください。") from None
    if target.kind == "gpkg" and os.path.isfile(target.path):
        stage.temp_table = TEMP_TABLE_PREFIX + uuid.uuid4().hex[:12]
    else:
        stage.staging_dir = os.path.join(os.path.dirname(target.path), STAGING_PREFIX + uuid.uuid4().hex[:12])
        try:
            os.mkdir(stage.staging_dir)
        except OSError as exc:
            stage.rollback()
            raise SonaeInputError(f"Cannot write in the folder of output {target.param} ({target.path}): {exc}",
                                  f"出力「{target.param}」のフォルダに書き込めません（{target.path}）。"
                                  "書き込み権限を確認してください。") from None
    if not hasattr(alg, "_sonae_stages"):
        alg._sonae_stages = []
    alg._sonae_stages.append(stage)
    return stage


def staged_file(alg, parameters, name, context, path: str | None = None) -> tuple[str, Stage]:
    """A staging path to write the file output ``name`` to; it is moved to its destination on success.

    ``path`` overrides the destination (for an extra file beside the main one, e.g. ``<name>_sites.csv``).
    Returns (the path to write, the stage). Write every file that belongs together into the same staging folder:
    ``stage.staged_path("other.csv")``.
    """
    target = target_for(alg, parameters, name, context)
    if path is not None:
        target = Target(name, "file", path=os.path.abspath(path), raw=path)
    if target.kind not in ("file", "gpkg"):
        return target.path or target.raw, None
    stage = _new_stage(alg, Target(target.param, "file", path=target.path, raw=target.raw))
    return stage.staged_path(), stage


def stage_sink(alg, parameters, name, context):
    """(parameters to create the sink with, the Stage or None, the final target) for the feature sink ``name``."""
    target = target_for(alg, parameters, name, context)
    if target.kind not in ("file", "gpkg"):
        return parameters, None, target
    stage = _new_stage(alg, target)
    if stage.host is not None:
        uri = QgsDataSourceUri()
        uri.setDatabase(stage.host.staged_path(STAGED_GPKG))
        uri.setDataSource("", target.table, "geom")
        staged = "ogr:" + uri.uri()
    elif stage.temp_table:
        uri = QgsDataSourceUri()
        uri.setDatabase(target.path)
        uri.setDataSource("", stage.temp_table, "geom")
        staged = "ogr:" + uri.uri()
    elif target.kind == "gpkg":
        # A new GeoPackage is created under a plain name (QGIS cannot create one through an ogr: URI whose file
        # name has dots, e.g. facilities_2026.03.31.gpkg) with the final table name, and renamed on commit.
        stage.renames = {STAGED_GPKG: os.path.basename(target.path)}
        uri = QgsDataSourceUri()
        uri.setDatabase(stage.staged_path(STAGED_GPKG))
        uri.setDataSource("", target.table, "geom")
        staged = "ogr:" + uri.uri()
    else:
        staged = stage.staged_path()
    original = parameters.get(name)
    if isinstance(original, QgsProcessingOutputLayerDefinition):
        definition = QgsProcessingOutputLayerDefinition(original)
        definition.sink = QgsProperty.fromValue(staged)
    else:
        definition = staged
    params = dict(parameters)
    params[name] = definition
    return params, stage, target


def final_id(stage: Stage, staged_id: str) -> str:
    """The destination id the output will have once committed."""
    target = stage.target
    if target.kind == "gpkg":
        plain = not target.raw.startswith("ogr:") and "layername=" not in target.raw
        if stage.staging_dir and plain:
            return target.path          # a new GeoPackage holding only this table: the plain path, as QGIS does
        return f"{target.path}|layername={target.table}"
    if stage.staging_dir and isinstance(staged_id, str) and staged_id.startswith(stage.staging_dir):
        return os.path.join(os.path.dirname(target.path), staged_id[len(stage.staging_dir) + 1:])
    return target.path


def rekey_layer_details(context: QgsProcessingContext, old_id: str, new_id: str):
    """Move 'load this layer on completion' from the staged id to the final id (QGIS loads after the commit)."""
    if old_id == new_id or not context.willLoadLayerOnCompletion(old_id):
        return
    layers = context.layersToLoadOnCompletion()
    details = layers.pop(old_id)
    layers[new_id] = details
    context.setLayersToLoadOnCompletion(layers)


def commit_all(alg, context=None):
    """Move every staged output of the run into place (called once compute() succeeded)."""
    stages = getattr(alg, "_sonae_stages", [])
    try:
        for stage in stages:
            stage.commit()
        alg._sonae_in_run = False
    except Exception as exc:            # noqa: BLE001
        rollback_all(alg, context)
        raise SonaeInputError(f"The results could not be moved into place: {exc}. Close the output file in other "
                              "programs (Excel, QGIS layers) and run again.",
                              "結果を保存先へ移せませんでした。他のプログラム（Excel、QGISのレイヤ）で出力ファイルを閉じてから"
                              "再実行してください。") from None
    alg._sonae_stages = []


def rollback_all(alg, context=None):
    """Remove every staged output (failed or cancelled run): the previous outputs stay as they were."""
    for stage in getattr(alg, "_sonae_stages", []):
        if context is not None and stage.final_id:
            layers = context.layersToLoadOnCompletion()
            if stage.final_id in layers:
                layers.pop(stage.final_id)
                context.setLayersToLoadOnCompletion(layers)
        stage.rollback()
    alg._sonae_stages = []
    alg._sonae_in_run = False


# --- GeoPackage table swaps ---------------------------------------------------------------------------------

def quote_ident(name: str) -> str:
    """An SQL identifier in double quotes, embedded quotes doubled (field `note"s`, table `a"b`)."""
    return '"' + str(name).replace('"', '""') + '"'


def _layer_index(ds, table: str):
    for i in range(ds.GetLayerCount()):
        if ds.GetLayer(i).GetName().lower() == table.lower():
            return i
    return None


def _replace_table(path: str, temp_table: str, table: str):
    """In one transaction: drop ``table`` (if any) and rename ``temp_table`` to it; other tables untouched."""
    from osgeo import gdal, ogr
    with gdal.ExceptionMgr(useExceptions=True) if hasattr(gdal, "ExceptionMgr") else _nullcontext():
        ds = ogr.Open(path, 1)
        if ds is None:
            raise OSError(f"cannot open {path} for update")
        try:
            ds.StartTransaction()
            idx = _layer_index(ds, table)
            if idx is not None:
                ds.DeleteLayer(idx)
            ds.ExecuteSQL(f"ALTER TABLE {quote_ident(temp_table)} RENAME TO {quote_ident(table)}")
            ds.CommitTransaction()
        except Exception:
            try:
                ds.RollbackTransaction()
            except Exception:           # noqa: BLE001
                pass
            raise
        finally:
            ds = None


def _drop_table(path: str, table: str):
    from osgeo import ogr
    ds = ogr.Open(path, 1)
    if ds is None:
        return
    idx = _layer_index(ds, table)
    if idx is not None:
        ds.DeleteLayer(idx)
    ds = None


class _nullcontext:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


# --- spreadsheet formula injection --------------------------------------------------------------------------

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def is_spreadsheet(target: Target | None) -> bool:
    return target is not None and target.kind == "file" and target.extension in SPREADSHEET_EXTENSIONS


def spreadsheet_safe(value):
    """A text cell that a spreadsheet would run as a formula gets a leading apostrophe (OWASP CSV injection).

    Numbers stay numbers; text that is just a (signed) number such as "-5" or "+81 87..." phone numbers starting
    with + are text and are prefixed too, as OWASP recommends.
    """
    if isinstance(value, str) and value and value[0] in FORMULA_START:
        return "'" + value
    return value
