"""The extraction pipeline: one cleaned article in, SPEC §1 records out.

Order matters and follows dependence: tokens and sentences first (``nlp``),
then actor mentions over the whole text (one automaton pass), dates, quotes
(whose speakers are chosen among the mentions), and per sentence the events
and stances that need all of those. The :class:`Extractor` compiles a case
pack once (automaton, cue sets) and is then reused for every article, which
is what makes streaming many files fast.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from functools import partial
from itertools import pairwise
from typing import Any

from parley.extract.actors import Gazetteer
from parley.extract.cues import LanguageCues, build_cues, grammar_words, issues_of
from parley.extract.dates import DateMention, find_dates, parse_published
from parley.extract.demonyms import DemonymTable, with_demonyms
from parley.extract.event_context import (
    after_talks,
    date_by_dateline,
    dateline_of,
    join_meeting,
    next_round,
    same_day,
    sides_of_talks,
)
from parley.extract.events import Draft, merge_events, sentence_events
from parley.extract.records import Mention, Quote, Record, Stance
from parley.extract.sentences import Sentence, sentences_of
from parley.extract.stances import Context, advance_context, sentence_stances
from parley.ingest.article import Article

_MIN_QUOTE_WORDS = 3


class _Slicer:
    """The items starting in ``[start, end)``, in their order (as a filter over all would
    give), by bisection when the items are sorted by start, as mentions are."""

    def __init__(self, items: list[Any]) -> None:
        self.items = items
        self.starts = [x.start for x in items]
        self.ordered = all(a <= b for a, b in pairwise(self.starts))

    def __call__(self, start: int, end: int) -> list[Any]:
        if not self.ordered:
            return [x for x in self.items if start <= x.start < end]
        lo = bisect_left(self.starts, start)
        return self.items[lo : bisect_left(self.starts, end, lo)]


class _Spans:
    """Quotations overlapping a stretch of text, by bisection: quotations do not overlap
    one another (:func:`nlp.quoted_spans` pairs marks left to right), so both their
    starts and their ends ascend."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = spans
        self.starts = [s for s, _ in spans]
        self.ends = [e for _, e in spans]

    def overlapping(self, start: int, end: int) -> list[tuple[int, int]]:
        """The spans ``(s, e)`` with ``s < end and e > start``, in order."""
        lo = bisect_right(self.ends, start)
        return self.spans[lo : max(lo, bisect_left(self.starts, end, lo))]

    def holds(self, at: int) -> bool:
        """Does a span ``(s, e)`` have ``s <= at < e``?"""
        i = bisect_right(self.starts, at) - 1
        return i >= 0 and at < self.ends[i]


class _Memo(dict[str, str]):
    """A pure function of one string, remembered: ``_Memo(f)[x] == f(x)``."""

    def __init__(self, function: Callable[[str], str]) -> None:
        super().__init__()
        self.function = function

    def __missing__(self, key: str) -> str:
        value = self[key] = self.function(key)
        return value


