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


# --------------------------------------------------------------------------- new forms (invented)
# Families: Air Force per-weapon lists and tables written as text, "N запущено, з них M",
# corrections, regional / city military administrations with damage wording, guided bombs dropped
# on communities, "вчора ввечері", daily summaries, homonymous settlements, "кілька районів
# області", two sides in one headline.

def nrows(ms):
    """Order-free whole records; the parent is named by its (event, weapon, code) instead of an index."""
    out = []
    for m in ms:
        p = m["parent_index"]
        par = None if p is None else (ms[p]["event_type"], ms[p]["weapon"], ms[p]["admin1_code"])
        out.append(tuple(m[f] for f in FIELDS if f != "parent_index") + (par,))
    return sorted(out, key=repr)


def r(event, weapon, model, launched, intercepted, ew, code, amb, who, date, parent=None):
    return (event, weapon, model, launched, intercepted, ew, code, amb) + who + (date, parent)


GOV = lambda region: ("governor of %s region" % region, "UA", "RU")  # noqa: E731
OUT = ("outlet", "UA", "RU")
KCMA = ("Kyiv city military administration", "UA", "RU")
D = "2025-11-05"


def test_new_af_launch_list_by_weapon_then_shot_down_by_weapon():
    text = ("У ніч на 5 листопада противник атакував 7 крилатими ракетами Х-101, 2 балістичними ракетами "
            "Іскандер-М та 90 ударними БпЛА типу Shahed. За попередніми даними, збито 6 крилатих ракет Х-101 "
            "і 70 ударних БпЛА.")
    assert nrows(run(text, published=D)) == sorted([
        r("interception", "cruise_missile", "Kh-101", 7, 6, None, None, False, AF, D),
        r("attack", "ballistic_missile", "Iskander-M", 2, None, None, None, False, AF, D),
        r("interception", "drone", "Shahed", 90, 70, None, None, False, AF, D),
    ], key=repr)


def test_new_af_table_written_as_text_with_mixed_total():
    text = ("Повітряні сили ЗСУ\n\n"
            "У ніч на 5 листопада противник атакував 127 засобами повітряного нападу:\n"
            "- 5 крилатих ракет Х-101;\n"
            "- 2 балістичні ракети Іскандер-М;\n"
            "- 120 ударних БпЛА типу Shahed.\n\n"
            "За попередніми даними, станом на 09:00 збито/подавлено 105 цілей:\n"
            "- 4 крилаті ракети Х-101;\n"
            "- 101 ударний БпЛА.")
    tot = ("interception", "mixed", None)
    assert nrows(run(text, published=D)) == sorted([
        r("interception", "mixed", None, 127, 105, None, None, False, AF, D),
        r("interception", "cruise_missile", "Kh-101", 5, 4, None, None, False, AF, D, tot),
        r("attack", "ballistic_missile", "Iskander-M", 2, None, None, None, False, AF, D),
        r("interception", "drone", "Shahed", 120, 101, None, None, False, AF, D, tot),
    ], key=repr)


def test_new_launched_then_of_them_shot_down():
    text = "Всього вночі росіяни запустили 65 ударних дронів, з них 48 збито над північчю та сходом країни."
    assert [(m["event_type"], m["weapon"], m["launched"], m["intercepted"]) for m in run(text, published=D)] == [
        ("interception", "drone", 65, 48)]


def test_new_two_groups_with_z_yakykh():
    text = ("Вночі росіяни атакували Україну 89 дронами та 6 ракетами Х-101, з яких сили ППО збили 70 дронів "
            "і 5 ракет, повідомили Повітряні сили.")
    assert nrows(run(text, published=D, outlet="Суспільне")) == sorted([
        r("interception", "drone", None, 89, 70, None, None, False, AF, D),
        r("interception", "cruise_missile", "Kh-101", 6, 5, None, None, False, AF, D),
    ], key=repr)


def test_new_correction_keeps_only_the_latest_figure():
    text = ("Повітряні сили повідомили, що вночі збили 40 ударних дронів. Згодом дані уточнили — збито 42 дрони.")
    got = run(text, published=D, outlet="Суспільне")
    assert [(m["event_type"], m["intercepted"], m["claimant"]) for m in got] == [
        ("interception", 42, "Ukrainian Air Force")]


