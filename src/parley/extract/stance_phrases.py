"""Stances that no stance verb of their own carries, as news phrases them.

The verb-cue rules of :mod:`parley.extract.stances` read "Russia demands …" well, but
wire copy often names a position as a noun with its holder as possessor, refuses a
concession with a plain negated verb, or states a condition with no verb of wanting:

- a position noun with a possessor: "Kyiv's refusal to cede …", "Moscow's rejection of
  any Western troops", "its demand that Ukraine give up …", "Kiews Weigerung, …",
  "eine wichtige Bedingung Russlands". The possessor holds it, not the actor named
  inside the noun's complement; a person in the sentence speaking for the possessor's
  side ("…, bekräftigte Selenskyj") holds it in their own name. With no issue term in
  the complement ("Kyiv's refusal to withdraw from the eastern region") the noun
  refers to the last issue of the sentence before;
- a concession refused: "Ukraine would not give up the Donbas", "Den Donbass werde man
  aber nicht räumen" (the speaker of the report for "man" or a pronoun) is a rejection;
- a bare condition: "Eine Waffenruhe gebe es nur, wenn …" is the reporting speaker's
  conditional stance on the issue before the condition; a refusal with a condition and
  no issue of its own ("verweigerte seine Zustimmung, solange …") conditions the issue
  of the sentence before.

Two filters keep the verb-cue rules from reading a cue in the wrong place: a cue right
after another (the object of "brushed aside calls for a truce" is refused, not
demanded) and a cue beyond a semicolon (each side of ";" is its own clause).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from itertools import pairwise
from typing import NamedTuple

from parley.extract import stances as base
from parley.extract.cues import CueHit, LanguageCues
from parley.extract.records import Mention
from parley.extract.sentences import Sentence


class Found(NamedTuple):
    """A stance these rules settle: the issue term's first token (None when the issue
    is carried from the sentence before), holders, kind and condition text."""

    first: int | None
    issue: str
    holders: tuple[str, ...]
    kind: str
    condition: str | None = None
    settles: bool = True  # False: the verb-cue rules still read the issue (for its verb)


_COPULAS = frozenset(
    {"ist", "sei", "bleibt", "bleibe", "war", "wäre", "is", "was", "remains", "remained"}
    | {"remain", "bleiben", "sind", "seien", "are", "were"}
)
_POSSESSIVE_PRONOUNS = frozenset(
    {"its", "their", "his", "her", "sein", "seine", "seiner", "seinen", "seinem", "seines"}
    | {"ihr", "ihre", "ihrer", "ihren", "ihrem", "ihres"}
)
_GENITIVE_ARTICLES = frozenset({"der", "des"})
_AGENT_PREPOSITIONS = frozenset({"by", "from", "seitens"})
_NO = frozenset({"no", "kein", "keine", "keinen", "keiner", "keinerlei"})
# Between a possessor and its noun: the English clitic and up to two lower-case
# adjectives ("Moscow's long-standing demand", "Kiews strikte Weigerung").
_POSSESSIVE_GAP = re.compile(r"(?:['’]s)?(?:\s+[a-zäöüß][\w-]*){0,2}\s*")
_CARRY_REACH = 14  # tokens a position noun's complement may span and still point back
_CONCESSION_NEGATION_REACH = 5  # "werde keine Gebiete abtreten", "would not simply hand"
_INFINITIVE_MARKERS = frozenset({"to", "zu"})
_STRICT = frozenset({"nur", "only", "erst"})


def _actors(mentions: Sequence[Mention]) -> list[Mention]:
    return [m for m in mentions if m.type in base._ACTOR_TYPES]


def _token(sent: Sentence, m: Mention) -> int | None:
    try:
        return sent.index_of(m.start)
    except ValueError:
        return None


def _last_token(sent: Sentence, m: Mention) -> int:
    """The last token inside a mention."""
    return max(i for i, o in enumerate(sent.offsets) if o < m.end)


def _clause(sent: Sentence, i: int) -> tuple[int, int]:
    """First and last token of the clause token ``i`` stands in."""
    return base._clause_start(sent, i), base._clause_end(sent, i)


def _subject_before(
    sent: Sentence, cues: LanguageCues, mentions: Sequence[Mention], lo: int, hi: int
) -> str | None:
    """The first actor of tokens ``lo``..``hi`` that is not inside a phrase."""
    for m in _actors(mentions):
        i = _token(sent, m)
        if i is not None and lo <= i < hi and not base._embedded(sent, m, cues):
            return m.actor
    return None


def _voice(
    sent: Sentence,
    holder: str,
    mentions: Sequence[Mention],
    speaker: str | None,
    party: Callable[[str], str],
    skip: tuple[int, int] = (0, -1),
) -> str:
    """The person who states a side's position in the sentence ("Kiews Weigerung …
    bekräftigte Selenskyj") or reports it, holds it in their own name."""
    for m in mentions:
        i = _token(sent, m)
        if (
            m.type == "person"
            and party(m.actor) == holder != m.actor
            and (i is None or not skip[0] <= i <= skip[1])
        ):
            return m.actor
    if speaker and party(speaker) == holder != speaker:
        return speaker
    return holder


