"""The text layer: sentence boundaries around quotes and numbers, lemmas, quote pairing."""

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parley.extract.nlp import get_nlp, parse, parse_many, quotations, quoted_spans

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"


def sents(text: str, lang: str = "de") -> list[str]:
    return [s.text.strip() for s in parse(text, lang).sents]


def test_number_with_period_ends_a_sentence_before_a_function_word():
    text = "Die Zahl der Toten stieg auf 177. Am Montag wurden weitere Opfer geborgen."
    assert sents(text) == [
        "Die Zahl der Toten stieg auf 177.",
        "Am Montag wurden weitere Opfer geborgen.",
    ]


def test_ordinal_dates_do_not_end_a_sentence():
    text = "Die Gespräche begannen am 15. April und endeten am 2. Dezember in Genf."
    assert sents(text) == [text]


def test_ordinal_before_a_noun_does_not_end_a_sentence():
    text = "Es war bereits das 3. Treffen der Delegationen in diesem Jahr."
    assert sents(text) == [text]


def test_year_at_sentence_end_is_detached_from_its_period():
    doc = parse("Die Sanktionen gelten bis 2026. Danach wird neu verhandelt.", "de")
    assert next(s.text.strip() for s in doc.sents) == "Die Sanktionen gelten bis 2026."
    assert [t.text for t in doc][4:6] == ["2026", "."]


@pytest.mark.parametrize(
    "quote",
    [
        "„Wir sind bereit. Wir warten auf Antwort.“",
        "»Wir sind bereit. Wir warten auf Antwort.«",
        "«Wir sind bereit. Wir warten auf Antwort.»",
        '"Wir sind bereit. Wir warten auf Antwort."',
    ],
)
def test_a_quote_with_several_sentences_stays_in_one_sentence(quote):
    text = f"Der Sprecher sagte: {quote} Danach verließ er den Saal."
    assert sents(text) == [f"Der Sprecher sagte: {quote}", "Danach verließ er den Saal."]


def test_a_quote_followed_by_its_attribution_is_one_sentence():
    text = "„Das ist ein wichtiger Schritt!“, sagte der Außenminister am Abend."
    assert sents(text) == [text]
    text = "„Das ist ein wichtiger Schritt“, so Uschakow. Die Delegation reiste ab."
    assert sents(text) == [
        "„Das ist ein wichtiger Schritt“, so Uschakow.",
        "Die Delegation reiste ab.",
    ]


def test_abbreviations_do_not_end_sentences():
    text = "Dr. Müller traf u.a. den Minister in St. Petersburg. Er reiste dann ab."
    assert sents(text) == [
        "Dr. Müller traf u.a. den Minister in St. Petersburg.",
        "Er reiste dann ab.",
    ]


def test_paragraph_breaks_end_sentences_even_without_punctuation():
    assert sents("Gespräche in Genf\n\nDie Delegationen trafen sich am Sonntag.") == [
        "Gespräche in Genf",
        "Die Delegationen trafen sich am Sonntag.",
    ]


def test_english_quotes_and_abbreviations():
    text = "“We are ready. We are waiting,” said Mr. Smith. The U.S. delegation left."
    assert sents(text, "en") == [
        "“We are ready. We are waiting,” said Mr. Smith.",
        "The U.S. delegation left.",
    ]


def test_lookup_lemmas_work_offline_for_both_languages():
    de = parse("Die Minister sagten, die Gespräche seien gut gelaufen.", "de")
    assert [t.lemma_ for t in de][1:3] == ["Minister", "sagen"]
    assert "sein" in [t.lemma_ for t in de]
    en = parse("The ministers said the talks were going well.", "en")
    assert [t.lemma_ for t in en][2] == "say"


def test_pipelines_are_cached_and_pipe_matches_parse():
    assert get_nlp("de") is get_nlp("de")
    texts = ["Er sagte: „Ja.“ Sie schwieg.", "Am 3. Mai kam er."]
    piped = [[s.text for s in d.sents] for d in parse_many(texts, "de")]
    assert piped == [[s.text for s in parse(t, "de").sents] for t in texts]


def test_unsupported_language_is_a_clear_error():
    with pytest.raises(ValueError, match="unsupported language"):
        get_nlp("fr")


def test_quoted_spans_pair_every_style():
    text = 'A „eins“ B »zwei« C «drei» D “four” E "fünf" F'
    found = [text[s.inner_start : s.inner_end] for s in quoted_spans(text)]
    assert found == ["eins", "zwei", "drei", "four", "fünf"]
    assert all(s.closed for s in quoted_spans(text))


def test_unterminated_quote_ends_at_the_line_break():
    text = "Er sagte: „Wir kommen morgen\nDie Sitzung endete."
    (span,) = quoted_spans(text)
    assert not span.closed
    assert text[span.inner_start : span.inner_end] == "Wir kommen morgen"


@given(st.text(alphabet='ab .!?„“»«"\n7', max_size=80))
def test_quoted_spans_are_ordered_disjoint_and_in_bounds(text):
    spans = quoted_spans(text)
    last = 0
    for s in spans:
        assert last <= s.start < s.end <= len(text)
        last = s.end


@given(st.text(alphabet='Ab .!?„“»«"\n7,', max_size=80), st.sampled_from(["de", "en"]))
def test_parse_equals_the_spacy_pipeline_called_on_the_text(text, lang):
    def view(doc):
        tokens = [(t.text, t.idx, t.lemma_, t.is_sent_start) for t in doc]
        data = {k: v.tolist() if hasattr(v, "tolist") else v for k, v in doc.user_data.items()}
        return tokens, data

    assert view(parse(text, lang)) == view(get_nlp(lang)(text))


@given(st.text(alphabet='Ab .!?„“»«"\n7,', max_size=80), st.sampled_from(["de", "en"]))
def test_the_parsed_pairing_is_the_texts(text, lang):
    assert quotations(parse(text, lang), text) == quoted_spans(text)


@given(st.text(alphabet='Ab .!?„“»«"\n7,', max_size=80))
def test_sentences_tile_the_text(text):
    doc = parse(text, "de")
    assert "".join(s.text_with_ws for s in doc.sents) == text


@pytest.mark.shared
def test_seed_articles_split_into_sentences_with_balanced_quotes():
    seeds = sorted((SHARED / "corpus" / "seeds").glob("*.txt"))
    if not seeds:
        pytest.skip("../shared/corpus/seeds not present")
    for path in seeds:
        text = path.read_text(encoding="utf-8")
        doc = parse(text, "de")
        sentences = list(doc.sents)
        assert len(sentences) > 5
        spans = quoted_spans(text)
        # No sentence boundary falls strictly inside a closed quotation.
        starts = {s.start_char for s in sentences}
        for span in spans:
            if span.closed:
                assert not any(span.inner_start < b < span.inner_end for b in starts), path.name
