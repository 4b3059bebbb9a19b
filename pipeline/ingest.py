"""Stage 1 — ingest: raw files → article records (+ reject rows).

Accepted inputs (see ``shared/contract.md``):
- ``NAME.txt`` with an optional sidecar ``NAME.meta.json``;
- ``NAME.html`` / ``NAME.htm`` (article text extracted with trafilatura), optional sidecar;
- ``NAME.jsonl``: one article per line, metadata keys plus ``text``.

Everything else, and anything unreadable, becomes a reject row ``{source_file, stage,
reason, detail}``; the run goes on. Hidden files (``.gitkeep``) are ignored.

Error policy: text that is not UTF-8 is decoded with the legacy encoding its bytes point
to (cp1251 / koi8-r for Cyrillic, cp1252 / latin-1 for Western text; charset-normalizer as a
last resort) and accepted; a UTF-8 file with a few stray bytes is decoded as UTF-8. Binary
content (NUL / control bytes, or the signature of a binary format such as PDF, ZIP/DOCX,
PNG), empty text, oversized files, undecodable bytes and duplicate texts are rejected; a
JSONL line is rejected on its own. Broken metadata does not reject the article: the article
is kept without the bad fields and the problem is logged as a reject row of the
``.meta.json`` (or the JSONL line) with reason ``bad_metadata``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from . import config
from .rawfiles import list_raw_entries, list_raw_files, raw_entry_problem  # noqa: F401 (API)

log = logging.getLogger(__name__)

META_KEYS = ("id", "url", "outlet", "language", "published", "title")
TEXT_SUFFIXES = {".txt"}
HTML_SUFFIXES = {".html", ".htm"}
JSONL_SUFFIXES = {".jsonl"}
META_SUFFIX = ".meta.json"


@dataclass(frozen=True)
class RawItem:
    """One raw document before parsing: its path relative to RAW_DIR and its bytes."""

    source_file: str
    data: bytes
    meta: bytes | None = None  # sidecar bytes, if any
    meta_file: str | None = None


# --------------------------------------------------------------------------- decoding

# Signatures of binary formats that may hide behind a text suffix.
_BINARY_MAGIC = (b"%PDF-", b"PK\x03\x04", b"\x89PNG", b"GIF87a", b"GIF89a", b"\xff\xd8\xff",
                 b"\xd0\xcf\x11\xe0", b"\x1f\x8b", b"BZh", b"\xfd7zXZ", b"7z\xbc\xaf", b"Rar!",
                 b"\x7fELF", b"MZ\x90\x00")
# C0 control bytes other than \t \n \f \r (and ESC, seen in terminal captures).
_CTRL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))
_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))


def _looks_binary(data: bytes) -> bool:
    if data.startswith(_BINARY_MAGIC):
        return True
    if b"\x00" in data:
        return True
    if not data:
        return False
    ctrl = len(data) - len(data.translate(None, _CTRL_BYTES))
    return ctrl / len(data) > 0.05


def _is_cyrillic_8bit(data: bytes) -> bool:
    """Do the non-ASCII bytes form words (Cyrillic in a single-byte code page) rather than
    isolated accented letters in ASCII words (Western text)?"""
    high = [i for i, b in enumerate(data) if b >= 0x80]
    if not high:
        return False
    positions = set(high)
    paired = sum(1 for i in high if i - 1 in positions or i + 1 in positions)
    return paired / len(high) >= 0.5


_COMMON_CYRILLIC = set("оеаинтсрвлі")  # the most frequent letters of Russian and Ukrainian


def _cyrillic_codec(data: bytes) -> list[str]:
    """cp1251 and koi8-r map the same bytes to different letters: prefer the code page whose
    decoding has the most common letters (robust to ALL-CAPS text)."""
    def score(enc: str) -> float:
        text = data.decode(enc, errors="ignore").lower()
        letters = [ch for ch in text if "\u0400" <= ch <= "\u04ff"]
        return sum(ch in _COMMON_CYRILLIC for ch in letters) / (len(letters) or 1)

    return sorted(["cp1251", "koi8_r"], key=score, reverse=True)


def _plausible(text: str) -> bool:
    """No more than 1% of control / unassigned characters (other than line breaks, tabs)."""
    if not text:
        return True
    bad = sum(1 for ch in text
              if ch not in "\t\n\r\x0c\x1b" and unicodedata.category(ch) in ("Cc", "Cn", "Cs", "Co"))
    return bad / len(text) <= 0.01


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode raw bytes to text. Returns ``(text, encoding)``; raises ``ValueError``."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError:
                break
            if enc != "utf-8-sig" and not _plausible(text):
                raise ValueError("binary content (not text after the UTF-16 byte-order mark)")
            return text.lstrip("\ufeff"), "utf-8" if enc == "utf-8-sig" else enc
    if _looks_binary(data):
        raise ValueError("binary content")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    # A download cut inside a multi-byte character.
    for k in (1, 2, 3):
        try:
            return data[:-k].decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            pass
    # Mostly valid UTF-8 with a few stray bytes: keep UTF-8 (stray bytes become U+FFFD).
    lossy = data.decode("utf-8", errors="replace")
    n_bad = lossy.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    n_good = sum(1 for ch in lossy if ord(ch) >= 0x80 and ch != "\ufffd")
    if n_good >= 20 * n_bad:
        return lossy, "utf-8"
    codecs = _cyrillic_codec(data) if _is_cyrillic_8bit(data) else ["cp1252", "latin_1"]
    for enc in codecs:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if _plausible(text):
            return text, enc
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=["cp1251", "koi8_r", "cp1252", "latin_1",
                                          "mac_cyrillic", "cp1250"]).best()
    if best is None or not _plausible(str(best)):
        raise ValueError("undecodable bytes (no plausible encoding)")
    return str(best), best.encoding


_SURROGATE_RE = re.compile(r"[\ud800-\udfff]")


def clean_str(text: str) -> str:
    """Replace lone surrogates (possible in JSON ``\\ud800`` escapes) so the text can be
    encoded as UTF-8."""
    return _SURROGATE_RE.sub("\ufffd", text)


def normalise_text(text: str) -> str:
    text = unicodedata.normalize("NFC", clean_str(text))
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = re.sub(r"[\u00a0\u202f\u2007]", " ", text)
    text = re.sub(r"[\u200b\ufeff\u00ad]", "", text)
    return text.strip()


def article_id(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


# --------------------------------------------------------------------------- metadata

_MONTH_RE = re.compile(r"^([0-9]{4})-([0-9]{2})$")
_DATE_RE = re.compile(r"^([0-9]{4})-([0-9]{2})-([0-9]{2})(?:$|[T ][0-9])")


def parse_published(value) -> tuple[str | None, str | None, str]:
    """``(published_as_given, iso_date_or_None, precision)``; raises ``ValueError`` when the
    value is present but not a valid date, date-time or month."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, None, "unknown"
    if not isinstance(value, str):
        raise ValueError(f"published is not a string: {value!r}")
    s = value.strip()
    m = _MONTH_RE.match(s)
    if m:
        year, month = int(m.group(1)), int(m.group(2))
        if not (1 <= month <= 12 and 1900 <= year <= 2100):
            raise ValueError(f"impossible month {s!r}")
        return s, None, "month"
    if _DATE_RE.match(s):
        try:
            if len(s) == 10:
                d = dt.date.fromisoformat(s)
            else:
                d = dt.datetime.fromisoformat(s.replace("Z", "+00:00")).date()
        except ValueError as exc:
            raise ValueError(f"impossible date {s!r}: {exc}") from None
        if not 1900 <= d.year <= 2100:
            raise ValueError(f"implausible year in {s!r}")
        return s, d.isoformat(), "day"
    raise ValueError(f"unrecognised date format {s!r}")


