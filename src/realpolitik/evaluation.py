"""Score an Analysis against a hand-made gold annotation.

The gold format is the one used for the flagship article and for tests/data/eval: every item
is located by a `hint`, an exact substring of the document text. The matching semantics are
the project's shared ones, so a number measured here means the same as the shared scorer's:

* an event matches a gold event when the hint starts inside the event's sentence, its type is
  one the gold allows, and source/target agree at the level of actor *keys* (an actor's
  `country`, else its `org`), in either order for symmetric gold events;
* each prediction matches at most one gold item, required items are matched first;
* `"required": false` items are optional: missing them costs nothing, and a prediction that
  matches one is not a false positive.

Metrics that do not apply (nothing to count) are None, never a flattering 1.0.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from realpolitik.schema import Actor, Analysis, Document, Event, Span

# One-for-one folds keep offsets valid while letting gold written with straight quotes match
# text with typographic ones (and the other way round).
_FOLD = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " ",
                       "\u2013": "-", "\u2014": "-", "\u2009": " "})


def fold(text: str) -> str:
    return text.translate(_FOLD)


def ratio(hits: int, total: int) -> float | None:
    return hits / total if total else None


def f1(p: float | None, r: float | None) -> float | None:
    if p is None or r is None:
        return None
    return 2 * p * r / (p + r) if p + r else 0.0


class _Doc:
    """One document of the analysis with the lookups every section needs."""

    def __init__(self, analysis: Analysis, gold: dict[str, Any]):
        self.doc = _find_document(analysis.documents, gold)
        self.text = fold(self.doc.text)
        self.actors: dict[str, Actor] = {a.id: a for a in analysis.actors}
        did = self.doc.id
        self.events = [e for e in analysis.events if e.doc == did]
        self.claims = [c for c in analysis.claims if c.doc == did]
        self.quantities = [q for q in analysis.quantities if q.doc == did]
        self.times = [t for t in analysis.times if t.doc == did]
        self.interests = [i for i in analysis.interests if i.doc == did]

    def locate(self, hint: str) -> tuple[int, int]:
        start = self.text.find(fold(hint))
        if start < 0:
            raise ValueError(f"gold hint not in document text: {hint!r}")
        return start, start + len(hint)

    def key(self, actor_id: str | None) -> str | None:
        """Actors are compared by the state or organisation they stand for, not by id."""
        if actor_id is None:
            return None
        actor = self.actors.get(actor_id)
        if actor is None:
            return actor_id
        return actor.country or actor.org or actor_id


def _find_document(documents: Iterable[Document], gold: dict[str, Any]) -> Document:
    probe = fold(gold["events"][0]["hint"])
    for doc in documents:
        if probe in fold(doc.text):
            return doc
    raise ValueError("no document of the analysis contains the gold text")


def _overlaps(span: Span | None, lo: int, hi: int) -> bool:
    return span is not None and span.start < hi and lo < span.end


def _required(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [i for i in items if i.get("required", True)]


def score_actors(d: _Doc, gold: dict[str, Any]) -> dict[str, Any]:
    """A required gold actor is found by key and kind; persons also by surname."""
    missing = []
    for g in _required(gold["actors"]):
        if not any(_actor_fits(d, a, g) for a in d.actors.values()):
            missing.append(g["name"])
    n = len(_required(gold["actors"]))
    allowed = set(gold["allowed_actor_keys"])
    political = [a for a in d.actors.values() if a.kind != "location" and (a.country or a.org)]
    unexpected = sorted({d.key(a.id) for a in political} - allowed)
    metonyms = gold.get("metonyms", [])
    found = sum(_metonym_found(d, m) for m in metonyms)
    return {
        "actors_recall": ratio(n - len(missing), n),
        "n_actors": (n - len(missing), n),
        "actors_missing": missing,
        "actor_keys_unexpected": unexpected,
        "metonyms": f"{found}/{len(metonyms)}",
    }


def _actor_fits(d: _Doc, actor: Actor, g: dict[str, Any]) -> bool:
    if d.key(actor.id) != g["key"]:
        return False
    if g["kind"] != "person":
        return actor.kind != "person"
    surname = g["name"].split()[-1].lower()
    return actor.kind == "person" and any(surname in n.lower() for n in [actor.name, *actor.aliases])


def _metonym_found(d: _Doc, m: dict[str, Any]) -> bool:
    lo, hi = d.locate(m["hint"])
    at = d.text.find(fold(m["text"]), lo, hi)
    return any(
        d.key(a.id) == m["key"] and any(x.doc == d.doc.id and x.start <= at < x.end for x in a.mentions)
        for a in d.actors.values()
    )


def event_matches(d: _Doc, e: Event, g: dict[str, Any]) -> bool:
    """Same sentence, an allowed type, and the gold's source/target keys (or their alternatives)."""
    start, _ = d.locate(g["hint"])
    if not e.sentence.start <= start < e.sentence.end or e.type not in g["types"]:
        return False
    sources = [g["source"], *g.get("alt_sources", [])]
    targets = [g["target"], *g.get("alt_targets", [])]
    src, tgt = d.key(e.source), d.key(e.target)
    if src in sources and tgt in targets:
        return True
    return bool(g.get("symmetric")) and src in targets and tgt in sources


