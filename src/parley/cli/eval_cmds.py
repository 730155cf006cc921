"""``parley eval``: accuracy against gold data, printed as precision, recall and F1.

Evaluation commands live in their own modules (``eval_*_cmds.py``) and attach
themselves to ``eval_app``; this module only owns the group.
"""

from __future__ import annotations

import typer

eval_app = typer.Typer(
    help="Measure accuracy against gold data (precision, recall, F1).",
    no_args_is_help=True,
)


def register(app: typer.Typer) -> None:
    app.add_typer(eval_app, name="eval")
