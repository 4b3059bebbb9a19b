"""The self-contained ``report.html`` dashboard, rendered from the published tables.

``render(tables)`` → HTML text. ``model`` prepares the records (pure), ``specs`` builds the
Vega-Lite charts, ``page`` writes the HTML, ``vendor`` supplies the inlined Vega bundle.
The region outlines (``data/regions.geojson``) are built by ``scripts/build_regions.py``.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

from . import model, page, specs, vendor

HERE = Path(__file__).resolve().parent
REGIONS = HERE / "data" / "regions.geojson"
APP_JS = HERE / "app.js"


@functools.lru_cache(maxsize=1)
def regions() -> dict:
    return json.loads(REGIONS.read_text(encoding="utf-8"))


def render(tables: dict[str, list[dict]]) -> str:
    data = model.build(tables)
    for name in ("shading", "national", "series", "points"):
        data[name] = [{**row, "day": row["date"]} for row in data[name]]
    chart_specs = {"map": specs.map_spec(regions(), data), "series": specs.series_spec(data),
                   "national": specs.national_spec(data)}
    return page.document(data, chart_specs, vendor.javascript_bundle(), APP_JS.read_text(encoding="utf-8"),
                         vendor.versions())
