"""Quotation extraction: every construction with sentences written in news style."""

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parley.extract.quotes import SpeakerCandidate, extract_quotes, find_quotes

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"


def only(text: str, lang: str = "de", **kwargs):
    found = find_quotes(text, lang, **kwargs)
    assert len(found) == 1, [(f.type, [text[s:e] for s, e in f.spans]) for f in found]
    return found[0]


def parts(text: str, finding) -> list[str]:
    return [text[s:e] for s, e in finding.spans]


def speaker(text: str, finding) -> str | None:
    return text[slice(*finding.speaker_span)] if finding.speaker_span else None


@pytest.mark.parametrize(
    ("opening", "closing"), [("„", "“"), ("»", "«"), ("«", "»"), ('"', '"'), ("“", "”")]
)
def test_direct_quote_in_every_mark_style_with_inverted_speaker(opening, closing):
    quote = f"{opening}Wir sind zu weiteren Gesprächen bereit{closing}"
    text = f"{quote}, sagte der Kremlberater Juri Uschakow am Dienstag in Moskau."
    f = only(text)
    assert (f.type, f.mode, parts(text, f)) == ("Direct", "direct", [quote])
    assert speaker(text, f) == "der Kremlberater Juri Uschakow"
    assert f.cue == "sagte"


def test_direct_quote_after_a_colon_takes_the_subject_before_it():
    text = "Selenskyj erklärte am Abend: „Wir werden kein Land aufgeben.“"
    f = only(text)
    assert parts(text, f) == ["„Wir werden kein Land aufgeben.“"]
    assert (speaker(text, f), f.cue) == ("Selenskyj", "erklärte")


def test_quote_split_by_its_attribution_is_one_quote_with_two_spans():
    text = "„Der Plan ist eine Grundlage“, sagte Rubio, „aber noch kein Abkommen.“"
    f = only(text)
    assert parts(text, f) == ["„Der Plan ist eine Grundlage“", "„aber noch kein Abkommen.“"]
    assert speaker(text, f) == "Rubio"


def test_so_attribution_after_a_quote():
    text = "„Das Treffen war nützlich und sehr konstruktiv“, so Uschakow."
    f = only(text)
    assert (f.type, speaker(text, f), f.cue) == ("Direct", "Uschakow", "so")


def test_pronoun_speaker_resolves_to_the_previous_speakers_actor():
    text = (
        "Kremlsprecher Dmitri Peskow sagte, eine Antwort werde vorbereitet. "
        "„Wir brauchen noch etwas Zeit“, sagte er."
    )
    first, second = find_quotes(
        text,
        speakers=[SpeakerCandidate(text.index("Dmitri"), text.index(" sagte"), "dmitry-peskov")],
    )
    assert first.speaker == "dmitry-peskov"
    assert (second.speaker_surface, second.speaker) == ("er", "dmitry-peskov")


def test_indirect_speech_with_dass_clause():
    text = "Der Außenminister betonte am Montag, dass die Gespräche fortgesetzt werden."
    f = only(text)
    assert (f.type, f.mode) == ("Indirect", "indirect")
    assert parts(text, f) == ["dass die Gespräche fortgesetzt werden"]
    assert (speaker(text, f), f.cue) == ("Der Außenminister", "betonte")


def test_indirect_speech_with_konjunktiv_and_no_complementizer():
    text = "Der Sondergesandte sagte, die Verhandlungen seien weit fortgeschritten."
    f = only(text)
    assert parts(text, f) == ["die Verhandlungen seien weit fortgeschritten"]
    assert speaker(text, f) == "Der Sondergesandte"


def test_separable_speech_verb_after_the_reported_clause():
    text = "Die Waffenruhe gilt ab Montag um Mitternacht, teilte das Verteidigungsministerium mit."
    f = only(text)
    assert parts(text, f) == ["Die Waffenruhe gilt ab Montag um Mitternacht"]
    assert (speaker(text, f), f.cue) == ("das Verteidigungsministerium", "teilte mit")


@pytest.mark.parametrize(
    ("text", "source", "cue"),
    [
        ("Laut Peskow gibt es noch keinen Termin für ein Treffen.", "Peskow", "Laut"),
        ("Diplomaten zufolge wurde der Entwurf in Genf überarbeitet.", "Diplomaten", "zufolge"),
        (
            "Nach Angaben des Weißen Hauses reist der Sondergesandte nächste Woche nach Moskau.",
            "Angaben des Weißen Hauses",
            "Nach",
        ),
        (
            "Nach eigenen Angaben hat die Delegation alle Punkte besprochen.",
            "eigenen Angaben",
            "Nach",
        ),
    ],
)
def test_source_phrases_make_the_rest_of_the_sentence_indirect_speech(text, source, cue):
    f = only(text)
    assert f.type == "Indirect"
    assert speaker(text, f) == source
    assert f.cue == cue
    assert source not in " ".join(parts(text, f))


def test_reported_speech_takes_the_whole_sentence_and_the_subject():
    text = "Die ukrainische Regierung lehnte den Vorschlag am Freitag ab."
    f = only(text)
    assert (f.type, f.mode) == ("Reported", "reported")
    assert parts(text, f) == [text]
    assert speaker(text, f) == "Die ukrainische Regierung"


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("Der Nato-Generalsekretär kritisierte die Pläne scharf.", "Der Nato-Generalsekretär"),
        ("Die Europäer forderten eine Beteiligung an den Gesprächen.", "Die Europäer"),
        ("Den Entwurf bezeichnete er als ungeeignet.", "er"),
    ],
)
def test_reported_speech_verbs(text, subject):
    f = only(text)
    assert f.type == "Reported"
    assert speaker(text, f) == subject


