"""Incidents for the map, the GeoJSON and the report, placed only where their claims place them.

* ``incidents_geojson``: one Point feature per incident that has a place, no null geometry.
  ``settlement``/``admin1`` incidents sit on their claims' point; ``country`` incidents (national
  totals) sit on the country's representative point (GeoNames' country coordinates) and carry
  ``geo_scope: country`` and ``representative_point: true``, so a national total is never drawn
  on a region. Incidents with no place at all are not features: the collection lists them in its
  foreign member ``unplaced_incidents`` with the reason.
* ``regions_geojson``: one Point feature per row of incident_regions (the per-region figures).
* the report's map draws the incident_regions rows (region figures where the claims put them);
  country totals go to the national panel; every incident without a point on the map is listed
  with its reason; the daily chart adds the incidents' de-duplicated per-side figures
  (:func:`pipeline.incident_views.daily_totals`), the same numbers as the incident table.
"""

from __future__ import annotations

import html
from collections import defaultdict

from .incident_views import SIDE_FIELDS, daily_totals

#: GeoNames' representative coordinates of each country (lat, lon).
COUNTRY_POINT = {"UA": (49.0, 32.0), "RU": (60.0, 100.0), "BY": (53.0, 28.0)}
_SIDE_COLS = ("launched", "intercepted", "lost_to_ew", "hits")


def _blank(v) -> bool:
    return v is None or v == "" or (isinstance(v, float) and v != v)


def _num(v):
    if _blank(v):
        return None
    f = float(v)
    return int(f) if f.is_integer() else f


def _bool(v) -> bool:
    return str(v).lower() == "true"


def _point(lat, lon) -> dict:
    return {"type": "Point", "coordinates": [round(float(lon), 5), round(float(lat), 5)]}


def _props(row: dict, ints: tuple[str, ...] = ()) -> dict:
    out = {}
    for k, v in row.items():
        if _blank(v):
            out[k] = None
        elif k in ints:
            out[k] = _num(v)
        elif isinstance(v, str) and v.lower() in ("true", "false"):
            out[k] = v.lower() == "true"
        else:
            out[k] = v
    return out


_INC_INTS = ("n_claims", "launched_low", "launched_high", "intercepted_low", "intercepted_high",
             "launched_gap", "intercepted_gap") + SIDE_FIELDS


def unplaced_reason(inc: dict) -> str | None:
    """Why an incident has no point of its own, or None when it has one."""
    if not _blank(inc.get("latitude")) and not _blank(inc.get("longitude")):
        return None
    scope = inc.get("geo_scope") or "unknown"
    if scope == "country":
        return "country-level: national totals, shown in the national panel"
    if scope in ("admin1", "settlement"):
        return "region without coordinates"
    return "no resolved place"


def incidents_geojson(incidents: list[dict], claims: list[dict]) -> dict:
    """FeatureCollection of incidents with flat properties (the incident row, per-side figures
    included, plus ``claim_ids`` and ``representative_point``); see the module docstring."""
    ids_of: dict[str, list[str]] = defaultdict(list)
    for c in claims:
        ids_of[c.get("incident_id")].append(c["claim_id"])
    features, unplaced = [], []
    for inc in sorted(incidents, key=lambda r: r["incident_id"]):
        props = _props(inc, _INC_INTS)
        props["claim_ids"] = "|".join(sorted(ids_of.get(inc["incident_id"], [])))
        if not _blank(inc.get("latitude")) and not _blank(inc.get("longitude")):
            geom, rep = _point(inc["latitude"], inc["longitude"]), False
        elif (inc.get("geo_scope") == "country" and inc.get("country_code") in COUNTRY_POINT):
            geom, rep = _point(*COUNTRY_POINT[inc["country_code"]]), True
        else:
            unplaced.append({"incident_id": inc["incident_id"], "reason": "no resolved place"
                             if inc.get("geo_scope") != "country" else "several countries"})
            continue
        props["representative_point"] = rep
        features.append({"type": "Feature", "id": inc["incident_id"], "geometry": geom, "properties": props})
    return {"type": "FeatureCollection", "features": features, "unplaced_incidents": unplaced}


def regions_geojson(regions: list[dict]) -> dict:
    """FeatureCollection of incident_regions rows that have coordinates (the rest are listed in
    ``unplaced_regions``)."""
    features, unplaced = [], []
    for r in sorted(regions, key=lambda r: (r["incident_id"], r["region_key"])):
        fid = f"{r['incident_id']}/{r['region_key']}"
        if _blank(r.get("latitude")) or _blank(r.get("longitude")):
            unplaced.append({"id": fid, "reason": "region without coordinates"})
            continue
        features.append({"type": "Feature", "id": fid, "geometry": _point(r["latitude"], r["longitude"]),
                         "properties": _props(r, ("n_claims",) + SIDE_FIELDS)})
    return {"type": "FeatureCollection", "features": features, "unplaced_regions": unplaced}


