"""Tests for pipeline.extract.numbers (fixtures written for these tests, not taken from the corpus)."""
import pytest
from hypothesis import given, settings, strategies as st

from pipeline.extract.numbers import NumberSpan, find_numbers, is_distributive, parse_number


def counts(text, lang):
    return [(s.text, s.value, s.qualifier) for s in find_numbers(text, lang) if s.kind == "count"]


def kinds(text, lang):
    return [(s.text, s.kind) for s in find_numbers(text, lang)]


# ----------------------------------------------------------------------------- digits
@pytest.mark.parametrize("text,expected", [
    ("Air defences downed 1 200 drones.", [("1 200", 1200, "exact")]),
    ("Air defences downed 1,200 drones.", [("1,200", 1200, "exact")]),
    ("La défense a abattu 1.200 drones.", [("1.200", 1200, "exact")]),
    ("Crews intercepted 17 of 23 drones.", [("17", 17, "exact"), ("23", 23, "exact")]),
    ("Zhytomyr (7), Rivne (2)", [("7", 7, "exact"), ("2", 2, "exact")]),
])
def test_digit_counts(text, expected):
    assert counts(text, "en") == expected


def test_offsets_point_into_text():
    text = "Units shot down 44 drones and 3 missiles."
    for s in find_numbers(text, "en"):
        assert text[s.start:s.end] == s.text


# ----------------------------------------------------------------------------- words en/fr
@pytest.mark.parametrize("text,lang,expected", [
    ("Thirty-three drones were destroyed.", "en", [("Thirty-three", 33, "exact")]),
    ("Officials counted one hundred and seven drones.", "en", [("one hundred and seven", 107, "exact")]),
    ("Quarante-quatre drones ont été abattus.", "fr", [("Quarante-quatre", 44, "exact")]),
    ("Vingt et un missiles et soixante et onze drones.", "fr",
     [("Vingt et un", 21, "exact"), ("soixante et onze", 71, "exact")]),
    ("quatre-vingt-dix-huit appareils", "fr", [("quatre-vingt-dix-huit", 98, "exact")]),
    ("deux cent trente drones", "fr", [("deux cent trente", 230, "exact")]),
])
def test_word_counts_en_fr(text, lang, expected):
    assert counts(text, lang) == expected


# ----------------------------------------------------------------------------- words ru/uk
@pytest.mark.parametrize("text,lang,expected", [
    ("сбиты тридцать три беспилотника", "ru", [("тридцать три", 33, "exact")]),
    ("перехвачено шестьдесят один из ста двадцати четырех", "ru",
     [("шестьдесят один", 61, "exact"), ("ста двадцати четырех", 124, "exact")]),
    ("над областью сбит один – над морем", "ru", [("один", 1, "exact")]),
    ("уничтожено одного", "ru", [("одного", 1, "exact")]),
    ("збито тридцять вісім ударних БпЛА", "uk", [("тридцять вісім", 38, "exact")]),
    ("знешкоджено п’ятнадцять дронів", "uk", [("п’ятнадцять", 15, "exact")]),
    ("знешкоджено пʼятдесят два дрони", "uk", [("пʼятдесят два", 52, "exact")]),
    ("двох тисяч трьохсот", "uk", [("двох тисяч трьохсот", 2300, "exact")]),
])
def test_word_counts_ru_uk(text, lang, expected):
    assert counts(text, lang) == expected


def test_sentence_initial_capital():
    assert counts("Семьдесят пять дронов", "ru") == [("Семьдесят пять", 75, "exact")]
    assert counts("Fifteen drones", "en") == [("Fifteen", 15, "exact")]


# ----------------------------------------------------------------------------- qualifiers
@pytest.mark.parametrize("text,lang,expected", [
    ("more than 60 drones", "en", [("60", 60, "at_least")]),
    ("over 150 drones", "en", [("150", 150, "at_least")]),
    ("at least nine drones", "en", [("nine", 9, "at_least")]),
    ("plus de 70 drones", "fr", [("70", 70, "at_least")]),
    ("более 45 беспилотников", "ru", [("45", 45, "at_least")]),
    ("понад 90 дронів", "uk", [("90", 90, "at_least")]),
    ("about 35 drones", "en", [("35", 35, "approximate")]),
    ("some 80 drones", "en", [("80", 80, "approximate")]),
    ("environ 25 drones", "fr", [("25", 25, "approximate")]),
    ("près de 140 drones", "fr", [("140", 140, "approximate")]),
    ("около 30 беспилотников", "ru", [("30", 30, "approximate")]),
    ("близько двадцяти дронів", "uk", [("двадцяти", 20, "approximate")]),
    ("порядка 50 дронов", "ru", [("50", 50, "approximate")]),
])
def test_qualifiers(text, lang, expected):
    assert counts(text, lang) == expected


@pytest.mark.parametrize("text,lang,phrase", [
    ("a dozen homes were damaged", "en", "a dozen"),
    ("dozens of drones", "en", "dozens"),
    ("une dizaine de drones", "fr", "une dizaine"),
    ("une vingtaine de drones", "fr", "une vingtaine"),
    ("une centaine de drones", "fr", "une centaine"),
    ("десяток беспилотников", "ru", "десяток"),
    ("десятки дронів", "uk", "десятки"),
])
def test_vague_quantities_have_no_value(text, lang, phrase):
    assert counts(text, lang) == [(phrase, None, "approximate")]