def test_konjunktiv_sentence_continues_the_last_speaker():
    text = (
        "Kremlberater Uschakow sagte, man habe über Territorialfragen gesprochen. "
        "Eine Einigung gebe es aber noch nicht."
    )
    first, second = find_quotes(text)
    assert second.type == "IndirectFreeIndirect"
    assert parts(text, second) == ["Eine Einigung gebe es aber noch nicht."]
    assert speaker(text, second) == speaker(text, first) == "Kremlberater Uschakow"


def test_apposition_belongs_to_the_speaker():
    text = "„Das ist kein Frieden“, sagte Kaja Kallas, die Außenbeauftragte der EU."
    assert speaker(text, only(text)) == "Kaja Kallas, die Außenbeauftragte der EU"


def test_short_scare_quotes_and_titles_are_not_quotes():
    assert find_quotes("Die Raumkapsel „Shenzhou 6“ landete planmäßig in der Steppe.") == []


def test_plain_reporting_sentences_yield_nothing():
    assert find_quotes("Die Delegationen trafen sich am Sonntag in Genf zu Gesprächen.") == []


def test_english_goes_through_the_same_code():
    text = "“We are ready to talk,” said Secretary of State Marco Rubio."
    f = only(text, "en")
    assert (f.type, speaker(text, f), f.cue) == ("Direct", "Secretary of State Marco Rubio", "said")
    text = "According to Ukrainian officials, the draft was changed in Geneva."
    f = only(text, "en")
    assert (f.type, speaker(text, f)) == ("Indirect", "Ukrainian officials")
    assert parts(text, f) == ["the draft was changed in Geneva"]


def test_extra_cues_extend_the_lexicon():
    text = "Der Minister dementierte die Berichte über ein Treffen."
    assert find_quotes(text) == [] or find_quotes(text)[0].type == "Reported"
    text = "Der Minister relativierte die Berichte über ein Treffen."
    assert find_quotes(text) == []
    f = only(text, extra_cues={"reported_verbs": ["relativieren"]})
    assert f.type == "Reported"


def test_unknown_lexicon_keys_are_rejected():
    with pytest.raises(ValueError, match="unknown speech-lexicon keys"):
        find_quotes("Er sagte nichts.", extra_cues={"verbz": ["sagen"]})


def test_records_follow_the_contract():
    text = "„Wir sind bereit“, sagte Peskow."
    (record,) = extract_quotes(text, "a1")
    data = record.to_record()
    assert data["kind"] == "quote" and data["article"] == "a1"
    assert text[data["start"] : data["end"]] == "„Wir sind bereit“"
    assert (data["mode"], data["speaker_surface"], data["cue"]) == ("direct", "Peskow", "sagte")


@pytest.mark.shared
def test_seed_articles_yield_attributed_quotes():
    seeds = sorted((SHARED / "corpus" / "seeds").glob("*.txt"))
    if not seeds:
        pytest.skip("../shared/corpus/seeds not present")
    total = attributed = 0
    for path in seeds:
        text = path.read_text(encoding="utf-8")
        for f in find_quotes(text, "de"):
            total += 1
            attributed += f.speaker_span is not None
            for start, end in f.spans:
                assert 0 <= start < end <= len(text)
            if f.speaker_span:
                assert text[slice(*f.speaker_span)] == f.speaker_surface
    assert total > 0 and attributed > 0


_NEWS_BITS = st.sampled_from(
    [
        "Der Minister sagte, ",
        "„Wir sind bereit“, ",
        "sagte er. ",
        "Laut Peskow ",
        "sei die Lage ernst. ",
        "Diplomaten zufolge ",
        "gibt es Fortschritte. ",
        "Die Regierung lehnte den Plan ab. ",
        "»Nie!« ",
        ", so Uschakow.",
        "\n\n",
        ": ",
        "Am 15. April ",
        "auf 177. Am ",
    ]
)


@given(st.lists(_NEWS_BITS, max_size=12).map("".join))
def test_findings_point_into_the_text_in_order(text):
    found = find_quotes(text, "de")
    last = -1
    for f in found:
        assert f.type in ("Direct", "Indirect", "IndirectFreeIndirect", "FreeIndirect", "Reported")
        for start, end in f.spans:
            assert 0 <= start < end <= len(text)
        assert f.start >= last or f.type == "Direct"  # a quoted fragment follows its sentence
        last = f.start
        if f.speaker_span is not None:
            assert text[slice(*f.speaker_span)] == f.speaker_surface
        for start, end in f.cue_spans + f.frame_spans:
            assert 0 <= start < end <= len(text)


def test_addressee_after_gegenueber():
    text = "Der Sprecher sagte gegenüber der Nachrichtenagentur Reuters, ein Treffen sei geplant."
    f = only(text)
    assert text[slice(*f.addressee_span)] == "der Nachrichtenagentur Reuters"
    assert speaker(text, f) == "Der Sprecher"


