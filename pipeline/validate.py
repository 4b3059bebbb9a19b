"""Data-quality gate: great_expectations suites generated from ``schemas/`` plus cross-field and
cross-table rules, and the row-level quarantine that runs before the tables are written.

Public API::

    report = validate_tables(tables, raw_inputs=None)      # tables: {name: DataFrame}
    report = validate_dir(processed_dir, raw_inputs=None)  # reads <name>.csv for every table
    fixed, rejects = quarantine(records)                   # records: {name: list[dict]}
    main(argv)                                             # python -m pipeline validate ...

Checks, all reported in one :class:`ValidationReport` (``kind`` ``structural`` or ``row``):

* per table, as great_expectations expectations generated from the schema: the ordered column
  list; ``required`` → not null; ``unique`` and the primary key (compound → compound unique);
  ``enum`` → in set; ``minimum``/``maximum`` → between; ``pattern`` → regex; the column type as a
  regex over the CSV text (integer, number, boolean, ISO date); date columns between
  :data:`MIN_DATE` and today + :data:`FUTURE_SLACK_DAYS` (as ``datetime`` bounds on parsed
  dates: GE compares string bounds silently wrong); ``launched ≥ intercepted``,
  ``event_date_start ≤ event_date ≤ event_date_end``, incident low ≤ high;
* in pandas, same report structure: ``intercepted + lost_to_ew ≤ launched``; breakdown children
  ≤ their parent and the children's sum ≤ the parent, per count column (claims through
  ``parent_claim_id``, mentions through ``parent_mention_id``); ``event_date`` ≤ the article's
  published date (mentions) / ``first_published`` (claims); every foreign key of the schemas plus
  ``incident_merges.new_incident_id → incidents`` (and retired ids absent from incidents);
  ``articles.n_mentions``, ``claims.mention_ids`` and ``incidents.n_claims`` agree with the rows;
  coordinates inside the bounding box of their ``admin1_code`` (see :func:`region_boxes`);
  every raw input accounted for in ``articles.csv`` or ``rejects.csv``.

Frames may be given as CSV text (``schema.to_frame``, or a CSV read as ``str``) or typed
(``schema.read_table``); both are normalised to the CSV text first, so type errors are caught.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import itertools
import json
import logging
import math
import os
import re
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Iterable

from . import config, schema

# --------------------------------------------------------------------------- constants

#: Earliest plausible event/publication date (the war began in 2014; the data is about 2022+).
MIN_DATE = dt.date(2014, 1, 1)
#: Dates later than today (UTC) + this many days are implausible.
FUTURE_SLACK_DAYS = 2
#: How many offending values a result lists.
SAMPLE_SIZE = 5

COUNT_COLUMNS = ("launched", "intercepted", "lost_to_ew", "hits")
DATE_COLUMNS_ORDER = ("event_date_start", "event_date", "event_date_end")

ISO_DATE_RE = r"^[0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])$"
#: ``published`` / ``first_published``: ISO date, ISO date-time, or month only.
PUBLISHED_RE = (r"^[0-9]{4}-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12][0-9]|3[01])"
                r"(?:[T ][0-9:.]+(?:Z|[+-][0-9]{2}:?[0-9]{2})?)?)?$")
TYPE_RE = {
    "integer": r"^-?[0-9]+$",
    "number": r"^-?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$",
    "boolean": r"^(?:true|false)$",
    "date": ISO_DATE_RE,
}
#: Extra format checks on string columns that the schemas leave free.
EXTRA_PATTERNS = {
    ("articles", "published"): PUBLISHED_RE,
    ("claims", "first_published"): PUBLISHED_RE,
}

#: Generous country boxes (lat_min, lat_max, lon_min, lon_max), used when admin1.csv gives no
#: usable box for a region. Russia spans the antimeridian: Chukotka's eastern tip is checked
#: with a second box.
COUNTRY_BOXES: dict[str, list[tuple[float, float, float, float]]] = {
    "UA": [(43.8, 52.8, 21.8, 40.6)],
    "BY": [(50.9, 56.5, 22.8, 33.1)],
    "RU": [(41.0, 82.5, 19.3, 180.0), (62.0, 72.5, -180.0, -168.0)],
}
#: Margin (degrees) added around an admin1 bounding box from admin1.csv.
BOX_MARGIN_DEG = 0.3
#: Margin factor and floor (km) on an admin1 radius from admin1.csv.
RADIUS_FACTOR = 1.25
RADIUS_FLOOR_KM = 25.0

#: Foreign keys the schemas do not declare (yet): (table, column, referenced table, column).
EXTRA_FOREIGN_KEYS = (
    ("incident_merges", "new_incident_id", "incidents", "incident_id"),
)

STRUCTURAL = "structural"
ROW = "row"


# --------------------------------------------------------------------------- report

@dataclass
class ValidationReport:
    """Outcome of a validation run. ``results`` holds one dict per check:
    ``{table, expectation, success, unexpected_count, unexpected_sample, kind}``."""

    success: bool
    results: list[dict] = field(default_factory=list)

    @property
    def failures(self) -> list[dict]:
        return [r for r in self.results if not r["success"]]

    def summary(self, limit: int = 40) -> str:
        """Compact text: one line per failed check."""
        fails = self.failures
        head = (f"validation {'passed' if self.success else 'FAILED'}: "
                f"{len(self.results) - len(fails)}/{len(self.results)} checks passed")
        lines = [head]
        for r in fails[:limit]:
            sample = ", ".join(str(s) for s in r["unexpected_sample"][:3])
            lines.append(f"  [{r['kind']}] {r['table']}: {r['expectation']} — "
                         f"{r['unexpected_count']} unexpected" + (f" (e.g. {sample})" if sample else ""))
        if len(fails) > limit:
            lines.append(f"  … and {len(fails) - limit} more")
        return "\n".join(lines)

    def to_dict(self) -> dict:
        return {"success": self.success, "n_checks": len(self.results),
                "n_failed": len(self.failures), "results": self.results}

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2, default=_jsonable) + "\n"


def _jsonable(v: Any) -> Any:
    if hasattr(v, "isoformat"):
        return v.isoformat()
    if hasattr(v, "item"):
        return v.item()
    return str(v)


def _clean(v: Any) -> Any:
    """A JSON-friendly plain Python value."""
    if v is None:
        return None
    if isinstance(v, (list, tuple)):
        return [_clean(x) for x in v]
    if hasattr(v, "isoformat"):
        s = v.isoformat()
        return s[:10] if s.endswith("T00:00:00") else s
    if hasattr(v, "item"):
        v = v.item()
    if isinstance(v, float) and math.isnan(v):
        return None
    if isinstance(v, (str, int, float, bool)):
        return v
    return str(v)


def _result(table: str, expectation: str, unexpected: list, kind: str,
            count: int | None = None, rule: str | None = None) -> dict:
    """One check's outcome; ``rule`` is the row-level rule id (``pipeline/rules.py``, the
    ``rule`` column of rejects.csv), None for a structural check."""
    n = len(unexpected) if count is None else count
    return {"table": table, "expectation": expectation, "success": n == 0,
            "unexpected_count": int(n),
            "unexpected_sample": [_clean(u) for u in unexpected[:SAMPLE_SIZE]], "kind": kind,
            "rule": rule}


def _row_count_check(recs: dict, table: str, key: str, count_col: str, child: str) -> dict:
    """``table.count_col`` must equal the number of ``child`` rows pointing at the row by ``key``."""
    per: dict[str, int] = {}
    for r in recs[child]:
        k = _s(r.get(key))
        per[k] = per.get(k, 0) + 1
    bad = [f"{_s(r.get(key))}: {count_col}={_s(r.get(count_col))} rows={per.get(_s(r.get(key)), 0)}"
           for r in recs[table] if _num(r.get(count_col)) != per.get(_s(r.get(key)), 0)]
    return _result(table, f"{count_col} equals the {table[:-1]}'s rows in {child}", bad,
                   STRUCTURAL)


# --------------------------------------------------------------------------- normalisation

def _missing(v: Any) -> bool:
    if v is None:
        return True
    if isinstance(v, str):
        return v == ""
    try:
        import pandas as pd
        if v is pd.NA or v is pd.NaT:
            return True
    except ImportError:  # pragma: no cover
        pass
    try:
        return bool(v != v)  # NaN
    except (TypeError, ValueError):
        return False


def _cell_text(v: Any, ftype: str) -> str | None:
    """The CSV text of one value (None when missing); lenient: never raises."""
    if _missing(v):
        return None
    if isinstance(v, bool) or type(v).__name__ == "bool_":
        return "true" if v else "false"
    if ftype == "integer" and isinstance(v, float) and v.is_integer():
        return str(int(v))
    if hasattr(v, "item") and not isinstance(v, str):
        v = v.item()
        if ftype == "integer" and isinstance(v, float) and v.is_integer():
            return str(int(v))
    if hasattr(v, "isoformat") and not isinstance(v, str):
        return v.isoformat()[:10] if ftype == "date" else v.isoformat()
    return str(v)


def text_frame(df, table: str):
    """``df`` as CSV text (object dtype, None for missing), columns as given."""
    import pandas as pd

    sch = schema.load(table)
    types = {f.name: f.type for f in sch.fields}
    out = pd.DataFrame(index=df.index)
    for col in df.columns:
        ftype = types.get(col, "string")
        out[col] = pd.Series([_cell_text(v, ftype) for v in df[col].tolist()],
                             index=df.index, dtype=object)
    return out


def typed_frame(text, table: str):
    """Numbers as Float64 and dates as datetime64 (unparseable → missing; the text checks
    report them), from :func:`text_frame` output."""
    import pandas as pd

    sch = schema.load(table)
    out = text.copy()
    for f in sch.fields:
        if f.name not in out.columns:
            continue
        if f.type in ("integer", "number"):
            out[f.name] = pd.to_numeric(out[f.name], errors="coerce").astype("Float64")
        elif f.type == "date":
            out[f.name] = pd.to_datetime(out[f.name], format="%Y-%m-%d", errors="coerce")
    return out


def _max_date() -> dt.date:
    return dt.datetime.now(dt.timezone.utc).date() + dt.timedelta(days=FUTURE_SLACK_DAYS)


# --------------------------------------------------------------------------- GE runner

class GXRunner:
    """One ephemeral great_expectations context per validation run (or per test module):
    suites are built lazily per (table, variant, present columns) and reused."""

    def __init__(self) -> None:
        import logging

        os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
        logging.getLogger("great_expectations").setLevel(logging.WARNING)
        import great_expectations as gx
        from great_expectations.data_context.types.base import ProgressBarsConfig

        # great_expectations configures its own loggers on import: quieten them afterwards.
        for name in list(logging.root.manager.loggerDict):
            if name.startswith("great_expectations"):
                logging.getLogger(name).setLevel(logging.WARNING)
        self.gx = gx
        self.ctx = gx.get_context(mode="ephemeral")
        self.ctx.variables.progress_bars = ProgressBarsConfig(globally=False)
        self.source = self.ctx.data_sources.add_pandas("airwar")
        self._defs: dict[tuple, Any] = {}
        self.max_date = _max_date()

    def run(self, key: tuple, build, df) -> list:
        vd = self._defs.get(key)
        if vd is None:
            gx = self.gx
            name = f"v{len(self._defs)}_" + "_".join(str(k) for k in key[:2])
            asset = self.source.add_dataframe_asset(name)
            bd = asset.add_batch_definition_whole_dataframe(name)
            suite = gx.ExpectationSuite(name=name)
            for exp in build():
                suite.add_expectation(exp)
            suite = self.ctx.suites.add(suite)
            vd = self.ctx.validation_definitions.add(
                gx.ValidationDefinition(name=name, data=bd, suite=suite))
            self._defs[key] = vd
        if not vd.suite.expectations:
            return []
        res = vd.run(batch_parameters={"dataframe": df}, result_format="COMPLETE")
        return list(res.results)


def new_runner() -> GXRunner:
    """Build the great_expectations context (import ~3 s the first time)."""
    return GXRunner()


def _noncapturing(pattern: str) -> str:
    """Capturing groups → non-capturing (GE uses ``str.contains``, which warns on groups)."""
    return re.sub(r"(?<!\\)\((?!\?)", "(?:", pattern)


def _text_expectations(gx, table: str, present: tuple[str, ...]) -> list:
    E = gx.expectations
    sch = schema.load(table)
    keyish = set(sch.primary_key) | {c for fk in sch.foreign_keys for c in fk["fields"]}
    out = [E.ExpectTableColumnsToMatchOrderedList(
        column_list=sch.columns,
        meta={"label": "expect_table_columns_to_match_ordered_list", "kind": STRUCTURAL})]
    single_pk = sch.primary_key[0] if len(sch.primary_key) == 1 else None
    for f in sch.fields:
        if f.name not in present:
            continue
        c = f.name
        if f.required:
            out.append(E.ExpectColumnValuesToNotBeNull(column=c, meta={
                "label": f"expect_column_values_to_not_be_null({c})",
                "kind": STRUCTURAL if c in keyish else ROW,
                "rule": None if c in keyish else f"{c}:required"}))
        if f.unique or c == single_pk:
            out.append(E.ExpectColumnValuesToBeUnique(column=c, meta={
                "label": f"expect_column_values_to_be_unique({c})", "kind": STRUCTURAL}))
        if f.type in TYPE_RE:
            out.append(E.ExpectColumnValuesToMatchRegex(column=c, regex=TYPE_RE[f.type], meta={
                "label": f"expect_column_values_to_match_regex({c}, {f.type})", "kind": ROW,
                "rule": f"{c}:type"}))
        if f.enum:
            out.append(E.ExpectColumnValuesToBeInSet(column=c, value_set=list(f.enum), meta={
                "label": f"expect_column_values_to_be_in_set({c}, {'|'.join(f.enum)})",
                "kind": ROW, "rule": f"{c}:enum"}))
        if f.pattern:
            out.append(E.ExpectColumnValuesToMatchRegex(column=c, regex=_noncapturing(f.pattern), meta={
                "label": f"expect_column_values_to_match_regex({c}, {f.pattern})", "kind": ROW,
                "rule": f"{c}:pattern"}))
        extra = EXTRA_PATTERNS.get((table, c))
        if extra:
            out.append(E.ExpectColumnValuesToMatchRegex(column=c, regex=extra, meta={
                "label": f"expect_column_values_to_match_regex({c}, ISO date/date-time/month)",
                "kind": ROW, "rule": f"{c}:format"}))
    if len(sch.primary_key) > 1 and all(c in present for c in sch.primary_key):
        out.append(E.ExpectCompoundColumnsToBeUnique(column_list=list(sch.primary_key), meta={
            "label": f"expect_compound_columns_to_be_unique({', '.join(sch.primary_key)})",
            "kind": STRUCTURAL}))
    return out


def _typed_expectations(gx, table: str, present: tuple[str, ...], max_date: dt.date) -> list:
    E = gx.expectations
    sch = schema.load(table)
    lo_dt = dt.datetime.combine(MIN_DATE, dt.time())
    hi_dt = dt.datetime.combine(max_date, dt.time())
    out = []
    for f in sch.fields:
        c = f.name
        if c not in present:
            continue
        if f.type in ("integer", "number") and (f.minimum is not None or f.maximum is not None):
            out.append(E.ExpectColumnValuesToBeBetween(
                column=c, min_value=f.minimum, max_value=f.maximum, meta={
                    "label": f"expect_column_values_to_be_between({c}, {f.minimum}..{f.maximum})",
                    "kind": ROW, "rule": f"{c}:range"}))
        if f.type == "date":
            out.append(E.ExpectColumnValuesToBeBetween(
                column=c, min_value=lo_dt, max_value=hi_dt, meta={
                    "label": f"expect_column_values_to_be_between({c}, {MIN_DATE}..{max_date})",
                    "kind": ROW, "rule": f"{c}:date_range"}))

    def pair(a: str, b: str, label: str) -> None:
        if a in present and b in present:
            out.append(E.ExpectColumnPairValuesAToBeGreaterThanB(
                column_A=a, column_B=b, or_equal=True, ignore_row_if="either_value_is_missing",
                meta={"label": label, "kind": ROW, "rule": f"{b}<={a}"}))

    pair("launched", "intercepted", "intercepted <= launched")
    pair("event_date", "event_date_start", "event_date_start <= event_date")
    pair("event_date_end", "event_date", "event_date <= event_date_end")
    pair("event_date_end", "event_date_start", "event_date_start <= event_date_end")
    pair("launched_high", "launched_low", "launched_low <= launched_high")
    pair("intercepted_high", "intercepted_low", "intercepted_low <= intercepted_high")
    return out


def _ge_results(runner: GXRunner, table: str, df, pk_labels: list) -> list[dict]:
    present = tuple(df.columns)
    text = text_frame(df, table).reset_index(drop=True)
    typed = typed_frame(text, table)
    out: list[dict] = []
    gx = runner.gx
    for variant, frame, build in (
            ("text", text, lambda: _text_expectations(gx, table, present)),
            ("typed", typed, lambda: _typed_expectations(gx, table, present, runner.max_date))):
        for er in runner.run((table, variant, present), build, frame):
            meta = er.expectation_config.meta or {}
            label = meta.get("label", er.expectation_config.type)
            kind = meta.get("kind", ROW)
            rule = meta.get("rule")
            exc = er.exception_info or {}
            raised = exc.get("raised_exception") if isinstance(exc, dict) else False
            if raised:
                out.append(_result(table, f"{label} [error: {exc.get('exception_message')}]",
                                   ["exception"], kind, rule=rule))
                continue
            res = er.result or {}
            if "observed_value" in res and "unexpected_count" not in res:
                # table-level expectation (column list)
                obs = res.get("observed_value") or []
                if er.success:
                    out.append(_result(table, label, [], kind))
                else:
                    want = schema.load(table).columns
                    missing = [c for c in want if c not in obs]
                    extra = [c for c in obs if c not in want]
                    sample = ([f"missing {c}" for c in missing] + [f"extra {c}" for c in extra]
                              or ["wrong order"])
                    out.append(_result(table, label, sample, kind))
                continue
            idx = res.get("unexpected_index_list") or []
            vals = res.get("unexpected_list") or res.get("partial_unexpected_list") or []
            count = res.get("unexpected_count", len(idx))
            if er.success:
                out.append(_result(table, label, [], kind, rule=rule))
                continue
            sample = []
            for i, v in itertools.islice(zip(idx, vals), SAMPLE_SIZE):
                key = pk_labels[i] if isinstance(i, int) and i < len(pk_labels) else i
                sample.append(f"{key}: {_clean(v)}")
            if not sample:
                sample = [_clean(v) for v in vals[:SAMPLE_SIZE]]
            out.append(_result(table, label, sample or ["(failed)"], kind, count=count or 1,
                               rule=rule))
    return out


# --------------------------------------------------------------------------- region boxes

def _geo_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    r = 6371.0088
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(min(1.0, math.sqrt(a)))


def _first(row: dict, *names: str) -> float | None:
    for n in names:
        v = row.get(n)
        if v not in (None, ""):
            try:
                return float(v)
            except ValueError:
                return None
    return None


def region_boxes(path: Path | None = None) -> dict[str, dict]:
    """Per-ISO 3166-2 region shapes from ``pipeline/geocode/data/admin1.csv`` when it exists:
    ``{code: {"box": (lat_min, lat_max, lon_min, lon_max)}}`` when the file has bounding-box
    columns (``bbox_south/bbox_north/bbox_west/bbox_east`` or ``min_lat/max_lat/min_lon/max_lon``
    or ``lat_min/…``), else ``{code: {"center": (lat, lon), "radius_km": r}}`` when it has a
    centroid and a radius (``radius_km``). A region without either is checked against its
    country's box (:data:`COUNTRY_BOXES`)."""
    path = Path(path) if path else config.GAZETTEER_DIR / "admin1.csv"
    out: dict[str, dict] = {}
    if not path.exists():
        return out
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            code = (row.get("iso_code") or row.get("admin1_code") or row.get("code") or "").strip()
            if not code:
                continue
            s = _first(row, "bbox_south", "min_lat", "lat_min", "south")
            n = _first(row, "bbox_north", "max_lat", "lat_max", "north")
            w = _first(row, "bbox_west", "min_lon", "lon_min", "west")
            e = _first(row, "bbox_east", "max_lon", "lon_max", "east")
            if None not in (s, n, w, e):
                out[code] = {"box": (s, n, w, e)}
                continue
            clat = _first(row, "centroid_lat", "lat", "latitude", "center_lat")
            clon = _first(row, "centroid_lon", "lon", "longitude", "center_lon")
            rad = _first(row, "radius_km", "radius")
            if None not in (clat, clon, rad):
                out[code] = {"center": (clat, clon), "radius_km": rad}
    return out


