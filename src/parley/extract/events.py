"""Events: who met, called, visited, proposed, rejected, threatened, sanctioned, leaked,
agreed, exchanged prisoners or gave aid.

A sentence with an event cue (PLOVER type and, for CONSULT, its mode) yields
an event whose participants are the actors named in that sentence outside
quotations, whose place is a place named there, and whose date is the date
expression nearest the cue. A state that is the affiliation of a person in the
same event is dropped: "die US-Unterhändler Witkoff und Kushner" is a meeting
of Witkoff and Kushner, not of the United States as a third party.

News repeats one meeting across many sentences, each naming part of it;
:func:`merge_events` folds those mentions into one event per article, so that
"the Moscow meeting" is reported once with everyone who took part.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, fields, replace
from functools import cache
from operator import attrgetter
from types import MappingProxyType
from typing import NamedTuple

from parley.extract.assault import UNDONE, armed, assault_sides
from parley.extract.cues import CueHit, LanguageCues
from parley.extract.dates import DateMention, day_after, names_next_day
from parley.extract.event_context import (
    VERB_MARKERS,
    attributive_place,
    conditional,
    in_condition,
    last_sides,
    opens_with_auxiliary,
    plural_antecedents,
    sides_named,
    without_result,
)
from parley.extract.records import Event, Mention
from parley.extract.sentences import Sentence

# When one sentence holds cues of several CONSULT modes, the more specific wins.
_MODE_RANK = {"phone": 0, "host": 1, "visit": 2, "multilateral": 3, "meet": 4, None: 5}
_PARTICIPANT_TYPES = frozenset({"person", "state", "organization"})


def _inside(pos: int, spans: Sequence[tuple[int, int]]) -> bool:
    return bool(spans) and any(s <= pos < e for s, e in spans)  # mostly asked of no spans


_CLAUSE_BREAKS = frozenset(",;:–—[]")
# A parenthesis lists who is meant ("Die fünf Verhandler (Witkoff, Kushner, Putin …) saßen
# zusammen"): it belongs to the clause it stands in, but ends a "zwischen"/"mit" phrase.
_BRACKETS = frozenset("()")
# Words that end a "zwischen A und B" phrase: a new prepositional phrase or a verb slot.
_PHRASE_END = frozenset(
    [
        "von",
        "vom",
        "am",
        "im",
        "in",
        "über",
        "um",
        "zu",
        "zur",
        "zum",
        "auf",
        "seit",
        "nach",
        "bei",
        "für",
        "from",
        "on",
        "in",
        "at",
        "about",
        "over",
        "for",
        "to",
        "since",
        "after",
    ]
)
_BETWEEN = frozenset({"zwischen", "between"})
# "said that he …", "advised him on how Putin …": English clauses without a comma.
_COMPLEMENTISERS = frozenset({"that", "how", "whether", "why"})
# Words that begin the clause after a complementiser "that".
_CLAUSE_OPENERS = frozenset({"he", "she", "they", "it", "we", "i", "the", "a", "an", "his", "her"})
_WITH = frozenset({"mit", "with"})
# Event types parley extracts, each with the fewest participants that make it an event:
# a meeting, rejection, threat, sanction or proposal has two sides (a plan presented to
# no one named, "Selenskyj stellte den Plan vor", is news about the plan, not an act
# between parties); a leak has its publisher.
# An agreement, a prisoner exchange and an aid delivery are between two sides as well.
EXTRACTED_TYPES = {
    "CONSULT": 2,
    "REJECT": 2,
    "THREATEN": 2,
    "SANCTION": 2,
    "LEAK": 1,
    "PROPOSE": 2,
    "AGREE": 2,
    "COOPERATE": 2,
    "AID": 2,
    "ASSAULT": 2,
}
# Events that count only as facts: negated ("no agreement was reached"), wished, possible
# or conditional ones ("könnten sich einigen", "would agree if") report none.
# An attack threatened, feared or planned ("drohte mit Angriffen") is none either.
_FACT_ONLY = frozenset({"AGREE", "COOPERATE", "AID", "ASSAULT"})
# A noun alone ("Friedensplan", "Ablehnung") names a thing more often than it reports an act.
_VERB_ONLY = frozenset({"PROPOSE", "REJECT", "AGREE"})
# Prepositions after which a name is what the event is about, not who takes part; for
# sanctions, threats and rejections "gegen Russland" names the target.
_NOT_PARTY = frozenset(
    {"gegen", "für", "über", "um", "durch", "ohne", "nach", "aus", "in", "im", "ins", "zu"}
    | {"zum", "zur", "against", "for", "about", "over", "without", "on", "into", "to"}
)
_NOT_PARTY_OR_WITH = _NOT_PARTY | _WITH


# "die drei", "die beiden", "the two": a number standing for people just named.
_GROUP_NUMBERS = {"beiden": 2, "beide": 2, "drei": 3, "vier": 4, "fünf": 5, "both": 2}
_GROUP_NUMBERS_AFTER_ARTICLE = {"two": 2, "three": 3, "four": 4, "five": 5} | _GROUP_NUMBERS
_GROUP_WORDS = frozenset(_GROUP_NUMBERS_AFTER_ARTICLE)  # every word a group can be named by
_GROUP_ARTICLES = frozenset({"die", "alle", "the", "all"})
# Words after the number that still leave it standing for persons ("the two men").
_GROUP_FOLLOWERS = frozenset(
    {"sich", "in", "im", "am", "zusammen", "erneut", "bereits", "schon", "men", "leaders"}
    | {"met", "spoke", "talked", "had", "have", "held", "in", "at", "on", "of"}
)
# A meeting noun after these is a point in time ("nach den Gesprächen", "before the talks"):
# it refers to a meeting, and the clause's actors (often a speaker) need not have attended.
_TEMPORAL = frozenset(
    {"nach", "vor", "seit", "während", "bei", "beim", "after", "before", "since", "during"}
)


@dataclass(slots=True)
class Draft:
    """An event as found in one sentence, before reports of it are merged."""

    event: Event
    approximate: bool  # its date is a range ("Mitte Oktober"), not a day
    definite: bool = False  # "an dem Treffen": refers back to a meeting already reported
    reports: int = 1  # how many sentences report it: the story's main event has most
    new: bool = False  # "eine Stadtführung": an indefinite noun brings in another event
    point: bool = False  # "während seines Besuchs in Irland": named as a point in time


def _breaks(sent: Sentence, i: int) -> bool:
    """Does token ``i`` end a clause? A comma before a capitalised word lists names
    ("mit Witkoff, Kushner und Rubio"); before a lower-case word ("dass", "ein
    Freund", "who") it opens a new clause."""
    word = sent.words[i]
    if word in _COMPLEMENTISERS and i + 1 < len(sent.words):
        # "said that he would meet …": a complement clause; "that meeting" is a determiner
        nxt = sent.offsets[i + 1] - sent.start
        return sent.text[nxt].isupper() or sent.words[i + 1] in _CLAUSE_OPENERS
    if word not in _CLAUSE_BREAKS:
        return False
    if word == "," and i + 1 < len(sent.words):
        nxt = sent.offsets[i + 1] - sent.start
        return not sent.text[nxt : nxt + 1].isupper()
    return True


class _Clauses:
    """The clauses of one sentence, between punctuation breaks.

    The rules ask for the clause around each cue, and for the sentence's first
    clause, several times per cue: each token's break is judged once (most words
    are neither punctuation nor a complementiser, which a set test settles) and
    each clause is walked once.
    """

    def __init__(self, sent: Sentence) -> None:
        self.sent = sent
        words = sent.words
        self.breaks = [
            (w in _CLAUSE_BREAKS or w in _COMPLEMENTISERS) and _breaks(sent, i)
            for i, w in enumerate(words)
        ]
        self._spans: dict[int, tuple[int, int]] = {}

    def around(self, token: int) -> tuple[int, int]:
        """Character span of the clause around ``token``."""
        span = self._spans.get(token)
        if span is None:
            span = self._spans[token] = self._walk(token)
        return span

    def _walk(self, token: int) -> tuple[int, int]:
        words, breaks, offsets = self.sent.words, self.breaks, self.sent.offsets
        lo = token
        while lo > 0 and not breaks[lo - 1]:
            lo -= 1
            if words[lo] == ")":  # a parenthesis is read whole, commas and all
                lo = _matching(words, lo, ")", "(", -1)
        hi = token
        n = len(words)
        while hi + 1 < n and not breaks[hi + 1]:
            hi += 1
            if words[hi] == "(":
                hi = _matching(words, hi, "(", ")", 1)
        return offsets[lo], offsets[hi] + len(words[hi])


def _matching(words: Sequence[str], i: int, open_: str, close: str, step: int) -> int:
    """Index of the bracket matching ``words[i]`` (or the sentence edge)."""
    depth = 0
    while 0 <= i < len(words):
        depth += words[i] == open_
        depth -= words[i] == close
        if depth == 0:
            return i
        i += step
    return max(0, min(i - step, len(words) - 1))


def _between(sent: Sentence, cue_last: int, mentions: Sequence[Mention]) -> list[Mention]:
    """The A and B of "Telefonat zwischen A und B" (or "between A and B")."""
    n = len(sent.words)
    for i in range(cue_last + 1, min(n, cue_last + 4)):
        if sent.words[i] in _BETWEEN:
            j = _list_end(sent, i + 1)  # "zwischen den USA, Russland und der Ukraine"
            lo = sent.offsets[i]
            hi = sent.offsets[j] if j < n else sent.end
            return [m for m in mentions if lo <= m.start < hi]
    return []


def sentence_events(
    sent: Sentence,
    cues: LanguageCues,
    mentions: Sequence[Mention],
    dates: Callable[[], Sequence[DateMention]],
    quoted: Sequence[tuple[int, int]],
    party: Callable[[str], str],
    article: str,
    is_source: Callable[[str], bool] = lambda _a: False,
    speaker: str | None = None,
    before: Sequence[Mention] = (),
    seat_of: Callable[[str], str | None] = lambda _a: None,
    previous: tuple[int, Callable[[], Sequence[DateMention]]] = (-1, tuple),
    demonyms: Mapping[str, tuple[str, str]] = MappingProxyType({}),
) -> list[Draft]:
    """Events of one sentence (at most one per event type), not yet merged.

    Participants are the actors of the cue's clause, or exactly A and B after
    "zwischen"/"between"; a name inside a compound ("Putin-Berater") only
    modifies a noun and is no participant, unless the compound is the cue
    itself ("Witkoff-Putin-Treffen"). CONSULT drafts with one participant are
    kept: another report of the same meeting may name the rest. A group named by
    its number ("trafen sich die drei", "the two met") stands for the last persons
    named, in this sentence or in ``before`` (the mentions of earlier sentences).
    """
    hits = cues.events.find(sent.words)
    if not hits:  # most sentences report no event
        return []
    hits = [
        h
        for h in hits
        if h.label[0] in EXTRACTED_TYPES and not _inside(sent.char_of(h.first), quoted)
    ]
    hits = [
        h
        for h in hits
        if h.label[0] not in _VERB_ONLY or sent.text[sent.char_of(h.first) - sent.start].islower()
    ]
    hits = [h for h in hits if not _preposition_not_particle(sent, h)]
    hits = [
        h
        for h in hits
        if not (h.label[0] in _VERB_ONLY and _after_determiner(sent, h, cues.determiners))
        and not (h.label[0] in _VERB_ONLY and _named_document(sent, h, cues))
        and not (h.label[1] == "phone" and h.first == h.last and _naming_call(sent, h.first, cues))
    ]
    hits = [_arrival(sent, h) for h in hits]
    if not hits:
        return []
    by_type: dict[str, list] = {}
    for hit in hits:
        by_type.setdefault(hit.label[0], []).append(hit)
    outside = [m for m in mentions if not _inside(m.start, quoted)]
    facts = _FactsOf(sent, outside)

    attributive = {id(h): span for h in hits if (span := _attributive(sent, h))}
    clauses = _Clauses(sent)
    unreal = cues.negations | _UNREAL  # what makes a meeting not take place
    speech = cues.speech.find(sent.words)  # the speech verbs that may report an event

    def scope(hit: CueHit) -> tuple[int, int]:
        return attributive.get(id(hit)) or clauses.around(hit.first)

    def draft_for(etype: str, hit: CueHit) -> Draft | None:
        if etype == "SANCTION" and any(
            h.label[0] == "THREATEN" and h.last < hit.first and scope(h) == scope(hit) for h in hits
        ):
            return None  # "threatened to hit them with tariffs": the threat's content
        if etype == "CONSULT" and conditional(sent.words, hit.first, hit.last):
            return None  # "er werde sich erst wieder mit Putin treffen, wenn …"
        cue_start = sent.char_of(hit.first)
        cue_end = sent.char_of(hit.last) + len(sent.words[hit.last])
        if len(hit.text.split()) < hit.last - hit.first + 1:  # "schließt … aus": words between
            cue_end = cue_start + len(sent.words[hit.first])  # are no part of the cue
        lo, hi = scope(hit)
        others = [span for key, span in attributive.items() if key != id(hit)]
        if (
            etype == "CONSULT"
            and _denied(sent, hit, lo, hi, unreal)
            # "Nach Gesprächen mit Putin reisten sie ohne Ergebnis ab": a meeting named as
            # a point in time took place; the clause's negation is the main verb's
            and not _temporal(sent, hit)
            and not _presupposed(sent, hit)
        ):
            # "Ein Treffen sei nicht geplant", "ready to meet Putin if …": none took place
            return None
        if (
            etype == "CONSULT"
            and "REJECT" in by_type
            and _is_noun(sent, hit)
            and not _temporal(sent, hit)
            and not _presupposed(sent, hit)
        ):
            # "Russland lehnte ein Treffen von Selenskyj und Putin ab", "ruled out a
            # meeting": a meeting turned down did not take place
            return None
        if (
            etype == "CONSULT"
            and _denied(sent, hit, lo, hi, _WISH)
            and not any(d.date and lo <= d.start < hi for d in dates())
        ):
            return None
        if etype in _FACT_ONLY and not _fact(sent, cues, hit, lo, hi):
            return None
        if etype == "ASSAULT":
            return assault(hit, lo, hi)
        names_from = _after_report(sent, speech, hit, lo, outside)
        if names_from <= lo:  # no reported clause: names before the clause count too
            names_from = -1
        # "Witkoff, ein Freund Trumps, traf sich ...": the verb opens a clause after an
        # apposition; its subject stands in the sentence's first clause.
        opens = lo == cue_start and lo > sent.start and id(hit) not in attributive
        first_lo, first_hi = clauses.around(0) if opens else (lo, hi)
        if (
            not opens
            and lo > sent.start
            and id(hit) not in attributive
            and opens_with_auxiliary(sent.words, _token_at(sent, lo), hit.first)
        ):
            # "Witkoff, a developer, was received by Putin", "Der Präsident der Emirate,
            # Mohammed bin Sajid, hatte … empfangen": the subject and its apposition
            first_lo, first_hi = sent.start, lo
        not_party = _NOT_PARTY if etype == "CONSULT" else _not_target(etype)
        in_clause = []
        for k, m in enumerate(outside):
            if not (lo <= m.start < hi or first_lo <= m.start < first_hi) or m.start < names_from:
                continue
            f = facts[k]
            in_cue = cue_start <= m.start < cue_end
            if (
                (f.modifier and not in_cue and not _org_of(m, cue_start))
                or f.before in not_party
                or f.before_title in not_party
                or (f.attribute and not in_cue)
                or (others and _inside(m.start, others))  # "die in Genf ausgehandelten …"
            ):
                continue
            if (
                f.genitive
                and not _owner_of(sent, m, hit)
                and not (etype == "REJECT" and _owns_document(sent, m, cues.document_nouns))
            ):
                continue
            in_clause.append(m)
        own = _between(sent, hit.last, in_clause)
        if not own:  # names in another noun's "zwischen A und B" are that noun's
            others = _between_spans(sent)
            in_clause = [m for m in in_clause if not _inside(m.start, others)]
        if sent.words[hit.first] in _REPORT_TO:
            # "habe Putin über die Lage berichtet": a briefing has a person told "über" it;
            # "berichteten Medien" tells no one
            told = [m for m in in_clause if m.type == "person" and _followed_by_about(sent, m)]
            if not told:
                return None
            in_clause = [m for m in in_clause if m.type == "person"]
        if hit.first == hit.last and sent.words[hit.first] in _TALK:
            # "sprach mit Putin", "um mit Putin … zu sprechen": a meeting only with a partner
            partner = _partner(sent, lo, hi, in_clause)
            if not partner and not (etype == "CONSULT" and _group(sent, lo, hi)):
                return None  # ("the two leaders spoke": the group, named before, talked)
            subject = [m for m in in_clause if not partner or m.start < partner[0].start]
            subject = [m for m in subject if m not in partner]
            if not subject and sent.words[_token_at(sent, lo)] in _INFINITIVE_OPENERS:
                first = clauses.around(0)
                subject = [m for m in outside if first[0] <= m.start < first[1]]
                subject = [m for m in subject if not _genitive(m) and not _modifier(sent, m)]
            in_clause = [*subject, *partner]
        chosen = own or _with(sent, hit, in_clause) or in_clause
        purpose = _purpose(sent, hit, lo, cue_start, outside, others, clauses.around(0))
        if etype == "CONSULT" and not own and purpose:
            chosen = purpose  # "reisten nach Genf, um Umerow zu treffen": they meet him
        if etype == "CONSULT" and not own:
            # "Zelensky, who held talks with X": the relative pronoun's antecedent acts
            antecedent = _antecedent(sent, lo, outside)
            if antecedent is not None and antecedent.actor not in {m.actor for m in chosen}:
                chosen = [antecedent, *chosen]
        if not own and hit.first > 0 and sent.words[hit.first - 1] == "to":
            # "sent Witkoff to Moscow to meet Putin": the nearest name before meets those after
            # (up to the doer of a coordinated "… and Driscoll to meet the Ukrainians")
            met = [m for m in chosen if m.start > cue_start]
            nxt = [
                sent.char_of(h.first)
                for h in hits
                if h.label[0] == etype and h.first > hit.last and sent.words[h.first - 1] == "to"
            ]
            if nxt:
                doers = [m for m in met if m.start < nxt[0]]
                met = [m for m in met if m.start < doers[-1].start] if len(doers) > 1 else met
            doer = [m for m in chosen if m.start < cue_start and m.type != "place"][-1:]
            if met:
                chosen = [*doer, *met]
        noun = _is_noun(sent, hit)
        if etype == "CONSULT" and noun and _hypothetical(sent, hit, hi):
            return None  # "schlug vor, ein Telefonat mit Selenskyj zu vereinbaren"
        temporal = _temporal(sent, hit) or (
            noun
            and (
                _spoken_of(sent, speech, hit, lo, hi)
                # "Dmitriev called the talks productive": judged, as by a speech verb
                or any(_naming_call(sent, i, cues)
                       for i in range(*_tokens_in(sent, lo, cue_start)))
            )
        )  # fmt: skip
        infinitive = hit.first > 0 and sent.words[hit.first - 1] == "to"  # doer found above
        if (
            etype in ("CONSULT", "PROPOSE", "REJECT")
            and not noun
            and not infinitive
            and not _passive(sent, lo, hi)
        ):
            # "…, ehe sie Putin trafen", "Dort traf er Putin", "said that he would meet
            # Putin and Zelensky": a subject pronoun before the verb stands for persons
            # (before the verb, or right after it: "Dort traf er Putin")
            upto = sent.offsets[hit.last + 1] + 1 if hit.last + 1 < len(sent.words) else hi
            pronoun = _pronoun_at(sent, lo, min(upto, hi))
            if pronoun is not None and not any(m.start < pronoun for m in chosen):
                persons = _pronoun_persons(
                    sent, pronoun, lo, outside, before, cues, previous[0], etype == "CONSULT"
                )
                chosen = [*persons, *chosen]
        if temporal:  # "sagte Uschakow nach den Gesprächen": only the phrase's own names
            chosen = own or _with(sent, hit, in_clause)
            chosen += [
                m for m in in_clause if cue_start <= m.start < cue_end or _org_of(m, cue_start)
            ]
            chosen += _owners(sent, hit, in_clause)  # "reached at Trump and Putin's summit"
            if chosen and not own and not _spoken_of(sent, speech, hit, lo, hi):
                # "Nach Gesprächen mit Putin sind Witkoff und Kushner abgereist": who
                # left after talks with Putin had them
                chosen = [*_subjects_after(sent, hit, in_clause, chosen), *chosen]
                pronoun = _pronoun_at(sent, lo, cue_start)
                if len(chosen) == 1 and pronoun is not None:
                    # "das er nach einem Telefonat mit dem Kremlchef angekündigt hatte"
                    persons = _pronoun_persons(
                        sent, pronoun, lo, outside, before, cues, previous[0]
                    )
                    chosen = [*persons, *chosen]
            elif not chosen and _during(sent, hit) and not _spoken_of(sent, speech, hit, lo, hi):
                # "Beim Gipfel in Genf saßen Witkoff, Umerow und Dmitrijew an einem Tisch":
                # the persons of a clause set at a meeting (two or more) held it
                present = _subjects_after(sent, hit, in_clause, [])
                chosen = present if len(present) > 1 else []
        group = _group(sent, lo, hi)
        if group and etype == "CONSULT":
            earlier = [*before, *(m for m in outside if m.start < group[0])]
            chosen = [*_last_persons(earlier, group[1]), *chosen]
        sides = sides_named(sent, lo, hi) if etype == "CONSULT" else None
        if sides:  # "empfing die Delegationen der drei Länder", "met both delegations"
            # (named in sentences before: "Der Präsident der Emirate … empfing die
            # Delegationen der drei Länder" is not one of them)
            chosen = [*chosen, *last_sides(before, sides[1], party, outside)]
        places = [
            m
            for m in outside
            if m.type == "place" and lo <= m.start < hi and not _inside(m.start, others)
        ]
        # Outlets report events; they take part only in a leak (as its publisher).
        if hit.label[1] == "visit":
            if _iterative(sent, lo, hi):
                return None  # "zum sechsten Mal nach Moskau gereist": a tally, not a trip
            chosen = [*chosen, *_destination(sent, hit, outside, seat_of)]
        actors = [m for m in chosen if m.type in _PARTICIPANT_TYPES and not is_source(m.actor)]
        if hit.label[1] == "multilateral":
            # "am Rande des Nato-Außenministertreffens": a summit named by its organisation
            # is that organisation's; who speaks on its sidelines is no party to it
            named = [
                m
                for m in actors
                if m.type == "organization"
                and (cue_start <= m.start < cue_end or _org_of(m, cue_start))
            ]
            actors = named or actors
        if etype == "LEAK":  # a leak is known by who published it
            actors = [m for m in outside if is_source(m.actor)][:1]
        elif (
            etype == "CONSULT"
            and len(actors) == 1
            and any(w in _POSSESSIVE for w in sent.words[max(0, hit.first - 3) : hit.first])
        ):
            # "Sein Treffen mit Putin sei konstruktiv gewesen, so Witkoff"; "sagte er bei
            # seinem Besuch in Polen": the owner is the speaker, else the last person named.
            owner = speaker or next(
                (m.actor for m in reversed([*before, *outside]) if m.type == "person"
                 and m.start < cue_start and not _genitive(m)),
                None,
            )  # fmt: skip
            if owner and owner != actors[0].actor:
                actors = [Mention(article, 0, 0, actor=owner), *actors]
        if etype == "AGREE":
            # the sides agree, and those they agree with ("mit", "between"); names in
            # what they agree on are its matter ("agreed to stop attacking Ukraine's …")
            actors = [
                m
                for m in actors
                if m.start < cue_start or m in own or (_after_with(sent, m) and not _possessor(m))
            ]
        participants = _participants(actors, party)
        if etype == "AGREE" and len(participants) == 1:
            # "Putin agreed to stop …, which Trump had asked him to accept": who agrees
            # alone in the clause agrees with the other side the sentence names
            sides = [m for m in outside if m.type in _PARTICIPANT_TYPES and not is_source(m.actor)]
            sides = [m for m in sides if not _possessor(m) and not _modifier(sent, m)]
            participants = _participants([*actors, *sides], party)
        definite = temporal or _definite(sent, hit)
        if not participants and not (etype == "CONSULT" and definite):
            # "Die Verhandlungen in Moskau dauerten fünf Stunden": no names, but the place
            # and date of the meeting the story is about.
            return None
        return finish(
            hit, participants, (lo, hi), noun=noun, group=group, places=places, others=others,
            definite=definite, temporal=temporal,
        )  # fmt: skip

    def finish(
        hit: CueHit,
        participants: list[str],
        clause: tuple[int, int],
        *,
        noun: bool,
        group: tuple[int, int] | None,
        places: Sequence[Mention],
        others: Sequence[tuple[int, int]],
        definite: bool,
        temporal: bool,
    ) -> Draft:
        """The draft of an event whose participants are known: its date (the nearest
        one that can belong to the cue) and its place."""
        etype = hit.label[0]
        lo, hi = clause
        cue_start = sent.char_of(hit.first)
        attached = _attached(sent, dates(), hit, cues_prepositions=_NOT_PARTY_OR_WITH)
        # "threatened tariffs if Friday passes without a truce": the condition's day
        attached = [d for d in attached if not in_condition(sent, hit.last, d.start)]
        if not attached and not _LATER.isdisjoint(sent.words[_token_at(sent, lo) : hit.last + 1]):
            # "He later spoke by phone with …": later on the day the sentence before names
            attached = [d for d in previous[1]() if d.date and not d.approximate][-1:]
        if noun:  # a noun's date stands in its own clause
            attached = [d for d in attached if lo <= d.start < hi]
        else:  # a verb's too, when its clause has one ("…, den sie am Wochenende abstimmten")
            attached = [d for d in attached if lo <= d.start < hi] or attached
        date = _nearest(
            attached,
            cue_start,
            hit_is_noun=noun,  # English nouns too: "talks with X on Tuesday"
        )
        if date is not None and date.date is None and names_next_day(date.text):
            # "Tags darauf empfing er Selenskyj": the day after the one told just before
            told = [d for d in previous[1]() if d.date and not d.approximate][-1:]
            if told:
                date = replace(date, date=day_after(told[0]))
        if date is None and group and etype == "CONSULT":
            # "The two leaders spoke for over an hour": those just named, on the day told
            date = next((d for d in reversed(previous[1]()) if d.date and not d.approximate), None)
        anywhere = [] if etype == "ASSAULT" else outside  # an attack is where its clause says
        place = _place(
            [
                m
                for m in places
                or [m for m in anywhere if m.type == "place" and not _inside(m.start, others)]
                if not attributive_place(sent, m, outside)
            ],
            sent,
        )
        return Draft(
            Event(
                article=article,
                start=sent.start,
                end=sent.end,
                type=etype,
                mode=hit.label[1],
                source_actor=participants[0] if participants else None,
                target_actors=participants[1:],
                participants=participants,
                date=date.date if date else None,
                date_text=date.text if date else None,
                place=place,
            ),
            approximate=bool(date and date.approximate),
            definite=definite,
            new=_indefinite_noun(sent, hit),
            point=temporal,
        )

    def assault(hit: CueHit, lo: int, hi: int) -> Draft | None:
        """An attack of one state on another (see :mod:`.assault`)."""
        if any(h.label[0] == "THREATEN" and h.last < hit.first for h in hits):
            return None  # "drohte mit weiteren Angriffen", "threatened strikes"
        a = _token_at(sent, lo)
        before = clauses.around(a - 2) if a >= 2 else None
        sides = assault_sides(
            sent, (hit.first, hit.last), (lo, hi), before, outside, demonyms, cues.weapons,
            seat_of, party,
        )  # fmt: skip
        if len(sides) < 2:
            return None
        places = [m for m in outside if m.type == "place" and lo <= m.start < hi]
        return finish(
            hit, sides, (lo, hi), noun=_is_noun(sent, hit), group=None, places=places,
            others=(), definite=False, temporal=False,
        )  # fmt: skip

    drafts: list[Draft] = []
    for etype, type_hits in by_type.items():
        # Of several cues of one type in a clause the first describes the event; a later
        # one only when the first names nobody ("talks … after a meeting between A and B").
        # Meetings in different clauses are drafted apart ("erhielten von Dmitrijew ein
        # Abendessen, ehe sie Putin sahen"); merging folds what is one meeting.
        done: set[tuple[int, int]] = set()
        first_in: dict[tuple[int, int], tuple[CueHit, Draft]] = {}
        for hit in sorted(type_hits, key=lambda h: (_MODE_RANK.get(h.label[1], 5), h.first)):
            clause = scope(hit)
            if clause in done and etype == "CONSULT" and clause in first_in:
                # "met X on Monday and held talks with Y on Tuesday", "told A to meet B
                # and C to meet D": a coordinated verb phrase reports another meeting
                second = _coordinated(sent, first_in[clause], hit, draft_for(etype, hit), outside)
                if second is not None:
                    drafts.append(second)
                    continue
            if (clause in done and not _indefinite_noun(sent, hit)) or (
                done and etype != "CONSULT"
            ):
                continue
            draft = draft_for(etype, hit)
            if draft is not None and etype == "PROPOSE" and sent.words[hit.first] in _HANDOVER:
                if not _hands_document(sent, hit, scope(hit), cues.document_nouns, outside):
                    continue  # "handed over 22 wounded soldiers": no proposal
                if _handed_to_person(draft, outside):
                    drafts.append(_meeting_of(draft))
            if draft is not None:
                drafts.append(draft)
                if not draft.new:  # "landeten und bekamen eine Stadtführung": two events
                    done.add(clause)
                    first_in.setdefault(clause, (hit, draft))
    return drafts


# Verbs of talking are meetings only with a partner ("sprach mit", "spoke with").
_TALK = frozenset(
    {"sprach", "sprachen", "sprechen", "gesprochen", "spoke", "talked", "speak", "talk"}
)
# Verbs of reporting that brief a person ("berichtete Putin über …", "briefed Putin on").
_REPORT_TO = frozenset({"berichtet", "berichtete", "berichteten"})
_ABOUT = frozenset({"über", "on", "about"})


def _followed_by_about(sent: Sentence, m: Mention) -> bool:
    nxt = next((i for i, o in enumerate(sent.offsets) if o >= m.end), None)
    return nxt is not None and sent.words[nxt] in _ABOUT


# Words opening an infinitive clause whose subject is the main clause's ("um … zu sprechen").
_INFINITIVE_OPENERS = frozenset({"um", "to", "in"})


# Relative pronouns opening a clause after a comma ("Zelensky, who held talks …",
# "Dmitrijew, der die Amerikaner empfangen hatte"); German ones only before a
# lower-case word, since "der"/"die" before a noun is an article.
_RELATIVE_EN = frozenset({"who"})
_RELATIVE_DE = frozenset({"der", "die", "welcher", "welche"})


def _antecedent(sent: Sentence, lo: int, mentions: Sequence[Mention]) -> Mention | None:
    """The person or state a relative clause starting at ``lo`` is about: the last one
    named right before its comma."""
    try:
        i = sent.index_of(lo)
    except ValueError:
        return None
    words = sent.words
    if i < 2 or words[i - 1] != ",":
        return None
    if words[i] not in _RELATIVE_EN:
        nxt = i + 1 < len(words) and sent.text[sent.offsets[i + 1] - sent.start].islower()
        if words[i] not in _RELATIVE_DE or not nxt:
            return None
    comma = sent.offsets[i - 1]
    before = [
        m for m in mentions if m.end <= comma and m.type in ("person", "state") and not _genitive(m)
    ]
    if not before or comma - before[-1].end > 2:  # the name right before the comma
        return None
    return before[-1]


def _attributive(sent: Sentence, hit: CueHit) -> tuple[int, int] | None:
    """The phrase of a participle used as an adjective, from its article to itself:
    "die von den Europäern mit Rubio in Genf ausgehandelten Änderungen". Its names
    are its own event's, not the sentence verb's."""
    i = hit.last
    word = sent.words[hit.first]
    if i + 1 >= len(sent.words) or not word.isalpha() or not word.endswith(("ten", "enen")):
        return None
    at = sent.char_of(hit.first) - sent.start
    nxt = sent.char_of(i + 1) - sent.start
    if not sent.text[at].islower() or not (sent.text[nxt].isupper() or sent.text[nxt].isdigit()):
        return None
    for j in range(hit.first - 1, max(-1, hit.first - 15), -1):
        if sent.words[j] in _CLAUSE_BREAKS:
            return None
        if sent.words[j] in _ARTICLES:
            return sent.char_of(j), sent.char_of(i) + len(sent.words[i])
    return None


_TO = frozenset({"in", "nach", "to"})
_TIMES = frozenset({"mal", "time"})


# Forms of "treffen" that with the particle "ein" mean arriving ("eintreffen").
_MEET_FORMS = frozenset({"traf", "trafen", "trifft", "treffen"})


def _arrival(sent: Sentence, hit: CueHit) -> CueHit:
    """ "Kushner und Witkoff trafen am Dienstag in Moskau ein": they arrived, a visit,
    not a meeting of the two. The particle "ein" closes the verb's clause."""
    if hit.label != ("CONSULT", "meet") or sent.words[hit.first] not in _MEET_FORMS:
        return hit
    end = next(
        (i for i in range(hit.last + 1, len(sent.words)) if sent.words[i] in _CLAUSE_BREAKS),
        len(sent.words),
    )
    words = [w for w in sent.words[hit.last + 1 : end] if w.isalpha()]
    return hit._replace(label=("CONSULT", "visit")) if words[-1:] == ["ein"] else hit


def _destination(
    sent: Sentence,
    hit: CueHit,
    mentions: Sequence[Mention],
    seat_of: Callable[[str], str | None] = lambda _a: None,
) -> list[Mention]:
    """The state a visit goes to ("Besuch in Irland", "travelled to Ukraine"): it hosts.
    A trip to a city is a visit to its state ("travel to Moscow", "reiste nach Moskau":
    Russia hosts)."""
    n = len(sent.words)
    # The cue may end in the preposition ("travel to"), or a day may come first ("reiste am
    # Dienstag nach Moskau"); the verb's clause bounds the search.
    after = range(hit.last, min(n, hit.last + 5))
    after = range(
        hit.last,
        next((i for i in after if i > hit.last and sent.words[i] in _CLAUSE_BREAKS), n),
    )
    # "nach Russland gereist", "in die Vereinigten Staaten gereist"
    before = range(max(0, hit.first - 4), hit.first)
    for i in [*after[:5], *before]:
        if sent.words[i] in _TO and i + 1 < n:
            # the state right after the preposition or its article ("in der Ukraine")
            hi = sent.offsets[i + 2] if i + 2 < n else sent.end
            if i + 2 < n and sent.words[i + 1] in _ARTICLES:
                hi = sent.offsets[i + 3] if i + 3 < n else sent.end
            there = [m for m in mentions if sent.offsets[i] < m.start <= hi]
            states = [m for m in there if m.type == "state"]
            for m in there:
                state = seat_of(m.actor) if m.type == "place" else None
                if state is not None and not states:
                    states.append(Mention(m.article, m.start, m.end, state, type="state"))
            return states
    return []


def _purpose(
    sent: Sentence,
    hit: CueHit,
    lo: int,
    cue_start: int,
    mentions: Sequence[Mention],
    excluded: Sequence[tuple[int, int]],
    first: tuple[int, int],
) -> list[Mention]:
    """ "Kushner und Witkoff reisten nach Genf, um Umerow zu treffen": a purpose clause
    ("um … zu" + verb) names whom the first clause's subjects went to meet. Returns
    those subjects and the persons met, or nothing when the construction is absent.
    Mentions inside the ``excluded`` spans belong to other phrases and do not count."""
    i = _token_at(sent, lo)
    if sent.words[i] != "um" or hit.first < 1 or sent.words[hit.first - 1] != "zu":
        return []
    if hit.first == hit.last and sent.words[hit.first] in _TALK:
        return []  # "um mit Putin zu sprechen": the partner is the "mit" phrase's
    mentions = [m for m in mentions if not _inside(m.start, excluded)]
    met = [
        m
        for m in mentions
        if lo < m.start < cue_start
        and m.type in _PARTICIPANT_TYPES
        and not _after(sent, m, _NOT_PARTY - {"um"})
    ]
    subjects = [
        m
        for m in mentions
        if first[0] <= m.start < min(first[1], lo)
        and m.type in _PARTICIPANT_TYPES
        and not _genitive(m)
        and not _modifier(sent, m)
    ]
    return [*subjects, *met] if met and subjects else []


def _iterative(sent: Sentence, lo: int, hi: int) -> bool:
    """ "zum sechsten Mal", "for the third time": a count of trips, not one of them."""
    words = sent.words
    return any(
        words[i] in _TIMES and i > 0 and words[i - 1].endswith(("ten", "th", "rd"))
        for i in range(*_tokens_in(sent, lo, hi))
    )


def _token_at(sent: Sentence, pos: int) -> int:
    """The first token starting at or after character ``pos``."""
    i = bisect_left(sent.offsets, pos)
    if i == len(sent.offsets):
        raise ValueError(f"no token starts at or after {pos}")
    return i


def _tokens_in(sent: Sentence, lo: int, hi: int) -> tuple[int, int]:
    """The tokens starting in the character span [lo, hi), as a range of indices
    (found by bisection: offsets rise strictly)."""
    return bisect_left(sent.offsets, lo), bisect_left(sent.offsets, hi)


def _partner(sent: Sentence, lo: int, hi: int, mentions: Sequence[Mention]) -> list[Mention]:
    """The actors of the first "mit"/"with" phrase in the clause."""
    n = len(sent.words)
    for i in range(*_tokens_in(sent, lo, hi)):
        if sent.words[i] in _WITH:
            o = sent.offsets[i]
            j = _list_end(sent, i + 1)
            end = sent.offsets[j] if j < n else sent.end
            found = [m for m in mentions if o < m.start < end]
            if found:
                return found
    return []


_ARTICLES = frozenset({"der", "die", "das", "den", "dem", "des", "ein", "eine", "einen"})
_INDEFINITE = frozenset({"ein", "eine", "einen", "einem", "einer", "a", "an"})


# Separable particles that are also prepositions ("legte vor" vs "legte vor Tagen dar").
_PARTICLES = frozenset({"vor", "ab", "an", "aus", "ein", "zurück"})
_CONJUNCTIONS = frozenset({"und", "oder", "aber", "sowie", "sondern", "denn"})


_AND = frozenset({"and", "und"})
_LATER = frozenset({"later", "afterwards", "später", "danach", "anschließend"})


def _owner_of(sent: Sentence, m: Mention, hit: CueHit) -> bool:
    """A possessor right before a meeting noun holds the meeting ("Putin's summit",
    "Putins Treffen mit Witkoff"), unlike one before another noun ("Putins Berater")."""
    if not _is_noun(sent, hit) or m.end > sent.char_of(hit.first):
        return False
    gap = sent.text[m.end - sent.start : sent.char_of(hit.first) - sent.start]
    return gap.strip() == ""


def _owners(sent: Sentence, hit: CueHit, mentions: Sequence[Mention]) -> list[Mention]:
    """The possessor of a meeting noun and the names coordinated with it ("Trump and
    Putin's summit")."""
    owner = [m for m in mentions if _genitive(m) and _owner_of(sent, m, hit)]
    if not owner:
        return []
    group = owner
    for m in reversed([m for m in mentions if m.end <= owner[0].start]):
        gap = sent.text[m.end - sent.start : group[0].start - sent.start].strip().lower()
        if gap not in ("and", "und", ","):
            break
        group = [m, *group]
    return group


# Prepositions that place a definite meeting noun in the past: "the understandings
# reached at Trump and Putin's summit", "bei dem Treffen in Alaska".
_AT = frozenset({"at", "from", "since", "bei", "beim", "auf", "seit"})
_OWNER_WORDS = frozenset({"'s", "’s", "and", "und"})


def _presupposed(sent: Sentence, hit: CueHit) -> bool:
    """A definite meeting noun after "at"/"bei" names a meeting that took place, even
    inside a condition ("if the plan dropped what was agreed at the summit")."""
    if not _is_noun(sent, hit):
        return False
    definite = False
    for i in range(hit.first - 1, max(-1, hit.first - 6), -1):
        word = sent.words[i]
        if word in _AT:
            return definite
        capital = sent.text[sent.offsets[i] - sent.start].isupper()
        if word in _OWNER_WORDS or word in _DEFINITE or word in _POSSESSIVE or capital:
            definite = True
            continue
        return False
    return False


def _org_of(m: Mention, cue_start: int) -> bool:
    """An organisation hyphenated to the cue names whose meeting it is
    ("Nato-Außenministertreffen", "EU-Gipfel")."""
    return m.type == "organization" and m.end + 1 == cue_start


def _subjects_after(
    sent: Sentence, hit: CueHit, in_clause: Sequence[Mention], partners: Sequence[Mention]
) -> list[Mention]:
    """The persons a clause opened by "nach Gesprächen mit X" is about: those named
    after the phrase, not the partners and not possessors ("Trumps Schwiegersohn")."""
    after = sent.char_of(hit.last)
    taken = {m.actor for m in partners}
    return [
        m
        for m in in_clause
        if m.start > after and m.type == "person" and m.actor not in taken and not _genitive(m)
    ]


def _coordinated(
    sent: Sentence,
    first: tuple[CueHit, Draft],
    hit: CueHit,
    draft: Draft | None,
    mentions: Sequence[Mention],
) -> Draft | None:
    """A second meeting in a clause, joined to the first by "and": with its own doer
    ("… and Driscoll to meet the Ukrainians"), or sharing the first's subject and set
    apart by its own day ("met a delegation on Monday and held talks with the Russians
    on Tuesday"). None when the second cue reports the same meeting again."""
    prev_hit, prev = first
    if draft is None or not prev_hit.last < hit.first:
        return None
    joins = [k for k in range(prev_hit.last + 1, hit.first) if sent.words[k] in _AND]
    if not joins:
        return None
    ev, before = draft.event, prev.event
    if sent.words[hit.first - 1] == "to":  # an infinitive with its own doer
        return draft if set(ev.participants) != set(before.participants) else None
    if not (ev.date and before.date and ev.date != before.date and before.source_actor):
        return None
    # the first verb's objects end at the "and": names after it are the second's
    join = sent.char_of(joins[0])
    first_names = {m.actor for m in mentions if m.start < join}
    second_names = {m.actor for m in mentions if m.start > join}
    subject = before.source_actor
    others = [p for p in ev.participants if p != subject and p in second_names]
    ev.participants = [subject, *others]
    ev.source_actor, ev.target_actors = subject, others
    before.participants = [p for p in before.participants if p in first_names]
    before.target_actors = [p for p in before.target_actors if p in first_names]
    return draft


def _after_report(
    sent: Sentence, speech: Sequence[CueHit], hit: CueHit, lo: int, mentions: Sequence[Mention]
) -> int:
    """Where a cue's participants may start: at the subject right after a speech verb
    (one of ``speech``, the sentence's) that reports the event ("Trump said Witkoff
    would travel to Moscow": Trump reports, he does not travel). Otherwise the clause
    start."""
    said = [
        sent.char_of(h.last + 1)
        for h in speech
        if lo <= sent.char_of(h.first) and h.last + 1 < hit.first
    ]
    if not said:
        return lo
    at = said[-1]  # the reported clause's subject follows the verb at once
    if any(m.start == at and m.type != "place" for m in mentions):
        return at
    return lo


def _after_determiner(sent: Sentence, hit: CueHit, determiners: frozenset[str]) -> bool:
    """An English noun cue: "the framework", "a revised peace plan" (a determiner and
    only lower-case words before it). English nouns are lower-case, so the German test
    by capital letter cannot tell them from verbs; "the US presented" stays a verb."""
    for i in range(hit.first - 1, max(-1, hit.first - 4), -1):
        if sent.words[i] in VERB_MARKERS:  # "used the day to put forward a draft"
            return False
        if sent.words[i] in determiners:
            return True
        if not (sent.words[i].isalpha() and sent.text[sent.offsets[i] - sent.start].islower()):
            return False
    return False


def _named_document(sent: Sentence, hit: CueHit, cues: LanguageCues) -> bool:
    """A document noun after a determiner and any modifiers ("the U.S. draft", "their
    own draft"): the text itself, not the act of proposing it."""
    if sent.words[hit.last].lower() not in cues.document_nouns:
        return False
    return any(
        w in cues.determiners or w in ("'s", "’s")
        for w in sent.words[max(0, hit.first - 3) : hit.first]
    )


# After "called", an object pronoun keeps the call ("called him"); other lower-case
# words name it ("called the proposal a positive step", "called for talks").
_CALLED = frozenset({"called", "calls", "call"})
_CALLED_OBJECTS = frozenset({"him", "her", "them"})


def _naming_call(sent: Sentence, i: int, cues: LanguageCues) -> bool:
    """English "called X a Y" names X, "called for" demands: neither is a phone call.
    After a determiner it is the noun ("a call between Witkoff and Ushakov")."""
    determiners = cues.determiners
    if sent.words[i] not in _CALLED or not determiners:
        return False
    if i > 0 and sent.words[i - 1] in determiners:
        return False
    nxt = i + 1
    if nxt >= len(sent.words) or sent.words[nxt] in _CALLED_OBJECTS:
        return False
    return sent.words[nxt] in determiners or sent.text[sent.offsets[nxt] - sent.start].islower()


def _preposition_not_particle(sent: Sentence, hit: CueHit) -> bool:
    """A verb particle ends its clause ("legte den Plan vor."); one that opens a phrase
    ("legte vor einigen Tagen dar") is a preposition and the cue is not there."""
    last = hit.last
    if last == hit.first or sent.words[last] not in _PARTICLES or last + 1 >= len(sent.words):
        return False
    nxt = sent.words[last + 1]
    return nxt.isalpha() and nxt not in _CONJUNCTIONS


def _indefinite_noun(sent: Sentence, hit: CueHit) -> bool:
    """ "eine Stadtführung", "a dinner": a noun cue that introduces another event."""
    return (
        hit.first > 0
        and sent.words[hit.first - 1] in _INDEFINITE
        and sent.text[sent.char_of(hit.first) - sent.start].isupper()
        # "zu einem Besuch eingeladen", "for a visit": the verb's purpose, not an aside
        and not (hit.first > 1 and sent.words[hit.first - 2] in _NOT_PARTY)
    )


def _hypothetical(sent: Sentence, hit: CueHit, hi: int) -> bool:
    """An indefinite meeting noun as the object of a "zu"-infinitive ("schlug vor, ein
    Gespräch zu vereinbaren"): advised or wished for, not held."""
    if hit.first == 0 or sent.words[hit.first - 1] not in _INDEFINITE:
        return False
    last = max(i for i, o in enumerate(sent.offsets) if o < hi)
    while last > 0 and not sent.words[last].isalpha():
        last -= 1
    return last >= 1 and sent.words[last - 1] == "zu"


def _spoken_of(sent: Sentence, speech: Sequence[CueHit], hit: CueHit, lo: int, hi: int) -> bool:
    """A meeting noun that a speech verb (one of ``speech``, the sentence's) evaluates
    ("nannte die Verhandlungen produktiv"): the speaker judges the talks and need not
    have sat at the table."""
    return any(
        lo <= sent.char_of(h.first) < hi and not hit.first <= h.first <= hit.last for h in speech
    )


# English meeting nouns (German nouns are known by their capital).
_EN_NOUNS = frozenset(
    {"talks", "meeting", "call", "visit", "summit", "lunch", "dinner", "negotiations"}
    | {"trip", "conference", "phone call"}
)


def _is_noun(sent: Sentence, hit: CueHit) -> bool:
    word = sent.words[hit.first]
    return sent.text[sent.char_of(hit.first) - sent.start].isupper() or word in _EN_NOUNS


def _temporal(sent: Sentence, hit: CueHit) -> bool:
    """Is a noun cue the object of a temporal preposition ("nach dem Treffen")?"""
    if not _is_noun(sent, hit):
        return False
    for i in range(hit.first - 1, max(-1, hit.first - 4), -1):
        word = sent.words[i]
        if word in _TEMPORAL:
            return True
        at = sent.char_of(i) - sent.start
        if not (word in _DEFINITE or word in _POSSESSIVE or sent.text[at].islower()):
            return False
    return False


# Temporal prepositions of simultaneity: what the clause tells happened at the meeting.
_DURING = frozenset({"bei", "beim", "während", "during", "at"})


def _during(sent: Sentence, hit: CueHit) -> bool:
    """Is the meeting noun governed by "beim"/"während"/"during" (not "nach"/"vor")?"""
    for i in range(hit.first - 1, max(-1, hit.first - 4), -1):
        if sent.words[i] in _DURING:
            return True
        if sent.words[i] in _TEMPORAL:
            return False
    return False


def _definite(sent: Sentence, hit: CueHit) -> bool:
    """ "an dem Treffen", "nach dem fünfstündigen Gespräch": a meeting already known.
    Adjectives may stand between the article and the noun; a verb ("that he would
    meet") refers to nothing."""
    if not _is_noun(sent, hit):
        return False
    for i in range(hit.first - 1, max(-1, hit.first - 4), -1):
        word = sent.words[i]
        if word in _DEFINITE:
            return True
        at = sent.char_of(i) - sent.start
        if not (word.isalpha() and sent.text[at].islower()) or word in _PHRASE_END:
            return False
    return False


_PASSIVE = frozenset({"werden", "wurde", "wurden", "worden", "be", "been", "being", "was"})


def _passive(sent: Sentence, lo: int, hi: int) -> bool:
    """ "dass er informiert werden möchte": the pronoun is not who acts."""
    a, b = _tokens_in(sent, lo, hi)
    return not _PASSIVE.isdisjoint(sent.words[a:b])


_PLURAL = frozenset({"sie", "they"})
_SINGULAR = frozenset({"er", "he"})
_PRONOUNS = _PLURAL | _SINGULAR


def _pronoun_at(sent: Sentence, lo: int, hi: int) -> int | None:
    """Offset of the first subject pronoun ("er", "sie", "he", "they") in the span."""
    return next(
        (sent.offsets[i] for i in range(*_tokens_in(sent, lo, hi)) if sent.words[i] in _PRONOUNS),
        None,
    )


def _pronoun_persons(
    sent: Sentence,
    at: int,
    lo: int,
    outside: Sequence[Mention],
    before: Sequence[Mention],
    cues: LanguageCues,
    previous_start: int = -1,
    across: bool = False,
) -> list[Mention]:
    """Persons the subject pronoun at ``at`` stands for: "sie" the persons named
    earlier in the sentence as subjects (not after a preposition), "er" the last such
    person, in this sentence or the one before. With ``across`` (a meeting: its sides
    are the persons) a "sie" opening a sentence is the persons of the sentence before."""
    plural = sent.words[sent.index_of(at)] in _PLURAL
    named = [
        m
        for m in outside
        if m.start < lo and m.type == "person" and not _genitive(m)
        and not _after(sent, m, cues.prepositions)
        and not _after_titles(sent, m, cues.prepositions)
    ]  # fmt: skip
    if not named and not plural:
        named = [m for m in before if m.type == "person" and not _genitive(m)]
        # the subject of the sentence just before: news names it first ("Driscoll, a
        # friend of Vance, … when he presented the plan to Zelensky. On Sunday he …")
        last = [m for m in named if m.start >= previous_start >= 0]
        named = last[:1] or named
    if plural and not named and across:
        # "Den Weg hatten Witkoff und Kushner geebnet. Nachts sprachen sie mit Putin":
        # the persons the sentence just before names
        named = plural_antecedents(before, previous_start, _genitive)
    if plural:
        return named if len(named) >= 2 else []
    return named[-1:]


def _group(sent: Sentence, lo: int, hi: int) -> tuple[int, int] | None:
    """Offset and size of a group named by its number in the clause ("die drei",
    "the two", "beide"). "die beiden Berater Uschakow und Dmitrijew" names its members
    itself and "beide Seiten" means states: a number before a noun is no group."""
    words = sent.words
    if _GROUP_WORDS.isdisjoint(words):
        return None
    for i, (w, o) in enumerate(zip(words, sent.offsets, strict=True)):
        if not lo <= o < hi:
            continue
        after_article = i > 0 and words[i - 1] in _GROUP_ARTICLES
        n = (_GROUP_NUMBERS_AFTER_ARTICLE if after_article else _GROUP_NUMBERS).get(w)
        if n is None:
            continue
        nxt = sent.text[sent.char_of(i + 1) - sent.start] if i + 1 < len(words) else "."
        if nxt.isupper() or (nxt.isalpha() and words[i + 1] not in _GROUP_FOLLOWERS):
            continue
        return o, n
    return None


def _last_persons(mentions: Sequence[Mention], n: int) -> list[Mention]:
    """The last ``n`` distinct persons named, a possessor ("Trumps Schwiegersohn") aside."""
    found: dict[str, Mention] = {}
    for m in reversed(mentions):
        if m.type == "person" and not _genitive(m) and m.actor not in found:
            found[m.actor] = m
            if len(found) == n:
                break
    return list(reversed(found.values()))


# Words that make a meeting a wish or a condition, not an event.
_UNREAL = frozenset(
    {"bereit", "wenn", "falls", "sofern", "ready", "willing", "prepared", "if", "unless"}
)
# Wishes and hopes: "wolle er mit Trump sprechen", "hoped to speak to Putin", "looked
# forward to meeting Zelensky" (the modal "will" is also English future). With a day
# named ("er wolle am Freitag mit Selenskyj sprechen") the wish is a plan.
_WISH = frozenset(
    {"wolle", "wollten", "möchte", "möchten", "hofft", "hoffe", "hoffen", "hoffte"}
    | {"hope", "hopes", "hoped", "hoping", "forward", "wants", "wanted", "wish", "wishes"}
)


def _denied(sent: Sentence, hit, lo: int, hi: int, negations: frozenset[str]) -> bool:
    """A negation in the cue's clause ("kein Treffen", "nicht geplant", "did not meet").
    A contrastive conjunction between them opens another predicate: in "held talks
    with X but did not join the negotiations" the talks took place."""
    words = sent.words
    a, b = _tokens_in(sent, lo, hi)
    if negations.isdisjoint(words[a:b]):  # most clauses negate nothing
        return False
    return any(
        words[i] in negations
        and not without_result(words, i)
        and not _CONTRAST.intersection(words[min(i, hit.first) : max(i, hit.last)])
        for i in range(a, b)
    )


_CONTRAST = frozenset({"but", "aber", "sondern", "doch", "jedoch", "yet"})


# Words that make an agreement, exchange or delivery possible, failed or planned, not done.
_NOT_DONE = frozenset(
    {"könnte", "könnten", "könne", "würde", "würden", "sollen", "sollten", "gescheitert"}
    | {"scheiterte", "scheiterten", "could", "would", "might", "failed", "fail", "hope"}
)
# Aid paused or cut is a sanction, not aid; aid whose pause is lifted flows again.
_CUT = frozenset(
    {"pause", "paused", "halt", "halted", "cut", "cuts", "suspended", "froze", "frozen"}
    | {"stop", "stopped", "gestoppt", "ausgesetzt", "eingefroren", "stoppte", "kürzte"}
)
_RESUMED = frozenset(
    {"lift", "lifted", "lifts", "resume", "resumed", "resumes", "restored", "restore"}
    | {"aufgehoben", "hob", "wieder", "aufgenommen"}
)

# Word stems of what is agreed on or given: a treaty, a ceasefire, aid, arms.
_OBJECTS = {
    "AGREE": (
        "agree", "deal", "accord", "treaty", "memorand", "ceasefire", "truce", "pact",
        "abkommen", "vereinbar", "vertrag", "einigung", "waffenruhe", "waffenstillstand",
        "austausch", "exchange", "swap", "plan",
    ),
    "AID": (
        "aid", "weapon", "arms", "munition", "missile", "tank", "hilfe", "waffe", "rakete",
        "panzer", "patriot", "luftabwehr",
    ),
}  # fmt: skip


def _fact(sent: Sentence, cues: LanguageCues, hit: CueHit, lo: int, hi: int) -> bool:
    """Does an agreement, exchange or aid cue report a fact? Its words stand in one
    clause ("einigten sich am Montag auf", not "agreed that … to"); nothing in the
    clause negates it, wishes it, makes it possible or conditional ("könnten sich
    einigen", "no deal was reached", "would agree if"); an agreement is not an
    opinion ("agreed that the situation was difficult"); aid is not cut ("paused
    military aid") unless the cut is lifted."""
    if sent.offsets[hit.last] >= hi:
        return False
    if hit.label[0] == "ASSAULT":
        # an attack with weapons, not in words, and done; what the clause tells after
        # the attack is its toll ("…, Hunderttausende Haushalte waren ohne Strom")
        done = sent.offsets[hit.last] + len(sent.words[hit.last])
        if _denied(sent, hit, lo, done, cues.negations):
            return False
        undone = _UNREAL | _WISH | _NOT_DONE | _CUT | UNDONE
        return not _denied(sent, hit, lo, hi, undone) and armed(sent, hit, lo, hi, cues.weapons)
    if _denied(sent, hit, lo, hi, cues.negations | _UNREAL | _WISH | _NOT_DONE):
        return False
    nxt = sent.words[hit.last + 1] if hit.last + 1 < len(sent.words) else ""
    if hit.label[0] == "AGREE" and (nxt in _COMPLEMENTISERS or nxt in {"dass", "mit", "with"}):
        return False
    clause = {w for w, o in zip(sent.words, sent.offsets, strict=True) if lo <= o < hi}
    if hit.label[0] == "AID" and clause & _CUT and not clause & _RESUMED:
        return False
    # "signed the order", "delivered the plan": a one-word cue needs a treaty or arms in
    # its clause as its object ("agreed to", "sagte Militärhilfe zu" name theirs)
    # an aid noun names its own ("Militärhilfe"); "agreed" alone does not
    needs = _OBJECTS.get(hit.label[0], ()) if hit.first == hit.last else ()
    if hit.label[0] == "AGREE":
        clause.discard(sent.words[hit.first])
    return not needs or any(stem in w for w in clause for stem in needs)


def _ends_phrase(word: str) -> bool:
    return word in _PHRASE_END or word in _CLAUSE_BREAKS or word in _BRACKETS


def _list_end(sent: Sentence, j: int) -> int:
    """Index of the word ending a "mit"/"with" phrase that starts at ``j``. A comma
    before a capitalised word continues a list of names ("mit Witkoff, Kushner und
    Rubio", "with German Chancellor Friedrich Merz, French President Emmanuel Macron
    and …"); anything else that ends a phrase ends it."""
    n = len(sent.words)
    while j < n and not _ends_phrase(sent.words[j]):
        j += 1
    while (
        j + 1 < n and sent.words[j] == "," and sent.text[sent.offsets[j + 1] - sent.start].isupper()
    ):
        j += 1
        while j < n and not _ends_phrase(sent.words[j]):
            j += 1
    return j


_POSSESSIVE = frozenset(
    {"sein", "seine", "seinem", "seinen", "seines", "ihr", "ihre", "ihrem", "his", "her"}
)
_DEFINITE = frozenset(
    {"dem", "den", "das", "des", "die", "diesem", "diesen", "dieses", "diese", "the", "that"}
)
_NOT_TARGET = _NOT_PARTY - {"gegen", "against"}
# Verbs of handing a text over in person ("handed the plan to Zelensky", "übergab
# Selenskyj den Plan"): the recipient takes part, and the handover is a meeting.
_HANDOVER = frozenset({"handed", "presented", "übergab", "übergeben", "überreichte", "überreicht"})


# Prepositions that name the target of one event type: "sanctions on Russia",
# "presented the plan to Zelensky".
_TARGET_PREPOSITIONS = {
    "SANCTION": frozenset({"on"}),
    "PROPOSE": frozenset({"to"}),
    "AID": frozenset({"to", "for", "für"}),  # "pledged aid to Kyiv": the recipient
}


@cache
def _not_target(etype: str) -> frozenset[str]:
    """Prepositions whose names are not a participant of an event of this type."""
    return _NOT_TARGET - _TARGET_PREPOSITIONS.get(etype, frozenset())


def _hands_document(
    sent: Sentence,
    hit: CueHit,
    clause: tuple[int, int],
    document_nouns: frozenset[str],
    mentions: Sequence[Mention],
) -> bool:
    """Does the handover clause hand over a text (a document noun or a named plan)?"""
    lo, hi = clause
    if any(m.type == "document" and lo <= m.start < hi for m in mentions):
        return True
    return any(
        lo <= o < hi
        and (w in document_nouns or w.endswith(tuple(n for n in document_nouns if len(n) > 4)))
        for w, o in zip(sent.words, sent.offsets, strict=True)
    )


def _handed_to_person(draft: Draft, mentions: Sequence[Mention]) -> bool:
    persons = {m.actor for m in mentions if m.type == "person"}
    return any(a in persons for a in draft.event.target_actors)


def _meeting_of(draft: Draft) -> Draft:
    """The meeting a handover in person implies: same sides, day and place."""
    ev = draft.event
    meeting = _copy(ev)
    meeting.type, meeting.mode = "CONSULT", "meet"
    return Draft(meeting, draft.approximate)


# Every field of an event, in the order its constructor takes them.
_EVENT_VALUES = attrgetter(*(f.name for f in fields(Event)))


def _copy(ev: Event) -> Event:
    """An event with its own participant lists (merging extends them in place).
    Built from its fields read at once: ``dataclasses.replace`` costs four times as
    much, and merging copies every event."""
    copy = Event(*_EVENT_VALUES(ev))
    copy.target_actors = list(ev.target_actors)
    copy.participants = list(ev.participants)
    return copy


def _between_spans(sent: Sentence) -> list[tuple[int, int]]:
    """Character spans of every "zwischen A und B" phrase in the sentence."""
    spans: list[tuple[int, int]] = []
    if _BETWEEN.isdisjoint(sent.words):  # most sentences have none
        return spans
    n = len(sent.words)
    for i, w in enumerate(sent.words):
        if w in _BETWEEN:
            j = i + 1
            while j < n and not _ends_phrase(sent.words[j]):
                j += 1
            spans.append((sent.offsets[i], sent.offsets[j] if j < n else sent.end))
    return spans


class _Facts(NamedTuple):
    """What the participant rules ask of a mention, whatever the cue: each draft of a
    sentence filters the same mentions, so these are settled once per sentence."""

    modifier: bool  # see _modifier
    genitive: bool  # see _genitive
    attribute: bool  # see _attribute
    before: str | None  # the word right before it
    # the preposition before an article or a title right before it ("gegen Präsident
    # Putin"); None when that word is no preposition or the one between no such thing
    # (see _after)
    before_title: str | None


class _FactsOf(dict[int, _Facts]):
    """The :class:`_Facts` of a sentence's mentions by their index, each found when a
    draft first asks (most drafts look only at the names of their own clause)."""

    def __init__(self, sent: Sentence, mentions: Sequence[Mention]) -> None:
        super().__init__()
        self.sent = sent
        self.mentions = mentions
        self.places = [m for m in mentions if m.type == "place"]  # as _after reads them

    def __missing__(self, k: int) -> _Facts:
        sent, m = self.sent, self.mentions[k]
        try:
            i = sent.index_of(m.start)
        except ValueError:
            i = -1
        words = sent.words
        before = words[i - 1] if i >= 1 else None
        # drafts ask only about prepositions, all of them in _NOT_PARTY
        title = (
            words[i - 2]
            if i >= 2 and words[i - 2] in _NOT_PARTY and _title_between(sent, i - 1, self.places)
            else None
        )
        facts = _Facts(_modifier(sent, m), _genitive(m), _attribute(sent, i), before, title)
        self[k] = facts
        return facts


def _attribute(sent: Sentence, i: int) -> bool:
    """Is the mention starting at token ``i`` (-1: at none) a genitive attribute, "die
    Mitgliedschaft der Ukraine" (article after a noun)?"""
    if i < 0:
        return False
    if sent.words[i] in ("der", "des"):  # the mention includes its article: "der Ukraine"
        i += 1
    if i < 2 or sent.words[i - 1] not in ("der", "des"):
        return False
    noun_at = sent.offsets[i - 2] - sent.start
    return sent.text[noun_at].isupper() and sent.words[i - 2].isalpha()


def _owns_document(sent: Sentence, m: Mention, document_nouns: frozenset[str]) -> bool:
    """A possessor right before a proposal noun made the proposal: "lehnte Witkoffs
    Vorschlag ab", "rejected Witkoff's plan" reject that person's text. (A genitive
    after the noun, "den Vorschlag der Ukraine", is an attribute and stays out.)"""
    following = [w for w, o in zip(sent.words, sent.offsets, strict=True) if o >= m.end]
    following = [w for w in following if w not in ("'s", "’s", "'", "’")]
    return bool(following) and following[0].lower() in document_nouns


def _genitive(m: Mention) -> bool:
    """ "Vertrauten Putins", "Witkoffs Treffen": a possessor, not a participant."""
    if m.type != "person" or not m.name:
        return False
    last = m.name.split()[-1]
    surface = m.surface.split()[-1]
    return surface != last and surface.rstrip("s'’") == last.rstrip("s")


def _after_with(sent: Sentence, m: Mention) -> bool:
    """Is the name right after "mit"/"with" ("sharing with Kyiv")?"""
    i = _token_at(sent, m.start)
    return i > 0 and sent.words[i - 1] in _WITH


def _possessor(m: Mention) -> bool:
    """A person or state named as an owner ("Putins Berater", "Ukraine's grid")."""
    return _genitive(m) or m.surface.endswith(("'s", "’s"))


_CALENDAR = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
    | {"montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag"}
    | {"january", "february", "march", "april", "may", "june", "july", "august"}
    | {"september", "october", "november", "december", "januar", "februar", "märz"}
    | {"mai", "juni", "juli", "oktober", "dezember"}
)


