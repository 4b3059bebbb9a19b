"""Counts in a sentence: digits and number words (en, fr, ru, uk) with qualifiers.

Pure functions, no I/O at import: the word tables live in ``lexicons/<lang>/numbers.jsonl`` and
``lexicons/<lang>/dates.jsonl`` (month names) and are loaded lazily, once.

Decisions (documented for the extraction engineers):

* Every numeric span is returned with a ``kind`` so callers can filter: ``count`` (a quantity that
  could be a number of weapons), ``year``, ``date`` (day of month next to a month name, ``10.03``),
  ``time`` (``23.00 мск``, ``03:00``, ``6 p.m.``), ``model`` (``Kh-101``, ``S-300``, ``Su-34``,
  ``Shahed 136``), ``article`` (French ``un``/``une`` followed by a noun: 1 by value, but it is the
  caller's job to decide, e.g. "un drone a été abattu" = 1 drone) and ``other`` (percentages,
  ordinals, money, ages, measurements, decimals, durations).
* English "a"/"an" are never ``count``; directly before a weapon noun ("a drone", "an attack
  drone", "a ballistic missile") they are returned as ``article`` spans with value 1. "one", "один", "одна", "одного",
  "одне" are counts with value 1. French "un"/"une" are ``count`` when used as a pronoun
  ("… et un au-dessus de la mer", "un seul", "un d'entre eux"), ``article`` before a noun.
* Qualifiers: ``at_least`` ("more than", "over", "at least", "plus de", "au moins", "более",
  "свыше", "не менее", "понад", "більше", "щонайменше", "N+"), ``approximate`` ("about",
  "around", "some", "nearly", "up to", "environ", "près de", "около", "порядка", "примерно",
  "близько", "приблизно", "майже"), else ``exact``. The value is kept for at_least and
  approximate-with-a-number ("about 30" → 30, approximate); the gold convention leaves such counts
  null, which is the caller's decision.
* Vague quantities ("a dozen", "dozens", "une dizaine", "une centaine", "десяток", "десятки",
  "несколько", "кілька", "several") are ``count`` spans with value ``None`` and qualifier
  ``approximate`` (the gold leaves approximate counts null; we never invent 10/12/100).
* "ни одного"/"жодного" (not a single one) are counts with value 0.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from .ranges import Occupied

__all__ = ["NumberSpan", "find_numbers", "parse_number", "is_distributive"]

_LEX = Path(__file__).resolve().parent / "lexicons"
_APOS = "'’ʼ`´‘"
_APOS_RE = re.compile(f"[{_APOS}]")


@dataclass(frozen=True)
class NumberSpan:
    start: int
    end: int
    text: str
    value: int | None
    qualifier: str  # 'exact' | 'at_least' | 'approximate'
    kind: str = "count"  # 'count'|'year'|'date'|'time'|'model'|'article'|'other'


def _norm(word: str) -> str:
    return _APOS_RE.sub("'", word.lower()).replace("ё", "е")


def _read_jsonl(path: Path) -> list[dict]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


@lru_cache(maxsize=None)
def _tables(lang: str) -> tuple[dict, dict]:
    """(single-word table norm->(value,type), multiword approx phrases norm->value)."""
    words: dict[str, tuple[int | None, str]] = {}
    phrases: dict[str, tuple[int | None, str]] = {}
    for row in _read_jsonl(_LEX / lang / "numbers.jsonl"):
        key = _norm(row["word"])
        if " " in key:
            phrases[key] = (row["value"], row["type"])
        else:
            words.setdefault(key, (row["value"], row["type"]))
    return words, phrases


_CYR = ("ru", "uk")


@lru_cache(maxsize=None)
def _langs_for(lang: str) -> tuple[str, ...]:
    lang = (lang or "").lower()
    if lang == "en":
        return ("en", "ru", "uk")
    if lang == "fr":
        return ("fr", "en", "ru", "uk")
    if lang in _CYR:
        return ("ru", "uk") if lang == "ru" else ("uk", "ru")
    return ("en", "fr", "ru", "uk")


@lru_cache(maxsize=None)
def _merged(lang: str) -> tuple[dict, dict]:
    words: dict = {}
    phrases: dict = {}
    for lg in _langs_for(lang):
        w, p = _tables(lg)
        for k, v in w.items():
            words.setdefault(k, v + (lg,))
        for k, v in p.items():
            phrases.setdefault(k, v + (lg,))
    return words, phrases


@lru_cache(maxsize=None)
def _month_words() -> frozenset:
    out = set()
    for lg in ("en", "fr", "ru", "uk"):
        for row in _read_jsonl(_LEX / lg / "dates.jsonl"):
            if row["type"] == "month":
                out.add(_norm(row["word"]))
    out.discard("mar")  # keep; see _is_month for the English capitalisation rule
    out.add("mar")
    return frozenset(out)


_EN_MONTH_FULL = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
                  "october", "november", "december"}


def _is_month(word: str, following: str = "") -> bool:
    """Is ``word`` a month name? English names must be capitalised (may/march are verbs too),
    short forms need a period or a following digit."""
    n = _norm(word)
    if n not in _month_words():
        return False
    if word[:1].isascii() and word[:1].isalpha():
        # Latin script: en or fr
        if n in _EN_MONTH_FULL or n in ("jan", "feb", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mar"):
            if n in ("mars", "mai", "juin", "juillet", "août", "aout", "avril", "janvier", "février", "fevrier", "septembre",
                     "octobre", "novembre", "décembre", "decembre"):
                return True
            if not word[0].isupper():
                # French lower-case months handled above; English needs a capital
                return n in ("sept", "oct", "nov", "dec", "janv", "févr", "fevr", "avr", "juil", "déc") and following.startswith(".")
            if len(n) <= 4 and n not in ("may", "june", "july"):
                return following.startswith(".") or bool(re.match(r"\s*\d", following))
            return True
        return True
    return True


# --------------------------------------------------------------------------------------------
# tokenisation

_WORD_RE = re.compile(r"[^\W\d_]+(?:[" + _APOS + r"][^\W\d_]+)*(?:-[^\W\d_]+(?:[" + _APOS + r"][^\W\d_]+)*)*")
_SLASH_DATE_RE = re.compile(r"(?<![\w/])\d{1,2}/\d{1,2}(?:/\d{2,4})?(?![\w/])")
_DIGIT_RE = re.compile(
    r"(?<![\w])(\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?![\d.,:]\d)(?!\d)"  # 1 200
    r"|\d+(?:[.,:]\d+)*)"  # 1,200  1.200  10.03  23.00  1,5
)


def _word_tokens(text: str):
    for m in _WORD_RE.finditer(text):
        yield m.start(), m.end(), m.group(0)


# --------------------------------------------------------------------------------------------
# qualifiers

_AT_LEAST_RE = re.compile(
    r"(?:\bmore\s+than|\bover|\bat\s+least|\bupwards\s+of|\bin\s+excess\s+of|\bno\s+(?:fewer|less)\s+than|\bmore\s+then"
    r"|\bplus\s+d[e'’]|\bau\s+moins|\bpas\s+moins\s+d[e'’]|\bplus\s+d['’]une?"
    r"|\bболее(?:\s+чем)?|\bбольше(?:\s+чем)?|\bсвыше|\bне\s+менее|\bкак\s+минимум|\bпо\s+меньшей\s+мере|\bминимум"
    r"|\bпонад|\bбільш(?:е|\s+ніж)?|\bщонайменше|\bне\s+менше(?:\s+ніж)?|\bпринаймні|\bяк\s+мінімум|\bмінімум)\s*$",
    re.IGNORECASE,
)
_APPROX_RE = re.compile(
    r"(?:\babout|\baround|\bsome|\broughly|\bapproximately|\bapprox\.|\bnearly|\balmost|\bclose\s+to|\bup\s+to|\ban\s+estimated|\bestimated"
    r"|\benviron|\bprès\s+d[e'’]|\bpres\s+d[e'’]|\bquelque|\bpresque|\bjusqu['’]à|\bà\s+peu\s+près|\bapproximativement|\bautour\s+d[e'’]|\bquasiment|\bquelques"
    r"|\bоколо|\bпорядка|\bпримерно|\bпочти|\bприблизительно|\bориентировочно"
    r"|\bблизько|\bприблизно|\bмайже|\bорієнтовно|\bдо\s+(?=$))\s*$",
    re.IGNORECASE,
)
# the "до" alternative above is deliberately unreachable: "до" is mostly "until" (times)


def _qualifier(text: str, start: int, end: int) -> str:
    before = text[max(0, start - 40):start]
    if _AT_LEAST_RE.search(before):
        return "at_least"
    if _APPROX_RE.search(before):
        return "approximate"
    after = text[end:end + 12]
    if re.match(r"\+(?!\d)", after) or re.match(r"\s*(?:or\s+more|et\s+plus|и\s+более|і\s+більше|або\s+більше)\b", after, re.I):
        return "at_least"
    if re.match(r"(?:-odd\b|\s+or\s+so\b)", after, re.I):
        return "approximate"
    return "exact"


# --------------------------------------------------------------------------------------------
# kinds for digit numbers

_TIME_AFTER = re.compile(
    r"\s*(?:мск|msk|utc|gmt|cet|cest|a\.?\s?m\b\.?|p\.?\s?m\b\.?|h\b|ч\b|час|год\b|годин|heures?\b|hrs?\b|o['’]clock|"
    r"(?:kyiv|moscow|local)\s+time|heure\s+de\s+(?:moscou|kiev|kyiv)|in\s+the\s+(?:morning|evening|afternoon)|"
    r"du\s+(?:matin|soir)|de\s+l['’]après-midi|утра|вечера|ранку|вечора|ночи|ночі)",
    re.IGNORECASE,
)
_TIME_BEFORE = re.compile(
    r"(?:\b(?:с|со|до|около|в|к|після|після|з|до|о|об|близько|at|from|until|till|by|between|à|vers|dès|jusqu['’]à|de|entre|after|before)\s*)$",
    re.IGNORECASE,
)
_OTHER_AFTER = re.compile(
    r"(?:\s*%|\s*(?:percent|per\s+cent|pour\s+cent|pour-cent|процент|відсот)"
    r"|[\s\u00a0]*(?:\$|€|£|₽|₴|usd|eur\b|dollars?|euros?|рубл|руб\b|гривен|гривн|грн|долл|доллар|долар|євро|евро)"
    r"|\s*(?:million|billion|milliard|millions|milliards|млн|млрд|trillion)"
    r"|-?\s*(?:year-old|years?\s+old|ans\b|an\b|летн|лет\b|год(?:а|ов)?\s+от\s+роду|річн|років|роки\b)"
    r"|[\s-]*(?:km|kilom|км|кілометр|километр|miles?\b|m\b|м\b|метр|mètres|meters|metres|kg\b|кг\b|tonnes?|tons?\b|тонн|т\b|mm\b|мм\b|cm\b|см\b)"
    r"|[\s-]*(?:hours?\b|heures?\b|часов|часа\b|годин|minutes?\b|минут|хвилин|seconds?\b|secondes?\b|секунд"
    r"|days?\b|jours?\b|дней|дня\b|днів|дні\b|суток|діб|weeks?\b|semaines?\b|недел|тижн|months?\b|mois\b|месяц|місяц|years?\b|ans\b|années?\b|лет\b|рок|год\b|года\b)"
    r"|(?:st|nd|rd|th|er|ère|re|e|ème|eme|è)\b|-(?:й|го|я|е|ий|ая|ое|ої|ого|ому|м|х|th|st|nd|rd|ème|e)\b"
    r"|[.,]\d)",
    re.IGNORECASE,
)
_OTHER_BEFORE = re.compile(r"(?:[$€£₽₴#№]\s*|\bno\.\s*|\bn°\s*|\baged\s+|\bâgée?s?\s+de\s+|\bв\s+возрасте\s+|\bу\s+віці\s+|\bpage\s+|\bp\.\s*)$", re.IGNORECASE)
_MODEL_BEFORE = re.compile(
    r"(?:[A-Za-zА-Яа-яЁёІіЇїЄєҐґ]{1,6}-|"  # Kh-101, S-300, Су-34, RM-70
    r"\b(?:shahed|geran|герань|гербера|gerbera|shahed-|mig|tu|su|mi|ka|il|an|m|t|bm|pac|patriot|iris-t|nasams)\s)$",
    re.IGNORECASE,
)
_COUNT_NOUN_AFTER = re.compile(
    r"\s*(?:drones?|uavs?|missiles?|rockets?|shells?|bombs?|obus|roquettes?|бпла|беспилот|безпілот|дрон|ракет|снаряд|авиабомб|авіабомб|shahed|шахед)",
    re.IGNORECASE,
)


_THOUSAND_AFTER = re.compile(r"\s*(?:thousand|mille|тысяч[аиуейм]*|тыс\.?|тисяч[аіуею]*|тис\.?)(?![\w])", re.IGNORECASE)


def _digit_value(raw: str) -> tuple[int | None, str]:
    """Return (value, kind_hint) for a raw digit token; kind_hint '' (integer), 'decimal', 'hhmm', 'ddmm'."""
    s = raw.replace("\u00a0", " ").replace("\u202f", " ").replace("\u2009", " ")
    if " " in s:
        return int(s.replace(" ", "")), ""
    if ":" in s:
        return None, "hhmm"
    parts = re.split(r"[.,]", s)
    if len(parts) == 1:
        return int(s), ""
    seps = re.findall(r"[.,]", s)
    if all(len(p) == 3 for p in parts[1:]) and 1 <= len(parts[0]) <= 3 and len(set(seps)) == 1:
        return int("".join(parts)), ""
    if len(parts) in (2, 3) and "." in s and all(len(p) <= 2 for p in parts[:2]) and (len(parts) == 2 or len(parts[2]) in (2, 4)):
        return None, "ddmm_or_hhmm"
    return None, "decimal"


def _digit_kind(text: str, start: int, end: int, value: int | None, hint: str) -> str:
    before = text[max(0, start - 30):start]
    after = text[end:end + 40]
    raw = text[start:end]
    if hint == "hhmm":
        return "time"
    if hint == "ddmm_or_hhmm":
        a, b = re.split(r"[.]", raw)[:2]
        a_i, b_i = int(a), int(b)
        timeish = bool(_TIME_AFTER.match(after)) or bool(_TIME_BEFORE.search(before))
        valid_time = a_i <= 24 and b_i <= 59 and len(b) == 2
        valid_date = 1 <= a_i <= 31 and 1 <= b_i <= 12 and len(b) == 2
        if raw.count(".") == 2:
            return "date"
        if valid_time and (timeish or not valid_date):
            return "time"
        if valid_date:
            return "date"
        return "other"
    if hint == "decimal":
        return "other"
    if _MODEL_BEFORE.search(before) and not before.endswith(" "):
        return "model"
    if _MODEL_BEFORE.search(before) and re.search(r"\b(?:shahed|geran|герань|gerbera|гербера)\s$", before, re.I):
        return "model"
    if re.match(r"[A-Za-zА-Яа-яЁёІіЇїЄєҐґ]", after) and not re.match(r"(?:st|nd|rd|th|er|e|ème|re|h)\b", after, re.I):
        return "model"  # 9K720, 9M723, 136M
    if re.match(r"-[A-Za-zА-Яа-я]", after) and not re.match(r"-(?:й|го|я|е|ий|ая|ое|ої|ого|ому|м|х|th|st|nd|rd|ème|e|year|летн|річн|mm|мм|km|км)\b", after, re.I) \
            and re.match(r"-[A-ZА-Я0-9]", after):
        return "model"  # 9K720-style with hyphen: "101-M"
    if _TIME_AFTER.match(after) and not re.match(r"\s*(?:h\b)", after) or re.match(r"\s*h\s*\d{0,2}\b", after) and value is not None and value <= 24:
        return "time"
    if _OTHER_BEFORE.search(before) or _OTHER_AFTER.match(after):
        return "other"
    # dates: month name adjacent
    m_after = re.match(r"\s*(?:(?:au|à|-|–|и|і|та|по|to|and)\s*\d{1,2}\s*)?([^\W\d_]+)(\.?)", after)
    if m_after and value is not None and 1 <= value <= 31 and _is_month(m_after.group(1), after[m_after.end(1):]):
        return "date"
    m_before = re.search(r"([^\W\d_]+)(\.?)\s*$", before)
    if m_before and value is not None and 1 <= value <= 31 and _is_month(m_before.group(1), before[m_before.end(1):] + raw):
        return "date"
    if value is not None and 1900 <= value <= 2100 and re.fullmatch(r"\d{4}", raw):
        if not _COUNT_NOUN_AFTER.match(after):
            return "year"
    return "count"


# --------------------------------------------------------------------------------------------
# number words

def _parse_run(items):
    """Split a run of (value, type, norm) number words into numbers: [(first, last, value)]."""
    res = []
    i0 = 0
    total = cur = 0
    last = None
    have = False
    prev = -1
    lastval = None
    for i, (val, typ, norm) in enumerate(items):
        if typ == "connector":
            continue
        merge = False
        if not have:
            pass
        elif typ == "unit" and last == "teen" and lastval == 10 and val in (7, 8, 9) and norm in ("sept", "huit", "neuf"):
            merge = True  # dix-sept, soixante-dix-huit, quatre-vingt-dix-neuf
        elif typ in ("unit", "teen"):
            merge = (last == "ten" and typ == "unit" and cur % 10 == 0) or \
                    (last == "ten" and typ == "teen" and cur % 100 in (60, 80)) or \
                    (last in ("hundreds", "hundred_mult", "thousand") and cur % 100 == 0)
        elif typ == "ten":
            if norm in ("vingt", "vingts") and last == "unit" and cur % 100 == 4:
                cur += 76
                last = "ten"
                prev = i
                continue
            merge = last in ("hundreds", "hundred_mult", "thousand") and cur % 100 == 0
        elif typ == "hundreds":
            merge = last == "thousand" and cur == 0
        elif typ == "hundred_mult":
            if last == "unit" and 0 < cur < 10:
                cur *= 100
                last = typ
                prev = i
                continue
            merge = last == "thousand" and cur == 0
        elif typ == "thousand":
            if total == 0:
                total = (cur or 1) * 1000
                cur = 0
                last = typ
                prev = i
                continue
        if have and not merge:
            res.append((i0, prev, total + cur))
            total = cur = 0
            have = False
        if not have:
            i0 = i
            have = True
        if typ == "hundred_mult":
            cur += 100
        elif typ == "thousand":
            total += 1000
        else:
            cur += val
        last = typ
        lastval = val
        prev = i
    if have:
        res.append((i0, prev, total + cur))
    return res


_FR_PREP_AFTER = re.compile(
    r"\s*(?:,|;|\.|\)|$|au-dessus|au\s|aux\s|sur\s|dans\s|en\s|à\s|a\s|par\s|d['’]entre|de\s+ces|de\s+plus|seule?\b|autre\b|"
    r"près|pr[eè]s|vers|contre|pour|et\s|ou\s|—|–|-\s)",
    re.IGNORECASE,
)
_EN_ONE_BAD_BEFORE = re.compile(r"\b(?:no|the|this|that|each|every|any|some|which|someone|anyone|every|last|only\s+the)\s+$", re.IGNORECASE)
_EN_ONE_BAD_AFTER = re.compile(r"\s*(?:another|by\s+one|day\b|of\s+the\s+most|of\s+the\s+(?:largest|biggest|main|key))", re.IGNORECASE)


_PLURAL_THOUSANDS = frozenset({"тысячи", "тысяч", "тисячі", "тисяч", "тысячам", "тисячам"})


def _word_numbers(text: str, lang: str) -> list[tuple[int, int, int | None, str]]:
    """(start, end, value, kind) for number-word spans."""
    words, phrases = _merged(lang)
    toks = list(_word_tokens(text))
    res = []
    used = set()
    # 1) vague phrases (multiword first, then single approx words)
    if phrases:
        norms = [_norm(t[2]) for t in toks]
        for i in range(len(toks)):
            for n in (3, 2):
                if i + n > len(toks):
                    continue
                key = " ".join(norms[i:i + n])
                if key in phrases and not any(j in used for j in range(i, i + n)):
                    # tokens must be separated by whitespace only
                    gap_ok = all(re.fullmatch(r"\s+", text[toks[j][1]:toks[j + 1][0]]) for j in range(i, i + n - 1))
                    if gap_ok:
                        val, typ, _ = phrases[key]
                        res.append((toks[i][0], toks[i + n - 1][1], val, "zero" if typ == "zero_phrase" else "approx"))
                        used.update(range(i, i + n))
                        break
    # 2) runs of number words
    run: list = []  # (tok_index, parts[(val,typ,norm)])

    def close_run():
        if not run:
            return
        flat = []
        owners = []
        for ti, parts in run:
            for p in parts:
                flat.append(p)
                owners.append(ti)
        # drop trailing connectors
        while flat and flat[-1][1] == "connector":
            flat.pop()
            owners.pop()
        for a, b, val in _parse_run(flat):
            ta, tb = owners[a], owners[b]
            if a == b and flat[a][1] == "thousand" and flat[a][2] in _PLURAL_THOUSANDS:
                res.append((toks[ta][0], toks[tb][1], None, "approx"))  # "тысячи дронов" = thousands
                continue
            res.append((toks[ta][0], toks[tb][1], val, "num"))
        run.clear()

    for i, (s, e, w) in enumerate(toks):
        if i in used:
            close_run()
            continue
        n = _norm(w)
        parts = []
        if n in words and words[n][1] != "connector":
            v, typ, lg = words[n]
            if typ == "approx":
                close_run()
                res.append((s, e, None, "approx"))
                continue
            if typ == "zero_phrase":
                close_run()
                res.append((s, e, 0, "zero"))
                continue
            parts = [(v, typ, n)]
        elif "-" in n:
            sub = n.split("-")
            ok = True
            for x in sub:
                if x in words and words[x][1] not in ("approx", "zero_phrase"):
                    parts.append((words[x][0], words[x][1], x))
                else:
                    ok = False
                    break
            if not ok or all(p[1] == "connector" for p in parts):
                parts = []
        elif n in words and words[n][1] == "connector" and run:
            # "and"/"et" inside a number: "one hundred and five", "vingt et un"
            gap = text[toks[run[-1][0]][1]:s]
            nxt = toks[i + 1] if i + 1 < len(toks) else None
            if nxt and re.fullmatch(r"\s+", gap) and re.fullmatch(r"\s+", text[e:nxt[0]]):
                nn = _norm(nxt[2])
                last_typ = run[-1][1][-1][1]
                if n == "and" and last_typ in ("hundred_mult", "thousand") and nn in words and words[nn][1] in ("unit", "teen", "ten"):
                    run.append((i, [(None, "connector", n)]))
                    continue
                if n == "et" and last_typ == "ten" and nn in ("un", "une", "onze"):
                    run.append((i, [(None, "connector", n)]))
                    continue
            close_run()
            continue
        if parts:
            if run:
                gap = text[toks[run[-1][0]][1]:s]
                if not re.fullmatch(r"[ \u00a0]+", gap):
                    close_run()
            run.append((i, parts))
        else:
            close_run()
    close_run()
    res.sort()
    return res


def _word_kind(text: str, start: int, end: int, value: int | None, tag: str, lang: str) -> str:
    w = _norm(text[start:end])
    before = text[max(0, start - 30):start]
    after = text[end:end + 40]
    if tag in ("approx", "zero"):
        return "count"
    if w in ("un", "une"):
        if re.search(r"\b(?:l['’]|l’|d['’]|qu['’]|c['’])$", before, re.I):
            return "other"
        if _FR_PREP_AFTER.match(after):
            return "count"
        return "article"
    if w == "one":
        if _EN_ONE_BAD_BEFORE.search(before) or _EN_ONE_BAD_AFTER.match(after):
            return "other"
    if w in ("sept",) and lang != "fr":
        return "other"
    # "twenty-four hours", "three days", ages, percentages
    if _OTHER_AFTER.match(after) and not re.match(r"(?:e|er|st|nd|rd|th|re)\b", after):
        return "other"
    if _OTHER_BEFORE.search(before):
        return "other"
    m_after = re.match(r"\s*([^\W\d_]+)", after)
    if m_after and value is not None and 1 <= value <= 31 and _is_month(m_after.group(1), after[m_after.end(1):]):
        # "двадцать первого марта" is rare; number words before month = a date
        return "date"
    return "count"


_URL_RE = re.compile(r"(?:https?://|www\.|t\.me/)[^\s)\]>\"']+", re.IGNORECASE)
_EN_ARTICLE_RE = re.compile(
    r"\b(an?)\s+(?:[^\W\d_]+[\s-]+){0,3}?(?:drones?|uavs?|missiles?|rockets?|shells?|bombs?|glide\s+bombs?|shahed|helicopters?|aircraft|jets?|warplanes?)\b",
    re.IGNORECASE,
)


_EN_STOP = frozenset("""after before by of from with and or in on at the that which to was were is are been be has had
have hit hits struck attacks fire fires blast over near into against for as while when where who said says
than then also but not no one two""".split())


def _find_numbers_impl(text: str, lang: str) -> tuple[NumberSpan, ...]:
    spans: list[NumberSpan] = []
    occupied = Occupied()
    urls = Occupied()
    for m in _URL_RE.finditer(text):
        urls.add(m.start(), m.end())
    for m in _SLASH_DATE_RE.finditer(text):  # 23/05/2025, 24/7
        a, b = (int(v) for v in m.group(0).split("/")[:2])
        kind = "date" if 1 <= a <= 31 and 1 <= b <= 12 else "other"
        spans.append(NumberSpan(m.start(), m.end(), m.group(0), None, "exact", kind))
        occupied.add(m.start(), m.end())
    for m in _DIGIT_RE.finditer(text):
        s, e = m.start(1), m.end(1)
        raw = m.group(1)
        if occupied.contains(s):
            continue
        if urls.contains(s):
            spans.append(NumberSpan(s, e, raw, None, "exact", "other"))
            occupied.add(s, e)
            continue
        # refuse digits glued to letters on the left (handled as model by _digit_kind)
        try:
            value, hint = _digit_value(raw)
        except ValueError:
            value, hint = None, "decimal"
        mk = _THOUSAND_AFTER.match(text, e)
        if mk and value is not None and hint == "" and value < 1000:
            value *= 1000  # "28 тысяч", "5 thousand", "1,5 тыс." is a decimal: left as other
            e = mk.end()
            raw = text[s:e]
        kind = _digit_kind(text, s, e, value, hint)
        if kind != "count":
            qual = "exact"
        else:
            qual = _qualifier(text, s, e)
        spans.append(NumberSpan(s, e, raw, value if hint == "" else None, qual, kind))
        occupied.add(s, e)
    for s, e, value, tag in _word_numbers(text, lang):
        if occupied.overlaps(s, e):
            continue
        kind = _word_kind(text, s, e, value, tag, lang)
        qual = "approximate" if tag == "approx" else (_qualifier(text, s, e) if kind in ("count", "article") else "exact")
        spans.append(NumberSpan(s, e, text[s:e], value, qual, kind))
    # English "a"/"an" directly before a weapon noun: value 1, kind "article" (callers decide)
    if (lang or "") == "en":
        taken = Occupied()
        for x in spans:
            taken.add(x.start, x.end)
        for m in _EN_ARTICLE_RE.finditer(text):
            s, e = m.start(1), m.end(1)
            if occupied.overlaps(s, e) or taken.overlaps(s, e):
                continue
            between = re.findall(r"[^\W\d_]+", text[e:m.end()])[:-1]
            if any(w.lower() in _EN_STOP for w in between):
                continue
            spans.append(NumberSpan(s, e, text[s:e], 1, _qualifier(text, s, e), "article"))
            taken.add(s, e)
    spans.sort(key=lambda x: (x.start, x.end))
    return tuple(spans)


@lru_cache(maxsize=4096)
def _find_cached(text: str, lang: str) -> tuple[NumberSpan, ...]:
    return _find_numbers_impl(text, lang)


def find_numbers(text: str, lang: str) -> list[NumberSpan]:
    """All numeric spans of ``text`` in text order (offsets into ``text``).

    Filter on ``kind == "count"`` for quantities; see the module docstring for the rules."""
    if not text:
        return []
    return list(_find_cached(text, lang or ""))


def parse_number(s: str, lang: str) -> int | None:
    """Value of a string that is one number ("1 200", "fifty-five", "сорока двух", "двадцять сім").

    None when the string holds no number, several numbers, or a vague quantity."""
    if not s or not s.strip():
        return None
    st = s.strip()
    if re.fullmatch(r"[\d \u00a0\u202f\u2009.,]+", st):
        m = _DIGIT_RE.fullmatch(st)
        if not m:
            return None
        try:
            v, hint = _digit_value(st)
        except ValueError:
            return None
        return v if hint == "" else None
    spans = [x for x in _word_numbers(st, lang)]
    if len(spans) != 1:
        return None
    a, b, v, tag = spans[0]
    rest = (st[:a] + st[b:]).strip(" \t\n-–—.,;:()")
    if rest:
        return None
    return v if tag != "approx" else None


# --------------------------------------------------------------------------------------------
# distributive readings

_DIST_AFTER = re.compile(
    r"^(?:\s+[^\W\d_]+(?:['’-][^\W\d_]+)*){0,6}?\s*,?\s*(?:each\b|apiece\b|chacune?\b|in\s+each\b|over\s+each\b|per\s+(?:region|oblast)\b"
    r"|dans\s+chacune?\b|au-dessus\s+de\s+chacune?\b|sur\s+chacune?\b|pour\s+chacune?\b|в\s+каждой\b|над\s+каждой\b"
    r"|в\s+кожній\b|над\s+кожною\b|у\s+кожній\b|в\s+кожному\b|у\s+кожному\b)",
    re.IGNORECASE,
)
_DIST_BEFORE = re.compile(r"(?:\bпо\s+|\beach\s+|\bchacune?\s+(?:de\s+)?|\bby\s+)$", re.IGNORECASE)


def is_distributive(text: str, span: NumberSpan) -> bool:
    """True for "по три", "по сім", "three each", "trois chacun", "trois drones dans chacune des
    régions", "two drones each over …": the number applies to every member of a following list."""
    before = text[max(0, span.start - 20):span.start]
    if re.search(r"(?:\bпо)\s+$", before, re.IGNORECASE):
        return True
    after = text[span.end:span.end + 80]
    return bool(_DIST_AFTER.match(after))
