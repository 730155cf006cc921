"""``parley ingest``, ``articles``, ``show``, ``search``, ``rejected``: the knowledge base.

Heavy imports (trafilatura, datasketch, NumPy) happen inside the commands so
``parley --help`` stays instant.
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from parley.cli.options import DbOption

if TYPE_CHECKING:
    from parley.ingest.article import Article
    from parley.store.load import Outcome

console = Console()
err_console = Console(stderr=True)

_HIGHLIGHT = ("\x02", "\x03")


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest)
    app.command("articles")(articles)
    app.command("show")(show)
    app.command("search")(search)
    app.command("rejected")(rejected)


def ingest(
    paths: list[str] = typer.Argument(
        ..., help="Files or folders (searched recursively); '-' reads standard input."
    ),
    db: Path = DbOption,
    strict: bool = typer.Option(False, "--strict", help="Exit 1 if any input was rejected."),
    max_bytes: int = typer.Option(
        10 * 1024 * 1024, "--max-bytes", min=1, help="Largest document accepted (bytes)."
    ),
    languages: str = typer.Option(
        "de,en,ru,uk,fr",
        "--languages",
        help="Languages to tell apart (ISO 639-1, comma-separated).",
    ),
    case: str = typer.Option(
        "ukraine-2025", "--case", help="Case pack for extraction of stored articles."
    ),
    no_extract: bool = typer.Option(
        False, "--no-extract", help="Only store articles; extract nothing."
    ),
) -> None:
    """Read news files into the knowledge base: clean, describe, deduplicate, extract.

    Accepts .txt, .html/.htm, .json and .jsonl (records with "text" or "html" and
    optional url, title, published, outlet, author), each also gzip-compressed.
    Unreadable inputs are reported with the reason and recorded; the run goes
    on. Running again on the same inputs changes nothing, and a run that was
    interrupted resumes where it stopped.

    Examples:

        parley ingest corpus/ --db news.db

        zcat dump.jsonl.gz | parley ingest - --languages de,en
    """
    from rich.progress import (
        BarColumn,
        DownloadColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeRemainingColumn,
        TransferSpeedColumn,
    )

    from parley.ingest.sources import scan
    from parley.store.kb import KnowledgeBase
    from parley.store.load import ingest as run
    from parley.store.records import stale_articles

    langs = [code.strip().lower() for code in languages.split(",") if code.strip()]
    store_records = made_by = None
    if not no_extract:
        from parley.cli.extract_cmds import record_writer

        store_records, made_by = record_writer(case)
    files, total = scan(paths)
    summary = _Summary()
    started = time.perf_counter()
    progress = Progress(
        SpinnerColumn(),
        TextColumn("[bold]ingest"),
        BarColumn(),
        DownloadColumn(),
        TransferSpeedColumn(),
        TextColumn("{task.fields[docs]} docs, {task.fields[rate]}/s"),
        TimeRemainingColumn(),
        console=err_console,
        transient=True,
        disable=not err_console.is_terminal,
    )
    with KnowledgeBase(db) as kb, progress:
        task = progress.add_task("ingest", total=total or None, docs=0, rate="0")

        def advance(nbytes: int) -> None:
            progress.advance(task, nbytes)

        outcomes = run(
            paths,
            kb,
            max_bytes=max_bytes,
            languages=langs,
            on_bytes=advance,
            on_new=store_records,
        )
        for outcome in outcomes:
            summary.add(outcome)
            if outcome.rejection is not None:
                progress.console.print(
                    Text.assemble(("rejected ", "bold red"), str(outcome.rejection))
                )
            elapsed = max(time.perf_counter() - started, 1e-9)
            progress.update(task, docs=summary.documents, rate=f"{summary.documents / elapsed:.0f}")
        stored = len(kb)
        stale = stale_articles(kb.connection, made_by) if made_by is not None else []
    summary.print(console, files=files, seconds=time.perf_counter() - started)
    console.print(f"Knowledge base [bold]{db}[/]: {stored} articles.")
    if stale:
        console.print(
            f"[yellow]{len(stale)} stored articles have records from another case pack or an"
            f" older extractor:[/] run [bold]parley reextract --db {db} --case {case}[/]."
        )
    if strict and summary.statuses["rejected"]:
        raise typer.Exit(1)


@dataclass
class _Summary:
    """Counts over one run, kept small whatever the corpus size."""

    statuses: Counter[str] = field(default_factory=Counter)
    outlets: Counter[str] = field(default_factory=Counter)
    languages: Counter[str] = field(default_factory=Counter)
    removed: Counter[str] = field(default_factory=Counter)
    dates: list[str] = field(default_factory=list)  # earliest, latest
    dated: int = 0
    chars: int = 0
    rejections: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    shown: int = 20

    @property
    def documents(self) -> int:
        return sum(n for status, n in self.statuses.items() if status != "skipped")

    def add(self, outcome: Outcome) -> None:
        self.statuses[outcome.status] += 1
        if outcome.rejection is not None and len(self.rejections) < self.shown:
            self.rejections.append(str(outcome.rejection))
        if outcome.status == "skipped" and len(self.skipped) < self.shown:
            self.skipped.append(outcome.location)
        if outcome.article is not None:
            self._describe(outcome.article)

    def _describe(self, article: Article) -> None:
        self.outlets[article.outlet or "(unknown)"] += 1
        self.languages[article.language or "(unknown)"] += 1
        self.removed.update(r.reason for r in article.removed)
        self.chars += article.chars
        if article.published:
            self.dated += 1
            d = article.published
            self.dates = [min(self.dates[0], d), max(self.dates[1], d)] if self.dates else [d, d]

    def print(self, out: Console, *, files: int, seconds: float) -> None:
        s = self.statuses
        stored = s["new"] + s["near-duplicate"]
        table = Table(title="Ingest summary", show_header=False, title_justify="left")
        table.add_column(style="bold")
        table.add_column()
        table.add_row("Documents read", f"{self.documents} from {files} files in {seconds:.1f} s")
        table.add_row("New articles", f"{stored} ({self.chars:,} characters)")
        table.add_row("  of which near-duplicates", f"{s['near-duplicate']} (clustered, all kept)")
        table.add_row("Exact duplicates", f"{s['duplicate']} (source added to the article)")
        table.add_row("Already in the knowledge base", str(s["unchanged"]))
        table.add_row("Rejected", str(s["rejected"]))
        if s["skipped"]:
            table.add_row("Skipped (not a news format)", Text("\n".join(self.skipped)))
        if stored:
            table.add_row("Outlets", _top(self.outlets))
            table.add_row("Languages", _top(self.languages))
            span = f"{self.dates[0]} … {self.dates[1]}" if self.dates else "-"
            table.add_row(
                "Published", f"{span} ({self.dated} dated, {stored - self.dated} undated)"
            )
        out.print(table)
        if self.removed:
            removed = Table(title="Removed lines by reason", title_justify="left")
            removed.add_column("Reason")
            removed.add_column("Lines", justify="right")
            for reason, count in self.removed.most_common():
                removed.add_row(reason, str(count))
            out.print(removed)
        if self.rejections:
            rejected = Table(title="Rejected inputs", title_justify="left", show_header=False)
            rejected.add_column(overflow="fold")
            for line in self.rejections:
                rejected.add_row(line)
            more = s["rejected"] - len(self.rejections)
            if more > 0:
                rejected.add_row(f"… and {more} more (see `parley rejected`)")
            out.print(rejected)


def _top(counts: Counter[str], n: int = 8) -> str:
    parts = [f"{name} ({count})" for name, count in counts.most_common(n)]
    if len(counts) > n:
        parts.append(f"… {len(counts) - n} more")
    return ", ".join(parts)


def articles(
    db: Path = DbOption,
    outlet: str | None = typer.Option(None, "--outlet", help="Only this outlet."),
    language: str | None = typer.Option(None, "--language", help="Only this language (de, en…)."),
    limit: int | None = typer.Option(None, "--limit", "-n", min=1, help="Show at most N."),
) -> None:
    """List the articles in the knowledge base, in ingest order.

    Example: parley articles --language de -n 20
    """
    from parley.store.kb import KnowledgeBase

    with KnowledgeBase(db, create=False) as kb:
        table = Table(
            title=f"{len(kb)} articles in {db}",
            title_justify="left",
            box=box.SIMPLE_HEAD,
            pad_edge=False,
        )
        # Ids are shown as 12-character prefixes (enough for `parley show`); the title
        # takes what the fixed columns leave, one line per article.
        table.add_column("ID", width=12, no_wrap=True)
        table.add_column("Published", width=10)
        table.add_column("Lang", width=4)
        table.add_column("Outlet", width=12, no_wrap=True)
        table.add_column("Title", width=max(12, console.width - 66), no_wrap=True)
        table.add_column("Chars", width=6, justify="right")
        table.add_column("Rm", width=3, justify="right")
        for article in kb.articles(outlet=outlet, language=language, limit=limit):
            table.add_row(
                article.id[:12],
                article.published or "-",
                article.language or "-",
                article.outlet or "-",
                Text(article.title or "-"),
                f"{article.chars:,}",
                str(len(article.removed)),
            )
    console.print(table)


def show(
    article_id: str = typer.Argument(..., help="Article id, or its first few characters."),
    db: Path = DbOption,
    annotate: bool = typer.Option(
        False, "--annotate", help="Mark extracted actors, quotes, events and stances in the text."
    ),
) -> None:
    """Print an article: metadata, cleaned text, and every line cleaning removed.

    Example: parley show 3f2a
    """
    from parley.store.kb import KnowledgeBase

    with KnowledgeBase(db, create=False) as kb:
        article = kb.get(article_id)
        sources = kb.sources(article.id)
        near = kb.near_duplicates(article.id)
        if annotate:
            from parley.store.records import article_records

            records = article_records(kb.connection, article.id)
    meta = Table(show_header=False, box=None, title=article.title, title_justify="left")
    meta.add_column(style="bold")
    meta.add_column(overflow="fold")
    for label, value in (
        ("id", article.id),
        ("outlet", article.outlet),
        ("author", article.author),
        ("published", article.published),
        ("language", article.language),
        ("dateline", article.dateline),
        ("url", article.url),
        ("chars", str(article.chars)),
    ):
        meta.add_row(label, Text(value or "-"))
    for ref in sources:
        where = ref.source if ref.line is None else f"{ref.source}:{ref.line}"
        meta.add_row("source", Text(where + (f"  {ref.url}" if ref.url else "")))
    for other, similarity in near:
        meta.add_row("near-duplicate", f"{other} (similarity {similarity:.2f})")
    console.print(meta)
    console.rule()
    if annotate:
        from parley.cli.extract_cmds import annotated

        console.print(annotated(article.text, records))
    else:
        console.print(Text(article.text))
    console.rule()
    if article.removed:
        removed = Table(title=f"{len(article.removed)} lines removed", title_justify="left")
        removed.add_column("Line", justify="right")
        removed.add_column("Reason")
        removed.add_column("Text", overflow="fold")
        for r in article.removed:
            removed.add_row(str(r.line), r.reason, Text(r.text))
        console.print(removed)
    else:
        console.print("No lines removed.")


def search(
    query: str = typer.Argument(
        ..., help='Words to find (FTS5 syntax: AND, OR, NOT, "phrase", pre*).'
    ),
    db: Path = DbOption,
    limit: int = typer.Option(20, "--limit", "-n", min=1, help="Show at most N hits."),
) -> None:
    """Full-text search over every article, best matches first, with snippets.

    Examples: parley search Witkoff   ·   parley search '"28-Punkte-Plan" OR Genf'
    """
    from parley.store.kb import KnowledgeBase

    with KnowledgeBase(db, create=False) as kb:
        hits = kb.search(query, limit=limit, markers=_HIGHLIGHT)
    if not hits:
        console.print(f"No article matches {query!r}.")
        return
    table = Table(title=f"{len(hits)} hits for {query!r}", title_justify="left")
    table.add_column("ID", min_width=16, no_wrap=True)
    table.add_column("Published", min_width=10, no_wrap=True)
    table.add_column("Outlet", max_width=20)
    table.add_column("Snippet")
    for hit in hits:
        table.add_row(
            hit.article_id, hit.published or "-", hit.outlet or "-", _snippet(hit.snippet)
        )
    console.print(table)


def _snippet(snippet: str) -> Text:
    """FTS5 snippet with its match markers turned into highlighting."""
    start, end = _HIGHLIGHT
    text = Text()
    for i, part in enumerate(snippet.replace(end, start).split(start)):
        text.append(part.replace("\n", " "), style="bold yellow" if i % 2 else "")
    return text


def rejected(db: Path = DbOption) -> None:
    """List every input that could not be read, with the reason.

    Example: parley rejected --db news.db
    """
    from parley.store.kb import KnowledgeBase

    with KnowledgeBase(db, create=False) as kb:
        rows = kb.rejected()
    for rejection in rows:
        console.print(Text(str(rejection)), soft_wrap=True)
    err_console.print(f"{len(rows)} rejected inputs in {db}.")
