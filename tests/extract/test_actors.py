"""Actor resolution on sentences written for the purpose: a table of text -> expected actors."""

from __future__ import annotations

import pytest


def actors_of(analysis):
    return {a.id: a for a in analysis.actors}


def mentioned(analysis, surface: str) -> set[str]:
    """Actor ids that have a mention covering exactly `surface`."""
    return {a.id for a in analysis.actors for m in a.mentions if m.text.lower() == surface.lower()}


# (text, published, surface form, expected actor id)
METONYMS_AND_PLACES = [
    ("Beijing warned Tokyo against interfering in the Taiwan Strait.", "2023", "Beijing", "CHN"),
    ("Beijing warned Tokyo against interfering in the Taiwan Strait.", "2023", "Tokyo", "JPN"),
    ("The Kremlin dismissed the report as fiction.", "2022", "the Kremlin", "RUS"),
    ("The White House said the talks had been productive.", "2021", "the White House", "USA"),
    ("Talks with Washington stalled over export controls.", "2020", "Washington", "USA"),
    ("The delegation spent two days in Washington before flying home.", "2020", "Washington", "loc:washington"),
    ("Students at a Moscow university protested the decision.", "2019", "Moscow", "loc:moscow"),
    ("Moscow rejected the proposal within hours.", "2019", "Moscow", "RUS"),
    ("Kyiv asked its partners for more air defence systems.", "2023", "Kyiv", "UKR"),
    ("Mortar rounds landed on two hamlets near Kupwara after midnight.", "2024", "Kupwara", "loc:kupwara"),
    ("A naval drone damaged a tanker moored at Novorossiysk.", "2024", "Novorossiysk", "loc:novorossiysk"),
    ("Three civilians died when shells hit a market in the Neelum valley.", "2024", "Neelum valley",
     "loc:neelum-valley"),
    ("Coast guard cutters shadowed the resupply boats bound for Ayungin Shoal.", "2024", "Ayungin Shoal",
     "loc:ayungin-shoal"),
]


@pytest.mark.parametrize("text,published,surface,expected", METONYMS_AND_PLACES)
def test_capitals_act_as_states_unless_used_as_places(analyze, text, published, surface, expected):
    assert expected in mentioned(analyze(text, published), surface)


SECTORS = [
    ("The Russian army shelled the town overnight.", "RUS-MIL", "RUS"),
    ("Chinese state media praised the agreement.", "CHN-MED", "CHN"),
    ("Iran's foreign ministry summoned the envoy.", "IRN-GOV", "IRN"),
    ("Western media reported the movement of troops.", "WST-MED", None),
    ("Japanese companies are moving production out of China.", "JPN-BUS", "JPN"),
]


@pytest.mark.parametrize("text,actor_id,country", SECTORS)
def test_sector_nouns_name_a_sector_of_the_state(analyze, text, actor_id, country):
    actors = actors_of(analyze(text, "2024"))
    assert actor_id in actors
    assert actors[actor_id].country == country
    assert actors[actor_id].sector == actor_id.split("-")[1]


UNKNOWN_PEOPLE = [
    # (text, name, country, role)
    ("Lin Haowen, China's ambassador to the African Union, met the commission's chair.",
     "Lin Haowen", "CHN", "Ambassador"),
    ("Brazilian foreign minister Paulo Ferreira arrived in Lagos on Monday.",
     "Paulo Ferreira", "BRA", "Foreign Minister"),
    ("The talks were led by Anna Kowalczyk, Poland's deputy foreign minister.",
     "Anna Kowalczyk", "POL", "Deputy Foreign Minister"),
    ("Turkey's envoy, Mehmet Aydin, said Ankara would not block the bid.",
     "Mehmet Aydin", "TUR", "Ambassador"),
    ("Kenyan defence minister Joseph Mwangi visited the border post.",
     "Joseph Mwangi", "KEN", "Defence Minister"),
]


@pytest.mark.parametrize("text,name,country,role", UNKNOWN_PEOPLE)
def test_people_missing_from_the_gazetteer_get_country_and_role(analyze, text, name, country, role):
    people = [a for a in analyze(text, "2024").actors if a.kind == "person" and a.name == name]
    assert people, f"{name} not found"
    assert people[0].country == country
    assert people[0].role == role


