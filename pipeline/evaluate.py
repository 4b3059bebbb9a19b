"""Score a run's extraction (``mentions.csv``) against gold claims (``gold.jsonl``).

Implements "How a run is scored" in ``shared/corpus/gold-format.md``:

* Within each document, every gold claim is matched to at most one extracted mention (and each
  mention to at most one gold claim) with the same ``event_type``, the same coarse weapon
  (drone / missile family / glide bomb / other; ``unknown`` on either side matches any weapon)
  and the same ``admin1_code`` (both empty counts as the same).
* The assignment is optimal per document (Hungarian algorithm on integer weights), with
  lexicographic priorities: (1) as many matches as possible, (2) then as many agreeing scored
  fields (launched, intercepted, attacker_side, claimant_side, event_date) as possible,
  (3) then as few ambiguous gold claims as possible (an unmatched ambiguous claim does not count
  against recall). Remaining ties go to the earlier gold claim / mention in input order, so the
  result is deterministic.
* precision = matched / extracted; recall = matched / (gold − unmatched ambiguous gold);
  F1 = 2·matched / (extracted + recall denominator).
* Field accuracy: over the matched pairs, the share with an equal value (empty == empty; counts
  compared as integers).
* Exact F1: the same, but an edge also needs all five scored fields equal. The exact matching is
  computed on its own (it is the best matching under the stricter rule, not a filter of the
  loose one).
* Documents of the corpus without gold claims (negatives) contribute their mentions as false
  positives. Mentions of documents outside the corpus (gold ids ∪ ``--docs-dir`` ids) are ignored.
* admin1 metrics (document level): recall = share of gold claims with an ``admin1_code`` whose
  document has a mention with that code; precision = share of mentions with an ``admin1_code``
  that some gold claim of the same document has.

CLI: ``python -m pipeline.evaluate --gold FILE --processed-dir DIR [--docs-dir D] [--ids 146-185]
[--json] [--verbose] [--doc ID]`` (also reached as ``python -m pipeline evaluate …``).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any, Iterable

SCORED_FIELDS = ("launched", "intercepted", "attacker_side", "claimant_side", "event_date")
INT_FIELDS = ("launched", "intercepted", "lost_to_ew", "hits", "char_start", "char_end")
MISSILE_FAMILY = frozenset({"missile", "ballistic_missile", "cruise_missile"})
LANGUAGE_ORDER = ("en", "fr", "mixed", "uk", "ru")
EVENT_TYPES = ("interception", "strike", "attack")
UNKNOWN_LANGUAGE = "unknown"


# --------------------------------------------------------------------------- values

def _clean(value: Any) -> Any:
    """Missing (None, '', NaN) → None; strings stripped."""
    if value is None:
        return None
    if isinstance(value, float) and value != value:  # NaN
        return None
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return value


def _as_int(value: Any) -> Any:
    """An integer count as int (``"12"``, ``12.0`` → 12); missing → None; anything else as is."""
    value = _clean(value)
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, int):
        return value
    try:
        f = float(value)
    except (TypeError, ValueError):
        return value
    return int(f) if f.is_integer() else value


def _field(rec: dict, name: str) -> Any:
    return _as_int(rec.get(name)) if name in INT_FIELDS else _clean(rec.get(name))


def coarse_weapon(weapon: Any) -> str | None:
    """The scoring group of a weapon; None for ``unknown`` / missing (matches any group)."""
    w = _clean(weapon)
    if w is None or w == "unknown":
        return None
    if w == "drone":
        return "drone"
    if w in MISSILE_FAMILY:
        return "missile"
    if w == "glide_bomb":
        return "glide_bomb"
    return "other"


def _compatible(g: dict, e: dict) -> bool:
    if _clean(g.get("event_type")) != _clean(e.get("event_type")):
        return False
    if _clean(g.get("admin1_code")) != _clean(e.get("admin1_code")):
        return False
    gw, ew = coarse_weapon(g.get("weapon")), coarse_weapon(e.get("weapon"))
    return gw is None or ew is None or gw == ew


def _field_equal(g: dict, e: dict) -> dict[str, bool]:
    return {f: _field(g, f) == _field(e, f) for f in SCORED_FIELDS}


def _is_ambiguous(g: dict) -> bool:
    a = g.get("ambiguous")
    if isinstance(a, str):
        return a.strip().lower() in ("true", "1", "yes")
    return bool(a)


# --------------------------------------------------------------------------- loading

def load_gold(path: Path | str) -> list[dict]:
    """Gold claims from a ``gold.jsonl`` (blank lines skipped); ``doc_id`` as a string."""
    claims = []
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{lineno}: invalid JSON: {exc}") from exc
            if rec.get("doc_id") is None:
                raise ValueError(f"{path}:{lineno}: gold claim without doc_id")
            rec["doc_id"] = str(rec["doc_id"])
            claims.append(rec)
    return claims


def _read_csv(path: Path) -> list[dict]:
    import pandas as pd

    try:
        df = pd.read_csv(path, dtype=str, keep_default_na=False)
    except pd.errors.EmptyDataError:
        return []
    from . import csvsafe

    return csvsafe.restore_frame(df, path.stem).to_dict("records") if path.stem in ("articles", "mentions") \
        else df.to_dict("records")


def _doc_key(article: dict) -> str | None:
    """doc_id when given, else the stem of the source file's basename (``docs/101.txt`` → ``101``;
    ``batch.jsonl#3`` → ``batch#3``)."""
    doc_id = _clean(article.get("doc_id"))
    if doc_id is not None:
        return str(doc_id)
    source = _clean(article.get("source_file"))
    if source is None:
        return None
    source, _, line = source.partition("#")
    stem = Path(source.replace("\\", "/")).name
    for suffix in (".meta.json", ".txt", ".html", ".htm", ".jsonl"):
        if stem.lower().endswith(suffix):
            stem = stem[: -len(suffix)]
            break
    return f"{stem}#{line}" if line else stem


