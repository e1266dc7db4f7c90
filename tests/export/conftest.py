"""Store fixtures: one fresh store per test and backend; the bundled corpus analysed once."""

from __future__ import annotations

import pytest

from realpolitik.store.testing import BACKENDS, EXAMPLES, BackendUnavailable, fresh_location, fresh_store


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
