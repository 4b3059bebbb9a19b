"""Quarantine at every table (pipeline/quarantine.py): for every row-level rule of
``schemas/`` and the cross-table rules (the list comes from ``pipeline/rules.py``, so a new rule
without a tampering here fails), one bad row is quarantined into rejects.csv and the rest is
published; plus one real pipeline run where articles dated 1900, 2030 and a text-only 2012 date
sit beside three good ones."""

from __future__ import annotations

import copy
import json
import logging
from pathlib import Path
from typing import Callable

import pandas as pd
import pytest

from pipeline import outputs, quarantine, rules, schema, validate
from test_validate import NO_REGIONS, records, with_derived

ALL_RULES = rules.all_rules()

# --------------------------------------------------------------------------- tamperings

#: Which fixture row each table's tamperings hit (index into records()[table]).
ROW = {"articles": 0, "locations": 1, "mentions": 0, "claims": 0, "incidents": 0, "rejects": 0,
       "acled_export": 0}
#: A value breaking a column's type, per CSV type.
NOT_OF_TYPE = {"integer": "7.5", "number": "north", "boolean": "maybe", "date": "18/03/2025"}


def _generic(rule: rules.Rule) -> Callable[[dict], None] | None:
    """A tampering of row ``ROW[table]`` derived from the schema constraint, or None."""
    c = rule.columns[0]
    f = schema.load(rule.table).field(c) if rule.check not in ("pair", "cross") else None
    if rule.check == "required":
        return lambda r: r.update({c: None})
    if rule.check == "type":
        return lambda r: r.update({c: NOT_OF_TYPE[f.type]})
    if rule.check == "enum":
        return lambda r: r.update({c: "9" if f.type == "integer" else "banana"})
    if rule.check == "pattern":
        return lambda r: r.update({c: "XX-1"})
    if rule.check == "format":
        return lambda r: r.update({c: "last Tuesday"})
    if rule.check == "range":
        bad = f.minimum - 1 if f.minimum is not None else f.maximum + 1
        return lambda r: r.update({c: int(bad) if f.type == "integer" else bad})
    if rule.check == "date_range":
        return lambda r: r.update({c: "1900-01-01"})
    return None


#: Tamperings of the pair and cross-table rules: (table, rule id) → (row index, new values).
SPECIFIC: dict[tuple[str, str], tuple[int, dict]] = {}
for _t, _parent in (("mentions", 0), ("claims", 0)):
    SPECIFIC[(_t, "intercepted<=launched")] = (_parent, {"intercepted": 150})
    SPECIFIC[(_t, "event_date_start<=event_date")] = (_parent, {"event_date_start": "2025-03-19",
                                                                "event_date_end": "2025-03-20"})
    SPECIFIC[(_t, "event_date<=event_date_end")] = (_parent, {"event_date_end": "2025-03-17"})
    SPECIFIC[(_t, "event_date_start<=event_date_end")] = (_parent, {
        "event_date": None, "event_date_start": "2025-03-19", "event_date_end": "2025-03-18"})
    SPECIFIC[(_t, "intercepted+lost_to_ew<=launched")] = (_parent, {"lost_to_ew": 30})
    # the breakdown row (index 1) exceeds its total (index 0: launched 100, intercepted 80,
    # lost_to_ew 15, no hits — the hits case gives the total one hit first)
    SPECIFIC[(_t, "breakdown:launched")] = (1, {"launched": 150})
    SPECIFIC[(_t, "breakdown:intercepted")] = (1, {"intercepted": 95})
    SPECIFIC[(_t, "breakdown:lost_to_ew")] = (1, {"lost_to_ew": 20})
    SPECIFIC[(_t, "breakdown:hits")] = (1, {"hits": 4})
