"""The shipped ukraine-2025 pack: valid, complete, and unambiguous by its own rules."""

import itertools
from collections import defaultdict
from datetime import date

import pytest

from parley.cases import load_case, normalize_alias, slugify

SPEC_ISSUES = [
    "agreement-form", "ceasefire", "territory-donbas", "territory-crimea", "territory-south",
    "nato-membership", "army-size", "foreign-troops", "security-guarantees", "sanctions-relief",
    "frozen-assets", "elections-ukraine", "amnesty", "language-church", "zaporizhzhia-npp",
    "humanitarian", "monitoring", "european-security", "economic-cooperation", "weapons-supplies",
]  # fmt: skip


@pytest.fixture(scope="module")
def case():
    return load_case("ukraine-2025")


def test_pack_loads_with_enough_actors(case):
    assert len(case.actors) >= 70
    assert {"person", "state", "organization", "place", "document"} <= {a.type for a in case.actors}


def test_spec_ids_exist(case):
    for actor_id in ("vladimir-putin", "yuri-ushakov", "kirill-dmitriev", "volodymyr-zelensky",
                     "steve-witkoff", "jared-kushner", "marco-rubio", "donald-trump",
                     "dmitry-peskov", "sergey-lavrov", "rustem-umerov", "mark-rutte",
                     "johann-wadephul", "russia", "ukraine", "united-states", "germany", "france",
                     "united-kingdom", "nato", "european-union", "united-nations", "moscow",
                     "washington", "geneva", "miami", "kyiv", "donbas", "crimea",
                     "zaporizhzhia"):  # fmt: skip
        assert case.has_actor(actor_id), actor_id
    assert case.actor("kremlin").id == "russia"
    assert case.actor("white-house").id == "united-states"


def test_person_ids_are_slugs_and_every_person_rolls_up_to_a_party(case):
    parties = {p.id for p in case.parties}
    for actor in case.actors:
        if actor.type == "person":
            assert actor.id == slugify(actor.name)
            if parties and actor.affiliation not in {"news-media"}:
                party = case.party_of(actor.id)
                assert case.has_actor(party)


def test_issue_keys_are_exactly_spec_section_3(case):
    assert [i.key for i in case.issues] == SPEC_ISSUES


def test_every_alias_is_unique_or_has_an_ambiguity_rule(case):
    rules = {normalize_alias(a.alias): a for a in case.ambiguous}
    for alias, ids in case.aliases().items():
        if len(ids) > 1:
            assert alias in rules, f"{alias} -> {ids} without rule"
            assert set(ids) <= set(rules[alias].candidates)
        elif alias not in rules:
            assert case.resolve(alias) == ids[0]


def test_ambiguity_rules_decide_by_context(case):
    assert case.resolve("Trump") == "donald-trump"
    assert case.resolve("Trump", context="Melania Trump schrieb an Putin") == "melania-trump"
    assert case.resolve("Kushner") == "jared-kushner"
    assert case.resolve("Kushner", context="Botschafter Charles Kushner in Paris") == (
        "charles-kushner"
    )
    assert case.resolve("Johnson") is None
    assert case.resolve("Johnson", context="Boris Johnson reiste 2022 nach Kiew") == "boris-johnson"
    assert case.resolve("Moskau", context="Moskau lehnt das ab") == "russia"
    assert case.resolve("Moskau", context="Witkoff flog nach Moskau") == "moscow"
    day = date(2025, 12, 1)
    assert case.resolve("Regierungssprecher", day, "sagte Regierungssprecher Peskow") == (
        "dmitry-peskov"
    )


def test_no_office_has_two_holders_at_once(case):
    by_office = defaultdict(list)
    for actor in case.actors:
        for role in actor.roles:
            by_office[role.office].append(role)
    for office, roles in by_office.items():
        roles.sort(key=lambda r: r.start or date.min)
        for earlier, later in itertools.pairwise(roles):
            assert earlier.end is not None and earlier.end <= later.start, office


@pytest.mark.parametrize(
    ("phrase", "day", "holder"),
    [
        ("der US-Präsident", date(2025, 1, 19), "joe-biden"),
        ("der US-Präsident", date(2025, 1, 20), "donald-trump"),
        ("the US president", date(2025, 11, 27), "donald-trump"),
        ("US-Sicherheitsberater", date(2025, 3, 16), "mike-waltz"),
        ("US-Sicherheitsberater", date(2025, 5, 1), "marco-rubio"),
        ("national security adviser", date(2025, 4, 30), "mike-waltz"),
        ("Kremlsprecher", date(2025, 12, 2), "dmitry-peskov"),
        ("der Kremlchef", date(2025, 12, 2), "vladimir-putin"),
        ("the Kremlin leader", date(2025, 8, 15), "vladimir-putin"),
        ("der Sondergesandte", date(2025, 11, 27), "steve-witkoff"),
        ("US-Sondergesandter", date(2025, 3, 14), "steve-witkoff"),
        ("special envoy", date(2025, 12, 2), "steve-witkoff"),
        ("Trumps Schwiegersohn", date(2025, 12, 2), "jared-kushner"),
        ("Nato-Generalsekretär", date(2025, 12, 2), "mark-rutte"),
        ("Nato-Generalsekretär", date(2024, 9, 30), "jens-stoltenberg"),
        ("Bundeskanzler", date(2025, 5, 5), "olaf-scholz"),
        ("Bundeskanzler", date(2025, 5, 6), "friedrich-merz"),
        ("Bundesaußenminister", date(2025, 12, 2), "johann-wadephul"),
        ("ukrainischer Chefunterhändler", date(2025, 11, 23), "andriy-yermak"),
        ("ukrainischer Chefunterhändler", date(2025, 11, 30), "rustem-umerov"),
        ("Kremlberater", date(2025, 12, 3), "yuri-ushakov"),
    ],
)
def test_role_phrases_resolve_within_their_windows(case, phrase, day, holder):
    assert case.resolve(phrase, day) == holder


def test_roles_at_lists_current_holders(case):
    holders = {(a.id, r.office) for a, r in case.roles_at(date(2025, 6, 1))}
    assert ("marco-rubio", "us-national-security-adviser") in holders
    assert ("mike-waltz", "us-national-security-adviser") not in holders
