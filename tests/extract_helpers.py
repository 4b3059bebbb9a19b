"""Shared helpers of the extraction tests: one Resources per test session and a runner
that extracts claims from a text with a fixed publication date and outlet."""

from __future__ import annotations

import functools

from pipeline.extract import extract_text, load_resources


@functools.lru_cache(maxsize=1)
def resources():
    return load_resources()


def runner(published: str, outlet: str = "Reuters"):
    """``run(text, **kw)`` → mention dicts, defaults ``published`` and ``outlet``."""

    def run(text, **kw):
        kw.setdefault("published", published)
        kw.setdefault("outlet", outlet)
        return extract_text(text, resources=resources(), **kw)

    return run
