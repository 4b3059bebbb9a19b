"""The geocode stage (pure): add place fields to extracted mentions, list the places used, and
reject unresolved names. Plus the ``python -m pipeline geocode PLACE...`` formatter."""
from __future__ import annotations

import re

import json

from .gazetteer import Gazetteer, Place, default_gazetteer

__all__ = ["geocode_mentions", "geocode_cli", "LOCATION_COLUMNS", "GEO_FIELDS"]

GEO_FIELDS = ("location_id", "admin1", "admin1_code", "country_code", "latitude", "longitude",
              "geo_precision")
LOCATION_COLUMNS = ("location_id", "name", "geonames_id", "feature_code", "admin1", "admin1_code",
                    "country_code", "latitude", "longitude", "geo_precision")


def _location_row(p: Place) -> dict:
    return {c: getattr(p, c) for c in LOCATION_COLUMNS}


def _empty_geo(country: str | None, precision: str) -> dict:
    return {"location_id": None, "admin1": None, "admin1_code": None, "country_code": country,
            "latitude": None, "longitude": None, "geo_precision": precision}


# Words that frame a place without naming one ("над территорией …"); a token that is a prefix of
# one of them is a framing word cut off by a length limit ("над террит").
_FRAME_WORDS = ("над", "на", "в", "у", "по", "территорией", "территории", "территориями", "акваторией",
                "акватории", "области", "областей", "района", "республики", "бпла", "бла", "over", "in",
                "the", "region", "oblast", "au-dessus", "de", "la", "région")


def unresolved_reason(text: str) -> str:
    """``no_place_name`` when the text holds no name at all (framing words, fragments of them or
    of a name under three letters: typically a row cut off by a length limit), else
    ``unresolved_place``."""
    for w in re.findall(r"[^\W\d_]+", text.lower()):
        if len(w) >= 3 and not any(f.startswith(w) for f in _FRAME_WORDS):
            return "unresolved_place"
    return "no_place_name"


def geocode_mentions(mentions: list[dict], gaz: Gazetteer | None = None
                     ) -> tuple[list[dict], list[dict], list[dict]]:
    """Return (mentions with GEO_FIELDS added, locations rows sorted by location_id, rejects).

    * empty ``location_text`` → country-level: ``country_code`` = ``country_hint``, precision
      ``country`` (``unknown`` without a hint), no location_id;
    * resolved → the place's fields (a sea has admin1 = its name, no code, no country; a country
      keeps admin1 empty);
    * unresolved → precision ``unknown``, ``country_code`` = hint, and a reject row
      ``{source_file: mention_id, stage: "geocode", reason, detail}`` with reason
      ``unresolved_place`` (a name the gazetteer lacks) or ``no_place_name`` (no name at all).
    Input dicts are not modified."""
    gaz = gaz if gaz is not None else default_gazetteer()
    out: list[dict] = []
    locations: dict[str, dict] = {}
    rejects: list[dict] = []
    from ..progress import track

    for m in track(mentions, "geocode", unit="mentions"):
        rec = {k: v for k, v in m.items() if k not in ("admin1_code_hint", "location_id_hint")}
        text = (m.get("location_text") or "").strip()
        hint = m.get("country_hint") or None
        # The extractor may have resolved the region from the sentence's context (a place
        # written "the city" after "in the Kharkiv region"): it wins over the bare text.
        region_hint = gaz.area(m["admin1_code_hint"]) if m.get("admin1_code_hint") else None
        p = gaz.resolve(text, lang=m.get("lang"), country_hint=hint) if text else None
        if region_hint is not None and (p is None or p.admin1_code != region_hint.admin1_code):
            p = region_hint
        if p is None and not text:
            rec.update(_empty_geo(hint, "country" if hint else "unknown"))
            out.append(rec)
            continue
        if p is None:
            rec.update(_empty_geo(hint, "unknown"))
            rejects.append({"source_file": m.get("mention_id") or m.get("article_id") or "",
                            "stage": "geocode", "reason": unresolved_reason(text),
                            "detail": f"location_text={text!r}" + (f" country_hint={hint}" if hint else "")})
            out.append(rec)
            continue
        rec.update({"location_id": p.location_id, "admin1": p.admin1 or None,
                    "admin1_code": p.admin1_code or None, "country_code": p.country_code or None,
                    "latitude": p.latitude, "longitude": p.longitude, "geo_precision": p.geo_precision})
        locations.setdefault(p.location_id, _location_row(p))
        out.append(rec)
    return out, [locations[k] for k in sorted(locations)], rejects


def geocode_cli(places: list[str], as_json: bool = True, country_hint: str | None = None,
                gaz: Gazetteer | None = None) -> list[str]:
    """One line per place: a JSON object (name, geonames_id, feature_code, admin1, admin1_code,
    country_code, latitude, longitude, geo_precision, plus query and location_id), ``null``
    fields when unresolved; with ``as_json=False`` a tab-separated line."""
    gaz = gaz if gaz is not None else default_gazetteer()
    lines = []
    for q in places:
        p = gaz.resolve(q, country_hint=country_hint)
        obj = {"query": q}
        if p is None:
            obj.update({k: None for k in ("location_id", "name", "geonames_id", "feature_code",
                                          "admin1", "admin1_code", "country_code", "latitude",
                                          "longitude")})
            obj["geo_precision"] = "unknown"
        else:
            obj.update({"location_id": p.location_id, "name": p.name, "geonames_id": p.geonames_id,
                        "feature_code": p.feature_code, "admin1": p.admin1 or None,
                        "admin1_code": p.admin1_code or None, "country_code": p.country_code or None,
                        "latitude": p.latitude, "longitude": p.longitude,
                        "geo_precision": p.geo_precision})
        if as_json:
            lines.append(json.dumps(obj, ensure_ascii=False))
        else:
            lines.append("\t".join("" if obj[k] is None else str(obj[k]) for k in
                                   ("query", "name", "admin1_code", "country_code", "geo_precision")))
    return lines
