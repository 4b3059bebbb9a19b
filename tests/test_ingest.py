"""Ingest: raw files → article records + reject rows (whole records asserted)."""

from __future__ import annotations

import json

import pytest

from pipeline import config, ingest, io
from pipeline.ingest import RawItem

BODY = ("The regional council opened a new footbridge over the river on Monday. "
        "Residents said the crossing saves them twenty minutes a day.")
BODY2 = "A second, different article about the municipal library reopening after repairs."


def art(source_file: str, text: str, **meta) -> dict:
    """The expected article record (all metadata null unless given)."""
    rec = {"article_id": ingest.article_id(text), "source_file": source_file, "doc_id": None,
           "url": None, "outlet": None, "title": None, "published": None,
           "published_date": None, "published_precision": "unknown", "language_meta": None,
           "text": text}
    rec.update(meta)
    return rec


def rej(source_file: str, reason: str, detail: str) -> dict:
    return {"source_file": source_file, "stage": "ingest", "reason": reason, "detail": detail}


def run(make_raw, files):
    return ingest.ingest(make_raw(files))


# --------------------------------------------------------------------------- .txt + sidecar

def test_txt_without_sidecar(make_raw):
    assert run(make_raw, {"a.txt": BODY}) == ([art("a.txt", BODY)], [])


def test_txt_with_full_sidecar(make_raw):
    meta = {"id": "101", "url": "https://example.org/a", "outlet": "Example Daily",
            "language": "en", "published": "2025-01-21", "title": "Footbridge opens",
            "author": "ignored", "tags": ["ignored"]}
    assert run(make_raw, {"a.txt": BODY, "a.meta.json": json.dumps(meta)}) == ([art(
        "a.txt", BODY, doc_id="101", url="https://example.org/a", outlet="Example Daily",
        title="Footbridge opens", published="2025-01-21", published_date="2025-01-21",
        published_precision="day", language_meta="en")], [])


def test_sidecar_partial_and_nulls(make_raw):
    meta = {"url": "https://example.org/b", "title": None, "published": "2025-01-21"}
    assert run(make_raw, {"b.txt": BODY, "b.meta.json": json.dumps(meta)}) == ([art(
        "b.txt", BODY, url="https://example.org/b", published="2025-01-21",
        published_date="2025-01-21", published_precision="day")], [])


def test_sidecar_invalid_json_keeps_article(make_raw):
    articles, rejects = run(make_raw, {"c.txt": BODY, "c.meta.json": '{"url": "https://x", '})
    assert articles == [art("c.txt", BODY)]
    assert len(rejects) == 1
    r = rejects[0]
    assert (r["source_file"], r["stage"], r["reason"]) == ("c.meta.json", "ingest", "bad_metadata")
    assert r["detail"].startswith("ignored: ")


@pytest.mark.parametrize("payload", ['["a", "b"]', '"just a string"', "null", "42"])
def test_sidecar_not_an_object(make_raw, payload):
    articles, rejects = run(make_raw, {"c.txt": BODY, "c.meta.json": payload})
    assert articles == [art("c.txt", BODY)]
    assert rejects == [rej("c.meta.json", "bad_metadata", "ignored: metadata is not a JSON object")]


def test_sidecar_wrong_types(make_raw):
    meta = {"id": 7, "url": "  https://example.org/d  ", "outlet": ["Example"], "language": "fr",
            "published": 20250121, "title": {"text": "x"}}
    articles, rejects = run(make_raw, {"d.txt": BODY, "d.meta.json": json.dumps(meta)})
    assert articles == [art("d.txt", BODY, doc_id="7", url="https://example.org/d",
                            language_meta="fr")]
    assert rejects == [
        rej("d.meta.json", "bad_metadata", "outlet: expected a string, got list"),
        rej("d.meta.json", "bad_metadata", "published: expected a string, got int"),
        rej("d.meta.json", "bad_metadata", "title: expected a string, got dict"),
    ]


def test_sidecar_boolean_id_is_not_an_id(make_raw):
    articles, rejects = run(make_raw, {"d.txt": BODY, "d.meta.json": '{"id": true}'})
    assert articles == [art("d.txt", BODY)]
    assert rejects == [rej("d.meta.json", "bad_metadata", "id: expected a string, got bool")]


def test_sidecar_impossible_date(make_raw):
    articles, rejects = run(make_raw, {"e.txt": BODY,
                                       "e.meta.json": '{"published": "2025-02-30", "outlet": "X"}'})
    assert articles == [art("e.txt", BODY, outlet="X")]
    assert rejects == [rej("e.meta.json", "bad_metadata",
                           "published: impossible date '2025-02-30': day is out of range for month")]


