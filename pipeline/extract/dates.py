"""Time expressions (en, fr, ru, uk) and their resolution against the publication date.

Pure functions, no I/O at import (month and weekday names are read lazily from
``lexicons/<lang>/dates.jsonl``). ``dateparser.search_dates`` is not used: expressions are found
with our own patterns; ``dateparser.parse`` is only a fallback for an explicit-date span our own
parser cannot read.

Kinds returned by :func:`find_time_expressions`:

``night``          overnight / dans la nuit / ночью / за ночь / в течение прошедшей ночи / вночі
``weekday_night``  nuit de vendredi à samedi / overnight into Monday / в ночь на четверг
``date_night``     у ніч на 14 жовтня / dans la nuit du 3 au 4 avril / overnight on Aug. 13
``weekday``        mardi / on Sunday / Tuesday afternoon / early Thursday / в воскресенье
``evening``        Saturday evening / on Friday evening / В пятницу вечером / vendredi soir
``explicit_date``  March 18 / On July 8 / 18 mars / 21 января (a year may follow)
``relative_day``   today, yesterday, hier (soir), aujourd'hui, la veille, вчера (вечером), сегодня, вчора
``daytime``        днем / au cours de la journée / depuis le début de la journée / during the day
``clock_time``     В период с 16.00 мск до 20.00 мск / около 15.45 мск / between 11 p.m. and 7 a.m.
``daily_summary``  за сутки / за прошедшие сутки / протягом доби / over the past day / 24 hours
``last_week``      last week / la semaine dernière / на прошлой неделе / минулого тижня
``dateline``       "March 18 (Reuters) -", "MOSCOW, August 28. /TASS/.", "Publié le 26 avril 2025 à 09h47": resolved like an explicit date,
                   used by resolve_for_sentence only when nothing else is in the sentence.
``report_day``     a weekday, date or "today" that dates the statement, not the event ("said on Tuesday",
                   "a indiqué mardi", "сообщили в среду"); used by resolve_for_sentence only when
                   nothing else is in the sentence.

Adjacent expressions ("overnight and early Thursday", "1 августа в период с 18:00 до 21:00 мск",
"Сегодня около 11:30 мск") are merged into one span whose kind is the most specific part.

Resolution rules (see :func:`resolve`) follow the gold conventions; a missing or month-only
publication date never yields a guessed event date.
"""
from __future__ import annotations

import datetime as _dt
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

__all__ = ["TimeExpr", "DateResolution", "find_time_expressions", "resolve", "resolve_for_sentence",
           "parse_published"]

_LEX = Path(__file__).resolve().parent / "lexicons"
_APOS = "'’ʼ`´‘"


@dataclass(frozen=True)
class TimeExpr:
    start: int
    end: int
    text: str
    kind: str


@dataclass(frozen=True)
class DateResolution:
    event_date: str | None
    start: str | None
    end: str | None
    precision: str  # day | night | week | month | unknown


UNKNOWN = DateResolution(None, None, None, "unknown")


def _norm(word: str) -> str:
    return re.sub(f"[{_APOS}]", "'", word.lower()).replace("ё", "е")


@lru_cache(maxsize=None)
def _lex() -> tuple[dict, dict]:
    """(month form -> 1..12, weekday form -> 0..6) over all four languages."""
    months: dict[str, int] = {}
    weekdays: dict[str, int] = {}
    for lg in ("en", "fr", "ru", "uk"):
        p = _LEX / lg / "dates.jsonl"
        if not p.exists():
            continue
        with p.open(encoding="utf-8") as f:
            for line in f:
                if not line.strip():
                    continue
                row = json.loads(line)
                key = _norm(row["word"])
                if row["type"] == "month":
                    months.setdefault(key, row["value"])
                elif row["type"] == "weekday":
                    # abbreviations (Mon, Tue, Sun…) are not used: too ambiguous in running text
                    if len(key) > 4 or lg != "en":
                        weekdays.setdefault(key, row["value"])
    return months, weekdays


def _alt(words) -> str:
    forms = sorted(set(words), key=len, reverse=True)
    out = []
    for w in forms:
        e = re.escape(w).replace("'", f"[{_APOS}]")  # ё is folded to е before matching
        out.append(e)
    return "(?:" + "|".join(out) + ")"


