"""Incidents for the map, the GeoJSON and the report, placed only where their claims place them.

* ``incidents_geojson``: one Point feature per incident that has a place, no null geometry.
  ``settlement``/``admin1`` incidents sit on their claims' point; ``country`` incidents (national
  totals) sit on the country's representative point (GeoNames' country coordinates) and carry
  ``geo_scope: country`` and ``representative_point: true``, so a national total is never drawn
  on a region. Incidents with no place at all are not features: the collection lists them in its
  foreign member ``unplaced_incidents`` with the reason.
* ``regions_geojson``: one Point feature per row of incident_regions (the per-region figures).
The report (``pipeline/dashboard``) counts with the same de-duplicated view
(``pipeline.incident_views``).
"""

from __future__ import annotations

from collections import defaultdict

from .incident_views import SIDE_FIELDS

#: GeoNames' representative coordinates of each country (lat, lon).
COUNTRY_POINT = {"UA": (49.0, 32.0), "RU": (60.0, 100.0), "BY": (53.0, 28.0)}


def _blank(v) -> bool:
    return v is None or v == "" or (isinstance(v, float) and v != v)


def _num(v):
    if _blank(v):
        return None
    f = float(v)
    return int(f) if f.is_integer() else f


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
