"""Ukrainian / Russian claim forms of the Air Force nightly tally and of the MoD posts, as small
named rules used by :mod:`pipeline.extract.cyrillic` (which keeps the unit analysis and the frame).

Unit-level rules take the normalised unit text ``s``, its counts, the NPs found so far and the
triggers, and add NPs with a role; claim-level rules take the article's claims and fix fields.
"""

from __future__ import annotations

import re

from .cyrillic_lex import NE, NW

_FLAGS = re.IGNORECASE | re.UNICODE


def _rx(pattern: str) -> re.Pattern:
    return re.compile(pattern, _FLAGS)


# "95-ма", "37-ьма", "7-ома": digits with the instrumental ending (Ukrainian)
_INSTR_SUFFIX_RE = re.compile(r"-(?:ма|ьма|ома|ьома|мя)" + NE)
_OF_THEM_AFTER_RE = _rx(r"^\s*(?:из|з|із) (?:них|которых|яких)" + NE)
_OF_THEM_BEFORE_RE = _rx(r"(?:из|з|із) (?:них|которых|яких)\W*(?:\w+\s+){0,1}$")
_ICPT_KINDS = ("interception", "strike_destroy")
# "не вдалося збити лише один", "збити не вдалося тільки два дрони", "не збито лише 3"
_COMPLEMENT_RE = _rx(
    r"(?:не\s+(?:вдалося|вдалось|удалось|удалося|було)\s+(?:збити|сбить|збито|сбито)|(?:збити|сбить)\s+не\s+(?:вдалося|вдалось|удалось|удалося)"
    r"|не\s+(?:збито|збили|сбито|сбили|перехоплено|перехвачено))\s+(?:лише|тільки|лишь|только)?\s*$")


def instrumental_suffix(s: str, n) -> bool:
    """A digit count written with its instrumental case ending ("95-ма ударними БпЛА") is still
    a count (unlike ordinals such as "5-й", "10-го")."""
    return bool(n.text[-1:].isdigit() and _INSTR_SUFFIX_RE.match(s, n.end))


def _report_class(ctx: dict) -> str | None:
    """The weapon group the post's earlier units launched or intercepted (for a bare count)."""
    launched = [c for c in ctx.get("launched_cls", []) if c not in ("unknown", "artillery", "mixed")]
    return launched[-1] if launched else ctx.get("last_icpt_cls")


def _near_trigger(s: str, n, trigs: list, kinds: tuple, reach: int = 40):
    """The trigger of ``kinds`` nearest to count ``n`` in its clause (before or after it)."""
    best = None
    for t in trigs:
        if t.kind not in kinds:
            continue
        a, b = (t.end, n.start) if t.end <= n.start else (n.end, t.start)
        if b - a > reach or re.search(r"[.;!?]", s[a:b]):
            continue
        if best is None or b - a < best[0]:
            best = (b - a, t)
    return best[1] if best else None


def anaphoric_counts(s: str, nums: list, used: set, nps: list, trigs: list, ctx: dict, make_np) -> None:
    """Counts with no noun of their own in a unit without a counted interception NP, after a
    counted launch (earlier in the unit or in an earlier unit of the post):

    * "49 із них збито", "З них 49 збито", "Сили ППО збили 40 з них" (anaphor "of them");
    * "За попередніми даними, збито 90." (a bare count right after a shoot-down verb);
    * "атакував 60 дронами, 45 збили" (a bare count right before it, opening its clause).

    Each becomes an NP of the launched group with the role of its verb (EW wording → ``ew``)."""
    if any(np_.count is not None and np_.role in ("interception", "ew") for np_ in nps):
        return
    for n in nums:
        if id(n) in used or n.value is None:
            continue
        launch = [np_ for np_ in nps if np_.role == "launch" and np_.count is not None and np_.end <= n.start]
        cls = launch[-1].cls if launch else _report_class(ctx)
        t = _near_trigger(s, n, trigs, _ICPT_KINDS + ("ew",))
        if cls is None or t is None or _form_of_bare_count(s, n, t) is None:
            continue
        nps.append(make_np(n.start, n.end, cls, list(launch[-1].models) if launch else [], [], count=n,
                           role="ew" if t.kind == "ew" else "interception"))
        used.add(id(n))


def _form_of_bare_count(s: str, n, t) -> str | None:
    """Which noun-less count form ``n`` with its verb ``t`` is, or None."""
    if _OF_THEM_AFTER_RE.match(s[n.end:n.end + 14]) or _OF_THEM_BEFORE_RE.search(s[max(0, n.start - 24):n.start]):
        return "anaphor"
    if t.end <= n.start and re.fullmatch(r"\s*", s[t.end:n.start]) and re.match(r"\s*(?:[.;,]|$)", s[n.end:]):
        return "after_verb"
    if t.start >= n.end and re.fullmatch(r"\s*", s[n.end:t.start]) and re.search(r"(?:^|[,;:—–]\s*|(?:ще|ещ[её])\s+)$", s[:n.start]):
        return "before_verb"
    return None


