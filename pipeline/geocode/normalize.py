"""Text folding, transliteration variants and inflection helpers for place names.

Everything here is a pure function of its input (no state). Keys produced by :func:`fold` are
what the gazetteer index is built on; :func:`loose` is a coarser key that merges common
transliteration variants (Kyiv/Kiyv, Odessa/Odesa, Voronezh/Voronesh, Yartsevo/Iartsevo);
:func:`french_to_english` rewrites French transliterations (Koursk, Voronej, Zaporijjia,
Novochakhtinsk) into the English system; :func:`latin_adjective_stems` and
:func:`cyrillic_lemmas` undo adjectival and case endings ("Liskinskaya" → Liski,
"Новошахтинске" → Новошахтинск); :func:`inflect_phrase` generates the case forms of region names
("Брянская область" → "Брянской области", "Брянскую область", …).
"""
from __future__ import annotations

import re
import unicodedata

__all__ = [
    "fold", "loose", "french_to_english", "latin_adjective_stems", "cyrillic_lemmas",
    "inflect_phrase", "adjective_forms", "is_cyrillic", "TOKEN_RE", "tokenize",
]

_APOSTROPHES = "'’ʼ`‘´ʹ′＇"
_CYR_LO, _CYR_HI = "\u0400", "\u04ff"


class _FoldTable(dict):
    """str.translate table computed lazily per character (cached)."""

    def __missing__(self, code: int):
        ch = chr(code)
        if ch in _APOSTROPHES:
            out = ""
        elif _CYR_LO <= ch <= _CYR_HI:
            out = {"ё": "е", "Ё": "е", "ѣ": "е"}.get(ch, ch.lower())
        elif ch in "-‐‑‒–—":
            out = " "
        elif ch.isspace():
            out = " "
        else:
            dec = unicodedata.normalize("NFKD", ch)
            out = "".join(c for c in dec if not unicodedata.combining(c)).lower()
            if ch in "ßæœ":
                out = {"ß": "ss", "æ": "ae", "œ": "oe"}[ch]
        self[code] = out
        return out


_FOLD = _FoldTable()
_WS = re.compile(r"\s+")


def fold(text: str) -> str:
    """Case, accent, apostrophe and hyphen folding; Cyrillic ё→е. Cyrillic letters keep their
    identity (й, ї, є, і stay distinct from и, е)."""
    s = text.lower().translate(_FOLD) if not text.isascii() else text.lower().replace("'", "").replace("`", "").replace("-", " ")
    if "  " in s or s[:1] == " " or s[-1:] == " ":
        s = _WS.sub(" ", s).strip()
    return s


_CYR_RX = re.compile("[\u0400-\u04ff]")


def is_cyrillic(text: str) -> bool:
    return _CYR_RX.search(text) is not None


# --- coarse key ----------------------------------------------------------------------------
_LOOSE_LAT = [
    ("shch", "sc"), ("sch", "s"), ("zh", "s"), ("sh", "s"), ("kh", "h"), ("ch", "c"), ("tz", "c"),
    ("ts", "c"), ("w", "v"), ("j", "i"), ("y", "i"), ("ks", "x"),
]
_LOOSE_LAT_MAP = dict(_LOOSE_LAT)
_LOOSE_LAT_RX = re.compile("|".join(a for a, _ in _LOOSE_LAT))


def _loose_lat_rep(m: re.Match) -> str:
    return _LOOSE_LAT_MAP[m.group()]


_LOOSE_CYR = str.maketrans({"ь": "", "ъ": "", "ы": "и", "і": "и", "ї": "и", "й": "и", "є": "е",
                             "э": "е", "ґ": "г"})
_DOUBLE = re.compile(r"(.)\1+")


def loose(key: str) -> str:
    """A coarse key over an already folded string: merges y/i/j, zh/sh, ts/tz, doubled letters
    (Latin) and ы/и/і/ї/й, е/є/э, soft signs (Cyrillic)."""
    s = key
    if _CYR_RX.search(s) is not None:
        s = s.translate(_LOOSE_CYR)
    else:
        s = _LOOSE_LAT_RX.sub(_loose_lat_rep, s)
    return _DOUBLE.sub(_first_group, s) if _DOUBLE.search(s) else s


