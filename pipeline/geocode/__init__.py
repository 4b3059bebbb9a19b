"""Offline geocoding to GeoNames (Ukraine, Russia, Belarus, Black Sea, Sea of Azov).

Public API:
    Place, PlaceMatch, Gazetteer, default_gazetteer   (gazetteer.py)
    OfflineGeocoder                                   (geocoder.py, geopy-compatible)
    geocode_mentions, geocode_cli                     (stage.py)
"""
from .gazetteer import Gazetteer, Place, PlaceMatch, default_gazetteer

__all__ = ["Gazetteer", "Place", "PlaceMatch", "default_gazetteer"]