def score_events(d: _Doc, gold: dict[str, Any]) -> dict[str, Any]:
    golds = gold["events"]
    used: set[int] = set()
    matched: dict[str, Event] = {}
    # Required items first, so an optional item never steals the prediction a required one needs.
    for g in sorted(golds, key=lambda g: not g.get("required", True)):
        for i, e in enumerate(d.events):
            if i not in used and event_matches(d, e, g):
                used.add(i)
                matched[g["id"]] = e
                break
    required = _required(golds)
    precision = ratio(len(used), len(d.events)) if d.events else 0.0
    recall = ratio(sum(g["id"] in matched for g in required), len(required))
    pairs = [(g, matched[g["id"]]) for g in golds if g["id"] in matched]
    polarity_ok = sum(
        e.negated == bool(g.get("negated")) and e.hypothetical == bool(g.get("hypothetical")) for g, e in pairs)
    dated = [(g, e) for g, e in pairs if g.get("date")]
    dates_ok = sum(str(e.date or "").startswith(g["date"]) for g, e in dated)
    return {
        "events_predicted": len(d.events),
        "events_precision": precision,
        "events_recall": recall,
        "events_f1": f1(precision, recall),
        "events_missed": [g["id"] for g in required if g["id"] not in matched],
        "events_unmatched": [_describe(d, e) for i, e in enumerate(d.events) if i not in used],
        "events_polarity_acc": ratio(polarity_ok, len(pairs)),
        "events_date_acc": ratio(dates_ok, len(dated)),
        "events_in_boilerplate": _events_in(d, gold.get("no_events_in", [])),
        "n_events_precision": (len(used), len(d.events)),
        "n_events_recall": (len(required) - sum(g["id"] not in matched for g in required), len(required)),
        "n_events_polarity": (polarity_ok, len(pairs)),
        "n_events_date": (dates_ok, len(dated)),
    }


def _describe(d: _Doc, e: Event) -> str:
    where = d.text[e.sentence.start:e.sentence.start + 60].replace("\n", " ")
    return f"{e.type} {d.key(e.source)}->{d.key(e.target)} @ {where}"


def _events_in(d: _Doc, hints: list[str]) -> int:
    """Events whose sentence touches any occurrence of a no-event passage."""
    count = 0
    for hint in hints:
        h = fold(hint)
        lo = d.text.find(h)
        while lo >= 0:
            count += sum(_overlaps(e.sentence, lo, lo + len(h)) for e in d.events)
            lo = d.text.find(h, lo + len(h))
    return count


