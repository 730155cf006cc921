"""Stances no stance verb carries (extract/stance_phrases.py): position nouns held by
their possessor, concessions refused with a plain negated verb, bare conditions, and
the filters that keep a cue from governing the wrong clause (German and English)."""

from __future__ import annotations


def _stances(result) -> list[tuple]:
    return sorted((s["actor"], s["issue"], s["stance"]) for s in result["stance"])


def test_a_position_noun_is_held_by_its_possessor(run):
    r = run("Moscow's rejection of any ceasefire is well known.", lang="en")
    assert _stances(r) == [("russia", "ceasefire", "reject")]
    r = run("Moskaus Forderung nach einem Rückzug aus dem Donbass bleibt bestehen.")
    assert _stances(r) == [("russia", "territory-donbas", "demand")]
    r = run("Kiews Nein zu Gebietsabtretungen bleibt bestehen.")
    assert _stances(r) == [("ukraine", "territory-donbas", "reject")]


def test_a_possessive_pronoun_points_to_the_subject_not_to_the_object(run):
    r = run(
        "Russia has shown no sign of dropping its demand that Ukraine give up the Donbas.",
        lang="en",
    )
    assert _stances(r) == [("russia", "territory-donbas", "demand")]


def test_a_genitive_after_the_noun_holds_it_and_a_speaker_of_that_side_voices_it(run):
    r = run("Der Rückzug aus dem Donbass bleibe eine wichtige Bedingung Russlands.")
    assert _stances(r) == [("russia", "territory-donbas", "demand")]
    r = run("Der Rückzug aus dem Donbass bleibe eine Bedingung Russlands, sagte Putin.")
    assert _stances(r) == [("vladimir-putin", "territory-donbas", "demand")]


def test_a_capital_in_the_genitive_is_its_government(run):
    r = run("Kiews Weigerung, den Donbass aufzugeben, bekräftigte Selenskyj am Donnerstag.")
    assert _stances(r) == [("volodymyr-zelensky", "territory-donbas", "reject")]


def test_a_position_noun_without_an_issue_refers_to_the_last_one(run):
    r = run(
        "Talks on the Donbas went nowhere. Kyiv's refusal to withdraw from the region "
        "remains the main obstacle, diplomats said.",
        lang="en",
    )
    assert ("ukraine", "territory-donbas", "reject") in _stances(r)


def test_readiness_to_accept_accepts_and_readiness_to_give_offers(run):
    r = run("Trump's readiness to accept a ceasefire surprised Kyiv.", lang="en")
    assert _stances(r) == [("donald-trump", "ceasefire", "accept")]
    r = run("Trump's readiness to keep sending military aid surprised Moscow.", lang="en")
    assert _stances(r) == [("donald-trump", "weapons-supplies", "offer")]


def test_a_negated_concession_rejects(run):
    r = run("Ukraine would not simply hand the Donbas to Moscow.", lang="en")
    assert _stances(r) == [("ukraine", "territory-donbas", "reject")]
    r = run("Zelensky said Ukraine would not give up the Donbas.", lang="en")
    assert _stances(r) == [("volodymyr-zelensky", "territory-donbas", "reject")]
    r = run("Die Ukraine werde den Donbass niemals aufgeben, betonte Selenskyj.")
    assert _stances(r) == [("volodymyr-zelensky", "territory-donbas", "reject")]


def test_a_concession_demanded_of_someone_is_no_rejection(run):
    r = run("Russia demands that Ukraine give up the Donbas.", lang="en")
    assert _stances(r) == [("russia", "territory-donbas", "demand")]


def test_an_impersonal_continuation_keeps_the_reports_speaker(run):
    r = run(
        "Selenskyj sagte, die Ukraine sei zu Gesprächen bereit. "
        "Den Donbass werde man aber nicht räumen."
    )
    assert ("volodymyr-zelensky", "territory-donbas", "reject") in _stances(r)


def test_a_bare_condition_is_the_speakers_conditional_stance(run):
    r = run("Eine Waffenruhe gebe es nur, wenn Kiew die Mobilmachung stoppt, sagte Putin.")
    assert _stances(r) == [("vladimir-putin", "ceasefire", "conditional")]