# ----------------------------------------------------------------------------- report pieces

def map_points(incidents: list[dict], regions: list[dict]) -> list[dict]:
    """What the map draws: one point per incident_regions row with coordinates (a figure is
    drawn only where its claim places it), coloured by the incident's attacker."""
    by_id = {i["incident_id"]: i for i in incidents}
    pts = []
    for r in sorted(regions, key=lambda r: (r["incident_id"], r["region_key"])):
        if _blank(r.get("latitude")) or _blank(r.get("longitude")):
            continue
        inc = by_id.get(r["incident_id"], {})
        n = max([_num(r.get(f)) or 0 for f in SIDE_FIELDS] + [1])
        pts.append({"incident_id": r["incident_id"], "latitude": float(r["latitude"]),
                    "longitude": float(r["longitude"]), "size": n,
                    "attacker_side": inc.get("attacker_side") or "",
                    "label": f"{r['incident_id']} {inc.get('event_date') or ''} {r.get('admin1') or r['region_key']}"
                             f"{' (inside the national total)' if _bool(r.get('within_national_total')) else ''}"})
    return pts


def _cell(v) -> str:
    return html.escape("" if _blank(v) else str(_num(v) if isinstance(v, (int, float)) else v))


def _table(rows: list[list], header: list[str], cls: str) -> str:
    th = "".join(f"<th>{html.escape(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{_cell(v)}</td>" for v in r) + "</tr>" for r in rows)
    return f'<table class="{cls}"><thead><tr>{th}</tr></thead><tbody>{body}</tbody></table>'


def _side_cells(inc: dict) -> list:
    return [inc.get(f"{s}_{f}") for s in ("ru", "ua") for f in _SIDE_COLS]


_SIDE_HEAD = [f"{s} {f.replace('_', ' ')}" for s in ("RU", "UA") for f in _SIDE_COLS]


def national_panel(incidents: list[dict]) -> str:
    """Country-scope incidents: their national totals, per claimant side."""
    rows = [[i["incident_id"], i.get("event_date"), i.get("country_code") or "several", i.get("attacker_side"),
             i.get("weapon"), *_side_cells(i), i.get("dispute_kind")]
            for i in sorted(incidents, key=lambda i: (str(i.get("event_date") or ""), i["incident_id"]), reverse=True)
            if i.get("geo_scope") == "country"]
    if not rows:
        return "<p>No country-level incidents.</p>"
    return _table(rows, ["incident", "date", "country", "attacker", "weapon", *_SIDE_HEAD, "dispute"], "national")


def unplaced_list(incidents: list[dict], regions: list[dict]) -> str:
    """Every incident with no point on the map, with the reason."""
    drawn = {p["incident_id"] for p in map_points(incidents, regions)}
    rows = []
    for i in sorted(incidents, key=lambda i: i["incident_id"]):
        if i["incident_id"] in drawn:
            continue
        reason = unplaced_reason(i) or "no region row with coordinates"
        rows.append([i["incident_id"], i.get("event_date"), i.get("geo_scope"), i.get("country_code"), reason])
    if not rows:
        return "<p>Every incident has a point on the map.</p>"
    return _table(rows, ["incident", "date", "scope", "country", "why it is not on the map"], "unplaced")


def incident_table(incidents: list[dict]) -> str:
    """All incidents with their de-duplicated per-side figures (the chart's numbers)."""
    rows = [[i["incident_id"], i.get("event_date"), i.get("geo_scope"),
             i.get("admin1") or i.get("country_code"), i.get("attacker_side"), i.get("weapon"),
             *_side_cells(i), i.get("dispute_kind")]
            for i in sorted(incidents, key=lambda i: (str(i.get("event_date") or ""), i["incident_id"]), reverse=True)]
    if not rows:
        return "<p>No incidents.</p>"
    return _table(rows, ["incident", "date", "scope", "where", "attacker", "weapon", *_SIDE_HEAD, "dispute"],
                  "incidents")


def chart_days(incidents: list[dict], last: int = 60) -> dict[str, dict[str, int]]:
    """The daily chart's data: claimed interceptions per day and claimant side, from the
    incidents' de-duplicated per-side figures (the last ``last`` days with data)."""
    totals = {d: v for d, v in daily_totals(incidents).items() if any(v.values())}
    return {d: totals[d] for d in sorted(totals)[-last:]}
