"""Stock sites, lots, commitments and verifications between the canonical frames (engine.stockpile) and the
platform, each write in one transaction (all or nothing).

Lots are synchronised per imported site: a lot is the same when site, item, product, unit and expiry date are
(the duplicate key of engine.stockpile); its quantity is updated in place (so the audit log shows old -> new),
new lots inserted, lots no longer in the inventory deleted. Run as a partner, only that partner's sites can be
written (row-level security); commitments are the city's contract and are not changed by a partner's import.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from ..errors import SonaeInputError
from .connection import write_transaction

LOT_KEY = ["site_id", "item", "product", "unit", "expiry_date"]


def _none(v):
    if v is None or v is pd.NaT or (isinstance(v, float) and np.isnan(v)):
        return None
    return v


def _lot_key(site, item, product, unit, expiry):
    return (str(site), str(item), str(product or ""), str(unit), expiry.isoformat() if expiry else "")


def write_stock(con, sites, items: pd.DataFrame, progress=None) -> dict:
    """Write canonical stock_sites (GeoDataFrame, any CRS) and normalised stock_items to the platform.
    Returns counts {'sites', 'lots_inserted', 'lots_updated', 'lots_deleted', 'commitments', 'verifications'}."""
    from psycopg2.extras import execute_values
    sites = sites.to_crs(6668) if sites.crs is not None and sites.crs.to_epsg() != 6668 else sites
    site_ids = [str(s) for s in sites["site_id"]]
    counts = dict(sites=0, lots_inserted=0, lots_updated=0, lots_deleted=0, commitments=0, verifications=0)
    with write_transaction(con, "Writing the stockpile to the platform (nothing was written)",
                                "備蓄データのプラットフォームへの書き込み（何も書き込んでいません）") as cur:
        cur.execute("SELECT sonae.my_partner()")
        me = cur.fetchone()[0]
        cur.execute("SELECT site_id, partner_code FROM sonae.sites WHERE site_id = ANY(%s)", (site_ids,))
        known = dict(cur.fetchall())
        cur.execute("SELECT site_id, partner_code FROM sonae.partner_sites WHERE site_id = ANY(%s)", (site_ids,))
        claimed = dict(cur.fetchall())
        owner = dict(zip(site_ids, sites["owner_type"] if "owner_type" in sites.columns else ["city"] * len(sites)))
        for s in site_ids:
            if owner[s] == "retail_partner" and known.get(s) is None and claimed.get(s) is None:
                raise SonaeInputError(
                    f"Stock site {s} is a retail partner's site the platform does not know yet. Register it with "
                    "sonae:platformpartner (SITE_IDS) first, so its rows are visible to that partner only.",
                    f"備蓄拠点 {s} はプラットフォームに未登録の協定事業者の拠点です。先に sonae:platformpartner"
                    "（SITE_IDS）で登録してください（その事業者だけが見られるようにするため）。")
            if me is not None and s not in known:
                raise SonaeInputError(
                    f"Stock site {s} is not one of your sites on the platform (partner {me}). A partner can "
                    "only update its own sites; ask the city to add the site.",
                    f"備蓄拠点 {s} はこの事業者（{me}）の拠点ではありません。自社の拠点だけ更新できます。市に拠点の"
                    "追加を依頼してください。")
        rows = [(s, str(_none(n) or ""), owner[s], str(_none(a) or ""), _none(f), g.x, g.y)
                for s, n, a, f, g in zip(site_ids,
                                         sites["name"] if "name" in sites.columns else [""] * len(sites),
                                         sites["address"] if "address" in sites.columns else [""] * len(sites),
                                         sites["facility_id"] if "facility_id" in sites.columns
                                         else [None] * len(sites),
                                         sites.geometry)]
        if me is None:
            execute_values(cur, """INSERT INTO sonae.sites (site_id, name, owner_type, address, facility_id, geom)
                SELECT v.s, v.n, v.o, v.a, v.f, ST_SetSRID(ST_MakePoint(v.x, v.y), 6668)
                  FROM (VALUES %s) AS v(s, n, o, a, f, x, y)
                ON CONFLICT (site_id) DO UPDATE SET name = EXCLUDED.name, owner_type = EXCLUDED.owner_type,
                  address = EXCLUDED.address, facility_id = EXCLUDED.facility_id, geom = EXCLUDED.geom
                WHERE (sonae.sites.name, sonae.sites.owner_type, sonae.sites.address, sonae.sites.facility_id,
                       sonae.sites.geom) IS DISTINCT FROM
                      (EXCLUDED.name, EXCLUDED.owner_type, EXCLUDED.address, EXCLUDED.facility_id, EXCLUDED.geom)
                """, rows, template="(%s, %s, %s, %s, %s, %s::float8, %s::float8)")
        else:
            for s, n, _o, a, _f, x, y in rows:
                cur.execute("""UPDATE sonae.sites SET name = %s, address = %s,
                               geom = ST_SetSRID(ST_MakePoint(%s, %s), 6668) WHERE site_id = %s
                               AND (name, address, geom) IS DISTINCT FROM
                                   (%s, %s, ST_SetSRID(ST_MakePoint(%s, %s), 6668))""",
                            (n, a, x, y, s, n, a, x, y))
        counts["sites"] = len(rows)
        if progress is not None:
            progress.update(0.3)
        # lots: synchronise per imported site
        cur.execute("SELECT lot_id, site_id, item, product, unit, expiry_date, quantity, note FROM sonae.lots "
                    "WHERE site_id = ANY(%s)", (site_ids,))
        existing = {}
        for lot_id, s, it, pr, un, ex, q, note in cur.fetchall():
            existing.setdefault(_lot_key(s, it, pr, un, ex), []).append((lot_id, q, note))
        inserts, seen = [], set()
        for r in items.itertuples(index=False):
            k = _lot_key(r.site_id, r.item, r.product, r.unit, _none(r.expiry_date))
            seen.add(k)
            old = existing.get(k)
            note = str(_none(r.note) or "")
            if old:
                lot_id, q, onote = old[0]
                if q != float(r.quantity) or onote != note:
                    cur.execute("UPDATE sonae.lots SET quantity = %s, note = %s WHERE lot_id = %s",
                                (float(r.quantity), note, lot_id))
                    counts["lots_updated"] += cur.rowcount
                for extra in old[1:]:     # duplicates left by hand edits: keep one lot per key
                    cur.execute("DELETE FROM sonae.lots WHERE lot_id = %s", (extra[0],))
                    counts["lots_deleted"] += cur.rowcount
            else:
                inserts.append((str(r.site_id), str(r.item), str(r.product or ""), str(r.unit),
                                float(r.quantity), _none(r.expiry_date), note))
        gone = [lid for k, lots in existing.items() if k not in seen for lid, _q, _n in lots]
        if gone:
            cur.execute("DELETE FROM sonae.lots WHERE lot_id = ANY(%s)", (gone,))
            counts["lots_deleted"] += cur.rowcount
        if inserts:
            execute_values(cur, "INSERT INTO sonae.lots (site_id, item, product, unit, quantity, expiry_date, "
                                "note) VALUES %s", inserts)
            counts["lots_inserted"] = len(inserts)
        if progress is not None:
            progress.update(0.7)
        partner_rows = items[items["owner_type"] == "retail_partner"]
        if me is None and len(partner_rows):
            com = partner_rows.groupby(["site_id", "item"], sort=True).first().reset_index()
            execute_values(cur, """INSERT INTO sonae.commitments (site_id, item, unit, committed_quantity)
                VALUES %s ON CONFLICT (site_id, item) DO UPDATE SET unit = EXCLUDED.unit,
                committed_quantity = EXCLUDED.committed_quantity
                WHERE (sonae.commitments.unit, sonae.commitments.committed_quantity)
                      IS DISTINCT FROM (EXCLUDED.unit, EXCLUDED.committed_quantity)""",
                           [(str(r.site_id), str(r.item), str(r.unit), float(r.committed_quantity))
                            for r in com.itertuples(index=False)])
            counts["commitments"] = len(com)
        ver = items[[v is not None and v is not pd.NaT for v in items["verified_on"]]]
        ver = ver.drop_duplicates(["site_id", "item", "verified_on"])
        if len(ver):
            execute_values(cur, """INSERT INTO sonae.verifications (site_id, item, verified_on) VALUES %s
                                   ON CONFLICT (site_id, item, verified_on) DO NOTHING""",
                           [(str(r.site_id), str(r.item), r.verified_on) for r in ver.itertuples(index=False)])
            counts["verifications"] = cur.rowcount
    return counts


def read_items(con) -> pd.DataFrame:
    """The caller's visible rows of sonae.stock_items (canonical columns), for checks and the demo."""
    with con.cursor() as cur:
        cur.execute("SELECT site_id, owner_type, item, product, unit, quantity, expiry_date, committed_quantity, "
                    "verified_on, note, source_row, partner_code, lot_id FROM sonae.stock_items ORDER BY lot_id")
        cols = [d[0] for d in cur.description]
        frame = pd.DataFrame(cur.fetchall(), columns=cols)
    con.rollback()
    return frame
