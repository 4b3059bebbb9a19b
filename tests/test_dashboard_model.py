"""The dashboard's data preparation: no claimed figure is counted twice, nationwide figures
stay national, unplaced incidents say why, disputed incidents put the sides side by side."""

from __future__ import annotations

from pipeline.dashboard import model


def claim(cid, side="RU", **kw):
    base = {"claim_id": cid, "incident_id": "i-1", "claimant": f"{side} claimant", "claimant_side": side,
            "event_type": "interception", "weapon": "drone", "parent_claim_id": "", "admin1": "", "admin1_code": "",
            "country_code": "RU", "event_date": "2025-03-02", "launched": "", "intercepted": "", "hits": ""}
    return {**base, **kw}


def test_breakdown_of_a_regional_total_is_not_counted_twice_and_a_national_total_stays_national():
    claims = [
        claim("c-total", intercepted="40"),                                   # nationwide total
        claim("c-bel", parent_claim_id="c-total", admin1="Belgorod Oblast", admin1_code="RU-BEL", intercepted="12"),
        claim("c-kur", parent_claim_id="c-total", admin1="Kursk Oblast", admin1_code="RU-KRS", intercepted="8"),
        claim("c-bel-city", parent_claim_id="c-bel", admin1="Belgorod Oblast", admin1_code="RU-BEL", intercepted="5"),
        claim("c-ua", side="UA", admin1="Kursk Oblast", admin1_code="RU-KRS", intercepted=7, event_date=""),
    ]
    assert model.region_shading(claims) == [
        {"iso": "RU-BEL", "side": "RU", "date": "2025-03-02", "intercepted": 12},
        {"iso": "RU-KRS", "side": "RU", "date": "2025-03-02", "intercepted": 8},
        {"iso": "RU-KRS", "side": "UA", "date": "", "intercepted": 7},
    ]
    assert model.national(claims) == [{"country": "Russia", "side": "RU", "date": "2025-03-02", "claims": 1,
                                       "launched": 0, "intercepted": 40, "hits": 0}]
    # the time series sums top-level dated claims only
    assert model.daily_series(claims) == [{"date": "2025-03-02", "side": "RU", "weapon": "drones", "intercepted": 40}]


def test_series_has_one_row_per_day_side_and_weapon_class():
    claims = [claim("a", weapon="cruise_missile", intercepted=3), claim("b", weapon="ballistic_missile", intercepted=2),
              claim("c", side="UA", weapon="glide_bomb", intercepted=1), claim("d", weapon="mixed", intercepted=4),
              claim("e", event_type="strike", hits=2)]
    assert model.daily_series(claims) == [
        {"date": "2025-03-02", "side": "RU", "weapon": "missiles", "intercepted": 5},
        {"date": "2025-03-02", "side": "RU", "weapon": "other / unknown", "intercepted": 4},
        {"date": "2025-03-02", "side": "UA", "weapon": "aircraft & glide bombs", "intercepted": 1},
    ]


def test_incidents_without_coordinates_say_why():
    incidents = [
        {"incident_id": "i-a", "event_date": "2025-03-02", "country_code": "UA", "sides_reporting": "UA"},
        {"incident_id": "i-b", "event_date": "2025-03-01", "country_code": "", "sides_reporting": "RU"},
        {"incident_id": "i-c", "event_date": "", "country_code": "RU", "sides_reporting": "RU|UA"},
        {"incident_id": "i-d", "event_date": "2025-03-03", "latitude": 50.0, "longitude": 36.2},
    ]
    by_incident = {"i-b": [{"location_text": "Novaya Derevnya"}], "i-c": [{"location_text": "south of the border"}]}
    rows = [(r["id"], r["reason"], r["place_text"]) for r in model.unplaced(incidents, by_incident)]
    assert rows == [("i-a", "country-level: Ukraine nationwide", ""),
                    ("i-b", "unresolved place", "Novaya Derevnya"),
                    ("i-c", "country-level: place not resolved below Russia", "south of the border")]


def test_disputed_incident_shows_each_side_and_the_gap():
    incidents = [{"incident_id": "i-1", "event_date": "2025-03-02", "admin1": "Kursk Oblast", "weapon": "drone",
                  "sides_reporting": "RU|UA", "disputed": "true"},
                 {"incident_id": "i-2", "disputed": "false"}]
    claims = {"i-1": [claim("a", launched="", intercepted="30"), claim("b", intercepted="24", claimant="other RU"),
                      claim("c", side="UA", launched="35", intercepted="10", hits="0")]}
    assert model.disputed(incidents, claims) == [{
        "id": "i-1", "date": "2025-03-02", "where": "Kursk Oblast", "weapon": "drone", "sides": "RU|UA",
        "ru": {"launched": None, "intercepted": 30, "hits": None, "strike": False},
        "ua": {"launched": 35, "intercepted": 10, "hits": 0, "strike": False},
        "ru_claimants": "RU claimant; other RU", "ua_claimants": "UA claimant", "kind": "numbers",
        "gap_launched": None, "gap_intercepted": 20, "gap_hits": None}]


def test_outcome_dispute_when_one_side_claims_a_hit_and_the_other_interceptions():
    incidents = [{"incident_id": "i-1", "event_date": "2025-03-02", "country_code": "RU", "sides_reporting": "RU|UA",
                  "disputed": True}]
    claims = {"i-1": [claim("a", intercepted=12), claim("b", side="UA", event_type="strike", hits="")]}
    [row] = model.disputed(incidents, claims)
    assert (row["ru"], row["ua"], row["kind"]) == ({"launched": None, "intercepted": 12, "hits": None, "strike": False},
                                                   {"launched": None, "intercepted": None, "hits": None, "strike": True},
                                                   "outcome")
    same = {"launched": None, "intercepted": 12, "hits": None, "strike": False}
    assert model.dispute_kind(same, dict(same)) == "other"


def test_only_absolute_http_urls_become_links():
    assert model.http_url("https://tass.ru/a?b=1&c=2") == "https://tass.ru/a?b=1&c=2"
    for bad in ("javascript:alert(1)", "JAVASCRIPT:alert(1)", "data:text/html,x", "//evil.example/x", "ftp://x/y",
                "https://x.example/a\"onmouseover=1", "raw/file.txt", "http:///nohost", " vbscript:x"):
        assert model.http_url(bad) is None, bad
    sources = model._sources({"source_urls": "raw/a.txt|https://t.me/kpszsu/1|javascript:x"},
                             {"https://t.me/kpszsu/1": "Air Force (Telegram)"})
    assert sources == [{"text": "Air Force (Telegram)", "url": "https://t.me/kpszsu/1"},
                       {"text": "javascript:x", "url": None}, {"text": "raw/a.txt", "url": None}]


def test_typed_and_text_cells_give_the_same_records():
    typed = [claim("a", intercepted=5, admin1_code="RU-BEL", admin1="Belgorod Oblast")]
    text = [claim("a", intercepted="5", admin1_code="RU-BEL", admin1="Belgorod Oblast")]
    assert model.region_shading(typed) == model.region_shading(text)
    assert model.n(float("nan")) is None and model.n("5.0") == 5 and model.s(12.0) == "12"
