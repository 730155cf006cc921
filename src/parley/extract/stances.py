"""Stances: which actor takes which position on which negotiation issue.

A sentence that names an issue (the case pack's issue terms), carries a stance
cue (demand, offer, accept, reject, open) and names an actor yields a stance.
Three modifiers change what the cue says:

- negation near the cue turns it around ("lehnt ... nicht ab" is not a
  rejection: ``open``; "nicht bereit" rejects);
- a conditional ("nur wenn", "sofern", "only if") makes it ``conditional``
  and keeps the condition's words;
- a number on an issue that has a quantity ("auf 800.000 Mann begrenzt")
  becomes the stance's ``value``.

The actor is the speaker when the sentence is a quotation, else the first
actor named outside quotation marks (German and English news put the
subject first far more often than not).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from parley.extract.cues import CueHit, LanguageCues
from parley.extract.records import Mention, Stance
from parley.extract.sentences import Sentence

_FLIP = {
    "reject": "open",
    "accept": "reject",
    "offer": "reject",
    "demand": "open",
    "open": "reject",
}
_ACTOR_TYPES = frozenset({"person", "state", "organization"})
# 800.000 / 800 000 / 800,000 / 800000 / 1,5 Millionen / 1.5 million
_NUMBER = re.compile(
    r"(?<![\w.,])(?P<num>\d{1,3}(?:[.,  ]\d{3})+|\d+(?:[.,]\d+)?)"
    r"(?:\s*(?P<scale>Millionen|Million|Mio\.?|million|Tausend|thousand))?"
)
_NEGATION_REACH = 4  # tokens between a negation and the cue it negates


def parse_number(text: str) -> float | None:
    """A number as news writes it, German or English grouping ("800.000", "600,000")."""
    m = _NUMBER.search(text)
    if not m:
        return None
    raw = m.group("num").replace(" ", "").replace(" ", "")
    if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", raw):
        value = float(re.sub(r"[.,]", "", raw))
    else:
        value = float(raw.replace(",", "."))
    scale = (m.group("scale") or "").lower()
    if scale.startswith(("mil", "mio")):
        value *= 1_000_000
    elif scale.startswith(("tausend", "thousand")):
        value *= 1_000
    return value


def sentence_stances(
    sent: Sentence,
    cues: LanguageCues,
    mentions: Sequence[Mention],
    quoted: Sequence[tuple[int, int]],
    speaker: str | None,
    quantities: dict[str, bool],
    article: str,
) -> list[Stance]:
    """Stances of one sentence: one per issue named in it."""
    issue_hits = cues.issues.find(sent.words, sent.lemmas)
    if not issue_hits:
        return []
    stance_hits = cues.stances.find(sent.words, sent.lemmas)
    if not stance_hits:
        return []
    actor = speaker if speaker and _mostly_quoted(sent, quoted) else _subject(mentions, quoted)
    if actor is None:
        return []
    kind = _stance_kind(sent, stance_hits, cues)
    condition = _condition(sent, cues)
    if condition is not None and kind != "reject":
        kind = "conditional"
    out: list[Stance] = []
    for issue in dict.fromkeys(h.label for h in issue_hits):
        value = None
        if quantities.get(issue):
            value = parse_number(sent.text)
            if value is not None and value.is_integer():
                value = int(value)
        out.append(
            Stance(
                article=article,
                start=sent.start,
                end=sent.end,
                actor=actor,
                issue=issue,
                stance=kind,  # type: ignore[arg-type]
                value=value,
                condition=condition,
            )
        )
    return out


def _mostly_quoted(sent: Sentence, quoted: Sequence[tuple[int, int]]) -> bool:
    inside = sum(
        min(e, sent.end) - max(s, sent.start) for s, e in quoted if s < sent.end and e > sent.start
    )
    return inside * 2 > sent.end - sent.start


def _subject(mentions: Sequence[Mention], quoted: Sequence[tuple[int, int]]) -> str | None:
    for m in mentions:
        if m.type in _ACTOR_TYPES and not any(s <= m.start < e for s, e in quoted):
            return m.actor
    return None


def _stance_kind(sent: Sentence, hits: list[CueHit], cues: LanguageCues) -> str:
    """The strongest cue (reject > demand > offer > accept > open), after negation."""
    order = {"reject": 0, "demand": 1, "offer": 2, "accept": 3, "open": 4}
    hit = min(hits, key=lambda h: (order.get(h.label, 9), h.first))
    kind = hit.label
    if _negated(sent, hit, cues):
        kind = _FLIP.get(kind, kind)
    return kind


def _negated(sent: Sentence, hit: CueHit, cues: LanguageCues) -> bool:
    """A negation just before the cue, or between the parts of a split cue."""
    lo = max(0, hit.first - _NEGATION_REACH)
    return any(w in cues.negations for w in sent.words[lo : hit.last + 1])


def _condition(sent: Sentence, cues: LanguageCues) -> str | None:
    """The conditional clause's words ("nur wenn ..."), up to the clause end."""
    hits = cues.conditionals.find(sent.words)
    if not hits:
        return None
    hit = min(hits, key=lambda h: (h.first, -(h.last - h.first)))
    start = sent.char_of(hit.first) - sent.start
    rest = sent.text[start:]
    end = re.search(r"[,;:.!?–](?:\s|$)", rest[len(hit.text) :])
    clause = rest[: len(hit.text) + end.start()] if end else rest
    return clause.strip() or None