class Extractor:
    """A case pack compiled for extraction; call :meth:`extract` per article."""

    def __init__(self, case: Any) -> None:
        self.case = case
        self.gazetteer = Gazetteer.from_case(case)
        self._cues: dict[str, LanguageCues] = {}
        self._demonyms: dict[str, DemonymTable] = {}
        self.quantities = {str(_attr(i, "key")): _amounts(i) for i in issues_of(case)}

    def cues(self, lang: str) -> LanguageCues:
        if lang not in self._cues:
            self._cues[lang] = build_cues(lang, self.case)
        return self._cues[lang]

    def demonyms(self, lang: str) -> DemonymTable:
        """The case pack's nationality adjectives of ``lang`` (see :mod:`.demonyms`)."""
        if lang not in self._demonyms:
            actors = _attr(self.case, "actors") or []
            if isinstance(actors, dict):
                actors = list(actors.values())
            nouns = grammar_words(lang, "group_nouns")
            self._demonyms[lang] = DemonymTable.build(actors, lang, nouns)
        return self._demonyms[lang]

    def prepare(self, languages: Iterable[str] = ("de", "en")) -> None:
        """Load what the first article would otherwise load: spaCy pipelines, cue sets,
        and dateparser's locale data (half a second on its first call). Streaming and
        benchmarks call this so that start-up cost is not counted as per-article work."""
        from parley.extract import nlp

        for lang in languages:
            nlp.get_nlp(lang)
            self.cues(lang)
            find_dates("14. Oktober" if lang == "de" else "October 14", "2025-11-01", lang)

    def extract(self, article: Article) -> list[Record]:
        """Mentions, quotes, events and stances of one article, in text order per kind."""
        from parley.extract import nlp

        lang = article.language if article.language in nlp.SUPPORTED_LANGUAGES else "en"
        text = article.text
        aid = article.id
        published = parse_published(article.published)
        doc = nlp.parse(text, lang)
        sentences = sentences_of(doc, text)
        # A ministry acts as its state (SPEC §2 roll-up, as the Kremlin for Russia); the
        # article's own author is its byline, not an actor of the news.
        mentions = [
            _as_government(m, self.gazetteer)
            for m in self.gazetteer.find(text, published, lang, aid)
            if not (article.author and m.type == "person" and m.name == article.author)
        ]
        cues = self.cues(lang)
        mentions = [_metonymy(m, text, self.gazetteer, cues) for m in mentions]
        acting = with_demonyms(mentions, sentences, self.demonyms(lang), aid)
        # Speech, not titles or scare quotes: «Bloomberg News», „Friedenstruppen“ stay text.
        quoted = [
            (q.start, q.end)
            for q in nlp.quotations(doc, text)
            if len(text[q.start : q.end].split()) > _MIN_QUOTE_WORDS
        ]
        quotes = _fill_speakers(
            _without_fragments(self._quotes(doc, article, aid, lang, mentions)),
            mentions,
            quoted,
            text,
            lang,
            lambda surface: self._compound_actor(surface, published, lang, aid),
        )
        _office_speakers(quotes, mentions, quoted, text, self.gazetteer.party)
        events: list[Draft] = []
        stances: list[Stance] = []
        # Rules ask for an actor's party many times over: each actor's is found once.
        party = _Memo(self.gazetteer.party).__getitem__
        context = Context()
        in_sentence = _Slicer(acting)
        starts = in_sentence.starts
        quotations = _Spans(quoted)
        attributed = _Speakers(quotes)
        carried_speaker = _Speakers(quotes, attributed=False).at
        # Konjunktiv sentences with no cue of their own ("Die Ukraine müsse …"): the
        # quote module carried the last speaker into them.
        continued_speaker = _Speakers(
            [q for q in quotes if q.mode == "indirect" and q.cue is None], attributed=False
        ).at
        reporting: set[str] = set()  # who the previous sentence reported
        previous: tuple[int, Callable[[], list[DateMention]]] = (-1, list)
        recent: list[Callable[[], list[DateMention]]] = []  # date finders, latest last
        told: list[Callable[[], list[DateMention]]] = []  # every sentence's, in order
        lead_dates = _first_dates(told)  # reads ``told`` as it is when asked
        dateline: tuple[str, Callable[[], list[DateMention]]] | None = None  # "JEDDAH (Reuters) -"
        for sent in sentences:
            s_mentions = in_sentence(sent.start, sent.end)
            first = bisect_left(starts, sent.start)
            s_quoted = quotations.overlapping(sent.start, sent.end)
            speaker = attributed.at(sent.start, sent.end)
            s_dates = _dates_of(sent, published, lang)
            events_of = partial(
                sentence_events,
                sent,
                cues,
                dates=s_dates,
                quoted=s_quoted,
                party=party,
                article=aid,
                is_source=self.gazetteer.is_source,
                speaker=speaker,
                before=acting[max(0, first - 12) : first],  # events: "die drei" are named before
                seat_of=self.gazetteer.seat_of,
                previous=previous,  # "he later spoke …": the sentence before names who and when
                demonyms=self.demonyms(lang).forms,  # "Russian missiles": who attacks
            )
            own = events_of(s_mentions)
            # "Die Delegationen tauschten Memoranden aus": the sides of the talks reported
            own = sides_of_talks(sent, lang, events, own, party, events_of, s_mentions)
            # "Also at the table were …": persons joining the meeting reported before
            own = join_meeting(sent, lang, events, own, s_mentions, s_quoted)
            own = next_round(sent, lang, events, own, s_dates)  # "Eine weitere Runde …"
            if dateline is None:
                dateline = dateline_of(sent, s_mentions, s_dates)
            # "At the end of the day they signed …": the day told just before, or the lead's
            own = same_day(sent, lang, own, previous[1], lead_dates)
            events += after_talks(sent, lang, events, own, s_mentions)  # "Hours after the talks, …"
            told.append(s_dates)
            recent = [*recent[-(_DATE_LOOKBACK - 1) :], s_dates]
            previous = (sent.start, _latest_dates(recent))
            context.carried_speaker = carried_speaker(sent.start, sent.end)
            context.speaker = speaker
            if speaker is None and reporting:
                # "Lawrow sagte, Russland sei bereit. Die Ukraine müsse …": a Konjunktiv
                # report running on right after its speaker's own is still theirs.
                continued = continued_speaker(sent.start, sent.end)
                context.speaker = continued if continued in reporting else None
            reporting = attributed.voices(sent.start, sent.end)
            if context.speaker:
                reporting.add(context.speaker)
            found = sentence_stances(
                sent, cues, s_mentions, s_quoted, context, self.quantities, party, aid
            )
            stances += found
            advance_context(context, sent, cues, s_mentions)
        merged = merge_events(events, party)
        if dateline is not None:  # undated talks where the story is filed: the lead's day
            merged = date_by_dateline(merged, *dateline)
        # Outlets and platforms are named as sources; they are actors of the article only
        # when they act in it (publish a leak, are quoted).
        acted = {p for e in merged for p in e.participants} | {q.speaker for q in quotes}
        mentions = [
            m for m in mentions if m.actor in acted or not self.gazetteer.is_source(m.actor)
        ]
        return [*mentions, *quotes, *merged, *_dedupe(stances)]

    def _compound_actor(
        self, surface: str, published: date | None, lang: str, aid: str
    ) -> str | None:
        """The actor a source compound is built on: "Kremlangaben" -> the Kremlin's state."""
        from parley.extract.lexicon import load_speech_lexicon

        lower = surface.lower()
        for noun in load_speech_lexicon(lang).source_nouns:
            if lower.endswith(noun.lower()) and len(lower) > len(noun) + 2:
                prefix = surface[: -len(noun)].rstrip("-")
                found = self.gazetteer.find(prefix, published, lang, aid)
                if found and found[0].start == 0 and found[0].end == len(prefix):
                    return _as_government(found[0], self.gazetteer).actor
        return None

    def _quotes(
        self, doc: Any, article: Article, aid: str, lang: str, mentions: list[Mention]
    ) -> list[Quote]:
        """Quotes from the quote module, its speakers chosen among our mentions."""
        from parley.extract import quotes

        candidates = [
            quotes.SpeakerCandidate(m.start, m.end, m.actor)
            for m in mentions
            if m.type in ("person", "state", "organization")
        ]
        return quotes.extract_quotes(article.text, aid, lang, doc=doc, speakers=candidates)


