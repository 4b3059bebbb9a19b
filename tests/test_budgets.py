"""Time and size budgets (issue 15): no stage is superlinear on long repetitive inputs (a
hypothesis test feeds them to every stage with a CPU-time limit), an article over the
extraction budget is rejected with reason ``timeout`` while the run goes on, sentences and
articles over the length bounds give reject rows, and an exception inside an extractor or a
count no night has seen gives a reject row instead of vanishing."""

from __future__ import annotations

import functools
import time

import pytest
from hypothesis import HealthCheck, Phase, given, settings, strategies as st

from pipeline import config, ingest, sentences
from pipeline.extract import claimants, dates, load_resources, numbers, stage, weapons
from pipeline.extract import budget

# Pieces that drive regular expressions and scanners into their worst cases: hyphenated and
# capitalised words (place names), digits and separators (numbers), list markers, quotes,
# month names, Cyrillic prepositions, URL prefixes.
UNITS = ["Kh-", "1 ", "1,", "1.", "1/", "A-", "A ", "Over ", "- ", "—", "(", "«", "’s ", "\n",
         "\n\n", "• ", "drones ", "Shahed-", "над ", "по ", "10 з 20 ", "dix-", "on 3 March ",
         "https://", "t.me/", "of the ", "Kursk ", "Oblast ", "region's ", "said ", ". ", "e309 ",
         "Минобороны ", "ЗСУ ", "x"]
