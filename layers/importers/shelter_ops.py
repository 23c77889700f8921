"""Shelter operations snapshots (aggregated status and evacuee counts a city publishes during a disaster) ->
one row per shelter and observation time. QGIS-free.

Layouts read (rules/shelter_ops.json lists the header aliases):
- long: one row per shelter per snapshot, as 七尾市 published during the Noto 2024 earthquake (the national
  避難所 columns ID, 名称, 地区, 緯度, 経度, 想定収容人数 plus 人数 and 時点; the first files carry the time in the
  header, 人数_令和6年1月9日午後6時時点), or an archive's long file (snapshot_jst / source_observed_at_jst);
- wide by date: one column per day (2026-08-03 ...) holding counts, or status words (開設（混雑）, 未開設).
Needs aggregates (乳幼児, 高齢者, 食事配慮, 要医療) are read when present.

Refused with a message naming the file, the row and the fix: person-level files (a personal column such as 氏名,
生年月日, 性別, 年齢, or several rows for one shelter at one time: a check-in list), counts written as text
(約30, 30~40, 不明 is read as missing), impossible times, conflicting counts for one shelter and time.
Nothing person-level is ever returned, so nothing person-level can be stored.
"""
from __future__ import annotations

import datetime as dt
import functools
import os
import re
import unicodedata

import numpy as np
import pandas as pd

from ...engine.dates import DateError, parse_date
from ...engine.errors import SonaeInputError
from ...engine.japan import in_japan
from ...engine.rules import load_rules
from .normalize import column_key, map_headers
from .tables import LAT_COL, LON_COL, read_table

TZ = "Asia/Tokyo"
NEEDS = ("infants", "elderly", "dietary", "medical")
STATUS_COLUMNS = ["shelter_id", "name", "district", "municipality", "observed_at", "status", "evacuees",
                  *NEEDS, "capacity_persons", "capacity_text", "latitude", "longitude", "id_from_name", "source"]


@functools.lru_cache(maxsize=1)
def rules() -> dict:
    return load_rules("shelter_ops.json")


# --- cells ----------------------------------------------------------------------------------------------------

class CellError(ValueError):
    """A bad cell, with separate English (.en) and Japanese (.ja) reasons."""

    def __init__(self, value, en: str, ja: str):
        super().__init__(f"{ja} / {en}")
        self.en, self.ja = f"'{value}': {en}", f"「{value}」: {ja}"


_JP_TIME = re.compile(r"^(?P<date>.+?日)\s*(?:(?P<noon>正午)|(?P<ampm>午前|午後)?\s*(?P<h>\d{1,2})\s*(?:時|:)"
                      r"\s*(?:(?P<m>\d{1,2})\s*分?)?)?\s*$")
_FILE_TIME = re.compile(r"(\d{4})-(\d{2})-(\d{2})-(\d{2})(\d{2})")


def parse_observed(value) -> pd.Timestamp | None:
    """An observation time as cities write it (令和6年3月20日午前6時, 令和6年6月17日正午, 2024-01-09T18:00+09:00,
    2026-08-03) -> a Timestamp in Asia/Tokyo. Blank -> None. Raises ValueError (bilingual) otherwise."""
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return None
    text = unicodedata.normalize("NFKC", str(value)).strip()
    text = re.sub(r"(時点|現在)$", "", text).strip()
    if not text:
        return None
    if re.match(r"^\d{4}-\d{2}-\d{2}", text):
        try:
            ts = pd.Timestamp(text)
        except ValueError:
            raise CellError(value, "not a date-time", "日時として読めません") from None
        return ts.tz_localize(TZ) if ts.tzinfo is None else ts.tz_convert(TZ)
    m = _JP_TIME.match(text)
    if not m:
        raise CellError(value, "not a date-time (e.g. 令和6年3月20日午前6時)", "日時として読めません（例: 令和6年3月20日午前6時）")
    try:
        day = parse_date(m.group("date"))
    except DateError as exc:
        raise CellError(value, exc.en, exc.ja) from None
    hour, minute = 0, int(m.group("m") or 0)
    if m.group("noon"):
        hour = 12
    elif m.group("h") is not None:
        hour = int(m.group("h"))
        if m.group("ampm") and hour > 12:
            raise CellError(value, f"no such hour ({m.group('ampm')}{hour}時)", f"{m.group('ampm')}{hour}時は存在しません")
        if m.group("ampm") == "午前" and hour == 12:
            hour = 0
        elif m.group("ampm") == "午後" and hour < 12:
            hour += 12
    if hour > 23 or minute > 59:
        raise CellError(value, "no such time", "存在しない時刻です")
    return pd.Timestamp(dt.datetime(day.year, day.month, day.day, hour, minute)).tz_localize(TZ)