_PRONOUNS = {"de": frozenset({"er", "sie"}), "en": frozenset({"he", "she"})}
# Demonstratives point to the latest person named, not to the subject ("Trump traf
# Witkoff. Dieser sagte …" is Witkoff).
_DEMONSTRATIVES = {"de": frozenset({"dieser", "jener", "letzterer"}), "en": frozenset()}
# An indefinite role phrase ("Ein Berater von Putin") is named later in the article.
_INDEFINITE = {"de": frozenset({"ein", "eine"}), "en": frozenset({"a", "an"})}
# A definite description with no name ("der Staatschef", "the envoy") refers back like a pronoun.
_DEFINITE = {"de": frozenset({"der"}), "en": frozenset({"the"})}
# Words before a name that make it an object or a place, not the one acting ("mit Putin").
_OBLIQUE_BEFORE = frozenset(
    {"mit", "von", "vom", "zwischen", "gegenüber", "über", "für", "an", "zu", "zum", "zur"}
    | {"bei", "beim", "gegen", "und", "sowie", "with", "to", "by", "between", "for"}
    | {"against", "from", "and"}
)
_SENTENCE_END = re.compile(r"[.!?…][“”»«\"]?\s|\n")


def _fill_speakers(
    quotes: list[Quote],
    mentions: list[Mention],
    quoted: list[tuple[int, int]],
    text: str,
    lang: str,
    compound_actor: Callable[[str], str | None] | None = None,
) -> list[Quote]:
    """Speakers the quote module could not name, or named less precisely than we can.

    "sagte er" and "sagte der Staatschef": the pronoun or the nameless definite
    description points to the subject of the nearest sentence that names a
    person (the first person named there who is not a possessor, in a
    prepositional phrase or inside someone's quote). A speaker phrase that
    holds a person ("US-Präsident Donald Trump", "Putins Berater Juri
    Uschakow") speaks as that person, not as the state or possessor in front.
    A source compound ("nach Kremlangaben") speaks as the actor it is built on.
    """
    spoken = quoted + [(q.start, q.end) for q in quotes if q.mode != "reported"]
    inside = _Spans(quoted).holds
    persons = [m for m in mentions if m.type == "person" and not inside(m.start)]
    pronouns = _PRONOUNS.get(lang, frozenset())
    person_ids = {m.actor for m in persons}
    collective_end = -1  # where the latest collective source's quote ends
    for q in quotes:
        surface = (q.speaker_surface or "").lower()
        latest = surface in _DEMONSTRATIVES.get(lang, frozenset())
        anaphor = surface in pronouns or latest or (q.speaker is None and _definite(surface, lang))
        if q.cue and q.cue.lower().split()[-1:] == ["es"] and not q.speaker_surface:
            continue  # "heißt es": an impersonal cue names no one
        if q.speaker is None and any(f" {w} " in surface for w in _JOINS):
            collective_end = q.end
            continue  # "Berlin and Paris", "Ushakov and Dmitriev": a collective source
        if len(surface.split()) > 3 and _several_persons(q, persons, text):
            q.speaker = None  # "forderten Merz, Frankreichs Präsident Macron, …"
            collective_end = q.end
            continue
        if surface in _PLURAL and q.speaker is None and 0 <= q.start - collective_end < _REACH:
            continue  # "…forderten Merz, Macron und weitere … . Einen Rückzug lehnen sie ab."
        if q.speaker_surface and not anaphor:
            if q.speaker is None and compound_actor is not None and " " not in surface:
                q.speaker = compound_actor(q.speaker_surface)
            elif q.speaker is None and compound_actor is not None and _compound_first(q, lang):
                # "nach Kremlangaben von russischer Seite": the compound names the source.
                q.speaker = compound_actor(q.speaker_surface.split()[0])
            elif q.speaker is None and surface.split()[0] in _INDEFINITE.get(lang, ()):
                q.speaker = _named_later(q, persons, text)
            elif q.speaker not in person_ids or q.speaker_surface.endswith(("s", "'s", "’s")):
                head = _person_in_phrase(q, persons, text)
                if head is None:
                    head = _head_after_possessor(q, persons)
                if head is not None:
                    q.speaker = head
            continue
        limit = q.start
        if anaphor:
            # An anaphor in the quote's own sentence before it ("er schob nach: „…“")
            # bounds the antecedent.
            lo = _sentence_start(text, q.start)
            found = [
                m.start()
                for m in re.finditer(rf"\b{re.escape(surface)}\b", text[lo : q.start], re.I)
            ]
            if found:
                limit = lo + found[-1]
            antecedent = _antecedent(limit, persons, spoken, text, latest)
            if antecedent is not None:
                q.speaker = antecedent
            continue
        before = [
            m for m in persons if m.end <= limit and q.start - m.end < _REACH and not _possessor(m)
        ]
        if before:
            q.speaker = before[-1].actor
    return quotes