def complement_counts(s: str, nums: list, used: set, nps: list, ctx: dict, make_np) -> None:
    """"Не вдалося збити лише один дрон": the count is what was NOT shot down; the NP it heads (or
    a bare count) takes the role ``missed`` (the frame turns launched − missed into intercepted)."""
    for n in nums:
        if n.value is None or not _COMPLEMENT_RE.search(s[max(0, n.start - 60):n.start]):
            continue
        own = [np_ for np_ in nps if np_.count is n]
        if own:
            own[0].role = "missed"
        elif id(n) not in used and _report_class(ctx):
            nps.append(make_np(n.start, n.end, _report_class(ctx), [], [], count=n, role="missed"))
        used.add(id(n))


def apply_complements(claims: list, same_report, compatible) -> list:
    """A ``missed`` claim gives the earlier launch claim of its group intercepted = launched −
    missed; without a launch figure it states no shoot-down count and is dropped."""
    for c in claims:
        if c.dropped or c.role != "missed":
            continue
        c.dropped = True
        cands = [t for t in claims if t is not c and not t.dropped and t.launched is not None and t.intercepted is None
                 and t.pos < c.pos and same_report(t, c) and compatible(t.cls, c.cls)]
        if cands and c.missed is not None and c.missed <= cands[-1].launched:
            t = cands[-1]
            t.intercepted = t.launched - c.missed
            if t.event_type == "attack":
                t.event_type, t.role = "interception", "single"
            t.rules.append("interception.complement")
    return claims


def missed_claims(u, nps: list, make_claim) -> list:
    """One claim (role ``missed``) per NP whose count is the complement of the shoot-down."""
    out = []
    for np_ in nps:
        if np_.role == "missed" and np_.count is not None:
            c = make_claim(u, [u], "interception", np_.cls, list(np_.models), pos=np_.start,
                           rules=["interception.complement_count"])
            c.role, c.missed = "missed", np_.count.value
            out.append(c)
    return out


_HIT_WORD_RE = _rx(r"^(?:влучан\w*|влучил\w*|влучив|попадан\w*|попал\w*)$")


def hit_count(s: str, strike_trigs: list, nps: list) -> int | None:
    """"Зафіксовано влучання 12 ударних БпЛА на 5 локаціях": the counted weapon NPs right after a
    hit word are the number of hits ("влучання 1 ракети та 12 БпЛА" → 13); the locations are
    where, not how many."""
    for t in strike_trigs:
        if not _HIT_WORD_RE.match(t.text):
            continue
        total, end = None, t.end
        for np_ in sorted((x for x in nps if x.count is not None and x.count.start >= t.end), key=lambda x: x.start):
            n = np_.count
            gap = s[end:n.start]
            if not (re.fullmatch(r"\s*(?:\w+\s+)?", gap) if total is None else re.fullmatch(r"\s*(?:,|та|і|и|а також)\s*", gap)):
                break
            if n.value is None or n.qualifier != "exact":
                return None
            total, end = (total or 0) + n.value, np_.end
        if total is not None:
            return total
    return None


# a related-story line ("Читайте також: …", "Также читайте", "По теме:"): another story's headline
_RELATED = (r"^[\s*_>•▪️🔹👉📌➡️]*(?:читайте\s+(?:також|также|ще|еще|ещё)|(?:також|также)\s+читайте|дивіться\s+також"
            r"|смотрите\s+также|по\s+теме\s*:|на\s+тему\s*:|по\s+темі\s*:|новини\s+за\s+темою|новости\s+по\s+теме)")
_RELATED_RE = _rx(_RELATED)
_RELATED_HEADING_RE = _rx(_RELATED + r"[\s*_:.—–-]*$")


def is_related_story(text: str, start: int) -> bool:
    """True when the unit at ``start`` lies on a related-story line, or on the line right under a
    heading such as "Читайте також" standing alone (its claims are another article's headline)."""
    line_start = text.rfind("\n", 0, start) + 1
    if _RELATED_RE.match(text[line_start:line_start + 60]):
        return True
    before = text[:line_start].rstrip()          # the previous non-blank line
    prev = before[before.rfind("\n") + 1:].strip()
    return bool(prev) and bool(_RELATED_HEADING_RE.match(prev))


_ANOTHER_RE = _rx(r"(?:^|[\s,])(?:(?:и|і|та|а)\s+)?(?:ещ[её]|ще)\s+$")


