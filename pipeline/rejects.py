"""Attribution of rejects to raw files: every row of ``rejects.csv`` names, in ``source_file``,
the raw file it comes from (``file.jsonl#line`` for a JSONL line), so a reader can open the
input that caused it. A reject raised about an extracted record (a mention that could not be
geocoded, a value quarantined by validation) keeps that record's id in ``record_id``, and its
``source_file`` becomes the raw file of the record's article (the first one, in sorted order,
when several articles carry the same claim).

``attribute(rejects, tables)`` is pure: rows in → rows out.
"""

from __future__ import annotations

from collections import defaultdict

ID_COLUMNS = ("mention_id", "claim_id", "incident_id", "location_id", "article_id")


def raw_files_by_id(tables: dict[str, list[dict]]) -> dict[str, str]:
    """Record id (article, mention, claim, incident, location) → the raw file it comes from."""
    article_file = {a["article_id"]: a.get("source_file") or "" for a in tables.get("articles", [])}
    out: dict[str, str] = {aid: f for aid, f in article_file.items() if f}
    by_key: dict[str, set[str]] = defaultdict(set)
    claim_incident = {c["claim_id"]: c.get("incident_id") for c in tables.get("claims", [])}
    for m in tables.get("mentions", []):
        f = article_file.get(m.get("article_id"))
        if not f:
            continue
        for key in (m.get("mention_id"), m.get("claim_id"), claim_incident.get(m.get("claim_id")),
                    m.get("location_id")):
            if key:
                by_key[key].add(f)
    for key, files in by_key.items():
        out.setdefault(key, sorted(files)[0])
    return out


def attribute(rejects: list[dict], tables: dict[str, list[dict]]) -> list[dict]:
    """Rejects with ``source_file`` a raw file and ``record_id`` the extracted record's id (or
    empty for a reject of a whole input)."""
    files = raw_files_by_id(tables)
    raw = set(files.values()) | {str(a.get("source_file")) for a in tables.get("articles", [])}
    out = []
    for r in rejects:
        r = dict(r)
        src = str(r.get("source_file") or "")
        if r.get("record_id"):
            r["source_file"] = files.get(str(r["record_id"]), src)
        elif src not in raw and src in files:
            r["record_id"], r["source_file"] = src, files[src]
        elif src not in raw and "-" in src and src.rsplit("-", 1)[0] in files:
            # a mention id ("<article_id>-<nn>") whose row did not survive extraction
            r["record_id"], r["source_file"] = src, files[src.rsplit("-", 1)[0]]
        out.append(r)
    return out
