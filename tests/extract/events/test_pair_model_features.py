"""The event model's features of a sentence's pairs. featurize_sentence hashes what pairs
share (the sentence's words, each mention's role) once and joins it per pair: each row must
stay exactly hashed(sentence_features + pair_features), the indices the shipped weights were
trained on; pairs the coder skips keep their place, and the word-vector rows of the pairs it
reads do not depend on which others are read."""

from __future__ import annotations

import numpy as np
import pytest

from realpolitik.extract.context import ActorMention, ExtractContext
from realpolitik.extract.events.pair_model import candidates, features
from realpolitik.extract.word_vectors import DocVectors, shipped
from realpolitik.schema import Document, content_id
from realpolitik.training.reading import run_before

TEXT = ("Chinese and Russian envoys met in Geneva on Monday. Germany urged Iran to return to the talks, "
        "while France condemned Syria and Turkey over the shelling near the border. "
        "The ministers of Japan and South Korea said they would hold joint drills with the United States.")


@pytest.fixture(scope="module")
def ctx(pipeline) -> ExtractContext:
    """The document as the event model sees it: every extractor before it has run."""
    document = Document(id=content_id(TEXT), text=TEXT, published="2024-03-04")
    return run_before(pipeline, document, "event_model")


def test_each_row_is_the_hash_of_the_sentence_and_pair_features(ctx):
    kinds = features.actor_kinds(ctx)
    rows_seen = 0
    for sent in ctx.body_sentences():
        rows = features.featurize_sentence(ctx, sent, kinds)
        mentions = candidates.sentence_mentions(ctx, sent.start_char, sent.end_char)
        votes = features.rule_votes_in(ctx.events, sent.start_char, sent.end_char)
        expected = [(p, features.hashed(features.sentence_features(sent)
                                        + features.pair_features(ctx.doc, sent, p, kinds, votes)))
                    for p in candidates.pairs(mentions, sourceless=True)]
        assert rows == expected
        rows_seen += len(rows)
    assert rows_seen > 20   # several actors per sentence: pairs with and without a target


def test_skipped_pairs_keep_their_place_and_the_others_their_features(ctx):
    for sent in ctx.body_sentences():
        full = features.featurize_sentence(ctx, sent)
        if not full:
            continue
        skipped_actor = full[0][0].doer.actor_id
        part = features.featurize_sentence(ctx, sent, skip=lambda p, a=skipped_actor: p.doer.actor_id == a)
        assert [p for p, _ in part] == [p for p, _ in full]
        for (pair, got), (_, want) in zip(part, full, strict=True):
            assert got == ([] if pair.doer.actor_id == skipped_actor else want)


def test_word_vector_rows_do_not_depend_on_the_other_pairs_or_the_memo(ctx):
    vectors = shipped()
    if vectors is None:
        pytest.skip("no word vectors installed")
    view = DocVectors(vectors, ctx.doc)
    checked = 0
    for sent in ctx.body_sentences():
        pairs = [p for p, _ in features.featurize_sentence(ctx, sent)]
        if len(pairs) < 3:
            continue
        plain = features.dense_pair_features(ctx.doc, sent, pairs, vectors)
        memo: dict = {}
        features.featurize_sentence(ctx, sent, memo=memo)
        assert np.array_equal(features.dense_pair_features(ctx.doc, sent, pairs, view, memo), plain)
        some = pairs[1::2]
        assert np.array_equal(features.dense_pair_features(ctx.doc, sent, some, view, memo), plain[1::2])
        checked += 1
    assert checked


def test_sentence_mentions_see_a_mention_added_after_the_first_look(ctx):
    sent = ctx.body_sentences()[0]
    before = candidates.sentence_mentions(ctx, sent.start_char, sent.end_char)
    free = next(t for t in sent if t.is_alpha and ctx.mention_of_token(t) is None and t.i > sent.start)
    extra = ActorMention(free.idx, free.idx + len(free), "loc:geneva", "ner", free.i, free.i + 1)
    local = ExtractContext(document=ctx.document, doc=ctx.doc, config=ctx.config,
                           actors=dict(ctx.actors), mentions=list(ctx.mentions))
    assert candidates.sentence_mentions(local, sent.start_char, sent.end_char) == before
    from realpolitik.schema import Actor

    local.add_actor(Actor(id="loc:geneva", name="Geneva", kind="location"))
    local.add_mention(extra)
    after = candidates.sentence_mentions(local, sent.start_char, sent.end_char)
    assert extra in after and len(after) == len(before) + 1
    assert [m.start for m in after] == sorted(m.start for m in after)
