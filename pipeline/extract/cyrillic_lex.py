"""Lexicon loading and span finders for Russian / Ukrainian extraction.

Everything here is pure and cached: the JSONL lexicons under ``lexicons/ru`` and
``lexicons/uk`` are compiled into regular expressions once per process.

Finders work on the *normalised* text produced by :func:`normalise` (same length as the
original, lower-cased, markdown replaced by spaces), so every offset maps back 1:1.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

LEX = Path(__file__).resolve().parent / "lexicons"
W = r"[0-9a-zа-яёіїєґ'ʼ\-]"          # a word character in the normalised text
NW = r"(?<![0-9a-zа-яёіїєґ'ʼ])"       # left word boundary
NE = r"(?![0-9a-zа-яёіїєґ'ʼ])"        # right word boundary


def _rx(pattern: str) -> re.Pattern:
    """Compile with literal spaces matching any whitespace run (markdown is blanked to spaces)."""
    return re.compile(pattern.replace(" ", r"\s+"))


def _jsonl(lang: str, name: str) -> list[dict]:
    p = LEX / lang / f"{name}.jsonl"
    if not p.exists():
        return []
    out = []
    for line in p.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith(("#", "//")):
            out.append(json.loads(line))
    return out


# --------------------------------------------------------------------------- normalisation

_APOS = "’ʼ`´‘"
_LINK_RE = re.compile(r"\[([^\[\]]*)\]\((?:https?://|tg://|www\.)[^)\s]*\)?")


def normalise(text: str) -> str:
    """Same-length normalisation: markdown (``**``, ``__``, link targets) → spaces, ``ё`` → ``е``,
    apostrophes → ``'``, lower case (per character, so offsets never move)."""
    return _lower(clean(text))


def _lower(text: str) -> str:
    out = []
    for c in text:
        lc = c.lower()
        if len(lc) != 1:
            lc = c
        out.append("е" if lc == "ё" else lc)
    return "".join(out)


_INWORD_MD_RE = re.compile(r"([0-9A-Za-zА-Яа-яЁёІіЇїЄєҐґ]+)(\*\*|__)([0-9A-Za-zА-Яа-яЁёІіЇїЄєҐґ]+)")


def clean(text: str) -> str:
    """Same-length copy with markdown blanked and apostrophes unified; case kept. A marker inside a
    word ("у**ничтожены") moves to the end of the word, so the word stays whole."""
    for _ in range(3):
        new = _INWORD_MD_RE.sub(lambda m: m.group(1) + m.group(3) + m.group(2), text)
        if new == text:
            break
        text = new
    chars = list(text)

    def blank(a: int, b: int) -> None:
        for i in range(a, min(b, len(chars))):
            if chars[i] != "\n":
                chars[i] = " "

    for m in _LINK_RE.finditer(text):
        blank(m.start(), m.start() + 1)                       # "["
        blank(m.start(1) + len(m.group(1)), m.end())          # "](url)"
    # a link cut by the 400-character limit: "[text](https://t.me/mod_russia" at the end
    for m in re.finditer(r"\]\((?:https?://|tg://)[^)\s]*$", text):
        blank(m.start(), m.end())
    for m in re.finditer(r"\*\*|__|~~|`", text):
        blank(m.start(), m.end())
    return "".join("'" if c in _APOS else c for c in chars)


# --------------------------------------------------------------------------- numbers

_WORD_NUM_FALLBACK = {
    "один": 1, "одна": 1, "одно": 1, "одного": 1, "одной": 1, "одну": 1, "одним": 1, "одне": 1,
    "два": 2, "две": 2, "двух": 2, "двумя": 2, "дві": 2, "двох": 2, "двома": 2,
    "три": 3, "трех": 3, "тремя": 3, "трьох": 3, "трьома": 3,
    "четыре": 4, "четырех": 4, "четырьмя": 4, "чотири": 4, "чотирьох": 4,
    "пять": 5, "пяти": 5, "п'ять": 5, "шесть": 6, "шести": 6, "шість": 6, "семь": 7, "семи": 7,
    "сім": 7, "восемь": 8, "восьми": 8, "вісім": 8, "девять": 9, "дев'ять": 9, "десять": 10,
}


@dataclass
class Num:
    start: int
    end: int
    text: str
    value: int | None
    qualifier: str = "exact"
    kind: str = "count"
    distributive: bool = False
    upper_bound: bool = False     # "до 100 ударних БпЛА": "up to N", the figure is kept