def load_articles(processed_dir: Path | str) -> dict[str, dict]:
    """``articles.csv`` as ``{article_id: {"doc_id": doc key, "language": detected language}}``."""
    out = {}
    for row in _read_csv(Path(processed_dir) / "articles.csv"):
        out[row["article_id"]] = {"doc_id": _doc_key(row), "language": _clean(row.get("language"))}
    return out


def load_extracted(processed_dir: Path | str, articles: dict[str, dict] | None = None) -> list[dict]:
    """Mentions from ``mentions.csv``, each with ``doc_id`` (the document key of its article) and
    ``article_language`` added; empty fields → None, count and offset columns → int.
    Mentions whose article is not in ``articles.csv`` are dropped with a warning."""
    processed_dir = Path(processed_dir)
    if articles is None:
        articles = load_articles(processed_dir)
    mentions, orphans = [], 0
    for row in _read_csv(processed_dir / "mentions.csv"):
        rec = {k: (_as_int(v) if k in INT_FIELDS else _clean(v)) for k, v in row.items()}
        art = articles.get(row.get("article_id", ""))
        if art is None or art["doc_id"] is None:
            orphans += 1
            continue
        rec["doc_id"] = art["doc_id"]
        rec["article_language"] = art["language"]
        mentions.append(rec)
    if orphans:
        print(f"evaluate: warning: {orphans} mention(s) without a known article ignored",
              file=sys.stderr)
    return mentions


def load_docs_dir(docs_dir: Path | str) -> dict[str, str | None]:
    """``{doc id: language}`` for every document of a corpus folder (``NNN.txt``/``.html`` with an
    optional ``NNN.meta.json``; the id is the meta ``id``, else the file stem)."""
    docs_dir = Path(docs_dir)
    docs: dict[str, str | None] = {}
    metas = set()
    for meta_path in sorted(docs_dir.glob("*.meta.json")):
        stem = meta_path.name[: -len(".meta.json")]
        metas.add(stem)
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            meta = {}
        if not isinstance(meta, dict):
            meta = {}
        doc_id = _clean(meta.get("id"))
        docs[str(doc_id) if doc_id is not None else stem] = _clean(meta.get("language"))
    for ext in ("*.txt", "*.html", "*.htm"):
        for p in sorted(docs_dir.glob(ext)):
            if p.stem not in metas:
                docs.setdefault(p.stem, None)
    return docs


