"""The quantities extractor: figures with unit, normalised value, bound, subject and date."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import realpolitik.extract.quantities  # noqa: F401  (registers "times" and "quantities")
from realpolitik.extract import REGISTRY
from realpolitik.schema import Analysis, Quantity, validate, write


@pytest.fixture(scope="module")
def run():
    """Only the extractors under test, so the test does not depend on the other stages."""
    from realpolitik.pipeline import Pipeline

    pipe = Pipeline(extractors=[REGISTRY["times"], REGISTRY["quantities"]])

    def analyze(text: str, published: str | None = "2024-03-10") -> Analysis:
        analysis = pipe.analyze_text(text, published=published)
        validate(analysis.to_dict())
        return analysis

    return analyze


def only(analysis: Analysis, piece: str) -> Quantity:
    """The one quantity whose text contains `piece`."""
    hits = [q for q in analysis.quantities if piece in q.text]
    assert len(hits) == 1, [q.text for q in analysis.quantities]
    return hits[0]


MONEY = [
    # (sentence, piece of the figure, value, ISO 4217 code, bound)
    ("Trade between the neighbours reached $240bn, a record.", "$240bn", 240e9, "USD", "exact"),
    ("Brussels has pledged €1.2 trillion for the green transition.", "€1.2 trillion", 1.2e12, "EUR", "exact"),
    ("A Moscow court fined the newspaper 3 million roubles for the article.", "3 million roubles", 3e6,
     "RUB", "exact"),
    ("Beijing earmarked RMB 50 billion for projects along the border.", "RMB 50 billion", 50e9, "CNY", "exact"),
    ("Tokyo approved a ¥100bn aid package for the Philippines.", "¥100bn", 100e9, "JPY", "exact"),
    ("London promised £3.5m to the monitoring mission in Moldova.", "£3.5m", 3.5e6, "GBP", "exact"),
    ("Washington offered US$ 5 billion in loans to Jakarta.", "US$ 5 billion", 5e9, "USD", "exact"),
    ("Congress approved 5 billion dollars for the border wall.", "5 billion dollars", 5e9, "USD", "exact"),
    ("Exports to Russia totalled 2.3 trillion yuan in the first half.", "2.3 trillion yuan", 2.3e12, "CNY",
     "exact"),
    ("The fund has invested more than $160bn in Central Asia.", "$160bn", 160e9, "USD", "more_than"),
    ("Roughly $300 billion of central bank reserves remain frozen in Europe.", "$300 billion", 300e9, "USD",
     "about"),
    ("Delhi will buy the jets for nearly €6.5bn under the deal with Paris.", "€6.5bn", 6.5e9, "EUR",
     "less_than"),
]


@pytest.mark.parametrize("text,piece,value,unit,bound", MONEY)
def test_money_with_currency_and_scale(run, text: str, piece: str, value: float, unit: str, bound: str) -> None:
    q = only(run(text), piece)
    assert (q.kind, q.unit, q.bound) == ("money", unit, bound)
    assert q.value == pytest.approx(value)


MEASURES = [
    # (sentence, piece, value, value_max, unit, kind, bound)
    ("The two countries share a 4,200-kilometre border in the Himalayas.", "4,200-kilometre", 4200, None,
     "km", "distance", "exact"),
    ("The new railway will run for 400 kilometres across the steppe.", "400 kilometres", 400, None, "km",
     "distance", "exact"),
    ("China claims waters up to 200 nautical miles from its coast.", "200 nautical miles", 200, None, "nmi",
     "distance", "less_than"),
    ("Chinese imports from Russia rose 12% on the year.", "12%", 12, None, "percent", "percent", "exact"),
    ("Defence spending grew 12 percent, while aid fell 3 per cent.", "12 percent", 12, None, "percent",
     "percent", "exact"),
    ("Sanctions have cut the oil revenue of the Kremlin by 30-40%.", "30-40%", 30, 40, "percent", "percent",
     "range"),
    ("The grain corridor allowed Ukraine to ship 33 million tonnes of food.", "33 million tonnes", 33e6,
     None, "t", "mass", "exact"),
    ("Riyadh pumped 9 million barrels per day in the autumn.", "9 million barrels per day", 9e6, None,
     "bbl/d", "energy", "exact"),
    ("The pipeline was built to carry 55 bcm of gas to Germany.", "55 bcm", 55, None, "bcm", "energy",
     "exact"),
    ("The treaty banned missiles with ranges between 500 and 5,500 km.", "500 and 5,500 km", 500, 5500,
     "km", "distance", "range"),
]


@pytest.mark.parametrize("text,piece,value,value_max,unit,kind,bound", MEASURES)
def test_measures(run, text: str, piece: str, value: float, value_max: float | None, unit: str, kind: str,
                  bound: str) -> None:
    q = only(run(text), piece)
    assert (q.unit, q.kind, q.bound) == (unit, kind, bound)
    assert q.value == pytest.approx(value)
    assert q.value_max == (pytest.approx(value_max) if value_max is not None else None)


COUNTS = [
    # (sentence, text of the count, value, bound, counted noun)
    ("The two governments signed deals for a total of 79 major projects.", "79 major projects", 79, "exact",
     "projects"),
    ("The envoys have met more than 40 times since the war began.", "more than 40 times", 40, "more_than",
     "times"),
    ("The president set out three priorities for his second term.", "three priorities", 3, "exact",
     "priorities"),
    ("Officials said the drills involved about 2,000 troops and 71 ships.", "about 2,000 troops", 2000,
     "about", "troops"),
    ("At least 15 allies now spend two percent of output on defence.", "At least 15 allies", 15, "more_than",
     "allies"),
    ("Between 2 and 3 million people have fled the fighting in Sudan.", "Between 2 and 3 million people", 2e6,
     "range", "people"),
    # a model's plural is a counted noun: the number counts aircraft, the designation names them
    ("Warsaw ordered 48 F-35s and a fleet of tankers.", "48 F-35s", 48, "exact", "F-35s"),
    ("Cairo lost nine MiG-29s in the crash of the transport.", "nine MiG-29s", 9, "exact", "MiG-29s"),
    ("Ankara bought two S-400 batteries despite the warnings.", "two S-400 batteries", 2, "exact", "batteries"),
]


@pytest.mark.parametrize("text,piece,value,bound,noun", COUNTS)
def test_counts_keep_their_noun(run, text: str, piece: str, value: float, bound: str, noun: str) -> None:
    q = only(run(text), piece)
    assert q.text == piece
    assert (q.kind, q.unit, q.bound, q.subject) == ("count", "count", bound, noun)
    assert q.value == pytest.approx(value)


def test_durations_and_their_ranges(run) -> None:
    a = run("In the past 14 years the two leaders met often; in his first two-to-three years in office "
            "he courted Washington, and the envoy was barred for three years.")
    past = only(a, "14 years")
    assert (past.value, past.unit, past.kind) == (14, "year", "duration")
    first = only(a, "two-to-three years")
    assert (first.value, first.value_max, first.bound) == (2, 3, "range")
    barred = [q for q in a.quantities if q.text == "three years"]
    assert len(barred) == 1 and (barred[0].value, barred[0].bound) == (3, "exact")


def test_two_quantities_for_a_distance_and_its_conversion(run) -> None:
    a = run("Moscow proposed a 2,600 km (1,600-plus mile) pipeline to the Chinese border.")
    km = only(a, "2,600 km")
    mi = only(a, "1,600-plus mile")
    assert (km.value, km.unit, km.bound) == (2600, "km", "exact")
    assert (mi.value, mi.unit, mi.bound) == (1600, "mi", "more_than")


NOT_QUANTITIES = [
    "The volume of trade grew in 2023 and again in February 2022.",  # dates
    "The army expected to take the capital on the third day of the war.",  # ordinal
    "The two leaders spoke by phone at 10:30 and again at 3 pm.",  # anaphora, times of day
    "A 40-year-old diplomat was expelled, and a man aged 52 was detained.",  # ages
    "Russia has offered its Siberian Power 2 pipeline and invoked Article 5 before.",  # names
    "One of the envoys said the talks had stalled.",  # the word one
    # format names and model designations: the number belongs to a name
    "The ministers opened the first 2+2 dialogue between the two navies.",
    "Ankara floated a 3 + 3 platform for the Caucasus.",
    "Tehran showed the Shahed-136 drone and the Kh-101 missile to the press.",
    "The T-72 tank and the Su-35 fighter were on display, with the S-400 system.",
    "Israel shot down a Fath-110 rocket over the Golan.",
]


@pytest.mark.parametrize("text", NOT_QUANTITIES)
def test_dates_ordinals_times_ages_and_names_are_not_quantities(run, text: str) -> None:
    assert [q.text for q in run(text).quantities] == []


def test_subject_and_date_come_from_the_sentence(run) -> None:
    a = run("The volume of trade in 2023 far exceeded the goals of both sides — trade amounting to $240bn.")
    q = only(a, "$240bn")
    assert (q.subject, q.date) == ("trade", "2023")
    b = run("Beijing agreed to invest in Russian industry, with investments totaling more than $160bn.")
    assert only(b, "$160bn").subject == "investments"
    c = run("Brussels expects the economy to grow by 0.8% this year and 1.4% next year.")
    assert only(c, "0.8%").date == "2024"
    assert only(c, "1.4%").date == "2025"


def test_date_stays_inside_its_sentence(run) -> None:
    a = run("The summit took place in March 2023. Both sides signed 12 agreements.")
    assert only(a, "12 agreements").date is None


def _flagship(shared: Path) -> Path:
    return shared / "examples" / "xi-putin-cepa.txt"


def test_flagship_scores(shared: Path, tmp_path: Path) -> None:
    """Acceptance: all gold figures found, precision >= 0.8, dates recall >= 0.85."""
    from realpolitik.pipeline import Pipeline

    pipe = Pipeline(extractors=[REGISTRY["times"], REGISTRY["quantities"]])
    text = _flagship(shared).read_text(encoding="utf-8")
    analysis = pipe.analyze_text(text, published="2024")
    validate(analysis.to_dict())
    out = tmp_path / "out.json"
    write(analysis, out)
    result = subprocess.run(
        [sys.executable, str(shared / "score.py"), str(out), str(shared / "gold" / "xi-putin-cepa.gold.json"),
         "--json", "--min", "quantities_recall=1.0", "quantities_precision=0.8", "times_recall=0.85"],
        capture_output=True, text=True,
    )
    scores = json.loads(result.stdout[: result.stdout.rindex("}") + 1])
    assert result.returncode == 0, (scores["quantities_missed"], scores["times_missed"])
    assert scores["quantities_recall"] == 1.0


# -- changes, vote tallies, vague magnitudes, adjectives inside durations ---------------------

def _all(analysis: Analysis) -> list[tuple[str, float, str, str, str | None]]:
    return [(q.text, q.value, q.unit, q.bound, q.subject) for q in analysis.quantities]


CHANGES = [
    # "from A to B <unit>": two exact figures, the old and the new, sharing the unit and a
    # scale written once; never a range, never lost when B is smaller than A
    ("Kyiv says grain exports fell from 6 million to 4.5 million tonnes in a year.",
     [("6 million", 6e6, "t"), ("4.5 million tonnes", 4.5e6, "t")]),
    ("The quota on crude imports was cut from 800,000 to 550,000 barrels by the council.",
     [("800,000", 8e5, "bbl"), ("550,000 barrels", 5.5e5, "bbl")]),
    ("Pensions rose from 2 to 3 million roubles for veterans of the campaign.",
     [("2", 2e6, "RUB"), ("3 million roubles", 3e6, "RUB")]),
    ("The fund shrank from $4.2bn to $3.1bn after the vote in parliament.",
     [("$4.2bn", 4.2e9, "USD"), ("$3.1bn", 3.1e9, "USD")]),
]


@pytest.mark.parametrize("text,want", CHANGES)
def test_a_change_gives_two_exact_figures_with_the_shared_unit(run, text: str, want: list) -> None:
    got = run(text).quantities
    assert len(got) == len(want), _all(run(text))
    for q, (piece, value, unit) in zip(got, want, strict=True):
        assert (q.text, q.unit, q.bound, q.value_max) == (piece, unit, "exact", None)
        assert q.value == pytest.approx(value)


TALLIES = [
    # (sentence, [(text, value)]): every side of a vote is a count of votes
    ("The General Assembly adopted the motion by 141 votes to 5, with 35 abstentions.",
     [("141 votes", 141), ("5", 5), ("35 abstentions", 35)]),
    ("The board approved the loan, with 9 in favour, 3 against and 2 abstaining.",
     [("9 in favour", 9), ("3 against", 3), ("2 abstaining", 2)]),
    ("Senators voted 52-48 to confirm the new ambassador.", [("52", 52), ("48", 48)]),
]


@pytest.mark.parametrize("text,want", TALLIES)
def test_vote_tallies_are_counts_of_votes(run, text: str, want: list) -> None:
    got = [(q.text, q.value) for q in run(text).quantities]
    assert got == want
    assert all(q.unit == "count" and q.kind == "count" for q in run(text).quantities)
    assert only(run(text), want[0][0]).subject == "votes"


def test_against_outside_a_vote_is_no_tally(run) -> None:
    assert _all(run("The mediator played one faction against the other for months.")) == []
    assert _all(run("The regime set neighbours one against another.")) == []


VAGUE = [
    # (sentence, text, value, unit, bound, subject)
    ("More than a million refugees crossed into Poland in the first weeks.", "More than a million refugees",
     1e6, "count", "more_than", "refugees"),
    ("Half a million displaced families still live in tents near the coast.",
     "Half a million displaced families", 5e5, "count", "about", "families"),
    ("Tens of thousands of factory workers marched through Dhaka on Sunday.",
     "Tens of thousands of factory workers", 1e4, "count", "about", "workers"),
    ("Hundreds of millions of dollars in aid were never delivered.", "Hundreds of millions of dollars", 1e8,
     "USD", "about", None),
]


@pytest.mark.parametrize("text,piece,value,unit,bound,subject", VAGUE)
def test_vague_magnitudes(run, text: str, piece: str, value: float, unit: str, bound: str,
                          subject: str | None) -> None:
    q = only(run(text), piece)
    assert (q.text, q.unit, q.bound) == (piece, unit, bound)
    assert q.value == pytest.approx(value)
    if subject:
        assert q.subject == subject


DURATIONS = [
    # (sentence, text, value, unit, bound)
    ("Seoul has been the largest buyer of the ore for 11 consecutive years.", "11 consecutive years", 11,
     "year", "exact"),
    ("The embargo has lasted more than a decade.", "more than a decade", 10, "year", "more_than"),
    ("Both sides must reply within 15 working days.", "15 working days", 15, "day", "exact"),
]


@pytest.mark.parametrize("text,piece,value,unit,bound", DURATIONS)
def test_durations_with_adjectives_and_a_bounded_article(run, text: str, piece: str, value: float, unit: str,
                                                         bound: str) -> None:
    q = only(run(text), piece)
    assert (q.kind, q.unit, q.bound) == ("duration", unit, bound)
    assert q.value == pytest.approx(value)


def test_a_chip_node_is_a_length_not_a_count_and_ordinary_counts_stay(run) -> None:
    a = run("The foundry now makes 5-nanometre processors, and three engineers resigned in protest.")
    node = only(a, "5-nanometre")
    assert (node.unit, node.kind) == ("nm", "distance")
    assert [q for q in a.quantities if q.kind == "count" and "5" in q.text] == []
    assert only(a, "three engineers").value == 3


def test_a_bare_article_before_a_time_unit_is_no_duration(run) -> None:
    assert _all(run("In a year the ministers will meet again in Vienna.")) == []
