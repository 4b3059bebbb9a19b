"""Tiny benchmark (not a test): ``python -m pipeline.geocode.bench [N]``."""
from __future__ import annotations

import sys
import time

from .gazetteer import Gazetteer

_SAMPLES = [
    "the Bryansk region", "la région de Koursk", "над территорией Белгородской области", "Kharkov",
    "Odessa", "Liski, Voronezh Oblast", "над акваторией Черного моря", "в Новошахтинске",
    "les régions de Briansk, de Saratov, de Toula et au Tatarstan", "Kyiv", "Zaporijjia",
    "Харківщині", "Kiyv", "the Liskinskaya oil depot", "la mer d'Azov", "Engels", "Tuapse",
    "Республики Крым", "near the town of Shebekino", "unknown place name here",
]


def bench_geocode(n: int = 10000, path=None) -> dict:
    """Load time and the time to resolve ``n`` strings (a cycling sample of mixed-language
    location phrases). Targets: load < 1 s, 10k strings < 5 s."""
    t0 = time.perf_counter()
    gaz = Gazetteer.load(path)
    t_load = time.perf_counter() - t0
    queries = [_SAMPLES[i % len(_SAMPLES)] + ("" if i < len(_SAMPLES) else " " * (i % 3))
               for i in range(n)]
    t1 = time.perf_counter()
    resolved = sum(1 for q in queries if gaz.resolve(q) is not None)
    t_geo = time.perf_counter() - t1
    return {"load_s": round(t_load, 3), "n": n, "geocode_s": round(t_geo, 3), "resolved": resolved,
            "per_string_ms": round(1000 * t_geo / max(n, 1), 3)}


if __name__ == "__main__":
    print(bench_geocode(int(sys.argv[1]) if len(sys.argv) > 1 else 10000))