def test_new_correction_earlier_reported_then_specified():
    text = ("Раніше повідомлялося про 30 збитих дронів, уточнено — 33. Про це повідомили Повітряні сили.")
    got = run(text, published=D, outlet="Суспільне")
    assert [(m["event_type"], m["intercepted"]) for m in got] == [("interception", 33)]


def test_new_oda_head_named_damage_windows():
    text = ("Начальник Одеської ОВА Олег Кіпер повідомив, що вночі ворог атакував Одесу ударними дронами. "
            "Пошкоджено вікна багатоповерхівки та дах приватного будинку.")
    got = nrows(run(text, published=D, outlet="Суспільне Одеса"))
    assert got == [r("strike", "drone", None, None, None, None, "UA-51", False, GOV("Odesa"), D)]


def test_new_ova_yesterday_evening_hit_in_private_house():
    text = "Харківська ОВА: вчора ввечері зафіксовано влучання дрона в приватний будинок у Чугуєві."
    got = nrows(run(text, published=D, outlet="Суспільне Харків"))
    assert got == [r("strike", "drone", None, None, None, None, "UA-63", False, GOV("Kharkiv"), "2025-11-04")]


def test_new_guided_bombs_dropped_on_communities_is_a_strike():
    text = "Протягом доби ворожа авіація скинула 14 КАБів на громади Запорізької області."
    got = nrows(run(text, published=D, outlet="Суспільне"))
    assert got == [r("strike", "glide_bomb", None, None, None, None, "UA-23", False, OUT, None)]


def test_new_af_hits_at_locations_total_is_national_and_regions_are_rows():
    text = ("Повітряні сили ЗСУ\n\n"
            "У ніч на 5 листопада противник атакував 80 ударними БпЛА. Збито 60 ударних БпЛА.\n\n"
            "Зафіксовано влучання 12 ударних БпЛА на 8 локаціях. Удари прийшлися по Київщині та Житомирщині.")
    tot = ("strike", "drone", None)
    assert nrows(run(text, published=D)) == sorted([
        r("interception", "drone", None, 80, 60, None, None, False, AF, D),
        r("strike", "drone", None, None, None, None, None, False, AF, D),
        r("strike", "drone", None, None, None, None, "UA-32", True, AF, D, tot),
        r("strike", "drone", None, None, None, None, "UA-18", True, AF, D, tot),
    ], key=repr)


def test_new_kyiv_city_administration_debris_damaged_cars():
    text = "Вночі у Києві уламки збитого дрона пошкодили автомобілі в Дарницькому районі, повідомила КМВА."
    got = nrows(run(text, published=D, outlet="Суспільне Київ"))
    assert got == [r("strike", "drone", None, None, None, None, "UA-30", False, KCMA, D)]


def test_new_homonymous_settlement_takes_the_administration_region():
    text = ("Начальник Харківської ОВА Олег Синєгубов повідомив, що вночі дрон влучив у склад у Золочеві.")
    got = nrows(run(text, published=D, outlet="Суспільне"))
    assert got == [r("strike", "drone", None, None, None, None, "UA-63", False, GOV("Kharkiv"), D)]


def test_new_several_districts_of_the_region_is_the_region():
    text = ("Вночі ворог атакував ударними дронами кілька районів області, пошкоджено лінію електропередачі, "
            "повідомив голова Дніпропетровської ОВА.")
    got = nrows(run(text, published=D, outlet="Суспільне"))
    assert got == [r("strike", "drone", None, None, None, None, "UA-12", False, GOV("Dnipropetrovsk"), D)]


def test_new_yesterday_evening_does_not_leak_to_later_claims():
    text = ("Вчора ввечері ворожий дрон влучив у склад у Сумах, повідомила Сумська ОВА.\n\n"
            "Повітряні сили повідомили, що збили 50 з 64 ударних дронів.")
    assert nrows(run(text, published=D, outlet="Суспільне")) == sorted([
        r("strike", "drone", None, None, None, None, "UA-59", False, GOV("Sumy"), "2025-11-04"),
        r("interception", "drone", None, 64, 50, None, None, False, AF, D),
    ], key=repr)


def test_new_daily_summary_has_no_date():
    text = ("Протягом минулої доби росіяни атакували дронами Херсонщину, пошкоджено п'ять приватних будинків, "
            "повідомив начальник Херсонської ОВА.")
    got = nrows(run(text, published=D, outlet="Суспільне"))
    assert got == [r("strike", "drone", None, None, None, None, "UA-65", False, GOV("Kherson"), None)]


