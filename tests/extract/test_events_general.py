"""Events in constructions the seed articles do not show: delegations named by
nationality, lists of partners, relative clauses, wishes, handovers (German and English)."""

from __future__ import annotations


def _events(result) -> list[tuple]:
    return sorted(
        (e["type"], e["mode"], sorted(e["participants"]), e["date"]) for e in result["event"]
    )


def test_a_nationality_adjective_before_a_delegation_stands_for_its_state(run):
    r = run("Witkoff met a Russian delegation in Geneva on Tuesday.", lang="en")
    assert _events(r) == [("CONSULT", "meet", ["russia", "steve-witkoff"], "2025-12-02")]
    assert "russia" not in {m["actor"] for m in r["mention"]}  # adjectives are no mentions


def test_coordinated_german_adjectives_share_the_group_noun(run):
    r = run("Am Dienstag berieten ukrainische und amerikanische Unterhändler in Genf.")
    assert _events(r) == [("CONSULT", "meet", ["ukraine", "united-states"], "2025-12-02")]


def test_a_nationality_adjective_before_a_thing_is_not_its_state(run):
    r = run("Witkoff met Umerov in Geneva on Tuesday to discuss Russian assets.", lang="en")
    assert _events(r) == [("CONSULT", "meet", ["rustem-umerov", "steve-witkoff"], "2025-12-02")]


def test_a_list_of_partners_continues_over_commas(run):
    r = run("Umerow hatte am Sonntag in Miami mit Witkoff, Kushner und Dmitrijew gesprochen.")
    people = ["jared-kushner", "kirill-dmitriev", "rustem-umerov", "steve-witkoff"]
    assert _events(r) == [("CONSULT", "meet", people, "2025-11-30")]
    r = run("Zelensky later spoke by phone with Putin, Witkoff and Kushner.", lang="en")
    people = ["jared-kushner", "steve-witkoff", "vladimir-putin", "volodymyr-zelensky"]
    assert _events(r) == [("CONSULT", "phone", people, None)]


def test_a_relative_clause_acts_for_its_antecedent_and_but_not_negates_another_verb(run):
    r = run(
        "Zelensky, who held talks with Witkoff on Monday but did not join the negotiations, "
        "called the proposal a positive step.",
        lang="en",
    )
    assert _events(r) == [
        ("CONSULT", "meet", ["steve-witkoff", "volodymyr-zelensky"], "2025-12-01")
    ]


def test_a_wish_to_talk_is_no_meeting_unless_a_day_is_set(run):
    assert (
        run("Über das Kraftwerk wolle er direkt mit Trump sprechen, sagte Selenskyj.")["event"]
        == []
    )
    assert run("Trump said he hoped to speak to Putin soon.", lang="en")["event"] == []
    r = run("Trump sagte, er wolle am Freitag mit Selenskyj sprechen.")
    assert _events(r) == [("CONSULT", "meet", ["donald-trump", "volodymyr-zelensky"], "2025-12-05")]


def test_an_english_plan_noun_is_no_proposal(run):
    r = run("Zelensky said Kyiv was ready to move forward with the framework.", lang="en")
    assert [e for e in r["event"] if e["type"] == "PROPOSE"] == []


def test_handing_a_plan_over_in_person_is_a_proposal_and_a_meeting(run):
    r = run("Witkoff handed the plan to Zelensky in Kyiv on Thursday.", lang="en")
    both = ["steve-witkoff", "volodymyr-zelensky"]
    assert _events(r) == [
        ("CONSULT", "meet", both, "2025-11-27"),
        ("PROPOSE", None, both, "2025-11-27"),
    ]
    assert run("Moscow also handed over 22 wounded soldiers.", lang="en")["event"] == []


def test_a_pronoun_skips_a_name_in_an_apposition_and_a_day_beats_a_week(run):
    r = run(
        "Witkoff, a friend of President Trump, became the face of the effort last week, "
        "when he presented the plan to Zelensky on Thursday.",
        lang="en",
    )
    propose = [e for e in _events(r) if e[0] == "PROPOSE"]
    assert propose == [("PROPOSE", None, ["steve-witkoff", "volodymyr-zelensky"], "2025-11-27")]


