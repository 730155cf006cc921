"""Speaker and span constructions of wire copy that the first rules missed: a second verb
of saying beside a quote, "X selbst sagte", unnamed officials, relative clauses between a
speaker and their verb, Konjunktiv running on after a report. Every sentence is written
for this file in news style and goes through the ``Extractor`` with the shipped pack.
"""

from __future__ import annotations


def _quotes(result: dict) -> list[tuple[str, str | None]]:
    return [(q["text"], q["speaker"]) for q in result["quote"]]


def test_second_verb_of_saying_beside_a_quote_is_its_own_report(run_case):
    text = (
        'Ushakov described the call as "frank and businesslike" and said both leaders had '
        "agreed to keep talking about prisoners."
    )
    assert _quotes(run_case(text)) == [
        ('"frank and businesslike"', "yuri-ushakov"),
        ("both leaders had agreed to keep talking about prisoners", "yuri-ushakov"),
    ]


def test_but_said_after_a_quote_shares_the_subject(run_case):
    text = (
        'Zelensky praised what he called serious proposals "and not empty promises", but '
        "said the question of territory was still unresolved."
    )
    assert _quotes(run_case(text))[-1] == (
        "the question of territory was still unresolved",
        "volodymyr-zelensky",
    )
