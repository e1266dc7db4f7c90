"""`realpolitik analyze` and `realpolitik schema` from the command line."""

from __future__ import annotations

import json

from click.testing import CliRunner

from realpolitik.cli import main
from realpolitik.schema import validate


def test_schema_prints_the_json_schema():
    result = CliRunner().invoke(main, ["schema"])
    assert result.exit_code == 0
    assert json.loads(result.output)["$id"] == "realpolitik.analysis/1"


def test_analyze_writes_a_valid_contract_and_a_report(tmp_path):
    article = tmp_path / "note.txt"
    article.write_text("Manila protested after Chinese coast guard ships blocked a supply mission last year.\n",
                       encoding="utf-8")
    out = tmp_path / "out.json"
    result = CliRunner().invoke(main, ["analyze", str(article), "--published", "2024-02", "--json", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    analysis = validate(data)
    assert analysis.documents[0].published == "2024-02"
    assert {"PHL", "CHN-COP"} <= {a.id for a in analysis.actors}
    assert "Actors" in result.output


def test_a_bad_published_date_is_a_usage_error(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Hanoi spoke.", encoding="utf-8")
    result = CliRunner().invoke(main, ["analyze", str(article), "--published", "someday soon"])
    assert result.exit_code == 2
    assert "--published" in result.output


def test_nothing_analysable_exits_3_naming_the_path(tmp_path):
    result = CliRunner().invoke(main, ["analyze", str(tmp_path / "missing.txt")])
    assert result.exit_code == 3
    assert "missing.txt" in result.output


def test_a_store_url_password_never_reaches_stderr():
    secret = "hunter2-not-for-readers"
    result = CliRunner().invoke(main, ["actors", "--db", f"postgresql://realpolitik:{secret}@127.0.0.1:9/corpus"])
    assert result.exit_code == 3
    assert "cannot connect to postgresql://realpolitik:***@127.0.0.1:9/corpus" in result.output
    assert secret not in result.output
