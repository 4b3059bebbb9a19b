"""Incident geography and de-duplication: national totals stay national (geo_scope country, no
region, no point), per-region figures are rows of incident_regions, a regional count inside a
country total is ``part_of`` it and never added, per-side figures and the kind of dispute."""

from __future__ import annotations

from pipeline import incident_views
from pipeline.reconcile import reconcile

from test_reconcile import (
    A_REUTERS, A_UKRINFORM, BRYANSK, ENGELS, NIGHT_0318, RUSSIA, SARATOV, UKRAINE, by_mention,
    incident, mention,
)

BELGOROD = {"location_id": "adm1:RU-BEL", "admin1": "Belgorod Oblast", "admin1_code": "RU-BEL",
            "country_code": "RU", "latitude": 50.7, "longitude": 37.4, "geo_precision": "admin1"}
UNPLACED = {"location_id": None, "admin1": None, "admin1_code": None, "country_code": None,
            "latitude": None, "longitude": None, "geo_precision": "unknown"}
GOV = dict(claimant="governor of Saratov region")


def _region(r, iid, key):
    return next(g for g in r.incident_regions if (g["incident_id"], g["region_key"]) == (iid, key))


def test_governor_count_inside_ministry_total_is_part_of_it_and_not_added():
    ms = [mention("01", A_REUTERS, place=RUSSIA, intercepted=41),
          mention("02", A_REUTERS, place=SARATOV, intercepted=12, **GOV)]
    r = reconcile(ms, [A_REUTERS])
    total, gov = by_mention(r, "a-reuters-01"), by_mention(r, "a-reuters-02")
    assert gov["part_of_claim_id"] == total["claim_id"] and total["part_of_claim_id"] is None
    inc = incident(r, total["incident_id"])
    assert (inc["geo_scope"], inc["admin1_code"], inc["country_code"], inc["latitude"], inc["longitude"],
            inc["intercepted_low"], inc["intercepted_high"], inc["ru_intercepted"]) == (
        "country", None, "RU", None, None, 41, 41, 41)
    row = _region(r, inc["incident_id"], "RU-SAR")
    assert (row["ru_intercepted"], row["within_national_total"], row["latitude"], row["claim_ids"]) == (
        12, True, 51.5, gov["claim_id"])


def test_total_with_one_regional_row_keeps_the_total_national():
    # "23 drones, 14 of them over Belgorod": never a Belgorod incident with 23.
    ms = [mention("01", A_REUTERS, place=RUSSIA, intercepted=23),
          mention("02", A_REUTERS, place=BELGOROD, intercepted=14, parent_mention_id="a-reuters-01")]
    r = reconcile(ms, [A_REUTERS])
    (inc,) = r.incidents
    assert (inc["geo_scope"], inc["admin1"], inc["latitude"], inc["ru_intercepted"]) == ("country", None, None, 23)
    row = _region(r, inc["incident_id"], "RU-BEL")
    assert (row["admin1"], row["ru_intercepted"], row["within_national_total"]) == ("Belgorod Oblast", 14, True)


def test_regional_count_larger_than_the_total_is_not_part_of_it():
    ms = [mention("01", A_REUTERS, place=RUSSIA, intercepted=10),
          mention("02", A_REUTERS, place=SARATOV, intercepted=12, **GOV)]
    r = reconcile(ms, [A_REUTERS])
    assert by_mention(r, "a-reuters-02")["part_of_claim_id"] is None
    assert _region(r, r.incidents[0]["incident_id"], "RU-SAR")["within_national_total"] is False


def test_other_sides_regional_count_is_never_part_of_a_total():
    ms = [mention("01", A_REUTERS, place=RUSSIA, intercepted=41),
          mention("01", A_UKRINFORM, place=ENGELS, claimant="Ukrainian General Staff", claimant_side="UA",
                  event_type="strike", hits=3)]
    r = reconcile(ms, [A_REUTERS, A_UKRINFORM])
    assert all(c["part_of_claim_id"] is None for c in r.claims)


def test_claims_in_one_region_only_place_the_incident_there():
    ms = [mention("01", A_REUTERS, place=SARATOV, intercepted=12),
          mention("02", A_REUTERS, place=ENGELS, event_type="strike", **GOV)]
    r = reconcile(ms, [A_REUTERS])
    (inc,) = r.incidents
    assert (inc["geo_scope"], inc["admin1_code"], inc["latitude"], inc["longitude"]) == (
        "settlement", "RU-SAR", 51.4989, 46.1211)
    only_region = reconcile([mention("01", A_REUTERS, place=BRYANSK, intercepted=3)], [A_REUTERS])
    assert only_region.incidents[0]["geo_scope"] == "admin1"


