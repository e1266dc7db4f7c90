"""The fine-tuned encoder coder's training parts (torch; skipped where it is not installed):
the torch encoder computes what the NumPy MiniLM computes, and a few steps on sentences of
our own teach the pair head to tell an attack from a meeting."""

from __future__ import annotations

import random

import numpy as np
import pytest

torch = pytest.importorskip("torch")

from realpolitik.extract.encoder.inputs import encode, pool_weights, word_at  # noqa: E402
from realpolitik.training.annotations import TYPES  # noqa: E402


def test_torch_encoder_matches_the_numpy_minilm(minilm):
    from realpolitik.training.finetune_events import build_model

    text = "Seoul and Tokyo agreed to share intelligence on missile launches."
    ids = np.array([minilm.encode(text)])
    mask = np.ones(ids.shape, dtype=np.float32)
    encoder = build_model(minilm.weights, layers=6).encoder.eval()
    with torch.no_grad():
        ours = encoder(torch.from_numpy(ids), torch.from_numpy(mask)).numpy()
    np.testing.assert_allclose(ours, minilm.hidden(ids, mask), atol=1e-4)


# (sentence, source, target, trigger, type): written for this test
CASES = [
    ("Russian artillery shelled Kharkiv overnight.", "Russian artillery", "Kharkiv", "shelled", "ASSAULT"),
    ("Israeli jets bombed targets in Gaza on Sunday.", "Israeli jets", "Gaza", "bombed", "ASSAULT"),
    ("The Kenyan president met his Ethiopian counterpart in Nairobi.", "The Kenyan president",
     "his Ethiopian counterpart", "met", "CONSULT"),
    ("Brazil's foreign minister held talks with Argentina's envoy.", "Brazil's foreign minister",
     "Argentina's envoy", "held", "CONSULT"),
]


def _example(wordpiece, text: str, source: str, target: str, trigger: str, etype: str):
    from realpolitik.training.finetune_events import SentenceExample

    def span(words: str) -> tuple[int, int]:
        return text.index(words), text.index(words) + len(words)

    pieces = encode(wordpiece, text)
    pools = pool_weights(pieces, span(source), span(target), word_at(text, text.index(trigger)))[None]
    labels = np.array([[float(t == etype) for t in TYPES]], dtype=np.float32)
    return SentenceExample((text, 0), pieces, [0], pools, np.ones(1, dtype=np.float32), labels,
                           np.ones_like(labels))


def test_a_few_steps_learn_the_types_of_our_own_sentences(minilm, train_head):
    from realpolitik.training.finetune_events import build_model

    torch.manual_seed(0)
    random.seed(0)
    data = [_example(minilm.wordpiece, *case) for case in CASES]
    model = build_model(minilm.weights, layers=1, dropout=0.0)
    before, after, logits = train_head(model, data, 60)
    predicted = [TYPES[k] for k in logits.argmax(1).tolist()]
    assert after < before / 4
    assert predicted == [case[-1] for case in CASES]
