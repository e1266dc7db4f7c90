"""The gazetteer data files: coverage, consistency and a handful of facts that must not drift."""

from __future__ import annotations

import re
from collections import defaultdict

import pytest

from realpolitik.knowledge import Person, load

KB = load()

G20_STATES = (
    "ARG",
    "AUS",
    "BRA",
    "CAN",
    "CHN",
    "FRA",
    "DEU",
    "IND",
    "IDN",
    "ITA",
    "JPN",
    "KOR",
    "MEX",
    "RUS",
    "SAU",
    "ZAF",
    "TUR",
    "GBR",
    "USA",
)
P5 = ("CHN", "FRA", "RUS", "GBR", "USA")
HEAD_ROLES = {
    "President",
    "Acting President",
    "Interim President",
    "Prime Minister",
    "Premier",
    "Chancellor",
    "King",
    "Queen",
    "Emperor",
}
FM_ROLES = {"Foreign Minister", "Foreign Secretary", "Secretary of State"}
DM_ROLES = {
    "Defence Minister",
    "Defence Secretary",
    "Secretary of Defense",
    "Acting Secretary of Defense",
    "Secretary of War",
}
# A sovereign who is head of state of several realms is listed once, under GBR.
REALMS = {"AUS": "GBR", "CAN": "GBR"}

# Surface forms that truly name two states; the extractor must use context to choose.
#   Congolese: people of both Congos. Dominican(s): Dominica and the Dominican Republic.
STATE_COLLISIONS = {"Congolese", "Dominican", "Dominicans"}

ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def _bare(form: str) -> str:
    """The form as the gazetteer matcher sees it: a leading "the" is matched by context, not the phrase."""
    return form[4:] if form.lower().startswith("the ") else form


def holders(country: str, roles: set[str]) -> list[Person]:
    return [p for p in KB.people.values() if p.country == country and any(t.role in roles for t in p.roles)]


def covered(country: str, roles: set[str], date: str) -> bool:
    """Whether someone held one of `roles` for `country` on `date` (via Person.active_at and the term)."""
    return any(
        p.active_at(date) and any(t.role in roles and t.covers(date) for t in p.roles)
        for p in holders(country, roles)
    )


# ---------------------------------------------------------------- states


def test_state_counts():
    by_status = defaultdict(set)
    for s in KB.states.values():
        by_status[s.status].add(s.code)
    assert len(by_status["member"]) == 193
    assert by_status["observer"] == {"VAT", "PSE"}
    assert {"TWN", "XKX"} <= by_status["non-member"]
    assert by_status["historical"] >= {"SUN"}
    assert set(by_status) <= {"member", "observer", "non-member", "historical"}


@pytest.mark.parametrize("code", sorted(KB.states))
def test_every_state_has_name_official_and_demonym(code):
    s = KB.states[code]
    assert re.fullmatch(r"[A-Z]{3}", s.code)
    assert s.name and s.official
    assert s.demonyms, f"{code} has no demonym"


def test_no_surface_form_names_two_states():
    owners = defaultdict(set)
    for s in KB.states.values():
        for form in (s.name, s.official, *s.names, *s.capitals, *s.demonyms):
            owners[_bare(form)].add(s.code)
    clashes = {form: sorted(codes) for form, codes in owners.items() if len(codes) > 1}
    assert set(clashes) == STATE_COLLISIONS, clashes


def test_surface_forms_are_clean_strings():
    for s in KB.states.values():
        for form in (*s.names, *s.capitals, *s.demonyms, *s.prefixes, *(seat.name for seat in s.seats)):
            assert isinstance(form, str) and form == form.strip() and form, (s.code, form)
        for seat in s.seats:
            assert seat.sector in {"GOV", "MIL", "SPY", "LEG", "JUD"}, (s.code, seat)


