"""Bad raw input: every kind is rejected with a reason (never a crash), every raw file is
accounted for, and the parsers survive arbitrary input (hypothesis)."""

from __future__ import annotations

import datetime as dt
import json
import struct
import zlib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline import config, ingest
from pipeline.ingest import META_SUFFIX, RawItem

GOOD = "Volunteers planted three hundred trees along the old canal path on Saturday morning."
GOOD_RU = "В субботу утром волонтёры посадили триста деревьев вдоль старого канала."
GOOD_FR = "Samedi matin, des bénévoles ont planté trois cents arbres le long du vieux canal."


def png_bytes() -> bytes:
    """A real 1×1 PNG image."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr)
            + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")) + chunk(b"IEND", b""))


def reasons(rejects, source_file):
    return [r["reason"] for r in rejects if r["source_file"] == source_file]


@pytest.mark.parametrize("name, data, reason", [
    ("report.pdf", b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n", "unsupported_type"),
    ("report.docx", b"PK\x03\x04\x14\x00\x06\x00", "unsupported_type"),
    ("README", GOOD.encode(), "unsupported_type"),
    ("notes.md", GOOD.encode(), "unsupported_type"),
    ("data.json", b'{"text": "x"}', "unsupported_type"),
    ("empty.txt", b"", "empty"),
    ("blank.txt", b"  \n\t\r\n  ", "empty"),
    ("blank.jsonl", b"\n\n", "empty"),
    ("bom-only.txt", b"\xef\xbb\xbf", "empty"),
    ("nbsp-only.txt", "\u00a0\u200b\n".encode(), "empty"),
    ("tiny.txt", b"Hi.", "too_short"),
    ("image.txt", png_bytes(), "binary"),
    ("nul.txt", GOOD.encode() + b"\x00\x00" + GOOD.encode(), "binary"),
    ("ctrl.txt", bytes(range(1, 32)) * 20, "binary"),
    ("pdf-in-disguise.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "binary"),
    ("zip-in-disguise.html", b"PK\x03\x04" + b"word/document.xml" * 5, "binary"),
    ("image.jsonl", png_bytes(), "binary"),
])
def test_bad_file_is_rejected(make_raw, name, data, reason):
    articles, rejects = ingest.ingest(make_raw({name: data, "good.txt": GOOD}))
    assert [a["source_file"] for a in articles] == ["good.txt"]
    assert reasons(rejects, name) == [reason]
    (r,) = [r for r in rejects if r["source_file"] == name]
    assert r["stage"] == "ingest" and isinstance(r["detail"], str) and r["detail"]


def test_unsupported_type_details(make_raw):
    _, rejects = ingest.ingest(make_raw({"a.pdf": b"%PDF", "b.docx": b"PK", "c": b"text"}))
    assert [r["detail"] for r in rejects] == ["unsupported file type '.pdf'",
                                             "unsupported file type '.docx'",
                                             "unsupported file type '(none)'"]


def test_huge_file(make_raw, monkeypatch):
    raw = make_raw({"huge.txt": GOOD * 10, "ok.txt": GOOD, "huge.jsonl": json.dumps({"text": GOOD * 5})})
    monkeypatch.setattr(config, "MAX_FILE_BYTES", 200)
    articles, rejects = ingest.ingest(raw)
    assert [a["source_file"] for a in articles] == ["ok.txt"]
    assert rejects == [
        {"source_file": "huge.jsonl", "stage": "ingest", "reason": "too_large",
         "detail": f"{len(json.dumps({'text': GOOD * 5}))} bytes > 200"},
        {"source_file": "huge.txt", "stage": "ingest", "reason": "too_large",
         "detail": f"{len(GOOD) * 10} bytes > 200"},
    ]


def test_binary_sidecar_does_not_reject_article(make_raw):
    articles, rejects = ingest.ingest(make_raw({"a.txt": GOOD, "a.meta.json": png_bytes()}))
    assert [a["source_file"] for a in articles] == ["a.txt"]
    assert articles[0]["title"] is None
    assert [(r["source_file"], r["reason"]) for r in rejects] == [("a.meta.json", "bad_metadata")]


def test_deeply_nested_json_does_not_crash(make_raw):
    deep = "[" * 100_000 + "]" * 100_000
    articles, rejects = ingest.ingest(make_raw({"a.txt": GOOD, "a.meta.json": deep,
                                                "b.jsonl": deep + "\n" + json.dumps({"text": GOOD_FR})}))
    assert [a["source_file"] for a in articles] == ["a.txt", "b.jsonl#2"]
    assert [(r["source_file"], r["reason"]) for r in rejects] == [
        ("a.meta.json", "bad_metadata"), ("b.jsonl#1", "bad_json")]


def test_parse_error_is_recorded_not_raised(make_raw, monkeypatch):
    def boom(item, max_bytes=None):
        raise RuntimeError("parser bug")
    monkeypatch.setattr(ingest, "parse_item", boom)
    articles, rejects = ingest.ingest(make_raw({"a.txt": GOOD}))
    assert articles == []
    assert rejects == [{"source_file": "a.txt", "stage": "ingest", "reason": "parse_error",
                        "detail": "RuntimeError: parser bug"}]


# --------------------------------------------------------------------------- accounting invariant

def accounted(raw_dir, articles, rejects) -> None:
    """Every raw file is in articles or rejects (a sidecar through its document; a JSONL file
    through its lines); no record names a file that does not exist."""
    files = [p.relative_to(raw_dir).as_posix() for p in ingest.list_raw_files(raw_dir)]
    seen = [a["source_file"] for a in articles] + [r["source_file"] for r in rejects]
    seen_files = {s.split("#", 1)[0] for s in seen}
    assert seen_files <= set(files)
    docs_lower = {f[: -len(f.split(".")[-1]) - 1] for f in files
                  if f.lower().endswith((".txt", ".html", ".htm")) and not f.endswith(META_SUFFIX)}
    for f in files:
        if f.endswith(META_SUFFIX) and f[: -len(META_SUFFIX)] in docs_lower:
            doc = next(d for d in files if d != f and d.rsplit(".", 1)[0] == f[: -len(META_SUFFIX)]
                       and d.lower().endswith((".txt", ".html", ".htm")))
            assert doc in seen_files, f"{f}: its document {doc} is not accounted for"
        else:
            assert f in seen_files, f"{f} is neither an article nor a reject"
    # each article appears once, and an accepted source is never also rejected as a whole
    assert len({a["source_file"] for a in articles}) == len(articles)
    whole_rejects = {r["source_file"] for r in rejects if r["reason"] not in ("bad_metadata",)}
    assert not whole_rejects & {a["source_file"] for a in articles}


def test_accounting_invariant_on_a_messy_folder(make_raw, monkeypatch):
    raw = make_raw({
        "good.txt": GOOD,
        "good.meta.json": '{"title": "Trees", "published": "2025-03"}',
        "bad-meta.txt": GOOD_FR,
        "bad-meta.meta.json": '{"published": "2025-02-30", "title": 5',
        "ru-cp1251.txt": GOOD_RU.encode("cp1251"),
        "fr-latin1.txt": (GOOD_FR + " Déjà vu.").encode("latin-1"),
        "page.html": f"<html><head><title>Trees</title></head><body><article><p>{GOOD} "
                     f"The mayor thanked everyone who came.</p></article></body></html>",
        "nav.html": "<html><body><div></div></body></html>",
        "batch.jsonl": "\n".join([json.dumps({"text": GOOD + " Again, later."}), "{broken",
                                  json.dumps({"title": "no text"}), "",
                                  json.dumps({"text": GOOD})]),  # good.txt duplicates it
        "deep/er/nested.txt": GOOD + " Nested copy with a tail.",
        "deep/er/nested.meta.json": '{"outlet": "N"}',
        "dup.txt": GOOD,
        "orphan.meta.json": "{}",
        "report.pdf": b"%PDF-1.4",
        "letter.docx": b"PK\x03\x04",
        "NOSUFFIX": b"plain",
        "empty.txt": b"",
        "blank.txt": b" \n ",
        "image.txt": png_bytes(),
        "nul.txt": b"abc\x00def" * 10,
        "huge.txt": "x" * 5000,
        "tiny.txt": "Ok.",
        "UPPER.TXT": GOOD + " In capitals.",
        "UPPER.meta.json": '{"outlet": "Caps"}',
    })
    monkeypatch.setattr(config, "MAX_FILE_BYTES", 4000)
    articles, rejects = ingest.ingest(raw)
    accounted(raw, articles, rejects)
    assert [a["source_file"] for a in articles] == [
        "UPPER.TXT", "bad-meta.txt", "batch.jsonl#1", "batch.jsonl#5", "deep/er/nested.txt",
        "fr-latin1.txt", "page.html", "ru-cp1251.txt"]
    by_src = {a["source_file"]: a for a in articles}
    assert by_src["ru-cp1251.txt"]["text"] == GOOD_RU
    assert by_src["fr-latin1.txt"]["text"] == GOOD_FR + " Déjà vu."
    assert by_src["UPPER.TXT"]["outlet"] == "Caps"
    assert sorted((r["source_file"], r["reason"]) for r in rejects) == sorted([
        ("bad-meta.meta.json", "bad_metadata"), ("nav.html", "no_text"),
        ("batch.jsonl#2", "bad_json"), ("batch.jsonl#3", "no_text"),
        ("good.txt", "duplicate"), ("dup.txt", "duplicate"),
        ("orphan.meta.json", "orphan_metadata"), ("report.pdf", "unsupported_type"),
        ("letter.docx", "unsupported_type"), ("NOSUFFIX", "unsupported_type"),
        ("empty.txt", "empty"), ("blank.txt", "empty"), ("image.txt", "binary"),
        ("nul.txt", "binary"), ("huge.txt", "too_large"), ("tiny.txt", "too_short"),
    ])


# --------------------------------------------------------------------------- properties

FAST = settings(max_examples=100, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=8)
meta_objects = st.fixed_dictionaries({}, optional={k: json_values | st.text() for k in ingest.META_KEYS}) | json_values


def check_records(articles: list[dict], rejects: list[dict]) -> None:
    for a in articles:
        assert set(a) == {"article_id", "source_file", "doc_id", "url", "outlet", "title",
                          "published", "published_date", "published_precision",
                          "language_meta", "text"}
        assert a["text"] and a["text"] == a["text"].strip()
        assert len(a["text"]) >= config.MIN_TEXT_CHARS
        assert a["article_id"] == ingest.article_id(a["text"])
        assert a["published_precision"] in ("day", "month", "unknown")
        for k in ("doc_id", "url", "outlet", "title", "published", "published_date", "language_meta"):
            assert a[k] is None or isinstance(a[k], str)
        if a["published_date"] is not None:
            dt.date.fromisoformat(a["published_date"])
        json.dumps(a, ensure_ascii=False).encode("utf-8")
    for r in rejects:
        assert set(r) == {"source_file", "stage", "reason", "detail"}
        assert r["stage"] == "ingest" and r["reason"] and isinstance(r["detail"], str)
        json.dumps(r, ensure_ascii=False).encode("utf-8")


@FAST
@given(data=st.binary(max_size=600), suffix=st.sampled_from([".txt", ".jsonl", ""]),
       meta=st.none() | st.binary(max_size=100))
def test_parse_item_never_raises_on_bytes(data, suffix, meta):
    articles, rejects = ingest.parse_item(RawItem("f" + suffix, data, meta, "f.meta.json"))
    check_records(articles, rejects)
    assert articles or rejects


@settings(max_examples=25, deadline=None)
@given(data=st.binary(max_size=300) | st.text(max_size=300).map(lambda t: f"<html><body><p>{t}</p>".encode()))
def test_parse_item_never_raises_on_html(data):
    articles, rejects = ingest.parse_item(RawItem("f.html", data))
    check_records(articles, rejects)
    assert articles or rejects


@FAST
@given(meta=meta_objects)
def test_arbitrary_json_metadata_never_loses_the_article(meta):
    raw = json.dumps(meta).encode()
    articles, rejects = ingest.parse_item(RawItem("a.txt", GOOD.encode(), raw, "a.meta.json"))
    check_records(articles, rejects)
    assert len(articles) == 1 and articles[0]["text"] == GOOD
    assert all(r["source_file"] == "a.meta.json" and r["reason"] == "bad_metadata" for r in rejects)


jsonl_lines = st.one_of(
    st.text(max_size=40).filter(lambda s: "\n" not in s),
    meta_objects.map(json.dumps),
    st.fixed_dictionaries({"text": st.text(max_size=60) | json_values}, optional={
        k: json_values for k in ingest.META_KEYS}).map(json.dumps),
)


@settings(FAST, max_examples=60)
@given(lines=st.lists(jsonl_lines, max_size=5))
def test_arbitrary_jsonl_lines(lines):
    data = "\n".join(lines).encode("utf-8")
    articles, rejects = ingest.parse_item(RawItem("b.jsonl", data))
    check_records(articles, rejects)
    assert articles or rejects
    if any(r["source_file"] == "b.jsonl" for r in rejects):
        return  # the file as a whole was rejected (empty, binary …)
    seen = {a["source_file"] for a in articles} | {r["source_file"] for r in rejects}
    for n, line in enumerate(ingest.decode_bytes(data)[0].split("\n"), start=1):
        if line.strip():
            assert f"b.jsonl#{n}" in seen


date_like = st.from_regex(
    r"\A[0-9]{4}-[0-9]{2}(-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,6})?)?(Z|[+-][0-9]{2}:[0-9]{2})?)?)?\Z")


@settings(max_examples=200, deadline=None)
@given(value=st.none() | st.text(max_size=40) | date_like | st.integers() | st.floats()
       | st.booleans() | st.lists(st.text(max_size=5), max_size=2))
def test_parse_published_returns_or_raises_value_error(value):
    try:
        given_, date, precision = ingest.parse_published(value)
    except ValueError:
        return
    assert precision in ("day", "month", "unknown")
    if precision == "day":
        assert dt.date.fromisoformat(date).isoformat() == date and given_.startswith(date)
    elif precision == "month":
        assert date is None and len(given_) == 7
    else:
        assert given_ is None and date is None
