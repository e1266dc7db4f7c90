"""The built-in extractors run in one order in every process, whatever imported them first:
a test suite, a server or a notebook that imports one module early must code a text exactly
as a fresh `realpolitik analyze` (or a Ray worker) does."""

from __future__ import annotations

import json
import subprocess
import sys

SCRAMBLED = ("realpolitik.extract.events.policy", "realpolitik.extract.interest_model.coder",
             "realpolitik.extract.claims", "realpolitik.extract.events.counterparts")


def _order(first: tuple[str, ...]) -> list[str]:
    code = ("import importlib, json, sys\n"
            f"for m in {list(first)!r}: importlib.import_module(m)\n"
            "from realpolitik.extract import load_default_extractors\n"
            "print(json.dumps([e.name for e in load_default_extractors()]))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120)
    return json.loads(done.stdout)


def test_import_order_does_not_change_the_extractor_order():
    fresh = _order(())
    assert fresh.index("event_model") < fresh.index("event_counterparts") < fresh.index("event_policy")
    assert _order(SCRAMBLED) == fresh