_JOINS = ("und", "and", "sowie")
# Pronouns that may stand for several speakers at once ("sie lehnen ab", "they said").
_PLURAL = frozenset({"sie", "they"})


# "Merz's office said", "his office said", "hieß es aus seinem Haus": a leader's or
# minister's office speaks for the state.
_OFFICE_NOUNS = frozenset({"office", "büro", "präsidialamt", "präsidialbüro", "haus"})
_POSSESSIVE_PRONOUNS = frozenset({"his", "her", "sein", "seinem", "seines", "ihr", "ihrem"})


def _office_speakers(
    quotes: list[Quote],
    mentions: list[Mention],
    quoted: list[tuple[int, int]],
    text: str,
    party: Callable[[str], str],
) -> None:
    """ "Merz's office said …", "…, his office said": the office of a named leader is
    an institutional source, so the speaker is the state the leader acts for (as "the
    Kremlin" is Russia), not nobody and not the leader in person."""
    persons = [m for m in mentions if m.type == "person"]
    for q in quotes:
        words = (q.speaker_surface or "").split()
        if q.speaker is not None or not words or words[-1].lower() not in _OFFICE_NOUNS:
            continue
        lo = max(0, q.start - _REACH)
        spots = [
            lo + m.start()
            for m in re.finditer(re.escape(q.speaker_surface or ""), text[lo : q.end + _REACH])
        ]
        if not spots:
            continue
        at = min(spots, key=lambda s: min(abs(s - q.start), abs(s - q.end)))
        if len(words) > 1 and words[-2].lower() in _POSSESSIVE_PRONOUNS:
            owner = _antecedent(at, persons, quoted, text)
        else:
            owner = next((m.actor for m in persons if 0 <= at - m.end <= 3), None)
        if owner is not None:
            q.speaker = party(owner)