def parse_count(value) -> float:
    """A head count: '24', '１，２００', '30人' -> number; blank/不明/- -> NaN. Raises ValueError for text,
    approximations (約30, 30~40) and negative or fractional counts."""
    r = rules()
    text = unicodedata.normalize("NFKC", "" if value is None else str(value)).strip()
    if text.lower() in {m.lower() for m in r["missing_counts"]}:
        return np.nan
    if any(mark in text for mark in r["approximate_markers"]):
        raise CellError(value, "an approximate figure is not a count: write the counted number or leave it empty",
                        "概数は人数として使えません。数えた人数を書くか空欄にしてください")
    digits = re.sub(r"[,\s]", "", text)
    digits = re.sub(r"(人|名)$", "", digits)
    if not re.fullmatch(r"\d+(\.0+)?", digits):
        raise CellError(value, "the count is not a number", "人数が数値ではありません")
    return float(digits)


def parse_capacity(value) -> float:
    """想定収容人数 as published: '屋内191人／屋外0人(面積の1/2)' -> 191 (indoor), '1287' -> 1287; '' / 0 / --- -> NaN
    (the Kumamoto portal writes 0 for 'not registered')."""
    text = unicodedata.normalize("NFKC", "" if value is None else str(value)).strip()
    m = re.search(r"屋内\s*([\d,]+)\s*人", text)
    if m:
        v = float(m.group(1).replace(",", ""))
    elif re.fullmatch(r"[\d,]+(\.0+)?", text):
        v = float(text.replace(",", ""))
    else:
        return np.nan
    return v if v > 0 else np.nan


def status_of(value, has_count: bool) -> str:
    words = rules()["status_words"]
    text = unicodedata.normalize("NFKC", "" if value is None else str(value)).strip().lower()
    if not text:
        return "open" if has_count else "unknown"
    if any(text.startswith(w.lower()) for w in words["closed"]):
        return "closed"
    if any(text.startswith(w.lower()) for w in words["open"]):
        return "open"
    return "unknown"


# --- files ----------------------------------------------------------------------------------------------------

def _refuse_person_level(columns, name: str) -> None:
    spec = rules()["person_level_columns"]
    exact = {column_key(c) for c in spec["exact"]}
    for c in columns:
        k = column_key(c)
        if k in exact or any(column_key(w) in k for w in spec["contains"]):
            raise SonaeInputError(
                f"{name}: column '{c}' holds personal data: this is a person-level (check-in) file. Sonae stores "
                "only aggregated counts per shelter and time. Export the totals per shelter (人数, and needs counts "
                "such as 乳幼児, 高齢者) instead; nothing was imported.",
                f"{name}: 列「{c}」は個人の情報です（個人単位の受付名簿）。Sonaeは避難所・時点ごとの集計値だけを保存します。"
                "避難所ごとの人数（乳幼児・高齢者などの内訳を含む）を集計して書き出してください。何も取り込んでいません。")


def _wide_dates(columns) -> list:
    return [c for c in columns if re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(c).strip())]