SPECIFIC[("mentions", "event_date<=published")] = (3, {"event_date": "2025-03-25"})
SPECIFIC[("claims", "event_date<=first_published")] = (2, {"event_date": "2025-03-25"})
SPECIFIC[("incidents", "launched_low<=launched_high")] = (0, {"launched_low": 150})
SPECIFIC[("incidents", "intercepted_low<=intercepted_high")] = (0, {"intercepted_low": 90})
for _t, _i in (("mentions", 3), ("claims", 2), ("incidents", 1), ("locations", 1)):
    SPECIFIC[(_t, "coords_in_region")] = (_i, {"latitude": 10.0})


def tampering(rule: rules.Rule) -> tuple[int, Callable[[dict], None]]:
    """(row index, function changing that row) breaking ``rule`` and, in the valid fixture,
    nothing else of its table's row-level rules."""
    if (rule.table, rule.id) in SPECIFIC:
        i, values = SPECIFIC[(rule.table, rule.id)]
        return i, lambda r: r.update(values)
    fn = _generic(rule)
    if fn is None:
        raise KeyError(f"no tampering for {rule.table} {rule.id}: add one to SPECIFIC")
    return ROW[rule.table], fn


def tampered(rule: rules.Rule) -> tuple[dict, str]:
    """The valid fixture with one row of ``rule.table`` breaking ``rule``: (records, key)."""
    recs = records()
    i, fn = tampering(rule)
    if rule.id == "breakdown:hits":
        recs[rule.table][0]["hits"] = 1
    row = recs[rule.table][i]
    fn(row)
    key_col = quarantine.ID_COLUMN[rule.table]
    return recs, str(row.get(key_col) if rule.table != "rejects" or row.get(key_col) else "(unknown)")


def _acled_patch(monkeypatch, fix: dict[str, Callable[[dict], None]]) -> None:
    """The ACLED rows are rebuilt from the claims by the quarantine: a tampering of them is a
    bug of the export, simulated by wrapping ``build_acled``."""
    original = outputs.build_acled

    def build(tables, *args):
        rows = original(tables, *args)
        for r in rows:
            if r["event_id_cnty"] in fix:
                fix[r["event_id_cnty"]](r)
        return rows

    monkeypatch.setattr(outputs, "build_acled", build)


# --------------------------------------------------------------------------- helpers

def remaining_failures(tables: dict[str, list[dict]]) -> list[str]:
    """Every row-level rule failing on the quarantined tables (the quarantine's own checks),
    plus every failed pandas-side check of the gate (foreign keys, counts, breakdowns …)."""
    ctx = rules.RuleContext()
    ctx.regions = NO_REGIONS
    for a in tables["articles"]:
        if a.get("published_precision") in (None, "day"):
            ctx.pub[a["article_id"]] = validate._day(a.get("published"))
    out = []
    for name in schema.TABLES:
        for r in tables.get(name, []):
            for rule in ctx.rules[name]:
                v = rules.fails(name, rule, r, ctx)
                if v is not None:
                    out.append(f"{name} {rule.id} {v}")
    for name, rows in tables.items():       # every value is writable (raises if not)
        fields = schema.load(name).fields
        for r in rows:
            for f in fields:
                schema.to_cell(r.get(f.name), f.type)
    columns = {n: schema.load(n).columns for n in tables}
    out += [f"{r['table']}: {r['expectation']} {r['unexpected_sample']}"
            for r in validate.cross_check_records(tables, columns, None, NO_REGIONS)
            if not r["success"]]
    return out


def keys(rows: list[dict], table: str) -> set[str]:
    return {str(r.get(quarantine.ID_COLUMN[table])) for r in rows}


@pytest.fixture(scope="module")
def gx_runner():
    """One great_expectations context for this module (the gate test and the pipeline run)."""
    return validate.new_runner()


@pytest.fixture(autouse=True)
def country_boxes_only(monkeypatch):
    """The fixture's coordinates are checked against country boxes, as in test_validate."""
    monkeypatch.setattr(validate, "region_boxes", lambda path=None: NO_REGIONS)