def score_claims(d: _Doc, gold: dict[str, Any]) -> dict[str, Any]:
    """A claim is found by span overlap; its status and source are then checked separately."""
    found = status_ok = source_ok = source_n = 0
    missed = []
    for g in _required(gold["claims"]):
        lo, hi = d.locate(g["hint"])
        cands = [c for c in d.claims if _overlaps(c.span, lo, hi)]
        if not cands:
            missed.append(g["id"])
            continue
        found += 1
        good = [c for c in cands if c.status in g["status"]]
        status_ok += bool(good)
        if g.get("source") or g.get("source_text"):
            source_n += 1
            wanted = [g.get("source"), *g.get("alt_sources", [])]
            word = g["source_text"].split()[-1].lower() if g.get("source_text") else None
            source_ok += any(
                d.key(c.source) in wanted or (word is not None and word in (c.source_text or "").lower())
                for c in good or cands)
    return {
        "claims_recall": ratio(found, len(_required(gold["claims"]))),
        "claims_status_acc": ratio(status_ok, found),
        "claims_source_acc": ratio(source_ok, source_n),
        "claims_missed": missed,
        "n_claims_recall": (found, len(_required(gold["claims"]))),
        "n_claims_status": (status_ok, found),
        "n_claims_source": (source_ok, source_n),
    }


def score_quantities(d: _Doc, gold: dict[str, Any]) -> dict[str, Any]:
    """Value within 1%, same unit, same bound where the gold gives one; optional ones count for precision."""
    used: set[int] = set()
    found, missed = 0, []
    for g in gold["quantities"]:
        lo, hi = d.locate(g["hint"])
        hit = next((i for i, q in enumerate(d.quantities) if i not in used and _overlaps(q.span, lo, hi)
                    and _same_quantity(q.value, q.unit, q.bound, g)), None)
        if hit is not None:
            used.add(hit)
            found += g.get("required", True)
        elif g.get("required", True):
            missed.append(g["hint"])
    return {
        "quantities_recall": ratio(found, len(_required(gold["quantities"]))),
        "quantities_precision": ratio(len(used), len(d.quantities)),
        "quantities_missed": missed,
        "n_quantities_recall": (found, len(_required(gold["quantities"]))),
        "n_quantities_precision": (len(used), len(d.quantities)),
    }


def _same_quantity(value: float | None, unit: str, bound: str, g: dict[str, Any]) -> bool:
    if not isinstance(value, int | float):
        return False
    return (abs(value - g["value"]) <= 0.01 * abs(g["value"]) and unit.lower() == g["unit"].lower()
            and (not g.get("bound") or bound == g["bound"]))


def score_times(d: _Doc, gold: dict[str, Any]) -> dict[str, Any]:
    """A time is found when a predicted span covers the gold text and carries the gold value."""
    missed = []
    required = _required(gold["times"])
    for g in required:
        lo, hi = d.locate(g["hint"])
        at = d.text.find(fold(g["text"]), lo, hi)
        if not any(t.span.start <= at < t.span.end and str(t.value) == g["value"] for t in d.times):
            missed.append(g["hint"])
    n = (len(required) - len(missed), len(required))
    return {"times_recall": ratio(*n), "times_missed": missed, "n_times": n}


def score_interests(d: _Doc, gold: dict[str, Any]) -> dict[str, Any]:
    missed = []
    required = _required(gold["interests"])
    for g in required:
        lo, hi = d.locate(g["hint"])
        if not any(d.key(i.actor) == g["actor"] and _overlaps(i.span, lo, hi) for i in d.interests):
            missed.append(g["hint"])
    n = (len(required) - len(missed), len(required))
    return {"interests_recall": ratio(*n), "interests_missed": missed, "n_interests": n}


def score_boilerplate(d: _Doc, gold: dict[str, Any]) -> dict[str, Any]:
    """Each gold boilerplate passage must lie wholly inside one detected boilerplate span."""
    hints = gold.get("boilerplate", [])
    covered = 0
    for h in hints:
        lo, hi = d.locate(h)
        covered += any(s <= lo and hi <= e for s, e in d.doc.boilerplate)
    return {"boilerplate_recall": ratio(covered, len(hints)), "n_boilerplate": (covered, len(hints))}


SECTIONS = (score_actors, score_events, score_claims, score_quantities, score_times, score_interests,
            score_boilerplate)


def score(analysis: Analysis, gold: dict[str, Any]) -> dict[str, Any]:
    """All metrics of one gold document; raises ValueError when a gold hint is not in the text.

    Each ratio comes with its `n_*` (hits, total) pair, so several documents can be pooled.
    """
    d = _Doc(analysis, gold)
    out: dict[str, Any] = {}
    for section in SECTIONS:
        out.update(section(d, gold))
    return out
