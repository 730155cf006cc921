"""Events told across sentences: who else was at a meeting just reported, groups and
plural pronouns standing for persons named before, meetings made conditional, talks
that ended without a result (German and English news phrasing)."""

from __future__ import annotations

from parley.extract.event_context import attends, conditional, without_result


def _events(result) -> list[tuple]:
    return sorted(
        (e["type"], e["mode"], sorted(e["participants"]), e["date"]) for e in result["event"]
    )


MOSCOW_FIVE = ["jared-kushner", "kirill-dmitriev", "steve-witkoff", "vladimir-putin"]


def test_a_person_who_also_sat_at_the_table_joins_the_meeting_just_reported(run):
    r = run(
        "Dmitrijew traf sich am Samstag in Miami mit Witkoff. Nach Angaben aus "
        "Regierungskreisen saß auch Trumps Schwiegersohn Jared Kushner mit am Tisch."
    )
    people = ["jared-kushner", "kirill-dmitriev", "steve-witkoff"]
    assert _events(r) == [("CONSULT", "meet", people, "2025-11-29")]


def test_taking_part_too_in_the_meeting_named_adds_to_it(run):
    r = run(
        "Nach fünfstündigen Gesprächen mit Putin sind Witkoff und Kushner in der Nacht "
        "zu Mittwoch aus Moskau abgereist. An dem Treffen nahm auf russischer Seite "
        "neben Uschakow auch Dmitrijew teil."
    )
    people = sorted([*MOSCOW_FIVE, "yuri-ushakov"])
    assert [e[2] for e in _events(r)] == [people]


def test_english_also_at_the_table_and_among_those_present(run):
    r = run(
        "Witkoff, a property developer, was received by Putin in Moscow on Tuesday. "
        "Also at the table were Ushakov and Kirill Dmitriev.",
        lang="en",
    )
    people = ["kirill-dmitriev", "steve-witkoff", "vladimir-putin", "yuri-ushakov"]
    assert _events(r) == [("CONSULT", "host", people, "2025-12-02")]
    r = run(
        "Witkoff held talks with Putin in Moscow on Tuesday. Among those present were "
        "Ushakov and Dmitriev.",
        lang="en",
    )
    assert _events(r) == [("CONSULT", "meet", people, "2025-12-02")]


def test_delegations_listed_after_the_talks_are_their_participants(run):
    r = run(
        "Die Gespräche zwischen den USA, Russland und der Ukraine sind am Dienstag in "
        "Genf ohne greifbares Ergebnis zu Ende gegangen. Die amerikanische Seite "
        "vertraten Witkoff und Kushner. Die ukrainische Delegation leitete Umerow."
    )
    people = ["jared-kushner", "rustem-umerov", "steve-witkoff"]
    [(etype, _mode, participants, day)] = _events(r)
    assert (etype, day) == ("CONSULT", "2025-12-02")
    assert set(people) <= set(participants) and "russia" in participants


def test_presence_wished_quoted_or_without_a_meeting_before_adds_no_one(run):
    # a demand to sit at the table is no report of presence
    r = run(
        "Witkoff traf am Dienstag in Moskau Putin. Selenskyj forderte, die Ukraine "
        "müsse mit am Tisch sitzen."
    )
    assert _events(r) == [("CONSULT", "meet", ["steve-witkoff", "vladimir-putin"], "2025-12-02")]
    # taking part, told without "auch", is about some meeting, not this one
    r = run(
        "Witkoff traf am Dienstag in Moskau Putin. Kushner nahm erstmals an so einem "
        "Gespräch teil, sagte Uschakow."
    )
    assert ["jared-kushner"] not in [e[2] for e in _events(r)]
    assert all("yuri-ushakov" not in e[2] for e in _events(r))
    # presence told in a quotation is the speaker's, not the report's
    r = run(
        "Witkoff traf am Dienstag in Moskau Putin. „Dmitrijew war auch dabei, ein guter "
        "Abend“, schrieb Uschakow."
    )
    assert _events(r) == [("CONSULT", "meet", ["steve-witkoff", "vladimir-putin"], "2025-12-02")]


def test_attendance_patterns_need_presence_and_for_taking_part_a_particle():
    assert attends("Also at the table were Ushakov and Dmitriev.", "en")
    assert attends("Washington was represented by Witkoff and Kushner.", "en")
    assert attends("Auf russischer Seite waren auch Uschakow und Dmitrijew dabei.", "de")
    assert attends("Zu ihr gehörten auch Budanow und Arachamija.", "de")
    assert not attends("Kushner nahm erstmals an so einem Gespräch teil.", "de")
    assert not attends("Was wir also versucht haben, ist herauszufinden, was geht.", "de")
    assert not attends("Europa müsse mit am Tisch sitzen.", "de")


