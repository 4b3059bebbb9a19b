"""Stage 2 — sentences: article text → sentences with offsets, language and a lexical
prefilter verdict.

Splitting is rule-based (paragraphs on blank lines; list items on bullets and dashes;
sentences on terminal punctuation followed by an upper-case letter, a quote or a digit,
including the run-together ``localement.Des`` of scraped pages; not after common
abbreviations). A hard line break inside a sentence is kept when the line does not end a
sentence; a short first line (under 40 characters, no final comma or hyphen) followed by
a line starting with a capital, or a first line equal to the metadata title, is a headline
and stands alone. Rule-based splitting is ~50× faster than a parser and does not over-split.

Language per sentence: lingua restricted to en/fr/uk/ru; sentences under four words take
the article's dominant language. The article's language is ``mixed`` when no language
covers 80% of its sentence characters.
"""

from __future__ import annotations

import functools
import json
import logging
import re
from collections import Counter
from pathlib import Path
from typing import Iterable

from . import config

log = logging.getLogger(__name__)

LANGS = ("en", "fr", "uk", "ru")

_ABBREV = {
    # English
    "mr", "mrs", "ms", "dr", "st", "gen", "lt", "col", "maj", "capt", "sgt", "gov", "sen",
    "rep", "dept", "no", "vs", "etc", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "u.s", "u.k", "e.g", "i.e", "approx", "inc", "corp", "co",
    "jr", "sr", "prof", "adm", "brig", "cmdr", "mt", "ft", "fig", "pres",
    # French
    "m", "mm", "mme", "mlle", "av", "env", "cf", "p", "dép", "ste", "bd", "boul", "gal", "mgr",
    # Russian / Ukrainian
    "г", "гг", "т", "тыс", "млн", "млрд", "ул", "обл", "им", "р", "с", "пос", "д", "тис",
    "вул", "см", "напр", "н.п", "пгт", "смт", "ст", "пр", "просп", "пер", "ген",
}

_EMOJI = "\U0001F1E6-\U0001F1FF\U0001F300-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\u203C\u2049"
_BULLET_RE = re.compile(rf"^\s*(?:[-–—•▪►▫◾◽●*]|\d+[.)]\s|[{_EMOJI}]\ufe0f?)")
# Candidate sentence ends: punctuation (optionally closing quotes/brackets) + spaces.
_END_RE = re.compile(r"([.!?…]+[\"»”’')\]]*)(\s+|(?=[A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐ«\"“]))")
_NEXT_START_RE = re.compile(rf"[\"«“„(\[]?\s*[A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐ0-9{_EMOJI}▪•–—-]")
_WORD_BEFORE_RE = re.compile(r"(\w[\w.]*)$")
_HEADLINE_NEXT_RE = re.compile(r"[\"«“„(\[]?\s*[A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐ]")
_WORD_WINDOW = 40  # characters looked at before a full stop to find the word it ends


def _word_before(text: str, pos: int) -> str:
    """The word (dots allowed: ``U.S``) ending at ``pos``, lower-cased; '' if none. Only a
    short window is searched (linear time on long paragraphs); a longer word is no
    abbreviation and comes back as-is truncated, never as a short word."""
    lo = max(0, pos - _WORD_WINDOW)
    wm = _WORD_BEFORE_RE.search(text, lo, pos)
    if not wm:
        return ""
    if wm.start(1) == lo and lo > 0 and (text[lo - 1].isalnum() or text[lo - 1] in "._"):
        return wm.group(1).lower() + "…"  # truncated long word
    return wm.group(1).lower()


def _ends_with_abbrev(line: str) -> bool:
    """Does the line end with an abbreviation's full stop ("Gen.", "г.")?"""
    if not line.endswith(".") or line.endswith(".."):
        return False
    word = _word_before(line, len(line) - 1)
    return word in _ABBREV or (len(word) == 1 and word.isalpha())


@functools.lru_cache(maxsize=1)
def _prefilter_re() -> re.Pattern:
    patterns = []
    path = config.LEXICON_DIR / "prefilter.jsonl"
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                rec = json.loads(line)
                if not {"lang", "kind", "pattern"} <= rec.keys():
                    raise ValueError(f"{path}: bad prefilter entry {rec!r}")
                patterns.append(f"(?:{rec['pattern']})")
    return re.compile("|".join(patterns), re.IGNORECASE)


