"""The syntax layer on real sentences: who is subject, object, oblique or possessor."""

from __future__ import annotations

from realpolitik.extract import syntax


def _span(doc, text):
    start = doc.text.index(text)
    span = doc.char_span(start, start + len(text))
    return span.start, span.end


def test_subject_object_and_oblique(pipeline):
    doc = pipeline.nlp("Japan urged China on Tuesday to talk with the Philippines about the reef.")
    japan = syntax.role_of(doc, *_span(doc, "Japan"))
    china = syntax.role_of(doc, *_span(doc, "China"))
    manila = syntax.role_of(doc, *_span(doc, "the Philippines"))
    assert japan.role == "subject" and doc[japan.predicate].lemma_ == "urge"
    assert china.role == "object" and china.predicate == japan.predicate
    assert manila.role == "oblique" and manila.prep == "with" and doc[manila.predicate].lemma_ == "talk"


def test_possessor_and_coordinated_subjects(pipeline):
    doc = pipeline.nlp("Kenya and Somalia condemned Russia's invasion of Ukraine.")
    somalia = syntax.role_of(doc, *_span(doc, "Somalia"))
    russia = syntax.role_of(doc, *_span(doc, "Russia"))
    assert somalia.role == "subject"
    assert russia.role == "possessor" and doc[russia.owner].lemma_ == "invasion"


def test_negation_and_modals(pipeline):
    doc = pipeline.nlp("Seoul would not send troops, and Tokyo did not protest.")
    send = next(t for t in doc if t.lemma_ == "send")
    protest = next(t for t in doc if t.lemma_ == "protest")
    assert syntax.modal_of(send) == "would" and syntax.is_negated(send)
    assert syntax.is_negated(protest) and syntax.modal_of(protest) is None