#: URLs kept from metadata: http(s) with a host, no whitespace or control characters. Anything
#: else (``javascript:``, ``vbscript:``, ``data:``, ``file:``, a bare path) is left empty with a
#: ``bad_metadata`` reject row, so every published URL and report link is a web address.
_SAFE_URL_RE = re.compile(r"^https?://[^\s/?#\x00-\x1f\x7f]+[^\s\x00-\x1f\x7f]*$", re.IGNORECASE)


def clean_meta(meta: dict) -> tuple[dict, list[str]]:
    """Keep the known keys with string values; return ``(meta, problems)``."""
    out: dict = {}
    problems: list[str] = []
    if not isinstance(meta, dict):
        return clean_meta({})[0], ["metadata is not a JSON object"]
    for key in META_KEYS:
        v = meta.get(key)
        if v is None:
            out[key] = None
        elif key == "id" and isinstance(v, int) and not isinstance(v, bool):
            out[key] = str(v)
        elif isinstance(v, str):
            out[key] = clean_str(v).strip() or None
        else:
            problems.append(f"{key}: expected a string, got {type(v).__name__}")
            out[key] = None
    if out["url"] is not None and not _SAFE_URL_RE.match(out["url"]):
        scheme = out["url"].split(":", 1)[0][:20] if ":" in out["url"] else "(none)"
        problems.append(f"url: scheme {scheme!r} is not http or https: left empty")
        out["url"] = None
    try:
        out["published"], out["published_date"], out["published_precision"] = \
            parse_published(out["published"])
    except ValueError as exc:
        problems.append(f"published: {exc}")
        out["published"], out["published_date"], out["published_precision"] = None, None, "unknown"
    return out, problems