def test_office_holders_resolve_by_short_name_and_date(analyze):
    a = analyze("Putin met Xi in Beijing, and Lavrov later briefed reporters.", "2023-03-21")
    actors = actors_of(a)
    assert actors["vladimir-putin"].country == "RUS"
    assert actors["xi-jinping"].country == "CHN"
    assert any(x.kind == "person" and x.country == "RUS" and "Lavrov" in x.name for x in a.actors)


def test_short_form_and_pronoun_refer_back_to_a_named_person(analyze):
    text = ("Amara Okafor, Nigeria's trade minister, arrived in Delhi. "
            "Okafor said her country wanted more Indian investment.")
    a = analyze(text, "2024")
    person = next(x for x in a.actors if x.name == "Amara Okafor")
    assert person.country == "NGA"
    surfaces = [m.text for m in person.mentions]
    assert "Okafor" in surfaces and "her" in surfaces


def test_it_refers_to_the_state_acting_before_it(analyze):
    a = analyze("Canada expelled two diplomats on Friday. It also recalled its ambassador.", "2024")
    canada = actors_of(a)["CAN"]
    assert {"It", "its"} <= {m.text for m in canada.mentions}


def test_pleonastic_it_refers_to_nothing(analyze):
    a = analyze("Spain signed the accord. It is true that the terms were vague.", "2024")
    assert "It" not in {m.text for x in a.actors for m in x.mentions}


AMBIGUOUS = [
    ("Georgia applied to join the European Union, angering Moscow.", "Georgia", "GEO"),
    ("Georgia's governor signed the state budget in Atlanta.", "Georgia", "loc:georgia-us-state"),
    ("Voters in the US state of Georgia went to the polls.", "Georgia", "loc:georgia-us-state"),
    ("Tbilisi says Georgia will not recognise the breakaway regions.", "Georgia", "GEO"),
    ("Wildfires spread across Washington state this summer.", "Washington", "loc:washington-us-state"),
    ("Washington imposed new tariffs on Chinese steel.", "Washington", "USA"),
]


@pytest.mark.parametrize("text,surface,expected", AMBIGUOUS)
def test_ambiguous_names_are_settled_by_context(analyze, text, surface, expected):
    assert expected in mentioned(analyze(text, "2024"), surface)


def test_george_washington_is_a_man_not_a_government(analyze):
    a = analyze("George Washington warned against entangling alliances.", "2024")
    assert "USA" not in mentioned(a, "Washington")


def test_combining_forms_and_organisations(analyze):
    a = analyze("The Sino-Indian border talks resumed, and NATO and the African Union sent observers.", "2024")
    ids = set(actors_of(a))
    assert {"CHN", "IND", "NATO", "AU"} <= ids


def test_the_west_and_europe_are_collectives_not_states(analyze):
    a = analyze("Moscow blamed the West for the crisis, while Europe searched for new gas suppliers.", "2024")
    actors = actors_of(a)
    assert actors["WST"].kind == "group" and actors["WST"].org == "WST"
    assert actors["EUR"].country is None


def test_mentions_point_at_their_text(analyze):
    text = "Ottawa and Canberra signed a defence pact."
    a = analyze(text, "2024")
    for actor in a.actors:
        for m in actor.mentions:
            assert text[m.start:m.end] == m.text


INSTITUTIONS_AND_SEATS = [
    ("The People's Liberation Army held drills near the island.", "the People's Liberation Army", "CHN-MIL"),
    ("The State Department approved the arms sale.", "The State Department", "USA-GOV"),
    ("Brussels has refused to unfreeze the funds.", "Brussels", "EU"),
    ("Ministers gathered in Brussels for the summit.", "Brussels", "loc:brussels"),
    ("Seoul's trade ministry filed a complaint at the WTO.", "ministry", "KOR-GOV"),
]


@pytest.mark.parametrize("text,surface,expected", INSTITUTIONS_AND_SEATS)
def test_institutions_and_seats_name_their_state_or_bloc(analyze, text, surface, expected):
    assert expected in mentioned(analyze(text, "2024"), surface)


def test_officials_take_the_state_named_after_their_titles(analyze):
    text = ("Minister for Foreign Affairs Hana Sato and Minister of Defense Kenji Mori of Japan "
            "received Secretary of Foreign Affairs Ramon Cruz of the Philippines in Tokyo.")
    people = {a.name: a for a in analyze(text, "2024").actors if a.kind == "person"}
    assert people["Hana Sato"].country == "JPN" and people["Hana Sato"].role == "Foreign Minister"
    assert people["Kenji Mori"].country == "JPN" and people["Kenji Mori"].role == "Defence Minister"
    assert people["Ramon Cruz"].country == "PHL"


