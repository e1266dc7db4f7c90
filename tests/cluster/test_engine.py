"""The Ray engine in local mode gives what one process gives, byte for byte."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from realpolitik.cli import main
from realpolitik.store.testing import EXAMPLES

pytest.importorskip("ray", reason="Ray is an optional extra: pip install 'realpolitik[ray]'")


def test_analyze_json_on_ray_is_byte_identical_to_one_process(ray_local, tmp_path):
    missing = str(tmp_path / "missing.txt")
    local, on_ray = tmp_path / "local.json", tmp_path / "ray.json"
    one = CliRunner().invoke(main, ["analyze", str(EXAMPLES), missing, "--json", str(local), "-q"])
    two = CliRunner().invoke(main, ["analyze", str(EXAMPLES), missing, "--json", str(on_ray), "-q",
                                    "--engine", "ray", "--workers", "2"])
    assert (one.exit_code, two.exit_code) == (1, 1), two.output  # the missing file fails in both
    assert "missing.txt: no such file or folder" in two.output
    assert on_ray.read_bytes() == local.read_bytes()
    assert local.stat().st_size > 100_000  # the whole bundled corpus, not an empty contract
