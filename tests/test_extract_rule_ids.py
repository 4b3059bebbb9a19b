"""Rule traceability: every mention says which rules produced it (mentions.rule_ids); one rule per
language, with sentences written for these tests."""

import pytest

from tests.extract_helpers import runner

run = runner("2025-03-02")


def _ids(m) -> list[str]:
    return m["rule_ids"].split("|")


@pytest.mark.parametrize("lang,text,outlet,expected", [
    ("en", "The Ukrainian air force said it downed 48 of 70 drones launched overnight.", "Ukrinform", "en.count.x_of_y"),
    ("fr", "L'armée de l'air ukrainienne a affirmé avoir abattu 31 des 44 drones lancés dans la nuit.", "Le Monde",
     "fr.count.x_of_y"),
    ("uk", "Вночі ворог атакував 52 ударними БпЛА. Збито 40 дронів: 22 – над Полтавщиною, 18 – над Черкащиною.",
     "kpszsu", "uk.interception.row_single"),
    ("ru", "За прошедшую ночь дежурными средствами ПВО перехвачены и уничтожены 26 украинских беспилотных летательных "
           "аппаратов: 15 – над территорией Смоленской области, 11 – над территорией Тверской области.",
     "mod_russia", "ru.interception.frame_total"),
])
def test_a_mention_records_the_rule_that_made_it(lang, text, outlet, expected):
    ms = run(text, outlet=outlet, language=lang)
    assert ms and any(expected in _ids(m) for m in ms), [m["rule_ids"] for m in ms]


def test_rule_ids_are_sorted_distinct_and_never_empty():
    ms = run("Air defences destroyed 12 drones over the Kursk region and 5 over the Belgorod region, "
             "the Russian defence ministry said.", outlet="TASS", language="en")
    assert ms
    for m in ms:
        ids = _ids(m)
        assert ids == sorted(set(ids)) and all(ids)


def test_a_headline_restated_in_the_body_records_the_merge():
    text = "Russia says 40 drones downed over its regions\n\nRussia's defence ministry said 40 Ukrainian drones were destroyed overnight."
    ms = run(text, title="Russia says 40 drones downed over its regions", outlet="Reuters", language="en")
    assert any("core.headline_dedup" in _ids(m) for m in ms), [m["rule_ids"] for m in ms]
