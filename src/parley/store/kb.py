"""The knowledge base: one SQLite file holding every article and its audit trail.

Writes happen one article per transaction (:meth:`KnowledgeBase.add_article`),
so a run killed at any moment leaves only whole articles behind and a re-run
picks up exactly where it stopped. The database runs in WAL mode so readers
(``parley search`` in another terminal) never block an ingest.

The schema is versioned (see :mod:`parley.store.migrations`); later stages add
their tables with a new numbered SQL file.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from parley.errors import ParleyError
from parley.ingest.article import Article, RemovedLine
from parley.ingest.dedup import THRESHOLD, Fingerprint
from parley.ingest.sources import Rejection
from parley.store.migrations import migrate, schema_version

Status = Literal["new", "duplicate", "near-duplicate", "unchanged"]
OnNew = Callable[[sqlite3.Connection, Article], None]


@dataclass(frozen=True, slots=True)
class Added:
    """What :meth:`KnowledgeBase.add_article` did with an article."""

    status: Status
    article_id: str
    cluster: str | None = None  # near-duplicate cluster, if any


@dataclass(frozen=True, slots=True)
class SourceRef:
    """One input location an article was read from."""

    source: str
    line: int | None
    url: str | None


@dataclass(frozen=True, slots=True)
class SearchHit:
    article_id: str
    title: str | None
    outlet: str | None
    published: str | None
    snippet: str  # matches wrapped in the markers passed to search()


_ARTICLE_COLUMNS = "id, text, source, title, outlet, author, published, language, dateline, url"


class KnowledgeBase:
    """An open knowledge base. Use as a context manager, or call :meth:`close`.

    >>> with KnowledgeBase("parley.db") as kb:  # doctest: +SKIP
    ...     for hit in kb.search("Witkoff Moskau"):
    ...         print(hit.article_id, hit.snippet)
    """

    def __init__(self, path: str | Path, *, create: bool = True) -> None:
        self.path = Path(path)
        if not create and not self.path.exists():
            raise ParleyError(f"{self.path}: no knowledge base here (run `parley ingest` first)")
        try:
            self._db = sqlite3.connect(self.path, isolation_level=None)
            self._db.execute("PRAGMA journal_mode = WAL")
            self._db.execute("PRAGMA synchronous = NORMAL")
            # Checkpoints (which fsync) every ~40 MB of WAL rather than every 4 MB: with
            # one small transaction per article they otherwise dominate ingest time.
            self._db.execute("PRAGMA wal_autocheckpoint = 10000")
            # A 32 MB page cache keeps the hot FTS and index pages in memory (fixed cost).
            self._db.execute("PRAGMA cache_size = -32000")
            self._db.execute("PRAGMA foreign_keys = ON")
            migrate(self._db, str(self.path))
        except sqlite3.DatabaseError as exc:
            raise ParleyError(f"{self.path}: not a usable parley knowledge base ({exc})") from None

    def __enter__(self) -> KnowledgeBase:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._db.close()

    @property
    def connection(self) -> sqlite3.Connection:
        """The open SQLite connection, for later stages' tables (extraction records)."""
        return self._db

    @property
    def schema_version(self) -> int:
        return schema_version(self._db)

    # -- writing ---------------------------------------------------------------

    def seen(self, source: str, line: int | None, digest: str) -> str | None:
        """The article id already read from exactly this input, if any."""
        row = self._db.execute(
            "SELECT article_id FROM article_sources WHERE source = ? AND line = ? AND digest = ?",
            (source, line or 0, digest),
        ).fetchone()
        return row[0] if row else None

    def add_article(
        self,
        article: Article,
        *,
        origin: SourceRef,
        digest: str,
        fingerprint: Fingerprint | None = None,
        on_new: OnNew | None = None,
    ) -> Added:
        """Store an article read from ``origin`` in one transaction.

        Identical text already stored only gains a source; new text is linked
        to the near-duplicates its ``fingerprint`` finds. ``on_new(connection,
        article)`` runs inside the same transaction for a new article, so what a
        later stage derives from it (extraction records) commits with it or not
        at all: a killed run never leaves an article without its records.
        """
        db = self._db
        db.execute("BEGIN IMMEDIATE")
        try:
            added = self._add(article, origin, digest, fingerprint)
            if on_new is not None and added.status in ("new", "near-duplicate"):
                on_new(db, article)
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")
        return added

    def _add(
        self, article: Article, origin: SourceRef, digest: str, fingerprint: Fingerprint | None
    ) -> Added:
        db = self._db
        aid = article.id
        exists = db.execute("SELECT 1 FROM articles WHERE id = ?", (aid,)).fetchone()
        if exists:
            inserted = self._add_source(aid, origin, digest)
            return Added("duplicate" if inserted else "unchanged", aid, self._cluster_of(aid))
        seq = db.execute(
            "INSERT INTO articles(id, text, title, outlet, author, published, language, "
            "dateline, url, source, chars) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                aid,
                article.text,
                article.title,
                article.outlet,
                article.author,
                article.published,
                article.language,
                article.dateline,
                article.url,
                article.source,
                article.chars,
            ),
        ).lastrowid
        self._add_source(aid, origin, digest)
        db.executemany(
            "INSERT INTO removed_lines(article_id, position, line, text, reason) "
            "VALUES (?, ?, ?, ?, ?)",
            [(aid, i, r.line, r.text, r.reason) for i, r in enumerate(article.removed)],
        )
        if fingerprint is None:
            return Added("new", aid)
        cluster = self._link_near_duplicates(aid, fingerprint)
        db.execute(
            "INSERT INTO minhashes(seq, signature) VALUES (?, ?)", (seq, fingerprint.signature)
        )
        db.executemany(
            "INSERT OR IGNORE INTO minhash_bands(band, key, seq) VALUES (?, ?, ?)",
            [(band, key, seq) for band, key in enumerate(fingerprint.bands)],
        )
        return Added("near-duplicate" if cluster else "new", aid, cluster)

    def _add_source(self, aid: str, origin: SourceRef, digest: str) -> bool:
        return bool(
            self._db.execute(
                "INSERT OR IGNORE INTO article_sources(article_id, source, line, url, digest) "
                "VALUES (?, ?, ?, ?, ?)",
                (aid, origin.source, origin.line or 0, origin.url, digest),
            ).rowcount
        )

    def _link_near_duplicates(self, aid: str, fingerprint: Fingerprint) -> str | None:
        """Join ``aid`` to the cluster of its near-duplicates (merging clusters it bridges)."""
        db = self._db
        pairs = ", ".join("(?, ?)" for _ in fingerprint.bands)
        # CROSS JOIN keeps the probe rows outermost, so each is one primary-key lookup.
        candidates = db.execute(
            f"WITH probe(band, key) AS (VALUES {pairs}) "
            "SELECT DISTINCT a.id, s.signature FROM probe "
            "CROSS JOIN minhash_bands m ON m.band = probe.band AND m.key = probe.key "
            "JOIN minhashes s ON s.seq = m.seq JOIN articles a ON a.seq = m.seq",
            [value for band, key in enumerate(fingerprint.bands) for value in (band, key)],
        )
        matches = {
            other: similarity
            for other, signature in candidates
            if (similarity := fingerprint.similarity(signature)) >= THRESHOLD
        }
        if not matches:
            return None
        roots = {other: self._cluster_of(other) or other for other in matches}
        target = min(set(roots.values()), key=self._seq)
        for root in set(roots.values()) - {target}:
            db.execute("UPDATE near_duplicates SET cluster = ? WHERE cluster = ?", (target, root))
        for other, root in roots.items():
            if root == other and self._cluster_of(other) is None:
                db.execute(
                    "INSERT INTO near_duplicates(article_id, cluster, similarity) VALUES (?, ?, ?)",
                    (other, target, matches[other]),
                )
        db.execute(
            "INSERT INTO near_duplicates(article_id, cluster, similarity) VALUES (?, ?, ?)",
            (aid, target, max(matches.values())),
        )
        return target

    def _cluster_of(self, aid: str) -> str | None:
        row = self._db.execute(
            "SELECT cluster FROM near_duplicates WHERE article_id = ?", (aid,)
        ).fetchone()
        return row[0] if row else None

    def _seq(self, aid: str) -> int:
        return int(self._db.execute("SELECT seq FROM articles WHERE id = ?", (aid,)).fetchone()[0])

    def reject(self, rejection: Rejection) -> bool:
        """Record an input that could not be read; ``False`` if it was already recorded."""
        return bool(
            self._db.execute(
                "INSERT OR IGNORE INTO rejected(source, line, reason) VALUES (?, ?, ?)",
                (rejection.source, rejection.line, rejection.reason),
            ).rowcount
        )

    # -- reading ---------------------------------------------------------------

    def __len__(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM articles").fetchone()[0])

    def articles(
        self, *, outlet: str | None = None, language: str | None = None, limit: int | None = None
    ) -> Iterator[Article]:
        """Articles in ingest order, optionally filtered by outlet or language."""
        where, params = [], []
        if outlet is not None:
            where.append("outlet = ?")
            params.append(outlet)
        if language is not None:
            where.append("language = ?")
            params.append(language)
        sql = f"SELECT {_ARTICLE_COLUMNS} FROM articles"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY seq"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        for row in self._db.execute(sql, params):
            yield self._article(row)

    def get(self, id_or_prefix: str) -> Article:
        """The article whose id is or starts with ``id_or_prefix`` (unambiguously)."""
        prefix = id_or_prefix.strip().lower()
        if not prefix:
            raise ParleyError("give an article id (or the first characters of one)")
        rows = self._db.execute(
            f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE id >= ? AND id < ? ORDER BY id LIMIT 6",
            (prefix, prefix + "\U0010ffff"),
        ).fetchall()
        if not rows:
            raise ParleyError(f"no article with id {id_or_prefix!r} in {self.path}")
        if len(rows) > 1 and rows[0][0] != prefix:
            ids = ", ".join(r[0] for r in rows[:5])
            raise ParleyError(f"id prefix {id_or_prefix!r} is ambiguous: {ids}, …")
        return self._article(rows[0])

    def _article(self, row: tuple) -> Article:
        aid, text, source, title, outlet, author, published, language, dateline, url = row
        removed = [
            RemovedLine(text=t, reason=r, line=n)
            for n, t, r in self._db.execute(
                "SELECT line, text, reason FROM removed_lines WHERE article_id = ? "
                "ORDER BY position",
                (aid,),
            )
        ]
        return Article(
            text=text,
            source=source,
            title=title,
            outlet=outlet,
            author=author,
            published=published,
            language=language,
            dateline=dateline,
            url=url,
            removed=removed,
        )

    def sources(self, article_id: str) -> list[SourceRef]:
        """Every input location the article's text was read from."""
        return [
            SourceRef(source, line or None, url)
            for source, line, url in self._db.execute(
                "SELECT source, line, url FROM article_sources WHERE article_id = ? ORDER BY rowid",
                (article_id,),
            )
        ]

    def near_duplicates(self, article_id: str) -> list[tuple[str, float]]:
        """Other members of the article's near-duplicate cluster, with similarity."""
        return [
            (other, similarity)
            for other, similarity in self._db.execute(
                "SELECT n.article_id, n.similarity FROM near_duplicates n "
                "JOIN articles a ON a.id = n.article_id "
                "WHERE n.cluster = (SELECT cluster FROM near_duplicates WHERE article_id = ?) "
                "AND n.article_id != ? ORDER BY a.seq",
                (article_id, article_id),
            )
        ]

    def search(
        self, query: str, *, limit: int = 20, markers: tuple[str, str] = ("«", "»")
    ) -> list[SearchHit]:
        """Full-text search (FTS5 syntax; plain words are matched as given)."""
        sql = (
            "SELECT a.id, a.title, a.outlet, a.published, "
            "snippet(articles_fts, 1, ?, ?, '…', 16) FROM articles_fts "
            "JOIN articles a ON a.seq = articles_fts.rowid "
            "WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?"
        )
        try:
            rows = self._db.execute(sql, (*markers, query, limit)).fetchall()
        except sqlite3.OperationalError:
            # Not FTS5 syntax (e.g. "US-Präsident"): search the words as phrases.
            quoted = " ".join('"' + term.replace('"', '""') + '"' for term in query.split())
            try:
                rows = self._db.execute(sql, (*markers, quoted, limit)).fetchall()
            except sqlite3.OperationalError as exc:
                raise ParleyError(f"cannot search for {query!r}: {exc}") from None
        return [SearchHit(*row) for row in rows]

    def rejected(self) -> list[Rejection]:
        """Every input that could not be read, in the order first seen."""
        return [
            Rejection(source, line, reason)
            for source, line, reason in self._db.execute(
                "SELECT source, line, reason FROM rejected ORDER BY rowid"
            )
        ]
