"""Article-level dispatcher: sentences → claims (mention dicts, see docs/interfaces.md).

Per article:
1. ru/uk sentences go to ``cyrillic.extract_cyrillic`` (all sentences when the article is
   mostly Cyrillic), en/fr sentences to ``latin.analyze_sentence``;
2. each latin item gets a claimant (in-sentence attribution, the previous sentence's claimant
   for "it said"/continuations, a claimant named in the next sentence ("The account came
   from …"), else ``outlet`` with the outlet's side), an attacker side and a country hint;
3. cross-sentence merges: launch figure + later shot-down / lost figures of the same weapon
   group ("Of those, 49 were shot down") become one interception claim; regional rows attach
   to the running total of the same claimant (before or after it); repeated statements of the
   same claim (a headline, an English and a French version) are merged;
4. dates: the sentence's own time expression, else the article's main date.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from typing import Any

from . import _deps, budget
from .claimants import outlet_side, ClaimantMention
from .outlets import channel_claimant, claimant_source
from .trace import CLAIM_FIELDS, ITEM_FIELDS, rule_ids, traced
from .latin import analyze_sentence, coarse, Item
from .resources import Resources, load_resources

log = logging.getLogger(__name__)

_DEFAULT_RES: Resources | None = None


def _resources(res):
    global _DEFAULT_RES
    if res is not None:
        return res
    if _DEFAULT_RES is None:
        _DEFAULT_RES = load_resources()
    return _DEFAULT_RES


_CHROME = re.compile(
    r"^(?:Read\s+also|Lire\s+aussi|See\s+also|Voir\s+aussi|Related|Share|Partager|Subscribe|Abonnez|"
    r"Photo|Illustrative\s+photo|Читайте\s+також|Читайте\s+также|\(Reporting|\(Writing|\(Editing|"
    r"Join\s+thought|We've\s+been\s+working|Consider\s+supporting)", re.I)
_CAPTION = re.compile(r"(?:/\s*(?:AFP|Reuters|AP|Facebook|Telegram|EPA|Getty)\s*\)?\s*$|STRINGER|\bAFP\s*$|"
                      r"\((?:[A-Z][\w ]+)\s*/\s*[\w ]+\)\s*$)")


# Our own cheap prefilter, on top of the sentence stage's ``candidate`` flag: any count (breakdown
# continuations such as "Of these, 23 were over the Moscow region" carry no claim verb) or any
# strike / interception vocabulary.
_PREFILTER = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|twenty|thirty|forty|fifty|"
    r"un|une|deux|trois|quatre|cinq|sept|huit|neuf|dix|onze|douze|vingt|trente|quarante|cinquante|dizaine)\b|"
    r"\b(?:fires?|blaze|incendi\w*|feu|explos\w*|damag\w*|endommag\w*|debris|débris|hit|struck|strikes?|frapp\w*|touch\w*|"
    r"impacts?|shot\s+down|downed|intercept\w*|abattu\w*|détrui\w*|destroy\w*|neutrali\w*|repel\w*|repouss\w*|drones?|"
    r"missiles?|UAVs?|appareils)\b", re.I)


@dataclass
class Claim:
    item: Item
    sent_idx: int
    para: int
    sentences: list
    char_start: int
    char_end: int
    lang: str
    claimant: str
    side: str
    explicit: bool
    is_title: bool = False
    parent: Any = None          # Claim
    date: dict | None = None
    own_date: bool = False
    attacker: str | None = None
    country: str | None = None
    dropped: bool = False
    code: str | None = None     # the claimant's own region (governors, mayors, city administrations)
    kind: str | None = None
    into: Any = None            # the claim this one was merged into
    rules: list = field(default_factory=list, compare=False)   # ids of the rules that made or changed it


def _place_code(it: Item):
    return it.place.admin1_code if it.place is not None else None


def _place_country(it: Item):
    return it.place.country_code if it.place is not None else None


def _compatible_counts(a: Item, b: Item, rounding=False) -> tuple[bool, int]:
    """(no conflicting count, number of equal non-null counts)."""
    eq = 0
    for k in ("launched", "intercepted", "lost_to_ew", "hits"):
        x, y = getattr(a, k), getattr(b, k)
        if x is None or y is None:
            continue
        if x == y:
            eq += 1
        elif rounding and (a.qualifier in ("at_least", "approximate") and y >= x * 0.9 or
                           b.qualifier in ("at_least", "approximate") and x >= y * 0.9):
            eq += 1
        else:
            return False, 0
    return True, eq


def _weapon_ok(a: str, b: str) -> bool:
    ca, cb = coarse(a), coarse(b)
    return ca == cb or "unknown" in (ca, cb)


def _paragraphs(text: str, sentences: list) -> list[int]:
    out = []
    para = 0
    prev_end = None
    for s in sentences:
        if prev_end is not None and "\n\n" in text[prev_end:s["start"]].replace("\r", "") or \
                prev_end is not None and re.search(r"\n\s*\n", text[prev_end:s["start"]]):
            para += 1
        out.append(para)
        prev_end = s["end"]
    return out


def _pick_claimant(cands: list, pos: int):
    good = [c for c in cands if c.score >= 2]
    # a source with a speech verb ("…, the governor said") outranks the agent of the action
    # ("Russian forces struck …")
    if any(c.score >= 3 for c in good):
        good = [c for c in good if c.score >= 3]
    if not good:
        return None
    if len(good) == 1:
        return good[0]
    # several attributions in one sentence: the nearest one (preceding preferred)
    def dist(c):
        if c.end <= pos:
            return pos - c.end
        return (c.start - pos) * 1.5
    good.sort(key=lambda c: (dist(c) - 40 * (c.score - 2), 0 if c.side else 1))
    return good[0]


def _contrast_scoped(r, pos: int):
    """Claimant candidates that may assert an item at ``pos``. An official introduced right after a
    contrast (", though Gov. X said …", ", mais le maire a assuré que …", ", bien que le gouverneur
    ait affirmé …") speaks only for the contrasting clause, not for what the sentence stated before
    it. Returns (candidates, contrasted) where contrasted means such an official was removed."""
    cands = r.claimants
    bounds = getattr(r, "contrast", None) or []
    if not bounds:
        return cands, False
    keep, removed = [], False
    for c in cands:
        b = max((b for b in bounds if b <= c.start), default=None)
        if b is not None and pos < b and c.start - b <= 60 and c.score >= 2:
            removed = True
            continue
        keep.append(c)
    return keep, removed


def _claimant_side(c: ClaimantMention | None, item_place_cc: str | None, sent_country: str | None):
    if c is None:
        return None
    if c.side:
        return c.side
    cc = item_place_cc or sent_country
    if cc in ("RU", "UA"):
        return cc
    return None


def extract_article(article: dict, sentences: list, resources=None) -> list[dict]:
    res = _resources(resources)
    sentences = sorted(sentences or [], key=lambda s: s.get("start", 0))
    if not sentences:
        return []
    cyr = [s for s in sentences if s.get("lang") in ("ru", "uk")]
    lat_chars = sum(len(s["text"]) for s in sentences if s.get("lang") not in ("ru", "uk"))
    cyr_chars = sum(len(s["text"]) for s in cyr)
    out: list[dict] = []
    if cyr:
        to_cyr = sentences if cyr_chars > lat_chars else cyr
        try:
            from .cyrillic import extract_cyrillic
            got = extract_cyrillic(article, to_cyr, res) or []
            out.extend(got)
        except ImportError:
            log.debug("cyrillic extractor not available")
        except Exception as exc:  # keep the batch running (and say so: a reject row)
            log.warning("cyrillic extraction failed for %s: %s", article.get("article_id"), exc)
            budget.record("cyrillic extraction", exc)
        if cyr_chars > lat_chars:
            return _drop_period_aggregates(out)
    lat = [s for s in sentences if s.get("lang") not in ("ru", "uk")]
    try:
        lat_out = _extract_latin(article, sentences, lat, res)
    except Exception as exc:
        log.exception("latin extraction failed for %s: %s", article.get("article_id"), exc)
        budget.record("latin extraction", exc)
        lat_out = []
    base = len(out)
    for m in lat_out:
        if m.get("parent_index") is not None:
            m["parent_index"] += base
    out.extend(lat_out)
    return _drop_period_aggregates(out)


_MONTHS = {
    "en": r"January|February|March|April|May|June|July|August|September|October|November|December",
    "fr": r"janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre",
    "uk": r"січня|лютого|березня|квітня|травня|червня|липня|серпня|вересня|жовтня|листопада|грудня",
    "ru": r"января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря",
}
# figures over a whole month or year ("Протягом жовтня Росія атакувала Україну 5 298 дронами", "за месяц
# сбиты 4 612", "in October Russia launched 5,300 drones", "depuis le début de l'année"): statistics, not events
_PERIOD_AGGREGATE = re.compile(
    r"\b(?:протягом|упродовж|впродовж|за)\s+(?:минулого\s+|цього\s+)?(?:місяця|року|(?:%(uk)s))(?![\w])|"
    r"\b(?:з|від)\s+початку\s+(?:року|місяця)\b|\bза\s+місяць\b|"
    r"\b(?:в\s+течение|на\s+протяжении|за)\s+(?:прошлого\s+|этого\s+)?(?:месяца|года|(?:%(ru)s))(?![\w])|"
    r"\bс\s+начала\s+(?:года|месяца)\b|\bза\s+месяц\b|"
    r"(?<!\d\s)\b(?:in|during|throughout|over)\s+(?:the\s+month\s+of\s+)?(?:%(en)s)\b(?!\s+\d)|"
    r"\b(?:over|during|in)\s+the\s+(?:past|last|previous)\s+month\b|\bsince\s+the\s+(?:start|beginning)\s+of\s+the\s+year\b|"
    r"(?<!\d\s)\b(?:en|au\s+cours\s+du\s+mois\s+d['’]|durant\s+le\s+mois\s+d['’]|sur\s+l['’]ensemble\s+du\s+mois\s+d['’])\s*(?:%(fr)s)\b(?!\s+\d)|"
    r"\b(?:au\s+cours\s+du|durant\s+le|le)\s+mois\s+(?:dernier|écoulé)\b|\bdepuis\s+le\s+début\s+de\s+l['’]année\b" % _MONTHS, re.I)


def _drop_period_aggregates(out: list) -> list:
    drop = set()
    for i, m in enumerate(out):
        if m.get("launched") is None and m.get("intercepted") is None:
            continue
        parts = (m.get("sentence") or "").split(" [...] ")
        if any(_PERIOD_AGGREGATE.search(p) for p in parts):
            drop.add(i)
    if not drop:
        return out
    # rows of a dropped total go with it
    for i, m in enumerate(out):
        if m.get("parent_index") in drop:
            drop.add(i)
    keep = [i for i in range(len(out)) if i not in drop]
    new_idx = {old: k for k, old in enumerate(keep)}
    res = []
    for i in keep:
        m = out[i]
        if m.get("parent_index") is not None:
            m["parent_index"] = new_idx.get(m["parent_index"])
        res.append(m)
    return res


def _extract_latin(article: dict, all_sents: list, sents: list, res: Resources) -> list[dict]:
    text = article.get("text") or ""
    published = article.get("published")
    o_side = outlet_side(article.get("outlet"), article.get("url"))
    default_lang = "fr" if (article.get("language_meta") or article.get("language") or "") == "fr" else "en"
    paras = dict(zip([s["idx"] for s in all_sents], _paragraphs(text, all_sents)))

    analyzed = []
    for s in sents:
        t = s["text"]
        lang = s.get("lang") if s.get("lang") in ("en", "fr") else default_lang
        if _CHROME.match(t.strip()) or _CAPTION.search(t.strip()):
            analyzed.append((s, lang, None))
            continue
        if s.get("candidate") is False and not res.options.get("no_prefilter") and not _PREFILTER.search(t):
            # cheap path: no claim vocabulary → only look for a claimant (delayed attribution)
            from .latin import SentenceResult
            from .claimants import find_claimants, best_claimant
            cands = find_claimants(t, lang, res.gazetteer)
            r = SentenceResult(items=[], claimants=cands, claimant=best_claimant(cands))
        else:
            r = analyze_sentence(t, lang, res)
        analyzed.append((s, lang, r))

    # ---- article main date: first body sentence with a resolved day/night date
    dates = {}
    main_date = None
    main_rank = 9
    for s, lang, r in analyzed:
        if r is None:
            continue
        d = _resolve_event_date(s["text"], lang, published)
        dates[s["idx"]] = d
        if d and d.get("event_date") and d.get("date_precision") in ("day", "night") \
                and not s.get("is_title") and (r.items or s.get("candidate")) and not r.background:
            # (a weekday in a politics or background paragraph does not date the attack)
            # the article's night ("overnight", "dans la nuit") outranks an earlier side event ("On Tuesday
            # evening …", a recap bullet): it dates the undated claims of the main report
            # (a recap bullet's "overnight" still outranks a side event's day further down: "late on Tuesday")
            rank = (0 if d.get("date_precision") == "night" else 2) + (1 if _BULLET.match(s["text"]) else 0)
            if main_date is None or rank < main_rank:
                main_date, main_rank = d, rank
    if main_date is None:
        for s, lang, r in analyzed:
            d = dates.get(s["idx"])
            if r is not None and not r.items and not s.get("is_title"):
                continue
            if d and d.get("event_date") and d.get("date_precision") in ("day", "night"):
                main_date = d
                break
    if main_date is None and isinstance(published, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}.*", published):
        main_date = {"event_date": published[:10], "event_date_start": published[:10],
                     "event_date_end": published[:10], "date_precision": "day", "date_text": None}

    claims: list[Claim] = []
    body_order = [a for a in analyzed if not a[0].get("is_title")] + [a for a in analyzed if a[0].get("is_title")]
    last_claimant = None      # (canonical, side, para, sent_pos)
    pos_of = {a[0]["idx"]: i for i, a in enumerate(analyzed)}

    history = []              # every claimant assigned so far (newest last), for carry-over
    last_named = None         # the last official or institution named in any sentence ("Selon lui, …")

    def _remember(entry):
        nonlocal last_claimant
        last_claimant = entry
        history.append(entry)

    for s, lang, r in body_order:
        if r is None:
            continue
        prev_named = last_named
        if not s.get("is_title"):
            named = [c for c in r.claimants if c.side and c.kind in ("official", "governor", "mayor", "local", "institution")]
            if named:
                c0 = named[-1]
                last_named = (c0.canonical, _claimant_side(c0, None, r.country_hint), paras.get(s["idx"], 0),
                              pos_of[s["idx"]], c0.admin1_code, c0.kind)
        if not r.items:
            c = _pick_claimant(r.claimants, 0)
            if c is None and not s.get("is_title"):
                # "Such was the statement of the Russian defence ministry …", "C'est ce qu'a annoncé …"
                c = _attribution_only(s["text"], r)
            if c is not None and (c.side or c.kind) and not s.get("is_title"):
                _remember((c.canonical, _claimant_side(c, None, r.country_hint), paras.get(s["idx"], 0), pos_of[s["idx"]], c.admin1_code, c.kind))
            continue
        if r.background:
            continue
        para = paras.get(s["idx"], 0)
        i_pos = pos_of[s["idx"]]
        d = dates.get(s["idx"])
        new_claims = []
        for it in r.items:
            scoped, contrasted = _contrast_scoped(r, it.pos)
            # a source inside a relative clause (", which the General Staff said its drones hit,") speaks
            # for that clause and its antecedent, not for what the sentence says after the clause
            rel = [(m.start(), m.end()) for m in _REL_SPAN.finditer(s["text"])]
            if rel:
                scoped = [c for c in scoped if not any(a <= c.start < b and it.pos >= b for a, b in rel)]
            c = _pick_claimant(scoped, it.pos)
            explicit = c is not None
            canonical = side = code = kind = None
            how = "claimant.in_sentence"
            if c is not None:
                canonical, code, kind = c.canonical, c.admin1_code, c.kind
                side = _claimant_side(c, _place_country(it), r.country_hint)
            if c is not None and it.event_type == "strike" and any(
                    c.end <= b < it.pos for b in (getattr(r, "narrative", None) or [])):
                # "X said it shot down 112 drones, as falling debris damaged homes in …": the outlet's narrative
                c, explicit = None, False
                canonical, side, code, kind = "outlet", o_side, None, None
                how = "claimant.narrative_is_outlet"
            if canonical is None and contrasted:
                # the outlet's own account, contradicted by the official in the same sentence
                canonical, side = "outlet", o_side
                it.ambiguous = True
                how = "claimant.contrast_is_outlet"
            if canonical is None:
                # delayed attribution: next sentence(s) that only attribute ("The account came from …")
                nxt = _lookahead_claimant(analyzed, i_pos, paras, r.items)
                carried = None
                if not s.get("is_title"):
                    if _PERSONAL_ATTRIB.search(s["text"]) and prev_named is not None and i_pos - prev_named[3] <= 3 and (
                            last_claimant is None or prev_named[3] >= last_claimant[3]):
                        # "Selon lui, 14 drones …", "according to him": the person named last
                        carried = prev_named
                    elif _IT_ATTRIB.search(s["text"]) and prev_named is not None and prev_named[5] == "institution" \
                            and 0 < i_pos - prev_named[3] <= 2 and (last_claimant is None or prev_named[3] >= last_claimant[3]):
                        # "A correction from the air force: … Both missiles, it now says, were intercepted": the
                        # institution named just before, not an older claimant
                        carried = prev_named
                    else:
                        # the newest claimant that can assert this item (a claimant of the other side or
                        # a local official of another region is skipped, not carried over)
                        for lc in reversed(history[-6:]):
                            if lc[3] == i_pos:
                                continue        # (this sentence's own source was already weighed above)
                            if not (lc[2] == para or r.anaphoric_attrib or i_pos - lc[3] <= 1):
                                break
                            if _carry_ok(lc, it, para, r.anaphoric_attrib):
                                carried = lc
                                break
                            if lc[2] != para:
                                break
                last_claimant_used = carried
                prev_ok = carried is not None
                # a claimant is not carried onto a statement about its own side's launches
                if prev_ok and not r.anaphoric_attrib and r.explicit_attacker and carried[1] == r.explicit_attacker \
                        and it.event_type in ("attack", "interception"):
                    prev_ok = False
                if r.anaphoric_attrib and prev_ok:
                    canonical, side, code, kind = carried[0], carried[1], carried[4], carried[5]
                    how = "claimant.anaphoric"
                elif nxt is not None:
                    canonical, side, code, kind = nxt
                    how = "claimant.lookahead"
                elif prev_ok and not _looks_unattributed_news(s["text"]):
                    canonical, side, code, kind = carried[0], carried[1], carried[4], carried[5]
                    how = "claimant.carried"
                elif s.get("is_title"):
                    canonical, side = None, None
                    how = "claimant.headline_unattributed"
                else:
                    canonical, side = "outlet", o_side
                    how = "claimant.unattributed"
            cl = Claim(item=it, sent_idx=s["idx"], para=para, sentences=[s["text"]], char_start=s["start"],
                       char_end=s["end"], lang=lang, claimant=canonical, side=side, explicit=explicit,
                       is_title=bool(s.get("is_title")), code=code, kind=kind, rules=[f"{lang}.{how}"])
            # a local official's figure without a place is about the official's own region
            if it.place is not None and not it.multi_place and code and kind in ("governor", "mayor", "official", "local") and \
                    getattr(it.place, "geo_precision", None) not in ("admin1", "country") and it.place.admin1_code and \
                    it.place.country_code and it.place.country_code != code[:2]:
                # "…, said the governor of Tambov, in the Nikiforovka district": a homonymous small place in
                # the other country is not where the official's event happened
                it.place = None
            if (it.place is None or it.toward_capital) and not it.multi_place and code and kind in ("governor", "mayor", "official", "local") \
                    and it.event_type in ("interception", "strike", "attack"):
                from .latin import _area_plc
                plc = _area_plc(res.gazetteer, code, it.location_text or "")
                if plc is not None:
                    it.place = plc
                    if it.toward_capital:
                        it.toward_capital = False
                        it.parent = None
                    if not it.location_text:
                        it.location_text = getattr(plc.place, "admin1", None) or getattr(plc.place, "name", None)
            # date
            if _DAILY_SUMMARY.search(s["text"]):
                # "over the past 24 hours", "en vingt-quatre heures", "au cours de la dernière journée": two dates
                m = _DAILY_SUMMARY.search(s["text"])
                cl.date, cl.own_date = {"event_date": None, "event_date_start": None, "event_date_end": None,
                                        "date_precision": "unknown", "date_text": m.group(0)}, True
            elif d and d.get("date_text"):
                # a bare clock time ("between 6 p.m. and 9 p.m.") does not fix the day: a statement
                # made on an earlier day does
                sd = _speech_date(s["text"], lang, published, main_date) if _CLOCK_ONLY.match(d["date_text"]) else None
                cl.date, cl.own_date = (dict(sd, date_text=d["date_text"]) if sd else d), True
            else:
                cl.date = _speech_date(s["text"], lang, published, main_date) or main_date
                # a continuation ("…, he added") of the previous sentence's dated claim takes its date
                prev = [p for p in claims if p.sent_idx != s["idx"] and pos_of.get(p.sent_idx, -9) == i_pos - 1
                        and p.own_date and p.para == para and not p.is_title]
                if prev and prev[-1].date and prev[-1].date.get("event_date") and (
                        _PRONOUN_ATTRIB.search(s["text"]) or prev[-1].claimant == canonical and canonical not in (None, "outlet")):
                    cl.date = dict(prev[-1].date, date_text=None)
                elif _SAME_SOURCE_LEAD.match(s["text"]) and i_pos > 0 and \
                        not analyzed[i_pos - 1][0].get("is_title") and _DAILY_SUMMARY.search(analyzed[i_pos - 1][0]["text"]):
                    # "Au cours de la dernière journée, … [¶] Selon elle, l'ennemi a largué …": the same daily
                    # summary, no single day
                    cl.date = {"event_date": None, "event_date_start": None, "event_date_end": None,
                               "date_precision": "unknown", "date_text": None}
                elif it.target:
                    # the same target at the same place, dated earlier ("struck the refinery in Volgograd
                    # yesterday evening" … "the blaze at the refinery"): the same event, the same day
                    same = [p for p in claims if not p.is_title and p.item.target == it.target
                            and (it.place is None or _place_code(p.item) == _place_code(it))]
                    if same and same[-1].own_date and same[-1].date and same[-1].date.get("event_date"):
                        cl.date = dict(same[-1].date, date_text=None)
            claims.append(cl)
            new_claims.append(cl)
            if canonical and canonical != "outlet" and not s.get("is_title"):
                _remember((canonical, side, para, i_pos, code, kind))
        by_item = {id(c.item): c for c in new_claims}
        for c in new_claims:
            if c.item.parent is not None and 0 <= c.item.parent < len(r.items):
                c.parent = by_item.get(id(r.items[c.item.parent]))

    traced("core.sides", _sides, claims, o_side, fields=CLAIM_FIELDS, item_fields=ITEM_FIELDS)
    traced("core.cross_sentence", _cross_sentence, claims, fields=CLAIM_FIELDS, item_fields=ITEM_FIELDS)
    claims = [c for c in claims if not c.dropped]
    return _to_mentions(claims, article)


_PERSONAL_ATTRIB = re.compile(
    r"\b(?:selon|d['’]après)\s+(?:lui|elle)\b|\baccording\s+to\s+(?:him|her)\b|\ba-t-(?:il|elle)\b|"
    r"\b(?:he|she)\s+(?:also\s+|further\s+|later\s+)?(?:said|added|wrote|noted|stated|told|reported)\b|\b(?:said|added|wrote)\s+(?:he|she)\b|"
    r"\b(?:il|elle)\s+a\s+(?:également\s+|aussi\s+|encore\s+)?(?:ajouté|précisé|indiqué|déclaré|affirmé|assuré|écrit|souligné)", re.I)
_SAME_SOURCE_LEAD = re.compile(r"\s*(?:selon\s+(?:elle|lui|la\s+même\s+source|le\s+même\s+bilan)|d['’]après\s+(?:elle|lui)|"
                               r"according\s+to\s+(?:it|him|her|the\s+same\s+(?:source|summary|report)))\b", re.I)
_IT_ATTRIB = re.compile(r"\bit\s+(?:also\s+|now\s+|later\s+|further\s+)?(?:said|says|added|adds|reported|reports|wrote)\b|"
                        r"\b(?:said|says|added|adds)\s+it\b", re.I)
_OCCUPIED_UA = {"UA-43", "UA-40", "UA-14", "UA-09", "UA-23", "UA-65"}


def _carry_ok(lc, it, para, anaphoric) -> bool:
    """Can the claimant ``lc`` (carried from an earlier sentence) assert item ``it``?"""
    side, lpara, code, kind = lc[1], lc[2], lc[4], lc[5]
    pc, pcc = _place_code(it), _place_country(it)
    if it.event_type == "interception" and pcc in ("RU", "UA") and side in ("RU", "UA") and pcc != side:
        # air defence reports its own side's interceptions ("Russian air defences downed 23 over Rostov"
        # is not the Ukrainian General Staff's figure); the occupied regions are reported by Russia
        if not (side == "RU" and pc in _OCCUPIED_UA):
            return False
    if kind in ("governor", "mayor", "local") and code:
        if pc and pc != code and not it.toward_capital:
            return False        # a governor's or mayor's word does not cover another region's row
        if lpara != para and not anaphoric and pc is None and not it.multi_place and it.event_type == "interception" \
                and (it.intercepted or it.launched or 0) >= 30:
            return False        # nor, in a new paragraph, a country-wide total
    return True


_ATTRIB_WORDS = re.compile(
    r"\b(?:came\s+from|c['’]est\s+ce\s+qu|said|a\s+(?:déclaré|indiqué|annoncé|précisé)|according|selon|"
    r"quoted|cité|citing|statement|communiqué|wrote|posted)\b", re.I)


def _attribution_only(t: str, r):
    cands = [c for c in r.claimants if (c.score >= 1 or c.strong) and c.side]
    if cands and _ATTRIB_WORDS.search(t):
        return sorted(cands, key=lambda c: (-c.score, c.start))[0]
    return None


_SPEECH_DAY = re.compile(
    r"\b(?:said|reported|announced|claimed|stated|wrote)\s+(?:on\s+)?(?P<en>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|"
    r"\b(?:a|ont|avait|avaient)\s+(?:annoncé|indiqué|déclaré|affirmé|revendiqué|rapporté|précisé|fait\s+état)\s+"
    r"(?P<fr>lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\b", re.I)


_PRONOUN_ATTRIB = re.compile(r"\b(?:he|she|it|they)\s+(?:also\s+)?(?:said|added|wrote|reported)\b|\b(?:said|added)\s+(?:he|she|it)\b|"
                             r"\ba-t-(?:il|elle)\s+(?:\w+\s+)?(?:ajouté|précisé|indiqué|déclaré|affirmé)", re.I)
_DAILY_SUMMARY = re.compile(
    r"\b(?:(?:over|in|during|within)\s+the\s+(?:past|last|previous)\s+(?:24|twenty-four)\s+hours|(?:over|in|during)\s+the\s+(?:past|last)\s+day\b|"
    r"(?:en|au\s+cours\s+des|ces|durant\s+les|pendant\s+les|sur\s+les)\s+(?:dernières\s+)?(?:24|vingt-quatre)\s+(?:dernières\s+)?heures|"
    r"au\s+cours\s+de\s+la\s+(?:dernière\s+)?journée\s+(?:écoulée|passée|dernière)?|au\s+cours\s+de\s+la\s+dernière\s+journée|"
    r"(?:over|in)\s+the\s+past\s+day|daily\s+(?:summary|tally|report)|bilan\s+quotidien)", re.I)


_CLOCK_ONLY = re.compile(
    r"^\s*(?:between|from|after|before|around|at|until|entre|vers|à|après|avant|de)?\s*\d{1,2}(?:[:h.]\d{2})?\s*(?:a\.?m\.?|p\.?m\.?|h)?"
    r"(?:\s*(?:and|to|et|à|-|–)\s*\d{1,2}(?:[:h.]\d{2})?\s*(?:a\.?m\.?|p\.?m\.?|h)?)?(?:\s*(?:Moscow|Kyiv|local)\s+time|\s*heure\s+de\s+\w+)?\s*$", re.I)


def _speech_date(text: str, lang: str, published, main_date):
    """A statement made on an earlier day than the article's main event ("the ministry said on
    Friday that …" in a Saturday article) reports an event no later than that day."""
    m = _SPEECH_DAY.search(text)
    if not m or not main_date or not main_date.get("event_date"):
        return None
    day = m.group("en") or m.group("fr")
    d = _deps.resolve_for_sentence(("on " if m.group("en") else "") + day, "en" if m.group("en") else "fr", published)
    if not d or not d.get("event_date") or d["event_date"] >= main_date["event_date"]:
        return None
    return {"event_date": d["event_date"], "event_date_start": d["event_date"], "event_date_end": d["event_date"],
            "date_precision": "day", "date_text": None}


def _looks_unattributed_news(t: str) -> bool:
    return False


_OWN_WITNESS = re.compile(
    r"\b(?:(?:local\s+)?residents|eyewitnesses|witnesses|locals|(?:an?\s+)?(?:AFP|Reuters|AP)\s+(?:journalist|reporter|correspondent)s?|"
    r"habitants|riverains|témoins|(?:un|une|des)\s+(?:journalistes?|correspondante?s?)\s+de\s+l['’]AFP)\s+"
    r"(?:\w+\s+){0,2}?(?:posted|published|filmed|shared|heard|saw|reported|described|said|ont\s+(?:publié|filmé|partagé|entendu|vu|signalé|décrit)|a\s+(?:entendu|vu|constaté))\b",
    re.I)


def _lookahead_claimant(analyzed, i_pos, paras, items=()):
    """A claimant named in the next one or two sentences that assert nothing themselves, or
    the claimant of the next sentence when it continues these figures ("The Air Force said 30
    drones were shot down" after an unattributed launch figure)."""
    launched = [it.launched for it in items if it.launched is not None and it.place is None]
    if 0 <= i_pos < len(analyzed) and _OWN_WITNESS.search(analyzed[i_pos][0]["text"]):
        return None     # "Local residents posted videos of a blaze …": the outlet's own sourcing, not a later official's
    for j in range(i_pos + 1, min(i_pos + 3, len(analyzed))):
        s, lang, r = analyzed[j]
        if r is None:
            continue
        if r.items and launched and j == i_pos + 1:
            c = _pick_claimant(r.claimants, 0)
            if c is not None and c.side and any(
                    it.event_type == "interception" and it.place is None and it.intercepted is not None
                    and it.intercepted <= max(launched) for it in r.items):
                return c.canonical, c.side, c.admin1_code, c.kind
        if r.items:
            # "Ukraine's General Staff said the strike on the refinery …" restating: accept its claimant
            c = _pick_claimant(r.claimants, 0)
            if c is not None and re.search(r"\b(?:the|this|that|la|cette|ce)\s+(?:strike|attack|frappe|attaque)\b", s["text"], re.I):
                return c.canonical, c.side, c.admin1_code, c.kind
            return None
        cands = [c for c in r.claimants if c.score >= 1 or c.strong]
        if cands and re.search(r"\b(?:came\s+from|c['’]est\s+ce\s+qu|said|a\s+(?:déclaré|indiqué|annoncé|précisé)|according|selon|"
                               r"quoted|cité|citing|statement|communiqué|wrote|posted)\b", s["text"], re.I):
            c = sorted(cands, key=lambda c: (-c.score, c.start))[0]
            if c.side:
                return c.canonical, c.side, c.admin1_code, c.kind
    return None


# "over different parts of the city", "the city's outskirts", "dans la ville": the city named before
_CITY_ANAPHOR = re.compile(
    r"\b(?:the|this|that)\s+(?:city|town)(?:['’]s)?\b(?!\s+of\s+[A-Z])|\b(?:la|cette)\s+ville\b(?!\s+(?:de|d['’])\s+[A-ZÀ-Þ])", re.I)
_CITY_CODES = {"UA-30", "UA-40", "RU-MOW", "RU-SPE"}


def _city_place(p) -> bool:
    return p is not None and (getattr(p, "geo_precision", None) == "settlement" or p.admin1_code in _CITY_CODES)


def _city_anaphors(claims: list[Claim]):
    """An unplaced claim that refers to "the city" takes the nearest city named in the same or an earlier
    sentence (a claim's place or, failing that, the headline's)."""
    for cl in claims:
        it = cl.item
        if it.place is not None or it.multi_place or cl.is_title or it.toward_capital or it.launched is not None:
            continue        # (a launch figure is a country-wide total: "launched 49 drones … on the city")
        if not _CITY_ANAPHOR.search(cl.sentences[-1]):
            continue
        if any(p is not cl and p.sent_idx == cl.sent_idx and p.item.launched is not None for p in claims):
            continue
        prev = [p for p in claims if p is not cl and _city_place(p.item.place) and
                (p.is_title or p.sent_idx <= cl.sent_idx)]
        if not prev:
            continue
        prev.sort(key=lambda p: (0 if p.is_title else 1, p.sent_idx))
        src = prev[-1]
        it.place, it.location_text = src.item.place, src.item.location_text


def _sides(claims: list[Claim], o_side: str):
    _city_anaphors(claims)
    for cl in claims:
        it = cl.item
        pcc = _place_country(it)
        if pcc not in ("RU", "UA"):
            pcc = None
        if cl.side is None and cl.claimant not in (None, "outlet"):
            cl.side = pcc or None
        # attacker
        att = it.attacker
        if att is None:
            if it.event_type == "strike":
                code = _place_code(it)
                if code in ("UA-43", "UA-40"):
                    att = "UA"
                elif pcc == "UA" and cl.side == "RU" and cl.kind in ("governor", "mayor", "official", "local"):
                    att = "UA"      # a Russian-installed official in occupied territory
                elif pcc and pcc == cl.side and cl.kind not in ("governor", "mayor", "local") and \
                        _OWN_STRIKE_STRICT.search(" ".join(cl.sentences)):
                    att = cl.side   # "its forces struck a depot in the occupied part of the Kherson region"
                elif pcc:
                    att = "UA" if pcc == "RU" else "RU"
                elif it.country_hint in ("RU", "UA"):
                    att = "UA" if it.country_hint == "RU" else "RU"
                elif cl.side in ("RU", "UA"):
                    s = " ".join(cl.sentences)
                    if _OWN_STRIKE.search(s) or _OWN_FORCES_SUBJECT.match(s):
                        att = cl.side
                    else:
                        att = "UA" if cl.side == "RU" else "RU"
            else:
                if cl.side in ("RU", "UA"):
                    att = "UA" if cl.side == "RU" else "RU"
                elif pcc:
                    att = "UA" if pcc == "RU" else "RU"
        cl.attacker = att
        # country where it happened
        if pcc:
            cl.country = pcc
        elif it.country_hint:
            cl.country = it.country_hint
        elif att in ("RU", "UA"):
            cl.country = "UA" if att == "RU" else "RU"
        if cl.side is None:
            cl.side = o_side if cl.claimant in (None, "outlet") else "other"
            if cl.claimant is None:
                cl.claimant = "outlet"


# a claimant's own arms as the unqualified subject ("Operational-tactical aviation, strike drones and
# missile troops hit …", "L'aviation et les troupes de missiles ont frappé …"): the claimant's side attacked
_OWN_STRIKE = re.compile(r"\b(?:its|our|ses|nos)\s+(?:forces|drones|troops|units)|carried\s+out|a\s+mené|ont\s+mené|"
                         r"\b(?:a|ont|avons)\s+porté\s+(?:une\s+)?(?:[\w\-]+\s+){0,2}frappe|\b(?:delivered|dealt|inflicted)\s+(?:an?\s+)?(?:[\w\-]+\s+){0,2}strike|"
                         r"\b(?:goals?|objectives?|aims?)\s+of\s+the\s+strikes?\s+(?:have\s+been|were|was|has\s+been)\s+achieved|"
                         r"\bobjectifs?\s+de\s+la\s+frappe\s+(?:ont|a)\s+été\s+atteints?|"
                         r"\b(?:designated|assigned)\s+(?:objects|targets|facilities)\s+(?:are|were|have\s+been)\s+(?:hit|struck)|"
                         r"\ball\s+(?:(?:the|of\s+the|its)\s+)?(?:intended\s+|designated\s+|assigned\s+)?targets\s+(?:had\s+been|have\s+been|were)\s+(?:hit|struck|destroyed)|"
                         r"\btou(?:te)?s\s+les\s+(?:cibles|objectifs)(?:\s+(?:visée?s|désignée?s|assignée?s))?\s+(?:ont|avaient)\s+été\s+(?:atteinte?s|touchée?s|frappée?s|détruite?s)|"
                         r"\bavoir\s+(?:mené|porté|effectué|réalisé)\s+(?:une\s+|des\s+)?(?:[\w\-]+\s+){0,2}frappes?|"
                         r"\b(?:cibles|objets|objectifs)\s+(?:désignée?s|assignée?s)\s+(?:ont\s+été|sont)\s+(?:touchée?s|frappée?s|atteinte?s)|"
                         r"(?:it|we)\s+(?:had\s+)?(?:struck|hit)|avoir\s+frappé|a\s+frappé", re.I)
_OWN_STRIKE_STRICT = re.compile(r"\b(?:its|our|ses|nos|leurs?)\s+(?:own\s+)?(?:forces|drones|troops|units|unités|troupes)\s+"
                                r"(?:had\s+|have\s+|has\s+|ont\s+|avaient\s+|a\s+)?(?:struck|hit|attacked|destroyed|frappé|touché|détruit|attaqué)|"
                                r"\b(?:it|we)\s+(?:had\s+|have\s+)?(?:struck|hit)\b|\bavoir\s+(?:frappé|touché|détruit)", re.I)
_OWN_FORCES_SUBJECT = re.compile(
    r"^\s*(?:the\s+|l['’]|les\s+|la\s+|le\s+)?(?:[\w\-]+\s+){0,2}?(?:aviation|air\s+force\s+units|missile\s+troops|troops|forces|"
    r"artillery|units|troupes|unités|artillerie)\b(?![^.]{0,40}\b(?:ukrain|russ|enemy|ennemi))", re.I)


def _explicit_attackers(claims):
    pass


def _cross_sentence(claims: list[Claim]):
    body = [c for c in claims if not c.is_title]
    # 1. weapons for bare counts ("Of those, 49 were shot down") from the previous claim whose
    #    launch figure can hold them
    for i, cl in enumerate(body):
        it = cl.item
        if it.weapon == "unknown" and it.event_type in ("interception", "attack") and any(it.counts):
            need = (it.intercepted or 0) + (it.lost_to_ew or 0)
            fallback = None
            for p in reversed(body[max(0, i - 8):i]):
                if p.side != cl.side or p.item.weapon == "unknown" or p.item.event_type not in ("interception", "attack"):
                    continue
                if fallback is None:
                    fallback = p
                if p.item.launched is not None and p.item.place is None and p.item.launched >= need and \
                        p.item.intercepted is None and it.place is None:
                    fallback = p
                    break
                if p.item.launched is None:
                    break
            if fallback is not None:
                it.weapon = fallback.item.weapon
    traced("core.corrections", _apply_corrections, body, fields=CLAIM_FIELDS, item_fields=ITEM_FIELDS)
    # 2. launch + later interception figures of the same group → one claim
    for i, cl in enumerate(body):
        it = cl.item
        # "Russia fired four Iskander-M. Three of them were downed over Dnipro": a lone anaphoric placed
        # interception completes the launch claim (which takes its place when it has none)
        lone_placed = (it.place is not None and not it.multi_place and not it.toward_capital and (it.anaphor or it.all_anaphor)
                       and it.event_type == "interception" and it.parent is None and
                       sum(1 for k in body if k.sent_idx == cl.sent_idx and k.item.place is not None
                           and coarse(k.item.weapon) in (coarse(it.weapon), "unknown")) == 1)
        if cl.dropped or (it.place is not None and not lone_placed) or it.multi_place or it.toward_capital:
            continue
        if it.event_type not in ("interception", "attack"):
            continue
        # the launch figure of the very same weapon class first ("2 Iskander-M, 6 Kh-101" after "4
        # Iskander-M …, 6 Kh-101 …": both are missiles, only one is ballistic)
        cands = list(reversed(body[max(0, i - 8):i]))
        cands.sort(key=lambda p: 0 if p.item.weapon == it.weapon and it.weapon not in ("unknown", "missile") else 1)
        for p in cands:
            if p.dropped or p.item.multi_place:
                continue
            if p.item.place is not None and not (p.item.event_type == "attack" and it.anaphor):
                continue        # (a launch at a named region, then "Both were downed": the same group)
            if p.side != cl.side and not (p.claimant == "outlet" and cl.explicit and i - body.index(p) <= 2):
                continue
            pi = p.item
            if pi.event_type == "attack" and pi.launched is None and getattr(pi, "approx_role", None) == "launched" \
                    and it.event_type == "interception" and it.launched is None and p.sent_idx != cl.sent_idx \
                    and _weapon_ok(pi.weapon, it.weapon) and pi.place is None and it.place is None:
                # "more than 100 drones" launched, then "86 drones destroyed": one claim, launch figure unknown
                p.dropped, p.into = True, cl
                cl.sentences = p.sentences + [x for x in cl.sentences if x not in p.sentences]
                break
            if pi.event_type not in ("interception", "attack") or pi.launched is None:
                continue
            if not _weapon_ok(pi.weapon, it.weapon):
                continue
            if lone_placed and (pi.event_type != "attack" or pi.multi_place or
                                (pi.place is not None and _place_code(pi) != _place_code(it)) or
                                any(k.parent is p for k in body)):
                continue
            if p.sent_idx == cl.sent_idx:
                continue
            if getattr(it, "revised_launch", False) and pi.event_type == "attack" and pi.intercepted is None \
                    and it.launched is not None and pi.launched != it.launched:
                # the launch figure a later correction superseded ("had reported 50; the figure is now 53")
                p.dropped, p.into = True, cl
                cl.sentences = p.sentences + [x for x in cl.sentences if x not in p.sentences]
                break
            # the new figures must fill empty slots and fit under the launch figure
            ok = True
            for k in ("intercepted", "lost_to_ew"):
                v = getattr(it, k)
                if v is not None and getattr(pi, k) is not None and getattr(pi, k) != v:
                    ok = False
            if it.launched is not None and it.launched != pi.launched:
                ok = False
            tot = (0 if it.all_but else (it.intercepted or pi.intercepted or 0)) + (it.lost_to_ew or pi.lost_to_ew or 0)
            if tot > pi.launched:
                ok = False
            if not ok:
                continue
            if it.intercepted is None and it.lost_to_ew is None and it.launched == pi.launched:
                pass
            for k in ("intercepted", "lost_to_ew"):
                if getattr(it, k) is not None:
                    setattr(pi, k, getattr(it, k))
            if it.all_but and it.intercepted is not None and pi.launched is not None:
                pi.intercepted = pi.launched - it.intercepted      # "all but one of the missiles"
            if pi.intercepted is not None or pi.lost_to_ew is not None:
                pi.event_type = "interception"
            if pi.weapon == "unknown":
                pi.weapon = it.weapon
            pi.model = pi.model or it.model
            if lone_placed and pi.place is None:
                pi.place, pi.location_text = it.place, it.location_text
                p.country = p.country or cl.country
            p.sentences += [s for s in cl.sentences if s not in p.sentences]
            if p.claimant == "outlet" and cl.claimant != "outlet":
                p.claimant, p.side, p.explicit = cl.claimant, cl.side, True
                p.attacker = p.attacker or cl.attacker
            cl.dropped = True
            cl.into = p
            break
    traced("core.later_launch_figure", _later_launch_figure, body, fields=CLAIM_FIELDS, item_fields=ITEM_FIELDS)
    for cl in body:
        # a zero interception figure ("none of the Kinzhals were intercepted") that completed no launch figure
        if not cl.dropped and cl.item.intercepted == 0 and cl.item.launched is None and not any(cl.item.counts[2:]):
            cl.dropped = True
    traced("core.sum_launch_groups", _sum_launch_groups, body, fields=CLAIM_FIELDS, item_fields=ITEM_FIELDS)
    traced("core.split_missile_totals", _split_missile_totals, body, claims, fields=CLAIM_FIELDS, item_fields=ITEM_FIELDS)
    # 3. breakdown rows → running total of the same claimant
    live = [c for c in body if not c.dropped]
    for i, cl in enumerate(live):
        it = cl.item
        if it.parent is not None:
            continue
        if it.toward_capital:
            for p in reversed(live[:i]):
                if p.claimant == cl.claimant and p.item.place is not None and p.item.place.admin1_code in ("RU-MOS", "RU-MOW") \
                        and p.item.event_type == it.event_type:
                    cl.parent = p
                    it.place = p.item.place
                    it.location_text = it.location_text or "toward the capital"
                    break
            continue
        if it.place is None or it.event_type != "interception":
            continue
        for p in reversed(live[:i]):
            pi = p.item
            if pi.place is not None or pi.multi_place or pi.toward_capital or pi.event_type != "interception":
                continue
            if p.claimant != cl.claimant or p.side != cl.side or not _weapon_ok(pi.weapon, it.weapon):
                continue
            if pi.intercepted is None:
                continue
            kids = [k for k in live if (k.parent is p or (k.sent_idx == p.sent_idx and k.item.parent is not None
                                                          and k.item is not pi and k.parent is None and
                                                          _item_parent_is(k, pi, live)))]
            s = sum((k.item.intercepted or 0) for k in kids if not k.item.toward_capital)
            if s + (it.intercepted or 0) <= pi.intercepted:
                cl.parent = p
            break
    # 3b. total stated after its rows ("In all, 60 drones were shot down")
    for i, cl in enumerate(live):
        it = cl.item
        if it.place is not None or it.multi_place or it.event_type != "interception" or it.intercepted is None:
            continue
        has_kids = any(k.parent is cl or _item_parent_is(k, it, live) for k in live)
        if has_kids:
            continue
        orphans = []
        for p in reversed(live[:i]):
            if p.item.place is None and not p.item.multi_place:
                if p.claimant == cl.claimant:
                    break
                continue
            if p.claimant == cl.claimant and p.parent is None and p.item.parent is None and \
                    p.item.event_type == "interception" and _weapon_ok(p.item.weapon, it.weapon):
                orphans.append(p)
        if orphans and sum(o.item.intercepted or 0 for o in orphans) <= it.intercepted:
            for o in orphans:
                o.parent = cl
    # 4. duplicates (restatements within the body, then the headline)
    for i, cl in enumerate(body):
        if cl.dropped:
            continue
        for p in body[:i]:
            if p.dropped or p is cl:
                continue
            if _same_claim(p, cl, title=False):
                _absorb(p, cl)
                break
    # recap / summary bullets ("• Kharkiv: warehouse hit by a drone", "▪ 12 of 20 drones downed") restate
    # claims made elsewhere in the text: merged with them whatever the bullet's own attribution
    for cl in body:
        if cl.dropped or cl.explicit or not _BULLET.match(cl.sentences[0]):
            continue
        a = cl.item
        for p in body:
            if p is cl or p.dropped or _BULLET.match(p.sentences[0]):
                continue
            b = p.item
            if b.event_type != a.event_type and not {a.event_type, b.event_type} <= {"attack", "interception"}:
                continue
            if not _weapon_ok(a.weapon, b.weapon) or _place_code(a) != _place_code(b):
                continue
            ok, eq = _compatible_counts(b, a)
            if ok and (eq > 0 or a.event_type == "strike" and a.place is not None and not any(a.counts)):
                _absorb(p, cl)
                break
    for cl in body:
        it = cl.item
        if cl.dropped or cl.claimant != "outlet" or it.event_type != "strike" or it.place is None or it.ambiguous:
            continue
        for p in body:
            if p is cl or p.dropped or p.claimant in (None, "outlet") or p.item.event_type != "strike" or p.item.ambiguous:
                continue
            if _place_code(p.item) == _place_code(it) and p.attacker == cl.attacker and abs(p.sent_idx - cl.sent_idx) <= 4:
                _absorb(p, cl)
                break
    for cl in claims:
        if not cl.is_title or cl.dropped:
            continue
        if cl.item.toward_capital:
            cl.dropped = True
            continue
        if cl.item.event_type == "strike":
            tcode = _place_code(cl.item)
            body_strikes = [p for p in body if not p.dropped and p.item.event_type == "strike"]
            if tcode is None and cl.item.is_total:
                # "energy sites hit in 3 oblasts": the overall strike of the body's region list
                totals = [p for p in body_strikes if p.item.place is None and p.item.is_total]
                rows = [p for p in body_strikes if p.item.place is not None and p.item.ambiguous and p.parent is None]
                if totals:
                    _absorb(totals[0], cl)
                    continue
                if len(rows) >= 2 and sum(1 for p in rows if p.sent_idx == rows[0].sent_idx) >= 2:
                    rows = [p for p in rows if p.sent_idx == rows[0].sent_idx]
                    for p in rows:
                        p.parent = cl
                    r0 = rows[0]
                    cl.claimant, cl.side, cl.explicit, cl.attacker = r0.claimant, r0.side, r0.explicit, r0.attacker
                    cl.country = cl.country or r0.country
                    cl.date, cl.own_date = r0.date, r0.own_date
                    cl.item.weapon = cl.item.weapon if cl.item.weapon != "unknown" else r0.item.weapon
                    cl.sentences = cl.sentences + [x for x in r0.sentences if x not in cl.sentences]
                    continue
            same = [p for p in body_strikes if tcode is None or _place_code(p.item) == tcode]
            if tcode is None:
                same = [p for p in same if p.item.place is None] + [p for p in same if p.item.place is not None]
            if same:
                _absorb(same[0], cl)
                continue
        for p in body:
            if p.dropped:
                continue
            if _same_claim(p, cl, title=True):
                _absorb(p, cl)
                break
        else:
            # a headline claim without a body counterpart: take the body's claimant for it
            if cl.claimant in (None, "outlet"):
                match = [p for p in body if not p.dropped and p.item.event_type == cl.item.event_type and
                         _weapon_ok(p.item.weapon, cl.item.weapon)]
                if match and match[0].claimant not in (None, "outlet"):
                    cl.claimant, cl.side = match[0].claimant, match[0].side
    # 5. strikes without a place: keep only attributed, specific statements not already covered
    for cl in claims:
        it = cl.item
        if cl.dropped or it.event_type != "strike" or it.place is not None or it.multi_place:
            continue
        txt = " ".join(cl.sentences)
        if _FIREFIGHTING.search(txt):
            cl.dropped = True       # "firefighters were still putting out the blaze": a follow-up, not a new strike
            continue
        if it.target and (_DEMONSTRATIVE_TARGET.search(txt) or _DEFINITE_TARGET.search(cl.sentences[-1])):
            # "a strike on this same refinery": the place of the earlier strike on that target
            prev = [p for p in claims if p is not cl and p.item.event_type == "strike" and p.item.place is not None
                    and p.item.target == it.target and p.sent_idx < cl.sent_idx]
            if prev:
                it.place, it.location_text = prev[-1].item.place, prev[-1].item.location_text
                pcc = _place_country(it)
                if pcc in ("RU", "UA"):
                    cl.country = pcc
                    if it.attacker is None and _place_code(it) not in ("UA-43", "UA-40"):
                        cl.attacker = "UA" if pcc == "RU" else "RU"
                continue
        if it.is_total and (any(k.parent is cl and not k.dropped for k in claims) or
                            (cl.claimant not in (None, "outlet") and not cl.is_title)):
            continue          # an overall strike ("hits at nine locations", "sur six sites") with its rows or source
        near = [p for p in claims if p is not cl and not p.dropped and p.item.event_type == "strike"
                and p.side == cl.side and (p.claimant == cl.claimant or _generic(cl.claimant)) and abs(p.sent_idx - cl.sent_idx) <= 2]
        txt = " ".join(cl.sentences)
        specific = it.target or re.search(r"\b(?:carried\s+out|struck|hit|a\s+frappé|ont\s+frappé|a\s+mené|massive|massive)\b", txt, re.I)
        if (near and not it.target) or not cl.explicit or not specific:
            cl.dropped = True



def _later_launch_figure(body: list):
    """"Air defence shot down 70 drones, 25 more were locationally lost. Russia launched 101 drones in
    total": a country-level launch figure stated after the shoot-down figure of the same claimant side
    and weapon group completes it (one interception claim), when the shot-down and lost figures fit
    under it and no other launch figure of that group stands between them (rule
    ``core.later_launch_figure``)."""
    for i, cl in enumerate(body):
        it = cl.item
        if cl.dropped or it.event_type != "interception" or it.launched is not None or it.intercepted is None \
                or it.place is not None or it.multi_place or it.parent is not None or it.toward_capital:
            continue
        for p in body[i + 1:i + 6]:
            pi = p.item
            if p.dropped or p.sent_idx == cl.sent_idx or pi.place is not None or pi.multi_place:
                continue
            if pi.event_type == "interception" and pi.intercepted is not None and _weapon_ok(pi.weapon, it.weapon):
                break           # another shoot-down figure of the group: a new report
            if pi.event_type not in ("attack", "interception") or pi.launched is None or pi.intercepted is not None \
                    or pi.hits is not None:
                continue
            if not _weapon_ok(pi.weapon, it.weapon) or (p.side != cl.side and p.claimant != "outlet" and cl.claimant != "outlet"):
                continue
            if it.lost_to_ew is not None and pi.lost_to_ew is not None and it.lost_to_ew != pi.lost_to_ew:
                continue
            lost = it.lost_to_ew if it.lost_to_ew is not None else pi.lost_to_ew
            if (it.intercepted or 0) + (lost or 0) > pi.launched:
                break
            if any(k.parent is p or k.item.parent is not None and k.sent_idx == p.sent_idx for k in body if k is not p):
                break           # the launch figure heads its own breakdown
            it.launched, it.lost_to_ew = pi.launched, lost
            if cl.claimant == "outlet" and p.claimant != "outlet":
                cl.claimant, cl.side, cl.explicit = p.claimant, p.side, True
                cl.attacker = cl.attacker or p.attacker
            if it.weapon == "unknown" or it.weapon == "drone" and pi.weapon != "unknown" and coarse(pi.weapon) == "drone":
                it.weapon = pi.weapon if pi.weapon != "unknown" else it.weapon
            it.model = it.model or pi.model
            cl.sentences += [x for x in p.sentences if x not in cl.sentences]
            cl.rules.append("core.later_launch_figure")
            p.dropped, p.into = True, cl
            break

def _sum_launch_groups(body: list):
    """"eight Kh-101 … and six Kalibr cruise missiles. Air defences shot down 12 of the 14 cruise missiles":
    an interception whose launch figure is the sum of several earlier launch figures of its weapon class
    takes them all (one claim per weapon group)."""
    for cl in body:
        it = cl.item
        if cl.dropped or it.event_type != "interception" or it.launched is None or it.place is not None or it.multi_place:
            continue
        i = body.index(cl)
        parts = [p for p in body[max(0, i - 10):i] if not p.dropped and p.side == cl.side and p.item.event_type == "attack"
                 and p.item.place is None and not p.item.multi_place and p.item.launched is not None
                 and p.item.weapon == it.weapon and it.weapon not in ("unknown", "missile", "mixed")]
        if len(parts) >= 2 and sum(p.item.launched for p in parts) == it.launched:
            models = [m for m in [it.model] + [p.item.model for p in parts] if m]
            it.model = "; ".join(dict.fromkeys(models)) or None
            for p in parts:
                p.dropped, p.into = True, cl
                cl.sentences = [x for x in p.sentences if x not in cl.sentences] + cl.sentences


# a date standing between the claimant and its reporting verb is the day of the statement, not of
# the event ("the General Staff on Oct. 21 confirmed that drones struck … yesterday evening")
_REPORT_VERB_AFTER = re.compile(
    r"^\s*,?\s*(?:said|says|confirmed|reported|announced|stated|claimed|declared|wrote|added|told|"
    r"a\s+(?:déclaré|annoncé|confirmé|indiqué|affirmé|précisé)|ont\s+(?:déclaré|annoncé|confirmé|indiqué|affirmé))\b", re.I)


def _resolve_event_date(text: str, lang: str, published):
    d = _deps.resolve_for_sentence(text, lang, published)
    spans = _deps.find_time_spans(text, lang)
    if d is None or len(spans) < 2:
        return d
    masked = text
    for a, b in spans:
        if _REPORT_VERB_AFTER.match(text[b:]):
            masked = masked[:a] + " " * (b - a) + masked[b:]
    if masked == text:
        return d
    return _deps.resolve_for_sentence(masked, lang, published) or d


def _split_missile_totals(body: list, claims: list = ()):
    """"17 missiles, among them eight Kh-101 … and three Iskander-M" / "huit missiles. Parmi les missiles
    figuraient deux Kinjal et six Kh-101": a generic missile launch figure whose sub-types are reported
    as their own groups is not a claim of its own (the sub-type claims carry the figures)."""
    for cl in list(body) + [c for c in claims if c.is_title]:
        it = cl.item
        if cl.dropped or it.event_type != "attack" or it.weapon != "missile" or it.model or it.launched is None \
                or it.place is not None or it.multi_place:
            continue
        subs = [p for p in body if p is not cl and not p.dropped and p.side == cl.side and
                p.item.event_type in ("attack", "interception") and p.item.place is None and not p.item.multi_place
                and coarse(p.item.weapon) == "missile" and (p.item.weapon != "missile" or p.item.model)
                and p.item.launched is not None and (cl.is_title or abs(p.sent_idx - cl.sent_idx) <= 3)]
        if subs and sum(p.item.launched for p in subs) <= it.launched:
            cl.dropped = True
            cl.into = subs[0]


_REL_SPAN = re.compile(r",\s*(?:which|who|qui|que|où|dont)\b[^,;.]{3,120},", re.I)
_BULLET = re.compile(r"^\s*(?:[•▪◦‣●■□►▶✓✔➤*]|[-–—]\s)")
_FIREFIGHTING = re.compile(
    r"\b(?:put\s+out|putting\s+out|extinguish\w*|battl\w+|fighting|contain\w*|éteindre|éteint\w*|maîtris\w*|circonscri\w*|"
    r"combatt\w+|lutt\w+\s+contre)\s+(?:\w+\s+){0,2}?(?:the|l['’]|le|la|les)\s*(?:blaze|fire|flames|incendie|feu|flammes)\b", re.I)
_DEMONSTRATIVE_TARGET = re.compile(
    r"\b(?:cette|cet|ce)\s+(?:même\s+)?(?:raffinerie|usine|dépôt|site|installation|aérodrome|base|port|terminal|centrale|entreprise|sous-station)|"
    r"\b(?:this|that|the\s+same)\s+(?:refinery|plant|depot|site|facility|airfield|airbase|base|port|terminal|station|factory|substation)", re.I)

# a definite target that refers back ("its drones hit the refinery's main unit", "ont touché l'unité de la
# raffinerie"), not one named on the spot ("the refinery in Saratov", "la raffinerie de Saratov")
_DEFINITE_TARGET = re.compile(
    r"\b(?:la|le|l['’]|du|au)\s*(?:raffinerie|usine|dépôt|aérodrome|terminal|centrale|sous-station|entreprise)\b"
    r"(?!\s+(?:de|d['’]|du|à|en)\s*[A-ZÀ-Þ])|"
    r"\bthe\s+(?:refinery|plant|depot|airfield|airbase|terminal|factory|substation)(?:['’]s)?\b(?!\s+(?:of|in|at|near)\s+[A-Z])",
    re.I)


def _apply_corrections(body: list):
    """A revised figure ("revised the figure to 34", "the tally had risen to 15", "where the total now
    stands at 11", "a porté son bilan à 24") replaces the figure of the claim it revises (the latest
    earlier claim of the same claimant side, weapon group and place); only the latest figure is kept."""
    for i, cl in enumerate(body):
        it = cl.item
        if cl.dropped or not getattr(it, "correction", False):
            continue
        val = next((v for v in (it.intercepted, it.launched, it.hits) if v is not None), None)
        if val is None:
            continue
        for p in reversed(body[max(0, i - 12):i]):
            pi = p.item
            if p.dropped or p.sent_idx == cl.sent_idx or pi.multi_place or pi.toward_capital != it.toward_capital:
                continue
            if not (p.side == cl.side or cl.claimant in (None, "outlet") or not cl.explicit):
                continue
            if not _weapon_ok(pi.weapon, it.weapon) or _place_code(pi) != _place_code(it) or \
                    (pi.place is None) != (it.place is None):
                continue
            if it.event_type == "strike" and pi.event_type != "strike" or pi.event_type == "strike" and it.event_type != "strike":
                continue
            slot = "intercepted" if pi.intercepted is not None else "launched" if pi.launched is not None else \
                "hits" if pi.hits is not None else None
            if slot is None:
                continue
            if it.intercepted is not None and it.launched is not None and pi.launched is not None:
                pi.launched, pi.intercepted = it.launched, it.intercepted
            else:
                setattr(pi, slot, val)
                if slot == "intercepted" and pi.launched is not None and pi.launched < val:
                    pi.launched = None
                if slot == "intercepted" and pi.launched is None and it.launched is not None and it.intercepted is not None:
                    pi.launched = it.launched   # "the figure is now 53, of which 44 were downed": both revised
                    pi.revised_launch = True    # (the superseded launch figure is dropped in _cross_sentence)
            for k in ("lost_to_ew",):
                if getattr(it, k) is not None:
                    setattr(pi, k, getattr(it, k))
            pi.qualifier = it.qualifier or pi.qualifier
            if pi.weapon == "unknown":
                pi.weapon, pi.model = it.weapon, it.model
            p.sentences += [x for x in cl.sentences if x not in p.sentences]
            cl.dropped, cl.into = True, p
            # rows stated with the revised figure now belong to the revised claim
            for k in body:
                if k.parent is cl:
                    k.parent = p
            break


def _item_parent_is(k: Claim, pi: Item, live) -> bool:
    if k.item.parent is None:
        return False
    sib = [c for c in live if c.sent_idx == k.sent_idx]
    # items in the same sentence: parent index refers to the sentence's item list order
    return False


def _same_claim(p: Claim, c: Claim, title: bool) -> bool:
    a, b = p.item, c.item
    if a.event_type != b.event_type:
        # a headline "Russia launches 126 drones" vs the body's interception claim with launched=126
        if not (title and {a.event_type, b.event_type} == {"attack", "interception"}):
            return False
    if not _weapon_ok(a.weapon, b.weapon):
        return False
    # "the fire at the refinery": an unplaced restatement of the strike on the same target
    restated = (not title and a.event_type == "strike" and b.place is None and a.target and a.target == b.target
                and p.claimant == c.claimant and not any(b.counts))
    if _place_code(a) != _place_code(b):
        if not (title and (a.place is None or b.place is None)) and not restated:
            return False
    if (a.place is None) != (b.place is None) and not title and not restated:
        return False
    if title:
        if c.side not in (None, p.side) and c.claimant != "outlet":
            return False
    else:
        if p.side != c.side:
            return False
        if p.claimant != c.claimant and p.explicit and c.explicit and not (
                a.event_type == "strike" and (_generic(p.claimant) or _generic(c.claimant))):
            return False
        if a.event_type == "strike" and p.claimant != c.claimant and not (
                _generic(p.claimant) or _generic(c.claimant) or "outlet" in (p.claimant, c.claimant)):
            return False
        if c.parent is not None or (p.parent is not None and not (a.event_type == "strike" and b.place is not None)):
            return False
        if a.event_type == "strike" and p.parent is not None and a.ambiguous and not b.ambiguous and b.target and not a.target:
            return False        # a row of a region list does not absorb a specific strike on a named target
        if a.is_total != b.is_total:
            return False
    ok, eq = _compatible_counts(a, b, rounding=title)
    if not ok:
        return False
    if a.event_type == "strike":
        if a.place is None and b.place is None and not title:
            return False
        if title and b.place is not None and a.place is not None and _place_code(a) != _place_code(b):
            return False
        return True
    if title:
        return eq > 0 or not any(b.counts)
    return eq > 0


_GENERIC_CLAIMANTS = {"Ukrainian officials", "local authorities", "Russian officials", "officials", "authorities"}


def _generic(name) -> bool:
    return name in _GENERIC_CLAIMANTS


def _absorb(p: Claim, c: Claim):
    a, b = p.item, c.item
    p.rules += ["core.headline_dedup" if p.is_title or c.is_title else "core.same_claim_merge"] + c.rules + b.rules
    if not c.is_title and _generic(p.claimant) and c.claimant not in (None, "outlet") and not _generic(c.claimant):
        p.claimant, p.side, p.code, p.kind, p.explicit = c.claimant, c.side, c.code, c.kind, c.explicit
    for k in ("launched", "intercepted", "lost_to_ew", "hits"):
        if getattr(a, k) is None and getattr(b, k) is not None:
            setattr(a, k, getattr(b, k))
    if a.intercepted is not None or a.lost_to_ew is not None:
        a.event_type = "interception"
    if a.weapon == "unknown":
        a.weapon = b.weapon
    a.model = a.model or b.model
    if a.event_type == "strike" and b.event_type == "strike" and a.place is None and not a.multi_place \
            and b.place is not None and (a.target is None or b.target is None or a.target == b.target):
        # "the refinery of X on fire" (headline) restated as "its drones hit the refinery's unit": the
        # restatement without a place takes the place of the claim it absorbs
        a.place, a.location_text = b.place, b.location_text
        pcc = _place_country(a)
        if pcc in ("RU", "UA") and not p.country:
            p.country = pcc
    a.target = a.target or b.target
    if c.own_date and not p.own_date and c.date and c.date.get("date_text"):
        # the lead restates the body's "on Thursday evening": the stated day wins over the context date
        p.date, p.own_date = c.date, True
    if c.is_title:
        p.sentences = [s for s in c.sentences if s not in p.sentences] + p.sentences
    else:
        p.sentences += [s for s in c.sentences if s not in p.sentences]
    c.dropped = True
    c.into = p
    c.parent = None


def _outlet_voice(c: Claim, article: dict) -> tuple[str, str, str, list]:
    """(claimant, side, claimant_source, extra rule ids) of a claim as published: an unattributed
    claim on an official channel speaks in the channel's voice (the outlets registry)."""
    outlet, url = article.get("outlet"), article.get("url")
    claimant, side = c.claimant or "outlet", c.side or "other"
    if claimant == "outlet":
        channel = channel_claimant(outlet, url)
        if channel is not None:
            return channel.claimant, channel.side, "outlet", ["claimant.outlet_registry"]
    src = claimant_source(claimant, outlet, url)
    return claimant, side, src, (["claimant.outlet_registry"] if src == "outlet" else [])


def _to_mentions(claims: list[Claim], article: dict | None = None) -> list[dict]:
    # order: body order as found, headline-only claims first (they come first in the text)
    claims = sorted(claims, key=lambda c: (c.char_start, c.item.pos))
    index = {id(c): i for i, c in enumerate(claims)}
    by_sent_item = {}
    for c in claims:
        by_sent_item.setdefault(c.sent_idx, []).append(c)
    out = []
    for c in claims:
        it = c.item
        parent_index = None
        par = c.parent
        seen = 0
        while par is not None and par.dropped and seen < 10:
            par = par.into
            seen += 1
        if par is not None and id(par) in index and par is not c:
            parent_index = index[id(par)]
        d = c.date or {}
        place = it.place
        qual = it.qualifier or ("exact" if any(v is not None for v in it.counts) else None)
        claimant, side, source, voice_rules = _outlet_voice(c, article or {})
        m = {
            "sentence": " [...] ".join(c.sentences),
            "char_start": c.char_start, "char_end": c.char_end, "lang": c.lang,
            "claimant": claimant, "claimant_side": side, "claimant_source": source,
            "rule_ids": rule_ids(c.rules, it.rules, voice_rules),
            "event_type": it.event_type, "weapon": it.weapon or "unknown", "weapon_model": it.model,
            "attacker_side": c.attacker,
            "launched": it.launched, "intercepted": it.intercepted, "lost_to_ew": it.lost_to_ew, "hits": it.hits,
            "count_qualifier": qual, "target": it.target,
            "location_text": _location_text(it),
            "country_hint": c.country,
            "event_date": d.get("event_date"), "event_date_start": d.get("event_date_start"),
            "event_date_end": d.get("event_date_end"),
            "date_precision": d.get("date_precision") or "unknown",
            "date_text": d.get("date_text") if c.own_date else None,
            "ambiguous": bool(it.ambiguous),
            "parent_index": parent_index,
            # resolved place of the extractor (the geocode stage may re-resolve location_text)
            "admin1_code": place.admin1_code if place is not None else None,
            "location_id": _region_read(place),
            "country_code": (place.country_code if place is not None else None) or c.country,
        }
        if parent_index is not None and parent_index == len(out):
            m["parent_index"] = None
        out.append(m)
    # counts of children never above their parent
    for m in out:
        p = m["parent_index"]
        if p is not None:
            pv = out[p]["intercepted"] if out[p]["intercepted"] is not None else out[p]["launched"]
            mv = m["intercepted"] if m["intercepted"] is not None else m["launched"]
            if pv is not None and mv is not None and mv > pv:
                m["parent_index"] = None
    return out


def _region_read(place) -> str | None:
    """The region id when the sentence reads the place as a region ("the Kursk and Bryansk
    regions", "la région de Kharkiv") although ``location_text`` keeps only the name: handed
    to the geocode stage, so the bare name is not taken for the city of the same name."""
    p = getattr(place, "place", None)
    if p is None or getattr(p, "geo_precision", None) != "admin1" or getattr(place, "start", 0) < 0:
        return None
    return getattr(p, "location_id", None)


def _location_text(it: Item):
    """The place as written; for places the extractor inferred (a claimant's own region, "toward
    the capital") the region's name, so that the geocode stage resolves it the same way; none
    for one figure over several places (ambiguous, country level)."""
    place = it.place
    if place is None:
        return None
    if getattr(place, "start", 0) < 0:
        p = place.place
        if getattr(p, "admin1_code", None) == "RU-MOW" or getattr(p, "geo_precision", "") != "admin1":
            return getattr(p, "name", None) or it.location_text
        return getattr(p, "admin1", None) or getattr(p, "name", None) or it.location_text
    return it.location_text or place.text


_ITEMS_OF_SENTENCE: dict = {}


def _sentence_items(c: Claim):
    return getattr(c, "_sent_items", None)


def extract_text(text: str, *, title: str | None = None, outlet: str | None = None,
                 published: str | None = None, language: str | None = None, resources=None) -> list[dict]:
    """Convenience wrapper (tests, notebooks): split ``text`` with ``pipeline.sentences`` and
    extract.  The first line is the headline when it equals ``title``."""
    from pipeline import sentences as _sentences
    art = {"article_id": "adhoc", "source_file": "adhoc.txt", "doc_id": None, "url": None,
           "outlet": outlet, "title": title, "published": published,
           "published_date": published if published and len(published) == 10 else None,
           "published_precision": "day" if published and len(published) == 10 else "unknown",
           "language_meta": language, "text": text}
    rec = _sentences.sentence_records(art)
    return extract_article(art, rec["sentences"], resources)
