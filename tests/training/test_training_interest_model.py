"""Training the interest model: which candidates are taught as interests, which are left
out, and how the coder's way of taking them (likeliest first, no overlaps) is scored."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest

from realpolitik.training.interest_model import balanced, decode, holder_of, label, runtime_stop


def _row(span, gold, sentence=0, holder="GHA"):
    return {"doc": "own-1", "split": "train", "sentence": sentence, "x": [], "span": list(span), "gold": gold,
            "holder": holder, "holder_is_state": True}


def test_the_best_overlap_with_the_right_holder_carries_the_stance():
    wrong_holder = _row((10, 30), [[0, 1.0, False, "wants"]])
    right_holder = _row((10, 25), [[0, 0.75, True, "wants"]])
    nested = _row((12, 20), [[0, 0.4, True, "wants"]])
    unrelated = _row((40, 50), [])
    label([wrong_holder, right_holder, nested, unrelated])
    assert right_holder["y"] == "wants" and not right_holder["skip"]
    assert wrong_holder["skip"] and nested["skip"]           # another wording of the same statement
    assert unrelated["y"] is None and not unrelated["skip"]  # taught as no interest


def test_a_whole_list_whose_items_are_stated_one_by_one_is_no_interest():
    whole = _row((0, 40), [[0, 0.3, True, "wants"], [1, 0.3, True, "wants"]])
    first = _row((0, 12), [[0, 1.0, True, "wants"]])
    second = _row((20, 40), [[1, 1.0, True, "fears"]])
    label([whole, first, second])
    assert (first["y"], second["y"]) == ("wants", "fears")
    assert whole["y"] is None and not whole["skip"]


def test_a_list_stated_as_one_interest_is_taught_whole():
    whole = _row((0, 40), [[0, 1.0, True, "commits"]])
    item = _row((0, 12), [[0, 0.3, True, "commits"]])
    label([whole, item])
    assert whole["y"] == "commits" and item["skip"]


def test_a_predicate_inside_the_gold_span_carries_it_only_where_nothing_outside_does():
    # "We must preserve water": only "preserve" -> "water" covers "preserve water", from within
    from_within = _row((8, 13), [[0, 0.4, True, "wants", True]])
    label([from_within])
    assert from_within["y"] == "wants"
    # "We call for peace in Sudan": "call" -> "peace in Sudan" covers it from outside
    outside = _row((13, 27), [[0, 1.0, True, "wants", False]])
    inner = _row((22, 27), [[0, 0.36, True, "wants", True]])
    label([outside, inner])
    assert outside["y"] == "wants" and inner["skip"] and inner["y"] is None


def test_decoding_takes_the_likeliest_and_drops_what_overlaps_it():
    rows = [_row((0, 40), []), _row((0, 12), []), _row((20, 40), []), _row((50, 60), [], holder=None),
            _row((0, 40), [], sentence=1)]
    probs = np.array([[0.5, 0.1, 0.1, 0.1], [0.7, 0, 0, 0], [0.1, 0.6, 0, 0], [0.9, 0, 0, 0], [0.2, 0, 0, 0]])
    taken = decode(rows, probs, threshold=0.3)
    assert [tuple(r["span"]) for r, _ in taken] == [(0, 12), (20, 40)]   # the whole list is said by its items
    assert [int(p.argmax()) for _, p in taken] == [0, 1]


def test_training_reads_a_document_as_far_as_the_model_reads_it_at_run_time(pipeline):
    names = [ex.name for ex in pipeline.extractors]
    stop = runtime_stop(pipeline)
    assert names[names.index(stop) + 1] == "interest_model"
    assert names.index("implied_actors") < names.index(stop)   # its actors are holders at run time


def test_a_pipeline_without_the_interest_model_is_refused_by_name():
    with pytest.raises(ValueError, match="'interest_model'"):
        runtime_stop(SimpleNamespace(extractors=[SimpleNamespace(name="actors"), SimpleNamespace(name="coref")]))


def _holders_after(pipeline, text, stop):
    from realpolitik.extract.interest_model.candidates import candidates
    from realpolitik.schema import Document, content_id
    from realpolitik.training.reading import run_until

    _, doc, ctx = run_until(pipeline, Document(id=content_id(text), text=text), stop)
    return {doc.text[c.span[0]:c.span[1]]: holder_of(ctx, c, None) for c in candidates(next(doc.sents))}


def test_an_implied_actor_holds_the_interest_in_training_as_at_run_time(pipeline):
    text = "The junta insists on holding elections next year in Niger."
    after_coref = _holders_after(pipeline, text, "coref")["holding elections next year in Niger"]
    at_run_time = _holders_after(pipeline, text, runtime_stop(pipeline))["holding elections next year in Niger"]
    assert after_coref[0] is None                   # what the rows were built from before
    assert at_run_time == ("NER", True, "actor")    # what the coder sees: the implied actor


def test_the_threshold_is_where_precision_and_recall_are_both_highest():
    def at(threshold, p, r):
        return {"threshold": threshold, "holder+span": {"p": p, "r": r, "f1": round(2 * p * r / (p + r), 3)}}

    curve = [at(0.05, 0.40, 0.66), at(0.1, 0.50, 0.56), at(0.2, 0.58, 0.47), at(0.4, 0.66, 0.35)]
    assert balanced(curve)["threshold"] == 0.1      # min(P, R) 0.50, against 0.40 / 0.47 / 0.35
    assert balanced([at(0.1, 0.5, 0.6), at(0.2, 0.5, 0.7)])["threshold"] == 0.2   # a tie: the better F1