def test_titled_short_form_refers_to_the_person_named_earlier(analyze):
    text = "Defence Minister Kenji Mori of Japan arrived on Monday. Minister Mori then met the press."
    people = [a for a in analyze(text, "2024").actors if a.kind == "person"]
    assert [p.name for p in people] == ["Kenji Mori"]
    assert len(people[0].mentions) == 2


def test_an_officials_country_follows_a_resolved_possessive(analyze):
    text = ("Prime Minister Jan Visser of the Netherlands spoke first. "
            "His foreign minister, Pieter de Graaf, later met the Belgian envoy.")
    person = next(a for a in analyze(text, "2015").actors if a.name == "Pieter de Graaf")
    assert person.country == "NLD"


def test_it_does_not_stand_for_one_member_of_a_pair(analyze):
    text = ("Egypt remains wary of the dam. Egypt and Sudan agreed to hold more talks. "
            "But it has also asked the African Union to mediate.")
    it = [a.id for a in analyze(text, "2021").actors for m in a.mentions if m.text == "it"]
    assert it == ["EGY"]


def test_names_of_agreements_are_not_actors(analyze):
    a = analyze("Both sides signed the Reciprocal Defence Agreement in Manila.", "2024")
    assert not [x for x in a.actors if "Agreement" in x.name]


def test_coordinated_demonyms_each_name_their_own_side(analyze):
    a = analyze("Thai and Cambodian soldiers exchanged fire along the border.", "2025")
    assert {"THA-MIL", "KHM-MIL"} <= set(actors_of(a))


def test_places_carry_their_state_but_stay_places(analyze):
    a = analyze("Drones struck Odesa overnight, and Moscow said its forces held Avdiivka.", "2024")
    actors = actors_of(a)
    assert actors["loc:odesa"].kind == "location" and actors["loc:odesa"].country == "UKR"
    assert actors["loc:avdiivka"].country == "UKR"
    assert "UKR" not in actors  # no act of Ukraine's government was named


def test_groups_act_without_a_state(analyze):
    a = analyze("Rebels ambushed a convoy, and dockworkers refused to unload the ship.", "2024")
    actors = actors_of(a)
    assert actors["grp:REB"].kind == "group" and actors["grp:REB"].country is None
    assert actors["grp:LAB"].sector == "LAB"


def test_a_short_form_of_an_organisation_refers_back_to_it(analyze):
    a = analyze("The UN Security Council met on Monday. The Council then adopted the text.", "2024")
    council = actors_of(a)["UNSC"]
    assert [m.text for m in council.mentions][-1] == "Council"
    assert not [x for x in a.actors if x.id.startswith("org:council")]


def test_it_prefers_the_main_subject_over_an_embedded_one(analyze):
    a = analyze("Ankara wants Baku to keep the pipeline open. It also wants a share of the transit fees.", "2024")
    assert [m.text for m in actors_of(a)["TUR"].mentions] == ["Ankara", "It"]


def test_a_national_official_named_without_a_state_is_of_the_state_the_paragraph_is_about(analyze):
    text = "Unions in Malawi called a strike after President Peter Banda raised fuel prices."
    person = next(a for a in analyze(text, "2012").actors if a.name == "Peter Banda")
    assert person.country == "MWI"


def test_no_state_is_guessed_when_the_paragraph_names_two_equally(analyze):
    text = "President Laurent Dubois spoke in Paris before flying to Madrid."
    person = next(a for a in analyze(text, "2012").actors if a.name == "Laurent Dubois")
    assert person.country is None


@pytest.mark.parametrize("text, surface, expected", [
    ("The Security Council met on Friday to discuss the launches.", "The Security Council", "UNSC"),
    ("Ireland asked the Security Council to meet in closed session.", "the Security Council", "UNSC"),
])
def test_a_bare_security_council_is_the_uns(analyze, text, surface, expected):
    assert expected in mentioned(analyze(text, published="2024"), surface)


def test_a_qualified_security_council_is_not_the_uns(analyze):
    analysis = analyze("The Russian Security Council met on Friday.", published="2024")
    assert "UNSC" not in actors_of(analysis)


def test_a_dateline_is_where_a_report_was_filed_not_an_actor(analyze):
    text = "TBILISI/YEREVAN, May 3 (Caucasus Wire) - Georgia and Armenia reopened a border crossing on Friday.\n"
    analysis = analyze(text, published="2024-05-03")
    assert not [a for a in analysis.actors if "tbilisi" in a.id or "yerevan" in a.id]