def read_snapshot(path: str) -> pd.DataFrame:
    """One file -> rows of STATUS_COLUMNS (observed_at in Asia/Tokyo). Raises SonaeInputError."""
    table = read_table(path)
    name = os.path.basename(path)
    frame = table.frame
    _refuse_person_level(frame.columns, name)
    r = rules()
    cols = map_headers(frame.columns, r["columns"])
    needs = map_headers(frame.columns, r["needs_columns"])
    header_time = None
    if "evacuees" not in cols:                       # 人数_令和6年1月9日午後6時時点
        pref = [c for c in frame.columns if re.match(r"^(人数|避難者数)[_＿]", unicodedata.normalize("NFKC", c))]
        if pref:
            cols["evacuees"] = pref[0]
            try:
                header_time = parse_observed(re.split(r"[_＿]", unicodedata.normalize("NFKC", pref[0]), 1)[1])
            except CellError:
                header_time = None
    if "latitude" not in cols and LAT_COL in frame.columns:
        cols["latitude"], cols["longitude"] = LAT_COL, LON_COL
    wide = _wide_dates(frame.columns)
    if "evacuees" not in cols and "status" not in cols and wide:
        return _read_wide(table, name, cols, wide)
    if "evacuees" not in cols and "status" not in cols:
        raise SonaeInputError(
            f"{name}: no evacuee count column (人数, 避難者数, evacuees) and no status column (開設状況), and no date "
            "columns (2026-08-03 ...). Use the layout the city publishes (ID, 名称, 人数, 時点 ...).",
            f"{name}: 人数（避難者数）の列も開設状況の列も日付の列もありません。市が公開する形式（ID・名称・人数・時点など）"
            "を使ってください。")
    if "shelter_id" not in cols and "name" not in cols:
        raise SonaeInputError(f"{name}: no shelter ID (ID, 共通ID) and no name (名称) column.",
                              f"{name}: 避難所のID（ID・共通ID）も名称（名称）の列もありません。")
    file_time = None
    m = _FILE_TIME.search(name)
    if m:
        y, mo, d, h, mi = (int(x) for x in m.groups())
        file_time = pd.Timestamp(dt.datetime(y, mo, d, h, mi)).tz_localize(TZ)
    n = len(frame)
    out = {c: [None] * n for c in STATUS_COLUMNS}
    for i in range(n):
        row_en, row_ja = f"{name}, {table.row_label(i)}", f"{name} {table.row_label_ja(i)}"

        def cell(key, spec=cols):
            c = spec.get(key)
            return frame[c].iloc[i] if c is not None else ""
        try:
            when = parse_observed(cell("observed_at")) if "observed_at" in cols else None
        except CellError as exc:
            raise SonaeInputError(f"{row_en}: time {exc.en}. Correct the observation time in the 時点 column.",
                                  f"{row_ja}: 時点{exc.ja}。時点を修正してください。") from None
        when = when or header_time or file_time
        if when is None:
            raise SonaeInputError(f"{row_en}: no observation time (時点 column, a time in the 人数 header or a "
                                  "YYYY-MM-DD-HHMM file name). Add the 時点 column.",
                                  f"{row_ja}: 時点がありません（時点の列、人数の見出し、またはファイル名の日時）。時点の列を"
                                  "追加してください。")
        counts = {}
        for key, spec in (("evacuees", cols), *((k, needs) for k in NEEDS)):
            try:
                counts[key] = parse_count(cell(key, spec)) if key in spec else np.nan
            except CellError as exc:
                label = spec.get(key)
                raise SonaeInputError(f"{row_en}, column {label}: {exc.en}. Nothing was imported.",
                                      f"{row_ja} 列「{label}」: {exc.ja}。何も取り込んでいません。") from None
        sid = unicodedata.normalize("NFKC", str(cell("shelter_id"))).strip()
        sname = unicodedata.normalize("NFKC", str(cell("name"))).strip()
        if not sid and not sname:
            raise SonaeInputError(f"{row_en}: neither a shelter ID nor a name. Fill in the ID (ID/共通ID).",
                                  f"{row_ja}: 避難所のIDも名称もありません。IDを入力してください。")
        try:
            lat = float(cell("latitude")) if str(cell("latitude")).strip() else np.nan
            lon = float(cell("longitude")) if str(cell("longitude")).strip() else np.nan
        except ValueError:
            raise SonaeInputError(f"{row_en}: latitude/longitude '{cell('latitude')}', '{cell('longitude')}' are not "
                                  "decimal degrees.",
                                  f"{row_ja}: 緯度・経度「{cell('latitude')}」「{cell('longitude')}」が十進の度ではありま"
                                  "せん。") from None
        if not np.isnan(lat) and not in_japan([lon], [lat])[0]:
            raise SonaeInputError(f"{row_en}: ({lat}, {lon}) is outside Japan. Check that 緯度 and 経度 are not "
                                  "swapped.", f"{row_ja}: 緯度・経度（{lat}, {lon}）が日本の範囲外です。入れ替わって"
                                  "いないか確認してください。")
        cap_text = str(cell("capacity")).strip()
        values = {"shelter_id": sid or f"name:{sname}", "name": sname, "district": str(cell("district")).strip(),
                  "municipality": str(cell("municipality")).strip(), "observed_at": when,
                  "status": status_of(cell("status"), not np.isnan(counts["evacuees"])),
                  "capacity_persons": parse_capacity(cap_text), "capacity_text": cap_text,
                  "latitude": lat, "longitude": lon, "id_from_name": not sid, "source": row_en, **counts}
        for k, v in values.items():
            out[k][i] = v
    result = pd.DataFrame(out, columns=STATUS_COLUMNS)
    _refuse_repeats(result, name)
    return result


