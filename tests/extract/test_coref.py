

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
