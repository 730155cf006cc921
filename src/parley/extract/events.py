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

from parley.extract.cues import LanguageCues
from parley.extract.dates import DateMention
from parley.extract.records import Event, Mention
from parley.extract.sentences import Sentence

# When one sentence holds cues of several CONSULT modes, the more specific wins.
_MODE_RANK = {"phone": 0, "host": 1, "visit": 2, "multilateral": 3, "meet": 4, None: 5}
_PARTICIPANT_TYPES = frozenset({"person", "state", "organization"})


def _inside(pos: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in spans)


def sentence_events(
    sent: Sentence,
    cues: LanguageCues,
    mentions: Sequence[Mention],
    dates: Sequence[DateMention],
    quoted: Sequence[tuple[int, int]],
    party: Callable[[str], str],
    article: str,
) -> list[Event]:
    """Events of one sentence (at most one per event type)."""
    hits = [h for h in cues.events.find(sent.words, sent.lemmas)]
    hits = [h for h in hits if not _inside(sent.char_of(h.first), quoted)]
    if not hits:
        return []
    by_type: dict[str, list] = {}
    for hit in hits:
        by_type.setdefault(hit.label[0], []).append(hit)
    actors = [m for m in mentions if m.type in _PARTICIPANT_TYPES and not _inside(m.start, quoted)]
    places = [m for m in mentions if m.type == "place" and not _inside(m.start, quoted)]
    events: list[Event] = []
    for etype, type_hits in by_type.items():
        hit = min(type_hits, key=lambda h: _MODE_RANK.get(h.label[1], 5))
        participants = _participants(actors, party)
        need = 2 if etype == "CONSULT" else 1
        if len(participants) < need:
            continue
        cue_at = sent.char_of(hit.first)
        date = _nearest(dates, cue_at)
        place = _place(places, sent)
        events.append(
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
            )
        )
    return events


def _participants(actors: Sequence[Mention], party: Callable[[str], str]) -> list[str]:
    return _participants_ids(list(dict.fromkeys(m.actor for m in actors)), party)


def _participants_ids(ids: list[str], party: Callable[[str], str]) -> list[str]:
    represented = {party(a) for a in ids if party(a) != a}
    return [a for a in ids if a not in represented]


def _nearest(dates: Sequence[DateMention], pos: int) -> DateMention | None:
    if not dates:
        return None
    return min(dates, key=lambda d: (d.date is None, abs(d.start - pos)))


def _place(places: Sequence[Mention], sent: Sentence) -> str | None:
    """The place the sentence puts the event in: one after "in"/"im", else the first."""
    for m in places:
        before = sent.text[max(0, m.start - sent.start - 4) : m.start - sent.start].lower()
        if before.rstrip().endswith(("in", "im", "at")):
            return m.actor
    return places[0].actor if places else None


def merge_events(events: Sequence[Event], party: Callable[[str], str]) -> list[Event]:
    """One event per real-world event: fold repeated reports within an article.

    Two reports are the same event when type agrees (phone calls only with
    phone calls), dates do not contradict, and they share a participant. The
    merged event keeps the first report's span, the union of participants and
    the first known date and place.
    """
    merged: list[Event] = []
    for ev in events:
        for target in merged:
            if _same(target, ev):
                _fold(target, ev)
                break
        else:
            merged.append(
                Event(
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
            )
    for ev in merged:
        kept = _participants_ids(ev.participants, party)
        ev.participants = kept
        ev.target_actors = [a for a in ev.target_actors if a in kept]
        if ev.source_actor not in kept:
            ev.source_actor = kept[0] if kept else None
    return merged


def _same(a: Event, b: Event) -> bool:
    if a.type != b.type or (a.mode == "phone") != (b.mode == "phone"):
        return False
    if a.date and b.date and a.date != b.date:
        return False
    if a.place and b.place and a.place != b.place:
        return False
    return bool(set(a.participants) & set(b.participants))


def _fold(target: Event, ev: Event) -> None:
    for p in ev.participants:
        if p not in target.participants:
            target.participants.append(p)
            target.target_actors.append(p)
    if target.date is None and ev.date is not None:
        target.date, target.date_text = ev.date, ev.date_text
    if target.place is None:
        target.place = ev.place
    if _MODE_RANK.get(ev.mode, 5) < _MODE_RANK.get(target.mode, 5):
        target.mode = ev.mode