def _after(
    sent: Sentence, m: Mention, words: frozenset[str], places: Sequence[Mention] = ()
) -> bool:
    """Is the mention right after one of ``words``, or after it and an article or a
    title ("in der Ukraine", "gegen Präsident Putin")? A verb between ("to meet Putin")
    makes the name its object, and so does a place the preposition governs ("traf in
    Moskau Putin": Putin is met, not a title of Moscow's)."""
    try:
        i = sent.index_of(m.start)
    except ValueError:
        return False
    if i >= 1 and sent.words[i - 1] in words:
        return True
    return i >= 2 and sent.words[i - 2] in words and _title_between(sent, i - 1, places)


def _title_between(sent: Sentence, j: int, places: Sequence[Mention]) -> bool:
    """Can token ``j`` stand between a preposition and a name as an article or a title
    ("gegen Präsident Putin")? Not a place ("traf in Moskau Putin") nor a day."""
    between = sent.words[j]
    if any(p.start == sent.offsets[j] for p in places):
        return False
    if between in _CALENDAR:  # "On Wednesday Zelensky and Trump spoke": a date, not a title
        return False
    return (
        between in _ARTICLES
        or between in _DEFINITE
        or sent.text[sent.offsets[j] - sent.start].isupper()
    )


def _after_titles(sent: Sentence, m: Mention, words: frozenset[str]) -> bool:
    """Is the mention after one of ``words`` and capitalised titles only ("a friend of
    Vice President JD Vance")?"""
    try:
        i = sent.index_of(m.start)
    except ValueError:
        return False
    for j in range(i - 1, max(-1, i - 5), -1):
        if sent.words[j] in words:
            return j < i - 1
        if not sent.text[sent.offsets[j] - sent.start].isupper():
            return False
    return False


