"""Events: meetings, calls, proposals, rejections, threats, sanctions, leaks."""

from __future__ import annotations


def _events(result) -> list[tuple]:
    return [
        (e["type"], e["mode"], sorted(e["participants"]), e["date"], e["place"])
        for e in result["event"]
    ]


def test_meeting_with_place_and_date(run):
    r = run("Witkoff traf sich am Dienstag in Moskau mit Putin.")
    assert _events(r) == [
        ("CONSULT", "meet", ["steve-witkoff", "vladimir-putin"], "2025-12-02", "moscow")
    ]
    assert r["event"][0]["date_text"] == "am Dienstag"


def test_phone_call_between_two_named_people(run):
    r = run("Das Telefonat zwischen Witkoff und Putins Berater Juri Uschakow vom 14. Oktober "
            "drehte sich um ein Treffen.")  # fmt: skip
    assert _events(r) == [
        ("CONSULT", "phone", ["steve-witkoff", "yuri-ushakov"], "2025-10-14", None)
    ]


def test_reports_of_one_meeting_merge_and_names_in_phrases_are_not_participants(run):
    r = run(
        "Das Treffen zwischen Kremlchef Wladimir Putin und Steve Witkoff endete erst in der Nacht "
        "zu Mittwoch. An dem Treffen nahm auch Juri Uschakow teil. "
        "Es ging um den Krieg in der Ukraine."
    )
    assert _events(r) == [
        (
            "CONSULT",
            "meet",
            ["steve-witkoff", "vladimir-putin", "yuri-ushakov"],
            "2025-12-02",
            None,
        )
    ]


def test_a_date_across_a_preposition_belongs_to_the_verb_not_the_meeting(run):
    r = run("Trump schickte Witkoff am Mittwoch zu einem neuen Treffen mit Putin.")
    assert _events(r) == [("CONSULT", "meet", ["steve-witkoff", "vladimir-putin"], None, None)]


def test_leak_is_attributed_to_the_publisher(run):
    r = run("Anfang der Woche hatte Newswire einen Mitschnitt eines Gesprächs von Witkoff "
            "veröffentlicht.")  # fmt: skip
    leaks = [e for e in r["event"] if e["type"] == "LEAK"]
    assert [(e["participants"], e["date_text"]) for e in leaks] == [
        (["newswire"], "Anfang der Woche")
    ]
    assert leaks[0]["date"] is None  # a stretch of days, not a day


def test_rejection_threat_and_sanction_need_two_sides(run):
    r = run("Russland lehnte den Vorschlag der Ukraine ab. Putin drohte den USA mit Vergeltung. "
            "Das US-Finanzministerium verhängte Sanktionen gegen Russland.")  # fmt: skip
    kinds = {e[0]: e[2] for e in _events(r)}
    assert kinds["THREATEN"] == ["united-states", "vladimir-putin"]
    assert "REJECT" not in kinds  # "der Ukraine" is an attribute of the proposal
    assert kinds["SANCTION"] == ["russia", "united-states"]


def test_english_meeting(run):
    r = run("Steve Witkoff met Vladimir Putin in Moscow on Tuesday.", lang="en")
    assert _events(r) == [
        ("CONSULT", "meet", ["steve-witkoff", "vladimir-putin"], "2025-12-02", "moscow")
    ]


def test_a_group_named_by_its_number_stands_for_the_persons_just_named(run):
    r = run("Witkoff kennt Kushner und Dmitrijew seit Jahren: Im Sommer trafen sich die drei "
            "in Miami.")  # fmt: skip
    consult = [e for e in _events(r) if e[0] == "CONSULT"]
    assert consult == [
        ("CONSULT", "meet", ["jared-kushner", "kirill-dmitriev", "steve-witkoff"], None, "miami")
    ]