@pytest.mark.parametrize(
    ("form", "code", "field"),
    [
        ("China", "CHN", "name"),
        ("Russia", "RUS", "name"),
        ("United States", "USA", "name"),
        ("United Kingdom", "GBR", "name"),
        ("South Korea", "KOR", "name"),
        ("North Korea", "PRK", "name"),
        ("Georgia", "GEO", "name"),
        ("Turkey", "TUR", "name"),
        ("Czech Republic", "CZE", "name"),
        ("U.S.", "USA", "names"),
        ("America", "USA", "names"),
        ("UK", "GBR", "names"),
        ("Great Britain", "GBR", "names"),
        ("PRC", "CHN", "names"),
        ("ROK", "KOR", "names"),
        ("DPRK", "PRK", "names"),
        ("Holland", "NLD", "names"),
        ("Ivory Coast", "CIV", "names"),
        ("Burma", "MMR", "names"),
        ("Czechia", "CZE", "names"),
        ("Türkiye", "TUR", "names"),
        ("Swaziland", "SWZ", "names"),
        ("Macedonia", "MKD", "names"),
        ("DRC", "COD", "names"),
        ("Congo-Brazzaville", "COG", "names"),
        ("USSR", "SUN", "names"),
        ("Chinese Taipei", "TWN", "names"),
        ("Washington", "USA", "capitals"),
        ("Kyiv", "UKR", "capitals"),
        ("Kiev", "UKR", "capitals"),
        ("Teheran", "IRN", "capitals"),
        ("Peking", "CHN", "capitals"),
        ("Tbilisi", "GEO", "capitals"),
        ("Soviet", "SUN", "demonyms"),
        ("Taiwanese", "TWN", "demonyms"),
        ("Briton", "GBR", "demonyms"),
        ("Sino", "CHN", "prefixes"),
        ("Russo", "RUS", "prefixes"),
        ("Anglo", "GBR", "prefixes"),
    ],
)
def test_state_surface_forms(form, code, field):
    value = getattr(KB.states[code], field)
    assert form == value if field == "name" else form in value


@pytest.mark.parametrize(
    ("seat", "code", "sector"),
    [
        ("Kremlin", "RUS", "GOV"),
        ("White House", "USA", "GOV"),
        ("Pentagon", "USA", "MIL"),
        ("Langley", "USA", "SPY"),
        ("Capitol Hill", "USA", "LEG"),
        ("Foggy Bottom", "USA", "GOV"),
        ("Downing Street", "GBR", "GOV"),
        ("Zhongnanhai", "CHN", "GOV"),
        ("Knesset", "ISR", "LEG"),
        ("Quai d'Orsay", "FRA", "GOV"),
        ("South Block", "IND", "GOV"),
    ],
)
def test_seats(seat, code, sector):
    assert {(s.name, s.sector) for s in KB.states[code].seats} >= {(seat, sector)}


# ---------------------------------------------------------------- organisations


def test_organisation_count_and_kinds():
    assert len(KB.organizations) >= 60
    assert {o.kind for o in KB.organizations.values()} <= {"organization", "group", "location"}


def test_organisation_members_are_states_and_codes_are_upper():
    for o in KB.organizations.values():
        assert o.code == o.code.upper() and o.names, o.code
        for m in o.members:
            assert m in KB.states, (o.code, m)


def test_bodies_belong_to_an_organisation_of_the_gazetteer():
    assert KB.organizations["UNSC"].part_of == "UN" and KB.organizations["EC"].part_of == "EU"
    assert KB.organizations["WHO"].part_of is None   # the codebook keeps WHO's own key
    for o in KB.organizations.values():
        assert o.part_of is None or KB.organizations[o.part_of].part_of is None, o.code


def test_armed_movements_have_a_key_of_their_own_in_their_state():
    assert KB.movements["HOUTHIS"] == "Houthis" and KB.movements["HAMAS"] == "Hamas"
    for name, _country, sector, own in KB.institutions:
        assert own is None or (sector == "REB" and own not in KB.states and own in KB.movements), name


def test_no_surface_form_names_two_organisations():
    owners = defaultdict(set)
    for o in KB.organizations.values():
        for form in (*o.names, *o.adjectives):
            owners[_bare(form)].add(o.code)
    assert {f: c for f, c in owners.items() if len(c) > 1} == {}


def test_organisation_and_state_forms_do_not_clash():
    state_forms = {
        _bare(f) for s in KB.states.values() for f in (s.name, s.official, *s.names, *s.capitals, *s.demonyms)
    }
    org_forms = {_bare(f) for o in KB.organizations.values() for f in (o.name, *o.names, *o.adjectives)}
    assert state_forms & org_forms == set()