def _in_box(lat: float, lon: float, box: tuple, margin: float = 0.0) -> bool:
    s, n, w, e = box
    if not (s - margin <= lat <= n + margin):
        return False
    if w <= e:
        return w - margin <= lon <= e + margin
    return lon >= w - margin or lon <= e + margin  # box across the antimeridian


def coords_ok(lat: float, lon: float, admin1_code: str | None, country_code: str | None,
              regions: dict[str, dict]) -> tuple[bool, str]:
    """Whether a point lies in its region (admin1.csv box/radius) or, lacking one, in its
    country's generous box. Returns (ok, what it was checked against)."""
    if admin1_code and admin1_code in regions:
        reg = regions[admin1_code]
        if "box" in reg:
            return _in_box(lat, lon, reg["box"], BOX_MARGIN_DEG), f"{admin1_code} box"
        clat, clon = reg["center"]
        lim = max(reg["radius_km"] * RADIUS_FACTOR, reg["radius_km"] + RADIUS_FLOOR_KM)
        return _geo_km(lat, lon, clat, clon) <= lim, f"{admin1_code} radius {lim:.0f} km"
    cc = (admin1_code or "")[:2] if admin1_code else country_code
    if cc in COUNTRY_BOXES:
        return any(_in_box(lat, lon, b) for b in COUNTRY_BOXES[cc]), f"{cc} country box"
    return True, "unchecked"


