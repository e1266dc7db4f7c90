"""Features of a candidate pair in its sentence, as strings hashed into a fixed space.

Lexical features say what kind of act the sentence reports; syntactic ones (through
extract.syntax) say whether this source and this target are its doer and its object.
The hand-written rules' own verdict on the pair is one feature among the rest.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable
from typing import TYPE_CHECKING

from realpolitik.extract import syntax
from realpolitik.extract.events.pair_model.candidates import Pair

if TYPE_CHECKING:
    import numpy as np
    from spacy.tokens import Doc, Span

HASH_BITS = 20
CONTENT_POS = {"VERB", "NOUN", "ADJ", "ADV", "PROPN", "ADP", "PART", "AUX"}
PRONOUNS = {"we", "our", "us", "it", "its", "they", "their", "them", "he", "his", "she", "her", "i", "my"}


HASH_MASK = (1 << HASH_BITS) - 1


def hashed(features: list[str]) -> list[int]:
    """Stable indices (crc32, not Python's salted hash) so a shipped model reads the same way."""
    return sorted(hash_set(features))


def hash_set(features: list[str]) -> set[int]:
    """The distinct indices of features, unsorted: parts shared by many rows are hashed once
    and joined per row (sorted(a | b) is hashed(fa + fb))."""
    return {zlib.crc32(f.encode("utf-8")) & HASH_MASK for f in features}


def sentence_features(sent: Span) -> list[str]:
    feats = ["bias"]
    lemmas = [
        t.lemma_.lower()
        for t in sent
        if t.pos_ in CONTENT_POS and not t.is_stop or syntax.attached_as(t, syntax.NEGATION)
    ]
    feats += [f"w={lem}" for lem in lemmas]
    feats += [f"w2={a}_{b}" for a, b in zip(lemmas, lemmas[1:], strict=False)]
    root = sent.root
    feats.append(f"root={root.lemma_.lower()}")
    return feats


def _mention_features(prefix: str, doc: Doc, m, kind: str | None,
                      memo: dict | None = None) -> tuple[list[str], syntax.Role]:
    r, pred_lemma, owner, text, negated, modal = _mention_facts(doc, m, {} if memo is None else memo)
    feats = [f"{prefix}role={r.role}", f"{prefix}pred={pred_lemma}",
             f"{prefix}role|pred={r.role}|{pred_lemma}", f"{prefix}via={m.via}",
             f"{prefix}kind={kind}", f"{prefix}loc={m.locative}"]
    if r.prep:
        feats += [f"{prefix}prep={r.prep}", f"{prefix}prep|pred={r.prep}|{pred_lemma}"]
    if owner is not None:
        feats += [f"{prefix}owner={owner[0]}", f"{prefix}owner_dep={owner[1]}"]
    if text in PRONOUNS:
        feats.append(f"{prefix}pron={text}")
    if negated:
        feats.append(f"{prefix}pred_neg")
    if modal:
        feats.append(f"{prefix}modal={modal}")
    return feats, r


def _role(doc: Doc, start: int, end: int, memo: dict) -> syntax.Role:
    """syntax.role_of, once per stretch of tokens (a mention is a source and a target)."""
    key = ("role", start, end)
    got = memo.get(key)
    if got is None:
        got = memo[key] = syntax.role_of(doc, start, end)
    return got


def _mention_facts(doc: Doc, m, memo: dict):
    """What the parse says of a mention, whichever side of a pair it is on: its role, its
    predicate's lemma, its owner's (lemma, dep), its words, and its predicate's negation
    and modal."""
    key = ("facts", m.token_start, m.token_end)
    got = memo.get(key)
    if got is None:
        r = _role(doc, m.token_start, m.token_end, memo)
        pred = doc[r.predicate]
        owner = None
        if r.owner is not None:
            owner_tok = doc[r.owner]
            owner = (owner_tok.lemma_.lower(), syntax.relation_label(owner_tok))
        text = doc[m.token_start:m.token_end].text.lower()
        got = memo[key] = (r, pred.lemma_.lower(), owner, text, syntax.is_negated(pred), syntax.modal_of(pred))
    return got


def pair_features(doc: Doc, sent: Span, pair: Pair, kinds: dict[str, str | None],
                  rule_votes: dict[tuple[str, str | None], set[str]],
                  memo: dict | None = None) -> list[str]:
    memo = {} if memo is None else memo
    if pair.source is None:   # an act done to the target by a doer the sentence does not name
        t_feats, t_role, _ = _mention_part(memo, "t_", doc, pair.target, kinds)
        return t_feats + _sourceless_own(doc, t_role)
    s_feats, s_role, _ = _mention_part(memo, "s_", doc, pair.source, kinds)
    if pair.target is None:
        return s_feats + _pair_own(doc, pair, s_role, None, rule_votes, {})
    t_feats, t_role, _ = _mention_part(memo, "t_", doc, pair.target, kinds)
    return s_feats + t_feats + _pair_own(doc, pair, s_role, t_role, rule_votes, memo)


MentionPart = tuple[list[str], syntax.Role, set[int]]


def _mention_part(memo: dict, prefix: str, doc: Doc, m, kinds: dict[str, str | None]) -> MentionPart:
    """A mention's own features, its role and their hashed indices: the same in every pair
    the mention is in, so worked out once per sentence."""
    key = (prefix, m.start, m.end, m.actor_id)
    if key not in memo:
        feats, role = _mention_features(prefix, doc, m, kinds.get(m.actor_id), memo)
        memo[key] = (feats, role, hash_set(feats))
    return memo[key]


def _sourceless_own(doc: Doc, t_role: syntax.Role) -> list[str]:
    """The features of a pair with no named source (after its target's own)."""
    return ["s_none", f"t_role|s_none={t_role.role}", f"t_pred|s_none={doc[t_role.predicate].lemma_.lower()}"]


def _pair_own(doc: Doc, pair: Pair, s_role: syntax.Role, t_role: syntax.Role | None,
              rule_votes: dict[tuple[str, str | None], set[str]], memo: dict) -> list[str]:
    """The features of the pair itself (after its source's and its target's own)."""
    s_votes = rule_votes.get((pair.source.actor_id, None), set())
    if pair.target is None or t_role is None:
        feats = ["t_none", f"s_role|t_none={s_role.role}"]
        feats += [f"rule_src={t}" for t in s_votes]
        feats += [f"rule_pair={t}" for t in rule_votes.get((pair.source.actor_id, "-"), set())]
        return feats
    s_head, t_head = s_role.head, t_role.head
    same_pred = s_role.predicate == t_role.predicate
    order = "st" if s_head < t_head else "ts"
    dist = abs(s_head - t_head)
    feats = [f"order={order}", f"dist={min(dist, 10) // 2}", f"same_pred={same_pred}",
             f"roles={s_role.role}|{t_role.role}", f"roles|order={s_role.role}|{t_role.role}|{order}",
             f"roles|same_pred={s_role.role}|{t_role.role}|{same_pred}"]
    if t_role.prep:
        feats.append(f"s_pred|t_prep={_lemma(doc, s_role.predicate, memo)}|{t_role.prep}|{same_pred}")
    feats += _lca_features(doc, s_head, t_head, memo)
    lo, hi = sorted((s_head, t_head))
    between = memo.get(("btw", lo, hi))
    if between is None:   # the same words for (a, b) and (b, a)
        between = [f"btw={t.lemma_.lower()}" for t in doc[lo + 1:hi]
                   if t.pos_ in ("VERB", "NOUN", "ADP") and not t.is_stop][:6]
        memo[("btw", lo, hi)] = between
    feats += between
    feats += [f"rule_src={t}" for t in s_votes]
    feats += [f"rule_pair={t}" for t in rule_votes.get((pair.source.actor_id, pair.target.actor_id), set())]
    return feats


def _lemma(doc: Doc, i: int, memo: dict) -> str:
    key = ("lemma", i)
    got = memo.get(key)
    if got is None:
        got = memo[key] = doc[i].lemma_.lower()
    return got


def _lca_features(doc: Doc, a: int, b: int, memo: dict) -> list[str]:
    """syntax.lowest_common_ancestor(doc[a], doc[b]) as features, from each head's path up
    (worked out once per head: a head is in many pairs)."""
    up_a = set(_path_up(doc, a, memo))
    lca = next((i for i in _path_up(doc, b, memo) if i in up_a), None)
    if lca is None:
        return []
    key = ("lca", lca)
    got = memo.get(key)
    if got is None:
        tok = doc[lca]
        got = memo[key] = [f"lca={tok.lemma_.lower()}", f"lca_pos={tok.pos_}"]
    return got


def _path_up(doc: Doc, i: int, memo: dict) -> list[int]:
    key = ("path", i)
    got = memo.get(key)
    if got is None:
        got = memo[key] = [t.i for t in syntax.path_up(doc[i], 20)]
    return got


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


PREDICATE_PARTS = syntax.PARTICLE | syntax.DIRECT_OBJECT | syntax.ADJECTIVAL_COMPLEMENT | syntax.NOMINAL_ATTRIBUTE


def dense_pair_features(doc: Doc, sent: Span, pairs: list[Pair], vectors, memo: dict | None = None) -> np.ndarray:
    """Word-vector features of each pair: what the sentence is about, the doer's predicate
    (with its particle and object: "carried out strikes"), and the words between the two
    mentions. Zeros stand for a part that does not exist (no target). `memo` may be the
    one featurize_sentence filled for the sentence (the mentions' roles)."""
    import numpy as np

    memo = {} if memo is None else memo
    out = np.zeros((len(pairs), 3 * vectors.dim), dtype=np.float32)
    whole = vectors.mean(sent)
    predicates: dict[tuple[int, int], np.ndarray] = {}   # one per source mention, shared by its pairs
    betweens: dict[tuple[int, int], np.ndarray] = {}
    for i, pair in enumerate(pairs):
        key = (pair.doer.token_start, pair.doer.token_end)
        if key not in predicates:
            pred = doc[_role(doc, key[0], key[1], memo).predicate]
            predicates[key] = vectors.mean([pred, *syntax.dependents(pred, PREDICATE_PARTS)])
        out[i, :vectors.dim] = whole
        out[i, vectors.dim:2 * vectors.dim] = predicates[key]
        if pair.target is not None and pair.source is not None:
            first, second = sorted((pair.source, pair.target), key=lambda m: m.token_start)
            gap = (first.token_end, max(first.token_end, second.token_start))
            if gap not in betweens:   # the same words for (a, b) and (b, a)
                betweens[gap] = vectors.mean(doc[gap[0]:gap[1]])
            out[i, 2 * vectors.dim:] = betweens[gap]
    return out


def featurize_sentence(ctx, sent: Span, kinds: dict[str, str | None] | None = None,
                       memo: dict | None = None,
                       skip: Callable[[Pair], bool] | None = None) -> list[tuple[Pair, list[int]]]:
    """Every candidate pair of a sentence with its hashed features (training and coding alike).

    A row is hashed(sentence_features(sent) + pair_features(...)); the sentence's part and
    each mention's part are hashed once and joined per pair, which gives the same indices.
    `memo` (what the parse says of the sentence's mentions and heads) may be passed on to
    dense_pair_features for the same sentence. Pairs for which `skip` says so keep their
    place with no features (the coder skips pairs whose result it would drop)."""
    from realpolitik.extract.events.pair_model.candidates import pairs, sentence_mentions

    mentions = sentence_mentions(ctx, sent.start_char, sent.end_char)
    if not mentions:
        return []
    kinds = actor_kinds(ctx) if kinds is None else kinds
    votes = rule_votes_in(ctx.events, sent.start_char, sent.end_char)
    shared = hash_set(sentence_features(sent))
    doc = ctx.doc
    memo = {} if memo is None else memo
    rows = []
    for p in pairs(mentions, sourceless=True):
        if skip is not None and skip(p):
            rows.append((p, []))
            continue
        if p.source is None:
            _, t_role, t_ids = _mention_part(memo, "t_", doc, p.target, kinds)
            ids = shared | t_ids | hash_set(_sourceless_own(doc, t_role))
            rows.append((p, sorted(ids)))
            continue
        _, s_role, s_ids = _mention_part(memo, "s_", doc, p.source, kinds)
        if p.target is None:
            ids = shared | s_ids | hash_set(_pair_own(doc, p, s_role, None, votes, memo))
        else:
            _, t_role, t_ids = _mention_part(memo, "t_", doc, p.target, kinds)
            ids = shared | s_ids | t_ids | hash_set(_pair_own(doc, p, s_role, t_role, votes, memo))
        rows.append((p, sorted(ids)))
    return rows
