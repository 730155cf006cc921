"""``parley extract`` and the record queries ``quotes``, ``events``, ``stances``.

spaCy, the case pack and the extractor are imported inside the commands so
``parley --help`` stays instant.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from parley.cli.options import CaseOption, DbOption

console = Console()
err_console = Console(stderr=True)


def register(app: typer.Typer) -> None:
    app.command("extract")(extract)
    app.command("records")(records)
    app.command("quotes")(quotes)
    app.command("events")(events)
    app.command("stances")(stances)
    app.command("reextract")(reextract)


def extract(
    paths: list[str] = typer.Argument(
        ..., help="Files or folders (txt, html, json, jsonl, also .gz); '-' reads stdin."
    ),
    case: str = CaseOption,
    fmt: str = typer.Option("jsonl", "--format", help="jsonl (SPEC §1 records) or table."),
    output: Path | None = typer.Option(
        None, "--output", "-o", help="Write here instead of standard output."
    ),
) -> None:
    """Extract actors, quotes, events and stances from news files (SPEC §1).

    Writes one JSON object per line: each article's ``article`` record, then its
    mention, quote, event and stance records, every one with character offsets
    into the article's cleaned text.

    Examples:

        parley extract ../shared/corpus/seeds --case ukraine-2025 > seeds.jsonl

        parley extract corpus/demo --format table
    """
    from parley.cases import load_case
    from parley.errors import InputError
    from parley.extract.pipeline import Extractor
    from parley.ingest.pipeline import Prepared, prepare
    from parley.ingest.sources import Rejection

    if fmt not in ("jsonl", "table"):
        raise InputError("--format", f"unknown format {fmt!r}; use jsonl or table")
    pack = load_case(case)
    extractor = Extractor(pack)
    tmp = output.with_name(output.name + ".part") if output else None
    handle = tmp.open("w", encoding="utf-8") if tmp else sys.stdout
    articles = rejected = 0
    try:
        for item in prepare(paths):
            if isinstance(item, Rejection):
                err_console.print(Text.assemble(("rejected ", "bold red"), str(item)))
                rejected += 1
                continue
            if not isinstance(item, Prepared):
                continue
            article = item.article
            records = [r.to_record() for r in extractor.extract(article)]
            articles += 1
            if fmt == "jsonl":
                for rec in (article.to_record(), *records):
                    handle.write(json.dumps(rec, ensure_ascii=False) + "\n")
            else:
                _print_article(Console(file=handle) if tmp else console, article, records)
        if articles == 0 and rejected:
            raise InputError(" ".join(paths), "no readable article in these inputs")
    except BaseException:
        if tmp is not None:
            handle.close()
            tmp.unlink(missing_ok=True)
        raise
    if tmp is not None and output is not None:
        handle.close()
        tmp.replace(output)  # no partial output file: written whole or not at all
        err_console.print(f"{articles} articles -> {output}")


def _print_article(out: Console, article: Any, records: list[dict[str, Any]]) -> None:
    """Compact readable report of one article's records."""
    out.rule(Text(f"{article.title or article.source}  [{article.published or 'no date'}]"))
    actors: dict[str, int] = {}
    for r in records:
        if r["kind"] == "mention":
            actors[r["actor"]] = actors.get(r["actor"], 0) + 1
    out.print(Text.assemble(("actors: ", "bold"), ", ".join(f"{a}×{n}" for a, n in actors.items())))
    for r in records:
        if r["kind"] == "quote":
            out.print(
                Text.assemble(
                    ("  quote ", "bold cyan"),
                    (f"{r['speaker'] or '?'} ", "cyan"),
                    (f"({r['mode']}) ", "dim"),
                    _short(r["text"], 110),
                )
            )
    for r in records:
        if r["kind"] == "event":
            out.print(
                Text.assemble(
                    ("  event ", "bold green"),
                    f"{r['type']}/{r['mode'] or '-'} ",
                    (", ".join(r["participants"]), "green"),
                    f"  date={r['date'] or '?'}",
                    (f" ({r['date_text']})" if r["date_text"] else "", "dim"),
                    f"  place={r['place'] or '?'}",
                )
            )
    for r in records:
        if r["kind"] == "stance":
            extra = f" value={r['value']}" if r["value"] is not None else ""
            extra += f" if: {r['condition']}" if r["condition"] else ""
            out.print(
                Text.assemble(
                    ("  stance ", "bold magenta"),
                    f"{r['actor']} ",
                    (f"{r['stance']} ", "magenta"),
                    f"{r['issue']}{extra}",
                )
            )


