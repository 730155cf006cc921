"""Every boilerplate rule, both directions, driven by the examples stored with the rule.

Each rule in rules/*.yaml carries `remove` examples (must be dropped or rewritten, with the
rule's own name as the reason) and `keep` examples (similar-looking prose that must survive
the FULL rule set untouched). A rule without both kinds of example fails here.
"""

from __future__ import annotations

from importlib import resources

import pytest

from parley.ingest.clean import BlockRule, InlineRule, cleaner_for

OUTLET_FILES = resources.files("parley.ingest.rules").joinpath("outlets").iterdir()
SLUGS = [
    None,
    *sorted(p.name.removesuffix(".yaml") for p in OUTLET_FILES if p.name.endswith(".yaml")),
]


def _rules():
    seen = set()
    for slug in SLUGS:
        for rule in cleaner_for(slug).rules.all_rules():
            if rule.name not in seen:
                seen.add(rule.name)
                yield slug, rule


RULES = list(_rules())
REMOVE = [(slug, r, ex) for slug, r in RULES for ex in r.examples.get("remove", [])]
KEEP = [(slug, r, ex) for slug, r in RULES for ex in r.examples.get("keep", [])]


def _id(case):
    return case[1].name


@pytest.mark.parametrize(("slug", "rule"), RULES, ids=[r.name for _, r in RULES])
def test_every_rule_has_examples_in_both_directions(slug, rule):
    assert rule.examples.get("remove"), f"{rule.name}: no remove examples"
    assert rule.examples.get("keep"), f"{rule.name}: no keep examples"


@pytest.mark.parametrize("case", REMOVE, ids=_id)
def test_rule_removes_its_examples(case):
    slug, rule, example = case
    result = cleaner_for(slug).clean(example)
    assert result.removed, f"{rule.name} did not fire on {example!r}"
    assert {r.reason for r in result.removed} == {rule.name}
    if isinstance(rule, InlineRule):
        assert result.text and result.text != example.strip()
    else:
        assert result.text == ""
        lines = [ln.strip() for ln in example.splitlines() if ln.strip()]
        assert [r.text for r in result.removed] == lines
        if isinstance(rule, BlockRule):
            assert [r.line for r in result.removed] == list(range(1, len(lines) + 1))


@pytest.mark.parametrize("case", KEEP, ids=_id)
def test_rule_keeps_lookalike_prose(case):
    slug, _rule, example = case
    result = cleaner_for(slug).clean(example)
    assert result.removed == []
    assert result.text == example.strip()


def test_rule_names_are_unique_across_general_and_outlet_rules():
    for slug in SLUGS:
        names = [r.name for r in cleaner_for(slug).rules.all_rules()]
        assert len(names) == len(set(names))
