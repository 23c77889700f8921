"""Public-private shared stockpiles: usable stock on a scenario date, allocation to shelters, expiry rotation and
partner audits (issue 4; seed 000, Miyazaki's 公民備蓄シェア). QGIS-free.

Data model (canonical, DESIGN.md §2):
- stock_sites: site_id, name, owner_type, address, facility_id, geometry (points).
- stock_items: site_id, owner_type (city / retail_partner), item (catalogue key), product, unit, quantity,
  expiry_date, committed_quantity (partners; per site and item, repeated identically on every lot row),
  verified_on, note, source_row.

Rules (rules/needs_profiles.json, rules/stockpile_rotation.json):
- Stock is usable on the scenario date when it has no expiry date or its expiry date is on or after the scenario
  date (``expiry_rule.usable_on_expiry_date``: the printed date is still within the period). Stock that expired
  the day before is excluded.
- A partner's usable stock of an item at a site is min(unexpired quantity, committed quantity): sales inventory
  above the commitment is not the city's.
- Allocation ``nearest``: every (shelter, site) pair within ``max_distance_m`` (straight line, projected metres) is
  visited nearest first; each visit moves min(remaining need for the horizon, remaining stock) per item. Stock
  left at a site after every need for the horizon is met is shared among the shelters in its range in proportion
  to their evacuees (so days of supply can exceed the horizon). Stock with no shelter in range is reported as
  unallocated. Allocation ``district``: a site belongs to the district of its nearest shelter; a district's stock is
  shared among its shelters in proportion to their evacuees (equal days of supply inside a district).
- Output per shelter and item: units allocated (base unit), person-days covered within the horizon
  (min(units / rate, evacuees x horizon)), days of supply (units / (evacuees x rate)), shortfall in base units for
  the horizon, the partner share of the units. Items needed once per person (blankets) give persons covered
  instead of person-days.
"""
from __future__ import annotations

import datetime as dt
import os
import re
import unicodedata
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .dates import DateError, fiscal_year, months_between, parse_date
from .errors import SonaeInputError
from .columns import numbers
from .parsing import NumberError, parse_number, row_label_ja
from .progress import Progress, ensure
from .rules import load_rules as _load_rules

RULES_DIR = os.path.join(os.path.dirname(__file__), "..", "rules")
OWNER_TYPES = ("city", "retail_partner")
OWNER_ALIASES = {
    "city": "city", "市": "city", "自治体": "city", "市備蓄": "city", "公": "city", "公共": "city", "行政": "city",
    "municipal": "city", "public": "city", "公的備蓄": "city", "市町村": "city",
    "retail_partner": "retail_partner", "partner": "retail_partner", "retail": "retail_partner",
    "協定事業者": "retail_partner", "事業者": "retail_partner", "民間": "retail_partner", "流通": "retail_partner",
    "小売": "retail_partner", "流通備蓄": "retail_partner", "民": "retail_partner", "協定": "retail_partner",
    "流通在庫": "retail_partner", "private": "retail_partner",
}
ITEM_COLUMNS = ["site_id", "owner_type", "item", "product", "unit", "quantity", "expiry_date",
                "committed_quantity", "verified_on", "note"]
OPTIONAL_ITEM_COLUMNS = ["manufactured_on"]
SITE_COLUMNS = ["site_id", "name", "owner_type", "address", "facility_id"]


def key(text) -> str:
    """How item names, units and owner types are compared: NFKC, lower case, no spaces."""
    if text is None or (isinstance(text, float) and np.isnan(text)):
        return ""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", str(text)).lower())


# --- rules ---------------------------------------------------------------------------------------------------

_CACHE: dict = {}


def load_rules(name: str) -> dict:
    if name not in _CACHE:
        _CACHE[name] = _load_rules(name)
    return _CACHE[name]


def needs_rules() -> dict:
    return load_rules("needs_profiles.json")


def rotation_rules() -> dict:
    return load_rules("stockpile_rotation.json")


def profile_names() -> list[str]:
    return list(needs_rules()["profiles"])


@dataclass
class Rate:
    item: str
    basis: str          # per_person_per_day | per_person
    rate: float         # base units per evacuee (per day for per_person_per_day)
    core: bool
    base_unit: str

    @property
    def daily(self) -> bool:
        return self.basis == "per_person_per_day"


def profile_rates(profile: str | None = None) -> dict[str, Rate]:
    rules = needs_rules()
    name = profile or rules["default_profile"]
    if name not in rules["profiles"]:
        raise SonaeInputError(f"Unknown needs profile '{name}'. Choose one of: {', '.join(rules['profiles'])}.",
                              f"需要プロファイル「{name}」はありません。{', '.join(rules['profiles'])} から選んでください。")
    out = {}
    for item, spec in rules["profiles"][name]["rates"].items():
        basis = "per_person_per_day" if "per_person_per_day" in spec else "per_person"
        out[item] = Rate(item, basis, float(spec[basis]), bool(spec.get("core")), rules["items"][item]["base_unit"])
    return out


def default_horizon() -> int:
    return int(needs_rules()["planning_horizon_days"]["default"])