def _read_wide(table, name, cols, dates) -> pd.DataFrame:
    frame = table.frame
    if "shelter_id" not in cols:
        raise SonaeInputError(f"{name}: a table by date needs a shelter ID column (shelter_id, ID).",
                              f"{name}: 日付別の表には避難所IDの列（shelter_id・ID）が必要です。")
    rows = []
    for i in range(len(frame)):
        sid = unicodedata.normalize("NFKC", frame[cols["shelter_id"]].iloc[i]).strip()
        base = {"shelter_id": sid, "name": frame[cols["name"]].iloc[i].strip() if "name" in cols else "",
                "district": "", "municipality": frame[cols["municipality"]].iloc[i].strip()
                if "municipality" in cols else "",
                "capacity_text": frame[cols["capacity"]].iloc[i].strip() if "capacity" in cols else "",
                "latitude": pd.to_numeric(frame[cols["latitude"]].iloc[i], errors="coerce") if "latitude" in cols
                else np.nan,
                "longitude": pd.to_numeric(frame[cols["longitude"]].iloc[i], errors="coerce") if "longitude" in cols
                else np.nan, "id_from_name": False, **{k: np.nan for k in NEEDS}}
        base["capacity_persons"] = parse_capacity(base["capacity_text"])
        for d in dates:
            raw = frame[d].iloc[i].strip()
            if not raw:
                continue
            when = parse_observed(d)
            try:
                count, status = parse_count(raw), None
            except CellError as exc:
                status = status_of(raw, False)
                if status == "unknown" and not raw.startswith("開設"):
                    raise SonaeInputError(f"{name}, {table.row_label(i)}, column {d}: {exc.en}.",
                                          f"{name} {table.row_label_ja(i)} 列「{d}」: {exc.ja}。") from None
                count = np.nan
            rows.append({**base, "observed_at": when, "evacuees": count,
                         "status": status or ("open" if not np.isnan(count) else "unknown"),
                         "source": f"{name}, {table.row_label(i)}, {d}"})
    if not rows:
        raise SonaeInputError(f"{name}: every date cell is empty; nothing to import.",
                              f"{name}: 日付の列がすべて空です。取り込むデータがありません。")
    result = pd.DataFrame(rows, columns=STATUS_COLUMNS)
    _refuse_repeats(result, name)
    return result


def _refuse_repeats(frame: pd.DataFrame, name: str) -> None:
    dup = frame.duplicated(["shelter_id", "observed_at"], keep=False).to_numpy()
    if dup.any():
        rows = frame.loc[dup, "source"].tolist()[:3]
        sid = frame.loc[dup, "shelter_id"].iloc[0]
        raise SonaeInputError(
            f"{name}: shelter {sid} appears in several rows for one time ({'; '.join(rows)}). A file with one row per "
            "person or check-in is person-level and is refused; Sonae stores one aggregated count per shelter and "
            "time. Aggregate per shelter first (or remove the duplicated rows). Nothing was imported.",
            f"{name}: 避難所 {sid} が同じ時点で複数行あります。1人1行（受付名簿）の個人単位のデータは取り込めません。"
            "避難所・時点ごとに集計してください（重複行なら削除）。何も取り込んでいません。")