def test_a_plural_pronoun_opening_a_sentence_is_the_persons_named_just_before(run):
    r = run(
        "Den Weg nach Genf hatten Witkoff und Kushner in Moskau geebnet. In der Nacht zu "
        "Dienstag sprachen sie mehr als drei Stunden mit Putin. Auf russischer Seite "
        "waren auch Uschakow und Dmitrijew dabei."
    )
    people = sorted([*MOSCOW_FIVE, "yuri-ushakov"])
    assert _events(r) == [("CONSULT", "meet", people, "2025-12-01")]


def test_a_plural_pronoun_after_one_named_person_is_not_the_sentence_before(run):
    r = run(
        "Witkoff und Kushner reisten am Montag nach Moskau. Selenskyj sagte, sie "
        "hätten danach mit Umerow gesprochen."
    )
    assert all(e[2] != MOSCOW_FIVE[:1] for e in _events(r))
    assert ("CONSULT", "meet", ["jared-kushner", "rustem-umerov", "steve-witkoff"]) not in [
        e[:3] for e in _events(r)
    ]


def test_the_two_leaders_who_spoke_are_those_just_named_on_the_day_told(run):
    r = run(
        "Putin agreed on Tuesday to stop strikes on energy sites, but he declined the "
        "ceasefire Trump had asked him to accept. The two leaders spoke for well over "
        "an hour.",
        lang="en",
    )
    assert ("CONSULT", "meet", ["donald-trump", "vladimir-putin"], "2025-12-02") in _events(r)


def test_a_meeting_promised_only_under_a_condition_is_no_event(run):
    r = run(
        "Trump sagte, er werde sich mit Putin erst wieder treffen, wenn eine Vereinbarung "
        "in Reichweite sei."
    )
    assert r["event"] == []
    r = run("Trump said he would meet Putin only when a deal was within reach.", lang="en")
    assert r["event"] == []
    r = run("Witkoff will meet Putin when he lands in Moscow on Friday.", lang="en")
    assert _events(r) == [("CONSULT", "meet", ["steve-witkoff", "vladimir-putin"], "2025-12-05")]


def test_conditional_reads_the_words_around_the_cue():
    words = str.split("er werde sich mit putin erst wieder treffen , wenn es so weit sei")
    assert conditional(words, 7, 7)
    words = str.split("he met putin when he was in moscow")
    assert not conditional(words, 1, 1)
    words = str.split("he would meet putin if asked")
    assert conditional(words, 2, 2)


def test_talks_that_ended_without_a_result_took_place(run):
    r = run("Die Gespräche zwischen Witkoff und Umerow endeten am Dienstag ohne Ergebnis.")
    assert _events(r) == [("CONSULT", "meet", ["rustem-umerov", "steve-witkoff"], "2025-12-02")]
    r = run("Witkoff met Umerov in Geneva on Tuesday without a breakthrough.", lang="en")
    assert _events(r) == [("CONSULT", "meet", ["rustem-umerov", "steve-witkoff"], "2025-12-02")]
    assert without_result(["ohne", "greifbares", "ergebnis"], 0)
    assert not without_result(["ohne", "ein", "treffen"], 0)


def test_a_pronoun_before_a_call_named_as_a_point_in_time_is_who_called(run):
    r = run(
        "Trump sagte am Montag, er sehe keinen Sinn in weiteren Gesprächen. Das Treffen "
        "in Budapest, das er nach einem Telefonat mit dem Kremlchef angekündigt hatte, "
        "liegt auf Eis."
    )
    assert ("CONSULT", "phone", ["donald-trump", "vladimir-putin"]) in [e[:3] for e in _events(r)]


def test_a_place_inside_an_attributive_participle_is_not_where_they_met(run):
    r = run(
        "Witkoff und Kushner trafen am Dienstag Putin, um über die in Genf ausgehandelten "
        "Änderungen zu sprechen."
    )
    [event] = r["event"]
    assert event["place"] is None
    r = run("In Genf verhandelten Witkoff und Umerow am Sonntag.")
    [event] = r["event"]
    assert event["place"] == "geneva"


