"""Fine-tunes a truncated all-MiniLM-L6-v2 as the interest model over the same candidates.

The linear interest model (training.interest_model) decides over each candidate clause with
hashed lexical and syntactic features; this is the same decision with the events encoder's
architecture (training.finetune_events): one encoder pass per sentence — per clause where the
sentence coordinates clauses with subjects of their own (the rows' "unit", see
extract.encoder_interests.coder.unit_of) — each candidate pooling the encoder's states over
that text, its holder's mention (the subject, when it has one), its span, its predicate and
the words between, then a small MLP to one logit per stance.
The rows, their labels (training.interest_model.label), the decoder and the dev scorer are
the linear model's, so the two compare on the same footing. Trained on the train split only,
seeded and deterministic; the epoch and threshold are picked on dev (balanced P and R, as the
linear model's). Needs torch (not in the default install), as the events encoder does.

    python -m realpolitik.training.finetune_interests build/interest_rows.jsonl [OUT] [--layers 3]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

from realpolitik.extract.encoder.inputs import Pieces, pool_weights
from realpolitik.training.finetune_events import (
    SentenceExample,
    build_model,
    fit,
    predict,
    prepared,
    sentence_examples,
)
from realpolitik.training.interest_model import THRESHOLDS, balanced, evaluate, label
from realpolitik.training.interests import STANCES, load


def _within(span: list[int] | None, start: int) -> tuple[int, int] | None:
    return None if span is None else (span[0] - start, span[1] - start)


def row_inputs(pieces: Pieces, row: dict, start: int) -> tuple[np.ndarray, float]:
    """A candidate row's pooling weights (holder's mention, span, predicate; the row's spans are
    the document's, the pieces the sentence's, which starts at `start`) and its flag: whether
    the holder is an actor named in the sentence rather than the document's voice."""
    holder = _within(row["subject"], start) or (0, 0)
    return (pool_weights(pieces, holder, _within(row["span"], start), _within(row["head"], start)),
            float(row["kind"] == "actor"))


def examples(rows: list[dict], wordpiece, max_pieces: int) -> list[SentenceExample]:
    """The candidates as sentence examples, with their stance labels; a row left out by the
    labelling (another candidate says the same gold) counts for nothing."""
    def candidate_inputs(r: dict, text: str, start: int, pieces: Pieces):
        pool, flag = row_inputs(pieces, r, start)
        return (pool, flag, [float(r["y"] == stance) for stance in STANCES],
                [0.0 if r["skip"] else 1.0] * len(STANCES))

    return sentence_examples(rows, {d.doc: d.sentences for d in load()}, wordpiece, max_pieces, candidate_inputs)


def dev_score(rows: list[dict], dev: list[SentenceExample], probs: np.ndarray) -> dict:
    """The threshold with the best balanced holder+span P and R on dev, and its scores."""
    at = [r for e in dev for r in e.rows]
    dev_rows, dev_probs = [rows[i] for i in at], probs[at]
    return balanced([evaluate(dev_rows, dev_probs, th, "dev") for th in THRESHOLDS])


def train(rows: list[dict], layers: int = 3, epochs: int = 3, batch: int = 16, lr: float = 5e-5,
          head_lr: float = 1e-3, pos_weight: float = 2.0, seed: int = 0, max_pieces: int = 126,
          threads: int = 2, log=print):
    """Fits on the train split, scores dev after each epoch; the best epoch's model and scores."""
    minilm, train_data, dev_data = prepared(rows, examples, seed, threads, max_pieces)
    model = build_model(minilm.weights, layers, outputs=len(STANCES))

    def evaluate_epoch(fitted) -> tuple[dict, tuple, dict]:
        result = dev_score(rows, dev_data, predict(fitted, dev_data, len(rows), outputs=len(STANCES)))
        hs = result["holder+span"]
        return ({"threshold": result["threshold"], "holder+span": hs, "holder accuracy": result.get("holder accuracy")},
                (min(hs["p"], hs["r"]), hs["f1"]), result)

    result, history = fit(model, train_data, len(STANCES), evaluate_epoch, epochs=epochs, batch=batch, lr=lr,
                          head_lr=head_lr, pos_weight=pos_weight, seed=seed, log=log)
    return model, result, history


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("rows", type=Path, help="candidate rows from training.interest_model --build")
    ap.add_argument("out", type=Path, nargs="?", help="directory for the fitted model (torch state, scores)")
    ap.add_argument("--layers", type=int, default=3)
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--lr", type=float, default=5e-5)
    ap.add_argument("--head-lr", type=float, default=1e-3)
    ap.add_argument("--pos-weight", type=float, default=2.0)
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args(argv)
    rows = [json.loads(line) for line in args.rows.read_text(encoding="utf-8").splitlines()]
    if rows and "head" not in rows[0]:
        sys.exit(f"{args.rows}: rows without the predicate and holder spans: rebuild them with "
                 "python -m realpolitik.training.interest_model ROWS --build")
    label(rows)
    rows = [r for r in rows if r["split"] in ("train", "dev")]   # the test split is never read
    model, result, history = train(rows, layers=args.layers, epochs=args.epochs, batch=args.batch, lr=args.lr,
                                   head_lr=args.head_lr, pos_weight=args.pos_weight, seed=args.seed,
                                   threads=args.threads, log=lambda m: print(m, file=sys.stderr))
    summary = {"layers": args.layers, "history": history, **result}
    print(json.dumps(summary, indent=1))
    if args.out:
        import torch

        args.out.mkdir(parents=True, exist_ok=True)
        torch.save(model.state_dict(), args.out / "model.pt")
        (args.out / "config.json").write_text(json.dumps({"layers": args.layers, "threshold": result["threshold"],
                                                          "stances": list(STANCES)}, indent=1), encoding="utf-8")
        (args.out / "dev_scores.json").write_text(json.dumps(summary, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
