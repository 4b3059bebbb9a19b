"""Budgets and faults of one article's extraction (``stage.extract_one`` uses both).

* :func:`deadline` — a time budget: the block is interrupted with :class:`ArticleTimeout`
  after ``seconds``. In the main thread (the in-process executor and the local process pool)
  the seconds are CPU seconds of the process (``ITIMER_PROF``/``SIGPROF``: a machine busy with
  other jobs does not make an article time out, a pathological one does), and the signal also
  interrupts a running regular expression (``re`` checks for signals). In other threads (Dask
  workers run tasks in threads) they are wall-clock seconds, and an asynchronous exception is
  raised in the thread, which interrupts Python code between bytecodes. :class:`ArticleTimeout` derives from ``BaseException`` so the extractors'
  ``except Exception`` guards (one bad sentence must not stop an article) never swallow it.
* :func:`collecting` / :func:`record` — a fault sink: an extractor that catches an exception to
  keep going records it here, and ``extract_one`` turns each record into a reject row
  (reason ``extract_error``) instead of the claims vanishing without a word.
"""

from __future__ import annotations

import contextlib
import ctypes
import re
import signal
import threading
from typing import Iterator


class ArticleTimeout(BaseException):
    """The article's extraction budget ran out."""


_SINK = threading.local()


@contextlib.contextmanager
def collecting() -> Iterator[list[tuple[str, str]]]:
    """Collect ``(reason, detail)`` faults recorded in this thread during the block."""
    previous = getattr(_SINK, "faults", None)
    faults: list[tuple[str, str]] = []
    _SINK.faults = faults
    try:
        yield faults
    finally:
        _SINK.faults = previous


def record(where: str, exc: BaseException) -> None:
    """Record a caught extractor exception (no-op outside :func:`collecting`)."""
    faults = getattr(_SINK, "faults", None)
    if faults is not None:
        faults.append(("extract_error", f"{where}: {type(exc).__name__}: {exc} "
                                        f"(the claims of that part are lost)"[:300]))


def note(reason: str, detail: str) -> None:
    """Record a value an extractor refused (e.g. ``absurd_count``) for a reject row."""
    faults = getattr(_SINK, "faults", None)
    if faults is not None:
        faults.append((reason, detail[:300]))


def note_absurd_count(text: str, number, weapons) -> None:
    """A number too large to be a count (the extractors skip it) directly before a weapon noun
    ("25000 drones"): no night has seen that many, so it is reported as ``absurd_count``."""
    if any(0 <= w.start - number.end <= 45 and not re.search(r"[,.;:()\d]", text[number.end:w.start])
           for w in weapons):
        note("absurd_count", f"{number.text!r} before a weapon noun at offset {number.start} of "
                             f"the sentence: not a count")


def _raise_timeout(signum, frame):  # pragma: no cover - exercised through deadline()
    raise ArticleTimeout()


@contextlib.contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    previous = signal.signal(signal.SIGPROF, _raise_timeout)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)


@contextlib.contextmanager
def _async_exc(seconds: float) -> Iterator[None]:
    tid = threading.get_ident()
    lock = threading.Lock()
    state = {"done": False, "fired": False}
    set_exc = ctypes.pythonapi.PyThreadState_SetAsyncExc

    def fire():
        with lock:
            if not state["done"]:
                state["fired"] = True
                set_exc(ctypes.c_ulong(tid), ctypes.py_object(ArticleTimeout))

    timer = threading.Timer(seconds, fire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        with lock:
            state["done"] = True
            timer.cancel()
            if state["fired"]:
                set_exc(ctypes.c_ulong(tid), None)  # not raised yet: never raise it outside


@contextlib.contextmanager
def deadline(seconds: float | None) -> Iterator[None]:
    """Raise :class:`ArticleTimeout` in the block after ``seconds`` (no budget when ``None`` or
    ``<= 0``)."""
    if not seconds or seconds <= 0:
        yield
        return
    in_main = threading.current_thread() is threading.main_thread()
    with (_alarm(seconds) if in_main and hasattr(signal, "setitimer") else _async_exc(seconds)):
        yield
