"""The Ukrainian Air Force's nightly tally in Ukrainian: launch, shoot-down, locational losses and
hits of one night form one claim per weapon group (plus a strike for counted hits). Every sentence
here is written for these tests (invented figures and wording in the style of the channel)."""

from __future__ import annotations

from pipeline.extract.cyrillic import extract_cyrillic

FIELDS = ("event_type", "weapon", "launched", "intercepted", "lost_to_ew", "hits", "admin1_code",
          "parent_index", "claimant_side", "attacker_side", "event_date")
AF_OUTLET = "Повітряні сили ЗСУ (Telegram)"


def run(text, published="2025-05-14T09:20", outlet=AF_OUTLET):
    art = {"article_id": "t", "doc_id": "t", "outlet": outlet, "title": None, "published": published,
           "published_date": published[:10], "language_meta": "uk", "text": text}
    return extract_cyrillic(art, [], None)


def rows(ms):
    return [tuple(m[f] for f in FIELDS) for m in ms]


def night(launched, intercepted, ew=None, date="2025-05-14"):
    return ("interception", "drone", launched, intercepted, ew, None, None, None, "UA", "RU", date)


def test_instrumental_numeral_with_suffix_keeps_the_launch_figure():
    text = ("У ніч на 14 травня ворог атакував 88-ма ударними БпЛА типу Shahed та дронами-імітаторами. "
            "Станом на 08:30 сили ППО збили 61 безпілотник.")
    assert rows(run(text)) == [night(88, 61)]


def test_soft_and_o_suffixes_of_instrumental_numerals():
    for suffix in ("-ма", "-ьма", "-ома"):
        text = f"Вночі противник атакував 37{suffix} ударними БпЛА. Сили ППО збили 30 дронів."
        assert rows(run(text)) == [night(37, 30)], suffix


def test_of_them_shot_down_and_locationally_lost_in_following_sentences():
    text = ("У ніч на 14 травня противник атакував Україну 77-ма ударними БпЛА типу Shahed. "
            "49 із них збито/подавлено на півночі, сході та півдні країни. Ще 20 локаційно втрачено.")
    assert rows(run(text)) == [night(77, 49, 20)]


def test_count_before_of_them_after_the_verb():
    text = "Вночі противник атакував Україну 50 дронами. Сили оборони збили 40 з них."
    assert rows(run(text)) == [night(50, 40)]


def test_bare_count_after_the_shoot_down_verb_is_the_night_figure():
    text = "Вночі ворог атакував 120 ударними БпЛА. За попередніми даними, збито 90."
    assert rows(run(text)) == [night(120, 90)]


def test_up_to_launch_figure_keeps_its_number():
    text = "Вночі противник запустив до 100 ударних БпЛА. ППО збила 80 дронів."
    ms = run(text)
    assert rows(ms) == [night(100, 80)]
    assert ms[0]["count_qualifier"] == "approximate"


def test_complement_only_one_not_shot_down():
    text = "Вночі ворог атакував 30 ударними БпЛА. Не вдалося збити лише один дрон."
    assert rows(run(text)) == [night(30, 29)]


def test_complement_with_the_verb_after_the_negation():
    text = "Вночі ворог атакував 42 ударними БпЛА. Збити не вдалося лише два дрони."
    assert rows(run(text)) == [night(42, 40)]


def test_counted_hits_on_locations_are_a_russian_strike_not_a_location_count():
    text = ("Вночі росіяни атакували Україну 88 дронами, 70 з них збили. "
            "Зафіксовано влучання 12 ударних БпЛА на 5 локаціях.")
    assert rows(run(text)) == [
        night(88, 70),
        ("strike", "drone", None, None, None, 12, None, None, "UA", "RU", "2025-05-14"),
    ]


def test_regions_where_drones_were_downed_are_not_strikes():
    text = ("Вночі противник атакував 64 ударними БпЛА. Збито 51 дрон у Київській, Сумській та "
            "Чернігівській областях.")
    ms = run(text)
    assert [m["event_type"] for m in ms if m["event_type"] == "strike"] == []
    assert rows(ms)[0] == night(64, 51)


def test_launch_and_shoot_down_in_two_list_blocks_are_one_claim_per_group():
    text = ("У ніч на 14 травня ворог атакував:\n"
            "▪️ 60 ударними БпЛА типу Shahed;\n"
            "▪️ двома ракетами Х-59.\n\n"
            "Сили ППО збили:\n"
            "▪️ 41 БпЛА;\n"
            "▪️ 2 ракети Х-59.")
    got = [(m["event_type"], m["weapon"], m["launched"], m["intercepted"]) for m in run(text)]
    assert got == [("interception", "drone", 60, 41), ("interception", "cruise_missile", 2, 2)]


def test_a_range_from_to_is_no_up_to_launch_figure():
    text = "Щоночі ворог запускає від 40 до 90 ударних БпЛА."
    assert [m["launched"] for m in run(text)] in ([], [None])


def test_unattributed_launch_then_attributed_shoot_down_is_one_claim():
    text = ("Вночі Росія запустила по Україні 95 ударних дронів. Протиповітряна оборона збила 64 з них, ще 25 "
            "зникли з радарів, повідомили Повітряні сили.")
    ms = run(text, outlet="Суспільне")
    assert rows(ms) == [night(95, 64, 25)]
    assert ms[0]["claimant"] == "Ukrainian Air Force"


def test_disappeared_from_radar_is_lost_to_ew():
    text = "Вночі ворог атакував 40 ударними БпЛА. Збито 30 дронів, ще 8 зникли з радарів."
    assert rows(run(text)) == [night(40, 30, 8)]


def test_bare_count_before_the_verb_after_a_comma():
    text = "Вночі ворог атакував Україну 60 дронами, 45 збили. Протиповітряна оборона працювала на Київщині та Сумщині."
    assert rows(run(text, outlet="Суспільне")) == [night(60, 45)]


def test_regions_sentence_without_a_count_does_not_take_the_launch_figure():
    text = ("Вночі ворог атакував Україну 60 дронами. Сили ППО збили 45 із них. Дрони збивали в Київській, "
            "Сумській і Полтавській областях.")
    assert rows(run(text, outlet="Суспільне")) == [night(60, 45)]


def test_regions_of_the_shoot_down_before_the_total_figure():
    text = ("Вночі росіяни атакували Україну 60 дронами. Збиття ворожих дронів відбувалося над Київською, "
            "Житомирською та Вінницькою областями. Загалом збито 45.")
    assert rows(run(text, outlet="Українська правда")) == [night(60, 45)]


def test_hits_of_two_weapon_groups_add_up():
    text = "Вночі ворог атакував Україну ракетами та дронами. Зафіксовано влучання 2 ракет та 9 ударних БпЛА на 6 локаціях."
    strikes = [m for m in run(text) if m["event_type"] == "strike"]
    assert [(m["weapon"], m["hits"], m["attacker_side"], m["claimant_side"]) for m in strikes] == [("mixed", 11, "RU", "UA")]
