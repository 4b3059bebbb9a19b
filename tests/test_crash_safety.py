"""Crash and fault behaviour (issue 12 point 6, issue 15): a run killed with SIGKILL during
extraction, validation or the swap leaves the previous publication byte-identical and valid
(or, killed after the atomic exchange, the complete new one); the next run succeeds with no
manual cleanup (no stale lock, staging folder, temp file or cache entry); a corrupted extract
cache entry is recomputed, never published; two publishers of one PROCESSED_DIR are refused."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from pipeline import cli, distributed, publish, run, validate
from pipeline.config import Paths
from pipeline.extract import stage

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = {
    "a.txt": "Russia launched 45 drones at Ukraine overnight, and air defences shot down 38 of them, "
             "the Ukrainian Air Force said on Tuesday.",
    "b.txt": "The Russian Defence Ministry said air defence systems destroyed 17 Ukrainian drones over "
             "the Belgorod region overnight.",
}
LATER = ("c.txt", "Ukraine's air force said it intercepted 9 of 12 missiles launched by Russia overnight.")

# A run of the CLI in a child process, with one function replaced by "write the marker, then hang":
# the test kills it with SIGKILL at that point.
CHILD = textwrap.dedent("""
    import os, sys, time, pathlib
    from pipeline import cli, publish, validate
    from pipeline.extract import stage
    marker, point = pathlib.Path(sys.argv[1]), sys.argv[2]

    def hang():
        marker.write_text(str(os.getpid()))
        time.sleep(600)

    if point == "extract":
        stage.extract_one = lambda *a, **k: hang()
    elif point == "validate":
        validate.validate_dir = lambda *a, **k: hang()
    elif point == "exchanged":            # killed right after the atomic exchange
        real = publish._exchange
        publish._exchange = lambda a, b: (real(a, b), hang())
    elif point == "between_renames":      # no RENAME_EXCHANGE: killed between the two renames
        publish._exchange = lambda a, b: False
        real_rename = os.rename
        def rename(src, dst):
            real_rename(src, dst)
            if ".old-" in str(dst):
                hang()
        os.rename = rename
    sys.exit(cli.main(["-q"] + sys.argv[3:]))