def may_apply(sent: Sentence, cues: LanguageCues, context: base.Context) -> bool:
    """Whether any rule here can find a stance in a sentence without stance cues: a
    position noun, a negation (a refused concession, a speaker's "kein"/"no") or a
    strict condition ("nur wenn"). Cheap tests first: most sentences have none."""
    words = sent.words
    if not cues.negations.isdisjoint(words) and (
        context.speaker or cues.concessions.find(words, sent.lemmas)
    ):
        return True
    if not _STRICT.isdisjoint(words) and base._condition(sent, cues) is not None:
        return True
    return bool(cues.positions.find(words))


# --- position nouns -----------------------------------------------------------------


def _possessor(
    sent: Sentence,
    cues: LanguageCues,
    noun: CueHit,
    mentions: Sequence[Mention],
    context: base.Context,
) -> tuple[str, int, int] | None:
    """Who owns the position noun, and the tokens the possessor spans: an actor before
    it ("Kyiv's", "Kiews"), a possessive pronoun (the subject before it, else the
    last sentence's actor), or a genitive or agent after it ("Bedingung Russlands",
    "Forderung der Ukraine", "demands from Moscow")."""
    words = sent.words
    at = sent.offsets[noun.first] - sent.start
    for m in _actors(mentions):
        end = m.end - sent.start
        if end > at:
            break
        gap = sent.text[end:at]
        genitive = m.surface.endswith(("'s", "’s", "s")) or gap.startswith(("'s", "’s"))
        if genitive and _POSSESSIVE_GAP.fullmatch(gap):
            first = _token(sent, m)
            if first is not None:
                return m.actor, first, noun.first - 1
    for j in range(noun.first - 1, max(-1, noun.first - 4), -1):
        if words[j] in _POSSESSIVE_PRONOUNS:
            # the subject before it, else the subject of the sentence before ("für die
            # Ukraine sprach eine Landsfrau. Ihre Forderungen …" is not Ukraine's)
            subjects = base._previous_subjects(context, cues)
            last = subjects[0] if subjects else None
            who = _subject_before(sent, cues, mentions, 0, j) or last
            return (who, j, j) if who else None
        if not (
            words[j].isalpha()
            and words[j].islower()
            and sent.text[sent.offsets[j] - sent.start].islower()
        ):
            break
    after = noun.last + 1
    if after < len(words) and words[after] in _AGENT_PREPOSITIONS | _GENITIVE_ARTICLES:
        after += 1
    for m in _actors(mentions):
        if _token(sent, m) == after and not m.surface.endswith(("'s", "’s")):
            by_article = words[after - 1] in _GENITIVE_ARTICLES | _AGENT_PREPOSITIONS
            if by_article or m.surface.endswith("s"):
                return m.actor, after, _last_token(sent, m)
    # "a deadline Trump had set for Moscow to …", "die Frist, die Trump Moskau gesetzt hat"
    for m in _actors(mentions):
        t = _token(sent, m)
        if t is None or not noun.last < t <= noun.last + 3:
            continue
        last = _last_token(sent, m)
        verb = next(
            (j for j in range(last + 1, min(len(words), last + 5)) if words[j] in _SET), None
        )
        if verb is not None:
            return m.actor, t, verb
        break
    return None


