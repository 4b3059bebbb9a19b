"""Air Force headline totals on a held-out set: is the night's all-weapons total exactly right?

    python scripts/heldout/af_totals.py CORPUS_DIR PROCESSED_DIR

CORPUS_DIR/totals.csv lists ``doc_id,night_end_date,launched,intercepted`` (the annotator's headline
total). A document counts as right when a single top-level, country-level mention claimed by the
Ukrainian side has exactly those figures, or when the top-level country-level UA mentions sum to them
(launched summed with or without launch-only claims, as annotators differ on missiles with no
shoot-down figure)."""
import collections
import csv
import sys


def main(corp: str, proc: str) -> None:
    tot = list(csv.DictReader(open(f"{corp}/totals.csv", encoding="utf-8")))
    doc_of = {r["article_id"]: r["doc_id"] for r in csv.DictReader(open(f"{proc}/articles.csv", encoding="utf-8"))}
    ments = collections.defaultdict(list)
    for m in csv.DictReader(open(f"{proc}/mentions.csv", encoding="utf-8")):
        if m["event_type"] in ("interception", "attack") and m["claimant_side"] == "UA" \
                and not m["admin1_code"] and not m["parent_mention_id"]:
            ments[doc_of.get(m["article_id"])].append(m)
    ok = 0
    for t in tot:
        gl = int(float(t["launched"])) if t["launched"].strip() else None
        gi = int(float(t["intercepted"]))
        num = lambda v: int(float(v)) if v else None
        ms = ments.get(t["doc_id"].strip(), [])
        single = any(num(m["intercepted"]) == gi and (gl is None or num(m["launched"]) == gl) for m in ms)
        s_i = sum(num(m["intercepted"]) or 0 for m in ms)
        s_l = sum(num(m["launched"]) or 0 for m in ms)
        s_li = sum(num(m["launched"]) or 0 for m in ms if m["event_type"] == "interception")
        good = single or (s_i == gi and (gl is None or gl in (s_l, s_li)))
        ok += good
        print(t["doc_id"], "gold", gl, gi, "sum", s_l, s_i, "OK" if good else "MISS")
    print(f"exact totals: {ok}/{len(tot)}")


if __name__ == "__main__":
    main(*sys.argv[1:3])
