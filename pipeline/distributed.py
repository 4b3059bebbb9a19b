"""Parallel and distributed execution of the per-article stages (sentences, extract).

Two back ends, one code path:

* **local process pool** — :func:`sentences_local` / :func:`extract_local`
  (``concurrent.futures.ProcessPoolExecutor``, ``workers`` processes, spawn start method);
  ``workers <= 1`` runs in-process with the same streaming code.
* **Dask** — :func:`sentences_main` / :func:`extract_main` on a ``LocalCluster``
  (``n_workers`` processes × 1 thread) or on a running cluster (``scheduler="tcp://…"``).

How it works (both back ends):

* The parent *streams*: it reads ``articles.jsonl`` (and ``sentences.jsonl``, in the same order)
  line by line, cuts it into chunks of ``chunk_size`` articles, keeps at most ``window``
  chunks in flight, and writes each result to the output JSONL (atomically: temp file + rename)
  as soon as it is next in input order. Memory is bounded by the window, not the corpus.
* Workers compute with the *same functions* as the sequential stages —
  :func:`pipeline.sentences.sentence_records` and :func:`pipeline.extract.stage.extract_one`
  (which calls ``extract_article`` then ``finalize``) — so outputs are byte-identical to the
  local sequential executor, whatever the number of workers or the chunk size.
* Resources (spaCy pipelines, lexicons, gazetteer, the lingua detector) are loaded once per
  worker process: by the pool initializer locally, lazily by the first task on a Dask worker
  (module-level cache guarded by a lock).
* The extract cache (``INTERIM_DIR/extract_cache``, see ``pipeline.extract.stage``) is read and
  written by the *parent* only, so Dask workers on other machines need no shared file system;
  cached articles are never sent to a worker.
"""

from __future__ import annotations

import collections
import contextlib
import logging
import os
import threading
import time
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from . import io
from .progress import track
from .config import Paths

log = logging.getLogger(__name__)

#: Articles per task. Small enough to balance 2 workers on a few hundred articles, large enough
#: that task overhead (pickling, scheduling: ~1 ms locally, a few ms on Dask) is negligible.
CHUNK_SIZE = 25
#: Chunks in flight per worker (bounds parent memory; keeps workers busy while the parent writes).
WINDOW_PER_WORKER = 4
#: Below this many articles the local executor runs in-process: starting worker processes and
#: loading their resources (~3-5 s) costs more than it saves.
MIN_PARALLEL_ARTICLES = 150

# --------------------------------------------------------------------------- worker side

_WORKER_LOCK = threading.Lock()
_WORKER_STATE: dict[str, Any] = {}


def _limit_threads() -> None:
    """One compute thread per worker process: the pool provides the parallelism (lingua's
    rayon pool and BLAS would otherwise oversubscribe the cores)."""
    for var in ("RAYON_NUM_THREADS", "OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")


def worker_resources():
    """The extract resources of this process (built once, thread-safe)."""
    res = _WORKER_STATE.get("resources")
    if res is None:
        with _WORKER_LOCK:
            res = _WORKER_STATE.get("resources")
            if res is None:
                from .extract import load_resources

                res = load_resources()
                _WORKER_STATE["resources"] = res
    return res


def init_worker(kind: str = "extract") -> None:
    """Process-pool initializer: limit threads, load what ``kind`` needs once."""
    _limit_threads()
    logging.basicConfig(level=logging.WARNING)
    if kind == "extract":
        worker_resources()
    elif kind == "sentences":
        from . import sentences

        sentences.language_detector()


def sentences_chunk(articles: list[dict]) -> list[dict]:
    """Sentence records of a chunk of articles (runs on a worker)."""
    _limit_threads()
    from . import sentences

    return [sentences.sentence_records(a) for a in articles]


def extract_chunk(items: list[tuple[dict, dict]]) -> list[tuple[list[dict], list[dict]]]:
    """``(mentions, rejects)`` per ``(article, sentence_record)`` (runs on a worker)."""
    _limit_threads()
    from .extract import stage

    res = worker_resources()
    return [stage.extract_one(art, srec, res) for art, srec in items]


