"""Scenario files: one issue, its scale, the status quo, and sourced actor numbers (YAML).

    issue: Will China finance Power of Siberia 2, and on whose terms?
    illustrative: true              # optional
    scale:
      low: what 0 means, in words
      high: what 100 means, in words
    status_quo: {position: 10, source: analyst judgement}
    actors:
      - id: CHN
        name: China                 # optional
        position: 35                # 0–100 (null in a draft: the analyst fills it)
        salience: 60                # 0–100
        capability: 80              # > 0, relative
        source:                     # one per number: "analyst judgement", a citation, or a span
          position: analyst judgement
          salience: {doc: "sha256:…", start: 10, end: 80}
          capability: analyst judgement

Errors name the file and line so the analyst can fix them; all errors are reported at once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

NUMBERS = ("position", "salience", "capability")


class ScenarioError(ValueError):
    """A scenario file is malformed; the message lists every problem with its line."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


class _Map(dict):
    """A mapping that remembers the line of itself and of each key (1-based)."""

    line: int = 0
    key_lines: dict[str, int]


class _List(list):
    line: int = 0


class _LineLoader(yaml.SafeLoader):
    """SafeLoader that records line numbers and refuses duplicate keys."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> _Map:  # type: ignore[override]
        result = _Map()
        result.line = node.start_mark.line + 1
        result.key_lines = {}
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            if key in result:
                raise yaml.MarkedYAMLError("while reading a mapping", node.start_mark,
                                           f"key {key!r} appears twice", key_node.start_mark)
            result[key] = self.construct_object(value_node, deep=True)
            result.key_lines[key] = key_node.start_mark.line + 1
        return result

    def construct_sequence(self, node: yaml.SequenceNode, deep: bool = False) -> _List:  # type: ignore[override]
        result = _List(self.construct_object(child, deep=True) for child in node.value)
        result.line = node.start_mark.line + 1
        return result


_LineLoader.add_constructor("tag:yaml.org,2002:map", _LineLoader.construct_mapping)
_LineLoader.add_constructor("tag:yaml.org,2002:seq", _LineLoader.construct_sequence)


@dataclass
class ScenarioActor:
    id: str
    name: str
    position: float | None
    salience: float
    capability: float
    source: dict[str, Any]
    line: int = 0
    comment: str | None = None


@dataclass
class Scenario:
    issue: str
    low: str
    high: str
    status_quo: float | None
    status_quo_source: Any
    actors: list[ScenarioActor]
    illustrative: bool = False
    notes: str | None = None
    path: str = "<scenario>"
    extra: dict[str, Any] = field(default_factory=dict)

    def columns(self) -> tuple[list[float], list[float], list[float]]:
        """Positions, saliences, capabilities; refuses a scenario with empty positions."""
        missing = [a.id for a in self.actors if a.position is None]
        if missing:
            raise ScenarioError([f"{self.path}:{a.line}: actor {a.id!r} has no position yet "
                                 "(fill it in before forecasting)" for a in self.actors if a.id in missing])
        return ([float(a.position) for a in self.actors if a.position is not None],
                [a.salience for a in self.actors], [a.capability for a in self.actors])


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _check_source(value: Any, where: str, problems: list[str]) -> None:
    if isinstance(value, str) and value.strip():
        return
    if isinstance(value, dict):
        if "doc" in value and _is_number(value.get("start")) and _is_number(value.get("end")):
            return
        problems.append(f"{where}: a span source needs doc, start and end")
        return
    problems.append(f"{where}: source must be 'analyst judgement', a citation, or a span {{doc, start, end}}")


def _actor(raw: Any, line: int, path: str, problems: list[str], allow_empty_position: bool) -> ScenarioActor | None:
    if not isinstance(raw, _Map):
        problems.append(f"{path}:{line}: each actor must be a mapping with id, position, salience, capability, source")
        return None

    def at(key: str) -> int:
        return raw.key_lines.get(key, raw.line)

    ok = True
    actor_id = raw.get("id")
    if not isinstance(actor_id, str) or not actor_id.strip():
        problems.append(f"{path}:{raw.line}: actor is missing 'id'")
        ok = False
    label = f"actor {actor_id!r}" if isinstance(actor_id, str) else "actor"
    values: dict[str, float | None] = {}
    for key in NUMBERS:
        if key not in raw:
            problems.append(f"{path}:{raw.line}: {label} is missing '{key}'")
            ok = False
            continue
        value = raw[key]
        if value is None and key == "position" and allow_empty_position:
            values[key] = None
            continue
        if not _is_number(value):
            problems.append(f"{path}:{at(key)}: {label} {key} must be a number, not {value!r}")
            ok = False
            continue
        if key in ("position", "salience") and not 0 <= value <= 100:
            problems.append(f"{path}:{at(key)}: {label} {key} {value} is out of range 0–100")
            ok = False
        if key == "capability" and value <= 0:
            problems.append(f"{path}:{at(key)}: {label} capability {value} must be greater than 0")
            ok = False
        values[key] = float(value)
    source = raw.get("source")
    if not isinstance(source, _Map):
        problems.append(f"{path}:{at('source') if 'source' in raw else raw.line}: {label} needs a 'source' "
                        f"mapping with one entry per number ({', '.join(NUMBERS)})")
        ok = False
    else:
        for key in NUMBERS:
            if key not in source:
                problems.append(f"{path}:{at('source')}: {label} has no source for its {key}")
                ok = False
            else:
                _check_source(source[key], f"{path}:{source.key_lines[key]}", problems)
    if not ok:
        return None
    return ScenarioActor(id=actor_id, name=str(raw.get("name") or actor_id), position=values["position"],
                         salience=values["salience"] or 0.0, capability=values["capability"] or 0.0,
                         source=dict(source), line=raw.line, comment=raw.get("comment"))


def parse_scenario(text: str, path: str = "<scenario>", allow_empty_position: bool = False) -> Scenario:
    """Parse and validate scenario YAML; raise ScenarioError listing every problem by line."""
    try:
        data = yaml.load(text, Loader=_LineLoader)  # noqa: S506 - SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 0
        raise ScenarioError([f"{path}:{line}: {exc.problem or exc}"]) from None
    except yaml.YAMLError as exc:
        raise ScenarioError([f"{path}: not valid YAML: {exc}"]) from None
    if not isinstance(data, _Map):
        raise ScenarioError([f"{path}:1: a scenario is a mapping with issue, scale, status_quo and actors"])
    problems: list[str] = []

    def at(key: str) -> int:
        return data.key_lines.get(key, data.line)

    for key in ("issue", "scale", "status_quo", "actors"):
        if key not in data:
            problems.append(f"{path}:{data.line}: missing '{key}'")
    issue = data.get("issue")
    if "issue" in data and (not isinstance(issue, str) or not issue.strip()):
        problems.append(f"{path}:{at('issue')}: 'issue' must be a sentence")
    scale = data.get("scale")
    low = high = ""
    if "scale" in data:
        if not isinstance(scale, _Map) or not all(isinstance(scale.get(k), str) and scale.get(k).strip()
                                                  for k in ("low", "high")):
            problems.append(f"{path}:{at('scale')}: 'scale' needs 'low' and 'high', each saying in words "
                            "what 0 and 100 mean")
        else:
            low, high = scale["low"], scale["high"]
    sq_value: float | None = None
    sq_source: Any = None
    if "status_quo" in data:
        sq = data["status_quo"]
        if not isinstance(sq, _Map) or "position" not in sq or "source" not in sq:
            problems.append(f"{path}:{at('status_quo')}: 'status_quo' needs 'position' (0–100) and 'source'")
        elif sq["position"] is not None and (not _is_number(sq["position"]) or not 0 <= sq["position"] <= 100):
            problems.append(f"{path}:{sq.key_lines['position']}: status quo position {sq['position']!r} "
                            "must be a number in 0–100")
        else:
            sq_value = None if sq["position"] is None else float(sq["position"])
            sq_source = sq["source"]
            _check_source(sq_source, f"{path}:{sq.key_lines['source']}", problems)
    actors: list[ScenarioActor] = []
    raw_actors = data.get("actors")
    if "actors" in data:
        if not isinstance(raw_actors, _List) or len(raw_actors) < 2:
            problems.append(f"{path}:{at('actors')}: 'actors' must list at least two actors")
        else:
            seen: dict[str, int] = {}
            for raw in raw_actors:
                actor = _actor(raw, getattr(raw, "line", raw_actors.line), path, problems, allow_empty_position)
                if actor is None:
                    continue
                if actor.id in seen:
                    problems.append(f"{path}:{actor.line}: actor {actor.id!r} appears twice "
                                    f"(first at line {seen[actor.id]})")
                    continue
                seen[actor.id] = actor.line
                actors.append(actor)
    if problems:
        raise ScenarioError(problems)
    known = {"issue", "scale", "status_quo", "actors", "illustrative", "notes"}
    return Scenario(issue=issue, low=low, high=high, status_quo=sq_value, status_quo_source=sq_source,
                    actors=actors, illustrative=bool(data.get("illustrative", False)),
                    notes=data.get("notes"), path=path,
                    extra={k: v for k, v in data.items() if k not in known})


def load_scenario(path: str | Path, allow_empty_position: bool = False) -> Scenario:
    """Read a scenario file (see module docstring for the format)."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except OSError as exc:
        raise ScenarioError([f"{p}: cannot read: {exc.strerror or exc}"]) from None
    return parse_scenario(text, str(p), allow_empty_position)
