"""sonae:importshelters — shelter and emergency-site files -> the canonical facilities layer."""
from __future__ import annotations

import os

from qgis.core import Qgis
from qgis.core import QgsProcessing, QgsProcessingParameterFeatureSink, QgsProcessingParameterMultipleLayers, \
    QgsProcessingOutputNumber

from ..plugin import dependencies
from .base import lazy_from
import_shelter_files = lazy_from(__name__, "..layers.importers.shelters", "import_shelter_files")
field_kinds = lazy_from(__name__, "..layers.schemas", "field_kinds")
from .base import SonaeAlgorithm, error
write_frame, layer_to_frame = lazy_from(__name__, ".qgis_io", "write_frame", "layer_to_frame")
canonical_facilities, combine, is_canonical, table_from_frame = lazy_from(
    __name__, "..layers.importers.shelter_layers", "canonical_facilities", "combine", "is_canonical", "table_from_frame")


class ImportShelters(SonaeAlgorithm):
    ALG_ID = "importshelters"
    REQUIRES = dependencies.SCIPY
    GROUP = "import"
    DISPLAY_NAME = "Import shelters / 避難所データの読み込み"
    SHORT_HELP = (
        "Reads shelter and emergency-site files as cities publish them and writes Sonae's canonical facilities "
        "layer (EPSG:6668, Japanese aliases). Formats: GSI 指定緊急避難場所/指定避難所 (CSV, GeoJSON or XLSX), the "
        "Digital Agency standard dataset (current 39-column and older 26-column layouts), Takamatsu's city tables "
        "(○/△/×/− flags, capacity, elevation), the Kumamoto prefectural portal master and KSJ P20. The layout "
        "and the encoding (UTF-8, UTF-8 with BOM, Shift_JIS/CP932) are detected from the content. An emergency "
        "site and a designated shelter at the same place (GSI 住所同一 flag, same name and address) become one "
        "feature with both flags. Coordinates may be decimal degrees or 度分秒 (34度23分26.9秒, 34°23′26.9″, N/E, "
        "北緯/東経); numbers may be written as text (2,041人, 約100人 with a warning). Rows with missing or "
        "out-of-Japan coordinates are reported and skipped; unreadable numbers, a file lacking a column of its "
        "layout, cut-off rows and two files listing the same places are refused naming the file, row and column. "
        "Ids come from the publisher's id (GSI 共通ID, the city's #property), never from the file name.\n"
        "国土地理院・デジタル庁・市独自形式・国土数値情報P20の避難所ファイルを読み込み、施設レイヤ（EPSG:6668）を作ります。"
        "文字コードと形式は内容から判別します（XLSX可）。座標は10進の度または度分秒、数値は「2,041人」のような表記も読めます。"
        "同じ場所の指定緊急避難場所と指定避難所は1地物にまとめます。読めない数値、列の欠けたファイル、途中で切れた行、"
        "同じ場所を載せた2つのファイルはファイル・行・列を示して中止します。IDはファイル名ではなく公開元のIDから作ります。")

    INPUTS = "INPUTS"
    LAYERS = "LAYERS"
    OUTPUT = "OUTPUT"

    def initParameters(self, config=None):
        self.add(QgsProcessingParameterMultipleLayers(self.INPUTS, self.tr("Shelter files / 避難所ファイル"),
                                                      Qgis.ProcessingSourceType.File, optional=True),
                 "One or more CSV/TSV/GeoJSON/XLSX files of shelters or emergency sites, in any supported layout and "
                 "encoding (Takamatsu's data.xlsx as the city publishes it). The same file given twice is read once; "
                 "two files listing the same places are refused. / 避難所・緊急避難場所のCSV・GeoJSON・XLSXファイル（複数可）。"
                 "同じファイルの重複指定は1回だけ読み、同じ場所を載せた2つのファイルは受け付けません。")
        self.add(QgsProcessingParameterMultipleLayers(self.LAYERS, self.tr("Shelter layers / 避難所レイヤ"),
                                                      Qgis.ProcessingSourceType.Vector, optional=True),
                 "Instead of or besides files: vector layers of shelters from any source QGIS opens (a memory layer, a "
                 "PostGIS or GeoPackage table, a WFS), either in a published layout (GSI, Digital Agency, Takamatsu, "
                 "Kumamoto, KSJ P20, a facility table; the position comes from latitude/longitude columns or the "
                 "geometry, reprojected to EPSG:6668) or in Sonae's canonical layout (id, name, emergency_site, "
                 "designated_shelter ...: a previous import kept in a database, checked and passed through). "
                 "/ ファイルの代わりに（または加えて）、QGISが開けるベクタレイヤ（メモリレイヤ、PostGIS・GeoPackageの"
                 "テーブル、WFSなど）の避難所。公開形式（国土地理院、デジタル庁、高松市、熊本県、国土数値情報P20、施設一覧。"
                 "位置は緯度・経度の列またはジオメトリをEPSG:6668に変換して使用）か、Sonaeの標準形式（id、name、"
                 "emergency_site、designated_shelter など。以前の読み込み結果をデータベースに保存したもの。検査して"
                 "そのまま出力）のどちらか。")
        self.add(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Facilities / 施設"),
                                                   Qgis.ProcessingSourceType.VectorPoint),
                 "The canonical facilities layer (GeoPackage by default). / 施設レイヤの出力先（既定はGeoPackage）。")
        self.addOutput(QgsProcessingOutputNumber("FEATURE_COUNT", self.tr("Features written / 出力地物数")))
        self.addOutput(QgsProcessingOutputNumber("SKIPPED_COUNT", self.tr("Rows skipped / 除外した行数")))
        self.addOutput(QgsProcessingOutputNumber("MERGED_COUNT", self.tr("Places merged / 統合した場所数")))

    def compute(self, parameters, context, feedback, progress):
        paths = self._input_paths(parameters, context) if parameters.get(self.INPUTS) else []
        tables, canonical = self._layer_inputs(parameters, context, feedback)
        if not paths and not tables and not canonical:
            raise error("No shelter files or layers were given. Choose shelter files (INPUTS) or shelter layers "
                        "(LAYERS).",
                        "避難所のファイルもレイヤも指定されていません。避難所ファイル（INPUTS）または避難所レイヤ（LAYERS）を"
                        "選んでください。")
        merged, skipped, facilities = 0, 0, None
        if paths or tables:
            result = import_shelter_files(paths, progress.sub(0.0, 0.6), tables=tables)
            skipped = sum(len(r.skipped) for r in result.files)
            merged, facilities = result.merged_pairs, result.facilities
        if canonical:
            facilities = combine(facilities, canonical)
        kinds = field_kinds()              # schema types always (an all-empty flag stays boolean)
        dest = write_frame(self, parameters, self.OUTPUT, context, facilities, feedback, style="facilities",
                           kinds=kinds)
        feedback.pushInfo(f"{len(facilities)} facilities written; {merged} emergency site / "
                          f"shelter pairs merged; {skipped} rows skipped. / 施設{len(facilities)}件、"
                          f"統合{merged}件、除外{skipped}行。")
        return {self.OUTPUT: dest, "FEATURE_COUNT": len(facilities), "SKIPPED_COUNT": skipped,
                "MERGED_COUNT": merged}

    def _layer_inputs(self, parameters, context, feedback):
        """(RawTables of layers in a published layout, [(name, facilities)] of layers in the canonical layout)."""
        if not parameters.get(self.LAYERS):
            return [], []
        tables, canonical = [], []
        for layer in self.parameterAsLayerList(parameters, self.LAYERS, context):
            if layer is None or not hasattr(layer, "fields"):
                raise error("A shelter layer (LAYERS) is not a vector layer.",
                            "避難所レイヤ（LAYERS）にベクタレイヤではないものがあります。")
            name = (layer.name() or "layer").replace("/", "_")
            frame = layer_to_frame(layer, geometry=layer.isSpatial(), feedback=feedback)
            if is_canonical(frame.columns):
                canonical.append((name, canonical_facilities(frame, name)))
                feedback.pushInfo(f"{name}: Sonae facilities layout, {len(frame)} features ({layer.providerType()}) / "
                                  f"{name}: Sonaeの施設形式、{len(frame)}件（{layer.providerType()}）")
            else:
                tables.append(table_from_frame(frame, name))
        return tables, canonical

    def _input_paths(self, parameters, context):
        value = parameters.get(self.INPUTS)
        if isinstance(value, str):
            value = [value]
        paths = []
        for item in value or []:
            if hasattr(item, "source"):
                item = item.source()
            item = str(item)
            if not os.path.exists(item.split("|")[0]):
                layers = self.parameterAsLayerList(parameters, self.INPUTS, context)
                paths = [lyr.source().split("|")[0] for lyr in layers]
                break
            paths.append(item.split("|")[0])
        return paths
