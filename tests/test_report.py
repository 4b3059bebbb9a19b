"""report.html is a self-contained dashboard: it renders in headless Chromium with no console
error and no network request, shows region outlines, shaded regions, a labelled time series
and the disputed incidents side by side, and its filters act on charts and tables.

CI installs Debian's chromium when it is missing (.ci/run); elsewhere the browser tests are
skipped when no chromium binary exists. The static checks always run."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

import chromium
from pipeline import dashboard, outputs

needs_chromium = pytest.mark.skipif(chromium.find() is None, reason="no chromium on this machine (CI installs it)")


class _Elements(HTMLParser):
    def __init__(self):
        super().__init__()
        self.elements: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))


def elements(page: str) -> list[tuple[str, dict]]:
    parser = _Elements()
    parser.feed(page)
    return parser.elements


@pytest.fixture(scope="module")
def report(e2e_publication) -> Path:
    paths, _ = e2e_publication
    return Path(paths.processed_dir) / "report.html"


@pytest.fixture(scope="module")
def rendered(report):
    if chromium.find() is None:
        pytest.skip("no chromium on this machine (CI installs it)")
    return chromium.load(report, height=2200, scripts={
        "region_paths": "document.querySelectorAll('#map path').length",
        "axis_titles": "Array.from(document.querySelectorAll('#chart .role-axis-title')).map(e => e.textContent)",
        "axis_labels": "Array.from(document.querySelectorAll('#chart .role-axis-label text')).map(e => e.textContent)",
        "fills": "Array.from(new Set(Array.from(document.querySelectorAll('#map path')).map(p => p.getAttribute('fill'))))",
    })


def test_report_loads_nothing_and_allows_only_its_own_scripts(report):
    page = report.read_text(encoding="utf-8")
    tags = elements(page)
    assert not [a for t, a in tags if "src" in a], "an element loads a resource"
    assert not [t for t, _ in tags if t in ("link", "iframe", "object", "embed", "img", "base")]
    assert "@import" not in page and not re.search(r"url\(\s*['\"]?(https?:)?//", page)
    csp = next(a["content"] for t, a in tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in csp and "connect-src 'none'" in csp
    script_src = re.search(r"script-src ([^;]+)", csp).group(1).split()
    assert script_src and all(s.startswith("'sha256-") for s in script_src), "only hashed scripts may run"
    executable = [a for t, a in tags if t == "script" and a.get("type") != "application/json"]
    assert len(executable) == len(script_src) == 2
    handlers = [(t, k) for t, a in tags for k in a if k.lower().startswith("on")]
    assert handlers == []


def test_report_links_only_to_http_urls(report):
    hrefs = [a["href"] for t, a in elements(report.read_text(encoding="utf-8")) if t == "a"]
    assert hrefs, "the latest claims link to their sources"
    assert all(re.match(r"https?://[^\s\"'<>]+$", h) for h in hrefs), hrefs


def test_report_is_deterministic_and_the_same_from_the_csvs(e2e_publication, report):
    """Re-rendering from the published CSVs (``make report``) gives the same bytes as publish."""
    import pandas as pd

    paths, _ = e2e_publication
    tables = {name: pd.read_csv(Path(paths.processed_dir) / f"{name}.csv", dtype=str,
                                keep_default_na=False).to_dict("records")
              for name in ("articles", "claims", "incidents", "rejects", "mentions", "locations")}
    again = outputs.render_report(tables)
    assert again == outputs.render_report(tables)
    assert again == report.read_text(encoding="utf-8")


@needs_chromium
def test_report_renders_without_errors_or_requests(report, rendered):
    assert rendered.ready, "the charts did not finish embedding"
    assert rendered.errors == []
    assert [t for level, t in rendered.console if level == "warning"] == []
    others = [u for u in rendered.requests if u != report.resolve().as_uri() and not u.startswith("data:")]
    assert others == [], "the page made network requests"


@needs_chromium
def test_report_shows_outlines_shading_and_a_labelled_time_series(rendered):
    n_regions = sum(1 for f in dashboard.regions()["features"] if f["properties"]["level"] == "admin1")
    assert rendered.evaluated["region_paths"] >= n_regions + 1  # every outline, plus shaded regions
    assert len(rendered.evaluated["fills"]) >= 3, "regions are not shaded"
    assert {"Event date (UTC)", "Claimed interceptions per day"} <= set(rendered.evaluated["axis_titles"])
    dates = [t for t in rendered.evaluated["axis_labels"] if re.fullmatch(r"\d{4}-\d{2}-\d{2}", t)]
    assert dates, "the time axis shows no full dates"
    assert 'id="t-disputed"' in rendered.dom and "RU intercepted" in rendered.dom and "UA intercepted" in rendered.dom


@needs_chromium
def test_report_screenshot_is_not_blank(rendered):
    stats = chromium.pixel_stats(rendered.thumbnail)
    assert stats["std"] > 15 and stats["non_background"] > 0.1 and stats["colours"] > 100, stats


@needs_chromium
def test_blank_page_detector_detects_blank(tmp_path):
    blank = tmp_path / "blank.html"
    blank.write_text("<html><body></body></html>", encoding="utf-8")
    stats = chromium.pixel_stats(chromium.load(blank, ready_attr=None).thumbnail)
    assert stats["std"] < 1 and stats["non_background"] < 0.01 and stats["colours"] <= 2


@needs_chromium
def test_side_and_date_filters_act_on_tables_and_charts(report):
    visible = "Array.from(document.querySelectorAll('#t-latest tbody tr')).filter(r => !r.hidden)"
    run = chromium.load(report, scripts={
        "all": f"{visible}.length",
        "ua": "(() => { const s = document.getElementById('f-side'); s.value = 'UA';"
              " s.dispatchEvent(new Event('change')); return true; })()",
        "ua_sides": f"{visible}.map(r => r.getAttribute('data-sides'))",
        "shade": "document.querySelector('input[name=shade]:checked').value",
        "day": "(() => { const d = document.querySelector('#t-latest tbody tr[data-date]:not([data-date=\"\"])')"
               ".getAttribute('data-date'); for (const id of ['f-from', 'f-to']) {"
               " const e = document.getElementById(id); e.value = d;"
               " e.dispatchEvent(new Event('change')); } return d; })()",
        "day_dates": f"{visible}.map(r => r.getAttribute('data-date'))",
    })
    assert run.errors == []
    assert run.evaluated["all"] > 0
    assert run.evaluated["ua_sides"] and all(s == "UA" for s in run.evaluated["ua_sides"])
    assert len(run.evaluated["ua_sides"]) <= run.evaluated["all"]
    assert run.evaluated["shade"] == "UA"
    assert set(run.evaluated["day_dates"]) <= {run.evaluated["day"]}


def test_report_without_data_still_renders(tmp_path):
    page = outputs.render_report({})
    assert "No disputed incidents" in page and 'id="map"' in page and 'id="chart"' in page
    specs = {a["id"]: a for t, a in elements(page) if t == "script" and a.get("type") == "application/json"}
    assert set(specs) == {"spec-map", "spec-series", "spec-national"}
    blocks = re.findall(r'<script type="application/json" id="spec-map">(.*?)</script>', page, re.S)
    assert json.loads(blocks[0])["datasets"]["points"] == []
    if chromium.find() is not None:
        empty = tmp_path / "empty.html"
        empty.write_text(page, encoding="utf-8")
        run = chromium.load(empty)
        assert run.ready and run.errors == []
