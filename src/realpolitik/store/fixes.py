"""Analyst fixes: change a field the machine got wrong, instead of only rejecting the item.

A fix is one decision of kind "fix". Its target names the item ("event:ID", "claim:ID",
"actor:ID") and its value is a JSON object of the fields it changes:

    event:  type (a PLOVER type), source, target (actor ids; null for none), date (YYYY,
            YYYY-MM, YYYY-MM-DD or START/END; null for none), negated (true/false)
    claim:  status (asserted, reported, alleged, unverified, hedged, denied)
    actor:  key (a new id: every reference to the actor follows it), kind, country (a state's
            ISO alpha-3 code; null for none)

This module checks a fix's shape (no store needed) and folds the live fixes, in decision
order, into the rows of the derived tables the views join (event_fixes, claim_fixes,
actor_fixes): a later fix of a field wins, and undoing it brings back the earlier value, or
the machine's. The store checks what needs the corpus (the item and the actors exist).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from realpolitik.schema import CLAIM_STATUSES, EVENT_TYPES, ActorKind
from realpolitik.store.base import StoreError

FIXABLE: dict[str, tuple[str, ...]] = {
    "event": ("type", "source", "target", "date", "negated"),
    "claim": ("status",),
    "actor": ("key", "kind", "country"),
}
ACTOR_KINDS: tuple[str, ...] = ActorKind.__args__  # type: ignore[attr-defined]
CLEARABLE = frozenset({"source", "target", "date", "country"})  # null means "the text names none"
ACTOR_FIELDS = frozenset({"source", "target"})
_DAY = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_KEY = re.compile(r"^[^\s:]{1,100}$")
_TRUE, _FALSE = ("true", "yes", "1"), ("false", "no", "0")


@dataclass(frozen=True)
class Fix:
    """A fix as checked: what it changes (event/claim/actor), which one, and the new values."""

    what: str
    item: str
    changes: dict[str, Any]

    @property
    def target(self) -> str:
        return f"{self.what}:{self.item}"

    def value(self) -> str:
        """The decision's stored value: the changes as canonical JSON."""
        return json.dumps(self.changes, ensure_ascii=False, sort_keys=True)


def parse_fix(target: str, value: str | Mapping[str, Any] | None) -> Fix:
    """The fix `target`/`value` ask for, with every value checked and normalised (type
    upper-cased, date as an ISO prefix, negated a bool); a StoreError names what is wrong."""
    what, _, item = target.partition(":")
    if what not in FIXABLE or not item:
        raise StoreError(f"fix what? give {' / '.join(k + ':ID' for k in FIXABLE)}, not {target!r}")
    changes = _changes(value)
    allowed = FIXABLE[what]
    unknown = [k for k in changes if k not in allowed]
    if unknown:
        raise StoreError(f"cannot fix {unknown[0]!r} of {what} {item!r}; the fields a fix may change are "
                         f"{', '.join(allowed)}")
    return Fix(what, item, {k: _checked(k, v) for k, v in changes.items()})


def _changes(value: str | Mapping[str, Any] | None) -> dict[str, Any]:
    if value is None or (isinstance(value, str) and not value.strip()):
        raise StoreError("a fix needs the fields it changes, e.g. {\"type\": \"ACCUSE\", \"target\": \"RUS\"}")
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except json.JSONDecodeError as exc:
            raise StoreError(f"a fix's value must be a JSON object of fields, not {value!r}: {exc}") from exc
    if not isinstance(value, Mapping) or not value:
        raise StoreError(f"a fix's value must be a non-empty object of fields, not {value!r}")
    return dict(value)


def _checked(field: str, v: Any) -> Any:
    """One field's new value, normalised, or a StoreError naming the value."""
    if v is None:
        if field in CLEARABLE:
            return None
        raise StoreError(f"{field} cannot be empty")
    if field == "negated":
        return check_bool(v, field)
    if not isinstance(v, str) or not v.strip():
        raise StoreError(f"{field} must be a non-empty string, not {v!r}")
    v = v.strip()
    if field == "type":
        if v.upper() not in EVENT_TYPES:
            raise StoreError(f"unknown PLOVER type {v!r}; one of {', '.join(EVENT_TYPES)}")
        return v.upper()
    if field == "date":
        return check_date(v)
    if field == "status":
        if v.lower() not in CLAIM_STATUSES:
            raise StoreError(f"unknown claim status {v!r}; one of {', '.join(CLAIM_STATUSES)}")
        return v.lower()
    if field == "kind":
        if v.lower() not in ACTOR_KINDS:
            raise StoreError(f"unknown actor kind {v!r}; one of {', '.join(ACTOR_KINDS)}")
        return v.lower()
    if field == "key" and not _KEY.match(v):
        raise StoreError(f"malformed actor key {v!r}: give up to 100 characters without spaces or ':'")
    return v  # source, target, country, key: the store checks them against the corpus


