"""Interests on sentences written for the purpose: interest_cases.yaml is the specification."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

HERE = Path(__file__).resolve().parent
CASES = [case for path in sorted(HERE.glob("interest_cases*.yaml"))
         for case in yaml.safe_load(path.read_text(encoding="utf-8"))]


def key(analysis, actor_id):
    for a in analysis.actors:
        if a.id == actor_id:
            return a.country or a.org or a.id
    return actor_id


@pytest.fixture(scope="module", params=["encoder", "linear"])
def analyze_with(request, analyze):
    """The specification holds for both learned interest coders: the linear model (the default,
    faster) and the encoder (more accurate)."""
    from realpolitik.config import Config
    from realpolitik.pipeline import Pipeline
    from realpolitik.schema import validate

    if request.param == Config.from_env().interests_model:
        analyze.model = request.param
        return analyze
    if request.param == "encoder":
        pytest.importorskip("onnxruntime")
    pipeline = Pipeline(config=Config.from_env(interests_model=request.param))

    def run(text: str, published: str | None = None):
        analysis = pipeline.analyze_text(text, published=published)
        validate(analysis.to_dict())
        return analysis

    run.model = request.param
    return run


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:50] for c in CASES])
def test_interest_case(analyze_with, case, request):
    known = case.get("known_errors", {}).get(analyze_with.model)
    if known:   # a model's recorded error: strict, so the day it is mended the marker must go
        request.applymarker(pytest.mark.xfail(strict=True, reason=known))
    text = case["text"]
    analysis = analyze_with(text, "2024")
    got = [(key(analysis, i.actor), i.rank, text[i.span.start:i.span.end]) for i in analysis.interests]
    for want in case["interests"]:
        lo = text.index(want["hint"])
        hi = lo + len(want["hint"])
        match = [i for i in analysis.interests if key(analysis, i.actor) == want["actor"]
                 and i.span.start < hi and lo < i.span.end]
        assert match, f"no interest of {want['actor']} over {want['hint']!r}; got {got}"
        if "rank" in want:
            assert any(i.rank == want["rank"] for i in match), f"rank {want['rank']} wanted; got {got}"
        assert all(i.text == text[i.span.start:i.span.end] for i in match)
    for hint in case.get("none", []):
        lo = text.index(hint)
        hi = lo + len(hint)
        assert not [i for i in analysis.interests if i.span.start < hi and lo < i.span.end], got


def test_an_actor_is_needed(analyze):
    assert analyze("Everybody wants a quiet life by the sea.", "2024").interests == []
