"""Pure preparation of the dashboard's data from the published tables.

``build(tables)`` takes the tables as ``render_report`` receives them (table name → list of
row dicts, values either typed — from the publish stage — or strings read back from the CSVs)
and returns plain JSON-able records for the charts and the HTML tables. Nothing here knows
about HTML or Vega.

Counting rules (so that no claimed figure is counted twice):
- a breakdown claim (``parent_claim_id``) whose parent has the same scope (same region, or the
  same country with no region) is already inside its parent's figure and is not counted again;
  a breakdown by region of a nationwide total counts in its region, the total in the national
  panel;
- claims with a region (``admin1_code``) shade the map; claims with a country and no region are
  nationwide figures (the national panel), never a point on one region;
- the time series and the national panel add the de-duplicated figures of each incident
  (``pipeline.incident_views``: a claim ``part_of`` another, a breakdown row or a revised figure
  is never added; per incident, side and weapon the largest country-level figure, else each
  region's largest), per day (the incident's date), claimant side and weapon class; the map
  shades a region with the largest figure per incident, side and weapon there.
"""

from __future__ import annotations

from collections import defaultdict
from urllib.parse import urlsplit

COUNTRY_NAMES = {"UA": "Ukraine", "RU": "Russia", "BY": "Belarus", "MD": "Moldova"}
SIDES = ("RU", "UA")
WEAPON_CLASS = {"drone": "drones", "missile": "missiles", "ballistic_missile": "missiles",
                "cruise_missile": "missiles", "glide_bomb": "aircraft & glide bombs",
                "aircraft": "aircraft & glide bombs", "rocket": "rockets & artillery",
                "artillery": "rockets & artillery"}
OTHER_WEAPONS = "other / unknown"
LATEST_CLAIMS = 1000


def s(v) -> str:
    """A cell as text: '' for missing (None, NaN, '')."""
    if v is None or (isinstance(v, float) and v != v):
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def n(v) -> int | None:
    text = s(v)
    if not text:
        return None
    try:
        return int(float(text))
    except ValueError:
        return None


def truthy(v) -> bool:
    return s(v).strip().lower() in {"true", "1", "yes"}


def weapon_class(weapon) -> str:
    return WEAPON_CLASS.get(s(weapon), OTHER_WEAPONS)


def side_of(claim: dict) -> str:
    side = s(claim.get("claimant_side"))
    return side if side in SIDES else "other"


def http_url(url: str) -> str | None:
    """``url`` when it is an absolute http(s) URL with a host, else None."""
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() in {"http", "https"} and parts.netloc and not any(c in url for c in "\"'<>` \t\r\n"):
        return url
    return None


def _typed(c: dict) -> dict:
    """A claim with the fields incident_views reads, blanks as None and counts as int."""
    out = {k: (s(c.get(k)) or None) for k in ("claim_id", "incident_id", "parent_claim_id", "part_of_claim_id",
                                               "revises_claim_id", "claimant_side", "event_type", "admin1",
                                               "admin1_code", "country_code", "event_date")}
    out["weapon"] = s(c.get("weapon")) or "unknown"
    for f in ("launched", "intercepted", "lost_to_ew", "hits"):
        out[f] = n(c.get(f))
    return out


def _by_incident(claims: list[dict]) -> dict[str, list[dict]]:
    """Typed claims per incident; a breakdown row whose total is present is ``part_of`` it."""
    typed = [_typed(c) for c in claims]
    ids = {c["claim_id"] for c in typed}
    groups: dict[str, list[dict]] = defaultdict(list)
    for c in typed:
        if not c["part_of_claim_id"] and c["parent_claim_id"] in ids:
            c["part_of_claim_id"] = c["parent_claim_id"]
        groups[c["incident_id"] or c["claim_id"]].append(c)
    return groups


def _figures(cs: list[dict], field: str = "intercepted") -> dict[tuple, int]:
    from ..incident_views import side_weapon_figures

    return side_weapon_figures(cs, field, sides=SIDES + ("other",))


