"""Orchestration: each stage as a function of :class:`config.Paths` (what the Makefile's
targets and ``python -m pipeline run`` call), plus ``run_all``.

Stage outputs live in ``INTERIM_DIR`` (see ``config.INTERIM_FILES``); only ``publish``
writes to ``PROCESSED_DIR``, and only after validation passed.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import logging
import os
import subprocess
import time
import uuid
from pathlib import Path

from . import config, io, schema
from .config import Paths

log = logging.getLogger(__name__)

STAGES = ("ingest", "sentences", "extract", "geocode", "reconcile", "publish")


def stage_ingest(paths: Paths) -> dict:
    from . import ingest

    n_articles, n_rejects = ingest.main(paths.raw_dir, paths.interim("articles"),
                                        paths.interim("ingest_rejects"))
    return {"articles": n_articles, "rejects": n_rejects}


def stage_sentences(paths: Paths, executor: str = "local", scheduler: str | None = None) -> dict:
    """Per-article: split and detect languages, streamed in chunks over worker processes
    (``AIRWAR_WORKERS``, default the CPU count) or a Dask cluster; output order is input order."""
    from . import distributed

    if executor == "dask":
        return distributed.sentences_main(paths, scheduler=scheduler)
    return distributed.sentences_local(paths, workers=distributed.default_workers())


def stage_extract(paths: Paths, executor: str = "local", scheduler: str | None = None) -> dict:
    """Per-article extraction with the content-hash cache in INTERIM_DIR/extract_cache."""
    from . import distributed

    if executor == "dask":
        return distributed.extract_main(paths, scheduler=scheduler)
    return distributed.extract_local(paths, workers=distributed.default_workers())


def stage_geocode(paths: Paths) -> dict:
    from .geocode import default_gazetteer
    from .geocode.stage import geocode_mentions

    mentions = list(io.read_jsonl(paths.interim("mentions")))
    geocoded, locations, rejects = geocode_mentions(mentions, default_gazetteer())
    io.write_jsonl(paths.interim("geocoded"), geocoded)
    io.write_jsonl(paths.interim("locations"), locations)
    io.write_jsonl(paths.interim("geocode_rejects"), rejects)
    log.info("geocode: %d mentions, %d locations, %d unresolved", len(geocoded), len(locations),
             len(rejects))
    return {"mentions": len(geocoded), "locations": len(locations), "rejects": len(rejects)}


def _previous_incidents(processed_dir: Path) -> dict[str, str] | None:
    """claim_id → incident_id of the current publication (for incident merge records)."""
    path = Path(processed_dir) / "claims.csv"
    if not path.exists():
        return None
    import pandas as pd

    try:
        df = pd.read_csv(path, dtype=str, keep_default_na=False, usecols=["claim_id", "incident_id"])
    except (ValueError, OSError) as exc:
        log.warning("previous claims.csv unreadable (%s): no merge history", exc)
        return None
    return dict(zip(df["claim_id"], df["incident_id"]))


def stage_reconcile(paths: Paths) -> dict:
    from .reconcile import reconcile

    mentions = list(io.read_jsonl(paths.interim("geocoded")))
    articles = [{k: v for k, v in a.items() if k != "text"} for a in io.read_jsonl(paths.interim("articles"))]
    log.info("reconcile: linking %d mentions of %d articles", len(mentions), len(articles))
    result = reconcile(mentions, articles, previous=_previous_incidents(paths.processed_dir))
    io.write_json(paths.interim("reconciled"), {
        "mentions": result.mentions, "claims": result.claims,
        "incidents": result.incidents, "merges": result.merges,
        "incident_regions": result.incident_regions})
    stats = {"mentions": len(result.mentions), "claims": len(result.claims),
             "incidents": len(result.incidents), "merges": len(result.merges)}
    log.info("reconcile: %(mentions)d mentions → %(claims)d claims → %(incidents)d incidents", stats)
    return stats


def build_tables(paths: Paths) -> dict[str, list[dict]]:
    """Assemble every published table (as records) from the interim files."""
    rec = io.read_json(paths.interim("reconciled"))
    # per-article sentence counts only (the sentence texts are not needed here)
    sents = {r["article_id"]: (r["language"], len(r["sentences"]),
                               sum(1 for x in r["sentences"] if x.get("candidate")))
             for r in io.read_jsonl(paths.interim("sentences"))}
    n_mentions: dict[str, int] = {}
    for m in rec["mentions"]:
        n_mentions[m["article_id"]] = n_mentions.get(m["article_id"], 0) + 1
    articles = []
    for a in io.read_jsonl(paths.interim("articles")):
        language, n_sentences, n_candidates = sents.get(a["article_id"], ("other", 0, 0))
        articles.append({**{k: v for k, v in a.items() if k != "text"},
                         "language": language, "n_sentences": n_sentences,
                         "n_candidates": n_candidates,
                         "n_mentions": n_mentions.get(a["article_id"], 0),
                         "n_chars": len(a["text"])})
    rejects = []
    for key in ("ingest_rejects", "extract_rejects", "geocode_rejects"):
        p = paths.interim(key)
        if p.exists():
            rejects.extend(io.read_jsonl(p))
    merges = accumulate_merges(_previous_merges(paths.processed_dir), rec["merges"],
                               {i["incident_id"] for i in rec["incidents"]})
    return {"articles": articles, "locations": list(io.read_jsonl(paths.interim("locations"))),
            "incidents": rec["incidents"], "incident_regions": rec.get("incident_regions", []),
            "claims": rec["claims"], "mentions": rec["mentions"],
            "incident_merges": merges, "rejects": rejects}


def _previous_merges(processed_dir: Path) -> list[dict]:
    path = Path(processed_dir) / "incident_merges.csv"
    if not path.exists():
        return []
    import pandas as pd

    try:
        return pd.read_csv(path, dtype=str, keep_default_na=False).to_dict("records")
    except (ValueError, OSError):
        return []


def accumulate_merges(previous: list[dict], current: list[dict], live_ids: set[str]) -> list[dict]:
    """Merge history across publications: earlier merges are kept, re-pointed through later
    ones (a → b, then b → c gives a → c), and kept only while their target still exists."""
    mapping = {m["old_incident_id"]: m["new_incident_id"] for m in previous}
    mapping.update({m["old_incident_id"]: m["new_incident_id"] for m in current})
    out = []
    for old in sorted(mapping):
        new, seen = mapping[old], {old}
        while new in mapping and new not in seen:
            seen.add(new)
            new = mapping[new]
        if new in live_ids and old not in live_ids:
            out.append({"old_incident_id": old, "new_incident_id": new})
    return out


def raw_inputs(raw_dir: Path) -> list[str]:
    """Relative paths of the raw documents that must be accounted for (sidecars excluded)."""
    from .ingest import META_SUFFIX, list_raw_entries

    out = []
    for p in list_raw_entries(raw_dir):
        rel = p.relative_to(raw_dir).as_posix()
        if not rel.endswith(META_SUFFIX):
            out.append(rel)
    return out


def _dedupe_rejects(rows: list[dict]) -> list[dict]:
    seen = set()
    out = []
    for r in rows:
        key = (r.get("source_file"), r.get("stage"), r.get("reason"), r.get("detail"), r.get("record_id"))
        if key not in seen:
            seen.add(key)
            out.append(r)
    return out


def stage_publish(paths: Paths, extra_outputs: bool = True, executor: str = "local") -> dict:
    """Quarantine bad values, write every table to a staging folder, validate, write
    ``run_manifest.json`` into the staging folder, and swap it into PROCESSED_DIR only when
    validation passes. The whole stage holds the publisher guard of PROCESSED_DIR, so no other
    run (whatever its INTERIM_DIR) can remove this staging folder or publish meanwhile."""
    from . import publish

    started = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    with publish.processed_guard(paths.processed_dir):
        return _publish_guarded(paths, extra_outputs, executor, started)


def _publish_guarded(paths: Paths, extra_outputs: bool, executor: str, started: str) -> dict:
    import gc

    from . import outputs, publish, rejects, typed, validate

    from .quarantine import summary

    tables = build_tables(paths)
    tables["acled_export"] = []   # rebuilt by the quarantine from the quarantined claims
    tables, quarantined = validate.quarantine(tables)
    from .incident_views import regions_of  # the quarantine may have changed claims/incidents
    tables["incident_regions"] = regions_of(tables["claims"], (i["incident_id"] for i in tables["incidents"]))
    for r in quarantined:          # a quarantined row's key is the record the reject is about
        if not r.get("record_id") and r.get("key"):
            r["record_id"] = r["key"]
    tables["rejects"] = _dedupe_rejects(rejects.attribute(tables["rejects"] + quarantined, tables))
    per_rule = summary(quarantined)
    log.info("publish: quarantined %d row(s)%s", len(quarantined),
             "".join(f"\n  {t} {r}: {n}" for (t, r), n in per_rule.items()))
    processed = Path(paths.processed_dir)
    publish.recover(processed)          # leftovers of killed runs (we hold the guard)
    staging = publish.staging_dir(processed)
    counts = {}
    for name in schema.TABLES:
        counts[name] = io.write_table(staging / f"{name}.csv", name, tables[name])
        log.info("publish: %s.csv (%d rows)", name, counts[name])
    io.write_text(staging / "datapackage.json", schema.datapackage_json())
    typed.write_all(staging, tables)  # NAME.parquet + airwar.sqlite (raw values, schema types)
    if extra_outputs:
        outputs.write_files(staging, tables)
    # Validation re-reads the written CSVs: free the in-memory records first, so the stage's
    # peak memory is one copy of the tables, not two.
    del tables, quarantined
    gc.collect()
    report = validate.validate_dir(staging, raw_inputs=raw_inputs(paths.raw_dir))
    stats = {"rows": counts, "validation": "passed" if report.success else "failed",
             "quarantined": {f"{t} {r}": n for (t, r), n in per_rule.items()}}
    if report.success:
        # provenance travels with the tables: written before the swap, never after it
        publish.write_manifest(staging / "run_manifest.json", build_run_manifest(
            paths, executor, "passed", {"publish": {**stats, "started": started}}))
    publish.publish(staging, processed, report)
    log.info("publish: %s", ", ".join(f"{k}={v}" for k, v in counts.items()))
    return stats


def code_version() -> str:
    try:
        out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=config.PROJECT_ROOT,
                             capture_output=True, text=True, timeout=5)
        if out.returncode == 0:
            return out.stdout.strip()
    except (OSError, subprocess.SubprocessError):
        pass
    from . import __version__

    return __version__


def input_hashes(raw_dir: Path) -> dict[str, str]:
    from .ingest import list_raw_files

    return {p.relative_to(raw_dir).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in list_raw_files(raw_dir)}


def release_memory() -> None:
    """Hand memory freed by a finished stage back to the OS (glibc keeps freed heap otherwise),
    so stages run one after another in one process (``run``, ``bench``) do not stack peaks."""
    import ctypes
    import gc

    gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc: nothing to do
        pass


def _stats_path(paths: Paths, name: str) -> Path:
    return Path(paths.interim_dir) / "stats" / f"{name}.json"


def run_stage(paths: Paths, name: str, executor: str = "local", scheduler: str | None = None) -> dict:
    """Run one stage, time it and record its counts in ``INTERIM_DIR/stats/NAME.json`` (the
    run manifest is assembled from these, whether the stages ran under make or ``run``)."""
    if name not in STAGES:
        raise ValueError(f"unknown stage {name!r}")
    Path(paths.interim_dir).mkdir(parents=True, exist_ok=True)
    fn = globals()[f"stage_{name}"]
    t0 = time.perf_counter()
    started = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    if name in ("sentences", "extract"):
        stats = fn(paths, executor, scheduler)
    elif name == "publish":
        stats = fn(paths, executor=executor)
    else:
        stats = fn(paths)
    stats = {**stats, "started": started, "seconds": round(time.perf_counter() - t0, 3)}
    release_memory()
    io.write_json(_stats_path(paths, name), stats)
    return stats


def portable_path(path: Path | str) -> str:
    """A folder as the manifest records it: relative to the project when inside it
    (``data/raw``), else its last component only — never an absolute path of the machine."""
    p = Path(os.path.abspath(path))
    root = Path(os.path.abspath(config.PROJECT_ROOT))
    if p == root or root in p.parents:
        return p.relative_to(root).as_posix() or "."
    return p.name


def build_run_manifest(paths: Paths, executor: str = "local", validation: str = "passed",
                       extra_stages: dict | None = None) -> dict:
    stages = {}
    for name in STAGES:
        p = _stats_path(paths, name)
        if p.exists():
            with contextlib.suppress(ValueError, OSError):
                stages[name] = io.read_json(p)
    stages.update(extra_stages or {})
    first = min((s.get("started", "") for s in stages.values()), default="")
    return {
        "run_id": uuid.uuid4().hex, "started": first,
        "finished": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "code_version": code_version(), "executor": executor,
        "raw_dir": portable_path(paths.raw_dir), "inputs": input_hashes(Path(paths.raw_dir)),
        "stages": stages, "validation": validation,
    }


def write_run_manifest(paths: Paths, executor: str = "local", validation: str = "failed") -> dict:
    """The manifest of a run that did not publish, into INTERIM_DIR (a published run's manifest
    is written by the publish stage into the publication itself)."""
    from . import publish

    manifest = build_run_manifest(paths, executor, validation)
    publish.write_manifest(Path(paths.interim_dir) / "run_manifest.json", manifest)
    return manifest


def clean_stale_temp_files(interim_dir: Path | str) -> list[Path]:
    """Delete the ``*.tmp`` files killed runs left in INTERIM_DIR (``io.atomic_path`` temp
    files of stage outputs and cache entries, the Makefile's listing). Call under the run lock:
    then no live process of this INTERIM_DIR is writing one."""
    removed = []
    for dirpath, _dirs, files in os.walk(interim_dir):
        for name in files:
            if name.endswith(".tmp"):
                p = Path(dirpath) / name
                with contextlib.suppress(OSError):
                    p.unlink()
                    removed.append(p)
    if removed:
        log.info("removed %d temp file(s) of interrupted runs", len(removed))
    return removed


@contextlib.contextmanager
def interim_session(paths: Paths, whole_run: bool = False):
    """Hold the run lock of INTERIM_DIR (exit 3 when taken) and clean what killed runs left
    there; with ``whole_run``, also hold the publisher guard of PROCESSED_DIR for the whole
    run, so a second run on the same PROCESSED_DIR is refused at once, whatever its
    INTERIM_DIR."""
    from . import publish

    Path(paths.interim_dir).mkdir(parents=True, exist_ok=True)
    with contextlib.ExitStack() as stack:
        if whole_run:
            stack.enter_context(publish.processed_guard(paths.processed_dir))
        stack.enter_context(publish.run_lock(Path(paths.interim_dir) / ".run.lock"))
        clean_stale_temp_files(paths.interim_dir)
        yield


def run_all(paths: Paths, executor: str = "local", scheduler: str | None = None) -> dict:
    """Every stage in order, under the run lock and the publisher guard; the manifest is
    part of the publication (or written into INTERIM_DIR when validation failed)."""
    from . import publish

    with interim_session(paths, whole_run=True):
        for name in STAGES:
            try:
                run_stage(paths, name, executor, scheduler)
            except publish.ValidationFailed:
                write_run_manifest(paths, executor, validation="failed")
                raise
    return io.read_json(Path(paths.processed_dir) / "run_manifest.json")
