"""Extraction records in the knowledge base: stored per article, queried by kind.

An article's records are replaced as a whole, so re-extracting an article (a
new case pack, a better extractor) never leaves stale records behind and a
re-run is idempotent.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

_ACTOR = {"mention": "actor", "quote": "speaker", "event": "source_actor", "stance": "actor"}
_LABEL = {"mention": "type", "quote": "mode", "event": "type", "stance": "issue"}


def save_records(
    conn: sqlite3.Connection,
    article_id: str,
    records: Iterable[dict[str, Any]],
    made_by: Provenance | None = None,
) -> int:
    """Replace the stored records of ``article_id`` with ``records`` in one transaction."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        count = write_records(conn, article_id, records, made_by)
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
    return count


def write_records(
    conn: sqlite3.Connection,
    article_id: str,
    records: Iterable[dict[str, Any]],
    made_by: Provenance | None = None,
) -> int:
    """Replace the stored records of ``article_id`` inside the caller's transaction.

    ``parley ingest`` calls this within the article's own transaction, so an
    article is never stored without its records, even if the run is killed.
    ``made_by`` records which case pack and extractor produced them.
    """
    rows = [
        (
            article_id,
            i,
            r["kind"],
            r["start"],
            r["end"],
            r.get(_ACTOR.get(r["kind"], "")),
            r.get(_LABEL.get(r["kind"], "")),
            json.dumps(r, ensure_ascii=False),
        )
        for i, r in enumerate(records)
    ]
    conn.execute("DELETE FROM records WHERE article_id = ?", (article_id,))
    conn.executemany("INSERT INTO records VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
    if made_by is not None:
        conn.execute(
            "INSERT OR REPLACE INTO extractions VALUES (?, ?, ?, ?)",
            (article_id, made_by.case, made_by.stamp, len(rows)),
        )
    return len(rows)


@dataclass(frozen=True, slots=True)
class Provenance:
    """The case pack and extractor stamp (``parley.extract.stamp``) behind some records."""

    case: str
    stamp: str


def stale_articles(conn: sqlite3.Connection, made_by: Provenance) -> list[str]:
    """Ids of stored articles whose records another case pack or extractor produced
    (or that were stored without extraction), in ingest order."""
    rows = conn.execute(
        "SELECT a.id FROM articles a LEFT JOIN extractions e ON e.article_id = a.id"
        " WHERE e.stamp IS NULL OR e.stamp != ? OR e.case_name != ? ORDER BY a.seq",
        (made_by.stamp, made_by.case),
    )
    return [aid for (aid,) in rows]


def record_counts(conn: sqlite3.Connection) -> dict[str, int]:
    """Stored records per kind."""
    rows = conn.execute("SELECT kind, count(*) FROM records GROUP BY kind")
    return dict(rows.fetchall())


def query_records(
    conn: sqlite3.Connection,
    kind: str,
    *,
    actor: str | None = None,
    label: str | None = None,
    article: str | None = None,
    participant: str | None = None,
    limit: int | None = None,
) -> Iterator[dict[str, Any]]:
    """Stored records of one kind, filtered; each with ``published`` of its article."""
    sql = (
        "SELECT r.data, a.published, a.title FROM records r JOIN articles a ON a.id = r.article_id"
        " WHERE r.kind = ?"
    )
    args: list[Any] = [kind]
    if actor is not None:
        sql += " AND r.actor = ?"
        args.append(actor)
    if label is not None:
        sql += " AND r.label = ?"
        args.append(label)
    if article is not None:
        sql += " AND r.article_id LIKE ?"
        args.append(article + "%")
    sql += " ORDER BY a.published, a.seq, r.position"
    count = 0
    for data, published, title in conn.execute(sql, args):
        record = json.loads(data)
        if participant is not None and participant not in record.get("participants", ()):
            continue
        record["_published"], record["_title"] = published, title
        yield record
        count += 1
        if limit is not None and count >= limit:
            return


def article_records(conn: sqlite3.Connection, article_id: str) -> list[dict[str, Any]]:
    """All stored records of one article, in extraction order."""
    rows = conn.execute(
        "SELECT data FROM records WHERE article_id = ? ORDER BY position", (article_id,)
    )
    return [json.loads(d) for (d,) in rows]
