"""The shipped encoder coder: encoder.onnx (int8, onnxruntime) with its vocabulary and settings.

Written by `make train-encoder` (training.finetune_events, then training.export_encoder);
installed with the `[encoder]` extra (onnxruntime). Nothing is fetched at run time: a model
whose bytes differ from the sha256 beside it is refused.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from realpolitik.extract.encoder_events.inputs import PARTS, encode, pool_weights

DIRECTORY = Path(__file__).parent


class EncoderUnavailable(RuntimeError):
    """The encoder coder was asked for but cannot run here (no onnxruntime, or no model)."""


@dataclass(frozen=True)
class PairQuery:
    """One candidate pair of a sentence, as character spans within the sentence."""
    source: tuple[int, int]
    target: tuple[int, int] | None
    trigger: tuple[int, int]


class EncoderModel:
    def __init__(self, directory: Path = DIRECTORY, threads: int = 1) -> None:
        try:
            import onnxruntime
        except ImportError as exc:
            raise EncoderUnavailable("the encoder coder needs onnxruntime: pip install 'realpolitik[encoder]'") from exc
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
        options.enable_cpu_mem_arena = False   # batches vary in shape: an arena keeps every size it saw
        self.session = onnxruntime.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])

    def probabilities(self, sentences: list[tuple[str, list[PairQuery]]], batch: int = 32) -> list[np.ndarray]:
        """P(type) [pairs, types] for each sentence's pairs; one encoder pass per sentence."""
        out: list[np.ndarray] = [np.zeros((len(q), len(self.types)), dtype=np.float32) for _, q in sentences]
        encoded = [encode(self.wordpiece, text, self.max_pieces) for text, _ in sentences]
        order = sorted((i for i, (_, q) in enumerate(sentences) if q), key=lambda i: len(encoded[i].ids))
        for lo in range(0, len(order), batch):
            chunk = order[lo:lo + batch]
            n = max(len(encoded[i].ids) for i in chunk)
            ids = np.zeros((len(chunk), n), dtype=np.int64)
            mask = np.zeros((len(chunk), n), dtype=np.float32)
            pools, sentence_of, has_target = [], [], []
            for j, i in enumerate(chunk):
                pieces = encoded[i]
                ids[j, :len(pieces.ids)] = pieces.ids
                mask[j, :len(pieces.ids)] = 1.0
                for q in sentences[i][1]:
                    p = np.zeros((len(PARTS), n), dtype=np.float32)
                    p[:, :len(pieces.ids)] = pool_weights(pieces, q.source, q.target, q.trigger)
                    pools.append(p)
                    sentence_of.append(j)
                    has_target.append(float(q.target is not None))
            logits = self.session.run(None, {"ids": ids, "mask": mask, "pools": np.stack(pools),
                                             "sentence_of": np.array(sentence_of, dtype=np.int64),
                                             "has_target": np.array(has_target, dtype=np.float32)})[0]
            probs = 1.0 / (1.0 + np.exp(-logits))
            at = 0
            for i in chunk:
                k = len(sentences[i][1])
                out[i] = probs[at:at + k]
                at += k
        return out


@cache
def load(directory: Path = DIRECTORY) -> EncoderModel:
    return EncoderModel(directory)