# --------------------------------------------------------------------------- row helpers

def _num(v: Any) -> float | None:
    if _missing(v) or isinstance(v, bool):
        return None
    try:
        f = float(v)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(f) else f


def _s(v: Any) -> str | None:
    if _missing(v):
        return None
    return str(v)


def _day(v: Any) -> str | None:
    """ISO date (YYYY-MM-DD) from a date or date-time text; None for month-only / missing."""
    s = _s(v)
    if s is None:
        return None
    if hasattr(v, "isoformat") and not isinstance(v, str):
        s = v.isoformat()
    s = s[:10]
    return s if re.match(ISO_DATE_RE, s) else None


def _fmt(v: float | None) -> str:
    if v is None:
        return ""
    return str(int(v)) if float(v).is_integer() else str(v)


def count_problems(row: dict) -> list[tuple[str, str, list[str]]]:
    """Cross-field count rules on one mention/claim row: list of (reason, detail, columns to
    clear)."""
    out = []
    launched, intercepted, ew = (_num(row.get(c)) for c in ("launched", "intercepted", "lost_to_ew"))
    if launched is not None and intercepted is not None and intercepted > launched:
        out.append(("intercepted_gt_launched",
                    f"intercepted={_fmt(intercepted)} > launched={_fmt(launched)}",
                    ["launched", "intercepted", "lost_to_ew"]))
    elif launched is not None and ew is not None and (intercepted or 0) + ew > launched:
        out.append(("intercepted_plus_ew_gt_launched",
                    f"intercepted={_fmt(intercepted)} + lost_to_ew={_fmt(ew)} > launched={_fmt(launched)}",
                    ["lost_to_ew"]))
    return out