# --------------------------------------------------------------------------- core

def _reject(source_file: str, reason: str, detail: str) -> dict:
    return {"source_file": source_file, "stage": "ingest", "reason": reason, "detail": detail}


def _article(source_file: str, text: str, meta: dict) -> dict:
    return {
        "article_id": article_id(text),
        "source_file": source_file,
        "doc_id": meta.get("id"),
        "url": meta.get("url"),
        "outlet": meta.get("outlet"),
        "title": meta.get("title"),
        "published": meta.get("published"),
        "published_date": meta.get("published_date"),
        "published_precision": meta.get("published_precision", "unknown"),
        "language_meta": meta.get("language"),
        "text": text,
    }


def _parse_meta_bytes(raw: bytes | None, where: str, rejects: list[dict]) -> dict:
    if raw is None:
        return clean_meta({})[0]
    try:
        if len(raw) > config.MAX_FILE_BYTES:
            raise ValueError(f"sidecar too large ({len(raw)} bytes)")
        obj = json.loads(decode_bytes(raw)[0])
        if not isinstance(obj, dict):
            raise ValueError("metadata is not a JSON object")
    except (ValueError, RecursionError) as exc:
        rejects.append(_reject(where, "bad_metadata", f"ignored: {exc}"))
        return clean_meta({})[0]
    meta, problems = clean_meta(obj)
    for p in problems:
        rejects.append(_reject(where, "bad_metadata", p))
    return meta


def _text_or_reject(source_file: str, text: str, rejects: list[dict]) -> str | None:
    text = normalise_text(text)
    if not text:
        rejects.append(_reject(source_file, "empty", "no text"))
        return None
    if len(text) > config.MAX_ARTICLE_CHARS:
        rejects.append(_reject(source_file, "too_long",
                               f"{len(text)} characters > {config.MAX_ARTICLE_CHARS}"))
        return None
    if len(text) < config.MIN_TEXT_CHARS:
        rejects.append(_reject(source_file, "too_short", f"{len(text)} characters"))
        return None
    return text


def html_to_text(html: str) -> tuple[str | None, str | None]:
    """Extract ``(text, title)`` from a saved web page."""
    import trafilatura

    if not html.strip():
        return None, None
    text = trafilatura.extract(html, include_comments=False, include_tables=False,
                               favor_precision=True, deduplicate=False)
    title = None
    meta = trafilatura.extract_metadata(html)
    if meta is not None and meta.title:
        title = normalise_text(meta.title) or None
    if text:
        # trafilatura separates paragraphs by single line breaks: make them paragraphs
        text = re.sub(r"\n+", "\n\n", normalise_text(text))
    if title and text and not text.startswith(title):
        text = f"{title}\n\n{text}"
    return text, title


def parse_item(item: RawItem, max_bytes: int | None = None) -> tuple[list[dict], list[dict]]:
    """Parse one raw item into ``(articles, rejects)`` (pure: bytes in, records out).
    ``max_bytes`` defaults to ``config.MAX_FILE_BYTES`` (read at call time)."""
    if max_bytes is None:
        max_bytes = config.MAX_FILE_BYTES
    rejects: list[dict] = []
    articles: list[dict] = []
    src = item.source_file
    suffix = Path(src).suffix.lower()
    if len(item.data) > max_bytes:
        return [], [_reject(src, "too_large", f"{len(item.data)} bytes > {max_bytes}")]
    if not item.data.strip():
        return [], [_reject(src, "empty", "file is empty")]
    try:
        raw_text, encoding = decode_bytes(item.data)
    except ValueError as exc:
        reason = "binary" if "binary" in str(exc) else "bad_encoding"
        return [], [_reject(src, reason, str(exc))]

    if suffix in JSONL_SUFFIXES:
        for lineno, line in enumerate(raw_text.split("\n"), start=1):
            if not line.strip():
                continue
            where = f"{src}#{lineno}"
            try:
                obj = json.loads(line)
                if not isinstance(obj, dict):
                    raise ValueError("line is not a JSON object")
            except (ValueError, RecursionError) as exc:
                rejects.append(_reject(where, "bad_json", str(exc)[:200]))
                continue
            body = obj.get("text")
            if not isinstance(body, str):
                rejects.append(_reject(where, "no_text", "missing or non-string 'text'"))
                continue
            meta, problems = clean_meta(obj)
            for p in problems:
                rejects.append(_reject(where, "bad_metadata", p))
            text = _text_or_reject(where, body, rejects)
            if text is not None:
                articles.append(_article(where, text, meta))
        if not articles and not rejects:
            rejects.append(_reject(src, "empty", "no JSON lines"))
        return articles, rejects

    meta = _parse_meta_bytes(item.meta, item.meta_file or src, rejects)
    if encoding != "utf-8":
        log.info("%s decoded as %s", src, encoding)
    if suffix in HTML_SUFFIXES:
        try:
            text, title = html_to_text(raw_text)
        except Exception as exc:  # trafilatura/lxml on hostile markup
            rejects.append(_reject(src, "no_text", f"HTML extraction failed: {type(exc).__name__}"))
            return [], rejects
        if not text:
            rejects.append(_reject(src, "no_text", "no article text found in the HTML"))
            return [], rejects
        if title and not meta.get("title"):
            meta["title"] = title
    else:
        text = raw_text
    text = _text_or_reject(src, text, rejects)
    if text is not None:
        articles.append(_article(src, text, meta))
    return articles, rejects