def test_sidecar_month_only(make_raw):
    articles, rejects = run(make_raw, {"f.txt": BODY, "f.meta.json": '{"published": "2025-03"}'})
    assert articles == [art("f.txt", BODY, published="2025-03", published_date=None,
                            published_precision="month")]
    assert rejects == []


def test_sidecar_datetime_with_offset(make_raw):
    meta = '{"published": "2025-03-18T23:30:00+03:00"}'
    articles, rejects = run(make_raw, {"g.txt": BODY, "g.meta.json": meta})
    # the date is the local date of the publisher, not converted to UTC
    assert articles == [art("g.txt", BODY, published="2025-03-18T23:30:00+03:00",
                            published_date="2025-03-18", published_precision="day")]
    assert rejects == []


@pytest.mark.parametrize("value, expected", [
    (None, (None, None, "unknown")),
    ("", (None, None, "unknown")),
    ("  ", (None, None, "unknown")),
    ("2025-01-21", ("2025-01-21", "2025-01-21", "day")),
    (" 2025-01-21 ", ("2025-01-21", "2025-01-21", "day")),
    ("2025-03", ("2025-03", None, "month")),
    ("2025-03-18T06:00:00", ("2025-03-18T06:00:00", "2025-03-18", "day")),
    ("2025-03-18T06:00:00Z", ("2025-03-18T06:00:00Z", "2025-03-18", "day")),
    ("2025-03-18T06:00:00-05:00", ("2025-03-18T06:00:00-05:00", "2025-03-18", "day")),
    ("2025-03-18 06:00", ("2025-03-18 06:00", "2025-03-18", "day")),
])
def test_parse_published_valid(value, expected):
    assert ingest.parse_published(value) == expected


@pytest.mark.parametrize("value", [
    "2025-02-30", "2025-13", "2025-00", "2025-03-18T25:00", "2025-03-18garbage", "18/03/2025",
    "March 2025", "20250318", "2025-3-1", "0999-01-01", "١٢٣٤-٠١", "٢٠٢٥-٠٣-١٨", 20250318, 1.5,
    True, ["2025-01-01"], {"date": "2025-01-01"},
])
def test_parse_published_invalid(value):
    with pytest.raises(ValueError):
        ingest.parse_published(value)


# --------------------------------------------------------------------------- .html

PAGE = """<!doctype html><html><head><meta charset="utf-8">
<title>Footbridge opens over the river</title></head>
<body><nav><a href="/">Home</a> | <a href="/local">Local</a></nav>
<article><h1>Footbridge opens over the river</h1>
<p>The regional council opened a new footbridge over the river on Monday, officials said in a statement.</p>
<p>Residents said the crossing saves them twenty minutes a day, and cyclists welcomed the ramps.</p>
</article><footer>Copyright 2025 Example Daily. All rights reserved.</footer></body></html>"""
PAGE_TEXT = ("Footbridge opens over the river\n\n"
             "The regional council opened a new footbridge over the river on Monday, officials "
             "said in a statement.\n\n"
             "Residents said the crossing saves them twenty minutes a day, and cyclists welcomed "
             "the ramps.")


def test_html_extraction_and_title(make_raw):
    articles, rejects = run(make_raw, {"p.html": PAGE})
    assert articles == [art("p.html", PAGE_TEXT, title="Footbridge opens over the river")]
    assert rejects == []
    assert "Home" not in articles[0]["text"] and "Copyright" not in articles[0]["text"]


def test_html_sidecar_title_wins(make_raw):
    articles, rejects = run(make_raw, {"p.htm": PAGE,
                                       "p.meta.json": '{"title": "Bridge", "outlet": "Daily"}'})
    assert articles == [art("p.htm", PAGE_TEXT, title="Bridge", outlet="Daily")]
    assert rejects == []


def test_html_without_article_text(make_raw):
    page = "<html><head><title>Empty</title></head><body><div></div></body></html>"
    assert run(make_raw, {"q.html": page}) == (
        [], [rej("q.html", "no_text", "no article text found in the HTML")])


def test_html_with_only_navigation_is_too_short(make_raw):
    page = "<html><head><title>Empty</title></head><body><nav>Home</nav></body></html>"
    articles, rejects = run(make_raw, {"q.html": page})
    assert articles == [] and [r["reason"] for r in rejects] == ["too_short"]


# --------------------------------------------------------------------------- .jsonl

