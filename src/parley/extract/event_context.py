"""Events across sentence boundaries: what one sentence adds to a meeting reported before.

News names a meeting in one sentence and who else was in the room in the next ("Also at
the table were Ushakov and Dmitriev", "An dem Treffen nahm auch Dmitrijew teil", "Kushner
saß mit am Tisch"). Such a sentence reports no meeting of its own: its persons join the
meeting just reported (:func:`join_meeting`). Likewise a day told before or in the lead
dates "at the end of the day" (:func:`same_day`) and undated talks at the dateline place
(:func:`date_by_dateline`); "eine weitere Runde" is another meeting of the same sides
(:func:`next_round`). These run in the pipeline once a sentence's own drafts are known.

The sentence-level helpers :mod:`parley.extract.events` asks for live here too, kept
apart from its clause reading: sides named by number (:func:`sides_named`), meetings
made conditional or open (:func:`conditional`), days inside a condition
(:func:`in_condition`), "ohne Ergebnis" (:func:`without_result`), plural pronouns opening
a sentence (:func:`plural_antecedents`), appositions before an auxiliary
(:func:`opens_with_auxiliary`) and places inside attributive participles
(:func:`attributive_place`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from parley.extract.records import Event, Mention
from parley.extract.sentences import Sentence

if TYPE_CHECKING:
    from parley.extract.dates import DateMention
    from parley.extract.events import Draft

# Presence at a meeting already reported, in both languages. Each pattern names the
# presence itself, never the meeting: "took part in talks in Geneva" (a meeting named in
# the same sentence) is read by the sentence's own cue and is left alone by the caller.
# Who made up a delegation or sat at the table is listed as such:
_LISTING = {
    "en": re.compile(
        r"\bat the table (?:was|were)\b|\b(?:was|were|sat) (?:also )?at the table\b"
        r"|\bamong (?:them|those present|the participants|the attendees) (?:was|were)\b"
        r"|\b(?:was|were) represented by\b"
        r"|\b(?:delegation|team|side)\b[^.]*\b(?:led|headed) by\b"
    ),
    "de": re.compile(
        r"\b(?:saß|saßen)\b.*\b(?:am|an einem) (?:kopf des )?tisch(?:es)?\b"
        r"|\bam tisch (?:saß|saßen)\b"
        r"|\bzu (?:ihr|ihm|ihnen)\b[^.]*\bgehörten\b|\bdelegation\b[^.]*\bgehörten\b"
        r"|\bgehörten\b[^.]*\bdelegation\b"
        r"|\b(?:angeführt|geleitet) (?:von|vom)\b"
        r"|\b(?:seite|delegation)\b.*\b(?:vertraten|vertrat|leitete|leiteten|führte)\b"
        r"|\b(?:vertraten|vertrat|leitete|leiteten|führte)\b.*\b(?:seite|delegation)\b"
    ),
}
# Taking part is told of many meetings ("nahm erstmals an so einem Gespräch teil"); it
# adds to the one just reported when a particle says so ("nahm auch … teil", "was also
# present", "waren ebenfalls dabei").
_PRESENCE = {
    "en": re.compile(
        r"\b(?:present|in attendance|in the room|on hand|attended|took part|participated)\b"
        r"|\bjoined (?:him|her|them|the talks|the meeting)\b"
    ),
    "de": re.compile(
        r"\bnahm(?:en)?\b.*\bteil\b|\bteilgenommen\b|\banwesend\b"
        r"|\b(?:war|waren|ist|sind)\b.*\bdabei\b|\bdabei (?:war|waren)\b"
    ),
}
# A word every presence phrase above holds: most sentences have none.
_ATTEND_WORDS = frozenset(
    {"table", "among", "represented", "led", "headed", "present", "attendance", "room"}
    | {"hand", "attended", "took", "participated", "joined", "tisch", "tisches", "gehörten"}
    | {"angeführt", "geleitet", "vertraten", "vertrat", "leitete", "leiteten", "führte"}
    | {"nahm", "nahmen", "teilgenommen", "anwesend", "dabei"}
)
_ADDITIVE = {
    "en": re.compile(r"\b(?:also|too|as well)\b"),
    "de": re.compile(r"\b(?:auch|ebenfalls|zudem|außerdem)\b"),
}


def attends(text: str, lang: str) -> bool:
    """Does the sentence (its quotations blanked) report someone's presence at a
    meeting ("saß mit am Tisch", "Among them were …", "An dem Treffen nahm auch X teil",
    "Washington was represented by …")?"""
    if lang not in _LISTING:
        return False
    low = text.lower()
    if _LISTING[lang].search(low):
        return True
    return bool(_PRESENCE[lang].search(low) and _ADDITIVE[lang].search(low))


def join_meeting(
    sent: Sentence,
    lang: str,
    earlier: Sequence[Draft],
    own: list[Draft],
    mentions: Sequence[Mention],
    quoted: Sequence[tuple[int, int]],
) -> list[Draft]:
    """The sentence's drafts once the members it lists have joined its own meeting and
    its attendees the meeting reported last.

    Members listed in a sentence with a meeting of its own ("led by A and including B",
    "angeführt von A", "with X on the line") join that meeting. When the sentence
    reports presence (:func:`attends`) and no meeting of its own (no
    draft naming two sides that is not "an dem Treffen", the meeting already known), its
    persons (outside quotations, no possessor: "Trumps Schwiegersohn Kushner" brings
    Kushner) join the last meeting drafted before it (not a call: nobody sits at the
    table of a call; one with both sides named already). The sentence's own "an dem
    Treffen" drafts stay: merging folds them into that meeting, now that it names them.
    """
    meetings = [d for d in own if d.event.type == "CONSULT"]
    theirs = [d for d in meetings if d.event.participants and not d.definite]
    if not theirs and (_ATTEND_WORDS.isdisjoint(sent.words) or not attends(sent.text, lang)):
        return own  # most sentences: nothing to do
    if (
        theirs
        and _MEMBER_WORDS.isdisjoint(sent.words)
        and (
            _ATTEND_WORDS.isdisjoint(sent.words)
            or any(len(d.event.participants) >= 2 for d in theirs)
        )
    ):
        return own  # a meeting of its own, with no members listed and no one joining
    from parley.extract.events import _genitive  # events imports this module

    persons = [
        m
        for m in mentions
        if m.type == "person" and not _genitive(m) and not any(s <= m.start < e for s, e in quoted)
    ]
    text = sent.text
    for s, e in quoted:  # "Wir waren auch dabei", quoted, is no report of presence
        lo, hi = max(s, sent.start) - sent.start, min(e, sent.end) - sent.start
        if lo < hi:
            text = text[:lo] + " " * (hi - lo) + text[hi:]
    if theirs:
        # "The U.S. delegation, led by Rubio and including Witkoff, met a team headed by
        # Yermak": the delegations' members named in the sentence take part in its
        # meeting; "with several European leaders on the line": parties join a call
        lists = _member_lists(text, lang)
        members = []
        for m in mentions if lists else ():
            at = m.start - sent.start
            phrase = next((p for lo, hi, p in lists if lo <= at < hi), None)
            if phrase and (m in persons or (phrase in _ON_CALL and m.type in _PARTIES)):
                members.append(m)
        _add(theirs[0].event, members)
    if not persons or any(len(d.event.participants) >= 2 for d in theirs):
        return own
    if not attends(text, lang):
        return own
    target = next(
        (d for d in reversed(earlier)
         if d.event.type == "CONSULT" and d.event.mode != "phone" and not d.new
         and len(d.event.participants) >= 2),
        None,
    )  # fmt: skip
    if target is None:
        return own
    _add(target.event, persons)
    return own


def _add(ev: Event, persons: Sequence[Mention]) -> None:
    for m in persons:
        if m.actor not in ev.participants:
            ev.participants.append(m.actor)
            ev.target_actors.append(m.actor)


# Phrases listing a delegation's members ("led by", "including", "angeführt von",
# "with several European leaders on the line"); a list runs to a comma before a lower-case
# word, a semicolon or the sentence's end.
_MEMBERS = {
    "en": re.compile(r"\b(?:led by|headed by|including|accompanied by|joined by|with)\b"),
    "de": re.compile(
        r"\b(?:angeführt von|angeführt vom|geleitet von|darunter|begleitet von|waren auch)\b"
    ),
}
# A word every members phrase above holds (a sentence with none lists no members).
_MEMBER_WORDS = frozenset(
    {"led", "headed", "including", "accompanied", "joined", "with"}
    | {"angeführt", "geleitet", "darunter", "begleitet", "waren"}
)
_MEMBERS_END = re.compile(r",\s+(?=[a-zäöü])|;|:|\(|\)|\bon the line\b|\bzugeschaltet\b|$")


_ON_CALL = frozenset({"on the line", "zugeschaltet"})
_PARTIES = frozenset({"person", "state", "organization"})


def _member_lists(text: str, lang: str) -> list[tuple[int, int, str]]:
    """Spans of the sentence's members lists ("led by A and B") with the phrase that
    opens each. "with" counts only for a list closed by "on the line" (those joining a
    call), which then names the span."""
    pattern = _MEMBERS.get(lang)
    if pattern is None:
        return []
    low = text.lower()
    spans = []
    for found in pattern.finditer(low):
        end = _MEMBERS_END.search(low, found.end())
        stop = end.start() if end else len(text)
        on_call = bool(end) and end.group(0) in _ON_CALL
        if found.group(0) == "with" and not on_call:
            continue
        spans.append((found.end(), stop, end.group(0) if on_call else found.group(0)))
    return spans


# A negation of these only denies an outcome: "ohne greifbares Ergebnis zu Ende
# gegangen", "ended without a breakthrough" report talks that took place.
_WITHOUT = frozenset({"ohne", "without"})
_RESULTS = (
    "ergebnis",
    "durchbruch",
    "einigung",
    "fortschritt",
    "annäherung",
    "result",
    "breakthrough",
    "agreement",
    "deal",
    "progress",
    "outcome",
)


def without_result(words: Sequence[str], i: int) -> bool:
    """Is word ``i`` an "ohne"/"without" whose object (within three words) is a result?"""
    if words[i] not in _WITHOUT:
        return False
    return any(w.startswith(_RESULTS) for w in words[i + 1 : i + 4])


# "er werde sich mit Putin erst wieder treffen, wenn …", "would meet Putin only when …",
# "would meet him if …": a meeting promised for when a condition holds has not taken place.
# A plain "when"/"sobald" after a future only times it ("will meet him when he lands"),
# unless "only"/"erst" makes it a condition.
_IF = frozenset({"wenn", "falls", "sofern", "if", "unless"})
_ONLY_WHEN = _IF | {"sobald", "nachdem", "when", "once", "after"}
_ONLY = frozenset({"erst", "nur", "only"})
_FUTURE = frozenset(
    {"werde", "werden", "würde", "würden", "wird", "will", "would", "könnte", "könnten"}
    | {"could", "might", "'ll", "'d"}
)
_CLAUSE_END = frozenset({".", ";", ":", "and", "und", "but", "aber"})


def conditional(words: Sequence[str], first: int, last: int) -> bool:
    """Is the meeting cue at words ``first``..``last`` made conditional or open? In a
    "whether"/"ob" clause; or a future or conditional verb shortly before it, and within
    the next words (before the clause ends) "wenn"/"if"/"unless", or "when"/"sobald"
    after "erst"/"only"."""
    lead = words[max(0, first - 12) : first]
    if "whether" in lead or "ob" in lead:
        # "It was not clear whether the three sides met", "offen, ob sie sich trafen"
        at = max(i for i, w in enumerate(lead) if w in ("whether", "ob"))
        if _CLAUSE_END.isdisjoint(lead[at:]) and "," not in lead[at:]:
            return True
    if _FUTURE.isdisjoint(lead[-8:]):
        return False
    only = not _ONLY.isdisjoint(words[max(0, first - 4) : first])
    for k, w in enumerate(words[last + 1 : last + 8]):
        if w in _CLAUSE_END:
            return False
        if w in _IF or (w in _ONLY_WHEN and (only or words[last + k] in _ONLY)):
            return True
    return False


# Auxiliaries that open a predicate after an apposition: "Witkoff, a developer, was
# received by Putin", "Dmitrijew, der Chef des Fonds, hatte Witkoff getroffen".
_AUXILIARIES = frozenset(
    {"was", "were", "had", "has", "is", "wurde", "wurden", "hatte", "hatten", "hat", "ist"}
    | {"war", "waren"}
)


def opens_with_auxiliary(words: Sequence[str], first: int, cue: int) -> bool:
    """Does the clause at word ``first`` open with an auxiliary of the cue at ``cue``
    ("was received", "hatte … empfangen": the caller's clause holds both)?"""
    return words[first] in _AUXILIARIES and first < cue


def plural_antecedents(
    before: Sequence[Mention], previous_start: int, possessor: Callable[[Mention], bool]
) -> list[Mention]:
    """Persons a plural subject pronoun opening a sentence ("sprachen sie", "they met")
    stands for: the persons the sentence just before names (at least two, possessors
    aside: "Trumps Schwiegersohn" is Kushner), each once."""
    if previous_start < 0:
        return []
    found: dict[str, Mention] = {}
    for m in before:
        if m.start >= previous_start and m.type == "person" and not possessor(m):
            found.setdefault(m.actor, m)
    return list(found.values()) if len(found) >= 2 else []


# A participle used as an adjective: "ausgehandelten", "getroffenen", "verhandelte".
_PARTICIPLE = re.compile(r"[a-zäöüß]+(?:t|en)(?:e|en|em|er|es)")


def attributive_place(sent: Sentence, place: Mention, mentions: Sequence[Mention]) -> bool:
    """Does the place stand inside an attributive participle phrase ("die in Genf
    ausgehandelten Änderungen", "des in Florida verhandelten Plans")? It places the
    negotiation of a thing, not the event the sentence reports. A verb after the place
    ("in Genf verhandelten Witkoff und Umerow", "… verhandelten die Delegationen") is
    followed by its subject, a name or a lower-case article."""
    rest = sent.text[place.end - sent.start :].split()
    if len(rest) < 2 or not _PARTICIPLE.fullmatch(rest[0]):
        return False
    after = place.end + sent.text[place.end - sent.start :].index(rest[1])
    named = any(m.start == after for m in mentions)
    return not named and not rest[1][0].islower()


def in_condition(sent: Sentence, cue_last: int, pos: int) -> bool:
    """Is character ``pos`` inside a condition clause opened after the cue ("threatened
    tariffs if Friday passes without a truce", "drohte mit Zöllen, falls bis Freitag …")?
    Its day is when the condition is tested, not when the event happened."""
    for i in range(cue_last + 1, len(sent.words)):
        if sent.offsets[i] >= pos:
            return False
        if sent.words[i] in _IF:
            return True
        if sent.words[i] in {".", ";"}:
            return False
    return False


# "beide Seiten", "die Delegationen der drei Länder", "both delegations", "the two
# sides": the parties (states, organisations) just named, by their number.
_SIDE_NUMBERS = {"beide": 2, "beiden": 2, "zwei": 2, "drei": 3, "vier": 4}
_SIDE_NUMBERS |= {"both": 2, "two": 2, "three": 3, "four": 4}
_SIDES = re.compile(
    r"\b(beide|beiden|zwei|drei|vier|both|two|three|four)\s+"
    r"(?:seiten|delegationen|länder|staaten|regierungen|verhandlungsteams"
    r"|sides|delegations|countries|nations|governments|teams)\b"
)


# Prepositions before which the sides are what an event is about or from, not its parties.
_NOT_SIDES = frozenset(
    {"from", "of", "for", "about", "between", "on", "by", "von", "vom", "für", "über"}
    | {"zwischen", "aus", "gegen", "against"}
)


def sides_named(sent: Sentence, lo: int, hi: int) -> tuple[int, int] | None:
    """Offset and number of the sides a clause names by their number, if any."""
    if _SIDE_NUMBERS.keys().isdisjoint(sent.words):  # most sentences name no number
        return None
    clause = sent.text[lo - sent.start : hi - sent.start].lower()
    found = _SIDES.search(clause)
    if found is None:
        return None
    before = clause[: found.start()].split()[-2:]
    if before and before[-1] in {"die", "the", "der"}:
        before = before[:-1]
    if before and before[-1] in _NOT_SIDES:
        return None  # "with input from both sides": what they said, not who met
    return lo + found.start(), _SIDE_NUMBERS[found.group(1)]


def last_sides(
    mentions: Sequence[Mention],
    n: int,
    party: Callable[[str], str],
    besides: Sequence[Mention],
) -> list[Mention]:
    """The last ``n`` distinct parties named (a person standing for their state), other
    than those of ``besides`` (the host who receives "the delegations of the three
    countries" is none of them). Fewer than ``n`` found: none (the sides are unknown)."""
    own = {party(m.actor) for m in besides}
    found: dict[str, Mention] = {}
    for m in reversed(mentions):
        side = party(m.actor)
        if m.type in ("person", "state", "organization") and side not in own:
            found.setdefault(side, replace(m, actor=side, type="state"))
            if len(found) == n:
                return list(reversed(found.values()))
    return []


# Phrases setting an event on the day just told: "later that day", "am selben Abend";
# and on the story's day, the lead's: "At the end of the day they signed …", "Germany
# used the day to put forward a draft", "am Ende des Tages".
_SAME_DAY = {
    "en": re.compile(
        r"\b(?:later (?:that|the same) day|later that (?:evening|night)"
        r"|(?:on )?the same day|that (?:same )?(?:day|evening|afternoon|night))\b"
    ),
    "de": re.compile(
        r"\b(?:(?:noch )?am (?:selben|gleichen) (?:tag|abend)"
        r"|später am (?:tag|abend)|am abend desselben tages)\b"
    ),
}
_STORY_DAY = {
    "en": re.compile(r"\b(?:at the end of the day|(?:used|spent) the day)\b"),
    "de": re.compile(r"\b(?:am ende des tages|(?:nutzten|nutzte) den tag)\b"),
}


def same_day(
    sent: Sentence,
    lang: str,
    own: list[Draft],
    previous: Callable[[], Sequence[DateMention]],
    lead: Callable[[], Sequence[DateMention]],
) -> list[Draft]:
    """The sentence's drafts, those without a day dated by a same-day phrase: the
    latest day the sentences just before name, else the first day the article names
    (its lead); the lead's day for the story's day ("at the end of the day"). Dates are
    looked up only when the phrase is there."""
    undated = [d for d in own if d.event.date is None]
    if not undated or lang not in _SAME_DAY:
        return own
    low = sent.text.lower()
    story = _STORY_DAY[lang].search(low) is not None
    if not story and _SAME_DAY[lang].search(low) is None:
        return own
    before = [] if story else [d for d in previous() if d.date and not d.approximate]
    day = before[-1] if before else next(iter(lead()), None)
    if day is None:
        return own
    for d in undated:
        d.event.date, d.event.date_text = day.date, day.text
        d.approximate = False
    return own


# "Hours after the Kremlin talks, Trump signed …", "Kurz nach dem Treffen verhängte …":
# on the day of the talks the story is about.
_AFTER_TALKS = {
    "en": re.compile(
        r"\b(?:hours|minutes|shortly|just|soon) (?:after|before) the (?:[\w-]+ )?"
        r"(?:talks|meeting|summit|call)\b"
    ),
    "de": re.compile(
        r"\b(?:stunden|minuten|kurz|unmittelbar) (?:nach|vor) (?:dem|den|der) (?:[\w-]+ )?"
        r"(?:gespräch|gesprächen|treffen|gipfel|telefonat|verhandlungen)\b"
    ),
}


def after_talks(
    sent: Sentence,
    lang: str,
    earlier: Sequence[Draft],
    own: list[Draft],
    mentions: Sequence[Mention],
) -> list[Draft]:
    """The sentence's drafts, those without a day set on the day of the talks the story
    is about (of the dated meetings drafted so far, the one with most participants) when
    the sentence places them hours after or before those talks. Who is named only in
    that phrase ("the Kremlin talks") takes no part in what followed them."""
    undated = [d for d in own if d.event.date is None]
    pattern = _AFTER_TALKS.get(lang)
    found = pattern.search(sent.text.lower()) if undated and pattern else None
    if found is None:
        return own
    lo, hi = sent.start + found.start(), sent.start + found.end()
    inside = {m.actor for m in mentions if lo <= m.start < hi}
    inside -= {m.actor for m in mentions if not lo <= m.start < hi}
    for d in undated:
        ev = d.event
        if ev.type != "CONSULT" and inside & set(ev.participants):
            ev.participants = [p for p in ev.participants if p not in inside]
            ev.target_actors = [p for p in ev.target_actors if p not in inside]
            if ev.source_actor in inside:
                ev.source_actor = ev.participants[0] if ev.participants else None
    dated = [
        d for d in earlier
        if d.event.type == "CONSULT" and d.event.date and not d.approximate and not d.new
    ]  # fmt: skip
    if not dated:
        return own
    talks = max(reversed(dated), key=lambda d: len(d.event.participants)).event
    for d in undated:
        if d.event.type != "CONSULT":  # the talks themselves are folded by merging
            d.event.date, d.event.date_text = talks.date, talks.date_text
    return own


# A wire story's dateline: "JEDDAH, Saudi Arabia (Reuters) -", "MOSKAU (dpa-AFX) -".
_DATELINE = re.compile(r"[A-ZÄÖÜ][A-ZÄÖÜ .'-]+(?:,[^(\n]{0,40})?\s*\([^)\n]{1,30}\)\s*[-–—]")


def dateline_of(
    sent: Sentence, mentions: Sequence[Mention], dates: Callable[[], Sequence[DateMention]]
) -> tuple[str, Callable[[], Sequence[DateMention]]] | None:
    """The place a sentence opening with a dateline names, with the sentence's dates."""
    found = _DATELINE.match(sent.text)
    if found is None:
        return None
    end = sent.start + found.end()
    place = next((m.actor for m in mentions if m.type == "place" and m.start < end), None)
    return (place, dates) if place else None


def date_by_dateline(
    events: list[Event], place: str, dates: Callable[[], Sequence[DateMention]]
) -> list[Event]:
    """Undated meetings held where the story is filed took place on the lead's day
    ("JEDDAH (Reuters) - Ukraine said on Tuesday …, after eight hours of talks" and
    later "met a Ukrainian team … at a hotel in Jeddah"): the story reports them."""
    undated = [e for e in events if e.type == "CONSULT" and e.date is None and e.place == place]
    if not undated:
        return events
    day = next((d for d in dates() if d.date and not d.approximate), None)
    if day is not None:
        for e in undated:
            e.date, e.date_text = day.date, day.text
    return events


# "Eine weitere Runde soll am 1. Februar stattfinden", "the next round of talks is set for
# Monday": another meeting of the sides of the talks just reported, on its own day.
_NEXT_ROUND = {
    "en": re.compile(r"\b(?:another|next|new|further|second|third|fourth) round\b"),
    "de": re.compile(
        r"\b(?:weitere|nächste|neue|zweite|dritte|vierte)(?:n)? (?:verhandlungs|gesprächs)?runde\b"
    ),
}

_ROUND_WORDS = frozenset({"round", "runde", "verhandlungsrunde", "gesprächsrunde"})


def next_round(
    sent: Sentence,
    lang: str,
    earlier: Sequence[Draft],
    own: list[Draft],
    dates: Callable[[], Sequence[DateMention]],
) -> list[Draft]:
    """The sentence's drafts, with a new meeting when it announces another round of the
    talks last reported (of two sides or more) on a day it names. Only when the sentence
    reports no meeting of its own; the new round takes no later attendees."""
    pattern = _NEXT_ROUND.get(lang)
    if (
        pattern is None
        or _ROUND_WORDS.isdisjoint(sent.words)
        or any(d.event.type == "CONSULT" for d in own)
    ):
        return own
    found = pattern.search(sent.text.lower())
    if found is None:
        return own
    talks = next(
        (d for d in reversed(earlier)
         if d.event.type == "CONSULT" and not d.new and len(d.event.participants) >= 2),
        None,
    )  # fmt: skip
    day = next((d for d in dates() if d.date and not d.approximate), None)
    if talks is None or day is None:
        return own
    from parley.extract.events import Draft

    ev = talks.event
    round_ = Event(
        article=ev.article,
        start=sent.start,
        end=sent.end,
        type="CONSULT",
        mode=ev.mode,
        source_actor=ev.source_actor,
        target_actors=list(ev.target_actors),
        participants=list(ev.participants),
        date=day.date,
        date_text=day.text,
        place=None,
    )
    return [*own, Draft(round_, approximate=False, new=True)]


# The sides of the talks just reported named as a group: "Die Delegationen tauschten
# Memoranden aus", "the two sides also agreed", "said the delegations had reached …".
_TALKS_SIDES = {
    "en": re.compile(r"\b(?:the|both) (?:two |three )?(?:delegations|sides|negotiating teams)\b"),
    "de": re.compile(
        r"\b(?:die|beide) (?:beiden |drei )?(?:delegationen|seiten|verhandlungsteams)\b"
    ),
}

_GROUP_NOUNS = frozenset(
    {"delegationen", "seiten", "verhandlungsteams", "delegations", "sides", "teams"}
)


def sides_of_talks(
    sent: Sentence,
    lang: str,
    earlier: Sequence[Draft],
    own: list[Draft],
    party: Callable[[str], str],
    rerun: Callable[[list[Mention]], list[Draft]],
    mentions: Sequence[Mention],
) -> list[Draft]:
    """The sentence's drafts, read again with the sides of the talks reported when it
    names them only as a group and no draft of its own names two sides. The sides
    are the parties of that meeting's participants; an event they report without a day
    took place at it, on its day. ``rerun`` drafts the sentence with the mentions given."""
    if _GROUP_NOUNS.isdisjoint(sent.words) or any(len(d.event.participants) >= 2 for d in own):
        return own
    pattern = _TALKS_SIDES.get(lang)
    found = pattern.search(sent.text.lower()) if pattern else None
    if found is None or sent.text[: found.start()].lower().split()[-1:] in (
        [w] for w in _NOT_SIDES
    ):
        return own
    # the talks the story is about: of the meetings drafted so far (no call, trip or
    # aside), the one with most participants, the latest of equals
    meetings = [
        d for d in earlier
        if d.event.type == "CONSULT" and not d.new and d.event.mode not in ("phone", "visit")
    ]  # fmt: skip
    if not meetings:
        return own
    talks = max(reversed(meetings), key=lambda d: len(d.event.participants))
    sides = list(dict.fromkeys(party(p) for p in talks.event.participants))
    if len(sides) < 2:
        return own
    at = sent.start + found.start()
    extra = [
        Mention(talks.event.article, at, sent.start + found.end(), actor=a, type="state")
        for a in sides
    ]
    drafts = rerun(sorted([*mentions, *extra], key=lambda m: m.start))
    if not any(len(d.event.participants) >= 2 for d in drafts):
        return own
    for d in drafts:
        if d.event.date is None and talks.event.date is not None:
            d.event.date, d.event.date_text = talks.event.date, talks.event.date_text
            d.approximate = talks.approximate
    return drafts


# Words right before an English cue that make it a verb, whatever came before them:
# "used the day to put forward", "the ministry will propose", "the envoy had rejected".
VERB_MARKERS = frozenset(
    {"to", "will", "would", "could", "should", "may", "might", "must", "can", "did", "does"}
    | {"had", "has", "have", "also", "then", "later", "formally"}
)
