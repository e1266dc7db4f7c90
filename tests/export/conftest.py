"""Stores for the export tests: the bundled corpus with corrections, and one hand-built wire report
whose every field is known (written for these tests; not an extraction)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from realpolitik.schema import Actor, Analysis, Document, Event, Interest, Mention, content_id

WIRE = ("Russia vetoed the Security Council draft on Tuesday, its third veto this year.\n\n"
        "A Russian minister warned NATO on 14 March against new deployments. Both sides signed a hotline "
        "memorandum that week. Russia did not attack NATO ships.")
WIRE_URL = "https://wire.example.org/2019/03/veto"
WIRE_PATH = "/home/analyst/private/inbox/veto.txt"  # a local path no export may show
LATER = "Moscow asked NATO for talks."


def _span(text: str, part: str) -> dict[str, int]:
    start = text.index(part)
    return {"start": start, "end": start + len(part)}


def _trigger(text: str, word: str) -> dict[str, object]:
    return {**_span(text, word), "text": word}


def _sentence(text: str, first_words: str) -> dict[str, int]:
    start = text.index(first_words)
    return {"start": start, "end": text.index(".", start) + 1}


def wire_analyses() -> list[Analysis]:
    """Two documents: a wire report published in March 2019 (month only) with a URL and a local
    path, and an undated note with neither."""
    doc = Document(id=content_id(WIRE), text=WIRE, title="Russia vetoes draft", publisher="Test Wire",
                   published="2019-03", url=WIRE_URL, path=WIRE_PATH)
    d = doc.id
    actors = [
        Actor(id="RUS", name="Russia", kind="state", country="RUS",
              mentions=[Mention(doc=d, **_span(WIRE, "Russia"), text="Russia")]),
        Actor(id="RUS-GOV", name="Russia (government)", kind="organization", country="RUS", sector="GOV",
              mentions=[Mention(doc=d, **_span(WIRE, "Russian minister"), text="Russian minister")]),
        Actor(id="UNSC", name="United Nations Security Council", kind="organization", org="UNSC",
              mentions=[Mention(doc=d, **_span(WIRE, "Security Council"), text="Security Council")]),
        Actor(id="NATO", name="North Atlantic Treaty Organization", kind="organization", org="NATO",
              mentions=[Mention(doc=d, **_span(WIRE, "NATO"), text="NATO")]),
    ]
    events = [
        # the rule "veto" codes 1241; the store keeps the root, 12
        Event(id="ev-veto", doc=d, type="REJECT", source="RUS", target="UNSC",
              sentence=_sentence(WIRE, "Russia vetoed"), trigger=_trigger(WIRE, "vetoed"),
              cameo="12", goldstein=-4.0, pattern="verbal:verb:veto+counterpart"),
        # coded by the model: only the root is known
        Event(id="ev-warn", doc=d, type="THREATEN", source="RUS-GOV", target="NATO", date="2019-03-14",
              sentence=_sentence(WIRE, "A Russian minister"), trigger=_trigger(WIRE, "warned"),
              cameo="13", goldstein=-4.4, pattern="model"),
        # a rule whose code (057) is not under the stored root (03): the root stays
        Event(id="ev-sign", doc=d, type="AGREE", source="RUS", target="NATO", date="2019-03-11/2019-03-17",
              sentence=_sentence(WIRE, "Both sides"), trigger=_trigger(WIRE, "signed"),
              cameo="03", goldstein=4.0, pattern="verbal:verb:sign"),
        Event(id="ev-attack", doc=d, type="ASSAULT", source="RUS", target="NATO", negated=True,
              sentence=_sentence(WIRE, "Russia did not"), trigger=_trigger(WIRE, "attack"),
              cameo="18", goldstein=-9.0, pattern="verbal:verb:attack"),
    ]
    interests = [Interest(actor="RUS", rank=1, text="new deployments", doc=d, span=_span(WIRE, "new deployments"))]
    wire = Analysis(documents=[doc], actors=actors, events=events, interests=interests)

    note = Document(id=content_id(LATER), text=LATER, title="Note")
    n = note.id
    later = Analysis(documents=[note], actors=[
        Actor(id="RUS", name="Russia", kind="state", country="RUS",
              mentions=[Mention(doc=n, **_span(LATER, "Moscow"), text="Moscow")]),
        Actor(id="NATO", name="North Atlantic Treaty Organization", kind="organization", org="NATO",
              mentions=[Mention(doc=n, **_span(LATER, "NATO"), text="NATO")])],
        events=[Event(id="ev-ask", doc=n, type="REQUEST", source="RUS", target="NATO",
                      sentence=_sentence(LATER, "Moscow"), trigger=_trigger(LATER, "asked"), cameo="10",
                      goldstein=-5.0, pattern="verbal:verb:ask")])
    return [wire, later]


@pytest.fixture
def wire_report() -> SimpleNamespace:
    """What the hand-built wire report holds, for tests to compare exports against."""
    return SimpleNamespace(text=WIRE, url=WIRE_URL, path=WIRE_PATH, later=LATER, analyses=wire_analyses)


@pytest.fixture
def wire(store):
    """A store holding the hand-built wire report and the undated note."""
    for a in wire_analyses():
        store.add_analysis(a)
    return store


@pytest.fixture
def filled(store, corpus):
    """The bundled corpus, with one event rejected and Putin merged into Russia."""
    for a in corpus:
        store.add_analysis(a)
    rejected = store.events(limit=1)[0]
    store.decide("reject", f"event:{rejected['id']}", None, "ana")
    store.decide("merge", "vladimir-putin", "RUS", "ana") if store.resolve_actor("vladimir-putin") else None
    return store, rejected
