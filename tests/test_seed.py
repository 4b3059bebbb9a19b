"""The project's sample article (shared/seed, read only when present: the project must not
depend on shared/): its claims come out as annotated. Skips cleanly without shared/."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from pipeline import evaluate, run
from pipeline.config import PROJECT_ROOT, Paths

SEED = PROJECT_ROOT.parent / "shared" / "seed"

pytestmark = pytest.mark.skipif(not SEED.is_dir(), reason="shared/seed not available")


@pytest.fixture(scope="module")
def seed_run(tmp_path_factory):
    root = tmp_path_factory.mktemp("seed")
    raw = root / "raw"
    raw.mkdir()
    for p in SEED.glob("000_*"):
        shutil.copy(p, raw / p.name)
    paths = Paths(raw, root / "interim", root / "processed")
    run.run_all(paths)
    return paths


def test_seed_claims(seed_run):
    m = pd.read_csv(Path(seed_run.processed_dir) / "mentions.csv", dtype=str, keep_default_na=False)
    rows = sorted(zip(m.claimant_side, m.event_type, m.weapon, m.attacker_side, m.launched, m.intercepted,
                      m.admin1_code, m.country_code, m.event_date))
    assert ("RU", "interception", "drone", "UA", "", "55", "", "RU", "2025-01-21") in rows
    assert ("RU", "interception", "drone", "UA", "", "10", "RU-SMO", "RU", "2025-01-21") in rows
    assert ("RU", "interception", "drone", "UA", "", "6", "RU-VOR", "RU", "2025-01-21") in rows
    total = m[(m.claimant_side == "RU") & (m.intercepted == "55")].mention_id.tolist()
    assert sorted(m[m.parent_mention_id.isin(total)].intercepted) == ["10", "6"]
    # "tirés à travers la Russie" means launched by Russia: the interceptions are over Ukraine
    assert ("UA", "interception", "drone", "RU", "131", "72", "", "UA", "2025-01-21") in rows
    strikes = {(r[6], r[8]) for r in rows if r[1] == "strike" and r[0] == "UA"}
    assert {("RU-SMO", "2025-01-21"), ("RU-VOR", "2025-01-21")} <= strikes
    # no claim from the vague sentences (long-range strikes in general, the Davos speech, budgets)
    assert not m.sentence.str.contains("Kyiv has increased|Davos|dépenses de défense").any()


def test_seed_scores(seed_run):
    gold = evaluate.load_gold(SEED / "gold.jsonl")
    scores = evaluate.score(gold, evaluate.load_extracted(seed_run.processed_dir))
    assert scores["overall"]["f1"] >= 0.9
