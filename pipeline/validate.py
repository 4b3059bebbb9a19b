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
            count: int | None = None) -> dict:
    n = len(unexpected) if count is None else count
    return {"table": table, "expectation": expectation, "success": n == 0,
            "unexpected_count": int(n),
            "unexpected_sample": [_clean(u) for u in unexpected[:SAMPLE_SIZE]], "kind": kind}


def _row_count_check(recs: dict, table: str, key: str, count_col: str, child: str) -> dict:
    """``table.count_col`` must equal the number of ``child`` rows pointing at the row by ``key``."""
    per: dict[str, int] = {}
    for r in recs[child]:
        k = _s(r.get(key))
        per[k] = per.get(k, 0) + 1
    bad = [f"{_s(r.get(key))}: {count_col}={_s(r.get(count_col))} rows={per.get(_s(r.get(key)), 0)}"
           for r in recs[table] if _num(r.get(count_col)) != per.get(_s(r.get(key)), 0)]
    return _result(table, f"{count_col} equals the {table[:-1]}'s rows in {child}", bad, ROW)


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
                "kind": STRUCTURAL if c in keyish else ROW}))
        if f.unique or c == single_pk:
            out.append(E.ExpectColumnValuesToBeUnique(column=c, meta={
                "label": f"expect_column_values_to_be_unique({c})", "kind": STRUCTURAL}))
        if f.type in TYPE_RE:
            out.append(E.ExpectColumnValuesToMatchRegex(column=c, regex=TYPE_RE[f.type], meta={
                "label": f"expect_column_values_to_match_regex({c}, {f.type})", "kind": ROW}))
        if f.enum:
            out.append(E.ExpectColumnValuesToBeInSet(column=c, value_set=list(f.enum), meta={
                "label": f"expect_column_values_to_be_in_set({c}, {'|'.join(f.enum)})",
                "kind": ROW}))
        if f.pattern:
            out.append(E.ExpectColumnValuesToMatchRegex(column=c, regex=_noncapturing(f.pattern), meta={
                "label": f"expect_column_values_to_match_regex({c}, {f.pattern})", "kind": ROW}))
        extra = EXTRA_PATTERNS.get((table, c))
        if extra:
            out.append(E.ExpectColumnValuesToMatchRegex(column=c, regex=extra, meta={
                "label": f"expect_column_values_to_match_regex({c}, ISO date/date-time/month)",
                "kind": ROW}))
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
                    "kind": ROW}))
        if f.type == "date":
            out.append(E.ExpectColumnValuesToBeBetween(
                column=c, min_value=lo_dt, max_value=hi_dt, meta={
                    "label": f"expect_column_values_to_be_between({c}, {MIN_DATE}..{max_date})",
                    "kind": ROW}))

    def pair(a: str, b: str, label: str) -> None:
        if a in present and b in present:
            out.append(E.ExpectColumnPairValuesAToBeGreaterThanB(
                column_A=a, column_B=b, or_equal=True, ignore_row_if="either_value_is_missing",
                meta={"label": label, "kind": ROW}))

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
            exc = er.exception_info or {}
            raised = exc.get("raised_exception") if isinstance(exc, dict) else False
            if raised:
                out.append(_result(table, f"{label} [error: {exc.get('exception_message')}]",
                                   ["exception"], kind))
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
                out.append(_result(table, label, [], kind))
                continue
            sample = []
            for i, v in itertools.islice(zip(idx, vals), SAMPLE_SIZE):
                key = pk_labels[i] if isinstance(i, int) and i < len(pk_labels) else i
                sample.append(f"{key}: {_clean(v)}")
            if not sample:
                sample = [_clean(v) for v in vals[:SAMPLE_SIZE]]
            out.append(_result(table, label, sample or ["(failed)"], kind, count=count or 1))
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


def _ids(df, col: str) -> set:
    if df is None or col not in df.columns:
        return set()
    return {str(v) for v in df[col].tolist() if not _missing(v)}