def find_numbers(text: str, lang: str) -> list[Num]:
    """Counts in ``text`` (digits and number words), via the shared numbers helper."""
    out: list[Num] = []
    try:
        from . import numbers as _n
        for s in _n.find_numbers(text, lang):
            v = s.value
            if isinstance(v, float):
                v = int(v) if v.is_integer() else None
            out.append(Num(s.start, s.end, s.text, v, s.qualifier or "exact", s.kind or "count"))
    except Exception:  # pragma: no cover - minimal fallback
        for m in re.finditer(NW + r"(\d+|[а-яіїєґ']+)" + NE, text):
            t = m.group(1)
            if t.isdigit():
                out.append(Num(m.start(), m.end(), t, int(t)))
            elif t in _WORD_NUM_FALLBACK:
                out.append(Num(m.start(), m.end(), t, _WORD_NUM_FALLBACK[t]))
    # "семью" is also "family": a count only right before a weapon word ("атаку семью БПЛА")
    for m in re.finditer(NW + r"семью(?=\s+(?:[а-яё]+\s+){0,2}(?:бп|беспилот|ракет|дрон|безэкипаж|катер|снаряд|крылат))", text):
        if not any(n.start <= m.start() < n.end for n in out):
            out.append(Num(m.start(), m.end(), m.group(), 7))
    out.sort(key=lambda n: n.start)
    for n in out:
        before = text[max(0, n.start - 6):n.start]
        if re.search(NW + r"по\s+$", before):
            n.distributive = True
        if n.qualifier == "approximate" and n.value is not None and re.search(NW + r"до\s+$", before) \
                and not re.search(NW + r"(?:от|від|з|с|із)\s+\S+\s+до\s+$", text[max(0, n.start - 30):n.start]):
            n.upper_bound = True
    return out


# --------------------------------------------------------------------------- regions / places

@dataclass
class Region:
    key: str
    code: str | None
    admin1: str
    country: str | None
    stems: tuple
    is_sea: bool = False


@dataclass
class PlaceHit:
    start: int
    end: int
    text: str
    region: Region
    kind: str            # adj | name | sea
    complete: bool = True
    secondary: bool = False


@functools.lru_cache(maxsize=1)
def regions() -> tuple[dict, list]:
    """({key: Region}, [(compiled regex, Region, kind)]) over both languages."""
    by_key: dict[str, Region] = {}
    pats: list[tuple[re.Pattern, Region, str]] = []
    for lang in ("ru", "uk"):
        for e in _jsonl(lang, "regions"):
            key = e["key"]
            reg = by_key.get(key)
            if reg is None:
                reg = Region(key, e.get("code"), e["admin1"], e.get("country"), tuple(),
                             is_sea=key.startswith("SEA"))
                by_key[key] = reg
            reg.stems = tuple(sorted(set(reg.stems) | set(e.get("adj_stems", []))))
            for st in e.get("adj_stems", []):
                pats.append((_rx(NW + "(?:" + st + r")[а-яіїєґ]*"), reg, "adj"))
            for p in e.get("patterns", []):
                pats.append((_rx(NW + "(?:" + p + ")" + NE), reg, "sea" if reg.is_sea else "name"))
    return by_key, pats


_MOSCOW_REGION_RE = _rx(NW + r"московск\w* (?:регион\w*|агломераци\w*)")
_MOSCOW_FLYING_RE = _rx(r"(?:летевш|летящ|летів|летіл|що летіли)\w* (?:в сторону |в направлении )?(?:на |до )?(?:москв\w*|столиц\w*)")


def _literal_prefix(pattern: str) -> str:
    """The literal letters a lexicon pattern must start with ("" when it starts with a group)."""
    body = pattern[len(NW):] if pattern.startswith(NW) else pattern
    if body.startswith("(?:"):
        body = body[3:]
        # a top-level alternation inside the group has no single prefix
        depth, i = 0, 0
        while i < len(body):
            ch = body[i]
            if ch == "\\":
                i += 2
                continue
            if ch == "(":
                depth += 1
            elif ch == ")":
                if depth == 0:
                    break
                depth -= 1
            elif ch == "|" and depth == 0:
                return ""
            i += 1
    m = re.match(r"[а-яёіїєґa-z']{1,2}", body)
    if not m:
        return ""
    pre = m.group()
    nxt = body[len(pre):len(pre) + 1]
    if nxt in ("?", "*", "{"):
        pre = pre[:-1]
    return pre[:2]


@functools.lru_cache(maxsize=1)
def _region_index():
    """Patterns grouped by their first two letters, plus the patterns that need a full scan."""
    _, pats = regions()
    by_prefix: dict[str, list] = {}
    scan = []
    for item in pats:
        pre = _literal_prefix(item[0].pattern)
        if len(pre) == 2:
            by_prefix.setdefault(pre, []).append(item)
        else:
            scan.append(item)
    return by_prefix, scan


_WORD_START_RE = re.compile(NW + r"[0-9a-zа-яёіїєґ']")


def find_regions(norm: str) -> list[PlaceHit]:
    """Region / city / sea mentions in normalised text, longest-first, non-overlapping."""
    return [PlaceHit(h.start, h.end, h.text, h.region, h.kind, h.complete, h.secondary) for h in _find_regions(norm)]


