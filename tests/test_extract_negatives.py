"""Hard negatives: production figures, prisoner exchanges, budgets, cumulative totals, air-raid alerts,
vague background."""
import pytest

from extract_helpers import runner

run = runner("2025-06-03")


@pytest.mark.parametrize("text", [
    "The company plans to produce 3,000 interceptor drones a month by the end of the year.",
    "Russia and Ukraine exchanged 150 prisoners of war each on Friday, with mediation by the UAE.",
    "Germany will spend 2.5 billion euros on air defence, including four more Patriot systems.",
    "Since the start of the year, Russia has launched more than 20,000 drones at Ukraine, officials said.",
    "Air-raid alerts in Kyiv lasted a total of 41 hours in March, the city administration said.",
    "Kyiv has stepped up its long-range strikes on Russian refineries this year.",
    "La Russie et l'Ukraine ont échangé 84 prisonniers de guerre samedi.",
    "Depuis le début de l'année, plus de 15 000 drones ont été lancés contre l'Ukraine.",
])
def test_no_claim(text):
    assert run(text) == []
