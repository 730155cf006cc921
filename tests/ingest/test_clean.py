"""The cleaner through its public interface: synthetic articles, edge cases, rule files."""

from __future__ import annotations

import string
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parley.errors import ParleyError
from parley.ingest.clean import Cleaner, clean_text, load_rules

GERMAN = "\n".join(
    [
        "Verhandlungen in Genf: Europa legt Gegenvorschlag vor",
        "",
        "© REUTERS/JANE EXAMPLE",
        "Stand:",
        "Genf. Die Europäer haben am Sonntag einen eigenen Entwurf vorgelegt, der den "
        "[28-Punkte-Plan](#) in mehreren Punkten abschwächt.",
        "Stand der Verhandlungen ist nach Angaben von Diplomaten, dass beide Seiten "
        "weiter reden wollen.",
        "Die Agentur Reuters berichtete, die Gespräche hätten bis in die Nacht gedauert.",
        "„Am 2. Dezember 2025 werden wir wissen, ob Moskau es ernst meint“, sagte ein Diplomat.",
        "Empfohlener redaktioneller Inhalt",
        "Hier erscheint ein externer Inhalt, den die Redaktion ausgewählt hat.",
        "Ich bin einverstanden, dass er angezeigt wird. Mehr dazu in den "
        "Datenschutz-Einstellungen, die Sie jederzeit verwalten oder widerrufen können.",
        "Die ukrainische Delegation äußerte sich zunächst nicht.",
        "Das ist gut pic.twitter.com/Abc123XyZ",
        "— Erika Beispiel (@erika_beispiel) November 30, 2025",
        "- showPaywall:",
        "- false",
        "- isPaid:",
        "Haftungsausschluss: Das Urheberrecht dieses Artikels liegt beim Autor. Die "
        "Veröffentlichung dient nur Informationszwecken.",
    ]
)

ENGLISH = "\n".join(
    [
        "Europe tables counter-proposal in Geneva",
        "Photo: Jane Doe/Getty Images",
        "Advertisement",
        "GENEVA (Reuters) - European negotiators tabled their own draft on Sunday, "
        "softening several points of the plan.",
        "Read more: What is in the 28-point plan",
        "Share this article",
        "A Reuters tally showed the talks ran late into the night.",
        "We use cookies to improve your experience on our site.",
        "Sign up for our newsletter",
        '"Advertisement of our position is not the goal," one diplomat said.',
    ]
)


def test_german_article_loses_boilerplate_and_keeps_every_sentence():
    result = clean_text(GERMAN)
    reasons = {r.reason for r in result.removed}
    assert {
        "photo-credit", "empty-timestamp", "markdown-link", "consent-block", "embedded-post-text",
        "embedded-post-signature", "paywall-field", "republisher-disclaimer",
    } <= reasons  # fmt: skip
    assert result.text.splitlines() == [
        "Verhandlungen in Genf: Europa legt Gegenvorschlag vor",
        "",
        "Genf. Die Europäer haben am Sonntag einen eigenen Entwurf vorgelegt, der den "
        "28-Punkte-Plan in mehreren Punkten abschwächt.",
        "Stand der Verhandlungen ist nach Angaben von Diplomaten, dass beide Seiten weiter "
        "reden wollen.",
        "Die Agentur Reuters berichtete, die Gespräche hätten bis in die Nacht gedauert.",
        "„Am 2. Dezember 2025 werden wir wissen, ob Moskau es ernst meint“, sagte ein Diplomat.",
        "Die ukrainische Delegation äußerte sich zunächst nicht.",
    ]


def test_removed_lines_carry_raw_line_numbers():
    raw_lines = GERMAN.splitlines()
    for removed in clean_text(GERMAN).removed:
        if removed.reason == "markdown-link":
            assert removed.text in raw_lines[removed.line - 1]
        else:
            assert raw_lines[removed.line - 1].strip() == removed.text


def test_english_article_loses_boilerplate_and_keeps_every_sentence():
    result = clean_text(ENGLISH)
    assert {r.reason for r in result.removed} == {
        "photo-credit-label", "advertisement", "read-more", "share-buttons", "consent-notice",
        "newsletter-promo",
    }  # fmt: skip
    assert result.text.splitlines() == [
        "Europe tables counter-proposal in Geneva",
        "GENEVA (Reuters) - European negotiators tabled their own draft on Sunday, softening "
        "several points of the plan.",
        "A Reuters tally showed the talks ran late into the night.",
        '"Advertisement of our position is not the goal," one diplomat said.',
    ]


