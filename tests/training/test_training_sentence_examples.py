"""How the encoder trainers group their rows into encoder inputs: by sentence, or, for a row
that names a unit (its coordinated clause), by that stretch of its sentence, encoded from the
corpus text with the row's offsets measured from where that text starts."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest

from realpolitik.training import corpus, finetune_events
from realpolitik.training.finetune_events import sentence_examples

# written for this test
FIRST = "The envoys met in La Paz on Monday."
SECOND = "Bolivia demanded that the envoy leave, and Chile said it would review the case."
TEXT = f"{FIRST} {SECOND}"


@pytest.fixture
def wordpiece():
    from realpolitik.extract.word_vectors import shipped

    vectors = shipped()
    if vectors is None:
        pytest.skip("word_vectors.npz is not installed")
    return vectors.wordpiece


def _chars(words: str) -> list[int]:
    return [TEXT.index(words), TEXT.index(words) + len(words)]


def test_a_rows_unit_is_encoded_on_its_own(monkeypatch, wordpiece):
    monkeypatch.setattr(corpus, "get", lambda doc_id: SimpleNamespace(text=TEXT))
    sentences = {"d": [(0, len(FIRST)), (len(FIRST) + 1, len(TEXT))]}
    rows = [{"doc": "d", "sentence": 1, "unit": _chars("Bolivia demanded that the envoy leave")},
            {"doc": "d", "sentence": 1, "unit": _chars("Chile said it would review the case")},
            {"doc": "d", "sentence": 1, "unit": _chars("Chile said it would review the case")},
            {"doc": "d", "sentence": 1}]   # no unit: the whole sentence
    seen = []

    def row_inputs(row, text, start, pieces):
        seen.append((text, start))
        return np.zeros((5, len(pieces.ids)), dtype=np.float32), 0.0, [0.0], [1.0]

    examples = sentence_examples(rows, sentences, wordpiece, 126, row_inputs)
    assert [e.rows for e in examples] == [[0], [1, 2], [3]]
    assert seen[0] == ("Bolivia demanded that the envoy leave", TEXT.index("Bolivia"))
    assert seen[1] == seen[2] == ("Chile said it would review the case", TEXT.index("Chile"))
    assert seen[3] == (SECOND, len(FIRST) + 1)
    chile = examples[1].pieces
    assert len(chile.ids) < len(examples[2].pieces.ids)   # the clause alone, not the sentence


def test_an_event_pair_pools_its_mentions_within_its_clause(monkeypatch, wordpiece):
    """A pair row's spans are within its sentence; read in its clause, they are shifted to
    where the clause starts, so its source pools "Chile" and its trigger "said"."""
    monkeypatch.setattr(corpus, "get", lambda doc_id: SimpleNamespace(text=TEXT))
    start = len(FIRST) + 1
    monkeypatch.setattr(finetune_events, "load", lambda: [SimpleNamespace(doc="d", sentences=[(0, len(FIRST)), (start, len(TEXT))])])
    chile = _chars("Chile")
    row = {"doc": "d", "sentence": 1, "spans": [[chile[0] - start, chile[1] - start]], "trigger": TEXT.index("said"),
           "unit": _chars("Chile said it would review the case"), "y": ["AGREE"], "skip": []}
    (example,) = finetune_events.examples([row], wordpiece, 126)
    clause = "Chile said it would review the case"

    def pooled(part: int) -> set[str]:
        return {clause[slice(*example.pieces.spans[k])] for k in np.flatnonzero(example.pools[0, part])}

    assert pooled(1) == {"Chile"} and pooled(3) == {"said"}   # source, trigger (inputs.PARTS)
    assert example.has_target.tolist() == [0.0]


def test_a_rows_source_target_and_trigger_are_read_within_its_unit():
    """The spans of a pair row are kept within its sentence; the text read may start later."""
    start = len(FIRST) + 1
    bolivia, envoy = _chars("Bolivia"), _chars("the envoy")
    row = {"spans": [[bolivia[0] - start, bolivia[1] - start], [envoy[0] - start, envoy[1] - start]],
           "trigger": TEXT.index("demanded")}
    clause = "Bolivia demanded that the envoy leave"
    source, target, trigger = finetune_events.row_spans(row, clause, TEXT.index(clause), start)
    assert (clause[slice(*source)], clause[slice(*target)], clause[slice(*trigger)]) == ("Bolivia", "the envoy", "demanded")
    _, no_target, _ = finetune_events.row_spans({**row, "spans": row["spans"][:1]}, clause, TEXT.index(clause), start)
    assert no_target is None
