"""Publication: the run lock, the atomic swap of a validated staging folder into
``PROCESSED_DIR``, the failed-run report, and the run manifest.

Order of a run (see ``pipeline/run.py``)::

    with processed_guard(PROCESSED_DIR), run_lock(INTERIM_DIR / ".run.lock"):  # LockHeld → 3
        ...stages...
        tables, rejects = validate.quarantine(tables)   # fix row-level problems first
        staging = staging_dir(PROCESSED_DIR)            # sibling .<name>.staging-<pid>
        ...write every table into staging...
        report = validate.validate_dir(staging, raw_inputs)
        write_manifest(staging / "run_manifest.json", info)   # provenance before the swap
        publish(staging, PROCESSED_DIR, report)         # ValidationFailed → exit 1

Swap protocol (staging and ``PROCESSED_DIR`` are siblings, so every step stays on one
filesystem):

1. ``recover()`` repairs what an interrupted earlier publish left (see there);
2. staging and ``PROCESSED_DIR`` are exchanged in one atomic ``renameat2(RENAME_EXCHANGE)``
   (Linux): readers see the old or the new publication, never neither; the parent directory is
   fsynced; the old publication, now at the staging path, is deleted, and so is a stale
   ``<name>.failed/``. A crash before the deletion leaves the old copy at the staging path,
   removed by the next ``recover()``;
3. without ``RENAME_EXCHANGE`` (other systems, some filesystems) ``PROCESSED_DIR`` is renamed to
   ``.<name>.old-<pid>`` and staging to ``PROCESSED_DIR``; a crash between the two is repaired by
   ``recover()`` (the old publication is restored).

When validation failed nothing in ``PROCESSED_DIR`` is touched: the report
(``validation_report.html``, self-contained, and ``validation_report.json``, plus
``summary.txt``) and the rejected candidate tables (``staging/``) go to the sibling folder
``<PROCESSED_DIR>.failed/`` (e.g. ``data/processed.failed/``), replacing the previous one, and
:class:`ValidationFailed` is raised (exit code 1).

Locks (kernel objects: they die with their holder, nothing to clean by hand):
:func:`run_lock` (``flock`` on ``INTERIM_DIR/.run.lock``: one run per interim folder) and
:func:`processed_guard` (an abstract Unix socket named after the real path of
``PROCESSED_DIR``: one publisher per processed folder, whatever its interim folder; no file is
created, nothing under ``data/``). :func:`publish` takes the guard itself (re-entrant), so two
publishes into one folder never interleave even when started outside a run.
"""

from __future__ import annotations

import contextlib
import ctypes
import datetime as dt
import errno
import hashlib
import json
import os
import shutil
import socket
import struct
import subprocess
import sys
from pathlib import Path
from typing import Any, Iterator

from . import config, io

# --------------------------------------------------------------------------- exit codes
#: Documented exit codes of ``python -m pipeline run|stage|validate`` (also in deploy/README.md).
EXIT_OK = 0                 # published (or: the publication is valid)
EXIT_VALIDATION_FAILED = 1  # validation failed; the previous publication is untouched
EXIT_USAGE = 2              # bad arguments / configuration (missing RAW_DIR, cross-device dirs …)
EXIT_LOCKED = 3             # another run holds the lock; nothing was done
EXIT_CRASH = 4              # unexpected error (see the log); the previous publication is untouched

FAILED_SUFFIX = ".failed"
REPORT_HTML = "validation_report.html"
REPORT_JSON = "validation_report.json"


class PublishError(RuntimeError):
    """Base class; ``exit_code`` is what the CLI should return."""

    exit_code = EXIT_CRASH


class ValidationFailed(PublishError):
    """Validation failed: nothing was published. ``report`` is the ValidationReport,
    ``failed_dir`` where its rendering was written."""

    exit_code = EXIT_VALIDATION_FAILED

    def __init__(self, message: str, report: Any = None, failed_dir: Path | None = None):
        super().__init__(message)
        self.report = report
        self.failed_dir = failed_dir


class LockHeld(PublishError):
    """Another run holds the lock."""

    exit_code = EXIT_LOCKED


class PublishConfigError(PublishError):
    """The folders cannot be swapped safely (missing staging, other filesystem …)."""

    exit_code = EXIT_USAGE


# --------------------------------------------------------------------------- lock

