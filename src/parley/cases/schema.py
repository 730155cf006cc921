"""Pydantic models of a case pack (SPEC §5).

A case pack is plain YAML that a political analyst can write without reading
Python; these models are the single place where its shape is defined, so the
loader, ``parley case check`` and every stage that reads a pack agree on it.
Cross-file rules (every affiliation names a known actor, aliases are unique or
explicitly ambiguous, role windows do not overlap) live in ``loader.py``,
because they need the whole pack and the YAML line numbers to report well.

Conventions the engine relies on:

- dates are ISO ``YYYY-MM-DD``; a role window is ``[start, end)``: ``end`` is the
  first day the holder no longer holds the office, so one holder's ``end`` may
  equal the next holder's ``start``;
- issue scales run 0–100; each issue states what 0 and 100 mean (in the
  ukraine-2025 pack 0 is Kyiv's maximal position and 100 Moscow's);
- salience is on a 0–100 scale (100 = the issue dominates the party's agenda);
- clout is on a 0–100 scale (relative capability to move the outcome).
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from datetime import date
from typing import Annotated, Literal

import numpy as np
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

ActorType = Literal["person", "state", "organization", "place", "document"]
StanceKind = Literal["demand", "offer", "accept", "reject", "conditional", "open"]
Confidence = Literal["reported", "inferred", "uncertain"]
DocumentStatus = Literal["official", "leaked", "denied", "reported", "draft"]
LANGUAGES: tuple[str, ...] = ("de", "en", "ru", "uk")

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
Slug = Annotated[str, Field(pattern=SLUG_RE.pattern, min_length=1)]
Scale = Annotated[float, Field(ge=0, le=100)]


# Letters that NFKD does not split into base letter + accent (Sikorski's "ł").
_NO_DECOMPOSITION = str.maketrans(
    {"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "Ae", "ß": "ss", "đ": "d",
     "Đ": "D", "ı": "i", "œ": "oe", "Œ": "Oe", "þ": "th", "Þ": "Th"}
)  # fmt: skip


def slugify(name: str) -> str:
    """Actor id rule of SPEC §2: lowercase ASCII slug of the English name.

    Diacritics are folded (Erdoğan -> erdogan), everything that is not a letter
    or digit becomes a single hyphen. Extraction uses the same rule to give an
    id to a person the pack does not know.
    """
    name = name.translate(_NO_DECOMPOSITION)
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")


def normalize_alias(text: str) -> str:
    """Key under which aliases are compared: NFC, case-folded, single spaces.

    Case is folded because German capitalises nouns and headlines capitalise
    everything; hyphen and spelling variants stay distinct on purpose (list
    both "Kremlchef" and "Kreml-Chef" when both occur).
    """
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


class _Strict(BaseModel):
    """Unknown keys are errors: a typo in a field name must not pass silently."""

    model_config = ConfigDict(extra="forbid")


class Names(_Strict):
    """Surface forms per language (German, English, Russian, Ukrainian).

    Russian and Ukrainian lists hold Cyrillic spellings; Latin transliterations
    go into the language whose press uses them (``Uschakow`` under ``de``,
    ``Ushakov`` under ``en``).
    """

    de: list[str] = []
    en: list[str] = []
    ru: list[str] = []
    uk: list[str] = []

    def all(self) -> list[tuple[str, str]]:
        """Every (language, form) pair."""
        return [(lang, form) for lang in LANGUAGES for form in getattr(self, lang)]

    @field_validator("de", "en", "ru", "uk")
    @classmethod
    def _no_blank(cls, forms: list[str]) -> list[str]:
        for form in forms:
            if not form.strip():
                raise ValueError("empty surface form")
        return forms


class Source(_Strict):
    """Where a fact was reported: outlet and date of the report (and a URL if known)."""

    outlet: str
    date: date
    url: str | None = None
    note: str | None = None


class Role(_Strict):
    """An office held in a time window, and the phrases that name its holder.

    ``office`` identifies the office across holders (``us-president``); windows
    of one office must not overlap, which is what lets "der US-Präsident"
    resolve to exactly one person on any date.
    """

    office: Slug
    title: str
    phrases: Names = Names()
    start: date | None = None
    end: date | None = None
    acting: bool = False
    note: str | None = None
    source: Source | None = None

    @model_validator(mode="after")
    def _ordered(self) -> Role:
        if self.start and self.end and self.end <= self.start:
            raise ValueError(f"role window ends ({self.end}) before it starts ({self.start})")
        return self

    def valid_on(self, day: date) -> bool:
        """True if the office is held on ``day`` (window is ``[start, end)``)."""
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


class Actor(_Strict):
    """A person, state, organisation, place or document that news text names."""

    id: Slug
    name: str
    type: ActorType
    affiliation: Slug | None = None
    description: str | None = None
    aliases: Names = Names()
    inflected: Names = Names()
    # Nationality adjectives that stand for a state before a group noun ("a Russian
    # delegation", "die ukrainischen Unterhändler"); German forms without their ending.
    demonyms: Names = Names()
    roles: list[Role] = []
    within: Slug | None = None
    tags: list[str] = []

    @model_validator(mode="after")
    def _person_rules(self) -> Actor:
        if self.type == "person":
            if self.id != slugify(self.name):
                raise ValueError(f"person id must be the slug of the name: {slugify(self.name)!r}")
            if not self.affiliation:
                raise ValueError("a person needs an affiliation (the party they act for)")
        return self

    def surface_forms(self) -> list[tuple[str, str]]:
        """Name, aliases and inflected forms as (language, form); role phrases excluded."""
        return [("en", self.name), *self.aliases.all(), *self.inflected.all()]


class Ambiguity(_Strict):
    """An alias that more than one actor may carry, and how to decide.

    ``default`` is taken when no cue decides; ``cues`` lists, per candidate, words
    that select it when they occur near the alias (same sentence); ``rule`` says
    in prose how a human would decide, so the data stays reviewable.
    """

    alias: str
    candidates: list[Slug] = Field(min_length=2)
    default: Slug | None = None
    cues: dict[Slug, list[str]] = {}
    rule: str

    @model_validator(mode="after")
    def _consistent(self) -> Ambiguity:
        if self.default is not None and self.default not in self.candidates:
            raise ValueError(f"default {self.default!r} is not among the candidates")
        for actor in self.cues:
            if actor not in self.candidates:
                raise ValueError(f"cue target {actor!r} is not among the candidates")
        return self


class ActorsFile(_Strict):
    """``actors.yaml``."""

    actors: list[Actor]
    ambiguous: list[Ambiguity] = []
    redirects: dict[Slug, Slug] = {}


class ScalePoint(_Strict):
    value: Scale
    label: str
    de: str | None = None


class QuantityPoint(_Strict):
    value: Scale
    amount: float


class Quantity(_Strict):
    """Maps a number in the text (troops, days) to the 0–100 scale, piecewise linearly."""

    unit: str
    points: list[QuantityPoint] = Field(min_length=2)
    note: str | None = None

    @model_validator(mode="after")
    def _monotone(self) -> Quantity:
        values = [p.value for p in self.points]
        amounts = [p.amount for p in self.points]
        if values != sorted(values) or len(set(values)) != len(values):
            raise ValueError("quantity points must be in increasing scale order")
        rising = all(a < b for a, b in itertools.pairwise(amounts))
        falling = all(a > b for a, b in itertools.pairwise(amounts))
        if not (rising or falling):
            raise ValueError("quantity amounts must be strictly monotone along the scale")
        return self

    def to_scale(self, amount: float) -> float:
        """Scale position of a reported number, clamped to the mapped range."""
        pts = sorted(self.points, key=lambda p: p.amount)
        return float(np.interp(amount, [p.amount for p in pts], [p.value for p in pts]))

    def to_amount(self, value: float) -> float:
        """Number of units at a scale position (inverse of ``to_scale``), clamped likewise."""
        pts = sorted(self.points, key=lambda p: p.value)
        return float(np.interp(value, [p.value for p in pts], [p.amount for p in pts]))


class IssueOption(_Strict):
    """A discrete outcome of an issue, placed on its scale; ``cues`` are words that
    name this outcome next to an issue term (they make it a stance's value)."""

    key: Slug
    label: str
    value: Scale
    cues: Names = Names()


class Issue(_Strict):
    """One negotiation issue: what 0 and 100 mean, labelled points, cues in the text."""

    key: Slug
    name: str
    description: str
    pax: list[str] = []
    low: str
    high: str
    points: list[ScalePoint] = Field(min_length=2)
    options: list[IssueOption] = []
    quantity: Quantity | None = None
    cues: Names = Names()

    @model_validator(mode="after")
    def _points_sorted(self) -> Issue:
        values = [p.value for p in self.points]
        if values != sorted(values) or len(set(values)) != len(values):
            raise ValueError("scale points must be listed in strictly increasing order")
        return self

    def option(self, key: str) -> IssueOption:
        for opt in self.options:
            if opt.key == key:
                return opt
        raise KeyError(f"issue {self.key!r} has no option {key!r}")


class RedLine(_Strict):
    """A position the party says it will not cross; ``limit`` is on the issue scale."""

    text: str
    limit: Scale | None = None


class Position(_Strict):
    """A party's reported position on one issue at one date, with its source.

    ``position`` and ``salience`` are 0–100. Where reports disagree the pack
    holds one entry per report; ``confidence`` marks how directly the number
    follows from the report (``reported`` = stated, ``inferred`` = our reading of
    a stated position, ``uncertain`` = thin or contested reporting).
    """

    party: Slug
    issue: Slug
    position: Scale
    salience: Scale
    date: date
    context: Slug
    source: list[Source] = Field(min_length=1)
    red_line: RedLine | None = None
    stance: StanceKind | None = None
    confidence: Confidence = "reported"
    note: str | None = None


class PartyClout(_Strict):
    """A negotiating party and its capability to move the outcome (0–100)."""

    id: Slug
    clout: Scale
    justification: str
    sources: list[Source] = []


class Lever(_Strict):
    """A pressure instrument with a reported value: sanctions, aid, assets, battlefield."""

    key: Slug
    holder: Slug
    target: Slug | None = None
    value: float | str
    unit: str
    date: date
    source: list[Source] = Field(min_length=1)
    note: str | None = None
    confidence: Confidence = "reported"


class CaseContext(_Strict):
    """A dated episode of the talks that positions refer to (``jeddah-2025-03``)."""

    key: Slug
    name: str
    start: date
    end: date | None = None


class IssuesFile(_Strict):
    """``issues.yaml``."""

    scale_note: str
    issues: list[Issue]
    contexts: list[CaseContext] = []
    parties: list[PartyClout] = []
    positions: list[Position] = []
    levers: list[Lever] = []


class IssueValue(_Strict):
    """What one point of a draft sets on one issue."""

    issue: Slug
    value: Scale | None = None
    option: Slug | None = None
    note: str | None = None


class DocumentPoint(_Strict):
    number: int | str
    summary: str
    sets: list[IssueValue] = []
    change: str | None = None


class Document(_Strict):
    """A plan or draft: who wrote or carried it, its status, and what each point sets."""

    id: Slug
    name: str
    date: date
    status: DocumentStatus
    status_note: str | None = None
    authors: list[Slug] = []
    carriers: list[Slug] = []
    parent: Slug | None = None
    point_count: int | None = None
    summary: str
    changes: list[str] = []
    points: list[DocumentPoint] = []
    sources: list[Source] = Field(min_length=1)
    confidence: Confidence = "reported"


class DocumentsFile(_Strict):
    """``documents.yaml``."""

    documents: list[Document] = []


class EventCue(_Strict):
    """Words that signal an event of one PLOVER type (and CONSULT mode)."""

    type: str
    mode: str | None = None
    cues: list[str] = Field(min_length=1)


class LanguageLexicon(_Strict):
    """Cue words for one language. Forms are listed inflected, as they appear."""

    speech_verbs: list[str] = []
    attribution: list[str] = []
    stance_cues: dict[StanceKind, list[str]] = {}
    event_cues: list[EventCue] = []
    negations: list[str] = []
    conditionals: list[str] = []
    hedges: list[str] = []


class LexiconFile(_Strict):
    """``lexicon.yaml``: per-language lists merged by extraction with its base lexicon."""

    languages: dict[str, LanguageLexicon] = {}

    def merged(self, other: LexiconFile) -> LexiconFile:
        """Union of two lexicons, order kept, ``self`` first, duplicates dropped."""
        out: dict[str, LanguageLexicon] = {}
        for lang in dict.fromkeys([*self.languages, *other.languages]):
            a = self.languages.get(lang, LanguageLexicon())
            b = other.languages.get(lang, LanguageLexicon())
            stance = {
                kind: _union(a.stance_cues.get(kind, []), b.stance_cues.get(kind, []))
                for kind in dict.fromkeys([*a.stance_cues, *b.stance_cues])
            }
            events: dict[tuple[str, str | None], list[str]] = {}
            for cue in [*a.event_cues, *b.event_cues]:
                key = (cue.type, cue.mode)
                events[key] = _union(events.get(key, []), cue.cues)
            out[lang] = LanguageLexicon(
                speech_verbs=_union(a.speech_verbs, b.speech_verbs),
                attribution=_union(a.attribution, b.attribution),
                stance_cues=stance,
                event_cues=[EventCue(type=t, mode=m, cues=c) for (t, m), c in events.items()],
                negations=_union(a.negations, b.negations),
                conditionals=_union(a.conditionals, b.conditionals),
                hedges=_union(a.hedges, b.hedges),
            )
        return LexiconFile(languages=out)


def _union(a: list[str], b: list[str]) -> list[str]:
    return list(dict.fromkeys([*a, *b]))


class CaseMeta(_Strict):
    """Optional ``case.yaml``: title and period of the negotiation."""

    title: str
    description: str = ""
    start: date | None = None
    end: date | None = None
    languages: list[str] = list(LANGUAGES)