def _short(text: str, n: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _table(*columns: str) -> Table:
    """A table whose cells wrap inside ids ("steve-witkoff") instead of cutting them."""
    table = Table()
    for name in columns:
        table.add_column(name, overflow="fold")
    return table


def _records(db: Path, kind: str, **filters: Any) -> Iterable[dict[str, Any]]:
    from parley.store.kb import KnowledgeBase
    from parley.store.records import query_records

    with KnowledgeBase(db, create=False) as kb:
        yield from query_records(kb.connection, kind, **filters)


def records(
    article: str | None = typer.Option(None, "--article", help="Article id (prefix)."),
    db: Path = DbOption,
) -> None:
    """Per article, the records ``parley ingest`` stored: actors, quotes with speakers,
    events with dates, stances. The same report as ``parley extract --format table``,
    read from the knowledge base instead of extracting again.

    Examples:

        parley records --db news.db

        parley records --db news.db --article 4f0a
    """
    from parley.store.kb import KnowledgeBase
    from parley.store.records import article_records

    with KnowledgeBase(db, create=False) as kb:
        chosen = [kb.get(article)] if article else list(kb.articles())
        for item in chosen:
            _print_article(console, item, article_records(kb.connection, item.id))


def quotes(
    speaker: str | None = typer.Option(None, "--speaker", help="Actor id of the speaker."),
    article: str | None = typer.Option(None, "--article", help="Article id (prefix)."),
    limit: int = typer.Option(50, "--limit", "-n", min=1),
    db: Path = DbOption,
) -> None:
    """Quotes stored by ``parley ingest``, optionally by one speaker.

    Example: parley quotes --speaker yuri-ushakov
    """
    table = _table("date", "speaker", "mode", "quote", "article")
    for r in _records(db, "quote", actor=speaker, article=article, limit=limit):
        table.add_row(
            r["_published"] or "-", r["speaker"] or "?", r["mode"], Text(_short(r["text"], 100)),
            r["article"][:8],
        )  # fmt: skip
    console.print(table)


def events(
    type_: str | None = typer.Option(None, "--type", help="PLOVER type, e.g. CONSULT."),
    actor: str | None = typer.Option(None, "--actor", help="Only events with this participant."),
    limit: int = typer.Option(50, "--limit", "-n", min=1),
    db: Path = DbOption,
) -> None:
    """Events stored by ``parley ingest`` (meetings, calls, proposals, …).

    Example: parley events --type CONSULT --actor vladimir-putin
    """
    table = _table("date", "type", "mode", "participants", "place", "as written", "article")
    label = type_.upper() if type_ else None
    for r in _records(db, "event", label=label, participant=actor, limit=limit):
        table.add_row(
            r["date"] or "?", r["type"], r["mode"] or "-", ", ".join(r["participants"]),
            r["place"] or "-", r["date_text"] or "-", r["article"][:8],
        )  # fmt: skip
    console.print(table)


def stances(
    issue: str | None = typer.Option(None, "--issue", help="Issue key, e.g. territory-donbas."),
    actor: str | None = typer.Option(None, "--actor", help="Actor id."),
    limit: int = typer.Option(50, "--limit", "-n", min=1),
    db: Path = DbOption,
) -> None:
    """Stances stored by ``parley ingest``: who holds which position on which issue.

    Example: parley stances --issue territory-donbas
    """
    table = _table("published", "actor", "issue", "stance", "value", "condition", "article")
    for r in _records(db, "stance", actor=actor, label=issue, limit=limit):
        table.add_row(
            r["_published"] or "-", r["actor"], r["issue"], r["stance"],
            "-" if r["value"] is None else str(r["value"]), r["condition"] or "-",
            r["article"][:8],
        )  # fmt: skip
    console.print(table)


def record_writer(case: str) -> tuple[Any, Any]:
    """For ``parley ingest``: a function storing a new article's records within the
    article's transaction, and the provenance (pack, extractor stamp) they carry."""
    from parley.store.records import write_records

    extractor, made_by = _extractor(case)

    def store(conn: Any, article: Any) -> None:
        records = [r.to_record() for r in extractor.extract(article)]
        write_records(conn, article.id, records, made_by)

    return store, made_by


def _extractor(case: str) -> tuple[Any, Any]:
    """The compiled extractor of a pack, and the provenance its records are stored with."""
    from parley.cases import load_case
    from parley.extract.pipeline import Extractor
    from parley.extract.stamp import extractor_stamp
    from parley.store.records import Provenance

    pack = load_case(case)
    return Extractor(pack), Provenance(pack.path.name, extractor_stamp(pack.path))


def reextract(
    db: Path = DbOption,
    case: str = CaseOption,
    all_: bool = typer.Option(
        False, "--all", help="Re-extract every article, not only the out-of-date ones."
    ),
) -> None:
    """Refresh stored records after the extractor, its lexicons or the case pack changed.

    Each article's records are stamped with the case pack and a digest of the
    extraction code, lexicons and pack that produced them. This re-runs
    extraction on the articles whose stamp differs (or on all with --all),
    replacing each article's records in one transaction: an interrupted run
    loses nothing, and running it again only finishes what is left.

    Examples:

        parley reextract --db news.db

        parley reextract --db news.db --case path/to/my-pack --all
    """
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    from parley.store.kb import KnowledgeBase
    from parley.store.records import record_counts, save_records, stale_articles

    with KnowledgeBase(db, create=False) as kb:
        conn = kb.connection
        extractor, made_by = _extractor(case)
        ids = [a.id for a in kb.articles()] if all_ else stale_articles(conn, made_by)
        before = record_counts(conn)
        progress = Progress(
            TextColumn("[bold]reextract"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            console=err_console,
            transient=True,
            disable=not err_console.is_terminal,
        )
        with progress:
            for aid in progress.track(ids):
                article = kb.get(aid)
                records = [r.to_record() for r in extractor.extract(article)]
                save_records(conn, aid, records, made_by)
        after = record_counts(conn)
        total = len(kb)
    console.print(
        f"Re-extracted [bold]{len(ids)}[/] of {total} articles with case {made_by.case}"
        f" (extractor {made_by.stamp})."
    )
    changes = [
        f"{kind}s {before.get(kind, 0)} -> {after.get(kind, 0)}"
        for kind in ("mention", "quote", "event", "stance")
        if before.get(kind, 0) != after.get(kind, 0)
    ]
    console.print("Records: " + ("; ".join(changes) if changes else "unchanged") + ".")


_STYLES = {
    "quote": "italic cyan",
    "mention": "bold yellow",
    "event": "underline green",
    "stance": "on grey23",
}


def annotated(text: str, records: list[dict[str, Any]]) -> Text:
    """The cleaned text with record spans styled, and a legend of ids after each mention.

    Events and stances cover sentences (underline, background), quotes their
    words (italic), mentions their names (bold, followed by ``[actor-id]``).
    """
    out = Text(text)
    for kind in ("stance", "event", "quote", "mention"):
        for r in records:
            if r["kind"] == kind:
                out.stylize(_STYLES[kind], r["start"], r["end"])
    # Insert actor ids and speaker ids from the end so earlier offsets stay valid.
    tags: list[tuple[int, str, str]] = []
    for r in records:
        if r["kind"] == "mention":
            tags.append((r["end"], f"[{r['actor']}]", "dim yellow"))
        elif r["kind"] == "quote":
            tags.append((r["end"], f"[{r.get('speaker') or '?'}:{r['mode']}]", "dim cyan"))
        elif r["kind"] == "event":
            label = f"[{r['type']}/{r.get('mode') or '-'} {r.get('date') or '?'}]"
            tags.append((r["end"], label, "dim green"))
        elif r["kind"] == "stance":
            tags.append((r["end"], f"[{r['actor']} {r['stance']} {r['issue']}]", "dim magenta"))
    pieces: list[Text] = []
    last = 0
    for pos, label, style in sorted(tags, key=lambda t: t[0]):
        pieces.append(out[last:pos])
        pieces.append(Text(label, style=style))
        last = pos
    pieces.append(out[last:])
    return Text("").join(pieces)
