"""Russian extraction (MoD Telegram, wire copy): whole-record assertions on invented fixtures.

Every text here is written for the tests (invented figures and wording in the style of the
sources); none is copied from a corpus.
"""

from __future__ import annotations

import pytest

from pipeline.extract.cyrillic import extract_cyrillic

FIELDS = ("event_type", "weapon", "weapon_model", "launched", "intercepted", "lost_to_ew", "admin1_code",
          "admin1", "parent_index", "ambiguous", "claimant", "claimant_side", "attacker_side", "event_date")


def run(text, published="2025-10-02", outlet="Russian Ministry of Defence (Telegram)", title=None):
    art = {"article_id": "t", "doc_id": "t", "outlet": outlet, "title": title, "published": published,
           "published_date": published if published and len(published) == 10 else None,
           "language_meta": "ru", "text": text}
    return extract_cyrillic(art, [], None)


def rows(ms):
    return [tuple(m[f] for f in FIELDS) for m in ms]


MOD = ("Russian Ministry of Defence", "RU", "UA")


def rec(event, weapon, model, launched, intercepted, ew, code, admin1, parent, amb, who=MOD, date="2025-10-02"):
    return (event, weapon, model, launched, intercepted, ew, code, admin1, parent, amb) + who + (date,)


def test_overnight_breakdown_words_distributive_sea_and_cut_row():
    text = ("🎖🎖 В течение прошедшей ночи дежурными средствами ПВО **перехвачены и уничтожены 37 украинских "
            "беспилотных летательных аппаратов** самолетного типа:  ▪️ одиннадцать – над территорией **Орловской "
            "области**,  ▪️ по пять – над территориями **Тверской** и **Ярославской** областей,  ▪️ 9 – над "
            "акваторией **Азовского моря**,  ▪️ 4 – над терри")
    assert rows(run(text)) == [
        rec("interception", "drone", None, None, 37, None, None, None, None, False),
        rec("interception", "drone", None, None, 11, None, "RU-ORL", "Oryol Oblast", 0, False),
        rec("interception", "drone", None, None, 5, None, "RU-TVE", "Tver Oblast", 0, False),
        rec("interception", "drone", None, None, 5, None, "RU-YAR", "Yaroslavl Oblast", 0, False),
        rec("interception", "drone", None, None, 9, None, None, "Sea of Azov", 0, False),
        rec("interception", "drone", None, None, 4, None, None, None, 0, True),
    ]


def test_cut_region_prefix_is_completed_and_ambiguous():
    text = ("В течение прошедшей ночи дежурными средствами ПВО уничтожены 12 украинских беспилотных летательных "
            "аппаратов: 9 – над территорией Курской области, 3 – над территорией Вороне")
    got = rows(run(text))
    assert got[0] == rec("interception", "drone", None, None, 12, None, None, None, None, False)
    assert got[1] == rec("interception", "drone", None, None, 9, None, "RU-KRS", "Kursk Oblast", 0, False)
    assert got[2] == rec("interception", "drone", None, None, 3, None, "RU-VOR", "Voronezh Oblast", 0, True)


def test_daytime_rows_without_total_are_siblings():
    text = ("⚡️ С 09.10 до 10.30 мск дежурными средствами ПВО один украинский беспилотный летательный аппарат "
            "уничтожен над территорией Смоленской области и два – над территорией Тульской области.")
    assert rows(run(text, published="2025-03-04")) == [
        rec("interception", "drone", None, None, 1, None, "RU-SMO", "Smolensk Oblast", None, False, date="2025-03-04"),
        rec("interception", "drone", None, None, 2, None, "RU-TUL", "Tula Oblast", None, False, date="2025-03-04"),
    ]