def default_docs_dir(gold_path: Path | str) -> Path | None:
    """The sibling ``docs/`` folder of the gold file, else the gold file's own folder when it holds
    ``*.meta.json`` files (the seed layout), else None."""
    parent = Path(gold_path).resolve().parent
    if (parent / "docs").is_dir():
        return parent / "docs"
    if any(parent.glob("*.meta.json")):
        return parent
    return None


def parse_ids(spec: str) -> "_IdSet":
    """``"146-185"``, ``"101-145,150"`` → a container of doc ids (``in``); ranges match numeric ids."""
    singles, ranges = set(), []
    for part in spec.split(","):
        part = part.strip()
        if not part:
            continue
        m = re.fullmatch(r"(\d+)\s*-\s*(\d+)", part)
        if m:
            ranges.append((int(m.group(1)), int(m.group(2))))
        else:
            singles.add(part)
    return _IdSet(singles, ranges)


class _IdSet:
    def __init__(self, singles: set[str], ranges: list[tuple[int, int]]):
        self.singles, self.ranges = singles, ranges

    def __contains__(self, doc_id: object) -> bool:
        s = str(doc_id)
        if s in self.singles:
            return True
        return s.isdigit() and any(lo <= int(s) <= hi for lo, hi in self.ranges)


# --------------------------------------------------------------------------- matching