def test_consent_block_without_its_last_sentence_is_not_removed():
    # A block rule needs its end line: a lone heading-like line followed by prose stays.
    raw = (
        "Empfohlener redaktioneller Inhalt\n"
        "Die Gespräche in Moskau dauerten fünf Stunden.\n"
        "Putin nannte sie konstruktiv.\n"
    )
    result = clean_text(raw)
    assert result.removed == []
    assert result.text == raw.strip()


def test_outlet_rules_apply_only_for_that_outlet():
    raw = "Kiew lehnte ab.\nHier können Sie unsere WELT-Podcasts hören\n"
    assert clean_text(raw).text == raw.strip()
    for outlet in ("WELT", "www.welt.de", "https://www.welt.de/politik/article1.html"):
        result = clean_text(raw, outlet=outlet)
        assert result.text == "Kiew lehnte ab."
        assert [r.reason for r in result.removed] == ["welt-promo"]
    assert clean_text(raw, outlet="Unknown Gazette").text == raw.strip()


def test_whitespace_is_normalised_without_being_recorded():
    result = clean_text("\r\n  Titel  \r\n\r\n\r\n\r\nErster Satz.\xa0\r\n")
    assert result.text == "Titel\n\nErster Satz."
    assert result.removed == []


def test_empty_input():
    assert clean_text("").text == ""
    assert clean_text("\n\n").removed == []


def test_bad_rule_files_name_the_file_and_rule(tmp_path: Path):
    bad_regex = tmp_path / "bad.yaml"
    bad_regex.write_text("lines:\n  - name: broken\n    pattern: '(unclosed'\n", encoding="utf-8")
    with pytest.raises(ParleyError, match=r"bad\.yaml: rule 'broken': invalid pattern"):
        load_rules(bad_regex)
    both = tmp_path / "both.yaml"
    both.write_text(
        "blocks:\n  - name: b\n    start: 'x'\n    end: 'y'\n    follow: 'z'\n", encoding="utf-8"
    )
    with pytest.raises(ParleyError, match="exactly one of end/follow"):
        load_rules(both)
    typo = tmp_path / "typo.yaml"
    typo.write_text(
        "lines:\n  - name: t\n    pattern: 'x'\n    ignorecase: true\n", encoding="utf-8"
    )
    with pytest.raises(ParleyError, match=r"rule 't': unknown key\(s\) \['ignorecase'\]"):
        load_rules(typo)
    with pytest.raises(ParleyError, match=r"missing\.yaml: cannot read"):
        load_rules(tmp_path / "missing.yaml")
    (tmp_path / "syntax.yaml").write_text("lines: [\n", encoding="utf-8")
    with pytest.raises(ParleyError, match="invalid YAML"):
        load_rules(tmp_path / "syntax.yaml")


def test_user_rule_file_extends_the_cleaner(tmp_path: Path):
    extra = tmp_path / "extra.yaml"
    extra.write_text(
        "lines:\n  - name: promo\n    ignore_case: true\n    pattern: 'jetzt\\s+spenden!?'\n",
        encoding="utf-8",
    )
    rules = load_rules(extra)
    result = Cleaner(rules).clean("Jetzt spenden!\nDer Krieg dauert an.")
    assert result.text == "Der Krieg dauert an."
    assert result.removed[0].reason == "promo"


WORD = st.text(alphabet=string.ascii_lowercase + "äöüß", min_size=2, max_size=10)
PROSE_LINE = st.lists(WORD, min_size=8, max_size=20).map(
    lambda ws: ws[0].title() + " " + " ".join(ws[1:]) + "."
)


@given(st.lists(PROSE_LINE, min_size=1, max_size=8))
def test_prose_lines_always_survive(lines):
    raw = "\n".join(lines)
    result = clean_text(raw)
    assert result.removed == []
    assert result.text == raw


@given(st.lists(st.one_of(PROSE_LINE, st.sampled_from([
    "© dpa", "Stand:", "Advertisement", "- isPaid:", "Share", "Anzeige", "", "Foto: AFP",
]))))  # fmt: skip
def test_every_nonblank_line_is_kept_or_accounted_for(lines):
    raw = "\n".join(lines)
    result = clean_text(raw)
    kept = [ln for ln in result.text.splitlines() if ln]
    assert len(kept) + len(result.removed) == sum(1 for ln in lines if ln.strip())
    assert all(ln.endswith(".") for ln in kept)