""")


def _write_raw(raw: Path, items: dict) -> None:
    raw.mkdir(exist_ok=True)
    for name, text in items.items():
        (raw / name).write_text(text, encoding="utf-8")
        (raw / name.replace(".txt", ".meta.json")).write_text(
            json.dumps({"published": "2025-05-06", "outlet": "Test Wire"}), encoding="utf-8")


def _tree(d: Path) -> dict[str, bytes]:
    return {p.relative_to(d).as_posix(): p.read_bytes() for p in sorted(d.rglob("*")) if p.is_file()}


def _csvs(d: Path) -> dict[str, bytes]:
    return {k: v for k, v in _tree(d).items() if k.endswith(".csv")}


def _dirs(paths: Paths) -> list[str]:
    return ["--raw-dir", str(paths.raw_dir), "--interim-dir", str(paths.interim_dir),
            "--processed-dir", str(paths.processed_dir)]


def _kill_at(paths: Paths, point: str, tmp: Path, command: str = "run") -> None:
    """Run ``python -m pipeline COMMAND`` in a child and SIGKILL it at ``point``."""
    marker = tmp / f"{point}.marker"
    env = {**os.environ, "AIRWAR_WORKERS": "1", "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-c", CHILD, str(marker), point, *command.split(),
                             *_dirs(paths)],
                            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 240
    while not marker.exists():
        if proc.poll() is not None:
            raise AssertionError(f"child ended before {point}: {proc.stderr.read().decode()[-2000:]}")
        if time.monotonic() > deadline:
            proc.kill()
            raise AssertionError(f"child never reached {point}")
        time.sleep(0.1)
    proc.kill()                      # SIGKILL: no cleanup handler runs
    proc.wait(timeout=30)
    proc.stderr.close()


def _leftovers(paths: Paths) -> list[str]:
    parent = Path(paths.processed_dir).parent
    name = Path(paths.processed_dir).name
    out = [p.name for p in parent.iterdir() if p.name.startswith(f".{name}.")]
    out += [str(p) for p in Path(paths.interim_dir).rglob("*.tmp")]
    return out


def test_kill_during_each_step_keeps_a_valid_publication_and_the_next_run_succeeds(tmp_path):
    raw = tmp_path / "raw"
    _write_raw(raw, ARTICLES)
    paths = Paths(raw, tmp_path / "interim", tmp_path / "processed")
    processed = Path(paths.processed_dir)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("AIRWAR_WORKERS", "1")
        run.run_all(paths)
    first = _tree(processed)
    _write_raw(raw, dict([LATER]))               # new input: the next runs have work to do

    _kill_at(paths, "extract", tmp_path)
    assert _tree(processed) == first                     # byte for byte
    assert validate.validate_dir(processed).success
    assert list(Path(paths.interim_dir).rglob("*.tmp")), "no temp file left to clean"
    # the next run needs no cleanup: the lock is free, the temp files go (stages as make runs
    # them, in this process; the publish stage is killed below)
    with pytest.MonkeyPatch.context() as mp, run.interim_session(paths):
        mp.setenv("AIRWAR_WORKERS", "1")
        for name in run.STAGES[:-1]:
            run.run_stage(paths, name)
    assert not list(Path(paths.interim_dir).rglob("*.tmp"))

    _kill_at(paths, "validate", tmp_path, "stage publish")
    assert _tree(processed) == first
    assert validate.validate_dir(processed).success

    _kill_at(paths, "exchanged", tmp_path, "stage publish")
    second = _tree(processed)                            # the complete new publication
    assert second != first and "run_manifest.json" in second
    assert validate.validate_dir(processed, raw_inputs=run.raw_inputs(raw)).success
    manifest = json.loads(second["run_manifest.json"])
    assert manifest["validation"] == "passed" and manifest["raw_dir"] == "raw"

    _kill_at(paths, "between_renames", tmp_path, "stage publish")
    assert not processed.exists()                        # the one window without RENAME_EXCHANGE

    with pytest.MonkeyPatch.context() as mp:             # the next run: no manual cleanup
        mp.setenv("AIRWAR_WORKERS", "1")
        assert cli.main(["-q", "run", *_dirs(paths)]) == 0
    assert _leftovers(paths) == []
    assert _csvs(processed) == {k: v for k, v in second.items() if k.endswith(".csv")}
    assert validate.validate_dir(processed, raw_inputs=run.raw_inputs(raw)).success


def test_recover_restores_the_previous_publication_after_a_kill_between_renames(tmp_path):
    processed = tmp_path / "processed"
    processed.mkdir()
    (processed / "claims.csv").write_text("claim_id\nc-old\n", encoding="utf-8")
    before = _tree(processed)
    os.rename(processed, tmp_path / ".processed.old-424242")
    publish.recover(processed)
    assert _tree(processed) == before and not (tmp_path / ".processed.old-424242").exists()


# --------------------------------------------------------------------------- extract cache

@pytest.fixture()
def extracted(tmp_path):
    raw = tmp_path / "raw"
    _write_raw(raw, ARTICLES)
    paths = Paths(raw, tmp_path / "interim", tmp_path / "processed")
    run.stage_ingest(paths)
    distributed.sentences_local(paths, workers=1)
    stats = distributed.extract_local(paths, workers=1)
    assert stats["extracted"] == 2
    entries = sorted((Path(paths.interim_dir) / "extract_cache").rglob("*.json"))
    assert len(entries) == 2
    return paths, entries, paths.interim("mentions").read_bytes()


def test_truncated_cache_entry_is_recomputed(extracted):
    paths, entries, mentions = extracted
    data = entries[0].read_bytes()
    entries[0].write_bytes(data[: len(data) // 2])          # a write cut short
    stats = distributed.extract_local(paths, workers=1)
    assert (stats["cached"], stats["extracted"]) == (1, 1)
    assert paths.interim("mentions").read_bytes() == mentions
    assert entries[0].read_bytes() == data                   # rewritten whole


def test_edited_cache_entry_is_recomputed_not_published(extracted):
    paths, entries, mentions = extracted
    for path in entries:
        entry = json.loads(path.read_text(encoding="utf-8"))
        for m in entry["mentions"]:
            if m.get("intercepted") is not None:
                m["intercepted"] += 1000                     # valid JSON, wrong count
        path.write_text(json.dumps(entry), encoding="utf-8")
    stats = distributed.extract_local(paths, workers=1)
    assert stats["extracted"] == 2
    assert paths.interim("mentions").read_bytes() == mentions
    # the sequential path checks the same way
    art = next(iter(run.io.read_jsonl(paths.interim("articles"))))
    entry = json.loads(entries[0].read_text(encoding="utf-8"))
    entry["checksum"] = "0" * 64
    entries[0].write_text(json.dumps(entry), encoding="utf-8")
    assert stage.read_cache(stage.cache_path(entries[0].parent.parent, art), art) is None or \
        stage.cache_path(entries[0].parent.parent, art) != entries[0]


# --------------------------------------------------------------------------- two publishers

HOLDER = textwrap.dedent("""
    import sys, time, pathlib
    from pipeline import publish
    processed = pathlib.Path(sys.argv[1])
    with publish.processed_guard(processed):
        st = publish.staging_dir(processed)
        (st / "claims.csv").write_text("claim_id\\n", encoding="utf-8")
        print(st, flush=True)
        time.sleep(600)
