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


def test_subject_with_selbst_or_himself_is_the_speaker(run_case):
    de = (
        "Witkoff reiste am Montag nach Moskau. Trump selbst sagte vor Reportern, er wolle "
        "Putin erst treffen, wenn ein Abkommen unterschriftsreif sei."
    )
    assert [s for _, s in _quotes(run_case(de, lang="de"))] == ["donald-trump"]
    en = (
        "Witkoff flew to Moscow on Monday. Trump himself told reporters that he would meet "
        "Putin only once a deal was ready to sign."
    )
    assert [s for _, s in _quotes(run_case(en))] == ["donald-trump"]


def test_unnamed_official_speaks_for_nobody_named(run_case):
    text = (
        "Die nächste Gesprächsrunde solle in Genf stattfinden, sagte ein "
        "US-Regierungsvertreter. Die Stimmung sei sachlich gewesen."
    )
    assert [s for _, s in _quotes(run_case(text, lang="de"))] == [None, None]


def test_the_statement_said_does_not_point_back_to_a_person(run_case):
    text = (
        "Trump praised the talks in Jeddah. Both delegations also agreed to meet again "
        "within a month, the statement said."
    )
    assert _quotes(run_case(text))[-1] == (
        "Both delegations also agreed to meet again within a month",
        None,
    )


def test_name_before_a_relative_clause_speaks_after_an_adverb(run_case):
    text = (
        "Dmitriev, who has for years promoted Russian-American business ventures, later "
        'posted on X that "common sense will win".'
    )
    assert _quotes(run_case(text)) == [('"common sense will win"', "kirill-dmitriev")]


def test_pronoun_after_a_colon_frame_is_the_frames_subject(run_case):
    text = (
        "Kremlsprecher Dmitri Peskow sagte, man sei enttäuscht. Auch Ungarns Regierungschef "
        "Viktor Orbán, der die Gespräche ausrichten wollte, blieb ruhig: Budapest stehe "
        "weiter als Gastgeber bereit, schrieb er auf Facebook."
    )
    assert _quotes(run_case(text, lang="de"))[-1] == (
        "Budapest stehe weiter als Gastgeber bereit",
        "viktor-orban",
    )


def test_reported_verb_under_a_konjunktiv_auxiliary_continues_the_speaker(run_case):
    text = (
        "„Wir haben uns auf einen weiteren Austausch verständigt“, sagte Umerow. "
        "Eine Feuerpause habe Russland erneut abgelehnt, ebenso ein Gipfeltreffen."
    )
    assert _quotes(run_case(text, lang="de"))[-1] == (
        "Eine Feuerpause habe Russland erneut abgelehnt, ebenso ein Gipfeltreffen.",
        "rustem-umerov",
    )


def test_konjunktiv_after_a_ceasefire_named_with_nach_is_no_source_phrase(run_case):
    text = (
        "Das Abkommen sei „fast fertig“, sagte Selenskyj am Donnerstag. Washington habe Kiew "
        "Garantien für die Zeit nach einem Waffenstillstand zugesagt."
    )
    assert _quotes(run_case(text, lang="de"))[-1] == (
        "Washington habe Kiew Garantien für die Zeit nach einem Waffenstillstand zugesagt.",
        "volodymyr-zelensky",
    )


def test_unnamed_source_passing_on_an_actors_demand_gives_the_actor(run_case):
    text = (
        "Nach Berichten ukrainischer Medien fordert Moskau in dem Papier den Rückzug aus "
        "Saporischschja. Eine Feuerpause gebe es erst danach."
    )
    assert [s for _, s in _quotes(run_case(text, lang="de"))] == ["russia", "russia"]


def test_possessor_and_adjective_before_the_named_speaker(run_case):
    text = "Putins diplomatischer Berater Juri Uschakow nannte das Telefonat »offen und sachlich«."
    assert _quotes(run_case(text, lang="de")) == [("»offen und sachlich«", "yuri-ushakov")]


