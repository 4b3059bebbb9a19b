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

ACTOR = {"RU": "Military Forces of Russia (2000-)", "UA": "Military Forces of Ukraine (2019-)"}
COUNTRY = {"UA": ("UKR", 804, "Ukraine"), "RU": ("RUS", 643, "Russia"), "BY": ("BLR", 112, "Belarus")}
AIR_WEAPONS = {"drone", "aircraft", "glide_bomb", "unknown"}
TIME_PRECISION = {"day": 1, "night": 1, "week": 2, "month": 3, "unknown": 3}
GEO_PRECISION = {"site": 1, "settlement": 1, "admin2": 2, "admin1": 3, "country": 3, "unknown": 3}


def _blank(v) -> bool:
    return v is None or v == "" or (isinstance(v, float) and v != v)


def _int(v):
    if _blank(v):
        return None
    return int(float(v))


def _notes(c: dict) -> str:
    parts = []
    for key, label in (("launched", "launched"), ("intercepted", "intercepted"),
                       ("lost_to_ew", "lost to electronic warfare"), ("hits", "hits")):
        v = _int(c.get(key))
        if v is not None:
            parts.append(f"{v} {label}")
    weapon = c.get("weapon") or "unknown"
    model = f" ({c['weapon_model']})" if not _blank(c.get("weapon_model")) else ""
    where = c.get("location_text") or c.get("admin1") or c.get("country_code") or "unspecified location"
    what = {"interception": "interception", "strike": "strike", "attack": "launch"}.get(c.get("event_type"), "event")
    counts = "; ".join(parts) if parts else "no figures"
    target = f"; target: {c['target']}" if not _blank(c.get("target")) else ""
    return (f"{c.get('claimant')} ({c.get('claimant_side')}) claims {what} of {weapon}{model} "
            f"over/at {where}: {counts}{target}. Claim of one side, not verified.")


def build_acled(claims: list[dict], articles_by_url: dict | None = None) -> list[dict]:
    """One ACLED-shaped row per claim."""
    rows = []
    for c in claims:
        cc = c.get("country_code") or ""
        iso3, isonum, cname = COUNTRY.get(cc, ("XXX", None, ""))
        et = c.get("event_type")
        weapon = c.get("weapon") or "unknown"
        if et == "interception":
            disorder, etype, sub = "Strategic developments", "Strategic developments", "Disrupted weapons use"
        else:
            disorder, etype = "Political violence", "Explosions/Remote violence"
            sub = "Air/drone strike" if weapon in AIR_WEAPONS else "Shelling/artillery/missile attack"
        attacker = c.get("attacker_side") or ""
        defender = {"RU": "UA", "UA": "RU"}.get(attacker, "")
        date = c.get("event_date") or ""
        tags = [f"claimant_side: {c.get('claimant_side')}", f"incident: {c.get('incident_id')}"]
        if not _blank(c.get("weapon_model")):
            tags.append(f"weapon_model: {c['weapon_model']}")
        if not _blank(c.get("count_qualifier")):
            tags.append(f"count: {c['count_qualifier']}")
        if str(c.get("ambiguous")).lower() == "true":
            tags.append("ambiguous")
        claimant = str(c.get("claimant") or "")
        scale = "National" if c.get("claimant_side") in ("RU", "UA") else "International" \
            if claimant and claimant != "outlet" else "Other"
        rows.append({
            "event_id_cnty": f"{iso3}-{c['claim_id']}",
            "event_date": date or None,
            "year": int(date[:4]) if date else None,
            "time_precision": TIME_PRECISION.get(c.get("date_precision") or "unknown", 3),
            "disorder_type": disorder, "event_type": etype, "sub_event_type": sub,
            "actor1": ACTOR.get(attacker), "actor2": ACTOR.get(defender),
            "iso": isonum, "country": cname or None,
            "admin1": c.get("admin1") or None,
            "location": c.get("location_text") or c.get("admin1") or cname or None,
            "latitude": c.get("latitude"), "longitude": c.get("longitude"),
            "geo_precision": GEO_PRECISION.get(c.get("geo_precision") or "unknown", 3),
            "source": "; ".join(x for x in [claimant, (c.get("source_urls") or "")] if x),
            "source_scale": scale,
            "notes": _notes(c), "fatalities": 0, "tags": "; ".join(tags),
            "claim_id": c["claim_id"],
        })
    return rows


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

    processed_dir = Path(processed_dir)
    tables = {}
    for name in ("articles", "claims", "incidents", "rejects", "mentions", "locations"):
        path = processed_dir / f"{name}.csv"
        if path.exists():
            df = pd.read_csv(path, dtype=str, keep_default_na=False)
            tables[name] = df.to_dict("records")
    io.write_table(processed_dir / "acled_export.csv", "acled_export", build_acled(tables.get("claims", [])))
    write_files(processed_dir, tables)