# ----------------------------------------------------------------------------- non-counts
@pytest.mark.parametrize("text,lang,expected", [
    ("In 2024 the plant was hit.", "en", [("2024", "year")]),
    ("On March 9, drones attacked.", "en", [("9", "date")]),
    ("9 марта беспилотники атаковали", "ru", [("9", "date")]),
    ("le 14 juillet", "fr", [("14", "date")]),
    ("с 22.00 до 6.00 мск", "ru", [("22.00", "time"), ("6.00", "time")]),
    ("at 04:30 local time", "en", [("04:30", "time")]),
    ("around 5 a.m.", "en", [("5", "time")]),
    ("a Kh-59 missile", "en", [("59", "model")]),
    ("С-400 и Ту-22М3", "ru", [("400", "model"), ("22", "model")]),
    ("Su-25 and Mi-24", "en", [("25", "model"), ("24", "model")]),
    ("a 54-year-old man", "en", [("54", "other")]),
    ("un homme de 61 ans", "fr", [("un", "article"), ("61", "other")]),
    ("aged 47", "en", [("47", "other")]),
    ("up 12% on the week", "en", [("12", "other")]),
    ("the 3rd brigade", "en", [("3", "other")]),
    ("see https://t.me/channel/40512 now", "en", [("40512", "other")]),
    ("the 700-km border", "en", [("700", "other")]),
    ("Posted 12/06/2025", "en", [("12/06/2025", "date")]),
])
def test_non_count_kinds(text, lang, expected):
    assert kinds(text, lang) == expected


def test_thousands_after_digits():
    assert counts("более 12 тысяч дронов", "ru") == [("12 тысяч", 12000, "at_least")]


# ----------------------------------------------------------------------------- un/une/a/one
def test_french_un_article_vs_pronoun():
    got = [(s.text, s.kind, s.value) for s in find_numbers("un drone a été abattu et un au-dessus de la mer", "fr")]
    assert got == [("un", "article", 1), ("un", "count", 1)]


def test_english_one_and_article():
    got = [(s.text, s.kind, s.value) for s in find_numbers("two over Kursk and one over Oryol; a drone hit a car", "en")]
    assert got == [("two", "count", 2), ("one", "count", 1), ("a", "article", 1)]


def test_english_one_pronoun_not_count():
    assert [(s.text, s.kind) for s in find_numbers("no one was hurt", "en")] == [("one", "other")]


def test_zero_phrase():
    assert counts("не было ни одного попадания", "ru") == [("ни одного", 0, "exact")]


# ----------------------------------------------------------------------------- distributive
@pytest.mark.parametrize("text,lang,number", [
    ("по три над Курской и Орловской областями", "ru", "три"),
    ("по сім над Сумщиною та Полтавщиною", "uk", "сім"),
    ("two each over the Tula and Kaluga regions", "en", "two"),
    ("cinq chacun au-dessus de Koursk et d'Orel", "fr", "cinq"),
    ("Quatre drones dans chacune des régions de Tver et Pskov", "fr", "Quatre"),
])
def test_is_distributive_true(text, lang, number):
    span = next(s for s in find_numbers(text, lang) if s.text == number)
    assert is_distributive(text, span) is True


def test_is_distributive_false():
    text = "12 over the Bryansk region and four over the Kursk region"
    assert [is_distributive(text, s) for s in find_numbers(text, "en")] == [False, False]


# ----------------------------------------------------------------------------- parse_number
@pytest.mark.parametrize("s,lang,value", [
    ("1 200", "en", 1200), ("3,450", "en", 3450), ("sixty-two", "en", 62), ("cent trente et un", "fr", 131),
    ("quatre-vingts", "fr", 80), ("сорока двух", "ru", 42), ("двадцять сім", "uk", 27),
    ("одного", "ru", 1), ("une dizaine", "fr", None), ("drones", "en", None), ("", "en", None),
    ("три и четыре", "ru", None),
])
def test_parse_number(s, lang, value):
    assert parse_number(s, lang) == value


# ----------------------------------------------------------------------------- properties
@settings(max_examples=300, deadline=None)
@given(st.text(), st.sampled_from(["en", "fr", "ru", "uk", "mixed", "other", ""]))
def test_find_numbers_never_crashes(text, lang):
    spans = find_numbers(text, lang)
    assert all(isinstance(s, NumberSpan) for s in spans)
    assert all(text[s.start:s.end] == s.text for s in spans)
    assert [s.start for s in spans] == sorted(s.start for s in spans)
    for s in spans:
        is_distributive(text, s)


_alphabet = st.sampled_from(list("0123456789 ,.-:/%()") + ["два", "три", "сім", "vingt", "et", "un", "one",
                                                         "hundred", "более", "about", "March", "мск", "Kh-",
                                                         "тысяч", "une dizaine", "по", "each", "п’ять"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_alphabet, max_size=25).map(" ".join), st.sampled_from(["en", "fr", "ru", "uk"]))
def test_find_numbers_on_number_like_noise(text, lang):
    for s in find_numbers(text, lang):
        assert text[s.start:s.end] == s.text
        assert s.qualifier in ("exact", "at_least", "approximate")
        assert s.kind in ("count", "year", "date", "time", "model", "article", "other")
        assert s.value is None or s.value >= 0
    parse_number(text, lang)
