"""The GDELT export is GDELT 2.0's event table: a GDELT reader loads it with GDELT's own column
names and types, and every field says what GDELT's codebook says it holds."""

from __future__ import annotations

import re
from datetime import date

import pytest

from realpolitik.export import export
from realpolitik.export.gdelt import COLUMNS, fraction_date, global_event_id, lead_paragraph_end

# The 61 fields of the GDELT 2.0 Event table, in the order of the GDELT Event Database Data Format
# Codebook V2.0 (2015), named as in GDELT's BigQuery table and file headers (the codebook calls the
# second field "Day"; every reader names it SQLDATE).
GDELT_2_EVENT_COLUMNS = [
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
    "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
]
TEXT_COLUMNS = [c for c in GDELT_2_EVENT_COLUMNS if c.endswith(("Code", "Name", "FullName", "FeatureID"))
                and "Geo_Type" not in c] + ["SOURCEURL"]
# how a GDELT user reads the files: codes as text (the codebook insists), numbers as numbers
GDELT_DTYPES = {**{c: str for c in TEXT_COLUMNS}, "GLOBALEVENTID": "int64", "SQLDATE": "int64",
                "MonthYear": "int64", "Year": "int64", "FractionDate": "float64", "IsRootEvent": "int64",
                "QuadClass": "int64", "GoldsteinScale": "float64", "NumMentions": "int64", "NumSources": "int64",
                "NumArticles": "int64", "AvgTone": "float64", "Actor1Geo_Type": "int64", "Actor2Geo_Type": "int64",
                "ActionGeo_Type": "int64", "DATEADDED": "int64"}


def test_the_columns_are_gdelt_2s_61_in_the_codebooks_order():
    assert len(GDELT_2_EVENT_COLUMNS) == 61
    assert list(COLUMNS) == GDELT_2_EVENT_COLUMNS


def rows_by_id(path) -> dict[int, dict[str, str]]:
    lines = path.read_bytes().decode("utf-8").split("\n")
    assert lines[-1] == ""  # every row ends with LF
    rows = [dict(zip(GDELT_2_EVENT_COLUMNS, line.split("\t"), strict=True)) for line in lines[:-1]]
    return {int(r["GLOBALEVENTID"]): r for r in rows}


def row_of(rows, doc_text: str, event_id: str) -> dict[str, str]:
    from realpolitik.schema import content_id

    return rows[global_event_id({"doc": content_id(doc_text), "id": event_id})]


def test_file_is_tab_separated_lf_and_has_no_header(wire, tmp_path):
    [path] = export(wire, "gdelt", tmp_path / "events.tsv")
    raw = path.read_bytes()
    assert b"\r" not in raw and raw.endswith(b"\n")
    lines = raw.decode("utf-8").splitlines()
    assert all(len(line.split("\t")) == 61 for line in lines)
    assert all(line.split("\t")[0].isdigit() for line in lines)  # no header row
    assert "GLOBALEVENTID" not in raw.decode("utf-8")


def test_full_cameo_codes_igo_actors_and_a_month_date(wire, wire_report, tmp_path):
    [path] = export(wire, "gdelt", tmp_path / "events.tsv")
    rows = rows_by_id(path)
    veto = row_of(rows, wire_report.text, "ev-veto")
    # the veto rule's full code, not the stored root
    assert (veto["EventCode"], veto["EventBaseCode"], veto["EventRootCode"], veto["QuadClass"]) == \
        ("1241", "124", "12", "3")
    # the Security Council has no CAMEO code of its own: it is the UN's
    assert (veto["Actor2Code"], veto["Actor2KnownGroupCode"], veto["Actor2Type1Code"]) == ("IGOUNO", "UNO", "IGO")
    assert veto["Actor2CountryCode"] == "" and veto["Actor2Name"] == "UNITED NATIONS SECURITY COUNCIL"
    assert (veto["Actor1Code"], veto["Actor1CountryCode"]) == ("RUS", "RUS")
    # dated by its document's month: GDELT needs a day, the first of the month
    assert (veto["SQLDATE"], veto["MonthYear"], veto["Year"], veto["FractionDate"]) == \
        ("20190301", "201903", "2019", "2019.1671")
    assert veto["IsRootEvent"] == "1" and veto["GoldsteinScale"] == "-4.0"
    assert veto["SOURCEURL"] == wire_report.url
    assert re.fullmatch(r"\d{14}", veto["DATEADDED"])

    warn = row_of(rows, wire_report.text, "ev-warn")
    assert (warn["Actor1Code"], warn["Actor1CountryCode"], warn["Actor1Type1Code"]) == ("RUSGOV", "RUS", "GOV")
    assert (warn["Actor2Code"], warn["Actor2KnownGroupCode"]) == ("IGOWSTNAT", "NAT")
    assert (warn["EventCode"], warn["EventBaseCode"], warn["EventRootCode"]) == ("130", "130", "13")
    assert warn["SQLDATE"] == "20190314" and warn["IsRootEvent"] == "0"  # second paragraph

    sign = row_of(rows, wire_report.text, "ev-sign")
    assert sign["SQLDATE"] == "20190311"  # a range starts on its first day
    assert sign["EventCode"] == "030"  # the rule's 057 is not under the stored root 03


