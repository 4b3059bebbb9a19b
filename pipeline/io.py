"""Shared file I/O: atomic writes (temp file + rename), JSONL and schema-ordered CSVs.

Every stage writes through these helpers, so a crash never leaves a half-written output.
"""

from __future__ import annotations

import contextlib
import csv
import json
import os
import tempfile
from pathlib import Path
from typing import Any, Iterable, Iterator

from . import schema


def _read_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


_UMASK = _read_umask()


@contextlib.contextmanager
def atomic_path(path: Path | str) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; rename it over ``path`` only on success."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    os.chmod(tmp, 0o666 & ~_UMASK)  # mkstemp creates 0600; published files follow the umask
    tmp_path = Path(tmp)
    try:
        yield tmp_path
        os.replace(tmp_path, path)
    finally:
        if tmp_path.exists():
            tmp_path.unlink()


def write_text(path: Path | str, text: str) -> None:
    with atomic_path(path) as tmp:
        tmp.write_text(text, encoding="utf-8")


def _json_default(o: Any) -> Any:
    if hasattr(o, "_asdict"):
        return o._asdict()
    if hasattr(o, "__dataclass_fields__"):
        import dataclasses
        return dataclasses.asdict(o)
    raise TypeError(f"not JSON serialisable: {type(o).__name__}")


def dumps(record: Any) -> str:
    return json.dumps(record, ensure_ascii=False, sort_keys=True, default=_json_default)


def write_jsonl(path: Path | str, records: Iterable[dict]) -> int:
    n = 0
    with atomic_path(path) as tmp, open(tmp, "w", encoding="utf-8", newline="\n") as fh:
        for rec in records:
            fh.write(dumps(rec))
            fh.write("\n")
            n += 1
    return n


def read_jsonl(path: Path | str) -> Iterator[dict]:
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def write_json(path: Path | str, obj: Any) -> None:
    """Pretty, key-sorted JSON, streamed to the temp file (no whole-document string)."""
    with atomic_path(path) as tmp, open(tmp, "w", encoding="utf-8", newline="\n") as fh:
        json.dump(obj, fh, ensure_ascii=False, indent=2, sort_keys=True, default=_json_default)
        fh.write("\n")


def read_json(path: Path | str) -> Any:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def write_table(path: Path | str, table: str, records: Iterable[dict]) -> int:
    """Write ``records`` as the schema's CSV (column order, rendering and sort from
    ``schemas/<table>.yaml``), RFC 4180 quoting, ``\\n`` line ends, atomically. Text cells that a spreadsheet would run as a formula are
    neutralised (``pipeline/csvsafe.py``)."""
    from . import csvsafe

    df = csvsafe.neutralise_frame(schema.to_frame(table, records), table)
    with atomic_path(path) as tmp:
        df.to_csv(tmp, index=False, encoding="utf-8", lineterminator="\n",
                  quoting=csv.QUOTE_MINIMAL)
    return len(df)
