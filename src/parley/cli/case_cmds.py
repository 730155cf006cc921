"""``parley case``: check, summarise and scaffold case packs.

A case pack is the only place where a negotiation's names, issues and drafts
live; these commands let an analyst write one without reading Python.
"""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

case_app = typer.Typer(
    help="Case packs: the actors, issues, drafts and cue words of one negotiation.",
    no_args_is_help=True,
)
console = Console()

_SCAFFOLD: dict[str, str] = {
    "case.yaml": """\
# Title and period of the negotiation (optional file).
title: "{name}"
description: ""
languages: [de, en, ru, uk]
""",
    "actors.yaml": """\
# Persons, states, organisations, places and documents. Person ids are the ASCII slug
# of the English name; every person needs an affiliation (the party they act for).
# Example:
#   - id: jane-doe
#     name: Jane Doe
#     type: person            # person | state | organization | place | document
#     affiliation: examplia   # an actor id
#     aliases: {{de: [Doe], en: [Doe], ru: [], uk: []}}
#     inflected: {{de: [Does]}}
#     roles:
#       - office: examplia-foreign-minister
#         title: Foreign Minister of Examplia
#         start: 2025-01-01   # window is [start, end)
#         phrases: {{de: [Außenministerin Examplias], en: [Examplia's foreign minister]}}
actors: []
ambiguous: []
redirects: {{}}
""",
    "issues.yaml": """\
# Issues on a 0-100 scale (say what 0 and 100 mean), reported positions, clout, levers.
scale_note: "0 = ..., 100 = ..."
issues: []
contexts: []
parties: []
positions: []
levers: []
""",
    "documents.yaml": """\
# Plans and drafts: date, status (official|leaked|denied|reported|draft), points.
documents: []
""",
    "lexicon.yaml": """\
# Cue words per language, merged with the extraction engine's base lexicon.
languages: {{}}
""",
}


def register(app: typer.Typer) -> None:
    app.add_typer(case_app, name="case")


@case_app.command("check")
def check(
    case: str = typer.Argument(..., help="Name of a shipped pack (ukraine-2025) or a folder."),
) -> None:
    """Validate a case pack and list every problem with file, line and field.

    Examples:

        parley case check ukraine-2025

        parley case check ./my-pack
    """
    from parley.cases import check_case, load_case

    problems = check_case(case)
    if problems:
        for problem in problems:
            console.print(f"[bold red]error:[/] {problem}", highlight=False, soft_wrap=True)
        console.print(f"[red]{len(problems)} problem(s) in {case}[/]")
        raise typer.Exit(1)
    pack = load_case(case)
    console.print(
        f"[green]ok[/] {pack.name}: {len(pack.actors)} actors, {len(pack.issues)} issues, "
        f"{len(pack.positions)} positions, {len(pack.documents)} documents, "
        f"{len(pack.lexicon.languages)} lexicon languages"
    )


@case_app.command("show")
def show(
    case: str = typer.Argument(..., help="Name of a shipped pack or a folder."),
) -> None:
    """Summarise a case pack: actors by type, parties and clout, issues, documents.

    Example:

        parley case show ukraine-2025
    """
    from collections import Counter

    from parley.cases import load_case

    pack = load_case(case)
    console.print(f"[bold]{pack.meta.title}[/]  ({pack.name}, {pack.path})")
    if pack.meta.description:
        console.print(pack.meta.description, highlight=False)
    types = Counter(a.type for a in pack.actors)
    roles = sum(len(a.roles) for a in pack.actors)
    console.print(
        "Actors: "
        + ", ".join(f"{n} {t}" for t, n in sorted(types.items()))
        + f"; {len(pack.aliases())} surface forms, {roles} roles, "
        f"{len(pack.ambiguous)} ambiguity rules"
    )
    if pack.parties:
        table = Table(title="Parties", show_lines=False)
        table.add_column("party")
        table.add_column("clout", justify="right")
        table.add_column("positions", justify="right")
        for party in pack.parties:
            n = sum(1 for p in pack.positions if p.party == party.id)
            table.add_row(party.id, f"{party.clout:g}", str(n))
        console.print(table)
    if pack.issues:
        table = Table(title="Issues (0-100)")
        table.add_column("key")
        table.add_column("PA-X")
        table.add_column("0 =")
        table.add_column("100 =")
        for issue in pack.issues:
            table.add_row(issue.key, " ".join(issue.pax), issue.low, issue.high)
        console.print(table)
    if pack.documents:
        table = Table(title="Documents")
        for col in ("id", "date", "status", "points"):
            table.add_column(col)
        for doc in sorted(pack.documents, key=lambda d: d.date):
            count = doc.point_count if doc.point_count is not None else len(doc.points)
            table.add_row(doc.id, doc.date.isoformat(), doc.status, str(count))
        console.print(table)


@case_app.command("new")
def new(
    name: str = typer.Argument(..., help="Folder name of the new pack (e.g. iran-2026)."),
    directory: Path = typer.Option(Path("."), "--dir", help="Where to create the pack folder."),
) -> None:
    """Create an empty, valid case pack to fill in.

    Example:

        parley case new iran-2026 --dir packs && parley case check packs/iran-2026
    """
    import shutil
    import tempfile

    from parley.cases.schema import SLUG_RE
    from parley.errors import ParleyError

    if not SLUG_RE.match(name):
        raise ParleyError(f"{name}: a pack name is a lowercase slug such as 'iran-2026'")
    target = directory / name
    if target.exists():
        raise ParleyError(f"{target}: already exists; not overwriting")
    directory.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{name}-", dir=directory))
    try:
        for file, text in _SCAFFOLD.items():
            (staging / file).write_text(text.format(name=name), encoding="utf-8")
        staging.rename(target)
    except OSError:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    console.print(
        f"[green]created[/] {target}: edit the YAML files, then `parley case check {target}`"
    )