_NEVER = "(?!)"


@lru_cache(maxsize=512)
def _patterns(wd_forms: tuple = (), mon_forms: tuple = ()) -> list[tuple[str, re.Pattern, str]]:
    """Patterns, with the weekday and month alternations restricted to the forms present in the
    text (found by the cheap gates): a 60-word alternation tried at every position is slow."""
    months, weekdays = _lex()
    # months: full names, plus short English/French forms followed by a period
    full_months = [m for m in mon_forms if len(m) > 4 or m in ("mars", "mai", "juin", "may", "june", "july", "aout", "août", "марта", "мая", "июня", "июля", "март", "май", "июнь", "июль")]
    short_months = [m for m in mon_forms if m not in full_months]
    alts = [x for x in ((_alt(full_months) if full_months else ""), (_alt(short_months) + r"\.") if short_months else "") if x]
    MON = "(?:" + "|".join(alts) + ")" if alts else _NEVER
    alts = [x for x in ((_alt(full_months) if full_months else ""), (_alt(short_months) + r"\.?") if short_months else "") if x]
    MON_MD = "(?:" + "|".join(alts) + ")" if alts else _NEVER  # "Aug 2", "Sept. 14"
    WD = _alt(wd_forms) if wd_forms else _NEVER
    D = r"\d{1,2}(?:er|st|nd|rd|th)?"
    Y = r"(?:,?\s+\d{4}(?:\s*(?:г\.|года|р\.|року))?)?"
    DATE_DM = rf"{D}\s+{MON}{Y}"
    DATE_MD = rf"{MON_MD}\s+{D}\b{Y}"
    DATE = rf"(?:{DATE_DM}|{DATE_MD})"
    T = r"\d{1,2}(?:[:.h]\s?\d{2})?"
    MSK = r"(?:\s*(?:мск|msk|по\s+московскому\s+времени|за\s+київським\s+часом))?"
    AMPM = r"\s*(?:a\.m\.|p\.m\.|am\b|pm\b|h\b|ч\b)?"
    TZ_EN = r"(?:\s+(?:Moscow|Kyiv|Kiev|local)\s+time)?"
    PART_EN = r"(?:morning|afternoon|evening|night)"
    P: list[tuple[str, str]] = [
        # ---------------- nights naming a date
        ("date_night", rf"\b(?:overnight|(?:during|in|on)\s+the\s+night)\s+(?:on|of|into|to)\s+(?:the\s+)?{DATE}"),
        ("date_night", rf"\b(?:(?:dans|pendant|durant|au\s+cours\s+de|lors\s+de)\s+)?la\s+nuit\s+du\s+{D}(?:\s+{MON})?(?:\s+au\s+{D})?\s+{MON}{Y}"),
        ("date_night", rf"\b(?:в|во)\s+ночь\s+(?:с\s+{D}(?:\s+{MON})?\s+)?на\s+{DATE_DM}"),
        ("date_night", rf"(?:\b[ву]\s+|\bу)ніч\s+(?:з\s+{D}(?:\s+{MON})?\s+)?на\s+{DATE_DM}"),
        # ---------------- nights naming a weekday
        ("weekday_night", rf"\b(?:overnight|(?:during|in|on)\s+the\s+night)\s+(?:(?:on|of|from)\s+{WD}\s+)?(?:into|to|on)\s+{WD}"),
        ("weekday_night", rf"\bovernight\s+{WD}\s+(?:into|to)\s+{WD}"),
        ("weekday_night", rf"\b{WD}\s+night\s+(?:into|to)\s+{WD}"),
        ("weekday_night", rf"\b(?:(?:dans|pendant|durant|au\s+cours\s+de|lors\s+de)\s+)?la\s+nuit\s+(?:de|du)\s+{WD}\s+(?:à|au|a)\s+{WD}"),
        # a clock range across midnight names the night by its two days: "between 11 p.m. on Saturday
        # and 7 a.m. on Sunday", "entre 23h00 samedi et 07h00 dimanche", "de 20 h vendredi à 6 h samedi"
        ("weekday_night", rf"\b(?:between|from)\s+{T}{AMPM}\s+(?:on\s+)?{WD}\s+(?:and|to|until|till)\s+{T}{AMPM}\s+(?:on\s+)?{WD}"),
        ("weekday_night", rf"\b(?:entre|de)\s+{T}{AMPM}\s*(?:le\s+)?{WD}\s+(?:et|à|a|jusqu['’]à)\s+{T}{AMPM}\s*(?:le\s+)?{WD}"),
        ("weekday_night", rf"\b(?:в|во)\s+ночь\s+(?:с\s+{WD}\s+)?на\s+{WD}"),
        ("weekday_night", rf"(?:\b[ву]\s+|\bу)ніч\s+(?:з\s+{WD}\s+)?на\s+{WD}"),
        # ---------------- explicit dates
        ("explicit_date", rf"\b(?:(?:on|le|du)\s+)?{DATE}"),
        # ---------------- clock times / ranges (with optional dates inside)
        ("clock_time", rf"\b(?:в\s+период\s+|в\s+промежутке\s+)?с\s+{T}{MSK}(?:\s+{DATE_DM})?\s+(?:до|по)\s+{T}{MSK}(?:\s+{DATE_DM})?"),
        ("clock_time", rf"\b(?:в\s+період\s+|у\s+період\s+)?з\s+{T}{MSK}(?:\s+{DATE_DM})?\s+до\s+{T}{MSK}(?:\s+{DATE_DM})?"),
        ("clock_time", rf"\b(?:около|близько|примерно|приблизно|в|о|об)\s+{T}(?:\s*(?:мск|часов|часа|час|годин[иі]?)(?:\s+(?:утра|вечера|ночи|дня|ранку|вечора|ночі))?)+(?=\W|$)"),
        ("clock_time", rf"\b(?:около|близько)\s+\d{{1,2}}[.:]\d{{2}}"),
        ("clock_time", rf"\bbetween\s+{T}{AMPM}{TZ_EN}\s+and\s+{T}{AMPM}{TZ_EN}"),
        ("clock_time", rf"\b(?:(?:shortly|just|soon)\s+)?(?:after|before|around|about|at)\s+{T}\s*(?:a\.m\.|p\.m\.|am\b|pm\b|o['’]clock|in\s+the\s+(?:morning|afternoon|evening))(?:{TZ_EN})"),
        ("clock_time", rf"\b(?:entre|de)\s+\d{{1,2}}\s*h(?:\s?\d{{2}})?\s+(?:et|à)\s+\d{{1,2}}\s*h(?:\s?\d{{2}})?(?:\s+(?:heure\s+de\s+Moscou|heure\s+locale))?"),
        ("clock_time", rf"\b(?:vers|peu\s+après|à)\s+\d{{1,2}}\s*h(?:\s?\d{{2}})?\b(?:\s+du\s+(?:matin|soir))?"),
        # ---------------- weekday + evening / weekday
        ("evening", rf"\b(?:(?:on|late|last)\s+)?{WD}\s+(?:evening|night)"),
        ("evening", rf"\b(?:(?:le|ce|dès)\s+)?{WD}\s+soir"),
        ("evening", rf"\b(?:в|во|у)\s+{WD}\s+(?:вечером|ночью|ввечері|увечері|вночі|уночі)"),
        ("evening", rf"\b{WD}\s+(?:вечером|ввечері|увечері)"),
        ("weekday", rf"\b(?:(?:on|early|late|last|this)\s+)?{WD}(?:\s+(?:morning|afternoon))?"),
        ("weekday", rf"\b(?:(?:le|ce|dès)\s+)?{WD}(?:\s+(?:matin|après-midi|apres-midi|midi))?"),
        ("weekday", rf"\b(?:в|во|у)\s+{WD}(?:\s+(?:утром|днем|днём|вранці|вдень|зранку))?"),
        # ---------------- relative days
        ("relative_day", r"\b(?:yesterday|the\s+day\s+before)(?:\s+(?:morning|afternoon|evening))?"),
        ("relative_day", r"\b(?:last\s+(?:evening)|earlier\s+today|today|this\s+(?:morning|afternoon|evening))\b"),
        ("relative_day", r"\bavant-hier(?:\s+soir)?|\bhier(?:\s+(?:soir|matin|après-midi))?\b|\baujourd['’]hui\b|\bla\s+veille\b|\bce\s+(?:matin|soir)\b|\bcet\s+après-midi\b"),
        ("relative_day", r"\b(?:позавчера|вчера|сегодня|накануне)(?:\s+(?:вечером|утром|днем|днём|ночью))?"),
        ("relative_day", r"\b(?:позавчора|вчора|сьогодні|напередодні)(?:\s+(?:ввечері|увечері|вранці|зранку|вдень|вночі))?"),
        # ---------------- daily summaries
        ("daily_summary", r"\b(?:over|in|during|within|for)\s+the\s+(?:past|last|previous|preceding)\s+(?:day|24\s+hours|twenty-four\s+hours)\b|\bin\s+24\s+hours\b"),
        ("daily_summary", r"\b(?:au\s+cours\s+de|pendant|durant|sur)\s+(?:la|les)\s+(?:dernière|derniere|précédente|precedente|passée)s?\s+(?:journée|24\s+heures|vingt-quatre\s+heures)|\bau\s+cours\s+de\s+la\s+journée\s+(?:précédente|d['’]hier|passée)|\b(?:au\s+cours\s+des|ces|durant\s+les|pendant\s+les|sur\s+les)\s+(?:dernières\s+)?24\s+(?:dernières\s+)?heures|\ben\s+24\s+heures"),
        ("daily_summary", r"\b(?:за|в\s+течение)\s+(?:(?:прошедшие|прошедших|минувшие|минувших|последние|последних)\s+)?(?:сутки|суток)\b"),
        ("daily_summary", r"\b(?:протягом|упродовж|впродовж|за)\s+(?:(?:минулої|минулу|останньої|останню|попередньої)\s+)?(?:доби|добу)\b"),
        # ---------------- nights
        ("night", r"\b(?:overnight|during\s+the\s+(?:passed\s+|past\s+)?night|in\s+the\s+night|at\s+night|last\s+night|tonight|over(?:\s+the)?\s+(?:past|last)\s+night|(?:during|in)\s+the\s+early\s+hours|night-time|nighttime)\b"),
        ("night", r"\b(?:dans|pendant|durant|au\s+cours\s+de|lors\s+de)\s+(?:la\s+(?:même\s+)?nuit|cette\s+nuit)(?:\s+dernière)?|\bcette\s+nuit\b|\bla\s+nuit\s+dernière\b|\bnocturnes?\b"),
        ("night", r"\b(?:(?:этой|минувшей|прошедшей|прошлой|сегодня|вчера)\s+)?ночью\b|\bза\s+(?:(?:прошедшую|минувшую)\s+)?ночь\b|\bв\s+течение\s+(?:(?:прошедшей|минувшей|этой|всей)\s+)?ночи\b|\bв\s+ночное\s+время\b"),
        ("night", r"\b(?:вночі|уночі)\b|\b(?:цієї|минулої|сьогодні|вчора)\s+(?:ночі|вночі)\b|\b(?:протягом|упродовж|впродовж)\s+(?:(?:минулої|цієї)\s+)?ночі\b|\bза\s+(?:минулу\s+)?ніч\b|\bв\s+нічний\s+час\b"),
        # ---------------- daytime
        ("daytime", r"\b(?:during\s+the\s+day|in\s+the\s+daytime|this\s+afternoon)\b"),
        ("daytime", r"\b(?:au\s+cours\s+de\s+la\s+journée|dans\s+la\s+journée|pendant\s+la\s+journée|depuis\s+le\s+début\s+de\s+la\s+journée|en\s+journée)"),
        ("daytime", r"\b(?:днем|днём|в\s+течение\s+дня)\b|\b(?:вдень|протягом\s+дня)\b"),
        ("daily_summary", r"\bза\s+(?:минувший\s+|прошедший\s+|минулий\s+)?день\b"),
        # ---------------- last week
        ("last_week", r"\b(?:last\s+week|the\s+previous\s+week|the\s+past\s+week|(?:la|de\s+la)\s+semaine\s+(?:dernière|derniere|passée|passee)|на\s+(?:прошлой|минувшей)\s+неделе|за\s+(?:прошлую|минувшую|прошедшую)\s+неделю|минулого\s+тижня|на\s+минулому\s+тижні|за\s+минулий\s+тиждень)\b"),
    ]
    needs = {"date_night": "MON", "explicit_date": "MON", "weekday_night": "WD", "evening": "WD", "weekday": "WD"}
    out = []
    for k, p in P:
        n = needs.get(k, "")
        if (n == "WD" and not wd_forms) or (n == "MON" and not mon_forms):
            continue
        out.append((k, re.compile(p, re.IGNORECASE), n))
    return out


