"""The project's sample data is right: every published mention of data/raw equals the gold of
tests/fixtures/sample_gold/gold.jsonl (written by hand from the texts), with no extra row."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pandas as pd

GOLD = Path(__file__).parent / "fixtures" / "sample_gold" / "gold.jsonl"
FIELDS = ("claimant", "claimant_side", "event_type", "weapon", "weapon_model", "attacker_side",
          "launched", "intercepted", "lost_to_ew", "hits", "admin1_code", "country_code",
          "geo_precision", "event_date", "target")


def _gold() -> list[dict]:
    with open(GOLD, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _key(row: dict) -> tuple:
    out = []
    for f in FIELDS:
        v = row.get(f)
        out.append(None if v is None or v == "" else str(v))
    return tuple(out)


def _published(processed: Path) -> list[dict]:
    arts = pd.read_csv(processed / "articles.csv", dtype=str, keep_default_na=False)
    ms = pd.read_csv(processed / "mentions.csv", dtype=str, keep_default_na=False)
    src = dict(zip(arts.article_id, arts.source_file))
    rows = ms.to_dict("records")
    by_id = {r["mention_id"]: r for r in rows}
    for r in rows:
        r["source_file"] = src[r["article_id"]]
        p = by_id.get(r["parent_mention_id"])
        r["parent_key"] = _key(p) if p else None
    return rows


def test_sample_mentions_equal_the_gold_exactly(sample_publication):
    gold = _gold()
    gold_by_id = {g["claim_id"]: g for g in gold}
    want = Counter((g["source_file"], _key(g), _key(gold_by_id[g["parent_claim"]]) if g["parent_claim"] else None)
                   for g in gold)
    got = Counter((r["source_file"], _key(r), r["parent_key"]) for r in _published(sample_publication))
    missing, extra = want - got, got - want
    assert not missing and not extra, (
        "missing:\n" + "\n".join(map(str, missing)) + "\nextra:\n" + "\n".join(map(str, extra)))


def test_sample_files_without_claims_give_none(sample_publication):
    arts = pd.read_csv(sample_publication / "articles.csv", dtype=str, keep_default_na=False)
    with_gold = {g["source_file"] for g in _gold()}
    empty = arts[~arts.source_file.isin(with_gold)]
    assert list(empty.source_file) == ["2025-07-02_negative_production.txt"]
    assert set(empty.n_mentions) == {"0"}


def test_sample_incidents_keep_national_totals_national(sample_publication):
    inc = pd.read_csv(sample_publication / "incidents.csv", dtype=str, keep_default_na=False)
    claims = pd.read_csv(sample_publication / "claims.csv", dtype=str, keep_default_na=False)
    regions = pd.read_csv(sample_publication / "incident_regions.csv", dtype=str, keep_default_na=False)
    of = lambda **kw: claims[(claims[list(kw)] == pd.Series(kw)).all(axis=1)].iloc[0]
    # Ryazan: the governor's 12 is part of the ministry's 41; the incident is national, 41 not 53.
    mod41 = of(intercepted="41")
    gov12 = of(intercepted="12")
    assert gov12.part_of_claim_id == mod41.claim_id
    ryazan = inc[inc.incident_id == mod41.incident_id].iloc[0]
    assert (ryazan.geo_scope, ryazan.admin1, ryazan.latitude, ryazan.ru_intercepted) == ("country", "", "", "41")
    row = regions[(regions.incident_id == ryazan.incident_id) & (regions.region_key == "RU-RYA")].iloc[0]
    assert (row.ru_intercepted, row.within_national_total) == ("12", "true")
    # Kharkiv: the Air Force's national 94/61 is not a Kharkiv figure.
    af = of(launched="94")
    kharkiv = inc[inc.incident_id == af.incident_id].iloc[0]
    assert (kharkiv.geo_scope, kharkiv.admin1_code, kharkiv.ua_launched, kharkiv.ua_intercepted) == ("country", "", "94", "61")
    assert set(regions[regions.incident_id == af.incident_id].region_key) == {"UA-63"}
    # The Air Force's hits at 4 locations are Russian hits in the same night's incident.
    hits = of(hits="4")
    assert (hits.attacker_side, hits.incident_id) == ("RU", of(launched="70").incident_id)
