"""Shared test fixtures (keep small: stage-specific helpers live in their test modules)."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

import pytest


@pytest.fixture(scope="session")
def lang_detector():
    """The lingua detector, built once per test session (~1 s)."""
    from pipeline import sentences

    return sentences.language_detector()


@pytest.fixture
def make_raw(tmp_path: Path) -> Callable[[dict[str, str | bytes]], Path]:
    """``make_raw({"a.txt": "text", "sub/b.bin": b"..."})`` writes the files under a fresh
    ``raw`` directory (str as UTF-8, bytes as-is) and returns that directory."""

    def _make(files: dict[str, str | bytes]) -> Path:
        root = tmp_path / "raw"
        root.mkdir(exist_ok=True)
        for rel, content in files.items():
            p = root / rel
            p.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, str):
                p.write_text(content, encoding="utf-8", newline="")
            else:
                p.write_bytes(content)
        return root

    return _make


E2E_FIXTURES = Path(__file__).parent / "fixtures" / "e2e_raw"


def _run_copy(tmp_path_factory, name: str, raw_src: Path):
    """One full pipeline run over a copy of ``raw_src``: ``(paths, manifest)``."""
    import shutil

    from pipeline import run
    from pipeline.config import Paths

    root = tmp_path_factory.mktemp(name)
    raw = root / "raw"
    shutil.copytree(raw_src, raw)
    paths = Paths(raw, root / "interim", root / "processed")
    return paths, run.run_all(paths)


@pytest.fixture(scope="session")
def e2e_publication(tmp_path_factory):
    """One full pipeline run over tests/fixtures/e2e_raw: ``(paths, manifest)``."""
    return _run_copy(tmp_path_factory, "e2e", E2E_FIXTURES)


SAMPLE_RAW = Path(__file__).resolve().parent.parent / "data" / "raw"


@pytest.fixture(scope="session")
def sample_publication(tmp_path_factory):
    """One full pipeline run over the project's sample data (data/raw): the processed dir."""
    paths, _ = _run_copy(tmp_path_factory, "sample", SAMPLE_RAW)
    return Path(paths.processed_dir)
