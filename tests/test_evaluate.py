"""Tests of the scorer (pipeline/evaluate.py) on tiny hand-made fixtures."""

from __future__ import annotations

import itertools
import json
import random
from pathlib import Path

import pytest

from pipeline import evaluate as ev

FIX = Path(__file__).parent / "fixtures" / "evaluate"
GOLD = FIX / "gold.jsonl"
PROCESSED = FIX / "processed"
SHARED_DEV = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev"

NO_FIELDS = dict.fromkeys(ev.SCORED_FIELDS)


def gold(cid, event_type="interception", weapon="drone", code=None, launched=None,
         intercepted=None, attacker="UA", side="RU", date=None, ambiguous=False):
    return {"claim_id": cid, "doc_id": cid.split("-")[0], "sentence": f"gold {cid}",
            "event_type": event_type, "weapon": weapon, "admin1_code": code,
            "launched": launched, "intercepted": intercepted, "attacker_side": attacker,
            "claimant_side": side, "event_date": date, "ambiguous": ambiguous}


def mention(mid, event_type="interception", weapon="drone", code=None, launched=None,
            intercepted=None, attacker="UA", side="RU", date=None):
    return {"mention_id": mid, "doc_id": mid.split("-")[0], "sentence": f"mention {mid}",
            "event_type": event_type, "weapon": weapon, "admin1_code": code,
            "launched": launched, "intercepted": intercepted, "attacker_side": attacker,
            "claimant_side": side, "event_date": date}


def metrics(n_gold, n_amb, n_ext, matched, p, r, f1, exact, ep, er, ef1, fields, admin1):
    return {"n_gold": n_gold, "n_gold_ambiguous": n_amb, "n_extracted": n_ext,
            "matched": matched, "precision": p, "recall": r, "f1": f1,
            "exact_matched": exact, "exact_precision": ep, "exact_recall": er, "exact_f1": ef1,
            "field_accuracy": fields,
            "admin1": dict(zip(("gold_with_code", "gold_code_found", "recall",
                                "mentions_with_code", "mentions_code_in_gold", "precision"),
                               admin1))}


ALL_ONE = dict.fromkeys(ev.SCORED_FIELDS, 1.0)
ADMIN1_NONE = (0, 0, None, 0, 0, None)


# --------------------------------------------------------------------------- loading

def test_load_gold_reads_fixture():
    claims = ev.load_gold(GOLD)
    assert [c["claim_id"] for c in claims] == ["1-01", "1-02", "1-03", "2-01", "2-02", "2-03", "2-04"]
    assert claims[0]["launched"] == 10 and claims[2]["admin1_code"] is None


