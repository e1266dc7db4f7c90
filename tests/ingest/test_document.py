"""Every reader's text goes through the same checks and metadata rules."""

import logging

from realpolitik.ingest import IngestFailure, Overrides
from realpolitik.ingest.document import build
from realpolitik.schema import Document, content_id

BODY = ("The foreign ministers of Japan and Australia met in Canberra on Friday and agreed to deepen "
        "defence cooperation.\n\nDr. Ellen Marsh is a Senior Fellow at the Tasman Policy Centre.\n")


def test_document_fields():
    doc = build("a.txt", BODY, {"title": "T", "published": "2020-02-03", "publisher": "P"}, Overrides())
    assert isinstance(doc, Document)
    assert doc.id == content_id(BODY) and doc.text == BODY and doc.path == "a.txt" and doc.lang == "en"
    assert (doc.title, doc.published, doc.publisher, doc.author) == ("T", "2020-02-03", "P", "Ellen Marsh")
    bio = "Dr. Ellen Marsh is a Senior Fellow at the Tasman Policy Centre."
    assert doc.boilerplate == [(BODY.index(bio), BODY.index(bio) + len(bio))]


def test_overrides_win():
    doc = build("a.txt", BODY, {"title": "T", "published": "2020", "publisher": "P"},
                Overrides(published="2024-05", title="Mine", source="Me"))
    assert (doc.title, doc.published, doc.publisher) == ("Mine", "2024-05", "Me")


def test_no_date_is_none_never_today():
    assert build("a.txt", BODY, {}, Overrides()).published is None


def test_bad_date_is_none_with_a_warning(caplog):
    with caplog.at_level(logging.WARNING):
        doc = build("a.txt", BODY, {"published": "sometime soon-ish"}, Overrides())
    assert doc.published is None and doc.metadata["published_raw"] == "sometime soon-ish"
    assert "a.txt" in caplog.text


def test_empty_and_french_fail():
    assert build("e.txt", " \n\t\n", {}, Overrides()) == IngestFailure("e.txt", "empty: no text to analyse")
    french = ("Le gouvernement a annoncé mardi une nouvelle aide pour les agriculteurs. Les syndicats ont salué "
              "cette décision, mais ils demandent plus de moyens. Le ministre sera à Bruxelles la semaine "
              "prochaine pour défendre le projet devant ses homologues européens.")
    out = build("fr.txt", french, {}, Overrides())
    assert isinstance(out, IngestFailure)
    assert out.reason == "language looks like French (fr); only English is analysed"
