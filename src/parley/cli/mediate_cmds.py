"""``parley mediate``: a mediator shuttles one text between the parties, under pressure."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.table import Table

from parley.errors import ParleyError

console = Console()


def register(app: typer.Typer) -> None:
    app.command("mediate")(mediate)


def mediate(
    scenario: str = typer.Argument(
        ...,
        help="Mediation file (.yaml with a 'scenario' field), scenario file, or case name "
        "(a case's shipped scenario-mediation.yaml is used when it has one).",
    ),
    mediator: str | None = typer.Option(
        None,
        "--mediator",
        help="Actor who carries the text (default: the setup's, else the "
        "actor with the most clout).",
    ),
    order: str | None = typer.Option(
        None, "--order", help="Visit order, comma-separated actor ids (e.g. russia,ukraine,europe)."
    ),
    lever: list[str] = typer.Option(
        [],
        "--lever",
        "-l",
        help="Lever schedule KEY=LEVEL@ROUND,… e.g. sanctions=3@0,7@4 "
        "(repeatable; replaces that lever's schedule and turns off its carrot-and-stick rule).",
    ),
    stage: list[str] = typer.Option(
        [],
        "--stage",
        help="Staged talks, in order: NAME=issue,issue (repeatable; an empty "
        "list takes the remaining issues), e.g. --stage ceasefire=ceasefire,humanitarian "
        "--stage treaty=. Replaces the setup's stages; all of a stage's issues are required.",
    ),
    stop_after: str | None = typer.Option(
        None, "--stop-after", help="Stop once this stage is agreed (e.g. ceasefire)."
    ),
    rounds: int | None = typer.Option(None, "--rounds", min=1, help="Deadline in rounds."),
    runs: int = typer.Option(1, "--runs", "-n", min=1, help="Monte Carlo draws of the inputs."),
    seed: int | None = typer.Option(None, "--seed", help="Seed for reproducible draws."),
    sensitivity: bool = typer.Option(
        True, "--sensitivity/--no-sensitivity", help="With --runs: which lever matters most."
    ),
    fmt: str = typer.Option("table", "--format", "-f", help="table or json."),
    plot: Path | None = typer.Option(None, "--plot", help="Write the history and outcomes (.png)."),
) -> None:
    """Simulate an interested mediator shuttling a single negotiating text.

    The mediator (itself a party) shows the draft to each party in turn; each answers with the
    points it rejects and how strongly; the mediator learns their red lines and revises,
    weighing the objections by clout against its own preferences and its wish for a quick
    result. Levers (sanctions, aid, battlefield, frozen assets) move the parties' no-deal
    value round by round; veto players (a referendum, EU unanimity) rule on a signed text.
    Prints the draft-by-draft history of the point estimate and, with [bold]--runs N[/], the
    probability of agreement, the expected package, who conceded what and which lever moves
    the outcome most.

    Examples:

      parley mediate ukraine-2025

      parley mediate ukraine-2025 --order russia,ukraine,europe --lever sanctions=5@0,8@2

      parley mediate ukraine-2025 --runs 500 --seed 7 --plot mediation.png

      parley mediate ukraine-2025 --stage ceasefire=ceasefire,humanitarian,monitoring
      --stage treaty= --stop-after ceasefire

      parley mediate my-mediation.yaml --mediator broker --format json
    """
    from parley.model.mediation_setup import load_mediation
    from parley.simulate.levers import parse_lever_option
    from parley.simulate.mediation import Mediation, lever_sensitivity

    if fmt not in ("table", "json"):
        raise ParleyError(f"--format must be table or json, not {fmt!r}")
    if plot is not None and plot.suffix.lower() != ".png":
        raise ParleyError(f"{plot}: --plot writes .png")
    sc, setup = load_mediation(scenario)
    update: dict[str, Any] = {}
    if mediator:
        update["mediator"] = mediator
        if not order and setup.order and mediator in setup.order:
            update["order"] = [a for a in setup.order if a != mediator]
    if order:
        update["order"] = [a.strip() for a in order.split(",") if a.strip()]
    if rounds:
        update["max_rounds"] = rounds
    if stage:
        update["stages"] = [_stage(text) for text in stage]
        update["stop_after"] = None
    if stop_after:
        update["stop_after"] = stop_after
    if lever:
        known = {lv.key: lv for lv in setup.levers}
        for text in lever:
            new = parse_lever_option(text, known).model_copy(update={"strategy": None})
            known[new.key] = new
        update["levers"] = list(known.values())
    setup = setup.model_copy(update=update)
    try:
        setup.check_against(sc, "options")
        engine = Mediation(sc, setup)
    except ValueError as exc:
        raise ParleyError(str(exc)) from None
    result = engine.run(runs, seed)
    sens = None
    if runs > 1 and sensitivity and setup.levers:
        sens = lever_sensitivity(sc, setup, min(runs, 400), seed)

    if fmt == "json":
        out = result.to_dict()
        out["lever_sensitivity"] = sens
        typer.echo(json.dumps(out, indent=2, ensure_ascii=False, default=_jsonable))
    else:
        _print(result, sens)
    if plot is not None:
        from parley.report.mediation_plot import write_plot

        write_plot(result, plot)
        if fmt == "table":
            console.print(f"[green]wrote[/] {plot}")


def _stage(text: str) -> Any:
    from parley.model.mediation_setup import Stage

    name, sep, issues = text.partition("=")
    if not sep or not name.strip():
        raise ParleyError(f"--stage {text!r}: expected NAME=issue,issue (or NAME= for the rest)")
    return Stage(name=name.strip(), issues=[k.strip() for k in issues.split(",") if k.strip()])


def _jsonable(value: Any) -> Any:
    import numpy as np

    if isinstance(value, np.ndarray):
        return value.tolist()
    if isinstance(value, np.generic):
        return value.item()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def _value(sc: Any, key: str, v: float | None) -> str:
    """A value as its option key (discrete issues) or its number."""
    if v is None:
        return "open"
    issue = sc.issue(key)
    if issue.discrete:
        opt = issue.nearest_option(v)
        if abs(float(opt.value) - v) < 1e-6:
            return opt.key
    return f"{v:g}"


def _change(sc: Any, c: dict[str, Any]) -> str:
    old, new = c["old"], c["new"]
    if new is None:
        return f"[red]−{c['issue']}[/]"
    if old is None:
        return f"[green]+{c['issue']}[/] {_value(sc, c['issue'], new)}"
    return f"{c['issue']} {_value(sc, c['issue'], old)}→{_value(sc, c['issue'], new)}"


def _print(result: Any, sens: dict[str, Any] | None) -> None:
    sc, setup = result.scenario, result.setup
    console.print(
        f"[bold]{sc.name}[/]: {result.mediator} mediates, visiting "
        f"{' → '.join(result.order)}; opening text: {setup.opening_name} "
        f"({result.drafts[0].points if result.drafts else '?'} points)"
    )
    table = Table(title="Shuttle (point estimate)", title_justify="left", show_lines=False)
    for col in (
        "rnd",
        "visit",
        "answer",
        "rejects (strongest first, ! = red line)",
        "new draft",
        "levers (when moved)",
    ):
        table.add_column(col, overflow="fold")
    shown: set[int] = set()
    before: dict[str, float] = {}
    for a in result.answers:
        rej = ", ".join(f"{r['point']}{'!' if r['red_line'] else ''}" for r in a.rejects[:5]) + (
            " …" if len(a.rejects) > 5 else ""
        )
        if not a.accepted and not a.rejects:
            rej = "(no single point: no deal is worth more than the whole text)"
        if a.accepted:
            answer = "[green]accepts[/]"
        elif a.gap >= 0:
            answer = "[red]rejects[/] (red line)"
        else:
            answer = f"[red]rejects[/] (short {-a.gap:.3f})"
        new = ""
        nxt = [d for d in result.drafts if d.number > a.draft and d.number not in shown
               and d.round == a.round and d.cause in (f"answer of {a.party}", "veto")]  # fmt: skip
        if nxt:
            d = nxt[0]
            shown.add(d.number)
            cause = " after a veto" if d.cause == "veto" else ""
            new = f"#{d.number} ({d.points} pts{cause}): " + "; ".join(
                _change(sc, c) for c in d.changes
            )
        # Levers: all at the first visit, then only those that moved.
        moved = {k: v for k, v in a.levers.items() if before.get(k) != v}
        before = a.levers
        levers = " ".join(f"{k}={v:g}" for k, v in moved.items())
        table.add_row(str(a.round), a.party, answer, rej, new, levers)
    console.print(table)
    status = {1: "agreement", 2: "deadlock", 3: "deadline"}.get(int(result.status[0]), "open")
    last = result.drafts[-1] if result.drafts else None
    if last is not None:
        console.print(
            f"Point estimate: [bold]{status}[/] after {int(result.rounds[0])} round(s), draft "
            f"#{last.number} with {last.points} points; told: {', '.join(last.told) or 'nothing'}"
        )
    s = result.summary()
    if result.runs > 1:
        out = s["outcomes"]
        rta = s["rounds_to_agreement"]
        console.print(
            f"{result.runs} runs (seed {result.seed}): agreement {out['agreement']:.0%}, "
            f"deadlock {out['deadlock']:.0%}, deadline {out['deadline']:.0%}"
            + (
                f"; rounds to agreement median {rta['median']:g} (5–95 %: {rta['p05']:g}–"
                f"{rta['p95']:g})"
                if rta
                else ""
            )
        )
        if len(s["stages"]) > 1:
            console.print(
                "  stages agreed: " + ", ".join(f"{k} {v:.0%}" for k, v in s["stages"].items())
            )
    pkg = Table(title="Expected package (runs that agreed)", title_justify="left")
    for col in ("issue", "opening", "final (point est.)", "mean", "sd", "settled"):
        pkg.add_column(col, justify="right" if col != "issue" else "left")
    final0 = last.package if last else {}
    for key, row in s["expected_package"].items():
        pkg.add_row(
            key,
            _value(sc, key, row["opening"]),
            _value(sc, key, final0.get(key)) if result.agreed[0] else "—",
            "—"
            if row["mean"] is None
            else f"{row['mean']:.1f}" + (f" ({row['option']})" if row.get("option") else ""),
            "—" if row["sd"] is None else f"{row['sd']:.1f}",
            "—" if row["settled"] is None else f"{row['settled']:.0%}",
        )
    if s["agreement"] > 0:
        console.print(pkg)
        con = Table(title="Who conceded what (from the opening text)", title_justify="left")
        con.add_column("party")
        con.add_column("utility change", justify="right")
        con.add_column("text moved away from it on (scale points)")
        for party, c in s["concessions"].items():
            con.add_row(
                party,
                f"{c['utility_change']:+.3f}",
                ", ".join(f"{k} {v:g}" for k, v in c["gave_ground_on"].items()),
            )
        console.print(con)
    if sens:
        lt = Table(title="Which lever moves the outcome most (Δ probability of agreement)",
                   title_justify="left")  # fmt: skip
        lt.add_column("lever")
        lt.add_column("step", justify="right")
        lt.add_column("raised", justify="right")
        lt.add_column("lowered", justify="right")
        for key, r in sens.items():
            lt.add_row(key, f"±{r['step']:g}", f"{r['up']:+.1%}", f"{r['down']:+.1%}")
        console.print(lt)
