"""Exports as downloads, each read back by its own reader."""

from __future__ import annotations

import csv
import io
import json
import zipfile


def test_exports_are_listed(api):
    names = {e["name"] for e in api.get("/exports").json()}
    assert {"json", "csv", "graphml", "gdelt"} <= names


def test_json_export_is_the_contract(api):
    from realpolitik.schema import validate

    r = api.get("/exports/json")
    assert r.status_code == 200 and "attachment" in r.headers["content-disposition"]
    analysis = validate(json.loads(r.content))
    assert len(analysis.documents) == api.get("/health").json()["counts"]["documents"]


def test_csv_export_is_a_zip_of_tables(api):
    r = api.get("/exports/csv")
    assert r.headers["content-type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(r.content)) as z:
        names = z.namelist()
        assert any(n.startswith("events") for n in names)
        events = next(n for n in names if n.startswith("events"))
        rows = list(csv.DictReader(io.StringIO(z.read(events).decode("utf-8"))))
    assert len(rows) == api.get("/health").json()["counts"]["events"]


def test_graphml_export_reads_in_networkx(api):
    import networkx as nx

    graph = nx.read_graphml(io.BytesIO(api.get("/exports/graphml").content))
    assert graph.number_of_nodes() > 0


def test_unknown_export_is_404(api, error_of):
    error_of(api.get("/exports/pdf"), 404, "not_found")


def test_gdelt_export_is_gdelt_2s_event_table(api):
    body = api.get("/exports/gdelt").content
    lines = body.decode("utf-8").split("\n")
    assert b"\r" not in body and lines[-1] == "" and len(lines) > 20
    assert all(len(line.split("\t")) == 61 and line.split("\t")[0].isdigit() for line in lines[:-1])


def test_ftm_export_passes_followthemoneys_validation(api):
    from followthemoney import model

    lines = api.get("/exports/ftm").content.decode("utf-8").splitlines()
    assert lines
    for line in lines:
        data = json.loads(line)
        assert model.get(data["schema"]).validate(data) is None
