"""`parley ingest` end to end through the CLI: formats, bad input, exit codes, stdin."""

import codecs
import gzip
import json

import pytest
from typer.testing import CliRunner

from parley.cli.app import app
from parley.store.kb import KnowledgeBase

runner = CliRunner()


def ingest(*args, input=None):
    """`parley ingest` without extraction: these tests are about reading and storing."""
    return runner.invoke(app, ["ingest", "--no-extract", *map(str, args)], input=input)


@pytest.fixture
def bad_corpus(tmp_path, prose):
    """One good file and one of every bad-input kind the issue names."""
    root = tmp_path / "corpus"
    root.mkdir()
    (root / "good.txt").write_text(prose(1), encoding="utf-8")
    (root / "legacy.txt").write_bytes(prose(2).replace("e", "é").encode("cp1252"))
    (root / "utf16.txt").write_bytes(codecs.BOM_UTF16_LE + prose(3).encode("utf-16-le"))
    (root / "binary.txt").write_bytes(b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 4)
    (root / "empty.txt").write_bytes(b"")
    (root / "broken.txt").write_bytes(prose(4).encode() + b"\xff\xfe" + "Größe".encode())
    (root / "huge.txt").write_text(prose(5) * 200, encoding="utf-8")
    (root / "dangling.html").symlink_to(root / "nowhere.html")
    (root / "feed.jsonl").write_text(
        json.dumps({"text": prose(6)}) + "\n{not json\n" + json.dumps({"title": "x"}) + "\n",
        encoding="utf-8",
    )
    return root


def test_every_bad_input_is_reported_recorded_and_the_run_goes_on(bad_corpus, tmp_path):
    db = tmp_path / "kb.db"
    result = ingest(bad_corpus, "--db", db, "--max-bytes", 20_000)
    assert result.exit_code == 0, result.output
    with KnowledgeBase(db) as kb:
        sources = sorted(a.source.rsplit("/", 1)[-1] for a in kb.articles())
        rejected = {(r.source.rsplit("/", 1)[-1], r.line): r.reason for r in kb.rejected()}
    assert sources == ["feed.jsonl:1", "good.txt", "legacy.txt", "utf16.txt"]
    assert set(rejected) == {
        ("binary.txt", None),
        ("broken.txt", None),
        ("dangling.html", None),
        ("empty.txt", None),
        ("feed.jsonl", 2),
        ("feed.jsonl", 3),
        ("huge.txt", None),
    }
    assert rejected[("binary.txt", None)] == "binary content, not text"
    assert rejected[("broken.txt", None)].startswith("invalid UTF-8 at byte")
    assert rejected[("empty.txt", None)] == "empty file"
    assert rejected[("huge.txt", None)].startswith("file too large")
    assert rejected[("feed.jsonl", 2)].startswith("malformed JSON")
    # each rejection is one line naming the file (and the JSONL line)
    assert f"{bad_corpus / 'feed.jsonl'}:2: malformed JSON" in result.output.replace("\n", "")


def test_strict_fails_when_anything_was_rejected(bad_corpus, tmp_path, prose):
    assert ingest(bad_corpus, "--db", tmp_path / "a.db", "--strict").exit_code == 1
    good = tmp_path / "good"
    good.mkdir()
    (good / "a.txt").write_text(prose(1), encoding="utf-8")
    assert ingest(good, "--db", tmp_path / "b.db", "--strict").exit_code == 0


def test_legacy_encoded_text_is_stored_correctly(tmp_path, prose):
    text = prose(7).replace("a", "ä")
    (tmp_path / "a.txt").write_bytes(text.encode("latin-1"))
    ingest(tmp_path / "a.txt", "--db", tmp_path / "kb.db")
    with KnowledgeBase(tmp_path / "kb.db") as kb:
        [article] = kb.articles()
    assert "ä" in article.text and "Ã" not in article.text


def test_stdin_jsonl_and_gzip(tmp_path, prose):
    feed = "\n".join(json.dumps({"text": prose(i), "outlet": "Wire"}) for i in range(3))
    db = tmp_path / "kb.db"
    result = ingest("-", "--db", db, input=gzip.compress(feed.encode()))
    assert result.exit_code == 0, result.output
    with KnowledgeBase(db) as kb:
        assert [a.source for a in kb.articles()] == ["<stdin>:1", "<stdin>:2", "<stdin>:3"]


def test_db_location_from_environment(tmp_path, prose, monkeypatch):
    (tmp_path / "a.txt").write_text(prose(1), encoding="utf-8")
    monkeypatch.setenv("PARLEY_DB", str(tmp_path / "env.db"))
    assert ingest(tmp_path / "a.txt").exit_code == 0
    assert (tmp_path / "env.db").exists()


def test_summary_counts_new_duplicate_and_unchanged(tmp_path, prose):
    (tmp_path / "a.txt").write_text(prose(1), encoding="utf-8")
    (tmp_path / "copy.txt").write_text(prose(1), encoding="utf-8")
    (tmp_path / "notes.md").write_text("not news", encoding="utf-8")
    db = tmp_path / "kb.db"
    first = ingest(tmp_path, "--db", db)
    assert "New articles" in first.output and "Exact duplicates" in first.output
    assert "Skipped (not a news format)" in first.output
    with KnowledgeBase(db) as kb:
        [article] = kb.articles()
        assert len(kb.sources(article.id)) == 2
    second = ingest(tmp_path, "--db", db)
    assert "Already in the knowledge base │ 2" in second.output


def test_articles_show_and_search_commands(tmp_path, prose):
    (tmp_path / "a.txt").write_text(prose(1), encoding="utf-8")
    db = tmp_path / "kb.db"
    ingest(tmp_path, "--db", db)
    with KnowledgeBase(db) as kb:
        [article] = kb.articles()
    listing = runner.invoke(app, ["articles", "--db", str(db)])
    assert article.id[:12] in listing.output
    shown = runner.invoke(app, ["show", article.id[:6], "--db", str(db)])
    assert shown.exit_code == 0 and article.text.split("\n")[0][:40] in shown.output
    word = article.text.split()[0]
    found = runner.invoke(app, ["search", word, "--db", str(db)])
    assert found.exit_code == 0 and article.id in found.output
    missing = runner.invoke(app, ["show", "zzzz", "--db", str(db)])
    assert missing.exit_code != 0


@pytest.mark.parametrize(
    ("record", "outlet_rules"),
    [
        ({"url": "https://www.welt.de/politik/ausland/article1.html"}, True),
        ({"url": "https://www.welt.de/politik/article2.html", "outlet": "Lokalblatt"}, True),
        ({"outlet": "WELT"}, True),
        ({"url": "https://lokalblatt.example/politik/article3.html"}, False),
        ({}, False),
    ],
)
def test_outlet_rules_follow_the_url_when_no_outlet_field_names_one(
    tmp_path, prose, record, outlet_rules
):
    """A WELT page known only by its URL loses WELT's own furniture; other pages keep the line."""
    promo = "Hier können Sie unsere WELT-Podcasts hören"
    text = f"{prose(7)}\n\n{promo}\n\n{prose(8)}"
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"text": text, **record}) + "\n", encoding="utf-8")
    db = tmp_path / "kb.db"
    assert ingest(feed, "--db", db).exit_code == 0
    with KnowledgeBase(db) as kb:
        [article] = kb.articles()
    assert (promo in article.text) is not outlet_rules
    assert [r.reason for r in article.removed] == (["welt-promo"] if outlet_rules else [])
    assert all(line.strip() in article.text for line in (prose(7) + prose(8)).splitlines())