def dedupe(articles: Iterable[dict]) -> tuple[list[dict], list[dict]]:
    """Keep the first article of each content hash (inputs are in path order)."""
    seen: dict[str, str] = {}
    kept, rejects = [], []
    for a in articles:
        if a["article_id"] in seen:
            rejects.append(_reject(a["source_file"], "duplicate",
                                   f"same text as {seen[a['article_id']]}"))
        else:
            seen[a["article_id"]] = a["source_file"]
            kept.append(a)
    return kept, rejects


# --------------------------------------------------------------------------- files

def iter_raw_items(raw_dir: Path) -> Iterator[RawItem | dict]:
    """Yield RawItems (or reject rows for entries that are not documents on their own)."""
    raw_dir = Path(raw_dir)
    entries = list_raw_entries(raw_dir)
    files = []
    for p in entries:
        problem = raw_entry_problem(raw_dir, p)
        if problem is None:
            files.append(p)
        else:
            yield _reject(p.relative_to(raw_dir).as_posix(), *problem)
    # stems of the documents that take a sidecar (suffix compared case-insensitively,
    # as below where the document's suffix is lower-cased)
    doc_stems = {p.relative_to(raw_dir).as_posix()[: -len(p.suffix)] for p in files
                 if p.suffix.lower() in TEXT_SUFFIXES | HTML_SUFFIXES}
    readable = set(files)
    for p in files:
        rel = p.relative_to(raw_dir).as_posix()
        if rel.endswith(META_SUFFIX):
            stem = rel[: -len(META_SUFFIX)]
            if stem not in doc_stems:
                yield _reject(rel, "orphan_metadata", "no .txt or .html beside this sidecar")
            continue
        suffix = p.suffix.lower()
        if suffix not in TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES:
            yield _reject(rel, "unsupported_type", f"unsupported file type {suffix or '(none)'!r}")
            continue
        try:
            size = p.stat().st_size
            if size > config.MAX_FILE_BYTES:
                yield _reject(rel, "too_large", f"{size} bytes > {config.MAX_FILE_BYTES}")
                continue
            data = p.read_bytes()
            meta_rel = rel[: -len(p.suffix)] + META_SUFFIX
            meta_path = raw_dir / meta_rel
            meta = (meta_path.read_bytes() if suffix not in JSONL_SUFFIXES
                    and meta_path in readable else None)
        except OSError as exc:  # the message without the (absolute) path of the machine
            yield _reject(rel, "unreadable", f"{type(exc).__name__}: {exc.strerror or 'error'}")
            continue
        yield RawItem(rel, data, meta, meta_rel if meta is not None else None)


def ingest(raw_dir: Path) -> tuple[list[dict], list[dict]]:
    """All articles and rejects of a raw directory."""
    articles: list[dict] = []
    rejects: list[dict] = []
    from .progress import track

    for item in track(iter_raw_items(raw_dir), "ingest", unit="files"):
        if isinstance(item, dict):
            rejects.append(item)
            continue
        try:
            a, r = parse_item(item)
        except Exception as exc:  # a parser bug must not stop the run: record it
            log.exception("ingest failed on %s", item.source_file)
            a, r = [], [_reject(item.source_file, "parse_error", f"{type(exc).__name__}: {exc}")]
        articles.extend(a)
        rejects.extend(r)
    articles, dup_rejects = dedupe(articles)
    return articles, rejects + dup_rejects


def main(raw_dir: Path, articles_path: Path, rejects_path: Path) -> tuple[int, int]:
    from . import io

    articles, rejects = ingest(raw_dir)
    io.write_jsonl(articles_path, articles)
    io.write_jsonl(rejects_path, rejects)
    log.info("ingest: %d articles, %d rejects from %s", len(articles), len(rejects), raw_dir)
    return len(articles), len(rejects)