def _item_lookup() -> tuple[dict, dict]:
    rules = needs_rules()
    names, units = {}, {}
    for item, spec in rules["items"].items():
        names[key(item)] = item
        for alias in spec["aliases"]:
            names[key(alias)] = item
        units[item] = {key(u): float(f) for u, f in spec["units"].items()}
        units[item].setdefault(key(spec["base_unit"]), 1.0)
    return names, units


# --- validation of canonical frames -------------------------------------------------------------------------

def _row_labels(frame: pd.DataFrame) -> list[tuple[str, str]]:
    if "source_row" in frame.columns:
        labels = []
        for i, v in enumerate(frame["source_row"].tolist()):
            s = "" if v is None or (isinstance(v, float) and np.isnan(v)) else str(v)
            labels.append((s, row_label_ja(s)) if s else (f"row {i + 1}", f"{i + 1}行目"))
        return labels
    return [(f"row {i + 1}", f"{i + 1}行目") for i in range(len(frame))]


def _number(value):
    """A quantity cell: NaN when blank, the value, or a NumberError (refused by the caller with the row).
    Returns (value, unit written in the cell or '')."""
    try:
        v = parse_number(value, family=None)
    except NumberError as exc:
        return exc, ""
    if v is None:
        return np.nan, ""
    text = unicodedata.normalize("NFKC", str(value)).strip()
    m = re.search(r"[^\d\s.,+\-▲△]+$", text)
    return v, (m.group(0) if m and not isinstance(value, (int, float, np.integer, np.floating)) else "")


def _fail(label, row, en, ja):
    raise SonaeInputError(f"{label}, {row[0]}: {en}", f"{label} {row[1]}: {ja}")


def _check_dates(label, row, dates, today: dt.date) -> None:
    """Implausible dates refused with the row: a verification or manufacture date in the future, a manufacture
    date after the expiry date."""
    for c, en, ja in (("verified_on", "verification date (確認日)", "確認日"),
                      ("manufactured_on", "manufacture date (製造日)", "製造日")):
        d = dates.get(c)
        if d is not None and d > today:
            _fail(label, row, f"the {en} {d.isoformat()} is in the future (today is {today.isoformat()}). Enter the "
                  "date the stock was actually checked or made.",
                  f"{ja} {d.isoformat()} が未来の日付です（今日は{today.isoformat()}）。実際の日付を入力してください。")
    made, exp = dates.get("manufactured_on"), dates.get("expiry_date")
    if made is not None and exp is not None and made > exp:
        _fail(label, row, f"the manufacture date {made.isoformat()} is after the expiry date {exp.isoformat()}; one of "
              "the two (or the order of the columns) is wrong. Correct the dates.",
              f"製造日 {made.isoformat()} が期限 {exp.isoformat()} より後です。どちらか（または列の順序）が誤っています。"
              "日付を修正してください。")