def _first_group(m: re.Match) -> str:
    return m.group(1)


# --- French transliteration → English ----------------------------------------------------
_FR_RULES = [
    (re.compile(r"tch"), "\x00"), (re.compile(r"(?<![cs])ch"), "sh"), (re.compile("\x00"), "ch"), (re.compile(r"dj"), "dzh"),
    (re.compile(r"(?<![dz])j"), "zh"), (re.compile(r"ou"), "u"), (re.compile(r"gu(?=[ei])"), "g"),
    (re.compile(r"ie$"), "ia"), (re.compile(r"(?<=[aeiou])ss(?=[aeiou])"), "s"),
]


def french_to_english(key: str) -> str:
    """Rewrite a folded French transliteration into the English system:
    Koursk→kursk, Voronej→voronezh, Zaporijjia→zaporizhzhia, Novochakhtinsk→novoshakhtinsk,
    Tcherkassy→cherkasy, Djankoï→dzhankoi."""
    s = key
    for rx, rep in _FR_RULES:
        s = rx.sub(rep, s)
    return s


# --- Latin adjectival forms ("Liskinskaya" oil depot, "Saratovsky" refinery) ----------------
_LAT_ADJ = re.compile(r"(?:skaya|skaia|skiy|skii|skyi|skyy|sky|skoye|skoe|skogo|skoy|ska|skyi)$")


def latin_adjective_stems(key: str) -> list[str]:
    """Candidate settlement names behind a Latin adjectival form (folded input)."""
    m = _LAT_ADJ.search(key)
    if not m or m.start() < 3:
        return []
    stem = key[: m.start()]
    out = [stem + "sk", stem]
    if stem.endswith("in"):
        out += [stem[:-2] + "i", stem[:-2] + "e", stem[:-2] + "ino", stem[:-2] + "a"]
    if stem.endswith("ov") or stem.endswith("ev"):
        out.append(stem[:-2] + "ovo")
    out += [stem + "a", stem + "o", stem + "i"]
    return out


# --- Cyrillic case endings -------------------------------------------------------------------
# (ending, replacements) tried longest first; each gives candidate nominatives.
_CYR_ENDINGS = [
    ("ского", ["ск", "", "ь", "ское", "ский"]), ("ському", ["ськ", "", "ське", "ський"]),
    ("ського", ["ськ", "", "ь", "ське", "ський"]), ("скому", ["ск", "", "ское", "ский"]),
    ("ском", ["ск", "", "ское", "ский"]), ("ским", ["ск", "", "ский"]), ("ським", ["ськ", ""]),
    ("ский", ["ск", "", "ь"]), ("ський", ["ськ", "", "ь"]), ("ская", ["ск", "", "ь"]),
    ("ська", ["ськ", "", "ь"]), ("ской", ["ск", "", "ская", "ский"]), ("ської", ["ськ", "ська"]),
    ("ого", ["ое", "ий", "ый", "ой", "е", "ий"]), ("ому", ["ое", "ий", "ый", "ой", "е"]),
    ("ах", ["ы", "и", "а", ""]), ("ях", ["и", "я"]), ("ами", ["ы", "и"]), ("ам", ["ы", "и"]),
    ("ові", [""]), ("еві", [""]), ("ом", ["", "о"]), ("ем", ["", "е", "ь"]), ("ой", ["а", "ая"]),
    ("ою", ["а"]), ("ей", ["я", "ь"]), ("ью", ["ь"]), ("ої", ["а"]), ("ій", ["а"]), ("ці", ["ка", "к"]), ("сі", ["ха", "х"]),
    ("зі", ["га", "г"]), ("ке", ["ка"]), ("ую", ["ая"]), ("ым", ["ый", "ые", "ы"]), ("им", ["ий", "и"]),
    ("е", ["", "а", "о", "я", "ь"]), ("а", ["", "о"]), ("у", ["", "а", "о"]), ("ю", ["ь", "я"]),
    ("ы", ["а", ""]), ("и", ["а", "я", "ь", "ы"]), ("і", ["", "а", "я", "ь"]), ("я", ["ь", "е"]),
    ("ї", ["я"]),
]
_UK_O_I = re.compile(r"([оеє])([бвгґджзклмнпрстфхцчшщ])$")