def worker_info() -> dict:
    """What a worker would compute with (compared with the client's before a Dask run)."""
    import sys

    from .extract import stage

    fresh = getattr(stage.code_version, "__wrapped__", stage.code_version)  # bypass lru_cache
    return {"code_version": fresh(), "python": sys.version.split()[0]}


# --------------------------------------------------------------------------- ordered map

class _Done:
    """A finished "future" (in-process execution, or a chunk served from the cache)."""

    __slots__ = ("value",)

    def __init__(self, value):
        self.value = value

    def result(self):
        return self.value


def ordered_map(submit: Callable, fn: Callable, chunks: Iterable, window: int) -> Iterator:
    """``fn(chunk)`` for each chunk, results in input order, at most ``window`` in flight.

    ``submit(fn, chunk)`` returns an object with ``.result()`` (a concurrent.futures or a
    distributed future). ``chunks`` may yield ``_Done`` objects, which pass through unchanged.
    """
    pending: collections.deque = collections.deque()
    for chunk in chunks:
        pending.append(chunk if isinstance(chunk, _Done) else submit(fn, chunk))
        while len(pending) >= window:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def _chunked(it: Iterable, size: int) -> Iterator[list]:
    buf: list = []
    for x in it:
        buf.append(x)
        if len(buf) >= size:
            yield buf
            buf = []
    if buf:
        yield buf


def _count_lines(path: Path) -> int:
    with open(path, "rb") as fh:
        return sum(1 for line in fh if line.strip())


# --------------------------------------------------------------------------- executors

@contextlib.contextmanager
def local_executor(workers: int, kind: str):
    """``(submit, n_workers)`` for a process pool of ``workers`` processes (in-process if ≤ 1)."""
    if workers <= 1:
        yield (lambda fn, chunk: _Done(fn(chunk))), 1
        return
    import concurrent.futures as cf
    import multiprocessing

    # spawn, not fork: the parent may hold threads (lingua, tqdm) and large heaps.
    ctx = multiprocessing.get_context("spawn")
    with cf.ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=init_worker,
                                initargs=(kind,)) as pool:
        yield pool.submit, workers


@contextlib.contextmanager
def dask_client(scheduler: str | None = None, n_workers: int = 2):
    """A ``distributed.Client``: on ``scheduler`` if given, else on a new LocalCluster of
    ``n_workers`` processes with one thread each (closed on exit)."""
    from distributed import Client, LocalCluster

    if scheduler:
        with Client(scheduler) as client:
            yield client
        return
    saved = dict(os.environ)
    _limit_threads()  # inherited by the worker processes spawned now
    try:
        cluster = LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=True,
                               dashboard_address=None)
    finally:
        os.environ.clear()
        os.environ.update(saved)
    with cluster, Client(cluster) as client:
        yield client


@contextlib.contextmanager
def dask_executor(scheduler: str | None, n_workers: int, check_code: bool = True):
    with dask_client(scheduler, n_workers) as client:
        if check_code:
            _check_workers(client)
        n = max(1, len(client.scheduler_info().get("workers", {})) or n_workers)
        yield (lambda fn, chunk: client.submit(fn, chunk, pure=False)), n


def _check_workers(client) -> None:
    """Refuse to run when a worker has different extraction code (outputs would differ)."""
    mine = worker_info()
    infos = client.run(worker_info)
    bad = {addr: info for addr, info in infos.items() if info["code_version"] != mine["code_version"]}
    if bad:
        raise RuntimeError(
            f"Dask workers run different extraction code than this client "
            f"(client {mine['code_version']}, workers {bad}); install the same project version on "
            f"every worker")
    if not infos:
        log.warning("the Dask cluster has no workers yet; tasks will wait for one")


# --------------------------------------------------------------------------- sentences

def sentences_stream(articles: Iterable[dict], submit, workers: int,
                     chunk_size: int = CHUNK_SIZE) -> Iterator[dict]:
    """Sentence records, in input order."""
    window = max(2, workers * WINDOW_PER_WORKER)
    for records in ordered_map(submit, sentences_chunk, _chunked(articles, chunk_size), window):
        yield from records