def normalize_items(frame: pd.DataFrame, label: str = "stock_items", today: dt.date | None = None,
                    require_expiry: bool = False) -> pd.DataFrame:
    """Validate a stock_items frame with canonical column names; returns it with parsed values and
    ``quantity_base``, ``committed_base`` (base units of the item) and ``base_unit`` added.

    Raises SonaeInputError naming the file/layer ``label`` and the row for: a missing column, an unknown item or
    unit, an unknown owner type, a quantity that is not a number or is negative, a partner row without a
    committed quantity, conflicting commitments, an unparseable or impossible date, duplicate rows, a verification
    or manufacture date in the future, a manufacture date after the expiry date, and (``require_expiry``, as the
    importer asks) a perishable item (rules/needs_profiles.json) without an expiry date, which would otherwise count
    as usable forever.
    """
    missing = [c for c in ("site_id", "item", "unit", "quantity") if c not in frame.columns]
    if missing:
        raise SonaeInputError(
            f"{label}: column(s) {', '.join(missing)} missing. Use the template of sonae:stockpiletemplate "
            "(Japanese headers such as 拠点ID, 品目, 単位, 数量 are accepted).",
            f"{label}: 列 {', '.join(missing)} がありません。sonae:stockpiletemplate のひな形（拠点ID・品目・単位・数量など）を"
            "使ってください。")
    names, units = _item_lookup()
    rows = _row_labels(frame)
    n = len(frame)
    col = {c: (frame[c].tolist() if c in frame.columns else [None] * n) for c in ITEM_COLUMNS + OPTIONAL_ITEM_COLUMNS}
    out = {c: [] for c in ITEM_COLUMNS + ["quantity_base", "committed_base", "base_unit", "factor", "source_row",
                                          "manufactured_on"]}
    for i in range(n):
        row = rows[i]
        site = "" if col["site_id"][i] is None else unicodedata.normalize("NFKC", str(col["site_id"][i])).strip()
        if site in ("", "nan", "None"):
            _fail(label, row, "the site id (拠点ID) is empty. Fill in the id of a stock site.",
                  "拠点IDが空です。備蓄拠点のIDを入力してください。")
        item_text = col["item"][i]
        item = names.get(key(item_text))
        if item is None:
            known = ", ".join(needs_rules()["items"])
            _fail(label, row, f"unknown item '{item_text}'. Use one of {known} (or a Japanese name such as 飲料水, "
                  "食料, 携帯トイレ, 毛布), or add it to rules/needs_profiles.json.",
                  f"品目「{item_text}」は未登録です。{known}（飲料水・食料・携帯トイレ・毛布など）のいずれかにするか、"
                  "rules/needs_profiles.json に追加してください。")
        unit_text = col["unit"][i]
        factor = units[item].get(key(unit_text))
        if factor is None:
            allowed = ", ".join(needs_rules()["items"][item]["units"])
            _fail(label, row, f"unknown unit '{unit_text}' for item {item}. Use one of: {allowed}.",
                  f"品目 {item} の単位「{unit_text}」は使えません。次のいずれかにしてください: {allowed}")
        qty, qty_unit = _number(col["quantity"][i])
        if isinstance(qty, NumberError) or np.isnan(qty):
            why_en, why_ja = (qty.en, qty.ja) if isinstance(qty, NumberError) else ("empty", "空欄です")
            _fail(label, row, f"the quantity '{col['quantity'][i]}' cannot be read ({why_en}). Enter the count in "
                  f"{unit_text}.",
                  f"数量「{col['quantity'][i]}」を読めません（{why_ja}）。{unit_text}単位の数を入力してください。")
        if qty_unit and not key(unit_text).startswith(key(qty_unit)):      # 3箱 under 箱(2L×6本) is the same unit
            _fail(label, row, f"quantity '{col['quantity'][i]}' is written in {qty_unit} but the unit column says "
                  f"'{unit_text}'. Write the number only, in the unit of the unit column.",
                  f"数量「{col['quantity'][i]}」の単位（{qty_unit}）が単位列の「{unit_text}」と違います。単位列の単位で数だけを"
                  "書いてください。")
        if qty < 0:
            _fail(label, row, f"negative quantity {qty:g}. Enter the stock on hand (0 or more).",
                  f"数量が負です（{qty:g}）。在庫数（0以上）を入力してください。")
        owner_text = col["owner_type"][i]
        owner = OWNER_ALIASES.get(key(owner_text)) if key(owner_text) else "city"
        if owner is None:
            _fail(label, row, f"unknown owner type '{owner_text}'. Use city (市) or retail_partner (協定事業者).",
                  f"所有区分「{owner_text}」は使えません。city（市）または retail_partner（協定事業者）にしてください。")
        committed, _cu = _number(col["committed_quantity"][i])
        if isinstance(committed, NumberError):
            _fail(label, row, f"the committed quantity '{col['committed_quantity'][i]}' cannot be read ({committed.en}). "
                  "Enter the committed count in the unit of the row.",
                  f"協定数量「{col['committed_quantity'][i]}」を読めません（{committed.ja}）。その行の単位で協定数量を"
                  "入力してください。")
        if owner == "retail_partner" and np.isnan(committed):
            _fail(label, row, "a retail partner's row needs the committed quantity (協定数量) in the same unit.",
                  "協定事業者の行には協定数量（同じ単位）が必要です。")
        if not np.isnan(committed) and committed < 0:
            _fail(label, row, f"negative committed quantity {committed:g}.", f"協定数量が負です（{committed:g}）。")
        dates = {}
        # an expiry printed as 年月 only (2029年3月, R11.3) means the end of that month; a verification or
        # manufacture month, conservatively, its first day
        for c, ja, month_only in (("expiry_date", "消費期限/賞味期限", "end"), ("verified_on", "確認日", "start"),
                                  ("manufactured_on", "製造日", "start")):
            try:
                dates[c] = parse_date(col[c][i], month_only=month_only)
            except DateError as exc:
                _fail(label, row, f"column {c}: {exc.en}. Correct the date.", f"「{ja}」{exc.ja}。日付を修正してください。")
        _check_dates(label, row, dates, today or dt.date.today())
        if require_expiry and dates["expiry_date"] is None and needs_rules()["items"][item].get("perishable"):
            _fail(label, row, f"{item} is perishable (rules/needs_profiles.json) but this row has no expiry date, so "
                  "it would count as usable forever (a cut-off or incomplete row?). Fill in the expiry date "
                  "(消費期限/賞味期限; a month such as 2029年3月 is enough).",
                  f"{needs_rules()['items'][item]['name_ja']}は期限のある品目ですが、この行には消費期限/賞味期限がありません。"
                  "このままでは無期限に使える在庫として数えられます（行が途中で切れていませんか）。期限を入力してください"
                  "（2029年3月のような年月でも可）。")
        product = col["product"][i]
        product = "" if product is None or (isinstance(product, float) and np.isnan(product)) else str(product)
        note = col["note"][i]
        note = "" if note is None or (isinstance(note, float) and np.isnan(note)) else str(note)
        for c, v in (("site_id", site), ("owner_type", owner), ("item", item), ("product", product.strip()),
                     ("unit", str(unit_text).strip()), ("quantity", qty), ("expiry_date", dates["expiry_date"]),
                     ("committed_quantity", committed), ("verified_on", dates["verified_on"]), ("note", note),
                     ("manufactured_on", dates["manufactured_on"]),
                     ("quantity_base", qty * factor), ("committed_base", committed * factor),
                     ("base_unit", needs_rules()["items"][item]["base_unit"]), ("factor", factor),
                     ("source_row", row[0])):
            out[c].append(v)
    items = pd.DataFrame(out)
    _check_duplicates(items, rows, label)
    _check_commitments(items, rows, label)
    return items


