"""Boilerplate on invented pages: what must be marked, and body that must never be."""

import json

import pytest

from realpolitik.ingest.boilerplate import detect


def covered(text, spans, part):
    lo = text.index(part)
    return any(s <= lo and lo + len(part) <= e for s, e in spans)


def touched(text, spans, part):
    lo = text.index(part)
    return any(s < lo + len(part) and lo < e for s, e in spans)


NEWS_FOOTER = """By Maria Okafor

LAGOS — Nigeria and Ghana agreed on Thursday to reopen a disputed border crossing after two days of talks in Accra.

The foreign ministers said trucks would be allowed through from next month, and that customs officers from both countries would share a single post.

Traders welcomed the decision. "We have waited three years for this," said one exporter of cocoa.

Share this article
Facebook | Twitter | Email

© 2024 Harbour Daily Media Group. All rights reserved.
Privacy Policy
Terms of Use
"""

THINK_TANK = """The alliance has spent a decade debating how to defend its eastern flank without provoking a wider war.

Planners now accept that deterrence by punishment is no longer enough. Forward-deployed brigades, prepositioned equipment and faster decision-making are the new consensus.

Yet budgets lag behind rhetoric. Only a handful of members meet the spending target, and ammunition production remains far below what a long conflict would demand.

Dr. Amara Lindqvist is a Senior Fellow at the Northbridge Institute for Security Studies.

The views expressed in this commentary are solely those of the author and do not necessarily reflect the position of the Northbridge Institute.
"""

NEWSLETTER = """Ministers from twelve Pacific island states met in Suva to coordinate their position ahead of the climate summit.

They called for a dedicated fund for loss and damage, financed by the largest emitters.

Get our weekly briefing
Sign up for the Pacific Brief newsletter and get analysis delivered to your inbox every Friday.

The final communiqué also asked development banks to ease lending terms for countries hit by cyclones.
"""

RELATED = """The central bank raised its main interest rate by half a percentage point on Wednesday, the third increase this year.

Officials said inflation, driven by food and fuel prices, had reached its highest level in two decades.

Related articles
Why the Currency Keeps Falling
Five Charts That Explain the Debt Crisis
Read More

Most Read
Election Commission Sets Date for Vote
Port Strike Enters Second Week
"""

COOKIE = """We use cookies to improve your experience on our site. By continuing to browse you accept our cookie policy.
Accept all
Manage preferences

Rescue teams reached the flooded villages on Sunday after the river burst its banks, local authorities said.

More than 4,000 people have been moved to temporary shelters, and the army has sent helicopters to deliver food.
"""

PLAIN_BODY = """The two governments signed a memorandum on water sharing after months of negotiation.

Under the deal, each side will report dam releases within 24 hours, and a joint commission will meet twice a year.

Critics say the agreement lacks penalties. Supporters reply that trust must come first.

Subscribers to the old treaty framework, officials noted, had never enforced its reporting rules.

Read the fine print and the gaps are obvious, one analyst said, but it is a start.
"""

QUOTED_OFFICIALS = """The summit ended without a joint statement, a sign of how far apart the delegations remain.

A spokesperson said the government would "explore all options" to protect its fishing fleet, including sanctions.

Later in the week the minister met industry leaders. John Mbeki is the head of the national fishing association, which represents 3,000 boat owners in the coastal provinces, and he warned of job losses.

Related talks on maritime borders will resume in the autumn, diplomats said.
"""