def test_english_indirect_speech_without_a_comma_and_pronoun_speakers():
    text = (
        "Russian President Vladimir Putin said on Tuesday that the plan could be a basis "
        'for a settlement. "We are ready to talk," he told reporters in Moscow.'
    )
    putin = SpeakerCandidate(text.index("Vladimir"), text.index(" said"), "vladimir-putin")
    first, second = find_quotes(text, "en", speakers=[putin])
    assert (first.type, first.cue) == ("Indirect", "said")
    assert parts(text, first) == ["that the plan could be a basis for a settlement"]
    assert first.speaker == "vladimir-putin"
    assert (second.type, second.speaker_surface, second.speaker) == (
        "Direct",
        "he",
        "vladimir-putin",
    )


def test_english_reported_speech():
    text = "Zelensky rejected the proposal on Friday."
    f = only(text, "en")
    assert (f.type, speaker(text, f)) == ("Reported", "Zelensky")


def test_actor_is_the_head_of_the_speaker_phrase_not_a_modifier():
    text = "Ein Berater von Kremlchef Putin sagte, die Gespräche seien nützlich gewesen."
    putin = SpeakerCandidate(text.index("Putin"), text.index(" sagte"), "vladimir-putin")
    f = only(text, speakers=[putin])
    assert (speaker(text, f), f.speaker) == ("Ein Berater von Kremlchef Putin", None)
    text = "Nach Angaben von Kremlsprecher Peskow ist ein Treffen geplant."
    peskov = SpeakerCandidate(text.index("Kremlsprecher"), text.index(" ist"), "dmitry-peskov")
    assert only(text, speakers=[peskov]).speaker == "dmitry-peskov"


def _speakers(run, text: str, lang: str = "de") -> list[tuple[str, str | None]]:
    return [(q["text"], q["speaker"]) for q in run(text, lang=lang)["quote"]]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Witkoff riet Uschakow, ein Telefonat zwischen Trump und Putin zu vereinbaren. "
            "Dazu gab er ihm einen Rat: „Rufen Sie an und gratulieren Sie ihm zu dem Erfolg.“",
            "de",
        ),
        (
            "Witkoff advised Ushakov to arrange a call between Trump and Putin. "
            'He added: "Call him and congratulate him on the deal, that would go well."',
            "en",
        ),
    ],
)
def test_pronoun_points_to_the_subject_of_the_sentence_before(run, text, lang):
    assert _speakers(run, text, lang)[-1][1] == "steve-witkoff"


def test_nameless_definite_description_refers_back_like_a_pronoun(run):
    text = (
        "„Wir sind zu allem bereit“, sagte Selenskyj am Montag. "
        "Er sei auch offen für ein Treffen mit Donald Trump, sagte der Staatschef in Kiew."
    )
    assert [s for _, s in _speakers(run, text)] == ["volodymyr-zelensky"] * 2


def test_possessor_before_a_title_and_name_is_not_the_speaker(run):
    text = "Man sei einander nähergekommen, sagte Putins außenpolitischer Berater Juri Uschakow."
    assert _speakers(run, text) == [("Man sei einander nähergekommen", "yuri-ushakov")]


def test_a_name_after_von_in_the_speaker_phrase_is_not_the_speaker(run):
    text = "Ein Berater von Kremlchef Putin sagte, die Gespräche seien nützlich gewesen."
    assert _speakers(run, text)[0][1] is None


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Witkoff wird nach Kremlangaben am Freitag nach Washington zurückkehren.", "russia"),
        ("Die Ukraine hat nach eigenen Angaben zwei Dörfer im Osten zurückerobert.", "ukraine"),
        (
            "Eine schnelle Lösung sei möglich, sagte Selenskyj laut Übersetzer in Dublin.",
            "volodymyr-zelensky",
        ),
        ("Ein Abkommen sei in Reichweite, sagte am Montag auch Kremlchef Putin.", "vladimir-putin"),
    ],
)
def test_source_phrases_that_point_at_the_speaker(run, text, actor):
    assert [s for _, s in _speakers(run, text)] == [actor]


def test_second_verb_of_a_coordination_shares_the_first_verbs_subject():
    text = (
        "„Wir hatten einen schönen Spaziergang durch die Stadt“, erklärte Witkoff zu Beginn "
        "der Gespräche am Dienstag und bezeichnete Moskau als „erstaunliche Stadt“."
    )
    cands = [
        SpeakerCandidate(text.index("Witkoff"), text.index(" zu Beginn"), "steve-witkoff"),
        SpeakerCandidate(text.index("Moskau"), text.index(" als"), "russia"),
    ]
    assert {f.speaker for f in find_quotes(text, "de", speakers=cands)} == {"steve-witkoff"}


def test_quote_after_a_colon_stays_direct_with_the_frames_speaker(run):
    text = (
        "Selenskyj äußerte sich am Montag enttäuscht über die Gespräche in Moskau: "
        "„Russland spielt nur auf Zeit“, sagte er in Kiew."
    )
    quotes = run(text)["quote"]
    assert [(q["mode"], q["text"], q["speaker"]) for q in quotes] == [
        ("direct", "„Russland spielt nur auf Zeit“", "volodymyr-zelensky")
    ]


def test_quoted_words_inside_indirect_speech_are_one_record(run):
    text = "Trump sagte am Sonntag, man habe „eine sehr gute Chance“ auf eine Einigung."
    quotes = run(text)["quote"]
    assert [(q["mode"], q["speaker"]) for q in quotes] == [("indirect", "donald-trump")]


