"""--engine ray without Ray installed: one clear message, exit 3; the local engine never needs it."""

from __future__ import annotations

import sys

import pytest
from click.testing import CliRunner

from realpolitik.cli import main


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "note.txt"
    path.write_text("Chile and Peru signed a fisheries agreement in Lima on Tuesday.\n", encoding="utf-8")
    return str(path)


@pytest.fixture
def without_ray(monkeypatch):
    for name in [m for m in sys.modules if m == "ray" or m.startswith("ray.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "ray", None)  # import ray -> ImportError


@pytest.mark.parametrize("command", [["analyze", "--json", "-"], ["ingest", "--db", ":memory:"]])
def test_the_ray_engine_without_ray_says_how_to_install_it(without_ray, article, command):
    result = CliRunner().invoke(main, [*command, article, "--engine", "ray"])
    assert result.exit_code == 3, result.output
    assert "pip install 'realpolitik[ray]'" in result.output


def test_the_local_engine_does_not_need_ray(without_ray, article, tmp_path):
    result = CliRunner().invoke(main, ["ingest", article, "--db", str(tmp_path / "s.duckdb"), "-q"])
    assert result.exit_code == 0, result.output


def test_stdin_and_processes_are_refused_with_the_ray_engine(article):
    stdin = CliRunner().invoke(main, ["analyze", "-", "--engine", "ray"], input="text")
    assert stdin.exit_code == 2 and "not stdin" in stdin.output
    both = CliRunner().invoke(main, ["ingest", article, "--engine", "ray", "--processes", "2"])
    assert both.exit_code == 2 and "use --workers" in both.output
