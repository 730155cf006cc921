"""Anchor hand-written gold annotations to character offsets in the cleaned text.

Offsets index the *cleaned* text, and every change to the boilerplate cleaner
moves them. This tool re-derives them from the text ingestion produces (same
reader, same outlet rules), so the gold survives cleaner changes:

    PYTHONPATH=src python tests/gold/anchor.py            # rewrite tests/gold/*.jsonl
    PYTHONPATH=src python tests/gold/anchor.py --check    # fail if a jsonl is stale

Two ways to locate a record (one YAML file per article):

* Our own articles (``src/demo``, ``src/heldout``) use **text snippets**, searched from a cursor
  that moves forward per kind of record, so listing records in reading order
  picks the right occurrence of a repeated name; ``after: "…"`` moves the cursor
  past another snippet first. Whitespace in snippets matches any whitespace.
* Third-party articles (``src/seeds``, ``third_party: true``) hold no text of
  theirs: a record has ``start``/``end`` plus a fingerprint of the span
  (``sha1``, ``len``: see ``parley.evaluate.gold.fingerprint``), or its short
  ``surface`` (a name, one to three words). When the text at the offsets no
  longer matches, the span with that fingerprint nearest the old place is taken
  and the spec's offsets are rewritten; a span found nowhere is reported as lost
  (exit 1). Longer phrases (title, condition, speaker phrase, date text) are
  stored as fingerprints too, and the scorer reads them back from the article.

Authoring format::

    source: 000_e4ba740b58c960c5.txt      # file name; found in --sources dirs
    title: …; published: 2025-11-27; language: de; outlet: …; author: …
    mentions:    - {actor: yuri-ushakov, surface: Juri Uschakow}   (type: person by default)
    quotes:      - {text: "…", mode: direct, speaker: …, speaker_surface: …, cue: …}
    events:      - {anchor: "…", type: CONSULT, mode: phone, participants: […], date: …}
    stances:     - {anchor: "…", actor: …, issue: …, stance: …, value: …, condition: …}
    # third party: {start: 560, end: 600, sha1: 3f2a9c01d4e5, len: 40, mode: direct, …}
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

import yaml

from parley.evaluate.gold import find_fingerprint, fingerprint
from parley.ingest.article import article_id

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
DEFAULT_SOURCES = (ROOT, ROOT / ".." / "shared" / "corpus" / "seeds")

# Names that a title-cased slug would get wrong.
_NAME_OVERRIDES = {"nato": "NATO", "european-union": "European Union", "g8": "G8"}


class AnchorError(Exception):
    """A snippet that does not occur (after its cursor) in the cleaned text."""


def _pattern(snippet: str) -> re.Pattern[str]:
    parts = [re.escape(p) for p in snippet.split()]
    return re.compile(r"\s+".join(parts))


def find(text: str, snippet: str, cursor: int, where: str) -> tuple[int, int]:
    match = _pattern(snippet).search(text, cursor)
    if match is None:
        raise AnchorError(f"{where}: {snippet!r} not found after offset {cursor}")
    return match.start(), match.end()


def locate(name: str, sources: list[Path]) -> tuple[Path, int | None]:
    """The source file, and the line for one record of a JSON Lines file (``feed.jsonl:2``)."""
    head, sep, tail = name.rpartition(":")
    name, line = (head, int(tail)) if sep and tail.isdigit() else (name, None)
    for base in sources:
        path = base / name
        if path.is_file():
            return path, line
    raise AnchorError(f"source {name!r} not found in {', '.join(map(str, sources))}")


def display_name(actor: str) -> str:
    return _NAME_OVERRIDES.get(actor) or " ".join(w.capitalize() for w in actor.split("-"))


# A name, a role noun, a speech verb: short phrases of an article that gold on
# third-party text may spell out. Anything longer is stored as a fingerprint.
SHORT_WORDS = 3


class Anchoring:
    """Offsets for one spec's items against ``text``; collects moved and lost items.

    An item with ``start``/``end`` is checked against its fingerprint (``sha1`` and
    ``len``, or its own ``surface``); if the text there no longer matches, the span
    with that fingerprint nearest the old offset (shifted by the drift of the
    item before it) is taken and the move recorded. An item without offsets is a
    snippet, searched from a cursor in reading order.
    """

    def __init__(self, spec: dict[str, Any], text: str) -> None:
        self.text = text
        self.where = spec["source"]
        self.third_party = bool(spec.get("third_party"))
        self.moved: list[tuple[str, int, int, int]] = []
        self.lost: list[str] = []

    def short(self, value: Any) -> Any:
        """A long phrase of a third-party article becomes its fingerprint."""
        if self.third_party and isinstance(value, str) and len(value.split()) > SHORT_WORDS:
            return fingerprint(value)
        return value

    def spans(self, kind: str, items: list[dict[str, Any]], field: str) -> list[tuple[int, int]]:
        out: list[tuple[int, int]] = []
        cursor = drift = 0
        for index, item in enumerate(items):
            if "start" in item:
                span = self._offsets(kind, index, item, field, drift)
                if span is None:
                    out.append((0, 0))
                    continue
                drift = span[0] - int(item["start"])
            else:
                snippet = item[field]
                if self.third_party and len(snippet.split()) > SHORT_WORDS:
                    raise AnchorError(
                        f"{self.where}: {kind}[{index}] is third-party text; store offsets "
                        "and a fingerprint instead"
                    )
                if item.get("after"):
                    cursor = find(self.text, item["after"], cursor, self.where)[1]
                span = find(self.text, snippet, cursor, self.where)
                cursor = span[0]
            out.append(span)
        return out

    def _offsets(
        self, kind: str, index: int, item: dict[str, Any], field: str, drift: int
    ) -> tuple[int, int] | None:
        start, end = int(item["start"]), int(item["end"])
        wanted = (
            {"sha1": item["sha1"], "len": item["len"]}
            if "sha1" in item
            else fingerprint(item[field])
        )
        if end <= len(self.text) and fingerprint(self.text[start:end]) == wanted:
            return start, end
        span = find_fingerprint(self.text, wanted, start + drift)
        if span is None:
            self.lost.append(f"{kind}[{index}] at {start}-{end} ({wanted['sha1']})")
        else:
            self.moved.append((kind, index, *span))
        return span


def anchor(
    spec: dict[str, Any],
    text: str,
    removed: list[dict[str, Any]],
    anchoring: Anchoring | None = None,
) -> list[dict[str, Any]]:
    """Records of SPEC §1 for one article, offsets computed against ``text``.

    Raises AnchorError naming every annotation that cannot be found any more.
    """
    aid = article_id(text)
    at = anchoring or Anchoring(spec, text)
    if at.third_party:  # removed lines are the article's text too
        removed = [
            {"reason": r["reason"], "line": r.get("line"), "fingerprint": fingerprint(r["text"])}
            for r in removed
        ]
    records: list[dict[str, Any]] = [
        {
            "kind": "article",
            "id": aid,
            "source": spec["source"],
            "title": at.short(spec.get("title")),
            "outlet": spec.get("outlet"),
            "author": spec.get("author"),
            "published": str(spec["published"]) if spec.get("published") else None,
            "language": spec.get("language"),
            "chars": len(text),
            "removed": removed,
        }
    ]

    def span_fields(start: int, end: int) -> dict[str, Any]:
        fields: dict[str, Any] = {"article": aid, "start": start, "end": end}
        if at.third_party:
            fields["fingerprint"] = fingerprint(text[start:end])
        return fields

    mentions = spec.get("mentions", [])
    for m, (start, end) in zip(mentions, at.spans("mentions", mentions, "surface"), strict=True):
        records.append(
            {
                "kind": "mention",
                "article": aid,
                "start": start,
                "end": end,
                "actor": m["actor"],
                "name": m.get("name") or display_name(m["actor"]),
                "surface": at.short(text[start:end]),
                "type": m.get("type", "person"),
            }
        )
    quotes = spec.get("quotes", [])
    for q, (start, end) in zip(quotes, at.spans("quotes", quotes, "text"), strict=True):
        quote = {"kind": "quote", **span_fields(start, end)}
        if not at.third_party:
            quote["text"] = text[start:end]
        quote |= {
            "mode": q["mode"],
            "speaker": q.get("speaker"),
            "speaker_surface": at.short(q.get("speaker_surface")),
            "cue": at.short(q.get("cue")),
        }
        records.append(quote)
    events = spec.get("events", [])
    for e, (start, end) in zip(events, at.spans("events", events, "anchor"), strict=True):
        participants = list(e.get("participants", []))
        records.append(
            {
                "kind": "event",
                **span_fields(start, end),
                "type": e["type"],
                "mode": e.get("mode"),
                "source_actor": e.get("source_actor", participants[0] if participants else None),
                "target_actors": e.get("target_actors", participants[1:]),
                "participants": participants,
                "date": str(e["date"]) if e.get("date") else None,
                "date_text": at.short(e.get("date_text")),
                "place": at.short(e.get("place")),
            }
        )
    stances = spec.get("stances", [])
    for s, (start, end) in zip(stances, at.spans("stances", stances, "anchor"), strict=True):
        records.append(
            {
                "kind": "stance",
                **span_fields(start, end),
                "actor": s["actor"],
                "issue": s["issue"],
                "stance": s["stance"],
                "value": s.get("value"),
                "condition": at.short(s.get("condition")),
            }
        )
    if at.lost:
        raise AnchorError(f"{at.where}: lost " + "; ".join(at.lost))
    return records


def rewrite_offsets(spec_path: Path, moved: list[tuple[str, int, int, int]]) -> None:
    """Write moved offsets back into the YAML spec, leaving the rest of the file as it is."""
    source = spec_path.read_text(encoding="utf-8")
    root = yaml.compose(source)
    edits: list[tuple[int, int, str]] = []
    for kind, index, start, end in moved:
        section = next(v for k, v in root.value if k.value == kind)
        item = section.value[index]
        for key, value in item.value:
            if key.value in ("start", "end"):
                new = start if key.value == "start" else end
                edits.append((value.start_mark.index, value.end_mark.index, str(new)))
    for begin, stop, new in sorted(edits, reverse=True):
        source = source[:begin] + new + source[stop:]
    spec_path.write_text(source, encoding="utf-8")


def clean(path: Path, line: int | None = None) -> tuple[str, list[dict[str, Any]]]:
    """The cleaned text exactly as ingestion produces it (format, outlet rules), and removals."""
    from parley.ingest.pipeline import Prepared, prepare

    for item in prepare([str(path)]):
        if line is not None and getattr(item, "line", None) != line:
            continue
        if isinstance(item, Prepared):
            return item.article.text, [r.to_dict() for r in item.article.removed]
        raise AnchorError(f"{path}: not ingested ({item})")
    raise AnchorError(f"{path}: no article read" + (f" at line {line}" if line else ""))


def to_jsonl(records: list[dict[str, Any]]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("specs", nargs="*", type=Path, help="YAML specs (default: all in src/)")
    parser.add_argument("--sources", nargs="*", type=Path, default=list(DEFAULT_SOURCES))
    parser.add_argument("--out", type=Path, default=HERE)
    parser.add_argument("--check", action="store_true", help="only report stale or broken gold")
    args = parser.parse_args(argv)

    specs = args.specs or sorted((HERE / "src").rglob("*.yaml"))
    failures = 0
    for spec_path in specs:
        spec = yaml.safe_load(spec_path.read_text(encoding="utf-8"))
        # src/seeds/x.yaml -> seeds/x.jsonl: the gold tree mirrors the spec tree
        subdir = spec_path.resolve().parent.relative_to((HERE / "src").resolve())
        target = args.out / subdir / (spec_path.stem + ".jsonl")
        try:
            text, removed = clean(*locate(spec["source"], args.sources))
            anchoring = Anchoring(spec, text)
            content = to_jsonl(anchor(spec, text, removed, anchoring))
        except AnchorError as exc:
            print(f"{spec_path.name}: {exc}", file=sys.stderr)
            failures += 1
            continue
        if args.check:
            if anchoring.moved:
                print(f"{spec_path.name}: {len(anchoring.moved)} offsets moved", file=sys.stderr)
                failures += 1
            elif not target.exists() or target.read_text(encoding="utf-8") != content:
                print(f"{target.name}: stale, re-run anchor.py", file=sys.stderr)
                failures += 1
        else:
            if anchoring.moved:
                rewrite_offsets(spec_path, anchoring.moved)
                print(f"{spec_path.name}: re-anchored {len(anchoring.moved)} moved offsets")
            target.write_text(content, encoding="utf-8")
            counts = {
                k: content.count(f'"kind": "{k}"') for k in ("mention", "quote", "event", "stance")
            }
            print(f"{target.name}: " + ", ".join(f"{v} {k}s" for k, v in counts.items()))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
