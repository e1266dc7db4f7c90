"""An annotated document read by the pipeline up to one extractor: what a model trained on the
annotations sees at that point at run time (the rules' events for the pair model, the actor
layer for the interest model), built one way for every trainer and measurement."""

from __future__ import annotations

from typing import TYPE_CHECKING

from realpolitik.training import corpus

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from realpolitik.extract.context import ExtractContext
    from realpolitik.pipeline import Pipeline
    from realpolitik.schema import Document


def _known(pipeline: Pipeline, last: str) -> None:
    if last not in {ex.name for ex in pipeline.extractors}:
        raise ValueError(f"no extractor named {last!r} in the pipeline")


def read_until(pipeline: Pipeline, doc_id: str, last: str) -> tuple[Document, Doc, ExtractContext]:
    """Parse the corpus document `doc_id` and run the pipeline's extractors in order, stopping
    after the one named `last`."""
    from realpolitik.schema import Document, content_id

    _known(pipeline, last)   # before any reading: a misspelt name fails at once
    source = corpus.get(doc_id)
    document = Document(id=content_id(source.text), text=source.text,
                        published=(source.published or "")[:10] or None, metadata=source.metadata or {})
    return run_until(pipeline, document, last)


def run_until(pipeline: Pipeline, document: Document, last: str) -> tuple[Document, Doc, ExtractContext]:
    """Parse `document` and run the pipeline's extractors in order, stopping after `last`."""
    ctx = _run(pipeline, document, last, including=True)
    return document, ctx.doc, ctx


def run_before(pipeline: Pipeline, document: Document, first: str) -> ExtractContext:
    """Parse `document` and run the pipeline's extractors in order up to, not including, the
    one named `first`: the context as that extractor receives it."""
    return _run(pipeline, document, first, including=False)


def _run(pipeline: Pipeline, document: Document, name: str, including: bool) -> ExtractContext:
    """The extractors in order up to the one named `name`, which runs only if `including`."""
    from realpolitik.extract.context import ExtractContext

    _known(pipeline, name)
    ctx = ExtractContext(document=document, doc=pipeline.parse([document])[0], config=pipeline.config)
    for ex in pipeline.extractors:
        if ex.name == name and not including:
            break
        ex.fn(ctx)
        if ex.name == name:
            break
    return ctx
