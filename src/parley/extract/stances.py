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
from collections.abc import Callable, Sequence
from dataclasses import dataclass

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
    numbers = parse_numbers(text)
    return numbers[0] if numbers else None


def parse_numbers(text: str) -> list[float]:
    """Every number in ``text``, in order (see :func:`parse_number`)."""
    return [_value(m) for m in _NUMBER.finditer(text)]


def _value(m: re.Match[str]) -> float:
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


@dataclass(slots=True)
class Context:
    """What earlier sentences tell about this one: who was acting, which document."""

    previous_actor: str | None = None
    last_document: str | None = None
    speaker: str | None = None  # speaker of a quote covering most of this sentence
    document_topic: int = 0  # sentences since a plan or draft was last named (0 = this one)
    previous_issues: tuple[str, ...] = ()  # issues the previous sentence named


def sentence_stances(
    sent: Sentence,
    cues: LanguageCues,
    mentions: Sequence[Mention],
    quoted: Sequence[tuple[int, int]],
    context: Context,
    quantities: dict[str, tuple[float, float] | None],
    party: Callable[[str], str],
    article: str,
) -> list[Stance]:
    """Stances of one sentence: one per issue named in it."""
    issue_hits = [
        h
        for h in cues.issues.find(sent.words, sent.lemmas)
        if not any(w in cues.instead for w in sent.words[max(0, h.first - 3) : h.first])
    ]
    if not issue_hits:
        # "Kiew lehnte das stets ab": the pronoun carries the previous sentence's issue.
        refers = [i for i, w in enumerate(sent.words) if w in cues.issue_anaphora]
        if not refers or not context.previous_issues or len(sent.words) > _SHORT:
            return []
        issue_hits = [CueHit(refers[0], refers[0], key, key) for key in context.previous_issues]
    stance_hits = [
        h
        for h in cues.stances.find(sent.words, sent.lemmas)
        if context.speaker or not _inside(sent.char_of(h.first), quoted)
    ]
    plan = _plan_content(sent, cues, context)
    if not stance_hits and not plan:
        return []
    mentions = [m for m in mentions if m.end > _dateline_end(sent)]
    actor = (
        plan
        or _agent(sent, stance_hits, mentions)
        or _actor(sent, cues, mentions, quoted, context, party)
    )
    if actor is None:
        return []
    condition = None
    if plan:
        # What a plan sets for the parties it demands of them, unless it offers something.
        kind = "offer" if any(h.label == "offer" for h in stance_hits) else "demand"
    else:
        kind = _stance_kind(sent, stance_hits, cues)
        condition = _condition(sent, cues)
        if condition is not None and kind != "reject":
            kind = "conditional"
    out: list[Stance] = []
    first_hit = {}
    for h in issue_hits:
        first_hit.setdefault(h.label, h)
    for issue, ihit in first_hit.items():
        if not plan and len({h.label for h in stance_hits}) > 1:
            # Several stances in one sentence ("fordert …, und lehnt … ab"): each issue
            # takes the cue that governs it, the nearest before it (verbs first).
            kind = _stance_kind(sent, _governing(sent, stance_hits, ihit), cues)
            if condition is not None and kind != "reject":
                kind = "conditional"
        value = None
        span = quantities.get(issue)
        if span is not None:
            # The number the issue counts in: within the range its scale maps (troops for
            # the army cap), so "30 Tage" or "2022" do not become an army size.
            lo, hi = span
            fits = [n for n in parse_numbers(sent.text) if lo / 2 <= n <= hi * 2]
            value = fits[0] if fits else None
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


# "JEDDAH, Saudi Arabia (Reuters) -": where and by whom the report was filed.
_DATELINE = re.compile(r"^[A-ZÄÖÜ][A-ZÄÖÜ .'-]+(?:,[^()\n]{1,40})?\s*\([^)\n]{1,40}\)\s*[-–—]\s")


def _dateline_end(sent: Sentence) -> int:
    """Offset where the sentence's text begins after a wire dateline (or its start)."""
    m = _DATELINE.match(sent.text)
    return sent.start + m.end() if m else sent.start


def _agent(sent: Sentence, hits: list[CueHit], mentions: Sequence[Mention]) -> str | None:
    """The agent of a participle cue: "die von Russland geforderte Abtretung"."""
    for h in hits:
        lo = max(0, h.first - 3)
        if not any(w in ("von", "by") for w in sent.words[lo : h.first]):
            continue
        start, end = sent.offsets[lo], sent.offsets[h.first]
        found = [m for m in mentions if start <= m.start < end and m.type in _ACTOR_TYPES]
        if found:
            return found[-1].actor
    return None


_SHORT = 12  # words: a sentence short enough that "das" can only mean the last issue
_PLAN_REACH = 2  # sentences after a plan is named that may still spell out its content


def _plan_content(sent: Sentence, cues: LanguageCues, context: Context) -> str | None:
    """The document whose content this sentence spells out ("The draft takes up Moscow's
    demands. Ukraine would withdraw …"): a plan named just before, and the plan's mood."""
    if context.speaker or context.last_document is None:
        return None
    if context.document_topic > _PLAN_REACH:
        return None
    if not any(w in cues.plan_modals for w in sent.words):
        return None
    return context.last_document