def _with(sent: Sentence, hit, mentions: Sequence[Mention]) -> list[Mention]:
    """ "Treffen mit Putin", "traf sich mit Umerow": who is met, and the nearest actor
    before the cue as the one meeting them ("schickte Witkoff zu einem Treffen mit Putin")."""
    n = len(sent.words)
    for i in range(hit.last + 1, min(n, hit.last + 4)):
        if sent.words[i] in _WITH:
            j = _list_end(sent, i + 1)
            lo = sent.offsets[i]
            hi = sent.offsets[j] if j < n else sent.end
            met = [m for m in mentions if lo <= m.start < hi]
            cue_at = sent.offsets[hit.first]
            before = [m for m in mentions if m.start < cue_at and m.type != "place"]
            if not before:  # "Am Dienstag traf sich Witkoff mit Putin": subject after the verb
                before = [m for m in mentions if cue_at < m.start < lo and m.type != "place"]
            return [*before[-1:], *met] if met else []
    return []


def _modifier(sent: Sentence, m: Mention) -> bool:
    """A name glued to a noun by a hyphen ("Putin-Berater", "Ukraine-Krieg")."""
    at = m.end - sent.start
    return at < len(sent.text) - 1 and sent.text[at] == "-" and sent.text[at + 1].isalpha()


