"""The pair model's parts: labels from gold spans, a fit that learns, stable feature hashing."""

from __future__ import annotations

import numpy as np
from scipy import sparse

from realpolitik.extract.context import ActorMention
from realpolitik.extract.events.pair_model.candidates import Pair, pairs
from realpolitik.extract.events.pair_model.features import hashed
from realpolitik.training.annotations import GoldEvent, Mention
from realpolitik.training.pair_model import fit_binary
from realpolitik.training.pairs import label_pair


def _m(start: int, end: int, actor: str) -> ActorMention:
    return ActorMention(start=start, end=end, actor_id=actor, token_start=0, token_end=1)


# "Japan urged China to release the fishermen." — offsets of Japan, China
JAPAN, CHINA = _m(0, 5, "JPN"), _m(12, 17, "CHN")
URGE = GoldEvent(sentence=0, type="REQUEST", source=(Mention(0, 5, "Japan", "JPN"),),
                 target=(Mention(12, 17, "China", "CHN"),), trigger=(6, 11))


def test_a_pair_is_labelled_by_its_source_and_target_spans():
    assert label_pair(Pair(JAPAN, CHINA), [URGE]) == (["REQUEST"], [])
    assert label_pair(Pair(CHINA, JAPAN), [URGE]) == ([], [])
    # the right source without the target is neither taught as right nor as wrong
    assert label_pair(Pair(JAPAN, None), [URGE]) == ([], ["REQUEST"])


def test_when_no_candidate_is_the_gold_target_the_source_alone_carries_the_type():
    # "Japan urged the fishermen's captors to free them": the pipeline found no captors
    elsewhere = _m(40, 45, "PHL")
    assert label_pair(Pair(JAPAN, None), [URGE], targets=[elsewhere]) == (["REQUEST"], [])
    # but where a candidate is the gold target, only the full pair carries it
    assert label_pair(Pair(JAPAN, None), [URGE], targets=[CHINA]) == ([], ["REQUEST"])
    assert label_pair(Pair(JAPAN, elsewhere), [URGE], targets=[elsewhere]) == ([], ["REQUEST"])


# "China was hit with new sanctions." — nobody named does it
SANCTIONED = GoldEvent(sentence=0, type="SANCTION", source=(), target=(Mention(0, 5, "China", "CHN"),),
                       trigger=(14, 17))
CHINA_FIRST = _m(0, 5, "CHN")


def test_an_act_with_no_named_doer_is_learnt_on_the_source_less_pair():
    assert label_pair(Pair(None, CHINA_FIRST), [SANCTIONED]) == (["SANCTION"], [])
    # a named doer's act is not a source-less one
    assert label_pair(Pair(None, CHINA), [URGE]) == ([], [])
    # and a source-less gold event teaches nothing to pairs with a source
    assert label_pair(Pair(CHINA_FIRST, None), [SANCTIONED]) == ([], [])


def test_source_less_candidates_are_offered_only_when_asked():
    plain = pairs([JAPAN, CHINA])
    assert all(p.source is not None for p in plain)
    offered = pairs([JAPAN, CHINA], sourceless=True)
    assert {p.target.actor_id for p in offered if p.source is None} == {"JPN", "CHN"}
    assert all(p.doer is (p.source or p.target) for p in offered)


def test_candidate_pairs_skip_an_actor_paired_with_itself():
    again = _m(30, 35, "JPN")
    found = {(p.source.actor_id, p.target.actor_id if p.target else None) for p in pairs([JAPAN, CHINA, again])}
    assert ("JPN", "CHN") in found and ("CHN", "JPN") in found and ("JPN", None) in found
    assert ("JPN", "JPN") not in found


def test_hashing_is_stable_across_processes():
    # crc32, not Python's salted hash(): a shipped model must read features the same way
    import zlib

    assert hashed(["w=condemn", "w=condemn"]) == [zlib.crc32(b"w=condemn") & 0xFFFFF]


def test_the_logistic_fit_separates_what_is_separable():
    x = sparse.csr_matrix(np.array([[1, 0], [1, 0], [0, 1], [0, 1]], dtype=float))
    y = np.array([1.0, 1.0, 0.0, 0.0])
    w = fit_binary(x, y, np.ones(4), l2=0.1)
    scores = x @ w[:-1] + w[-1]
    assert scores[0] > 0 > scores[2]


def test_the_design_keeps_its_dense_part_apart_and_multiplies_as_one_matrix():
    from realpolitik.training.pair_model import Design

    rng = np.random.default_rng(0)
    hashed = sparse.random(30, 12, density=0.2, random_state=1, format="csr")
    dense = rng.normal(size=(30, 5)).astype(np.float32)
    whole = np.hstack([hashed.toarray(), dense])
    x = Design(hashed, dense)
    w, g, w2 = rng.normal(size=17), rng.normal(size=30), rng.normal(size=(17, 3))
    assert x.shape == (30, 17)
    assert np.allclose(x @ w, whole @ w, atol=1e-4)
    assert np.allclose(x.T @ g, whole.T @ g, atol=1e-4)
    assert np.allclose(x @ w2, whole @ w2, atol=1e-4)
    mask = np.arange(30) % 2 == 0
    assert np.allclose(x.rows(mask) @ w, whole[mask] @ w, atol=1e-4)
