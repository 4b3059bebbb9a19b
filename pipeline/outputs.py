"""Analyst-ready outputs built from the published tables: the ACLED-compatible export
(a schema'd table, see ``schemas/acled_export.yaml``), ``incidents.geojson`` and a
self-contained ``report.html`` dashboard (``pipeline/dashboard``: Vega-Lite charts with the
JavaScript inlined; nothing is fetched when viewed).

``build_acled(tables)`` is pure (records in → records out); ``write_geojson`` /
``write_report`` render files; ``write_all(dir)`` rebuilds all three from a publication's
CSVs (``make report``).
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

from . import io

def _blank(v) -> bool:
    return v is None or v == "" or (isinstance(v, float) and v != v)


def _int(v):
    if _blank(v):
        return None
    return int(float(v))


def build_acled(tables: dict[str, list[dict]]) -> list[dict]:
    """The ACLED export (``pipeline/acled.py``): one row per event as ACLED counts events."""
    from . import acled

    return acled.build_acled(tables)


def incidents_geojson(incidents: list[dict], claims: list[dict]) -> dict:
    by_incident: dict[str, list[dict]] = defaultdict(list)
    for c in claims:
        by_incident[c.get("incident_id")].append(c)
    features = []
    for inc in sorted(incidents, key=lambda r: r["incident_id"]):
        lat, lon = inc.get("latitude"), inc.get("longitude")
        geom = None
        if not _blank(lat) and not _blank(lon):
            geom = {"type": "Point", "coordinates": [round(float(lon), 5), round(float(lat), 5)]}
        props = {k: (None if _blank(v) else v) for k, v in inc.items()}
        props["claims"] = [
            {"claim_id": c["claim_id"], "claimant": c.get("claimant"),
             "claimant_side": c.get("claimant_side"), "event_type": c.get("event_type"),
             "weapon": c.get("weapon"), "launched": _int(c.get("launched")),
             "intercepted": _int(c.get("intercepted")), "admin1": c.get("admin1") or None}
            for c in sorted(by_incident.get(inc["incident_id"], []), key=lambda c: c["claim_id"])]
        features.append({"type": "Feature", "id": inc["incident_id"], "geometry": geom, "properties": props})
    return {"type": "FeatureCollection", "features": features}


# ----------------------------------------------------------------------------- report


def render_report(tables: dict[str, list[dict]]) -> str:
    """The self-contained ``report.html`` dashboard (see ``pipeline/dashboard``)."""
    from . import dashboard

    return dashboard.render(tables)


def write_files(out_dir: Path, tables: dict[str, list[dict]]) -> None:
    out_dir = Path(out_dir)
    io.write_text(out_dir / "incidents.geojson",
                  json.dumps(incidents_geojson(tables.get("incidents", []), tables.get("claims", [])),
                             ensure_ascii=False, indent=1, sort_keys=True) + "\n")
    io.write_text(out_dir / "report.html", render_report(tables))


def write_all(processed_dir: Path) -> None:
    """Rebuild the ACLED export, GeoJSON and report from a publication's CSVs."""
    import pandas as pd

    from . import csvsafe, schema, typed

    processed_dir = Path(processed_dir)
    tables = {}
    for name in schema.TABLES:
        path = processed_dir / f"{name}.csv"
        if path.exists():
            df = csvsafe.restore_frame(pd.read_csv(path, dtype=str, keep_default_na=False), name)
            tables[name] = df.to_dict("records")
    tables["acled_export"] = build_acled(tables)
    io.write_table(processed_dir / "acled_export.csv", "acled_export", tables["acled_export"])
    typed.write_all(processed_dir, tables)
    write_files(processed_dir, tables)
