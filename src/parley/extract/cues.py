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


_HEAD_MIN = 6  # letters a one-word cue needs to match as the head of a compound
_MODIFIER_MIN = 3  # letters the rest of such a compound needs ("Truppen|obergrenze")


class CueSet:
    """Cues with labels, indexed by their first word (lower-cased).

    With ``compounds`` a one-word cue of at least six letters also matches as the
    last part of a longer word: German puts the head of a compound last, so
    "Truppenobergrenze" is an "Obergrenze" and "Energiewaffenruhe" a "Waffenruhe".
    """

    def __init__(
        self,
        cues: Iterable[tuple[str, Any]] = (),
        compounds: bool = False,
        window: int = _WINDOW,
    ) -> None:
        self._window = window
        self._by_first: dict[str, list[tuple[tuple[str, ...], Any, str]]] = {}
        self._heads: set[str] = set()
        # Per distinct word form, the keys it can start a cue under (see _word_keys):
        # news text repeats its words, so each form is analysed once.
        self._keys_of: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}
        self._dead: set[str] = set()  # word forms that start no cue in any way
        # The last sentence searched and its hits: the stance rules ask the issue
        # and option cues of one sentence several times (held, so identity is safe).
        self._last: tuple[Any, Any, list[CueHit]] = (None, None, [])
        for cue, label in cues:
            words = tuple(cue.lower().split())
            if words:
                self._by_first.setdefault(words[0], []).append((words[1:], label, cue))
                if compounds and len(words) == 1 and len(words[0]) >= _HEAD_MIN:
                    self._heads.add(words[0])
        for entries in self._by_first.values():
            entries.sort(key=lambda e: -len(e[0]))

    def _head(self, word: str) -> str | None:
        """The longest cue that ``word`` ends with as a compound head, if any."""
        for k in range(_MODIFIER_MIN, len(word) - _HEAD_MIN + 1):
            if word[k:] in self._heads and word[k - 1] != "-":
                return word[k:]
        return None

    def _word_keys(self, word: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The keys a word can start a cue under, before and after its lemma's place:
        the word and its hyphenated parts; then, for compounds, its stem without an
        inflection ending and its compound head. Only keys some cue starts with are
        kept, so a word with none is skipped at once."""
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
        keys = tuple(k for k in pre if k in by_first), tuple(k for k in post if k in by_first)
        if keys == ((), ()):
            self._dead.add(word)
        return keys

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
        by_first = self._by_first
        compounds = bool(self._heads)
        dead = self._dead
        by_lemma = lemmas is not None and not by_first.keys().isdisjoint(lemmas)
        # Most sentences hold no cue at all: set tests in C settle that at once, on
        # the word forms already known to start none (by their parts, stem or head).
        if not by_lemma and dead.issuperset(words):
            return []
        hits: list[CueHit] = []
        n = len(words)
        keys_of = self._keys_of
        # Only words not known to start no cue, and words whose lemma starts one.
        if by_lemma:
            live = [
                i
                for i, (word, lemma) in enumerate(zip(words, lemmas, strict=True))  # type: ignore[arg-type]
                if word not in dead or lemma in by_first
            ]
        else:
            live = [i for i, word in enumerate(words) if word not in dead]
        for i in live:
            word = words[i]
            own = keys_of.get(word)
            if own is None:
                own = keys_of[word] = self._word_keys(word)
            pre, post = own
            lemma = lemmas[i] if lemmas is not None else ""
            if not pre and not post and (not lemma or lemma not in by_first):
                continue
            keys = pre
            if lemma and lemma != word and lemma in by_first:
                keys = (*keys, lemma)
            if post:
                keys = (*keys, *post)
            for key in keys:
                for rest, label, cue in by_first[key]:
                    last = _follow(words, i, rest, min(n, i + 1 + self._window), compounds)
                    if last is not None:
                        hits.append(CueHit(i, last, label, cue))
                        break
                else:
                    continue
                break
        return hits


# Inflection endings a German cue word may carry in the text ("russische" in
# "den russischen Vermögenswerten"), tried only where compounds are matched.
_ENDINGS = frozenset({"n", "s", "m", "r", "e", "en", "er", "es", "em", "ns"})


def _follow(
    words: Sequence[str], i: int, rest: tuple[str, ...], stop: int, inflected: bool = False
) -> int | None:
    """Index of the last of ``rest`` found in order after ``i`` (adjacent first), or None."""
    pos = i
    for word in rest:
        for j in range(pos + 1, stop):
            if words[j] == word or (
                inflected and words[j].startswith(word) and words[j][len(word) :] in _ENDINGS
            ):
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