CASES = [
    (NEWS_FOOTER,
     ["By Maria Okafor", "Share this article", "Facebook | Twitter | Email",
      "© 2024 Harbour Daily Media Group. All rights reserved.", "Privacy Policy\nTerms of Use"],
     ["LAGOS — Nigeria and Ghana", "Traders welcomed the decision."]),
    (THINK_TANK,
     ["Dr. Amara Lindqvist is a Senior Fellow at the Northbridge Institute for Security Studies.",
      "The views expressed in this commentary are solely those of the author"],
     ["The alliance has spent", "Yet budgets lag behind rhetoric."]),
    (NEWSLETTER,
     ["Get our weekly briefing\nSign up for the Pacific Brief newsletter"],
     ["Ministers from twelve", "The final communiqué also asked"]),
    (RELATED,
     ["Related articles\nWhy the Currency Keeps Falling\nFive Charts That Explain the Debt Crisis\nRead More",
      "Most Read\nElection Commission Sets Date for Vote\nPort Strike Enters Second Week"],
     ["The central bank raised", "Officials said inflation"]),
    (COOKIE,
     ["We use cookies to improve your experience", "Accept all\nManage preferences"],
     ["Rescue teams reached", "More than 4,000 people"]),
    (PLAIN_BODY, [], ["The two governments", "Subscribers to the old treaty", "Read the fine print"]),
    (QUOTED_OFFICIALS, [], ["A spokesperson said the government would \"explore all options\"",
                            "John Mbeki is the head of the national fishing association",
                            "Related talks on maritime borders"]),
]


@pytest.mark.parametrize(("text", "boiler", "body"), CASES)
def test_pages(text, boiler, body):
    spans = detect(text).spans
    for part in boiler:
        assert covered(text, spans, part), f"not marked: {part!r}"
    for part in body:
        assert not touched(text, spans, part), f"body marked: {part!r}"


@pytest.mark.parametrize(("text", "boiler", "body"), CASES)
def test_spans_are_sorted_disjoint_and_inside_the_text(text, boiler, body):
    spans = detect(text).spans
    assert all(0 <= s < e <= len(text) for s, e in spans)
    assert all(a[1] < b[0] for a, b in zip(spans, spans[1:], strict=False))


def test_byline_and_bio_name_the_author():
    assert detect(NEWS_FOOTER).author == "Maria Okafor"
    assert detect(THINK_TANK).author == "Amara Lindqvist"
    assert detect(QUOTED_OFFICIALS).author is None


def test_copyright_footer_names_the_publisher():
    assert detect(NEWS_FOOTER).publisher == "Harbour Daily Media Group"


def test_bio_in_the_middle_of_the_text_is_body():
    text = ("Jane Holt is a senior fellow at the Atlantic Policy Forum.\n\n"
            + "The committee debated the bill for three days before a narrow vote.\n\n" * 5)
    assert detect(text).spans == []


def test_flagship_gold_hints_are_covered(shared):
    gold_path = shared / "gold" / "xi-putin-cepa.gold.json"
    text_path = shared / "examples" / "xi-putin-cepa.txt"
    text = text_path.read_text(encoding="utf-8")
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    found = detect(text)
    for hint in gold["boilerplate"]:
        assert covered(text, found.spans, hint), hint
    for hint in gold.get("no_events_in", []):
        assert hint in text


@pytest.mark.parametrize("line", [
    "The newsletter was banned by the regulator last year.",
    "Subscribers to the ministry's bulletin were warned.",
    "Explore the options, the envoy told reporters, before the deadline passes.",
    "Copyright disputes dominated the trade talks between the two sides for months on end.",
])
def test_body_sentences_with_cue_words_are_not_marked(line):
    text = "The talks opened in Vienna on Monday.\n\n" + line + "\n\nThey will resume in June after a break."
    assert not touched(text, detect(text).spans, line)


def test_a_short_quoted_instruction_is_not_a_link():
    text = "The talks opened in Vienna.\n\nExplore every option, he said.\n\nThey resume in June."
    assert detect(text).spans == []


def test_wire_credit_line_at_the_end_is_footer():
    text = ("Exports of grain through the strait resumed on Monday after a week-long halt, port officials said.\n\n"
            "Reporting by Ana Ruiz; Editing by Tom Birch\n")
    assert covered(text, detect(text).spans, "Reporting by Ana Ruiz; Editing by Tom Birch")


