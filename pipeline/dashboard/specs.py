"""Vega-Lite specs of the dashboard's charts (plain dicts, data inline as named datasets).

Every dataset row carries ``day``, its ISO date as a string (``date`` may be parsed to a date
by Vega-Lite where it is plotted on a time axis). Every chart declares the same filter parameters, which the page's script sets from the
controls: ``dateFrom`` / ``dateTo`` (ISO dates, compared as strings), ``showUndated`` (undated
rows pass only while the range is the full range), ``side`` (``all``, ``RU``, ``UA``) and, for
the map, ``shadeSide`` (whose claims shade the regions).
"""

from __future__ import annotations

import math

MAP_WIDTH, MAP_MIN_HEIGHT, MAP_MAX_HEIGHT = 760, 420, 640
SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json"
SIDE_COLORS = {"RU": "#c0392b", "UA": "#2471a3", "other": "#7f8c8d"}
ATTACKER_COLORS = {"RU": "#c0392b", "UA": "#2471a3", "unknown": "#7f8c8d"}
LANDMARKS = [("Kyiv", 50.45, 30.52), ("Moscow", 55.75, 37.62), ("Minsk", 53.90, 27.57),
             ("Chișinău", 47.01, 28.86), ("Kharkiv", 49.99, 36.23), ("Odesa", 46.48, 30.72),
             ("Rostov-on-Don", 47.24, 39.71), ("Lviv", 49.84, 24.03), ("Sevastopol", 44.60, 33.52)]
DATE_FILTER = "(datum.day ? (datum.day >= dateFrom && datum.day <= dateTo) : showUndated)"
SIDE_FILTER = "(side == 'all' || datum.side == side)"
CONFIG = {"font": "system-ui, sans-serif", "view": {"stroke": None},
          "axis": {"labelFontSize": 11, "titleFontSize": 12}, "legend": {"labelFontSize": 11, "titleFontSize": 12}}


def params(date_min: str, date_max: str, extra: tuple = ()) -> list[dict]:
    out = [{"name": "dateFrom", "value": date_min}, {"name": "dateTo", "value": date_max},
           {"name": "showUndated", "value": True}, {"name": "side", "value": "all"}]
    return out + [{"name": name, "value": value} for name, value in extra]


def _side_scale(colors: dict) -> dict:
    return {"domain": list(colors), "range": list(colors.values())}


def fit_box(features: list[dict], points: list[dict], shaded_isos: set[str]) -> tuple[float, float, float, float]:
    """``(west, south, east, north)`` around Ukraine, the points and the shaded regions."""
    xs, ys = [22.0, 40.5], [44.2, 52.5]  # Ukraine
    for f in features:
        if f["id"] in shaded_isos:
            x0, y0, x1, y1 = _bounds(f["geometry"]["coordinates"])
            xs += [x0, x1]
            ys += [y0, y1]
    xs += [p["lon"] for p in points]
    ys += [p["lat"] for p in points]
    return (max(min(xs) - 0.5, 19.0), max(min(ys) - 0.4, 41.0), min(max(xs) + 0.5, 62.0), min(max(ys) + 0.4, 62.0))


def _mercator_y(lat: float) -> float:
    return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


def mercator_view(box: tuple[float, float, float, float], width: int = MAP_WIDTH) -> dict:
    """Mercator scale, centre and height that fit ``box`` into ``width`` pixels (clipped view)."""
    west, south, east, north = box
    dx = math.radians(east - west)
    dy = _mercator_y(north) - _mercator_y(south)
    height = int(min(max(width * dy / dx, MAP_MIN_HEIGHT), MAP_MAX_HEIGHT))
    scale = min(width / dx, height / dy)
    mid = (_mercator_y(north) + _mercator_y(south)) / 2
    centre = [round((west + east) / 2, 4), round(math.degrees(2 * math.atan(math.exp(mid)) - math.pi / 2), 4)]
    return {"height": height, "projection": {"type": "mercator", "scale": round(scale, 2), "center": centre,
                                             "translate": [width / 2, height / 2]}}