def _check_duplicates(items: pd.DataFrame, rows, label: str) -> None:
    keys = pd.Series(["|".join(str(v) for v in r) for r in zip(
        items["site_id"], items["item"], items["product"], items["unit"],
        ["" if d is None else d.isoformat() for d in items["expiry_date"]])], index=items.index)
    dup = keys.duplicated(keep="first").to_numpy()
    if dup.any():
        j = int(np.flatnonzero(dup)[0])
        first = int(np.flatnonzero((keys == keys.iloc[j]).to_numpy())[0])
        raise SonaeInputError(
            f"{label}, {rows[j][0]}: duplicate of {rows[first][0]} (same site {items.site_id.iloc[j]}, item, product, "
            "unit and expiry date). Merge the two rows into one with the summed quantity, or delete the copy.",
            f"{label} {rows[j][1]}: {rows[first][1]} と重複しています（拠点 {items.site_id.iloc[j]}・品目・品名・単位・期限が"
            "同じ）。数量を合計して1行にするか、重複行を削除してください。")


def _check_commitments(items: pd.DataFrame, rows, label: str) -> None:
    partner = items[items.owner_type == "retail_partner"]
    for (site, item), grp in partner.groupby(["site_id", "item"], sort=False):
        values = grp["committed_base"].round(9).unique()
        if len(values) > 1:
            a, b = grp.index[0], grp.index[grp["committed_base"].round(9) != values[0]][0]
            raise SonaeInputError(
                f"{label}, {rows[b][0]}: committed quantity of {item} at site {site} differs from {rows[a][0]} "
                f"({grp.committed_base[b]:g} vs {grp.committed_base[a]:g} {grp.base_unit[a]}). The commitment is "
                "per site and item: write the same figure on every lot row.",
                f"{label} {rows[b][1]}: 拠点 {site} の {item} の協定数量が {rows[a][1]} と違います。協定数量は拠点・品目ごとの"
                "値なので、すべての行に同じ値を書いてください。")


def normalize_sites(frame: pd.DataFrame, label: str = "stock_sites") -> pd.DataFrame:
    """Validate site ids (present, unique) and owner types of a stock_sites frame; geometry is kept as is."""
    if "site_id" not in frame.columns:
        raise SonaeInputError(f"{label}: no site_id (拠点ID) column. Choose the stock sites layer or import it with "
                              "sonae:importstockpile.",
                              f"{label}: 拠点ID（site_id）列がありません。備蓄拠点レイヤを選ぶか sonae:importstockpile で"
                              "読み込んでください。")
    rows = _row_labels(frame)
    out = frame.copy()
    ids = [unicodedata.normalize("NFKC", "" if v is None else str(v)).strip() for v in frame["site_id"].tolist()]
    seen = {}
    for i, s in enumerate(ids):
        if s in ("", "nan", "None"):
            _fail(label, rows[i], "the site id is empty.", "拠点IDが空です。")
        if s in seen:
            _fail(label, rows[i], f"site id {s} appears twice (first at {rows[seen[s]][0]}). Site ids must be unique.",
                  f"拠点ID {s} が重複しています（最初は{rows[seen[s]][1]}）。拠点IDは一意にしてください。")
        seen[s] = i
    out["site_id"] = ids
    if "owner_type" in frame.columns:
        owners = []
        for i, v in enumerate(frame["owner_type"].tolist()):
            o = OWNER_ALIASES.get(key(v)) if key(v) else "city"
            if o is None:
                _fail(label, rows[i], f"unknown owner type '{v}'. Use city (市) or retail_partner (協定事業者).",
                      f"所有区分「{v}」は使えません。city または retail_partner にしてください。")
            owners.append(o)
        out["owner_type"] = owners
    if hasattr(frame, "geometry"):
        geoms = frame.geometry
        bad = (geoms.isna() | geoms.is_empty).to_numpy()
        if bad.any():
            i = int(np.flatnonzero(bad)[0])
            _fail(label, rows[i], f"site {ids[i]} has no location. Add its coordinates (緯度・経度).",
                  f"拠点 {ids[i]} に位置がありません。緯度・経度を入力してください。")
    return out


def check_sites(items: pd.DataFrame, site_ids, items_label="stock_items", sites_label="stock_sites") -> None:
    """Every item row's site must be a located stock site."""
    known = set(site_ids)
    bad = ~items["site_id"].isin(known).to_numpy()
    if bad.any():
        i = int(np.flatnonzero(bad)[0])
        row = items["source_row"].iloc[i]
        site = items["site_id"].iloc[i]
        raise SonaeInputError(
            f"{items_label}, {row}: site id {site} has no location: it is not in {sites_label}. Add the site (with "
            "coordinates) to the sites table or correct the id.",
            f"{items_label} {row}: 拠点ID {site} の位置がありません（{sites_label} にありません）。拠点を座標付きで追加するか、"
            "IDを修正してください。")


# --- usable stock -------------------------------------------------------------------------------------------