_WORD_RE = re.compile(r"[^\W\d_]+(?:['’ʼ`´‘]+[^\W\d_]+)*")


_PRIORITY = {"date_night": 10, "weekday_night": 9, "explicit_date": 8, "evening": 7, "weekday": 7,
             "relative_day": 6, "night": 5, "clock_time": 4, "daytime": 3, "daily_summary": 2,
             "last_week": 2, "report_day": 0, "dateline": 0}

_REPORT_BEFORE = re.compile(
    r"(?:\b(?:said|says|reported|announced|told|stated|claimed|added|wrote|confirmed|declared|posted)"
    r"|\ba\s+(?:déclaré|annoncé|indiqué|affirmé|précisé|rapporté|assuré|ajouté|écrit|fait\s+savoir|décrit|signalé|confirmé|communiqué|souligné|expliqué|dit|estimé|publié)"
    r"|\bont\s+(?:déclaré|annoncé|indiqué|affirmé|précisé|rapporté|signalé|confirmé|communiqué|dit|fait\s+savoir)"
    r"|\b(?:сообщил[аио]?|заявил[аио]?|сообщает|заявляет|сообщили|заявили|отметил[аио]?|написал[аио]?)"
    r"|\b(?:повідомив|повідомила|повідомили|заявив|заявила|заявили|зазначив|написав))"
    r"(?:\s+[^\W\d_]+){0,2}\s*,?\s*$",
    re.IGNORECASE,
)


