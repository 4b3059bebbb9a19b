"""Tests of the data-quality gate (pipeline/validate.py) on small tables built in code."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline import io, schema, validate

# Country boxes only, whatever admin1.csv holds at the time: the fixtures stay valid.
NO_REGIONS: dict = {}


def records() -> dict[str, list[dict]]:
    """A small, valid, internally consistent set of tables as dict records."""
    a1, a2 = "a000000000000001", "a000000000000002"
    articles = [
        {"article_id": a1, "source_file": "001.txt", "doc_id": "001", "url": "https://x.test/1",
         "outlet": "Kyiv Independent", "title": "Overnight attack", "published": "2025-03-18",
         "published_precision": "day", "language": "en", "n_sentences": 5, "n_candidates": 3,
         "n_mentions": 3, "n_chars": 900},
        {"article_id": a2, "source_file": "batch.jsonl#1", "url": "https://x.test/2",
         "outlet": "TASS", "published": "2025-03-19T06:00:00+03:00",
         "published_precision": "day", "language": "ru", "n_sentences": 2, "n_candidates": 1,
         "n_mentions": 1, "n_chars": 300},
    ]
    locations = [
        {"location_id": "gn:706483", "name": "Kharkiv", "geonames_id": 706483, "feature_code": "PPLA",
         "admin1": "Kharkiv Oblast", "admin1_code": "UA-63", "country_code": "UA",
         "latitude": 49.98081, "longitude": 36.25272, "geo_precision": "settlement"},
        {"location_id": "adm1:RU-BEL", "name": "Belgorod Oblast", "feature_code": "ADM1",
         "admin1": "Belgorod Oblast", "admin1_code": "RU-BEL", "country_code": "RU",
         "latitude": 50.71, "longitude": 37.2, "geo_precision": "admin1"},
    ]
    incidents = [
        {"incident_id": "i-000000000001", "event_date": "2025-03-18", "date_precision": "night",
         "attacker_side": "RU", "weapon": "drone", "country_code": "UA", "n_claims": 2,
         "sides_reporting": "UA", "launched_low": 100, "launched_high": 100,
         "intercepted_low": 80, "intercepted_high": 80, "disputed": False},
        {"incident_id": "i-000000000002", "event_date": "2025-03-19", "date_precision": "day",
         "attacker_side": "UA", "weapon": "drone", "admin1": "Belgorod Oblast",
         "admin1_code": "RU-BEL", "country_code": "RU", "latitude": 50.71, "longitude": 37.2,
         "n_claims": 1, "sides_reporting": "RU", "intercepted_low": 12, "intercepted_high": 12,
         "disputed": False},
    ]
    base = {"claimant": "Ukrainian Air Force", "claimant_side": "UA", "event_type": "interception",
            "weapon": "drone", "weapon_model": "Shahed", "attacker_side": "RU",
            "geo_precision": "country", "country_code": "UA", "event_date": "2025-03-18",
            "event_date_start": "2025-03-17", "event_date_end": "2025-03-18",
            "date_precision": "night", "date_text": "overnight", "ambiguous": False}
    total = dict(base, launched=100, intercepted=80, lost_to_ew=15)
    kh = dict(base, intercepted=30, location_text="Kharkiv", location_id="gn:706483",
              admin1="Kharkiv Oblast", admin1_code="UA-63", latitude=49.98081,
              longitude=36.25272, geo_precision="settlement")
    bel = {"claimant": "Russian Ministry of Defence", "claimant_side": "RU",
           "event_type": "interception", "weapon": "drone", "attacker_side": "UA",
           "intercepted": 12, "location_text": "Belgorod region", "location_id": "adm1:RU-BEL",
           "admin1": "Belgorod Oblast", "admin1_code": "RU-BEL", "country_code": "RU",
           "latitude": 50.71, "longitude": 37.2, "geo_precision": "admin1",
           "event_date": "2025-03-19", "date_precision": "day", "date_text": "today",
           "ambiguous": False}
    claims = [
        dict(total, claim_id="c-000000000001", incident_id="i-000000000001", n_sources=2,
             first_published="2025-03-18", source_urls="https://x.test/1",
             mention_ids=f"{a1}-01|{a1}-03"),
        dict(kh, claim_id="c-000000000002", incident_id="i-000000000001",
             parent_claim_id="c-000000000001", n_sources=1, first_published="2025-03-18",
             source_urls="https://x.test/1", mention_ids=f"{a1}-02"),
        dict(bel, claim_id="c-000000000003", incident_id="i-000000000002", n_sources=1,
             first_published="2025-03-19", source_urls="https://x.test/2",
             mention_ids=f"{a2}-01"),
    ]
    sent = {"sentence": "…", "lang": "en", "claimant_source": "text", "rule_ids": "en.claimant.in_sentence"}
    mentions = [
        dict(total, **sent, mention_id=f"{a1}-01", article_id=a1, claim_id="c-000000000001",
             char_start=0, char_end=80),
        dict(kh, **sent, mention_id=f"{a1}-02", article_id=a1, claim_id="c-000000000002",
             parent_mention_id=f"{a1}-01", char_start=81, char_end=140),
        dict(total, **sent, mention_id=f"{a1}-03", article_id=a1, claim_id="c-000000000001",
             char_start=141, char_end=200),
        dict(bel, sentence="…", lang="ru", claimant_source="outlet", rule_ids="claimant.outlet_registry|ru.interception.frame_total",
             mention_id=f"{a2}-01", article_id=a2,
             claim_id="c-000000000003", char_start=0, char_end=120),
    ]
    merges = [{"old_incident_id": "i-000000000009", "new_incident_id": "i-000000000001"}]
    rejects = [{"source_file": "notes.docx", "stage": "ingest", "reason": "unsupported_type",
                "detail": ".docx"},
               {"source_file": "batch.jsonl#2", "stage": "ingest", "reason": "bad_json",
                "detail": "Expecting value"}]
    out = {"articles": articles, "locations": locations, "incidents": incidents,
           "claims": claims, "mentions": mentions, "incident_merges": merges, "rejects": rejects}
    return with_derived(out)


def with_derived(recs: dict[str, list[dict]]) -> dict[str, list[dict]]:
    """Add the tables derived from the claims (the ACLED export) as the orchestrator does."""
    if "acled_export" in schema.TABLES:
        from pipeline import outputs
        recs["acled_export"] = outputs.build_acled(recs)
    return recs


RAW = ["001.txt", "001.meta.json", "batch.jsonl", "notes.docx"]


def frames(recs: dict[str, list[dict]]) -> dict:
    return {name: schema.to_frame(name, rows) for name, rows in recs.items()}


def write_dir(d: Path, recs: dict[str, list[dict]]) -> Path:
    for name, rows in recs.items():
        io.write_table(d / f"{name}.csv", name, rows)
    return d


def failed(report) -> list[str]:
    return [f"{r['table']}: {r['expectation']}" for r in report.failures]


@pytest.fixture(scope="module")
def runner():
    return validate.new_runner()


def check(tables, runner, raw=None):
    return validate.validate_tables(tables, raw, runner=runner, regions=NO_REGIONS)


# --------------------------------------------------------------------------- valid set

def test_valid_tables_pass(runner):
    report = check(frames(records()), runner, RAW)
    assert report.success, report.summary()
    kinds = {r["kind"] for r in report.results}
    assert kinds == {"structural", "row"}
    exps = " ".join(r["expectation"] for r in report.results)
    for needle in ("expect_table_columns_to_match_ordered_list", "expect_column_values_to_not_be_null",
                   "expect_column_values_to_be_in_set", "expect_column_values_to_be_between",
                   "expect_compound_columns_to_be_unique", "foreign key", "intercepted <= launched"):
        assert needle in exps


# --------------------------------------------------------------------------- tampered tables

def test_tampered_dir_fails(tmp_path, runner):
    """Independent tamperings (different rows/tables) in one folder: each must be reported.
    (One validation run instead of one per tampering: GE costs ~2 s per run.)"""
    recs = records()
    recs["mentions"][2].update(intercepted=150)                 # > launched 100
    recs["mentions"][0].update(lost_to_ew=30)                   # 80 + 30 > 100
    recs["mentions"][1].update(intercepted=90)                  # child > parent's 80
    recs["mentions"][3].update(event_date="2025-03-25")         # after published 2025-03-19
    recs["claims"][0].update(incident_id="i-ffffffffffff")      # dangling foreign key
    recs["claims"][2].update(weapon="banana")                   # not in the enum
    recs["locations"][1].update(latitude=10.0)                  # far outside Russia
    recs["incidents"][0].update(event_date="2009-01-01")        # implausible date
    recs["incident_merges"][0].update(new_incident_id="i-404")  # dangling foreign key
    recs["articles"].append(dict(recs["articles"][0]))          # duplicate primary key
    d = write_dir(tmp_path, recs)
    p = d / "articles.csv"
    p.write_text(p.read_text(encoding="utf-8").replace(",900", ",9x0"), encoding="utf-8")
    report = validate.validate_dir(d, RAW + ["002.txt"], runner=runner, regions=NO_REGIONS)
    assert not report.success
    fails = failed(report)
    for expect in (
            "mentions: intercepted <= launched",
            "mentions: intercepted + lost_to_ew <= launched",
            "mentions: breakdown children's intercepted (each and sum) <= parent",
            "mentions: event_date <= article published date",
            "claims: foreign key incident_id -> incidents.incident_id",
            "claims: expect_column_values_to_be_in_set(weapon",
            "locations: coordinates inside their admin1 region (or country) box",
            "incidents: expect_column_values_to_be_between(event_date",
            "incident_merges: foreign key new_incident_id -> incidents.incident_id",
            "articles: expect_column_values_to_be_unique(article_id)",
            "articles: expect_column_values_to_match_regex(n_chars, integer)",
            "articles+rejects: every raw input"):
        assert any(f.startswith(expect) for f in fails), (expect, report.summary())
    by = {f"{r['table']}: {r['expectation']}": r for r in report.failures}
    fk = by["claims: foreign key incident_id -> incidents.incident_id"]
    assert fk["kind"] == "structural" and fk["unexpected_sample"] == ["incident_id=i-ffffffffffff"]
    rng = next(r for k, r in by.items() if k.startswith("incidents: expect_column_values_to_be_between(event_date"))
    assert rng["kind"] == "row" and rng["unexpected_sample"] == ["i-000000000001: 2009-01-01"]
    raw = by["articles+rejects: every raw input is in articles.csv or rejects.csv"]
    assert raw["unexpected_sample"] == ["002.txt"]
    # nothing else fails (the tamperings do not leak into unrelated checks)
    assert len(fails) <= 16, report.summary()


def test_missing_column_and_table_are_structural(tmp_path, runner):
    d = write_dir(tmp_path, records())
    path = d / "claims.csv"
    text = path.read_text(encoding="utf-8").splitlines()
    # drop the `weapon` column by rewriting the CSV through pandas
    import pandas as pd
    df = pd.read_csv(path, dtype=str, keep_default_na=False).drop(columns=["weapon"])
    df.to_csv(path, index=False)
    (d / "incident_merges.csv").unlink()
    report = validate.validate_dir(d, RAW, runner=runner, regions=NO_REGIONS)
    assert not report.success
    by = {f"{r['table']}: {r['expectation']}": r for r in report.failures}
    col = by["claims: expect_table_columns_to_match_ordered_list"]
    assert col["kind"] == "structural" and "missing weapon" in col["unexpected_sample"]
    assert by["incident_merges: table exists"]["kind"] == "structural"
    assert text  # the file was read


def test_typed_frames_from_read_table(tmp_path, runner):
    d = write_dir(tmp_path, records())
    tables = {n: schema.read_table(d / f"{n}.csv", n) for n in schema.TABLES}
    assert check(tables, runner, RAW).success


def test_region_box_from_admin1_csv(tmp_path):
    p = tmp_path / "admin1.csv"
    p.write_text("iso_code,name,centroid_lat,centroid_lon,bbox_south,bbox_north,bbox_west,bbox_east\n"
                 "UA-63,Kharkiv Oblast,49.6,36.5,48.5,50.5,34.7,38.3\n"
                 "RU-BEL,Belgorod Oblast,50.7,37.4,,,,\n", encoding="utf-8")
    regions = validate.region_boxes(p)
    assert validate.coords_ok(49.98, 36.25, "UA-63", "UA", regions)[0]
    assert not validate.coords_ok(46.48, 30.72, "UA-63", "UA", regions)[0]   # Odesa
    assert validate.coords_ok(46.48, 30.72, "RU-BEL", "RU", regions)[1] == "RU country box"
    assert not validate.coords_ok(10.0, 37.2, "RU-BEL", "RU", regions)[0]
    assert validate.coords_ok(64.7, 177.5, "RU-CHU", "RU", {})[0]
    assert validate.coords_ok(66.0, -170.0, "RU-CHU", "RU", {})[0]


# --------------------------------------------------------------------------- quarantine

def test_quarantine_moves_bad_values_to_rejects(runner):
    recs = records()
    a1 = recs["articles"][0]["article_id"]
    recs["mentions"][0]["intercepted"] = 150              # > launched 100
    recs["mentions"][2]["launched"] = 99999                # out of range
    recs["mentions"][3]["event_date"] = "2025-04-01"       # after published 2025-03-19
    recs["claims"][2]["latitude"] = 10.0                    # outside Russia
    recs["claims"][1]["intercepted"] = 95                   # child > parent 80
    before = copy.deepcopy(recs)
    fixed, rejects = validate.quarantine(recs)
    assert recs == before                                   # input untouched
    reasons = {(r["source_file"], r["reason"]) for r in rejects}
    assert (f"{a1}-01", "intercepted_gt_launched") in reasons
    assert (f"{a1}-03", "absurd_count") in reasons
    assert (recs["mentions"][3]["mention_id"], "date_after_published") in reasons
    assert ("c-000000000003", "coords_outside_region") in reasons
    assert ("c-000000000002", "breakdown_exceeds_total") in reasons
    assert all(r["stage"] == "validate" and r["detail"] for r in rejects)
    m = {r["mention_id"]: r for r in fixed["mentions"]}
    assert m[f"{a1}-01"]["intercepted"] is None and m[f"{a1}-01"]["launched"] is None
    assert m[f"{a1}-01"]["ambiguous"] is True
    assert m[f"{a1}-03"]["launched"] is None and m[f"{a1}-03"]["intercepted"] == 80
    assert m[recs["mentions"][3]["mention_id"]]["event_date"] is None
    c = {r["claim_id"]: r for r in fixed["claims"]}
    assert c["c-000000000003"]["latitude"] is None and c["c-000000000003"]["geo_precision"] == "admin1"
    assert c["c-000000000002"]["parent_claim_id"] is None
    assert len(fixed["mentions"]) == 4 and len(fixed["claims"]) == 3   # no row dropped
    # after quarantine (and the rejects appended) the set validates
    fixed["rejects"] = fixed["rejects"] + rejects
    report = check(frames(with_derived(fixed)), runner, RAW)
    assert report.success, report.summary()


counts = st.one_of(st.none(), st.integers(min_value=-5, max_value=12000))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(counts, counts, counts, counts), min_size=3, max_size=3))
def test_quarantine_leaves_no_count_problem(values):
    """Whatever the counts of a total and its two breakdown rows, after the quarantine no
    count rule fails, and every changed row has a reject."""
    recs = records()
    a1 = recs["articles"][0]["article_id"]
    ids = [f"{a1}-01", f"{a1}-02", f"{a1}-03"]
    for m, (la, it, ew, hi) in zip(recs["mentions"][:3], values):
        m.update(launched=la, intercepted=it, lost_to_ew=ew, hits=hi)
    recs["mentions"][2]["parent_mention_id"] = ids[0]
    fixed, rejects = validate.quarantine(recs)
    rows = fixed["mentions"]
    for r in rows:
        assert validate.count_problems(r) == []
        for c in validate.COUNT_COLUMNS:
            assert r.get(c) is None or 0 <= r[c] <= 10000
    assert validate.breakdown_problems(rows, "mention_id", "parent_mention_id") == []
    changed = {r["mention_id"] for r, o in zip(rows, recs["mentions"]) if r != o}
    assert changed == {r["source_file"] for r in rejects if r["source_file"] in ids}


def test_quarantine_leaves_structural_problems():
    recs = records()
    recs["claims"][0]["incident_id"] = "i-nowhere"
    fixed, rejects = validate.quarantine(recs)
    assert rejects == []
    assert fixed["claims"][0]["incident_id"] == "i-nowhere"   # left for the gate to fail


def test_main_exit_codes(tmp_path, capsys, runner, monkeypatch):
    monkeypatch.setattr(validate, "new_runner", lambda: runner)
    monkeypatch.setattr(validate, "region_boxes", lambda path=None: NO_REGIONS)
    d = write_dir(tmp_path / "ok", records())
    raw = tmp_path / "raw"
    raw.mkdir()
    for name in RAW:
        (raw / name).write_text("x", encoding="utf-8")
    (raw / ".DS_Store").write_text("x", encoding="utf-8")
    assert validate.main(["validate", "--processed-dir", str(d), "--raw-dir", str(raw)]) == 0
    (raw / "new.txt").write_text("x", encoding="utf-8")
    assert validate.main(["--processed-dir", str(d), "--raw-dir", str(raw)]) == 1
    assert "new.txt" in capsys.readouterr().err
    assert validate.main(["--processed-dir", str(tmp_path / "nope")]) == 2
