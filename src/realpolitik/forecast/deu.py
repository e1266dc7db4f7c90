"""Reader for the DEU III file (Arregui & Perarnaud 2021) as redistributed with a GDP line.

The file is tab-separated and quoted: a header, then one line of GDP weights under the
position columns, then one line per issue. Position columns `p<actor>` and salience
columns `s<actor>` cover the Commission (`com`), Parliament (`ep`) and the member states;
`rp` is the reference point (status quo) and `out` the outcome, both 0–100.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path

MIN_ACTORS = 3
DEFAULT_SALIENCE = 50.0  # DEU convention when an actor's position is known but its salience is not


@dataclass
class DEUIssue:
    """One scoreable issue: who stood where, how much they cared, and what was decided."""

    id: str
    proposal: str
    procedure: str      # COD (co-decision) or CNS (consultation)
    vote_rule: str      # QMV or Unan
    year: int | None    # year of the Commission proposal, from its number
    positions: dict[str, float]
    saliences: dict[str, float]
    status_quo: float | None
    outcome: float
    imputed_salience: list[str] = field(default_factory=list)


@dataclass
class DEUData:
    actors: list[str]
    gdp: dict[str, float]
    issues: list[DEUIssue]
    skipped: list[tuple[str, str]]  # (issue id, reason)


class DEUFormatError(ValueError):
    """The file is not laid out like DEU III."""


def _number(text: str) -> float | None:
    text = text.strip()
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        return None


def _year(proposal: str) -> int | None:
    """Proposal numbers are a letter, a two-digit year, then a serial: d00032 → 2000."""
    match = re.match(r"[a-z](\d\d)", proposal)
    if not match:
        return None
    yy = int(match.group(1))
    return 1900 + yy if yy >= 50 else 2000 + yy


def read_deu(path: str | Path) -> DEUData:
    """Parse the file; issues without an outcome or with under three placed actors are skipped."""
    with open(path, newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle, delimiter="\t", quotechar='"'))
    if len(rows) < 3:
        raise DEUFormatError(f"{path}: expected a header, a GDP line and issue lines")
    header = [h.strip() for h in rows[0]]
    col = {name: i for i, name in enumerate(header)}
    for needed in ("isnr", "prnr", "proc", "counvte", "rp", "out", "pcom", "scom"):
        if needed not in col:
            raise DEUFormatError(f"{path}: no column {needed!r} in the header")
    actors = [h[1:] for h in header if h.startswith("p") and "s" + h[1:] in col
              and h not in ("prnrnmc", "prnr", "prname", "proc", "proccde")]
    gdp_row = rows[1]
    gdp = {a: v for a in actors if (v := _number(gdp_row[col["p" + a]])) is not None}
    issues: list[DEUIssue] = []
    skipped: list[tuple[str, str]] = []
    for row in rows[2:]:
        if not any(cell.strip() for cell in row):
            continue
        row = row + [""] * (len(header) - len(row))
        issue_id = row[col["isnr"]].strip()
        outcome = _number(row[col["out"]])
        if outcome is None:
            skipped.append((issue_id, "no outcome recorded"))
            continue
        positions: dict[str, float] = {}
        saliences: dict[str, float] = {}
        imputed: list[str] = []
        for actor in actors:
            x = _number(row[col["p" + actor]])
            if x is None:
                continue
            s = _number(row[col["s" + actor]])
            if s is None:
                s = DEFAULT_SALIENCE
                imputed.append(actor)
            positions[actor], saliences[actor] = x, s
        if len(positions) < MIN_ACTORS:
            skipped.append((issue_id, f"fewer than {MIN_ACTORS} actors with a position"))
            continue
        if sum(saliences.values()) <= 0:
            skipped.append((issue_id, "every salience is zero"))
            continue
        proposal = row[col["prnr"]].strip()
        issues.append(DEUIssue(
            id=issue_id, proposal=proposal, procedure=row[col["proc"]].strip(),
            vote_rule=row[col["counvte"]].strip(), year=_year(proposal), positions=positions,
            saliences=saliences, status_quo=_number(row[col["rp"]]), outcome=outcome,
            imputed_salience=imputed))
    return DEUData(actors, gdp, issues, skipped)
