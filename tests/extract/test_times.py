"""The times extractor: date expressions found in running text and valued against publication."""

from __future__ import annotations

import subprocess
import sys

import pytest

import realpolitik.extract.quantities  # noqa: F401,E402  (registers "times" and "quantities")
from realpolitik.extract import REGISTRY
from realpolitik.extract.context import ExtractContext
from realpolitik.extract.times import sentence_date
from realpolitik.schema import Analysis, Document, validate


@pytest.fixture(scope="module")
def pipe():
    """Only the extractors under test, so the test does not depend on the other stages."""
    from realpolitik.pipeline import Pipeline

    return Pipeline(extractors=[REGISTRY["times"], REGISTRY["quantities"]])


@pytest.fixture(scope="module")
def run(pipe):
    def analyze(text: str, published: str | None = None) -> Analysis:
        analysis = pipe.analyze_text(text, published=published)
        validate(analysis.to_dict())
        return analysis

    return analyze


def times_of(analysis: Analysis) -> dict[str, str | None]:
    return {t.text: t.value for t in analysis.times}


CASES = [
    # (sentence, published, {expression: value}) — every listed expression must be found
    ("Russian troops crossed into Ukraine in February 2022, weeks after the talks in Geneva.", "2024",
     {"February 2022": "2022-02"}),
    ("The defence ministers of both countries met in Beijing on April 5, 2023.", None,
     {"April 5, 2023": "2023-04-05"}),
    ("Japan and South Korea have exchanged ambassadors since last year.", "2024",
     {"last year": "2023"}),
    ("The European Commission expects the accession talks to open this year.", "2024",
     {"this year": "2024"}),
    ("In the past 14 years, the two presidents have held dozens of summits.", "2024",
     {"the past 14 years": "2010/2024"}),
    ("The ceasefire held from 2010-2014 before fighting resumed in the east.", None,
     {"2010-2014": "2010/2014"}),
    ("The alliance expanded eastwards throughout the 1990s and again in 2004.", None,
     {"the 1990s": "1990/1999", "2004": "2004"}),
    ("Tehran resumed enrichment last month, the inspectors reported.", "2024-03-10",
     {"last month": "2024-02"}),
    ("Tehran resumed enrichment last month, the inspectors reported.", "2024",
     {"last month": None}),
    ("The foreign ministers will meet again next week in Brussels.", "2024-03-10",
     {"next week": "2024-03-11/2024-03-17"}),
    ("The Kremlin said on Wednesday that the talks had failed.", "2024-03-10",
     {"Wednesday": "2024-03-06"}),
    ("The Kremlin said on Wednesday that the talks had failed.", "2024",
     {"Wednesday": None}),
    ("Ankara had already signalled earlier this year that it would block the bid.", "2024",
     {"earlier this year": "2024"}),
    ("The sanctions package was agreed two years ago by all member states.", "2023-11-02",
     {"two years ago": "2021"}),
    ("He promised reforms in the first two-to-three years in office.", "2024",
     {"the first two-to-three years": None}),
    ("The border dispute flared up in the summer of 2020 in the Galwan valley.", None,
     {"the summer of 2020": "2020"}),
    # a month named relative to publication: the most recent one before, the first one after
    ("The port reopened last July after a long blockade.", "2024-09-10", {"last July": "2024-07"}),
    ("The port reopened last July after a long blockade.", "2024-07-02", {"last July": "2023-07"}),
    ("The talks are scheduled to resume next March in Oslo.", "2024-09-10", {"next March": "2025-03"}),
    ("The port reopened last July after a long blockade.", "2024", {"last July": None}),
    # a bare May after a preposition is the month; the tense says which one
    ("In May the council approved a new budget for the mission.", "2024-09-10", {"May": "2024-05"}),
    ("The elections will be held in May, the commission said.", "2024-09-10", {"May": "2025-05"}),
    ("Peru plans to take the dispute to the tribunal in June.", "2024-09-10", {"June": "2025-06"}),
    ("Peru took the dispute to the tribunal in June.", "2024-09-10", {"June": "2024-06"}),
    ("Shipments through the canal have slowed since May.", "2023-02-01", {"May": "2022-05"}),
    ("The envoys met earlier this month in Nairobi.", "2024-09-10", {"earlier this month": "2024-09"}),
    ("Grain exports collapsed late last year as demand fell.", "2024-09-10", {"late last year": "2023"}),
    ("The export quota runs until the end of 2023.", "2024-09-10", {"the end of 2023": "2023"}),
]


