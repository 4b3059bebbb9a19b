"""Published totals tell the truth: an incident placed in a region carries only figures claimed
for that region, and the report's daily chart equals a de-duplicated sum computed here
independently from claims.csv (part_of rows, breakdown rows and revised figures never added).

Runs on the sample publication and, when the shared development corpus is present
(``../shared/corpus/dev/docs`` next to the repository), on a publication built from it; set
``AIRWAR_CHECK_PUBLICATION=DIR`` to check an existing publication instead of building that one."""

from __future__ import annotations

import os
import re
from collections import defaultdict
from pathlib import Path

import pandas as pd
import pytest


def _read(d: Path, name: str) -> pd.DataFrame:
    return pd.read_csv(d / f"{name}.csv", dtype=str, keep_default_na=False)


DEV_DOCS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev" / "docs"


@pytest.fixture(scope="module")
def dev_publication(tmp_path_factory) -> Path | None:
    """The development corpus published by the pipeline (None when the corpus is absent)."""
    if os.environ.get("AIRWAR_CHECK_PUBLICATION"):
        return Path(os.environ["AIRWAR_CHECK_PUBLICATION"])
    if not DEV_DOCS.is_dir():
        return None
    from pipeline import run
    from pipeline.config import Paths

    root = tmp_path_factory.mktemp("dev")
    paths = Paths(DEV_DOCS, root / "interim", root / "processed")
    run.run_all(paths)
    return Path(paths.processed_dir)


@pytest.fixture
def publications(sample_publication, dev_publication):
    return [sample_publication] + ([dev_publication] if dev_publication else [])


def test_regional_incidents_carry_no_national_figure(publications):
    for d in publications:
        inc, claims = _read(d, "incidents"), _read(d, "claims")
        placed = inc[inc.admin1 != ""]
        assert len(placed), d
        by_inc = claims.groupby("incident_id")
        for _, i in placed.iterrows():
            cs = by_inc.get_group(i.incident_id)
            national = cs[(cs.admin1 == "")]
            assert national.empty, f"{d}: {i.incident_id} in {i.admin1} holds country-level claims {list(national.claim_id)}"
            for f in ("launched", "intercepted"):
                for v in (i[f + "_low"], i[f + "_high"]):
                    if v:
                        assert v in set(cs[cs.admin1 == i.admin1][f]), (d, i.incident_id, f, v)


def test_country_incidents_have_no_region_point(publications):
    for d in publications:
        inc = _read(d, "incidents")
        country = inc[inc.geo_scope == "country"]
        assert (country.admin1 == "").all() and (country.latitude == "").all(), d


def _dedup_daily(d: Path) -> dict[tuple[str, str], int]:
    """Independent of pipeline.incident_views: day, side → sum over incidents of the side's
    figure, where a side's figure in an incident counts each weapon class once (its largest
    country-level claim; without one, each region's largest claim, added up)."""
    claims, inc = _read(d, "claims"), _read(d, "incidents")
    day = dict(zip(inc.incident_id, inc.event_date))
    revised = set(claims.revises_claim_id) - {""}
    keep = claims[(claims.part_of_claim_id == "") & (~claims.claim_id.isin(revised))
                  & (claims.intercepted != "") & (claims.claimant_side.isin(["RU", "UA"]))].copy()
    keep["n"] = keep.intercepted.astype(int)
    # an unknown weapon joins the side's only known weapon class in the incident
    known = keep[keep.weapon != "unknown"].groupby(["incident_id", "claimant_side"]).weapon.agg(set)
    keep["w"] = [next(iter(known.get((r.incident_id, r.claimant_side), {"x", "y"})))
                 if r.weapon == "unknown" and len(known.get((r.incident_id, r.claimant_side), ())) == 1
                 else r.weapon for r in keep.itertuples()]
    keep["national"] = keep.admin1 == ""
    out: dict[tuple[str, str], int] = defaultdict(int)
    for (iid, side, _w), g in keep.groupby(["incident_id", "claimant_side", "w"]):
        if not day.get(iid):
            continue
        if g.national.any():
            v = g[g.national].n.max()
        else:
            v = g.groupby("admin1").n.max().sum()
        out[(day[iid], side)] += int(v)
    return {k: v for k, v in out.items()}


def _tables(d: Path) -> dict[str, list[dict]]:
    return {n: _read(d, n).to_dict("records") for n in ("articles", "claims", "incidents", "incident_regions",
                                                        "mentions", "rejects")}


def test_report_daily_series_equals_the_deduplicated_sum(publications):
    from pipeline.dashboard import model

    for d in publications:
        series: dict[tuple[str, str], int] = defaultdict(int)
        for row in model.build(_tables(d))["series"]:
            if row["side"] in ("RU", "UA"):
                series[(row["date"], row["side"])] += row["intercepted"]
        want = {k: v for k, v in _dedup_daily(d).items() if v}
        assert {k: v for k, v in series.items() if v} == want, d
        page = (d / "report.html").read_text(encoding="utf-8")
        assert 'id="spec-series"' in page


def test_sample_daily_totals_do_not_add_the_governors_count(sample_publication):
    assert _dedup_daily(sample_publication)[("2025-09-07", "RU")] == 41


def test_every_incident_is_drawn_or_listed(publications):
    import json

    from pipeline.dashboard import model

    for d in publications:
        inc = _read(d, "incidents")
        data = model.build(_tables(d))
        shown = {p["id"] for p in data["points"]} | {u["id"] for u in data["unplaced"]}
        assert shown == set(inc.incident_id), d
        country = set(inc[inc.geo_scope == "country"].incident_id)
        assert all(u["reason"].startswith("country-level") for u in data["unplaced"] if u["id"] in country)
        gj = json.loads((d / "incidents.geojson").read_text(encoding="utf-8"))
        assert all(f["geometry"] is not None for f in gj["features"])
        assert sorted([f["id"] for f in gj["features"]] + [u["incident_id"] for u in gj["unplaced_incidents"]]) == sorted(inc.incident_id)