def check_bool(v: Any, field: str = "negated") -> bool:
    if isinstance(v, bool):
        return v
    if isinstance(v, str) and v.strip().lower() in _TRUE + _FALSE:
        return v.strip().lower() in _TRUE
    raise StoreError(f"{field} must be true or false, not {v!r}")


def check_date(v: str) -> str:
    """An event date as the contract writes it: YYYY, YYYY-MM, YYYY-MM-DD or START/END of
    those, on the calendar; anything else is refused with the value named."""
    parts = v.split("/")
    if len(parts) > 2 or not all(_real_day(p) for p in parts):
        raise StoreError(f"malformed date {v!r}: give YYYY, YYYY-MM, YYYY-MM-DD or START/END "
                         "(e.g. 2024-03-01 or 2010/2024)")
    if len(parts) == 2 and parts[1] < parts[0][: len(parts[1])]:
        raise StoreError(f"malformed date {v!r}: the range ends before it starts")
    return v


def _real_day(text: str) -> bool:
    m = _DAY.match(text)
    if not m:
        return False
    year, month, day = (int(x) if x else 1 for x in m.groups())
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


# -- folding the live fixes into derived rows ------------------------------------------------
@lru_cache(maxsize=1)
def _type_codes() -> dict[str, tuple[str, float | None]]:
    """Each PLOVER type's default CAMEO root and that root's Goldstein score (cameo.yaml)."""
    from realpolitik.knowledge import load_yaml

    cameo = load_yaml("cameo.yaml")
    roots = {str(k): v for k, v in cameo["roots"].items()}
    out = {}
    for name, t in cameo["types"].items():
        root = str(t["root"])
        score = roots.get(root, {}).get("goldstein")
        out[name] = (root, float(score) if score is not None else None)
    return out


def _folded(live: list[Mapping[str, Any]], what: str) -> dict[str, dict[str, Any]]:
    """Item -> its fields as the live fixes of `what` leave them, later decisions winning."""
    out: dict[str, dict[str, Any]] = {}
    for d in live:
        if d["kind"] == "fix" and d["target"].startswith(what + ":"):
            out.setdefault(d["target"].split(":", 1)[1], {}).update(json.loads(d["value"]))
    return out


def event_fix_rows(live: list[Mapping[str, Any]], follow: Callable[[str], str]) -> list[tuple[Any, ...]]:
    """Rows of event_fixes: (id, type, cameo, goldstein, source, set_source, target, set_target,
    date, set_date, negated). A changed type brings its default CAMEO root and Goldstein score
    (the view keeps the machine's finer code when the type stays); actors follow merges."""
    codes = _type_codes()
    rows = []
    for item, ch in sorted(_folded(live, "event").items()):
        type_ = ch.get("type")
        cameo, goldstein = codes.get(type_, (None, None)) if type_ else (None, None)
        src, tgt = ch.get("source"), ch.get("target")
        rows.append((item, type_, cameo, goldstein, follow(src) if src else None, "source" in ch,
                     follow(tgt) if tgt else None, "target" in ch, ch.get("date"), "date" in ch, ch.get("negated")))
    return rows


def claim_fix_rows(live: list[Mapping[str, Any]]) -> list[tuple[Any, ...]]:
    """Rows of claim_fixes: (id, status)."""
    return [(item, ch["status"]) for item, ch in sorted(_folded(live, "claim").items()) if "status" in ch]


def rekeys(live: list[Mapping[str, Any]]) -> list[tuple[str, str, int]]:
    """(old id, new id, decision) of every live fix that gives an actor a new key, in order."""
    out = []
    for d in live:
        if d["kind"] == "fix" and d["target"].startswith("actor:"):
            key = json.loads(d["value"]).get("key")
            if key:
                out.append((d["target"].split(":", 1)[1], key, int(d["id"])))
    return out


def actor_fix_rows(live: list[Mapping[str, Any]], follow_key: Callable[[str], str]) -> list[tuple[Any, ...]]:
    """Rows of actor_fixes: (id, kind, country, set_country), on the actor's latest key (a kind
    fixed before a re-key stays with the actor; a merge does not carry it into another)."""
    by_id: dict[str, dict[str, Any]] = {}
    for d in live:
        if d["kind"] == "fix" and d["target"].startswith("actor:"):
            ch = {k: v for k, v in json.loads(d["value"]).items() if k in ("kind", "country")}
            if ch:
                by_id.setdefault(follow_key(d["target"].split(":", 1)[1]), {}).update(ch)
    return [(item, ch.get("kind"), ch.get("country"), "country" in ch) for item, ch in sorted(by_id.items())]
