"""Reconcile mentions into claims and claims into incidents, with stable ids.

Pure core: :func:`reconcile` takes the geocoded mentions and the articles (plain dicts) and
returns a :class:`Reconciled` (mentions with ``claim_id`` set, claims, incidents, incident
merges), every list sorted by its primary key and JSON-serialisable. No file I/O happens in
the core; :func:`main` is a thin JSONL/CSV wrapper for running the stage by hand.

The rules (which mentions are one claim, which claims are one incident, how ids are made,
revisions, ``disputed``) are written up in README.md ("How claims are reconciled"); the short version:

1. **mentions → claims.** Mentions are blocked on (claimant side, normalised claimant key,
   event type, weapon, place key) and, inside a block, clustered greedily in publication order:
   a mention joins the existing cluster it is compatible with (attacker side, every count both
   give is equal, date compatible) that shares the most counts, else it founds a new cluster.
2. **revisions.** Two claims of one block with the same dated event that disagree on a count,
   that no article states together, and of which one was first published strictly later: the
   later ``revises_claim_id`` the latest strictly earlier one.
3. **claims → incidents.** Union-find over linkable pairs (attacker side, weapon class, date
   window, place); a new incident's id is ``i-`` + the hex of its founding (smallest) claim_id.
   Given the previous publication's claim → incident ids, published ids are kept; when a new
   article joins two published incidents the smallest id survives and the other is recorded in
   the merges.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import hashlib
import json
import re
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any, Iterable, NamedTuple

COUNT_FIELDS = ("launched", "intercepted", "lost_to_ew", "hits")

#: The claim fields shared by mentions and claims (schemas/_claim_fields.yaml), in order.
CLAIM_FIELDS = (
    "claimant", "claimant_side", "event_type", "weapon", "weapon_model", "attacker_side",
    "launched", "intercepted", "lost_to_ew", "hits", "count_qualifier", "target",
    "location_text", "location_id", "admin1", "admin1_code", "country_code", "latitude",
    "longitude", "geo_precision", "event_date", "event_date_start", "event_date_end",
    "date_precision", "date_text", "ambiguous",
)
#: Columns of claims.csv (schemas/claims.yaml), in order.
CLAIM_COLUMNS = (
    ("claim_id", "incident_id", "parent_claim_id", "revises_claim_id") + CLAIM_FIELDS
    + ("n_sources", "first_published", "source_urls", "mention_ids")
)
#: Columns of incidents.csv (schemas/incidents.yaml), in order.
INCIDENT_COLUMNS = (
    "incident_id", "event_date", "date_precision", "attacker_side", "weapon", "admin1",
    "admin1_code", "country_code", "latitude", "longitude", "n_claims", "sides_reporting",
    "launched_low", "launched_high", "intercepted_low", "intercepted_high", "disputed",
)
MERGE_COLUMNS = ("old_incident_id", "new_incident_id")

#: Mentions whose dates are not both fixed must lie this close (days) to be one claim.
UNDATED_TOLERANCE_DAYS = 2
#: A date window wider than this (days between start and end) is too coarse to link incidents.
MAX_LINK_WINDOW_DAYS = 1

_GEO_RANK = {"site": 0, "settlement": 1, "admin2": 2, "admin1": 3, "country": 4, "unknown": 5}
_MISSILES = {"missile", "ballistic_missile", "cruise_missile"}
_WILDCARD_WEAPONS = {"unknown", "mixed"}


class Reconciled(NamedTuple):
    mentions: list[dict]
    claims: list[dict]
    incidents: list[dict]
    merges: list[dict]


# --------------------------------------------------------------------------- small helpers

def _date(value: Any) -> dt.date | None:
    if not value or not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _int(value: Any) -> int | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _hex(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def _strip_accents(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", text)
                   if not unicodedata.combining(ch))


# Multi-word institution names (any language) → one canonical token, applied before tokenising.
_CLAIMANT_ALIASES = (
    (re.compile(r"минобороны|министерств\w* обороны|міноборони|міністерств\w* оборони|"
                r"ministry of defen[cs]e|defen[cs]e ministry|ministere (?:russe )?de la defense|"
                r"ministere de la defense|\bmod\b|\bmo rf\b|\bмо рф\b"), " mod "),
    (re.compile(r"air forces?|повітрян\w* сил\w*|\bпс зсу\b|armee de l.air|"
                r"forces? aeriennes?|военно.воздушн\w* сил\w*|\bввс\b"), " airforce "),
    (re.compile(r"general staff|генштаб\w*|генеральн\w* штаб\w*|etat.major"), " genstaff "),
    (re.compile(r"\bmayor\b|\bмэр\w*|\bмер\w*|\bmaire\b"), " mayor "),
    (re.compile(r"\bgovernor\b|губернатор\w*|gouverneur"), " governor "),
)
_CLAIMANT_STOP = {
    "the", "of", "de", "la", "le", "les", "du", "des", "l", "d", "s", "and", "et",
    "russian", "russia", "russias", "rf", "ukrainian", "ukraine", "ukraines",
    "russe", "russes", "ukrainien", "ukrainienne", "ukrainiens",
    "armed", "forces", "force", "region", "oblast", "regional", "россии", "рф", "украины",
    "україни", "зсу",
}


def claimant_key(claimant: str | None, outlet: str | None = None) -> str:
    """Normalised claimant key: institution aliases folded across languages, nationality and
    filler words dropped, remaining tokens sorted. ``outlet`` (an unattributed statement) is
    keyed by the publishing outlet, so two outlets' own statements stay distinct claims."""
    text = _strip_accents((claimant or "").casefold()).replace("'", " ").replace("’", " ")
    if text.strip() == "outlet":
        return "outlet:" + " ".join(re.findall(r"\w+", _strip_accents((outlet or "").casefold())))
    for rx, repl in _CLAIMANT_ALIASES:
        text = rx.sub(repl, text)
    tokens = {t for t in re.findall(r"\w+", text) if t not in _CLAIMANT_STOP}
    return " ".join(sorted(tokens))


