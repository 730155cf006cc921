"""Line-level boilerplate cleaner for scraped plain text.

Scraped news text arrives with page furniture left in: photo credits, consent boxes,
paywall state, embedded posts, share buttons. Main-text extractors such as trafilatura and
jusText judge whole paragraphs by length and link density, and these lines look like short
prose to them, so most survive (benchmarks/boilerplate_baselines.py measures it). Here each
line is judged by explicit rules instead.

The rules are data, not code: rules/boilerplate.yaml holds the general ones, and
rules/outlets/<slug>.yaml adds an outlet's own furniture when the outlet is known. Every
removal is recorded with the rule's name, so a reader can audit what was dropped and why.

All line rules of a rule set are compiled into one alternation, so a line costs one regex
match whatever the number of rules; rule sets are compiled once and cached.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from parley.errors import ParleyError
from parley.ingest.article import RemovedLine

__all__ = [
    "BlockRule",
    "CleanResult",
    "Cleaner",
    "InlineRule",
    "LineRule",
    "RuleSet",
    "clean_text",
    "cleaner_for",
    "load_rules",
    "outlet_slug",
]

RULES_PACKAGE = "parley.ingest.rules"
_BLANK_RUN = re.compile(r"\n{3,}")
_COMMON_KEYS = {"name", "description", "examples"}
_RULE_KEYS = {
    "lines": _COMMON_KEYS | {"pattern", "ignore_case"},
    "blocks": _COMMON_KEYS | {"start", "end", "follow", "inner", "max_lines", "min_lines"},
    "inline": _COMMON_KEYS | {"pattern", "replace", "ignore_case"},
}


@dataclass(frozen=True, slots=True)
class LineRule:
    """Drop a line that the pattern matches as a whole."""

    name: str
    pattern: str
    ignore_case: bool = False
    examples: dict[str, list[str]] = field(default_factory=dict, compare=False)


@dataclass(frozen=True, slots=True)
class BlockRule:
    """Drop a run of lines from a ``start`` line to an ``end`` line or while ``follow`` holds.

    With ``end``, every line between start and end must match ``inner`` (when given), so a
    block can never swallow prose that happens to sit between a lone start and a later end.
    """

    name: str
    start: str
    end: str | None = None
    follow: str | None = None
    max_lines: int = 10
    inner: str | None = None
    min_lines: int = 1
    examples: dict[str, list[str]] = field(default_factory=dict, compare=False)


@dataclass(frozen=True, slots=True)
class InlineRule:
    """Rewrite matches inside a kept line (e.g. markdown link residue to its text)."""

    name: str
    pattern: str
    replace: str
    ignore_case: bool = False
    examples: dict[str, list[str]] = field(default_factory=dict, compare=False)


@dataclass(frozen=True, slots=True)
class RuleSet:
    """An ordered collection of rules; later files extend earlier ones."""

    lines: tuple[LineRule, ...] = ()
    blocks: tuple[BlockRule, ...] = ()
    inline: tuple[InlineRule, ...] = ()

    def __add__(self, other: RuleSet) -> RuleSet:
        merged = RuleSet(
            self.lines + other.lines, self.blocks + other.blocks, self.inline + other.inline
        )
        merged.check_unique()
        return merged

    def all_rules(self) -> Iterable[LineRule | BlockRule | InlineRule]:
        yield from self.lines
        yield from self.blocks
        yield from self.inline

    def check_unique(self) -> None:
        seen: set[str] = set()
        for rule in self.all_rules():
            if rule.name in seen:
                raise ParleyError(f"boilerplate rules: rule name {rule.name!r} is used twice")
            seen.add(rule.name)


@dataclass(slots=True)
class CleanResult:
    """The cleaned text and the audit trail of everything removed or rewritten."""

    text: str
    removed: list[RemovedLine]


def _compile(source: str, rule: str, pattern: str, ignore_case: bool = False) -> re.Pattern[str]:
    flags = re.VERBOSE | (re.IGNORECASE if ignore_case else 0)
    try:
        return re.compile(pattern, flags)
    except re.error as err:
        raise ParleyError(f"{source}: rule {rule!r}: invalid pattern: {err}") from None


def _examples(source: str, name: str, raw: Any) -> dict[str, list[str]]:
    if raw is None:
        return {}
    if not isinstance(raw, dict) or not all(
        isinstance(v, list) and all(isinstance(x, str) for x in v) for v in raw.values()
    ):
        raise ParleyError(f"{source}: rule {name!r}: examples must map remove/keep to strings")
    return {str(k): list(v) for k, v in raw.items()}


def _parse_rules(data: Any, source: str) -> RuleSet:
    """Validate one YAML document into a RuleSet, naming the file and rule on any error."""
    if data is None:
        return RuleSet()
    if not isinstance(data, dict):
        raise ParleyError(f"{source}: expected a mapping with lines/blocks/inline")
    unknown = set(data) - {"lines", "blocks", "inline"}
    if unknown:
        raise ParleyError(f"{source}: unknown section(s) {sorted(unknown)}")

    def entries(section: str) -> list[dict[str, Any]]:
        items = data.get(section) or []
        if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
            raise ParleyError(f"{source}: {section!r} must be a list of rules")
        for item in items:
            if not isinstance(item.get("name"), str) or not item["name"]:
                raise ParleyError(f"{source}: a rule in {section!r} has no name")
            unknown = set(item) - _RULE_KEYS[section]
            if unknown:  # a misspelt key would otherwise be ignored silently
                raise ParleyError(
                    f"{source}: rule {item['name']!r}: unknown key(s) {sorted(unknown)}"
                )
        return items

    def text(item: dict[str, Any], key: str, *, required: bool = True) -> str | None:
        value = item.get(key)
        if value is None and not required:
            return None
        if not isinstance(value, str) or not value.strip():
            raise ParleyError(f"{source}: rule {item['name']!r}: {key!r} must be a pattern")
        return value

    lines = []
    for item in entries("lines"):
        pattern = text(item, "pattern")
        assert pattern is not None
        ignore_case = bool(item.get("ignore_case", False))
        _compile(source, item["name"], pattern, ignore_case)
        lines.append(
            LineRule(
                item["name"],
                pattern,
                ignore_case,
                _examples(source, item["name"], item.get("examples")),
            )
        )
    blocks = []
    for item in entries("blocks"):
        start = text(item, "start")
        end = text(item, "end", required=False)
        follow = text(item, "follow", required=False)
        inner = text(item, "inner", required=False)
        if (end is None) == (follow is None):
            raise ParleyError(f"{source}: rule {item['name']!r}: give exactly one of end/follow")
        if inner is not None and end is None:
            raise ParleyError(f"{source}: rule {item['name']!r}: 'inner' needs 'end'")
        max_lines = item.get("max_lines", 10)
        min_lines = item.get("min_lines", 1)
        if not isinstance(max_lines, int) or not isinstance(min_lines, int):
            raise ParleyError(f"{source}: rule {item['name']!r}: min/max_lines must be integers")
        if not 1 <= min_lines <= max_lines:
            raise ParleyError(f"{source}: rule {item['name']!r}: need 1 <= min_lines <= max_lines")
        for pattern in (start, end, follow, inner):
            if pattern is not None:
                _compile(source, item["name"], pattern)
        assert start is not None
        blocks.append(
            BlockRule(item["name"], start, end, follow, max_lines, inner, min_lines,
                      _examples(source, item["name"], item.get("examples")))
        )  # fmt: skip
    inline = []
    for item in entries("inline"):
        pattern = text(item, "pattern")
        assert pattern is not None
        replace = item.get("replace", "")
        if not isinstance(replace, str):
            raise ParleyError(f"{source}: rule {item['name']!r}: 'replace' must be a string")
        ignore_case = bool(item.get("ignore_case", False))
        _compile(source, item["name"], pattern, ignore_case)
        inline.append(
            InlineRule(item["name"], pattern, replace, ignore_case,
                       _examples(source, item["name"], item.get("examples")))
        )  # fmt: skip
    rules = RuleSet(tuple(lines), tuple(blocks), tuple(inline))
    rules.check_unique()
    return rules


def load_rules(path: str | Path) -> RuleSet:
    """Load a rule file (same layout as rules/boilerplate.yaml), e.g. a user's extension."""
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as err:
        raise ParleyError(f"{path}: cannot read rule file: {err.strerror}") from None
    except yaml.YAMLError as err:
        raise ParleyError(f"{path}: invalid YAML: {err}") from None
    return _parse_rules(data, str(path))