def _local_workers(workers: int, path: Path, min_articles: int) -> int:
    if workers > 1 and min_articles > 0 and _count_lines(path) < min_articles:
        return 1
    return workers


def _write_sentences(paths: Paths, executor_cm, chunk_size: int) -> dict:
    t0 = time.perf_counter()
    n_articles = n_sentences = 0
    with executor_cm as (submit, workers), io.atomic_path(paths.interim("sentences")) as tmp, \
            open(tmp, "w", encoding="utf-8", newline="\n") as fh:
        for rec in track(sentences_stream(io.read_jsonl(paths.interim("articles")), submit, workers,
                                          chunk_size), "sentences"):
            fh.write(io.dumps(rec))
            fh.write("\n")
            n_articles += 1
            n_sentences += len(rec["sentences"])
    log.info("sentences: %d articles, %d sentences (%d workers, %.1f s)", n_articles, n_sentences,
             workers, time.perf_counter() - t0)
    return {"articles": n_articles}


def sentences_local(paths: Paths, workers: int = 2, chunk_size: int = CHUNK_SIZE,
                    min_parallel: int = MIN_PARALLEL_ARTICLES) -> dict:
    """The sentences stage on a local process pool of ``workers`` processes (in-process when
    ``workers <= 1`` or fewer than ``min_parallel`` articles); writes ``sentences.jsonl``
    byte-identical to ``pipeline.sentences.main``. Returns ``{"articles": n}``."""
    workers = _local_workers(workers, paths.interim("articles"), min_parallel)
    return _write_sentences(paths, local_executor(workers, "sentences"), chunk_size)


def sentences_main(paths: Paths, scheduler: str | None = None, n_workers: int = 2,
                   chunk_size: int = CHUNK_SIZE) -> dict:
    """The sentences stage on Dask; writes ``sentences.jsonl``."""
    return _write_sentences(paths, dask_executor(scheduler, n_workers, check_code=False), chunk_size)


# --------------------------------------------------------------------------- extract

def paired_records(articles_path: Path, sentences_path: Path) -> Iterator[tuple[dict, dict]]:
    """``(article, sentence_record)`` in article order. Streams both files when they are in
    the same order (as the sentences stage writes them); otherwise indexes the sentences."""
    arts = io.read_jsonl(articles_path)
    sents = io.read_jsonl(sentences_path)
    index: dict[str, dict] | None = None
    for art in arts:
        aid = art["article_id"]
        if index is None:
            srec = next(sents, None)
            if srec is not None and srec["article_id"] == aid:
                yield art, srec
                continue
            log.warning("sentences.jsonl is not in article order: indexing it in memory")
            index = {r["article_id"]: r for r in io.read_jsonl(sentences_path)}
        if aid not in index:
            raise KeyError(f"no sentence record for article {aid} ({art.get('source_file')})")
        yield art, index[aid]


def _cache_path(cache_dir: Path, article: dict) -> Path:
    # Same layout as pipeline.extract.stage.run (one file per article, sharded by key prefix).
    from .extract import stage

    return stage.cache_path(cache_dir, article)


def _extract_jobs(pairs: Iterable[tuple[dict, dict]], cache_dir: Path | None, chunk_size: int):
    """Chunks of work for ``ordered_map``: each job carries its cache hits; uncached articles
    go to a worker. Yields ``(plan, job)`` where plan lists, per article, ``("hit", result)``
    or ``("new", (cache_path, article))``; an entry that fails its checks is recomputed."""
    from .extract import stage

    for chunk in _chunked(pairs, chunk_size):
        plan: list[tuple[str, Any]] = []
        todo: list[tuple[dict, dict]] = []
        for art, srec in chunk:
            cpath = _cache_path(cache_dir, art) if cache_dir is not None else None
            cached = stage.read_cache(cpath, art) if cpath is not None else None
            if cached is not None:
                plan.append(("hit", cached))
            else:
                plan.append(("new", (cpath, art)))
                todo.append((art, srec))
        yield plan, (todo if todo else _Done([]))