def test_a_weekday_before_a_name_is_no_title(run):
    r = run("On Wednesday Zelensky and Trump spoke by phone.", lang="en")
    assert _events(r) == [
        ("CONSULT", "phone", ["donald-trump", "volodymyr-zelensky"], "2025-12-03")
    ]


def test_joining_others_at_talks_is_taking_part(run):
    r = run("On Sunday Kushner joined Witkoff at the talks with a Ukrainian delegation.", lang="en")
    people = ["jared-kushner", "steve-witkoff", "ukraine"]
    assert _events(r) == [("CONSULT", "meet", people, "2025-11-30")]


def test_coordinated_verbs_with_their_own_days_report_two_meetings(run):
    r = run(
        "Kushner met a Russian delegation in Geneva on Monday and was holding further talks "
        "with the Ukrainian delegation on Tuesday.",
        lang="en",
    )
    assert _events(r) == [
        ("CONSULT", "meet", ["jared-kushner", "russia"], "2025-12-01"),
        ("CONSULT", "meet", ["jared-kushner", "ukraine"], "2025-12-02"),
    ]


def test_coordinated_infinitives_each_have_their_doer(run):
    r = run(
        "Trump said he had instructed Witkoff to meet Putin in Moscow and Kushner to meet "
        "Zelensky.",
        lang="en",
    )
    assert _events(r) == [
        ("CONSULT", "meet", ["jared-kushner", "volodymyr-zelensky"], None),
        ("CONSULT", "meet", ["steve-witkoff", "vladimir-putin"], None),
    ]


def test_a_trip_to_a_capital_visits_its_state_and_the_reporter_stays_home(run):
    r = run("Trump said Witkoff would travel to Moscow later this week.", lang="en")
    assert _events(r) == [("CONSULT", "visit", ["russia", "steve-witkoff"], None)]


def test_declining_to_back_a_plan_rejects_it(run):
    r = run("On Tuesday Putin declined to back the ceasefire proposed by Trump.", lang="en")
    assert _events(r) == [("REJECT", None, ["donald-trump", "vladimir-putin"], "2025-12-02")]
    r = run("Putin declined to comment on the talks in Geneva.", lang="en")
    assert [e for e in r["event"] if e["type"] == "REJECT"] == []


def test_a_weekday_in_a_reported_plan_is_the_coming_one(run):
    r = run("Witkoff said U.S. negotiators would meet Russian officials on Sunday.", lang="en")
    assert [e["date"] for e in r["event"]] == ["2025-12-07"]


def test_talks_named_as_a_point_in_time_took_place_with_the_clauses_persons(run):
    r = run(
        "Nach fünfstündigen Gesprächen mit Putin sind Witkoff und Kushner am Dienstag ohne "
        "Ergebnis abgereist."
    )
    people = ["jared-kushner", "steve-witkoff", "vladimir-putin"]
    assert _events(r) == [("CONSULT", "meet", people, "2025-12-02")]
    r = run("After talks with Putin on Tuesday, Witkoff left Moscow without a deal.", lang="en")
    assert _events(r) == [("CONSULT", "meet", ["steve-witkoff", "vladimir-putin"], "2025-12-02")]


def test_a_summit_named_by_its_organisation_is_the_organisations(run):
    r = run(
        "Außenminister Umerow forderte am Mittwoch am Rande des Nato-Außenministertreffens in "
        "Genf mehr Militärhilfe."
    )
    assert _events(r) == [("CONSULT", "multilateral", ["nato"], "2025-12-03")]