def _bounds(coords) -> tuple[float, float, float, float]:
    flat: list = []

    def walk(c):
        if isinstance(c[0], (int, float)):
            flat.append(c)
        else:
            for sub in c:
                walk(sub)

    walk(coords)
    return (min(p[0] for p in flat), min(p[1] for p in flat), max(p[0] for p in flat), max(p[1] for p in flat))


def map_spec(regions: dict, model: dict) -> dict:
    features = regions["features"]
    shaded = {r["iso"] for r in model["shading"]}
    base = {"data": {"name": "regions"},
            "mark": {"type": "geoshape", "fill": "#f4f3ee", "stroke": "#8a949c", "strokeWidth": 0.5},
            "encoding": {"tooltip": [{"field": "properties.name", "title": "Region"}]}}
    shading = {
        "data": {"name": "shading"},
        "transform": [{"filter": f"{DATE_FILTER} && datum.side == shadeSide"},
                      {"aggregate": [{"op": "sum", "field": "intercepted", "as": "intercepted"}], "groupby": ["iso"]},
                      {"lookup": "iso", "from": {"data": {"name": "regions"}, "key": "id"}, "as": "geo"},
                      {"filter": "isValid(datum.geo)"},
                      {"calculate": "datum.geo.properties.name", "as": "name"}],
        "mark": {"type": "geoshape", "stroke": "#6b747b", "strokeWidth": 0.6},
        "encoding": {"shape": {"field": "geo", "type": "geojson"},
                     "color": {"field": "intercepted", "type": "quantitative",
                               "scale": {"scheme": "orangered", "type": "sqrt", "zero": True},
                               "legend": {"title": "Claimed interceptions", "orient": "bottom-right",
                                          "direction": "horizontal", "gradientLength": 160}},
                     "tooltip": [{"field": "name", "title": "Region"},
                                 {"field": "intercepted", "title": "Claimed interceptions", "format": ","}]}}
    countries = {"data": {"name": "countries"},
                 "mark": {"type": "geoshape", "filled": False, "stroke": "#3d464d", "strokeWidth": 1.4}}
    labels = {"data": {"values": [{"name": n, "lat": la, "lon": lo} for n, la, lo in LANDMARKS]},
              "layer": [{"mark": {"type": "circle", "size": 14, "color": "#333"}},
                        {"mark": {"type": "text", "dx": 5, "align": "left", "fontSize": 10, "color": "#333"},
                         "encoding": {"text": {"field": "name"}}}],
              "encoding": {"longitude": {"field": "lon", "type": "quantitative"},
                           "latitude": {"field": "lat", "type": "quantitative"}}}
    dots = {"data": {"name": "points"},
            "transform": [{"filter": f"{DATE_FILTER} && (side == 'all' || indexof(datum.sides, side) >= 0)"}],
            "mark": {"type": "circle", "stroke": "#1b1b1b", "strokeWidth": 0.6, "opacity": 0.75},
            "encoding": {"longitude": {"field": "lon", "type": "quantitative"},
                         "latitude": {"field": "lat", "type": "quantitative"},
                         "size": {"field": "size", "type": "quantitative", "scale": {"range": [25, 700]},
                                  "legend": {"title": "Claimed count (highest)", "orient": "bottom-left"}},
                         "color": {"field": "attacker", "type": "nominal", "scale": _side_scale(ATTACKER_COLORS),
                                   "legend": {"title": "Attacker", "orient": "top-left"}},
                         "tooltip": [{"field": "date", "title": "Date"}, {"field": "where", "title": "Where"},
                                     {"field": "weapon", "title": "Weapon"},
                                     {"field": "attacker", "title": "Attacker"},
                                     {"field": "sides", "title": "Sides reporting"},
                                     {"field": "launched", "title": "Launched (claimed)"},
                                     {"field": "intercepted", "title": "Intercepted (claimed)"},
                                     {"field": "disputed", "title": "Disputed"}, {"field": "id", "title": "Incident"}]}}
    view = mercator_view(fit_box(features, model["points"], shaded))
    for layer in (base, shading, countries):
        layer["mark"]["clip"] = True
    return {"$schema": SCHEMA, "width": MAP_WIDTH, "height": view["height"], "background": "#e8f0f6",
            "projection": view["projection"],
            "params": params(model["date_min"], model["date_max"], (("shadeSide", "RU"),)),
            "datasets": {"regions": [f for f in features if f["properties"].get("level") == "admin1"],
                         "countries": [f for f in features if f["properties"].get("level") == "country"],
                         "shading": model["shading"], "points": model["points"]},
            "layer": [base, shading, countries, labels, dots], "config": CONFIG}


