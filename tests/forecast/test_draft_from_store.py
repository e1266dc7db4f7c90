"""`realpolitik scenario draft` gathers interests from the store, people counting for their state."""

from __future__ import annotations

import yaml
from click.testing import CliRunner

from realpolitik.cli import main
from realpolitik.forecast.draft import interests_by_key


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
                                  "--db", db, "-o", str(out)])
    assert result.exit_code == 0, result.output
    drafted = {a["id"]: a for a in yaml.safe_load(out.read_text(encoding="utf-8"))["actors"]}
    assert drafted["MNG"]["evidence"] and "transit fee" in drafted["MNG"]["evidence"][0]["text"]
    assert drafted["KAZ"]["evidence"]
    assert drafted["MNG"]["position"] is None  # positions are the analyst's to set
