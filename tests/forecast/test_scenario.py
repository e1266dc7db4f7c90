"""Scenario files: the bundled example loads; bad files are refused with their line."""

from pathlib import Path

import pytest

from realpolitik.forecast.engine import run_scenario
from realpolitik.forecast.scenario import ScenarioError, load_scenario, parse_scenario

EXAMPLE = Path(__file__).resolve().parents[2] / "src" / "realpolitik" / "examples" / "scenarios" / "power-of-siberia-2.yaml"

GOOD = """\
issue: Test issue
scale: {low: nothing, high: everything}
status_quo: {position: 10, source: analyst judgement}
actors:
  - id: A
    position: 0
    salience: 50
    capability: 1
    source: {position: analyst judgement, salience: analyst judgement, capability: analyst judgement}
  - id: B
    position: 100
    salience: 50
    capability: 3
    source:
      position: {doc: "sha256:x", start: 0, end: 10}
      salience: analyst judgement
      capability: analyst judgement
"""


def problems(text: str) -> list[str]:
    with pytest.raises(ScenarioError) as info:
        parse_scenario(text, "s.yaml")
    return info.value.problems


def test_good_scenario_and_forecast():
    scenario = parse_scenario(GOOD, "s.yaml")
    assert [a.id for a in scenario.actors] == ["A", "B"]
    assert scenario.status_quo == 10
    result = run_scenario(scenario, ("compromise", "median"))
    assert result.forecasts["compromise"] == pytest.approx(75)
    assert result.spread == pytest.approx(25)


def test_bundled_example_is_illustrative_and_runs():
    scenario = load_scenario(EXAMPLE)
    assert scenario.illustrative
    assert "2,600 km" in scenario.high
    result = run_scenario(scenario)
    assert set(result.forecasts) == {"compromise", "nash", "median", "eu"}
    assert all(0 <= v <= 100 for v in result.forecasts.values())


def test_missing_field_names_the_line():
    text = GOOD.replace("    salience: 50\n    capability: 3\n", "    capability: 3\n")
    assert problems(text) == ["s.yaml:10: actor 'B' is missing 'salience'"]


def test_salience_out_of_range_names_the_line():
    text = GOOD.replace("salience: 50\n    capability: 1", "salience: 150\n    capability: 1")
    assert problems(text) == ["s.yaml:7: actor 'A' salience 150 is out of range 0–100"]


def test_actor_twice_names_both_lines():
    text = GOOD.replace("id: B", "id: A")
    assert problems(text) == ["s.yaml:10: actor 'A' appears twice (first at line 5)"]


def test_duplicate_key_and_missing_source_and_top_level():
    text = GOOD.replace("    capability: 3\n", "    capability: 3\n    capability: 4\n")
    assert "s.yaml:14:" in problems(text)[0] and "twice" in problems(text)[0]
    text = GOOD.replace("      capability: analyst judgement\n", "")
    assert problems(text) == ["s.yaml:14: actor 'B' has no source for its capability"]
    assert problems("issue: x\n") == [f"s.yaml:1: missing '{k}'" for k in ("scale", "status_quo", "actors")]


def test_empty_position_only_in_drafts():
    text = GOOD.replace("position: 0\n", "position: null\n")
    assert "s.yaml:6: actor 'A' position must be a number" in problems(text)[0]
    scenario = parse_scenario(text, "s.yaml", allow_empty_position=True)
    with pytest.raises(ScenarioError, match="has no position yet"):
        scenario.columns()
