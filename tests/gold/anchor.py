"""Anchor hand-written gold annotations to character offsets in the cleaned text.

Gold is authored in ``tests/gold/src/*.yaml`` as text snippets, not offsets:
offsets index the *cleaned* text, and every change to the boilerplate cleaner
moves them. This tool re-derives them from the text ingestion produces (same reader, same
outlet rules), so the gold survives cleaner changes:

    PYTHONPATH=src python tests/gold/anchor.py            # rewrite tests/gold/*.jsonl
    PYTHONPATH=src python tests/gold/anchor.py --check    # fail if a jsonl is stale

Each snippet is searched from a cursor that moves forward per kind of record,
so listing records in reading order picks the right occurrence of a repeated
name; ``after: "…"`` moves the cursor past another snippet first. Whitespace in
snippets matches any run of whitespace (the cleaner may rewrap lines).

Authoring format (one YAML file per article)::

    source: 000_e4ba740b58c960c5.txt      # file name; found in --sources dirs
    title: …; published: 2025-11-27; language: de; outlet: …; author: …
    mentions:    - {actor: yuri-ushakov, surface: Juri Uschakow}   (type: person by default)
    quotes:      - {text: "…", mode: direct, speaker: …, speaker_surface: …, cue: …}
    events:      - {anchor: "…", type: CONSULT, mode: phone, participants: […], date: …}
    stances:     - {anchor: "…", actor: …, issue: …, stance: …, value: …, condition: …}
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

import yaml

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


def anchor(spec: dict[str, Any], text: str, removed: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Records of SPEC §1 for one article, offsets computed against ``text``."""
    aid = article_id(text)
    where = spec["source"]
    records: list[dict[str, Any]] = [
        {
            "kind": "article",
            "id": aid,
            "source": spec["source"],
            "title": spec.get("title"),
            "outlet": spec.get("outlet"),
            "author": spec.get("author"),
            "published": str(spec["published"]) if spec.get("published") else None,
            "language": spec.get("language"),
            "chars": len(text),
            "removed": removed,
        }
    ]

    def located(item: dict[str, Any], snippet: str, cursor: int) -> tuple[int, int]:
        if item.get("after"):
            cursor = find(text, item["after"], cursor, where)[1]
        return find(text, snippet, cursor, where)

    cursor = 0
    for m in spec.get("mentions", []):
        start, end = located(m, m["surface"], cursor)
        cursor = start
        records.append(
            {
                "kind": "mention",
                "article": aid,
                "start": start,
                "end": end,
                "actor": m["actor"],
                "name": m.get("name") or display_name(m["actor"]),
                "surface": text[start:end],
                "type": m.get("type", "person"),
            }
        )
    cursor = 0
    for q in spec.get("quotes", []):
        start, end = located(q, q["text"], cursor)
        cursor = start
        records.append(
            {
                "kind": "quote",
                "article": aid,
                "start": start,
                "end": end,
                "text": text[start:end],
                "mode": q["mode"],
                "speaker": q.get("speaker"),
                "speaker_surface": q.get("speaker_surface"),
                "cue": q.get("cue"),
            }
        )
    cursor = 0
    for e in spec.get("events", []):
        start, end = located(e, e["anchor"], cursor)
        cursor = start
        participants = list(e.get("participants", []))
        records.append(
            {
                "kind": "event",
                "article": aid,
                "start": start,
                "end": end,
                "type": e["type"],
                "mode": e.get("mode"),
                "source_actor": e.get("source_actor", participants[0] if participants else None),
                "target_actors": e.get("target_actors", participants[1:]),
                "participants": participants,
                "date": str(e["date"]) if e.get("date") else None,
                "date_text": e.get("date_text"),
                "place": e.get("place"),
            }
        )
    cursor = 0
    for s in spec.get("stances", []):
        start, end = located(s, s["anchor"], cursor)
        cursor = start
        records.append(
            {
                "kind": "stance",
                "article": aid,
                "start": start,
                "end": end,
                "actor": s["actor"],
                "issue": s["issue"],
                "stance": s["stance"],
                "value": s.get("value"),
                "condition": s.get("condition"),
            }
        )
    return records


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
            content = to_jsonl(anchor(spec, text, removed))
        except AnchorError as exc:
            print(f"{spec_path.name}: {exc}", file=sys.stderr)
            failures += 1
            continue
        if args.check:
            if not target.exists() or target.read_text(encoding="utf-8") != content:
                print(f"{target.name}: stale, re-run anchor.py", file=sys.stderr)
                failures += 1
        else:
            target.write_text(content, encoding="utf-8")
            counts = {
                k: content.count(f'"kind": "{k}"') for k in ("mention", "quote", "event", "stance")
            }
            print(f"{target.name}: " + ", ".join(f"{v} {k}s" for k, v in counts.items()))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