def region_shading(claims: list[dict], incident_dates: dict[str, str] | None = None) -> list[dict]:
    """Claimed interceptions per (region, claimant side, date): per incident, side and weapon the
    largest figure claimed in the region, added over incidents and weapons."""
    acc: dict[tuple, int] = defaultdict(int)
    for cs in _by_incident(claims).values():
        day = (incident_dates or {}).get(cs[0]["incident_id"] or "")
        by_region: dict[tuple, list[dict]] = defaultdict(list)
        for c in cs:
            if c["event_type"] == "interception" and c["intercepted"] is not None and c["admin1_code"]:
                by_region[(c["admin1_code"], day or s(c["event_date"]))].append({**c, "part_of_claim_id": None})
        for (iso, date), rcs in by_region.items():
            for (side, _w), v in _figures(rcs).items():
                acc[(iso, side, date)] += v
    return [{"iso": iso, "side": side, "date": date, "intercepted": v}
            for (iso, side, date), v in sorted(acc.items())]


def national(claims: list[dict], incident_dates: dict[str, str] | None = None) -> list[dict]:
    """Nationwide figures (a country, no region) per (country, side, date): per incident the
    de-duplicated figures of its country-level claims."""
    acc: dict[tuple, list] = {}
    for cs in _by_incident(claims).values():
        nat = [c for c in cs if c["country_code"] and not c["admin1_code"] and not c["admin1"]]
        if not nat:
            continue
        day = (incident_dates or {}).get(nat[0]["incident_id"] or "") or min(
            (c["event_date"] for c in nat if c["event_date"]), default="")
        for side in sorted({side_of(c) for c in nat}):
            own = [c for c in nat if side_of(c) == side]
            for cc in sorted({c["country_code"] for c in own}):
                mine = [c for c in own if c["country_code"] == cc]
                row = acc.setdefault((COUNTRY_NAMES.get(cc, cc), side, day), [0, 0, 0, 0])
                row[0] += sum(1 for c in mine if not c["part_of_claim_id"])
                for i, field in enumerate(("launched", "intercepted", "hits"), start=1):
                    row[i] += sum(_figures(mine, field).values())
    return [{"country": k[0], "side": k[1], "date": k[2], "claims": v[0],
             "launched": v[1], "intercepted": v[2], "hits": v[3]} for k, v in sorted(acc.items())]


def daily_series(claims: list[dict], incident_dates: dict[str, str] | None = None) -> list[dict]:
    """Claimed interceptions per (day, claimant side, weapon class): the de-duplicated figures of
    each incident (the incident's date when known), added over incidents."""
    acc: dict[tuple, int] = defaultdict(int)
    for cs in _by_incident(claims).values():
        day = (incident_dates or {}).get(cs[0]["incident_id"] or "")
        by_day: dict[str, list[dict]] = defaultdict(list)
        for c in cs:
            if c["event_type"] == "interception" and (day or c["event_date"]):
                by_day[day or s(c["event_date"])].append(c)
        for d, dcs in by_day.items():
            for (side, w), v in _figures(dcs).items():
                acc[(d, side, weapon_class(w))] += v
    return [{"date": d, "side": side, "weapon": w, "intercepted": v} for (d, side, w), v in sorted(acc.items())]


def _where(row: dict) -> str:
    return s(row.get("admin1")) or COUNTRY_NAMES.get(s(row.get("country_code")), s(row.get("country_code")))


def points(incidents: list[dict]) -> list[dict]:
    out = []
    for inc in sorted(incidents, key=lambda r: s(r.get("incident_id"))):
        lat, lon = s(inc.get("latitude")), s(inc.get("longitude"))
        if not lat or not lon:
            continue
        size = max(n(inc.get("intercepted_high")) or 0, n(inc.get("launched_high")) or 0, 1)
        out.append({"id": s(inc.get("incident_id")), "date": s(inc.get("event_date")),
                    "lat": round(float(lat), 4), "lon": round(float(lon), 4),
                    "attacker": s(inc.get("attacker_side")) or "unknown", "sides": s(inc.get("sides_reporting")),
                    "weapon": s(inc.get("weapon")), "where": _where(inc), "size": size,
                    "launched": _range(inc, "launched"), "intercepted": _range(inc, "intercepted"),
                    "disputed": "yes" if truthy(inc.get("disputed")) else "no"})
    return out


def _range(inc: dict, field: str) -> str:
    lo, hi = n(inc.get(f"{field}_low")), n(inc.get(f"{field}_high"))
    if lo is None and hi is None:
        return ""
    return str(lo if lo is not None else hi) if lo == hi or hi is None or lo is None else f"{lo}–{hi}"