def test_digest_weapon_groups_have_no_date():
    text = ("🗓 **Главное за день**  ▫️ Средствами противовоздушной обороны [сбиты](https://t.me/x/1) три "
            "управляемые авиационные бомбы JDAM, два реактивных снаряда системы залпового огня HIMARS и 88 "
            "беспилотных летательных аппаратов самолетного типа.")
    assert rows(run(text)) == [
        rec("interception", "glide_bomb", "JDAM", None, 3, None, None, None, None, False, date=None),
        rec("interception", "rocket", "HIMARS", None, 2, None, None, None, None, False, date=None),
        rec("interception", "drone", None, None, 88, None, None, None, None, False, date=None),
    ]


def test_launch_in_lead_merges_with_interception_and_model_from_lead():
    text = ("⚡️ Около 16.40 мск пресечена попытка киевского режима совершить террористическую атаку с применением "
            "реактивной системы залпового огня «Ольха» по объектам на территории Российской Федерации.  "
            "Дежурными средствами ПВО шесть ракет уничтожены над Курской областью.")
    assert rows(run(text, published="2024-06-11")) == [
        rec("interception", "rocket", "Vilkha", None, 6, None, "RU-KRS", "Kursk Oblast", None, False, date="2024-06-11"),
    ]


def test_counted_launch_and_interception_in_two_sentences():
    text = ("⚡️ 4 июня около 02.00 мск пресечена попытка киевского режима совершить террористическую атаку "
            "пятью БПЛА самолетного типа по объектам на территории Российской Федерации. Дежурными средствами "
            "ПВО уничтожено пять украинских БПЛА, из них три над территорией Калужской области и два над "
            "Наро-Фоминским районом Московской области.")
    assert rows(run(text, published="2024-06-04")) == [
        rec("interception", "drone", None, 5, 5, None, None, None, None, False, date="2024-06-04"),
        rec("interception", "drone", None, None, 3, None, "RU-KLU", "Kaluga Oblast", 0, False, date="2024-06-04"),
        rec("interception", "drone", None, None, 2, None, "RU-MOS", "Moscow Oblast", 0, False, date="2024-06-04"),
    ]


def test_moscow_region_row_and_flying_to_moscow_subrow():
    text = ("В период с 12.00 мск до 15.00 мск дежурными средствами ПВО перехвачены и уничтожены 30 украинских "
            "беспилотных летательных аппаратов самолетного типа:  ▫️ 18 БПЛА – над территорией Московского "
            "региона, в том числе 6 БПЛА, летевших на Москву,  ▫️ 12 БПЛА – над территорией Тульской области.")
    assert rows(run(text, published="2026-01-20")) == [
        rec("interception", "drone", None, None, 30, None, None, None, None, False, date="2026-01-20"),
        rec("interception", "drone", None, None, 18, None, "RU-MOS", "Moscow Oblast", 0, True, date="2026-01-20"),
        rec("interception", "drone", None, None, 6, None, "RU-MOS", "Moscow Oblast", 1, True, date="2026-01-20"),
        rec("interception", "drone", None, None, 12, None, "RU-TUL", "Tula Oblast", 0, False, date="2026-01-20"),
    ]


def test_wire_copy_relayed_mod_rows_in_next_sentences_and_mayor():
    text = ("ПВО за ночь сбила 25 беспилотников над регионами России\n\n"
            "МОСКВА, 3 мая. /ТАСС/. Двадцать пять украинских беспилотников уничтожены за ночь над регионами "
            "России, сообщили в Минобороны РФ.\n\n"
            "По данным ведомства, над территорией Брянской области сбиты 15 БПЛА. Еще восемь уничтожены над "
            "Смоленской областью, остальные перехвачены над Тверской (два) областью.\n\n"
            "Мэр Москвы Сергей Собянин сообщил об отражении атаки двух беспилотников, летевших на столицу.")
    ms = run(text, published="2025-05-03", outlet="ТАСС",
             title="ПВО за ночь сбила 25 беспилотников над регионами России")
    assert rows(ms) == [
        rec("interception", "drone", None, None, 25, None, None, None, None, False, date="2025-05-03"),
        rec("interception", "drone", None, None, 15, None, "RU-BRY", "Bryansk Oblast", 0, False, date="2025-05-03"),
        rec("interception", "drone", None, None, 8, None, "RU-SMO", "Smolensk Oblast", 0, False, date="2025-05-03"),
        rec("interception", "drone", None, None, 2, None, "RU-TVE", "Tver Oblast", 0, False, date="2025-05-03"),
        rec("interception", "drone", None, None, 2, None, "RU-MOW", "Moscow", None, True,
            who=("mayor of Moscow", "RU", "UA"), date="2025-05-03"),
    ]