def place_key(rec: dict) -> str:
    """``admin1_code``; else ``sea:<admin1 name>`` (seas have a name but no code); else
    ``country:<CC>``; ``country:`` when the place is unknown."""
    if rec.get("admin1_code"):
        return str(rec["admin1_code"])
    if rec.get("admin1"):
        return "sea:" + " ".join(re.findall(r"\w+", _strip_accents(str(rec["admin1"]).casefold())))
    return "country:" + (rec.get("country_code") or "")


def _place_kind(key: str) -> str:
    if not key.startswith("country:"):
        return "region"
    return "country" if key != "country:" else "none"


class _Pub(NamedTuple):
    """Publication sort key of an article: (ISO date or '', UTC timestamp or '')."""
    day: str
    ts: str

    def sort_key(self) -> tuple:
        return (self.day or "9999-99-99", self.ts)

    def strictly_before(self, other: "_Pub") -> bool:
        if not self.day or not other.day:
            return False
        if self.day != other.day:
            return self.day < other.day
        return bool(self.ts and other.ts and self.ts < other.ts)


def _pub(article: dict | None) -> _Pub:
    if not article:
        return _Pub("", "")
    published = article.get("published") or ""
    day = article.get("published_date") or (published[:10] if _date(published) else "")
    ts = ""
    if isinstance(published, str) and "T" in published:
        try:
            t = dt.datetime.fromisoformat(published)
            if t.tzinfo is not None:
                t = t.astimezone(dt.timezone.utc).replace(tzinfo=None)
            ts = t.isoformat()
        except ValueError:
            ts = ""
    return _Pub(day or "", ts)


def _window(rec: dict) -> tuple[int, int] | None:
    """Time span of a mention or claim in half-days (day ``d`` is ``2d`` (night, before dawn)
    … ``2d+1`` (daytime)), or None when undated. An overnight event dated ``d`` covers the
    evening of ``d-1`` and the night up to the morning of ``d``: it overlaps both calendar days
    but not the next or previous night. A window wider than ``MAX_LINK_WINDOW_DAYS`` (a week, a
    month) is too coarse to place the event and counts as undated unless an event_date fixes it."""
    d = _date(rec.get("event_date"))
    s, e = _date(rec.get("event_date_start")), _date(rec.get("event_date_end"))
    night = rec.get("date_precision") == "night"
    if d:
        n = d.toordinal()
        if night or (s and s < d and (e is None or e == d)):
            return (2 * n - 1, 2 * n)
        return (2 * n, 2 * n + 1)
    if s and e and s <= e and (e - s).days <= MAX_LINK_WINDOW_DAYS:
        if night and s < e:
            return (2 * s.toordinal() + 1, 2 * e.toordinal())
        return (2 * s.toordinal(), 2 * e.toordinal() + 1)
    return None


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def _weapons_compatible(a: str | None, b: str | None) -> bool:
    a, b = a or "unknown", b or "unknown"
    if a == b or a in _WILDCARD_WEAPONS or b in _WILDCARD_WEAPONS:
        return True
    return a in _MISSILES and b in _MISSILES and "missile" in (a, b)


