"""Bad-input cases of the platform area (issue 15): shelter-operations snapshots as cities publish them in a
disaster (text counts, 和暦 times, person-level files, swapped coordinates, Shift_JIS), platform connections
(bad URI, unknown QGIS connection name, server down), SQL metacharacters, partner sites not registered.

Cases that need a server share one throwaway PostgreSQL cluster started on first use (Unix socket under
build/pg, stopped at exit); they are skipped only when PostgreSQL/PostGIS are not installed."""
from __future__ import annotations

import atexit
import os

from .framework import BadCase, cancelled, refused, succeeds

OPS = "sonae:importshelterops"
HEAD = "ID,地区,名称,人数,時点,緯度,経度,想定収容人数\n"
ROW1 = "CC0000000504,御祓,御祓地区コミュニティセンター,{n},令和6年3月20日午前6時,37.04826,136.96136,屋内191人／屋外0人(面積の1/2)\n"
ROW2 = "CC0000000518,袖ケ江,山王小学校,38,令和6年3月20日午前6時,37.04185,136.97373,\"屋内480人／屋外3,350人(面積の1/2)\"\n"
_CLUSTER = {}


def _server(role=None):
    """conninfo of the shared throwaway cluster (migrated, partner alpha owning P1), started on first use."""
    import pytest
    from sonae.engine.platform_db import cluster, migrations, partners
    from sonae.engine.platform_db.connection import connect
    reason = cluster.missing_reason()
    if reason:
        pytest.skip(reason)
    if "c" not in _CLUSTER:
        root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.realpath(__file__))))
        c = cluster.Cluster(os.path.join(root, "build", "pg"))
        c.start()
        atexit.register(c.stop)
        con = connect(c.conninfo())
        migrations.migrate(con)
        partners.add_partner(con, "alpha", "Alpha", ["P1"])
        with con.cursor() as cur:
            cur.execute("CREATE ROLE badinput_staff LOGIN IN ROLE sonae_city")
        con.commit()
        con.close()
        _CLUSTER["c"] = c
    return _CLUSTER["c"].conninfo(role)


def _sql(query, params=None):
    import psycopg2
    con = psycopg2.connect(_server())
    try:
        with con.cursor() as cur:
            cur.execute(query, params)
            return cur.fetchall()
    finally:
        con.close()


def _ops(tmp, text, encoding="utf-8", name="snapshot.csv", **extra):
    p = tmp / name
    p.write_bytes(text.encode(encoding))
    return {"INPUT": str(p), "OUTPUT_SHELTERS": str(tmp / "latest.gpkg"),
            "OUTPUT_OCCUPANCY": str(tmp / "occupancy.gpkg"), **extra}


def _occ(tmp):
    import pyogrio
    return pyogrio.read_dataframe(tmp / "occupancy.gpkg", read_geometry=False).set_index("shelter_id")


def _check_unit_count(results, tmp):
    """'1,200人' is read as 1200 and its occupancy is 1200 / 191 (the indoor capacity)."""
    occ = _occ(tmp)
    assert occ.loc["CC0000000504", "evacuees"] == 1200
    assert abs(occ.loc["CC0000000504", "occupancy"] - 1200 / 191) < 1e-9
    assert bool(occ.loc["CC0000000504", "over_capacity"])


def _check_unknown(results, tmp):
    """'不明' is a missing count (NULL), not 0; the other shelter keeps its 38."""
    occ = _occ(tmp)
    assert occ.loc["CC0000000504", "evacuees"] != occ.loc["CC0000000504", "evacuees"]   # NaN
    assert occ.loc["CC0000000518", "evacuees"] == 38 and results["OBSERVATIONS"] == 2


def _check_noon(results, tmp):
    """正午 is 12:00 and 午後6時30分 18:30 (JST) on the same day."""
    occ = _occ(tmp)
    assert str(occ.loc["CC0000000504", "observed_at"])[:16] == "2024-06-17 12:00"
    assert str(occ.loc["CC0000000518", "observed_at"])[:16] == "2024-06-17 18:30"


def _check_sjis(results, tmp):
    """A Shift_JIS (CP932) snapshot reads like the UTF-8 one: 24 + 38 evacuees."""
    assert _occ(tmp)["evacuees"].sum() == 24 + 38


def _check_partner_name(results, tmp):
    """The partner name with quotes and a DROP TABLE is stored literally; every table is still there."""
    name = "O'Brien\"; DROP TABLE sonae.lots; --"
    assert _sql("SELECT name FROM sonae.partners WHERE code = 'meta'") == [(name,)]
    assert _sql("SELECT to_regclass('sonae.lots') IS NOT NULL") == [(True,)]


