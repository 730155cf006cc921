"""Scenario files in other tools' formats: KTAB's CSV and the classic BDM table.

KTAB (the KAPSARC Toolkit for Behavioral Analysis) stores a Spatial Model of Politics scenario as
a CSV file: a first row ``name, description, actors, dimensions``, a header
``Actor, Description, Power, <pos 1>, <sal 1>, …`` and one row per actor with its power (clout)
and, per dimension, a position and a salience, both 0–100. We read it into a :class:`Scenario`
(saliences divided by 100) and write it back with the same labels, so KTAB's published scenarios
and their reference runs can be compared number for number.

The Bueno de Mesquita teaching examples come as one table ``Actor, Capability, Position,
Salience`` for a single issue (saliences 0–1, positions on a 1–10 or 0–100 scale).
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from parley.model.scenario import Actor, Issue, Scenario, ScenarioError, Stance

_POSITION_SUFFIX = re.compile(r"\s*position\s*$", re.IGNORECASE)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _num(text: str, path: Path, line: int, what: str) -> float:
    try:
        return float(text)
    except ValueError:
        raise ScenarioError(f"{path}:{line}: {what} {text!r} is not a number") from None


def _fmt(x: float) -> str:
    """Shortest faithful text for a number (undoes the float noise of ×100 / ÷100)."""
    return f"{round(x, 9):.12g}"


def _rows(path: Path) -> list[list[str]]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise ScenarioError(f"{path}: cannot read ({exc.strerror})") from None
    rows = []
    for row in csv.reader(io.StringIO(text), skipinitialspace=True):
        cells = [c.strip() for c in row]
        while cells and cells[-1] == "":
            cells.pop()
        rows.append(cells)
    return rows


def read_ktab_csv(path: str | Path) -> Scenario:
    """Read a KTAB SMP scenario CSV (positions 0–100; saliences 0–100 become 0–1)."""
    path = Path(path)
    rows = _rows(path)
    if len(rows) < 2 or len(rows[0]) < 4:
        raise ScenarioError(f"{path}:1: expected 'name, description, actors, dimensions'")
    name, description = rows[0][0], rows[0][1]
    n_actors = int(_num(rows[0][2], path, 1, "number of actors"))
    n_dims = int(_num(rows[0][3], path, 1, "number of dimensions"))
    header = rows[1]
    if len(header) < 3 + 2 * n_dims:
        raise ScenarioError(
            f"{path}:2: header has {len(header)} columns, {n_dims} dimensions need {3 + 2 * n_dims}"
        )
    dim_labels = [(header[3 + 2 * d], header[4 + 2 * d]) for d in range(n_dims)]
    issues, seen = [], set()
    for d, (pos_label, _sal_label) in enumerate(dim_labels):
        stem = _POSITION_SUFFIX.sub("", pos_label) or f"dim{d + 1}"
        key = _slug(stem) or f"dim{d + 1}"
        if key in seen:
            key = f"{key}-{d + 1}"
        seen.add(key)
        issues.append(Issue(key=key, name=stem))
    body = [(i + 3, r) for i, r in enumerate(rows[2:]) if r]
    if len(body) != n_actors:
        raise ScenarioError(f"{path}: first row announces {n_actors} actors, found {len(body)}")
    actors = []
    for line, row in body:
        if len(row) < 3 + 2 * n_dims:
            raise ScenarioError(f"{path}:{line}: expected {3 + 2 * n_dims} columns, got {len(row)}")
        stances = {}
        for d, iss in enumerate(issues):
            pos = _num(row[3 + 2 * d], path, line, "position")
            sal = _num(row[4 + 2 * d], path, line, "salience")
            if not 0 <= pos <= 100 or not 0 <= sal <= 100:
                raise ScenarioError(f"{path}:{line}: position and salience must lie in 0–100")
            stances[iss.key] = Stance(position=pos, salience=sal / 100)
        power = _num(row[2], path, line, "power")
        if power < 0:
            raise ScenarioError(f"{path}:{line}: power must not be negative")
        actors.append(Actor(id=row[0], description=row[1], capability=power, stances=stances))
    meta = {
        "format": "ktab-csv",
        "source": str(path),
        "ktab": {
            "actor_label": header[0],
            "description_label": header[1],
            "power_label": header[2],
            "dimension_labels": [list(p) for p in dim_labels],
            "extra": rows[0][4:],
        },
    }
    return Scenario(name=name, description=description, issues=issues, actors=actors, metadata=meta)


def ktab_csv_text(scenario: Scenario) -> str:
    """The scenario as KTAB CSV text (labels from the KTAB metadata if it came from KTAB)."""
    k = scenario.metadata.get("ktab", {})
    labels = k.get("dimension_labels") or [
        [f"{i.name or i.key} Position", f"{i.name or i.key} Salience"] for i in scenario.issues
    ]
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    sizes = [len(scenario.actors), len(scenario.issues)]
    w.writerow([scenario.name, scenario.description, *sizes, *k.get("extra", [])])
    head = [k.get("actor_label", "Actor"), k.get("description_label", "Description")]
    w.writerow([*head, k.get("power_label", "Power")] + [x for pair in labels for x in pair])
    for a in scenario.actors:
        row = [a.id, a.description or a.name, _fmt(a.capability)]
        for iss in scenario.issues:
            st = a.stances.get(iss.key)
            if st is None:
                row += ["0", "0"]  # KTAB has no "silent": zero salience is the same thing
                continue
            pos = iss.value(st.position)
            lo, hi = iss.scale
            row += [_fmt(100 * (pos - lo) / (hi - lo)), _fmt(100 * st.salience)]
        w.writerow(row)
    return out.getvalue()


def write_ktab_csv(scenario: Scenario, path: str | Path) -> None:
    """Write KTAB CSV. Positions are rescaled to 0–100 from each issue's scale."""
    Path(path).write_text(ktab_csv_text(scenario), encoding="utf-8")