def test_a_frame_naming_no_actor_does_not_take_over_the_speaker(run):
    text = (
        "Putin lehnte die Änderungen der Europäer rundweg ab. "
        "Diese Vorschläge „verlängern nur den Krieg und helfen niemandem“."
    )
    assert _speakers(run, text)[-1][1] == "vladimir-putin"


def test_an_infinitive_without_subject_is_no_attribution():
    text = (
        "Putin lobte die Gespräche. Zusammenfassend lässt sich sagen, dass, wie Trump "
        "erklärte, „die Gespräche weitergehen, bis es eine Lösung gibt“."
    )
    cands = [
        SpeakerCandidate(text.index("Putin"), text.index(" lobte"), "vladimir-putin"),
        SpeakerCandidate(text.index("Trump"), text.index(" erklärte"), "donald-trump"),
    ]
    found = [
        f for f in find_quotes(text, "de", speakers=cands) if "Lösung" in text[f.start : f.end]
    ]
    assert found and all(f.speaker == "donald-trump" and f.cue == "erklärte" for f in found)


def test_konjunktiv_forms_missing_from_the_lemma_table_are_read():
    text = (
        "„Wir sind bereit“, sagte Selenskyj in Kiew. "
        "Ein Treffen hänge jedoch vom Erfolg der Gespräche ab."
    )
    found = find_quotes(text, "de")
    assert [f.type for f in found] == ["Direct", "IndirectFreeIndirect"]
    assert speaker(text, found[1]) == "Selenskyj"


def test_konjunktiv_rule_leaves_adverbs_alone():
    assert find_quotes("Der Krieg dauert schon lange an und die Front bewegt sich kaum.") == []


def test_demonstrative_speaker_is_the_latest_person_named(run):
    text = (
        "Trump schickte Witkoff nach Moskau. Eine Einigung sei nah, sagte dieser am Dienstag "
        "bei einer Veranstaltung eines Instituts in Moskau."
    )
    assert _speakers(run, text)[-1][1] == "steve-witkoff"


def test_adjective_after_an_article_is_no_konjunktiv():
    text = "Beide setzen auf eine schnelle Wiederaufnahme der Wirtschaftsbeziehungen."
    assert find_quotes(text, "de") == []


def test_speech_verb_without_a_quote_names_the_next_konjunktiv_speaker():
    text = (
        "„Das ist ein guter Anfang“, sagte Trump. Am Sonntag äußerte sich Witkoff lobend "
        "über die Gespräche. Diese seien offen und ehrlich verlaufen."
    )
    found = find_quotes(text, "de")
    assert speaker(text, found[-1]) == "Witkoff"


@pytest.mark.parametrize("gap", ["\n", " "])
def test_paragraph_opening_konjunktiv_takes_the_next_sentences_speaker(gap):
    text = (
        f"„Wir kommen voran“, sagte Witkoff.{gap}Die Gespräche seien nicht einfach gewesen. "
        "Es gebe noch viel zu tun, sagte Uschakow am Abend."
    )
    found = find_quotes(text, "de")
    expected = "Uschakow" if gap == "\n" else "Witkoff"
    assert speaker(text, found[1]) == expected


def test_impersonal_heisst_es_names_no_speaker(run):
    text = (
        "„Wir sind gesprächsbereit“, sagte Selenskyj. In diplomatischen Kreisen heißt es "
        "dagegen, die Unterhändler hätten die Europäer nicht informiert."
    )
    quotes = run(text)["quote"]
    assert quotes[-1]["cue"] == "heißt es"
    assert quotes[-1]["speaker"] is None


def test_das_berichtete_x_attributes_the_report_before_it(run):
    text = (
        "Am Montag wurde bekannt, dass Washington einen neuen Plan erwäge. "
        "Das berichtete die Agentur Newswire unter Berufung auf Diplomaten. "
        "Der Plan solle bis Freitag vorliegen und werde Kiew vorgelegt."
    )
    assert [s for _, s in _speakers(run, text)] == ["newswire", "newswire"]


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("Russland schließt einen Beitritt der Ukraine zur Nato kategorisch aus.", "Russland"),
        ("Der Präsident wiederholte seine Forderung nach Sicherheitsgarantien.", "Der Präsident"),
    ],
)
def test_ruling_out_and_repeating_a_demand_are_reported_speech(text, subject):
    f = only(text)
    assert (f.type, speaker(text, f)) == ("Reported", subject)


def test_english_said_with_a_bare_complement_clause():
    text = "Putin's foreign-policy adviser Yuri Ushakov said the talks had been useful."
    f = only(text, "en")
    assert (f.type, parts(text, f), speaker(text, f)) == (
        "Indirect",
        ["the talks had been useful"],
        "policy adviser Yuri Ushakov",
    )


def test_english_attribution_after_the_clause_with_the_subject_first():
    text = "No compromise was reached on territory, Ushakov told Russian media on Tuesday."
    f = only(text, "en")
    assert (f.type, speaker(text, f)) == ("Indirect", "Ushakov")


def test_english_speech_noun_after_of_is_no_cue():
    text = '"We made real progress," the secretary of state said afterwards.'
    assert only(text, "en").cue == "said"


