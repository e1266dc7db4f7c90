"""The dyad report: counts per type and period, the index with its n, exclusions, evidence."""

from __future__ import annotations

import pytest

from realpolitik.analysis.dyad import dyad_report, plot
from realpolitik.schema import Actor, Analysis, Document, Event, Mention, content_id


def ev(doc: str, n: int, type_: str, date: str | None, goldstein: float | None, source: str = "CHN",
       target: str = "RUS", **flags) -> Event:
    return Event(id=f"ev-{n}", doc=doc, type=type_, source=source, target=target, date=date,
                 sentence={"start": 0, "end": 10}, trigger={"start": 0, "end": 4, "text": "said"},
                 goldstein=goldstein, confidence=0.5 + n / 100, **flags)


def corpus() -> Analysis:
    """Hand-built events (store-level semantics, not extraction results)."""
    text = "Sentence one. Sentence two."
    d = content_id(text)
    events = [
        ev(d, 1, "AGREE", "2014-05-21", 4.0),
        ev(d, 2, "COOPERATE", "2014-11", 6.0, source="RUS", target="CHN"),
        ev(d, 3, "ACCUSE", "2020-06-16", -2.0),
        ev(d, 4, "AID", "2022-03", 7.0, negated=True),
        ev(d, 5, "AID", "2022-03", 7.0, hypothetical=True),
        ev(d, 6, "CONSULT", "2020", 1.0),  # year only
        ev(d, 7, "AGREE", "2014-06", None),  # no score: counted, not in the index
        ev(d, 8, "AGREE", "2014-06", 4.0, target="USA"),  # another dyad
    ]
    actors = [Actor(id=x, name=n, kind="state", mentions=[Mention(doc=d, start=0, end=8, text="Sentence")])
              for x, n in (("CHN", "China"), ("RUS", "Russia"), ("USA", "United States"))]
    return Analysis(documents=[Document(id=d, text=text, path="/x.txt", published="2024")], actors=actors,
                    events=events)


@pytest.fixture
def filled(store):
    store.add_analysis(corpus())
    return store


def test_yearly_counts_and_index(filled):
    r = dyad_report(filled, "CHN", "RUS", by="year")
    assert [(p.period, p.counts, p.n, p.index, p.scored) for p in r.periods] == [
        ("2014", {"AGREE": 2, "COOPERATE": 1}, 3, 5.0, 2),
        ("2020", {"CONSULT": 1, "ACCUSE": 1}, 2, -0.5, 2),
    ]
    assert r.n == 5 and r.index == pytest.approx((4 + 6 - 2 + 1) / 4)
    assert r.excluded == {"negated": 1, "hypothetical": 1}
    assert r.names == {"CHN": "China", "RUS": "Russia"}


def test_monthly_report_keeps_coarse_dates_apart(filled):
    r = dyad_report(filled, "China", "Russia", by="month")
    assert [p.period for p in r.periods] == ["2014-05", "2014-06", "2014-11", "2020-06"]
    assert r.unplaced == 1


def test_evidence_is_strongest_first_and_one_per_sentence(filled):
    r = dyad_report(filled, "CHN", "RUS", evidence=5)
    assert len(r.evidence) == 1  # every event shares the one sentence
    assert r.evidence[0].type == "COOPERATE" and r.evidence[0].sentence == "Sentence o"


def test_bad_period_is_refused(filled):
    with pytest.raises(ValueError):
        dyad_report(filled, "CHN", "RUS", by="week")


def test_report_on_the_real_corpus(store, corpus, tmp_path):
    for a in corpus:
        store.add_analysis(a)
    r = dyad_report(store, "CHN", "RUS", by="quarter")
    assert r.n > 0 and r.periods
    texts = {a.documents[0].id: a.documents[0].text for a in corpus}
    for e in r.evidence:
        assert e.sentence in " ".join(texts[e.doc].split())
        assert e.publisher and e.date
    assert plot(r, tmp_path / "q.png").stat().st_size > 1000