def read_snapshots(paths, progress=None) -> pd.DataFrame:
    """Several files (or folders of *.csv) -> one table sorted by time and shelter. The same shelter and time
    in two files must carry the same count (then kept once); different counts are refused."""
    files = []
    for p in paths:
        p = str(p).strip()
        if not p:
            continue
        if os.path.isdir(p):
            files += sorted(os.path.join(p, f) for f in os.listdir(p) if f.lower().endswith((".csv", ".geojson")))
        else:
            files.append(p)
    if not files:
        raise SonaeInputError("No shelter operations file given.", "避難所の開設状況ファイルが指定されていません。")
    frames = []
    for i, f in enumerate(files):
        frames.append(read_snapshot(f))
        if progress is not None:
            progress.update((i + 1) / len(files))
    allrows = pd.concat(frames, ignore_index=True)
    if len(frames) > 1 and all(f["observed_at"].nunique() == 1 for f in frames):
        allrows = pd.concat([allrows, _closures(frames, files)], ignore_index=True)
    key = ["shelter_id", "observed_at"]
    dup = allrows.duplicated(key, keep=False)
    if dup.any():
        g = allrows[dup]
        counts = g.groupby(key)["evacuees"].agg(lambda s: s.fillna(-1).nunique())
        bad = counts[counts > 1]
        if len(bad):
            sid, when = bad.index[0]
            src = g[(g.shelter_id == sid) & (g.observed_at == when)]["source"].tolist()
            raise SonaeInputError(f"Shelter {sid} at {when:%Y-%m-%d %H:%M} has different counts in {'; '.join(src)}. "
                                  "Keep the corrected file only.",
                                  f"避難所 {sid} の {when:%Y-%m-%d %H:%M} の人数がファイルによって違います（{'、'.join(src)}）。"
                                  "訂正後のファイルだけを使ってください。")
        # the same observation in two files: keep it once, with whatever either file adds (e.g. needs counts)
        allrows = allrows.groupby(key, sort=False, as_index=False).first()[STATUS_COLUMNS]
    return allrows.sort_values(["observed_at", "shelter_id"], kind="stable").reset_index(drop=True)


def _closures(frames, files) -> pd.DataFrame:
    """Cities publish the list of OPEN shelters at each time: a shelter listed in one snapshot file and absent
    from the next one has closed by then. One 'closed' row (0 evacuees) is added at each such disappearance, so
    an old count is never carried forward as if the shelter were still occupied."""
    times = sorted({f["observed_at"].iloc[0] for f in frames})
    members = {}
    for f, path in zip(frames, files):
        members.setdefault(f["observed_at"].iloc[0], (set(), os.path.basename(path)))[0].update(f["shelter_id"])
    rows = []
    for prev, cur in zip(times[:-1], times[1:]):
        for sid in sorted(members[prev][0] - members[cur][0]):
            rows.append({"shelter_id": sid, "observed_at": cur, "status": "closed", "evacuees": 0.0,
                         **{k: np.nan for k in NEEDS}, "name": "", "district": "", "municipality": "",
                         "capacity_persons": np.nan, "capacity_text": "", "latitude": np.nan, "longitude": np.nan,
                         "id_from_name": sid.startswith("name:"),
                         "source": f"absent from {members[cur][1]} (closed) / 掲載なし（閉鎖）"})
    return pd.DataFrame(rows, columns=STATUS_COLUMNS)


def shelters_of(status: pd.DataFrame) -> pd.DataFrame:
    """One row per shelter: the latest non-empty name, district, capacity and location seen."""
    s = status.sort_values("observed_at", kind="stable")
    cols = ["name", "district", "municipality", "capacity_persons", "capacity_text", "latitude", "longitude"]
    s = s.replace({"": np.nan})
    out = s.groupby("shelter_id", sort=True)[cols].last().reset_index()
    for c in ("name", "district", "municipality", "capacity_text"):
        out[c] = out[c].where(out[c].notna(), "").astype(str)
    return out
