"""geopy-compatible geocoders.

:class:`OfflineGeocoder` answers from the local gazetteer and returns ``geopy.location.Location``
objects, so code written against geopy's online geocoders works unchanged (and offline).

:func:`nominatim_geocoder` builds an online Nominatim backend (rate-limited, with an on-disk JSON
cache). It is OFF by default: it raises unless ``enabled=True`` or the environment variable
``PIPELINE_GEOCODE_ONLINE=1`` is set. The pipeline and the tests never use it.
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Callable

from geopy.geocoders.base import Geocoder
from geopy.location import Location

from .gazetteer import Gazetteer, Place, default_gazetteer

__all__ = ["OfflineGeocoder", "nominatim_geocoder", "place_to_location", "ONLINE_ENV"]

ONLINE_ENV = "PIPELINE_GEOCODE_ONLINE"


def _address(p: Place) -> str:
    parts = [p.name]
    if p.admin1 and p.admin1 != p.name:
        parts.append(p.admin1)
    if p.country_code and p.geo_precision != "country":
        parts.append(p.country_code)
    return ", ".join(parts)


def place_to_location(p: Place) -> Location:
    """A geopy Location whose ``raw`` is the Place as a dict."""
    return Location(_address(p), (p.latitude, p.longitude), p.as_dict())


class OfflineGeocoder(Geocoder):
    """``geopy.geocoders.base.Geocoder`` over the offline gazetteer (no network)."""

    def __init__(self, gazetteer: Gazetteer | None = None, *, user_agent: str = "pipeline-offline"):
        super().__init__(user_agent=user_agent)
        self.gazetteer = gazetteer if gazetteer is not None else default_gazetteer()

    def geocode(self, query: str, *, exactly_one: bool = True, country_hint: str | None = None,
                lang: str | None = None, timeout=None, **_kwargs):
        """``Location`` (``exactly_one``) or a list of Locations (every place found in the query,
        best first), or None / [] when nothing resolves."""
        if not query:
            return None if exactly_one else []
        best = self.gazetteer.resolve(query, lang=lang, country_hint=country_hint)
        if exactly_one:
            return place_to_location(best) if best else None
        out: list[Location] = []
        seen = set()
        places = ([best] if best else []) + [m.place for m in self.gazetteer.find_places(
            query, lang, country_hint, strict=False)]
        for p in places:
            if p.location_id not in seen:
                seen.add(p.location_id)
                out.append(place_to_location(p))
        return out

    def reverse(self, query, *, exactly_one=True, timeout=None):  # pragma: no cover - not offered
        raise NotImplementedError("OfflineGeocoder does not reverse-geocode")


def nominatim_geocoder(user_agent: str, cache_path: str | Path, *, enabled: bool | None = None,
                       min_delay_seconds: float = 1.0) -> Callable[..., Location | None]:
    """An online Nominatim ``geocode(query, **kw)`` callable behind geopy's RateLimiter, with
    results cached as JSON in ``cache_path`` (query → [address, lat, lon, raw] or null).
    Disabled unless ``enabled=True`` or ``$PIPELINE_GEOCODE_ONLINE=1``."""
    if enabled is None:
        enabled = os.environ.get(ONLINE_ENV) == "1"
    if not enabled:
        raise RuntimeError(f"online geocoding is disabled (pass enabled=True or set {ONLINE_ENV}=1)")
    from geopy.extra.rate_limiter import RateLimiter  # noqa: PLC0415
    from geopy.geocoders import Nominatim  # noqa: PLC0415

    cache_file = Path(cache_path)
    cache: dict = json.loads(cache_file.read_text(encoding="utf-8")) if cache_file.exists() else {}
    limited = RateLimiter(Nominatim(user_agent=user_agent).geocode, min_delay_seconds=min_delay_seconds)

    def geocode(query: str, **kw) -> Location | None:
        key = json.dumps([query, sorted(kw.items())], ensure_ascii=False, default=str)
        if key not in cache:
            loc = limited(query, **kw)
            cache[key] = None if loc is None else [loc.address, loc.latitude, loc.longitude, loc.raw]
            tmp = cache_file.with_suffix(".tmp")
            cache_file.parent.mkdir(parents=True, exist_ok=True)
            tmp.write_text(json.dumps(cache, ensure_ascii=False, sort_keys=True, indent=0), encoding="utf-8")
            os.replace(tmp, cache_file)
        hit = cache[key]
        return None if hit is None else Location(hit[0], (hit[1], hit[2]), hit[3])

    return geocode
