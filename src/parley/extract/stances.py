"""Stances: which actor takes which position on which negotiation issue.

A sentence that names an issue (the case pack's issue terms, also as the head
of a German compound and inflected) and carries a stance cue (demand, offer,
accept, reject, open) yields a stance per issue mention. What the cue says is
read in its clause:

- each issue takes the cue of its own clause (German puts the verb last), or
  of its bracket; a cue in an indirect question ("ob Putin bereit sei") or in
  a condition ("sollte Putin nicht zustimmen") states nothing;
- negation near the cue turns it around ("lehnt ... nicht ab" is ``open``,
  "nicht bereit" rejects), modals of obligation do not;
- a conditional ("nur wenn", "sofern", "unless", "if") makes it
  ``conditional`` and keeps the condition's words;
- a number on an issue that has a quantity ("auf 800.000 Mann begrenzt") or
  an option word next to the issue term ("energy", "Schwarzes Meer") becomes
  the stance's ``value``.

The holder is, in order: the document a plan's content is cited from or
spelled out after; the agent of a passive or participle ("von Russland
gefordert"); the actor in the cue's bracket; everyone a plural pronoun points
back to; in a passive without agent only a place or circle it is located in;
the speaker for an impersonal "man"; in reported speech the named subject
before the cue, else the speaker; the subject of the cue's clause; else the
first actor named outside quotation marks, with those coordinated with it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import chain

from parley.extract import stance_phrases as phrases
from parley.extract.actors import ROLE_STEMS
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
    # The last sentence and its actors: which of them were subjects (not inside a
    # phrase) only a plural pronoun asks, so it is worked out then (_previous_subjects).
    previous_sentence: Sentence | None = None
    previous_actors: tuple[Mention, ...] = ()
    last_document: str | None = None
    speaker: str | None = None  # speaker of a quote covering most of this sentence
    carried_speaker: str | None = None  # the same, also when carried from an earlier sentence
    document_topic: int = 0  # sentences since a plan or draft was last named (0 = this one)
    previous_issues: tuple[str, ...] = ()  # issues the previous sentence named
    in_plan: bool = False  # the previous sentence spelled out the plan's content
    # words of the organisations named so far: "the coalition" is the one named before
    groups: dict[str, str] = field(default_factory=dict)


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
    """Stances of one sentence: one per issue (and holder) named in it."""
    _follow_plan(sent, cues, context)
    issue_hits = _issue_hits(sent, cues, quantities)
    carried = False
    if not issue_hits:
        # "Kiew lehnte das stets ab": the pronoun carries the previous sentence's issue.
        if not context.previous_issues:
            return []
        refers = (
            []
            if cues.issue_anaphora.isdisjoint(sent.words)
            else [i for i, w in enumerate(sent.words) if w in cues.issue_anaphora]
        )
        if not refers or len(sent.words) > _SHORT:
            # only a position noun or a conditioned refusal can refer back
            if not cues.positions.find(sent.words) and _condition(sent, cues) is None:
                return []
            carried = True
        else:
            issue_hits = [CueHit(refers[0], refers[0], key, key) for key in context.previous_issues]
    cue_hits = cues.stances.find(sent.words, sent.lemmas)
    text_start = _dateline_end(sent)
    mentions = [m for m in mentions if m.end > text_start]
    plan = (
        _attributed_document(sent, cues, mentions)
        or _plan_content(sent, cues, context)
        or _named_document_subject(sent, cues, mentions)
    )
    plan_end = None  # token where the clause a named document is the subject of ends
    if plan is None and context.last_document and not context.speaker:
        plan_end = _document_subject(sent, cues)
        if plan_end is not None:
            plan = context.last_document
    elif plan is not None:
        plan_end = phrases.own_side_end(sent, cues, mentions)
    if not cue_hits and not plan and not phrases.may_apply(sent, cues, context):
        return []  # most sentences that name an issue take no stance on it
    condition = _condition(sent, cues)
    stance_hits = _without_readiness(
        sent,
        [
            h
            for h in cue_hits
            if (context.speaker or not _inside(sent.char_of(h.first), quoted))
            and not _in_question(sent, h, cues)
            # "… was folgen könnte, sollte Putin nicht zustimmen": a cue inside the
            # condition is a hypothesis about someone, not a stance of anyone.
            and not (condition is not None and condition[1] <= h.first <= condition[2])
        ],
    )
    stance_hits = phrases.outside_names(sent, stance_hits, mentions)
    stance_hits = phrases.without_objects(sent, phrases.without_stretched(stance_hits), cues)
    stance_hits = phrases.without_content_cues(sent, stance_hits, cues)
    special = _phrased(sent, cues, mentions, issue_hits, stance_hits, condition, context, party)
    if carried:
        return _records(special, sent, article)
    settled = {f.first for f in special if f.settles}
    asides, used = phrases.as_clauses(sent, cues, mentions, issue_hits, stance_hits)
    if used:  # "…, wie es Trump vorschwebt, kommt nicht infrage": Trump's, not the clause's
        special += asides
        stance_hits = [h for h in stance_hits if h not in used]
    asides, used = phrases.object_relatives(sent, cues, mentions, issue_hits, stance_hits)
    if used:  # "the ceasefire that Trump had asked him to accept": Trump's demand
        special += asides
        stance_hits = [h for h in stance_hits if h not in used]
    if not stance_hits and not plan:
        return _records(special, sent, article)
    brackets = _brackets(sent)
    passive = [h for h in stance_hits if _passive(sent, h, cues)]
    verbal = [h for h in stance_hits if not _nominal(sent, h, cues)]
    passive_sentence = bool(verbal) and all(h in passive for h in verbal)
    # An offer or acceptance in the passive names who receives it ("der Russland
    # angeboten wurde") or a joint result ("sind vereinbart"), not who holds it.
    stance_hits = [
        h
        for h in stance_hits
        if h not in passive or h.label not in ("offer", "accept") or _agent(sent, [h], mentions)
    ]
    if not stance_hits and not plan:
        return _records(special, sent, article)
    out = _records(special, sent, article)
    seen: set[tuple[str, str, str]] = {(s.actor, s.issue, s.stance) for s in out}
    issue_hits = [
        *issue_hits,
        *phrases.counted_elsewhere(sent, cues, issue_hits, stance_hits, quantities),
    ]
    # Every mention of an issue, so "agreed to an energy truce but rejected a full
    # ceasefire" keeps both stances; one per (holder, issue, stance).
    for ihit in issue_hits:
        issue = ihit.label
        if condition is not None and condition[1] <= ihit.first <= condition[2]:
            continue  # what the condition names is its content, not a stance of its own
        if ihit.first in settled:
            continue  # a position noun, a refused concession or a bare condition said it
        scope = _bracket_of(ihit.first, brackets)
        hits = [h for h in stance_hits if _bracket_of(h.first, brackets) == scope]
        if not hits and scope is not None:  # a bracketed issue takes the main clause's cue
            hits = [h for h in stance_hits if _bracket_of(h.first, brackets) is None]
        hits = phrases.same_part(sent, hits, ihit)
        own_plan = plan if plan_end is None or ihit.first < plan_end else None
        if not hits and not own_plan:
            continue
        governing = _governing(sent, hits, ihit, cues) if hits else hits
        if governing and all(sent.words[h.first] in cues.obligation for h in governing):
            # "Russland fordert: Die Ukraine darf nicht …": the modal's subject is who
            # is asked; the holder is whoever asks, if another cue names them.
            governing = [h for h in hits if sent.words[h.first] not in cues.obligation] or governing
        holders = _holders(
            sent,
            cues,
            governing,
            _outside_condition(sent, mentions, condition),
            quoted,
            context,
            party,
            own_plan,
            passive_sentence,
        )
        if not holders:
            continue
        kind, text = _kind(sent, cues, hits, ihit, own_plan, condition)
        if kind == "offer" and not own_plan and phrases.ready_for(sent, ihit):
            kind = "accept"  # "zu einer Waffenruhe bereit": ready for it, not offering it
        # after a document's clause, numbers are the next clause's own ("the draft capped
        # it at 600,000; Ukraine wants 800,000")
        after = sent.offsets[plan_end] if plan_end is not None and own_plan is None else 0
        value = _option(sent, cues, ihit) or _issue_value(sent, quantities.get(issue), after)
        holders = [a for a in holders if (a, issue, kind) not in seen]
        seen.update((a, issue, kind) for a in holders)
        out += [
            Stance(
                article=article,
                start=sent.start,
                end=sent.end,
                actor=actor,
                issue=issue,
                stance=kind,  # type: ignore[arg-type]
                value=value,
                condition=text,
            )
            for actor in holders
        ]
    for actor, issue, kind in _relative_stances(sent, cues, stance_hits, issue_hits, mentions):
        if (actor, issue, kind) not in seen:
            seen.add((actor, issue, kind))
            out.append(Stance(article, sent.start, sent.end, actor, issue, kind))  # type: ignore[arg-type]
    return out


def _phrased(
    sent: Sentence,
    cues: LanguageCues,
    mentions: Sequence[Mention],
    issue_hits: Sequence[CueHit],
    stance_hits: Sequence[CueHit],
    condition: tuple[str, int, int] | None,
    context: Context,
    party: Callable[[str], str],
) -> list[phrases.Found]:
    """Stances no stance verb carries (:mod:`parley.extract.stance_phrases`): position
    nouns first, then refused concessions, denied issues and bare conditions on the
    issues left. Each rule runs only where its trigger word is (most sentences have
    none)."""
    found: list[phrases.Found] = []
    if cues.positions.find(sent.words):
        found = phrases.possessed_positions(
            sent, cues, mentions, issue_hits, stance_hits, context, party
        )
    if not issue_hits:
        if not found and condition is not None:
            found = phrases.conditioned_refusal(
                sent, cues, mentions, stance_hits, condition, context
            )
        return found
    negated = not cues.negations.isdisjoint(sent.words)
    if not negated and condition is None:
        return found
    left = [h for h in issue_hits if h.first not in {f.first for f in found}]
    if negated:
        found += phrases.refused_concessions(
            sent, cues, mentions, left, stance_hits, context, party
        )
        left = [h for h in left if h.first not in {f.first for f in found}]
        if context.speaker:
            found += phrases.denied_issues(sent, cues, mentions, left, stance_hits, context, party)
            left = [h for h in left if h.first not in {f.first for f in found}]
    if condition is not None:
        found += phrases.bare_conditions(
            sent, cues, mentions, left, stance_hits, condition, context, party
        )
    return found


def _records(found: Sequence[phrases.Found], sent: Sentence, article: str) -> list[Stance]:
    """One stance record per holder of each found stance, the first of each kind."""
    out: list[Stance] = []
    seen: set[tuple[str, str, str]] = set()
    for f in found:
        for actor in f.holders:
            if (actor, f.issue, f.kind) in seen:
                continue
            seen.add((actor, f.issue, f.kind))
            out.append(
                Stance(article, sent.start, sent.end, actor, f.issue, f.kind, None, f.condition)  # type: ignore[arg-type]
            )
    return out


# Relative pronouns that open a clause about the thing just named ("…, which Kyiv has
# rejected", "…, den Kiew ablehnt"); German forms only before a name (else articles).
_WHICH = frozenset({"which", "den", "die", "das", "welchen", "welche"})


def _outside_condition(
    sent: Sentence, mentions: Sequence[Mention], condition: tuple[str, int, int] | None
) -> Sequence[Mention]:
    """Mentions that can hold a stance: not the subject of its condition ("would only
    take effect if Moscow accepted it" is nobody's position of Moscow's)."""
    if condition is None:
        return mentions
    lo, hi = sent.offsets[condition[1]], sent.offsets[condition[2]]
    return [m for m in mentions if not lo <= m.start <= hi]


def _relative_stances(
    sent: Sentence,
    cues: LanguageCues,
    stance_hits: Sequence[CueHit],
    issue_hits: Sequence[CueHit],
    mentions: Sequence[Mention],
) -> list[tuple[str, str, str]]:
    """Stances of a relative clause on the issue named just before it: "Russia's demand
    that Ukraine withdraw from Donetsk, which Kyiv has rejected" (Kyiv rejects it). The
    clause is its own: a pronoun after a comma, then an actor, then a verb cue."""
    found: list[tuple[str, str, str]] = []
    words = sent.words
    if _WHICH.isdisjoint(words):
        return found  # no relative pronoun at all
    for i in range(1, len(words) - 2):
        if words[i] not in _WHICH or words[i - 1] != ",":
            continue
        actor = next((m for m in mentions if m.start == sent.offsets[i + 1]), None)
        if actor is None or actor.type not in _ACTOR_TYPES:
            continue
        end = _clause_end(sent, i + 1)
        verbs = [h for h in stance_hits if i + 1 < h.first <= end and not _nominal(sent, h, cues)]
        before = [h for h in issue_hits if h.last < i]
        if not verbs or not before:
            continue
        kind = _stance_kind(sent, verbs[:1], cues)
        found.append((actor.actor, before[-1].label, kind))
    return found


def advance_context(
    context: Context, sent: Sentence, cues: LanguageCues, mentions: Sequence[Mention]
) -> None:
    """Carry what this sentence tells the next ones: its issues, its actors, its plan."""
    context.previous_issues = tuple(
        dict.fromkeys(h.label for h in cues.issues.find(sent.words, sent.lemmas))
    )
    actors = tuple([m for m in mentions if m.type in _ACTOR_TYPES])
    if actors:
        context.previous_actor = actors[0].actor
    context.previous_sentence = sent
    context.previous_actors = actors
    phrases.note_groups(context.groups, actors)
    documents = [m for m in mentions if m.type == "document" and not _replaced(sent, m, cues)]
    if documents:
        context.last_document = documents[-1].actor
    if documents or not cues.document_nouns.isdisjoint(sent.words):
        context.document_topic = 0
    else:
        context.document_topic += 1


def _previous_subjects(context: Context, cues: LanguageCues) -> list[str]:
    """The actors the last sentence named not inside a phrase: who "sie" may stand for."""
    sent = context.previous_sentence
    if sent is None:
        return []
    subjects = [m.actor for m in context.previous_actors if not _embedded(sent, m, cues)]
    return list(dict.fromkeys(subjects))


def _replaced(sent: Sentence, m: Mention, cues: LanguageCues) -> bool:
    """A document named as the one replaced ("ersetzt den 28-Punkte-Plan", "instead of
    the 28-point plan"): what follows is about its successor, not about it."""
    try:
        i = sent.index_of(m.start)
    except ValueError:
        return False
    before = sent.words[max(0, i - 4) : i]
    return not (cues.replaces.isdisjoint(before) and cues.instead.isdisjoint(before))


def _issue_hits(
    sent: Sentence, cues: LanguageCues, quantities: dict[str, tuple[float, float] | None]
) -> list[CueHit]:
    """The issue terms of a sentence that name an issue the sentence takes a stance on.

    Dropped: the option set aside ("statt eines Vertrags"); a term inside a longer
    term of another issue ("Entsendung von Soldaten" is about foreign troops, not
    the army's size); a unit noun ("Mann", "troops") without the number it counts.
    """
    hits = cues.issues.find(sent.words, sent.lemmas)
    if not hits:
        return hits  # most sentences name no issue
    if not cues.instead.isdisjoint(sent.words):
        hits = [
            h for h in hits if cues.instead.isdisjoint(sent.words[max(0, h.first - 3) : h.first])
        ]
    hits = phrases.without_routes(sent, hits)
    if len(hits) > 1:
        hits = [
            h
            for h in hits
            if not any(
                o.label != h.label
                and o.first <= h.first
                and h.last <= o.last
                and (o.last - o.first) > (h.last - h.first)
                for o in hits
            )
        ]
    return [
        h
        for h in hits
        if h.first != h.last
        or sent.words[h.first] not in cues.unit_nouns
        or _counted(sent, h.first, quantities.get(h.label))
    ]


def _counted(sent: Sentence, i: int, span: tuple[float, float] | None) -> bool:
    """Whether the unit noun at token ``i`` follows a number in the issue's range."""
    if span is None or i == 0:
        return False
    number = parse_number(sent.words[i - 1])
    if number is None and i > 1:
        number = parse_number(" ".join(sent.words[i - 2 : i]))
    return number is not None and span[0] / 2 <= number <= span[1] * 2


_OPTION_REACH = 5  # tokens between an issue term and the words naming its option


def _option(sent: Sentence, cues: LanguageCues, issue: CueHit) -> str | None:
    """The option the text names next to the issue term ("eine Waffenruhe für
    Energieanlagen", "a full ceasefire", "Black Sea truce"): the stance's value."""
    near = [
        h
        for h in cues.options.find(sent.words, sent.lemmas)
        if h.label[0] == issue.label
        and issue.first - _OPTION_REACH <= h.first
        and h.last <= issue.last + _OPTION_REACH
    ]
    if not near:
        return None
    return min(near, key=lambda h: abs(h.first - issue.first)).label[1]


def _issue_value(
    sent: Sentence, span: tuple[float, float] | None, after: int = 0
) -> float | int | None:
    """The number the issue counts in: within the range its scale maps (troops for
    the army cap), so "30 Tage" or "2022" do not become an army size."""
    if span is None:
        return None
    lo, hi = span
    text = sent.text[max(0, after - sent.start) :]
    fits = [n for n in parse_numbers(text) if lo / 2 <= n <= hi * 2]
    if not fits:
        return None
    return int(fits[0]) if fits[0].is_integer() else fits[0]


def _kind(
    sent: Sentence,
    cues: LanguageCues,
    hits: list[CueHit],
    issue: CueHit,
    plan: str | None,
    condition: tuple[str, int, int] | None,
) -> tuple[str, str | None]:
    """The stance on one issue and its condition text."""
    if plan:
        # What a plan sets for the parties it demands of them, unless it offers something.
        gives = any(h.label == "offer" for h in hits) or _plan_offer(sent, cues, issue)
        return ("offer" if gives else "demand"), None
    if len({h.label for h in hits}) > 1:
        # Several stances in one sentence ("fordert …, und lehnt … ab"): each issue
        # takes the cue that governs it, the nearest before it (verbs first).
        hits = _governing(sent, hits, issue, cues)
    kind = _stance_kind(sent, hits, cues)
    if condition is not None and kind != "reject":
        return "conditional", condition[0]
    return kind, None


def _plan_offer(sent: Sentence, cues: LanguageCues, issue: CueHit) -> bool:
    """Whether the plan gives the issue to a party in the issue's clause ("lifting
    sanctions", "Sicherheitsgarantien gewähren")."""
    lo = _clause_start(sent, issue.first)
    hi = _clause_end(sent, issue.last)
    return not cues.plan_offers.isdisjoint(sent.words[lo : hi + 1])


def _holders(
    sent: Sentence,
    cues: LanguageCues,
    hits: list[CueHit],
    mentions: Sequence[Mention],
    quoted: Sequence[tuple[int, int]],
    context: Context,
    party: Callable[[str], str],
    plan: str | None,
    passive_sentence: bool,
) -> list[str]:
    """Who holds the stance: a plan, an agent ("von Russland gefordert"), the actor in
    brackets with the cue ("(…, wie es Russland fordert)"), everyone a plural
    pronoun points back to, or the sentence's actor."""
    if plan:
        return [plan]
    agent = _agent(sent, hits, mentions)
    if agent:
        return [agent]
    brackets = _brackets(sent)
    scope = _bracket_of(hits[0].first, brackets) if hits else None
    if scope is not None:
        lo, hi = brackets[scope]
        inner = [
            m
            for m in mentions
            if sent.offsets[lo] <= m.start < sent.offsets[hi]
            and m.type in _ACTOR_TYPES
            and not _embedded(sent, m, cues)
        ]
        if inner:
            return [inner[0].actor]
    plural = _plural_pronoun(sent, cues)
    if plural is not None and not context.speaker:
        # "Witkoff und Kushner waren bedacht: Sie strebten … an" / "Beide stehen für …"
        before = [
            m
            for m in mentions
            if m.start < sent.offsets[plural]
            and m.type in _ACTOR_TYPES
            and not _embedded(sent, m, cues)
        ]
        referents = _coordinated(sent, before) if plural else _previous_subjects(context, cues)
        if len(referents) > 1:
            return referents
    if plural is None and not context.speaker and _inverted_plural(sent, cues):
        # "Einen Rückzug aus dem Donbass lehnen sie ab": the group the sentence before named
        referents = _previous_subjects(context, cues)
        if len(referents) > 1:
            return referents
    if passive_sentence and not context.speaker:
        # A passive names what is done, not who does it; only a circle or place the
        # deciding is located in holds it ("im Machtzirkel um Trump erwogen").
        local = [
            m
            for m in mentions
            if m.type in _ACTOR_TYPES
            and not _inside(m.start, quoted)
            and _after_word(sent, m, cues.locatives)
        ]
        return [party(local[0].actor)] if local else []
    if hits and _impersonal(sent, hits[0], cues):
        # "Außerdem könne man Vermögen beschlagnahmen": "man" is the one speaking.
        who = context.speaker or context.carried_speaker
        return [who] if who else []
    if context.speaker and hits:
        reported = _reported_subject(sent, cues, hits[0], mentions, quoted, context.speaker)
        if reported is not None and reported == party(context.speaker) != context.speaker:
            # "Selenskyj sagte, Kiew sei bereit …": a person voicing their own side's
            # position holds it (as "Putin fordert den Donbass" does)
            return [context.speaker]
        if reported is not None:
            # "Berlin and Paris insisted …, officials said": the subject with its partners
            return _with_partners(sent, reported, mentions, cues)
    if not context.speaker and hits:
        # "Ukraine wants a ceasefire, while Russia wants a treaty": each clause's own subject.
        own = _clause_actor(sent, cues, hits[0], mentions, quoted)
        if own is not None:
            return _with_partners(sent, own, mentions, cues)
    actor = _actor(sent, cues, mentions, quoted, context, party)
    if actor is None:
        return []
    if context.speaker and actor != context.speaker:
        return [actor]
    # "forderten Merz, Macron und Starmer …": speakers named together hold it together
    return _with_partners(sent, actor, mentions, cues)


def _with_partners(
    sent: Sentence, actor: str, mentions: Sequence[Mention], cues: LanguageCues
) -> list[str]:
    """The actor and those coordinated with it ("Russia and Ukraine agreed"), among the
    actors not inside a phrase (asked only from the actor's own mention on)."""
    actors = [m for m in mentions if m.type in _ACTOR_TYPES]
    for n, m in enumerate(actors):
        if m.actor == actor and not _embedded(sent, m, cues):
            # lazily: the group ends at the first actor not joined on, and the later
            # ones need no test for being inside a phrase
            return _coordinated(
                sent, chain((m,), (x for x in actors[n + 1 :] if not _embedded(sent, x, cues)))
            )
    return [actor]


def _impersonal(sent: Sentence, hit: CueHit, cues: LanguageCues) -> bool:
    """Whether the cue's clause has an impersonal subject ("man", "one")."""
    lo = _clause_start(sent, hit.first)
    return not cues.impersonal.isdisjoint(sent.words[lo : hit.last + 2])


def _clause_actor(
    sent: Sentence,
    cues: LanguageCues,
    hit: CueHit,
    mentions: Sequence[Mention],
    quoted: Sequence[tuple[int, int]],
) -> str | None:
    """The first actor (not inside a phrase) of the clause the cue stands in, when the
    sentence has more than one clause."""
    lo, hi = _clause_start(sent, hit.first), _clause_end(sent, hit.last)
    if lo == 0 and hi == len(sent.words) - 1:
        return None
    start, end = sent.offsets[lo], sent.offsets[hi] + 1
    if _pronoun_subject(sent, cues, lo, hit.first, mentions):
        return None  # "…, but he declined to back …": the sentence's subject again
    for m in mentions:
        if (
            start <= m.start < end
            and m.type in _ACTOR_TYPES
            and not _inside(m.start, quoted)
            and not _embedded(sent, m, cues)
        ):
            return m.actor
    return None


def _pronoun_subject(
    sent: Sentence, cues: LanguageCues, lo: int, cue: int, mentions: Sequence[Mention]
) -> bool:
    """Does a subject pronoun stand before the cue in its clause, ahead of any name
    ("but he declined to back the ceasefire that Trump had asked for")?"""
    for i in range(lo, cue):
        if sent.words[i] in cues.pronouns and sent.words[i] not in ("es", "it", "sie"):
            return True
        if any(m.start == sent.offsets[i] for m in mentions):
            return False
    return False


def _coordinated(sent: Sentence, mentions: Iterable[Mention]) -> list[str]:
    """The first actor and those joined to it by "und", "and" or a comma ("Witkoff und
    Kushner"): the group a later "Sie" or "they" stands for."""
    rest = iter(mentions)
    first = next(rest, None)
    if first is None:
        return []
    group = [first]
    for m in rest:
        if _title_possessor(sent, m):
            continue  # "Merz, Frankreichs Präsident Emmanuel Macron": Macron is next
        between = sent.text[group[-1].end - sent.start : m.start - sent.start].strip().lower()
        if between not in _LIST_WORDS and not _titled_item(between):
            break
        group.append(m)
    return list(dict.fromkeys(m.actor for m in group))


# "Ukraine and its European partners", "Kiew und seine Verbündeten": a side and its own
_LIST_WORDS = ("und", "and", ",", "sowie", "as well as", "or", "oder", "and its", "and their")
_LIST_WORDS += ("und seine", "und ihre", "und seinen", "und ihren")
# A list separator, then a title before the next name: ", Frankreichs Präsident", ", der
# britische Premier", "and Foreign Minister" (articles, adjectives, a role noun last).
_TITLED_ITEM = re.compile(
    r"(?:,|,?\s*(?:und|and|sowie))\s+(?:(?:der|die|the|[\w'’-]+)\s+){0,3}(?P<role>[\w-]+)"
)


def _titled_item(between: str) -> bool:
    m = _TITLED_ITEM.fullmatch(between)
    return m is not None and m.group("role").endswith(_ROLES)


def _after_word(sent: Sentence, m: Mention, words: frozenset[str]) -> bool:
    try:
        i = sent.index_of(m.start)
    except ValueError:
        return False
    return i > 0 and sent.words[i - 1] in words


def _capitalised(sent: Sentence, i: int) -> bool:
    return sent.text[sent.char_of(i) - sent.start].isupper()


def _nominal(sent: Sentence, hit: CueHit, cues: LanguageCues) -> bool:
    """A noun cue ("Forderung", "the U.S. proposal", "Russia's demands"): it names a
    position, often someone else's, where a verb says what the subject does.
    German capitalises nouns; English marks them with a determiner just before."""
    if _capitalised(sent, hit.first):
        return True
    return not cues.determiners.isdisjoint(sent.words[max(0, hit.first - 2) : hit.first])


def _plural_pronoun(sent: Sentence, cues: LanguageCues) -> int | None:
    """Where a clause opens with "Beide", "They" or "Sie" with a plural verb ("Sie
    strebten"): at the sentence start or after a colon. None if nowhere."""
    words = sent.words
    if not words:
        return None
    # Only the sentence start and the words after a colon can open such a clause.
    opens = [0]
    if ":" in words:
        opens += [i + 1 for i, w in enumerate(words[:-1]) if w == ":"]
    for i in opens:
        w = words[i]
        if w in cues.plural_pronouns or " ".join(sent.words[i : i + 2]) in cues.plural_pronouns:
            return i
        if (
            w in cues.plural_with_verb
            and i + 1 < len(sent.words)
            and sent.words[i + 1].endswith("en")
            and not _capitalised(sent, i + 1)
        ):
            return i
    return None


def _inverted_plural(sent: Sentence, cues: LanguageCues) -> bool:
    """A plural subject pronoun right after the finite verb of a main clause that opens
    with its object ("Einen Rückzug … lehnen sie ab")."""
    words = sent.words
    if cues.plural_with_verb.isdisjoint(words):
        return False  # most sentences: no such pronoun at all
    return any(
        w in cues.plural_with_verb
        and i > 1
        and words[i - 1].endswith("en")
        and not _capitalised(sent, i - 1)
        and not _capitalised(sent, i)
        and "," not in words[:i]
        for i, w in enumerate(words)
    )


def _brackets(sent: Sentence) -> list[tuple[int, int]]:
    """Token ranges of the bracketed asides of a sentence, "(" to ")"."""
    out: list[tuple[int, int]] = []
    opened: list[int] = []
    for i, w in enumerate(sent.words):
        if w == "(":
            opened.append(i)
        elif w == ")" and opened:
            lo = opened.pop()
            if not opened:
                out.append((lo, i))
    return out


def _bracket_of(i: int, brackets: list[tuple[int, int]]) -> int | None:
    for n, (lo, hi) in enumerate(brackets):
        if lo < i < hi:
            return n
    return None


_CLAUSE_END = frozenset({",", ";", ":", "(", ")", "–", "—"})


_CONTRAST = frozenset({"while", "whereas", "während", "wohingegen"})
# Tokens that separate clauses: punctuation, "while", "während".
_BREAKS = _CLAUSE_END | _CONTRAST


def _clause_start(sent: Sentence, i: int) -> int:
    """Index of the first token of the clause that token ``i`` is in."""
    words = sent.words
    while i > 0 and words[i - 1] not in _BREAKS:
        i -= 1
    return i


def _clause_end(sent: Sentence, i: int) -> int:
    """Index of the last token of the clause that token ``i`` is in or ends."""
    words = sent.words
    n = len(words)
    while i + 1 < n and words[i + 1] not in _BREAKS:
        i += 1
    return i


def _in_question(sent: Sentence, hit: CueHit, cues: LanguageCues) -> bool:
    """A cue inside an indirect question ("testen, ob Putin bereit sei") asks, it does
    not state."""
    lo = _clause_start(sent, hit.first)
    return not cues.question_words.isdisjoint(sent.words[lo : hit.first])


def _passive(sent: Sentence, hit: CueHit, cues: LanguageCues) -> bool:
    """A participle cue with a passive auxiliary in its clause ("angeboten wurde",
    "sind vereinbart", "was offered")."""
    words = {sent.words[hit.first], sent.words[hit.last]}
    if not any(cues.participle.search(w) for w in words):
        return False
    if hit.first > 0 and _capitalised(sent, hit.first):
        return False  # a noun ("Angebot"), not a participle
    lo = _clause_start(sent, hit.first)
    hi = hit.last + 1
    while hi < len(sent.words) and sent.words[hi] not in _CLAUSE_END and hi - hit.last <= 3:
        hi += 1
    near = sent.words[lo:hi]
    return not cues.passive_auxiliaries.isdisjoint(near)


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


def _attributed_document(
    sent: Sentence, cues: LanguageCues, mentions: Sequence[Mention]
) -> str | None:
    """The document a sentence cites for its content ("Laut dem 28-Punkte-Plan soll …",
    "According to the draft, …", "dem Plan zufolge")."""
    documents = [m for m in mentions if m.type == "document"]
    if not documents:
        return None
    for hit in cues.document_attribution.find(sent.words):
        for m in documents:
            try:
                i = sent.index_of(m.start)
            except ValueError:
                continue
            # "laut dem Plan" / "according to the plan" before it, "dem Plan zufolge" after
            if 0 < i - hit.last <= 3 or 0 < hit.first - i <= 4:
                return m.actor
    return None


def _plan_content(sent: Sentence, cues: LanguageCues, context: Context) -> str | None:
    """The document whose content this sentence spells out ("The draft takes up Moscow's
    demands. Ukraine would withdraw …"): a plan named just before, and the plan's mood."""
    if context.speaker or context.last_document is None:
        return None
    if context.document_topic > _PLAN_REACH and not context.in_plan:
        return None
    if cues.plan_modals.isdisjoint(sent.words):
        return None
    return context.last_document


# Clause ends after a document's own clause ("The draft capped it at 600,000; Ukraine …").
_SUBJECT_CLAUSE_END = frozenset({";", "–", "—"})
_SUBJECT_REACH = 3  # article and adjectives before the document noun


def _document_subject(sent: Sentence, cues: LanguageCues) -> int | None:
    """Where the clause ends whose subject is a document noun opening the sentence
    ("Der Entwurf erkennt die Frontlinie … an", "The original draft capped it at
    600,000"): what it says is the plan's content in any mood. None otherwise."""
    words = sent.words
    if not words or (words[0] not in cues.articles and words[0] not in cues.determiners):
        return None
    for i in range(1, min(len(words), _SUBJECT_REACH + 1)):
        word = words[i]
        if word in cues.document_nouns or any(
            word.endswith(n) and len(n) >= 4 for n in cues.document_nouns
        ):
            end = next(
                (j for j in range(i + 1, len(words)) if words[j] in _SUBJECT_CLAUSE_END),
                len(words),
            )
            return end
        if not word.isalpha() or _named_kind(sent, i):
            return None  # "The European draft": another side's text, not the one in view
    return None


def _named_document_subject(
    sent: Sentence, cues: LanguageCues, mentions: Sequence[Mention]
) -> str | None:
    """A named document opening the sentence as its subject, in the plan's mood: "Der
    28-Punkte-Plan sieht vor, die Armee … zu begrenzen", "The 28-point plan would cap
    …": what follows is that document's content."""
    if not sent.words or cues.plan_modals.isdisjoint(sent.words):
        return None
    for m in mentions:
        if m.type != "document":
            continue
        try:
            i = sent.index_of(m.start)
        except ValueError:
            continue
        lead = sent.words[:i]
        if (
            i <= _SUBJECT_REACH
            and all(w in cues.articles or w in cues.determiners for w in lead[:1])
            and all(w.isalpha() for w in lead)
        ):
            return m.actor
        break  # only the first document can be the subject
    return None


def _named_kind(sent: Sentence, i: int) -> bool:
    """A word that tells whose document it is: capitalised ("European", "U.S.") or a
    German nationality adjective ("der europäische Entwurf")."""
    return sent.text[sent.offsets[i] - sent.start].isupper() or sent.words[i].endswith(
        ("isch", "ische", "ischen", "ischer", "isches")
    )


_READINESS = frozenset({"ready", "willing", "prepared", "bereit"})
_READY_REACH = 8  # tokens from "bereit" to the infinitive it governs ("bereit, … zu akzeptieren")


def _without_readiness(sent: Sentence, hits: list[CueHit]) -> list[CueHit]:
    """Readiness governing another stance verb says nothing of its own: "ready to
    accept a proposal" accepts, "bereit, die Waffenruhe zu akzeptieren" too."""
    if _READINESS.isdisjoint(sent.words):
        return hits

    def governed(ready: CueHit) -> bool:
        for h in hits:
            if h is ready or h.first <= ready.last:
                continue
            if h.first == ready.last + 1 and sent.words[ready.last] == "to":
                return True
            if h.first - ready.last <= _READY_REACH and sent.words[h.first - 1] == "zu":
                return True
        return False

    return [h for h in hits if sent.words[h.first] not in _READINESS or not governed(h)]


def _follow_plan(sent: Sentence, cues: LanguageCues, context: Context) -> None:
    """Note whether this sentence goes on spelling out a plan: a paragraph of the plan's
    mood ("Ukraine would withdraw … Sanctions would be lifted … Ukraine would hold
    elections …") stays the plan's content however far its name was."""
    following = context.in_plan or context.document_topic <= _PLAN_REACH
    # a sentence someone is said to speak does not break the run, though it is theirs
    context.in_plan = (
        following
        and context.last_document is not None
        and not cues.plan_modals.isdisjoint(sent.words)
    )


def _inside(pos: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in spans)


def _reported_subject(
    sent: Sentence,
    cues: LanguageCues,
    hit: CueHit,
    mentions: Sequence[Mention],
    quoted: Sequence[tuple[int, int]],
    speaker: str,
) -> str | None:
    """In reported speech, the actor the speaker says holds the stance ("Witkoff told
    reporters that Putin wanted all of Donbas"): the nearest actor before the cue in
    its clause, outside quotation marks, not the speaker, not an addressee ("told
    Trump") and with no pronoun in between ("told Trump he rejects")."""
    lo = _clause_start(sent, hit.first)
    if not cues.obligation.isdisjoint(sent.words[lo : hit.last + 1]):
        return None  # "Die Ukraine dürfe …": who is asked, not who asks
    for m in reversed(mentions):
        # a name quoted together with the cue is the quote's own subject ("Today, Putin
        # rejected the proposal," he said): it holds the stance, not the speaker
        hidden = _inside(m.start, quoted) and not _inside(sent.char_of(hit.first), quoted)
        if m.type not in _ACTOR_TYPES or hidden or m.actor == speaker:
            continue
        try:
            i = sent.index_of(m.start)
        except ValueError:
            continue
        if not lo <= i < hit.first or _embedded(sent, m, cues):
            continue
        if i > 0 and sent.words[i - 1] in cues.addressee_verbs:
            continue
        between = sent.words[i + 1 : hit.first]
        if not cues.pronouns.isdisjoint(between):
            return None
        return m.actor
    return None


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
    if context.previous_actor and (
        (sent.words and sent.words[0] in cues.pronouns)
        or phrases.leading_pronoun(sent, cues, mentions)
    ):
        return context.previous_actor
    embedded: list[Mention] = []
    for m in mentions:
        if m.type not in _ACTOR_TYPES or _inside(m.start, quoted):
            continue
        if _embedded(sent, m, cues):
            embedded.append(m)
            continue
        return m.actor
    embedded = [
        m for m in embedded if not _located(sent, m, cues) and not phrases.no_subject(sent, m)
    ]
    if embedded:  # "im Machtzirkel um Trump erwogen": his side, not he himself
        return party(embedded[0].actor)
    return phrases.named_group(sent, cues, context.groups)


_IN = frozenset({"in", "im"})


def _located(sent: Sentence, m: Mention, cues: LanguageCues) -> bool:
    """A state named as where something happens ("Wahlen in der Ukraine", "elections in
    Ukraine"): a place, not a circle whose side holds a stance."""
    if m.type != "state":
        return False
    try:
        i = sent.index_of(m.start)
    except ValueError:
        return False
    before = [w for w in sent.words[max(0, i - 2) : i] if w not in cues.articles]
    return bool(before) and before[-1] in _IN


def _embedded(sent: Sentence, m: Mention, cues: LanguageCues) -> bool:
    """A mention that cannot be the subject: inside a prepositional phrase, a genitive
    attribute ("die Mitgliedschaft der Ukraine") or the first part of a compound."""
    at = m.end - sent.start
    if at < len(sent.text) - 1 and sent.text[at] == "-" and sent.text[at + 1].isalpha():
        return True
    if _title_possessor(sent, m) or phrases.no_subject(sent, m):
        return True
    try:
        i = sent.index_of(m.start)
    except ValueError:
        return False
    if sent.words[i] in cues.articles and i + 1 < len(sent.words):
        i += 1  # a mention that includes its article ("der Ukraine")
    before = sent.words[max(0, i - 3) : i]
    if not cues.prepositions.isdisjoint(before[-2:]):
        return True
    if len(before) >= 2 and before[-1] in cues.articles and before[-1] in ("der", "des"):
        prev_start = sent.offsets[i - 2] - sent.start
        return sent.text[prev_start : prev_start + 1].isupper() and i - 2 > 0
    return False


_ROLES = tuple(dict.fromkeys(r for stems in ROLE_STEMS.values() for r in stems))
# A possessor, a title (one or two capitalised words ending in a role noun), a name.
_TITLE_AFTER = re.compile(r"(?:\s+[A-ZÄÖÜ][\w-]*){2,3}")


def _title_possessor(sent: Sentence, m: Mention) -> bool:
    """A state owning a person's title ("Frankreichs Präsident Emmanuel Macron",
    "Russia's Foreign Minister Sergei Lavrov") only says whose office it is."""
    if m.type not in ("state", "organization") or not m.surface.endswith(("s", "'s", "’s")):
        return False
    after = _TITLE_AFTER.match(sent.text, m.end - sent.start)
    words = after.group(0).split() if after else []
    return any(w.lower().endswith(_ROLES) for w in words[:2][: len(words) - 1])


_ORDER = {"reject": 0, "conditional": 1, "open": 2, "demand": 3, "offer": 4, "accept": 5}


_AS = frozenset({"als", "as"})
# Verbs of criticism: a position noun as their object ("kritisierte das Angebot", "criticised
# the proposal") is refused by the critic.
_CRITICISE = frozenset(
    {"kritisierte", "kritisierten", "kritisiert", "kritisieren", "criticised", "criticized"}
    | {"criticises", "criticizes", "criticise", "criticize", "slammed", "condemned"}
)


def _criticised(sent: Sentence, hit: CueHit, cues: LanguageCues) -> bool:
    """Is the nominal cue the object of a criticism verb (an article may stand between)?"""
    i = hit.first - 1
    if i >= 0 and (sent.words[i] in cues.articles or sent.words[i] in cues.determiners):
        i -= 1
    return i >= 0 and sent.words[i] in _CRITICISE


def _stance_kind(sent: Sentence, hits: list[CueHit], cues: LanguageCues) -> str:
    """The stance the sentence takes, from its strongest cue, after negation.

    Verbs and adjectives ("lehnt ab", "bereit") say what the subject does;
    nouns ("Forderung", "Angebot") often name someone else's position
    ("Putins Forderung nachzukommen"), so they count only when no verb cue
    is there. Conditions ("stellte Bedingungen") make a stance conditional.
    """
    if not cues.conditional_nouns.isdisjoint(sent.words) and not (
        # "lehnen einen Rückzug als Vorbedingung ab": the condition itself is refused
        any(h.label == "reject" and not _nominal(sent, h, cues) for h in hits)
        and any(
            w in cues.conditional_nouns and i > 0 and sent.words[i - 1] in _AS
            for i, w in enumerate(sent.words)
        )
    ):
        return "conditional"
    verbal = [h for h in hits if not _nominal(sent, h, cues)]
    pool = verbal or hits
    hit = min(pool, key=lambda h: (_ORDER.get(h.label, 9), h.first))
    kind = hit.label
    if not verbal and _criticised(sent, hit, cues):
        return "reject"  # "kritisierte das Angebot einer Feuerpause": the offer is refused
    if sent.words[hit.first] not in cues.obligation and _negated(sent, hit, cues):
        kind = _FLIP.get(kind, kind)
    return kind


def _governing(
    sent: Sentence, hits: list[CueHit], issue: CueHit, cues: LanguageCues
) -> list[CueHit]:
    """The cue of the issue term's own clause ("…, während Russland den Donbass
    fordert": German puts the verb last), else the closest before it (a verb if there
    is one), else after it."""
    lo = _clause_start(sent, issue.first)
    hi = _clause_end(sent, issue.last)
    own = [
        h
        for h in hits
        if lo <= h.first <= hi and not _nominal(sent, h, cues) and not _infinitive(sent, h)
    ]
    if own:
        hits = own
    before = [h for h in hits if h.first < issue.first]
    verbal = [h for h in before if not _nominal(sent, h, cues)]
    pool = verbal or before
    if pool:
        return [max(pool, key=lambda h: h.first)]
    return [min(hits, key=lambda h: h.first)]


_ZU_INFINITIVE = re.compile(r"^(?:an|ab|auf|aus|bei|ein|nach|vor|zu|zurück|mit|hin|her)zu\w+en$")


def _infinitive(sent: Sentence, hit: CueHit) -> bool:
    """A cue in an infinitive clause ("…, die Krim anzuerkennen", "to accept") is
    the content of the clause it depends on, not a stance of its own."""
    word = sent.words[hit.first]
    before = sent.words[hit.first - 1] if hit.first else ""
    return before in ("zu", "to") or bool(_ZU_INFINITIVE.match(word))


def _negated(sent: Sentence, hit: CueHit, cues: LanguageCues) -> bool:
    """A negation just before the cue, or between the parts of a split cue."""
    lo = max(0, hit.first - _NEGATION_REACH)
    inside = range(lo, hit.last + 1)
    # A cue does not negate itself ("nicht verhandelbar", "kommt nicht infrage" are
    # one rejection each).
    own = hit.text.lower().split()
    return any(
        sent.words[i] in cues.negations and sent.words[i] not in own
        for i in inside
        if i not in (hit.first, hit.last)
    )


def _condition(sent: Sentence, cues: LanguageCues) -> tuple[str, int, int] | None:
    """The conditional clause ("nur wenn ...", "sofern ...", "unless ...") up to the
    clause end, with its first and last token.

    An ambiguous conditional word ("wenn", "if", "sollte") counts only where a
    clause begins (sentence start, after a comma, dash or colon, or after
    "nur"/"only"), so that "sollte" as a modal or "if" inside a noun phrase does
    not make everything conditional; unambiguous ones ("unless", "sofern",
    "provided that") count anywhere.
    """
    hits = [
        h
        for h in cues.conditionals.find(sent.words)
        if h.first == 0
        or sent.words[h.first - 1] in (",", ";", ":", "–", "—", "nur", "only")
        or (h.text.lower() in cues.strict_conditionals and h.last - h.first < len(h.text.split()))
    ]
    if not hits:
        return None
    hit = min(hits, key=lambda h: (h.first, -(h.last - h.first)))
    start = sent.char_of(hit.first) - sent.start
    if hit.first > 0 and sent.words[hit.first - 1] in ("nur", "only"):
        start = sent.char_of(hit.first - 1) - sent.start
    rest = sent.text[start:]
    end = re.search(r"[,;:.!?–](?:\s|$)", rest[len(hit.text) :])
    clause = (rest[: len(hit.text) + end.start()] if end else rest).strip()
    if not clause:
        return None
    stop = sent.start + start + len(clause)
    last = max(i for i, o in enumerate(sent.offsets) if o < stop)
    return clause, hit.first - (start < sent.char_of(hit.first) - sent.start), last
