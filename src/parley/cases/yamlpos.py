"""YAML loading that remembers the line of every value.

PyYAML's composed node tree carries line marks that ``safe_load`` throws away;
we keep them so a schema error can say ``actors.yaml:412 actors[37].roles[0].start``
instead of only "invalid". Duplicate mapping keys are errors here (PyYAML
silently keeps the last one, which hides copy-paste mistakes in long packs).
"""

from __future__ import annotations

from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

Loc = tuple[str | int, ...]
# libyaml's composer keeps line marks too and is ~15x faster than the pure-Python one.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class YamlProblem(Exception):
    """A syntax or structure error at a line (1-based)."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def load_with_lines(text: str) -> tuple[Any, dict[Loc, int]]:
    """Parse one YAML document; return the data and ``{path: line}`` for every node."""
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        raise YamlProblem(line, f"YAML syntax: {exc.problem or exc}") from exc
    lines: dict[Loc, int] = {}
    if root is None:
        return None, lines
    constructor = SafeConstructor()
    return _build(root, (), lines, constructor), lines


def _build(node: Node, loc: Loc, lines: dict[Loc, int], constructor: SafeConstructor) -> Any:
    lines[loc] = node.start_mark.line + 1
    if isinstance(node, MappingNode):
        constructor.flatten_mapping(node)
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = constructor.construct_object(key_node, deep=True)
            if isinstance(key, list | dict):
                raise YamlProblem(key_node.start_mark.line + 1, "a mapping key must be a scalar")
            if key in out:
                raise YamlProblem(key_node.start_mark.line + 1, f"duplicate key {key!r}")
            out[key] = _build(value_node, (*loc, key), lines, constructor)
        return out
    if isinstance(node, SequenceNode):
        return [_build(item, (*loc, i), lines, constructor) for i, item in enumerate(node.value)]
    if isinstance(node, ScalarNode):
        try:
            return constructor.construct_object(node, deep=True)
        except (ValueError, yaml.constructor.ConstructorError):
            # e.g. "2025-13-01" looks like a date but is none: hand the text on so the
            # schema reports it against its field instead of failing the whole file.
            return node.value
    raise YamlProblem(node.start_mark.line + 1, f"unsupported YAML node {type(node).__name__}")


def line_of(lines: dict[Loc, int], loc: Loc) -> int | None:
    """Line of the deepest existing prefix of ``loc`` (a missing field points to its parent)."""
    for cut in range(len(loc), -1, -1):
        found = lines.get(tuple(loc[:cut]))
        if found is not None:
            return found
    return None