def _packaged(relative: str) -> RuleSet | None:
    resource = resources.files(RULES_PACKAGE).joinpath(relative)
    if not resource.is_file():
        return None
    try:
        data = yaml.safe_load(resource.read_text(encoding="utf-8"))
    except yaml.YAMLError as err:
        raise ParleyError(f"rules/{relative}: invalid YAML: {err}") from None
    return _parse_rules(data, f"rules/{relative}")


class Cleaner:
    """Applies a RuleSet to text. Build once per rule set; ``clean`` is pure."""

    def __init__(self, rules: RuleSet) -> None:
        self.rules = rules
        # One alternation per kind: group r<i> tells which rule matched.
        self._line_names = [r.name for r in rules.lines]
        self._lines = self._alternation((r.pattern, r.ignore_case) for r in rules.lines)
        self._block_starts = self._alternation((r.start, False) for r in rules.blocks)
        self._block_parts = [
            tuple(re.compile(p, re.VERBOSE) if p else None for p in (r.end, r.follow, r.inner))
            for r in rules.blocks
        ]
        flags = re.VERBOSE
        self._inline = [
            (
                r.name,
                re.compile(r.pattern, flags | (re.IGNORECASE if r.ignore_case else 0)),
                r.replace,
            )
            for r in rules.inline
        ]

    @staticmethod
    def _alternation(patterns: Iterable[tuple[str, bool]]) -> re.Pattern[str] | None:
        parts = [
            f"(?P<r{i}>(?{'i' if ignore_case else ''}:{pattern}))"
            for i, (pattern, ignore_case) in enumerate(patterns)
        ]
        return re.compile("|".join(parts), re.VERBOSE) if parts else None

    @staticmethod
    def _which(match: re.Match[str]) -> int:
        name = match.lastgroup
        assert name is not None and name.startswith("r")
        return int(name[1:])

    def _block_at(self, lines: Sequence[str], i: int) -> tuple[str, int] | None:
        """The block rule starting at line ``i`` and its length in lines, if any."""
        if self._block_starts is None:
            return None
        match = self._block_starts.fullmatch(lines[i].strip())
        if match is None:
            return None
        k = self._which(match)
        rule = self.rules.blocks[k]
        end, follow, inner = self._block_parts[k]
        stop = min(len(lines), i + rule.max_lines)
        if end is not None:
            for j in range(i + 1, stop):
                line = lines[j].strip()
                if end.fullmatch(line):
                    return rule.name, j - i + 1
                if line and inner is not None and not inner.fullmatch(line):
                    return None
            return None
        assert follow is not None
        j = i + 1
        while j < stop and follow.fullmatch(lines[j].strip()):
            j += 1
        return (rule.name, j - i) if j - i >= rule.min_lines else None

    def _rewrite(self, line: str, number: int, removed: list[RemovedLine]) -> str:
        """Apply the inline rules, recording each rewritten fragment as it was written."""
        for name, pattern, replace in self._inline:

            def record(match: re.Match[str], name: str = name, replace: str = replace) -> str:
                removed.append(RemovedLine(match.group(0).strip(), name, number))
                return match.expand(replace)

            line = pattern.sub(record, line)
        return line

    def clean(self, raw: str) -> CleanResult:
        """Drop boilerplate lines and rewrite inline residue; keep every other line.

        Line ends are normalised, lines are stripped of surrounding white space, and runs of
        blank lines collapse to one (white space is not recorded as a removal).
        """
        lines = raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        kept: list[str] = []
        removed: list[RemovedLine] = []
        i = 0
        while i < len(lines):
            stripped = lines[i].strip()
            if not stripped:
                kept.append("")
                i += 1
                continue
            block = self._block_at(lines, i)
            if block is not None:
                name, count = block
                for j in range(i, i + count):
                    if lines[j].strip():  # blank lines inside a block are just dropped
                        removed.append(RemovedLine(lines[j].strip(), name, j + 1))
                i += count
                continue
            match = self._lines.fullmatch(stripped) if self._lines is not None else None
            if match is not None:
                removed.append(RemovedLine(stripped, self._line_names[self._which(match)], i + 1))
            else:
                kept.append(self._rewrite(stripped, i + 1, removed))
            i += 1
        text = _BLANK_RUN.sub("\n\n", "\n".join(kept)).strip()
        return CleanResult(text=text, removed=removed)


def outlet_slug(outlet: str | None) -> str | None:
    """The per-outlet rule file's slug for an outlet name, alias or domain, if known."""
    if not outlet:
        return None
    from parley.ingest.metadata import known_outlet

    known = known_outlet(outlet)
    return known.slug if known is not None else None


@lru_cache(maxsize=64)
def cleaner_for(slug: str | None = None) -> Cleaner:
    """The cached cleaner of the general rules plus the outlet's rules (when it has a file)."""
    rules = _packaged("boilerplate.yaml")
    assert rules is not None, "rules/boilerplate.yaml is missing from the package"
    if slug:
        extra = _packaged(f"outlets/{slug}.yaml")
        if extra is not None:
            rules = rules + extra
    return Cleaner(rules)


def clean_text(raw: str, *, outlet: str | None = None) -> CleanResult:
    """Clean scraped plain text with the general rules and, if known, the outlet's rules.

    ``outlet`` may be a name ("WELT"), an alias or a domain ("www.welt.de").

    >>> clean_text("Putin traf Witkoff.\\n© REUTERS/NAME").text
    'Putin traf Witkoff.'
    """
    return cleaner_for(outlet_slug(outlet)).clean(raw)
