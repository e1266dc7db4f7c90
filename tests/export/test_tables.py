"""The table exports: documents and interests beside events, typed columns in CSV (read through
the datapackage.json a Frictionless reader uses) and real dates in Parquet."""

from __future__ import annotations

import json

import pyarrow.parquet as pq
import pytest

from realpolitik.export import export

# what a reader that knows only the Frictionless table schema makes of each type
FRICTIONLESS_TO_PANDAS = {"string": "string", "integer": "Int64", "number": "float64", "boolean": "boolean"}


def read_csv_package(pd, folder, table: str):
    """Read one CSV of the export as a Frictionless-aware reader would: types from datapackage.json."""
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    [resource] = [r for r in package["resources"] if r["name"] == table]
    fields = resource["schema"]["fields"]
    dtypes = {f["name"]: FRICTIONLESS_TO_PANDAS[f["type"]] for f in fields if f["type"] in FRICTIONLESS_TO_PANDAS}
    dates = [f["name"] for f in fields if f["type"] in ("date", "datetime")]
    return pd.read_csv(folder / resource["path"], dtype=dtypes, parse_dates=dates, keep_default_na=False,
                       na_values=[""])


def test_documents_and_interests_tables(wire, wire_report, tmp_path):
    pd = pytest.importorskip("pandas")
    export(wire, "csv", tmp_path / "csv")
    docs = read_csv_package(pd, tmp_path / "csv", "documents")
    assert len(docs) == wire.counts()["documents"] == 2
    report = docs[docs["url"] == wire_report.url].iloc[0]
    assert report["published"] == "2019-03" and report["published_precision"] == "month"
    assert report["published_value"] == pd.Timestamp("2019-03-01") and report["version"] == 1
    assert report["ingested_at"].year >= 2024
    interests = read_csv_package(pd, tmp_path / "csv", "interests")
    [row] = interests.to_dict("records")
    assert (row["actor"], row["rank"], row["text"], row["published_precision"]) == \
        ("RUS", 1, "new deployments", "month")

    export(wire, "parquet", tmp_path / "pq")
    documents = pq.read_table(tmp_path / "pq" / "documents.parquet")
    assert documents.num_rows == 2
    assert str(documents.schema.field("published_value").type) == "date32[day]"
    assert str(documents.schema.field("ingested_at").type) == "timestamp[us]"
    assert pq.read_table(tmp_path / "pq" / "interests.parquet").num_rows == 1


def test_csv_read_through_its_datapackage_keeps_every_columns_type(filled, tmp_path):
    pd = pytest.importorskip("pandas")
    store, _ = filled
    export(store, "csv", tmp_path / "csv")
    events = read_csv_package(pd, tmp_path / "csv", "events")
    assert len(events) == store.counts()["events"]
    assert events["cameo"].str.fullmatch(r"\d{2,4}").all()
    assert events["cameo"].str.startswith("0").any()  # "03" stays "03"
    assert str(events["negated"].dtype) == "boolean" and str(events["trigger_start"].dtype) == "Int64"
    assert str(events["goldstein"].dtype) == "float64"
    assert pd.api.types.is_datetime64_any_dtype(events["dated_value"])
    interests = read_csv_package(pd, tmp_path / "csv", "interests")
    assert len(interests) == len(store.interests(limit=None)) > 0
    documents = read_csv_package(pd, tmp_path / "csv", "documents")
    assert len(documents) == store.counts()["documents"]
    assert pd.api.types.is_datetime64_any_dtype(documents["ingested_at"])


def test_every_tables_main_date_is_a_parquet_date_with_its_precision(filled, tmp_path):
    store, _ = filled
    export(store, "parquet", tmp_path / "pq")
    for table, column in (("events", "dated"), ("claims", "published"), ("quantities", "date"),
                          ("documents", "published"), ("interests", "published")):
        t = pq.read_table(tmp_path / "pq" / f"{table}.parquet")
        assert str(t.schema.field(f"{column}_value").type) == "date32[day]", table
        for r in t.select([column, f"{column}_value", f"{column}_precision"]).to_pylist():
            if r[column]:
                assert r[f"{column}_value"].isoformat()[:4] == r[column][:4], table
                assert r[f"{column}_precision"] in ("year", "month", "day", "range"), table
