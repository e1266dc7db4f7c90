"""Fixtures shared by the whole suite: one spaCy pipeline per session, the shared test data."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from realpolitik.store.testing import BACKENDS, EXAMPLES, BackendUnavailable, fresh_location, fresh_store

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


# -- store fixtures (tests/store, tests/analysis, tests/export): one fresh store per test and
# backend; the bundled corpus analysed once.
@pytest.fixture(params=BACKENDS)
def backend(request) -> str:
    if request.param == "postgres":
        from realpolitik.store.testing import postgres_url

        try:
            postgres_url()
        except BackendUnavailable as exc:
            pytest.skip(str(exc))
    return request.param


@pytest.fixture
def store(backend, tmp_path):
    with fresh_store(backend, tmp_path) as s:
        yield s


@pytest.fixture
def location(backend, tmp_path):
    with fresh_location(backend, tmp_path) as loc:
        yield loc


@pytest.fixture(scope="session")
def corpus(pipeline):
    """The real pipeline's analyses of the bundled example corpus, one per document."""
    from realpolitik.ingest import iter_documents
    from realpolitik.schema import Analysis

    found = [a for a in pipeline.analyze_stream(iter_documents([str(EXAMPLES)])) if isinstance(a, Analysis)]
    assert len(found) >= 12
    return found


@pytest.fixture(scope="session")
def example_db(tmp_path_factory, pipeline) -> str:
    """The example corpus ingested once through the store's own ingest loop into a DuckDB file
    (the API and browser tests read it, or a copy of it when they write)."""
    from realpolitik.store import open_store
    from realpolitik.store.ingest import ingest

    path = str(tmp_path_factory.mktemp("example-store") / "examples.duckdb")
    with open_store(path) as store:
        stats = ingest(store, [str(EXAMPLES)], pipeline=pipeline)
    assert stats.stored >= 12 and not stats.failed
    return path
