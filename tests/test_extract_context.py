"""Article context: headline dedup, article date, cross-sentence merges."""

from extract_helpers import runner


run = runner("2025-06-03")


def test_headline_restating_body_is_one_claim():
    title = "Russia says it shot down 33 Ukrainian drones"
    ms = run(title + "\n\nRussian air defences destroyed 33 Ukrainian drones overnight, the Defence Ministry said.",
             title=title)
    assert len(ms) == 1 and ms[0]["intercepted"] == 33


def test_headline_only_claim_is_kept():
    title = "Russia says it downed 44 drones"
    ms = run(title + "\n\nThe governor of the Kursk region said debris damaged a house in Rylsk.", title=title)
    assert any(m["intercepted"] == 44 for m in ms)


def test_article_date_for_claim_without_time_expression():
    ms = run("Russian air defences destroyed 12 drones overnight, the Defence Ministry said. "
             "The governor of the Belgorod region said a drone hit a car in the town of Shebekino.")
    assert {m["event_date"] for m in ms} == {"2025-06-03"}


def test_undated_article_has_no_dates():
    ms = run("Russian air defences destroyed 12 drones overnight, the Defence Ministry said.", published=None)
    assert all(m["event_date"] is None for m in ms)


def test_governor_count_is_not_a_child_of_the_ministry_total():
    ms = run("Russian air defences destroyed 30 drones overnight, the Defence Ministry said. "
             "The governor of the Kursk region said nine drones had been shot down over the region.")
    gov = [m for m in ms if m["intercepted"] == 9]
    assert gov and gov[0]["parent_index"] is None