def test_a_threat_is_not_dated_by_its_condition_nor_a_sanction(run):
    r = run(
        "Trump has threatened to hit Russia with secondary tariffs if Friday passes "
        "without a truce.",
        lang="en",
    )
    assert _events(r) == [("THREATEN", None, ["donald-trump", "russia"], None)]
    r = run(
        "Trump drohte Russland am Montag mit Sanktionen, falls bis Freitag keine Waffenruhe gelte."
    )
    assert _events(r) == [("THREATEN", None, ["donald-trump", "russia"], "2025-12-01")]


def test_the_delegations_of_the_three_countries_are_the_states_named_before(run_case):
    r = run_case(
        "Die Gespräche zwischen den USA, Russland und der Ukraine begannen am Dienstag in "
        "Istanbul. Der Gastgeber, Außenminister Hakan Fidan, hatte die Delegationen der "
        "drei Länder am Montag empfangen.",
        lang="de",
    )
    assert ("CONSULT", "host", ["hakan-fidan", "russia", "ukraine", "united-states"]) in [
        e[:3] for e in _events(r)
    ]


def test_sides_an_event_is_about_or_an_open_question_are_no_participants(run):
    r = run(
        "Witkoff met Umerov in Geneva on Sunday. Trump said the plan had input from both "
        "sides. It was not clear whether the three sides met separately.",
        lang="en",
    )
    assert _events(r) == [("CONSULT", "meet", ["rustem-umerov", "steve-witkoff"], "2025-11-30")]
    r = run("Offen blieb, ob sich Witkoff und Putin am Dienstag getroffen hatten.")
    assert r["event"] == []


def test_who_led_a_delegation_or_sat_at_the_head_of_the_table_took_part(run):
    r = run(
        "Unterhändler Russlands und der Ukraine haben am Montag erneut in Genf verhandelt. "
        "Die ukrainische Delegation führte Umerow an, auf russischer Seite saß wie schon "
        "im Mai Uschakow am Kopf des Tisches."
    )
    [(etype, _mode, participants, day)] = _events(r)
    assert (etype, day) == ("CONSULT", "2025-12-01")
    assert {"rustem-umerov", "yuri-ushakov"} <= set(participants)


def test_an_event_at_the_end_of_the_day_is_on_the_day_the_lead_tells(run_case):
    r = run_case(
        "Talks between Witkoff and Umerov opened in Geneva on Tuesday. Umerov praised the "
        "mood. Both men stayed late. Coffee ran out twice. At the end of the day Witkoff "
        "and Umerov signed a declaration on a ceasefire."
    )
    agreed = [e for e in _events(r) if e[0] == "AGREE"]
    assert agreed == [("AGREE", None, ["rustem-umerov", "steve-witkoff"], "2025-12-02")]


def test_a_weekday_in_a_past_clause_is_past_though_another_clause_looks_ahead(run):
    from parley.extract.dates import find_dates

    text = "Britain will send troops, the leaders pledged in Paris on Tuesday."
    [day] = find_dates(text, "2026-01-07", "en")
    assert day.date == "2026-01-06"
    [day] = find_dates("Britain will send troops on Tuesday.", "2026-01-07", "en")
    assert day.date == "2026-01-13"


def test_members_a_meeting_sentence_lists_take_part_in_its_meeting(run):
    r = run(
        "The U.S. delegation, led by Witkoff and including Kushner, met a Ukrainian team "
        "headed by Umerov, the chief aide to President Zelensky, in Geneva on Tuesday.",
        lang="en",
    )
    people = ["jared-kushner", "rustem-umerov", "steve-witkoff"]
    assert [e[2] for e in _events(r)] == [people]


def test_parties_on_the_line_join_a_call(run):
    r = run(
        "Zelensky said he had spoken with Trump by phone on Tuesday evening, with NATO "
        "and Putin on the line.",
        lang="en",
    )
    people = ["donald-trump", "nato", "vladimir-putin", "volodymyr-zelensky"]
    assert _events(r) == [("CONSULT", "phone", people, "2025-12-02")]
    r = run("Zelensky spoke with Trump on Tuesday, with whom he had met in Geneva.", lang="en")
    assert [e[2] for e in _events(r)] == [["donald-trump", "volodymyr-zelensky"]]