def test_governor_strike_debris_and_attack_counts():
    text = ("Губернатор Курской области сообщил, что ночью над регионом сбиты четыре беспилотника. "
            "Обломками повреждена крыша частного дома в Рыльске.\n\n"
            "Всего за прошедшие сутки ВСУ выпустили по территории области 40 боеприпасов и атаковали "
            "12 беспилотниками.")
    gov = ("governor of Kursk region", "RU", "UA")
    ms = run(text, published="2025-02-14", outlet="РИА Новости")
    assert rows(ms) == [
        rec("interception", "drone", None, None, 4, None, "RU-KRS", "Kursk Oblast", None, False, who=gov,
            date="2025-02-14"),
        rec("strike", "drone", None, None, None, None, "RU-KRS", "Kursk Oblast", None, False, who=gov,
            date="2025-02-14"),
        rec("attack", "unknown", None, 40, None, None, "RU-KRS", "Kursk Oblast", None, False, who=gov, date=None),
        rec("attack", "drone", None, 12, None, None, "RU-KRS", "Kursk Oblast", None, False, who=gov, date=None),
    ]


def test_frontline_formula_is_an_ambiguous_strike():
    text = ("**Заявление начальника пресс-центра группировки «Днепр»**  ▫️ Подразделения группировки войск "
            "«Днепр» нанесли поражение живой силе и технике двух бригад ВСУ в районах населенных пунктов "
            "Степное и Каменское.  ▫️ **Потери противника составили** до 60 военнослужащих.")
    assert rows(run(text, published="2024-07-08")) == [
        rec("strike", "unknown", None, None, None, None, None, None, None, True, who=("Russian Ministry of Defence", "RU", "RU"),
            date=None),
    ]


@pytest.mark.parametrize("text", [
    # loss tally
    "🗓 Главное за день  ▫️ За сутки потери ВСУ составили более 300 военнослужащих, уничтожены три танка и "
    "восемь боевых бронированных машин.",
    # prisoner exchange
    "▫️ В результате переговорного процесса возвращены 84 российских военнослужащих. Взамен переданы 84 "
    "военнопленных ВСУ.",
    # cumulative count
    "С начала года дежурными средствами ПВО уничтожены более 12 тысяч украинских беспилотных летательных "
    "аппаратов над Курской, Брянской и Белгородской областями.",
    # repelled ground attacks
    "▫️ Подразделения группировки войск «Центр» отразили три атаки штурмовых групп ВСУ в районе населенного "
    "пункта Торское.",
    # FPV operators destroying a ground target are not an interception
    "Расчет FPV-дрона группировки «Запад» уничтожил пикап ВСУ с личным составом.",
])
def test_negatives_give_no_interception(text):
    ms = run(text, published="2025-01-10")
    assert [m for m in ms if m["event_type"] == "interception"] == []
    if "потери" in text or "военнопленных" in text or "С начала года" in text or "отразили" in text:
        assert ms == []


def test_mod_strike_with_weapon_and_target():
    text = ("🗓 Главное за день  ▫️ Вооруженными Силами Российской Федерации нанесен групповой ракетный удар "
            "по объектам энергетической инфраструктуры, обеспечивающим работу ВПК Украины. Все назначенные "
            "объекты поражены.")
    ms = run(text, published="2025-04-01")
    assert rows(ms) == [
        rec("strike", "missile", None, None, None, None, None, None, None, False,
            who=("Russian Ministry of Defence", "RU", "RU"), date=None),
    ]
    assert ms[0]["target"] == "energy infrastructure"


