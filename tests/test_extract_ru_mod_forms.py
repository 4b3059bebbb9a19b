"""Russian MoD post forms: distributive "по N БПЛА" rows, "и ещё N" additions, the total before
"из которых", period figures inside the night total, post dates a day after publication, and
balloons (not drones). Every sentence is invented for these tests in the channel's style."""

from __future__ import annotations

from pipeline.extract.cyrillic import extract_cyrillic

FIELDS = ("event_type", "weapon", "launched", "intercepted", "lost_to_ew", "admin1_code", "parent_index",
          "claimant_side", "attacker_side")


def run(text, published="2025-06-10T04:05", outlet="mod_russia"):
    art = {"article_id": "t", "doc_id": "t", "outlet": outlet, "title": None, "published": published,
           "published_date": published[:10], "language_meta": "ru", "text": text}
    return extract_cyrillic(art, [], None)


def rows(ms):
    return [tuple(m[f] for f in FIELDS) for m in ms]


def icpt(n, code=None, parent=None, launched=None):
    return ("interception", "drone", launched, n, None, code, parent, "RU", "UA")


def test_distributive_rows_with_the_weapon_noun_in_a_second_sentence():
    text = ("Дежурными средствами ПВО уничтожено семь украинских беспилотников. По два БПЛА сбито над "
            "территориями Липецкой и Тульской областей и три над территорией Брянской области.")
    assert rows(run(text)) == [icpt(7), icpt(2, "RU-LIP", 0), icpt(2, "RU-TUL", 0), icpt(3, "RU-BRY", 0)]


def test_distributive_rows_with_the_weapon_noun_after_a_colon_total():
    text = ("В течение прошедшей ночи дежурными средствами ПВО уничтожены 30 украинских беспилотных летательных "
            "аппаратов: 14 – над территорией Брянской области, по четыре БПЛА над территориями Курской и "
            "Орловской областей, 8 – над территорией Смоленской области.")
    assert rows(run(text)) == [icpt(30), icpt(14, "RU-BRY", 0), icpt(4, "RU-KRS", 0), icpt(4, "RU-ORL", 0),
                               icpt(8, "RU-SMO", 0)]


def test_and_another_n_is_a_sibling_not_a_row():
    text = ("Дежурными средствами ПВО уничтожено шесть украинских беспилотников и ещё два перехвачены над "
            "территорией Курской области.")
    assert rows(run(text)) == [icpt(6), icpt(2, "RU-KRS")]


def test_total_before_of_which_is_intercepted_with_its_rows():
    text = ("Дежурными средствами ПВО перехвачены и уничтожены 20 украинских беспилотников, из которых 12 сбиты "
            "над Курской областью и 8 – над Брянской.")
    assert rows(run(text)) == [icpt(20), icpt(12, "RU-KRS", 0), icpt(8, "RU-BRY", 0)]


def test_total_before_of_which_with_a_single_row():
    text = ("Дежурными средствами ПВО уничтожены 20 украинских БПЛА, из которых 12 уничтожены над территорией "
            "Курской области.")
    assert rows(run(text)) == [icpt(20), icpt(12, "RU-KRS", 0)]


def test_period_figures_are_parts_of_the_night_total():
    text = ("С 23:00 до 03:00 мск дежурными средствами ПВО уничтожены 14 украинских беспилотников над Курской "
            "областью. С 03:00 до 07:00 мск уничтожены ещё 9 БПЛА над Брянской областью. Всего за ночь "
            "уничтожено 23 украинских беспилотных летательных аппарата.")
    assert rows(run(text)) == [icpt(14, "RU-KRS", 2), icpt(9, "RU-BRY", 2), icpt(23)]


def test_period_figure_without_place_is_part_of_the_night_total():
    text = ("В период с 23:00 до 07:00 мск дежурными средствами ПВО уничтожены 14 украинских беспилотников. "
            "Всего в течение ночи перехвачены и уничтожены 31 украинский беспилотный летательный аппарат.")
    assert rows(run(text)) == [icpt(14, None, 1), icpt(31)]


def test_post_dated_the_day_after_publication_keeps_the_year():
    text = "2 января т.г. дежурными средствами ПВО уничтожены 9 украинских беспилотников над Курской областью."
    ms = run(text, published="2025-01-01T22:30")
    assert [m["event_date"] for m in ms] == ["2025-01-02"]


def test_december_post_read_in_january_is_last_year():
    text = "31 декабря дежурными средствами ПВО уничтожены 9 украинских беспилотников над Курской областью."
    ms = run(text, published="2025-01-01T09:00")
    assert [m["event_date"] for m in ms] == ["2024-12-31"]


def test_balloons_are_not_drones():
    text = ("Дежурными средствами ПВО уничтожены 20 украинских беспилотников и ещё 4 аэростата над "
            "территорией Брянской области.")
    assert rows(run(text)) == [icpt(20)]


def test_small_balloons_beside_drones_are_not_counted():
    text = ("Дежурными средствами ПВО уничтожены три БПЛА над территорией Белгородской области и два "
            "малоразмерных воздушных шара над территорией Курской области.")
    assert rows(run(text)) == [icpt(3, "RU-BEL")]


def test_distributive_rows_then_a_row_cut_at_the_limit_stay_under_the_total():
    text = ("Дежурными средствами ПВО уничтожено одиннадцать украинских беспилотников. По три БПЛА уничтожены над "
            "территориями Курской, Орловской и Тульской областей и два БПЛА сбиты над террито")
    got = rows(run(text))
    assert got[:4] == [icpt(11), icpt(3, "RU-KRS", 0), icpt(3, "RU-ORL", 0), icpt(3, "RU-TUL", 0)]
    assert got[4][3] == 2 and got[4][6] == 0 and len(got) == 5


def test_a_range_from_to_is_no_up_to_figure():
    text = "Ежедневно расчеты ПВО на этом участке уничтожают от 4 до 9 беспилотников противника."
    assert [m["intercepted"] for m in run(text)] in ([], [None])


def test_complement_only_one_not_shot_down_ru():
    text = "Киевский режим атаковал объекты 30 беспилотниками. Сбить не удалось лишь один беспилотник."
    assert rows(run(text)) == [icpt(29, launched=30)]
