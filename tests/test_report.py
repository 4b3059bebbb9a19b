"""report.html renders in headless Chromium: not blank, with the map and the chart.

CI installs Debian's chromium when it is missing (.ci/run); elsewhere the browser test is
skipped when no chromium binary exists. The static checks always run."""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest

from pipeline import outputs

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


def _png_distinct_bytes(png: bytes) -> int:
    """Distinct byte values in the decompressed image data (a blank page has very few)."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat = 8, b""
    while pos < len(png):
        (length,) = struct.unpack(">I", png[pos:pos + 4])
        kind = png[pos + 4:pos + 8]
        if kind == b"IDAT":
            idat += png[pos + 8:pos + 8 + length]
        pos += 12 + length
    return len(set(zlib.decompress(idat)))


def test_report_is_self_contained(e2e_publication):
    paths, _ = e2e_publication
    page = (Path(paths.processed_dir) / "report.html").read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page), "report fetches something"
    assert "<script" not in page
    assert 'id="map"' in page and 'id="chart"' in page
    assert page.count('class="incident"') >= 1


def test_report_renders_in_headless_chromium(e2e_publication, tmp_path):
    browser = _chromium()
    if browser is None:
        pytest.skip("no chromium on this machine (CI installs it)")
    paths, _ = e2e_publication
    report = (Path(paths.processed_dir) / "report.html").resolve()
    profile = tmp_path / "profile"
    base = [browser, *CHROMIUM_FLAGS, f"--user-data-dir={profile}"]
    dom = subprocess.run([*base, "--dump-dom", report.as_uri()], capture_output=True, text=True,
                         timeout=120).stdout
    assert re.search(r'<svg id="map"[^>]*>.*<circle class="incident"', dom, re.S)
    assert re.search(r'<svg id="chart"[^>]*>.*<rect class="bar"', dom, re.S)
    shot = tmp_path / "shot.png"
    subprocess.run([*base, f"--screenshot={shot}", "--window-size=1100,1400", report.as_uri()],
                   capture_output=True, timeout=120)
    assert shot.exists() and shot.stat().st_size > 5000
    assert _png_distinct_bytes(shot.read_bytes()) > 40, "the rendered page looks blank"


def test_blank_page_detector_detects_blank(tmp_path):
    browser = _chromium()
    if browser is None:
        pytest.skip("no chromium on this machine (CI installs it)")
    blank = tmp_path / "blank.html"
    blank.write_text("<html><body></body></html>", encoding="utf-8")
    shot = tmp_path / "blank.png"
    subprocess.run([browser, *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'p'}",
                    f"--screenshot={shot}", "--window-size=1100,1400", blank.resolve().as_uri()],
                   capture_output=True, timeout=120)
    assert _png_distinct_bytes(shot.read_bytes()) <= 40


def test_report_without_data_still_renders():
    page = outputs.render_report({})
    assert "No disputed incidents" in page and 'id="map"' in page and 'id="chart"' in page