def cyrillic_lemmas(key: str) -> list[str]:
    """Candidate nominative forms of an inflected (folded) Cyrillic word:
    новошахтинске→новошахтинск, людинове→людиново, клинцах→клинцы, саратові→саратов,
    харкові→харків, запоріжжю→запоріжжя, токмачці→токмачка, саратовского→саратов."""
    out: list[str] = []
    for end, reps in _CYR_ENDINGS:
        if key.endswith(end) and len(key) - len(end) >= 3:
            stem = key[: len(key) - len(end)]
            for r in reps:
                cand = stem + r
                if cand != key and cand not in out:
                    out.append(cand)
    # Ukrainian о/е → і alternation in the closed last syllable (Харкова → Харків, Києва → Київ)
    extra = []
    for c in out:
        m = _UK_O_I.search(c)
        if m:
            extra.append(c[: m.start()] + ("ї" if c[m.start() - 1: m.start()] in "иіїк" and m.group(1) == "є" else "і") + m.group(2))
    for c in extra:
        if c not in out:
            out.append(c)
    return out


# --- phrase inflection (region names) ---------------------------------------------------------
# 6 cases: nom, gen, dat, acc, ins, prep (loc); extra variants appended after.
_HEAD_NOUNS = {
    "ru": {
        "область": ("f", ["область", "области", "области", "область", "областью", "области"],
                    ["области", "областей", "областям", "области", "областями", "областях"]),
        "край": ("m", ["край", "края", "краю", "край", "краем", "крае"],
                 ["края", "краев", "краям", "края", "краями", "краях"]),
        "республика": ("f", ["республика", "республики", "республике", "республику", "республикой", "республике"],
                       ["республики", "республик", "республикам", "республики", "республиками", "республиках"]),
        "округ": ("m", ["округ", "округа", "округу", "округ", "округом", "округе"], None),
        "море": ("n", ["море", "моря", "морю", "море", "морем", "море"], None),
        "регион": ("m", ["регион", "региона", "региону", "регион", "регионом", "регионе"], None),
        "федерация": ("f", ["федерация", "федерации", "федерации", "федерацию", "федерацией", "федерации"], None),
        "полуостров": ("m", ["полуостров", "полуострова", "полуострову", "полуостров", "полуостровом", "полуострове"], None),
        "акватория": ("f", ["акватория", "акватории", "акватории", "акваторию", "акваторией", "акватории"], None),
        "город": ("m", ["город", "города", "городу", "город", "городом", "городе"], None),
    },
    "uk": {
        "область": ("f", ["область", "області", "області", "область", "областю", "області"],
                    ["області", "областей", "областям", "області", "областями", "областях"]),
        "край": ("m", ["край", "краю", "краю", "край", "краєм", "краї"], None),
        "республіка": ("f", ["республіка", "республіки", "республіці", "республіку", "республікою", "республіці"], None),
        "округ": ("m", ["округ", "округу", "округу", "округ", "округом", "окрузі"], None),
        "море": ("n", ["море", "моря", "морю", "море", "морем", "морі"], None),
        "регіон": ("m", ["регіон", "регіону", "регіону", "регіон", "регіоном", "регіоні"], None),
        "федерація": ("f", ["федерація", "федерації", "федерації", "федерацію", "федерацією", "федерації"], None),
        "півострів": ("m", ["півострів", "півострова", "півострову", "півострів", "півостровом", "півострові"], None),
        "місто": ("n", ["місто", "міста", "місту", "місто", "містом", "місті"], None),
    },
}

_HUSH = set("гкхжшчщц")


