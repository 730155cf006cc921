"""`parley case` check/new/show through the CLI, including precise error locations."""

from pathlib import Path

from typer.testing import CliRunner

from parley.cli.app import app

runner = CliRunner()

BROKEN_ACTORS = """\
actors:
  - id: examplia
    name: Examplia
    type: state
  - id: jane-doe
    name: Jane Doe
    type: person
    affiliation: examplia
    roles:
      - office: examplia-foreign-minister
        title: Foreign Minister
        start: 2025-13-01
"""

CLASHING_ACTORS = """\
actors:
  - id: examplia
    name: Examplia
    type: state
  - id: jane-doe
    name: Jane Doe
    type: person
    affiliation: examplia
    aliases: {de: [Doe]}
    roles:
      - {office: fm, title: FM, start: 2025-01-01, phrases: {de: [Außenministerin]}}
  - id: john-doe
    name: John Doe
    type: person
    affiliation: nowhere
    aliases: {de: [Doe]}
    roles:
      - {office: fm, title: FM, start: 2025-06-01, phrases: {de: [Außenministerin]}}
"""


def _new_pack(tmp_path: Path) -> Path:
    result = runner.invoke(app, ["case", "new", "demo-2026", "--dir", str(tmp_path)])
    assert result.exit_code == 0, result.output
    return tmp_path / "demo-2026"


def test_new_scaffolds_a_valid_pack_and_refuses_to_overwrite(tmp_path):
    pack = _new_pack(tmp_path)
    assert {p.name for p in pack.iterdir()} >= {
        "actors.yaml", "issues.yaml", "documents.yaml", "lexicon.yaml",
    }  # fmt: skip
    assert runner.invoke(app, ["case", "check", str(pack)]).exit_code == 0
    again = runner.invoke(app, ["case", "new", "demo-2026", "--dir", str(tmp_path)])
    assert again.exit_code != 0


def test_check_names_file_line_and_field_of_a_schema_error(tmp_path):
    pack = _new_pack(tmp_path)
    (pack / "actors.yaml").write_text(BROKEN_ACTORS, encoding="utf-8")
    result = runner.invoke(app, ["case", "check", str(pack)], terminal_width=200)
    assert result.exit_code == 1
    assert "actors.yaml:12: actors[1].roles[0].start:" in result.output


def test_check_reports_alias_clash_overlap_and_unknown_ids_with_lines(tmp_path):
    pack = _new_pack(tmp_path)
    (pack / "actors.yaml").write_text(CLASHING_ACTORS, encoding="utf-8")
    result = runner.invoke(app, ["case", "check", str(pack)], terminal_width=200)
    out = result.output
    assert result.exit_code == 1
    assert "actors.yaml:15: actors[2].affiliation: unknown actor id 'nowhere'" in out
    assert "actors.yaml:16: actors[2].aliases.de[0]: alias 'doe' is carried by" in out
    assert "actors.yaml:18: actors[2].roles[0].start: office 'fm'" in out
    assert "role phrase 'aussenministerin' names both jane-doe and john-doe" in out


def test_check_reports_yaml_syntax_and_duplicate_keys_with_lines(tmp_path):
    pack = _new_pack(tmp_path)
    (pack / "issues.yaml").write_text("scale_note: x\nissues: []\nissues: []\n", encoding="utf-8")
    (pack / "lexicon.yaml").write_text("languages:\n  de: [unclosed\n", encoding="utf-8")
    out = runner.invoke(app, ["case", "check", str(pack)], terminal_width=200).output
    assert "issues.yaml:3: duplicate key 'issues'" in out
    assert "lexicon.yaml:" in out and "YAML syntax" in out


def test_show_summarises_the_shipped_pack():
    result = runner.invoke(app, ["case", "show", "ukraine-2025"], terminal_width=200)
    assert result.exit_code == 0
    assert "territory-donbas" in result.output and "28-point-plan" in result.output
