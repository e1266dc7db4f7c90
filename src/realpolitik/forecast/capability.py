"""Capabilities for DEU actors: equal, GDP, or Council votes by the rules in force.

Council votes: the Amsterdam weights for the EU-15 (until 31 Oct 2004), the Nice weights
(1 Nov 2004 – 31 Oct 2014), then the double majority, for which each state's weight is taken
as half its population share plus half an equal share (55 % of states and 65 % of
population are both needed). The rule in force is read from the year of the Commission
proposal: up to 2002 Amsterdam, 2003–2012 Nice, from 2013 double majority — adoption
usually comes one to two years after the proposal. Under unanimity every state weighs the
same. The Commission and Parliament are not Council members; their weight is given as a
share of the Council's total, by procedure.
"""

from __future__ import annotations

from dataclasses import dataclass

from realpolitik.forecast.deu import DEUIssue

INSTITUTIONS = ("com", "ep")

AMSTERDAM = {"de": 10, "fr": 10, "it": 10, "uk": 10, "es": 8, "be": 5, "el": 5, "nl": 5, "pt": 5,
             "at": 4, "se": 4, "dk": 3, "ie": 3, "fi": 3, "lu": 2}
NICE = {"de": 29, "fr": 29, "it": 29, "uk": 29, "es": 27, "pl": 27, "ro": 14, "nl": 13, "be": 12,
        "cz": 12, "el": 12, "hu": 12, "pt": 12, "bu": 10, "at": 10, "se": 10, "dk": 7, "ie": 7,
        "lt": 7, "sk": 7, "fi": 7, "cr": 7, "cy": 4, "ee": 4, "lv": 4, "lu": 4, "si": 4, "mt": 3}
# Population in millions, Eurostat 1 January 2015, rounded.
POPULATION = {"de": 81.2, "fr": 66.4, "uk": 64.9, "it": 60.8, "es": 46.4, "pl": 38.0, "ro": 19.9,
              "nl": 16.9, "be": 11.3, "el": 10.9, "cz": 10.5, "pt": 10.4, "hu": 9.9, "se": 9.7,
              "at": 8.6, "bu": 7.2, "dk": 5.7, "fi": 5.5, "sk": 5.4, "ie": 4.6, "cr": 4.2, "lt": 2.9,
              "si": 2.1, "lv": 2.0, "ee": 1.3, "cy": 0.85, "lu": 0.56, "mt": 0.43}


def council_votes(issue: DEUIssue) -> dict[str, float]:
    """Each placed member state's voting weight on this issue, normalised to sum to 1."""
    states = [a for a in issue.positions if a not in INSTITUTIONS]
    if not states:
        return {}
    if issue.vote_rule.lower().startswith("unan"):
        raw = {a: 1.0 for a in states}
    elif issue.year is not None and issue.year <= 2002:
        raw = {a: float(AMSTERDAM.get(a, NICE.get(a, 1))) for a in states}
    elif issue.year is not None and issue.year <= 2012:
        raw = {a: float(NICE.get(a, 1)) for a in states}
    else:
        total_pop = sum(POPULATION.values())
        raw = {a: 0.5 * POPULATION.get(a, 1.0) / total_pop + 0.5 / len(POPULATION) for a in states}
    total = sum(raw.values())
    return {a: w / total for a, w in raw.items()}


@dataclass(frozen=True)
class CapabilityRule:
    """How to weigh actors: the Council basis, a GDP exponent, and the institutions' shares.

    `com_share` and `ep_cod` / `ep_cns` are the Commission's and Parliament's weight as a
    fraction of the placed member states' total (co-decision vs consultation). None means
    "as heavy as the heaviest placed member state".
    """

    basis: str = "equal"  # equal | gdp | votes
    gdp_exponent: float = 1.0
    com_share: float | None = None
    ep_cod: float | None = None
    ep_cns: float | None = None

    def label(self) -> str:
        if self.basis in ("equal", "gdp") and self.com_share is None and self.ep_cod is None \
                and self.ep_cns is None and self.gdp_exponent == 1.0:
            return self.basis
        parts = [self.basis if self.basis != "gdp" or self.gdp_exponent == 1.0 else f"gdp^{self.gdp_exponent:g}"]
        for name, value in (("com", self.com_share), ("ep_cod", self.ep_cod), ("ep_cns", self.ep_cns)):
            if value is not None:
                parts.append(f"{name}={value:g}")
        return ",".join(parts)


def capabilities(issue: DEUIssue, rule: CapabilityRule, gdp: dict[str, float]) -> dict[str, float]:
    """Capability of every placed actor on `issue` under `rule`."""
    if rule.basis == "equal" and rule.com_share is None and rule.ep_cod is None and rule.ep_cns is None:
        return {a: 1.0 for a in issue.positions}
    if rule.basis == "gdp" and rule.com_share is None and rule.ep_cod is None and rule.ep_cns is None:
        return {a: gdp.get(a, 1.0) ** rule.gdp_exponent for a in issue.positions}
    states = [a for a in issue.positions if a not in INSTITUTIONS]
    if rule.basis == "votes":
        weights = council_votes(issue)
    elif rule.basis == "gdp":
        weights = {a: gdp.get(a, 1.0) ** rule.gdp_exponent for a in states}
    elif rule.basis == "equal":
        weights = {a: 1.0 for a in states}
    else:
        raise ValueError(f"unknown capability basis {rule.basis!r} (equal, gdp or votes)")
    total = sum(weights.values()) or 1.0
    heaviest = max(weights.values(), default=1.0)
    ep_share = rule.ep_cod if issue.procedure.upper() == "COD" else rule.ep_cns
    for actor, share in (("com", rule.com_share), ("ep", ep_share)):
        if actor in issue.positions:
            weights[actor] = heaviest if share is None else share * total
    return weights
