"""Generalisation, fifth round (invented sentences, none taken from any corpus).

Families: a date between the claimant and its reporting verb is the statement's day, not the event's
("the General Staff on Oct. 21 confirmed … yesterday evening"); a revised total with its own
interception figure ("the figure is now 53, of which 44 were downed") replaces both earlier figures;
a recap bullet's "overnight" dates the undated claims ahead of a side event's day further down.
"""

from extract_helpers import assert_claims, matches, runner, show

I, S, A = "interception", "strike", "attack"
GS, AF, MOD = "Ukrainian General Staff", "Ukrainian Air Force", "Russian Ministry of Defence"


def test_statement_date_between_claimant_and_verb():
    run = runner("2025-10-21")
    assert_claims(run, "Ukraine's General Staff on Oct. 21 confirmed that Ukrainian drones had struck the oil refinery "
               "in Saratov yesterday evening.",
          [dict(event_type=S, weapon="drone", claimant=GS, claimant_side="UA", admin1_code="RU-SAR",
                event_date="2025-10-20")])


def test_statement_date_spelled_month_before_verb():
    run = runner("2025-03-12")
    assert_claims(run, "The General Staff on March 12 said Ukrainian drones hit an ammunition depot in the Bryansk region "
               "yesterday.",
          [dict(event_type=S, claimant=GS, admin1_code="RU-BRY", event_date="2025-03-11")])


def test_revised_total_with_its_own_interception_figure():
    run = runner("2025-11-22", "The Guardian")
    assert_claims(run, "Ukraine's air force says Russia launched 50 drones overnight. Forty-one of the drones were shot "
               "down, it says. It had earlier reported 50 drones; the figure is now 53, of which 44 were downed.",
          [dict(event_type=I, weapon="drone", claimant=AF, launched=53, intercepted=44)])


def test_recap_bullet_night_dates_undated_claims_over_side_event_day():
    run = runner("2025-12-03", "BBC News")
    text = ("Live: drones and bombs overnight\n\n"
            "- Russia says its air defences downed 19 Ukrainian drones overnight, most of them over the Kursk region\n\n"
            "Mykola, the head of the Sumy regional administration, says that late on Tuesday a glide bomb "
            "hit a warehouse in the village of Krasnopillia.\n\n"
            "The defence ministry in Moscow says 12 of the 19 drones came down over Kursk.")
    ms = run(text)
    kursk = [m for m in ms if m["admin1_code"] == "RU-KRS"]
    assert kursk and all(m["event_date"] == "2025-12-03" for m in kursk), show(ms)


def test_undated_follow_up_on_the_same_target_takes_its_date():
    run = runner("2025-10-21")
    text = ("Ukraine's General Staff said Ukrainian drones had struck the oil refinery in Saratov yesterday evening.\n\n"
            "Russia's Defence Ministry said 30 drones were destroyed overnight.\n\n"
            "Saratov governor Roman Busargin claimed that the fire at the refinery was caused by falling debris.")
    ms = run(text)
    refinery = [m for m in ms if m["event_type"] == S and m["admin1_code"] == "RU-SAR"]
    assert refinery and all(m["event_date"] == "2025-10-20" for m in refinery), show(ms)


def test_unplaced_restatement_of_a_strike_on_the_same_target_is_one_claim():
    run = runner("2025-10-21")
    text = ("Ukraine's General Staff confirmed that Ukrainian drones had struck the oil refinery in Saratov overnight.\n\n"
            "\"Explosions and a fire were recorded in the area of the refinery. The damage is being assessed,\" "
            "the General Staff said.")
    assert_claims(run, text, [dict(event_type=S, weapon="drone", claimant=GS, admin1_code="RU-SAR")])