def test_a_verb_in_a_relative_clause_takes_its_own_clauses_date(run):
    r = run(
        "Selenskyj hat am Mittwoch den Plan vorgestellt, den ukrainische und amerikanische "
        "Unterhändler am Wochenende in Miami abgestimmt haben."
    )
    meetings = [e for e in r["event"] if e["type"] == "CONSULT"]
    assert [(sorted(e["participants"]), e["date"], e["date_text"]) for e in meetings] == [
        (["ukraine", "united-states"], None, "am Wochenende")
    ]


def test_a_pronoun_opening_a_sentence_is_the_subject_of_the_one_before(run):
    r = run(
        "Witkoff, a friend of President Trump, handed the plan to Zelensky on Thursday. "
        "On Sunday he met Umerov in Geneva.",
        lang="en",
    )
    meetings = [e for e in _events(r) if e[3] == "2025-11-30"]
    assert meetings == [("CONSULT", "meet", ["rustem-umerov", "steve-witkoff"], "2025-11-30")]


def test_later_is_the_day_named_just_before(run):
    r = run(
        "Zelensky said in a video address on Friday that Ukraine faced a hard choice. "
        "He promised to work calmly with Washington. "
        "He later spoke by phone with Putin.",
        lang="en",
    )
    calls = [e for e in r["event"] if e["mode"] == "phone"]
    assert [(sorted(e["participants"]), e["date"], e["date_text"]) for e in calls] == [
        (["vladimir-putin", "volodymyr-zelensky"], "2025-11-28", "on Friday")
    ]


def test_a_possessed_meeting_at_which_something_was_agreed_took_place(run):
    r = run(
        "Lavrov said that if the plan dropped what was agreed at Trump and Putin's summit in "
        "Geneva, the situation would be different.",
        lang="en",
    )
    assert [sorted(e["participants"]) for e in r["event"]] == [["donald-trump", "vladimir-putin"]]
    r = run("Putins Treffen mit Witkoff am Dienstag verlief ohne Ergebnis.")
    assert _events(r) == [("CONSULT", "meet", ["steve-witkoff", "vladimir-putin"], "2025-12-02")]


def test_a_possessor_before_a_proposal_noun_is_whose_proposal_is_rejected(run):
    r = run("Putin lehnte am Freitag Witkoffs Vorschlag ab.")
    assert _events(r) == [("REJECT", None, ["steve-witkoff", "vladimir-putin"], "2025-11-28")]
    r = run("Putin rejected Witkoff's proposal on Friday.", lang="en")
    assert _events(r) == [("REJECT", None, ["steve-witkoff", "vladimir-putin"], "2025-11-28")]
    # a genitive after the noun is an attribute, not the proposal's author
    assert run("Putin lehnte am Freitag den Vorschlag der Ukraine ab.")["event"] == []


def test_a_place_between_verb_and_object_is_no_title_of_the_person_met(run):
    r = run("Am Dienstag traf Witkoff in Moskau Putin.")
    assert _events(r) == [("CONSULT", "meet", ["steve-witkoff", "vladimir-putin"], "2025-12-02")]


def test_the_persons_of_a_clause_set_at_a_meeting_held_it(run):
    r = run("Beim Treffen in Genf am Sonntag saßen Witkoff, Umerow und Dmitrijew an einem Tisch.")
    people = ["kirill-dmitriev", "rustem-umerov", "steve-witkoff"]
    assert [e[2:] for e in _events(r)] == [(people, "2025-11-30")]
    # after a meeting, the clause's persons need not have attended
    assert run("Nach dem Treffen am Sonntag reisten Witkoff und Umerow ab.")["event"] == []


def test_a_purpose_clause_names_whom_the_travellers_meet(run):
    r = run("Kushner und Witkoff reisten am Montag nach Genf, um Umerow zu treffen.")
    people = ["jared-kushner", "rustem-umerov", "steve-witkoff"]
    assert [e[2:] for e in _events(r)] == [(people, "2025-12-01")]