# --------------------------------------------------------------------------- mentions → claims

class _Cluster:
    """Mentions of one claim, with the merged values used to test the next mention."""

    def __init__(self, block: tuple):
        self.block = block
        self.mentions: list[dict] = []
        self.articles: set[str] = set()
        self.outlets: set[str] = set()
        self.counts: dict[str, int] = {}
        self.attacker: str | None = None
        self.event_date: dt.date | None = None
        self.window: tuple[int, int] | None = None
        self.anchor: dt.date | None = None

    def add(self, m: dict, anchor: dt.date | None, outlet: str = "") -> None:
        self.mentions.append(m)
        self.articles.add(m["article_id"])
        if outlet:
            self.outlets.add(outlet)
        for f in COUNT_FIELDS:
            v = _int(m.get(f))
            if v is not None and f not in self.counts:
                self.counts[f] = v
        self.attacker = self.attacker or m.get("attacker_side")
        d = _date(m.get("event_date"))
        if d and not self.event_date:
            self.event_date, self.window, self.anchor = d, _window(m), d
        elif not self.window:
            self.window = _window(m)
        if not self.anchor:
            self.anchor = anchor

    def score(self, m: dict, anchor: dt.date | None, outlet: str = "") -> int | None:
        """None when ``m`` cannot be this claim; else the number of agreeing counts (+1 for a
        fixed date both give)."""
        if outlet and outlet in self.outlets and m["article_id"] not in self.articles:
            # Two different articles of one outlet are two statements (a channel posting
            # "two drones over Belgorod" in the morning and again at night), never one claim.
            return None
        att = m.get("attacker_side")
        if att and self.attacker and att != self.attacker:
            return None
        shared = 0
        for f in COUNT_FIELDS:
            v, c = _int(m.get(f)), self.counts.get(f)
            if v is not None and c is not None:
                if v != c:
                    return None
                shared += 1
        d = _date(m.get("event_date"))
        if d and self.event_date:
            return shared + 1 if d == self.event_date else None
        # Not both dated: the windows must not contradict, and across articles the counts must
        # fingerprint the claim and both anchor dates (event date, else the article's day of
        # publication) be known and lie close together: an undated or month-only article's
        # mention joins another article's claim never.
        w = _window(m)
        if w and self.window and not _overlap(w, self.window):
            return None
        if m["article_id"] not in self.articles:
            if shared == 0 or not (anchor and self.anchor):
                return None
            if abs((anchor - self.anchor).days) > UNDATED_TOLERANCE_DAYS:
                return None
        return shared


def _anchor(m: dict, article: dict | None) -> dt.date | None:
    return (_date(m.get("event_date")) or _date(m.get("event_date_end"))
            or _date((article or {}).get("published_date")) or _date((article or {}).get("published")))


def _cluster_mentions(mentions: list[dict], articles: dict[str, dict]) -> list[_Cluster]:
    blocks: dict[tuple, list[dict]] = defaultdict(list)
    for m in mentions:
        art = articles.get(m["article_id"])
        block = (m.get("claimant_side") or "", claimant_key(m.get("claimant"), (art or {}).get("outlet")),
                 m.get("event_type") or "", m.get("weapon") or "unknown", place_key(m))
        blocks[block].append(m)
    clusters: list[_Cluster] = []
    for block in sorted(blocks):
        ms = sorted(blocks[block], key=lambda m: (_pub(articles.get(m["article_id"])).sort_key(),
                                                  m["article_id"], m["mention_id"]))
        local: list[_Cluster] = []
        # Index the clusters by what lets a mention join them (same article, same event date,
        # anchor within the tolerance) so each mention is scored only against those, in
        # creation order: the same result as scoring every cluster of the block.
        by_article: dict[str, set[int]] = defaultdict(set)
        by_date: dict[int, set[int]] = defaultdict(set)
        by_anchor: dict[int, set[int]] = defaultdict(set)
        for m in ms:
            art = articles.get(m["article_id"]) or {}
            anchor = _anchor(m, art)
            outlet = _strip_accents(str(art.get("outlet") or "")).casefold().strip()
            cand = set(by_article.get(m["article_id"], ()))
            d = _date(m.get("event_date"))
            if d:
                cand |= by_date.get(d.toordinal(), set())
            if anchor:
                a = anchor.toordinal()
                for k in range(a - UNDATED_TOLERANCE_DAYS, a + UNDATED_TOLERANCE_DAYS + 1):
                    cand |= by_anchor.get(k, set())
            best, best_i, best_score = None, -1, -1
            for i in sorted(cand):
                sc = local[i].score(m, anchor, outlet)
                if sc is not None and sc > best_score:
                    best, best_i, best_score = local[i], i, sc
            if best is None:
                best, best_i = _Cluster(block), len(local)
                local.append(best)
            best.add(m, anchor, outlet)
            by_article[m["article_id"]].add(best_i)
            if best.event_date:
                by_date[best.event_date.toordinal()].add(best_i)
            if best.anchor:
                by_anchor[best.anchor.toordinal()].add(best_i)
        clusters.extend(local)
    return clusters


