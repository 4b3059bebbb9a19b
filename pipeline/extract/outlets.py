"""The outlets registry: who publishes an article, and who speaks when its text names no one.

``lexicons/outlets.jsonl`` (user-editable, one JSON object per line, ``#`` lines are comments)
lists outlets with the names, aliases, URL domains and Telegram/channel handles they appear
under, each mapped to a side and an outlet kind; an official channel (``kind`` =
``official_channel``) also names its ``claimant``: a post of the Russian MoD's channel speaks in
the ministry's own voice. See README "The outlets registry" for the format.

An article is matched on its ``outlet`` string and its ``url``, case-insensitively and tolerant
of decorations: ``mod_russia``, ``mod_russia (Telegram)``, ``t.me/mod_russia``,
``https://t.me/mod_russia/12345`` and ``Минобороны России (Telegram, t.me/mod_russia)`` are all
the Russian MoD. Order of evidence: a channel handle, then a URL domain, then a name or alias,
then the entries' regular-expression ``patterns`` in file order (the outlet string first, then
the URL).
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable
from urllib.parse import urlsplit

from .resources import LEXICON_DIR

REGISTRY_PATH = LEXICON_DIR / "outlets.jsonl"
SIDES = ("RU", "UA", "other")
KINDS = ("official_channel", "agency", "newspaper", "broadcaster", "online_media", "aggregator", "group")
_LIST_FIELDS = ("aliases", "handles", "domains", "patterns")
_KNOWN_FIELDS = {"id", "name", "side", "kind", "claimant", "note", *_LIST_FIELDS}
_HANDLE = re.compile(r"^@?([A-Za-z0-9_]{3,64})$")
_HANDLE_IN_TEXT = re.compile(r"(?:(?<![\w.])(?:www\.)?(?:t|telegram)\.me/(?:s/)?@?|(?<![\w@])@)([A-Za-z0-9_]{3,64})", re.I)
_DOMAIN = re.compile(r"^(?:[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?\.)+[a-z]{2,}$")
_CHANNEL_HOSTS = ("t.me", "telegram.me")


class RegistryError(ValueError):
    """A malformed registry line; the message names the file and line."""


@dataclass(frozen=True)
class Outlet:
    id: str
    name: str
    side: str
    kind: str
    claimant: str | None = None
    aliases: tuple = ()
    handles: tuple = ()
    domains: tuple = ()
    patterns: tuple = ()            # compiled, case-insensitive

    @property
    def official(self) -> bool:
        """An official channel speaks in its own voice: its claimant is the speaker."""
        return self.kind == "official_channel"


@dataclass(frozen=True)
class OutletMatch:
    outlet: Outlet
    how: str                        # handle | domain | name | pattern


def normalise_name(text: str) -> str:
    """Casefolded, accents and punctuation folded to spaces: ``"Kyiv-Post"`` → ``"kyiv post"``."""
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[^\w]+", " ", text).replace("_", " ").split())


def _check_entry(obj, where: str, seen: set) -> Outlet:
    def fail(msg: str):
        raise RegistryError(f"{where}: {msg}")

    if not isinstance(obj, dict):
        fail("expected a JSON object")
    unknown = sorted(set(obj) - _KNOWN_FIELDS)
    if unknown:
        fail(f"unknown field(s) {', '.join(unknown)} (allowed: {', '.join(sorted(_KNOWN_FIELDS))})")
    for key in ("id", "name", "side", "kind"):
        if not isinstance(obj.get(key), str) or not obj[key].strip():
            fail(f"field '{key}' is required and must be a non-empty string")
    if obj["id"] in seen:
        fail(f"duplicate id '{obj['id']}'")
    if obj["side"] not in SIDES:
        fail(f"side '{obj['side']}' is not one of {', '.join(SIDES)}")
    if obj["kind"] not in KINDS:
        fail(f"kind '{obj['kind']}' is not one of {', '.join(KINDS)}")
    claimant = obj.get("claimant")
    if claimant is not None and (not isinstance(claimant, str) or not claimant.strip()):
        fail("field 'claimant' must be a non-empty string")
    if obj["kind"] == "official_channel" and not claimant:
        fail("an official_channel needs a 'claimant' (the canonical name it speaks for)")
    for key in _LIST_FIELDS:
        val = obj.get(key, [])
        if not isinstance(val, list) or not all(isinstance(v, str) and v.strip() for v in val):
            fail(f"field '{key}' must be a list of non-empty strings")
    for h in obj.get("handles", []):
        if not _HANDLE.match(h):
            fail(f"handle '{h}' is not a channel handle (letters, digits, '_', 3-64 characters)")
    for d in obj.get("domains", []):
        if not _DOMAIN.match(d.lower()):
            fail(f"domain '{d}' is not a domain name (e.g. 'tass.ru')")
    compiled = []
    for p in obj.get("patterns", []):
        try:
            compiled.append(re.compile(p, re.IGNORECASE))
        except re.error as exc:
            fail(f"pattern {p!r} is not a valid regular expression: {exc}")
    return Outlet(obj["id"], obj["name"], obj["side"], obj["kind"], claimant,
                  tuple(obj.get("aliases", [])), tuple(_HANDLE.match(h).group(1) for h in obj.get("handles", [])),
                  tuple(d.lower() for d in obj.get("domains", [])), tuple(compiled))


class Registry:
    """Loaded registry with its lookup tables (names, handles and domains, case-insensitive)."""

    def __init__(self, outlets: Iterable[Outlet]):
        self.outlets = tuple(outlets)
        self.by_name: dict[str, Outlet] = {}
        self.by_handle: dict[str, Outlet] = {}
        self.by_domain: dict[str, Outlet] = {}
        for o in self.outlets:          # the first entry wins a clash
            for name in (o.name, *o.aliases):
                self.by_name.setdefault(normalise_name(name), o)
            for h in o.handles:
                self.by_handle.setdefault(h.casefold(), o)
            for d in o.domains:
                self.by_domain.setdefault(d, o)

    def lookup(self, outlet: str | None, url: str | None = None) -> OutletMatch | None:
        """The registry entry of an article's ``outlet`` string and ``url``, or ``None``."""
        outlet = (outlet or "").strip()
        url = (url or "").strip()
        if not outlet and not url:
            return None
        for h in _handles(outlet, url):
            if h.casefold() in self.by_handle:
                return OutletMatch(self.by_handle[h.casefold()], "handle")
        for host in _hosts(outlet, url):
            parts = host.split(".")
            for i in range(len(parts) - 1):     # the host, then its parent domains
                o = self.by_domain.get(".".join(parts[i:]))
                if o is not None:
                    return OutletMatch(o, "domain")
        for name in _names(outlet):
            if name in self.by_name:
                return OutletMatch(self.by_name[name], "name")
        for text in (outlet.lower(), url.lower()):
            for o in self.outlets if text else ():
                if any(rx.search(text) for rx in o.patterns):
                    return OutletMatch(o, "pattern")
        return None


