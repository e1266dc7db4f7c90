"""The same pipeline on a Ray cluster (issue 16): `--engine ray` for ingest and analyze.

Ray is an optional extra (`pip install 'realpolitik[ray]'`): nothing outside this package
imports it, and only engine.py does, when a command asks for the Ray engine.

How a run goes (engine.py): the driver lists the input files (ingest.sources.inputs, names
only); they are read with the project's own readers (ingest.sources.read_input, so folders,
JSONL, HTML, text and Parquet with a text column read exactly as on one machine), in Ray Data
tasks for files that may hold many documents, else by the actors themselves; `map_batches`
runs the pipeline in an actor pool whose actors each build the spaCy pipeline and the models
once (tasks.Analyzer); results (contract JSON) come back to the driver in input order and go
to the store a batch per transaction (store.batches), or the workers write them to Parquet
partitioned by publication month (parquet.py), from which `realpolitik ingest parquet://DIR`
loads a store. Modules: rows (what travels between stages), tasks (the code that runs on the
workers), engine (Ray itself), run (the two commands' loops), parquet (output and loading).
"""

from __future__ import annotations

INSTALL_HINT = "pip install 'realpolitik[ray]'"


class RayUnavailable(RuntimeError):
    """Ray is not installed, or the cluster cannot be reached; the message says what to do."""


def require_ray() -> None:
    """Fail with an installable message when the optional extra is missing."""
    try:
        import ray  # noqa: F401
        import ray.data  # noqa: F401
    except ImportError as exc:
        raise RayUnavailable(f"--engine ray needs Ray, an optional extra: {INSTALL_HINT} ({exc})") from exc
