"""One local Ray for the tests that need it, as the issue asks: `ray.init(num_cpus=2)`.

Tests that use `ray_local` skip cleanly where Ray (the optional extra) is not installed."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def ray_local():
    ray = pytest.importorskip("ray", reason="Ray is an optional extra: pip install 'realpolitik[ray]'")
    pytest.importorskip("ray.data")
    started = not ray.is_initialized()
    if started:
        ray.init(num_cpus=2, include_dashboard=False)
    yield ray
    if started:
        ray.shutdown()