def test_a_venue_city_hosts_no_one_but_a_capital_is_its_state(run):
    r = run("Umerov travelled to Miami on Sunday and met Witkoff.", lang="en")
    assert _events(r) == [("CONSULT", "visit", ["rustem-umerov", "steve-witkoff"], "2025-11-30")]
    r = run("Witkoff travelled to Moscow on Tuesday.", lang="en")
    assert _events(r) == [("CONSULT", "visit", ["russia", "steve-witkoff"], "2025-12-02")]
    r = run("Miami talks trim the peace plan.", lang="en")
    assert {m["actor"] for m in r["mention"]} == {"miami"}  # a venue, not a government


def test_a_yearless_day_soon_after_publication_or_in_a_plan_is_this_years(run):
    r = run("Witkoff soll Putin am 30. Juni in Moskau treffen.", published="2025-06-03")
    assert [e[3] for e in _events(r)] == ["2025-06-30"]
    r = run("Witkoff met Putin on June 20.", published="2025-06-03", lang="en")
    assert [e[3] for e in _events(r)] == ["2025-06-20"]
    # far ahead and without a plan, a day is last year's (news reports the past)
    r = run("Witkoff und Umerow verhandelten am 14. Oktober in Genf.", published="2025-06-03")
    assert [e[3] for e in _events(r)] == ["2024-10-14"]


def test_a_meeting_turned_down_did_not_take_place(run):
    r = run("Eine Waffenruhe habe Russland abgelehnt, ebenso ein Treffen von Selenskyj und Putin.")
    assert r["event"] == []
    r = run("Putin rejected a meeting with Zelensky.", lang="en")
    assert [e[:2] for e in _events(r)] == [("REJECT", None)]
    # a meeting named as the point in time of the rejection took place
    r = run("After his talks with Witkoff on Tuesday, Putin rejected the plan.", lang="en")
    assert ("CONSULT", "meet", ["steve-witkoff", "vladimir-putin"], "2025-12-02") in _events(r)


def test_the_next_day_follows_the_day_told_before(run):
    r = run("Witkoff met Putin in Moscow on Tuesday. The next day he met Umerov.", lang="en")
    assert ("CONSULT", "meet", ["rustem-umerov", "steve-witkoff"], "2025-12-03") in _events(r)
    r = run("Witkoff traf Putin am Montag in Moskau. Tags darauf empfing Putin Umerow.")
    assert ("CONSULT", "host", ["rustem-umerov", "vladimir-putin"], "2025-12-02") in _events(r)


def test_a_weekday_of_last_week_and_a_call_right_after_it(run):
    r = run(
        "Trump kündigte das Treffen am Donnerstag vergangener Woche nach einem Telefonat "
        "mit Putin an.",
        published="2025-10-23",
    )
    assert _events(r) == [("CONSULT", "phone", ["donald-trump", "vladimir-putin"], "2025-10-16")]
    r = run("Witkoff met Putin on Thursday last week.", published="2025-10-23", lang="en")
    assert [e[3] for e in _events(r)] == ["2025-10-16"]


def test_a_proposal_needs_an_addressee(run):
    assert run("Selenskyj hat am Mittwoch den Rahmenplan vorgestellt.")["event"] == []
    r = run("Witkoff legte Umerow am Montag den Plan vor.")
    assert _events(r) == [("PROPOSE", None, ["rustem-umerov", "steve-witkoff"], "2025-12-01")]


def test_a_host_receiving_one_guest_and_then_hosting_a_summit_are_two_events(run):
    r = run(
        "Putin will receive Witkoff in Moscow on Saturday and host a summit with Zelensky "
        "on Sunday.",
        lang="en",
    )
    assert _events(r) == [
        ("CONSULT", "host", ["steve-witkoff", "vladimir-putin"], "2025-12-06"),
        ("CONSULT", "multilateral", ["vladimir-putin", "volodymyr-zelensky"], "2025-12-07"),
    ]


def test_a_document_noun_after_a_determiner_and_modifiers_is_no_proposal(run_case):
    assert run_case("The U.S. draft caps Ukraine's armed forces at 600,000 troops.")["event"] == []
    r = run_case("Driscoll presented the draft to Zelensky in Kyiv on Thursday.")
    assert "PROPOSE" in {e["type"] for e in r["event"]}


