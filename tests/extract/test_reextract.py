"""`parley reextract`: stored records follow the extractor and case pack that made them."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

from typer.testing import CliRunner

from parley.cli.app import app

MINICASE = Path(__file__).with_name("minicase")


def _invoke(*args: str) -> str:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def _dump(db: Path) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT * FROM records ORDER BY article_id, position").fetchall()


def test_articles_stored_without_extraction_are_extracted_once(news, tmp_path):
    db = tmp_path / "kb.db"
    out = _invoke("ingest", str(news), "--db", str(db), "--no-extract")
    assert _dump(db) == []
    out = _invoke("reextract", "--db", str(db), "--case", str(MINICASE))
    assert "Re-extracted 1 of 1" in out and "mentions 0 -> " in out
    stored = _dump(db)
    assert {row[2] for row in stored} >= {"mention", "event", "stance"}
    again = _invoke("reextract", "--db", str(db), "--case", str(MINICASE))
    assert "Re-extracted 0 of 1" in again and "unchanged" in again
    assert _dump(db) == stored


def test_a_changed_case_pack_makes_records_stale(news, tmp_path):
    pack = tmp_path / "pack"
    shutil.copytree(MINICASE, pack)
    db = tmp_path / "kb.db"
    _invoke("ingest", str(news), "--db", str(db), "--case", str(pack))
    first = _dump(db)
    assert _invoke("reextract", "--db", str(db), "--case", str(pack)).count("Re-extracted 0") == 1
    # The pack forgets Donbas: the stance on it must go, and ingest says the records are stale.
    issues = (pack / "issues.yaml").read_text(encoding="utf-8")
    (pack / "issues.yaml").write_text(issues.replace("Donbass", "Donezkbecken"), encoding="utf-8")
    hint = _invoke("ingest", str(news), "--db", str(db), "--case", str(pack))
    assert "parley reextract" in hint
    out = _invoke("reextract", "--db", str(db), "--case", str(pack))
    assert "Re-extracted 1 of 1" in out
    assert _dump(db) != first
    assert "reextract" not in _invoke("ingest", str(news), "--db", str(db), "--case", str(pack))


def test_all_re_extracts_up_to_date_articles_to_the_same_records(news, tmp_path):
    db = tmp_path / "kb.db"
    _invoke("ingest", str(news), "--db", str(db), "--case", str(MINICASE))
    first = _dump(db)
    out = _invoke("reextract", "--db", str(db), "--case", str(MINICASE), "--all")
    assert "Re-extracted 1 of 1" in out and "unchanged" in out
    assert _dump(db) == first


def test_missing_knowledge_base_is_a_clear_error_and_creates_nothing(tmp_path):
    missing = tmp_path / "none.db"
    result = CliRunner().invoke(app, ["reextract", "--db", str(missing)])
    assert result.exit_code != 0
    assert "none.db" in str(result.exception)
    assert not missing.exists()


def test_records_reports_what_ingest_stored_without_extracting_again(news, tmp_path):
    db = tmp_path / "kb.db"
    _invoke("ingest", str(news), "--db", str(db), "--case", str(MINICASE))
    report = _invoke("records", "--db", str(db))
    with sqlite3.connect(db) as conn:
        event = json.loads(
            conn.execute("SELECT data FROM records WHERE kind = 'event'").fetchone()[0]
        )
        conn.execute("DELETE FROM records WHERE kind = 'stance'")
    assert "CONSULT" in report and event["date"] in report and "stance" in report
    assert "stance" not in _invoke("records", "--db", str(db))  # read from the store
