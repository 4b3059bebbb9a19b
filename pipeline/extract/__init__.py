"""Claim extraction: sentences of an article → mention dicts (see docs/interfaces.md).

Public API::

    from pipeline.extract import extract_article, Resources, load_resources
    res = load_resources()
    mentions = extract_article(article, sentences, res)
"""

from .resources import Resources, load_resources

__all__ = ["extract_article", "extract_text", "Resources", "load_resources"]


def extract_article(article: dict, sentences: list, resources: Resources | None = None) -> list:
    from .core import extract_article as _extract
    return _extract(article, sentences, resources)


def extract_text(text: str, **kw) -> list:
    from .core import extract_text as _et
    return _et(text, **kw)
