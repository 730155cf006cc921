"""The package follows the data flow: a stage imports only from stages before it.

ingest -> extract -> store -> model -> simulate -> report/evaluate, with ``cases``
(case-pack data and schema) and ``errors`` available to all and ``cli`` on top.
A violation would let, say, the knowledge base depend on a bargaining engine,
and the stages could no longer be used (or tested) one at a time.
"""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "parley"
RANK = {
    "errors": 0,
    "cases": 0,
    "ingest": 1,
    "extract": 2,
    "store": 3,
    "model": 4,
    "simulate": 5,
    "report": 6,
    "evaluate": 6,
    "cli": 7,
}


def _imports(path: Path) -> list[str]:
    names = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.append(node.module)
        elif isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
    return [n for n in names if n.startswith("parley.")]


MODULES = sorted(p for p in PACKAGE.rglob("*.py") if p.relative_to(PACKAGE).parts[0] in RANK)


def test_every_stage_is_ranked():
    stages = {p.relative_to(PACKAGE).parts[0] for p in PACKAGE.iterdir() if p.is_dir()}
    assert stages - {"__pycache__"} <= set(RANK)


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_stage_imports_only_earlier_stages(path):
    stage = path.relative_to(PACKAGE).parts[0]
    later = [name for name in _imports(path) if RANK.get(name.split(".")[1], 0) > RANK[stage]]
    assert not later, f"{stage} must not import {later}"
