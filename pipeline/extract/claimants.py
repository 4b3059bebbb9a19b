"""Claimants: who asserts a claim, with a canonical name and a side.

Lexicons (``lexicons/<lang>/claimants.jsonl``): one entry per institution or role with
regex ``patterns``; ``{PLACE}`` in a pattern stands for a capitalised place name whose
country (via the gazetteer) gives the side of governors, mayors and local authorities.
``lexicons/<lang>/officials.jsonl`` maps named officials to their role;
``lexicons/outlets.jsonl`` (the outlets registry, ``outlets.py``) gives the side of outlets (for
unattributed statements) and the voice of official channels.
"""

from __future__ import annotations

import copy
import functools
import re
from dataclasses import dataclass
from typing import Any

from .resources import load_jsonl_lexicon
from . import _deps

# A place name: one or two capitalised words. Each word is an atomic group of bounded length
# (``(?>…{1,N})``): the hyphen is both inside a word and a separator, so without the atomic
# group "Kh-Kh-Kh-…" has quadratically many ways to split per start (cubic overall).
_WORD = 60
_PLACE_RE = r"(?-i:(?!(?:The|A|An|In|On|At|Le|La|Les|L|Un|Une|Dans|Its|His|Her|Their|This|That|Regional|Deputy|Acting|Russian|Ukrainian|Moscow-installed|Kremlin-installed)\b)(?P<place>(?>[A-ZÀ-ÖØ-Þ][\w’'\-]{1,%d})(?:[ \-](?>[A-ZÀ-ÖØ-Þ][\w’'\-]{1,%d}))?))" % (_WORD, _WORD)

ATTRIB_AFTER = {
    "en": r"^[\s,]*(?:,?\s*(?:for\s+its\s+part|in\s+turn|meanwhile|too|however|though|separately),?\s*)?(?:(?:also|later|earlier|separately|had|has|have|then|again|initially|first|originally|subsequently|finally|on\s+(?:(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.|[A-Z][a-z]+)\s+\d{1,2}(?:st|nd|rd|th)?(?:,\s*\d{4})?,?|on\s+\d{1,2}\s+[A-Z][a-z]+(?:\s+\d{4})?|on\s+\w+|in\s+a\s+statement|on\s+Telegram|on\s+Wednesday|on\s+Monday|on\s+Tuesday|on\s+Thursday|on\s+Friday|on\s+Saturday|on\s+Sunday)\s+){0,3}(?:said|says|say|reported|reports|announced|announces|stated|claimed|claims|wrote|added|confirmed|posted|noted|told|detailed|tallied)\b",
    "fr": r"^[\s,]*(?:,?\s*(?:de\s+son\s+côté|pour\s+sa\s+part|quant\s+à\s+(?:lui|elle)|elle\s+aussi|lui\s+aussi),?\s*)?(?:(?:a|ont|avait|avaient|aurait|ait|aient)[\s,]+)?(?:(?:de\s+son\s+côté|pour\s+sa\s+part|également|aussi|encore|d['’]abord|désormais|maintenant|ensuite|initialement|finalement|dans\s+un\s+premier\s+temps|par\s+la\s+suite|quant\s+à\s+lui|quant\s+à\s+elle|mardi|lundi|mercredi|jeudi|vendredi|samedi|dimanche|dans\s+la\s+soirée|plus\s+tôt|sur\s+Telegram|dans\s+un\s+communiqué)[\s,]+){0,3}(?:a\s+|ont\s+|avait\s+|ait\s+)?(?:déclaré|affirmé|affirme|annoncé|annonce|indiqué|indique|précisé|précise|rapporté|revendiqué|revendique|assuré|assure|écrit|ajouté|signalé|signale|confirmé|fait\s+(?:désormais\s+|maintenant\s+|aussi\s+|également\s+)?état|dit|communiqué|estime|estimé|déclare|souligné|détaillé|détaille|fait\s+savoir|dénombré|recensé|comptabilisé)\b",
}
ATTRIB_BEFORE = {
    "en": r"(?:according\s+to|said|says|reported|announced|stated|claimed|wrote|added|told\s+\w+|,\s*citing|cited|"
          # "according to the city's mayor Ihor …", "according to the region's governor"
          r"according\s+to\s+(?:the\s+)?(?:city|town|village|region|oblast|capital|country|port)['’]s(?:\s+(?:[Mm]ayor|[Gg]overnor|head|chief))?|"
          # relayed figures: "according to a daily tally released on Monday by the …", "in figures published by the …"
          r"(?:according\s+to|in|citing|under|per)\s+(?:a|an|the|its)\s+(?:[\w\-]+\s+){0,3}?(?:tally|count|statement|figures|update|report|data|"
          r"post|communiqu[ée]|summary|briefing|bulletin|toll|message)(?:\s+[\w\-]+){0,5}?\s+(?:by|from|of)(?:\s+the)?)\s*$",
    "fr": r"(?:(?:selon|d['’]après|dans)\s+(?:le|la|les|l['’]|un|une|son|sa)\s*(?:[\w\-]+\s+){0,3}?(?:bilan|décompte|communiqué|rapport|chiffres?|"
          r"données|comptage|message|déclaration|relevé|publication|point|mise\s+à\s+jour)(?:\s+[\w\-]+){0,5}?\s+(?:par|du|de\s+la|de\s+l['’]|des|de)\s*|"
          r"selon|d['’]après|a\s+(?:déclaré|affirmé|annoncé|indiqué|précisé|rapporté|ajouté|signalé|confirmé|écrit|fait\s+savoir)|ont\s+(?:déclaré|affirmé|annoncé|indiqué|précisé)|a\s+fait\s+état|affirme|annonce|indique|précise|déclare|a\s+expliqué|explique|souligne|ajoute|(?:a|ont)\s+(?:déclaré|affirmé|annoncé|indiqué|précisé))\s*(?:\w+\s+){0,2}$",
}


