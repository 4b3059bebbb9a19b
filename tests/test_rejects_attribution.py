"""rejects.csv names a raw file in every row's source_file; the id of an extracted record goes
in record_id (pipeline/rejects.py)."""

from __future__ import annotations

from pipeline import rejects

TABLES = {
    "articles": [{"article_id": "a1", "source_file": "night/report.txt"},
                 {"article_id": "a2", "source_file": "batch.jsonl#4"}],
    "mentions": [{"mention_id": "a1-00", "article_id": "a1", "claim_id": "c-1", "location_id": "gn:7"},
                 {"mention_id": "a2-03", "article_id": "a2", "claim_id": "c-1", "location_id": ""}],
    "claims": [{"claim_id": "c-1", "incident_id": "i-1"}],
}


def test_ids_move_to_record_id_and_source_file_names_the_raw_file():
    rows = [
        {"source_file": "a2-03", "stage": "geocode", "reason": "unresolved_place", "detail": "Xyz"},
        {"source_file": "c-1", "stage": "validate", "reason": "absurd_count", "detail": "launched"},
        {"source_file": "i-1", "stage": "validate", "reason": "outside_region", "detail": ""},
        {"source_file": "a1-09", "stage": "extract", "reason": "absurd_count", "detail": "99999"},
        {"source_file": "broken.pdf", "stage": "ingest", "reason": "unsupported_type", "detail": ""},
        {"source_file": "night/report.txt", "stage": "ingest", "reason": "bad_metadata", "detail": "x"},
    ]
    assert rejects.attribute(rows, TABLES) == [
        {"source_file": "batch.jsonl#4", "record_id": "a2-03", "stage": "geocode",
         "reason": "unresolved_place", "detail": "Xyz"},
        {"source_file": "batch.jsonl#4", "record_id": "c-1", "stage": "validate",
         "reason": "absurd_count", "detail": "launched"},   # first of the claim's files, sorted
        {"source_file": "batch.jsonl#4", "record_id": "i-1", "stage": "validate",
         "reason": "outside_region", "detail": ""},
        {"source_file": "night/report.txt", "record_id": "a1-09", "stage": "extract",
         "reason": "absurd_count", "detail": "99999"},      # a mention that did not survive
        {"source_file": "broken.pdf", "stage": "ingest", "reason": "unsupported_type", "detail": ""},
        {"source_file": "night/report.txt", "stage": "ingest", "reason": "bad_metadata", "detail": "x"},
    ]
