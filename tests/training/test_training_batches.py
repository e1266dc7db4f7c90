"""Laying out annotation batches (training/batches.py): later rounds stay out of the kept test split."""

from __future__ import annotations

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