def _raw_expressions(text: str) -> list[TimeExpr]:
    found: list[TimeExpr] = []
    folded = text.replace("ё", "е").replace("Ё", "Е")  # same length: offsets are unchanged
    months, weekdays = _lex()
    words = {_norm(m.group(0)) for m in _WORD_RE.finditer(folded)}
    wd_forms = tuple(sorted(words & weekdays.keys()))
    mon_forms = tuple(sorted(words & months.keys()))
    for kind, rx, _needs in _patterns(wd_forms, mon_forms):
        for m in rx.finditer(folded):
            s, e = m.start(), m.end()
            if e <= s:
                continue
            # trim whitespace the pattern may have eaten
            while e > s and text[e - 1].isspace():
                e -= 1
            found.append(TimeExpr(s, e, text[s:e], kind))
    # keep the longest, then most specific, non-overlapping spans
    found.sort(key=lambda x: (-(x.end - x.start), -_PRIORITY.get(x.kind, 0), x.start))
    chosen: list[TimeExpr] = []
    for x in found:
        if any(x.start < c.end and c.start < x.end for c in chosen):
            continue
        chosen.append(x)
    chosen.sort(key=lambda x: x.start)
    return chosen


_MERGE_GAP = re.compile(r"^[ \t\u00a0,]*(?:(?:and|et|и|і|та|puis)[ \t\u00a0]+)?$", re.IGNORECASE)


