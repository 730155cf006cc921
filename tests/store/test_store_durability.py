"""Idempotency and crash safety: the knowledge base depends only on the inputs.

Re-running on the same inputs changes nothing, and a run killed with SIGKILL
part-way and then re-run gives exactly the knowledge base of a run that was
never interrupted (compared as a canonical dump of every table).
"""

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from parley.cli.app import app

SRC = Path(__file__).resolve().parents[2] / "src"


def dump(db: Path) -> dict:
    """Every table's rows (with rowids, which fix ingest order), the schema version,
    and a check that the full-text index agrees with the articles."""
    conn = sqlite3.connect(db)
    try:
        conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
        out = {"user_version": conn.execute("PRAGMA user_version").fetchone()[0]}
        tables = [
            name
            for (name,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'articles_fts%' ORDER BY name"
            )
        ]
        for table in tables:
            width = len(conn.execute(f"PRAGMA table_info({table})").fetchall())
            order = ", ".join(str(i) for i in range(1, width + 2))
            try:
                rows = conn.execute(f"SELECT rowid, * FROM {table} ORDER BY {order}").fetchall()
            except sqlite3.OperationalError:  # WITHOUT ROWID table
                rows = conn.execute(f"SELECT * FROM {table} ORDER BY {order[:-3]}").fetchall()
            out[table] = rows
        out["search"] = conn.execute(
            "SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'genf OR moskau' "
            "ORDER BY rowid"
        ).fetchall()
        return out
    finally:
        conn.close()


def make_corpus(root: Path, prose, files: int, records: int) -> None:
    """Text files, a JSONL feed, exact and near duplicates, and some bad input."""
    root.mkdir()
    for i in range(files):
        (root / f"{i:03d}.txt").write_text(prose(i, 15), encoding="utf-8")
    (root / "copy.txt").write_text(prose(3, 15), encoding="utf-8")
    feed = [
        json.dumps({"text": prose(1000 + i, 15), "outlet": f"O{i % 4}"}) for i in range(records)
    ]
    feed[5] = "{broken"
    feed.append(json.dumps({"text": prose(7, 15).replace("sagte", "meinte", 1)}))
    (root / "z_feed.jsonl").write_text("\n".join(feed) + "\n", encoding="utf-8")
    (root / "binary.txt").write_bytes(bytes(range(256)) * 8)


def test_re_running_on_the_same_inputs_changes_nothing(tmp_path, prose, monkeypatch):
    make_corpus(tmp_path / "corpus", prose, files=6, records=10)
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    assert runner.invoke(app, ["ingest", "corpus", "--db", "kb.db"]).exit_code == 0
    before = dump(tmp_path / "kb.db")
    second = runner.invoke(app, ["ingest", "corpus", "--db", "kb.db"])
    assert second.exit_code == 0
    assert dump(tmp_path / "kb.db") == before
    assert len(before["articles"]) == 6 + 10 - 1 + 1


def run_parley(cwd: Path, *args: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    return subprocess.Popen(
        [sys.executable, "-m", "parley", *args],
        cwd=cwd,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def count_articles(db: Path) -> int:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.1)
        try:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


@pytest.mark.slow
def test_a_run_killed_part_way_then_re_run_equals_an_uninterrupted_run(tmp_path, prose):
    make_corpus(tmp_path / "corpus", prose, files=60, records=100)
    whole = run_parley(tmp_path, "ingest", "corpus", "--db", "whole.db")
    assert whole.wait(timeout=300) == 0, whole.stderr.read().decode()
    total = count_articles(tmp_path / "whole.db")

    killed = run_parley(tmp_path, "ingest", "corpus", "--db", "killed.db")
    deadline = time.monotonic() + 120
    while count_articles(tmp_path / "killed.db") < 25 and time.monotonic() < deadline:
        assert killed.poll() is None, "the run finished before it could be killed"
        time.sleep(0.005)
    os.kill(killed.pid, signal.SIGKILL)
    killed.wait()
    partial = count_articles(tmp_path / "killed.db")
    assert 25 <= partial < total

    resumed = run_parley(tmp_path, "ingest", "corpus", "--db", "killed.db")
    assert resumed.wait(timeout=300) == 0, resumed.stderr.read().decode()
    assert dump(tmp_path / "killed.db") == dump(tmp_path / "whole.db")
