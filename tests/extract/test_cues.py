"""Cue matching: the indexed, set-filtered matcher of :class:`CueSet` finds exactly
what the plain rule finds (each token tries the cues its word, its hyphenated parts,
its lemma, its stem and its compound head start, longest first; the later words of
a cue follow in order within the window)."""

from hypothesis import given, settings
from hypothesis import strategies as st

from parley.extract.cues import CueHit, CueSet

_ENDINGS = ("n", "s", "m", "r", "e", "en", "er", "es", "em", "ns")
_CUES = [
    ("lehnt ab", "reject"),
    ("lehnt die forderung ab", "reject"),
    ("waffenruhe", "ceasefire"),
    ("russische vermögenswerte", "assets"),
    ("obergrenze", "army"),
    ("nato", "nato"),
    ("nato beitritt", "nato"),
    ("treffen", "meet"),
    ("ab", "away"),
]
_VOCABULARY = [
    "lehnt",
    "ab",
    "die",
    "forderung",
    "waffenruhe",
    "energiewaffenruhe",
    "waffenruhen",
    "russischen",
    "russische",
    "vermögenswerten",
    "vermögenswerte",
    "truppenobergrenze",
    "obergrenze-x",
    "nato-beitritt",
    "nato",
    "beitritt",
    "witkoff-putin-treffen",
    "treffen",
    "und",
    ",",
]


def _forms(word: str, inflected: bool) -> set[str]:
    return {word, *(word + e for e in _ENDINGS)} if inflected else {word}


def _plain(cues, compounds, window, words, lemmas):
    """The rule spelled out, one token and one cue at a time."""
    by_first: dict[str, list[tuple[list[str], str, str]]] = {}
    for cue, label in cues:
        first, *later = cue.split()
        by_first.setdefault(first, []).append((later, label, cue))
    heads = {c for c, _ in cues if compounds and " " not in c and len(c) >= 6}
    inflected = bool(heads)
    hits = []
    for i, word in enumerate(words):
        keys = [word, *(p for p in word.split("-") if p and "-" in word)]
        lemma = lemmas[i] if lemmas else ""
        if lemma and lemma != word:
            keys.append(lemma)
        if heads and word not in by_first:
            keys += [word[:-k] for k in (1, 2) if word[-k:] in _ENDINGS]
            keys += [
                word[k:]
                for k in range(3, len(word) - 5)
                if word[k:] in heads and word[k - 1] != "-"
            ][:1]
        found = None
        for key in keys:
            for later, label, cue in sorted(by_first.get(key, []), key=lambda e: -len(e[0])):
                pos = i
                for w in later:
                    nxt = [
                        j
                        for j in range(pos + 1, min(len(words), i + 1 + window))
                        if words[j] in _forms(w, inflected)
                    ]
                    if not nxt:
                        break
                    pos = nxt[0]
                else:
                    found = CueHit(i, pos, label, cue)
                    break
            if found:
                break
        if found:
            hits.append(found)
    return hits


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.sampled_from(_VOCABULARY), max_size=24),
    st.booleans(),
    st.integers(min_value=1, max_value=8),
    st.booleans(),
)
def test_matcher_equals_the_plain_rule(words, compounds, window, with_lemmas):
    # lemmas: the word itself, or a cue's first word for some forms ("ab" for "ab-")
    lemmas = [{"waffenruhen": "waffenruhe", "beitritt": "nato"}.get(w, w) for w in words]
    cues = CueSet(_CUES, compounds=compounds, window=window)
    expected = _plain(_CUES, compounds, window, words, lemmas if with_lemmas else None)
    # twice: the second time each word form's analysis comes from the set's memo
    for _ in range(2):
        assert cues.find(list(words), lemmas if with_lemmas else None) == expected


def test_split_cue_compound_head_and_inflection():
    cues = CueSet(_CUES, compounds=True, window=6)
    words = ["die", "truppenobergrenze", "und", "die", "russischen", "vermögenswerten"]
    assert [(h.first, h.last, h.label) for h in cues.find(words)] == [
        (1, 1, "army"),
        (4, 5, "assets"),
    ]
    words = ["er", "lehnt", "die", "forderung", "der", "usa", "ab"]
    assert [(h.first, h.last, h.text) for h in CueSet(_CUES).find(words)] == [
        (1, 6, "lehnt die forderung ab"),
        (6, 6, "ab"),
    ]
