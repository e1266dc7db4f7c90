"""Fixtures shared by the whole suite: one spaCy pipeline per session, the shared test data."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def shared_dir() -> Path | None:
    """../shared (gold data, scorers, benchmark corpora) — present for developers, not users."""
    env = os.environ.get("REALPOLITIK_SHARED")
    path = Path(env) if env else ROOT.parent / "shared"
    return path if path.is_dir() else None


@pytest.fixture(scope="session")
def shared() -> Path:
    path = shared_dir()
    if path is None:
        pytest.skip("../shared is absent (gold data and scorers are for developers only)")
    return path


@pytest.fixture(scope="session")
def pipeline():
    """The default pipeline, built once: loading spaCy costs about a second."""
    from realpolitik.pipeline import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def analyze(pipeline):
    """Analyse a text and check the result against the contract before handing it over."""
    from realpolitik.schema import validate

    def run(text: str, published: str | None = None):
        analysis = pipeline.analyze_text(text, published=published)
        validate(analysis.to_dict())
        return analysis

    return run
