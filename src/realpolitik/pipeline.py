"""Documents in, per-document analyses out: parse once with nlp.pipe, then run the extractors.

Streaming by construction: documents are pulled from the input iterator one batch at a
time and each analysis is yielded as soon as its batch is done, so neither the Docs nor
the results of a whole corpus are ever held at once. Each batch runs inside spaCy's
memory zone: the strings and lexemes its texts add to the vocab are freed afterwards, so a
long stream does not grow the process (without it spaCy's own vocab grows with every new
word: +18% RSS from 20,000 to 200,000 words). Docs must therefore not outlive their batch;
extractors keep plain Python values only, and whatever they build lazily on the vocab (the
gazetteer's matcher) is built by warm_up() before the first zone.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

from realpolitik import nlp as nlp_module
from realpolitik.config import Config
from realpolitik.extract import Extractor, load_default_extractors
from realpolitik.extract.context import ExtractContext
from realpolitik.ingest import IngestFailure
from realpolitik.schema import Analysis, Document
from realpolitik.tokenizer_guard import MAX_PUNCT, MAX_RUN, tokenizer_safe

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

log = logging.getLogger(__name__)

# Analysed once before the first batch, outside any memory zone (see warm_up).
WARM_UP_TEXT = ("Chinese President Xi Jinping met Vladimir Putin in Moscow on 5 June 2019; the Kremlin "
                "said they signed 30 deals worth $20 billion. He reportedly wants closer ties.")

# Texts longer than this are parsed in paragraph-aligned chunks and joined back into one Doc.
CHUNK_CHARS = 100_000

# A batch holds at most batch_size texts and at most batch_size * CHARS_PER_TEXT characters
# (a news article is 2,000-4,000). The parse's working memory grows with the characters in a
# batch, not with their number, so this bound keeps the peak where it is however long the
# corpus runs or its longest texts are (measured: batches of 48 texts cost ~300 MB at peak).
CHARS_PER_TEXT = 2_000

# spaCy's stock components and what each needs to do its work. Extractors name the components
# whose annotations they read (Extractor.components: tagger for tag_, attribute_ruler for pos_,
# lemmatizer for lemma_, parser for dep_/heads/sents, ner for ents); the closure of those is
# kept and every other stock component is disabled, which saves its share of the parse. An
# extractor that names none is taken to need everything; components not listed here (a user's
# own) are never disabled.
COMPONENT_NEEDS: dict[str, tuple[str, ...]] = {
    "tok2vec": (),
    "transformer": (),
    "tagger": ("tok2vec", "transformer"),
    "morphologizer": ("tok2vec", "transformer"),
    "parser": ("tok2vec", "transformer"),
    "senter": ("tok2vec", "transformer"),
    "ner": ("tok2vec", "transformer"),  # en_core_web_sm's ner has its own tok2vec; trf listens
    "attribute_ruler": ("tagger", "morphologizer"),
    "lemmatizer": ("attribute_ruler", "tagger", "morphologizer"),
}


def components_to_disable(extractors: list[Extractor]) -> tuple[str, ...]:
    """Stock spaCy components no extractor needs, directly or through another component."""
    if any(not ex.components for ex in extractors):
        return ()
    needed: set[str] = set()
    todo = [c for ex in extractors for c in ex.components]
    while todo:
        name = todo.pop()
        if name not in needed:
            needed.add(name)
            todo.extend(COMPONENT_NEEDS.get(name, ()))
    return tuple(sorted(set(COMPONENT_NEEDS) - needed))


class Pipeline:
    """The spaCy model plus the registered extractors, built once and reused for every text."""

    def __init__(self, config: Config | None = None, extractors: list[Extractor] | None = None):
        self.config = config or Config.from_env()
        self.extractors = extractors if extractors is not None else load_default_extractors()
        self.nlp: Language = nlp_module.load(self.config.model, components_to_disable(self.extractors))
        self._warm = False

    # -- library entry points ---------------------------------------------
    def analyze_text(self, text: str, published: str | None = None, **meta: str | None) -> Analysis:
        """Analyse one text given as a string (the simplest library call)."""
        from realpolitik.schema import content_id

        document = Document(id=content_id(text), text=text, published=published, **meta)
        return next(iter(self.analyze_documents([document])))

    def analyze_documents(self, documents: Iterable[Document]) -> Iterator[Analysis]:
        for item in self.analyze_stream(documents):
            if isinstance(item, Analysis):
                yield item

    def analyze_stream(
        self,
        items: Iterable[Document | IngestFailure],
        on_failure: Callable[[IngestFailure], None] | None = None,
    ) -> Iterator[Analysis | IngestFailure]:
        """Analyse documents in input order; failures pass straight through, in place."""
        self.warm_up()
        for batch in batches(items, self.max_batch_texts, self.max_batch_chars):
            with self.nlp.memory_zone():
                results = list(self._analyze_batch(batch, on_failure))
            yield from results

    @property
    def max_batch_texts(self) -> int:
        return max(1, self.config.batch_size)

    @property
    def max_batch_chars(self) -> int:
        return self.max_batch_texts * CHARS_PER_TEXT

    def warm_up(self) -> None:
        """Run the extractors once outside a memory zone, so what they set up lazily on the
        vocab (matcher keys, pattern lexemes) is permanent and not freed with the first batch."""
        if self._warm:
            return
        self._warm = True
        document = Document(id="warm-up", text=WARM_UP_TEXT, published="2019-06-05")
        for _ in self._analyze_batch([document], None):
            pass

    # -- internals --------------------------------------------------------
    def _analyze_batch(
        self,
        batch: list[Document | IngestFailure],
        on_failure: Callable[[IngestFailure], None] | None,
    ) -> Iterator[Analysis | IngestFailure]:
        docs = [d for d in batch if isinstance(d, Document)]
        parsed = self.parse(docs)
        for item in batch:
            if isinstance(item, IngestFailure):
                if on_failure:
                    on_failure(item)
                yield item
                continue
            spacy_doc = parsed.pop(0)
            try:
                yield self.extract(item, spacy_doc)
            except Exception as exc:  # one document's bug must not sink the batch
                log.exception("extraction failed for %s", item.path)
                failure = IngestFailure(item.path or item.id, f"extraction failed: {exc!r}")
                if on_failure:
                    on_failure(failure)
                yield failure

    def parse(self, documents: list[Document]) -> list[Doc]:
        """Parse every document with one nlp.pipe call; long texts go in chunks."""
        from spacy.tokens import Doc

        pieces = [(chunk, n) for n, d in enumerate(documents) for chunk in split_text(self._parseable(d))]
        grouped: list[list[Doc]] = [[] for _ in documents]
        for group in _groups(pieces, self.max_batch_texts, self.max_batch_chars):
            for doc, n in self.nlp.pipe(group, as_tuples=True, batch_size=len(group)):
                grouped[n].append(doc)
        return [g[0] if len(g) == 1 else Doc.from_docs(g, ensure_whitespace=False) for g in grouped]

    @staticmethod
    def _parseable(document: Document) -> str:
        """The text the tokenizer sees: long runs broken (tokenizer_guard), same offsets."""
        text, broken = tokenizer_safe(document.text)
        if broken:
            log.warning("%s: %d run(s) of over %d punctuation marks or %d characters without a space "
                        "were broken up for parsing", document.path or document.id, broken, MAX_PUNCT, MAX_RUN)
        return text

    def extract(self, document: Document, doc: Doc) -> Analysis:
        ctx = ExtractContext(document=document, doc=doc, config=self.config)
        for ex in self.extractors:
            ex.fn(ctx)
        return ctx.to_analysis()


def batches(
    items: Iterable[Document | IngestFailure], max_texts: int, max_chars: int
) -> Iterator[list[Document | IngestFailure]]:
    """Consecutive runs of items, each within max_texts and (unless one text alone is longer)
    max_chars; items are pulled one at a time, so no more than a batch is ever read ahead."""
    batch: list[Document | IngestFailure] = []
    chars = 0
    for item in items:
        size = len(item.text) if isinstance(item, Document) else 0
        if batch and chars + size > max_chars:
            yield batch
            batch, chars = [], 0
        batch.append(item)
        chars += size
        if len(batch) >= max_texts or chars >= max_chars:  # full: go now, don't wait for more input
            yield batch
            batch, chars = [], 0
    if batch:
        yield batch


def _groups(pieces: list[tuple[str, int]], max_texts: int, max_chars: int) -> Iterator[list[tuple[str, int]]]:
    """The pieces of a batch in nlp.pipe calls of bounded size (a long text's chunks split it)."""
    group: list[tuple[str, int]] = []
    chars = 0
    for piece in pieces:
        if group and (len(group) >= max_texts or chars + len(piece[0]) > max_chars):
            yield group
            group, chars = [], 0
        group.append(piece)
        chars += len(piece[0])
    if group:
        yield group


def split_text(text: str, limit: int = CHUNK_CHARS) -> list[str]:
    """Cut text into pieces of at most ~limit chars at paragraph (else line, else space) breaks.

    The pieces concatenate back to exactly `text`, so offsets survive the join.
    """
    if len(text) <= limit:
        return [text]
    pieces: list[str] = []
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = -1
        for sep in ("\n\n", "\n", ". ", " "):
            cut = window.rfind(sep)
            if cut > limit // 4:
                cut += len(sep)
                break
        if cut <= 0:
            cut = limit
        pieces.append(text[start : start + cut])
        start += cut
    pieces.append(text[start:])
    return pieces


_default: Pipeline | None = None


def default_pipeline() -> Pipeline:
    global _default
    if _default is None:
        _default = Pipeline()
    return _default


def analyze(text: str, published: str | None = None) -> Analysis:
    """Analyse one text with the default pipeline: `realpolitik.analyze("...", "2024")`."""
    return default_pipeline().analyze_text(text, published=published)
