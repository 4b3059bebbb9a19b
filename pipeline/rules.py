"""The row-level rules of every published table, named once: derived from ``schemas/`` (one
rule per declared constraint) plus the pair and cross-table rules that ``pipeline/validate.py``
checks, and the per-row check of each (:func:`fails`). The validation report and ``rejects.csv`` (column ``rule``) use these ids, and
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

import functools
import math
import re
from dataclasses import dataclass
from typing import Any

from . import schema, validate
from .validate import _cell_text, _day, _missing, _num, _s

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
DATE_COLS = ("event_date_start", "event_date", "event_date_end")


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


# --------------------------------------------------------------------------- the checks

class RuleContext:
    """What the checks need besides the row: region boxes, the date range, the articles'
    publication days (for ``event_date<=published``) and each table's per-row rules."""

    def __init__(self) -> None:
        self.regions = validate.region_boxes()
        self.min_day = validate.MIN_DATE.isoformat()
        self.max_day = validate._max_date().isoformat()
        self.pub: dict[str, str | None] = {}   # article_id → published day (precision day)
        self.rules = {name: [r for r in table_rules(name) if not r.id.startswith("breakdown:")]
                      for name in schema.TABLES}

    def in_range(self, day: str) -> bool:
        return self.min_day <= day <= self.max_day

    def published_ok(self, text: str) -> bool:
        day = _day(text)
        if day:
            return self.in_range(day)
        if re.match(r"^[0-9]{4}-[0-9]{2}$", text[:7]):
            return self.min_day[:7] <= text[:7] <= self.max_day[:7]
        return True  # not a date at all: the format rule reports it


def _absent(v: Any) -> bool:
    """``validate._missing`` with a fast path for plain Python values."""
    t = type(v)
    if v is None:
        return True
    if t is str:
        return v == ""
    if t is int or t is bool:
        return False
    if t is float:
        return v != v
    return _missing(v)


@functools.lru_cache(maxsize=None)
def _field(table: str, column: str) -> schema.Field:
    return schema.load(table).field(column)


@functools.lru_cache(maxsize=None)
def _rx(pattern: str) -> re.Pattern:
    return re.compile(pattern)


def _pair_values(r: dict, a: str, b: str) -> tuple[Any, Any] | None:
    va, vb = r.get(a), r.get(b)
    if _absent(va) or _absent(vb):
        return None
    if a in DATE_COLS:
        da, db = _day(va), _day(vb)
        return (da, db) if da and db else None
    na, nb = _num(va), _num(vb)
    return (na, nb) if na is not None and nb is not None else None


def fails(table: str, rule: Rule, r: dict, ctx: RuleContext) -> str | None:
    """The offending value(s) as text when ``r`` breaks ``rule``, else None."""
    c = rule.columns[0]
    if rule.check == "pair":
        a, b = rule.columns
        p = _pair_values(r, a, b)
        return f"{a}={_s(r.get(a))}; {b}={_s(r.get(b))}" if p and p[0] > p[1] else None
    if rule.check == "cross":
        return _fails_cross(table, rule, r, ctx)
    v = r.get(c)
    if rule.check == "required":
        return "" if _absent(v) else None
    if _absent(v):
        return None
    f = _field(table, c)
    t = type(v)
    if rule.check == "type" and ((t is int and f.type in ("integer", "number"))
                                 or (t is float and f.type == "number" and math.isfinite(v))
                                 or (t is bool and f.type == "boolean")):
        return None   # a plain Python value of the column's type: its CSV text matches
    text = v if t is str else _cell_text(v, f.type)
    bad = False
    if rule.check == "type":
        bad = not _rx(validate.TYPE_RE[f.type]).match(text)
    elif rule.check == "enum":
        bad = text not in f.enum
    elif rule.check == "pattern":
        bad = not _rx(f.pattern).search(text)
    elif rule.check == "format":
        bad = not _rx(validate.PUBLISHED_RE).match(text)
    elif rule.check == "range":
        n = _num(text)
        bad = n is not None and ((f.minimum is not None and n < f.minimum)
                                 or (f.maximum is not None and n > f.maximum))
    elif rule.check == "date_range":
        if f.type == "date":
            bad = bool(_rx(validate.ISO_DATE_RE).match(text)) and not ctx.in_range(text)
        else:
            bad = not ctx.published_ok(text)
    return text if bad else None


def _fails_cross(table: str, rule: Rule, r: dict, ctx: RuleContext) -> str | None:
    if rule.id == "intercepted+lost_to_ew<=launched":
        probs = validate.count_problems(r)
        return ("; ".join(f"{c}={_s(r.get(c))}" for c in rule.columns)
                if any(p[0] == "intercepted_plus_ew_gt_launched" for p in probs) else None)
    if rule.id in ("event_date<=published", "event_date<=first_published"):
        ed = _day(r.get("event_date"))
        ref = (ctx.pub.get(_s(r.get("article_id"))) if table == "mentions"
               else _day(r.get("first_published")))
        return f"event_date={ed}; {rule.id.split('<=')[1]}={ref}" if ed and ref and ed > ref else None
    if rule.id == "coords_in_region":
        lat, lon = _num(r.get("latitude")), _num(r.get("longitude"))
        if lat is None or lon is None:
            return None
        ok, against = validate.coords_ok(lat, lon, _s(r.get("admin1_code")),
                                         _s(r.get("country_code")), ctx.regions)
        return None if ok else f"({_s(r.get('latitude'))}, {_s(r.get('longitude'))}) outside {against}"
    raise ValueError(f"no check for rule {rule.id!r}")  # pragma: no cover (rules.py and here)


# --------------------------------------------------------------------------- the policy

def reason_of(rule: Rule) -> str:
    """The machine-readable ``reason`` of a rule's rejects."""
    c = rule.columns[0]
    if rule.id == "intercepted<=launched":
        return "intercepted_gt_launched"
    if rule.id == "intercepted+lost_to_ew<=launched":
        return "intercepted_plus_ew_gt_launched"
    if rule.id.startswith("breakdown:"):
        return "breakdown_exceeds_total"
    if rule.id.startswith("event_date<="):
        return "date_after_published"
    if rule.id == "coords_in_region" or c in ("latitude", "longitude"):
        return "coords_outside_region"
    if c in COUNT_COLUMNS and rule.check in ("type", "range"):
        return "absurd_count"
    if rule.check == "pair" and c in DATE_COLS:
        return "date_order"
    if c in DATE_COLS and rule.check in ("type", "date_range"):
        return "implausible_date"
    if (rule.table, c) in PUBLISHED_COLUMNS:
        return "implausible_published"
    return {"required": "missing_value", "enum": "bad_enum", "pattern": "bad_pattern",
            "type": "bad_type", "range": "out_of_range"}.get(rule.check, rule.check)
