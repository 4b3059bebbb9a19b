"""The raw folder as ingest sees it: which entries there are, and which may be read.

Every non-hidden entry that is not a real folder is listed — regular files, symbolic links
(dangling ones and links to folders too), FIFOs, sockets, devices — so that each one ends up in
``articles.csv`` or ``rejects.csv`` (nothing is skipped silently). Only regular files, and
symbolic links to regular files inside the raw folder, are read; a link is never followed out of
the folder (``outside_raw``) and a FIFO is never opened (it would block the run).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path


def _hidden(rel: str) -> bool:
    return any(part.startswith(".") for part in rel.split("/"))


def list_raw_entries(raw_dir: Path) -> list[Path]:
    """Every non-hidden entry below ``raw_dir`` that is not a real folder — regular files,
    symbolic links (dangling ones and links to folders too), FIFOs, sockets, devices — sorted by
    relative path. Symbolic links to folders are listed, never followed."""
    raw_dir = Path(raw_dir)
    out: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(raw_dir, followlinks=False):
        base = Path(dirpath)
        keep = []
        for d in dirnames:
            if (base / d).is_symlink():
                filenames.append(d)     # a link to a folder: an entry of its own, not walked
            else:
                keep.append(d)
        dirnames[:] = keep
        for name in filenames:
            p = base / name
            if not _hidden(p.relative_to(raw_dir).as_posix()):
                out.append(p)
    return sorted(out, key=lambda p: p.relative_to(raw_dir).as_posix())


def raw_entry_problem(raw_dir: Path, p: Path) -> tuple[str, str] | None:
    """``(reason, detail)`` when the entry is not a document that may be read: a dangling link
    (``dangling_symlink``), a link that leaves ``raw_dir`` (``outside_raw``), a link to a folder
    (``symlinked_folder``), anything that is not a regular file (``not_a_file``: FIFO, socket,
    device — never opened, a FIFO would block the run); else ``None``."""
    try:
        if p.is_symlink():
            target = Path(os.path.realpath(p))
            if not target.exists():
                return "dangling_symlink", "symbolic link whose target does not exist"
            root = Path(os.path.realpath(raw_dir))
            if target != root and root not in target.parents:
                return "outside_raw", "symbolic link to a path outside the raw folder: not read"
            if target.is_dir():
                return "symlinked_folder", "symbolic link to a folder: not followed"
        mode = p.stat().st_mode
    except OSError as exc:
        return "unreadable", f"{type(exc).__name__}: {exc.strerror or exc}"
    if not stat.S_ISREG(mode):
        kind = ("FIFO" if stat.S_ISFIFO(mode) else "socket" if stat.S_ISSOCK(mode)
                else "device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "special file")
        return "not_a_file", f"{kind}, not a regular file: not read"
    return None


def list_raw_files(raw_dir: Path) -> list[Path]:
    """The readable documents below ``raw_dir`` (regular files, and links to regular files
    inside it), hidden files excepted, sorted by relative path."""
    return [p for p in list_raw_entries(raw_dir) if raw_entry_problem(raw_dir, p) is None]


