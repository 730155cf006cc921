"""The ingest pipeline: sources -> (HTML extraction) -> cleaning -> metadata.

Everything streams: :func:`prepare` reads, cleans and describes one document
and hands it on before reading the next, so memory stays flat whatever the
corpus size. Storing is the knowledge base's job (``parley.store.load``), one
transaction per article. An input already stored from the same location with
the same bytes is recognised by its digest and not cleaned again, which makes
re-runs and resumed runs cheap and exact.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import BinaryIO

from parley.errors import InputError
from parley.ingest.article import Article
from parley.ingest.clean import clean_text, outlet_slug
from parley.ingest.dedup import Fingerprint, fingerprint
from parley.ingest.metadata import extract_metadata
from parley.ingest.sources import (
    DEFAULT_MAX_BYTES,
    ProgressCallback,
    RawDocument,
    Rejection,
    Skipped,
    iter_documents,
)

DEFAULT_LANGUAGES = ("de", "en", "ru", "uk", "fr")

KnownLookup = Callable[[str, int | None, str], str | None]


@dataclass(frozen=True, slots=True)
class Prepared:
    """A cleaned article ready to store, with where it came from."""

    article: Article
    source: str
    line: int | None
    digest: str  # of the raw document: recognises the same input on a re-run
    fingerprint: Fingerprint | None  # for near-duplicate search; None if too short


@dataclass(frozen=True, slots=True)
class Known:
    """An input already stored from the same location with the same bytes."""

    source: str
    line: int | None
    article_id: str


def _rules_outlet(hints: dict[str, str]) -> str | None:
    """The outlet hint or URL that names an outlet with its own cleaning rules.

    A record's outlet field may be a name the outlet table does not know ("Welt Online")
    while its URL is on a known domain, or there may be no outlet field at all; either way
    the page's URL still tells whose furniture to expect.
    """
    candidates = [hints.get("outlet"), hints.get("url")]
    return next((c for c in candidates if c and outlet_slug(c)), None)


def build_article(doc: RawDocument, *, languages: Sequence[str] | None = None) -> Article:
    """Clean one raw document and describe it; :class:`InputError` if nothing is left."""
    hints: dict[str, str] = {}
    text = doc.content
    page_text: str | None = None
    if doc.kind == "html":
        from parley.ingest.html import extract_html

        page = extract_html(text, doc.source, url=doc.hints.get("url"), line=doc.line)
        text, page_text = page.text, page.page
        hints.update(page.hints)
    hints.update(doc.hints)  # what the record states outranks what the page states
    cleaned = clean_text(text, outlet=_rules_outlet(hints))
    if not cleaned.text.strip():
        raise InputError(doc.source, "no article text left after removing boilerplate", doc.line)
    meta = extract_metadata(
        text, cleaned.text, url=hints.get("url"), hints=hints, languages=languages, page=page_text
    )
    return Article(
        text=cleaned.text,
        source=doc.location,
        title=meta.title,
        outlet=meta.outlet,
        author=meta.author,
        published=meta.published,
        language=meta.language,
        dateline=meta.dateline,
        url=hints.get("url"),
        removed=list(cleaned.removed),
    )


def prepare(
    paths: Iterable[str],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    languages: Sequence[str] | None = DEFAULT_LANGUAGES,
    stdin: BinaryIO | None = None,
    on_bytes: ProgressCallback | None = None,
    known: KnownLookup | None = None,
) -> Iterator[Prepared | Known | Rejection | Skipped]:
    """Read, clean and describe every document under ``paths``, one at a time.

    ``known(source, line, digest)`` returns the id of an article already stored
    from exactly these bytes at this location; such documents are passed on as
    :class:`Known` without being cleaned again.
    """
    for item in iter_documents(paths, max_bytes=max_bytes, stdin=stdin, on_bytes=on_bytes):
        if isinstance(item, Rejection | Skipped):
            yield item
            continue
        digest = hashlib.blake2b(item.content.encode("utf-8"), digest_size=16).hexdigest()
        stored = known(item.source, item.line, digest) if known else None
        if stored is not None:
            yield Known(item.source, item.line, stored)
            continue
        try:
            article = build_article(item, languages=languages)
        except InputError as exc:
            yield Rejection.of(exc)
            continue
        yield Prepared(article, item.source, item.line, digest, fingerprint(article.text))
