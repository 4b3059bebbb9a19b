"""ACLED export (pipeline/acled.py): ACLED's codebook columns in ACLED's order, one row per event
as ACLED counts events, ACLED vocabularies, and a frame that concatenates with ACLED data."""

from __future__ import annotations

import io as _io
from pathlib import Path

import pandas as pd
import pytest

from pipeline import acled, io, schema

CODEBOOK = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp"]


def _claim(cid, inc, side, event, **kw):
    base = {"claim_id": cid, "incident_id": inc, "claimant_side": side, "event_type": event,
            "claimant": kw.pop("claimant", "someone"), "weapon": "drone", "parent_claim_id": "",
            "geo_precision": "country", "country_code": "RU"}
    base.update(kw)
    return base


@pytest.fixture
def tables():
    incidents = [
        {"incident_id": "i-aaa", "event_date": "2025-03-04", "date_precision": "night",
         "attacker_side": "UA", "weapon": "drone", "admin1": "", "country_code": "RU",
         "latitude": "", "longitude": "", "disputed": "true"},
        {"incident_id": "i-bbb", "event_date": "", "date_precision": "unknown",
         "attacker_side": "RU", "weapon": "cruise_missile", "admin1": "Kyiv City",
         "country_code": "UA", "latitude": "50.45", "longitude": "30.52", "disputed": "false"},
        {"incident_id": "i-ccc", "event_date": "2025-03-04", "date_precision": "night",
         "attacker_side": "UA", "weapon": "drone", "admin1": "Kursk Oblast", "country_code": "RU",
         "latitude": "51.7", "longitude": "36.2", "disputed": "false"},
    ]
    claims = [
        _claim("c-total", "i-aaa", "RU", "interception", claimant="Russian Ministry of Defence",
               launched="", intercepted="30"),
        _claim("c-part1", "i-aaa", "RU", "interception", parent_claim_id="c-total",
               intercepted="12", admin1="Belgorod Oblast", geo_precision="admin1"),
        _claim("c-part2", "i-ccc", "RU", "interception", parent_claim_id="c-total",
               intercepted="18", admin1="Kursk Oblast", geo_precision="admin1"),
        _claim("c-hit", "i-aaa", "UA", "strike", claimant="Ukrainian General Staff",
               target="oil depot", hits="1", location_id="gn:1", geo_precision="settlement",
               latitude="47.76", longitude="39.93", admin1="Rostov Oblast"),
        _claim("c-kyiv", "i-bbb", "UA", "strike", claimant="Kyiv city administration",
               weapon="cruise_missile", target="residential building", country_code="UA",
               location_id="gn:2", geo_precision="settlement", latitude="50.45", longitude="30.52"),
    ]
    mentions = [{"mention_id": f"m{i}", "claim_id": c["claim_id"], "article_id": a}
                for i, (c, a) in enumerate(zip(claims, ["a1", "a1", "a1", "a2", "a3"]))]
    articles = [
        {"article_id": "a1", "outlet": "mod_russia", "url": "", "published": "2025-03-04T09:00:00+03:00"},
        {"article_id": "a2", "outlet": "Some Regional Daily", "url": "https://daily.example/x",
         "published": "2025-03-05"},
        {"article_id": "a3", "outlet": "", "url": "https://news.example.org/kyiv", "published": "2025-03"},
    ]
    locations = [{"location_id": "gn:1", "name": "Novoshakhtinsk", "admin1": "Rostov Oblast"},
                 {"location_id": "gn:2", "name": "Kyiv", "admin1": "Kyiv City"}]
    return {"incidents": incidents, "claims": claims, "mentions": mentions, "articles": articles,
            "locations": locations}


def test_columns_are_acleds_codebook_in_order():
    assert list(acled.ACLED_COLUMNS) == CODEBOOK
    assert schema.load("acled_export").columns == CODEBOOK


def test_one_row_per_event_breakdowns_folded_into_their_total(tables):
    rows = acled.build_acled(tables)
    # i-ccc holds only a breakdown row of c-total: not an extra event
    assert [r["event_id_cnty"] for r in rows] == ["RUS-i-aaa", "UKR-i-bbb"]
    notes = rows[0]["notes"]
    assert "RU claim (Russian Ministry of Defence): interception of drone, 30 intercepted (of which: " \
           "Belgorod Oblast: 12 intercepted; Kursk Oblast: 18 intercepted)." in notes
    assert "UA claim (Ukrainian General Staff): strike of drone, 1 hits, target: oil depot." in notes
    assert rows[0]["tags"] == "claimed by: RU; claimed by: UA; incident_id: i-aaa; disputed"


