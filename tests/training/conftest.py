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