def extract_stream(pairs: Iterable[tuple[dict, dict]], submit, workers: int,
                   cache_dir: Path | None = None, chunk_size: int = CHUNK_SIZE,
                   progress=None) -> Iterator[tuple[list[dict], list[dict], bool]]:
    """``(mentions, rejects, from_cache)`` per article, in input order (like
    ``pipeline.extract.stage.run``), computed on ``submit``'s workers."""
    from .extract import stage

    window = max(2, workers * WINDOW_PER_WORKER)
    plans: collections.deque = collections.deque()

    def jobs():
        for plan, job in _extract_jobs(pairs, cache_dir, chunk_size):
            plans.append(plan)
            yield job

    for results in ordered_map(submit, extract_chunk, jobs(), window):
        plan = plans.popleft()
        it = iter(results)
        for kind, value in plan:
            if kind == "hit":
                yield value[0], value[1], True
            else:
                mentions, rejects = next(it)
                cpath, art = value
                if cpath is not None:
                    stage.write_cache(cpath, art, mentions, rejects)
                yield mentions, rejects, False
            if progress is not None:
                progress.update(1)


def _write_extract(paths: Paths, executor_cm, chunk_size: int, use_cache: bool = True,
                   show_progress: bool | None = None) -> dict:
    from .progress import progress_bar

    t0 = time.perf_counter()
    cache_dir = Path(paths.interim_dir) / "extract_cache" if use_cache else None
    n_articles = n_cached = n_mentions = n_rejects = 0
    total = _count_lines(paths.interim("articles"))
    with executor_cm as (submit, workers), \
            io.atomic_path(paths.interim("mentions")) as tmp_m, \
            io.atomic_path(paths.interim("extract_rejects")) as tmp_r, \
            open(tmp_m, "w", encoding="utf-8", newline="\n") as fm, \
            open(tmp_r, "w", encoding="utf-8", newline="\n") as fr, \
            progress_bar(total=total, desc="extract", enabled=show_progress) as bar:
        pairs = paired_records(paths.interim("articles"), paths.interim("sentences"))
        for mentions, rejects, cached in extract_stream(pairs, submit, workers, cache_dir,
                                                         chunk_size, bar):
            for m in mentions:
                fm.write(io.dumps(m))
                fm.write("\n")
            for r in rejects:
                fr.write(io.dumps(r))
                fr.write("\n")
            n_articles += 1
            n_cached += cached
            n_mentions += len(mentions)
            n_rejects += len(rejects)
    stats = {"articles": n_articles, "extracted": n_articles - n_cached, "cached": n_cached,
             "mentions": n_mentions, "rejects": n_rejects}
    log.info("extract: %(articles)d articles (%(extracted)d extracted, %(cached)d from cache), "
             "%(mentions)d mentions", stats)
    log.info("extract: %d workers, %.1f s", workers, time.perf_counter() - t0)
    return stats


def extract_local(paths: Paths, workers: int = 2, chunk_size: int = CHUNK_SIZE,
                  use_cache: bool = True, min_parallel: int = MIN_PARALLEL_ARTICLES) -> dict:
    """The extract stage on a local process pool of ``workers`` processes (in-process when
    ``workers <= 1`` or fewer than ``min_parallel`` articles); writes ``mentions.jsonl`` and
    ``extract_rejects.jsonl`` byte-identical to ``pipeline.extract.stage.main``. Returns the
    same stats dict."""
    workers = _local_workers(workers, paths.interim("articles"), min_parallel)
    return _write_extract(paths, local_executor(workers, "extract"), chunk_size, use_cache)


#: Name used in the issue.
extract_local_parallel = extract_local


def extract_main(paths: Paths, scheduler: str | None = None, n_workers: int = 2,
                 chunk_size: int = CHUNK_SIZE, use_cache: bool = True) -> dict:
    """The extract stage on Dask (``scheduler`` address, or a LocalCluster of ``n_workers``);
    same outputs and stats as the local executor."""
    return _write_extract(paths, dask_executor(scheduler, n_workers), chunk_size, use_cache)


def default_workers() -> int:
    """Worker processes for the local executor: ``AIRWAR_WORKERS`` or the CPU count."""
    env = os.environ.get("AIRWAR_WORKERS")
    if env:
        return max(1, int(env))
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)
