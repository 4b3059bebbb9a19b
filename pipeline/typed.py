"""Typed outputs for tools, generated from ``schemas/``: every table as Parquet
(``NAME.parquet``) with the schema's types, and one SQLite database (``airwar.sqlite``)
holding all tables with primary keys, foreign keys and indexes on dates, regions and keys.

Both hold the raw values (no spreadsheet neutralisation, see ``pipeline/csvsafe.py``), built
from the same rows, in the same order (primary key), as the CSVs, so row counts agree.

Determinism: Parquet files are written without a creation time and with the pyarrow version
pinned (its ``created_by`` string is part of the file); the SQLite file is built by the same
statement sequence every time, then ``VACUUM``ed; both are byte-identical on the same input
with the same pinned libraries (tested). ``write_all(dir, tables)`` writes them atomically.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

from . import io, schema

SQLITE_NAME = "airwar.sqlite"
_SQL_TYPE = {"string": "TEXT", "integer": "INTEGER", "number": "REAL", "boolean": "INTEGER",
             "date": "TEXT"}
#: Columns indexed in SQLite besides keys: dates and regions (when the table has them).
INDEXED = ("event_date", "published", "first_published", "admin1_code", "admin1", "country_code",
           "incident_id", "claim_id", "article_id", "location_id")


def _convert(text: str, ftype: str):
    if text == "":
        return None
    if ftype == "integer":
        return int(text)
    if ftype == "number":
        return float(text)
    if ftype == "boolean":
        return text == "true"
    if ftype == "date":
        return dt.date.fromisoformat(text)
    return text


def typed_columns(table: str, records) -> dict[str, list]:
    """{column: values} with Python values of the schema's types (``None`` for missing), rows
    sorted by primary key exactly as in the CSV (built through ``schema.to_frame``)."""
    sch = schema.load(table)
    df = schema.to_frame(table, records)
    return {f.name: [_convert(v, f.type) for v in df[f.name].tolist()] for f in sch.fields}


def arrow_schema(table: str):
    import pyarrow as pa

    types = {"string": pa.string(), "integer": pa.int64(), "number": pa.float64(),
             "boolean": pa.bool_(), "date": pa.date32()}
    sch = schema.load(table)
    fields = [pa.field(f.name, types[f.type], nullable=not f.required,
                       metadata={"description": f.description}) for f in sch.fields]
    return pa.schema(fields, metadata={"table": sch.name, "title": sch.title,
                                       "description": sch.description,
                                       "primary_key": json.dumps(list(sch.primary_key))})


def write_parquet(path: Path, table: str, columns: dict[str, list]) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    import pandas as pd

    sch = arrow_schema(table)
    dtypes = {"integer": "Int64", "number": "Float64", "boolean": "boolean", "string": "string",
              "date": object}
    frame = pd.DataFrame({f.name: pd.Series(columns[f.name], dtype=dtypes[f.type])
                          for f in schema.load(table).fields})
    # from_pandas keeps pandas' metadata, so pd.read_parquet gives back Int64 / boolean columns
    tbl = pa.Table.from_pandas(frame, schema=sch, preserve_index=False)
    with io.atomic_path(path) as tmp:
        pq.write_table(tbl, tmp, compression="zstd", write_statistics=True)
    return tbl.num_rows


def _ddl(table: str, extra_fks: list[tuple[str, str, str]]) -> list[str]:
    sch = schema.load(table)
    cols = []
    for f in sch.fields:
        col = f'"{f.name}" {_SQL_TYPE[f.type]}'
        if f.required:
            col += " NOT NULL"
        cols.append(col)
    if sch.primary_key:
        cols.append("PRIMARY KEY (" + ", ".join(f'"{c}"' for c in sch.primary_key) + ")")
    fks = [(list(fk["fields"]), fk["reference"]["resource"], list(fk["reference"]["fields"]))
           for fk in sch.foreign_keys]
    fks += [([col], ref, [ref_col]) for col, ref, ref_col in extra_fks]
    for fields, ref, ref_fields in fks:
        cols.append("FOREIGN KEY (" + ", ".join(f'"{c}"' for c in fields) + f') REFERENCES "{ref}" ('
                    + ", ".join(f'"{c}"' for c in ref_fields) + ")")
    stmts = [f'CREATE TABLE "{table}" (\n  ' + ",\n  ".join(cols) + "\n)"]
    pk = set(sch.primary_key)
    for name in sch.columns:
        if name in INDEXED and {name} != pk:
            stmts.append(f'CREATE INDEX "ix_{table}_{name}" ON "{table}" ("{name}")')
    return stmts


def _extra_fks(table: str) -> list[tuple[str, str, str]]:
    """Foreign keys declared for validation outside the schema files (``validate.py``)."""
    from . import validate

    declared = {tuple(fk["fields"]) for fk in schema.load(table).foreign_keys}
    return [(col, ref, ref_col) for t, col, ref, ref_col in getattr(validate, "EXTRA_FOREIGN_KEYS", ())
            if t == table and (col,) not in declared and ref in schema.TABLES]


def _sql_value(v):
    if isinstance(v, bool):
        return int(v)
    if isinstance(v, dt.date):
        return v.isoformat()
    return v


def _insert(con: sqlite3.Connection, name: str, columns: dict[str, list]) -> None:
    for stmt in _ddl(name, _extra_fks(name)):
        con.execute(stmt)
    cols = schema.load(name).columns
    placeholders = ", ".join("?" for _ in cols)
    con.executemany(f'INSERT INTO "{name}" VALUES ({placeholders})',
                    ([_sql_value(v) for v in row] for row in zip(*(columns[c] for c in cols))))


def write_all(out_dir: Path | str, records: dict[str, list[dict]]) -> dict[str, int]:
    """``NAME.parquet`` for every table in ``records`` and ``airwar.sqlite`` with all of them,
    each written atomically. Tables are converted one at a time (peak memory: one table)."""
    out_dir = Path(out_dir)
    counts: dict[str, int] = {}
    with io.atomic_path(out_dir / SQLITE_NAME) as tmp:
        tmp.unlink()  # sqlite3 must create the file itself
        con = sqlite3.connect(tmp, isolation_level=None)
        try:
            con.execute("PRAGMA journal_mode=OFF")
            con.execute("PRAGMA page_size=4096")
            con.execute("BEGIN")
            for name in schema.TABLES:
                if name not in records:
                    continue
                columns = typed_columns(name, records[name])
                counts[name] = write_parquet(out_dir / f"{name}.parquet", name, columns)
                _insert(con, name, columns)
                del columns
            con.execute("COMMIT")
            con.execute("VACUUM")
        finally:
            con.close()
    return counts


def datasette_metadata() -> dict:
    """Datasette ``metadata.json``: the package's title and every table's and column's
    description from ``schemas/``."""
    pkg = schema.datapackage()
    tables = {}
    for name in schema.TABLES:
        sch = schema.load(name)
        tables[name] = {"title": sch.title, "description": sch.description,
                        "columns": {f.name: f.description for f in sch.fields}}
    return {"title": pkg["title"], "description": pkg["description"],
            "license": pkg["licenses"][0]["title"], "license_url": pkg["licenses"][0]["path"],
            "databases": {Path(SQLITE_NAME).stem: {"tables": tables}}}
