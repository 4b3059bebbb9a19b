"""Tests for pipeline.extract.dates (fixtures written for these tests, not taken from the corpus)."""
import pytest
from hypothesis import given, settings, strategies as st

from pipeline.extract.dates import (DateResolution, TimeExpr, find_time_expressions, parse_published, resolve,
                                    resolve_for_sentence)


def exprs(text, lang):
    return [(x.text, x.kind) for x in find_time_expressions(text, lang)]


# ----------------------------------------------------------------------------- finding
@pytest.mark.parametrize("text,lang,expected", [
    ("Air defences downed 30 drones overnight, officials said.", "en", [("overnight", "night")]),
    ("Les drones ont été abattus pendant la nuit.", "fr", [("pendant la nuit", "night")]),
    ("За ночь сбиты 12 беспилотников.", "ru", [("За ночь", "night")]),
    ("Вночі ворог атакував Харків.", "uk", [("Вночі", "night")]),
    ("В течение минувшей ночи перехвачены дроны.", "ru", [("В течение минувшей ночи", "night")]),
    ("dans la nuit de jeudi à vendredi", "fr", [("dans la nuit de jeudi à vendredi", "weekday_night")]),
    ("overnight into Wednesday", "en", [("overnight into Wednesday", "weekday_night")]),
    ("в ночь на понедельник", "ru", [("в ночь на понедельник", "weekday_night")]),
    ("у ніч на 3 березня", "uk", [("у ніч на 3 березня", "date_night")]),
    ("dans la nuit du 9 au 10 mai", "fr", [("dans la nuit du 9 au 10 mai", "date_night")]),
    ("On June 3, a drone hit a depot.", "en", [("On June 3", "explicit_date")]),
    ("le 5 juin, un drone", "fr", [("le 5 juin", "explicit_date")]),
    ("2 апреля беспилотник", "ru", [("2 апреля", "explicit_date")]),
    ("Hier soir, des explosions", "fr", [("Hier soir", "relative_day")]),
    ("Вчора ворог атакував", "uk", [("Вчора", "relative_day")]),
    ("On Thursday evening a drone struck", "en", [("On Thursday evening", "evening")]),
    ("В субботу вечером дрон атаковал", "ru", [("В субботу вечером", "evening")]),
    ("Jeudi, deux drones", "fr", [("Jeudi", "weekday")]),
    ("у вівторок ворог", "uk", [("у вівторок", "weekday")]),
    ("За прошедшие сутки сбито", "ru", [("За прошедшие сутки", "daily_summary")]),
    ("за минулу добу", "uk", [("за минулу добу", "daily_summary")]),
    ("au cours de la dernière journée", "fr", [("au cours de la dernière journée", "daily_summary")]),
    ("over the past 24 hours", "en", [("over the past 24 hours", "daily_summary")]),
    ("la semaine dernière", "fr", [("la semaine dernière", "last_week")]),
    ("last week", "en", [("last week", "last_week")]),
    ("С 09.00 до 11.30 мск сбиты", "ru", [("С 09.00 до 11.30 мск", "clock_time")]),
    ("between 10 p.m. and 5 a.m.", "en", [("between 10 p.m. and 5 a.m.", "clock_time")]),
])
def test_find(text, lang, expected):
    assert exprs(text, lang) == expected


def test_reporting_day_is_marked():
    got = exprs("Drones were shot down overnight, the ministry said on Friday.", "en")
    assert got == [("overnight", "night"), ("on Friday", "report_day")]


def test_dateline_is_marked():
    got = exprs("May 4 (Reuters) - Ukraine downed drones overnight.", "en")
    assert got == [("May 4", "dateline"), ("overnight", "night")]


def test_adjacent_parts_merge():
    assert exprs("overnight and early Friday", "en") == [("overnight and early Friday", "weekday_night")]
    assert exprs("3 мая в период с 10:00 до 12:00 мск", "ru") == [("3 мая в период с 10:00 до 12:00 мск", "explicit_date")]


def test_offsets():
    text = "Вчера вечером беспилотник атаковал автомобиль."
    for x in find_time_expressions(text, "ru"):
        assert text[x.start:x.end] == x.text