@functools.lru_cache(maxsize=4096)
def _find_regions(norm: str) -> tuple:
    by_prefix, scan = _region_index()
    hits: list[PlaceHit] = []
    for rx, reg, kind in scan:
        for m in rx.finditer(norm):
            hits.append(PlaceHit(m.start(), m.end(), m.group(), reg, kind))
    for w in _WORD_START_RE.finditer(norm):
        pos = w.start()
        for rx, reg, kind in by_prefix.get(norm[pos:pos + 2], ()):
            m = rx.match(norm, pos)
            if m:
                hits.append(PlaceHit(m.start(), m.end(), m.group(), reg, kind))
    hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
    out: list[PlaceHit] = []
    for h in hits:
        if out and h.start < out[-1].end:
            continue
        out.append(h)
    # words that look like region names but are not places
    res = []
    for h in out:
        tail = norm[h.end:h.end + 25]
        head = norm[max(0, h.start - 40):h.start]
        if h.kind == "adj" and re.match(r"\s*(?:режим|хунт|власт|правительств|влад|руси|патриархат)", tail):
            continue
        if h.kind in ("adj", "name") and re.match(r"\s*(?:направлени|группировк|бригад|полк|дивизи|напрямк|угруповання)", tail):
            h.kind = "direction"
        # a list of direction adjectives: "на Лисичанском, Соледаро-Артемовском и Авдеевском направлениях"
        if h.kind == "adj" and re.match(r"(?:\s*(?:,|и|та|і)\s*[а-яіїє'\-]+(?:ом|ому|ском|ськ\w*))+\s+(?:направлени|напрямк)", norm[h.end:h.end + 120]):
            h.kind = "direction"
        if re.match(r"\s*(?:народн\w* республик)", tail) and h.region.code in ("UA-14", "UA-09"):
            h.kind = "name"
        if h.region.key == "RU-MOS" and _MOSCOW_REGION_RE.match(norm, h.start):
            h.kind = "moscow_region"
        if re.search(r"(?:у|вблизи|близ|около|недалеко от|неподалеку от|біля|поблизу) (?:побережь\w*|берег\w*|узбережж\w*)\s+(?:\w+\s+)?$", head) \
                or re.search(r"(?:побережь\w*|берег\w*|узбережж\w*)\s+(?:\w+\s+)?$", head):
            h.secondary = True
        res.append(h)
    return tuple(res)


def prefix_region(fragment: str) -> Region | None:
    """A region whose adjective stem or name starts with ``fragment`` (unique), else None."""
    frag = fragment.lower().replace("ё", "е")
    if len(frag) < 4:
        return None
    by_key, _ = regions()
    found = set()
    for reg in by_key.values():
        for st in reg.stems:
            base = re.sub(r"\(.*?\)|[\\\[\]?*+]", "", st)
            if base.startswith(frag) or frag.startswith(base):
                found.add(reg.key)
    if len(found) == 1:
        return by_key[found.pop()]
    return None


# --------------------------------------------------------------------------- weapons

@dataclass
class WeaponHit:
    start: int
    end: int
    text: str
    cls: str
    model: str | None
    kind: str   # head | model | mod | generic


@functools.lru_cache(maxsize=1)
def _weapon_patterns():
    out = []
    for lang in ("ru", "uk"):
        for e in _jsonl(lang, "weapons"):
            out.append((_rx(NW + "(?:" + e["pattern"] + ")" + NE), e["class"], e.get("model"), e["kind"]))
    return out


@functools.lru_cache(maxsize=1)
def _weapon_any():
    return re.compile("|".join("(?:%s)" % rx.pattern for rx, _, _, _ in _weapon_patterns()))


def find_weapons(norm: str) -> list[WeaponHit]:
    return list(_find_weapons(norm))


@functools.lru_cache(maxsize=4096)
def _find_weapons(norm: str) -> tuple:
    hits = []
    pats = _weapon_patterns()
    starts = sorted({m.start() for m in _weapon_any().finditer(norm)})
    for pos in starts:
        for rx, cls, model, kind in pats:
            m = rx.match(norm, pos)
            if m:
                hits.append(WeaponHit(m.start(), m.end(), m.group(), cls, model, kind))
    rank = {"model": 0, "head": 1, "mod": 2, "generic": 3}
    hits.sort(key=lambda h: (h.start, -(h.end - h.start), rank[h.kind]))
    out: list[WeaponHit] = []
    for h in hits:
        if out and h.start < out[-1].end:
            # a model inside a head ("ракеты рсзо «ольха»") keeps both if not overlapping
            continue
        out.append(h)
    # "самолетного типа" describes a drone, not an aircraft; "беспилотн* самолет" likewise
    out = [h for h in out if not (h.cls == "aircraft" and re.match(r"\w*\s+тип", norm[h.end:h.end + 8]))]
    return tuple(out)