def _participants(actors: Sequence[Mention], party: Callable[[str], str]) -> list[str]:
    return _participants_ids(list(dict.fromkeys(m.actor for m in actors)), party)


def _participants_ids(ids: list[str], party: Callable[[str], str]) -> list[str]:
    represented = {p for a in ids if (p := party(a)) != a}
    return [a for a in ids if a not in represented]


# "am Donnerstag nach einem Telefonat": a meeting noun right after a day and "nach"
# happened that day, just before what the clause tells.
_AFTER_DAY = frozenset({"nach", "after"})


def _attached(
    sent: Sentence, dates: Sequence[DateMention], hit, cues_prepositions: frozenset[str]
) -> list[DateMention]:
    """Dates that can belong to the cue. A verb takes any date of its sentence; a noun
    ("Treffen", "Telefonat") only dates after it or an attribute right before it ("das
    am Dienstag stattfindende Telefonat"), not one across a preposition ("am Mittwoch
    zu einem Treffen geschickt": the sending was on Wednesday)."""
    cue_at = sent.offsets[hit.first]
    if not sent.text[cue_at - sent.start].isupper():
        return list(dates)
    out = []
    for d in dates:
        if d.start >= cue_at:
            out.append(d)
            continue
        between = sent.words[slice(*_tokens_in(sent, d.end, cue_at))]
        if between[:1] and between[0] in _AFTER_DAY:
            # "kündigte es am Donnerstag nach einem Telefonat mit Putin an": the call
            # that came just before is dated by that day
            between = between[1:]
        if not any(w in cues_prepositions for w in between):
            out.append(d)
    return out


