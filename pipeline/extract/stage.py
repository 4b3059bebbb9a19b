"""Stage 3 — extract: articles + sentences → mention records (per article), with a
content-hash cache in ``INTERIM_DIR`` so a rerun extracts only new or changed articles.

The cache key of an article is ``sha256(article_id, published, outlet, code_version)``
where ``code_version`` hashes the extraction code and lexicons (and the gazetteer): any
change to them invalidates every entry.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
from pathlib import Path
from typing import Callable, Iterable, Iterator

from .. import config, io

log = logging.getLogger(__name__)

#: Keys the extractor must return; anything else is dropped (extras go to the record too).
MENTION_KEYS = (
    "sentence", "char_start", "char_end", "lang", "claimant", "claimant_side", "event_type",
    "weapon", "weapon_model", "attacker_side", "launched", "intercepted", "lost_to_ew", "hits",
    "count_qualifier", "target", "location_text", "country_hint", "event_date",
    "event_date_start", "event_date_end", "date_precision", "date_text", "ambiguous",
    "claimant_source", "rule_ids",
)
#: Place resolution the extractor made from the sentence's context, handed to geocode as hints.
HINT_KEYS = {"admin1_code": "admin1_code_hint", "location_id": "location_id_hint"}
COUNT_KEYS = ("launched", "intercepted", "lost_to_ew", "hits")


@functools.lru_cache(maxsize=1)
def code_version() -> str:
    """Hash of everything that determines extraction output."""
    h = hashlib.sha256()
    roots = [config.PACKAGE_DIR / "extract", config.GAZETTEER_DIR, config.PACKAGE_DIR / "geocode"]
    files: list[Path] = []
    for root in roots:
        if root.exists():
            files += [p for p in root.rglob("*") if p.is_file() and p.suffix in
                      {".py", ".jsonl", ".json", ".csv", ".txt"} and "__pycache__" not in p.parts]
    for p in sorted(set(files)):
        h.update(p.relative_to(config.PACKAGE_DIR).as_posix().encode())
        h.update(p.read_bytes())
    return h.hexdigest()[:16]


def cache_key(article: dict) -> str:
    payload = json.dumps([article["article_id"], article.get("published"), article.get("outlet"),
                          article.get("title"), article.get("doc_id"), code_version()])
    return hashlib.sha256(payload.encode()).hexdigest()[:24]


#: Version of the cache entry layout (bump when it changes).
CACHE_FORMAT = 2


def cache_path(cache_dir: Path, article: dict) -> Path:
    key = cache_key(article)
    return Path(cache_dir) / key[:2] / f"{key}.json"


def _checksum(mentions: list, rejects: list) -> str:
    return hashlib.sha256(io.dumps([mentions, rejects]).encode("utf-8")).hexdigest()


def write_cache(path: Path, article: dict, mentions: list, rejects: list) -> None:
    """One article's result, with what :func:`read_cache` checks: the entry's key, the code
    version and a sha256 of the content."""
    io.write_json(path, {"format": CACHE_FORMAT, "key": cache_key(article),
                         "code_version": code_version(), "checksum": _checksum(mentions, rejects),
                         "mentions": mentions, "rejects": rejects})


def read_cache(path: Path, article: dict) -> tuple[list, list] | None:
    """The cached ``(mentions, rejects)`` of ``article``, or ``None`` when there is no entry or
    it cannot be trusted — unreadable, truncated, not JSON, another layout, key or code
    version, or content that does not match its checksum (edited by hand): the article is then
    extracted again and the entry rewritten. Never raises."""
    try:
        entry = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        log.warning("extract cache entry %s unreadable (%s): recomputed", path.name, exc)
        return None
    problem = None
    if not isinstance(entry, dict) or entry.get("format") != CACHE_FORMAT:
        problem = "old or unknown layout"
    elif entry.get("key") != cache_key(article) or entry.get("code_version") != code_version():
        problem = "key or code version differs"
    elif not isinstance(entry.get("mentions"), list) or not isinstance(entry.get("rejects"), list):
        problem = "content missing"
    elif entry.get("checksum") != _checksum(entry["mentions"], entry["rejects"]):
        problem = "checksum mismatch (edited or corrupted)"
    if problem:
        log.warning("extract cache entry %s: %s: recomputed", Path(path).name, problem)
        return None
    return entry["mentions"], entry["rejects"]


def finalize(article: dict, raw_mentions: list[dict]) -> tuple[list[dict], list[dict]]:
    """Give extracted mentions their ids and parent links; move absurd values to rejects."""
    aid = article["article_id"]
    mentions: list[dict] = []
    rejects: list[dict] = []
    ids = [f"{aid}-{i + 1:02d}" for i in range(len(raw_mentions))]
    for i, m in enumerate(raw_mentions):
        rec = {k: m.get(k) for k in MENTION_KEYS}
        rec["ambiguous"] = bool(rec.get("ambiguous"))
        for src, dst in HINT_KEYS.items():
            if m.get(src):
                rec[dst] = m[src]
        rec["mention_id"] = ids[i]
        rec["article_id"] = aid
        p = m.get("parent_index")
        rec["parent_mention_id"] = ids[p] if isinstance(p, int) and 0 <= p < len(ids) and p != i else None
        for k in COUNT_KEYS:
            v = rec.get(k)
            if v is None:
                continue
            if not isinstance(v, int) or isinstance(v, bool) or v < 0 or v > config.MAX_COUNT:
                rejects.append({"source_file": ids[i], "stage": "extract", "reason": "absurd_count",
                                "detail": f"{k}={v!r} in {article.get('source_file')}"})
                rec[k] = None
        mentions.append(rec)
    return mentions, rejects


def _reject(article: dict, reason: str, detail: str) -> dict:
    return {"source_file": article.get("source_file"), "stage": "extract", "reason": reason,
            "detail": detail[:300]}


def bound_sentences(article: dict, sentences: list[dict]) -> tuple[list[dict], list[dict]]:
    """Sentences within ``config.MAX_SENTENCE_CHARS``, and one reject row
    (``sentence_too_long``, with their offsets and the longest length) when there are longer
    ones: those are not extracted, the rest of the article is."""
    limit = config.MAX_SENTENCE_CHARS
    kept = [s for s in sentences or [] if len(s.get("text") or "") <= limit]
    long = [s for s in sentences or [] if len(s.get("text") or "") > limit]
    if not long:
        return kept, []
    offsets = ", ".join(str(s.get("start")) for s in long[:10]) + (" …" if len(long) > 10 else "")
    longest = max(len(s.get("text") or "") for s in long)
    return kept, [_reject(article, "sentence_too_long",
                          f"{len(long)} sentence(s) over {limit} characters not extracted "
                          f"(longest {longest}; at offsets {offsets})")]


def extract_one(article: dict, sentence_record: dict, resources) -> tuple[list[dict], list[dict]]:
    """Mentions and reject rows of one article. Never raises for a bad article: a sentence
    over the length bound, the time budget running out (``timeout``: the article's claims are
    not published), an exception (``extract_error``) and an exception an extractor caught to
    keep going (``extract_error``, its other claims are kept) each give a reject row."""
    from . import budget, extract_article

    sentences, rejects = bound_sentences(article, sentence_record["sentences"])
    seconds = config.extract_budget_seconds()
    get_nlp = getattr(resources, "get_nlp", None)
    for lang in sorted({s.get("lang") for s in sentences} & {"en", "fr", "ru", "uk"}):
        if get_nlp is not None:
            get_nlp(lang)   # a pipeline built on first use is not the article's time
    try:
        with budget.collecting() as faults, budget.deadline(seconds):
            raw = extract_article(article, sentences, resources)
    except budget.ArticleTimeout:
        log.warning("extract: %s took longer than %s s: rejected (timeout)",
                    article.get("source_file"), seconds)
        return [], rejects + [_reject(article, "timeout",
                                      f"extraction took longer than {seconds:g} s")]
    except Exception as exc:  # one bad article must not stop the run: record it
        log.exception("extract failed on %s", article.get("source_file"))
        return [], rejects + [_reject(article, "extract_error", f"{type(exc).__name__}: {exc}")]
    rejects += [_reject(article, reason, detail) for reason, detail in faults]
    mentions, more = finalize(article, raw)
    return mentions, rejects + more


def run(articles: Iterable[dict], sentence_records: dict[str, dict], resources_factory: Callable,
        cache_dir: Path | None = None, progress=None) -> Iterator[tuple[list[dict], list[dict], bool]]:
    """Yield ``(mentions, rejects, from_cache)`` per article, in input order."""
    resources = None
    for art in articles:
        cpath = cache_path(cache_dir, art) if cache_dir else None
        cached = read_cache(cpath, art) if cpath is not None else None
        if cached is not None:
            yield cached[0], cached[1], True
        else:
            if resources is None:
                resources = resources_factory()
            mentions, rejects = extract_one(art, sentence_records[art["article_id"]], resources)
            if cpath is not None:
                write_cache(cpath, art, mentions, rejects)
            yield mentions, rejects, False
        if progress is not None:
            progress.update(1)


def main(articles_path: Path, sentences_path: Path, output_path: Path, rejects_path: Path,
         cache_dir: Path | None = None, show_progress: bool | None = None) -> dict:
    from ..progress import progress_bar
    from . import load_resources

    articles = list(io.read_jsonl(articles_path))
    sents = {r["article_id"]: r for r in io.read_jsonl(sentences_path)}
    all_mentions: list[dict] = []
    all_rejects: list[dict] = []
    n_cached = 0
    with progress_bar(total=len(articles), desc="extract", enabled=show_progress) as bar:
        for mentions, rejects, cached in run(articles, sents, load_resources, cache_dir, bar):
            all_mentions.extend(mentions)
            all_rejects.extend(rejects)
            n_cached += cached
    io.write_jsonl(output_path, all_mentions)
    io.write_jsonl(rejects_path, all_rejects)
    stats = {"articles": len(articles), "extracted": len(articles) - n_cached, "cached": n_cached,
             "mentions": len(all_mentions), "rejects": len(all_rejects)}
    log.info("extract: %(articles)d articles (%(extracted)d extracted, %(cached)d from cache), "
             "%(mentions)d mentions", stats)
    return stats
