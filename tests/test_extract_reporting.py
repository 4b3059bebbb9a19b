"""Reporting patterns of wire and French copy (invented sentences): datelines, clause-scoped
attribution, overall strikes over region lists, target-kind weapons, speech dates."""

from extract_helpers import runner


run = runner("2025-03-08")      # a Saturday


def strikes(ms):
    return [m for m in ms if m["event_type"] == "strike"]


# ---------------------------------------------------------------- places


def test_dateline_city_is_not_an_event_place():
    ms = run("Lviv (AFP) - Ukraine said Saturday its drones had hit an oil depot in Russia's Tambov region overnight.")
    assert [m["admin1_code"] for m in strikes(ms)] == ["RU-TAM"]


def test_all_caps_dateline_is_not_an_event_place():
    ms = run("DNIPRO, Ukraine (AP) — Russian drones struck a warehouse in the Poltava region overnight, "
             "Ukrainian officials said.")
    assert [m["admin1_code"] for m in strikes(ms)] == ["UA-53"]


def test_carrier_area_is_not_the_event_place():
    ms = run("The bombs, dropped by Russian jets flying over the neighbouring Kursk region, hit two villages "
             "in the Sumy region, the governor said.")
    codes = {m["admin1_code"] for m in strikes(ms)}
    assert codes == {"UA-59"}


def test_sea_named_as_attribute_is_not_a_place():
    ms = run("A Russian missile attack on the Black Sea port city of Mykolaiv overnight damaged a warehouse, "
             "the regional governor said.")
    assert [m["admin1_code"] for m in strikes(ms)] == ["UA-48"]


def test_same_region_towns_are_one_place():
    ms = run("Dans la région de Kherson, l'armée russe a largué six bombes guidées sur Beryslav et Kakhovka, "
             "dont deux ont frappé des maisons, a indiqué le gouverneur.", outlet="AFP", language="fr")
    st = strikes(ms)
    assert len(st) == 1 and st[0]["launched"] == 6 and st[0]["hits"] == 2 and st[0]["admin1_code"] == "UA-65"


# ---------------------------------------------------------------- weapons


def test_weapon_word_naming_a_target_is_not_the_weapon():
    ms = run("Ukraine's General Staff said its forces had hit a missile storage depot near Millerovo "
             "in the Rostov region.")
    st = strikes(ms)
    assert st and st[0]["weapon"] == "unknown"


def test_precision_weapons_and_drones_are_mixed():
    ms = run("Les forces armées russes ont frappé des dépôts de carburant ukrainiens avec des armes de précision "
             "et des drones d'attaque, a annoncé le ministère russe de la Défense.", outlet="RT en français",
             language="fr")
    st = strikes(ms)
    assert len(st) == 1 and st[0]["weapon"] == "mixed" and st[0]["attacker_side"] == "RU"


def test_damage_in_an_interception_sentence_has_no_weapon_of_its_own():
    ms = run("Quinze drones ont été abattus au-dessus de la capitale, a indiqué l'administration militaire de Kiev, "
             "qui fait état d'un blessé et de dégâts dans le quartier de Podil.", outlet="AFP", language="fr")
    st = strikes(ms)
    assert len(st) == 1 and st[0]["weapon"] == "unknown"


def test_no_damage_mentioned_is_not_a_strike():
    ms = run("Le ministère russe de la Défense a indiqué avoir abattu 12 drones au-dessus de la région de Koursk, "
             "sans mentionner de dégâts.", outlet="AFP", language="fr")
    assert not strikes(ms) and ms[0]["intercepted"] == 12


def test_destroying_a_ground_target_is_a_strike():
    ms = run("Ukraine's military intelligence said on Saturday it had destroyed a Russian air defence system "
             "near Yevpatoria in Crimea.")
    st = strikes(ms)
    assert len(st) == 1 and st[0]["admin1_code"] == "UA-43"


# ---------------------------------------------------------------- counts