def _merge(text: str, exprs: list[TimeExpr]) -> list[TimeExpr]:
    out: list[TimeExpr] = []
    for x in exprs:
        if out:
            p = out[-1]
            gap = text[p.end:x.start]
            mergeable = {p.kind, x.kind} & {"clock_time", "night", "explicit_date", "relative_day", "weekday", "evening", "date_night", "weekday_night", "daytime"}
            if _MERGE_GAP.match(gap) and len({p.kind, x.kind} & {"daily_summary", "last_week"}) == 0 and mergeable \
                    and (p.kind == "clock_time" or x.kind == "clock_time" or {p.kind, x.kind} <= {"night", "weekday", "evening", "relative_day", "explicit_date", "date_night", "weekday_night"}):
                kind = p.kind if _PRIORITY[p.kind] >= _PRIORITY[x.kind] else x.kind
                kinds = {p.kind, x.kind}
                if "night" in kinds and kinds & {"weekday", "evening"}:
                    kind = "weekday_night"  # "overnight and early Thursday"
                elif "night" in kinds and kinds & {"explicit_date", "clock_time"} and _dates_in(text[p.start:x.end]):
                    kind = "date_night"
                out[-1] = TimeExpr(p.start, x.end, text[p.start:x.end], kind)
                continue
        out.append(x)
    return out