def _several_persons(q: Quote, persons: list[Mention], text: str) -> bool:
    """Does the speaker phrase list two or more persons ("Bundeskanzler Friedrich Merz,
    Frankreichs Präsident Emmanuel Macron")? Possessors and a title naming the same person
    again do not count."""
    phrase = q.speaker_surface or ""
    lo = max(0, q.start - _REACH)
    spots = [lo + m.start() for m in re.finditer(re.escape(phrase), text[lo : q.end + _REACH])]
    if not spots:
        return False
    at = min(spots, key=lambda s: min(abs(s - q.start), abs(s - q.end)))
    inside = {
        m.actor
        for m in persons
        if at <= m.start and m.end <= at + len(phrase) and not _possessor(m)
    }
    return len(inside) >= 2


def _compound_first(q: Quote, lang: str) -> bool:
    """Does the speaker phrase open with a source compound ("Kremlangaben von …") after a
    source preposition ("nach")?"""
    from parley.extract.lexicon import load_speech_lexicon

    first = (q.speaker_surface or "").split()[0]
    return (
        (q.cue or "").lower() in load_speech_lexicon(lang).source_prepositions_before_noun
        and first[:1].isupper()
        and first.isalpha()
    )


def _named_later(q: Quote, persons: list[Mention], text: str) -> str | None:
    """ "Ein Berater von Kremlchef Putin bezeichnet …" in a lede: the person the article
    later names with the same role noun ("Berater Juri Uschakow", "Kremlberater …")."""
    head = []
    for word in (q.speaker_surface or "").split()[1:]:
        if word.lower() in _MODIFIER_LINKS | {"des", "der", "to", "for", "at", "in"}:
            break
        head.append(word)
    if not head or not head[-1].isalpha():
        return None
    role = re.compile(rf"{re.escape(head[-1].lower())}\b", re.I)
    for m in persons:
        if m.start > q.end and role.search(text[max(q.end, m.start - _APPOSITION) : m.start]):
            return m.actor
    return None


def _without_fragments(quotes: list[Quote]) -> list[Quote]:
    """Quoted words inside indirect speech ("Man habe „eine sehr gute Chance“") belong to
    that indirect quote (SPEC §1 records one quote per statement), not a second record."""
    indirect = [(q.start, q.end) for q in quotes if q.mode == "indirect"]
    return [
        q
        for q in quotes
        if q.mode != "direct" or not any(s <= q.start - 1 and q.end <= e + 1 for s, e in indirect)
    ]