def breakdown_problems(rows: list[dict], id_col: str, parent_col: str) -> list[tuple[str, str, str, str]]:
    """Children larger than their parent, or summing past it, per count column.
    Returns (child_id, count column, reason, detail) for every offending child."""
    by_id = {_s(r.get(id_col)): r for r in rows}
    children: dict[str, list[dict]] = {}
    for r in rows:
        p = _s(r.get(parent_col))
        if p is not None and p in by_id:
            children.setdefault(p, []).append(r)
    out = []
    for pid, kids in children.items():
        parent = by_id[pid]
        for col in COUNT_COLUMNS:
            pv = _num(parent.get(col))
            if pv is None:
                continue
            vals = [(k, _num(k.get(col))) for k in kids]
            vals = [(k, v) for k, v in vals if v is not None]
            big = [(k, v) for k, v in vals if v > pv]
            for k, v in big:
                out.append((_s(k.get(id_col)), col, "breakdown_exceeds_total",
                            f"{col}={_fmt(v)} > parent {pid} {col}={_fmt(pv)}"))
            if not big and len(vals) > 1 and sum(v for _, v in vals) > pv:
                total = sum(v for _, v in vals)
                for k, v in vals:
                    out.append((_s(k.get(id_col)), col, "breakdown_exceeds_total",
                                f"children's {col} sum {_fmt(total)} > parent {pid} {col}={_fmt(pv)}"))
    return out


