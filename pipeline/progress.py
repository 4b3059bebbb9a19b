"""Progress bars for long stages: on when stderr is a terminal, off otherwise (cron, CI)."""

from __future__ import annotations

import contextlib
import sys


@contextlib.contextmanager
def progress_bar(total: int, desc: str, enabled: bool | None = None):
    from tqdm import tqdm

    if enabled is None:
        enabled = sys.stderr.isatty()
    bar = tqdm(total=total, desc=desc, disable=not enabled, file=sys.stderr, leave=False)
    try:
        yield bar
    finally:
        bar.close()