def _definite(surface: str, lang: str) -> bool:
    """ "der Staatschef", "der Ukrainer", "the secretary of state": an article and a short
    nameless noun phrase."""
    words = surface.split()
    return (
        2 <= len(words) <= 4
        and words[0] in _DEFINITE.get(lang, ())
        and words[-1].isalpha()
        and words[-1] not in _STATEMENTS
    )


# "the statement said", "hieß es in der Erklärung": a text speaks for nobody named, it
# does not point back to a person as "the envoy" does.
_STATEMENTS = frozenset(
    {"statement", "communique", "communiqué", "declaration", "readout", "erklärung"}
    | {"mitteilung", "stellungnahme", "kommuniqué", "kommunique"}
)


def _sentence_start(text: str, at: int) -> int:
    lo = max(0, at - _REACH)
    ends = [m.end() for m in _SENTENCE_END.finditer(text, lo, at)]
    return ends[-1] if ends else lo


def _antecedent(
    limit: int,
    persons: list[Mention],
    spoken: list[tuple[int, int]],
    text: str,
    latest: bool = False,
) -> str | None:
    """The subject-like person of the nearest sentence before ``limit`` that names one.

    Within that sentence the first eligible person wins (news German and English put
    the subject first: "Witkoff riet ihm, ein Telefonat zwischen Trump und Putin …");
    possessors, names after a preposition and names inside what someone says are
    skipped. A demonstrative (``latest``) takes the last eligible person instead. Falls
    back to the latest person named.
    """
    floor = max(0, limit - _PRONOUN_REACH)
    eligible = [
        m
        for m in persons
        if floor <= m.start
        and m.end <= limit
        and not _possessor(m)
        and not any(s <= m.start < e for s, e in spoken)
        and (text[max(0, m.start - 12) : m.start].split()[-1:] or [""])[0].lower()
        not in _OBLIQUE_BEFORE
    ]
    if not eligible:
        before = [m for m in persons if floor <= m.start and m.end <= limit and not _possessor(m)]
        return before[-1].actor if before else None
    if latest:
        return eligible[-1].actor
    start = _sentence_start(text, eligible[-1].start)
    return next(m.actor for m in eligible if m.start >= start)


def _person_in_phrase(q: Quote, persons: list[Mention], text: str) -> str | None:
    """The last non-possessor person inside the speaker phrase nearest the quote, not one
    in a modifier after "von"/"of" ("Ein Berater von Kremlchef Putin" is not Putin)."""
    phrase = q.speaker_surface or ""
    lo, hi = max(0, q.start - _REACH), min(len(text), q.end + _REACH)
    spots = [lo + m.start() for m in re.finditer(re.escape(phrase), text[lo:hi])]
    if not spots:
        return None
    at = min(spots, key=lambda s: min(abs(s - q.start), abs(s - q.end)))
    inside = [m for m in persons if at <= m.start and m.end <= at + len(phrase)]
    heads = [
        m
        for m in inside
        if not _possessor(m)
        and not any(w in _MODIFIER_LINKS for w in text[at : m.start].lower().split())
    ]
    return heads[-1].actor if heads else None


_MODIFIER_LINKS = frozenset({"von", "vom", "of"})


def _possessor(m: Mention) -> bool:
    """A genitive name ("Putins", "Trump's"): it qualifies a noun, it does not act."""
    if not m.name:
        return False
    last, surface = m.name.split()[-1], m.surface.split()[-1]
    return surface != last and surface.rstrip("s'’") == last.rstrip("s")


def _head_after_possessor(q: Quote, persons: list[Mention]) -> str | None:
    """For a speaker found as "Putins" in "Putins Berater Juri Uschakow", the adviser."""
    spots = [
        i
        for i, m in enumerate(persons)
        if m.actor == q.speaker and m.surface == q.speaker_surface and _possessor(m)
    ]
    if not spots:
        return None
    i = min(spots, key=lambda k: min(abs(persons[k].start - q.start), abs(persons[k].end - q.end)))
    nxt = persons[i + 1] if i + 1 < len(persons) else None
    if nxt is not None and 0 <= nxt.start - persons[i].end < _APPOSITION:
        return nxt.actor
    return None


_APPOSITION = 40  # characters between a possessor and the title-and-name it qualifies
_REACH = 400  # characters: about two sentences of news prose
_PRONOUN_REACH = 1000  # a pronoun may point back a paragraph