def test_a_refusal_on_a_condition_conditions_the_issue_named_before(run):
    r = run(
        "Die Ukraine fordert einen sofortigen Waffenstillstand. Russland verweigerte seine "
        "Zustimmung, solange keine Einigung über die Grenzen besteht."
    )
    assert ("russia", "ceasefire", "conditional") in _stances(r)


def test_a_cue_right_after_a_verb_cue_is_its_object(run):
    r = run("Putin has brushed aside calls for an immediate ceasefire.", lang="en")
    assert _stances(r) == [("vladimir-putin", "ceasefire", "reject")]


def test_a_cue_does_not_reach_across_a_semicolon(run):
    r = run(
        "Russland hält an der Forderung nach dem Donbass fest; eine Waffenruhe kommt für "
        "den Kreml nicht infrage."
    )
    assert _stances(r) == [
        ("russia", "ceasefire", "reject"),
        ("russia", "territory-donbas", "demand"),
    ]


def test_a_line_a_truce_runs_along_is_no_territorial_stance(run):
    r = run("Russia rejected a ceasefire along the Donbas front.", lang="en")
    assert _stances(r) == [("russia", "ceasefire", "reject")]


def test_an_as_clause_is_held_by_its_own_actor(run):
    r = run(
        "Moskau hält am Donbass fest; eine Waffenruhe, wie es Trump verlangt, lehnt der Kreml ab."
    )
    got = _stances(r)
    assert ("donald-trump", "ceasefire", "demand") in got
    assert ("russia", "ceasefire", "reject") in got
    r = run("A ceasefire, as Trump demands, was rejected by Russia.", lang="en")
    assert ("donald-trump", "ceasefire", "demand") in _stances(r)


def test_a_pronoun_after_the_first_verb_is_the_last_actor(run):
    r = run("Selenskyj traf Witkoff in Genf. Zugleich bat er um Militärhilfe.")
    assert _stances(r) == [("volodymyr-zelensky", "weapons-supplies", "demand")]


def test_an_objects_possessor_or_a_relative_clauses_actor_holds_nothing(run):
    r = run("The coalition wants Ukraine's army to keep 800,000 troops.", lang="en")
    assert _stances(r) == []
    r = run("The envoys, whom Putin received, want a ceasefire by Friday.", lang="en")
    assert _stances(r) == []


def test_a_split_cue_is_read_where_its_words_stand_together(run_case):
    r = run_case(
        "A truce alone would not hold, Zelensky argued: Ukraine would agree to a ceasefire "
        "only if it came with guarantees."
    )
    assert all(s[2] != "reject" for s in _stances(r))


def test_a_verb_refusing_a_named_sides_position_keeps_both(run):
    r = run("Kyiv rejected Moscow's demand for the Donbas.", lang="en")
    assert _stances(r) == [
        ("russia", "territory-donbas", "demand"),
        ("ukraine", "territory-donbas", "reject"),
    ]
    r = run("Kiew lehnte Moskaus Forderung nach dem Donbass ab.")
    assert _stances(r) == [
        ("russia", "territory-donbas", "demand"),
        ("ukraine", "territory-donbas", "reject"),
    ]


def test_readiness_for_an_issue_accepts_it_readiness_to_give_offers(run_case):
    r = run_case("Zelensky said Ukraine was ready for a ceasefire.")
    assert _stances(r) == [("volodymyr-zelensky", "ceasefire", "accept")]
    r = run_case("Selenskyj sagte, die Ukraine sei zu einer Waffenruhe bereit.", lang="de")
    assert _stances(r) == [("volodymyr-zelensky", "ceasefire", "accept")]
    r = run_case("Britain is ready to provide security guarantees.")
    assert [s[1:] for s in _stances(r)] == [("security-guarantees", "offer")]


def test_a_conditioned_acceptance_refers_to_the_issue_named_before(run):
    r = run(
        "Russia proposed a ceasefire on Monday. Ukraine would accept, but only if "
        "Russia withdrew first.",
        lang="en",
    )
    assert ("ukraine", "ceasefire", "conditional") in _stances(r)


