"""CAMEO codes for exports: full event codes from the rule that fired, actor codes by the codebook."""

from __future__ import annotations

import re

import pytest

from realpolitik.export.cameo import actor_code, event_code, quad_class, rule_code


@pytest.mark.parametrize("root, quad", [("01", 1), ("05", 1), ("06", 2), ("08", 2), ("09", 3), ("13", 3),
                                        ("14", 4), ("20", 4), ("1241", 3), ("00", None), ("21", None),
                                        (None, None), ("", None)])
def test_quad_class_comes_from_the_root(root, quad):
    assert quad_class(root) == quad


@pytest.mark.parametrize("pattern, type_, code", [
    ("verbal:verb:veto", "REJECT", "1241"),
    ("verbal:verb:veto+counterpart", "REJECT", "1241"),        # suffixes added after the rule fired
    ("model+verbal:verb:veto+counterpart", "REJECT", "1241"),  # the model confirmed a rule's event
    ("verbal:verb:visit", "CONSULT", "042"),
    ("verbal:verb:veto", "ACCUSE", None),                      # a rule of another type says nothing
    ("model", "REJECT", None),
    ("verbal:verb:no-such-rule", "REJECT", None),
    (None, "REJECT", None),
])
def test_the_rule_named_in_an_events_pattern_gives_its_full_code(pattern, type_, code):
    assert rule_code(pattern, type_) == code


def test_an_events_code_is_its_rules_else_its_roots_unspecified_code():
    assert event_code({"type": "REJECT", "cameo": "12", "pattern": "verbal:verb:veto"}) == "1241"
    assert event_code({"type": "THREATEN", "cameo": "13", "pattern": "model"}) == "130"
    # a rule whose code lies under another root than the one stored is not trusted
    assert event_code({"type": "AGREE", "cameo": "03", "pattern": "verbal:verb:sign"}) == "030"
    # no stored code: the type's root
    assert event_code({"type": "AID", "cameo": None, "pattern": None}) == "070"
    # a stored full code is kept
    assert event_code({"type": "REJECT", "cameo": "1241", "pattern": None}) == "1241"
    assert event_code({"type": "NOT-A-TYPE", "cameo": None, "pattern": None}) is None


@pytest.mark.parametrize("actor, code, country, known, types", [
    ({"id": "CHN", "kind": "state", "country": "CHN"}, "CHN", "CHN", "", ()),
    ({"id": "RUS-MIL", "kind": "organization", "country": "RUS", "sector": "MIL"}, "RUSMIL", "RUS", "", ("MIL",)),
    ({"id": "xi-jinping", "kind": "person", "country": "CHN", "sector": "GOV"}, "CHNGOV", "CHN", "", ("GOV",)),
    ({"id": "loc:harbin", "kind": "location", "country": "CHN"}, "CHN", "CHN", "", ()),
    ({"id": "NATO", "kind": "organization", "org": "NATO"}, "IGOWSTNAT", "", "NAT", ("IGO",)),
    ({"id": "UN", "kind": "organization", "org": "UN"}, "IGOUNO", "", "UNO", ("IGO",)),
    ({"id": "UNSC", "kind": "organization", "org": "UNSC"}, "IGOUNO", "", "UNO", ("IGO",)),
    ({"id": "EU", "kind": "organization", "org": "EU"}, "IGOEUREEC", "", "EEC", ("IGO",)),
    ({"id": "WHO", "kind": "organization", "org": "WHO"}, "IGOUNOHLHWHO", "", "WHO", ("IGO",)),
    ({"id": "HRW", "kind": "organization", "org": "HRW"}, "NGOHRIHRW", "", "HRW", ("NGO",)),
    ({"id": "BRICS", "kind": "group", "org": "BRICS"}, "IGO", "", "", ("IGO",)),  # no code of its own
    ({"id": "WST", "kind": "group", "org": "WST"}, "WST", "WST", "", ()),
    ({"id": "WST-GOV", "kind": "group", "org": "WST", "sector": "GOV"}, "WSTGOV", "WST", "", ("GOV",)),
    ({"id": "ASIA", "kind": "location", "org": "ASIA"}, "ASA", "ASA", "", ()),
    ({"id": "GS", "kind": "group", "org": "GS"}, "", "", "", ()),
    ({"id": "org:cnpc", "kind": "organization"}, "", "", "", ()),
])
def test_actor_codes_follow_the_cameo_actor_codebook(actor, code, country, known, types):
    found = actor_code(actor)
    assert (found.code, found.country, found.known_group, found.types) == (code, country, known, types)


def test_the_cameo_actor_table_covers_only_our_codes_with_well_formed_codes():
    from realpolitik.knowledge import load_yaml

    ours = {o["code"] for o in load_yaml("organizations.yaml")}
    table = load_yaml("cameo_actors.yaml")
    assert set(table["organizations"]) <= ours and set(table["regions"]) <= ours and set(table["uncoded"]) <= ours
    assert not set(table["organizations"]) & set(table["regions"])
    for code in table["organizations"].values():
        assert re.fullmatch(r"(IGO|NGO)([A-Z]{3})+", code), code
    for code in table["regions"].values():
        assert re.fullmatch(r"[A-Z]{3}", code), code
