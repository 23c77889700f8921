"""Shelter operations snapshots in and out of the platform (sonae.shelters, sonae.shelter_status), one
transaction per import. Only aggregated rows (one per shelter and time) exist here: the importer has already
refused person-level files, and the table has no column a person could go in."""
from __future__ import annotations

import numpy as np
import pandas as pd

from ..shelter_ops import NEEDS
from .connection import write_transaction


def _int(v):
    if v is None or (isinstance(v, float) and np.isnan(v)):
        return None
    return int(round(float(v)))


def _float(v):
    if v is None or (isinstance(v, float) and np.isnan(v)):
        return None
    return float(v)


def write_shelter_ops(con, shelters: pd.DataFrame, status: pd.DataFrame) -> dict:
    """Upsert shelters (shelter_id, name, district, municipality, capacity_persons, capacity_text, latitude,
    longitude) and their status rows (shelter_id, observed_at, status, evacuees, needs, source)."""
    from psycopg2.extras import execute_values
    with write_transaction(con, "Writing shelter operations to the platform (nothing was written)",
                                "避難所の開設状況のプラットフォームへの書き込み（何も書き込んでいません）") as cur:
        execute_values(cur, """INSERT INTO sonae.shelters (shelter_id, name, district, municipality,
              capacity_persons, capacity_text, geom)
            SELECT v.i, v.n, v.d, v.m, v.c, v.t,
                   CASE WHEN v.x IS NULL THEN NULL ELSE ST_SetSRID(ST_MakePoint(v.x, v.y), 6668) END
              FROM (VALUES %s) AS v(i, n, d, m, c, t, x, y)
            ON CONFLICT (shelter_id) DO UPDATE SET name = EXCLUDED.name, district = EXCLUDED.district,
              municipality = EXCLUDED.municipality, capacity_persons = EXCLUDED.capacity_persons,
              capacity_text = EXCLUDED.capacity_text, geom = coalesce(EXCLUDED.geom, sonae.shelters.geom)
            WHERE (sonae.shelters.name, sonae.shelters.district, sonae.shelters.municipality,
                   sonae.shelters.capacity_persons, sonae.shelters.capacity_text)
                  IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.district, EXCLUDED.municipality,
                   EXCLUDED.capacity_persons, EXCLUDED.capacity_text)
               OR (EXCLUDED.geom IS NOT NULL AND sonae.shelters.geom IS DISTINCT FROM EXCLUDED.geom)""",
                       [(str(r.shelter_id), str(r.name), str(r.district), str(r.municipality),
                         _int(r.capacity_persons), str(r.capacity_text), _float(r.longitude), _float(r.latitude))
                        for r in shelters.itertuples(index=False)],
                       template="(%s, %s, %s, %s, %s::integer, %s, %s::float8, %s::float8)")
        rows = [(str(r.shelter_id), r.observed_at.to_pydatetime(), str(r.status), _int(r.evacuees),
                 *[_int(getattr(r, k)) for k in NEEDS], str(r.source)) for r in status.itertuples(index=False)]
        execute_values(cur, """INSERT INTO sonae.shelter_status (shelter_id, observed_at, status, evacuees,
              infants, elderly, dietary, medical, source) VALUES %s
            ON CONFLICT (shelter_id, observed_at) DO UPDATE SET status = EXCLUDED.status,
              evacuees = EXCLUDED.evacuees, infants = EXCLUDED.infants, elderly = EXCLUDED.elderly,
              dietary = EXCLUDED.dietary, medical = EXCLUDED.medical, source = EXCLUDED.source
            WHERE (sonae.shelter_status.status, sonae.shelter_status.evacuees, sonae.shelter_status.infants,
                   sonae.shelter_status.elderly, sonae.shelter_status.dietary, sonae.shelter_status.medical)
                  IS DISTINCT FROM (EXCLUDED.status, EXCLUDED.evacuees, EXCLUDED.infants, EXCLUDED.elderly,
                   EXCLUDED.dietary, EXCLUDED.medical)""", rows, page_size=1000)
    return {"shelters": len(shelters), "observations": len(status)}


def read_occupancy(con) -> pd.DataFrame:
    """sonae.v_shelter_occupancy (suppressed needs) for the caller, without geometry."""
    with con.cursor() as cur:
        cur.execute("SELECT shelter_id, name, district, observed_at, status, evacuees, capacity_persons, occupancy, "
                    "infants, elderly, dietary, medical, needs_suppressed, suppression_k "
                    "FROM sonae.v_shelter_occupancy ORDER BY observed_at, shelter_id")
        cols = [d[0] for d in cur.description]
        frame = pd.DataFrame(cur.fetchall(), columns=cols)
    con.rollback()
    return frame
