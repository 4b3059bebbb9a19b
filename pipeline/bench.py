"""Throughput benchmark: ``make bench`` / ``python -m pipeline bench``.

For each corpus size it writes a seeded synthetic raw corpus (:mod:`pipeline.synth`) to a
temporary folder and runs every stage through the library functions of :mod:`pipeline.run`
(not make) in a **fresh subprocess**, so that the peak RSS is that size's own. It records,
per stage, wall time, CPU time and articles/s; per size, the peak RSS of the process and of
the whole process tree (the parent plus its worker processes, sampled every 0.1 s). It then
measures bare spaCy — ``fr_core_news_sm`` with its full default pipeline through
``nlp.pipe`` in one process — on a subsample of the same texts (at 5,000 articles).

The last line printed is::

    articles=N pipeline_aps=X spacy_aps=Y ratio=R peak_rss_mb=M

with ``N`` = 5000 (or the largest size run when 5000 is not among them, e.g. ``--quick``),
``X`` = N / end-to-end wall time of the six stages, ``Y`` = bare spaCy articles/s, ``R = X / Y``
and ``M`` = the peak RSS of the process tree at size N. All figures go to ``OUT/bench.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

STAGES = ("ingest", "sentences", "extract", "geocode", "reconcile", "publish")
DEFAULT_SIZES = (1000, 5000, 20000)
QUICK_SIZES = (200, 1000)
REF_SIZE = 5000


# --------------------------------------------------------------------------- memory

def _vmhwm_mb() -> float:
    """Peak RSS of this process (VmHWM) in MiB."""
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class TreeRSS:
    """Samples the summed RSS of this process and all its descendants (psutil)."""

    def __init__(self, interval: float = 0.1):
        self.interval = interval
        self.peak = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        try:
            import psutil

            self._proc = psutil.Process()
        except ImportError:  # pragma: no cover - psutil is in requirements
            self._proc = None

    def sample(self) -> float:
        if self._proc is None:
            return _vmhwm_mb()
        total = 0
        try:
            procs = [self._proc] + self._proc.children(recursive=True)
        except Exception:
            procs = [self._proc]
        for p in procs:
            try:
                total += p.memory_info().rss
            except Exception:
                pass
        mb = total / 2**20
        self.peak = max(self.peak, mb)
        return mb

    def _run(self):
        while not self._stop.wait(self.interval):
            self.sample()

    def __enter__(self):
        self.sample()
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()
        self.sample()


def _cpu_seconds() -> float:
    s = resource.getrusage(resource.RUSAGE_SELF)
    c = resource.getrusage(resource.RUSAGE_CHILDREN)
    return s.ru_utime + s.ru_stime + c.ru_utime + c.ru_stime


# --------------------------------------------------------------------------- one size (child)

def _run_stage(name: str, paths, executor: str, workers: int, scheduler: str | None) -> dict:
    from . import distributed, run

    if name in ("sentences", "extract"):
        if executor == "dask":
            fn = distributed.sentences_main if name == "sentences" else distributed.extract_main
            return fn(paths, scheduler=scheduler, n_workers=workers)
        if workers > 1:
            fn = distributed.sentences_local if name == "sentences" else distributed.extract_local
            return fn(paths, workers)
        return getattr(run, f"stage_{name}")(paths, "local", None)
    return getattr(run, f"stage_{name}")(paths)


def measure_size(n: int, seed: int, workers: int, executor: str = "local",
                 scheduler: str | None = None, keep: Path | None = None) -> dict:
    """Generate ``n`` articles and run every stage on them; figures as a dict."""
    from . import run, synth
    from .config import Paths

    tmp = Path(tempfile.mkdtemp(prefix=f"airwar-bench-{n}-"))
    out: dict = {"articles": n, "seed": seed, "workers": workers, "executor": executor,
                 "stages": {}, "complete": True, "loadavg_start": os.getloadavg()}
    try:
        t0 = time.perf_counter()
        synth.write_raw(tmp / "raw", n, seed)
        out["generate_seconds"] = round(time.perf_counter() - t0, 3)
        out["raw_bytes"] = sum(p.stat().st_size for p in (tmp / "raw").iterdir())
        paths = Paths(tmp / "raw", tmp / "interim", tmp / "processed")
        Path(paths.interim_dir).mkdir(parents=True)
        with TreeRSS() as tree:
            base_rss = _vmhwm_mb()
            for name in STAGES:
                w0, c0 = time.perf_counter(), _cpu_seconds()
                rec: dict = {}
                try:
                    stats = _run_stage(name, paths, executor, workers, scheduler)
                    rec["stats"] = stats
                    run.release_memory()  # as run_stage does between stages
                except Exception as exc:  # record and stop: later stages need this output
                    try:
                        from .publish import ValidationFailed
                    except ImportError:
                        ValidationFailed = ()
                    failed_validation = bool(ValidationFailed) and isinstance(exc, ValidationFailed)
                    rec["error"] = f"{type(exc).__name__}: {exc}"[:500]
                    if not failed_validation:
                        out["complete"] = False
                wall = time.perf_counter() - w0
                rec.update(seconds=round(wall, 3), cpu_seconds=round(_cpu_seconds() - c0, 3),
                           aps=round(n / wall, 2) if wall > 0 else None,
                           rss_mb_after=round(tree.sample(), 1), vmhwm_mb_after=round(_vmhwm_mb(), 1))
                out["stages"][name] = rec
                print(f"  [{n}] {name:<9} {wall:8.2f} s  {n / wall if wall else 0:9.1f} art/s"
                      + (f"  ERROR {rec['error']}" if "error" in rec else ""), file=sys.stderr, flush=True)
                if "error" in rec and not out["complete"]:
                    break
        total = sum(s["seconds"] for s in out["stages"].values())
        out["pipeline_seconds"] = round(total, 3)
        out["pipeline_aps"] = round(n / total, 3) if total else None
        out["cpu_seconds"] = round(sum(s["cpu_seconds"] for s in out["stages"].values()), 3)
        out["peak_rss_mb_self"] = round(_vmhwm_mb(), 1)
        out["peak_rss_mb_children_max"] = round(
            resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1)
        out["peak_rss_mb_tree"] = round(max(tree.peak, out["peak_rss_mb_self"]), 1)
        out["rss_mb_before_stages"] = round(base_rss, 1)
        out["loadavg_end"] = os.getloadavg()
        out["n_mentions"] = (out["stages"].get("extract", {}).get("stats") or {}).get("mentions")
        if keep is not None:
            dest = Path(keep) / f"interim-{n}"
            shutil.rmtree(dest, ignore_errors=True)
            shutil.copytree(paths.interim_dir, dest, ignore=shutil.ignore_patterns("extract_cache"))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return out


# --------------------------------------------------------------------------- bare spaCy (child)

def measure_spacy(n: int, seed: int, sample: int, model: str = "fr_core_news_sm") -> dict:
    """Articles/s of ``model``'s full default pipeline (``nlp.pipe``, one process) over an
    evenly spaced subsample of the ``n``-article synthetic corpus."""
    import spacy

    from . import synth

    arts = synth.generate(n, seed)
    step = max(1, len(arts) // sample)
    texts = [a["text"] for a in arts[::step]][:sample]
    t0 = time.perf_counter()
    nlp = spacy.load(model)
    load = time.perf_counter() - t0
    list(nlp.pipe(texts[:10]))  # warm-up (first-call allocations)
    t0, c0 = time.perf_counter(), time.process_time()
    tokens = 0
    for doc in nlp.pipe(texts):
        tokens += len(doc)
    dt = time.perf_counter() - t0
    cpu = time.process_time() - c0
    return {"model": model, "pipeline": list(nlp.pipe_names), "corpus_articles": n,
            "sample_articles": len(texts), "seconds": round(dt, 3), "load_seconds": round(load, 3),
            "aps": round(len(texts) / dt, 3), "cpu_seconds": round(cpu, 3),
            "aps_per_cpu_second": round(len(texts) / cpu, 3) if cpu else None, "tokens": tokens, "tokens_per_s": round(tokens / dt, 1),
            "n_process": 1, "peak_rss_mb": round(_vmhwm_mb(), 1)}


# --------------------------------------------------------------------------- driver

def _child(args) -> int:
    if args.child_spacy:
        res = measure_spacy(args.child_spacy, args.seed, args.spacy_sample)
    else:
        res = measure_size(args.child_size, args.seed, args.workers, args.executor, args.scheduler,
                           Path(args.keep_interim) if args.keep_interim else None)
    Path(args.child_out).write_text(json.dumps(res, indent=2), encoding="utf-8")
    return 0


def _spawn(extra: list[str], args, log_path: Path) -> dict:
    """Run this module in a fresh interpreter; its JSON result."""
    fd, res_path = tempfile.mkstemp(suffix=".json", prefix="airwar-bench-")
    os.close(fd)
    cmd = [sys.executable, "-m", "pipeline.bench", "--seed", str(args.seed), "--workers",
           str(args.workers), "--executor", args.executor, "--spacy-sample", str(args.spacy_sample),
           "--_child-out", res_path] + (["--scheduler", args.scheduler] if args.scheduler else []) \
        + (["--_keep-interim", str(Path(args.out).resolve())] if args.keep_interim else []) + extra
    env = dict(os.environ)
    root = str(Path(__file__).resolve().parent.parent)
    env["PYTHONPATH"] = root + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    try:
        with open(log_path, "a", encoding="utf-8") as log:
            log.write(f"$ {' '.join(cmd)}\n")
            log.flush()
            # per-stage lines ("  [N] stage …") are echoed live; everything goes to the log file
            proc = subprocess.Popen(cmd, cwd=root, env=env, stdout=log, stderr=subprocess.PIPE,
                                    text=True, encoding="utf-8", errors="replace")
            tail: list[str] = []
            for line in proc.stderr:
                log.write(line)
                if line.startswith("  ["):
                    print(line.rstrip("\n"), flush=True)
                tail = (tail + [line.rstrip("\n")])[-15:]
            returncode = proc.wait()
        if returncode != 0:
            raise RuntimeError(f"benchmark child {' '.join(extra)} failed ({returncode}):\n"
                               + "\n".join(tail))
        return json.loads(Path(res_path).read_text(encoding="utf-8"))
    finally:
        os.unlink(res_path)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m pipeline bench",
        description="Throughput benchmark on a seeded synthetic corpus: wall time and articles/s "
                    "per stage, peak RSS per size (each size in a fresh process), and the ratio "
                    "to bare spaCy (fr_core_news_sm, full pipeline) at 5,000 articles.",
        epilog="Last line: articles=N pipeline_aps=X spacy_aps=Y ratio=R peak_rss_mb=M")
    p.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)),
                   help="comma-separated corpus sizes (default: %(default)s)")
    p.add_argument("--quick", action="store_true",
                   help=f"smoke run: sizes {','.join(map(str, QUICK_SIZES))} (overrides --sizes)")
    p.add_argument("--seed", type=int, default=42, help="corpus seed (default: %(default)s)")
    p.add_argument("--out", type=Path, default=Path("bench/out"),
                   help="folder for bench.json and bench.log (default: %(default)s)")
    p.add_argument("--workers", type=int, default=2,
                   help="worker processes for the per-article stages (default: %(default)s)")
    p.add_argument("--executor", choices=("local", "dask"), default="local",
                   help="executor of the per-article stages (default: %(default)s)")
    p.add_argument("--scheduler", default=None, help="Dask scheduler address (with --executor dask)")
    p.add_argument("--spacy-sample", type=int, default=500,
                   help="articles of the corpus run through bare spaCy (default: %(default)s)")
    p.add_argument("--no-spacy", action="store_true", help="skip the bare spaCy measurement")
    p.add_argument("--keep-interim", action="store_true",
                   help="copy each size's interim files to OUT/interim-N (without the cache)")
    p.add_argument("--_child-size", dest="child_size", type=int, help=argparse.SUPPRESS)
    p.add_argument("--_child-spacy", dest="child_spacy", type=int, help=argparse.SUPPRESS)
    p.add_argument("--_child-out", dest="child_out", help=argparse.SUPPRESS)
    p.add_argument("--_keep-interim", dest="keep_interim_dir", help=argparse.SUPPRESS)
    return p


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.child_out:
        args.keep_interim = args.keep_interim_dir
        return _child(args)
    try:
        sizes = list(QUICK_SIZES) if args.quick else [int(s) for s in args.sizes.split(",") if s.strip()]
    except ValueError:
        parser.error("--sizes must be comma-separated integers")
    if not sizes or min(sizes) < 1:
        parser.error("--sizes must be positive")
    out_dir = Path(args.out)
    out_dir.mkdir(parents=True, exist_ok=True)
    log_path = out_dir / "bench.log"
    log_path.write_text("", encoding="utf-8")
    ref = REF_SIZE if REF_SIZE in sizes else max(sizes)

    report: dict = {"started": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "seed": args.seed,
                    "sizes": sizes, "workers": args.workers, "executor": args.executor,
                    "machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                                "platform": platform.platform()},
                    "runs": {}, "reference_size": ref}
    for n in sizes:
        print(f"size {n}: generating and running all stages in a fresh process …", flush=True)
        report["runs"][str(n)] = _spawn(["--_child-size", str(n)], args, log_path)
        r = report["runs"][str(n)]
        print(f"size {n}: {r['pipeline_seconds']:.1f} s, {r['pipeline_aps']:.1f} art/s, "
              f"peak RSS {r['peak_rss_mb_tree']:.0f} MB (main process {r['peak_rss_mb_self']:.0f} MB)"
              + ("" if r["complete"] else "  [INCOMPLETE: a stage failed, see bench.json]"), flush=True)
    spacy_aps = None
    if not args.no_spacy:
        print(f"bare spaCy: fr_core_news_sm on {args.spacy_sample} of {ref} articles …", flush=True)
        report["spacy"] = _spawn(["--_child-spacy", str(ref)], args, log_path)
        spacy_aps = report["spacy"]["aps"]
        print(f"bare spaCy: {spacy_aps:.1f} art/s ({report['spacy']['tokens_per_s']:.0f} tokens/s)",
              flush=True)

    # Scaling figures between sizes.
    runs = report["runs"]
    scaling = {}
    for a in sizes:
        for b in sizes:
            if b > a:
                ra, rb = runs[str(a)], runs[str(b)]
                scaling[f"{b}/{a}"] = {
                    "size_ratio": round(b / a, 3),
                    "time_ratio": round(rb["pipeline_seconds"] / ra["pipeline_seconds"], 3),
                    "peak_rss_ratio_tree": round(rb["peak_rss_mb_tree"] / ra["peak_rss_mb_tree"], 3),
                    "peak_rss_ratio_self": round(rb["peak_rss_mb_self"] / ra["peak_rss_mb_self"], 3)}
    report["scaling"] = scaling
    r = runs[str(ref)]
    x = r["pipeline_aps"]
    ratio = round(x / spacy_aps, 3) if spacy_aps else None
    report["summary"] = {"articles": ref, "pipeline_aps": x, "spacy_aps": spacy_aps, "ratio": ratio,
                         "peak_rss_mb": r["peak_rss_mb_tree"], "complete": all(
                             v["complete"] for v in runs.values())}
    report["finished"] = time.strftime("%Y-%m-%dT%H:%M:%S%z")
    (out_dir / "bench.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")

    print()
    print(f"{'size':>6} " + " ".join(f"{s:>10}" for s in STAGES) + f" {'total s':>9} {'art/s':>7} {'peakMB':>7}")
    for n in sizes:
        rr = runs[str(n)]
        cells = [f"{rr['stages'][s]['seconds']:>10.2f}" if s in rr["stages"] else f"{'-':>10}" for s in STAGES]
        print(f"{n:>6} " + " ".join(cells) + f" {rr['pipeline_seconds']:>9.1f} {rr['pipeline_aps']:>7.1f}"
              f" {rr['peak_rss_mb_tree']:>7.0f}")
    for k, v in scaling.items():
        print(f"scaling {k}: time x{v['time_ratio']} (size x{v['size_ratio']}), "
              f"peak RSS x{v['peak_rss_ratio_tree']} (main process x{v['peak_rss_ratio_self']})")
    if not report["summary"]["complete"]:
        print("WARNING: some stage failed; figures cover the stages that ran (see bench.json)")
    print(f"figures: {out_dir / 'bench.json'}")
    print(f"articles={ref} pipeline_aps={x:.2f} spacy_aps={spacy_aps if spacy_aps is None else f'{spacy_aps:.2f}'} "
          f"ratio={ratio if ratio is None else f'{ratio:.2f}'} peak_rss_mb={r['peak_rss_mb_tree']:.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
