"""The ``parley`` command.

Each stage contributes its commands from a small module in this package and is
registered here, so ``parley --help`` reads as a tour of the data flow.
"""

from __future__ import annotations

import sys

import typer
from rich.console import Console

from parley import __version__
from parley.errors import ParleyError

app = typer.Typer(
    name="parley",
    help=(
        "Follow a multi-party negotiation through the news.\n\n"
        "Typical flow: [bold]parley ingest[/] news files into a knowledge base, "
        "[bold]parley extract[/] who met, said and demanded what, then "
        "[bold]parley simulate[/] or [bold]parley mediate[/] where a deal can land."
    ),
    rich_markup_mode="rich",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
err_console = Console(stderr=True)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"parley {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Show the version and exit."
    ),
) -> None:
    """Follow a multi-party negotiation through the news."""


def _register() -> None:
    """Attach every stage's commands, in data-flow order.

    Each ``parley/cli/*_cmds.py`` module exposes ``register(app)`` and is found by
    name, so a stage adds commands without editing this file. Command modules
    import heavy libraries (spaCy, trafilatura, NumPy) inside the command
    functions, so that ``parley --help`` stays instant.
    """
    import importlib
    import pkgutil

    import parley.cli as package

    names = [m.name for m in pkgutil.iter_modules(package.__path__) if m.name.endswith("_cmds")]
    rank = {name: i for i, name in enumerate(_ORDER)}
    for name in sorted(names, key=lambda n: (rank.get(n, len(rank)), n)):
        importlib.import_module(f"parley.cli.{name}").register(app)


# Help lists commands in registration order: follow the data flow.
_ORDER = (
    "ingest_cmds",
    "extract_cmds",
    "case_cmds",
    "simulate_cmds",
    "mediate_cmds",
    "forecast_cmds",
    "eval_cmds",
)


_register()


def main() -> None:
    """Entry point: run the app, turning expected errors into one red line."""
    try:
        app()
    except ParleyError as exc:
        err_console.print(f"[bold red]error:[/] {exc}")
        sys.exit(2)
