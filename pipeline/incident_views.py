"""Incident geography, per-side figures and the de-duplicated view (records in → records out).

Called by :func:`pipeline.reconcile.reconcile` once the claims are linked into incidents. The
rules are written up in README.md ("Where an incident is" and "How totals are computed"):

* **part_of.** A claim whose figures lie inside another claim's total for the same incident is
  ``part_of`` it: a breakdown row (``parent_claim_id``), or a regional claim of the same side,
  event type and weapon class whose every count is at most the country-level claim's count
  (a governor's 12 drones over his region inside the ministry's 41 over Russia). Such a claim
  is never added to anything.
* **scope.** ``geo_scope`` is ``settlement`` or ``admin1`` when every placed claim of the
  incident is in one region (or one sea); ``country`` when the incident holds a country-level
  total or claims in several regions (the region figures are then in ``incident_regions``,
  never on the incident); ``unknown`` when no claim is placed at all. A country-scope incident
  has no ``admin1`` and no coordinates.
* **per side.** ``ru_*``/``ua_*``: one figure per claimant side from its headline claims (not
  ``part_of``, not revised by a later claim): per weapon class, the largest country-level
  figure, else the sum over regions of each region's largest; then the sum over weapon classes.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any, Iterable

from .reconcile import (
    _GEO_RANK, _MISSILES, COUNT_FIELDS, _date, _most_common, _place_kind, _weapons_compatible,
    place_key,
)

SIDES = ("RU", "UA")
SIDE_FIELDS = tuple(f"{s.lower()}_{f}" for s in SIDES for f in COUNT_FIELDS)
GAP_FIELDS = ("launched_gap", "intercepted_gap")
#: Columns of incident_regions.csv (schemas/incident_regions.yaml), in order.
REGION_COLUMNS = (
    "incident_id", "region_key", "admin1", "admin1_code", "country_code", "latitude", "longitude",
    "geo_precision", "n_claims", "sides_reporting") + SIDE_FIELDS + (
    "within_national_total", "claim_ids")


def _regional(c: dict) -> bool:
    return _place_kind(place_key(c)) == "region"


def _counts(c: dict) -> dict[str, int]:
    return {f: c[f] for f in COUNT_FIELDS if c.get(f) is not None}


def _fits_inside(child: dict, total: dict) -> bool:
    """Every count the child gives is given by the total and is not larger."""
    cc, tc = _counts(child), _counts(total)
    return bool(cc) and all(f in tc and v <= tc[f] for f, v in cc.items())


def _can_contain(total: dict, c: dict) -> bool:
    if _regional(total) or not _regional(c) or total["claim_id"] == c["claim_id"]:
        return False
    if (total["claimant_side"] != c["claimant_side"] or total["event_type"] != c["event_type"]
            or total.get("part_of_claim_id")):
        return False
    if total["weapon"] != c["weapon"] and not (
            c["weapon"] == "unknown" or (total["weapon"] in _MISSILES and c["weapon"] in _MISSILES
                                         and _weapons_compatible(total["weapon"], c["weapon"]))):
        return False
    ta, ca = total.get("attacker_side"), c.get("attacker_side")
    if ta and ca and ta != ca:
        return False
    tcc, ccc = total.get("country_code"), c.get("country_code")
    if tcc and ccc and tcc != ccc:
        return False
    return _fits_inside(c, total)


def link_part_of(cs: list[dict]) -> None:
    """Set ``part_of_claim_id`` on the claims of one incident (in place)."""
    ids = {c["claim_id"] for c in cs}
    for c in cs:
        c["part_of_claim_id"] = c.get("parent_claim_id") if c.get("parent_claim_id") in ids else None
    totals = [c for c in cs if not _regional(c) and not c.get("parent_claim_id")]
    for c in sorted(cs, key=lambda c: c["claim_id"]):
        if c["part_of_claim_id"] or not _counts(c):
            continue
        inside = [t for t in totals if _can_contain(t, c)]
        if inside:
            c["part_of_claim_id"] = min(inside, key=lambda t: (_GEO_RANK.get(t["geo_precision"], 6),
                                                               t["claim_id"]))["claim_id"]


def headline(cs: list[dict]) -> list[dict]:
    """Claims that count: not part of another claim's total, not revised by a later claim."""
    revised = {c.get("revises_claim_id") for c in cs if c.get("revises_claim_id")}
    return [c for c in cs if not c.get("part_of_claim_id") and c["claim_id"] not in revised]