def test_english_definite_description_and_declining_to_comment(run):
    text = (
        "Witkoff met Putin in Moscow on Tuesday. "
        '"We had a very good conversation," the American negotiator said afterwards. '
        "Ushakov declined to comment on the details."
    )
    quotes = run(text, lang="en")["quote"]
    assert [(q["mode"], q["speaker"]) for q in quotes] == [
        ("direct", "steve-witkoff"),
        ("reported", "yuri-ushakov"),
    ]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Ein Berater von Kremlchef Putin nannte die Gespräche nützlich.\n"
            "An dem Treffen nahmen auch Witkoff und Putins Berater Juri Uschakow teil.",
            "de",
        ),
        (
            "A Kremlin adviser called the talks useful.\n"
            "Witkoff and the Kremlin adviser Yuri Ushakov also attended the meeting.",
            "en",
        ),
    ],
)
def test_indefinite_role_in_a_lede_is_the_person_named_later_with_that_role(run, text, lang):
    assert _speakers(run, text, lang)[0][1] == "yuri-ushakov"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("According to the Kremlin, Putin told Witkoff that Russia was ready for a deal.", "en"),
        (
            "Laut Kreml sagte Putin dem Gesandten Witkoff, dass Russland zu einem Deal bereit sei.",
            "de",
        ),
    ],
)
def test_nested_report_is_the_innermost_speakers(text, lang):
    f = only(text, lang)
    assert speaker(text, f) == "Putin"


def test_konjunktiv_report_over_two_sentences_is_one_finding_but_two_records():
    text = (
        "Putin erklärte, er sei zu einer Waffenruhe bereit. Während der Waffenruhe dürfe die "
        "Ukraine keine Soldaten rekrutieren. Und der Westen dürfe keine Waffen liefern."
    )
    findings = find_quotes(text, "de")
    assert [len(f.spans) for f in findings] == [1, 2]
    records = extract_quotes(text, "a1", "de")
    assert [r.text for r in records[1:]] == [
        "Während der Waffenruhe dürfe die Ukraine keine Soldaten rekrutieren.",
        "Und der Westen dürfe keine Waffen liefern.",
    ]
    assert len(records) == 3


def test_advice_with_a_zu_infinitive_is_reported_content():
    text = "Am Dienstag hat Witkoff dem Russen geraten, ein Telefonat mit Trump zu vereinbaren."
    f = only(text)
    assert (parts(text, f), speaker(text, f)) == (
        ["ein Telefonat mit Trump zu vereinbaren"],
        "Witkoff",
    )


def test_declaring_oneself_ready_is_reported_speech():
    text = "Der Kremlchef erklärte sich grundsätzlich bereit zu einer Feuerpause im Energiesektor."
    f = only(text)
    assert (f.type, speaker(text, f)) == ("Reported", "Der Kremlchef")


def test_a_report_beside_a_quoted_fragment_is_kept():
    text = (
        "Das Abkommen wird als weiterer Krieg präsentiert, der „von Trump beendet“ wurde "
        "(er behauptet, es wäre bereits der achte)."
    )
    found = find_quotes(text, "de")
    # The bracketed verb speaks only inside the brackets: the fragment before them is the
    # writer's scare quote (GUIDELINES: not a quote), the aside a report of its own.
    assert [f.type for f in found] == ["Indirect"]
    assert parts(text, found[0])[0].startswith("es wäre bereits der achte")


def test_a_question_put_to_someone_is_not_their_report():
    text = "In einem Interview wurde Rubio gefragt, ob die Regierung sich sicher sei."
    assert find_quotes(text, "de") == []


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Die Kanzlerin deutete am Abend an, dass Berlin weitere Luftabwehr schicken könnte.",
            "dass Berlin weitere Luftabwehr schicken könnte",
        ),
        (
            "Der Präsident signalisierte, über eine Feuerpause verhandeln zu wollen.",
            "über eine Feuerpause verhandeln zu wollen",
        ),
    ],
)
def test_hinting_and_signalling_introduce_reported_content(text, content):
    f = only(text)
    assert parts(text, f) == [content]


@pytest.mark.parametrize(
    "sentence",
    [
        "Für die Regierung wäre es nur gut, wenn die Gespräche scheiterten.",
        "Selbst wenn der Minister zustimmen wollte, müsste er erst die Koalition überzeugen.",
    ],
)
def test_a_hypothetical_away_from_any_report_is_not_speech(sentence):
    text = "Die Lage an der Front ist ernst. Die Armee hat kaum Reserven. " + sentence
    assert find_quotes(text, "de") == []


def test_a_hypothetical_right_after_a_report_continues_it():
    text = (
        "Ein Diplomat sagte, die Regierung erwäge neue Zölle. "
        "Wenn man diesen Weg wählte, würde man auch die Partner um Unterstützung bitten."
    )
    found = find_quotes(text, "de")
    assert [(f.type, speaker(text, f)) for f in found] == [
        ("Indirect", "Ein Diplomat"),
        ("IndirectFreeIndirect", "Ein Diplomat"),
    ]


def test_a_second_verb_with_jedoch_shares_the_first_subject_and_its_object_is_the_report():
    text = (
        "Der Außenminister stimmte zu, dass über die Grenzfragen weiter beraten werden müsse, "
        "bekräftigte jedoch die Forderungen seiner Regierung nach Reparationen."
    )
    found = find_quotes(text, "de")
    assert [(f.type, speaker(text, f)) for f in found] == [
        ("Indirect", "Der Außenminister"),
        ("Reported", "Der Außenminister"),
    ]
    assert parts(text, found[1]) == ["die Forderungen seiner Regierung nach Reparationen"]