def _nearest(dates: Sequence[DateMention], pos: int, hit_is_noun: bool) -> DateMention | None:
    """The date closest to the cue; after a noun cue ("Telefonat vom 14. Oktober") the
    words that follow it are its attributes, so earlier dates count double distance."""
    if not dates:
        return None

    def cost(d: DateMention) -> tuple[bool, int]:
        dist = abs(d.start - pos)
        if hit_is_noun and d.start < pos:
            dist *= 2
        return (d.date is None, dist)

    exact = [d for d in dates if d.date is not None and not d.approximate]
    # "last week, when he presented the plan … on Thursday": a day beats a stretch
    return min(exact or dates, key=cost)


def _place(places: Sequence[Mention], sent: Sentence) -> str | None:
    """The place the sentence puts the event in: one after "in"/"im", else the first."""
    for m in places:
        before = sent.text[max(0, m.start - sent.start - 4) : m.start - sent.start].lower()
        if before.rstrip().endswith(("in", "im", "at")):
            return m.actor
    return places[0].actor if places else None


def merge_events(drafts: Sequence[Draft], party: Callable[[str], str]) -> list[Event]:
    """One event per real-world event: fold repeated reports within an article.

    Two reports are the same event when the type agrees (phone calls only with
    phone calls), dates and places do not contradict (a range such as "Mitte
    Oktober" admits any day near it) and their participants agree: two shared,
    or one report's participants all among the other's. A report joins the
    event it shares most participants with. The merged
    event keeps the first report's span, the union of participants and the
    most precise date. A CONSULT still with fewer than two participants is
    dropped: a meeting needs two sides.
    """
    merged: list[Draft] = []
    # Only reports of one kind can be one event (see _compatible), and a fold keeps an
    # event's kind: each report is compared with the events of its kind alone.
    of_kind: dict[tuple[str, str | None], list[Draft]] = {}
    for draft in drafts:
        kind = _kind(draft.event)
        candidates = of_kind.get(kind, ())
        matches = [
            t
            for t in candidates
            if not draft.new
            and _same(t, draft, party)
            # an aside ("eine Stadtführung") takes no one new: "ehe sie Putin trafen"
            and (t.reports or set(draft.event.participants) <= set(t.event.participants))
        ]
        if (
            not matches
            and draft.definite
            and (len(draft.event.participants) < 2 or not draft.point)
        ):
            # "An dem Treffen nahm auch Uschakow teil": the meeting just reported.
            # the story's main meeting (most reported, then the latest) unless a nearer
            # one shares a participant
            earlier = [t for t in candidates if t.reports and _compatible(t, draft)]
            matches = earlier and [max(earlier, key=lambda t: t.reports)]
        if matches:
            best = max(
                matches,
                key=lambda t: (
                    # how much of the report the event explains, then the reverse
                    _overlap(draft.event.participants, t.event.participants, party),
                    bool(t.event.place and t.event.place == draft.event.place),
                    _overlap(t.event.participants, draft.event.participants, party),
                ),
            )
            _fold(best, draft)
            best.reports += 1
        else:
            ev = draft.event
            copy = _copy(ev)
            # an aside ("eine Stadtführung") is not what later "the talks" refer to
            fresh = Draft(copy, draft.approximate, reports=0 if draft.new else 1)
            merged.append(fresh)
            of_kind.setdefault(kind, []).append(fresh)
    out = []
    for d in merged:
        ev = d.event
        kept = _participants_ids(ev.participants, party)
        if len(kept) < _fewest(ev):
            continue
        if d.approximate:  # "Mitte Oktober", "Anfang Woche": written, but no day
            ev.date = None
        ev.participants = kept
        ev.target_actors = [a for a in ev.target_actors if a in kept]
        if ev.source_actor not in kept:
            ev.source_actor = kept[0] if kept else None
        out.append(ev)
    return out


