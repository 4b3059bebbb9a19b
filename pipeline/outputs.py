"""Analyst-ready outputs built from the published tables: the ACLED-compatible export
(a schema'd table, see ``schemas/acled_export.yaml``), ``incidents.geojson`` and a
self-contained ``report.html`` (inline SVG map and chart; nothing is fetched when viewed).

``build_acled(tables)`` is pure (records in → records out); ``write_geojson`` /
``write_report`` render files; ``write_all(dir)`` rebuilds all three from a publication's
CSVs (``make report``).
"""

from __future__ import annotations

import html
import json
from collections import Counter, defaultdict
from pathlib import Path

from . import io
from .outputs_incidents import (
    chart_days, incident_table, incidents_geojson, map_points, national_panel, regions_geojson,
    unplaced_list,
)

__all__ = ["build_acled", "incidents_geojson", "render_report", "write_files", "write_all"]

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


# ----------------------------------------------------------------------------- report

_W, _H = 760, 460
_LON0, _LON1, _LAT0, _LAT1 = 22.0, 50.0, 43.0, 58.5
_COLORS = {"RU": "#c0392b", "UA": "#2471a3", "": "#7f8c8d"}
_REFERENCE = [("Kyiv", 50.45, 30.52), ("Moscow", 55.75, 37.62), ("Kharkiv", 49.99, 36.23),
              ("Odesa", 46.48, 30.72), ("Belgorod", 50.60, 36.59), ("Rostov-on-Don", 47.24, 39.71),
              ("Voronezh", 51.67, 39.18), ("Lviv", 49.84, 24.03), ("Sevastopol", 44.60, 33.52),
              ("Kursk", 51.73, 36.19), ("Dnipro", 48.46, 35.05), ("Bryansk", 53.24, 34.36)]


def _xy(lat: float, lon: float) -> tuple[float, float]:
    x = (lon - _LON0) / (_LON1 - _LON0) * _W
    y = (_LAT1 - lat) / (_LAT1 - _LAT0) * _H
    return round(x, 1), round(y, 1)


def _map_svg(incidents: list[dict], regions: list[dict]) -> str:
    parts = [f'<svg id="map" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_W} {_H}" '
             f'width="{_W}" height="{_H}" role="img" aria-label="Map of incidents">',
             f'<rect width="{_W}" height="{_H}" fill="#eef3f7"/>']
    for lon in range(24, 50, 4):
        x, _ = _xy(_LAT0, lon)
        parts.append(f'<line x1="{x}" y1="0" x2="{x}" y2="{_H}" stroke="#d5dde5"/>'
                     f'<text x="{x + 2}" y="{_H - 4}" font-size="9" fill="#889">{lon}°E</text>')
    for lat in range(44, 59, 2):
        _, y = _xy(lat, _LON0)
        parts.append(f'<line x1="0" y1="{y}" x2="{_W}" y2="{y}" stroke="#d5dde5"/>'
                     f'<text x="2" y="{y - 2}" font-size="9" fill="#889">{lat}°N</text>')
    for name, lat, lon in _REFERENCE:
        x, y = _xy(lat, lon)
        parts.append(f'<circle cx="{x}" cy="{y}" r="2" fill="#555"/>'
                     f'<text x="{x + 4}" y="{y + 3}" font-size="10" fill="#555">{name}</text>')
    for pt in map_points(incidents, regions):
        x, y = _xy(pt["latitude"], pt["longitude"])
        r = round(min(4 + pt["size"] ** 0.5 * 1.5, 22), 1)
        side = pt["attacker_side"]
        title = html.escape(f"{pt['label']}; attacker {side or '?'}")
        parts.append(f'<circle class="incident" cx="{x}" cy="{y}" r="{r}" fill="{_COLORS.get(side, "#7f8c8d")}" '
                     f'fill-opacity="0.55" stroke="#222" stroke-width="0.5"><title>{title}</title></circle>')
    parts.append("</svg>")
    return "".join(parts)


def _chart_svg(incidents: list[dict]) -> str:
    per_day = chart_days(incidents)
    days = sorted(per_day)
    w, h, pad = 760, 260, 30
    parts = [f'<svg id="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" width="{w}" '
             f'height="{h}" role="img" aria-label="Claimed interceptions per day by claimant side">',
             f'<rect width="{w}" height="{h}" fill="#fff"/>',
             f'<line x1="{pad}" y1="{h - pad}" x2="{w - 5}" y2="{h - pad}" stroke="#333"/>']
    if not days:
        parts.append(f'<text x="{w / 2}" y="{h / 2}" text-anchor="middle" fill="#777">no dated interception claims</text>')
    else:
        top = max(max(cnt.values()) for cnt in per_day.values())
        slot = (w - pad - 10) / len(days)
        bw = max(slot / 3, 1)
        for i, d in enumerate(days):
            for j, side in enumerate(("RU", "UA")):
                v = per_day[d].get(side, 0)
                bh = (h - 2 * pad) * v / top if top else 0
                x = pad + i * slot + j * bw
                parts.append(f'<rect class="bar" x="{x:.1f}" y="{h - pad - bh:.1f}" width="{bw:.1f}" '
                             f'height="{bh:.1f}" fill="{_COLORS[side]}"><title>{d} {side}: {v}</title></rect>')
            if len(days) <= 15 or i % max(len(days) // 10, 1) == 0:
                parts.append(f'<text x="{pad + i * slot:.1f}" y="{h - pad + 14}" font-size="9">{d[5:]}</text>')
        parts.append(f'<text x="{pad}" y="14" font-size="10">max {top}</text>')
    parts.append(f'<text x="{w - 200}" y="14" font-size="10" fill="{_COLORS["RU"]}">■ claimed by RU</text>'
                 f'<text x="{w - 110}" y="14" font-size="10" fill="{_COLORS["UA"]}">■ claimed by UA</text></svg>')
    return "".join(parts)


def _table(rows: list[list], header: list[str]) -> str:
    th = "".join(f"<th>{html.escape(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{html.escape('' if _blank(v) else str(v))}</td>" for v in r) + "</tr>"
                   for r in rows)
    return f"<table><thead><tr>{th}</tr></thead><tbody>{body}</tbody></table>"