def test_may_the_modal_and_the_name_are_no_month(run) -> None:
    for text in ("The minister may resign before the vote.", "Theresa May visited Delhi in 2016.",
                 "May brought record exports for the ports of Odesa."):
        found = times_of(run(text, "2024-09-10"))
        assert all(v is None or not v.endswith("-05") for v in found.values()), found


@pytest.mark.parametrize("text,published,expected", CASES)
def test_date_expressions(run, text: str, published: str | None, expected: dict[str, str | None]) -> None:
    found = times_of(run(text, published))
    for expr, value in expected.items():
        assert expr in found, f"{expr!r} not found in {found}"
        assert found[expr] == value


def test_no_published_date_never_resolves_against_today(run) -> None:
    found = times_of(run("Moscow and Pyongyang signed a defence pact last year.", None))
    assert found == {"last year": None}


NOT_DATES = [
    "A 40-year-old diplomat was expelled from the embassy in Vilnius.",
    "The envoy was barred from the country for three years.",
    "The two leaders wished each other a happy birthday every year.",
    "President Erdogan, 70, addressed parliament after a three-day visit to Baku.",
    "Senior officials from both sides meet annually to review the agreement.",
]


@pytest.mark.parametrize("text", NOT_DATES)
def test_ages_frequencies_and_durations_are_not_dates(run, text: str) -> None:
    assert run(text, "2024-03-10").times == []


def test_spans_point_at_the_text_and_never_overlap(run) -> None:
    text = ("Since last year, and especially since February 2022, the two states have held talks "
            "in the past 14 years more often than in the 1990s.")
    analysis = run(text, "2024")
    spans = sorted((t.span.start, t.span.end) for t in analysis.times)
    for t in analysis.times:
        assert text[t.span.start : t.span.end] == t.text
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))
    assert len(spans) == 4


def test_sentence_date_uses_own_time_else_preceding_in_paragraph(pipe) -> None:
    text = ("Beijing hosted the summit in April 2023. The two sides signed a trade deal.\n\n"
            "The ministers disagreed about tariffs.")
    doc = pipe.nlp(text)
    ctx = ExtractContext(document=Document(id="d", text=text, published="2024"), doc=doc)
    REGISTRY["times"].fn(ctx)
    sents = list(doc.sents)
    assert sentence_date(ctx, sents[0].start_char, sents[0].end_char) == "2023-04"
    assert sentence_date(ctx, sents[1].start_char, sents[1].end_char) == "2023-04"
    assert sentence_date(ctx, sents[1].start_char, sents[1].end_char, look_back=False) is None
    last = sents[-1]
    assert sentence_date(ctx, last.start_char, last.end_char) is None  # new paragraph


def test_times_skip_boilerplate(pipe) -> None:
    text = "The envoys met in March 2021.\n\nCEPA Forum 2025 opens in June 2025. Sign up now."
    cut = text.index("CEPA")
    document = Document(id="d", text=text, published="2024", boilerplate=[(cut, len(text))])
    analysis = next(iter(pipe.analyze_documents([document])))
    validate(analysis.to_dict())
    assert [t.text for t in analysis.times] == ["March 2021"]


def test_import_is_cheap_and_compiles_patterns_once() -> None:
    code = "import realpolitik.extract.times as t; import re; assert isinstance(t._PATTERN, re.Pattern)"
    subprocess.run([sys.executable, "-c", code], check=True)
