"""ACLED-compatible export: the published tables mapped onto ACLED's data columns (codebook
"ACLED Data Columns at a Glance", in ACLED's order), one row per event as ACLED counts events.

An ACLED event is one interaction at one place on one day; the pipeline's unit for that is the
**incident** (claims of both sides about one attack point to it). So each incident is one row,
and each side's claim about it is described in ``notes`` and marked in ``tags``
(``claimed by: RU``). Breakdown claims (a region's share of a country-wide total, a weapon's
share of a night's total) repeat their parent's figures: they are folded into the parent's row
(``notes``: "of which …") and never make a row of their own. ACLED's vocabularies are used
throughout; where the pipeline's data cannot fill a column honestly it is left empty
(``fatalities``: the pipeline extracts no fatality figures; ``admin2``/``admin3``: the gazetteer
has no second-level divisions). The README's "ACLED export" section is the mapping table.

``build_acled(tables)`` is pure: records of the published tables in → ACLED rows out.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from urllib.parse import urlsplit

#: The columns of ACLED's current codebook, in ACLED's order (also schemas/acled_export.yaml).
ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp")

#: ACLED actor names of the two state militaries.
ACTOR = {"RU": "Military Forces of Russia (2000-)", "UA": "Military Forces of Ukraine (2019-)"}
#: ISO 3166-1 alpha-3, numeric, ACLED country name, ACLED region.
COUNTRY = {"UA": ("UKR", 804, "Ukraine", "Europe"), "RU": ("RUS", 643, "Russia", "Europe"),
           "BY": ("BLR", 112, "Belarus", "Europe")}
STATE_FORCES = "State forces"
POLITICAL_MILITIA = "Political militia"   # ACLED's type for an Unidentified Armed Group
#: Weapons ACLED records as ``Air/drone strike``; the others (missiles, rockets, artillery) are
#: ``Shelling/artillery/missile attack``. ``mixed`` ranks with the air strike, which is higher in
#: ACLED's sub-event hierarchy.
AIR_WEAPONS = {"drone", "aircraft", "glide_bomb", "unknown", "mixed"}
TIME_PRECISION = {"day": 1, "night": 1, "week": 2, "month": 3, "unknown": 3}
GEO_PRECISION = {"site": 1, "settlement": 1, "admin2": 2, "admin1": 3, "country": 3, "unknown": 3}
_GEO_RANK = {"site": 0, "settlement": 1, "admin2": 2, "admin1": 3, "country": 4, "unknown": 5}
#: ACLED source scales in the order used when several apply (joined with ``-``).
SCALES = ("Local", "Subnational", "National", "Regional", "International", "New media", "Other")
#: A strike target naming civilians or their homes, schools or hospitals (any language).
_CIVILIAN = re.compile(r"\b(civilians?|residential|apartments?|dwellings?|houses?|homes?|hospitals?|"
                       r"schools?|habitations?|résidentiel\w*|civils?|жил\w*|житл\w*|мирн\w*|"
                       r"гражданск\w*|цивільн\w*)\b", re.I)
_FIGURES = (("launched", "launched"), ("intercepted", "intercepted"),
            ("lost_to_ew", "lost to electronic warfare"), ("hits", "hits"))


def _blank(v) -> bool:
    return v is None or v == "" or (isinstance(v, float) and v != v)


def _int(v) -> int | None:
    return None if _blank(v) else int(float(v))


def _s(v) -> str:
    return "" if _blank(v) else str(v)


def unix_time(published: str | None) -> int | None:
    """Unix time of a ``published`` value: a date (midnight UTC), a date-time (UTC when it has
    no offset) or a month (its first day); ``None`` when missing or unparseable."""
    s = _s(published).strip()
    if re.fullmatch(r"\d{4}-\d{2}", s):
        s += "-01"
    try:
        t = dt.datetime.fromisoformat(s.replace("Z", "+00:00"))
    except ValueError:
        return None
    if t.tzinfo is None:
        t = t.replace(tzinfo=dt.timezone.utc)
    return int(t.timestamp())


def source_scale(kind: str | None, side: str | None) -> str:
    """ACLED source scale of one outlet from its registry entry: an official channel of a party
    to the conflict is ``Other`` (ACLED's scale for reports by armed actors); a channel group or
    aggregator is ``New media``; a newsroom of either side is ``National``, anyone else's
    ``International``; an outlet not in the registry is ``Other``."""
    if kind is None:
        return "Other"
    if kind == "official_channel":
        return "Other"
    if kind in ("group", "aggregator"):
        return "New media"
    return "National" if side in ("RU", "UA") else "International"


def _outlet_info(article: dict) -> tuple[str, str]:
    """(outlet name, ACLED source scale) of an article: the registry's name when it knows the
    outlet, else the outlet as given, else the URL's host."""
    from .extract import outlets

    outlet, url = _s(article.get("outlet")), _s(article.get("url"))
    match = outlets.lookup(outlet or None, url or None) if (outlet or url) else None
    if match is not None and match.how != "pattern":
        return match.outlet.name, source_scale(match.outlet.kind, match.outlet.side)
    name = outlet or (urlsplit(url).hostname or "" if url.startswith(("http://", "https://")) else "")
    return name, source_scale(match.outlet.kind if match else None, match.outlet.side if match else None)


def _claim_text(c: dict) -> str:
    parts = [f"{v} {label}" for key, label in _FIGURES if (v := _int(c.get(key))) is not None]
    weapon = _s(c.get("weapon")) or "unknown"
    model = f" ({c['weapon_model']})" if _s(c.get("weapon_model")) else ""
    what = {"interception": "interception", "strike": "strike", "attack": "launch"}.get(
        _s(c.get("event_type")), "event")
    target = f", target: {c['target']}" if _s(c.get("target")) else ""
    return (f"{c.get('claimant_side')} claim ({_s(c.get('claimant')) or 'unnamed'}): {what} of "
            f"{weapon}{model}, {'; '.join(parts) if parts else 'no figures'}{target}")


def _share(c: dict) -> str:
    what = _s(c.get("admin1")) or _s(c.get("location_text")) or _s(c.get("weapon")) or "part"
    figs = [f"{v} {label}" for key, label in _FIGURES if (v := _int(c.get(key))) is not None]
    return f"{what}: {', '.join(figs) if figs else 'no figures'}"


def _notes(inc: dict, top: list[dict], parts: dict[str, list[dict]], where: str) -> str:
    date = _s(inc.get("event_date")) or "an unknown date"
    sentences = [f"On {date}, at or over {where}: claims of each side, not verified."]
    for c in top:
        line = _claim_text(c)
        subs = parts.get(c["claim_id"], [])
        if subs:
            line += f" (of which: {'; '.join(_share(s) for s in subs)})"
        sentences.append(line + ".")
    return " ".join(sentences)


def _tags(inc: dict, top: list[dict]) -> str:
    tags = [f"claimed by: {side}" for side in sorted({_s(c.get("claimant_side")) for c in top})]
    tags.append(f"incident_id: {inc['incident_id']}")
    if str(inc.get("disputed")).lower() == "true":
        tags.append("disputed")
    for model in sorted({m for c in top for m in _s(c.get("weapon_model")).split("|") if m}):
        tags.append(f"weapon model: {model}")
    for q in sorted({_s(c.get("count_qualifier")) for c in top} - {""}):
        tags.append(f"count: {q}")
    if top and all(str(c.get("ambiguous")).lower() == "true" for c in top):
        tags.append("ambiguous")
    return "; ".join(tags)


def _event_kind(top: list[dict], weapon: str) -> tuple[str, str, str]:
    """(disorder_type, event_type, sub_event_type): any claimed strike, hit or launch-only attack
    makes an Explosions/Remote violence event (above Strategic developments in ACLED's
    hierarchy); interceptions alone are Disrupted weapons use."""
    violent = any(c.get("event_type") in ("strike", "attack") or (_int(c.get("hits")) or 0) > 0
                  for c in top)
    if not violent:
        return "Strategic developments", "Strategic developments", "Disrupted weapons use"
    sub = "Air/drone strike" if weapon in AIR_WEAPONS else "Shelling/artillery/missile attack"
    return "Political violence", "Explosions/Remote violence", sub


def _actors(attacker: str, country_code: str) -> dict:
    """actor1 is the side that launched the weapons, actor2 the defending side. Unknown attacker:
    the defending forces of the country it happened in act alone (an interception is then a
    one-sided Disrupted weapons use event)."""
    if attacker in ACTOR:
        defender = "UA" if attacker == "RU" else "RU"
        return {"actor1": ACTOR[attacker], "inter1": STATE_FORCES, "actor2": ACTOR[defender],
                "inter2": STATE_FORCES, "interaction": f"{STATE_FORCES}-{STATE_FORCES}"}
    if country_code in ACTOR:
        return {"actor1": ACTOR[country_code], "inter1": STATE_FORCES, "actor2": None,
                "inter2": None, "interaction": f"{STATE_FORCES} only"}
    return {"actor1": "Unidentified Armed Group", "inter1": POLITICAL_MILITIA, "actor2": None,
            "inter2": None, "interaction": f"{POLITICAL_MILITIA} only"}


def _place(inc: dict, claims: list[dict], locations: dict[str, dict], cname: str) -> dict:
    """The place of the most precise claim, all columns from that one place so they agree:
    the gazetteer's English name (the region or country name when nothing finer is known), its
    region and coordinates; the incident's own fields fill what the claim lacks."""
    best = min(claims, key=lambda c: (_GEO_RANK.get(_s(c.get("geo_precision")) or "unknown", 5),
                                      c["claim_id"]), default={})
    loc = locations.get(_s(best.get("location_id")), {})
    precision = _s(best.get("geo_precision")) or "unknown"
    admin1 = _s(loc.get("admin1")) or _s(best.get("admin1")) or _s(inc.get("admin1"))
    lat, lon = best.get("latitude"), best.get("longitude")
    if _blank(lat) or _blank(lon):
        lat, lon = inc.get("latitude"), inc.get("longitude")
    return {"admin1": admin1 or None, "location": _s(loc.get("name")) or admin1 or cname or None,
            "latitude": None if _blank(lat) or _blank(lon) else round(float(lat), 4),
            "longitude": None if _blank(lat) or _blank(lon) else round(float(lon), 4),
            "geo_precision": GEO_PRECISION.get(precision, 3)}


def _index(tables: dict[str, list[dict]]):
    articles = {a["article_id"]: a for a in tables.get("articles", [])}
    by_claim: dict[str, set[str]] = defaultdict(set)
    for m in tables.get("mentions", []):
        by_claim[m.get("claim_id")].add(m.get("article_id"))
    locations = {loc["location_id"]: loc for loc in tables.get("locations", [])}
    return articles, by_claim, locations


def _split(claims: list[dict]) -> tuple[dict[str, list[dict]], dict[str, list[dict]]]:
    """Claims grouped by incident (only those that are not breakdown rows) and breakdown rows
    grouped by their parent claim. A row whose parent is not published counts as a total."""
    ids = {c["claim_id"] for c in claims}
    top: dict[str, list[dict]] = defaultdict(list)
    parts: dict[str, list[dict]] = defaultdict(list)
    for c in sorted(claims, key=lambda c: c["claim_id"]):
        parent = _s(c.get("parent_claim_id"))
        if parent and parent in ids:
            parts[parent].append(c)
        else:
            top[c.get("incident_id")].append(c)
    return top, parts


def _sources(claims: list[dict], by_claim, articles) -> tuple[str, str, int | None]:
    names, scales, times = set(), set(), []
    for c in claims:
        for aid in by_claim.get(c["claim_id"], ()):
            a = articles.get(aid)
            if a is None:
                continue
            name, scale = _outlet_info(a)
            if name:
                names.add(name)
            scales.add(scale)
            if (t := unix_time(a.get("published"))) is not None:
                times.append(t)
    scale = "-".join(s for s in SCALES if s in scales)
    return "; ".join(sorted(names)), scale, max(times) if times else None


def build_acled(tables: dict[str, list[dict]]) -> list[dict]:
    """One ACLED row per incident that has at least one claim that is not a breakdown row."""
    articles, by_claim, locations = _index(tables)
    top, parts = _split(tables.get("claims", []))
    rows = []
    for inc in sorted(tables.get("incidents", []), key=lambda r: r["incident_id"]):
        claims = top.get(inc["incident_id"], [])
        if not claims:
            continue  # only breakdown rows: their figures are in the parent's event
        claims.sort(key=lambda c: (_s(c.get("claimant_side")), c["claim_id"]))
        everything = claims + [s for c in claims for s in parts.get(c["claim_id"], [])]
        cc = _s(inc.get("country_code"))
        iso3, isonum, cname, region = COUNTRY.get(cc, ("XXX", None, "", ""))
        disorder, etype, sub = _event_kind(claims, _s(inc.get("weapon")) or "unknown")
        place = _place(inc, claims, locations, cname)
        source, scale, stamp = _sources(everything, by_claim, articles)
        date = _s(inc.get("event_date"))
        civilian = any(_CIVILIAN.search(_s(c.get("target"))) for c in everything
                       if c.get("event_type") == "strike")
        rows.append({
            "event_id_cnty": f"{iso3}-{inc['incident_id']}",
            "event_date": date or None, "year": int(date[:4]) if date else None,
            "time_precision": TIME_PRECISION.get(_s(inc.get("date_precision")) or "unknown", 3),
            "disorder_type": disorder, "event_type": etype, "sub_event_type": sub,
            **_actors(_s(inc.get("attacker_side")), cc),
            "assoc_actor_1": None, "assoc_actor_2": None,
            "civilian_targeting": "Civilians targeted" if civilian and etype != "Strategic developments" else None,
            "iso": isonum, "region": region or None, "country": cname or None,
            "admin1": place["admin1"], "admin2": None, "admin3": None,
            "location": place["location"], "latitude": place["latitude"],
            "longitude": place["longitude"], "geo_precision": place["geo_precision"],
            "source": source or None, "source_scale": scale or None,
            "notes": _notes(inc, claims, parts, place["location"] or "an unresolved place"),
            "fatalities": None, "tags": _tags(inc, claims), "timestamp": stamp,
        })
    return rows