# Calls and summits are never the same event as a meeting of a few.
_OWN_KIND = ("phone", "multilateral")


def _kind(ev: Event) -> tuple[str, str | None]:
    """What two reports of one event share: the type, and being a call or a summit or
    neither. Folding keeps it (a call folds only into a call)."""
    return ev.type, ev.mode if ev.mode in _OWN_KIND else None


def _fewest(ev: Event) -> int:
    """Participants an event needs; a summit of one organisation ("Treffen der
    Nato-Außenminister") is named by that organisation alone."""
    return 1 if ev.mode == "multilateral" else EXTRACTED_TYPES.get(ev.type, 1)


def _dates_agree(a: Draft, b: Draft) -> bool:
    da, db = a.event.date, b.event.date
    if da is None or db is None or da == db:
        return True
    if a.approximate or b.approximate:
        from datetime import date

        return abs((date.fromisoformat(da) - date.fromisoformat(db)).days) <= 10
    return False


def _overlap(a: Sequence[str], b: Sequence[str], party: Callable[[str], str]) -> int:
    """Participants of ``a`` found in ``b``, a person matching the state it acts for
    ("Rubio" in one report, "die USA" in another)."""

    own = set(b)
    parties = {party(y) for y in b}
    # a state of ``a`` whose own person matched already counts once: "die USA, Witkoff"
    # share one side with "Witkoff", not two
    named = {party(x) for x in a if x in own and party(x) != x}
    found = 0
    for x in a:  # a loop: merging asks this of every pair of reports
        if x in own or (x in parties and x not in named) or party(x) in own:
            found += 1
    return found