def _needs_text(n):
    return (HEAD.rstrip("\n") + ",乳幼児\n" + ROW1.format(n=24).rstrip("\n") + f",{n}\n" + ROW2.rstrip("\n") + ",7\n")


def _check_needs(results, tmp):
    """乳幼児 3 (< k = 5) is blank in both outputs and flagged; 7 is shown."""
    import pyogrio
    occ = _occ(tmp)
    assert occ.loc["CC0000000504", "infants"] != occ.loc["CC0000000504", "infants"]
    assert bool(occ.loc["CC0000000504", "needs_suppressed"]) and occ.loc["CC0000000518", "infants"] == 7
    latest = pyogrio.read_dataframe(tmp / "latest.gpkg", read_geometry=False).set_index("shelter_id")
    assert latest.loc["CC0000000504", "infants"] != latest.loc["CC0000000504", "infants"]


STOCK_SITES = "拠点ID,拠点名,所有区分,緯度,経度\nW1,市倉庫,市,34.34,134.05\nP7,未登録店舗,協定事業者,34.34,134.10\n"
STOCK_ITEMS = ("拠点ID,所有区分,品目,単位,数量,消費期限/賞味期限,協定数量,確認日\n"
               "W1,市,飲料水,L,600,2030-03-31,,\nP7,協定事業者,飲料水,L,400,2027-03-31,500,2025/12/1\n")


def _stock(tmp, platform):
    (tmp / "items.csv").write_text(STOCK_ITEMS, encoding="utf-8")
    (tmp / "sites.csv").write_text(STOCK_SITES, encoding="utf-8")
    return {"ITEMS_FILE": str(tmp / "items.csv"), "SITES_FILE": str(tmp / "sites.csv"), "PLATFORM": platform,
            "OUTPUT_SITES": str(tmp / "stock_sites.gpkg"), "OUTPUT_ITEMS": str(tmp / "stock_items.gpkg")}


def _observed_wrong(tmp):
    import geopandas as gpd
    from shapely.geometry import Point
    sh = gpd.GeoDataFrame({"shelter_id": ["S1"], "evacuees": [10]}, geometry=[Point(134.05, 34.34)], crs=6668)
    sh.to_file(tmp / "shelters.gpkg", layer="shelters")
    obs = gpd.GeoDataFrame({"id": ["S1"], "count": [5]}, geometry=[Point(134.05, 34.34)], crs=6668)
    obs.to_file(tmp / "observed.gpkg", layer="observed")
    p = _stock(tmp, "")
    (tmp / "items.csv").write_text("拠点ID,所有区分,品目,単位,数量,消費期限/賞味期限\nW1,市,飲料水,L,600,2030-03-31\n",
                                   encoding="utf-8")
    (tmp / "sites.csv").write_text("拠点ID,拠点名,所有区分,緯度,経度\nW1,市倉庫,市,34.34,134.05\n", encoding="utf-8")
    import processing
    processing.run("sonae:importstockpile", {k: v for k, v in p.items() if k != "PLATFORM"})
    return {"SHELTERS": str(tmp / "shelters.gpkg"), "SHELTER_ID_FIELD": "shelter_id", "PERSONS_FIELD": "evacuees",
            "NAME_FIELD": None,
            "NAME_FIELD": None,
            "OBSERVED": str(tmp / "observed.gpkg"), "SITES": str(tmp / "stock_sites.gpkg"),
            "ITEMS": str(tmp / "stock_items.gpkg"), "PLAN_DATE": "2026-04-01",
            "OUTPUT": str(tmp / "deliveries.gpkg"), "OUTPUT_SHELTERS": str(tmp / "per_shelter.gpkg")}


def _result_csv(tmp):
    path = tmp / "result.csv"
    path.write_text("shelter_id,days_min\nA,1.5\nB,3.0\n", encoding="utf-8")
    return str(path)