def usable_mask(items: pd.DataFrame, on: dt.date) -> np.ndarray:
    """True where a lot is usable on date ``on`` (no expiry, or expiry on/after it per the expiry rule)."""
    inclusive = bool(needs_rules()["expiry_rule"]["usable_on_expiry_date"])
    exp = items["expiry_date"].tolist()
    if inclusive:
        return np.array([e is None or e >= on for e in exp], dtype=bool)
    return np.array([e is None or e > on for e in exp], dtype=bool)


def usable_stock(items: pd.DataFrame, on: dt.date) -> pd.DataFrame:
    """Per site, item and owner type: stock (unexpired, base units), expired, committed and usable.

    usable = stock for the city; min(stock, committed) for a retail partner.
    """
    ok = usable_mask(items, on)
    frame = pd.DataFrame({
        "site_id": items["site_id"].to_numpy(), "item": items["item"].to_numpy(),
        "owner_type": items["owner_type"].to_numpy(),
        "stock": np.where(ok, items["quantity_base"].to_numpy(float), 0.0),
        "expired": np.where(ok, 0.0, items["quantity_base"].to_numpy(float)),
        "committed": items["committed_base"].to_numpy(float),
    })
    g = frame.groupby(["site_id", "item", "owner_type"], sort=True).agg(
        stock=("stock", "sum"), expired=("expired", "sum"), committed=("committed", "first")).reset_index()
    partner = (g["owner_type"] == "retail_partner").to_numpy()
    g["usable"] = np.where(partner, np.minimum(g["stock"].to_numpy(), np.nan_to_num(g["committed"].to_numpy())),
                           g["stock"].to_numpy())
    return g


# --- allocation ---------------------------------------------------------------------------------------------

@dataclass
class Sufficiency:
    shelters: pd.DataFrame          # per shelter, in input order
    districts: pd.DataFrame         # per district
    unallocated: pd.DataFrame       # per site and item: usable stock no shelter received
    usable: pd.DataFrame            # usable_stock() result
    items: list = field(default_factory=list)


def _pairs_within(sx, sy, kx, ky, max_distance_m):
    """(shelter index, site index, distance) of every pair within max_distance_m (all pairs when <= 0)."""
    from scipy.spatial import cKDTree
    if len(sx) == 0 or len(kx) == 0:
        return np.zeros(0, int), np.zeros(0, int), np.zeros(0)
    a = np.column_stack([sx, sy])
    b = np.column_stack([kx, ky])
    if max_distance_m and max_distance_m > 0:
        m = cKDTree(a).sparse_distance_matrix(cKDTree(b), max_distance_m, output_type="coo_matrix")
        si, ki, d = m.row.astype(int), m.col.astype(int), m.data
        # sparse_distance_matrix drops zero distances (site at the shelter): add them back
        zero = cKDTree(a).query_ball_tree(cKDTree(b), 0.0)
        zi = [(i, j) for i, js in enumerate(zero) for j in js]
        if zi:
            zs, zk = np.array(zi).T
            si, ki, d = np.concatenate([si, zs]), np.concatenate([ki, zk]), np.concatenate([d, np.zeros(len(zs))])
            keep = ~pd.DataFrame({"s": si, "k": ki}).duplicated().to_numpy()
            si, ki, d = si[keep], ki[keep], d[keep]
    else:
        si, ki = np.meshgrid(np.arange(len(a)), np.arange(len(b)), indexing="ij")
        si, ki = si.ravel(), ki.ravel()
        d = np.hypot(a[si, 0] - b[ki, 0], a[si, 1] - b[ki, 1])
    order = np.lexsort((ki, si, d))
    return si[order], ki[order], d[order]


