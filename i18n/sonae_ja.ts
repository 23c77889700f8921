<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
  <context>
    <name>Sonae</name>
    <message>
      <location filename="../plugin/dependency_installer.py" line="224" />
      <source>Install dependencies… / 依存パッケージのインストール…</source>
      <translation>依存パッケージのインストール…</translation>
    </message>
    <message>
      <location filename="../plugin/dependency_installer.py" line="239" />
      <source>Dependencies… / 依存パッケージ…</source>
      <translation>依存パッケージ…</translation>
    </message>
    <message>
      <location filename="../plugin/dependency_installer.py" line="256" />
      <source>Install dependencies / 依存パッケージのインストール</source>
      <translation>依存パッケージのインストール</translation>
    </message>
    <message>
      <location filename="../plugin/dependency_installer.py" line="260" />
      <source>Packages some Sonae algorithms need and QGIS does not ship. They are installed with QGIS's Python into the folder below (kept when Sonae is upgraded). / QGISに含まれないパッケージを、QGISのPythonで下のフォルダにインストールします（プラグイン更新後も保持）。</source>
      <translation>QGISに含まれないパッケージを、QGISのPythonで下のフォルダにインストールします（プラグイン更新後も保持）。</translation>
    </message>
    <message>
      <location filename="../plugin/dependency_installer.py" line="273" />
      <source> (installed) / （インストール済み）</source>
      <translation>（インストール済み）</translation>
    </message>
    <message>
      <location filename="../plugin/dependency_installer.py" line="279" />
      <source>From the internet (PyPI) / インターネット（PyPI）から</source>
      <translation>インターネット（PyPI）から</translation>
    </message>
    <message>
      <location filename="../plugin/dependency_installer.py" line="280" />
      <source>From a folder of wheel files (no internet, LGWAN) / wheelファイルのフォルダから（LGWAN等）</source>
      <translation>wheelファイルのフォルダから（LGWAN等）</translation>
    </message>
    <message>
      <location filename="../plugin/dependency_installer.py" line="294" />
      <source>Install / インストール</source>
      <translation>インストール</translation>
    </message>
    <message>
      <location filename="../plugin/dependency_installer.py" line="296" />
      <source>Close / 閉じる</source>
      <translation>閉じる</translation>
    </message>
    <message>
      <location filename="../plugin/dependency_installer.py" line="306" />
      <source>Every package is installed. / 必要なパッケージはすべてあります。</source>
      <translation>必要なパッケージはすべてあります。</translation>
    </message>
    <message>
      <location filename="../plugin/dependency_installer.py" line="315" />
      <source>Choose the folder holding the wheel files. / wheelファイルのフォルダを選んでください。</source>
      <translation>wheelファイルのフォルダを選んでください。</translation>
    </message>
    <message>
      <location filename="../plugin/dependency_installer.py" line="358" />
      <source>Installed. Restart QGIS to be sure every algorithm sees the new packages. / インストールしました。QGISを再起動してください。</source>
      <translation>インストールしました。QGISを再起動してください。</translation>
    </message>
    <message>
      <location filename="../plugin/dependency_installer.py" line="361" />
      <source>pip failed: see the log above. / pipが失敗しました。上のログを確認してください。</source>
      <translation>pipが失敗しました。上のログを確認してください。</translation>
    </message>
    <message>
      <location filename="../plugin/dock.py" line="78" />
      <location filename="../processing_algorithms/provider.py" line="52" />
      <source>Sonae (備え)</source>
      <translation>Sonae（備え）</translation>
    </message>
    <message>
      <location filename="../plugin/dock.py" line="87" />
      <source>Headline figures / 主な数値</source>
      <translation>主な数値</translation>
    </message>
    <message>
      <location filename="../plugin/dock.py" line="98" />
      <source>Refresh / 更新</source>
      <translation>更新</translation>
    </message>
    <message>
      <location filename="../plugin/dock.py" line="106" />
      <source>Full workflow / 一括実行</source>
      <translation>一括実行</translation>
    </message>
    <message>
      <location filename="../plugin/dock.py" line="110" />
      <source>Shelter files (*.csv *.geojson *.json *.tsv)</source>
      <translation>避難所ファイル (*.csv *.geojson *.json *.tsv)</translation>
    </message>
    <message>
      <location filename="../plugin/dock.py" line="137" />
      <source>GeoPackage (*.gpkg)</source>
      <translation>GeoPackage (*.gpkg)</translation>
    </message>
    <message>
      <location filename="../plugin/dock.py" line="138" />
      <location filename="../processing_algorithms/import_shelters.py" line="47" />
      <source>Shelter files / 避難所ファイル</source>
      <translation>避難所ファイル</translation>
    </message>
    <message>
      <location filename="../plugin/dock.py" line="139" />
      <source>Flood raster / 浸水ラスタ</source>
      <translation>浸水ラスタ</translation>
    </message>
    <message>
      <location filename="../plugin/dock.py" line="140" />
      <location filename="../processing_algorithms/exposed_population.py" line="47" />
      <location filename="../processing_algorithms/exposed_population.py" line="78" />
      <source>Population / 人口</source>
      <translation>人口</translation>
    </message>
    <message>
      <location filename="../plugin/dock.py" line="141" />
      <location filename="../processing_algorithms/exposed_population.py" line="51" />
      <location filename="../processing_algorithms/shelter_catchments.py" line="121" />
      <source>Population field / 人口の項目</source>
      <translation>人口の項目</translation>
    </message>
    <message>
      <location filename="../plugin/dock.py" line="142" />
      <location filename="../processing_algorithms/exposed_population.py" line="61" />
      <location filename="../processing_algorithms/shelter_catchments.py" line="126" />
      <source>Zone id field / 区域IDの項目</source>
      <translation>区域IDの項目</translation>
    </message>
    <message>
      <location filename="../plugin/dock.py" line="143" />
      <source>Energy assets / エネルギー設備</source>
      <translation>エネルギー設備</translation>
    </message>
    <message>
      <location filename="../plugin/dock.py" line="144" />
      <location filename="../processing_algorithms/subsidy_scope.py" line="44" />
      <source>Fiscal capability index / 財政力指数</source>
      <translation>財政力指数</translation>
    </message>
    <message>
      <location filename="../plugin/dock.py" line="145" />
      <source>Output GeoPackage / 出力GeoPackage</source>
      <translation>出力GeoPackage</translation>
    </message>
    <message>
      <location filename="../plugin/dock.py" line="147" />
      <source>Run / 実行</source>
      <translation>実行</translation>
    </message>
    <message>
      <location filename="../plugin/dock.py" line="149" />
      <source>Cancel / 中止</source>
      <translation>中止</translation>
    </message>
    <message>
      <location filename="../plugin/dock.py" line="152" />
      <source>Map book… / 図面集…</source>
      <translation>図面集…</translation>
    </message>
    <message>
      <location filename="../plugin/dock.py" line="192" />
      <source>Could not read the Sonae layers / Sonaeのレイヤを読めません</source>
      <translation>Sonaeのレイヤを読めません</translation>
    </message>
    <message>
      <location filename="../plugin/dock.py" line="201" />
      <source>From layer / 元のレイヤ</source>
      <translation>元のレイヤ</translation>
    </message>
    <message>
      <location filename="../plugin/dock.py" line="203" />
      <source>Not in the project (shown as —) / プロジェクトにない表（—で表示）</source>
      <translation>プロジェクトにない表（—で表示）</translation>
    </message>
    <message>
      <location filename="../plugin/dock.py" line="207" />
      <source>No Sonae layers in the project / プロジェクトにSonaeのレイヤがありません</source>
      <translation>プロジェクトにSonaeのレイヤがありません</translation>
    </message>
    <message>
      <location filename="../plugin/dock.py" line="217" />
      <source>Choose the shelter files and the output GeoPackage. / 避難所ファイルと出力先のGeoPackageを選んでください。</source>
      <translation>避難所ファイルと出力先のGeoPackageを選んでください。</translation>
    </message>
    <message>
      <location filename="../plugin/dock.py" line="248" />
      <source>Running / 実行中</source>
      <translation>実行中</translation>
    </message>
    <message>
      <location filename="../plugin/dock.py" line="248" />
      <source>skipped / 省略</source>
      <translation>省略</translation>
    </message>
    <message>
      <location filename="../plugin/dock.py" line="254" />
      <source>Cancelling… / 中止しています…</source>
      <translation>中止しています…</translation>
    </message>
    <message>
      <location filename="../plugin/dock.py" line="261" />
      <location filename="../plugin/workflow.py" line="139" />
      <location filename="../plugin/workflow.py" line="146" />
      <source>Cancelled / 中止しました</source>
      <translation>中止しました</translation>
    </message>
    <message>
      <location filename="../plugin/dock.py" line="307" />
      <source>Sonae panel / Sonae パネル</source>
      <translation>Sonae パネル</translation>
    </message>
    <message>
      <location filename="../plugin/gui.py" line="20" />
      <source>&amp;Sonae (備え)</source>
      <translation>&amp;Sonae（備え）</translation>
    </message>
    <message>
      <location filename="../plugin/gui.py" line="22" />
      <source>Sonae</source>
      <translation>Sonae</translation>
    </message>
    <message>
      <location filename="../plugin/workflow.py" line="118" />
      <source>Sonae full workflow / Sonae 一括実行</source>
      <translation>Sonae 一括実行</translation>
    </message>
    <message>
      <location filename="../plugin/workflow.py" line="155" />
      <source>Workflow finished / 一括実行が完了しました</source>
      <translation>一括実行が完了しました</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/_enum_widget.py" line="22" />
      <source>[Not selected] / [未選択]</source>
      <translation>[未選択]</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/base.py" line="31" />
      <source>Import / 読み込み</source>
      <translation>読み込み</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/base.py" line="32" />
      <source>Hazard / ハザード</source>
      <translation>ハザード</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/base.py" line="33" />
      <source>Demand / 避難需要</source>
      <translation>避難需要</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/base.py" line="34" />
      <source>Stockpile / 備蓄</source>
      <translation>備蓄</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/base.py" line="35" />
      <source>Energy / エネルギー</source>
      <translation>エネルギー</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/base.py" line="36" />
      <source>Mobility / 移動・EV</source>
      <translation>移動・EV</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/base.py" line="37" />
      <source>Districts and subsidy / 地区・補助金</source>
      <translation>地区・補助金</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/base.py" line="38" />
      <source>Report / 報告</source>
      <translation>報告</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/base.py" line="39" />
      <source>Shared platform / 共有基盤</source>
      <translation>共有基盤</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/base.py" line="53" />
      <location filename="../processing_algorithms/base.py" line="399" />
      <source>Parameters / パラメータ</source>
      <translation>パラメータ</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/base.py" line="541" />
      <source>Cancelled; no output was written. / 中止しました。出力は書き込んでいません。</source>
      <translation>中止しました。出力は書き込んでいません。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/charger_coverage.py" line="31" />
      <location filename="../processing_algorithms/charger_coverage.py" line="59" />
      <source>Charger coverage / 充電拠点の到達圏</source>
      <translation>充電拠点の到達圏</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/charger_coverage.py" line="32" />
      <source>For every shelter: the nearest charger site by travel time, how many chargers are within MINUTES and whether it is covered; plus a line for each charger-shelter pair within the limit. Travel times are shortest paths on the ROADS network (a service area per charger, QGIS network analysis) when given, else straight line x detour factor at the planning speed (rules/ev_fleet_defaults.json).
各避難所について、最寄りの充電拠点までの所要時間、MINUTES分以内の充電拠点数、到達圏内かどうかを求めます。道路レイヤがあれば道路網の最短経路、なければ直線距離×迂回係数で計算します。</source>
      <translation>各避難所について、最寄りの充電拠点までの所要時間、MINUTES分以内の充電拠点数、到達圏内かどうかを求めます。道路レイヤがあれば道路網の最短経路、なければ直線距離×迂回係数で計算します。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/charger_coverage.py" line="42" />
      <source>Charger sites (points). / 充電拠点（点）。</source>
      <translation>充電拠点（点）。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/charger_coverage.py" line="42" />
      <location filename="../processing_algorithms/ev_delivery_plan.py" line="118" />
      <source>Chargers / 充電拠点</source>
      <translation>充電拠点</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/charger_coverage.py" line="45" />
      <source>Field identifying each charger site. / 充電拠点のID項目。</source>
      <translation>充電拠点のID項目。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/charger_coverage.py" line="45" />
      <location filename="../processing_algorithms/ev_delivery_plan.py" line="122" />
      <source>Charger id field / 充電拠点ID項目</source>
      <translation>充電拠点ID項目</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/charger_coverage.py" line="48" />
      <source>Shelters (points). / 避難所（点）。</source>
      <translation>避難所（点）。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/charger_coverage.py" line="48" />
      <location filename="../processing_algorithms/ev_delivery_plan.py" line="130" />
      <location filename="../processing_algorithms/outage_autonomy.py" line="32" />
      <source>Shelters / 避難所</source>
      <translation>避難所</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/charger_coverage.py" line="51" />
      <source>Field identifying each shelter. / 避難所のID項目。</source>
      <translation>避難所のID項目。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/charger_coverage.py" line="51" />
      <location filename="../processing_algorithms/ev_delivery_plan.py" line="134" />
      <location filename="../processing_algorithms/platform_delivery_plan.py" line="51" />
      <source>Shelter id field / 避難所ID項目</source>
      <translation>避難所ID項目</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/charger_coverage.py" line="54" />
      <source>One-way driving minutes from a charger within which a shelter counts as covered. / 充電拠点からの片道所要時間（分）の上限。</source>
      <translation>充電拠点からの片道所要時間（分）の上限。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/charger_coverage.py" line="54" />
      <source>Travel time limit (min) / 到達時間の上限 (分)</source>
      <translation>到達時間の上限 (分)</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/charger_coverage.py" line="59" />
      <source>Shelters + nearest_charger_id, nearest_charger_min, nearest_charger_km, chargers_within, covered. / 避難所＋最寄り充電拠点・所要時間・圏内の拠点数・到達可否。</source>
      <translation>避難所＋最寄り充電拠点・所要時間・圏内の拠点数・到達可否。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/charger_coverage.py" line="63" />
      <source>Optional lines charger -&gt; shelter for every pair within the limit (routes on ROADS). / 上限内の充電拠点→避難所の線（任意）。</source>
      <translation>上限内の充電拠点→避難所の線（任意）。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/charger_coverage.py" line="63" />
      <source>Reachable pairs / 到達可能な組</source>
      <translation>到達可能な組</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/charger_coverage.py" line="68" />
      <source>Shelters covered / 圏内の避難所数</source>
      <translation>圏内の避難所数</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/charger_coverage.py" line="69" />
      <source>Shelters / 避難所数</source>
      <translation>避難所数</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/council_mapbook.py" line="84" />
      <source>Council map book (PDF) / 議会向け図面集（PDF）</source>
      <translation>議会向け図面集（PDF）</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/council_mapbook.py" line="85" />
      <source>Exports an A3 landscape map book (one PDF) through a QGIS print layout: a page for the whole area, an index of every district (page number, type, feasibility, shelters, evacuees, investment and subsidy), then one page per district, the most feasible first (MAX_PAGES, default 20; the index names the ones left out), or per page area / grid cell. Each map shows the facilities with their names (shortened where long; overlapping labels are dropped), shelters coloured by hours of power in an outage, flood designation conflicts, the flood depth raster and an optional base map of your own. The figures use the same definitions as the dock and the tables; the footnote states each one. The PDF text is searchable (浸水, 人数, 避難所). The PDF replaces an existing file only when the export succeeded; nothing else is written.