def test_it_after_a_sentence_about_a_thing_is_that_thing(analyze):
    text = ("The draft resolution on North Korea would have tightened the oil embargo. "
            "It would also have banned exports of textiles.")
    analysis = analyze(text, published="2022-05-27")
    assert not [m for a in analysis.actors for m in a.mentions if m.text == "It"]


def test_it_after_an_actor_subject_is_that_actor(analyze):
    text = "Vietnam protested the seizure of its fishing boat. It also summoned the Chinese ambassador."
    analysis = analyze(text, published="2022-05-27")
    assert "VNM" in mentioned(analysis, "It")


def test_official_readouts_capitalise_surnames(analyze):
    text = "Prime Minister KISHIDA Fumio held a summit meeting with President Joe Biden. KISHIDA thanked him."
    analysis = analyze(text, published="2023-05-19")
    assert {m.text for a in analysis.actors if a.id == "fumio-kishida" for m in a.mentions} >= {"KISHIDA Fumio", "KISHIDA"}


def test_a_quoted_we_is_the_speakers_side(analyze):
    text = ('Mark Rutte met Recep Tayyip Erdogan in Ankara.\n\n'
            'Rutte: "We agreed to keep the channel open."\n\n'
            '"We will not be rushed," Erdogan said.\n')
    analysis = analyze(text, published="2024-11-04")
    we = {m.text: a.id for a in analysis.actors for m in a.mentions if m.text == "We"}
    assert {a.id for a in analysis.actors for m in a.mentions if m.text == "We"} >= {"mark-rutte", "recep-tayyip-erdogan"}
    assert we


def test_an_unquoted_we_is_no_one(analyze):
    analysis = analyze("We should not pretend that Turkey will change course.", published="2024-11-04")
    assert not [m for a in analysis.actors for m in a.mentions if m.text == "We"]


def test_a_bodys_one_word_name_is_the_organisation_the_text_is_about(analyze):
    text = ("The African Union opened its summit in Addis Ababa on Saturday. The AU suspended Gabon. "
            "The Assembly condemned the fighting in Sudan.")
    analysis = analyze(text, published="2025-02-15")
    assert "AU" in mentioned(analysis, "Assembly") | mentioned(analysis, "The Assembly")
    assert not [a for a in analysis.actors if a.id.startswith("org:assembly")]


def test_named_rebels_are_their_movement_and_unnamed_ones_their_states(analyze):
    analysis = analyze("M23 rebels seized Goma. Syrian rebels shelled a village.", published="2025-02-15")
    assert "M23" in mentioned(analysis, "rebels")
    m23 = actors_of(analysis)["M23"]
    assert (m23.kind, m23.country, m23.sector) == ("group", "COD", "REB")   # a movement in its state
    assert "SYR-REB" in mentioned(analysis, "Syrian rebels") | mentioned(analysis, "rebels")


def test_a_ship_named_like_an_organisation_is_no_actor(analyze):
    text = "Finnish authorities seized the Eagle S, a tanker registered in the Cook Islands."
    analysis = analyze(text, published="2024-12-26")
    assert not [a for a in analysis.actors if "eagle" in a.id]


def test_a_short_name_tagged_as_an_organisation_is_still_the_person(analyze):
    text = ("China's Deputy Foreign Minister Sun Weidong summoned Japan's ambassador, Hideo Tarumi, on Thursday. "
            "Tarumi told Sun that China should base its position on science.")
    analysis = analyze(text, published="2023-08-24")
    assert not [a for a in analysis.actors if a.id == "org:sun"]
    assert "sun-weidong" in mentioned(analysis, "Sun")


@pytest.mark.parametrize("text", ["Rebels in Darfur attacked a convoy on Monday.",
                                  "On Monday, rebels in Darfur attacked a convoy."])
def test_a_group_where_a_place_is_named_is_that_states_group(analyze, text):
    rebels = next(a for a in analyze(text).actors if a.sector == "REB")
    assert (rebels.id, rebels.kind, rebels.country) == ("SDN-REB", "group", "SDN")


def test_a_group_with_no_place_named_has_no_state(analyze):
    text = "Kenya's president spoke in Parliament on Monday. Protesters marched to the stadium."
    protesters = next(a for a in analyze(text).actors if a.sector == "OPP")
    assert protesters.id == "grp:OPP" and protesters.country is None


