"""Features of a candidate pair in its sentence, as strings hashed into a fixed space.

Lexical features say what kind of act the sentence reports; syntactic ones (through
extract.syntax) say whether this source and this target are its doer and its object.
The hand-written rules' own verdict on the pair is one feature among the rest.
"""

from __future__ import annotations

import zlib
from typing import TYPE_CHECKING

from realpolitik.extract import syntax
from realpolitik.extract.event_model.candidates import Pair

if TYPE_CHECKING:
    import numpy as np
    from spacy.tokens import Doc, Span

HASH_BITS = 20
CONTENT_POS = {"VERB", "NOUN", "ADJ", "ADV", "PROPN", "ADP", "PART", "AUX"}
PRONOUNS = {"we", "our", "us", "it", "its", "they", "their", "them", "he", "his", "she", "her", "i", "my"}


def hashed(features: list[str]) -> list[int]:
    """Stable indices (crc32, not Python's salted hash) so a shipped model reads the same way."""
    mask = (1 << HASH_BITS) - 1
    return sorted({zlib.crc32(f.encode("utf-8")) & mask for f in features})


def sentence_features(sent: Span) -> list[str]:
    feats = ["bias"]
    lemmas = [t.lemma_.lower() for t in sent if t.pos_ in CONTENT_POS and not t.is_stop or t.dep_ == "neg"]
    feats += [f"w={lem}" for lem in lemmas]
    feats += [f"w2={a}_{b}" for a, b in zip(lemmas, lemmas[1:], strict=False)]
    root = sent.root
    feats.append(f"root={root.lemma_.lower()}")
    return feats


def _mention_features(prefix: str, doc: Doc, m, kind: str | None) -> tuple[list[str], syntax.Role]:
    r = syntax.role_of(doc, m.token_start, m.token_end)
    pred = doc[r.predicate]
    text = doc[m.token_start:m.token_end].text.lower()
    feats = [f"{prefix}role={r.role}", f"{prefix}pred={pred.lemma_.lower()}",
             f"{prefix}role|pred={r.role}|{pred.lemma_.lower()}", f"{prefix}via={m.via}",
             f"{prefix}kind={kind}", f"{prefix}loc={m.locative}"]
    if r.prep:
        feats += [f"{prefix}prep={r.prep}", f"{prefix}prep|pred={r.prep}|{pred.lemma_.lower()}"]
    if r.owner is not None:
        owner = doc[r.owner]
        feats += [f"{prefix}owner={owner.lemma_.lower()}", f"{prefix}owner_dep={owner.dep_}"]
    if text in PRONOUNS:
        feats.append(f"{prefix}pron={text}")
    if syntax.is_negated(pred):
        feats.append(f"{prefix}pred_neg")
    modal = syntax.modal_of(pred)
    if modal:
        feats.append(f"{prefix}modal={modal}")
    return feats, r


