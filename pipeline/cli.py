"""Command-line interface: parses arguments and calls the library; nothing else.

    python -m pipeline --help
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from . import config

# Documented exit codes (also in README "Exit codes").
EXIT_OK = 0
EXIT_VALIDATION_FAILED = 1
EXIT_USAGE = 2
EXIT_LOCKED = 3
EXIT_CRASH = 4


def _add_dirs(p: argparse.ArgumentParser) -> None:
    p.add_argument("--raw-dir", type=Path, default=config.RAW_DIR, help="raw articles (default: %(default)s)")
    p.add_argument("--interim-dir", type=Path, default=config.INTERIM_DIR,
                   help="intermediate stage outputs (default: %(default)s)")
    p.add_argument("--processed-dir", type=Path, default=config.PROCESSED_DIR,
                   help="published tables (default: %(default)s)")


def _add_executor(p: argparse.ArgumentParser) -> None:
    p.add_argument("--executor", choices=("local", "dask"), default="local",
                   help="where per-article stages run (default: %(default)s)")
    p.add_argument("--scheduler", default=None,
                   help="Dask scheduler address (tcp://host:8786); default: a local cluster")


def _prog() -> str:
    """``airwar`` when run as the installed console command, else ``python -m pipeline``."""
    return "airwar" if Path(sys.argv[0]).name == "airwar" else "python -m pipeline"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=_prog(),
        description="Turn news reports about the Russia–Ukraine air war into geocoded, "
                    "validated claim and incident tables.",
        epilog="Exit codes: 0 ok, 1 validation failed (nothing published), 2 usage error, "
               "3 another run holds the lock, 4 unexpected error.")
    parser.add_argument("-v", "--verbose", action="store_true", help="debug logging")
    parser.add_argument("-q", "--quiet", action="store_true", help="warnings and errors only")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("run", help="run every stage and publish (what `make all` does)")
    _add_dirs(p)
    _add_executor(p)

    p = sub.add_parser("stage", help="run one stage (used by the Makefile)")
    p.add_argument("name", choices=("ingest", "sentences", "extract", "geocode", "reconcile", "publish"))
    _add_dirs(p)
    _add_executor(p)

    p = sub.add_parser("validate", help="check an existing publication (exit 0 valid, 1 not)")
    p.add_argument("--processed-dir", type=Path, default=config.PROCESSED_DIR)
    p.add_argument("--raw-dir", type=Path, default=None,
                   help="also check that every raw file is accounted for")

    p = sub.add_parser("evaluate", help="score published mentions against gold claims",
                       add_help=False)
    p.add_argument("args", nargs=argparse.REMAINDER)

    p = sub.add_parser("geocode", help="geocode place names offline, one JSON object per line")
    p.add_argument("--json", action="store_true", help="JSON lines (the default output format)")
    p.add_argument("--country", default=None, help="country hint: RU, UA or BY")
    p.add_argument("places", nargs="+", metavar="PLACE")

    p = sub.add_parser("docs", help="write datapackage.json and the data dictionary from schemas/")
    p.add_argument("--dictionary", type=Path, default=config.PROJECT_ROOT / "docs" / "data-dictionary.md")
    p.add_argument("--datapackage", type=Path, default=None,
                   help="also write datapackage.json here")

    p = sub.add_parser("bench", help="throughput benchmark on a synthetic corpus", add_help=False)
    p.add_argument("args", nargs=argparse.REMAINDER)

    p = sub.add_parser("report", help="(re)build report.html and the exports in a publication")
    p.add_argument("--processed-dir", type=Path, default=config.PROCESSED_DIR)

    p = sub.add_parser("browse", help="serve airwar.sqlite with Datasette on 127.0.0.1 (make browse)")
    p.add_argument("--processed-dir", type=Path, default=config.PROCESSED_DIR)
    p.add_argument("--host", default="127.0.0.1", help="interface (default: %(default)s, loopback only)")
    p.add_argument("--port", type=int, default=8001, help="port (default: %(default)s)")
    return parser


def _setup_logging(args, interim_dir: Path | None) -> None:
    level = logging.DEBUG if args.verbose else logging.WARNING if args.quiet else logging.INFO
    handlers: list[logging.Handler] = [logging.StreamHandler(sys.stderr)]
    if interim_dir is not None:
        Path(interim_dir).mkdir(parents=True, exist_ok=True)
        handlers.append(logging.FileHandler(Path(interim_dir) / "pipeline.log", encoding="utf-8"))
    logging.basicConfig(level=level, handlers=handlers, force=True,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    for noisy in ("great_expectations", "distributed", "numexpr", "urllib3", "trafilatura", "htmldate"):
        logging.getLogger(noisy).setLevel(logging.WARNING)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    # Commands with their own argument parsers get the rest of the line untouched.
    if argv[:1] == ["evaluate"]:
        from . import evaluate
        return evaluate.main(argv[1:], prog=f"{_prog()} evaluate")
    if argv[:1] == ["bench"]:
        from . import bench
        return bench.main(argv[1:])
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_USAGE

    _setup_logging(args, getattr(args, "interim_dir", None))
    log = logging.getLogger("pipeline")
    try:
        return _dispatch(args)
    except KeyboardInterrupt:
        log.error("interrupted")
        return EXIT_CRASH
    except Exception as exc:  # map known failures to exit codes, report the rest
        from . import publish
        if isinstance(exc, publish.ValidationFailed):
            log.error("validation failed, nothing published: %s", exc)
            return EXIT_VALIDATION_FAILED
        if isinstance(exc, publish.LockHeld):
            log.error("%s", exc)
            return EXIT_LOCKED
        if isinstance(exc, publish.PublishError):   # PublishConfigError → 2 (documented)
            log.error("%s", exc)
            return exc.exit_code
        if isinstance(exc, FileNotFoundError):
            log.error("missing input: %s (run the earlier stages first?)", exc)
            return EXIT_USAGE
        log.exception("unexpected error")
        return EXIT_CRASH


def _dispatch(args) -> int:
    from .config import Paths

    if args.command in ("run", "stage"):
        if not Path(args.raw_dir).is_dir():
            logging.getLogger("pipeline").error("raw directory %s does not exist", args.raw_dir)
            return EXIT_USAGE
        paths = Paths(args.raw_dir, args.interim_dir, args.processed_dir)
        from . import publish, run
        if args.command == "run":
            run.run_all(paths, executor=args.executor, scheduler=args.scheduler)
        else:
            with run.interim_session(paths):
                try:
                    run.run_stage(paths, args.name, args.executor, args.scheduler)
                except publish.ValidationFailed:
                    run.write_run_manifest(paths, args.executor, validation="failed")
                    raise
        return EXIT_OK
    if args.command == "validate":
        from . import validate
        return validate.main_validate(args.processed_dir, args.raw_dir)
    if args.command == "geocode":
        from .geocode.stage import geocode_cli
        for line in geocode_cli(args.places, as_json=True, country_hint=args.country):
            print(line)
        return EXIT_OK
    if args.command == "docs":
        from . import io, schema
        io.write_text(args.dictionary, schema.data_dictionary())
        if args.datapackage:
            io.write_text(args.datapackage, schema.datapackage_json())
        return EXIT_OK
    if args.command == "browse":
        from . import browse
        try:
            return browse.main(args.processed_dir, args.host, args.port)
        except browse.BrowseError as exc:
            logging.getLogger("pipeline").error("%s", exc)
            return EXIT_USAGE
    if args.command == "report":
        from . import outputs
        outputs.write_all(args.processed_dir)
        return EXIT_OK
    raise AssertionError(args.command)