def render_report(tables: dict[str, list[dict]]) -> str:
    incidents, claims = tables.get("incidents", []), tables.get("claims", [])
    regions = tables.get("incident_regions", [])
    rejects = tables.get("rejects", [])
    by_inc = defaultdict(list)
    for c in claims:
        by_inc[c.get("incident_id")].append(c)
    disputed = [i for i in incidents if str(i.get("disputed")).lower() == "true"]
    disputed.sort(key=lambda i: (i.get("event_date") or "", i["incident_id"]), reverse=True)
    dis_rows = []
    for inc in disputed[:15]:
        for c in sorted(by_inc[inc["incident_id"]], key=lambda c: (c.get("claimant_side") or "", c["claim_id"])):
            dis_rows.append([inc["incident_id"], inc.get("event_date"), inc.get("admin1") or inc.get("country_code"),
                             c.get("claimant"), c.get("claimant_side"), c.get("event_type"), c.get("weapon"),
                             c.get("launched"), c.get("intercepted"), c.get("target")])
    counts = [[name, len(tables.get(name, []))] for name in
              ("articles", "mentions", "claims", "incidents", "locations", "rejects")]
    reasons = Counter((r.get("stage"), r.get("reason")) for r in rejects)
    reason_rows = [[s, r, n] for (s, r), n in sorted(reasons.items(), key=lambda kv: (-kv[1], str(kv[0])))]
    unknown_geo = sum(1 for c in claims if c.get("geo_precision") == "unknown")
    undated = sum(1 for c in claims if _blank(c.get("event_date")))
    css = ("body{font-family:system-ui,sans-serif;margin:24px;color:#222;max-width:1100px}"
           "table{border-collapse:collapse;font-size:13px;margin:8px 0}td,th{border:1px solid #ccc;padding:3px 6px}"
           "th{background:#f3f3f3}h2{margin-top:28px}.legend span{margin-right:14px}")
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Air war claims — report</title>
<style>{css}</style></head><body>
<h1>Air war claims: incidents, claims and data quality</h1>
<p>{len(incidents)} incidents from {len(claims)} claims in {len(tables.get('articles', []))} articles.
Each side's claim is its own record; figures are claims, not verified facts.</p>
<h2>Map of incidents</h2>
<p class="legend"><span style="color:{_COLORS['RU']}">● attacker RU</span><span style="color:{_COLORS['UA']}">● attacker UA</span>
<span style="color:{_COLORS['']}">● attacker unknown</span> — one marker per region where a claim places a figure;
size grows with the region's claimed count. National totals are never drawn on a region: they are in the national panel.</p>
{_map_svg(incidents, regions)}
<h2>National totals (country-level incidents)</h2>
{national_panel(incidents)}
<h2>Incidents not on the map</h2>
{unplaced_list(incidents, regions)}
<h2>Claimed interceptions per day, by claimant side</h2>
<p>Each day adds the incidents' de-duplicated figures of each claimant side (the columns of the
incident table below): a regional count inside a national total, a breakdown row or a revised
figure is never added.</p>
{_chart_svg(incidents)}
<h2>Incidents</h2>
{incident_table(incidents)}
<h2>Latest disputed incidents</h2>
{_table(dis_rows, ["incident", "date", "where", "claimant", "side", "event", "weapon", "launched", "intercepted", "target"]) if dis_rows else "<p>No disputed incidents.</p>"}
<h2>Data quality</h2>
{_table(counts, ["table", "rows"])}
<p>Claims without a resolved place: {unknown_geo}; claims without an event date: {undated}.</p>
{_table(reason_rows, ["stage", "reason", "rows"]) if reason_rows else "<p>No rejects.</p>"}
</body></html>
"""


def write_files(out_dir: Path, tables: dict[str, list[dict]]) -> None:
    out_dir = Path(out_dir)
    io.write_text(out_dir / "incidents.geojson",
                  json.dumps(incidents_geojson(tables.get("incidents", []), tables.get("claims", [])),
                             ensure_ascii=False, indent=1, sort_keys=True) + "\n")
    io.write_text(out_dir / "incident_regions.geojson",
                  json.dumps(regions_geojson(tables.get("incident_regions", [])),
                             ensure_ascii=False, indent=1, sort_keys=True) + "\n")
    io.write_text(out_dir / "report.html", render_report(tables))


def write_all(processed_dir: Path) -> None:
    """Rebuild the ACLED export, GeoJSON and report from a publication's CSVs."""
    import pandas as pd

    processed_dir = Path(processed_dir)
    tables = {}
    for name in ("articles", "claims", "incidents", "incident_regions", "rejects", "mentions", "locations"):
        path = processed_dir / f"{name}.csv"
        if path.exists():
            df = pd.read_csv(path, dtype=str, keep_default_na=False)
            tables[name] = df.to_dict("records")
    io.write_table(processed_dir / "acled_export.csv", "acled_export", build_acled(tables.get("claims", [])))
    write_files(processed_dir, tables)
