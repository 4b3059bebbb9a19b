"""Generalisation, fourth round (invented sentences, none taken from any corpus).

Families: code-switched breakdown rows with French place prepositions ("au-dessus de l'oblast de");
coordinated counts sharing one passive outcome after a launch figure ("4 missiles and 50 drones being
neutralised"); passive destruction of a ground target as a strike ("a house was destroyed"); a tally
without verb that opens a breakdown ("put the overall figure at N drones: …"); allegiance compounds
("Moscow-installed officials") are not event places.
"""

from extract_helpers import assert_claims, matches, runner, show

run = runner("2025-11-14")      # a Friday
I, S, A = "interception", "strike", "attack"
MOD = "Russian Ministry of Defence"


def check(text, expected, **kw):
    assert_claims(run, text, expected, **kw)


def test_mixed_breakdown_rows_with_french_oblast_preposition():
    check("The Russian defence ministry said 44 drones were shot down au-dessus de la Russie, including 20 "
          "au-dessus de l'oblast de Briansk and 9 au-dessus de la région de Voronej.",
          [dict(event_type=I, weapon="drone", intercepted=44, admin1_code=None, claimant=MOD, claimant_side="RU"),
           dict(event_type=I, weapon="drone", intercepted=20, admin1_code="RU-BRY", parent_index=0, claimant_side="RU"),
           dict(event_type=I, weapon="drone", intercepted=9, admin1_code="RU-VOR", parent_index=0, claimant_side="RU")])


def test_french_breakdown_rows_oblast_d_apostrophe_and_english_row():
    check("Le ministère russe de la Défense a déclaré avoir intercepté 30 drones ukrainiens, dont 12 above the "
          "Kursk region et 7 au-dessus de l'oblast d'Orel.",
          [dict(event_type=I, weapon="drone", intercepted=30, admin1_code=None, claimant_side="RU"),
           dict(event_type=I, intercepted=12, admin1_code="RU-KRS", parent_index=0),
           dict(event_type=I, intercepted=7, admin1_code="RU-ORL", parent_index=0)])


def test_coordinated_counts_share_passive_outcome_en():
    check("According to the air force, 9 cruise missiles Kh-101 and 80 drones were launched, 7 missiles and "
          "65 drones being shot down.",
          [dict(event_type=I, weapon="cruise_missile", launched=9, intercepted=7, claimant_side="UA", attacker_side="RU"),
           dict(event_type=I, weapon="drone", launched=80, intercepted=65, claimant_side="UA", attacker_side="RU")])


def test_coordinated_counts_share_passive_outcome_fr():
    check("Selon l'armée de l'air, 9 missiles de croisière Kh-101 et 80 drones ont été lancés, 7 missiles et "
          "65 drones ayant été neutralisés.",
          [dict(event_type=I, weapon="cruise_missile", launched=9, intercepted=7, claimant_side="UA"),
           dict(event_type=I, weapon="drone", launched=80, intercepted=65, claimant_side="UA")])


def test_passive_destruction_of_house_is_strike_en():
    check("In the Chernihiv region, a private house was destroyed in the village of Ripky, the governor said.",
          [dict(event_type=S, weapon="unknown", admin1_code="UA-74", claimant_side="UA", attacker_side="RU")])


def test_passive_destruction_of_house_is_strike_fr():
    check("Dans l'oblast de Tchernihiv, la maison privée a été détruite dans le village de Ripky, le gouverneur a dit.",
          [dict(event_type=S, weapon="unknown", admin1_code="UA-74", claimant_side="UA")])


def test_destroyed_drones_stay_interceptions():
    check("Twelve drones were destroyed over the Chernihiv region, the governor said.",
          [dict(event_type=I, weapon="drone", intercepted=12, admin1_code="UA-74", claimant_side="UA")])


def test_tally_without_verb_opens_breakdown_en():
    check("The Russian defence ministry put the overall figure at 38 drones: 20 over the Bryansk region, "
          "10 over the Sea of Azov and 8 over the Kursk region.",
          [dict(event_type=I, weapon="drone", intercepted=38, admin1_code=None, claimant=MOD, claimant_side="RU"),
           dict(event_type=I, intercepted=20, admin1_code="RU-BRY", parent_index=0, claimant_side="RU"),
           dict(event_type=I, intercepted=10, admin1_code=None, parent_index=0, claimant_side="RU"),
           dict(event_type=I, intercepted=8, admin1_code="RU-KRS", parent_index=0, claimant_side="RU")])