_SET = frozenset({"set", "gesetzt", "gestellt", "setzte", "stellte", "imposed"})


def _noun_scope(sent: Sentence, noun: CueHit, possessor_end: int) -> tuple[int, int]:
    """Tokens naming what the position is about: the predicate's subject for "X bleibe
    eine Bedingung Russlands" / "X is Moscow's demand", else the noun's complement
    up to the clause end (past one comma for "Kiews Weigerung, … aufzugeben")."""
    words = sent.words
    for j in range(noun.first - 1, max(-1, noun.first - 5), -1):
        if words[j] in _COPULAS:
            return base._clause_start(sent, j), j - 1
    start = max(noun.last, possessor_end) + 1
    if start < len(words) and words[start] == ",":
        start += 1
    if start >= len(words) or words[start] in base._BREAKS:
        return start, start - 1  # nothing follows the noun in its clause
    end = base._clause_end(sent, start)
    # "Trumps Frist für Russland, einer Waffenruhe zuzustimmen": the infinitive after the
    # comma is still the noun's complement
    if end + 2 < len(words) and words[end + 1] == ",":
        nxt = base._clause_end(sent, end + 2)
        clause = words[end + 2 : nxt + 1]
        if (
            words[end + 2] == "dass"
            or "zu" in clause
            or any(base._ZU_INFINITIVE.match(w) for w in clause)
        ):
            end = nxt
    return start, end


def _issue_span(sent: Sentence, cues: LanguageCues, scope: tuple[int, int]) -> list[CueHit]:
    return [h for h in cues.issues.find(sent.words, sent.lemmas) if scope[0] <= h.first <= scope[1]]


def _noun_kind(
    sent: Sentence, cues: LanguageCues, noun: CueHit, owner_at: int, scope: tuple[int, int]
) -> str:
    """The noun's stance: readiness to accept is acceptance; "no readiness" flips it."""
    kind = noun.label
    if kind == "offer" and any(ready_for(sent, h) for h in _issue_span(sent, cues, scope)):
        kind = "accept"
    elif kind == "offer":
        lead = [
            h
            for h in cues.stances.find(sent.words, sent.lemmas)
            if scope[0] <= h.first <= scope[0] + 2 and h.label == "accept"
        ]
        if lead and sent.words[scope[0]] in _INFINITIVE_MARKERS:
            kind = "accept"
    before = sent.words[max(0, min(owner_at, noun.first) - 2) : noun.first]
    if not _NO.isdisjoint(before):
        kind = base._FLIP.get(kind, kind)
    return kind


def possessed_positions(
    sent: Sentence,
    cues: LanguageCues,
    mentions: Sequence[Mention],
    issue_hits: Sequence[CueHit],
    stance_hits: Sequence[CueHit],
    context: base.Context,
    party: Callable[[str], str],
) -> list[Found]:
    """Stances of position nouns with a possessor (see the module docstring)."""
    found: list[Found] = []
    verbs = [h for h in stance_hits if not base._nominal(sent, h, cues)]
    for noun in cues.positions.find(sent.words):
        owner = _possessor(sent, cues, noun, mentions, context)
        if owner is None:
            continue
        holder, owner_first, owner_last = owner
        start = min(owner_first, noun.first)
        # "rejected Russia's demand", "lehnte Russlands Forderung … ab": the verb's
        # subject holds its own stance, the possessor still holds the noun's; not so
        # with a pronoun ("verweigerte seine Zustimmung" is the refuser's own consent)
        governed = any(0 <= start - h.last <= 2 or h.first < start <= h.last for h in verbs)
        if governed and sent.words[owner_first] in _POSSESSIVE_PRONOUNS:
            continue
        scope = _noun_scope(sent, noun, owner_last)
        kind = _noun_kind(sent, cues, noun, owner_first, scope)
        # a person named in the sentence may speak for the possessor; a speaker carried
        # from elsewhere may not ("Moscow has shown no sign of dropping its demand")
        holder = _voice(sent, holder, mentions, None, party, scope)
        inside = [h for h in issue_hits if scope[0] <= h.first <= scope[1]]
        if inside:
            found += [Found(h.first, h.label, (holder,), kind, None, not governed) for h in inside]
        elif not governed and (
            not issue_hits
            # a pronoun ("mit ihrer Forderung") is too weak to point two sentences back
            and sent.words[owner_first] not in _POSSESSIVE_PRONOUNS
            and context.previous_issues
            and scope[1] - scope[0] < _CARRY_REACH
            and not (kind == "demand" and noun.first > scope[1])  # a predicate needs its issue
        ):
            found.append(Found(None, context.previous_issues[-1], (holder,), kind))
    return found


