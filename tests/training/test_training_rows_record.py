"""A rows file remembers what built it (training/rows_record.py): a stale one is noticed."""

from __future__ import annotations

import json

from realpolitik.training import rows_record


def _checkout(tmp_path, monkeypatch):
    """A tiny stand-in checkout: one extraction module and one annotation file."""
    package = tmp_path / "src" / "realpolitik"
    (package / "extract").mkdir(parents=True)
    (package / "extract" / "events.py").write_text("RULES = 1\n", encoding="utf-8")
    (tmp_path / "data" / "annotations" / "events").mkdir(parents=True)
    (tmp_path / "data" / "annotations" / "events" / "round1-00.jsonl").write_text('{"doc": "a"}\n', encoding="utf-8")
    monkeypatch.setattr(rows_record, "REPO", tmp_path)
    monkeypatch.setattr(rows_record, "PACKAGE", package)
    return package


def test_rows_built_by_this_checkout_are_not_stale(tmp_path, monkeypatch):
    _checkout(tmp_path, monkeypatch)
    rows = tmp_path / "pairs.jsonl"
    rows.write_text("{}\n", encoding="utf-8")
    rows_record.record(rows)
    assert json.loads(rows_record.record_path(rows).read_text(encoding="utf-8"))["inputs"] == rows_record.inputs_digest()
    assert rows_record.staleness(rows) is None


def test_a_change_to_the_code_or_the_annotations_makes_them_stale(tmp_path, monkeypatch):
    package = _checkout(tmp_path, monkeypatch)
    rows = tmp_path / "pairs.jsonl"
    rows.write_text("{}\n", encoding="utf-8")
    rows_record.record(rows)
    (package / "extract" / "events.py").write_text("RULES = 2\n", encoding="utf-8")
    message = rows_record.staleness(rows)
    assert message is not None and str(rows) in message and "training.pairs" in message
    rows_record.record(rows)
    (tmp_path / "data" / "annotations" / "events" / "round1-01.jsonl").write_text('{"doc": "b"}\n', encoding="utf-8")
    assert rows_record.staleness(rows) is not None


def test_rows_with_no_record_are_flagged(tmp_path, monkeypatch, capsys):
    _checkout(tmp_path, monkeypatch)
    rows = tmp_path / "old_pairs.jsonl"
    rows.write_text("{}\n", encoding="utf-8")
    rows_record.warn_if_stale(rows)
    assert "no record of what built it" in capsys.readouterr().err