def test_tally_without_verb_opens_breakdown_fr():
    check("Le ministère russe de la Défense a fixé le bilan global à 38 drones : 20 au-dessus de la région de "
          "Briansk, 10 au-dessus de la mer d'Azov et 8 au-dessus de la région de Koursk.",
          [dict(event_type=I, weapon="drone", intercepted=38, admin1_code=None, claimant=MOD),
           dict(event_type=I, intercepted=20, admin1_code="RU-BRY", parent_index=0),
           dict(event_type=I, intercepted=10, admin1_code=None, parent_index=0),
           dict(event_type=I, intercepted=8, admin1_code="RU-KRS", parent_index=0)])


def test_allegiance_compound_is_not_a_place():
    ms = run("Ukraine struck the port of Berdiansk overnight, Moscow-installed officials said, with debris "
             "damaging a warehouse.")
    assert all(m["admin1_code"] != "RU-MOW" for m in ms), show(ms)
    assert any(m["event_type"] == S and m["admin1_code"] == "UA-23" for m in ms), show(ms)


def test_pair_with_adjectives_between_count_and_sur_fr():
    check("L'armée de l'air ukrainienne : 52 drones russes sur 75 neutralisés cette nuit",
          [dict(event_type=I, weapon="drone", launched=75, intercepted=52)])


def test_pair_with_adjectives_between_count_and_out_of_en():
    check("Ukraine's air force: 52 Russian attack drones out of 75 downed overnight",
          [dict(event_type=I, weapon="drone", launched=75, intercepted=52)])


def test_pair_total_followed_by_launch_participle():
    check("Air defence shot down 40 drones out of 64 launched by Russia, the air force said.",
          [dict(event_type=I, weapon="drone", launched=64, intercepted=40, claimant_side="UA", attacker_side="RU")])
    check("La défense aérienne a abattu 40 drones sur 64 lancés par la Russie, selon l'armée de l'air.",
          [dict(event_type=I, weapon="drone", launched=64, intercepted=40, claimant_side="UA")])


def test_anaphoric_count_before_contrast_clause_keeps_previous_group_en():
    check("The air force said Russia had launched 70 drones overnight. It said 50 had been shot down and 12 were "
          "lost to electronic warfare, while two Iskander-M ballistic missiles fired from the Belgorod region struck "
          "targets in the Kharkiv region.",
          [dict(event_type=I, weapon="drone", launched=70, intercepted=50, lost_to_ew=12, claimant_side="UA"),
           dict(event_type=S, weapon="ballistic_missile", admin1_code="UA-63", parent_index=None, claimant_side="UA",
                attacker_side="RU")])


def test_anaphoric_count_before_contrast_clause_keeps_previous_group_fr():
    check("L'armée de l'air a indiqué que la Russie avait lancé 70 drones. Elle a précisé que 50 avaient été abattus, "
          "tandis que deux missiles balistiques Iskander-M tirés depuis la région de Belgorod ont frappé la région de Kharkiv.",
          [dict(event_type=I, weapon="drone", launched=70, intercepted=50, claimant_side="UA"),
           dict(event_type=S, weapon="ballistic_missile", admin1_code="UA-63", parent_index=None)])


def test_launch_area_does_not_swallow_the_main_clause_place():
    check("Two Iskander-M ballistic missiles fired from the Belgorod region struck targets in the Kharkiv region, "
          "the air force said.",
          [dict(event_type=S, weapon="ballistic_missile", admin1_code="UA-63", claimant_side="UA")])


def test_launch_participle_then_unstated_outcome_stays_attack():
    check("The air force also reported three Kh-59 missiles fired from the Kursk region but did not say whether "
          "they had been intercepted.",
          [dict(event_type=A, weapon="cruise_missile", launched=3, claimant_side="UA")])


def test_headline_place_passes_to_unplaced_body_restatement_fr():
    check("Russie : la raffinerie de Saratov en feu après une attaque de drones ukrainiens\n\n"
          "L'état-major ukrainien a revendiqué l'attaque, affirmant que ses drones avaient touché l'unité de "
          "distillation de la raffinerie.",
          [dict(event_type=S, weapon="drone", admin1_code="RU-SAR", claimant_side="UA", attacker_side="UA")])


def test_headline_place_passes_to_unplaced_body_restatement_en():
    check("Refinery in Russia's Saratov on fire after Ukrainian drone attack\n\n"
          "Ukraine's General Staff claimed the attack, saying its drones had hit the refinery's main processing unit.",
          [dict(event_type=S, weapon="drone", admin1_code="RU-SAR", claimant_side="UA", attacker_side="UA")])