# --- concessions refused ------------------------------------------------------------


def refused_concessions(
    sent: Sentence,
    cues: LanguageCues,
    mentions: Sequence[Mention],
    issue_hits: Sequence[CueHit],
    stance_hits: Sequence[CueHit],
    context: base.Context,
    party: Callable[[str], str],
) -> list[Found]:
    """A refused concession ("Ukraine would not give up the Donbas", "werde man nicht
    räumen"): a negated verb of yielding in the issue's clause, with no stance verb
    there, rejects."""
    if cues.negations.isdisjoint(sent.words):
        return []  # only a negated verb of yielding refuses
    concessions = cues.concessions.find(sent.words, sent.lemmas)
    if not concessions:
        return []
    found: list[Found] = []
    speaker = context.speaker or context.carried_speaker
    for ihit in issue_hits:
        lo, hi = _clause(sent, ihit.first)
        if any(lo <= h.first <= hi and not base._nominal(sent, h, cues) for h in stance_hits):
            continue
        for c in concessions:
            if not lo <= c.first <= hi:
                continue
            near = sent.words[max(lo, c.first - _CONCESSION_NEGATION_REACH) : c.first]
            if cues.negations.isdisjoint(near):
                continue
            holder = _subject_before(sent, cues, mentions, lo, c.first)
            if holder is None:
                holder = speaker or (
                    context.previous_actor
                    if not cues.pronouns.isdisjoint(sent.words[lo : c.first])
                    else None
                )
            if holder is None:
                break
            holder = _voice(sent, holder, mentions, speaker, party, (lo, c.first))
            found.append(Found(ihit.first, ihit.label, (holder,), "reject"))
            break
    return found


_THERE_IS = frozenset({"geben", "gebe", "gibt", "gäbe"})  # "werde es nicht geben"


def denied_issues(
    sent: Sentence,
    cues: LanguageCues,
    mentions: Sequence[Mention],
    issue_hits: Sequence[CueHit],
    stance_hits: Sequence[CueHit],
    context: base.Context,
    party: Callable[[str], str],
) -> list[Found]:
    """A report that an issue will not be ("Eine Anerkennung der Krim werde es nicht
    geben", "There would be no NATO membership, Lavrov said"): with no stance cue in the
    issue's clause and "kein"/"no" right before the issue term, the speaker rejects it.
    Only a speaker the sentence names holds it: without one, it is a fact, not a stance."""
    speaker = context.speaker
    if speaker is None:
        return []
    found: list[Found] = []
    for ihit in issue_hits:
        lo, hi = _clause(sent, ihit.first)
        if any(lo <= h.first <= hi for h in stance_hits):
            continue
        lead = sent.words[max(lo, ihit.first - 2) : ihit.first]
        words = sent.words
        there_is_not = any(
            words[i] in _THERE_IS and not cues.negations.isdisjoint(words[i - 2 : i + 3])
            for i in range(max(lo, 2), hi + 1)
        )
        if _NO.isdisjoint(lead) and not there_is_not:
            continue
        found.append(
            Found(ihit.first, ihit.label, (_voice(sent, speaker, [], None, party),), "reject")
        )
    return found


# --- bare conditions ----------------------------------------------------------------