@contextlib.contextmanager
def run_lock(path: Path | str) -> Iterator[Path]:
    """Hold an exclusive, non-blocking file lock at ``path`` for the duration of the block.

    Raises :class:`LockHeld` ("another run holds the lock …") at once when another process (or
    another ``run_lock`` in this one) holds it. The holder's pid, host and start time are kept
    in ``<path>.owner`` for that message. The kernel releases the lock if the process dies, so a
    stale lock file never blocks the next run."""
    import filelock

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    owner = path.with_name(path.name + ".owner")
    lock = filelock.FileLock(str(path), blocking=False)
    try:
        lock.acquire()
    except filelock.Timeout:
        who = ""
        with contextlib.suppress(OSError, ValueError):
            info = json.loads(owner.read_text(encoding="utf-8"))
            who = f" (pid {info.get('pid')} on {info.get('host')} since {info.get('since')})"
        raise LockHeld(f"another run holds the lock {path}{who}; nothing was done — "
                       f"wait for it to finish") from None
    try:
        with contextlib.suppress(OSError):
            io.write_text(owner, json.dumps({
                "pid": os.getpid(), "host": socket.gethostname(),
                "since": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")}) + "\n")
        yield path
    finally:
        with contextlib.suppress(OSError):
            owner.unlink()
        lock.release()


# --------------------------------------------------------------------------- publisher guard

_GUARDS: dict[str, list] = {}   # processed realpath → [socket, depth] held by this process


def _guard_name(processed_dir: Path) -> str:
    real = os.path.realpath(processed_dir)
    return "airwar-publish-" + hashlib.sha256(real.encode("utf-8", "surrogateescape")).hexdigest()[:32]


def _guard_holder(name: str) -> str:
    """`` (pid N)`` of the process holding the guard ``name``, when it can be asked."""
    with contextlib.suppress(OSError, AttributeError):
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as c:
            c.settimeout(1)
            c.connect("\0" + name)
            creds = c.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, struct.calcsize("3i"))
            return f" (pid {struct.unpack('3i', creds)[0]})"
    return ""


@contextlib.contextmanager
def processed_guard(processed_dir: Path | str) -> Iterator[None]:
    """Refuse a second publisher of the same ``PROCESSED_DIR`` (:class:`LockHeld`, exit 3),
    whatever its ``INTERIM_DIR``; re-entrant in one process.

    The guard is a Linux abstract Unix socket named after the folder's real path: no file is
    created anywhere (nothing under ``data/`` to clean or to commit by mistake), and the kernel
    releases it when the holder exits or is killed (``kill -9`` leaves no stale guard). Elsewhere
    (no abstract sockets) it falls back to :func:`run_lock` on a file in the system temp folder."""
    name = _guard_name(Path(processed_dir))
    held = _GUARDS.get(name)
    if held is not None:
        held[1] += 1
        try:
            yield
        finally:
            held[1] -= 1
        return
    if not sys.platform.startswith("linux"):
        import tempfile

        with run_lock(Path(tempfile.gettempdir()) / f"{name}.lock"):
            _GUARDS[name] = [None, 1]
            try:
                yield
            finally:
                del _GUARDS[name]
        return
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        sock.bind("\0" + name)
    except OSError:
        sock.close()
        raise LockHeld(f"another run publishes into {processed_dir}{_guard_holder(name)}; "
                       f"nothing was done — wait for it to finish") from None
    sock.listen(4)
    _GUARDS[name] = [sock, 1]
    try:
        yield
    finally:
        del _GUARDS[name]
        sock.close()


# --------------------------------------------------------------------------- folders

def _sibling(processed_dir: Path, kind: str, pid: int | None = None) -> Path:
    processed_dir = Path(processed_dir)
    return processed_dir.parent / f".{processed_dir.name}.{kind}-{os.getpid() if pid is None else pid}"


def staging_dir(processed_dir: Path | str) -> Path:
    """Create (empty) and return this process's staging folder
    ``<parent>/.<name>.staging-<pid>``, a sibling of ``processed_dir`` (same filesystem)."""
    processed_dir = Path(processed_dir)
    processed_dir.parent.mkdir(parents=True, exist_ok=True)
    st = _sibling(processed_dir, "staging")
    if st.exists():
        shutil.rmtree(st)
    st.mkdir()
    return st


def failed_dir(processed_dir: Path | str) -> Path:
    """Where a failed run's report goes: ``<processed_dir>.failed`` (a sibling)."""
    processed_dir = Path(processed_dir)
    return processed_dir.parent / (processed_dir.name + FAILED_SUFFIX)


def _leftovers(processed_dir: Path, kind: str) -> list[Path]:
    prefix = f".{processed_dir.name}.{kind}-"
    if not processed_dir.parent.exists():
        return []
    return sorted((p for p in processed_dir.parent.iterdir() if p.name.startswith(prefix)),
                  key=lambda p: p.stat().st_mtime)


def _fsync_dir(path: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _fsync_tree(root: Path) -> None:
    for dirpath, _dirs, files in os.walk(root):
        for name in files:
            with contextlib.suppress(OSError):
                fd = os.open(os.path.join(dirpath, name), os.O_RDONLY)
                try:
                    os.fsync(fd)
                finally:
                    os.close(fd)
        _fsync_dir(Path(dirpath))


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _normalise_modes(root: Path) -> None:
    """Give staged files the modes a plain ``open()`` would (``0666 & ~umask``; folders ``0777 &
    ~umask``): ``io.atomic_path`` writes through ``mkstemp``, whose files are 0600, which would
    make the publication unreadable to other users."""
    mask = _umask()
    for dirpath, _dirs, files in os.walk(root):
        os.chmod(dirpath, 0o777 & ~mask)
        for name in files:
            os.chmod(os.path.join(dirpath, name), 0o666 & ~mask)


def recover(processed_dir: Path | str, keep: Path | None = None) -> list[str]:
    """Repair what an interrupted earlier publish left behind (call under the lock):

    * ``PROCESSED_DIR`` missing and an ``.<name>.old-*`` present: the crash came between the two
      renames → the newest old publication is renamed back;
    * ``PROCESSED_DIR`` present and ``.old-*`` leftovers: the crash came after the swap → deleted;
    * ``.<name>.staging-*`` and ``.<name>.failed.{tmp,old}-*`` folders: abandoned → deleted
      (``keep``, the current staging folder, is spared).

    Returns a description of each action."""
    processed_dir = Path(processed_dir)
    actions: list[str] = []
    olds = _leftovers(processed_dir, "old")
    if not processed_dir.exists() and olds:
        newest = olds.pop()
        os.rename(newest, processed_dir)
        _fsync_dir(processed_dir.parent)
        actions.append(f"restored {processed_dir} from {newest.name}")
    for p in olds:
        shutil.rmtree(p, ignore_errors=True)
        actions.append(f"removed {p.name}")
    fdir = failed_dir(processed_dir)
    for legacy in (f".{processed_dir.name}.publish.lock", f".{processed_dir.name}.publish.lock.owner"):
        p = processed_dir.parent / legacy   # the publish lock file of earlier versions
        if p.is_file():
            with contextlib.suppress(OSError):
                p.unlink()
                actions.append(f"removed {legacy}")
    for p in _leftovers(processed_dir, "staging") + _leftovers(fdir, "tmp") + _leftovers(fdir, "old"):
        if keep is not None and p.resolve() == Path(keep).resolve():
            continue
        shutil.rmtree(p, ignore_errors=True)
        actions.append(f"removed {p.name}")
    return actions


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> bool:
    """Swap ``a`` and ``b`` in one atomic step (Linux ``renameat2(RENAME_EXCHANGE)``); False
    when the system cannot (then the caller renames twice)."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        fn = libc.renameat2
    except (OSError, AttributeError):
        return False
    fn.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    if fn(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.EINVAL, errno.ENOSYS, errno.EPERM, errno.ENOTSUP):
        return False    # filesystem or kernel without RENAME_EXCHANGE
    raise OSError(err, os.strerror(err), str(a))


def _swap_in(new: Path, target: Path) -> None:
    """Put ``new`` at ``target``. When ``target`` exists the two are exchanged in one atomic
    step, so ``target`` is at every instant a complete folder (old or new; a crash leaves the old
    one at ``new``'s path, removed by :func:`recover`), then the old one is deleted. Without
    ``RENAME_EXCHANGE``: ``target`` is moved aside to ``.<name>.old-<pid>`` first."""
    if target.exists() and _exchange(new, target):
        _fsync_dir(target.parent)
        shutil.rmtree(new, ignore_errors=True)
        return
    old = _sibling(target, "old")
    if old.exists():
        shutil.rmtree(old)
    had_old = target.exists()
    if had_old:
        os.rename(target, old)
    try:
        os.rename(new, target)
    except BaseException:
        if had_old and not target.exists():
            os.rename(old, target)  # put the previous publication back
        raise
    _fsync_dir(target.parent)
    if had_old:
        shutil.rmtree(old, ignore_errors=True)


def _check_staging(staging: Path, processed_dir: Path) -> None:
    if not staging.is_dir():
        raise PublishConfigError(f"staging folder {staging} does not exist")
    if staging.resolve() == processed_dir.resolve():
        raise PublishConfigError("staging folder and PROCESSED_DIR are the same")
    if processed_dir.exists() and not processed_dir.is_dir():
        raise PublishConfigError(f"PROCESSED_DIR {processed_dir} exists and is not a folder")
    processed_dir.parent.mkdir(parents=True, exist_ok=True)
    if os.stat(staging).st_dev != os.stat(processed_dir.parent).st_dev:
        raise PublishConfigError(
            f"staging folder {staging} is not on the filesystem of {processed_dir}: create it "
            f"with publish.staging_dir(processed_dir)")


def write_failure_report(report: Any, out_dir: Path, staging: Path | None = None) -> Path:
    """Write ``validation_report.html`` + ``.json`` + ``summary.txt`` to ``out_dir`` (replacing
    it as a whole), moving ``staging`` (the candidate tables) into ``out_dir/staging``."""
    from . import report_validation

    out_dir = Path(out_dir)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = _sibling(out_dir, "tmp")
    if tmp.exists():
        shutil.rmtree(tmp)
    tmp.mkdir()
    (tmp / REPORT_HTML).write_text(report_validation.render_html(report), encoding="utf-8")
    (tmp / REPORT_JSON).write_text(report.to_json(), encoding="utf-8")
    (tmp / "summary.txt").write_text(report.summary(limit=200) + "\n", encoding="utf-8")
    if staging is not None and Path(staging).is_dir():
        try:
            os.rename(staging, tmp / "staging")
        except OSError:
            shutil.move(str(staging), str(tmp / "staging"))
    _swap_in(tmp, out_dir)
    return out_dir


def publish(staging_dir: Path | str, processed_dir: Path | str, report: Any) -> None:
    """Swap ``staging_dir`` into ``processed_dir`` when ``report.success``; otherwise leave the
    previous publication untouched, write the report to ``<processed_dir>.failed/`` and raise
    :class:`ValidationFailed` (exit code 1) with a short summary.

    Raises :class:`LockHeld` when another publish into the same folder is running and
    :class:`PublishConfigError` (exit code 2) when the folders cannot be swapped safely."""
    staging = Path(staging_dir)
    processed = Path(processed_dir)
    processed.parent.mkdir(parents=True, exist_ok=True)
    with processed_guard(processed):
        recover(processed, keep=staging)
        if not report.success:
            out = write_failure_report(report, failed_dir(processed), staging)
            n = len(report.failures)
            first = "; ".join(f"{r['table']}: {r['expectation']}" for r in report.failures[:3])
            raise ValidationFailed(
                f"{n} check(s) failed, nothing published (report: {out / REPORT_HTML}): "
                f"{first}{' …' if n > 3 else ''}", report=report, failed_dir=out)
        _check_staging(staging, processed)
        _normalise_modes(staging)
        _fsync_tree(staging)
        _swap_in(staging, processed)
        stale = failed_dir(processed)
        if stale.exists():
            shutil.rmtree(stale, ignore_errors=True)


# --------------------------------------------------------------------------- manifest

def code_version() -> str:
    """``git describe --always --dirty`` of the project, else the package version."""
    try:
        out = subprocess.run(["git", "describe", "--always", "--dirty"], cwd=config.PROJECT_ROOT,
                             capture_output=True, text=True, timeout=5)
        if out.returncode == 0 and out.stdout.strip():
            return out.stdout.strip()
    except (OSError, subprocess.SubprocessError):
        pass
    from . import __version__
    return __version__


def write_manifest(path: Path | str, info: dict) -> dict:
    """Write ``run_manifest.json`` atomically (sorted keys, UTF-8) and return what was written.

    Expected keys (missing ones are filled or left null): ``run_id``, ``started``,
    ``finished`` (ISO 8601 UTC), ``inputs`` ({raw path: sha256}), ``code_version``,
    ``stages`` / counts per stage, ``validation`` (``passed``|``failed``|``not run``). It is a
    separate file, never a column, so the CSVs of two runs on the same input stay
    byte-identical."""
    data = dict(info)
    data.setdefault("run_id", None)
    data.setdefault("started", None)
    data.setdefault("finished", dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"))
    data.setdefault("inputs", {})
    data.setdefault("code_version", code_version())
    data.setdefault("stages", {})
    data.setdefault("validation", None)
    io.write_json(path, data)
    with contextlib.suppress(OSError):
        os.chmod(path, 0o666 & ~_umask())
    return data