def test_the_two_refers_back_across_sentences_in_english(run):
    r = run("Donald Trump praised Vladimir Putin on Monday. The two met in Geneva on Tuesday.",
            lang="en")  # fmt: skip
    assert _events(r) == [
        ("CONSULT", "meet", ["donald-trump", "vladimir-putin"], "2025-12-02", "geneva")
    ]


def test_a_parenthesis_listing_the_negotiators_belongs_to_the_clause(run):
    r = run("Die vier Verhandler (Witkoff und Kushner für Washington, auf russischer Seite "
            "Uschakow und Dmitrijew) saßen bis Mitternacht zusammen.")  # fmt: skip
    assert [sorted(e["participants"]) for e in r["event"]] == [
        ["jared-kushner", "kirill-dmitriev", "steve-witkoff", "yuri-ushakov"]
    ]


def test_a_meeting_named_as_a_point_in_time_does_not_make_the_speaker_attend(run):
    r = run("Witkoff traf sich am Dienstag in Moskau mit Putin. "
            "Nach den Gesprächen sagte Uschakow, es gebe noch viel Arbeit.")  # fmt: skip
    assert [sorted(e["participants"]) for e in r["event"]] == [["steve-witkoff", "vladimir-putin"]]


def test_an_indefinite_outing_is_its_own_meeting_and_they_refers_to_the_subjects(run):
    r = run("Kushner und Witkoff landeten am Dienstag in Moskau und bekamen von Dmitrijew "
            "eine Stadtführung, ehe sie später Putin trafen.")  # fmt: skip
    assert sorted(tuple(sorted(e["participants"])) for e in r["event"]) == [
        ("jared-kushner", "kirill-dmitriev", "steve-witkoff"),
        ("jared-kushner", "steve-witkoff", "vladimir-putin"),
    ]


def test_talking_is_a_meeting_only_with_a_partner(run):
    r = run("Witkoff und Kushner reisten an, um mit Putin über den Plan zu sprechen. "
            "Uschakow sprach von nützlichen Ergebnissen.")  # fmt: skip
    assert [sorted(e["participants"]) for e in r["event"]] == [
        ["jared-kushner", "steve-witkoff", "vladimir-putin"]
    ]


def test_a_participle_phrase_keeps_its_own_participants(run):
    r = run("Witkoff sprach mit Putin über die von Kushner mit Umerow in Genf ausgehandelten "
            "Änderungen.")  # fmt: skip
    assert sorted(tuple(sorted(e["participants"])) for e in r["event"]) == [
        ("jared-kushner", "rustem-umerov"),
        ("steve-witkoff", "vladimir-putin"),
    ]


def test_an_advised_call_is_not_an_event(run):
    r = run("Im Telefonat vom 14. Oktober empfahl Witkoff Uschakow, möglichst bald ein "
            "Telefonat mit Trump und Putin zu organisieren.")  # fmt: skip
    assert _events(r) == [
        ("CONSULT", "phone", ["steve-witkoff", "yuri-ushakov"], "2025-10-14", None)
    ]


def test_a_speaker_judging_the_talks_did_not_attend_them_in_english(run):
    r = run("Steve Witkoff met Vladimir Putin in Moscow on Tuesday. Kirill Dmitriev called the "
            "talks productive.", lang="en")  # fmt: skip
    assert [sorted(e["participants"]) for e in r["event"]] == [["steve-witkoff", "vladimir-putin"]]


def test_a_meeting_someone_is_ready_for_is_not_an_event(run):
    r = run("Selenskyj sagte, er sei bereit, Putin zu treffen. Zelensky said he was ready to "
            "talk with Putin if the talks in Geneva succeed.")  # fmt: skip
    assert r["event"] == []


def test_a_verb_after_that_does_not_refer_back_to_an_earlier_meeting(run):
    r = run("Steve Witkoff met Jared Kushner in Miami on Monday. Trump said that he would "
            "meet Putin and Zelensky soon.", lang="en")  # fmt: skip
    assert sorted(tuple(sorted(e["participants"])) for e in r["event"]) == [
        ("donald-trump", "vladimir-putin", "volodymyr-zelensky"),
        ("jared-kushner", "steve-witkoff"),
    ]


