"""``parley eval gold``: extraction accuracy against the hand-written gold files.

Importing this module attaches the command to ``eval_app``; ``register`` exists
so that app.py can list it like every other command module.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer
from rich.console import Console
from rich.progress import Progress
from rich.table import Table

from parley.cli.eval_cmds import eval_app

if TYPE_CHECKING:
    from parley.evaluate.gold import Report


@eval_app.command("gold")
def gold_command(
    gold_dir: Path = typer.Argument(
        ...,
        metavar="DIR",
        help="Directory of gold JSONL files (one article per file), or one file.",
    ),
    pred: Path | None = typer.Option(
        None, "--pred", help="Score this JSONL file as written by `parley extract`."
    ),
    case: str = typer.Option(
        "ukraine-2025",
        "--case",
        help="Case pack: extraction lexicons, and the parties stances roll up to.",
    ),
    sources: list[Path] = typer.Option(
        [Path("."), Path("../shared/corpus/seeds")],
        "--sources",
        help="Where to find the gold articles' files when extracting in process.",
    ),
    output_format: str = typer.Option("table", "--format", help="table or json."),
    by_article: bool = typer.Option(
        False, "--by-article", help="Also print F1 per article and kind."
    ),
    by_set: bool = typer.Option(
        False,
        "--by-set",
        help="Also print F1 per gold set: each subfolder of DIR (seeds, demo, heldout).",
    ),
    ci: bool = typer.Option(
        False,
        "--ci",
        help="Add 95% bootstrap intervals of F1 (articles resampled, seeded): how much a "
        "small set's number would move with other articles like them.",
    ),
) -> None:
    """Precision, recall and F1 per kind: actors, quotes, speakers, events, stances.

    Gold and predictions are aligned by the basename of each article's source,
    so predictions stay comparable when the cleaner (and thus article ids) change.

    Without --pred, the gold articles' source files are read, cleaned and
    extracted in process with the case pack.

    Examples:

      parley eval gold tests/gold

      parley eval gold tests/gold --by-set     # seeds, development and held-out side by side

      parley eval gold tests/gold --by-set --ci   # with 95% intervals

      parley extract ../shared/corpus/seeds corpus/demo --output pred.jsonl
      parley eval gold tests/gold --pred pred.jsonl
      parley eval gold tests/gold --pred pred.jsonl --format json
    """
    from parley.cases.loader import load_case
    from parley.evaluate.gold import (
        group_records,
        load_gold,
        locate_sources,
        predict,
        read_jsonl,
        score,
    )
    from parley.evaluate.intervals import f1_interval

    if output_format not in ("table", "json"):
        raise typer.BadParameter("use 'table' or 'json'", param_hint="--format")
    gold = load_gold(gold_dir)
    pack = load_case(case)
    if pred is not None:
        predicted = group_records(read_jsonl(pred), str(pred))
    else:
        files = locate_sources(gold, sources)
        with Progress(transient=True, console=Console(stderr=True)) as bar:
            task = bar.add_task("extracting", total=len(files))
            predicted = predict(files.values(), pack, lambda: bar.advance(task))
    parties = {actor.id: pack.party_of(actor.id) for actor in pack.actors}
    report = score(gold, predicted, affiliations=parties)
    sets = {}
    if by_set and gold_dir.is_dir():
        sets = {
            sub.name: score(load_gold(sub), predicted, affiliations=parties)
            for sub in sorted(gold_dir.iterdir())
            if sub.is_dir() and any(sub.glob("*.jsonl"))
        }

    def interval(r: Report, kind: str) -> tuple[float, float]:
        return f1_interval(r.per_article, kind)

    def as_dict(r: Report) -> dict[str, Any]:
        out = r.to_dict()
        if ci:
            for kind, row in out["scores"].items():
                row["f1_ci95"] = [round(x, 4) for x in interval(r, kind)]
        return out

    def f1_cell(r: Report, kind: str) -> str:
        if kind not in r.scores:
            return ""
        cell = f"{r.scores[kind].f1:.3f}"
        if ci:
            low, high = interval(r, kind)
            cell += f" ({low:.2f}–{high:.2f})"
        return cell

    if output_format == "json":
        out = as_dict(report)
        if sets:
            out["by_set"] = {name: as_dict(r) for name, r in sets.items()}
        typer.echo(json.dumps(out, indent=2))
        return
    table = Table(title=f"Extraction vs gold ({len(report.articles)} articles, case {case})")
    for column in ("kind", "P", "R", "F1", "TP", "FP", "FN"):
        table.add_column(column, justify="left" if column == "kind" else "right")
    for kind, prf in report.scores.items():
        table.add_row(
            kind,
            f"{prf.precision:.3f}",
            f"{prf.recall:.3f}",
            f1_cell(report, kind),
            str(prf.tp),
            str(prf.fp),
            str(prf.fn),
        )
    console = Console()
    console.print(table)
    if by_article:
        kinds = ["actors", "quotes", "quote speaker", "events", "consult", "stances"]
        per = Table(title="F1 per article")
        per.add_column("article", overflow="ellipsis", max_width=28, no_wrap=True)
        for kind in kinds:
            per.add_column(kind, justify="right", no_wrap=True)
        for key, scores in report.per_article.items():
            per.add_row(key, *(f"{scores[k].f1:.2f}" if k in scores else "" for k in kinds))
        console.print(per)
    if sets:
        side = Table(
            title="F1 per gold set (articles)" + (", 95% bootstrap interval" if ci else "")
        )
        side.add_column("kind")
        for name, r in [*sets.items(), ("all", report)]:
            side.add_column(f"{name} ({len(r.articles)})", justify="right")
        for kind in report.scores:
            side.add_row(kind, *(f1_cell(r, kind) for r in [*sets.values(), report]))
        console.print(side)
    if report.unmatched:
        console.print(
            f"[yellow]no prediction for {len(report.unmatched)} gold article(s):[/] "
            + ", ".join(report.unmatched)
        )


def register(app: typer.Typer) -> None:
    """Nothing to do: importing this module attached ``gold`` to ``eval_app``."""