def bare_conditions(
    sent: Sentence,
    cues: LanguageCues,
    mentions: Sequence[Mention],
    issue_hits: Sequence[CueHit],
    stance_hits: Sequence[CueHit],
    condition: tuple[str, int, int] | None,
    context: base.Context,
    party: Callable[[str], str],
) -> list[Found]:
    """A bare condition ("Eine Waffenruhe gebe es nur, wenn …": no stance cue, a strict
    condition, the issue before it): the reporting speaker's conditional stance."""
    if condition is None or any(h.label != "conditional" for h in stance_hits):
        return []  # ("nur wenn" may be a cue itself: it states the condition only)
    text, first, _last = condition
    words = sent.words
    # "nur wenn", "only if", and "… gebe es nur, wenn …" with the comma between
    strict = words[first] in _STRICT or (
        first > 1 and words[first - 1] == "," and words[first - 2] in _STRICT
    )
    if not strict:
        return []
    speaker = context.speaker or context.carried_speaker
    # with no subject or speaker, the one actor acting in the sentence before ("Moskau
    # verlangt … Eine Waffenruhe gebe es nur, wenn …")
    subjects = base._previous_subjects(context, cues)
    alone = subjects[0] if len(subjects) == 1 else None
    holder = _subject_before(sent, cues, mentions, 0, first) or speaker or alone
    if holder is None:
        return []
    holder = _voice(sent, holder, [], speaker, party)
    return [
        Found(h.first, h.label, (holder,), "conditional", text)
        for h in issue_hits
        if h.first < first
    ]


def conditioned_refusal(
    sent: Sentence,
    cues: LanguageCues,
    mentions: Sequence[Mention],
    stance_hits: Sequence[CueHit],
    condition: tuple[str, int, int] | None,
    context: base.Context,
) -> list[Found]:
    """'Belgien verweigerte seine Zustimmung, solange …', "Kyiv would only agree if …"
    with no issue of its own: a refusal, acceptance or offer on a condition, about the
    issue the sentence before named."""
    if condition is None or not context.previous_issues:
        return []
    refusals = [
        h
        for h in stance_hits
        if h.label in ("reject", "accept", "offer")
        and not base._nominal(sent, h, cues)
        and not condition[1] <= h.first <= condition[2]
    ]
    if not refusals:
        return []
    holder = _subject_before(sent, cues, mentions, 0, refusals[0].first)
    if holder is None:
        return []
    return [Found(None, context.previous_issues[-1], (holder,), "conditional", condition[0])]


# --- "wie es X fordert" ------------------------------------------------------------

_AS = frozenset({"wie", "as"})
_AS_PRONOUNS = frozenset({"es", "sie", "it", "they"})


def as_clauses(
    sent: Sentence,
    cues: LanguageCues,
    mentions: Sequence[Mention],
    issue_hits: Sequence[CueHit],
    stance_hits: Sequence[CueHit],
) -> tuple[list[Found], list[CueHit]]:
    """An as-clause ("ein Einfrieren der Kämpfe, wie es Trump vorschwebt, …", "a freeze,
    as Moscow demands, …"): the clause's actor holds the issue named before it. Also
    the cues used, which say nothing about the sentence's own clause."""
    found: list[Found] = []
    used: list[CueHit] = []
    words = sent.words
    if _AS.isdisjoint(words):
        return found, used
    for i in range(1, len(words) - 2):
        if words[i] not in _AS or words[i - 1] != ",":
            continue
        j = i + 1 + (words[i + 1] in _AS_PRONOUNS)
        actor = next(
            (
                m
                for m in _actors(mentions)
                if _token(sent, m) is not None and j <= _token(sent, m) <= j + 3
            ),
            None,
        )
        before = [h for h in issue_hits if h.last < i]
        if actor is None or not before:
            continue
        _lo, hi = _clause(sent, j)
        cues_here = [h for h in stance_hits if j < h.first <= hi and h.label != "conditional"]
        if not cues_here:
            continue
        kind = base._stance_kind(sent, cues_here[:1], cues)
        found.append(Found(before[-1].first, before[-1].label, (actor.actor,), kind))
        used += cues_here
    return found, used