""")


def test_second_publisher_of_one_processed_dir_is_refused_and_spares_the_first(tmp_path):
    raw = tmp_path / "raw"
    _write_raw(raw, ARTICLES)
    processed = tmp_path / "processed"
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(processed)], cwd=ROOT,
                            env={**os.environ, "PYTHONPATH": str(ROOT)}, stdout=subprocess.PIPE,
                            text=True)
    try:
        staging = Path(proc.stdout.readline().strip())
        assert staging.is_dir()
        other = Paths(raw, tmp_path / "other_interim", processed)      # another INTERIM_DIR
        with pytest.raises(publish.LockHeld, match=f"another run publishes into .*pid {proc.pid}"):
            run.run_all(other)
        assert cli.main(["-q", "stage", "publish", *_dirs(other)]) == cli.EXIT_LOCKED
        assert staging.is_dir() and (staging / "claims.csv").exists()   # not deleted
        assert not list(tmp_path.glob(".processed.publish.lock*"))       # no lock file under data/
    finally:
        proc.kill()
        proc.wait(timeout=30)
    # the guard died with its holder: the next run publishes and cleans the abandoned staging
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("AIRWAR_WORKERS", "1")
        run.run_all(Paths(raw, tmp_path / "other_interim", processed))
    assert not staging.exists() and (processed / "claims.csv").exists()


def test_manifest_is_in_the_staging_folder_before_the_swap(tmp_path, monkeypatch):
    raw = tmp_path / "raw"
    _write_raw(raw, ARTICLES)
    paths = Paths(raw, tmp_path / "interim", tmp_path / "processed")
    seen = {}
    real = publish.publish

    def spy(staging, processed, report):
        seen["manifest"] = json.loads((Path(staging) / "run_manifest.json").read_text(encoding="utf-8"))
        return real(staging, processed, report)

    monkeypatch.setattr(publish, "publish", spy)
    monkeypatch.setenv("AIRWAR_WORKERS", "1")
    manifest = run.run_all(paths)
    assert seen["manifest"]["validation"] == "passed"
    assert manifest["run_id"] == seen["manifest"]["run_id"]
    assert manifest["raw_dir"] == "raw" and not any(k.startswith("/") for k in manifest["inputs"])
    assert str(tmp_path) not in json.dumps(manifest)


def test_stale_temp_files_of_killed_runs_are_removed(tmp_path):
    interim = tmp_path / "interim"
    (interim / "extract_cache" / "ab").mkdir(parents=True)
    stale = [interim / ".mentions.jsonl.x1y2.tmp", interim / "raw-manifest.txt.tmp",
             interim / "extract_cache" / "ab" / ".abcd.json.q9.tmp"]
    for p in stale:
        p.write_text("partial", encoding="utf-8")
    keep = interim / "mentions.jsonl"
    keep.write_text("{}\n", encoding="utf-8")
    with run.interim_session(Paths(tmp_path / "raw", interim, tmp_path / "processed")):
        pass
    assert not any(p.exists() for p in stale) and keep.exists()


def test_publish_config_error_exits_2_as_documented(tmp_path, monkeypatch):
    def boom(*a, **k):
        raise publish.PublishConfigError("staging folder is on another filesystem")

    monkeypatch.setattr(run, "run_all", boom)
    (tmp_path / "raw").mkdir()
    code = cli.main(["-q", "run", "--raw-dir", str(tmp_path / "raw"), "--interim-dir",
                     str(tmp_path / "i"), "--processed-dir", str(tmp_path / "p")])
    assert code == publish.EXIT_USAGE == 2
