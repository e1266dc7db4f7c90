"""`realpolitik export` from the command line: each format written where asked, its files listed."""

from __future__ import annotations

import shutil

from click.testing import CliRunner

from realpolitik.cli import main


def test_export_gdelt_and_tables_from_the_command_line(example_db, tmp_path):
    db = str(tmp_path / "copy.duckdb")
    shutil.copy(example_db, db)
    out = tmp_path / "events.tsv"
    result = CliRunner().invoke(main, ["export", "gdelt", str(out), "--db", db])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == str(out)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines and all(len(line.split("\t")) == 61 for line in lines)

    result = CliRunner().invoke(main, ["export", "csv", str(tmp_path / "csv"), "--db", db])
    assert result.exit_code == 0, result.output
    listed = {line.rsplit("/", 1)[-1] for line in result.output.split()}
    assert {"documents.csv", "interests.csv", "events.csv", "datapackage.json"} <= listed
