"""Region words mean regions: a name read with a region word ("the Oryol and Smolensk regions",
"la région d'Orel", "у Сумській області", "над Тульской областью") resolves to the oblast
(admin1), never to the city of the same name; the city only when the text names the city.
Extraction then geocoding, on sentences written for these tests in en, fr, uk and ru."""

from __future__ import annotations

import pytest

from pipeline.extract.stage import finalize
from pipeline.geocode.gazetteer import default_gazetteer
from pipeline.geocode.stage import geocode_mentions

from extract_helpers import runner

run = runner("2025-06-20")


def places(text: str, outlet: str = "Reuters") -> list[tuple]:
    ms, _ = finalize({"article_id": "a", "source_file": "x"}, run(text, outlet=outlet))
    geo, _, _ = geocode_mentions(ms, default_gazetteer())
    return sorted((m["intercepted"], m["admin1_code"], m["geo_precision"]) for m in geo if m["admin1_code"])


@pytest.mark.parametrize("text, expected", [
    ("Russia's defence ministry said it destroyed 14 drones overnight: six over the Tula region "
     "and four each over the Oryol and Smolensk regions.",
     [(4, "RU-ORL", "admin1"), (4, "RU-SMO", "admin1"), (6, "RU-TUL", "admin1")]),
    ("Le ministère russe de la Défense a affirmé avoir détruit 20 drones dans la nuit : 12 au-dessus "
     "de la région de Toula et quatre chacun au-dessus des régions d'Orel et de Smolensk.",
     [(4, "RU-ORL", "admin1"), (4, "RU-SMO", "admin1"), (12, "RU-TUL", "admin1")]),
    ("Минобороны России сообщило, что ночью уничтожены 20 беспилотников: 12 над Тульской областью "
     "и по четыре над Орловской и Смоленской областями.",
     [(4, "RU-ORL", "admin1"), (4, "RU-SMO", "admin1"), (12, "RU-TUL", "admin1")]),
    ("Повітряні сили: уночі збито 12 з 20 дронів: по шість над Сумською та Полтавською областями.",
     [(6, "UA-53", "admin1"), (6, "UA-59", "admin1")]),
])
def test_region_lists_resolve_to_oblasts(text, expected):
    assert places(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Three drones were shot down over the Tula region, the governor said.", (3, "RU-TUL", "admin1")),
    ("Three drones were shot down over the city of Tula, the governor said.", (3, "RU-TUL", "settlement")),
    ("Selon le gouverneur, trois drones ont été abattus au-dessus de la région d'Orel.", (3, "RU-ORL", "admin1")),
    ("Selon le gouverneur, trois drones ont été abattus au-dessus de la ville d'Orel.", (3, "RU-ORL", "settlement")),
    ("Над Тульской областью сбиты три беспилотника, сообщил губернатор.", (3, "RU-TUL", "admin1")),
    ("В городе Тула сбиты три беспилотника, сообщил губернатор.", (3, "RU-TUL", "settlement")),
    ("У Сумській області збито два дрони, повідомив голова ОВА.", (2, "UA-59", "admin1")),
    ("У місті Суми збито два дрони, повідомив голова ОВА.", (2, "UA-59", "settlement")),
])
def test_region_word_gives_the_region_and_city_word_the_city(text, expected):
    assert places(text) == [expected]


def test_region_named_before_a_strike_is_the_region_not_its_capital():
    ms, _ = finalize({"article_id": "a", "source_file": "x"},
                     run("Dans la région de Soumy, une frappe de drone a détruit un hangar, a indiqué le gouverneur."))
    geo, _, _ = geocode_mentions(ms, default_gazetteer())
    assert [(m["event_type"], m["admin1_code"], m["geo_precision"]) for m in geo] == [("strike", "UA-59", "admin1")]


@pytest.mark.parametrize("text, expected", [
    ("au-dessus des régions d'Orel et de Smolensk", [("RU-ORL", "admin1"), ("RU-SMO", "admin1")]),
    ("les régions de Koursk, de Briansk et d'Orel", [("RU-KRS", "admin1"), ("RU-BRY", "admin1"), ("RU-ORL", "admin1")]),
    ("près d'Orel", [("RU-ORL", "settlement")]),
    ("the Oryol and Kursk regions", [("RU-ORL", "admin1"), ("RU-KRS", "admin1")]),
])
def test_gazetteer_reads_elided_and_listed_region_names(text, expected):
    got = [(m.place.admin1_code, m.place.geo_precision) for m in default_gazetteer().find_places(text, "fr")]
    assert got == expected