def test_jsonl_lines(make_raw):
    lines = [
        json.dumps({"id": 1, "url": "https://example.org/1", "published": "2025-03",
                    "text": BODY}),
        '{"id": 2, "text": "unterminated',
        "",
        json.dumps({"id": 3, "title": "no text here"}),
        json.dumps({"id": 4, "text": 12345}),
        json.dumps([1, 2, 3]),
        json.dumps({"id": 6, "text": BODY2, "published": "2025-02-30", "language": "en"}),
        json.dumps({"id": 7, "text": "short"}),
    ]
    articles, rejects = run(make_raw, {"batch.jsonl": "\n".join(lines) + "\n"})
    assert articles == [
        art("batch.jsonl#1", BODY, doc_id="1", url="https://example.org/1", published="2025-03",
            published_precision="month"),
        art("batch.jsonl#7", BODY2, doc_id="6", language_meta="en"),
    ]
    assert [(r["source_file"], r["reason"]) for r in rejects] == [
        ("batch.jsonl#2", "bad_json"),
        ("batch.jsonl#4", "no_text"),
        ("batch.jsonl#5", "no_text"),
        ("batch.jsonl#6", "bad_json"),
        ("batch.jsonl#7", "bad_metadata"),
        ("batch.jsonl#8", "too_short"),
    ]
    assert rejects[1] == rej("batch.jsonl#4", "no_text", "missing or non-string 'text'")
    assert rejects[3] == rej("batch.jsonl#6", "bad_json", "line is not a JSON object")
    assert rejects[5] == rej("batch.jsonl#8", "too_short", "5 characters")


def test_jsonl_crlf_and_sidecar_is_orphan(make_raw):
    data = (json.dumps({"text": BODY}) + "\r\n" + json.dumps({"text": BODY2}) + "\r\n")
    articles, rejects = run(make_raw, {"b.jsonl": data, "b.meta.json": '{"title": "T"}'})
    assert articles == [art("b.jsonl#1", BODY), art("b.jsonl#2", BODY2)]
    assert rejects == [rej("b.meta.json", "orphan_metadata", "no .txt or .html beside this sidecar")]


def test_jsonl_with_only_blank_lines_is_accounted(make_raw):
    assert run(make_raw, {"e.jsonl": "\u3000\n\u2003\n"}) == (
        [], [rej("e.jsonl", "empty", "no JSON lines")])


def test_jsonl_lone_surrogate_is_replaced():
    line = '{"text": "Bridge \\ud800 opened over the river today.", "title": "T\\udc00"}'
    articles, rejects = ingest.parse_item(RawItem("s.jsonl", line.encode()))
    assert rejects == []
    assert articles[0]["text"] == "Bridge \ufffd opened over the river today."
    assert articles[0]["title"] == "T\ufffd"
    json.dumps(articles[0], ensure_ascii=False).encode("utf-8")  # serialisable


# --------------------------------------------------------------------------- encodings

RU = ("Вчера вечером в городе прошёл сильный дождь, и улицы затопило водой. "
      "Жители остались дома, а школы отменили занятия.")
UK = "Сьогодні в Києві була гарна погода, і всі їхали гуляти в парк. Ґанок відремонтували."
FR = ("Les élèves de l'école ont préparé une fête très réussie à côté du théâtre. "
      "Ça a été génial, déclare la directrice, « même sous la pluie ».")


@pytest.mark.parametrize("text, encoding", [
    (RU, "cp1251"), (RU, "koi8_r"), (UK, "cp1251"), (FR, "latin-1"), (FR, "cp1252"),
    (FR + " Œuvre d’art — “spécial”…", "cp1252"),
    ("Un café à côté de la gare.", "latin-1"),      # short: too little for a statistical guess
    ("Короткий текст про кота.", "cp1251"),
])
def test_legacy_encodings_are_decoded(text, encoding):
    articles, rejects = ingest.parse_item(RawItem("x.txt", text.encode(encoding)))
    assert rejects == []
    assert articles == [art("x.txt", text)]


def test_utf8_bom_and_utf16_bom():
    bom8 = b"\xef\xbb\xbf" + FR.encode()
    assert ingest.parse_item(RawItem("x.txt", bom8)) == ([art("x.txt", FR)], [])
    le = b"\xff\xfe" + RU.encode("utf-16-le")
    assert ingest.parse_item(RawItem("x.txt", le)) == ([art("x.txt", RU)], [])
    be = b"\xfe\xff" + FR.encode("utf-16-be")
    assert ingest.parse_item(RawItem("x.txt", be)) == ([art("x.txt", FR)], [])


def test_utf8_cut_inside_a_character():
    data = (RU + " Ещё").encode("utf-8")[:-1]
    articles, rejects = ingest.parse_item(RawItem("x.txt", data))
    assert rejects == [] and articles[0]["text"] == RU + " Ещ"


