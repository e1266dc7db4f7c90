"""Drafting a scenario from stated interests."""

import json

import yaml
from click.testing import CliRunner

from realpolitik.cli import main
from realpolitik.forecast.draft import draft_scenario
from realpolitik.forecast.scenario import parse_scenario

INTERESTS = [
    {"actor": "RUS", "rank": 1, "text": "Russia desperately needs a buyer for the gas Europe no longer takes.",
     "doc": "sha256:a", "span": {"start": 0, "end": 70}},
    {"actor": "RUS", "rank": 2, "text": "Moscow wants the pipeline built quickly.", "doc": "sha256:a",
     "span": {"start": 71, "end": 111}},
    {"actor": "CHN", "rank": 1, "text": "Beijing may buy more gas at a lower price.", "doc": "sha256:a",
     "span": {"start": 112, "end": 154}},
    {"actor": "USA", "rank": 1, "text": "Washington watches.", "doc": "sha256:a", "span": {"start": 155, "end": 174}},
]


def test_salience_suggested_and_explained():
    draft = draft_scenario("PoS2", ["RUS", "CHN", "KAZ"], INTERESTS)
    by_id = {a["id"]: a for a in draft["actors"]}
    # RUS: 1.0 × 1.5 (desperately) + 0.5 = 2.0 → 90; CHN: 1.0 × 2/3 (may) → 20 + 70 × (0.667/2) ≈ 43
    assert by_id["RUS"]["salience"] == 90
    assert by_id["CHN"]["salience"] == 43
    assert by_id["KAZ"]["salience"] == 50 and "no stated interest" in by_id["KAZ"]["comment"]
    assert by_id["RUS"]["basis"] == {"salience": "rank and wording", "position": "analyst"}
    assert by_id["RUS"]["comment"].startswith("fallback, rank and wording")
    assert by_id["KAZ"]["basis"]["salience"] == "no stated interest"
    assert "desperately" in by_id["RUS"]["comment"] and "hedged" in by_id["CHN"]["comment"]
    assert all(a["position"] is None for a in draft["actors"])
    assert by_id["CHN"]["source"]["salience"] == {"doc": "sha256:a", "start": 112, "end": 154}
    assert len(by_id["RUS"]["evidence"]) == 2 and "USA" not in by_id


def test_draft_round_trips_through_the_loader():
    text = yaml.safe_dump(draft_scenario("PoS2", ["RUS", "CHN"], INTERESTS), sort_keys=False)
    scenario = parse_scenario(text, "draft.yaml", allow_empty_position=True)
    assert [a.id for a in scenario.actors] == ["RUS", "CHN"]


def test_cli_draft(tmp_path):
    analysis = tmp_path / "a.json"
    analysis.write_text(json.dumps({"schema": "realpolitik.analysis/1", "interests": INTERESTS}))
    out = tmp_path / "draft.yaml"
    result = CliRunner().invoke(main, ["scenario", "draft", "PoS2", "--actors", "RUS", "CHN",
                                       "--analysis", str(analysis), "-o", str(out)])
    assert result.exit_code == 0, result.output
    drafted = yaml.safe_load(out.read_text())
    assert [a["id"] for a in drafted["actors"]] == ["RUS", "CHN"]
    assert "rank-and-wording rule" in drafted["notes"]  # no document text: the fallback, labelled
    assert "rank-and-wording fallback" in result.output
