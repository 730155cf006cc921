"""Options shared by several commands, defined once so they read and behave the same."""

from __future__ import annotations

from pathlib import Path

import typer

from parley.store import DB_ENV, DEFAULT_DB

DbOption = typer.Option(
    Path(DEFAULT_DB),
    "--db",
    envvar=DB_ENV,
    help=f"Knowledge base file (default: {DEFAULT_DB} here, or ${DB_ENV}).",
    show_default=False,
)
CaseOption = typer.Option(
    "ukraine-2025", "--case", help="Case pack: a shipped name or a folder.", show_default=True
)