def test_new_two_sides_in_one_headline():
    title = "Генштаб підтвердив ураження НПЗ у Саратовській області, у Росії заявили про 30 збитих дронів"
    text = (title + "\n\n"
            "Генеральний штаб ЗСУ повідомив, що вночі Сили оборони уразили нафтопереробний завод у Саратовській "
            "області. Міністерство оборони РФ заявило, що над регіонами Росії збили 30 українських дронів.")
    assert nrows(run(text, published=D, outlet="Суспільне", title=title)) == sorted([
        r("strike", "unknown", None, None, None, None, "RU-SAR", False, GS, D),
        r("interception", "drone", None, None, 30, None, None, False, RU_MOD, D),
    ], key=repr)


def test_new_inline_lists_with_air_targets_total():
    text = ("У ніч на 5 листопада противник атакував 127 засобами повітряного нападу: 5 крилатими ракетами Х-101, "
            "2 балістичними ракетами Іскандер-М та 120 ударними БпЛА. Збито/подавлено 105 повітряних цілей: "
            "4 крилаті ракети Х-101 і 101 ударний БпЛА.")
    tot = ("interception", "mixed", None)
    assert nrows(run(text, published=D)) == sorted([
        r("interception", "mixed", None, 127, 105, None, None, False, AF, D),
        r("interception", "cruise_missile", "Kh-101", 5, 4, None, None, False, AF, D, tot),
        r("attack", "ballistic_missile", "Iskander-M", 2, None, None, None, False, AF, D),
        r("interception", "drone", None, 120, 101, None, None, False, AF, D, tot),
    ], key=repr)


def test_new_passive_launched_then_of_them_verb_before_count():
    got = run("Всього запущено 65 ударних дронів, з них збито 48, ще 10 локаційно втрачено.", published=D)
    assert [(m["event_type"], m["launched"], m["intercepted"], m["lost_to_ew"]) for m in got] == [
        ("interception", 65, 48, 10)]


def test_new_bombs_dropped_on_an_oblast_nickname_is_a_strike():
    got = run("Вночі окупанти скинули 6 КАБів на Сумщину, пошкоджено будинки.", published=D, outlet="Суспільне")
    assert [(m["event_type"], m["weapon"], m["admin1_code"], m["attacker_side"]) for m in got] == [
        ("strike", "glide_bomb", "UA-59", "RU")]


def test_new_regional_daily_report_weapons_used_are_strike_rows():
    text = ("Олег Синєгубов, начальник Харківської ОВА\n\n"
            "Протягом доби окупанти завдали ударів по 11 населених пунктах області. Окупанти застосували:\n"
            "- 4 КАБ;\n- 12 БпЛА типу «Герань-2»;\n- 2 ракети.\n\n"
            "Зафіксовано 3 влучання у Чугуївському районі.")
    gov = GOV("Kharkiv")
    tot = ("strike", "mixed", "UA-63")
    assert nrows(run(text, published=None, outlet="Харківська ОВА (Telegram)")) == sorted([
        r("strike", "mixed", None, None, None, None, "UA-63", False, gov, None),
        r("strike", "glide_bomb", None, None, None, None, "UA-63", False, gov, None, tot),
        r("strike", "drone", "Shahed", None, None, None, "UA-63", False, gov, None, tot),
        r("strike", "missile", None, None, None, None, "UA-63", False, gov, None, tot),
        r("strike", "unknown", None, None, None, None, "UA-63", False, gov, None),
    ], key=repr)


def test_new_bulleted_weapon_rows_under_targets_total_take_launch_figures():
    # rows on their own "▪️" lines after "…N цілей:" are per-weapon interception rows of the total,
    # and each takes the launch figure of its own weapon group
    text = ("Повітряні сили ЗСУ\n\n"
            "У ніч на 5 березня ворог атакував 9 крилатими ракетами Х-101 та 88 ударними БпЛА типу Shahed.\n\n"
            "За попередніми даними, станом на 08:30 протиповітряною обороною збито/подавлено 80 цілей:\n"
            "▪️ 7 крилатих ракет Х-101;\n▪️ 73 ворожих БпЛА різних типів.")
    d = "2025-03-05"
    assert rows(run(text, published=d)) == [
        ("interception", "mixed", None, None, 80, None, None, None, False) + AF + (d,),
        ("interception", "cruise_missile", "Kh-101", 9, 7, None, None, 0, False) + AF + (d,),
        ("interception", "drone", "Shahed", 88, 73, None, None, 0, False) + AF + (d,),
    ]


