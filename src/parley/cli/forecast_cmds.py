"""``parley forecast`` and ``parley scenario export``: from the knowledge base to a forecast.

The case pack's reported positions are the prior; the stances extraction stored with every
article update them (:mod:`parley.model.evidence`), and a bargaining model turns the result
into a forecast that moves, date by date, as the news arrives.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer
from rich.console import Console
from rich.table import Table

from parley.cli.options import CaseOption, DbOption
from parley.errors import ParleyError

if TYPE_CHECKING:
    from parley.simulate.timeline import Timeline

console = Console()

FORECAST_HELP = (
    "Forecast the negotiation from the news in the knowledge base, and show which articles "
    "moved it.\n\n"
    "The case pack's reported positions are the prior; every stance stored by [bold]parley "
    "ingest[/] is read as evidence about a party's position (persons roll up to the party they "
    "act for) and weighed by how precise it is and how recent (half-life --half-life days). "
    "Per issue the table shows each party's prior and evidence-updated position and the "
    "forecast before and after the news; then the time line: the forecast re-estimated as of "
    "every publication date, and the articles that moved it most, with their sentence of "
    "evidence. See docs/forecast.md for the rule.\n\n"
    "Examples:\n\n"
    "  parley forecast --db news.db --case ukraine-2025\n\n"
    "  parley forecast --db news.db --issue territory-donbas --model median\n\n"
    "  parley forecast --db news.db --prior-date 2025-11-20 --until 2025-12-10 --format json"
)

EXPORT_HELP = (
    "Write the evidence-updated scenario (YAML or JSON by the suffix), with the provenance of "
    "every updated position in its metadata, for [bold]parley simulate[/] or [bold]parley "
    "mediate[/].\n\n"
    "Example:\n\n"
    "  parley scenario export --db news.db --case ukraine-2025 -o scenario.yaml\n\n"
    "  parley simulate scenario.yaml -m bdm,nash"
)


def register(app: typer.Typer) -> None:
    app.command("forecast", help=FORECAST_HELP)(forecast)
    scenario_app = typer.Typer(
        help="Scenarios built from the knowledge base.", no_args_is_help=True
    )
    scenario_app.command("export", help=EXPORT_HELP)(export)
    app.add_typer(scenario_app, name="scenario")


def _day(text: str | None, option: str) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ParleyError(f"{option}: {text!r} is not a date (YYYY-MM-DD)") from None


def _open(db: Path):
    from parley.store.kb import KnowledgeBase

    return KnowledgeBase(db, create=False)


PriorOption = typer.Option(
    None, "--prior-date", help="Take the pack's positions as of this date (default: latest)."
)
UntilOption = typer.Option(None, "--until", help="Use only news published by this date.")
HalfLifeOption = typer.Option(
    30.0, "--half-life", min=0.1, help="Days after which evidence weighs half."
)


def forecast(
    db: Path = DbOption,
    case: str = CaseOption,
    model: str = typer.Option("bdm", "--model", "-m", help="compromise, median, bdm, smp, …"),
    issue: str | None = typer.Option(None, "--issue", help="Show only this issue."),
    prior_date: str | None = PriorOption,
    until: str | None = UntilOption,
    half_life: float = HalfLifeOption,
    top: int = typer.Option(5, "--top", min=0, help="Articles listed as having moved it most."),
    every_issue: bool = typer.Option(
        False, "--all-issues", help="List issues without news evidence too."
    ),
    fmt: str = typer.Option("table", "--format", "-f", help="table or json."),
) -> None:
    """Forecast the negotiation from the news in the knowledge base (see FORECAST_HELP)."""
    from parley.cases import load_case
    from parley.simulate.timeline import forecast_timeline

    if fmt not in ("table", "json"):
        raise ParleyError(f"--format: use 'table' or 'json', not {fmt!r}")
    pack = load_case(case)
    if issue is not None and not any(i.key == issue for i in pack.issues):
        known = ", ".join(i.key for i in pack.issues)
        raise ParleyError(f"--issue: case {pack.name!r} has no issue {issue!r} ({known})")
    with _open(db) as kb:
        timeline = forecast_timeline(
            kb,
            pack,
            model,
            until=_day(until, "--until"),
            prior_on=_day(prior_date, "--prior-date"),
            half_life=half_life,
        )
    if issue is not None and issue not in timeline.final_outcome:
        raise ParleyError(f"issue {issue!r} has no reported positions in case {pack.name!r}")
    if fmt == "json":
        typer.echo(json.dumps(_as_json(timeline, issue, top), indent=2, ensure_ascii=False))
        return
    _print_positions(timeline, issue, every_issue)
    _print_timeline(timeline, issue, top)


def _shown_issues(timeline: Timeline, issue: str | None, every_issue: bool) -> list[str]:
    keys = list(timeline.final_outcome)
    if issue is not None:
        return [issue]
    if every_issue:
        return keys
    touched = {k for (_p, k), e in timeline.update.estimates.items() if e.evidence}
    return [k for k in keys if k in touched]


def _print_positions(timeline: Timeline, issue: str | None, every_issue: bool) -> None:
    upd = timeline.update
    parties = [a.id for a in upd.prior.actors]
    table = Table(
        title=f"Case-pack prior → news-updated positions (as of {upd.as_of}) "
        f"and the {timeline.model} forecast",
        title_justify="left",
    )
    table.add_column("issue", no_wrap=True)
    table.add_column("forecast", justify="right", no_wrap=True)
    for party in parties:
        table.add_column(party, justify="right")
    table.add_column("news", justify="right")
    shown = _shown_issues(timeline, issue, every_issue)
    for key in shown:
        cells = []
        articles: set[str] = set()
        for party in parties:
            est = upd.estimates.get((party, key))
            if est is None:
                cells.append("")
            elif est.evidence:
                articles |= {e.article for e, _ in est.evidence}
                cells.append(f"{est.prior.position:.0f}→{est.position:.1f}")
            else:
                cells.append(f"{est.prior.position:.0f}")
        before, after = timeline.prior_outcome[key], timeline.final_outcome[key]
        table.add_row(key, f"{before:.0f}→{after:.1f}", *cells, str(len(articles)))
    if shown:
        console.print(table)
    else:
        console.print("No news evidence touches a position the case pack reports.")
    notes = [f"{n} {why}" for why, n in upd.skipped.most_common()]
    if upd.without_prior:
        notes.append(f"{sum(upd.without_prior.values())} on pairs the pack has no position for")
    if notes:
        console.print("[dim]stance records not used: " + "; ".join(notes) + "[/]")


def _print_timeline(timeline: Timeline, issue: str | None, top: int) -> None:
    table = Table(title="Time line: forecast as of each publication date", title_justify="left")
    table.add_column("date")
    table.add_column("articles", justify="right")
    table.add_column("forecast moved")
    for step in timeline.steps:
        moved = {k: d for k, d in step.delta.items() if abs(d) >= 0.05 and issue in (None, k)}
        if step.day is None:
            table.add_row("prior", "", "case pack positions only")
            continue
        text = ", ".join(
            f"{k} {d:+.1f}" for k, d in sorted(moved.items(), key=lambda x: -abs(x[1]))
        )
        table.add_row(step.day.isoformat(), str(len(step.articles)), text or "·")
    console.print(table)
    best = [a for a in timeline.top(top, issue) if abs(a.delta) >= 0.05]
    if not best:
        return
    moved = Table(title="Articles that moved the forecast most", title_justify="left")
    for col in ("article", "date", "issue", "Δ", "title / sentence of evidence"):
        moved.add_column(col, justify="right" if col == "Δ" else "left", overflow="fold")
    for a in best:
        sentence = a.evidence[0].sentence if a.evidence else ""
        if len(sentence) > 120:
            sentence = sentence[:119] + "…"
        moved.add_row(
            a.article[:8],
            a.published.isoformat(),
            a.issue,
            f"{a.delta:+.1f}",
            f"[bold]{a.title or '(untitled)'}[/]\n[dim]{sentence}[/]",
        )
    console.print(moved)


def _as_json(timeline: Timeline, issue: str | None, top: int) -> dict[str, Any]:
    upd = timeline.update

    def keep(key: str) -> bool:
        return issue in (None, key)

    return {
        "model": timeline.model,
        "as_of": upd.as_of.isoformat(),
        "issues": {
            key: {
                "forecast_prior": timeline.prior_outcome[key],
                "forecast": timeline.final_outcome[key],
                "positions": {
                    est.party: {
                        "prior": est.prior.position,
                        "position": est.position,
                        "sd": est.sd,
                        "evidence": [dict(e.to_dict(), share=s) for e, s in est.evidence],
                    }
                    for (_p, k), est in upd.estimates.items()
                    if k == key
                },
            }
            for key in timeline.final_outcome
            if keep(key)
        },
        "timeline": [
            {
                "date": step.day.isoformat() if step.day else None,
                "articles": step.articles,
                "forecast": {k: v for k, v in step.outcome.items() if keep(k)},
                "delta": {k: v for k, v in step.delta.items() if keep(k)},
                "attributions": [
                    {"article": a.article, "issue": a.issue, "delta": a.delta}
                    for a in step.attributions
                    if keep(a.issue)
                ],
            }
            for step in timeline.steps
        ],
        "top": [
            {
                "article": a.article,
                "date": a.published.isoformat(),
                "title": a.title,
                "issue": a.issue,
                "delta": a.delta,
                "evidence": [e.to_dict() for e in a.evidence],
            }
            for a in timeline.top(top, issue)
        ],
        "skipped": dict(upd.skipped),
        "without_prior": {f"{p}/{k}": n for (p, k), n in upd.without_prior.items()},
    }


def export(
    db: Path = DbOption,
    case: str = CaseOption,
    output: Path = typer.Option(..., "--output", "-o", help="Scenario file (.yaml or .json)."),
    prior_date: str | None = PriorOption,
    until: str | None = UntilOption,
    half_life: float = HalfLifeOption,
) -> None:
    """Write the evidence-updated scenario (see EXPORT_HELP)."""
    from parley.model.evidence import update_scenario

    if output.suffix.lower() not in (".yaml", ".yml", ".json"):
        raise ParleyError(f"{output}: write .yaml, .yml or .json")
    with _open(db) as kb:
        upd = update_scenario(
            kb,
            case,
            prior_on=_day(prior_date, "--prior-date"),
            until=_day(until, "--until"),
            half_life=half_life,
        )
    tmp = output.with_name(output.name + ".tmp" + output.suffix)
    try:
        upd.scenario.dump(tmp)
        tmp.replace(output)  # never a half-written scenario
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise ParleyError(f"{output}: cannot write ({exc.strerror})") from None
    moved = sum(1 for e in upd.estimates.values() if e.evidence)
    console.print(
        f"Scenario [bold]{output}[/]: {len(upd.scenario.actors)} parties, "
        f"{len(upd.scenario.issues)} issues, {moved} positions updated from news "
        f"(as of {upd.as_of})."
    )
