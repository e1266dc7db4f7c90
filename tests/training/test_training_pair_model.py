"""The pair model's parts: labels from gold spans, a fit that learns, stable feature hashing."""

from __future__ import annotations

import numpy as np
from scipy import sparse

from realpolitik.extract.context import ActorMention
from realpolitik.extract.event_model.candidates import Pair, pairs
from realpolitik.extract.event_model.features import hashed
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
