"""The synthetic benchmark corpus (pipeline.synth): deterministic, in the expected style mix,
mostly not about strikes, accepted by ingest."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from pipeline import synth


def test_same_seed_same_texts():
    a = synth.generate(60, seed=7)
    b = synth.generate(60, seed=7)
    assert a == b
    assert [x["text"] for x in a] == [x["text"] for x in b]


def test_different_seed_different_texts():
    a = [x["text"] for x in synth.generate(30, seed=1)]
    b = [x["text"] for x in synth.generate(30, seed=2)]
    assert sum(x != y for x, y in zip(a, b)) >= 29


def test_prefix_property():
    small = synth.generate(20, seed=3)
    big = synth.generate(50, seed=3)
    assert big[:20] == small


def test_texts_unique_and_ids():
    arts = synth.generate(400, seed=11)
    assert len({a["text"] for a in arts}) == len(arts)
    assert len({a["id"] for a in arts}) == len(arts)
    for a in arts:
        assert set(synth.META_KEYS) <= a.keys()
        assert a["text"].strip() and a["title"]


def test_style_mix_and_languages():
    arts = synth.generate(1000, seed=42)
    n = len(arts)
    styles = Counter(a["style"] for a in arts)
    assert set(styles) == set(synth.STYLES)
    for style, share in synth.STYLES.items():
        assert abs(styles[style] / n - share) < 0.05, (style, styles[style])
    neg = sum(a["negative"] for a in arts) / n
    assert abs(neg - synth.NEGATIVE_SHARE) < 0.05
    cyr = re.compile(r"[А-Яа-яІіЇїЄєҐґ]")
    for a in arts:
        if a["style"] in ("ru_mod", "uk_af"):
            assert cyr.search(a["text"]), a["id"]
        if a["style"] == "uk_af":
            assert re.search(r"[ІіЇїЄєҐґ]", a["text"]), a["id"]
        if a["style"] == "ru_mod":
            assert re.search(r"[ЫыЭэЪъ]", a["text"]), a["id"]
        if a["style"] == "fr":
            assert re.search(r"[éèàêç]", a["text"]), a["id"]
        if a["style"] == "mixed":
            assert re.search(r"\b(?:the|said|of|and)\b", a["text"]) and re.search(r"\b(?:les|des|a été|ont)\b", a["text"])
    assert {a["language"] for a in arts} == {"en", "fr", "mixed", "ru", "uk"}


def test_most_paragraphs_are_not_about_strikes():
    from pipeline.sentences import is_candidate

    paras = [p for a in synth.generate(300, seed=5) for p in a["text"].split("\n\n")[1:] if p.strip()]
    share = sum(is_candidate(p) for p in paras) / len(paras)
    assert share < 0.5, share
    # ... but the positive articles do state figures
    pos = [a for a in synth.generate(300, seed=5) if not a["negative"]]
    assert all(re.search(r"\d", a["text"]) for a in pos)


def test_write_raw_is_ingestable(tmp_path: Path):
    from pipeline import ingest

    raw = tmp_path / "raw"
    synth.write_raw(raw, 40, seed=9)
    assert len(list(raw.glob("*.txt"))) == 40
    meta = json.loads((raw / "000000.meta.json").read_text(encoding="utf-8"))
    assert set(meta) == set(synth.META_KEYS)
    articles, rejects = ingest.ingest(raw)
    assert len(articles) == 40
    assert not [r for r in rejects if r.get("reason") != "bad_metadata"]


def test_no_sentence_copied_from_dev_corpus():
    """Reads the shared development corpus when present (skips cleanly otherwise)."""
    dev = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev" / "docs"
    if not dev.is_dir():
        pytest.skip("shared dev corpus not available")
    dev_text = "\n".join(p.read_text(encoding="utf-8") for p in dev.glob("*.txt"))
    sents = set()
    for a in synth.generate(500, seed=42):
        for s in re.split(r"(?<=[.!?])\s+|\n+", a["text"]):
            s = s.strip()
            if len(s) >= 60:
                sents.add(s)
    copied = [s for s in sents if s in dev_text]
    assert not copied, copied[:3]
