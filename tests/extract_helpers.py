"""Shared helpers of the extraction tests: one Resources per test session and a runner
that extracts claims from a text with a fixed publication date and outlet."""

from __future__ import annotations

import functools

from pipeline.extract import extract_text, load_resources


@functools.lru_cache(maxsize=1)
def resources():
    return load_resources()


def runner(published: str, outlet: str = "Reuters"):
    """``run(text, **kw)`` → mention dicts, defaults ``published`` and ``outlet``."""

    def run(text, **kw):
        kw.setdefault("published", published)
        kw.setdefault("outlet", outlet)
        return extract_text(text, resources=resources(), **kw)

    return run


def _fits(m: dict, exp: dict) -> bool:
    """Every expected field equal (an expected None also matches an empty string)."""
    return all(m.get(k) == v or (v is None and m.get(k) == "") for k, v in exp.items())


def matches(ms: list[dict], expected: list[dict]) -> bool:
    """Every expected claim matched by a distinct mention, and no extra mention."""
    if len(ms) != len(expected):
        return False
    left = list(ms)
    for exp in expected:
        hit = next((m for m in left if _fits(m, exp)), None)
        if hit is None:
            return False
        left.remove(hit)
    return True


def show(ms: list[dict]) -> str:
    """One line per mention, for assertion messages."""
    return "\n".join(f"{m['event_type']} {m['weapon']} {m['claimant']}/{m['claimant_side']} att={m['attacker_side']} "
                     f"L={m['launched']} I={m['intercepted']} E={m['lost_to_ew']} H={m.get('hits')} {m['admin1_code']} "
                     f"{m['event_date']} p={m['parent_index']}" for m in ms)


def assert_claims(run, text: str, expected: list[dict], **kw) -> None:
    """Extract ``text`` with ``run`` and assert the mentions are exactly ``expected``."""
    ms = run(text, **kw)
    assert matches(ms, expected), show(ms)