def test_source_compound_before_a_von_phrase_names_the_source(run_case):
    text = "Die Initiative ging nach Kremlangaben von russischer Seite aus."
    assert [s for _, s in _quotes(run_case(text, lang="de"))] == ["russia"]


def test_several_speakers_at_once_are_a_collective_source(run_case):
    text = (
        "Berlin and Paris argued that a truce had to come first, diplomats said. "
        "Ushakov and Dmitriev said the talks had been useful."
    )
    assert [s for _, s in _quotes(run_case(text))] == [None, None]


def test_relative_clause_after_a_name_given_is_no_second_report(run_case):
    text = (
        "Kremlchef Wladimir Putin hatte die Zölle am Montag einen feindseligen Schritt "
        "genannt, der Russland aber kaum treffen werde."
    )
    quotes = run_case(text, lang="de")["quote"]
    assert [(q["mode"], q["speaker"]) for q in quotes] == [("reported", "vladimir-putin")]
    assert "einen feindseligen Schritt" in quotes[0]["text"]


def test_a_leaders_office_speaks_for_the_state(run_case):
    text = (
        "Merz's office said on Monday that any ceasefire line had to be monitored. "
        "British Prime Minister Keir Starmer will host European leaders on Sunday, "
        "his office said."
    )
    assert [s for _, s in _quotes(run_case(text))] == ["germany", "united-kingdom"]


def test_closing_hiess_es_aus_names_the_source(run_case):
    text = (
        "Finanzminister Scott Bessent nannte die Reise „Propaganda“. Die neuen Zölle "
        "sollten Moskau zum Einlenken bewegen, hieß es aus seinem Haus. Die Gespräche "
        "seien sachlich verlaufen, hieß es aus dem Kreml."
    )
    assert _quotes(run_case(text, lang="de"))[1:] == [
        ("Die neuen Zölle sollten Moskau zum Einlenken bewegen", "united-states"),
        ("Die Gespräche seien sachlich verlaufen", "russia"),
    ]


def test_fronted_object_with_a_zu_infinitive_leaves_the_subject_after_the_verb(run_case):
    text = (
        "Die Forderung, die Armee drastisch zu verkleinern, lehnte Selenskyj am Mittwoch erneut ab."
    )
    assert [s for _, s in _quotes(run_case(text, lang="de"))] == ["volodymyr-zelensky"]


def test_two_main_clauses_with_their_own_speakers_are_read_apart(run_case):
    text = (
        "Trump has threatened new tariffs on buyers of Russian oil if no truce is agreed, "
        "and a White House official said the measures were ready."
    )
    assert [(q["mode"], q["speaker"]) for q in run_case(text)["quote"]] == [
        ("reported", "donald-trump"),
        ("indirect", None),
    ]


def test_inner_attribution_then_but_he_cautioned(run_case):
    text = (
        "The remaining gaps were small, Rubio said, but he cautioned that Moscow still had "
        "to agree."
    )
    assert _quotes(run_case(text)) == [
        ("The remaining gaps were small", "marco-rubio"),
        ("that Moscow still had to agree", "marco-rubio"),
    ]


def test_that_of_a_relative_clause_is_no_complementizer(run_case):
    text = "European officials said they would reject any plan that rewarded aggression."
    assert _quotes(run_case(text)) == [
        ("they would reject any plan that rewarded aggression", None)
    ]


def test_so_called_is_no_verb_of_saying(run_case):
    text = "The so-called coalition of the willing met in Paris on Tuesday."
    assert run_case(text)["quote"] == []


def test_closing_attribution_followed_by_a_time_adjunct(run_case):
    text = (
        "A meeting of the two presidents is being prepared, the Kremlin said on Thursday, "
        "a day after the envoy left Moscow."
    )
    assert _quotes(run_case(text)) == [
        ("A meeting of the two presidents is being prepared", "russia")
    ]