def _claim_values(cl: _Cluster, articles: dict[str, dict]) -> dict:
    """Representative claim fields of a cluster (mentions are in publication order)."""
    ms = cl.mentions
    first = ms[0]
    out = {f: first.get(f) for f in CLAIM_FIELDS}
    for f in COUNT_FIELDS:
        out[f] = cl.counts.get(f)
    out["attacker_side"] = cl.attacker
    # Date fields come from the first mention that fixes the date (else the first with a window).
    dated = ([m for m in ms if _date(m.get("event_date"))]
             or [m for m in ms if m.get("event_date_start") or m.get("event_date_end")] or [first])
    for f in ("event_date", "event_date_start", "event_date_end", "date_precision", "date_text"):
        out[f] = dated[0].get(f)
    # Place fields come from the most precise mention.
    geo = min(ms, key=lambda m: _GEO_RANK.get(m.get("geo_precision") or "unknown", 6))
    for f in ("location_text", "location_id", "admin1", "admin1_code", "country_code",
              "latitude", "longitude", "geo_precision"):
        out[f] = geo.get(f)
    for f in ("target", "count_qualifier"):
        out[f] = next((m.get(f) for m in ms if m.get(f)), None)
    models = sorted({p.strip() for m in ms for p in (m.get("weapon_model") or "").split(";") if p.strip()})
    out["weapon_model"] = ";".join(models) or None
    out["ambiguous"] = all(bool(m.get("ambiguous")) for m in ms)
    urls = sorted({(articles.get(a) or {}).get("url") or (articles.get(a) or {}).get("source_file") or a
                   for a in cl.articles})
    pubs = sorted(p for p in ((articles.get(a) or {}).get("published_date")
                              or (articles.get(a) or {}).get("published") for a in cl.articles) if p)
    out.update(n_sources=len(cl.articles), first_published=pubs[0][:10] if pubs else None,
               source_urls="|".join(urls), mention_ids="|".join(sorted(m["mention_id"] for m in ms)))
    return out


def _content_key(block: tuple, vals: dict) -> str:
    side, ckey, event_type, weapon, pkey = block
    date_key = vals.get("event_date") or (
        f"{vals['event_date_start']}..{vals['event_date_end']}"
        if vals.get("event_date_start") or vals.get("event_date_end") else "")
    return json.dumps(["claim/1", side, ckey, event_type, weapon, vals.get("attacker_side") or "",
                       pkey, date_key] + [vals.get(f) for f in COUNT_FIELDS], ensure_ascii=False)


# --------------------------------------------------------------------------- claims → incidents

class _UnionFind:
    def __init__(self, items: Iterable[str]):
        self.parent = {i: i for i in items}

    def find(self, x: str) -> str:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:  # the smaller id becomes the root: deterministic whatever the pair order
            self.parent[max(ra, rb)] = min(ra, rb)


def _ancestors(cid: str, claims: dict[str, dict]) -> set[str]:
    seen: set[str] = set()
    p = claims[cid].get("parent_claim_id")
    while p and p not in seen and p in claims:
        seen.add(p)
        p = claims[p].get("parent_claim_id")
    return seen


