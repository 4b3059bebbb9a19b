"""Dev harness: corpus folder → processed dir (articles.csv + mentions.csv) → scorer.

    .venv/bin/python scripts/dev_extract.py --corpus /work/shared/corpus/dev --out /tmp/devrun [--ids 146-185] [--score]

Uses the lead's ``pipeline.ingest`` / ``pipeline.sentences`` and the extractor; mentions carry
the extractor's own place resolution (``admin1_code``), so no geocode stage is needed.
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline import ingest, sentences  # noqa: E402
from pipeline.extract import extract_article, load_resources  # noqa: E402

FIELDS = ["mention_id", "article_id", "parent_mention_id", "sentence", "char_start", "char_end", "lang",
          "claimant", "claimant_side", "event_type", "weapon", "weapon_model", "attacker_side", "launched",
          "intercepted", "lost_to_ew", "hits", "target", "location_text", "admin1_code", "country_code",
          "event_date", "date_precision", "date_text", "ambiguous"]


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default="/work/shared/corpus/dev")
    ap.add_argument("--out", default="/tmp/devrun")
    ap.add_argument("--doc", default=None)
    ap.add_argument("--score", action="store_true")
    ap.add_argument("--ids", default=None)
    ap.add_argument("--dump", action="store_true", help="print mentions")
    a = ap.parse_args(argv)
    corpus = Path(a.corpus)
    docs = corpus / "docs" if (corpus / "docs").exists() else corpus
    t0 = time.time()
    arts, _rej = ingest.ingest(docs)
    if a.doc:
        arts = [x for x in arts if Path(x["source_file"]).stem == a.doc]
    res = load_resources()
    t1 = time.time()
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    rows, arows = [], []
    for art in sorted(arts, key=lambda x: x["source_file"]):
        rec = sentences.sentence_records(art)
        ms = extract_article(art, rec["sentences"], res)
        aid = art["article_id"]
        ids = [f"{aid}-{i + 1:02d}" for i in range(len(ms))]
        for i, m in enumerate(ms):
            r = {k: m.get(k) for k in FIELDS}
            r["mention_id"], r["article_id"] = ids[i], aid
            p = m.get("parent_index")
            r["parent_mention_id"] = ids[p] if isinstance(p, int) and 0 <= p < len(ids) else None
            rows.append(r)
        arows.append({"article_id": aid, "source_file": art["source_file"],
                      "doc_id": art.get("doc_id") or Path(art["source_file"]).stem,
                      "language": rec["language"], "n_mentions": len(ms)})
        if a.dump:
            print("=====", art["source_file"])
            for i, m in enumerate(ms):
                print(i, m["event_type"], m["weapon"], m["claimant"], m["claimant_side"], m["attacker_side"],
                      "L", m["launched"], "I", m["intercepted"], "E", m["lost_to_ew"], "H", m["hits"],
                      "|", m["location_text"], m.get("admin1_code"), m["country_hint"], m["event_date"],
                      "P", m["parent_index"], "amb" if m["ambiguous"] else "", "||", m["sentence"][:90])
    t2 = time.time()
    with open(out / "mentions.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, FIELDS)
        w.writeheader()
        for r in rows:
            w.writerow({k: ("" if v is None else v) for k, v in r.items()})
    with open(out / "articles.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, ["article_id", "source_file", "doc_id", "language", "n_mentions"])
        w.writeheader()
        w.writerows(arows)
    print(f"{len(arts)} articles, {len(rows)} mentions; load {t1 - t0:.1f}s extract {t2 - t1:.1f}s", file=sys.stderr)
    if a.score:
        cmd = [sys.executable, "-m", "pipeline.evaluate", "--gold", str(corpus / "gold.jsonl"),
               "--processed-dir", str(out), "--docs-dir", str(docs)]
        if a.ids:
            cmd += ["--ids", a.ids]
        if a.doc:
            cmd += ["--doc", a.doc, "--verbose"]
        subprocess.run(cmd, cwd=ROOT)


if __name__ == "__main__":
    main()