# --------------------------------------------------------------------------- triggers

@functools.lru_cache(maxsize=1)
def _trigger_patterns():
    out = []
    for lang in ("ru", "uk"):
        for e in _jsonl(lang, "triggers"):
            out.append((_rx(NW + "(?:" + e["pattern"] + ")"), e["kind"]))
    return out


@dataclass
class Trigger:
    start: int
    end: int
    text: str
    kind: str


def find_triggers(norm: str) -> list[Trigger]:
    out = []
    for rx, kind in _trigger_patterns():
        for m in rx.finditer(norm):
            out.append(Trigger(m.start(), m.end(), m.group(), kind))
    out.sort(key=lambda t: (t.start, -(t.end - t.start)))
    # "завдав удару 4 ракетами": with its instrumental weapons it is the launch, not a hit
    launch_at = {t.start for t in out if t.kind == "launch" and t.text.startswith("завда")}
    out = [t for t in out if not (t.kind == "strike" and t.start in launch_at)]
    res: list[Trigger] = []
    for t in out:
        if res and t.start < res[-1].end and t.kind == res[-1].kind:
            continue
        res.append(t)
    return res


# --------------------------------------------------------------------------- claimants

@dataclass
class ClaimantHit:
    start: int
    end: int
    canonical: str
    side: str | None
    kind: str
    admin1_code: str | None = None


_REGION_ADJ_RE = r"(?P<region>[а-яіїєґ'\-]+(?:ск|цк|зьк|цьк|ськ)(?:ой|ого|ая|ий|ої|ом|ій|ою|ому|ую|ей|а|у|е)?)"
_CITY_RE = r"(?P<city>[а-яіїєґ'\-]{3,})"


@functools.lru_cache(maxsize=1)
def _claimant_patterns():
    out = []
    for lang in ("ru", "uk"):
        for e in _jsonl(lang, "claimants"):
            for p in e["patterns"]:
                rx = p.replace("{REGION}", _REGION_ADJ_RE).replace("{CITY}", _CITY_RE)
                out.append((_rx(NW + "(?:" + rx + ")" + NE), e))
    officials = []
    for lang in ("ru", "uk"):
        for e in _jsonl(lang, "officials"):
            for name in e["names"]:
                stem = name.lower()
                if stem[-1:] in "аяьйо" and len(stem) > 4:
                    stem = stem[:-1]
                officials.append((re.compile(NW + re.escape(stem) + r"[а-яіїєґ]{0,3}" + NE), e))
    return out, officials


def region_of_adjective(word: str) -> Region | None:
    for h in find_regions(word):
        if h.start == 0:
            return h.region
    return None


def find_claimants(norm: str) -> list[ClaimantHit]:
    return list(_find_claimants(norm))


@functools.lru_cache(maxsize=4096)
def _find_claimants(norm: str) -> tuple:
    pats, officials = _claimant_patterns()
    hits: list[ClaimantHit] = []
    for rx, e in pats:
        for m in rx.finditer(norm):
            canonical, side, code = e["canonical"], e.get("side"), e.get("admin1_code")
            gd = m.groupdict()
            if gd.get("region"):
                reg = region_of_adjective(gd["region"])
                if reg is None or reg.code is None:
                    continue
                name = reg.admin1.replace(" Oblast", "").replace(" Krai", "")
                canonical = canonical.replace("{REGION}", name)
                side = side or reg.country
                code = reg.code
            if gd.get("city"):
                reg = region_of_adjective(gd["city"])
                if reg is None or reg.code is None:
                    continue
                city = gd["city"]
                canonical = canonical.replace("{CITY}", _city_name(city, reg))
                side = side or reg.country
                code = reg.code
            if "{" in canonical:
                continue
            hits.append(ClaimantHit(m.start(), m.end(), canonical, side, e.get("kind", "institution"), code))
    for rx, e in officials:
        for m in rx.finditer(norm):
            hits.append(ClaimantHit(m.start(), m.end(), e["canonical"], e["side"], "official", e.get("admin1_code")))
    hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
    res: list[ClaimantHit] = []
    for h in hits:
        if res and h.start < res[-1].end:
            # an official name overlapping a role: keep the longer role, but fill its name
            continue
        res.append(h)
    return tuple(res)


def _city_name(city: str, reg: Region) -> str:
    if reg.code == "RU-MOW":
        return "Moscow"
    if reg.code == "UA-30":
        return "Kyiv"
    return city[:1].upper() + city[1:]


def outlet_side(outlet: str | None, url: str | None = None) -> str:
    """Side of an outlet (``UA``, ``RU``, else ``other``), from the outlets registry."""
    from .outlets import outlet_side as _registry_side
    return _registry_side(outlet, url)
