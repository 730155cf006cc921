"""Ingest into the knowledge base: the pipeline's articles, one transaction each.

This is the seam between stage 1 (which knows nothing of storage) and the
store: every outcome yielded here is already committed, so stopping the
iteration, or killing the process, at any point leaves a consistent knowledge
base that a re-run completes to exactly the result of an uninterrupted run.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import BinaryIO, Literal

from parley.ingest.article import Article
from parley.ingest.pipeline import DEFAULT_LANGUAGES, Known, prepare
from parley.ingest.sources import DEFAULT_MAX_BYTES, ProgressCallback, Rejection, Skipped
from parley.store.kb import KnowledgeBase, OnNew, SourceRef

Status = Literal["new", "duplicate", "near-duplicate", "unchanged", "rejected", "skipped"]


@dataclass(frozen=True, slots=True)
class Outcome:
    """What happened to one input document."""

    status: Status
    location: str
    article_id: str | None = None
    cluster: str | None = None  # near-duplicate cluster the article belongs to
    rejection: Rejection | None = None
    article: Article | None = None  # the article, when this document stored a new one


def ingest(
    paths: Iterable[str],
    kb: KnowledgeBase,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    languages: Sequence[str] | None = DEFAULT_LANGUAGES,
    stdin: BinaryIO | None = None,
    on_bytes: ProgressCallback | None = None,
    on_new: OnNew | None = None,
) -> Iterator[Outcome]:
    """Ingest every document under ``paths`` into ``kb``, yielding one outcome per document.

    ``on_new(connection, article)`` stores what a later stage derives from each
    new article, inside that article's transaction (see ``KnowledgeBase.add_article``).
    """
    items = prepare(
        paths,
        max_bytes=max_bytes,
        languages=languages,
        stdin=stdin,
        on_bytes=on_bytes,
        known=kb.seen,
    )
    for item in items:
        if isinstance(item, Rejection):
            kb.reject(item)
            yield Outcome("rejected", str(item), rejection=item)
        elif isinstance(item, Skipped):
            yield Outcome("skipped", item.source)
        elif isinstance(item, Known):
            location = item.source if item.line is None else f"{item.source}:{item.line}"
            yield Outcome("unchanged", location, item.article_id)
        else:
            origin = SourceRef(item.source, item.line, item.article.url)
            added = kb.add_article(
                item.article,
                origin=origin,
                digest=item.digest,
                fingerprint=item.fingerprint,
                on_new=on_new,
            )
            stored = item.article if added.status in ("new", "near-duplicate") else None
            yield Outcome(
                added.status, item.article.source, added.article_id, added.cluster, article=stored
            )
