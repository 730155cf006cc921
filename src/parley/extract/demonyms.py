"""Nationality adjectives that stand for their state: "a Russian delegation".

News names the sides of a negotiation by the people sent, not the state: "Driscoll
met a Russian delegation", "die ukrainischen Unterhändler", "U.S. negotiators would
meet Russian officials". The state takes part in that meeting (and holds the
delegation's positions), so before a group noun (``group_nouns`` in the base
lexicon's grammar) the adjective counts as an acting mention of its state. Before
anything else it does not: "Russian assets", "die russische Armee" and "Russian
missiles" are things of Russia, not Russia acting. Coordinated adjectives share the
noun ("ukrainische und amerikanische Unterhändler": both states).

These mentions feed events and stances only; SPEC §1 mentions stay as annotated
(adjectives are not mentions of their own).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from parley.extract.records import Mention
from parley.extract.sentences import Sentence

# German adjective endings after the stem listed in the case pack ("russisch|en").
_ENDINGS = ("", "e", "en", "er", "es", "em")
_LINKS = frozenset({"und", "and", ",", "sowie", "or", "oder"})
_HEAD_MIN = 6  # letters a group noun needs to be found as a compound's head
_MAX_ADJECTIVES = 1  # lower-case words between the adjective and its noun ("military")


@dataclass(frozen=True, slots=True)
class DemonymTable:
    """Lower-cased adjective forms of one language, each with its state's id and name."""

    forms: Mapping[str, tuple[str, str]]
    group_nouns: frozenset[str]
    # Nouns long enough to be found as a compound's head ("Verhandlungsdelegation").
    heads: tuple[str, ...] = ()

    @classmethod
    def build(cls, actors: Iterable[object], lang: str, group_nouns: Iterable[str]) -> DemonymTable:
        forms: dict[str, tuple[str, str]] = {}
        for actor in actors:
            demonyms = getattr(actor, "demonyms", None)
            for stem in getattr(demonyms, lang, None) or []:
                endings = _ENDINGS if lang == "de" else ("",)
                for ending in endings:
                    forms[(stem + ending).lower()] = (actor.id, actor.name)  # type: ignore[attr-defined]
        nouns = frozenset(w.lower() for w in group_nouns)
        return cls(forms, nouns, tuple(sorted(n for n in nouns if len(n) >= _HEAD_MIN)))

    def _noun(self, word: str) -> bool:
        # A word ending in a head noun is that noun (listed) or a compound built on it.
        return word in self.group_nouns or word.endswith(self.heads)

    def find(self, sent: Sentence, article: str) -> list[Mention]:
        """State mentions of the adjectives before a group noun in one sentence."""
        words, forms = sent.words, self.forms
        out: list[Mention] = []
        if forms.keys().isdisjoint(words):
            return out
        i, n = 0, len(words)
        while i < n:
            if words[i] not in forms:
                i += 1
                continue
            run = [i]  # coordinated adjectives: "ukrainische und amerikanische"
            j = i + 1
            while j + 1 < n and words[j] in _LINKS and words[j + 1] in forms:
                run.append(j + 1)
                j += 2
            between = 0
            while j < n and not self._noun(words[j]) and between < _MAX_ADJECTIVES:
                if not self._lower(sent, j) or not words[j].isalpha():
                    break
                between += 1
                j += 1
            if j < n and self._noun(words[j]):
                for k in run:
                    actor, name = forms[words[k]]
                    start = sent.offsets[k]
                    end = start + len(words[k])
                    surface = sent.text[start - sent.start : end - sent.start]
                    out.append(Mention(article, start, end, actor, name, surface, "state"))
            i = j if j > i else i + 1
        return out

    @staticmethod
    def _lower(sent: Sentence, i: int) -> bool:
        return sent.text[sent.offsets[i] - sent.start].islower()


def with_demonyms(
    mentions: Sequence[Mention], sentences: Sequence[Sentence], table: DemonymTable, article: str
) -> list[Mention]:
    """``mentions`` with the states their nationality adjectives stand for, by position.

    An adjective already inside a mention ("the Russian side" as an alias) adds nothing.
    """
    if not table.forms:
        return list(mentions)
    found = [m for sent in sentences for m in table.find(sent, article)]
    starts = [m.start for m in mentions]

    def covered(at: int) -> bool:
        i = bisect_right(starts, at) - 1
        return i >= 0 and at < mentions[i].end

    extra = [m for m in found if not covered(m.start)]
    if not extra:
        return list(mentions)
    return sorted([*mentions, *extra], key=lambda m: m.start)
