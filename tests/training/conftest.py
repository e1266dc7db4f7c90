"""Shared fixtures of the training tests."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def minilm():
    """all-MiniLM-L6-v2's weights and vocabulary (skips where the training-only package is absent)."""
    from realpolitik.training.minilm import EncoderMissing, MiniLM

    try:
        return MiniLM.load()
    except EncoderMissing as exc:
        pytest.skip(str(exc))


@pytest.fixture
def train_head():
    """A few AdamW steps on an encoder's head alone (see _train_head)."""
    return _train_head


def _train_head(model, data: list, steps: int) -> tuple[float, float, object]:
    """A few AdamW steps on the head alone over `data` (SentenceExamples), as both encoder
    trainers' tests take them: (loss before, loss after, the logits after)."""
    import numpy as np
    import torch

    from realpolitik.training.finetune_events import batch_tensors

    optimiser = torch.optim.AdamW(model.head.parameters(), lr=1e-3)
    inputs = batch_tensors(data)
    y = torch.from_numpy(np.concatenate([e.labels for e in data]))

    def loss() -> torch.Tensor:
        return torch.nn.functional.binary_cross_entropy_with_logits(model(*inputs), y)

    before = float(loss())
    for _ in range(steps):
        optimiser.zero_grad()
        loss().backward()
        optimiser.step()
    with torch.no_grad():
        return before, float(loss()), model(*inputs)