def allocate(shelters: pd.DataFrame, sites: pd.DataFrame, items: pd.DataFrame, scenario_date: dt.date,
             profile: str | None = None, horizon_days: float | None = None, max_distance_m: float = 5000.0,
             mode: str = "nearest", progress: Progress | None = None) -> Sufficiency:
    """Allocate usable stock to shelters and measure sufficiency.

    shelters: columns shelter_id, evacuees, x, y (projected metres) and optionally district.
    sites: columns site_id, x, y. items: normalize_items() output.
    """
    progress = ensure(progress)
    rates = profile_rates(profile)
    horizon = float(default_horizon() if horizon_days is None else horizon_days)
    if horizon <= 0:
        raise SonaeInputError(f"The planning horizon must be more than 0 days (got {horizon:g}).",
                              f"計画期間は0日より大きくしてください（{horizon:g}日）。")
    evac = numbers(shelters["evacuees"], "evacuees", "SHELTERS")
    bad = np.flatnonzero(evac < 0)
    if len(bad):
        raise SonaeInputError(
            f"Shelter {shelters.shelter_id.iloc[bad[0]]}: negative evacuees ({evac[bad[0]]:g}). Check the field.",
            f"避難所 {shelters.shelter_id.iloc[bad[0]]}: 避難者数が負です（{evac[bad[0]]:g}）。項目を確認してください。")
    evac = np.nan_to_num(evac)
    check_sites(items, sites["site_id"])
    keys = list(rates)
    usable = usable_stock(items, scenario_date)
    site_index = {s: i for i, s in enumerate(sites["site_id"].tolist())}
    n, m, q = len(shelters), len(sites), len(keys)
    stock = np.zeros((m, q))
    partner = np.zeros((m, q))
    for r in usable[usable["item"].isin(keys)].itertuples(index=False):
        k, j = site_index[r.site_id], keys.index(r.item)
        stock[k, j] += r.usable
        if r.owner_type == "retail_partner":
            partner[k, j] += r.usable
    with np.errstate(invalid="ignore", divide="ignore"):
        pfrac = np.where(stock > 0, partner / stock, 0.0)
    rate = np.array([rates[k].rate for k in keys])
    daily = np.array([rates[k].daily for k in keys])
    need = evac[:, None] * rate[None, :] * np.where(daily, horizon, 1.0)[None, :]
    alloc = np.zeros((n, q))
    alloc_p = np.zeros((n, q))
    sx, sy = shelters["x"].to_numpy(float), shelters["y"].to_numpy(float)
    kx, ky = sites["x"].to_numpy(float), sites["y"].to_numpy(float)
    remaining = stock.copy()
    if mode == "nearest":
        si, ki, _d = _pairs_within(sx, sy, kx, ky, max_distance_m)
        rn = need.copy()
        step = max(1, len(si) // 50)
        for p in range(len(si)):
            s, k = si[p], ki[p]
            take = np.minimum(rn[s], remaining[k])
            if take.any():
                alloc[s] += take
                alloc_p[s] += take * pfrac[k]
                rn[s] -= take
                remaining[k] -= take
            if p % step == 0:
                progress.update(0.8 * p / max(1, len(si)))
        # surplus beyond the horizon: shared among the shelters in range in proportion to evacuees
        if len(si):
            w = evac[si]
            wsum = np.bincount(ki, weights=w, minlength=m)
            share = np.where(wsum[ki] > 0, w / np.where(wsum[ki] > 0, wsum[ki], 1.0), 0.0)
            give = share[:, None] * remaining[ki]
            np.add.at(alloc, si, give)
            np.add.at(alloc_p, si, give * pfrac[ki])
            given = np.zeros((m, q))
            np.add.at(given, ki, give)
            remaining = np.maximum(remaining - given, 0.0)
    elif mode == "district":
        if "district" not in shelters.columns:
            raise SonaeInputError("District allocation needs a district field on the shelters layer.",
                                  "地区単位の配分には避難所レイヤの地区項目が必要です。")
        district = shelters["district"].fillna("").astype(str).to_numpy()
        if n and m:
            from scipy.spatial import cKDTree
            _, nearest = cKDTree(np.column_stack([sx, sy])).query(np.column_stack([kx, ky]))
            site_district = district[nearest]
        else:
            site_district = np.array([], dtype=object)
        for di, d in enumerate(np.unique(district)):
            members = np.flatnonzero(district == d)
            ks = np.flatnonzero(site_district == d)
            total = remaining[ks].sum(axis=0)
            tot_p = (remaining[ks] * pfrac[ks]).sum(axis=0)
            w = evac[members]
            if w.sum() <= 0:
                continue
            alloc[members] += (w / w.sum())[:, None] * total[None, :]
            with np.errstate(invalid="ignore", divide="ignore"):
                frac = np.where(total > 0, tot_p / np.where(total > 0, total, 1), 0.0)
            alloc_p[members] += (w / w.sum())[:, None] * (total * frac)[None, :]
            remaining[ks] = 0.0
            progress.update(0.8 * di / max(1, len(np.unique(district))))
    else:
        raise SonaeInputError(f"Unknown allocation mode '{mode}' (nearest or district).",
                              f"配分方法「{mode}」はありません（nearest または district）。")
    progress.update(0.85)
    per = _shelter_table(shelters, evac, keys, rates, alloc, alloc_p, need, horizon)
    dist = _district_table(per, shelters, keys, rates, horizon)
    un = []
    for k in range(m):
        for j, it in enumerate(keys):
            if remaining[k, j] > 1e-9:
                un.append((sites["site_id"].iloc[k], it, remaining[k, j]))
    unallocated = pd.DataFrame(un, columns=["site_id", "item", "units"])
    progress.update(1.0)
    return Sufficiency(per, dist, unallocated, usable, keys)


def _shelter_table(shelters, evac, keys, rates, alloc, alloc_p, need, horizon) -> pd.DataFrame:
    out = pd.DataFrame({"shelter_id": shelters["shelter_id"].to_numpy(), "evacuees": evac})
    if "district" in shelters.columns:
        out["district"] = shelters["district"].fillna("").astype(str).to_numpy()
    days_cols = []
    with np.errstate(invalid="ignore", divide="ignore"):
        for j, it in enumerate(keys):
            r = rates[it]
            units = alloc[:, j]
            out[f"{it}_units"] = units
            if r.daily:
                out[f"{it}_pd"] = np.minimum(units / r.rate, evac * horizon)
                out[f"{it}_days"] = np.where(evac > 0, units / (evac * r.rate), np.nan)
                days_cols.append(f"{it}_days")
            else:
                out[f"{it}_persons"] = np.minimum(units / r.rate, evac)
            out[f"{it}_short"] = np.maximum(need[:, j] - units, 0.0)
            out[f"{it}_partner"] = np.where(units > 0, alloc_p[:, j] / np.where(units > 0, units, 1), np.nan)
    days = out[days_cols].to_numpy(float) if days_cols else np.full((len(out), 1), np.nan)
    all_nan = np.isnan(days).all(axis=1)
    out["days_min"] = np.where(all_nan, np.nan, np.nanmin(np.where(np.isnan(days), np.inf, days), axis=1))
    limiting = np.array([c[:-5] for c in days_cols], dtype=object)[np.argmin(np.where(np.isnan(days), np.inf, days),
                                                                                axis=1)] if days_cols else None
    out["limiting_item"] = np.where(all_nan, None, limiting) if days_cols else None
    out["meets_horizon"] = np.where(all_nan, None, out["days_min"].to_numpy() >= horizon - 1e-9)
    return out


def _district_table(per, shelters, keys, rates, horizon) -> pd.DataFrame:
    d = per.copy()
    if "district" not in d.columns:
        d["district"] = "(all)"
    d["district"] = d["district"].replace("", "(none)")
    rows = []
    for name, grp in d.groupby("district", sort=True):
        evac = float(grp["evacuees"].sum())
        row = {"district": name, "shelters": len(grp), "evacuees": evac}
        days = []
        for it in keys:
            r = rates[it]
            units = float(grp[f"{it}_units"].sum())
            row[f"{it}_units"] = units
            if r.daily:
                row[f"{it}_pd"] = float(grp[f"{it}_pd"].sum())
                row[f"{it}_days"] = units / (evac * r.rate) if evac > 0 else np.nan
                days.append(row[f"{it}_days"])
            else:
                row[f"{it}_persons"] = float(grp[f"{it}_persons"].sum())
            row[f"{it}_short"] = float(grp[f"{it}_short"].sum())
            p = (grp[f"{it}_partner"].fillna(0) * grp[f"{it}_units"]).sum()
            row[f"{it}_partner"] = p / units if units > 0 else np.nan
        valid = [x for x in days if not np.isnan(x)]
        row["days_min"] = min(valid) if valid else np.nan
        row["shelters_short"] = int((grp["meets_horizon"] == False).sum())  # noqa: E712
        rows.append(row)
    return pd.DataFrame(rows)


# --- energy as a stockpile ----------------------------------------------------------------------------------

def join_energy(per_shelter: pd.DataFrame, energy: pd.DataFrame, label: str = "energy") -> pd.DataFrame:
    """Add battery_kwh, battery_soc, kwh_now (= kWh x SoC), critical_load_kw and hours_now by shelter_id.

    ``energy`` has columns shelter_id, battery_kwh, battery_soc and optionally critical_load_kw, hours_now (the
    energy engineer's figure is shown as is; when absent it is kwh_now / critical_load_kw).
    """
    e = energy.copy()
    e["shelter_id"] = e["shelter_id"].astype(str)
    dup = e["shelter_id"].duplicated()
    if dup.any():
        sid = e["shelter_id"][dup].iloc[0]
        raise SonaeInputError(f"{label}: shelter {sid} appears twice. Keep one energy row per shelter.",
                              f"{label}: 避難所 {sid} が2回あります。避難所ごとに1行にしてください。")
    for c in ("battery_kwh", "battery_soc", "critical_load_kw", "hours_now"):
        e[c] = numbers(e[c], c, label, percent="fraction" if c == "battery_soc" else None) \
            if c in e.columns else np.nan
    soc = e["battery_soc"].to_numpy(float)
    bad = np.flatnonzero((soc < 0) | (soc > 1))
    if len(bad):
        raise SonaeInputError(
            f"{label}: shelter {e.shelter_id.iloc[bad[0]]} has battery_soc {soc[bad[0]]:g}; it must be a fraction "
            "0-1 (e.g. 0.8 for 80 %).",
            f"{label}: 避難所 {e.shelter_id.iloc[bad[0]]} の battery_soc が {soc[bad[0]]:g} です。0〜1の割合（80%なら0.8）に"
            "してください。")
    # kWh now: none without a battery; unknown (NaN) for a battery whose SoC is not monitored — never assumed
    e["kwh_now"] = np.where(e["battery_kwh"].to_numpy(float) == 0, 0.0, e["battery_kwh"] * e["battery_soc"])
    computed = np.where(e["critical_load_kw"] > 0, e["kwh_now"] / e["critical_load_kw"].where(
        e["critical_load_kw"] > 0, 1.0), np.nan)
    e["hours_now"] = e["hours_now"].where(e["hours_now"].notna(), computed)
    cols = ["shelter_id", "battery_kwh", "battery_soc", "kwh_now", "critical_load_kw", "hours_now"]
    left = per_shelter.copy()
    left["_sid"] = left["shelter_id"].astype(str)
    merged = left.merge(e[cols].rename(columns={"shelter_id": "_sid"}), on="_sid", how="left")
    return merged.drop(columns="_sid")


# --- expiry rotation ----------------------------------------------------------------------------------------

def expiry_rotation(items: pd.DataFrame, reference: dt.date, months: float = 12.0,
                    site_names: dict | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(lots expiring within ``months`` of ``reference`` — expired ones included — with a suggested action,
    replacement purchase per fiscal year and item for city stock).

    Partner stock rotates through normal sales, so it is listed with that action and not in the purchases.
    """
    rules = rotation_rules()["rules"]
    dated = items[items["expiry_date"].notna()].copy()
    dated["months_left"] = [months_between(reference, e) for e in dated["expiry_date"]]
    win = dated[dated["months_left"] <= months].copy()
    actions = []
    for r in win.itertuples(index=False):
        left = r.months_left if r.expiry_date >= reference else -1.0
        act = ""
        for rule in rules:
            if rule["owner_type"] in ("*", r.owner_type) and left <= float(rule["months_left_max"]) and \
                    (rule["months_left_max"] > 0 or r.expiry_date < reference):
                act = rule["action"]
                break
        actions.append(act)
    win["action"] = actions
    win["month"] = [e.strftime("%Y-%m") for e in win["expiry_date"]]
    win["fiscal_year"] = [fiscal_year(e) for e in win["expiry_date"]]
    win["site_name"] = [(site_names or {}).get(s, "") for s in win["site_id"]]
    win["expired"] = [e < reference for e in win["expiry_date"]]
    cols = ["site_id", "site_name", "owner_type", "month", "expiry_date", "months_left", "expired", "item",
            "product", "unit", "quantity", "quantity_base", "base_unit", "fiscal_year", "action", "source_row"]
    lots = win.sort_values(["site_id", "expiry_date", "item"])[cols].reset_index(drop=True)
    city = dated[dated["owner_type"] == "city"].copy()
    ref_fy = fiscal_year(reference)
    city["fiscal_year"] = [max(fiscal_year(e), ref_fy) for e in city["expiry_date"]]
    repl = city.groupby(["fiscal_year", "item", "base_unit"], sort=True).agg(
        quantity_base=("quantity_base", "sum"), lots=("quantity_base", "size")).reset_index()
    return lots, repl


# --- partner audit ------------------------------------------------------------------------------------------

def partner_audit(items: pd.DataFrame, audit_date: dt.date, profile: str | None = None,
                  horizon_days: float | None = None, max_age_months: float | None = None
                  ) -> tuple[pd.DataFrame, dict]:
    """Per partner site and item: reported (unexpired) quantity vs committed, under-commitment and stale
    verification flags, the counted quantity (min of the two) and the persons it feeds for the horizon.

    Returns (table, summary) where summary holds per-item counted units, person-days and persons fed for the
    horizon, and ``persons_fed`` = the smallest persons-for-the-horizon over the profile's core daily items.
    """
    rates = profile_rates(profile)
    horizon = float(default_horizon() if horizon_days is None else horizon_days)
    max_age = float(rotation_rules()["audit_max_age_months"]["default"] if max_age_months is None
                    else max_age_months)
    partner = items[items["owner_type"] == "retail_partner"].copy()
    ok = usable_mask(partner, audit_date)
    partner["reported"] = np.where(ok, partner["quantity_base"].to_numpy(float), 0.0)
    partner["expired_q"] = np.where(ok, 0.0, partner["quantity_base"].to_numpy(float))
    rows = []
    for (site, item), g in partner.groupby(["site_id", "item"], sort=True):
        reported = float(g["reported"].sum())
        committed = float(g["committed_base"].iloc[0])
        # a verification after the audit date did not exist on that date: the lot counts as unverified (stale)
        verified = [v for v in g["verified_on"] if v is not None and v <= audit_date]
        oldest = min(verified) if len(verified) == len(g) and verified else None
        age = months_between(oldest, audit_date) if oldest else np.nan
        counted = min(reported, committed)
        r = rates.get(item)
        row = {"site_id": site, "item": item, "base_unit": g["base_unit"].iloc[0], "reported": reported,
               "expired": float(g["expired_q"].sum()), "committed": committed,
               "ratio": reported / committed if committed > 0 else np.nan,
               "under_committed": reported < committed - 1e-9, "gap": max(committed - reported, 0.0),
               "counted": counted, "verified_on": oldest, "months_since_verified": age,
               "stale": oldest is None or age > max_age,
               "person_days": counted / r.rate if r is not None and r.daily else np.nan,
               "persons_for_horizon": (counted / (r.rate * horizon) if r.daily else counted / r.rate)
               if r is not None else np.nan}
        rows.append(row)
    table = pd.DataFrame(rows)
    summary = {"horizon_days": horizon, "items": {}, "persons_fed": 0.0, "limiting_item": None}
    core = [k for k, r in rates.items() if r.core and r.daily]
    for it, r in rates.items():
        counted = float(table.loc[table["item"] == it, "counted"].sum()) if len(table) else 0.0
        summary["items"][it] = {"counted": counted, "person_days": counted / r.rate if r.daily else np.nan,
                                "persons_for_horizon": counted / (r.rate * horizon) if r.daily else counted / r.rate}
    if core:
        lim = min(core, key=lambda k: summary["items"][k]["persons_for_horizon"])
        summary["persons_fed"] = summary["items"][lim]["persons_for_horizon"]
        summary["limiting_item"] = lim
    return table, summary