印刷レイアウトでA3横の図面集（PDF）を出力します。1ページ目は全域、続いて全地区の一覧（ページ番号、類型、実現可能性、避難所数、避難者数、事業費、補助金）、以降は実現可能性の高い順に地区ごとのページです（最大ページ数、既定20。掲載しない地区は一覧に表示）。地図には施設名（長い名前は略称、重なるものは省略）、停電時の自立時間で色分けした避難所、洪水の指定と浸水想定の不整合、浸水深、任意の背景地図を表示します。数値の定義はドック・表と同じで、脚注に記載します。PDFの文字は検索できます。既存のPDFは出力に成功したときだけ置き換えます。</source>
      <translation>印刷レイアウトでA3横の図面集（PDF）を出力します。1ページ目は全域、続いて全地区の一覧（ページ番号、類型、実現可能性、避難所数、避難者数、事業費、補助金）、以降は実現可能性の高い順に地区ごとのページです（最大ページ数、既定20。掲載しない地区は一覧に表示）。地図には施設名（長い名前は略称、重なるものは省略）、停電時の自立時間で色分けした避難所、洪水の指定と浸水想定の不整合、浸水深、任意の背景地図を表示します。数値の定義はドック・表と同じで、脚注に記載します。PDFの文字は検索できます。既存のPDFは出力に成功したときだけ置き換えます。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/council_mapbook.py" line="125" />
      <source>The demo-style GeoPackage (tables facilities ... shelters_energy, stockpile_sufficiency, subsidy_scope, districts). Optional when the layers below are given. / 各段階の結果を収めたGeoPackage。下のレイヤを指定する場合は省略可。</source>
      <translation>各段階の結果を収めたGeoPackage。下のレイヤを指定する場合は省略可。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/council_mapbook.py" line="125" />
      <source>Sonae GeoPackage / SonaeのGeoPackage</source>
      <translation>SonaeのGeoPackage</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/council_mapbook.py" line="130" />
      <source>Points with Sonae fields (id, name, designated_shelter/welfare_shelter or role; flood_conflict, evacuees, capacity_calc, hours_now when present). Replaces the GeoPackage's shelters tables. / Sonaeの項目を持つ避難所の点レイヤ（GeoPackageの表の代わりに使用）。</source>
      <translation>Sonaeの項目を持つ避難所の点レイヤ（GeoPackageの表の代わりに使用）。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/council_mapbook.py" line="130" />
      <source>Shelters layer / 避難所レイヤ</source>
      <translation>避難所レイヤ</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/council_mapbook.py" line="135" />
      <source>sonae:stockpilesufficiency output (shelter_id, days_min). / 備蓄充足の結果（shelter_id, days_min）。</source>
      <translation>備蓄充足の結果（shelter_id, days_min）。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/council_mapbook.py" line="135" />
      <source>Stockpile sufficiency / 備蓄充足</source>
      <translation>備蓄充足</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/council_mapbook.py" line="138" />
      <source>sonae:subsidyscope output (row_type, facility_id, total_cost_yen, subsidy_yen). / 補助対象の結果。</source>
      <translation>補助対象の結果。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/council_mapbook.py" line="138" />
      <source>Subsidy scope / 補助対象</source>
      <translation>補助対象</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/council_mapbook.py" line="141" />
      <source>sonae:districtlayout output (district_id, member_ids, type, feasibility, cost and subsidy fields) from any source (a PostGIS or memory layer); replaces the GeoPackage's districts table: one page per district and the index. / 地区配置の結果（district_id、member_ids、類型、実現可能性、費用・補助金の項目）。PostGISやメモリレイヤなどから指定でき、GeoPackageの地区の表の代わりに使います。</source>
      <translation>地区配置の結果（district_id、member_ids、類型、実現可能性、費用・補助金の項目）。PostGISやメモリレイヤなどから指定でき、GeoPackageの地区の表の代わりに使います。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/council_mapbook.py" line="141" />
      <source>Districts layer / 地区レイヤ</source>
      <translation>地区レイヤ</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/council_mapbook.py" line="148" />
      <source>Polygons, one page each (default: the districts table, else a grid over the shelters). / 1ページ1範囲のポリゴン（既定は地区の表、なければ避難所を覆う格子）。</source>
      <translation>1ページ1範囲のポリゴン（既定は地区の表、なければ避難所を覆う格子）。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/council_mapbook.py" line="148" />
      <source>Page areas / 図面の範囲</source>
      <translation>図面の範囲</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/council_mapbook.py" line="152" />
      <source>Field naming each page area. / 各範囲の名前の項目。</source>
      <translation>各範囲の名前の項目。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/council_mapbook.py" line="152" />
      <source>Page name field / 図面名の項目</source>
      <translation>図面名の項目</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/council_mapbook.py" line="155" />
      <source>Depth-rank raster (KSJ ranks 1-6) drawn under the shelters. / 避難所の下に描く浸水深ランクのラスタ。</source>
      <translation>避難所の下に描く浸水深ランクのラスタ。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/council_mapbook.py" line="155" />
      <source>Flood depth raster / 浸水深ラスタ</source>
      <translation>浸水深ラスタ</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/council_mapbook.py" line="158" />
      <source>Any layer of yours drawn under everything, with its own style: e.g. GSI tiles (地理院タイル, an XYZ layer; needs the internet when printing) or a local GeoTIFF. Its name and rights (layer metadata) are added to the attribution. / 一番下に描く任意のレイヤ（地理院タイルのXYZレイヤ、手元のGeoTIFFなど）。レイヤ名と権利表記（メタデータ）を出典に加えます。</source>
      <translation>一番下に描く任意のレイヤ（地理院タイルのXYZレイヤ、手元のGeoTIFFなど）。レイヤ名と権利表記（メタデータ）を出典に加えます。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/council_mapbook.py" line="158" />
      <source>Base map layer / 背景地図レイヤ</source>
      <translation>背景地図レイヤ</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/council_mapbook.py" line="164" />
      <source>Page size of the grid used when there are no districts and no page areas. / 地区も範囲もないときの格子の一辺。</source>
      <translation>地区も範囲もないときの格子の一辺。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/council_mapbook.py" line="164" />
      <source>Grid cell (m) / 格子の大きさ (m)</source>
      <translation>格子の大きさ (m)</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/council_mapbook.py" line="168" />
      <source>Start with a page of the whole area and its totals. / 全域と合計のページを最初に付けます。</source>
      <translation>全域と合計のページを最初に付けます。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/council_mapbook.py" line="168" />
      <source>Whole-area first page / 1ページ目に全域</source>
      <translation>1ページ目に全域</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/council_mapbook.py" line="171" />
      <source>How many district pages to print: the most feasible districts first (feasibility score of the districts table). The index lists every district and marks the ones left out (掲載なし). With page areas or a grid: the first pages. 0 prints all. / 印刷する地区ページ数。実現可能性の高い順。一覧には全地区を載せ、印刷しない地区は「掲載なし」と表示します。0は全部。</source>
      <translation>印刷する地区ページ数。実現可能性の高い順。一覧には全地区を載せ、印刷しない地区は「掲載なし」と表示します。0は全部。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/council_mapbook.py" line="172" />
      <source>District pages (0 = all) / 地区ページ数（0は全部）</source>
      <translation>地区ページ数（0は全部）</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/council_mapbook.py" line="179" />
      <source>Title printed on every page. / 各ページの表題。</source>
      <translation>各ページの表題。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/council_mapbook.py" line="179" />
      <source>Title / 表題</source>
      <translation>表題</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/council_mapbook.py" line="181" />
      <source>Label energy, stockpile, EV and subsidy figures as a fictitious scenario (シナリオ（架空）). Clear it only for real inventories. / エネルギー・備蓄・EV・補助金の数値をシナリオ（架空）と表示します。</source>
      <translation>エネルギー・備蓄・EV・補助金の数値をシナリオ（架空）と表示します。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/council_mapbook.py" line="181" />
      <source>Scenario data / 架空のシナリオ</source>
      <translation>架空のシナリオ</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/council_mapbook.py" line="184" />
      <source>Attribution of the flood raster. / 浸水ラスタの出典表記。</source>
      <translation>浸水ラスタの出典表記。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/council_mapbook.py" line="184" />
      <source>Flood data source / 浸水データの出典</source>
      <translation>浸水データの出典</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/council_mapbook.py" line="187" />
      <source>Extra attribution lines. / 追加の出典表記（1行に1件）。</source>
      <translation>追加の出典表記（1行に1件）。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/council_mapbook.py" line="187" />
      <source>Further sources / その他の出典</source>
      <translation>その他の出典</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/council_mapbook.py" line="190" />
      <source>After a successful export, keep the layout and its (in-memory) layers in the current project for editing. / 出力に成功したら、編集できるようレイアウトと（メモリ上の）レイヤを現在のプロジェクトに残します。</source>
      <translation>出力に成功したら、編集できるようレイアウトと（メモリ上の）レイヤを現在のプロジェクトに残します。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/council_mapbook.py" line="191" />
      <source>Add the layout to the project / レイアウトをプロジェクトに追加</source>
      <translation>レイアウトをプロジェクトに追加</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/council_mapbook.py" line="196" />
      <source>Resolution of the raster parts of the PDF. / PDFのラスタ部分の解像度。</source>
      <translation>PDFのラスタ部分の解像度。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/council_mapbook.py" line="196" />
      <source>Resolution (dpi) / 解像度 (dpi)</source>
      <translation>解像度 (dpi)</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/council_mapbook.py" line="199" />
      <source>The PDF to write (.pdf). An existing file is replaced only after a successful export; an input file is never overwritten. / 出力するPDF（.pdf）。既存のファイルは出力に成功したときだけ置き換え、入力ファイルは上書きしません。</source>
      <translation>出力するPDF（.pdf）。既存のファイルは出力に成功したときだけ置き換え、入力ファイルは上書きしません。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/council_mapbook.py" line="199" />
      <source>Map book PDF / 図面集PDF</source>
      <translation>図面集PDF</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/council_mapbook.py" line="200" />
      <source>PDF files (*.pdf)</source>
      <translation>PDFファイル (*.pdf)</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/council_mapbook.py" line="204" />
      <source>Pages / ページ数</source>
      <translation>ページ数</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/council_mapbook.py" line="205" />
      <source>Area pages / 地区（範囲）ページ数</source>
      <translation>地区（範囲）ページ数</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/council_mapbook.py" line="206" />
      <source>Index pages / 一覧ページ数</source>
      <translation>一覧ページ数</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/council_mapbook.py" line="207" />
      <source>Areas not printed / 掲載しない地区数</source>
      <translation>掲載しない地区数</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/council_mapbook.py" line="208" />
      <source>Tables not found / 見つからない表</source>
      <translation>見つからない表</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/district_layout.py" line="31" />
      <source>Smart-community district layout / スマートコミュニティ地区の候補</source>
      <translation>スマートコミュニティ地区の候補</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/district_layout.py" line="32" />
      <source>Clusters facilities (and optional building or land-use polygons) into candidate districts in which every member lies within SPAN_M of every other member (the reach of a self-owned line 自営線 or shared system; complete linkage), classifies each district into the smart-community types 1-10 of the Tokyo study group (seed 004 表5.1-5.11, rules/district_types.json; tried in the seed's order) from the facility types it holds, attaches the seed's measures without a district (表5.12 energy-saving behaviour, 表5.13 study committee) to districts and to the city, and scores the five feasibility axes (technical, market, economic, operational, system) with the inputs of each score written beside it. District polygons (convex hull of the members, buffered) carry members, combined PV/battery/critical load, autonomy (from shelters_energy when given), self-owned line length and cost (only for types whose scheme interchanges energy; 表5.7 public facilities have none), investment, subsidy (the programme rule file, as in sonae:subsidyscope) and the type's investment scale.
施設（任意で建物・土地利用ポリゴン）を自営線・共有システムが届く距離内の地区候補にまとめ、資料004の類型1〜10に分類し（省エネ行動促進・検討委員会設置は地区と市全体の推奨施策）、技術・市場・経済・業務・システムの5観点を根拠の数値付きで採点します。</source>
      <translation>施設（任意で建物・土地利用ポリゴン）を自営線・共有システムが届く距離内の地区候補にまとめ、資料004の類型1〜10に分類し（省エネ行動促進・検討委員会設置は地区と市全体の推奨施策）、技術・市場・経済・業務・システムの5観点を根拠の数値付きで採点します。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/district_layout.py" line="49" />
      <source>Canonical facilities or shelters with id and facility_type (rules/facility_types.json). / 施設レイヤ（id・facility_type が必要）。</source>
      <translation>施設レイヤ（id・facility_type が必要）。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/district_layout.py" line="49" />
      <location filename="../processing_algorithms/hazard_exposure.py" line="102" />
      <location filename="../processing_algorithms/import_shelters.py" line="65" />
      <source>Facilities / 施設</source>
      <translation>施設</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/district_layout.py" line="54" />
      <source>Optional shelters_energy from sonae:outageautonomy (min_hours, critical_load_kw), joined on AUTONOMY_ID_FIELD. / 停電自立時間の表（任意、shelters_energy）。</source>
      <translation>停電自立時間の表（任意、shelters_energy）。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/district_layout.py" line="54" />
      <source>Autonomy / 停電時の自立時間</source>
      <translation>停電時の自立時間</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/district_layout.py" line="58" />
      <source>Field of the autonomy table holding the facility id. / 自立時間表の施設ID項目。</source>
      <translation>自立時間表の施設ID項目。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/district_layout.py" line="58" />
      <source>Facility id field of autonomy / 自立時間表の施設ID</source>
      <translation>自立時間表の施設ID</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/district_layout.py" line="61" />
      <source>Optional building or land-use polygons; those touching a district add their class to its type counts (a known facility type, or typed by the keywords of rules/facility_types.json). / 建物・土地利用ポリゴン（任意）。地区に接するものは類型判定に加えます。</source>
      <translation>建物・土地利用ポリゴン（任意）。地区に接するものは類型判定に加えます。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/district_layout.py" line="61" />
      <source>Buildings or land use / 建物・土地利用</source>
      <translation>建物・土地利用</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/district_layout.py" line="66" />
      <source>Field with the building use or land-use class (e.g. 商業, 住宅, station). / 建物用途・土地利用区分の項目。</source>
      <translation>建物用途・土地利用区分の項目。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/district_layout.py" line="66" />
      <source>Building class field / 建物種別の項目</source>
      <translation>建物種別の項目</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/district_layout.py" line="69" />
      <source>Optional EV charger points (e.g. chargers from the EV plan); districts containing one may be EV introduction types (seed 004 表5.10, 5.11). / EV充電器（任意）。</source>
      <translation>EV充電器（任意）。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/district_layout.py" line="69" />
      <source>EV chargers / EV充電器</source>
      <translation>EV充電器</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/district_layout.py" line="73" />
      <source>Largest distance between two members of a district. Default {span:g} m: {why} / 地区内の2施設間の最大距離。</source>
      <translation>地区内の2施設間の最大距離。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/district_layout.py" line="73" />
      <source>Self-owned line span (m) / 自営線の到達距離（m）</source>
      <translation>自営線の到達距離（m）</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/district_layout.py" line="78" />
      <source>Clusters with fewer facilities are not output as districts. / これより少ない施設のまとまりは地区にしません。</source>
      <translation>これより少ない施設のまとまりは地区にしません。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/district_layout.py" line="78" />
      <source>Minimum facilities per district / 地区の最少施設数</source>
      <translation>地区の最少施設数</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/district_layout.py" line="83" />
      <source>District polygons with type, members, energy, investment, subsidy and the five scores with their inputs. / 地区ポリゴン（類型・構成施設・エネルギー・投資額・補助金・5観点の評価と根拠）。</source>
      <translation>地区ポリゴン（類型・構成施設・エネルギー・投資額・補助金・5観点の評価と根拠）。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/district_layout.py" line="83" />
      <location filename="../processing_algorithms/subsidy_scope.py" line="121" />
      <source>Districts / 地区</source>
      <translation>地区</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/district_layout.py" line="87" />
      <source>City-level table of the measures seed 004 presents without a district of their own (表5.12 energy-saving behaviour, 表5.13 study committee), with the districts each is attached to (rules/district_types.json measures). / 地区を持たない施策（省エネ行動促進・検討委員会設置）の市全体の表と、付随する地区。</source>
      <translation>地区を持たない施策（省エネ行動促進・検討委員会設置）の市全体の表と、付随する地区。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/district_layout.py" line="87" />
      <source>Recommended measures / 推奨施策</source>
      <translation>推奨施策</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/district_layout.py" line="93" />
      <source>Districts / 地区数</source>
      <translation>地区数</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/ev_delivery_plan.py" line="35" />
      <source>Road centre lines for network distances (QGIS network analysis, two-way). Without roads, distance = straight line x DETOUR_FACTOR. / 道路中心線。指定するとQGISのネットワーク解析で距離を求めます。未指定なら直線距離×迂回係数。</source>
      <translation>道路中心線。指定するとQGISのネットワーク解析で距離を求めます。未指定なら直線距離×迂回係数。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/ev_delivery_plan.py" line="36" />
      <location filename="../processing_algorithms/shelter_catchments.py" line="173" />
      <source>Roads (optional) / 道路（任意）</source>
      <translation>道路（任意）</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/ev_delivery_plan.py" line="40" />
      <source>Average driving speed after the disaster, on roads or on the straight-line estimate (rules/ev_fleet_defaults.json: planning assumption). / 災害時の平均走行速度（規定値は計画上の仮定）。</source>
      <translation>災害時の平均走行速度（規定値は計画上の仮定）。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/ev_delivery_plan.py" line="41" />
      <source>Driving speed (km/h) / 走行速度 (km/h)</source>
      <translation>走行速度 (km/h)</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/ev_delivery_plan.py" line="45" />
      <source>Road distance / straight-line distance, used only without ROADS (circuity 1.2-1.4 in the literature; see rules/ev_fleet_defaults.json). / 道路距離÷直線距離（ROADSなしの場合のみ使用）。</source>
      <translation>道路距離÷直線距離（ROADSなしの場合のみ使用）。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/ev_delivery_plan.py" line="46" />
      <source>Detour factor / 迂回係数</source>
      <translation>迂回係数</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/ev_delivery_plan.py" line="50" />
      <source>With ROADS: a charger farther than this from every road is an error (outside the network's reach); a shelter farther is unreachable. / 道路からこれ以上離れた充電拠点はエラー、避難所は到達不可とします。</source>
      <translation>道路からこれ以上離れた充電拠点はエラー、避難所は到達不可とします。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/ev_delivery_plan.py" line="51" />
      <source>Max distance to a road (m) / 道路までの最大距離 (m)</source>
      <translation>道路までの最大距離 (m)</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/ev_delivery_plan.py" line="56" />
      <source>Road ends closer than this (in the road layer's units) are joined when the graph is built. / この距離より近い道路の端点を接続します（道路レイヤの単位）。</source>
      <translation>この距離より近い道路の端点を接続します（道路レイヤの単位）。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/ev_delivery_plan.py" line="57" />
      <source>Road topology tolerance (layer units) / 道路の接続許容値</source>
      <translation>道路の接続許容値</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/ev_delivery_plan.py" line="103" />
      <source>EV power delivery plan / EV電力輸送計画</source>
      <translation>EV電力輸送計画</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/ev_delivery_plan.py" line="104" />
      <source>Plans which EV carries electricity from which charger to which shelter, with trips, kWh and travel time, to cover as much of the shelters' unmet energy (e.g. shortfall_kwh_72h from the outage autonomy) as the time budget allows. Exact mixed-integer programme (HiGHS via scipy.optimize.milp): integer round trips per vehicle and shelter, kWh per trip limited by the usable battery, each shelter's need, per-vehicle time (driving, 15 min handling, hand-over at the feeder's kW, recharging at the charger's kW) and the station's energy (carport PV + station battery x SoC, the grid being down). Objective: most kWh, then least driving. Distances on the ROADS network when given, else straight line x detour factor. Vehicles start full at their home_site (a charger id).
どのEVがどの充電拠点からどの避難所へ何往復・何kWh運ぶかを、時間枠内で不足電力量を最大限まかなうよう厳密な混合整数計画（HiGHS）で求めます。出力は充電拠点→避難所の線、計画表、EV給電後の避難所です。</source>
      <translation>どのEVがどの充電拠点からどの避難所へ何往復・何kWh運ぶかを、時間枠内で不足電力量を最大限まかなうよう厳密な混合整数計画（HiGHS）で求めます。出力は充電拠点→避難所の線、計画表、EV給電後の避難所です。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/ev_delivery_plan.py" line="118" />
      <source>Charger sites (points): charger_kw, pv_carport_kw, station_battery_kwh, soc (0-1), optional ports. / 充電拠点（点）: charger_kw, pv_carport_kw, station_battery_kwh, soc（0〜1）。</source>
      <translation>充電拠点（点）: charger_kw, pv_carport_kw, station_battery_kwh, soc（0〜1）。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/ev_delivery_plan.py" line="122" />
      <source>Field with the charger id that ev_fleet.home_site refers to. / EVのhome_siteが参照するID項目。</source>
      <translation>EVのhome_siteが参照するID項目。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/ev_delivery_plan.py" line="125" />
      <source>Table of vehicles: vehicle_id, home_site (charger id), battery_kwh, usable_fraction (0-1, empty = rules default), v2l_kw (external feeder kW, empty = 4.5), owner (city / dealer). / 車両表: vehicle_id, home_site, battery_kwh, usable_fraction, v2l_kw, owner。</source>
      <translation>車両表: vehicle_id, home_site, battery_kwh, usable_fraction, v2l_kw, owner。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/ev_delivery_plan.py" line="125" />
      <source>EV fleet / EV車両表</source>
      <translation>EV車両表</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/ev_delivery_plan.py" line="130" />
      <source>Shelters with their unmet energy, e.g. the shelters_energy output of Outage autonomy. / 不足電力量を持つ避難所（停電時自立時間の出力など）。</source>
      <translation>不足電力量を持つ避難所（停電時自立時間の出力など）。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/ev_delivery_plan.py" line="134" />
      <source>Unique shelter id. / 避難所の一意なID。</source>
      <translation>避難所の一意なID。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/ev_delivery_plan.py" line="137" />
      <source>kWh each shelter lacks to reach the target duration (NULL = 0). / 目標時間に足りない電力量 kWh。</source>
      <translation>目標時間に足りない電力量 kWh。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/ev_delivery_plan.py" line="137" />
      <source>Shortfall field (kWh) / 不足電力量項目 (kWh)</source>
      <translation>不足電力量項目 (kWh)</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/ev_delivery_plan.py" line="141" />
      <source>Hours of autonomy now; with LOAD_FIELD gives hours_after_ev = hours + kWh delivered / load. If absent the before/after counts use the shortfall. / 現在の自立時間（時間）。</source>
      <translation>現在の自立時間（時間）。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/ev_delivery_plan.py" line="141" />
      <source>Autonomy hours field / 自立時間項目</source>
      <translation>自立時間項目</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/ev_delivery_plan.py" line="146" />
      <source>Critical load in kW that the delivered energy runs. / 給電した電力で賄う重要負荷 (kW)。</source>
      <translation>給電した電力で賄う重要負荷 (kW)。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/ev_delivery_plan.py" line="146" />
      <source>Critical load field (kW) / 重要負荷項目 (kW)</source>
      <translation>重要負荷項目 (kW)</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/ev_delivery_plan.py" line="150" />
      <source>Duration used to count shelters below target before and after the plan (FDMA target 72 h). / 計画前後の目標未達避難所数を数える時間（消防庁の目安72時間）。</source>
      <translation>計画前後の目標未達避難所数を数える時間（消防庁の目安72時間）。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/ev_delivery_plan.py" line="150" />
      <source>Target duration (h) / 目標時間 (h)</source>
      <translation>目標時間 (h)</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/ev_delivery_plan.py" line="154" />
      <source>Hours each vehicle may work (drive, hand over, recharge). / 各車両が稼働できる時間。</source>
      <translation>各車両が稼働できる時間。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/ev_delivery_plan.py" line="154" />
      <source>Time budget (h) / 時間枠 (h)</source>
      <translation>時間枠 (h)</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/ev_delivery_plan.py" line="158" />
      <source>HiGHS stops after this and reports the best plan with its MIP gap. / 上限到達時は最良の計画とギャップを報告。</source>
      <translation>上限到達時は最良の計画とギャップを報告。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/ev_delivery_plan.py" line="158" />
      <source>Optimiser time limit (s) / 計算時間上限 (秒)</source>
      <translation>計算時間上限 (秒)</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/ev_delivery_plan.py" line="163" />
      <source>One line per vehicle and shelter (charger -&gt; shelter) with trips and kWh. / 車両×避難所ごとの線。</source>
      <translation>車両×避難所ごとの線。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/ev_delivery_plan.py" line="163" />
      <source>EV plan lines / EV計画（線）</source>
      <translation>EV計画（線）</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/ev_delivery_plan.py" line="166" />
      <source>The plan as a table: vehicle, shelter, trips, kWh delivered, travel time. / 計画表。</source>
      <translation>計画表。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/ev_delivery_plan.py" line="166" />
      <source>EV plan table / EV計画表</source>
      <translation>EV計画表</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/ev_delivery_plan.py" line="169" />
      <source>Shelters + ev_kwh_delivered, shortfall_after_kwh, hours_after_ev (hours + kWh / mean critical load, an estimate), reaches_target (no kWh shortfall left). / 避難所＋受電量・残る不足量・給電後の自立時間（推計）・目標達成。</source>
      <translation>避難所＋受電量・残る不足量・給電後の自立時間（推計）・目標達成。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/ev_delivery_plan.py" line="169" />
      <source>Shelters after EV / EV給電後の避難所</source>
      <translation>EV給電後の避難所</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/expiry_rotation.py" line="20" />
      <source>Expiry rotation schedule / 期限管理・入替計画</source>
      <translation>期限管理・入替計画</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/expiry_rotation.py" line="21" />
      <source>Lists the stock lots that expire within N months of the reference date (and those already expired), by site and month, with a suggested rotation from rules/stockpile_rotation.json: city stock close to expiry is donated (food banks, welfare facilities), used in drills or sold through a partner store; partner stock rotates through normal sales (check the commitment is restocked); expired stock is disposed of and replaced. A second table gives the replacement purchase per fiscal year (April-March) and item for city stock.
基準日からNか月以内に期限を迎える（または期限切れの）在庫を拠点・月ごとに示し、寄贈・訓練で使用・協定事業者を通じた販売などの入替方法を提案します。市の備蓄の年度別買替量も出力します。</source>
      <translation>基準日からNか月以内に期限を迎える（または期限切れの）在庫を拠点・月ごとに示し、寄贈・訓練で使用・協定事業者を通じた販売などの入替方法を提案します。市の備蓄の年度別買替量も出力します。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/expiry_rotation.py" line="34" />
      <source>Canonical stock_items table. / 備蓄品テーブル。</source>
      <translation>備蓄品テーブル。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/expiry_rotation.py" line="34" />
      <location filename="../processing_algorithms/import_stockpile.py" line="50" />
      <location filename="../processing_algorithms/partner_audit.py" line="39" />
      <source>Stock items / 備蓄品</source>
      <translation>備蓄品</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/expiry_rotation.py" line="37" />
      <source>Optional: stock sites, to add the site names. / 任意: 拠点名を付けるための備蓄拠点。</source>
      <translation>任意: 拠点名を付けるための備蓄拠点。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/expiry_rotation.py" line="37" />
      <location filename="../processing_algorithms/import_stockpile.py" line="47" />
      <location filename="../processing_algorithms/partner_audit.py" line="42" />
      <source>Stock sites / 備蓄拠点</source>
      <translation>備蓄拠点</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/expiry_rotation.py" line="40" />
      <source>Date the months are counted from (ISO, 2026/3/31 or 令和8年3月31日). Empty: today. / 基準日（空欄は今日）。</source>
      <translation>基準日（空欄は今日）。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/expiry_rotation.py" line="40" />
      <source>Reference date / 基準日</source>
      <translation>基準日</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/expiry_rotation.py" line="43" />
      <source>Lots expiring within this many months are listed. / この月数以内に期限を迎える在庫を一覧にします。</source>
      <translation>この月数以内に期限を迎える在庫を一覧にします。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/expiry_rotation.py" line="43" />
      <source>Months ahead / 対象期間（か月）</source>
      <translation>対象期間（か月）</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/expiry_rotation.py" line="46" />
      <source>One row per lot: site, month, months left, item, quantity, suggested action. / ロットごとの一覧。</source>
      <translation>ロットごとの一覧。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/expiry_rotation.py" line="46" />
      <source>Expiring lots / 期限が近い在庫</source>
      <translation>期限が近い在庫</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/expiry_rotation.py" line="49" />
      <source>City stock to buy per fiscal year and item, in base units. / 年度・品目別の市の買替量（基本単位）。</source>
      <translation>年度・品目別の市の買替量（基本単位）。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/expiry_rotation.py" line="50" />
      <source>Replacement per fiscal year / 年度別買替量</source>
      <translation>年度別買替量</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/expiry_rotation.py" line="53" />
      <source>Lots listed / 対象ロット数</source>
      <translation>対象ロット数</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/expiry_rotation.py" line="54" />
      <source>Expired lots / 期限切れロット数</source>
      <translation>期限切れロット数</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/exposed_population.py" line="26" />
      <source>Exposed population by depth class / 浸水深ランク別の曝露人口</source>
      <translation>浸水深ランク別の曝露人口</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/exposed_population.py" line="27" />
      <source>Counts the people of every population zone in each inundation depth class (rules/depth_classes.json). Zones may be polygons (mesh cells, districts: each zone's population is spread evenly over its area, and the area in each class comes from exact cell coverage fractions, exactextract), points (town points such as Takamatsu's: all people of a point take the class of its cell) or a table of JIS X 0410 mesh codes (cells rebuilt with jismesh). Area outside the raster or on NoData is reported as people_no_data, never as safe. people_exposed = rank 2 (0.5 m) or deeper.
人口（メッシュ・地区ポリゴン、町丁の代表点、またはJIS X 0410メッシュコードの表）とハザードラスタから、区域ごとに浸水深ランク別の人口を求めます。ポリゴンは面積按分（exactextractの正確な被覆率）、点はその地点のランク。範囲外・NoDataは people_no_data（安全扱いしません）。</source>
      <translation>人口（メッシュ・地区ポリゴン、町丁の代表点、またはJIS X 0410メッシュコードの表）とハザードラスタから、区域ごとに浸水深ランク別の人口を求めます。ポリゴンは面積按分（exactextractの正確な被覆率）、点はその地点のランク。範囲外・NoDataは people_no_data（安全扱いしません）。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/exposed_population.py" line="47" />
      <source>Population zones: polygons (mesh cells, districts), points (town points) or a table with a JIS X 0410 mesh code field. / 人口の区域（ポリゴン・点、またはメッシュコードの表）。</source>
      <translation>人口の区域（ポリゴン・点、またはメッシュコードの表）。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/exposed_population.py" line="51" />
      <source>Number of people in the zone (e.g. ptn_2020 of KSJ 500 m mesh, totalPopulation of Takamatsu). / 区域の人口の項目。</source>
      <translation>区域の人口の項目。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/exposed_population.py" line="56" />
      <source>Optional: a JIS X 0410 mesh code field (4-11 digits). When set, the zones are the mesh cells rebuilt from the codes and the layer's own geometry is ignored. / 任意。地域メッシュコードの項目。指定するとメッシュの区画を作り直して使います。</source>
      <translation>任意。地域メッシュコードの項目。指定するとメッシュの区画を作り直して使います。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/exposed_population.py" line="56" />
      <source>Mesh code field / メッシュコードの項目</source>
      <translation>メッシュコードの項目</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/exposed_population.py" line="61" />
      <source>Optional: a field naming the zone (town name, mesh id), copied to the output. / 任意。区域名・ID。</source>
      <translation>任意。区域名・ID。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/exposed_population.py" line="64" />
      <source>One-band raster of inundation depth (m) or depth-rank codes, any CRS. / 浸水深またはランクのラスタ。</source>
      <translation>浸水深またはランクのラスタ。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/exposed_population.py" line="64" />
      <location filename="../processing_algorithms/hazard_exposure.py" line="107" />
      <source>Hazard raster / ハザードラスタ</source>
      <translation>ハザードラスタ</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/exposed_population.py" line="67" />
      <source>depth_m: depth in metres; rank: depth-rank codes 1-6 (other values are no data). / depth_m＝浸水深（m）、rank＝浸水深ランクコード。</source>
      <translation>depth_m＝浸水深（m）、rank＝浸水深ランクコード。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/exposed_population.py" line="67" />
      <location filename="../processing_algorithms/hazard_exposure.py" line="118" />
      <source>Raster values / ラスタの値</source>
      <translation>ラスタの値</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/exposed_population.py" line="74" />
      <source>One feature per zone with population, people_rank_1..6, people_dry, people_no_data, people_exposed, share_exposed. / 区域ごとのランク別人口。</source>
      <translation>区域ごとのランク別人口。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/exposed_population.py" line="74" />
      <source>Exposed population / 曝露人口</source>
      <translation>曝露人口</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/exposed_population.py" line="79" />
      <source>People at rank 2+ / ランク2以上の人口</source>
      <translation>ランク2以上の人口</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/hazard_exposure.py" line="55" />
      <location filename="../processing_algorithms/option_labels.py" line="17" />
      <location filename="../processing_algorithms/shelter_catchments.py" line="31" />
      <source>Flood / 洪水</source>
      <translation>洪水</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/hazard_exposure.py" line="55" />
      <location filename="../processing_algorithms/option_labels.py" line="18" />
      <location filename="../processing_algorithms/shelter_catchments.py" line="32" />
      <source>Tsunami / 津波</source>
      <translation>津波</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/hazard_exposure.py" line="55" />
      <location filename="../processing_algorithms/option_labels.py" line="19" />
      <location filename="../processing_algorithms/shelter_catchments.py" line="32" />
      <source>Storm surge / 高潮</source>
      <translation>高潮</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/hazard_exposure.py" line="56" />
      <location filename="../processing_algorithms/option_labels.py" line="20" />
      <location filename="../processing_algorithms/shelter_catchments.py" line="33" />
      <source>Inland flooding / 内水氾濫</source>
      <translation>内水氾濫</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/hazard_exposure.py" line="56" />
      <location filename="../processing_algorithms/shelter_catchments.py" line="33" />
      <source>Landslide / 崖崩れ・土石流・地滑り</source>
      <translation>崖崩れ・土石流・地滑り</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/hazard_exposure.py" line="58" />
      <source>Depth in metres / 浸水深（m）</source>
      <translation>浸水深（m）</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/hazard_exposure.py" line="58" />
      <source>Depth-rank codes 1-6 / 浸水深ランク（1～6）</source>
      <translation>浸水深ランク（1～6）</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/hazard_exposure.py" line="24" />
      <source>The hazard raster's NoData value when the file has no NoData tag (e.g. -9999). Empty: the tag, or a common fill value (-9999, -3.4e38, -32768, 65535, ...) found in an untagged raster, with a warning. / ラスタにNoData値の設定がない場合のNoData値（例 -9999）。空欄ならファイルの設定、なければよくある埋め値を警告付きでNoDataとします。</source>
      <translation>ラスタにNoData値の設定がない場合のNoData値（例 -9999）。空欄ならファイルの設定、なければよくある埋め値を警告付きでNoDataとします。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/hazard_exposure.py" line="24" />
      <source>Raster NoData value / ラスタのNoData値</source>
      <translation>ラスタのNoData値</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/hazard_exposure.py" line="78" />
      <source>Hazard exposure of facilities / 施設のハザード曝露</source>
      <translation>施設のハザード曝露</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/hazard_exposure.py" line="79" />
      <source>Samples a hazard raster (inundation depth in metres, or depth-rank codes 1-6 as in KSJ A31 and the hazard-map portal) at every facility and adds &lt;type&gt;_value (the cell under the point), &lt;type&gt;_max (the highest cell whose centre lies within RADIUS_M), &lt;type&gt;_rank (depth class, rules/depth_classes.json, from &lt;type&gt;_max), &lt;type&gt;_conflict and &lt;type&gt;_basis. A conflict is a facility designated safe for the hazard (ok_&lt;type&gt;) at rank 2 or more (0.5 m+) whose data gives no way to stay above the water: no vertical-evacuation condition (△, conditional_hazards) and not enough floors ((floors - 1) x 3 m below the depth; rules/vertical_evacuation.json). Elevation above sea level is not used: depth is already measured from the ground. Outside the raster or on NoData the value is NULL and the conflict NULL: no data is never reported as safe. The raster may be in any CRS; it is read window by window.
ハザードラスタ（浸水深m または浸水深ランク1～6）を各施設で読み取り、値・半径内最大値・浸水深ランク・指定との矛盾を追加します。矛盾＝その災害の避難場所に指定されているのに浸水深ランク2（0.5m）以上で、上階避難の条件（△）も十分な階数もない施設。標高は使いません（浸水深は地盤面からの深さのため）。範囲外・NoDataはNULL（安全とはみなしません）。</source>
      <translation>ハザードラスタ（浸水深m または浸水深ランク1～6）を各施設で読み取り、値・半径内最大値・浸水深ランク・指定との矛盾を追加します。矛盾＝その災害の避難場所に指定されているのに浸水深ランク2（0.5m）以上で、上階避難の条件（△）も十分な階数もない施設。標高は使いません（浸水深は地盤面からの深さのため）。範囲外・NoDataはNULL（安全とはみなしません）。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/hazard_exposure.py" line="102" />
      <source>Facilities, normally the canonical layer from sonae:importshelters (ok_&lt;type&gt;, floors, conditional_hazards are used when present). Polygons are sampled at a point on their surface. / 施設レイヤ（通常は sonae:importshelters の出力）。</source>
      <translation>施設レイヤ（通常は sonae:importshelters の出力）。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/hazard_exposure.py" line="107" />
      <source>One-band raster of inundation depth (m) or depth-rank codes, any CRS, from any GDAL source QGIS opens (GeoTIFF, GeoPackage raster, /vsicurl/ COG); NoData respected. Multi-band rasters are refused. Leave empty when HAZARD_POLYGONS are given. / 浸水深（m）または浸水深ランクの1バンドのラスタ（座標系は任意。GeoTIFF・GeoPackageラスタ・/vsicurl/ のCOGなど）。HAZARD_POLYGONS を使う場合は空欄。</source>
      <translation>浸水深（m）または浸水深ランクの1バンドのラスタ（座標系は任意。GeoTIFF・GeoPackageラスタ・/vsicurl/ のCOGなど）。HAZARD_POLYGONS を使う場合は空欄。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/hazard_exposure.py" line="113" />
      <source>Which hazard the raster shows; names the output fields (&lt;type&gt;_value ...) and the designation flag checked (ok_&lt;type&gt;). / ラスタの災害種別。出力項目名と照合する指定フラグ（ok_&lt;種別&gt;）を決めます。</source>
      <translation>ラスタの災害種別。出力項目名と照合する指定フラグ（ok_&lt;種別&gt;）を決めます。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/hazard_exposure.py" line="113" />
      <source>Hazard type / 災害種別</source>
      <translation>災害種別</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/hazard_exposure.py" line="118" />
      <source>depth_m: depth in metres, classified with rules/depth_classes.json; rank: depth-rank codes 1-6 (KSJ A31 / portal; other values are no data). / depth_m＝浸水深（m）、rank＝浸水深ランクコード。</source>
      <translation>depth_m＝浸水深（m）、rank＝浸水深ランクコード。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/hazard_exposure.py" line="123" />
      <source>Also take the highest value of the cells whose centres lie within this many metres of the facility (its site). 0 = the point only. / 施設から指定半径（m）内のセルの最大値も求めます。0＝地点のみ。</source>
      <translation>施設から指定半径（m）内のセルの最大値も求めます。0＝地点のみ。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/hazard_exposure.py" line="123" />
      <source>Footprint radius (m) / 敷地半径（m）</source>
      <translation>敷地半径（m）</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/hazard_exposure.py" line="129" />
      <source>The facilities with the hazard fields added (the input layer is not changed). / ハザード項目を追加した施設（入力は変更しません）。</source>
      <translation>ハザード項目を追加した施設（入力は変更しません）。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/hazard_exposure.py" line="129" />
      <source>Facilities with hazard / 施設（ハザード付き）</source>
      <translation>施設（ハザード付き）</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/hazard_exposure.py" line="133" />
      <source>Conflicts / 指定との矛盾</source>
      <translation>指定との矛盾</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/hazard_exposure.py" line="134" />
      <source>Facilities without data / データなし</source>
      <translation>データなし</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/hazard_source.py" line="30" />
      <source>Instead of a raster: polygons with a depth (m) or depth-rank field, e.g. KSJ A31 (flood) or A40 (tsunami) from a file, PostGIS or memory layer. They are burnt into a temporary raster of HAZARD_POLYGONS_CELL_M; overlapping polygons take the highest value; outside every polygon the value is 0 (rank 0 = no data, depth 0 m = dry). / ラスタの代わりに、浸水深（m）または浸水深ランクの項目を持つポリゴン（国土数値情報 A31 洪水・A40 津波など、ファイル・PostGIS・メモリレイヤ）。指定のセルサイズで一時ラスタに変換します。重なりは大きい値、ポリゴン外は0（ランクでは「データなし」、浸水深では「浸水なし」）。</source>
      <translation>ラスタの代わりに、浸水深（m）または浸水深ランクの項目を持つポリゴン（国土数値情報 A31 洪水・A40 津波など、ファイル・PostGIS・メモリレイヤ）。指定のセルサイズで一時ラスタに変換します。重なりは大きい値、ポリゴン外は0（ランクでは「データなし」、浸水深では「浸水なし」）。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/hazard_source.py" line="30" />
      <source>Hazard polygons / ハザードのポリゴン</source>
      <translation>ハザードのポリゴン</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/hazard_source.py" line="38" />
      <source>The field of HAZARD_POLYGONS holding the depth (m) or the rank code, as VALUE_KIND says (KSJ A31a: A31a_205 rank; A40: A40_003). Text such as '0.5m' or '２' is read with Sonae's number parser; what cannot be read is refused with its row. / HAZARD_POLYGONS の浸水深（m）またはランクの項目（VALUE_KIND に合わせる）。文字の数値も読み取り、読めない行は行番号付きで中止します。</source>
      <translation>HAZARD_POLYGONS の浸水深（m）またはランクの項目（VALUE_KIND に合わせる）。文字の数値も読み取り、読めない行は行番号付きで中止します。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/hazard_source.py" line="38" />
      <source>Depth or rank field / 浸水深・ランクの項目</source>
      <translation>浸水深・ランクの項目</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/hazard_source.py" line="44" />
      <source>Cell size in metres (0.5-1,000) of the temporary raster made from HAZARD_POLYGONS. Smaller is more exact at polygon edges and slower; 5 m matches the KSJ 1st-mesh rasters. / HAZARD_POLYGONS から作る一時ラスタのセルサイズ（m、0.5～1,000）。小さいほど境界が正確で時間がかかります。</source>
      <translation>HAZARD_POLYGONS から作る一時ラスタのセルサイズ（m、0.5～1,000）。小さいほど境界が正確で時間がかかります。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/hazard_source.py" line="44" />
      <source>Cell size for polygons (m) / ポリゴン変換のセル（m）</source>
      <translation>ポリゴン変換のセル（m）</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/import_population.py" line="30" />
      <source>Import small-area population / 小地域人口の読み込み</source>
      <translation>小地域人口の読み込み</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/import_population.py" line="32" />
      <source>Reads the 2015 census small-area table (国勢調査 町丁・字等, the e-Stat boundary attribute table: KEY_CODE, JINKO, SETAI, MOJI, X_CODE, Y_CODE; CSV in UTF-8, UTF-8 with BOM or Shift_JIS/CP932, or its centroid GeoJSON), or any point or polygon layer with a population field, and writes one population zone per small-area code: key_code, city_code, name (町丁・字 name as written), population, households, population_status, pieces, area_m2. A code split into several boundary pieces is one zone: people and households summed; the point is the piece holding the people, polygons are merged. Suppressed or empty census cells (X, -, *, 秘匿, blank; rules/census_smallarea.json) make the zone's population NULL = unknown, with a warning naming them, never 0. Optionally the 都市計画基礎調査 building use by town table adds the residential floor area and houses per zone (joined by code, else by town name; rows that cannot be told apart or do not match are reported). The output feeds sonae:sheltercatchments and sonae:exposedpopulation (POPULATION_FIELD = population). Missing columns, text that is not a number, negative counts, an empty file and zones outside Japan in the layer's CRS stop the run with a message naming the file, the column and the row; nothing is written then.
国勢調査の小地域（町丁・字等）の表（e-Stat境界データの属性表：KEY_CODE、JINKO、SETAI、MOJI、X_CODE、Y_CODE。UTF-8・BOM付き・Shift_JIS/CP932のCSV、または代表点のGeoJSON）、または人口の項目を持つ点・ポリゴンのレイヤを読み、小地域コードごとに1つの人口区域を書き出します。複数の境界片に分かれたコードは人口・世帯を合計して1区域にまとめます。秘匿・空欄のセル（X、-、*、秘匿など）はその区域の人口を空（不明）とし、警告で示します（0とはしません）。都市計画基礎調査の建物用途別・町丁別の表を指定すると、住宅の延床面積と住宅数を区域ごとに付けます（コード、なければ町丁名で結合。結合できない行は報告します）。列の欠落、数値でない文字、負の値、空のファイル、座標参照系の誤りはファイル・列・行を示して中止し、何も書き出しません。</source>
      <translation>国勢調査の小地域（町丁・字等）の表（e-Stat境界データの属性表：KEY_CODE、JINKO、SETAI、MOJI、X_CODE、Y_CODE。UTF-8・BOM付き・Shift_JIS/CP932のCSV、または代表点のGeoJSON）、または人口の項目を持つ点・ポリゴンのレイヤを読み、小地域コードごとに1つの人口区域を書き出します。複数の境界片に分かれたコードは人口・世帯を合計して1区域にまとめます。秘匿・空欄のセル（X、-、*、秘匿など）はその区域の人口を空（不明）とし、警告で示します（0とはしません）。都市計画基礎調査の建物用途別・町丁別の表を指定すると、住宅の延床面積と住宅数を区域ごとに付けます（コード、なければ町丁名で結合。結合できない行は報告します）。列の欠落、数値でない文字、負の値、空のファイル、座標参照系の誤りはファイル・列・行を示して中止し、何も書き出しません。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/import_population.py" line="64" />
      <source>The e-Stat 2015 small-area attribute table (census2015_chome_&lt;code&gt;_attributes.csv: one row per boundary piece, KEY_CODE, JINKO, SETAI, MOJI, X_CODE, Y_CODE), in UTF-8, UTF-8 with BOM or Shift_JIS/CP932, or its centroid GeoJSON. Give this, or a layer (LAYER), or both: with both the people come from the table and the shapes from the layer, joined by KEY_FIELD. / e-Statの2015年小地域属性表（境界片ごとに1行）。UTF-8・BOM付き・Shift_JIS/CP932のCSV、または代表点のGeoJSON。これかレイヤ（LAYER）、または両方を指定します。両方の場合、人口は表から、形はレイヤからKEY_FIELDで結合します。</source>
      <translation>e-Statの2015年小地域属性表（境界片ごとに1行）。UTF-8・BOM付き・Shift_JIS/CP932のCSV、または代表点のGeoJSON。これかレイヤ（LAYER）、または両方を指定します。両方の場合、人口は表から、形はレイヤからKEY_FIELDで結合します。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/import_population.py" line="64" />
      <source>Census small-area table / 小地域の表</source>
      <translation>小地域の表</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/import_population.py" line="72" />
      <source>A point or polygon layer of small areas: the centroid GeoJSON, 町丁 boundary polygons, or any layer with a population field (set POPULATION_FIELD and KEY_FIELD to its fields). Polygons of one key are merged. Its CRS must be right: zones falling outside Japan are refused. / 小地域の点またはポリゴンのレイヤ（代表点のGeoJSON、町丁の境界、人口の項目を持つ任意のレイヤ。POPULATION_FIELD・KEY_FIELD をその項目に設定）。同じキーのポリゴンは1つにまとめます。座標参照系が正しくないと（日本の範囲外になると）中止します。</source>
      <translation>小地域の点またはポリゴンのレイヤ（代表点のGeoJSON、町丁の境界、人口の項目を持つ任意のレイヤ。POPULATION_FIELD・KEY_FIELD をその項目に設定）。同じキーのポリゴンは1つにまとめます。座標参照系が正しくないと（日本の範囲外になると）中止します。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/import_population.py" line="73" />
      <source>Small-area layer / 小地域レイヤ</source>
      <translation>小地域レイヤ</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/import_population.py" line="80" />
      <source>Column holding the small-area code; pieces with the same code become one zone (KEY_CODE in the e-Stat table). Empty: every row or feature is its own zone. / 小地域コードの列。同じコードの行を1区域にまとめます（e-Statの表では KEY_CODE）。空欄なら行（地物）ごとに1区域。</source>
      <translation>小地域コードの列。同じコードの行を1区域にまとめます（e-Statの表では KEY_CODE）。空欄なら行（地物）ごとに1区域。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/import_population.py" line="80" />
      <source>Small-area code field / 小地域コードの列</source>
      <translation>小地域コードの列</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/import_population.py" line="85" />
      <source>Column holding the number of people (JINKO in the e-Stat table). Text such as 1,768人 is read; suppressed marks (X, -, *, 秘匿) and blanks give NULL with a warning; other text is refused. / 人口の列（e-Statの表では JINKO）。「1,768人」のような表記は読みます。秘匿記号（X、-、*、秘匿）と空欄は空（不明）として警告し、その他の文字は受け付けません。</source>
      <translation>人口の列（e-Statの表では JINKO）。「1,768人」のような表記は読みます。秘匿記号（X、-、*、秘匿）と空欄は空（不明）として警告し、その他の文字は受け付けません。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/import_population.py" line="85" />
      <source>Population field / 人口の列</source>
      <translation>人口の列</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/import_population.py" line="91" />
      <source>Column holding the number of households (SETAI in the e-Stat table); written as households when the input has it. Empty or absent: no households column. / 世帯数の列（e-Statの表では SETAI）。入力にあれば households として書き出します。空欄・列がなければ出力しません。</source>
      <translation>世帯数の列（e-Statの表では SETAI）。入力にあれば households として書き出します。空欄・列がなければ出力しません。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/import_population.py" line="91" />
      <source>Households field / 世帯数の列</source>
      <translation>世帯数の列</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/import_population.py" line="96" />
      <source>Column holding the 町丁・字 name (MOJI in the e-Stat table; S_NAME is also tried). It is also what the buildings table's town names are matched against. / 町丁・字名の列（e-Statの表では MOJI。S_NAME も探します）。建物の表の町丁名との照合にも使います。</source>
      <translation>町丁・字名の列（e-Statの表では MOJI。S_NAME も探します）。建物の表の町丁名との照合にも使います。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/import_population.py" line="96" />
      <source>Name field / 町丁・字名の列</source>
      <translation>町丁・字名の列</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/import_population.py" line="101" />
      <source>Optional: the 都市計画基礎調査 building use by town table (Takamatsu: toshikeikaku_kiso_0085_building_use_by_town.csv; areaCode, townName, TotalFloorAreaOfTheHouse, NumberOf Houses). Adds res_floor_area_m2, houses and buildings_match (code, name, ambiguous, none) per zone; rows that match no zone or cannot be told apart are reported. / 任意：都市計画基礎調査の建物用途別・町丁別の表。区域ごとに住宅の延床面積（res_floor_area_m2）、住宅数（houses）、結合方法（buildings_match）を付けます。結合できない行は報告します。</source>
      <translation>任意：都市計画基礎調査の建物用途別・町丁別の表。区域ごとに住宅の延床面積（res_floor_area_m2）、住宅数（houses）、結合方法（buildings_match）を付けます。結合できない行は報告します。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/import_population.py" line="101" />
      <source>Buildings by town / 町丁別の建物</source>
      <translation>町丁別の建物</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/import_population.py" line="109" />
      <source>One feature per small area (points, or polygons when a polygon layer is given), in the CRS of the input (JGD2000 EPSG:4612 for the census table). / 小地域ごとに1地物（点、ポリゴンのレイヤを指定した場合はポリゴン）。座標参照系は入力のまま（国勢調査の表は JGD2000、EPSG:4612）。</source>
      <translation>小地域ごとに1地物（点、ポリゴンのレイヤを指定した場合はポリゴン）。座標参照系は入力のまま（国勢調査の表は JGD2000、EPSG:4612）。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/import_population.py" line="109" />
      <source>Population zones / 人口区域</source>
      <translation>人口区域</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/import_population.py" line="114" />
      <source>Zones written / 出力区域数</source>
      <translation>出力区域数</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/import_population.py" line="115" />
      <source>Population (known) / 人口（判明分）</source>
      <translation>人口（判明分）</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/import_population.py" line="116" />
      <source>Households (known) / 世帯数（判明分）</source>
      <translation>世帯数（判明分）</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/import_population.py" line="118" />
      <source>Zones with unknown population / 人口不明の区域数</source>
      <translation>人口不明の区域数</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/import_population.py" line="119" />
      <source>Building rows joined / 結合した建物の行数</source>
      <translation>結合した建物の行数</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/import_population.py" line="121" />
      <source>Building rows not joined / 結合できなかった建物の行数</source>
      <translation>結合できなかった建物の行数</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/import_shelters.py" line="24" />
      <source>Import shelters / 避難所データの読み込み</source>
      <translation>避難所データの読み込み</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/import_shelters.py" line="25" />
      <source>Reads shelter and emergency-site files as cities publish them and writes Sonae's canonical facilities layer (EPSG:6668, Japanese aliases). Formats: GSI 指定緊急避難場所/指定避難所 (CSV, GeoJSON or XLSX), the Digital Agency standard dataset (current 39-column and older 26-column layouts), Takamatsu's city tables (○/△/×/− flags, capacity, elevation), the Kumamoto prefectural portal master and KSJ P20. The layout and the encoding (UTF-8, UTF-8 with BOM, Shift_JIS/CP932) are detected from the content. An emergency site and a designated shelter at the same place (GSI 住所同一 flag, same name and address) become one feature with both flags. Coordinates may be decimal degrees or 度分秒 (34度23分26.9秒, 34°23′26.9″, N/E, 北緯/東経); numbers may be written as text (2,041人, 約100人 with a warning). Rows with missing or out-of-Japan coordinates are reported and skipped; unreadable numbers, a file lacking a column of its layout, cut-off rows and two files listing the same places are refused naming the file, row and column. Ids come from the publisher's id (GSI 共通ID, the city's #property), never from the file name.
国土地理院・デジタル庁・市独自形式・国土数値情報P20の避難所ファイルを読み込み、施設レイヤ（EPSG:6668）を作ります。文字コードと形式は内容から判別します（XLSX可）。座標は10進の度または度分秒、数値は「2,041人」のような表記も読めます。同じ場所の指定緊急避難場所と指定避難所は1地物にまとめます。読めない数値、列の欠けたファイル、途中で切れた行、同じ場所を載せた2つのファイルはファイル・行・列を示して中止します。IDはファイル名ではなく公開元のIDから作ります。</source>
      <translation>国土地理院・デジタル庁・市独自形式・国土数値情報P20の避難所ファイルを読み込み、施設レイヤ（EPSG:6668）を作ります。文字コードと形式は内容から判別します（XLSX可）。座標は10進の度または度分秒、数値は「2,041人」のような表記も読めます。同じ場所の指定緊急避難場所と指定避難所は1地物にまとめます。読めない数値、列の欠けたファイル、途中で切れた行、同じ場所を載せた2つのファイルはファイル・行・列を示して中止します。IDはファイル名ではなく公開元のIDから作ります。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/import_shelters.py" line="47" />
      <source>One or more CSV/TSV/GeoJSON/XLSX files of shelters or emergency sites, in any supported layout and encoding (Takamatsu's data.xlsx as the city publishes it). The same file given twice is read once; two files listing the same places are refused. / 避難所・緊急避難場所のCSV・GeoJSON・XLSXファイル（複数可）。同じファイルの重複指定は1回だけ読み、同じ場所を載せた2つのファイルは受け付けません。</source>
      <translation>避難所・緊急避難場所のCSV・GeoJSON・XLSXファイル（複数可）。同じファイルの重複指定は1回だけ読み、同じ場所を載せた2つのファイルは受け付けません。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/import_shelters.py" line="53" />
      <source>Instead of or besides files: vector layers of shelters from any source QGIS opens (a memory layer, a PostGIS or GeoPackage table, a WFS), either in a published layout (GSI, Digital Agency, Takamatsu, Kumamoto, KSJ P20, a facility table; the position comes from latitude/longitude columns or the geometry, reprojected to EPSG:6668) or in Sonae's canonical layout (id, name, emergency_site, designated_shelter ...: a previous import kept in a database, checked and passed through). / ファイルの代わりに（または加えて）、QGISが開けるベクタレイヤ（メモリレイヤ、PostGIS・GeoPackageのテーブル、WFSなど）の避難所。公開形式（国土地理院、デジタル庁、高松市、熊本県、国土数値情報P20、施設一覧。位置は緯度・経度の列またはジオメトリをEPSG:6668に変換して使用）か、Sonaeの標準形式（id、name、emergency_site、designated_shelter など。以前の読み込み結果をデータベースに保存したもの。検査してそのまま出力）のどちらか。</source>
      <translation>ファイルの代わりに（または加えて）、QGISが開けるベクタレイヤ（メモリレイヤ、PostGIS・GeoPackageのテーブル、WFSなど）の避難所。公開形式（国土地理院、デジタル庁、高松市、熊本県、国土数値情報P20、施設一覧。位置は緯度・経度の列またはジオメトリをEPSG:6668に変換して使用）か、Sonaeの標準形式（id、name、emergency_site、designated_shelter など。以前の読み込み結果をデータベースに保存したもの。検査してそのまま出力）のどちらか。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/import_shelters.py" line="53" />
      <source>Shelter layers / 避難所レイヤ</source>
      <translation>避難所レイヤ</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/import_shelters.py" line="65" />
      <source>The canonical facilities layer (GeoPackage by default). / 施設レイヤの出力先（既定はGeoPackage）。</source>
      <translation>施設レイヤの出力先（既定はGeoPackage）。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/import_shelters.py" line="68" />
      <source>Features written / 出力地物数</source>
      <translation>出力地物数</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/import_shelters.py" line="69" />
      <source>Rows skipped / 除外した行数</source>
      <translation>除外した行数</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/import_shelters.py" line="70" />
      <source>Places merged / 統合した場所数</source>
      <translation>統合した場所数</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/import_stockpile.py" line="19" />
      <source>Import stockpile inventory / 備蓄品データの読み込み</source>
      <translation>備蓄品データの読み込み</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/import_stockpile.py" line="20" />
      <source>Reads city and partner stockpile inventories (CSV in UTF-8 or Shift_JIS/CP932, or XLSX) and writes the canonical stock_sites (points, EPSG:6668) and stock_items (table). English or Japanese headers (拠点ID, 所有区分, 品目, 品名, 単位, 数量, 消費期限/賞味期限, 協定数量, 確認日). Dates may be ISO, 2026/3/31 or Japanese era (令和8年3月31日, R8.3.31, 令7.3.31, with or without a weekday such as (月)); an expiry printed as a month only (2029年3月, R11.3) means the end of that month. Quantities may be written 1,200 or １２００. Unknown items or units, unreadable or negative quantities, impossible dates, a verification or manufacture date in the future, a manufacture date after the expiry, water or food without an expiry date, cut-off rows, duplicate rows, partner rows without a committed quantity and sites without a location stop the import with a message naming the row; nothing is written then.
市と協定事業者の備蓄在庫（CSV・XLSX、日本語見出し・和暦可）を読み込み、備蓄拠点（点）と備蓄品（表）を作ります。不正な行があれば行番号を示して中止し、何も書き出しません。</source>
      <translation>市と協定事業者の備蓄在庫（CSV・XLSX、日本語見出し・和暦可）を読み込み、備蓄拠点（点）と備蓄品（表）を作ります。不正な行があれば行番号を示して中止し、何も書き出しません。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/import_stockpile.py" line="39" />
      <source>The items table (one row per lot: site, owner type, item, unit, quantity, expiry ...). In an XLSX the sheet 在庫/stock_items is used. / 在庫表（ロットごとに1行）。XLSXはシート「在庫」を読みます。</source>
      <translation>在庫表（ロットごとに1行）。XLSXはシート「在庫」を読みます。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/import_stockpile.py" line="39" />
      <source>Inventory file / 在庫ファイル</source>
      <translation>在庫ファイル</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/import_stockpile.py" line="43" />
      <source>The stock sites (拠点ID, 拠点名, 所有区分, 住所, 緯度, 経度). May be the same XLSX (sheet 拠点). Empty: the items table's own 緯度/経度 columns. / 備蓄拠点の表。同じXLSXでも可。空欄なら在庫表の緯度・経度を使います。</source>
      <translation>備蓄拠点の表。同じXLSXでも可。空欄なら在庫表の緯度・経度を使います。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/import_stockpile.py" line="43" />
      <source>Sites file / 拠点ファイル</source>
      <translation>拠点ファイル</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/import_stockpile.py" line="47" />
      <source>Canonical stock_sites layer. / 備蓄拠点レイヤの出力先。</source>
      <translation>備蓄拠点レイヤの出力先。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/import_stockpile.py" line="50" />
      <source>Canonical stock_items table. / 備蓄品テーブルの出力先。</source>
      <translation>備蓄品テーブルの出力先。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/import_stockpile.py" line="56" />
      <source>Sites / 拠点数</source>
      <translation>拠点数</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/import_stockpile.py" line="57" />
      <source>Item rows / 品目行数</source>
      <translation>品目行数</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/option_labels.py" line="16" />
      <source>No hazard (every shelter) / 災害を限定しない（全避難所）</source>
      <translation>災害を限定しない（全避難所）</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/option_labels.py" line="21" />
      <source>Landslide / 土砂災害</source>
      <translation>土砂災害</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/option_labels.py" line="23" />
      <source>Depth in metres (depth_m) / 浸水深（m）（depth_m）</source>
      <translation>浸水深（m）（depth_m）</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/option_labels.py" line="24" />
      <source>Depth-rank codes 1-6 (rank) / 浸水深ランク 1-6（rank）</source>
      <translation>浸水深ランク 1-6（rank）</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/option_labels.py" line="26" />
      <source>Within capacity, shortest total distance / 収容人数内で総距離最短</source>
      <translation>収容人数内で総距離最短</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/option_labels.py" line="27" />
      <source>Nearest / 最寄り</source>
      <translation>最寄り</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/option_labels.py" line="29" />
      <source>Pooled per district / 地区ごとに合算</source>
      <translation>地区ごとに合算</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/option_labels.py" line="31" />
      <source>Japan (water 3 L/day) / 日本の基準（水 3 L/日）</source>
      <translation>日本の基準（水 3 L/日）</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/option_labels.py" line="32" />
      <source>Sphere (water 15 L/day) / スフィア基準（水 15 L/日）</source>
      <translation>スフィア基準（水 15 L/日）</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/option_labels.py" line="34" />
      <location filename="../processing_algorithms/option_labels.py" line="37" />
      <source>3.5 m2 (Cabinet Office 2024 / Sphere) / 3.5㎡（内閣府 2024年・スフィア基準）</source>
      <translation>3.5㎡（内閣府 2024年・スフィア基準）</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/option_labels.py" line="35" />
      <location filename="../processing_algorithms/option_labels.py" line="38" />
      <source>2.0 m2 (older plans) / 2.0㎡（従来の計画）</source>
      <translation>2.0㎡（従来の計画）</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/option_labels.py" line="36" />
      <location filename="../processing_algorithms/option_labels.py" line="39" />
      <source>1.65 m2 (1 tatami, older plans) / 1.65㎡（畳1枚、従来の計画）</source>
      <translation>1.65㎡（畳1枚、従来の計画）</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/option_labels.py" line="41" />
      <location filename="../processing_algorithms/size_for_autonomy.py" line="51" />
      <source>Keep existing PV / 既存のまま</source>
      <translation>既存のまま</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/option_labels.py" line="42" />
      <location filename="../processing_algorithms/option_labels.py" line="43" />
      <location filename="../processing_algorithms/size_for_autonomy.py" line="51" />
      <source>Raise PV to the self-consumption cap / 自家消費上限まで増設</source>
      <translation>自家消費上限まで増設</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/option_labels.py" line="45" />
      <source>Auto: nearest climate region / 自動（最寄りの気候地域）</source>
      <translation>自動（最寄りの気候地域）</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/outage_autonomy.py" line="32" />
      <source>Shelters or facilities (Sonae's shelters layer from sonae:sheltercatchments, with evacuees). Energy fields pv_kw, battery_kwh, battery_kw, battery_soc, generator_kw, fuel_l may be on this layer or in ENERGY_ASSETS. / 避難所レイヤ（避難者数付き）。設備の項目はこのレイヤか設備テーブルに置きます。</source>
      <translation>避難所レイヤ（避難者数付き）。設備の項目はこのレイヤか設備テーブルに置きます。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/outage_autonomy.py" line="37" />
      <source>Field with the facility id used to join ENERGY_ASSETS (Sonae: id). / 設備テーブルと結合する施設IDの項目。</source>
      <translation>設備テーブルと結合する施設IDの項目。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/outage_autonomy.py" line="37" />
      <source>Facility id field / 施設ID項目</source>
      <translation>施設ID項目</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/outage_autonomy.py" line="39" />
      <source>Number of evacuees per shelter; drives lighting and phone charging (rules/critical_loads.json). Empty = 0. / 避難者数。照明と携帯充電の負荷を決めます。空は0。</source>
      <translation>避難者数。照明と携帯充電の負荷を決めます。空は0。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/outage_autonomy.py" line="39" />
      <source>Evacuees field / 避難者数の項目</source>
      <translation>避難者数の項目</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/outage_autonomy.py" line="43" />
      <source>Facility type (school, community_center, welfare, ...) selecting the load set of rules/critical_loads.json; unknown or empty = default. / 施設種別（負荷の組合せを選びます）。</source>
      <translation>施設種別（負荷の組合せを選びます）。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/outage_autonomy.py" line="43" />
      <source>Facility type field / 施設種別の項目</source>
      <translation>施設種別の項目</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/outage_autonomy.py" line="47" />
      <source>Optional table keyed by facility id (ASSET_ID_FIELD) with pv_kw, battery_kwh, battery_kw, battery_soc (0-1), generator_kw, fuel_l, normal_kwh_year. Its fields replace the facilities' own. / 施設IDをキーとする設備テーブル（任意）。</source>
      <translation>施設IDをキーとする設備テーブル（任意）。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/outage_autonomy.py" line="47" />
      <source>Energy assets table / 設備テーブル</source>
      <translation>設備テーブル</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/outage_autonomy.py" line="52" />
      <source>Field of ENERGY_ASSETS holding the facility id. / 設備テーブルの施設ID項目。</source>
      <translation>設備テーブルの施設ID項目。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/outage_autonomy.py" line="52" />
      <source>Assets key field / 設備テーブルのキー項目</source>
      <translation>設備テーブルのキー項目</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/outage_autonomy.py" line="55" />
      <source>Battery state of charge (0-1) at the start of an outage when no monitored battery_soc is given; it is also the reserve used for outages starting at every hour of the year. / 停電開始時の充電率（0〜1）。監視値がない場合と、全時刻の停電開始シミュレーションに使います。</source>
      <translation>停電開始時の充電率（0〜1）。監視値がない場合と、全時刻の停電開始シミュレーションに使います。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/outage_autonomy.py" line="55" />
      <source>Starting state of charge / 開始時の充電率</source>
      <translation>開始時の充電率</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/outage_autonomy.py" line="63" />
      <source>Weather for the PV profile when no WEATHER_FILE is given: seeded synthetic years (daily clearness index as a Markov chain, Aguiar et al. 1988) calibrated to the monthly irradiance normals of one of Japan's 8 climate regions (rules/weather_normals_japan.json, from the 拡張アメダス standard years). Auto = the region whose reference point is nearest to each facility. / 気象ファイルがないときの合成気象の地域。自動は各施設に最も近い代表地点の地域。</source>
      <translation>気象ファイルがないときの合成気象の地域。自動は各施設に最も近い代表地点の地域。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/outage_autonomy.py" line="63" />
      <source>Weather region / 気象の地域</source>
      <translation>気象の地域</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/outage_autonomy.py" line="71" />
      <source>Optional 拡張アメダス standard-year CSV (外気温度, 法線面直達日射, 水平面天空日射 in W/m2; 8,760 hours) or a CSV with temp_air, dni, dhi: one weather year from measured data instead of the synthetic years. / 拡張アメダス標準年のCSV（任意）。合成気象の代わりに使います。</source>
      <translation>拡張アメダス標準年のCSV（任意）。合成気象の代わりに使います。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/outage_autonomy.py" line="71" />
      <source>Standard-year weather file / 標準年気象データ</source>
      <translation>標準年気象データ</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/outage_autonomy.py" line="76" />
      <source>Number of synthetic weather years; survival shares are taken over every start hour of every year. / 合成気象の年数。生存割合は全年・全開始時刻で集計します。</source>
      <translation>合成気象の年数。生存割合は全年・全開始時刻で集計します。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/outage_autonomy.py" line="76" />
      <source>Synthetic weather years / 合成気象の年数</source>
      <translation>合成気象の年数</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/outage_autonomy.py" line="81" />
      <source>Seed of the synthetic weather (same seed = same years). / 合成気象の乱数シード（同じ値で同じ結果）。</source>
      <translation>合成気象の乱数シード（同じ値で同じ結果）。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/outage_autonomy.py" line="81" />
      <source>Weather seed / 乱数シード</source>
      <translation>乱数シード</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/outage_autonomy.py" line="85" />
      <source>Optional CSV of 8,760 hourly values in kW per kWp (hour 0 = 1 January 00:00 JST) replacing the weather-based profile for every facility (one weather year). / 8760時間分のkW/kWp（任意）。</source>
      <translation>8760時間分のkW/kWp（任意）。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/outage_autonomy.py" line="85" />
      <source>Hourly PV profile CSV / 毎時の太陽光プロファイル</source>
      <translation>毎時の太陽光プロファイル</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/outage_autonomy.py" line="89" />
      <source>Add one 2 kW air conditioner per shelter in July-September daytime (rules/critical_loads.json). / 7〜9月の日中に空調2kWを加えます。</source>
      <translation>7〜9月の日中に空調2kWを加えます。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/outage_autonomy.py" line="89" />
      <source>Include air conditioning / 空調を含める</source>
      <translation>空調を含める</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/outage_autonomy.py" line="133" />
      <source>Outage autonomy / 停電時の自立時間</source>
      <translation>停電時の自立時間</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/outage_autonomy.py" line="134" />
      <source>How long each shelter keeps its critical loads (lighting, disaster radio, TV, phone charging, fridge) on in a power outage with its PV, battery and generator, with weather: PV comes from seeded synthetic weather years (daily clearness index as a Markov chain calibrated to the monthly irradiance normals of the nearest of Japan's 8 climate regions) or from a 拡張アメダス standard-year file. After NREL REopt's outage simulator: an outage is started at every hour of every weather year; surplus PV charges the battery within capacity, power and round-trip efficiency; deficits draw the generator (fuel curve, tank) then the battery; the first unmet hour ends the run. The facility's role (rules/facility_roles.json) sets the load and the target: open spaces carry none, tsunami buildings a reduced load for hours, and only the 72 h roles count in BELOW_TARGET. Adds role, autonomy_target_h, hours_now (the middle weather year), min_hours, median_hours, share_24h/72h/168h over start hours and weather years, and shortfall_kwh_&lt;target&gt;h.
停電時に各避難所が照明・防災無線・テレビ・携帯充電・冷蔵庫を何時間維持できるかを、気象（合成気象年または拡張アメダス標準年）を考慮した太陽光・蓄電池・発電機から計算します（NREL REoptの停電シミュレーションに準拠、全気象年・全時刻の停電開始を一括計算）。施設の役割で負荷と目標が決まります（緊急避難場所は負荷なし、津波避難ビルは時間単位）。</source>
      <translation>停電時に各避難所が照明・防災無線・テレビ・携帯充電・冷蔵庫を何時間維持できるかを、気象（合成気象年または拡張アメダス標準年）を考慮した太陽光・蓄電池・発電機から計算します（NREL REoptの停電シミュレーションに準拠、全気象年・全時刻の停電開始を一括計算）。施設の役割で負荷と目標が決まります（緊急避難場所は負荷なし、津波避難ビルは時間単位）。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/outage_autonomy.py" line="153" />
      <source>Target duration of the outage for the roles with a days target (stay and welfare shelters, disaster bases; rules/facility_roles.json); gives shortfall_kwh_&lt;h&gt;h (energy to bring in to reach it from now). Tsunami buildings keep their own target in hours; open spaces have none. Runs are simulated up to max(168, this). Default 72 h (FDMA target). / 日単位の目標を持つ役割（指定・福祉避難所、防災拠点）の目標停電時間。津波避難ビルは時間単位の独自目標、緊急避難場所は目標なし。既定72時間。</source>
      <translation>日単位の目標を持つ役割（指定・福祉避難所、防災拠点）の目標停電時間。津波避難ビルは時間単位の独自目標、緊急避難場所は目標なし。既定72時間。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/outage_autonomy.py" line="153" />
      <source>Target outage duration (h) / 目標時間（h）</source>
      <translation>目標時間（h）</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/outage_autonomy.py" line="161" />
      <source>When the outage for hours_now starts (Japan Standard Time); empty = the current hour. / hours_now の停電開始日時（日本時間）。空なら現在時刻。</source>
      <translation>hours_now の停電開始日時（日本時間）。空なら現在時刻。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/outage_autonomy.py" line="161" />
      <source>Outage starts at / 停電開始日時</source>
      <translation>停電開始日時</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/outage_autonomy.py" line="165" />
      <source>The shelters with their energy fields and the autonomy results (demo table shelters_energy). / 設備と自立時間の結果を付けた避難所。</source>
      <translation>設備と自立時間の結果を付けた避難所。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/outage_autonomy.py" line="165" />
      <source>Shelters with autonomy / 自立時間付き避難所</source>
      <translation>自立時間付き避難所</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/outage_autonomy.py" line="169" />
      <source>Shelters below target now (days roles) / 目標未満の避難所</source>
      <translation>目標未満の避難所</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/outage_autonomy.py" line="218" />
      <source>{n} facilities, {m} with a {target} h target (stay/welfare shelters, disaster bases; rules/facility_roles.json); {below} of them below {target} h from now (start {start}, the middle of {years} weather years); {worst} below {target} h for some start hour and weather year. / {target}時間目標の施設{m}件のうち、現在から{target}時間未満は{below}件。</source>
      <translation>{target}時間目標の施設{m}件のうち、現在から{target}時間未満は{below}件。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/partner_audit.py" line="25" />
      <source>Partner commitment audit / 協定事業者の在庫確認</source>
      <translation>協定事業者の在庫確認</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/partner_audit.py" line="26" />
      <source>For every retail partner and item: reported (unexpired) inventory vs the committed quantity, the gap, an under-commitment flag, and a stale-verification flag when the last check (確認日) is older than the maximum age (default 12 months: Miyazaki checks partners once a year, seed 000) or missing. The counted quantity is min(reported, committed). The council figure: how many people the partners' counted stock feeds for the planning horizon (the smallest over the profile's core items, water and meals).
協定事業者・品目ごとに、報告在庫と協定数量を比較し、不足と確認日の古さ（既定12か月超）を示します。協定事業者の在庫で何人を計画期間のあいだ支えられるかも計算します。</source>
      <translation>協定事業者・品目ごとに、報告在庫と協定数量を比較し、不足と確認日の古さ（既定12か月超）を示します。協定事業者の在庫で何人を計画期間のあいだ支えられるかも計算します。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/partner_audit.py" line="39" />
      <source>Canonical stock_items table (partner rows need committed_quantity and verified_on). / 備蓄品テーブル。</source>
      <translation>備蓄品テーブル。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/partner_audit.py" line="42" />
      <source>Optional: stock sites; the output then carries the partner's location and name. / 任意: 拠点（地図化）。</source>
      <translation>任意: 拠点（地図化）。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/partner_audit.py" line="45" />
      <source>Date of the audit (ISO, 2026/3/31 or 令和8年3月31日). Empty: today. / 確認基準日（空欄は今日）。</source>
      <translation>確認基準日（空欄は今日）。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/partner_audit.py" line="45" />
      <source>Audit date / 確認基準日</source>
      <translation>確認基準日</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/partner_audit.py" line="47" />
      <source>Per-person needs used to turn stock into persons fed. / 人数換算に使う1人あたり必要量。</source>
      <translation>人数換算に使う1人あたり必要量。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/partner_audit.py" line="47" />
      <location filename="../processing_algorithms/platform_delivery_plan.py" line="74" />
      <location filename="../processing_algorithms/stockpile_sufficiency.py" line="88" />
      <source>Needs profile / 需要プロファイル</source>
      <translation>需要プロファイル</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/partner_audit.py" line="51" />
      <source>Days the stock must feed people (default 3). / 何日分として人数換算するか（既定3日）。</source>
      <translation>何日分として人数換算するか（既定3日）。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/partner_audit.py" line="51" />
      <location filename="../processing_algorithms/stockpile_sufficiency.py" line="93" />
      <source>Planning horizon (days) / 計画期間（日）</source>
      <translation>計画期間（日）</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/partner_audit.py" line="55" />
      <source>A commitment last verified longer ago than this is flagged stale. / これより古い確認は要再確認とします。</source>
      <translation>これより古い確認は要再確認とします。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/partner_audit.py" line="56" />
      <source>Maximum age of a verification (months) / 確認の有効期間（か月）</source>
      <translation>確認の有効期間（か月）</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/partner_audit.py" line="60" />
      <source>One row per partner site and item. / 事業者拠点・品目ごとの表。</source>
      <translation>事業者拠点・品目ごとの表。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/partner_audit.py" line="60" />
      <source>Partner audit / 協定在庫の確認</source>
      <translation>協定在庫の確認</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/partner_audit.py" line="63" />
      <source>Persons fed for the horizon / 支えられる人数</source>
      <translation>支えられる人数</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/partner_audit.py" line="64" />
      <source>Horizon (days) / 日数</source>
      <translation>日数</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/partner_audit.py" line="65" />
      <source>Limiting item / 制約となる品目</source>
      <translation>制約となる品目</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/partner_audit.py" line="66" />
      <source>Under-committed rows / 協定不足の行数</source>
      <translation>協定不足の行数</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/partner_audit.py" line="67" />
      <source>Stale verifications / 要再確認の行数</source>
      <translation>要再確認の行数</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/platform_delivery_plan.py" line="28" />
      <source>Delivery plan to shelters / 避難所への配送計画</source>
      <translation>避難所への配送計画</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/platform_delivery_plan.py" line="29" />
      <source>Which stock site sends what to which shelter by which date. Each shelter needs persons x the needs profile x the horizon; persons are the observed head count (OBSERVED, e.g. sonae:importshelterops) where a shelter has one, else the persons field. Usable stock on the plan date (expired lots excluded, partner stock up to its commitment) goes nearest site first to the largest shelters first. A site makes N runs a day; a run's arrival adds the drive (road distance / speed). Outputs: every run and item, and per shelter the date everything arrives (delivery_by) and what remains short. Defaults in rules/delivery_plan.json are stated planning assumptions: replace them with the city's own vehicles.
どの備蓄拠点から、どの避難所へ、何を、いつまでに届けるかを計画し、避難所ごとの到着日を表にします（シード001: 避難所に配送日を伝える）。観測した避難者数があればそれを使います。</source>
      <translation>どの備蓄拠点から、どの避難所へ、何を、いつまでに届けるかを計画し、避難所ごとの到着日を表にします（シード001: 避難所に配送日を伝える）。観測した避難者数があればそれを使います。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/platform_delivery_plan.py" line="47" />
      <source>Shelter points with an id (and a modelled persons field), e.g. 'shelters' of the catchment step or the latest-per-shelter output of sonae:importshelterops. / 避難所（点）。</source>
      <translation>避難所（点）。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/platform_delivery_plan.py" line="51" />
      <source>Unique shelter id, the key to OBSERVED. / 避難所の一意なID（観測表との結合キー）。</source>
      <translation>避難所の一意なID（観測表との結合キー）。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/platform_delivery_plan.py" line="54" />
      <source>Persons staying (modelled or observed). / 滞在する人数。</source>
      <translation>滞在する人数。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/platform_delivery_plan.py" line="54" />
      <source>Persons field / 人数項目</source>
      <translation>人数項目</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/platform_delivery_plan.py" line="57" />
      <source>Shelter name copied to the outputs. / 出力に写す避難所名。</source>
      <translation>出力に写す避難所名。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/platform_delivery_plan.py" line="57" />
      <location filename="../processing_algorithms/stockpile_sufficiency.py" line="78" />
      <source>Name field / 名称項目</source>
      <translation>名称項目</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/platform_delivery_plan.py" line="60" />
      <source>Optional: a table with shelter_id and evacuees (sonae:importshelterops, latest per shelter); it replaces the persons field where a shelter has an observation. / 任意: 観測値で人数を置き換えます。</source>
      <translation>任意: 観測値で人数を置き換えます。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/platform_delivery_plan.py" line="60" />
      <location filename="../processing_algorithms/stockpile_sufficiency.py" line="122" />
      <source>Observed occupancy / 観測した避難者数</source>
      <translation>観測した避難者数</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/platform_delivery_plan.py" line="64" />
      <source>Canonical stock_sites (a GeoPackage table or the platform's sonae.sites). / 備蓄拠点。</source>
      <translation>備蓄拠点。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/platform_delivery_plan.py" line="67" />
      <source>Canonical stock_items (a GeoPackage table or the platform's sonae.stock_items). / 備蓄品。</source>
      <translation>備蓄品。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/platform_delivery_plan.py" line="70" />
      <source>The day the first runs leave (ISO, 2026/3/31 or 令和8年3月31日); stock expired then is excluded. Empty: today. / 最初の便が出る日（和暦可、空欄は今日）。</source>
      <translation>最初の便が出る日（和暦可、空欄は今日）。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/platform_delivery_plan.py" line="70" />
      <source>Plan date (first departures) / 計画日</source>
      <translation>計画日</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/platform_delivery_plan.py" line="74" />
      <source>Per-person needs (rules/needs_profiles.json). / 1人あたりの必要量。</source>
      <translation>1人あたりの必要量。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/platform_delivery_plan.py" line="78" />
      <source>Days of supply to deliver (default 3). / 届ける日数分（既定3日）。</source>
      <translation>届ける日数分（既定3日）。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/platform_delivery_plan.py" line="78" />
      <source>Days to supply / 供給日数</source>
      <translation>供給日数</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/platform_delivery_plan.py" line="81" />
      <source>Straight-line distance within which a site serves a shelter (0 = no limit). / 供給できる直線距離（0は無制限）。</source>
      <translation>供給できる直線距離（0は無制限）。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/platform_delivery_plan.py" line="81" />
      <location filename="../processing_algorithms/shelter_catchments.py" line="161" />
      <location filename="../processing_algorithms/stockpile_sufficiency.py" line="107" />
      <source>Maximum distance (m) / 最大距離（m）</source>
      <translation>最大距離（m）</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/platform_delivery_plan.py" line="85" />
      <source>Loaded runs one site can send a day (assumption, rules/delivery_plan.json). / 1拠点が1日に出せる便数。</source>
      <translation>1拠点が1日に出せる便数。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/platform_delivery_plan.py" line="85" />
      <source>Runs per site per day / 1拠点1日の便数</source>
      <translation>1拠点1日の便数</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/platform_delivery_plan.py" line="89" />
      <source>Average speed on damaged roads; road distance = {f} x straight line. / 被災時の平均速度。</source>
      <translation>被災時の平均速度。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/platform_delivery_plan.py" line="89" />
      <source>Road speed (km/h) / 走行速度（km/h）</source>
      <translation>走行速度（km/h）</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/platform_delivery_plan.py" line="94" />
      <source>One row per run and item: site, shelter, run number, item, units (base unit), departure and delivery date, distance. / 便・品目ごとの配送表。</source>
      <translation>便・品目ごとの配送表。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/platform_delivery_plan.py" line="94" />
      <source>Deliveries / 配送便</source>
      <translation>配送便</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/platform_delivery_plan.py" line="97" />
      <source>Per shelter: persons (and whether observed), runs, first delivery, delivery_by (everything arrived), need / delivered / short per item. / 避難所ごとの到着日と不足。</source>
      <translation>避難所ごとの到着日と不足。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/platform_delivery_plan.py" line="98" />
      <source>Delivery date per shelter / 避難所別の到着日</source>
      <translation>避難所別の到着日</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/platform_delivery_plan.py" line="105" />
      <source>Last delivery date / 最後の到着日</source>
      <translation>最後の到着日</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/platform_init.py" line="22" />
      <source>Create or upgrade the shared platform / 共有基盤の作成・更新</source>
      <translation>共有基盤の作成・更新</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/platform_init.py" line="23" />
      <source>Creates the shared PostGIS platform in a PostgreSQL database, or upgrades it: the SQL migrations in layers/platform/migrations are applied in order and recorded in sonae.schema_migrations (running it again does nothing). Creates the group roles sonae_city (staff: everything), sonae_partner (each partner: its own sites and lots only, by row-level security) and sonae_viewer (aggregate views only), the audit log written by trigger, and stores the layer styles in the database (layer_styles) so QGIS users open styled layers. Run it as the database owner / an administrator.
PostgreSQLに共有基盤（PostGIS）を作成・更新します。マイグレーションを順に適用し記録します（再実行しても変化なし）。市職員・協定事業者・閲覧者のロール、行単位セキュリティ、変更履歴（監査ログ）、レイヤスタイルを作ります。</source>
      <translation>PostgreSQLに共有基盤（PostGIS）を作成・更新します。マイグレーションを順に適用し記録します（再実行しても変化なし）。市職員・協定事業者・閲覧者のロール、行単位セキュリティ、変更履歴（監査ログ）、レイヤスタイルを作ります。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/platform_init.py" line="36" />
      <source>Store the Sonae QML styles as the default styles of the platform layers (QGIS table layer_styles). / SonaeのスタイルをDB内（layer_styles）に既定スタイルとして保存します。</source>
      <translation>SonaeのスタイルをDB内（layer_styles）に既定スタイルとして保存します。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/platform_init.py" line="36" />
      <source>Store layer styles / スタイルを保存</source>
      <translation>スタイルを保存</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/platform_init.py" line="39" />
      <source>Migrations applied / 適用したマイグレーション</source>
      <translation>適用したマイグレーション</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/platform_init.py" line="40" />
      <source>Schema version / スキーマの版</source>
      <translation>スキーマの版</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/platform_partner.py" line="14" />
      <source>Add a platform partner / 協定事業者の登録</source>
      <translation>協定事業者の登録</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/platform_partner.py" line="15" />
      <source>Adds a retail partner to the shared platform with its login role sonae_p_&lt;code&gt; (member of sonae_partner: row-level security lets it see and edit only its own sites and lots, never another partner's, and not the audit log). No password is set: the city's database administrator gives the role a password or certificate outside Sonae. Optional: the ids of the stock sites the partner owns (they become visible to it once imported). Running it again updates the name.
協定事業者とそのログインロール（sonae_p_コード）を登録します。行単位セキュリティにより自社の拠点・在庫だけを閲覧・編集できます。パスワードはSonaeでは設定しません（DB管理者が設定）。</source>
      <translation>協定事業者とそのログインロール（sonae_p_コード）を登録します。行単位セキュリティにより自社の拠点・在庫だけを閲覧・編集できます。パスワードはSonaeでは設定しません（DB管理者が設定）。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/platform_partner.py" line="27" />
      <source>1-40 lower-case letters, digits or _ (e.g. aeon_miyazaki); the role is sonae_p_&lt;code&gt;. / 半角英小文字・数字・_（ロール名 sonae_p_コード になります）。</source>
      <translation>半角英小文字・数字・_（ロール名 sonae_p_コード になります）。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/platform_partner.py" line="27" />
      <source>Partner code / 事業者コード</source>
      <translation>事業者コード</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/platform_partner.py" line="30" />
      <source>The partner's name as shown to staff (any text; stored as a value, never executed). / 事業者名。</source>
      <translation>事業者名。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/platform_partner.py" line="30" />
      <source>Partner name / 事業者名</source>
      <translation>事業者名</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/platform_partner.py" line="32" />
      <source>Comma-separated ids of the partner's stock sites (拠点ID), e.g. P01,P02. / 事業者の拠点ID（カンマ区切り）。</source>
      <translation>事業者の拠点ID（カンマ区切り）。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/platform_partner.py" line="32" />
      <source>Stock site ids / 拠点ID</source>
      <translation>拠点ID</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/platform_partner.py" line="34" />
      <source>Login role / ログインロール</source>
      <translation>ログインロール</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/platform_save.py" line="16" />
      <source>Save a result to the platform / 結果を共有基盤に保存</source>
      <translation>結果を共有基盤に保存</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/platform_save.py" line="17" />
      <source>Writes a result layer or table (e.g. stockpile sufficiency, partner audit, delivery plan) to the shared platform as sonae_results.&lt;table&gt;, replacing an earlier table of that name in one transaction: readers see the old result or the new one, never a half-written table. City staff role needed.
結果のレイヤ・表を共有基盤の sonae_results.&lt;テーブル名&gt; に保存します（同名の表は1つのトランザクションで置換）。</source>
      <translation>結果のレイヤ・表を共有基盤の sonae_results.&lt;テーブル名&gt; に保存します（同名の表は1つのトランザクションで置換）。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/platform_save.py" line="26" />
      <source>The layer or table to store. / 保存するレイヤ・表。</source>
      <translation>保存するレイヤ・表。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/platform_save.py" line="26" />
      <source>Result layer / 結果レイヤ</source>
      <translation>結果レイヤ</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/platform_save.py" line="29" />
      <source>Name of the table in schema sonae_results (any text; stored as a quoted identifier, never executed). / sonae_results スキーマのテーブル名。</source>
      <translation>sonae_results スキーマのテーブル名。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/platform_save.py" line="29" />
      <source>Table name / テーブル名</source>
      <translation>テーブル名</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/platform_save.py" line="32" />
      <source>Table / テーブル</source>
      <translation>テーブル</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/platform_save.py" line="33" />
      <source>Rows / 行数</source>
      <translation>行数</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/platform_shelter_ops.py" line="22" />
      <source>Import shelter operations (status, evacuees) / 避難所の開設状況・避難者数の読み込み</source>
      <translation>避難所の開設状況・避難者数の読み込み</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/platform_shelter_ops.py" line="23" />
      <source>Reads the shelter status and evacuee counts a city publishes during a disaster (one CSV per snapshot in the national 避難所 layout: ID, 名称, 地区, 人数, 時点, 緯度, 経度, 想定収容人数, e.g. 七尾市 during the Noto 2024 earthquake; or a table by date) and writes occupancy against capacity per shelter and time, and the latest count per shelter (points). Needs counts (乳幼児, 高齢者, 食事配慮, 要医療) under k (default 5) are suppressed in every output. Person-level files (氏名, 生年月日, 年齢..., or several rows for one shelter at one time) are refused and nothing is stored. With a platform connection the snapshots are also stored in the shared platform (one transaction).
災害時に市が公開する避難所の開設状況・避難者数（全国の避難所データ形式＋人数・時点）を読み込み、避難所・時点ごとの収容率と最新の人数を出力します。要配慮の内訳は k 未満（既定5）を秘匿します。個人単位のデータは拒否します。</source>
      <translation>災害時に市が公開する避難所の開設状況・避難者数（全国の避難所データ形式＋人数・時点）を読み込み、避難所・時点ごとの収容率と最新の人数を出力します。要配慮の内訳は k 未満（既定5）を秘匿します。個人単位のデータは拒否します。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/platform_shelter_ops.py" line="37" />
      <source>One snapshot or a long/by-date table (CSV in UTF-8 or Shift_JIS). / 開設状況のCSV（1時点または時系列）。</source>
      <translation>開設状況のCSV（1時点または時系列）。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/platform_shelter_ops.py" line="37" />
      <source>Snapshot file / 開設状況ファイル</source>
      <translation>開設状況ファイル</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/platform_shelter_ops.py" line="40" />
      <source>A folder of snapshot CSVs (every *.csv is read, e.g. the city's history/). / 開設状況CSVのフォルダ。</source>
      <translation>開設状況CSVのフォルダ。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/platform_shelter_ops.py" line="40" />
      <source>Folder of snapshots / 開設状況のフォルダ</source>
      <translation>開設状況のフォルダ</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/platform_shelter_ops.py" line="43" />
      <source>Needs cells (infants, elderly, dietary, medical) with a count under k are blanked in every output (default {k}, rules/shelter_ops.json). / 要配慮の内訳で k 未満の値を全出力で秘匿します（既定{k}）。</source>
      <translation>要配慮の内訳で k 未満の値を全出力で秘匿します（既定{k}）。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/platform_shelter_ops.py" line="43" />
      <source>Suppress needs counts under k / 秘匿の閾値 k</source>
      <translation>秘匿の閾値 k</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/platform_shelter_ops.py" line="50" />
      <source>One point per shelter: latest observed count, capacity, occupancy (suppressed needs). The input OBSERVED of stockpilesufficiency and deliveryplan. / 避難所ごとの最新の人数と収容率。</source>
      <translation>避難所ごとの最新の人数と収容率。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/platform_shelter_ops.py" line="50" />
      <source>Latest per shelter / 避難所別の最新</source>
      <translation>避難所別の最新</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/platform_shelter_ops.py" line="54" />
      <source>One row per shelter and observation time: status, evacuees, capacity, occupancy, over_capacity, suppressed needs. / 避難所・時点ごとの表。</source>
      <translation>避難所・時点ごとの表。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/platform_shelter_ops.py" line="55" />
      <source>Occupancy over time / 収容率の推移</source>
      <translation>収容率の推移</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/platform_shelter_ops.py" line="63" />
      <source>Latest time / 最新時点</source>
      <translation>最新時点</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/provider.py" line="55" />
      <source>Sonae — disaster prevention and local energy planning / 防災とエネルギーの計画</source>
      <translation>Sonae — 防災とエネルギーの計画</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/shelter_catchments.py" line="31" />
      <source>None: every stay shelter / 指定なし（全ての滞在型避難所）</source>
      <translation>指定なし（全ての滞在型避難所）</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/shelter_catchments.py" line="35" />
      <source>Within capacity, shortest total distance / 収容人数内で最短</source>
      <translation>収容人数内で最短</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/shelter_catchments.py" line="36" />
      <source>Nearest, capacity ignored / 最寄り（収容人数を無視）</source>
      <translation>最寄り（収容人数を無視）</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/shelter_catchments.py" line="75" />
      <source>Shelter catchments and shortfall / 避難所の受け持ち区域と不足</source>
      <translation>避難所の受け持ち区域と不足</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/shelter_catchments.py" line="76" />
      <source>Sends the expected stay evacuees of every population zone (population x EVACUATION_RATE, whole people: the total is rounded once and shared by largest remainder) to shelters that are safe for HAZARD_TYPE, without filling any shelter above its capacity (ASSIGNMENT = capacity: minimum-cost flow, exact and certified: a network simplex when numba is installed, else HiGHS; over straight-line or ROADS distance up to MAX_DISTANCE_M; people who cannot be placed are reported as unassigned) or, for comparison, to the nearest safe shelter regardless of capacity (ASSIGNMENT = nearest). Eligible: stay shelters only (rules/facility_roles.json: designated and welfare shelters; open spaces and tsunami buildings are immediate refuge, their capacity is reported as refuge_capacity), designated for the hazard (ok_&lt;hazard&gt;; unknown = not safe), not in conflict (&lt;hazard&gt;_conflict from sonae:hazardexposure); a site in the flooded area (rank &gt;= 2) kept by its upper floors or a △ note offers only the floors above the water (3 m per storey, rules/vertical_evacuation.json) pro rata of capacity, and nothing when floors are unknown. Capacity: capacity_persons, else floor_area_m2 / M2_PER_PERSON, else unknown (0, flagged).
各区域の避難所避難者（人口×避難率、整数に丸め合計を保存）を、災害種別（HAZARD_TYPE）に安全な避難所へ収容人数を超えないように割り当てます（最小費用流、直線または道路距離、最大距離まで）。受け入れ先のない人は未割当として報告します。比較用に最寄り割当（収容人数無視）も選べます。対象は滞在型の避難所（指定避難所・福祉避難所）のみで、公園・津波避難ビルは一時避難場所として別に集計します。当該災害の指定（ok_&lt;災害&gt;）がない・不明な施設、矛盾（&lt;災害&gt;_conflict）のある施設は除外し、浸水区域内で上階避難（△）の施設は浸水深より上の階の分だけ受け入れます（階数不明なら0）。</source>
      <translation>各区域の避難所避難者（人口×避難率、整数に丸め合計を保存）を、災害種別（HAZARD_TYPE）に安全な避難所へ収容人数を超えないように割り当てます（最小費用流、直線または道路距離、最大距離まで）。受け入れ先のない人は未割当として報告します。比較用に最寄り割当（収容人数無視）も選べます。対象は滞在型の避難所（指定避難所・福祉避難所）のみで、公園・津波避難ビルは一時避難場所として別に集計します。当該災害の指定（ok_&lt;災害&gt;）がない・不明な施設、矛盾（&lt;災害&gt;_conflict）のある施設は除外し、浸水区域内で上階避難（△）の施設は浸水深より上の階の分だけ受け入れます（階数不明なら0）。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/shelter_catchments.py" line="113" />
      <source>Canonical facilities (sonae:importshelters, or sonae:hazardexposure's output to exclude shelters in conflict). / 施設レイヤ（ハザード項目付きなら矛盾のある避難所を除外できます）。</source>
      <translation>施設レイヤ（ハザード項目付きなら矛盾のある避難所を除外できます）。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/shelter_catchments.py" line="117" />
      <source>Population zones as points or polygons (polygons are represented by a point on their surface). / 人口の区域（点またはポリゴン）。</source>
      <translation>人口の区域（点またはポリゴン）。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/shelter_catchments.py" line="121" />
      <source>Number of people in each zone (numbers, or text such as '2,041人'; NULL counts as 0 with a warning). / 区域の人口の項目（数値、または「2,041人」のような文字列）。</source>
      <translation>区域の人口の項目（数値、または「2,041人」のような文字列）。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/shelter_catchments.py" line="126" />
      <source>Optional: a field naming the zone, copied to the catchment output. / 任意。区域名・ID。</source>
      <translation>任意。区域名・ID。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/shelter_catchments.py" line="129" />
      <source>Share of the assigned residents expected to stay in the shelter. Default {default}: {source} / 割り当てた住民のうち避難所に滞在する割合。</source>
      <translation>割り当てた住民のうち避難所に滞在する割合。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/shelter_catchments.py" line="129" />
      <source>Evacuation rate / 避難所避難率</source>
      <translation>避難所避難率</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/shelter_catchments.py" line="134" />
      <source>Floor space per evacuee used when a shelter has a floor area but no capacity: 3.5 m2 (Cabinet Office, Dec 2024, Sphere), 2.0 or 1.65 m2 (older plans). / 収容人数がない場合に床面積から人数を求める1人当たり面積（3.5㎡: 内閣府2024年12月、2.0・1.65㎡: 従来の計画）。</source>
      <translation>収容人数がない場合に床面積から人数を求める1人当たり面積（3.5㎡: 内閣府2024年12月、2.0・1.65㎡: 従来の計画）。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/shelter_catchments.py" line="135" />
      <source>Space per evacuee / 1人当たり面積</source>
      <translation>1人当たり面積</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/shelter_catchments.py" line="141" />
      <source>none: every stay shelter at full capacity. flood, tsunami, storm_surge, inland_flood, landslide: only shelters designated for it (ok_&lt;hazard&gt;) and not in conflict (&lt;hazard&gt;_conflict, run sonae:hazardexposure first), upper floors only where the site floods. / none＝全ての滞在型避難所。災害種別を選ぶと、その災害に指定され矛盾のない避難所のみ（先に sonae:hazardexposure を実行）。</source>
      <translation>none＝全ての滞在型避難所。災害種別を選ぶと、その災害に指定され矛盾のない避難所のみ（先に sonae:hazardexposure を実行）。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/shelter_catchments.py" line="141" />
      <source>Hazard / 災害種別</source>
      <translation>災害種別</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/shelter_catchments.py" line="149" />
      <source>Legacy: a field named &lt;hazard&gt;_conflict (e.g. flood_conflict) selects HAZARD_TYPE = &lt;hazard&gt; when HAZARD_TYPE is none. Prefer HAZARD_TYPE. / 旧パラメータ。&lt;災害&gt;_conflict を指定すると HAZARD_TYPE をその災害にします。</source>
      <translation>旧パラメータ。&lt;災害&gt;_conflict を指定すると HAZARD_TYPE をその災害にします。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/shelter_catchments.py" line="149" />
      <source>Hazard conflict field (legacy) / ハザード矛盾の項目（旧）</source>
      <translation>ハザード矛盾の項目（旧）</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/shelter_catchments.py" line="155" />
      <source>capacity: no shelter above its capacity, shortest total distance (minimum-cost flow); nearest: every zone to its nearest eligible shelter, capacity ignored (the old method, for comparison). / capacity＝収容人数を超えない最短割当、nearest＝最寄り（収容人数無視、比較用）。</source>
      <translation>capacity＝収容人数を超えない最短割当、nearest＝最寄り（収容人数無視、比較用）。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/shelter_catchments.py" line="155" />
      <source>Assignment / 割当方法</source>
      <translation>割当方法</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/shelter_catchments.py" line="161" />
      <source>No evacuee travels farther (straight line or road); 0 = no limit. Zones with no eligible shelter within it are reported as unreached. Default {default} m: {source} / これより遠い避難所には割り当てません（0＝制限なし）。</source>
      <translation>これより遠い避難所には割り当てません（0＝制限なし）。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/shelter_catchments.py" line="168" />
      <source>Capacity assignment starts each zone with arcs to its k nearest shelters and adds any other arc that could shorten the plan (exact pricing), so the result is the optimum of the full problem; k only changes the speed. / 各区域の初期候補数（結果は変わらず速度のみに影響）。</source>
      <translation>各区域の初期候補数（結果は変わらず速度のみに影響）。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/shelter_catchments.py" line="168" />
      <source>Candidate shelters per zone / 候補避難所数</source>
      <translation>候補避難所数</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/shelter_catchments.py" line="173" />
      <source>Optional road lines: distances along the network (both directions) instead of straight lines. / 任意。道路を指定すると道路沿いの距離を使います。</source>
      <translation>任意。道路を指定すると道路沿いの距離を使います。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/shelter_catchments.py" line="177" />
      <source>Every shelter / emergency site with role, stay, eligible, eligibility, capacity_full, capacity_source, usable_floors, capacity_calc (places for this hazard), refuge_capacity, evacuees (whole people assigned), utilisation, room_left, assigned_zones, assigned_population, shortfall_persons (evacuees above capacity, plus evacuees who found no place and for whom this is the nearest eligible shelter within reach: the places it lacks). / 避難所ごとの役割・適否・収容人数・割当避難者・充足率。</source>
      <translation>避難所ごとの役割・適否・収容人数・割当避難者・充足率。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/shelter_catchments.py" line="184" />
      <source>Every population zone with evacuees, assigned_evacuees, unassigned_evacuees, unreached, its main shelter (shelter_id, shelter_name, distance_m), n_shelters, mean_distance_m and the nearest shelters that still have room (room_shelter_ids, room_distance_m). / 区域ごとの避難者・割当・未割当・割当先・空きのある最寄り避難所。</source>
      <translation>区域ごとの避難者・割当・未割当・割当先・空きのある最寄り避難所。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/shelter_catchments.py" line="184" />
      <source>Population catchment / 受け持ち区域</source>
      <translation>受け持ち区域</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/shelter_catchments.py" line="190" />
      <source>People assigned / 割当人口</source>
      <translation>割当人口</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/shelter_catchments.py" line="191" />
      <source>People not reached / 未到達人口</source>
      <translation>未到達人口</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/shelter_catchments.py" line="192" />
      <source>Shortfall (persons) / 不足人数</source>
      <translation>不足人数</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/size_for_autonomy.py" line="24" />
      <source>Size PV and battery for autonomy / 自立運転に必要な太陽光・蓄電池の規模</source>
      <translation>自立運転に必要な太陽光・蓄電池の規模</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/size_for_autonomy.py" line="25" />
      <source>For every shelter, the smallest battery that keeps the critical loads on for TARGET_HOURS in at least TARGET_SHARE of outages starting at every hour of the year (bisection over the vectorised REopt-style simulator), after choosing PV: kept as is, or raised to the normal-time self-consumption cap (normal_kwh_year x daytime share / annual yield; the MoE subsidy rule that PV must be consumable on site in normal times). Output: pv_kw, battery_kwh, battery_kw with reason and cap notes, ready for the subsidy scope.
各避難所について、年間全時刻の停電開始のうち目標割合以上で目標時間の重要負荷を維持できる最小の蓄電池容量を二分探索で求めます。太陽光は現状維持か、平時の自家消費量を上限に増設（環境省補助の条件）。</source>
      <translation>各避難所について、年間全時刻の停電開始のうち目標割合以上で目標時間の重要負荷を維持できる最小の蓄電池容量を二分探索で求めます。太陽光は現状維持か、平時の自家消費量を上限に増設（環境省補助の条件）。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/size_for_autonomy.py" line="38" />
      <source>Outage duration the critical loads must survive, for the roles with a days target (stay/welfare shelters, disaster bases); tsunami buildings are sized to their own target in hours and open spaces get nothing (rules/facility_roles.json). Default 72 h (FDMA target). / 重要負荷を維持する停電時間（指定・福祉避難所、防災拠点）。津波避難ビルは独自の時間目標、緊急避難場所は対象外。既定72時間。</source>
      <translation>重要負荷を維持する停電時間（指定・福祉避難所、防災拠点）。津波避難ビルは独自の時間目標、緊急避難場所は対象外。既定72時間。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/size_for_autonomy.py" line="38" />
      <source>Target duration (h) / 目標時間（h）</source>
      <translation>目標時間（h）</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/size_for_autonomy.py" line="45" />
      <source>Share (0-1) of outages (every start hour of every weather year) that must survive TARGET_HOURS; 1 = whenever the outage starts, whatever the weather. / 全気象年・全開始時刻の停電のうち目標時間を満たすべき割合（1＝いつ始まっても、どの天候でも）。</source>
      <translation>全気象年・全開始時刻の停電のうち目標時間を満たすべき割合（1＝いつ始まっても、どの天候でも）。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/size_for_autonomy.py" line="45" />
      <source>Target survival share / 目標達成割合</source>
      <translation>目標達成割合</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/size_for_autonomy.py" line="51" />
      <source>Keep the existing pv_kw, or raise it to the normal-time self-consumption cap where normal_kwh_year (or floor_area_m2) is known. PV is never sized above the cap. / 太陽光を現状のままにするか、平時の自家消費上限まで増やすか。</source>
      <translation>太陽光を現状のままにするか、平時の自家消費上限まで増やすか。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/size_for_autonomy.py" line="51" />
      <source>PV / 太陽光</source>
      <translation>太陽光</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/size_for_autonomy.py" line="58" />
      <source>One row per shelter: pv_kw, battery_kwh, battery_kw, achieved_share, reason, cap_note (demo table battery_sizing). / 避難所ごとの太陽光・蓄電池の規模。</source>
      <translation>避難所ごとの太陽光・蓄電池の規模。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/size_for_autonomy.py" line="58" />
      <source>Battery sizing / 蓄電池の規模</source>
      <translation>蓄電池の規模</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/size_for_autonomy.py" line="62" />
      <source>Total battery kWh / 蓄電池容量の合計</source>
      <translation>蓄電池容量の合計</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/size_for_autonomy.py" line="63" />
      <source>Shelters not reachable / 達成不能の避難所</source>
      <translation>達成不能の避難所</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/size_for_autonomy.py" line="119" />
      <source>{n} shelters sized for {target} h at share {share}: batteries {kwh} kWh in total, PV {pv} kW; {bad} not reachable. / 蓄電池合計{kwh} kWh、太陽光{pv} kW、達成不能{bad}件。</source>
      <translation>蓄電池合計{kwh} kWh、太陽光{pv} kW、達成不能{bad}件。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/stockpile_sufficiency.py" line="24" />
      <source>Nearest sites first / 近い拠点から</source>
      <translation>近い拠点から</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/stockpile_sufficiency.py" line="24" />
      <source>Pooled per district / 地区単位で按分</source>
      <translation>地区単位で按分</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/stockpile_sufficiency.py" line="27" />
      <source>Japan (water 3 L/day, 3 meals) / 日本（水3L/日・3食）</source>
      <translation>日本（水3L/日・3食）</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/stockpile_sufficiency.py" line="28" />
      <source>Sphere standard (water 15 L/day) / スフィア基準（水15L/日）</source>
      <translation>スフィア基準（水15L/日）</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/stockpile_sufficiency.py" line="42" />
      <source>Stockpile sufficiency / 備蓄の充足度</source>
      <translation>備蓄の充足度</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/stockpile_sufficiency.py" line="43" />
      <source>How many days the city's and partners' stock feeds each shelter's evacuees. Stock expired on the scenario date is excluded (stock ON its expiry date still counts: the printed date is within the period; rules/needs_profiles.json expiry_rule); a partner's stock counts only up to its committed quantity. Allocation 'nearest': shelter-site pairs within the maximum distance (straight line, metres) are served nearest first up to each shelter's need for the planning horizon; the surplus is shared among the shelters in range in proportion to evacuees. Allocation 'district': a site belongs to the district of its nearest shelter and the district's stock is shared in proportion to evacuees. Per shelter and district: units, person-days covered within the horizon, days of supply, shortfall units, partner share per item; the smallest days of supply (days_min) and the limiting item. With an energy layer, battery kWh now and hours of critical load are shown beside the goods (electricity as a stockpile).
避難所ごと・地区ごとに、市と協定事業者の備蓄で避難者を何日支えられるかを計算します。想定日に期限切れの在庫は除外（期限当日は有効）、協定事業者の在庫は協定数量まで。近い拠点から計画期間の必要量を配分し、余剰は範囲内の避難所に避難者数で按分します。蓄電池の残量（kWh）と重要負荷の継続時間も同じ表に示します。</source>
      <translation>避難所ごと・地区ごとに、市と協定事業者の備蓄で避難者を何日支えられるかを計算します。想定日に期限切れの在庫は除外（期限当日は有効）、協定事業者の在庫は協定数量まで。近い拠点から計画期間の必要量を配分し、余剰は範囲内の避難所に避難者数で按分します。蓄電池の残量（kWh）と重要負荷の継続時間も同じ表に示します。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/stockpile_sufficiency.py" line="68" />
      <source>Shelters with an evacuee count, e.g. the output of the catchment algorithm (demo table 'shelters'). / 避難者数を持つ避難所（圏域計算の出力など）。</source>
      <translation>避難者数を持つ避難所（圏域計算の出力など）。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/stockpile_sufficiency.py" line="72" />
      <source>Unique shelter id; also the key for the energy layer. / 避難所の一意なID（エネルギー表との結合キー）。</source>
      <translation>避難所の一意なID（エネルギー表との結合キー）。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/stockpile_sufficiency.py" line="75" />
      <source>Number of evacuees staying at the shelter. / 避難所に滞在する避難者数。</source>
      <translation>避難所に滞在する避難者数。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/stockpile_sufficiency.py" line="75" />
      <source>Evacuees field / 避難者数項目</source>
      <translation>避難者数項目</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/stockpile_sufficiency.py" line="78" />
      <source>Shelter name copied to the output (optional). / 出力に写す避難所名（任意）。</source>
      <translation>出力に写す避難所名（任意）。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/stockpile_sufficiency.py" line="81" />
      <source>Canonical stock_sites points (site_id), from sonae:importstockpile. / 備蓄拠点（点）。</source>
      <translation>備蓄拠点（点）。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/stockpile_sufficiency.py" line="84" />
      <source>Canonical stock_items table (site_id, owner_type, item, unit, quantity, expiry_date, committed_quantity). / 備蓄品テーブル。</source>
      <translation>備蓄品テーブル。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/stockpile_sufficiency.py" line="88" />
      <source>Per-person needs from rules/needs_profiles.json: japan (water 3 L/day, 3 meals, 5 toilet uses ...) or sphere (water 15 L/day). / 1人あたりの必要量（japan: 水3L/日など、sphere: 水15L/日）。</source>
      <translation>1人あたりの必要量（japan: 水3L/日など、sphere: 水15L/日）。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/stockpile_sufficiency.py" line="93" />
      <source>Days the local stock must cover; default 3 (national push support from day 4). / 地域の備蓄で賄う日数。既定3日（国のプッシュ型支援は4日目から）。</source>
      <translation>地域の備蓄で賄う日数。既定3日（国のプッシュ型支援は4日目から）。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/stockpile_sufficiency.py" line="98" />
      <source>Date of the disaster scenario: 2026-03-31, 2026/3/31, 令和8年3月31日 or R8.3.31. Empty: today. / 災害の想定日（和暦可）。空欄は今日。</source>
      <translation>災害の想定日（和暦可）。空欄は今日。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/stockpile_sufficiency.py" line="98" />
      <source>Scenario date / 想定日</source>
      <translation>想定日</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/stockpile_sufficiency.py" line="102" />
      <source>nearest: nearest sites first within the maximum distance; district: pooled per district (needs the district field). / nearest: 近い拠点から（最大距離内）、district: 地区単位でまとめて按分。</source>
      <translation>nearest: 近い拠点から（最大距離内）、district: 地区単位でまとめて按分。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/stockpile_sufficiency.py" line="102" />
      <source>Allocation / 配分方法</source>
      <translation>配分方法</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/stockpile_sufficiency.py" line="107" />
      <source>Straight-line distance in metres within which a site can serve a shelter (0 = no limit); measured in a projected CRS. / 拠点が避難所へ供給できる直線距離（m、0は無制限）。</source>
      <translation>拠点が避難所へ供給できる直線距離（m、0は無制限）。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/stockpile_sufficiency.py" line="111" />
      <source>Field of the shelters giving the district; used for the district table and district allocation. Empty: one city-wide row. / 地区を表す避難所の項目（空欄なら市全体1行）。</source>
      <translation>地区を表す避難所の項目（空欄なら市全体1行）。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/stockpile_sufficiency.py" line="111" />
      <source>District field / 地区項目</source>
      <translation>地区項目</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/stockpile_sufficiency.py" line="115" />
      <source>Optional: shelters' energy (battery_kwh, battery_soc 0-1, critical_load_kw, hours_now), e.g. the demo table shelters_energy. / 任意: 蓄電池容量・残量・重要負荷・継続時間の表。</source>
      <translation>任意: 蓄電池容量・残量・重要負荷・継続時間の表。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/stockpile_sufficiency.py" line="115" />
      <source>Energy per shelter / 避難所のエネルギー</source>
      <translation>避難所のエネルギー</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/stockpile_sufficiency.py" line="119" />
      <source>Field of the energy layer holding the shelter id. / エネルギー表の避難所ID項目。</source>
      <translation>エネルギー表の避難所ID項目。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/stockpile_sufficiency.py" line="119" />
      <source>Energy id field / エネルギー表のID項目</source>
      <translation>エネルギー表のID項目</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/stockpile_sufficiency.py" line="122" />
      <source>Optional: observed head counts (shelter_id, evacuees; the latest-per-shelter output of sonae:importshelterops) replace the modelled evacuees where a shelter has one. / 任意: 観測した避難者数で推計値を置き換えます。</source>
      <translation>任意: 観測した避難者数で推計値を置き換えます。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/stockpile_sufficiency.py" line="127" />
      <source>Per shelter: &lt;item&gt;_units, _pd (person-days within the horizon), _days, _short, _partner; days_min, limiting_item, energy. / 避難所ごとの充足度。</source>
      <translation>避難所ごとの充足度。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/stockpile_sufficiency.py" line="127" />
      <source>Sufficiency per shelter / 避難所別充足度</source>
      <translation>避難所別充足度</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/stockpile_sufficiency.py" line="131" />
      <source>Per district table (no geometry). / 地区ごとの表。</source>
      <translation>地区ごとの表。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/stockpile_sufficiency.py" line="132" />
      <source>Sufficiency per district / 地区別充足度</source>
      <translation>地区別充足度</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/stockpile_sufficiency.py" line="140" />
      <source>Worst shelter / 最も不足する避難所</source>
      <translation>最も不足する避難所</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/stockpile_template.py" line="21" />
      <source>Stockpile import template / 備蓄データ入力ひな形</source>
      <translation>備蓄データ入力ひな形</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/stockpile_template.py" line="22" />
      <source>Writes an empty template for stockpile inventories: an XLSX workbook with the sheets 在庫 (items: 拠点ID, 所有区分, 品目, 品名, 単位, 数量, 消費期限/賞味期限, 協定数量, 確認日, 備考), 拠点 (sites: 拠点ID, 拠点名, 所有区分, 住所, 緯度, 経度, 施設ID) and 品目と単位 (the items and units Sonae knows), or two CSV files (UTF-8 with BOM). Fill it in and read it with sonae:importstockpile. An existing file that already holds inventory rows is never overwritten (the run is refused; choose a new name); an existing empty template is replaced.
備蓄品の入力ひな形（XLSX: 在庫・拠点・品目と単位のシート、またはCSV 2ファイル）を書き出します。記入後、sonae:importstockpile で読み込みます。在庫データが記入済みの既存ファイルは上書きせず中止します（別の名前を指定）。空のひな形は置き換えます。</source>
      <translation>備蓄品の入力ひな形（XLSX: 在庫・拠点・品目と単位のシート、またはCSV 2ファイル）を書き出します。記入後、sonae:importstockpile で読み込みます。在庫データが記入済みの既存ファイルは上書きせず中止します（別の名前を指定）。空のひな形は置き換えます。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/stockpile_template.py" line="34" />
      <source>Where to write the template. .xlsx writes one workbook; .csv writes the items file and &lt;name&gt;_sites.csv beside it. / 出力先。.xlsx は1つのブック、.csv は在庫ファイルと &lt;名前&gt;_sites.csv。</source>
      <translation>出力先。.xlsx は1つのブック、.csv は在庫ファイルと &lt;名前&gt;_sites.csv。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/stockpile_template.py" line="34" />
      <source>Template file / ひな形ファイル</source>
      <translation>ひな形ファイル</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/stockpile_template.py" line="38" />
      <source>Files written / 出力ファイル</source>
      <translation>出力ファイル</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/stockpile_template.py" line="39" />
      <source>Number of files / ファイル数</source>
      <translation>ファイル数</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/stockpile_template.py" line="57" />
      <source>Template written / ひな形を書き出しました: </source>
      <translation>ひな形を書き出しました:</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/subsidy_scope.py" line="31" />
      <source>A programme/fiscal-year rule file validated against rules/subsidy/schema.json. Default: the FY2019 MoE programme of seed 003 (rules/subsidy/moe_fy2019_shelter_energy.json); add later years as new files. / 事業・年度ごとのルールファイル（既定は2019年度環境省事業）。</source>
      <translation>事業・年度ごとのルールファイル（既定は2019年度環境省事業）。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/subsidy_scope.py" line="31" />
      <source>Programme rule file / 補助事業ルール</source>
      <translation>補助事業ルール</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/subsidy_scope.py" line="36" />
      <source>Installed unit costs in yen per kW, kWh, m ... (rules/unit_costs.json, cited). Replace with the city's quotations. / 設備単価ファイル（円/kW・円/kWh等）。見積に置き換えられます。</source>
      <translation>設備単価ファイル（円/kW・円/kWh等）。見積に置き換えられます。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/subsidy_scope.py" line="36" />
      <source>Unit costs / 設備単価</source>
      <translation>設備単価</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/subsidy_scope.py" line="40" />
      <source>Applicant type / 申請者区分</source>
      <translation>申請者区分</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/subsidy_scope.py" line="44" />
      <source>The municipality's fiscal capability index (財政力指数, three-year average, 0-3). FY2019: below 0.8 -&gt; 3/4, 0.8 or more -&gt; 2/3 for municipalities below designated-city size. / 財政力指数（0.8未満は3/4、0.8以上は2/3）。</source>
      <translation>財政力指数（0.8未満は3/4、0.8以上は2/3）。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/subsidy_scope.py" line="51" />
      <source>Treat facilities not (yet) in the regional disaster plan as eligible because the application will state their planned designation (seed 003 Q&amp;A). A plan_stated field does this per facility. / 地域防災計画に未位置付けの施設を、申請時に位置付け予定を記述するものとして対象にします。</source>
      <translation>地域防災計画に未位置付けの施設を、申請時に位置付け予定を記述するものとして対象にします。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/subsidy_scope.py" line="51" />
      <source>Designation stated at application / 位置付け予定を申請時に記述</source>
      <translation>位置付け予定を申請時に記述</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/subsidy_scope.py" line="59" />
      <source>Optional table of proposed equipment per facility, e.g. battery_sizing from sonae:sizeforautonomy (pv_kw, battery_kwh, battery_kw, pv_cap_kw or normal_kwh_year for the self-consumption cap, and any quantity field of the unit-cost file). Without it the same fields are read from FACILITIES. / 施設ごとの設備計画表（任意）。</source>
      <translation>施設ごとの設備計画表（任意）。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/subsidy_scope.py" line="59" />
      <source>Energy plan table / エネルギー計画表</source>
      <translation>エネルギー計画表</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/subsidy_scope.py" line="65" />
      <source>Field of the energy plan table holding the facility id (matches FACILITIES' id). / 計画表の施設ID項目。</source>
      <translation>計画表の施設ID項目。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/subsidy_scope.py" line="65" />
      <source>Facility id field of the plan / 計画表の施設ID</source>
      <translation>計画表の施設ID</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/subsidy_scope.py" line="69" />
      <source>When the plan has &lt;quantity&gt;_added fields (pv_kw_added, battery_kwh_added from sonae:sizeforautonomy), price and subsidise only the added equipment; existing equipment is not bought again, and new PV may be at most the self-consumption cap minus the existing PV. / 計画表に増設量の項目があれば増設分のみを計上します。</source>
      <translation>計画表に増設量の項目があれば増設分のみを計上します。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/subsidy_scope.py" line="69" />
      <source>Price only added equipment / 増設分のみ計上</source>
      <translation>増設分のみ計上</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/subsidy_scope.py" line="99" />
      <location filename="../processing_algorithms/subsidy_scope.py" line="125" />
      <source>Subsidy scope / 補助対象範囲</source>
      <translation>補助対象範囲</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/subsidy_scope.py" line="100" />
      <source>For every facility: eligible under the programme or not, with every reason (disaster-plan designation or a stated plan, facility ownership vs applicant category, ZEB floor-area limits, normal-and-disaster operation, replacement only with efficiency gain, PV capped at normal-time self-consumption, no FIT, batteries and lines only with renewable equipment, BOS cogeneration, waste-plant exclusion); the eligible equipment with quantities and cost; the rate; the subsidy (floored to 1,000 yen); the local bond, its allocation-tax coverage and the effective burden in yen. Summary rows per district (DISTRICTS polygons or a district_id field) and for the city. Rules come from a programme rule file (FY2019 MoE, seed 003) and a unit-cost file, both replaceable.
施設ごとに補助対象か否か（理由をすべて記載）、対象設備と数量・費用、補助率、補助金（千円未満切捨て）、地方債・交付税措置・実質負担（円）を求め、地区別・市全体の集計行を付けます。ルールは事業年度ごとのファイル（既定は2019年度環境省事業、資料003）と単価ファイルから読みます。</source>
      <translation>施設ごとに補助対象か否か（理由をすべて記載）、対象設備と数量・費用、補助率、補助金（千円未満切捨て）、地方債・交付税措置・実質負担（円）を求め、地区別・市全体の集計行を付けます。ルールは事業年度ごとのファイル（既定は2019年度環境省事業、資料003）と単価ファイルから読みます。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/subsidy_scope.py" line="114" />
      <source>Canonical facilities or shelters (id, facility_type, owner, in_disaster_plan, floor_area_m2; optionally plan_stated, applicant_type, fit, replaces_existing, efficiency_gain, disaster_only, cogeneration_bos and equipment quantity fields). / 施設レイヤ。</source>
      <translation>施設レイヤ。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/subsidy_scope.py" line="121" />
      <source>Optional district polygons with a district_id field (sonae:districtlayout) for the per-district summary rows; else a district_id field on FACILITIES is used when present. / 地区ポリゴン（任意）。</source>
      <translation>地区ポリゴン（任意）。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/subsidy_scope.py" line="125" />
      <source>One row per facility (at the facility) plus summary rows per district and for the city (row_type, no geometry). / 施設ごとの行と地区・市全体の集計行。</source>
      <translation>施設ごとの行と地区・市全体の集計行。</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/subsidy_scope.py" line="129" />
      <source>Eligible cost, city (yen) / 対象経費</source>
      <translation>対象経費</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/subsidy_scope.py" line="130" />
      <source>Subsidy, city (yen) / 補助金</source>
      <translation>補助金</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/subsidy_scope.py" line="131" />
      <source>Effective burden, city (yen) / 実質負担</source>
      <translation>実質負担</translation>
    </message>
    <message>
      <location filename="../processing_algorithms/subsidy_scope.py" line="132" />
      <source>Eligible facilities / 対象施設数</source>
      <translation>対象施設数</translation>
    </message>
  </context>
</TS>