def test_claims_in_two_regions_under_one_total_make_a_country_incident_with_two_region_rows():
    ms = [mention("01", A_REUTERS, place=RUSSIA, intercepted=20),
          mention("02", A_REUTERS, place=SARATOV, intercepted=12, parent_mention_id="a-reuters-01"),
          mention("03", A_REUTERS, place=BRYANSK, intercepted=8, parent_mention_id="a-reuters-01")]
    r = reconcile(ms, [A_REUTERS])
    (inc,) = r.incidents
    assert (inc["geo_scope"], inc["admin1"], inc["ru_intercepted"]) == ("country", None, 20)
    assert [(g["region_key"], g["ru_intercepted"], g["within_national_total"]) for g in r.incident_regions] == [
        ("RU-BRY", 8, True), ("RU-SAR", 12, True)]


def test_unplaced_claims_give_an_unknown_scope():
    r = reconcile([mention("01", A_REUTERS, place=UNPLACED, intercepted=5)], [A_REUTERS])
    assert (r.incidents[0]["geo_scope"], r.incidents[0]["country_code"], r.incident_regions) == ("unknown", None, [])


def test_per_side_figures_sum_weapon_classes_and_ignore_rows():
    ua = dict(claimant="Ukrainian Air Force", claimant_side="UA", attacker_side="RU")
    ms = [mention("01", A_UKRINFORM, place=UKRAINE, launched=94, intercepted=61, lost_to_ew=25, **ua),
          mention("02", A_UKRINFORM, place=UKRAINE, weapon="cruise_missile", launched=3, intercepted=2, **ua)]
    ms.append(mention("03", A_UKRINFORM, place=BELGOROD | {"country_code": "UA", "admin1_code": "UA-63"},
                      launched=10, intercepted=9, parent_mention_id="a-ukrinform-01", **ua))
    claims = reconcile(ms, [A_UKRINFORM]).claims
    assert {k: v for k, v in incident_views.side_figures(claims).items() if v is not None} == {
        "ua_launched": 97, "ua_intercepted": 63, "ua_lost_to_ew": 25}
    # In one incident the range stays per weapon class: the 3 missiles never widen the 94 drones.
    row = incident_views.incident_row("i-x", [{**c, "weapon": c["weapon"]} for c in claims])
    assert (row["launched_low"], row["launched_high"], row["ua_launched"]) == (94, 94, 97)


def test_numbers_dispute_has_its_kind_and_gap():
    ms = [mention("01", A_REUTERS, place=RUSSIA, intercepted=41, attacker_side="UA"),
          mention("01", A_UKRINFORM, place=RUSSIA, claimant="Ukrainian General Staff", claimant_side="UA",
                  launched=60, intercepted=None, attacker_side="UA"),
          mention("02", A_UKRINFORM, place=RUSSIA, claimant="Ukrainian General Staff", claimant_side="UA",
                  intercepted=30, attacker_side="UA")]
    r = reconcile(ms, [A_REUTERS, A_UKRINFORM])
    inc = incident(r, by_mention(r, "a-reuters-01")["incident_id"])
    assert (inc["disputed"], inc["dispute_kind"], inc["ru_intercepted"], inc["ua_intercepted"],
            inc["intercepted_gap"], inc["launched_gap"]) == (True, "numbers", 41, 30, 11, None)


def test_outcome_dispute_kind():
    ms = [mention("01", A_REUTERS, place=SARATOV, intercepted=28),
          mention("02", A_REUTERS, place=ENGELS, claimant="Ukrainian General Staff", claimant_side="UA",
                  event_type="strike", weapon="unknown")]
    inc = reconcile(ms, [A_REUTERS]).incidents[0]
    assert (inc["disputed"], inc["dispute_kind"]) == (True, "outcome")


def test_daily_totals_add_incidents_of_a_day_per_side():
    incs = [{"event_date": "2025-03-18", "ru_intercepted": 41, "ua_intercepted": None},
            {"event_date": "2025-03-18", "ru_intercepted": "7", "ua_intercepted": 5},
            {"event_date": None, "ru_intercepted": 9},
            {"event_date": "2025-03-19", "ru_intercepted": None, "ua_intercepted": 2}]
    assert incident_views.daily_totals(incs) == {"2025-03-18": {"RU": 48, "UA": 5}, "2025-03-19": {"UA": 2}}


def test_revised_figure_is_not_added_to_its_revision():
    a2 = {**A_UKRINFORM, "article_id": "a-upd", "published": "2025-03-19", "published_date": "2025-03-19"}
    ua = dict(place=UKRAINE, claimant="Ukrainian Air Force", claimant_side="UA", attacker_side="RU",
              date=NIGHT_0318)
    ms = [mention("01", A_UKRINFORM, launched=131, intercepted=72, **ua),
          mention("01", a2, launched=132, intercepted=72, **ua)]
    r = reconcile(ms, [A_UKRINFORM, a2])
    (inc,) = r.incidents
    assert (inc["launched_low"], inc["launched_high"], inc["ua_launched"]) == (131, 132, 132)