def test_sides_that_agree_on_something_are_an_agreement(run):
    r = run("Russland und die Ukraine einigten sich am Dienstag auf eine Waffenruhe.")
    assert _events(r) == [("AGREE", None, ["russia", "ukraine"], "2025-12-02")]
    r = run("Putin agreed with Trump on Tuesday to halt strikes on power plants.", lang="en")
    assert _events(r) == [("AGREE", None, ["donald-trump", "vladimir-putin"], "2025-12-02")]


def test_agreeing_with_a_view_is_no_agreement_between_sides(run):
    r = run("Trump agreed that the situation in Ukraine was difficult.", lang="en")
    assert [e for e in r["event"] if e["type"] == "AGREE"] == []


def test_an_agreement_negated_wished_or_possible_is_no_event(run):
    for text, lang in (
        ("Russland und die Ukraine könnten sich auf eine Waffenruhe einigen.", "de"),
        ("Russland und die Ukraine einigten sich nicht auf eine Waffenruhe.", "de"),
        ("Russia and Ukraine did not agree on a ceasefire on Tuesday.", "en"),
        ("No agreement was reached between Russia and Ukraine.", "en"),
        ("Russia and Ukraine could agree on a ceasefire if Trump pushed.", "en"),
        ("Trump hopes Russia and Ukraine will reach an agreement soon.", "en"),
    ):
        assert [e for e in run(text, lang=lang)["event"] if e["type"] == "AGREE"] == [], text


def test_a_prisoner_exchange_carried_out_is_cooperation(run):
    r = run("Russland und die Ukraine tauschten am Mittwoch je 100 Gefangene aus.")
    assert _events(r) == [("COOPERATE", None, ["russia", "ukraine"], "2025-12-03")]
    r = run("Russia and Ukraine swapped 150 prisoners each on Wednesday.", lang="en")
    assert _events(r) == [("COOPERATE", None, ["russia", "ukraine"], "2025-12-03")]
    # documents exchanged are no prisoner exchange
    assert run("Russland und die Ukraine tauschten Memoranden aus.")["event"] == []


def test_aid_pledged_goes_from_giver_to_recipient(run):
    r = run("Die USA sagten der Ukraine am Montag neue Militärhilfe zu.")
    (aid,) = [e for e in r["event"] if e["type"] == "AID"]
    assert (aid["source_actor"], aid["target_actors"], aid["date"]) == (
        "united-states",
        ["ukraine"],
        "2025-12-01",
    )
    r = run("The United States pledged military aid to Kyiv on Monday.", lang="en")
    (aid,) = [e for e in r["event"] if e["type"] == "AID"]
    assert (aid["source_actor"], aid["target_actors"]) == ("united-states", ["ukraine"])


def test_aid_cut_or_only_wished_is_no_aid(run):
    for text, lang in (
        ("The White House paused military aid to Ukraine.", "en"),
        ("Die USA würden der Ukraine Militärhilfe zusagen, wenn Kiew zustimmt.", "de"),
        ("Die USA sagten der Ukraine keine Militärhilfe zu.", "de"),
    ):
        assert [e for e in run(text, lang=lang)["event"] if e["type"] == "AID"] == [], text
    r = run("The White House lifted its pause on military aid to Kyiv.", lang="en")
    assert [(e["type"], e["participants"]) for e in r["event"]] == [
        ("AID", ["united-states", "ukraine"])
    ]


def test_signing_or_delivering_needs_a_treaty_or_arms(run_case):
    # the shipped pack's one-word cues ("signed", "delivered") need such an object
    assert run_case("Witkoff delivered the plan to Zelensky on Tuesday.")["event"] == []
    assert run_case("Trump signed the order in front of Zelensky.")["event"] == []
    r = run_case("The United States delivered weapons to Ukraine on Monday.")
    assert [(e["type"], e["participants"]) for e in r["event"]] == [
        ("AID", ["united-states", "ukraine"])
    ]
