"""Thin adapters over the sibling helpers (numbers, dates, weapons, gazetteer).

Every call goes through here so that the rule code sees one stable shape, and so that a
missing or failing helper degrades (with a minimal built-in fallback) instead of breaking
extraction.  Fallbacks are deliberately small; the helpers are the real implementations.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import Any

log = logging.getLogger(__name__)


@dataclass
class Num:
    start: int
    end: int
    text: str
    value: int | None
    qualifier: str | None = None   # exact|at_least|approximate|None
    kind: str | None = None


@dataclass
class Wpn:
    start: int
    end: int
    text: str
    weapon_class: str
    model: str | None = None


@dataclass
class Plc:
    start: int
    end: int
    text: str
    place: Any = None

    @property
    def admin1_code(self):
        return getattr(self.place, "admin1_code", None)

    @property
    def country_code(self):
        return getattr(self.place, "country_code", None)

    @property
    def feature_code(self):
        return getattr(self.place, "feature_code", None)

    @property
    def geo_precision(self):
        return getattr(self.place, "geo_precision", None)


# ---------------------------------------------------------------- numbers

_FALLBACK_WORDS = {
    "en": {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
           "nine": 9, "ten": 10, "eleven": 11, "twelve": 12},
    "fr": {"un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
           "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12},
}


def find_numbers(text: str, lang: str) -> list[Num]:
    try:
        from . import numbers as _n
        out = []
        for s in _n.find_numbers(text, lang):
            v = getattr(s, "value", None)
            if isinstance(v, float) and v.is_integer():
                v = int(v)
            out.append(Num(s.start, s.end, s.text, v, getattr(s, "qualifier", None),
                           getattr(s, "kind", None)))
        return out
    except ImportError:
        pass
    except Exception as exc:  # pragma: no cover
        log.warning("numbers helper failed: %s", exc)
    out = []
    words = _FALLBACK_WORDS.get(lang, {})
    for m in re.finditer(r"\b\d{1,3}(?:[ \u00a0\u202f,]\d{3})+\b|\b\d+\b|\b[A-Za-zéè]+\b", text):
        t = m.group()
        if t[0].isdigit():
            out.append(Num(m.start(), m.end(), t, int(re.sub(r"\D", "", t)), "exact", "cardinal"))
        elif t.lower() in words:
            out.append(Num(m.start(), m.end(), t, words[t.lower()], "exact", "cardinal"))
    return out


def is_distributive(text: str, lang: str, num: Num) -> bool:
    """Does the number distribute over a list ("three each", "trois chacun", "по три")?"""
    try:
        from . import numbers as _n
        return bool(_n.is_distributive(text, num))
    except ImportError:
        pass
    except Exception:
        pass
    tail = text[num.end:num.end + 40].lower()
    if lang == "en":
        return re.match(r"\s*(?:drones?\s+|[a-z-]+\s+)?each\b", tail) is not None
    if lang == "fr":
        return re.match(r"\s*(?:drones?\s+|appareils\s+)?(?:chacun|chacune|dans\s+chacune|au-dessus\s+de\s+chacune)", tail) is not None
    return False


# ---------------------------------------------------------------- weapons

_FALLBACK_WEAPONS = [
    (r"ballistic missiles?|missiles? balistiques?|Iskander(?:-M)?|KN-23|Kinzhal|ATACMS", "ballistic_missile"),
    (r"cruise missiles?|missiles? de croisière|Kh-\d+|Kalibr|Storm Shadow|Neptune", "cruise_missile"),
    (r"glide bombs?|bombes? planantes?|bombes? guidées?|KAB|JDAM", "glide_bomb"),
    (r"missiles?", "missile"),
    (r"rockets?|roquettes?|HIMARS", "rocket"),
    (r"Shaheds?|Gerans?|drones?|UAVs?|appareils|unmanned aerial vehicles?", "drone"),
]


def find_weapons(text: str, lang: str) -> list[Wpn]:
    try:
        from . import weapons as _w
        return [Wpn(s.start, s.end, s.text, s.weapon_class, getattr(s, "model", None))
                for s in _w.find_weapons(text, lang)]
    except ImportError:
        pass
    except Exception as exc:  # pragma: no cover
        log.warning("weapons helper failed: %s", exc)
    out = []
    taken = []
    for pat, cls in _FALLBACK_WEAPONS:
        for m in re.finditer(r"\b(?:%s)\b" % pat, text, re.IGNORECASE):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            out.append(Wpn(m.start(), m.end(), m.group(), cls, None))
    out.sort(key=lambda w: w.start)
    return out


def combine_classes(classes) -> str:
    classes = [c for c in classes if c and c != "unknown"]
    try:
        from . import weapons as _w
        return _w.combine_classes(classes)
    except Exception:
        pass
    s = set(classes)
    if not s:
        return "unknown"
    if len(s) == 1:
        return s.pop()
    if s <= {"missile", "ballistic_missile", "cruise_missile"}:
        return "missile"
    return "mixed"


# ---------------------------------------------------------------- dates

def resolve_for_sentence(text: str, lang: str, published):
    """→ dict(event_date, start, end, precision, date_text) or None when no time expression."""
    try:
        from . import dates as _d
        res, dtext = _d.resolve_for_sentence(text, lang, published)
    except ImportError:
        return None
    except Exception as exc:  # pragma: no cover
        log.warning("dates helper failed: %s", exc)
        return None
    if not dtext:
        return None
    return {"event_date": _iso(getattr(res, "event_date", None)),
            "event_date_start": _iso(getattr(res, "start", None)),
            "event_date_end": _iso(getattr(res, "end", None)),
            "date_precision": getattr(res, "precision", None) or "unknown",
            "date_text": dtext}


def find_time_spans(text: str, lang: str) -> list[tuple[int, int]]:
    try:
        from . import dates as _d
        return [(t.start, t.end) for t in _d.find_time_expressions(text, lang)]
    except Exception:
        return []


def _iso(d):
    if d is None:
        return None
    return d if isinstance(d, str) else d.isoformat()


# ---------------------------------------------------------------- places

def find_places(gaz, text: str, lang: str) -> list[Plc]:
    if gaz is None:
        return []
    try:
        return [Plc(m.start, m.end, m.text, m.place) for m in gaz.find_places(text, lang)]
    except Exception as exc:  # pragma: no cover
        log.warning("gazetteer find_places failed: %s", exc)
        return []


def resolve_place(gaz, text: str, lang: str, country_hint=None):
    if gaz is None or not text:
        return None
    try:
        return gaz.resolve(text, lang, country_hint)
    except TypeError:
        try:
            return gaz.resolve(text, lang)
        except Exception:
            return None
    except Exception:
        return None
