"""sonae:importpopulation — census small-area tables (or any point/polygon layer with a population field) ->
one population zone per small-area code, optionally with Takamatsu's buildings by town."""
from __future__ import annotations

from qgis.core import Qgis
from qgis.core import (QgsProcessingOutputNumber, QgsProcessingParameterFeatureSink,
                       QgsProcessingParameterFeatureSource, QgsProcessingParameterFile, QgsProcessingParameterString)

from ..engine.errors import SonaeInputError
from ..engine.rules import load_rules
from .base import SonaeAlgorithm, lazy_from
small_area_zones, with_layer_geometry, read_census_table = lazy_from(
    __name__, "..layers.importers.population", "small_area_zones", "with_layer_geometry", "read_census_table")
join_buildings = lazy_from(__name__, "..layers.importers.population_buildings", "join_buildings")
read_source, write_frame = lazy_from(__name__, ".qgis_io", "read_source", "write_frame")

_RULES = load_rules("census_smallarea.json")
_DEFAULTS = _RULES["default_fields"]
SHOWN = 5          # names shown in a warning


def _few(items, sep=", ") -> str:
    shown = sep.join(str(x) for x in items[:SHOWN])
    return shown + (sep + "…" if len(items) > SHOWN else "")


class ImportPopulation(SonaeAlgorithm):
    ALG_ID = "importpopulation"
    GROUP = "import"
    DISPLAY_NAME = "Import small-area population / 小地域人口の読み込み"
    TAGS = ("census", "国勢調査", "小地域", "町丁", "KEY_CODE", "JINKO", "population", "人口")
    SHORT_HELP = (
        "Reads the 2015 census small-area table (国勢調査 町丁・字等, the e-Stat boundary attribute table: KEY_CODE, "
        "JINKO, SETAI, MOJI, X_CODE, Y_CODE; CSV in UTF-8, UTF-8 with BOM or Shift_JIS/CP932, or its centroid "
        "GeoJSON), or any point or polygon layer with a population field, and writes one population zone per "
        "small-area code: key_code, city_code, name (町丁・字 name as written), population, households, "
        "population_status, pieces, area_m2. A code split into several boundary pieces is one zone: people and "
        "households summed; the point is the piece holding the people, polygons are merged. Suppressed or empty "
        "census cells (X, -, *, 秘匿, blank; rules/census_smallarea.json) make the zone's population NULL = unknown, "
        "with a warning naming them, never 0. Optionally the 都市計画基礎調査 building use by town table adds the "
        "residential floor area and houses per zone (joined by code, else by town name; rows that cannot be told "
        "apart or do not match are reported). The output feeds sonae:sheltercatchments and "
        "sonae:exposedpopulation (POPULATION_FIELD = population). Missing columns, text that is not a number, "
        "negative counts, an empty file and zones outside Japan in the layer's CRS stop the run with a message "
        "naming the file, the column and the row; nothing is written then.\n"
        "国勢調査の小地域（町丁・字等）の表（e-Stat境界データの属性表：KEY_CODE、JINKO、SETAI、MOJI、X_CODE、Y_CODE。"
        "UTF-8・BOM付き・Shift_JIS/CP932のCSV、または代表点のGeoJSON）、または人口の項目を持つ点・ポリゴンのレイヤを読み、"
        "小地域コードごとに1つの人口区域を書き出します。複数の境界片に分かれたコードは人口・世帯を合計して1区域にまとめます。"
        "秘匿・空欄のセル（X、-、*、秘匿など）はその区域の人口を空（不明）とし、警告で示します（0とはしません）。"
        "都市計画基礎調査の建物用途別・町丁別の表を指定すると、住宅の延床面積と住宅数を区域ごとに付けます（コード、"
        "なければ町丁名で結合。結合できない行は報告します）。列の欠落、数値でない文字、負の値、空のファイル、座標参照系の"
        "誤りはファイル・列・行を示して中止し、何も書き出しません。")

    INPUT = "INPUT"
    LAYER = "LAYER"
    KEY_FIELD = "KEY_FIELD"
    POPULATION_FIELD = "POPULATION_FIELD"
    HOUSEHOLDS_FIELD = "HOUSEHOLDS_FIELD"
    NAME_FIELD = "NAME_FIELD"
    BUILDINGS = "BUILDINGS"
    OUTPUT = "OUTPUT"

    def initParameters(self, config=None):
        self.add(QgsProcessingParameterFile(self.INPUT, self.tr("Census small-area table / 小地域の表"), optional=True,
                                            fileFilter="CSV/GeoJSON (*.csv *.txt *.geojson *.json)"),
                 "The e-Stat 2015 small-area attribute table (census2015_chome_<code>_attributes.csv: one row per "
                 "boundary piece, KEY_CODE, JINKO, SETAI, MOJI, X_CODE, Y_CODE), in UTF-8, UTF-8 with BOM or "
                 "Shift_JIS/CP932, or its centroid GeoJSON. Give this, or a layer (LAYER), or both: with both the "
                 "people come from the table and the shapes from the layer, joined by KEY_FIELD. / e-Statの2015年"
                 "小地域属性表（境界片ごとに1行）。UTF-8・BOM付き・Shift_JIS/CP932のCSV、または代表点のGeoJSON。これか"
                 "レイヤ（LAYER）、または両方を指定します。両方の場合、人口は表から、形はレイヤからKEY_FIELDで結合します。")
        self.add(QgsProcessingParameterFeatureSource(
            self.LAYER, self.tr("Small-area layer / 小地域レイヤ"),
            [Qgis.ProcessingSourceType.VectorPoint, Qgis.ProcessingSourceType.VectorPolygon], optional=True),
            "A point or polygon layer of small areas: the centroid GeoJSON, 町丁 boundary polygons, or any layer "
            "with a population field (set POPULATION_FIELD and KEY_FIELD to its fields). Polygons of one key are "
            "merged. Its CRS must be right: zones falling outside Japan are refused. / 小地域の点またはポリゴンの"
            "レイヤ（代表点のGeoJSON、町丁の境界、人口の項目を持つ任意のレイヤ。POPULATION_FIELD・KEY_FIELD をその"
            "項目に設定）。同じキーのポリゴンは1つにまとめます。座標参照系が正しくないと（日本の範囲外になると）中止します。")
        self.add(QgsProcessingParameterString(self.KEY_FIELD, self.tr("Small-area code field / 小地域コードの列"),
                                              defaultValue=_DEFAULTS["key"], optional=True),
                 "Column holding the small-area code; pieces with the same code become one zone (KEY_CODE in the "
                 "e-Stat table). Empty: every row or feature is its own zone. / 小地域コードの列。同じコードの行を"
                 "1区域にまとめます（e-Statの表では KEY_CODE）。空欄なら行（地物）ごとに1区域。")
        self.add(QgsProcessingParameterString(self.POPULATION_FIELD, self.tr("Population field / 人口の列"),
                                              defaultValue=_DEFAULTS["population"]),
                 "Column holding the number of people (JINKO in the e-Stat table). Text such as 1,768人 is read; "
                 "suppressed marks (X, -, *, 秘匿) and blanks give NULL with a warning; other text is refused. / 人口の列"
                 "（e-Statの表では JINKO）。「1,768人」のような表記は読みます。秘匿記号（X、-、*、秘匿）と空欄は空（不明）"
                 "として警告し、その他の文字は受け付けません。")
        self.add(QgsProcessingParameterString(self.HOUSEHOLDS_FIELD, self.tr("Households field / 世帯数の列"),
                                              defaultValue=_DEFAULTS["households"], optional=True),
                 "Column holding the number of households (SETAI in the e-Stat table); written as households when "
                 "the input has it. Empty or absent: no households column. / 世帯数の列（e-Statの表では SETAI）。"
                 "入力にあれば households として書き出します。空欄・列がなければ出力しません。")
        self.add(QgsProcessingParameterString(self.NAME_FIELD, self.tr("Name field / 町丁・字名の列"),
                                              defaultValue=_DEFAULTS["name"], optional=True),
                 "Column holding the 町丁・字 name (MOJI in the e-Stat table; S_NAME is also tried). It is also what "
                 "the buildings table's town names are matched against. / 町丁・字名の列（e-Statの表では MOJI。"
                 "S_NAME も探します）。建物の表の町丁名との照合にも使います。")
        self.add(QgsProcessingParameterFile(self.BUILDINGS, self.tr("Buildings by town / 町丁別の建物"),
                                            optional=True, fileFilter="CSV/XLSX (*.csv *.txt *.xlsx)"),
                 "Optional: the 都市計画基礎調査 building use by town table (Takamatsu: "
                 "toshikeikaku_kiso_0085_building_use_by_town.csv; areaCode, townName, TotalFloorAreaOfTheHouse, "
                 "NumberOf Houses). Adds res_floor_area_m2, houses and buildings_match (code, name, ambiguous, none) "
                 "per zone; rows that match no zone or cannot be told apart are reported. / 任意：都市計画基礎調査の"
                 "建物用途別・町丁別の表。区域ごとに住宅の延床面積（res_floor_area_m2）、住宅数（houses）、結合方法"
                 "（buildings_match）を付けます。結合できない行は報告します。")
        self.add(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Population zones / 人口区域"),
                                                   Qgis.ProcessingSourceType.VectorAnyGeometry),
                 "One feature per small area (points, or polygons when a polygon layer is given), in the CRS of the "
                 "input (JGD2000 EPSG:4612 for the census table). / 小地域ごとに1地物（点、ポリゴンのレイヤを指定した"
                 "場合はポリゴン）。座標参照系は入力のまま（国勢調査の表は JGD2000、EPSG:4612）。")
        self.addOutput(QgsProcessingOutputNumber("ZONE_COUNT", self.tr("Zones written / 出力区域数")))
        self.addOutput(QgsProcessingOutputNumber("POPULATION_TOTAL", self.tr("Population (known) / 人口（判明分）")))
        self.addOutput(QgsProcessingOutputNumber("HOUSEHOLDS_TOTAL", self.tr("Households (known) / 世帯数（判明分）")))
        self.addOutput(QgsProcessingOutputNumber("UNKNOWN_ZONES",
                                                 self.tr("Zones with unknown population / 人口不明の区域数")))
        self.addOutput(QgsProcessingOutputNumber("BUILDINGS_JOINED", self.tr("Building rows joined / 結合した建物の行数")))
        self.addOutput(QgsProcessingOutputNumber("BUILDINGS_NOT_JOINED",
                                                 self.tr("Building rows not joined / 結合できなかった建物の行数")))

    def compute(self, parameters, context, feedback, progress):
        table_path = self.parameterAsFile(parameters, self.INPUT, context) or None
        has_layer = bool(parameters.get(self.LAYER))
        if not table_path and not has_layer:
            raise SonaeInputError(
                "No input: choose the census small-area table (INPUT) or a small-area layer (LAYER).",
                "入力がありません。国勢調査の小地域の表（INPUT）または小地域レイヤ（LAYER）を指定してください。")
        key = (self.parameterAsString(parameters, self.KEY_FIELD, context) or "").strip() or None
        pop = (self.parameterAsString(parameters, self.POPULATION_FIELD, context) or "").strip()
        hh = (self.parameterAsString(parameters, self.HOUSEHOLDS_FIELD, context) or "").strip() or None
        name = (self.parameterAsString(parameters, self.NAME_FIELD, context) or "").strip() or None
        buildings = self.parameterAsFile(parameters, self.BUILDINGS, context) or None
        if not pop:
            raise SonaeInputError("Choose the population column (POPULATION_FIELD; JINKO in the census table).",
                                  "人口の列（POPULATION_FIELD。国勢調査の表では JINKO）を指定してください。")
        layer_name = None
        if has_layer:
            layer_name = self.parameterAsSource(parameters, self.LAYER, context).sourceName()
            layer = read_source(self, parameters, self.LAYER, context)
        progress.update(0.2)
        if table_path:
            raw = read_census_table(table_path)
            frame = raw.frame
            if raw.kind == "geojson" and _RULES["coordinate_fields"][0] not in frame.columns:
                frame = frame.rename(columns={"__lon": _RULES["coordinate_fields"][0],
                                              "__lat": _RULES["coordinate_fields"][1]})
            feedback.pushInfo(f"{table_path}: {len(frame)} rows, encoding {raw.encoding}. / {len(frame)}行、"
                              f"文字コード {raw.encoding}。")
            result = small_area_zones(frame, table_path, key_field=key, pop_field=pop, households_field=hh,
                                      name_field=name, rows=lambda i: (raw.row_label(i), raw.row_label_ja(i)),
                                      warn=progress.warn, geometry=not has_layer)
            zones = result.zones
            if has_layer:
                if not key:
                    raise SonaeInputError(
                        "With both a table (INPUT) and a layer (LAYER) the small-area code (KEY_FIELD) joins them: "
                        "set KEY_FIELD.",
                        "表（INPUT）とレイヤ（LAYER）の両方を指定した場合は小地域コード（KEY_FIELD）で結合します。"
                        "KEY_FIELD を指定してください。")
                zones, extra = with_layer_geometry(zones, layer, key, table_path, layer_name, pop)
                if extra:
                    feedback.pushWarning(f"{extra} small area(s) of {layer_name} are not in the table and were left "
                                         f"out. / {layer_name} の小地域{extra}件は表にないため出力していません。")
        else:
            result = small_area_zones(layer, layer_name, key_field=key, pop_field=pop, households_field=hh,
                                      name_field=name, warn=progress.warn)
            zones = result.zones
        progress.update(0.6)
        self._report_unknown(result, feedback, table_path or layer_name, pop, hh)
        joined = not_joined = 0
        if buildings:
            report = join_buildings(zones, buildings)
            zones = report.zones
            joined, not_joined = report.by_code + report.by_name, len(report.ambiguous) + len(report.unmatched)
            self._report_buildings(report, buildings, feedback)
        progress.update(0.8)
        kinds = {"key_code": "str", "city_code": "str", "name": "str", "population": "float",
                 "population_status": "str", "pieces": "int"}
        dest = write_frame(self, parameters, self.OUTPUT, context, zones, feedback, kinds=kinds)
        known = zones["population"].notna()
        total = float(zones.loc[known, "population"].sum())
        hh_total = float(zones["households"].sum()) if "households" in zones.columns else 0.0
        feedback.pushInfo(f"{len(zones)} small areas from {result.pieces} rows; population {total:,.0f} "
                          f"({int((~known).sum())} zones unknown). / 小地域{len(zones)}件（{result.pieces}行から）、"
                          f"人口{total:,.0f}人（不明{int((~known).sum())}区域）。")
        return {self.OUTPUT: dest, "ZONE_COUNT": len(zones), "POPULATION_TOTAL": total, "HOUSEHOLDS_TOTAL": hh_total,
                "UNKNOWN_ZONES": int((~known).sum()), "BUILDINGS_JOINED": joined, "BUILDINGS_NOT_JOINED": not_joined}

    @staticmethod
    def _report_unknown(result, feedback, source, pop, hh):
        if result.suppressed:
            rows = [f"{label} '{value}'" for label, _k, value in result.suppressed]
            keys = sorted({k for _l, k, _v in result.suppressed})
            feedback.pushWarning(
                f"{source}: {len(result.suppressed)} {pop} cell(s) hold a suppression mark (X = 秘匿 suppressed, "
                f"- = no figure, * ...; {_few(rows)}): the population of {len(keys)} small area(s) "
                f"({_few(keys)}) is NULL (unknown), not 0. Fill in the figures if you have them. / "
                f"{source}: {pop} の{len(result.suppressed)}セルが秘匿・該当なし等の記号です（{_few(rows, '、')}）。"
                f"小地域{len(keys)}件（{_few(keys, '、')}）の人口は0ではなく空（不明）としました。数値が分かれば入力して"
                "ください。")
        if result.empty:
            rows = [label for label, _k in result.empty]
            keys = sorted({k for _l, k in result.empty})
            feedback.pushWarning(
                f"{source}: {len(result.empty)} {pop} cell(s) are empty ({_few(rows)}): the population of "
                f"{len(keys)} small area(s) ({_few(keys)}) is NULL (unknown), not 0. / {source}: {pop} の"
                f"{len(result.empty)}セルが空欄です（{_few(keys, '、')}）。小地域{len(keys)}件の人口は0ではなく空（不明）と"
                "しました。")
        if result.households_unknown:
            keys = sorted({k for _l, k, _v in result.households_unknown})
            feedback.pushWarning(
                f"{source}: {len(result.households_unknown)} {hh} cell(s) are suppressed or empty: households of "
                f"{len(keys)} small area(s) ({_few(keys)}) are NULL. / {source}: {hh} の"
                f"{len(result.households_unknown)}セルが秘匿・空欄のため、小地域{len(keys)}件の世帯数を空としました。")

    @staticmethod
    def _report_buildings(report, path, feedback):
        feedback.pushInfo(f"{path}: {report.rows} town rows; {report.by_code} joined by code, {report.by_name} by "
                          f"town name. / 町丁{report.rows}行のうちコードで{report.by_code}行、町丁名で"
                          f"{report.by_name}行を結合しました。")
        if report.ambiguous:
            names = sorted({f"{t} {c}".strip() for t, c in report.ambiguous})
            feedback.pushWarning(
                f"{path}: {len(report.ambiguous)} town row(s) share a code or name with another row and cannot be told "
                f"apart ({_few(names)}): not joined; the small areas concerned have buildings_match = ambiguous and "
                f"NULL floor area. / {path}: {len(report.ambiguous)}行は他の行とコード・町丁名が重なり区別できません"
                f"（{_few(names, '、')}）。結合せず、該当する小地域は buildings_match = ambiguous、延床面積は空です。")
        if report.unmatched:
            names = [f"{t} {c}".strip() for t, c in report.unmatched]
            feedback.pushWarning(
                f"{path}: {len(report.unmatched)} town row(s) match no small area by code or name "
                f"({_few(names)}): not joined. / {path}: {len(report.unmatched)}行はコードでも町丁名でも小地域に"
                f"一致しません（{_few(names, '、')}）。結合していません。")
        if report.zones_without:
            names = [f"{k} {n}".strip() for k, n in report.zones_without]
            feedback.pushWarning(
                f"{len(report.zones_without)} small area(s) have no building row ({_few(names)}): "
                f"res_floor_area_m2 NULL. / 小地域{len(report.zones_without)}件は建物の行がありません"
                f"（{_few(names, '、')}）。延床面積は空です。")
        if report.confidential:
            feedback.pushWarning(f"{path}: {report.confidential} row(s) marked confidential: NULL. / "
                                 f"{path}: 秘匿の{report.confidential}行は空としました。")
