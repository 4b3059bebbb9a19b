"""The single reader of ``schemas/``: serves column order, dtypes, coercion, the
Frictionless ``datapackage.json`` and the data dictionary to every other module.

Each table is declared once in ``schemas/<table>.yaml`` (Frictionless-style fields with
``type``, ``required``, ``unique``, ``enum``, ``minimum``/``maximum``, ``pattern``,
``description``; ``primary_key``; ``foreign_keys``). ``include: FILE`` splices shared field
lists (``_claim_fields.yaml``).
"""

from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

import yaml

from . import config

#: Publication order of the tables (foreign keys point backwards or within).
TABLES = ("articles", "locations", "incidents", "claims", "mentions", "incident_merges", "rejects",
          "acled_export")

_TYPES = {"string", "integer", "number", "boolean", "date"}


@dataclass(frozen=True)
class Field:
    name: str
    type: str
    description: str = ""
    required: bool = False
    unique: bool = False
    enum: tuple[str, ...] | None = None
    minimum: float | None = None
    maximum: float | None = None
    pattern: str | None = None


@dataclass(frozen=True)
class TableSchema:
    name: str
    title: str
    description: str
    fields: tuple[Field, ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[dict, ...] = field(default_factory=tuple)

    @property
    def columns(self) -> list[str]:
        return [f.name for f in self.fields]

    def field(self, name: str) -> Field:
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError(f"{self.name} has no column {name!r}")

    @property
    def pandas_dtypes(self) -> dict[str, str]:
        """dtypes for ``pd.read_csv(..., dtype=...)`` that round-trip the published CSVs."""
        mapping = {"string": "string", "integer": "Int64", "number": "Float64",
                   "boolean": "boolean", "date": "string"}
        return {f.name: mapping[f.type] for f in self.fields}


class SchemaError(ValueError):
    """A schema file is malformed."""


def _expand(raw_fields: list, base: Path) -> list[dict]:
    out: list[dict] = []
    for item in raw_fields:
        if "include" in item:
            inc = yaml.safe_load((base / item["include"]).read_text(encoding="utf-8"))
            out.extend(_expand(inc["fields"], base))
        else:
            out.append(item)
    return out


def _parse(doc: dict, base: Path) -> TableSchema:
    fields = []
    for f in _expand(doc["fields"], base):
        if f.get("type") not in _TYPES:
            raise SchemaError(f"{doc['name']}.{f.get('name')}: unknown type {f.get('type')!r}")
        fields.append(Field(
            name=f["name"], type=f["type"], description=f.get("description", ""),
            required=bool(f.get("required", False)), unique=bool(f.get("unique", False)),
            enum=tuple(f["enum"]) if f.get("enum") else None,
            minimum=f.get("minimum"), maximum=f.get("maximum"), pattern=f.get("pattern"),
        ))
    names = [f.name for f in fields]
    if len(set(names)) != len(names):
        raise SchemaError(f"{doc['name']}: duplicate column names")
    pk = tuple(doc.get("primary_key") or ())
    for col in pk:
        if col not in names:
            raise SchemaError(f"{doc['name']}: primary key column {col!r} not declared")
    return TableSchema(name=doc["name"], title=doc.get("title", doc["name"]),
                       description=doc.get("description", ""), fields=tuple(fields),
                       primary_key=pk, foreign_keys=tuple(doc.get("foreign_keys") or ()))


@functools.lru_cache(maxsize=None)
def load(name: str, schemas_dir: Path = config.SCHEMAS_DIR) -> TableSchema:
    path = Path(schemas_dir) / f"{name}.yaml"
    if not path.exists():
        raise SchemaError(f"no schema file for table {name!r} at {path}")
    return _parse(yaml.safe_load(path.read_text(encoding="utf-8")), Path(schemas_dir))


def load_all(schemas_dir: Path = config.SCHEMAS_DIR) -> dict[str, TableSchema]:
    return {name: load(name, schemas_dir) for name in TABLES}


def schema_files(schemas_dir: Path = config.SCHEMAS_DIR) -> list[Path]:
    return sorted(Path(schemas_dir).glob("*.yaml"))


# --------------------------------------------------------------------------- coercion

def _is_missing(v: Any) -> bool:
    if v is None:
        return True
    if isinstance(v, float) and math.isnan(v):
        return True
    try:
        import pandas as pd
        if v is pd.NA or v is pd.NaT:
            return True
    except ImportError:  # pragma: no cover
        pass
    return isinstance(v, str) and v == ""


def to_cell(value: Any, ftype: str) -> str:
    """Render one value as its CSV text (the explicit error policy: a value that cannot be
    represented in the column's type raises ``ValueError``; callers move it to rejects)."""
    if _is_missing(value):
        return ""
    if ftype == "integer":
        if isinstance(value, bool):
            raise ValueError(f"boolean {value!r} in integer column")
        f = float(value)
        if not f.is_integer():
            raise ValueError(f"non-integer {value!r} in integer column")
        return str(int(f))
    if ftype == "number":
        f = float(value)
        if math.isnan(f) or math.isinf(f):
            raise ValueError(f"non-finite number {value!r}")
        return repr(round(f, 6)) if not f.is_integer() else f"{f:.1f}"
    if ftype == "boolean":
        if isinstance(value, str):
            low = value.strip().lower()
            if low in ("true", "1", "yes"):
                return "true"
            if low in ("false", "0", "no"):
                return "false"
            raise ValueError(f"not a boolean: {value!r}")
        return "true" if bool(value) else "false"
    if ftype == "date":
        s = str(value)[:10]
        if len(s) != 10 or s[4] != "-" or s[7] != "-":
            raise ValueError(f"not an ISO date: {value!r}")
        return s
    return str(value)


def to_frame(table: str, records: Iterable[dict]):
    """Build the table's DataFrame: every declared column in schema order (missing → empty),
    values rendered as text exactly as they will appear in the CSV, rows sorted by the primary
    key. Extra keys in the records are ignored."""
    import pandas as pd

    sch = load(table)
    rows = [[to_cell(r.get(f.name), f.type) for f in sch.fields] for r in records]
    df = pd.DataFrame(rows, columns=sch.columns, dtype=object)
    if len(df) and sch.primary_key:
        df = df.sort_values(list(sch.primary_key), kind="mergesort").reset_index(drop=True)
    return df


def read_table(path: Path, table: str):
    """Read a published CSV with the schema's dtypes (integers as nullable Int64 …); text cells
    neutralised against formula injection get their raw value back."""
    import pandas as pd

    from . import csvsafe

    sch = load(table)
    df = csvsafe.restore_frame(pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""]),
                               table)
    for f in sch.fields:
        if f.name not in df.columns:
            continue
        if f.type == "integer":
            df[f.name] = pd.to_numeric(df[f.name], errors="coerce").astype("Int64")
        elif f.type == "number":
            df[f.name] = pd.to_numeric(df[f.name], errors="coerce").astype("Float64")
        elif f.type == "boolean":
            df[f.name] = df[f.name].map({"true": True, "false": False}).astype("boolean")
        else:  # text and ISO dates: text even when every cell is empty
            df[f.name] = df[f.name].astype("str")
    return df


