"""Every default path and tunable of the pipeline, in one place.

Paths can be overridden from the command line (``--raw-dir`` …) or the Makefile
(``RAW_DIR=…``); nothing here is mutated at run time.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
PACKAGE_DIR = Path(__file__).resolve().parent
#: Running from the repository (``make``, ``python -m pipeline``) or installed (``pip install .``,
#: the ``airwar`` command): an installed package carries the schemas inside itself
#: (``pipeline/schemas``, see pyproject.toml) and its default data folder is ``./data``.
IN_SOURCE_TREE = (PROJECT_ROOT / "schemas").is_dir()
SCHEMAS_DIR = PROJECT_ROOT / "schemas" if IN_SOURCE_TREE else PACKAGE_DIR / "schemas"
DATA_DIR = PROJECT_ROOT / "data" if IN_SOURCE_TREE else Path("data")
RAW_DIR = DATA_DIR / "raw"
INTERIM_DIR = DATA_DIR / "interim"
PROCESSED_DIR = DATA_DIR / "processed"
LEXICON_DIR = PACKAGE_DIR / "extract" / "lexicons"
GAZETTEER_DIR = PACKAGE_DIR / "geocode" / "data"

# Ingest limits: inputs beyond these go to rejects.csv instead of being processed.
MAX_FILE_BYTES = 5_000_000
MIN_TEXT_CHARS = 20
# Counts above this are treated as absurd and rejected (largest real nightly totals are < 1,000).
MAX_COUNT = 10_000
# Length bounds (characters, after decoding and normalisation). A longer article is rejected at
# ingest (``too_long``); a longer sentence is not extracted (reject row ``sentence_too_long``,
# the rest of the article is). Real articles are under 100k characters and real sentences
# under 1,000; beyond these bounds a text is a dump, a table without punctuation or an attack.
MAX_ARTICLE_CHARS = 500_000
MAX_SENTENCE_CHARS = 5_000
# Wall-clock budget of one article's extraction, in seconds (reject reason ``timeout``; the run
# goes on). Real articles take well under a second. ``AIRWAR_EXTRACT_BUDGET`` overrides it
# (``0`` = no budget).
EXTRACT_BUDGET_SECONDS = 20.0


def extract_budget_seconds() -> float:
    """The per-article extraction budget (``AIRWAR_EXTRACT_BUDGET`` or the default)."""
    env = os.environ.get("AIRWAR_EXTRACT_BUDGET")
    return float(env) if env else EXTRACT_BUDGET_SECONDS

# Interim file names (one per stage output).
INTERIM_FILES = {
    "articles": "articles.jsonl",
    "ingest_rejects": "ingest_rejects.jsonl",
    "sentences": "sentences.jsonl",
    "mentions": "mentions.jsonl",
    "extract_rejects": "extract_rejects.jsonl",
    "geocoded": "geocoded.jsonl",
    "locations": "locations.jsonl",
    "geocode_rejects": "geocode_rejects.jsonl",
    "reconciled": "reconciled.json",
}


@dataclass(frozen=True)
class Paths:
    """The three directories of a run."""

    raw_dir: Path = RAW_DIR
    interim_dir: Path = INTERIM_DIR
    processed_dir: Path = PROCESSED_DIR

    def interim(self, key: str) -> Path:
        return Path(self.interim_dir) / INTERIM_FILES[key]