# ----------------------------------------------------------------------------- resolving
def R(text, lang, published):
    res, dt = resolve_for_sentence(text, lang, published)
    return res, dt


# 2025-05-14 is a Wednesday
@pytest.mark.parametrize("text,lang,published,expected", [
    ("Drones were downed overnight.", "en", "2025-05-14", DateResolution("2025-05-14", "2025-05-13", "2025-05-14", "night")),
    ("dans la nuit de lundi à mardi", "fr", "2025-05-14", DateResolution("2025-05-13", "2025-05-12", "2025-05-13", "night")),
    ("dans la nuit de mardi à mercredi", "fr", "2025-05-14", DateResolution("2025-05-14", "2025-05-13", "2025-05-14", "night")),
    ("в ночь на среду", "ru", "2025-05-14T07:30:00+03:00", DateResolution("2025-05-14", "2025-05-13", "2025-05-14", "night")),
    # same weekday as publication = that day (dateparser would say a week earlier)
    ("Mercredi, des drones ont frappé", "fr", "2025-05-14", DateResolution("2025-05-14", "2025-05-14", "2025-05-14", "day")),
    ("On Wednesday morning, a drone hit", "en", "2025-05-14", DateResolution("2025-05-14", "2025-05-14", "2025-05-14", "day")),
    ("Lundi, un drone a frappé", "fr", "2025-05-14", DateResolution("2025-05-12", "2025-05-12", "2025-05-12", "day")),
    ("В четверг вечером беспилотник", "ru", "2025-05-14", DateResolution("2025-05-08", "2025-05-08", "2025-05-08", "day")),
    ("On May 2, drones hit", "en", "2025-05-14", DateResolution("2025-05-02", "2025-05-02", "2025-05-02", "day")),
    ("On December 30, drones hit", "en", "2025-01-04", DateResolution("2024-12-30", "2024-12-30", "2024-12-30", "day")),
    ("у ніч на 14 травня", "uk", "2025-05-14", DateResolution("2025-05-14", "2025-05-13", "2025-05-14", "night")),
    ("hier", "fr", "2025-05-14", DateResolution("2025-05-13", "2025-05-13", "2025-05-13", "day")),
    ("Вчера вечером", "ru", "2025-05-01", DateResolution("2025-04-30", "2025-04-30", "2025-04-30", "day")),
    ("la veille", "fr", "2025-05-14", DateResolution("2025-05-13", "2025-05-13", "2025-05-13", "day")),
    ("la semaine dernière", "fr", "2025-05-14", DateResolution(None, "2025-05-05", "2025-05-11", "week")),
    ("За сутки сбито", "ru", "2025-05-14", DateResolution(None, "2025-05-13", "2025-05-14", "unknown")),
    ("С 14.00 до 16.00 мск", "ru", "2025-05-14", DateResolution("2025-05-14", "2025-05-14", "2025-05-14", "day")),
    ("между", "ru", "2025-05-14", DateResolution(None, None, None, "unknown")),
    ("between 11 p.m. and 6 a.m.", "en", "2025-05-14", DateResolution("2025-05-14", "2025-05-13", "2025-05-14", "night")),
    ("с 22.00 мск 9 мая до 6.00 мск 10 мая", "ru", "2025-05-10", DateResolution("2025-05-10", "2025-05-09", "2025-05-10", "night")),
])
def test_resolve_for_sentence(text, lang, published, expected):
    assert R(text, lang, published)[0] == expected


def test_event_expression_beats_reporting_day():
    res, dt = R("Air defences destroyed 25 drones overnight, the ministry said on Wednesday.", "en", "2025-05-14")
    assert (res.event_date, dt) == ("2025-05-14", "overnight")


def test_event_expression_beats_dateline():
    res, dt = R("May 14 (AFP) - Russia said on Wednesday it downed 25 drones overnight.", "en", "2025-05-14")
    assert (res.event_date, res.precision, dt) == ("2025-05-14", "night", "overnight")