# -- levels: a side is its state with its people and organs (state), or the actor alone -----
def leaders_corpus() -> Analysis:
    """Leaders, armed forces and an official who changes office, around one state-to-state event."""
    text = "Leaders met. Armies drilled. Kallas spoke."
    d = content_id(text)
    events = [
        ev(d, 1, "AGREE", "2019-06-05", 4.0),  # CHN -> RUS
        ev(d, 2, "CONSULT", "2019-06-05", 1.0, source="xi-jinping", target="vladimir-putin"),
        ev(d, 3, "COOPERATE", "2018-09-13", 6.0, source="RUS-MIL", target="CHN-MIL"),
        ev(d, 4, "AID", "2022-03", 7.0, source="xi-jinping", target="RUS", negated=True),
        ev(d, 5, "ACCUSE", "2022-03-01", -2.0, source="kaja-kallas", target="RUS"),  # Estonia's prime minister
        ev(d, 6, "ACCUSE", "2025-02-01", -2.0, source="kaja-kallas", target="vladimir-putin"),  # the EU's HR
    ]
    people = {"xi-jinping": ("Xi Jinping", "CHN"), "vladimir-putin": ("Vladimir Putin", "RUS"),
              "kaja-kallas": ("Kaja Kallas", None)}
    actors = [Actor(id=x, name=n, kind="state", country=x, mentions=[Mention(doc=d, start=0, end=7, text="Leaders")])
              for x, n in (("CHN", "China"), ("RUS", "Russia"), ("EST", "Estonia"))]
    actors += [Actor(id=x, name=n, kind="person", country=c) for x, (n, c) in people.items()]
    actors += [Actor(id=f"{c}-MIL", name=f"{c} (military)", kind="organization", country=c, sector="MIL")
               for c in ("CHN", "RUS")]
    return Analysis(documents=[Document(id=d, text=text, path="/leaders.txt", published="2025")], actors=actors,
                    events=events)


@pytest.fixture
def leaders(store):
    store.add_analysis(leaders_corpus())
    return store


def test_state_level_counts_leaders_and_armed_forces(leaders):
    r = dyad_report(leaders, "CHN", "RUS")
    assert r.level == "state" and r.n == 3 and r.totals == {"AGREE": 1, "CONSULT": 1, "COOPERATE": 1}
    assert r.members == {"CHN": {"CHN": 1, "CHN-MIL": 1, "xi-jinping": 1},
                         "RUS": {"RUS": 1, "RUS-MIL": 1, "vladimir-putin": 1}}
    assert r.excluded == {"negated": 1}  # Xi's negated aid is China's, and still left out
    assert r.names["xi-jinping"] == "Xi Jinping"


def test_actor_level_counts_the_two_actors_alone(leaders):
    r = dyad_report(leaders, "CHN", "RUS", level="actor")
    assert r.level == "actor" and r.n == 1 and r.totals == {"AGREE": 1} and r.excluded == {}
    assert r.members == {"CHN": {"CHN": 1}, "RUS": {"RUS": 1}}
    people = dyad_report(leaders, "xi-jinping", "vladimir-putin", level="actor")
    assert people.n == 1 and people.totals == {"CONSULT": 1}


def test_an_official_counts_for_the_office_held_that_day(leaders):
    assert dyad_report(leaders, "EST", "RUS").n == 1  # Kallas as Estonia's prime minister, 2022
    eu = dyad_report(leaders, "EU", "RUS")  # Kallas as the EU's High Representative, 2025, against Putin
    assert eu.n == 1 and eu.members == {"EU": {"kaja-kallas": 1}, "RUS": {"vladimir-putin": 1}}
    assert eu.names["EU"] == "European Union"  # not in the store: the knowledge base names it


def test_a_person_asked_for_at_state_level_stands_for_themself(leaders):
    r = dyad_report(leaders, "xi-jinping", "RUS")
    assert r.members == {"xi-jinping": {"xi-jinping": 1}, "RUS": {"vladimir-putin": 1}}


def test_a_bad_level_is_refused(leaders):
    with pytest.raises(ValueError, match="level"):
        dyad_report(leaders, "CHN", "RUS", level="country")


# Real sentences of the bundled articles (src/realpolitik/examples/articles) that name the
# leaders' summits: counted in the China–Russia dyad at state level, not at actor level.
SUMMITS = [
    ("2013-03-22", "President Xi Jinping held talks with President Vladimir Putin at the Kremlin"),
    ("2022-02-04", "President Vladimir Putin held talks with President Xi Jinping in Beijing"),
    ("2024-05-16", "President Xi Jinping held talks with President Vladimir Putin in Beijing"),
]


