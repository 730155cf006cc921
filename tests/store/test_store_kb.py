"""The knowledge base API: schema migrations, storing, lookup, full-text search."""

import sqlite3

import numpy as np
import pytest

from parley.errors import ParleyError
from parley.ingest.article import Article, RemovedLine
from parley.ingest.dedup import BANDS, NUM_PERM, Fingerprint
from parley.ingest.sources import Rejection
from parley.store.kb import KnowledgeBase, SourceRef
from parley.store.migrations import migrations


def add(kb, text, source="a.txt", line=None, **meta):
    article = Article(text=text, source=source, **meta)
    return kb.add_article(article, origin=SourceRef(source, line, None), digest=source + text)


def test_fresh_database_gets_every_migration_and_reopening_changes_nothing(tmp_path):
    path = tmp_path / "kb.db"
    with KnowledgeBase(path) as kb:
        assert kb.schema_version == len(migrations()) >= 1
        add(kb, "Putin traf Witkoff in Moskau.")
    with KnowledgeBase(path) as kb:
        assert kb.schema_version == len(migrations())
        assert len(kb) == 1


def test_migration_files_are_numbered_without_gaps():
    assert [m.version for m in migrations()] == list(range(1, len(migrations()) + 1))


def test_database_from_a_newer_parley_is_refused(tmp_path):
    path = tmp_path / "kb.db"
    KnowledgeBase(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA user_version = {len(migrations()) + 1}")
    with pytest.raises(ParleyError, match="newer than this parley"):
        KnowledgeBase(path)


def test_a_file_that_is_not_a_database_is_refused(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("just some notes, not SQLite " * 50)
    with pytest.raises(ParleyError, match="not a usable parley knowledge base"):
        KnowledgeBase(path)


def test_reading_commands_do_not_create_a_database(tmp_path):
    with pytest.raises(ParleyError, match="run `parley ingest` first"):
        KnowledgeBase(tmp_path / "missing.db", create=False)
    assert not (tmp_path / "missing.db").exists()


def test_article_round_trips_with_metadata_and_removed_lines(tmp_path):
    article = Article(
        text="Witkoff reiste nach Moskau.",
        source="feed.jsonl:3",
        title="Reise",
        outlet="Wire",
        author="A. Autor",
        published="2025-12-02",
        language="de",
        dateline="MOSKAU",
        url="https://example.org/x",
        removed=[RemovedLine("© IMAGO/x", "photo-credit", 2), RemovedLine("Stand:", "empty", 9)],
    )
    with KnowledgeBase(tmp_path / "kb.db") as kb:
        added = kb.add_article(article, origin=SourceRef("feed.jsonl", 3, article.url), digest="d1")
        assert added.status == "new" and added.article_id == article.id
        assert kb.get(article.id) == article
        assert list(kb.articles()) == [article]
        assert kb.sources(article.id) == [SourceRef("feed.jsonl", 3, "https://example.org/x")]
        assert kb.seen("feed.jsonl", 3, "d1") == article.id
        assert kb.seen("feed.jsonl", 3, "other") is None


def test_identical_text_from_two_sources_is_one_article_with_both_sources(tmp_path):
    with KnowledgeBase(tmp_path / "kb.db") as kb:
        first = add(kb, "Gleicher Text.", source="a.txt")
        second = add(kb, "Gleicher Text.", source="b.txt")
        again = add(kb, "Gleicher Text.", source="b.txt")
        assert [first.status, second.status, again.status] == ["new", "duplicate", "unchanged"]
        assert len(kb) == 1
        assert [s.source for s in kb.sources(first.article_id)] == ["a.txt", "b.txt"]


def test_get_accepts_an_unambiguous_id_prefix(tmp_path):
    with KnowledgeBase(tmp_path / "kb.db") as kb:
        ids = [add(kb, f"Artikel Nummer {i}.", source=f"{i}.txt").article_id for i in range(40)]
        target = ids[0]
        unique = next(
            target[:n] for n in range(1, 17) if sum(i.startswith(target[:n]) for i in ids) == 1
        )
        assert kb.get(unique).id == target
        assert kb.get(target.upper()).id == target
        shared = next(a[:1] for a in ids if sum(b.startswith(a[:1]) for b in ids) > 1)
        with pytest.raises(ParleyError, match="ambiguous"):
            kb.get(shared)
        with pytest.raises(ParleyError, match="no article"):
            kb.get("zzzz")


def test_articles_can_be_filtered(tmp_path):
    with KnowledgeBase(tmp_path / "kb.db") as kb:
        add(kb, "Erster Text.", source="1.txt", outlet="A", language="de")
        add(kb, "Second text.", source="2.txt", outlet="B", language="en")
        add(kb, "Dritter Text.", source="3.txt", outlet="B", language="de")
        assert [a.source for a in kb.articles(outlet="B")] == ["2.txt", "3.txt"]
        assert [a.source for a in kb.articles(language="de", limit=1)] == ["1.txt"]


def test_full_text_search_ranks_and_marks_matches(tmp_path):
    with KnowledgeBase(tmp_path / "kb.db") as kb:
        add(
            kb,
            "Der US-Präsident telefonierte mit dem Kremlchef.",
            source="1.txt",
            title="Telefonat",
        )
        add(kb, "Gespräche in Genf über den 28-Punkte-Plan.", source="2.txt", title="Genf")
        add(kb, "Über Sanktionen wurde nicht gesprochen.", source="3.txt")
        [hit] = kb.search("Genf")
        assert hit.title == "Genf" and "«Genf»" in hit.snippet
        # words with hyphens are not FTS5 syntax; they are searched as phrases
        [hit] = kb.search("US-Präsident")
        assert hit.title == "Telefonat"
        # diacritics and case are folded: "uber" finds "über" and "Über"
        assert sorted(h.snippet.startswith("«Über»") for h in kb.search("uber")) == [False, True]
        assert kb.search("Genf OR Sanktionen", limit=5)[0].article_id
        assert kb.search("Waffenstillstand") == []


def test_rejections_are_recorded_once(tmp_path):
    with KnowledgeBase(tmp_path / "kb.db") as kb:
        bad = Rejection("feed.jsonl", 4, "malformed JSON: Expecting value (column 1)")
        assert kb.reject(bad) is True
        assert kb.reject(bad) is False
        assert kb.reject(Rejection("x.bin", None, "binary content, not text")) is True
        assert kb.reject(Rejection("x.bin", None, "binary content, not text")) is False
        assert kb.rejected() == [bad, Rejection("x.bin", None, "binary content, not text")]


def _print(name: str, values: list[int], keys: dict[int, int]) -> Fingerprint:
    """A fingerprint with chosen signature values and chosen band keys (others unique)."""
    signature = np.array(values, dtype="<u4").tobytes()
    bands = tuple(keys.get(i, hash((name, i))) for i in range(BANDS))
    return Fingerprint(signature=signature, bands=bands)


def test_an_article_bridging_two_clusters_merges_them_into_the_oldest(tmp_path):
    half = NUM_PERM // 2
    quarter = NUM_PERM // 4
    a = [1] * half + [2] * half
    b = [1] * half + [3] * half  # similarity to a: 0.5, below the threshold
    bridge = [1] * half + [2] * quarter + [3] * quarter  # 0.75 to both
    prints = {
        "A": _print("A", a, {0: -10}),
        "A2": _print("A2", a, {0: -10}),  # copy of A
        "B": _print("B", b, {1: 11}),
        "B2": _print("B2", b, {1: 11}),  # copy of B
        "C": _print("C", bridge, {0: -10, 1: 11}),
    }
    with KnowledgeBase(tmp_path / "kb.db") as kb:
        added = {}
        for name, fp in prints.items():
            article = Article(text=f"Text {name}.", source=f"{name}.txt")
            added[name] = kb.add_article(
                article, origin=SourceRef(f"{name}.txt", None, None), digest=name, fingerprint=fp
            )
        ids = {name: a.article_id for name, a in added.items()}
        assert added["A2"].cluster == ids["A"]
        assert added["B2"].cluster == ids["B"]
        assert added["C"].status == "near-duplicate" and added["C"].cluster == ids["A"]
        members = set(ids.values())
        for aid in members:
            assert {other for other, _ in kb.near_duplicates(aid)} == members - {aid}
        assert dict(kb.near_duplicates(ids["A"]))[ids["C"]] == 0.75
