"""The row-level rules of every published table, named once: derived from ``schemas/`` (one
rule per declared constraint) plus the pair and cross-table rules that ``pipeline/validate.py``
checks. The validation report and ``rejects.csv`` (column ``rule``) use these ids, and
``pipeline/quarantine.py`` has a quarantine path for each; the structural rules (column lists,
keys, foreign keys, derived counts, raw accounting) are not listed: they stop a publication.

Rule ids::

    <column>:required     required column empty              <column>:type       not its CSV type
    <column>:enum         outside the vocabulary             <column>:pattern    schema regex
    <column>:format       published / first_published: ISO date, date-time or month
    <column>:range        number outside minimum..maximum
    <column>:date_range   date (or publication date) outside MIN_DATE..today + 2 days
    a<=b                  pair order (``intercepted<=launched``, ``event_date_start<=event_date`` …)
    intercepted+lost_to_ew<=launched · breakdown:<count> · event_date<=published ·
    event_date<=first_published · coords_in_region
"""

from __future__ import annotations

from dataclasses import dataclass

from . import schema

ROW = "row"

#: Typed string columns whose format the schemas leave free: (table, column) → check.
FORMAT_COLUMNS = {("articles", "published"): "format", ("claims", "first_published"): "format"}
#: Publication-date columns that must lie in the plausible date range as well.
PUBLISHED_COLUMNS = (("articles", "published"), ("claims", "first_published"))
#: Pair rules (a <= b): checked when both columns are in the table.
PAIRS = (("intercepted", "launched"), ("event_date_start", "event_date"),
         ("event_date", "event_date_end"), ("event_date_start", "event_date_end"),
         ("launched_low", "launched_high"), ("intercepted_low", "intercepted_high"))
COUNT_COLUMNS = ("launched", "intercepted", "lost_to_ew", "hits")
#: Tables whose breakdown rows point at their total, and the link column.
PARENT_COLUMN = {"mentions": "parent_mention_id", "claims": "parent_claim_id"}
#: Tables whose coordinates are checked against their region (or country) box.
COORD_TABLES = ("mentions", "claims", "incidents", "locations")
TYPE_CHECKED = ("integer", "number", "boolean", "date")


@dataclass(frozen=True)
class Rule:
    table: str
    id: str              # stable rule id (``rejects.rule``, the report's ``rule``)
    columns: tuple[str, ...]
    check: str           # required|type|enum|pattern|format|range|date_range|pair|cross


def key_columns(table: str) -> set[str]:
    """Primary and foreign key columns: a problem there is structural."""
    sch = schema.load(table)
    return set(sch.primary_key) | {c for fk in sch.foreign_keys for c in fk["fields"]}


def pair_id(a: str, b: str) -> str:
    return f"{a}<=" + b


def table_rules(table: str) -> list[Rule]:
    """Every row-level rule of ``table``, in check order."""
    sch = schema.load(table)
    keys = key_columns(table)
    out: list[Rule] = []
    for f in sch.fields:
        c = f.name
        if f.required and c not in keys:
            out.append(Rule(table, f"{c}:required", (c,), "required"))
        if f.type in TYPE_CHECKED:
            out.append(Rule(table, f"{c}:type", (c,), "type"))
        if f.enum:
            out.append(Rule(table, f"{c}:enum", (c,), "enum"))
        if f.pattern:
            out.append(Rule(table, f"{c}:pattern", (c,), "pattern"))
        if (table, c) in FORMAT_COLUMNS:
            out.append(Rule(table, f"{c}:format", (c,), "format"))
        if f.type in ("integer", "number") and (f.minimum is not None or f.maximum is not None):
            out.append(Rule(table, f"{c}:range", (c,), "range"))
        if f.type == "date" or (table, c) in PUBLISHED_COLUMNS:
            out.append(Rule(table, f"{c}:date_range", (c,), "date_range"))
    cols = set(sch.columns)
    for a, b in PAIRS:
        if a in cols and b in cols:
            out.append(Rule(table, pair_id(a, b), (a, b), "pair"))
    if {"launched", "intercepted", "lost_to_ew"} <= cols:
        out.append(Rule(table, "intercepted+lost_to_ew<=launched",
                        ("launched", "intercepted", "lost_to_ew"), "cross"))
    if table in PARENT_COLUMN:
        for c in COUNT_COLUMNS:
            out.append(Rule(table, f"breakdown:{c}", (PARENT_COLUMN[table], c), "cross"))
    if table == "mentions":
        out.append(Rule(table, "event_date<=published", ("event_date",), "cross"))
    if table == "claims":
        out.append(Rule(table, "event_date<=first_published", ("event_date", "first_published"),
                        "cross"))
    if table in COORD_TABLES:
        out.append(Rule(table, "coords_in_region", ("latitude", "longitude"), "cross"))
    return out


def all_rules() -> list[Rule]:
    """The row-level rules of every published table."""
    return [r for name in schema.TABLES for r in table_rules(name)]