# Lower-case words after a place that do not make it act: conjunctions, "als".
_NOT_VERBS = frozenset({"und", "oder", "als", "sowie", "and", "or", "as"})


def _metonymy(m: Mention, text: str, gazetteer: Gazetteer, cues: LanguageCues) -> Mention:
    """A capital acting is its state: "Kiew lehnte das ab", "Moscow's demands".

    A place stays a place after a preposition or article ("in Moskau", "das
    weihnachtliche Moskau"); it acts when a verb follows it (German and English
    verbs are lower-case) or it takes the English possessive.
    """
    state = gazetteer.seat_of(m.actor)
    if state is None or " " in m.surface or not m.surface[:1].isupper():
        return m  # "die Krim", "Zaporizhzhia regions": a territory, not a government
    after = text[m.end : m.end + 30]
    if m.surface.endswith("s") and _position_follows(after, cues):
        return _governing(m, state, gazetteer)  # "Kiews Weigerung", "an Moskaus Forderung"
    prefix = text[max(0, m.start - 40) : m.start]
    cut = max(prefix.rfind(". "), prefix.rfind("\n"), prefix.rfind("! "), prefix.rfind("? "))
    before = prefix[cut + 1 :].split()[-2:]  # words of its own sentence only
    if before and before[-1] == "an":
        return _governing(m, state, gazetteer)  # "Kredit an Kiew": the recipient, a government
    if any(w.lower().strip('(„"') in cues.prepositions | cues.articles for w in before):
        return m
    if before and before[-1][:1].islower() and before[-1].endswith(("e", "en", "er", "es", "em")):
        return m  # "das weihnachtliche Moskau": an adjective stands before it
    words = after.split()
    acts = (
        m.surface.endswith(("'s", "’s"))
        or after.startswith(("'s", "’s"))
        or (after[:1] == " " and after[1:2].islower() and words[:1] != ["und"])
        # "Kiew und Moskau tauschen …": a coordinated subject before the verb
        or (
            len(words) >= 3
            and words[0] in ("und", "and")
            and words[1][:1].isupper()
            and words[1].isalpha()
            and words[2][:1].islower()
            and words[2].isalpha()
        )
    )
    if not acts:
        return m
    return _governing(m, state, gazetteer)


def _governing(m: Mention, state: str, gazetteer: Gazetteer) -> Mention:
    """The capital's mention as its state."""
    info = gazetteer.info.get(state)
    name = info.name if info else state
    return Mention(m.article, m.start, m.end, state, name, m.surface, "state", m.role)


def _position_follows(after: str, cues: LanguageCues) -> bool:
    """A position noun right after a German genitive ("Kiews Weigerung", "Moskaus
    Forderung"): the capital's government holds it."""
    words = after.split()[:1]
    if not words or not words[0][:1].isupper():
        return False
    return bool(cues.positions.find([words[0].lower().rstrip(",;:.")]))


def _as_government(m: Mention, gazetteer: Gazetteer) -> Mention:
    actor = gazetteer.government(m.actor)
    if actor == m.actor:
        return m
    return Mention(m.article, m.start, m.end, actor, m.name, m.surface, "state", m.role)


_DATE_LOOKBACK = 3  # sentences "later" may look back to for the day it follows


def _latest_dates(
    finders: list[Callable[[], list[DateMention]]],
) -> Callable[[], list[DateMention]]:
    """The dates of the latest of these sentences that names a day, found only when
    asked (an event that happened "later" than the day named before)."""
    found = list(finders)

    def latest() -> list[DateMention]:
        for finder in reversed(found):
            dated = [d for d in finder() if d.date]
            if dated:
                return dated
        return []

    return latest


def _first_dates(
    finders: list[Callable[[], list[DateMention]]],
) -> Callable[[], list[DateMention]]:
    """The days the first sentence naming one names (the story's day, in the lead),
    found only when asked."""

    def first() -> list[DateMention]:
        for finder in finders:
            dated = [d for d in finder() if d.date and not d.approximate]
            if dated:
                return dated
        return []

    return first


