"""Dating an overnight Ukrainian report and keeping headline furniture out of the counts: an
evening start time ("з 20:00 вчора", "(з 18:00 4 квітня)") opens the night that the next morning
ends; a date/time prefix or a related-story line is not a figure. Sentences are invented."""

from __future__ import annotations

from pipeline.extract.cyrillic import extract_cyrillic


def run(text, published="2025-04-05T09:10", outlet="Повітряні сили ЗСУ (Telegram)"):
    art = {"article_id": "t", "doc_id": "t", "outlet": outlet, "title": None, "published": published,
           "published_date": published[:10], "language_meta": "uk", "text": text}
    return extract_cyrillic(art, [], None)


def key(ms):
    return [(m["event_type"], m["weapon"], m["launched"], m["intercepted"], m["event_date"]) for m in ms]


def test_evening_start_in_brackets_dates_the_morning_after():
    text = "Вночі (з 18:00 4 квітня) ворог атакував 120 ударними БпЛА. Сили ППО збили 90 дронів."
    assert key(run(text)) == [("interception", "drone", 120, 90, "2025-04-05")]


def test_evening_start_yesterday_dates_the_morning_of_publication():
    text = "З 20:00 вчора противник атакував 60 ударними БпЛА. Збито 45 дронів."
    assert key(run(text)) == [("interception", "drone", 60, 45, "2025-04-05")]


def test_evening_start_with_date_first():
    text = "З 19:30 4 квітня противник атакував 33 ударними БпЛА. Збито 25 дронів."
    assert key(run(text)) == [("interception", "drone", 33, 25, "2025-04-05")]


def test_morning_start_stays_on_its_day():
    text = "З 06:00 4 квітня противник атакував 33 ударними БпЛА. Збито 25 дронів."
    assert key(run(text)) == [("interception", "drone", 33, 25, "2025-04-04")]


def test_related_story_line_is_no_claim():
    text = ("Читайте також: Ворог уночі вдарив по Одесі дронами\n\n"
            "Вночі противник атакував Україну 50 дронами. Сили ППО збили 40 з них.")
    assert key(run(text, outlet="Українська правда")) == [("interception", "drone", 50, 40, "2025-04-05")]


def test_date_and_time_prefix_is_not_a_count():
    text = ("05.04.2025 08:15\n\n"
            "Вночі противник атакував Україну 50 дронами. Збито 40 дронів.")
    assert key(run(text, outlet="Українська правда")) == [("interception", "drone", 50, 40, "2025-04-05")]


def test_headline_under_a_standalone_related_heading_is_no_claim():
    text = ("Вночі противник атакував Україну 50 дронами. Збито 40 дронів.\n\n"
            "Читайте також\n"
            "Окупанти вдарили по Харкову 20 дронами: пошкоджено будинки")
    assert key(run(text, outlet="Українська правда")) == [("interception", "drone", 50, 40, "2025-04-05")]


def test_russian_related_story_line_is_no_claim():
    text = ("Читайте также: ВСУ атаковали Белгород 12 беспилотниками\n\n"
            "Минобороны России сообщило, что ночью над Курской областью сбиты 15 украинских беспилотников.")
    ms = run(text, outlet="РИА Новости")
    assert [(m["event_type"], m["intercepted"], m["admin1_code"]) for m in ms] == [("interception", 15, "RU-KRS")]
