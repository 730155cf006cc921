"""Cue words of one language, compiled for matching against a sentence's tokens.

The base lexicon (``lexicon/base.yaml``) holds language facts that hold for any
negotiation (speech verbs, "traf", "lehnte ... ab", negations); a case pack's
lexicon and issue terms are merged on top. A cue with several words matches
when its first word occurs and the others follow later in the same sentence:
German splits verbs ("lehnt die Forderung ab"), so adjacency would miss most.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

BASE_LEXICON = Path(__file__).with_name("lexicon") / "base.yaml"
_WINDOW = 14  # tokens within which the later words of a split cue must follow
_ISSUE_WINDOW = 6  # the same for issue terms ("Streitkräfte der Ukraine … begrenzen")


def _get(obj: Any, name: str, default: Any = None) -> Any:
    if obj is None:
        return default
    if isinstance(obj, dict):
        return obj.get(name, default)
    return getattr(obj, name, default)


class CueHit(NamedTuple):
    """A cue found in a sentence: token index of its first and last word, and its label.
    (A named tuple: sentences yield thousands, and a tuple is built fastest.)"""

    first: int
    last: int
    label: Any
    text: str


# A hit built as the tuple it is, without the named tuple's Python-level __new__
# (sentences yield tens of thousands).
_hit = tuple.__new__

_HEAD_MIN = 6  # letters a one-word cue needs to match as the head of a compound
_MODIFIER_MIN = 3  # letters the rest of such a compound needs ("Truppen|obergrenze")

# Inflection endings a German cue word may carry in the text ("russische" in
# "den russischen Vermögenswerten"), tried only where compounds are matched.
_ENDINGS = frozenset({"n", "s", "m", "r", "e", "en", "er", "es", "em", "ns"})

# A cue as its first word indexes it: the words that must follow (each a word, or
# where inflection is allowed the set of its forms), the words a sentence needs for
# them to follow at all, its label and its text.
_Later = str | frozenset[str]
_Entry = tuple[tuple[_Later, ...], frozenset[str], Any, str]


class CueSet:
    """Cues with labels, indexed by their first word (lower-cased).

    With ``compounds`` a one-word cue of at least six letters also matches as the
    last part of a longer word: German puts the head of a compound last, so
    "Truppenobergrenze" is an "Obergrenze" and "Energiewaffenruhe" a "Waffenruhe".

    Matching is the hot loop of extraction (every stage asks several sets of every
    sentence), so the work is moved out of it: each distinct word form is analysed
    once into the cues it can start, and a sentence is reduced to its few word
    forms that start any before a Python loop touches it.
    """

    def __init__(
        self,
        cues: Iterable[tuple[str, Any]] = (),
        compounds: bool = False,
        window: int = _WINDOW,
    ) -> None:
        self._window = window
        parsed = [(tuple(cue.lower().split()), label, cue) for cue, label in cues]
        self._heads = {
            words[0]
            for words, _, _ in parsed
            if compounds and len(words) == 1 and len(words[0]) >= _HEAD_MIN
        }
        # Only where compound heads are matched may the later words be inflected.
        self._inflected = bool(self._heads)
        self._by_first: dict[str, list[_Entry]] = {}
        for words, label, cue in parsed:
            if not words:
                continue
            if self._inflected:
                later: tuple[_Later, ...] = tuple(_forms(w) for w in words[1:])
                need = frozenset().union(*later)  # some form of some later word
            else:
                later = words[1:]
                need = frozenset(later)  # every later word
            self._by_first.setdefault(words[0], []).append((later, need, label, cue))
        for entries in self._by_first.values():
            entries.sort(key=lambda e: -len(e[0]))  # the longest cue first
        self._firsts = frozenset(self._by_first)
        # Per distinct word form, the cues it can start before and after its lemma's
        # place, and both together (see _word_entries): news text repeats its words.
        self._entries_of: dict[str, tuple[list[_Entry], list[_Entry], list[_Entry]]] = {}
        self._dead: set[str] = set()  # word forms that start no cue in any way
        # The last sentence searched and its hits: the stance rules ask the issue
        # and option cues of one sentence several times (held, so identity is safe).
        self._last: tuple[Any, Any, list[CueHit]] = (None, None, [])

    def _head(self, word: str) -> str | None:
        """The longest cue that ``word`` ends with as a compound head, if any."""
        for k in range(_MODIFIER_MIN, len(word) - _HEAD_MIN + 1):
            if word[k:] in self._heads and word[k - 1] != "-":
                return word[k:]
        return None

    def _word_entries(self, word: str) -> tuple[list[_Entry], list[_Entry], list[_Entry]]:
        """The cues a word can start, before and after its lemma's place, and both: by
        the word and its hyphenated parts; then, for compounds, by its stem without an
        inflection ending and by its compound head. A word with none is marked dead,
        so that a sentence of dead words is settled by one set test."""
        by_first = self._by_first
        pre = [word]
        if "-" in word:
            pre += [part for part in word.split("-") if part]
        post: list[str] = []
        if self._heads and word not in by_first:
            post = [word[:-k] for k in (1, 2) if word[-k:] in _ENDINGS]
            head = self._head(word)
            if head is not None:
                post.append(head)
        before = [e for key in pre if key in by_first for e in by_first[key]]
        after = [e for key in post if key in by_first for e in by_first[key]]
        if not before and not after:
            self._dead.add(word)
        return before, after, before + after

    def _lemma_starts(self, words: Sequence[str], lemmas: Sequence[str]) -> dict[int, str]:
        """The tokens whose lemma, not their word form, starts a cue, with the lemma.

        Usually none: a lemma that starts a cue is mostly its word form itself
        ("sanktionen"), already matched as a word. Found by C scans (a set
        intersection, ``list.index``) rather than a Python loop over the sentence.
        """
        found: dict[int, str] = {}
        for lemma in self._firsts.intersection(lemmas):
            i = -1
            for _ in range(lemmas.count(lemma)):
                i = lemmas.index(lemma, i + 1)
                if words[i] != lemma:
                    found[i] = lemma
        return found

    def __bool__(self) -> bool:
        return bool(self._by_first)

    def find(self, words: Sequence[str], lemmas: Sequence[str] | None = None) -> list[CueHit]:
        """Every cue in a sentence given as lower-cased words (and optionally lemmas).

        A hyphenated compound also matches by its parts ("Witkoff-Putin-Treffen"
        is a "treffen", "Donbass-Region" names the Donbas).
        """
        last_words, last_lemmas, last_hits = self._last
        if words is last_words and lemmas is last_lemmas:
            return list(last_hits)
        hits = self._find(words, lemmas)
        self._last = (words, lemmas, hits)
        return list(hits)

    def _find(self, words: Sequence[str], lemmas: Sequence[str] | None) -> list[CueHit]:
        dead = self._dead
        lemma_at = (
            self._lemma_starts(words, lemmas)
            if lemmas is not None and not self._firsts.isdisjoint(lemmas)
            else {}
        )
        # Most sentences hold no cue at all: a set test in C settles that at once, on
        # the word forms already known to start none (by their parts, stem or head).
        if not lemma_at and dead.issuperset(words):
            return []
        # Only words not known to start no cue, and words whose lemma starts one.
        positions = [i for i, word in enumerate(words) if word not in dead]
        if lemma_at:
            positions = sorted({*positions, *lemma_at})
        entries_of = self._entries_of
        hits: list[CueHit] = []
        n = len(words)
        window = self._window
        inflected = self._inflected
        present: set[str] | None = None  # the sentence's words, once a cue has several
        for i in positions:
            word = words[i]
            own = entries_of.get(word)
            if own is None:
                own = entries_of[word] = self._word_entries(word)
            entries = own[2]
            if lemma_at and i in lemma_at:
                entries = own[0] + self._by_first[lemma_at[i]] + own[1]
            for later, need, label, cue in entries:
                if not later:
                    hits.append(_hit(CueHit, (i, i, label, cue)))
                    break
                if present is None:
                    present = set(words)
                # Most split cues fail for a word missing from the whole sentence: one
                # set test on ``need`` settles that without a scan of the window.
                if inflected:
                    if need.isdisjoint(present):
                        continue
                    last = _follow_forms(words, i, later, min(n, i + 1 + window))
                else:
                    if not present.issuperset(need):
                        continue
                    last = _follow(words, i, later, min(n, i + 1 + window))
                if last is not None:
                    hits.append(_hit(CueHit, (i, last, label, cue)))
                    break
        return hits


def _forms(word: str) -> frozenset[str]:
    """A later word of a cue and its inflected forms ("russisch", "russischen" …)."""
    return frozenset({word, *(word + ending for ending in _ENDINGS)})


def _follow(words: Sequence[str], i: int, later: tuple[str, ...], stop: int) -> int | None:
    """Index of the last of ``later`` found in order after ``i`` (adjacent first), or None."""
    pos = i
    for word in later:
        try:
            pos = words.index(word, pos + 1, stop)
        except ValueError:
            return None
    return pos


def _follow_forms(
    words: Sequence[str], i: int, later: tuple[frozenset[str], ...], stop: int
) -> int | None:
    """:func:`_follow` for later words given as the sets of their inflected forms."""
    pos = i
    for forms in later:
        for j in range(pos + 1, stop):
            if words[j] in forms:
                pos = j
                break
        else:
            return None
    return pos


@dataclass(slots=True)
class LanguageCues:
    """Everything extraction matches in one language."""

    speech: CueSet = field(default_factory=CueSet)
    events: CueSet = field(default_factory=CueSet)  # label: (type, mode)
    stances: CueSet = field(default_factory=CueSet)  # label: stance kind
    negations: frozenset[str] = frozenset()
    conditionals: CueSet = field(default_factory=CueSet)
    issues: CueSet = field(default_factory=CueSet)  # label: issue key
    obligation: frozenset[str] = frozenset()
    prepositions: frozenset[str] = frozenset()
    articles: frozenset[str] = frozenset()
    pronouns: frozenset[str] = frozenset()
    anaphoric: CueSet = field(default_factory=CueSet)
    conditional_nouns: frozenset[str] = frozenset()
    plan_modals: frozenset[str] = frozenset()
    instead: frozenset[str] = frozenset()
    issue_anaphora: frozenset[str] = frozenset()
    document_nouns: frozenset[str] = frozenset()
    unit_nouns: frozenset[str] = frozenset()
    plural_pronouns: frozenset[str] = frozenset()
    plural_with_verb: frozenset[str] = frozenset()
    impersonal: frozenset[str] = frozenset()
    document_attribution: CueSet = field(default_factory=CueSet)
    plan_offers: frozenset[str] = frozenset()
    determiners: frozenset[str] = frozenset()
    addressee_verbs: frozenset[str] = frozenset()
    options: CueSet = field(default_factory=CueSet)  # label: (issue key, option key)
    question_words: frozenset[str] = frozenset()
    locatives: frozenset[str] = frozenset()
    passive_auxiliaries: frozenset[str] = frozenset()
    participle: re.Pattern[str] = re.compile(r"(?!x)x")  # matches nothing by default
    strict_conditionals: frozenset[str] = frozenset()
    replaces: frozenset[str] = frozenset()
    positions: CueSet = field(default_factory=CueSet)  # label: stance kind of the noun
    concessions: CueSet = field(default_factory=CueSet)  # verbs of yielding ("give up")
    weapons: tuple[str, ...] = ()  # stems of weapons and forces ("drohne", "missile")


@cache
def _base_file() -> dict[str, Any]:
    import yaml

    with BASE_LEXICON.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def _base() -> dict[str, Any]:
    return _base_file()["languages"]


def _grammar(lang: str) -> dict[str, list[str]]:
    return _base_file().get("grammar", {}).get(lang, {})


def build_cues(lang: str, case: Any = None) -> LanguageCues:
    """The base lexicon of ``lang`` merged with the case pack's lexicon and issue terms."""
    layers = [_base().get(lang, {})]
    pack_lexicon = _get(case, "lexicon")
    pack_lang = _get(_get(pack_lexicon, "languages", {}), lang)
    if pack_lang is not None:
        layers.append(pack_lang)
    speech: list[tuple[str, Any]] = []
    events: list[tuple[str, Any]] = []
    stances: list[tuple[str, Any]] = []
    negations: set[str] = set()
    conditionals: list[tuple[str, Any]] = []
    for layer in layers:
        speech += [(v, "speech") for v in _get(layer, "speech_verbs", []) or []]
        speech += [(v, "speech") for v in _get(layer, "attribution", []) or []]
        for cue in _get(layer, "event_cues", []) or []:
            label = (_get(cue, "type"), _get(cue, "mode"))
            events += [(c, label) for c in _get(cue, "cues", [])]
        for kind, forms in (_get(layer, "stance_cues", {}) or {}).items():
            stances += [(f, kind) for f in forms]
        negations |= {n.lower() for n in _get(layer, "negations", []) or []}
        conditionals += [(c, "if") for c in _get(layer, "conditionals", []) or []]
    issues: list[tuple[str, Any]] = []
    options: list[tuple[str, Any]] = []
    for issue in issues_of(case):
        for option in _get(issue, "options", []) or []:
            label = (_get(issue, "key"), _get(option, "key"))
            options += [(form, label) for form in _get(_get(option, "cues"), lang, []) or []]
        cues = _get(issue, "cues")
        if hasattr(cues, "all"):
            forms = cues.all()
        else:
            forms = [(k, f) for k, v in (cues or {}).items() for f in v]
        issues += [(form, _get(issue, "key")) for form_lang, form in forms if form_lang == lang]
    grammar = _grammar(lang)

    def words(key: str) -> frozenset[str]:
        return frozenset(w.lower() for w in grammar.get(key, []))

    return LanguageCues(
        obligation=words("obligation"),
        prepositions=words("prepositions"),
        articles=words("articles"),
        pronouns=words("pronouns"),
        anaphoric=CueSet((w, "source") for w in grammar.get("anaphoric_source", [])),
        conditional_nouns=words("conditional_nouns"),
        plan_modals=words("plan_modals"),
        instead=words("instead"),
        issue_anaphora=words("issue_anaphora"),
        document_nouns=words("document_nouns"),
        unit_nouns=words("unit_nouns"),
        plural_pronouns=words("plural_pronouns"),
        plural_with_verb=words("plural_with_verb"),
        impersonal=words("impersonal"),
        plan_offers=words("plan_offers"),
        determiners=words("determiners"),
        addressee_verbs=words("addressee_verbs"),
        options=CueSet(options, compounds=lang == "de", window=_ISSUE_WINDOW),
        document_attribution=CueSet((w, "source") for w in grammar.get("document_attribution", [])),
        question_words=words("question_words"),
        locatives=words("locatives"),
        passive_auxiliaries=words("passive_auxiliaries"),
        participle=re.compile(grammar.get("participle", r"(?!x)x")),
        strict_conditionals=words("strict_conditionals"),
        replaces=words("replaces"),
        positions=CueSet(
            (
                (noun, kind)
                for kind, nouns in grammar.get("position_nouns", {}).items()
                for noun in nouns
            ),
            compounds=lang == "de",
        ),
        concessions=CueSet((v, "yield") for v in grammar.get("concession_verbs", [])),
        weapons=tuple(sorted(words("weapon_words"))),
        speech=CueSet(speech),
        events=CueSet(events),
        stances=CueSet(stances),
        negations=frozenset(negations),
        conditionals=CueSet(conditionals),
        # Issue terms are noun phrases: their words stay close ("European security"
        # is not "European leaders insisted … security guarantees").
        issues=CueSet(issues, compounds=lang == "de", window=_ISSUE_WINDOW),
    )


def issues_of(case: Any) -> list[Any]:
    issues = _get(case, "issues", [])
    if hasattr(issues, "issues"):
        issues = issues.issues
    if isinstance(issues, dict):
        issues = list(issues.values())
    return list(issues or [])


def grammar_words(lang: str, key: str) -> list[str]:
    """One word list of the base lexicon's grammar section (``group_nouns`` …)."""
    return list(_grammar(lang).get(key, []))
