"""The line-keeping YAML loader returns the same data as PyYAML and a line for every value."""

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from parley.cases.yamlpos import YamlProblem, line_of, load_with_lines

keys = st.text(alphabet="abcdefghij-", min_size=1, max_size=8)
scalars = st.one_of(
    st.integers(-1000, 1000), st.booleans(), st.none(), st.text("xyzäöü ßКиїв", max_size=10)
)
documents = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(keys, inner, max_size=4)),
    max_leaves=20,
)


def _paths(data, prefix=()):
    yield prefix
    if isinstance(data, dict):
        for k, v in data.items():
            yield from _paths(v, (*prefix, k))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            yield from _paths(v, (*prefix, i))


@given(documents, st.booleans())
def test_same_data_as_pyyaml_and_a_line_for_every_path(data, flow):
    text = yaml.safe_dump({"root": data}, allow_unicode=True, default_flow_style=flow)
    loaded, lines = load_with_lines(text)
    assert loaded == yaml.safe_load(text)
    n_lines = text.count("\n") + 1
    for path in _paths(loaded):
        assert 1 <= lines[path] <= n_lines


def test_missing_field_points_to_its_parent_and_duplicates_fail():
    _, lines = load_with_lines("a:\n  b:\n    - x: 1\n")
    assert line_of(lines, ("a", "b", 0, "missing")) == 3
    with pytest.raises(YamlProblem, match="duplicate key 'a'") as info:
        load_with_lines("a: 1\nb: 2\na: 3\n")
    assert info.value.line == 3