def test_new_strikes_in_distinct_districts_of_one_oblast_stay_separate():
    # each paragraph names its own district: three events, not one; "нічної атаки" dates the night
    text = ("Київська обласна військова адміністрація\n\n"
            "Внаслідок нічної атаки на Київщину постраждали люди.\n\n"
            "У Вишгородському районі ударний БпЛА влучив у багатоповерхівку.\n\n"
            "В Бучанському районі пошкоджено виробничі приміщення, виникла пожежа.\n\n"
            "Також у Ірпінському та Броварському районах уламками збитих дронів пошкоджено 3 автомобілі.")
    gov = GOV("Kyiv")
    assert [(m["event_type"], m["weapon"], m["admin1_code"], m["parent_index"], m["ambiguous"])
            + (m["claimant"], m["claimant_side"], m["attacker_side"], m["event_date"])
            for m in run(text, published=D, outlet="Київська ОВА (Telegram)")] == [
        ("strike", "drone", "UA-32", None, False) + gov + (D,),
        ("strike", "unknown", "UA-32", None, False) + gov + (D,),
        ("strike", "drone", "UA-32", None, False) + gov + (D,),
    ]


def test_new_bulleted_district_rows_with_fpv_drone_attack_are_separate_strikes():
    text = ("Наслідки обстрілів за добу:\n"
            "▪️ Лозівський район – вночі ударний БпЛА типу «Шахед» влучив у склад.\n"
            "▪️ Ізюмський район – вдень FPV-дрон атакував цивільний автомобіль у с. Петрівка.")
    gov = GOV("Kharkiv")
    assert [(m["event_type"], m["weapon"], m["weapon_model"], m["admin1_code"])
            + (m["claimant"], m["claimant_side"], m["attacker_side"], m["event_date"])
            for m in run(text, published=D, outlet="Харківська ОВА (Telegram)")] == [
        ("strike", "drone", "Shahed", "UA-63") + gov + (D,),
        ("strike", "drone", None, "UA-63") + gov + (D,),
    ]


def test_new_governor_named_by_person_daily_weapons_rows_merge_drone_models():
    # the channel header is the governor's own name (no title): the daily "застосували:" list is still
    # the strike rows of the daily total, and two drone models form one drone row (10 + 2)
    text = ("Олег Синєгубов\n\n"
            "Протягом минулої доби ворог завдав ударів по 9 населених пунктах Харківщини. Окупанти застосували:\n"
            "- 5 КАБ;\n- 10 БпЛА типу «Герань-2»;\n- 2 БпЛА «Молнія»;\n- 1 ракету «Іскандер-М».\n\n"
            "Також вночі над областю знищено 4 «шахеди».")
    d = "2025-12-10"
    gov = GOV("Kharkiv")
    tot = ("strike", "mixed", "UA-63")
    got = run(text, published=d, outlet="Олег Синєгубов (Telegram)")
    assert nrows(got) == sorted([
        r("strike", "mixed", None, None, None, None, "UA-63", False, gov, None),
        r("strike", "glide_bomb", None, None, None, None, "UA-63", False, gov, None, tot),
        r("strike", "drone", "Shahed", None, None, None, "UA-63", False, gov, None, tot),
        r("strike", "ballistic_missile", "Iskander-M", None, None, None, "UA-63", False, gov, None, tot),
        r("interception", "drone", "Shahed", None, 4, None, "UA-63", False, gov, d),
    ], key=repr)
    assert sorted(m["hits"] for m in got if m["parent_index"] is not None) == [1, 5, 12]


def test_new_counted_groups_before_of_which_verb_are_launches_of_groups_after():
    # "про N1 X та N2 Y, з яких збили M1 X і M2 Y": one interception per weapon, launched/intercepted
    text = "Повітряні сили загалом повідомили про 74 ударні БпЛА та 4 ракети Х-101, з яких збили 61 дрон і 3 ракети."
    got = run(text, published=None, outlet="Суспільне")
    assert [(m["event_type"], m["weapon"], m["weapon_model"], m["launched"], m["intercepted"], m["admin1_code"],
             m["claimant"], m["claimant_side"], m["attacker_side"]) for m in got] == [
        ("interception", "drone", None, 74, 61, None) + AF,
        ("interception", "cruise_missile", "Kh-101", 4, 3, None) + AF,
    ]
