"""General rules behind the errors the sample data exposed (issue 12), each on sentences written
for these tests in every language it applies to:

* "X <weapon phrase> sur les / des / of the / out of the Y" is one interception X of Y
  ("deux missiles de croisière Kh-101 sur les trois tirés"), in French and English; the
  Cyrillic forms "збито X з Y" / "сбито X из Y" keep both figures;
* a headline figure the body's claim lacks is kept when the two are merged ("збито 47 з 70" in
  the title, "збито 47, ще 18 локаційно втрачені" in the body);
* a tally of hit locations ("влучання на N локаціях", "попадания на N локациях") is the enemy's
  hits on the claimant's side: attacker the other side, ``hits`` N, in the rows' country;
* a fuel storage facility is an oil depot.
"""

from __future__ import annotations

import pytest

from extract_helpers import assert_claims, runner

AF = dict(claimant="Ukrainian Air Force", claimant_side="UA", attacker_side="RU")
run_fr = runner("2025-04-02", outlet="Exemple Info")
run_en = runner("2025-04-02", outlet="Example Wire")
run_af = runner("2025-04-02", outlet="Повітряні сили ЗСУ (Telegram)")
run_ru = runner("2025-04-02", outlet="Example News")


@pytest.mark.parametrize("run, text, weapon, model, launched, intercepted", [
    (run_fr, "L'armée de l'air ukrainienne a annoncé avoir abattu cinq missiles balistiques Iskander-M "
             "sur les sept tirés dans la nuit.", "ballistic_missile", "Iskander-M", 7, 5),
    (run_fr, "L'armée de l'air ukrainienne a abattu 30 des 42 drones lancés, ainsi que trois missiles de "
             "croisière Kh-101 sur les quatre tirés contre Odessa.", "cruise_missile", "Kh-101", 4, 3),
    (run_en, "Ukraine's air force said it shot down two Kh-101 cruise missiles out of the three fired "
             "overnight.", "cruise_missile", "Kh-101", 3, 2),
    (run_en, "Ukraine's air force said it destroyed six Iskander-M ballistic missiles of the eight "
             "launched at the capital.", "ballistic_missile", "Iskander-M", 8, 6),
])
def test_x_weapon_phrase_of_the_y_is_one_interception(run, text, weapon, model, launched, intercepted):
    ms = [m for m in run(text) if m["weapon"] == weapon]
    assert [(m["event_type"], m["weapon_model"], m["launched"], m["intercepted"], m["attacker_side"]) for m in ms] == [
        ("interception", model, launched, intercepted, "RU")], ms


@pytest.mark.parametrize("run, text", [
    (run_af, "Повітряні сили: уночі збито 33 з 41 ударного БпЛА"),
    (run_ru, "Минобороны Украины: за ночь сбито 33 из 41 беспилотника"),
])
def test_x_of_y_in_cyrillic_keeps_both_figures(run, text):
    ms = run(text)
    assert [(m["event_type"], m["weapon"], m["launched"], m["intercepted"]) for m in ms] == [
        ("interception", "drone", 41, 33)]


@pytest.mark.parametrize("run, text, expected", [
    (run_af, "Повітряні сили: уночі збито 52 з 64 ударних БпЛА\n\n"
             "Уночі ворог атакував Україну 64 ударними БпЛА типу Shahed. Станом на 8:30 збито 52 ворожі "
             "безпілотники, ще 7 локаційно втрачені.",
     [dict(event_type="interception", weapon="drone", launched=64, intercepted=52, lost_to_ew=7, **AF)]),
    (run_ru, "ПВО Украины: за ночь сбито 52 из 64 беспилотников\n\n"
             "Ночью противник атаковал Украину 64 ударными беспилотниками. К утру сбиты 52 дрона, еще 7 "
             "подавлены средствами РЭБ.",
     [dict(event_type="interception", weapon="drone", launched=64, intercepted=52, lost_to_ew=7)]),
])
def test_headline_figure_is_kept_when_merged_into_the_body_claim(run, text, expected):
    assert_claims(run, text, expected)


@pytest.mark.parametrize("run, text, n, rows", [
    (run_af, "Зафіксовано влучання на 5 локаціях у Харківській та Полтавській областях.", 5, ["UA-53", "UA-63"]),
    (run_af, "Вночі зафіксовано влучання на 3 локаціях у Сумській області.", 3, ["UA-59"]),
    (run_af, "Зафиксированы попадания на 6 локациях в Одесской и Николаевской областях.", 6, ["UA-48", "UA-51"]),
])
def test_hit_location_tally_is_the_enemys_hits_in_the_rows_country(run, text, n, rows):
    ms = run(text)
    total = [m for m in ms if m["parent_index"] is None]
    children = [m for m in ms if m["parent_index"] is not None]
    assert [(m["event_type"], m["attacker_side"], m["hits"], m["country_code"]) for m in total] == [
        ("strike", "RU", n, "UA")]
    assert sorted(m["admin1_code"] for m in children) == rows
    assert all(m["attacker_side"] == "RU" and m["hits"] is None for m in children)


def test_hit_location_tally_without_regions_is_still_the_enemys():
    ms = run_af("Уночі зафіксовано влучання на 2 локаціях.")
    assert [(m["event_type"], m["attacker_side"], m["hits"]) for m in ms] == [("strike", "RU", 2)]


@pytest.mark.parametrize("run, text", [
    (run_en, "The governor of the Bryansk region said a drone had set fire to a fuel storage facility in Klintsy."),
    (run_fr, "Le gouverneur de la région de Briansk a indiqué qu'un drone avait incendié un site de stockage "
             "de carburant à Klintsy."),
])
def test_fuel_storage_is_an_oil_depot(run, text):
    assert [(m["event_type"], m["target"]) for m in run(text)] == [("strike", "oil depot")]
