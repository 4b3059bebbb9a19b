"""Generalisation, third round (invented sentences, none taken from any corpus).

Families: launch figures of a weapon group whose interception / hit figure is reported elsewhere
must not stay separate ``attack`` claims (sub-type lists, composition sentences, "of which" clauses,
a lone anaphoric placed interception, launch figures summed by the interception figure, groups the
defence failed to stop); closing attributions after a contrast clause.
"""

from extract_helpers import assert_claims, matches, runner, show

run = runner("2025-11-14")      # a Friday
I, S, A = "interception", "strike", "attack"
AF = "Ukrainian Air Force"


def check(text, expected, **kw):
    assert_claims(run, text, expected, **kw)


def test_generic_missile_total_split_into_subtypes_en():
    check("Ukraine's air force said Russia launched 60 drones and 11 missiles overnight, including seven Kh-101 "
          "cruise missiles and four Iskander-M ballistic missiles. Air defences destroyed six of the seven cruise "
          "missiles, two Iskander-M and 45 of the drones, the air force said.",
          [dict(event_type=I, weapon="drone", launched=60, intercepted=45, claimant=AF),
           dict(event_type=I, weapon="cruise_missile", launched=7, intercepted=6),
           dict(event_type=I, weapon="ballistic_missile", launched=4, intercepted=2)])


def test_launch_figures_summed_by_interception_figure():
    check("Ukraine's air force said Russia fired 60 drones and 12 missiles, among them five Kh-101 cruise missiles "
          "launched from bombers, four Kalibr cruise missiles fired from ships and three Iskander-M ballistic missiles. "
          "Air defences shot down eight of the nine cruise missiles, one Iskander-M and 50 of the drones, the air force said.",
          [dict(event_type=I, weapon="drone", launched=60, intercepted=50),
           dict(event_type=I, weapon="cruise_missile", launched=9, intercepted=8),
           dict(event_type=I, weapon="ballistic_missile", launched=3, intercepted=1)])


def test_composition_sentence_and_failed_interception_fr():
    check("Kiev, 14 nov 2025 (AFP) - La Russie a lancé 90 drones et sept missiles contre l'Ukraine dans la nuit, a "
          "annoncé l'armée de l'air ukrainienne, qui affirme avoir abattu 70 de ces drones. Parmi les missiles "
          "figuraient trois missiles hypersoniques Kinjal et quatre missiles de croisière Kh-101 tirés depuis des "
          "bombardiers au-dessus de la mer Caspienne. Les quatre Kh-101 ont été abattus, mais les Kinjal n'ont pas "
          "pu être interceptés, a précisé l'armée de l'air.",
          [dict(event_type=I, weapon="drone", launched=90, intercepted=70, claimant_side="UA"),
           dict(event_type=I, weapon="ballistic_missile", launched=3, intercepted=0, claimant_side="UA"),
           dict(event_type=I, weapon="cruise_missile", launched=4, intercepted=4, claimant_side="UA")],
          outlet="AFP")


def test_composition_sentence_en_and_none_intercepted():
    check("The air force said Russia launched 70 drones and nine missiles. Among the missiles were three Kinzhal "
          "and six Kh-101. All six Kh-101 were shot down, but none of the Kinzhal missiles could be intercepted.",
          [dict(event_type=A, weapon="drone", launched=70),
           dict(event_type=I, weapon="ballistic_missile", launched=3, intercepted=0),
           dict(event_type=I, weapon="cruise_missile", launched=6, intercepted=6)])


def test_zero_interception_without_launch_is_no_claim():
    ms = run("Officials said air defences failed to intercept the Kinzhal missiles, the air force said.")
    assert not any(m["intercepted"] == 0 for m in ms), show(ms)


def test_of_which_figures_take_the_following_verb():
    exp = [dict(event_type=I, weapon="drone", launched=110, intercepted=85),
           dict(event_type=I, weapon="ballistic_missile", launched=5, intercepted=2)]
    check("The air force reported 110 drones and five Iskander-M ballistic missiles launched by Russia, of which "
          "85 drones and two missiles were shot down.", exp)
    check("L'armée de l'air ukrainienne a fait état de 110 drones et de cinq missiles balistiques Iskander-M "
          "lancés par la Russie, dont 85 drones et deux missiles abattus.", exp, outlet="AFP")


