"""Counts: "X of Y", "X des Y", number words, "all N", approximate counts."""

import pytest

from extract_helpers import runner


run = runner("2025-05-02")


def only(ms, **filt):
    return [m for m in ms if all(m.get(k) == v for k, v in filt.items())]


def test_x_of_y_english():
    ms = run("Ukraine's air force said it had shot down 40 of the 52 drones launched by Russia overnight.")
    [m] = only(ms, event_type="interception")
    assert (m["intercepted"], m["launched"], m["weapon"]) == (40, 52, "drone")
    assert m["claimant_side"] == "UA" and m["attacker_side"] == "RU"


def test_x_des_y_french():
    ms = run("L'armée de l'air ukrainienne affirme avoir abattu 33 des 47 drones lancés par la Russie dans la nuit.",
             outlet="Le Monde")
    [m] = only(ms, event_type="interception")
    assert (m["intercepted"], m["launched"]) == (33, 47)
    assert m["country_hint"] == "UA"


def test_number_words():
    ms = run("Russian air defences destroyed twenty-three Ukrainian drones overnight, the Defence Ministry said.")
    [m] = ms
    assert m["intercepted"] == 23 and m["claimant_side"] == "RU"
    ms = run("Dix-sept drones ukrainiens ont été abattus dans la nuit, a indiqué le ministère russe de la Défense.",
             outlet="AFP")
    assert [m["intercepted"] for m in ms] == [17]


def test_all_n_is_n_of_n():
    ms = run("The Defence Ministry said its air defences had destroyed all 12 Ukrainian drones launched at the region.")
    [m] = ms
    assert (m["intercepted"], m["launched"]) == (12, 12)


@pytest.mark.parametrize("text", [
    "Une dizaine de drones ont été abattus au-dessus de la ville dans la nuit, selon le maire.",
])
def test_approximate_count_left_empty(text):
    for m in run(text, outlet="AFP"):
        assert m["intercepted"] is None


def test_launch_then_intercept_in_next_sentence_is_one_claim():
    ms = run("Russia launched 88 drones at Ukraine overnight, the air force said. Of those, 60 were shot down and "
             "20 were locationally lost, it said.")
    [m] = only(ms, weapon="drone")
    assert (m["launched"], m["intercepted"], m["lost_to_ew"], m["event_type"]) == (88, 60, 20, "interception")


def test_french_launch_then_d_entre_eux():
    ms = run("L'armée de l'air ukrainienne a indiqué que la Russie avait lancé 70 drones pendant la nuit. "
             "52 d'entre eux ont été neutralisés, et 14 ont été « perdus localement ».", outlet="Ukrinform")
    [m] = only(ms, weapon="drone")
    assert (m["launched"], m["intercepted"], m["lost_to_ew"]) == (70, 52, 14)