# -- lists of related headlines, wire credits, follow prompts ---------------------------------

WIRE_LIST = """ANKARA, March 4 (Wire) - Turkey and Greece agreed on Monday to reopen a hotline between their defence ministries, officials from both sides said.

The two navies will also notify each other of exercises in the Aegean at least a week in advance.

Read more:
- Aegean Airspace Dispute Flares Again After Fighter Intercept
- Explainer: Who owns the islands off the Turkish coast?
- Greek and Turkish leaders meet for first time in two years

(Additional reporting by Selin Kaya in Istanbul)
Reporting by Nikos Pappas; Editing by Clare Dunn
Sign up here.
"""

BULLET_MOST_READ = """Chile and Bolivia resumed talks on the Silala river on Tuesday, ending a pause of nearly a year.

Both delegations described the meeting as constructive and said experts would meet again in May.

More on this story
• Silala ruling: what the court decided
• Lithium boom puts pressure on Andean water
• Could a shared basin authority work?

Most read
1. Storm cuts power to half of Santiago
2. Copper price hits record on supply fears
3. Why the peso fell this week

Follow us on X and Instagram
This article was produced by the Andes Desk with support from a regional press fund.
"""

BODY_BULLETS = """Protest leaders in the capital set out their conditions for ending the strike:
- Release of all detained union members
- An independent inquiry into the shootings
- Early elections under a caretaker government

The government rejected the list within hours, calling it an ultimatum.

The opposition coalition later published its own programme. It demands:
- A new electoral commission
- Restoration of the free press

© 2024 Meridian News Agency
"""

INLINE_CREDIT = """The envoy said the ceasefire would be monitored by observers from three neutral states. (Reporting by Omar Haddad; Editing by Jan Wolf)
"""

LIST_CASES = [
    (WIRE_LIST,
     ["Read more:\n- Aegean Airspace Dispute Flares Again After Fighter Intercept",
      "- Explainer: Who owns the islands off the Turkish coast?",
      "- Greek and Turkish leaders meet for first time in two years",
      "(Additional reporting by Selin Kaya in Istanbul)", "Reporting by Nikos Pappas; Editing by Clare Dunn",
      "Sign up here."],
     ["ANKARA, March 4", "The two navies will also notify"]),
    (BULLET_MOST_READ,
     ["More on this story\n• Silala ruling: what the court decided\n• Lithium boom puts pressure on Andean water"
      "\n• Could a shared basin authority work?",
      "Most read\n1. Storm cuts power to half of Santiago\n2. Copper price hits record on supply fears"
      "\n3. Why the peso fell this week",
      "Follow us on X and Instagram",
      "This article was produced by the Andes Desk"],
     ["Chile and Bolivia resumed", "Both delegations described"]),
    (BODY_BULLETS,
     ["© 2024 Meridian News Agency"],
     ["Release of all detained union members", "An independent inquiry", "Early elections",
      "A new electoral commission", "Restoration of the free press", "The opposition coalition"]),
    (INLINE_CREDIT,
     ["(Reporting by Omar Haddad; Editing by Jan Wolf)"],
     ["The envoy said the ceasefire would be monitored by observers from three neutral states."]),
]


@pytest.mark.parametrize(("text", "boiler", "body"), LIST_CASES)
def test_related_lists_credits_and_prompts(text, boiler, body):
    spans = detect(text).spans
    for part in boiler:
        assert covered(text, spans, part), f"not marked: {part!r}"
    for part in body:
        assert not touched(text, spans, part), f"body marked: {part!r}"
    assert all(a[1] < b[0] for a, b in zip(spans, spans[1:], strict=False))


def test_a_short_question_before_a_link_cue_stays_body():
    text = ("The ministers met in Oslo on Friday to discuss fishing quotas in the Barents Sea.\n\n"
            "- What comes next for the quota system?\n\nThat question was left open.\n")
    assert detect(text).spans == []