def side_weapon_figures(cs: list[dict], field: str, sides: Iterable[str] = SIDES) -> dict[tuple, int]:
    """(claimant side, weapon class) → the de-duplicated figure of one field over the headline
    claims: the largest country-level figure, else the sum of each region's largest. A claim of
    unknown weapon joins the side's only known class."""
    out: dict[tuple, int] = {}
    top = headline(cs)
    for side in sides:
        own = [c for c in top if c["claimant_side"] == side]
        known = {c["weapon"] for c in own if c["weapon"] != "unknown"}
        fold = next(iter(known)) if len(known) == 1 else None
        by_weapon: dict[str, list[dict]] = defaultdict(list)
        for c in own:
            if c.get(field) is not None:
                by_weapon[fold if (c["weapon"] == "unknown" and fold) else c["weapon"]].append(c)
        for w, group in by_weapon.items():
            national = [c[field] for c in group if not _regional(c)]
            if national:
                out[(side, w)] = max(national)
                continue
            per_region: dict[str, int] = {}
            for c in group:
                k = place_key(c)
                per_region[k] = max(per_region.get(k, 0), c[field])
            out[(side, w)] = sum(per_region.values())
    return out


def side_figures(cs: list[dict]) -> dict[str, int | None]:
    """``ru_launched`` … ``ua_hits`` of a set of claims (see the module docstring)."""
    out: dict[str, int | None] = {k: None for k in SIDE_FIELDS}
    for f in COUNT_FIELDS:
        for (side, _w), v in side_weapon_figures(cs, f).items():
            key = f"{side.lower()}_{f}"
            out[key] = (out[key] or 0) + v
    return out


def _concedes_leak(c: dict) -> bool:
    """An interception claim that itself says some weapons got through (72 of 131)."""
    return (c["launched"] is not None and c["intercepted"] is not None
            and c["launched"] > c["intercepted"] + (c["lost_to_ew"] or 0))


def dispute_kind(cs: list[dict]) -> str:
    """``none``, ``outcome`` (one side claims a hit, the other an interception conceding
    nothing), ``numbers`` (the sides give different launched/intercepted for the same place and
    weapon class) or ``both``."""
    strikes = [c for c in cs if c["event_type"] == "strike" or (c["hits"] or 0) > 0]
    denials = [c for c in cs if c["event_type"] == "interception" and not _concedes_leak(c)]
    outcome = any(s["claimant_side"] != d["claimant_side"] for s in strikes for d in denials)
    numbers = False
    for i, a in enumerate(cs):
        for b in cs[i + 1:]:
            if (a["claimant_side"] != b["claimant_side"] and place_key(a) == place_key(b)
                    and a["weapon"] == b["weapon"] and a["weapon"] != "unknown"
                    and any(a[f] is not None and b[f] is not None and a[f] != b[f]
                            for f in ("launched", "intercepted"))):
                numbers = True
    return {(False, False): "none", (True, False): "outcome", (False, True): "numbers",
            (True, True): "both"}[(outcome, numbers)]


def _gaps(fig: dict) -> dict[str, int | None]:
    out = {}
    for f in ("launched", "intercepted"):
        a, b = fig[f"ru_{f}"], fig[f"ua_{f}"]
        out[f"{f}_gap"] = abs(a - b) if a is not None and b is not None else None
    return out