_INSTALLED = re.compile(
    r"(?:Russian|Moscow|Kremlin)-(?:installed|appointed|backed)|install[ée]e?\s+par\s+(?:Moscou|la\s+Russie|le\s+Kremlin)|"
    r"nomm[ée]e?\s+par\s+(?:Moscou|la\s+Russie|le\s+Kremlin)|prorusses?|pro-russes?|pro-Russian", re.I)


@dataclass
class ClaimantMention:
    start: int
    end: int
    text: str
    canonical: str
    side: str | None
    kind: str = "institution"
    admin1_code: str | None = None
    score: int = 0
    strong: bool = True


@functools.lru_cache(maxsize=8)
def _compiled(lang: str):
    entries = []
    for e in load_jsonl_lexicon(lang, "claimants"):
        pats = []
        for p in e["patterns"]:
            has_place = "{PLACE}" in p
            rx = p.replace("{PLACE}", _PLACE_RE)
            flags = re.IGNORECASE
            pats.append((re.compile(r"(?<![\w])(?:%s)(?![\w])" % rx, flags), has_place))
        entries.append((e, pats))
    officials = []
    for e in load_jsonl_lexicon(lang, "officials"):
        for name in sorted(e["names"], key=len, reverse=True):
            officials.append((re.compile(r"(?<![\w])%s(?![\w])" % re.escape(name)), e))
    return entries, officials


_LOOKBEHIND = r"(?<![\w])"


@functools.lru_cache(maxsize=4)
def _scanner(lang: str):
    """The claimant patterns of ``lang`` then of the other latin language (in the order
    ``find_claimants`` applies them), with cheap necessary conditions (performance only):

    * ``gate``: one zero-width regex whose matches are exactly the positions where at least
      one entry pattern matches; a pattern is only run (``finditer``, unchanged) when it
      matches at one of those positions — most sentences name no claimant at all;
    * per official name, the name without its leading look-behind (a literal prefix, which
      ``re`` searches fast): the full pattern is only run when that finds something.
    """
    other = "fr" if lang == "en" else "en"
    e1, o1 = _compiled(lang)
    e2, o2 = _compiled(other)
    flat = [(e, rx, has_place) for e, pats in e1 + e2 for rx, has_place in pats]
    alts = []
    for _e, rx, _hp in flat:
        assert rx.pattern.startswith(_LOOKBEHIND) and rx.flags & re.IGNORECASE
        # (named groups would clash in the union; the gate only needs positions)
        alts.append(rx.pattern[len(_LOOKBEHIND):].replace("(?P<place>", "(?:"))
    # the shared look-behind first: most positions (inside words) fail before the alternatives
    gate = re.compile("%s(?=%s)" % (_LOOKBEHIND, "|".join(alts)), re.IGNORECASE) if alts else None
    officials = []
    for rx, e in o1 + o2:
        assert rx.pattern.startswith(_LOOKBEHIND) and not rx.flags & re.IGNORECASE
        officials.append((re.compile(rx.pattern[len(_LOOKBEHIND):], rx.flags), rx, e))
    # any official name at all (literal alternatives: scanned fast)
    any_official = re.compile("|".join(f.pattern for f, _rx, _e in officials)) if officials else None
    return flat, gate, officials, any_official


def outlet_side(outlet: str | None, url: str | None = None) -> str:
    """Side of an outlet (``UA``, ``RU``, else ``other``), from the outlets registry."""
    from .outlets import outlet_side as _registry_side
    return _registry_side(outlet, url)


