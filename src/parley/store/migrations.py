"""Schema versions: numbered SQL files applied in order, tracked by ``user_version``.

The schema of a knowledge base is the sequence of files ``NNNN_name.sql`` in
``parley/store/schema/``. ``PRAGMA user_version`` records the last one
applied. Opening a database applies every newer file, each in its own
transaction together with the version bump, so a crash mid-migration leaves the
previous version intact.

To add tables for a later stage (extraction records, say), add the next file,
e.g. ``0002_records.sql`` with ``CREATE TABLE``/``CREATE INDEX`` statements.
Never edit a released file: databases in the field have already applied it.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from importlib import resources

from parley.errors import ParleyError

_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    sql: str


def migrations() -> list[Migration]:
    """All migrations shipped with parley, in version order."""
    folder = resources.files("parley.store").joinpath("schema")
    found = []
    for entry in folder.iterdir():
        match = _NAME.match(entry.name)
        if match:
            found.append(Migration(int(match.group(1)), entry.name, entry.read_text("utf-8")))
    found.sort(key=lambda m: m.version)
    versions = [m.version for m in found]
    if versions != list(range(1, len(found) + 1)):
        raise RuntimeError(f"migration numbers must run 1, 2, 3, … without gaps: {versions}")
    return found


def schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection, path: str) -> int:
    """Bring the database to the newest schema; returns the resulting version."""
    available = migrations()
    current = schema_version(conn)
    if current > len(available):
        raise ParleyError(
            f"{path}: knowledge base has schema version {current}, newer than this parley "
            f"understands ({len(available)}); upgrade parley"
        )
    for migration in available[current:]:
        bump = f"PRAGMA user_version = {migration.version};"
        conn.executescript(f"BEGIN IMMEDIATE;\n{migration.sql}\n{bump}\nCOMMIT;")
    return schema_version(conn)
