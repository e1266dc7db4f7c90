"""The fine-tuned encoder event coder (the default since session 12; events_model: pairs is
the faster choice): one pass of a truncated, fine-tuned
all-MiniLM-L6-v2 per sentence (or per coordinated clause), run with onnxruntime; candidate
pairs from the same actor machinery as the pair model; a small MLP over the pair's pooled
states gives its types. The pair model chooses which sources it reads (coder.GATE)."""

from pathlib import Path

DIRECTORY = Path(__file__).parent   # encoder.onnx, its sha256, encoder.json, vocab.txt, NOTICE
