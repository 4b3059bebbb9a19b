"""Row-level quarantine of every published table, before the tables are written and validated.

Public API::

    tables, rejects = quarantine(tables)   # tables: {name: list[dict]}; input not modified
    counts = summary(rejects)              # {(table, rule): n}, for the run log

Each row-level rule of :mod:`pipeline.rules` (derived from ``schemas/`` plus the pair and
cross-table rules) has a quarantine path; a failing row gives one ``rejects.csv`` row per rule
(``stage`` ``validate``; ``table``, ``key``, ``rule``, ``value``; ``reason`` a short code and
``detail`` what was done). Actions, per table (README "Error policy"):

* **value cleared** — an optional value that is wrong, or one a row can do without (counts,
  dates, coordinates, optional enums and patterns) is cleared; a required enum gets its fallback
  (:data:`FALLBACK`); the mention/claim is marked ``ambiguous``;
* **row dropped** — a row whose required value is missing or unusable (a mention without its
  sentence, a claim whose ``event_type`` is not in the vocabulary, an article whose counts are not
  integers …); everything derived from it is rebuilt without it: the mentions of a dropped
  article or claim are dropped, a claim that lost a mention is recomputed from its remaining
  mentions (``reconcile.claim_values``) or dropped when none is left, links to dropped rows are
  cleared, ``articles.n_mentions`` is recounted;
* **rebuilt** — an incident that fails a rule, or whose claims changed, is recomputed from its
  remaining claims (``reconcile.incident_fields``), or dropped when none is left; a claim whose
  derived columns (``n_sources``, ``first_published``, ``mention_ids``) are wrong is recomputed
  from its mentions; ``acled_export`` is rebuilt from the final claims and a row that still fails
  is dropped;
* a broken ``rejects`` row is replaced by a well-formed one that keeps its ``source_file``.

Structural problems (missing columns, duplicate or dangling keys, missing key values, derived
counts that disagree with the rows, raw files not accounted for) are not touched:
``validate.validate_tables`` fails the publication on them.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from . import rules as R
from . import schema, validate
from .rules import DATE_COLS, fails, reason_of
from .rules import RuleContext as _Ctx
from .validate import _day, _s

#: Required enum (or boolean) columns and the value a bad or missing one becomes.
FALLBACK = {"claimant_side": "other", "weapon": "unknown", "geo_precision": "unknown",
            "date_precision": "unknown", "lang": "other", "claimant_source": "unknown",
            "language": "other", "published_precision": "unknown", "ambiguous": True}
CLAIM_DERIVED = ("n_sources", "first_published", "mention_ids", "source_urls")
ORDER = ("articles", "locations", "mentions", "claims", "incidents")
ID_COLUMN = {"articles": "article_id", "locations": "location_id", "mentions": "mention_id",
             "claims": "claim_id", "incidents": "incident_id", "acled_export": "event_id_cnty",
             "incident_merges": "old_incident_id", "rejects": "source_file"}


# --------------------------------------------------------------------------- the policy

def action_of(table: str, rule: R.Rule) -> tuple[str, tuple[str, ...]]:
    """(action, columns): ``clear`` the columns, ``fallback`` the column, ``detach`` the
    parent link, ``drop`` the row, ``rebuild`` it from its sources, ``recount`` (n_mentions)."""
    c, rid = rule.columns[0], rule.id
    if table in ("incidents",):
        return "rebuild", ()
    if table == "acled_export":
        return "drop", ()
    if table == "articles":
        if c == "published":
            return "clear", ("published", "published_date")
        if c == "n_mentions":
            return "recount", (c,)
        return ("fallback", (c,)) if c in FALLBACK else ("drop", ())
    coords = rid == "coords_in_region" or c in ("latitude", "longitude")
    if table == "locations":
        if coords:
            return "clear", ("latitude", "longitude")
        if c in FALLBACK:
            return "fallback", (c,)
        return ("drop", ()) if schema.load(table).field(c).required else ("clear", (c,))
    # mentions, claims
    if rid.startswith("breakdown:"):
        return "detach", (R.PARENT_COLUMN[table],)
    if rid == "intercepted<=launched":
        return "clear", ("launched", "intercepted", "lost_to_ew")
    if rid == "intercepted+lost_to_ew<=launched":
        return "clear", ("lost_to_ew",)
    if c in DATE_COLS or rid.startswith("event_date<="):
        return "clear", DATE_COLS
    if coords:
        return "clear", ("latitude", "longitude", "location_id")
    if c in R.COUNT_COLUMNS:
        return "clear", (c,)
    if table == "claims" and c in CLAIM_DERIVED:
        return "rebuild", ()
    if c in FALLBACK:
        return "fallback", (c,)
    if table in schema.TABLES and not schema.load(table).field(c).required:
        return "clear", (c,)
    return "drop", ()


_DONE = {"clear": "cleared", "fallback": "set to its fallback", "detach": "detached from its total",
         "drop": "row dropped", "rebuild": "rebuilt", "recount": "recounted"}


# --------------------------------------------------------------------------- the run

class _Run:
    def __init__(self, tables: dict[str, list[dict] | None]) -> None:
        self.t = {n: [dict(r) for r in rows] for n, rows in tables.items() if rows is not None}
        self.orig = {n: {_s(r.get(ID_COLUMN[n])): r for r in rows}
                     for n, rows in tables.items() if rows is not None and n in ORDER}
        self.ctx = _Ctx()
        self.rejects: list[dict] = []
        self.why: dict[tuple[str, str], str] = {}      # (table, key) → rule that dropped it
        self.recount: set[str] = set()                 # articles whose n_mentions to recount
        self._by_claim: tuple[Any, dict] = (None, {})
        self._arts: tuple[Any, dict] = (None, {})

    def reject(self, table: str, key: str | None, rule: str, value: str | None, reason: str,
               detail: str, source_file: str | None = None) -> None:
        self.rejects.append({"source_file": source_file or key or f"{table}#?", "stage": "validate",
                             "reason": reason, "detail": detail, "table": table, "key": key,
                             "rule": rule, "value": value})

    # ----------------------------------------------------------------- per-row rules
    def check_row(self, table: str, r: dict) -> bool:
        """Apply every rule of ``table`` to ``r`` in order (each on the row as the earlier
        ones left it); False when the row is dropped."""
        key = _s(r.get(ID_COLUMN[table]))
        for rule in self.ctx.rules[table]:
            value = fails(table, rule, r, self.ctx)
            if value is None:
                continue
            act, cols = action_of(table, rule)
            if act == "rebuild" and table == "claims":
                self.rebuild_claim(r)
                if fails(table, rule, r, self.ctx) is None:
                    self._record(table, r, key, rule, value, "rebuild")
                    continue
                f = schema.load(table).field(rule.columns[0])
                act, cols = ("drop", ()) if f.required else ("clear", rule.columns)
            self._record(table, r, key, rule, value, act)
            if act == "drop":
                self.why[(table, key)] = f"{table}.{rule.id}"
                return False
            self._apply(table, r, act, cols)
        return True

    def _record(self, table: str, r: dict, key: str | None, rule: R.Rule, value: str,
                act: str) -> None:
        src = _s(r.get("source_file")) if table in ("articles", "rejects") else None
        shown = value if value != "" else "(empty)"
        done = _DONE[act] + ({"claims": " from its mentions", "incidents": " from its claims"}
                             .get(table, " from its sources") if act == "rebuild" else "")
        self.reject(table, key, rule.id, value, reason_of(rule),
                    f"{rule.id}: {shown}; {done}", source_file=src)

    def _apply(self, table: str, r: dict, act: str, cols: tuple[str, ...]) -> None:
        if act == "clear":
            for c in cols:
                r[c] = None
            if "published" in cols:
                r["published_precision"] = "unknown"
            if "event_date" in cols:
                r["date_precision"] = "unknown"
            if "latitude" in cols and table in ("mentions", "claims"):
                r["geo_precision"] = "admin1" if _s(r.get("admin1_code")) else "unknown"
        elif act == "fallback":
            r[cols[0]] = FALLBACK[cols[0]]
        elif act == "detach":
            r[cols[0]] = None
        elif act == "recount":
            self.recount.add(_s(r.get("article_id")))
        if table in ("mentions", "claims"):
            r["ambiguous"] = True

    def rows_pass(self, table: str) -> None:
        if table in self.t:
            self.t[table] = [r for r in self.t[table] if self.check_row(table, r)]

    def breakdowns(self, table: str) -> None:
        id_col, parent_col = ID_COLUMN[table], R.PARENT_COLUMN[table]
        rows = self.t[table]
        index = {_s(r.get(id_col)): r for r in rows}
        done: set[str] = set()
        for cid, col, _reason, detail in validate.breakdown_problems(rows, id_col, parent_col):
            if cid in done:
                continue
            done.add(cid)
            r = index[cid]
            rule = R.Rule(table, f"breakdown:{col}", (parent_col, col), "cross")
            self.reject(table, cid, rule.id, _s(r.get(col)), reason_of(rule),
                        f"{rule.id}: {detail}; {_DONE['detach']}")
            self._apply(table, r, "detach", (parent_col,))

    def cascade(self, table: str, fk: str, parent: str) -> None:
        """Drop the rows of ``table`` whose ``fk`` points at a dropped ``parent`` row."""
        gone = {k for (t, k) in self.why if t == parent}
        if not gone or table not in self.t:
            return
        keep = []
        for r in self.t[table]:
            p = _s(r.get(fk))
            if p in gone:
                key = _s(r.get(ID_COLUMN[table]))
                up = self.why[(parent, p)]
                self.why[(table, key)] = up
                self.reject(table, key, up, p, "quarantined_parent",
                            f"{up}: its {parent[:-1]} {p} was quarantined; row dropped")
            else:
                keep.append(r)
        self.t[table] = keep

    def unlink(self, table: str, col: str, parent: str) -> None:
        """Clear links from ``table.col`` to rows of ``parent`` that no longer exist."""
        live = {_s(r.get(ID_COLUMN[parent])) for r in self.t.get(parent, [])}
        for r in self.t.get(table, []):
            if _s(r.get(col)) is not None and _s(r.get(col)) not in live:
                r[col] = None

    # ----------------------------------------------------------------- rebuilds
    def articles_by_id(self) -> dict[str, dict]:
        rows = self.t.get("articles", [])
        if self._arts[0] is not rows:
            self._arts = (rows, {_s(a.get("article_id")): a for a in rows})
        return self._arts[1]

    def rebuild_claim(self, c: dict) -> None:
        from . import reconcile

        rows = self.t.get("mentions", [])
        if self._by_claim[0] is not rows:   # index the current mentions list once
            index: dict[str, list[dict]] = defaultdict(list)
            for m in rows:
                index[_s(m.get("claim_id"))].append(m)
            self._by_claim = (rows, index)
        ms = self._by_claim[1].get(_s(c.get("claim_id")))
        if ms:
            c.update(reconcile.claim_values(ms, self.articles_by_id()))


def quarantine(tables: dict[str, list[dict] | None]) -> tuple[dict[str, list[dict]], list[dict]]:
    """Quarantine every row-level failure of every table (see the module docstring); return
    ``(tables, rejects)``. The input is not modified (rows are copied); the caller appends
    ``rejects`` to its rejects table."""
    q = _Run(tables)
    _articles(q)
    q.rows_pass("locations")
    q.unlink("mentions", "location_id", "locations")
    q.unlink("claims", "location_id", "locations")
    _mentions(q)
    _claims(q)
    _incidents(q)
    _finish(q, tables)
    return q.t, q.rejects


def _articles(q: _Run) -> None:
    q.rows_pass("articles")
    for a in q.t.get("articles", []):
        if _s(a.get("published_precision")) in (None, "day"):
            q.ctx.pub[_s(a.get("article_id"))] = _day(a.get("published"))


def _mentions(q: _Run) -> None:
    if "mentions" not in q.t:
        return
    q.cascade("mentions", "article_id", "articles")
    q.rows_pass("mentions")
    q.breakdowns("mentions")
    q.unlink("mentions", "parent_mention_id", "mentions")


def _claims(q: _Run) -> None:
    if "claims" not in q.t:
        return
    before: dict[str, set[str]] = defaultdict(set)
    for m in q.orig.get("mentions", {}).values():
        before[_s(m.get("claim_id"))].add(_s(m.get("mention_id")))
    now: dict[str, set[str]] = defaultdict(set)
    now_arts: dict[str, set[str]] = defaultdict(set)
    for m in q.t.get("mentions", []):
        now[_s(m.get("claim_id"))].add(_s(m.get("mention_id")))
        now_arts[_s(m.get("claim_id"))].add(_s(m.get("article_id")))
    changed_arts = {k for k, a in q.articles_by_id().items()
                    if q.orig["articles"].get(k, {}).get("published") != a.get("published")} \
        if "articles" in q.orig else set()
    keep = []
    for c in q.t["claims"]:
        cid = _s(c.get("claim_id"))
        if before.get(cid) and not now.get(cid):
            lost = sorted(before[cid])[0]
            up = q.why.get(("mentions", lost), "mentions.quarantined")
            q.why[("claims", cid)] = up
            q.reject("claims", cid, up, None, "quarantined_parent",
                     f"{up}: every mention of the claim was quarantined; row dropped")
            continue
        if now.get(cid) != before.get(cid) or now_arts.get(cid, set()) & changed_arts:
            for rule in q.ctx.rules["claims"]:   # what the claim as built broke, then rebuild
                v = fails("claims", rule, c, q.ctx)
                if v is not None:
                    q._record("claims", c, cid, rule, v, "rebuild")
            q.rebuild_claim(c)
        keep.append(c)
    q.t["claims"] = keep
    q.rows_pass("claims")
    q.breakdowns("claims")
    q.cascade("mentions", "claim_id", "claims")
    for col in ("parent_claim_id", "revises_claim_id"):
        q.unlink("claims", col, "claims")
    q.unlink("mentions", "parent_mention_id", "mentions")


def _incidents(q: _Run) -> None:
    if "incidents" not in q.t or "claims" not in q.t:
        return
    from . import reconcile

    touched: set[str] = set()
    current = {_s(c.get("claim_id")): c for c in q.t["claims"]}
    for cid, orig in q.orig.get("claims", {}).items():
        new = current.get(cid)
        if new != orig:
            touched.add(_s(orig.get("incident_id")))
    members: dict[str, list[dict]] = defaultdict(list)
    for c in q.t["claims"]:
        members[_s(c.get("incident_id"))].append(c)
    keep = []
    for inc in q.t["incidents"]:
        iid = _s(inc.get("incident_id"))
        failing = [(rule, v) for rule in q.ctx.rules["incidents"]
                   if (v := fails("incidents", rule, inc, q.ctx)) is not None]
        for rule, v in failing:
            q._record("incidents", inc, iid, rule, v, "rebuild")
        if not failing and iid not in touched:
            keep.append(inc)
            continue
        if not members.get(iid):
            lost = [k for (t, k) in q.why if t == "claims"
                    and _s(q.orig["claims"].get(k, {}).get("incident_id")) == iid]
            up = q.why.get(("claims", sorted(lost)[0]), "claims.quarantined") if lost else "n_claims:range"
            q.why[("incidents", iid)] = up
            q.reject("incidents", iid, up, None, "quarantined_parent",
                     f"{up}: every claim of the incident was quarantined; row dropped")
            continue
        inc.update(reconcile.incident_fields(iid, members[iid], q.t["claims"]))
        for rule in q.ctx.rules["incidents"]:   # still failing after the rebuild: clear it
            v = fails("incidents", rule, inc, q.ctx)
            if v is not None:
                c = rule.columns[0]
                q.reject("incidents", iid, rule.id, v, reason_of(rule),
                         f"{rule.id}: {v}; still failing after the rebuild; cleared")
                inc[c] = FALLBACK.get(c)
        keep.append(inc)
    q.t["incidents"] = keep


def _finish(q: _Run, tables: dict) -> None:
    # articles.n_mentions of the articles that lost mentions (or had a bad count)
    if "articles" in q.t and "mentions" in q.t:
        lost = {_s(m.get("article_id")) for k, m in q.orig.get("mentions", {}).items()
                if ("mentions", k) in q.why}
        per = Counter(_s(m.get("article_id")) for m in q.t["mentions"])
        for a in q.t["articles"]:
            aid = _s(a.get("article_id"))
            if aid in lost or aid in q.recount:
                a["n_mentions"] = per.get(aid, 0)
    # merges into a dropped incident
    if "incident_merges" in q.t and "incidents" in q.t:
        live = {_s(i.get("incident_id")) for i in q.t["incidents"]}
        keep = []
        for m in q.t["incident_merges"]:
            new = _s(m.get("new_incident_id"))
            if ("incidents", new) in q.why and new not in live:
                up = q.why[("incidents", new)]
                q.reject("incident_merges", _s(m.get("old_incident_id")), up, new,
                         "quarantined_parent", f"{up}: merged into the quarantined incident {new}; row dropped")
            else:
                keep.append(m)
        q.t["incident_merges"] = keep
    _rejects_table(q)
    if "acled_export" in tables and "claims" in q.t:
        from . import outputs

        q.t["acled_export"] = outputs.build_acled(q.t)
        q.rows_pass("acled_export")


def _rejects_table(q: _Run) -> None:
    """A broken rejects row becomes a well-formed one (same ``source_file``)."""
    if "rejects" not in q.t:
        return
    keep = []
    for r in q.t["rejects"]:
        bad = [(rule, v) for rule in q.ctx.rules["rejects"]
               if (v := fails("rejects", rule, r, q.ctx)) is not None]
        if not bad:
            keep.append(r)
            continue
        rule, v = bad[0]
        src = _s(r.get("source_file")) or "(unknown)"
        q.reject("rejects", src, rule.id, v, reason_of(rule),
                 f"{rule.id}: {v or '(empty)'}; replaced (was: stage={_s(r.get('stage'))}, "
                 f"reason={_s(r.get('reason'))}, detail={_s(r.get('detail'))})", source_file=src)
    q.t["rejects"] = keep


def summary(rejects: list[dict]) -> dict[tuple[str, str], int]:
    """Quarantined rows per (table, rule), for the run log (rejects of other stages skipped)."""
    return dict(sorted(Counter((r["table"], r["rule"]) for r in rejects
                               if r.get("stage") == "validate" and r.get("table")).items()))