def test_lone_anaphoric_placed_interception_same_sentence_fr():
    check("Selon l'armée de l'air ukrainienne, la Russie a tiré six missiles Kalibr depuis la mer Noire ; trois "
          "d'entre eux ont été abattus au-dessus de la région de Mykolaïv.",
          [dict(event_type=I, weapon="cruise_missile", launched=6, intercepted=3, admin1_code="UA-48")], outlet="AFP")


def test_lone_anaphoric_placed_interception_next_sentence():
    check("Russia attacked Ukraine with 52 drones and a Kh-59 guided missile overnight, the Air Force said. "
          "Forty drones were destroyed, and the missile was downed over Poltava Oblast.",
          [dict(event_type=I, weapon="drone", launched=52, intercepted=40, admin1_code=None),
           dict(event_type=I, weapon="cruise_missile", launched=1, intercepted=1, admin1_code="UA-53")])
    check("Russia launched four Iskander-M missiles at the Dnipropetrovsk region, the air force said. "
          "Three of them were intercepted over the city of Dnipro.",
          [dict(event_type=I, weapon="ballistic_missile", launched=4, intercepted=3, admin1_code="UA-12")])


def test_placed_breakdown_rows_stay_rows():
    ms = run("Russia launched 50 drones overnight, the air force said. Of them, 20 were downed over the Kyiv region "
             "and 10 over the Odesa region.")
    assert sum(1 for m in ms if m["admin1_code"]) == 2, show(ms)


def test_adjective_between_missile_and_model():
    for text, kw in (("La Russie a tiré deux missiles hypersoniques Kinjal sur Kiev.", {"outlet": "AFP"}),
                     ("Russia fired two hypersonic Kinzhal missiles at Kyiv.", {})):
        ms = run(text, **kw)
        assert ms and ms[0]["weapon"] == "ballistic_missile", show(ms)


def test_fronted_region_after_dateline():
    for text, kw in (("Moscou (AFP) - Dans la région de Koursk, 14 drones ukrainiens ont été abattus pendant la nuit, "
                      "a indiqué le ministère russe de la Défense.", {"outlet": "AFP"}),
                     ("MOSCOW (Reuters) - In the Kursk region, 14 Ukrainian drones were shot down overnight, the Russian "
                      "Defence Ministry said.", {})):
        check(text, [dict(event_type=I, weapon="drone", intercepted=14, admin1_code="RU-KRS", claimant_side="RU")], **kw)


def test_distributive_figure_after_region_list():
    rows = [dict(event_type=I, intercepted=40, admin1_code=None),
            dict(event_type=I, intercepted=20, admin1_code="RU-KRS", parent_index=0),
            dict(event_type=I, intercepted=4, admin1_code="RU-ORL", parent_index=0),
            dict(event_type=I, intercepted=4, admin1_code="RU-TUL", parent_index=0),
            dict(event_type=I, intercepted=4, admin1_code="RU-LIP", parent_index=0)]
    check("Le ministère russe de la Défense a affirmé avoir abattu 40 drones ukrainiens. Selon le communiqué, 20 drones "
          "ont été abattus au-dessus de la région de Koursk, et les autres au-dessus des régions d'Orel, de Toula et de "
          "Lipetsk, qui en comptent quatre chacune.", rows, outlet="AFP")
    check("Russia's Defence Ministry said it downed 40 Ukrainian drones: 20 over the Kursk region and the rest over the "
          "Oryol, Tula and Lipetsk regions, four each.", rows)


def test_headline_generic_missile_total_split_in_body():
    head = "Ukraine : la Russie a lancé 90 drones et sept missiles dans la nuit"
    check(head + "\nKiev, 14 nov 2025 (AFP) - La Russie a lancé 90 drones et sept missiles contre l'Ukraine dans la "
          "nuit, a annoncé l'armée de l'air ukrainienne, qui affirme avoir abattu 70 de ces drones. Parmi les missiles "
          "figuraient trois missiles hypersoniques Kinjal et quatre missiles de croisière Kh-101. Les quatre Kh-101 ont "
          "été abattus, mais les Kinjal n'ont pas pu être interceptés, a précisé l'armée de l'air.",
          [dict(event_type=I, weapon="drone", launched=90, intercepted=70),
           dict(event_type=I, weapon="ballistic_missile", launched=3, intercepted=0),
           dict(event_type=I, weapon="cruise_missile", launched=4, intercepted=4)], outlet="AFP", title=head)


