"""Claims on sentences written for the purpose: claim_cases.yaml is the specification.

Each case runs through the real pipeline (actors, coreference, claims) and says which
propositions must come out as claims, with which status, source and quotation flag.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

HERE = Path(__file__).resolve().parent
CASES = yaml.safe_load((HERE / "claim_cases.yaml").read_text(encoding="utf-8"))


def key(analysis, actor_id):
    for a in analysis.actors:
        if a.id == actor_id:
            return a.country or a.org or a.id
    return actor_id


def overlapping(analysis, text, hint):
    lo = text.index(hint)
    hi = lo + len(hint)
    return [c for c in analysis.claims if c.span.start < hi and lo < c.span.end]


def test_there_are_at_least_forty_cases():
    assert len(CASES) >= 40


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:50] for c in CASES])
def test_claim_case(analyze, case):
    text = case["text"]
    analysis = analyze(text, "2024")
    for want in case["claims"]:
        cands = overlapping(analysis, text, want["hint"])
        assert cands, f"no claim over {want['hint']!r}; got {[(c.status, text[c.span.start:c.span.end]) for c in analysis.claims]}"
        good = [c for c in cands if c.status == want["status"]]
        assert good, f"{want['hint']!r}: statuses {[c.status for c in cands]}, want {want['status']}"
        if "source" in want:
            assert any(key(analysis, c.source) == want["source"] for c in good), (
                f"{want['hint']!r}: sources {[key(analysis, c.source) for c in good]}, want {want['source']}")
        if "source_text" in want:
            assert any(want["source_text"] in (c.source_text or "").lower() for c in good)
        if "quote" in want:
            assert any(c.quote == want["quote"] for c in good)
        for c in good:
            assert c.source_text, "source_text is always filled"
    for hint in case.get("none", []):
        assert not overlapping(analysis, text, hint), f"{hint!r} is plain narrative, not a claim"


def test_plain_narrative_gives_no_claims(analyze):
    analysis = analyze("The delegation arrived in Oslo on Tuesday and left on Thursday.", "2024")
    assert analysis.claims == []


def test_claim_ids_are_stable_and_unique(analyze):
    text = "Chad said that the border was calm. Niger reportedly closed its airspace."
    first = analyze(text, "2024").claims
    again = analyze(text, "2024").claims
    assert [c.id for c in first] == [c.id for c in again]
    assert len({c.id for c in first}) == len(first) == 2


def test_events_inside_a_claim_carry_its_id(analyze, pipeline):
    if "events" not in {ex.name for ex in pipeline.extractors}:
        pytest.skip("the events extractor is not registered")
    text = "According to Western officials, Russia allegedly attacked a Ukrainian port on Monday."
    analysis = analyze(text, "2024")
    claims = {c.id: c for c in analysis.claims}
    linked = [e for e in analysis.events if e.claim]
    assert linked, "the attack is inside the alleged claim"
    assert all(claims[e.claim].status == "alleged" for e in linked)


def test_flagship_claims_and_interests(shared, tmp_path):
    """The acceptance thresholds of the claims issue on the flagship article."""
    out = tmp_path / "c.json"
    cli = Path(sys.executable).with_name("realpolitik")
    if not cli.exists():
        found = shutil.which("realpolitik")
        if found is None:
            pytest.skip("the realpolitik command is not installed")
        cli = Path(found)
    subprocess.run([str(cli), "analyze", str(shared / "examples" / "xi-putin-cepa.txt"), "--published", "2024",
                    "--json", str(out), "-q"], check=True, capture_output=True)
    score = subprocess.run(
        [sys.executable, str(shared / "score.py"), str(out), str(shared / "gold" / "xi-putin-cepa.gold.json"),
         "--min", "claims_recall=0.85", "claims_status_acc=0.85", "claims_source_acc=0.8", "interests_recall=0.75"],
        capture_output=True, text=True)
    assert score.returncode == 0, score.stdout + score.stderr


def test_lemma_in_reads_a_cue_table_that_grew_since_it_was_last_asked():
    from types import SimpleNamespace

    from realpolitik.extract.claims import lemma_in

    table = {"hope"}
    hopes = SimpleNamespace(lemma_="hop", lower_="hopes")   # the tagger's lemma is wrong
    warned = SimpleNamespace(lemma_="warned", lower_="warned")
    assert lemma_in(hopes, table) == "hope"
    assert lemma_in(warned, table) is None
    table.add("warn")
    assert lemma_in(warned, table) == "warn"
    assert lemma_in(hopes, {"hope"}) == "hope"   # another table with the same words