def _inside(pos: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in spans)


def _actor(
    sent: Sentence,
    cues: LanguageCues,
    mentions: Sequence[Mention],
    quoted: Sequence[tuple[int, int]],
    context: Context,
    party: Callable[[str], str],
) -> str | None:
    """Whose stance: the speaker of reported words, the document "demnach" points to,
    the grammatical subject, or the actor a leading pronoun refers back to."""
    if context.speaker:
        return context.speaker
    if context.last_document and cues.anaphoric.find(sent.words):
        return context.last_document
    if sent.words and sent.words[0] in cues.pronouns and context.previous_actor:
        return context.previous_actor
    embedded: list[Mention] = []
    for m in mentions:
        if m.type not in _ACTOR_TYPES or _inside(m.start, quoted):
            continue
        if _embedded(sent, m, cues):
            embedded.append(m)
            continue
        return m.actor
    if embedded:  # "im Machtzirkel um Trump erwogen": his side, not he himself
        return party(embedded[0].actor)
    return None


def _embedded(sent: Sentence, m: Mention, cues: LanguageCues) -> bool:
    """A mention that cannot be the subject: inside a prepositional phrase, a genitive
    attribute ("die Mitgliedschaft der Ukraine") or the first part of a compound."""
    at = m.end - sent.start
    if at < len(sent.text) - 1 and sent.text[at] == "-" and sent.text[at + 1].isalpha():
        return True
    try:
        i = sent.offsets.index(m.start)
    except ValueError:
        return False
    before = sent.words[max(0, i - 3) : i]
    if any(w in cues.prepositions for w in before[-2:]):
        return True
    if len(before) >= 2 and before[-1] in cues.articles and before[-1] in ("der", "des"):
        prev_start = sent.offsets[i - 2] - sent.start
        return sent.text[prev_start : prev_start + 1].isupper() and i - 2 > 0
    return False


_ORDER = {"reject": 0, "conditional": 1, "open": 2, "demand": 3, "offer": 4, "accept": 5}


def _stance_kind(sent: Sentence, hits: list[CueHit], cues: LanguageCues) -> str:
    """The stance the sentence takes, from its strongest cue, after negation.

    Verbs and adjectives ("lehnt ab", "bereit") say what the subject does;
    nouns ("Forderung", "Angebot") often name someone else's position
    ("Putins Forderung nachzukommen"), so they count only when no verb cue
    is there. Conditions ("stellte Bedingungen") make a stance conditional.
    """
    if any(w in cues.conditional_nouns for w in sent.words):
        return "conditional"
    verbal = [h for h in hits if not sent.text[sent.char_of(h.first) - sent.start].isupper()]
    pool = verbal or hits
    hit = min(pool, key=lambda h: (_ORDER.get(h.label, 9), h.first))
    kind = hit.label
    if sent.words[hit.first] not in cues.obligation and _negated(sent, hit, cues):
        kind = _FLIP.get(kind, kind)
    return kind


def _governing(sent: Sentence, hits: list[CueHit], issue: CueHit) -> list[CueHit]:
    """The cue closest before the issue term (a verb if there is one), else after it."""
    before = [h for h in hits if h.first < issue.first]
    verbal = [h for h in before if not sent.text[sent.char_of(h.first) - sent.start].isupper()]
    pool = verbal or before
    if pool:
        return [max(pool, key=lambda h: h.first)]
    return [min(hits, key=lambda h: h.first)]


def _negated(sent: Sentence, hit: CueHit, cues: LanguageCues) -> bool:
    """A negation just before the cue, or between the parts of a split cue."""
    lo = max(0, hit.first - _NEGATION_REACH)
    return any(w in cues.negations for w in sent.words[lo : hit.last + 1])


def _condition(sent: Sentence, cues: LanguageCues) -> str | None:
    """The conditional clause ("nur wenn ...", "sofern ..."), up to the clause end.

    A conditional word counts only where a clause begins (sentence start, after
    a comma, dash or colon, or after "nur"/"only"), so that "sollte" as a modal
    or "if" inside a noun phrase does not make everything conditional.
    """
    hits = [
        h
        for h in cues.conditionals.find(sent.words)
        if h.first == 0 or sent.words[h.first - 1] in (",", ";", ":", "–", "—", "nur", "only")
    ]
    if not hits:
        return None
    hit = min(hits, key=lambda h: (h.first, -(h.last - h.first)))
    start = sent.char_of(hit.first) - sent.start
    if hit.first > 0 and sent.words[hit.first - 1] in ("nur", "only"):
        start = sent.char_of(hit.first - 1) - sent.start
    rest = sent.text[start:]
    end = re.search(r"[,;:.!?–](?:\s|$)", rest[len(hit.text) :])
    clause = rest[: len(hit.text) + end.start()] if end else rest
    return clause.strip() or None
