"""The cleaned article: the unit every later stage points back into.

Like spaCy's ``Doc``, an article owns one immutable text; every extracted record
refers to it by ``article`` id and ``start``/``end`` character offsets (end
exclusive), so evidence can always be shown in context.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any


def article_id(clean_text: str) -> str:
    """Stable id derived from the cleaned text only (SPEC §1).

    Identical text from two sources therefore collapses to one article, and
    re-ingesting the same input is idempotent.
    """
    digest = hashlib.sha256(clean_text.encode("utf-8")).hexdigest()
    return digest[:16]


@dataclass(frozen=True, slots=True)
class RemovedLine:
    """A line the boilerplate cleaner dropped, kept so removals can be audited."""

    text: str
    reason: str
    line: int  # 1-based line number in the raw text

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "reason": self.reason, "line": self.line}


@dataclass(slots=True)
class Article:
    """A cleaned news article with its metadata and the audit trail of cleaning."""

    text: str
    source: str
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None  # YYYY-MM-DD, only when the source states it
    language: str | None = None  # ISO 639-1
    dateline: str | None = None
    url: str | None = None
    removed: list[RemovedLine] = field(default_factory=list)

    @property
    def id(self) -> str:
        return article_id(self.text)

    @property
    def chars(self) -> int:
        return len(self.text)

    def to_record(self) -> dict[str, Any]:
        """The ``article`` record of SPEC §1."""
        return {
            "kind": "article",
            "id": self.id,
            "source": self.source,
            "title": self.title,
            "outlet": self.outlet,
            "author": self.author,
            "published": self.published,
            "language": self.language,
            "chars": self.chars,
            "removed": [r.to_dict() for r in self.removed],
        }
