"""``make browse`` / ``airwar browse``: serve the publication's ``airwar.sqlite`` with Datasette
on the loopback interface, with every table's and column's description from ``schemas/``.

Datasette is an optional extra (``pip install '.[browse]'``; ``make`` installs it). The
database is opened immutable (read-only, no locking), so browsing never blocks a publish; the
next publish swaps in a new file, which a restarted ``make browse`` picks up.
"""

from __future__ import annotations

import importlib.util
import json
import sys
import tempfile
from pathlib import Path

from . import typed


class BrowseError(RuntimeError):
    """Nothing to serve, or Datasette is not installed."""


def command(processed_dir: Path, host: str, port: int, metadata: Path) -> list[str]:
    """The Datasette command line serving ``processed_dir/airwar.sqlite``."""
    db = Path(processed_dir) / typed.SQLITE_NAME
    return [sys.executable, "-m", "datasette", "serve", "--immutable", str(db), "--host", host,
            "--port", str(port), "--metadata", str(metadata), "--setting", "default_page_size", "50"]


def prepare(processed_dir: Path, workdir: Path) -> Path:
    """Check that there is a database and Datasette, and write the metadata file."""
    db = Path(processed_dir) / typed.SQLITE_NAME
    if not db.is_file():
        raise BrowseError(f"{db} does not exist: run `make all` first")
    if importlib.util.find_spec("datasette") is None:
        raise BrowseError("Datasette is not installed: `pip install '.[browse]'` (or `make setup`)")
    meta = Path(workdir) / "metadata.json"
    meta.write_text(json.dumps(typed.datasette_metadata(), ensure_ascii=False, indent=1), encoding="utf-8")
    return meta


def main(processed_dir: Path, host: str = "127.0.0.1", port: int = 8001) -> int:
    import subprocess

    with tempfile.TemporaryDirectory(prefix="airwar-browse-") as tmp:
        meta = prepare(processed_dir, Path(tmp))
        print(f"serving {Path(processed_dir) / typed.SQLITE_NAME} on http://{host}:{port}/ "
              f"(Ctrl-C stops)", file=sys.stderr)
        try:
            return subprocess.call(command(processed_dir, host, port, meta))
        except KeyboardInterrupt:
            return 0