_THAT = frozenset({"that", "which", "den", "die", "das"})


def object_relatives(
    sent: Sentence,
    cues: LanguageCues,
    mentions: Sequence[Mention],
    issue_hits: Sequence[CueHit],
    stance_hits: Sequence[CueHit],
) -> tuple[list[Found], list[CueHit]]:
    """A relative clause right after an issue term whose subject is named ("the full
    ceasefire that Trump had asked him to accept", "die Waffenruhe, die Trump verlangt
    hatte"): its actor holds the issue by the clause's first cue. Also the cues used,
    which say nothing about the main clause."""
    found: list[Found] = []
    used: list[CueHit] = []
    words = sent.words
    if _THAT.isdisjoint(words):
        return found, used
    for ihit in issue_hits:
        i = ihit.last + 1
        if i < len(words) and words[i] == ",":
            i += 1
        if i >= len(words) - 1 or words[i] not in _THAT:
            continue
        if words[i] in ("den", "die", "das") and words[i - 1] != ",":
            continue  # German relative pronouns only after a comma (else articles)
        near = [
            m
            for m in _actors(mentions)
            if (t := _token(sent, m)) is not None
            and i < t <= i + 5
            and not base._title_possessor(sent, m)
        ]
        if not near:
            continue
        # "U.S. President Donald Trump": the person the title's state introduces
        actor = next((m for m in near if m.type == "person"), near[0]) if len(near) > 1 else near[0]
        _lo, hi = _clause(sent, i + 1)
        clause = [h for h in stance_hits if i < h.first <= hi and h.label != "conditional"]
        verbs = [h for h in clause if not base._nominal(sent, h, cues)]
        if not verbs:
            continue
        kind = base._stance_kind(sent, verbs[:1], cues)
        found.append(Found(ihit.first, ihit.label, (actor.actor,), kind, None, False))
        used += clause
    return found, used


_CONTENT_NOUNS = frozenset(
    {"idea", "notion", "suggestion", "claim", "idee", "vorstellung", "gedanken", "forderung"}
)


def without_content_cues(sent: Sentence, hits: list[CueHit], cues: LanguageCues) -> list[CueHit]:
    """Drop the cues inside the content clause of a noun a verb cue governs ("rejected the
    idea that Washington should promise guarantees", "lehnte die Vorstellung ab, dass
    …"): what the clause says is the object refused, not a stance of its own."""
    words = sent.words
    dropped: set[CueHit] = set()
    if _CONTENT_NOUNS.isdisjoint(words):
        return hits
    for n, w in enumerate(words):
        if w not in _CONTENT_NOUNS:
            continue
        k = n + 1 + (n + 1 < len(words) and words[n + 1] == ",")
        if k >= len(words) or words[k] not in ("that", "dass"):
            continue
        governed = any(
            not base._nominal(sent, h, cues) and (0 < n - h.last <= 3 or h.first < n < h.last)
            for h in hits
        )
        if not governed:
            continue
        _lo, hi = _clause(sent, k + 1)
        dropped.update(h for h in hits if k < h.first <= hi)
    return [h for h in hits if h not in dropped]


def leading_pronoun(sent: Sentence, cues: LanguageCues, mentions: Sequence[Mention]) -> bool:
    """A singular subject pronoun opening the sentence or right after its first verb
    ("Zugleich bat er um …", "Then he asked for …"), with no actor before it: the
    actor of the sentence before is meant."""
    words = sent.words
    for i, w in enumerate(words[:3]):
        if w in _SINGULAR:
            first = sent.offsets[i]
            return not any(m.start < first for m in _actors(mentions))
        if not w.isalpha():
            return False
    return False


_SINGULAR = frozenset({"er", "he", "she"})
_COORDINATORS = frozenset({"and", "or", "but"})


_RELATIVES = frozenset({"which", "who", "whom", "whose"})