_DATELINE_BEFORE = re.compile(r"^[\s\W]*(?:[A-ZА-ЯІЇЄ][A-ZА-ЯІЇЄ .'’-]+,\s*)?$")
_STAMP_BEFORE = re.compile(
    r"(?:\bpublié|\bmis\s+à\s+jour|\bmodifié|\bpublished|\bupdated|\bposted|\bопубликовано|\bобновлено|\bопубліковано|\bоновлено)"
    r"(?:\s+(?:le|on|at|:))?\s*:?\s*$", re.IGNORECASE)
_DATELINE_AFTER = re.compile(r"^\s*[.,]?\s*(?:\(|/|[-–—]\s|\|)")


def _mark_reporting(text: str, exprs: list[TimeExpr]) -> list[TimeExpr]:
    out = []
    for x in exprs:
        if x.kind in ("explicit_date", "relative_day") and _STAMP_BEFORE.search(text[max(0, x.start - 40):x.start]):
            out.append(TimeExpr(x.start, x.end, x.text, "dateline"))  # "Publié le 26 avril 2025 à 09h47"
        elif x.kind == "explicit_date" and _DATELINE_BEFORE.match(text[:x.start]) and _DATELINE_AFTER.match(text[x.end:]):
            # "March 18 (Reuters) -", "MOSCOW, August 28. /TASS/." : the dateline, not the event
            out.append(TimeExpr(x.start, x.end, x.text, "dateline"))
        elif x.kind in ("weekday", "relative_day", "explicit_date") and _REPORT_BEFORE.search(text[max(0, x.start - 60):x.start]):
            out.append(TimeExpr(x.start, x.end, x.text, "report_day"))
        else:
            out.append(x)
    return out


@lru_cache(maxsize=4096)
def _find_cached(text: str) -> tuple[TimeExpr, ...]:
    return tuple(_mark_reporting(text, _merge(text, _raw_expressions(text))))


def find_time_expressions(text: str, lang: str) -> list[TimeExpr]:
    """Time expressions of a sentence, in text order, offsets into ``text``.

    The patterns of all four languages are applied whatever ``lang`` says (machine-translated
    sentences mix them; the words do not collide)."""
    if not text:
        return []
    return list(_find_cached(text))


# ------------------------------------------------------------------------------------------
# resolution

def parse_published(published: str | None) -> tuple[_dt.date | None, str]:
    """(date, precision) of a publication stamp: ("2025-03-18…" → day), ("2025-03" → month);
    the ingest stage's parser, made lenient (anything it rejects is "unknown")."""
    from ..ingest import parse_published as parse_stamp

    try:
        _, iso, precision = parse_stamp(published)
    except ValueError:
        return None, "unknown"
    return (_dt.date.fromisoformat(iso) if iso else None), precision


def _on_or_before(pub: _dt.date, weekday: int) -> _dt.date:
    return pub - _dt.timedelta(days=(pub.weekday() - weekday) % 7)


def _iso(d: _dt.date | None) -> str | None:
    return d.isoformat() if d else None


def _day(d: _dt.date) -> DateResolution:
    return DateResolution(d.isoformat(), d.isoformat(), d.isoformat(), "day")


def _night(d: _dt.date) -> DateResolution:
    return DateResolution(d.isoformat(), (d - _dt.timedelta(days=1)).isoformat(), d.isoformat(), "night")


def _weekdays_in(text: str) -> list[int]:
    _, weekdays = _lex()
    out = []
    for m in re.finditer(r"[^\W\d_]+(?:[" + _APOS + r"][^\W\d_]+)*", text):
        k = _norm(m.group(0))
        if k in weekdays:
            out.append(weekdays[k])
    return out


