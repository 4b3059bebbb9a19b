"""The report's JavaScript: Vega, Vega-Lite and vega-embed as bundled by the
``vl-convert-python`` package (pinned in requirements.txt), inlined into ``report.html``.

Bundling takes a few seconds of CPU, so the bundle is kept in a cache file named by the
vl-convert version and Vega-Lite version (``$AIRWAR_CACHE_DIR``, else
``$XDG_CACHE_HOME/airwar``, else ``~/.cache/airwar``); a cache that cannot be written is
not an error (the bundle is then rebuilt on each run). Nothing is fetched from the network:
vl-convert carries the library sources in its wheel.
"""

from __future__ import annotations

import functools
import hashlib
import os
from pathlib import Path

from .. import io

# Vega-Lite version of the specs (see specs.SCHEMA) and of the bundle.
VEGALITE_VERSION = "6.4"


def cache_dir() -> Path:
    if os.environ.get("AIRWAR_CACHE_DIR"):
        return Path(os.environ["AIRWAR_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "airwar"


def versions() -> dict[str, str]:
    """Library versions inside the bundle (shown in the report's footer)."""
    import vl_convert as vlc

    return {"vl-convert": vlc.__version__, "vega": vlc.get_vega_version(),
            "vega-lite": VEGALITE_VERSION, "vega-embed": vlc.get_vega_embed_version()}


def _build() -> str:
    import vl_convert as vlc

    return vlc.javascript_bundle(vl_version=VEGALITE_VERSION)


@functools.lru_cache(maxsize=1)
def javascript_bundle() -> str:
    """The bundle's source; it defines ``window.vegaEmbed``, ``window.vega``, ``window.vegaLite``."""
    v = versions()
    path = cache_dir() / f"vega-bundle-{v['vl-convert']}-vl{v['vega-lite']}.js"
    try:
        text = path.read_text(encoding="utf-8")
        digest_path = path.with_suffix(".sha256")
        if digest_path.read_text(encoding="ascii").strip() == hashlib.sha256(text.encode()).hexdigest():
            return text
    except OSError:
        pass
    text = _build()
    if "</script" in text.lower():
        raise ValueError("the Vega bundle contains '</script' and cannot be inlined")
    try:
        io.write_text(path, text)
        io.write_text(path.with_suffix(".sha256"), hashlib.sha256(text.encode()).hexdigest() + "\n")
    except OSError:
        pass
    return text