def test_a_relative_clause_closing_the_subject_is_not_the_quote():
    text = (
        "Die Opposition und unabhängige Juristen wie der Richterbund, der sich auf mehrere "
        "Gutachten beruft, kritisieren die geplante Justizreform."
    )
    f = only(text)
    assert f.type == "Reported"
    assert speaker(text, f).startswith("Die Opposition")


def test_possessive_source_phrase_before_nach_is_the_last_speaker():
    text = (
        "Der Minister sagte, die Lage sei ernst. "
        "Seinen Angaben nach wurde auch über neue Zölle verhandelt."
    )
    found = find_quotes(text, "de")
    assert [(parts(text, f), speaker(text, f)) for f in found] == [
        (["die Lage sei ernst"], "Der Minister"),
        (["wurde auch über neue Zölle verhandelt"], "Der Minister"),
    ]


@pytest.mark.parametrize(
    ("text", "content", "who"),
    [
        (
            "Am Montag weigerte sich der Sprecher, die Angriffe als Verbrechen zu bezeichnen.",
            "die Angriffe als Verbrechen zu bezeichnen",
            "der Sprecher",
        ),
        (
            "Die Ministerin vermied es, den Bericht zu kommentieren.",
            "den Bericht zu kommentieren",
            "Die Ministerin",
        ),
    ],
)
def test_refusing_to_say_something_is_reported_speech(text, content, who):
    f = only(text)
    assert (f.type, parts(text, f), speaker(text, f)) == ("Reported", [content], who)


def test_refusing_to_do_something_else_is_no_speech():
    assert find_quotes("Der Konzern weigerte sich, die Strafe zu bezahlen.", "de") == []


@pytest.mark.parametrize("link", ["to", "for"])
def test_an_unnamed_adviser_to_a_known_person_is_not_that_person(link):
    text = f"An aide {link} Macron said on Monday that France would send more jets."
    macron = SpeakerCandidate(text.index("Macron"), text.index(" said"), "emmanuel-macron")
    f = only(text, "en", speakers=[macron])
    assert speaker(text, f) == f"An aide {link} Macron"
    assert f.speaker is None


def test_a_named_minister_for_a_portfolio_keeps_the_name():
    text = "Foreign Minister Annalena Baerbock said that Berlin would host the talks."
    name = text.index("Annalena")
    baerbock = SpeakerCandidate(name, name + len("Annalena Baerbock"), "annalena-baerbock")
    f = only(text, "en", speakers=[baerbock])
    assert f.speaker == "annalena-baerbock"


def test_speech_under_a_konjunktiv_ii_modal_is_only_imagined():
    text = (
        "Sollte die Regierung den Vertrag kündigen, könnte sie sagen, dass die Klausel "
        "„nur für Friedenszeiten“ gegolten habe."
    )
    assert find_quotes(text, "de") == []


def test_scare_quotes_in_a_hypothetical_are_no_quotes():
    text = (
        "Die Börsen schlossen am Freitag leicht im Plus. Der Euro blieb stabil. "
        "Für die Anleger wäre das „eine Rückkehr zur alten Normalität“, weil die Zinsen "
        "sinken könnten."
    )
    assert find_quotes(text, "de") == []


@pytest.mark.parametrize(
    "text",
    [
        "Die Delegation beriet bis in die Nacht, wie man den Plan noch retten könne.",
        "Der Minister reiste nach Genf, um zu prüfen, ob Moskau zu Gesprächen bereit sei.",
        "Es fehlt der Mann, der unter normalen Umständen den Vertrag aushandeln würde.",
        "Die Ukraine erhielt anstelle einer Zusage nur eine vage Erklärung.",
    ],
)
def test_konjunktiv_in_a_subordinate_clause_alone_is_no_report(text):
    assert find_quotes(text, "de") == []


def test_konjunktiv_in_the_main_clause_still_continues_a_report():
    text = "Uschakow sagte, die Gespräche seien nützlich gewesen. Man werde weiter verhandeln."
    found = find_quotes(text, "de")
    assert [f.type for f in found] == ["Indirect", "IndirectFreeIndirect"]
    assert speaker(text, found[1]) == "Uschakow"


def test_a_cue_inside_brackets_does_not_attribute_a_scare_quote_outside():
    text = "Das Abkommen gilt als „großer Erfolg“ (der Präsident behauptet, es sei sein größter)."
    found = find_quotes(text, "de")
    assert [f.type for f in found] == ["Indirect"]
    assert "Erfolg" not in text[found[0].start : found[0].end]


def test_a_hypothetical_after_a_report_in_brackets_is_the_writers():
    text = (
        "Der Waffenstillstand wäre dann der neunte (er behauptet, es sei schon der achte). "
        "Für die Falken wäre das ein „Sieg“, weil man ihn als Schwäche verkaufen könnte."
    )
    found = find_quotes(text, "de")
    assert len(found) == 1 and "Falken" not in text[found[0].start : found[0].end]