def test_mentions_have_interface_keys_and_offsets():
    text = "Дежурными средствами ПВО уничтожены два украинских БПЛА над территорией Белгородской области."
    ms = run(text)
    assert len(ms) == 1
    m = ms[0]
    for k in ("sentence", "char_start", "char_end", "lang", "count_qualifier", "target", "location_text",
              "country_hint", "event_date_start", "event_date_end", "date_precision", "date_text", "ambiguous",
              "parent_index"):
        assert k in m
    assert text[m["char_start"]:m["char_end"]] == m["sentence"]
    assert m["lang"] == "ru" and m["country_hint"] == "RU"
    assert m["location_text"] == "над территорией Белгородской области"


def test_markdown_inside_a_word_and_all_n_shells():
    text = ("⚡️ Около 18.10 мск пресечена попытка киевского режима совершить террористическую атаку с применением "
            "пяти снарядов реактивной системы залпового огня «Град». Дежурными средствами ПВО все пять снарядов "
            "у**ничтожены в воздухе над Курской областью.")
    assert rows(run(text, published="2024-02-02")) == [
        rec("interception", "rocket", "Grad", 5, 5, None, "RU-KRS", "Kursk Oblast", None, False, date="2024-02-02"),
    ]


def test_weapon_profile_is_not_a_claim():
    text = ("**Ударный вертолет Ми-28** предназначен для поиска и уничтожения бронетехники противника. "
            "Вертолет способен поражать цели днем и ночью.")
    assert run(text) == []


# ---------------------------------------------------------------- generalisation rules (held-out patterns)

def pick(ms, *keys):
    return [tuple(m[k] for k in keys) for m in ms]


def test_ew_figure_is_lost_to_ew_of_the_same_claim():
    text = ("Ночью киевский режим пытался атаковать девятнадцатью беспилотниками объекты Республики Крым. "
            "Двенадцать БПЛА уничтожены дежурными средствами ПВО. Еще семь БПЛА подавлены средствами РЭБ.")
    assert pick(run(text), "event_type", "weapon", "launched", "intercepted", "lost_to_ew", "admin1_code") == [
        ("interception", "drone", 19, 12, 7, "UA-43")]


def test_ew_count_in_the_same_clause_and_detected_total():
    text = ("Средствами ПВО обнаружено 30 украинских беспилотных летательных аппаратов. Над полуостровом Крым "
            "шесть БПЛА уничтожены, 24 подавлены средствами радиоэлектронной борьбы.")
    assert pick(run(text), "event_type", "launched", "intercepted", "lost_to_ew") == [("interception", 30, 6, 24)]


def test_detected_then_all_destroyed_gives_launched_and_intercepted():
    text = ("Сегодня ночью над акваторией Азовского моря средствами ПВО обнаружены 14 украинских БПЛА. "
            "Все беспилотники уничтожены или подавлены средствами РЭБ.")
    assert pick(run(text), "event_type", "weapon", "launched", "intercepted", "admin1") == [
        ("interception", "drone", 14, 14, "Sea of Azov")]


def test_detection_by_own_recce_drone_is_no_attack():
    text = ("С помощью БпЛА разведчики обнаружили пикап ВСУ. Обнаруженная цель была уничтожена расчетом "
            "FPV-дрона.")
    assert [m["event_type"] for m in run(text)] == ["strike"]


def test_target_city_of_the_attack_locates_the_interception():
    text = ("Киевский режим предпринял ракетный удар по объектам портовой инфраструктуры города Севастополь. "
            "Дежурными средствами ПВО две ракеты «Нептун» сбиты.")
    assert pick(run(text), "event_type", "weapon", "intercepted", "admin1_code") == [
        ("interception", "cruise_missile", 2, "UA-40")]


