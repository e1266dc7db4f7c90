"""A property-based run (Schemathesis) over the OpenAPI schema: no input makes the server fail
or hang (issue 14's standing campaign).

Every operation, reads and writes alike, gets inputs that fit the schema and inputs that do
not (wrong types, missing fields, values out of range); for each, no 5xx, an answer in the
documented shape, and an answer at all within HANG_SECONDS: a request still running then
is a hang, reported with the case that caused it, not a test that never ends. Bounded: a few
examples per operation and mode, no per-example deadline, so the run stays around a minute.
It runs against a private copy of the example store with a valid token, so the write
operations are exercised too.
"""

from __future__ import annotations

import shutil

import pytest

schemathesis = pytest.importorskip("schemathesis", reason="schemathesis is not installed (pip install schemathesis)")
from concurrent.futures import ThreadPoolExecutor  # noqa: E402
from concurrent.futures import TimeoutError as StillRunning  # noqa: E402

from hypothesis import HealthCheck, settings  # noqa: E402
from schemathesis import GenerationMode  # noqa: E402
from schemathesis.checks import not_a_server_error  # noqa: E402
from schemathesis.specs.openapi.checks import response_schema_conformance  # noqa: E402

from realpolitik.api import ApiSettings, create_app, tokens  # noqa: E402

AUTH: dict[str, str] = {}
# The analysis budget (REALPOLITIK_ANALYZE_BUDGET's default) plus room for a loaded machine:
# not a speed target (bench/ measures speed), the line past which an answer is not coming.
HANG_SECONDS = 10 + 20


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


def body_made_invalid(case) -> bool:
    """Whether Schemathesis generated this case's body to break the schema (in the invalid
    mode it may break only a header or the query and keep the body valid)."""
    components = getattr(case.meta, "components", None) or {}
    return any(getattr(where, "value", where) == "body" and getattr(how, "mode", None) is GenerationMode.NEGATIVE
               for where, how in components.items())


def answered_in_time(case):
    """case.call(), or a failure naming the case if no answer came within HANG_SECONDS (the
    stuck request's thread is left behind: a hang cannot be interrupted from outside)."""
    pool = ThreadPoolExecutor(1)
    try:
        return pool.submit(case.call, headers=AUTH).result(timeout=HANG_SECONDS)
    except StillRunning:
        pytest.fail(f"no answer within {HANG_SECONDS} s to {case.method} {case.formatted_path} "
                    f"query={case.query!r} body={str(case.body)[:300]!r}")
    finally:
        pool.shutdown(wait=False)


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE], ids=["valid", "invalid"])
@pytest.mark.parametrize("method, path", _operations())
def test_no_input_makes_a_server_error_or_a_hang(fuzz_schema, method, path, mode):
    from hypothesis import given

    operation = fuzz_schema[path][method]
    try:
        strategy = operation.as_strategy(generation_mode=mode)
    except Exception as exc:   # nothing in this operation can be made invalid (no parameters, no body)
        pytest.skip(f"no {mode.value} inputs for {method} {path}: {exc}")

    @given(case=strategy)
    @settings(max_examples=6, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    def run(case):
        response = answered_in_time(case)
        case.validate_response(response, checks=[not_a_server_error, response_schema_conformance])
        if response.status_code >= 400:
            assert response.json()["error"]["status"] == response.status_code
        elif body_made_invalid(case):   # an invalid body is never stored or acted on
            pytest.fail(f"{method} {path} accepted an invalid body: {str(case.body)[:300]!r}")

    run()
