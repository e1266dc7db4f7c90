"""Laying out annotation batches (training/batches.py): later rounds stay out of the kept test split."""

from __future__ import annotations

import json

import pytest

from realpolitik.training import batches, corpus
from realpolitik.training.annotations import split_of


def _corpora_present() -> bool:
    try:
        return bool(next(iter(corpus.iter_collection("statedept")), None))
    except (corpus.CorpusMissing, FileNotFoundError, OSError):
        return False


needs_corpora = pytest.mark.skipif(not _corpora_present(), reason="../shared corpora absent")


@needs_corpora
def test_a_round_restricted_to_train_picks_only_train_documents():
    chosen = batches.pick(7, 30, 5, 5, splits=("train",))
    assert len(chosen) == 40
    assert {split_of(doc_id) for doc_id, _ in chosen} == {"train"}


@needs_corpora
def test_without_a_split_the_round_spans_every_split():
    chosen = batches.pick(7, 60, 0, 0)
    assert {split_of(doc_id) for doc_id, _ in chosen} == {"train", "dev", "test"}


def test_annotated_documents_are_known_to_the_layout():
    ids = batches.annotated_ids()
    # the own-writing documents are always in the repository, whatever corpora are installed
    assert any(doc_id.startswith("own-") for doc_id in ids)
    assert all(isinstance(doc_id, str) and doc_id for doc_id in ids)


def test_a_round_of_our_own_writing_is_laid_out_alone(tmp_path):
    # a new round of our own documents ("own-00…" here) goes to its own batches and manifest
    batches.main([str(tmp_path), "--own", "--own-prefix", "own-00", "--batches", "2", "--prefix", "round"])
    manifest = json.loads((tmp_path / "manifest_round.json").read_text(encoding="utf-8"))
    assert sorted(manifest) == [f"own-00{i}" for i in range(1, 10)]
    assert {entry["batch"] for entry in manifest.values()} == {0, 1}
    laid_out = (tmp_path / "round00.txt").read_text(encoding="utf-8") + (tmp_path / "round01.txt").read_text(encoding="utf-8")
    assert laid_out.count("=== DOC own-00") == 9 and "own-010" not in laid_out
