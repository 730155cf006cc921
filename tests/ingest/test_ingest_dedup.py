"""Duplicates: identical text collapses, agency copy with small edits is clustered."""

import json
import random

from parley.ingest.dedup import BANDS, NUM_PERM, ROWS, THRESHOLD, fingerprint
from parley.store.kb import KnowledgeBase
from parley.store.load import ingest


def edited(text: str, seed: int, edits: int) -> str:
    """Agency copy as republished: a few words replaced, a line of its own added."""
    rng = random.Random(seed)
    words = text.split(" ")
    for i in rng.sample(range(len(words)), edits):
        words[i] = rng.choice(["laut", "offenbar", "demnach", "zudem", "bereits"])
    return "Eigener Vorspann der Redaktion.\n\n" + " ".join(words)


def test_band_layout_is_the_one_datasketch_chooses():
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
    assert (lsh.b, lsh.r) == (BANDS, ROWS)


def test_short_texts_get_no_fingerprint(prose):
    assert fingerprint("Putin traf Witkoff in Moskau.") is None
    assert fingerprint(prose(1, 30)) is not None


def test_similarity_separates_copies_from_other_articles(prose):
    text = prose(1, 30)
    original = fingerprint(text)
    assert original.similarity(fingerprint(edited(text, 1, 5)).signature) > THRESHOLD
    assert original.similarity(fingerprint(prose(2, 30)).signature) < 0.2


def test_near_duplicates_across_outlets_are_kept_and_linked(tmp_path, prose):
    text = prose(1, 30)
    records = [
        {"text": text, "outlet": "Agentur"},
        {"text": prose(2, 30), "outlet": "Andere"},
        {"text": edited(text, 1, 5), "outlet": "Zeitung A"},
        {"text": edited(text, 2, 8), "outlet": "Zeitung B"},
        {"text": text, "outlet": "Agentur"},  # exact copy: one article, two sources
    ]
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    with KnowledgeBase(tmp_path / "kb.db") as kb:
        outcomes = list(ingest([str(feed)], kb))
        assert [o.status for o in outcomes] == [
            "new",
            "new",
            "near-duplicate",
            "near-duplicate",
            "duplicate",
        ]
        original, other, copy_a, copy_b, _ = (o.article_id for o in outcomes)
        assert len(kb) == 4
        assert {o.cluster for o in outcomes[2:]} == {original}
        assert [a for a, _ in kb.near_duplicates(original)] == [copy_a, copy_b]
        assert all(sim >= THRESHOLD for _, sim in kb.near_duplicates(copy_b))
        assert kb.near_duplicates(other) == []
        assert [s.line for s in kb.sources(original)] == [1, 5]