def detach_additions(claims: list) -> list:
    """"уничтожено шесть БПЛА и ещё два перехвачены над Курской областью": a row introduced by
    "ещё" adds to the figure before it (a sibling), unless the rows with it sum to that figure
    (then "ещё" only continues a breakdown)."""
    for p in claims:
        if p.dropped or p.role != "total" or p.intercepted is None:
            continue
        kids = [k for k in claims if k.parent is p and k.role == "row" and not k.dropped and k.unit is p.unit]
        extra = [k for k in kids if k.intercepted is not None
                 and _ANOTHER_RE.search(k.unit.norm[max(0, k.pos - k.unit.start - 12):k.pos - k.unit.start])]
        if not extra or sum(k.intercepted or 0 for k in kids) == p.intercepted:
            continue
        rest = [k for k in kids if k not in extra]
        if rest and sum(k.intercepted or 0 for k in rest) != p.intercepted:
            continue
        for k in extra:
            k.parent, k.role = None, "single"
            k.rules.append("interception.another_sibling")
        if not rest:
            p.role = "single"
    return claims


def of_which_rows(s: str, n, base, places: list) -> bool:
    """"уничтожены 20 БПЛА, из которых 12 сбиты над Курской областью": after an intercepted total,
    a count of "из которых" with a place of its own is a breakdown row of that total (not the
    shoot-down of a launch)."""
    if base.role != "interception":
        return False
    nxt = re.search(r"[.;]|\d", s[n.end:])
    end = n.end + (nxt.start() if nxt else len(s) - n.end)
    return any(n.end <= p.start < end and p.kind != "direction" for p in places)


_PERIOD_TOTAL_RE = _rx(
    r"(?:всего|итого|в общей сложности|в целом|загалом|усього|всього|разом)\W+(?:\w+\W+){0,3}?"
    r"(?:за (?:минувшую |прошедшую |эту )?ночь|в течение (?:минувшей |прошедшей )?ночи|за (?:прошедшие |минувшие )?сутки"
    r"|за (?:минулу )?ніч|протягом (?:минулої )?ночі|за (?:минулу )?добу|протягом (?:минулої )?доби)\W+(?:\w+\W+){0,5}$")


def _is_period_total(c) -> bool:
    rel = c.pos - c.unit.start
    return bool(_PERIOD_TOTAL_RE.search(c.unit.norm[max(0, rel - 120):rel]))


def night_total_parts(claims: list, compatible) -> list:
    """"С 23:00 до 03:00 … уничтожены 14 БПЛА. … Всего за ночь уничтожено 23 БПЛА": the figures
    of the night's periods are rows of the night total, not a second count of the same drones."""
    for t in claims:
        if t.dropped or t.event_type != "interception" or t.parent is not None or t.intercepted is None \
                or t.region is not None or not _is_period_total(t):
            continue
        parts = [c for c in claims if c is not t and not c.dropped and c.event_type == "interception"
                 and c.parent is None and c.unit.idx < t.unit.idx and c.intercepted is not None
                 and c.claimant == t.claimant and c.side == t.side and compatible(c.cls, t.cls)]
        if not parts or sum(c.intercepted for c in parts) > t.intercepted:
            continue
        for c in parts:
            c.parent, c.role = t, "row"
            c.rules.append("interception.period_of_night_total")
        t.role = "total"
    return claims


def adopt_launch_claimant(claims: list, compatible) -> list:
    """"Вночі Росія запустила 95 дронів. ППО збила 64 з них, повідомили Повітряні сили.": an
    unattributed launch figure right before an attributed shoot-down of the same group (next unit,
    same or next paragraph) is that claimant's report (its claimant and date), so both form one
    interception claim."""
    for a in claims:
        if a.dropped or a.event_type != "attack" or a.claimant != "outlet" or a.launched is None:
            continue
        nxt = [t for t in claims if not t.dropped and t.event_type == "interception" and t.role in ("single", "total")
               and t.claimant not in (None, "outlet") and t.launched is None and compatible(t.cls, a.cls)
               and 1 <= t.unit.idx - a.unit.idx <= 2 and t.unit.para - a.unit.para <= 1]
        if not nxt:
            continue
        t = nxt[0]
        da, dt = (a.date or {}).get("event_date"), (t.date or {}).get("event_date")
        if da and dt and da != dt:
            continue
        a.claimant, a.side, a.claimant_code, a.claimant_kind = t.claimant, t.side, t.claimant_code, t.claimant_kind
        a.claimant_source = t.claimant_source
        if not dt:
            t.date = a.date
        elif not da:
            a.date = t.date
        a.rules.append("claimant.launch_of_attributed_report")
    return claims