# ---- Ukrainian / Russian

def test_claim_verbs_attribute_cyrillic():
    check("Міністерство оборони Росії стверджує, що минулої ночі над Брянською областю збили 17 українських безпілотників.",
          [dict(event_type=I, weapon="drone", intercepted=17, admin1_code="RU-BRY", claimant_side="RU")], outlet="Суспільне")
    check("Минобороны России утверждает, что за ночь над Брянской областью сбиты 12 украинских беспилотников.",
          [dict(event_type=I, weapon="drone", intercepted=12, admin1_code="RU-BRY", claimant_side="RU")], outlet="РБК")


def test_generic_areas_and_named_region_is_a_total():
    check("Міністерство оборони Росії стверджує, що минулої ночі над російськими регіонами та окупованим Кримом збили "
          "41 український безпілотник.",
          [dict(event_type=I, weapon="drone", intercepted=41, admin1_code=None, claimant_side="RU")], outlet="Суспільне")
    check("Минобороны России сообщило, что над российскими регионами и Крымом за ночь сбиты 41 украинский беспилотник.",
          [dict(event_type=I, weapon="drone", intercepted=41, admin1_code=None, claimant_side="RU")], outlet="РБК")


def test_remainder_is_not_a_distributed_row():
    ms = run("За даними відомства, найбільше дронів – 20 – збили над Курською областю, по три – над Орловською та "
             "Тульською областями, решту – над Липецькою областю.", outlet="Суспільне")
    rows = {m["admin1_code"]: m["intercepted"] for m in ms}
    assert rows == {"RU-KRS": 20, "RU-ORL": 3, "RU-TUL": 3, "RU-LIP": None}, show(ms)


def test_ukrainian_armed_forces_claimant_and_crimea_attacker():
    check("Ранее в ВСУ заявили о поражении склада горючего в Крыму.",
          [dict(event_type=S, claimant="Ukrainian Armed Forces", claimant_side="UA", attacker_side="UA",
                admin1_code="UA-43")], outlet="ТАСС")
    check("У ЗСУ заявили про ураження складу пального в Криму.",
          [dict(event_type=S, claimant="Ukrainian Armed Forces", claimant_side="UA", attacker_side="UA",
                admin1_code="UA-43")], outlet="Суспільне")


def test_russian_official_hit_in_sevastopol_is_a_ukrainian_strike():
    ms = run("СЕВАСТОПОЛЬ /ТАСС/. Силы ПВО отразили атаку беспилотников на Севастополь, сбиты пять воздушных целей, "
             "сообщил губернатор города Михаил Развожаев. В результате падения обломков повреждена подстанция в "
             "Балаклавском округе, написал он.", outlet="ТАСС")
    assert any(m["event_type"] == I and m["intercepted"] == 5 and m["admin1_code"] == "UA-40" for m in ms), show(ms)
    assert all(m["attacker_side"] == "UA" and m["claimant_side"] == "RU" for m in ms), show(ms)


def test_air_targets_count_of_the_named_group_uk():
    check("Сили ППО відбили атаку дронів на Київ, знищено сім повітряних цілей, повідомив мер Києва.",
          [dict(event_type=I, weapon="drone", intercepted=7, admin1_code="UA-30", claimant_side="UA")], outlet="Суспільне")


def test_rows_naming_the_place_by_its_kind():
    check("Минобороны РФ сообщило, что за ночь над Крымом и акваторией Черного моря уничтожены 30 украинских "
          "беспилотников: 21 - над полуостровом, 9 - над морем.",
          [dict(event_type=I, intercepted=30, admin1_code=None),
           dict(event_type=I, intercepted=21, admin1_code="UA-43", parent_index=0),
           dict(event_type=I, intercepted=9, admin1_code=None, parent_index=0)], outlet="РБК")


# ---- French / English attribution and places

def test_city_military_administration_claimant_and_fronted_city_district():
    exp = [dict(event_type=S, weapon="drone", admin1_code="UA-65", claimant_side="UA", attacker_side="RU")]
    check("À Kherson, les frappes de drones russes continuent : un minibus a été touché dans le district de "
          "Dniprovskyï, selon l'administration militaire de la ville.", exp, outlet="Le Monde")
    check("In Kherson, Russian drone attacks continue: a minibus was hit in the Dniprovskyi district, the city "
          "military administration said.", exp)


