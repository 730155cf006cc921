"""Extraction records: the output contract of SPEC §1.

Every record points into an article's cleaned text by character offsets
(``start`` inclusive, ``end`` exclusive). ``to_record`` yields exactly the JSON
object other tools read; fields beyond the contract may be added there only
as extras, never renamed.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, ClassVar, Literal

ActorType = Literal["person", "state", "organization", "place", "document"]
QuoteMode = Literal["direct", "indirect", "reported"]
StanceKind = Literal["demand", "offer", "accept", "reject", "conditional", "open"]

EVENT_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
    "LEAK", "PROPOSE",
)  # fmt: skip
CONSULT_MODES: tuple[str, ...] = ("meet", "phone", "visit", "host", "third-party", "multilateral")


@dataclass(slots=True)
class Record:
    """Common part of every extracted record: where in which article it was found."""

    kind: ClassVar[str] = "record"
    article: str
    start: int
    end: int

    def to_record(self) -> dict[str, Any]:
        data = asdict(self)
        return {"kind": self.kind, **data}


@dataclass(slots=True)
class Mention(Record):
    kind: ClassVar[str] = "mention"
    actor: str = ""
    name: str = ""
    surface: str = ""
    type: ActorType = "person"
    role: str | None = None  # extra: the office an unknown person was introduced with


@dataclass(slots=True)
class Quote(Record):
    kind: ClassVar[str] = "quote"
    text: str = ""
    mode: QuoteMode = "direct"
    speaker: str | None = None
    speaker_surface: str | None = None
    cue: str | None = None


@dataclass(slots=True)
class Event(Record):
    kind: ClassVar[str] = "event"
    type: str = "CONSULT"
    mode: str | None = None
    source_actor: str | None = None
    target_actors: list[str] = field(default_factory=list)
    participants: list[str] = field(default_factory=list)
    date: str | None = None
    date_text: str | None = None
    place: str | None = None


@dataclass(slots=True)
class Stance(Record):
    kind: ClassVar[str] = "stance"
    actor: str = ""
    issue: str = ""
    stance: StanceKind = "demand"
    value: float | str | None = None
    condition: str | None = None
