"""Progress for long stages: a tqdm bar when stderr is a terminal; otherwise (cron, CI, logs)
one log line every ``AIRWAR_PROGRESS_EVERY`` items (default 1000) and one at the end, e.g.
``extract: 3000/20000 articles (15%, 41.2/s)``."""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import time
from typing import Iterable, Iterator, TypeVar

log = logging.getLogger("pipeline.progress")
T = TypeVar("T")


def every() -> int:
    try:
        return max(int(os.environ.get("AIRWAR_PROGRESS_EVERY", "1000")), 1)
    except ValueError:
        return 1000


class LogProgress:
    """tqdm's ``update``/``close`` interface, writing log lines instead of a bar."""

    def __init__(self, total: int | None, desc: str, unit: str, step: int | None = None):
        self.total, self.desc, self.unit = total, desc, unit
        self.step = step or every()
        self.n = 0
        self._next = self.step
        self._t0 = time.perf_counter()

    def _line(self) -> str:
        rate = self.n / max(time.perf_counter() - self._t0, 1e-9)
        if self.total:
            return (f"{self.desc}: {self.n}/{self.total} {self.unit} "
                    f"({100 * self.n // self.total}%, {rate:.1f}/s)")
        return f"{self.desc}: {self.n} {self.unit} ({rate:.1f}/s)"

    def update(self, k: int = 1) -> None:
        self.n += k
        if self.n >= self._next:
            log.info("%s", self._line())
            while self._next <= self.n:
                self._next += self.step

    def close(self) -> None:
        if self.n and self.n % self.step:
            log.info("%s", self._line())


@contextlib.contextmanager
def progress_bar(total: int | None, desc: str, enabled: bool | None = None, unit: str = "articles"):
    """A tqdm bar on a terminal (``enabled=None``: when stderr is one), else log lines."""
    if enabled is None:
        enabled = sys.stderr.isatty()
    if enabled:
        from tqdm import tqdm

        bar = tqdm(total=total, desc=desc, file=sys.stderr, leave=False, unit=f" {unit}")
    else:
        bar = LogProgress(total, desc, unit)
    try:
        yield bar
    finally:
        bar.close()


def track(items: Iterable[T], desc: str, total: int | None = None, unit: str = "articles",
          enabled: bool | None = None) -> Iterator[T]:
    """Yield ``items`` unchanged, reporting progress as they go."""
    if total is None and hasattr(items, "__len__"):
        total = len(items)  # type: ignore[arg-type]
    with progress_bar(total, desc, enabled, unit) as bar:
        for item in items:
            yield item
            bar.update(1)
