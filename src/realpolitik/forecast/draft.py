"""Draft a scenario from actors' stated interests: the rank-and-wording rule, and the shell.

`realpolitik scenario draft` reads salience and position from the store's interest topics
(draft_interests). This module keeps the earlier rule for stated interests that come without
their documents' text (an analysis file of interests alone), where no topic can be read:

Salience is suggested, never decided: each actor's stated interests are scored by rank (a
first-ranked interest counts fully, the k-th 1/k) and by wording (intensifiers such as
"desperately", "vital", "must" raise it by half; hedges such as "may", "might", "somewhat"
lower it by a third), and the scores are scaled so the most insistent actor gets 90 and an
actor with no stated interest gets 50 by default. The comment on each actor shows the sum.
Positions are left to the analyst.
"""

from __future__ import annotations

import re
from typing import Any

STRONG = ("desperate", "desperately", "vital", "critical", "crucial", "must", "urgent", "urgently",
          "essential", "core", "red line", "existential", "at all costs", "above all", "top priority",
          "insist", "insists", "determined", "cannot afford")
HEDGED = ("may", "might", "could", "somewhat", "perhaps", "possibly", "would like", "hopes", "prefer",
          "prefers", "consider", "considering")
TOP_SALIENCE, DEFAULT_SALIENCE, FLOOR_SALIENCE = 90.0, 50.0, 20.0


def _has(text: str, words: tuple[str, ...]) -> list[str]:
    low = text.lower()
    return [w for w in words if re.search(rf"\b{re.escape(w)}\b", low)]


def interest_weight(interest: dict[str, Any]) -> tuple[float, str]:
    """Weight of one stated interest and a short reason (rank, wording)."""
    rank = interest.get("rank") or 1
    try:
        rank = max(1, int(rank))
    except (TypeError, ValueError):
        rank = 1
    weight = 1.0 / rank
    text = str(interest.get("text") or "")
    strong, hedged = _has(text, STRONG), _has(text, HEDGED)
    reason = f"rank {rank}"
    if strong:
        weight *= 1.5
        reason += f", strong wording ({', '.join(strong)})"
    elif hedged:
        weight *= 2 / 3
        reason += f", hedged ({', '.join(hedged)})"
    return weight, reason


def interests_by_key(interests: list[dict[str, Any]], actors: list[dict[str, Any]],
                     wanted: list[str]) -> list[dict[str, Any]]:
    """Interests re-keyed to the scenario's actors: a person's or body's interest counts for
    the state or bloc it belongs to when that state or bloc is a scenario actor."""
    keys = {a["id"]: a.get("country") or a.get("org") or a["id"] for a in actors}
    out = []
    for item in interests:
        actor = item.get("actor")
        key = actor if actor in wanted else keys.get(actor)
        if key in wanted:
            out.append({**item, "actor": key, "stated_by": actor})
    return out


def draft_scenario(issue: str, actors: list[str], interests: list[dict[str, Any]]) -> dict[str, Any]:
    """A scenario dict (same shape as the YAML files) for `actors` on `issue`.

    `interests` are analysis-contract interests: {actor, rank, text, doc, span: {start, end}}.
    Positions, the status quo and the scale's words are left null/placeholder for the analyst;
    capabilities default to equal, saying so; salience is suggested with its reasoning.
    """
    wanted = list(dict.fromkeys(actors))
    by_actor: dict[str, list[dict[str, Any]]] = {a: [] for a in wanted}
    for item in interests:
        if item.get("actor") in by_actor:
            by_actor[item["actor"]].append(item)
    scores: dict[str, float] = {}
    reasons: dict[str, list[str]] = {}
    for actor, items in by_actor.items():
        weighed = [interest_weight(i) for i in sorted(items, key=lambda i: i.get("rank") or 99)]
        scores[actor] = sum(w for w, _ in weighed)
        reasons[actor] = [f"{w:.2f} ({r})" for w, r in weighed]
    top = max(scores.values(), default=0.0)
    out_actors = []
    for actor in wanted:
        items = by_actor[actor]
        if not items or top <= 0:
            salience = DEFAULT_SALIENCE
            comment = ("no stated interest found in the analysis: salience set to the default "
                       f"{DEFAULT_SALIENCE:g}; set it by hand")
        else:
            salience = round(FLOOR_SALIENCE + (TOP_SALIENCE - FLOOR_SALIENCE) * scores[actor] / top)
            comment = (f"fallback, rank and wording (no document text to read topics from): salience "
                       f"suggested from {len(items)} stated interest(s): "
                       f"{' + '.join(reasons[actor])} = {scores[actor]:.2f}; the most insistent actor "
                       f"scores {top:.2f} → {TOP_SALIENCE:g}, so {FLOOR_SALIENCE:g} + "
                       f"{TOP_SALIENCE - FLOOR_SALIENCE:g} × {scores[actor]:.2f}/{top:.2f} = {salience:g}")
        evidence = [{"rank": i.get("rank"), "text": i.get("text"), "doc": i.get("doc"),
                     "span": dict(i.get("span") or {})} for i in items]
        salience_source: Any = "suggested from stated interests (see comment and evidence)" if items \
            else "default: no stated interest found"
        if len(items) == 1 and items[0].get("doc") and items[0].get("span"):
            span = items[0]["span"]
            salience_source = {"doc": items[0]["doc"], "start": span.get("start"), "end": span.get("end")}
        out_actors.append({
            "id": actor, "name": actor, "position": None, "salience": salience, "capability": 1,
            "source": {"position": "analyst: fill in from the evidence",
                       "salience": salience_source,
                       "capability": "equal by default; analyst judgement needed"},
            "basis": {"salience": "rank and wording" if items else "no stated interest", "position": "analyst"},
            "comment": comment, "evidence": evidence,
        })
    return scenario_shell(issue, out_actors, notes=(
        "Drafted by `realpolitik scenario draft` by the rank-and-wording rule (the interests came "
        "without their documents' text, so no topic could be read): positions and the status quo "
        "are left for the analyst; saliences are suggestions explained in each actor's comment."))


def scenario_shell(issue: str, actors: list[dict[str, Any]], notes: str,
                   scale: dict[str, str] | None = None) -> dict[str, Any]:
    """A draft scenario around its actors: the status quo and (by default) the scale's words
    left for the analyst."""
    return {
        "issue": issue, "illustrative": False,
        "scale": scale or {"low": "(analyst: say in words what 0 means)",
                           "high": "(analyst: say in words what 100 means)"},
        "status_quo": {"position": None, "source": "analyst: fill in"},
        "actors": actors,
        "notes": notes,
    }