def no_subject(sent: Sentence, m: Mention) -> bool:
    """An English mention that cannot be the sentence's subject: inside a relative
    clause (", which Macron called …,") or a possessor after a lower-case word ("The
    coalition wants Ukraine's own army …", "came to Ukraine's aid")."""
    at = m.end - sent.start
    possessive = m.surface.endswith(("'s", "’s")) or sent.text.startswith(("'s", "’s"), at)
    if not possessive and _RELATIVES.isdisjoint(sent.words):
        return False  # the common case, settled by two cheap tests
    i = _token(sent, m)
    if i is None or i == 0:
        return False
    lo = base._clause_start(sent, i)
    if lo > 0 and sent.words[lo - 1] == "," and sent.words[lo] in _RELATIVES:
        return True
    if not possessive:
        return False
    before = sent.words[i - 1]
    lower = sent.text[sent.offsets[i - 1] - sent.start].islower()
    return before.isalpha() and lower and before not in _COORDINATORS


_GROUP_WORD_MIN = 5  # letters a word of an organisation's name needs to stand for it


def note_groups(groups: dict[str, str], actors: Sequence[Mention]) -> None:
    """Remember the words of each organisation named ("Coalition of the Willing" ->
    "coalition"), the first named keeping a word."""
    for m in actors:
        if m.type == "organization":
            for w in m.name.lower().split():
                if len(w) >= _GROUP_WORD_MIN and w.isalpha():
                    groups.setdefault(w, m.actor)


def named_group(sent: Sentence, cues: LanguageCues, groups: dict[str, str]) -> str | None:
    """A sentence opening with a definite noun that is a word of an organisation named
    before ("The coalition also wants …", "Die Koalition fordert …"): that organisation."""
    words = sent.words
    if len(words) < 2 or not groups or words[0] not in cues.articles:
        return None
    return groups.get(words[1])


# --- readiness for an issue ----------------------------------------------------------

_READY = frozenset(
    {"bereit", "ready", "willing", "prepared", "bereitschaft", "readiness", "willingness"}
)
_FOR = frozenset({"zu", "zur", "zum", "for"})
_READY_REACH = 8  # tokens between "bereit" and the issue ("zu einer Waffenruhe … bereit")


def ready_for(sent: Sentence, issue: CueHit) -> bool:
    """Readiness for an issue named as a noun ("zu einer Waffenruhe bereit", "ready for
    a truce", "die Bereitschaft zu einer Waffenruhe") accepts it; readiness to do
    something ("ready to provide guarantees") offers it."""
    words = sent.words
    lead = words[max(0, issue.first - 3) : issue.first]
    if _FOR.isdisjoint(lead):
        return False
    lo, hi = max(0, issue.first - _READY_REACH), min(len(words), issue.last + _READY_REACH + 1)
    return not _READY.isdisjoint(words[lo:hi])


# --- filters for the verb-cue rules -------------------------------------------------

_ALONG = frozenset({"entlang", "along", "längs"})
_ALONG_REACH = 3  # "entlang der heutigen Frontlinie", "along the current front line"


# Words that make an issue term the time or purpose of another issue ("Garantien für die
# Zeit nach einem Waffenstillstand", "a post-ceasefire force", "following a truce",
# "Soldaten zur Absicherung eines Waffenstillstands").
_QUALIFYING = frozenset(
    {"after", "following", "post", "absicherung", "sicherung", "überwachung", "zeit"}
)


def without_routes(sent: Sentence, hits: list[CueHit]) -> list[CueHit]:
    """Drop an issue term that says where something runs ("eine Waffenruhe entlang der
    Frontlinie", "a freeze along the front line"), or, next to another issue, when
    or what for ("Garantien für die Zeit nach einem Waffenstillstand"): it qualifies
    the other term and is no stance of its own."""
    words = sent.words
    if _ALONG.isdisjoint(words) and _QUALIFYING.isdisjoint(words):
        return hits
    labels = {h.label for h in hits}
    kept = []
    for h in hits:
        before = sent.words[max(0, h.first - _ALONG_REACH) : h.first]
        if not _ALONG.isdisjoint(before):
            continue
        if len(labels) > 1 and not _QUALIFYING.isdisjoint(before):
            continue
        kept.append(h)
    return kept


