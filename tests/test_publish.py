"""Tests of the atomic publication, the failure report, the run lock and the manifest
(pipeline/publish.py). No great_expectations here: reports are built by hand."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from pipeline import publish, report_validation
from pipeline.validate import ValidationReport

ROOT = Path(__file__).resolve().parents[1]

OK = ValidationReport(success=True, results=[
    {"table": "claims", "expectation": "intercepted <= launched", "success": True,
     "unexpected_count": 0, "unexpected_sample": [], "kind": "row"}])
BAD = ValidationReport(success=False, results=OK.results + [
    {"table": "mentions", "expectation": "foreign key claim_id -> claims.claim_id", "success": False,
     "unexpected_count": 2, "unexpected_sample": ["claim_id=c-<script>", "claim_id=c-2"],
     "kind": "structural"}])


def tree(d: Path) -> dict[str, str]:
    """{relative path: sha256} of every file under d."""
    return {p.relative_to(d).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(d.rglob("*")) if p.is_file()}


def make_publication(processed: Path, text: str) -> None:
    processed.mkdir(parents=True)
    (processed / "claims.csv").write_text(f"claim_id\n{text}\n", encoding="utf-8")
    (processed / "datapackage.json").write_text("{}\n", encoding="utf-8")


def fill(staging: Path, text: str) -> None:
    (staging / "claims.csv").write_text(f"claim_id\n{text}\n", encoding="utf-8")
    (staging / "mentions.csv").write_text("mention_id\n", encoding="utf-8")


def siblings(processed: Path) -> set[str]:
    return {p.name for p in processed.parent.iterdir()}


def test_staging_is_a_hidden_sibling(tmp_path):
    processed = tmp_path / "out" / "processed"
    st = publish.staging_dir(processed)
    assert st.parent == processed.parent and st.is_dir()
    assert st.name == f".processed.staging-{os.getpid()}"


def test_successful_publish_swaps(tmp_path):
    processed = tmp_path / "processed"
    make_publication(processed, "c-old")
    (tmp_path / "processed.failed").mkdir()          # a stale failure report
    st = publish.staging_dir(processed)
    fill(st, "c-new")
    publish.publish(st, processed, OK)
    assert (processed / "claims.csv").read_text(encoding="utf-8") == "claim_id\nc-new\n"
    assert not (processed / "datapackage.json").exists()   # the whole folder was replaced
    assert not st.exists()
    left = {n for n in siblings(processed) if not n.endswith((".lock", ".owner"))}
    assert left == {"processed"}                      # no .old-*, no staging, failed removed


def test_published_files_are_readable(tmp_path):
    processed = tmp_path / "processed"
    st = publish.staging_dir(processed)
    fill(st, "c-1")
    os.chmod(st / "claims.csv", 0o600)               # as written through mkstemp
    old = os.umask(0o022)
    try:
        publish.publish(st, processed, OK)
    finally:
        os.umask(old)
    assert (processed / "claims.csv").stat().st_mode & 0o777 == 0o644
    assert processed.stat().st_mode & 0o777 == 0o755


def test_first_publish(tmp_path):
    processed = tmp_path / "new" / "processed"
    st = publish.staging_dir(processed)
    fill(st, "c-1")
    publish.publish(st, processed, OK)
    assert tree(processed).keys() == {"claims.csv", "mentions.csv"}


def test_failing_publish_leaves_previous_intact(tmp_path):
    processed = tmp_path / "processed"
    make_publication(processed, "c-old")
    before = tree(processed)
    st = publish.staging_dir(processed)
    fill(st, "c-bad")
    with pytest.raises(publish.ValidationFailed) as ei:
        publish.publish(st, processed, BAD)
    assert ei.value.exit_code == publish.EXIT_VALIDATION_FAILED == 1
    assert "1 check(s) failed" in str(ei.value) and "mentions: foreign key" in str(ei.value)
    assert tree(processed) == before                  # byte for byte
    failed = tmp_path / "processed.failed"
    assert ei.value.failed_dir == failed
    assert json.loads((failed / publish.REPORT_JSON).read_text(encoding="utf-8"))["success"] is False
    page = (failed / publish.REPORT_HTML).read_text(encoding="utf-8")
    assert "foreign key claim_id" in page and "&lt;script&gt;" in page and "<script" not in page
    assert (failed / "staging" / "claims.csv").read_text(encoding="utf-8") == "claim_id\nc-bad\n"
    assert not st.exists()
    # a second failure replaces the report; a later success removes it
    st = publish.staging_dir(processed)
    fill(st, "c-bad2")
    with pytest.raises(publish.ValidationFailed):
        publish.publish(st, processed, BAD)
    assert (failed / "staging" / "claims.csv").read_text(encoding="utf-8") == "claim_id\nc-bad2\n"
    st = publish.staging_dir(processed)
    fill(st, "c-good")
    publish.publish(st, processed, OK)
    assert not failed.exists()
    assert (processed / "claims.csv").read_text(encoding="utf-8") == "claim_id\nc-good\n"


def test_recover_after_crash_between_renames(tmp_path):
    processed = tmp_path / "processed"
    make_publication(processed, "c-old")
    before = tree(processed)
    # crash after "processed → .processed.old-<pid>" and before "staging → processed"
    old = tmp_path / ".processed.old-99999"
    os.rename(processed, old)
    abandoned = tmp_path / ".processed.staging-99998"
    abandoned.mkdir()
    actions = publish.recover(processed)
    assert tree(processed) == before and not old.exists() and not abandoned.exists()
    assert any("restored" in a for a in actions)
    # crash after the swap, before deleting the old publication: the leftover is removed
    (tmp_path / ".processed.old-12345").mkdir()
    publish.recover(processed)
    assert not (tmp_path / ".processed.old-12345").exists() and tree(processed) == before


def test_publish_recovers_first(tmp_path):
    processed = tmp_path / "processed"
    make_publication(processed, "c-old")
    os.rename(processed, tmp_path / ".processed.old-4242")
    st = publish.staging_dir(processed)
    fill(st, "c-bad")
    with pytest.raises(publish.ValidationFailed):
        publish.publish(st, processed, BAD)
    assert (processed / "claims.csv").read_text(encoding="utf-8") == "claim_id\nc-old\n"


def test_missing_staging_is_a_config_error(tmp_path):
    with pytest.raises(publish.PublishConfigError) as ei:
        publish.publish(tmp_path / ".processed.staging-1", tmp_path / "processed", OK)
    assert ei.value.exit_code == publish.EXIT_USAGE


def test_lock_refuses_second_holder(tmp_path):
    path = tmp_path / "interim" / ".run.lock"
    with publish.run_lock(path):
        with pytest.raises(publish.LockHeld, match="another run holds the lock") as ei:
            with publish.run_lock(path):
                pass  # pragma: no cover
        assert f"pid {os.getpid()}" in str(ei.value)
        assert ei.value.exit_code == publish.EXIT_LOCKED == 3
        # and another process is refused too
        code = textwrap.dedent(f"""
            import sys
            from pipeline import publish
            try:
                with publish.run_lock({str(path)!r}):
                    sys.exit(0)
            except publish.LockHeld as exc:
                print(exc); sys.exit(publish.EXIT_LOCKED)
        """)
        proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                              text=True, timeout=60)
        assert proc.returncode == 3, proc.stderr
        assert "another run holds the lock" in proc.stdout
    with publish.run_lock(path):                     # released: can be taken again
        pass


def test_write_manifest(tmp_path):
    info = {"run_id": "r1", "started": "2025-03-18T00:00:00+00:00",
            "inputs": {"001.txt": "ab" * 32}, "stages": {"ingest": {"articles": 1}},
            "validation": "passed"}
    out = publish.write_manifest(tmp_path / "run_manifest.json", info)
    got = json.loads((tmp_path / "run_manifest.json").read_text(encoding="utf-8"))
    assert got == out and got["run_id"] == "r1" and got["code_version"] and got["finished"]
    assert got["inputs"] == info["inputs"]


def test_exit_codes_agree_with_cli():
    from pipeline import cli
    assert (publish.EXIT_OK, publish.EXIT_VALIDATION_FAILED, publish.EXIT_USAGE,
            publish.EXIT_LOCKED, publish.EXIT_CRASH) == (
        cli.EXIT_OK, cli.EXIT_VALIDATION_FAILED, cli.EXIT_USAGE, cli.EXIT_LOCKED, cli.EXIT_CRASH)


def test_html_is_self_contained():
    page = report_validation.render_html(BAD)
    assert page.startswith("<!DOCTYPE html>")
    assert "<script" not in page and "http://" not in page and "https://" not in page
    assert "FAILED" in page and "structural" in page
