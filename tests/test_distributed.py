"""Parallel (process pool) and Dask execution of the per-article stages give byte-identical
outputs to the sequential local stage. Kept small (24 synthetic articles) so the module runs
(speed is measured by `make bench`, not here)."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from pipeline import distributed, io, run, synth
from pipeline.config import Paths

N_ARTICLES = 24


def _paths(root: Path, raw: Path, name: str) -> Paths:
    p = Paths(raw, root / name / "interim", root / name / "processed")
    Path(p.interim_dir).mkdir(parents=True, exist_ok=True)
    return p


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    """Ingest + sentences + sequential extract of a small synthetic corpus."""
    root = tmp_path_factory.mktemp("dist")
    raw = root / "raw"
    synth.write_raw(raw, N_ARTICLES, seed=5)
    ref = _paths(root, raw, "ref")
    run.stage_ingest(ref)
    run.stage_sentences(ref)
    stats = run.stage_extract(ref)  # the local sequential executor
    assert stats["articles"] == N_ARTICLES
    return root, raw, ref, stats


def _copy_inputs(ref: Paths, dst: Paths, sentences: bool = True) -> None:
    shutil.copy(ref.interim("articles"), dst.interim("articles"))
    if sentences:
        shutil.copy(ref.interim("sentences"), dst.interim("sentences"))


def _same(a: Path, b: Path) -> bool:
    return a.read_bytes() == b.read_bytes()


def test_reference_has_mentions(reference):
    _, _, ref, stats = reference
    assert stats["mentions"] > 0, "the synthetic corpus should give some mentions"


def test_sentences_process_pool_identical(reference):
    root, raw, ref, _ = reference
    par = _paths(root, raw, "sent_pool")
    _copy_inputs(ref, par, sentences=False)
    stats = distributed.sentences_local(par, workers=2, chunk_size=5, min_parallel=0)
    assert stats == {"articles": N_ARTICLES}
    assert _same(ref.interim("sentences"), par.interim("sentences"))


def test_extract_process_pool_identical_and_cached(reference):
    root, raw, ref, ref_stats = reference
    par = _paths(root, raw, "pool")
    _copy_inputs(ref, par)
    stats = distributed.extract_local(par, workers=2, chunk_size=5, min_parallel=0)
    assert stats == ref_stats
    assert _same(ref.interim("mentions"), par.interim("mentions"))
    assert _same(ref.interim("extract_rejects"), par.interim("extract_rejects"))
    # second run: everything from the cache, same bytes, nothing sent to workers
    again = distributed.extract_local(par, workers=2, chunk_size=5, min_parallel=0)
    assert again["cached"] == N_ARTICLES and again["extracted"] == 0
    assert _same(ref.interim("mentions"), par.interim("mentions"))


def test_extract_in_process_identical(reference):
    root, raw, ref, ref_stats = reference
    seq = _paths(root, raw, "inproc")
    _copy_inputs(ref, seq)
    assert distributed.extract_local(seq, workers=1, use_cache=False) == ref_stats
    assert _same(ref.interim("mentions"), seq.interim("mentions"))


def test_extract_dask_local_cluster_identical(reference):
    pytest.importorskip("distributed")
    root, raw, ref, ref_stats = reference
    dk = _paths(root, raw, "dask")
    _copy_inputs(ref, dk)
    stats = distributed.extract_main(dk, scheduler=None, n_workers=2, chunk_size=4)
    assert stats == ref_stats
    assert _same(ref.interim("mentions"), dk.interim("mentions"))
    assert _same(ref.interim("extract_rejects"), dk.interim("extract_rejects"))


def test_ordered_map_keeps_input_order_with_bounded_window():
    import concurrent.futures as cf

    in_flight = []

    with cf.ThreadPoolExecutor(max_workers=4) as pool:
        def submit(fn, chunk):
            in_flight.append(sum(1 for f in submitted if not f.done()) + 1)
            f = pool.submit(fn, chunk)
            submitted.append(f)
            return f

        submitted: list = []

        def slow_reverse(chunk):  # later chunks finish first
            time.sleep(0.02 * (10 - chunk[0]) / 10)
            return [x * 2 for x in chunk]

        chunks = [[i, i] for i in range(10)]
        got = list(distributed.ordered_map(submit, slow_reverse, iter(chunks), window=3))
    assert got == [[2 * i, 2 * i] for i in range(10)]
    assert max(in_flight) <= 3


def test_paired_records_out_of_order(tmp_path):
    arts = [{"article_id": f"a{i}", "text": "x"} for i in range(5)]
    sents = [{"article_id": f"a{i}", "language": "en", "sentences": []} for i in (0, 1, 3, 2, 4)]
    io.write_jsonl(tmp_path / "a.jsonl", arts)
    io.write_jsonl(tmp_path / "s.jsonl", sents)
    pairs = list(distributed.paired_records(tmp_path / "a.jsonl", tmp_path / "s.jsonl"))
    assert [(a["article_id"], s["article_id"]) for a, s in pairs] == [(f"a{i}", f"a{i}") for i in range(5)]
