"""Russian MoD posts: per-post country-level drone total against a hand-checked sample.

    python scripts/heldout/mod_totals.py SAMPLE_CSV PROCESSED_DIR

SAMPLE_CSV has ``row,datetime,total_drones,period,notes`` (row = 0-based row of the peer CSV);
PROCESSED_DIR is a publication built by ``scripts/peer_mod_share.py`` (doc ids ``mod-{row+1:05d}``).
The extracted total is the sum of the top-level drone interception mentions of the post."""
import collections
import csv
import sys


def main(sample_csv: str, proc: str) -> None:
    sample = list(csv.DictReader(open(sample_csv, encoding="utf-8")))
    doc_of = {r["article_id"]: r["doc_id"] for r in csv.DictReader(open(f"{proc}/articles.csv", encoding="utf-8"))}
    tot, seen = collections.Counter(), set()
    for m in csv.DictReader(open(f"{proc}/mentions.csv", encoding="utf-8")):
        if m["event_type"] == "interception" and m["weapon"] == "drone" and not m["parent_mention_id"]:
            d = doc_of.get(m["article_id"])
            tot[d] += int(float(m["intercepted"] or 0))
            seen.add(d)
    ok = 0
    for s in sample:
        d = f"mod-{int(s['row']) + 1:05d}"
        got = tot[d] if d in seen else None
        ok += got == int(s["total_drones"])
        if got != int(s["total_drones"]):
            print("MISS row", s["row"], "gold", s["total_drones"], "got", got)
    print(f"MoD totals right: {ok}/{len(sample)} = {ok / len(sample):.3f}")


if __name__ == "__main__":
    main(*sys.argv[1:3])
