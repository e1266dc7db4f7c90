"""`realpolitik scenario draft` from the store (every backend) and from an analysis file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from realpolitik.cli import main
from realpolitik.forecast.draft import interests_by_key

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "seabed_interests.jsonl"


@pytest.fixture(scope="module")
def seabed_analyses(pipeline):
    from realpolitik.ingest import iter_documents

    return list(pipeline.analyze_documents(iter_documents([str(FIXTURE)])))


def test_a_persons_interest_counts_for_their_state():
    actors = [{"id": "lee-min", "country": "KOR"}, {"id": "KOR", "country": "KOR"}, {"id": "JPN", "country": "JPN"}]
    interests = [{"actor": "lee-min", "text": "lower tariffs"}, {"actor": "JPN", "text": "a fishing deal"},
                 {"actor": "BRA", "text": "soy exports"}]
    got = interests_by_key(interests, actors, ["KOR", "JPN"])
    assert [(i["actor"], i["stated_by"]) for i in got] == [("KOR", "lee-min"), ("JPN", "JPN")]


def test_draft_reads_stated_interests_from_the_store(tmp_path):
    article = tmp_path / "gas.txt"
    article.write_text(
        "Published: 2023-05-02\n\n"
        "Mongolia wants a transit fee for every cubic metre that crosses its territory. "
        "Kazakhstan's top priority is to keep its own gas exports to China flowing.\n",
        encoding="utf-8")
    db = str(tmp_path / "store.duckdb")
    runner = CliRunner()
    ingested = runner.invoke(main, ["ingest", str(article), "--db", db])
    assert ingested.exit_code == 0, ingested.output
    out = tmp_path / "draft.yaml"
    result = runner.invoke(main, ["scenario", "draft", "transit terms", "--actors", "MNG", "KAZ",
                                  "--terms", "transit", "--db", db, "-o", str(out)])
    assert result.exit_code == 0, result.output
    drafted = {a["id"]: a for a in yaml.safe_load(out.read_text(encoding="utf-8"))["actors"]}
    assert drafted["MNG"]["evidence"] and "transit fee" in drafted["MNG"]["evidence"][0]["text"]
    assert (drafted["MNG"]["salience"], drafted["MNG"]["position"]) == (90, 100)  # its one statement: wants
    # Kazakhstan states an interest, but in gas exports, not transit: the default, labelled
    assert drafted["KAZ"]["basis"]["salience"] == "no matching topic" and drafted["KAZ"]["salience"] == 50
    assert "1 of 2 actors have stated interests on the issue" in result.output


def test_cli_drafts_from_every_backend(location, seabed_analyses, tmp_path):
    from realpolitik.store import open_store

    with open_store(location) as store:
        for a in seabed_analyses:
            store.add_analysis(a)
    out = tmp_path / "draft.yaml"
    result = CliRunner().invoke(main, ["scenario", "draft", "Will seabed mining go ahead?", "--actors", "NOR,FRA",
                                       "RUS", "--db", location, "-o", str(out)])
    assert result.exit_code == 0, result.output
    drafted = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert [(a["id"], a["salience"], a["position"]) for a in drafted["actors"]] == [
        ("NOR", 90, 100), ("FRA", 76, 0), ("RUS", 50, None)]
    assert "NOR      salience   90  position  100  4 statement(s)  basis: topics" in result.output


def test_cli_drafts_from_an_analysis_file_with_its_documents(seabed_analyses, tmp_path):
    from realpolitik.schema import merge

    analysis = tmp_path / "seabed.json"
    analysis.write_text(json.dumps(merge(seabed_analyses).to_dict()), encoding="utf-8")
    out = tmp_path / "draft.yaml"
    result = CliRunner().invoke(main, ["scenario", "draft", "seabed mining", "--actors", "DEU", "ISL",
                                       "--analysis", str(analysis), "-o", str(out)])
    assert result.exit_code == 0, result.output
    drafted = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert [(a["id"], a["salience"], a["position"]) for a in drafted["actors"]] == [("DEU", 67, 33), ("ISL", 90, 0)]


def test_cli_refuses_terms_with_no_content_word(location, seabed_analyses):
    from realpolitik.store import open_store

    with open_store(location) as store:
        store.add_analysis(seabed_analyses[0])
    result = CliRunner().invoke(main, ["scenario", "draft", "x", "--actors", "NOR", "--terms", "the",
                                       "--db", location])
    assert result.exit_code == 2
    assert "--terms 'the' has no content word" in result.output


def test_cli_refuses_an_analysis_file_whose_spans_fall_outside_its_documents(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({
        "schema": "realpolitik.analysis/1",
        "documents": [{"id": "sha256:x", "text": "Norway wants seabed mining."}],
        "interests": [{"actor": "NOR", "rank": None, "text": "seabed mining", "doc": "sha256:x",
                       "span": {"start": 13, "end": 400}}]}), encoding="utf-8")
    result = CliRunner().invoke(main, ["scenario", "draft", "seabed mining", "--actors", "NOR",
                                       "--analysis", str(bad)])
    assert result.exit_code == 3
    assert f"{bad} is not a usable analysis" in result.output and "outside document" in result.output


def test_cli_refuses_a_since_that_is_not_a_date(tmp_path):
    result = CliRunner().invoke(main, ["scenario", "draft", "seabed mining", "--actors", "NOR",
                                       "--since", "last year", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2
    assert "'last year' is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)" in result.output