def test_near_the_port_of_is_an_event_place():
    check("Un drone naval ukrainien a été détruit près du port de Novorossiisk, selon les autorités locales.",
          [dict(event_type=I, weapon="drone", intercepted=1, admin1_code="RU-KDA", attacker_side="UA")])
    check("A Ukrainian sea drone was destroyed near the port of Novorossiysk, local authorities said.",
          [dict(event_type=I, weapon="drone", intercepted=1, admin1_code="RU-KDA", attacker_side="UA")])


def test_ru_mod_group_strike_without_place_attacker_is_ru():
    check("Dans la nuit du 9 au 10 novembre, les forces armées de la Fédération de Russie ont porté une frappe groupée "
          "avec des armes de précision à longue portée et des drones d'attaque contre les infrastructures de deux "
          "aérodromes militaires ukrainiens, a rapporté le ministère de la Défense.",
          [dict(event_type=S, weapon="mixed", admin1_code=None, claimant=MOD, claimant_side="RU", attacker_side="RU",
                event_date="2025-11-10")])


def test_strike_goals_achieved_quote_attacker_is_claimant():
    check("\"The goals of the strike have been achieved. All designated objects are hit,\" the ministry said.",
          [dict(event_type=S, admin1_code=None, claimant=MOD, claimant_side="RU", attacker_side="RU")])
    check("The Armed Forces of the Russian Federation delivered a massive strike on military airfields, the "
          "Defence Ministry said.",
          [dict(event_type=S, admin1_code=None, claimant=MOD, claimant_side="RU", attacker_side="RU")])


def test_machine_translated_hits_noun_at_n_locations_fr():
    check("Des coups de drones d'attaque ont été enregistrés sur 6 emplacements, le Commandement de la Force "
          "aérienne a ajouté.",
          [dict(event_type=S, weapon="drone", admin1_code=None, claimant="Ukrainian Air Force", claimant_side="UA",
                attacker_side="RU")])
    check("Hits by attack drones were recorded at 6 spots, the Air Force command added.",
          [dict(event_type=S, weapon="drone", admin1_code=None, claimant_side="UA", attacker_side="RU")])


def test_coup_d_etat_is_not_a_strike():
    assert run("Le coup d'État a échoué, selon le ministère.") == []


def test_unqualified_force_aerienne_is_ua_air_force_but_not_russian_one():
    check("La Force aérienne a indiqué que 40 drones sur 55 avaient été abattus.",
          [dict(event_type=I, weapon="drone", launched=55, intercepted=40, claimant="Ukrainian Air Force")])


def test_the_city_anaphor_takes_the_city_named_before_en():
    check("A Russian ballistic missile struck the center of Chernihiv, the regional administration said. A second "
          "missile was shot down over the city's outskirts, it said.",
          [dict(event_type=S, weapon="ballistic_missile", admin1_code="UA-74", claimant_side="UA"),
           dict(event_type=I, intercepted=1, admin1_code="UA-74", claimant_side="UA", attacker_side="RU")])


def test_the_city_anaphor_takes_the_city_named_before_fr():
    check("Un missile balistique russe a frappé le centre de Tchernihiv, selon l'administration régionale. Un second "
          "missile a été abattu au-dessus de la périphérie de la ville, a-t-elle précisé.",
          [dict(event_type=S, weapon="ballistic_missile", admin1_code="UA-74"),
           dict(event_type=I, intercepted=1, admin1_code="UA-74", attacker_side="RU")])


def test_the_city_anaphor_after_headline_city():
    check("Sevastopol substation damaged in drone attack\n\n\"Air defence forces repelled the attack, 14 drones were "
          "shot down over different parts of the city,\" the Russian-appointed governor said.",
          [dict(event_type=S, weapon="drone", admin1_code="UA-40", claimant_side="RU", attacker_side="UA"),
           dict(event_type=I, weapon="drone", intercepted=14, admin1_code="UA-40", claimant_side="RU", attacker_side="UA")])


def test_definite_target_takes_place_of_earlier_claim_on_it_fr():
    check("La raffinerie de Saratov a été touchée par une attaque de drones ukrainiens dans la nuit, a indiqué le "
          "gouverneur.\n\nL'état-major ukrainien a revendiqué l'attaque, affirmant que ses drones avaient touché "
          "l'unité de distillation de la raffinerie.",
          [dict(event_type=S, weapon="drone", admin1_code="RU-SAR", claimant_side="RU", attacker_side="UA"),
           dict(event_type=S, weapon="drone", admin1_code="RU-SAR", claimant="Ukrainian General Staff",
                claimant_side="UA", attacker_side="UA")])


