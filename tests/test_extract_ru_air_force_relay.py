"""Russian-language Ukrainian outlets relaying the Ukrainian Air Force: "Воздушные силы" alone is the
Ukrainian Air Force; Russia's "Воздушно-космические силы" (ВКС) are not."""

from extract_helpers import runner

run = runner("2025-10-05", outlet="Украинская правда")


def test_vozdushnye_sily_without_country_is_the_ukrainian_air_force():
    ms = run("Всего, по данным Воздушных сил, было запущено 64 средства воздушного нападения, из них сбиты 51.")
    assert [(m["claimant"], m["claimant_side"], m["launched"], m["intercepted"]) for m in ms] == [
        ("Ukrainian Air Force", "UA", 64, 51)]


def test_russian_aerospace_forces_are_not_the_ukrainian_air_force():
    ms = run("Как сообщили в Воздушно-космических силах России, истребители сбили 12 украинских беспилотников.")
    assert all(m["claimant_side"] != "UA" for m in ms)
