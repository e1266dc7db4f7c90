"""The syntax layer on real sentences: who is subject, object, oblique or possessor."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

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


def _items(doc, tok):
    return [doc[first.i:last.i + 1].text for first, last in syntax.coordinated_items(tok)]


def test_a_list_splits_into_its_items_and_a_single_phrase_stays_whole(pipeline):
    doc = pipeline.nlp("Ghana seeks lasting peace, regional stability and the development of its northern districts.")
    peace = next(t for t in doc if t.lower_ == "peace")
    assert _items(doc, peace) == ["lasting peace", "regional stability", "the development of its northern districts"]
    doc = pipeline.nlp("Ghana seeks the development of its northern districts.")
    development = next(t for t in doc if t.lower_ == "development")
    assert _items(doc, development) == ["the development of its northern districts"]


def test_coordinated_clauses_split_too(pipeline):
    doc = pipeline.nlp("The council urged the rebels to release the hostages and to reopen the northern road.")
    release = next(t for t in doc if t.lemma_ == "release")
    assert _items(doc, release) == ["to release the hostages", "to reopen the northern road"]


def test_a_copulas_attribute_its_owner_and_a_clause_subject(pipeline):
    doc = pipeline.nlp("Clean water remains our top priority.")
    remains = next(t for t in doc if t.lemma_ == "remain")
    attribute = syntax.attribute_of(remains)
    assert attribute is not None and attribute.lemma_ == "priority"
    assert syntax.possessor_in(attribute).lower_ == "our"
    assert syntax.clause_subject(remains).lower_ == "water"
    doc = pipeline.nlp("Release the hostages now.")
    assert syntax.clause_subject(next(t for t in doc if t.lemma_ == "release")) is None


def _clause(doc, word: str) -> str:
    start, end = syntax.coordinated_clause_chars(next(t for t in doc if t.text == word))
    return doc.text[start:end]


def test_coordinated_clauses_with_their_own_subjects_are_separate_statements(pipeline):
    doc = pipeline.nlp("Peru demanded an apology from the embassy, and Ecuador said it would study the request.")
    assert _clause(doc, "apology") == "Peru demanded an apology from the embassy"
    assert _clause(doc, "study") == "Ecuador said it would study the request"


def test_a_shared_subject_keeps_the_sentence_whole(pipeline):
    text = "Japan wants calm in the strait and will keep working with its partners."
    doc = pipeline.nlp(text)
    assert _clause(doc, "partners") == _clause(doc, "calm") == text


def _prescribed(doc, lemma):
    from realpolitik.extract.interest_model.candidates import prescriptions

    cues = prescriptions()
    tok = next(t for t in doc if t.lemma_ == lemma)
    return syntax.prescribed_clause(tok, cues.modals, cues.verbs, cues.frames)


def test_a_prescribed_act_is_told_from_a_described_one(pipeline):
    # a deontic modal, a necessity verb with a to-infinitive, an it-is-necessary frame
    must = pipeline.nlp("The Security Council must send observers before the rainy season.")
    assert _prescribed(must, "send").lemma_ == "send"
    needs = pipeline.nlp("The donor conference needs to be reconvened within a year.")
    assert _prescribed(needs, "reconvene").lemma_ == "need"
    has_to = pipeline.nlp("Therefore, the regional bloc has to double its funding for the mission.")
    assert _prescribed(has_to, "double").lemma_ == "have"
    time = pipeline.nlp("It is time for both governments to reopen the border crossing.")
    assert _prescribed(time, "reopen").lemma_ == "be"
    important = pipeline.nlp("It is important for the river states to share their flood data.")
    assert _prescribed(important, "share").lemma_ == "be"
    # what only describes, predicts or reports an ability is no prescription
    for text, lemma in (("The Security Council met on Tuesday and will send observers soon.", "send"),
                        ("The donor conference needs more money.", "need"),
                        ("It is likely that both governments will reopen the border.", "reopen")):
        assert _prescribed(pipeline.nlp(text), lemma) is None, text


def test_whose_words_a_prescription_reports(pipeline):
    doc = pipeline.nlp("Peru's foreign minister said Bolivia should reopen the port and pay the fees.")
    clause = _prescribed(doc, "pay")
    assert clause.lemma_ == "reopen" and syntax.reporting_subject(clause).lemma_ == "minister"
    own = pipeline.nlp("The Security Council must send observers.")
    assert syntax.reporting_subject(_prescribed(own, "send")) is None


SOURCE = Path(syntax.__file__).resolve().parents[1]


def _label_reads(path: Path) -> list[int]:
    """Lines of a module that read a token's dependency label (`.dep_` or `.dep`)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [node.lineno for node in ast.walk(tree) if isinstance(node, ast.Attribute) and node.attr in ("dep_", "dep")]


def test_no_module_but_the_syntax_layer_reads_a_dependency_label():
    reads = {str(p.relative_to(SOURCE)): lines for p in sorted(SOURCE.rglob("*.py"))
             if p != Path(syntax.__file__).resolve() and (lines := _label_reads(p))}
    assert reads == {}
    assert _label_reads(Path(syntax.__file__))  # the check itself sees a label read where there is one


def test_every_label_the_parser_gives_has_a_name(pipeline):
    named = set().union(*syntax.RELATIONS.values())
    assert set(pipeline.nlp.get_pipe("parser").labels) <= named


def test_relations_by_name_and_the_accessors(pipeline):
    doc = pipeline.nlp("Beijing agreed on Friday to send grain to Pyongyang, and Seoul did not object.")
    agreed = next(t for t in doc if t.lemma_ == "agree")
    send = next(t for t in doc if t.lemma_ == "send")
    objected = next(t for t in doc if t.lemma_ == "object")
    assert syntax.dependents(agreed, syntax.OPEN_COMPLEMENT) == [send]
    assert syntax.is_to_infinitive(send) and not syntax.is_to_infinitive(agreed)
    assert syntax.first_dependent(agreed, syntax.NOMINAL_SUBJECT).text == "Beijing"
    assert syntax.first_dependent(send, syntax.NOMINAL_SUBJECT) is None
    assert syntax.has_dependent(objected, syntax.NEGATION) and not syntax.has_dependent(agreed, syntax.NEGATION)
    grain = next(t for t in doc if t.text == "grain")
    assert syntax.attached_as(grain, syntax.DIRECT_OBJECT)
    assert syntax.attached_as(grain, syntax.NOMINAL_SUBJECT, syntax.DIRECT_OBJECT)
    assert not syntax.attached_as(grain, syntax.PREPOSITION_OBJECT)
    assert syntax.label_in(syntax.relation_label(grain), syntax.OBJECT)
    assert syntax.relation_named(" Direct_Object") is syntax.DIRECT_OBJECT
    with pytest.raises(KeyError):
        syntax.relation_named("dobj")   # a knowledge file names relations, not labels