def without_objects(sent: Sentence, hits: list[CueHit], cues: LanguageCues) -> list[CueHit]:
    """Drop a cue that is the object of the verb cue just before it ("brushed aside
    calls for a truce", "rejected demands for …"): the verb says what is done."""
    if len(hits) < 2:
        return hits
    skip = cues.articles | cues.determiners
    dropped = set()
    for a in hits:
        if base._nominal(sent, a, cues):
            continue
        for b in hits:
            if b is a or b.label == a.label or b.first <= a.last:
                continue
            between = sent.words[a.last + 1 : b.first]
            if len(between) <= 2 and all(w in skip for w in between):
                dropped.add(b)
    return [h for h in hits if h not in dropped]


def outside_names(sent: Sentence, hits: list[CueHit], mentions: Sequence[Mention]) -> list[CueHit]:
    """Drop a cue that is part of a name ("the Coalition of the Willing")."""
    if not hits or not mentions:
        return hits
    spans = [(m.start, m.end) for m in mentions if " " in m.surface]
    if not spans:
        return hits
    return [h for h in hits if not any(a <= sent.offsets[h.first] < b for a, b in spans)]


def without_stretched(hits: list[CueHit]) -> list[CueHit]:
    """Drop a split cue whose words are also found closer together, ending on the same
    word ("would not hold …: Kyiv would agree to" is one "would agree to", the later
    one, and not negated by the first clause's "not")."""
    if len(hits) < 2:
        return hits
    return [
        h
        for h in hits
        if not any(o.text == h.text and o.last == h.last and o.first > h.first for o in hits)
    ]


def counted_elsewhere(
    sent: Sentence,
    cues: LanguageCues,
    issue_hits: Sequence[CueHit],
    stance_hits: Sequence[CueHit],
    quantities: dict[str, tuple[float, float] | None],
) -> list[CueHit]:
    """Issue mentions a semicolon part makes by a number alone ("The draft capped it at
    600,000 troops; Ukraine wants a limit of 800,000"): a part with a verb cue and no
    issue term of its own, whose number fits the scale of an issue the other part
    names, speaks of that issue; the number's token stands for it."""
    words = sent.words
    if ";" not in words or not issue_hits:
        return []
    bounds = [-1, *(i for i, w in enumerate(words) if w == ";"), len(words)]
    extra: list[CueHit] = []
    for lo, hi in pairwise(bounds):
        if any(lo < h.first < hi for h in issue_hits):
            continue
        verbs = [h for h in stance_hits if lo < h.first < hi and not base._nominal(sent, h, cues)]
        if not verbs:
            continue
        for h in issue_hits:
            span = quantities.get(h.label)
            if span is None:
                continue
            at = next(
                (
                    i
                    for i in range(verbs[0].last + 1, hi)
                    if (n := base.parse_number(words[i])) is not None
                    and span[0] / 2 <= n <= span[1] * 2
                ),
                None,
            )
            if at is not None:
                extra.append(CueHit(at, at, h.label, words[at]))
                break
    return extra


def own_side_end(sent: Sentence, cues: LanguageCues, mentions: Sequence[Mention]) -> int | None:
    """Where a plan's part of the sentence ends: at a semicolon after which an actor
    speaks for itself ("The draft limits the army to 600,000 troops; Ukraine wants
    800,000"), not one in the plan's mood ("…; Ukraine would hold elections" is still
    the plan). None if the plan's content runs to the end."""
    if ";" not in sent.words:
        return None
    end = sent.words.index(";")
    if not cues.plan_modals.isdisjoint(sent.words[end + 1 :]):
        return None
    return end if _subject_before(sent, cues, mentions, end + 1, len(sent.words)) else None


def same_part(sent: Sentence, hits: list[CueHit], issue: CueHit) -> list[CueHit]:
    """The cues on the issue's side of a semicolon, if that side has any."""
    if ";" not in sent.words or not hits:
        return hits

    def part(i: int) -> int:
        return sent.words[:i].count(";")

    own = [h for h in hits if part(h.first) == part(issue.first)]
    return own or hits