def _linkable(a: dict, b: dict, arts: dict[str, set], anc: dict[str, set]) -> bool:
    if a["attacker_side"] and b["attacker_side"] and a["attacker_side"] != b["attacker_side"]:
        return False
    if not _weapons_compatible(a["weapon"], b["weapon"]):
        return False
    shared = bool(arts[a["claim_id"]] & arts[b["claim_id"]])
    wa, wb = _window(a), _window(b)
    if wa and wb:
        if not _overlap(wa, wb):
            return False
    elif not shared:  # undated claims join only incidents of their own article
        return False
    ka, kb = place_key(a), place_key(b)
    kind_a, kind_b = _place_kind(ka), _place_kind(kb)
    if kind_a == kind_b == "region" or kind_a == kind_b == "country":
        return ka == kb
    # A total (country-level or unplaced) against regional rows: its own breakdown rows, or
    # rows stated in the same article in the same country.
    if a["claim_id"] in anc[b["claim_id"]] or b["claim_id"] in anc[a["claim_id"]]:
        return True
    ca, cb = a.get("country_code"), b.get("country_code")
    return shared and not (ca and cb and ca != cb)


def _link_claims(claims: dict[str, dict], arts: dict[str, set], anc: dict[str, set]) -> list[list[str]]:
    """The incidents as sorted lists of claim ids (each list starts with its founding claim),
    in order of their founding claim."""
    by_time: dict[int, list[str]] = defaultdict(list)  # half-day → claims whose span covers it
    by_article: dict[str, list[str]] = defaultdict(list)
    for cid in sorted(claims):
        w = _window(claims[cid])
        if w:
            for u in range(w[0], w[1] + 1):
                by_time[u].append(cid)
        for a in arts[cid]:
            by_article[a].append(cid)
    # Linking depends only on the two claims, so pairs can be tested group by group; a pair
    # already in one component needs no test. No global pair set: memory stays linear.
    uf = _UnionFind(claims)
    find = uf.find
    for group in list(by_time.values()) + list(by_article.values()):
        for i, x in enumerate(group):
            cx = claims[x]
            for y in group[i + 1:]:
                if x != y and find(x) != find(y) and _linkable(cx, claims[y], arts, anc):
                    uf.union(x, y)
    components: dict[str, list[str]] = defaultdict(list)
    for cid in sorted(claims):
        components[uf.find(cid)].append(cid)
    return [components[root] for root in sorted(components)]


def _assign_incident_ids(components: list[list[str]], previous: dict[str, str] | None) -> dict[str, str]:
    """claim_id → incident_id.

    Without history an incident's id is ``i-`` + the hex of its founding claim (its smallest
    claim_id). With ``previous`` (claim_id → incident_id of the last publication), published ids
    are kept: each old id, smallest first, goes to the incident holding most of its claims (ties:
    the smaller founding claim) unless that incident already has an id, so when a new article
    joins two published incidents the smallest old id survives and the other is retired (see
    :func:`_merges`). Incidents with no published id get the content-derived id; an id that is
    taken or was retired is skipped for the next claim's."""
    ids: dict[int, str] = {}
    if previous:
        holders: dict[str, Counter] = defaultdict(Counter)
        for k, comp in enumerate(components):
            for cid in comp:
                if previous.get(cid):
                    holders[previous[cid]][k] += 1
        for old in sorted(holders):
            for k in sorted(holders[old], key=lambda k: (-holders[old][k], components[k][0])):
                if k not in ids:
                    ids[k] = old
                    break
    taken = set(ids.values()) | set((previous or {}).values())
    for k, comp in enumerate(components):
        if k not in ids:
            ids[k] = next(("i-" + cid[2:] for cid in comp if "i-" + cid[2:] not in taken),
                          "i-" + _hex("incident|" + comp[0]))
            taken.add(ids[k])
    return {cid: ids[k] for k, comp in enumerate(components) for cid in comp}


def _most_common(values: Iterable, order: Iterable = ()) -> Any:
    cnt = Counter(v for v in values if v is not None)
    if not cnt:
        return None
    rank = {v: i for i, v in enumerate(order)}
    return min(cnt, key=lambda v: (-cnt[v], rank.get(v, len(rank)), str(v)))


def _concedes_leak(c: dict) -> bool:
    """An interception claim that itself says some weapons got through (72 of 131)."""
    return (c["launched"] is not None and c["intercepted"] is not None
            and c["launched"] > c["intercepted"] + (c["lost_to_ew"] or 0))


