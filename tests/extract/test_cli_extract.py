"""`parley extract`, `parley ingest` with records, and the record queries, end to end."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from parley.cli.app import app

MINICASE = Path(__file__).with_name("minicase")
SEEDS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / "seeds"


def test_extract_writes_article_record_then_its_records(news, tmp_path, minicase):
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(
        app, ["extract", str(news), "--case", str(MINICASE), "--output", str(out)]
    )
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert records[0]["kind"] == "article" and records[0]["published"] == "2025-12-03"
    aid = records[0]["id"]
    kinds = {r["kind"] for r in records[1:]}
    assert kinds == {"mention", "quote", "event", "stance"}
    assert all(r["article"] == aid and 0 <= r["start"] <= r["end"] for r in records[1:])
    event = next(r for r in records if r["kind"] == "event")
    assert (event["type"], event["date"], event["place"]) == ("CONSULT", "2025-12-02", "moscow")
    quote = next(r for r in records if r["kind"] == "quote")
    assert quote["speaker"] == "yuri-ushakov"


def test_bad_format_and_unknown_case_are_one_line_errors(news, minicase):
    runner = CliRunner()
    bad = runner.invoke(app, ["extract", str(news), "--case", str(MINICASE), "--format", "xml"])
    assert bad.exit_code != 0
    missing = runner.invoke(app, ["extract", str(news), "--case", "no-such-case"])
    assert missing.exit_code != 0


def test_ingest_stores_records_and_queries_read_them(news, tmp_path, minicase):
    db = tmp_path / "kb.db"
    runner = CliRunner()
    args = ["ingest", str(news), "--db", str(db), "--case", str(MINICASE)]
    assert runner.invoke(app, args).exit_code == 0
    assert runner.invoke(app, args).exit_code == 0  # idempotent: records replaced, not doubled
    from parley.store.kb import KnowledgeBase
    from parley.store.records import query_records

    with KnowledgeBase(db) as kb:
        events = list(query_records(kb.connection, "event", label="CONSULT"))
        quotes = list(query_records(kb.connection, "quote", actor="yuri-ushakov"))
        stances = list(query_records(kb.connection, "stance", label="territory-donbas"))
    assert len(events) == 1 and events[0]["participants"] == ["steve-witkoff", "vladimir-putin"]
    assert len(quotes) == 1 and len(stances) == 1
    shown = runner.invoke(app, ["events", "--type", "consult", "--db", str(db)])
    assert "CONSULT" in shown.output and "moscow" in shown.output
    annotated = runner.invoke(
        app, ["show", events[0]["article"][:6], "--db", str(db), "--annotate"]
    )
    assert annotated.exit_code == 0 and "[vladimir-putin]" in annotated.output


@pytest.mark.shared
def test_seed_constructions_with_the_shipped_pack():
    """Constructions named in issue 3, read from the seed articles at run time."""
    if not SEEDS.is_dir():
        pytest.skip("../shared/corpus/seeds not present")
    cases = pytest.importorskip("parley.cases")
    from parley.extract.pipeline import Extractor
    from parley.ingest.pipeline import Prepared, prepare

    extractor = Extractor(cases.load_case("ukraine-2025"))
    by_file = {}
    for item in prepare([str(SEEDS)]):
        if isinstance(item, Prepared):
            name = Path(item.article.source).name[:3]
            by_file[name] = [r.to_record() for r in extractor.extract(item.article)]
    mentions = {n: {(m["surface"], m["actor"]) for m in r if m["kind"] == "mention"}
                for n, r in by_file.items()}  # fmt: skip
    # Role phrases by date, inflected and transliterated names, unknown persons.
    assert ("Sondergesandte", "steve-witkoff") in {(s.split()[-1], a) for s, a in mentions["000"]}
    assert ("Ushakov", "yuri-ushakov") in mentions["000"]
    gerasimov = [
        m for m in by_file["002"] if m["kind"] == "mention" and "Gerassimow" in m["surface"]
    ]
    assert gerasimov and all(m["actor"] == "valery-gerasimov" for m in gerasimov)
    # The phone call of 14 October, its participants and date.
    calls = [e for e in by_file["000"] if e["kind"] == "event" and e["mode"] == "phone"]
    assert any(
        set(e["participants"]) == {"steve-witkoff", "yuri-ushakov"} and e["date"] == "2025-10-14"
        for e in calls
    )


def test_no_readable_input_is_an_error_and_writes_nothing(tmp_path, minicase):
    out = tmp_path / "out.jsonl"
    missing = tmp_path / "missing.txt"
    result = CliRunner().invoke(
        app, ["extract", str(missing), "--case", str(MINICASE), "--output", str(out)]
    )
    assert result.exit_code != 0
    assert not out.exists() and not list(tmp_path.glob("*.part"))