def _dates_of(sent: Sentence, published: date | None, lang: str) -> Callable[[], list[DateMention]]:
    """The sentence's dates, found only when an event cue asks for them (most sentences
    report no event, and date patterns are the costliest regular expressions here)."""

    cache: list[list[DateMention]] = []

    def found() -> list[DateMention]:
        if not cache:
            cache.append(
                [
                    DateMention(
                        d.start + sent.start, d.end + sent.start, d.text, d.date, d.approximate
                    )
                    for d in find_dates(sent.text, published, lang)
                ]
            )
        return cache[0]

    return found


class _Speakers:
    """The speaker of a quote that covers most of a sentence: its stance is theirs.

    Only quotes attributed by a speech cue ("sagte", "so", "zufolge") count: a speaker
    carried over from an earlier sentence is too weak to own a position (unless
    ``attributed`` is False: stances then use it only for an impersonal "man", or when
    the sentence before reported the same speaker, see ``Extractor.extract``). Built
    once per article, so each sentence scans only the quotes that can qualify, and
    stops at the first that opens after it.
    """

    def __init__(self, quotes: list[Quote], attributed: bool = True) -> None:
        self._spans = [
            (q.start, q.end, q.speaker, q.mode == "indirect")
            for q in quotes
            if q.speaker and (q.cue is not None or not attributed)
        ]
        self._starts = [span[0] for span in self._spans]
        self._ordered = all(a <= b for a, b in pairwise(self._starts))
        self._skip = 0  # leading spans that ended before the last sentence asked about
        self._after = 0

    def at(self, start: int, end: int) -> str | None:
        for q_start, q_end, speaker, indirect in self._from(start, end):
            covered = min(q_end, end) - max(q_start, start)
            if covered * 2 > end - start:
                return speaker
            # "Lawrow sagte am Montag, die Ukraine müsse blockfrei bleiben": a complement
            # clause running to the sentence's end is what the sentence reports.
            if indirect and q_end >= end - 2 and covered * 3 > end - start:
                return speaker
        return None

    def voices(self, start: int, end: int) -> set[str]:
        """The speakers of every quote in the span, however little of it they cover."""
        spans = self._from(start, end)
        return {who for q_start, q_end, who, _ in spans if q_start < end and q_end > start}

    def _from(self, start: int, end: int) -> list[tuple[int, int, str, bool]]:
        """The spans that may overlap ``start``-``end``, in order."""
        if start < self._after:  # sentences asked out of order: start over
            self._skip = 0
        self._after = start
        spans = self._spans
        skip = self._skip
        while skip < len(spans) and spans[skip][1] <= start:
            skip += 1
        self._skip = skip
        if not self._ordered:
            return spans[skip:]
        # Ordered by start: none from the first that opens at ``end`` or later overlaps.
        return spans[skip : bisect_left(self._starts, end, skip)]


def _dedupe(stances: list[Stance]) -> list[Stance]:
    """One stance per (actor, issue, stance, value) in an article: the first report."""
    seen: set[tuple[Any, ...]] = set()
    out = []
    for s in stances:
        key = (s.actor, s.issue, s.stance, s.value)
        if key not in seen:
            seen.add(key)
            out.append(s)
    return out


def _amounts(issue: Any) -> tuple[float, float] | None:
    """Smallest and largest amount an issue's quantity maps onto its scale, if it has one."""
    quantity = _attr(issue, "quantity")
    points = _attr(quantity, "points") if quantity is not None else None
    if not points:
        return None
    amounts = [float(_attr(p, "amount")) for p in points]
    return min(amounts), max(amounts)


def _attr(obj: Any, name: str) -> Any:
    return obj.get(name) if isinstance(obj, dict) else getattr(obj, name, None)


def extract_article(article: Article, case: Any) -> list[Record]:
    """Records of one article (builds the extractor; reuse :class:`Extractor` for many)."""
    return Extractor(case).extract(article)


def extract_articles(articles: Iterable[Article], case: Any) -> Iterator[dict[str, Any]]:
    """Stream SPEC §1 JSON objects: each article record, then that article's records."""
    extractor = Extractor(case)
    for article in articles:
        yield article.to_record()
        for record in extractor.extract(article):
            yield record.to_record()
