"""Every export is read back by its own reader and says what the store says, corrections included.

The GDELT and FtM exports have their own files (test_gdelt.py, test_ftm.py)."""

from __future__ import annotations

import csv
import json

import networkx as nx
import pyarrow.parquet as pq
import pytest

from realpolitik import schema
from realpolitik.export import export, exporters


def test_every_registered_format_is_tested():
    assert set(exporters()) == {"json", "csv", "parquet", "graphml", "gdelt", "ftm"}


def test_contract_json(filled, tmp_path):
    store, rejected = filled
    [path] = export(store, "json", tmp_path / "corpus.json")
    back = schema.read(path)
    assert len(back.documents) == store.counts()["documents"]
    assert len(back.events) == store.counts()["events"] and rejected["id"] not in {e.id for e in back.events}
    assert "vladimir-putin" not in {a.id for a in back.actors}


def test_csv_tables(filled, tmp_path):
    store, rejected = filled
    paths = export(store, "csv", tmp_path / "csv")
    assert sorted(p.name for p in paths) == ["actors.csv", "claims.csv", "datapackage.json", "documents.csv",
                                             "events.csv", "interests.csv", "quantities.csv"]
    with open(tmp_path / "csv" / "events.csv", encoding="utf-8", newline="") as f:
        events = list(csv.DictReader(f))
    assert len(events) == store.counts()["events"]
    assert rejected["id"] not in {e["id"] for e in events}
    assert all(e["sentence"] and e["type"] for e in events)
    with open(tmp_path / "csv" / "actors.csv", encoding="utf-8", newline="") as f:
        actors = {a["id"]: a for a in csv.DictReader(f)}
    assert "vladimir-putin" not in actors and "Vladimir Putin" in actors["RUS"]["aliases"]


def test_csv_keeps_codes_as_text_and_says_each_columns_type(filled, tmp_path):
    store, _ = filled
    export(store, "csv", tmp_path / "csv")
    raw = (tmp_path / "csv" / "events.csv").read_text(encoding="utf-8")
    with open(tmp_path / "csv" / "events.csv", encoding="utf-8", newline="") as f:
        first = next(csv.DictReader(f))
    assert first["cameo"].isdigit() and len(first["cameo"]) >= 2
    assert f'"{first["cameo"]}"' in raw            # quoted: no reader turns "03" into 3
    package = json.loads((tmp_path / "csv" / "datapackage.json").read_text(encoding="utf-8"))
    events = next(r for r in package["resources"] if r["name"] == "events")
    types = {f["name"]: f["type"] for f in events["schema"]["fields"]}
    assert types["cameo"] == "string" and types["goldstein"] == "number" and types["dated_value"] == "date"
    assert types["negated"] == "boolean" and types["trigger_start"] == "integer"


def test_a_date_prefix_becomes_its_first_day_and_precision():
    from datetime import date

    from realpolitik.export.tables import date_and_precision

    assert date_and_precision("2023") == (date(2023, 1, 1), "year")
    assert date_and_precision("2023-05") == (date(2023, 5, 1), "month")
    assert date_and_precision("2023-05-14") == (date(2023, 5, 14), "day")
    assert date_and_precision("2010/2024") == (date(2010, 1, 1), "range")
    assert date_and_precision(None) == (None, None) and date_and_precision("soon") == (None, None)


def test_parquet_tables(filled, tmp_path):
    store, _ = filled
    export(store, "parquet", tmp_path / "pq")
    events = pq.read_table(tmp_path / "pq" / "events.parquet")
    assert events.num_rows == store.counts()["events"]
    assert str(events.schema.field("goldstein").type) == "double"
    assert str(events.schema.field("dated_value").type) == "date32[day]"
    rows = events.select(["dated", "dated_value", "dated_precision"]).to_pylist()
    for r in rows:
        if r["dated"]:
            assert r["dated_value"].isoformat().startswith(r["dated"].split("/")[0][:4])
            assert r["dated_precision"] in ("year", "month", "day", "range")
    assert pq.read_table(tmp_path / "pq" / "claims.parquet").num_rows == store.counts()["claims"]
    assert pq.read_table(tmp_path / "pq" / "quantities.parquet").num_rows == store.counts()["quantities"]
    assert pq.read_table(tmp_path / "pq" / "actors.parquet").num_rows == store.counts()["actors"]


def test_graphml_network(filled, tmp_path):
    store, _ = filled
    [path] = export(store, "graphml", tmp_path / "net.graphml")
    g = nx.read_graphml(path)
    assert {"CHN", "RUS"} <= set(g.nodes) and "vladimir-putin" not in g.nodes
    told = [e for e in store.events(limit=None) if e["source"] and e["target"] and not e["negated"]
            and not e["hypothetical"]]
    assert sum(d["weight"] for _, _, d in g.edges(data=True)) == len(told)
    assert g.nodes["CHN"]["name"] == "China"


def test_unknown_format_is_refused(filled, tmp_path):
    with pytest.raises(ValueError, match="unknown export format"):
        export(filled[0], "xml", tmp_path / "x")
