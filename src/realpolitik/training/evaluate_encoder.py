"""Scores the exported encoder coder (onnxruntime, as the pipeline runs it) on the dev split's
candidate pairs, with the pair model's decoder and the corpus scorer, and times it.

The same rows as training.finetune_events scores, so the figure after export and int8
quantisation compares directly with the torch model's. Speed is the encoder coder alone on
one thread: words of the encoded sentences per second (whitespace words, as `realpolitik
bench` counts them).

    python -m realpolitik.training.evaluate_encoder build/pairs.jsonl [--model DIR]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import numpy as np

from realpolitik.extract.encoder.model import EncoderModel, PairQuery
from realpolitik.extract.events.encoder import DIRECTORY
from realpolitik.training.annotations import TYPES, load
from realpolitik.training.finetune_events import row_spans, texts_read
from realpolitik.training.pair_model import decode, evaluate_rows, read


def dev_queries(rows: list[dict]) -> tuple[list[tuple[str, list[PairQuery]]], list[list[int]]]:
    """The dev rows as (text read, pairs) with the row indices of each text's pairs: a row's
    "unit" (its trigger's clause) where it has one, else its sentence, as in training."""
    sentences = {d.doc: d.sentences for d in load(split="dev")}
    queries, members = [], []
    for doc, s, start, text, at in texts_read(rows, sentences):
        queries.append((text, [PairQuery(*row_spans(rows[i], text, start, sentences[doc][s][0])) for i in at]))
        members.append(at)
    return queries, members


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("pairs", type=Path)
    ap.add_argument("--model", type=Path, default=DIRECTORY)
    ap.add_argument("--retune", action="store_true",
                    help="pick the threshold again on dev (int8 weights shift the probabilities) and write it "
                         "into the model's encoder.json")
    args = ap.parse_args(argv)
    rows = [r for r in read(args.pairs) if r["split"] == "dev"]   # every row has a source or a target (Pair)
    model = EncoderModel(args.model, threads=1)
    queries, members = dev_queries(rows)
    started = time.perf_counter()
    per_sentence = model.probabilities(queries)
    seconds = time.perf_counter() - started
    probs = np.zeros((len(rows), len(TYPES)), dtype=np.float32)
    for at, p in zip(members, per_sentence, strict=True):
        probs[at] = p
    words = sum(len(text.split()) for text, _ in queries)
    if args.retune:   # as in training: the one threshold with the best dev full F1
        from realpolitik.training.finetune_events import THRESHOLDS

        scores = {th: evaluate_rows(rows, decode(rows, probs, np.full(len(TYPES), th)), "dev")["full"]["f1"]
                  for th in THRESHOLDS}
        model.threshold = max(THRESHOLDS, key=lambda th: (scores[th], -th))
        settings_path = args.model / "encoder.json"
        settings = json.loads(settings_path.read_text(encoding="utf-8"))
        settings["threshold"] = model.threshold
        settings_path.write_text(json.dumps(settings, indent=1) + "\n", encoding="utf-8")
    result = evaluate_rows(rows, decode(rows, probs, np.full(len(TYPES), model.threshold)), "dev")
    print(json.dumps({"threshold": model.threshold, "encoded_sentences": len(queries), "pairs": len(rows), "words": words,
                      "seconds": round(seconds, 2), "words_per_s": round(words / seconds), **result}, indent=1))


if __name__ == "__main__":
    main()