# --------------------------------------------------------------------------- pandas checks

def _records(df) -> list[dict]:
    import pandas as pd
    if df is None:
        return []
    return df.astype(object).where(pd.notna(df), None).to_dict("records")


def _rec_ids(rows: list[dict], col: str) -> set:
    return {str(r.get(col)) for r in rows if not _missing(r.get(col))}


def _cross_checks(tables: dict, present: dict[str, bool], raw_inputs: list[str] | None,
                  regions: dict[str, dict]) -> list[dict]:
    recs = {n: _records(tables.get(n)) if present.get(n) else [] for n in schema.TABLES}
    columns = {n: list(tables[n].columns) for n in schema.TABLES if present.get(n)}
    return cross_check_records(recs, columns, raw_inputs, regions)


def cross_check_records(recs: dict[str, list[dict]], columns: dict[str, list[str]],
                        raw_inputs: list[str] | None, regions: dict[str, dict]) -> list[dict]:
    """The pandas-free cross-field and cross-table checks on records (``columns``: the
    columns of each present table; a table absent from it counts as missing)."""
    out: list[dict] = []
    present = {n: n in columns for n in schema.TABLES}
    recs = {n: recs.get(n) or [] for n in schema.TABLES}

    # --- foreign keys (schema-declared plus incident_merges → incidents)
    fks: list[tuple[str, str, str, str]] = []
    for name in schema.TABLES:
        for fk in schema.load(name).foreign_keys:
            if len(fk["fields"]) == 1:
                fks.append((name, fk["fields"][0], fk["reference"]["resource"],
                            fk["reference"]["fields"][0]))
    for extra in EXTRA_FOREIGN_KEYS:
        if extra not in fks and extra[0] in schema.TABLES and extra[2] in schema.TABLES:
            fks.append(extra)
    for child, col, parent, pcol in fks:
        if not (present.get(child) and present.get(parent)):
            continue
        if col not in columns[child] or pcol not in columns[parent]:
            continue
        keys = _rec_ids(recs[parent], pcol)
        bad = [f"{col}={_s(r.get(col))}" for r in recs[child]
               if _s(r.get(col)) is not None and _s(r.get(col)) not in keys]
        out.append(_result(child, f"foreign key {col} -> {parent}.{pcol}", bad, STRUCTURAL))
    if present.get("incident_merges") and present.get("incidents"):
        live = _rec_ids(recs["incidents"], "incident_id")
        bad = [r.get("old_incident_id") for r in recs["incident_merges"]
               if _s(r.get("old_incident_id")) in live]
        out.append(_result("incident_merges", "retired old_incident_id absent from incidents",
                           bad, STRUCTURAL))

    # --- counts that must agree with the rows
    if present.get("articles") and present.get("mentions"):
        out.append(_row_count_check(recs, "articles", "article_id", "n_mentions", "mentions"))
    if present.get("claims") and present.get("mentions"):
        owner = {_s(m.get("mention_id")): _s(m.get("claim_id")) for m in recs["mentions"]}
        bad = []
        for c in recs["claims"]:
            cid = _s(c.get("claim_id"))
            for mid in (_s(c.get("mention_ids")) or "").split("|"):
                if mid and owner.get(mid) != cid:
                    bad.append(f"{cid}: {mid}")
        out.append(_result("claims", "mention_ids resolve to mentions of this claim", bad, STRUCTURAL))
    if present.get("incidents") and present.get("claims"):
        out.append(_row_count_check(recs, "incidents", "incident_id", "n_claims", "claims"))
    out.extend(_row_cross_checks(recs, columns, present, regions))
    # --- every raw input accounted for
    if raw_inputs is not None:
        out.append(_raw_accounting(recs, present, raw_inputs))
    return out


