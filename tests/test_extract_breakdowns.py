"""Breakdowns: a total plus one child per region; children never exceed the total;
distributive "each"; parenthesised counts; region-first wording; total stated last."""

from extract_helpers import runner


run = runner("2025-06-03")


def _check_children(ms):
    for m in ms:
        p = m["parent_index"]
        if p is not None:
            assert m["intercepted"] <= ms[p]["intercepted"]


def test_total_and_rows_same_sentence():
    ms = run("Russian air defences destroyed 30 Ukrainian drones overnight: 15 over the Kursk region, "
             "nine over the Bryansk region and six over the Tula region, the Defence Ministry said.")
    tot = [m for m in ms if m["parent_index"] is None]
    assert len(tot) == 1 and tot[0]["intercepted"] == 30 and tot[0]["admin1_code"] is None
    rows = {m["admin1_code"]: m["intercepted"] for m in ms if m["parent_index"] is not None}
    assert rows == {"RU-KRS": 15, "RU-BRY": 9, "RU-TUL": 6}
    _check_children(ms)


def test_distributive_each():
    ms = run("The ministry said 20 drones were downed: 10 over the Oryol region and five each over the "
             "Kaluga and Smolensk regions.")
    rows = {m["admin1_code"]: m["intercepted"] for m in ms if m["parent_index"] is not None}
    assert rows == {"RU-ORL": 10, "RU-KLU": 5, "RU-SMO": 5}


def test_distributive_french():
    ms = run("Le ministère russe de la Défense a affirmé avoir abattu 9 drones. Trois drones ont été détruits "
             "dans chacune des régions de Koursk, de Briansk et de Belgorod.", outlet="AFP")
    rows = sorted(m["admin1_code"] for m in ms if m["intercepted"] == 3)
    assert rows == ["RU-BEL", "RU-BRY", "RU-KRS"]


def test_parenthesised_counts():
    ms = run("The Defence Ministry said 25 drones were destroyed over Belgorod (10), Kursk (8) and Voronezh (7).")
    rows = {m["admin1_code"]: m["intercepted"] for m in ms if m["parent_index"] is not None}
    assert rows == {"RU-BEL": 10, "RU-KRS": 8, "RU-VOR": 7}
    _check_children(ms)


def test_region_first_and_total_last():
    ms = run("In the Rostov region, 14 drones were destroyed, the Defence Ministry said. Another eight were downed "
             "over the Kursk region. In all, 22 drones were shot down overnight, the ministry said.")
    tot = [m for m in ms if m["admin1_code"] is None]
    assert len(tot) == 1 and tot[0]["intercepted"] == 22
    rows = {m["admin1_code"]: m["intercepted"] for m in ms if m["admin1_code"]}
    assert rows == {"RU-ROS": 14, "RU-KRS": 8}
    assert all(m["parent_index"] == ms.index(tot[0]) for m in ms if m["admin1_code"])


def test_rows_exceeding_total_are_not_children():
    ms = run("Russian air defences shot down 10 drones overnight, 25 over the Kursk region, the ministry said.")
    _check_children(ms)


def test_per_weapon_groups_are_separate_claims():
    ms = run("Ukraine's air force said Russia launched 60 drones and four Iskander-M ballistic missiles overnight. "
             "It said 45 drones and two of the missiles were shot down.")
    by_w = {m["weapon"]: (m["launched"], m["intercepted"]) for m in ms}
    assert by_w["drone"] == (60, 45)
    assert by_w["ballistic_missile"] == (4, 2)


def test_dash_rows_of_a_translated_ministry_list_en_fr():
    """"N – over the territory of X region": each dash row is a region row under the total."""
    from extract_helpers import runner as _runner
    run = _runner("2025-06-03", outlet="TASS")
    text = ("During the past night, 26 Ukrainian UAVs of aircraft type were intercepted and destroyed by on-duty air "
            "defence systems: 15 – over the territory of the Belgorod region, 7 – over the territory of the Kursk "
            "region, 4 – over the territory of the Voronezh region, the ministry said.")
    rows = [(m["intercepted"], m["admin1_code"]) for m in run(text) if m["event_type"] == "interception"]
    assert rows == [(26, None), (15, "RU-BEL"), (7, "RU-KRS"), (4, "RU-VOR")]
    text = ("Au cours de la nuit, 26 drones ukrainiens ont été interceptés et détruits, selon le ministère russe de la "
            "Défense : 15 – au-dessus de la région de Belgorod, 11 – au-dessus de la région de Koursk.")
    rows = [(m["intercepted"], m["admin1_code"]) for m in run(text) if m["event_type"] == "interception"]
    assert rows == [(26, None), (15, "RU-BEL"), (11, "RU-KRS")]


def test_an_apposed_count_takes_the_place_of_its_clause_en_fr():
    from extract_helpers import runner as _runner
    run = _runner("2026-06-14", outlet="Reuters")
    ms = run("The ministry said it downed 48 drones. Most of them, 27, were shot down over the Kursk region.")
    assert [(m["intercepted"], m["admin1_code"], m["parent_index"]) for m in ms] == [(48, None, None), (27, "RU-KRS", 0)]
    ms = run("Le ministère a annoncé avoir intercepté 48 drones. La plupart d'entre eux, 27, ont été abattus "
             "au-dessus de la région de Koursk.", outlet="AFP")
    assert [(m["intercepted"], m["admin1_code"], m["parent_index"]) for m in ms] == [(48, None, None), (27, "RU-KRS", 0)]