def unplaced(incidents: list[dict], claims_by_incident: dict[str, list[dict]]) -> list[dict]:
    """Incidents without coordinates, each with the reason it has none."""
    out = []
    for inc in incidents:
        if s(inc.get("latitude")) and s(inc.get("longitude")):
            continue
        claims = claims_by_incident.get(s(inc.get("incident_id")), [])
        texts = sorted({s(c.get("location_text")) for c in claims if s(c.get("location_text"))})
        cc = s(inc.get("country_code"))
        if s(inc.get("geo_scope")) == "country":
            where = COUNTRY_NAMES.get(cc, cc) or "several countries"
            reason = f"country-level: national totals of {where} (its regions' figures are on the map)"
        elif s(inc.get("admin1")):
            reason = "region without coordinates"
        elif cc and not texts:
            reason = f"country-level: {COUNTRY_NAMES.get(cc, cc)} nationwide"
        elif cc:
            reason = f"country-level: place not resolved below {COUNTRY_NAMES.get(cc, cc)}"
        elif texts:
            reason = "unresolved place"
        else:
            reason = "no place given"
        out.append({"id": s(inc.get("incident_id")), "date": s(inc.get("event_date")),
                    "sides": s(inc.get("sides_reporting")), "weapon": s(inc.get("weapon")),
                    "country": COUNTRY_NAMES.get(cc, cc), "reason": reason, "place_text": "; ".join(texts),
                    "launched": _range(inc, "launched"), "intercepted": _range(inc, "intercepted")})
    out.sort(key=lambda r: (r["date"] or "0000", r["id"]), reverse=True)
    return out


def _side_figures(claims: list[dict]) -> dict:
    """Highest launched / intercepted / hits among one side's claims (None when not given), and
    ``strike``: whether the side claims a hit at all (a strike claim, with or without a figure)."""
    out: dict = {}
    for field in ("launched", "intercepted", "hits"):
        values = [v for v in (n(c.get(field)) for c in claims) if v is not None]
        out[field] = max(values) if values else None
    out["strike"] = any(s(c.get("event_type")) == "strike" or (n(c.get("hits")) or 0) > 0 for c in claims)
    return out


def _given(figures: dict) -> bool:
    return bool(figures.get("strike")) or any(figures[f] is not None for f in ("launched", "intercepted", "hits"))


def _gap(ru: dict, ua: dict, field: str) -> int | None:
    if ru[field] is None or ua[field] is None:
        return None
    return ru[field] - ua[field]


def dispute_kind(ru: dict, ua: dict) -> str:
    """``outcome`` when one side claims a hit and the other only interceptions, ``numbers`` when
    both give the same figure with different values, else ``other``."""
    for a, b in ((ru, ua), (ua, ru)):
        if a.get("strike") and not b.get("strike") and b["intercepted"] is not None:
            return "outcome"
    if any(_gap(ru, ua, f) not in (None, 0) for f in ("launched", "intercepted", "hits")):
        return "numbers"
    return "other"


def disputed(incidents: list[dict], claims_by_incident: dict[str, list[dict]]) -> list[dict]:
    """Disputed incidents with each side's figures side by side and the gaps (RU − UA): those
    where both sides give a figure or claim a hit first, each group newest first."""
    out = []
    for inc in incidents:
        if not truthy(inc.get("disputed")):
            continue
        claims = claims_by_incident.get(s(inc.get("incident_id")), [])
        per_side = {side: _side_figures([c for c in claims if side_of(c) == side]) for side in SIDES}
        ru, ua = per_side["RU"], per_side["UA"]
        claimants = {side: sorted({s(c.get("claimant")) for c in claims if side_of(c) == side} - {""})
                     for side in SIDES}
        out.append({"id": s(inc.get("incident_id")), "date": s(inc.get("event_date")),
                    "where": _where(inc), "weapon": s(inc.get("weapon")), "sides": s(inc.get("sides_reporting")),
                    "ru": ru, "ua": ua, "ru_claimants": "; ".join(claimants["RU"]),
                    "ua_claimants": "; ".join(claimants["UA"]), "kind": dispute_kind(ru, ua),
                    "gap_launched": _gap(ru, ua, "launched"), "gap_intercepted": _gap(ru, ua, "intercepted"),
                    "gap_hits": _gap(ru, ua, "hits")})
    out.sort(key=lambda r: (r["date"] or "0000", r["id"]), reverse=True)
    out.sort(key=lambda r: not (_given(r["ru"]) and _given(r["ua"])))  # stable: both sides' figures first
    return out


