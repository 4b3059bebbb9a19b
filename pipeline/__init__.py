"""airwar-claims: a batch pipeline from news reports about the Russia–Ukraine air war
to geocoded, validated claim and incident tables.

Stages (one module each): ingest → sentences → extract → geocode → reconcile → validate → publish.
"""

__version__ = "0.1.0"
