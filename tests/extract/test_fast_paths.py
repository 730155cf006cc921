"""The fast paths of extraction give exactly what the plain formulation they replace gives.

Each speed-up (lemmas written by columns, surnames matched without a per-article
pattern, sentence views built from arrays) has a slow, obvious equivalent; these
properties pin the two together on generated and real text.
"""

import re

import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from parley.extract import nlp
from parley.extract.actors import _longest, _surname_hits
from parley.extract.sentences import sentences_of

_PIECES = ["Putin", "Put", "in", "s", "'s", "’s", " ", "-", ".", "Wit", "koff", "é", "Ö", "_", "1"]
_NAMES = ["Putin", "Put", "in", "Witkoff", "Wit", "s", "Puts", "Ö", "é", "Putin-Wit", ""]


@settings(max_examples=500, deadline=None)
@given(
    st.lists(st.sampled_from(_PIECES), max_size=14).map("".join),
    st.lists(st.sampled_from(_NAMES), min_size=1, max_size=4, unique=True),
)
def test_surname_matching_equals_the_alternation_pattern(text, surnames):
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, surnames)) + r")(?:s|'s|’s)?\b")
    expected = [(m.start(), m.end(), m.group(1)) for m in pattern.finditer(text)]
    assert _surname_hits(text, surnames) == expected


_TEXTS = {
    "de": "Kremlchef Putins Berater sagte: „Wir sind bereit.“ Die Gespräche liefen am "
    "15. April. Die Zahl stieg auf 177. Am Montag trafen sich die Unterhändler in Genf, "
    "die Delegationen verhandelten über Gebiete.",
    "en": "The envoys were meeting in Geneva on Sunday. “We are ready,” said Ushakov. "
    "Talks went better than expected; officials said the plans were being revised.",
}


def _stock(lang: str):
    pipeline = spacy.blank(lang)
    pipeline.add_pipe("lemmatizer", config={"mode": "lookup"})
    pipeline.initialize()
    return pipeline


def test_lemmas_equal_spacys_lookup_lemmatizer():
    for lang, text in _TEXTS.items():
        stock = {(t.idx, t.text): t.lemma_ for t in _stock(lang)(text)}
        ours = {(t.idx, t.text): t.lemma_ for t in nlp.parse(text, lang)}
        shared = stock.keys() & ours.keys()
        assert len(shared) > 20
        assert {k: ours[k] for k in shared} == {k: stock[k] for k in shared}


def test_sentence_views_match_spacys_sentences():
    for lang, text in _TEXTS.items():
        doc = nlp.parse(text, lang)
        views = sentences_of(doc, text)
        expected = [s for s in doc.sents if any(not t.is_space for t in s)]
        assert [v.text for v in views] == [s.text.strip() for s in expected]
        for view, sent in zip(views, expected, strict=True):
            words = [t for t in sent if not t.is_space]
            assert view.words == [t.lower_ for t in words]
            assert view.lemmas == [t.lemma_.lower() for t in words]
            assert view.offsets == [t.idx for t in words]


_WORDS = [
    "Putin",
    "sagte",
    "177.",
    "Am",
    "15.",
    "April",
    "„Ja.“",
    " ",
    "\n\n",
    "Er",
    "«x»",
    "2026.",
]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=20).map(" ".join), st.sampled_from(["de", "en"]))
def test_token_table_equals_reading_the_doc(text, lang):
    from spacy.attrs import IDX, IS_SPACE, LEMMA, LENGTH, ORTH, SENT_START

    doc = nlp.parse(text, lang)
    expected = doc.to_array([ORTH, LEMMA, IDX, LENGTH, IS_SPACE, SENT_START])
    assert nlp.token_columns(doc).tolist() == expected.tolist()
    assert "parley_token_columns" in doc.user_data or not len(doc)


@given(st.sets(st.tuples(st.integers(0, 30), st.integers(1, 8)), max_size=25))
def test_longest_selection_equals_sorting_longest_first(spans):
    # Hits name distinct spans (one automaton entry per lower-cased form).
    hits = [(start, start + length, f"{start}:{length}") for start, length in spans]
    expected, last_end = [], -1
    for h in sorted(hits, key=lambda h: (h[0], -(h[1] - h[0]))):
        if h[0] >= last_end:
            expected.append(h)
            last_end = h[1]
    assert _longest(hits) == expected
