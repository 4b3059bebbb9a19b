"""Rule traceability: every mention records the ids of the rules that produced or changed it
(``rule_ids`` in mentions.csv; README "Rule ids").

A rule that builds a claim puts its id on the claim when it makes it; a whole-article pass
(linking breakdown rows, merging a headline into its body claim, applying a correction) is run
through :func:`traced`, which adds the pass's id to exactly the claims the pass created or
changed.
"""

from __future__ import annotations

from typing import Callable, Sequence

#: Fields of a cyrillic claim (``cyrillic.C``) that reach the mention record.
C_FIELDS = ("event_type", "cls", "models", "launched", "intercepted", "lost_to_ew", "hits", "qualifier",
            "region", "loc_text", "ambiguous", "parent", "role", "attacker", "target", "claimant", "side",
            "date", "dropped", "units")
#: Fields of a latin claim (``core.Claim``, with its ``item``) that reach the mention record.
CLAIM_FIELDS = ("claimant", "side", "date", "attacker", "country", "dropped", "parent", "sentences")
ITEM_FIELDS = ("event_type", "weapon", "model", "launched", "intercepted", "lost_to_ew", "hits", "qualifier",
               "place", "location_text", "target", "ambiguous")


def _value(v):
    if isinstance(v, (list, tuple)):
        return tuple(_value(x) for x in v)
    if isinstance(v, dict):
        return tuple(sorted((k, _value(x)) for k, x in v.items()))
    if v is None or isinstance(v, (str, int, float, bool)):
        return v
    return id(v)        # an object (a place, a parent claim): identity is what matters


def signature(obj, fields: Sequence[str], item_fields: Sequence[str] = ()) -> tuple:
    sig = tuple(_value(getattr(obj, f, None)) for f in fields)
    if item_fields:
        sig += tuple(_value(getattr(obj.item, f, None)) for f in item_fields)
    return sig


def traced(rule_id: str, fn: Callable, claims: list, *args, fields: Sequence[str] = C_FIELDS,
           item_fields: Sequence[str] = ()):
    """Run ``fn(claims, *args)``; every claim it adds or changes gets ``rule_id`` in ``rules``.
    Returns what ``fn`` returns (the new claim list, or ``None`` for an in-place pass)."""
    before = {id(c): signature(c, fields, item_fields) for c in claims}
    result = fn(claims, *args)
    for c in (result if isinstance(result, list) else claims):
        if before.get(id(c)) != signature(c, fields, item_fields):
            c.rules.append(rule_id)
    return result


def rule_ids(*groups: Sequence[str]) -> str:
    """The ``|``-separated, sorted, distinct ids of a mention."""
    return "|".join(sorted({r for g in groups for r in g}))