def test_a_visit_to_a_country_has_it_as_host_and_a_tally_of_trips_is_no_visit(run):
    r = run("Witkoff warb um Geduld. Die Lage sei ernst, sagte er während seines "
            "Besuchs in der Ukraine. Kushner war zum sechsten Mal nach Russland "
            "gereist.")  # fmt: skip
    assert [(e["mode"], sorted(e["participants"])) for e in r["event"]] == [
        ("visit", ["steve-witkoff", "ukraine"])
    ]


def test_a_report_joins_the_meeting_whose_parties_it_names(run):
    r = run("Witkoff traf sich am Dienstag in Moskau mit Putin. Zuvor hatten Kushner und "
            "Umerow in Genf verhandelt. Danach gab es Gespräche in Genf zwischen den USA "
            "und der Ukraine.")  # fmt: skip
    assert sorted(tuple(sorted(e["participants"])) for e in r["event"]) == [
        ("jared-kushner", "rustem-umerov"),
        ("steve-witkoff", "vladimir-putin"),
    ]


def test_there_he_met_joins_the_trip_of_the_sentence_before(run):
    r = run("Witkoff reiste am Dienstag nach Moskau. Dort traf er Putin.")
    assert _events(r) == [
        ("CONSULT", "visit", ["steve-witkoff", "vladimir-putin"], "2025-12-02", "moscow")
    ]


def test_a_week_ago_names_a_day_and_spoke_by_phone_needs_no_partner_phrase(run):
    r = run("Witkoff traf Putin vor einer Woche in Moskau.")
    assert [(e["date"], e["date_text"]) for e in r["event"]] == [("2025-11-26", "vor einer Woche")]
    r = run("Trump and Putin spoke by phone on Monday. After the call, Trump said progress "
            "was made.", lang="en")  # fmt: skip
    assert _events(r) == [
        ("CONSULT", "phone", ["donald-trump", "vladimir-putin"], "2025-12-01", None)
    ]


def test_a_preposition_is_no_verb_particle_and_a_genitive_with_article_is_no_party(run):
    r = run("Witkoff legte vor einigen Tagen dar, was möglich sei.")
    assert [e for e in r["event"] if e["type"] == "PROPOSE"] == []
    r = run("Russland schließt den Beitritt der Ukraine zur Nato weiterhin aus. "
            "Witkoff legte Putin den Plan vor.")  # fmt: skip
    assert [(e["type"], sorted(e["participants"])) for e in r["event"]] == [
        ("PROPOSE", ["steve-witkoff", "vladimir-putin"])
    ]


def test_a_name_after_a_verb_after_to_is_its_object(run):
    r = run("Trump sent Steve Witkoff to Moscow on Monday to meet Vladimir Putin.", lang="en")
    assert [sorted(e["participants"]) for e in r["event"]] == [["steve-witkoff", "vladimir-putin"]]


def test_an_english_that_clause_holds_its_own_meeting(run):
    r = run("Trump said on Friday that he had sent Steve Witkoff to Moscow to meet Vladimir "
            "Putin and that Jared Kushner would meet Rustem Umerov in Miami.",
            lang="en")  # fmt: skip
    assert sorted(tuple(sorted(e["participants"])) for e in r["event"]) == [
        ("jared-kushner", "rustem-umerov"),
        ("steve-witkoff", "vladimir-putin"),
    ]


def test_briefing_someone_about_something_is_a_meeting_reporting_is_not(run):
    r = run("Uschakow berichtete über Fortschritte. Am Montag berichtete Witkoff Trump über "
            "die Gespräche in Moskau. Das berichtete auch Newswire.")  # fmt: skip
    assert _events(r) == [
        ("CONSULT", "meet", ["donald-trump", "steve-witkoff"], "2025-12-01", "moscow")
    ]
