"""A shipped encoder coder's model: encoder.onnx (int8, onnxruntime) with its vocabulary and
settings, in its coder's directory (the event coder's in extract/events/encoder, the interest
coder's in extract/encoder_interests), both loaded the same way.

Written by `make train` or `make train-encoder` (training.finetune_events, then
training.export_encoder); run with onnxruntime (part of the core install). Nothing is fetched
at run time: a model whose bytes differ from the sha256 beside it is refused.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from realpolitik.extract.encoder.inputs import encode, pool_weights


class EncoderUnavailable(RuntimeError):
    """The encoder coder was asked for but cannot run here (no onnxruntime, or no model)."""


@dataclass(frozen=True)
class PairQuery:
    """One candidate pair of a sentence, as character spans within the sentence. `flag` is the
    head's one extra input: by default whether there is a target; the interest encoder, whose
    span is always there, reads whether the holder is an actor named in the sentence."""
    source: tuple[int, int]
    target: tuple[int, int] | None
    trigger: tuple[int, int]
    flag: float | None = None

    @property
    def head_flag(self) -> float:
        return self.flag if self.flag is not None else float(self.target is not None)


class EncoderModel:
    def __init__(self, directory: Path, threads: int = 1, arena: bool = False) -> None:
        try:
            import onnxruntime
        except ImportError as exc:
            raise EncoderUnavailable("the encoder coder needs onnxruntime (part of the install): pip install onnxruntime") from exc
        from realpolitik.extract.wordpiece import WordPiece

        path = directory / "encoder.onnx"
        if not path.exists():
            raise EncoderUnavailable(f"{path}: no encoder model installed (make train-encoder writes it)")
        expected = path.with_suffix(".sha256").read_text(encoding="utf-8").split()[0]
        actual = hashlib.sha256(path.read_bytes()).hexdigest()
        if actual != expected:
            raise EncoderUnavailable(f"{path}: sha256 {actual} does not match {expected}; reinstall or retrain")
        settings = json.loads((directory / "encoder.json").read_text(encoding="utf-8"))
        self.types: tuple[str, ...] = tuple(settings["types"])
        self.threshold: float = float(settings["threshold"])
        self.max_pieces: int = int(settings["max_pieces"])
        pieces = (directory / "vocab.txt").read_text(encoding="utf-8").splitlines()
        self.wordpiece = WordPiece({p: i for i, p in enumerate(pieces)})
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        # onnxruntime's memory arena keeps the largest tensors a pass has needed. Each text is its
        # own batch (below), so the encoder's are bounded by max_pieces, but the pair head's grow
        # with a text's candidate pairs (each pools over the text's states). For the event coder,
        # whose sentences can hold dozens of pairs, the arena raised peak memory by about 90 MB
        # (733 against 639 MB on 60,000 words) and was no faster: off. The interest encoder reads
        # a clause's few candidates and was a little faster with it (session 9): on.
        options.enable_cpu_mem_arena = arena
        self.session = onnxruntime.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])

    def probabilities(self, sentences: list[tuple[str, list[PairQuery]]]) -> list[np.ndarray]:
        """P(label) [pairs, labels] for each sentence's pairs; one encoder pass per sentence.

        Each sentence is its own batch: the int8 model quantises its activations with scales
        taken from the whole batch, so sentences batched together change each other's scores
        (by up to 0.3 in probability, measured on dev); alone, a sentence scores the same in
        any document. It is faster too: no padding, and no pooling over padded pieces."""
        out: list[np.ndarray] = []
        for text, queries in sentences:
            if not queries:
                out.append(np.zeros((0, len(self.types)), dtype=np.float32))
                continue
            pieces = encode(self.wordpiece, text, self.max_pieces)
            ids = np.array([pieces.ids], dtype=np.int64)
            pools = np.stack([pool_weights(pieces, q.source, q.target, q.trigger) for q in queries])
            logits = self.session.run(None, {"ids": ids, "mask": np.ones(ids.shape, dtype=np.float32),
                                             "pools": pools, "sentence_of": np.zeros(len(queries), dtype=np.int64),
                                             "has_target": np.array([q.head_flag for q in queries],
                                                                    dtype=np.float32)})[0]
            out.append(1.0 / (1.0 + np.exp(-logits)))
        return out


@cache
def load(directory: Path, arena: bool = False) -> EncoderModel:
    return EncoderModel(directory, arena=arena)
