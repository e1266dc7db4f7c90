

def test_an_unquoted_we_is_the_documents_voice(pipeline):
    from realpolitik.schema import Document, content_id

    text = ("We condemn the missile launch and call on the DPRK to return to talks. "
            "My country stands with Japan. \"We will answer,\" said the Russian envoy.")
    analysis = next(iter(pipeline.analyze_documents(
        [Document(id=content_id(text), text=text, published="2023-09-20", metadata={"country_iso3": "KOR"})])))
    kor = next(a for a in analysis.actors if a.id == "KOR")
    said = {m.text for m in kor.mentions}
    assert {"We", "My country"} <= said
    # the quoted "We" belongs to the speaker of the quotation, not to the document's voice
    assert sum(1 for m in kor.mentions if m.text == "We") == 1


def test_without_a_voice_an_unquoted_we_stays_unresolved(pipeline):
    from realpolitik.schema import Document, content_id

    text = "We condemn the missile launch."
    analysis = next(iter(pipeline.analyze_documents([Document(id=content_id(text), text=text)])))
    assert not any(m.text == "We" for a in analysis.actors for m in a.mentions)


def _analyse(pipeline, text: str, metadata: dict):
    from realpolitik.schema import Document, content_id

    return next(iter(pipeline.analyze_documents(
        [Document(id=content_id(text), text=text, published="2022-05-10", metadata=metadata)])))


def _said_by(analysis, actor_id: str) -> list[str]:
    return [m.text for a in analysis.actors if a.id == actor_id for m in a.mentions]


def test_in_a_transcript_each_turn_speaks_for_its_speaker(pipeline):
    text = ("Office of the Spokesperson\n\n"
            "SECRETARY BLINKEN: Welcome to Washington. We are glad to host you, and I look forward "
            "to our talks on energy.\n\n"
            "FOREIGN MINISTER BAERBOCK: Thank you. We came to deepen our cooperation, and I thank you "
            "for your support.\n\n"
            "QUESTION: Will you announce new aid today?\n")
    analysis = _analyse(pipeline, text, {"voice": "USA"})
    usa, deu = _said_by(analysis, "USA"), _said_by(analysis, "DEU")
    # the host's turn: "We", "I" are the United States, the guest's "you" Germany
    assert usa.count("We") == 1 and usa.count("I") == 1
    assert deu.count("We") == 1 and deu.count("I") == 1
    assert deu.count("you") == 1
    assert usa.count("you") == 2 and usa.count("your") == 1   # "Thank you", "I thank you"
    # a journalist's "you" is whoever answers: no one's
    assert usa.count("you") + deu.count("you") == 3


def test_a_titled_speaker_the_gazetteer_lacks_speaks_for_the_state_the_release_names(pipeline):
    text = ("SECRETARY BLINKEN: It is good to see you again. The United States and Peru share a "
            "long friendship, and Peru has been a steady partner.\n\n"
            "FOREIGN MINISTER QUISPE: We thank you for the invitation.\n")
    analysis = _analyse(pipeline, text, {"voice": "USA"})
    assert "We" in _said_by(analysis, "PER")
    assert "you" in _said_by(analysis, "USA") and "you" in _said_by(analysis, "PER")


def test_an_unknown_speaker_without_a_title_keeps_the_documents_voice(pipeline):
    text = ("MS HALVORSEN: Welcome, Mr. Secretary. We have worked hard to help evacuees.\n\n"
            "SECRETARY BLINKEN: Thank you all.\n")
    analysis = _analyse(pipeline, text, {"voice": "USA"})
    assert "We" in _said_by(analysis, "USA")


def test_a_joint_statement_of_a_forum_speaks_as_the_forum(pipeline):
    text = ("The following statement was released by the G7 foreign ministers.\n\n"
            "We, the G7 foreign ministers, condemn the missile test. We call on the DPRK to return to talks.")
    analysis = _analyse(pipeline, text, {"voice": "USA"})
    assert _said_by(analysis, "G7").count("We") == 2
    assert "We" not in _said_by(analysis, "USA")


def test_you_in_a_message_is_the_state_it_addresses(pipeline):
    text = ("On behalf of the United States, I congratulate the people of Chile on their national day. "
            "Chile is a close partner, and Chile and the United States trade a great deal. "
            "We stand with you as you build a greener economy.")
    analysis = _analyse(pipeline, text, {"voice": "USA"})
    assert _said_by(analysis, "CHL").count("you") == 2


def test_you_in_a_general_assembly_speech_is_its_president(pipeline):
    text = ("Mr. President,\nI congratulate you on your election to preside over the General Assembly. "
            "We pledge our support to you.")
    analysis = _analyse(pipeline, text, {"country_iso3": "FJI"})
    assert _said_by(analysis, "UN").count("you") == 2
    assert "We" in _said_by(analysis, "FJI")


def test_the_group_after_an_armed_movement_is_that_movement(pipeline):
    analysis = _analyse(pipeline, "Hamas fired rockets at Ashkelon overnight. The group said it targeted a base.",
                        {})
    assert "group" in _said_by(analysis, "HAMAS")


def test_a_quoted_i_is_the_speaker_and_an_unattributed_quote_continues_the_last(pipeline):
    text = ('"I will not sign this deal," Finance Minister Ilse Varga of Hungary said on Monday. '
            '"We expect Brussels to return to the table."')
    analysis = _analyse(pipeline, text, {})
    speaker = next(a for a in analysis.actors if a.name == "Ilse Varga")
    said = [m.text for m in speaker.mentions]
    assert "I" in said and "We" in said
    assert speaker.country == "HUN"
