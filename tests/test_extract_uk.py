"""Ukrainian extraction (Air Force / General Staff Telegram, Ukrainian outlets): whole-record
assertions on invented fixtures (no corpus text is copied here)."""

from __future__ import annotations

from pipeline.extract.cyrillic import extract_cyrillic

FIELDS = ("event_type", "weapon", "weapon_model", "launched", "intercepted", "lost_to_ew", "admin1_code",
          "parent_index", "ambiguous", "claimant", "claimant_side", "attacker_side", "event_date")


def run(text, published="2025-03-03", outlet="Повітряні сили ЗСУ (Telegram)", title=None):
    art = {"article_id": "t", "doc_id": "t", "outlet": outlet, "title": title, "published": published,
           "published_date": published if published and len(published) == 10 else None,
           "language_meta": "uk", "text": text}
    return extract_cyrillic(art, [], None)


def rows(ms):
    return [tuple(m[f] for f in FIELDS) for m in ms]


AF = ("Ukrainian Air Force", "UA", "RU")
GS = ("Ukrainian General Staff", "UA", "UA")
RU_MOD = ("Russian Ministry of Defence", "RU", "UA")


def test_air_force_night_report_launch_shot_down_lost_and_ballistic_attack():
    text = ("Повітряні сили ЗСУ\n\n"
            "У ніч на 3 березня (з 18:00 2 березня) противник атакував 95 ударними БпЛА типу Shahed та "
            "дронами-імітаторами різних типів, а також трьома балістичними ракетами Іскандер-М з Брянської "
            "області.\n\n"
            "За попередніми даними, станом на 09:00 ППО збито 70 з 95 ударних БпЛА на півночі та сході країни. "
            "Ще 18 ворожих дронів-імітаторів локаційно втрачено (без негативних наслідків).\n\n"
            "Зафіксовано влучання ударних БпЛА на 3 локаціях.")
    assert rows(run(text)) == [
        ("attack", "ballistic_missile", "Iskander-M", 3, None, None, None, None, False) + AF + ("2025-03-03",),
        ("interception", "drone", "Shahed", 95, 70, 18, None, None, False) + AF + ("2025-03-03",),
        ("strike", "drone", None, None, None, None, None, None, False) + AF + ("2025-03-03",),
    ]


def test_outlet_relaying_russian_mod_with_distributive_rows():
    text = ("У Росії заявили про 40 збитих дронів\n\n"
            "Міністерство оборони РФ заявило, що вночі над регіонами Росії нібито збили 40 українських "
            "безпілотників. За даними відомства, 20 дронів збили над Брянською областю, 12 – над Курською, "
            "по чотири – над Орловською та Тульською областями.")
    ms = run(text, published="2025-09-12", outlet="Українська правда", title="У Росії заявили про 40 збитих дронів")
    assert rows(ms) == [
        ("interception", "drone", None, None, 40, None, None, None, False) + RU_MOD + ("2025-09-12",),
        ("interception", "drone", None, None, 20, None, "RU-BRY", 0, False) + RU_MOD + ("2025-09-12",),
        ("interception", "drone", None, None, 12, None, "RU-KRS", 0, False) + RU_MOD + ("2025-09-12",),
        ("interception", "drone", None, None, 4, None, "RU-ORL", 0, False) + RU_MOD + ("2025-09-12",),
        ("interception", "drone", None, None, 4, None, "RU-TUL", 0, False) + RU_MOD + ("2025-09-12",),
    ]


def test_month_only_published_gives_no_dates():
    text = ("Міністерство оборони РФ заявило, що вночі над регіонами Росії збили 15 українських безпілотників.")
    ms = run(text, published="2025-09", outlet="Українська правда")
    assert [m["event_date"] for m in ms] == [None]
    assert ms[0]["date_text"] == "вночі"