repetitive = st.lists(st.sampled_from(UNITS), min_size=1, max_size=3).map("".join)
# derandomized (the same examples on every run), no shrinking (a failure names its input anyway)
FUZZ = settings(max_examples=10, deadline=None, derandomize=True, database=None,
                phases=(Phase.explicit, Phase.generate),
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
#: Extraction scanners see one sentence at a time (at most config.MAX_SENTENCE_CHARS); they are
#: fuzzed at four times that, the stages before extraction at 100,000 characters.
SCANNER_CHARS = 4 * config.MAX_SENTENCE_CHARS


@functools.lru_cache(maxsize=1)
def _resources():
    return load_resources()


def _cpu(fn, *args) -> float:
    t0 = time.process_time()
    fn(*args)
    return time.process_time() - t0


def _article(text: str) -> dict:
    return {"article_id": "fuzz", "source_file": "fuzz.txt", "doc_id": None, "url": None,
            "outlet": None, "title": None, "published": "2025-05-06", "published_date": "2025-05-06",
            "published_precision": "day", "language_meta": None, "text": text}


def _long(unit: str, n: int) -> str:
    return (unit * (n // len(unit) + 1))[:n]


# --------------------------------------------------------------------------- the red-team inputs

def test_claimant_scan_of_a_hyphen_run_is_fast():
    # "Kh-" × 1,200 took 169 s (a cubic place-name pattern); 33,000 repetitions must be quick
    assert _cpu(claimants._find_claimants, "Kh-" * 1200, "en") < 1.5
    assert _cpu(claimants._find_claimants, "Kh-" * 33_000, "en") < 3


def test_number_scan_of_many_numbers_is_linear():
    # "1 " × 40,000 took 179 s (quadratic overlap checks)
    small = _cpu(numbers._find_numbers_impl, "1 " * 2_500, "en")
    big = _cpu(numbers._find_numbers_impl, "1 " * 20_000, "en")   # 8× the input
    assert big < 8 and big < 8 * small * 2.5 + 0.5, (small, big)


def test_sentence_split_of_a_run_of_line_breaks_is_fast():
    # a blank-line look-ahead ran to the end of the text at every line break (18 s here)
    assert _cpu(sentences.split_sentences, "\n" * 100_000) < 1
    assert _cpu(sentences.split_sentences, "x\n" * 50_000) < 3


def test_language_of_a_huge_sentence_is_judged_on_its_start():
    # the detector took 13 s on one 100,000-character word; such a sentence is not extracted
    assert _cpu(sentences.sentence_records, _article("x" * 100_000)) < 3


# --------------------------------------------------------------------------- every stage, fuzzed

@FUZZ
@given(repetitive)
def test_ingest_and_sentences_are_fast_on_100k_repetitive_text(unit):
    text = _long(unit, 100_000)
    assert _cpu(ingest.parse_item, ingest.RawItem("x.txt", text.encode())) < 3
    assert _cpu(ingest.parse_item, ingest.RawItem("x.html", f"<p>{text}</p>".encode())) < 6
    assert _cpu(sentences.sentence_records, _article(text)) < 5


@FUZZ
@given(repetitive)
def test_extraction_scanners_are_fast_on_long_repetitive_text(unit):
    text = _long(unit, SCANNER_CHARS)
    for lang in ("en", "fr", "ru", "uk"):
        assert _cpu(numbers._find_numbers_impl, text, lang) < 3, lang
        assert _cpu(weapons.find_weapons, text, lang) < 3, lang
        assert _cpu(dates.find_time_expressions, text, lang) < 3, lang
    assert _cpu(claimants._find_claimants, text, "en") < 3
    assert _cpu(claimants._find_claimants, text, "fr") < 3
    gaz = _resources().gazetteer
    assert _cpu(gaz.find_places, text, "en") < 3


@FUZZ
@given(repetitive)
def test_geocoding_is_fast_on_long_place_strings(unit):
    from pipeline.geocode.stage import geocode_mentions

    mention = {"mention_id": "m1", "article_id": "a1", "location_text": _long(unit, 20_000),
               "country_hint": None, "lang": "en"}
    assert _cpu(geocode_mentions, [mention], _resources().gazetteer) < 3


@FUZZ
@given(repetitive)
def test_whole_article_extraction_stays_within_its_budget(unit):
    art = _article(_long(unit + " ", 4_000) + ". " + _long(unit, 4_000))
    res = _resources()
    rec = sentences.sentence_records(art)
    for lang in ("en", "fr", "ru", "uk"):
        res.get_nlp(lang)                                   # pipelines built (not the article's)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("AIRWAR_EXTRACT_BUDGET", "2")
        spent = _cpu(stage.extract_one, art, rec, res)
    assert spent < 2 + 1.5


# --------------------------------------------------------------------------- budget and bounds

def test_article_over_the_time_budget_is_rejected_with_reason_timeout(monkeypatch):
    monkeypatch.setenv("AIRWAR_EXTRACT_BUDGET", "1")
    art = _article(("1 " * 2400 + ". ") * 30)      # valid sentences, pathological content
    res = _resources()
    rec = sentences.sentence_records(art)
    t0 = time.perf_counter()
    mentions, rejects = stage.extract_one(art, rec, res)
    assert time.perf_counter() - t0 < 30
    assert mentions == []
    assert rejects == [{"source_file": "fuzz.txt", "stage": "extract", "reason": "timeout",
                        "detail": "extraction took longer than 1 s"}]
    # the next article is extracted normally (the timer was disarmed)
    ok = _article("Air defences shot down 21 drones over the Kursk region overnight, the Russian "
                  "Defence Ministry said.")
    got, rej = stage.extract_one(ok, sentences.sentence_records(ok), res)
    assert [m["intercepted"] for m in got] == [21] and rej == []


def test_deadline_interrupts_a_running_regular_expression_in_a_thread_too():
    import re
    import threading

    rx = re.compile(r"(?:a+)+b")
    out = {}

    def work():
        try:
            with budget.deadline(0.5):
                t0 = time.perf_counter()
                while time.perf_counter() - t0 < 20:   # Python-level work is interrupted
                    rx.match("a" * 18)
            out["result"] = "finished"
        except budget.ArticleTimeout:
            out["result"] = "timeout"

    t = threading.Thread(target=work)
    t.start()
    t.join(30)
    assert out["result"] == "timeout"


def test_sentence_over_the_length_bound_gives_one_reject_and_the_rest_is_extracted():
    good = ("Air defences shot down 21 drones over the Kursk region overnight, the Russian Defence "
            "Ministry said.")
    art = _article(good + "\n\n" + "1 " * 4000 + "\n\n" + "2 " * 4000)
    mentions, rejects = stage.extract_one(art, sentences.sentence_records(art), _resources())
    assert [m["intercepted"] for m in mentions] == [21]
    assert [(r["reason"], r["detail"].split(" (")[0]) for r in rejects] == [
        ("sentence_too_long", f"2 sentence(s) over {config.MAX_SENTENCE_CHARS} characters not extracted")]


def test_article_over_the_length_bound_is_rejected_at_ingest():
    text = "Air defences shot down drones. " * (config.MAX_ARTICLE_CHARS // 31 + 10)
    articles, rejects = ingest.parse_item(ingest.RawItem("long.txt", text.encode()), max_bytes=10**8)
    assert articles == []
    assert [(r["source_file"], r["reason"]) for r in rejects] == [("long.txt", "too_long")]


# --------------------------------------------------------------------------- faults become rows

def test_exception_inside_an_extractor_gives_a_reject_row(monkeypatch):
    from pipeline.extract import core

    def e088(*a, **k):
        raise ValueError("[E088] Text of length 1100000 exceeds maximum of 1000000.")

    monkeypatch.setattr(core, "_extract_latin", e088)
    art = _article("Air defences shot down 21 drones over the Kursk region overnight.")
    mentions, rejects = stage.extract_one(art, sentences.sentence_records(art), _resources())
    assert mentions == []
    assert [(r["source_file"], r["stage"], r["reason"]) for r in rejects] == [
        ("fuzz.txt", "extract", "extract_error")]
    assert "E088" in rejects[0]["detail"] and "latin extraction" in rejects[0]["detail"]


def test_count_over_the_maximum_gives_a_reject_row():
    art = _article("Russia launched 25000 drones overnight, the Ukrainian Air Force said.")
    mentions, rejects = stage.extract_one(art, sentences.sentence_records(art), _resources())
    assert all((m["launched"] or 0) <= config.MAX_COUNT for m in mentions)
    assert [(r["reason"], r["detail"].split(" before")[0]) for r in rejects] == [
        ("absurd_count", "'25000'")]