def _disputed(cs: list[dict]) -> bool:
    strikes = [c for c in cs if c["event_type"] == "strike" or (c["hits"] or 0) > 0]
    denials = [c for c in cs if c["event_type"] == "interception" and not _concedes_leak(c)]
    if any(s["claimant_side"] != d["claimant_side"] for s in strikes for d in denials):
        return True
    for i, a in enumerate(cs):
        for b in cs[i + 1:]:
            if (a["claimant_side"] != b["claimant_side"] and place_key(a) == place_key(b)
                    and a["weapon"] == b["weapon"] and a["weapon"] != "unknown"):
                for f in ("launched", "intercepted"):
                    if a[f] is not None and b[f] is not None and a[f] != b[f]:
                        return True
    return False


def _count_range(cs: list[dict], field: str, ids: set[str], anc: dict[str, set]) -> tuple:
    """Low/high of one figure across the incident's headline claims: breakdown rows whose total
    is in the incident are left out, then only the coarsest place grain is kept, then the
    weapon group with the most claims (so a 2-missile row never spans a 49-drone total)."""
    cand = [c for c in cs if c[field] is not None and not (anc[c["claim_id"]] & ids)]
    if not cand:
        return None, None
    regional = lambda c: _place_kind(place_key(c)) == "region"
    if not all(regional(c) for c in cand):
        cand = [c for c in cand if not regional(c)]
    groups: dict[str, list[int]] = defaultdict(list)
    for c in cand:
        groups[c["weapon"] or "unknown"].append(c[field])
    vals = groups[min(groups, key=lambda w: (-len(groups[w]), -max(groups[w]), w))]
    return min(vals), max(vals)


def _incident(iid: str, cs: list[dict], anc: dict[str, set]) -> dict:
    ids = {c["claim_id"] for c in cs}
    dated = sorted((c["event_date"], c["claim_id"]) for c in cs if _date(c["event_date"]))
    event_date = dated[0][0] if dated else None
    precision = (_most_common((c["date_precision"] for c in cs if c["event_date"] == event_date),
                              ("night", "day", "week", "month", "unknown")) if event_date else "unknown")
    attackers = {c["attacker_side"] for c in cs if c["attacker_side"]}
    known = {c["weapon"] for c in cs if c["weapon"] and c["weapon"] != "unknown"}
    if not known:
        weapon = "unknown"
    elif len(known) == 1:
        weapon = next(iter(known))
    elif known <= _MISSILES and "missile" in known and len(known) == 2:
        weapon = next(iter(known - {"missile"}))
    else:
        weapon = "mixed"
    regions = {place_key(c) for c in cs if _place_kind(place_key(c)) == "region"}
    countries = {c["country_code"] for c in cs if c["country_code"]}
    geo_rank = lambda c: (_GEO_RANK.get(c["geo_precision"] or "unknown", 6), c["claim_id"])
    admin1 = admin1_code = None
    country = next(iter(countries)) if len(countries) == 1 else None
    located = [c for c in cs if c["latitude"] is not None and c["longitude"] is not None]
    if len(regions) == 1:
        region = next(iter(regions))
        rc = min((c for c in cs if place_key(c) == region), key=geo_rank)
        admin1, admin1_code = rc["admin1"], rc["admin1_code"]
        country = country or rc["country_code"]
        located = [c for c in located if place_key(c) == region]
    elif regions:
        located = []  # several regions: no single point describes the incident
    point = min(located, key=geo_rank) if located else None
    lo_l, hi_l = _count_range(cs, "launched", ids, anc)
    lo_i, hi_i = _count_range(cs, "intercepted", ids, anc)
    return {
        "incident_id": iid, "event_date": event_date, "date_precision": precision or "unknown",
        "attacker_side": next(iter(attackers)) if len(attackers) == 1 else None,
        "weapon": weapon, "admin1": admin1, "admin1_code": admin1_code, "country_code": country,
        "latitude": point["latitude"] if point else None,
        "longitude": point["longitude"] if point else None,
        "n_claims": len(cs),
        "sides_reporting": "|".join(sorted({c["claimant_side"] for c in cs if c["claimant_side"]})),
        "launched_low": lo_l, "launched_high": hi_l,
        "intercepted_low": lo_i, "intercepted_high": hi_i,
        "disputed": _disputed(cs),
    }


def _merges(previous: dict[str, str] | None, incident_of: dict[str, str]) -> list[dict]:
    """Previously published incident ids that no longer exist → the incident now holding most
    of their (surviving) claims; ties go to the smallest id."""
    if not previous:
        return []
    current = set(incident_of.values())
    moved: dict[str, Counter] = defaultdict(Counter)
    for cid, old in previous.items():
        if old and old not in current and cid in incident_of:
            moved[old][incident_of[cid]] += 1
    return [{"old_incident_id": old, "new_incident_id": min(cnt, key=lambda n: (-cnt[n], n))}
            for old, cnt in sorted(moved.items())]


