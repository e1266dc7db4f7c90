"""DuckDB and PostgreSQL give the same answers on the same corpus (the bundled examples)."""

from __future__ import annotations

import pytest

from realpolitik.analysis.corroboration import contested
from realpolitik.analysis.dyad import dyad_report
from realpolitik.store.testing import BackendUnavailable, fresh_store, postgres_url


def _answers(store, corpus):
    for a in corpus:
        store.add_analysis(a)
    store.decide("reject", f"event:{store.events(limit=1)[0].id}", None, "ana")
    drop = lambda rows: [{k: v for k, v in r.to_dict().items() if k != "ingested_at"} for r in rows]  # noqa: E731
    doc = store.documents(limit=1)[0].id
    return {
        "counts": store.counts(),
        "events": store.events(limit=None),
        "actors": store.actors(limit=None),
        "claims": store.claims(limit=None),
        "quantities": store.quantities(limit=None),
        "documents": drop(store.documents(limit=None, include_text=True)),
        "interests": store.interests(limit=None),
        "mentions": store.mentions(limit=None),
        "times": store.times(limit=None),
        "one document": (store.mentions(doc=doc, limit=None), store.times(doc=doc, limit=None),
                         store.interests(doc=doc, limit=None), store.events(doc=doc, limit=None)),
        "dyad": dyad_report(store, "CHN", "RUS", by="quarter").to_dict(),
        "contested": contested(store),
        "contract": store.to_analysis().to_dict(),
    }


def test_duckdb_and_postgres_agree(corpus, tmp_path):
    try:
        postgres_url()
    except BackendUnavailable as exc:
        pytest.skip(str(exc))
    with fresh_store("duckdb", tmp_path) as duck, fresh_store("postgres", tmp_path) as pg:
        a, b = _answers(duck, corpus), _answers(pg, corpus)
    assert a["counts"]["events"] > 0
    for key in a:
        assert a[key] == b[key], key