# --------------------------------------------------------------------------- documents

_FRICTIONLESS_TYPE = {"string": "string", "integer": "integer", "number": "number",
                      "boolean": "boolean", "date": "date"}


def datapackage(title: str = "Russia–Ukraine air war claims", version: str = "") -> dict:
    """A Frictionless Data Package descriptor for every published table."""
    resources = []
    for name in TABLES:
        sch = load(name)
        fields = []
        for f in sch.fields:
            fd: dict[str, Any] = {"name": f.name, "type": _FRICTIONLESS_TYPE[f.type],
                                  "description": f.description}
            if f.type == "boolean":
                fd["trueValues"] = ["true"]
                fd["falseValues"] = ["false"]
            cons: dict[str, Any] = {}
            if f.required:
                cons["required"] = True
            if f.unique:
                cons["unique"] = True
            if f.enum:
                cons["enum"] = list(f.enum)
            if f.minimum is not None:
                cons["minimum"] = f.minimum
            if f.maximum is not None:
                cons["maximum"] = f.maximum
            if f.pattern:
                cons["pattern"] = f.pattern
            if cons:
                fd["constraints"] = cons
            fields.append(fd)
        tschema: dict[str, Any] = {"fields": fields, "missingValues": [""]}
        if sch.primary_key:
            tschema["primaryKey"] = list(sch.primary_key)
        fks = []
        for fk in sch.foreign_keys:
            ref = fk["reference"]
            fks.append({"fields": list(fk["fields"]),
                        "reference": {"resource": "" if ref["resource"] == name else ref["resource"],
                                      "fields": list(ref["fields"])}})
        if fks:
            tschema["foreignKeys"] = fks
        resources.append({
            "name": name, "path": f"{name}.csv", "title": sch.title,
            "description": sch.description, "format": "csv", "mediatype": "text/csv",
            "encoding": "utf-8", "profile": "tabular-data-resource", "schema": tschema,
        })
    pkg = {
        "profile": "tabular-data-package",
        "name": "airwar-claims",
        "title": title,
        "description": "Claims of strikes and interceptions in the Russia–Ukraine air war, "
                       "extracted from news reports, geocoded offline to GeoNames, one record "
                       "per claimant per claim, linked into incidents.",
        "licenses": [{"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0",
                      "path": "https://creativecommons.org/licenses/by/4.0/"}],
        "sources": [{"title": "GeoNames (gazetteer)", "path": "https://www.geonames.org/"}],
        "resources": resources,
    }
    if version:
        pkg["version"] = version
    return pkg


