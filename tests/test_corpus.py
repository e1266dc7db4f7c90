"""realpolitik.Corpus: the store's answers as typed rows and tables, read-only, on every backend."""

from __future__ import annotations

import pytest

import realpolitik
from realpolitik.corpus import Corpus, UnknownActor
from realpolitik.store import StoreError, open_store
from realpolitik.store.records import ActorRow, ClaimRow, DyadPeriodRow, EventRow, InterestRow


@pytest.fixture
def stored(location, corpus):
    """A location holding the bundled corpus, closed again so the Corpus opens it itself."""
    with open_store(location) as s:
        for a in corpus:
            s.add_analysis(a)
    return location


@pytest.fixture
def lib(stored):
    with Corpus(stored) as c:
        yield c


def test_the_package_exports_corpus():
    assert realpolitik.Corpus is Corpus and "Corpus" in realpolitik.__all__


def test_a_store_that_does_not_exist_is_refused(location, backend, tmp_path):
    with pytest.raises(StoreError, match="no (realpolitik )?store at"):
        Corpus(location)  # a fresh location: no file, or a schema without a store
    if backend == "duckdb":
        assert not (tmp_path / "nothing.duckdb").exists()
        with pytest.raises(StoreError, match="realpolitik ingest"):
            Corpus(tmp_path / "nothing.duckdb")
        assert not (tmp_path / "nothing.duckdb").exists()  # and none was created


def test_the_corpus_is_opened_read_only(stored):
    with Corpus(stored) as c:
        event = c.events(limit=1)[0]
        with pytest.raises(Exception):  # noqa: B017 - each backend raises its own read-only error
            c.store.decide("reject", f"event:{event.id}", None, "ana")
    with open_store(stored) as s:
        assert s.decisions() == [] and event.id in {e.id for e in s.events(limit=None)}


def test_typed_rows_are_the_stores_answers(lib):
    s = lib.store
    events = lib.events()
    assert isinstance(events[0], EventRow) and [e.id for e in events] == [e.id for e in s.events(limit=None)]
    china = lib.events(actor="China", since="2022", level="actor")  # names are resolved to ids
    assert china and all("CHN" in (e.source, e.target) and e.dated >= "2022" for e in china)
    assert [e.id for e in lib.events(limit=3, offset=2)] == [e.id for e in events[2:5]]
    actors = lib.actors()
    assert isinstance(actors[0], ActorRow) and len(actors) == len(s.actors(limit=None))
    assert {a.kind for a in lib.actors(kind="person")} == {"person"}
    denied = lib.claims(status="denied")
    assert denied and isinstance(denied[0], ClaimRow) and {c.status for c in denied} == {"denied"}
    interests = lib.interests(actor="China")
    assert interests and isinstance(interests[0], InterestRow)
    assert [i.text for i in interests] == [i.text for i in s.interests(actor="CHN", limit=None)]
    assert len(lib.documents()) == s.counts()["documents"]
    with pytest.raises(UnknownActor, match="Atlantis"):
        lib.events(actor="Atlantis")


def test_events_count_at_the_level_asked_for_like_the_cli(lib):
    by_actor = lib.events(actor="China", level="actor")
    assert all(e.source_unit == e.source and e.target_unit == e.target for e in by_actor)
    by_state = lib.events(actor="China")  # state level, as the CLI's --level defaults to
    assert all("CHN" in (e.source_unit, e.target_unit) for e in by_state)
    assert {e.id for e in by_actor} < {e.id for e in by_state}
    # Xi Jinping's meetings are China's at state level, though neither side is coded CHN
    xi = [e for e in by_state if "xi-jinping" in (e.source, e.target)]
    assert xi and all("CHN" not in (e.source, e.target) or e.id in {x.id for x in by_actor} for e in xi)
    assert any(e.source_unit == "RUS" or e.target_unit == "RUS" for e in xi if "CHN" not in (e.source, e.target))
    everything = lib.events()
    assert len(everything) == len(lib.events(level="actor"))  # the level changes the units, not the events
    assert [e.id for e in lib.events(actor="China", limit=3, offset=1)] == [e.id for e in by_state[1:4]]
    with pytest.raises(ValueError, match="level must be one of state, actor, not 'country'"):
        lib.events(level="country")


def test_tables_have_the_declared_types(lib):
    import pyarrow as pa

    table = lib.events().to_arrow()
    assert table.num_rows == len(lib.events())
    assert table.schema.field("goldstein").type == pa.float64()
    assert table.schema.field("contexts").type == pa.list_(pa.string())
    assert table.schema.field("negated").type == pa.bool_()
    pytest.importorskip("pandas")
    df = lib.actors().to_pandas()
    assert list(df.columns) == list(ActorRow.columns()) and df["mentions"].dtype == "int64"


@pytest.mark.parametrize("level", ["state", "actor"])
def test_the_dyad_is_the_reports_numbers_as_rows(lib, level):
    from realpolitik.analysis.dyad import dyad_report

    d = lib.dyad("China", "Russia", by="quarter", level=level)
    report = dyad_report(lib.store, "CHN", "RUS", by="quarter", level=level)
    assert (d.a, d.b, d.level, d.n, d.index) == ("CHN", "RUS", level, report.n, report.index)
    assert [p.period for p in d] == [p.period for p in report.periods] and isinstance(d[0], DyadPeriodRow)
    assert all(p.start.month in (1, 4, 7, 10) and p.start.day == 1 for p in d)
    assert [p.agree for p in d] == [p.counts.get("AGREE", 0) for p in report.periods]
    assert sum(p.n for p in d) + d.unplaced == d.n
    counted = [e for e in d.events if e.left_out is None]
    assert len(counted) == d.n and len(d.events) - len(counted) == sum(d.excluded.values())
    assert {(m.side, m.actor): m.events for m in d.members} == {
        (side, actor): n for side, who in report.members.items() for actor, n in who.items()}
    table = d.to_arrow()
    assert table.column_names[:5] == ["period", "start", "n", "index", "scored"] and table.num_rows == len(d)
    assert d.events.to_arrow().num_rows == len(d.events) and d.members.to_arrow().num_rows == len(d.members)


def test_the_dyad_at_state_level_holds_the_leaders(lib):
    state, actor = lib.dyad("CHN", "RUS", by="year"), lib.dyad("CHN", "RUS", by="year", level="actor")
    leaders = {m.actor for m in state.members}
    assert {"xi-jinping", "vladimir-putin"} <= leaders and state.n > actor.n
    assert {m.actor for m in actor.members} == {"CHN", "RUS"}
    with pytest.raises(ValueError, match="level"):
        lib.dyad("CHN", "RUS", level="country")
