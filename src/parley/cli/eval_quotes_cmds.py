"""``parley eval quotes``: quotation attribution on the German news quotes benchmark."""

from __future__ import annotations

from pathlib import Path

import typer

from parley.cli.eval_cmds import eval_app


def quotes(
    dataset: Path = typer.Option(
        Path("../shared/datasets/german-news-quotes"),
        "--dataset",
        help="Folder with train.jsonl, dev.jsonl and test.jsonl.",
    ),
    split: str = typer.Option("test", "--split", help="train, dev or test."),
    limit: int | None = typer.Option(
        None, "--limit", min=1, help="Score only the first N articles (a quick look)."
    ),
) -> None:
    """Score parley's quote extractor with the benchmark's official metric.

    Prints precision, recall and F1 for quote spans (Message), roles (speaker, cue,
    frame, addressee), both together (Joint) and quote type (Form), as the SpkAtt-2023
    scorer computes them, beside the published rule-based baseline; then speakers,
    exact and partial quote matches, and scores per quote type.

    Examples:

        parley eval quotes --split dev

        parley eval quotes --dataset ../shared/datasets/german-news-quotes --split test
    """
    from rich.console import Console
    from rich.progress import track
    from rich.table import Table

    from parley.evaluate.quotes_benchmark import PUBLISHED_BASELINES, TYPES, evaluate_split

    console = Console()
    scores = evaluate_split(
        dataset,
        split,
        limit=limit,
        progress=lambda items, n: track(items, total=n, description=f"Reading {split}…"),
    )

    def cells(prf) -> list[str]:
        return [f"{100 * prf.precision:.2f}", f"{100 * prf.recall:.2f}", f"{100 * prf.f1:.2f}"]

    table = Table(
        title=f"German news quotes, {split} split: {scores.n_docs} articles, "
        f"{scores.n_gold} gold quotes, {scores.n_sys} found",
        caption="Baseline on the test split, from the dataset's DATASET.md (SpkAtt-2023 "
        "overview, Rehbein et al., KONVENS 2023, Table 10). The dataset paper's citron "
        "numbers could not be retrieved and are not shown.",
    )
    table.add_column("metric")
    for head in ("P", "R", "F1"):
        table.add_column(f"parley {head}", justify="right", style="bold")
    names = list(PUBLISHED_BASELINES)
    for name in names:
        table.add_column(f"{name} P/R/F1", justify="right", style="dim")
    for label, prf in (
        ("Message", scores.message),
        ("Roles", scores.roles),
        ("Joint", scores.joint),
        ("Form", scores.form),
    ):
        published = [PUBLISHED_BASELINES[n].get(label) for n in names]
        table.add_row(
            label,
            *cells(prf),
            *("/".join(f"{v:.2f}" for v in p) if p else "–" for p in published),
        )
    table.add_section()
    for label, prf in (
        ("Speaker", scores.speaker),
        ("Cue", scores.cue),
        ("Exact quotes", scores.exact),
        ("Partial quotes", scores.partial),
    ):
        table.add_row(label, *cells(prf), *("–" for _ in names))
    table.add_section()
    for t in TYPES:
        table.add_row(
            f"{t} ({scores.gold_by_type[t]})",
            *cells(scores.by_type[t]),
            *("–" for _ in names),
        )
    console.print(table)


def register(app: typer.Typer) -> None:
    """Attach ``quotes`` to the ``eval`` group (the group itself is registered by eval_cmds)."""
    del app  # the command lives on eval_app, which eval_cmds adds to the root app
    eval_app.command("quotes")(quotes)
