"""The event corpus: splits fixed by document, offsets that point at what annotators quoted,
and every PLOVER type represented."""

from __future__ import annotations

from collections import Counter

import pytest

from realpolitik.training import corpus
from realpolitik.training.agreement import f1
from realpolitik.training.annotations import TYPES, load, split_of


def test_split_depends_on_the_document_alone():
    assert split_of("statedept-245386") == split_of("statedept-245386")
    shares = Counter(split_of(f"doc-{i}") for i in range(3000))
    assert 0.6 < shares["train"] / 3000 < 0.8 and shares["dev"] > 300 and shares["test"] > 300


def test_documents_written_after_the_splits_train_only():
    # ids that hash into dev and test as "own-…" ids stay in train as "wire-…" ids
    hashed = {split_of(f"own-{i:03d}") for i in range(200)}
    assert hashed == {"train", "dev", "test"}
    assert {split_of(f"wire-{i:03d}") for i in range(200)} == {"train"}


def test_the_corpus_is_big_enough_and_covers_every_type():
    docs = list(load())
    assert sum(len(d.sentences) for d in docs) >= 4000
    types = Counter(e.type for d in docs for e in d.events)
    assert sum(types.values()) >= 2500
    assert set(types) == set(TYPES)
    # every sentence index an event names exists in its document
    assert all(0 <= e.sentence < len(d.sentences) for d in docs for e in d.events)


def test_agreement_f1_is_symmetric_and_bounded():
    a, b = Counter({"x": 2, "y": 1}), Counter({"x": 1, "z": 1})
    assert f1(a, b) == f1(b, a) == pytest.approx(2 * 1 / 5)
    assert f1(Counter(), Counter()) == 1.0


@pytest.mark.skipif(not corpus.available(), reason="the shared corpora (../shared/data) are not on this machine")
def test_offsets_point_at_words_inside_their_sentences():
    checked = 0
    for doc in load():
        text = corpus.get(doc.doc).text
        for e in doc.events:
            for m in (*e.source, *e.target):
                span = text[m.start:m.end]
                assert span.strip() == span and any(ch.isalnum() for ch in span), (doc.doc, m, span)
                start, end = doc.sentences[e.sentence]
                assert start <= m.start and m.end <= end
                checked += 1
    assert checked > 3000


def test_the_held_rounds_point_into_our_own_documents_and_stay_out_of_training():
    # the session-14 news-wire rounds are read from events/held only when asked for: their
    # texts are ours (always in the repository), every offset lands on words of its sentence,
    # and none of them is in the corpus load() gives training and evaluation
    from realpolitik.training.annotations import EVENTS_DIR

    held = list(load(EVENTS_DIR / "held"))
    assert len(held) == 128 and {d.doc[:5] for d in held} == {"wire-"} and {d.split for d in held} == {"train"}
    checked = 0
    for doc in held:
        text = corpus.get(doc.doc).text
        for e in doc.events:
            start, end = doc.sentences[e.sentence]
            for m in (*e.source, *e.target):
                assert start <= m.start < m.end <= end and text[m.start:m.end].strip(), (doc.doc, m)
                checked += 1
            assert e.trigger is None or start <= e.trigger[0] < e.trigger[1] <= end
    assert checked > 2000
    assert not {d.doc for d in held} & {d.doc for d in load()}


def test_the_repository_keeps_no_corpus_text():
    import json

    from realpolitik.training.corpus import REPO

    for path in (REPO / "data" / "annotations").rglob("*.jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            assert '"text"' not in line, path
            json.loads(line)
