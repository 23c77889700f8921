"""A small hand-made inventory for the platform tests (NOT real data): city sites C1, C2, partner alpha's P1, P2,
partner beta's P3 in Takamatsu, with quantities chosen so every figure can be checked by hand."""
from __future__ import annotations

SITES = """拠点ID,拠点名,所有区分,住所,緯度,経度
C1,市役所備蓄倉庫,市,高松市番町1-8-15,34.3401,134.0434
C2,東部備蓄庫,市,高松市,34.3300,134.0600
P1,アルファマート中央店,協定事業者,高松市,34.3450,134.0500
P2,アルファマート南店,協定事業者,高松市,34.3200,134.0300
P3,ベータフーズ倉庫,協定事業者,高松市,34.3500,134.0700
"""
METACHAR_PRODUCT = "O'Reilly \"缶\"パン); DROP TABLE sonae.lots; -- \\x00"
ITEMS = f"""拠点ID,所有区分,品目,品名,単位,数量,消費期限/賞味期限,協定数量,確認日,備考
C1,市,飲料水,保存水2L,本(2L),500,2030-03-31,,,
C1,市,食料,アルファ米,食,1000,2029-12-31,,,
C2,市,毛布,毛布,枚,200,,,,
C2,市,食料,乾パン,食,300,2026-06-30,,,expired on purpose
P1,協定事業者,飲料水,天然水2L,本(2L),300,2027-06-30,400,2026-01-15,
P1,協定事業者,食料,カップ麺,食,150,2027-01-31,100,2025-06-01,
P2,協定事業者,飲料水,天然水,L,1000,2027-03-31,800,2026-02-01,
P3,協定事業者,飲料水,水500ml,本(500ml),2400,2027-05-31,2000,2026-03-01,
P3,協定事業者,食料,"{METACHAR_PRODUCT.replace('"', '""')}",食,500,2027-12-31,600,2026-03-01,"a\\\\b 'c'"
"""
# hand figures (base units) on any date between 2026-07-01 and 2027-01-31
WATER_CITY_L = 500 * 2
WATER_PARTNER_USABLE_L = min(300 * 2, 400 * 2) + min(1000, 800) + min(2400 * 0.5, 2000 * 0.5)   # 600+800+1000
LOTS_BY_PARTNER = {"alpha": 3, "beta": 2, None: 4}


def write(tmp_path, items=ITEMS, sites=SITES):
    s = tmp_path / "sites.csv"
    i = tmp_path / "items.csv"
    s.write_text(sites, encoding="utf-8")
    i.write_text(items, encoding="utf-8")
    return str(s), str(i)