# --------------------------------------------------------------------------- the rule list

def test_every_rule_of_the_schemas_is_listed_and_has_a_tampering():
    ids = {(r.table, r.id) for r in ALL_RULES}
    # one rule per declared constraint: spot checks on each kind
    for expected in (("articles", "published:date_range"), ("articles", "n_chars:type"),
                     ("mentions", "sentence:required"), ("claims", "weapon:enum"),
                     ("incidents", "admin1_code:pattern"), ("locations", "latitude:range"),
                     ("incidents", "event_date:date_range"), ("claims", "first_published:format"),
                     ("rejects", "stage:enum"), ("acled_export", "geo_precision:enum"),
                     ("mentions", "breakdown:hits"), ("locations", "coords_in_region")):
        assert expected in ids, expected
    # keys are structural, never row rules
    assert ("claims", "incident_id:required") not in ids
    assert ("mentions", "article_id:required") not in ids
    for rule in ALL_RULES:
        tampering(rule)   # raises for a rule without one


def test_valid_fixture_breaks_no_rule():
    fixed, rejects = quarantine.quarantine(records())
    assert rejects == []
    assert remaining_failures(fixed) == []


# --------------------------------------------------------------------------- one rule at a time

@pytest.mark.parametrize("rule", ALL_RULES, ids=[f"{r.table}:{r.id}" for r in ALL_RULES])
def test_one_bad_row_is_quarantined_and_the_rest_published(rule, monkeypatch):
    recs, key = tampered(rule)
    if rule.table == "acled_export":
        i, fn = tampering(rule)
        _acled_patch(monkeypatch, {with_derived(records())["acled_export"][i]["event_id_cnty"]: fn})
        recs["acled_export"] = []
    before = copy.deepcopy(recs)
    fixed, rejects = quarantine.quarantine(recs)
    assert recs == before                                      # input untouched
    mine = [r for r in rejects if r["table"] == rule.table and r["rule"] == rule.id]
    assert [r["key"] for r in mine] == [key], rejects
    r = mine[0]
    assert r["stage"] == "validate" and r["reason"] and rule.id in r["detail"]
    assert r["source_file"]
    # the rest is published: no rule fails any more (the new rejects rows included), every
    # other row of the table is still there
    fixed["rejects"] = fixed["rejects"] + rejects
    assert remaining_failures(fixed) == []
    pk = [tuple(x.get(c) for c in ("source_file", "stage", "reason", "detail"))
          for x in fixed["rejects"]]
    assert len(pk) == len(set(pk))
    gone = keys(before[rule.table], rule.table) - keys(fixed[rule.table], rule.table)
    assert gone <= {key}
    if rule.table in ("locations", "rejects", "acled_export"):   # nothing there is rebuilt
        others = [x for x in before[rule.table]
                  if str(x.get(quarantine.ID_COLUMN[rule.table])) != key]
        assert all(x in fixed[rule.table] for x in others)
    # nothing vanished without its own reject row
    rejected = {(x["table"], x["key"]) for x in rejects}
    for name in ("articles", "locations", "mentions", "claims", "incidents", "incident_merges"):
        for k in keys(before[name], name) - keys(fixed[name], name):
            assert (name, k) in rejected, (name, k)


