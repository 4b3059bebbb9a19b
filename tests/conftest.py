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