def test_the_china_russia_dyad_includes_the_leaders_summits(store, corpus):
    from realpolitik.analysis.dyad import dyad_events

    for a in corpus:
        store.add_analysis(a)

    def summits(level: str) -> set[str]:
        found = set()
        for e in dyad_events(store, "CHN", "RUS", level=level):
            for date, sentence in SUMMITS:
                if e["dated"] == date and sentence in " ".join(e["sentence"].split()) and e["type"] == "CONSULT":
                    assert {e["side_a"], e["side_b"]} == {"xi-jinping", "vladimir-putin"}
                    found.add(date)
        return found

    assert summits("state") == {date for date, _ in SUMMITS}
    assert summits("actor") == set()
    state, actor = dyad_report(store, "CHN", "RUS"), dyad_report(store, "CHN", "RUS", level="actor")
    assert state.n > actor.n
    assert state.members["CHN"]["xi-jinping"] >= 3 and state.members["RUS"]["vladimir-putin"] >= 3
    assert {e["id"] for e in dyad_events(store, "CHN", "RUS", level="actor")} < {
        e["id"] for e in dyad_events(store, "CHN", "RUS")}
    # the sector actors too: Gazprom's supply deal of May 2014 is Russian business's, counted for Russia
    gas = [e for e in dyad_events(store, "CHN", "RUS") if e["side_b"] == "RUS-BUS" and e["dated"] == "2014-05-21"]
    assert gas and "Gazprom will deliver" in gas[0]["sentence"]


# -- the PNG: a real time axis, and no line across a period with no scored event ----------
def test_index_runs_break_at_gaps_and_sit_on_real_dates(filled):
    from datetime import date

    from realpolitik.analysis.dyad import index_runs

    runs = index_runs(dyad_report(filled, "CHN", "RUS", by="quarter"))
    # 2014-Q2 and 2014-Q4 have scores, 2014-Q3 none: three runs, no line from Q2 to Q4 or on to 2020
    assert [[p.period for p in run] for run in runs] == [["2014-Q2"], ["2014-Q4"], ["2020-Q2"]]
    assert runs[0][0].start == date(2014, 4, 1) and runs[0][0].end == date(2014, 7, 1)
    assert runs[0][0].middle == date(2014, 5, 16)


def test_adjacent_periods_form_one_run(store):
    from realpolitik.analysis.dyad import index_runs

    text = "Three months in a row."
    d = content_id(text)
    events = [ev(d, 1, "AGREE", "2019-01-10", 4.0), ev(d, 2, "ACCUSE", "2019-02-10", -2.0),
              ev(d, 3, "AGREE", "2019-03-10", 3.0), ev(d, 4, "AGREE", "2019-06-10", 3.0)]
    actors = [Actor(id=x, name=x, kind="state", mentions=[Mention(doc=d, start=0, end=5, text="Three")])
              for x in ("CHN", "RUS")]
    store.add_analysis(Analysis(documents=[Document(id=d, text=text, path="/m.txt")], actors=actors, events=events))
    runs = index_runs(dyad_report(store, "CHN", "RUS", by="month"))
    assert [[p.period for p in run] for run in runs] == [["2019-01", "2019-02", "2019-03"], ["2019-06"]]


def test_plot_draws_dates_not_categories_and_no_line_over_a_gap(filled, tmp_path):
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt

    from realpolitik.analysis.dyad import figure

    report = dyad_report(filled, "CHN", "RUS", by="quarter")
    fig = figure(report)
    try:
        ax = fig.axes[0]
        # every run has one point, so no connecting line at all (only the zero line)
        assert [line for line in ax.get_lines() if len(line.get_xdata()) > 1 and line.get_ydata()[0] != 0] == []
        xs = sorted(ax.collections[-1].get_offsets()[:, 0])
        # positions are dates: 2014-Q4 is about half a year after 2014-Q2, 2020-Q2 six years on
        days = [mdates.num2date(x).date() for x in xs]
        assert [(b - a).days for a, b in zip(days, days[1:], strict=False)] == [184, 2008]
        labels = [t.get_text() for t in ax.get_xticklabels()]
        assert not any("Q" in t for t in labels)  # a date axis, not the period labels as categories
    finally:
        plt.close(fig)
    assert plot(report, tmp_path / "q.png").stat().st_size > 1000