def read_bdm_csv(path: str | Path, scale: tuple[float, float] | None = None) -> Scenario:
    """Read a one-issue BDM table ``Actor, Capability, Position, Salience``.

    ``scale`` defaults to 1–10 when every position fits it (the convention of the teaching
    examples) and to 0–100 otherwise; saliences above 1 are read as percentages.
    """
    path = Path(path)
    rows = [r for r in _rows(path) if r]
    want = ["actor", "capability", "position", "salience"]
    if not rows or [c.lower() for c in rows[0][:4]] != want:
        raise ScenarioError(f"{path}:1: expected header Actor,Capability,Position,Salience")
    parsed = []
    for line, row in enumerate(rows[1:], start=2):
        if len(row) < 4:
            raise ScenarioError(f"{path}:{line}: expected 4 columns, got {len(row)}")
        cap, pos, sal = (_num(row[j], path, line, want[j]) for j in (1, 2, 3))
        if cap < 0 or sal < 0:
            raise ScenarioError(f"{path}:{line}: capability and salience must not be negative")
        parsed.append((row[0], cap, pos, sal))
    if not parsed:
        raise ScenarioError(f"{path}: no actors")
    positions = [p for _, _, p, _ in parsed]
    if scale is None:
        scale = (1.0, 10.0) if min(positions) >= 1 and max(positions) <= 10 else (0.0, 100.0)
    percent = max(s for *_, s in parsed) > 1
    issue = Issue(key="issue", name=path.stem, scale=scale)
    actors = [
        Actor(
            id=_slug(name) or name,
            name=name,
            capability=cap,
            stances={"issue": Stance(position=pos, salience=sal / 100 if percent else sal)},
        )
        for name, cap, pos, sal in parsed
    ]
    try:
        return Scenario(
            name=path.stem,
            issues=[issue],
            actors=actors,
            metadata={"format": "bdm-csv", "source": str(path)},
        )
    except ValueError as exc:
        raise ScenarioError(f"{path}: {exc}") from None


def load_scenario(path: str | Path) -> Scenario:
    """Read any scenario file: YAML/JSON (parley's own), KTAB CSV or a BDM table (sniffed)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml", ".json"):
        return Scenario.load(path)
    if suffix == ".csv":
        rows = _rows(path)
        first = [c.lower() for c in rows[0]] if rows else []
        if first[:1] == ["actor"] and "capability" in first:
            return read_bdm_csv(path)
        return read_ktab_csv(path)
    raise ScenarioError(f"{path}: unknown scenario format (use .yaml, .yml, .json or .csv)")


def save_scenario(scenario: Scenario, path: str | Path) -> None:
    """Write a scenario by suffix: ``.csv`` as KTAB CSV, otherwise YAML/JSON."""
    if Path(path).suffix.lower() == ".csv":
        write_ktab_csv(scenario, path)
    else:
        scenario.dump(path)
