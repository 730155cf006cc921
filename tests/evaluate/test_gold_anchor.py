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


def _third_party(text: str, start: int, end: int, **fields) -> dict:
    item = {"start": start, "end": end, **anchor.fingerprint(text[start:end]), **fields}
    return {"source": "x.txt", "third_party": True, "quotes": [item]}


def test_third_party_gold_keeps_offsets_and_fingerprint_but_no_text():
    start = TEXT.index("es gebe")
    spec = _third_party(
        TEXT,
        start,
        len(TEXT) - len(" Putin fordert den Donbass."),
        mode="indirect",
        speaker="yuri-ushakov",
        speaker_surface="Uschakow",
    )
    quote = anchor.anchor(spec, TEXT, [])[1]
    assert "text" not in quote and quote["start"] == start
    assert quote["fingerprint"] == anchor.fingerprint("es gebe noch viel Arbeit.")


def test_a_moved_span_is_found_again_by_its_fingerprint():
    start = TEXT.index("Putin fordert")
    spec = _third_party(TEXT, start, start + len("Putin fordert den Donbass"), mode="reported")
    moved_text = "Ein neuer Vorspann.\n" + TEXT.replace("gebe\nnoch", "gebe noch")
    at = anchor.Anchoring(spec, moved_text)
    quote = anchor.anchor(spec, moved_text, [], at)[1]
    assert moved_text[quote["start"] : quote["end"]] == "Putin fordert den Donbass"
    assert at.moved == [("quotes", 0, quote["start"], quote["end"])]


def test_a_span_that_is_gone_is_reported_lost():
    start = TEXT.index("Putin fordert")
    spec = _third_party(TEXT, start, start + len("Putin fordert den Donbass"), mode="reported")
    with pytest.raises(anchor.AnchorError, match=r"x\.txt: lost quotes\[0\]"):
        anchor.anchor(spec, TEXT.replace("Donbass", "Donbas"), [])


def test_third_party_gold_refuses_a_long_snippet():
    spec = {"source": "x.txt", "third_party": True,
            "quotes": [{"text": "es gebe noch viel Arbeit", "mode": "indirect"}]}  # fmt: skip
    with pytest.raises(anchor.AnchorError, match="third-party text"):
        anchor.anchor(spec, TEXT, [])


def test_moved_offsets_are_written_back_into_the_spec(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_text(
        "# comment kept\nsource: x.txt\nquotes:\n"
        "  - {start: 1, end: 5, sha1: abc, len: 4, mode: direct}\n",
        encoding="utf-8",
    )
    anchor.rewrite_offsets(path, [("quotes", 0, 120, 124)])
    assert path.read_text(encoding="utf-8") == (
        "# comment kept\nsource: x.txt\nquotes:\n"
        "  - {start: 120, end: 124, sha1: abc, len: 4, mode: direct}\n"
    )


def test_scorer_hydrates_third_party_gold_from_the_cleaned_text():
    from parley.evaluate.gold import group_records, hydrate

    start = TEXT.index("Putin fordert")
    spec = _third_party(
        TEXT,
        start,
        start + len("Putin fordert den Donbass"),
        mode="reported",
        speaker_surface="Uschakow sagte, es gebe",
    )
    spec["stances"] = [
        {
            **spec["quotes"][0],
            "actor": "vladimir-putin",
            "issue": "territory-donbas",
            "stance": "conditional",
            "condition": "es gebe noch viel Arbeit",
        }
    ]
    records = anchor.anchor(spec, TEXT, [])
    assert records[2]["condition"] == anchor.fingerprint("es gebe noch viel Arbeit")
    (group,) = group_records(records).values()
    assert hydrate(group, TEXT) == []
    assert group.quotes[0]["text"] == "Putin fordert den Donbass"
    assert group.quotes[0]["speaker_surface"] == "Uschakow sagte, es gebe"
    assert group.stances[0]["condition"] == "es gebe\nnoch viel Arbeit"


def test_hydrating_against_another_cleaner_s_text_reports_the_stale_records():
    from parley.evaluate.gold import group_records, hydrate

    start = TEXT.index("Putin fordert")
    spec = _third_party(TEXT, start, start + len("Putin fordert den Donbass"), mode="reported")
    (group,) = group_records(anchor.anchor(spec, TEXT, [])).values()
    stale = hydrate(group, "Vorspann. " + TEXT)
    assert [r["kind"] for r in stale] == ["quote"]