def _place_side(gaz, text: str, lang: str):
    """(country_code, admin1_code, admin1 name) of a place name, via the gazetteer."""
    place = _deps.resolve_place(gaz, text, lang)
    if place is None:
        return None, None, None
    return (getattr(place, "country_code", None), getattr(place, "admin1_code", None),
            getattr(place, "admin1", None) or getattr(place, "name", None))


_ADJACENT_NAME = re.compile(r"[\s,]*(?:[A-ZÀ-Þ][\w’'\-]+[\s,]*){0,2}")


def find_claimants(text: str, lang: str, gaz=None, places=None) -> list[ClaimantMention]:
    """Every claimant mention in ``text`` with an attribution score (higher = more likely
    the asserting source of the sentence's claims)."""
    try:
        found = _find_cached(text, lang, gaz)
    except TypeError:           # an unhashable gazetteer: no memo
        return _find_claimants(text, lang, gaz)
    return [copy.copy(c) for c in found]    # fresh objects: callers may change them


@functools.lru_cache(maxsize=4096)
def _find_cached(text: str, lang: str, gaz) -> tuple[ClaimantMention, ...]:
    # the same sentence text is looked at again and again (repeated wire copy, title and lead,
    # boilerplate); the result depends on the text, the language and the gazetteer only
    return tuple(_find_claimants(text, lang, gaz))


def _find_claimants(text: str, lang: str, gaz=None) -> list[ClaimantMention]:
    lang = lang if lang in ("en", "fr") else "en"
    other = "fr" if lang == "en" else "en"
    # machine-translated pages mix both languages: the patterns of both, ``lang``'s first
    entries, gate, officials, any_official = _scanner(lang)
    found: list[ClaimantMention] = []
    starts = [m.start() for m in gate.finditer(text)] if gate is not None else []
    for e, rx, has_place in (entries if starts else ()):
        if not any(rx.match(text, p) for p in starts):
            continue        # matches nowhere (every match starts at a gate position)
        for m in rx.finditer(text):
            if m.end() - m.start() < 2:
                continue
            kind = e.get("kind", "institution")
            side = e.get("side")
            code = e.get("admin1_code")
            canonical = e["canonical"]
            if has_place and m.groupdict().get("place"):
                ptxt = m.group("place")
                cc, code, name = _place_side(gaz, ptxt, lang)
                if cc is None and kind in ("governor", "mayor", "local"):
                    # not a place: keep only the role part
                    pass
                if cc:
                    side = "RU" if cc == "RU" else "UA" if cc == "UA" else side
                    if code == "UA-43" or code == "UA-40":
                        side = side  # resolved below from context (occupied: RU-installed)
                if name and kind in ("governor", "mayor"):
                    canonical = f"{kind} of {name}" + (" region" if kind == "governor" and not name.endswith(("region", "Oblast")) else "")
            if kind in ("governor", "mayor", "local", "official") and _INSTALLED.search(
                    text[max(0, m.start() - 30):m.end() + 40]):
                side = "RU"     # an occupation official ("the Russian-installed governor of Sevastopol")
            found.append(ClaimantMention(m.start(), m.end(), m.group(), canonical, side, kind, code,
                                         strong=e["id"] not in ("governor", "mayor", "local_auth")))
            if kind in ("governor", "mayor", "local") and code is None and has_place and m.groupdict().get("place"):
                pass
    for fast, rx, e in (officials if any_official is not None and any_official.search(text) else ()):
        if fast.search(text) is None:
            continue
        for m in rx.finditer(text):
            found.append(ClaimantMention(m.start(), m.end(), m.group(), e["canonical"], e["side"],
                                         "official", e.get("admin1_code"), strong=True))
    # drop mentions contained in a longer one (keep the longest; prefer official/place-resolved)
    found.sort(key=lambda c: (-(c.end - c.start), c.start))
    kept: list[ClaimantMention] = []
    for c in found:
        clash = [k for k in kept if c.start < k.end and k.start < c.end]
        if not clash:
            kept.append(c)
            continue
        # merge: an official name inside/adjacent a role keeps the official's side
        for k in clash:
            if c.kind == "official" and k.side is None:
                k.side, k.canonical, k.admin1_code = c.side, c.canonical, c.admin1_code
            elif k.kind == "official" and c.side is None:
                pass
    # adjacent "Governor Vyacheslav Gladkov" / "Le gouverneur ..., Viatcheslav Gladkov"
    for i, k in enumerate(kept):
        if k.side is None:
            for o in kept:
                if o is not k and o.kind == "official" and 0 <= o.start - k.end <= 25 and \
                        _ADJACENT_NAME.fullmatch(text[k.end:o.start]):
                    k.side, k.canonical, k.admin1_code = o.side, o.canonical, o.admin1_code
    kept.sort(key=lambda c: c.start)
    for k in kept:
        k.score = max(attribution_score(text, k, lang), attribution_score(text, k, other))
    return kept


