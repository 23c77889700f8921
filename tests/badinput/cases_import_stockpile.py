"""Bad-input cases of sonae:importstockpile (issue 11 items 3, 8, 11): inventories as city staff and partner
stores keep them. Expected values are computed by hand in the comments (dates, unit factors)."""
from __future__ import annotations

import datetime as dt

from .framework import BadCase, refused, succeeds

ALG = "sonae:importstockpile"
SITES = "拠点ID,拠点名,所有区分,緯度,経度\nW1,市倉庫,市,34.34,134.05\nP1,協定店舗,協定事業者,34.34,134.10\n"
HEADER = "拠点ID,所有区分,品目,品名,単位,数量,消費期限/賞味期限,協定数量,確認日\n"
GOOD = ("W1,市,飲料水,保存水,L,600,2030-03-31,,\n"
        "W1,市,アルファ化米,,食,1200,2028/1/1,,\n"
        "P1,協定事業者,飲料水,販売在庫,L,400,2027-03-31,500,2025/12/1\n")


def _files(tmp, items_text, sites_text=SITES, encoding="utf-8", name="items.csv"):
    items = tmp / name
    sites = tmp / "sites.csv"
    items.write_bytes(items_text.encode(encoding))
    sites.write_bytes(sites_text.encode(encoding))
    return {"ITEMS_FILE": str(items), "SITES_FILE": str(sites), "OUTPUT_SITES": str(tmp / "stock_sites.gpkg"),
            "OUTPUT_ITEMS": str(tmp / "stock_items.gpkg")}


def _items(tmp):
    import pyogrio
    return pyogrio.read_dataframe(tmp / "stock_items.gpkg", read_geometry=False)


def _date(v):
    return None if v is None or v != v else dt.date.fromisoformat(str(v)[:10])


def _case(id_, what, items_text, expect, **kw):
    return BadCase(id=f"importstockpile-{id_}", alg=ALG, what=what,
                   build=lambda tmp: _files(tmp, items_text, **kw), expect=expect)


def _expiry_check(expected: dict):
    def check(results, tmp):
        got = {r.product: _date(r.expiry_date) for r in _items(tmp).itertuples()}
        assert got == expected, (got, expected)
    check.__doc__ = "expiry dates " + ", ".join(f"{k} -> {v}" for k, v in expected.items())
    return check


MONTH_ONLY = HEADER + ("W1,市,飲料水,年月表示,L,600,2029年3月,,\n"
                       "W1,市,飲料水,和暦年月,L,300,R11.3,,\n"
                       "W1,市,飲料水,スラッシュ年月,L,100,2028/02,,\n")
# 2029-03 -> 2029-03-31; R11 = 2019 + 11 - 1 = 2029 -> 2029-03-31; 2028 is a leap year -> 2028-02-29

ERAS = HEADER + ("W1,市,飲料水,令略,L,600,令7.3.31,,\n"
                 "W1,市,飲料水,平成末日,L,300,H.31.4.30,,\n"
                 "W1,市,飲料水,元年,L,100,令和元年5月1日,,\n"
                 "W1,市,飲料水,曜日付き,L,50,2026/3/31(火),,\n")
# 令7 = 2025; H31.4.30 = 2019-04-30 (last day of Heisei); 令和元年 = 2019; 2026-03-31 is a Tuesday (火)

QUANTITY_TEXT = HEADER + ("W1,市,飲料水,千単位,L,\"1,200\",2030-03-31,,\n"
                          "W1,市,アルファ化米,全角,食,１２００,2028/1/1,,\n"
                          "W1,市,携帯トイレ,単位付き,回,2000回,,,\n")


def _quantity_check(results, tmp):
    """quantities 1,200 -> 1200 L, １２００ -> 1200 食, 2000回 -> 2000 回"""
    got = {r.product: (float(r.quantity), r.unit) for r in _items(tmp).itertuples()}
    assert got == {"千単位": (1200.0, "L"), "全角": (1200.0, "食"), "単位付き": (2000.0, "回")}, got


