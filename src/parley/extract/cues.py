"""Cue words of one language, compiled for matching against a sentence's tokens.

The base lexicon (``lexicon/base.yaml``) holds language facts that hold for any
negotiation (speech verbs, "traf", "lehnte ... ab", negations); a case pack's
lexicon and issue terms are merged on top. A cue with several words matches
when its first word occurs and the others follow later in the same sentence:
German splits verbs ("lehnt die Forderung ab"), so adjacency would miss most.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

BASE_LEXICON = Path(__file__).with_name("lexicon") / "base.yaml"
_WINDOW = 14  # tokens within which the later words of a split cue must follow


def _get(obj: Any, name: str, default: Any = None) -> Any:
    if obj is None:
        return default
    if isinstance(obj, dict):
        return obj.get(name, default)
    return getattr(obj, name, default)


@dataclass(frozen=True, slots=True)
class CueHit:
    """A cue found in a sentence: token index of its first and last word, and its label."""

    first: int
    last: int
    label: Any
    text: str


class CueSet:
    """Cues with labels, indexed by their first word (lower-cased)."""

    def __init__(self, cues: Iterable[tuple[str, Any]] = ()) -> None:
        self._by_first: dict[str, list[tuple[tuple[str, ...], Any, str]]] = {}
        for cue, label in cues:
            words = tuple(cue.lower().split())
            if words:
                self._by_first.setdefault(words[0], []).append((words[1:], label, cue))
        for entries in self._by_first.values():
            entries.sort(key=lambda e: -len(e[0]))

    def __bool__(self) -> bool:
        return bool(self._by_first)

    def find(self, words: Sequence[str], lemmas: Sequence[str] | None = None) -> list[CueHit]:
        """Every cue in a sentence given as lower-cased words (and optionally lemmas).

        A hyphenated compound also matches by its parts ("Witkoff-Putin-Treffen"
        is a "treffen", "Donbass-Region" names the Donbas).
        """
        by_first = self._by_first
        # Most sentences hold no cue at all: set tests in C settle that at once.
        if (
            by_first.keys().isdisjoint(words)
            and (lemmas is None or by_first.keys().isdisjoint(lemmas))
            and "-" not in "".join(words)
        ):
            return []
        hits: list[CueHit] = []
        n = len(words)
        for i, word in enumerate(words):
            # Most words start no cue: skip them before building the list of keys.
            if word not in by_first and "-" not in word:
                lemma = lemmas[i] if lemmas is not None else ""
                if not lemma or lemma not in by_first:
                    continue
            keys = [word]
            if "-" in word:
                keys += [part for part in word.split("-") if part]
            if lemmas is not None and lemmas[i] and lemmas[i] != word:
                keys.append(lemmas[i])
            for key in keys:
                for rest, label, cue in by_first.get(key, ()):
                    last = _follow(words, i, rest, min(n, i + 1 + _WINDOW))
                    if last is not None:
                        hits.append(CueHit(i, last, label, cue))
                        break
                else:
                    continue
                break
        return hits


def _follow(words: Sequence[str], i: int, rest: tuple[str, ...], stop: int) -> int | None:
    """Index of the last of ``rest`` found in order after ``i`` (adjacent first), or None."""
    pos = i
    for word in rest:
        try:
            pos = words.index(word, pos + 1, stop)
        except ValueError:
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
    for issue in issues_of(case):
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
        speech=CueSet(speech),
        events=CueSet(events),
        stances=CueSet(stances),
        negations=frozenset(negations),
        conditionals=CueSet(conditionals),
        issues=CueSet(issues),
    )


def issues_of(case: Any) -> list[Any]:
    issues = _get(case, "issues", [])
    if hasattr(issues, "issues"):
        issues = issues.issues
    if isinstance(issues, dict):
        issues = list(issues.values())
    return list(issues or [])
