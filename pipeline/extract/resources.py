"""Shared, load-once resources for the extract stage.

``Resources`` is a small, stable container handed to every extractor
(``latin.extract_latin``, ``cyrillic.extract_cyrillic``).  Build it once per
process with :func:`load_resources` and reuse it for every article.

Fields
------
gazetteer : the geocode gazetteer (``pipeline.geocode.default_gazetteer()``) or None
nlp       : ``{lang: spacy.Language}`` — rule pipelines (tokenizer + our components), wrapped
            in ``components.CachedPipeline`` (``nlp(text)`` memoised per sentence text)
lexicons  : ``{lang: {name: list[dict]}}`` — JSONL lexicons loaded from
            ``pipeline/extract/lexicons/<lang>/<name>.jsonl``
options   : free-form tunables (e.g. ``{"use_fr_model": False}``; ``nlp_cache_size``: sentences
            memoised per pipeline, 0 = off)
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

LEXICON_DIR = Path(__file__).resolve().parent / "lexicons"


@dataclass
class Resources:
    gazetteer: Any = None
    nlp: dict = field(default_factory=dict)
    lexicons: dict = field(default_factory=dict)
    options: dict = field(default_factory=dict)

    def lexicon(self, lang: str, name: str) -> list:
        """Entries of ``lexicons/<lang>/<name>.jsonl`` (loaded lazily, cached)."""
        per_lang = self.lexicons.setdefault(lang, {})
        if name not in per_lang:
            per_lang[name] = load_jsonl_lexicon(lang, name)
        return per_lang[name]

    def get_nlp(self, lang: str):
        """The rule pipeline for ``lang`` (built lazily, cached); None if unavailable."""
        if lang not in self.nlp:
            try:
                from .components import NLP_CACHE_SIZE, CachedPipeline, build_pipeline
                nlp = build_pipeline(lang, self)
                size = self.options.get("nlp_cache_size", NLP_CACHE_SIZE)
                self.nlp[lang] = CachedPipeline(nlp, size) if size else nlp
            except Exception as exc:  # pragma: no cover - keep extraction running
                log.warning("no spaCy pipeline for %s: %s", lang, exc)
                self.nlp[lang] = None
        return self.nlp[lang]


def load_jsonl_lexicon(lang: str, name: str) -> list:
    path = LEXICON_DIR / lang / f"{name}.jsonl"
    if not path.exists():
        return []
    out = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if not line or line.startswith("#") or line.startswith("//"):
                continue
            out.append(json.loads(line))
    return out


def _load_gazetteer():
    try:
        from pipeline.geocode import default_gazetteer
    except Exception:
        try:
            from pipeline.geocode.gazetteer import default_gazetteer
        except Exception as exc:
            log.warning("gazetteer unavailable: %s", exc)
            return None
    try:
        return default_gazetteer()
    except Exception as exc:
        log.warning("gazetteer failed to load: %s", exc)
        return None


def load_resources(langs=("en", "fr", "ru", "uk"), gazetteer: Any = None,
                   eager: bool = False, **options) -> Resources:
    """Build the shared resources.  ``eager=True`` builds every nlp pipeline now
    (otherwise they are built on first use)."""
    res = Resources(gazetteer=gazetteer if gazetteer is not None else _load_gazetteer(),
                    options=dict(options))
    if eager:
        for lang in langs:
            res.get_nlp(lang)
    return res