def test_own_forces_strike_in_occupied_territory():
    check("Ukraine's General Staff said its forces had struck a Russian fuel depot near Nova Kakhovka, in the occupied "
          "part of the Kherson region, using HIMARS rockets.",
          [dict(event_type=S, admin1_code="UA-65", claimant_side="UA", attacker_side="UA")])
    check("Le gouverneur de la région de Kharkiv a indiqué qu'un drone russe a frappé un immeuble à Kharkiv.",
          [dict(event_type=S, admin1_code="UA-63", claimant_side="UA", attacker_side="RU")], outlet="AFP")


def test_infrastructure_operator_claimants():
    check("Elsewhere, Russian drones hit a railway station in Ukraine's Poltava region, wounding a driver, Ukrainian "
          "Railways said.", [dict(event_type=S, claimant="Ukrainian Railways", claimant_side="UA", admin1_code="UA-53")])
    check("В Укрзалізниці повідомили, що внаслідок атаки дронів пошкоджено локомотивне депо на Полтавщині.",
          [dict(event_type=S, claimant="Ukrainian Railways", claimant_side="UA", admin1_code="UA-53")], outlet="Суспільне")


def test_month_long_statistics_are_not_event_claims():
    for text, kw in (("Протягом вересня Росія атакувала Україну 4 100 ударними БпЛА, а також 180 ракетами. Сили ППО за "
                      "місяць збили 3 700 дронів і 150 ракет.", {"outlet": "Українська правда"}),
                     ("In September, Russia launched more than 4,000 drones and 180 missiles against Ukraine, of which "
                      "3,700 drones were shot down.", {}),
                     ("En septembre, la Russie a lancé plus de 4 000 drones contre l'Ukraine, dont 3 700 ont été abattus.",
                      {"outlet": "AFP"})):
        ms = run(text, **kw)
        assert ms == [], show(ms)
    # a dated night is an event
    check("Russia launched 80 drones at Ukraine on 12 September, of which 60 were shot down, the air force said.",
          [dict(event_type=I, launched=80, intercepted=60, event_date="2025-09-12")])
    check("У ніч на 14 вересня Росія атакувала Україну 80 дронами, з них 60 збито, повідомили Повітряні сили.",
          [dict(event_type=I, launched=80, intercepted=60, event_date="2025-09-14")], outlet="Суспільне")


def test_cost_and_capability_frames_are_not_events():
    for text, kw in (("\"We want the cost of intercepting a Shahed to be lower than the cost of the Shahed itself,\" "
                      "the minister said.", {}),
                     ("Kyiv is seeking the ability to shoot down ballistic missiles over the capital, officials said.", {}),
                     ("« Le coût de l'interception d'un drone doit baisser », a déclaré le ministre ukrainien de la Défense.",
                      {"outlet": "AFP"})):
        ms = run(text, **kw)
        assert ms == [], show(ms)


def test_crash_into_is_a_hit_and_suburb_descriptor_is_not_a_place():
    exp = [dict(event_type=S, weapon="drone", admin1_code="RU-MOS", claimant_side="RU", attacker_side="UA")]
    check("Dans la ville d'Odintsovo, en banlieue de Moscou, un drone a percuté un immeuble résidentiel, selon le "
          "gouverneur de la région.", exp, outlet="AFP")
    check("À Odintsovo, un drone s'est écrasé sur un immeuble résidentiel, selon les autorités locales.", exp, outlet="AFP")
    check("In the town of Odintsovo, outside Moscow, a drone crashed into an apartment building, the regional governor said.",
          exp)


def test_road_named_after_a_town_is_not_a_place():
    for text, kw in (("À Moscou même, des débris sont tombés sur l'autoroute de Kolomna, endommageant deux voitures, a "
                      "rapporté l'agence TASS.", {"outlet": "AFP"}),
                     ("In Moscow itself, debris fell on the Kolomna highway, damaging two cars, TASS reported.", {})):
        ms = run(text, **kw)
        assert [m["admin1_code"] for m in ms] == ["RU-MOW"], show(ms)