# --------------------------------------------------------------------------- the core

def reconcile(mentions: list[dict], articles: list[dict],
              previous: dict[str, str] | None = None) -> Reconciled:
    """Mentions → claims → incidents (see the module docstring and README.md).

    ``mentions``: mention dicts (mentions.yaml fields minus ``claim_id``, with
    ``parent_mention_id``); ``articles``: dicts with at least ``article_id``, ``url``,
    ``source_file``, ``published``, ``published_date``, ``outlet``; ``previous``: claim_id →
    incident_id of the last publication, used only to keep published incident ids and to
    record incident merges.
    """
    arts = {a["article_id"]: a for a in articles}
    clusters = _cluster_mentions(mentions, arts)

    # Claim ids: hash of the content key; identical keys (same content that could not be shown
    # to be one claim, e.g. two undated count-less reports) get an ordinal in publication order.
    keyed = []
    for cl in clusters:
        vals = _claim_values(cl, arts)
        pub = min((_pub(arts.get(a)) for a in cl.articles), key=_Pub.sort_key)
        keyed.append((_content_key(cl.block, vals), pub.sort_key(),
                      min(m["mention_id"] for m in cl.mentions), pub, cl, vals))
    keyed.sort(key=lambda t: t[:3])
    claims: dict[str, dict] = {}
    claim_of_mention: dict[str, str] = {}
    cluster_of: dict[str, _Cluster] = {}
    first_pub: dict[str, _Pub] = {}
    seen_keys: Counter = Counter()
    for key, _, _, pub, cl, vals in keyed:
        seen_keys[key] += 1
        cid = "c-" + _hex(key if seen_keys[key] == 1 else f"{key}#{seen_keys[key]}")
        claims[cid] = {"claim_id": cid, "incident_id": None, "parent_claim_id": None,
                       "revises_claim_id": None, **vals}
        cluster_of[cid] = cl
        first_pub[cid] = pub
        for m in cl.mentions:
            claim_of_mention[m["mention_id"]] = cid

    # Breakdown rows keep their parent: the claim of the parent mention (the most frequent one
    # if the outlets disagree, ties to the smallest id).
    for cid, cl in cluster_of.items():
        parents = [claim_of_mention.get(m.get("parent_mention_id")) for m in cl.mentions
                   if m.get("parent_mention_id")]
        claims[cid]["parent_claim_id"] = _most_common(p for p in parents if p and p != cid)
    anc = {cid: _ancestors(cid, claims) for cid in claims}
    for cid in claims:  # a parent loop (never expected) is cut at the claim itself
        if cid in anc[cid]:
            claims[cid]["parent_claim_id"] = None
    anc = {cid: _ancestors(cid, claims) for cid in claims}

    # Revisions: same claimant, event, weapon, place, fixed date and precision; a count differs.
    groups: dict[tuple, list[str]] = defaultdict(list)
    for cid, c in claims.items():
        if c["event_date"]:
            groups[cluster_of[cid].block + (c["event_date"], c["date_precision"])].append(cid)
    for members in groups.values():
        members.sort(key=lambda cid: (first_pub[cid].sort_key(), cid))
        for j, later in enumerate(members):
            for earlier in reversed(members[:j]):
                a, b = claims[earlier], claims[later]
                if (first_pub[earlier].strictly_before(first_pub[later])
                        and not (cluster_of[earlier].articles & cluster_of[later].articles)
                        and any(a[f] is not None and b[f] is not None and a[f] != b[f]
                                for f in COUNT_FIELDS)):
                    b["revises_claim_id"] = earlier
                    break

    # Incidents.
    claim_arts = {cid: cl.articles for cid, cl in cluster_of.items()}
    incident_of = _assign_incident_ids(_link_claims(claims, claim_arts, anc), previous)
    members_of: dict[str, list[dict]] = defaultdict(list)
    for cid in sorted(claims):
        claims[cid]["incident_id"] = incident_of[cid]
        members_of[incident_of[cid]].append(claims[cid])
    incidents = [_incident(iid, members_of[iid], anc) for iid in sorted(members_of)]

    out_mentions = sorted(({**m, "claim_id": claim_of_mention[m["mention_id"]]} for m in mentions),
                          key=lambda m: m["mention_id"])
    out_claims = [{k: claims[cid][k] for k in CLAIM_COLUMNS} for cid in sorted(claims)]
    return Reconciled(out_mentions, out_claims, incidents, _merges(previous, incident_of))