def test_all_targets_destroyed_in_air_defence_context_is_an_interception_per_group():
    text = ("Около 09.00 мск противник пытался атаковать объекты на территории России с применением двух "
            "реактивных снарядов РСЗО и четырех БПЛА самолетного типа. Дежурными средствами ПВО все воздушные "
            "цели уничтожены над территорией Курской области.")
    got = pick(run(text), "event_type", "weapon", "launched", "intercepted", "admin1_code")
    assert sorted(got) == [("interception", "drone", 4, 4, "RU-KRS"), ("interception", "rocket", 2, 2, "RU-KRS")]


def test_aim_of_the_attack_in_the_next_sentence_is_no_strike():
    text = ("Командир зенитного расчета рассказал об отражении атаки ударных БПЛА: «все цели были поражены и "
            "уничтожены». Целью атаки был нефтеперерабатывающий завод в Ярославской области.")
    got = pick(run(text, published="2025-07-01"), "event_type", "weapon", "admin1_code")
    assert got == [("interception", "drone", "RU-YAR")]


def test_strike_cut_at_the_limit_gives_no_claim():
    text = ("⚡️ Около 18.20 мск дежурными средствами ПВО уничтожен украинский беспилотный летательный аппарат "
            "над территорией Брянской области. В результате падения обломков повреж")
    assert pick(run(text), "event_type", "intercepted", "admin1_code") == [("interception", 1, "RU-BRY")]


def test_howitzer_strike_and_weapon_inside_the_target_phrase():
    got = run("Расчетом гаубицы «Гиацинт-Б» уничтожен расчет миномета ВСУ в районе Курахово.")
    assert pick(got, "event_type", "weapon", "weapon_model", "admin1_code", "attacker_side") == [
        ("strike", "artillery", "Giatsint", "UA-14", "RU")]
    got = run("Огнем артиллерии уничтожены склад и пункт управления БПЛА противника.")
    assert pick(got, "event_type", "weapon") == [("strike", "artillery")]


def test_heading_region_and_front_direction_carry_to_ground_strikes():
    text = ("Подразделения группировки войск «Север» продолжают уничтожение формирований ВСУ в Брянской области. "
            "Нанесено поражение живой силе и технике противника.")
    assert pick(run(text), "event_type", "admin1_code", "ambiguous") == [("strike", "RU-BRY", True)]
    text = ("На Купянском направлении подразделения группировки «Запад» улучшили тактическое положение. "
            "◽️ Расчетом ЗРК «Тор» уничтожен беспилотный летательный аппарат противника.")
    assert pick(run(text), "event_type", "weapon", "intercepted", "admin1_code") == [
        ("interception", "drone", 1, "UA-63")]


def test_russian_aircraft_shot_down_attacker_is_russia_and_launch_area_ignored():
    text = ("Сегодня над Курской областью был сбит вертолет Ми-8 ВКС России. Поражение вертолета осуществлено "
            "ВСУ из района населенного пункта Хотень Сумской области.")
    got = run(text)
    assert pick(got, "event_type", "weapon", "attacker_side", "intercepted", "admin1_code") == [
        ("interception", "aircraft", "RU", 1, "RU-KRS")]


def test_multi_day_window_has_no_event_date():
    text = "С 12 по 18 мая войсками нанесено 9 групповых ударов высокоточным оружием по объектам ВПК Украины."
    got = run(text, published="2025-05-18")
    assert [m["event_date"] for m in got] == [None] and got[0]["event_type"] == "strike"
    text = "В ночь с 17 на 18 мая средствами ПВО сбиты 5 БПЛА над Орловской областью."
    assert [m["event_date"] for m in run(text, published="2025-05-18")] == ["2025-05-18"]


def test_launch_counts_of_drones_and_boats_fold_into_the_interception():
    text = ("Ночью киевский режим предпринял попытку атаки семью БПЛА самолетного типа и двумя безэкипажными "
            "катерами на Новороссийск. Три украинских БПЛА уничтожены над акваторией Черного моря.")
    assert pick(run(text), "event_type", "weapon", "launched", "intercepted") == [("interception", "drone", 9, 3)]