def _count_range(cs: list[dict], field: str) -> tuple:
    """Low/high of one figure across the incident's claims that are not part of another's
    total (revised figures stay in: they widen the range): only the coarsest place grain, then
    the weapon group with the most claims (a 2-missile row never spans 49 drones)."""
    cand = [c for c in cs if c[field] is not None and not c.get("part_of_claim_id")]
    if not cand:
        return None, None
    if not all(_regional(c) for c in cand):
        cand = [c for c in cand if not _regional(c)]
    groups: dict[str, list[int]] = defaultdict(list)
    for c in cand:
        groups[c["weapon"] or "unknown"].append(c[field])
    vals = groups[min(groups, key=lambda w: (-len(groups[w]), -max(groups[w]), w))]
    return min(vals), max(vals)


def _weapon(cs: list[dict]) -> str:
    known = {c["weapon"] for c in cs if c["weapon"] and c["weapon"] != "unknown"}
    if not known:
        return "unknown"
    if len(known) == 1:
        return next(iter(known))
    if known <= _MISSILES and "missile" in known and len(known) == 2:
        return next(iter(known - {"missile"}))
    return "mixed"


def _geo_rank(c: dict) -> tuple:
    return (_GEO_RANK.get(c["geo_precision"] or "unknown", 6), c["claim_id"])


def _geography(cs: list[dict]) -> dict[str, Any]:
    regions = {place_key(c) for c in cs if _regional(c)}
    national = [c for c in cs if not _regional(c)]
    countries = {c["country_code"] for c in cs if c["country_code"]}
    out = {"geo_scope": "unknown", "admin1": None, "admin1_code": None,
           "country_code": next(iter(countries)) if len(countries) == 1 else None,
           "latitude": None, "longitude": None}
    placed_national = [c for c in national if c["country_code"]]
    if len(regions) == 1 and not national:
        region = next(iter(regions))
        rc = min((c for c in cs if place_key(c) == region), key=_geo_rank)
        point = next((c for c in sorted(cs, key=_geo_rank)
                      if place_key(c) == region and c["latitude"] is not None
                      and c["longitude"] is not None), None)
        scope = "settlement" if point and point["geo_precision"] in ("site", "settlement") else "admin1"
        out.update(geo_scope=scope, admin1=rc["admin1"], admin1_code=rc["admin1_code"],
                   country_code=out["country_code"] or rc["country_code"],
                   latitude=point["latitude"] if point else None,
                   longitude=point["longitude"] if point else None)
    elif regions or placed_national or out["country_code"]:
        out["geo_scope"] = "country"
    return out


def incident_row(iid: str, cs: list[dict]) -> dict:
    """One incidents.csv row from its claims (which already carry ``part_of_claim_id``)."""
    dated = sorted((c["event_date"], c["claim_id"]) for c in cs if _date(c["event_date"]))
    event_date = dated[0][0] if dated else None
    precision = (_most_common((c["date_precision"] for c in cs if c["event_date"] == event_date),
                              ("night", "day", "week", "month", "unknown")) if event_date else "unknown")
    attackers = {c["attacker_side"] for c in cs if c["attacker_side"]}
    lo_l, hi_l = _count_range(cs, "launched")
    lo_i, hi_i = _count_range(cs, "intercepted")
    figures = side_figures(cs)
    kind = dispute_kind(cs)
    geo = _geography(cs)
    return {
        "incident_id": iid, "event_date": event_date, "date_precision": precision or "unknown",
        "attacker_side": next(iter(attackers)) if len(attackers) == 1 else None,
        "weapon": _weapon(cs), "admin1": geo["admin1"], "admin1_code": geo["admin1_code"],
        "country_code": geo["country_code"], "latitude": geo["latitude"],
        "longitude": geo["longitude"], "n_claims": len(cs),
        "sides_reporting": "|".join(sorted({c["claimant_side"] for c in cs if c["claimant_side"]})),
        "launched_low": lo_l, "launched_high": hi_l,
        "intercepted_low": lo_i, "intercepted_high": hi_i,
        "disputed": kind != "none", "geo_scope": geo["geo_scope"],
        **figures, "dispute_kind": kind, **_gaps(figures),
    }