def test_a_list_of_leaders_is_a_collective_source(run_case):
    text = (
        "In einem gemeinsamen Brief forderten Bundeskanzler Friedrich Merz, Frankreichs "
        "Präsident Emmanuel Macron und weitere Regierungschefs am Montag eine Waffenruhe. "
        "Kremlsprecher Dmitri Peskow, der Sprecher Putins, sagte, man prüfe den Brief."
    )
    assert [s for _, s in _quotes(run_case(text, lang="de"))] == [None, "dmitry-peskov"]


def test_who_said_after_a_source_is_a_second_statement(run_case):
    text = (
        "Trump spoke to Putin for two hours. Both men wanted a quick deal, according to "
        "Trump, who said he had since called several European leaders."
    )
    assert _quotes(run_case(text)) == [
        ("Both men wanted a quick deal", "donald-trump"),
        ("he had since called several European leaders", "donald-trump"),
    ]


def test_participle_with_a_passive_auxiliary_after_it_is_no_report(run_case):
    text = (
        "Einen Verzicht auf die Nato nenne der Entwurf nicht mehr, sagte Selenskyj. "
        "Im ersten Papier war er noch gefordert worden."
    )
    assert [s for _, s in _quotes(run_case(text, lang="de"))] == ["volodymyr-zelensky"]


def test_unnamed_source_around_told_gives_the_inner_speaker(run_case):
    text = "According to a senior official, Trump then told the delegation to leave."
    assert [s for _, s in _quotes(run_case(text))] == ["donald-trump"]


def test_question_quote_then_the_name_that_answers(run_case):
    text = (
        "Zelensky asked what kind of deal he meant, reminding them that Putin had broken a "
        'truce before. "Have you thanked us even once?" Vance shot back.'
    )
    assert _quotes(run_case(text)) == [
        ("that Putin had broken a truce before", "volodymyr-zelensky"),
        ('"Have you thanked us even once?"', "jd-vance"),
    ]


def test_reported_object_then_a_konjunktiv_statement_after_a_colon(run_case):
    text = (
        "Selenskyj nannte den Entwurf ein „Diktat“ und kritisierte den Vorschlag einer "
        "kurzen Waffenruhe: Damit wolle Moskau nur seine Truppen neu ordnen."
    )
    quotes = [(q["mode"], q["text"], q["speaker"]) for q in run_case(text, lang="de")["quote"]]
    assert quotes[-2:] == [
        ("reported", "den Vorschlag einer kurzen Waffenruhe", "volodymyr-zelensky"),
        ("indirect", "Damit wolle Moskau nur seine Truppen neu ordnen", "volodymyr-zelensky"),
    ]


def test_thanked_is_a_speech_act_before_and_said(run_case):
    text = (
        "Zelensky thanked the European leaders in his nightly address and said Ukraine "
        "would never give up Crimea."
    )
    assert [(q["mode"], q["speaker"]) for q in run_case(text)["quote"]] == [
        ("reported", "volodymyr-zelensky"),
        ("indirect", "volodymyr-zelensky"),
    ]


def test_plural_pronoun_after_a_collective_source_stays_collective(run_case):
    text = (
        "In einem Brief forderten Bundeskanzler Friedrich Merz, Frankreichs Präsident "
        "Emmanuel Macron und weitere Regierungschefs eine Waffenruhe. Gebietsabtretungen "
        "als Vorbedingung lehnen sie ab."
    )
    assert [s for _, s in _quotes(run_case(text, lang="de"))] == [None, None]


def test_declining_to_comment_is_a_reported_speech_act(run_case):
    text = (
        "Dmitrijew sprach nach dem Treffen von guten Gesprächen. Zu den Einzelheiten "
        "wollte er sich nicht äußern."
    )
    assert _quotes(run_case(text, lang="de"))[-1] == ("Zu den Einzelheiten", "kirill-dmitriev")


def test_an_ing_form_right_after_a_noun_is_no_verb_of_saying(run_case):
    text = "Hours later Trump signed an order adding new tariffs on goods from India."
    assert run_case(text)["quote"] == []
    text = "Rubio praised the talks, adding that the gaps were small."
    assert _quotes(run_case(text))[-1] == ("that the gaps were small", "marco-rubio")
