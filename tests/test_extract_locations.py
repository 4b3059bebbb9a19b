"""Event places: launch areas are not locations; country-level totals; multi-region strikes."""

from extract_helpers import runner


run = runner("2025-06-03")


def test_launch_area_is_not_the_location():
    ms = run("Ukraine's air force said Russia fired three Iskander-M missiles from the Kursk region overnight.")
    [m] = ms
    assert m["event_type"] == "attack" and m["admin1_code"] is None and m["launched"] == 3


def test_launch_area_french():
    ms = run("La Russie a lancé 40 drones depuis la région de Briansk, selon l'armée de l'air ukrainienne.",
             outlet="AFP")
    assert all(m["admin1_code"] != "RU-BRY" for m in ms)


def test_country_total_has_no_region():
    [m] = run("The Defence Ministry said 47 Ukrainian drones were shot down over Russian regions overnight.")
    assert m["admin1_code"] is None and m["country_hint"] == "RU"


def test_garbled_launched_across_russia_is_not_russia():
    [m] = run("L'Ukraine affirme avoir abattu 30 des 45 drones tirés à travers la Russie dans la nuit.",
              outlet="The Independent")
    assert m["country_hint"] == "UA" and m["attacker_side"] == "RU"


def test_multi_region_strike_list_one_per_region():
    ms = run("Energy facilities in the Poltava, Sumy and Chernihiv regions were hit overnight, "
             "Ukraine's energy ministry said.")
    codes = sorted(m["admin1_code"] for m in ms if m["admin1_code"])
    assert codes == ["UA-53", "UA-59", "UA-74"]
    assert all(m["ambiguous"] for m in ms if m["admin1_code"])


def test_strike_in_ukraine_reported_by_ukraine_has_russian_attacker():
    [m] = run("A Russian drone hit an apartment building in Kharkiv overnight, Governor Oleh Syniehubov said.")
    assert m["event_type"] == "strike" and m["attacker_side"] == "RU" and m["admin1_code"] == "UA-63"


def test_debris_without_damage_is_not_a_strike():
    ms = run("The governor of the Tula region said debris from a downed drone fell in a field, causing no damage.")
    assert not [m for m in ms if m["event_type"] == "strike"]


def test_a_regional_officials_launch_figures_without_a_place_are_in_the_officials_region():
    from extract_helpers import runner as _runner
    run = _runner("2026-07-14", outlet="Suspilne")
    ms = run("Over the past day, the Russian army used 5 KAB and 8 Geran-2 drones against the region, the head of the "
             "Kharkiv regional military administration Oleh Syniehubov reported.")
    assert sorted((m["event_type"], m["weapon"], m["launched"], m["admin1_code"]) for m in ms) == [
        ("attack", "drone", 8, "UA-63"), ("attack", "glide_bomb", 5, "UA-63")]
