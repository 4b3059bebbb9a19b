"""An article whose title, outlet, URL and text carry script payloads yields a report.html
that runs none of them: every value is escaped where it is shown (text, attributes, JSON
inside the page), links are only http(s), and the Content-Security-Policy reports no blocked
script (a blocked one would mean a payload reached the markup)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import chromium
from pipeline import outputs
from test_report import elements

MARK = "window.__pwned"
PAYLOADS = [f"<script>{MARK}=1</script>", f'"><img src=x onerror="{MARK}=2">', f"'><svg onload={MARK}=3>",
            f"</script><script>{MARK}=4</script>", f"javascript:{MARK}=5", f"<a href=\"javascript:{MARK}=6\">x</a>",
            "\u2028</script>\u2029"]
PROBES = {
    "pwned": f"typeof {MARK}",
    "handlers": "Array.from(document.querySelectorAll('*')).flatMap(e => Array.from(e.attributes))"
                ".filter(a => a.name.toLowerCase().startsWith('on')).map(a => a.name)",
    "hrefs": "Array.from(document.querySelectorAll('[href]')).map(e => e.getAttribute('href'))",
    "scripts": "document.querySelectorAll('script:not([type=\"application/json\"])').length",
    "text": "document.body.innerText",
}


def _check(run: chromium.PageRun) -> None:
    assert run.ready, "the dashboard did not finish rendering"
    assert run.errors == [], "a script failed or the CSP blocked an injected one"
    assert run.evaluated["pwned"] == "undefined", "an injected script ran"
    assert run.evaluated["handlers"] == []
    assert all(re.match(r"https?://", h) for h in run.evaluated["hrefs"]), run.evaluated["hrefs"]
    assert run.evaluated["scripts"] == 2


def _static_check(page: str) -> None:
    tags = elements(page)
    assert [(t, k) for t, a in tags for k in a if k.lower().startswith("on")] == []
    assert len([a for t, a in tags if t == "script" and a.get("type") != "application/json"]) == 2
    assert all(re.match(r"https?://", a["href"]) for t, a in tags if "href" in a)
    for block in re.findall(r'<script type="application/json" id="[^"]+">(.*?)</script>', page, re.S):
        json.loads(block)  # every data block is whole JSON: nothing closed it early


@pytest.fixture(scope="module")
def payload_publication(tmp_path_factory):
    from pipeline import run
    from pipeline.config import Paths

    root = tmp_path_factory.mktemp("payload")
    raw = root / "raw"
    raw.mkdir()
    text = (f"Drones downed overnight {PAYLOADS[3]}\n\n"
            f"The Russian Defence Ministry said air defences destroyed 14 Ukrainian drones over the "
            f"Belgorod region overnight {PAYLOADS[0]} {PAYLOADS[1]}.\n\n"
            f"Ukraine's air force said it had launched no drones there {PAYLOADS[2]} {PAYLOADS[5]}.\n")
    (raw / "payload.txt").write_text(text, encoding="utf-8")
    meta = {"title": f"{PAYLOADS[0]} night {PAYLOADS[3]}", "outlet": f"Daily {PAYLOADS[1]} {PAYLOADS[2]}",
            "url": PAYLOADS[4], "published": "2025-06-02", "language": "en"}
    (raw / "payload.meta.json").write_text(json.dumps(meta), encoding="utf-8")
    second = {"title": PAYLOADS[6], "outlet": f"Wire {PAYLOADS[0]}", "published": "2025-06-02", "language": "en",
              "url": f'https://news.example.org/a"onmouseover="{MARK}=7',
              "text": "Russian air defences shot down 9 Ukrainian drones over the Kursk region overnight, "
                      f"the Defence Ministry said. {PAYLOADS[3]}"}
    (raw / "batch.jsonl").write_text(json.dumps(second) + "\n", encoding="utf-8")
    paths = Paths(raw, root / "interim", root / "processed")
    run.run_all(paths)
    return Path(paths.processed_dir)


def test_payload_article_reaches_the_report_as_text(payload_publication):
    page = (payload_publication / "report.html").read_text(encoding="utf-8")
    _static_check(page)
    assert "Daily &lt;" in page or "Wire &lt;script&gt;" in page, "the outlet is shown, escaped"


@pytest.mark.skipif(chromium.find() is None, reason="no chromium on this machine (CI installs it)")
def test_payload_article_report_runs_no_injected_script(payload_publication):
    run = chromium.load(payload_publication / "report.html", scripts=PROBES)
    _check(run)
    assert "onerror" in run.evaluated["text"], "the payload is displayed as text, not dropped"


def _payload_tables() -> dict[str, list[dict]]:
    p = " ".join(PAYLOADS)
    claim = {"claim_id": "c-1", "incident_id": "i-1", "claimant": p, "claimant_side": "RU",
             "event_type": "interception", "weapon": p, "intercepted": 5, "admin1": p, "admin1_code": "RU-BEL",
             "country_code": "RU", "location_text": p, "target": p, "event_date": "2025-06-02",
             "first_published": "2025-06-02", "source_urls": f"{PAYLOADS[4]}|https://ok.example.org/x?a=1&b=2",
             "mention_ids": "m-1"}
    other = {**claim, "claim_id": "c-2", "claimant_side": "UA", "intercepted": 3, "admin1": "", "admin1_code": ""}
    incident = {"incident_id": "i-1", "event_date": "2025-06-02", "attacker_side": "UA", "weapon": p,
                "admin1": p, "country_code": "RU", "latitude": 50.6, "longitude": 36.6, "n_claims": 2,
                "sides_reporting": "RU|UA", "intercepted_low": 3, "intercepted_high": 5, "disputed": True}
    unplaced = {**incident, "incident_id": "i-2", "latitude": None, "longitude": None, "admin1": ""}
    return {"claims": [claim, other], "incidents": [incident, unplaced],
            "articles": [{"url": "https://ok.example.org/x?a=1&b=2", "outlet": p}],
            "mentions": [{"mention_id": "m-1", "sentence": p}], "rejects": [{"stage": p, "reason": p}]}


def test_payloads_in_every_shown_field_stay_inert(tmp_path):
    page = outputs.render_report(_payload_tables())
    _static_check(page)
    report = tmp_path / "report.html"
    report.write_text(page, encoding="utf-8")
    if chromium.find() is None:
        pytest.skip("no chromium on this machine (CI installs it)")
    run = chromium.load(report, scripts=PROBES)
    _check(run)
    assert set(run.evaluated["hrefs"]) == {"https://ok.example.org/x?a=1&b=2"}