def _cross_checks(tables: dict, present: dict[str, bool], raw_inputs: list[str] | None,
                  regions: dict[str, dict]) -> list[dict]:
    out: list[dict] = []
    recs = {n: _records(tables.get(n)) if present.get(n) else [] for n in schema.TABLES}

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
        if col not in tables[child].columns or pcol not in tables[parent].columns:
            continue
        keys = _ids(tables[parent], pcol)
        bad = [f"{col}={_s(r.get(col))}" for r in recs[child]
               if _s(r.get(col)) is not None and _s(r.get(col)) not in keys]
        out.append(_result(child, f"foreign key {col} -> {parent}.{pcol}", bad, STRUCTURAL))
    if present.get("incident_merges") and present.get("incidents"):
        live = _ids(tables["incidents"], "incident_id")
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

    # --- per-row cross-field rules and breakdowns
    for name, id_col, parent_col in (("mentions", "mention_id", "parent_mention_id"),
                                     ("claims", "claim_id", "parent_claim_id")):
        if not present.get(name):
            continue
        cols = set(tables[name].columns)
        if {"launched", "lost_to_ew"} <= cols:
            bad = [f"{_s(r.get(id_col))}: {d}" for r in recs[name]
                   for reason, d, _ in count_problems(r) if reason == "intercepted_plus_ew_gt_launched"]
            out.append(_result(name, "intercepted + lost_to_ew <= launched", bad, ROW))
        if parent_col in cols:
            probs = breakdown_problems(recs[name], id_col, parent_col)
            for col in COUNT_COLUMNS:
                bad = [f"{cid}: {d}" for cid, c, _, d in probs if c == col]
                out.append(_result(name, f"breakdown children's {col} (each and sum) <= parent",
                                   bad, ROW))

    # --- event_date <= published
    if present.get("mentions") and present.get("articles"):
        pub = {_s(a.get("article_id")): _day(a.get("published")) for a in recs["articles"]
               if _s(a.get("published_precision")) in (None, "day")}
        bad = []
        for m in recs["mentions"]:
            ed, pd_ = _day(m.get("event_date")), pub.get(_s(m.get("article_id")))
            if ed and pd_ and ed > pd_:
                bad.append(f"{_s(m.get('mention_id'))}: event_date={ed} > published={pd_}")
        out.append(_result("mentions", "event_date <= article published date", bad, ROW))
    if present.get("claims") and "first_published" in tables["claims"].columns:
        bad = []
        for c in recs["claims"]:
            ed, fp = _day(c.get("event_date")), _day(c.get("first_published"))
            if ed and fp and ed > fp:
                bad.append(f"{_s(c.get('claim_id'))}: event_date={ed} > first_published={fp}")
        out.append(_result("claims", "event_date <= first_published", bad, ROW))

    # --- coordinates inside their region
    for name, id_col in (("mentions", "mention_id"), ("claims", "claim_id"),
                         ("incidents", "incident_id"), ("locations", "location_id")):
        if not present.get(name) or not {"latitude", "longitude"} <= set(tables[name].columns):
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
                           bad, ROW))

    # --- every raw input accounted for
    if raw_inputs is not None:
        out.append(_raw_accounting(recs, present, raw_inputs))
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

#: Fallback for a required enum column whose value is outside the vocabulary.
ENUM_FALLBACK = {"claimant_side": "other", "weapon": "unknown", "geo_precision": "unknown",
                 "date_precision": "unknown", "lang": "other"}