def test_anaphoric_all_in_other_language():
    ms = run("The Air Force reported that the enemy also launched two Kh-31 missiles on the Odesa region "
             "— les deux ont été détruits par la défense aérienne.", outlet="Ukrainska Pravda (machine-translated)")
    m = [x for x in ms if x["weapon"] != "drone"][0]
    assert m["event_type"] == "interception" and m["launched"] == 2 and m["intercepted"] == 2


def test_as_well_as_continues_the_launch_figure():
    ms = run("The Air Force said Russia had launched 40 drones overnight, 25 of which were shot down, "
             "as well as three Iskander-M ballistic missiles.")
    bm = [m for m in ms if m["weapon"] == "ballistic_missile"][0]
    assert bm["event_type"] == "attack" and bm["launched"] == 3


def test_places_counted_are_not_weapons():
    ms = run("Ukraine's air force said Russia launched 60 drones and 20 were shot down. "
             "Hits were recorded at five locations, and debris fell at two others.")
    st = strikes(ms)
    assert len(st) == 1 and st[0]["hits"] is None and st[0]["admin1_code"] is None


# ---------------------------------------------------------------- overall strikes


def test_site_count_over_region_list_gives_total_and_rows():
    ms = run("Des impacts de missiles ont été enregistrés sur cinq sites, dans les régions de Poltava et de Soumy, "
             "a indiqué l'armée de l'air ukrainienne.", outlet="Ukrinform", language="fr")
    st = strikes(ms)
    total = [m for m in st if m["admin1_code"] is None]
    rows = [m for m in st if m["admin1_code"]]
    assert len(total) == 1 and {m["admin1_code"] for m in rows} == {"UA-53", "UA-59"}
    ti = ms.index(total[0])
    assert all(m["parent_index"] == ti for m in rows)


def test_headline_region_count_is_the_total_of_the_body_list():
    title = "Russia strikes power plants; energy sites hit in 2 oblasts"
    ms = run(title + "\n\nEnergy facilities in the Poltava and Sumy oblasts were hit overnight, "
             "Energy Minister Svitlana Hrynchuk said.", title=title, outlet="The Kyiv Independent")
    st = strikes(ms)
    total = [m for m in st if m["admin1_code"] is None]
    assert len(total) == 1 and total[0]["claimant"] == "Ukrainian Ministry of Energy"
    assert sorted(m["admin1_code"] for m in st if m["admin1_code"]) == ["UA-53", "UA-59"]


# ---------------------------------------------------------------- attribution


def test_official_contradicting_the_outlet_in_the_same_sentence():
    ms = run("In the Lipetsk region, a fire broke out at a steel plant after residents heard explosions, though "
             "Gov. Igor Artamonov said all drones had been shot down and that nobody was hurt.", outlet="Associated Press")
    st = strikes(ms)
    ic = [m for m in ms if m["event_type"] == "interception"]
    assert len(st) == 1 and st[0]["claimant"] == "outlet" and st[0]["claimant_side"] == "other"
    assert len(ic) == 1 and ic[0]["claimant_side"] == "RU" and ic[0]["admin1_code"] == "RU-LIP"


def test_french_contrast_with_subjunctive_official():
    ms = run("Un incendie s'est déclaré dans un dépôt pétrolier près de Briansk après une frappe de drone, bien que "
             "le gouverneur ait affirmé que tous les drones avaient été abattus.", outlet="Le Monde", language="fr")
    st = strikes(ms)
    ic = [m for m in ms if m["event_type"] == "interception"]
    assert st and st[0]["claimant"] == "outlet"
    assert ic and ic[0]["claimant_side"] == "RU"


def test_narrative_as_clause_restated_by_governor_is_one_claim():
    ms = run("Ukraine's air force said Saturday it had shot down 50 of the 70 drones Russia launched overnight, "
             "as falling debris damaged several homes in the Chernihiv region.\n\n"
             "Chernihiv governor Viacheslav Chaus said debris from downed drones damaged five private houses.",
             outlet="AFP")
    st = strikes(ms)
    assert len(st) == 1 and st[0]["admin1_code"] == "UA-74" and "governor" in st[0]["claimant"]


