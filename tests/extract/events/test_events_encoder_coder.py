"""The encoder coder reads only the doers the pair model points to (GATE: source mentions, and
the mentions an act with no named doer is done to): what it then finds is exactly what it
finds reading every pair, less the acts of the doers left out."""

from __future__ import annotations

from importlib.resources import files

import pytest

from realpolitik.extract.encoder import model as encoder_model
from realpolitik.extract.events.encoder import DIRECTORY, coder
from realpolitik.extract.events.pair_model import coder as pair_coder
from realpolitik.schema import Document, content_id
from realpolitik.training.reading import run_before

pytest.importorskip("onnxruntime")
if not (DIRECTORY / "encoder.onnx").exists():
    pytest.skip("encoder.onnx is not installed (make train-encoder)", allow_module_level=True)

# Our own writing, bundled: at a bar of 0.6 the pair model leaves out two of the sources the
# encoder finds acts of, which shows the gate does leave acts out.
ARTICLE = "2023-03-xi-state-visit.txt"


def _found(ctx, gate: float, monkeypatch) -> set[tuple]:
    monkeypatch.setattr(coder, "GATE", gate)
    return {(sent.start_char, t, pair.gate_key, pair.target.start if pair.target else None)
            for sent, t, pair, _ in coder.code_document(ctx, encoder_model.load(DIRECTORY))}


@pytest.mark.parametrize("bar", [coder.GATE, 0.6])
def test_the_gate_leaves_out_whole_sources_and_changes_nothing_else(pipeline, monkeypatch, bar):
    if pair_coder.load() is None:
        pytest.skip("no pair model shipped")
    text = (files("realpolitik.examples") / "articles" / ARTICLE).read_text(encoding="utf-8")
    ctx = run_before(pipeline, Document(id=content_id(text), text=text, published="2024-05-17"), "event_model")
    every = _found(ctx, 0.0, monkeypatch)
    gated = _found(ctx, bar, monkeypatch)
    assert every and gated, "the encoder codes acts in this article"
    sentences = list(ctx.body_sentences())
    work = [(s, {(named, m.start, m.end) for m in ctx.mentions if s.start_char <= m.start < s.end_char
                 for named in (0, None)}) for s in sentences]
    opened = pair_coder.open_sources(ctx, work, bar)
    assert gated == {e for e in every if e[2] in opened}
    if bar >= 0.5:
        assert gated < every, "a high bar leaves some acts out"
    assert not _found(ctx, 1.01, monkeypatch), "no source passes a bar over 1: nothing is read"