@pytest.mark.parametrize(
    ("code", "members"),
    [
        ("FVEY", {"USA", "GBR", "CAN", "AUS", "NZL"}),
        ("G7", {"USA", "JPN", "DEU", "GBR", "FRA", "ITA", "CAN"}),
        ("AUKUS", {"AUS", "GBR", "USA"}),
        ("QUAD", {"USA", "JPN", "IND", "AUS"}),
        ("P5", set(P5)),
    ],
)
def test_members(code, members):
    assert set(KB.organizations[code].members) == members


def test_collectives():
    wst, eur, gs = KB.organizations["WST"], KB.organizations["EUR"], KB.organizations["GS"]
    assert (wst.kind, wst.names, wst.adjectives) == ("group", ("the West",), ("Western",))
    assert eur.kind == "location" and "European" in eur.adjectives and "European Union" not in eur.names
    assert "European Union" in KB.organizations["EU"].names
    assert gs.kind == "group" and "Global South" in gs.names
    assert len(KB.organizations["NATO"].members) == 32 and len(KB.organizations["EU"].members) == 27


# ---------------------------------------------------------------- people


def test_people_reference_known_states_and_orgs():
    for p in KB.people.values():
        assert p.country is None or p.country in KB.states, (p.id, p.country)
        assert p.country or p.org, p.id
        assert p.org is None or p.org in KB.organizations, (p.id, p.org)
        for t in p.roles:
            assert t.org is None or t.org in KB.organizations, (p.id, t)


def test_terms_are_well_formed():
    for p in KB.people.values():
        assert p.roles, p.id
        for t in p.roles:
            assert t.start and ISO_DATE.match(t.start), (p.id, t)
            assert t.end is None or ISO_DATE.match(t.end), (p.id, t)
            assert t.end is None or t.start <= t.end, (p.id, t)


def test_no_surface_form_names_two_people():
    owners = defaultdict(set)
    for p in KB.people.values():
        for form in (p.name, *p.names):
            owners[_bare(form)].add(p.id)
    assert {f: ids for f, ids in owners.items() if len(ids) > 1} == {}


def test_people_forms_do_not_clash_with_states_or_organisations():
    people = {f for p in KB.people.values() for f in (p.name, *p.names)}
    places = {f for s in KB.states.values() for f in (s.name, s.official, *s.names, *s.capitals, *s.demonyms)}
    places |= {seat.name for s in KB.states.values() for seat in s.seats}
    places |= {f for o in KB.organizations.values() for f in (o.name, *o.names, *o.adjectives)}
    assert {_bare(f) for f in people} & {_bare(f) for f in places} == set()


@pytest.mark.parametrize("date", ["2000-06-01", "2010-06-01", "2020-06-01", "2025-06-01"])
@pytest.mark.parametrize("code", G20_STATES + ("UKR",))
def test_g20_and_ukraine_leaders_cover_the_period(code, date):
    assert covered(code, HEAD_ROLES, date) or covered(REALMS.get(code, code), HEAD_ROLES, date)


@pytest.mark.parametrize(
    "date", ["2000-06-01", "2005-06-01", "2010-06-01", "2015-06-01", "2020-06-01", "2023-09-01", "2025-06-01"]
)
@pytest.mark.parametrize("code", P5)
def test_p5_foreign_and_defence_ministers_cover_the_period(code, date):
    assert covered(code, FM_ROLES, date), f"no foreign minister of {code} on {date}"
    assert covered(code, DM_ROLES, date), f"no defence minister of {code} on {date}"


@pytest.mark.parametrize(
    ("org", "role", "date"),
    [
        ("EU", "President of the European Commission", "2002-01-01"),
        ("EU", "President of the European Council", "2012-01-01"),
        ("EU", "High Representative", "2005-01-01"),
        ("EU", "High Representative", "2025-06-01"),
        ("NATO", "Secretary General", "2001-01-01"),
        ("NATO", "Secretary General", "2025-06-01"),
        ("UN", "Secretary-General", "2000-06-01"),
        ("UN", "Secretary-General", "2025-06-01"),
    ],
)
def test_international_officials_cover_the_period(org, role, date):
    assert any(
        t.role == role and t.org == org and t.covers(date) for p in KB.people.values() for t in p.roles
    )


def term(pid: str, role: str):
    return [(t.start, t.end) for t in KB.people[pid].roles if t.role == role]


