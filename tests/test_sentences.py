"""Sentences: splitting, offsets, per-sentence language, title flag, lexical prefilter."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline import sentences as S


def split(text: str, title: str | None = None) -> list[str]:
    return [text[s:e] for s, e in S.split_sentences(text, title)]


def record(text: str, detector, **kw) -> dict:
    return S.sentence_records({"article_id": "t", "text": text, **kw}, detector)


# --------------------------------------------------------------------------- splitting

def test_english_abbreviations_decimals_times():
    text = ("Gen. Harlow said the convoy moved 1.5 km before 23.00 on Friday. Mr. Cole, "
            "of the U.S. office, confirmed it. The report arrived on 3 Jan. 2025 in the evening! "
            "Was it late? Nobody knows.")
    assert split(text) == [
        "Gen. Harlow said the convoy moved 1.5 km before 23.00 on Friday.",
        "Mr. Cole, of the U.S. office, confirmed it.",
        "The report arrived on 3 Jan. 2025 in the evening!",
        "Was it late?",
        "Nobody knows.",
    ]


def test_french_abbreviation_and_run_together():
    text = ("M. Lefèvre a annoncé 1,5 million d'euros pour le port à 23.00 hier soir. "
            "Les travaux ont commencé localement.Des riverains se sont plaints du bruit. "
            "« Nous avons entendu », dit Mme Roux, env. 50 ans.")
    assert split(text) == [
        "M. Lefèvre a annoncé 1,5 million d'euros pour le port à 23.00 hier soir.",
        "Les travaux ont commencé localement.",
        "Des riverains se sont plaints du bruit.",
        "« Nous avons entendu », dit Mme Roux, env. 50 ans.",
    ]


def test_run_together_accented_capital():
    assert split("Le conseil a voté le budget localement.Élus et habitants ont applaudi.") == [
        "Le conseil a voté le budget localement.", "Élus et habitants ont applaudi."]


def test_russian_abbreviations():
    text = ("В 2024 г. Москва приняла 1.5 тыс. гостей на фестивале. "
            "Концерт начался в 23.00 по местному времени. Организаторы были довольны.")
    assert split(text) == [
        "В 2024 г. Москва приняла 1.5 тыс. гостей на фестивале.",
        "Концерт начался в 23.00 по местному времени.",
        "Организаторы были довольны.",
    ]


def test_ukrainian_paragraph():
    text = ("У м. Львів о 23.00 відкрили новий міст через річку. Його довжина 1.5 км. "
            "Мешканці раділи.Діти малювали крейдою.")
    assert split(text) == [
        "У м. Львів о 23.00 відкрили новий міст через річку.",
        "Його довжина 1.5 км.",
        "Мешканці раділи.",
        "Діти малювали крейдою.",
    ]


def test_bullets_and_dashes_are_separate_sentences():
    text = ("Market news for the week:\n"
            "▪️ Apples are cheaper\n"
            "▪️ Pears are dearer\n"
            "- The fish stall is closed\n"
            "– The bakery opens at 7.00\n"
            "— Parking is free on Sunday\n"
            "• Music in the square")
    assert split(text) == [
        "Market news for the week:", "▪️ Apples are cheaper", "▪️ Pears are dearer",
        "- The fish stall is closed", "– The bakery opens at 7.00",
        "— Parking is free on Sunday", "• Music in the square"]


def test_wrapped_list_item_and_emoji_bullets():
    text = ("- The council said the renovated library\n"
            "will open in May.\n"
            "- Next item here\n"
            "🇺🇦 Flag line here\n"
            "‼️ Alert line here\n"
            "🔴 Red dot line here")
    assert split(text) == ["- The council said the renovated library\nwill open in May.",
                           "- Next item here", "🇺🇦 Flag line here", "‼️ Alert line here",
                           "🔴 Red dot line here"]


def test_settlement_and_rank_abbreviations():
    assert split("Свято пройшло у н.п. Вишневе. Ген. Коваль привітав гостей.") == [
        "Свято пройшло у н.п. Вишневе.", "Ген. Коваль привітав гостей."]
    assert split("В пгт. Солнечный открыли парк. Prof. Lane spoke.") == [
        "В пгт. Солнечный открыли парк.", "Prof. Lane spoke."]


def test_hard_line_break_inside_a_sentence_does_not_split():
    text = ("The council said that the renovated library on the main square\n"
            "would reopen next month with longer hours. Readers welcomed it.\n"
            "Workers painted the walls\n"
            "and fixed the roof.")
    assert split(text) == [
        "The council said that the renovated library on the main square\n"
        "would reopen next month with longer hours.",
        "Readers welcomed it.",
        "Workers painted the walls\nand fixed the roof.",
    ]


def test_line_break_after_a_sentence_end_splits():
    assert split("First line ends here.\nSecond line starts here") == [
        "First line ends here.", "Second line starts here"]


def test_line_ending_with_an_abbreviation_does_not_split():
    assert split("The speech was given by Gen.\nHarlow at the ceremony yesterday.") == [
        "The speech was given by Gen.\nHarlow at the ceremony yesterday."]


def test_headline_then_blank_line():
    text = "Library reopens after repairs\n\nThe town library reopened on Monday. Readers cheered."
    assert split(text) == ["Library reopens after repairs", "The town library reopened on Monday.",
                           "Readers cheered."]


def test_metadata_title_on_its_own_line_stands_alone():
    title = "The town library reopens after two years of repairs and a long debate"
    text = f"{title}\nThe building got a new roof and a lift for wheelchair users."
    assert split(text) == [text]  # without the title: one wrapped sentence
    assert split(text, title) == [title, "The building got a new roof and a lift for wheelchair users."]


def test_paragraphs_and_white_space():
    text = "  One paragraph here.  \n \n\n\tAnother one here.\n"
    spans = S.split_sentences(text)
    assert [text[s:e] for s, e in spans] == ["One paragraph here.", "Another one here."]
    assert spans == [(2, 21), (28, 45)]


def test_empty_text():
    assert S.split_sentences("") == [] and S.split_sentences(" \n\n ") == []


def test_long_paragraph_is_fast():
    import time
    text = "Officials said the new bridge would open near the town. " * 5000 + "X" * 100_000 + "."
    t = time.perf_counter()
    assert len(S.split_sentences(text)) == 5001
    assert time.perf_counter() - t < 1.0


# --------------------------------------------------------------------------- records

def test_record_shape_and_offsets(lang_detector):
    text = "Library reopens after repairs\n\nThe town library reopened on Monday morning. Readers cheered."
    rec = record(text, lang_detector)
    assert rec == {"article_id": "t", "language": "en", "sentences": [
        {"idx": 0, "start": 0, "end": 29, "text": "Library reopens after repairs", "lang": "en",
         "is_title": True, "candidate": False},
        {"idx": 1, "start": 31, "end": 75, "text": "The town library reopened on Monday morning.",
         "lang": "en", "is_title": False, "candidate": False},
        {"idx": 2, "start": 76, "end": 92, "text": "Readers cheered.", "lang": "en",
         "is_title": False, "candidate": False},
    ]}
    for s in rec["sentences"]:
        assert text[s["start"]:s["end"]] == s["text"]


def test_is_title(lang_detector):
    body = "The town library reopened on Monday morning after two years. Readers cheered."
    assert not record(body, lang_detector)["sentences"][0]["is_title"]
    # headline ending with a full stop is not taken for a title without metadata
    assert not record("Library reopens.\n\n" + body, lang_detector)["sentences"][0]["is_title"]
    # trailing spaces after the headline
    assert record("Library reopens  \n\n" + body, lang_detector)["sentences"][0]["is_title"]
    # metadata title equal to the first line, followed by a single line break
    title = "The town library reopens after two years of repairs and a long debate"
    rec = record(f"{title}\n{body}", lang_detector, title=title)
    assert [s["is_title"] for s in rec["sentences"]] == [True, False, False]
    assert rec["sentences"][0]["text"] == title
    # a one-word first sentence does not match a title just by being its prefix
    rec = record("The. " + body, lang_detector, title="The library reopens")
    assert not rec["sentences"][0]["is_title"]


def test_mixed_french_english(lang_detector):
    text = ("The town council approved the budget for the new library on Monday. "
            "Le conseil municipal a approuvé le budget de la nouvelle bibliothèque lundi. "
            "Les habitants attendent cette ouverture depuis longtemps. "
            "Residents have been waiting for the opening for a long time.")
    rec = record(text, lang_detector)
    assert [s["lang"] for s in rec["sentences"]] == ["en", "fr", "fr", "en"]
    assert rec["language"] == "mixed"


def test_short_sentences_take_article_language(lang_detector):
    text = ("Le conseil municipal a approuvé le budget de la nouvelle bibliothèque lundi. "
            "Super. Les habitants attendent cette ouverture depuis longtemps. Go!")
    rec = record(text, lang_detector)
    assert [s["lang"] for s in rec["sentences"]] == ["fr", "fr", "fr", "fr"]
    assert rec["language"] == "fr"


def test_only_short_sentences_use_metadata_language(lang_detector):
    rec = record("Super. Merci. Bravo!", lang_detector, language_meta="fr-FR")
    assert [s["lang"] for s in rec["sentences"]] == ["fr", "fr", "fr"]
    assert record("Super. Thanks. Bravo!", lang_detector)["sentences"][0]["lang"] == "en"


def test_cyrillic_short_sentences_keep_their_script_language(lang_detector):
    text = ("The town council approved the budget for the new library on Monday. "
            "Їхали додому. Объявили конкурс.")
    langs = [s["lang"] for s in record(text, lang_detector)["sentences"]]
    assert langs == ["en", "uk", "ru"]


@pytest.mark.parametrize("text, lang", [
    ("Сьогодні в Києві відкрили нову бібліотеку для дітей та дорослих.", "uk"),
    ("Сегодня в городе открыли новую библиотеку для детей и взрослых.", "ru"),
    ("Today the city opened a new library for children and adults.", "en"),
    ("Aujourd'hui la ville a ouvert une nouvelle bibliothèque pour enfants.", "fr"),
])
def test_single_language_articles(lang_detector, text, lang):
    rec = record(text, lang_detector)
    assert rec["language"] == lang and rec["sentences"][0]["lang"] == lang


def test_empty_article(lang_detector):
    assert record("", lang_detector) == {"article_id": "t", "language": "other", "sentences": []}


def test_process_uses_one_record_per_article(lang_detector):
    arts = [{"article_id": "a", "text": "One sentence here for you."},
            {"article_id": "b", "text": "Une phrase ici pour vous tous."}]
    assert [r["article_id"] for r in S.process(arts, lang_detector)] == ["a", "b"]


# --------------------------------------------------------------------------- prefilter

@pytest.mark.parametrize("text", [
    "Air defence shot down 12 drones over the region overnight.",
    "A missile struck an industrial site, the governor said.",
    "La défense aérienne a abattu 12 drones pendant la nuit.",
    "Un missile a frappé un site industriel, selon le gouverneur.",
    "Силы ПВО сбили 12 беспилотников над областью.",
    "Ракета попала в промышленный объект, сообщил губернатор.",
    "Сили ППО збили 12 дронів над областю.",
    "Ворог випустив по місту три ракети.",
])
def test_prefilter_true(text):
    assert S.is_candidate(text)


@pytest.mark.parametrize("text", [
    "The town library reopened on Monday morning.",
    "Le conseil municipal a voté le budget de la bibliothèque.",
    "В городе открыли новую библиотеку для детей.",
    "У місті відкрили нову бібліотеку для дітей.",
])
def test_prefilter_false(text):
    assert not S.is_candidate(text)


# --------------------------------------------------------------------------- properties

alphabet = st.one_of(
    st.sampled_from(list("aAbZ éÉ.!?…:;,-–—•▪️«»\"“”'()[]\n\n\t 0123456789гГмМЖжїЇ")),
    st.characters(),
)


def check_spans(text: str, spans: list[tuple[int, int]]) -> None:
    prev_end = 0
    for s, e in spans:
        assert prev_end <= s < e <= len(text)
        seg = text[s:e]
        assert seg == seg.strip() and seg
        prev_end = e
    covered = "".join(text[s:e] for s, e in spans)
    # nothing but white space is left out
    assert "".join(text.split()) == "".join(covered.split())


@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet=alphabet, max_size=200), title=st.none() | st.text(max_size=20))
def test_split_properties(text, title):
    check_spans(text, S.split_sentences(text, title))


@settings(max_examples=100, deadline=None)
@given(words=st.lists(st.sampled_from(["Gen.", "M.", "г.", "1.5", "23.00", "localement.Des",
                                       "word", "Слово.", "\n", "\n\n", "▪️", "- ", "end.",
                                       "Next", "«Quote»", "?", "U.S.", " "]), max_size=40))
def test_split_properties_on_tricky_tokens(words):
    text = " ".join(words)
    check_spans(text, S.split_sentences(text))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(alphabet=alphabet, max_size=120))
def test_record_properties(lang_detector, text):
    rec = S.sentence_records({"article_id": "p", "text": text, "title": None}, lang_detector)
    assert rec["language"] in S.LANGS + ("mixed", "other")
    for i, s in enumerate(rec["sentences"]):
        assert s["idx"] == i and text[s["start"]:s["end"]] == s["text"]
        assert s["lang"] in S.LANGS + ("other",)
        assert isinstance(s["is_title"], bool) and isinstance(s["candidate"], bool)


@pytest.mark.parametrize("text", ["Белгородская область готовится к празднику.",
                                  "Погода в Київській області сонячна."])
def test_prefilter_region_word_is_not_a_weapon(text):
    assert not S.is_candidate(text)
