"""``parley eval challenge``: which constructions of news language extraction understands.

Importing this module attaches the command to ``eval_app``; ``register`` exists
so that app.py can list it like every other command module.
"""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from parley.cli.eval_cmds import eval_app


@eval_app.command("challenge")
def challenge_command(
    paths: list[Path] = typer.Argument(
        ..., metavar="PATH...", help="Challenge files (YAML) or folders of them."
    ),
    case: str = typer.Option("ukraine-2025", "--case", help="Case pack to extract with."),
    failures: bool = typer.Option(
        False, "--failures", help="Also print every failed case: expected beside extracted."
    ),
    output_format: str = typer.Option("table", "--format", help="table or json."),
) -> None:
    """Pass rate per construction over short news sentences, and record P/R/F1.

    Each challenge file lists constructions ("X hosted Y", "talks between X and
    Y", "a meeting is not planned", "lehnt X ab, solange …") with sentences and
    the events or stances they must give; the format is described in
    parley.evaluate.challenge. A construction below 100 % is one the rules do
    not cover yet.

    Examples:

      parley eval challenge tests/challenge

      parley eval challenge tests/challenge/events_en.yaml --failures

      parley eval challenge tests/challenge --format json
    """
    from parley.cases.loader import load_case
    from parley.evaluate.challenge import run_challenges

    if output_format not in ("table", "json"):
        raise typer.BadParameter("use 'table' or 'json'", param_hint="--format")
    report = run_challenges(paths, load_case(case))
    if output_format == "json":
        typer.echo(json.dumps(report.to_dict(), indent=2, ensure_ascii=False))
        return

    console = Console()
    table = Table(title="Constructions: cases passed")
    for column in ("file", "construction", "passed", "cases", "%"):
        table.add_column(column, justify="left" if column in ("file", "construction") else "right")
    for (file, construction), (passed, total) in report.by_construction().items():
        style = None if passed == total else ("yellow" if passed else "red")
        table.add_row(
            file, construction, str(passed), str(total), f"{100 * passed / total:.0f}", style=style
        )
    console.print(table)

    summary = Table(title="Per file: cases passed and record-level P / R / F1")
    for column in ("file", "cases passed", "P", "R", "F1"):
        summary.add_column(column, justify="left" if column == "file" else "right")
    for name in [*report.files(), None]:
        passed, total, counts = report.totals(name)
        summary.add_row(
            name or "all",
            f"{passed}/{total} ({100 * passed / total:.0f} %)",
            f"{counts.precision:.3f}",
            f"{counts.recall:.3f}",
            f"{counts.f1:.3f}",
        )
    console.print(summary)
    if failures:
        for r in report.results:
            if r.passed:
                continue
            console.print(f"\n[bold]{r.file} · {r.construction}[/]  {r.text}", highlight=False)
            console.print(f"  expected : {_keys(r.expected)}", highlight=False)
            console.print(f"  extracted: {_keys(r.predicted)}", highlight=False)


def _keys(keys: list[tuple]) -> str:
    def part(x: object) -> str:
        return "+".join(sorted(x)) if isinstance(x, frozenset) else str(x)

    return "; ".join("(" + ", ".join(part(x) for x in k) + ")" for k in keys) or "nothing"


def register(app: typer.Typer) -> None:
    """Nothing to do: importing this module attached ``challenge`` to ``eval_app``."""
