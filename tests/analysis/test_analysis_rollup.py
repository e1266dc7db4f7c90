"""The roll-up: each actor's state or organisation at an event's date, from the store's actors
and the knowledge base's offices."""

from __future__ import annotations

import pytest

from realpolitik.analysis.rollup import Rollup, Unit, check_level
from realpolitik.store.records import ActorRow


def actor(id_: str, kind: str, country: str | None = None, org: str | None = None,
          name: str | None = None) -> ActorRow:
    return ActorRow(id=id_, name=name or id_, kind=kind, country=country, org=org, sector=None, role=None,
                    aliases=[], mentions=1, documents=1, events=0)


@pytest.fixture(scope="module")
def rollup() -> Rollup:
    return Rollup([
        actor("CHN", "state", "CHN", name="China"), actor("RUS", "state", "RUS"),
        actor("xi-jinping", "person", "CHN"), actor("mark-rutte", "person", org="NATO"),
        actor("kaja-kallas", "person", org="EU"), actor("antony-blinken", "person", "USA"),
        actor("RUS-MIL", "organization", "RUS"), actor("WST-GOV", "group", org="WST"),
        actor("loc:crimea", "location", "UKR"), actor("org:huawei", "organization", "CHN"),
        actor("org:cnpc", "organization"), actor("valery-mitko", "person"),
        actor("defence-minister-of-x", "person", "FRA"), actor("NATO", "organization", org="NATO"),
    ])


@pytest.mark.parametrize("who, date, expected", [
    ("CHN", "2020", Unit("CHN", "itself")),
    ("NATO", None, Unit("NATO", "itself")),
    # a person acts for the office held at the event's date
    ("xi-jinping", "2013-03-22", Unit("CHN", "office")),
    ("mark-rutte", "2020-05", Unit("NLD", "office")),  # "Prime Minister of the Netherlands"
    ("mark-rutte", "2025-02-01", Unit("NATO", "office")),  # Secretary General, org NATO
    ("mark-rutte", "2024-08-15", Unit("mark-rutte", "itself")),  # between offices, no country known
    ("kaja-kallas", "2022-03-01", Unit("EST", "office")),
    ("kaja-kallas", "2025", Unit("EU", "office")),
    ("kaja-kallas", "2024-12-01/2024-12-07", Unit("EU", "office")),  # a range counts from its start
    ("antony-blinken", "2026-01", Unit("USA", "nationality")),  # out of office: his country
    ("antony-blinken", None, Unit("USA", "nationality")),
    # sector actors by code prefix, others by country, else organisation, else themselves
    ("RUS-MIL", "2018", Unit("RUS", "code prefix")),
    ("WST-GOV", "2018", Unit("WST", "code prefix")),
    ("loc:crimea", "2014-03", Unit("UKR", "country")),
    ("org:huawei", "2019", Unit("CHN", "country")),
    ("defence-minister-of-x", "2019", Unit("FRA", "country")),  # a person found by a role phrase
    ("org:cnpc", "2019", Unit("org:cnpc", "itself")),
    ("valery-mitko", "2020", Unit("valery-mitko", "itself")),
])
def test_each_actor_has_a_path_to_its_unit(rollup, who, date, expected):
    assert rollup.path(who, date) == expected


def test_level_actor_keeps_every_actor_and_none_stays_none(rollup):
    assert rollup.unit("xi-jinping", "2013", "actor") == "xi-jinping"
    assert rollup.unit("xi-jinping", "2013", "state") == "CHN"
    assert rollup.unit(None, "2013") is None


def test_members_are_everyone_who_may_count_as_the_unit(rollup):
    assert rollup.members("CHN") == {"CHN", "xi-jinping", "org:huawei"}
    assert rollup.members("NATO") >= {"NATO", "mark-rutte"}
    assert "kaja-kallas" in rollup.members("EST") and "kaja-kallas" in rollup.members("EU")
    assert rollup.members("CHN", "actor") == {"CHN"}


def test_names_come_from_the_store_then_the_knowledge_base(rollup):
    assert rollup.name("CHN") == "China"
    assert rollup.name("NLD") == "Netherlands" and rollup.kind("NLD") == "state"
    assert rollup.name("nobody") == "nobody" and rollup.kind("nobody") is None


def test_a_bad_level_is_named():
    with pytest.raises(ValueError, match="'country'"):
        check_level("country")