def _parts(outlet: str) -> list[str]:
    """The outlet string, its main part (before any bracket) and each bracketed comma-separated
    piece: ``"Минобороны России (Telegram, t.me/mod_russia)"`` → the whole, ``"Минобороны
    России"``, ``"Telegram"``, ``"t.me/mod_russia"``."""
    out = [outlet]
    main = re.split(r"[(\[]", outlet, maxsplit=1)[0].strip(" ,;-–—|")
    out.append(main)
    for inner in re.findall(r"[(\[]([^)\]]*)[)\]]", outlet):
        out.extend(p.strip() for p in re.split(r"[,;|]", inner))
    out.extend(p.strip() for p in re.split(r"\s+[|–—/-]\s+|,\s*", main))
    return [p for p in dict.fromkeys(out) if p]


def _handles(outlet: str, url: str) -> list[str]:
    found = [m.group(1) for text in (url, outlet) for m in _HANDLE_IN_TEXT.finditer(text)]
    found += [m.group(1) for p in _parts(outlet) for m in [_HANDLE.match(p)] if m]
    return list(dict.fromkeys(found))


def _hosts(outlet: str, url: str) -> list[str]:
    hosts = []
    for text in [url] + [p for p in _parts(outlet) if "." in p and " " not in p]:
        try:
            host = urlsplit(text if "//" in text else "//" + text).hostname or ""
        except ValueError:
            continue
        host = host.lower().removeprefix("www.")
        if _DOMAIN.match(host) and host not in _CHANNEL_HOSTS:
            hosts.append(host)
    return list(dict.fromkeys(hosts))


def _names(outlet: str) -> list[str]:
    return [n for n in dict.fromkeys(normalise_name(p) for p in _parts(outlet)) if n]


def parse_registry(lines: Iterable[str], source: str = "outlets.jsonl") -> Registry:
    """Validate and load registry lines (pure); a bad line raises :class:`RegistryError`
    naming ``source`` and the line number."""
    outlets, seen = [], set()
    for n, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise RegistryError(f"{source}:{n}: not valid JSON: {exc.msg}") from None
        o = _check_entry(obj, f"{source}:{n}", seen)
        seen.add(o.id)
        outlets.append(o)
    return Registry(outlets)


def load_registry(path: Path | None = None) -> Registry:
    path = Path(path) if path is not None else REGISTRY_PATH
    return parse_registry(path.read_text(encoding="utf-8").splitlines(), str(path))


@functools.lru_cache(maxsize=1)
def registry() -> Registry:
    """The registry shipped in ``lexicons/outlets.jsonl`` (loaded once)."""
    return load_registry(REGISTRY_PATH)


@functools.lru_cache(maxsize=4096)
def lookup(outlet: str | None, url: str | None = None) -> OutletMatch | None:
    return registry().lookup(outlet, url)


def outlet_side(outlet: str | None, url: str | None = None) -> str:
    """Side of the publishing outlet: ``RU``, ``UA``, or ``other`` (also when not in the registry)."""
    m = lookup(outlet, url)
    return m.outlet.side if m is not None else "other"


def channel_claimant(outlet: str | None, url: str | None = None) -> Outlet | None:
    """The official channel an article was published on, or ``None``. Only a handle, domain or
    name identifies a channel; a pattern (a word in a longer outlet string) gives the side only."""
    m = lookup(outlet, url)
    return m.outlet if m is not None and m.outlet.official and m.how != "pattern" else None


def claimant_source(claimant: str | None, outlet: str | None, url: str | None = None) -> str:
    """``text`` when the text named the claimant, else ``outlet`` when the registry knows the
    outlet (its channel's voice, or its side for an unattributed statement), else ``unknown``."""
    if claimant not in (None, "outlet"):
        return "text"
    return "outlet" if lookup(outlet, url) is not None else "unknown"