def is_candidate(text: str) -> bool:
    """Cheap lexical prefilter: does the sentence use strike/interception/weapon vocabulary?"""
    return _prefilter_re().search(text) is not None


def _split_block(block: str, offset: int) -> list[tuple[int, int]]:
    """Split one paragraph/list item into sentence spans (absolute offsets)."""
    spans = []
    start = 0
    for m in _END_RE.finditer(block):
        end = m.end(1)
        nxt = m.end()
        if nxt >= len(block):
            break
        # The next sentence must start like a sentence.
        if not _NEXT_START_RE.match(block, nxt):
            continue
        punct = m.group(1)
        if punct.startswith(".") and len(punct.rstrip("\"»”’')]")) == 1:
            word = _word_before(block, m.start(1))
            if word in _ABBREV or (len(word) == 1 and word.isalpha()):
                continue
            if word.isdigit() and m.group(2) == "":
                continue  # "10.03" or "1.200": not a boundary
        if m.group(2) == "":
            # run-together "localement.Des": only when a lowercase word precedes
            lo = max(0, m.start(1) - _WORD_WINDOW)
            wm = _WORD_BEFORE_RE.search(block, lo, m.start(1))
            if not wm or not wm.group(1)[-1:].islower() or len(wm.group(1)) < 3:
                continue
        spans.append((start, end))
        start = nxt
    spans.append((start, len(block)))
    out = []
    for s, e in spans:
        seg = block[s:e]
        ls = len(seg) - len(seg.lstrip())
        rs = len(seg.rstrip())
        if rs > ls:
            out.append((offset + s + ls, offset + s + rs))
    return out


def _blocks(text: str, title: str | None = None) -> list[tuple[int, int]]:
    """Paragraphs and list items: split on blank lines, and on single line breaks where the
    line ends a sentence, the next line is a list item, or the line is a headline."""
    title = (title or "").strip()
    blocks = []
    # a blank line is a line break, white space without a line break, a line break (written so
    # that the look-ahead never runs past the next line: linear on runs of line breaks)
    for pm in re.finditer(r"(?:[^\n]|\n(?![^\S\n]*\n))+", text):
        para_start = pm.start()
        lines = [(lm.start() + para_start, lm.end() + para_start)
                 for lm in re.finditer(r"[^\n]*", pm.group()) if lm.group().strip()]
        cur_s = None
        cur_e = None
        for i, (ls, le) in enumerate(lines):
            line = text[ls:le]
            if cur_s is None:
                cur_s, cur_e = ls, le
            else:
                prev = text[cur_s:cur_e].rstrip()
                abbrev = _ends_with_abbrev(prev)  # "… Gen.\nHarlow": one sentence
                breaks = (prev.endswith((".", "!", "?", ":", ";", "…", "»", "\"", "”"))
                          and not abbrev
                          or _BULLET_RE.match(line) is not None
                          # a list item ends at the line break, unless the next line
                          # continues it in lower case (a wrapped item)
                          or (_BULLET_RE.match(text[cur_s:cur_e]) is not None
                              and not line.lstrip()[:1].islower())
                          or (len(prev) < 40 and not prev.endswith((",", "-")) and not abbrev
                              and _HEADLINE_NEXT_RE.match(line.lstrip()) is not None)
                          or (not blocks and bool(title) and prev.strip() == title))
                if breaks:
                    blocks.append((cur_s, cur_e))
                    cur_s, cur_e = ls, le
                else:
                    cur_e = le
        if cur_s is not None:
            blocks.append((cur_s, cur_e))
    return blocks