CASES = [
    BadCase(id="importshelterops-person-name-column", alg=OPS,
            what="a check-in list with a 氏名 (name) column: person-level data",
            build=lambda tmp: _ops(tmp, "ID,名称,氏名,人数,時点\nCC1,山王小学校,七尾太郎,1,令和6年3月20日午前6時\n"),
            expect=refused("氏名", "person-level", doc="refused, nothing stored: Sonae keeps aggregates only")),
    BadCase(id="importshelterops-person-age-sex", alg=OPS,
            what="per-person rows with 年齢 and 性別 columns",
            build=lambda tmp: _ops(tmp, "ID,名称,人数,時点,年齢,性別\nCC1,山王小学校,1,令和6年3月20日午前6時,82,女\n"),
            expect=refused("年齢", "person-level")),
    BadCase(id="importshelterops-checkin-rows", alg=OPS,
            what="one row per check-in (the same shelter and time three times, 人数 1 each), no name column",
            build=lambda tmp: _ops(tmp, HEAD + ROW1.format(n=1) * 3),
            expect=refused("CC0000000504", "person-level")),
    BadCase(id="importshelterops-approximate-count", alg=OPS,
            what="人数 written as 約30 (an estimate) in a snapshot",
            build=lambda tmp: _ops(tmp, HEAD + ROW1.format(n="約30") + ROW2),
            expect=refused("約30", "line 2")),
    BadCase(id="importshelterops-text-count", alg=OPS,
            what="人数 written as text (多数)",
            build=lambda tmp: _ops(tmp, HEAD + ROW1.format(n="多数") + ROW2),
            expect=refused("多数", "人数")),
    BadCase(id="importshelterops-unknown-count", alg=OPS,
            what="人数 written as 不明 (unknown) for one shelter",
            build=lambda tmp: _ops(tmp, HEAD + ROW1.format(n="不明") + ROW2),
            expect=succeeds(_check_unknown)),
    BadCase(id="importshelterops-count-with-unit", alg=OPS,
            what="人数 written as \"1,200人\" with a thousands comma and a unit",
            build=lambda tmp: _ops(tmp, HEAD + ROW1.format(n='"1,200人"') + ROW2),
            expect=succeeds(_check_unit_count)),
    BadCase(id="importshelterops-noon-and-minutes", alg=OPS,
            what="時点 as 令和6年6月17日正午 and 令和6年6月17日午後6時30分",
            build=lambda tmp: _ops(tmp, HEAD + ROW1.format(n=24).replace("令和6年3月20日午前6時", "令和6年6月17日正午")
                                   + ROW2.replace("令和6年3月20日午前6時", "令和6年6月17日午後6時30分")),
            expect=succeeds(_check_noon)),
    BadCase(id="importshelterops-impossible-time", alg=OPS,
            what="時点 on a day that does not exist (令和6年2月30日午前6時)",
            build=lambda tmp: _ops(tmp, HEAD + ROW1.format(n=24).replace("3月20日", "2月30日") + ROW2),
            expect=refused("2月30日", "時点")),
    BadCase(id="importshelterops-hour-13-pm", alg=OPS,
            what="時点 午後13時 (an hour that does not exist with 午後)",
            build=lambda tmp: _ops(tmp, HEAD + ROW1.format(n=24).replace("午前6時", "午後13時") + ROW2),
            expect=refused("午後13時")),
    BadCase(id="importshelterops-latlon-swapped", alg=OPS,
            what="緯度 and 経度 swapped in one row",
            build=lambda tmp: _ops(tmp, HEAD + ROW1.format(n=24).replace("37.04826,136.96136", "136.96136,37.04826")
                                   + ROW2),
            expect=refused("緯度", "outside Japan")),
    BadCase(id="importshelterops-shift-jis", alg=OPS,
            what="the snapshot saved in Shift_JIS (CP932) by a city PC",
            build=lambda tmp: _ops(tmp, HEAD + ROW1.format(n=24) + ROW2, encoding="cp932"),
            expect=succeeds(_check_sjis)),
    BadCase(id="importshelterops-needs-under-k", alg=OPS,
            what="a needs column (乳幼児) with a count of 3 (under k = 5)",
            build=lambda tmp: _ops(tmp, _needs_text(3)),
            expect=succeeds(_check_needs)),
    BadCase(id="importshelterops-conflicting-files", alg=OPS,
            what="two files for the same time with different counts for one shelter (a correction)",
            build=lambda tmp: (lambda d: (d.mkdir(), (d / "a.csv").write_text(HEAD + ROW1.format(n=24), "utf-8"),
                                          (d / "b.csv").write_text(HEAD + ROW1.format(n=25), "utf-8"),
                                          {"FOLDER": str(d), "OUTPUT_SHELTERS": str(tmp / "latest.gpkg"),
                                           "OUTPUT_OCCUPANCY": str(tmp / "occupancy.gpkg")})[-1])(tmp / "snaps"),
            expect=refused("CC0000000504", "a.csv", "b.csv")),
    BadCase(id="importshelterops-cancel-while-reading", alg=OPS,
            what="cancelled while reading a folder of 17 snapshots (demo/data/nanao_shelter_ops)",
            build=lambda tmp: {"FOLDER": os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(
                os.path.realpath(__file__)))), "demo", "data", "nanao_shelter_ops"),
                "OUTPUT_SHELTERS": str(tmp / "latest.gpkg"), "OUTPUT_OCCUPANCY": str(tmp / "occupancy.gpkg")},
            expect=cancelled(after=3)),
    BadCase(id="importshelterops-no-input", alg=OPS, what="neither a snapshot file nor a folder given",
            build=lambda tmp: {"OUTPUT_SHELTERS": str(tmp / "latest.gpkg"),
                               "OUTPUT_OCCUPANCY": str(tmp / "occupancy.gpkg")},
            expect=refused("INPUT", "FOLDER")),
    BadCase(id="importshelterops-bad-platform-uri", alg=OPS,
            what="PLATFORM given as a malformed URI (postgresql://%zz@): refused before any output is written",
            build=lambda tmp: _ops(tmp, HEAD + ROW1.format(n=24) + ROW2, PLATFORM="postgresql://%zz@/x?host=/none"),
            expect=refused("postgresql://")),
    BadCase(id="platforminit-unknown-connection-name", alg="sonae:platforminit",
            what="CONNECTION is a QGIS connection name that does not exist (市の基盤)",
            build=lambda tmp: {"CONNECTION": "市の基盤", "STYLES": False},
            expect=refused("市の基盤", "QGIS")),
    BadCase(id="platforminit-server-down", alg="sonae:platforminit",
            what="CONNECTION points at a server that is not running (socket directory without a server)",
            build=lambda tmp: {"CONNECTION": f"host={tmp} dbname=sonae user=nobody connect_timeout=2",
                               "STYLES": False},
            expect=refused("pg_service.conf")),
    BadCase(id="platforminit-password-not-echoed", alg="sonae:platforminit",
            what="a URI with a password to a server that is down: the message must not repeat the password",
            build=lambda tmp: {"CONNECTION": f"postgresql://staff:S3cret-pw@/sonae?host={tmp}", "STYLES": False},
            expect=refused("***")),
    BadCase(id="platformpartner-metacharacter-code", alg="sonae:platformpartner",
            what="partner CODE with SQL metacharacters (x'; DROP TABLE sonae.lots; --)",
            build=lambda tmp: {"CONNECTION": "host=/nonexistent dbname=x", "CODE": "x'; DROP TABLE sonae.lots; --",
                               "NAME": "n"},
            expect=refused("事業者コード", "lower-case")),
    BadCase(id="platformpartner-metacharacter-name", alg="sonae:platformpartner",
            what="partner NAME with quotes and DROP TABLE on a real server: stored literally",
            build=lambda tmp: {"CONNECTION": _server(), "CODE": "meta", "NAME": "O'Brien\"; DROP TABLE sonae.lots; --"},
            expect=succeeds(_check_partner_name)),
    BadCase(id="importstockpile-platform-unregistered-partner-site", alg="sonae:importstockpile",
            what="writing to the platform a partner site (P7) no partner has registered",
            build=lambda tmp: _stock(tmp, _server("badinput_staff")),
            expect=refused("P7", "platformpartner")),
    BadCase(id="importstockpile-platform-other-partner", alg="sonae:importstockpile",
            what="writing the inventory to the platform as partner alpha, which owns none of these sites",
            build=lambda tmp: _stock(tmp, _server("sonae_p_alpha")),
            expect=refused("W1", "alpha")),
    BadCase(id="deliveryplan-observed-without-fields", alg="sonae:deliveryplan",
            what="OBSERVED occupancy table without shelter_id / evacuees fields",
            build=_observed_wrong,
            expect=refused("shelter_id", "importshelterops")),
    BadCase(id="platformsave-unknown-connection-name", alg="sonae:platformsave",
            what="saving a result to a QGIS connection name that does not exist (市の基盤)",
            build=lambda tmp: {"CONNECTION": "市の基盤", "INPUT": _result_csv(tmp), "TABLE": "結果"},
            expect=refused("市の基盤", "QGIS")),
    BadCase(id="platformsave-server-down", alg="sonae:platformsave",
            what="saving a result to a server that is not running: refused, the input CSV unchanged",
            build=lambda tmp: {"CONNECTION": f"host={tmp} dbname=sonae user=nobody connect_timeout=2",
                               "INPUT": _result_csv(tmp), "TABLE": "result"},
            expect=refused("pg_service.conf")),
]