def _sources(claim: dict, outlets_by_url: dict[str, str]) -> list[dict]:
    """Each source of a claim: ``{"text", "url"}`` with ``url`` only for http(s) URLs."""
    out = []
    for raw in sorted({u.strip() for u in s(claim.get("source_urls")).split("|") if u.strip()}):
        url = http_url(raw)
        label = outlets_by_url.get(raw) or (urlsplit(url).hostname if url else raw)
        out.append({"text": label or raw, "url": url})
    return out


def latest_claims(claims: list[dict], outlets_by_url: dict[str, str], sentences: dict[str, str]) -> list[dict]:
    """The most recent claims (by event date, then first publication), newest first."""
    def key(c: dict):
        return (s(c.get("event_date")) or s(c.get("first_published"))[:10] or "0000", s(c.get("claim_id")))

    out = []
    for c in sorted(claims, key=key, reverse=True)[:LATEST_CLAIMS]:
        first_mention = s(c.get("mention_ids")).split("|")[0]
        out.append({"id": s(c.get("claim_id")), "date": s(c.get("event_date")),
                    "published": s(c.get("first_published"))[:10], "claimant": s(c.get("claimant")),
                    "side": side_of(c), "event": s(c.get("event_type")), "weapon": s(c.get("weapon")),
                    "launched": n(c.get("launched")), "intercepted": n(c.get("intercepted")),
                    "hits": n(c.get("hits")),
                    "where": s(c.get("admin1")) or s(c.get("location_text")) or _where(c),
                    "sentence": sentences.get(first_mention, ""), "sources": _sources(c, outlets_by_url)})
    return out


def date_bounds(*row_lists: list[dict]) -> tuple[str, str]:
    dates = sorted({r["date"] for rows in row_lists for r in rows if r.get("date")})
    return (dates[0], dates[-1]) if dates else ("", "")


def build(tables: dict[str, list[dict]]) -> dict:
    """Everything the page shows, as JSON-able records."""
    incidents = list(tables.get("incidents") or [])
    claims = sorted(tables.get("claims") or [], key=lambda c: s(c.get("claim_id")))
    by_incident: dict[str, list[dict]] = defaultdict(list)
    for c in claims:
        by_incident[s(c.get("incident_id"))].append(c)
    # a claim's sources are article URLs, or source files for articles without one (a URL that
    # was not http(s) is left empty at ingest): both are labelled with the article's outlet
    outlets = {(s(a.get("url")) or s(a.get("source_file"))).strip(): s(a.get("outlet"))
               for a in tables.get("articles") or []
               if (s(a.get("url")) or s(a.get("source_file"))) and s(a.get("outlet"))}
    sentences = {s(m.get("mention_id")): s(m.get("sentence")) for m in tables.get("mentions") or []}
    dates = {s(i.get("incident_id")): s(i.get("event_date")) for i in incidents}
    model = {"shading": region_shading(claims, dates), "national": national(claims, dates),
             "series": daily_series(claims, dates),
             "points": points(incidents), "unplaced": unplaced(incidents, by_incident),
             "disputed": disputed(incidents, by_incident), "latest": latest_claims(claims, outlets, sentences)}
    model["date_min"], model["date_max"] = date_bounds(model["shading"], model["national"], model["series"],
                                                       model["points"], model["unplaced"], model["latest"])
    model["counts"] = {name: len(tables.get(name) or []) for name in
                       ("articles", "mentions", "claims", "incidents", "locations", "rejects")}
    model["quality"] = {"unknown_geo": sum(1 for c in claims if s(c.get("geo_precision")) == "unknown"),
                        "undated": sum(1 for c in claims if not s(c.get("event_date")))}
    reasons: dict[tuple, int] = defaultdict(int)
    for r in tables.get("rejects") or []:
        reasons[(s(r.get("stage")), s(r.get("reason")))] += 1
    model["rejects"] = [{"stage": k[0], "reason": k[1], "rows": v}
                        for k, v in sorted(reasons.items(), key=lambda kv: (-kv[1], kv[0]))]
    return model
