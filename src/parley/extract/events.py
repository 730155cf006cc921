"""Events: who met, called, visited, proposed, rejected, threatened, sanctioned, leaked.

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

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from parley.extract.cues import LanguageCues
from parley.extract.dates import DateMention
from parley.extract.records import Event, Mention
from parley.extract.sentences import Sentence

# When one sentence holds cues of several CONSULT modes, the more specific wins.
_MODE_RANK = {"phone": 0, "host": 1, "visit": 2, "multilateral": 3, "meet": 4, None: 5}
_PARTICIPANT_TYPES = frozenset({"person", "state", "organization"})


def _inside(pos: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in spans)


_CLAUSE_BREAKS = frozenset(",;:–—()[]")
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
_APPROX = ("mitte", "anfang", "ende", "early", "mid", "late", "vor ", "in ")


@dataclass(slots=True)
class Draft:
    """An event as found in one sentence, before reports of it are merged."""

    event: Event
    approximate: bool  # its date is a range ("Mitte Oktober"), not a day


def _clause(sent: Sentence, token: int, quoted: Sequence[tuple[int, int]]) -> tuple[int, int]:
    """Character span of the clause around ``token``: between punctuation breaks."""
    lo = token
    while lo > 0 and sent.words[lo - 1] not in _CLAUSE_BREAKS:
        lo -= 1
    hi = token
    while hi + 1 < len(sent.words) and sent.words[hi + 1] not in _CLAUSE_BREAKS:
        hi += 1
    end = sent.offsets[hi] + len(sent.words[hi])
    return sent.offsets[lo], end


def _between(sent: Sentence, cue_last: int, mentions: Sequence[Mention]) -> list[Mention]:
    """The A and B of "Telefonat zwischen A und B" (or "between A and B")."""
    n = len(sent.words)
    for i in range(cue_last + 1, min(n, cue_last + 4)):
        if sent.words[i] in _BETWEEN:
            j = i + 1
            while (
                j < n and sent.words[j] not in _PHRASE_END and sent.words[j] not in _CLAUSE_BREAKS
            ):
                j += 1
            lo = sent.offsets[i]
            hi = sent.offsets[j] if j < n else sent.end
            return [m for m in mentions if lo <= m.start < hi]
    return []


def sentence_events(
    sent: Sentence,
    cues: LanguageCues,
    mentions: Sequence[Mention],
    dates: Sequence[DateMention],
    quoted: Sequence[tuple[int, int]],
    party: Callable[[str], str],
    article: str,
    is_source: Callable[[str], bool] = lambda _a: False,
) -> list[Draft]:
    """Events of one sentence (at most one per event type), not yet merged.

    Participants are the actors of the cue's clause, or exactly A and B after
    "zwischen"/"between"; a name inside a compound ("Putin-Berater") only
    modifies a noun and is no participant, unless the compound is the cue
    itself ("Witkoff-Putin-Treffen"). CONSULT drafts with one participant are
    kept: another report of the same meeting may name the rest.
    """
    hits = [h for h in cues.events.find(sent.words, sent.lemmas)]
    hits = [h for h in hits if not _inside(sent.char_of(h.first), quoted)]
    if not hits:
        return []
    by_type: dict[str, list] = {}
    for hit in hits:
        by_type.setdefault(hit.label[0], []).append(hit)
    outside = [m for m in mentions if not _inside(m.start, quoted)]
    drafts: list[Draft] = []
    for etype, type_hits in by_type.items():
        hit = min(type_hits, key=lambda h: (_MODE_RANK.get(h.label[1], 5), h.first))
        cue_start = sent.char_of(hit.first)
        cue_end = cue_start + len(sent.words[hit.first])
        lo, hi = _clause(sent, hit.first, quoted)
        chosen = _between(sent, hit.last, outside)
        if not chosen:
            chosen = [
                m
                for m in outside
                if lo <= m.start < hi and (not _modifier(sent, m) or cue_start <= m.start < cue_end)
            ]
        places = [m for m in chosen if m.type == "place"]
        actors = [m for m in chosen if m.type in _PARTICIPANT_TYPES]
        if etype == "LEAK":
            sources = [m for m in outside if is_source(m.actor)]
            actors = sources[:1] or actors[:1]
        participants = _participants(actors, party)
        if not participants:
            continue
        date = _nearest(dates, cue_start, hit_is_noun=sent.text[cue_start - sent.start].isupper())
        place = _place(places or [m for m in outside if m.type == "place"], sent)
        drafts.append(
            Draft(
                Event(
                    article=article,
                    start=sent.start,
                    end=sent.end,
                    type=etype,
                    mode=hit.label[1],
                    source_actor=participants[0],
                    target_actors=participants[1:],
                    participants=participants,
                    date=date.date if date else None,
                    date_text=date.text if date else None,
                    place=place,
                ),
                approximate=bool(date and date.text.lower().startswith(_APPROX)),
            )
        )
    return drafts


def _modifier(sent: Sentence, m: Mention) -> bool:
    """A name glued to a noun by a hyphen ("Putin-Berater", "Ukraine-Krieg")."""
    at = m.end - sent.start
    return at < len(sent.text) - 1 and sent.text[at] == "-" and sent.text[at + 1].isalpha()


def _participants(actors: Sequence[Mention], party: Callable[[str], str]) -> list[str]:
    return _participants_ids(list(dict.fromkeys(m.actor for m in actors)), party)


def _participants_ids(ids: list[str], party: Callable[[str], str]) -> list[str]:
    represented = {party(a) for a in ids if party(a) != a}
    return [a for a in ids if a not in represented]


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

    return min(dates, key=cost)


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
    Oktober" admits any day near it) and they share a participant. The merged
    event keeps the first report's span, the union of participants and the
    most precise date. A CONSULT still with fewer than two participants is
    dropped: a meeting needs two sides.
    """
    merged: list[Draft] = []
    for draft in drafts:
        for target in merged:
            if _same(target, draft):
                _fold(target, draft)
                break
        else:
            ev = draft.event
            copy = Event(
                article=ev.article,
                start=ev.start,
                end=ev.end,
                type=ev.type,
                mode=ev.mode,
                source_actor=ev.source_actor,
                target_actors=list(ev.target_actors),
                participants=list(ev.participants),
                date=ev.date,
                date_text=ev.date_text,
                place=ev.place,
            )
            merged.append(Draft(copy, draft.approximate))
    out = []
    for d in merged:
        ev = d.event
        kept = _participants_ids(ev.participants, party)
        if ev.type == "CONSULT" and len(kept) < 2:
            continue
        ev.participants = kept
        ev.target_actors = [a for a in ev.target_actors if a in kept]
        if ev.source_actor not in kept:
            ev.source_actor = kept[0] if kept else None
        out.append(ev)
    return out


def _dates_agree(a: Draft, b: Draft) -> bool:
    da, db = a.event.date, b.event.date
    if da is None or db is None or da == db:
        return True
    if a.approximate or b.approximate:
        from datetime import date

        return abs((date.fromisoformat(da) - date.fromisoformat(db)).days) <= 10
    return False


def _same(a: Draft, b: Draft) -> bool:
    ea, eb = a.event, b.event
    if ea.type != eb.type or (ea.mode == "phone") != (eb.mode == "phone"):
        return False
    if not _dates_agree(a, b):
        return False
    if ea.place and eb.place and ea.place != eb.place:
        return False
    return bool(set(ea.participants) & set(eb.participants))


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