def test_civilians_with_no_state_named_are_a_group_and_a_states_own_are_its_group(analyze):
    analysis = analyze("Gunmen fired on civilians near the border. Syrian civilians fled north.",
                       published="2024-03-02")
    assert "grp:CVL" in mentioned(analysis, "civilians")
    syrians = actors_of(analysis)["SYR-CVL"]
    assert (syrians.kind, syrians.country) == ("group", "SYR")   # a group in Syria, not its state


def _in_release(pipeline, text: str, voice: str | None):
    from realpolitik.schema import Document, content_id

    doc = Document(id=content_id(text), text=text, published="2022-05-10",
                   metadata={"voice": voice} if voice else {})
    return next(iter(pipeline.analyze_documents([doc])))


def _country_of(analysis, name: str) -> str | None:
    return next(a.country for a in analysis.actors if a.name == name)


@pytest.mark.parametrize("title", ["Under Secretary for Arms Control, Verification, and Compliance",
                                   "Assistant Secretary for the Bureau of African Affairs Dr.",
                                   "Deputy Secretary of State", "Counselor"])
def test_an_official_titled_with_the_publishers_office_is_the_publishers(pipeline, title):
    text = f"{title} Lena Farrow will travel to Nairobi on May 12 to meet Kenyan officials."
    assert _country_of(_in_release(pipeline, text, "USA"), "Lena Farrow") == "USA"
    assert _country_of(_in_release(pipeline, text, None), "Lena Farrow") != "USA"   # no publisher


def test_another_governments_secretary_is_not_the_publishers(pipeline):
    text = "Secretary of Foreign Affairs and Trade Roland Keats will visit Washington on May 12."
    assert _country_of(_in_release(pipeline, text, "USA"), "Roland Keats") != "USA"


@pytest.mark.parametrize("apostrophe", ["'", "\u2019"])
def test_names_match_with_either_apostrophe(analyze, apostrophe):
    analysis = analyze(f"Manila protested to the People{apostrophe}s Republic of China over the reef, "
                       f"and C\u00f4te d{apostrophe}Ivoire offered to mediate.", published="2024")
    assert mentioned(analysis, f"People{apostrophe}s Republic of China") == {"CHN"}
    assert "TWN" not in actors_of(analysis)
    assert mentioned(analysis, f"C\u00f4te d{apostrophe}Ivoire") == {"CIV"}


def test_firms_rights_groups_and_armed_groups_act_without_a_state(analyze):
    a = analyze("The firm rejected the tax claim. Aid agencies criticised the blockade, "
                "and armed groups attacked two convoys.", "2024")
    actors = actors_of(a)
    for actor_id, sector in (("grp:BUS", "BUS"), ("grp:NGO", "NGO"), ("grp:REB", "REB")):
        assert actors[actor_id].kind == "group" and actors[actor_id].country is None
        assert actors[actor_id].sector == sector
    assert mentioned(a, "firm") == {"grp:BUS"}
    assert mentioned(a, "agencies") == {"grp:NGO"} or mentioned(a, "Aid agencies") == {"grp:NGO"}


def test_a_states_firms_are_a_group_in_it_not_the_state(analyze):
    a = analyze("Brazilian firms won the port contracts.", "2024")
    firms = next(x for x in a.actors if any("firms" in m.text for m in x.mentions))
    assert firms.country == "BRA" and firms.sector == "BUS" and firms.kind == "group"


def test_the_organization_of_a_un_speech_is_the_un(analyze):
    a = analyze("Malta owes much to the United Nations. The United Nations kept the sea lanes open, "
                "and the Organization must now lead on migration.", "2023")
    assert mentioned(a, "Organization") == {"UN"}
    assert not any(x.id.startswith("org:organ") for x in a.actors)


@pytest.mark.parametrize("text, name, posting", [
    ("Special Envoy to Libya Mara Lindqvist met officials in Khartoum on Tuesday to discuss the ceasefire.",
     "Mara Lindqvist", "LBY"),
    ("Special Representative for the DPRK John Miller met officials in Seoul.", "John Miller", "PRK"),
])
def test_an_envoy_posted_to_a_state_is_the_publishers(pipeline, text, name, posting):
    assert _country_of(_in_release(pipeline, text, "USA"), name) == "USA"
    # with no publisher, the posting is all the text says
    assert _country_of(_in_release(pipeline, text, None), name) == posting