def test_definite_target_takes_place_of_earlier_claim_on_it_en():
    check("The Saratov refinery was hit by Ukrainian drones overnight, the governor said.\n\nUkraine's General Staff "
          "said its drones had hit the refinery's main processing unit.",
          [dict(event_type=S, weapon="drone", admin1_code="RU-SAR", claimant_side="RU"),
           dict(event_type=S, weapon="drone", admin1_code="RU-SAR", claimant_side="UA", attacker_side="UA")])


def test_river_named_like_a_city_is_not_a_place():
    check("A Russian drone dropped explosives on a bus in Kherson on Monday, the city's military administration said, "
          "as both sides traded fire across the Dnipro River.",
          [dict(event_type=S, weapon="drone", admin1_code="UA-65", claimant_side="UA", attacker_side="RU")])


def test_drone_dropping_explosives_on_a_target_is_a_strike():
    check("A Russian drone dropped explosives on a bus in Kherson on Monday, the city's military administration said.",
          [dict(event_type=S, weapon="drone", admin1_code="UA-65", claimant_side="UA", event_date="2025-11-10")])
    check("Un drone russe a largué des explosifs sur un bus à Kherson lundi, a indiqué l'administration militaire "
          "de la ville.",
          [dict(event_type=S, weapon="drone", admin1_code="UA-65", claimant_side="UA", event_date="2025-11-10")])


def test_all_targets_hit_claim_attacker_is_the_claimant():
    check("Russia's defence ministry said all intended targets had been hit.",
          [dict(event_type=S, weapon="unknown", admin1_code=None, claimant=MOD, claimant_side="RU", attacker_side="RU")])
    check("Le ministère russe de la Défense a affirmé avoir mené une frappe avec des armes de précision à longue "
          "portée contre des installations énergétiques, ajoutant que toutes les cibles avaient été atteintes.",
          [dict(event_type=S, admin1_code=None, claimant=MOD, claimant_side="RU", attacker_side="RU")])


def test_two_sides_on_the_same_strike_stay_separate():
    check("Russian missiles and drones hit gas production facilities in the Poltava region overnight, Naftogaz said."
          "\n\nRussia's Defence Ministry said it had carried out a strike with long-range precision weapons on gas "
          "production facilities supplying the Ukrainian army, and that all targets had been hit.",
          [dict(event_type=S, weapon="mixed", admin1_code="UA-53", claimant_side="UA", attacker_side="RU"),
           dict(event_type=S, admin1_code=None, claimant=MOD, claimant_side="RU", attacker_side="RU")])


def test_residents_videos_are_not_attributed_to_the_next_official():
    ms = run("Ukrainian forces struck the Syzran oil refinery in Russia's Samara Oblast overnight, the General Staff said."
             "\n\nLocal residents posted videos of a large blaze and explosions from the direction of the plant.\n\n"
             "Samara Oblast Governor Vyacheslav Fedorishchev claimed that the attack had been repelled and that a fire "
             "at an industrial site had been caused by falling drone debris.")
    gov = [m for m in ms if m["claimant_side"] == "RU"]
    assert all("residents" not in m["sentence"] for m in gov), show(ms)
    assert any(m["event_type"] == S and m["claimant_side"] == "UA" and m["admin1_code"] == "RU-SAM" for m in ms), show(ms)
    assert any(m["event_type"] == S and m["claimant_side"] == "RU" and m["weapon"] == "drone" for m in ms), show(ms)


def test_countless_interception_over_a_region_list_gives_ambiguous_rows():
    check("La défense aérienne russe a repoussé une attaque de drones au-dessus des régions de Koursk et de Briansk, "
          "a indiqué le ministère de la Défense.",
          [dict(event_type=I, weapon="drone", intercepted=None, admin1_code="RU-KRS", ambiguous=True, claimant=MOD),
           dict(event_type=I, weapon="drone", intercepted=None, admin1_code="RU-BRY", ambiguous=True, claimant=MOD)])


def test_a_drone_attack_is_not_one_drone():
    check("Russian air defences repelled a drone attack over the Kursk and Bryansk regions, the Defence Ministry said.",
          [dict(event_type=I, weapon="drone", intercepted=None, admin1_code="RU-KRS", ambiguous=True),
           dict(event_type=I, weapon="drone", intercepted=None, admin1_code="RU-BRY", ambiguous=True)])
    check("Air defences shot down a drone over the Kursk region, the governor said.",
          [dict(event_type=I, weapon="drone", intercepted=1, admin1_code="RU-KRS", claimant_side="RU")])
