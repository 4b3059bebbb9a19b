"""Offline geocoder: place list (4 languages), sentence scanning, geopy interface, stage rows."""
from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from pipeline.geocode.gazetteer import Gazetteer, Place, PlaceMatch, default_gazetteer
from pipeline.geocode.geocoder import OfflineGeocoder, nominatim_geocoder
from pipeline.geocode.stage import LOCATION_COLUMNS, geocode_cli, geocode_mentions

FIXTURES = Path(__file__).parent / "fixtures" / "geocode"


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return default_gazetteer()


def _place_list():
    rows = []
    with open(FIXTURES / "places.tsv", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            f = line.rstrip("\n").split("\t")
            rows.append((f[0], f[1], f[2] if len(f) > 2 and f[2] else None))
    return rows


# ------------------------------------------------------------------ place list
def test_place_list_resolves_to_expected_admin1(gaz):
    rows = _place_list()
    assert len(rows) >= 150
    failures = []
    for query, expected, hint in rows:
        p = gaz.resolve(query, country_hint=hint)
        got = p.admin1_code if p else None
        if got != expected:
            failures.append((query, expected, p and (p.location_id, p.name, p.admin1_code)))
    rate = 1 - len(failures) / len(rows)
    for f in failures:
        print("FAIL", f)
    assert rate >= 0.97, f"{rate:.3f} ({len(failures)} failures)"


def test_admin1_table_is_complete():
    with open(Path("pipeline/geocode/data/admin1.csv").resolve() if Path("pipeline").exists()
              else Path(__file__).parents[1] / "pipeline/geocode/data/admin1.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    codes = {r["iso_code"] for r in rows if r["iso_code"]}
    assert len([c for c in codes if c.startswith("UA-")]) == 27
    assert len([c for c in codes if c.startswith("RU-")]) == 83
    assert len([c for c in codes if c.startswith("BY-")]) == 7
    for c in ("UA-30", "UA-32", "UA-40", "UA-43", "RU-MOW", "RU-MOS", "RU-SPE", "RU-LEN", "RU-TA", "RU-BA"):
        assert c in codes


# ------------------------------------------------------------------ resolve specifics
@pytest.mark.parametrize("query,loc_id,precision", [
    ("Kyiv", "gn:703448", "settlement"),
    ("Kyiv region", "adm1:UA-32", "admin1"),
    ("Moscow region", "adm1:RU-MOS", "admin1"),
    ("la région de Koursk", "adm1:RU-KRS", "admin1"),
    ("Брянскую область", "adm1:RU-BRY", "admin1"),
    ("Russia", "cty:RU", "country"),
    ("Russie", "cty:RU", "country"),
    ("України", "cty:UA", "country"),
    ("акватория Черного моря", "sea:black-sea", "admin1"),
    ("Чорне море", "sea:black-sea", "admin1"),
    ("mer d'Azov", "sea:sea-of-azov", "admin1"),
    ("над акваторией Каспийского моря", "sea:caspian-sea", "admin1"),
    ("the Baltic Sea", "sea:baltic-sea", "admin1"),
])
def test_resolve_kinds(gaz, query, loc_id, precision):
    p = gaz.resolve(query)
    assert p is not None and p.location_id == loc_id and p.geo_precision == precision


def test_region_place_fields(gaz):
    p = gaz.resolve("Voronezh region")
    assert p.location_id == "adm1:RU-VOR" and p.name == "Voronezh Oblast" and p.admin1 == "Voronezh Oblast"
    assert p.country_code == "RU" and p.geonames_id is None and p.feature_code == "ADM1"
    assert 49 < p.latitude < 53 and 38 < p.longitude < 43


def test_settlement_fields_and_admin1_mapping(gaz):
    p = gaz.resolve("Liski")
    assert isinstance(p, Place)
    assert (p.location_id, p.geonames_id, p.admin1, p.admin1_code, p.country_code, p.geo_precision) == (
        "gn:534838", 534838, "Voronezh Oblast", "RU-VOR", "RU", "settlement")


def test_sea_and_country_places(gaz):
    sea = gaz.resolve("the Black Sea")
    assert (sea.admin1, sea.admin1_code, sea.country_code) == ("Black Sea", "", "")
    c = gaz.resolve("Украина")
    assert (c.admin1, c.admin1_code, c.country_code, c.geo_precision) == ("", "", "UA", "country")


def test_crimea_is_ukraine(gaz):
    for q in ("Республика Крым", "Crimée", "Crimea"):
        p = gaz.resolve(q)
        assert p.admin1_code == "UA-43" and p.country_code == "UA"


def test_zaporizhzhia_prefers_the_city(gaz):
    p = gaz.resolve("Zaporizhzhia")
    assert p.admin1_code == "UA-23" and p.name == "Zaporizhzhya"


def test_country_hint_orders_namesakes(gaz):
    assert gaz.resolve("Novomoskovsk", country_hint="RU").admin1_code == "RU-TUL"
    assert gaz.resolve("Pokrovsk", country_hint="UA").admin1_code == "UA-14"


def test_settlement_contradicting_region_gives_region(gaz):
    p = gaz.resolve("в районе населенного пункта Гай-Кодзор Краснодарского края")
    assert p.admin1_code == "RU-KDA"


def test_unresolvable(gaz):
    for q in ("", "   ", "the city", "his region", "Atlantis", "over the capital"):
        assert gaz.resolve(q) is None


def test_load_explicit_path_gives_independent_object():
    g1 = Gazetteer.load()
    g2 = Gazetteer.load(Path(__file__).parents[1] / "pipeline/geocode/data/gazetteer.csv")
    assert g1 is not g2 and len(g1) == len(g2) > 10000
    assert default_gazetteer() is default_gazetteer()


# ------------------------------------------------------------------ find_places
def _codes(ms):
    return [m.place.admin1_code for m in ms]


def test_find_places_english_breakdown(gaz):
    s = ("Air defence units destroyed 30 drones overnight: 20 over the Bryansk and Kursk regions, "
         "six over the Tula region and four over the Black Sea, the ministry said.")
    ms = gaz.find_places(s, "en")
    assert _codes(ms) == ["RU-BRY", "RU-KRS", "RU-TUL", ""]
    assert all(isinstance(m, PlaceMatch) and s[m.start:m.end] == m.text for m in ms)
    assert ms[-1].place.location_id == "sea:black-sea"
    assert [m.start for m in ms] == sorted(m.start for m in ms)


def test_find_places_french(gaz):
    s = "Les drones ont été abattus dans les régions de Koursk et de Belgorod, ainsi qu'au-dessus de la mer Noire."
    ms = gaz.find_places(s, "fr")
    assert _codes(ms) == ["RU-KRS", "RU-BEL", ""]
    s2 = "Une raffinerie a pris feu à Novokouïbychevsk, dans la région de Samara, selon le gouverneur."
    assert _codes(gaz.find_places(s2, "fr")) == ["RU-SAM", "RU-SAM"]


def test_find_places_russian(gaz):
    s = "Дежурные средства ПВО уничтожили 12 беспилотников над территориями Калужской и Тульской областей."
    ms = gaz.find_places(s, "ru")
    assert _codes(ms) == ["RU-KLU", "RU-TUL"]
    assert ms[1].text == "Тульской областей"
    s2 = "- **Брянской области** — 5 и над акваторией Азовского моря — 2."
    ms2 = gaz.find_places(s2, "ru")
    assert [m.text for m in ms2] == ["Брянской области", "акваторией Азовского моря"]
    assert ms2[1].place.location_id == "sea:sea-of-azov"


def test_find_places_ukrainian(gaz):
    s = "Уночі ворожі дрони атакували Харківщину, а також об'єкти у Воронезькій області та в Києві."
    ms = gaz.find_places(s, "uk")
    assert _codes(ms) == ["UA-63", "RU-VOR", "UA-30"]


def test_find_places_lists_with_region_word_after(gaz):
    s = "Strikes were reported in the Kyiv, Zhytomyr and Khmelnytskyi oblasts."
    assert _codes(gaz.find_places(s)) == ["UA-32", "UA-18", "UA-68"]


def test_find_places_avoids_common_words_and_people(gaz):
    s = ("Drone debris fell near Nord Stream, Air defence said; Mir and Lisa were quoted. "
         "Ukrainian President Zelensky and Vladimir Putin spoke; Ukrainska Pravda reported Storm Shadow use.")
    assert gaz.find_places(s) == []
    assert gaz.find_places("Drones attacked the Ukrainian city of Sumy.")[0].place.admin1_code == "UA-59"


def test_find_places_facility_adjective(gaz):
    ms = gaz.find_places("A fire broke out at the Liskinskaya oil depot after the attack.")
    assert len(ms) == 1 and ms[0].place.name == "Liski"


def test_find_places_inflected_towns(gaz):
    s = "Обломки упали в Новошахтинске и в Таганроге, сообщил губернатор."
    assert [m.place.name for m in gaz.find_places(s)] == ["Novoshakhtinsk", "Taganrog"]


def test_find_places_empty(gaz):
    assert gaz.find_places("") == []
    assert gaz.find_places("No places are named here at all.") == []


# ------------------------------------------------------------------ geopy interface
def test_offline_geocoder_is_a_geopy_geocoder(gaz):
    from geopy.geocoders.base import Geocoder
    from geopy.location import Location

    geo = OfflineGeocoder(gaz)
    assert isinstance(geo, Geocoder)
    loc = geo.geocode("Kharkov")
    assert isinstance(loc, Location)
    assert abs(loc.latitude - 50.0) < 0.2 and abs(loc.longitude - 36.25) < 0.2
    assert loc.raw["admin1_code"] == "UA-63" and loc.raw["location_id"].startswith("gn:")
    assert "Kharkiv" in loc.address
    assert geo.geocode("Atlantis") is None
    many = geo.geocode("the Tambov and Penza regions", exactly_one=False)
    assert [l.raw["admin1_code"] for l in many] == ["RU-TAM", "RU-PNZ"]
    assert geo.geocode("Pokrovsk", country_hint="UA").raw["admin1_code"] == "UA-14"


def test_geodesic_distance_liski_voronezh(gaz):
    from geopy.distance import geodesic

    geo = OfflineGeocoder(gaz)
    a, b = geo.geocode("Liski"), geo.geocode("Voronezh")
    assert 70 < geodesic(a.point, b.point).km < 90


def test_nominatim_backend_is_off_by_default(tmp_path, monkeypatch):
    monkeypatch.delenv("PIPELINE_GEOCODE_ONLINE", raising=False)
    with pytest.raises(RuntimeError):
        nominatim_geocoder("test", tmp_path / "cache.json")


# ------------------------------------------------------------------ stage
def test_geocode_mentions_rows(gaz):
    mentions = [
        {"mention_id": "a-01", "location_text": None, "country_hint": "RU", "lang": "en"},
        {"mention_id": "a-02", "location_text": "the Voronezh region", "country_hint": "RU", "lang": "en"},
        {"mention_id": "a-03", "location_text": "над акваторией Черного моря", "country_hint": "RU", "lang": "ru"},
        {"mention_id": "a-04", "location_text": "Liski", "country_hint": "RU", "lang": "en"},
        {"mention_id": "a-05", "location_text": "the city", "country_hint": "UA", "lang": "en"},
        {"mention_id": "a-06", "location_text": "", "country_hint": None, "lang": "en"},
        {"mention_id": "a-07", "location_text": "Voronezh Oblast", "country_hint": None, "lang": "en"},
    ]
    before = json.dumps(mentions, sort_keys=True)
    out, locations, rejects = geocode_mentions(mentions, gaz)
    assert json.dumps(mentions, sort_keys=True) == before  # inputs untouched
    vor = gaz.area("RU-VOR")
    assert out[0] == {**mentions[0], "location_id": None, "admin1": None, "admin1_code": None,
                      "country_code": "RU", "latitude": None, "longitude": None, "geo_precision": "country"}
    assert out[1] == {**mentions[1], "location_id": "adm1:RU-VOR", "admin1": "Voronezh Oblast",
                      "admin1_code": "RU-VOR", "country_code": "RU", "latitude": vor.latitude,
                      "longitude": vor.longitude, "geo_precision": "admin1"}
    assert out[2] == {**mentions[2], "location_id": "sea:black-sea", "admin1": "Black Sea",
                      "admin1_code": None, "country_code": None, "latitude": 43.25, "longitude": 34.0,
                      "geo_precision": "admin1"}
    liski = gaz.resolve("Liski")
    assert out[3] == {**mentions[3], "location_id": "gn:534838", "admin1": "Voronezh Oblast",
                      "admin1_code": "RU-VOR", "country_code": "RU", "latitude": liski.latitude,
                      "longitude": liski.longitude, "geo_precision": "settlement"}
    assert out[4] == {**mentions[4], "location_id": None, "admin1": None, "admin1_code": None,
                      "country_code": "UA", "latitude": None, "longitude": None, "geo_precision": "unknown"}
    assert out[5]["geo_precision"] == "unknown" and out[5]["country_code"] is None
    assert out[6]["location_id"] == "adm1:RU-VOR"
    assert rejects == [{"source_file": "a-05", "stage": "geocode", "reason": "unresolved_place",
                        "detail": "location_text='the city' country_hint=UA"}]
    assert [r["location_id"] for r in locations] == ["adm1:RU-VOR", "gn:534838", "sea:black-sea"]
    assert locations[0] == {"location_id": "adm1:RU-VOR", "name": "Voronezh Oblast", "geonames_id": None,
                            "feature_code": "ADM1", "admin1": "Voronezh Oblast", "admin1_code": "RU-VOR",
                            "country_code": "RU", "latitude": vor.latitude, "longitude": vor.longitude,
                            "geo_precision": "admin1"}
    assert tuple(locations[1]) == LOCATION_COLUMNS
    assert locations[2]["country_code"] == "" and locations[2]["admin1_code"] == ""


def test_geocode_cli_lines(gaz):
    lines = geocode_cli(["Kharkov", "Atlantis"], as_json=True, gaz=gaz)
    a, b = (json.loads(x) for x in lines)
    assert {k: a[k] for k in ("name", "geonames_id", "admin1", "admin1_code", "country_code", "geo_precision")} == {
        "name": "Kharkiv", "geonames_id": 706483, "admin1": "Kharkiv Oblast", "admin1_code": "UA-63",
        "country_code": "UA", "geo_precision": "settlement"}
    assert set(a) >= {"name", "geonames_id", "feature_code", "admin1", "admin1_code", "country_code",
                      "latitude", "longitude", "geo_precision"}
    assert b["geo_precision"] == "unknown" and b["name"] is None
    assert geocode_cli(["Kursk region"], as_json=False, gaz=gaz)[0].split("\t")[2] == "RU-KRS"


@pytest.mark.parametrize("text,reason", [
    ("над территорией", "no_place_name"),
    ("БПЛА – над террит", "no_place_name"),       # a row cut off by a length limit
    ("над территорией **К", "no_place_name"),
    ("over the", "no_place_name"),
    ("Kotluban", "unresolved_place"),
    ("la baie Sud", "unresolved_place"),
])
def test_unresolved_reason(text, reason):
    from pipeline.geocode.stage import unresolved_reason
    assert unresolved_reason(text) == reason
