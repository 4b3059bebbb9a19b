"""Summarise reconciliation on a publication: incidents, disputed incidents, collapsed
duplicates (claims with several sources) and which documents they join.

    python scripts/reconcile_report.py --processed-dir /tmp/out
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

import pandas as pd


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--processed-dir", type=Path, required=True)
    args = ap.parse_args()
    read = lambda n: pd.read_csv(args.processed_dir / f"{n}.csv", dtype=str, keep_default_na=False)
    arts, ments, claims, incs = read("articles"), read("mentions"), read("claims"), read("incidents")
    doc = {a.article_id: (a.doc_id or Path(a.source_file).stem) for a in arts.itertuples()}
    m_doc = {m.mention_id: doc[m.article_id] for m in ments.itertuples()}
    print(f"mentions {len(ments)}  claims {len(claims)}  incidents {len(incs)}  "
          f"disputed {int((incs.disputed == 'true').sum())}  "
          f"multi-claim incidents {int((incs.n_claims.astype(int) > 1).sum())}  "
          f"both sides reporting {int(incs.sides_reporting.str.contains('RU').mul(incs.sides_reporting.str.contains('UA')).sum())}")
    multi = claims[claims.n_sources.astype(int) > 1]
    print(f"collapsed duplicates: {len(multi)} claims with n_sources > 1 "
          f"({int(multi.n_sources.astype(int).sum() - len(multi))} mentions folded)")
    pairs = Counter()
    for c in multi.itertuples():
        docs = sorted({m_doc[m] for m in c.mention_ids.split("|")})
        pairs["/".join(docs)] += 1
    for p, n in sorted(pairs.items()):
        print(f"  {p}: {n} claims")
    cross = Counter()
    for inc_id, grp in claims.groupby("incident_id"):
        docs = sorted({m_doc[m] for ids in grp.mention_ids for m in ids.split("|")})
        sides = sorted(set(grp.claimant_side))
        if len(sides) > 1:
            cross["/".join(docs) + " [" + "|".join(sides) + "]"] += 1
    print("incidents with claims of several sides (documents [sides]):")
    for k, n in sorted(cross.items()):
        print(f"  {k}: {n}")


if __name__ == "__main__":
    main()
