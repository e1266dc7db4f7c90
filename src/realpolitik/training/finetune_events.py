"""Fine-tunes a truncated all-MiniLM-L6-v2 as a joint event coder over candidate pairs.

One encoder pass per sentence (or per coordinated clause with its own subject: a row's
"unit", extract.encoder.units.unit_of); each candidate pair of the sentence (the rows of
realpolitik.training.pairs: source mention, target mention or none) pools the encoder's
states over the sentence, its source, its target, its trigger word and the words between
the two (extract.encoder.inputs); with the [CLS] state and a has-target flag they go
through a small MLP to one logit per PLOVER type (several may fire; none = all below the
threshold). Trained on the train split only, seeded and deterministic; the epoch and the
threshold are picked on dev with the pair model's decoder and the corpus scorer
(training.evaluate's matching). Needs torch (not in the default install): see `make
train-encoder`.

    python -m realpolitik.training.finetune_events build/pairs.jsonl build/encoder [--layers 3]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from realpolitik.extract.encoder.inputs import PARTS, Pieces, encode, pool_weights, word_at
from realpolitik.training.annotations import TYPES, load
from realpolitik.training.pair_model import decode, evaluate_rows, read

HIDDEN = 384
THRESHOLDS = (0.05, 0.075, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5)


@dataclass
class SentenceExample:
    """One sentence's encoder input and its candidate pairs' pooling weights and labels."""
    key: tuple[str, int]
    pieces: Pieces
    rows: list[int]             # indices into the pairs file's rows
    pools: np.ndarray           # [pairs, len(PARTS), pieces]
    has_target: np.ndarray      # [pairs]
    labels: np.ndarray          # [pairs, types] 1 = the pair carries the type
    counted: np.ndarray         # [pairs, types] 0 = the pipeline missed the target: not taught either way


def texts_read(rows: list[dict], sentences: dict[str, list[tuple[int, int]]]) -> list[tuple[str, int, int, str, list[int]]]:
    """(document, sentence, start, text, row indices): the rows grouped by the text each reads,
    in file order. A row with a "unit" (document offsets: its coordinated clause,
    extract.encoder.units.unit_of) reads that stretch of its sentence, any other its
    sentence (`sentences`: each document's sentence offsets). Training and the scoring of the
    exported model (training.evaluate_encoder) group rows through it."""
    from realpolitik.training import corpus

    grouped: dict[tuple, list[int]] = {}
    for i, r in enumerate(rows):
        grouped.setdefault((r["doc"], r["sentence"], *(r.get("unit") or ())), []).append(i)
    out = []
    for (doc, s, *unit), members in grouped.items():
        start, end = unit or sentences[doc][s]
        out.append((doc, s, start, corpus.get(doc).text[start:end], members))
    return out


def sentence_examples(rows: list[dict], sentences: dict[str, list[tuple[int, int]]], wordpiece, max_pieces: int,
                      row_inputs) -> list[SentenceExample]:
    """The rows grouped by the text they read (texts_read: their sentence, or their clause), each
    text encoded once from the corpus. `row_inputs(row, text, start, pieces)` gives a row's
    (pooling weights, head flag, labels, counted) — the one part the event and the interest
    encoders read differently."""
    out = []
    for doc, s, start, text, members in texts_read(rows, sentences):
        pieces = encode(wordpiece, text, max_pieces)
        pools, flags, labels, counted = zip(*(row_inputs(rows[i], text, start, pieces) for i in members), strict=True)
        out.append(SentenceExample((doc, s), pieces, members, np.stack(pools), np.array(flags, dtype=np.float32),
                                   np.array(labels, dtype=np.float32), np.array(counted, dtype=np.float32)))
    return out


def row_spans(r: dict, text: str, start: int, sentence_start: int) -> tuple:
    """A pair row's source, target (or None) and trigger word as character spans within the text
    read, which starts at `start` (document offsets): its "unit", or its sentence. The row's own
    spans are within its sentence, which starts at `sentence_start`. Training and the scoring of
    the exported model (training.evaluate_encoder) both read rows through it."""
    shift = start - sentence_start
    source, *target = r["spans"]
    return ((source[0] - shift, source[1] - shift) if source is not None else (0, 0),
            (target[0][0] - shift, target[0][1] - shift) if target and target[0] is not None else None,
            word_at(text, r["trigger"] - start))


def examples(rows: list[dict], wordpiece, max_pieces: int) -> list[SentenceExample]:
    """The pair rows as sentence examples: each pair pools its source, target and trigger word
    within the text it reads (its "unit": its trigger's clause, or the whole sentence)."""
    sentences = {d.doc: d.sentences for d in load()}

    def pair_inputs(r: dict, text: str, start: int, pieces: Pieces):
        source, target, trigger = row_spans(r, text, start, sentences[r["doc"]][r["sentence"]][0])
        return (pool_weights(pieces, source, target, trigger), float(target is not None),
                [float(t in r["y"]) for t in TYPES], [float(t not in r["skip"]) for t in TYPES])

    return sentence_examples(rows, sentences, wordpiece, max_pieces, pair_inputs)


def build_model(weights: dict[str, np.ndarray], layers: int, hidden: int = 256, dropout: float = 0.1,
                outputs: int = len(TYPES)):
    """The encoder (MiniLM's first `layers` layers, its own weights) and the pair head (one
    logit per output: the PLOVER types here, the stances for the interest encoder)."""
    import torch
    from torch import nn

    class Layer(nn.Module):
        def __init__(self, prefix: str) -> None:
            super().__init__()
            self.q, self.k, self.v, self.o = (nn.Linear(HIDDEN, HIDDEN) for _ in range(4))
            self.ln1, self.ln2 = nn.LayerNorm(HIDDEN, eps=1e-12), nn.LayerNorm(HIDDEN, eps=1e-12)
            self.up, self.down = nn.Linear(HIDDEN, 4 * HIDDEN), nn.Linear(4 * HIDDEN, HIDDEN)
            names = {self.q: "attention.self.query", self.k: "attention.self.key", self.v: "attention.self.value",
                     self.o: "attention.output.dense", self.ln1: "attention.output.LayerNorm",
                     self.up: "intermediate.dense", self.down: "output.dense", self.ln2: "output.LayerNorm"}
            with torch.no_grad():
                for module, name in names.items():
                    module.weight.copy_(torch.from_numpy(weights[f"{prefix}{name}.weight"]))
                    module.bias.copy_(torch.from_numpy(weights[f"{prefix}{name}.bias"]))

        def forward(self, x, bias):
            b, n, _ = x.shape

            def heads(v):
                return v.view(b, n, 12, HIDDEN // 12).transpose(1, 2)

            scores = heads(self.q(x)) @ heads(self.k(x)).transpose(2, 3) / (HIDDEN // 12) ** 0.5 + bias
            ctx = (scores.softmax(-1) @ heads(self.v(x))).transpose(1, 2).reshape(b, n, HIDDEN)
            x = self.ln1(self.o(ctx) + x)
            return self.ln2(self.down(nn.functional.gelu(self.up(x))) + x)

    class Encoder(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.words = nn.Embedding.from_pretrained(torch.from_numpy(weights["embeddings.word_embeddings.weight"]),
                                                      freeze=True)
            self.positions = nn.Parameter(torch.from_numpy(weights["embeddings.position_embeddings.weight"][:128].copy()))
            self.token_type = nn.Parameter(torch.from_numpy(weights["embeddings.token_type_embeddings.weight"][0].copy()))
            self.ln = nn.LayerNorm(HIDDEN, eps=1e-12)
            with torch.no_grad():
                self.ln.weight.copy_(torch.from_numpy(weights["embeddings.LayerNorm.weight"]))
                self.ln.bias.copy_(torch.from_numpy(weights["embeddings.LayerNorm.bias"]))
            self.layers = nn.ModuleList(Layer(f"encoder.layer.{i}.") for i in range(layers))

        def forward(self, ids, mask):
            n = ids.shape[1]
            x = self.ln(self.words(ids) + self.positions[:n] + self.token_type)
            bias = (1.0 - mask[:, None, None, :]) * -1e9
            for layer in self.layers:
                x = layer(x, bias)
            return x

    class Joint(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.encoder = Encoder()
            self.head = nn.Sequential(nn.Linear((len(PARTS) + 1) * HIDDEN + 1, hidden), nn.GELU(),
                                      nn.Dropout(dropout), nn.Linear(hidden, outputs))

        def forward(self, ids, mask, pools, sentence_of, has_target):
            states = self.encoder(ids, mask)
            pooled = torch.einsum("pkl,pld->pkd", pools, states[sentence_of])
            x = torch.cat([states[sentence_of, 0], pooled.flatten(1), has_target[:, None]], dim=1)
            return self.head(x)

    return Joint()


def batch_tensors(batch: list[SentenceExample]):
    """Padded ids and mask, and the batch's pairs' pools (padded alike), sentence index, flags."""
    import torch

    n = max(len(e.pieces.ids) for e in batch)
    ids = torch.zeros((len(batch), n), dtype=torch.long)
    mask = torch.zeros((len(batch), n), dtype=torch.float32)
    pools, sentence_of = [], []
    for j, e in enumerate(batch):
        ids[j, :len(e.pieces.ids)] = torch.tensor(e.pieces.ids)
        mask[j, :len(e.pieces.ids)] = 1.0
        p = np.zeros((len(e.rows), len(PARTS), n), dtype=np.float32)
        p[:, :, :e.pools.shape[2]] = e.pools
        pools.append(p)
        sentence_of += [j] * len(e.rows)
    return (ids, mask, torch.from_numpy(np.concatenate(pools)), torch.tensor(sentence_of),
            torch.from_numpy(np.concatenate([e.has_target for e in batch])))


def length_batches(data: list[SentenceExample], batch: int, rng: random.Random) -> list[list[SentenceExample]]:
    """Batches of sentences of similar length (little padding), in a seeded random order."""
    order = list(range(len(data)))
    rng.shuffle(order)   # ties in length fall in a random order too
    order.sort(key=lambda i: len(data[i].pieces.ids))
    batches = [[data[i] for i in order[lo:lo + batch]] for lo in range(0, len(order), batch)]
    rng.shuffle(batches)
    return batches


def predict(model, data: list[SentenceExample], n_rows: int, batch: int = 32, outputs: int = len(TYPES)) -> np.ndarray:
    """P(label) — the PLOVER types, or the stances for the interest encoder — for every row of
    the rows file that data covers (others stay 0)."""
    import torch

    model.eval()
    probs = np.zeros((n_rows, outputs), dtype=np.float32)
    order = sorted(range(len(data)), key=lambda i: len(data[i].pieces.ids))
    with torch.no_grad():
        for lo in range(0, len(order), batch):
            chunk = [data[i] for i in order[lo:lo + batch]]
            p = torch.sigmoid(model(*batch_tensors(chunk))).numpy()
            probs[[r for e in chunk for r in e.rows]] = p
    return probs


def dev_score(rows: list[dict], dev: list[SentenceExample], probs: np.ndarray) -> tuple[float, dict]:
    """The single threshold (as the pair model picks it) maximising dev full F1, and its scores."""
    at = [r for e in dev for r in e.rows]
    dev_rows, dev_probs = [rows[i] for i in at], probs[at]
    best = (-1.0, {})
    for th in THRESHOLDS:
        result = evaluate_rows(dev_rows, decode(dev_rows, dev_probs, np.full(len(TYPES), th)), "dev")
        if result["full"]["f1"] > best[1].get("full", {}).get("f1", -1.0):
            best = (th, result)
    return best


def train(rows: list[dict], layers: int = 3, epochs: int = 3, batch: int = 16, lr: float = 5e-5,
          head_lr: float = 1e-3, pos_weight: float = 3.0, seed: int = 0, max_pieces: int = 126,
          threads: int = 2, fraction: float = 1.0, log=print):
    """Fits on the train split, scores dev after each epoch; returns the best epoch's model,
    its threshold and its dev scores, and the per-epoch log."""
    minilm, train_data, dev_data = prepared(rows, examples, seed, threads, max_pieces)
    if fraction < 1.0:
        docs = sorted({e.key[0] for e in train_data})
        keep = set(random.Random(seed).sample(docs, round(len(docs) * fraction)))
        train_data = [e for e in train_data if e.key[0] in keep]
    model = build_model(minilm.weights, layers)

    def evaluate(fitted) -> tuple[dict, float, tuple]:
        threshold, result = dev_score(rows, dev_data, predict(fitted, dev_data, len(rows)))
        return ({"threshold": threshold, "type": result["type"], "full": result["full"]}, result["full"]["f1"],
                (threshold, result))

    (threshold, result), history = fit(model, train_data, len(TYPES), evaluate, epochs=epochs, batch=batch, lr=lr,
                                       head_lr=head_lr, pos_weight=pos_weight, seed=seed, log=log)
    return model, threshold, result, history


def prepared(rows: list[dict], examples_of, seed: int, threads: int, max_pieces: int):
    """(MiniLM, train examples, dev examples), torch seeded and made deterministic first: the
    set-up both encoder trainers share, in the order that makes a retraining byte-identical."""
    import torch

    from realpolitik.training.minilm import MiniLM

    torch.manual_seed(seed)
    torch.set_num_threads(threads)
    torch.use_deterministic_algorithms(True)
    minilm = MiniLM.load()
    data = examples_of(rows, minilm.wordpiece, max_pieces)
    return (minilm, [e for e in data if rows[e.rows[0]]["split"] == "train"],
            [e for e in data if rows[e.rows[0]]["split"] == "dev"])


def fit(model, train_data: list[SentenceExample], outputs: int, evaluate, epochs: int, batch: int, lr: float,
        head_lr: float, pos_weight: float, seed: int, log=print):
    """The fine-tuning loop both encoder coders share: AdamW (the encoder's and the head's own
    learning rates), linear warm-up over a tenth of the steps then linear decay, weighted binary
    cross-entropy (a row's `counted` weights leave out what is not taught), gradients clipped
    at 1. After each epoch `evaluate(model)` gives (log fields, a score to maximise, the result
    to keep); the model ends with the best epoch's weights. Returns (best result, per-epoch log)."""
    import copy

    import torch

    encoder_params = [p for p in model.encoder.parameters() if p.requires_grad]
    optimiser = torch.optim.AdamW([{"params": encoder_params, "lr": lr},
                                   {"params": model.head.parameters(), "lr": head_lr}], weight_decay=0.01)
    steps = epochs * ((len(train_data) + batch - 1) // batch)
    warmup = max(1, steps // 10)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda s: min((s + 1) / warmup, max(0.0, (steps - s) / (steps - warmup))))
    rng = random.Random(seed)
    history, best = [], None
    for epoch in range(1, epochs + 1):
        model.train()
        started, total = time.time(), 0.0
        for chunk in length_batches(train_data, batch, rng):
            logits = model(*batch_tensors(chunk))
            y = torch.from_numpy(np.concatenate([e.labels for e in chunk]))
            w = torch.from_numpy(np.concatenate([e.counted for e in chunk]))
            loss = torch.nn.functional.binary_cross_entropy_with_logits(
                logits, y, weight=w, pos_weight=torch.full((outputs,), pos_weight),
                reduction="sum") / w.sum().clamp(min=1.0)   # a batch with nothing taught adds nothing
            optimiser.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimiser.step()
            schedule.step()
            total += loss.item() * len(chunk)
        fields, score, result = evaluate(model)
        entry = {"epoch": epoch, "loss": round(total / len(train_data), 4), "seconds": round(time.time() - started),
                 **fields}
        history.append(entry)
        log(json.dumps(entry))
        if best is None or score > best[0]:
            best = (score, copy.deepcopy(model.state_dict()), result)
    model.load_state_dict(best[1])
    return best[2], history


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("pairs", type=Path)
    ap.add_argument("out", type=Path, nargs="?", help="directory for the fitted model (torch state, scores)")
    ap.add_argument("--layers", type=int, default=3)
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--lr", type=float, default=5e-5)
    ap.add_argument("--head-lr", type=float, default=1e-3)
    ap.add_argument("--pos-weight", type=float, default=3.0)
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--fraction", type=float, default=1.0, help="share of training documents (learning curve)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args(argv)
    rows = [r for r in read(args.pairs) if r["split"] in ("train", "dev")]   # the test split is never read
    model, threshold, result, history = train(rows, layers=args.layers, epochs=args.epochs, batch=args.batch,
                                              lr=args.lr, head_lr=args.head_lr, pos_weight=args.pos_weight,
                                              seed=args.seed, threads=args.threads, fraction=args.fraction,
                                              log=lambda m: print(m, file=sys.stderr))
    summary = {"layers": args.layers, "threshold": threshold, "history": history, **result}
    print(json.dumps(summary, indent=1))
    if args.out:
        import torch

        args.out.mkdir(parents=True, exist_ok=True)
        torch.save(model.state_dict(), args.out / "model.pt")
        (args.out / "config.json").write_text(json.dumps({"layers": args.layers, "threshold": threshold,
                                                          "types": list(TYPES)}, indent=1), encoding="utf-8")
        (args.out / "dev_scores.json").write_text(json.dumps(summary, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
