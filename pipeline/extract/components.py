"""spaCy components of the rule pipeline (English: ``spacy.blank("en")``; French:
``spacy.blank("fr")`` — the tokenizer is all the rules need, see ``build_pipeline``).

Components (all write to ``doc.spans``):

* ``claim_triggers`` — a ``SpanRuler`` loaded from ``lexicons/<lang>/triggers.jsonl``
  (labels INTERCEPT, EW, LAUNCH, STRIKE, ATTRIB), ``validate=True``.
* ``airwar_counts``   — number spans (``pipeline.extract.numbers``), label = kind.
* ``airwar_weapons``  — weapon spans (``pipeline.extract.weapons``), label = weapon class.
* ``airwar_places``   — gazetteer place spans, label = admin1 code (or ``PLACE``).
* ``airwar_dates``    — time expressions (``pipeline.extract.dates``).

The helper objects behind each span are kept in ``doc.user_data["airwar"][key]`` (same order,
with character offsets), so that rules can read values such as a number's value.

``Resources.get_nlp`` wraps the pipeline in :class:`CachedPipeline` (``nlp(text)`` memoised per
sentence text; ``Resources.options["nlp_cache_size"]``, 0 = off).

Measured (dev corpus, 2 cores): ``fr_core_news_sm`` adds ~3.5 s load and its parser/NER
add nothing the rules use, so French runs on ``spacy.blank("fr")`` like English.
"""

from __future__ import annotations

import copy
import logging
import threading
from collections import OrderedDict
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from . import _deps
from .resources import load_jsonl_lexicon

log = logging.getLogger(__name__)

SPAN_KEYS = ("claim_triggers", "counts", "weapons", "places", "dates")


def _store(doc: Doc, key: str, items: list, label_of) -> None:
    spans = []
    kept = []
    for it in items:
        sp = doc.char_span(it.start, it.end, label=str(label_of(it) or key), alignment_mode="expand")
        if sp is not None:
            spans.append(sp)
            kept.append(it)
    doc.spans[key] = spans
    doc.user_data.setdefault("airwar", {})[key] = kept


@Language.factory("airwar_counts", default_config={"lang": "en"})
def make_counts(nlp: Language, name: str, lang: str):
    def counts(doc: Doc) -> Doc:
        _store(doc, "counts", _deps.find_numbers(doc.text, lang), lambda n: n.kind)
        return doc
    return counts


@Language.factory("airwar_weapons", default_config={"lang": "en"})
def make_weapons(nlp: Language, name: str, lang: str):
    def weapons(doc: Doc) -> Doc:
        _store(doc, "weapons", _deps.find_weapons(doc.text, lang), lambda w: w.weapon_class)
        return doc
    return weapons


class _PlacesComponent:
    """Needs the gazetteer, which is not serialisable config: set ``.gazetteer`` after adding."""

    def __init__(self, lang: str):
        self.lang = lang
        self.gazetteer: Any = None

    def __call__(self, doc: Doc) -> Doc:
        _store(doc, "places", _deps.find_places(self.gazetteer, doc.text, self.lang),
               lambda p: p.admin1_code or "PLACE")
        return doc


@Language.factory("airwar_places", default_config={"lang": "en"})
def make_places(nlp: Language, name: str, lang: str):
    return _PlacesComponent(lang)


@Language.factory("airwar_dates", default_config={"lang": "en"})
def make_dates(nlp: Language, name: str, lang: str):
    class _T:
        def __init__(self, s, e):
            self.start, self.end = s, e

    def dates(doc: Doc) -> Doc:
        _store(doc, "dates", [_T(s, e) for s, e in _deps.find_time_spans(doc.text, lang)], lambda t: "TIME")
        return doc
    return dates


def build_pipeline(lang: str, resources=None) -> Language:
    """Tokenizer + rule components for ``lang`` (en|fr)."""
    if lang not in ("en", "fr"):
        raise ValueError(f"no latin pipeline for {lang!r}")
    nlp = spacy.blank(lang)
    ruler = nlp.add_pipe("span_ruler", name="claim_triggers",
                         config={"spans_key": "claim_triggers", "validate": True,
                                 "phrase_matcher_attr": "LOWER", "overwrite": True})
    # machine-translated pages mix English and French inside one sentence: load both lexicons
    patterns = load_jsonl_lexicon(lang, "triggers")
    other = "fr" if lang == "en" else "en"
    patterns += [p for p in load_jsonl_lexicon(other, "triggers") if p.get("label") != "ATTRIB" or lang == "en"]
    ruler.add_patterns(patterns)
    nlp.add_pipe("airwar_counts", config={"lang": lang})
    nlp.add_pipe("airwar_weapons", config={"lang": lang})
    places = nlp.add_pipe("airwar_places", config={"lang": lang})
    places.gazetteer = getattr(resources, "gazetteer", None) if resources is not None else None
    nlp.add_pipe("airwar_dates", config={"lang": lang})
    return nlp


#: Sentences whose annotated Doc is kept per pipeline (``Resources.options["nlp_cache_size"]``).
NLP_CACHE_SIZE = 2048


class CachedPipeline:
    """``nlp(text)`` memoised on the text (bounded LRU): the same sentence is often analysed
    more than once — wire copy reprinted by several outlets, an article's recap of its own lead,
    title/body repeats, boilerplate — and every component is a pure function of the text (the
    pipeline's language and gazetteer are fixed). Other attributes are the wrapped
    ``Language``'s (``pipe_names``, ``pipe``, …: not cached).

    Each call gets fresh (shallow-copied) helper objects in ``doc.user_data["airwar"]``, as an
    uncached call would, so a caller that changes them cannot alter a later result.
    """

    def __init__(self, nlp: Language, maxsize: int = NLP_CACHE_SIZE):
        self.nlp = nlp
        self.maxsize = maxsize
        self._local = threading.local()     # one cache per thread: a Doc is never shared
        self.hits = self.misses = 0

    def _cache(self) -> OrderedDict:
        cache = getattr(self._local, "cache", None)
        if cache is None:
            cache = self._local.cache = OrderedDict()
        return cache

    def __call__(self, text, **kwargs) -> Doc:
        if kwargs or not isinstance(text, str) or self.maxsize <= 0:
            return self.nlp(text, **kwargs)
        cache = self._cache()
        entry = cache.get(text)
        if entry is None:
            self.misses += 1
            doc = self.nlp(text)
            entry = (doc, {k: list(v) for k, v in doc.user_data.get("airwar", {}).items()})
            cache[text] = entry
            if len(cache) > self.maxsize:
                cache.popitem(last=False)
        else:
            self.hits += 1
            cache.move_to_end(text)
        doc, pristine = entry
        doc.user_data["airwar"] = {k: [copy.copy(x) for x in v] for k, v in pristine.items()}
        return doc

    def __getattr__(self, name):
        if name in ("nlp", "_local") or name.startswith("__"):
            raise AttributeError(name)      # (not yet initialised: copy/pickle)
        return getattr(self.nlp, name)