def test_a_quoted_relative_clause_is_an_allusion_not_speech():
    text = "Der Hund, „der in jener Nacht nicht bellte“, fehlt auch in dieser Geschichte."
    assert find_quotes(text, "de") == []


@pytest.mark.parametrize(
    ("text", "content", "cue"),
    [
        (
            "Dabei gab Witkoff dem Berater Ratschläge, wie der Kreml den Präsidenten "
            "überzeugen könne.",
            "wie der Kreml den Präsidenten überzeugen könne",
            "gab Ratschläge",
        ),
        (
            "Die Ministerin richtete eine Warnung an Moskau, keine weiteren Städte anzugreifen "
            "und die Gespräche ernst zu nehmen.",
            "keine weiteren Städte anzugreifen und die Gespräche ernst zu nehmen",
            "richtete Warnung",
        ),
    ],
)
def test_a_speech_noun_with_its_content_clause_is_reported_speech(text, content, cue):
    f = only(text)
    assert (f.type, parts(text, f), f.cue) == ("Reported", [content], cue)


def test_a_speech_noun_clause_beside_a_direct_quote_is_kept():
    text = (
        "Dazu gibt Witkoff dem Berater Hinweise, wie Putin den Präsidenten gewinnen "
        "könne: „Ich würde ihn anrufen und ihm gratulieren.“"
    )
    found = find_quotes(text, "de")
    assert [f.type for f in found] == ["Reported", "Direct"]
    assert parts(text, found[0]) == ["wie Putin den Präsidenten gewinnen könne"]
    assert speaker(text, found[0]) == speaker(text, found[1]) == "Witkoff"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Kremlsprecher Dmitri Peskow lehnte es ab, die Gespräche in Genf zu kommentieren.",
            "die Gespräche in Genf zu kommentieren",
        ),
        (
            "Selenskyj lehnte es am Montag ab, den Entwurf zu kommentieren, und reiste "
            "weiter nach London.",
            "den Entwurf zu kommentieren",
        ),
    ],
)
def test_declining_to_comment_is_reported_with_the_infinitive_as_content(text, content):
    f = only(text)
    assert (f.type, parts(text, f), f.cue) == ("Reported", [content], "lehnte ab")


@pytest.mark.parametrize(
    ("text", "content", "who"),
    [
        (
            "Rubio said territorial questions would have to be part of any deal.",
            "territorial questions would have to be part of any deal",
            "Rubio",
        ),
        (
            "Ukraine said on Tuesday it was ready to accept a truce.",
            "it was ready to accept a truce",
            "Ukraine",
        ),
        (
            "A senator, Jane Doe, said any agreement would need the Senate's approval.",
            "any agreement would need the Senate's approval",
            "A senator, Jane Doe",
        ),
        (
            "Putin also said the talks had been useful.",
            "the talks had been useful",
            "Putin",
        ),
        (
            "European leaders, who were not part of the call, said they would keep up aid.",
            "they would keep up aid",
            "European leaders",
        ),
    ],
)
def test_english_complement_without_that(text, content, who):
    f = only(text, "en")
    assert (f.type, parts(text, f), speaker(text, f)) == ("Indirect", [content], who)


def test_english_said_with_only_an_adverbial_after_it_reports_nothing():
    assert find_quotes("The minister said little about the talks in Geneva.", "en") == []


@pytest.mark.parametrize(
    ("text", "first", "second", "lang"),
    [
        (
            "Speaking in Helsinki, Zelensky insisted that Ukraine must take part in any "
            "talks and said he would call Trump later.",
            "that Ukraine must take part in any talks",
            "he would call Trump later",
            "en",
        ),
        (
            "The spokesman, Dmitry Peskov, declined to comment on the meetings, saying he "
            "had nothing to add.",
            "The spokesman, Dmitry Peskov, declined to comment on the meetings",
            "he had nothing to add",
            "en",
        ),
        (
            "Moskau fordert, dass die Ukraine ihre Truppen abzieht, und lehnt die "
            "Stationierung fremder Soldaten strikt ab.",
            "dass die Ukraine ihre Truppen abzieht",
            "die Stationierung fremder Soldaten strikt",
            "de",
        ),
    ],
)
def test_a_second_speech_verb_with_the_subject_left_out_is_a_second_quote(
    text, first, second, lang
):
    found = find_quotes(text, lang)
    assert [parts(text, f)[0] for f in found] == [first, second]
    assert speaker(text, found[0]) == speaker(text, found[1])


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "Sensitive points, he said, would have to be settled in person.",
            "en",
            ["Sensitive points", "would have to be settled in person"],
        ),
        (
            "Die Gespräche, sagte Uschakow am Dienstag, seien sehr nützlich gewesen.",
            "de",
            ["Die Gespräche", "seien sehr nützlich gewesen"],
        ),
    ],
)
def test_an_attribution_inside_the_statement_splits_it(text, lang, expected):
    f = only(text, lang)
    assert (f.type, parts(text, f)) == ("Indirect", expected)


def test_a_nested_report_belongs_to_the_inner_speaker():
    text = "Putin also said Ukraine must not be allowed to rearm, the Kremlin said."
    assert speaker(text, only(text, "en")) == "Putin"