def _site_dms_build(tmp):
    sites = "拠点ID,拠点名,所有区分,緯度,経度\nW1,市倉庫,市,34度20分24秒,134度3分0秒\nP1,協定店舗,協定事業者,34.34,134.10\n"
    return _files(tmp, HEADER + GOOD, sites)


def _site_dms_check(results, tmp):
    """site W1 at 34 + 20/60 + 24/3600 = 34.34 N, 134 + 3/60 = 134.05 E"""
    import pyogrio
    s = pyogrio.read_dataframe(tmp / "stock_sites.gpkg").set_index("site_id")
    g = s.loc["W1"].geometry
    assert abs(g.y - 34.34) < 1e-9 and abs(g.x - 134.05) < 1e-9, (g.x, g.y)


def _good_check(results, tmp):
    """3 item rows: 600 L and 400 L of water, 1200 meals; the partner's commitment 500 L"""
    t = _items(tmp)
    assert sorted(t["quantity"].astype(float)) == [400.0, 600.0, 1200.0]
    assert float(t.loc[t["owner_type"] == "retail_partner", "committed_quantity"].iloc[0]) == 500.0


FUTURE_VERIFIED = HEADER + GOOD.replace("2025/12/1", "2038/1/19")
MADE_AFTER_EXPIRY = ("拠点ID,所有区分,品目,品名,単位,数量,製造日,消費期限/賞味期限,協定数量,確認日\n"
                     "W1,市,飲料水,保存水,L,600,2026-01-10,2030-03-31,,\n"
                     "W1,市,アルファ化米,逆転,食,1200,2029-05-01,2028/1/1,,\n")
TRUNCATED = HEADER + "W1,市,飲料水,保存水,L,600,2030-03-31,,\nW1,市,アルファ化米,,食,1200\n"


CASES = [
    _case("month-only-expiry", "expiry printed as 年月 only: 2029年3月, R11.3, 2028/02", MONTH_ONLY,
          succeeds(_expiry_check({"年月表示": dt.date(2029, 3, 31), "和暦年月": dt.date(2029, 3, 31),
                                  "スラッシュ年月": dt.date(2028, 2, 29)}))),
    _case("era-short-forms", "dates as 令7.3.31, H.31.4.30, 令和元年5月1日, 2026/3/31(火)", ERAS,
          succeeds(_expiry_check({"令略": dt.date(2025, 3, 31), "平成末日": dt.date(2019, 4, 30),
                                  "元年": dt.date(2019, 5, 1), "曜日付き": dt.date(2026, 3, 31)}))),
    _case("weekday-mismatch", "expiry 2026/3/31(月): 31 March 2026 is a Tuesday",
          HEADER + "W1,市,飲料水,保存水,L,600,2026/3/31(月),,\n", refused("line 2", "曜日", "Tuesday")),
    _case("heisei-after-its-end", "expiry 平成31年5月1日 (Heisei ended on 30 April 2019)",
          HEADER + "W1,市,飲料水,保存水,L,600,平成31年5月1日,,\n", refused("line 2", "平成")),
    _case("excel-serial-date", "expiry exported as an Excel serial number 47208",
          HEADER + "W1,市,飲料水,保存水,L,600,47208,,\n", refused("line 2", "Excel")),
    _case("verified-in-the-future", "確認日 2038/1/19 (a typo for 2025)", FUTURE_VERIFIED,
          refused("line 4", "2038", "確認日")),
    _case("manufactured-after-expiry", "製造日 2029-05-01 after the expiry 2028/1/1", MADE_AFTER_EXPIRY,
          refused("line 3", "製造日", "2029-05-01")),
    _case("truncated-row-loses-expiry", "the last row cut off after 数量: its expiry would be lost", TRUNCATED,
          refused("line 3", "3行目")),
    _case("quantity-as-text", "quantities written \"1,200\", １２００ and 2000回", QUANTITY_TEXT,
          succeeds(_quantity_check)),
    _case("quantity-unreadable", "quantity written 多数",
          HEADER + "W1,市,飲料水,保存水,L,多数,2030-03-31,,\n", refused("line 2", "多数")),
    _case("quantity-unit-contradiction", "quantity 24本 in a row whose unit column says 箱(2L×6本)",
          HEADER + "W1,市,飲料水,保存水,箱(2L×6本),24本,2030-03-31,,\n", refused("line 2", "24本")),
    _case("committed-unreadable", "協定数量 written 約束済み",
          HEADER + "P1,協定事業者,飲料水,販売在庫,L,400,2027-03-31,約束済み,2025/12/1\n", refused("line 2", "約束済み")),
    _case("shift-jis", "inventory and sites saved as Shift_JIS (CP932)", HEADER + GOOD, succeeds(_good_check),
          encoding="cp932"),
    _case("utf8-bom", "inventory and sites saved as UTF-8 with BOM", HEADER + GOOD, succeeds(_good_check),
          encoding="utf-8-sig"),
    _case("header-only", "an inventory with the header and no rows", HEADER, refused("header", "ヘッダー")),
    BadCase(id="importstockpile-site-dms", alg=ALG, what="a site's position as 34度20分24秒 / 134度3分0秒",
            build=_site_dms_build, expect=succeeds(_site_dms_check)),
    BadCase(id="importstockpile-site-unreadable-position", alg=ALG, what="a site's latitude written 調査中",
            build=lambda tmp: _files(tmp, HEADER + GOOD, SITES.replace("34.34,134.05", "調査中,134.05")),
            expect=refused("W1", "調査中")),
]