def test_it_now_says_refers_to_the_institution_named_just_before():
    run = runner("2025-11-22", "The Guardian")
    text = ("Ukraine's air force says Russia launched 30 drones and two Iskander-M ballistic missiles overnight.\n\n"
            "Lviv's mayor says debris hit a school.\n\n"
            "A correction from the air force: the total was revised. Both Iskanders, it now says, were intercepted.")
    ms = run(text)
    bm = [m for m in ms if m["weapon"] == "ballistic_missile"]
    assert len(bm) == 1 and bm[0]["claimant"] == AF and bm[0]["claimant_side"] == "UA" \
        and bm[0]["attacker_side"] == "RU" and bm[0]["launched"] == 2 and bm[0]["intercepted"] == 2, show(ms)


def test_according_to_the_citys_mayor_attributes():
    run = runner("2025-12-03", "BBC News")
    assert_claims(run, "Russian aircraft dropped four glide bombs on Zaporizhzhia on Tuesday evening, according to the "
               "city's mayor Ivan Fedorov, damaging a kindergarten.",
          [dict(event_type=S, weapon="glide_bomb", claimant_side="UA", admin1_code="UA-23", event_date="2025-12-02")])


def test_possessive_summary_and_tally_frame_with_place():
    run = runner("2025-12-14", "Meduza (English)")
    assert_claims(run, "The Russian Defense Ministry's own summary put the number of drones destroyed over Bryansk Oblast at 20.",
          [dict(event_type=I, weapon="drone", claimant=MOD, claimant_side="RU", attacker_side="UA",
                intercepted=20, admin1_code="RU-BRY")])


def test_row_of_a_reported_shot_down_total_has_no_launch_figure():
    run = runner("2025-12-03", "BBC News")
    assert_claims(run, "The defence ministry in Moscow says 12 of the 30 drones it reports destroyed came down over Kursk.",
          [dict(event_type=I, weapon="drone", claimant=MOD, launched=None, intercepted=12, admin1_code="RU-KRS")])
    assert_claims(run, "Ukraine's air force said 72 of the 131 drones were shot down.",
          [dict(event_type=I, weapon="drone", claimant=AF, launched=131, intercepted=72)])


def test_lower_bound_launch_figure_is_left_null():
    run = runner("2025-11-04", "Associated Press")
    assert_claims(run, "Ukraine's air force said Russia had fired more than 100 drones overnight. By morning, the air force "
               "said, air defenses had destroyed 86 drones.",
          [dict(event_type=I, weapon="drone", claimant=AF, launched=None, intercepted=86)])
    assert_claims(run, "Ukraine's air force said Russia had fired 20 missiles and 60 drones overnight, of which 51 drones were destroyed.",
          [dict(event_type=I, weapon="drone", launched=60, intercepted=51),
           dict(event_type=A, weapon="missile", launched=20)])


def test_launch_platform_location_is_not_the_event_place():
    run = runner("2025-11", "The Kyiv Independent")
    assert_claims(run, "Russia launched eight Kalibr cruise missiles from ships in the Black Sea overnight, the Navy said, "
               "five of which were shot down over Mykolaiv Oblast.",
          [dict(event_type=I, weapon="cruise_missile", launched=8, intercepted=5, admin1_code="UA-48")])


def test_bombs_dropped_on_a_place_after_a_parenthesised_model():
    run = runner("2025-11-18", "Ukrinform (FR)")
    assert_claims(run, "Selon l'administration militaire régionale de Soumy, l'ennemi a largué six bombes aériennes guidées "
               "(KAB) sur la commune de Bilopillia.",
          [dict(event_type=S, weapon="glide_bomb", admin1_code="UA-59", launched=None)])


def test_same_source_continuation_of_a_daily_summary_has_no_single_day():
    run = runner("2025-11-18", "Ukrinform (FR)")
    text = ("Au cours de la dernière journée, les troupes russes ont mené 31 attaques contre 12 localités de la région "
            "de Tchernihiv, a annoncé l'administration militaire régionale.\n\n"
            "Selon elle, l'ennemi a largué cinq bombes aériennes guidées sur la commune de Semenivka.")
    ms = run(text)
    gb = [m for m in ms if m["weapon"] == "glide_bomb"]
    assert len(gb) == 1 and gb[0]["event_type"] == S and gb[0]["event_date"] is None, show(ms)