def test_utf8_with_one_stray_byte_stays_utf8():
    data = RU.encode("utf-8") + b" caf\xe9 " + RU.encode("utf-8")
    articles, rejects = ingest.parse_item(RawItem("x.txt", data))
    assert rejects == []
    assert articles[0]["text"] == f"{RU} caf\ufffd {RU}"


def test_text_normalisation():
    raw = "\ufeff  Line one of the text\r\nline\u00a0two\u00ad of it\u200b.\r\n\r\n  "
    articles, _ = ingest.parse_item(RawItem("n.txt", raw.encode()))
    assert articles[0]["text"] == "Line one of the text\nline two of it."


# --------------------------------------------------------------------------- files and folders

def test_nested_folders_posix_paths_and_sidecar(make_raw):
    articles, rejects = run(make_raw, {"2025/03/a.txt": BODY,
                                       "2025/03/a.meta.json": '{"outlet": "Nested"}',
                                       "2025/b.txt": BODY2})
    assert articles == [art("2025/03/a.txt", BODY, outlet="Nested"), art("2025/b.txt", BODY2)]
    assert rejects == []


def test_uppercase_suffix_uses_sidecar_and_is_not_orphan(make_raw):
    articles, rejects = run(make_raw, {"A.TXT": BODY, "A.meta.json": '{"outlet": "Up"}'})
    assert articles == [art("A.TXT", BODY, outlet="Up")]
    assert rejects == []


def test_orphan_sidecar(make_raw):
    articles, rejects = run(make_raw, {"a.txt": BODY, "lonely.meta.json": '{"title": "x"}'})
    assert articles == [art("a.txt", BODY)]
    assert rejects == [rej("lonely.meta.json", "orphan_metadata",
                           "no .txt or .html beside this sidecar")]


def test_duplicate_texts_keep_first_in_path_order(make_raw):
    articles, rejects = run(make_raw, {"b/copy.txt": BODY, "a/orig.txt": BODY + "\n",
                                       "a/orig.meta.json": '{"outlet": "First"}'})
    assert articles == [art("a/orig.txt", BODY, outlet="First")]
    assert rejects == [rej("b/copy.txt", "duplicate", "same text as a/orig.txt")]


def test_duplicate_across_txt_and_jsonl(make_raw):
    articles, rejects = run(make_raw, {"a.txt": BODY, "z.jsonl": json.dumps({"text": BODY})})
    assert articles == [art("a.txt", BODY)]
    assert rejects == [rej("z.jsonl#1", "duplicate", "same text as a.txt")]


def test_hidden_files_ignored(make_raw):
    assert run(make_raw, {".gitkeep": "", ".cache/x.txt": BODY2, "a.txt": BODY}) == (
        [art("a.txt", BODY)], [])


def test_order_is_deterministic(make_raw, tmp_path):
    names = ["z.txt", "a.txt", "m/b.txt", "m/a.txt", "B.txt"]
    texts = {n: f"{BODY} Variant {i} of the article." for i, n in enumerate(names)}
    raw = make_raw(texts)
    first = ingest.ingest(raw)
    assert [a["source_file"] for a in first[0]] == ["B.txt", "a.txt", "m/a.txt", "m/b.txt", "z.txt"]
    assert ingest.ingest(raw) == first


def test_main_writes_jsonl(make_raw, tmp_path):
    raw = make_raw({"a.txt": BODY, "b.pdf": b"%PDF-1.4"})
    n_a, n_r = ingest.main(raw, tmp_path / "i" / "articles.jsonl", tmp_path / "i" / "rejects.jsonl")
    assert (n_a, n_r) == (1, 1)
    assert list(io.read_jsonl(tmp_path / "i" / "articles.jsonl")) == [art("a.txt", BODY)]
    assert list(io.read_jsonl(tmp_path / "i" / "rejects.jsonl")) == [
        rej("b.pdf", "unsupported_type", "unsupported file type '.pdf'")]


def test_max_file_bytes_is_read_at_call_time(monkeypatch):
    monkeypatch.setattr(config, "MAX_FILE_BYTES", 50)
    assert ingest.parse_item(RawItem("big.txt", BODY.encode())) == (
        [], [rej("big.txt", "too_large", f"{len(BODY.encode())} bytes > 50")])


@pytest.mark.parametrize("encoding", ["cp1251", "koi8_r"])
def test_all_caps_cyrillic_headline(encoding):
    text = "СИЛЬНЫЙ ДОЖДЬ ЗАТОПИЛ УЛИЦЫ ГОРОДА\n\n" + RU
    assert ingest.parse_item(RawItem("x.txt", text.encode(encoding))) == ([art("x.txt", text)], [])
    caps = RU.upper()
    assert ingest.parse_item(RawItem("y.txt", caps.encode(encoding))) == ([art("y.txt", caps)], [])