def test_specific_facts():
    assert ("2013-03-14", None) in term("xi-jinping", "President")
    assert term("barack-obama", "President") == [("2009-01-20", "2017-01-20")]
    assert term("olaf-scholz", "Chancellor") == [("2021-12-08", "2025-05-06")]
    dong = KB.people["dong-jun"]
    assert dong.country == "CHN" and term("dong-jun", "Defence Minister") == [("2023-12-29", None)]
    assert term("qin-gang", "Foreign Minister") == [("2022-12-30", "2023-07-25")]
    putin = KB.people["vladimir-putin"]
    assert putin.role_at("2010-01-01") == "Prime Minister" and putin.role_at("2024-01-01") == "President"
    assert putin.active_at("2000-01-15")
    assert term("donald-trump", "President") == [("2017-01-20", "2021-01-20"), ("2025-01-20", None)]
    assert KB.people["ursula-von-der-leyen"].org == "EU" and KB.people["ursula-von-der-leyen"].country is None
    assert "Xi" in KB.people["xi-jinping"].names and "Lavrov" in KB.people["sergey-lavrov"].names
    assert not any("Clinton" == n or "Ivanov" == n or "Li" == n for p in KB.people.values() for n in p.names)


# ---------------------------------------------------------------- foreign ministers of the G20, 2010-2026

G20_FM_NEW = ("ARG", "AUS", "BRA", "CAN", "DEU", "IND", "IDN", "ITA", "JPN", "KOR", "MEX", "SAU", "ZAF", "TUR")


@pytest.mark.parametrize("date", ["2011-06-01", "2015-06-01", "2020-06-01", "2023-09-01", "2025-06-01"])
@pytest.mark.parametrize("code", G20_FM_NEW)
def test_g20_foreign_ministers_cover_the_period(code, date):
    assert covered(code, FM_ROLES, date), f"no foreign minister of {code} on {date}"


def test_g20_foreign_minister_facts():
    assert ("2019-05-30", None) in term("s-jaishankar", "Foreign Minister")
    assert ("2021-12-08", "2025-05-06") in term("annalena-baerbock", "Foreign Minister")
    assert ("2023-06-04", None) in term("hakan-fidan", "Foreign Minister")
    assert ("2012-12-26", "2017-08-03") in term("fumio-kishida", "Foreign Minister")
    assert ("2019-10-23", None) in term("faisal-bin-farhan", "Foreign Minister")
    assert ("2022-05-23", None) in term("penny-wong", "Foreign Minister")
    # an office holder who changed office is one person with two roles, not two entries
    assert KB.people["kevin-rudd"].role_at("2011-06-01") == "Foreign Minister"
    assert KB.people["ahmet-davutoglu"].role_at("2012-01-01") == "Foreign Minister"
    assert KB.people["ahmet-davutoglu"].role_at("2015-01-01") == "Prime Minister"


# ---------------------------------------------------------------- the main diplomatic dossiers, 2015-2026

DOSSIER_STATES = ("IRN", "ISR", "PAK", "SYR", "IRQ", "EGY", "QAT", "ARE", "POL", "ESP", "NLD", "SWE", "FIN", "NOR", "BLR",
                  "GEO", "ARM", "AZE", "KAZ", "HUN", "SRB")
# (state, office, date) left out on purpose: holders whose dates we could not confirm
KNOWN_GAPS = {("KAZ", "FM", "2023-09-01"), ("KAZ", "FM", "2025-06-01"), ("KAZ", "DM", "2023-09-01"), ("KAZ", "DM", "2025-06-01")}
# leaders who are not a President or Prime Minister, and caretakers
HEAD_ROLES_WIDE = HEAD_ROLES | {"Supreme Leader", "Emir", "Leader", "Crown Prince", "Caretaker Prime Minister"}
FM_ROLES_WIDE = FM_ROLES | {"Acting Foreign Minister"}
NEW_COUNTRIES = set(DOSSIER_STATES) | {"UKR", "AFG", "PRK", "TWN", "PHL", "VNM", "THA", "MYS", "SGP", "NGA", "ETH", "KEN",
                                       "VEN", "COL", "CHL"}


@pytest.mark.parametrize("date", ["2017-06-01", "2020-06-01", "2025-06-01"])
@pytest.mark.parametrize("code", ("PRK", "TWN", "PHL", "VNM", "THA", "MYS", "SGP", "NGA", "ETH", "KEN", "VEN", "COL"))
def test_asia_africa_latin_america_leaders_and_foreign_ministers(code, date):
    assert covered(code, HEAD_ROLES_WIDE, date), f"no leader of {code} on {date}"
    assert covered(code, FM_ROLES_WIDE, date), f"no foreign minister of {code} on {date}"


