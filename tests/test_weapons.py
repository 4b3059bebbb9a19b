"""Tests for pipeline.extract.weapons (fixtures written for these tests, not taken from the corpus)."""
import json

import pytest
from hypothesis import given, settings, strategies as st

from pipeline.extract.weapons import WeaponSpan, combine_classes, find_weapons, weapon_lexicon

CLASSES = {"drone", "missile", "ballistic_missile", "cruise_missile", "glide_bomb", "rocket", "artillery", "aircraft"}


def W(text, lang="en"):
    return [(w.text, w.weapon_class, w.model) for w in find_weapons(text, lang)]


def test_lexicon_rows_are_well_formed():
    rows = weapon_lexicon()
    assert len(rows) > 50
    for r in rows:
        assert r["class"] in CLASSES
        assert set(r["aliases"]) == {"en", "fr", "ru", "uk"}
        assert all(isinstance(a, str) and a for v in r["aliases"].values() for a in v)
        json.dumps(r)


@pytest.mark.parametrize("text,lang,expected", [
    ("Moscow fired two Kh-101 missiles", "en", [("Kh-101", "cruise_missile", "Kh-101"), ("missiles", "missile", None)]),
    ("ракеты Х-101 и Х-555", "ru", [("ракеты", "missile", None), ("Х-101", "cruise_missile", "Kh-101"),
                                    ("Х-555", "cruise_missile", "Kh-555")]),
    ("a X-59 and a Kh 69", "en", [("X-59", "cruise_missile", "Kh-59"), ("Kh 69", "cruise_missile", "Kh-69")]),
    ("Geran-2 drones", "en", [("Geran-2", "drone", "Shahed"), ("drones", "drone", None)]),
    ("ударні БпЛА типу Shahed", "uk", [("ударні БпЛА", "drone", None), ("Shahed", "drone", "Shahed")]),
    ("дронів-імітаторів типу «Гербера»", "uk", [("дронів-імітаторів", "drone", None), ("Гербера", "drone", "Gerbera")]),
    ("двумя баллистическими ракетами «Искандер-М»", "ru",
     [("баллистическими ракетами", "ballistic_missile", None), ("Искандер-М", "ballistic_missile", "Iskander-M")]),
    ("Iskander-K", "en", [("Iskander-K", "cruise_missile", "Iskander-K")]),
    ("Kinzhal aeroballistic missiles", "en", [("Kinzhal", "ballistic_missile", "Kinzhal"),
                                              ("aeroballistic missiles", "ballistic_missile", None)]),
    ("des missiles de croisière Kalibr", "fr", [("missiles de croisière", "cruise_missile", None),
                                                ("Kalibr", "cruise_missile", "Kalibr")]),
    ("крилаті ракети «Нептун-МД»", "uk", [("крилаті ракети", "cruise_missile", None),
                                         ("Нептун-МД", "cruise_missile", "Neptune-MD")]),
    ("Storm Shadow/SCALP", "en", [("Storm Shadow/SCALP", "cruise_missile", "Storm Shadow")]),
    ("ракеты С-300", "ru", [("ракеты", "missile", None), ("С-300", "missile", "S-300")]),
    ("управляемых авиабомб JDAM", "ru", [("управляемых авиабомб", "glide_bomb", None), ("JDAM", "glide_bomb", "JDAM")]),
    ("керованими авіабомбами КАБ", "uk", [("керованими авіабомбами", "glide_bomb", None), ("КАБ", "glide_bomb", "KAB")]),
    ("bombes planantes", "fr", [("bombes planantes", "glide_bomb", None)]),
    ("реактивных снарядов РСЗО HIMARS", "ru", [("реактивных снарядов", "rocket", None), ("РСЗО", "rocket", None),
                                             ("HIMARS", "rocket", "HIMARS")]),
    ("RM-70 Vampire rockets", "en", [("RM-70 Vampire", "rocket", "Vampire"), ("rockets", "rocket", None)]),
    ("РСЗО «Ольха»", "ru", [("РСЗО", "rocket", None), ("Ольха", "rocket", "Vilkha")]),
    ("САУ «Акация»", "ru", [("САУ", "artillery", None), ("Акация", "artillery", "Akatsiya")]),
    ("вертолет Ми-8", "ru", [("вертолет", "aircraft", None), ("Ми-8", "aircraft", "Mi-8")]),
    ("a Su-34 bomber", "en", [("Su-34", "aircraft", "Su-34"), ("bomber", "aircraft", None)]),
    ("дрон «Лютий»", "uk", [("дрон", "drone", None), ("Лютий", "drone", "Lyutyi")]),
    ("12 беспилотных летательных аппаратов самолетного типа", "ru",
     [("беспилотных летательных аппаратов самолетного типа", "drone", None)]),
    ("aircraft-type unmanned aerial vehicles", "en", [("aircraft-type unmanned aerial vehicles", "drone", None)]),
    ("безэкипажных катеров", "ru", [("безэкипажных катеров", "drone", None)]),
    ("naval drones", "en", [("naval drones", "drone", None)]),
])
def test_find_weapons(text, lang, expected):
    assert W(text, lang) == expected


@pytest.mark.parametrize("text", [
    "anti-aircraft guns", "anti-drone nets", "air and missile defence", "the harm done", "a grad student",
    "Волгоград", "зенитные ракетные комплексы",
])
def test_non_weapons(text):
    assert W(text) == []


def test_offsets():
    text = "Над Брянской областью сбиты 5 БпЛА и ракета Х-59."
    for w in find_weapons(text, "ru"):
        assert isinstance(w, WeaponSpan)
        assert text[w.start:w.end] == w.text


@pytest.mark.parametrize("classes,expected", [
    ([], "unknown"),
    (["unknown"], "unknown"),
    (["drone", "drone"], "drone"),
    (["missile", "cruise_missile"], "cruise_missile"),
    (["missile", "ballistic_missile"], "ballistic_missile"),
    (["ballistic_missile", "cruise_missile"], "missile"),
    (["missile"], "missile"),
    (["drone", "cruise_missile"], "mixed"),
    (["drone", "glide_bomb"], "mixed"),
    (["aircraft", "glide_bomb"], "glide_bomb"),
    (["aircraft"], "aircraft"),
    (["artillery", "rocket"], "rocket"),
    (["mixed", "drone"], "mixed"),
])
def test_combine_classes(classes, expected):
    assert combine_classes(classes) == expected


@settings(max_examples=300, deadline=None)
@given(st.text(), st.sampled_from(["en", "fr", "ru", "uk", "other"]))
def test_never_crashes(text, lang):
    spans = find_weapons(text, lang)
    last_end = -1
    for w in spans:
        assert text[w.start:w.end] == w.text
        assert w.weapon_class in CLASSES
        assert w.start >= last_end
        last_end = w.end
    assert combine_classes(w.weapon_class for w in spans) in CLASSES | {"mixed", "unknown"}
