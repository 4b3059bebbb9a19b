"""End-to-end: raw folder → published tables, on fixtures written for these tests
(tests/fixtures/e2e_raw: two outlets reprinting one Russian MoD breakdown, a Ukrainian
strike claim, a French Air Force "X des Y" claim, a JSONL batch with a broken line, and bad
files: a PNG named .txt, an empty file, an unsupported .pdf)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

from pipeline import run, schema
from pipeline.config import Paths

FIXTURES = Path(__file__).parent / "fixtures" / "e2e_raw"


def _read(d: Path, name: str) -> pd.DataFrame:
    return pd.read_csv(d / f"{name}.csv", dtype=str, keep_default_na=False)


@pytest.fixture(scope="module")
def published(e2e_publication):
    return e2e_publication


def test_every_table_published_with_schema_columns(published):
    paths, manifest = published
    out = Path(paths.processed_dir)
    for name in schema.TABLES:
        df = _read(out, name)
        assert list(df.columns) == schema.load(name).columns, name
    for extra in ("datapackage.json", "incidents.geojson", "report.html", "run_manifest.json"):
        assert (out / extra).exists(), extra
    assert manifest["validation"] == "passed"
    assert set(manifest["stages"]) == set(run.STAGES)


def test_every_raw_file_accounted_for(published):
    paths, _ = published
    out = Path(paths.processed_dir)
    arts = _read(out, "articles")
    rej = _read(out, "rejects")
    accepted = {s.split("#")[0] for s in arts["source_file"]}
    rejected = {s.split("#")[0] for s in rej["source_file"]}
    for rel in run.raw_inputs(Path(paths.raw_dir)):
        assert rel in accepted | rejected, rel
    reasons = dict(zip(rej["source_file"], rej["reason"]))
    assert reasons["picture.txt"] == "binary"
    assert reasons["empty.txt"] == "empty"
    assert reasons["notes.pdf"] == "unsupported_type"
    assert reasons["batch.jsonl#2"] == "bad_json"
    assert "batch.jsonl#1" in set(arts["source_file"])


def test_reprinted_breakdown_is_one_claim_with_two_sources(published):
    paths, _ = published
    claims = _read(Path(paths.processed_dir), "claims")
    ru = claims[(claims.claimant_side == "RU") & (claims.event_type == "interception")]
    total = ru[(ru.admin1_code == "") & (ru.parent_claim_id == "")]
    assert total[["intercepted", "weapon", "attacker_side", "country_code", "event_date", "n_sources"]] \
        .values.tolist() == [["30", "drone", "UA", "RU", "2025-10-07", "2"]]
    rows = ru[ru.parent_claim_id == total.claim_id.iloc[0]]
    assert sorted(zip(rows.admin1_code, rows.intercepted, rows.n_sources)) == [
        ("RU-BEL", "12", "2"), ("RU-KRS", "8", "2")]
    assert total.source_urls.iloc[0] == "https://example.org/a/1|https://example.org/b/2"


def test_each_side_keeps_its_own_claim_in_one_incident(published):
    paths, _ = published
    out = Path(paths.processed_dir)
    claims = _read(out, "claims")
    strike = claims[(claims.claimant_side == "UA") & (claims.event_type == "strike")]
    assert strike[["claimant", "attacker_side", "admin1_code", "event_date"]].values.tolist() == [
        ["Ukrainian General Staff", "UA", "RU-BEL", "2025-10-07"]]
    belgorod_row = claims[(claims.claimant_side == "RU") & (claims.admin1_code == "RU-BEL")]
    assert strike.incident_id.iloc[0] == belgorod_row.incident_id.iloc[0]
    inc = _read(out, "incidents").set_index("incident_id").loc[strike.incident_id.iloc[0]]
    assert inc["sides_reporting"] == "RU|UA"
    assert inc["disputed"] == "true"


def test_french_x_des_y_and_jsonl_article(published):
    paths, _ = published
    m = _read(Path(paths.processed_dir), "mentions")
    fr = m[m.lang == "fr"]
    assert fr[["claimant", "claimant_side", "event_type", "weapon", "attacker_side", "launched",
               "intercepted", "country_code", "event_date"]].values.tolist() == [
        ["Ukrainian Air Force", "UA", "interception", "drone", "RU", "58", "40", "UA", "2025-10-07"]]
    kh = m[m.admin1_code == "UA-63"]
    assert kh[["event_type", "intercepted", "attacker_side", "event_date"]].values.tolist() == [
        ["interception", "15", "RU", "2025-10-06"]]


def test_no_claim_from_background_sentences(published):
    paths, _ = published
    m = _read(Path(paths.processed_dir), "mentions")
    assert not m.sentence.str.contains("budget|Kremlin|did not comment").any()


def test_rerun_is_byte_identical_and_incremental(published, tmp_path):
    paths, _ = published
    again = Paths(paths.raw_dir, paths.interim_dir, tmp_path / "processed2")
    manifest = run.run_all(again)
    assert manifest["stages"]["extract"]["extracted"] == 0  # everything from the cache
    for name in schema.TABLES:
        a = (Path(paths.processed_dir) / f"{name}.csv").read_bytes()
        b = (tmp_path / "processed2" / f"{name}.csv").read_bytes()
        assert a == b, name
    for name in ("datapackage.json", "incidents.geojson", "report.html"):
        assert (Path(paths.processed_dir) / name).read_bytes() == (tmp_path / "processed2" / name).read_bytes()


def test_one_added_article_is_the_only_one_extracted(published, tmp_path):
    paths, _ = published
    raw = tmp_path / "raw"
    shutil.copytree(paths.raw_dir, raw)
    (raw / "new.txt").write_text(
        "Drones downed over Bryansk\n\nRussia's Defence Ministry said on Tuesday that air "
        "defences had destroyed nine Ukrainian drones over the Bryansk region overnight.\n",
        encoding="utf-8")
    interim = tmp_path / "interim"
    shutil.copytree(paths.interim_dir, interim)
    manifest = run.run_all(Paths(raw, interim, tmp_path / "processed"))
    assert manifest["stages"]["extract"]["extracted"] == 1
    m = _read(tmp_path / "processed", "mentions")
    assert "RU-BRY" in set(m.admin1_code)


def test_geojson_and_acled_export(published):
    paths, _ = published
    out = Path(paths.processed_dir)
    gj = json.loads((out / "incidents.geojson").read_text(encoding="utf-8"))
    assert gj["type"] == "FeatureCollection"
    assert len(gj["features"]) == len(_read(out, "incidents"))
    shapely = pytest.importorskip("shapely.geometry")
    for f in gj["features"]:
        if f["geometry"]:
            assert shapely.shape(f["geometry"]).is_valid
    acled = _read(out, "acled_export")
    from pipeline.acled import ACLED_COLUMNS
    assert tuple(acled.columns) == ACLED_COLUMNS
    claims = _read(out, "claims")
    ids = set(claims.claim_id)
    totals = claims[~claims.parent_claim_id.isin(ids)]
    assert len(acled) == totals.incident_id.nunique()
    assert set(acled.event_id_cnty.str.split("-", n=1).str[1]) == set(totals.incident_id)


def test_published_package_passes_frictionless_validate(published):
    from frictionless import validate

    paths, _ = published
    report = validate(str(Path(paths.processed_dir) / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]