def _row_cross_checks(recs: dict, columns: dict, present: dict, regions: dict) -> list[dict]:
    """The row-level cross-field and cross-table rules (counts, breakdowns, dates, coords)."""
    out: list[dict] = []
    # --- per-row cross-field rules and breakdowns
    for name, id_col, parent_col in (("mentions", "mention_id", "parent_mention_id"),
                                     ("claims", "claim_id", "parent_claim_id")):
        if not present.get(name):
            continue
        cols = set(columns[name])
        if {"launched", "lost_to_ew"} <= cols:
            bad = [f"{_s(r.get(id_col))}: {d}" for r in recs[name]
                   for reason, d, _ in count_problems(r) if reason == "intercepted_plus_ew_gt_launched"]
            out.append(_result(name, "intercepted + lost_to_ew <= launched", bad, ROW,
                               rule="intercepted+lost_to_ew<=launched"))
        if parent_col in cols:
            probs = breakdown_problems(recs[name], id_col, parent_col)
            for col in COUNT_COLUMNS:
                bad = [f"{cid}: {d}" for cid, c, _, d in probs if c == col]
                out.append(_result(name, f"breakdown children's {col} (each and sum) <= parent",
                                   bad, ROW, rule=f"breakdown:{col}"))

    # --- event_date <= published
    if present.get("mentions") and present.get("articles"):
        pub = {_s(a.get("article_id")): _day(a.get("published")) for a in recs["articles"]
               if _s(a.get("published_precision")) in (None, "day")}
        bad = []
        for m in recs["mentions"]:
            ed, pd_ = _day(m.get("event_date")), pub.get(_s(m.get("article_id")))
            if ed and pd_ and ed > pd_:
                bad.append(f"{_s(m.get('mention_id'))}: event_date={ed} > published={pd_}")
        out.append(_result("mentions", "event_date <= article published date", bad, ROW,
                           rule="event_date<=published"))
    if present.get("claims") and "first_published" in columns["claims"]:
        bad = []
        for c in recs["claims"]:
            ed, fp = _day(c.get("event_date")), _day(c.get("first_published"))
            if ed and fp and ed > fp:
                bad.append(f"{_s(c.get('claim_id'))}: event_date={ed} > first_published={fp}")
        out.append(_result("claims", "event_date <= first_published", bad, ROW,
                           rule="event_date<=first_published"))
    out.extend(_published_ranges(recs, present))

    # --- coordinates inside their region
    for name, id_col in (("mentions", "mention_id"), ("claims", "claim_id"),
                         ("incidents", "incident_id"), ("locations", "location_id")):
        if not present.get(name) or not {"latitude", "longitude"} <= set(columns[name]):
            continue
        bad = []
        for r in recs[name]:
            lat, lon = _num(r.get("latitude")), _num(r.get("longitude"))
            if lat is None or lon is None:
                continue
            ok, against = coords_ok(lat, lon, _s(r.get("admin1_code")), _s(r.get("country_code")),
                                    regions)
            if not ok:
                bad.append(f"{_s(r.get(id_col))}: ({lat}, {lon}) outside {against}")
        out.append(_result(name, "coordinates inside their admin1 region (or country) box",
                           bad, ROW, rule="coords_in_region"))
    return out