def _max_weight_assignment(w: list[list[int]]) -> list[tuple[int, int]]:
    """Maximum-weight matching of a bipartite graph given as a dense weight matrix (rows × cols,
    weights ≥ 0, 0 = no edge): the Hungarian algorithm (O(n²m)) on negated weights. Returns the
    (row, col) pairs with a positive weight, sorted."""
    n = len(w)
    m = len(w[0]) if n else 0
    if not n or not m:
        return []
    transposed = n > m
    if transposed:
        w = [list(col) for col in zip(*w)]
        n, m = m, n
    inf = float("inf")
    u, v = [0] * (n + 1), [0] * (m + 1)
    p, way = [0] * (m + 1), [0] * (m + 1)
    for i in range(1, n + 1):
        p[0] = i
        j0 = 0
        minv = [inf] * (m + 1)
        used = [False] * (m + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = p[j0], inf, 0
            row = w[i0 - 1]
            for j in range(1, m + 1):
                if not used[j]:
                    cur = -row[j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(m + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
    pairs = [(p[j] - 1, j - 1) for j in range(1, m + 1) if p[j] and w[p[j] - 1][j - 1] > 0]
    if transposed:
        pairs = [(c, r) for r, c in pairs]
    return sorted(pairs)


def match_document(gold: list[dict], extracted: list[dict], exact: bool = False) -> list[tuple[int, int]]:
    """Optimal matching of one document's gold claims to its mentions: (gold index, mention index)
    pairs. ``exact`` also requires all scored fields equal. See the module docstring."""
    groups: dict[tuple, tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
    for gi, g in enumerate(gold):
        groups[(_clean(g.get("event_type")), _clean(g.get("admin1_code")))][0].append(gi)
    for ei, e in enumerate(extracted):
        key = (_clean(e.get("event_type")), _clean(e.get("admin1_code")))
        if key in groups:
            groups[key][1].append(ei)
    pairs = []
    for g_idx, e_idx in groups.values():
        if not g_idx or not e_idx:
            continue
        k = min(len(g_idx), len(e_idx))
        unit = k + 1                                    # > total of the ambiguity tier
        match_bonus = len(SCORED_FIELDS) * k * unit + k + 1  # > total of the two lower tiers
        weights = []
        for gi in g_idx:
            g = gold[gi]
            row = []
            for ei in e_idx:
                e = extracted[ei]
                if not _compatible(g, e):
                    row.append(0)
                    continue
                agree = sum(_field_equal(g, e).values())
                if exact and agree < len(SCORED_FIELDS):
                    row.append(0)
                    continue
                row.append(match_bonus + agree * unit + (0 if _is_ambiguous(g) else 1))
            weights.append(row)
        pairs.extend((g_idx[r], e_idx[c]) for r, c in _max_weight_assignment(weights))
    return sorted(pairs)


# --------------------------------------------------------------------------- scoring

def _ratio(num: int, den: int) -> float | None:
    return round(num / den, 4) if den else None


def _summarise(golds: list[dict], exts: list[dict]) -> dict:
    """Metrics over per-claim result records (see ``_evaluate``)."""
    n_gold = len(golds)
    n_amb = sum(r["ambiguous"] for r in golds)
    n_ext = len(exts)
    matched = sum(r["matched"] for r in golds)
    exact = sum(r["exact"] for r in golds)
    den = n_gold - sum(r["ambiguous"] and not r["matched"] for r in golds)
    exact_den = n_gold - sum(r["ambiguous"] and not r["exact"] for r in golds)
    pairs = [r["fields"] for r in golds if r["matched"]]
    g_codes = [r for r in golds if r["admin1_found"] is not None]
    e_codes = [r for r in exts if r["admin1_in_gold"] is not None]
    a_found = sum(r["admin1_found"] for r in g_codes)
    a_ok = sum(r["admin1_in_gold"] for r in e_codes)
    return {
        "n_gold": n_gold,
        "n_gold_ambiguous": n_amb,
        "n_extracted": n_ext,
        "matched": matched,
        "precision": _ratio(matched, n_ext),
        "recall": _ratio(matched, den),
        "f1": _ratio(2 * matched, n_ext + den),
        "exact_matched": exact,
        "exact_precision": _ratio(exact, n_ext),
        "exact_recall": _ratio(exact, exact_den),
        "exact_f1": _ratio(2 * exact, n_ext + exact_den),
        "field_accuracy": {f: _ratio(sum(p[f] for p in pairs), len(pairs)) for f in SCORED_FIELDS},
        "admin1": {
            "gold_with_code": len(g_codes),
            "gold_code_found": a_found,
            "recall": _ratio(a_found, len(g_codes)),
            "mentions_with_code": len(e_codes),
            "mentions_code_in_gold": a_ok,
            "precision": _ratio(a_ok, len(e_codes)),
        },
    }


def _lang_sort_key(lang: str) -> tuple:
    return (LANGUAGE_ORDER.index(lang) if lang in LANGUAGE_ORDER else len(LANGUAGE_ORDER), lang)


def _doc_sort_key(doc: str) -> tuple:
    return (0, int(doc), doc) if doc.isdigit() else (1, 0, doc)


def _evaluate(gold: list[dict], extracted: list[dict], doc_ids: Iterable[str] | None = None,
              languages: dict[str, str | None] | None = None) -> tuple[dict, list[dict]]:
    """Score plus per-document details (for ``--verbose``)."""
    languages = languages or {}
    corpus = {g["doc_id"] for g in gold} | {str(d) for d in (doc_ids or ())}
    gold_by_doc: dict[str, list[dict]] = defaultdict(list)
    for g in gold:
        gold_by_doc[g["doc_id"]].append(g)
    ext_by_doc: dict[str, list[dict]] = defaultdict(list)
    ignored = 0
    for e in extracted:
        doc = str(e.get("doc_id"))
        if doc in corpus:
            ext_by_doc[doc].append(e)
        else:
            ignored += 1

    g_recs, e_recs, details, by_doc = [], [], [], {}
    for doc in sorted(corpus, key=_doc_sort_key):
        golds, exts = gold_by_doc.get(doc, []), ext_by_doc.get(doc, [])
        lang = languages.get(doc) or next(
            (e.get("article_language") for e in exts if e.get("article_language")), None
        ) or UNKNOWN_LANGUAGE
        pairs = match_document(golds, exts)
        exact_pairs = match_document(golds, exts, exact=True)
        g_of = {gi: ei for gi, ei in pairs}
        e_matched = {ei for _, ei in pairs}
        g_exact = {gi for gi, _ in exact_pairs}
        e_exact = {ei for _, ei in exact_pairs}
        g_codes = {c for c in (_clean(g.get("admin1_code")) for g in golds) if c}
        e_codes = {c for c in (_clean(e.get("admin1_code")) for e in exts) if c}
        for gi, g in enumerate(golds):
            code = _clean(g.get("admin1_code"))
            g_recs.append({
                "doc": doc, "lang": lang, "event_type": _clean(g.get("event_type")),
                "ambiguous": _is_ambiguous(g), "matched": gi in g_of, "exact": gi in g_exact,
                "fields": _field_equal(g, exts[g_of[gi]]) if gi in g_of else None,
                "admin1_found": (code in e_codes) if code else None,
            })
        for ei, e in enumerate(exts):
            code = _clean(e.get("admin1_code"))
            e_recs.append({
                "doc": doc, "lang": lang, "event_type": _clean(e.get("event_type")),
                "matched": ei in e_matched, "exact": ei in e_exact,
                "admin1_in_gold": (code in g_codes) if code else None,
            })
        by_doc[doc] = {
            "language": lang, "n_gold": len(golds), "n_extracted": len(exts),
            "matched": len(pairs), "exact_matched": len(exact_pairs),
        }
        details.append({"doc": doc, "language": lang, "gold": golds, "extracted": exts,
                        "pairs": pairs, "exact_pairs": exact_pairs})

    langs = sorted({r["lang"] for r in g_recs} | {r["lang"] for r in e_recs}
                   | {d["language"] for d in by_doc.values()}, key=_lang_sort_key)
    event_types = sorted({r["event_type"] or "" for r in g_recs + e_recs},
                         key=lambda t: (EVENT_TYPES.index(t) if t in EVENT_TYPES else 9, t))
    result = {
        "n_docs": len(corpus),
        "n_docs_without_gold": sum(1 for d in by_doc.values() if not d["n_gold"]),
        "n_extracted_outside_corpus": ignored,
        "overall": _summarise(g_recs, e_recs),
        "by_language": {
            lang: _summarise([r for r in g_recs if r["lang"] == lang],
                             [r for r in e_recs if r["lang"] == lang])
            for lang in langs
        },
        "by_event_type": {
            t: _summarise([r for r in g_recs if (r["event_type"] or "") == t],
                          [r for r in e_recs if (r["event_type"] or "") == t])
            for t in event_types
        },
        "by_doc": by_doc,
    }
    return result, details


def score(gold: list[dict], extracted: list[dict], doc_ids: Iterable[str] | None = None,
          languages: dict[str, str | None] | None = None) -> dict:
    """Score mentions (each with ``doc_id``) against gold claims.

    ``doc_ids``: documents of the corpus besides those with gold claims (the negatives); mentions
    of any other document are ignored (counted in ``n_extracted_outside_corpus``).
    ``languages``: ``{doc_id: language}`` for the per-language breakdown; a document without one
    takes its mentions' ``article_language``, else ``"unknown"``.
    Ratios are rounded to 4 decimals; a ratio with a zero denominator is None.
    """
    return _evaluate(gold, extracted, doc_ids, languages)[0]


# --------------------------------------------------------------------------- report

def _fmt(x: float | None) -> str:
    return "    -" if x is None else f"{x:5.3f}"


def _table_row(label: str, s: dict) -> str:
    return (f"{label:<14}{s['n_gold']:>6}{s['n_extracted']:>6}{s['matched']:>8}  "
            f"{_fmt(s['precision'])}  {_fmt(s['recall'])}  {_fmt(s['f1'])}  {_fmt(s['exact_f1'])}")


def format_report(result: dict) -> str:
    o = result["overall"]
    lines = [
        f"docs {result['n_docs']} ({result['n_docs_without_gold']} without gold claims)   "
        f"gold {o['n_gold']} ({o['n_gold_ambiguous']} ambiguous)   extracted {o['n_extracted']}"
        + (f"   (ignored {result['n_extracted_outside_corpus']} mentions of docs outside the corpus)"
           if result["n_extracted_outside_corpus"] else ""),
        "",
        f"{'':<14}{'gold':>6}{'ext':>6}{'matched':>8}  {'    P':>5}  {'    R':>5}  {'   F1':>5}  exactF1",
        _table_row("overall", o),
    ]
    lines.append("by language")
    lines += [_table_row("  " + k, s) for k, s in result["by_language"].items()]
    lines.append("by event_type")
    lines += [_table_row("  " + (k or "(none)"), s) for k, s in result["by_event_type"].items()]
    lines.append("")
    fa = o["field_accuracy"]
    lines.append(f"field accuracy over {o['matched']} matched pairs: "
                 + "  ".join(f"{f} {_fmt(fa[f]).strip()}" for f in SCORED_FIELDS))
    lines.append(f"exact: matched {o['exact_matched']}  P {_fmt(o['exact_precision']).strip()}  "
                 f"R {_fmt(o['exact_recall']).strip()}  F1 {_fmt(o['exact_f1']).strip()}")
    a = o["admin1"]
    lines.append(f"admin1: recall {_fmt(a['recall']).strip()} ({a['gold_code_found']}/{a['gold_with_code']} "
                 f"gold codes found in their doc)  precision {_fmt(a['precision']).strip()} "
                 f"({a['mentions_code_in_gold']}/{a['mentions_with_code']} mention codes in gold)")
    return "\n".join(lines)


def _short(text: Any, n: int = 80) -> str:
    s = re.sub(r"\s+", " ", str(text or "")).strip()
    return s if len(s) <= n else s[: n - 1] + "…"


def _v(x: Any) -> str:
    return "-" if x is None else str(x)


def _claim_line(doc: str, kind: str, ident: str, rec: dict) -> str:
    counts = f"{_v(_field(rec, 'launched'))}/{_v(_field(rec, 'intercepted'))}"
    return (f"{doc:>5} {kind:<3} {ident:<8} {_v(_clean(rec.get('event_type'))):<12} "
            f"{_v(_clean(rec.get('weapon'))):<17} {_v(_clean(rec.get('admin1_code'))):<7} "
            f"{counts:<9} {_v(_clean(rec.get('claimant_side'))):<5} | {_short(rec.get('sentence'))}")


def _mention_ident(e: dict) -> str:
    mid = str(e.get("mention_id") or "?")
    return "#" + mid.rsplit("-", 1)[1] if "-" in mid else mid


def format_details(details: list[dict]) -> str:
    """Per document: FN (unmatched gold), FNa (unmatched ambiguous gold, not counted), FP
    (unmatched mentions) and DIFF (matched pairs whose scored fields differ, gold/extracted)."""
    lines = ["legend: FN unmatched gold | FNa unmatched ambiguous gold (not counted) | "
             "FP unmatched mention | DIFF matched pair, fields gold/extracted",
             f"{'doc':>5} {'':<3} {'id':<8} {'event_type':<12} {'weapon':<17} {'admin1':<7} "
             f"{'L/I':<9} {'side':<5} | sentence"]
    for d in details:
        golds, exts = d["gold"], d["extracted"]
        g_of = dict(d["pairs"])
        e_matched = set(g_of.values())
        out = []
        for gi, g in enumerate(golds):
            if gi not in g_of:
                kind = "FNa" if _is_ambiguous(g) else "FN"
                out.append(_claim_line(d["doc"], kind, str(g.get("claim_id") or gi), g))
        for ei, e in enumerate(exts):
            if ei not in e_matched:
                out.append(_claim_line(d["doc"], "FP", _mention_ident(e), e))
        for gi, ei in d["pairs"]:
            g, e = golds[gi], exts[ei]
            diffs = [f"{f} {_v(_field(g, f))}/{_v(_field(e, f))}"
                     for f in SCORED_FIELDS if _field(g, f) != _field(e, f)]
            if diffs:
                out.append(f"{d['doc']:>5} DIFF {g.get('claim_id')}={_mention_ident(e)} "
                           f"{_v(_clean(g.get('event_type')))} {_v(_clean(g.get('weapon')))}/"
                           f"{_v(_clean(e.get('weapon')))} {_v(_clean(g.get('admin1_code')))}: "
                           + ", ".join(diffs))
        if out:
            lines.append(f"-- {d['doc']} ({d['language']}): gold {len(golds)}, extracted {len(exts)}, "
                         f"matched {len(d['pairs'])}, exact {len(d['exact_pairs'])}")
            lines += out
    return "\n".join(lines)


# --------------------------------------------------------------------------- CLI

def run(gold: Path | str, processed_dir: Path | str, docs_dir: Path | str | None = None,
        ids: str | None = None, as_json: bool = False, verbose: bool = False,
        doc: str | None = None) -> int:
    """Load, score and print. ``ids`` is a filter such as ``"146-185"`` or ``"101-145,150"``;
    ``doc`` restricts everything to one document (and implies ``verbose``). Returns an exit code."""
    gold_path, processed_dir = Path(gold), Path(processed_dir)
    for p in (gold_path, processed_dir / "mentions.csv", processed_dir / "articles.csv"):
        if not p.is_file():
            print(f"evaluate: error: {p} not found", file=sys.stderr)
            return 2
    if docs_dir is None:
        docs_dir = default_docs_dir(gold_path)
    elif not Path(docs_dir).is_dir():
        print(f"evaluate: error: docs dir {docs_dir} not found", file=sys.stderr)
        return 2
    try:
        gold_claims = load_gold(gold_path)
    except ValueError as exc:
        print(f"evaluate: error: {exc}", file=sys.stderr)
        return 2
    corpus_docs = load_docs_dir(docs_dir) if docs_dir else {}
    articles = load_articles(processed_dir)
    mentions = load_extracted(processed_dir, articles)

    keep = parse_ids(doc) if doc else (parse_ids(ids) if ids else None)
    if keep is not None:
        gold_claims = [g for g in gold_claims if g["doc_id"] in keep]
        mentions = [m for m in mentions if m["doc_id"] in keep]
        corpus_docs = {d: lang for d, lang in corpus_docs.items() if d in keep}

    result, details = _evaluate(gold_claims, mentions, corpus_docs.keys(), corpus_docs)
    if as_json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
        return 0
    seen = {a["doc_id"] for a in articles.values()}
    missing = sorted((d for d in result["by_doc"] if d not in seen), key=_doc_sort_key)
    print(format_report(result))
    if missing:
        n_lost = sum(result["by_doc"][d]["n_gold"] for d in missing)
        print(f"corpus docs not in articles.csv: {len(missing)} ({n_lost} gold claims missed): "
              + " ".join(missing[:30]) + (" …" if len(missing) > 30 else ""))
    if verbose or doc:
        print()
        print(format_details(details))
    return 0


def build_parser(prog: str = "python -m pipeline.evaluate") -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog=prog,
        description="Score a run's mentions.csv against gold claims (gold-format.md, "
                    "'How a run is scored').")
    ap.add_argument("--gold", required=True, help="gold.jsonl")
    ap.add_argument("--processed-dir", required=True,
                    help="directory with the run's mentions.csv and articles.csv")
    ap.add_argument("--docs-dir", default=None,
                    help="corpus documents (NNN.txt + NNN.meta.json): ids of negatives and "
                         "languages; default: docs/ beside the gold file")
    ap.add_argument("--ids", default=None, help="only these documents, e.g. 146-185 or 101-145,150")
    ap.add_argument("--json", action="store_true", help="print the score dict as JSON")
    ap.add_argument("--verbose", "-v", action="store_true",
                    help="list unmatched gold (FN), unmatched mentions (FP) and field differences")
    ap.add_argument("--doc", default=None, help="only this document (implies --verbose)")
    return ap


def main(argv: list[str] | None = None, prog: str | None = None) -> int:
    """Entry point; ``prog`` names the command in ``--help`` (e.g. ``python -m pipeline evaluate``)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["--"]:  # argparse.REMAINDER in a parent parser may pass the separator on
        argv = argv[1:]
    args = (build_parser(prog) if prog else build_parser()).parse_args(argv)
    return run(args.gold, args.processed_dir, docs_dir=args.docs_dir, ids=args.ids,
               as_json=args.json, verbose=args.verbose, doc=args.doc)


if __name__ == "__main__":
    sys.exit(main())