def test_undated_talks_where_the_story_is_filed_are_on_the_leads_day(run):
    r = run(
        "GENF (dpa) - Die Ukraine erklärte am Dienstag, sie sei zu einer Waffenruhe bereit.\n\n"
        "Witkoff traf Umerow und Uschakow in einem Hotel in Genf. Witkoff soll Ende der "
        "Woche nach Moskau reisen.",
    )
    met = [e for e in _events(r) if e[1] == "meet"]
    assert met == [
        ("CONSULT", "meet", ["rustem-umerov", "steve-witkoff", "yuri-ushakov"], "2025-12-02")
    ]
    r = run("Witkoff traf Umerow und Uschakow in einem Hotel in Genf.")
    assert _events(r) == [
        ("CONSULT", "meet", ["rustem-umerov", "steve-witkoff", "yuri-ushakov"], None)
    ]


def test_a_trip_into_a_state_of_several_words_visits_it(run_case):
    r = run_case("Dmitrijew war bereits am Freitag in die Vereinigten Staaten gereist.", lang="de")
    assert _events(r) == [("CONSULT", "visit", ["kirill-dmitriev", "united-states"], "2025-11-28")]


def test_another_round_on_a_named_day_is_a_new_meeting_of_the_same_sides(run):
    r = run(
        "Die Gespräche zwischen den USA, Russland und der Ukraine sind am Dienstag in Genf "
        "zu Ende gegangen. Eine weitere Runde solle am 12. Dezember stattfinden. Die "
        "amerikanische Seite vertrat Witkoff."
    )
    sides = ["russia", "ukraine", "united-states"]
    assert ("CONSULT", "meet", sides, "2025-12-12") in _events(r)
    # later attendees join the talks reported, not the round announced
    assert any("steve-witkoff" in e[2] and e[3] == "2025-12-02" for e in _events(r))
    r = run("Witkoff traf am Dienstag Putin. Eine weitere Runde sei möglich.")
    assert len(r["event"]) == 1


def test_a_plural_pronoun_rejecting_across_sentences_makes_no_rejection_of_one_side(run):
    r = run(
        "Am Dienstag forderten Witkoff und Kushner eine Waffenruhe. Einen Rückzug der "
        "Ukraine lehnen sie ab."
    )
    assert [e for e in r["event"] if e["type"] == "REJECT"] == []


def test_a_list_of_critics_or_an_office_headed_by_someone_joins_no_meeting(run):
    r = run(
        "Witkoff traf am Dienstag in Moskau Putin. Zu den Kritikern des Plans gehörten "
        "Selenskyj und Umerow."
    )
    assert _events(r) == [("CONSULT", "meet", ["steve-witkoff", "vladimir-putin"], "2025-12-02")]
    assert attends("Zu ihr gehörten auch Umerow und Selenskyj.", "de")
    assert not attends("The fund, headed by Dmitriev, said it would invest.", "en")
    assert attends("The Russian side was headed by Ushakov.", "en")


def test_the_delegations_act_as_the_sides_of_the_talks_on_their_day(run_case):
    r = run_case(
        "Unterhändler Russlands und der Ukraine haben am Montag in Istanbul verhandelt. "
        "Die Delegationen einigten sich auf einen weiteren Gefangenenaustausch.",
        lang="de",
    )
    assert ("AGREE", None, ["russia", "ukraine"], "2025-12-01") in _events(r)
    r = run_case(
        "Witkoff met Umerov in Geneva on Monday. Zelensky flew to Paris. The two sides "
        "also agreed to a prisoner exchange.",
    )
    assert ("AGREE", None, ["rustem-umerov", "steve-witkoff"], "2025-12-01") not in _events(r)
    assert ("AGREE", None, ["ukraine", "united-states"], "2025-12-01") in _events(r)


def test_an_infinitive_after_a_noun_phrase_stays_a_verb_on_the_storys_day(run_case):
    r = run_case(
        "Talks between Witkoff and Umerov ran in Geneva on Sunday. Trump had complained on "
        "Thursday about the pace. Germany, France and Britain used the day to put forward "
        "a counter-draft."
    )
    proposals = [e for e in _events(r) if e[0] == "PROPOSE"]
    assert proposals == [("PROPOSE", None, ["france", "germany", "united-kingdom"], "2025-11-30")]


def test_hours_after_the_talks_is_the_day_of_the_talks_and_their_names_stay_out(run_case):
    r = run_case(
        "Witkoff met Putin in Moscow on Wednesday. Hours after the Kremlin talks, Trump "
        "signed an order imposing tariffs on India."
    )
    sanctions = [e for e in _events(r) if e[0] == "SANCTION"]
    assert sanctions == [("SANCTION", None, ["donald-trump", "india"], "2025-12-03")]