def test_dropped_article_takes_its_mentions_claims_and_incident_with_it():
    recs = records()
    a1 = recs["articles"][0]["article_id"]
    recs["articles"][0]["n_sentences"] = "five"
    fixed, rejects = quarantine.quarantine(recs)
    rows = {(r["table"], r["key"]): r for r in rejects}
    assert rows[("articles", a1)]["rule"] == "n_sentences:type"
    assert rows[("articles", a1)]["source_file"] == "001.txt"        # raw file accounted for
    for k in (f"{a1}-01", f"{a1}-02", f"{a1}-03"):
        assert rows[("mentions", k)] == {
            "source_file": k, "stage": "validate", "reason": "quarantined_parent",
            "detail": f"articles.n_sentences:type: its article {a1} was quarantined; row dropped",
            "table": "mentions", "key": k, "rule": "articles.n_sentences:type", "value": a1}
    assert {r["claim_id"] for r in fixed["claims"]} == {"c-000000000003"}
    assert [r["incident_id"] for r in fixed["incidents"]] == ["i-000000000002"]
    assert rows[("incidents", "i-000000000001")]["reason"] == "quarantined_parent"
    assert rows[("incident_merges", "i-000000000009")]["value"] == "i-000000000001"
    assert fixed["incident_merges"] == []
    assert remaining_failures(fixed) == []


def test_claim_that_lost_a_mention_is_rebuilt_from_the_others():
    """Two articles state the claim; one mention loses its sentence: the claim keeps its id
    and is recomputed from the other mention (one source left), its incident with it."""
    recs = records()
    a1, a2 = (a["article_id"] for a in recs["articles"])
    m = recs["mentions"][3]                         # the Belgorod claim, stated by a2
    twin = dict(m, mention_id=f"{a1}-04", article_id=a1, sentence=None, intercepted=12)
    recs["mentions"].append(twin)
    recs["articles"][0]["n_mentions"] = 4
    claim = recs["claims"][2]
    claim.update(n_sources=2, mention_ids=f"{a1}-04|{a2}-01",
                 source_urls="https://x.test/1|https://x.test/2")
    fixed, rejects = quarantine.quarantine(recs)
    assert [(r["table"], r["key"], r["rule"]) for r in rejects] == [
        ("mentions", f"{a1}-04", "sentence:required")]
    c = next(c for c in fixed["claims"] if c["claim_id"] == "c-000000000003")
    assert (c["n_sources"], c["mention_ids"], c["source_urls"], c["first_published"]) == (
        1, f"{a2}-01", "https://x.test/2", "2025-03-19")
    assert next(a for a in fixed["articles"] if a["article_id"] == a1)["n_mentions"] == 3
    assert remaining_failures(fixed) == []


def test_incident_is_recomputed_from_its_claims_by_reconcile():
    from pipeline import reconcile

    recs = records()
    recs["incidents"][1].update(event_date="2031-05-01", n_claims=7)
    fixed, rejects = quarantine.quarantine(recs)
    assert sorted((r["key"], r["rule"], r["value"]) for r in rejects) == [
        ("i-000000000002", "event_date:date_range", "2031-05-01")]
    inc = next(i for i in fixed["incidents"] if i["incident_id"] == "i-000000000002")
    expected = reconcile.incident_fields("i-000000000002", [recs["claims"][2]], recs["claims"])
    assert inc == {**recs["incidents"][1], **expected}
    assert (inc["event_date"], inc["n_claims"], inc["intercepted_low"]) == ("2025-03-19", 1, 12)


def test_summary_counts_per_table_and_rule():
    recs = records()
    recs["mentions"][0]["launched"] = 99999
    recs["mentions"][2]["launched"] = -3
    recs["locations"][0]["country_code"] = "XX"
    _, rejects = quarantine.quarantine(recs)
    assert quarantine.summary(rejects + [{"stage": "ingest", "reason": "empty"}]) == {
        ("locations", "country_code:enum"): 1, ("mentions", "launched:range"): 2}


# --------------------------------------------------------------------------- the real gate

def _suffixed(recs: dict, k: int) -> dict:
    """A copy of the fixture whose ids all carry ``~k`` (so copies can share one table set)."""
    ids = {"article_id", "mention_id", "claim_id", "incident_id", "location_id", "source_file",
           "parent_mention_id", "parent_claim_id", "revises_claim_id", "old_incident_id",
           "new_incident_id", "event_id_cnty"}
    out = {}
    for name, rows in recs.items():
        new = []
        for r in rows:
            r = dict(r)
            for c in ids & set(r):
                if isinstance(r[c], str) and r[c]:
                    r[c] = f"{r[c]}~{k}"
            if r.get("mention_ids"):
                r["mention_ids"] = "|".join(f"{m}~{k}" for m in r["mention_ids"].split("|"))
            new.append(r)
        out[name] = new
    return out