@pytest.mark.parametrize("date", ["2016-06-01", "2020-06-01", "2023-09-01", "2025-06-01"])
@pytest.mark.parametrize("code", DOSSIER_STATES)
def test_dossier_states_cover_the_period(code, date):
    assert covered(code, HEAD_ROLES_WIDE, date), f"no leader of {code} on {date}"
    if (code, "FM", date) not in KNOWN_GAPS:
        assert covered(code, FM_ROLES_WIDE, date), f"no foreign minister of {code} on {date}"
    if (code, "DM", date) not in KNOWN_GAPS:
        assert covered(code, DM_ROLES, date), f"no defence minister of {code} on {date}"


@pytest.mark.parametrize("date", ["2016-06-01", "2020-06-01", "2023-09-01", "2025-06-01"])
def test_ukraine_foreign_and_defence_ministers_cover_the_period(date):
    assert covered("UKR", FM_ROLES, date) and covered("UKR", DM_ROLES, date)


def test_new_people_have_known_countries():
    for p in KB.people.values():
        if p.country in NEW_COUNTRIES:
            assert p.country in KB.states, (p.id, p.country)
            assert p.name and p.roles, p.id


def test_dossier_facts():
    assert term("abbas-araghchi", "Foreign Minister") == [("2024-08-21", None)]
    assert term("ishaq-dar", "Foreign Minister") == [("2024-03-11", None)]
    assert KB.people["ali-khamenei"].country == "IRN" and term("ali-khamenei", "Supreme Leader")[0][1] is None
    assert term("ebrahim-raisi", "President") == [("2021-08-03", "2024-05-19")]
    assert term("mohammad-javad-zarif", "Foreign Minister") == [("2013-08-15", "2021-08-25")]
    assert KB.people["benjamin-netanyahu"].role_at("2024-01-01") == "Prime Minister"
    assert term("dmytro-kuleba", "Foreign Minister") == [("2020-03-04", "2024-09-05")]
    assert term("oleksii-reznikov", "Defence Minister") == [("2021-11-04", "2023-09-05")]
    assert term("bashar-al-assad", "President") == [("2000-07-17", "2024-12-08")]
    assert term("tamim-bin-hamad-al-thani", "Emir") == [("2013-06-25", None)]
    assert term("mohamed-bin-zayed", "President") == [("2022-05-14", None)]
    assert ("2017-06-21", None) in term("mohammed-bin-salman", "Crown Prince")
    assert "Zardari" in KB.people["asif-ali-zardari"].names
    assert "Zardari" not in KB.people["bilawal-bhutto-zardari"].names
    assert term("viktor-orban", "Prime Minister")[-1] == ("2010-05-29", None)
    assert term("peter-szijjarto", "Foreign Minister") == [("2014-09-23", None)]
    assert term("alexander-lukashenko", "President") == [("1994-07-20", None)]
    assert term("andrzej-duda", "President") == [("2015-08-06", "2025-08-06")]
    assert ("2023-12-13", None) in term("radoslaw-sikorski", "Foreign Minister")
    assert term("nikol-pashinyan", "Prime Minister") == [("2018-05-08", None)]
    assert term("ilham-aliyev", "President") == [("2003-10-31", None)]
    assert KB.people["alexander-stubb"].role_at("2025-01-01") == "President"
    assert term("kim-jong-un", "Supreme Leader") == [("2011-12-17", None)]
    assert term("tsai-ing-wen", "President") == [("2016-05-20", "2024-05-20")]
    assert KB.people["lai-ching-te"].role_at("2018-06-01") == "Premier"
    assert term("rodrigo-duterte", "President") == [("2016-06-30", "2022-06-30")]
    assert term("abiy-ahmed", "Prime Minister") == [("2018-04-02", None)]
    assert term("vivian-balakrishnan", "Foreign Minister") == [("2015-10-01", None)]
    assert KB.people["tedros-adhanom-ghebreyesus"].org == "WHO"
    assert "Niinistö" in KB.people["sauli-niinisto"].names and "Niinistö" not in KB.people["jussi-niinisto"].names