def test_own_forces_using_a_drone_is_not_an_attack_claim():
    text = "Для поражения опорного пункта ВСУ российские штурмовики применили ударный БпЛА."
    assert "attack" not in [m["event_type"] for m in run(text)]


# --------------------------------------------------------------------------- new forms (invented)
# Families: governors' Telegram with damage wording, "вчера вечером", corrections, Meduza / RBC
# copy relaying the MoD next to Ukrainian counter-claims, claimant carry-over across sides,
# "N запущено, из них M".

def nrows(ms):
    out = []
    for m in ms:
        p = m["parent_index"]
        par = None if p is None else (ms[p]["event_type"], ms[p]["weapon"], ms[p]["admin1_code"])
        out.append(tuple(m[f] for f in FIELDS if f not in ("parent_index", "admin1")) + (par,))
    return sorted(out, key=repr)


def nr(event, weapon, model, launched, intercepted, ew, code, amb, who, date, parent=None):
    return (event, weapon, model, launched, intercepted, ew, code, amb) + who + (date, parent)


GS_UA = ("Ukrainian General Staff", "UA", "UA")
D5 = "2025-11-05"


def test_new_governor_telegram_damage_in_district():
    text = "Утром в результате атаки БПЛА в Белгородском районе повреждены окна частного дома и легковой автомобиль."
    got = nrows(run(text, published=D5, outlet="Вячеслав Гладков (Telegram)"))
    assert got == [nr("strike", "drone", None, None, None, None, "RU-BEL", False,
                      ("governor of Belgorod region", "RU", "UA"), D5)]


def test_new_governor_drone_detonated_on_private_house():
    text = ("Вечером ВСУ атаковали Шебекино: дрон сдетонировал на территории частного домовладения, "
            "посечены фасад и кровля.")
    got = nrows(run(text, published=D5, outlet="Вячеслав Гладков (Telegram)"))
    assert got == [nr("strike", "drone", None, None, None, None, "RU-BEL", False,
                      ("governor of Belgorod region", "RU", "UA"), D5)]


def test_new_yesterday_evening_is_the_day_before():
    text = "Вчера вечером беспилотник атаковал Курск, повреждены два жилых дома, сообщил губернатор Курской области."
    got = nrows(run(text, published=D5, outlet="РБК"))
    assert got == [nr("strike", "drone", None, None, None, None, "RU-KRS", False,
                      ("governor of Kursk region", "RU", "UA"), "2025-11-04")]


def test_new_correction_governor_figure_is_the_latest():
    text = ("Губернатор Ростовской области сообщил, что ночью над регионом сбиты 12 беспилотников. "
            "Позднее он уточнил — 15.")
    got = nrows(run(text, published=D5, outlet="ТАСС"))
    assert got == [nr("interception", "drone", None, None, 15, None, "RU-ROS", False,
                      ("governor of Rostov region", "RU", "UA"), D5)]


def test_new_meduza_mod_with_ukrainian_counter_claim():
    text = ("Минобороны России заявило, что ночью над регионами страны были сбиты 56 украинских беспилотников, "
            "из них 20 — над Брянской областью. Генштаб ВСУ в свою очередь сообщил о поражении "
            "нефтеперерабатывающего завода в Саратовской области.")
    tot = ("interception", "drone", None)
    assert nrows(run(text, published=D5, outlet="Медуза")) == sorted([
        nr("interception", "drone", None, None, 56, None, None, False, MOD, D5),
        nr("interception", "drone", None, None, 20, None, "RU-BRY", False, MOD, D5, tot),
        nr("strike", "unknown", None, None, None, None, "RU-SAR", False, GS_UA, D5),
    ], key=repr)