def series_spec(model: dict) -> dict:
    return {"$schema": SCHEMA, "width": 720, "height": 300,
            "params": params(model["date_min"], model["date_max"]),
            "datasets": {"series": model["series"]}, "data": {"name": "series"},
            "transform": [{"filter": f"{DATE_FILTER} && {SIDE_FILTER}"}],
            "mark": {"type": "line", "point": {"size": 40}, "strokeWidth": 2},
            "encoding": {
                "x": {"field": "date", "type": "temporal", "timeUnit": "utcyearmonthdate",
                      "scale": {"type": "utc"},
                      "axis": {"title": "Event date (UTC)", "format": "%Y-%m-%d", "labelAngle": -40,
                               "labelOverlap": True}},
                "y": {"field": "intercepted", "type": "quantitative", "aggregate": "sum",
                      "axis": {"title": "Claimed interceptions per day"}},
                "color": {"field": "side", "type": "nominal", "scale": _side_scale(SIDE_COLORS),
                          "legend": {"title": "Claimant side", "symbolType": "stroke", "symbolStrokeWidth": 3}},
                "strokeDash": {"field": "weapon", "type": "nominal",
                               "legend": {"title": "Weapon class", "symbolType": "stroke", "symbolStrokeWidth": 2,
                                          "symbolSize": 400,
                                          "encode": {"symbols": {"update": {"stroke": {"value": "#333"},
                                                                            "opacity": {"value": 1}}}}}},
                "tooltip": [{"field": "date", "type": "temporal", "timeUnit": "utcyearmonthdate",
                             "title": "Date", "format": "%Y-%m-%d"},
                            {"field": "side", "title": "Claimant side"}, {"field": "weapon", "title": "Weapon class"},
                            {"field": "intercepted", "aggregate": "sum", "title": "Claimed interceptions"}]},
            "config": CONFIG}


def national_spec(model: dict) -> dict:
    return {"$schema": SCHEMA,
            "params": params(model["date_min"], model["date_max"]),
            "datasets": {"national": model["national"]}, "data": {"name": "national"},
            "transform": [{"filter": f"{DATE_FILTER} && {SIDE_FILTER}"},
                          {"fold": ["launched", "intercepted", "hits"], "as": ["measure", "value"]},
                          {"aggregate": [{"op": "sum", "field": "value", "as": "value"},
                                         {"op": "sum", "field": "claims", "as": "claims"}],
                           "groupby": ["country", "side", "measure"]}],
            "facet": {"row": {"field": "country", "type": "nominal", "title": None,
                              "header": {"labelAngle": 0, "labelAlign": "left", "labelFontWeight": "bold",
                                         "labelFontSize": 12, "labelOrient": "top"}}},
            "spec": {"width": 230, "height": {"step": 12},
                     "mark": {"type": "bar"},
                     "encoding": {
                         "y": {"field": "measure", "type": "nominal", "sort": ["launched", "intercepted", "hits"],
                               "axis": {"title": None}},
                         "yOffset": {"field": "side", "type": "nominal", "sort": list(SIDE_COLORS)},
                         "x": {"field": "value", "type": "quantitative", "axis": {"title": "Claimed (nationwide)"}},
                         "color": {"field": "side", "type": "nominal", "scale": _side_scale(SIDE_COLORS),
                                   "legend": {"title": "Claimant side", "orient": "bottom"}},
                         "tooltip": [{"field": "country", "title": "Country"}, {"field": "side", "title": "Side"},
                                     {"field": "measure", "title": "Figure"},
                                     {"field": "value", "title": "Sum", "format": ","},
                                     {"field": "claims", "title": "Claims"}]}},
            "resolve": {"scale": {"x": "shared"}}, "config": CONFIG}
