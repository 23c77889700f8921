"""Bad-input cases: dates as Japanese inventories and officers write them, in date parameters and in layer fields
(issue 11 items 3, 8). Dates and months are computed by hand in the comments."""
from __future__ import annotations

import json

from .framework import BadCase, refused, succeeds

ITEMS = ("site_id,owner_type,item,product,unit,quantity,expiry_date,committed_quantity,verified_on\n"
         "W1,city,water,a,L,600,2026-03-31,,\n"          # expired on 2026-04-01
         "W1,city,water,b,L,300,2026-05-31,,\n"          # 2.0 months after 2026-04-01
         "W1,city,meals,c,食,1200,2030-01-01,,\n"        # far ahead
         "P1,retail_partner,water,d,L,400,2027-03-31,500,2026-02-01\n")


def _stock(tmp, items_text=ITEMS):
    items = tmp / "items.csv"
    items.write_text(items_text, encoding="utf-8")
    sites = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [134.05, 34.34]},
         "properties": {"site_id": "W1", "name": "市倉庫", "owner_type": "city"}},
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [134.10, 34.34]},
         "properties": {"site_id": "P1", "name": "協定店舗", "owner_type": "retail_partner"}}]}
    (tmp / "sites.geojson").write_text(json.dumps(sites, ensure_ascii=False), encoding="utf-8")
    return str(items), str(tmp / "sites.geojson")


def _rotation(date, months=3, items_text=ITEMS):
    def build(tmp):
        items, sites = _stock(tmp, items_text)
        return {"ITEMS": items, "SITES": sites, "REFERENCE_DATE": date, "MONTHS": months,
                "OUTPUT": str(tmp / "rot.gpkg"), "OUTPUT_REPLACEMENT": str(tmp / "rep.gpkg")}
    return build


def _rotation_check(results, tmp):
    """reference 2026-04-01, 3 months: lots a (expired 2026-03-31) and b (2026-05-31) listed, 1 expired"""
    assert results["LOT_COUNT"] == 2 and results["EXPIRED_COUNT"] == 1, results


def _audit(date, items_text=ITEMS):
    def build(tmp):
        items, sites = _stock(tmp, items_text)
        return {"ITEMS": items, "SITES": sites, "AUDIT_DATE": date, "HORIZON_DAYS": 3, "MAX_AGE_MONTHS": 12,
                "OUTPUT": str(tmp / "audit.gpkg")}
    return build


def _audit_check(results, tmp):
    """audit on 2026-04-01: partner water 400 L reported vs 500 committed (under by 100), verified 2026-02-01 =
    59 days = 1.94 months ago (not stale)"""
    import pyogrio
    t = pyogrio.read_dataframe(tmp / "audit.gpkg", read_geometry=False).set_index("item")
    assert float(t.loc["water", "gap"]) == 100.0 and bool(t.loc["water", "under_committed"])
    assert abs(float(t.loc["water", "months_since_verified"]) - 59 / 30.4375) < 1e-9
    assert not bool(t.loc["water", "stale"])


MONTH_ONLY_ITEMS = ITEMS.replace("2026-05-31", "R8.5")          # 令和8年5月 = 2026-05 -> 2026-05-31
FUTURE_ITEMS = ITEMS.replace("2026-02-01", "2038-02-01")
WEEKDAY_ITEMS = ITEMS.replace("2026-05-31", "2026/5/31(日)")     # 2026-05-31 is a Sunday

CASES = [
    BadCase(id="expiryrotation-date-reiwa-short", alg="sonae:expiryrotation", what="REFERENCE_DATE 令8.4.1",
            build=_rotation("令8.4.1"), expect=succeeds(_rotation_check)),
    BadCase(id="expiryrotation-date-heisei-dotted", alg="sonae:expiryrotation",
            what="REFERENCE_DATE R.8.4.1 (dotted era letter)", build=_rotation("R.8.4.1"),
            expect=succeeds(_rotation_check)),
    BadCase(id="expiryrotation-date-weekday", alg="sonae:expiryrotation", what="REFERENCE_DATE 2026/4/1(水)",
            build=_rotation("2026/4/1(水)"), expect=succeeds(_rotation_check)),
    BadCase(id="expiryrotation-date-weekday-wrong", alg="sonae:expiryrotation",
            what="REFERENCE_DATE 2026/4/1(月): 1 April 2026 is a Wednesday", build=_rotation("2026/4/1(月)"),
            expect=refused("REFERENCE_DATE", "Wednesday", "水曜日")),
    BadCase(id="expiryrotation-date-impossible", alg="sonae:expiryrotation", what="REFERENCE_DATE 2026/2/30",
            build=_rotation("2026/2/30"), expect=refused("REFERENCE_DATE", "2026/2/30")),
    BadCase(id="expiryrotation-date-month-only", alg="sonae:expiryrotation",
            what="REFERENCE_DATE 2026年4月 (no day): ambiguous for a reference date", build=_rotation("2026年4月"),
            expect=refused("REFERENCE_DATE", "day", "日がありません")),
    BadCase(id="expiryrotation-field-month-only-expiry", alg="sonae:expiryrotation",
            what="an items layer whose expiry_date field says R8.5 (month only)",
            build=_rotation("2026-04-01", items_text=MONTH_ONLY_ITEMS), expect=succeeds(_rotation_check)),
    BadCase(id="expiryrotation-field-weekday-expiry", alg="sonae:expiryrotation",
            what="an items layer whose expiry_date field says 2026/5/31(日)",
            build=_rotation("2026-04-01", items_text=WEEKDAY_ITEMS), expect=succeeds(_rotation_check)),
    BadCase(id="partneraudit-date-reiwa", alg="sonae:partneraudit", what="AUDIT_DATE 令和8年4月1日",
            build=_audit("令和8年4月1日"), expect=succeeds(_audit_check)),
    BadCase(id="partneraudit-verified-in-2038", alg="sonae:partneraudit",
            what="an items layer with verified_on 2038-02-01 (months since verification would be negative)",
            build=_audit("2026-04-01", items_text=FUTURE_ITEMS), expect=refused("2038-02-01", "確認日")),
]


def _audit_before_check(results, tmp):
    """audit dated 2026-01-01, partner lot verified 2026-02-01 (after it): unverified on the audit date, so stale
    with no months count (never -1.0 months)"""
    import pyogrio
    t = pyogrio.read_dataframe(tmp / "audit.gpkg", read_geometry=False).set_index("item")
    assert bool(t.loc["water", "stale"])
    m = t.loc["water", "months_since_verified"]
    assert m is None or m != m, m


CASES += [
    BadCase(id="partneraudit-audit-before-verification", alg="sonae:partneraudit",
            what="AUDIT_DATE 2026-01-01, before the partner's verification on 2026-02-01",
            build=_audit("2026-01-01"), expect=succeeds(_audit_before_check)),
]
