"""`realpolitik forecast` on the bundled example and on a broken file."""

import json
from pathlib import Path

from click.testing import CliRunner

from realpolitik.cli import main

EXAMPLE = Path(__file__).resolve().parents[2] / "src" / "realpolitik" / "examples" / "scenarios" / "power-of-siberia-2.yaml"


def test_forecast_example_with_plot(tmp_path):
    plot = tmp_path / "rounds.png"
    out = tmp_path / "f.json"
    result = CliRunner().invoke(main, ["forecast", str(EXAMPLE), "--plot", str(plot), "--json", str(out)])
    assert result.exit_code == 0, result.output
    assert "spread between models" in result.output
    assert plot.stat().st_size > 1000
    data = json.loads(out.read_text())
    assert data["illustrative"] and data["rounds"][0]["round"] == 0


def test_forecast_one_model_json_stdout():
    result = CliRunner().invoke(main, ["forecast", str(EXAMPLE), "--model", "compromise", "--json", "-"])
    assert result.exit_code == 0
    assert list(json.loads(result.output)["forecasts"]) == ["compromise"]


def test_forecast_bad_file_exit_3_with_line(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(EXAMPLE.read_text().replace("salience: 95", "salience: 195", 1))
    result = CliRunner().invoke(main, ["forecast", str(bad)])
    assert result.exit_code == 3
    assert "bad.yaml:16: actor 'RUS' salience 195 is out of range 0–100" in result.output


def test_unknown_model_is_usage_error():
    result = CliRunner().invoke(main, ["forecast", str(EXAMPLE), "--model", "oracle"])
    assert result.exit_code == 2