def test_what_gdelt_cannot_hold_is_left_out_and_no_local_path_shows(wire, wire_report, tmp_path):
    [path] = export(wire, "gdelt", tmp_path / "events.tsv")
    text = path.read_text(encoding="utf-8")
    rows = rows_by_id(path)
    # the negated attack and the undated note's request are not GDELT events
    assert len(rows) == 3
    assert wire_report.path not in text and "/home/" not in text


def test_sourceurl_is_the_document_id_when_there_is_no_url(store, wire_report, tmp_path):
    _, later = wire_report.analyses()
    later.documents[0].published = "2019-04-02"
    store.add_analysis(later)
    [path] = export(store, "gdelt", tmp_path / "events.tsv")
    row = row_of(rows_by_id(path), wire_report.later, "ev-ask")
    assert row["SOURCEURL"] == later.documents[0].id and row["SOURCEURL"].startswith("sha256:")
    assert row["SQLDATE"] == "20190402"


def test_a_gdelt_reader_loads_the_corpus_export_with_the_right_types(filled, tmp_path):
    pd = pytest.importorskip("pandas")
    store, rejected = filled
    [path] = export(store, "gdelt", tmp_path / "events.tsv")
    df = pd.read_csv(path, sep="\t", header=None, names=GDELT_2_EVENT_COLUMNS, dtype=GDELT_DTYPES)
    told = [e for e in store.events(limit=None) if e["dated"] and not e["negated"] and not e["hypothetical"]]
    assert len(df) == len(told) > 20
    assert df["GLOBALEVENTID"].is_unique
    for column, dtype in GDELT_DTYPES.items():
        if dtype is str:
            assert pd.api.types.is_string_dtype(df[column]), column
        else:
            assert str(df[column].dtype) == dtype, column
    assert df["EventCode"].str.fullmatch(r"\d{3,4}").all()
    assert (df["EventBaseCode"] == df["EventCode"].str[:3]).all()
    assert (df["EventRootCode"] == df["EventCode"].str[:2]).all()
    assert df["EventRootCode"].str.startswith("0").any()  # leading zeros survive the read
    assert (df["MonthYear"] == df["SQLDATE"] // 100).all() and (df["Year"] == df["SQLDATE"] // 10000).all()
    assert df["QuadClass"].between(1, 4).all()
    assert not df["SOURCEURL"].str.startswith("/").any()
    # the corpus's leaders and ministries are coded as their state's government
    assert {"CHNGOV", "RUSGOV"} <= set(df["Actor1Code"].dropna())
    assert global_event_id(rejected) not in set(df["GLOBALEVENTID"])


def test_fraction_date_is_computed_as_gdelts_files_compute_it():
    # GDELT's own rows: 2016-04-01 is 2016.2493 (its codebook's formula would give 2016.3315)
    assert fraction_date(date(2016, 4, 1)) == 2016.2493
    assert fraction_date(date(2019, 3, 1)) == 2019.1671


def test_the_lead_paragraph_is_the_first_paragraph_of_body_text():
    text = "Sign up for our newsletter.\n\nFirst paragraph here.\nStill first.\n\nSecond one."
    first = text.index("First")
    assert lead_paragraph_end(text, []) == text.index("\n\nFirst")
    assert lead_paragraph_end(text, [(0, first - 2)]) == text.index("\n\nSecond")
    # no blank lines: each line is a paragraph
    assert lead_paragraph_end("One.\nTwo.", []) == 4
    assert lead_paragraph_end("", []) == 0