def data_dictionary() -> str:
    """Markdown data dictionary of every published table, generated from ``schemas/``."""
    lines = ["# Data dictionary", "",
             "Generated from `schemas/` by `python -m pipeline docs`; do not edit by hand.", "",
             "All CSVs are UTF-8, comma-separated, RFC 4180 quoted, with an empty field for a "
             "missing value, ISO 8601 dates, integers without decimals and `true`/`false` "
             "booleans, sorted by primary key.", ""]
    for name in TABLES:
        sch = load(name)
        lines += [f"## `{name}.csv` — {sch.title}", "", sch.description, "",
                  f"Primary key: `{', '.join(sch.primary_key)}`", ""]
        for fk in sch.foreign_keys:
            lines.append(f"Foreign key: `{', '.join(fk['fields'])}` → "
                         f"`{fk['reference']['resource']}.{', '.join(fk['reference']['fields'])}`")
        if sch.foreign_keys:
            lines.append("")
        lines += ["| column | type | required | allowed values | description |",
                  "|---|---|---|---|---|"]
        for f in sch.fields:
            allowed = ""
            if f.enum:
                allowed = " \\| ".join(f"`{e}`" for e in f.enum)
            elif f.minimum is not None or f.maximum is not None:
                lo = "" if f.minimum is None else f"{f.minimum:g}"
                hi = "" if f.maximum is None else f"{f.maximum:g}"
                allowed = f"{lo} … {hi}"
            elif f.pattern:
                allowed = f"`{f.pattern}`"
            desc = f.description.replace("|", "\\|").replace("\n", " ")
            lines.append(f"| `{f.name}` | {f.type} | {'yes' if f.required else ''} | "
                         f"{allowed} | {desc} |")
        lines.append("")
    return "\n".join(lines)


def datapackage_json(version: str = "") -> str:
    return json.dumps(datapackage(version=version), ensure_ascii=False, indent=2, sort_keys=False) + "\n"
