"""Generated documents stay in sync with schemas/ and the Makefile documents itself."""

import json
import subprocess
from pathlib import Path

from pipeline import config, schema


def test_data_dictionary_is_up_to_date():
    path = config.PROJECT_ROOT / "docs" / "data-dictionary.md"
    assert path.read_text(encoding="utf-8") == schema.data_dictionary(), \
        "docs/data-dictionary.md is stale: run `make docs`"


def test_every_schema_column_is_documented():
    for name in schema.TABLES:
        for f in schema.load(name).fields:
            assert f.description.strip(), f"{name}.{f.name} has no description"


def test_contract_columns_present():
    contract = {
        "articles": "article_id source_file url outlet title published language n_sentences n_mentions",
        "mentions": "mention_id article_id claim_id parent_mention_id sentence char_start char_end lang "
                    "claimant claimant_side event_type weapon weapon_model attacker_side launched "
                    "intercepted lost_to_ew hits target location_text location_id admin1 admin1_code "
                    "country_code latitude longitude geo_precision event_date event_date_start "
                    "event_date_end date_precision date_text",
        "claims": "claim_id incident_id parent_claim_id n_sources first_published source_urls",
        "incidents": "incident_id event_date date_precision attacker_side weapon admin1 admin1_code "
                     "country_code latitude longitude n_claims sides_reporting launched_low launched_high "
                     "intercepted_low intercepted_high disputed",
        "locations": "location_id name geonames_id feature_code admin1 admin1_code country_code latitude "
                     "longitude geo_precision",
        "rejects": "source_file stage reason detail",
    }
    for table, cols in contract.items():
        missing = set(cols.split()) - set(schema.load(table).columns)
        assert not missing, (table, missing)


def test_datapackage_passes_frictionless_metadata_check(tmp_path):
    from frictionless import Package

    (tmp_path / "datapackage.json").write_text(schema.datapackage_json(), encoding="utf-8")
    pkg = Package(str(tmp_path / "datapackage.json"))
    assert [r.name for r in pkg.resources] == list(schema.TABLES)
    desc = json.loads(schema.datapackage_json())
    claims = next(r for r in desc["resources"] if r["name"] == "claims")
    assert claims["schema"]["primaryKey"] == ["claim_id"]
    assert {"fields": ["incident_id"], "reference": {"resource": "incidents", "fields": ["incident_id"]}} \
        in claims["schema"]["foreignKeys"]


def test_make_help_lists_targets():
    out = subprocess.run(["make", "-s", "help"], cwd=config.PROJECT_ROOT, capture_output=True,
                         text=True, check=True).stdout
    for target in ("all", "test", "setup", "bench", "gazetteer", "validate", "report"):
        assert f"  {target} " in out, target