def region_rows(iid: str, cs: list[dict]) -> list[dict]:
    """incident_regions.csv rows of one incident: one per region (or sea) a claim places."""
    by_region: dict[str, list[dict]] = defaultdict(list)
    for c in cs:
        if _regional(c):
            by_region[place_key(c)].append(c)
    by_id = {c["claim_id"]: c for c in cs}
    rows = []
    for key in sorted(by_region):
        rcs = by_region[key]
        rc = min(rcs, key=_geo_rank)
        pts = [c for c in sorted(rcs, key=_geo_rank) if c["latitude"] is not None and c["longitude"] is not None]
        counted = [c for c in rcs if _counts(c)]
        within = bool(counted) and all(_inside_national(c, by_id) for c in counted)
        rows.append({
            "incident_id": iid, "region_key": key, "admin1": rc["admin1"],
            "admin1_code": rc["admin1_code"], "country_code": rc["country_code"],
            "latitude": pts[0]["latitude"] if pts else None,
            "longitude": pts[0]["longitude"] if pts else None,
            "geo_precision": pts[0]["geo_precision"] if pts else rc["geo_precision"],
            "n_claims": len(rcs),
            "sides_reporting": "|".join(sorted({c["claimant_side"] for c in rcs if c["claimant_side"]})),
            **_region_figures(rcs), "within_national_total": within,
            "claim_ids": "|".join(sorted(c["claim_id"] for c in rcs)),
        })
    return rows


def _inside_national(c: dict, by_id: dict[str, dict]) -> bool:
    """A claim whose chain of totals ends in a country-level claim."""
    seen = set()
    p = c.get("part_of_claim_id")
    while p and p in by_id and p not in seen:
        seen.add(p)
        if not _regional(by_id[p]):
            return True
        p = by_id[p].get("part_of_claim_id")
    return False


def _region_figures(rcs: list[dict]) -> dict[str, int | None]:
    """Per-side figures of one region's claims: the region's own largest figure per side and
    weapon class (part_of only matters against claims of other places)."""
    ids = {c["claim_id"] for c in rcs}
    local = [{**c, "part_of_claim_id": c["part_of_claim_id"] if c.get("part_of_claim_id") in ids else None}
             for c in rcs]
    return side_figures(local)


def build(members_of: dict[str, list[dict]]) -> tuple[list[dict], list[dict]]:
    """incident id → its claims (dicts, modified in place: ``part_of_claim_id``) →
    (incident rows, incident_regions rows), each sorted by primary key."""
    incidents, regions = [], []
    for iid in sorted(members_of):
        cs = members_of[iid]
        link_part_of(cs)
        incidents.append(incident_row(iid, cs))
        regions.extend(region_rows(iid, cs))
    return incidents, regions


def daily_totals(incidents: Iterable[dict], field: str = "intercepted") -> dict[str, dict[str, int]]:
    """event_date → side → sum of the incidents' de-duplicated per-side figure (the report's
    daily chart). Undated incidents are left out."""
    out: dict[str, dict[str, int]] = defaultdict(dict)
    for inc in incidents:
        d = inc.get("event_date")
        if not d:
            continue
        for side in SIDES:
            v = inc.get(f"{side.lower()}_{field}")
            if v not in (None, ""):
                out[str(d)][side] = out[str(d)].get(side, 0) + int(float(v))
    return {d: out[d] for d in sorted(out)}


def regions_of(claims: Iterable[dict], incident_ids: Iterable[str]) -> list[dict]:
    """incident_regions rows rebuilt from published claim records (counts as int or text), for
    the incidents in ``incident_ids``: used after the quarantine changed claims or incidents."""
    live = set(incident_ids)
    groups: dict[str, list[dict]] = defaultdict(list)
    for c in claims:
        row = {k: (None if c.get(k) in (None, "") else c.get(k)) for k in c}
        for f in COUNT_FIELDS:
            row[f] = None if row.get(f) is None else int(float(row[f]))
        for f in ("latitude", "longitude"):
            row[f] = None if row.get(f) is None else float(row[f])
        if row.get("incident_id") in live:
            groups[row["incident_id"]].append(row)
    out = []
    for iid in sorted(groups):
        cs = sorted(groups[iid], key=lambda c: c["claim_id"])
        link_part_of(cs)
        out.extend(region_rows(iid, cs))
    return out