def pair_features(doc: Doc, sent: Span, pair: Pair, kinds: dict[str, str | None],
                  rule_votes: dict[tuple[str, str | None], set[str]],
                  memo: dict | None = None) -> list[str]:
    memo = {} if memo is None else memo

    def of(prefix: str, m) -> tuple[list[str], syntax.Role]:
        key = (prefix, m.start, m.end, m.actor_id)
        if key not in memo:   # a mention's own features are the same in every pair it is in
            memo[key] = _mention_features(prefix, doc, m, kinds.get(m.actor_id))
        return memo[key]

    if pair.source is None:   # an act done to the target by a doer the sentence does not name
        t_feats, t_role = of("t_", pair.target)
        return [*t_feats, "s_none", f"t_role|s_none={t_role.role}",
                f"t_pred|s_none={doc[t_role.predicate].lemma_.lower()}"]
    s_feats, s_role = of("s_", pair.source)
    feats = list(s_feats)
    s_votes = rule_votes.get((pair.source.actor_id, None), set())
    if pair.target is None:
        feats += ["t_none", f"s_role|t_none={s_role.role}"]
        feats += [f"rule_src={t}" for t in s_votes]
        feats += [f"rule_pair={t}" for t in rule_votes.get((pair.source.actor_id, "-"), set())]
        return feats
    t_feats, t_role = of("t_", pair.target)
    feats += t_feats
    s_head, t_head = doc[s_role.head], doc[t_role.head]
    same_pred = s_role.predicate == t_role.predicate
    order = "st" if s_head.i < t_head.i else "ts"
    dist = abs(s_head.i - t_head.i)
    feats += [f"order={order}", f"dist={min(dist, 10) // 2}", f"same_pred={same_pred}",
              f"roles={s_role.role}|{t_role.role}", f"roles|order={s_role.role}|{t_role.role}|{order}",
              f"roles|same_pred={s_role.role}|{t_role.role}|{same_pred}"]
    if t_role.prep:
        feats.append(f"s_pred|t_prep={doc[s_role.predicate].lemma_.lower()}|{t_role.prep}|{same_pred}")
    lca = syntax.lowest_common_ancestor(s_head, t_head)
    if lca is not None:
        feats += [f"lca={lca.lemma_.lower()}", f"lca_pos={lca.pos_}"]
    lo, hi = sorted((s_head.i, t_head.i))
    between = [t.lemma_.lower() for t in doc[lo + 1:hi] if t.pos_ in ("VERB", "NOUN", "ADP") and not t.is_stop]
    feats += [f"btw={w}" for w in between[:6]]
    feats += [f"rule_src={t}" for t in s_votes]
    feats += [f"rule_pair={t}" for t in rule_votes.get((pair.source.actor_id, pair.target.actor_id), set())]
    return feats


def rule_votes_in(events, start_char: int, end_char: int) -> dict[tuple[str, str | None], set[str]]:
    """What the hand-written rules coded in a sentence: by (source, None) and (source, target or '-')."""
    votes: dict[tuple[str, str | None], set[str]] = {}
    for e in events:
        if e.source and start_char <= e.trigger.start < end_char:
            votes.setdefault((e.source, None), set()).add(e.type)
            votes.setdefault((e.source, e.target or "-"), set()).add(e.type)
    return votes


def actor_kinds(ctx) -> dict[str, str | None]:
    """Each actor's kind, looked up once per document rather than once per sentence."""
    return {a.id: a.kind for a in ctx.actors.values()}


PREDICATE_PARTS = {"prt", "dobj", "acomp", "attr"}


def dense_pair_features(doc: Doc, sent: Span, pairs: list[Pair], vectors) -> np.ndarray:
    """Word-vector features of each pair: what the sentence is about, the doer's predicate
    (with its particle and object: "carried out strikes"), and the words between the two
    mentions. Zeros stand for a part that does not exist (no target)."""
    import numpy as np

    out = np.zeros((len(pairs), 3 * vectors.dim), dtype=np.float32)
    whole = vectors.mean(sent)
    predicates: dict[tuple[int, int], np.ndarray] = {}   # one per source mention, shared by its pairs
    for i, pair in enumerate(pairs):
        key = (pair.doer.token_start, pair.doer.token_end)
        if key not in predicates:
            pred = doc[syntax.role_of(doc, *key).predicate]
            predicates[key] = vectors.mean([pred, *(c for c in pred.children if c.dep_ in PREDICATE_PARTS)])
        out[i, :vectors.dim] = whole
        out[i, vectors.dim:2 * vectors.dim] = predicates[key]
        if pair.target is not None and pair.source is not None:
            first, second = sorted((pair.source, pair.target), key=lambda m: m.token_start)
            out[i, 2 * vectors.dim:] = vectors.mean(doc[first.token_end:max(first.token_end, second.token_start)])
    return out


def featurize_sentence(ctx, sent: Span, kinds: dict[str, str | None] | None = None) -> list[tuple[Pair, list[int]]]:
    """Every candidate pair of a sentence with its hashed features (training and coding alike)."""
    from realpolitik.extract.event_model.candidates import pairs, sentence_mentions

    mentions = sentence_mentions(ctx, sent.start_char, sent.end_char)
    if not mentions:
        return []
    kinds = actor_kinds(ctx) if kinds is None else kinds
    votes = rule_votes_in(ctx.events, sent.start_char, sent.end_char)
    shared = sentence_features(sent)
    memo: dict = {}
    return [(p, hashed(shared + pair_features(ctx.doc, sent, p, kinds, votes, memo)))
            for p in pairs(mentions, sourceless=True)]