def test_describing_something_is_reported_speech():
    text = "Zelensky described the call as positive and frank."
    f = only(text, "en")
    assert (f.type, speaker(text, f)) == ("Reported", "Zelensky")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Waltz antwortete mit einem gequälten „Ha-ha“.", "de"),
        ('Asked about the plan, the adviser answered with a tired "Ha-ha".', "en"),
    ],
)
def test_a_one_word_answer_in_quotes_is_a_direct_quote(text, lang):
    f = only(text, lang)
    assert (f.type, f.cue) == ("Direct", "antwortete" if lang == "de" else "answered")


def test_a_one_word_scare_quote_after_another_verb_is_no_quote():
    text = "Der Minister sprach am Abend lange über den „Deal“ mit Moskau und reiste ab."
    assert all(f.type != "Direct" for f in find_quotes(text, "de"))


def test_a_fronted_wie_clause_names_the_source_of_the_main_clause():
    text = "Wie die Polizei am Montag mitteilte, wurde der Mann in seiner Wohnung festgenommen."
    f = only(text)
    assert (f.type, parts(text, f), speaker(text, f), f.cue) == (
        "Indirect",
        ["wurde der Mann in seiner Wohnung festgenommen"],
        "die Polizei",
        "mitteilte",
    )


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Die Grünen forderten die Regierung auf, den Ausbau der Bahn schneller voranzutreiben.",
            "den Ausbau der Bahn schneller voranzutreiben",
        ),
        ("Die Delegation kündigte am Abend an, das Treffen abzusagen.", "das Treffen abzusagen"),
    ],
)
def test_a_zu_infinitive_written_as_one_word_is_a_complement(text, content):
    f = only(text)
    assert (f.type, parts(text, f)) == ("Indirect", [content])


def test_a_source_noun_in_the_plural_names_a_source():
    text = "Nach ersten Untersuchungen liegt kein Fremdverschulden vor."
    f = only(text)
    assert (f.type, parts(text, f)) == ("Indirect", ["liegt kein Fremdverschulden vor"])


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("Augenzeugen berichteten am Abend von Explosionen im Hafen.", "Augenzeugen"),
        ("Eine Sprecherin der Polizei sprach von mehreren Verletzten.", "Eine Sprecherin"),
        ("Der Wetterdienst sagte für das Wochenende heftige Stürme voraus.", "Der Wetterdienst"),
    ],
)
def test_telling_about_something_and_predicting_are_reported_speech(text, who):
    f = only(text)
    assert f.type == "Reported" and speaker(text, f).startswith(who)


@pytest.mark.parametrize(
    "text",
    [
        "Die Astronauten sprachen sieben Minuten mit ihren Familien.",
        "Der Korrespondent berichtet seit 2020 für die Zeitung aus Washington.",
        "Putin droht Europa mit Krieg\nDer Kreml wies die Vorwürfe am Abend zurück.",
    ],
)
def test_talking_with_someone_a_byline_and_a_subheading_report_nothing(text):
    found = find_quotes(text, "de")
    assert not any(
        word in text[f.start : f.end] for f in found for word in ("sprachen", "seit", "droht")
    )


@pytest.mark.parametrize(
    "text",
    [
        "Die Rolle der Aufsicht soll demnach weiter gestärkt werden.",
        "Der Plan sehe demnach eine Waffenruhe von 30 Tagen vor.",
    ],
)
def test_a_hearsay_adverb_with_soll_or_konjunktiv_is_a_report(text):
    f = only(text)
    assert (f.type, f.cue) == ("Indirect", "demnach")


def test_a_hearsay_adverb_with_an_indicative_main_clause_is_the_writers():
    text = "Demnach hat der Gesandte beraten, wie man den Präsidenten überzeugen könne."
    assert find_quotes(text, "de") == []


def test_a_fronted_wie_clause_with_an_apposition():
    text = "Wie Anna Berg, Sprecherin der Behörde, in Bonn mitteilte, ist die Straße wieder frei."
    f = only(text)
    assert (parts(text, f), f.cue) == (["ist die Straße wieder frei"], "mitteilte")


@pytest.mark.parametrize(
    ("text", "who"),
    [
        (
            "Rustem Umerov, the secretary of the security council, said the delegations had "
            "reached an understanding.",
            "Rustem Umerov",
        ),
        (
            "Yuri Ushakov, Putin's foreign policy adviser, told reporters that the talks had "
            "been useful.",
            "Yuri Ushakov",
        ),
    ],
)
def test_an_english_speaker_described_between_commas(text, who):
    f = only(text, "en")
    assert (f.type, speaker(text, f)) == ("Indirect", who)


def test_an_english_verb_with_an_object_after_a_relative_clause_is_reported():
    text = (
        "Zelensky, who met the crown prince on Monday but skipped the talks, called the "
        "proposal a positive step."
    )
    f = only(text, "en")
    assert (f.type, speaker(text, f)) == ("Reported", "Zelensky")


@pytest.mark.parametrize(
    "text",
    [
        "Die Menschen forderten den Rücktritt der Regierung, um den Weg zu Neuwahlen freizumachen.",
        "Da ein Rückflug nicht möglich war, entschied sich der Pilot für Düsseldorf.",
        "Er hatte seinen Rücktritt bekannt gegeben, nachdem die Wahl zu einem Patt geführt hatte.",
    ],
)
def test_an_adverbial_clause_is_no_reported_content(text):
    for f in find_quotes(text, "de"):
        content = text[f.start : f.end]
        assert not content.startswith(("um ", "Da ", "nachdem "))