CASES += [
    _case("perishable-without-expiry", "drinking water with an empty expiry cell (would count as usable forever)",
          HEADER + "W1,市,飲料水,保存水,L,600,,,\nW1,市,毛布,,枚,80,,,\n", refused("line 2", "2行目", "expiry")),
]


def _xlsx_dates_build(tmp):
    """An XLSX inventory as officers keep it: expiry cells as Excel dates, one as text 2029年3月, quantities as
    numbers and one as text '1,200'."""
    import openpyxl
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "在庫"
    ws.append(["拠点ID", "所有区分", "品目", "品名", "単位", "数量", "消費期限/賞味期限", "協定数量", "確認日"])
    ws.append(["W1", "市", "飲料水", "日付セル", "L", 600, dt.datetime(2030, 3, 31), None, None])
    ws.append(["W1", "市", "飲料水", "年月文字", "L", "1,200", "2029年3月", None, None])
    ws.append(["W1", "市", "アルファ化米", "和暦", "食", 1200, "R10.1.1", None, None])
    ws2 = wb.create_sheet("拠点")
    ws2.append(["拠点ID", "拠点名", "所有区分", "緯度", "経度"])
    ws2.append(["W1", "市倉庫", "市", 34.34, 134.05])
    path = tmp / "inventory.xlsx"
    wb.save(path)
    return {"ITEMS_FILE": str(path), "SITES_FILE": str(path), "OUTPUT_SITES": str(tmp / "stock_sites.gpkg"),
            "OUTPUT_ITEMS": str(tmp / "stock_items.gpkg")}


def _xlsx_dates_check(results, tmp):
    """expiry 2030-03-31 (date cell), 2029-03-31 (2029年3月 = end of month), 2028-01-01 (R10 = 2028); 1,200 L read"""
    t = {r.product: r for r in _items(tmp).itertuples()}
    assert _date(t["日付セル"].expiry_date) == dt.date(2030, 3, 31)
    assert _date(t["年月文字"].expiry_date) == dt.date(2029, 3, 31) and float(t["年月文字"].quantity) == 1200.0
    assert _date(t["和暦"].expiry_date) == dt.date(2028, 1, 1)


CASES += [
    BadCase(id="importstockpile-xlsx-date-cells-and-text", alg=ALG,
            what="XLSX inventory mixing Excel date cells, 2029年3月 and R10.1.1, and a quantity '1,200'",
            build=_xlsx_dates_build, expect=succeeds(_xlsx_dates_check)),
    _case("trailing-comma", "a trailing comma on every line of the inventory",
          HEADER + "".join(line + ",\n" for line in GOOD.splitlines()), succeeds(_good_check)),
]