def _published_ranges(recs: dict, present: dict) -> list[dict]:
    """Publication dates (ISO date, date-time or month) inside MIN_DATE..today + slack."""
    lo, hi = MIN_DATE.isoformat(), _max_date().isoformat()
    out = []
    for name, col, id_col in (("articles", "published", "article_id"),
                              ("claims", "first_published", "claim_id")):
        if not present.get(name):
            continue
        bad = []
        for r in recs[name]:
            s = _s(r.get(col))
            if s is None:
                continue
            day = _day(s)
            ok = (lo <= day <= hi) if day else (
                not re.match(r"^[0-9]{4}-[0-9]{2}$", s[:7]) or lo[:7] <= s[:7] <= hi[:7])
            if not ok:
                bad.append(f"{_s(r.get(id_col))}: {s}")
        out.append(_result(name, f"{col} between {lo}..{hi}", bad, ROW, rule=f"{col}:date_range"))
    return out


def _raw_accounting(recs: dict, present: dict, raw_inputs: list[str]) -> dict:
    seen: set[str] = set()
    for name in ("articles", "rejects"):
        for r in recs.get(name, []):
            s = _s(r.get("source_file"))
            if s:
                seen.add(s)
                seen.add(s.split("#", 1)[0])
    bad = []
    for raw in raw_inputs:
        p = Path(raw).as_posix()
        if p in seen:
            continue
        if p.endswith(".meta.json"):
            stem = p[: -len(".meta.json")]
            if any(stem + ext in seen for ext in (".txt", ".html", ".htm")):
                continue
        bad.append(p)
    if not (present.get("articles") or present.get("rejects")):
        bad = list(raw_inputs)
    return _result("articles+rejects", "every raw input is in articles.csv or rejects.csv",
                   bad, STRUCTURAL)


