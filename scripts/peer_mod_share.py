"""Russian MoD Telegram posts as a user would feed them: share of interceptions attributed to RU.

Builds a JSONL raw file (one article per post, ``outlet`` written as a user would, no ``url``)
from a CSV of posts with columns ``datetime`` and ``text_snippet`` (the peer file
``shared/corpus/peer/mod_russia_telegram_clean.csv``), runs the whole pipeline on it, and prints
the share of interception mentions whose ``claimant_side`` is ``RU``, with the counts by
``claimant_source``. Everything is written under ``--work`` (keep it outside the repository)::

    python scripts/peer_mod_share.py --csv ../shared/corpus/peer/mod_russia_telegram_clean.csv \\
        --work /tmp/peer_mod [--outlet mod_russia] [--no-run]
"""

from __future__ import annotations

import argparse
import collections
import csv
import json
import subprocess
import sys
from pathlib import Path


def build_jsonl(csv_path: Path, out_path: Path, outlet: str) -> int:
    """One JSONL article per CSV row; returns the number written."""
    out_path.parent.mkdir(parents=True, exist_ok=True)
    n = 0
    with csv_path.open(encoding="utf-8", newline="") as f, out_path.open("w", encoding="utf-8") as out:
        for i, row in enumerate(csv.DictReader(f)):
            text = (row.get("text_snippet") or "").strip()
            if not text:
                continue
            published = (row.get("datetime") or row.get("date") or "").strip().replace(" ", "T") or None
            rec = {"id": f"mod-{i + 1:05d}", "outlet": outlet, "published": published, "text": text}
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
            n += 1
    return n


def interception_share(mentions_csv: Path) -> tuple[int, int, dict]:
    """(interception mentions, of which claimant_side RU, counts by claimant_source)."""
    total = ru = 0
    sources: collections.Counter = collections.Counter()
    with mentions_csv.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if row["event_type"] != "interception":
                continue
            total += 1
            ru += row["claimant_side"] == "RU"
            sources[row.get("claimant_source") or ""] += 1
    return total, ru, dict(sorted(sources.items()))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--csv", type=Path, required=True, help="CSV of posts (datetime, text_snippet)")
    ap.add_argument("--work", type=Path, required=True, help="working folder (raw/, interim/, processed/)")
    ap.add_argument("--outlet", default="mod_russia", help="outlet string written on every post")
    ap.add_argument("--no-run", action="store_true", help="only score an existing processed/mentions.csv")
    args = ap.parse_args(argv)
    raw, interim, processed = (args.work / d for d in ("raw", "interim", "processed"))
    if not args.no_run:
        n = build_jsonl(args.csv, raw / "posts.jsonl", args.outlet)
        print(f"wrote {n} posts to {raw / 'posts.jsonl'} (outlet {args.outlet!r})", file=sys.stderr)
        cmd = [sys.executable, "-m", "pipeline", "run", "--raw-dir", str(raw), "--interim-dir", str(interim),
               "--processed-dir", str(processed)]
        rc = subprocess.run(cmd, cwd=Path(__file__).resolve().parents[1]).returncode
        if rc != 0:
            print(f"error: pipeline run exited {rc}", file=sys.stderr)
            return rc
    total, ru, sources = interception_share(processed / "mentions.csv")
    share = ru / total if total else 0.0
    print(f"interception mentions: {total}  claimant_side RU: {ru}  share: {share:.4f}  by claimant_source: {sources}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
