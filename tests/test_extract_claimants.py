"""Claimants: attribution verbs, relayed wire copy, delayed attribution, outlet fallback."""

from extract_helpers import runner
from pipeline.extract.claimants import outlet_side


run = runner("2025-06-03")


def test_relayed_wire_copy_keeps_the_ministry():
    [m] = run("Air defences destroyed 19 Ukrainian drones overnight, the Defence Ministry said, according to TASS.")
    assert m["claimant"] == "Russian Ministry of Defence" and m["claimant_side"] == "RU"


def test_french_attribution():
    [m] = run("Selon l'armée de l'air ukrainienne, 24 drones russes ont été abattus dans la nuit.", outlet="AFP")
    assert m["claimant_side"] == "UA" and m["attacker_side"] == "RU"


def test_governor_side_from_region():
    ms = run("The governor of the Bryansk region said four drones had been shot down over the region.")
    [m] = ms
    assert m["claimant_side"] == "RU" and m["admin1_code"] == "RU-BRY"


def test_named_official():
    [m] = run("Oleh Syniehubov said air defences shot down six drones over the Kharkiv region overnight.")
    assert m["claimant_side"] == "UA"


def test_delayed_attribution_next_sentence():
    ms = run("\"Drone debris set fire to a warehouse in the Podilskyi district.\"\n\n"
             "The account came from Tymur Tkachenko, head of Kyiv's military administration.")
    [m] = ms
    assert m["claimant_side"] == "UA" and m["event_type"] == "strike"


def test_unattributed_takes_outlet_side():
    [m] = run("A fire broke out at an oil depot in the Bryansk region overnight after a drone attack.",
              outlet="Ukrinform")
    assert m["claimant"] == "outlet" and m["claimant_side"] == "UA"


def test_outlet_sides():
    assert outlet_side("Ukrinform") == "UA"
    assert outlet_side("TASS") == "RU"
    assert outlet_side("Reuters") == "other"
    assert outlet_side("The Kyiv Independent") == "UA"
