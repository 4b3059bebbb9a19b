"""The outlets registry (pipeline/extract/lexicons/outlets.jsonl): validation with errors naming the
line, matching on names, handles and URLs whatever their decoration, and official channels
speaking in their own voice (claimant_source = outlet)."""

import json

import pytest

from pipeline.extract import outlets
from tests.extract_helpers import runner

MOD_FORMS = ["mod_russia", "mod_russia (Telegram)", "Минобороны России (Telegram, t.me/mod_russia)",
             "t.me/mod_russia", "https://t.me/mod_russia/12345", "@MOD_RUSSIA", "Минобороны России"]


@pytest.mark.parametrize("outlet", MOD_FORMS)
def test_every_form_of_the_mod_channel_is_the_russian_mod(outlet):
    ch = outlets.channel_claimant(outlet)
    assert ch is not None and ch.claimant == "Russian Ministry of Defence" and ch.side == "RU"


@pytest.mark.parametrize("outlet,url,claimant", [
    ("kpszsu", None, "Ukrainian Air Force"),
    ("kpszsu (Telegram)", None, "Ukrainian Air Force"),
    (None, "https://t.me/kpszsu/9876", "Ukrainian Air Force"),
    ("GeneralStaffZSU", None, "Ukrainian General Staff"),
    ("Генштаб ЗСУ (t.me/GeneralStaffZSU)", None, "Ukrainian General Staff"),
])
def test_ukrainian_official_channels_by_handle_or_url(outlet, url, claimant):
    assert outlets.channel_claimant(outlet, url).claimant == claimant


@pytest.mark.parametrize("outlet,url,side", [
    ("TASS", None, "RU"), ("ТАСС", None, "RU"), ("Some site", "https://tass.ru/politika/1", "RU"),
    ("RIA Novosti (Telegram)", None, "RU"), (None, "https://www.ukrinform.net/rubric-ato/1.html", "UA"),
    ("Укрінформ", None, "UA"), ("Reuters", None, "other"), ("The Kyiv Independent", None, "UA"),
    ("A blog nobody listed", None, "other"),
])
def test_agencies_give_a_side_but_no_voice(outlet, url, side):
    assert outlets.outlet_side(outlet, url) == side
    assert outlets.channel_claimant(outlet, url) is None


def test_a_word_in_a_longer_outlet_string_gives_the_side_but_not_the_channel():
    assert outlets.outlet_side("Daily digest of the general staff's posts") == "UA"
    assert outlets.channel_claimant("Daily digest of the general staff's posts") is None


def _line(**kw):
    base = {"id": "x", "name": "X", "side": "RU", "kind": "agency"}
    base.update(kw)
    return json.dumps(base, ensure_ascii=False)


@pytest.mark.parametrize("bad,message", [
    (_line(side="RUS"), "side 'RUS' is not one of"),
    (_line(kind="official_channel"), "needs a 'claimant'"),
    (_line(handles=["t.me/x"]), "is not a channel handle"),
    (_line(domains=["https://x.ru"]), "is not a domain name"),
    (_line(patterns=["("]), "not a valid regular expression"),
    (_line(alias=["X"]), "unknown field(s) alias"),
    ('{"id": "x", ', "not valid JSON"),
    (_line(name=""), "field 'name' is required"),
])
def test_a_bad_entry_is_an_error_naming_file_and_line(bad, message):
    lines = ["# comment", _line(id="ok"), bad]
    with pytest.raises(outlets.RegistryError) as err:
        outlets.parse_registry(lines, "my_outlets.jsonl")
    assert str(err.value).startswith("my_outlets.jsonl:3: ") and message in str(err.value)


def test_duplicate_ids_are_rejected():
    with pytest.raises(outlets.RegistryError, match=r"reg:2: duplicate id 'x'"):
        outlets.parse_registry([_line(), _line(name="Y")], "reg")


def test_a_user_added_channel_is_matched_by_its_handle(tmp_path):
    path = tmp_path / "outlets.jsonl"
    path.write_text(_line(id="kursk_gov", name="Kursk governor", kind="official_channel",
                          claimant="governor of Kursk region", handles=["kursk_gov_channel"]) + "\n", encoding="utf-8")
    reg = outlets.load_registry(path)
    m = reg.lookup("Kursk_Gov_Channel (Telegram)")
    assert m.outlet.claimant == "governor of Kursk region" and m.how == "handle"


def test_the_shipped_registry_loads():
    reg = outlets.registry()
    assert {"ru_mod", "ua_air_force", "ua_general_staff"} <= {o.id for o in reg.outlets}


run = runner("2025-10-02")


@pytest.mark.parametrize("outlet", ["mod_russia", "https://t.me/mod_russia/40001"])
def test_a_mod_post_that_names_no_one_speaks_for_the_mod(outlet):
    ms = run("За прошедшую ночь дежурными средствами ПВО уничтожены 14 беспилотных летательных аппаратов "
             "над территорией Орловской области.", outlet=outlet, language="ru")
    assert [(m["claimant"], m["claimant_side"], m["claimant_source"]) for m in ms] == [
        ("Russian Ministry of Defence", "RU", "outlet")]
    assert "claimant.outlet_registry" in ms[0]["rule_ids"].split("|")


def test_an_english_channel_post_without_a_named_source_takes_the_channel():
    ms = run("Overnight, 33 drones were shot down over the Sumy and Kharkiv regions.", outlet="kpszsu", language="en")
    assert {(m["claimant"], m["claimant_side"], m["claimant_source"]) for m in ms} == {
        ("Ukrainian Air Force", "UA", "outlet")}


def test_a_claimant_named_in_the_text_wins_over_the_outlet():
    ms = run("Russia's defence ministry said its air defences destroyed 21 Ukrainian drones overnight.",
             outlet="Ukrinform", language="en")
    assert [(m["claimant"], m["claimant_side"], m["claimant_source"]) for m in ms] == [
        ("Russian Ministry of Defence", "RU", "text")]


def test_unknown_outlet_and_no_named_source_is_unknown():
    ms = run("Eleven drones were shot down over the Bryansk region overnight.", outlet="Nobody's blog", language="en")
    assert ms and {(m["claimant"], m["claimant_source"]) for m in ms} == {("outlet", "unknown")}