def quarantine(tables: dict[str, list[dict]]) -> tuple[dict[str, list[dict]], list[dict]]:
    """Fix the row-level failures of ``mentions`` and ``claims`` BEFORE they are written, and
    return ``(tables, rejects)``. The input is not modified: changed rows are copies; other
    tables are passed through. ``rejects`` are rows for ``rejects.csv``
    ``{source_file: <mention_id|claim_id>, stage: "validate", reason, detail}``; the caller
    appends them to its rejects table.

    Policy — never drop a row (that would break ``claims.mention_ids``, ``n_mentions``,
    ``n_claims`` and the parent links); clear the offending value(s), set ``ambiguous`` true
    and record one reject per problem:

    ===============================  =============================================================
    problem (reason)                 action
    ===============================  =============================================================
    ``absurd_count``                 a count outside its schema range / not an integer → cleared
    ``intercepted_gt_launched``      launched, intercepted, lost_to_ew cleared (which is wrong is
                                     unknowable)
    ``intercepted_plus_ew_gt_launched``  lost_to_ew cleared
    ``breakdown_exceeds_total``      a child whose count exceeds its parent's, or children whose
                                     counts sum past it: the child is detached (parent id cleared)
    ``date_after_published``         event_date after the article's published day (mentions) or
                                     first_published (claims): event_date, _start, _end cleared,
                                     date_precision ``unknown``
    ``implausible_date``             a date not ISO or outside MIN_DATE..today+2 → same clearing
    ``coords_outside_region``        latitude/longitude outside the admin1 (or country) box, or
                                     outside ±90/±180: coordinates and location_id cleared,
                                     geo_precision ``admin1`` when admin1_code stays, else
                                     ``unknown``
    ``bad_enum`` / ``bad_pattern``   optional column cleared; required enum set to its fallback
                                     (``ENUM_FALLBACK``); ``event_type`` has none and is left for
                                     the gate to fail
    ===============================  =============================================================

    Structural problems (missing columns, duplicate or dangling keys, missing required ids) are
    not touched: :func:`validate_tables` fails the run on them.
    """
    out = dict(tables)
    rejects: list[dict] = []
    regions = region_boxes()
    max_day = _max_date().isoformat()
    min_day = MIN_DATE.isoformat()
    pub: dict[str, str | None] = {}
    for a in tables.get("articles") or []:
        if _s(a.get("published_precision")) in (None, "day"):
            pub[_s(a.get("article_id"))] = _day(a.get("published"))

    for name, id_col, parent_col in (("mentions", "mention_id", "parent_mention_id"),
                                     ("claims", "claim_id", "parent_claim_id")):
        if name not in tables or tables[name] is None:
            continue
        sch = schema.load(name)
        rows = [dict(r) for r in tables[name]]
        touched: set[int] = set()

        def reject(i: int, reason: str, detail: str, clear: Iterable[str] = (), **set_: Any) -> None:
            r = rows[i]
            for c in clear:
                r[c] = None
            r.update(set_)
            r["ambiguous"] = True
            touched.add(i)
            rejects.append({"source_file": _s(r.get(id_col)) or f"{name}#{i}", "stage": "validate",
                            "reason": reason, "detail": detail})

        for i, r in enumerate(rows):
            # enums and patterns
            for f in sch.fields:
                v = _s(r.get(f.name))
                if v is None:
                    continue
                if f.enum and v not in f.enum:
                    if f.name in ENUM_FALLBACK:
                        reject(i, "bad_enum", f"{f.name}={v!r}", **{f.name: ENUM_FALLBACK[f.name]})
                    elif not f.required:
                        reject(i, "bad_enum", f"{f.name}={v!r}", clear=[f.name])
                elif f.pattern and not re.search(f.pattern, v) and not f.required:
                    reject(i, "bad_pattern", f"{f.name}={v!r}", clear=[f.name])
            # counts in range
            for c in COUNT_COLUMNS:
                v = r.get(c)
                if _missing(v):
                    continue
                f = sch.field(c)
                n = _num(v)
                if (n is None or not float(n).is_integer()
                        or (f.minimum is not None and n < f.minimum)
                        or (f.maximum is not None and n > f.maximum)):
                    reject(i, "absurd_count", f"{c}={v}", clear=[c])
            for reason, detail, cols in count_problems(r):
                reject(i, reason, detail, clear=cols)
            # dates
            date_cols = [c for c in DATE_COLUMNS_ORDER if c in sch.columns]
            bad_date = None
            for c in date_cols:
                v = _s(r.get(c))
                if v is None:
                    continue
                d = v[:10] if hasattr(r.get(c), "isoformat") else v
                if not re.match(ISO_DATE_RE, d) or not (min_day <= d <= max_day):
                    bad_date = ("implausible_date", f"{c}={v}")
                    break
            if bad_date is None:
                ed = _day(r.get("event_date"))
                ref = (pub.get(_s(r.get("article_id"))) if name == "mentions"
                       else _day(r.get("first_published")))
                if ed and ref and ed > ref:
                    bad_date = ("date_after_published",
                                f"event_date={ed} > {'published' if name == 'mentions' else 'first_published'}={ref}")
            if bad_date:
                reject(i, bad_date[0], bad_date[1], clear=date_cols, date_precision="unknown")
            # coordinates
            lat, lon = _num(r.get("latitude")), _num(r.get("longitude"))
            if (lat is None) != (lon is None) or (lat is not None and not (-90 <= lat <= 90 and -180 <= lon <= 180)):
                ok, against = False, "valid range"
            elif lat is not None:
                ok, against = coords_ok(lat, lon, _s(r.get("admin1_code")), _s(r.get("country_code")), regions)
            else:
                ok, against = True, ""
            if not ok:
                prec = "admin1" if _s(r.get("admin1_code")) else "unknown"
                reject(i, "coords_outside_region",
                       f"({_s(r.get('latitude'))}, {_s(r.get('longitude'))}) outside {against}",
                       clear=["latitude", "longitude", "location_id"], geo_precision=prec)
        # breakdowns last (on the cleaned counts); repeat until stable (detaching can't cascade,
        # but a cleared parent count removes the constraint, so one pass suffices)
        index = {_s(r.get(id_col)): i for i, r in enumerate(rows)}
        done: set[str] = set()
        for cid, col, reason, detail in breakdown_problems(rows, id_col, parent_col):
            if cid in done:
                continue
            done.add(cid)
            reject(index[cid], reason, detail, clear=[parent_col])
        out[name] = rows
    return out, rejects


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
