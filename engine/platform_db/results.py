"""Writing a result table back to the platform (schema sonae_results), all or nothing: the new table is built
under a temporary name and swapped in with the old one dropped in the same transaction, so readers see the old
result or the new one, never a half-written one. Table and column names are quoted identifiers and values are
parameters: any name is stored literally, nothing in it is executed."""
from __future__ import annotations

import uuid

import numpy as np
import pandas as pd

from ..errors import SonaeInputError
from .connection import write_transaction

SCHEMA = "sonae_results"


def _pg_type(series: pd.Series) -> str:
    if pd.api.types.is_bool_dtype(series):
        return "boolean"
    if pd.api.types.is_integer_dtype(series):
        return "bigint"
    if pd.api.types.is_float_dtype(series):
        return "double precision"
    if pd.api.types.is_datetime64_any_dtype(series):
        return "timestamptz"
    inferred = pd.api.types.infer_dtype(series, skipna=True)
    return {"boolean": "boolean", "integer": "bigint", "floating": "double precision",
            "mixed-integer-float": "double precision", "date": "date", "datetime": "timestamptz"}.get(inferred, "text")


def _value(v, kind):
    if v is None or v is pd.NaT or v is pd.NA or (isinstance(v, float) and np.isnan(v)):
        return None
    if kind == "boolean":
        return bool(v)
    if kind == "bigint":
        return int(v)
    if kind == "double precision":
        return float(v)
    if kind in ("date", "timestamptz"):
        return v.to_pydatetime() if isinstance(v, pd.Timestamp) else v
    return str(v)


def save_table(con, table: str, frame: pd.DataFrame, srid: int | None = None, progress=None) -> dict:
    """Create or replace sonae_results.<table> with the frame's rows (a GeoDataFrame keeps its geometry in
    column geom with the frame's EPSG code). Returns {'table', 'rows'}."""
    from psycopg2 import sql
    from psycopg2.extras import execute_values
    name = (table or "").strip()
    if not name or len(name.encode("utf-8")) > 60:
        raise SonaeInputError(f"Result table name '{table}' must be 1-60 bytes long.",
                              f"結果テーブル名「{table}」は1〜60バイトにしてください。")
    geo_col = getattr(frame, "_geometry_column_name", None) if hasattr(frame, "geometry") else None
    columns = [c for c in frame.columns if c != geo_col]
    kinds = [_pg_type(frame[c]) for c in columns]
    if geo_col is not None and srid is None:
        srid = frame.crs.to_epsg() if frame.crs is not None else 0
        srid = srid or 0
    temp = f"tmp_{uuid.uuid4().hex[:16]}"
    col_defs = [sql.SQL("{} {}").format(sql.Identifier(str(c)), sql.SQL(k)) for c, k in zip(columns, kinds)]
    if geo_col is not None:
        col_defs.append(sql.SQL("geom geometry(Geometry, {})").format(sql.Literal(int(srid))))
    with write_transaction(con, f"Saving result table {name} to the platform (nothing was written)",
                                f"結果テーブル {name} のプラットフォームへの保存（何も書き込んでいません）") as cur:
        cur.execute(sql.SQL("CREATE TABLE {}.{} (fid bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, {})")
                    .format(sql.Identifier(SCHEMA), sql.Identifier(temp), sql.SQL(", ").join(col_defs)))
        lists = [[_value(v, k) for v in frame[c].tolist()] for c, k in zip(columns, kinds)]
        target = [sql.Identifier(str(c)) for c in columns]
        template = ["%s"] * len(columns)
        if geo_col is not None:
            import shapely
            lists.append([None if g is None else bytes(g) for g in shapely.to_wkb(frame.geometry.values)])
            target.append(sql.Identifier("geom"))
            template.append(f"ST_SetSRID(ST_GeomFromWKB(%s), {int(srid)})")
        rows = list(zip(*lists)) if lists else []
        if rows:
            execute_values(cur, sql.SQL("INSERT INTO {}.{} ({}) VALUES %s").format(
                sql.Identifier(SCHEMA), sql.Identifier(temp), sql.SQL(", ").join(target)).as_string(cur),
                rows, template="(" + ", ".join(template) + ")", page_size=1000)
        if progress is not None:
            progress.update(0.8)
        cur.execute(sql.SQL("DROP TABLE IF EXISTS {}.{}").format(sql.Identifier(SCHEMA), sql.Identifier(name)))
        cur.execute(sql.SQL("ALTER TABLE {}.{} RENAME TO {}").format(sql.Identifier(SCHEMA), sql.Identifier(temp),
                                                                    sql.Identifier(name)))
        cur.execute(sql.SQL("GRANT SELECT ON {}.{} TO sonae_city").format(sql.Identifier(SCHEMA),
                                                                          sql.Identifier(name)))
    return {"table": f"{SCHEMA}.{name}", "rows": len(frame)}