def split_sentences(text: str, title: str | None = None) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` over ``text``, in order, stripped of white space.
    ``title`` (the metadata title, optional) lets a first line equal to it stand alone."""
    spans = []
    for bs, be in _blocks(text, title):
        spans.extend(_split_block(text[bs:be], bs))
    return spans


@functools.lru_cache(maxsize=1)
def language_detector():
    """The lingua detector for en/fr/uk/ru (built once per process; ~1 s, ~190 MB)."""
    from lingua import Language, LanguageDetectorBuilder

    return (LanguageDetectorBuilder.from_languages(
        Language.ENGLISH, Language.FRENCH, Language.UKRAINIAN, Language.RUSSIAN)
        .with_preloaded_language_models().build())


_LINGUA_CODE = {"ENGLISH": "en", "FRENCH": "fr", "UKRAINIAN": "uk", "RUSSIAN": "ru"}
_CYR_RE = re.compile(r"[А-Яа-яЁёІіЇїЄєҐґ]")
_LAT_RE = re.compile(r"[A-Za-zÀ-ÿ]")
_UK_ONLY_RE = re.compile(r"[ІіЇїЄєҐґ]")
_RU_ONLY_RE = re.compile(r"[ЫыЭэЁёЪъ]")


def detect_languages(texts: list[str], detector=None) -> list[str | None]:
    """Language code per text (None when there are no letters to judge by)."""
    out: list[str | None] = []
    todo: list[int] = []
    for i, t in enumerate(texts):
        cyr = len(_CYR_RE.findall(t))
        lat = len(_LAT_RE.findall(t))
        if cyr + lat == 0:
            out.append(None)
            continue
        if cyr > lat:
            uk, ru = len(_UK_ONLY_RE.findall(t)), len(_RU_ONLY_RE.findall(t))
            if uk and not ru:
                out.append("uk")
                continue
            if ru and not uk:
                out.append("ru")
                continue
        out.append(None)
        todo.append(i)
    if todo:
        det = detector or language_detector()
        results = det.detect_languages_in_parallel_of([texts[i] for i in todo])
        for i, lang in zip(todo, results):
            out[i] = _LINGUA_CODE.get(lang.name) if lang is not None else None
    return out


def _article_language(sentences: list[dict]) -> str:
    weights: Counter = Counter()
    for s in sentences:
        weights[s["lang"]] += len(s["text"])
    total = sum(weights.values())
    if not total:
        return "other"
    lang, w = weights.most_common(1)[0]
    if lang in LANGS and w / total >= 0.8:
        return lang
    known = sum(v for k, v in weights.items() if k in LANGS)
    return "mixed" if known else "other"


_BLANK_LINE_RE = re.compile(r"[ \t]*\n[ \t]*\n")


def _starts_line(text: str, pos: int) -> bool:
    return not text[text.rfind("\n", 0, pos) + 1:pos].strip()


def sentence_records(article: dict, detector=None) -> dict:
    """The sentences record of one article (see docs/interfaces.md)."""
    text = article["text"]
    title = (article.get("title") or "").strip()
    spans = split_sentences(text, title)
    texts = [text[s:e] for s, e in spans]
    # a sentence over the length bound is not extracted: its language is judged on its start
    # (the detector is superlinear on very long texts)
    langs = detect_languages([t[:config.MAX_SENTENCE_CHARS] for t in texts], detector)
    meta_lang = re.split(r"[-_]", (article.get("language_meta") or "").strip().lower())[0]
    counted = Counter(l for l, t in zip(langs, texts) if l and len(t.split()) >= 4)
    default = (counted.most_common(1)[0][0] if counted
               else meta_lang if meta_lang in LANGS else "en")
    sents = []
    for idx, ((s, e), t, lang) in enumerate(zip(spans, texts, langs)):
        if lang is None or len(t.split()) < 4:
            lang = lang if (lang in ("uk", "ru") and len(t.split()) >= 2) else default
        is_title = idx == 0 and (bool(title) and (t == title or t.startswith(title[:60])
                                                  or len(t) >= 20 and title.startswith(t[:60]))
                                 or (_BLANK_LINE_RE.match(text, e) is not None and len(t) < 200
                                     and not t.endswith(".") and _starts_line(text, s)))
        sents.append({"idx": idx, "start": s, "end": e, "text": t, "lang": lang,
                      "is_title": bool(is_title), "candidate": is_candidate(t)})
    return {"article_id": article["article_id"], "language": _article_language(sents),
            "sentences": sents}


def process(articles: Iterable[dict], detector=None) -> list[dict]:
    return [sentence_records(a, detector) for a in articles]


def main(articles_path: Path, output_path: Path) -> int:
    from . import io

    records = process(io.read_jsonl(articles_path))
    io.write_jsonl(output_path, records)
    log.info("sentences: %d articles, %d sentences", len(records),
             sum(len(r["sentences"]) for r in records))
    return len(records)
