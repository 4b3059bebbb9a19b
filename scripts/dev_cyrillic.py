"""Dev harness for the Russian / Ukrainian extractor.

Runs ``pipeline.extract.cyrillic.extract_cyrillic`` on every ru/uk document of a corpus folder
(``docs/NNN.txt`` + ``NNN.meta.json`` + ``gold.jsonl``) and scores it with ``pipeline.evaluate``
(the rules of gold-format.md, "How a run is scored").

    python scripts/dev_cyrillic.py /work/shared/corpus/dev-ru-mod [--ids 201-270] [--verbose] [--doc 205]
    python scripts/dev_cyrillic.py /work/shared/corpus/dev --langs ru,uk [--geocode]
    python scripts/dev_cyrillic.py --peer /work/shared/corpus/peer/mod_russia_telegram_clean.csv

``--out DIR`` also writes ``mentions.csv`` and ``articles.csv`` (article_id, source_file, doc_id)
so that ``python -m pipeline.evaluate --gold G --processed-dir DIR`` gives the same numbers.
"""
from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pipeline.extract.cyrillic import extract_cyrillic  # noqa: E402
from pipeline import evaluate as ev  # noqa: E402


def _published_date(p):
    if isinstance(p, str) and re.match(r"^\d{4}-\d{2}-\d{2}", p):
        return p[:10]
    return None


def load_corpus(folder: Path, langs: set[str]):
    docs = []
    for meta_path in sorted((folder / "docs").glob("*.meta.json")):
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        if langs and (meta.get("language") or "") not in langs:
            continue
        stem = meta_path.name[: -len(".meta.json")]
        text = (folder / "docs" / f"{stem}.txt").read_text(encoding="utf-8")
        docs.append({"article_id": str(meta.get("id") or stem), "doc_id": str(meta.get("id") or stem),
                     "source_file": f"{stem}.txt", "outlet": meta.get("outlet"), "title": meta.get("title"),
                     "published": meta.get("published"), "published_date": _published_date(meta.get("published")),
                     "language_meta": meta.get("language"), "text": text})
    return docs


def _resources():
    try:
        from pipeline.extract.resources import Resources
        from pipeline.geocode import default_gazetteer
        return Resources(gazetteer=default_gazetteer())
    except Exception as exc:  # the extractor still runs on its own lexicons
        print(f"(no gazetteer: {exc})", file=sys.stderr)
        return None


def run_corpus(args):
    folder = Path(args.corpus)
    langs = set(args.langs.split(",")) if args.langs else set()
    docs = load_corpus(folder, langs)
    if args.ids:
        keep = ev.parse_ids(args.ids)
        docs = [d for d in docs if d["doc_id"] in keep]
    if args.doc:
        docs = [d for d in docs if d["doc_id"] == args.doc]
    mentions = []
    res = _resources()
    t0 = time.time()
    for d in docs:
        for i, m in enumerate(extract_cyrillic(d, [], res)):
            m = dict(m)
            m["doc_id"] = d["doc_id"]
            m["article_id"] = d["article_id"]
            m["mention_id"] = f"{d['doc_id']}-{i:02d}"
            mentions.append(m)
    dt = time.time() - t0
    if args.geocode:
        # as the pipeline does: the geocode stage re-resolves location_text
        from pipeline.geocode.stage import geocode_mentions
        mentions, _, _ = geocode_mentions(mentions, getattr(res, "gazetteer", None))
    ids = {d["doc_id"] for d in docs}
    gold = [g for g in ev.load_gold(folder / "gold.jsonl") if g["doc_id"] in ids]
    languages = {d["doc_id"]: d["language_meta"] for d in docs}
    result, details = ev._evaluate(gold, mentions, ids, languages)
    print(ev.format_report(result))
    print(f"[{len(docs)} docs, {len(mentions)} mentions, {dt:.2f}s]")
    if args.verbose or args.doc:
        print(ev.format_details(details))
    if args.out:
        out = Path(args.out)
        out.mkdir(parents=True, exist_ok=True)
        cols = ["mention_id", "article_id", "parent_mention_id", "sentence", "char_start", "char_end", "lang",
                "claimant", "claimant_side", "event_type", "weapon", "weapon_model", "attacker_side", "launched",
                "intercepted", "lost_to_ew", "hits", "target", "location_text", "admin1", "admin1_code",
                "country_code", "event_date", "event_date_start", "event_date_end", "date_precision", "date_text",
                "ambiguous"]
        with (out / "mentions.csv").open("w", newline="", encoding="utf-8") as f:
            w = csv.DictWriter(f, fieldnames=cols, extrasaction="ignore")
            w.writeheader()
            for m in mentions:
                w.writerow(m)
        with (out / "articles.csv").open("w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(["article_id", "source_file", "doc_id"])
            for d in docs:
                w.writerow([d["article_id"], d["source_file"], d["doc_id"]])
    return result


def run_peer(args):
    path = Path(args.peer)
    n = n_icpt = n_claims = 0
    t0 = time.time()
    errors = 0
    res = _resources()
    with path.open(encoding="utf-8") as f:
        for i, row in enumerate(csv.DictReader(f)):
            art = {"article_id": f"peer-{i}", "doc_id": None, "outlet": "Russian Ministry of Defence (Telegram)",
                   "title": None, "published": row.get("date"), "published_date": _published_date(row.get("date")),
                   "language_meta": "ru", "text": row.get("text_snippet") or ""}
            try:
                ms = extract_cyrillic(art, [], res)
            except Exception as exc:  # report, keep going
                errors += 1
                print(f"row {i}: {type(exc).__name__}: {exc}", file=sys.stderr)
                ms = []
            n += 1
            n_claims += len(ms)
            if any(m["event_type"] == "interception" for m in ms):
                n_icpt += 1
    dt = time.time() - t0
    print(f"peer posts: {n}; with interception claims: {n_icpt}; mentions: {n_claims}; "
          f"errors: {errors}; time: {dt:.1f}s ({1000 * dt / max(n, 1):.2f} ms/post)")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="?")
    ap.add_argument("--langs", default="ru,uk")
    ap.add_argument("--ids")
    ap.add_argument("--doc")
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--out")
    ap.add_argument("--peer")
    ap.add_argument("--geocode", action="store_true", help="re-resolve location_text with the geocode stage")
    args = ap.parse_args(argv)
    if args.peer:
        run_peer(args)
    if args.corpus:
        run_corpus(args)


if __name__ == "__main__":
    main()