def _ru_adj(word: str, gender: str) -> list[list[str]] | None:
    """Case forms of a Russian adjective given its nominative and the head's gender."""
    for end in ("ая", "яя", "ий", "ый", "ой", "ое", "ее"):
        if word.endswith(end) and len(word) > 3:
            stem = word[:-2]
            break
    else:
        return None
    y = "и" if stem[-1:] in _HUSH else "ы"
    soft = word.endswith(("яя", "ее")) or (word.endswith("ий") and stem[-1:] not in _HUSH)
    if gender == "f":
        if soft:
            return [[stem + "яя"], [stem + "ей"], [stem + "ей"], [stem + "юю"], [stem + "ей", stem + "ею"], [stem + "ей"]]
        return [[stem + "ая"], [stem + "ой"], [stem + "ой"], [stem + "ую"], [stem + "ой", stem + "ою"], [stem + "ой"]]
    nom = word if gender == "m" else stem + ("ее" if soft else "ое")
    if gender == "m" and word.endswith(("ая", "яя")):
        nom = stem + ("ий" if (soft or stem[-1:] in _HUSH) else "ый")
    if soft:
        return [[nom], [stem + "его"], [stem + "ему"], [nom], [stem + "им"], [stem + "ем"]]
    return [[nom], [stem + "ого"], [stem + "ому"], [nom], [stem + y + "м"], [stem + "ом"]]


def _uk_adj(word: str, gender: str) -> list[list[str]] | None:
    for end in ("а", "ий", "е", "ій", "я"):
        if word.endswith(end) and len(word) > 3:
            stem = word[: -len(end)]
            break
    else:
        return None
    if not re.search(r"(?:ськ|цьк|зьк|н|в|к|ч|с|т)$", stem):
        return None
    if gender == "f":
        return [[stem + "а"], [stem + "ої"], [stem + "ій"], [stem + "у"], [stem + "ою"], [stem + "ій"]]
    nom = stem + ("ий" if gender == "m" else "е")
    return [[nom], [stem + "ого"], [stem + "ому"], [nom], [stem + "им"], [stem + "ому", stem + "ім"]]


def _noun_forms(word: str, lang: str) -> list[list[str]]:
    """Case forms of a proper noun by its ending (Крым, Москва, Чувашия, Рязань, Харківщина)."""
    w = word
    if lang == "ru":
        if w.endswith("ия"):
            s = w[:-2]
            return [[w], [s + "ии"], [s + "ии"], [s + "ию"], [s + "ией"], [s + "ии"]]
        if w.endswith("ея"):
            s = w[:-2]
            return [[w], [s + "еи"], [s + "ее"], [s + "ею"], [s + "еей"], [s + "ее"]]
        if w.endswith("ье"):
            s = w[:-1]
            return [[w], [s + "я"], [s + "ю"], [w], [s + "ем"], [s + "е"]]
        if w.endswith("а"):
            s = w[:-1]
            y = "и" if s[-1:] in _HUSH else "ы"
            return [[w], [s + y], [s + "е"], [s + "у"], [s + "ой", s + "ою"], [s + "е"]]
        if w.endswith("я"):
            s = w[:-1]
            return [[w], [s + "и"], [s + "е"], [s + "ю"], [s + "ей"], [s + "е"]]
        if w.endswith("ь"):
            s = w[:-1]
            return [[w], [s + "и"], [s + "и"], [w], [s + "ью"], [s + "и"]]
        if w[-1:] in "бвгджзклмнпрстфхцчшщй":
            s = w[:-1] + "е" if w.endswith("й") else w
            if w.endswith("й"):
                s = w[:-1]
                return [[w], [s + "я"], [s + "ю"], [w], [s + "ем"], [s + "е"]]
            return [[w], [w + "а"], [w + "у"], [w], [w + "ом"], [w + "е", w + "у"]]
        return [[w]] * 6
    # Ukrainian
    if w.endswith("ття") or w.endswith("жжя") or w.endswith("'я") or w.endswith("ʼя") or w.endswith("сся"):
        s = w[:-1]
        return [[w], [w], [s + "ю"], [w], [s + "ям"], [s + "і"]]
    if w.endswith("ія"):
        s = w[:-1]
        return [[w], [s + "ї"], [s + "ї"], [s + "ю"], [s + "єю"], [s + "ї"]]
    if w.endswith("а"):
        s = w[:-1]
        return [[w], [s + "и"], [s + "і"], [s + "у"], [s + "ою"], [s + "і"]]
    if w.endswith("я"):
        s = w[:-1]
        return [[w], [s + "і"], [s + "і"], [s + "ю"], [s + "ею"], [s + "і"]]
    if w.endswith("ь"):
        s = w[:-1]
        return [[w], [s + "і"], [s + "і"], [w], [s + s[-1:] + "ю"], [s + "і"]]
    if w[-1:] in "бвгґджзклмнпрстфхцчшщй":
        return [[w], [w + "у", w + "а"], [w + "у", w + "ові"], [w], [w + "ом"], [w + "і", w + "у"]]
    return [[w]] * 6


