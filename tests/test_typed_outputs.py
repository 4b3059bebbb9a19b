"""Typed outputs (pipeline/typed.py): every table as Parquet with the schema's types and all of
them in airwar.sqlite with keys and indexes; row counts equal the CSVs'; reruns are
byte-identical; `make browse` serves the database on loopback (pipeline/browse.py)."""

from __future__ import annotations

import json
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pandas as pd
import pytest

from pipeline import browse, csvsafe, run, schema, typed
from pipeline.config import Paths

PANDAS_TYPE = {"integer": "Int64", "number": "Float64", "boolean": "boolean"}


@pytest.fixture(scope="module")
def out(e2e_publication) -> Path:
    return Path(e2e_publication[0].processed_dir)


def test_parquet_per_table_with_schema_types_and_csv_row_counts(out):
    for name in schema.TABLES:
        csv = schema.read_table(out / f"{name}.csv", name)
        pq = pd.read_parquet(out / f"{name}.parquet")
        assert list(pq.columns) == schema.load(name).columns, name
        assert len(pq) == len(csv), name
        for f in schema.load(name).fields:
            if f.type in PANDAS_TYPE:
                assert str(pq[f.name].dtype) == PANDAS_TYPE[f.type], (name, f.name)
        # the same values: each Parquet value rendered as CSV text equals the (raw) CSV cell
        text = csvsafe.restore_frame(pd.read_csv(out / f"{name}.csv", dtype=str, keep_default_na=False), name)
        types = [f.type for f in schema.load(name).fields]
        rendered = [[schema.to_cell(v, t) for v, t in zip(row, types)]
                    for row in pq.astype(object).itertuples(index=False, name=None)]
        assert rendered == text.values.tolist(), name


def test_sqlite_holds_every_table_with_keys_indexes_and_csv_row_counts(out):
    con = sqlite3.connect(out / typed.SQLITE_NAME)
    try:
        for name in schema.TABLES:
            n_csv = len(pd.read_csv(out / f"{name}.csv", dtype=str, keep_default_na=False))
            assert con.execute(f'select count(*) from "{name}"').fetchone()[0] == n_csv, name
            info = con.execute(f'pragma table_info("{name}")').fetchall()
            assert [r[1] for r in info] == schema.load(name).columns
            pk = [r[1] for r in sorted(info, key=lambda r: r[5]) if r[5]]
            assert pk == list(schema.load(name).primary_key), name
        fks = {(r[2], r[3], r[4]) for r in con.execute('pragma foreign_key_list("mentions")')}
        assert fks == {("articles", "article_id", "article_id"), ("claims", "claim_id", "claim_id"),
                       ("locations", "location_id", "location_id"), ("mentions", "parent_mention_id", "mention_id")}
        assert ("incidents", "new_incident_id", "incident_id") in {
            (r[2], r[3], r[4]) for r in con.execute('pragma foreign_key_list("incident_merges")')}
        indexes = {r[0] for r in con.execute("select name from sqlite_master where type='index'")}
        assert {"ix_claims_event_date", "ix_claims_admin1_code", "ix_incidents_event_date",
                "ix_mentions_claim_id", "ix_acled_export_event_date"} <= indexes
        assert con.execute("pragma foreign_key_check").fetchall() == []
        # a typed query: integers and booleans come back as numbers
        n, = con.execute("select count(*) from incidents where disputed in (0, 1)").fetchone()
        assert n == con.execute("select count(*) from incidents").fetchone()[0]
    finally:
        con.close()


def test_republish_is_byte_identical(e2e_publication, tmp_path: Path):
    paths = e2e_publication[0]
    interim = tmp_path / "interim"
    shutil.copytree(paths.interim_dir, interim)
    again = Paths(paths.raw_dir, interim, tmp_path / "processed")
    run.stage_publish(again)
    first, second = Path(paths.processed_dir), Path(again.processed_dir)
    names = sorted(p.name for p in first.iterdir() if p.suffix in (".csv", ".parquet", ".sqlite"))
    assert typed.SQLITE_NAME in names and "claims.parquet" in names
    for name in names:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=5) as resp:  # loopback only
        assert resp.status == 200
        return resp.read()


def test_browse_serves_the_database_on_loopback(out):
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "pipeline", "browse", "--processed-dir", str(out),
                             "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                _get(base + "/-/versions.json")
                break
            except OSError:
                assert proc.poll() is None, proc.stderr.read().decode()
                assert time.monotonic() < deadline, "datasette did not start in 60 s"
                time.sleep(0.5)
        rows = json.loads(_get(base + "/airwar/claims.json?_shape=array&_size=max"))
        assert len(rows) == len(pd.read_csv(out / "claims.csv"))
        page = _get(base + "/airwar/incidents").decode()
        assert schema.load("incidents").description.split(".")[0] in page  # descriptions from schemas/
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def test_browse_without_a_database_says_what_to_do(tmp_path: Path):
    with pytest.raises(browse.BrowseError, match="make all"):
        browse.prepare(tmp_path, tmp_path)
