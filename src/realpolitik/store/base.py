"""The Store interface: what every backend must do, and nothing about how.

One interface, one conformance suite (tests/store/test_store_conformance.py) run over every
backend, as nomenklatura does for its stores. Machine output is written once per document
version and never edited; analyst decisions live beside it in an append-only log and are
applied when reading, so every query and export sees the corrected picture and a re-ingest
cannot erase a correction.

Query methods return typed rows (store/records.py, declared beside the views): frozen
dataclasses the CLI, the API, the exports and `realpolitik.Corpus` share; `row.to_dict()`
gives the JSON (apart from datetimes).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Collection, Iterator, Mapping
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any, Literal

from realpolitik.schema import Analysis
from realpolitik.store.records import (
    ActorRow,
    ClaimRow,
    DecisionRow,
    DocumentRow,
    EventRow,
    FailureRow,
    InterestRow,
    MentionRow,
    QuantityRow,
    StoredDocumentRow,
    TimeRow,
)

# Bump when the tables change; add a migration from the previous version in store/migrations.py.
STORE_VERSION = 2
STORE_FORMAT = "realpolitik.store"

AddOutcome = Literal["added", "version", "unchanged", "reanalysed"]
DecisionKind = Literal["reject", "resolve", "merge", "fix"]
REJECTABLE = ("event", "claim", "quantity")
GLOBAL_SCOPE = "*"


class StoreError(Exception):
    """The store cannot be used as asked; the message says what to do."""


class StoreBusy(StoreError):
    """Another process holds the store (a DuckDB file has one writer or many readers, never
    both); unlike other StoreErrors, trying again later may succeed."""


class StoreVersionError(StoreError):
    """The file or database was written by another schema version (or is not a store at all)."""


@dataclass(frozen=True)
class Added:
    doc: str
    outcome: AddOutcome
    version: int
    events: int


class Store(ABC):
    """A persistent corpus of analyses with an analyst decision log.

    Backends: `realpolitik.store.duckdb.DuckDBStore` (a file) and
    `realpolitik.store.postgres.PostgresStore` (a server). Open one with
    `realpolitik.store.open_store(location)`.
    """

    location: str

    # -- lifecycle ----------------------------------------------------------
    @abstractmethod
    def close(self) -> None: ...

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @abstractmethod
    def schema_version(self) -> int: ...

    # -- writing machine output ---------------------------------------------
    @abstractmethod
    def has_document(self, doc_id: str) -> bool:
        """True when this exact content is stored (any version): ingest skips it."""

    @abstractmethod
    def add_analysis(self, analysis: Analysis, reanalyse: bool = False) -> list[Added]:
        """Store one document's analysis in one transaction.

        Same content as a stored document: nothing changes ("unchanged"), unless `reanalyse`,
        which replaces that document's machine output. Same path or URL with new content: a
        new version that supersedes the old one ("version"). Otherwise "added".
        """

    @abstractmethod
    def interests(self, actor: str | None = None, since: str | None = None, limit: int | None = 100,
                  offset: int = 0, doc: str | None = None) -> list[InterestRow]:
        """Stated interests, ranked first, newest first, with their documents' dates; `doc`
        keeps one document's (the page highlights them without reading the corpus)."""

    @abstractmethod
    def mentions(self, doc: str | None = None, actor: str | None = None, limit: int | None = 1000,
                 offset: int = 0) -> list[MentionRow]:
        """Where documents name actors, in text order; `doc` keeps one document's."""

    @abstractmethod
    def times(self, doc: str | None = None, limit: int | None = 1000, offset: int = 0) -> list[TimeRow]:
        """Time expressions and their ISO values, in text order; `doc` keeps one document's."""

    @abstractmethod
    def change_stamp(self) -> tuple:
        """A cheap fingerprint that changes whenever what readers see changes."""

    @abstractmethod
    def record_failure(self, path: str, reason: str) -> None: ...

    @abstractmethod
    def failures(self, include_resolved: bool = False) -> list[FailureRow]: ...

    # -- queries (corrections applied, current document versions only) -----
    @abstractmethod
    def counts(self) -> dict[str, int]:
        """Rows per table as seen by queries: documents, actors, events, claims, …"""

    @abstractmethod
    def documents(self, limit: int | None = 100, offset: int = 0, include_text: bool = False,
                  all_versions: bool = False) -> list[DocumentRow]:
        """Document versions without their text (DocumentTextRow with it, `include_text`)."""

    @abstractmethod
    def document(self, doc_id: str) -> StoredDocumentRow | None: ...

    @abstractmethod
    def actors(self, kind: str | None = None, limit: int | None = 100, offset: int = 0) -> list[ActorRow]: ...

    @abstractmethod
    def resolve_actor(self, name: str) -> str | None:
        """An actor id for an id, name or alias as an analyst types it (case-insensitive)."""

    @abstractmethod
    def events(self, actor: str | None = None, type: str | None = None, since: str | None = None,
               until: str | None = None, dyad: tuple[str, str] | None = None, doc: str | None = None,
               limit: int | None = 100, offset: int = 0,
               between: tuple[Collection[str], Collection[str]] | None = None) -> list[EventRow]:
        """Events with their evidence sentence, document date/publisher and claim status.

        `since`/`until` compare ISO prefixes against the event's date (else its document's
        published date): a year-only date "2019" sorts before "2019-01". `between` keeps
        events from any actor of one set to any actor of the other, in either direction (a
        state and its people and organs against another's, for the roll-up).
        """

    @abstractmethod
    def claims(self, status: str | None = None, source: str | None = None, doc: str | None = None,
               limit: int | None = 100, offset: int = 0) -> list[ClaimRow]: ...

    @abstractmethod
    def quantities(self, doc: str | None = None, limit: int | None = 100, offset: int = 0) -> list[QuantityRow]: ...

    @abstractmethod
    def to_analysis(self) -> Analysis:
        """The whole current corpus as one contract object, corrections applied."""

    @abstractmethod
    def check(self) -> list[str]:
        """Integrity problems (orphan rows, two current versions of one document); [] when sound."""

    # -- analyst decisions (append-only) -----------------------------------
    @abstractmethod
    def decide(self, kind: DecisionKind, target: str, value: str | Mapping[str, Any] | None, analyst: str,
               scope: str = GLOBAL_SCOPE, note: str | None = None) -> int:
        """Record a decision and return its id.

        reject:  target "event:ID" / "claim:ID" / "quantity:ID"
        resolve: target an actor id, value the actor it really is; scope a document id or "*";
                 value may be a new actor given as JSON {"id","name","kind","country"}
        merge:   target the actor that disappears, value the actor it is folded into
        fix:     target "event:ID" / "claim:ID" / "actor:ID", value the fields it changes as an
                 object (or its JSON): event type, source, target, date, negated; claim status;
                 actor key, kind, country (store/fixes.py). Actors may be given by id, name or
                 alias and are stored as ids.
        """

    @abstractmethod
    def undo(self, decision_id: int, analyst: str) -> DecisionRow:
        """Withdraw a decision (marked undone, never deleted); returns it."""

    @abstractmethod
    def decisions(self, include_undone: bool = True) -> list[DecisionRow]: ...

    def iter_events(self, batch: int = 5000, **filters: Any) -> Iterator[EventRow]:
        """All matching events, paged so a large corpus is never held at once."""
        offset = 0
        while True:
            rows = self.events(limit=batch, offset=offset, **filters)
            yield from rows
            if len(rows) < batch:
                return
            offset += batch

    def transaction(self) -> AbstractContextManager[Any]:  # pragma: no cover - overridden
        raise NotImplementedError
