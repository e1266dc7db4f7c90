"""The README's notebook example runs as written against a store of the bundled corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from realpolitik.store import open_store

README = Path(__file__).resolve().parents[1] / "README.md"


def notebook_example() -> str:
    section = README.read_text(encoding="utf-8").split("### In a notebook", 1)[1]
    return section.split("```python", 1)[1].split("```", 1)[0]


def test_the_notebook_example_runs(tmp_path, corpus, monkeypatch):
    pytest.importorskip("pandas")
    import matplotlib

    matplotlib.use("Agg")
    with open_store(str(tmp_path / "realpolitik.duckdb")) as s:
        for a in corpus:
            s.add_analysis(a)
    monkeypatch.chdir(tmp_path)
    names: dict = {}
    exec(compile(notebook_example(), "README.md", "exec"), names)  # noqa: S102 - our own README
    assert names["df"]["n"].sum() + names["dyad"].unplaced == names["dyad"].n
    assert len(names["events"]) > 0
    names["corpus"].close()