def _text_frames(recs: dict) -> dict:
    """DataFrames of CSV text, whatever the values (a tampered value need not be writable)."""
    out = {}
    for name in schema.TABLES:
        sch = schema.load(name)
        types = {f.name: f.type for f in sch.fields}
        rows = [[validate._cell_text(r.get(c), types[c]) for c in sch.columns] for r in recs[name]]
        out[name] = pd.DataFrame(rows, columns=sch.columns, dtype=object)
    return out


def test_gate_flags_every_rule_and_passes_after_the_quarantine(monkeypatch, gx_runner):
    """All tamperings at once, each in its own copy of the fixture: the great_expectations
    gate reports a failed check under every rule id, and after the quarantine the whole set
    passes (two validation runs instead of one per rule)."""
    big: dict[str, list[dict]] = {n: [] for n in schema.TABLES}
    acled_fix = {}
    for k, rule in enumerate(ALL_RULES):
        recs, _ = tampered(rule)
        if rule.table == "acled_export":
            i, fn = tampering(rule)
            acled_fix[f"{with_derived(records())['acled_export'][i]['event_id_cnty']}~{k}"] = fn
            fn(recs["acled_export"][i])
        for name, rows in _suffixed(recs, k).items():
            big[name].extend(rows)
    runner = gx_runner
    report = validate.validate_tables(_text_frames(big), None, runner=runner, regions=NO_REGIONS)
    flagged = {(r["table"], r["rule"]) for r in report.failures if r["kind"] == "row"}
    missing = [(r.table, r.id) for r in ALL_RULES if (r.table, r.id) not in flagged]
    assert missing == [], missing
    # and the gate has no row-level check outside the rule list (each has a quarantine path)
    listed = {(r.table, r.id) for r in ALL_RULES}
    unlisted = {(r["table"], r["rule"]) for r in report.results if r["kind"] == "row"} - listed
    assert unlisted == set()

    _acled_patch(monkeypatch, acled_fix)
    fixed, rejects = quarantine.quarantine(big)
    fixed["rejects"] = fixed["rejects"] + rejects
    after = validate.validate_tables({n: schema.to_frame(n, fixed[n]) for n in schema.TABLES},
                                     None, runner=runner, regions=NO_REGIONS)
    assert after.success, after.summary()
    assert {(r["table"], r["rule"]) for r in rejects} >= {(r.table, r.id) for r in ALL_RULES}


# --------------------------------------------------------------------------- end to end

GOOD = {
    "tally": ("Air defence report\n\nRussian air defences shot down 21 Ukrainian drones overnight "
              "over the Kursk region, the Defence Ministry said on Monday.\n", "2025-06-02"),
    "night": ("Night of attacks\n\nUkraine's Air Force said it had intercepted 40 of 52 Russian "
              "drones launched overnight.\n", "2025-06-03"),
    "depot": ("Strike on depot\n\nUkraine's General Staff said its forces had struck a fuel depot "
              "in the Bryansk region overnight.\n", "2025-06-04"),
}
BAD = {
    "old": ("Drones downed\n\nRussian air defences shot down 17 Ukrainian drones overnight over "
            "the Belgorod region, the Defence Ministry said.\n", "1900-01-01"),
    "future": ("Drones over Kursk\n\nRussian air defences shot down nine Ukrainian drones "
               "overnight over the Kursk region, the Defence Ministry said.\n", "2030-01-15"),
    "textdate": ("Archive note\n\nOn 3 March 2012, Russian air defences shot down 14 Ukrainian "
                 "drones over the Voronezh region, the Defence Ministry said.\n", "2025-06-05"),
}