def test_new_carry_over_does_not_flip_sides():
    text = ("Генштаб ВСУ подтвердил удар по нефтебазе в Краснодарском крае.\n\n"
            "Ночью над Краснодарским краем были сбиты 15 украинских беспилотников, сообщило Минобороны.")
    assert nrows(run(text, published=D5, outlet="РБК")) == sorted([
        nr("strike", "unknown", None, None, None, None, "RU-KDA", False, GS_UA, D5),
        nr("interception", "drone", None, None, 15, None, "RU-KDA", False, MOD, D5),
    ], key=repr)


def test_new_unattributed_mod_count_after_ukrainian_paragraph_is_not_ukrainian():
    text = ("Генштаб ВСУ подтвердил удар по нефтебазе в Краснодарском крае.\n\n"
            "Ночью над Краснодарским краем и Черным морем были сбиты 15 украинских беспилотников.")
    got = run(text, published=D5, outlet="РБК")
    icpt = [m for m in got if m["event_type"] == "interception"]
    assert [(m["claimant_side"], m["attacker_side"]) for m in icpt] == [("RU", "UA")]


def test_new_launched_of_them_shot_down_ru():
    text = "Всего ВСУ запустили 48 беспилотников, из них 40 сбиты силами ПВО, сообщили в Минобороны."
    got = run(text, published=D5, outlet="РБК")
    assert [(m["event_type"], m["launched"], m["intercepted"], m["claimant_side"]) for m in got] == [
        ("interception", 48, 40, "RU")]


def test_new_correction_in_one_sentence_ru():
    got = run("Ранее сообщалось о 40 сбитых беспилотниках, позднее Минобороны уточнило данные — 42.",
              published=D5, outlet="РБК")
    assert [(m["event_type"], m["intercepted"], m["claimant"]) for m in got] == [
        ("interception", 42, "Russian Ministry of Defence")]


def test_new_drone_attacked_a_facility_is_a_strike():
    got = run("Украинский беспилотник атаковал нефтебазу в Краснодарском крае, сообщил оперштаб Краснодарского края.",
              published=D5, outlet="РБК")
    assert [(m["event_type"], m["weapon"], m["admin1_code"], m["claimant"], m["attacker_side"]) for m in got] == [
        ("strike", "drone", "RU-KDA", "governor of Krasnodar region", "UA")]


def test_new_strikes_in_distinct_districts_of_one_region_stay_separate():
    text = ("Ночью беспилотники атаковали Белгородскую область.\n\n"
            "В Шебекинском округе дрон ударил по частному дому.\n\n"
            "В Грайворонском округе повреждены хозяйственные постройки, возник пожар.")
    gov = ("governor of Belgorod region", "RU", "UA")
    assert [(m["event_type"], m["weapon"], m["admin1_code"], m["parent_index"])
            + (m["claimant"], m["claimant_side"], m["attacker_side"], m["event_date"])
            for m in run(text, published=D5, outlet="Вячеслав Гладков (Telegram)")] == [
        ("strike", "drone", "RU-BEL", None) + gov + (D5,),
        ("strike", "unknown", "RU-BEL", None) + gov + (D5,),
    ]


def test_new_uncrewed_boats_all_destroyed_are_their_own_interception():
    # the boats' launch figure does not join the aerial drone total; "Все … уничтожены" → all of them
    text = ("🔹 В течение прошедшей ночи дежурными средствами ПВО уничтожены 20 украинских беспилотных "
            "летательных аппаратов.\n\n🔹 Также днем пресечена попытка киевского режима атаковать двумя "
            "безэкипажными катерами объекты флота. Все безэкипажные катера уничтожены в акватории Азовского моря.")
    got = run(text)
    assert [(m["event_type"], m["weapon"], m["launched"], m["intercepted"], m["admin1_code"], m["parent_index"],
             m["claimant"], m["claimant_side"], m["attacker_side"], m["event_date"]) for m in got] == [
        ("interception", "drone", None, 20, None, None) + MOD + ("2025-10-02",),
        ("interception", "drone", 2, 2, None, None) + MOD + ("2025-10-02",),
    ]
