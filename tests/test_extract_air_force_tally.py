"""The Ukrainian Air Force's nightly tally in English and French: launch and shoot-down figures
of one night form ONE interception claim, whatever the phrasing; hits stay their own strike."""

import pytest

from extract_helpers import assert_claims, runner

run = runner("2025-11-03", outlet="Kyiv Independent")

UA_AF = {"claimant": "Ukrainian Air Force", "claimant_side": "UA", "attacker_side": "RU", "event_date": "2025-11-03"}


def tally(launched, intercepted, lost_to_ew=None, weapon="drone", **kw):
    return {**UA_AF, "event_type": "interception", "weapon": weapon, "launched": launched,
            "intercepted": intercepted, "lost_to_ew": lost_to_ew, "admin1_code": None, **kw}


@pytest.mark.parametrize("text, launched, intercepted", [
    # a relative anaphor after the launch figure takes its own clause's verb
    ("Russia sent 74 attack drones over Ukraine overnight, 58 of which air defence was able to shoot down, "
     "the Air Force said.", 74, 58),
    ("Russia fired 33 drones at Ukraine overnight, 29 of which were downed by mobile fire groups, "
     "the Air Force said.", 33, 29),
    # "N out of M"
    ("The Air Force said it had destroyed 41 out of 57 drones launched by Russia overnight.", 57, 41),
    ("The Air Force said it had destroyed 41 out of the 57 drones launched overnight by Russia.", 57, 41),
])
def test_shoot_down_and_launch_in_one_sentence_en(text, launched, intercepted):
    assert_claims(run, text, [tally(launched, intercepted)])


def test_destroyed_the_launched_group_is_all_of_it_en_fr():
    assert_claims(run, "Ukraine's Air Force said it destroyed the 26 drones launched by Russia overnight.",
                  [tally(26, 26)])
    assert_claims(run, "L'armée de l'air ukrainienne dit avoir abattu les 19 drones lancés par la Russie dans la nuit.",
                  [tally(19, 19)], outlet="AFP")


def test_a_bare_definite_group_without_launch_participle_is_not_all_of_a_launch():
    # no launch participle after the group: the figure is a shoot-down figure only
    assert_claims(run, "The Air Force said it destroyed the 26 drones over the north of the country overnight.",
                  [tally(None, 26)])


@pytest.mark.parametrize("text, launched, intercepted, lost", [
    ("Air defence shot down 61 drones overnight, while 14 more were locationally lost, the Air Force said. "
     "Russia launched 80 drones in total.", 80, 61, 14),
    ("Air defence units downed 44 drones, the Air Force said on Telegram. In all, Russia attacked with 52 "
     "Shahed-type drones and decoys.", 52, 44, None),
])
def test_launch_figure_after_the_shoot_down_figure_completes_it_en(text, launched, intercepted, lost):
    assert_claims(run, text, [tally(launched, intercepted, lost)])


def test_launch_figure_after_the_shoot_down_figure_completes_it_fr():
    assert_claims(run, "La défense antiaérienne a abattu 47 drones, a indiqué l'armée de l'air. Au total, la Russie "
                       "a lancé 60 drones dans la nuit.", [tally(60, 47)], outlet="Le Monde")


def test_a_later_launch_figure_too_small_for_the_shoot_down_figure_stays_apart():
    ms = run("Air defence shot down 61 drones overnight, the Air Force said. Russia also launched 12 drones at "
             "Kharkiv on Sunday.")
    assert any(m["event_type"] == "interception" and m["intercepted"] == 61 and m["launched"] is None for m in ms)


def test_hits_after_shoot_down_are_a_separate_strike_claim():
    text = ("Russia attacked Ukraine overnight with 48 drones. Air defence destroyed 39 of them, the Air Force said, "
            "adding that nine drones hit targets in three locations.")
    assert_claims(run, text, [
        tally(48, 39),
        {**UA_AF, "event_type": "strike", "weapon": "drone", "hits": 9, "launched": None, "intercepted": None},
    ])


def test_headline_figures_out_of_a_total_after_the_verb():
    assert_claims(run, "Ukraine: 143 Russian drones shot down out of 170, air force says",
                  [tally(170, 143)])
    assert_claims(run, "Ukraine : 143 drones russes abattus sur 170, selon l'armée de l'air",
                  [tally(170, 143)], outlet="Le Figaro")


def test_selon_kiev_is_an_attribution_to_ukrainian_officials():
    ms = run("Au total, 64 cibles aériennes ont été neutralisées dans la nuit, selon Kiev.", outlet="Le Figaro")
    assert [(m["claimant"], m["claimant_side"], m["intercepted"]) for m in ms] == [("Ukrainian officials", "UA", 64)]


def test_a_detailing_verb_attributes_the_figures_that_follow_fr():
    ms = run("Dans un message publié à midi, l'armée de l'air ukrainienne a détaillé l'attaque : la Russie a tiré "
             "12 missiles et lancé 85 drones.", outlet="Le Monde")
    assert {(m["claimant"], m["weapon"], m["launched"]) for m in ms} == {
        ("Ukrainian Air Force", "missile", 12), ("Ukrainian Air Force", "drone", 85)}


def test_instrument_of_an_attack_verb_is_the_launch_figure():
    assert_claims(run, 'Russia attacks Ukraine with 58 drones and a missile overnight: 41 drones downed, 12 "lost"', [
        tally(58, 41, 12, claimant="outlet"),
        {"event_type": "attack", "weapon": "missile", "launched": 1, "intercepted": None, "attacker_side": "RU"},
    ], outlet="Ukrainska Pravda")
    assert_claims(run, "L'ennemi a attaqué l'Ukraine dans la nuit avec 77 drones de type Shahed ; 60 ont été abattus.",
                  [tally(77, 60, claimant="outlet")], outlet="Ukrinform")


def test_an_instrument_with_its_own_shoot_down_participle_keeps_it():
    assert_claims(run, "Russia attacked with 30 drones downed over the north, the Air Force said.",
                  [tally(None, 30)])


def test_later_launch_figure_with_its_own_lost_count_completes_the_shoot_down_claim_fr():
    assert_claims(run, "Dans la nuit, la défense aérienne a neutralisé 58 drones russes. Selon l'armée de l'air, "
                       "l'ennemi a attaqué avec 81 drones, dont 17 perdus localement.",
                  [tally(81, 58, 17)], outlet="Ukrinform")