@pytest.fixture(scope="module")
def poisoned_run(tmp_path_factory, gx_runner):
    """Three good articles beside three poisoned ones (published 1900, published 2030, an
    event dated 2012 by the text alone), through the real pipeline run."""
    from pipeline import run
    from pipeline.config import Paths

    root = tmp_path_factory.mktemp("poisoned")
    raw = root / "raw"
    raw.mkdir()
    for i, (name, (text, published)) in enumerate({**GOOD, **BAD}.items()):
        (raw / f"{name}.txt").write_text(text, encoding="utf-8")
        (raw / f"{name}.meta.json").write_text(json.dumps({
            "url": f"https://example.org/p/{i}", "outlet": f"Wire {i}", "language": "en",
            "published": published}), encoding="utf-8")
    paths = Paths(raw, root / "interim", root / "processed")
    records_seen: list[logging.LogRecord] = []
    handler = logging.Handler()
    handler.emit = records_seen.append
    logger = logging.getLogger("pipeline.run")
    old_level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    try:
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(validate, "new_runner", lambda: gx_runner)
            manifest = run.run_all(paths)
    finally:
        logger.removeHandler(handler)
        logger.setLevel(old_level)
    log = "\n".join(r.getMessage() for r in records_seen)
    out = Path(paths.processed_dir)
    tables = {n: pd.read_csv(out / f"{n}.csv", dtype=str, keep_default_na=False)
              for n in ("articles", "mentions", "claims", "incidents", "rejects")}
    return manifest, tables, log


def test_good_articles_publish_beside_poisoned_dates(poisoned_run):
    manifest, t, log = poisoned_run
    assert manifest["validation"] == "passed"
    arts = t["articles"].set_index("source_file")
    assert set(arts.index) == {f"{n}.txt" for n in {**GOOD, **BAD}}
    inc = t["incidents"]
    dated = inc[inc["event_date"] != ""]
    assert sorted(zip(dated["event_date"], dated["admin1_code"], dated["intercepted_high"])) == [
        ("2025-06-02", "RU-KRS", "21"), ("2025-06-03", "", "40"), ("2025-06-04", "RU-BRY", "")]
    assert manifest["stages"]["publish"]["quarantined"]["incidents event_date:date_range"] == 3
    # the run's log counts the quarantined rows per table and rule
    assert "\n  incidents event_date:date_range: 3" in log
    assert "\n  articles published:date_range: 2" in log


@pytest.mark.parametrize("name, value", [("old", "1900-01-01"), ("future", "2030-01-15"),
                                         ("textdate", "2012-03-03")])
def test_poisoned_article_claim_and_incident_are_in_rejects(poisoned_run, name, value):
    _, t, _ = poisoned_run
    aid = t["articles"].set_index("source_file").loc[f"{name}.txt", "article_id"]
    cid = t["mentions"].set_index("article_id").loc[aid, "claim_id"]
    claim = t["claims"].set_index("claim_id").loc[cid]
    rej = t["rejects"]
    rows = {(r.table, r.key, r.rule): r for r in rej.itertuples()}
    assert rows[("claims", cid, "event_date:date_range")].value == value
    assert rows[("incidents", claim["incident_id"], "event_date:date_range")].value == value
    assert rows[("claims", cid, "event_date:date_range")].reason == "implausible_date"
    # the claim itself is published, undated and flagged, its count kept
    assert (claim["event_date"], claim["date_precision"], claim["ambiguous"]) == ("", "unknown", "true")
    assert claim["intercepted"] in {"17", "9", "14"}
    if name != "textdate":     # the publication date itself was implausible
        art = rows[("articles", aid, "published:date_range")]
        assert (art.value, art.source_file) == (value, f"{name}.txt")
        assert t["articles"].set_index("article_id").loc[aid, "published_precision"] == "unknown"
