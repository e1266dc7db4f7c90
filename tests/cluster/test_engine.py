"""The Ray engine in local mode gives what one process gives, byte for byte, whether the files
are read in read tasks (a JSONL feed among them) or by the actors (one document a file)."""

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


def test_a_folder_of_one_document_files_is_read_by_the_actors_and_still_identical(ray_local, tmp_path):
    from realpolitik.cluster.engine import RayEngine

    folder = tmp_path / "articles"
    folder.mkdir()
    for f in sorted(EXAMPLES.iterdir()):
        if f.suffix in {".txt", ".html"}:
            (folder / f.name).write_bytes(f.read_bytes())
    assert len(list(folder.iterdir())) >= 10
    with RayEngine(workers=2) as engine:  # the plan, as Ray Data prints it (nothing runs)
        assert "read_inputs" not in str(engine.dataset([str(folder)]))
        assert "read_inputs" in str(engine.dataset([str(EXAMPLES)]))  # it has a JSONL feed
    local, on_ray = tmp_path / "local.json", tmp_path / "ray.json"
    one = CliRunner().invoke(main, ["analyze", str(folder), "--json", str(local), "-q"])
    two = CliRunner().invoke(main, ["analyze", str(folder), "--json", str(on_ray), "-q", "--engine", "ray"])
    assert (one.exit_code, two.exit_code) == (0, 0), two.output
    assert on_ray.read_bytes() == local.read_bytes()
