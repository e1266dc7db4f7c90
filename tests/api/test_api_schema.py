"""A property-based run (Schemathesis) over the OpenAPI schema: no input makes the server fail.

Bounded: a few examples per operation, no deadline, so the whole run stays well under two
minutes. It runs against a private copy of the example store with a valid token, so the
write operations are exercised too.
"""

from __future__ import annotations

import shutil

import pytest

schemathesis = pytest.importorskip("schemathesis", reason="schemathesis is not installed (pip install schemathesis)")
from hypothesis import HealthCheck, settings  # noqa: E402
from schemathesis.checks import not_a_server_error  # noqa: E402
from schemathesis.specs.openapi.checks import response_schema_conformance  # noqa: E402

from realpolitik.api import ApiSettings, create_app, tokens  # noqa: E402

AUTH: dict[str, str] = {}


@pytest.fixture(scope="module")
def fuzz_schema(example_db, tmp_path_factory, pipeline):
    tmp = tmp_path_factory.mktemp("fuzz")
    db = str(tmp / "fuzz.duckdb")
    shutil.copy(example_db, db)
    secret = tokens.create(tmp / "tokens.json", "fuzzer")
    AUTH["Authorization"] = f"Bearer {secret}"
    # Schemathesis' ASGI client is not loopback and calls itself "testserver": reads are
    # opened and that host name allowed for this run.
    app = create_app(ApiSettings.from_env(db=db, tokens=str(tmp / "tokens.json"), allow_remote_reads=True,
                                          max_body_bytes=64 * 1024, allowed_hosts="testserver"), pipeline=pipeline)
    return schemathesis.openapi.from_asgi("/openapi.json", app)


def _operations() -> list[tuple[str, str]]:
    """(method, path) of every operation, read from the app's schema (no store needed)."""
    spec = create_app(ApiSettings.from_env(db=":memory:")).openapi()
    return [(m.upper(), p) for p, ops in spec["paths"].items() for m in ops]


@pytest.mark.parametrize("method, path", _operations())
def test_no_input_makes_a_server_error(fuzz_schema, method, path):
    from hypothesis import given

    operation = fuzz_schema[path][method]

    @given(case=operation.as_strategy())
    @settings(max_examples=6, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    def run(case):
        response = case.call(headers=AUTH)
        case.validate_response(response, checks=[not_a_server_error, response_schema_conformance])
        if response.status_code >= 400:
            assert response.json()["error"]["status"] == response.status_code

    run()