def list_raw_inputs(raw_dir: Path | str) -> list[str]:
    """Paths (relative to ``raw_dir``, POSIX) of every regular file under it, hidden files and
    folders (``.name``) excepted, sorted."""
    raw_dir = Path(raw_dir)
    out = []
    for p in sorted(raw_dir.rglob("*")):
        rel = p.relative_to(raw_dir)
        if any(part.startswith(".") for part in rel.parts) or not p.is_file():
            continue
        out.append(rel.as_posix())
    return out


# --------------------------------------------------------------------------- entry points

def validate_tables(tables: dict, raw_inputs: list[str] | None = None, *,
                    runner: GXRunner | None = None,
                    regions: dict[str, dict] | None = None) -> ValidationReport:
    """Validate every table of ``schema.TABLES`` in ``tables`` ({name: DataFrame}); a table
    absent from the dict (or None) is a structural failure. ``runner`` reuses a GE context
    (tests); by default one is built for this run. ``regions`` overrides :func:`region_boxes`."""
    runner = runner or new_runner()
    regions = region_boxes() if regions is None else regions
    results: list[dict] = []
    present: dict[str, bool] = {}
    for name in schema.TABLES:
        df = tables.get(name)
        if df is None:
            present[name] = False
            results.append(_result(name, "table exists", [f"{name}.csv missing"], STRUCTURAL))
            continue
        present[name] = True
        logging.getLogger("pipeline.validate").info("validate: %s (%d rows)", name, len(df))
        sch = schema.load(name)
        pk = [c for c in sch.primary_key if c in df.columns]
        if pk:
            labels = ["|".join("" if _missing(v) else str(v) for v in row)
                      for row in df[pk].astype(object).itertuples(index=False, name=None)]
        else:
            labels = [str(i) for i in range(len(df))]
        results.extend(_ge_results(runner, name, df, labels))
    results.extend(_cross_checks(tables, present, raw_inputs, regions))
    return ValidationReport(success=all(r["success"] for r in results), results=results)


def read_dir(processed_dir: Path | str) -> dict:
    """{table: DataFrame} of the CSVs in ``processed_dir``; a missing file is left out.
    Read as text with the same options as ``schema.read_table`` (which would coerce an
    unparseable number to missing and hide it from the type checks)."""
    import pandas as pd

    from . import csvsafe

    out = {}
    for name in schema.TABLES:
        path = Path(processed_dir) / f"{name}.csv"
        if path.exists():
            out[name] = csvsafe.restore_frame(
                pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""]), name)
    return out


def validate_dir(processed_dir: Path | str, raw_inputs: list[str] | None = None, *,
                 runner: GXRunner | None = None,
                 regions: dict[str, dict] | None = None) -> ValidationReport:
    return validate_tables(read_dir(processed_dir), raw_inputs, runner=runner, regions=regions)


# --------------------------------------------------------------------------- quarantine

def quarantine(tables: dict[str, list[dict]]) -> tuple[dict[str, list[dict]], list[dict]]:
    """Quarantine every row-level failure of every table before the tables are written:
    ``(tables, rejects)``; see :mod:`pipeline.quarantine`."""
    from . import quarantine as q

    return q.quarantine(tables)


# --------------------------------------------------------------------------- CLI

def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m pipeline validate",
                                description="Validate the published tables (exit 0 valid, 1 not).")
    p.add_argument("--processed-dir", type=Path, default=config.PROCESSED_DIR)
    p.add_argument("--raw-dir", type=Path, default=None,
                   help="also check that every raw input is in articles.csv or rejects.csv")
    p.add_argument("--json", type=Path, default=None, help="write the full report as JSON here")
    p.add_argument("--html", type=Path, default=None, help="write an HTML rendering here")
    p.add_argument("--limit", type=int, default=40, help="failed checks listed (default 40)")
    return p


def main_validate(processed_dir: Path | str, raw_dir: Path | str | None = None, *,
                  limit: int = 40, json_path: Path | None = None,
                  html_path: Path | None = None) -> int:
    """Validate a publication; print the compact summary; return 0 valid, 1 not, 2 when a
    directory is missing."""
    processed_dir = Path(processed_dir)
    if not processed_dir.is_dir():
        print(f"validate: no such directory {processed_dir}", file=sys.stderr)
        return 2
    raw = None
    if raw_dir is not None:
        if not Path(raw_dir).is_dir():
            print(f"validate: no such directory {raw_dir}", file=sys.stderr)
            return 2
        raw = list_raw_inputs(raw_dir)
    report = validate_dir(processed_dir, raw)
    if json_path or html_path:
        from . import io, report_validation
        if json_path:
            io.write_text(json_path, report.to_json())
        if html_path:
            io.write_text(html_path, report_validation.render_html(report))
    print(report.summary(limit=limit), file=sys.stdout if report.success else sys.stderr)
    return 0 if report.success else 1


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "validate":
        argv = argv[1:]
    args = build_parser().parse_args(argv)
    return main_validate(args.processed_dir, args.raw_dir, limit=args.limit,
                         json_path=args.json, html_path=args.html)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