def _compatible(a: Draft, b: Draft) -> bool:
    """Same type (calls apart from meetings), no contradicting date or place."""
    return _kind(a.event) == _kind(b.event) and _agree(a, b)


def _agree(a: Draft, b: Draft) -> bool:
    """No contradicting date or place."""
    ea, eb = a.event, b.event
    if not _dates_agree(a, b):
        return False
    return not (ea.place and eb.place and ea.place != eb.place)


def _same(a: Draft, b: Draft, party: Callable[[str], str]) -> bool:
    """Do two reports of one kind (see _kind) tell the same event?"""
    ea, eb = a.event, b.event
    if not _agree(a, b):
        return False
    pa, pb = ea.participants, eb.participants
    if min(len(pa), len(pb)) == 1 and not b.definite and not set(pa) & set(pb):
        return False  # one name alone matches only itself, not the state it acts for
    shared = _overlap(pa, pb, party)
    if shared >= 2:
        return True
    if shared < 1:
        return False
    back = _overlap(pb, pa, party)
    return shared >= min(len(pa), len(pb), back) and (shared == len(pa) or back == len(pb))


def _fold(target: Draft, draft: Draft) -> None:
    t, ev = target.event, draft.event
    for p in ev.participants:
        if p not in t.participants:
            t.participants.append(p)
            t.target_actors.append(p)
    if ev.date is not None and (t.date is None or (target.approximate and not draft.approximate)):
        t.date, t.date_text = ev.date, ev.date_text
        target.approximate = draft.approximate
    if t.place is None:
        t.place = ev.place
    if _MODE_RANK.get(ev.mode, 5) < _MODE_RANK.get(t.mode, 5):
        t.mode = ev.mode