def test_speech_claimant_outranks_agent():
    ms = run("Russian forces struck Sumy with three guided bombs on Saturday, wounding four people, "
             "regional governor Oleh Hryhorov said.", outlet="AFP")
    st = strikes(ms)
    assert len(st) == 1 and st[0]["claimant_side"] == "UA" and st[0]["admin1_code"] == "UA-59"


def test_statement_named_in_attribution_only_sentence_carries_to_rows():
    title = "Night attack: Russian air defence claims 20 drones"
    ms = run(title + "\n\n\"Air defence means destroyed 20 Ukrainian drones overnight.\"\n\n"
             "Such was the statement of the Russian defence ministry on Telegram.\n\n"
             "Par région : Koursk (12) et Briansk (8), selon le communiqué.", published=None, title=title,
             outlet="MSN (machine-translated)")
    rows = [m for m in ms if m["admin1_code"] in ("RU-KRS", "RU-BRY")]
    assert len(rows) == 2 and all(m["claimant_side"] == "RU" and m["weapon"] == "drone" for m in rows)


def test_occupation_official_is_russian_side():
    ms = run("Vladimir Saldo, the Russian-installed governor of Kherson, said air defences had repelled an attack "
             "and that falling debris had damaged a substation.", outlet="Reuters")
    assert ms and all(m["claimant_side"] == "RU" for m in ms)


def test_french_attribution_with_inserted_adverbial():
    ms = run("Le ministère russe de la Défense a, de son côté, affirmé avoir abattu 14 drones ukrainiens "
             "au-dessus de la région de Belgorod.", outlet="Le Figaro", language="fr")
    assert ms[0]["claimant"] == "Russian Ministry of Defence" and ms[0]["claimant_side"] == "RU"


def test_no_comment_sentence_is_not_a_claim():
    ms = run("Moscou n'a pas commenté ces frappes.", outlet="AFP", language="fr")
    assert ms == []


def test_cumulative_operation_total_is_background():
    ms = run("Depuis le début de l'opération militaire spéciale, 700 avions et 50 000 drones ukrainiens ont été "
             "détruits, affirme le ministère.", outlet="RT en français", language="fr")
    assert ms == []


def test_relative_clause_background_words_do_not_drop_the_claim():
    ms = run("It also said it had hit a fuel depot at the Yeysk airfield in the Krasnodar region, "
             "from which Russia regularly launches drones.", outlet="Reuters")
    assert [m["admin1_code"] for m in strikes(ms)] == ["RU-KDA"]


# ---------------------------------------------------------------- context


def test_demonstrative_target_takes_earlier_place():
    ms = run("Mardi, une attaque de drones a provoqué un incendie dans la raffinerie de Syzran, dans la région de "
             "Samara, a annoncé le gouverneur.\n\n"
             "L'état-major ukrainien avait déjà revendiqué la semaine dernière une frappe contre cette même raffinerie.",
             outlet="Le Figaro", language="fr", published="2025-06-10")
    ua = [m for m in strikes(ms) if m["claimant_side"] == "UA"]
    assert len(ua) == 1 and ua[0]["admin1_code"] == "RU-SAM" and ua[0]["attacker_side"] == "UA"


def test_firefighting_follow_up_is_not_a_new_strike():
    ms = run("Kherson regional Gov. Oleksandr Prokudin said a drone hit a grain terminal in Kherson.\n\n"
             "Firefighters were still working to put out the blaze at the terminal by noon, emergency services said.")
    assert len(strikes(ms)) == 1


def test_statement_made_on_an_earlier_day_dates_the_event():
    ms = run("Russia's Defence Ministry said on Friday that air defence units had destroyed 15 Ukrainian drones "
             "over the Oryol region between 8 p.m. and 10 p.m.\n\n"
             "Ukraine's air force said Russia attacked overnight with 40 drones, 30 of which were shot down.")
    ru = [m for m in ms if m["claimant_side"] == "RU"][0]
    assert ru["event_date"] == "2025-03-07"