def inflect_phrase(phrase: str, lang: str) -> set[str]:
    """All case forms (singular) of a Russian/Ukrainian place phrase, with adjectives agreeing with
    the head noun: "Брянская область" → {"брянская область", "брянской области", …};
    "Республика Татарстан" → {"республики татарстан", …}; "Харківщина" → {"харківщині", …}.
    Returns folded strings. The plural of the head noun is also generated for region phrases
    ("Брянской и Курской областей" is handled by the scanner, not here)."""
    words = fold(phrase).split(" ")
    if lang not in ("ru", "uk") or not is_cyrillic(phrase):
        return {" ".join(words)}
    heads = _HEAD_NOUNS[lang]
    hi = next((i for i, w in enumerate(words) if w in heads), None)
    if hi is None:
        # proper noun head = last word unless it is indeclinable; preceding adjectives agree
        hi = len(words) - 1
        last = words[hi]
        gender = "f" if last.endswith(("а", "я", "ь")) else ("n" if last.endswith(("о", "е")) else "m")
        head_forms = _noun_forms(last, lang)
    else:
        gender, sg, _pl = heads[words[hi]]
        head_forms = [[f] for f in sg]
    per_word: list[list[list[str]]] = []
    for i, w in enumerate(words):
        if i == hi:
            per_word.append(head_forms)
        elif i < hi:
            adj = (_ru_adj if lang == "ru" else _uk_adj)(w, gender)
            per_word.append(adj if adj else [[w]] * 6)
        else:
            per_word.append([[w]] * 6)
    out: set[str] = set()
    for case in range(6):
        combos = [""]
        for forms in per_word:
            combos = [(c + " " + f).strip() for c in combos for f in forms[case]]
        out.update(combos)
    return out


def adjective_forms(adj: str, lang: str) -> set[str]:
    """All gender/case forms of a region adjective ("Брянская" → брянской, брянский, брянского…)."""
    out: set[str] = set()
    fn = _ru_adj if lang == "ru" else _uk_adj
    a = fold(adj)
    for g in ("f", "m", "n"):
        forms = fn(a, g)
        if forms:
            for case in forms:
                out.update(case)
    return out


# --- tokenisation --------------------------------------------------------------------------
TOKEN_RE = re.compile(r"[^\W\d_](?:[^\W\d_]|['’ʼ`](?=[^\W\d_]))*")
_ELISION = re.compile(r"^(?:l|d|j|m|n|s|t|qu|jusqu|lorsqu|puisqu)['’ʼ`](?=[aeiouyhàâäéèêëîïôöûüœAEIOUYHÀÂÉÈÊÎÏÔÖÛÜ])", re.I)


def tokenize(text: str) -> list[tuple[int, int, str]]:
    """Word tokens (start, end, folded key). Hyphens split words; French elisions (d', l') are
    dropped from the token; apostrophes inside a word are kept out of the key."""
    out = []
    for m in TOKEN_RE.finditer(text):
        s, e = m.start(), m.end()
        w = m.group()
        el = _ELISION.match(w)
        if el and len(w) > el.end():
            s += el.end()
            w = w[el.end():]
        out.append((s, e, fold(w)))
    return out
