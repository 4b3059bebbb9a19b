"""Weapon mentions (models and class nouns) in en/fr/ru/uk text.

The taxonomy is data: ``lexicons/weapons.jsonl``, one line per model (or generic class noun) with
``{"model", "class", "aliases": {"en": [...], "fr": [...], "ru": [...], "uk": [...]}}``. It is read
lazily, once, and compiled into a single regular expression.

Alias syntax:
* case-insensitive literal text; a space matches any run of whitespace;
* ``*`` at the end of a word = any continuation of that word (inflections: "беспилотн*" matches
  "беспилотников", "беспилотные"; "drone*" matches "drones");
* ``=`` prefix = case-sensitive ("=HARM" is not "harm", "=Grad" is not "grad");
* in an alias with digits, a hyphen may be a hyphen, a dash, a space or nothing, a leading
  "Kh"/"X" also matches Cyrillic "Х", "S-" matches "С-", and Latin capitals match their Cyrillic
  look-alikes (so "Kh-101", "X-101", "Х-101", "Kh101" are one model).
A match cannot start right after a letter, digit or hyphen ("anti-drone", "anti-aircraft" are not
weapons) and an alias without ``*`` cannot continue into a letter or digit.

Classes: drone, missile, ballistic_missile, cruise_missile, glide_bomb, rocket, artillery,
aircraft (the contract's vocabulary minus mixed/unknown, which :func:`combine_classes` produces).
Decisions: naval drones (безэкипажные катера, Magura, Sea Baby) are ``drone``; Geran = Shahed;
a bare "Iskander" is the ballistic Iskander-M; Kinzhal is ``ballistic_missile``; S-300/S-400 and
HARM are ``missile`` (peer table: surface-to-air / anti-radiation); Zircon and Kh-31P are
``cruise_missile``; KAB/UMPK/FAB/JDAM/Hammer are ``glide_bomb``; HIMARS/Grad/Vilkha/Vampire are
``rocket``.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable

__all__ = ["WeaponSpan", "find_weapons", "combine_classes", "weapon_lexicon", "MISSILE_FAMILY"]

_LEX = Path(__file__).resolve().parent / "lexicons" / "weapons.jsonl"

MISSILE_FAMILY = frozenset({"missile", "ballistic_missile", "cruise_missile"})
_CLASSES = ("drone", "missile", "ballistic_missile", "cruise_missile", "glide_bomb", "rocket",
            "artillery", "aircraft")


@dataclass(frozen=True)
class WeaponSpan:
    start: int
    end: int
    text: str
    weapon_class: str
    model: str | None


@lru_cache(maxsize=1)
def weapon_lexicon() -> tuple[dict, ...]:
    """The taxonomy rows (read once)."""
    with _LEX.open(encoding="utf-8") as f:
        return tuple(json.loads(line) for line in f if line.strip())


_HOMO = {"A": "АA", "B": "ВB", "C": "СC", "E": "ЕE", "H": "НH", "K": "КK", "M": "МM", "O": "ОO",
         "P": "РP", "T": "ТT", "X": "ХX", "Y": "УY",
         "А": "АA", "В": "ВB", "С": "СC", "Е": "ЕE", "Н": "НH", "К": "КK", "М": "МM", "О": "ОO",
         "Р": "РP", "Т": "ТT", "Х": "ХX", "У": "УY"}
_DASH = r"[-‐‑‒–—\s]?"


def _alias_regex(alias: str) -> str:
    cs = alias.startswith("=")
    if cs:
        alias = alias[1:]
    has_digit = any(c.isdigit() for c in alias)
    out = []
    i = 0
    if has_digit:
        m = re.match(r"(?:Kh|X|Х)-?(?=\d)", alias)
        if m:
            out.append(r"(?:Kh|KH|kh|X|Х|x|х)" + _DASH)
            i = m.end()
        else:
            m = re.match(r"[SС]-(?=\d)", alias)
            if m:
                out.append(r"[SСsс]" + _DASH)
                i = m.end()
    while i < len(alias):
        c = alias[i]
        if c == "*":
            out.append(r"[\w'’ʼ-]*" if False else r"\w*")
        elif c == " ":
            out.append(r"\s+")
        elif c == "-" and has_digit:
            out.append(_DASH)
        elif c == "-":
            out.append(r"[-‐‑]\s?")
        elif has_digit and c in _HOMO:
            out.append("[" + _HOMO[c] + "]")
        elif c in "'’":
            out.append("['’ʼ]")
        elif c in "еЕ" and not has_digit:
            out.append("[еёЕЁ]" if c == "е" else "[ЕЁ]")
        else:
            out.append(re.escape(c))
        i += 1
    body = "".join(out)
    if not alias.endswith("*"):
        body += r"(?![\w])"
    if cs:
        body = "(?-i:" + body + ")"
    return body


def _first_chars(alias: str) -> set[str]:
    """Lower-cased characters an alias can start with in text (homoglyphs, Kh/X/Х, S/С)."""
    a = alias.lstrip("=")
    has_digit = any(c.isdigit() for c in a)
    if has_digit and re.match(r"(?:Kh|X|Х)-?\d", a):
        return {"k", "x", "х"}
    if has_digit and re.match(r"[SС]-\d", a):
        return {"s", "с"}
    c = a[0]
    if has_digit and c in _HOMO:
        return {x.lower() for x in _HOMO[c]}
    if c.lower() in ("е", "ё"):
        return {"е", "ё"}
    return {c.lower()}


@lru_cache(maxsize=1)
def _compiled() -> tuple[dict, tuple[tuple[str, str | None], ...]]:
    """Aliases compiled into one alternation per possible first character (longest alias first)."""
    entries: list[tuple[float, str, str, str | None]] = []
    for row in weapon_lexicon():
        seen = set()
        for lang_aliases in row.get("aliases", {}).values():
            for a in lang_aliases:
                if a in seen:
                    continue
                seen.add(a)
                # rank: literal length (longest first), models before class nouns on ties
                entries.append((len(a.replace("*", "").lstrip("=")) + (0.5 if row.get("model") else 0), a, row["class"], row.get("model")))
    entries.sort(key=lambda e: -e[0])
    meta = []
    buckets: dict[str, list[str]] = {}
    for k, (_, alias, cls, model) in enumerate(entries):
        meta.append((cls, model))
        part = f"(?P<g{k}>{_alias_regex(alias)})"
        for ch in _first_chars(alias):
            buckets.setdefault(ch, []).append(part)
    compiled = {ch: re.compile("(?:" + "|".join(parts) + ")", re.IGNORECASE) for ch, parts in buckets.items()}
    return compiled, tuple(meta)


_START_RE = re.compile(r"(?<![\w\-‐‑])\w")


# English "missile defence", "drone production" … are not weapon mentions; the first is excluded
# here (air-defence vocabulary), the rest is the caller's business.
_NOT_WEAPON_AFTER = re.compile(r"\s*(?:defen[cs]e|shield|warning|alert|danger)", re.IGNORECASE)


@lru_cache(maxsize=4096)
def _find_cached(text: str) -> tuple[WeaponSpan, ...]:
    buckets, meta = _compiled()
    out = []
    pos = 0
    for st in _START_RE.finditer(text):
        i = st.start()
        if i < pos:
            continue
        rx = buckets.get(text[i].lower())
        if rx is None:
            continue
        m = rx.match(text, i)
        if not m or not m.lastgroup:
            continue
        cls, model = meta[int(m.lastgroup[1:])]
        s, e = m.start(), m.end()
        pos = e
        if cls in MISSILE_FAMILY and model is None and _NOT_WEAPON_AFTER.match(text[e:e + 12]):
            continue
        out.append(WeaponSpan(s, e, text[s:e], cls, model))
    return tuple(out)


def find_weapons(text: str, lang: str) -> list[WeaponSpan]:
    """Weapon mentions in text order, non-overlapping (longest alias wins at a position).

    Aliases of all four languages are applied whatever ``lang`` is (mixed and machine-translated
    sentences; the aliases do not collide). A model and a class noun next to each other ("крылатых
    ракет Х-101") are two spans: use :func:`combine_classes` on their classes."""
    if not text:
        return []
    return list(_find_cached(text))


def combine_classes(classes: Iterable[str]) -> str:
    """One weapon class for a group of mentions.

    * no class (or only unknown) → ``unknown``; one class → it;
    * generic ``missile`` next to a specific missile class is absorbed ("ракеты Х-101" → cruise);
      ballistic + cruise (several missile types) → ``missile``;
    * ``aircraft`` next to bombs/missiles/drones is the launch platform and is dropped
      ("Su-34 dropped KAB" → glide_bomb);
    * artillery + rocket ("снаряды РСЗО HIMARS") → ``rocket``;
    * anything else with two or more classes (missiles + drones, drones + glide bombs) → ``mixed``.
    """
    cs = {c for c in classes if c and c not in ("unknown",)}
    if "mixed" in cs:
        return "mixed"
    if not cs:
        return "unknown"
    if len(cs) > 1 and "aircraft" in cs:
        cs.discard("aircraft")
    if cs == {"artillery", "rocket"}:
        return "rocket"  # "снаряды РСЗО", "reactive shells": rocket artillery
    if len(cs) == 1:
        return next(iter(cs))
    missiles = cs & MISSILE_FAMILY
    rest = cs - MISSILE_FAMILY
    if missiles and not rest:
        specific = missiles - {"missile"}
        if len(specific) == 1:
            return next(iter(specific))
        return "missile"
    return "mixed"