def test_general_staff_strike_in_russia():
    text = ("Генеральний штаб ЗСУ\n\n"
            "У ніч на 9 квітня Сили оборони України уразили нафтобазу в Бєлгородській області рф. "
            "Зафіксовано пожежу на території об'єкта.\n\n"
            "Результати ураження уточнюються.")
    ms = run(text, published="2025-04-09", outlet="Генеральний штаб ЗСУ (Telegram)")
    assert rows(ms) == [
        ("strike", "unknown", None, None, None, None, "RU-BEL", None, False) + GS + ("2025-04-09",),
    ]
    assert ms[0]["target"] == "oil depot"


def test_regional_head_quoted_then_named_and_city_administration():
    text = ("Нічна атака на Харківщину\n\n"
            "«Сили ППО знищили над областю дев'ять ударних дронів. Внаслідок падіння уламків пошкоджено "
            "склад у Харківському районі».\n\n"
            "Про це повідомив начальник Харківської ОВА.\n\n"
            "Загалом у ніч на 6 травня росіяни випустили по Україні 60 ударних дронів, повідомили Повітряні сили. "
            "З них 45 збили.")
    gov = ("governor of Kharkiv region", "UA", "RU")
    ms = run(text, published="2025-05-06", outlet="Суспільне Харків")
    assert rows(ms) == [
        ("interception", "drone", None, None, 9, None, "UA-63", None, False) + gov + ("2025-05-06",),
        ("strike", "drone", None, None, None, None, "UA-63", None, False) + gov + ("2025-05-06",),
        ("interception", "drone", None, 60, 45, None, None, None, False) + AF + ("2025-05-06",),
    ]


def test_debris_in_open_field_and_alert_statistics_are_not_claims():
    text = ("Протягом квітня в Одесі лунало 30 сигналів повітряної тривоги. Загалом за квітень, за даними "
            "Повітряних сил, росіяни випустили по Україні понад 3 000 ударних дронів.\n\n"
            "Уламки впали на відкриту територію, постраждалих немає.")
    assert run(text, published="2025-05-01", outlet="Суспільне Одеса") == []


def test_regional_daily_report_by_weapon_is_a_strike_breakdown():
    text = ("Запорізька ОВА\n\n"
            "Протягом доби окупанти завдали 200 ударів по 9 населених пунктах Запорізької області.\n\n"
            "5 авіаударів по Гуляйполю та Оріхову.\n\n"
            "120 БпЛА різних модифікацій атакували Запоріжжя та Оріхів.\n\n"
            "75 артилерійських ударів прийшлися по території Гуляйполя.")
    gov = ("governor of Zaporizhzhia region", "UA", "RU")
    ms = run(text, published=None, outlet="Запорізька ОВА (Telegram)")
    assert rows(ms) == [
        ("strike", "mixed", None, None, None, None, "UA-23", None, False) + gov + (None,),
        ("strike", "aircraft", None, None, None, None, "UA-23", 0, False) + gov + (None,),
        ("strike", "drone", None, None, None, None, "UA-23", 0, False) + gov + (None,),
        ("strike", "artillery", None, None, None, None, "UA-23", 0, False) + gov + (None,),
    ]


def test_launch_with_zavdav_udaru_and_launch_area_is_not_a_strike():
    text = ("У ніч на 3 березня противник завдав удару 6 крилатими ракетами Х-101 з району пусків Саратовська "
            "обл. та 80 ударними БпЛА. Станом на 09:00 збито 5 крилатих ракет та 52 БпЛА.")
    got = run(text)
    assert [(m["event_type"], m["weapon"], m["launched"], m["intercepted"], m["admin1_code"]) for m in got] == [
        ("interception", "cruise_missile", 6, 5, None), ("interception", "drone", 80, 52, None)]


def test_of_which_count_after_the_relative_pronoun():
    got = run("Вночі росіяни випустили по Україні 72 дрони, з яких 48 знешкодили сили ППО.")
    assert [(m["event_type"], m["launched"], m["intercepted"]) for m in got] == [("interception", 72, 48)]


def test_shelling_verb_gatyv_is_a_strike():
    got = run("Ввечері ворог гатив по Марганецькій громаді з артилерії, пошкоджено будинок.",
              outlet="Суспільне Дніпро")
    assert [(m["event_type"], m["weapon"], m["attacker_side"]) for m in got] == [("strike", "artillery", "RU")]
