"""The interest encoder's training parts (torch; skipped where it is not installed): a
candidate row's document offsets pool the right pieces of its sentence, and a few steps on
sentences of our own teach the stance head to tell a stated want from a fear and from an
act that states no interest."""

from __future__ import annotations

import numpy as np
import pytest

torch = pytest.importorskip("torch")

from realpolitik.extract.encoder.inputs import PARTS, encode  # noqa: E402
from realpolitik.training.interests import STANCES  # noqa: E402


def _row(text: str, at: int, holder: str | None, predicate: str, span: str, kind: str = "actor",
         stance: str | None = None) -> dict:
    """A candidate row as training.interest_model writes it, for `text` starting at `at`."""
    def where(words: str) -> list[int]:
        return [at + text.index(words), at + text.index(words) + len(words)]

    return {"subject": where(holder) if holder else None, "head": where(predicate), "span": where(span),
            "kind": kind, "y": stance, "skip": False}


def _pieces_of(pieces, pool: np.ndarray, part: str) -> list[int]:
    return [k for k in range(len(pieces.ids)) if pool[PARTS.index(part), k] > 0]


def test_a_rows_document_offsets_pool_the_pieces_of_its_own_sentence(minilm):
    from realpolitik.training.finetune_interests import row_inputs

    text = "Ghana wants fair access to vaccines for every country."
    pieces = encode(minilm.wordpiece, text)
    pool, flag = row_inputs(pieces, _row(text, 400, "Ghana", "wants", "fair access to vaccines for every country"), 400)
    words = [text[pieces.spans[k][0]:pieces.spans[k][1]] for k in range(len(pieces.ids))]
    assert {words[k] for k in _pieces_of(pieces, pool, "source")} == {"Ghana"}
    assert {words[k] for k in _pieces_of(pieces, pool, "trigger")} == {"wants"}
    assert {words[k] for k in _pieces_of(pieces, pool, "target")} == {"fair", "access", "to", "vaccines", "for",
                                                                       "every", "country"}
    assert flag == 1.0
    # the voice holds it: no holder pieces, and the flag says so
    pool, flag = row_inputs(pieces, _row(text, 400, None, "wants", "fair access", kind="voice"), 400)
    assert _pieces_of(pieces, pool, "source") == [] and flag == 0.0


# (sentence, holder, predicate, span, stance or None): written for this test
CASES = [
    ("Ghana wants fair access to vaccines for every country.", "Ghana", "wants", "fair access to vaccines", "wants"),
    ("Peru seeks a seat on the Security Council.", "Peru", "seeks", "a seat on the Security Council", "wants"),
    ("Fiji fears that rising seas will swallow its villages.", "Fiji", "fears",
     "that rising seas will swallow its villages", "fears"),
    ("Nepal is afraid of losing its glaciers.", "Nepal", "afraid", "of losing its glaciers", "fears"),
    ("Chile shipped copper to Korea last year.", "Chile", "shipped", "copper", None),
    ("Oman hosted the talks in its capital.", "Oman", "hosted", "the talks", None),
]


def test_a_few_steps_learn_the_stances_of_our_own_sentences(minilm, train_head):
    from realpolitik.training.finetune_events import SentenceExample, build_model
    from realpolitik.training.finetune_interests import row_inputs

    torch.manual_seed(0)
    data = []
    for text, *parts, stance in CASES:
        pieces = encode(minilm.wordpiece, text)
        pool, flag = row_inputs(pieces, _row(text, 0, *parts, stance=stance), 0)
        labels = np.array([[float(s == stance) for s in STANCES]], dtype=np.float32)
        data.append(SentenceExample((text, 0), pieces, [0], pool[None], np.array([flag], dtype=np.float32),
                                    labels, np.ones_like(labels)))
    model = build_model(minilm.weights, layers=1, dropout=0.0, outputs=len(STANCES))
    before, after, logits = train_head(model, data, 80)
    probs = torch.sigmoid(logits).numpy()
    assert after < before / 4
    for (text, *_, stance), row in zip(CASES, probs, strict=True):
        if stance is None:
            assert row.max() < 0.5, text
        else:
            assert STANCES[int(row.argmax())] == stance and row.max() >= 0.5, text
