"""The held-out gold files are well formed: a broken hint or key would silently skew every score."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from realpolitik.evaluation import fold
from realpolitik.ingest.header import split_header
from realpolitik.schema import CLAIM_STATUSES, EVENT_TYPES

EVAL = Path(__file__).resolve().parent / "data" / "eval"
KNOWLEDGE = Path(__file__).resolve().parents[1] / "src" / "realpolitik" / "knowledge"
GOLDS = sorted(EVAL.glob("*.gold.json"))
KINDS = {"money", "count", "distance", "duration", "percent", "mass", "energy", "other"}
BOUNDS = {"exact", "more_than", "less_than", "about", "range"}


def _codes(name: str) -> set[str]:
    return {entry["code"] for entry in yaml.safe_load((KNOWLEDGE / name).read_text(encoding="utf-8"))}


VALID_KEYS = _codes("states.yaml") | _codes("organizations.yaml")


def _load(gold_path: Path) -> tuple[dict, str]:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    article = EVAL / gold_path.name.replace(".gold.json", ".txt")
    fields, body = split_header(article.read_text(encoding="utf-8"))
    assert fields.get("published") == gold["document"]["published"], "header and gold disagree on the date"
    return gold, fold(body)


def _hints(gold: dict) -> list[str]:
    hints = [i["hint"] for part in ("events", "claims", "quantities", "times", "interests", "metonyms")
             for i in gold.get(part, [])]
    return hints + gold.get("no_events_in", []) + gold.get("boilerplate", [])


def test_there_are_five_articles_with_gold():
    assert len(GOLDS) == 5
    assert len(list(EVAL.glob("*.txt"))) == 5


@pytest.mark.parametrize("path", GOLDS, ids=lambda p: p.stem)
def test_every_hint_is_in_the_article_body(path):
    gold, body = _load(path)
    missing = [h for h in _hints(gold) if fold(h) not in body]
    assert not missing
    for part in ("times", "metonyms"):
        for item in gold[part]:
            assert fold(item["text"]) in fold(item["hint"]), item


@pytest.mark.parametrize("path", GOLDS, ids=lambda p: p.stem)
def test_keys_are_known_states_or_organisations(path):
    gold, _ = _load(path)
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
    gold, _ = _load(path)
    ids = [e["id"] for e in gold["events"]]
    assert len(ids) == len(set(ids))
    assert 10 <= len(ids)
    for e in gold["events"]:
        assert e["types"] and set(e["types"]) <= set(EVENT_TYPES), e
        assert isinstance(e["required"], bool)
    for c in gold["claims"]:
        assert c["status"] and set(c["status"]) <= set(CLAIM_STATUSES), c
    for q in gold["quantities"]:
        assert q["kind"] in KINDS and q.get("bound", "exact") in BOUNDS, q
        assert isinstance(q["value"], int | float)
    for a in gold["actors"]:
        assert a["kind"] in {"state", "person", "organization", "group", "location"}, a