def test_acled_vocabularies_and_codes(tables):
    first, second = acled.build_acled(tables)
    assert {k: first[k] for k in CODEBOOK if k not in ("notes", "tags")} == {
        "event_id_cnty": "RUS-i-aaa", "event_date": "2025-03-04", "year": 2025, "time_precision": 1,
        "disorder_type": "Political violence", "event_type": "Explosions/Remote violence",
        "sub_event_type": "Air/drone strike",
        "actor1": "Military Forces of Ukraine (2019-)", "assoc_actor_1": None, "inter1": "State forces",
        "actor2": "Military Forces of Russia (2000-)", "assoc_actor_2": None, "inter2": "State forces",
        "interaction": "State forces-State forces", "civilian_targeting": None,
        "iso": 643, "region": "Europe", "country": "Russia", "admin1": "Rostov Oblast",
        "admin2": None, "admin3": None, "location": "Novoshakhtinsk",
        "latitude": 47.76, "longitude": 39.93, "geo_precision": 1,
        "source": "Russian Ministry of Defence; Some Regional Daily",
        "source_scale": "Other", "fatalities": None,
        "timestamp": 1741132800}  # 2025-03-05T00:00Z, the latest publication
    assert second["sub_event_type"] == "Shelling/artillery/missile attack"
    assert second["civilian_targeting"] == "Civilians targeted"
    assert (second["event_date"], second["year"], second["time_precision"]) == (None, None, 3)
    assert (second["iso"], second["country"], second["location"]) == (804, "Ukraine", "Kyiv")
    assert second["source"] == "news.example.org"


def test_interceptions_alone_are_disrupted_weapons_use_and_unknown_attacker_is_one_sided(tables):
    tables["incidents"] = [dict(tables["incidents"][0], attacker_side="")]
    tables["claims"] = [c for c in tables["claims"] if c["event_type"] == "interception"]
    (row,) = acled.build_acled(tables)
    assert (row["disorder_type"], row["event_type"], row["sub_event_type"]) == (
        "Strategic developments", "Strategic developments", "Disrupted weapons use")
    assert (row["actor1"], row["inter1"], row["actor2"], row["inter2"], row["interaction"]) == (
        "Military Forces of Russia (2000-)", "State forces", None, None, "State forces only")
    assert row["location"] == "Russia" and row["geo_precision"] == 3


def test_unix_time_of_published_values():
    assert acled.unix_time("2025-03-04") == 1741046400
    assert acled.unix_time("2025-03-04T03:00:00+03:00") == 1741046400
    assert acled.unix_time("2025-03") == 1740787200
    assert acled.unix_time("") is None and acled.unix_time("soon") is None


ACLED_SAMPLE = (
    "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,"
    "assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,"
    "country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,"
    "notes,fatalities,tags,timestamp\n"
    "UKR900001,2025-03-04,2025,1,Political violence,Explosions/Remote violence,Air/drone strike,"
    "Military Forces of Russia (2000-),,State forces,Civilians (Ukraine),,Civilians,"
    "State forces-Civilians,Civilians targeted,804,Europe,Ukraine,Kharkiv,Kharkivskyi,Kharkivska,"
    "Kharkiv,49.9808,36.2527,1,Regional paper,National,A made-up test event.,2,,1741300000\n")


def test_concatenates_with_an_acled_frame_without_fix_up(tables, tmp_path: Path):
    io.write_table(tmp_path / "acled_export.csv", "acled_export", acled.build_acled(tables))
    ours = schema.read_table(tmp_path / "acled_export.csv", "acled_export")
    (tmp_path / "acled.csv").write_text(ACLED_SAMPLE, encoding="utf-8")
    theirs = schema.read_table(tmp_path / "acled.csv", "acled_export")  # the same reader and dtypes
    assert list(theirs.columns) == CODEBOOK
    both = pd.concat([theirs, ours], ignore_index=True)
    assert list(both.columns) == CODEBOOK
    assert dict(both.dtypes) == dict(ours.dtypes) == dict(theirs.dtypes)
    assert len(both) == 3 and both["iso"].tolist() == [804, 643, 804]
    # also with pandas' defaults on both files: same columns, numbers stay numeric
    plain = pd.concat([pd.read_csv(_io.StringIO(ACLED_SAMPLE)),
                       pd.read_csv(tmp_path / "acled_export.csv")], ignore_index=True)
    assert list(plain.columns) == CODEBOOK
    for col in ("year", "time_precision", "iso", "latitude", "longitude", "geo_precision", "timestamp"):
        assert pd.api.types.is_numeric_dtype(plain[col]), col
