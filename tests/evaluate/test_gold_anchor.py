"""The gold anchoring tool turns text snippets into offsets, in reading order."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

_SPEC = importlib.util.spec_from_file_location(
    "gold_anchor", Path(__file__).resolve().parents[1] / "gold" / "anchor.py"
)
anchor = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(anchor)

TEXT = (
    "Putin traf Witkoff am Dienstag.\n"
    "Uschakow sagte, es gebe\nnoch viel Arbeit. Putin fordert den Donbass."
)


def test_snippets_match_across_rewrapped_whitespace():
    start, end = anchor.find(TEXT, "es gebe noch viel Arbeit", 0, "t")
    assert TEXT[start:end] == "es gebe\nnoch viel Arbeit"


def test_repeated_names_are_taken_in_reading_order_and_after_skips():
    spec = {
        "source": "x.txt",
        "mentions": [
            {"actor": "vladimir-putin", "surface": "Putin"},
            {"actor": "steve-witkoff", "surface": "Witkoff"},
            {"actor": "vladimir-putin", "surface": "Putin"},
            {"actor": "donbas", "type": "place", "surface": "Donbass", "after": "fordert"},
        ],
        "stances": [
            {"anchor": "Putin fordert den Donbass", "actor": "vladimir-putin",
             "issue": "territory-donbas", "stance": "demand"},
        ],
    }  # fmt: skip
    records = anchor.anchor(spec, TEXT, [])
    article, *rest = records
    assert article["chars"] == len(TEXT) and article["kind"] == "article"
    starts = [r["start"] for r in rest if r["kind"] == "mention"]
    assert starts == [0, 11, TEXT.index("Putin fordert"), TEXT.index("Donbass")]
    assert all(TEXT[r["start"] : r["end"]] == r["surface"] for r in rest if r["kind"] == "mention")
    names = [r["name"] for r in rest if r["kind"] == "mention"]
    assert names == ["Vladimir Putin", "Steve Witkoff", "Vladimir Putin", "Donbas"]
    stance = next(r for r in rest if r["kind"] == "stance")
    assert TEXT[stance["start"] : stance["end"]] == "Putin fordert den Donbass"


def test_missing_snippet_names_the_source():
    spec = {"source": "x.txt", "quotes": [{"text": "nie gesagt", "mode": "direct"}]}
    with pytest.raises(anchor.AnchorError, match=r"x\.txt: 'nie gesagt' not found"):
        anchor.anchor(spec, TEXT, [])
