"""Scoring against the annotated corpus (training/evaluate.py): predicted actors in the gold's code space."""

from __future__ import annotations

import pytest

from realpolitik.schema import Actor
from realpolitik.training.evaluate import _compatible, actor_code


@pytest.mark.parametrize("actor,expected", [
    (Actor(id="CHN", name="China", kind="state", country="CHN"), ("CHN", True)),
    (Actor(id="wang-yi", name="Wang Yi", kind="person", country="CHN"), ("CHN", True)),
    (Actor(id="SYR-CVL", name="Syrian civilians", kind="group", country="SYR", sector="CVL"), ("SYR", False)),
    (Actor(id="UNSC", name="United Nations Security Council", kind="organization", org="UNSC"), ("UN", False)),
    (Actor(id="WHO", name="World Health Organization", kind="organization", org="WHO"), ("WHO", False)),
    (Actor(id="grp:IGO", name="unnamed group of states", kind="group"), ("grp:IGO", False)),
    (Actor(id="HAMAS", name="Hamas", kind="group", country="PSE", sector="REB"), ("HAMAS", False)),
    (Actor(id="PSE-REB", name="Palestine (rebels)", kind="group", country="PSE", sector="REB"), ("PSE", False)),
])
def test_actors_take_the_codebooks_codes(actor, expected):
    assert actor_code(actor) == expected


def test_a_group_in_a_state_matches_the_state_and_a_generic_code_but_the_state_only_its_own():
    civilians = (("SYR", False),)
    assert _compatible({"SYR"}, civilians) and _compatible({"CVL"}, civilians)
    assert not _compatible({"CVL"}, (("SYR", True),))
    assert _compatible(set(), ()) and not _compatible(set(), civilians)