# compiled once (module-level, cached): Python's own regex cache (512 entries) is churned by the
# patterns other modules build per sentence, and recompiling these costs more than matching them
_rx = functools.lru_cache(maxsize=None)(re.compile)
_AS_NAMED_SAID = re.compile(r"^[\s,]*(?:[A-ZÀ-Þ][\w’'\-]+\s+){1,3}(?:said|says|reported|a\s+(?:déclaré|indiqué|affirmé|annoncé|précisé))")
_AS_VERB_SOON = re.compile(
    r"^[^.;:!?«»\"“”]{0,45}?\b(?:said|says|reported|reports|announced|claimed|stated|wrote|added|confirmed|"
    r"(?:a|ont|avait|avaient)\s+(?:\w+\s+){0,2}(?:déclaré|affirmé|annoncé|indiqué|précisé|rapporté|revendiqué|assuré|écrit|ajouté|signalé|confirmé|fait\s+état))\b",
    re.I)
_AS_THAT_SAID = re.compile(r"^[^.;:]{0,45}?\b(?:that|que|qu['’])\b[^.;:]{0,20}?\b(?:said|déclaré|annoncé)", re.I)
_AS_EN_ACTION = re.compile(r"^\s*(?:had\s+|has\s+|have\s+)?(?:also\s+)?(?:intercepted|destroyed|downed|shot|struck|hit|launched|repelled|attacked|carried|reported)")
_AS_FR_ACTION = re.compile(r"^\s*(?:a|ont|avait|avaient)\s+(?:\w+\s+)?(?:abattu|intercepté|détruit|neutralisé|frappé|touché|lancé|repoussé|revendiqué|mené)")
_AS_POSSESSIVE = re.compile(r"^\s*(?:'s|’s)?\s*(?:own\s+|daily\s+|latest\s+|morning\s+|evening\s+|official\s+)?"
                            r"(?:tally|statement|count|data|figures|report|communiqué|summary|update|bulletin|briefing)")
_AS_INVERSION = re.compile(r"(?:,|^)\s*(?:reported|said|stated|informed|announced|declared|reports|informs|communicated|"
                           r"a\s+(?:rapporté|informé|communiqué)|rapporte|informe|communique)\s+(?:the\s+|le\s+|la\s+|l['’])?$", re.I)
_AS_FIGURES_FROM = re.compile(r"\b(?:figures?|data|numbers|tally|count|summary|chiffres|données|bilan)\s+(?:from|of|by|du|de\s+la|de\s+l['’]|des|de)\s+(?:the\s+)?$",
                              re.I)
_AS_GAVE_FIGURES = re.compile(r"^\s*(?:gave|published|released|posted|issued|a\s+(?:publié|donné|diffusé))\s+"
                              r"(?:[\w'’]+\s+){0,3}(?:figures|data|numbers|tally|breakdown|summary|chiffres|données|bilan)", re.I)

_AS_OWN_CUE = re.compile(r"(?:selon|d['’]apr[èe]s|according\s+to|citing)\s", re.I)


def attribution_score(text: str, c: ClaimantMention, lang: str) -> int:
    after = text[c.end:c.end + 80]
    before = text[max(0, c.start - 60):c.start]
    score = 0
    if _rx(ATTRIB_AFTER.get(lang, ATTRIB_AFTER["en"]), re.I).search(after):
        score = 3
    elif _rx(ATTRIB_BEFORE.get(lang, ATTRIB_BEFORE["en"]), re.I).search(before):
        score = 3
    elif _AS_NAMED_SAID.match(after):
        # "Governor Vladislav Shapsha said"
        score = 3
    elif _AS_VERB_SOON.match(after) and not _AS_THAT_SAID.match(after):
        score = 3
    elif lang == "en" and _AS_EN_ACTION.match(after):
        score = 2
    elif lang == "fr" and _AS_FR_ACTION.match(after):
        score = 2
    elif _AS_POSSESSIVE.match(after):
        score = 2
    elif _AS_INVERSION.search(before):
        # machine-translated inversion: "…, reported the Russian Ministry of Defense"
        score = 3
    elif _AS_FIGURES_FROM.search(before) or _AS_GAVE_FIGURES.match(after):
        # a source introducing a list or table ("Figures from Ukraine's air force for the night:")
        score = 2
    if score < 3 and _AS_OWN_CUE.match(c.text):
        # a pattern that carries its own attribution cue: "selon Kiev", "according to Moscow"
        score = 3
    if not c.strong and score == 0:
        score = -1
    return score


def best_claimant(cands: list[ClaimantMention]) -> ClaimantMention | None:
    good = [c for c in cands if c.score >= 2]
    if not good:
        return None
    good.sort(key=lambda c: (-c.score, 0 if c.side else 1, c.start))
    return good[0]