def _dates_in(text: str) -> list[tuple[int | None, int, int | None]]:
    """(day, month, year) triples in an expression, in order. Day may be None for 'du 3 au 4 avril'
    style (then the later day is used)."""
    months, _ = _lex()
    out = []
    toks = list(re.finditer(r"\d{1,4}|[^\W\d_]+", text))
    for i, t in enumerate(toks):
        k = _norm(t.group(0))
        if k in months and not t.group(0).isdigit():
            mon = months[k]
            day = None
            # day before (18 mars, 21 января) or after (March 18)
            if i > 0 and toks[i - 1].group(0).isdigit() and len(toks[i - 1].group(0)) <= 2:
                day = int(toks[i - 1].group(0))
            elif i > 1 and toks[i - 1].group(0).lower() in ("er",) and toks[i - 2].group(0).isdigit():
                day = int(toks[i - 2].group(0))
            elif i + 1 < len(toks) and toks[i + 1].group(0).isdigit() and len(toks[i + 1].group(0)) <= 2:
                day = int(toks[i + 1].group(0))
            year = None
            for j in (i + 1, i + 2):
                if j < len(toks) and re.fullmatch(r"\d{4}", toks[j].group(0)):
                    year = int(toks[j].group(0))
                    break
            if day is not None:
                out.append((day, mon, year))
    return out


def _date_from(day: int, month: int, year: int | None, pub: _dt.date | None) -> _dt.date | None:
    try:
        if year is not None:
            d = _dt.date(year, month, day)
            return None if pub is not None and d > pub else d  # never after publication
        if pub is None:
            return None
        d = _dt.date(pub.year, month, day)
        if d > pub:
            d = _dt.date(pub.year - 1, month, day)
        return d
    except ValueError:
        return None


def _dateparser_fallback(text: str, lang: str, pub: _dt.date) -> _dt.date | None:
    try:
        import dateparser  # lazy: heavy import
        base = _dt.datetime(pub.year, pub.month, pub.day, 12, 0)
        langs = [lang] if lang in ("en", "fr", "ru", "uk") else None
        r = dateparser.parse(text, languages=langs,
                             settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past",
                                       "REQUIRE_PARTS": ["day", "month"]})
        if r is None:
            return None
        d = r.date()
        return d if d <= pub else None
    except Exception:
        return None


def _clock_crosses_midnight(text: str) -> bool:
    times = re.findall(r"(\d{1,2})(?:[:.h]\s?(\d{2}))?\s*(a\.m\.|p\.m\.|am\b|pm\b)?", text, re.IGNORECASE)
    hours = []
    for h, _m, ap in times:
        h = int(h)
        if h > 24:
            continue
        ap = (ap or "").lower().replace(".", "")
        if ap == "pm" and h < 12:
            h += 12
        if ap == "am" and h == 12:
            h = 0
        hours.append(h)
    return len(hours) >= 2 and hours[0] > hours[-1]