@pytest.mark.parametrize("published,precision", [(None, "unknown"), ("2025-05", "month"), ("garbage", "unknown")])
@pytest.mark.parametrize("text,lang", [("overnight", "en"), ("в ночь на четверг", "ru"), ("hier", "fr"),
                                       ("mardi", "fr"), ("вночі", "uk"), ("On May 2", "en")])
def test_no_guess_without_publication_day(text, lang, published, precision):
    res, dt = R(text, lang, published)
    assert res == DateResolution(None, None, None, precision)
    assert dt is not None


def test_explicit_year_needs_no_publication():
    assert R("On March 9, 2024, drones hit", "en", None)[0] == DateResolution("2024-03-09", "2024-03-09", "2024-03-09", "day")


def test_no_expression():
    assert resolve_for_sentence("Drones hit a depot.", "en", "2025-05-14") == (DateResolution(None, None, None, "unknown"), None)


def test_resolve_single_expression():
    x = TimeExpr(0, 8, "mercredi", "weekday")
    assert resolve(x, "fr", "2025-05-16") == DateResolution("2025-05-14", "2025-05-14", "2025-05-14", "day")


def test_parse_published():
    assert parse_published("2025-03-18T06:00:00+03:00")[1] == "day"
    assert parse_published("2025-03") == (None, "month")
    assert parse_published(None) == (None, "unknown")
    assert parse_published("2025-02-30") == (None, "unknown")


# ----------------------------------------------------------------------------- properties
_pub = st.one_of(st.none(), st.text(max_size=30), st.dates().map(lambda d: d.isoformat()),
                 st.dates().map(lambda d: d.isoformat()[:7]), st.datetimes().map(lambda d: d.isoformat()))
_words = st.sampled_from(["overnight", "dans", "la", "nuit", "de", "lundi", "à", "mardi", "в", "ночь", "на", "четверг",
                          "у", "ніч", "14", "жовтня", "31", "février", "March", "30", "February", "29", "с", "23.00",
                          "мск", "до", "7.00", "hier", "вчера", "за", "сутки", "last", "week", "said", "on", "Sunday",
                          "between", "11", "p.m.", "and", "a.m.", ",", "(Reuters)", "-", "du", "au", "2025"])


@settings(max_examples=300, deadline=None)
@given(st.text(), st.sampled_from(["en", "fr", "ru", "uk", "other", ""]), _pub)
def test_never_crashes_on_arbitrary_text(text, lang, published):
    for x in find_time_expressions(text, lang):
        assert text[x.start:x.end] == x.text
        resolve(x, lang, published)
    resolve_for_sentence(text, lang, published)


@settings(max_examples=400, deadline=None)
@given(st.lists(_words, max_size=14).map(" ".join), st.sampled_from(["en", "fr", "ru", "uk"]), _pub)
def test_resolution_invariants(text, lang, published):
    res, dt = resolve_for_sentence(text, lang, published)
    assert res.precision in ("day", "night", "week", "month", "unknown")
    day, prec = parse_published(published)
    if day is None and res.event_date is not None:
        # only an explicit year in the text can date an event without a publication day
        assert res.event_date[:4] in text
    if day is not None and res.event_date is not None:
        assert res.event_date <= day.isoformat()
    if res.start and res.end:
        assert res.start <= res.end


@pytest.mark.parametrize("text, lang", [
    ("Air defences destroyed 40 drones between 10 p.m. on Friday and 6 a.m. on Saturday Moscow time.", "en"),
    ("Les défenses ont intercepté 40 drones entre 22h00 vendredi et 06h00 samedi, heure de Moscou.", "fr"),
    ("Les défenses ont intercepté 40 drones de 22 h vendredi à 6 h samedi.", "fr"),
])
def test_a_clock_range_across_midnight_dates_the_morning_it_ends(text, lang):
    # published on Sunday 2026-06-14: the night ran from Friday evening to Saturday morning (13 June)
    xs = [x for x in find_time_expressions(text, lang) if x.kind == "weekday_night"]
    assert len(xs) == 1
    assert resolve(xs[0], lang, "2026-06-14") == DateResolution("2026-06-13", "2026-06-12", "2026-06-13", "night")