# --------------------------------------------------------------------------- rebuild API
# Used by the quarantine (pipeline/quarantine.py) to rebuild a claim or an incident without
# the rows it removed, by the same rules as :func:`reconcile`.

def claim_values(mentions: list[dict], articles: list[dict] | dict[str, dict]) -> dict:
    """The fields of the claim stated by ``mentions`` (all of one claim; at least one), as
    :func:`reconcile` computes them: the claim fields plus ``n_sources``, ``first_published``,
    ``source_urls`` and ``mention_ids``. Ids and links (``claim_id``, ``incident_id``,
    ``parent_claim_id``, ``revises_claim_id``) are the caller's."""
    arts = articles if isinstance(articles, dict) else {a["article_id"]: a for a in articles}
    ms = sorted(mentions, key=lambda m: (_pub(arts.get(m["article_id"])).sort_key(),
                                         m["article_id"], m["mention_id"]))
    cl = _Cluster(("", "", "", "", ""))
    for m in ms:
        cl.add(m, _anchor(m, arts.get(m["article_id"])))
    return _claim_values(cl, arts)


def incident_fields(incident_id: str, claims: list[dict],
                    all_claims: Iterable[dict] = ()) -> dict:
    """The incidents.csv row of incident ``incident_id`` made of ``claims`` (at least one), as
    :func:`reconcile` computes it; ``all_claims`` (e.g. every published claim) lets breakdown
    links be followed through claims outside the incident."""
    def norm(c: dict) -> dict:
        row = {k: c.get(k) for k in CLAIM_COLUMNS}
        for f in COUNT_FIELDS:
            row[f] = _int(row[f])
        return row

    pool = {c["claim_id"]: norm(c) for c in all_claims}
    members = [norm(c) for c in sorted(claims, key=lambda c: c["claim_id"])]
    pool.update({c["claim_id"]: c for c in members})
    anc = {c["claim_id"]: _ancestors(c["claim_id"], pool) for c in members}
    return _incident(incident_id, members, anc)


# --------------------------------------------------------------------------- thin CLI

def _read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _write_jsonl(path: Path, rows: list[dict]) -> None:
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n")


def read_previous_claims(path: Path | str) -> dict[str, str]:
    """claim_id → incident_id from a published claims.csv."""
    with open(path, encoding="utf-8", newline="") as fh:
        return {r["claim_id"]: r["incident_id"] for r in csv.DictReader(fh)
                if r.get("claim_id") and r.get("incident_id")}


def main(mentions_path: str | Path, articles_path: str | Path, out_dir: str | Path,
         previous_claims_csv: str | Path | None = None) -> Reconciled:
    """Read mentions and articles (JSONL), write ``reconciled_mentions.jsonl``,
    ``claims.jsonl``, ``incidents.jsonl`` and ``incident_merges.jsonl`` into ``out_dir``."""
    previous = (read_previous_claims(previous_claims_csv)
                if previous_claims_csv and Path(previous_claims_csv).exists() else None)
    articles = [{k: v for k, v in a.items() if k != "text"} for a in _read_jsonl(Path(articles_path))]
    result = reconcile(_read_jsonl(Path(mentions_path)), articles, previous)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    for name, rows in (("reconciled_mentions", result.mentions), ("claims", result.claims),
                       ("incidents", result.incidents), ("incident_merges", result.merges)):
        _write_jsonl(out / f"{name}.jsonl", rows)
    return result


if __name__ == "__main__":
    ap = argparse.ArgumentParser(prog="python -m pipeline.reconcile", description=__doc__.splitlines()[0])
    ap.add_argument("mentions", help="geocoded mentions (JSONL)")
    ap.add_argument("articles", help="articles (JSONL)")
    ap.add_argument("out_dir")
    ap.add_argument("--previous-claims", help="previous claims.csv (for incident merges)")
    ns = ap.parse_args()
    r = main(ns.mentions, ns.articles, ns.out_dir, ns.previous_claims)
    print(f"{len(r.mentions)} mentions → {len(r.claims)} claims → {len(r.incidents)} incidents, "
          f"{len(r.merges)} merges")