def test_a_speaker_saying_an_issue_will_not_be_rejects_it(run):
    r = run("Einen Waffenstillstand werde es nicht geben, sagte Putin.")
    assert _stances(r) == [("vladimir-putin", "ceasefire", "reject")]
    r = run("There will be no ceasefire, Putin said.", lang="en")
    assert _stances(r) == [("vladimir-putin", "ceasefire", "reject")]
    # without a speaker it is a report of fact, nobody's stance
    assert _stances(run("There was no ceasefire on Monday.", lang="en")) == []


def test_a_truce_named_as_a_time_or_purpose_of_another_issue_is_no_stance(run, run_case):
    r = run_case(
        "Washington habe Kiew Sicherheitsgarantien für die Zeit nach einem Waffenstillstand "
        "zugesagt, sagte Selenskyj.",
        lang="de",
    )
    assert [s[1:] for s in _stances(r)] == [("security-guarantees", "offer")]
    r = run("Trump pledged military aid following a ceasefire.", lang="en")
    assert [s[1:] for s in _stances(r)] == [("weapons-supplies", "offer")]
    # alone, a truce is the issue itself
    r = run("Trump pledged a ceasefire.", lang="en")
    assert [s[1:] for s in _stances(r)] == [("ceasefire", "offer")]


def test_a_number_after_a_semicolon_speaks_of_the_issue_the_other_part_names(run_case):
    r = run_case(
        "Witkoff brought the 28-point plan to Kyiv. The draft set the army at 600,000 "
        "troops; Ukraine and its European allies want a ceiling of 800,000."
    )
    got = sorted((s["actor"], s["issue"], s["stance"], s["value"]) for s in r["stance"])
    assert ("ukraine", "army-size", "demand", 800000) in got
    assert ("europe", "army-size", "demand", 800000) in got


def test_a_plans_part_of_the_sentence_ends_where_a_side_speaks_for_itself(run_case):
    r = run_case(
        "Witkoff brought the 28-point plan to Kyiv. The draft limits the army to 600,000 "
        "troops; Ukraine wants a ceiling of 800,000."
    )
    got = sorted((s["actor"], s["issue"], s["value"]) for s in r["stance"])
    assert got == [("28-point-plan", "army-size", 600000), ("ukraine", "army-size", 800000)]
    r = run_case(
        "Witkoff brought the 28-point plan to Kyiv. The plan would lift sanctions; Ukraine "
        "would hold elections within 100 days."
    )
    assert {s["actor"] for s in r["stance"]} == {"28-point-plan"}


def test_a_relative_clause_after_the_issue_is_its_subjects_stance(run):
    r = run(
        "Putin declined to back the full ceasefire that US president Donald Trump had "
        "asked him to accept.",
        lang="en",
    )
    assert _stances(r) == [
        ("donald-trump", "ceasefire", "demand"),
        ("vladimir-putin", "ceasefire", "reject"),
    ]


def test_the_content_of_a_refused_idea_is_refused(run_case):
    r = run_case("Trump rejected the idea that Washington should offer guarantees up front.")
    assert _stances(r) == [("donald-trump", "security-guarantees", "reject")]


def test_a_deadline_is_the_demand_of_whoever_set_it(run):
    r = run(
        "Witkoff flew in before a deadline Trump had set for Russia to accept a ceasefire.",
        lang="en",
    )
    assert _stances(r) == [("donald-trump", "ceasefire", "demand")]
    r = run("Trumps Frist für Russland, einer Waffenruhe zuzustimmen, läuft am Freitag ab.")
    assert _stances(r) == [("donald-trump", "ceasefire", "demand")]


def test_the_group_named_before_holds_a_definite_group_nouns_stance(run_case):
    r = run_case(
        "Leaders of the Coalition of the Willing met in Paris. The coalition also wants "
        "Ukraine's army to keep 800,000 soldiers."
    )
    got = sorted((s["actor"], s["issue"], s["stance"], s["value"]) for s in r["stance"])
    assert got == [("coalition-of-the-willing", "army-size", "demand", 800000)]
