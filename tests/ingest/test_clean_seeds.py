"""The cleaner on the five real seed articles in ../shared (read at run time, never copied)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from parley.ingest.clean import clean_text

SEEDS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / "seeds"

pytestmark = [
    pytest.mark.shared,
    pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/corpus/seeds not present"),
]


def _seed(prefix: str) -> str:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def _sentence_with(text: str, cue: str) -> str:
    """The sentence of ``text`` containing ``cue``: seed prose is looked up, never copied here."""
    (sentence,) = [s for s in re.split(r"(?<=[.!?“])\s+", text) if cue in s]
    return sentence


def _removed(prefix: str) -> list[tuple[str, str]]:
    return [(r.reason, r.text) for r in clean_text(_seed(prefix)).removed]


def test_photo_credits_removed_but_reuters_in_prose_kept():
    removed = _removed("004")
    credits = [t for reason, t in removed if reason == "photo-credit"]
    assert len(credits) == 3
    assert all(t.startswith("© ") for t in credits)
    assert any(t.startswith("© IMAGO/") for t in credits)
    assert sum(t.startswith("© REUTERS/") for t in credits) == 2


def test_consent_block_removed_through_its_last_sentence():
    raw = _seed("004")
    block = [t for reason, t in _removed("004") if reason == "consent-block"]
    assert block[0] == "Empfohlener redaktioneller Inhalt"
    assert len(block) == 3 and block[-1].endswith("widerrufen können.")
    cleaned = clean_text(raw).text
    assert "redaktioneller Inhalt" not in cleaned and "Datenschutz" not in cleaned
    # The prose right after the block survives.
    assert "erklärte Witkoff zu Beginn der Gespräche" in cleaned


def test_paywall_fields_and_empty_stand_removed():
    removed = _removed("004")
    fields = [t for reason, t in removed if reason == "paywall-field"]
    assert {"- showPaywall:", "- isSubscriber:", "- isPaid:"} <= set(fields)
    assert ("empty-timestamp", "Stand:") in removed
    cleaned = clean_text(_seed("004")).text
    assert "showPaywall" not in cleaned and not re.search(r"^Stand:", cleaned, re.M)
    assert cleaned.rstrip().endswith("(ben, Valeriia Semeniuk, mit Agenturen)")


def test_republisher_disclaimer_removed():
    removed = _removed("001")
    assert [reason for reason, _ in removed] == ["republisher-disclaimer"]
    cleaned = clean_text(_seed("001")).text
    assert "Haftungsausschluss" not in cleaned
    assert cleaned.endswith("für die Ukraine zuständig.")


def test_embedded_post_removed_but_sentence_about_it_kept():
    removed = _removed("002")
    assert [reason for reason, _ in removed] == ["embedded-post-text", "embedded-post-signature"]
    assert removed[1][1].startswith("— Kirill Dmitriev (@kadmitriev)")
    raw = _seed("002")
    cleaned = clean_text(raw).text
    assert "pic.twitter.com" not in cleaned and "@kadmitriev" not in cleaned
    assert _sentence_with(raw, "Plattform X") in cleaned  # the article's sentence on the post


def test_markdown_links_reduced_to_their_text_and_bracketed_quote_kept():
    raw = _seed("003")
    result = clean_text(raw)
    assert "](#)" not in result.text
    linked = _sentence_with(raw, "[Gespräch](#)")
    assert linked.replace("[Gespräch](#)", "Gespräch") in result.text
    assert "[das Team Trump]" in result.text  # editorial insertion in a quote, not a link
    assert {r.reason for r in result.removed} == {"markdown-link"}
    assert "[Gespräch](#)" in [r.text for r in result.removed]
    # A sentence ending in "der Stand der Dinge." is prose, not an empty "Stand:" stamp.
    assert _sentence_with(raw, "der Stand der Dinge") in result.text


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?“])\s+", text) if len(s.split()) >= 4]


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_every_prose_sentence_survives(prefix):
    """Every sentence of every line not removed as a whole is kept, modulo inline rewrites."""
    raw = _seed(prefix)
    result = clean_text(raw)
    dropped_lines = {
        r.line for r in result.removed if r.reason not in ("markdown-link", "link-placeholder")
    }
    cleaned = result.text
    for number, line in enumerate(raw.splitlines(), start=1):
        if number in dropped_lines:
            continue
        line = re.sub(r"\[([^\]]+)\]\(#\)", r"\1", line)
        line = line.replace(" (Link)", "")
        for sentence in _sentences(line.strip()):
            assert sentence in cleaned, (prefix, number, sentence)