def test_load_gold_reports_bad_line(tmp_path):
    p = tmp_path / "gold.jsonl"
    p.write_text('{"doc_id": "1"}\n\n{oops\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"gold.jsonl:3"):
        ev.load_gold(p)


def test_load_extracted_attaches_doc_ids_and_ints():
    ms = ev.load_extracted(PROCESSED)
    by_id = {m["mention_id"]: m for m in ms}
    assert [m["doc_id"] for m in ms] == ["1", "1", "1", "2", "2", "2", "3", "9"]
    assert by_id["a1-01"]["launched"] == 10 and by_id["a1-01"]["intercepted"] == 8
    assert by_id["a1-02"]["launched"] is None and by_id["a1-03"]["admin1_code"] is None
    assert by_id["a2-01"]["doc_id"] == "2"  # empty doc_id → stem of sub/2.txt
    assert by_id["a2-01"]["article_language"] == "fr"


def test_load_extracted_tolerates_variants(tmp_path, capsys):
    # no doc_id column, JSONL source, float-rendered counts, a mention of an unknown article
    (tmp_path / "articles.csv").write_text(
        "article_id,source_file\nx,raw/101.html\ny,batch.jsonl#3\n", encoding="utf-8")
    (tmp_path / "mentions.csv").write_text(
        "mention_id,article_id,launched,intercepted\nx-01,x,12.0,\ny-01,y,,7\nz-01,z,1,1\n",
        encoding="utf-8")
    ms = ev.load_extracted(tmp_path)
    assert [(m["doc_id"], m["launched"], m["intercepted"]) for m in ms] == [
        ("101", 12, None), ("batch#3", None, 7)]
    assert "1 mention(s) without a known article" in capsys.readouterr().err


def test_load_extracted_header_only(tmp_path):
    (tmp_path / "articles.csv").write_text("article_id,source_file,doc_id\n", encoding="utf-8")
    (tmp_path / "mentions.csv").write_text("", encoding="utf-8")
    assert ev.load_extracted(tmp_path) == []


def test_load_docs_dir_and_default():
    assert ev.load_docs_dir(FIX / "docs") == {"1": "en", "2": "fr", "3": "uk", "4": "ru"}
    assert ev.default_docs_dir(GOLD) == (FIX / "docs").resolve()


def test_parse_ids():
    ids = ev.parse_ids("146-185, 101,abc")
    assert "146" in ids and "185" in ids and "101" in ids and "abc" in ids
    assert "145" not in ids and "186" not in ids and "102" not in ids


# --------------------------------------------------------------------------- whole fixture

FIXTURE_SCORE = {
    "n_docs": 4,
    "n_docs_without_gold": 2,
    "n_extracted_outside_corpus": 1,
    # 1-01, 1-03 exact; 1-02 matched (missile ~ cruise_missile) but event_date differs;
    # 2-01 glide bomb vs drone: FN + FP; 2-02 unknown weapon matches ballistic_missile;
    # 2-03 ambiguous unmatched: not counted; 2-04 ambiguous matched; doc 3 negative: FP.
    "overall": metrics(7, 2, 7, 5, 0.7143, 0.8333, 0.7692, 4, 0.5714, 0.6667, 0.6154,
                       {**ALL_ONE, "event_date": 0.8}, (6, 5, 0.8333, 6, 5, 0.8333)),
    "by_language": {
        "en": metrics(3, 0, 3, 3, 1.0, 1.0, 1.0, 2, 0.6667, 0.6667, 0.6667,
                      {**ALL_ONE, "event_date": 0.6667}, (2, 2, 1.0, 2, 2, 1.0)),
        "fr": metrics(4, 2, 3, 2, 0.6667, 0.6667, 0.6667, 2, 0.6667, 0.6667, 0.6667,
                      ALL_ONE, (4, 3, 0.75, 3, 3, 1.0)),
        "uk": metrics(0, 0, 1, 0, 0.0, None, 0.0, 0, 0.0, None, 0.0,
                      NO_FIELDS, (0, 0, None, 1, 0, 0.0)),
        "ru": metrics(0, 0, 0, 0, None, None, None, 0, None, None, None, NO_FIELDS, ADMIN1_NONE),
    },
    "by_event_type": {
        "interception": metrics(2, 0, 2, 2, 1.0, 1.0, 1.0, 2, 1.0, 1.0, 1.0,
                                ALL_ONE, (1, 1, 1.0, 1, 1, 1.0)),
        "strike": metrics(4, 2, 4, 2, 0.5, 0.6667, 0.5714, 1, 0.25, 0.3333, 0.2857,
                          {**ALL_ONE, "event_date": 0.5}, (4, 3, 0.75, 4, 3, 0.75)),
        "attack": metrics(1, 0, 1, 1, 1.0, 1.0, 1.0, 1, 1.0, 1.0, 1.0,
                          ALL_ONE, (1, 1, 1.0, 1, 1, 1.0)),
    },
    "by_doc": {
        "1": {"language": "en", "n_gold": 3, "n_extracted": 3, "matched": 3, "exact_matched": 2},
        "2": {"language": "fr", "n_gold": 4, "n_extracted": 3, "matched": 2, "exact_matched": 2},
        "3": {"language": "uk", "n_gold": 0, "n_extracted": 1, "matched": 0, "exact_matched": 0},
        "4": {"language": "ru", "n_gold": 0, "n_extracted": 0, "matched": 0, "exact_matched": 0},
    },
}


def test_score_fixture_whole_dict():
    docs = ev.load_docs_dir(FIX / "docs")
    result = ev.score(ev.load_gold(GOLD), ev.load_extracted(PROCESSED), docs.keys(), docs)
    assert result == FIXTURE_SCORE


def test_cli_json_matches_score(capsys):
    assert ev.main(["--gold", str(GOLD), "--processed-dir", str(PROCESSED), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == FIXTURE_SCORE


def test_cli_ids_filter(capsys):
    assert ev.main(["--gold", str(GOLD), "--processed-dir", str(PROCESSED), "--json",
                    "--ids", "2-3"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["n_docs"] == 2 and list(out["by_doc"]) == ["2", "3"]
    assert out["by_language"]["fr"] == FIXTURE_SCORE["by_language"]["fr"]
    assert out["overall"]["n_extracted"] == 4 and out["overall"]["matched"] == 2


def test_cli_table_and_verbose(capsys):
    assert ev.run(GOLD, PROCESSED, verbose=True) == 0
    out = capsys.readouterr().out
    assert "overall            7     7       5  0.714  0.833  0.769  0.615" in out
    assert "admin1: recall 0.833 (5/6" in out
    assert "corpus docs not in articles.csv: 1 (0 gold claims missed): 4" in out
    lines = out.splitlines()
    assert any(ln.split()[:3] == ["2", "FN", "2-01"] and "glide_bomb" in ln and "UA-63" in ln
               for ln in lines)
    assert any(ln.split()[:3] == ["2", "FNa", "2-03"] for ln in lines)
    assert any(ln.split()[:3] == ["3", "FP", "#01"] and "UA-46" in ln for ln in lines)
    assert "1 DIFF 1-02=#02 strike missile/cruise_missile UA-30: event_date 2025-03-18/2025-03-17" in out
    assert not any(ln.split()[:2] == ["1", "FN"] for ln in lines)


def test_cli_single_doc(capsys):
    assert ev.main(["--gold", str(GOLD), "--processed-dir", str(PROCESSED), "--doc", "3"]) == 0
    out = capsys.readouterr().out
    assert "docs 1 (1 without gold claims)" in out
    assert "-- 3 (uk)" in out and "-- 2 " not in out


def test_cli_errors(tmp_path, capsys):
    assert ev.main(["--gold", str(tmp_path / "none.jsonl"), "--processed-dir", str(PROCESSED)]) == 2
    assert "not found" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exc:
        ev.main(["--help"])
    assert exc.value.code == 0


# --------------------------------------------------------------------------- matching rules

def test_weapon_groups():
    assert [ev.coarse_weapon(w) for w in ("drone", "missile", "ballistic_missile", "cruise_missile",
                                          "glide_bomb", "rocket", "mixed", "unknown", "", None)] == [
        "drone", "missile", "missile", "missile", "glide_bomb", "other", "other", None, None, None]


def test_wrong_weapon_is_fn_and_fp():
    s = ev.score([gold("1-01", weapon="missile")], [mention("1-01", weapon="drone")])["overall"]
    assert s == metrics(1, 0, 1, 0, 0.0, 0.0, 0.0, 0, 0.0, 0.0, 0.0, NO_FIELDS, ADMIN1_NONE)


def test_unknown_weapon_matches_any_either_side():
    g = [gold("1-01", weapon="unknown"), gold("1-02", weapon="glide_bomb", code="UA-63")]
    m = [mention("1-01", weapon="cruise_missile"), mention("1-02", weapon="unknown", code="UA-63")]
    s = ev.score(g, m)["overall"]
    assert s == metrics(2, 0, 2, 2, 1.0, 1.0, 1.0, 2, 1.0, 1.0, 1.0, ALL_ONE,
                        (1, 1, 1.0, 1, 1, 1.0))


def test_other_group_and_event_type_and_admin1_must_agree():
    g = [gold("1-01", weapon="rocket", code="RU-BEL")]
    assert ev.score(g, [mention("1-01", weapon="mixed", code="RU-BEL")])["overall"]["matched"] == 1
    assert ev.score(g, [mention("1-01", weapon="rocket", code="RU-KRS")])["overall"]["matched"] == 0
    assert ev.score(g, [mention("1-01", weapon="rocket", code=None)])["overall"]["matched"] == 0
    assert ev.score(g, [mention("1-01", "strike", weapon="rocket", code="RU-BEL")]
                    )["overall"]["matched"] == 0


def test_both_empty_admin1_is_same():
    g = [gold("1-01", code=None)]
    s = ev.score(g, [mention("1-01", code="")])["overall"]
    assert (s["matched"], s["f1"]) == (1, 1.0)


def test_ambiguous_counts_only_when_matched():
    g = [gold("1-01", code="UA-32", ambiguous=True), gold("1-02", code="UA-71", ambiguous=True),
         gold("1-03", code="UA-30")]
    s = ev.score(g, [mention("1-01", code="UA-71"), mention("1-02", code="UA-30")])["overall"]
    # recall denominator 2: 1-01 (ambiguous, unmatched) is left out
    assert s == metrics(3, 2, 2, 2, 1.0, 1.0, 1.0, 2, 1.0, 1.0, 1.0, ALL_ONE,
                        (3, 2, 0.6667, 2, 2, 1.0))


def test_prefers_non_ambiguous_gold_on_ties():
    g = [gold("1-01", ambiguous=True), gold("1-02")]
    s = ev.score(g, [mention("1-01")])["overall"]
    assert (s["matched"], s["recall"], s["precision"]) == (1, 1.0, 1.0)


def test_prefers_pair_agreeing_on_more_fields():
    g = [gold("1-01", intercepted=5), gold("1-02", intercepted=7, date="2025-03-18")]
    s = ev.score(g, [mention("1-01", intercepted=7, date="2025-03-18")])["overall"]
    assert (s["matched"], s["exact_matched"], s["field_accuracy"]["intercepted"]) == (1, 1, 1.0)


def test_assignment_is_optimal_not_greedy():
    # greedy in input order would give 1-01 (unknown) the drone and leave 1-02 unmatched
    g = [gold("1-01", weapon="unknown"), gold("1-02", weapon="drone")]
    m = [mention("1-01", weapon="drone"), mention("1-02", weapon="missile")]
    assert ev.match_document(g, m) == [(0, 1), (1, 0)]


def test_negatives_count_as_false_positives_only_inside_corpus():
    g = [gold("1-01")]
    m = [mention("1-01"), mention("5-01"), mention("6-01")]
    result = ev.score(g, m, doc_ids=["5"], languages={"1": "en", "5": "fr"})
    s = result["overall"]
    assert (s["n_extracted"], s["matched"], s["precision"], s["recall"]) == (2, 1, 0.5, 1.0)
    assert result["n_extracted_outside_corpus"] == 1 and result["n_docs_without_gold"] == 1
    assert result["by_language"]["fr"]["n_extracted"] == 1
    assert result["by_language"]["fr"]["precision"] == 0.0


def test_fields_compare_ints_and_empty():
    g = [gold("1-01", launched=12, intercepted=None, date=None)]
    m = [mention("1-01", launched="12", intercepted="", date="")]
    s = ev.score(g, m)["overall"]
    assert s["field_accuracy"] == ALL_ONE and s["exact_f1"] == 1.0


def test_exact_f1_uses_its_own_matching():
    # loose matching maximises matches: 1-01~A (drone), 1-02~B (unknown~missile), both with a
    # wrong count; the exact matching pairs 1-02 with A instead (7 == 7).
    g = [gold("1-01", intercepted=5), gold("1-02", weapon="unknown", intercepted=7)]
    m = [mention("1-01", intercepted=7), mention("1-02", weapon="missile", intercepted=5)]
    s = ev.score(g, m)["overall"]
    assert s == metrics(2, 0, 2, 2, 1.0, 1.0, 1.0, 1, 0.5, 0.5, 0.5,
                        {**ALL_ONE, "intercepted": 0.0}, ADMIN1_NONE)


def test_exact_f1_with_ambiguous_gold():
    # an ambiguous claim matched only loosely drops out of the exact recall denominator
    g = [gold("1-01", ambiguous=True, intercepted=3), gold("1-02", code="RU-BEL")]
    m = [mention("1-01", intercepted=4), mention("1-02", code="RU-BEL")]
    s = ev.score(g, m)["overall"]
    assert (s["recall"], s["exact_matched"], s["exact_precision"], s["exact_recall"],
            s["exact_f1"]) == (1.0, 1, 0.5, 1.0, 0.6667)


def test_admin1_metrics_are_document_level():
    g = [gold("1-01", code="RU-BEL", weapon="missile"), gold("1-02", code="RU-KRS"),
         gold("2-01", code="RU-BRY")]
    # 1-01's code appears in doc 1 (even though the weapon does not match); RU-BRY is in the
    # wrong document; RU-VOR is nowhere in gold
    m = [mention("1-01", code="RU-BEL"), mention("1-02", code="RU-VOR"), mention("1-03"),
         mention("3-01", code="RU-BRY")]
    a = ev.score(g, m, doc_ids=["3"])["overall"]["admin1"]
    assert a == {"gold_with_code": 3, "gold_code_found": 1, "recall": 0.3333,
                 "mentions_with_code": 3, "mentions_code_in_gold": 1, "precision": 0.3333}


def test_empty_inputs():
    result = ev.score([], [])
    assert result["overall"] == metrics(0, 0, 0, 0, None, None, None, 0, None, None, None,
                                        NO_FIELDS, ADMIN1_NONE)
    assert result["by_language"] == {} and result["by_doc"] == {}


def test_hungarian_matches_brute_force():
    rng = random.Random(7)
    for _ in range(200):
        n, m = rng.randint(1, 5), rng.randint(1, 5)
        w = [[rng.choice([0, 0, 1, 3, 8, 9]) for _ in range(m)] for _ in range(n)]
        pairs = ev._max_weight_assignment(w)
        assert len({r for r, _ in pairs}) == len(pairs) == len({c for _, c in pairs})
        assert all(w[r][c] > 0 for r, c in pairs)
        best = 0
        for perm in itertools.permutations(range(max(n, m)), n):
            best = max(best, sum(w[r][c] for r, c in enumerate(perm) if c < m))
        assert sum(w[r][c] for r, c in pairs) == best


# --------------------------------------------------------------------------- shared corpus

@pytest.mark.skipif(not (SHARED_DEV / "gold.jsonl").is_file(), reason="shared dev corpus absent")
def test_dev_gold_against_itself_scores_perfectly():
    claims = ev.load_gold(SHARED_DEV / "gold.jsonl")
    docs = ev.load_docs_dir(SHARED_DEV / "docs")
    mentions = [dict(c, mention_id=f"{c['doc_id']}-{i}") for i, c in enumerate(claims)]
    result = ev.score(claims, mentions, docs.keys(), docs)
    o = result["overall"]
    assert (o["n_gold"], o["matched"], o["f1"], o["exact_f1"]) == (521, 521, 1.0, 1.0)
    assert o["admin1"]["recall"] == 1.0 and o["admin1"]["precision"] == 1.0
    assert result["n_docs"] == 85 and result["n_docs_without_gold"] == 12
    assert {k: v["n_gold"] for k, v in result["by_language"].items()} == {
        "en": 197, "fr": 157, "mixed": 65, "uk": 35, "ru": 67}


def test_cli_accepts_leading_separator(capsys):
    assert ev.main(["--", "--gold", str(GOLD), "--processed-dir", str(PROCESSED), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == FIXTURE_SCORE