@lru_cache(maxsize=8192)
def _resolve_cached(text: str, kind: str, lang: str, published: str | None) -> DateResolution:
    pub, prec = parse_published(published)
    low = text.lower()
    dates = _dates_in(text)
    explicit_year = any(y is not None for _, _, y in dates)
    if pub is None:
        # nothing relative can be fixed; an explicit date with its year still can
        if explicit_year and kind in ("explicit_date", "date_night", "clock_time"):
            d0, m0, y0 = dates[-1]
            d = _date_from(d0, m0, y0, None)
            if d:
                return _night(d) if kind == "date_night" else _day(d)
        if prec == "month":
            return DateResolution(None, None, None, "month")
        return UNKNOWN

    one = _dt.timedelta(days=1)
    if kind == "last_week":
        monday = pub - _dt.timedelta(days=pub.weekday()) - _dt.timedelta(days=7)
        return DateResolution(None, monday.isoformat(), (monday + _dt.timedelta(days=6)).isoformat(), "week")
    if kind == "daily_summary":
        return DateResolution(None, (pub - one).isoformat(), pub.isoformat(), "unknown")
    if dates and kind not in ("daily_summary", "last_week"):
        d0, m0, y0 = dates[-1]
        d = _date_from(d0, m0, y0, pub)
        if d is None:
            return UNKNOWN
        if kind == "date_night" or (kind == "clock_time" and (len({(a, b) for a, b, _ in dates}) > 1 or _clock_crosses_midnight(text))):
            return _night(d)
        if re.search(r"\bnight|nuit|ночь|ночи|ночью|ніч|ночі|вночі", low):
            return _night(d)
        return _day(d)
    if kind == "explicit_date":
        d = _dateparser_fallback(text, lang, pub)
        return _day(d) if d else UNKNOWN
    if kind == "weekday_night":
        wds = _weekdays_in(text)
        if not wds:
            return _night(pub)
        return _night(_on_or_before(pub, wds[-1]))
    if kind in ("weekday", "evening", "report_day"):
        wds = _weekdays_in(text)
        if wds:
            d = _on_or_before(pub, wds[-1])
            if kind != "report_day" and re.search(r"\bnocturne|\bnight\b|ночью|вночі|уночі", low) and kind == "weekday":
                return _night(d)
            return _day(d)
        # report_day made of a relative word ("said today")
        kind = "relative_day"
    if kind == "relative_day":
        if re.search(r"avant-hier|позавчера|позавчора", low):
            return _day(pub - 2 * one)
        if re.search(r"yesterday|day\s+before|last\s+evening|hier|veille|вчера|накануне|вчора|напередодні", low):
            return _day(pub - one)
        if re.search(r"ночью|вночі|night|nuit", low):
            return _night(pub)
        return _day(pub)
    if kind == "night":
        if re.search(r"вчера\s+ночью|вчора\s+вночі", low):
            return _night(pub - one)
        return _night(pub)
    if kind == "clock_time":
        if _clock_crosses_midnight(text):
            return _night(pub)
        if re.search(r"\bnight|ночи|ночі", low):
            return _night(pub)
        return _day(pub)
    if kind == "daytime":
        return _day(pub)
    return UNKNOWN


def resolve(expr: TimeExpr, lang: str, published: str | None) -> DateResolution:
    """Resolve a time expression against the publication stamp.

    * night ("overnight", "dans la nuit", "ночью", "за ночь", "вночі"): the morning that ends the
      night = publication date; precision night, start = the day before, end = event_date.
    * weekday_night ("nuit de vendredi à samedi", "в ночь на четверг", "overnight into Monday"): the
      last named weekday, most recent on/before publication (same weekday = publication day).
    * date_night ("у ніч на 14 жовтня", "nuit du 3 au 4 avril", "nuit du 6 mai"): that (last) date.
    * weekday / evening: most recent such weekday on or before publication (the same weekday is the
      publication day itself, not a week earlier: dateparser's trap).
    * explicit_date: that day in the publication year, the previous year if it would be later
      than publication; an explicit year is used as written (even without a publication date).
    * relative_day: today → publication; yesterday/hier/la veille/вчера/вчора → publication - 1;
      avant-hier/позавчера → -2.
    * clock_time: publication day (or the last date written in the range); a range crossing
      midnight ("с 23.00 … до 7.00", "between 11 p.m. and 7 a.m.") is a night ending that day.
    * daytime: the publication day.
    * daily_summary: event_date null, precision unknown, start/end = the two calendar days.
    * last_week: event_date null, precision week, start/end = Monday..Sunday of the previous week.
    * published missing → unknown; month-only → event_date null with precision "month".
    """
    if expr is None:
        return UNKNOWN
    return _resolve_cached(expr.text, expr.kind, lang or "", published if isinstance(published, str) else None)


def resolve_for_sentence(text: str, lang: str, published: str | None) -> tuple[DateResolution, str | None]:
    """Pick the event's time expression in a sentence and resolve it.

    Highest priority: dated nights > weekday nights > explicit dates > weekdays > relative days >
    nights > clock times > daytime > daily summaries / last week > reporting days ("said on
    Tuesday"). Returns (resolution, date_text) or (unknown, None) when the sentence has none."""
    exprs = find_time_expressions(text, lang)
    if not exprs:
        return UNKNOWN, None
    best = max(exprs, key=lambda x: (_PRIORITY.get(x.kind, 0), -x.start))
    return resolve(best, lang, published), best.text
