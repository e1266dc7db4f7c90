"""The held-out sets' gold files are well formed: a broken hint or key would silently skew every score.

Every set was annotated before the tool ran on them, each written by someone who had not read
the rules. They were used in turn: a set's first score is the honest estimate on unseen text;
afterwards its errors may be looked at, and the next set takes its place (bench/README.md).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from realpolitik.evaluation import fold
from realpolitik.ingest.header import split_header
from realpolitik.schema import CLAIM_STATUSES, EVENT_TYPES

SETS = [
    Path(__file__).resolve().parent / "data" / name
    for name in ("eval", "eval2", "eval3", "eval4", "eval5", "eval6", "eval7", "eval8", "eval9", "eval10", "eval11")
]
KNOWLEDGE = Path(__file__).resolve().parents[1] / "src" / "realpolitik" / "knowledge"
GOLDS = sorted(g for folder in SETS for g in folder.glob("*.gold.json"))
KINDS = {"money", "count", "distance", "duration", "percent", "mass", "energy", "other"}
BOUNDS = {"exact", "more_than", "less_than", "about", "range"}
ACTOR_KINDS = {"state", "person", "organization", "group", "location"}
PARTS = ("events", "claims", "quantities", "times", "interests", "metonyms")


def _codes(name: str) -> set[str]:
    return {entry["code"] for entry in yaml.safe_load((KNOWLEDGE / name).read_text(encoding="utf-8"))}


VALID_KEYS = _codes("states.yaml") | _codes("organizations.yaml")


def _load(gold_path: Path) -> tuple[dict, dict, str]:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    article = gold_path.parent / gold_path.name.replace(".gold.json", ".txt")
    fields, body = split_header(article.read_text(encoding="utf-8"))
    return gold, fields, fold(body)


def _hints(gold: dict) -> list[str]:
    hints = [i["hint"] for part in PARTS for i in gold.get(part, [])]
    return hints + gold.get("no_events_in", []) + gold.get("boilerplate", [])


@pytest.mark.parametrize("folder", SETS, ids=lambda p: p.name)
def test_there_are_four_to_six_articles_each_with_gold(folder):
    articles = sorted(folder.glob("*.txt"))
    golds = sorted(folder.glob("*.gold.json"))
    assert 4 <= len(articles) <= 6 and len(golds) == len(articles)
    assert {a.stem for a in articles} == {g.name.removesuffix(".gold.json") for g in golds}


@pytest.mark.parametrize("path", GOLDS, ids=lambda p: p.stem)
def test_header_and_length(path):
    gold, fields, body = _load(path)
    assert {"title", "published", "publisher"} <= set(fields), fields
    assert fields["published"] == gold["document"]["published"], "header and gold disagree on the date"
    assert gold["document"]["file"] == path.name.replace(".gold.json", ".txt")
    assert 350 <= len(body.split()) <= 650


@pytest.mark.parametrize("path", GOLDS, ids=lambda p: p.stem)
def test_every_hint_is_in_the_article_body(path):
    gold, _, body = _load(path)
    missing = [h for h in _hints(gold) if fold(h) not in body]
    assert not missing
    for part in ("times", "metonyms"):
        for item in gold[part]:
            assert fold(item["text"]) in fold(item["hint"]), item


@pytest.mark.parametrize("path", GOLDS, ids=lambda p: p.stem)
def test_boilerplate_passages_carry_no_gold_items(path):
    gold, _, body = _load(path)
    spans = [(body.find(fold(b)), body.find(fold(b)) + len(b)) for b in gold["boilerplate"]]
    for part in PARTS:
        for item in gold[part]:
            at = body.find(fold(item["hint"]))
            assert not any(lo <= at < hi for lo, hi in spans), item


@pytest.mark.parametrize("path", GOLDS, ids=lambda p: p.stem)
def test_keys_are_known_states_or_organisations(path):
    gold, _, _ = _load(path)
    allowed = set(gold["allowed_actor_keys"])
    assert allowed <= VALID_KEYS, allowed - VALID_KEYS
    used = {a["key"] for a in gold["actors"]} | {m["key"] for m in gold["metonyms"]}
    used |= {i["actor"] for i in gold["interests"]}
    for e in gold["events"]:
        used |= {e["source"], e["target"], *e.get("alt_sources", []), *e.get("alt_targets", [])}
    for c in gold["claims"]:
        used |= {c["source"], *c.get("alt_sources", [])}
    used.discard(None)
    assert used <= allowed, used - allowed


@pytest.mark.parametrize("path", GOLDS, ids=lambda p: p.stem)
def test_items_use_the_contract_vocabulary(path):
    gold, _, _ = _load(path)
    ids = [e["id"] for e in gold["events"]]
    assert len(ids) == len(set(ids))
    assert len(ids) >= 10
    for e in gold["events"]:
        assert e["types"] and set(e["types"]) <= set(EVENT_TYPES), e
        assert isinstance(e["required"], bool)
        for flag in ("negated", "hypothetical", "symmetric"):
            assert isinstance(e.get(flag, False), bool), e
        assert e.get("date") is None or isinstance(e["date"], str), e
    claim_ids = [c["id"] for c in gold["claims"]]
    assert len(claim_ids) == len(set(claim_ids))
    for c in gold["claims"]:
        assert c["status"] and set(c["status"]) <= set(CLAIM_STATUSES), c
    for q in gold["quantities"]:
        assert q["kind"] in KINDS and q.get("bound", "exact") in BOUNDS, q
        assert isinstance(q["value"], int | float)
    for a in gold["actors"]:
        assert a["kind"] in ACTOR_KINDS, a
